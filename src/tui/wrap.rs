//! Word wrapping of a transcript body into display lines by grapheme cluster width, and column lookups.

use crate::model::text::{ZWJ, is_forbidden};
use std::borrow::Cow;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// One display line: char offsets into the body, end exclusive, without the line's `\n`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VLine {
    pub start: usize,
    pub end: usize,
}

/// True for a grapheme drawn as one replacement cell: a forbidden character, or a joined emoji sequence
/// (👩‍👩‍👧), whose width terminals disagree on (two columns in some, six in others), which would shift
/// every later cell of the line. The stored text keeps the sequence; only its cell is replaced.
fn replaced(g: &str) -> bool {
    g.chars().any(|c| c == ZWJ || is_forbidden(c))
}

/// Display width of one grapheme cluster as drawn by [`symbol`].
pub fn gwidth(g: &str) -> usize {
    if g.len() == 1 {
        return 1;
    }
    if replaced(g) {
        return 1;
    }
    g.width()
}

/// What is put in the terminal cell for a grapheme: never a control or bidi-override character.
pub fn symbol(g: &str) -> Cow<'_, str> {
    if g == "\t" || g == "\n" {
        Cow::Borrowed(" ")
    } else if replaced(g) {
        Cow::Borrowed("\u{fffd}")
    } else {
        Cow::Borrowed(g)
    }
}

/// Makes any string safe for display on one line (names, memos, file text of unknown origin).
pub fn clean(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\n' | '\t' => ' ',
            c if c == ZWJ || is_forbidden(c) => '\u{fffd}',
            c => c,
        })
        .collect()
}

/// Wraps `text` to `width` columns at whitespace, breaking inside words only when a word is wider than a line.
pub fn wrap(text: &str, width: usize) -> Vec<VLine> {
    let width = width.max(1);
    let mut out = Vec::with_capacity(text.len() / width.max(8) + 16);
    let mut pos = 0usize;
    for line in text.split('\n') {
        wrap_line(line, pos, width, &mut out);
        pos += line.chars().count() + 1;
    }
    // A body ending with "\n" yields a last empty piece that is not a line of its own.
    if text.ends_with('\n') && out.len() > 1 {
        out.pop();
    }
    out
}

/// Chars below U+0300 (Latin, with å ä ö é) never join others in a grapheme and are one cell wide.
fn simple(c: char) -> bool {
    (c as u32) < 0x300 && c != '\u{ad}'
}

fn wrap_line(line: &str, base: usize, width: usize, out: &mut Vec<VLine>) {
    if line.is_ascii() {
        return wrap_simple(
            line.bytes().map(|b| b.is_ascii_whitespace()),
            base,
            width,
            out,
        );
    }
    if line.chars().all(simple) {
        return wrap_simple(line.chars().map(char::is_whitespace), base, width, out);
    }
    wrap_graphemes(line, base, width, out);
}

fn wrap_graphemes(line: &str, base: usize, width: usize, out: &mut Vec<VLine>) {
    let mut start = base;
    let mut pos = base;
    let mut w = 0usize;
    // (char offset after the last whitespace, width up to it)
    let mut brk: Option<(usize, usize)> = None;
    for g in line.graphemes(true) {
        let gw = gwidth(g);
        let n = g.chars().count();
        let space = g.chars().all(char::is_whitespace);
        if !space && w + gw > width && w > 0 {
            match brk {
                Some((b, bw)) if b > start => {
                    out.push(VLine { start, end: b });
                    start = b;
                    w -= bw;
                }
                _ => {
                    out.push(VLine { start, end: pos });
                    start = pos;
                    w = 0;
                }
            }
            brk = None;
        }
        pos += n;
        w += gw;
        if space {
            brk = Some((pos, w));
        }
    }
    out.push(VLine { start, end: pos });
}

/// Wraps a line whose every char is one cell wide, given whether each char is a space.
fn wrap_simple(
    spaces: impl Iterator<Item = bool>,
    base: usize,
    width: usize,
    out: &mut Vec<VLine>,
) {
    let mut start = 0usize;
    let mut brk: Option<usize> = None;
    let mut len = 0usize;
    for (i, space) in spaces.enumerate() {
        if !space && i - start >= width {
            match brk {
                Some(k) if k > start => start = push(out, base, start, k),
                _ => start = push(out, base, start, i),
            }
            brk = None;
        }
        if space {
            brk = Some(i + 1);
        }
        len = i + 1;
    }
    out.push(VLine {
        start: base + start,
        end: base + len,
    });
}

