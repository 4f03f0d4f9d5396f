//! Each fixture in tests/fixtures/import through `read_source` and `to_transcript`.

use super::{fixture_path, import, import_bytes, turns};
use kodbok::model::text::is_forbidden;
use kodbok::store::import::{ImportError, Meta, read_source, to_transcript};
use std::path::Path;

type Turns = Vec<(String, Option<String>, String)>;

fn expect(rows: &[(&str, Option<&str>, &str)]) -> Turns {
    rows.iter()
        .map(|(s, t, x)| (s.to_string(), t.map(String::from), x.to_string()))
        .collect()
}

fn err(name: &str) -> String {
    match import(name) {
        Ok((_, t)) => panic!("{name} was imported:\n{}", t.render()),
        Err(e) => e.to_string(),
    }
}

#[test]
fn docx_from_libreoffice_writer() {
    let (raw, t) = import("intervju-word.docx").unwrap();
    assert_eq!(raw.encoding, None);
    assert_eq!(t.header.get("speakers"), Some("Intervjuare; Respondent"));
    assert_eq!(
        turns(&t),
        expect(&[
            (
                "",
                None,
                "Intervju med kommundirektören i Kommun Å\n\nDatum: 2024-03-01"
            ),
            (
                "Intervjuare",
                None,
                "Hej och välkommen. Kan du börja med att berätta om din roll?"
            ),
            (
                "Respondent",
                None,
                "Ja, jag är kommundirektör sedan 2019. Jag ansvarar för informationssäkerheten i stort, \
                 även om det är vår säkerhetssamordnare som gör det dagliga arbetet.\n\n\
                 Vi säger ofta att ”säkerhet är allas ansvar”, och det tror jag på.\n\
                 Men det måste finnas resurser också.",
            ),
            (
                "Intervjuare",
                None,
                "Vad var det som fick er att börja på allvar?"
            ),
            (
                "Respondent",
                None,
                "En incident 2021, en utpressningsattack mot en grannkommun. Det blev en väckarklocka \
                 för oss – ‘det kan hända här också’, tänkte vi.\n\nResten av samtalet skrevs in i en tabell:",
            ),
            ("Intervjuare", None, "Hur ser ni på ledningens engagemang?"),
            (
                "Respondent",
                None,
                "Det är avgörande. Utan ledningens stöd händer ingenting.\n\n\
                 Vi har en eldsjäl i förvaltningen som driver på.\nHon heter Åsa.",
            ),
            ("Intervjuare", None, "Tack så mycket för din tid."),
            (
                "Respondent",
                None,
                "Tack själv! Hör av dig om något är oklart."
            ),
        ])
    );
    for gone in ["BORTTAGET", "FOTNOT", "DATE", "Talare"] {
        assert!(!t.text.contains(gone), "{gone} should not be imported");
    }
}

#[test]
fn docx_transcript_in_a_table_with_times() {
    let (_, t) = import("intervju-tabell.docx").unwrap();
    assert_eq!(
        turns(&t),
        expect(&[
            ("", None, "Transkription – Kommun B, IT-chef, 12 mars 2024"),
            (
                "I",
                Some("00:00:04"),
                "Då börjar vi. Hur länge har du arbetat som IT-chef här?"
            ),
            (
                "IP",
                Some("00:00:11"),
                "Sedan 2017. Innan dess var jag på ett bolag i Göteborg & Borås.\n\n\
                 Vi är bara tre personer på IT, så det är svårt att hinna med säkerhetsarbetet.",
            ),
            ("I", Some("00:01:30"), "Vad saknar ni mest?"),
            (
                "IP",
                Some("00:01:34"),
                "Kompetens, framför allt. Och att ledningen förstår varför det här spelar roll – \
                 ”det har ju gått bra hittills”, säger de.",
            ),
        ])
    );
}

