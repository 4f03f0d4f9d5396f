//! The app's side of the agreement screen: opening it, and keeping the layer and the history in step when a
//! decision (or its undo) was written.

use crate::t;
use crate::tui::action::{Command, Effect, LayerDone, RewriteReason, SaveTarget};
use crate::tui::app::{AppState, Level, Screen};
use crate::tui::history::Op;
use crate::tui::update::screens::shared;

impl AppState {
    pub(crate) fn agreement_cmd(&mut self) -> Vec<Effect> {
        let cx = shared!(self);
        match self.agree.open(&cx) {
            Ok(()) => self.screen = Screen::Agreement,
            Err(why) => return self.fulfil(vec![why]),
        }
        Vec::new()
    }

    pub(crate) fn refresh_agree(&mut self) {
        let cx = shared!(self);
        self.agree.refresh(&cx);
    }

    pub(crate) fn agree_code(&mut self, code: Option<String>) {
        self.screen = Screen::Agreement;
        let cx = shared!(self);
        self.agree.set_code(code, &cx);
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
                self.message(
                    Level::Error,
                    t!("tui-consensus-not-changed", error = e.to_string()),
                );
                return Vec::new();
            }
        };
        let fresh_neither = matches!(&pending, RewriteReason::Do(op) if self.new_neither(op));
        let coder = done.file.coder.clone();
        self.project.coders.insert(coder, *done.file);
        if let Some(log) = done.decisions {
            self.agree.decisions = log;
        }
        self.recompute();
        match pending {
            RewriteReason::Do(_)
                if done.added.is_empty() && done.removed.is_empty() && !fresh_neither =>
            {
                self.refresh_decided();
                self.message(Level::Info, t!("tui-consensus-unchanged"));
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
                let cx = shared!(self);
                self.agree.update(Command::Down, &cx);
                self.message(
                    Level::Info,
                    t!(
                        "tui-agree-taken",
                        unit = unit
                            .rsplit_once(':')
                            .map_or(unit.as_str(), |x| x.0)
                            .replace(':', " "),
                        choice = choice.split(' ').next().unwrap_or(&choice),
                        added = n.0,
                        removed = n.1
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
        matches!(op, Op::Layer { unit, choice, .. } if choice == "neither" && !crate::tui::agree::decided_neither(&self.agree.decisions, unit))
    }

    fn refresh_decided(&mut self) {
        let cx = shared!(self);
        self.agree.refresh_decided(&cx);
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
        let msg = if undo {
            t!("tui-undone", label = label.as_str())
        } else {
            t!("tui-redone", label = label.as_str())
        };
        self.message(Level::Info, msg);
        self.save(&[SaveTarget::History])
    }
}
