//! Atomic file replacement: temp file in the same folder, fsync, rename, fsync the folder.
//!
//! Temp files are created exclusively and never through a symbolic link, and temp files left behind by
//! a killed writer are removed by the next write of the same file. Tests can make any step fail
//! (see `fault`), which is how "a failed write leaves the old file intact" is proved.

use super::{Result, StoreError};
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The steps of one atomic write, in order; a test can make any of them fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    CreateTemp,
    WriteTemp,
    SyncTemp,
    Rename,
    SyncDir,
}

impl Step {
    pub const ALL: [Step; 5] = [
        Step::CreateTemp,
        Step::WriteTemp,
        Step::SyncTemp,
        Step::Rename,
        Step::SyncDir,
    ];
}

/// The fault-injection seam: tests arm one step with an error kind; every write on that thread then
/// fails at that step until disarmed. Compiled only into tests.
#[cfg(test)]
pub mod fault {
    use super::Step;
    use std::cell::Cell;
    use std::io;

    thread_local! {
        static ARMED: Cell<Option<(Step, io::ErrorKind)>> = const { Cell::new(None) };
    }

    pub fn arm(step: Step, kind: io::ErrorKind) {
        ARMED.with(|a| a.set(Some((step, kind))));
    }

    pub fn disarm() {
        ARMED.with(|a| a.set(None));
    }

    pub(super) fn check(step: Step) -> io::Result<()> {
        match ARMED.with(|a| a.get()) {
            Some((s, kind)) if s == step => {
                Err(io::Error::new(kind, format!("injected at {step:?}")))
            }
            _ => Ok(()),
        }
    }
}

#[cfg(not(test))]
mod fault {
    #[inline(always)]
    pub(super) fn check(_: super::Step) -> std::io::Result<()> {
        Ok(())
    }
}

/// Opens a new file for writing: created exclusively, never following a symbolic link at `path`.
pub fn create_new(path: &Path) -> std::io::Result<File> {
    let mut o = OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.custom_flags(libc::O_NOFOLLOW).mode(0o644);
    }
    o.open(path)
}

fn temp_prefix(path: &Path) -> String {
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy());
    format!(".{name}.tmp-")
}

/// Replaces `path` with `bytes` so that a crash leaves either the old or the new file, never a torn one.
pub fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    write_with(path, |w| w.write_all(bytes))
}

/// [`write`] with the content produced by `body` straight into the temp file, so a large file is never
/// held in memory whole as well.
pub fn write_with(
    path: &Path,
    body: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    replace(path, body, true)
}

/// [`write_with`] without fsync, for a cache that checks its own content when read: a crash leaves the
/// old file, the new one, or (after a power cut) one that fails its check and is rebuilt.
pub fn write_unsynced_with(
    path: &Path,
    body: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    replace(path, body, false)
}

fn replace(
    path: &Path,
    body: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    sync: bool,
) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, e))?;
    let prefix = temp_prefix(path);
    remove_stale_temps(dir, &prefix);
    let tmp = dir.join(format!("{prefix}{}", std::process::id()));
    // A temp of ours can only be left by an earlier write of this process that failed to remove it.
    let _ = fs::remove_file(&tmp);
    let result = write_tmp(&tmp, body, sync).and_then(|()| {
        fault::check(Step::Rename)
            .and_then(|()| fs::rename(&tmp, path))
            .map_err(|e| StoreError::io(path, e))?;
        if sync { sync_dir(dir, path) } else { Ok(()) }
    });
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

fn write_tmp(
    tmp: &Path,
    body: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    sync: bool,
) -> Result<()> {
    let io = |e| StoreError::io(tmp, e);
    fault::check(Step::CreateTemp).map_err(io)?;
    let mut f = create_new(tmp).map_err(io)?;
    fault::check(Step::WriteTemp).map_err(io)?;
    body(&mut f).map_err(io)?;
    if !sync {
        return Ok(());
    }
    fault::check(Step::SyncTemp).map_err(io)?;
    f.sync_all().map_err(io)
}

