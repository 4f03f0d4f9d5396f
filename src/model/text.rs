//! Canonical text: NFC, LF line ends, no control, bidi or zero-width characters, and char/byte offset helpers.

use unicode_normalization::UnicodeNormalization;

mod words;
pub(crate) use words::alnum_run_end;
pub use words::{word_count, word_spans_into};

/// True for characters that must never reach a terminal or a canonical transcript.
pub fn is_forbidden(c: char) -> bool {
    match c {
        '\t' | '\n' => false,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        // Bidi marks, embeddings, overrides and isolates can make text display differently from what
        // is stored; zero-width and invisible format characters hide text or split words unseen.
        // U+200D (zero-width joiner) is not among them: inside an emoji sequence (👩‍💻) it is part of
        // one visible glyph; `canonicalize` drops it everywhere else.
        '\u{061c}' | '\u{200b}' | '\u{200c}' | '\u{200e}' | '\u{200f}' => true,
        '\u{202a}'..='\u{202e}' => true,
        '\u{2028}' | '\u{2029}' | '\u{2060}'..='\u{206f}' => true,
        '\u{feff}' | '\u{fff9}'..='\u{fffb}' => true,
        _ => false,
    }
}

/// Normalises any text to the canonical form: CRLF and CR to LF, forbidden characters dropped, NFC.
pub fn canonicalize(input: &str) -> String {
    if is_canonical(input) {
        return input.to_string();
    }
    rebuild(input)
}

/// `canonicalize` character by character.
fn rebuild(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else if c == '\u{2028}' || c == '\u{2029}' {
            out.push('\n');
        } else if c == ZWJ {
            let joins = out.chars().next_back().is_some_and(ends_emoji)
                && chars.peek().copied().is_some_and(is_pictographic);
            if joins {
                out.push(c);
            }
        } else if !is_forbidden(c) {
            out.push(c);
        }
    }
    // Nearly every text is NFC already: the quick check is a fast scan, composing is not.
    if unicode_normalization::is_nfc_quick(out.chars()) == unicode_normalization::IsNormalized::Yes
    {
        return out;
    }
    out.nfc().collect()
}

/// True when `canonicalize` surely returns `s` unchanged, found by scanning bytes: a transcript is
/// nearly always canonical already, and most of its characters are ASCII. False when it finds what
/// canonicalising changes, or cannot tell (the NFC quick check says "maybe"): then compare with
/// `canonicalize(s)` for a verdict.
pub fn is_canonical(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut i = 0;
    // The start of a run of characters from U+0300 up, which the NFC check must see together.
    let mut run: Option<usize> = None;
    while i < bytes.len() {
        if run.is_none() && bytes.len() - i >= 16 && plain_latin(&bytes[i..i + 16]) {
            i += 16;
            continue;
        }
        let b = bytes[i];
        if (0x80..=0xbf).contains(&b) {
            // the second byte of a character from U+00C0 to U+02FF whose first one ended a chunk above
            i += 1;
            continue;
        }
        if b < 0x80 {
            if (b < 0x20 && b != b'\t' && b != b'\n') || b == 0x7f {
                return false;
            }
            if let Some(r) = run.take()
                && !nfc_quick(&s[r..i])
            {
                return false;
            }
            i += 1;
            continue;
        }
        let c = s[i..].chars().next().unwrap_or('\0');
        // \u{80}–\u{9f} are forbidden; U+2028/9 become newlines; a joiner may go.
        if is_forbidden(c) || c == ZWJ || c == '\u{2028}' || c == '\u{2029}' {
            return false;
        }
        // Below U+0300 every character is a starter that NFC keeps as it is.
        if c < '\u{300}' {
            if let Some(r) = run.take()
                && !nfc_quick(&s[r..i])
            {
                return false;
            }
        } else {
            run.get_or_insert(i);
        }
        i += c.len_utf8();
    }
    run.is_none_or(|r| nfc_quick(&s[r..]))
}

/// True when every byte of a chunk is printable ASCII, a tab, a line feed, the first byte of a
/// character from U+00C0 to U+02FF (Latin letters, all canonical starters) or a continuation byte.
/// It has no early exit, so it vectorises.
pub fn plain_latin(chunk: &[u8]) -> bool {
    chunk.iter().fold(true, |ok, &b| {
        ok & ((0x20..0x7f).contains(&b)
            | (b == b'\n')
            | (b == b'\t')
            | (0x80..=0xbf).contains(&b)
            | (0xc3..=0xcb).contains(&b))
    })
}

