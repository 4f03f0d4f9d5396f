//! Issue 14, command line: messages in Swedish and English, one filter syntax, one --layer option,
//! unknown names refused, plain CSV, and the bad inputs that used to slip through.

use crate::common::{kodbok_in, sample, snapshot};
use std::path::Path;

fn ok(dir: &Path, lang: &str, args: &[&str]) -> String {
    let o = kodbok_in(dir, lang, args);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "kodbok {args:?} failed: {err}");
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn fails(dir: &Path, lang: &str, args: &[&str]) -> String {
    let o = kodbok_in(dir, lang, args);
    assert!(!o.status.success(), "kodbok {args:?} should fail");
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stderr),
        String::from_utf8_lossy(&o.stdout)
    )
}

fn csv_rows(text: &str) -> Vec<csv::StringRecord> {
    csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap())
        .collect()
}

fn csv_header(text: &str) -> Vec<String> {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    r.headers().unwrap().iter().map(str::to_string).collect()
}

#[test]
fn unknown_case_doc_coder_and_attribute_are_errors_in_both_languages() {
    let d = sample();
    let unchanged = snapshot(d.path());
    let sv = fails(d.path(), "sv", &["segments", "--case", "Kommun Q"]);
    assert!(
        sv.contains("inget fall Kommun Q") && sv.contains("Kommun A"),
        "{sv}"
    );
    let en = fails(d.path(), "en", &["segments", "--case", "Kommun Q"]);
    assert!(en.contains("no case Kommun Q"), "{en}");
    let doc = fails(d.path(), "en", &["segments", "--doc", "kommun-q-1"]);
    assert!(doc.contains("no transcript kommun-q-1"), "{doc}");
    let attr = fails(d.path(), "sv", &["segments", "--attr", "storlek:liten"]);
    assert!(
        attr.contains("inget fallattribut eller rubrikfält storlek"),
        "{attr}"
    );
    let value = fails(d.path(), "en", &["segments", "--attr", "grupp:mellan"]);
    assert!(
        value.contains("grupp = mellan") && value.contains("hög"),
        "{value}"
    );
    for cmd in ["segments", "codes", "summary", "matrix", "report"] {
        let coder = fails(d.path(), "en", &[cmd, "--layer", "praktikant-q"]);
        assert!(coder.contains("praktikant-q"), "{cmd}: {coder}");
    }
    let coder = fails(d.path(), "en", &["export", "segments", "--layer", "nobody"]);
    assert!(coder.contains("nobody"), "{coder}");
    assert_eq!(snapshot(d.path()), unchanged);
}

#[test]
fn filters_take_key_colon_value_and_key_equals_value_ignoring_case() {
    let d = sample();
    let colon = ok(
        d.path(),
        "en",
        &["segments", "--attr", "grupp:LÅG", "--format", "csv"],
    );
    let equals = ok(
        d.path(),
        "en",
        &["segments", "--attr", "grupp=låg", "--format", "csv"],
    );
    assert_eq!(colon, equals);
    let rows = csv_rows(&colon);
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| &r[3] == "låg"), "group column");
    let all = csv_rows(&ok(d.path(), "en", &["segments", "--format", "csv"]));
    assert!(all.len() > rows.len());
}

#[test]
fn one_layer_option_with_one_default_stated_in_every_table() {
    let d = sample();
    for cmd in ["codes", "segments", "summary", "matrix"] {
        let out = ok(d.path(), "en", &[cmd]);
        assert!(
            out.contains("Layer: all coders merged (praktikant-a, praktikant-b)"),
            "{cmd}: {}",
            out.lines().next().unwrap_or("")
        );
        let sv = ok(d.path(), "sv", &[cmd]);
        assert!(sv.contains("Lager: alla kodare sammanslagna"), "{cmd}");
        let one = ok(d.path(), "en", &[cmd, "--layer", "praktikant-a"]);
        assert!(one.contains("Layer: coder praktikant-a"), "{cmd}");
    }
    // --layer, the old --coder and several coders agree on what they count.
    let a = ok(
        d.path(),
        "en",
        &["segments", "--layer", "praktikant-a", "--format", "csv"],
    );
    let old = ok(
        d.path(),
        "en",
        &["--coder", "praktikant-a", "segments", "--format", "csv"],
    );
    assert_eq!(a, old);
    assert!(csv_rows(&a).iter().all(|r| &r[8] == "praktikant-a"));
    let both = ok(
        d.path(),
        "en",
        &[
            "segments",
            "--layer",
            "praktikant-a,praktikant-b",
            "--format",
            "csv",
        ],
    );
    let all = ok(d.path(), "en", &["segments", "--format", "csv"]);
    assert_eq!(both, all);
    let report = ok(d.path(), "en", &["report", "--layer", "all"]);
    assert!(
        report.contains("praktikant-a, praktikant-b"),
        "the report names its coders"
    );
}

