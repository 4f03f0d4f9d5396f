//! Files of a project on disk: atomic writes, per-coder locks, loading with precise errors, and importers.

pub mod atomic;
pub mod batches;
pub mod cases_csv;
pub mod coders;
pub mod decisions;
pub mod decode;
pub mod held;
pub mod import;
pub mod load;
pub mod lock;
pub mod merge;
pub mod project;
pub mod refi;
pub mod stats;

pub use held::{CoderLease, Held};
pub use load::Load;
pub use lock::Lock;
pub use project::{Project, coder_name_ok};

use std::fmt;
use std::path::PathBuf;

/// One problem in one file, with a position where known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
    /// The coding concerned, for problems with codings.
    pub coding: Option<String>,
}

impl FileProblem {
    pub fn new(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        FileProblem {
            path: path.into(),
            line: None,
            column: None,
            message: message.into(),
            coding: None,
        }
    }

    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    pub fn coding(mut self, id: &str) -> Self {
        self.coding = Some(id.to_string());
        self
    }
}

impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
            if let Some(c) = self.column {
                write!(f, ":{c}")?;
            }
        }
        write!(f, ": {}", self.message)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}", list(.0))]
    Problems(Vec<FileProblem>),
    /// The one wording of a lock held elsewhere, for the CLI and the workbench alike.
    #[error("{} is locked by {holder}: it is open in another session, and can be read but not written until that session ends", path.display())]
    Locked { path: PathBuf, holder: String },
    #[error("{message}")]
    Refused { message: String },
}

fn list(ps: &[FileProblem]) -> String {
    ps.iter()
        .map(|p| p.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

impl StoreError {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        StoreError::Io {
            path: path.into(),
            source,
        }
    }

    pub fn one(p: FileProblem) -> Self {
        StoreError::Problems(vec![p])
    }

    pub fn refused(message: impl Into<String>) -> Self {
        StoreError::Refused {
            message: message.into(),
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
