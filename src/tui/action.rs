//! What can happen to the app: bindable commands, the actions `update` consumes, and the effects it asks for.

use super::history::Recode;
use crate::model::{Codebook, CoderFile};
use serde::Deserialize;

/// A command a key can be bound to; its snake_case name is what a user keymap file uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Command {
    Quit,
    Help,
    FocusNext,
    FocusPrev,
    Undo,
    Redo,
    ToggleLayers,
    ToggleBlind,
    Retrieve,
    Summary,
    CycleLayer,
    ToggleChart,
    ShowCell,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    HalfPageUp,
    HalfPageDown,
    Top,
    Bottom,
    LineStart,
    LineEnd,
    NextTurn,
    PrevTurn,
    WordForward,
    WordBackward,
    SentenceForward,
    SentenceBackward,
    TurnForward,
    TurnBackward,
    CenterCursor,
    Open,
    Select,
    SelectTurn,
    Cancel,
    Code,
    Uncode,
    Memo,
    DocMemo,
    Toggle,
    Expand,
    Collapse,
    AddCode,
    AddTopCode,
    RenameCode,
    DescribeCode,
    MoveCode,
    MergeCode,
    ApplyCode,
    Segments,
    ToggleScope,
    Filter,
    ChooseCode,
    Jump,
    Accept,
    NewCode,
    Backspace,
    Delete,
    Newline,
    Save,
    Discard,
    Yes,
    No,
    Agreement,
    TakeA,
    TakeB,
    TakeBoth,
    TakeNeither,
    NextCoder,
    CycleUnit,
    AllCodes,
    Search,
    EditQuery,
    MarkHit,
    MarkAll,
    AutoCode,
    CycleScope,
    Suggestions,
    AcceptSuggestion,
    SkipSuggestion,
    Refresh,
    EditCodeQuery,
}