#[test]
fn a_project_setting_leaves_a_practice_coder_out_and_the_report_says_so() {
    let d = sample();
    let cb = d.path().join("codebook.json");
    let mut book: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&cb).unwrap()).unwrap();
    book["settings"] = serde_json::json!({ "exclude_coders": ["praktikant-b"] });
    std::fs::write(&cb, serde_json::to_string_pretty(&book).unwrap()).unwrap();
    let rows = csv_rows(&ok(d.path(), "en", &["segments", "--format", "csv"]));
    assert!(!rows.is_empty());
    assert!(
        rows.iter().all(|r| &r[8] == "praktikant-a"),
        "praktikant-b is left out"
    );
    let report = ok(d.path(), "en", &["report", "--lang", "en"]);
    assert!(
        report.contains("all coders merged (praktikant-a)"),
        "{report}"
    );
    assert!(
        report.contains("left out by the project settings"),
        "{report}"
    );
    let sv = ok(d.path(), "sv", &["report"]);
    assert!(
        sv.contains("utelämnade enligt projektets inställningar"),
        "{sv}"
    );
    // Named explicitly, the left-out coder still counts.
    let b = csv_rows(&ok(
        d.path(),
        "en",
        &["segments", "--layer", "praktikant-b", "--format", "csv"],
    ));
    assert!(!b.is_empty());
}

#[test]
fn agree_picks_the_two_coders_and_asks_when_there_are_more() {
    let d = sample();
    let picked = ok(d.path(), "en", &["agree", "--format", "csv"]);
    let named = ok(
        d.path(),
        "en",
        &[
            "agree",
            "--coders",
            "praktikant-a,praktikant-b",
            "--format",
            "csv",
        ],
    );
    assert_eq!(picked, named);
    let cols = csv_header(&picked);
    assert!(
        cols.contains(&"coded_by_praktikant_a".to_string()),
        "{cols:?}"
    );
    assert!(cols.contains(&"agreement_pct".to_string()), "{cols:?}");
    assert!(
        cols.iter()
            .all(|c| c.chars().all(|ch| ch.is_alphanumeric() || ch == '_')),
        "{cols:?}"
    );
    std::fs::copy(
        d.path().join("codings/praktikant-a.json"),
        d.path().join("codings/praktikant-c.json"),
    )
    .unwrap();
    let more = fails(d.path(), "sv", &["agree"]);
    assert!(
        more.contains("3 kodare") && more.contains("--layer A,B"),
        "{more}"
    );
    ok(
        d.path(),
        "en",
        &["agree", "--layer", "praktikant-a,praktikant-c"],
    );
}

#[test]
fn csv_has_a_header_row_when_empty_and_one_value_per_cell() {
    let d = sample();
    let empty = ok(
        d.path(),
        "en",
        &[
            "segments",
            "--case",
            "Kommun A",
            "--code",
            "rekrytering",
            "--layer",
            "praktikant-a",
            "--format",
            "csv",
        ],
    );
    let cols = csv_header(&empty);
    assert_eq!(cols[..3], ["id", "doc", "case"]);
    let docs = ok(d.path(), "en", &["docs", "--format", "csv"]);
    let cols = csv_header(&docs);
    assert!(
        cols.contains(&"codings_praktikant_a".to_string()),
        "{cols:?}"
    );
    assert!(!docs.contains("praktikant-a="), "one value per cell");
    let codes = ok(d.path(), "en", &["codes", "--format", "csv"]);
    assert!(csv_header(&codes).contains(&"codings_praktikant_b".to_string()));
    assert!(!codes.contains("praktikant-b="));
}

#[test]
fn summary_by_a_number_sorts_naturally_and_counts_one_case() {
    let d = sample();
    let csv_path = d.path().join("transcripts/cases.csv");
    let text = std::fs::read_to_string(&csv_path).unwrap();
    // Give one case level 10 so text order (10 < 3) and natural order (3 < 10) differ.
    let text = text.replacen("Kommun A,hög,3,", "Kommun A,hög,10,", 1);
    std::fs::write(&csv_path, text).unwrap();
    let out = ok(d.path(), "en", &["summary", "--by", "mognadsniva"]);
    let groups = out.lines().find(|l| l.starts_with("Grouped by")).unwrap();
    let pos = |v: &str| groups.find(&format!("{v} = ")).unwrap();
    assert!(
        pos("1") < pos("2") && pos("2") < pos("3") && pos("3") < pos("10"),
        "{groups}"
    );
    assert!(groups.contains("10 = 1 case,"), "{groups}");
    let sv = ok(d.path(), "sv", &["summary", "--by", "mognadsniva"]);
    assert!(sv.contains("10 = 1 fall, 2 intervjuer"), "{sv}");
}

