//! The documents pane's own state and keys: transcripts grouped under their cases, the selection and the scroll.

use super::action::Command;
use super::layout::keep_visible;

/// A row of the documents pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocRow {
    Case { name: String, group: String },
    Doc { id: String },
}

#[derive(Debug, Clone, Default)]
pub struct DocList {
    pub rows: Vec<DocRow>,
    pub selected: usize,
    pub top: usize,
}

/// What the documents pane asks of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocsOutcome {
    /// Open this transcript.
    Open(String),
    /// Enter with no transcript in the list.
    Empty,
}

impl DocList {
    /// Whether row `i` is a transcript (not a case heading).
    pub fn is_doc(&self, i: usize) -> bool {
        matches!(self.rows.get(i), Some(DocRow::Doc { .. }))
    }

    /// Handles one command; the pane shows `height` rows.
    pub fn update(&mut self, c: Command, height: usize) -> Option<DocsOutcome> {
        let h = height as isize;
        let n = self.rows.len() as isize;
        match c {
            Command::Down => self.move_by(1, height),
            Command::Up => self.move_by(-1, height),
            Command::PageDown | Command::HalfPageDown => self.move_by(h / 2, height),
            Command::PageUp | Command::HalfPageUp => self.move_by(-h / 2, height),
            Command::Top => self.move_by(-n, height),
            Command::Bottom => self.move_by(n, height),
            Command::Open => {
                return Some(match self.rows.get(self.selected) {
                    Some(DocRow::Doc { id }) => DocsOutcome::Open(id.clone()),
                    _ => DocsOutcome::Empty,
                });
            }
            _ => {}
        }
        None
    }

    /// Moves the selection by `delta` rows, skipping case headings.
    fn move_by(&mut self, delta: isize, height: usize) {
        let n = self.rows.len() as isize;
        let target = (self.selected as isize + delta).clamp(0, (n - 1).max(0));
        let step = if delta >= 0 { 1 } else { -1 };
        let mut i = target;
        while i >= 0 && i < n && !self.is_doc(i as usize) {
            i += step;
        }
        if i < 0 || i >= n {
            // Nothing in that direction (the first row is a case heading): back from the target.
            i = target;
            while i >= 0 && i < n && !self.is_doc(i as usize) {
                i -= step;
            }
        }
        if i >= 0 && i < n {
            self.selected = i as usize;
        }
        // Keep the case heading above the first document visible.
        let top_target = if self.selected > 0 && !self.is_doc(self.selected - 1) {
            self.selected - 1
        } else {
            self.selected
        };
        self.top = keep_visible(self.top.min(top_target), self.selected, height);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list() -> DocList {
        let case = |n: &str| DocRow::Case {
            name: n.into(),
            group: "hög".into(),
        };
        let doc = |d: &str| DocRow::Doc { id: d.into() };
        DocList {
            rows: vec![case("A"), doc("a1"), doc("a2"), case("B"), doc("b1")],
            selected: 1,
            top: 0,
        }
    }

    #[test]
    fn moves_skip_case_headings_and_open_returns_the_transcript() {
        let mut l = list();
        l.update(Command::Down, 3);
        l.update(Command::Down, 3);
        assert_eq!(l.selected, 4);
        assert_eq!(
            l.update(Command::Open, 3),
            Some(DocsOutcome::Open("b1".into()))
        );
        l.update(Command::Top, 3);
        assert_eq!(l.selected, 1);
        assert_eq!(l.top, 0, "the first case heading stays visible");
        assert_eq!(
            DocList::default().update(Command::Open, 3),
            Some(DocsOutcome::Empty)
        );
    }
}
