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
    name: String,
}

impl Lock {
    /// Takes the lock named `name` (a coder or `codebook`) in the project at `root`, or says who holds it.
    pub fn acquire(root: &Path, name: &str, guarded: &Path) -> Result<Lock> {
        let dir = root.join(".kodbok").join("locks");
        fs::create_dir_all(&dir).map_err(|e| StoreError::io(&dir, e))?;
        let path = dir.join(format!("{name}.lock"));
        let mut file = open_lock_file(&root.join(".kodbok"), &path)?;
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
        Ok(Lock {
            file,
            path,
            name: name.to_string(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The name it was taken under (`coder-<name>` or `codebook`).
    pub fn name(&self) -> &str {
        &self.name
    }
}

/// Opens (creating if needed) a lock file, refusing one that is — or sits in a folder that is — a
/// symbolic link: a lock file is truncated, and through a link that would empty a file elsewhere.
pub fn open_lock_file(cache: &Path, path: &Path) -> Result<File> {
    let mut dir = path.parent();
    while let Some(d) = dir {
        if fs::symlink_metadata(d).is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(link_refused(d));
        }
        if d == cache {
            break;
        }
        dir = d.parent();
    }
    let mut o = OpenOptions::new();
    o.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.custom_flags(libc::O_NOFOLLOW);
    }
    match o.open(path) {
        Ok(f) => Ok(f),
        Err(_) if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) => {
            Err(link_refused(path))
        }
        Err(e) => Err(StoreError::io(path, e)),
    }
}

fn link_refused(path: &Path) -> StoreError {
    StoreError::from(super::Refusal::LinkedLock {
        path: path.to_path_buf(),
    })
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

    #[cfg(unix)]
    #[test]
    fn a_symlinked_lock_is_refused_and_its_target_kept() {
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("outside.txt");
        fs::write(&outside, b"precious").unwrap();
        let proj = dir.path().join("p");
        fs::create_dir_all(proj.join(".kodbok/locks")).unwrap();
        std::os::unix::fs::symlink(&outside, proj.join(".kodbok/locks/a.lock")).unwrap();
        let err = Lock::acquire(&proj, "a", &proj.join("codings/a.json")).unwrap_err();
        assert!(err.to_string().contains("symbolic link"), "{err}");
        assert_eq!(fs::read(&outside).unwrap(), b"precious");
        // a linked locks folder is refused too
        let proj2 = dir.path().join("q");
        fs::create_dir_all(proj2.join(".kodbok")).unwrap();
        std::os::unix::fs::symlink(dir.path(), proj2.join(".kodbok/locks")).unwrap();
        assert!(Lock::acquire(&proj2, "outside.txt", &outside).is_err());
        assert_eq!(fs::read(&outside).unwrap(), b"precious");
    }
}
