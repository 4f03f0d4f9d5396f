//! Word counts as `unicode_words().count()` gives them (UAX #29 segments holding a letter or digit),
//! without the general segmenter for the common case: Latin letters, digits and punctuation.
//!
//! The general segmenter looks every character up in the Unicode tables; counting the words of a
//! national study (60 MB) that way took most of an import's time. Text is cut at ASCII whitespace,
//! where UAX #29 always breaks; a piece made only of characters whose word-break class is known here
//! is counted by the rules below, any other piece by the segmenter itself.

use unicode_segmentation::UnicodeSegmentation;

/// Word-break classes of the characters counted without the segmenter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// ALetter: ASCII, Latin-1 and Latin Extended-A letters.
    Letter,
    /// Numeric: ASCII digits.
    Digit,
    /// ExtendNumLet (`_`): joins anything word-like, holds no letter itself.
    Joiner,
    /// MidLetter (`:`, `·`): between two letters.
    MidLetter,
    /// MidNumLet and Single_Quote (`.`, `'`, `‘`, `’`): between two letters or two digits.
    MidNumLet,
    /// MidNum (`,`, `;`): between two digits.
    MidNum,
    /// Other punctuation and symbols that are neither letters nor numbers.
    Other,
    /// Other characters that are numbers (`½`, `²`): a word each.
    Number,
}

/// The class of each ASCII character (whitespace, which ends a piece, is None like an unknown).
const ASCII: [Option<Class>; 128] = {
    let mut t = [None; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = class(i as u8 as char);
        i += 1;
    }
    t
};

const fn class(c: char) -> Option<Class> {
    use Class::*;
    Some(match c {
        'a'..='z' | 'A'..='Z' => Letter,
        '0'..='9' => Digit,
        '_' => Joiner,
        ':' | '\u{b7}' => MidLetter,
        '.' | '\'' | '\u{2018}' | '\u{2019}' => MidNumLet,
        ',' | ';' => MidNum,
        '!'..='/' | '<'..='@' | '['..='`' | '{'..='~' => Other,
        '\u{aa}' | '\u{b5}' | '\u{ba}' => Letter,
        '\u{c0}'..='\u{d6}' | '\u{d8}'..='\u{f6}' | '\u{f8}'..='\u{17f}' => Letter,
        '\u{a1}'..='\u{a7}' | '\u{a9}' | '\u{ab}' | '\u{ac}' | '\u{ae}' | '\u{b0}' | '\u{b1}' => {
            Other
        }
        '\u{b6}' | '\u{bb}' | '\u{bf}' | '\u{d7}' | '\u{f7}' => Other,
        '\u{2011}' | '\u{2013}' | '\u{2014}' | '\u{201c}' | '\u{201d}' | '\u{201e}'
        | '\u{2022}' | '\u{2026}' => Other,
        // numbers outside the Numeric class: each is a word of its own
        '\u{b2}' | '\u{b3}' | '\u{b9}' | '\u{bc}'..='\u{be}' => Number,
        _ => return None,
    })
}

/// The number of words in `s`, equal to `s.unicode_words().count()`.
pub fn word_count(s: &str) -> usize {
    by_pieces(s).unwrap_or_else(|| s.unicode_words().count())
}

/// The count piece by piece; None when a piece starts with a character of unknown class, which may
/// attach to the whitespace before it (an accent after a space): then only the whole text is exact.
fn by_pieces(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let (mut n, mut piece, mut start, mut i) = (0, Piece::default(), 0, 0);
    while i < b.len() {
        let (k, len) = match b[i] {
            x @ 0..=0x7f => (ASCII[x as usize], 1),
            _ => {
                let c = s[i..].chars().next().unwrap_or(' ');
                (class(c), c.len_utf8())
            }
        };
        if k.is_none() && matches!(b[i], b' ' | b'\n' | b'\t') {
            n += piece.finish(&s[start..i])?;
            piece = Piece::default();
            start = i + 1;
        } else if !piece.unknown {
            match k {
                Some(k) => piece.push(k),
                None => piece.unknown = true,
            }
        }
        i += len;
    }
    Some(n + piece.finish(&s[start..])?)
}

