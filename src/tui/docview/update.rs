//! The transcript pane's own keys: cursor, selection and scrolling in the open transcript. What is about
//! codings (code, uncode, memos) is handed back to the app.

use super::DocView;
use crate::model::Transcript;
use crate::tui::action::Command;
use crate::tui::motion as mo;
use crate::tui::wrap;

/// Lines the wheel scrolls per notch.
pub const WHEEL_LINES: isize = 3;

/// Text of display line `i`.
pub(crate) fn line_text<'a>(v: &DocView, t: &'a Transcript, i: usize) -> (&'a str, usize) {
    match v.lines().get(i) {
        Some(l) => (t.slice(l.start, l.end).unwrap_or(""), l.start),
        None => ("", 0),
    }
}

pub(crate) fn last_pos(t: &Transcript) -> usize {
    t.char_len().saturating_sub(1)
}

impl DocView {
    /// Handles one command on transcript `t` shown `height` lines high. Commands about codings are handed back.
    pub fn update(&mut self, c: Command, t: &Transcript, height: usize) -> Option<Command> {
        self.leave_kept_selection(c);
        let h = height as isize;
        let selecting = self.anchor.is_some();
        match c {
            Command::Down => self.move_lines(t, 1),
            Command::Up => self.move_lines(t, -1),
            Command::PageDown => self.move_lines(t, (h - 2).max(1)),
            Command::PageUp => self.move_lines(t, -(h - 2).max(1)),
            Command::HalfPageDown => self.move_lines(t, (h / 2).max(1)),
            Command::HalfPageUp => self.move_lines(t, -(h / 2).max(1)),
            Command::Left => self.step_grapheme(t, false),
            Command::Right => self.step_grapheme(t, true),
            Command::CenterCursor => {
                self.top = self.cursor_line().saturating_sub(height / 2);
                self.clamp_top(height);
                return None;
            }
            Command::Select => {
                self.anchor = if self.anchor.is_some() {
                    None
                } else {
                    Some(self.cursor)
                };
            }
            Command::SelectTurn => self.select_turn(t),
            Command::Cancel => self.anchor = None,
            Command::Code | Command::Uncode | Command::Memo | Command::DocMemo => return Some(c),
            other => self.motion(t, other, selecting),
        }
        self.cursor = self.cursor.min(last_pos(t));
        self.scroll_to_cursor(height);
        None
    }

    /// A selection kept after coding is there for one more code (or a memo, or an uncode); any other key
    /// leaves it, so `]`, `v`, `w` … work as they did before the coding.
    fn leave_kept_selection(&mut self, c: Command) {
        if !self.kept {
            return;
        }
        if matches!(
            c,
            Command::Code
                | Command::Uncode
                | Command::Memo
                | Command::DocMemo
                | Command::CenterCursor
        ) {
            return;
        }
        self.kept = false;
        if c != Command::SelectTurn {
            self.anchor = None;
        }
    }

    fn motion(&mut self, t: &Transcript, c: Command, selecting: bool) {
        let p = self.cursor;
        self.cursor = match c {
            Command::Top => t.turns.first().map_or(0, |tr| tr.label_start),
            Command::Bottom => last_pos(t),
            Command::LineStart => self.lines().get(self.cursor_line()).map_or(p, |l| l.start),
            Command::LineEnd => {
                let (text, start) = line_text(self, t, self.cursor_line());
                wrap::pos_at_col(text, start, usize::MAX)
            }
            Command::NextTurn => mo::next_turn(t, p),
            Command::PrevTurn => mo::prev_turn(t, p),
            Command::WordForward if selecting => mo::word_end_forward(t, p),
            Command::WordForward => mo::word_start_forward(t, p),
            Command::WordBackward => mo::word_start_backward(t, p),
            Command::SentenceForward => mo::sentence_forward(t, p, selecting),
            Command::SentenceBackward => mo::sentence_backward(t, p),
            Command::TurnForward if selecting => mo::turn_end_forward(t, p),
            Command::TurnForward => mo::next_turn(t, p),
            Command::TurnBackward => mo::turn_start_backward(t, p),
            _ => p,
        };
        self.want_col = None;
    }

    fn move_lines(&mut self, t: &Transcript, delta: isize) {
        let cur = self.cursor_line();
        let col = self.want_col.unwrap_or_else(|| {
            let (text, start) = line_text(self, t, cur);
            wrap::col_of(text, start, self.cursor)
        });
        let n = self.lines().len();
        let target = (cur as isize + delta).clamp(0, n.saturating_sub(1) as isize) as usize;
        let (text, start) = line_text(self, t, target);
        self.cursor = wrap::pos_at_col(text, start, col);
        self.want_col = Some(col);
    }

