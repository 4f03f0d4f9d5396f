//! A project folder: codebook.json, transcripts/ (with cases.csv), codings/<coder>.json, and the .kodbok/ cache.

use super::{
    CodingProblem, FileProblem, Lock, Problem, Refusal, Result, StoreError, atomic, cases_csv,
};
use crate::model::codebook::CodeIndex;
use crate::model::coding::reanchor;
use crate::model::text::find_all_chars;
use crate::model::{Cases, Codebook, CoderFile, Coding, Transcript};
use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

/// The codebook a new project starts with: the five themes of the reference study.
pub const DEFAULT_CODEBOOK: &str = include_str!("../../codebook.json");
/// The same codebook with Swedish descriptions and notes (`kodbok --lang sv init`).
pub const SAMPLE_CODEBOOK_SV: &str = include_str!("sample/codebook.sv.json");

#[derive(Debug, Clone)]
pub struct Project {
    pub root: PathBuf,
    pub codebook: Codebook,
    pub cases: Cases,
    /// Transcripts by id, in id order.
    pub transcripts: BTreeMap<String, Transcript>,
    /// Transcripts whose text is not read yet, by id (only with [`super::Load::Headers`]).
    pub unread: BTreeMap<String, super::load::Unread>,
    /// Coder files by coder name.
    pub coders: BTreeMap<String, CoderFile>,
}

/// Coder names become file names, so they are restricted.
pub fn coder_name_ok(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

pub(super) fn read(path: &Path) -> Result<Vec<u8>> {
    fs::read(path).map_err(|e| StoreError::io(path, e))
}

/// Refuses a project file that is (or lies under) a symbolic link leading out of the project folder:
/// kodbok reads only what is inside the project, so a link cannot pull in a system file or
/// another study's transcript.
pub fn check_inside(root: &Path, path: &Path) -> Result<()> {
    let (Ok(real_root), Ok(real)) = (root.canonicalize(), path.canonicalize()) else {
        // a missing file is reported by whoever reads it
        return Ok(());
    };
    if real.starts_with(&real_root) {
        return Ok(());
    }
    Err(StoreError::one(FileProblem::new(
        path,
        Problem::OutsideLink { target: real },
    )))
}

/// Parses a JSON project file, with errors naming line and column.
pub(super) fn parse_json<T: serde::de::DeserializeOwned>(
    path: &Path,
    bytes: &[u8],
) -> Result<T, FileProblem> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        FileProblem::new(
            path,
            Problem::NotUtf8At {
                offset: e.valid_up_to(),
            },
        )
    })?;
    serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| {
        let mut p = FileProblem::json(path, &e);
        if e.to_string().contains("recursion limit") {
            *p.problem = Problem::NestsTooDeep {
                max: crate::model::codebook::MAX_DEPTH,
            };
        }
        p
    })
}

/// What a loaded codebook must not have for any command to use it (bad ids or colours, duplicate
/// ids, nesting past the limit), each at the line where the offending value is written.
pub(super) fn codebook_problems(path: &Path, bytes: &[u8], book: &Codebook) -> Vec<FileProblem> {
    use crate::model::codebook::CodebookError as E;
    let text = String::from_utf8_lossy(bytes);
    book.validate()
        .into_iter()
        .filter_map(|e| {
            let needle = match &e {
                E::Invalid { field, value }
                    if *field != crate::model::codebook::Field::Shortcut =>
                {
                    value.clone()
                }
                E::DuplicateId(id) | E::TooDeep { code: id, .. } => id.clone(),
                _ => return None,
            };
            let p = FileProblem::new(path, Problem::Codebook(e));
            Some(match position_of(&text, &needle) {
                Some((l, c)) => p.at(l, c),
                None => p,
            })
        })
        .collect()
}

/// Line and column (1-based) of the first JSON string equal to `value` in `text`.
fn position_of(text: &str, value: &str) -> Option<(usize, usize)> {
    let quoted = serde_json::to_string(value).ok()?;
    text.lines().enumerate().find_map(|(i, line)| {
        line.find(&quoted)
            .map(|b| (i + 1, line[..b].chars().count() + 1))
    })
}

