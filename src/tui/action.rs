//! What can happen to the app: bindable commands, the actions `update` consumes, and the effects it asks for.

use super::history::Recode;
use crate::model::{Codebook, CoderFile};

pub use super::commands::Command;

impl Command {
    /// One line for the help overlay, in the current language (`tui-cmd-<name>` in the catalogue).
    pub fn describe(self) -> String {
        crate::i18n::tr(&format!("tui-cmd-{}", self.name().replace('_', "-")), &[])
    }

    /// A short label for the footer, in the current language (`tui-hint-<name>`).
    pub fn hint(self) -> String {
        crate::i18n::tr(&format!("tui-hint-{}", self.name().replace('_', "-")), &[])
    }
}

/// Where a mouse event happened, in terminal cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mouse {
    Down { x: u16, y: u16 },
    Drag { x: u16, y: u16 },
    Up,
    ScrollUp { x: u16, y: u16 },
    ScrollDown { x: u16, y: u16 },
}

/// Files the app writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SaveTarget {
    Coder,
    Codebook,
    History,
}

impl SaveTarget {
    pub fn label(self) -> &'static str {
        match self {
            SaveTarget::Coder => "tui-save-codings",
            SaveTarget::Codebook => "tui-save-codebook",
            SaveTarget::History => "tui-save-history",
        }
    }
}

/// Why the other coders' files are being rewritten (a merge, or its undo/redo).
#[derive(Debug, Clone, PartialEq)]
pub enum RewriteReason {
    Do(Box<super::history::Op>),
    Undo,
    Redo,
}

/// Everything `update` reacts to.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Cmd(Command),
    /// A printable key in a text field.
    Insert(char),
    /// An unbound printable key outside text fields: a code's shortcut, if any.
    Shortcut(char),
    Paste(String),
    Resize(u16, u16),
    Mouse(Mouse),
    /// About four times a second: retries and file polling.
    Tick,
    Saved {
        target: SaveTarget,
        at: String,
    },
    SaveFailed {
        target: SaveTarget,
        message: String,
    },
    /// Another coder's file changed on disk (None: deleted).
    CoderChanged(String, Option<Box<CoderFile>>),
    /// A transcript changed on disk during the session: its id (the file name) and its text now.
    TranscriptChanged {
        id: String,
        text: String,
    },
    /// The process was asked to end (SIGTERM, SIGHUP when the connection drops): save and quit.
    Terminate,
    CodebookChanged(Box<Codebook>),
    /// My codebook change was not saved: another session had written this one in the meantime.
    CodebookConflict(Box<Codebook>),
    /// A file watched for others could not be read.
    WatchFailed(String),
    /// Other coders' files were rewritten (the recodes actually made), or why not.
    RecodeDone {
        pending: RewriteReason,
        result: Result<Vec<Recode>, String>,
    },
    RescueWritten(Result<String, String>),
    /// The search index is being brought up to date: transcripts done of total.
    IndexProgress {
        done: usize,
        total: usize,
    },
    /// The search index is ready (what was re-indexed), or why not.
    IndexReady(Result<String, String>),
    /// Hits of `query` (at most `search::LIMIT`) and how many in all, or what is wrong with it.
    SearchDone {
        query: String,
        result: Result<(Vec<crate::index::Hit>, usize), super::search::QueryProblem>,
    },
    /// The codings an auto-code would add, or why it cannot.
    AutocodePlanned(Result<super::search::Preview, String>),
    /// Suggestions for the review screen, or why there are none.
    SuggestionsDone(Result<Vec<crate::index::suggest::Suggestion>, String>),
    /// A skipped suggestion was remembered, or why not.
    SkipWritten(Result<(), String>),
    /// Another coder file (the consensus layer) was changed under its lock: the file as written, or why not.
    LayerWritten {
        pending: RewriteReason,
        result: Result<LayerDone, String>,
    },
    /// The transcripts not read at the start were read (or why not); then `retry` runs again and
    /// `then` is run.
    TextsRead {
        result: Result<Texts, String>,
        retry: Option<Command>,
        then: Vec<Effect>,
    },
}

