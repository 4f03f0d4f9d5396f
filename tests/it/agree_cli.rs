//! Black-box tests of `kodbok agree`, `consensus` and `merge` on temporary projects.

use crate::agree_util as util;

use chrono::Utc;
use kodbok::model::{CoderFile, Coding, Transcript};
use serde_json::Value;
use std::fs;
use tempfile::TempDir;
use util::{close, json, kodbok, sample};

#[test]
fn sample_study_reports_the_six_shared_transcripts() {
    let dir = sample();
    let r = json(
        dir.path(),
        &[
            "agree",
            "--coders",
            "praktikant-a,praktikant-b",
            "--format",
            "json",
        ],
    );
    let docs: Vec<&str> = r["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap())
        .collect();
    assert_eq!(
        docs,
        [
            "kommun-a-1",
            "kommun-c-2",
            "kommun-e-1",
            "kommun-f-1",
            "kommun-h-1",
            "kommun-j-2"
        ]
    );
    assert_eq!(r["unit"], "turn");
    assert_eq!(
        r["coders"],
        serde_json::json!(["praktikant-a", "praktikant-b"])
    );
    assert_eq!(r["skipped_documents"].as_array().unwrap().len(), 14);
    assert!(r["units"].as_u64().unwrap() > 100);
    for key in ["percent_agreement", "cohen_kappa", "krippendorff_alpha"] {
        assert!(r["pooled"][key].is_number(), "pooled {key}");
    }
    let codes = r["codes"].as_array().unwrap();
    assert!(codes.len() > 10);
    assert!(
        codes
            .iter()
            .all(|c| c["code"].is_string() && c.get("krippendorff_alpha").is_some())
    );
    for key in [
        "percent_agreement",
        "cohen_kappa",
        "krippendorff_alpha",
        "pooled",
    ] {
        assert!(r["formula"][key].as_str().is_some_and(|s| !s.is_empty()));
    }
    // The table says what was compared and how.
    let out = kodbok(dir.path())
        .args(["agree", "--coders", "praktikant-a,praktikant-b"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Transcripts compared (6"), "{text}");
    assert!(text.contains("Krippendorff's alpha:") && text.contains("Unit: turn"));
    // Three coders are allowed; Cohen's kappa is then null. A third coder identical to praktikant-a.
    let a = fs::read_to_string(dir.path().join("codings/praktikant-a.json")).unwrap();
    let c = a.replace("\"coder\": \"praktikant-a\"", "\"coder\": \"praktikant-c\"");
    fs::write(dir.path().join("codings/praktikant-c.json"), c).unwrap();
    let three = json(
        dir.path(),
        &[
            "agree",
            "--coders",
            "praktikant-a,praktikant-b,praktikant-c",
            "--format",
            "json",
        ],
    );
    assert!(three["pooled"]["cohen_kappa"].is_null());
    let two = &r["pooled"];
    let alpha3 = three["pooled"]["krippendorff_alpha"].as_f64().unwrap();
    assert!(
        alpha3 > two["krippendorff_alpha"].as_f64().unwrap(),
        "two identical coders raise alpha"
    );
    let twins = json(
        dir.path(),
        &[
            "agree",
            "--coders",
            "praktikant-a,praktikant-c",
            "--format",
            "json",
        ],
    );
    close(&twins["pooled"]["krippendorff_alpha"], 1.0);
    close(&twins["pooled"]["cohen_kappa"], 1.0);
    close(&twins["pooled"]["percent_agreement"], 100.0);
}

#[test]
fn bad_requests_fail_clearly() {
    let dir = sample();
    for (args, msg) in [
        (
            vec!["agree", "--coders", "praktikant-a,nobody"],
            "no coder \"nobody\"",
        ),
        (
            vec!["agree", "--coders", "praktikant-a"],
            "at least two coders",
        ),
        (
            vec!["agree", "--coders", "praktikant-a,praktikant-a"],
            "named twice",
        ),
        (
            vec![
                "agree",
                "--coders",
                "praktikant-a,praktikant-b",
                "--domain",
                "resursbrist",
            ],
            "at least two child codes",
        ),
        (
            vec![
                "agree",
                "--coders",
                "praktikant-a,praktikant-b",
                "--docs",
                "kommun-b-1",
            ],
            "no transcript is coded by all",
        ),
        (
            vec!["consensus", "take", "A", "kommun-a-1:t999:lagkrav"],
            "turns",
        ),
        (
            vec!["consensus", "take", "Q", "kommun-a-1:t2:lagkrav"],
            "unknown choice",
        ),
    ] {
        let out = kodbok(dir.path()).args(&args).output().unwrap();
        assert!(!out.status.success(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(msg), "{args:?}: {err}");
    }
    assert!(!dir.path().join("codings/konsensus.json").exists());
}

/// A project whose one transcript has one turn per unit; coder i codes unit u with child code `v<value>` of domain `d`.
/// Rows are written as in the literature: one coder per row, `.` for a missing value.
fn matrix_project(rows: &[&str]) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    let values: Vec<Vec<Option<u32>>> = rows
        .iter()
        .map(|r| r.split_whitespace().map(|v| v.parse().ok()).collect())
        .collect();
    let max = values.iter().flatten().flatten().max().copied().unwrap();
    let children: Vec<Value> = (1..=max)
        .map(|v| serde_json::json!({"id": format!("v{v}"), "name": format!("Värde {v}")}))
        .collect();
    let book = serde_json::json!({"version": 1, "codes": [{"id": "d", "name": "Domän", "children": children}]});
    fs::write(
        p.join("codebook.json"),
        serde_json::to_string_pretty(&book).unwrap(),
    )
    .unwrap();
    fs::create_dir_all(p.join("transcripts")).unwrap();
    fs::create_dir_all(p.join("codings")).unwrap();
    fs::write(p.join("transcripts/cases.csv"), "case,grupp\nK,hög\n").unwrap();
    let mut text = String::from("---\nid: m\ncase: K\n---\n\n");
    for u in 0..values[0].len() {
        let who = if u % 2 == 0 {
            "Intervjuare"
        } else {
            "Respondent"
        };
        text.push_str(&format!("{who}: Enhet nummer {} i materialet.\n\n", u + 1));
    }
    text.pop();
    fs::write(p.join("transcripts/m.txt"), &text).unwrap();
    let t = Transcript::parse(&text, "m").unwrap();
    for (i, row) in values.iter().enumerate() {
        let mut f = CoderFile::new(&format!("c{}", i + 1));
        for (u, v) in row.iter().enumerate() {
            if let Some(v) = v {
                let turn = &t.turns[u];
                f.insert(
                    Coding::new(&t, turn.start, turn.end, &format!("v{v}"), Utc::now()).unwrap(),
                );
            }
        }
        fs::write(
            p.join(format!("codings/c{}.json", i + 1)),
            serde_json::to_string_pretty(&f).unwrap(),
        )
        .unwrap();
    }
    dir
}

#[test]
fn published_reliability_data_through_the_binary() {
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": four coders, twelve units, nominal 0.743.
    let k = matrix_project(&[
        "1 2 3 3 2 1 4 1 2 . . .",
        "1 2 3 3 2 2 4 1 2 5 . 3",
        ". 3 3 3 2 3 4 2 2 5 1 .",
        "1 2 3 3 2 4 4 1 2 5 1 .",
    ]);
    let r = json(
        k.path(),
        &[
            "agree",
            "--coders",
            "c1,c2,c3,c4",
            "--domain",
            "d",
            "--unit",
            "turn",
            "--format",
            "json",
        ],
    );
    close(&r["pooled"]["krippendorff_alpha"], 0.743);
    assert!(r["pooled"]["cohen_kappa"].is_null());
    assert_eq!(r["units"], 12);
    assert_eq!(r["pooled"]["pairable_units"], 11);
    assert_eq!(r["codes"].as_array().unwrap().len(), 5);
    assert_eq!(r["multiple_codes"], serde_json::json!([]));
    // Wikipedia, "Krippendorff's alpha", a computational example: three coders, fifteen units, nominal 0.691.
    let w = matrix_project(&[
        ". . . . . 3 4 1 2 1 1 3 3 . 3",
        "1 . 2 1 3 3 4 3 . . . . . . .",
        ". . 2 1 3 4 4 . 2 1 1 3 3 . 4",
    ]);
    let r = json(
        w.path(),
        &[
            "agree", "--coders", "c1,c2,c3", "--domain", "d", "--format", "json",
        ],
    );
    close(&r["pooled"]["krippendorff_alpha"], 0.691);
    // Cohen's kappa on a 2×2 worked example (Wikipedia: 20 yes-yes, 5 yes-no, 10 no-yes, 15 no-no → 0.4).
    let mut a = Vec::new();
    let mut b = Vec::new();
    for (n, x, y) in [(20, 1, 1), (5, 1, 2), (10, 2, 1), (15, 2, 2)] {
        for _ in 0..n {
            a.push(x.to_string());
            b.push(y.to_string());
        }
    }
    let c = matrix_project(&[&a.join(" "), &b.join(" ")]);
    let r = json(
        c.path(),
        &[
            "agree", "--coders", "c1,c2", "--domain", "d", "--format", "json",
        ],
    );
    close(&r["pooled"]["cohen_kappa"], 0.4);
    close(&r["pooled"]["percent_agreement"], 70.0);
}

#[test]
fn two_children_in_one_unit_are_reported() {
    let dir = matrix_project(&["1 2 1", "1 2 2"]);
    let mut f: CoderFile =
        serde_json::from_str(&fs::read_to_string(dir.path().join("codings/c1.json")).unwrap())
            .unwrap();
    let t = Transcript::parse(
        &fs::read_to_string(dir.path().join("transcripts/m.txt")).unwrap(),
        "m",
    )
    .unwrap();
    f.insert(Coding::new(&t, t.turns[0].start, t.turns[0].start + 5, "v2", Utc::now()).unwrap());
    fs::write(
        dir.path().join("codings/c1.json"),
        serde_json::to_string_pretty(&f).unwrap(),
    )
    .unwrap();
    let r = json(
        dir.path(),
        &[
            "agree", "--coders", "c1,c2", "--domain", "d", "--format", "json",
        ],
    );
    let multi = r["multiple_codes"].as_array().unwrap();
    assert_eq!(multi.len(), 1);
    assert_eq!(multi[0]["unit"], "t1");
    assert_eq!(multi[0]["coder"], "c1");
    assert_eq!(multi[0]["codes"], serde_json::json!(["v1", "v2"]));
    assert_eq!(r["pooled"]["pairable_units"], 2);
    // With character units the five doubly coded characters are one run.
    let r = json(
        dir.path(),
        &[
            "agree", "--coders", "c1,c2", "--domain", "d", "--unit", "char", "--format", "json",
        ],
    );
    let multi = r["multiple_codes"].as_array().unwrap();
    assert_eq!(multi.len(), 1, "{multi:?}");
    let start = t.turns[0].start;
    assert_eq!(multi[0]["unit"], format!("c{}-{}", start, start + 5));
}

#[test]
fn segment_overlap_uses_the_threshold() {
    let dir = matrix_project(&["1 2", "1 2"]);
    let t = Transcript::parse(
        &fs::read_to_string(dir.path().join("transcripts/m.txt")).unwrap(),
        "m",
    )
    .unwrap();
    let turn = &t.turns[0];
    assert_eq!(turn.end - turn.start, 28);
    let mut f = CoderFile::new("c2");
    f.insert(Coding::new(&t, turn.start, turn.start + 25, "v1", Utc::now()).unwrap());
    f.insert(Coding::new(&t, t.turns[1].start, t.turns[1].end, "v2", Utc::now()).unwrap());
    fs::write(
        dir.path().join("codings/c2.json"),
        serde_json::to_string_pretty(&f).unwrap(),
    )
    .unwrap();
    // 25 of 28 characters: 89.3 % overlap.
    let at = |pct: &str| {
        json(
            dir.path(),
            &[
                "agree",
                "--coders",
                "c1,c2",
                "--overlap",
                pct,
                "--format",
                "json",
            ],
        )
    };
    let r = at("89");
    assert_eq!(r["unit"], "segment");
    assert_eq!(r["units"], 4);
    close(&r["pooled"]["percent_agreement"], 100.0);
    let r = at("90");
    close(&r["pooled"]["percent_agreement"], 50.0);
    let v1 = r["codes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == "v1")
        .unwrap()
        .clone();
    close(&v1["percent_agreement"], 0.0);
    assert!(r["pooled"]["cohen_kappa"].is_null());
    let out = kodbok(dir.path())
        .args([
            "agree",
            "--coders",
            "c1,c2",
            "--overlap",
            "90",
            "--disagreements",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let list: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 2);
    close(&list[0]["best_overlap"], 100.0 * 25.0 / 28.0);
    kodbok(dir.path())
        .args(["agree", "--coders", "c1,c2", "--overlap", "0"])
        .assert()
        .failure();
}