#[test]
fn teams_vtt() {
    let (_, t) = import("teams.vtt").unwrap();
    assert_eq!(
        turns(&t),
        expect(&[
            (
                "Anna Svensson",
                Some("00:00:03"),
                "Hej och välkommen. Tack för att du ställer upp på den här intervjun."
            ),
            (
                "Erik Öberg (Kommun C)",
                Some("00:00:08"),
                "Tack själv. Jag heter Erik och är informationssäkerhetssamordnare här. \
                 Vi är två personer på IT & säkerhet, och det är för lite.",
            ),
            (
                "Anna Svensson",
                Some("00:00:22"),
                "Hur ser ledningens engagemang ut?"
            ),
            (
                "Erik Öberg (Kommun C)",
                Some("00:01:02"),
                "Kommundirektören är väldigt engagerad, det har gjort stor skillnad. \
                 ”Säkerhet är en ledningsfråga”, brukar hon säga.",
            ),
        ])
    );
    assert!(!t.text.contains("Teams"), "NOTE blocks are skipped");
}

#[test]
fn zoom_vtt() {
    let (_, t) = import("zoom.vtt").unwrap();
    let got = turns(&t);
    let who: Vec<(&str, Option<&str>)> = got
        .iter()
        .map(|(s, t, _)| (s.as_str(), t.as_deref()))
        .collect();
    assert_eq!(
        who,
        vec![
            ("Maria Lindqvist", Some("00:00:01")),
            ("Johan Åberg", Some("00:00:04")),
            ("Maria Lindqvist", Some("00:00:12")),
            ("Johan Åberg", Some("00:00:18")),
            ("Maria Lindqvist", Some("01:02:03")),
        ]
    );
    assert_eq!(
        got[1].2,
        "Ja, det gör jag. Jag är IT-chef i Kommun D sedan fem år tillbaka."
    );
    assert_eq!(
        got[3].2,
        "Resursbrist, helt klart. Och kompetensbrist: vi hittar inte folk. Lönerna i privat sektor är högre."
    );
}

#[test]
fn srt() {
    let (_, t) = import("intervju.srt").unwrap();
    assert_eq!(
        turns(&t),
        expect(&[
            (
                "Intervjuare",
                Some("00:00:01"),
                "Hur många anställda har kommunen?"
            ),
            (
                "Respondent",
                Some("00:00:04"),
                "Ungefär 2 400, om man räknar med de timanställda. Och alla ska kunna sitt lösenord – det är svårt.",
            ),
            (
                "Intervjuare",
                Some("00:00:14"),
                "Hur utbildar ni personalen?"
            ),
            (
                "Respondent",
                Some("00:00:17"),
                "Vi har en webbutbildning som alla nyanställda gör. Förhoppningsvis även de äldre.",
            ),
        ])
    );
}

#[test]
fn every_encoding_gives_the_same_transcript() {
    let src = std::fs::read(fixture_path("intervju-svenska.txt.src")).unwrap();
    let (_, reference) = import_bytes(Path::new("intervju-svenska.txt"), &src).unwrap();
    assert_eq!(reference.turns.len(), 4);
    assert_eq!(reference.turns[1].paragraphs.len(), 2);
    assert!(reference.text.contains("”det är för lite”") && reference.text.contains("200 000 €"));
    let cases = [
        ("windows-1252-crlf.txt", "windows-1252", true),
        ("utf-16le-bom.txt", "UTF-16LE", false),
        ("utf-16be-bom.txt", "UTF-16BE", false),
        ("utf-16be-nobom.txt", "UTF-16BE", true),
        ("utf-8-bom.txt", "UTF-8", false),
        ("nfd.txt", "UTF-8", false),
        ("cr-only.txt", "UTF-8", false),
    ];
    for (name, encoding, guessed) in cases {
        let (raw, t) = import(name).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            (raw.encoding, raw.guessed),
            (Some(encoding), guessed),
            "{name}"
        );
        assert_eq!(t.text, reference.text, "{name}");
        assert_eq!(turns(&t), turns(&reference), "{name}");
        for word in [
            "Välkommen",
            "säkerhetssamordnare",
            "Ärligt",
            "Öppna",
            "äldreboendet",
            "förstå",
        ] {
            assert!(t.text.contains(word), "{name}: {word}");
        }
    }
}

