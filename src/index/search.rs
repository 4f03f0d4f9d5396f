//! Opening the index for searching, and hits: ranked turns with a keyword-in-context snippet.

use super::IndexError;
use super::build::{self, Codings, Progress, SyncReport};
use super::compile::{Compiled, Compiler, Vocabulary, find_matches};
use super::manifest::Manifest;
use super::query::{self, Node};
use super::schema::{Fields, stem_analyzer};
use super::texts::{TextSource, TurnRef, TurnTexts};
use crate::model::Codebook;
use crate::store::{FileProblem, StoreError};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};
use tantivy::collector::{Count, TopDocs};
use tantivy::columnar::Column;
use tantivy::schema::Value;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DocAddress, Index, IndexReader, Order, ReloadPolicy, TantivyDocument};

/// Characters of a snippet (before `…` marks are added) and of context before the first match.
const SNIPPET: usize = 160;
const BEFORE: usize = 50;
/// Hits read from the transcripts in memory once they are at least one in this many turns.
const TEXTS_FOR_HITS: u64 = 16;
/// Hits (with their snippets and match spans) made on all cores from this many on.
const PARALLEL_HITS: usize = 256;

/// One matching speaker turn.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub doc: String,
    pub case: String,
    pub group: String,
    pub speaker: String,
    /// 1-based turn number in the transcript.
    pub turn: usize,
    /// Char offsets of the turn's text in the transcript body (end exclusive).
    pub turn_start: usize,
    pub turn_end: usize,
    /// BM25 relevance; 0 for queries made only of filters.
    pub score: f32,
    /// About 160 characters around the first match, newlines as spaces, `…` where cut.
    pub snippet: String,
    /// Char ranges of the matches inside `snippet`.
    pub snippet_matches: Vec<(usize, usize)>,
    /// Char ranges of all matches in the transcript body.
    pub matches: Vec<(usize, usize)>,
    /// The whole turn text.
    pub text: String,
}

impl Hit {
    /// A snippet of about `width` characters (for narrow displays), with its match ranges.
    pub fn snippet_of_width(&self, width: usize) -> (String, Vec<(usize, usize)>) {
        let local: Vec<(usize, usize)> = self
            .matches
            .iter()
            .map(|&(s, e)| (s - self.turn_start, e - self.turn_start))
            .collect();
        snippet_sized(&self.text, &local, width, width / 3)
    }

    /// The snippet with matches marked as `[match]`.
    pub fn marked_snippet(&self, open: &str, close: &str) -> String {
        mark(&self.snippet, &self.snippet_matches, open, close)
    }
}

/// A matching turn as auto-coding needs it: where the turn and its matches are, without a snippet or
/// a copy of its text (an auto-code may have tens of thousands of hits).
#[derive(Debug, Clone, PartialEq)]
pub struct TurnMatches {
    pub doc: String,
    /// 1-based turn number in the transcript.
    pub turn: usize,
    /// Char offsets of the turn's text in the transcript body (end exclusive).
    pub turn_start: usize,
    pub turn_end: usize,
    /// Char ranges of all matches in the transcript body.
    pub matches: Vec<(usize, usize)>,
}

/// `snippet` with the char ranges `matches` wrapped in `open` and `close`.
pub fn mark(snippet: &str, matches: &[(usize, usize)], open: &str, close: &str) -> String {
    {
        let mut out = String::new();
        let mut ends = matches.iter().peekable();
        let mut inside: Option<usize> = None;
        for (i, c) in snippet.chars().enumerate() {
            if inside == Some(i) {
                out.push_str(close);
                inside = None;
            }
            if let Some(&&(s, e)) = ends.peek()
                && s == i
            {
                out.push_str(open);
                inside = Some(e);
                ends.next();
            }
            out.push(c);
        }
        if inside.is_some() {
            out.push_str(close);
        }
        out
    }
}

/// An up-to-date index, ready to answer queries.
pub struct Searcher {
    pub root: PathBuf,
    index: Index,
    reader: IndexReader,
    fields: Fields,
    manifest: Manifest,
    codebook: Codebook,
    coders: Vec<String>,
    attrs: Vec<String>,
    cases: Vec<String>,
    report: SyncReport,
    layer: Option<String>,
    /// The turn texts, read from the transcripts at the first regex or proximity search.
    texts: OnceLock<Arc<TurnTexts>>,
    /// Verify from the document store instead (for `kodbok bench regex`'s comparison).
    from_store: AtomicBool,
}

