//! The one way a coder's file is changed: lock, re-read from disk, change, validate, write atomically.
//!
//! Every writer of `codings/<coder>.json` (the CLI commands, the workbench's saves, its agreement and
//! recode effects, consensus, merges) goes through `Project::update_coder` or its variants here, so a
//! fault in saving has one place to be fixed and tested.

use super::coder_cache::{self, Loaded};
use super::{FileProblem, Lock, Problem, Result, SaveProblem, StoreError, coder_name_ok};
use crate::model::CoderFile;
use crate::model::text::char_len;

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

    /// Reads one coder's file from disk as it is now (an empty file for a coder without one), from its
    /// binary copy when that was made from the file's bytes as they are now ([`super::coder_cache`]).
    pub fn read_coder(&self, coder: &str) -> Result<CoderFile> {
        Ok(self.load_coder(coder)?.file)
    }

    /// [`Project::read_coder`] with the fingerprint of the file's content.
    fn load_coder(&self, coder: &str) -> Result<Loaded> {
        let path = self.coder_path(coder);
        match coder_cache::load(&self.root, coder, &path) {
            Ok(r) => r.map_err(StoreError::one),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let file = CoderFile::new(coder);
                let fingerprint = coder_cache::fingerprint_only(&file);
                Ok(Loaded { file, fingerprint })
            }
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
        let Loaded {
            mut file,
            fingerprint,
        } = self.load_coder(coder)?;
        let before = Before::of(&file, fingerprint);
        let out = change(&mut file)?;
        self.commit_if_changed(coder, &mut file, before)?;
        Ok((out, file))
    }

    /// `update_coder_held` that starts from the project's copy of the file when it is the file on disk
    /// now (the same content: its fingerprint is the one the binary copy gives for the JSON's bytes as
    /// they are now), so that a file loaded under the same lock is neither read nor cloned again; else
    /// from disk. Either way the project's copy becomes the file as written (as on disk, when `change` or
    /// the write fails).
    pub fn update_coder_in_hand<T>(
        &mut self,
        lock: &Lock,
        coder: &str,
        change: impl FnOnce(&mut CoderFile) -> Result<T>,
    ) -> Result<T> {
        check_lock(lock, coder)?;
        let in_hand = self.coders.get(coder).and_then(|f| {
            coder_cache::fingerprint_on_disk(&self.root, coder, &self.coder_path(coder))
                .filter(|on_disk| coder_cache::fingerprint_only(f) == *on_disk)
        });
        let Loaded {
            mut file,
            fingerprint,
        } = match in_hand.zip(self.coders.remove(coder)) {
            Some((fingerprint, file)) => Loaded { file, fingerprint },
            None => self.load_coder(coder)?,
        };
        let before = Before::of(&file, fingerprint);
        let out = change(&mut file).and_then(|out| {
            self.commit_if_changed(coder, &mut file, before)?;
            Ok(out)
        });
        if out.is_err() {
            // the copy may be half changed: the file on disk is the truth
            file = self.load_coder(coder)?.file;
        }
        self.coders.insert(coder.to_string(), file);
        out
    }

    /// Writes `file` (changed from the file `before` describes) in its stored form, unless it is the
    /// same: an unchanged file is not rewritten (its readers and the index see no change).
    fn commit_if_changed(&self, coder: &str, file: &mut CoderFile, before: Before) -> Result<()> {
        normalise(coder, file);
        // a file whose number of codings changed has changed: no need to hash it to know
        if file.codings.len() != before.codings
            || coder_cache::fingerprint_only(file) != before.fingerprint
        {
            self.commit_coder(coder, file)?;
        }
        Ok(())
    }

    /// `update_coder` on the copy in memory too (read from disk only when it is not the file on disk):
    /// the project's copy becomes the file as written.
    pub fn update_coder_mut<T>(
        &mut self,
        coder: &str,
        change: impl FnOnce(&mut CoderFile) -> Result<T>,
    ) -> Result<T> {
        let lock = self.lock_coder(coder)?;
        self.update_coder_in_hand(&lock, coder, change)
    }

    /// Writes a whole coder file whose lock the caller has held since reading it (the workbench's own
    /// file, held for the session): there is nothing newer on disk to re-read.
    pub fn write_coder_held(&self, lock: &Lock, coder: &str, file: &CoderFile) -> Result<()> {
        check_lock(lock, coder)?;
        let copy;
        let file = if is_normal(file) {
            file
        } else {
            let mut f = file.clone();
            normalise(coder, &mut f);
            copy = f;
            &copy
        };
        self.commit_coder(coder, file)
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
        for path in Self::files_with_ext(&self.codings_dir(), "json")? {
            let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
                continue;
            };
            if stem == except || super::project::check_inside(&self.root, &path).is_err() {
                continue;
            }
            if let Ok(Ok(f)) = coder_cache::load(&self.root, stem, &path)
                && f.file.codings.iter().any(|c| c.id == id)
            {
                return Ok(Some(stem.to_string()));
            }
        }
        Ok(None)
    }

    /// Writes a coder file (in its stored form, see [`normalise`]) and its binary copy.
    fn commit_coder(&self, coder: &str, file: &CoderFile) -> Result<()> {
        let path = self.coder_path(coder);
        if let Some(msg) = invalid(coder, file) {
            return Err(StoreError::one(FileProblem::new(
                &path,
                Problem::NotSaved(msg),
            )));
        }
        coder_cache::write(&self.root, coder, &path, file)
    }
}

