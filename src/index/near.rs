//! Proximity, `"ledningen stöd"~5`: the words (each in all its inflections) in the order given, with
//! at most N other words between the first and the last. The index finds turns with every word;
//! [`spans`] decides, both for which turns match and for what is highlighted and coded.

use super::inflect::WordSet;
use super::schema::TextWords;
use super::verify::Check;
use std::sync::Arc;

/// Byte ranges from the first to the last word of each occurrence, left to right, not overlapping.
/// `toks` are the lower-cased words of the text with their byte ranges; `stem(i)` stems word `i`.
pub fn spans(
    sets: &[WordSet],
    slop: u32,
    toks: &TextWords,
    stem: &mut dyn FnMut(usize) -> String,
) -> Vec<(usize, usize)> {
    let k = sets.len();
    if k == 0 || toks.len() < k {
        return Vec::new();
    }
    // which query words each token matches, stemming each token at most once
    let hits: Vec<Vec<bool>> = (0..toks.len())
        .map(|i| {
            let t = toks.word(i);
            let mut cached: Option<String> = None;
            let mut st = || cached.get_or_insert_with(|| stem(i)).clone();
            sets.iter().map(|s| s.matches(t, &mut st)).collect()
        })
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match occurrence(&hits, i, slop) {
            Some(last) => {
                out.push((toks.range(i).0, toks.range(last).1));
                i = last + 1;
            }
            None => i += 1,
        }
    }
    out
}

/// The last word of the occurrence starting at word `start`, if there is one within the slop.
/// Taking the earliest next word each time gives the shortest occurrence from `start`.
fn occurrence(hits: &[Vec<bool>], start: usize, slop: u32) -> Option<usize> {
    let k = hits.first().map_or(0, Vec::len);
    if !hits[start][0] {
        return None;
    }
    let limit = start + k - 1 + slop as usize;
    let mut at = start;
    for w in 1..k {
        at = (at + 1..hits.len().min(limit + 1)).find(|&j| hits[j][w])?;
    }
    Some(at)
}

/// Whether a turn's text has an occurrence (for verifying index candidates).
pub fn check(sets: Vec<WordSet>, slop: u32) -> Check {
    Arc::new(move |text: &str| {
        let toks = TextWords::of(text);
        let mut stem = |i: usize| super::schema::stem_word(toks.word(i));
        !spans(&sets, slop, &toks, &mut stem).is_empty()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::inflect::word_set;
    use crate::index::schema::stem_analyzer;

    fn find(q: &[&str], slop: u32, text: &str) -> Vec<String> {
        let mut a = stem_analyzer();
        let sets: Vec<WordSet> = q.iter().map(|w| word_set(&mut a, w)).collect();
        let toks = TextWords::of(text);
        let mut stem = |i: usize| crate::index::schema::stem_word(toks.word(i));
        spans(&sets, slop, &toks, &mut stem)
            .iter()
            .map(|&(s, e)| text[s..e].to_string())
            .collect()
    }

    #[test]
    fn within_n_words_in_order_every_inflection() {
        let t = "Ledningen ger oss inget stöd alls. Stödet från ledningen saknas.";
        assert_eq!(
            find(&["ledning", "stöd"], 3, t),
            ["Ledningen ger oss inget stöd"]
        );
        assert!(find(&["ledning", "stöd"], 2, t).is_empty());
        // the other order is another search
        assert_eq!(find(&["stöd", "ledning"], 1, t), ["Stödet från ledningen"]);
        assert!(find(&["stöd", "ledning"], 0, t).is_empty());
        assert_eq!(
            find(&["små", "kommun"], 0, "De mindre kommunerna"),
            ["mindre kommunerna"]
        );
    }

    #[test]
    fn three_words_share_one_budget() {
        let t = "kommunen och ledningen och stödet";
        let q = ["kommun", "ledning", "stöd"];
        assert!(find(&q, 1, t).is_empty());
        assert_eq!(find(&q, 2, t), [t]);
    }
}
