//! The pretty JSON of a coder file, written directly: byte for byte what `serde_json::to_writer_pretty`
//! writes for a [`CoderFile`] (the tests compare the two), at a fraction of the cost, since a study's file
//! of 150,000 codings is written whole on every change.
//!
//! Every struct is taken apart field by field without `..`, so a field added to the model does not compile
//! here until it is written; the tests then say whether it is written as serde would.

use crate::model::{CoderFile, Coding, Memo};
use chrono::{DateTime, Datelike, SecondsFormat, Timelike, Utc};
use std::collections::BTreeMap;
use std::io::Write;

/// Bytes gathered before they are handed to the writer.
const CHUNK: usize = 1 << 20;

/// Writes `file` as pretty JSON (two-space indent, no final newline), as serde_json does.
pub fn write_pretty(file: &CoderFile, out: &mut dyn Write) -> std::io::Result<()> {
    let CoderFile {
        version,
        coder,
        codings,
        doc_memos,
        code_memos,
    } = file;
    let mut b = Vec::with_capacity(CHUNK + 64 * 1024);
    b.extend_from_slice(b"{\n  \"version\": ");
    number(&mut b, u64::from(*version));
    b.extend_from_slice(b",\n  \"coder\": ");
    string(&mut b, coder);
    b.extend_from_slice(b",\n  \"codings\": [");
    for (i, c) in codings.iter().enumerate() {
        b.extend_from_slice(if i == 0 { b"\n    " } else { b",\n    " });
        coding(&mut b, c);
        if b.len() >= CHUNK {
            out.write_all(&b)?;
            b.clear();
        }
    }
    if !codings.is_empty() {
        b.extend_from_slice(b"\n  ");
    }
    b.push(b']');
    memos(&mut b, "doc_memos", doc_memos);
    memos(&mut b, "code_memos", code_memos);
    b.extend_from_slice(b"\n}");
    out.write_all(&b)
}

fn coding(b: &mut Vec<u8>, c: &Coding) {
    let Coding {
        id,
        doc,
        start,
        end,
        code,
        quote,
        prefix,
        suffix,
        memo,
        created,
        modified,
    } = c;
    b.extend_from_slice(b"{");
    key(b, "id", true);
    string(b, id);
    key(b, "doc", false);
    string(b, doc);
    key(b, "start", false);
    number(b, *start as u64);
    key(b, "end", false);
    number(b, *end as u64);
    key(b, "code", false);
    string(b, code);
    key(b, "quote", false);
    string(b, quote);
    key(b, "prefix", false);
    string(b, prefix);
    key(b, "suffix", false);
    string(b, suffix);
    if let Some(m) = memo {
        key(b, "memo", false);
        string(b, m);
    }
    key(b, "created", false);
    time(b, created);
    key(b, "modified", false);
    time(b, modified);
    b.extend_from_slice(b"\n    }");
}

/// A coding's field name on its own line (indented as serde_json indents a coding in the list), after a
/// comma unless it is the first.
fn key(b: &mut Vec<u8>, name: &str, first: bool) {
    b.extend_from_slice(if first { b"\n      \"" } else { b",\n      \"" });
    b.extend_from_slice(name.as_bytes());
    b.extend_from_slice(b"\": ");
}

/// A memo map, left out when empty (as `skip_serializing_if` does).
fn memos(b: &mut Vec<u8>, key: &str, map: &BTreeMap<String, Memo>) {
    if map.is_empty() {
        return;
    }
    b.extend_from_slice(b",\n  ");
    string(b, key);
    b.extend_from_slice(b": {");
    for (i, (k, Memo { text, modified })) in map.iter().enumerate() {
        b.extend_from_slice(if i == 0 { b"\n    " } else { b",\n    " });
        string(b, k);
        b.extend_from_slice(b": {\n      \"text\": ");
        string(b, text);
        b.extend_from_slice(b",\n      \"modified\": ");
        time(b, modified);
        b.extend_from_slice(b"\n    }");
    }
    b.extend_from_slice(b"\n  }");
}

fn number(b: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    b.extend_from_slice(&digits[i..]);
}

