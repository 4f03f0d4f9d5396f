//! The agreement screen: choosing the coders, unit and code, moving through differences, deciding them into the layer.

use super::lists::list_motion;
use crate::agreement::consensus::matches;
use crate::agreement::{AgreeOptions, CodeTarget, UnitKind, agreement, disagreements};
use crate::model::CONSENSUS_CODER;
use crate::tui::action::{
    Command, Effect, LayerChange, LayerDone, Mouse, RewriteReason, SaveTarget,
};
use crate::tui::agree::{decision_label, default_a, default_b, list_height, next_b};
use crate::tui::app::{AppState, Level, Screen};
use crate::tui::history::Op;
use crate::tui::layout::{contains, keep_visible};
use crate::tui::picker::Purpose;

impl AppState {
    pub(crate) fn agreement_cmd(&mut self) -> Vec<Effect> {
        if self.layers.blind {
            self.message(
                Level::Warn,
                "Blind mode is on: the agreement view shows other coders' codings (B turns it off).",
            );
            return Vec::new();
        }
        let a = default_a(&self.project, &self.coder);
        let b = a.as_deref().and_then(|a| default_b(&self.project, a));
        match (a, b) {
            (Some(a), Some(b)) => {
                // Keep the pair, unit and code chosen before when they still fit.
                if self.agree.a != a || !self.project.coders.contains_key(&self.agree.b) {
                    self.agree.a = a;
                    self.agree.b = b;
                }
            }
            _ => {
                self.message(
                    Level::Info,
                    "The agreement view needs two coders with codings (besides konsensus).",
                );
                return Vec::new();
            }
        }
        self.screen = Screen::Agreement;
        self.refresh_agree();
        Vec::new()
    }

    /// Recomputes the figures, the differences and what the layer holds in each.
    pub(crate) fn refresh_agree(&mut self) {
        let v = &mut self.agree;
        v.stale = false;
        let o = AgreeOptions {
            coders: vec![v.a.clone(), v.b.clone()],
            docs: None,
            unit: v.unit(),
            target: v
                .code
                .clone()
                .map_or(CodeTarget::AllCodes, CodeTarget::Code),
        };
        let keep = v.current().map(|d| d.id.clone());
        match (
            agreement(&self.project, &o),
            disagreements(&self.project, &o),
        ) {
            (Ok(r), Ok(rows)) => {
                v.stats = Some(r.pooled);
                v.docs = r.documents.len();
                v.rows = rows;
                v.error = None;
            }
            (Err(e), _) | (_, Err(e)) => {
                v.stats = None;
                v.docs = 0;
                v.rows.clear();
                v.error = Some(e.to_string());
            }
        }
        if let Some(i) = keep.and_then(|id| v.rows.iter().position(|d| d.id == id)) {
            v.selected = i;
        }
        v.selected = v.selected.min(v.rows.len().saturating_sub(1));
        self.refresh_decided();
    }

    /// What the layer holds in each listed unit (cheap; after every decision).
    pub(crate) fn refresh_decided(&mut self) {
        let empty = crate::model::CoderFile::new(CONSENSUS_CODER);
        let layer = self.project.coders.get(CONSENSUS_CODER).unwrap_or(&empty);
        let v = &self.agree;
        let coders = [v.a.clone(), v.b.clone()];
        let decided = v
            .rows
            .iter()
            .map(|d| {
                let m = matches(&self.project, &coders, layer, &d.unit_ref());
                decision_label(&m, &v.a, &v.b, self.decided_neither(&d.id))
            })
            .collect();
        self.agree.decided = decided;
    }

    /// Whether my last decision on this unit (still in the undo history) was "neither".
    fn decided_neither(&self, id: &str) -> bool {
        self.history
            .undo
            .iter()
            .rev()
            .find_map(|op| match op {
                Op::Layer { unit, choice, .. } if unit == id => Some(choice == "neither"),
                _ => None,
            })
            .unwrap_or(false)
    }

    pub(crate) fn agree_list_height(&self) -> usize {
        list_height(self.panes().main.height.saturating_sub(2))
    }

    pub(crate) fn agree_screen_cmd(&mut self, c: Command) -> Vec<Effect> {
        let n = self.agree.rows.len();
        let page = self.agree_list_height();
        let sel = self.agree.selected;
        let last = n.saturating_sub(1);
        self.agree.selected = list_motion(c, sel, last, page);
        self.agree.top = keep_visible(self.agree.top, self.agree.selected, page);
        match c {
            Command::TakeA => return self.decide("A"),
            Command::TakeB => return self.decide("B"),
            Command::TakeBoth => return self.decide("both"),
            Command::TakeNeither => return self.decide("neither"),
            Command::NextCoder => {
                if let Some(b) = next_b(&self.project, &self.agree.a, &self.agree.b) {
                    self.agree.b = b;
                    self.agree.selected = 0;
                    self.refresh_agree();
                }
            }
            Command::CycleUnit => {
                self.agree.unit = Some(match self.agree.unit() {
                    UnitKind::Turn => UnitKind::Sentence,
                    _ => UnitKind::Turn,
                });
                self.agree.selected = 0;
                self.refresh_agree();
            }
            Command::ChooseCode => self.picker(Purpose::Agree),
            Command::AllCodes => self.agree_code(None),
            Command::Jump => self.agree_jump(),
            Command::Cancel => self.screen = Screen::Workbench,
            _ => {}
        }
        Vec::new()
    }

    pub(crate) fn agree_code(&mut self, code: Option<String>) {
        self.agree.code = code;
        self.agree.selected = 0;
        self.screen = Screen::Agreement;
        self.refresh_agree();
    }

