//! The group comparison screen: its state (which layer, which cell, table or chart, the segments behind a cell)
//! and its `update`.

use super::action::{Command, Effect, Mouse};
use super::app::Level;
use super::layout::{contains, keep_visible};
use super::retrieval::{Segment, segment_of, sort_segments};
use super::screen::{Request, Shared, list_motion, segment_page};
use crate::analysis::summary::{Cell, Summary, compute_with};
use crate::analysis::{AnalysisError, Layer, codings_by_ids};
use crate::model::CONSENSUS_CODER;
use crate::store::Project;
use crate::store::stats::{self, DocStats};
use crate::t;

/// Which codings are counted: all coders merged (what `kodbok summary` counts by default), the current coder's,
/// or the consensus file. The last choice is remembered per coder (`uistate`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LayerChoice {
    #[default]
    AllCoders,
    Mine,
    Consensus,
}

impl LayerChoice {
    pub fn next(self) -> LayerChoice {
        match self {
            LayerChoice::AllCoders => LayerChoice::Mine,
            LayerChoice::Mine => LayerChoice::Consensus,
            LayerChoice::Consensus => LayerChoice::AllCoders,
        }
    }

    pub fn layer(self, me: &str) -> Layer {
        match self {
            LayerChoice::Mine => Layer::Coder(me.to_string()),
            LayerChoice::AllCoders => Layer::AllCoders,
            LayerChoice::Consensus => Layer::Consensus,
        }
    }

    /// How the screen names the layer.
    pub fn label(self, me: &str) -> String {
        match self {
            LayerChoice::Mine => t!("tui-layer-mine", coder = crate::tui::views::coder_name(me)),
            LayerChoice::AllCoders => t!("tui-layer-all"),
            LayerChoice::Consensus => {
                t!(
                    "tui-layer-consensus",
                    file = format!("{CONSENSUS_CODER}.json")
                )
            }
        }
    }
}

/// The segments behind one cell of the table.
#[derive(Debug, Clone, Default)]
pub struct CellList {
    pub code: String,
    /// Group column index; `groups.len()` is the total.
    pub col: usize,
    pub rows: Vec<Segment>,
    pub selected: usize,
    pub top: usize,
}

#[derive(Debug, Clone, Default)]
pub struct SummaryView {
    pub layer: LayerChoice,
    /// The numbers, or why there are none; None until the screen is first shown (and when stale).
    pub data: Option<Result<Summary, String>>,
    /// Selected row of `Summary::rows`.
    pub row: usize,
    /// Selected column: a group index, or `groups.len()` for all cases.
    pub col: usize,
    pub top: usize,
    /// The bar chart instead of the table.
    pub chart: bool,
    pub list: Option<CellList>,
    /// Every transcript's statistics while the screen is shown (the numbers need no text).
    pub docs: Option<Vec<DocStats>>,
}

/// The statistics of every transcript of `p`, its text read or not: from the cache, checked against
/// the files (`store::stats`). None when the files do not give them (a file is not a clean transcript,
/// or they are not the transcripts `p` knows): then every text must be read.
pub fn doc_stats(p: &Project) -> Option<Vec<DocStats>> {
    if p.unread.is_empty() {
        return Some(stats::for_project(p));
    }
    let docs = stats::from_files(&p.root).ok()??;
    let ids = p.doc_ids();
    let same = docs.len() == ids.len() && docs.iter().zip(&ids).all(|(d, id)| d.id == *id);
    same.then_some(docs)
}

impl SummaryView {
    pub fn summary(&self) -> Option<&Summary> {
        self.data.as_ref().and_then(|d| d.as_ref().ok())
    }

    /// The selected cell and its group value (None for the total column).
    pub fn cell(&self) -> Option<(&Cell, Option<&str>)> {
        let s = self.summary()?;
        let row = s.rows.get(self.row)?;
        match s.groups.get(self.col) {
            Some(g) => Some((row.cells.get(self.col)?, g.value.as_deref())),
            None => Some((&row.total, None)),
        }
    }

