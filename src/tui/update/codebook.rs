//! The codebook pane: moving in the tree, folding, and adding, renaming, describing, moving and merging codes.

use crate::model::{Code, Codebook};
use crate::t;
use crate::tui::action::{Command, Effect};
use crate::tui::app::{AppState, EditFor, Level, Overlay, PromptFor};
use crate::tui::editor::TextBox;
use crate::tui::history::{Op, Recode};
use crate::tui::picker::{Picker, Purpose};

impl AppState {
    fn tree_height(&self) -> usize {
        self.panes()
            .codebook
            .map_or(1, |r| crate::tui::layout::tree_rows_height(r) as usize)
    }

    pub(crate) fn tree_cmd(&mut self, c: Command) -> Vec<Effect> {
        let (rows, h) = (self.tree_rows(), self.tree_height());
        match self.tree.update(c, &rows, h) {
            Some((c, code)) => self.tree_edit(c, code),
            None => Vec::new(),
        }
    }

    fn tree_edit(&mut self, c: Command, code: Option<String>) -> Vec<Effect> {
        let book = &self.project.codebook;
        let name = code
            .as_deref()
            .and_then(|id| book.get(id))
            .map(|c| c.name.clone())
            .unwrap_or_default();
        match (c, code) {
            (Command::AddCode, parent @ Some(_)) => self.prompt(
                &t!("tui-new-sub-code"),
                &name,
                PromptFor::AddCode { parent },
            ),
            (Command::AddCode | Command::AddTopCode, _) => self.prompt(
                &t!("tui-new-top-code"),
                "",
                PromptFor::AddCode { parent: None },
            ),
            (Command::RenameCode, Some(id)) => {
                self.overlay = Some(Overlay::Prompt {
                    title: t!("tui-rename-code", name = crate::tui::wrap::clean(&name)),
                    input: TextBox::new(&name, false),
                    purpose: PromptFor::Rename { id },
                });
            }
            (Command::DescribeCode, Some(id)) => {
                let Some(code) = book.get(&id) else {
                    return Vec::new();
                };
                let mut text = TextBox::new(&description_text(code), true);
                // The cursor starts at the end of the description, above the notes.
                text.row = code.description.split('\n').count() - 1;
                text.end();
                self.overlay = Some(Overlay::Editor {
                    title: t!(
                        "tui-describe-code",
                        path = crate::tui::wrap::clean(&book.path(&id))
                    ),
                    text,
                    purpose: EditFor::Description { code: id },
                });
            }
            (Command::EditCodeQuery, Some(id)) => {
                let Some(code) = book.get(&id) else {
                    return Vec::new();
                };
                let query = code.query.clone();
                self.prompt(
                    &crate::t!("tui-code-query-prompt"),
                    &book.path(&id),
                    PromptFor::CodeQuery { code: id },
                );
                if let Some(Overlay::Prompt { input, .. }) = self.overlay.as_mut() {
                    *input = TextBox::new(&query, false);
                    input.end();
                }
            }
            (Command::MoveCode, Some(id)) => self.picker(Purpose::MoveTo(id)),
            (Command::MergeCode, Some(id)) => self.picker(Purpose::MergeInto(id)),
            (Command::ApplyCode, Some(id)) => return self.apply_code(&id),
            (Command::Segments, Some(id)) => self.show_segments(&id),
            (Command::Cancel, _) => {}
            _ => self.message(Level::Info, t!("tui-codebook-empty-hint")),
        }
        Vec::new()
    }

    fn prompt(&mut self, title: &str, name: &str, purpose: PromptFor) {
        if !self.writable() {
            return;
        }
        let title = if name.is_empty() {
            title.to_string()
        } else {
            format!("{title} {}", crate::tui::wrap::clean(name))
        };
        self.overlay = Some(Overlay::Prompt {
            title,
            input: TextBox::new("", false),
            purpose,
        });
    }

    pub(crate) fn picker(&mut self, purpose: Purpose) {
        if matches!(purpose, Purpose::MoveTo(_) | Purpose::MergeInto(_)) && !self.writable() {
            return;
        }
        self.overlay = Some(Overlay::Picker(Picker::new(
            purpose,
            &self.project.codebook,
        )));
    }

