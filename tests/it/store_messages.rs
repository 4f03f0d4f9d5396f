//! Problems in project files (`kodbok check` and every command that loads a project) in Swedish and English,
//! each with its file and line; and the explanations of `agree` and `saturation` in the chosen language.

use crate::common::{kodbok_in, sample};
use serde_json::Value;
use std::path::Path;

fn check_in(dir: &Path, lang: &str, args: &[&str]) -> String {
    let o = kodbok_in(dir, lang, args);
    assert!(!o.status.success(), "kodbok {args:?} should fail");
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stderr),
        String::from_utf8_lossy(&o.stdout)
    )
}

/// The 1-based line of `"id": "<id>"` in a coder file.
fn line_of_id(path: &Path, id: &str) -> usize {
    let text = std::fs::read_to_string(path).unwrap();
    let needle = format!("\"id\": \"{id}\"");
    text.lines().position(|l| l.contains(&needle)).unwrap() + 1
}

#[test]
fn a_broken_coding_is_reported_in_swedish_with_its_file_and_line() {
    let d = sample();
    let p = d.path().join("codings/praktikant-b.json");
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
    v["codings"][0]["code"] = "finns-ej".into();
    v["codings"][1]["end"] = 10_000_000.into();
    let (first, second) = (
        v["codings"][0]["id"].as_str().unwrap().to_string(),
        v["codings"][1]["id"].as_str().unwrap().to_string(),
    );
    std::fs::write(&p, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    let (l1, l2) = (line_of_id(&p, &first), line_of_id(&p, &second));

    let sv = check_in(d.path(), "sv", &["check"]);
    let at = |l: usize| format!("codings/praktikant-b.json:{l}:1: kodningen ");
    assert!(sv.contains(&at(l1)), "{sv}");
    assert!(sv.contains("okänt kod-id \"finns-ej\""), "{sv}");
    assert!(sv.contains(&at(l2)), "{sv}");
    assert!(sv.contains("positionerna ligger utanför texten"), "{sv}");
    assert!(
        !sv.contains("unknown code") && !sv.contains("out of range"),
        "{sv}"
    );

    let en = check_in(d.path(), "en", &["check"]);
    assert!(
        en.contains(&format!("codings/praktikant-b.json:{l1}:1: coding ")),
        "{en}"
    );
    assert!(en.contains("unknown code id \"finns-ej\""), "{en}");
}

#[test]
fn files_that_cannot_be_read_are_named_with_their_line_in_swedish() {
    let d = sample();
    std::fs::write(
        d.path().join("transcripts/cases.csv"),
        "case;grupp\nKommun A;hög;extra\n",
    )
    .unwrap();
    let sv = check_in(d.path(), "sv", &["docs"]);
    assert!(
        sv.contains("transcripts/cases.csv:2:1: raden har 3 fält men rubrikraden 2"),
        "{sv}"
    );

    let d = sample();
    let path = d.path().join("codebook.json");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replacen("\"name\": \"Hinder\",", "\"name\": \"Hinder\"", 1),
    )
    .unwrap();
    let sv = check_in(d.path(), "sv", &["check"]);
    assert!(sv.contains("codebook.json:"), "{sv}");
    assert!(sv.contains("filen kan inte läsas som JSON"), "{sv}");

    let d = sample();
    let t = d.path().join("transcripts/kommun-a-1.txt");
    let text = std::fs::read_to_string(&t).unwrap();
    std::fs::write(&t, text.replacen("---\n", "---\nnonsens utan kolon\n", 1)).unwrap();
    let sv = check_in(d.path(), "sv", &["check"]);
    assert!(
        sv.contains("transcripts/kommun-a-1.txt:2:1: rubriken ska ha raderna `nyckel: värde`"),
        "{sv}"
    );
}

#[test]
fn an_edited_transcript_says_where_the_quote_went_in_swedish() {
    let d = sample();
    let path = d.path().join("transcripts/kommun-a-1.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replacen("Intervjuare: ", "Intervjuare: Nå. ", 1),
    )
    .unwrap();
    let sv = check_in(d.path(), "sv", &["check"]);
    assert!(sv.contains("codings/praktikant-a.json:"), "{sv}");
    assert!(sv.contains("stämmer inte längre med texten"), "{sv}");
    assert!(
        sv.contains("`kodbok check --reanchor` flyttar kodningen dit"),
        "{sv}"
    );
}

