//! Keys while an overlay is open: help, code picker, prompt, memo editor, yes/no, choosing a coding.

use crate::t;
use crate::tui::action::{Command, Effect};
use crate::tui::app::{AppState, Deferred, Level, Overlay, PromptFor, Screen};
use crate::tui::dialog::DialogOutcome;
use crate::tui::keymap::KeyContext;
use crate::tui::picker::{Item, Picked, Purpose};

impl AppState {
    pub(crate) fn overlay_command(&mut self, ctx: KeyContext, c: Command) -> Vec<Effect> {
        if ctx == KeyContext::Picker {
            return self.picker_cmd(c);
        }
        let Some(outcome) = self.overlay.as_mut().and_then(|o| o.update(c)) else {
            return Vec::new();
        };
        self.dialog_done(outcome)
    }

    /// Carries out what a dialog asked for when a key ended it.
    fn dialog_done(&mut self, outcome: DialogOutcome) -> Vec<Effect> {
        match outcome {
            DialogOutcome::Close => {
                self.overlay = None;
                Vec::new()
            }
            DialogOutcome::Discarded => {
                self.overlay = None;
                self.message(Level::Info, t!("tui-memo-discarded"));
                Vec::new()
            }
            DialogOutcome::Accept { purpose, text } => self.prompt_accept(purpose, text),
            DialogOutcome::Save { purpose, text } => self.save_editor(purpose, text),
            DialogOutcome::Answer { yes, then } => {
                self.overlay = None;
                if yes {
                    self.confirmed(then)
                } else {
                    Vec::new()
                }
            }
            DialogOutcome::Chosen { purpose, id } => self.chosen(purpose, &id),
        }
    }

    /// Typed or pasted text goes to the open text field, if any.
    pub(crate) fn input(&mut self, s: &str) -> Vec<Effect> {
        if self.context() == crate::tui::keymap::KeyContext::DocFilter {
            return self.docs_input(s);
        }
        match self.overlay.as_mut() {
            Some(Overlay::Picker(p)) => p.input(s, &self.project.codebook),
            Some(o) => {
                o.input(s);
            }
            None if self.screen == Screen::Search => return self.search_input(s),
            None => {}
        }
        Vec::new()
    }

    fn picker_cmd(&mut self, c: Command) -> Vec<Effect> {
        let Some(Overlay::Picker(p)) = self.overlay.as_mut() else {
            return Vec::new();
        };
        let purpose = p.purpose.clone();
        match p.update(c, &self.project.codebook) {
            None => Vec::new(),
            Some(Picked::Cancelled) => {
                self.overlay = None;
                Vec::new()
            }
            Some(Picked::NeedName) => {
                self.message(Level::Info, t!("tui-new-code-need-name"));
                Vec::new()
            }
            Some(Picked::NoMatch) => {
                self.message(Level::Info, t!("tui-no-code-matches"));
                Vec::new()
            }
            Some(Picked::Create { name, parent }) => {
                self.confirm_create(name, parent);
                Vec::new()
            }
            Some(Picked::Item(item)) => {
                self.overlay = None;
                self.picked(purpose, item)
            }
        }
    }

    fn confirm_create(&mut self, name: String, parent: Option<String>) {
        let book = &self.project.codebook;
        let under = parent
            .as_deref()
            .map_or_else(|| t!("tui-new-code-top-level"), |p| book.path(p));
        self.overlay = Some(Overlay::Confirm {
            question: t!("tui-new-code-question", name = name.as_str(), under = under),
            then: Deferred::CreateCode { name, parent },
        });
    }

    /// A code (or the top level) was picked for `purpose`.
    fn picked(&mut self, purpose: Purpose, item: Item) -> Vec<Effect> {
        match (purpose, item) {
            (Purpose::Apply, Item::Code(id)) => self.apply_code(&id),
            (Purpose::Retrieve, Item::Code(id)) => {
                self.show_segments(&id);
                Vec::new()
            }
            (Purpose::MoveTo(code), Item::TopLevel) => self.move_code(&code, None),
            (Purpose::MoveTo(code), Item::Code(parent)) => self.move_code(&code, Some(&parent)),
            (Purpose::MergeInto(code), Item::Code(into)) => self.merge_code(&code, &into),
            (Purpose::Agree, Item::Code(id)) => {
                self.agree_code(Some(id));
                Vec::new()
            }
            (Purpose::AutoCode, Item::Code(code)) => self.plan_autocode(code),
            _ => Vec::new(),
        }
    }

    fn prompt_accept(&mut self, purpose: PromptFor, text: String) -> Vec<Effect> {
        match purpose {
            PromptFor::Filter => match self.set_filter(&text) {
                Ok(()) => {
                    self.overlay = None;
                    Vec::new()
                }
                // The prompt stays open so the filter can be corrected.
                Err(e) => {
                    self.message(Level::Error, e);
                    Vec::new()
                }
            },
            PromptFor::AddCode { parent } => {
                self.overlay = None;
                self.create_code(&text, parent).0
            }
            PromptFor::Rename { id } => {
                self.overlay = None;
                self.rename_code(&id, &text)
            }
            PromptFor::CodeQuery { code } => self.save_code_query(&code, text.trim()),
        }
    }

    /// Saves a code's query when it parses (else the prompt stays open, the problem shown).
    fn save_code_query(&mut self, code: &str, query: &str) -> Vec<Effect> {
        if !query.is_empty()
            && let Err(e) = crate::index::query::parse(query)
        {
            self.message(
                Level::Error,
                crate::t!("tui-code-query-bad", problem = crate::messages::query(&e)),
            );
            return Vec::new();
        }
        self.overlay = None;
        let mut after = self.project.codebook.clone();
        if after.edit(code, |c| c.query = query.to_string()).is_err()
            || after == self.project.codebook
        {
            return Vec::new();
        }
        let label = t!(
            "tui-op-saved-query",
            path = self.project.codebook.path(code)
        );
        self.codebook_op(label, after, Vec::new())
    }

    /// A yes to a question: what was deferred until it was answered.
    fn confirmed(&mut self, then: Deferred) -> Vec<Effect> {
        match then {
            Deferred::CreateCode { name, parent } => self.create_and_apply(&name, parent),
            Deferred::QuitUnsaved => vec![Effect::Rescue],
            Deferred::Reanchor => self.reanchor_mine(),
            Deferred::AutoCode {
                label,
                codings,
                batch,
            } => self.autocode(label, codings, *batch),
        }
    }

    fn set_filter(&mut self, text: &str) -> Result<(), String> {
        let cx = super::screens::shared!(self);
        self.retrieval.set_filter(text, &cx)
    }
}