/// The NFC quick check of a run of characters that follows a starter.
fn nfc_quick(run: &str) -> bool {
    unicode_normalization::is_nfc_quick(run.chars()) == unicode_normalization::IsNormalized::Yes
}

/// The zero-width joiner, kept only between the parts of an emoji sequence.
pub const ZWJ: char = '\u{200d}';

/// Pictographic characters that emoji ZWJ sequences join (the emoji blocks and the older symbol blocks).
fn is_pictographic(c: char) -> bool {
    matches!(c, '\u{2300}'..='\u{23ff}' | '\u{2600}'..='\u{27bf}' | '\u{2b00}'..='\u{2bff}' | '\u{1f000}'..='\u{1faff}')
}

/// A character that can end the part of an emoji sequence before a joiner: a pictograph, the emoji
/// variation selector or a skin-tone modifier (a modifier lies inside the pictographic range).
fn ends_emoji(c: char) -> bool {
    c == '\u{fe0f}' || is_pictographic(c)
}

/// Replaces forbidden characters for display (for text that did not pass through `canonicalize`).
pub fn sanitize_for_display(input: &str) -> String {
    input
        .chars()
        .map(|c| if is_forbidden(c) { '\u{fffd}' } else { c })
        .collect()
}

/// Number of Unicode scalar values.
pub fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// Maps char offsets to byte offsets for one text, in O(1) per lookup after an O(n) build.
///
/// Compact: the byte offset of every 64th char, plus two bitmaps per block of 64 chars holding each
/// char's UTF-8 length minus one (0–3) — 3/8 of a byte per char instead of 8, so a project of 60 MB of
/// transcripts needs about 22 MB of maps, not 480 MB.
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    /// Byte offset of char `64 * k` for each block `k`.
    marks: Vec<usize>,
    /// Per block: bit `i` set when char `i`'s length minus one has bit 0 set.
    low: Vec<u64>,
    /// Per block: bit `i` set when char `i`'s length minus one has bit 1 set.
    high: Vec<u64>,
    chars: usize,
    len: usize,
}

const BLOCK: usize = 64;

impl OffsetMap {
    /// A map with room for a text of `len` bytes and nothing in it yet.
    fn empty(len: usize) -> Self {
        let blocks = len / BLOCK + 1;
        OffsetMap {
            marks: Vec::with_capacity(blocks),
            low: Vec::with_capacity(blocks),
            high: Vec::with_capacity(blocks),
            chars: 0,
            len,
        }
    }

    pub fn new(text: &str) -> Self {
        // 64 bytes at a time: a mask of the bytes that start a char of more than one byte (the lead
        // byte giving its length: the text is UTF-8) is all that is looked at one by one; a byte
        // starts char number `i - before` of its window, `before` counting the continuation bytes
        let bytes = text.as_bytes();
        let mut m = OffsetMap::empty(bytes.len());
        // continuation bytes that open a window: the end of a char begun in the one before
        let mut skip = 0;
        for (w, window) in bytes.chunks(64).enumerate() {
            let wide = wide_starts(window);
            // a window holds 64 chars at most, so at most one block begins in it: at its char `first`
            let first = m.chars.next_multiple_of(BLOCK) - m.chars;
            let mut mark = None;
            let mut before = skip;
            let mut rest = wide;
            while rest != 0 {
                let i = rest.trailing_zeros() as usize;
                if mark.is_none() && first <= i - before {
                    mark = Some(first + before);
                }
                before += extra_bytes(window[i]);
                rest &= rest - 1;
            }
            // bytes of the window's last char that lie in the next window
            let end = if wide == 0 {
                0
            } else {
                let i = 63 - wide.leading_zeros() as usize;
                (i + 1 + extra_bytes(window[i])).saturating_sub(window.len())
            };
            let n = window.len() + end - before;
            if mark.is_none() && first + before < window.len() {
                mark = Some(first + before);
            }
            if let Some(b) = mark {
                m.marks.push(w * 64 + b);
                m.low.push(0);
                m.high.push(0);
            }
            let mut before = skip;
            let mut rest = wide;
            while rest != 0 {
                let i = rest.trailing_zeros() as usize;
                let c = m.chars + i - before;
                let extra = extra_bytes(window[i]);
                m.low[c / BLOCK] |= ((extra & 1) as u64) << (c % BLOCK);
                m.high[c / BLOCK] |= ((extra >> 1) as u64) << (c % BLOCK);
                before += extra;
                rest &= rest - 1;
            }
            m.chars += n;
            skip = end;
        }
        m
    }

