//! The search pane: the query being typed, its hits, marked hits, auto-code scope and the index status; its state
//! and its `update`.

use super::action::{Command, Effect};
use super::app::Level;
use super::editor::TextBox;
use super::layout::keep_visible;
use super::picker::Purpose;
use super::screen::{Request, Shared};
use crate::index::Hit;
use crate::index::autocode::Scope;
use crate::model::Coding;
use crate::t;
use std::collections::BTreeSet;

/// Hits fetched per query (the pane says how many there are in all).
pub const LIMIT: usize = 200;

/// Where the background index is.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum IndexStatus {
    #[default]
    Closed,
    Building {
        done: usize,
        total: usize,
    },
    Ready,
    Failed(String),
}

/// A query the index could not read, with the char range to underline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryProblem {
    /// The problem in English (logs, tests); what is drawn is `kind` worded in the workbench's language.
    pub message: String,
    /// The query's problem, worded when drawn; `None` when something else failed (`message` then).
    pub kind: Option<crate::index::query::QueryErrorKind>,
    pub start: usize,
    pub end: usize,
}

/// What an auto-code would add, shown before it is done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    pub code: String,
    pub scope: Scope,
    pub hits: usize,
    pub skipped: usize,
    pub add: Vec<Coding>,
}

#[derive(Debug, Clone)]
pub struct SearchState {
    pub input: TextBox,
    /// Keys go to the query line (else to the hit list).
    pub typing: bool,
    /// The query the hits are for.
    pub searched: String,
    pub hits: Vec<Hit>,
    /// Hits in all (more than `hits` when cut at [`LIMIT`]).
    pub total: usize,
    pub selected: usize,
    pub top: usize,
    /// Indices into `hits`.
    pub marked: BTreeSet<usize>,
    pub scope: Scope,
    pub problem: Option<QueryProblem>,
    pub index: IndexStatus,
    /// My codings were saved since the index was last brought up to date.
    pub stale: bool,
}

impl Default for SearchState {
    fn default() -> Self {
        SearchState {
            input: TextBox::new("", false),
            typing: true,
            searched: String::new(),
            hits: Vec::new(),
            total: 0,
            selected: 0,
            top: 0,
            marked: BTreeSet::new(),
            scope: Scope::Sentence,
            problem: None,
            index: IndexStatus::Closed,
            stale: false,
        }
    }
}

impl SearchState {
    pub fn query(&self) -> String {
        self.input.text()
    }

    /// The turns auto-coding is limited to: the marked hits' (doc, turn start, turn end), or none for all.
    pub fn marked_turns(&self) -> Vec<(String, usize, usize)> {
        self.marked
            .iter()
            .filter_map(|i| self.hits.get(*i))
            .map(|h| (h.doc.clone(), h.turn_start, h.turn_end))
            .collect()
    }
}

impl SearchState {
    /// `/`: the cursor goes to the query; the index is opened (or brought up to date) on a thread.
    pub fn open(&mut self) -> Vec<Request> {
        self.typing = true;
        self.input.end();
        let needs =
            matches!(self.index, IndexStatus::Closed | IndexStatus::Failed(_)) || self.stale;
        if needs && !matches!(self.index, IndexStatus::Building { .. }) {
            self.index = IndexStatus::Building { done: 0, total: 0 };
            return vec![Request::Run(Box::new(Effect::OpenIndex))];
        }
        Vec::new()
    }

    pub fn update(&mut self, c: Command, cx: &Shared) -> Vec<Request> {
        if c == Command::Cancel {
            return vec![Request::Close];
        }
        if self.typing {
            return self.query_cmd(c);
        }
        self.hits_cmd(c, cx)
    }

    fn query_cmd(&mut self, c: Command) -> Vec<Request> {
        let input = &mut self.input;
        let before = input.text();
        match c {
            Command::Accept | Command::Down => {
                // Also before the hits arrive (the index may still be opening): they fill the list then.
                self.typing = false;
                return Vec::new();
            }
            other => {
                input.edit(other);
            }
        }
        if self.input.text() == before {
            return Vec::new();
        }
        self.query_changed()
    }

    /// Typed or pasted text in the query line (control characters become spaces).
    pub fn input(&mut self, s: &str) -> Vec<Request> {
        if !self.typing {
            return Vec::new();
        }
        let text: String = s
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        self.input.insert_str(&text);
        self.query_changed()
    }

