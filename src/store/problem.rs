//! What can be wrong in a project file, as data: the store returns these kinds with the values a message
//! needs, `messages::problem` words them in the user's language, and `Display` keeps the English text
//! for logs and tests.

use super::decode::DecodeError;
use crate::model::HeaderProblem;
use crate::model::codebook::CodebookError;
use std::path::PathBuf;

/// One kind of problem in one file; the file, line and column are in [`super::FileProblem`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error(
        "is a symbolic link to {}, outside the project folder; kodbok reads only files inside the project \
         (copy the file in, or import it)",
        target.display()
    )]
    OutsideLink { target: PathBuf },
    /// The JSON parser's own words ("missing field `code`"), without its position.
    #[error("{detail}")]
    Json { detail: String },
    #[error("expected UTF-8 text: invalid byte at offset {offset}")]
    NotUtf8At { offset: usize },
    #[error("expected UTF-8 text; import the file with `kodbok import`")]
    NotUtf8Transcript,
    #[error(
        "the file nests too deeply for kodbok to read (codes nest at most {max} levels; move the deepest codes up)"
    )]
    NestsTooDeep { max: usize },
    #[error("{0}")]
    Codebook(CodebookError),
    #[error("{0}")]
    Decode(DecodeError),
    #[error("{0}")]
    Header(HeaderProblem),
    #[error("the file says coder {says:?} but is named {named:?}.json")]
    CoderMismatch { says: String, named: String },
    #[error("coding id {id} is used twice (also by {other})")]
    CodingIdTwice { id: String, other: String },
    #[error("coding {id} ({code} in {doc}, characters {start}–{end}): {problem}")]
    Coding {
        id: String,
        code: String,
        doc: String,
        start: usize,
        end: usize,
        problem: CodingProblem,
    },
    #[error("a memo refers to unknown transcript {doc:?}")]
    MemoUnknownTranscript { doc: String },
    #[error("a memo refers to unknown code {code:?}")]
    MemoUnknownCode { code: String },
    #[error("expected an `id:` line in the header")]
    NoIdLine,
    #[error("expected a `case:` line in the header")]
    NoCaseLine,
    #[error("case {case:?} is not in transcripts/cases.csv")]
    CaseNotInCases { case: String },
    #[error("the transcript has no text")]
    NoText,
    #[error("the text is not canonical (control characters, CR or non-NFC); re-import it")]
    NotCanonical,
    #[error("the header id differs from the file name {stem:?}")]
    IdNotFileName { stem: String },
    #[error(
        "the header id {id:?} cannot name a transcript: use letters, digits, '-', '_' or '.' (and the file's name)"
    )]
    BadTranscriptId { id: String },
    #[error("transcript id {id:?} is used by another file too")]
    TranscriptIdTwice { id: String },
    #[error("the header id is no longer {id:?}: the file changed since the project was opened")]
    IdChanged { id: String },
    #[error("expected a `case` column in the header line, found {found:?}")]
    NoCaseColumn { found: Vec<String> },
    #[error("expected a case name in the `case` column, found an empty field")]
    EmptyCaseName,
    #[error("case {name:?} appears twice")]
    CaseTwice { name: String },
    #[error("expected `file` and `case` columns in the header line, found {found:?}")]
    NoFileCaseColumns { found: Vec<String> },
    #[error("expected a file name and a case, found an empty field")]
    EmptyFileOrCase,
    #[error("file {file:?} appears twice (first on line {first})")]
    FileTwice { file: String, first: usize },
    #[error("expected {expected} fields like the header line, found {found}")]
    CsvFields { expected: u64, found: u64 },
    /// The CSV reader's own words.
    #[error("{detail}")]
    Csv { detail: String },
    #[error("not a decision entry: {detail}")]
    NotDecision { detail: String },
    #[error("not saved, nothing was changed: {0}")]
    NotSaved(SaveProblem),
}

