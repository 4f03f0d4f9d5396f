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
            StoreError::refused(format!(
                "{coder}'s codings appeared while the command was running; run it again"
            ))
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
