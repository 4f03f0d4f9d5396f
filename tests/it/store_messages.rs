//! Problems in project files (`kodbok check` and every command that loads a project) in Swedish and English,
//! each with its file and line.

use crate::common::sample;
use serde_json::Value;
use std::path::Path;

fn check_in(dir: &Path, lang: &str, args: &[&str]) -> String {
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_kodbok"))
        .current_dir(dir)
        .env("KODBOK_CODER", "tester")
        .env("KODBOK_LANG", lang)
        .env("LC_ALL", "C.UTF-8")
        .args(args)
        .output()
        .unwrap();
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