/// What is wrong with one coding against the project it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodingProblem {
    #[error("unknown transcript {doc:?}")]
    UnknownTranscript { doc: String },
    #[error("unknown code id {code:?}")]
    UnknownCode { code: String },
    #[error("offsets out of range (the transcript has {len} characters)")]
    OutOfRange { len: usize },
    /// `quote` and `now` are shortened for messages; `found` is where the quote is now, if anywhere.
    #[error(
        "the quote {quote:?} no longer matches the text {now:?} at its offsets{}",
        moved_hint(found)
    )]
    QuoteMoved {
        quote: String,
        now: String,
        found: Option<(usize, usize)>,
    },
}

fn moved_hint(found: &Option<(usize, usize)>) -> String {
    match found {
        Some((s, e)) => {
            format!(
                "; the quote is found at characters {s}–{e} (`kodbok check --reanchor` moves it)"
            )
        }
        None => "; the quote is no longer in the transcript".to_string(),
    }
}

/// Why a coder file was not written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SaveProblem {
    #[error("the file says coder {says:?}, not {coder:?}")]
    CoderMismatch { says: String, coder: String },
    #[error("coding id {id} occurs twice")]
    IdTwice { id: String },
    #[error("coding {id} has characters {start}–{end} but a quote of {len} characters")]
    QuoteLength {
        id: String,
        start: usize,
        end: usize,
        len: usize,
    },
}

/// A request the store refuses, with what the user needs to put it right.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// A code that cannot be found or is ambiguous, or a codebook edit the model refused.
    #[error(transparent)]
    Codebook(#[from] crate::model::codebook::CodebookError),
    #[error(
        "code {name:?} has no saved query; add one with `kodbok codes describe {id} --query …`"
    )]
    NoSavedQuery { name: String, id: String },
    #[error("{} is not a kodbok project: it has no codebook.json (start one with `kodbok init`)", root.display())]
    NotAProject { root: PathBuf },
    #[error("{} already holds a kodbok project (codebook.json exists); nothing was changed", root.display())]
    AlreadyAProject { root: PathBuf },
    #[error("no transcript with id {id:?} in {} (see `kodbok docs`)", dir.display())]
    NoTranscript { id: String, dir: PathBuf },
    #[error("the codebook was not saved: {0}")]
    CodebookNotSaved(CodebookError),
    #[error("no code with id {code:?} in the codebook")]
    NoCode { code: String },
    #[error(
        "span {start}–{end} is not inside {doc} (characters 0–{len}, end exclusive, start < end)"
    )]
    SpanOutside {
        start: usize,
        end: usize,
        doc: String,
        len: usize,
    },
    #[error("the span could not be read from the transcript")]
    SpanUnreadable,
    #[error("the quote does not occur in {doc}")]
    QuoteMissing { doc: String },
    /// `places`: line, column, start and end of each occurrence.
    #[error(
        "the quote occurs {} times in {doc}; quote more text so it matches once, or use --from/--to:{}",
        places.len(),
        places_en(places)
    )]
    QuoteAmbiguous {
        doc: String,
        places: Vec<(usize, usize, usize, usize)>,
    },
    #[error("{name:?} cannot be a coder name: use letters, digits, '-', '_' or '.'")]
    BadCoderName { name: String },
    #[error("{coder} has no auto-code batch to undo")]
    NoBatch { coder: String },
    #[error("{coder}'s codings appeared while the command was running; run it again")]
    CoderAppeared { coder: String },
    #[error(
        "{} is a symbolic link; kodbok does not follow links for its lock files (remove the link)",
        path.display()
    )]
    LinkedLock { path: PathBuf },
    #[error("{} appeared while merging; nothing more was written", path.display())]
    AppearedWhileMerging { path: PathBuf },
}

fn places_en(places: &[(usize, usize, usize, usize)]) -> String {
    places
        .iter()
        .map(|(l, c, s, e)| format!("\n  line {l}, column {c} (characters {s}–{e})"))
        .collect()
}