impl Project {
    pub fn codebook_path(&self) -> PathBuf {
        self.root.join("codebook.json")
    }
    pub fn transcripts_dir(&self) -> PathBuf {
        self.root.join("transcripts")
    }
    pub fn cases_path(&self) -> PathBuf {
        self.transcripts_dir().join("cases.csv")
    }
    pub fn transcript_path(&self, id: &str) -> PathBuf {
        self.transcripts_dir().join(format!("{id}.txt"))
    }
    pub fn codings_dir(&self) -> PathBuf {
        self.root.join("codings")
    }
    pub fn coder_path(&self, coder: &str) -> PathBuf {
        self.codings_dir().join(format!("{coder}.json"))
    }
    /// `.kodbok/`: caches and UI state only.
    pub fn cache_dir(&self) -> PathBuf {
        self.root.join(".kodbok")
    }

    /// Creates a new project in `root` with the default codebook; refuses a folder that already has one.
    pub fn init(root: &Path, empty_codebook: bool) -> Result<()> {
        Self::init_with(root, (!empty_codebook).then_some(DEFAULT_CODEBOOK))
    }

    /// Creates a project with `codebook` (codebook.json's text) or an empty codebook when None.
    pub fn init_with(root: &Path, codebook: Option<&str>) -> Result<()> {
        let cb = root.join("codebook.json");
        if cb.exists() {
            return Err(Refusal::AlreadyAProject {
                root: root.to_path_buf(),
            }
            .into());
        }
        for d in ["transcripts", "codings"] {
            let p = root.join(d);
            fs::create_dir_all(&p).map_err(|e| StoreError::io(&p, e))?;
        }
        let book = match codebook {
            None => {
                let mut s = serde_json::to_string_pretty(&Codebook::default()).unwrap_or_default();
                s.push('\n');
                s
            }
            Some(text) => text.to_string(),
        };
        let cases = root.join("transcripts/cases.csv");
        if !cases.exists() {
            atomic::write(&cases, b"case,grupp\n")?;
        }
        let ignore = root.join(".gitignore");
        if !ignore.exists() {
            atomic::write(&ignore, b".kodbok/\n")?;
        }
        atomic::write(&cb, book.as_bytes())
    }

    /// Loads every project file. Files that cannot be parsed are all reported at once, with positions.
    pub fn open(root: &Path) -> Result<Project> {
        Self::open_with(root, &super::Load::All)
    }

    pub(super) fn files_with_ext(dir: &Path, ext: &str) -> Result<Vec<PathBuf>> {
        if !dir.exists() {
            return Ok(Vec::new());
        }
        let mut out = Vec::new();
        for e in fs::read_dir(dir).map_err(|e| StoreError::io(dir, e))? {
            let p = e.map_err(|e| StoreError::io(dir, e))?.path();
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if p.extension().and_then(|x| x.to_str()) == Some(ext) && !name.starts_with('.') {
                out.push(p);
            }
        }
        out.sort();
        Ok(out)
    }

    /// Re-reads one coder's file from disk (another process may have written it).
    pub fn reload_coder(&mut self, coder: &str) -> Result<()> {
        if !self.coder_path(coder).exists() {
            self.coders.remove(coder);
            return Ok(());
        }
        let f = self.read_coder(coder)?;
        self.coders.insert(coder.to_string(), f);
        Ok(())
    }

    pub fn transcript(&self, id: &str) -> Result<&Transcript> {
        self.transcripts.get(id).ok_or_else(|| {
            StoreError::from(Refusal::NoTranscript {
                id: id.to_string(),
                dir: self.transcripts_dir(),
            })
        })
    }

    /// The value of the group attribute for a transcript's case.
    pub fn group_of(&self, doc: &str) -> &str {
        let case = self
            .header_of(doc)
            .and_then(|h| h.get("case"))
            .unwrap_or("");
        self.cases
            .attr(case, &self.codebook.settings.group_attribute)
    }

    /// Every coding of every coder, as (coder, coding).
    pub fn all_codings(&self) -> impl Iterator<Item = (&str, &Coding)> {
        self.coders
            .iter()
            .flat_map(|(name, f)| f.codings.iter().map(move |c| (name.as_str(), c)))
    }

    /// The coder file for `coder`, created empty in memory when missing.
    pub fn coder_mut(&mut self, coder: &str) -> &mut CoderFile {
        self.coders
            .entry(coder.to_string())
            .or_insert_with(|| CoderFile::new(coder))
    }

    /// Takes the write lock of the codebook.
    pub fn lock_codebook(&self) -> Result<Lock> {
        Lock::acquire(&self.root, "codebook", &self.codebook_path())
    }

