//! Finding the matches of single-word matchers (words and prefixes) without splitting a turn into
//! words: one search of the lower-cased turn for the beginnings such a word must have (a prefix, a
//! stem or an irregular form), then the full test on each word found to begin with one. Only for texts
//! of ASCII and Latin-1, whose letters keep their length in lower case.

use super::{Matcher, word_matches};
use crate::index::schema::{
    MAX_TOKEN, is_word_char, latin1, lower_latin1_bytes, push_lower, stem_one, word_end,
};
use tantivy::tokenizer::TextAnalyzer;

/// The beginnings of the words a query's single-word matchers can match, as one search.
#[derive(Debug, Clone)]
pub struct Starts {
    /// None when no word can match (every beginning holds a char no word has).
    pattern: Option<regex::bytes::Regex>,
}

impl Starts {
    /// None when a matcher is not of single words (a phrase, proximity, fuzzy term or regular
    /// expression) or could match any word (an empty beginning).
    pub fn of(matchers: &[Matcher]) -> Option<Starts> {
        let mut starts: Vec<&str> = Vec::new();
        for m in matchers {
            match m {
                Matcher::Prefix(p) => starts.push(p),
                Matcher::Word(w) => {
                    starts.extend(w.stems.iter().chain(&w.forms).map(String::as_str))
                }
                _ => return None,
            }
        }
        if starts.is_empty() || starts.iter().any(|s| s.is_empty()) {
            return None;
        }
        // a lower-case word has only word chars: a beginning with another char begins none
        starts.retain(|s| s.chars().all(is_word_char));
        if starts.is_empty() {
            return Some(Starts { pattern: None });
        }
        // searched for in the lower-cased text
        let alternatives: Vec<String> = starts.iter().map(|s| regex::escape(s)).collect();
        let pattern = alternatives.join("|");
        let pattern = regex::bytes::Regex::new(&pattern).ok()?;
        Some(Starts {
            pattern: Some(pattern),
        })
    }

    /// Byte ranges in `text` of the words that `matchers` (those the starts were made of) match, one
    /// per matcher that matches; None when the text has chars beyond Latin-1.
    pub fn matches(
        &self,
        matchers: &[Matcher],
        text: &str,
        stem_an: &mut TextAnalyzer,
    ) -> Option<Vec<(usize, usize)>> {
        // chars up to U+00FF only: lower-casing keeps every char's length (see `TextWords::fill`)
        if !latin1(text) {
            return None;
        }
        let mut out = Vec::new();
        let Some(pattern) = &self.pattern else {
            return Some(out);
        };
        let mut lower = String::new();
        LOWER.with_borrow_mut(|lowered| {
            lowered.clear();
            lowered.extend_from_slice(text.as_bytes());
            lower_latin1_bytes(lowered);
            for m in pattern.find_iter(lowered) {
                let from = m.start();
                if text[..from].chars().next_back().is_some_and(is_word_char) {
                    continue;
                }
                let to = word_end(text, from);
                if to - from >= MAX_TOKEN {
                    continue;
                }
                lower.clear();
                push_lower(&mut lower, &text[from..to]);
                let mut cached: Option<String> = None;
                let mut stem = || {
                    cached
                        .get_or_insert_with(|| stem_one(stem_an, &lower).unwrap_or_default())
                        .clone()
                };
                for m in matchers {
                    if word_matches(m, &lower, &mut stem) {
                        out.push((from, to));
                    }
                }
            }
        });
        Some(out)
    }
}

thread_local! {
    /// The lower-cased text, one buffer per thread.
    static LOWER: std::cell::RefCell<Vec<u8>> = std::cell::RefCell::default();
}

#[cfg(test)]
mod tests {
    use super::super::find_matches;
    use super::*;
    use crate::index::inflect::word_set;
    use crate::index::schema::stem_analyzer;
    use proptest::prelude::*;

