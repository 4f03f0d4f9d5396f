//! Word counts and word spans as `unicode_words()` and `unicode_word_indices()` give them (UAX #29
//! segments holding a letter or digit), without the general segmenter for the common case: Latin
//! letters, digits and punctuation.
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

/// The class of each character from U+0080 to U+00FF (two bytes in UTF-8, led by 0xC2 or 0xC3).
const LATIN1: [Option<Class>; 128] = {
    let mut t = [None; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = match char::from_u32(0x80 + i as u32) {
            Some(c) => class(c),
            None => None,
        };
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
    let mut n = Count(0);
    scan(s, 0, &mut n);
    n.0
}

/// Appends to `out` the char ranges of the words of `s`, equal to those of `s.unicode_word_indices()`
/// counted in chars from `base` (the char offset of `s` in a longer text).
pub fn word_spans_into(s: &str, base: usize, out: &mut Vec<(usize, usize)>) {
    scan(s, base, &mut Spans(out));
}

/// What a scan does with the words it finds: counts them or records their spans.
trait Sink {
    /// A word from char `start` to `end` (exclusive).
    fn word(&mut self, start: usize, end: usize);
    /// The words so far, for [`Sink::truncate`].
    fn len(&self) -> usize;
    /// Forgets the words after the first `n`.
    fn truncate(&mut self, n: usize);
    /// The words of `text`, which starts at char `base`, as the general segmenter finds them.
    fn segment(&mut self, text: &str, base: usize);
}

struct Count(usize);

impl Sink for Count {
    fn word(&mut self, _: usize, _: usize) {
        self.0 += 1;
    }
    fn len(&self) -> usize {
        self.0
    }
    fn truncate(&mut self, n: usize) {
        self.0 = n;
    }
    fn segment(&mut self, text: &str, _: usize) {
        self.0 += text.unicode_words().count();
    }
}

struct Spans<'a>(&'a mut Vec<(usize, usize)>);

impl Sink for Spans<'_> {
    fn word(&mut self, start: usize, end: usize) {
        self.0.push((start, end));
    }
    fn len(&self) -> usize {
        self.0.len()
    }
    fn truncate(&mut self, n: usize) {
        self.0.truncate(n);
    }
    fn segment(&mut self, text: &str, base: usize) {
        let (mut chars, mut last) = (base, 0);
        for (b, w) in text.unicode_word_indices() {
            chars += text[last..b].chars().count();
            let n = w.chars().count();
            self.0.push((chars, chars + n));
            chars += n;
            last = b + w.len();
        }
    }
}

/// The words of `s` (starting at char `base`) into `sink`, piece by piece; a piece that starts with a
/// character of unknown class may attach to the whitespace before it (an accent after a space), so
/// then the whole text goes to the segmenter instead.
fn scan(s: &str, base: usize, sink: &mut impl Sink) {
    let before = sink.len();
    if !by_pieces(s, base, sink) {
        sink.truncate(before);
        sink.segment(s, base);
    }
}

