//! The open transcript: cursor, selection, scroll, wrapped lines cached per width, and coding marks in lanes.

use super::wrap::{self, VLine};
use crate::model::{CoderFile, Transcript};

mod update;
pub use update::WHEEL_LINES;
pub(crate) use update::last_pos;

/// Wrapped layouts kept (e.g. the widths with and without a side pane).
const WRAP_CACHE: usize = 3;

/// A coding drawn in the transcript: mine (`coder` None) or another coder's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub code: String,
    pub id: String,
    pub coder: Option<String>,
    /// Stripe column, 0 leftmost; mine come before others'.
    pub lane: usize,
}

#[derive(Debug, Clone)]
pub struct DocView {
    pub doc: String,
    pub cursor: usize,
    /// Where the selection started; Some while selecting.
    pub anchor: Option<usize>,
    /// The selection was kept after coding it, for a second code: a motion leaves it instead of extending it.
    pub kept: bool,
    /// Display column kept while moving up and down.
    pub want_col: Option<usize>,
    /// First visible display line.
    pub top: usize,
    /// Wrapped lines per width, the current width first.
    wraps: Vec<(usize, Vec<VLine>)>,
    /// Marks sorted by start.
    pub marks: Vec<Mark>,
    pub lanes: usize,
}

impl DocView {
    pub fn new(doc: &Transcript, width: usize) -> DocView {
        let cursor = doc.turns.first().map_or(0, |t| t.start);
        DocView {
            doc: doc.id.clone(),
            cursor,
            anchor: None,
            kept: false,
            want_col: None,
            top: 0,
            wraps: vec![(width, wrap::wrap(&doc.text, width))],
            marks: Vec::new(),
            lanes: 0,
        }
    }

    pub fn width(&self) -> usize {
        self.wraps.first().map_or(0, |w| w.0)
    }

    pub fn lines(&self) -> &[VLine] {
        self.wraps.first().map_or(&[], |w| w.1.as_slice())
    }

    /// Switches to `width`, re-wrapping only when that width is not cached; keeps the cursor line in view.
    pub fn set_width(&mut self, doc: &Transcript, width: usize) {
        if self.width() == width {
            return;
        }
        let cursor_row = self.cursor_line().saturating_sub(self.top);
        match self.wraps.iter().position(|w| w.0 == width) {
            Some(i) => {
                let w = self.wraps.remove(i);
                self.wraps.insert(0, w);
            }
            None => {
                self.wraps.insert(0, (width, wrap::wrap(&doc.text, width)));
                self.wraps.truncate(WRAP_CACHE);
            }
        }
        self.top = self.cursor_line().saturating_sub(cursor_row);
    }

    pub fn cursor_line(&self) -> usize {
        wrap::line_of(self.lines(), self.cursor)
    }

    /// The selected span `[start, end)`: from the anchor to the cursor, both included.
    pub fn selection(&self) -> Option<(usize, usize)> {
        let a = self.anchor?;
        Some((a.min(self.cursor), a.max(self.cursor) + 1))
    }

    /// Scrolls so the cursor line is visible with a little context.
    pub fn scroll_to_cursor(&mut self, height: usize) {
        let line = self.cursor_line();
        let h = height.max(1);
        let off = if h > 6 { 2 } else { 0 };
        if line < self.top + off {
            self.top = line.saturating_sub(off);
        } else if line + off >= self.top + h {
            self.top = (line + off + 1).saturating_sub(h);
        }
        self.clamp_top(h);
    }

    pub fn clamp_top(&mut self, height: usize) {
        let max = self.lines().len().saturating_sub(height.max(1));
        self.top = self.top.min(max);
    }

    /// Rebuilds the marks from my codings and, when shown, the other coders'.
    pub fn set_marks(&mut self, mine: Option<&CoderFile>, others: &[(&str, &CoderFile)]) {
        let mut marks: Vec<Mark> = Vec::new();
        let mut lanes_end: Vec<usize> = Vec::new();
        let mut add =
            |file: &CoderFile, coder: Option<&str>, lanes_end: &mut Vec<usize>, base: usize| {
                let mut list: Vec<_> = file.for_doc(&self.doc).collect();
                list.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
                for c in list {
                    let lane = match lanes_end[base..].iter().position(|&e| e <= c.start) {
                        Some(i) => base + i,
                        None => {
                            lanes_end.push(0);
                            lanes_end.len() - 1
                        }
                    };
                    lanes_end[lane] = c.end;
                    marks.push(Mark {
                        start: c.start,
                        end: c.end,
                        code: c.code.clone(),
                        id: c.id.clone(),
                        coder: coder.map(str::to_string),
                        lane,
                    });
                }
            };
        if let Some(f) = mine {
            add(f, None, &mut lanes_end, 0);
        }
        for (name, f) in others {
            let base = lanes_end.len();
            add(f, Some(name), &mut lanes_end, base);
        }
        marks.sort_by_key(|m| (m.start, m.lane));
        self.lanes = lanes_end.len();
        self.marks = marks;
    }

    /// Marks overlapping the display line `[start, end)`. A mark starting at `end` belongs to the next line: counting
    /// it here drew its stripe (and label) one line above its passage, and the label again on the passage's line.
    pub fn marks_in(&self, start: usize, end: usize) -> impl Iterator<Item = &Mark> {
        let upto = self.marks.partition_point(|m| m.start < end.max(start + 1));
        self.marks[..upto].iter().filter(move |m| m.end > start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Coding;

    #[test]
    fn lanes_and_width_cache() {
        let t = Transcript::parse("Respondent: aaa bbb ccc ddd eee\n", "d").unwrap();
        let mut f = CoderFile::new("a");
        let now = chrono::Utc::now();
        f.insert(Coding::new(&t, 12, 20, "x", now).unwrap());
        f.insert(Coding::new(&t, 16, 24, "y", now).unwrap());
        f.insert(Coding::new(&t, 24, 27, "z", now).unwrap());
        let mut other = CoderFile::new("b");
        other.insert(Coding::new(&t, 12, 15, "x", now).unwrap());
        let mut v = DocView::new(&t, 10);
        v.set_marks(Some(&f), &[("b", &other)]);
        let lanes: Vec<_> = v.marks.iter().map(|m| (m.code.as_str(), m.lane)).collect();
        assert_eq!(lanes, vec![("x", 0), ("x", 2), ("y", 1), ("z", 0)]);
        assert_eq!(v.lanes, 3);
        assert_eq!(v.marks_in(20, 22).count(), 1);
        // z starts where the line [20, 24) ends: it is drawn from the next line on.
        assert!(v.marks_in(20, 24).all(|m| m.code != "z"));
        assert_eq!(
            v.marks_in(24, 24).count(),
            1,
            "an empty line shows what starts there"
        );
        let n10 = v.lines().len();
        v.set_width(&t, 40);
        assert_eq!(v.lines().len(), 1);
        v.set_width(&t, 10);
        assert_eq!(v.lines().len(), n10);
        assert_eq!(v.wraps.len(), 2);
    }
}