impl Command {
    /// One line for the help overlay.
    pub fn describe(self) -> &'static str {
        use Command::*;
        match self {
            Quit => "quit (everything is already saved)",
            Help => "show this help",
            FocusNext => "focus the next pane",
            FocusPrev => "focus the previous pane",
            Undo => "undo the last coding or codebook change",
            Redo => "redo what was undone",
            ToggleLayers => "show or hide other coders' codings",
            ToggleBlind => "blind mode: hide other coders entirely",
            Retrieve => "list the segments of a code",
            Summary => "compare the groups (hög/låg) code by code",
            CycleLayer => "count this coder / all coders merged / konsensus",
            ToggleChart => "table or bar chart per theme",
            ShowCell => "list the segments behind the number",
            Up => "move up",
            Down => "move down",
            Left => "move left",
            Right => "move right",
            PageUp => "page up",
            PageDown => "page down",
            HalfPageUp => "half a page up",
            HalfPageDown => "half a page down",
            Top => "go to the top",
            Bottom => "go to the bottom",
            LineStart => "start of the line",
            LineEnd => "end of the line",
            NextTurn => "next speaker turn",
            PrevTurn => "previous speaker turn",
            WordForward => "next word (extends a selection)",
            WordBackward => "previous word (extends a selection)",
            SentenceForward => "next sentence (extends a selection)",
            SentenceBackward => "previous sentence (extends a selection)",
            TurnForward => "to the end of the turn (extends a selection)",
            TurnBackward => "to the start of the turn (extends a selection)",
            CenterCursor => "scroll so the cursor is in the middle",
            Open => "open the transcript",
            Select => "start a selection at the cursor",
            SelectTurn => "select the whole current turn",
            Cancel => "cancel the selection / close",
            Code => "code the selection (pick a code)",
            Uncode => "remove a coding under the cursor",
            Memo => "memo on the coding under the cursor",
            DocMemo => "memo on the transcript",
            Toggle => "collapse or expand the code",
            Expand => "expand the code",
            Collapse => "collapse the code",
            AddCode => "add a sub-code under this code",
            AddTopCode => "add a top-level code",
            RenameCode => "rename the code",
            DescribeCode => "edit the code's description",
            MoveCode => "move the code under another parent",
            MergeCode => "merge the code into another",
            ApplyCode => "apply this code to the selection",
            Segments => "list every segment coded with this code",
            ToggleScope => "this coder / all coders",
            Filter => "filter by attributes (grupp=låg)",
            ChooseCode => "choose the code to list",
            Jump => "jump to the passage",
            Accept => "accept",
            NewCode => "create a new code named as typed",
            Backspace => "delete before the cursor",
            Delete => "delete at the cursor",
            Newline => "new line",
            Save => "save and close",
            Discard => "discard changes and close",
            Yes => "yes",
            No => "no",
            Agreement => "agreement: where two coders differ, decide into konsensus",
            TakeA => "konsensus takes coder A's coding of the unit",
            TakeB => "konsensus takes coder B's coding of the unit",
            TakeBoth => "konsensus takes both coders' codings (their union)",
            TakeNeither => "konsensus takes neither (no coding of the code there)",
            NextCoder => "compare with the next other coder (B)",
            CycleUnit => "unit: turn / sentence",
            AllCodes => "compare every code again (not one)",
            Search => "search (syntax shown in the pane when the query is empty)",
            EditQuery => "edit the query",
            MarkHit => "mark or unmark the hit for auto-coding",
            MarkAll => "mark all hits, or none",
            AutoCode => "auto-code the marked hits (all when none is marked)",
            CycleScope => "auto-code scope: match, sentence or turn",
            Suggestions => "suggestions: passages a code's query finds, not coded yet",
            AcceptSuggestion => {
                "accept: code the passage (per the code's query scope); u undoes it"
            }
            SkipSuggestion => "skip: the suggestion does not come back",
            Refresh => "look for suggestions again",
            EditCodeQuery => "edit the code's saved search query (for code-query: and suggestions)",
        }
    }

    /// A short label for the footer.
    pub fn hint(self) -> &'static str {
        use Command::*;
        match self {
            Quit => "quit",
            Help => "help",
            FocusNext => "pane",
            Undo => "undo",
            Redo => "redo",
            ToggleLayers => "others",
            Retrieve => "segments",
            Summary => "groups",
            CycleLayer => "layer",
            ToggleChart => "chart",
            ShowCell => "segments",
            Right => "column",
            Open => "open",
            Select => "select",
            SelectTurn => "turn",
            Cancel => "cancel",
            Code => "code",
            Uncode => "uncode",
            Memo => "memo",
            DocMemo => "doc memo",
            Toggle => "fold",
            AddCode => "add",
            RenameCode => "rename",
            DescribeCode => "describe",
            MoveCode => "move",
            MergeCode => "merge",
            ApplyCode => "apply",
            Segments => "segments",
            ToggleScope => "coders",
            Filter => "filter",
            ChooseCode => "code",
            Jump => "jump",
            Accept => "ok",
            NewCode => "new code",
            Save => "save",
            Discard => "discard",
            Yes => "yes",
            No => "no",
            Search => "search",
            EditQuery => "query",
            MarkHit => "mark",
            MarkAll => "all",
            AutoCode => "auto-code",
            CycleScope => "scope",
            Suggestions => "suggest",
            AcceptSuggestion => "accept",
            SkipSuggestion => "skip",
            Refresh => "refresh",
            EditCodeQuery => "query",
            WordForward => "word",
            SentenceForward => "sentence",
            TurnForward => "turn end",
            NextTurn => "turn",
            Agreement => "agree",
            TakeA => "A",
            TakeB => "B",
            TakeBoth => "both",
            TakeNeither => "neither",
            NextCoder => "coder",
            CycleUnit => "unit",
            AllCodes => "all codes",
            _ => self.describe(),
        }
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
            SaveTarget::Coder => "codings",
            SaveTarget::Codebook => "codebook",
            SaveTarget::History => "undo history",
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
}

/// What a write to the consensus layer did.
#[derive(Debug, Clone, PartialEq)]
pub struct LayerDone {
    pub file: Box<CoderFile>,
    pub removed: Vec<crate::model::Coding>,
    pub added: Vec<crate::model::Coding>,
}

/// A change to another coder file (the consensus layer), made under its lock by the runner.
#[derive(Debug, Clone, PartialEq)]
pub enum LayerChange {
    /// Decide a unit: the layer takes these coders' codings there (none: neither).
    Take {
        unit: crate::agreement::disagree::UnitRef,
        from: Vec<String>,
    },
    /// Undo or redo a decision: remove and add exactly these codings.
    Apply {
        removed: Vec<crate::model::Coding>,
        added: Vec<crate::model::Coding>,
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
}