/// Makes the rename durable; an error names the file written, whose folder could not be synced.
fn sync_dir(dir: &Path, path: &Path) -> Result<()> {
    fault::check(Step::SyncDir).map_err(|e| StoreError::io(path, e))?;
    // Directories cannot be opened for syncing on every platform; where they can, the rename is made durable.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Removes temp files of `prefix` whose writer is gone (killed between creating and renaming them).
fn remove_stale_temps(dir: &Path, prefix: &str) {
    remove_dead_writers_temps(dir, |name| name.strip_prefix(prefix)?.parse().ok());
}

/// Removes the files in `dir` that `writer_of` names as temps (giving the writer's pid) whose writer
/// is gone. Another writer may remove one first; either way it is gone.
fn remove_dead_writers_temps(dir: &Path, writer_of: impl Fn(&str) -> Option<u32>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        if writer_of(&name.to_string_lossy())
            .is_some_and(|pid| pid != std::process::id() && !alive(pid, &e.path()))
        {
            let _ = fs::remove_file(e.path());
        }
    }
}

/// Whether the process that made a temp file may still be writing it.
pub(crate) fn alive(pid: u32, tmp: &Path) -> bool {
    if cfg!(target_os = "linux") {
        // pids are reused quickly: a live process that is not kodbok did not make this temp
        let cmd = std::fs::read(Path::new("/proc").join(pid.to_string()).join("cmdline"));
        return cmd.is_ok_and(|c| c.windows(6).any(|w| w == b"kodbok"));
    }
    // Without /proc: a temp untouched for ten minutes is not being written.
    let old = std::time::Duration::from_secs(600);
    fs::symlink_metadata(tmp)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_none_or(|age| age < old)
}

/// Files written together (an import of many transcripts): each goes to its own synced temp file,
/// then, when every one is ready, all are renamed and each folder is synced once. Until `commit`,
/// nothing in the project changed; a staging that is dropped uncommitted removes its temps.
#[derive(Debug, Default)]
pub struct Staged {
    /// (temp, destination)
    files: Vec<(PathBuf, PathBuf)>,
    committed: bool,
}

impl Staged {
    /// Writes `bytes` to a temp file beside `path` (safe to call from several threads through
    /// `stage_file`, then `push` the result). On Linux the temps are made durable together by
    /// [`Staged::commit`] (one `syncfs` instead of an fsync per file); elsewhere each is synced here.
    /// `tag` tells apart temps of files staged at once (two sources may claim one destination).
    pub fn stage_file(path: &Path, bytes: &[u8], tag: usize) -> Result<(PathBuf, PathBuf)> {
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        let tmp = dir.join(format!("{tag}{}{}", temp_prefix(path), std::process::id()));
        let io = |e| StoreError::io(&tmp, e);
        fault::check(Step::CreateTemp).map_err(io)?;
        // The folder is made and an old temp of this name removed only when creating the temp needs it
        // (nearly always it does not: two system calls fewer per file).
        let mut f = match create_new(&tmp) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, e))?;
                create_new(&tmp)
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                let _ = fs::remove_file(&tmp);
                create_new(&tmp)
            }
            r => r,
        }
        .map_err(io)?;
        let written = fault::check(Step::WriteTemp)
            .and_then(|()| f.write_all(bytes))
            .and_then(|()| {
                if SYNC_AT_COMMIT {
                    return Ok(());
                }
                fault::check(Step::SyncTemp)?;
                f.sync_all()
            });
        if let Err(e) = written {
            drop(f);
            let _ = fs::remove_file(&tmp);
            return Err(io(e));
        }
        Ok((tmp, path.to_path_buf()))
    }

    pub fn push(&mut self, staged: (PathBuf, PathBuf)) {
        self.files.push(staged);
    }

    /// Makes every temp durable (on Linux), renames each onto its destination, then syncs each folder
    /// once.
    pub fn commit(mut self) -> Result<()> {
        let mut dirs: Vec<PathBuf> = Vec::new();
        for (_, dest) in &self.files {
            if let Some(d) = dest.parent()
                && !dirs.iter().any(|x| x == d)
            {
                dirs.push(d.to_path_buf());
            }
        }
        if SYNC_AT_COMMIT {
            // Every temp's data reaches the disk before any rename, as with an fsync per temp.
            for d in &dirs {
                fault::check(Step::SyncTemp)
                    .and_then(|()| sync_filesystem(d))
                    .map_err(|e| StoreError::io(d, e))?;
            }
        }
        for d in &dirs {
            remove_stale_dir_temps(d);
        }
        for (tmp, dest) in &self.files {
            fault::check(Step::Rename)
                .and_then(|()| fs::rename(tmp, dest))
                .map_err(|e| StoreError::io(dest, e))?;
        }
        self.committed = true;
        for d in &dirs {
            sync_dir(d, d)?;
        }
        Ok(())
    }
}

/// Whether staged temps are synced together at commit (one `syncfs` of their file system) rather than
/// one by one as they are written.
const SYNC_AT_COMMIT: bool = cfg!(target_os = "linux");

