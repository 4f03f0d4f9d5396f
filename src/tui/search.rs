//! The search pane's state: the query being typed, its hits, marked hits, auto-code scope and the index status.

use super::editor::TextBox;
use crate::index::Hit;
use crate::index::autocode::Scope;
use crate::model::Coding;
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
    pub message: String,
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

/// The next scope in the cycle match → sentence → turn.
pub fn next_scope(s: Scope) -> Scope {
    match s {
        Scope::Match => Scope::Sentence,
        Scope::Sentence => Scope::Turn,
        Scope::Turn => Scope::Match,
    }
}

pub fn scope_name(s: Scope) -> &'static str {
    match s {
        Scope::Match => "match",
        Scope::Sentence => "sentence",
        Scope::Turn => "turn",
    }
}