    /// Number of chars in the text.
    pub fn char_len(&self) -> usize {
        self.chars
    }

    /// Byte offset of char offset `c`; None when past the end.
    pub fn byte(&self, c: usize) -> Option<usize> {
        if c >= self.chars {
            return (c == self.chars).then_some(self.len);
        }
        let (k, bit) = (c / BLOCK, c % BLOCK);
        let below = (1u64 << bit) - 1;
        let extra = (self.low[k] & below).count_ones() + 2 * (self.high[k] & below).count_ones();
        Some(self.marks[k] + bit + extra as usize)
    }

    /// Byte length of char `c` (which exists).
    fn width(&self, c: usize) -> usize {
        let (k, bit) = (c / BLOCK, c % BLOCK);
        1 + ((self.low[k] >> bit) & 1) as usize + 2 * ((self.high[k] >> bit) & 1) as usize
    }

    /// Char offset of a byte offset that lies on a char boundary.
    pub fn char_of_byte(&self, b: usize) -> Option<usize> {
        if b >= self.len {
            return (b == self.len).then_some(self.chars);
        }
        let k = self.marks.partition_point(|&m| m <= b).checked_sub(1)?;
        let mut at = self.marks[k];
        let mut c = k * BLOCK;
        while c < self.chars && at < b {
            at += self.width(c);
            c += 1;
        }
        (at == b).then_some(c)
    }

    /// The text between two char offsets; None when out of range or reversed.
    pub fn slice<'a>(&self, text: &'a str, start: usize, end: usize) -> Option<&'a str> {
        if start > end {
            return None;
        }
        Some(&text[self.byte(start)?..self.byte(end)?])
    }
}

/// For a chunk of at most 64 bytes: bit `i` set when byte `i` starts a char of more than one byte
/// (`11xxxxxx`). Eight bytes at a time, as one `u64`.
fn wide_starts(chunk: &[u8]) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let word = |k: usize, x: u64| {
        let top = x & HIGH;
        if top == 0 {
            return 0;
        }
        // bit 7 of each byte: its bit 6, moved up (bit 7 of the byte below falls out of the mask)
        top_bits(top & (x << 1)) << (8 * k)
    };
    let mut wide = 0;
    if chunk.len() == 64 {
        for (k, part) in chunk.chunks_exact(8).enumerate() {
            wide |= word(k, u64::from_le_bytes(part.try_into().unwrap_or_default()));
        }
    } else {
        // the zero bytes that fill a short last chunk start nothing
        let mut full = [0u8; 64];
        full[..chunk.len()].copy_from_slice(chunk);
        for (k, part) in full.chunks_exact(8).enumerate() {
            wide |= word(k, u64::from_le_bytes(part.try_into().unwrap_or_default()));
        }
    }
    wide
}

/// The top bits of the eight bytes of `flags` (nothing else set) as eight bits, byte 0 lowest: the
/// products of the multiplication fall on distinct bits, the wanted ones in the top byte.
fn top_bits(flags: u64) -> u64 {
    (flags >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// The continuation bytes after a lead byte `11xxxxxx`.
fn extra_bytes(lead: u8) -> usize {
    match lead {
        0xC0..0xE0 => 1,
        0xE0..0xF0 => 2,
        _ => 3,
    }
}

/// Slices by char offsets without a prebuilt map.
pub fn slice_chars(text: &str, start: usize, end: usize) -> Option<&str> {
    if start > end {
        return None;
    }
    let mut it = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()));
    let b0 = it.nth(start)?;
    let b1 = if end == start {
        b0
    } else {
        it.nth(end - start - 1)?
    };
    Some(&text[b0..b1])
}

/// All char offsets at which `needle` occurs in `text` (non-overlapping scan, every start position).
pub fn find_all_chars(text: &str, needle: &str) -> Vec<usize> {
    if needle.is_empty() {
        return Vec::new();
    }
    let map = OffsetMap::new(text);
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(pos) = text[from..].find(needle) {
        let b = from + pos;
        if let Some(c) = map.char_of_byte(b) {
            out.push(c);
        }
        from = b + text[b..].chars().next().map_or(1, |c| c.len_utf8());
    }
    out
}

