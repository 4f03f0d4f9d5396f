//! The codebook pane's own state and keys: the selected row, the scroll, and which codes are folded.

use super::action::Command;
use super::layout::keep_visible;
use crate::model::Codebook;
use std::collections::BTreeSet;

/// A visible row of the codebook pane: (depth, code id, whether the code has children).
pub type TreeRow = (usize, String, bool);

#[derive(Debug, Clone, Default)]
pub struct Tree {
    pub collapsed: BTreeSet<String>,
    pub selected: usize,
    pub top: usize,
}

impl Tree {
    /// The rows shown: every code in codebook order, except those under a folded code.
    pub fn rows(&self, book: &Codebook) -> Vec<TreeRow> {
        let mut out = Vec::new();
        let mut hidden_below: Option<usize> = None;
        for f in book.flatten() {
            if let Some(d) = hidden_below {
                if f.depth > d {
                    continue;
                }
                hidden_below = None;
            }
            out.push((f.depth, f.code.id.clone(), !f.code.children.is_empty()));
            if self.collapsed.contains(&f.code.id) {
                hidden_below = Some(f.depth);
            }
        }
        out
    }

    /// Handles moving and folding in `rows` (the pane shows `height` of them). Any other command is handed back
    /// with the selected code's id (None when the codebook is empty), for the app to act on that code.
    pub fn update(
        &mut self,
        c: Command,
        rows: &[TreeRow],
        height: usize,
    ) -> Option<(Command, Option<String>)> {
        let n = rows.len();
        let sel = self.selected.min(n.saturating_sub(1));
        let code = rows.get(sel).map(|r| r.1.clone());
        let go = |to: isize| (to.clamp(0, n.saturating_sub(1) as isize)) as usize;
        let new_sel = match (c, code) {
            (Command::Down, _) => go(sel as isize + 1),
            (Command::Up, _) => go(sel as isize - 1),
            (Command::PageDown, _) => go((sel + height) as isize),
            (Command::PageUp, _) => go(sel as isize - height as isize),
            (Command::HalfPageDown, _) => go((sel + height / 2) as isize),
            (Command::HalfPageUp, _) => go(sel as isize - (height / 2) as isize),
            (Command::Top, _) => 0,
            (Command::Bottom, _) => n.saturating_sub(1),
            (Command::Toggle | Command::Expand | Command::Collapse, Some(id)) => {
                let fold = match c {
                    Command::Expand => false,
                    Command::Collapse => true,
                    _ => !self.collapsed.contains(&id),
                };
                if fold {
                    self.collapsed.insert(id);
                } else {
                    self.collapsed.remove(&id);
                }
                return None;
            }
            (other, code) => return Some((other, code)),
        };
        self.selected = new_sel;
        self.top = keep_visible(self.top, new_sel, height);
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Code;

    fn book() -> Codebook {
        let mut b = Codebook::default();
        b.add(Code::new("a", "A"), None).unwrap();
        b.add(Code::new("a1", "A1"), Some("a")).unwrap();
        b.add(Code::new("b", "B"), None).unwrap();
        b
    }

    #[test]
    fn folding_hides_children_and_moves_stay_in_the_rows() {
        let b = book();
        let mut t = Tree::default();
        assert_eq!(t.rows(&b).len(), 3);
        assert_eq!(t.update(Command::Toggle, &t.rows(&b), 5), None);
        let rows = t.rows(&b);
        assert_eq!(
            rows.iter().map(|r| r.1.as_str()).collect::<Vec<_>>(),
            ["a", "b"]
        );
        for _ in 0..4 {
            assert_eq!(t.update(Command::Down, &rows, 5), None);
        }
        assert_eq!(t.selected, 1);
        assert_eq!(
            t.update(Command::RenameCode, &rows, 5),
            Some((Command::RenameCode, Some("b".into())))
        );
        assert_eq!(
            t.update(Command::AddCode, &[], 5),
            Some((Command::AddCode, None))
        );
    }
}
