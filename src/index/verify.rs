//! A tantivy query that keeps only the candidates of another query whose turn text passes a check:
//! regular expressions and proximity searches are narrowed by the index, then verified here. The
//! texts come from the transcripts held in memory ([`TurnTexts`], found by the `seq` fast field);
//! the document store is read only for a turn they lack.

use super::texts::TurnTexts;
use rayon::prelude::*;
use std::fmt;
use std::sync::Arc;
use tantivy::columnar::Column;
use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::{Field, Value};
use tantivy::store::StoreReader;
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED, TantivyDocument};

/// Decides whether a turn's text matches.
pub type Check = Arc<dyn Fn(&str) -> bool + Send + Sync>;

/// Blocks of the document store kept decompressed per segment while verifying.
const STORE_CACHE: usize = 64;
/// Candidates at least one in this many turns of a segment: every turn is checked instead.
pub const DENSE: u64 = 3;
/// Turns per piece of work of a parallel scan.
const SCAN_CHUNK: usize = 1024;

/// Turns matching `candidates` whose `text` passes `check`; every match scores `score`.
#[derive(Clone)]
pub struct VerifiedQuery {
    candidates: Arc<dyn Query>,
    text: Field,
    texts: Option<Arc<TurnTexts>>,
    check: Check,
    what: String,
    score: Score,
    /// Check every turn instead when the candidates are a large share of them.
    scan_dense: bool,
}

impl VerifiedQuery {
    /// `what` names the check in debug output (the pattern, the proximity search).
    pub fn new(
        candidates: Box<dyn Query>,
        text: Field,
        check: Check,
        what: String,
        score: Score,
    ) -> Self {
        VerifiedQuery {
            candidates: Arc::from(candidates),
            text,
            texts: None,
            check,
            what,
            score,
            scan_dense: false,
        }
    }

    /// When the index's estimate of the candidates (from its document frequencies) is at least
    /// 1/[`DENSE`] of a segment's turns and the texts are in memory, every turn of the segment is
    /// checked instead, on all cores: stepping through the candidates then costs more than the check
    /// (a regular expression's own literal search skips a turn without the literal quickly). Only for
    /// a check that decides alone, as a regular expression does.
    pub fn scan_when_dense(mut self) -> Self {
        self.scan_dense = true;
        self
    }

    /// Verifies against these texts (by `seq`), the document store only for turns they lack.
    pub fn with_texts(mut self, texts: Option<Arc<TurnTexts>>) -> Self {
        self.texts = texts;
        self
    }
}

impl fmt::Debug for VerifiedQuery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Verified({:?}, {:?})", self.what, self.candidates)
    }
}

impl Query for VerifiedQuery {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        // the candidates are only a filter: their scores do not count
        let off = match scoring.searcher() {
            Some(s) => EnableScoring::disabled_from_searcher(s),
            None => EnableScoring::disabled_from_schema(scoring.schema()),
        };
        let inner = self.candidates.weight(off)?;
        Ok(Box::new(VerifiedWeight {
            inner,
            text: self.text,
            texts: self.texts.clone(),
            check: self.check.clone(),
            score: self.score,
            scan_dense: self.scan_dense,
        }))
    }
}

struct VerifiedWeight {
    inner: Box<dyn Weight>,
    text: Field,
    texts: Option<Arc<TurnTexts>>,
    check: Check,
    score: Score,
    scan_dense: bool,
}

impl VerifiedWeight {
    /// Every turn of the segment checked, in parallel (the texts in memory; the document store for a
    /// turn they lack). The segment's deleted documents are among them: collectors skip those.
    fn scan(&self, reader: &SegmentReader, texts: &TurnTexts, seq: &Column<u64>) -> Vec<DocId> {
        // 0: no match, 1: a match, 2: not in memory
        let verdicts: Vec<u8> = (0..reader.max_doc())
            .into_par_iter()
            .with_min_len(SCAN_CHUNK)
            .map(|d| match seq.first(d).and_then(|s| texts.get(s)) {
                Some(t) => u8::from((self.check)(t)),
                None => 2,
            })
            .collect();
        let mut store: Option<StoreReader> = None;
        let mut docs = Vec::new();
        for (d, v) in verdicts.into_iter().enumerate() {
            let d = d as DocId;
            let pass = match v {
                1 => true,
                2 => passes_in_store(&mut store, reader, self.text, &self.check, d),
                _ => false,
            };
            if pass {
                docs.push(d);
            }
        }
        docs
    }
}

