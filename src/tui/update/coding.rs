//! Coding the selection, removing codings, and memos on codings and transcripts.

use crate::model::{Code, Coding, Memo};
use crate::t;
use crate::tui::action::{Effect, SaveTarget};
use crate::tui::app::{AppState, ChooseFor, Deferred, EditFor, Level, Overlay};
use crate::tui::editor::TextBox;
use crate::tui::history::Op;
use crate::tui::keymap::KeyContext;
use crate::tui::motion::trim_span;
use crate::tui::wrap::clean;

impl AppState {
    /// An unbound key outside text fields: applies the code with that shortcut to the selection.
    pub(crate) fn shortcut(&mut self, c: char) -> Vec<Effect> {
        let ctx = self.context();
        if !matches!(
            ctx,
            KeyContext::Transcript
                | KeyContext::Select
                | KeyContext::Codebook
                | KeyContext::Documents
        ) {
            return Vec::new();
        }
        let Some(code) = self
            .project
            .codebook
            .by_shortcut(&c.to_string())
            .map(|c| c.id.clone())
        else {
            self.message(
                Level::Info,
                crate::t!("tui-key-does-nothing", key = c.to_string()),
            );
            return Vec::new();
        };
        self.apply_code(&code)
    }

    /// Codes the selection (trimmed of blanks) with `code`.
    pub(crate) fn apply_code(&mut self, code: &str) -> Vec<Effect> {
        if !self.writable() {
            return Vec::new();
        }
        let path = self.project.codebook.path(code);
        let name = self
            .project
            .codebook
            .get(code)
            .map_or(code.to_string(), |c| c.name.clone());
        let Some((doc, sel)) = self.view.as_ref().map(|v| (v.doc.clone(), v.selection())) else {
            self.message(Level::Info, t!("tui-msg-open-first"));
            return Vec::new();
        };
        let Some((s, e)) = sel else {
            self.message(
                Level::Info,
                t!("tui-msg-select-first", path = path.as_str()),
            );
            return Vec::new();
        };
        let Some((s, e)) = self
            .doc()
            .and_then(|t| trim_span(t, s, e.min(t.char_len())))
        else {
            self.message(Level::Info, t!("tui-msg-blank"));
            return Vec::new();
        };
        let dup = self.mine().is_some_and(|f| {
            f.for_doc(&doc)
                .any(|c| c.start == s && c.end == e && c.code == code)
        });
        if dup {
            self.message(Level::Info, t!("tui-msg-already", path = path.as_str()));
            return Vec::new();
        }
        let coding = match self.project.new_coding(&doc, s, e, code) {
            Ok(c) => c,
            Err(err) => {
                self.message(Level::Error, crate::messages::describe(&err));
                return Vec::new();
            }
        };
        // The passage stays selected, so a second code is one more key away (Esc clears it).
        self.overlay = None;
        if let Some(v) = self.view.as_mut() {
            v.kept = true;
        }
        let fx = self.commit(Op::AddCoding { coding });
        if !fx.is_empty() {
            self.message(Level::Info, t!("tui-msg-coded", name = name, chars = e - s));
        }
        fx
    }

    /// My codings under the cursor, or overlapping the selection.
    fn codings_here(&self) -> Vec<Coding> {
        let Some(v) = self.view.as_ref() else {
            return Vec::new();
        };
        let (s, e) = v.selection().unwrap_or((v.cursor, v.cursor + 1));
        self.mine()
            .map(|f| {
                f.for_doc(&v.doc)
                    .filter(|c| c.overlaps(s, e))
                    .cloned()
                    .collect()
            })
            .unwrap_or_default()
    }

    fn coding_label(&self, c: &Coding) -> String {
        let name = self
            .project
            .codebook
            .get(&c.code)
            .map_or(c.code.as_str(), |x| x.name.as_str());
        let quote: String = clean(&c.quote).chars().take(40).collect();
        format!(
            "{} «{quote}{}»",
            clean(name),
            if c.quote.chars().count() > 40 {
                "…"
            } else {
                ""
            }
        )
    }