#[test]
fn nfd_input_becomes_nfc() {
    let raw = std::fs::read_to_string(fixture_path("nfd.txt")).unwrap();
    assert!(raw.contains("a\u{308}"), "the fixture really is decomposed");
    let (_, t) = import("nfd.txt").unwrap();
    assert!(!t.text.contains('\u{308}') && !t.text.contains('\u{30a}'));
    assert!(t.text.contains('ä') && t.text.contains('å'));
}

#[test]
fn escape_sequences_controls_and_bidi_are_stripped() {
    let (_, t) = import("hostile.txt").unwrap();
    let file = t.render();
    assert!(file.chars().all(|c| !is_forbidden(c)), "{file:?}");
    for residue in ["[31m", "[0m", "]0;", "2J", "fönstertitel"] {
        assert!(!file.contains(residue), "{residue} left in {file:?}");
    }
    let got = turns(&t);
    assert_eq!(got.len(), 4);
    assert_eq!(got[0].2, "Hej röd text och  slut.");
    assert_eq!(got[1].2, "C1-tecken här och bidi åäö samt isolat.");
    assert_eq!(got[2].2, "Backsteg och DEL och nollbredd finns kvar.");
    let only_bidi = "\u{202e}\u{2066}\u{2069}\u{feff}\n".as_bytes();
    let e = import_bytes(Path::new("bidi.txt"), only_bidi).unwrap_err();
    assert!(e.to_string().contains("no text"), "{e}");
}

#[test]
fn binary_empty_and_foreign_files_are_refused() {
    assert!(err("binary.txt").contains("looks binary (a PNG image)"));
    assert!(err("nul-bytes.txt").contains("looks binary"));
    assert_eq!(err("empty.txt"), "the file is empty");
    assert_eq!(err("blank.txt"), "the file is empty");
    assert_eq!(err("empty.docx"), "the file is empty");
    assert!(err("text-named.docx").contains("not a Word .docx file"));
    assert!(err("opendocument.docx").contains("OpenDocument"));
    let e = read_source(Path::new("rapport.pdf"), b"%PDF-1.7").unwrap_err();
    assert!(
        matches!(e, ImportError::Unsupported(ref x) if x == "pdf"),
        "{e}"
    );
    let e = read_source(
        Path::new("intervju.vtt"),
        &std::fs::read(fixture_path("binary.txt")).unwrap(),
    )
    .unwrap_err();
    assert!(e.to_string().contains("binary"));
}

#[test]
fn malformed_timing_names_the_line() {
    match import("bad-timing.vtt") {
        Err(ImportError::At { line, message }) => {
            assert_eq!(line, 8);
            assert!(message.contains("00:00:03,5 -> 00:00:04.000"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    match import("bad-timing.srt") {
        Err(ImportError::At { line, message }) => {
            assert_eq!(line, 6);
            assert!(
                message.contains("end time") && message.contains("0x"),
                "{message}"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn command_line_values_fill_the_header() {
    let path = fixture_path("teams.vtt");
    let raw = read_source(&path, &std::fs::read(&path).unwrap()).unwrap();
    let meta = Meta {
        id: Some("kommun-c-2".into()),
        case: Some("Kommun C".into()),
        attrs: vec![("role".into(), "informationssäkerhetssamordnare".into())],
        source_name: Some("teams.vtt".into()),
    };
    let t = to_transcript(&raw, &path, &meta).unwrap();
    super::assert_round_trips(&t);
    let keys: Vec<&str> = t.header.fields.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(keys, vec!["id", "case", "role", "source", "speakers"]);
    assert_eq!(
        (t.id.as_str(), t.case(), t.role()),
        ("kommun-c-2", "Kommun C", "informationssäkerhetssamordnare")
    );
    assert_eq!(t.header.get("source"), Some("teams.vtt"));
    let bad = Meta {
        id: Some("Ogiltigt Id".into()),
        ..Meta::default()
    };
    assert!(to_transcript(&raw, &path, &bad).is_err());
}
