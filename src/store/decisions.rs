//! The consensus decision log on disk: `codings/<layer>.decisions.jsonl`, read with line numbers in errors and
//! rewritten atomically with each new entry (callers hold the layer's lock).

use super::{FileProblem, Problem, Project, StoreError, atomic};
use crate::model::{CoderFile, Decision, DecisionLog};
use std::path::{Path, PathBuf};

type Result<T> = std::result::Result<T, StoreError>;

/// The log of a layer inside a codings folder.
pub fn path_in(codings_dir: &Path, layer: &str) -> PathBuf {
    codings_dir.join(format!("{layer}.decisions.jsonl"))
}

/// Reads a log; a missing file is an empty log.
pub fn read(path: &Path) -> Result<DecisionLog> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(DecisionLog::default()),
        Err(e) => return Err(StoreError::io(path, e)),
    };
    let mut entries = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let d: Decision = serde_json::from_str(line).map_err(|e| {
            StoreError::one(
                FileProblem::new(
                    path,
                    Problem::NotDecision {
                        detail: e.to_string(),
                    },
                )
                .at(i + 1, e.column()),
            )
        })?;
        entries.push(d);
    }
    Ok(DecisionLog { entries })
}

/// Adds an entry (numbered after the last one) and rewrites the file atomically; returns the whole log.
pub fn append(path: &Path, d: Decision) -> Result<DecisionLog> {
    append_all(path, vec![d])
}

/// Adds entries (numbered on after the last one, in order) and rewrites the file atomically once: a
/// rewrite per entry made deciding many units in one command quadratic. Returns the whole log.
pub fn append_all(path: &Path, ds: Vec<Decision>) -> Result<DecisionLog> {
    let mut log = read(path)?;
    if ds.is_empty() {
        return Ok(log);
    }
    for mut d in ds {
        d.n = log.next_n();
        log.entries.push(d);
    }
    let mut text = String::new();
    for e in &log.entries {
        let line = serde_json::to_string(e)
            .map_err(|x| StoreError::refused(format!("{}: {x}", path.display())))?;
        text.push_str(&line);
        text.push('\n');
    }
    atomic::write(path, text.as_bytes())?;
    Ok(log)
}

impl Project {
    /// Where the decision log of consensus layer `layer` lives.
    pub fn decisions_path(&self, layer: &str) -> PathBuf {
        path_in(&self.codings_dir(), layer)
    }

    pub fn decisions(&self, layer: &str) -> Result<DecisionLog> {
        read(&self.decisions_path(layer))
    }

    /// Changes consensus layer `layer` and records the decisions behind the change, under the layer's one
    /// lock: the layer is written first (re-read, validated, atomic, as every coder file), then each log
    /// entry. `change` sees the log as it is on disk and returns its result with the entries to append.
    pub fn decide<T>(
        &self,
        layer: &str,
        change: impl FnOnce(&mut CoderFile, &DecisionLog) -> Result<(T, Vec<Decision>)>,
    ) -> Result<(T, CoderFile, DecisionLog)> {
        let lock = self.lock_coder(layer)?;
        let path = self.decisions_path(layer);
        let mut log = read(&path)?;
        let ((out, entries), file) = self.update_coder_held(&lock, layer, |f| change(f, &log))?;
        if !entries.is_empty() {
            log = append_all(&path, entries)?;
        }
        Ok((out, file, log))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_numbered_and_bad_lines_named() {
        let dir = tempfile::tempdir().unwrap();
        let p = path_in(dir.path(), "konsensus");
        assert!(read(&p).unwrap().entries.is_empty());
        let d = Decision {
            n: 0,
            at: chrono::Utc::now(),
            by: "anna".into(),
            unit: "d:t1:x".into(),
            doc: "d".into(),
            start: 0,
            end: 3,
            code: "x".into(),
            coders: vec!["a".into(), "b".into()],
            choice: "neither".into(),
            took: vec![],
            note: Some("ingen av dem".into()),
            undoes: None,
        };
        append(&p, d.clone()).unwrap();
        let log = append(&p, d.clone()).unwrap();
        assert_eq!(log.entries.iter().map(|e| e.n).collect::<Vec<_>>(), [1, 2]);
        assert_eq!(read(&p).unwrap(), log);
        // Many entries in one write are numbered on in order; none changes nothing.
        let log = append_all(&p, vec![d.clone(), d]).unwrap();
        assert_eq!(
            log.entries.iter().map(|e| e.n).collect::<Vec<_>>(),
            [1, 2, 3, 4]
        );
        assert_eq!(read(&p).unwrap(), log);
        assert_eq!(append_all(&p, Vec::new()).unwrap(), log);
        std::fs::write(&p, "{\"n\":1}\n").unwrap();
        let e = read(&p).unwrap_err().to_string();
        assert!(
            e.contains("konsensus.decisions.jsonl") && e.contains(":1"),
            "{e}"
        );
    }
}
