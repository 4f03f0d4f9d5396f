//! The one way a coder's file is changed: lock, re-read from disk, change, validate, write atomically.
//!
//! Every writer of `codings/<coder>.json` (the CLI commands, the workbench's saves, its agreement and
//! recode effects, consensus, merges) goes through `Project::update_coder` or its variants here, so a
//! fault in saving has one place to be fixed and tested.

use super::{
    FileProblem, Lock, Problem, Result, SaveProblem, StoreError, atomic, coder_name_ok,
    project::parse_json,
};
use crate::model::CoderFile;
use crate::model::text::char_len;
use std::collections::HashSet;

/// The lock name of a coder's file in `.kodbok/locks/`.
pub fn lock_name(coder: &str) -> String {
    format!("coder-{coder}")
}

impl super::Project {
    /// Takes the write lock of one coder's file.
    pub fn lock_coder(&self, coder: &str) -> Result<Lock> {
        if !coder_name_ok(coder) {
            return Err(super::Refusal::BadCoderName {
                name: coder.to_string(),
            }
            .into());
        }
        Lock::acquire(&self.root, &lock_name(coder), &self.coder_path(coder))
    }

    /// Reads one coder's file from disk as it is now (an empty file for a coder without one).
    pub fn read_coder(&self, coder: &str) -> Result<CoderFile> {
        let path = self.coder_path(coder);
        match std::fs::read(&path) {
            Ok(bytes) => {
                let mut f = parse_json::<CoderFile>(&path, &bytes).map_err(StoreError::one)?;
                f.sort();
                Ok(f)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(CoderFile::new(coder)),
            Err(e) => Err(StoreError::io(&path, e)),
        }
    }

    /// Changes one coder's file: takes its lock, re-reads it from disk, lets `change` edit it, validates
    /// and writes it atomically. Nothing is written when `change` fails or changes nothing. Returns `change`'s value and
    /// the file as written.
    pub fn update_coder<T>(
        &self,
        coder: &str,
        change: impl FnOnce(&mut CoderFile) -> Result<T>,
    ) -> Result<(T, CoderFile)> {
        let lock = self.lock_coder(coder)?;
        self.update_coder_held(&lock, coder, change)
    }

    /// `update_coder` for a caller that already holds the coder's lock (a workbench session, or a
    /// command that must also write the coder's batch log under the same lock).
    pub fn update_coder_held<T>(
        &self,
        lock: &Lock,
        coder: &str,
        change: impl FnOnce(&mut CoderFile) -> Result<T>,
    ) -> Result<(T, CoderFile)> {
        check_lock(lock, coder)?;
        let mut file = self.read_coder(coder)?;
        let before = file.clone();
        let out = change(&mut file)?;
        file.sort();
        // an unchanged file is not rewritten (its readers and the index see no change)
        if file != before {
            self.commit_coder(coder, &mut file)?;
        }
        Ok((out, file))
    }

    /// `update_coder` on the copy in memory too: the project's copy becomes the file as written.
    pub fn update_coder_mut<T>(
        &mut self,
        coder: &str,
        change: impl FnOnce(&mut CoderFile) -> Result<T>,
    ) -> Result<T> {
        let (out, file) = self.update_coder(coder, change)?;
        self.coders.insert(coder.to_string(), file);
        Ok(out)
    }

    /// Writes a whole coder file whose lock the caller has held since reading it (the workbench's own
    /// file, held for the session): there is nothing newer on disk to re-read.
    pub fn write_coder_held(&self, lock: &Lock, coder: &str, file: &CoderFile) -> Result<()> {
        check_lock(lock, coder)?;
        let mut f = file.clone();
        self.commit_coder(coder, &mut f)
    }

    /// Writes the copy in memory of one coder's file under its lock, without re-reading: for making a
    /// project (tests, benchmarks, generated corpora). Writers that change an existing file use
    /// `update_coder`, which cannot lose another process's codings.
    pub fn save_coder(&self, coder: &str) -> Result<()> {
        let lock = self.lock_coder(coder)?;
        let empty = CoderFile::new(coder);
        self.write_coder_held(&lock, coder, self.coders.get(coder).unwrap_or(&empty))
    }

    /// Changes several coders' files all or nothing for the locking: every lock is taken before any
    /// file is read, then each is re-read, changed, validated and written.
    pub fn update_coders<T>(
        &self,
        coders: &[String],
        mut change: impl FnMut(&str, &mut CoderFile) -> Result<T>,
    ) -> Result<Vec<(String, T, CoderFile)>> {
        let locks = coders
            .iter()
            .map(|c| self.lock_coder(c))
            .collect::<Result<Vec<_>>>()?;
        let mut out = Vec::with_capacity(coders.len());
        for (coder, lock) in coders.iter().zip(&locks) {
            let (t, file) = self.update_coder_held(lock, coder, |f| change(coder, f))?;
            out.push((coder.clone(), t, file));
        }
        Ok(out)
    }

    /// The coder other than `except` whose file holds coding `id`, reading one coder file at a time
    /// (only the ids are kept), so the answer costs no more memory than the largest coder file. A file
    /// that cannot be read is passed over: it is another coder's, and `check` reports it.
    pub fn owner_of(&self, id: &str, except: &str) -> Result<Option<String>> {
        #[derive(serde::Deserialize)]
        struct Ids {
            #[serde(default)]
            codings: Vec<IdOnly>,
        }
        #[derive(serde::Deserialize)]
        struct IdOnly {
            id: String,
        }
        for path in Self::files_with_ext(&self.codings_dir(), "json")? {
            let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
                continue;
            };
            if stem == except || super::project::check_inside(&self.root, &path).is_err() {
                continue;
            }
            let Ok(bytes) = std::fs::read(&path) else {
                continue;
            };
            if parse_json::<Ids>(&path, &bytes).is_ok_and(|f| f.codings.iter().any(|c| c.id == id))
            {
                return Ok(Some(stem.to_string()));
            }
        }
        Ok(None)
    }

