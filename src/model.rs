//! Plain data of a study and its invariants: transcripts, codebook, codings, cases. No files, no terminal, no index.

pub mod cases;
pub mod codebook;
pub mod coding;
pub mod decision;
pub mod filter;
pub mod text;
pub mod transcript;

pub use cases::{Case, Cases};
pub use codebook::{Code, Codebook, CodebookError, QueryScope, Settings};
pub use coding::{CONSENSUS_CODER, CoderFile, Coding, Memo};
pub use decision::{Decision, DecisionLog};
pub use transcript::{Header, HeaderProblem, Transcript, TranscriptError, Turn};
