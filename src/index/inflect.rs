//! Swedish inflection for word queries: the Snowball stems of every form in the query word's paradigms.
//!
//! The Snowball stemmer alone does not join a base form with its inflections (resurs→`resur` but
//! resurser→`resurs`; hinder→`hind` but hindret→`hindret`). So a query word is expanded: candidate
//! lemmas are found by removing inflectional endings (restoring an elided `e` and undoing consonant
//! doubling), every noun, verb and adjective form of each lemma is generated, and the query matches
//! any of their stems. Forms that do not exist stem to terms that are not in the index and match nothing.
//! Irregular paradigms (man/män, gå/gick/gått) come from a table and match as exact forms.

pub mod irregular;

use super::schema::stem_one;
use std::collections::BTreeSet;
use tantivy::tokenizer::TextAnalyzer;

/// Endings removed to find the lemma of an inflected query word (longest first).
const STRIP: &[&str] = &[
    "arnas", "ernas", "ornas", "arna", "erna", "orna", "andes", "endes", "ande", "ende", "aste",
    "ades", "ade", "ast", "are", "ens", "ets", "ars", "ers", "ors", "nas", "en", "et", "ar", "er",
    "or", "na", "ad", "at", "as", "es", "de", "te", "da", "ta", "ts", "ns", "a", "e", "n", "t",
    "s",
];

/// Endings added to a base to generate the forms of nouns (all declensions, genitive), verbs
/// (infinitive, present, past, supine, passive, participles) and adjectives (gender, plural, comparison).
/// Genitives in -ers/-ars/-ors are left out: Snowball stems them like verb forms (reglers → `regler`,
/// as reglera, reglerar), which would make `regel` find `reglerar`.
const ADD: &[&str] = &[
    "", "a", "e", "n", "t", "s", "r", "d", "en", "et", "er", "ar", "or", "na", "de", "te", "da",
    "ta", "dd", "tt", "dda", "dde", "ad", "at", "as", "es", "ts", "ns", "ens", "ets", "nas", "rna",
    "an", "ans", "ena", "enas", "arna", "erna", "orna", "arnas", "ernas", "ornas", "ande", "ende",
    "are", "ast", "aste", "ade", "ades", "ats", "ades", "ares", "nde", "ndes", "des", "tes",
];

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'å' | 'ä' | 'ö')
}

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

/// Lemma candidates of a (lower-case) word: itself, and the word with one inflectional ending removed.
pub fn lemmas(word: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::from([word.to_string()]);
    for suf in STRIP {
        let Some(rest) = word.strip_suffix(suf) else {
            continue;
        };
        let c = chars(rest);
        if c.len() < 3 || !c.iter().copied().any(is_vowel) {
            continue;
        }
        out.insert(rest.to_string());
        // hindr|et → hinder, säkr|a → säker, exempl|et → exempel, ökn|en → öken
        if let [.., a, b] = c[..] {
            if !is_vowel(a) && matches!(b, 'r' | 'l' | 'n') {
                let mut s: String = c[..c.len() - 1].iter().collect();
                s.push('e');
                s.push(b);
                out.insert(s);
            }
            // programm|et → program, vänn|en → vän
            if a == b && matches!(b, 'm' | 'n') {
                out.insert(c[..c.len() - 1].iter().collect());
            }
        }
    }
    out
}

/// Bases to which endings attach: the lemma, without a final vowel, with an elided `e`, with a doubled m/n.
fn bases(lemma: &str) -> BTreeSet<String> {
    let c = chars(lemma);
    let mut out = BTreeSet::from([lemma.to_string()]);
    let n = c.len();
    if n > 3 && is_vowel(c[n - 1]) {
        out.insert(c[..n - 1].iter().collect());
    }
    // hinder → hindr, säker → säkr, exempel → exempl, öken → ökn
    if n > 4 && c[n - 2] == 'e' && matches!(c[n - 1], 'r' | 'l' | 'n') && !is_vowel(c[n - 3]) {
        let mut s: String = c[..n - 2].iter().collect();
        s.push(c[n - 1]);
        out.insert(s);
    }
    // program → programm, vän → vänn
    if n >= 3 && matches!(c[n - 1], 'm' | 'n') && is_vowel(c[n - 2]) && !is_vowel(c[n - 3]) {
        let mut s = lemma.to_string();
        s.push(c[n - 1]);
        out.insert(s);
    }
    out
}

/// Every generated form of every lemma candidate of `word`.
pub fn forms(word: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for lemma in lemmas(word) {
        for base in bases(&lemma) {
            for suf in ADD {
                out.insert(format!("{base}{suf}"));
            }
        }
    }
    out
}

/// The stems a word query matches: the Snowball stems of all forms of the word's paradigms.
pub fn stems(analyzer: &mut TextAnalyzer, word: &str) -> BTreeSet<String> {
    let word = word.to_lowercase();
    let mut out: BTreeSet<String> = forms(&word)
        .iter()
        .filter_map(|f| stem_one(analyzer, f))
        .collect();
    out.extend(stem_one(analyzer, &word));
    out
}

