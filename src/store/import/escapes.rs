//! Terminal escape sequences removed whole, so no `[31m` residue is left once ESC itself is dropped.

use std::borrow::Cow;
use std::iter::Peekable;
use std::str::Chars;

/// Removes ANSI/ECMA-48 escape sequences: CSI (`ESC [` or U+009B, parameters, final byte),
/// OSC/DCS/APC/PM/SOS strings (up to BEL, `ESC \`, U+009C or the end of the line) and
/// two-character escapes. Other control characters are left for `canonicalize` to drop.
pub fn strip_escapes(s: &str) -> Cow<'_, str> {
    if !has_escape(s.as_bytes()) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        match c {
            '\u{1b}' => match it.peek().copied() {
                Some('[') => {
                    it.next();
                    skip_csi(&mut it);
                }
                Some(']' | 'P' | 'X' | '^' | '_') => {
                    it.next();
                    skip_string(&mut it);
                }
                Some(_) => skip_escape(&mut it),
                None => {}
            },
            '\u{9b}' => skip_csi(&mut it),
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut it),
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Whether the text holds ESC or one of the C1 controls that open a sequence (U+0090, U+0098,
/// U+009B, U+009D–U+009F, which UTF-8 writes as 0xC2 and a second byte), seen in its bytes.
fn has_escape(b: &[u8]) -> bool {
    b.iter().enumerate().any(|(i, &x)| {
        x == 0x1b
            || (x == 0xc2 && matches!(b.get(i + 1), Some(0x90 | 0x98 | 0x9b | 0x9d | 0x9e | 0x9f)))
    })
}

/// Parameter bytes, intermediate bytes, then one final byte.
fn skip_csi(it: &mut Peekable<Chars<'_>>) {
    while it.next_if(|c| ('\u{30}'..='\u{3f}').contains(c)).is_some() {}
    while it.next_if(|c| ('\u{20}'..='\u{2f}').contains(c)).is_some() {}
    it.next_if(|c| ('\u{40}'..='\u{7e}').contains(c));
}

/// `ESC` with intermediate bytes and a final byte, such as `ESC ( B` or `ESC c`.
fn skip_escape(it: &mut Peekable<Chars<'_>>) {
    while it.next_if(|c| ('\u{20}'..='\u{2f}').contains(c)).is_some() {}
    it.next_if(|c| ('\u{30}'..='\u{7e}').contains(c));
}

/// A control string; it never runs past the end of a line, so a stray `ESC ]` cannot eat the text.
fn skip_string(it: &mut Peekable<Chars<'_>>) {
    while let Some(&c) = it.peek() {
        match c {
            '\n' => return,
            '\u{7}' | '\u{9c}' => {
                it.next();
                return;
            }
            '\u{1b}' => {
                it.next();
                it.next_if_eq(&'\\');
                return;
            }
            _ => {
                it.next();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sequences_go_whole() {
        assert_eq!(strip_escapes("Hej\u{1b}[31m röd\u{1b}[0m."), "Hej röd.");
        assert_eq!(
            strip_escapes("a\u{1b}]0;titel\u{7}b\u{1b}]8;;http://x\u{1b}\\c"),
            "abc"
        );
        assert_eq!(strip_escapes("x\u{9b}2Jy\u{1b}(Bz\u{1b}cw"), "xyzw");
        assert_eq!(strip_escapes("\u{1b}[?1049h\u{1b}[1;31;42mfärg"), "färg");
    }

    #[test]
    fn unterminated_strings_stop_at_the_line_end() {
        assert_eq!(
            strip_escapes("a\u{1b}]0;aldrig slut\nnästa rad"),
            "a\nnästa rad"
        );
        assert_eq!(strip_escapes("slut\u{1b}"), "slut");
        assert_eq!(strip_escapes("åäö [31m"), "åäö [31m");
    }
}
