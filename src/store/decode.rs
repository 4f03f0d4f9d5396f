//! Bytes to text: BOMs, strict UTF-8, then detection of legacy encodings; binary input is refused.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The encoding used, as named by the WHATWG Encoding Standard (`UTF-8`, `windows-1252`, `UTF-16LE`).
    pub encoding: &'static str,
    /// True when the encoding was guessed rather than known from a BOM or valid UTF-8.
    pub guessed: bool,
    /// Byte offsets of bytes that were not valid UTF-8 in a file that is otherwise UTF-8; each
    /// became U+FFFD in `text`.
    pub invalid: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("the file is empty")]
    Empty,
    #[error("the file looks binary ({0}), not text")]
    Binary(&'static str),
}

/// Decodes a text file's bytes. The result is not yet canonical (see `model::text::canonicalize`).
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return finish(text.into_owned(), enc, false);
    }
    // UTF-16 without a BOM shows as NUL bytes, which most text has none of.
    let nul = bytes.contains(&0);
    if nul && let Some(enc) = utf16_without_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        return finish(text.into_owned(), enc, true);
    }
    if let Some(kind) = binary_signature(bytes) {
        return Err(DecodeError::Binary(kind));
    }
    if nul {
        return Err(DecodeError::Binary("contains NUL bytes"));
    }
    // most files are UTF-8: checked with SIMD (the scalar check was a twentieth of an import)
    if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
        return finish(s.to_string(), UTF_8, false);
    }
    if let Some(invalid) = mostly_utf8(bytes) {
        let mut d = finish(String::from_utf8_lossy(bytes).into_owned(), UTF_8, false)?;
        d.invalid = invalid;
        return Ok(d);
    }
    let mut det = chardetng::EncodingDetector::new();
    det.feed(bytes, true);
    let enc = det.guess(Some(b"se"), true);
    let (text, _, _) = enc.decode(bytes);
    finish(text.into_owned(), enc, true)
}

fn finish(text: String, enc: &'static Encoding, guessed: bool) -> Result<Decoded, DecodeError> {
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    if !has_control(text.as_bytes()) {
        return Ok(Decoded {
            text,
            encoding: enc.name(),
            guessed,
            invalid: Vec::new(),
        });
    }
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if controls * 10 > text.chars().count() {
        return Err(DecodeError::Binary("mostly control characters"));
    }
    Ok(Decoded {
        text,
        encoding: enc.name(),
        guessed,
        invalid: Vec::new(),
    })
}

/// Whether UTF-8 text holds a control character other than line feed, carriage return, tab and
/// form feed, seen in its bytes: C0 controls and DEL, and C1 controls (0xC2 0x80–0x9F).
fn has_control(b: &[u8]) -> bool {
    let control = |i: usize| {
        let x = b[i];
        (x < 0x20 && !matches!(x, b'\n' | b'\r' | b'\t' | 0x0c))
            || x == 0x7f
            || (x == 0xc2 && b.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)))
    };
    (0..b.len()).step_by(16).any(|at| {
        let end = (at + 16).min(b.len());
        !crate::model::text::plain_latin(&b[at..end]) && (at..end).any(control)
    })
}

/// The offsets of the invalid bytes when a file is UTF-8 with a few bad bytes: it has valid
/// multi-byte sequences (å, ä, ö written as UTF-8) and fewer invalid bytes than those. A legacy
/// encoding such as Windows-1252 has no valid multi-byte sequences, so it is still detected.
fn mostly_utf8(bytes: &[u8]) -> Option<Vec<usize>> {
    let mut invalid = Vec::new();
    let mut multi = 0usize;
    let mut at = 0usize;
    for chunk in bytes.utf8_chunks() {
        multi += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        at += chunk.valid().len();
        invalid.extend(at..at + chunk.invalid().len());
        at += chunk.invalid().len();
    }
    (multi > 0 && invalid.len() < multi).then_some(invalid)
}

/// UTF-16 without a BOM shows as a NUL in every other byte of ASCII-heavy text.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let pairs = bytes.len() / 2;
    let even_nul = bytes.iter().step_by(2).filter(|b| **b == 0).count();
    let odd_nul = bytes.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    if odd_nul * 10 >= pairs * 7 && even_nul * 20 < pairs {
        Some(UTF_16LE)
    } else if even_nul * 10 >= pairs * 7 && odd_nul * 20 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    const SIGS: &[(&[u8], &str)] = &[
        (b"%PDF", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive"),
        (b"\x89PNG", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (
            b"\xd0\xcf\x11\xe0",
            "an old binary Office document (.doc); save it as .docx or .txt",
        ),
        (b"\x7fELF", "an executable"),
        (b"ID3", "an MP3 audio file"),
        (b"RIFF", "a RIFF media file"),
        (b"{\\rtf", "an RTF document; save it as .docx or .txt"),
    ];
    SIGS.iter()
        .find(|(s, _)| bytes.starts_with(s))
        .map(|(_, k)| *k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_and_boms() {
        assert_eq!(decode("åäö".as_bytes()).unwrap().encoding, "UTF-8");
        let mut b = vec![0xef, 0xbb, 0xbf];
        b.extend_from_slice("Hej".as_bytes());
        assert_eq!(decode(&b).unwrap().text, "Hej");
        let mut le = vec![0xff, 0xfe];
        for u in "Hallå".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&le).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("Hallå", "UTF-16LE"));
        let mut be = vec![0xfe, 0xff];
        for u in "Hallå".encode_utf16() {
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&be).unwrap().text, "Hallå");
    }

    #[test]
    fn windows_1252_is_detected() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252
            .encode("Respondent: Vi har för lite resurser och kompetens på området, så är det här i kommunen.\r\n");
        let d = decode(&bytes).unwrap();
        assert!(d.guessed);
        assert!(d.text.contains("för lite"), "{d:?}");
    }

    #[test]
    fn mostly_utf8_stays_utf8_and_names_the_bad_bytes() {
        let mut b = "Respondent: Vi har för lite resurser på området.\n"
            .as_bytes()
            .to_vec();
        b.push(0xff);
        b.extend_from_slice("Intervjuare: Och på sikt?\n".as_bytes());
        let d = decode(&b).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(!d.guessed);
        assert!(
            d.text.contains("på området") && d.text.contains("Och på sikt"),
            "{d:?}"
        );
        assert_eq!(d.invalid, vec![b.iter().position(|x| *x == 0xff).unwrap()]);
    }

    #[test]
    fn refuses_binary_and_empty() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n "), Err(DecodeError::Empty));
        assert!(matches!(
            decode(b"%PDF-1.4 ..."),
            Err(DecodeError::Binary(_))
        ));
        assert!(matches!(
            decode(&[1, 2, 3, 0, 5, 6, 7]),
            Err(DecodeError::Binary(_))
        ));
    }
}
