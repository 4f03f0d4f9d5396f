//! Property tests: re-anchoring after random edits is exact or an orphan, never silently wrong; and
//! every parser of outside input survives arbitrary bytes (the same entry points as `fuzz/`).

use kodbok::model::coding::reanchor;
use kodbok::model::text::find_all_chars;
use kodbok::model::transcript::Header;
use kodbok::model::{Codebook, CoderFile, Coding, Transcript};
use kodbok::store::import::{Meta, read_source, to_transcript};
use proptest::prelude::*;
use std::path::Path;

/// Text of a transcript body: words from a small vocabulary, so quotes repeat as in real interviews.
fn body() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "vi",
        "har",
        "för",
        "lite",
        "resurser",
        "och",
        "ledningen",
        "säger",
        "att",
        "det",
        "är",
        "svårt",
        "kompetens",
        "saknas",
        ".",
        ",",
        "\n",
    ]);
    prop::collection::vec(word, 20..160).prop_map(|w| format!("Respondent: {}", w.join(" ")))
}

/// One edit: replace `del` chars at `at` (fractions of the text) with `ins`.
fn edit() -> impl Strategy<Value = (f64, usize, String)> {
    (0.0f64..1.0, 0usize..12, "[a-zåäö ,.\n]{0,12}")
}

fn apply(text: &str, (at, del, ins): &(f64, usize, String)) -> (String, usize, usize, usize) {
    let chars: Vec<char> = text.chars().collect();
    let a = ((chars.len() as f64) * at) as usize;
    let b = (a + del).min(chars.len());
    let out: String = chars[..a]
        .iter()
        .chain(ins.chars().collect::<Vec<_>>().iter())
        .chain(&chars[b..])
        .collect();
    (out, a, b - a, ins.chars().count())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// After any edits, a re-anchored coding quotes exactly its text; one far from every edit, whose
    /// quote and context occur once, is moved by exactly the edit's shift.
    #[test]
    fn reanchoring_is_exact_or_an_orphan(text in body(), spans in prop::collection::vec((0.0f64..1.0, 1usize..40), 1..6), e in edit()) {
        let t = Transcript::new("d", Header::default(), text.clone());
        let n = t.char_len();
        let codings: Vec<Coding> = spans
            .iter()
            .filter_map(|(at, len)| {
                let s = ((n as f64) * at) as usize;
                Coding::new(&t, s, (s + len).min(n), "x", chrono::Utc::now())
            })
            .collect();
        let (edited, a, del, ins) = apply(&text, &e);
        let t2 = Transcript::new("d", Header::default(), edited);
        for c in &codings {
            match reanchor(c, &t2) {
                None => prop_assert!(find_all_chars(&t2.text, &c.quote).is_empty()),
                Some((s, end)) => {
                    prop_assert_eq!(t2.slice(s, end), Some(c.quote.as_str()));
                    let ctx = format!("{}{}{}", c.prefix, c.quote, c.suffix);
                    let far = a + del + kodbok::model::coding::CONTEXT_CHARS <= c.start
                        || a >= c.end + kodbok::model::coding::CONTEXT_CHARS;
                    if far && find_all_chars(&t2.text, &ctx).len() == 1 {
                        let want = if a < c.start { c.start + ins - del } else { c.start };
                        prop_assert_eq!(s, want);
                    }
                }
            }
        }
    }

    /// Importers, project file parsers and the query parser on arbitrary bytes: errors, never panics.
    #[test]
    fn parsers_survive_arbitrary_bytes(data in prop::collection::vec(any::<u8>(), 0..1500)) {
        for name in ["x.txt", "x.md", "x.vtt", "x.srt", "x.docx"] {
            let path = Path::new(name);
            if let Ok(raw) = read_source(path, &data) {
                let _ = to_transcript(&raw, path, &Meta::default());
            }
        }
        if let Ok(b) = serde_json::from_slice::<Codebook>(&data) {
            let _ = b.validate();
        }
        let _ = serde_json::from_slice::<CoderFile>(&data);
        let _ = kodbok::store::cases_csv::parse(&data, Path::new("cases.csv"));
        let text = String::from_utf8_lossy(&data);
        let _ = Transcript::parse(&text, "x");
        if let Err(e) = kodbok::index::query::parse(&text) {
            let _ = e.render(&text);
        }
    }

    /// The same parsers on text shaped like their input (speaker lines, cues, JSON, queries), where
    /// arbitrary bytes rarely get past the first check.
    #[test]
    fn parsers_survive_near_valid_text(text in "(Intervjuare: |Respondent: |WEBVTT\n|00:00:0[0-9][.,]000 --> 00:00:1[0-9][.,]000\n|[0-9]\n|---\n|id: |case: |\\{\"version\": 1, \"codes\": \\[|\\]\\}|\"[a-z]{0,3}\"|code:|-|~[0-9]|\\(|\\)|OR |AND |[a-zåäö]{1,8}|[ \n\t]|[\u{0}-\u{ff}]){0,40}") {
        for name in ["x.txt", "x.vtt", "x.srt"] {
            let path = Path::new(name);
            if let Ok(raw) = read_source(path, text.as_bytes()) {
                let _ = to_transcript(&raw, path, &Meta::default());
            }
        }
        let _ = serde_json::from_str::<Codebook>(&text);
        let _ = kodbok::store::cases_csv::parse(text.as_bytes(), Path::new("cases.csv"));
        if let Ok(t) = Transcript::parse(&text, "x") {
            let _ = Transcript::parse(&t.render(), "x");
        }
        if let Err(e) = kodbok::index::query::parse(&text) {
            let _ = e.render(&text);
        }
    }
}
