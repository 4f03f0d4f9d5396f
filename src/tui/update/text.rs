//! Cursor, selection and scrolling in the open transcript, by key and by mouse.

use crate::model::Transcript;
use crate::t;
use crate::tui::action::{Command, Effect, Mouse};
use crate::tui::app::{AppState, Focus, Level, Overlay, Screen};
use crate::tui::docview::DocView;
use crate::tui::layout::contains;
use crate::tui::motion as mo;
use crate::tui::picker::{Picker, Purpose};
use crate::tui::wrap;

/// Text of display line `i`.
fn line_text<'a>(v: &DocView, t: &'a Transcript, i: usize) -> (&'a str, usize) {
    match v.lines().get(i) {
        Some(l) => (t.slice(l.start, l.end).unwrap_or(""), l.start),
        None => ("", 0),
    }
}

fn last_pos(t: &Transcript) -> usize {
    t.char_len().saturating_sub(1)
}

impl AppState {
    fn height(&self) -> usize {
        self.text_geom().map_or(1, |g| g.height as usize)
    }

    /// Runs `f` on the open view and its transcript, then keeps the cursor visible.
    fn with_view(&mut self, f: impl FnOnce(&mut DocView, &Transcript)) {
        let h = self.height();
        if let Some(v) = self.view.as_mut()
            && let Some(t) = self.project.transcripts.get(&v.doc)
        {
            f(v, t);
            v.cursor = v.cursor.min(last_pos(t));
            v.scroll_to_cursor(h);
        }
    }

    pub(crate) fn text_cmd(&mut self, c: Command) -> Vec<Effect> {
        if self.view.is_none() {
            if c != Command::Cancel {
                self.message(Level::Info, t!("tui-no-transcript-open"));
            }
            return Vec::new();
        }
        self.leave_kept_selection(c);
        let h = self.height() as isize;
        let selecting = self.view.as_ref().is_some_and(|v| v.anchor.is_some());
        match c {
            Command::Down => self.move_lines(1),
            Command::Up => self.move_lines(-1),
            Command::PageDown => self.move_lines((h - 2).max(1)),
            Command::PageUp => self.move_lines(-(h - 2).max(1)),
            Command::HalfPageDown => self.move_lines((h / 2).max(1)),
            Command::HalfPageUp => self.move_lines(-(h / 2).max(1)),
            Command::Left => self.step_grapheme(false),
            Command::Right => self.step_grapheme(true),
            Command::CenterCursor => {
                if let Some(v) = self.view.as_mut() {
                    v.top = v.cursor_line().saturating_sub(h as usize / 2);
                    v.clamp_top(h as usize);
                }
            }
            Command::Select => self.with_view(|v, _| {
                v.anchor = if v.anchor.is_some() {
                    None
                } else {
                    Some(v.cursor)
                };
            }),
            Command::SelectTurn => self.select_turn(),
            Command::Cancel => self.with_view(|v, _| v.anchor = None),
            Command::Code => return self.open_code_picker(),
            Command::Uncode => return self.uncode(),
            Command::Memo => return self.memo_on_coding(),
            Command::DocMemo => return self.doc_memo(),
            other => self.motion(other, selecting),
        }
        Vec::new()
    }

    /// A selection kept after coding is there for one more code (or a memo, or an uncode); any other key
    /// leaves it, so `]`, `v`, `w` … work as they did before the coding.
    fn leave_kept_selection(&mut self, c: Command) {
        let Some(v) = self.view.as_mut().filter(|v| v.kept) else {
            return;
        };
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
        v.kept = false;
        if c != Command::SelectTurn {
            v.anchor = None;
        }
    }