/// What a word query matches: words with one of these Snowball stems, or exactly one of these forms.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WordSet {
    pub stems: BTreeSet<String>,
    /// Lower-case forms of irregular paradigms.
    pub forms: BTreeSet<String>,
}

impl WordSet {
    /// Whether a lower-case token matches; `stem` gives its stem (computed only when needed).
    pub fn matches(&self, token: &str, stem: &mut dyn FnMut() -> String) -> bool {
        if self.forms.contains(token) {
            return true;
        }
        // a Snowball Swedish stem is always a prefix of its word: most words are ruled out unstemmed
        self.stems.iter().any(|x| token.starts_with(x.as_str())) && self.stems.contains(&stem())
    }
}

/// The word set of a query word: the stems of its regular paradigms and its irregular forms.
pub fn word_set(analyzer: &mut TextAnalyzer, word: &str) -> WordSet {
    let lower = word.to_lowercase();
    WordSet {
        stems: stems(analyzer, &lower),
        forms: irregular::forms(&lower),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::schema::stem_analyzer;

    /// Every form of a paradigm, typed as the query, matches every other form.
    fn assert_paradigm(paradigm: &[&str]) {
        let mut a = stem_analyzer();
        for q in paradigm {
            let s = stems(&mut a, q);
            for f in paradigm {
                let fs = stem_one(&mut a, f).unwrap();
                assert!(
                    s.contains(&fs),
                    "query {q:?} should match {f:?} (stem {fs:?}); stems: {s:?}"
                );
            }
        }
    }

    #[test]
    fn snowball_alone_splits_paradigms() {
        let mut a = stem_analyzer();
        assert_ne!(stem_one(&mut a, "resurs"), stem_one(&mut a, "resurser"));
        assert_ne!(stem_one(&mut a, "hinder"), stem_one(&mut a, "hindret"));
    }

    #[test]
    fn nouns() {
        assert_paradigm(&[
            "resurs",
            "resursen",
            "resurser",
            "resurserna",
            "resursernas",
        ]);
        assert_paradigm(&["hinder", "hindret", "hindren", "hindrens"]);
        assert_paradigm(&[
            "kommunledning",
            "kommunledningen",
            "kommunledningar",
            "kommunledningarna",
        ]);
        assert_paradigm(&["ledning", "ledningen", "ledningar", "ledningarna"]);
        assert_paradigm(&["kommun", "kommunen", "kommuner", "kommunerna", "kommunens"]);
        assert_paradigm(&["skola", "skolan", "skolor", "skolorna"]);
        assert_paradigm(&["exempel", "exemplet", "exemplen"]);
        assert_paradigm(&["program", "programmet", "programmen"]);
        assert_paradigm(&["incident", "incidenten", "incidenter", "incidenterna"]);
        assert_paradigm(&["arbete", "arbetet", "arbeten", "arbetena"]);
    }

    #[test]
    fn verbs() {
        assert_paradigm(&["arbeta", "arbetar", "arbetade", "arbetat", "arbetas"]);
        assert_paradigm(&["prioritera", "prioriterar", "prioriterade", "prioriterat"]);
        assert_paradigm(&["läsa", "läser", "läste", "läst"]);
        assert_paradigm(&["behöva", "behöver", "behövde", "behövt"]);
    }

    #[test]
    fn adjectives() {
        assert_paradigm(&["säker", "säkert", "säkra", "säkrare", "säkrast"]);
        assert_paradigm(&["tydlig", "tydligt", "tydliga", "tydligare", "tydligast"]);
        assert_paradigm(&["viktig", "viktigt", "viktiga", "viktigare", "viktigaste"]);
    }

    #[test]
    fn irregular_paradigms_join_both_ways() {
        let mut a = stem_analyzer();
        for p in irregular::paradigms() {
            for q in &p {
                let set = word_set(&mut a, q);
                for f in &p {
                    let mut stem = || stem_one(&mut stem_analyzer(), f).unwrap_or_default();
                    assert!(set.matches(f, &mut stem), "{q:?} should find {f:?}");
                }
            }
        }
        let set = word_set(&mut a, "Böcker");
        let mut stem = || stem_one(&mut stem_analyzer(), "bokens").unwrap_or_default();
        assert!(set.matches("bokens", &mut stem));
    }

    #[test]
    fn stays_within_the_word() {
        let mut a = stem_analyzer();
        let s = stems(&mut a, "resurs");
        for other in ["resultat", "kurs", "resa", "kommun"] {
            let st = stem_one(&mut a, other).unwrap();
            assert!(!s.contains(&st), "resurs should not match {other:?}");
        }
        let s = stems(&mut a, "ledning");
        assert!(!s.contains(&stem_one(&mut a, "ledamot").unwrap()));
    }
}
