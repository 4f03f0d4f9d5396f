//! Cursor, selection and scrolling in the open transcript, by key and by mouse.

use crate::model::Transcript;
use crate::t;
use crate::tui::action::{Command, Effect, Mouse};
use crate::tui::app::{AppState, Focus, Level, Overlay, Screen};
use crate::tui::docview::{DocView, WHEEL_LINES, last_pos};
use crate::tui::layout::contains;
use crate::tui::picker::{Picker, Purpose};

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
        let h = self.height();
        let mut handed_back = None;
        if let Some(v) = self.view.as_mut()
            && let Some(t) = self.project.transcripts.get(&v.doc)
        {
            handed_back = v.update(c, t, h);
        }
        match handed_back {
            Some(Command::Code) => self.open_code_picker(),
            Some(Command::Uncode) => self.uncode(),
            Some(Command::Memo) => self.memo_on_coding(),
            Some(Command::DocMemo) => self.doc_memo(),
            _ => Vec::new(),
        }
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
        Some(v.pos_at_row(t, row, x.saturating_sub(g.text_x) as usize))
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
            Mouse::ScrollDown { x, y } if in_text(x, y) => self.scroll_text(WHEEL_LINES),
            Mouse::ScrollUp { x, y } if in_text(x, y) => self.scroll_text(-WHEEL_LINES),
            other => return self.list_mouse(other),
        }
        Vec::new()
    }

    /// Scrolls the transcript, moving the cursor only as far as needed to stay on screen.
    fn scroll_text(&mut self, delta: isize) {
        let h = self.height();
        if let Some(v) = self.view.as_mut()
            && let Some(t) = self.project.transcripts.get(&v.doc)
        {
            v.scroll_by(t, delta, h);
        }
    }

    pub(crate) fn focus_pane(&mut self, f: Focus) {
        if f != Focus::Documents {
            self.docs.typing = false;
        }
        if self.focus != f {
            self.focus = f;
            self.relayout();
        }
    }

    /// Opens a transcript with the cursor at `pos` (the first turn when None).
    pub(crate) fn open_doc(&mut self, id: &str, pos: Option<usize>) {
        self.focus = Focus::Transcript;
        self.docs.typing = false;
        self.screen = Screen::Workbench;
        let Some(g) = self.text_geom() else { return };
        if !self.ensure_text(id) {
            return;
        }
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
