//! Black-box tests of the command line on temp copies of the sample study.

use crate::common::*;
use serde_json::Value;

#[test]
fn docs_lists_the_sample_study() {
    let d = sample();
    let v = json(d.path(), &["docs", "--format", "json"]);
    let rows = v.as_array().unwrap();
    assert_eq!(rows.len(), 20);
    let cases: std::collections::BTreeSet<_> =
        rows.iter().map(|r| r["case"].as_str().unwrap()).collect();
    assert_eq!(cases.len(), 10);
    let hog = rows.iter().filter(|r| r["group"] == "hög").count();
    let lag = rows.iter().filter(|r| r["group"] == "låg").count();
    assert_eq!((hog, lag), (10, 10));
    for r in rows {
        let words = r["words"].as_u64().unwrap();
        assert!((1200..=2500).contains(&words), "{r}");
        assert!(r["codings"]["praktikant-a"].as_u64().unwrap() >= 10);
    }
    let b_docs = rows
        .iter()
        .filter(|r| r["codings"]["praktikant-b"].as_u64().unwrap() > 0)
        .count();
    assert_eq!(b_docs, 6);
    ok(d.path(), &["check"]);
    let csv = ok(d.path(), &["docs", "--format", "csv"]);
    assert!(
        csv.starts_with(
            "id,case,group,role,turns,words,codings_praktikant_a,codings_praktikant_b\n"
        )
    );
}

#[test]
fn code_by_quote_turn_and_offsets_then_uncode() {
    let d = sample();
    let id = ok(
        d.path(),
        &[
            "code",
            "kommun-f-1",
            "--code",
            "resursbrist",
            "--quote",
            "En liten kommun får fördela",
        ],
    );
    let id = id.trim();
    let segs = json(
        d.path(),
        &["segments", "--coder", "tester", "--format", "json"],
    );
    let segs = segs.as_array().unwrap();
    assert_eq!(segs.len(), 1);
    assert_eq!(segs[0]["id"], id);
    assert_eq!(segs[0]["quote"], "En liten kommun får fördela");
    assert_eq!(segs[0]["group"], "låg");
    assert_eq!(segs[0]["speaker"], "Respondent");
    // By turn, by name of the code, with a memo.
    ok(
        d.path(),
        &[
            "code",
            "kommun-f-1",
            "--code",
            "Liten organisation",
            "--turn",
            "2",
            "--memo",
            "bakgrund",
        ],
    );
    ok(
        d.path(),
        &[
            "code",
            "kommun-f-1",
            "--code",
            "hinder",
            "--from",
            "10",
            "--to",
            "20",
        ],
    );
    let segs = json(
        d.path(),
        &[
            "segments", "--coder", "tester", "--code", "hinder", "--format", "json",
        ],
    );
    assert_eq!(
        segs.as_array().unwrap().len(),
        3,
        "hinder includes its sub-codes"
    );
    ok(d.path(), &["uncode", id]);
    let segs = json(
        d.path(),
        &["segments", "--coder", "tester", "--format", "json"],
    );
    assert_eq!(segs.as_array().unwrap().len(), 2);
    ok(d.path(), &["check"]);
}

#[test]
fn ambiguous_and_missing_quotes_are_refused() {
    let d = sample();
    let before = snapshot(d.path());
    let err = fails(
        d.path(),
        &[
            "code",
            "kommun-a-1",
            "--code",
            "resursbrist",
            "--quote",
            "Respondent",
        ],
    );
    assert!(err.contains("occurs") && err.contains("line"), "{err}");
    let err = fails(
        d.path(),
        &[
            "code",
            "kommun-a-1",
            "--code",
            "resursbrist",
            "--quote",
            "finns inte alls i texten xyz",
        ],
    );
    assert!(err.contains("does not occur"), "{err}");
    let err = fails(
        d.path(),
        &["code", "kommun-a-1", "--code", "nope", "--turn", "2"],
    );
    assert!(err.contains("nope"), "{err}");
    let err = fails(
        d.path(),
        &["code", "kommun-a-1", "--code", "hinder", "--turn", "999"],
    );
    assert!(err.contains("turns 1–36"), "{err}");
    fails(
        d.path(),
        &[
            "code",
            "kommun-a-1",
            "--code",
            "hinder",
            "--from",
            "5",
            "--to",
            "999999",
        ],
    );
    fails(
        d.path(),
        &["code", "nodoc", "--code", "hinder", "--turn", "1"],
    );
    assert_eq!(before, snapshot(d.path()));
}

