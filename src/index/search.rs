//! Opening the index for searching, and hits: ranked turns with a keyword-in-context snippet.

use super::IndexError;
use super::build::{self, Progress, SyncReport};
use super::compile::{Compiled, Compiler, Vocabulary, find_matches};
use super::manifest::Manifest;
use super::query;
use super::schema::{Fields, stem_analyzer};
use super::texts::{TextSource, TurnTexts};
use crate::model::Codebook;
use crate::store::{FileProblem, StoreError};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};
use tantivy::collector::{Count, TopDocs};
use tantivy::schema::Value;
use tantivy::{DocAddress, Index, IndexReader, Order, ReloadPolicy, TantivyDocument};

/// Characters of a snippet (before `…` marks are added) and of context before the first match.
const SNIPPET: usize = 160;
const BEFORE: usize = 50;

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
        let (index, manifest, report) = build::sync(root, progress)?;
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
        let texts = (!self.from_store.load(Ordering::Relaxed)).then(|| {
            TextSource {
                root: &self.root,
                manifest: &self.manifest,
                cell: &self.texts,
            }
            .get()
        });
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
        let s = self.reader.searcher();
        let c = self.compile(q, &s)?;
        if limit == 0 {
            return Ok(Vec::new());
        }
        let found: Vec<(f32, DocAddress)> = if c.scored {
            s.search(&c.query, &TopDocs::with_limit(limit).order_by_score())
                .map_err(|e| self.tv(e))?
        } else {
            let top = TopDocs::with_limit(limit).order_by_fast_field::<u64>("seq", Order::Asc);
            let v = s.search(&c.query, &top).map_err(|e| self.tv(e))?;
            v.into_iter().map(|(_, a)| (0.0, a)).collect()
        };
        let mut stem = stem_analyzer();
        let mut hits = Vec::with_capacity(found.len());
        for (score, addr) in found {
            let d: TantivyDocument = s.doc(addr).map_err(|e| self.tv(e))?;
            hits.push(self.hit(&d, score, &c, &mut stem));
        }
        Ok(hits)
    }

    /// Every hit of a query (for auto-coding), in document order.
    pub fn search_all(&self, q: &str) -> Result<Vec<Hit>, IndexError> {
        let n = self.count(q)?;
        let mut hits = self.search(q, n)?;
        hits.sort_by(|a, b| (&a.doc, a.turn).cmp(&(&b.doc, b.turn)));
        Ok(hits)
    }

    fn hit(
        &self,
        d: &TantivyDocument,
        score: f32,
        c: &Compiled,
        stem: &mut tantivy::tokenizer::TextAnalyzer,
    ) -> Hit {
        let f = &self.fields;
        let text_of = |field| {
            d.get_first(field)
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .to_string()
        };
        let num = |field| d.get_first(field).and_then(|v| v.as_u64()).unwrap_or(0) as usize;
        let text = text_of(f.text);
        let turn_start = num(f.start);
        let local = char_ranges(&text, &find_matches(&c.matchers, &text, stem));
        let (snippet, snippet_matches) = snippet(&text, &local);
        Hit {
            doc: text_of(f.doc),
            case: text_of(f.case),
            group: text_of(f.group),
            speaker: text_of(f.speaker),
            turn: num(f.turn),
            turn_start,
            turn_end: num(f.end),
            score,
            snippet,
            snippet_matches,
            matches: local
                .iter()
                .map(|&(s, e)| (turn_start + s, turn_start + e))
                .collect(),
            text,
        }
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
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let first = matches.first().copied();
    let mut s = first.map_or(0, |(ms, _)| ms.saturating_sub(before));
    let mut e = (s + width).min(n);
    if let Some((ms, me)) = first {
        e = e.max((me + 10).min(n));
        if s > 0
            && let Some(k) = (s..ms.min(s + 15)).find(|&k| chars[k].is_whitespace())
        {
            s = k + 1;
        }
        if e < n
            && let Some(k) = (me.max(e.saturating_sub(15))..e)
                .rev()
                .find(|&k| chars[k].is_whitespace())
        {
            e = k;
        }
    }
    let lead = usize::from(s > 0);
    let mut out = String::new();
    if s > 0 {
        out.push('…');
    }
    out.extend(chars[s..e].iter().map(|&c| {
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