    /// Writes the codebook (caller holds its lock); refuses a codebook that fails validation.
    pub fn save_codebook(&self) -> Result<()> {
        let errs = self.codebook.validate();
        if let Some(e) = errs.first() {
            return Err(Refusal::CodebookNotSaved(e.clone()).into());
        }
        atomic::write_json(&self.codebook_path(), &self.codebook)
    }

    pub fn save_transcript(&self, t: &Transcript) -> Result<()> {
        atomic::write(&self.transcript_path(&t.id), t.render().as_bytes())
    }

    /// Writes cases.csv in the delimiter, encoding and line endings the file already has.
    pub fn save_cases(&self) -> Result<()> {
        let path = self.cases_path();
        let style = std::fs::read(&path)
            .map(|b| cases_csv::style_of(&b))
            .unwrap_or_default();
        atomic::write(&path, &cases_csv::render_in(&self.cases, style))
    }

    /// A validated new coding (not yet stored).
    pub fn new_coding(&self, doc: &str, start: usize, end: usize, code: &str) -> Result<Coding> {
        let t = self.transcript(doc)?;
        if self.codebook.get(code).is_none() {
            return Err(Refusal::NoCode {
                code: code.to_string(),
            }
            .into());
        }
        new_coding_in(t, start, end, code, chrono::Utc::now())
    }

    /// The span of `quote` in a transcript; it must occur exactly once.
    pub fn find_quote(&self, doc: &str, quote: &str) -> Result<(usize, usize)> {
        let t = self.transcript(doc)?;
        let quote = crate::model::text::canonicalize(quote);
        let hits = find_all_chars(&t.text, &quote);
        let len = quote.chars().count();
        match hits.as_slice() {
            [one] => Ok((*one, one + len)),
            [] => Err(Refusal::QuoteMissing {
                doc: doc.to_string(),
            }
            .into()),
            many => {
                let places = many
                    .iter()
                    .map(|s| {
                        let (l, c) = t.line_col(*s);
                        (l, c, *s, s + len)
                    })
                    .collect();
                Err(Refusal::QuoteAmbiguous {
                    doc: doc.to_string(),
                    places,
                }
                .into())
            }
        }
    }

    /// Line of a coding's `"id"` in its coder file, for error messages.
    fn coding_lines(&self, coder: &str) -> HashMap<String, usize> {
        let text = fs::read_to_string(self.coder_path(coder)).unwrap_or_default();
        let mut out = HashMap::new();
        for (i, line) in text.lines().enumerate() {
            if let Some(rest) = line.trim().strip_prefix("\"id\": \"") {
                out.insert(rest.trim_end_matches(['"', ',']).to_string(), i + 1);
            }
        }
        out
    }

    /// Validates the whole project; an empty list means clean.
    pub fn check(&self) -> Vec<FileProblem> {
        let mut out = Vec::new();
        for e in self.codebook.validate() {
            out.push(FileProblem::new(self.codebook_path(), Problem::Codebook(e)));
        }
        self.check_transcripts(&mut out);
        let codes = self.codebook.index();
        let total = self.coders.values().map(|f| f.codings.len()).sum();
        // Coding ids are random: their 64-bit hashes, sorted, repeat only when ids do (or, nearly
        // never, by chance). Only then are the codings looked at again with every id in a table, to
        // find which: a few MB of hashes instead of tens of table, the ids read with their coding.
        let before = out.len();
        let mut ids = Ids::Hashes(Vec::with_capacity(total));
        self.check_coders(&codes, &mut ids, &mut out);
        if let Ids::Hashes(mut hashes) = ids {
            hashes.sort_unstable();
            if hashes.windows(2).any(|w| w[0] == w[1]) {
                out.truncate(before);
                let mut seen = rustc_hash::FxHashMap::default();
                seen.reserve(total);
                self.check_coders(&codes, &mut Ids::Seen(seen), &mut out);
            }
        }
        out
    }