    /// Recomputes the numbers for `coder` (blind mode keeps only the coder's own layer) and the open list.
    /// The transcripts' statistics are taken once while the screen is shown (`docs`, see [`doc_stats`]).
    pub fn refresh(&mut self, p: &Project, coder: &str, blind: bool) {
        if blind {
            self.layer = LayerChoice::Mine;
        }
        let attr = p.codebook.settings.group_attribute.clone();
        if self.docs.is_none() {
            self.docs = doc_stats(p);
        }
        // Without statistics of the unread transcripts (`AppState::open_summary` reads every text first
        // then), those of the transcripts read.
        let docs = self.docs.get_or_insert_with(|| stats::for_project(p));
        self.data = Some(
            compute_with(p, docs, &self.layer.layer(coder), &attr)
                .map_err(|e| explain(e, self.layer)),
        );
        let (rows, cols) = self
            .summary()
            .map_or((0, 0), |s| (s.rows.len(), s.groups.len() + 1));
        self.row = self.row.min(rows.saturating_sub(1));
        self.col = self.col.min(cols.saturating_sub(1));
        self.reopen_list(p);
    }

    /// Lists the open list's cell again from the numbers, keeping its selection.
    pub fn reopen_list(&mut self, p: &Project) {
        if let Some(list) = self.list.take() {
            self.list = self.open_list(p, &list.code, list.col);
            if let Some(l) = self.list.as_mut() {
                l.selected = list.selected.min(l.rows.len().saturating_sub(1));
                l.top = list.top;
            }
        }
    }

    /// A transcript read again after it changed on disk: its statistics are made anew.
    pub fn text_changed(&mut self, t: &crate::model::Transcript) {
        if let Some(docs) = self.docs.as_mut() {
            match docs.binary_search_by(|d| d.id.as_str().cmp(&t.id)) {
                Ok(i) => docs[i] = DocStats::of_transcript(t),
                Err(_) => self.docs = None,
            }
        }
    }

    /// The transcripts of the cell of `code` in column `col`: their texts are read before its segments are listed.
    pub fn cell_docs(&self, code: &str, col: usize) -> Vec<String> {
        self.summary()
            .and_then(|s| s.row(code))
            .map(|r| r.cells.get(col).unwrap_or(&r.total).docs.clone())
            .unwrap_or_default()
    }

    /// The code and column of the selected cell (the open list's, when one is open).
    pub fn selected_cell(&self) -> Option<(String, usize)> {
        if let Some(l) = &self.list {
            return Some((l.code.clone(), l.col));
        }
        let row = self.summary()?.rows.get(self.row)?;
        Some((row.code.clone(), self.col))
    }

    /// The segments behind the cell of `code` in column `col`, in case and text order (the transcripts
    /// not read are left out: read them first, see [`SummaryView::cell_docs`]).
    pub fn open_list(&self, p: &Project, code: &str, col: usize) -> Option<CellList> {
        let s = self.summary()?;
        let row = s.row(code)?;
        let cell = row.cells.get(col).unwrap_or(&row.total);
        let ids: Vec<String> = s.coding_ids(cell).map(str::to_string).collect();
        let mut rows: Vec<Segment> = codings_by_ids(p, &ids)
            .into_iter()
            .filter_map(|(coder, c)| segment_of(p, coder, c))
            .collect();
        sort_segments(p, &mut rows);
        Some(CellList {
            code: code.to_string(),
            col,
            rows,
            selected: 0,
            top: 0,
        })
    }
}

/// Lines above the first table row inside the frame: the layer line and two header lines.
pub const TABLE_HEAD: u16 = 3;

impl SummaryView {
    /// Rows of the table (or chart lines) that fit on the screen.
    fn page(&self, cx: &Shared) -> usize {
        let h = cx.main.height.saturating_sub(2 + TABLE_HEAD) as usize;
        if self.chart {
            let groups = self.summary().map_or(2, |s| s.groups.len());
            (h / groups.max(1)).max(1)
        } else {
            h.max(1)
        }
    }

    fn rows(&self) -> usize {
        self.summary().map_or(0, |s| s.rows.len())
    }

    fn move_by(&mut self, delta: isize, cx: &Shared) {
        let n = self.rows() as isize;
        if n == 0 {
            return;
        }
        self.row = (self.row as isize + delta).clamp(0, n - 1) as usize;
        self.scroll(cx);
    }

    /// Keeps the selected row (and the selected segment of an open list) on screen.
    pub fn scroll(&mut self, cx: &Shared) {
        self.top = keep_visible(self.top, self.row, self.page(cx));
        let page = segment_page(cx.main);
        if let Some(l) = self.list.as_mut() {
            l.top = keep_visible(l.top, l.selected, page);
        }
    }

