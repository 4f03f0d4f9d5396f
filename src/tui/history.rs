//! Undo/redo as invertible operations, kept in `.kodbok/undo-<coder>.json` so they survive restarts.

use crate::model::{Codebook, Coding, Memo};
use crate::store::batches::Batch;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// Undo steps kept; older ones are dropped.
pub const LIMIT: usize = 200;
const VERSION: u32 = 1;

/// One coding re-pointed from one code to another (by a merge).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recode {
    pub coder: String,
    pub id: String,
    pub from: String,
    pub to: String,
}

/// A change that can be applied and inverted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Op {
    AddCoding {
        coding: Coding,
    },
    RemoveCoding {
        coding: Coding,
    },
    EditCoding {
        before: Box<Coding>,
        after: Box<Coding>,
    },
    DocMemo {
        doc: String,
        before: Option<Memo>,
        after: Option<Memo>,
    },
    /// Several codings added as one step (an auto-code from the search pane).
    AddCodings {
        label: String,
        codings: Vec<Coding>,
        /// The entry in the coder's batch log (`kodbok autocode --undo`): taken out on undo, put back on redo.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        batch: Option<Box<Batch>>,
    },
    RemoveCodings {
        label: String,
        codings: Vec<Coding>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        batch: Option<Box<Batch>>,
    },
    Codebook {
        label: String,
        before: Box<Codebook>,
        after: Box<Codebook>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        recodes: Vec<Recode>,
    },
    /// A consensus decision: codings removed from and added to another coder file (the layer).
    Layer {
        coder: String,
        /// The disagreement id decided.
        unit: String,
        /// `A`, `B`, `both` or `neither`, with the coder names.
        choice: String,
        removed: Vec<Coding>,
        added: Vec<Coding>,
    },
}

impl Op {
    pub fn inverse(&self) -> Op {
        match self {
            Op::AddCoding { coding } => Op::RemoveCoding {
                coding: coding.clone(),
            },
            Op::RemoveCoding { coding } => Op::AddCoding {
                coding: coding.clone(),
            },
            Op::EditCoding { before, after } => Op::EditCoding {
                before: after.clone(),
                after: before.clone(),
            },
            Op::AddCodings {
                label,
                codings,
                batch,
            } => Op::RemoveCodings {
                label: label.clone(),
                codings: codings.clone(),
                batch: batch.clone(),
            },
            Op::RemoveCodings {
                label,
                codings,
                batch,
            } => Op::AddCodings {
                label: label.clone(),
                codings: codings.clone(),
                batch: batch.clone(),
            },
            Op::DocMemo { doc, before, after } => Op::DocMemo {
                doc: doc.clone(),
                before: after.clone(),
                after: before.clone(),
            },
            Op::Codebook {
                label,
                before,
                after,
                recodes,
            } => Op::Codebook {
                label: label.clone(),
                before: after.clone(),
                after: before.clone(),
                recodes: recodes
                    .iter()
                    .map(|r| Recode {
                        coder: r.coder.clone(),
                        id: r.id.clone(),
                        from: r.to.clone(),
                        to: r.from.clone(),
                    })
                    .collect(),
            },
            Op::Layer {
                coder,
                unit,
                choice,
                removed,
                added,
            } => Op::Layer {
                coder: coder.clone(),
                unit: unit.clone(),
                choice: choice.clone(),
                removed: added.clone(),
                added: removed.clone(),
            },
        }
    }

    /// What the step did, for the status bar.
    pub fn label(&self, book: &Codebook) -> String {
        let name = |id: &str| book.get(id).map_or(id.to_string(), |c| c.name.clone());
        match self {
            Op::AddCoding { coding } => crate::t!("tui-op-coding", code = name(&coding.code)),
            Op::RemoveCoding { coding } => {
                crate::t!("tui-op-removal", code = name(&coding.code))
            }
            Op::EditCoding { .. } => crate::t!("tui-op-coding-memo"),
            Op::AddCodings { label, .. } | Op::RemoveCodings { label, .. } => label.clone(),
            Op::DocMemo { .. } => crate::t!("tui-op-doc-memo"),
            Op::Codebook { label, .. } => label.clone(),
            Op::Layer {
                coder,
                unit,
                choice,
                ..
            } => crate::t!(
                "tui-op-decision",
                coder = coder.as_str(),
                choice = choice.as_str(),
                unit = unit.to_string()
            ),
        }
    }

    /// Recodes of other coders' files (those need their locks).
    pub fn foreign_recodes(&self, me: &str) -> Vec<Recode> {
        match self {
            Op::Codebook { recodes, .. } => {
                recodes.iter().filter(|r| r.coder != me).cloned().collect()
            }
            _ => Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct History {
    #[serde(default)]
    pub version: u32,
    pub undo: Vec<Op>,
    pub redo: Vec<Op>,
}

impl Default for History {
    fn default() -> Self {
        History {
            version: VERSION,
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }
}

impl History {
    /// Records a new step; anything undone before can no longer be redone.
    pub fn record(&mut self, op: Op) {
        self.undo.push(op);
        self.redo.clear();
        self.trim();
    }

    fn trim(&mut self) {
        if self.undo.len() > LIMIT {
            let extra = self.undo.len() - LIMIT;
            self.undo.drain(..extra);
        }
    }

    pub fn path(cache_dir: &Path, coder: &str) -> std::path::PathBuf {
        cache_dir.join(format!("undo-{coder}.json"))
    }

    /// Reads the history; a missing file is an empty history, a broken one a warning.
    pub fn load(path: &Path) -> (History, Option<String>) {
        match std::fs::read_to_string(path) {
            Ok(text) => match serde_json::from_str::<History>(&text) {
                Ok(h) => (h, None),
                Err(e) => (
                    History::default(),
                    Some(crate::t!(
                        "tui-history-unreadable",
                        path = path.display().to_string(),
                        error = crate::messages::describe(&e)
                    )),
                ),
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (History::default(), None),
            Err(e) => (History::default(), Some(format!("{}: {e}", path.display()))),
        }
    }
}