/// The count so far of a piece between whitespace. A mid character (`.` in `t.ex`) is held until the
/// next character shows whether it joins two letters or two digits.
#[derive(Debug, Default)]
struct Piece {
    words: usize,
    /// Inside a word; whether it holds a letter or digit yet.
    word: Option<bool>,
    /// The class of the last character (before a held mid character).
    last: Option<Class>,
    /// A mid character waiting for the next one.
    held: Option<Class>,
    /// The piece holds a character of unknown class: the segmenter counts it.
    unknown: bool,
}

impl Piece {
    fn push(&mut self, k: Class) {
        use Class::*;
        if let Some(mid) = self.held.take() {
            let joins = match (self.last, k) {
                (Some(Letter), Letter) => matches!(mid, MidLetter | MidNumLet),
                (Some(Digit), Digit) => matches!(mid, MidNum | MidNumLet),
                _ => false,
            };
            if !joins {
                self.end_word();
            }
        }
        match k {
            Letter | Digit | Joiner => {
                let has = self.word.unwrap_or(false);
                self.word = Some(has || k != Joiner);
                self.last = Some(k);
            }
            MidLetter | MidNumLet | MidNum if matches!(self.last, Some(Letter | Digit)) => {
                self.held = Some(k);
            }
            _ => {
                self.end_word();
                self.words += usize::from(k == Number);
                self.last = Some(k);
            }
        }
    }

    fn end_word(&mut self) {
        if self.word.take() == Some(true) {
            self.words += 1;
        }
        self.last = None;
    }

    /// The piece's words; `text` is the piece, counted by the segmenter when it holds an unknown.
    fn finish(mut self, text: &str) -> Option<usize> {
        if self.unknown {
            let first = text.chars().next().map(class);
            return first.flatten().map(|_| text.unicode_words().count());
        }
        self.end_word();
        Some(self.words)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn counts_like_the_segmenter() {
        for s in [
            "",
            "Vi har för lite resurser.",
            "t.ex. 3,5 miljoner, kl. 10:30; a:b 1:2 a.1 1.a",
            "det är 'bra' – sa hon… ”visst”",
            "snake_case _ __ _a a_ 1_000",
            "Respondent:\n\nja\tnej",
            " \u{301}a",
            "\u{93e}क \u{93e}क",
            "x \u{200d}\u{1f600} ² ½ 1½ a² \u{a0}ord ‑ \u{2011}a",
        ] {
            assert_eq!(word_count(s), s.unicode_words().count(), "{s:?}");
        }
    }

    fn alphabet() -> Vec<char> {
        let mut v: Vec<char> = (' '..='~').collect();
        v.extend([
            '\n', '\t', '\u{aa}', '\u{b5}', '\u{b7}', '\u{ba}', '\u{d7}', '\u{f7}',
        ]);
        v.extend(('\u{a1}'..='\u{bf}').chain('\u{c0}'..='\u{17f}').step_by(3));
        v.extend("åäöÅÄÖéü‘’“”„•…–—".chars());
        // characters of other classes, counted by the segmenter
        v.extend("\u{a0}\u{ad}\u{301}\u{200d}\u{93e}²½カש🇸😀".chars());
        v
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn equals_unicode_words(picks in proptest::collection::vec(any::<prop::sample::Index>(), 0..14)) {
            let a = alphabet();
            let s: String = picks.iter().map(|i| a[i.index(a.len())]).collect();
            prop_assert_eq!(word_count(&s), s.unicode_words().count(), "{:?}", s);
        }

        #[test]
        fn equals_unicode_words_on_word_like_text(picks in proptest::collection::vec(any::<prop::sample::Index>(), 0..14)) {
            let a: Vec<char> = "aåZ9_.:',;·’ \n-–\u{301}²".chars().collect();
            let s: String = picks.iter().map(|i| a[i.index(a.len())]).collect();
            prop_assert_eq!(word_count(&s), s.unicode_words().count(), "{:?}", s);
        }
    }

    #[test]
    fn every_known_character_is_classed_as_the_segmenter_does() {
        let known: Vec<char> = ('\0'..='\u{2100}')
            .filter(|c| class(*c).is_some())
            .collect();
        for &c in &known {
            for p in [
                "a{}a", "1{}1", "{}", "a{}", "{}a", "1{}", "{}1", "_{}_", "{}{}",
            ] {
                let s = p.replace("{}", &c.to_string());
                assert_eq!(word_count(&s), s.unicode_words().count(), "{s:?}");
            }
        }
    }
}
