//! Helpers shared by the agreement, consensus and merge CLI tests.
#![allow(dead_code)]

use assert_cmd::Command;
use serde_json::Value;
use std::fs;
use std::path::Path;
use tempfile::TempDir;

pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_file() {
            fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

pub fn sample() -> TempDir {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root.join("transcripts"), &dir.path().join("transcripts"));
    copy_dir(&root.join("codings"), &dir.path().join("codings"));
    fs::copy(root.join("codebook.json"), dir.path().join("codebook.json")).unwrap();
    dir
}

pub fn kodbok(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("kodbok").unwrap();
    c.current_dir(dir).env_remove("KODBOK_CODER");
    c
}

pub fn json(dir: &Path, args: &[&str]) -> Value {
    let out = kodbok(dir).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

pub fn close(v: &Value, expected: f64) {
    let x = v
        .as_f64()
        .unwrap_or_else(|| panic!("expected a number, got {v}"));
    assert!((x - expected).abs() < 1e-3, "{x} != {expected}");
}