#[test]
fn no_rust_range_notation_reaches_the_user() {
    let d = sample();
    let en = fails(
        d.path(),
        "en",
        &[
            "code",
            "kommun-a-1",
            "--code",
            "resursbrist",
            "--turn",
            "999",
        ],
    );
    assert!(en.contains("has turns 1–") && !en.contains("..="), "{en}");
    let sv = fails(
        d.path(),
        "sv",
        &[
            "code",
            "kommun-a-1",
            "--code",
            "resursbrist",
            "--turn",
            "999",
        ],
    );
    assert!(sv.contains("har turerna 1–"), "{sv}");
}

#[test]
fn two_inputs_for_one_transcript_id_are_refused_naming_both() {
    let d = sample();
    let src = tempfile::tempdir().unwrap();
    for sub in ["a", "b"] {
        std::fs::create_dir(src.path().join(sub)).unwrap();
        std::fs::write(
            src.path().join(sub).join("intervju.txt"),
            "Intervjuare: Hej.\n\nRespondent: Hej hej.\n",
        )
        .unwrap();
    }
    let a = src.path().join("a/intervju.txt");
    let b = src.path().join("b/intervju.txt");
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let unchanged = snapshot(d.path());
    for force in [false, true] {
        let mut args = vec!["import", a, b];
        if force {
            args.push("--force");
        }
        let err = fails(d.path(), "en", &args);
        assert!(
            err.contains(a) && err.contains(b) && err.contains("intervju"),
            "{err}"
        );
        assert!(!err.contains("already exists"), "{err}");
        assert_eq!(snapshot(d.path()), unchanged);
    }
    let sv = fails(d.path(), "sv", &["import", a, b]);
    assert!(sv.contains("skulle bli avskriften"), "{sv}");
}

#[test]
fn code_names_are_unique_among_siblings_and_ambiguous_names_are_reported() {
    let d = sample();
    let dup = fails(
        d.path(),
        "en",
        &["codes", "add", "resursbrist", "--parent", "hinder"],
    );
    assert!(dup.contains("Hinder already has a code named"), "{dup}");
    ok(
        d.path(),
        "en",
        &[
            "codes",
            "add",
            "Resursbrist",
            "--parent",
            "resurser-natverk",
        ],
    );
    let amb = fails(d.path(), "en", &["segments", "--code", "Resursbrist"]);
    assert!(amb.contains("Hinder › Resursbrist"), "{amb}");
    assert!(
        amb.contains("Resurser, organisation och nätverk › Resursbrist"),
        "{amb}"
    );
    ok(d.path(), "en", &["segments", "--code", "resursbrist"]);
}

#[test]
fn outside_a_project_nothing_is_left_behind() {
    let empty = tempfile::tempdir().unwrap();
    let err = fails(empty.path(), "en", &[]);
    assert!(err.contains("is not a kodbok project"), "{err}");
    assert_eq!(
        std::fs::read_dir(empty.path()).unwrap().count(),
        0,
        "nothing written"
    );
    let sv = fails(empty.path(), "sv", &["--project", "/no/such/dir", "docs"]);
    assert!(sv.contains("mappen /no/such/dir finns inte"), "{sv}");
    let en = fails(empty.path(), "en", &["--project", "/no/such/dir"]);
    assert!(
        en.contains("the folder /no/such/dir does not exist"),
        "{en}"
    );
    assert!(!Path::new("/no/such/dir").exists());
}

#[test]
fn an_import_keeps_the_delimiter_and_encoding_of_a_swedish_excel_cases_csv() {
    let d = sample();
    let path = d.path().join("transcripts/cases.csv");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace(',', ";")
        .replace('\n', "\r\n");
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    std::fs::write(&path, &bytes).unwrap();
    let src = tempfile::tempdir().unwrap();
    let file = src.path().join("kommun-k-1.txt");
    std::fs::write(&file, "Intervjuare: Hej.\n\nRespondent: Hej.\n").unwrap();
    ok(
        d.path(),
        "en",
        &[
            "import",
            file.to_str().unwrap(),
            "--case",
            "Kommun Ö",
            "--attr",
            "grupp:låg",
        ],
    );
    let after = std::fs::read(&path).unwrap();
    assert!(std::str::from_utf8(&after).is_err(), "still windows-1252");
    let (after, _, bad) = encoding_rs::WINDOWS_1252.decode(&after);
    assert!(!bad);
    assert!(
        after.starts_with(&text[..text.find("\r\n").unwrap()]),
        "{after}"
    );
    assert!(after.ends_with("Kommun Ö;låg;;;\r\n"), "{after}");
}