/// The words piece by piece; false when a piece starts with a character of unknown class.
fn by_pieces(s: &str, base: usize, sink: &mut impl Sink) -> bool {
    let b = s.as_bytes();
    let mut piece = Piece::new(0, base, sink.len());
    // byte and char offsets
    let (mut i, mut at) = (0, base);
    while i < b.len() {
        let x = b[i];
        if i == piece.byte && (x.is_ascii_alphanumeric() || latin1_letter(b, i)) {
            // a piece that starts with a run of letters and digits and ends with it, or with one of
            // `,.;:!?` after it (the usual word): that run is its one word
            let (j, chars) = letter_run_end(b, i);
            let skip = match b.get(j) {
                None | Some(b' ' | b'\n' | b'\t') => Some(0),
                Some(b',' | b'.' | b';' | b':' | b'!' | b'?') => {
                    matches!(b.get(j + 1), None | Some(b' ' | b'\n' | b'\t')).then_some(1)
                }
                _ => None,
            };
            if let Some(skip) = skip {
                sink.word(at, at + chars);
                at += chars + skip;
                i = j + skip;
                if i < b.len() {
                    // the whitespace that ends the piece
                    piece = Piece::new(i + 1, at + 1, sink.len());
                    i += 1;
                    at += 1;
                } else {
                    piece = Piece::new(i, at, sink.len());
                }
                continue;
            }
        }
        if x.is_ascii_alphanumeric() {
            // a run of ASCII letters and digits, the bulk of most text, stays one word
            let j = alnum_run_end(b, i + 1);
            if !piece.unknown {
                piece.run(x, b[j - 1], at, j - i, sink);
            }
            at += j - i;
            i = j;
            continue;
        }
        let (k, len) = match x {
            0..=0x7f => (ASCII[x as usize], 1),
            0xc2 | 0xc3 => {
                let c = (usize::from(x & 0x1f) << 6) | usize::from(b[i + 1] & 0x3f);
                (LATIN1[c - 0x80], 2)
            }
            _ => {
                let c = s[i..].chars().next().unwrap_or(' ');
                (class(c), c.len_utf8())
            }
        };
        if k.is_none() && matches!(b[i], b' ' | b'\n' | b'\t') {
            if !piece.finish(s, i, sink) {
                return false;
            }
            piece = Piece::new(i + 1, at + 1, sink.len());
        } else if !piece.unknown {
            match k {
                Some(k) => piece.push(k, at, sink),
                None => piece.unknown = true,
            }
        }
        i += len;
        at += 1;
    }
    piece.finish(s, b.len(), sink)
}

/// Whether `b` holds a Latin-1 letter (two bytes, led by 0xC2 or 0xC3) at `i`; `b` is valid UTF-8.
fn latin1_letter(b: &[u8], i: usize) -> bool {
    match b.get(i) {
        Some(&x @ (0xc2 | 0xc3)) => {
            let c = (usize::from(x & 0x1f) << 6) | usize::from(b[i + 1] & 0x3f);
            LATIN1[c - 0x80] == Some(Class::Letter)
        }
        _ => false,
    }
}

/// The run of letters and digits (ASCII, and Latin-1 letters) from byte `i` of `b`: the byte where it
/// ends and its length in chars.
fn letter_run_end(b: &[u8], i: usize) -> (usize, usize) {
    let (mut j, mut chars) = (i, 0);
    loop {
        if b.get(j).is_some_and(u8::is_ascii_alphanumeric) {
            let end = alnum_run_end(b, j + 1);
            chars += end - j;
            j = end;
        } else if latin1_letter(b, j) {
            chars += 1;
            j += 2;
        } else {
            return (j, chars);
        }
    }
}

/// The end of the run of ASCII letters and digits in `b` from `j`: eight bytes at a time, so that a
/// word's end is found in one step, not after a branch per letter.
pub(crate) fn alnum_run_end(b: &[u8], mut j: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // the high bit of each byte of 7-bit `t` that lies in lo..=hi (no carry crosses a byte)
    let within = |t: u64, lo: u8, hi: u8| {
        (t + ONES * u64::from(0x80 - lo)) & !(t + ONES * u64::from(0x7f - hi)) & HIGH
    };
    while let Some(eight) = b.get(j..j + 8) {
        let mut w = [0u8; 8];
        w.copy_from_slice(eight);
        let w = u64::from_le_bytes(w);
        let t = w & !HIGH;
        // `| 0x20` makes A–Z a–z and moves no other byte into a–z
        let alnum = (within(t, b'0', b'9') | within(t | (ONES * 0x20), b'a', b'z')) & !w;
        let other = !alnum & HIGH;
        if other != 0 {
            return j + (other.trailing_zeros() / 8) as usize;
        }
        j += 8;
    }
    while j < b.len() && b[j].is_ascii_alphanumeric() {
        j += 1;
    }
    j
}

