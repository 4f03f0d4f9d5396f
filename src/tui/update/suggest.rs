//! The suggestion review screen: accept (an undoable coding per the code's query scope), skip
//! (remembered in `.kodbok/skipped.json`), jump to the passage, other code, refresh.

use crate::index::suggest::Suggestion;
use crate::tui::action::{Command, Effect};
use crate::tui::app::{AppState, Level, Screen};
use crate::tui::layout::keep_visible;
use crate::tui::search::IndexStatus;
use crate::tui::suggest::next_code;

impl AppState {
    /// Opens the review screen and asks for the suggestions (opening the index first if needed).
    pub(crate) fn open_suggest(&mut self) -> Vec<Effect> {
        self.screen = Screen::Suggest;
        self.suggest.accepted = 0;
        self.suggest.skipped = 0;
        self.request_suggestions()
    }

    /// Asks for the suggestions now, or once the index is ready.
    pub(crate) fn request_suggestions(&mut self) -> Vec<Effect> {
        self.suggest.loading = true;
        self.suggest.error = None;
        let stale = self.search.stale;
        match self.search.index {
            IndexStatus::Ready if !stale => vec![Effect::Suggest {
                code: self.suggest.code.clone(),
            }],
            IndexStatus::Building { .. } => Vec::new(),
            _ => {
                self.search.index = IndexStatus::Building { done: 0, total: 0 };
                vec![Effect::OpenIndex]
            }
        }
    }

    pub(crate) fn suggest_cmd(&mut self, c: Command) -> Vec<Effect> {
        let n = self.suggest.items.len();
        let page = self.suggestion_rows().max(1);
        let v = &mut self.suggest;
        match c {
            Command::Cancel => self.screen = Screen::Workbench,
            Command::Up => v.selected = v.selected.saturating_sub(1),
            Command::Down => v.selected = (v.selected + 1).min(n.saturating_sub(1)),
            Command::PageDown | Command::HalfPageDown => {
                v.selected = (v.selected + page).min(n.saturating_sub(1))
            }
            Command::PageUp | Command::HalfPageUp => v.selected = v.selected.saturating_sub(page),
            Command::Top => v.selected = 0,
            Command::Bottom => v.selected = n.saturating_sub(1),
            Command::AcceptSuggestion => return self.accept_suggestion(),
            Command::SkipSuggestion => return self.skip_suggestion(),
            Command::Jump => self.jump_to_suggestion(),
            Command::ChooseCode => {
                let codes: Vec<String> = self
                    .project
                    .codebook
                    .flatten()
                    .into_iter()
                    .filter(|f| !f.code.query.trim().is_empty())
                    .map(|f| f.code.id.clone())
                    .collect();
                self.suggest.code = next_code(&codes, self.suggest.code.as_deref());
                self.suggest.selected = 0;
                return self.request_suggestions();
            }
            Command::Refresh => return self.request_suggestions(),
            _ => {}
        }
        self.suggest.top = keep_visible(self.suggest.top, self.suggest.selected, page);
        Vec::new()
    }

    /// Suggestions that fit on the screen (three lines each).
    pub fn suggestion_rows(&self) -> usize {
        (self.panes().main.height.saturating_sub(4) / 3) as usize
    }

    fn accept_suggestion(&mut self) -> Vec<Effect> {
        if !self.writable() {
            return Vec::new();
        }
        let Some(s) = self.suggest.current().cloned() else {
            return Vec::new();
        };
        let coding = match crate::index::suggest::coding(&self.project, &s) {
            Ok(c) => c,
            Err(e) => {
                self.message(Level::Error, format!("Cannot code this passage: {e}"));
                return Vec::new();
            }
        };
        let fx = self.commit(crate::tui::history::Op::AddCoding { coding });
        if !fx.is_empty() {
            self.suggest.take_current();
            self.suggest.accepted += 1;
            self.recompute();
            let path = self.project.codebook.path(&s.code);
            self.message(
                Level::Info,
                format!("Coded {path} ({}). u undoes it.", scope_word(&s)),
            );
        }
        fx
    }

    fn skip_suggestion(&mut self) -> Vec<Effect> {
        let Some(s) = self.suggest.take_current() else {
            return Vec::new();
        };
        self.suggest.skipped += 1;
        vec![Effect::SkipSuggestion {
            coder: self.coder.clone(),
            suggestion: Box::new(s),
        }]
    }

    /// Opens the passage in its transcript with the suggested span selected.
    fn jump_to_suggestion(&mut self) {
        let Some(s) = self.suggest.current().cloned() else {
            return;
        };
        self.open_doc(&s.doc, Some(s.start));
        if let Some(v) = self.view.as_mut()
            && v.doc == s.doc
            && s.end > s.start + 1
        {
            v.anchor = Some(s.start);
            v.cursor = s.end - 1;
        }
        self.relayout();
        self.message(
            Level::Info,
            "The passage is selected: c codes it, Esc clears it, F returns to the suggestions.",
        );
    }

    pub(crate) fn suggestions_done(&mut self, r: Result<Vec<Suggestion>, String>) -> Vec<Effect> {
        let v = &mut self.suggest;
        v.loading = false;
        match r {
            Ok(items) => {
                v.items = items;
                v.error = None;
                v.selected = v.selected.min(v.items.len().saturating_sub(1));
            }
            Err(e) => {
                v.items.clear();
                v.error = Some(e);
            }
        }
        Vec::new()
    }

    pub(crate) fn skip_written(&mut self, r: Result<(), String>) -> Vec<Effect> {
        if let Err(e) = r {
            self.message(
                Level::Error,
                format!("The skip was not remembered ({e}); it may come back next time."),
            );
        }
        Vec::new()
    }
}

fn scope_word(s: &Suggestion) -> &'static str {
    crate::tui::search::scope_name(s.scope)
}
