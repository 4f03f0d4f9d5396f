//! The documents pane's own state and keys: transcripts grouped under their cases, the selection and
//! the scroll, a filter typed into the pane, and jumps from case to case.

use super::action::Command;
use super::editor::TextBox;
use super::layout::keep_visible;

/// A row of the documents pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocRow {
    Case { name: String, group: String },
    Doc { id: String },
}

#[derive(Debug, Clone, Default)]
pub struct DocList {
    /// The rows shown: every row, or the transcripts the filter keeps under their case headings.
    pub rows: Vec<DocRow>,
    pub selected: usize,
    pub top: usize,
    /// Shown rows hold every word of the filter (case ignored) in their id, case or attribute values.
    pub filter: TextBox,
    /// The filter line takes the keys.
    pub typing: bool,
    /// Every row with the lower-case text the filter looks in.
    all: Vec<(DocRow, String)>,
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
    /// The pane's list: each row with the words the filter finds it by (a case heading's words
    /// count for its transcripts too).
    pub fn new(rows: Vec<(DocRow, String)>) -> DocList {
        let all: Vec<(DocRow, String)> = rows
            .into_iter()
            .map(|(r, words)| (r, words.to_lowercase()))
            .collect();
        let mut l = DocList {
            rows: all.iter().map(|(r, _)| r.clone()).collect(),
            filter: TextBox::new("", false),
            all,
            ..DocList::default()
        };
        l.selected = l.first_doc(0).unwrap_or(0);
        l
    }

    /// Whether row `i` is a transcript (not a case heading).
    pub fn is_doc(&self, i: usize) -> bool {
        matches!(self.rows.get(i), Some(DocRow::Doc { .. }))
    }

    /// Whether the filter line is shown (being typed, or narrowing the list).
    pub fn shows_filter(&self) -> bool {
        self.typing || !self.filter.text().is_empty()
    }

    /// Rows of the list in a pane whose inside is `inner_height` rows (the filter line takes one).
    pub fn list_height(&self, inner_height: usize) -> usize {
        inner_height.saturating_sub(usize::from(self.shows_filter()))
    }

    /// Transcripts shown and transcripts in all.
    pub fn counts(&self) -> (usize, usize) {
        let docs = |rows: &mut dyn Iterator<Item = &DocRow>| {
            rows.filter(|r| matches!(r, DocRow::Doc { .. })).count()
        };
        (
            docs(&mut self.rows.iter()),
            docs(&mut self.all.iter().map(|(r, _)| r)),
        )
    }