/// Transcripts read on demand (equal when they have the same ids and content).
#[derive(Debug, Clone)]
pub struct Texts(pub Vec<crate::model::Transcript>);

impl PartialEq for Texts {
    fn eq(&self, other: &Texts) -> bool {
        self.0.len() == other.0.len()
            && self
                .0
                .iter()
                .zip(&other.0)
                .all(|(a, b)| a.id == b.id && a.header == b.header && a.text == b.text)
    }
}

/// What a write to the consensus layer did.
#[derive(Debug, Clone, PartialEq)]
pub struct LayerDone {
    pub file: Box<CoderFile>,
    pub removed: Vec<crate::model::Coding>,
    pub added: Vec<crate::model::Coding>,
    /// The layer's decision log after the entry was added.
    pub decisions: Option<crate::model::DecisionLog>,
}

/// A change to another coder file (the consensus layer), made under its lock by the runner.
#[derive(Debug, Clone, PartialEq)]
pub enum LayerChange {
    /// Decide a unit: the layer takes these coders' codings there (none: neither).
    Take {
        unit: crate::agreement::disagree::UnitRef,
        from: Vec<String>,
        /// The entry for the decision log.
        log: Box<crate::model::Decision>,
    },
    /// Undo or redo a decision: remove and add exactly these codings.
    Apply {
        removed: Vec<crate::model::Coding>,
        added: Vec<crate::model::Coding>,
        /// The entry for the decision log (an undo, or the decision again on redo).
        log: Option<Box<crate::model::Decision>>,
    },
}

/// Work `update` asks the runner to do outside the state.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Save(SaveTarget),
    /// Look at other coders' files and the codebook for changes.
    Poll,
    /// Rewrite other coders' files under their locks: the listed recodes, or with `merge` (from, into)
    /// every coding of `from` in every other coder's file.
    RecodeOthers {
        recodes: Vec<Recode>,
        merge: Option<(String, String)>,
        pending: RewriteReason,
    },
    /// Saves keep failing and the user quits anyway: write what is unsaved somewhere else.
    Rescue,
    /// Remember the open transcript, cursor positions and layers (best effort).
    SaveUi,
    /// Bring the search index up to date on a thread (progress and the result come back as actions).
    OpenIndex,
    Search {
        query: String,
    },
    /// Plan auto-coding `query` with `code`; `only` limits it to these turns (doc, start, end) when not empty.
    PlanAutocode {
        query: String,
        code: String,
        scope: crate::index::autocode::Scope,
        only: Vec<(String, usize, usize)>,
    },
    /// Record an auto-code batch in the coder's batch log (the session holds the coder's lock).
    LogBatch(Box<crate::store::batches::Batch>),
    /// Take an undone auto-code batch (by id) out of the coder's batch log.
    UnlogBatch(String),
    /// Suggestions of one code's saved query (None: every code with one) for the current coder.
    Suggest {
        code: Option<String>,
    },
    /// Remember in `.kodbok/skipped.json` (re-read first) that `coder` skipped this suggestion.
    SkipSuggestion {
        coder: String,
        suggestion: Box<crate::index::suggest::Suggestion>,
    },
    /// Change another coder file (the consensus layer) under its lock, re-read first, written atomically.
    WriteLayer {
        coder: String,
        change: LayerChange,
        pending: RewriteReason,
    },
    /// Read every transcript not read yet, then run `retry` again and the effects `then`.
    ReadTexts {
        retry: Option<Command>,
        then: Vec<Effect>,
    },
}

impl Effect {
    /// Whether the effect works on the texts of transcripts it cannot name in advance.
    pub fn needs_texts(&self) -> bool {
        matches!(self, Effect::PlanAutocode { .. } | Effect::Suggest { .. })
    }
}