    fn agree_jump(&mut self) {
        let Some(d) = self.agree.current().cloned() else {
            return;
        };
        self.open_doc(&d.doc, Some(d.start));
        if !self.layers.others {
            self.layers.others = true;
            self.recompute();
        }
        self.message(Level::Info, format!("{} {}; K goes back.", d.doc, d.unit));
    }

    /// Asks the runner to decide the selected unit into the layer under its lock.
    fn decide(&mut self, choice: &str) -> Vec<Effect> {
        if !self.writable() {
            return Vec::new();
        }
        if self.coder == CONSENSUS_CODER {
            self.message(
                Level::Error,
                "This session is konsensus itself: decide as one of the coders (kodbok tui --coder NAME).",
            );
            return Vec::new();
        }
        let Some(d) = self.agree.current().cloned() else {
            return Vec::new();
        };
        let (a, b) = (self.agree.a.clone(), self.agree.b.clone());
        let (from, label) = match choice {
            "A" => (vec![a.clone()], format!("A ({a})")),
            "B" => (vec![b.clone()], format!("B ({b})")),
            "both" => (vec![a, b], "both".to_string()),
            _ => (Vec::new(), "neither".to_string()),
        };
        let op = Op::Layer {
            coder: CONSENSUS_CODER.into(),
            unit: d.id.clone(),
            choice: if choice == "neither" {
                "neither".into()
            } else {
                label
            },
            removed: Vec::new(),
            added: Vec::new(),
        };
        vec![Effect::WriteLayer {
            coder: CONSENSUS_CODER.into(),
            change: LayerChange::Take {
                unit: d.unit_ref(),
                from,
            },
            pending: RewriteReason::Do(Box::new(op)),
        }]
    }

    /// The layer was written (a decision, or its undo/redo): keep the copy in memory and the history in step.
    pub(crate) fn layer_written(
        &mut self,
        pending: RewriteReason,
        result: Result<LayerDone, String>,
    ) -> Vec<Effect> {
        let done = match result {
            Ok(d) => d,
            Err(e) => {
                self.message(Level::Error, format!("konsensus not changed: {e}"));
                return Vec::new();
            }
        };
        let coder = done.file.coder.clone();
        self.project.coders.insert(coder, *done.file);
        self.recompute();
        match pending {
            RewriteReason::Do(op)
                if done.added.is_empty() && done.removed.is_empty() && !self.new_neither(&op) =>
            {
                self.refresh_decided();
                self.message(
                    Level::Info,
                    "konsensus already holds that here; nothing changed.",
                );
                Vec::new()
            }
            RewriteReason::Do(op) => {
                let Op::Layer {
                    coder,
                    unit,
                    choice,
                    ..
                } = *op
                else {
                    return Vec::new();
                };
                let n = (done.added.len(), done.removed.len());
                let op = Op::Layer {
                    coder,
                    unit: unit.clone(),
                    choice: choice.clone(),
                    removed: done.removed,
                    added: done.added,
                };
                self.history.record(op);
                self.refresh_decided();
                self.agree_screen_cmd(Command::Down);
                self.message(
                    Level::Info,
                    format!(
                        "{} → {}, +{} −{} codings; u undoes",
                        unit.rsplit_once(':')
                            .map_or(unit.as_str(), |x| x.0)
                            .replace(':', " "),
                        choice.split(' ').next().unwrap_or(&choice),
                        n.0,
                        n.1
                    ),
                );
                self.save(&[SaveTarget::History])
            }
            RewriteReason::Undo => self.finish_layer_step(true),
            RewriteReason::Redo => self.finish_layer_step(false),
        }
    }

    /// A "neither" where the layer had nothing: the file does not change, but the decision is worth recording.
    fn new_neither(&self, op: &Op) -> bool {
        matches!(op, Op::Layer { unit, choice, .. } if choice == "neither" && !self.decided_neither(unit))
    }

    pub(crate) fn agree_mouse(&mut self, m: Mouse) -> Vec<Effect> {
        match m {
            Mouse::Down { x, y } => {
                // The list starts below the border and the two header lines (see views/agree.rs).
                let main = self.panes().main;
                let list_y = main.y + 3;
                let h = self.agree_list_height();
                let top = keep_visible(self.agree.top, self.agree.selected, h);
                let row = (y as usize).wrapping_sub(list_y as usize);
                if contains(main, x, y)
                    && y >= list_y
                    && row < h
                    && top + row < self.agree.rows.len()
                {
                    self.agree.selected = top + row;
                    self.agree.top = top;
                }
                Vec::new()
            }
            Mouse::ScrollDown { .. } => self.agree_screen_cmd(Command::Down),
            Mouse::ScrollUp { .. } => self.agree_screen_cmd(Command::Up),
            _ => Vec::new(),
        }
    }
}

impl AppState {
    /// An undo or redo of a decision was written to the layer: move the step to the other stack.
    fn finish_layer_step(&mut self, undo: bool) -> Vec<Effect> {
        let popped = if undo {
            self.history.undo.pop()
        } else {
            self.history.redo.pop()
        };
        let Some(op) = popped else { return Vec::new() };
        let label = op.label(&self.project.codebook);
        if undo {
            self.history.redo.push(op);
        } else {
            self.history.undo.push(op);
        }
        self.recompute();
        let verb = if undo { "Undone" } else { "Redone" };
        self.message(Level::Info, format!("{verb}: {label}."));
        self.save(&[SaveTarget::History])
    }
}
