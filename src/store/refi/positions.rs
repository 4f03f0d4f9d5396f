//! Positions through text normalisation: a source's code-point offsets mapped onto the canonical body
//! (BOM removed, CRLF made LF counted as one or two characters, forbidden characters dropped, NFC,
//! leading blank lines removed).

use crate::model::text::{ZWJ, canonicalize, is_forbidden};
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, is_nfc_quick};

/// How the writer of a file counted a CRLF line end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CrlfCounts {
    One,
    Two,
}

impl CrlfCounts {
    /// NVivo counts a CRLF as two characters; qc, ATLAS.ti, QualCoder and the rest as one.
    pub fn from_origin(origin: &str) -> Self {
        if origin.to_lowercase().contains("nvivo") {
            CrlfCounts::Two
        } else {
            CrlfCounts::One
        }
    }
}

/// A source text in canonical form with the map from the writer's positions to canonical ones.
#[derive(Debug, Clone)]
pub struct Mapped {
    pub text: String,
    /// For every boundary of the original (0..=len in the writer's counting): the canonical offset,
    /// rounded down for a start inside a character that was merged or dropped.
    floor: Vec<usize>,
    /// The same, rounded up (for ends).
    ceil: Vec<usize>,
}

impl Mapped {
    /// Length of the original text in the writer's counting.
    pub fn original_len(&self) -> usize {
        self.floor.len() - 1
    }

    /// Maps a selection `[start, end)`; None when it lies outside the original text.
    pub fn map(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        if start > end || end > self.original_len() {
            return None;
        }
        // A selection of dropped whitespace alone becomes empty where it ended.
        let end = self.ceil[end];
        Some((self.floor[start].min(end), end))
    }

    /// The same source laid out again as `text` (speaker turns separated by blank lines, labels and
    /// paragraphs trimmed): positions are carried through the change. The new text may only insert or
    /// drop whitespace; any other difference gives None, and the caller keeps the text as it was.
    pub fn relaid(self, text: String) -> Option<Mapped> {
        let (starts, ends) = align_whitespace(&self.text, &text)?;
        let floor = self.floor.iter().map(|&k| starts[k]).collect();
        let ceil = self.ceil.iter().map(|&k| ends[k]).collect();
        Some(Mapped { text, floor, ceil })
    }
}

/// Aligns `old` with `new`, where `new` differs only by whitespace inserted or removed. Returns, for
/// every boundary of `old` (0..=len), where a selection starting there starts in `new` and where one
/// ending there ends; None when a character other than whitespace differs.
fn align_whitespace(old: &str, new: &str) -> Option<(Vec<usize>, Vec<usize>)> {
    let a: Vec<char> = old.chars().collect();
    let b: Vec<char> = new.chars().collect();
    // Where each old character landed in `new` (None: dropped whitespace).
    let mut at: Vec<Option<usize>> = Vec::with_capacity(a.len());
    let mut j = 0;
    for &c in &a {
        // Whitespace in `new` before the next character that is not: inserted, unless it is this one.
        let mut k = j;
        while k < b.len() && b[k] != c && b[k].is_whitespace() {
            k += 1;
        }
        if k < b.len() && b[k] == c {
            at.push(Some(k));
            j = k + 1;
        } else if c.is_whitespace() {
            at.push(None);
        } else {
            return None;
        }
    }
    if b[j..].iter().any(|c| !c.is_whitespace()) {
        return None;
    }
    let mut starts = vec![b.len(); a.len() + 1];
    for k in (0..a.len()).rev() {
        starts[k] = at[k].unwrap_or(starts[k + 1]);
    }
    let mut ends = vec![0; a.len() + 1];
    for k in 1..=a.len() {
        ends[k] = at[k - 1].map_or(ends[k - 1], |j| j + 1);
    }
    Some((starts, ends))
}

