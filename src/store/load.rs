//! Opening a project: all of it (`check`, the analyses), only what one change needs, or the headers
//! first and the texts when they are used (the workbench).
//!
//! Changing one coding must not cost memory in proportion to the study: `code` and `uncode` open the
//! codebook, cases.csv and at most the one transcript they touch, and read the coder's own file under
//! its lock (`Project::update_coder`). Files they do not read cannot stop them; `check` still reads
//! and validates everything. The workbench lists 1,000 transcripts from their headers and reads a
//! transcript's text when it is opened, or all of them when a view needs them ([`Project::read_texts`]).

use super::coder_cache::Fields;
use super::project::{check_inside, codebook_problems, line_of_key, parse_json, read};
use super::{FileProblem, Problem, Project, Result, StoreError, cases_csv};
use crate::model::transcript::Header;
use crate::model::{Cases, Codebook, Transcript};
use std::collections::BTreeMap;
use std::io::BufRead as _;
use std::path::{Path, PathBuf};

/// What [`Project::open_with`] reads besides the codebook and cases.csv, which are always read and validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Load {
    /// Every transcript and every coder file.
    All,
    /// Only these transcripts (by id, from `transcripts/<id>.txt`; an id without a file is simply
    /// absent, as in a full load) and no coder file: a writer reads its own under the lock.
    Only(Vec<String>),
    /// Every coder file and every transcript's header, not its text: each transcript is in
    /// [`Project::unread`] until [`Project::read_texts`] and [`Project::add_texts`] bring it in.
    Headers,
    /// Every transcript and every coder file, decoding only these fields of each coding: for a command
    /// that reads and never writes the codings back (the report quotes from the transcripts, `check`
    /// compares quotes); a coding missing its texts cannot be written (see [`Fields`]).
    AllWith(Fields),
    /// Every coder file and no transcript: an analysis that reads the transcripts' statistics from
    /// [`super::stats::from_files`] instead of their text. The codings come without their texts (quote,
    /// prefix, suffix and memo are empty, see [`super::coder_cache::Fields::NoTexts`]): such a project
    /// counts, it does not quote, and its coder files cannot be written back.
    Codings,
}

/// A transcript known by its header only (a project opened with [`Load::Headers`]).
#[derive(Debug, Clone)]
pub struct Unread {
    pub header: Header,
    /// The file it was found in (its name is the id unless the header says otherwise).
    pub path: PathBuf,
    /// The file's size in bytes.
    pub bytes: u64,
}

impl Load {
    /// The codebook, cases.csv and one transcript.
    pub fn one(doc: &str) -> Load {
        Load::Only(vec![doc.to_string()])
    }

    /// The codebook and cases.csv only.
    pub fn nothing_else() -> Load {
        Load::Only(Vec::new())
    }
}

impl Project {
    /// Loads the project files `load` asks for. Files that cannot be parsed are all reported at once,
    /// with positions. A project opened with [`Load::Only`] holds part of the study: use it for the one
    /// change it was opened for, never for `check` or an analysis.
    pub fn open_with(root: &Path, load: &Load) -> Result<Project> {
        let root = root.to_path_buf();
        let cb_path = root.join("codebook.json");
        if !cb_path.exists() {
            return Err(super::Refusal::NotAProject { root }.into());
        }
        check_inside(&root, &cb_path)?;
        let mut problems = Vec::new();
        let cb_bytes = read(&cb_path)?;
        let codebook = match parse_json::<Codebook>(&cb_path, &cb_bytes) {
            Ok(c) => {
                problems.extend(codebook_problems(&cb_path, &cb_bytes, &c));
                c
            }
            Err(p) => {
                problems.push(p);
                Codebook::default()
            }
        };
        let mut project = Project {
            root,
            codebook,
            cases: Cases::default(),
            transcripts: BTreeMap::new(),
            unread: BTreeMap::new(),
            coders: BTreeMap::new(),
        };
        project.load_cases(&mut problems)?;
        match load {
            Load::All => {
                project.load_transcripts(&mut problems)?;
                project.load_coders(&mut problems, Fields::All)?;
            }
            Load::AllWith(fields) => {
                project.load_transcripts(&mut problems)?;
                project.load_coders(&mut problems, *fields)?;
            }
            Load::Codings => project.load_coders(&mut problems, Fields::NoTexts)?,
            Load::Only(ids) => {
                for id in ids {
                    project.load_one_transcript(id, &mut problems)?;
                }
            }
            Load::Headers => {
                project.load_headers(&mut problems)?;
                project.load_coders(&mut problems, Fields::All)?;
            }
        }
        if problems.is_empty() {
            Ok(project)
        } else {
            Err(StoreError::Problems(problems))
        }
    }

