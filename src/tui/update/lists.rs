//! The documents list, opening the segments screen, and mouse clicks on the workbench lists.

use crate::t;
use crate::tui::action::{Command, Effect, Mouse};
use crate::tui::app::{AppState, Focus, Level, Screen};
use crate::tui::doclist::DocsOutcome;
use crate::tui::docview::WHEEL_LINES;
use crate::tui::layout::{contains, scroll};
use crate::tui::picker::Purpose;

impl AppState {
    /// Rows of the documents list on screen (the pane without its border and filter line).
    pub(crate) fn docs_height(&self) -> usize {
        let inner = self
            .panes()
            .docs
            .map_or(1, |r| r.height.saturating_sub(2) as usize);
        self.docs.list_height(inner).max(1)
    }

    pub(crate) fn docs_cmd(&mut self, c: Command) -> Vec<Effect> {
        let h = self.docs_height();
        match self.docs.update(c, h) {
            Some(DocsOutcome::Open(id)) => self.open_doc(&id, None),
            Some(DocsOutcome::Empty) if self.docs.shows_filter() => {
                let filter = self.docs.filter.text();
                self.message(Level::Info, t!("tui-docs-no-match", filter = filter));
            }
            Some(DocsOutcome::Empty) => self.message(Level::Info, t!("tui-no-transcripts-hint")),
            None => {}
        }
        Vec::new()
    }

    /// Text typed into the documents filter.
    pub(crate) fn docs_input(&mut self, s: &str) -> Vec<Effect> {
        let h = self.docs_height();
        self.docs.input(s, h);
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
                return (0..WHEEL_LINES)
                    .flat_map(|_| self.docs_cmd(delta))
                    .collect();
            }
            let h = self.docs_height();
            let top = scroll(self.docs.top, self.docs.selected, h, self.docs.rows.len());
            let i = top + y.saturating_sub(r.y + 1) as usize;
            if self.docs.is_doc(i) && y > r.y && y <= r.y + h as u16 {
                self.docs.selected = i;
                return self.docs_cmd(Command::Open);
            }
        } else if let Some(r) = panes.codebook.filter(|r| contains(*r, x, y)) {
            self.focus_pane(Focus::Codebook);
            if !down {
                return (0..WHEEL_LINES)
                    .flat_map(|_| self.tree_cmd(delta))
                    .collect();
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
        if panes.docs.is_some() {
            let h = self.docs_height();
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