    /// Handles one command; the list shows `height` rows.
    pub fn update(&mut self, c: Command, height: usize) -> Option<DocsOutcome> {
        if self.typing {
            return self.filter_key(c, height);
        }
        let h = height as isize;
        let n = self.rows.len() as isize;
        match c {
            Command::Down => self.move_by(1, height),
            Command::Up => self.move_by(-1, height),
            Command::PageDown | Command::HalfPageDown => self.move_by(h / 2, height),
            Command::PageUp | Command::HalfPageUp => self.move_by(-h / 2, height),
            Command::Top => self.move_by(-n, height),
            Command::Bottom => self.move_by(n, height),
            Command::NextCase => self.next_case(height),
            Command::PrevCase => self.prev_case(height),
            Command::FilterDocs => {
                if self.filter.lines.is_empty() {
                    self.filter = TextBox::new("", false);
                }
                self.typing = true;
            }
            Command::Cancel if self.shows_filter() => self.set_filter("", height),
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

    /// Text typed into the filter line.
    pub fn input(&mut self, s: &str, height: usize) {
        self.filter.insert_str(s);
        self.refilter(height);
    }

    /// Keys while the filter is typed: editing narrows the list at once, Enter keeps the filter and
    /// goes back to the list (opening the only transcript left), Esc clears it.
    fn filter_key(&mut self, c: Command, height: usize) -> Option<DocsOutcome> {
        match c {
            Command::Accept => {
                self.typing = false;
                if self.counts().0 == 1 {
                    return self.update(Command::Open, height);
                }
            }
            Command::Cancel => {
                self.typing = false;
                self.set_filter("", height);
            }
            Command::Down | Command::Up => {
                self.typing = false;
                return self.update(c, height);
            }
            c => {
                if self.filter.edit(c) {
                    self.refilter(height);
                }
            }
        }
        None
    }

    /// Sets the filter's text and narrows the list to it.
    pub fn set_filter(&mut self, text: &str, height: usize) {
        self.filter = TextBox::new(text, false);
        self.refilter(height);
    }

    /// The rows the filter keeps, the selection staying on its transcript when it is still shown.
    fn refilter(&mut self, height: usize) {
        let was = match self.rows.get(self.selected) {
            Some(DocRow::Doc { id }) => Some(id.clone()),
            _ => None,
        };
        let text = self.filter.text().to_lowercase();
        let words: Vec<&str> = text.split_whitespace().collect();
        self.rows.clear();
        // the current case heading, its words, and whether it is shown yet
        let mut case: Option<(&DocRow, &str, bool)> = None;
        for (row, hay) in &self.all {
            if let DocRow::Case { .. } = row {
                case = Some((row, hay, false));
                continue;
            }
            let case_hay = case.map_or("", |c| c.1);
            if !words
                .iter()
                .all(|w| hay.contains(w) || case_hay.contains(w))
            {
                continue;
            }
            if let Some(c) = case.as_mut().filter(|c| !c.2) {
                self.rows.push(c.0.clone());
                c.2 = true;
            }
            self.rows.push(row.clone());
        }
        self.selected = was
            .and_then(|id| {
                self.rows
                    .iter()
                    .position(|r| matches!(r, DocRow::Doc { id: d } if *d == id))
            })
            .or_else(|| self.first_doc(0))
            .unwrap_or(0);
        self.top = 0;
        self.move_by(0, height);
    }

    /// The first transcript row at or after `from`.
    fn first_doc(&self, from: usize) -> Option<usize> {
        (from..self.rows.len()).find(|i| self.is_doc(*i))
    }

    /// The case heading above row `i`, if any.
    fn heading_before(&self, i: usize) -> Option<usize> {
        (0..i.min(self.rows.len())).rev().find(|j| !self.is_doc(*j))
    }

    /// To the first transcript of the next case.
    fn next_case(&mut self, height: usize) {
        let next = (self.selected + 1..self.rows.len()).find(|i| !self.is_doc(*i));
        if let Some(i) = next.and_then(|h| self.first_doc(h)) {
            self.selected = i;
            self.move_by(0, height);
        }
    }

    /// To the first transcript of this case, or of the case before when already there.
    fn prev_case(&mut self, height: usize) {
        let Some(heading) = self.heading_before(self.selected) else {
            return;
        };
        let target = if self.selected > heading + 1 {
            Some(heading)
        } else {
            self.heading_before(heading)
        };
        if let Some(i) = target.and_then(|h| self.first_doc(h)) {
            self.selected = i;
            self.move_by(0, height);
        }
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

    fn case(n: &str) -> (DocRow, String) {
        (
            DocRow::Case {
                name: n.into(),
                group: "hög".into(),
            },
            format!("{n} hög"),
        )
    }

    fn doc(d: &str) -> (DocRow, String) {
        (DocRow::Doc { id: d.into() }, format!("{d} rektor"))
    }

    fn list() -> DocList {
        DocList::new(vec![case("A"), doc("a1"), doc("a2"), case("B"), doc("b1")])
    }

    fn shown(l: &DocList) -> Vec<String> {
        l.rows
            .iter()
            .map(|r| match r {
                DocRow::Case { name, .. } => format!("[{name}]"),
                DocRow::Doc { id } => id.clone(),
            })
            .collect()
    }

    #[test]
    fn moves_skip_case_headings_and_open_returns_the_transcript() {
        let mut l = list();
        assert_eq!(l.selected, 1);
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

    #[test]
    fn typing_narrows_by_id_or_case_and_esc_clears() {
        let mut l = list();
        l.update(Command::FilterDocs, 5);
        assert!(l.typing && l.shows_filter());
        l.input("A2", 5);
        assert_eq!(shown(&l), ["[A]", "a2"]);
        l.set_filter("b", 5);
        assert_eq!(
            shown(&l),
            ["[B]", "b1"],
            "the case name B matches its transcripts"
        );
        l.set_filter("hög a", 5);
        assert_eq!(shown(&l), ["[A]", "a1", "a2"], "every word must match");
        l.set_filter("zz", 5);
        assert_eq!((shown(&l).len(), l.counts()), (0, (0, 3)));
        assert_eq!(l.update(Command::Accept, 5), None, "Enter leaves the line");
        assert!(!l.typing);
        assert_eq!(l.update(Command::Open, 5), Some(DocsOutcome::Empty));
        l.update(Command::Cancel, 5);
        assert_eq!((shown(&l).len(), l.shows_filter()), (5, false));
    }

    #[test]
    fn the_selection_stays_on_its_transcript_and_one_match_opens_on_enter() {
        let mut l = list();
        l.update(Command::Bottom, 5);
        l.update(Command::FilterDocs, 5);
        l.input("1", 5);
        assert_eq!(shown(&l), ["[A]", "a1", "[B]", "b1"]);
        assert_eq!(l.rows[l.selected], DocRow::Doc { id: "b1".into() });
        l.filter_key(Command::Backspace, 5);
        assert_eq!(shown(&l).len(), 5);
        l.input("b", 5);
        assert_eq!(
            l.update(Command::Accept, 5),
            Some(DocsOutcome::Open("b1".into()))
        );
    }

    #[test]
    fn case_jumps_go_to_the_first_transcript_of_a_case() {
        let mut l = list();
        l.update(Command::NextCase, 5);
        assert_eq!(l.selected, 4);
        l.update(Command::NextCase, 5);
        assert_eq!(l.selected, 4, "no case after the last");
        l.update(Command::PrevCase, 5);
        assert_eq!(l.selected, 1);
        l.update(Command::Down, 5);
        l.update(Command::PrevCase, 5);
        assert_eq!(l.selected, 1, "first back to the start of this case");
    }
}