    /// Texts of short words in either case, Latin-1 letters, long words, and now and then a char
    /// beyond Latin-1 (ő, ”, the Kelvin sign) that leaves the search to the words.
    fn text() -> impl Strategy<Value = String> {
        let chars = prop::sample::select(vec![
            'a', 'b', 'A', 'B', 'k', 'K', 'ä', 'Ä', 'é', 'É', 'ß', 'ÿ', 'µ', '1', ' ', ' ', ' ',
            '.', '-', '×', '÷', '\n',
        ]);
        let rare = prop::sample::select(vec!['ő', '”', '\u{212A}']);
        (
            prop::collection::vec(chars, 0..120),
            prop::option::weighted(0.2, (rare, 0usize..120)),
            prop::option::of((0usize..120, 59usize..62)),
        )
            .prop_map(|(mut cs, rare, long)| {
                if let Some((at, n)) = long {
                    let at = at.min(cs.len());
                    let word = std::iter::repeat_n('a', n);
                    cs.splice(at..at, std::iter::once(' ').chain(word).chain([' ']));
                }
                if let Some((c, at)) = rare {
                    cs.insert(at.min(cs.len()), c);
                }
                cs.into_iter().collect()
            })
    }

    /// Prefixes and words, some with upper-case letters or chars no word has.
    fn matchers() -> impl Strategy<Value = Vec<(bool, String)>> {
        let word = prop::collection::vec(
            prop::sample::select(vec!['a', 'b', 'k', 'ä', 'é', 'ß', 'ÿ', 'µ', '1', 'Ä', '-']),
            0..4,
        )
        .prop_map(|cs| cs.into_iter().collect::<String>());
        let real = prop::sample::select(vec!["resurs", "gå", "kommun", "är", "ab", "a"])
            .prop_map(str::to_string);
        prop::collection::vec((any::<bool>(), prop_oneof![word, real]), 1..4)
    }

    proptest! {
        /// The words found by their beginnings are the words found by splitting the text.
        #[test]
        fn starts_find_what_words_find(text in text(), ms in matchers()) {
            let mut a = stem_analyzer();
            let ms: Vec<Matcher> = ms
                .into_iter()
                .map(|(prefix, w)| {
                    if prefix {
                        Matcher::Prefix(w)
                    } else {
                        Matcher::Word(word_set(&mut a, &w))
                    }
                })
                .collect();
            let starts = Starts::of(&ms);
            prop_assert_eq!(
                find_matches(&ms, starts.as_ref(), &text, &mut a),
                find_matches(&ms, None, &text, &mut a)
            );
        }
    }

    #[test]
    fn only_single_words_have_starts() {
        let mut a = stem_analyzer();
        assert!(Starts::of(&[Matcher::Prefix("kommun".into())]).is_some());
        assert!(Starts::of(&[Matcher::Prefix(String::new())]).is_none());
        assert!(Starts::of(&[Matcher::Phrase(vec!["a".into(), "b".into()])]).is_none());
        let w = Matcher::Word(word_set(&mut a, "resurs"));
        let s = Starts::of(std::slice::from_ref(&w)).unwrap();
        let text = "RESURSERNA och Resursen, men inte kresurs.";
        let found = s.matches(&[w], text, &mut a).unwrap();
        let words: Vec<&str> = found.iter().map(|&(f, t)| &text[f..t]).collect();
        assert_eq!(words, ["RESURSERNA", "Resursen"]);
        // words the index leaves out for their length are not matched
        let p = [Matcher::Prefix("a".into())];
        let s = Starts::of(&p).unwrap();
        for n in [MAX_TOKEN - 1, MAX_TOKEN, MAX_TOKEN + 1] {
            let text = format!("x {} y", "a".repeat(n));
            let found = s.matches(&p, &text, &mut a).unwrap();
            assert_eq!(found.len(), usize::from(n < MAX_TOKEN), "{n}");
        }
    }
}