#[test]
fn editing_a_transcript_by_hand_is_caught_and_reanchored() {
    let d = sample();
    let path = d.path().join("transcripts/kommun-a-1.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    // Insert a word early in the body: every later coding's offsets now point at other text.
    let edited = text.replacen("Intervjuare: ", "Intervjuare: Nå. ", 1);
    std::fs::write(&path, edited).unwrap();
    let out = fails(d.path(), &["check"]);
    assert!(out.contains("codings/praktikant-a.json:"), "{out}");
    assert!(out.contains("no longer matches"), "{out}");
    let segs = json(
        d.path(),
        &["segments", "--doc", "kommun-a-1", "--format", "json"],
    );
    let first_id = segs[0]["id"].as_str().unwrap().to_string();
    assert!(out.contains(&first_id), "names the affected codings: {out}");
    ok(d.path(), &["check", "--reanchor"]);
    ok(d.path(), &["check"]);
}

#[test]
fn malformed_codebook_is_reported_with_line_and_nothing_changes() {
    let d = sample();
    let path = d.path().join("codebook.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let broken = text.replacen("\"name\": \"Hinder\",", "\"name\": \"Hinder\"", 1);
    std::fs::write(&path, &broken).unwrap();
    let line = broken
        .lines()
        .position(|l| l.contains("\"name\": \"Hinder\""))
        .unwrap()
        + 2;
    let before = snapshot(d.path());
    for args in [
        &["check"][..],
        &["docs"],
        &["code", "kommun-a-1", "--code", "hinder", "--turn", "2"],
        &["codes", "add", "Ny"],
    ] {
        let err = fails(d.path(), args);
        assert!(
            err.contains(&format!("codebook.json:{line}:")),
            "{args:?}: {err}"
        );
    }
    assert_eq!(before, snapshot(d.path()));
}

#[test]
fn malformed_cases_and_coder_files_name_the_line() {
    let d = sample();
    std::fs::write(
        d.path().join("transcripts/cases.csv"),
        "case;grupp\nKommun A;hög;extra\n",
    )
    .unwrap();
    let err = fails(d.path(), &["docs"]);
    assert!(err.contains("cases.csv:2:1: expected 2 fields"), "{err}");
    let d = sample();
    let p = d.path().join("codings/praktikant-b.json");
    let t = std::fs::read_to_string(&p)
        .unwrap()
        .replacen("\"start\": ", "\"start\": -", 1);
    std::fs::write(&p, t).unwrap();
    let err = fails(d.path(), &["check"]);
    assert!(err.contains("praktikant-b.json:"), "{err}");
}

#[test]
fn unknown_code_and_out_of_range_offsets_are_listed() {
    let d = sample();
    let p = d.path().join("codings/praktikant-b.json");
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
    v["codings"][0]["code"] = "finns-ej".into();
    v["codings"][1]["end"] = 10_000_000.into();
    std::fs::write(&p, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    let out = fails(d.path(), &["check"]);
    assert!(out.contains("unknown code id \"finns-ej\""), "{out}");
    assert!(out.contains("offsets out of range"), "{out}");
}

#[test]
fn codebook_edits_keep_codings() {
    let d = sample();
    ok(
        d.path(),
        &[
            "codes",
            "add",
            "Sårbarhet i molnet",
            "--parent",
            "hinder",
            "--color",
            "#123456",
        ],
    );
    ok(
        d.path(),
        &["codes", "rename", "resursbrist", "Brist på resurser"],
    );
    let segs = json(
        d.path(),
        &["segments", "--code", "resursbrist", "--format", "json"],
    );
    let n = segs.as_array().unwrap().len();
    assert!(n > 0);
    assert_eq!(segs[0]["code_path"], "Hinder › Brist på resurser");
    ok(
        d.path(),
        &[
            "codes",
            "move",
            "sarbarhet-i-molnet",
            "--parent",
            "processer-ledning",
        ],
    );
    let err = fails(d.path(), &["codes", "remove", "resursbrist"]);
    assert!(err.contains("used by"), "{err}");
    let komp = json(
        d.path(),
        &["segments", "--code", "kompetensbrist", "--format", "json"],
    );
    let komp = komp.as_array().unwrap().len();
    ok(
        d.path(),
        &["codes", "merge", "resursbrist", "kompetensbrist"],
    );
    fails(d.path(), &["segments", "--code", "resursbrist"]);
    let merged = json(
        d.path(),
        &["segments", "--code", "kompetensbrist", "--format", "json"],
    );
    assert!(merged.as_array().unwrap().len() > komp);
    ok(d.path(), &["codes", "remove", "sarbarhet-i-molnet"]);
    ok(
        d.path(),
        &["codes", "remove", "kompetensbrist", "--force", "hinder"],
    );
    ok(d.path(), &["check"]);
    let codes = json(d.path(), &["codes", "--format", "json"]);
    let hinder = codes
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "hinder")
        .unwrap()
        .clone();
    assert!(hinder["codings"].as_u64().unwrap() >= n as u64);
    fails(d.path(), &["codes", "add", "X", "--color", "red"]);
    fails(
        d.path(),
        &["codes", "move", "hinder", "--parent", "liten-organisation"],
    );
}

#[test]
fn init_import_and_refuse_overwrite() {
    let d = tempfile::tempdir().unwrap();
    ok(d.path(), &["init"]);
    fails(d.path(), &["init"]);
    let src = d.path().join("intervju.txt");
    std::fs::write(
        &src,
        "Intervjuare: Hur började ni?\r\nRespondent: Med GDPR, så att säga.\r\n",
    )
    .unwrap();
    let out = ok(
        d.path(),
        &[
            "import",
            "intervju.txt",
            "--case",
            "Kommun Ö",
            "--attr",
            "role=IT-chef",
            "--attr",
            "grupp=låg",
        ],
    );
    assert!(out.contains("2 turns"), "{out}");
    let docs = json(d.path(), &["docs", "--format", "json"]);
    assert_eq!(docs[0]["case"], "Kommun Ö");
    assert_eq!(docs[0]["group"], "låg");
    assert_eq!(docs[0]["role"], "IT-chef");
    let before = snapshot(d.path());
    let err = fails(d.path(), &["import", "intervju.txt"]);
    assert!(err.contains("--force"), "{err}");
    assert_eq!(before, snapshot(d.path()));
    ok(
        d.path(),
        &["import", "intervju.txt", "--force", "--case", "Kommun Ö"],
    );
    ok(d.path(), &["check"]);
}

#[test]
fn hostile_import_is_cleaned_or_refused() {
    let d = tempfile::tempdir().unwrap();
    ok(d.path(), &["init"]);
    std::fs::write(d.path().join("evil.txt"), "Respondent: a\u{1b}]0;owned\u{7}b\u{1b}[2Jc\u{202e}d\u{9b}e o\u{308} och sedan en helt vanlig mening om informationssäkerhet i kommunen.\n").unwrap();
    ok(d.path(), &["import", "evil.txt", "--case", "K"]);
    let t = std::fs::read_to_string(d.path().join("transcripts/evil.txt")).unwrap();
    assert!(t.contains("Respondent: abcd ö och"), "{t:?}");
    std::fs::write(d.path().join("bin.txt"), [0u8, 159, 146, 150, 0, 1, 2, 3]).unwrap();
    std::fs::write(d.path().join("empty.txt"), "").unwrap();
    std::fs::write(d.path().join("pic.png"), b"\x89PNG\r\n").unwrap();
    let before = snapshot(d.path());
    assert!(fails(d.path(), &["import", "bin.txt"]).contains("bin.txt"));
    assert!(fails(d.path(), &["import", "empty.txt"]).contains("empty"));
    assert!(fails(d.path(), &["import", "pic.png"]).contains("unsupported"));
    // One bad file among good ones: nothing is imported.
    std::fs::write(d.path().join("good.txt"), "Respondent: bra\n").unwrap();
    let before2 = snapshot(d.path());
    fails(d.path(), &["import", "good.txt", "empty.txt"]);
    assert_eq!(before2, snapshot(d.path()));
    assert!(before.len() + 1 == before2.len());
}

#[test]
fn second_writer_of_the_same_coder_is_refused() {
    let d = sample();
    let project = kodbok::store::Project::open(d.path()).unwrap();
    let _held = project.lock_coder("tester").unwrap();
    let err = fails(
        d.path(),
        &["code", "kommun-a-1", "--code", "hinder", "--turn", "2"],
    );
    assert!(err.contains("locked by kodbok pid"), "{err}");
    // Reading is always allowed, and another coder may write.
    ok(d.path(), &["segments"]);
    ok(
        d.path(),
        &[
            "--coder",
            "other",
            "code",
            "kommun-a-1",
            "--code",
            "hinder",
            "--turn",
            "2",
        ],
    );
}

#[test]
fn help_on_every_command() {
    let d = sample();
    for cmd in [
        "init", "import", "docs", "codes", "code", "uncode", "segments", "check",
    ] {
        let out = ok(d.path(), &[cmd, "--help"]);
        assert!(out.contains("Usage"), "{cmd}");
    }
    let err = fails(d.path(), &["--project", "/nonexistent-dir", "docs"]);
    assert!(
        err.contains("the folder /nonexistent-dir does not exist"),
        "{err}"
    );
    let empty = tempfile::tempdir().unwrap();
    let err = fails(empty.path(), &["docs"]);
    assert!(err.contains("not a kodbok project"), "{err}");
}