    fn step_grapheme(&mut self, t: &Transcript, forward: bool) {
        let line = self.cursor_line();
        let (text, start) = line_text(self, t, line);
        let cells: Vec<usize> = wrap::cells(text, start).map(|c| c.0).collect();
        let i = cells
            .partition_point(|&p| p <= self.cursor)
            .saturating_sub(1);
        let here = cells.get(i).copied();
        self.cursor = match (forward, here) {
            (true, _) => match cells.get(i + 1) {
                Some(&p) if here.is_some() => p,
                _ => self.lines().get(line + 1).map_or(self.cursor, |l| l.start),
            },
            (false, Some(p)) if p < self.cursor => p,
            (false, Some(_)) if i > 0 => cells[i - 1],
            (false, _) if line > 0 => {
                let (pt, ps) = line_text(self, t, line - 1);
                wrap::pos_at_col(pt, ps, usize::MAX)
            }
            (false, _) => self.cursor,
        };
        self.want_col = None;
    }

    fn select_turn(&mut self, t: &Transcript) {
        let Some(turn) = t.turn_at(self.cursor) else {
            return;
        };
        let Some((s, e)) = mo::turn_span(t, turn) else {
            return;
        };
        match self.anchor {
            // Extending: the selection grows to cover this whole turn too.
            Some(a) => {
                let (lo, hi) = (a.min(self.cursor).min(s), a.max(self.cursor).max(e));
                self.anchor = Some(lo);
                self.cursor = hi;
            }
            None => {
                self.anchor = Some(s);
                self.cursor = e;
            }
        }
        self.want_col = None;
    }

    /// Scrolls by `delta` lines, moving the cursor only as far as needed to stay on screen.
    pub fn scroll_by(&mut self, t: &Transcript, delta: isize, height: usize) {
        self.top = (self.top as isize + delta).max(0) as usize;
        self.clamp_top(height);
        let line = self.cursor_line();
        let target = line.clamp(
            self.top,
            (self.top + height)
                .saturating_sub(1)
                .min(self.lines().len().saturating_sub(1)),
        );
        if target != line {
            let (text, start) = line_text(self, t, target);
            self.cursor = wrap::pos_at_col(text, start, self.want_col.unwrap_or(0));
        }
    }

    /// Char offset at column `col` of visible row `row` (clamped to the lines there are).
    pub fn pos_at_row(&self, t: &Transcript, row: usize, col: usize) -> usize {
        let line = (self.top + row).min(self.lines().len().saturating_sub(1));
        let (text, start) = line_text(self, t, line);
        wrap::pos_at_col(text, start, col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Transcript;

    fn doc() -> Transcript {
        Transcript::parse(
            "Intervjuare: Hur började ni?\n\nIP: Vi började med en policy. Sedan kom resten.\n",
            "a",
        )
        .unwrap()
    }

    #[test]
    fn select_turn_then_kept_selection_is_left_by_a_motion() {
        let t = doc();
        let mut v = DocView::new(&t, 40);
        assert_eq!(v.update(Command::SelectTurn, &t, 10), None);
        let sel = v.selection().unwrap();
        assert_eq!(sel.0, t.turns[0].start);
        assert!(t.slice(sel.0, sel.1).unwrap().starts_with("Hur började ni"));
        // Coding commands are the app's; the selection stays for them.
        assert_eq!(v.update(Command::Code, &t, 10), Some(Command::Code));
        v.kept = true;
        assert_eq!(v.update(Command::Memo, &t, 10), Some(Command::Memo));
        assert!(v.anchor.is_some());
        v.update(Command::WordForward, &t, 10);
        assert!(v.anchor.is_none() && !v.kept);
    }

    #[test]
    fn moves_stay_inside_the_text() {
        let t = doc();
        let mut v = DocView::new(&t, 12);
        for _ in 0..50 {
            v.update(Command::Down, &t, 3);
        }
        assert_eq!(v.cursor_line(), v.lines().len() - 1);
        v.update(Command::Bottom, &t, 3);
        assert_eq!(v.cursor, last_pos(&t));
        v.scroll_by(&t, -100, 3);
        assert!(v.cursor_line() < 3 && v.top == 0);
    }
}
