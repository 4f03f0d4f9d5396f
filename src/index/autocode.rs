//! Auto-coding: code every hit of a query (the match, its sentence or its turn) for one coder, as one
//! batch recorded in `.kodbok/batches.json` so that the whole batch can be undone in one step.

use super::{Hit, IndexError, Searcher};
use crate::model::Coding;
use crate::store::{Project, StoreError, atomic};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

pub const LOG_FILE: &str = "batches.json";
pub const LOG_VERSION: u32 = 1;

/// What each hit's coding covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// The matched words (a phrase as a whole).
    Match,
    /// The sentence around each match.
    Sentence,
    /// The whole speaker turn.
    Turn,
}

impl From<Scope> for crate::model::QueryScope {
    fn from(s: Scope) -> Self {
        match s {
            Scope::Match => crate::model::QueryScope::Match,
            Scope::Sentence => crate::model::QueryScope::Sentence,
            Scope::Turn => crate::model::QueryScope::Turn,
        }
    }
}

impl From<crate::model::QueryScope> for Scope {
    fn from(s: crate::model::QueryScope) -> Self {
        match s {
            crate::model::QueryScope::Match => Scope::Match,
            crate::model::QueryScope::Sentence => Scope::Sentence,
            crate::model::QueryScope::Turn => Scope::Turn,
        }
    }
}

/// The codings an auto-code would add, before anything is written (a preview).
#[derive(Debug, Clone)]
pub struct Plan {
    pub coder: String,
    pub code: String,
    pub query: String,
    pub scope: Scope,
    pub add: Vec<Coding>,
    /// Spans left out because this coder already has this code covering them.
    pub skipped: usize,
    /// Turns that matched.
    pub hits: usize,
}

/// One undoable batch of codings, as recorded in `.kodbok/batches.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Batch {
    pub id: String,
    /// `autocode` (other kinds may be added by the workbench).
    pub kind: String,
    pub coder: String,
    pub code: String,
    pub query: String,
    pub scope: Scope,
    pub created: DateTime<Utc>,
    /// Ids of the codings the batch added.
    pub codings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchLog {
    pub version: u32,
    /// Oldest first; undo takes the last one of the coder.
    pub batches: Vec<Batch>,
}

pub fn log_path(p: &Project) -> PathBuf {
    p.cache_dir().join(LOG_FILE)
}

pub fn load_log(p: &Project) -> Result<BatchLog, StoreError> {
    let path = log_path(p);
    if !path.exists() {
        return Ok(BatchLog {
            version: LOG_VERSION,
            batches: Vec::new(),
        });
    }
    let bytes = std::fs::read(&path).map_err(|e| StoreError::io(&path, e))?;
    serde_json::from_slice(&bytes).map_err(|e| {
        StoreError::one(
            crate::store::FileProblem::new(&path, e.to_string()).at(e.line(), e.column()),
        )
    })
}

/// Char span of the sentence around `[s, e)` in `text` (turn-local offsets).
pub fn sentence(text: &[char], s: usize, e: usize) -> (usize, usize) {
    let ends = |i: usize| {
        matches!(text[i], '.' | '!' | '?' | '…')
            && text.get(i + 1).is_none_or(|c| c.is_whitespace())
    };
    let mut a = s;
    while a > 0 && text[a - 1] != '\n' && !ends(a - 1) {
        a -= 1;
    }
    while a < s && text[a].is_whitespace() {
        a += 1;
    }
    let mut b = e.max(s + 1).min(text.len());
    while b < text.len() && text[b] != '\n' && !ends(b - 1) {
        b += 1;
    }
    while b < text.len() && matches!(text[b], '”' | '"' | '’' | ')') {
        b += 1;
    }
    (a, b.max(e))
}

/// The spans a hit's codings cover at this scope (none for match and sentence when nothing matched).
pub fn spans(hit: &Hit, scope: Scope) -> Vec<(usize, usize)> {
    match scope {
        Scope::Turn => vec![(hit.turn_start, hit.turn_end)],
        Scope::Match => hit.matches.clone(),
        Scope::Sentence => {
            let chars: Vec<char> = hit.text.chars().collect();
            let mut out: Vec<(usize, usize)> = hit
                .matches
                .iter()
                .map(|&(s, e)| sentence(&chars, s - hit.turn_start, e - hit.turn_start))
                .map(|(s, e)| (s + hit.turn_start, e + hit.turn_start))
                .collect();
            out.dedup();
            out
        }
    }
}

