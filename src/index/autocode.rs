//! Auto-coding: code every hit of a query (the match, its sentence or its turn) for one coder, as one
//! batch recorded in the coder's batch log (`store::batches`) so that it can be undone in one step.

use super::search::TurnMatches;
use super::{Hit, IndexError};
use crate::model::{Coding, Transcript};
use crate::store::{Lock, Project, Refusal, StoreError, new_coding_in};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

pub use crate::store::batches::{Batch, BatchLog};

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

impl Scope {
    pub fn name(self) -> &'static str {
        match self {
            Scope::Match => "match",
            Scope::Sentence => "sentence",
            Scope::Turn => "turn",
        }
    }
}

/// Char span of the sentence around `[s, e)` in `text` (turn-local offsets), from a list of the turn's
/// chars: how [`sentence_at`] was first written, kept as its test's oracle.
#[cfg(test)]
fn sentence(text: &[char], s: usize, e: usize) -> (usize, usize) {
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

fn terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Char span of the sentence around `[s, e)` in a turn's `text`: `s` and `e` are turn-local char offsets
/// and `bs` and `be` their byte offsets, from which the string is walked (no list of its chars is made).
/// A sentence ends at a newline or after `.`, `!`, `?` or `…` followed by a blank or the end.
pub fn sentence_at(text: &str, (s, bs): (usize, usize), (e, be): (usize, usize)) -> (usize, usize) {
    // back to the char after a newline or a sentence's end (each char's follower already seen)
    let (mut a, mut ba) = (s, bs);
    let mut next_blank = text[bs..].chars().next().is_none_or(char::is_whitespace);
    for (at, p) in text[..bs].char_indices().rev() {
        if p == '\n' || (terminal(p) && next_blank) {
            break;
        }
        next_blank = p.is_whitespace();
        (a, ba) = (a - 1, at);
    }
    for c in text[ba..bs].chars() {
        if !c.is_whitespace() {
            break;
        }
        a += 1;
    }
    let (mut b, bb) = match text[bs..].chars().next() {
        _ if e > s => (e, be),
        Some(c) => (s + 1, bs + c.len_utf8()),
        None => (s, bs),
    };
    // on to a newline or the blank after a sentence's end (so the closing quotes `sentence` would
    // take after it are never there)
    let mut after_end = text[..bb].chars().next_back().is_some_and(terminal);
    for c in text[bb..].chars() {
        if c == '\n' || (after_end && c.is_whitespace()) {
            break;
        }
        after_end = terminal(c);
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
            let bytes: Vec<usize> = (hit.text.char_indices().map(|(b, _)| b))
                .chain([hit.text.len()])
                .collect();
            let mut out = Vec::new();
            // a hit's matches lie in its turn: the searcher found them there
            let _ = sentence_spans(
                &hit.text,
                hit.turn_start,
                &hit.matches,
                |c| bytes.get(c).copied(),
                &mut out,
            );
            out
        }
    }
}

/// The sentences holding `matches` (char ranges in the transcript body) of a turn whose `text` starts
/// at body char `turn_start`, one for neighbours that share it, into `out`; `byte` gives the byte
/// offset in `text` of a turn-local char. None when a match lies outside the turn.
fn sentence_spans(
    text: &str,
    turn_start: usize,
    matches: &[(usize, usize)],
    byte: impl Fn(usize) -> Option<usize>,
    out: &mut Vec<(usize, usize)>,
) -> Option<()> {
    for &(s, e) in matches {
        let (s, e) = (s.checked_sub(turn_start)?, e.checked_sub(turn_start)?);
        let (a, b) = sentence_at(text, (s, byte(s)?), (e, byte(e)?));
        let span = (a + turn_start, b + turn_start);
        if out.last() != Some(&span) {
            out.push(span);
        }
    }
    Some(())
}

/// The spans one coder has coded with one code in one document, ordered by start, each with the
/// furthest end of those up to it: whether a span lies inside one of them is a binary search.
#[derive(Default)]
struct Covered {
    spans: Vec<(usize, usize)>,
    reach: Vec<usize>,
}

impl Covered {
    /// Whether `[start, end)` lies inside one of the spans.
    fn covers(&self, start: usize, end: usize) -> bool {
        let before = self.spans.partition_point(|&(s, _)| s <= start);
        before > 0 && self.reach[before - 1] >= end
    }

    /// Adds a span (at the end when it starts last, the usual case).
    fn add(&mut self, start: usize, end: usize) {
        let at = match self.spans.last() {
            Some(&(s, _)) if s > start => self.spans.partition_point(|&(s, _)| s <= start),
            _ => self.spans.len(),
        };
        self.spans.insert(at, (start, end));
        self.reach.truncate(at);
        for &(_, e) in &self.spans[at..] {
            let before = self.reach.last().copied().unwrap_or(0);
            self.reach.push(before.max(e));
        }
    }
}

