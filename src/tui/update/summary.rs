//! The group comparison screen: moving between cells, layers and the chart, and the segments behind a number.

use super::lists::list_motion;
use crate::tui::action::{Command, Effect, Mouse};
use crate::tui::app::{AppState, Level, Screen};
use crate::tui::layout::{contains, keep_visible};
use crate::tui::update::SEGMENT_ROWS;

/// Lines above the first table row inside the frame: the layer line and two header lines.
pub const TABLE_HEAD: u16 = 3;

impl AppState {
    pub(crate) fn open_summary(&mut self) -> Vec<Effect> {
        self.screen = Screen::Summary;
        self.refresh_summary();
        self.summary_scroll();
        Vec::new()
    }

    /// Recomputes the numbers when the screen is shown; otherwise forgets them until it is opened again.
    pub(crate) fn refresh_summary(&mut self) {
        if self.screen == Screen::Summary {
            self.summary
                .refresh(&self.project, &self.coder, self.layers.blind);
        } else {
            self.summary.data = None;
        }
    }

    /// Rows of the table (or chart lines) that fit on the screen.
    fn summary_page(&self) -> usize {
        let h = self.panes().main.height.saturating_sub(2 + TABLE_HEAD) as usize;
        if self.summary.chart {
            let groups = self.summary.summary().map_or(2, |s| s.groups.len());
            (h / groups.max(1)).max(1)
        } else {
            h.max(1)
        }
    }

    fn summary_rows(&self) -> usize {
        self.summary.summary().map_or(0, |s| s.rows.len())
    }

    fn summary_move(&mut self, delta: isize) {
        let n = self.summary_rows() as isize;
        if n == 0 {
            return;
        }
        self.summary.row = (self.summary.row as isize + delta).clamp(0, n - 1) as usize;
        self.summary_scroll();
    }

    /// Keeps the selected row on screen.
    fn summary_scroll(&mut self) {
        let page = self.summary_page();
        self.summary.top = keep_visible(self.summary.top, self.summary.row, page);
        let page = (self.panes().main.height.saturating_sub(3) as usize / SEGMENT_ROWS).max(1);
        if let Some(l) = self.summary.list.as_mut() {
            l.top = keep_visible(l.top, l.selected, page);
        }
    }

    pub(crate) fn summary_cmd(&mut self, c: Command) -> Vec<Effect> {
        let page = self.summary_page() as isize;
        let groups = self.summary.summary().map_or(0, |s| s.groups.len());
        // The chart has a bar per group and none for the total.
        let cols = if self.summary.chart && groups > 0 {
            groups
        } else {
            groups + 1
        };
        match c {
            Command::Down => self.summary_move(1),
            Command::Up => self.summary_move(-1),
            Command::PageDown | Command::HalfPageDown => self.summary_move(page),
            Command::PageUp | Command::HalfPageUp => self.summary_move(-page),
            Command::Top => self.summary_move(-(isize::MAX / 2)),
            Command::Bottom => self.summary_move(isize::MAX / 2),
            Command::Left => self.summary.col = self.summary.col.saturating_sub(1),
            Command::Right => self.summary.col = (self.summary.col + 1).min(cols - 1),
            Command::ShowCell => self.show_cell(),
            Command::CycleLayer => self.cycle_layer(),
            Command::ToggleChart => {
                self.summary.chart = !self.summary.chart;
                self.summary.top = 0;
                if self.summary.chart && groups > 0 {
                    self.summary.col = self.summary.col.min(groups - 1);
                }
                self.summary_move(0);
            }
            Command::Cancel => self.screen = Screen::Workbench,
            _ => {}
        }
        Vec::new()
    }

    fn show_cell(&mut self) {
        let Some(code) = self
            .summary
            .summary()
            .and_then(|s| s.rows.get(self.summary.row))
            .map(|r| r.code.clone())
        else {
            return;
        };
        let list = self
            .summary
            .open_list(&self.project, &code, self.summary.col);
        if list.as_ref().is_some_and(|l| l.rows.is_empty()) {
            self.message(Level::Info, "No segments behind this number.");
            return;
        }
        self.summary.list = list;
    }

    fn cycle_layer(&mut self) {
        if self.layers.blind {
            self.message(
                Level::Warn,
                "Blind mode is on: only your own codings are counted (B turns it off).",
            );
            return;
        }
        self.summary.layer = self.summary.layer.next();
        self.summary.list = None;
        self.refresh_summary();
        let label = self.summary.layer.label(&self.coder);
        self.message(Level::Info, format!("Counting {label}."));
        self.summary_scroll();
    }

    pub(crate) fn summary_list_cmd(&mut self, c: Command) -> Vec<Effect> {
        let page = (self.panes().main.height.saturating_sub(3) as usize / SEGMENT_ROWS).max(1);
        let Some(list) = self.summary.list.as_mut() else {
            return Vec::new();
        };
        let sel = list.selected;
        let last = list.rows.len().saturating_sub(1);
        list.selected = list_motion(c, sel, last, page);
        list.top = keep_visible(list.top, list.selected, page);
        match c {
            Command::Jump => {
                if let Some(s) = list.rows.get(sel).cloned() {
                    self.open_doc(&s.doc, Some(s.start));
                    if s.coder != self.coder && !self.layers.blind && !self.layers.others {
                        self.layers.others = true;
                        self.recompute();
                    }
                }
            }
            Command::Cancel => self.summary.list = None,
            _ => {}
        }
        Vec::new()
    }

    pub(crate) fn summary_mouse(&mut self, m: Mouse) -> Vec<Effect> {
        let main = self.panes().main;
        let in_list = self.summary.list.is_some();
        match m {
            Mouse::ScrollDown { .. } if in_list => self.summary_list_cmd(Command::Down),
            Mouse::ScrollUp { .. } if in_list => self.summary_list_cmd(Command::Up),
            Mouse::ScrollDown { .. } => self.summary_cmd(Command::Down),
            Mouse::ScrollUp { .. } => self.summary_cmd(Command::Up),
            Mouse::Down { x, y }
                if !in_list
                    && !self.summary.chart
                    && contains(main, x, y)
                    && y > main.y + TABLE_HEAD =>
            {
                let i = self.summary.top + (y - main.y - 1 - TABLE_HEAD) as usize;
                if i < self.summary_rows() {
                    self.summary.row = i;
                }
                Vec::new()
            }
            _ => Vec::new(),
        }
    }
}
