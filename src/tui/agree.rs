//! The agreement screen: two coders compared, their disagreements, and decisions written to the consensus layer;
//! its state and its `update`.

use super::action::{Command, Effect, LayerChange, LayerDone, Mouse, RewriteReason};
use super::app::Level;
use super::history::Op;
use super::layout::{contains, keep_visible};
use super::picker::Purpose;
use super::screen::{Request, Shared, list_motion};
use crate::agreement::consensus::{choice_label, log_entry, matches, take};
use crate::agreement::{
    AgreeOptions, CodeTarget, Coefficients, Disagreement, UnitKind, agreement, disagreements,
};
use crate::model::CONSENSUS_CODER;
use crate::store::{Project, StoreError};
use crate::t;

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
    /// The consensus layer's decision log: tells "decided: neither" from "not decided yet".
    pub decisions: crate::model::DecisionLog,
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

impl AgreeView {
    /// Chooses the pair to compare (keeping the one chosen before when it still fits), or says why there is none.
    pub fn open(&mut self, cx: &Shared) -> Result<(), Request> {
        if cx.layers.blind {
            return Err(Request::Say(Level::Warn, t!("tui-blind-no-agreement")));
        }
        let a = default_a(cx.project, cx.coder);
        let b = a.as_deref().and_then(|a| default_b(cx.project, a));
        let (Some(a), Some(b)) = (a, b) else {
            return Err(Request::Say(Level::Info, t!("tui-agree-needs-two")));
        };
        if self.a != a || !cx.project.coders.contains_key(&self.b) {
            self.a = a;
            self.b = b;
        }
        self.refresh(cx);
        Ok(())
    }

    /// Compares one code (or every code when None) from the first difference.
    pub fn set_code(&mut self, code: Option<String>, cx: &Shared) {
        self.code = code;
        self.selected = 0;
        self.refresh(cx);
    }

    /// Recomputes the figures, the differences and what the layer holds in each.
    pub fn refresh(&mut self, cx: &Shared) {
        self.stale = false;
        let o = AgreeOptions {
            coders: vec![self.a.clone(), self.b.clone()],
            docs: None,
            unit: self.unit(),
            target: self
                .code
                .clone()
                .map_or(CodeTarget::AllCodes, CodeTarget::Code),
        };
        let keep = self.current().map(|d| d.id.clone());
        match (agreement(cx.project, &o), disagreements(cx.project, &o)) {
            (Ok(r), Ok(rows)) => {
                self.stats = Some(r.pooled);
                self.docs = r.documents.len();
                self.rows = rows;
                self.error = None;
            }
            (Err(e), _) | (_, Err(e)) => {
                self.stats = None;
                self.docs = 0;
                self.rows.clear();
                self.error = Some(crate::messages::describe(&e));
            }
        }
        if let Some(i) = keep.and_then(|id| self.rows.iter().position(|d| d.id == id)) {
            self.selected = i;
        }
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
        self.refresh_decided(cx);
    }

    /// What the layer holds in each listed unit (cheap; after every decision).
    pub fn refresh_decided(&mut self, cx: &Shared) {
        let empty = crate::model::CoderFile::new(CONSENSUS_CODER);
        let layer = cx.project.coders.get(CONSENSUS_CODER).unwrap_or(&empty);
        let coders = [self.a.clone(), self.b.clone()];
        self.decided = self
            .rows
            .iter()
            .map(|d| {
                let m = matches(cx.project, &coders, layer, &d.unit_ref());
                decision_label(
                    &m,
                    &self.a,
                    &self.b,
                    decided_neither(&self.decisions, &d.id),
                )
            })
            .collect();
    }

    fn list_height(cx: &Shared) -> usize {
        list_height(cx.main.height.saturating_sub(2))
    }

    pub fn update(&mut self, c: Command, cx: &Shared) -> Vec<Request> {
        let page = Self::list_height(cx);
        let last = self.rows.len().saturating_sub(1);
        self.selected = list_motion(c, self.selected, last, page);
        self.top = keep_visible(self.top, self.selected, page);
        match c {
            Command::TakeA => return self.decide("A", cx),
            Command::TakeB => return self.decide("B", cx),
            Command::TakeBoth => return self.decide("both", cx),
            Command::TakeNeither => return self.decide("neither", cx),
            Command::NextCoder => {
                if let Some(b) = next_b(cx.project, &self.a, &self.b) {
                    self.b = b;
                    self.selected = 0;
                    self.refresh(cx);
                }
            }
            Command::CycleUnit => {
                self.unit = Some(match self.unit() {
                    UnitKind::Turn => UnitKind::Sentence,
                    _ => UnitKind::Turn,
                });
                self.selected = 0;
                self.refresh(cx);
            }
            Command::ChooseCode => return vec![Request::Pick(Purpose::Agree)],
            Command::AllCodes => self.set_code(None, cx),
            Command::Jump => return self.jump(),
            Command::Cancel => return vec![Request::Close],
            _ => {}
        }
        Vec::new()
    }

