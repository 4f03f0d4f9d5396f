//! Where a coder left off (open transcript, cursor per transcript, layers, blind mode), in `.kodbok/tui-<coder>.json`.

use super::app::{AppState, Layers};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UiState {
    #[serde(default)]
    pub doc: Option<String>,
    /// Cursor (char offset) per transcript.
    #[serde(default)]
    pub positions: BTreeMap<String, usize>,
    #[serde(default)]
    pub others: bool,
    #[serde(default)]
    pub blind: bool,
    /// The layer the group comparison (`S`) counted last.
    #[serde(default)]
    pub summary_layer: super::summary::LayerChoice,
}

pub fn path(cache_dir: &Path, coder: &str) -> PathBuf {
    cache_dir.join(format!("tui-{coder}.json"))
}

/// Reads the saved state; anything missing or unreadable is simply a fresh start.
pub fn load(path: &Path) -> UiState {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

impl UiState {
    pub fn of(state: &AppState) -> UiState {
        let mut positions: BTreeMap<String, usize> = state
            .positions
            .iter()
            .map(|(k, v)| (k.clone(), *v))
            .collect();
        if let Some(v) = &state.view {
            positions.insert(v.doc.clone(), v.cursor);
        }
        UiState {
            doc: state.view.as_ref().map(|v| v.doc.clone()),
            positions,
            others: state.layers.others,
            blind: state.layers.blind,
            summary_layer: state.summary.layer,
        }
    }

    /// Puts a session back where it was left; transcripts that are gone are skipped.
    pub fn restore(self, state: &mut AppState) {
        state.layers = Layers {
            others: self.others && !self.blind,
            blind: self.blind,
        };
        state.positions = self.positions.into_iter().collect();
        state.summary.layer = self.summary_layer;
        if let Some(doc) = self.doc.filter(|d| state.project.has_doc(d)) {
            if let Some(i) = state
                .docs
                .rows
                .iter()
                .position(|r| matches!(r, super::app::DocRow::Doc { id } if *id == doc))
            {
                state.docs.selected = i;
            }
            let pos = state.positions.get(&doc).copied();
            state.open_doc(&doc, pos);
        }
    }
}
