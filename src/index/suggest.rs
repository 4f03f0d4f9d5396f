//! Suggestions: passages that match a code's saved query but that a coder has not coded with that
//! code (candidates the coder may have missed), and the suggestions the coder skipped, remembered in
//! `.kodbok/skipped.json` so that they do not come back.

use super::autocode::{Scope, spans};
use super::query::QueryErrorKind;
use super::{Hit, IndexError, QueryError, Searcher};
use crate::model::{Code, Coding};
use crate::store::{FileProblem, Project, Refusal, StoreError, atomic};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::PathBuf;

pub const SKIP_FILE: &str = "skipped.json";
pub const SKIP_VERSION: u32 = 1;

/// One passage offered for coding.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// Code id.
    pub code: String,
    pub scope: Scope,
    pub doc: String,
    /// Char span to code in the transcript body (end exclusive).
    pub start: usize,
    pub end: usize,
    /// The text of the span.
    pub quote: String,
    /// The matching turn (case, group, speaker, snippet, matches).
    pub hit: Hit,
}

impl Suggestion {
    /// A short id for the command line: the same passage always has the same id.
    pub fn id(&self) -> String {
        skip_key_id(&self.code, &self.doc, self.start, self.end)
    }
}

fn skip_key_id(code: &str, doc: &str, start: usize, end: usize) -> String {
    // FNV-1a: stable across runs and platforms
    let mut h: u64 = 0xcbf29ce484222325;
    for b in format!("{code}\u{0}{doc}\u{0}{start}\u{0}{end}").bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x100000001b3);
    }
    format!("{:08x}", h >> 32)
}

/// A suggestion a coder skipped.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Skip {
    pub coder: String,
    pub code: String,
    pub doc: String,
    pub start: usize,
    pub end: usize,
    /// The passage's text when skipped (for reading the file; the span identifies it).
    pub quote: String,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    pub version: u32,
    pub skipped: Vec<Skip>,
}

impl Default for Skipped {
    fn default() -> Self {
        Skipped {
            version: SKIP_VERSION,
            skipped: Vec::new(),
        }
    }
}

impl Skipped {
    pub fn contains(&self, coder: &str, s: &Suggestion) -> bool {
        self.skipped.iter().any(|k| {
            k.coder == coder
                && k.code == s.code
                && k.doc == s.doc
                && k.start == s.start
                && k.end == s.end
        })
    }

    /// Records a skip (once).
    pub fn add(&mut self, coder: &str, s: &Suggestion) {
        if !self.contains(coder, s) {
            self.skipped.push(Skip {
                coder: coder.to_string(),
                code: s.code.clone(),
                doc: s.doc.clone(),
                start: s.start,
                end: s.end,
                quote: s.quote.clone(),
                at: Utc::now(),
            });
        }
    }
}

pub fn skip_path(p: &Project) -> PathBuf {
    p.cache_dir().join(SKIP_FILE)
}

pub fn load_skipped(p: &Project) -> Result<Skipped, StoreError> {
    let path = skip_path(p);
    if !path.exists() {
        return Ok(Skipped::default());
    }
    let bytes = std::fs::read(&path).map_err(|e| StoreError::io(&path, e))?;
    serde_json::from_slice(&bytes).map_err(|e| StoreError::one(FileProblem::json(&path, &e)))
}

pub fn save_skipped(p: &Project, s: &Skipped) -> Result<(), StoreError> {
    std::fs::create_dir_all(p.cache_dir()).map_err(|e| StoreError::io(p.cache_dir(), e))?;
    atomic::write_json(&skip_path(p), s)
}

/// Codes with a saved query: all of them, or the one named (an error when it has none).
pub fn codes_with_query<'a>(
    p: &'a Project,
    code: Option<&str>,
) -> Result<Vec<&'a Code>, StoreError> {
    if let Some(key) = code {
        let c = p
            .codebook
            .resolve(key)
            .map_err(|e| StoreError::from(Refusal::Codebook(e)))?;
        if c.query.trim().is_empty() {
            return Err(Refusal::NoSavedQuery {
                name: c.name.clone(),
                id: c.id.clone(),
            }
            .into());
        }
        return Ok(vec![c]);
    }
    Ok(p.codebook
        .flatten()
        .into_iter()
        .map(|f| f.code)
        .filter(|c| !c.query.trim().is_empty())
        .collect())
}

/// Passages matching each code's saved query that `coder` has not coded with that code (no coding
/// of theirs with the code overlaps them) and has not skipped (unless `with_skipped`).
pub fn suggest(
    p: &Project,
    s: &Searcher,
    coder: &str,
    codes: &[&Code],
    skipped: &Skipped,
    with_skipped: bool,
) -> Result<Vec<Suggestion>, IndexError> {
    let mut out = Vec::new();
    for code in codes {
        let scope = Scope::from(code.query_scope.unwrap_or_default());
        let hits = s.search_all(&code.query).map_err(|e| in_code(e, code))?;
        let mine: Vec<&Coding> = p.coders.get(coder).map_or(Vec::new(), |f| {
            f.codings.iter().filter(|c| c.code == code.id).collect()
        });
        let mut seen = BTreeSet::new();
        for hit in hits {
            let mut sp = spans(&hit, scope);
            if sp.is_empty() {
                // a query of filters only marks no words: its suggestions are whole turns
                sp.push((hit.turn_start, hit.turn_end));
            }
            for (start, end) in sp {
                let coded = mine
                    .iter()
                    .any(|c| c.doc == hit.doc && c.start < end && start < c.end);
                if coded || end <= start || !seen.insert((hit.doc.clone(), start, end)) {
                    continue;
                }
                let sug = Suggestion {
                    code: code.id.clone(),
                    scope,
                    doc: hit.doc.clone(),
                    start,
                    end,
                    quote: slice(&hit, start, end),
                    hit: hit.clone(),
                };
                if with_skipped || !skipped.contains(coder, &sug) {
                    out.push(sug);
                }
            }
        }
    }
    Ok(out)
}

fn in_code(e: IndexError, code: &Code) -> IndexError {
    match e {
        IndexError::Query(q) => IndexError::Query(QueryError::new(
            (0, 1),
            QueryErrorKind::InSavedQuery {
                name: code.name.clone(),
                query: code.query.clone(),
                error: Box::new(q),
            },
        )),
        other => other,
    }
}

/// The text of a span of the hit's transcript (the span lies inside the turn).
fn slice(hit: &Hit, start: usize, end: usize) -> String {
    hit.text
        .chars()
        .skip(start.saturating_sub(hit.turn_start))
        .take(end - start)
        .collect()
}

/// The coding accepting a suggestion adds for `coder`.
pub fn coding(p: &Project, s: &Suggestion) -> Result<Coding, StoreError> {
    p.new_coding(&s.doc, s.start, s.end, &s.code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_and_distinct() {
        assert_eq!(skip_key_id("a", "d", 1, 2), skip_key_id("a", "d", 1, 2));
        assert_ne!(skip_key_id("a", "d", 1, 2), skip_key_id("a", "d", 1, 3));
        assert_eq!(skip_key_id("a", "d", 1, 2).len(), 8);
    }
}