    /// Records a codebook change (with codings re-pointed by `recodes`) as one undoable step.
    pub(crate) fn codebook_op(
        &mut self,
        label: String,
        after: Codebook,
        recodes: Vec<Recode>,
    ) -> Vec<Effect> {
        if let Some(e) = after.validate().first() {
            self.message(
                Level::Error,
                t!("tui-not-changed", error = crate::messages::describe(e)),
            );
            return Vec::new();
        }
        let before = Box::new(self.project.codebook.clone());
        let fx = self.commit(Op::Codebook {
            label: label.clone(),
            before,
            after: Box::new(after),
            recodes,
        });
        if !fx.is_empty() {
            self.message(
                Level::Info,
                t!("tui-codebook-changed", label = label.as_str()),
            );
        }
        fx
    }

    pub(crate) fn rename_code(&mut self, id: &str, name: &str) -> Vec<Effect> {
        let mut after = self.project.codebook.clone();
        let old = self.project.codebook.path(id);
        if let Err(e) = after.rename(id, &crate::tui::wrap::clean(name)) {
            self.message(Level::Error, crate::messages::describe(&e));
            return Vec::new();
        }
        self.codebook_op(
            t!("tui-op-renamed", old = old.as_str(), new = name.trim()),
            after,
            Vec::new(),
        )
    }

    pub(crate) fn move_code(&mut self, id: &str, parent: Option<&str>) -> Vec<Effect> {
        let mut after = self.project.codebook.clone();
        if let Err(e) = after.move_to(id, parent) {
            self.message(Level::Error, crate::messages::describe(&e));
            return Vec::new();
        }
        let book = &self.project.codebook;
        let to = parent.map_or_else(|| t!("tui-top-level"), |p| book.path(p));
        let label = t!("tui-op-moved", path = book.path(id), to = to);
        self.codebook_op(label, after, Vec::new())
    }

    /// Merges `from` into `into`: its children move under `into` and every coder's codings of it are re-pointed.
    pub(crate) fn merge_code(&mut self, from: &str, into: &str) -> Vec<Effect> {
        let mut after = self.project.codebook.clone();
        if let Err(e) = after.merge(from, into) {
            self.message(Level::Error, crate::messages::describe(&e));
            return Vec::new();
        }
        let me = self.coder.clone();
        let recodes: Vec<Recode> = self
            .mine()
            .into_iter()
            .flat_map(|f| f.codings.iter())
            .filter(|c| c.code == from)
            .map(|c| Recode {
                coder: me.clone(),
                id: c.id.clone(),
                from: from.to_string(),
                to: into.to_string(),
            })
            .collect();
        let book = &self.project.codebook;
        let label = t!(
            "tui-op-merged",
            from = book.path(from),
            into = book.path(into)
        );
        let op = Op::Codebook {
            label,
            before: Box::new(book.clone()),
            after: Box::new(after),
            recodes,
        };
        self.commit_merge(op, from, into)
    }
}

/// A code's description and its inclusion and exclusion notes as one editable text.
pub(crate) fn description_text(code: &Code) -> String {
    format!(
        "{}\n\nInclude: {}\nExclude: {}",
        code.description, code.inclusion, code.exclusion
    )
}

/// Splits an edited text back into (description, inclusion, exclusion).
pub(crate) fn parse_description(text: &str) -> (String, String, String) {
    let mut parts = [String::new(), String::new(), String::new()];
    let mut at = 0;
    for line in text.split('\n') {
        let lower = line.trim_start().to_lowercase();
        let rest = if lower.starts_with("include:") {
            at = 1;
            &line.trim_start()["include:".len()..]
        } else if lower.starts_with("exclude:") {
            at = 2;
            &line.trim_start()["exclude:".len()..]
        } else {
            line
        };
        if !parts[at].is_empty() {
            parts[at].push('\n');
        }
        parts[at].push_str(rest.trim_start_matches(' '));
    }
    let [d, i, e] = parts.map(|p| p.trim().to_string());
    (d, i, e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn description_round_trip() {
        let mut c = Code::new("x", "X");
        c.description = "Rad ett.\nRad två.".into();
        c.exclusion = "Inte detta.".into();
        let t = description_text(&c);
        assert_eq!(
            parse_description(&t),
            (
                "Rad ett.\nRad två.".into(),
                String::new(),
                "Inte detta.".into()
            )
        );
        let (d, i, e) = parse_description("Ny.\ninclude: a\nb\n");
        assert_eq!((d.as_str(), i.as_str(), e.as_str()), ("Ny.", "a\nb", ""));
    }
}
