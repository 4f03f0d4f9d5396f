//! Output safety: the project's sanitising function for anything printed to a terminal, and the one
//! CSV writer, which neutralises formula cells. Every layer that prints or writes CSV calls these.
//!
//! Text that came from a file or an argument (a code name, a header field, a file name) can hold
//! escape sequences (which retitle or repaint a terminal), bidi overrides and zero-width characters
//! (which make text read differently from what it is); `terminal` replaces each with U+FFFD, keeping
//! newlines and tabs. A CSV cell beginning with `=`, `+`, `-`, `@`, tab or CR is a formula to Excel
//! and LibreOffice; `csv_cell` prefixes it with `'` as OWASP recommends.

use crate::model::text::is_forbidden;
use std::borrow::Cow;
use std::io::Write;

/// Text made safe to print: control, bidi and zero-width characters become U+FFFD (newline and tab stay).
pub fn terminal(s: &str) -> Cow<'_, str> {
    if !has_forbidden(s) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| if is_forbidden(c) { '\u{fffd}' } else { c })
            .collect(),
    )
}

/// Whether `s` holds a character [`is_forbidden`] refuses, byte by byte: every forbidden character is an
/// ASCII control or starts with one of four lead bytes, so the rest (Swedish letters too) is not decoded.
fn has_forbidden(s: &str) -> bool {
    let bytes = s.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| match b {
        b'\t' | b'\n' => false,
        0x00..=0x1f | 0x7f => true,
        0xc2 | 0xd8 | 0xe2 | 0xef => s
            .get(i..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(is_forbidden),
        _ => false,
    })
}

/// Prints a line to stdout through [`terminal`]; the CLI's `println!` for text that holds data.
#[macro_export]
macro_rules! say {
    ($($arg:tt)*) => {
        println!("{}", $crate::safe::terminal(&format!($($arg)*)))
    };
}

/// Prints a line to stderr through [`terminal`].
#[macro_export]
macro_rules! warn_line {
    ($($arg:tt)*) => {
        eprintln!("{}", $crate::safe::terminal(&format!($($arg)*)))
    };
}

/// A writer that passes everything through [`terminal`]. Writers above it (csv's buffer) may split a
/// character between two writes: the incomplete end waits for the next write; invalid UTF-8 becomes
/// U+FFFD.
pub struct SafeWriter<W: Write> {
    inner: W,
    carry: Vec<u8>,
}

impl<W: Write> SafeWriter<W> {
    pub fn new(inner: W) -> Self {
        SafeWriter {
            inner,
            carry: Vec::new(),
        }
    }
}

/// The text of `bytes` up to an incomplete character at the end, and that end.
fn split_text(bytes: &[u8]) -> (String, &[u8]) {
    let mut out = String::new();
    let mut rest = bytes;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                rest = &[];
            }
            Err(e) => {
                let (good, bad) = rest.split_at(e.valid_up_to());
                out.push_str(std::str::from_utf8(good).unwrap_or_default());
                match e.error_len() {
                    Some(n) => {
                        out.push('\u{fffd}');
                        rest = &bad[n..];
                    }
                    None => return (out, bad),
                }
            }
        }
    }
    (out, rest)
}

impl<W: Write> Write for SafeWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        // Whole text with nothing carried over (a report written at once): no copy.
        if self.carry.is_empty()
            && let Ok(text) = std::str::from_utf8(buf)
        {
            self.inner.write_all(terminal(text).as_bytes())?;
            return Ok(buf.len());
        }
        self.carry.extend_from_slice(buf);
        let (text, rest) = split_text(&self.carry);
        let rest = rest.to_vec();
        self.inner.write_all(terminal(&text).as_bytes())?;
        self.carry = rest;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

impl<W: Write> Drop for SafeWriter<W> {
    fn drop(&mut self) {
        if !self.carry.is_empty() {
            let _ = self.inner.write_all("\u{fffd}".as_bytes());
        }
        let _ = self.inner.flush();
    }
}

/// Standard output through [`terminal`]: what the CLI prints listings and reports to.
pub fn stdout() -> SafeWriter<std::io::StdoutLock<'static>> {
    SafeWriter::new(std::io::stdout().lock())
}

/// A CSV cell that a spreadsheet will not run as a formula, and that holds no terminal controls.
pub fn csv_cell(s: &str) -> Cow<'_, str> {
    let formula = s.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_number(s);
    match (formula, terminal(s)) {
        (false, t) => t,
        (true, t) => Cow::Owned(format!("'{t}")),
    }
}

/// A plain number such as `-0.25` or `1e-3`: a spreadsheet reads it as a value, not a formula, and
/// R must read it as a number (a negative kappa, say). A leading `+` is never taken as a number.
fn is_number(s: &str) -> bool {
    let body = s.strip_prefix('-').unwrap_or(s);
    body.starts_with(|c: char| c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'))
        && s.parse::<f64>().is_ok()
}

/// The CSV writer every CSV the product writes goes through: each field passes [`csv_cell`].
pub struct CsvWriter<W: Write> {
    inner: csv::Writer<W>,
}

impl<W: Write> CsvWriter<W> {
    pub fn new(out: W) -> Self {
        CsvWriter {
            inner: csv::Writer::from_writer(out),
        }
    }

    pub fn write_record<I, S>(&mut self, fields: I) -> csv::Result<()>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.inner.write_record(
            fields
                .into_iter()
                .map(|f| csv_cell(f.as_ref()).into_owned()),
        )
    }

    pub fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_bidi_and_zero_width_are_replaced() {
        let s = "role: \u{1b}]0;pwned\u{7}x\u{202e}y\u{200b}z\u{61c}\u{2028}\u{feff}";
        assert_eq!(
            terminal(s),
            "role: \u{fffd}]0;pwned\u{fffd}x\u{fffd}y\u{fffd}z\u{fffd}\u{fffd}\u{fffd}"
        );
        assert_eq!(terminal("på rad\n\tTab"), "på rad\n\tTab");
        assert!(matches!(terminal("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn the_byte_scan_finds_every_forbidden_character() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let s = format!("å{c}ö");
            assert_eq!(has_forbidden(&s), is_forbidden(c), "{:x}", c as u32);
        }
    }

    #[test]
    fn a_character_split_between_writes_survives() {
        let mut out = Vec::new();
        {
            let mut w = SafeWriter::new(&mut out);
            let bytes = "på \u{1b}x".as_bytes();
            w.write_all(&bytes[..2]).unwrap();
            w.write_all(&bytes[2..]).unwrap();
            w.write_all(b"\xff!").unwrap();
        }
        assert_eq!(String::from_utf8(out).unwrap(), "på \u{fffd}x\u{fffd}!");
    }

    #[test]
    fn formula_cells_are_neutralised() {
        for f in [
            "=HYPERLINK(\"x\")",
            "+1",
            "+1+1",
            "-2+3",
            "-A1",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "-inf",
        ] {
            assert!(csv_cell(f).starts_with('\''), "{f:?}");
        }
        assert_eq!(csv_cell("-0.25"), "-0.25");
        assert_eq!(csv_cell("1e-3"), "1e-3");
        assert_eq!(csv_cell("Kommun A"), "Kommun A");
        assert_eq!(csv_cell("a=b"), "a=b");
        let mut w = CsvWriter::new(Vec::new());
        w.write_record(["=1+1", "ok"]).unwrap();
        w.flush().unwrap();
        drop(w.inner.flush());
        let out = String::from_utf8(w.inner.into_inner().unwrap()).unwrap();
        assert_eq!(out, "'=1+1,ok\n");
    }
}
