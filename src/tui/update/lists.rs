//! The documents list, opening the segments screen, and mouse clicks on the workbench lists.

use crate::t;
use crate::tui::action::{Command, Effect, Mouse};
use crate::tui::app::{AppState, DocRow, Focus, Level, Screen};
use crate::tui::layout::{contains, keep_visible, scroll};
use crate::tui::picker::Purpose;

impl AppState {
    fn docs_height(&self) -> usize {
        self.panes()
            .docs
            .map_or(1, |r| r.height.saturating_sub(2) as usize)
    }

    fn is_doc(&self, i: usize) -> bool {
        matches!(self.docs.rows.get(i), Some(DocRow::Doc { .. }))
    }

    /// Moves the documents selection by `delta` rows, skipping case headings.
    fn docs_move(&mut self, delta: isize) {
        let n = self.docs.rows.len() as isize;
        let mut i = (self.docs.selected as isize + delta).clamp(0, (n - 1).max(0));
        let step = if delta >= 0 { 1 } else { -1 };
        while i >= 0 && i < n && !self.is_doc(i as usize) {
            i += step;
        }
        if i < 0 || i >= n {
            // Nothing in that direction: search the other way.
            i = (self.docs.selected as isize).clamp(0, (n - 1).max(0));
            while i >= 0 && i < n && !self.is_doc(i as usize) {
                i -= step;
            }
        }
        if i >= 0 && i < n {
            self.docs.selected = i as usize;
        }
        let h = self.docs_height();
        // Keep the case heading above the first document visible.
        let top_target = if self.docs.selected > 0 && !self.is_doc(self.docs.selected - 1) {
            self.docs.selected - 1
        } else {
            self.docs.selected
        };
        self.docs.top = keep_visible(self.docs.top.min(top_target), self.docs.selected, h);
    }

    pub(crate) fn docs_cmd(&mut self, c: Command) -> Vec<Effect> {
        let h = self.docs_height() as isize;
        match c {
            Command::Down => self.docs_move(1),
            Command::Up => self.docs_move(-1),
            Command::PageDown | Command::HalfPageDown => self.docs_move(h / 2),
            Command::PageUp | Command::HalfPageUp => self.docs_move(-h / 2),
            Command::Top => self.docs_move(-(self.docs.rows.len() as isize)),
            Command::Bottom => self.docs_move(self.docs.rows.len() as isize),
            Command::Open => {
                if let Some(DocRow::Doc { id }) = self.docs.rows.get(self.docs.selected).cloned() {
                    self.open_doc(&id, None);
                } else {
                    self.message(Level::Info, t!("tui-no-transcripts-hint"));
                }
            }
            _ => {}
        }
        Vec::new()
    }

    pub(crate) fn retrieve_cmd(&mut self) -> Vec<Effect> {
        match (self.focus, self.selected_code()) {
            (Focus::Codebook, Some(id)) if self.screen == Screen::Workbench => {
                self.show_segments(&id)
            }
            _ => self.picker(Purpose::Retrieve),
        }
        Vec::new()
    }

    pub(crate) fn show_segments(&mut self, code: &str) {
        self.screen = Screen::Retrieval;
        let cx = super::screens::shared!(self);
        self.retrieval.show(code, &cx);
    }

    /// Re-runs the segments screen's query (after codings, codebook or layers changed).
    pub(crate) fn refresh_retrieval(&mut self) {
        let cx = super::screens::shared!(self);
        self.retrieval.refresh(&cx);
    }

    /// Clicks and wheel on the documents and codebook panes.
    pub(crate) fn list_mouse(&mut self, m: Mouse) -> Vec<Effect> {
        let panes = self.panes();
        let (x, y, down) = match m {
            Mouse::Down { x, y } => (x, y, true),
            Mouse::ScrollDown { x, y } | Mouse::ScrollUp { x, y } => (x, y, false),
            _ => return Vec::new(),
        };
        let delta = if matches!(m, Mouse::ScrollUp { .. }) {
            Command::Up
        } else {
            Command::Down
        };
        if let Some(r) = panes.docs.filter(|r| contains(*r, x, y)) {
            self.focus_pane(Focus::Documents);
            if !down {
                return (0..3).flat_map(|_| self.docs_cmd(delta)).collect();
            }
            let h = r.height.saturating_sub(2) as usize;
            let top = scroll(self.docs.top, self.docs.selected, h, self.docs.rows.len());
            let i = top + y.saturating_sub(r.y + 1) as usize;
            if self.is_doc(i) && y > r.y {
                self.docs.selected = i;
                return self.docs_cmd(Command::Open);
            }
        } else if let Some(r) = panes.codebook.filter(|r| contains(*r, x, y)) {
            self.focus_pane(Focus::Codebook);
            if !down {
                return (0..3).flat_map(|_| self.tree_cmd(delta)).collect();
            }
            let (h, n) = (
                crate::tui::layout::tree_rows_height(r) as usize,
                self.tree_rows().len(),
            );
            let i = scroll(self.tree.top, self.tree.selected, h, n)
                + y.saturating_sub(r.y + 1) as usize;
            if i < n && y > r.y && y <= r.y + h as u16 {
                self.tree.selected = i;
            }
        }
        Vec::new()
    }

    /// Keeps list scroll positions valid after a resize.
    pub(crate) fn clamp_lists(&mut self) {
        let panes = self.panes();
        if let Some(r) = panes.docs {
            let h = r.height.saturating_sub(2) as usize;
            self.docs.top = scroll(self.docs.top, self.docs.selected, h, self.docs.rows.len());
        }
        if let Some(r) = panes.codebook {
            let h = crate::tui::layout::tree_rows_height(r) as usize;
            let n = self.tree_rows().len();
            self.tree.top = scroll(self.tree.top, self.tree.selected, h, n);
        }
        let cx = super::screens::shared!(self);
        self.retrieval.clamp(&cx);
    }
}
