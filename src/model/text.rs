//! Canonical text: NFC, LF line ends, no control, bidi or zero-width characters, and char/byte offset helpers.

use unicode_normalization::UnicodeNormalization;

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

/// True when [`canonicalize`] would return `s` unchanged; without building the copy when nothing in `s`
/// is one of the characters it changes and the NFC quick check says yes.
pub fn is_canonical(s: &str) -> bool {
    let changes = |c: char| c == '\r' || c == ZWJ || is_forbidden(c);
    if !s.chars().any(changes)
        && unicode_normalization::is_nfc_quick(s.chars())
            == unicode_normalization::IsNormalized::Yes
    {
        return true;
    }
    canonicalize(s) == s
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
    pub fn new(text: &str) -> Self {
        // Byte by byte: a char starts at every byte that is not a continuation byte, and its lead byte
        // gives its length (faster than decoding the chars).
        let bytes = text.as_bytes();
        let mut m = OffsetMap {
            len: bytes.len(),
            ..OffsetMap::default()
        };
        let (mut low, mut high, mut n) = (0u64, 0u64, 0usize);
        for (i, &b) in bytes.iter().enumerate() {
            if (0x80..0xc0).contains(&b) {
                continue;
            }
            let bit = n % BLOCK;
            if bit == 0 {
                if n > 0 {
                    m.low.push(low);
                    m.high.push(high);
                    (low, high) = (0, 0);
                }
                m.marks.push(i);
            }
            let extra: u64 = match b {
                0..0x80 => 0,
                0xc0..0xe0 => 1,
                0xe0..0xf0 => 2,
                _ => 3,
            };
            low |= (extra & 1) << bit;
            high |= (extra >> 1) << bit;
            n += 1;
        }
        if n > 0 {
            m.low.push(low);
            m.high.push(high);
        }
        m.chars = n;
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

    #[test]
    fn offset_map_agrees_with_char_indices() {
        for text in [
            "",
            "a",
            "på",
            &"aåä€😀\n".repeat(40),
            &"x".repeat(128),
            &"å".repeat(64),
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
