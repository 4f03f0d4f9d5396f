//! All-or-nothing writes of several project files: staged in `.kodbok/`, then moved into place.

use crate::store::{Result, StoreError, atomic};
use std::fs;
use std::path::{Path, PathBuf};

/// Writes every file into a staging folder first (so a full disk or a bad path fails before anything
/// changed), then renames each into place.
pub fn commit(root: &Path, files: &[(PathBuf, Vec<u8>)]) -> Result<()> {
    let dir = root
        .join(".kodbok")
        .join(format!("import-{}", std::process::id()));
    let staged = stage(&dir, files);
    if let Err(e) = staged {
        let _ = fs::remove_dir_all(&dir);
        return Err(StoreError::refused(format!("{e}; nothing was imported")));
    }
    for (i, (dest, _)) in files.iter().enumerate() {
        if let Some(parent) = dest.parent() {
            fs::create_dir_all(parent).map_err(|e| StoreError::io(parent, e))?;
        }
        fs::rename(dir.join(i.to_string()), dest).map_err(|e| StoreError::io(dest, e))?;
        if let Some(parent) = dest.parent()
            && let Ok(d) = fs::File::open(parent)
        {
            let _ = d.sync_all();
        }
    }
    let _ = fs::remove_dir_all(&dir);
    Ok(())
}

fn stage(dir: &Path, files: &[(PathBuf, Vec<u8>)]) -> Result<()> {
    fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, e))?;
    for (i, (_, bytes)) in files.iter().enumerate() {
        atomic::write(&dir.join(i.to_string()), bytes)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_all_files_and_cleans_up() {
        let d = tempfile::tempdir().unwrap();
        let files = vec![
            (d.path().join("a/x.txt"), b"x".to_vec()),
            (d.path().join("y.json"), b"y".to_vec()),
        ];
        commit(d.path(), &files).unwrap();
        assert_eq!(fs::read(d.path().join("a/x.txt")).unwrap(), b"x");
        assert_eq!(fs::read(d.path().join("y.json")).unwrap(), b"y");
        assert_eq!(fs::read_dir(d.path().join(".kodbok")).unwrap().count(), 0);
    }
}