    fn commit_coder(&self, coder: &str, file: &mut CoderFile) -> Result<()> {
        let path = self.coder_path(coder);
        if file.coder.is_empty() {
            file.coder = coder.to_string();
        }
        file.sort();
        if let Some(msg) = invalid(coder, file) {
            return Err(StoreError::one(FileProblem::new(
                &path,
                Problem::NotSaved(msg),
            )));
        }
        atomic::write_json(&path, file)
    }
}

fn check_lock(lock: &Lock, coder: &str) -> Result<()> {
    if lock.name() == lock_name(coder) {
        Ok(())
    } else {
        Err(StoreError::refused(format!(
            "internal: {coder}'s file was about to be written without its lock"
        )))
    }
}

/// What makes a coder file unfit to write: it would not load back, or its codings contradict themselves.
fn invalid(coder: &str, f: &CoderFile) -> Option<SaveProblem> {
    if f.coder != coder {
        return Some(SaveProblem::CoderMismatch {
            says: f.coder.clone(),
            coder: coder.to_string(),
        });
    }
    let mut ids = HashSet::new();
    for c in &f.codings {
        if !ids.insert(c.id.as_str()) {
            return Some(SaveProblem::IdTwice { id: c.id.clone() });
        }
        if c.start >= c.end || char_len(&c.quote) != c.end - c.start {
            return Some(SaveProblem::QuoteLength {
                id: c.id.clone(),
                start: c.start,
                end: c.end,
                len: char_len(&c.quote),
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::Project;
    use super::super::atomic::{Step, fault};
    use crate::model::{CoderFile, Coding};
    use std::fs;

    fn project() -> (tempfile::TempDir, Project) {
        let dir = tempfile::tempdir().unwrap();
        Project::init(dir.path(), false).unwrap();
        fs::write(
            dir.path().join("transcripts/t1.txt"),
            "id: t1\ncase: k1\n\nA: Vi har inga resurser alls.\n",
        )
        .unwrap();
        let p = Project::open(dir.path()).unwrap();
        (dir, p)
    }

    fn coding(p: &Project) -> Coding {
        let code = p.codebook.flatten()[0].code.id.clone();
        p.new_coding("t1", 3, 9, &code).unwrap()
    }

    #[test]
    fn update_rereads_under_the_lock_and_writes() {
        let (_d, mut p) = project();
        let c = coding(&p);
        // another process wrote a coding after this one loaded the project
        let mut theirs = CoderFile::new("a");
        theirs.insert(c.clone());
        super::super::atomic::write_json(&p.coder_path("a"), &theirs).unwrap();
        let mut mine = coding(&p);
        mine.start = 4;
        mine.end = 10;
        mine.quote = p.transcript("t1").unwrap().slice(4, 10).unwrap().into();
        let added = p.update_coder_mut("a", |f| Ok(f.insert(mine))).unwrap();
        assert!(added);
        assert_eq!(p.read_coder("a").unwrap().codings.len(), 2);
        assert_eq!(p.coders["a"].codings.len(), 2);
    }

    #[test]
    fn a_held_lock_is_refused_and_a_failed_change_writes_nothing() {
        let (_d, p) = project();
        let held = p.lock_coder("a").unwrap();
        let err = p.update_coder("a", |_| Ok(())).unwrap_err();
        assert!(err.to_string().contains("locked by"), "{err}");
        let err = p
            .update_coder_held(&held, "a", |f| {
                f.coder = "a".into();
                Err::<(), _>(super::StoreError::refused("no"))
            })
            .unwrap_err();
        assert_eq!(err.to_string(), "no");
        assert!(!p.coder_path("a").exists());
        let other = p.lock_coder("b").unwrap();
        assert!(p.update_coder_held(&other, "a", |_| Ok(())).is_err());
    }

    #[test]
    fn an_inconsistent_file_is_not_written() {
        let (_d, p) = project();
        let c = coding(&p);
        let err = p
            .update_coder("a", |f| {
                f.codings.push(c.clone());
                f.codings.push(c);
                Ok(())
            })
            .unwrap_err();
        assert!(err.to_string().contains("occurs twice"), "{err}");
        assert!(!p.coder_path("a").exists());
    }

    #[test]
    fn io_faults_at_every_step_leave_the_old_file() {
        let (_d, p) = project();
        let c = coding(&p);
        p.update_coder("a", |f| Ok(f.insert(c))).unwrap();
        let before = fs::read(p.coder_path("a")).unwrap();
        for step in Step::ALL.into_iter().filter(|s| *s != Step::SyncDir) {
            for kind in [
                std::io::ErrorKind::StorageFull,
                std::io::ErrorKind::PermissionDenied,
            ] {
                let extra = coding(&p);
                fault::arm(step, kind);
                let r = p.update_coder("a", |f| {
                    f.codings.clear();
                    Ok(f.insert(extra))
                });
                fault::disarm();
                let e = r.unwrap_err().to_string();
                assert!(e.contains("a.json"), "{e}");
                assert_eq!(fs::read(p.coder_path("a")).unwrap(), before, "{step:?}");
            }
        }
        // and the lock was released each time
        p.update_coder("a", |_| Ok(())).unwrap();
    }
}
