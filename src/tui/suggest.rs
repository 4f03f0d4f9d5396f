//! The suggestion review screen: passages that match a code's saved query but that I have not coded
//! with that code, reviewed one by one (accept, skip, jump to read in context); its state and its `update`.

use super::action::{Command, Effect};
use super::app::Level;
use super::layout::keep_visible;
use super::screen::{Request, Shared, list_motion};
use crate::index::autocode::Scope;
use crate::index::suggest::Suggestion;
use crate::model::{Codebook, Coding};
use crate::t;
use ratatui::layout::Rect;

#[derive(Debug, Clone, Default)]
pub struct SuggestView {
    /// Only this code's suggestions (None: every code with a saved query).
    pub code: Option<String>,
    pub items: Vec<Suggestion>,
    pub selected: usize,
    pub top: usize,
    /// Waiting for the index or for the suggestions.
    pub loading: bool,
    /// Why there are no suggestions to show (no saved query, a bad query, the index failed).
    pub error: Option<String>,
    /// Decided in this visit: (accepted, skipped).
    pub accepted: usize,
    pub skipped: usize,
    /// The accepted suggestions with the place each had in the list, so that undoing one puts it back.
    pub taken: Vec<(usize, Suggestion)>,
}

impl SuggestView {
    pub fn current(&self) -> Option<&Suggestion> {
        self.items.get(self.selected)
    }

    /// Takes the selected suggestion out of the list (decided), keeping the selection in range.
    fn take_current(&mut self) -> Option<Suggestion> {
        if self.selected >= self.items.len() {
            return None;
        }
        let s = self.items.remove(self.selected);
        self.selected = self.selected.min(self.items.len().saturating_sub(1));
        Some(s)
    }

    /// `F`: a new visit (its counts start at zero); the suggestions are asked for.
    pub fn open(&mut self) -> Vec<Request> {
        self.accepted = 0;
        self.skipped = 0;
        self.taken.clear();
        self.refresh()
    }

    /// Asks the app for the suggestions (it opens the index first when needed).
    fn refresh(&mut self) -> Vec<Request> {
        self.loading = true;
        self.error = None;
        vec![Request::Suggestions {
            code: self.code.clone(),
        }]
    }

    pub fn update(&mut self, c: Command, cx: &Shared) -> Vec<Request> {
        let page = page(cx.main);
        let last = self.items.len().saturating_sub(1);
        let out = match c {
            Command::Cancel => return vec![Request::Close],
            Command::AcceptSuggestion => self.accept(cx),
            Command::SkipSuggestion => self.skip(cx),
            Command::Jump => self.jump(),
            Command::ChooseCode => {
                let codes: Vec<String> = cx
                    .project
                    .codebook
                    .flatten()
                    .into_iter()
                    .filter(|f| !f.code.query.trim().is_empty())
                    .map(|f| f.code.id.clone())
                    .collect();
                self.code = next_code(&codes, self.code.as_deref());
                self.selected = 0;
                self.top = 0;
                self.refresh()
            }
            Command::Refresh => self.refresh(),
            _ => {
                self.selected = list_motion(c, self.selected, last, page);
                Vec::new()
            }
        };
        self.top = keep_visible(self.top, self.selected, page);
        out
    }

    /// Asks the app to add the selected suggestion's coding (one undo step); it leaves the list in
    /// [`SuggestView::accepted`] once the coding is made.
    fn accept(&mut self, cx: &Shared) -> Vec<Request> {
        if let Some(refusal) = cx.refuse_read_only() {
            return vec![refusal];
        }
        let Some(s) = self.current() else {
            return Vec::new();
        };
        match crate::index::suggest::coding(cx.project, s) {
            Ok(coding) => vec![Request::Code(Box::new(coding))],
            Err(e) => vec![Request::Say(
                Level::Error,
                t!(
                    "tui-suggest-cannot-code",
                    error = crate::messages::describe(&e)
                ),
            )],
        }
    }