/// Whether document `doc`'s stored text passes `check` (false when it cannot be read: the index is a
/// rebuildable cache).
fn passes_in_store(
    store: &mut Option<StoreReader>,
    reader: &SegmentReader,
    text: Field,
    check: &Check,
    doc: DocId,
) -> bool {
    if store.is_none() {
        *store = reader.get_store_reader(STORE_CACHE).ok();
    }
    let Some(Ok(d)) = store.as_ref().map(|s| s.get::<TantivyDocument>(doc)) else {
        return false;
    };
    d.get_first(text)
        .and_then(|v| v.as_str())
        .is_some_and(|t| check(t))
}

impl Weight for VerifiedWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let inner = self.inner.scorer(reader, 1.0)?;
        let memory = match &self.texts {
            Some(t) if !t.is_empty() => Some((t.clone(), reader.fast_fields().u64("seq")?)),
            _ => None,
        };
        if let Some((texts, seq)) = &memory
            && self.scan_dense
            && u64::from(inner.size_hint()) * DENSE >= u64::from(reader.max_doc())
        {
            return Ok(Box::new(Listed {
                docs: self.scan(reader, texts, seq),
                at: 0,
                score: self.score * boost,
            }));
        }
        let mut s = VerifiedScorer {
            inner,
            memory,
            store: None,
            reader: reader.clone(),
            text: self.text,
            check: self.check.clone(),
            score: self.score * boost,
        };
        let first = s.inner.doc();
        s.settle(first);
        Ok(Box::new(s))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut s = self.scorer(reader, 1.0)?;
        if s.doc() <= doc && s.seek(doc) == doc {
            Ok(Explanation::new(
                "verified against the turn text",
                self.score,
            ))
        } else {
            Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} does not match"
            )))
        }
    }
}

struct VerifiedScorer {
    inner: Box<dyn Scorer>,
    /// The texts in memory and the segment's `seq` column.
    memory: Option<(Arc<TurnTexts>, Column<u64>)>,
    /// Opened at the first turn the texts in memory lack.
    store: Option<StoreReader>,
    reader: SegmentReader,
    text: Field,
    check: Check,
    score: Score,
}

impl VerifiedScorer {
    fn passes(&mut self, doc: DocId) -> bool {
        if let Some((texts, seq)) = &self.memory
            && let Some(t) = seq.first(doc).and_then(|s| texts.get(s))
        {
            return (self.check)(t);
        }
        passes_in_store(&mut self.store, &self.reader, self.text, &self.check, doc)
    }

    /// From candidate `doc` on, the first candidate that passes.
    fn settle(&mut self, mut doc: DocId) -> DocId {
        while doc != TERMINATED && !self.passes(doc) {
            doc = self.inner.advance();
        }
        doc
    }
}

impl DocSet for VerifiedScorer {
    fn advance(&mut self) -> DocId {
        let d = self.inner.advance();
        self.settle(d)
    }

    fn seek(&mut self, target: DocId) -> DocId {
        let d = self.inner.seek(target);
        self.settle(d)
    }

    fn doc(&self) -> DocId {
        self.inner.doc()
    }

    fn size_hint(&self) -> u32 {
        self.inner.size_hint()
    }
}

impl Scorer for VerifiedScorer {
    fn score(&mut self) -> Score {
        self.score
    }
}

/// The documents a scan found, in order.
struct Listed {
    docs: Vec<DocId>,
    at: usize,
    score: Score,
}

impl DocSet for Listed {
    fn advance(&mut self) -> DocId {
        self.at = (self.at + 1).min(self.docs.len());
        self.doc()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.at += self.docs[self.at.min(self.docs.len())..].partition_point(|&d| d < target);
        self.doc()
    }

    fn doc(&self) -> DocId {
        self.docs.get(self.at).copied().unwrap_or(TERMINATED)
    }

    fn size_hint(&self) -> u32 {
        self.docs.len() as u32
    }
}

impl Scorer for Listed {
    fn score(&mut self) -> Score {
        self.score
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_listed_set_advances_and_seeks_in_order() {
        let mut l = Listed {
            docs: vec![2, 5, 9],
            at: 0,
            score: 1.0,
        };
        assert_eq!(l.doc(), 2);
        assert_eq!(l.seek(3), 5);
        assert_eq!(l.seek(5), 5);
        assert_eq!(l.advance(), 9);
        assert_eq!(l.seek(10), TERMINATED);
        assert_eq!(l.advance(), TERMINATED);
        let mut empty = Listed {
            docs: vec![],
            at: 0,
            score: 1.0,
        };
        assert_eq!(empty.doc(), TERMINATED);
        assert_eq!(empty.seek(1), TERMINATED);
    }
}
