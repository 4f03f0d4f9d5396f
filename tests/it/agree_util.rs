//! Helpers shared by the agreement, consensus and merge CLI tests.
#![allow(dead_code)]

use serde_json::Value;
use std::path::Path;

pub use crate::common::{command as kodbok, copy_dir, sample};

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
