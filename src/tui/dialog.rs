//! The dialogs drawn over the panes (help, one-line prompt, memo editor, yes/no, choosing a coding) handle their
//! own keys: `Overlay::update` changes only the dialog's state and says what the app must do when the dialog is
//! done (the code picker has its own `Picker::update`, in `picker.rs`).

use super::action::Command;
use super::app::{ChooseFor, Deferred, EditFor, Overlay, PromptFor};

/// Lines the help screen moves on Page Up / Page Down: most of a small terminal's height, so a page of help is
/// not skipped unseen at 80×24.
pub const HELP_PAGE: usize = 10;

/// What a dialog asks of the app when a key ends it (or needs more than its own state).
#[derive(Debug, Clone, PartialEq)]
pub enum DialogOutcome {
    /// Close the dialog; nothing else happens.
    Close,
    /// The memo editor was left without saving.
    Discarded,
    /// The prompt's text was accepted for `purpose` (the dialog stays open until the app closes it, so a
    /// refused text can be corrected).
    Accept { purpose: PromptFor, text: String },
    /// The editor's text was saved for `purpose`.
    Save { purpose: EditFor, text: String },
    /// The yes/no question was answered (the dialog is closed).
    Answer { yes: bool, then: Deferred },
    /// A coding was chosen from the list.
    Chosen { purpose: ChooseFor, id: String },
}

impl Overlay {
    /// Handles one command while this dialog is on top. `None`: the dialog took it and stays open.
    pub fn update(&mut self, c: Command) -> Option<DialogOutcome> {
        match self {
            Overlay::Help { scroll } => {
                match c {
                    Command::Down => *scroll += 1,
                    Command::Up => *scroll = scroll.saturating_sub(1),
                    Command::PageDown => *scroll += HELP_PAGE,
                    Command::PageUp => *scroll = scroll.saturating_sub(HELP_PAGE),
                    Command::Top => *scroll = 0,
                    // The view clamps this to the last page.
                    Command::Bottom => *scroll = usize::MAX / 2,
                    _ => return Some(DialogOutcome::Close),
                }
                None
            }
            // The picker needs the codebook: the app hands it to `Picker::update`.
            Overlay::Picker(_) => None,
            Overlay::Prompt { input, purpose, .. } => {
                if input.edit(c) {
                    return None;
                }
                match c {
                    Command::Cancel => return Some(DialogOutcome::Close),
                    Command::Accept => {
                        return Some(DialogOutcome::Accept {
                            purpose: purpose.clone(),
                            text: input.text(),
                        });
                    }
                    _ => {}
                }
                None
            }
            Overlay::Editor { text, purpose, .. } => {
                if text.edit(c) {
                    return None;
                }
                match c {
                    Command::Newline => text.newline(),
                    Command::Up => text.up(),
                    Command::Down => text.down(),
                    Command::Discard => return Some(DialogOutcome::Discarded),
                    Command::Save => {
                        return Some(DialogOutcome::Save {
                            purpose: purpose.clone(),
                            text: text.text(),
                        });
                    }
                    _ => {}
                }
                None
            }
            Overlay::Confirm { then, .. } => Some(DialogOutcome::Answer {
                yes: c == Command::Yes,
                then: then.clone(),
            }),
            Overlay::Choose {
                items,
                selected,
                purpose,
                ..
            } => {
                match c {
                    Command::Down => *selected = (*selected + 1).min(items.len().saturating_sub(1)),
                    Command::Up => *selected = selected.saturating_sub(1),
                    Command::Accept => {
                        return items.get(*selected).map(|i| DialogOutcome::Chosen {
                            purpose: *purpose,
                            id: i.1.clone(),
                        });
                    }
                    _ => return Some(DialogOutcome::Close),
                }
                None
            }
        }
    }

    /// Typed or pasted text for the dialog's text field, if it has one.
    pub fn input(&mut self, s: &str) -> bool {
        match self {
            Overlay::Prompt { input, .. } => input.insert_str(s),
            Overlay::Editor { text, .. } => text.insert_str(s),
            _ => return false,
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::editor::TextBox;

    fn prompt(text: &str) -> Overlay {
        Overlay::Prompt {
            title: "t".into(),
            input: TextBox::new(text, false),
            purpose: PromptFor::Filter,
        }
    }

    #[test]
    fn prompt_edits_then_accepts_its_text() {
        let mut p = prompt("grupp");
        assert_eq!(p.update(Command::Backspace), None);
        assert!(p.input("x"));
        assert_eq!(
            p.update(Command::Accept),
            Some(DialogOutcome::Accept {
                purpose: PromptFor::Filter,
                text: "grupx".into()
            })
        );
        assert_eq!(p.update(Command::Cancel), Some(DialogOutcome::Close));
    }

    #[test]
    fn help_scrolls_by_pages_and_closes_on_other_keys() {
        let mut h = Overlay::Help { scroll: 0 };
        assert_eq!(h.update(Command::PageDown), None);
        assert!(matches!(h, Overlay::Help { scroll } if scroll == HELP_PAGE));
        assert_eq!(h.update(Command::Up), None);
        assert!(matches!(h, Overlay::Help { scroll } if scroll == HELP_PAGE - 1));
        assert_eq!(h.update(Command::Quit), Some(DialogOutcome::Close));
    }

    #[test]
    fn confirm_answers_yes_only_to_yes() {
        let mut c = Overlay::Confirm {
            question: "?".into(),
            then: Deferred::Reanchor,
        };
        assert_eq!(
            c.update(Command::Cancel),
            Some(DialogOutcome::Answer {
                yes: false,
                then: Deferred::Reanchor
            })
        );
        assert_eq!(
            c.update(Command::Yes),
            Some(DialogOutcome::Answer {
                yes: true,
                then: Deferred::Reanchor
            })
        );
    }

    #[test]
    fn choose_moves_within_its_items_and_returns_the_id() {
        let mut c = Overlay::Choose {
            title: "t".into(),
            items: vec![("a".into(), "id-a".into()), ("b".into(), "id-b".into())],
            selected: 0,
            purpose: ChooseFor::Memo,
        };
        for _ in 0..3 {
            assert_eq!(c.update(Command::Down), None);
        }
        assert_eq!(
            c.update(Command::Accept),
            Some(DialogOutcome::Chosen {
                purpose: ChooseFor::Memo,
                id: "id-b".into()
            })
        );
        assert_eq!(c.update(Command::Cancel), Some(DialogOutcome::Close));
    }
}
