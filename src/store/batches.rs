//! The batch log: per coder, `.kodbok/batches/<coder>.json`, the undoable batches of codings
//! (auto-coding from the CLI or the workbench) oldest first. It is written only under the coder's lock,
//! so two coders never overwrite each other's entries, and an undo removes exactly that coder's last
//! batch.

use super::{FileProblem, Lock, Result, StoreError, atomic, coders::lock_name};
use crate::model::CoderFile;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

pub const LOG_VERSION: u32 = 1;
/// The shared log of earlier versions; read once per coder to carry its entries over.
const LEGACY_FILE: &str = "batches.json";

/// One undoable batch of codings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Batch {
    pub id: String,
    /// `autocode` (CLI) or `autocode-workbench`.
    pub kind: String,
    pub coder: String,
    pub code: String,
    pub query: String,
    /// What each coding covers: `match`, `sentence` or `turn`.
    pub scope: String,
    pub created: DateTime<Utc>,
    /// Ids of the codings the batch added.
    pub codings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchLog {
    pub version: u32,
    /// Oldest first; undo takes the last one.
    pub batches: Vec<Batch>,
}

/// A [`BatchLog`] as written, its batches borrowed.
#[derive(Serialize)]
struct LogOut<'a> {
    version: u32,
    batches: Vec<&'a Batch>,
}

impl super::Project {
    pub fn batch_log_path(&self, coder: &str) -> PathBuf {
        self.cache_dir()
            .join("batches")
            .join(format!("{coder}.json"))
    }

