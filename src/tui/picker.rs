//! The code picker: fuzzy filtering (nucleo) over code names and paths, and what the pick is for.

use crate::model::Codebook;
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

/// Added to a fuzzy score on a code's own name, so that a hit on the name itself ranks above one spread
/// over its path (the name is what the researcher types).
const NAME_HIT_BONUS: u32 = 1000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    /// Code the current selection.
    Apply,
    /// Show the segments of a code.
    Retrieve,
    /// Choose a new parent for a code (top level allowed).
    MoveTo(String),
    /// Choose the code another is merged into.
    MergeInto(String),
    /// The code the agreement view compares.
    Agree,
    /// Choose the code the search hits are auto-coded with.
    AutoCode,
}

/// One row of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Code(String),
    /// "(top level)" as a parent.
    TopLevel,
}

#[derive(Debug, Clone)]
pub struct Picker {
    pub purpose: Purpose,
    pub query: String,
    pub items: Vec<Item>,
    pub selected: usize,
    /// True when the query matched nothing and the list offers parents for a new code.
    pub creating: bool,
}

impl Picker {
    pub fn new(purpose: Purpose, book: &Codebook) -> Picker {
        let mut p = Picker {
            purpose,
            query: String::new(),
            items: Vec::new(),
            selected: 0,
            creating: false,
        };
        p.refresh(book);
        p
    }

    pub fn title(&self) -> &'static str {
        match self.purpose {
            Purpose::Apply => "Code the selection",
            Purpose::Retrieve => "Segments of code",
            Purpose::MoveTo(_) => "Move under",
            Purpose::MergeInto(_) => "Merge into",
            Purpose::Agree => "Compare agreement on",
            Purpose::AutoCode => "Auto-code the hits with",
        }
    }

    /// Codes that may not be offered (the code being moved and its subtree, or merged).
    fn excluded(&self, book: &Codebook) -> Vec<String> {
        match &self.purpose {
            Purpose::MoveTo(id) => book.descendants(id),
            Purpose::MergeInto(id) => book.descendants(id),
            _ => Vec::new(),
        }
    }

    /// Re-filters after the query or the codebook changed.
    pub fn refresh(&mut self, book: &Codebook) {
        let excluded = self.excluded(book);
        let flat: Vec<_> = book
            .flatten()
            .into_iter()
            .filter(|f| !excluded.contains(&f.code.id))
            .collect();
        let q = self.query.trim();
        let mut items: Vec<Item> = if q.is_empty() {
            flat.iter().map(|f| Item::Code(f.code.id.clone())).collect()
        } else {
            let pattern = Pattern::parse(q, CaseMatching::Ignore, Normalization::Smart);
            let mut matcher = Matcher::new(Config::DEFAULT);
            let mut buf = Vec::new();
            let mut scored: Vec<(u32, usize, &str)> = flat
                .iter()
                .enumerate()
                .filter_map(|(i, f)| {
                    let name = pattern.score(Utf32Str::new(&f.code.name, &mut buf), &mut matcher);
                    let path = book.path(&f.code.id);
                    let by_path = pattern.score(Utf32Str::new(&path, &mut buf), &mut matcher);
                    let s = name.map(|s| s + NAME_HIT_BONUS).max(by_path)?;
                    Some((s, i, f.code.id.as_str()))
                })
                .collect();
            scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            scored
                .into_iter()
                .map(|(_, _, id)| Item::Code(id.to_string()))
                .collect()
        };
        self.creating = items.is_empty() && !q.is_empty() && self.can_create();
        if self.creating {
            items = flat.iter().map(|f| Item::Code(f.code.id.clone())).collect();
        }
        if matches!(self.purpose, Purpose::MoveTo(_)) || self.creating {
            items.insert(0, Item::TopLevel);
        }
        self.items = items;
        self.selected = self.selected.min(self.items.len().saturating_sub(1));
        if self.creating || q.is_empty() {
            self.selected = 0;
        }
    }

    pub fn can_create(&self) -> bool {
        self.purpose == Purpose::Apply
    }

    pub fn current(&self) -> Option<&Item> {
        self.items.get(self.selected)
    }

    /// The parent a new code would get: the highlighted code, or none at the top level.
    pub fn parent_for_new(&self) -> Option<String> {
        match self.current() {
            Some(Item::Code(id)) => Some(id.clone()),
            _ => None,
        }
    }

    pub fn move_by(&mut self, delta: isize) {
        let n = self.items.len();
        if n == 0 {
            return;
        }
        self.selected = (self.selected as isize + delta).clamp(0, n as isize - 1) as usize;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn book() -> Codebook {
        serde_json::from_str(crate::store::project::DEFAULT_CODEBOOK).unwrap()
    }

    #[test]
    fn fuzzy_over_names_and_paths() {
        let b = book();
        let mut p = Picker::new(Purpose::Apply, &b);
        assert_eq!(p.items.len(), b.flatten().len());
        p.query = "resursb".into();
        p.refresh(&b);
        assert_eq!(p.current(), Some(&Item::Code("resursbrist".into())));
        // ASCII typing finds Swedish letters.
        p.query = "malsattn".into();
        p.refresh(&b);
        assert_eq!(p.current(), Some(&Item::Code("malsattning".into())));
        p.query = "qqqzzz".into();
        p.refresh(&b);
        assert!(p.creating);
        assert_eq!(p.current(), Some(&Item::TopLevel));
    }

    #[test]
    fn move_excludes_own_subtree() {
        let b = book();
        let p = Picker::new(Purpose::MoveTo("hinder".into()), &b);
        assert!(!p.items.contains(&Item::Code("resursbrist".into())));
        assert_eq!(p.items[0], Item::TopLevel);
    }
}