    fn motion(&mut self, c: Command, selecting: bool) {
        self.with_view(|v, t| {
            let p = v.cursor;
            v.cursor = match c {
                Command::Top => t.turns.first().map_or(0, |tr| tr.label_start),
                Command::Bottom => last_pos(t),
                Command::LineStart => v.lines().get(v.cursor_line()).map_or(p, |l| l.start),
                Command::LineEnd => {
                    let (text, start) = line_text(v, t, v.cursor_line());
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
            v.want_col = None;
        });
    }

    fn move_lines(&mut self, delta: isize) {
        self.with_view(|v, t| {
            let cur = v.cursor_line();
            let col = v.want_col.unwrap_or_else(|| {
                let (text, start) = line_text(v, t, cur);
                wrap::col_of(text, start, v.cursor)
            });
            let n = v.lines().len();
            let target = (cur as isize + delta).clamp(0, n.saturating_sub(1) as isize) as usize;
            let (text, start) = line_text(v, t, target);
            v.cursor = wrap::pos_at_col(text, start, col);
            v.want_col = Some(col);
        });
    }

    fn step_grapheme(&mut self, forward: bool) {
        self.with_view(|v, t| {
            let line = v.cursor_line();
            let (text, start) = line_text(v, t, line);
            let cells: Vec<usize> = wrap::cells(text, start).map(|c| c.0).collect();
            let i = cells.partition_point(|&p| p <= v.cursor).saturating_sub(1);
            let here = cells.get(i).copied();
            v.cursor = match (forward, here) {
                (true, _) => match cells.get(i + 1) {
                    Some(&p) if here.is_some() => p,
                    _ => v.lines().get(line + 1).map_or(v.cursor, |l| l.start),
                },
                (false, Some(p)) if p < v.cursor => p,
                (false, Some(_)) if i > 0 => cells[i - 1],
                (false, _) if line > 0 => {
                    let (pt, ps) = line_text(v, t, line - 1);
                    wrap::pos_at_col(pt, ps, usize::MAX)
                }
                (false, _) => v.cursor,
            };
            v.want_col = None;
        });
    }

    fn select_turn(&mut self) {
        self.with_view(|v, t| {
            let Some(turn) = t.turn_at(v.cursor) else {
                return;
            };
            let Some((s, e)) = mo::turn_span(t, turn) else {
                return;
            };
            match v.anchor {
                // Extending: the selection grows to cover this whole turn too.
                Some(a) => {
                    let (lo, hi) = (a.min(v.cursor).min(s), a.max(v.cursor).max(e));
                    v.anchor = Some(lo);
                    v.cursor = hi;
                }
                None => {
                    v.anchor = Some(s);
                    v.cursor = e;
                }
            }
            v.want_col = None;
        });
    }

    fn open_code_picker(&mut self) -> Vec<Effect> {
        if !self.writable() {
            return Vec::new();
        }
        if self.view.as_ref().and_then(|v| v.selection()).is_none() {
            self.message(Level::Info, t!("tui-select-first"));
            return Vec::new();
        }
        self.overlay = Some(Overlay::Picker(Picker::new(
            Purpose::Apply,
            &self.project.codebook,
        )));
        Vec::new()
    }

    /// Char offset under a screen cell in the transcript text (clamped to the visible lines).
    fn pos_at(&self, x: u16, y: u16) -> Option<usize> {
        let g = self.text_geom()?;
        let v = self.view.as_ref()?;
        let t = self.doc()?;
        let row = (y.max(g.y).min(g.y + g.height.saturating_sub(1)) - g.y) as usize;
        let line = (v.top + row).min(v.lines().len().saturating_sub(1));
        let (text, start) = line_text(v, t, line);
        let col = x.saturating_sub(g.text_x) as usize;
        Some(wrap::pos_at_col(text, start, col))
    }

    pub(crate) fn mouse(&mut self, m: crate::tui::action::Mouse) -> Vec<Effect> {
        if self.overlay.is_some() {
            return Vec::new();
        }
        if matches!(
            self.screen,
            Screen::Retrieval | Screen::Summary | Screen::Agreement
        ) {
            return self.screen_mouse(m);
        }
        let panes = self.panes();
        let in_text = |x, y| panes.transcript.is_some_and(|r| contains(r, x, y));
        match m {
            Mouse::Down { x, y } if in_text(x, y) => {
                self.focus_pane(Focus::Transcript);
                let pos = self.pos_at(x, y);
                if let (Some(p), Some(v)) = (pos, self.view.as_mut()) {
                    v.cursor = p;
                    v.anchor = None;
                    v.kept = false;
                    v.want_col = None;
                }
                self.mouse_down = pos;
            }
            Mouse::Drag { x, y } => {
                let (Some(down), Some(pos)) = (self.mouse_down, self.pos_at(x, y)) else {
                    return Vec::new();
                };
                let edge: isize = match self.text_geom() {
                    Some(g) if y < g.y => -1,
                    Some(g) if y >= g.y + g.height => 1,
                    _ => 0,
                };
                self.with_view(|v, _| {
                    v.anchor = Some(down);
                    v.cursor = pos;
                    if edge != 0 {
                        v.top = (v.top as isize + edge).max(0) as usize;
                    }
                });
            }
            Mouse::Up => {
                self.mouse_down = None;
                if let Some(v) = self.view.as_mut()
                    && v.anchor == Some(v.cursor)
                {
                    v.anchor = None;
                }
            }
            Mouse::ScrollDown { x, y } if in_text(x, y) => self.scroll_text(3),
            Mouse::ScrollUp { x, y } if in_text(x, y) => self.scroll_text(-3),
            other => return self.list_mouse(other),
        }
        Vec::new()
    }

    /// Scrolls the transcript, moving the cursor only as far as needed to stay on screen.
    fn scroll_text(&mut self, delta: isize) {
        let h = self.height();
        let Some(v) = self.view.as_mut() else { return };
        let Some(t) = self.project.transcripts.get(&v.doc) else {
            return;
        };
        v.top = (v.top as isize + delta).max(0) as usize;
        v.clamp_top(h);
        let line = v.cursor_line();
        let target = line.clamp(
            v.top,
            (v.top + h)
                .saturating_sub(1)
                .min(v.lines().len().saturating_sub(1)),
        );
        if target != line {
            let (text, start) = line_text(v, t, target);
            v.cursor = wrap::pos_at_col(text, start, v.want_col.unwrap_or(0));
        }
    }

    pub(crate) fn focus_pane(&mut self, f: Focus) {
        if self.focus != f {
            self.focus = f;
            self.relayout();
        }
    }

    /// Opens a transcript with the cursor at `pos` (the first turn when None).
    pub(crate) fn open_doc(&mut self, id: &str, pos: Option<usize>) {
        self.focus = Focus::Transcript;
        self.screen = Screen::Workbench;
        let Some(g) = self.text_geom() else { return };
        let Some(t) = self.project.transcripts.get(id) else {
            self.message(Level::Error, t!("tui-no-such-doc", id = id));
            return;
        };
        if let Some(old) = self.view.as_ref().filter(|v| v.doc != id) {
            self.positions.insert(old.doc.clone(), old.cursor);
        }
        let pos = pos.or_else(|| self.positions.get(id).copied());
        if self.view.as_ref().is_none_or(|v| v.doc != id) {
            self.view = Some(DocView::new(t, g.text_w as usize));
        }
        if let Some(v) = self.view.as_mut()
            && let Some(p) = pos
        {
            v.cursor = p.min(last_pos(t));
            v.anchor = None;
            v.top = v.cursor_line().saturating_sub(2);
        }
        self.recompute();
        self.relayout();
    }
}
