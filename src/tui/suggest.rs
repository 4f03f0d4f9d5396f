//! The suggestion review screen's state: passages that match a code's saved query but that I have
//! not coded with that code, reviewed one by one (accept, skip, jump to read in context).

use crate::index::suggest::Suggestion;

#[derive(Debug, Clone, Default)]
pub struct SuggestView {
    /// Only this code's suggestions (None: every code with a saved query).
    pub code: Option<String>,
    pub items: Vec<Suggestion>,
    pub selected: usize,
    pub top: usize,
    /// Waiting for the index or for the suggestions.
    pub loading: bool,
    /// Why there are no suggestions to show (no saved query, a bad query, the index failed).
    pub error: Option<String>,
    /// Decided in this visit: (accepted, skipped).
    pub accepted: usize,
    pub skipped: usize,
}

impl SuggestView {
    pub fn current(&self) -> Option<&Suggestion> {
        self.items.get(self.selected)
    }

    /// Takes the selected suggestion out of the list (decided), keeping the selection in range.
    pub fn take_current(&mut self) -> Option<Suggestion> {
        if self.selected >= self.items.len() {
            return None;
        }
        let s = self.items.remove(self.selected);
        self.selected = self.selected.min(self.items.len().saturating_sub(1));
        Some(s)
    }
}

/// The next filter in the cycle all codes → each code with a saved query → all codes.
pub fn next_code(codes: &[String], current: Option<&str>) -> Option<String> {
    match current {
        None => codes.first().cloned(),
        Some(c) => codes
            .iter()
            .position(|x| x == c)
            .and_then(|i| codes.get(i + 1))
            .cloned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_filter_cycles_through_all() {
        let codes = vec!["a".to_string(), "b".to_string()];
        assert_eq!(next_code(&codes, None).as_deref(), Some("a"));
        assert_eq!(next_code(&codes, Some("a")).as_deref(), Some("b"));
        assert_eq!(next_code(&codes, Some("b")), None);
        assert_eq!(next_code(&[], None), None);
    }
}