/// Writes every changed file of the file system holding `dir` to disk (Linux `syncfs`): the data of
/// all temps staged there, in one call instead of an fsync for each.
#[cfg(target_os = "linux")]
fn sync_filesystem(dir: &Path) -> std::io::Result<()> {
    use std::os::fd::AsRawFd;
    let d = File::open(dir)?;
    // SAFETY: `d` is an open file descriptor for the duration of the call.
    if unsafe { libc::syncfs(d.as_raw_fd()) } == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn sync_filesystem(_: &Path) -> std::io::Result<()> {
    Ok(())
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.committed {
            for (tmp, _) in &self.files {
                let _ = fs::remove_file(tmp);
            }
        }
    }
}

/// Removes every temp file in `dir` left by a writer that is gone (one folder read for many files).
pub(crate) fn remove_stale_dir_temps(dir: &Path) {
    remove_dead_writers_temps(dir, |name| {
        if !name
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .starts_with('.')
        {
            return None;
        }
        name.rsplit_once(".tmp-")?.1.parse().ok()
    });
}

/// Pretty JSON with a trailing newline, the form every project JSON file is written in.
pub fn write_json<T: serde::Serialize>(path: &Path, value: &T) -> Result<()> {
    // streamed: a coder file of 100,000 codings is not built as one string before it is written
    write_with(path, |f| {
        let mut w = std::io::BufWriter::new(f);
        serde_json::to_writer_pretty(&mut w, value)?;
        w.write_all(b"\n")?;
        w.flush()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn streamed_json_is_the_pretty_text_with_a_final_newline() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.json");
        let value = serde_json::json!({"version": 1, "codings": [{"id": "a", "quote": "på"}]});
        write_json(&path, &value).unwrap();
        let expected = serde_json::to_string_pretty(&value).unwrap() + "\n";
        assert_eq!(fs::read_to_string(&path).unwrap(), expected);
        assert_eq!(names(dir.path()), ["x.json"]);
    }

    #[test]
    fn replaces_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.json");
        write(&p, b"one").unwrap();
        write(&p, b"two").unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"two");
        assert_eq!(names(dir.path()), ["a.json"]);
    }

    #[test]
    fn failure_keeps_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sub");
        fs::create_dir(&p).unwrap();
        // Renaming a file over a non-empty directory fails; nothing else may change.
        fs::write(p.join("keep"), b"x").unwrap();
        assert!(write(&p, b"new").is_err());
        assert_eq!(fs::read(p.join("keep")).unwrap(), b"x");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn every_failing_step_keeps_the_old_file_and_names_it() {
        for kind in [
            std::io::ErrorKind::StorageFull,
            std::io::ErrorKind::PermissionDenied,
        ] {
            for step in Step::ALL {
                let dir = tempfile::tempdir().unwrap();
                let p = dir.path().join("a.json");
                write(&p, b"old").unwrap();
                fault::arm(step, kind);
                let r = write(&p, b"new");
                fault::disarm();
                let after = fs::read(&p).unwrap();
                if step == Step::SyncDir {
                    // The rename has happened: the new file is complete, but the error is still reported.
                    assert_eq!(after, b"new");
                } else {
                    assert_eq!(after, b"old", "{step:?} {kind:?}");
                }
                let e = r
                    .expect_err("the injected fault must be reported")
                    .to_string();
                assert!(e.contains("a.json") && e.contains("injected"), "{e}");
                assert_eq!(names(dir.path()), ["a.json"], "{step:?}: temp left behind");
            }
        }
    }

    #[test]
    fn stale_temps_of_dead_writers_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.json");
        // pid 0 is never a writer's pid; a name without a pid is not ours to touch
        fs::write(dir.path().join(".a.json.tmp-0"), b"half").unwrap();
        fs::write(dir.path().join(".a.json.tmp-x"), b"other").unwrap();
        write(&p, b"new").unwrap();
        assert_eq!(names(dir.path()), [".a.json.tmp-x", "a.json"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_symlinked_temp_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("outside");
        fs::write(&outside, b"precious").unwrap();
        let proj = dir.path().join("p");
        fs::create_dir(&proj).unwrap();
        let tmp = proj.join(format!(".a.json.tmp-{}", std::process::id()));
        std::os::unix::fs::symlink(&outside, &tmp).unwrap();
        write(&proj.join("a.json"), b"new").unwrap();
        assert_eq!(fs::read(&outside).unwrap(), b"precious");
        assert_eq!(fs::read(proj.join("a.json")).unwrap(), b"new");
    }
}
