//! Codings: a code applied by one coder to a char span of one transcript, with quote and context for re-anchoring.

use super::text::OffsetMap;
use super::transcript::Transcript;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

mod many;

pub const CODER_FILE_VERSION: u32 = 1;

/// The coder name of the consensus layer: an ordinary coder file (`codings/konsensus.json`) that holds the
/// codings agreed on after a disagreement review.
pub const CONSENSUS_CODER: &str = "konsensus";
/// Characters of context kept on each side of a coded span.
pub const CONTEXT_CHARS: usize = 32;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Coding {
    pub id: String,
    pub doc: String,
    pub start: usize,
    pub end: usize,
    pub code: String,
    pub quote: String,
    pub prefix: String,
    pub suffix: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memo: Option<String>,
    pub created: DateTime<Utc>,
    pub modified: DateTime<Utc>,
}

impl Coding {
    /// A new coding of `[start, end)` in `doc`, with its quote and context taken from the text.
    pub fn new(
        doc: &Transcript,
        start: usize,
        end: usize,
        code: &str,
        now: DateTime<Utc>,
    ) -> Option<Self> {
        if start >= end {
            return None;
        }
        let (quote, prefix, suffix) = anchor(&doc.text, doc.offsets(), start, end)?;
        Some(Coding {
            id: new_id(),
            doc: doc.id.clone(),
            start,
            end,
            code: code.to_string(),
            quote,
            prefix,
            suffix,
            memo: None,
            created: now,
            modified: now,
        })
    }

    pub fn overlaps(&self, start: usize, end: usize) -> bool {
        self.start < end && start < self.end
    }

    pub fn contains(&self, pos: usize) -> bool {
        self.start <= pos && pos < self.end
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// What two codings that repeat each other share: document, span and code.
    pub fn span_key(&self) -> (&str, usize, usize, &str) {
        (&self.doc, self.start, self.end, &self.code)
    }

    /// Sort key that makes coder files diff well: by document, position, code, id.
    pub fn sort_key(&self) -> (&str, usize, usize, &str, &str) {
        (&self.doc, self.start, self.end, &self.code, &self.id)
    }
}

/// Quote and about `CONTEXT_CHARS` characters of context either side; None when out of range.
pub fn anchor(
    text: &str,
    map: &OffsetMap,
    start: usize,
    end: usize,
) -> Option<(String, String, String)> {
    let quote = map.slice(text, start, end)?.to_string();
    let prefix = map
        .slice(text, start.saturating_sub(CONTEXT_CHARS), start)?
        .to_string();
    let suffix_end = (end + CONTEXT_CHARS).min(map.char_len());
    let suffix = map.slice(text, end, suffix_end)?.to_string();
    Some((quote, prefix, suffix))
}

/// A time-ordered unique id (UUID v7), usable as a REFI-QDA GUID.
pub fn new_id() -> String {
    // written straight into the string, not through the formatter (an auto-code makes 400,000)
    let mut buf = [0u8; uuid::fmt::Hyphenated::LENGTH];
    String::from(&*uuid::Uuid::now_v7().hyphenated().encode_lower(&mut buf))
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Memo {
    pub text: String,
    pub modified: DateTime<Utc>,
}

/// Everything one coder wrote: `codings/<coder>.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoderFile {
    pub version: u32,
    pub coder: String,
    pub codings: Vec<Coding>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub doc_memos: BTreeMap<String, Memo>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub code_memos: BTreeMap<String, Memo>,
}

impl CoderFile {
    pub fn new(coder: &str) -> Self {
        CoderFile {
            version: CODER_FILE_VERSION,
            coder: coder.to_string(),
            codings: Vec::new(),
            doc_memos: BTreeMap::new(),
            code_memos: BTreeMap::new(),
        }
    }

    /// Puts codings in their stable order.
    pub fn sort(&mut self) {
        self.codings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    }

    /// The ids of the file's codings, for checking many ids at once.
    pub fn ids(&self) -> std::collections::HashSet<&str> {
        self.codings.iter().map(|c| c.id.as_str()).collect()
    }

    pub fn find(&self, id: &str) -> Option<&Coding> {
        self.codings.iter().find(|c| c.id == id)
    }

    pub fn find_mut(&mut self, id: &str) -> Option<&mut Coding> {
        self.codings.iter_mut().find(|c| c.id == id)
    }