    fn jump(&self) -> Vec<Request> {
        let Some(d) = self.current() else {
            return Vec::new();
        };
        vec![
            Request::Open {
                doc: d.doc.clone(),
                at: d.start,
                select_to: None,
            },
            Request::ShowOthers,
            Request::Say(
                Level::Info,
                t!(
                    "tui-agree-jumped",
                    doc = d.doc.as_str(),
                    unit = d.unit.to_string()
                ),
            ),
        ]
    }

    /// Asks the runner to decide the selected unit into the layer under its lock.
    fn decide(&self, choice: &str, cx: &Shared) -> Vec<Request> {
        if let Some(refusal) = cx.refuse_read_only() {
            return vec![refusal];
        }
        if cx.coder == CONSENSUS_CODER {
            return vec![Request::Say(Level::Error, t!("tui-agree-is-consensus"))];
        }
        let Some(d) = self.current() else {
            return Vec::new();
        };
        let (a, b) = (self.a.clone(), self.b.clone());
        let coders = [a.clone(), b.clone()];
        let (from, label) = match choice {
            "A" => (vec![a.clone()], format!("A ({a})")),
            "B" => (vec![b.clone()], format!("B ({b})")),
            "both" => (vec![a, b], "both".to_string()),
            _ => (Vec::new(), "neither".to_string()),
        };
        let op = Op::Layer {
            coder: CONSENSUS_CODER.into(),
            unit: d.id.clone(),
            choice: label,
            removed: Vec::new(),
            added: Vec::new(),
        };
        vec![Request::Run(Box::new(Effect::WriteLayer {
            coder: CONSENSUS_CODER.into(),
            change: LayerChange::Take {
                unit: d.unit_ref(),
                log: Box::new(log_entry(
                    &d.unit_ref(),
                    cx.coder,
                    &coders,
                    &choice_label(&from, &coders),
                    &from,
                    None,
                )),
                from,
            },
            pending: RewriteReason::Do(Box::new(op)),
        }))]
    }

    /// A click selects a difference; the wheel moves through them.
    pub fn mouse(&mut self, m: Mouse, cx: &Shared) -> Vec<Request> {
        match m {
            Mouse::Down { x, y } => {
                // The list starts below the border and the two header lines (see views/agree.rs).
                let main = cx.main;
                let list_y = main.y + 3;
                let h = Self::list_height(cx);
                let top = keep_visible(self.top, self.selected, h);
                let row = (y as usize).wrapping_sub(list_y as usize);
                if contains(main, x, y) && y >= list_y && row < h && top + row < self.rows.len() {
                    self.selected = top + row;
                    self.top = top;
                }
                Vec::new()
            }
            Mouse::ScrollDown { .. } => self.update(Command::Down, cx),
            Mouse::ScrollUp { .. } => self.update(Command::Up, cx),
            _ => Vec::new(),
        }
    }
}

/// Whether the decision in force on this unit (in the layer's decision log) is "neither".
pub fn decided_neither(log: &crate::model::DecisionLog, id: &str) -> bool {
    log.current(id).is_some_and(|d| d.choice == "neither")
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
    let entry = match change {
        LayerChange::Take { log, .. } => Some(log.as_ref()),
        LayerChange::Apply { log, .. } => log.as_deref(),
    };
    let entries: Vec<_> = entry.into_iter().cloned().collect();
    let logged = !entries.is_empty();
    // The layer and its decision log change under one lock (`Project::decide`).
    let ((removed, added), file, log) = p
        .decide(coder, |file, _| match change {
            LayerChange::Take { unit, from, .. } => {
                let out = take(p, file, unit, from)
                    .map_err(|e| StoreError::refused(crate::messages::agreement(&e)))?;
                Ok(((out.removed, out.added), entries))
            }
            LayerChange::Apply { removed, added, .. } => {
                let ids = file.ids();
                let gone = removed.iter().any(|c| !ids.contains(c.id.as_str()));
                let back = added.iter().any(|c| ids.contains(c.id.as_str()));
                drop(ids);
                if gone || back {
                    return Err(StoreError::refused(t!(
                        "tui-changed-since",
                        what = path.display().to_string()
                    )));
                }
                file.remove_many(removed.iter().map(|c| c.id.as_str()));
                file.insert_many(added.clone());
                Ok(((removed.clone(), added.clone()), entries))
            }
        })
        .map_err(|e| crate::messages::describe(&e))?;
    let decisions = logged.then_some(log);
    Ok(LayerDone {
        file: Box::new(file),
        removed,
        added,
        decisions,
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