/// The codings that coding `hits` (every hit of `query`, in document order) with `code` would add for
/// `coder`. The project must hold the hits' transcripts and `coder`'s file.
pub fn plan_hits(
    p: &Project,
    hits: &[TurnMatches],
    query: &str,
    code: &str,
    scope: Scope,
    coder: &str,
) -> Result<Plan, IndexError> {
    let code = p
        .codebook
        .resolve(code)
        .map_err(|e| StoreError::from(Refusal::Codebook(e)))?
        .id
        .clone();
    if scope != Scope::Turn && !hits.is_empty() && hits.iter().all(|h| h.matches.is_empty()) {
        return Err(StoreError::refused(crate::t!("autocode-no-words")).into());
    }
    // Spans already coded with this code, per document: a hit is checked against its own document's
    // spans only (a scan of every coding per hit made a large auto-code quadratic).
    let mut covered: HashMap<&str, Covered> = HashMap::new();
    if let Some(f) = p.coders.get(coder) {
        for c in f.codings.iter().filter(|c| c.code == code) {
            covered
                .entry(c.doc.as_str())
                .or_default()
                .add(c.start, c.end);
        }
    }
    let mut plan = Plan {
        coder: coder.to_string(),
        code: code.clone(),
        query: query.to_string(),
        scope,
        add: Vec::new(),
        skipped: 0,
        hits: hits.len(),
    };
    // at most one coding per match (per turn at turn scope): the list is not copied as it grows
    plan.add.reserve(match scope {
        Scope::Turn => hits.len(),
        _ => hits.iter().map(|h| h.matches.len()).sum(),
    });
    let mut spans = Vec::new();
    let now = Utc::now();
    for hit in hits {
        let t = p.transcript(&hit.doc)?;
        let done = covered.entry(hit.doc.as_str()).or_default();
        turn_spans(t, hit, scope, &mut spans)?;
        for &(start, end) in &spans {
            if done.covers(start, end) {
                plan.skipped += 1;
                continue;
            }
            done.add(start, end);
            plan.add.push(new_coding_in(t, start, end, &code, now)?);
        }
    }
    Ok(plan)
}

/// The spans a turn's codings cover at this scope, read from its transcript `t` (into `out`).
fn turn_spans(
    t: &Transcript,
    hit: &TurnMatches,
    scope: Scope,
    out: &mut Vec<(usize, usize)>,
) -> Result<(), StoreError> {
    out.clear();
    match scope {
        Scope::Turn => out.push((hit.turn_start, hit.turn_end)),
        Scope::Match => out.extend_from_slice(&hit.matches),
        Scope::Sentence => {
            let map = t.offsets();
            let outside = || Refusal::SpanOutside {
                start: hit.turn_start,
                end: hit.turn_end,
                doc: t.id.clone(),
                len: t.char_len(),
            };
            let (Some(from), Some(to)) = (map.byte(hit.turn_start), map.byte(hit.turn_end)) else {
                return Err(outside().into());
            };
            let text = t.text.get(from..to).ok_or_else(outside)?;
            let byte = |c: usize| map.byte(hit.turn_start + c)?.checked_sub(from);
            sentence_spans(text, hit.turn_start, &hit.matches, byte, out).ok_or_else(outside)?;
        }
    }
    Ok(())
}

/// Records a plan as a batch in its coder's log and adds its codings to the coder's file. The caller
/// holds the coder's lock; the file is re-read under it, so codings added since the plan are kept.
pub fn apply(p: &mut Project, lock: &Lock, plan: Plan, kind: &str) -> Result<Batch, StoreError> {
    let mut batch = Batch {
        id: crate::model::coding::new_id(),
        kind: kind.into(),
        coder: plan.coder.clone(),
        code: plan.code,
        query: plan.query,
        scope: plan.scope.name().into(),
        created: Utc::now(),
        codings: plan.add.iter().map(|c| c.id.clone()).collect(),
    };
    let (added, file) = p.record_batch(lock, &batch, |file| Ok(file.add_many(plan.add)))?;
    p.coders.insert(plan.coder, file);
    // the ids of the codings added (usually all of them) taken from the batch, not copied again
    if added.len() < batch.codings.len() {
        let mut ids = std::mem::take(&mut batch.codings);
        batch.codings = added
            .into_iter()
            .map(|i| std::mem::take(&mut ids[i as usize]))
            .collect();
    }
    Ok(batch)
}

/// Removes the codings of `coder`'s last batch; returns the batch and how many codings were still there.
pub fn undo_last(p: &mut Project, lock: &Lock, coder: &str) -> Result<(Batch, usize), StoreError> {
    let (batch, removed, file) = p.undo_last_batch(lock, coder)?;
    p.coders.insert(coder.to_string(), file);
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

    proptest::proptest! {
        /// Walking the string finds the sentence that walking the list of chars finds.
        #[test]
        fn sentences_from_strings_are_sentences_from_chars(
            text in proptest::collection::vec(
                proptest::sample::select(vec!['a', 'é', ' ', '\t', '\n', '.', '!', '?', '…', '”', '"', '’', ')', '€']),
                0..40,
            ),
            from in 0usize..41,
            len in 0usize..6,
        ) {
            let s = from.min(text.len());
            let e = (s + len).min(text.len());
            let string: String = text.iter().collect();
            let byte = |c: usize| text[..c].iter().map(|c| c.len_utf8()).sum::<usize>();
            proptest::prop_assert_eq!(
                sentence_at(&string, (s, byte(s)), (e, byte(e))),
                sentence(&text, s, e)
            );
        }
    }
}