    /// Adds a coding unless the same code already covers exactly that span; returns whether it was added.
    /// The codings are kept in `sort_key` order, so the check and the place are binary searches.
    pub fn insert(&mut self, coding: Coding) -> bool {
        if self.has_span(&coding) {
            return false;
        }
        let key = coding.sort_key();
        let pos = self.codings.partition_point(|c| c.sort_key() < key);
        self.codings.insert(pos, coding);
        true
    }

    /// Whether a coding with the same document, span and code is already there (codings sorted).
    fn has_span(&self, coding: &Coding) -> bool {
        let span = coding.span_key();
        let first = self.codings.partition_point(|c| c.span_key() < span);
        self.codings
            .get(first)
            .is_some_and(|c| c.span_key() == span)
    }

    /// Adds many codings at once, skipping those whose span and code are already there (or came earlier
    /// in `codings`); returns the ids of the codings added, in the given order. The new codings are
    /// ordered and merged into the sorted list in one pass (see [`CoderFile::add_many`]): no shift of the
    /// whole list per coding, no re-sort of what was there (a large auto-code adds hundreds of thousands
    /// at once).
    pub fn insert_many(&mut self, codings: Vec<Coding>) -> Vec<String> {
        let mut ids: Vec<String> = codings.iter().map(|c| c.id.clone()).collect();
        self.add_many(codings)
            .into_iter()
            .map(|i| std::mem::take(&mut ids[i as usize]))
            .collect()
    }

    /// Drops codings that repeat another's doc, span and code (after a merge of codes); returns how many.
    pub fn dedup(&mut self) -> usize {
        let before = self.codings.len();
        self.sort();
        self.codings.dedup_by(|b, a| {
            a.doc == b.doc && a.start == b.start && a.end == b.end && a.code == b.code
        });
        before - self.codings.len()
    }

    /// Points every coding of code `from` at `to`, or deletes them when `to` is None; codings that then
    /// repeat another are dropped. Returns how many codings were changed or deleted.
    pub fn recode(&mut self, from: &str, to: Option<&str>, now: DateTime<Utc>) -> usize {
        let before = self.codings.len();
        let Some(to) = to else {
            self.codings.retain(|c| c.code != from);
            return before - self.codings.len();
        };
        let mut changed = 0;
        for c in self.codings.iter_mut().filter(|c| c.code == from) {
            c.code = to.to_string();
            c.modified = now;
            changed += 1;
        }
        if changed > 0 {
            self.dedup();
        }
        changed
    }

    pub fn remove(&mut self, id: &str) -> Option<Coding> {
        let i = self.codings.iter().position(|c| c.id == id)?;
        Some(self.codings.remove(i))
    }

    /// Removes every coding whose id is in `ids` in one pass (a [`CoderFile::remove`] per id made
    /// undoing a large batch quadratic); returns how many were removed. The order is kept.
    pub fn remove_many<'a>(&mut self, ids: impl IntoIterator<Item = &'a str>) -> usize {
        let ids: std::collections::HashSet<&str> = ids.into_iter().collect();
        if ids.is_empty() {
            return 0;
        }
        let before = self.codings.len();
        self.codings.retain(|c| !ids.contains(c.id.as_str()));
        before - self.codings.len()
    }

    /// The codings of one document (a binary search: the codings are kept sorted by document).
    pub fn for_doc<'a>(&'a self, doc: &'a str) -> impl Iterator<Item = &'a Coding> + 'a {
        let first = self.codings.partition_point(|c| c.doc.as_str() < doc);
        self.codings[first..]
            .iter()
            .take_while(move |c| c.doc == doc)
    }
}

