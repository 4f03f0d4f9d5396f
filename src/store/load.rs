//! Opening a project: all of it (`check`, the analyses, the workbench) or only what one change needs.
//!
//! Changing one coding must not cost memory in proportion to the study: `code` and `uncode` open the
//! codebook, cases.csv and at most the one transcript they touch, and read the coder's own file under
//! its lock (`Project::update_coder`). Files they do not read cannot stop them; `check` still reads
//! and validates everything.

use super::project::{check_inside, codebook_problems, line_of_key, parse_json, read};
use super::{FileProblem, Project, Result, StoreError, cases_csv};
use crate::model::{Cases, Codebook, CoderFile, Transcript};
use std::collections::BTreeMap;
use std::path::Path;

/// What [`Project::open_with`] reads besides the codebook and cases.csv, which are always read and validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Load {
    /// Every transcript and every coder file.
    All,
    /// Only these transcripts (by id, from `transcripts/<id>.txt`; an id without a file is simply
    /// absent, as in a full load) and no coder file: a writer reads its own under the lock.
    Only(Vec<String>),
    /// Every coder file and no transcript: an analysis that reads the transcripts' statistics from
    /// [`super::stats::from_files`] instead of their text.
    Codings,
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
            return Err(StoreError::refused(format!(
                "{} is not a kodbok project: it has no codebook.json (start one with `kodbok init`)",
                root.display()
            )));
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
            coders: BTreeMap::new(),
        };
        project.load_cases(&mut problems)?;
        match load {
            Load::All => {
                project.load_transcripts(&mut problems)?;
                project.load_coders(&mut problems)?;
            }
            Load::Codings => project.load_coders(&mut problems)?,
            Load::Only(ids) => {
                for id in ids {
                    project.load_one_transcript(id, &mut problems)?;
                }
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
        if let Err(StoreError::Problems(ps)) = check_inside(&self.root, path) {
            problems.extend(ps);
            return Ok(None);
        }
        let bytes = read(path)?;
        let Ok(text) = String::from_utf8(bytes) else {
            problems.push(FileProblem::new(
                path,
                "expected UTF-8 text; import the file with `kodbok import`",
            ));
            return Ok(None);
        };
        let problem = match Transcript::parse(&text, stem) {
            Ok(t) if crate::model::codebook::check_id(&t.id).is_err() || t.id.starts_with('.') => {
                FileProblem::new(
                    path,
                    format!(
                        "the header id {:?} cannot name a transcript: use letters, digits, '-', '_' or '.' (and the file's name)",
                        t.id
                    ),
                )
                .at(line_of_key(&text, "id"), 1)
            }
            Ok(t) if named_by_id && t.id != stem => FileProblem::new(
                path,
                format!("the header id differs from the file name {stem:?}"),
            )
            .at(line_of_key(&text, "id"), 1),
            Ok(t) if self.transcripts.contains_key(&t.id) => FileProblem::new(
                path,
                format!("transcript id {:?} is used by another file too", t.id),
            )
            .at(2, 1),
            Ok(t) => return Ok(Some(t)),
            Err(e) => FileProblem::new(path, e.message).at(e.line, e.column),
        };
        problems.push(problem);
        Ok(None)
    }

    fn load_coders(&mut self, problems: &mut Vec<FileProblem>) -> Result<()> {
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
            match parse_json::<CoderFile>(&path, &read(&path)?) {
                Ok(mut f) => {
                    // kept in order: lookups per document and the duplicate check are binary searches
                    f.sort();
                    self.coders.insert(stem, f);
                }
                Err(p) => problems.push(p),
            }
        }
        Ok(())
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
    fn an_id_that_is_not_a_file_name_is_not_looked_for() {
        let d = project();
        fs::write(d.path().join("x.txt"), "id: x\ncase: k1\n\nA: ut.\n").unwrap();
        for id in ["../x", ".hidden", "", "missing"] {
            let p = Project::open_with(d.path(), &Load::one(id)).unwrap();
            assert!(p.transcripts.is_empty(), "{id}");
        }
    }
}