    /// Handles a command of the table (or, when a cell's segments are listed, of that list).
    pub fn update(&mut self, c: Command, cx: &Shared) -> Vec<Request> {
        if self.list.is_some() {
            return self.list_update(c, cx);
        }
        let page = self.page(cx) as isize;
        let groups = self.summary().map_or(0, |s| s.groups.len());
        // The chart has a bar per group and none for the total.
        let cols = if self.chart && groups > 0 {
            groups
        } else {
            groups + 1
        };
        match c {
            Command::Down => self.move_by(1, cx),
            Command::Up => self.move_by(-1, cx),
            Command::PageDown | Command::HalfPageDown => self.move_by(page, cx),
            Command::PageUp | Command::HalfPageUp => self.move_by(-page, cx),
            Command::Top => self.move_by(-(isize::MAX / 2), cx),
            Command::Bottom => self.move_by(isize::MAX / 2, cx),
            Command::Left => self.col = self.col.saturating_sub(1),
            Command::Right => self.col = (self.col + 1).min(cols - 1),
            Command::ShowCell => return self.show_cell(cx),
            Command::CycleLayer => return self.cycle_layer(cx),
            Command::ToggleChart => {
                self.chart = !self.chart;
                self.top = 0;
                if self.chart && groups > 0 {
                    self.col = self.col.min(groups - 1);
                }
                self.move_by(0, cx);
            }
            Command::Cancel => return vec![Request::Close],
            _ => {}
        }
        Vec::new()
    }

    fn show_cell(&mut self, cx: &Shared) -> Vec<Request> {
        let Some(code) = self
            .summary()
            .and_then(|s| s.rows.get(self.row))
            .map(|r| r.code.clone())
        else {
            return Vec::new();
        };
        let list = self.open_list(cx.project, &code, self.col);
        if list.as_ref().is_some_and(|l| l.rows.is_empty()) {
            return vec![Request::Say(Level::Info, t!("tui-summary-no-segments"))];
        }
        self.list = list;
        Vec::new()
    }

    fn cycle_layer(&mut self, cx: &Shared) -> Vec<Request> {
        if cx.layers.blind {
            return vec![Request::Say(
                Level::Warn,
                t!("tui-blind-only-yours-counted"),
            )];
        }
        self.layer = self.layer.next();
        self.list = None;
        self.refresh(cx.project, cx.coder, cx.layers.blind);
        self.scroll(cx);
        let label = self.layer.label(cx.coder);
        vec![
            Request::Say(Level::Info, t!("tui-msg-counting", layer = label)),
            Request::Run(Box::new(Effect::SaveUi)),
        ]
    }

    fn list_update(&mut self, c: Command, cx: &Shared) -> Vec<Request> {
        let page = segment_page(cx.main);
        let Some(list) = self.list.as_mut() else {
            return Vec::new();
        };
        let sel = list.selected;
        let last = list.rows.len().saturating_sub(1);
        list.selected = list_motion(c, sel, last, page);
        list.top = keep_visible(list.top, list.selected, page);
        match c {
            Command::Jump => list.rows.get(sel).map_or_else(Vec::new, |s| jump(s, cx)),
            Command::Cancel => {
                self.list = None;
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    /// The wheel moves through rows; a click in the table selects a row.
    pub fn mouse(&mut self, m: Mouse, cx: &Shared) -> Vec<Request> {
        let main = cx.main;
        match m {
            Mouse::ScrollDown { .. } => self.update(Command::Down, cx),
            Mouse::ScrollUp { .. } => self.update(Command::Up, cx),
            Mouse::Down { x, y }
                if self.list.is_none()
                    && !self.chart
                    && contains(main, x, y)
                    && y > main.y + TABLE_HEAD =>
            {
                let i = self.top + (y - main.y - 1 - TABLE_HEAD) as usize;
                if i < self.rows() {
                    self.row = i;
                }
                Vec::new()
            }
            _ => Vec::new(),
        }
    }
}

/// Opens a listed segment in the workbench, showing the other coders when it is theirs.
pub fn jump(s: &Segment, cx: &Shared) -> Vec<Request> {
    let mut out = vec![Request::Open {
        doc: s.doc.clone(),
        at: s.start,
        select_to: None,
    }];
    if s.coder != cx.coder {
        out.push(Request::ShowOthers);
    }
    out
}

/// Says in the screen's words why there are no numbers.
fn explain(e: AnalysisError, layer: LayerChoice) -> String {
    match (e, layer) {
        (AnalysisError::UnknownCoder { .. }, LayerChoice::Mine) => {
            t!("tui-summary-no-codings")
        }
        (AnalysisError::NoConsensus { .. }, _) => t!(
            "tui-summary-no-consensus",
            file = format!("codings/{CONSENSUS_CODER}.json")
        ),
        (e, _) => crate::messages::describe(&e),
    }
}