    /// The selected suggestion's coding was made: it leaves the list; the status message to show.
    pub fn accepted(&mut self, book: &Codebook) -> Option<String> {
        let at = self.selected;
        let s = self.take_current()?;
        self.accepted += 1;
        self.taken.push((at, s.clone()));
        Some(t!(
            "tui-suggest-coded",
            path = book.path(&s.code),
            scope = scope_key(s.scope)
        ))
    }

    /// The suggestion leaves the list and is remembered in `.kodbok/skipped.json`.
    fn skip(&mut self, cx: &Shared) -> Vec<Request> {
        let Some(s) = self.take_current() else {
            return Vec::new();
        };
        self.skipped += 1;
        vec![Request::Run(Box::new(Effect::SkipSuggestion {
            coder: cx.coder.to_string(),
            suggestion: Box::new(s),
        }))]
    }

    /// Opens the passage in its transcript with the suggested span selected.
    fn jump(&self) -> Vec<Request> {
        let Some(s) = self.current() else {
            return Vec::new();
        };
        vec![
            Request::Open {
                doc: s.doc.clone(),
                at: s.start,
                select_to: Some(s.end),
            },
            Request::Say(Level::Info, t!("tui-suggest-jumped")),
        ]
    }

    /// An accepted suggestion's coding was undone: the suggestion is back in its place, selected.
    pub fn undone(&mut self, c: &Coding) {
        let Some(i) = self.taken.iter().rposition(|(_, s)| codes(s, c)) else {
            return;
        };
        let (at, s) = self.taken.remove(i);
        if self.items.iter().any(|x| x.id() == s.id()) {
            return;
        }
        let at = at.min(self.items.len());
        self.items.insert(at, s);
        self.selected = at;
        self.accepted = self.accepted.saturating_sub(1);
    }

    /// An undone accept was redone: the suggestion leaves the list again.
    pub fn redone(&mut self, c: &Coding) {
        if let Some(at) = self.items.iter().position(|s| codes(s, c)) {
            let s = self.items.remove(at);
            self.selected = self.selected.min(self.items.len().saturating_sub(1));
            self.accepted += 1;
            self.taken.push((at, s));
        }
    }

    /// The suggestions (or why there are none) arrived.
    pub fn done(&mut self, r: Result<Vec<Suggestion>, String>) {
        self.loading = false;
        match r {
            Ok(items) => {
                self.items = items;
                self.error = None;
                self.selected = self.selected.min(self.items.len().saturating_sub(1));
            }
            Err(e) => {
                self.items.clear();
                self.error = Some(e);
            }
        }
    }
}

/// Whether coding `c` is what accepting suggestion `s` made.
fn codes(s: &Suggestion, c: &Coding) -> bool {
    s.code == c.code && s.doc == c.doc && s.start == c.start && s.end == c.end
}

/// Suggestions that fit on the screen drawn in `main` (frame, a heading and a blank line; three lines each).
pub fn page(main: Rect) -> usize {
    (main.height.saturating_sub(4) / 3).max(1) as usize
}

/// The scope's name as the catalogue's selectors know it (`tui-suggest-scope`).
pub fn scope_key(s: Scope) -> &'static str {
    match s {
        Scope::Match => "match",
        Scope::Sentence => "sentence",
        Scope::Turn => "turn",
    }
}

/// The next filter in the cycle all codes → each code with a saved query → all codes.
pub fn next_code(codes: &[String], current: Option<&str>) -> Option<String> {
    match current {
        None => codes.first().cloned(),
        Some(c) => codes
            .iter()
            .position(|x| x == c)
            .and_then(|i| codes.get(i + 1))
            .cloned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_filter_cycles_through_all() {
        let codes = vec!["a".to_string(), "b".to_string()];
        assert_eq!(next_code(&codes, None).as_deref(), Some("a"));
        assert_eq!(next_code(&codes, Some("a")).as_deref(), Some("b"));
        assert_eq!(next_code(&codes, Some("b")), None);
        assert_eq!(next_code(&[], None), None);
    }

    #[test]
    fn page_counts_three_lines_per_suggestion() {
        assert_eq!(page(Rect::new(0, 0, 80, 22)), 6);
        assert_eq!(page(Rect::new(0, 0, 80, 3)), 1);
    }
}