    /// The coder files' problems, in coder then file order; `ids` collects the hashes of the coding
    /// ids, or finds the ids used again.
    fn check_coders<'a>(
        &'a self,
        codes: &CodeIndex<'_>,
        ids: &mut Ids<'a>,
        out: &mut Vec<FileProblem>,
    ) {
        use std::hash::BuildHasher as _;
        // codings come in document order: the transcript of the one before is nearly always theirs
        let mut last: Option<(&str, Option<&Transcript>)> = None;
        for (coder, file) in &self.coders {
            let path = self.coder_path(coder);
            if file.coder != *coder {
                out.push(FileProblem::new(
                    &path,
                    Problem::CoderMismatch {
                        says: file.coder.clone(),
                        named: coder.clone(),
                    },
                ));
            }
            // read only when a coding has a problem to place (the file is read once, then kept)
            let lines = std::cell::OnceCell::new();
            for c in &file.codings {
                let mut p = |problem: Problem| {
                    let mut pr = FileProblem::new(&path, problem).coding(&c.id);
                    if let Some(l) = lines.get_or_init(|| self.coding_lines(coder)).get(&c.id) {
                        pr = pr.at(*l, 1);
                    }
                    out.push(pr);
                };
                match ids {
                    Ids::Hashes(h) => h.push(rustc_hash::FxBuildHasher.hash_one(c.id.as_str())),
                    Ids::Seen(seen) => {
                        if let Some(other) = seen.insert(&c.id, coder) {
                            p(Problem::CodingIdTwice {
                                id: c.id.clone(),
                                other: other.to_string(),
                            });
                        }
                    }
                }
                let t = match last {
                    Some((doc, t)) if doc == c.doc => t,
                    _ => {
                        let t = self.transcripts.get(&c.doc);
                        last = Some((&c.doc, t));
                        t
                    }
                };
                if let Some(problem) = coding_problem_in(c, t, |code| codes.get(code).is_some()) {
                    p(Problem::Coding {
                        id: c.id.clone(),
                        code: c.code.clone(),
                        doc: c.doc.clone(),
                        start: c.start,
                        end: c.end,
                        problem,
                    });
                }
            }
            for doc in file
                .doc_memos
                .keys()
                .filter(|d| !self.transcripts.contains_key(*d))
            {
                out.push(FileProblem::new(
                    &path,
                    Problem::MemoUnknownTranscript { doc: doc.clone() },
                ));
            }
            for code in file.code_memos.keys().filter(|c| codes.get(c).is_none()) {
                out.push(FileProblem::new(
                    &path,
                    Problem::MemoUnknownCode { code: code.clone() },
                ));
            }
        }
    }

    fn check_transcripts(&self, out: &mut Vec<FileProblem>) {
        for (id, t) in &self.transcripts {
            let path = self.transcript_path(id);
            if t.header.get("id").is_none() {
                out.push(FileProblem::new(&path, Problem::NoIdLine).at(1, 1));
            }
            match t.header.get("case") {
                None => out.push(FileProblem::new(&path, Problem::NoCaseLine).at(1, 1)),
                Some(case) if !self.cases.cases.is_empty() && self.cases.get(case).is_none() => out
                    .push(
                        FileProblem::new(
                            &path,
                            Problem::CaseNotInCases {
                                case: case.to_string(),
                            },
                        )
                        .at(1, 1),
                    ),
                _ => {}
            }
            if t.turns.is_empty() {
                out.push(FileProblem::new(&path, Problem::NoText));
            }
            // the byte scan says yes for nearly every text (the head and the body scanned apart
            // say what the whole file would: the head ends a line); when it cannot tell, compare
            // the file's text with its canonical form
            use crate::model::text::{canonicalize, is_canonical};
            if !(is_canonical(&t.render_head()) && is_canonical(&t.text)) {
                let text = t.render();
                if !is_canonical(&text) && canonicalize(&text) != text {
                    out.push(FileProblem::new(&path, Problem::NotCanonical));
                }
            }
        }
        for path in Self::files_with_ext(&self.transcripts_dir(), "txt").unwrap_or_default() {
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            if !self.transcripts.contains_key(stem) {
                out.push(
                    FileProblem::new(
                        &path,
                        Problem::IdNotFileName {
                            stem: stem.to_string(),
                        },
                    )
                    .at(2, 1),
                );
            }
        }
    }

    /// What is wrong with one coding, if anything.
    pub fn coding_problem(&self, c: &Coding) -> Option<CodingProblem> {
        coding_problem_in(c, self.transcripts.get(&c.doc), |code| {
            self.codebook.get(code).is_some()
        })
    }

    /// Moves codings whose quote moved to where the quote is now; returns (coder, id) of those moved.
    pub fn reanchor_all(&mut self) -> Vec<(String, String)> {
        let coders: Vec<String> = self.coders.keys().cloned().collect();
        coders
            .into_iter()
            .flat_map(|coder| {
                self.reanchor_coder(&coder)
                    .into_iter()
                    .map(move |id| (coder.clone(), id))
            })
            .collect()
    }

    /// Ids of `coder`'s codings whose text no longer matches their quote (the transcript was edited since).
    pub fn stale_codings(&self, coder: &str) -> Vec<String> {
        let Some(file) = self.coders.get(coder) else {
            return Vec::new();
        };
        file.codings
            .iter()
            .filter(|c| {
                self.transcripts
                    .get(&c.doc)
                    .is_some_and(|t| t.slice(c.start, c.end) != Some(c.quote.as_str()))
            })
            .map(|c| c.id.clone())
            .collect()
    }

    /// [`Project::reanchor_all`] for one coder's codings (in memory; the caller saves): the ids moved.
    pub fn reanchor_coder(&mut self, coder: &str) -> Vec<String> {
        let mut moved = Vec::new();
        let Some(file) = self.coders.get_mut(coder) else {
            return moved;
        };
        moved = reanchor_file(&self.transcripts, file);
        {
            {}
        }
        moved
    }
}