#[test]
fn init_asks_nothing_writes_the_codebook_in_the_language_and_shows_three_steps() {
    let d = tempfile::tempdir().unwrap();
    let out = ok(d.path(), "sv", &["init", "studie"]);
    assert!(out.contains("Skapade ett kodbok-projekt i studie"), "{out}");
    assert!(
        out.contains("1. ") && out.contains("2. ") && out.contains("3. "),
        "{out}"
    );
    assert!(out.contains("kodbok --project studie import"), "{out}");
    let book = std::fs::read_to_string(d.path().join("studie/codebook.json")).unwrap();
    assert!(
        book.contains("Resursbrist: pengar, tid eller personal"),
        "Swedish descriptions"
    );
    let en = ok(d.path(), "en", &["init", "study", "--codebook", "sample"]);
    assert!(en.contains("Next steps:"), "{en}");
    let book = std::fs::read_to_string(d.path().join("study/codebook.json")).unwrap();
    assert!(book.contains("Lack of resources"));
    ok(d.path(), "en", &["init", "tom", "--codebook", "empty"]);
    let book = std::fs::read_to_string(d.path().join("tom/codebook.json")).unwrap();
    assert!(!book.contains("resursbrist"));
    let again = fails(d.path(), "en", &["init", "tom"]);
    assert!(again.contains("already holds a kodbok project"), "{again}");
}

#[test]
fn help_lists_the_commands_in_the_chosen_language() {
    let d = sample();
    let sv = ok(d.path(), "en", &["--lang", "sv", "--help"]);
    assert!(sv.contains("Visa och redigera kodboken"), "{sv}");
    let en = ok(d.path(), "sv", &["--lang", "en", "--help"]);
    assert!(en.contains("Show and edit the codebook"), "{en}");
    let bad = fails(d.path(), "en", &["--lang", "fi", "docs"]);
    assert!(bad.contains("use sv or en"), "{bad}");
}

#[test]
fn piped_tables_keep_their_full_width() {
    let d = sample();
    let out = ok(d.path(), "en", &["segments"]);
    assert!(
        out.lines().any(|l| l.chars().count() > 120),
        "piped: no cut"
    );
}

#[test]
fn search_takes_both_filter_forms_and_an_empty_csv_keeps_its_header() {
    let d = sample();
    let colon = ok(
        d.path(),
        "en",
        &[
            "search",
            "resurs grupp:låg",
            "--format",
            "csv",
            "--limit",
            "100",
        ],
    );
    let equals = ok(
        d.path(),
        "en",
        &[
            "search",
            "resurs grupp=LÅG",
            "--format",
            "csv",
            "--limit",
            "100",
        ],
    );
    assert_eq!(colon, equals);
    assert!(csv_rows(&colon).len() > 1);
    let none = ok(d.path(), "en", &["search", "zzzyxq", "--format", "csv"]);
    assert_eq!(csv_header(&none)[..3], ["rank", "doc", "case"]);
}

#[test]
fn consensus_lines_and_agreement_numbers_are_swedish_in_swedish() {
    let d = sample();
    let p = d.path();
    let list: serde_json::Value = serde_json::from_str(&ok(
        p,
        "sv",
        &["agree", "--disagreements", "--format", "json"],
    ))
    .unwrap();
    let id = list[0]["id"].as_str().unwrap().to_string();
    let took = ok(p, "sv", &["consensus", "take", "A", &id]);
    assert!(
        took.contains("kodningar, −") && took.contains("sparade "),
        "{took}"
    );
    let show = ok(p, "sv", &["consensus", "show", &id]);
    assert!(
        show.contains("stämmer nu med:") && show.contains("beslut: "),
        "{show}"
    );
    assert!(
        !show.contains("now matches") && !show.contains("characters"),
        "{show}"
    );
    let log = ok(p, "sv", &["consensus", "log"]);
    assert!(
        log.starts_with("1 post i ") && log.contains("1 enhet avgjord"),
        "{log}"
    );
    let seeded = ok(p, "sv", &["consensus", "seed"]);
    assert!(seeded.contains("överensstämmande talarturer"), "{seeded}");

    // Decimal comma in the Swedish table, a point in CSV and JSON.
    let table = ok(p, "sv", &["agree"]);
    let en = ok(p, "en", &["agree"]);
    assert!(en.contains("0.") && !table.contains("0."), "{table}");
    assert!(table.contains("0,") || table.contains("1,"), "{table}");
    let csv = ok(p, "sv", &["agree", "--format", "csv"]);
    let kappa: Vec<String> = csv_rows(&csv).iter().map(|r| r[7].to_string()).collect();
    assert!(
        kappa.iter().all(|k| k.contains('.') && !k.contains(',')),
        "{kappa:?}"
    );
}

