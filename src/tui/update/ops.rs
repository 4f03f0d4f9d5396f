//! Doing, undoing and redoing operations on codings and the codebook, each saved at once.

use crate::model::{CoderFile, Coding};
use crate::t;
use crate::tui::action::{Effect, LayerChange, RewriteReason, SaveTarget};
use crate::tui::app::{AppState, Level};
use crate::tui::history::{Op, Recode};

impl AppState {
    /// Applies a new operation, records it for undo and saves.
    pub(crate) fn commit(&mut self, op: Op) -> Vec<Effect> {
        if !self.writable() {
            return Vec::new();
        }
        if let Err(e) = self.check_op(&op) {
            self.message(Level::Error, e);
            return Vec::new();
        }
        let foreign = op.foreign_recodes(&self.coder);
        if !foreign.is_empty() {
            return vec![Effect::RecodeOthers {
                recodes: foreign,
                merge: None,
                pending: RewriteReason::Do(Box::new(op)),
            }];
        }
        self.commit_local(op)
    }

    /// A merge: other coders' codings of `from` are re-pointed on disk first (under their locks).
    pub(crate) fn commit_merge(&mut self, op: Op, from: &str, into: &str) -> Vec<Effect> {
        if !self.writable() {
            return Vec::new();
        }
        if let Err(e) = self.check_op(&op) {
            self.message(Level::Error, e);
            return Vec::new();
        }
        vec![Effect::RecodeOthers {
            recodes: Vec::new(),
            merge: Some((from.to_string(), into.to_string())),
            pending: RewriteReason::Do(Box::new(op)),
        }]
    }

    fn commit_local(&mut self, op: Op) -> Vec<Effect> {
        match self.apply_op(&op) {
            Ok(mut targets) => {
                self.history.record(op);
                targets.push(SaveTarget::History);
                self.save(&targets)
            }
            Err(e) => {
                self.message(Level::Error, e);
                Vec::new()
            }
        }
    }

    pub(crate) fn undo(&mut self) -> Vec<Effect> {
        self.step(true)
    }

    pub(crate) fn redo(&mut self) -> Vec<Effect> {
        self.step(false)
    }

    fn step(&mut self, undo: bool) -> Vec<Effect> {
        if !self.writable() {
            return Vec::new();
        }
        let stack = if undo {
            &self.history.undo
        } else {
            &self.history.redo
        };
        let Some(op) = stack.last().cloned() else {
            let msg = if undo {
                t!("tui-nothing-to-undo")
            } else {
                t!("tui-nothing-to-redo")
            };
            self.message(Level::Info, msg);
            return Vec::new();
        };
        let todo = if undo { op.inverse() } else { op };
        if let Err(e) = self.check_op(&todo) {
            // A step that no longer fits (the data changed elsewhere) is dropped so it cannot block the rest.
            if undo {
                self.history.undo.pop();
            } else {
                self.history.redo.pop();
            }
            self.message(
                Level::Error,
                if undo {
                    t!("tui-cannot-undo", error = e.as_str())
                } else {
                    t!("tui-cannot-redo", error = e.as_str())
                },
            );
            return self.save(&[SaveTarget::History]);
        }
        if let Op::Layer {
            coder,
            unit,
            choice,
            removed,
            added,
        } = &todo
        {
            // A consensus decision: the layer's file is changed under its lock first (see `layer_written`), and the
            // undo (or the decision again, on redo) goes into the decision log.
            return vec![Effect::WriteLayer {
                coder: coder.clone(),
                change: LayerChange::Apply {
                    removed: removed.clone(),
                    added: added.clone(),
                    log: self.layer_log_entry(unit, choice, undo).map(Box::new),
                },
                pending: if undo {
                    RewriteReason::Undo
                } else {
                    RewriteReason::Redo
                },
            }];
        }
        let foreign = todo.foreign_recodes(&self.coder);
        if !foreign.is_empty() {
            let pending = if undo {
                RewriteReason::Undo
            } else {
                RewriteReason::Redo
            };
            return vec![Effect::RecodeOthers {
                recodes: foreign,
                merge: None,
                pending,
            }];
        }
        self.finish_step(undo)
    }