/// A JSON string with serde_json's escapes: `\"`, `\\`, the short forms of backspace, tab, newline, form
/// feed and carriage return, `\u00XX` (lower-case hex) for the other control characters, nothing else.
fn string(b: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    b.push(b'"');
    let bytes = s.as_bytes();
    let mut from = 0;
    let mut i = next_escape(bytes, 0);
    while i < bytes.len() {
        let c = bytes[i];
        let short = match c {
            b'"' => b'"',
            b'\\' => b'\\',
            0x08 => b'b',
            b'\t' => b't',
            b'\n' => b'n',
            0x0c => b'f',
            b'\r' => b'r',
            _ => b'u',
        };
        b.extend_from_slice(&bytes[from..i]);
        b.push(b'\\');
        b.push(short);
        if short == b'u' {
            b.extend_from_slice(&[
                b'0',
                b'0',
                HEX[usize::from(c >> 4)],
                HEX[usize::from(c & 0xf)],
            ]);
        }
        from = i + 1;
        i = next_escape(bytes, from);
    }
    b.extend_from_slice(&bytes[from..]);
    b.push(b'"');
}

/// The first byte at or after `i` that a JSON string must escape (a control character, `"` or `\`),
/// or the end: eight bytes at a time, since quotes and context are long and seldom need it.
fn next_escape(bytes: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // the high bit of each byte below `n` (n <= 0x80); the lowest one set is exact, as a borrow only
    // runs upwards from a byte that is below
    let below = |w: u64, n: u8| w.wrapping_sub(ONES * u64::from(n)) & !w & HIGH;
    while let Some(eight) = bytes.get(i..i + 8) {
        let mut w = [0u8; 8];
        w.copy_from_slice(eight);
        let w = u64::from_le_bytes(w);
        let hit = below(w, 0x20) | below(w ^ (ONES * 0x22), 1) | below(w ^ (ONES * 0x5c), 1);
        if hit != 0 {
            return i + (hit.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && !matches!(bytes[i], b'"' | b'\\' | 0..=0x1f) {
        i += 1;
    }
    i
}

/// A time as chrono serialises it (RFC 3339, `Z`, the fraction in 0, 3, 6 or 9 digits as needed).
fn time(b: &mut Vec<u8>, t: &DateTime<Utc>) {
    let n = t.naive_utc();
    let year = n.year();
    if !(0..=9999).contains(&year) {
        // signed years: chrono's own writer (never seen in a coder file, kept exact anyway)
        b.push(b'"');
        b.extend_from_slice(t.to_rfc3339_opts(SecondsFormat::AutoSi, true).as_bytes());
        b.push(b'"');
        return;
    }
    let (mut sec, mut nano) = (n.second(), n.nanosecond());
    if nano >= 1_000_000_000 {
        // a leap second is written as second 60
        sec += 1;
        nano -= 1_000_000_000;
    }
    let two = |b: &mut Vec<u8>, v: u32| {
        b.extend_from_slice(&[b'0' + (v / 10) as u8, b'0' + (v % 10) as u8])
    };
    b.push(b'"');
    two(b, year as u32 / 100);
    two(b, year as u32 % 100);
    b.push(b'-');
    two(b, n.month());
    b.push(b'-');
    two(b, n.day());
    b.push(b'T');
    two(b, n.hour());
    b.push(b':');
    two(b, n.minute());
    b.push(b':');
    two(b, sec);
    let (digits, frac) = match nano {
        0 => (0, 0),
        _ if nano % 1_000_000 == 0 => (3, nano / 1_000_000),
        _ if nano % 1_000 == 0 => (6, nano / 1_000),
        _ => (9, nano),
    };
    if digits > 0 {
        b.push(b'.');
        let mut d = [0u8; 9];
        let mut v = frac;
        for slot in d[..digits].iter_mut().rev() {
            *slot = b'0' + (v % 10) as u8;
            v /= 10;
        }
        b.extend_from_slice(&d[..digits]);
    }
    b.extend_from_slice(b"Z\"");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pretty(f: &CoderFile) -> String {
        let mut out = Vec::new();
        write_pretty(f, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn at(secs: i64, nanos: u32) -> DateTime<Utc> {
        DateTime::from_timestamp(secs, nanos).unwrap()
    }

    fn coding(i: u64, text: &str, t: DateTime<Utc>) -> Coding {
        Coding {
            id: format!("id-{i}"),
            doc: format!("doc {}", i % 7),
            start: i as usize,
            end: i as usize + 1 + text.len(),
            code: "kod".into(),
            quote: text.into(),
            prefix: text.chars().rev().collect(),
            suffix: format!("{text}\u{7f}\u{2028}"),
            memo: i.is_multiple_of(3).then(|| text.repeat(2)),
            created: t,
            modified: at(
                t.timestamp() + (i as i64) * 977,
                (i as u32 * 7919) % 1_000_000_000,
            ),
        }
    }

    #[test]
    fn empty_files_are_written_as_serde_writes_them() {
        let f = CoderFile::new("anna");
        assert_eq!(pretty(&f), serde_json::to_string_pretty(&f).unwrap());
        let mut f = CoderFile::new("");
        f.version = 4_000_000_000;
        let memo = Memo {
            text: "m".into(),
            modified: at(0, 0),
        };
        f.code_memos.insert("k".into(), memo.clone());
        assert_eq!(pretty(&f), serde_json::to_string_pretty(&f).unwrap());
        f.doc_memos.insert("d".into(), memo);
        assert_eq!(pretty(&f), serde_json::to_string_pretty(&f).unwrap());
    }

    #[test]
    fn every_character_and_time_is_written_as_serde_writes_it() {
        // every control character, quotes, backslashes, non-ASCII and astral text
        let all: String = (0u8..0x80).map(char::from).collect::<String>() + "åäö ”’ € 😀 \u{feff}";
        let times = [
            at(0, 0),
            at(-14_182_940, 0),
            at(1_483_228_799, 1_500_000_000), // a leap second
            at(1_700_000_000, 1_000_000),
            at(1_700_000_000, 120_000),
            at(1_700_000_000, 7),
            at(253_402_300_799, 999_999_999), // 9999-12-31T23:59:59.999999999
            at(253_402_300_800, 0),           // year 10000: chrono's signed form
            at(-62_167_219_201, 0),           // year -1
        ];
        let mut f = CoderFile::new("tester \"x\"");
        for (i, t) in times.iter().enumerate() {
            let text: String = all.chars().skip(i * 9).take(40).collect();
            f.codings.push(coding(i as u64, &text, *t));
        }
        f.codings.push(coding(99, &all, times[3]));
        f.codings.push(coding(100, "", times[4]));
        f.doc_memos.insert(
            all.clone(),
            Memo {
                text: all.clone(),
                modified: times[2],
            },
        );
        assert_eq!(pretty(&f), serde_json::to_string_pretty(&f).unwrap());
    }

    #[test]
    fn many_codings_cross_the_chunk_boundary_unchanged() {
        let mut f = CoderFile::new("bench");
        for i in 0..6000 {
            let text = format!("Vi har inga resurser för det här, säger nummer {i}\t\"citat\"");
            f.codings
                .push(coding(i, &text, at(1_750_000_000 + i as i64, 0)));
        }
        let ours = pretty(&f);
        assert!(ours.len() > 2 * CHUNK);
        assert_eq!(ours, serde_json::to_string_pretty(&f).unwrap());
    }

    #[test]
    fn the_first_byte_to_escape_is_found_wherever_it_is() {
        let naive = |b: &[u8], i: usize| {
            (i..b.len())
                .find(|&j| matches!(b[j], b'"' | b'\\' | 0..=0x1f))
                .unwrap_or(b.len())
        };
        for len in 0..20 {
            for at in 0..len {
                for byte in (0u8..0x80).chain([0xc3, 0xa5, 0xff]) {
                    let mut b = vec![b'a'; len];
                    b[at] = byte;
                    // a second escape after the first must not be reported first
                    if at + 2 < len {
                        b[at + 2] = b'"';
                    }
                    for from in 0..=len {
                        assert_eq!(next_escape(&b, from), naive(&b, from), "{b:?} from {from}");
                    }
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(256))]
        /// Any text, positions and times (leap seconds and years outside 0–9999 included) come out as serde
        /// writes them.
        #[test]
        fn any_coder_file_is_written_as_serde_writes_it(
            texts in proptest::collection::vec(".*", 1..6),
            coder in ".*",
            spans in proptest::collection::vec((0usize..usize::MAX / 2, 0usize..1000), 1..6),
            times in proptest::collection::vec((-62_167_219_200i64..253_402_300_800i64 * 4, 0u32..2_000_000_000), 1..6),
            memo in proptest::option::of(".*"),
        ) {
            let mut f = CoderFile::new(&coder);
            for (i, (start, len)) in spans.iter().enumerate() {
                let text = &texts[i % texts.len()];
                let (secs, nanos) = times[i % times.len()];
                let Some(t) = DateTime::from_timestamp(secs, nanos) else { continue };
                f.codings.push(Coding {
                    id: format!("{i}{text}"),
                    doc: text.chars().rev().collect(),
                    start: *start,
                    end: start + len,
                    code: coder.clone(),
                    quote: text.clone(),
                    prefix: texts[(i + 1) % texts.len()].clone(),
                    suffix: String::new(),
                    memo: memo.clone(),
                    created: t,
                    modified: t,
                });
            }
            if let Some(m) = &memo {
                let modified = f.codings.first().map_or(at(0, 0), |c| c.created);
                f.code_memos.insert(m.clone(), Memo { text: coder.clone(), modified });
            }
            proptest::prop_assert_eq!(pretty(&f), serde_json::to_string_pretty(&f).unwrap());
        }
    }
}
