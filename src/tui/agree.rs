//! The agreement view's state: two coders compared, their disagreements, and decisions written to the consensus layer.

use super::action::{LayerChange, LayerDone};
use crate::agreement::consensus::take;
use crate::agreement::{Coefficients, Disagreement, UnitKind};
use crate::model::CONSENSUS_CODER;
use crate::store::{Project, StoreError};

/// What the agreement screen shows: coders A and B, the unit, the code (all when none) and the differences.
#[derive(Debug, Clone, Default)]
pub struct AgreeView {
    pub a: String,
    pub b: String,
    pub unit: Option<UnitKind>,
    /// One code (with exactly that code), or every code either coder used.
    pub code: Option<String>,
    /// Percent agreement, kappa and alpha for the pair (pooled over codes when no code is chosen).
    pub stats: Option<Coefficients>,
    /// Transcripts compared (coded by both).
    pub docs: usize,
    pub rows: Vec<Disagreement>,
    /// Per row: what the layer holds there (`A`, `B`, `both`, `neither`, `open`, `other`).
    pub decided: Vec<String>,
    /// Why there is nothing to compare.
    pub error: Option<String>,
    pub selected: usize,
    pub top: usize,
    /// The codings changed since the list was computed.
    pub stale: bool,
}

impl AgreeView {
    pub fn unit(&self) -> UnitKind {
        self.unit.unwrap_or(UnitKind::Turn)
    }

    pub fn current(&self) -> Option<&Disagreement> {
        self.rows.get(self.selected)
    }

    /// Rows whose layer state is a decision (not `open`).
    pub fn decided_count(&self) -> usize {
        self.decided.iter().filter(|d| *d != "open").count()
    }
}

/// Lines for the selected unit below the list: at least 10, half the screen when there is room.
pub fn detail_height(inner_h: u16) -> u16 {
    (inner_h / 2).clamp(10, 16).min(inner_h.saturating_sub(3))
}

/// Rows of the list of differences inside a screen body `inner_h` lines high (two header lines and a rule).
pub fn list_height(inner_h: u16) -> usize {
    (inner_h.saturating_sub(detail_height(inner_h) + 3) as usize).max(1)
}

/// Coders that can be compared: everyone with codings except the consensus layer.
pub fn candidates(p: &Project) -> Vec<String> {
    p.coders
        .iter()
        .filter(|(n, f)| n.as_str() != CONSENSUS_CODER && !f.codings.is_empty())
        .map(|(n, _)| n.clone())
        .collect()
}

fn docs_of(p: &Project, coder: &str) -> std::collections::BTreeSet<String> {
    p.coders
        .get(coder)
        .map(|f| f.codings.iter().map(|c| c.doc.clone()).collect())
        .unwrap_or_default()
}

/// Transcripts both coders have coded.
pub fn shared(p: &Project, a: &str, b: &str) -> usize {
    docs_of(p, a).intersection(&docs_of(p, b)).count()
}

/// Coder A: me when I have codings, else whoever has the most.
pub fn default_a(p: &Project, me: &str) -> Option<String> {
    let c = candidates(p);
    if c.iter().any(|x| x == me) {
        return Some(me.to_string());
    }
    c.into_iter()
        .max_by_key(|x| (p.coders.get(x).map_or(0, |f| f.codings.len()), x.clone()))
}

/// Coder B: the other coder sharing the most coded transcripts with A (ties: by name).
pub fn default_b(p: &Project, a: &str) -> Option<String> {
    let mut c: Vec<String> = candidates(p).into_iter().filter(|x| x != a).collect();
    c.sort_by_key(|x| std::cmp::Reverse(shared(p, a, x)));
    c.into_iter().next()
}

/// The coder after `b` in name order (never A or the layer), wrapping around.
pub fn next_b(p: &Project, a: &str, b: &str) -> Option<String> {
    let c: Vec<String> = candidates(p).into_iter().filter(|x| x != a).collect();
    let i = c.iter().position(|x| x == b).map_or(0, |i| i + 1);
    c.get(i % c.len().max(1)).cloned()
}

/// A row's layer state from `consensus::matches` in the words of the view.
pub fn decision_label(matches: &[String], a: &str, b: &str, neither_decided: bool) -> String {
    let has = |s: &str| matches.iter().any(|m| m == s);
    if has("neither") {
        return if neither_decided { "neither" } else { "open" }.into();
    }
    // Where only one coder applied the code, "both" is the same as that coder's: it is shown as the coder.
    match (has(a), has(b), has("both")) {
        (true, _, _) => "A".into(),
        (_, true, _) => "B".into(),
        (_, _, true) => "both".into(),
        _ => "other".into(),
    }
}

/// Changes the layer `coder` on disk under its lock: re-read, change, write atomically. Runs in the effect runner.
pub fn write_layer(p: &Project, coder: &str, change: &LayerChange) -> Result<LayerDone, String> {
    let path = p.coder_path(coder);
    let ((removed, added), file) = p
        .update_coder(coder, |file| match change {
            LayerChange::Take { unit, from } => {
                let out =
                    take(p, file, unit, from).map_err(|e| StoreError::refused(e.to_string()))?;
                Ok((out.removed, out.added))
            }
            LayerChange::Apply { removed, added } => {
                let gone = removed.iter().any(|c| file.find(&c.id).is_none());
                let back = added.iter().any(|c| file.find(&c.id).is_some());
                if gone || back {
                    return Err(StoreError::refused(format!(
                        "{} was changed since (by another session)",
                        path.display()
                    )));
                }
                for c in removed {
                    file.remove(&c.id);
                }
                for c in added {
                    file.insert(c.clone());
                }
                Ok((removed.clone(), added.clone()))
            }
        })
        .map_err(|e| e.to_string())?;
    Ok(LayerDone {
        file: Box::new(file),
        removed,
        added,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_for_layer_states() {
        let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(decision_label(&v(&["neither"]), "a", "b", false), "open");
        assert_eq!(decision_label(&v(&["neither"]), "a", "b", true), "neither");
        assert_eq!(decision_label(&v(&["a", "both"]), "a", "b", false), "A");
        assert_eq!(decision_label(&v(&["b"]), "a", "b", false), "B");
        assert_eq!(decision_label(&v(&["both"]), "a", "b", false), "both");
        assert_eq!(decision_label(&v(&[]), "a", "b", false), "other");
    }
}