impl Searcher {
    /// Brings `.kodbok/index/` up to date with the project (rebuilding it when missing, of an old
    /// format or damaged) and opens it. `progress` is called per transcript indexed.
    pub fn open(root: &Path, progress: &mut dyn FnMut(Progress)) -> Result<Searcher, IndexError> {
        Self::open_with(root, Codings::Current, progress)
    }

    /// Opens the index for one query: changed codings are brought into the index only when the query
    /// filters by codes or coders (see [`Codings::Unless`]). Use the searcher for that query alone.
    pub fn open_for(
        root: &Path,
        q: &str,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<Searcher, IndexError> {
        if query::parse(q).is_ok_and(|n| !uses_codings(&n)) {
            let s = Self::open_with(root, Codings::Unless, progress)?;
            if !s.report.stale_codings || !s.reads_codings(q) {
                return Ok(s);
            }
        }
        Self::open_with(root, Codings::Current, progress)
    }

    /// Whether the compiled query looks up a term of the coding fields (or does not compile against
    /// the index as it is).
    fn reads_codings(&self, q: &str) -> bool {
        let s = self.reader.searcher();
        let Ok(c) = self.compile(q, &s) else {
            return true;
        };
        let f = &self.fields;
        let coding = [f.f_code, f.f_coder_code, f.f_coder];
        let mut reads = false;
        c.query
            .query_terms(&mut |t, _| reads |= coding.contains(&t.field()));
        reads
    }

    fn open_with(
        root: &Path,
        codings: Codings,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<Searcher, IndexError> {
        let (index, manifest, report) = build::sync_with(root, codings, progress)?;
        let dir = build::index_dir(root);
        let fields = Fields::of(&index.schema()).ok_or_else(|| IndexError::Corrupt(dir.clone()))?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|source| IndexError::Tantivy {
                path: dir.clone(),
                source,
            })?;
        let cb_path = root.join("codebook.json");
        let bytes = std::fs::read(&cb_path).map_err(|e| StoreError::io(&cb_path, e))?;
        let codebook: Codebook = serde_json::from_slice(&bytes)
            .map_err(|e| StoreError::one(FileProblem::json(&cb_path, &e)))?;
        Ok(Searcher {
            root: root.to_path_buf(),
            coders: manifest.coder_names(),
            attrs: manifest.attrs(),
            cases: manifest.cases(),
            index,
            reader,
            fields,
            manifest,
            codebook,
            report,
            layer: None,
            texts: OnceLock::new(),
            from_store: AtomicBool::new(false),
        })
    }

    /// Makes `code:` filters look only at this coder's codings (the coder's layer); None: any coder.
    pub fn set_layer(&mut self, coder: Option<String>) {
        self.layer = coder;
    }

    /// Verifies regex and proximity candidates against the index's document store (true) or the
    /// transcripts held in memory (false, the default); the hits are the same.
    pub fn verify_from_store(&self, on: bool) {
        self.from_store.store(on, Ordering::Relaxed);
    }

    /// Whether `/pattern/` is narrowed by the index (else every turn is checked), as searches decide.
    pub fn regex_narrowed(&self, pattern: &str) -> bool {
        let s = self.reader.searcher();
        let texts = (!self.from_store.load(Ordering::Relaxed)).then(|| self.texts());
        let inside = super::texts::dictionary_pass_pays(&s, self.fields.text, texts.as_deref());
        super::regex_term::candidates(pattern, inside, &self.fields).1
    }

    /// What opening did: rebuilt (and why), transcripts re-indexed, turns in the index.
    pub fn report(&self) -> &SyncReport {
        &self.report
    }

    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    pub fn index(&self) -> &Index {
        &self.index
    }

    /// Filter keys available besides code, coder, case, speaker and doc.
    pub fn attributes(&self) -> &[String] {
        &self.attrs
    }

    fn compile(&self, q: &str, searcher: &tantivy::Searcher) -> Result<Compiled, IndexError> {
        let node = query::parse(q)?;

        let vocab = Vocabulary {
            codebook: &self.codebook,
            coders: &self.coders,
            attrs: &self.attrs,
            cases: &self.cases,
        };
        let mut stem = stem_analyzer();
        let texts = TextSource {
            root: &self.root,
            manifest: &self.manifest,
            codebook: &self.codebook,
            cell: &self.texts,
        };
        let mut c = Compiler::new(self.fields, vocab, searcher, &mut stem);
        if !self.from_store.load(Ordering::Relaxed) {
            c = c.with_texts(texts);
        }
        Ok(c.compile(&node, self.layer.as_deref())?)
    }

    fn tv(&self, source: tantivy::TantivyError) -> IndexError {
        IndexError::Tantivy {
            path: build::index_dir(&self.root),
            source,
        }
    }

    /// Runs a search with tantivy's panics and errors on a damaged index turned into an error that
    /// says so; the index is then rebuilt when it is next opened.
    fn guarded<T>(&self, f: impl FnOnce() -> Result<T, IndexError>) -> Result<T, IndexError> {
        let dir = build::index_dir(&self.root);
        let r = super::guard::catch(f).unwrap_or_else(|reason| {
            Err(IndexError::Damaged {
                path: dir.clone(),
                reason,
            })
        });
        if let Err(e) = &r
            && e.is_cache_fault(&dir)
        {
            build::invalidate(&self.root);
        }
        r
    }

    /// Number of turns matching a query.
    pub fn count(&self, q: &str) -> Result<usize, IndexError> {
        self.guarded(|| self.count_unguarded(q))
    }

    fn count_unguarded(&self, q: &str) -> Result<usize, IndexError> {
        let s = self.reader.searcher();
        let c = self.compile(q, &s)?;
        s.search(&c.query, &Count).map_err(|e| self.tv(e))
    }

    /// The best `limit` hits: by relevance, or in document order when the query has only filters.
    pub fn search(&self, q: &str, limit: usize) -> Result<Vec<Hit>, IndexError> {
        self.guarded(|| self.search_unguarded(q, limit))
    }

    fn search_unguarded(&self, q: &str, limit: usize) -> Result<Vec<Hit>, IndexError> {
        self.found(q, limit, make_hit)
    }

    /// The best `limit` turns matching a query (as [`Searcher::search`] orders them), each made into a
    /// `T` by `make` on all cores when there are many.
    fn found<T: Send>(
        &self,
        q: &str,
        limit: usize,
        make: impl Fn(&Turn<'_>, &Compiled, &mut TextAnalyzer) -> T + Sync,
    ) -> Result<Vec<T>, IndexError> {
        let s = self.reader.searcher();
        let c = self.compile(q, &s)?;
        if limit == 0 {
            return Ok(Vec::new());
        }
        let found: Vec<(f32, DocAddress)> = if c.scored {
            // equal scores in document order: which turn an index thread took decides a turn's
            // address, so ties (a passage repeated in many transcripts) would come in a different
            // order, and cut at a different place, after every rebuild
            let top = TopDocs::with_limit(limit).tweak_score(|r: &tantivy::SegmentReader| {
                let seq = r.fast_fields().u64("seq").ok();
                move |doc, score: f32| {
                    let at = seq.as_ref().and_then(|c| c.first(doc)).unwrap_or(u64::MAX);
                    (score, std::cmp::Reverse(at))
                }
            });
            let v = s.search(&c.query, &top).map_err(|e| self.tv(e))?;
            v.into_iter().map(|((score, _), a)| (score, a)).collect()
        } else {
            let top = TopDocs::with_limit(limit).order_by_fast_field::<u64>("seq", Order::Asc);
            let v = s.search(&c.query, &top).map_err(|e| self.tv(e))?;
            v.into_iter().map(|(_, a)| (0.0, a)).collect()
        };
        // many hits are read from the transcripts in memory, not from the document store
        let texts = self.texts_for(found.len(), s.num_docs());
        let seqs: Vec<Option<Column<u64>>> = match texts {
            Some(_) => s
                .segment_readers()
                .iter()
                .map(|r| r.fast_fields().u64("seq").ok())
                .collect(),
            None => Vec::new(),
        };
        let one = |stem: &mut TextAnalyzer, (score, addr): (f32, DocAddress)| {
            let turn = texts.as_ref().and_then(|t| {
                let seq = seqs.get(addr.segment_ord as usize)?.as_ref()?;
                t.turn(seq.first(addr.doc_id)?)
            });
            if let Some(turn) = turn {
                return Ok(make(&Turn::in_memory(&turn, score), &c, stem));
            }
            let d: TantivyDocument = s.doc(addr).map_err(|e| self.tv(e))?;
            Ok(make(&Turn::stored(&self.fields, &d, score), &c, stem))
        };
        if found.len() < PARALLEL_HITS {
            let mut stem = stem_analyzer();
            return found.into_iter().map(|x| one(&mut stem, x)).collect();
        }
        found
            .into_par_iter()
            .map_init(stem_analyzer, |stem, x| one(stem, x))
            .collect()
    }

    /// The turn texts held in memory (read now unless they are already), or None when verifying from the
    /// document store. The transcripts are read for `hits` results only when there are many: a
    /// sixteenth of the `turns`, where reading every transcript costs less than the document store.
    fn texts_for(&self, hits: usize, turns: u64) -> Option<Arc<TurnTexts>> {
        if self.from_store.load(Ordering::Relaxed) {
            return None;
        }
        if let Some(t) = self.texts.get() {
            return Some(t.clone());
        }
        (hits as u64 * TEXTS_FOR_HITS >= turns && hits > 0).then(|| self.texts())
    }

    /// The turn texts and transcripts if they have been read (by a regular expression, a proximity
    /// search or many hits).
    pub fn loaded_texts(&self) -> Option<Arc<TurnTexts>> {
        self.texts.get().cloned()
    }

    /// The turn texts and transcripts read so far, given up with the searcher (they are not copied
    /// when no hit still shares them).
    pub fn into_texts(self) -> Option<TurnTexts> {
        let texts = self.texts.into_inner()?;
        Some(Arc::try_unwrap(texts).unwrap_or_else(|shared| (*shared).clone()))
    }

    /// The turn texts and transcripts, read from the transcript files at the first call.
    pub fn texts(&self) -> Arc<TurnTexts> {
        TextSource {
            root: &self.root,
            manifest: &self.manifest,
            codebook: &self.codebook,
            cell: &self.texts,
        }
        .get()
    }

    /// Every hit of a query, in document order.
    pub fn search_all(&self, q: &str) -> Result<Vec<Hit>, IndexError> {
        let n = self.count(q)?;
        let mut hits = self.search(q, n)?;
        hits.sort_by(|a, b| (&a.doc, a.turn).cmp(&(&b.doc, b.turn)));
        Ok(hits)
    }

    /// Every turn matching a query with its matches (for auto-coding), in document order: the turns of
    /// [`Searcher::search_all`] without snippets or texts.
    pub fn matches_all(&self, q: &str) -> Result<Vec<TurnMatches>, IndexError> {
        let n = self.count(q)?;
        let mut found = self.guarded(|| {
            self.found(q, n, |t, c, stem| TurnMatches {
                doc: t.doc.to_string(),
                turn: t.turn,
                turn_start: t.turn_start,
                turn_end: t.turn_end,
                matches: matches_in_turn(t, c, stem),
            })
        })?;
        found.sort_by(|a, b| (&a.doc, a.turn).cmp(&(&b.doc, b.turn)));
        Ok(found)
    }
}

/// A matching turn, as the index or the transcript in memory gives it.
struct Turn<'a> {
    doc: &'a str,
    case: &'a str,
    group: &'a str,
    speaker: &'a str,
    turn: usize,
    turn_start: usize,
    turn_end: usize,
    text: &'a str,
    score: f32,
}

impl<'a> Turn<'a> {
    fn in_memory(turn: &TurnRef<'a>, score: f32) -> Turn<'a> {
        let t = turn.transcript;
        let tn = &t.turns[turn.index];
        Turn {
            doc: &t.id,
            case: t.case(),
            group: turn.group,
            speaker: &tn.speaker,
            turn: turn.index + 1,
            turn_start: tn.start,
            turn_end: tn.end,
            text: turn.text,
            score,
        }
    }

    fn stored(f: &Fields, d: &'a TantivyDocument, score: f32) -> Turn<'a> {
        let text_of = |field| d.get_first(field).and_then(|v| v.as_str()).unwrap_or("");
        let num = |field| d.get_first(field).and_then(|v| v.as_u64()).unwrap_or(0) as usize;
        Turn {
            doc: text_of(f.doc),
            case: text_of(f.case),
            group: text_of(f.group),
            speaker: text_of(f.speaker),
            turn: num(f.turn),
            turn_start: num(f.start),
            turn_end: num(f.end),
            text: text_of(f.text),
            score,
        }
    }
}

/// Char ranges of the matches in a turn, turn-local.
fn local_matches(t: &Turn<'_>, c: &Compiled, stem: &mut TextAnalyzer) -> Vec<(usize, usize)> {
    let found = find_matches(&c.matchers, c.starts.as_ref(), t.text, stem);
    char_ranges(t.text, &found)
}

/// Char ranges of the matches in a turn, in the transcript body.
fn matches_in_turn(t: &Turn<'_>, c: &Compiled, stem: &mut TextAnalyzer) -> Vec<(usize, usize)> {
    let mut m = local_matches(t, c, stem);
    for r in &mut m {
        *r = (t.turn_start + r.0, t.turn_start + r.1);
    }
    m
}

fn make_hit(t: &Turn<'_>, c: &Compiled, stem: &mut TextAnalyzer) -> Hit {
    let local = local_matches(t, c, stem);
    let (snippet, snippet_matches) = snippet(t.text, &local);
    Hit {
        doc: t.doc.to_string(),
        case: t.case.to_string(),
        group: t.group.to_string(),
        speaker: t.speaker.to_string(),
        turn: t.turn,
        turn_start: t.turn_start,
        turn_end: t.turn_end,
        score: t.score,
        snippet,
        snippet_matches,
        matches: local
            .iter()
            .map(|&(s, e)| (t.turn_start + s, t.turn_start + e))
            .collect(),
        text: t.text.to_string(),
    }
}

/// Whether a query reads the codings in the index: a `code:`, `coder:` or `code-query:` filter (a
/// saved query may filter by code).
pub fn uses_codings(node: &Node) -> bool {
    match node {
        Node::Filter { key, .. } => matches!(key.as_str(), "code" | "coder" | "code-query"),
        Node::Not(n) => uses_codings(n),
        Node::And(ns) | Node::Or(ns) => ns.iter().any(uses_codings),
        _ => false,
    }
}

/// Byte ranges (sorted) to char ranges.
fn char_ranges(text: &str, bytes: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut chars = 0usize;
    let mut at = 0usize;
    let mut to_char = |b: usize| {
        chars += text[at..b].chars().count();
        at = b;
        chars
    };
    for &(s, e) in bytes {
        let cs = to_char(s);
        let ce = to_char(e);
        out.push((cs, ce));
    }
    out
}

/// A window of the turn around its first match, with the matches inside it.
pub fn snippet(text: &str, matches: &[(usize, usize)]) -> (String, Vec<(usize, usize)>) {
    snippet_sized(text, matches, SNIPPET, BEFORE)
}

/// As [`snippet`], about `width` characters with `before` of them before the first match.
pub fn snippet_sized(
    text: &str,
    matches: &[(usize, usize)],
    width: usize,
    before: usize,
) -> (String, Vec<(usize, usize)>) {
    let n = text.chars().count();
    let first = matches.first().copied();
    let mut s = first.map_or(0, |(ms, _)| ms.saturating_sub(before));
    let mut e = (s + width).min(n);
    if let Some((_, me)) = first {
        e = e.max((me + 10).min(n));
    }
    // only the window's chars (a turn may be long), indexed from its start `s`
    let window: Vec<char> = text.chars().skip(s).take(e - s).collect();
    let base = s;
    let chars = |k: usize| window[k - base];
    if let Some((ms, me)) = first {
        if s > 0
            && let Some(k) = (s..ms.min(s + 15)).find(|&k| chars(k).is_whitespace())
        {
            s = k + 1;
        }
        if e < n
            && let Some(k) = (me.max(e.saturating_sub(15))..e)
                .rev()
                .find(|&k| chars(k).is_whitespace())
        {
            e = k;
        }
    }
    let lead = usize::from(s > 0);
    let mut out = String::new();
    if s > 0 {
        out.push('…');
    }
    out.extend(window[s - base..e - base].iter().map(|&c| {
        if c == '\n' || c == '\r' || c == '\t' {
            ' '
        } else {
            c
        }
    }));
    if e < n {
        out.push('…');
    }
    let inside = matches
        .iter()
        .filter(|&&(ms, me)| ms < e && me > s)
        .map(|&(ms, me)| (ms.max(s) - s + lead, me.min(e) - s + lead))
        .collect();
    (out, inside)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_that_read_codings() {
        let uses = |q: &str| uses_codings(&query::parse(q).unwrap());
        assert!(uses("resurs code:hinder"));
        assert!(uses("resurs -(a OR coder:x)"));
        assert!(uses("code-query:resursbrist"));
        assert!(!uses("resurs grupp:låg speaker:respondent \"det är\" /x+/"));
    }

    #[test]
    fn snippet_windows_and_marks() {
        let text = format!(
            "{} resurserna räcker inte {}",
            "ord ".repeat(40),
            "mer ".repeat(60)
        );
        let ms = text.find("resurserna").unwrap();
        let (snip, m) = snippet(&text, &[(ms, ms + 10)]);
        assert!(snip.starts_with('…') && snip.ends_with('…'));
        let got: String = snip.chars().skip(m[0].0).take(m[0].1 - m[0].0).collect();
        assert_eq!(got, "resurserna");
        let hit = Hit {
            doc: String::new(),
            case: String::new(),
            group: String::new(),
            speaker: String::new(),
            turn: 1,
            turn_start: 0,
            turn_end: 0,
            score: 0.0,
            snippet: snip,
            snippet_matches: m,
            matches: vec![],
            text: String::new(),
        };
        assert!(hit.marked_snippet("[", "]").contains("[resurserna] räcker"));
    }
}
