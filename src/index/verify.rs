//! A tantivy query that keeps only the candidates of another query whose turn text passes a check:
//! regular expressions and proximity searches are narrowed by the index, then verified here. The
//! texts come from the transcripts held in memory ([`TurnTexts`], found by the `seq` fast field);
//! the document store is read only for a turn they lack.

use super::texts::TurnTexts;
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

/// Turns matching `candidates` whose `text` passes `check`; every match scores `score`.
#[derive(Clone)]
pub struct VerifiedQuery {
    candidates: Arc<dyn Query>,
    text: Field,
    texts: Option<Arc<TurnTexts>>,
    check: Check,
    what: String,
    score: Score,
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
        }
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
        }))
    }
}

struct VerifiedWeight {
    inner: Box<dyn Weight>,
    text: Field,
    texts: Option<Arc<TurnTexts>>,
    check: Check,
    score: Score,
}

impl Weight for VerifiedWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let inner = self.inner.scorer(reader, 1.0)?;
        let memory = match &self.texts {
            Some(t) if !t.is_empty() => Some((t.clone(), reader.fast_fields().u64("seq")?)),
            _ => None,
        };
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
        if self.store.is_none() {
            self.store = self.reader.get_store_reader(STORE_CACHE).ok();
        }
        // an unreadable document cannot be verified: it is left out (the index is a rebuildable cache)
        let Some(Ok(d)) = self.store.as_ref().map(|s| s.get::<TantivyDocument>(doc)) else {
            return false;
        };
        d.get_first(self.text)
            .and_then(|v| v.as_str())
            .is_some_and(|t| (self.check)(t))
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
