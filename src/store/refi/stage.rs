//! All-or-nothing writes of several project files: staged in `.kodbok/`, then moved into place.

use crate::store::{Result, StoreError, atomic};
use std::fs;
use std::path::{Path, PathBuf};

const PREFIX: &str = "import-";

/// Writes every file into a staging folder first (so a full disk or a bad path fails before anything
/// changed), then renames each into place in the order given: a caller lists what others refer to
/// first (the codebook before codings), so a process killed between two renames leaves a project
/// that still checks out.
pub fn commit(root: &Path, files: &[(PathBuf, Vec<u8>)]) -> Result<()> {
    let cache = root.join(".kodbok");
    remove_stale(&cache);
    let dir = cache.join(format!("{PREFIX}{}", std::process::id()));
    let staged = stage(&dir, files);
    if let Err(e) = staged {
        let _ = fs::remove_dir_all(&dir);
        return Err(StoreError::refused(crate::t!(
            "refi-stage-failed",
            error = e.to_string()
        )));
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

/// Removes staging folders whose importer is gone (killed before it cleaned up).
fn remove_stale(cache: &Path) {
    let Ok(entries) = fs::read_dir(cache) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().to_string();
        let Some(pid) = name
            .strip_prefix(PREFIX)
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        if pid != std::process::id() && !atomic::alive(pid, &e.path()) {
            let _ = fs::remove_dir_all(e.path());
        }
    }
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

    #[test]
    fn a_dead_importers_staging_folder_is_removed() {
        let d = tempfile::tempdir().unwrap();
        // pid 0 is never a kodbok process
        let stale = d.path().join(".kodbok").join(format!("{PREFIX}0"));
        fs::create_dir_all(&stale).unwrap();
        fs::write(stale.join("0"), b"half").unwrap();
        commit(d.path(), &[(d.path().join("y.json"), b"y".to_vec())]).unwrap();
        assert!(!stale.exists());
    }
}