fn ok_in(dir: &Path, lang: &str, args: &[&str]) -> String {
    let o = kodbok_in(dir, lang, args);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "kodbok {args:?} failed: {err}");
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn agree_explains_its_formulas_in_swedish_and_keeps_json_and_csv_machine_readable() {
    let d = sample();
    let both = ["agree", "--layer", "praktikant-a,praktikant-b"];
    let sv = ok_in(d.path(), "sv", &both);
    for words in [
        "Formler:",
        "  procentuell överensstämmelse: medelvärdet",
        "  Cohens kappa: Cohen (1960)",
        "Σ_{c≠k} o_ck",
        "  (sammanslaget): varje beslut kod × talartur",
    ] {
        assert!(sv.contains(words), "{words:?} in {sv}");
    }
    assert!(
        !sv.contains("percent agreement") && !sv.contains("(pooled)"),
        "{sv}"
    );
    let en = ok_in(d.path(), "en", &both);
    assert!(en.contains("  percent agreement: mean over units"), "{en}");
    let json: Value = serde_json::from_str(&ok_in(
        d.path(),
        "sv",
        &[&both[..], &["--format", "json"]].concat(),
    ))
    .unwrap();
    assert!(
        json["formula"]["cohen_kappa"]
            .as_str()
            .unwrap()
            .starts_with("Cohen (1960)")
    );
    let csv = ok_in(d.path(), "sv", &[&both[..], &["--format", "csv"]].concat());
    assert!(csv.contains("(pooled)"), "{csv}");
    let overlap = ok_in(d.path(), "sv", &[&both[..], &["--overlap", "60"]].concat());
    assert!(
        overlap.contains("överlappar det med minst 60 %"),
        "{overlap}"
    );
    let bad = check_in(d.path(), "sv", &[&both[..], &["--overlap", "120"]].concat());
    assert!(
        bad.contains("--overlap 120: ange en procentsats över 0 och högst 100"),
        "{bad}"
    );
}

#[test]
fn saturation_and_its_chart_speak_swedish() {
    let d = sample();
    let svg = d.path().join("mattnad.svg");
    let sv = ok_in(
        d.path(),
        "sv",
        &["saturation", "--chart", svg.to_str().unwrap()],
    );
    assert!(sv.contains("Ordning: kodad: efter tiden"), "{sv}");
    assert!(sv.contains("alla: 20 intervjuer, "), "{sv}");
    assert!(sv.contains(" koder har förekommit; "), "{sv}");
    let chart = std::fs::read_to_string(&svg).unwrap();
    assert!(
        chart.contains("Koder som förekommit efter varje intervju"),
        "title"
    );
    assert!(chart.contains("intervjuer, i ordning") && chart.contains("koder hittills"));
    assert!(!chart.contains("Codes seen") && !chart.contains("interviews, in order"));
}

#[test]
fn the_about_sheet_of_a_workbook_is_in_the_command_language() {
    use crate::findings::office;
    let d = sample();
    let out = d.path().join("a.xlsx");
    let args = [
        "agree",
        "--layer",
        "praktikant-a,praktikant-b",
        "--format",
        "xlsx",
        "--out",
        out.to_str().unwrap(),
    ];
    ok_in(d.path(), "sv", &args);
    let p = office::check_package(&std::fs::read(&out).unwrap());
    let book = String::from_utf8_lossy(&p["xl/workbook.xml"]).into_owned();
    assert!(book.contains("name=\"om\""), "{book}");
    let about = office::read_sheet(&p, 3);
    assert_eq!(about[0], ["uppgift", "värde"]);
    let fields: Vec<&str> = about[1..].iter().map(|r| r[0].as_str()).collect();
    for f in [
        "kodare",
        "enhet",
        "avskrifter",
        "procentuell överensstämmelse",
        "(sammanslaget)",
    ] {
        assert!(fields.contains(&f), "{f} in {fields:?}");
    }
    // The figures keep their machine column names, so scripts read them in any language.
    let figures = office::read_sheet(&p, 1);
    assert!(
        figures[0].contains(&"coded_by_praktikant_a".to_string()),
        "{:?}",
        figures[0]
    );
}