/// The codings auto-coding `query` with `code` would add for `coder` (nothing is written).
pub fn plan(
    p: &Project,
    s: &Searcher,
    query: &str,
    code: &str,
    scope: Scope,
    coder: &str,
) -> Result<Plan, IndexError> {
    let code = p
        .codebook
        .resolve(code)
        .map_err(|e| StoreError::refused(e.to_string()))?
        .id
        .clone();
    let hits = s.search_all(query)?;
    if scope != Scope::Turn && !hits.is_empty() && hits.iter().all(|h| h.matches.is_empty()) {
        return Err(StoreError::refused(
            "the query has no words to match (only filters); use --scope turn to code whole turns",
        )
        .into());
    }
    let existing: Vec<&Coding> = p.coders.get(coder).map_or(Vec::new(), |f| {
        f.codings.iter().filter(|c| c.code == code).collect()
    });
    let mut plan = Plan {
        coder: coder.to_string(),
        code: code.clone(),
        query: query.to_string(),
        scope,
        add: Vec::new(),
        skipped: 0,
        hits: hits.len(),
    };
    for hit in &hits {
        for (start, end) in spans(hit, scope) {
            let covered = |c: &&Coding| c.doc == hit.doc && c.start <= start && end <= c.end;
            if existing.iter().any(&covered) || plan.add.iter().any(|c| covered(&c)) {
                plan.skipped += 1;
                continue;
            }
            plan.add.push(p.new_coding(&hit.doc, start, end, &code)?);
        }
    }
    Ok(plan)
}

/// Adds a plan's codings to its coder's file and records the batch. The caller holds the coder's lock
/// and has reloaded the coder's file.
pub fn apply(p: &mut Project, plan: Plan) -> Result<Batch, StoreError> {
    let mut log = load_log(p)?;
    let mut ids = Vec::new();
    let file = p.coder_mut(&plan.coder);
    for c in plan.add {
        let id = c.id.clone();
        if file.insert(c) {
            ids.push(id);
        }
    }
    let batch = Batch {
        id: crate::model::coding::new_id(),
        kind: "autocode".into(),
        coder: plan.coder.clone(),
        code: plan.code,
        query: plan.query,
        scope: plan.scope,
        created: Utc::now(),
        codings: ids,
    };
    p.save_coder(&plan.coder)?;
    log.batches.push(batch.clone());
    atomic::write_json(&log_path(p), &log)?;
    Ok(batch)
}

/// Removes the codings of `coder`'s last batch; returns the batch and how many codings were still there.
/// The caller holds the coder's lock and has reloaded the coder's file.
pub fn undo_last(p: &mut Project, coder: &str) -> Result<(Batch, usize), StoreError> {
    let mut log = load_log(p)?;
    let Some(i) = log.batches.iter().rposition(|b| b.coder == coder) else {
        return Err(StoreError::refused(format!(
            "{coder} has no auto-code batch to undo"
        )));
    };
    let batch = log.batches.remove(i);
    let file = p.coder_mut(coder);
    let removed = batch
        .codings
        .iter()
        .filter(|id| file.remove(id).is_some())
        .count();
    p.save_coder(coder)?;
    atomic::write_json(&log_path(p), &log)?;
    Ok((batch, removed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences() {
        let t: Vec<char> = "Vi har resurser. Men ledningen saknas! Sista”"
            .chars()
            .collect();
        let s: String = t.iter().collect();
        let at = s.find("ledningen").unwrap();
        let at = s[..at].chars().count();
        let (a, b) = sentence(&t, at, at + 9);
        assert_eq!(t[a..b].iter().collect::<String>(), "Men ledningen saknas!");
        let (a, b) = sentence(&t, 3, 5);
        assert_eq!(t[a..b].iter().collect::<String>(), "Vi har resurser.");
        let (a, b) = sentence(&t, t.len() - 3, t.len() - 1);
        assert_eq!(t[a..b].iter().collect::<String>(), "Sista”");
    }
}