/// The scan of a piece between whitespace. A mid character (`.` in `t.ex`) is held until the next
/// character shows whether it joins two letters or two digits.
#[derive(Debug)]
struct Piece {
    /// Byte and char offset of the piece, and the sink's words before it.
    byte: usize,
    char: usize,
    words_before: usize,
    /// Inside a word: the char it starts at, and whether it holds a letter or digit yet.
    word: Option<(usize, bool)>,
    /// The char after the word's last letter, digit or joiner.
    end: usize,
    /// The class of the last character (before a held mid character).
    last: Option<Class>,
    /// A mid character waiting for the next one.
    held: Option<Class>,
    /// The piece holds a character of unknown class: the segmenter finds its words.
    unknown: bool,
}

impl Piece {
    fn new(byte: usize, char: usize, words_before: usize) -> Piece {
        Piece {
            byte,
            char,
            words_before,
            word: None,
            end: char,
            last: None,
            held: None,
            unknown: false,
        }
    }

    /// Takes the character of class `k` at char `at`.
    fn push(&mut self, k: Class, at: usize, sink: &mut impl Sink) {
        use Class::*;
        if let Some(mid) = self.held.take() {
            let joins = match (self.last, k) {
                (Some(Letter), Letter) => matches!(mid, MidLetter | MidNumLet),
                (Some(Digit), Digit) => matches!(mid, MidNum | MidNumLet),
                _ => false,
            };
            if !joins {
                self.end_word(sink);
            }
        }
        match k {
            Letter | Digit | Joiner => {
                let (start, has) = self.word.unwrap_or((at, false));
                self.word = Some((start, has || k != Joiner));
                self.end = at + 1;
                self.last = Some(k);
            }
            MidLetter | MidNumLet | MidNum if matches!(self.last, Some(Letter | Digit)) => {
                self.held = Some(k);
            }
            _ => {
                self.end_word(sink);
                if k == Number {
                    sink.word(at, at + 1);
                }
                self.last = Some(k);
            }
        }
    }

    /// Takes a run of `n` ASCII letters and digits from char `at`, whose first byte is `first` and
    /// last `last`: what taking them one by one would do.
    fn run(&mut self, first: u8, last: u8, at: usize, n: usize, sink: &mut impl Sink) {
        let class = |b: u8| match b {
            b'0'..=b'9' => Class::Digit,
            _ => Class::Letter,
        };
        self.push(class(first), at, sink);
        self.last = Some(class(last));
        self.end = at + n;
    }

    fn end_word(&mut self, sink: &mut impl Sink) {
        if let Some((start, true)) = self.word.take() {
            sink.word(start, self.end);
        }
        self.last = None;
    }

