//! Advisory locks in `.kodbok/locks/`: one per coder file, one for the codebook. Readers never need one.

use super::{Result, StoreError};
use std::fs::{self, File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// Held for as long as the value lives; the OS releases it if the process dies.
#[derive(Debug)]
pub struct Lock {
    file: File,
    path: PathBuf,
}

impl Lock {
    /// Takes the lock named `name` (a coder or `codebook`) in the project at `root`, or says who holds it.
    pub fn acquire(root: &Path, name: &str, guarded: &Path) -> Result<Lock> {
        let dir = root.join(".kodbok").join("locks");
        fs::create_dir_all(&dir).map_err(|e| StoreError::io(&dir, e))?;
        let path = dir.join(format!("{name}.lock"));
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|e| StoreError::io(&path, e))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                let holder = match holder.trim() {
                    "" => "another kodbok process".to_string(),
                    h => h.to_string(),
                };
                return Err(StoreError::Locked {
                    path: guarded.to_path_buf(),
                    holder,
                });
            }
            Err(fs::TryLockError::Error(e)) => return Err(StoreError::io(&path, e)),
        }
        let info = format!(
            "kodbok pid {} (user {}, host {}, since {})",
            std::process::id(),
            whoami::username(),
            whoami::fallible::hostname().unwrap_or_else(|_| "?".into()),
            chrono::Local::now().format("%Y-%m-%d %H:%M:%S")
        );
        let _ = file.set_len(0);
        let _ = file.seek(SeekFrom::Start(0));
        let _ = file.write_all(info.as_bytes());
        let _ = file.sync_all();
        Ok(Lock { file, path })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = self.file.set_len(0);
        let _ = self.file.unlock();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_holder_is_refused_with_name() {
        let dir = tempfile::tempdir().unwrap();
        let guarded = dir.path().join("codings/a.json");
        let first = Lock::acquire(dir.path(), "a", &guarded).unwrap();
        let err = Lock::acquire(dir.path(), "a", &guarded).unwrap_err();
        assert!(
            err.to_string()
                .contains(&format!("pid {}", std::process::id())),
            "{err}"
        );
        drop(first);
        Lock::acquire(dir.path(), "a", &guarded).unwrap();
        Lock::acquire(dir.path(), "b", &guarded).unwrap();
    }
}