    /// One coder's batch log (empty when none was written).
    pub fn batch_log(&self, coder: &str) -> Result<BatchLog> {
        let path = self.batch_log_path(coder);
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return self.legacy_log(coder),
            Err(e) => return Err(StoreError::io(&path, e)),
        };
        serde_json::from_slice(&bytes).map_err(|e| StoreError::one(FileProblem::json(&path, &e)))
    }

    fn legacy_log(&self, coder: &str) -> Result<BatchLog> {
        let mut log = BatchLog {
            version: LOG_VERSION,
            batches: Vec::new(),
        };
        let path = self.cache_dir().join(LEGACY_FILE);
        if let Ok(bytes) = std::fs::read(&path)
            && let Ok(old) = serde_json::from_slice::<BatchLog>(&bytes)
        {
            log.batches = old
                .batches
                .into_iter()
                .filter(|b| b.coder == coder)
                .collect();
        }
        Ok(log)
    }

    /// Records a batch and then adds its codings to the coder's file (`add` says which, in any form),
    /// both under the coder's lock.
    /// The log is written first: a run killed in between leaves a batch whose codings are absent,
    /// which an undo reports, never codings that no batch names. The project's copy of the coder's file
    /// is changed when it is the file on disk (the caller loaded it under the same lock), else the file is
    /// read (see [`Project::update_coder_in_hand`]); the file as written moves out of the project into
    /// the result.
    pub fn record_batch<T>(
        &mut self,
        lock: &Lock,
        batch: &Batch,
        add: impl FnOnce(&mut CoderFile) -> Result<T>,
    ) -> Result<(T, CoderFile)> {
        self.append_batch(lock, batch)?;
        let added = self.update_coder_in_hand(lock, &batch.coder, add)?;
        let file = self
            .coders
            .remove(&batch.coder)
            .unwrap_or_else(|| CoderFile::new(&batch.coder));
        Ok((added, file))
    }

    /// Adds a batch to its coder's log (the caller holds the coder's lock and writes the codings after).
    pub fn append_batch(&self, lock: &Lock, batch: &Batch) -> Result<()> {
        self.check_log_lock(lock, &batch.coder)?;
        let mut log = self.batch_log(&batch.coder)?;
        // A redo puts back a batch an undo took out; one that is still there is not added twice.
        log.batches.retain(|b| b.id != batch.id);
        // written as the log with the batch at the end, without a copy of its ids
        let out = LogOut {
            version: log.version,
            batches: log.batches.iter().chain([batch]).collect(),
        };
        atomic::write_json(&self.batch_log_path(&batch.coder), &out)
    }

    /// Removes the codings of `coder`'s last batch from their file, then the batch from the log.
    /// Returns the batch, how many of its codings were still there, and the file as written.
    pub fn undo_last_batch(&self, lock: &Lock, coder: &str) -> Result<(Batch, usize, CoderFile)> {
        self.check_log_lock(lock, coder)?;
        let mut log = self.batch_log(coder)?;
        let Some(batch) = log.batches.pop() else {
            return Err(super::Refusal::NoBatch {
                coder: coder.to_string(),
            }
            .into());
        };
        let (removed, file) = self.update_coder_held(lock, coder, |f| {
            Ok(f.remove_many(batch.codings.iter().map(String::as_str)))
        })?;
        atomic::write_json(&self.batch_log_path(coder), &log)?;
        Ok((batch, removed, file))
    }

    /// Takes one batch (by id) out of `coder`'s log, wherever it is, leaving its codings alone: the
    /// workbench removed them itself as an undo step. Returns whether it was there.
    pub fn remove_batch(&self, lock: &Lock, coder: &str, id: &str) -> Result<bool> {
        self.check_log_lock(lock, coder)?;
        let mut log = self.batch_log(coder)?;
        let before = log.batches.len();
        log.batches.retain(|b| b.id != id);
        if log.batches.len() == before {
            return Ok(false);
        }
        atomic::write_json(&self.batch_log_path(coder), &log)?;
        Ok(true)
    }

    fn check_log_lock(&self, lock: &Lock, coder: &str) -> Result<()> {
        if lock.name() == lock_name(coder) {
            return Ok(());
        }
        Err(StoreError::refused(format!(
            "internal: {coder}'s batch log was about to be written without the coder's lock"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Project;

    fn batch(coder: &str, ids: &[&str]) -> Batch {
        Batch {
            id: crate::model::coding::new_id(),
            kind: "autocode".into(),
            coder: coder.into(),
            code: "c".into(),
            query: "q".into(),
            scope: "match".into(),
            created: Utc::now(),
            codings: ids.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn the_log_written_with_its_batches_borrowed_is_the_log() {
        let log = BatchLog {
            version: LOG_VERSION,
            batches: vec![batch("a", &["x", "y"]), batch("a", &["z"])],
        };
        let out = LogOut {
            version: log.version,
            batches: log.batches.iter().collect(),
        };
        assert_eq!(
            serde_json::to_string_pretty(&out).unwrap(),
            serde_json::to_string_pretty(&log).unwrap()
        );
    }

    #[test]
    fn logs_are_per_coder_and_undo_takes_exactly_the_last() {
        let dir = tempfile::tempdir().unwrap();
        Project::init(dir.path(), false).unwrap();
        let mut p = Project::open(dir.path()).unwrap();
        for coder in ["a", "b"] {
            let lock = p.lock_coder(coder).unwrap();
            for n in 0..3 {
                p.record_batch(&lock, &batch(coder, &[&format!("{coder}{n}")]), |_| Ok(()))
                    .unwrap();
            }
        }
        assert_eq!(p.batch_log("a").unwrap().batches.len(), 3);
        let lock = p.lock_coder("a").unwrap();
        let (b, removed, _) = p.undo_last_batch(&lock, "a").unwrap();
        assert_eq!((b.codings[0].as_str(), removed), ("a2", 0));
        assert_eq!(p.batch_log("b").unwrap().batches.len(), 3);
        let other = p.lock_coder("b").unwrap();
        assert!(p.undo_last_batch(&other, "a").is_err());
        drop(other);
        p.undo_last_batch(&lock, "a").unwrap();
        p.undo_last_batch(&lock, "a").unwrap();
        let e = p.undo_last_batch(&lock, "a").unwrap_err();
        assert!(e.to_string().contains("no auto-code batch"), "{e}");
    }
}
