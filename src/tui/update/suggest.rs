//! The app's side of the suggestion review screen: opening it, finding the suggestions once the index is ready,
//! making an accepted suggestion's coding (one undo step) and the reports of the effect runner.

use crate::index::suggest::Suggestion;
use crate::model::Coding;
use crate::t;
use crate::tui::action::Effect;
use crate::tui::app::{AppState, Level, Screen};
use crate::tui::history::Op;
use crate::tui::search::IndexStatus;

impl AppState {
    /// `F`: opens the review screen and asks for the suggestions.
    pub(crate) fn open_suggest(&mut self) -> Vec<Effect> {
        self.screen = Screen::Suggest;
        let requests = self.suggest.open();
        self.fulfil(requests)
    }

    /// Looks for suggestions now, or once the index is open and up to date.
    pub(crate) fn request_suggestions(&mut self, code: Option<String>) -> Vec<Effect> {
        match self.search.index {
            IndexStatus::Ready if !self.search.stale => vec![Effect::Suggest { code }],
            IndexStatus::Building { .. } => Vec::new(),
            _ => {
                self.search.index = IndexStatus::Building { done: 0, total: 0 };
                vec![Effect::OpenIndex]
            }
        }
    }

    /// The index is ready: the review screen, when it waits, looks for its suggestions now.
    pub(crate) fn suggestions_after_index(&mut self) -> Vec<Effect> {
        if self.screen == Screen::Suggest && self.suggest.loading {
            return vec![Effect::Suggest {
                code: self.suggest.code.clone(),
            }];
        }
        Vec::new()
    }

    /// A screen asked for one coding of mine: made as one undo step; the screen hears when it was made.
    pub(crate) fn code_from_screen(&mut self, coding: Coding) -> Vec<Effect> {
        let fx = self.commit(Op::AddCoding { coding });
        if !fx.is_empty() {
            self.recompute();
            self.coded_from_screen();
        }
        fx
    }

    fn coded_from_screen(&mut self) {
        if self.screen == Screen::Suggest
            && let Some(note) = self.suggest.accepted(&self.project.codebook)
        {
            self.message(Level::Info, note);
        }
    }

    /// An undo or redo was applied: an accepted suggestion whose coding it removed comes back into the
    /// review list at once (and leaves it again on redo), without waiting for the index.
    pub(crate) fn suggestions_after_step(&mut self, applied: &Op) {
        match applied {
            Op::RemoveCoding { coding } => self.suggest.undone(coding),
            Op::AddCoding { coding } => self.suggest.redone(coding),
            _ => {}
        }
    }

    pub(crate) fn suggestions_done(&mut self, r: Result<Vec<Suggestion>, String>) -> Vec<Effect> {
        self.suggest.done(r);
        Vec::new()
    }

    pub(crate) fn skip_written(&mut self, r: Result<(), String>) -> Vec<Effect> {
        if let Err(e) = r {
            self.message(Level::Error, t!("tui-suggest-skip-failed", error = e));
        }
        Vec::new()
    }
}
