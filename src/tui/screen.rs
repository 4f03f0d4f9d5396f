//! The contract between `AppState` and a full-screen view (segments, groups, agreement, search, suggestions): what
//! the screen reads of the shared project when it handles a command, and what it asks the app to do outside its own
//! state.
//! Each screen keeps its state in its own struct with an `update(&mut self, Command, &Shared) -> Vec<Request>`
//! (the shape of gitui's components and their queue of internal events); `AppState::fulfil` carries the requests out.

use super::action::{Command, Effect};
use super::app::{Layers, Level, PromptFor};
use super::history::History;
use super::picker::Purpose;
use crate::model::Coding;
use crate::store::Project;
use crate::t;
use ratatui::layout::Rect;

/// The shared data a screen reads while it handles a command.
pub struct Shared<'a> {
    pub project: &'a Project,
    /// Who is coding in this session.
    pub coder: &'a str,
    pub layers: Layers,
    /// My undo history (the agreement screen reads which decisions were "neither").
    pub history: &'a History,
    /// Who holds my coder file when this session is read-only.
    pub read_only: Option<&'a str>,
    /// The area the screen is drawn in (frame included), for page sizes and mouse hits.
    pub main: Rect,
}

impl Shared<'_> {
    /// A refusal when this session may not change my codings (another session holds them).
    pub fn refuse_read_only(&self) -> Option<Request> {
        self.read_only.map(|holder| {
            Request::Say(
                Level::Error,
                t!("tui-msg-read-only", coder = self.coder, holder = holder),
            )
        })
    }
}

/// What a screen asks of the app: things outside its own state.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// Back to the workbench.
    Close,
    /// Open a transcript in the workbench with the cursor at `at` (selecting from `at` to `select_to` when given).
    Open {
        doc: String,
        at: usize,
        select_to: Option<usize>,
    },
    /// Show the other coders' codings in the transcript (not in blind mode).
    ShowOthers,
    /// A status-bar message.
    Say(Level, String),
    /// Open the code picker.
    Pick(Purpose),
    /// Open a one-line prompt.
    Prompt {
        title: String,
        text: String,
        purpose: PromptFor,
    },
    /// Add one coding of mine as one undo step; when it is made the screen hears of it (`AppState::coded_from_screen`).
    Code(Box<Coding>),
    /// Look for suggestions of one code's saved query (None: every code with one), opening or refreshing the
    /// search index first when needed.
    Suggestions { code: Option<String> },
    /// Work for the effect runner.
    Run(Box<Effect>),
}

/// Where a list motion moves the selection from `sel` in a list whose last row is `last`.
pub fn list_motion(c: Command, sel: usize, last: usize, page: usize) -> usize {
    match c {
        Command::Down => (sel + 1).min(last),
        Command::Up => sel.saturating_sub(1),
        Command::PageDown | Command::HalfPageDown => (sel + page).min(last),
        Command::PageUp | Command::HalfPageUp => sel.saturating_sub(page),
        Command::Top => 0,
        Command::Bottom => last,
        _ => sel,
    }
}

/// Rows each listed segment takes on screen (header, two lines of quote, blank).
pub const SEGMENT_ROWS: usize = 4;

/// Segments that fit in a list drawn in `main` (frame and one heading line).
pub fn segment_page(main: Rect) -> usize {
    (main.height.saturating_sub(3) as usize / SEGMENT_ROWS).max(1)
}