    fn query_changed(&mut self) -> Vec<Request> {
        let query = self.query();
        if query.trim().is_empty() {
            self.hits.clear();
            self.total = 0;
            self.problem = None;
            self.marked.clear();
            self.searched = query;
            return Vec::new();
        }
        if self.index != IndexStatus::Ready {
            // Searched when the index is ready.
            return Vec::new();
        }
        vec![Request::Run(Box::new(Effect::Search { query }))]
    }

    /// Hits that fit in the list (two lines each) in the screen's area.
    fn hit_rows(cx: &Shared) -> usize {
        (cx.main.height.saturating_sub(5) / 2) as usize
    }

    fn hits_cmd(&mut self, c: Command, cx: &Shared) -> Vec<Request> {
        let n = self.hits.len();
        let page = Self::hit_rows(cx).max(1);
        let last = n.saturating_sub(1);
        let mut out = Vec::new();
        match c {
            Command::Up if self.selected == 0 => self.typing = true,
            Command::Up => self.selected -= 1,
            Command::Down => self.selected = (self.selected + 1).min(last),
            Command::PageDown | Command::HalfPageDown => {
                self.selected = (self.selected + page).min(last)
            }
            Command::PageUp | Command::HalfPageUp => {
                self.selected = self.selected.saturating_sub(page)
            }
            Command::Top => self.selected = 0,
            Command::Bottom => self.selected = last,
            Command::EditQuery => self.typing = true,
            Command::MarkHit if n > 0 => {
                if !self.marked.remove(&self.selected) {
                    self.marked.insert(self.selected);
                }
                self.selected = (self.selected + 1).min(last);
            }
            Command::MarkAll if self.marked.len() == n => self.marked.clear(),
            Command::MarkAll => self.marked = (0..n).collect(),
            Command::CycleScope => {
                self.scope = next_scope(self.scope);
                let msg = t!("tui-search-scope-set", scope = scope_name(self.scope));
                out.push(Request::Say(Level::Info, msg));
            }
            Command::Jump => out = self.jump(),
            Command::AutoCode if n > 0 => out.push(
                cx.refuse_read_only()
                    .unwrap_or(Request::Pick(Purpose::AutoCode)),
            ),
            _ => {}
        }
        self.top = keep_visible(self.top, self.selected, page);
        out
    }

    /// Opens the hit's transcript with its first match selected.
    fn jump(&self) -> Vec<Request> {
        let Some(h) = self.hits.get(self.selected) else {
            return Vec::new();
        };
        let (s, e) = h
            .matches
            .first()
            .copied()
            .unwrap_or((h.turn_start, h.turn_start + 1));
        vec![
            Request::Open {
                doc: h.doc.clone(),
                at: s,
                select_to: Some(e),
            },
            Request::Say(Level::Info, t!("tui-search-jumped")),
        ]
    }

    /// The index is ready: search what was typed meanwhile.
    pub fn index_ready(&mut self) -> Vec<Effect> {
        self.index = IndexStatus::Ready;
        self.stale = false;
        let query = self.query();
        if query.trim().is_empty() {
            return Vec::new();
        }
        vec![Effect::Search { query }]
    }

    /// Hits (or a problem) arrived for `query`.
    pub fn done(&mut self, query: String, result: Result<(Vec<Hit>, usize), QueryProblem>) {
        if query != self.query() {
            // An answer to a query typed over since.
            return;
        }
        let same = self.searched == query;
        self.searched = query;
        match result {
            Ok((hits, total)) => {
                self.problem = None;
                self.hits = hits;
                self.total = total;
                if !same {
                    self.marked.clear();
                    self.selected = 0;
                    self.top = 0;
                }
                let n = self.hits.len();
                self.marked.retain(|i| *i < n);
                self.selected = self.selected.min(n.saturating_sub(1));
            }
            Err(p) => self.problem = Some(p),
        }
    }
}

/// The next scope in the cycle match → sentence → turn.
pub fn next_scope(s: Scope) -> Scope {
    match s {
        Scope::Match => Scope::Sentence,
        Scope::Sentence => Scope::Turn,
        Scope::Turn => Scope::Match,
    }
}

/// The scope's name in the user's language.
pub fn scope_name(s: Scope) -> String {
    t!(
        "tui-search-scope",
        scope = crate::tui::suggest::scope_key(s)
    )
}
