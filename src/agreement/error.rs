//! Why an agreement question cannot be answered, as data: `messages::agreement` words each kind in the user's
//! language, `Display` keeps the English text for logs and tests.

use crate::store::StoreError;
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum AgreementError {
    #[error("agreement needs at least two coders: --coders A,B")]
    TooFewCoders,
    #[error("no coder {name:?} in {} (coders: {})", dir.display(), known.join(", "))]
    UnknownCoder {
        name: String,
        dir: PathBuf,
        known: Vec<String>,
    },
    #[error("coder {name:?} is named twice in --coders")]
    CoderTwice { name: String },
    #[error("no transcript {doc:?} (see `kodbok docs`)")]
    UnknownDoc { doc: String },
    #[error(
        "no transcript is coded by all of {}; agreement needs transcripts every compared coder has coded",
        coders.join(", ")
    )]
    NothingInCommon { coders: Vec<String> },
    #[error("no code with id {code:?} in the codebook")]
    UnknownCode { code: String },
    #[error(
        "--domain {code}: a domain needs at least two child codes as its categories; {code} has {children}"
    )]
    DomainTooSmall { code: String, children: usize },
    #[error("segment-overlap agreement compares exactly two coders")]
    OverlapTwoCoders,
    #[error("--overlap {threshold}: give a percentage above 0, at most 100")]
    OverlapRange { threshold: f64 },
    #[error("cannot take codings from {name:?}: not a coder of this project")]
    NotACoder { name: String },
    #[error("span {start}–{end} is not in {doc}")]
    SpanOutside {
        start: usize,
        end: usize,
        doc: String,
    },
    #[error(
        "{id:?} is not a disagreement id ({problem}); ids look like kommun-a-1:t12:resursbrist, as listed by \
         `kodbok agree --disagreements`"
    )]
    BadId { id: String, problem: IdProblem },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What is wrong with a disagreement id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdProblem {
    #[error("expected three parts separated by ':'")]
    ThreeParts,
    #[error("no transcript {doc:?}")]
    NoTranscript { doc: String },
    #[error("no code {code:?} in the codebook")]
    NoCode { code: String },
    #[error("a character range is written c100-140")]
    RangeForm,
    #[error("bad start")]
    BadStart,
    #[error("bad end")]
    BadEnd,
    #[error("the character range is outside the transcript")]
    RangeOutside,
    #[error("bad unit number")]
    BadUnitNumber,
    /// `unit` is the unit kind's name (`turn`, `sentence`).
    #[error("{doc} has {n} {unit}s")]
    UnitCount {
        doc: String,
        n: usize,
        unit: &'static str,
    },
    #[error("the unit is t<number>, s<number> or c<start>-<end>")]
    UnitForm,
}