    fn finish_step(&mut self, undo: bool) -> Vec<Effect> {
        let popped = if undo {
            self.history.undo.pop()
        } else {
            self.history.redo.pop()
        };
        let Some(op) = popped else { return Vec::new() };
        let todo = if undo { op.inverse() } else { op.clone() };
        match self.apply_op(&todo) {
            Ok(mut targets) => {
                self.suggestions_after_step(&todo);
                let label = op.label(&self.project.codebook);
                if undo {
                    self.history.redo.push(op);
                } else {
                    self.history.undo.push(op);
                }
                let msg = if undo {
                    t!("tui-undone", label = label.as_str())
                } else {
                    t!("tui-redone", label = label.as_str())
                };
                self.message(Level::Info, msg);
                targets.push(SaveTarget::History);
                let batch = match &todo {
                    Op::AddCodings { batch, .. } | Op::RemoveCodings { batch, .. } => batch.clone(),
                    _ => None,
                };
                let mut fx = self.save(&targets);
                // The batch log follows the codings: out after they are removed, back in before they return.
                match batch {
                    Some(b) if undo => fx.push(Effect::UnlogBatch(b.id)),
                    Some(b) => fx.insert(0, Effect::LogBatch(b)),
                    None => {}
                }
                fx
            }
            Err(e) => {
                self.message(Level::Error, e);
                self.save(&[SaveTarget::History])
            }
        }
    }

    pub(crate) fn recode_done(
        &mut self,
        pending: RewriteReason,
        result: Result<Vec<Recode>, String>,
    ) -> Vec<Effect> {
        let done = match result {
            Ok(done) => done,
            Err(e) => {
                self.message(Level::Error, t!("tui-not-done", error = e.to_string()));
                return Vec::new();
            }
        };
        match pending {
            RewriteReason::Do(mut op) => {
                if let Op::Codebook { recodes, .. } = op.as_mut() {
                    let me = self.coder.clone();
                    recodes.retain(|r| r.coder == me);
                    recodes.extend(done);
                }
                let label = op.label(&self.project.codebook);
                let fx = self.commit_local(*op);
                if !fx.is_empty() {
                    self.message(
                        Level::Info,
                        t!("tui-codebook-changed", label = label.as_str()),
                    );
                }
                fx
            }
            RewriteReason::Undo => self.finish_step(true),
            RewriteReason::Redo => self.finish_step(false),
        }
    }

    /// Whether a coding to add still has its transcript and its code.
    fn check_place(&self, coding: &Coding) -> Result<(), String> {
        if !self.project.has_doc(&coding.doc) {
            return Err(t!("tui-op-doc-gone", doc = coding.doc.as_str()));
        }
        if self.project.codebook.get(&coding.code).is_none() {
            return Err(t!("tui-op-code-gone", code = coding.code.as_str()));
        }
        Ok(())
    }

    /// Whether `op` can be applied to the current data.
    fn check_op(&self, op: &Op) -> Result<(), String> {
        let mine = self.mine();
        let has = |id: &str| mine.is_some_and(|f| f.find(id).is_some());
        match op {
            Op::AddCoding { coding } => {
                if has(&coding.id) {
                    return Err(t!("tui-op-coding-exists"));
                }
                self.check_place(coding)
            }
            Op::RemoveCoding { coding } => {
                if has(&coding.id) {
                    Ok(())
                } else {
                    Err(t!("tui-op-coding-gone"))
                }
            }
            Op::EditCoding { before: coding, .. } => {
                if has(&coding.id) {
                    Ok(())
                } else {
                    Err(t!("tui-op-coding-gone"))
                }
            }
            Op::AddCodings { codings, .. } => {
                // One set of the file's ids, not a scan of the file per coding of a large batch.
                let ids = mine.map(CoderFile::ids).unwrap_or_default();
                if codings.iter().any(|c| ids.contains(c.id.as_str())) {
                    return Err(t!("tui-op-coding-exists"));
                }
                codings.iter().try_for_each(|c| self.check_place(c))
            }
            Op::RemoveCodings { codings, .. } => {
                let ids = mine.map(CoderFile::ids).unwrap_or_default();
                if codings.iter().all(|c| ids.contains(c.id.as_str())) {
                    Ok(())
                } else {
                    Err(t!("tui-op-coding-gone"))
                }
            }
            Op::DocMemo { .. } => Ok(()),
            Op::Layer {
                coder,
                removed,
                added,
                ..
            } => {
                let ids = self
                    .project
                    .coders
                    .get(coder)
                    .map(CoderFile::ids)
                    .unwrap_or_default();
                let here = |id: &str| ids.contains(id);
                if removed.iter().all(|c| here(&c.id)) && !added.iter().any(|c| here(&c.id)) {
                    Ok(())
                } else {
                    Err(t!("tui-changed-since", what = coder.as_str()))
                }
            }
            Op::Codebook { before, .. } => {
                if **before == self.project.codebook {
                    Ok(())
                } else {
                    Err(t!("tui-codebook-changed-since"))
                }
            }
        }
    }

