//! Shared test helpers: temp copies of the sample study and running the real binary.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Copies a folder and everything under it.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(e.file_name()));
        } else {
            std::fs::copy(&p, to.join(e.file_name())).unwrap();
        }
    }
}

/// A temp copy of the sample study (transcripts, codebook, codings).
pub fn sample() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("transcripts"), &dir.path().join("transcripts"));
    copy_dir(&repo().join("codings"), &dir.path().join("codings"));
    std::fs::copy(
        repo().join("codebook.json"),
        dir.path().join("codebook.json"),
    )
    .unwrap();
    dir
}

/// The real binary in `dir`, with no coder set in the environment (the caller adds `--coder` or the default
/// user name applies).
pub fn command(dir: &Path) -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("kodbok").unwrap();
    c.current_dir(dir).env_remove("KODBOK_CODER");
    c
}

/// Runs kodbok in `dir` as coder `tester`.
pub fn kodbok(dir: &Path, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_kodbok"))
        .current_dir(dir)
        .env("KODBOK_CODER", "tester")
        // Messages in English whatever the machine's locale (the report stays Swedish by default).
        .env("LC_ALL", "C.UTF-8")
        .env_remove("KODBOK_LANG")
        .args(args)
        .output()
        .unwrap()
}

/// Runs kodbok in `dir` with the language set by `KODBOK_LANG` (a neutral locale, no `COLUMNS`).
pub fn kodbok_in(dir: &Path, lang: &str, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_kodbok"))
        .current_dir(dir)
        .env("KODBOK_CODER", "tester")
        .env("KODBOK_LANG", lang)
        .env("LC_ALL", "C.UTF-8")
        .env_remove("COLUMNS")
        .args(args)
        .output()
        .unwrap()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Runs and expects success; returns stdout.
pub fn ok(dir: &Path, args: &[&str]) -> String {
    let o = kodbok(dir, args);
    assert!(
        o.status.success(),
        "kodbok {args:?} failed:\n{}\n{}",
        stdout(&o),
        stderr(&o)
    );
    stdout(&o)
}

/// Runs and expects failure; returns stderr + stdout.
pub fn fails(dir: &Path, args: &[&str]) -> String {
    let o = kodbok(dir, args);
    assert!(
        !o.status.success(),
        "kodbok {args:?} should fail:\n{}",
        stdout(&o)
    );
    format!("{}{}", stderr(&o), stdout(&o))
}

pub fn json(dir: &Path, args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&ok(dir, args)).unwrap()
}

/// Every file under `dir` with its bytes, to assert that nothing changed.
pub fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    fn walk(d: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
        let mut entries: Vec<_> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for p in entries {
            if p.file_name().is_some_and(|n| n == ".kodbok") {
                continue;
            }
            if p.is_dir() {
                walk(&p, out);
            } else {
                out.push((p.clone(), std::fs::read(&p).unwrap()));
            }
        }
    }
    walk(dir, &mut out);
    out
}

/// A workbench session on `dir` as `coder`, in a terminal of `w`×`h`.
pub fn session(dir: &Path, coder: &str, w: u16, h: u16) -> kodbok::tui::Session {
    let mut s =
        kodbok::tui::Session::open(dir, coder, &kodbok::tui::SessionOptions::default()).unwrap();
    s.dispatch(kodbok::tui::action::Action::Resize(w, h));
    s
}

/// Feeds a key string through the real keymap.
pub fn feed(s: &mut kodbok::tui::Session, keys: &str) {
    s.feed(keys).unwrap();
}

/// The status-bar message, or "".
pub fn message(s: &kodbok::tui::Session) -> String {
    s.state
        .status
        .message
        .as_ref()
        .map(|m| m.1.clone())
        .unwrap_or_default()
}