/// Where a coding's quote is now, when the text at its offsets changed: the occurrence whose
/// surrounding text best matches the stored prefix and suffix, nearest the old position on ties.
pub fn reanchor(c: &Coding, doc: &Transcript) -> Option<(usize, usize)> {
    if c.quote.is_empty() {
        return None;
    }
    let len = c.quote.chars().count();
    let map = doc.offsets();
    let score = |s: usize| {
        let before = map
            .slice(&doc.text, s.saturating_sub(CONTEXT_CHARS), s)
            .unwrap_or("");
        let after = map
            .slice(
                &doc.text,
                s + len,
                (s + len + CONTEXT_CHARS).min(map.char_len()),
            )
            .unwrap_or("");
        let p = before
            .chars()
            .rev()
            .zip(c.prefix.chars().rev())
            .take_while(|(a, b)| a == b)
            .count();
        let x = after
            .chars()
            .zip(c.suffix.chars())
            .take_while(|(a, b)| a == b)
            .count();
        p + x
    };
    super::text::find_all_chars(&doc.text, &c.quote)
        .into_iter()
        .max_by_key(|&s| (score(s), std::cmp::Reverse(s.abs_diff(c.start))))
        .map(|s| (s, s + len))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::transcript::Transcript;

    #[test]
    fn new_coding_keeps_quote_and_context() {
        let t = Transcript::parse(
            "---\nid: d\n---\n\nRespondent: Vi har för lite resurser här.\n",
            "d",
        )
        .unwrap();
        let turn = &t.turns[0];
        let c = Coding::new(
            &t,
            turn.start + 16,
            turn.start + 24,
            "resursbrist",
            Utc::now(),
        )
        .unwrap();
        assert_eq!(c.quote, "resurser");
        assert_eq!(c.prefix, "Respondent: Vi har för lite ");
        assert_eq!(c.suffix, " här.\n");
        assert!(Coding::new(&t, 5, 5, "x", Utc::now()).is_none());
        assert!(Coding::new(&t, 5, 5000, "x", Utc::now()).is_none());
    }

    #[test]
    fn recode_repoints_drops_repeats_and_deletes() {
        let t = Transcript::parse("Respondent: abc def ghi\n", "d").unwrap();
        let mut f = CoderFile::new("a");
        let now = Utc::now();
        f.insert(Coding::new(&t, 12, 15, "x", now).unwrap());
        f.insert(Coding::new(&t, 12, 15, "y", now).unwrap());
        f.insert(Coding::new(&t, 16, 19, "x", now).unwrap());
        assert_eq!(f.recode("x", Some("y"), now), 2);
        assert_eq!(f.codings.len(), 2, "the repeat on 12..15 is dropped");
        assert!(f.codings.iter().all(|c| c.code == "y"));
        assert_eq!(f.recode("y", None, now), 2);
        assert!(f.codings.is_empty());
    }

    #[test]
    fn insert_keeps_order_and_skips_duplicates() {
        let t = Transcript::parse("Respondent: abc def ghi\n", "d").unwrap();
        let mut f = CoderFile::new("a");
        let now = Utc::now();
        assert!(f.insert(Coding::new(&t, 16, 19, "x", now).unwrap()));
        assert!(f.insert(Coding::new(&t, 12, 15, "x", now).unwrap()));
        assert!(!f.insert(Coding::new(&t, 12, 15, "x", now).unwrap()));
        assert_eq!(f.codings[0].start, 12);
    }

    /// A coding with only what ordering and dedupe look at.
    fn bare(id: usize, doc: u8, start: usize, len: usize, code: u8) -> Coding {
        let now = DateTime::<Utc>::UNIX_EPOCH;
        Coding {
            id: format!("{id:04}"),
            doc: format!("d{doc}"),
            start,
            end: start + len,
            code: format!("c{code}"),
            quote: String::new(),
            prefix: String::new(),
            suffix: String::new(),
            memo: None,
            created: now,
            modified: now,
        }
    }

    proptest::proptest! {
        /// `insert_many` adds exactly what one `insert` after another adds, in the same order, and
        /// removes with `remove_many` exactly what one `remove` after another removes.
        #[test]
        fn many_at_once_equals_one_at_a_time(
            old in proptest::collection::vec((0u8..3, 0usize..6, 1usize..3, 0u8..2), 0..30),
            new in proptest::collection::vec((0u8..3, 0usize..6, 1usize..3, 0u8..2), 0..30),
            gone in proptest::collection::vec(0usize..70, 0..20),
        ) {
            let mut base = CoderFile::new("a");
            for (i, &(d, s, l, c)) in old.iter().enumerate() {
                base.insert(bare(i, d, s, l, c));
            }
            let fresh: Vec<Coding> = new
                .iter()
                .enumerate()
                .map(|(i, &(d, s, l, c))| bare(100 + i, d, s, l, c))
                .collect();
            let mut one = base.clone();
            let added_one: Vec<String> = fresh
                .iter()
                .filter(|c| one.insert((*c).clone()))
                .map(|c| c.id.clone())
                .collect();
            let mut many = base.clone();
            let added_many = many.insert_many(fresh);
            proptest::prop_assert_eq!(&added_many, &added_one);
            proptest::prop_assert_eq!(&many.codings, &one.codings);

            let ids: Vec<String> = gone.iter().map(|i| format!("{i:04}")).collect();
            let removed_one = ids.iter().filter(|id| one.remove(id).is_some()).count();
            let removed_many = many.remove_many(ids.iter().map(String::as_str));
            proptest::prop_assert_eq!(removed_many, removed_one);
            proptest::prop_assert_eq!(&many.codings, &one.codings);
        }
    }
}