    /// Applies `op` in memory; returns the files to write.
    fn apply_op(&mut self, op: &Op) -> Result<Vec<SaveTarget>, String> {
        self.check_op(op)?;
        let me = self.coder.clone();
        let targets = match op {
            Op::AddCoding { coding } => {
                self.project.coder_mut(&me).insert(coding.clone());
                vec![SaveTarget::Coder]
            }
            Op::RemoveCoding { coding } => {
                self.project.coder_mut(&me).remove(&coding.id);
                vec![SaveTarget::Coder]
            }
            Op::EditCoding { after, .. } => {
                if let Some(c) = self.project.coder_mut(&me).find_mut(&after.id) {
                    *c = (**after).clone();
                }
                vec![SaveTarget::Coder]
            }
            Op::AddCodings { codings, .. } => {
                self.project.coder_mut(&me).insert_many(codings.clone());
                vec![SaveTarget::Coder]
            }
            Op::RemoveCodings { codings, .. } => {
                let ids = codings.iter().map(|c| c.id.as_str());
                self.project.coder_mut(&me).remove_many(ids);
                vec![SaveTarget::Coder]
            }
            Op::DocMemo { doc, after, .. } => {
                let memos = &mut self.project.coder_mut(&me).doc_memos;
                match after {
                    Some(m) => memos.insert(doc.clone(), m.clone()),
                    None => memos.remove(doc),
                };
                vec![SaveTarget::Coder]
            }
            // Written by the runner under the layer's lock before this point; the copy in memory is already new.
            Op::Layer { .. } => Vec::new(),
            Op::Codebook { after, recodes, .. } => {
                self.project.codebook = (**after).clone();
                let mut t = vec![SaveTarget::Codebook];
                for r in recodes {
                    // Other coders' files were rewritten on disk already; keep the copies in memory in step.
                    if let Some(c) = self
                        .project
                        .coders
                        .get_mut(&r.coder)
                        .and_then(|f| f.find_mut(&r.id))
                    {
                        c.code = r.to.clone();
                    }
                    if r.coder == me && !t.contains(&SaveTarget::Coder) {
                        t.push(SaveTarget::Coder);
                    }
                }
                t
            }
        };
        if targets.contains(&SaveTarget::Codebook) {
            self.after_codebook_change();
        } else {
            self.recompute();
            self.refresh_retrieval();
        }
        Ok(targets)
    }
}

impl AppState {
    /// The decision-log entry for undoing (or redoing) a decision on `unit`; None when the unit no longer parses.
    fn layer_log_entry(
        &self,
        unit: &str,
        choice: &str,
        undo: bool,
    ) -> Option<crate::model::Decision> {
        use crate::agreement::consensus::log_entry;
        let r = crate::agreement::disagree::parse_id(&self.project, unit).ok()?;
        let coders = [self.agree.a.clone(), self.agree.b.clone()];
        if undo {
            let mut e = log_entry(
                &r,
                &self.coder,
                &coders,
                crate::model::decision::UNDO,
                &[],
                None,
            );
            e.undoes = self.agree.decisions.current(unit).map(|d| d.n);
            return Some(e);
        }
        let letter = choice.split(' ').next().unwrap_or(choice).to_string();
        let took: Vec<String> = match letter.as_str() {
            "A" => vec![coders[0].clone()],
            "B" => vec![coders[1].clone()],
            "both" => coders.to_vec(),
            _ => Vec::new(),
        };
        Some(log_entry(&r, &self.coder, &coders, &letter, &took, None))
    }
}