fn push(out: &mut Vec<VLine>, base: usize, start: usize, end: usize) -> usize {
    out.push(VLine {
        start: base + start,
        end: base + end,
    });
    end
}

/// Index of the line containing char offset `pos` (a position on a `\n` belongs to the line it ends).
pub fn line_of(lines: &[VLine], pos: usize) -> usize {
    lines.partition_point(|l| l.start <= pos).saturating_sub(1)
}

/// Graphemes of a line's text with their char offset and display column.
pub fn cells(line: &str, start: usize) -> impl Iterator<Item = (usize, usize, &str, usize)> {
    let mut pos = start;
    let mut col = 0usize;
    line.graphemes(true).map(move |g| {
        let w = gwidth(g);
        let item = (pos, col, g, w);
        pos += g.chars().count();
        col += w;
        item
    })
}

/// Display column of `pos` within a line.
pub fn col_of(line: &str, start: usize, pos: usize) -> usize {
    let mut last = 0;
    for (p, col, _, w) in cells(line, start) {
        if p >= pos {
            return col;
        }
        last = col + w;
    }
    last
}

/// The char offset shown at display column `col`; the line's last grapheme when the line is shorter,
/// and `start` for an empty line (its `\n`).
pub fn pos_at_col(line: &str, start: usize, col: usize) -> usize {
    let mut last = start;
    for (p, c, _, w) in cells(line, start) {
        if col < c + w.max(1) {
            return p;
        }
        last = p;
    }
    last
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(t: &'a str, lines: &[VLine]) -> Vec<&'a str> {
        let m = crate::model::text::OffsetMap::new(t);
        lines
            .iter()
            .map(|l| m.slice(t, l.start, l.end).unwrap())
            .collect()
    }

    #[test]
    fn wraps_at_spaces_and_keeps_blank_lines() {
        let t = "aaa bbb ccc\n\nddddddddd e\n";
        let l = wrap(t, 7);
        assert_eq!(texts(t, &l), vec!["aaa bbb ", "ccc", "", "ddddddd", "dd e"]);
        let t2 = "åäö åäö åäö\n\nååååååååå e\n";
        assert_eq!(
            texts(t2, &wrap(t2, 7)),
            vec!["åäö åäö ", "åäö", "", "ååååååå", "åå e"]
        );
    }

    #[test]
    fn wide_and_hostile_graphemes() {
        let t = "日本語日本語 x\u{1b}y";
        let l = wrap(t, 5);
        assert_eq!(texts(t, &l), vec!["日本", "語日", "本語 ", "x\u{1b}y"]);
        assert_eq!(symbol("\u{1b}"), "\u{fffd}");
        assert_eq!(clean("a\u{202e}b\nc"), "a\u{fffd}b c");
        // e + combining acute is one cell.
        let t = "e\u{301}x";
        assert_eq!(col_of(t, 0, 2), 1);
        assert_eq!(pos_at_col(t, 0, 1), 2);
        assert_eq!(pos_at_col(t, 0, 9), 2);
        assert_eq!(pos_at_col("", 7, 3), 7);
    }

    #[test]
    fn latin_chars_are_single_cells() {
        for c in (0u32..0x300)
            .filter_map(char::from_u32)
            .filter(|c| super::simple(*c))
        {
            let s = c.to_string();
            assert_eq!(gwidth(&s), 1, "{c:?}");
            assert_eq!(s.graphemes(true).count(), 1);
        }
        // The fast path and the grapheme path agree on Swedish text.
        let t = "Vi hade inte pengar att tillsätta en heltidstjänst år 2017,  så vi fick välja.";
        for width in [1, 5, 13, 20, 80] {
            let (mut fast, mut slow) = (Vec::new(), Vec::new());
            super::wrap_simple(t.chars().map(char::is_whitespace), 3, width, &mut fast);
            super::wrap_graphemes(t, 3, width, &mut slow);
            assert_eq!(fast, slow, "width {width}");
        }
    }

    #[test]
    fn finds_lines() {
        let t = "ab cd\nef\n";
        let l = wrap(t, 3);
        assert_eq!(texts(t, &l), vec!["ab ", "cd", "ef"]);
        assert_eq!(line_of(&l, 0), 0);
        assert_eq!(line_of(&l, 3), 1);
        assert_eq!(line_of(&l, 5), 1);
        assert_eq!(line_of(&l, 6), 2);
    }
}