    fn load_cases(&mut self, problems: &mut Vec<FileProblem>) -> Result<()> {
        let cases_path = self.cases_path();
        check_inside(&self.root, &cases_path)?;
        if cases_path.exists() {
            match cases_csv::parse(&read(&cases_path)?, &cases_path) {
                Ok(c) => self.cases = c,
                Err(StoreError::Problems(ps)) => problems.extend(ps),
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    fn load_transcripts(&mut self, problems: &mut Vec<FileProblem>) -> Result<()> {
        for path in Self::files_with_ext(&self.transcripts_dir(), "txt")? {
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            if let Some(t) = self.load_transcript_file(&path, stem, false, problems)? {
                self.transcripts.insert(t.id.clone(), t);
            }
        }
        Ok(())
    }

    /// `transcripts/<id>.txt` alone. Its header id must be its file name: in a full load a file whose
    /// header names another id is found under that id (and `check` reports the difference), which a
    /// load of one file cannot follow, so it is refused here.
    fn load_one_transcript(&mut self, id: &str, problems: &mut Vec<FileProblem>) -> Result<()> {
        // an id that cannot name a file is not looked for (it must not become a path)
        if crate::model::codebook::check_id(id).is_err() || id.starts_with('.') {
            return Ok(());
        }
        let path = self.transcript_path(id);
        if !path.is_file() {
            return Ok(());
        }
        if let Some(t) = self.load_transcript_file(&path, id, true, problems)? {
            self.transcripts.insert(t.id.clone(), t);
        }
        Ok(())
    }

    /// One transcript file, parsed and checked on its own; None when it has a problem (recorded).
    /// `named_by_id`: its header id must equal its file name `stem`.
    fn load_transcript_file(
        &self,
        path: &Path,
        stem: &str,
        named_by_id: bool,
        problems: &mut Vec<FileProblem>,
    ) -> Result<Option<Transcript>> {
        match parse_file(&self.root, path, stem)? {
            Ok((t, head)) => match self.id_problem(
                path,
                || format!("{head}{}", t.text),
                &t.id,
                stem,
                named_by_id,
            ) {
                Some(p) => problems.push(p),
                None => return Ok(Some(t)),
            },
            Err(p) => problems.push(p),
        }
        Ok(None)
    }

    /// What is wrong with the id `id` read from the header of `path` (file name `stem`), if anything:
    /// it cannot name a file, it is not the file name when `named_by_id`, or another file has it.
    /// `text` gives the file's text, to place the problem (called only when there is one).
    fn id_problem(
        &self,
        path: &Path,
        text: impl Fn() -> String,
        id: &str,
        stem: &str,
        named_by_id: bool,
    ) -> Option<FileProblem> {
        let p = if crate::model::codebook::check_id(id).is_err() || id.starts_with('.') {
            FileProblem::new(path, Problem::BadTranscriptId { id: id.to_string() })
                .at(line_of_key(&text(), "id"), 1)
        } else if named_by_id && id != stem {
            FileProblem::new(
                path,
                Problem::IdNotFileName {
                    stem: stem.to_string(),
                },
            )
            .at(line_of_key(&text(), "id"), 1)
        } else if self.transcripts.contains_key(id) || self.unread.contains_key(id) {
            FileProblem::new(path, Problem::TranscriptIdTwice { id: id.to_string() }).at(2, 1)
        } else {
            return None;
        };
        Some(p)
    }

    /// Every transcript's header, checked as a full load checks it; the texts stay on disk.
    fn load_headers(&mut self, problems: &mut Vec<FileProblem>) -> Result<()> {
        for path in Self::files_with_ext(&self.transcripts_dir(), "txt")? {
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            if let Err(StoreError::Problems(ps)) = check_inside(&self.root, &path) {
                problems.extend(ps);
                continue;
            }
            let (head, bytes) = read_head(&path)?;
            let Ok(head) = String::from_utf8(head) else {
                problems.push(FileProblem::new(&path, Problem::NotUtf8Transcript));
                continue;
            };
            match Transcript::parse_header(&head, stem) {
                Ok((id, header)) => match self.id_problem(&path, || head.clone(), &id, stem, false)
                {
                    Some(p) => problems.push(p),
                    None => {
                        let unread = Unread {
                            header,
                            path: path.clone(),
                            bytes,
                        };
                        self.unread.insert(id, unread);
                    }
                },
                Err(e) => problems
                    .push(FileProblem::new(&path, Problem::Header(e.problem)).at(e.line, e.column)),
            }
        }
        Ok(())
    }

    /// Reads and checks the texts of these unread transcripts (every unread one when `ids` is None;
    /// ids that are not unread are passed over) without changing the project, on every core: the
    /// caller adds them with [`Project::add_texts`]. A file that changed into something unreadable
    /// since its header was read is reported with its position.
    pub fn read_texts(&self, ids: Option<&[String]>) -> Result<Vec<Transcript>> {
        use rayon::prelude::*;
        let todo: Vec<(&String, &Unread)> = match ids {
            None => self.unread.iter().collect(),
            Some(ids) => ids
                .iter()
                .filter_map(|id| self.unread.get_key_value(id))
                .collect(),
        };
        let read: Vec<Result<std::result::Result<Transcript, FileProblem>>> = todo
            .par_iter()
            .map(|(id, u)| self.read_text(id, &u.path))
            .collect();
        let mut texts = Vec::with_capacity(read.len());
        let mut problems = Vec::new();
        for r in read {
            match r? {
                Ok(t) => texts.push(t),
                Err(p) => problems.push(p),
            }
        }
        if problems.is_empty() {
            Ok(texts)
        } else {
            Err(StoreError::Problems(problems))
        }
    }

    /// One unread transcript's text; its header was checked when it was read, so only its id must
    /// still be the same.
    fn read_text(
        &self,
        id: &str,
        path: &Path,
    ) -> Result<std::result::Result<Transcript, FileProblem>> {
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        Ok(match parse_file(&self.root, path, stem)? {
            Ok((t, _)) if t.id == id => Ok(t),
            Ok(_) => {
                Err(FileProblem::new(path, Problem::IdChanged { id: id.to_string() }).at(2, 1))
            }
            Err(p) => Err(p),
        })
    }

    /// Takes transcripts read by [`Project::read_texts`] out of [`Project::unread`].
    pub fn add_texts(&mut self, texts: Vec<Transcript>) {
        for t in texts {
            self.unread.remove(&t.id);
            self.transcripts.insert(t.id.clone(), t);
        }
    }

    /// Reads one unread transcript's text (nothing to do when it is read already or unknown).
    pub fn load_text(&mut self, id: &str) -> Result<()> {
        let texts = self.read_texts(Some(&[id.to_string()]))?;
        self.add_texts(texts);
        Ok(())
    }

    /// Every transcript id, read or not, in id order.
    pub fn doc_ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = self
            .transcripts
            .keys()
            .chain(self.unread.keys())
            .map(String::as_str)
            .collect();
        ids.sort_unstable();
        ids
    }

    /// Whether the project has a transcript `id` (its text read or not).
    pub fn has_doc(&self, id: &str) -> bool {
        self.transcripts.contains_key(id) || self.unread.contains_key(id)
    }

    /// A transcript's header, its text read or not.
    pub fn header_of(&self, id: &str) -> Option<&Header> {
        match self.transcripts.get(id) {
            Some(t) => Some(&t.header),
            None => self.unread.get(id).map(|u| &u.header),
        }
    }

    /// Bytes of transcript text not read yet.
    pub fn unread_bytes(&self) -> u64 {
        self.unread.values().map(|u| u.bytes).sum()
    }

    fn load_coders(&mut self, problems: &mut Vec<FileProblem>, fields: Fields) -> Result<()> {
        for path in Self::files_with_ext(&self.codings_dir(), "json")? {
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("")
                .to_string();
            if let Err(StoreError::Problems(ps)) = check_inside(&self.root, &path) {
                problems.extend(ps);
                continue;
            }
            // sorted as loaded: lookups per document and the duplicate check are binary searches
            match super::coder_cache::load_fields(&self.root, &stem, &path, fields) {
                Ok(Ok(f)) => {
                    self.coders.insert(stem, f.file);
                }
                Ok(Err(p)) => problems.push(p),
                Err(e) => return Err(StoreError::io(&path, e)),
            }
        }
        Ok(())
    }
}

/// A transcript file inside the project, read and parsed (with the text before its body: that and
/// the body are the file's text, for positions), or what is wrong with it; its id is not checked here.
fn parse_file(
    root: &Path,
    path: &Path,
    stem: &str,
) -> Result<std::result::Result<(Transcript, String), FileProblem>> {
    if let Err(StoreError::Problems(ps)) = check_inside(root, path)
        && let Some(p) = ps.into_iter().next()
    {
        return Ok(Err(p));
    }
    let Some(text) = utf8(read(path)?) else {
        return Ok(Err(FileProblem::new(path, Problem::NotUtf8Transcript)));
    };
    Ok(match Transcript::parse_owned(text, stem) {
        Ok(parsed) => Ok(parsed),
        Err(e) => Err(FileProblem::new(path, Problem::Header(e.problem)).at(e.line, e.column)),
    })
}

/// The bytes as a String when they are UTF-8 (`String::from_utf8` checked by `simdutf8`, several
/// times faster on whole files).
pub(crate) fn utf8(bytes: Vec<u8>) -> Option<String> {
    if simdutf8::basic::from_utf8(&bytes).is_err() {
        return None;
    }
    // SAFETY: just checked to be UTF-8
    Some(unsafe { String::from_utf8_unchecked(bytes) })
}

/// The lines of a transcript file up to the `---` that closes its header (only the first line when
/// the file opens no header block), and the file's size.
fn read_head(path: &Path) -> Result<(Vec<u8>, u64)> {
    let file = std::fs::File::open(path).map_err(|e| StoreError::io(path, e))?;
    let bytes = file.metadata().map_or(0, |m| m.len());
    let mut r = std::io::BufReader::with_capacity(4096, file);
    let mut head = Vec::new();
    loop {
        let start = head.len();
        let n = r
            .read_until(b'\n', &mut head)
            .map_err(|e| StoreError::io(path, e))?;
        let line = &head[start..];
        let closes = start > 0 && line.strip_suffix(b"\n").unwrap_or(line) == b"---";
        if n == 0 || closes || (start == 0 && line != b"---\n") {
            return Ok((head, bytes));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn project() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        Project::init(dir.path(), false).unwrap();
        for id in ["t1", "t2"] {
            fs::write(
                dir.path().join(format!("transcripts/{id}.txt")),
                format!("id: {id}\ncase: k1\n\nA: Vi har inga resurser alls.\n"),
            )
            .unwrap();
        }
        fs::write(dir.path().join("codings/a.json"), "{not json").unwrap();
        dir
    }

    #[test]
    fn one_transcript_is_read_and_nothing_else() {
        let d = project();
        fs::write(d.path().join("transcripts/t2.txt"), [0xff, 0xfe, 0x00]).unwrap();
        let p = Project::open_with(d.path(), &Load::one("t1")).unwrap();
        assert_eq!(p.transcripts.keys().collect::<Vec<_>>(), ["t1"]);
        assert!(p.coders.is_empty());
        let p = Project::open_with(d.path(), &Load::nothing_else()).unwrap();
        assert!(p.transcripts.is_empty());
        // the full load still reports both broken files
        let e = Project::open(d.path()).unwrap_err().to_string();
        assert!(e.contains("t2.txt") && e.contains("a.json"), "{e}");
    }

    #[test]
    fn the_one_transcript_is_validated_and_must_carry_its_own_id() {
        let d = project();
        let t1 = d.path().join("transcripts/t1.txt");
        fs::write(&t1, "---\nid: t2\ncase: k1\n---\n\nA: text.\n").unwrap();
        let e = Project::open_with(d.path(), &Load::one("t1"))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("t1.txt:2:1") && e.contains("differs from the file name"),
            "{e}"
        );
        fs::write(&t1, "---\nid: t1\ncase: k1\n\nA: text.\n").unwrap();
        let e = Project::open_with(d.path(), &Load::one("t1"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("t1.txt") && e.contains("never closed"), "{e}");
    }

    #[test]
    fn headers_first_then_the_texts_when_they_are_asked_for() {
        let d = project();
        fs::remove_file(d.path().join("codings/a.json")).unwrap();
        // the header is fine, the body is not UTF-8: found when the text is read
        let mut bad = b"---\nid: t3\ncase: k2\n---\n\nA: ".to_vec();
        bad.extend([0xff, b'\n']);
        fs::write(d.path().join("transcripts/t3.txt"), bad).unwrap();
        let mut p = Project::open_with(d.path(), &Load::Headers).unwrap();
        assert!(p.transcripts.is_empty());
        assert_eq!(p.doc_ids(), ["t1", "t2", "t3"]);
        assert_eq!(p.group_of("t3"), "");
        assert_eq!(p.header_of("t3").and_then(|h| h.get("case")), Some("k2"));
        p.load_text("t1").unwrap();
        assert_eq!(p.transcripts.keys().collect::<Vec<_>>(), ["t1"]);
        assert_eq!(p.doc_ids(), ["t1", "t2", "t3"]);
        let e = p.read_texts(None).unwrap_err().to_string();
        assert!(e.contains("t3.txt") && e.contains("UTF-8"), "{e}");
        p.load_text("t2").unwrap();
        assert_eq!(p.unread.keys().collect::<Vec<_>>(), ["t3"]);
        assert!(p.has_doc("t3") && !p.has_doc("t4"));
    }

    #[test]
    fn headers_are_checked_as_a_full_load_checks_them() {
        let d = project();
        fs::remove_file(d.path().join("codings/a.json")).unwrap();
        fs::write(
            d.path().join("transcripts/t3.txt"),
            "---\nid: t1\n---\n\nA: x.\n",
        )
        .unwrap();
        fs::write(
            d.path().join("transcripts/t4.txt"),
            "---\nid: t4\nno colon\n---\n",
        )
        .unwrap();
        fs::write(d.path().join("transcripts/t5.txt"), "---\nid: t5\n").unwrap();
        let e = Project::open_with(d.path(), &Load::Headers)
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("t3.txt:2:1") && e.contains("used by another file"),
            "{e}"
        );
        assert!(e.contains("t4.txt:3:1"), "{e}");
        assert!(e.contains("t5.txt") && e.contains("never closed"), "{e}");
    }

    #[test]
    fn an_id_that_is_not_a_file_name_is_not_looked_for() {
        let d = project();
        fs::write(d.path().join("x.txt"), "id: x\ncase: k1\n\nA: ut.\n").unwrap();
        for id in ["../x", ".hidden", "", "missing"] {
            let p = Project::open_with(d.path(), &Load::one(id)).unwrap();
            assert!(p.transcripts.is_empty(), "{id}");
        }
    }
}