    /// Runs `purpose` on the only coding here, or asks which one.
    fn pick_coding(&mut self, purpose: ChooseFor, title: String) -> Vec<Effect> {
        if !self.writable() {
            return Vec::new();
        }
        let here = self.codings_here();
        match here.as_slice() {
            [] => {
                self.message(Level::Info, t!("tui-no-coding-here"));
                Vec::new()
            }
            [one] => self.chosen(purpose, &one.id.clone()),
            many => {
                let items = many
                    .iter()
                    .map(|c| (self.coding_label(c), c.id.clone()))
                    .collect();
                self.overlay = Some(Overlay::Choose {
                    title,
                    items,
                    selected: 0,
                    purpose,
                });
                Vec::new()
            }
        }
    }

    pub(crate) fn uncode(&mut self) -> Vec<Effect> {
        self.pick_coding(ChooseFor::Remove, t!("tui-which-coding-remove"))
    }

    pub(crate) fn memo_on_coding(&mut self) -> Vec<Effect> {
        self.pick_coding(ChooseFor::Memo, t!("tui-which-coding-memo"))
    }

    /// The coding `id` was chosen for `purpose`.
    pub(crate) fn chosen(&mut self, purpose: ChooseFor, id: &str) -> Vec<Effect> {
        self.overlay = None;
        let Some(coding) = self.mine().and_then(|f| f.find(id)).cloned() else {
            return Vec::new();
        };
        match purpose {
            ChooseFor::Remove => {
                let label = self.coding_label(&coding);
                let fx = self.commit(Op::RemoveCoding { coding });
                if !fx.is_empty() {
                    self.message(Level::Info, t!("tui-removed", label = label.as_str()));
                }
                fx
            }
            ChooseFor::Memo => {
                let title = crate::t!("tui-memo-on", what = self.coding_label(&coding));
                self.overlay = Some(Overlay::Editor {
                    title,
                    text: TextBox::new(coding.memo.as_deref().unwrap_or(""), true),
                    purpose: EditFor::CodingMemo { id: coding.id },
                });
                Vec::new()
            }
        }
    }

    pub(crate) fn doc_memo(&mut self) -> Vec<Effect> {
        if !self.writable() {
            return Vec::new();
        }
        let Some(doc) = self.view.as_ref().map(|v| v.doc.clone()) else {
            return Vec::new();
        };
        let text = self
            .mine()
            .and_then(|f| f.doc_memos.get(&doc))
            .map(|m| m.text.clone())
            .unwrap_or_default();
        self.overlay = Some(Overlay::Editor {
            title: crate::t!("tui-memo-on-doc", doc = clean(&doc)),
            text: TextBox::new(&text, true),
            purpose: EditFor::DocMemo { doc },
        });
        Vec::new()
    }

    /// Saves what the editor holds.
    pub(crate) fn save_editor(&mut self, purpose: EditFor, text: String) -> Vec<Effect> {
        self.overlay = None;
        let text = text.trim_end().to_string();
        let now = chrono::Utc::now();
        let op = match purpose {
            EditFor::CodingMemo { id } => {
                let Some(before) = self.mine().and_then(|f| f.find(&id)).cloned() else {
                    return Vec::new();
                };
                let memo = (!text.is_empty()).then_some(text);
                if before.memo == memo {
                    return Vec::new();
                }
                let mut after = before.clone();
                after.memo = memo;
                after.modified = now;
                Op::EditCoding {
                    before: Box::new(before),
                    after: Box::new(after),
                }
            }
            EditFor::DocMemo { doc } => {
                let before = self.mine().and_then(|f| f.doc_memos.get(&doc)).cloned();
                if before.as_ref().map_or("", |m| m.text.as_str()) == text {
                    return Vec::new();
                }
                let after = (!text.is_empty()).then_some(Memo {
                    text,
                    modified: now,
                });
                Op::DocMemo { doc, before, after }
            }
            EditFor::Description { code } => {
                let mut after = self.project.codebook.clone();
                let (description, inclusion, exclusion) = super::codebook::parse_description(&text);
                let edit = |c: &mut crate::model::Code| {
                    (c.description, c.inclusion, c.exclusion) = (description, inclusion, exclusion);
                };
                if after.edit(&code, edit).is_err() {
                    return Vec::new();
                }
                if after == self.project.codebook {
                    return Vec::new();
                }
                return self.codebook_op(
                    crate::t!(
                        "tui-op-description",
                        path = self.project.codebook.path(&code)
                    ),
                    after,
                    Vec::new(),
                );
            }
        };
        let fx = self.commit(op);
        if !fx.is_empty() {
            self.message(Level::Info, t!("tui-memo-saved"));
        }
        fx
    }