/// What [`Project::check`] keeps of the coding ids on its way through the coder files.
enum Ids<'a> {
    /// Their hashes, to sort.
    Hashes(Vec<u64>),
    /// Each id with the coder it was last met with.
    Seen(rustc_hash::FxHashMap<&'a str, &'a str>),
}

/// What is wrong with coding `c` whose document is `t` (None: not in the project), `known` telling
/// which code ids are in the codebook ([`Project::coding_problem`]).
fn coding_problem_in(
    c: &Coding,
    t: Option<&Transcript>,
    known: impl Fn(&str) -> bool,
) -> Option<CodingProblem> {
    let Some(t) = t else {
        return Some(CodingProblem::UnknownTranscript { doc: c.doc.clone() });
    };
    if !known(&c.code) {
        return Some(CodingProblem::UnknownCode {
            code: c.code.clone(),
        });
    }
    if c.start >= c.end || c.end > t.char_len() {
        return Some(CodingProblem::OutOfRange { len: t.char_len() });
    }
    let now = t.slice(c.start, c.end).unwrap_or("");
    if now != c.quote {
        return Some(CodingProblem::QuoteMoved {
            quote: short(&c.quote),
            now: short(now),
            found: reanchor(c, t),
        });
    }
    None
}

/// Moves one coder's codings whose quote moved to where the quote is now; returns the ids moved.
pub fn reanchor_file(
    transcripts: &BTreeMap<String, Transcript>,
    file: &mut CoderFile,
) -> Vec<String> {
    let mut moved = Vec::new();
    for c in file.codings.iter_mut() {
        let Some(t) = transcripts.get(&c.doc) else {
            continue;
        };
        if t.slice(c.start, c.end) == Some(c.quote.as_str()) {
            continue;
        }
        if let Some((s, e)) = reanchor(c, t) {
            c.start = s;
            c.end = e;
            if let Some((q, p, x)) = crate::model::coding::anchor(&t.text, t.offsets(), s, e) {
                (c.quote, c.prefix, c.suffix) = (q, p, x);
            }
            c.modified = chrono::Utc::now();
            moved.push(c.id.clone());
        }
    }
    moved
}

/// Line (1-based) of a header key in a transcript's text (1 when not found).
pub(super) fn line_of_key(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| l.split_once(':').is_some_and(|(k, _)| k.trim() == key))
        .map_or(1, |i| i + 1)
}

fn short(s: &str) -> String {
    let mut out: String = s.chars().take(60).collect();
    if s.chars().count() > 60 {
        out.push('…');
    }
    out
}