    /// Ends the piece, which ends at byte `end` of `s`: its words go to the sink, from the segmenter
    /// when it holds an unknown character; false when that character is its first.
    fn finish(mut self, s: &str, end: usize, sink: &mut impl Sink) -> bool {
        if self.unknown {
            let text = &s[self.byte..end];
            if text.chars().next().and_then(class).is_none() {
                return false;
            }
            sink.truncate(self.words_before);
            sink.segment(text, self.char);
            return true;
        }
        self.end_word(sink);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The spans as the segmenter gives them, in chars from `base`.
    fn segmenter_spans(s: &str, base: usize) -> Vec<(usize, usize)> {
        s.unicode_word_indices()
            .map(|(b, w)| {
                let start = base + s[..b].chars().count();
                (start, start + w.chars().count())
            })
            .collect()
    }

    fn spans(s: &str, base: usize) -> Vec<(usize, usize)> {
        let mut out = vec![(0, 0)];
        word_spans_into(s, base, &mut out);
        assert_eq!(out.remove(0), (0, 0), "what was in `out` is kept");
        out
    }

    /// Both the count and the spans agree with the segmenter.
    fn agrees(s: &str) -> Result<(), TestCaseError> {
        prop_assert_eq!(word_count(s), s.unicode_words().count(), "{:?}", s);
        prop_assert_eq!(spans(s, 7), segmenter_spans(s, 7), "{:?}", s);
        Ok(())
    }

    #[test]
    fn alnum_runs_end_at_the_first_other_byte() {
        for s in [
            "",
            "a",
            "abcdefgh",
            "abcdefghi",
            "Zz09aZ@[`{/:",
            "aåb",
            "ab cd",
            "x\u{80}",
        ] {
            for from in 0..=s.len() {
                let want = (from..s.len())
                    .find(|&j| !s.as_bytes()[j].is_ascii_alphanumeric())
                    .unwrap_or(s.len());
                assert_eq!(alnum_run_end(s.as_bytes(), from), want, "{s:?} from {from}");
            }
        }
        // every byte value, at every place in a run of eight
        for x in 0..=255u8 {
            for at in 0..12 {
                let mut b = vec![b'a'; 12];
                b[at] = x;
                let want = if x.is_ascii_alphanumeric() { 12 } else { at };
                assert_eq!(alnum_run_end(&b, 0), want, "byte {x:#x} at {at}");
            }
        }
    }

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
            // whole words taken at once, and what looks like one but is not
            "Åsa9 9å å.b 1.å å.1 å,1 ÷å å×b ªµº x\u{b5}1 ÖÄ_ö å\u{301}ö Ā ö·ä ord, ord. ord; ord:",
            "ord! ord? ord?! 3,5 ord.\tord,\nord.. å. ö\r\nx ja.nej 1.\u{301}",
        ] {
            assert_eq!(word_count(s), s.unicode_words().count(), "{s:?}");
            assert_eq!(spans(s, 3), segmenter_spans(s, 3), "{s:?}");
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

    /// Swedish text with what transcripts hold besides: numbers, apostrophes, quotes, dashes, emoji
    /// and their joiners, accents, other scripts.
    fn transcript_like() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            4 => prop::sample::select(vec![
                "Vi", "har", "för", "lite", "resurser", "på", "området", "Åsa", "öppna", "t.ex.",
                "3,5", "10:30", "1.000", "kl.", "s.k.", "don't", "’bra’", "”visst”", "–", "…",
                "a_b", "_", "SOU:er", "m.m.", "2010", "½", "x²", "e\u{301}", "\u{301}",
                "👩\u{200d}💻", "\u{200d}", "😀", "🇸🇪", "カタカナ", "שלום", "ok?", "(ja)", "€5",
            ]).prop_map(str::to_string),
            1 => any::<char>().prop_map(String::from),
        ];
        let sep =
            prop::sample::select(vec!["", " ", " ", "\n", "\n\n", "\t", ", ", ". ", "\u{a0}"]);
        proptest::collection::vec((piece, sep), 0..20)
            .prop_map(|v| v.into_iter().map(|(p, s)| p + s).collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn equals_unicode_words(picks in proptest::collection::vec(any::<prop::sample::Index>(), 0..14)) {
            let a = alphabet();
            let s: String = picks.iter().map(|i| a[i.index(a.len())]).collect();
            agrees(&s)?;
        }

        #[test]
        fn equals_unicode_words_on_any_string(s in any::<String>()) {
            agrees(&s)?;
        }

        #[test]
        fn equals_unicode_words_on_transcript_like_text(s in transcript_like()) {
            agrees(&s)?;
        }

        #[test]
        fn equals_unicode_words_on_word_like_text(picks in proptest::collection::vec(any::<prop::sample::Index>(), 0..14)) {
            let a: Vec<char> = "aåZ9_.:',;·’ \n-–\u{301}²".chars().collect();
            let s: String = picks.iter().map(|i| a[i.index(a.len())]).collect();
            agrees(&s)?;
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
                assert_eq!(spans(&s, 0), segmenter_spans(&s, 0), "{s:?}");
            }
        }
    }
}