/// Splits text into pieces that normalise independently: a CRLF stays whole, and a piece ends before
/// every starter that cannot combine with what precedes it (NFC_Quick_Check = Yes, combining class 0).
fn pieces(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev = None;
    for (i, c) in text.char_indices() {
        // A dropped character joins the piece before it, so that a mark after it still composes; a
        // joiner and the character after it stay in one piece, since whether it is kept depends on both.
        let starter = c == '\r'
            || (!is_forbidden(c)
                && c != ZWJ
                && prev != Some(ZWJ)
                && canonical_combining_class(c) == 0
                && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes);
        let boundary = i > 0 && prev != Some('\r') && starter;
        let after_cr = prev == Some('\r') && c != '\n';
        if boundary || (after_cr && i > 0) {
            out.push(&text[start..i]);
            start = i;
        }
        prev = Some(c);
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// Units the writer counted in a piece of the original text.
fn units(piece: &str, crlf: CrlfCounts) -> usize {
    let n = piece.chars().count();
    if crlf == CrlfCounts::One && piece.contains("\r\n") {
        n - piece.matches("\r\n").count()
    } else {
        n
    }
}

/// Canonicalises `raw` (the decoded file, BOM included if present) and maps positions through it.
pub fn canonical_mapped(raw: &str, crlf: CrlfCounts) -> Mapped {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let mut text = String::with_capacity(raw.len());
    let mut floor = vec![0];
    let mut ceil = vec![0];
    let mut len = 0;
    for piece in pieces(raw) {
        let canon = canonicalize(piece);
        let n = units(piece, crlf);
        let before = len;
        len += canon.chars().count();
        text.push_str(&canon);
        // Inside a piece that changed, a start rounds back to the piece start and an end forward
        // to its end; a piece that kept its length maps one to one.
        let same = canon.chars().count() == n && canon == piece;
        for k in 1..=n {
            let exact = same.then_some(before + k);
            floor.push(exact.unwrap_or(if k == n { len } else { before }));
            ceil.push(exact.unwrap_or(len));
        }
    }
    strip_leading_newlines(Mapped { text, floor, ceil })
}

/// A body cannot begin with blank lines (the transcript file format drops them), so they are removed
/// and every position shifted.
fn strip_leading_newlines(mut m: Mapped) -> Mapped {
    let k = m.text.len() - m.text.trim_start_matches('\n').len();
    if k > 0 {
        m.text.drain(..k);
        for v in m.floor.iter_mut().chain(m.ceil.iter_mut()) {
            *v = v.saturating_sub(k);
        }
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn crlf_one_or_two() {
        let raw = "ab\r\ncd\r\n";
        let one = canonical_mapped(raw, CrlfCounts::One);
        assert_eq!(one.text, "ab\ncd\n");
        assert_eq!(one.original_len(), 6);
        assert_eq!(one.map(3, 5), Some((3, 5)));
        let two = canonical_mapped(raw, CrlfCounts::Two);
        assert_eq!(two.original_len(), 8);
        assert_eq!(two.map(4, 6), Some((3, 5)));
        // A position between CR and LF belongs to the line end.
        assert_eq!(two.map(3, 3), Some((2, 3)));
    }

    #[test]
    fn bom_nfd_and_leading_blank_lines() {
        let m = canonical_mapped("\u{feff}\n\nva\u{308}xa\u{30a}\u{1F600}!", CrlfCounts::One);
        assert_eq!(m.text, "växå😀!");
        // Original: \n \n v a ̈ x a ̊ 😀 !  (10 code points after the BOM)
        assert_eq!(m.original_len(), 10);
        assert_eq!(m.map(2, 5), Some((0, 2)), "vä");
        assert_eq!(m.map(5, 8), Some((2, 4)), "xå");
        assert_eq!(m.map(8, 9), Some((4, 5)), "the emoji is one code point");
        assert_eq!(m.map(9, 11), None);
    }

    #[test]
    fn dropped_controls_shift_later_positions() {
        let m = canonical_mapped("a\u{1b}bc", CrlfCounts::One);
        assert_eq!(m.text, "abc");
        assert_eq!(m.map(2, 4), Some((1, 3)));
    }

    #[test]
    fn relaid_turns_keep_every_line() {
        let m = canonical_mapped("A: x  \r\nB: y\r\nB: z", CrlfCounts::One);
        let r = m.relaid("A: x\n\nB: y\n\nB: z\n".into()).unwrap();
        let slice = |(a, b): (usize, usize)| r.text.chars().skip(a).take(b - a).collect::<String>();
        assert_eq!(
            slice(r.map(0, 7).unwrap()),
            "A: x\n",
            "trailing spaces dropped, the line end kept"
        );
        assert_eq!(slice(r.map(7, 12).unwrap()), "B: y\n");
        assert_eq!(slice(r.map(12, 16).unwrap()), "B: z");
        assert_eq!(r.map(4, 6), Some((4, 4)), "only dropped spaces: empty");
        assert!(
            canonical_mapped("A: x", CrlfCounts::One)
                .relaid("A: y\n".into())
                .is_none()
        );
    }

    proptest! {
        #[test]
        fn relaid_by_the_txt_layout_maps_every_character(
            lines in proptest::collection::vec(("(Anna|IP|Intervjuare)", "[a-zå😀 ]{0,8}", "[ ]{0,2}"), 1..8),
            crlf in proptest::bool::ANY,
        ) {
            use crate::store::import::layout_with_speakers;
            use crate::store::import::plain::{Block, turns_from_blocks};
            let nl = if crlf { "\r\n" } else { "\n" };
            let raw: String = lines.iter().map(|(s, t, sp)| format!("{s}: x{t}{sp}{nl}")).collect();
            let m = canonical_mapped(&raw, CrlfCounts::One);
            let (body, _) = layout_with_speakers(&turns_from_blocks(&[Block::Text(m.text.clone())]));
            let old: Vec<char> = m.text.chars().collect();
            let r = m.clone().relaid(body).expect("the layout only moves whitespace");
            let new: Vec<char> = r.text.chars().collect();
            for (i, c) in old.iter().enumerate().filter(|(_, c)| !c.is_whitespace()) {
                let (a, b) = r.map(i, i + 1).unwrap();
                prop_assert_eq!((b - a, new[a]), (1, *c));
            }
            // Each whole line, its end included, lands on exactly that line without its trailing spaces.
            let mut at = 0;
            for (s, t, sp) in &lines {
                let line = format!("{s}: x{t}");
                let n = line.chars().count() + sp.chars().count() + 1;
                let (a, b) = r.map(at, at + n).unwrap();
                let got: String = new[a..b].iter().collect();
                prop_assert_eq!(got, format!("{}\n", line.trim_end()));
                at += n;
            }
        }

        #[test]
        fn text_equals_canonicalize(s in "[a-cå\u{301}\u{308}\r\n\u{1F600}\u{200d}\u{feff}\u{1b} ]{0,40}") {
            let m = canonical_mapped(&s, CrlfCounts::One);
            let c = canonicalize(s.strip_prefix('\u{feff}').unwrap_or(&s));
            prop_assert_eq!(&m.text, c.trim_start_matches('\n'));
            prop_assert_eq!(m.map(0, m.original_len()), Some((0, m.text.chars().count())));
        }

        #[test]
        fn plain_text_maps_one_to_one(s in "[a-zåäö😀 \n]{0,40}", a in 0usize..40, b in 0usize..40) {
            let s = format!("x{s}");
            let m = canonical_mapped(&s, CrlfCounts::Two);
            let n = s.chars().count();
            let (a, b) = (a.min(b).min(n), a.max(b).min(n));
            prop_assert_eq!(m.map(a, b), Some((a, b)));
        }
    }
}