/// What a change is compared with: the file's fingerprint and its number of codings.
#[derive(Clone, Copy)]
struct Before {
    fingerprint: u128,
    codings: usize,
}

impl Before {
    fn of(file: &CoderFile, fingerprint: u128) -> Before {
        Before {
            fingerprint,
            codings: file.codings.len(),
        }
    }
}

/// Puts a coder file in the form it is stored in: its coder named, its codings in order.
fn normalise(coder: &str, file: &mut CoderFile) {
    if file.coder.is_empty() {
        file.coder = coder.to_string();
    }
    file.sort();
}

/// Whether [`normalise`] would leave `file` as it is.
fn is_normal(file: &CoderFile) -> bool {
    !file.coder.is_empty()
        && file
            .codings
            .is_sorted_by(|a, b| a.sort_key() <= b.sort_key())
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
    // ids are random: the fast hash is enough, and a large file holds hundreds of thousands
    let mut ids = rustc_hash::FxHashSet::default();
    ids.reserve(f.codings.len());
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

#[cfg(test)]
mod in_hand_tests {
    use super::super::{Project, coder_cache};

    fn project() -> (tempfile::TempDir, Project) {
        let dir = tempfile::tempdir().unwrap();
        Project::init(dir.path(), false).unwrap();
        std::fs::write(
            dir.path().join("transcripts/t1.txt"),
            "id: t1\ncase: k1\n\nA: Vi har inga resurser alls.\n",
        )
        .unwrap();
        let p = Project::open(dir.path()).unwrap();
        (dir, p)
    }

    #[test]
    fn the_copy_in_hand_is_used_only_while_it_is_the_file_on_disk() {
        let (_d, mut p) = project();
        let code = p.codebook.flatten()[0].code.id.clone();
        let first = p.new_coding("t1", 3, 9, &code).unwrap();
        let lock = p.lock_coder("a").unwrap();
        p.update_coder_in_hand(&lock, "a", |f| Ok(f.insert(first.clone())))
            .unwrap();
        assert_eq!(p.coders["a"], p.read_coder("a").unwrap());
        // another writer (a hand edit, or a tool that ignores locks) changes the file on disk
        let second = p.new_coding("t1", 10, 14, &code).unwrap();
        let mut theirs = p.read_coder("a").unwrap();
        theirs.insert(second.clone());
        crate::store::atomic::write_json(&p.coder_path("a"), &theirs).unwrap();
        // the stale copy in hand is not trusted: their coding is kept
        let third = p.new_coding("t1", 15, 19, &code).unwrap();
        p.update_coder_in_hand(&lock, "a", |f| Ok(f.insert(third.clone())))
            .unwrap();
        let ids: Vec<&str> = p.coders["a"]
            .codings
            .iter()
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(ids.len(), 3, "{ids:?}");
        assert_eq!(p.coders["a"], p.read_coder("a").unwrap());
        // a copy in hand changed in memory only is not the file on disk either
        p.coders.get_mut("a").unwrap().codings.clear();
        p.update_coder_in_hand(&lock, "a", |_| Ok(())).unwrap();
        assert_eq!(p.coders["a"].codings.len(), 3);
        // a failed change leaves the copy in hand as the file on disk is
        let r = p.update_coder_in_hand(&lock, "a", |f| {
            f.codings.clear();
            Err::<(), _>(super::StoreError::refused("no"))
        });
        assert!(r.is_err());
        assert_eq!(p.coders["a"].codings.len(), 3);
        let on_disk = coder_cache::fingerprint_on_disk(&p.root, "a", &p.coder_path("a"));
        assert_eq!(on_disk, Some(coder_cache::fingerprint_only(&p.coders["a"])));
    }

    #[test]
    fn an_unchanged_file_is_not_rewritten() {
        let (_d, p) = project();
        let code = p.codebook.flatten()[0].code.id.clone();
        let c = p.new_coding("t1", 3, 9, &code).unwrap();
        p.update_coder("a", |f| Ok(f.insert(c.clone()))).unwrap();
        let path = p.coder_path("a");
        let before = std::fs::metadata(&path).unwrap().modified().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        let (added, f) = p.update_coder("a", |f| Ok(f.insert(c.clone()))).unwrap();
        assert!(!added);
        assert_eq!(
            std::fs::metadata(&path).unwrap().modified().unwrap(),
            before
        );
        assert_eq!(f, p.read_coder("a").unwrap());
        // nor is a file that does not exist and stays empty
        p.update_coder("b", |_| Ok(())).unwrap();
        assert!(!p.coder_path("b").exists());
    }
}
