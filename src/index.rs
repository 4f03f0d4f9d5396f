//! Full-text search over a project: a tantivy index of speaker turns (a rebuildable cache in
//! `.kodbok/index/`), a query language over words, codes and case attributes, and auto-coding of hits.

pub mod autocode;
pub mod build;
pub mod cache_dir;
pub mod compile;
pub mod guard;
pub mod inflect;
pub mod manifest;
pub mod near;
pub mod query;
pub mod regex_term;
pub mod schema;
pub mod search;
pub mod suggest;
#[cfg(feature = "bench")]
pub mod synth;
pub mod texts;
pub mod verify;

pub use build::{Progress, RebuildReason, SyncReport};
pub use query::QueryError;
pub use search::{Hit, Searcher};

use crate::store::StoreError;
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Query(#[from] QueryError),
    #[error("search index {}: {source}", path.display())]
    Tantivy {
        path: PathBuf,
        #[source]
        source: tantivy::TantivyError,
    },
    #[error("search index {} does not have the expected layout; delete the folder and run again", .0.display())]
    Corrupt(PathBuf),
    /// A panic or a damaged file met while searching; the index is marked for a rebuild on the next run.
    #[error("search index {} is damaged ({reason}); it is rebuilt the next time it is opened", path.display())]
    Damaged { path: PathBuf, reason: String },
}

impl IndexError {
    /// Whether this is a fault of the cache itself (then rebuilding it helps), not of the project files.
    pub fn is_cache_fault(&self, index_dir: &std::path::Path) -> bool {
        match self {
            IndexError::Tantivy { .. } | IndexError::Corrupt(_) | IndexError::Damaged { .. } => {
                true
            }
            IndexError::Store(StoreError::Io { path, .. }) => path.starts_with(index_dir),
            IndexError::Store(_) | IndexError::Query(_) => false,
        }
    }
}