#[test]
fn tables_and_command_notes_speak_swedish_while_csv_keeps_its_identifiers() {
    let d = sample();
    let search = kodbok_in(d.path(), "sv", &["search", "resurs"]);
    let err = String::from_utf8_lossy(&search.stderr);
    assert!(err.contains("byggde sökindexet (inget index än)"), "{err}");
    let out = String::from_utf8_lossy(&search.stdout);
    let head = out.lines().next().unwrap();
    assert!(head.starts_with("rang  avskrift"), "{head}");
    let docs = ok(d.path(), "sv", &["docs"]);
    let head = docs.lines().next().unwrap();
    for want in ["fall", "grupp", "turer", "ord", "kodningar praktikant_a"] {
        assert!(head.contains(want), "{head}");
    }
    let sat = ok(d.path(), "sv", &["saturation"]);
    assert!(sat.contains("Ordning: kodad"), "{sat}");
    assert!(
        sat.contains("alla: 20 intervjuer, 28 av 29 koder har förekommit"),
        "{sat}"
    );
    for english in ["Layer:", "Order:", "interviews", "codes seen"] {
        assert!(!sat.contains(english), "{english} in {sat}");
    }
    let co = ok(d.path(), "sv", &["matrix", "--kind", "cooccurrence"]);
    assert!(
        co.contains("Samförekomst efter överlappning: par av kodade"),
        "{co}"
    );
    let log = ok(d.path(), "sv", &["consensus", "log"]);
    assert!(log.contains("0 enheter avgjorda, 0 ångrade"), "{log}");
    let csv = ok(d.path(), "sv", &["docs", "--format", "csv"]);
    assert_eq!(
        csv_header(&csv)[..4],
        ["id", "case", "group", "role"].map(String::from)
    );
    let en = ok(d.path(), "en", &["saturation"]);
    assert!(
        en.contains("all: 20 interviews, 28 of 29 codes seen"),
        "{en}"
    );
}

#[test]
fn a_code_without_a_name_is_refused_and_nothing_changes() {
    let d = sample();
    let unchanged = snapshot(d.path());
    for name in ["", "  "] {
        let sv = fails(d.path(), "sv", &["codes", "add", name]);
        assert!(sv.contains("kodbok:"), "{sv}");
        let en = fails(
            d.path(),
            "en",
            &["codes", "add", name, "--parent", "hinder"],
        );
        assert!(en.contains("non-empty name"), "{en}");
    }
    assert_eq!(snapshot(d.path()), unchanged);
}

#[test]
fn import_refusals_and_system_errors_speak_the_chosen_language() {
    let d = sample();
    let unchanged = snapshot(d.path());
    let src = tempfile::tempdir().unwrap();
    let vtt = src.path().join("intervju.vtt");
    std::fs::write(&vtt, "WEBVTT\n\n1\n00:00:xx --> 00:00:02.000\nhej\n").unwrap();
    let docx = src.path().join("intervju.docx");
    std::fs::write(&docx, "bara text\n").unwrap();
    let vtt = vtt.to_str().unwrap();
    let sv = fails(d.path(), "sv", &["import", vtt]);
    assert!(sv.contains("rad 4: väntade en starttid"), "{sv}");
    let en = fails(d.path(), "en", &["import", vtt]);
    assert!(en.contains("line 4: expected a start time"), "{en}");
    let sv = fails(d.path(), "sv", &["import", docx.to_str().unwrap()]);
    assert!(sv.contains("det ser ut som vanlig text"), "{sv}");
    let missing = src.path().join("finns-inte.txt");
    let sv = fails(d.path(), "sv", &["import", missing.to_str().unwrap()]);
    assert!(sv.contains("filen eller mappen finns inte"), "{sv}");
    assert!(!sv.contains("No such file"), "{sv}");
    assert_eq!(snapshot(d.path()), unchanged);
}
