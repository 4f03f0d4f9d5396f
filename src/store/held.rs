//! Locks taken by the store for the length of one command: the command gets them inside a closure and
//! never takes, keeps or releases one itself.

use super::{Lock, Project, Result, StoreError, coders::lock_name};

/// The locks one command holds together (the codebook's and some coders'), released when dropped.
#[derive(Debug)]
pub struct Held {
    locks: Vec<Lock>,
}

impl Held {
    /// The held lock of `coder`'s file; an error when that coder was not locked (a coder file that
    /// appeared after the locks were taken).
    pub fn coder(&self, coder: &str) -> Result<&Lock> {
        let name = lock_name(coder);
        self.locks.iter().find(|l| l.name() == name).ok_or_else(|| {
            StoreError::from(super::Refusal::CoderAppeared {
                coder: coder.to_string(),
            })
        })
    }
}

impl Project {
    /// Runs `f` with `coder`'s file locked: `f` gets the project (to re-read what it needs under the
    /// lock) and the lock to hand to the writes that need it. Released when `f` returns.
    pub fn with_coder_locked<T, E: From<StoreError>>(
        &mut self,
        coder: &str,
        f: impl FnOnce(&mut Project, &Lock) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        let lock = self.lock_coder(coder)?;
        f(self, &lock)
    }

    /// Runs `f` holding the codebook's lock (when `codebook`) and the listed coders' locks, taken in
    /// that order (coders sorted) so two commands never wait on each other crosswise.
    pub fn with_locked<T, E: From<StoreError>>(
        &mut self,
        codebook: bool,
        coders: &[String],
        f: impl FnOnce(&mut Project, &Held) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        let mut locks = Vec::new();
        if codebook {
            locks.push(self.lock_codebook()?);
        }
        let mut coders = coders.to_vec();
        coders.sort();
        coders.dedup();
        for c in &coders {
            locks.push(self.lock_coder(c)?);
        }
        f(self, &Held { locks })
    }

    /// Runs `f` holding the codebook's lock.
    pub fn with_codebook_locked<T, E: From<StoreError>>(
        &mut self,
        f: impl FnOnce(&mut Project) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        let _lock = self.lock_codebook()?;
        f(self)
    }
}

/// A coder's file held for a whole workbench session: only this session writes it, always from the
/// copy in memory (the newest, since nobody else may change the file while the lease lasts).
#[derive(Debug)]
pub struct CoderLease {
    lock: Lock,
    coder: String,
}

impl CoderLease {
    /// The held lock, for the store's writes of this coder's other files (the batch log).
    pub fn lock(&self) -> &Lock {
        &self.lock
    }
}

impl Project {
    /// Takes `coder`'s file for a session. `Ok(Err(holder))` when another session holds it (the caller
    /// then works read-only).
    pub fn lease_coder(&self, coder: &str) -> Result<std::result::Result<CoderLease, String>> {
        match self.lock_coder(coder) {
            Ok(lock) => Ok(Ok(CoderLease {
                lock,
                coder: coder.to_string(),
            })),
            Err(StoreError::Locked { holder, .. }) => Ok(Err(holder)),
            Err(e) => Err(e),
        }
    }

    /// Writes the leased coder's file from memory.
    pub fn save_leased(&self, lease: &CoderLease) -> Result<()> {
        let empty = crate::model::CoderFile::new(&lease.coder);
        let file = self.coders.get(&lease.coder).unwrap_or(&empty);
        self.write_coder_held(&lease.lock, &lease.coder, file)
    }

    /// Writes the codebook from memory under its lock, unless `changed_on_disk()` says the file is not
    /// the one this writer last saw and it holds a different codebook: then that one is returned and
    /// nothing is written (no silent overwrite of another session's change).
    pub fn save_codebook_unless_changed(
        &self,
        changed_on_disk: impl FnOnce() -> bool,
    ) -> Result<Option<crate::model::Codebook>> {
        let _lock = self.lock_codebook()?;
        if changed_on_disk() {
            let path = self.codebook_path();
            if let Ok(bytes) = std::fs::read(&path)
                && let Ok(theirs) =
                    super::project::parse_json::<crate::model::Codebook>(&path, &bytes)
                && theirs != self.codebook
            {
                return Ok(Some(theirs));
            }
        }
        self.save_codebook()?;
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locks_are_held_inside_and_released_after() {
        let dir = tempfile::tempdir().unwrap();
        Project::init(dir.path(), false).unwrap();
        let mut p = Project::open(dir.path()).unwrap();
        let other = Project::open(dir.path()).unwrap();
        p.with_locked(true, &["b".into(), "a".into()], |_, held| {
            assert!(held.coder("a").is_ok() && held.coder("c").is_err());
            assert!(other.lock_codebook().is_err());
            assert!(other.lock_coder("b").is_err());
            Ok::<_, StoreError>(())
        })
        .unwrap();
        assert!(other.lock_codebook().is_ok());
        let r: Result<()> = p.with_coder_locked("a", |_, _| {
            assert!(other.lock_coder("a").is_err());
            Err(StoreError::refused("stop"))
        });
        assert!(r.is_err());
        assert!(other.lock_coder("a").is_ok(), "released after an error too");
    }
}
