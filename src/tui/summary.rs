//! The group comparison screen's state: which layer, which cell, table or chart, and the segments behind a cell.

use super::retrieval::{Segment, segment_of, sort_segments};
use crate::analysis::summary::{Cell, Summary, compute};
use crate::analysis::{AnalysisError, Layer, codings_by_ids};
use crate::model::CONSENSUS_CODER;
use crate::store::Project;

/// Which codings are counted: the current coder's, all coders merged, or the consensus file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum LayerChoice {
    #[default]
    Mine,
    AllCoders,
    Consensus,
}

impl LayerChoice {
    pub fn next(self) -> LayerChoice {
        match self {
            LayerChoice::Mine => LayerChoice::AllCoders,
            LayerChoice::AllCoders => LayerChoice::Consensus,
            LayerChoice::Consensus => LayerChoice::Mine,
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
            LayerChoice::Mine => format!("this coder ({me})"),
            LayerChoice::AllCoders => "all coders merged".to_string(),
            LayerChoice::Consensus => format!("konsensus ({CONSENSUS_CODER}.json)"),
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
    pub fn refresh(&mut self, p: &Project, coder: &str, blind: bool) {
        if blind {
            self.layer = LayerChoice::Mine;
        }
        let attr = p.codebook.settings.group_attribute.clone();
        self.data =
            Some(compute(p, &self.layer.layer(coder), &attr).map_err(|e| explain(e, self.layer)));
        let (rows, cols) = self
            .summary()
            .map_or((0, 0), |s| (s.rows.len(), s.groups.len() + 1));
        self.row = self.row.min(rows.saturating_sub(1));
        self.col = self.col.min(cols.saturating_sub(1));
        if let Some(list) = self.list.take() {
            self.list = self.open_list(p, &list.code, list.col);
            if let Some(l) = self.list.as_mut() {
                l.selected = list.selected.min(l.rows.len().saturating_sub(1));
                l.top = list.top;
            }
        }
    }

    /// The segments behind the cell of `code` in column `col`, in case and text order.
    pub fn open_list(&self, p: &Project, code: &str, col: usize) -> Option<CellList> {
        let s = self.summary()?;
        let row = s.row(code)?;
        let cell = row.cells.get(col).unwrap_or(&row.total);
        let mut rows: Vec<Segment> = codings_by_ids(p, &cell.coding_ids)
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

/// Says in the screen's words why there are no numbers.
fn explain(e: AnalysisError, layer: LayerChoice) -> String {
    match (e, layer) {
        (AnalysisError::UnknownCoder { .. }, LayerChoice::Mine) => {
            "You have no codings yet: code a passage and the numbers appear here.".to_string()
        }
        (AnalysisError::NoConsensus { .. }, _) => format!(
            "No consensus layer yet (codings/{CONSENSUS_CODER}.json): `kodbok consensus` makes it."
        ),
        (e, _) => e.to_string(),
    }
}
