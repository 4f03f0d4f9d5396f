//! Files of a project on disk: atomic writes, per-coder locks, loading with precise errors, and importers.

pub mod atomic;
pub mod batches;
mod binary;
pub mod cases_csv;
pub mod coder_cache;
mod coder_json;
pub mod coders;
pub mod decisions;
pub mod decode;
pub mod held;
pub mod import;
pub mod load;
pub mod lock;
pub mod merge;
pub mod problem;
pub mod project;
pub mod refi;
pub mod stats;

pub use coder_cache::Fields;
pub use held::{CoderLease, Held};
pub use load::Load;
pub use lock::Lock;
pub use problem::{CodingProblem, Problem, Refusal, SaveProblem};
pub use project::{Project, coder_name_ok, new_coding_in};

use std::fmt;
use std::path::PathBuf;

/// One problem in one file, with a position where known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// Boxed: the kinds carry their data, and a `Result<_, FileProblem>` stays small.
    pub problem: Box<Problem>,
    /// The coding concerned, for problems with codings.
    pub coding: Option<String>,
}

impl FileProblem {
    pub fn new(path: impl Into<PathBuf>, problem: Problem) -> Self {
        FileProblem {
            path: path.into(),
            line: None,
            column: None,
            problem: Box::new(problem),
            coding: None,
        }
    }

    /// A JSON file the parser refused, at the parser's line and column (its message without them).
    pub fn json(path: impl Into<PathBuf>, e: &serde_json::Error) -> Self {
        let msg = e.to_string();
        let detail = msg.split(" at line ").next().unwrap_or(&msg).to_string();
        let p = FileProblem::new(path, Problem::Json { detail });
        if e.line() == 0 {
            p
        } else {
            p.at(e.line(), e.column())
        }
    }

    /// `path:line:col: ` (as far as known), the prefix every problem message starts with.
    pub fn place(&self) -> String {
        let mut s = self.path.display().to_string();
        if let Some(l) = self.line {
            s.push_str(&format!(":{l}"));
            if let Some(c) = self.column {
                s.push_str(&format!(":{c}"));
            }
        }
        s
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
        write!(f, "{}: {}", self.place(), self.problem)
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
    #[error(transparent)]
    Refusal(#[from] Refusal),
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