    /// Creates a code under `parent` and codes the selection with it.
    pub(crate) fn create_and_apply(&mut self, name: &str, parent: Option<String>) -> Vec<Effect> {
        let (mut fx, id) = self.create_code(name, parent);
        if let Some(id) = id {
            fx.extend(self.apply_code(&id));
        }
        fx
    }

    /// Adds a new code named `name` under `parent` (top level when None); its colour follows the parent.
    /// Returns the new code's id when it was created.
    pub(crate) fn create_code(
        &mut self,
        name: &str,
        parent: Option<String>,
    ) -> (Vec<Effect>, Option<String>) {
        let name = clean(name).trim().to_string();
        if name.is_empty() {
            self.message(Level::Error, t!("tui-code-needs-name"));
            return (Vec::new(), None);
        }
        let book = &self.project.codebook;
        let siblings: Vec<&Code> = match &parent {
            Some(p) => book
                .get(p)
                .map(|c| c.children.iter().collect())
                .unwrap_or_default(),
            None => book.codes.iter().collect(),
        };
        if siblings
            .iter()
            .any(|c| c.name.to_lowercase() == name.to_lowercase())
        {
            self.message(
                Level::Error,
                crate::t!("tui-code-exists-there", name = name.as_str()),
            );
            return (Vec::new(), None);
        }
        let id = book.new_id(&name);
        let mut code = Code::new(&id, &name);
        code.color = parent
            .as_deref()
            .and_then(|p| book.get(p))
            .and_then(|c| c.color.clone());
        let mut after = book.clone();
        if let Err(e) = after.add(code, parent.as_deref()) {
            self.message(Level::Error, crate::messages::describe(&e));
            return (Vec::new(), None);
        }
        let where_ = parent
            .as_deref()
            .map_or_else(|| t!("tui-top-level"), |p| book.path(p));
        let label = t!("tui-op-new-code", name = name.as_str(), under = where_);
        let fx = self.codebook_op(label, after, Vec::new());
        let created = self.project.codebook.get(&id).is_some();
        (fx, created.then_some(id))
    }
}

impl AppState {
    /// At start: codings that no longer match an edited transcript (what `kodbok check` reports). Mine are offered
    /// the re-anchoring of `kodbok check --reanchor`; other coders' are mentioned.
    pub fn check_anchors(&mut self) {
        let others: usize = self
            .project
            .coders
            .keys()
            .filter(|c| **c != self.coder)
            .map(|c| self.project.stale_codings(c).len())
            .sum();
        if others > 0 {
            self.message(Level::Warn, t!("tui-stale-others", n = others));
        }
        let mine = self.project.stale_codings(&self.coder).len();
        if mine > 0 && self.read_only.is_none() {
            self.overlay = Some(Overlay::Confirm {
                question: t!("tui-stale-question", n = mine),
                then: Deferred::Reanchor,
            });
        }
    }

    /// Moves my stale codings to where their quotes are now and saves them.
    pub(crate) fn reanchor_mine(&mut self) -> Vec<Effect> {
        if !self.writable() {
            return Vec::new();
        }
        let stale = self.project.stale_codings(&self.coder).len();
        let moved = self.project.reanchor_coder(&self.coder).len();
        self.recompute();
        self.refresh_retrieval();
        self.message(
            if moved == stale {
                Level::Info
            } else {
                Level::Warn
            },
            t!(
                "tui-stale-done",
                moved = moved,
                stale = stale,
                lost = stale - moved
            ),
        );
        if moved == 0 {
            return Vec::new();
        }
        self.save(&[SaveTarget::Coder])
    }
}
