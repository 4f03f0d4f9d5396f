//! Property tests: canonical text, char offsets, transcript round trips and re-anchoring.

use kodbok::model::coding::{Coding, reanchor};
use kodbok::model::text::{OffsetMap, canonicalize, slice_chars};
use kodbok::model::transcript::{Header, Transcript};
use kodbok::store::import::{RawTurn, layout};
use proptest::prelude::*;

fn words() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("resurser".to_string()),
            Just("kommunen".to_string()),
            Just("åäö".to_string()),
            Just("e\u{301}".to_string()),
            Just("🙂".to_string()),
            Just("\u{1b}[31m".to_string()),
            "[a-zåäöA-Z]{1,8}",
        ],
        1..12,
    )
    .prop_map(|w| w.join(" "))
}

proptest! {
    #[test]
    fn canonicalize_is_idempotent(s in any::<String>()) {
        let c = canonicalize(&s);
        prop_assert_eq!(canonicalize(&c), c.clone());
        prop_assert!(!c.contains('\r'));
        prop_assert!(!c.chars().any(kodbok::model::text::is_forbidden));
    }

    #[test]
    fn offsets_roundtrip(s in any::<String>(), a in 0usize..200, b in 0usize..200) {
        let (a, b) = (a.min(b), a.max(b));
        let m = OffsetMap::new(&s);
        let n = s.chars().count();
        let expect: Option<String> = (b <= n).then(|| s.chars().skip(a).take(b - a).collect());
        prop_assert_eq!(m.slice(&s, a, b).map(str::to_string), expect.clone());
        prop_assert_eq!(slice_chars(&s, a, b).map(str::to_string), expect);
    }

    #[test]
    fn laid_out_transcripts_reparse_identically(turns in proptest::collection::vec(("(Intervjuare|Respondent|Anna Svensson)", proptest::collection::vec(words(), 1..3)), 1..8)) {
        let raw: Vec<RawTurn> = turns.iter().map(|(s, ps)| RawTurn { speaker: s.clone(), time: None, paragraphs: ps.clone() }).collect();
        let mut h = Header::default();
        h.set("id", "t");
        h.set("speakers", "Intervjuare; Respondent; Anna Svensson");
        let t = Transcript::new("t", h, layout(&raw));
        prop_assert_eq!(canonicalize(&t.text), t.text.clone());
        let back = Transcript::parse(&t.render(), "t").unwrap();
        prop_assert_eq!(&back.turns, &t.turns);
        prop_assert_eq!(back.render(), t.render());
        for turn in &t.turns {
            prop_assert!(turn.start <= turn.end && turn.end <= t.char_len());
        }
    }

    #[test]
    fn codings_quote_their_span_and_reanchor_after_edits(body in proptest::collection::vec(words(), 3..10), pick in 0usize..10, insert in words()) {
        let text = format!("Respondent: {}\n", body.iter().map(|w| canonicalize(w)).collect::<Vec<_>>().join(" "));
        let t = Transcript::parse(&text, "d").unwrap();
        let turn = &t.turns[0];
        let len = turn.end - turn.start;
        prop_assume!(len > 4);
        let s = turn.start + pick % (len - 2);
        let e = (s + 3).min(turn.end);
        let c = Coding::new(&t, s, e, "x", chrono::Utc::now()).unwrap();
        prop_assert_eq!(Some(c.quote.as_str()), t.slice(s, e));
        // Text inserted before the span moves it; re-anchoring finds the same quote again.
        let edited = format!("Respondent: {} {}", canonicalize(&insert), &text["Respondent: ".len()..]);
        let t2 = Transcript::parse(&edited, "d").unwrap();
        let (s2, e2) = reanchor(&c, &t2).unwrap();
        prop_assert_eq!(t2.slice(s2, e2), Some(c.quote.as_str()));
    }
}