/// A coding of `[start, end)` in `t` with a code the caller has checked is in the codebook (many
/// codings of one transcript are made without looking the transcript and the code up for each).
pub fn new_coding_in(
    t: &Transcript,
    start: usize,
    end: usize,
    code: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Coding> {
    if start >= end || end > t.char_len() {
        return Err(Refusal::SpanOutside {
            start,
            end,
            doc: t.id.clone(),
            len: t.char_len(),
        }
        .into());
    }
    Coding::new(t, start, end, code, now).ok_or_else(|| Refusal::SpanUnreadable.into())
}

#[cfg(test)]
impl Project {
    /// A project held only in memory (no folder): a codebook and transcripts, no coder files.
    pub fn in_memory(
        codebook: Codebook,
        transcripts: impl IntoIterator<Item = Transcript>,
    ) -> Project {
        Project {
            root: Default::default(),
            codebook,
            cases: Default::default(),
            transcripts: transcripts.into_iter().map(|t| (t.id.clone(), t)).collect(),
            unread: BTreeMap::new(),
            coders: BTreeMap::new(),
        }
    }
}

#[cfg(test)]
mod sample_tests {
    use super::*;

    /// The Swedish sample codebook is the English one with translated texts: same ids, names, colours,
    /// shortcuts and tree, and every description, inclusion and exclusion note different.
    #[test]
    fn the_swedish_sample_codebook_mirrors_the_english_one() {
        let en: Codebook = serde_json::from_str(DEFAULT_CODEBOOK).unwrap();
        let sv: Codebook = serde_json::from_str(SAMPLE_CODEBOOK_SV).unwrap();
        let (fe, fs) = (en.flatten(), sv.flatten());
        assert_eq!(fe.len(), fs.len());
        for (e, s) in fe.iter().zip(&fs) {
            assert_eq!(
                (e.code.id.as_str(), e.depth, e.parent),
                (s.code.id.as_str(), s.depth, s.parent)
            );
            assert_eq!(
                (&e.code.name, &e.code.color, &e.code.shortcut),
                (&s.code.name, &s.code.color, &s.code.shortcut)
            );
            assert_ne!(e.code.description, s.code.description, "{}", e.code.id);
            assert_ne!(e.code.inclusion, s.code.inclusion, "{}", e.code.id);
            assert_ne!(e.code.exclusion, s.code.exclusion, "{}", e.code.id);
        }
    }
}

#[cfg(test)]
mod check_tests {
    use super::*;
    use crate::model::Code;

    fn project(ids: &[(&str, &str)], root: &Path) -> Project {
        let mut book = Codebook::default();
        book.add(Code::new("k", "K"), None).unwrap();
        let doc = "---\nid: t\ncase: k\n---\n\nA: Vi har inga resurser.\n";
        let t = Transcript::parse(doc, "t").unwrap();
        let mut p = Project::in_memory(book, [t]);
        p.root = root.to_path_buf();
        for (coder, id) in ids {
            let mut c =
                new_coding_in(p.transcript("t").unwrap(), 0, 2, "k", chrono::Utc::now()).unwrap();
            c.id = id.to_string();
            p.coder_mut(coder).codings.push(c);
        }
        for (coder, f) in p.coders.iter_mut() {
            f.coder = coder.clone();
        }
        p
    }

    fn twice(p: &Project) -> Vec<(String, String)> {
        p.check()
            .into_iter()
            .filter_map(|f| match *f.problem {
                Problem::CodingIdTwice { id, other } => Some((id, other)),
                _ => None,
            })
            .collect()
    }

    /// An id met again names the coder it was met with last, in coder then file order.
    #[test]
    fn ids_used_again_are_found_whoever_uses_them() {
        let dir = tempfile::tempdir().unwrap();
        let project = |ids: &[(&str, &str)]| project(ids, dir.path());
        let p = project(&[
            ("a", "x"),
            ("a", "y"),
            ("b", "x"),
            ("c", "x"),
            ("c", "z"),
            ("c", "y"),
        ]);
        let want = [("x", "a"), ("x", "b"), ("y", "a")];
        let want: Vec<_> = want
            .iter()
            .map(|(i, o)| (i.to_string(), o.to_string()))
            .collect();
        assert_eq!(twice(&p), want);
        let mut p = project(&[("a", "x"), ("a", "x")]);
        assert_eq!(twice(&p), [("x".to_string(), "a".to_string())]);
        // the codings looked at again to find the ids add no problem twice
        p.coder_mut("a").codings[1].code = "saknas".into();
        let problems: Vec<String> = p
            .check()
            .iter()
            .map(|f| format!("{:?}", f.problem))
            .collect();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].contains("CodingIdTwice") && problems[1].contains("saknas"));
        let p = project(&[("a", "x"), ("a", "y"), ("b", "z")]);
        assert!(twice(&p).is_empty());
        assert!(p.check().is_empty(), "{:?}", p.check());
    }
}