/// Turns a display name into an id: lower case, ASCII letters and digits, dashes.
pub fn slugify(name: &str) -> String {
    let mut out = String::new();
    for c in name.nfd() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if (c.is_whitespace() || c == '-' || c == '_' || c == '/' || c == ',' || c == '.')
            && !out.ends_with('-')
            && !out.is_empty()
        {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The map built a char at a time (how [`OffsetMap::new`] did it before it took 64 bytes at once).
    fn new_char_by_char(text: &str) -> OffsetMap {
        // a block at a time from the bytes (the text is valid UTF-8: a lead byte gives its char's
        // length); 64 ASCII bytes in a row, the usual case, are one block without looking at each
        let bytes = text.as_bytes();
        let mut m = OffsetMap::empty(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            m.marks.push(i);
            if let Some(run) = bytes.get(i..i + BLOCK)
                && run.is_ascii()
            {
                m.low.push(0);
                m.high.push(0);
                m.chars += BLOCK;
                i += BLOCK;
                continue;
            }
            let (mut low, mut high, mut bit) = (0u64, 0u64, 0);
            while bit < BLOCK && i < bytes.len() {
                // the ASCII chars before the next other one, up to eight at once
                if bit + 8 <= BLOCK
                    && let Some(eight) = bytes.get(i..i + 8)
                {
                    let mut w = [0u8; 8];
                    w.copy_from_slice(eight);
                    let high = u64::from_le_bytes(w) & 0x8080_8080_8080_8080;
                    let ascii = (high.trailing_zeros() / 8) as usize;
                    if ascii > 0 {
                        i += ascii;
                        bit += ascii;
                        continue;
                    }
                }
                let extra = match bytes[i] {
                    0..0xC0 => 0,
                    0xC0..0xE0 => 1,
                    0xE0..0xF0 => 2,
                    _ => 3,
                };
                low |= ((extra & 1) as u64) << bit;
                high |= ((extra >> 1) as u64) << bit;
                i += extra + 1;
                bit += 1;
            }
            m.low.push(low);
            m.high.push(high);
            m.chars += bit;
        }
        m
    }

    fn same_map(a: &OffsetMap, b: &OffsetMap) -> bool {
        (&a.marks, &a.low, &a.high, a.chars, a.len) == (&b.marks, &b.low, &b.high, b.chars, b.len)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]
        /// Built 64 bytes at a time, the map is the one built a char at a time, on any text: mostly
        /// ASCII or not, with chars of every length and combining marks anywhere.
        #[test]
        fn offset_map_is_the_char_by_char_one(
            parts in proptest::collection::vec(
                (proptest::sample::select(vec!["", "a", "å", "\u{301}", "€", "😀", "👩\u{200d}💻", "x\u{301}\u{302}", "\n", "abcdefghijklmnopqrstuvwxyz"]),
                 "\\PC{0,3}", 0usize..80),
                0..40)
        ) {
            let text: String = parts.iter().map(|(p, any, n)| format!("{}{any}{}", p.repeat(*n % 7), "y".repeat(*n))).collect();
            proptest::prop_assert!(same_map(&OffsetMap::new(&text), &new_char_by_char(&text)));
        }

        #[test]
        fn offset_map_of_any_string_is_the_char_by_char_one(text in proptest::prelude::any::<String>()) {
            proptest::prop_assert!(same_map(&OffsetMap::new(&text), &new_char_by_char(&text)));
        }
    }

    #[test]
    fn wide_starts_are_the_lead_bytes_of_long_chars() {
        let text = "aå€😀b";
        assert_eq!(wide_starts(text.as_bytes()), 0b100_1010);
        assert_eq!(wide_starts(&[b'a'; 64]), 0);
        assert_eq!(wide_starts(b""), 0);
        let long = format!("{}€{}å", "x".repeat(40), "y".repeat(19));
        assert_eq!(long.len(), 64);
        assert_eq!(wide_starts(long.as_bytes()), (1 << 40) | (1 << 62));
    }

    #[test]
    fn offset_map_agrees_with_char_indices() {
        for text in [
            "",
            "a",
            "på",
            &"aåä€😀\n".repeat(40),
            &"x".repeat(128),
            &"å".repeat(64),
            &format!("{}å{}😀{}", "x".repeat(70), "y".repeat(130), "z".repeat(63)),
            &format!("{}å{}😀{}", "x".repeat(63), "y".repeat(130), "z".repeat(64)),
            &format!("{}€{}", "a".repeat(64), "b".repeat(200)),
            &"Vi har för lite, så är det. Åsa – ”ja”😀 x\u{301}\n".repeat(20),
            &"åäöabcdefg€".repeat(30),
        ] {
            let m = OffsetMap::new(text);
            let bytes: Vec<usize> = text
                .char_indices()
                .map(|(i, _)| i)
                .chain(std::iter::once(text.len()))
                .collect();
            assert_eq!(m.char_len(), bytes.len() - 1);
            for (c, b) in bytes.iter().enumerate() {
                assert_eq!(m.byte(c), Some(*b), "{text:?} char {c}");
                assert_eq!(m.char_of_byte(*b), Some(c), "{text:?} byte {b}");
            }
            assert_eq!(m.byte(bytes.len()), None);
            for b in 0..=text.len() + 1 {
                assert_eq!(m.char_of_byte(b), bytes.binary_search(&b).ok(), "byte {b}");
            }
        }
    }

    #[test]
    fn canonicalize_strips_controls_and_normalizes() {
        let raw = "a\r\nb\rc\u{1b}[31mred\u{7}\u{202e}x\u{85}y\tz";
        assert_eq!(canonicalize(raw), "a\nb\nc[31mredxy\tz");
        // NFD "å" becomes one scalar.
        assert_eq!(canonicalize("a\u{30a}"), "å");
        // after a chunk of plain text, whose last character's second byte starts the next chunk
        let a15 = "a".repeat(15);
        assert_eq!(
            canonicalize(&format!("{a15}å\u{301}")),
            format!("{a15}\u{1fb}")
        );
        assert_eq!(canonicalize(&format!("{a15}å\r\n")), format!("{a15}å\n"));
        assert!(is_canonical(&format!("{a15}åäö\n{a15}")));
    }

    #[test]
    fn invisible_bidi_and_zero_width_are_stripped() {
        // An emoji sequence keeps its joiner; elsewhere the joiner goes.
        assert_eq!(
            canonicalize("a\u{1f469}\u{200d}\u{1f4bb}b"),
            "a\u{1f469}\u{200d}\u{1f4bb}b"
        );
        assert_eq!(
            canonicalize("\u{2764}\u{fe0f}\u{200d}\u{1f525}"),
            "\u{2764}\u{fe0f}\u{200d}\u{1f525}"
        );
        assert_eq!(
            canonicalize("\u{1f469}\u{200d}x\u{200d}\u{1f4bb}\u{200d}"),
            "\u{1f469}x\u{1f4bb}"
        );
        let s = "a\u{61c}b\u{200b}c\u{200d}d\u{200e}e\u{2060}f\u{2066}g\u{feff}h";
        assert_eq!(canonicalize(s), "abcdefgh");
        assert_eq!(canonicalize("a\u{2028}b"), "a\nb");
    }

    proptest::proptest! {
        #[test]
        fn text_found_canonical_is_left_as_it_is(
            picks in proptest::collection::vec(proptest::prelude::any::<proptest::sample::Index>(), 0..48)
        ) {
            // long enough for the 16-byte chunks of `is_canonical`; mostly letters, as text is
            let a: Vec<char> = "abcdefghijklmnopqrstuvwxyz åäöéȳ\u{2ff}a å\t\n\r\u{7}\u{7f}\u{85}\u{a0}\u{300}\u{301}\u{316}\u{340}\u{30a}\u{200b}\u{200d}\u{2028}\u{feff}–😀\u{1f4bb}\u{fe0f}"
                .chars()
                .collect();
            let s: String = picks.iter().map(|i| a[i.index(a.len())]).collect();
            if is_canonical(&s) {
                proptest::prop_assert_eq!(rebuild(&s), s.as_str());
            }
            proptest::prop_assert_eq!(canonicalize(&s), rebuild(&s));
        }
    }

    #[test]
    fn offsets_roundtrip() {
        let t = "åäö abc";
        let m = OffsetMap::new(t);
        assert_eq!(m.char_len(), 7);
        assert_eq!(m.slice(t, 1, 3), Some("äö"));
        assert_eq!(slice_chars(t, 1, 3), Some("äö"));
        assert_eq!(slice_chars(t, 7, 7), Some(""));
        assert_eq!(slice_chars(t, 7, 8), None);
        assert_eq!(find_all_chars("åa åa", "åa"), vec![0, 3]);
    }

    #[test]
    fn slugs() {
        assert_eq!(slugify("Ledningens engagemang"), "ledningens-engagemang");
        assert_eq!(
            slugify("Resurser, organisation och nätverk"),
            "resurser-organisation-och-natverk"
        );
        assert_eq!(slugify("  Öl "), "ol");
    }
}
