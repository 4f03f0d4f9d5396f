//! Black-box tests of `summary`, `matrix`, `export segments` and `report` on temp copies of the sample study
//! and on generated projects, checked against counts made here straight from the project files.

mod independent;

use crate::common::*;
use independent::{Study, compare_summary, generate, load};
use std::fs;
use std::path::Path;

const SAMPLE_CODERS: [&str; 2] = ["praktikant-a", "praktikant-b"];

#[test]
fn summary_equals_an_independent_count_on_the_sample() {
    let d = sample();
    let study = load(d.path(), "grupp");
    let all = json(d.path(), &["summary", "--format", "json"]);
    compare_summary(&all, &study.summary(&SAMPLE_CODERS), "all-coders");
    let explicit = json(d.path(), &["summary", "--all-coders", "--format", "json"]);
    assert_eq!(all, explicit);
    for coder in SAMPLE_CODERS {
        let rows = json(d.path(), &["summary", "--coder", coder, "--format", "json"]);
        compare_summary(&rows, &study.summary(&[coder]), &format!("coder:{coder}"));
    }
    // The headline of the sample: management on board in all five high municipalities, one low.
    let row = all
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["code"] == "ledningens-engagemang" && r["group"] == "låg")
        .unwrap();
    assert_eq!(
        (row["cases"].as_u64(), row["cases_in_group"].as_u64()),
        (Some(1), Some(5))
    );
    let share = row["word_share"].as_f64().unwrap();
    assert!(share > 0.0 && share < 0.01, "{share}");
}

#[test]
fn summary_equals_an_independent_count_on_generated_projects() {
    for seed in [1, 7, 42] {
        let d = tempfile::tempdir().unwrap();
        generate(d.path(), seed);
        let study = load(d.path(), "grupp");
        let coders = ["known", "r1", "r2", "r3"];
        compare_summary(
            &json(d.path(), &["summary", "--format", "json"]),
            &study.summary(&coders),
            "all-coders",
        );
        compare_summary(
            &json(d.path(), &["summary", "--coder", "r2", "--format", "json"]),
            &study.summary(&["r2"]),
            "coder:r2",
        );
        compare_matrix(d.path(), &study, &coders);
    }
}

#[test]
fn summary_of_planned_codings_has_the_known_answers() {
    let d = tempfile::tempdir().unwrap();
    generate(d.path(), 3);
    let rows = json(
        d.path(),
        &["summary", "--coder", "known", "--format", "json"],
    );
    let get = |code: &str, group: Option<&str>| -> (u64, u64, u64, u64, u64) {
        let r = rows
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["code"] == code && r["group"].as_str() == group)
            .unwrap();
        let n = |k: &str| r[k].as_u64().unwrap();
        (
            n("cases"),
            n("cases_in_group"),
            n("interviews"),
            n("interviews_in_group"),
            n("segments"),
        )
    };
    assert_eq!(get("t1", Some("a")), (2, 2, 3, 4, 3));
    assert_eq!(get("t1", Some("b")), (1, 2, 1, 4, 1));
    assert_eq!(get("t1", Some("c")), (0, 2, 0, 2, 0));
    assert_eq!(get("c2", Some("a")), (1, 2, 1, 4, 1));
    assert_eq!(get("t2", Some("c")), (1, 2, 1, 2, 2));
    assert_eq!(get("t1", None), (3, 6, 4, 10, 4));
    // Grouping by another case attribute: C1, C3, C5 are small.
    let by = json(
        d.path(),
        &[
            "summary", "--coder", "known", "--by", "storlek", "--format", "json",
        ],
    );
    let r = by
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["code"] == "t1" && r["group"] == "liten")
        .unwrap();
    assert_eq!(
        (r["cases"].as_u64(), r["cases_in_group"].as_u64()),
        (Some(2), Some(3))
    );
    let r = by
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["code"] == "t1" && r["group"] == "stor")
        .unwrap();
    let diff = r["case_share_difference"].as_f64().unwrap();
    assert!((diff - (1.0 / 3.0 - 2.0 / 3.0)).abs() < 1e-3, "{diff}");
}

fn compare_matrix(dir: &Path, study: &Study, coders: &[&str]) {
    let m = json(dir, &["matrix", "--format", "json"]);
    assert_eq!(m["kind"], "code-case");
    let expected = study.code_case(coders);
    let mut seen = 0;
    for row in m["rows"].as_array().unwrap() {
        let code = row["code"].as_str().unwrap();
        for (case, cell) in row["cells"].as_object().unwrap() {
            let want = expected
                .get(&(code.to_string(), case.clone()))
                .copied()
                .unwrap_or(0);
            assert_eq!(
                cell["segments"].as_u64(),
                Some(want as u64),
                "{code} × {case}"
            );
            assert_eq!(
                cell["present"].as_u64(),
                Some(u64::from(want > 0)),
                "{code} × {case}"
            );
            assert_eq!(cell["coding_ids"].as_array().unwrap().len(), want);
            seen += 1;
        }
    }
    assert_eq!(seen, expected.len());
    let binary = ok(dir, &["matrix", "--format", "csv", "--values", "binary"]);
    let mut rdr = csv::Reader::from_reader(binary.as_bytes());
    let headers = rdr.headers().unwrap().clone();
    for rec in rdr.records() {
        let rec = rec.unwrap();
        for (h, v) in headers.iter().zip(rec.iter()).skip(4) {
            let want = expected[&(rec[1].to_string(), h.to_string())];
            assert_eq!(v, if want > 0 { "1" } else { "0" }, "{} × {h}", &rec[1]);
        }
    }
    let co = json(
        dir,
        &[
            "matrix",
            "--kind",
            "cooccurrence",
            "--unit",
            "overlap",
            "--format",
            "json",
        ],
    );
    assert_eq!(co["unit"], "overlap");
    for row in co["rows"].as_array().unwrap() {
        let a = row["code"].as_str().unwrap();
        for (b, n) in row["counts"].as_object().unwrap() {
            assert_eq!(
                n.as_u64(),
                Some(study.overlap(coders, a, b) as u64),
                "{a} × {b}"
            );
        }
    }
}

#[test]
fn matrix_on_the_sample_equals_an_independent_count() {
    let d = sample();
    let study = load(d.path(), "grupp");
    compare_matrix(d.path(), &study, &SAMPLE_CODERS);
    let table = ok(
        d.path(),
        &[
            "matrix",
            "--kind",
            "cooccurrence",
            "--unit",
            "turn",
            "--themes",
        ],
    );
    assert!(table.starts_with("Layer: all coders merged"), "{table}");
    assert!(
        table.contains("Co-occurrence by turn: speaker turns in which both codes occur"),
        "{table}"
    );
}

#[test]
fn export_segments_has_every_coding_with_case_attributes() {
    let d = sample();
    let study = load(d.path(), "grupp");
    let rows = json(d.path(), &["export", "segments", "--format", "json"]);
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), study.codings.len());
    let fields = [
        "id",
        "doc",
        "case",
        "grupp",
        "mognadsniva",
        "invanare",
        "lan",
        "role",
        "speaker",
        "turn",
        "code",
        "code_path",
        "coder",
        "memo",
        "quote",
        "start",
        "end",
        "layer",
    ];
    for r in rows {
        let keys: Vec<&str> = r.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, fields);
        let group = &study
            .case_group
            .iter()
            .find(|(c, _)| c == r["case"].as_str().unwrap())
            .unwrap()
            .1;
        assert_eq!(r["grupp"].as_str(), Some(group.as_str()));
        assert_eq!(r["speaker"], "Respondent");
    }
    // Recounting the summary from the export gives the same numbers (what a reviewer's script would do).
    let summary = json(d.path(), &["summary", "--format", "json"]);
    for s in summary
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["code"] == "hinder" && r["group"] == "låg")
    {
        let segs = rows
            .iter()
            .filter(|r| {
                r["grupp"] == "låg" && r["code_path"].as_str().unwrap().starts_with("Hinder")
            })
            .count();
        assert_eq!(s["segments"].as_u64(), Some(segs as u64));
    }
    let only_b = json(
        d.path(),
        &[
            "export",
            "segments",
            "--format",
            "json",
            "--coder",
            "praktikant-b",
        ],
    );
    assert!(
        only_b
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["coder"] == "praktikant-b" && r["layer"] == "coder:praktikant-b")
    );
    let out = d.path().join("segments.csv");
    ok(
        d.path(),
        &[
            "export",
            "segments",
            "--format",
            "csv",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    let csv_text = fs::read_to_string(&out).unwrap();
    assert!(csv_text.starts_with("id,doc,case,grupp,mognadsniva,invanare,lan,role,speaker,turn,code,code_path,coder,memo,quote,start,end,layer\n"));
    assert_eq!(
        csv::Reader::from_reader(csv_text.as_bytes())
            .records()
            .count(),
        study.codings.len()
    );
}

#[test]
fn layers_are_chosen_and_named() {
    let d = sample();
    let err = fails(
        d.path(),
        &["summary", "--coder", "praktikant-a", "--all-coders"],
    );
    assert!(err.contains("either --coder NAME or --all-coders"), "{err}");
    let err = fails(d.path(), &["summary", "--coder", "nobody"]);
    assert!(
        err.contains("no coder \"nobody\"") && err.contains("praktikant-a, praktikant-b"),
        "{err}"
    );
    let err = fails(d.path(), &["report", "--coder", "konsensus"]);
    assert!(err.contains("no consensus layer yet"), "{err}");
    // A consensus file: the layer counts it alone, and the merged layer leaves it out.
    let b = fs::read_to_string(d.path().join("codings/praktikant-b.json")).unwrap();
    fs::write(
        d.path().join("codings/konsensus.json"),
        b.replace("\"coder\": \"praktikant-b\"", "\"coder\": \"konsensus\""),
    )
    .unwrap();
    let study = load(d.path(), "grupp");
    let rows = json(
        d.path(),
        &["summary", "--coder", "konsensus", "--format", "json"],
    );
    compare_summary(&rows, &study.summary(&["konsensus"]), "consensus");
    let all = json(d.path(), &["summary", "--format", "json"]);
    compare_summary(&all, &study.summary(&SAMPLE_CODERS), "all-coders");
    let table = ok(d.path(), &["summary", "--coder", "konsensus"]);
    assert!(
        table.starts_with("Layer: the consensus layer (codings/konsensus.json)"),
        "{table}"
    );
    let report = ok(d.path(), &["report", "--coder", "praktikant-b"]);
    assert!(
        report.contains("Siffrorna bygger på kodaren praktikant-b."),
        "{report}"
    );
    assert!(
        report.contains("Lagret har kodningar i sex av tjugo intervjuer"),
        "{report}"
    );
}

#[test]
fn summary_table_reads_like_the_comparison() {
    let d = sample();
    let t = ok(d.path(), &["summary"]);
    let lines: Vec<&str> = t.lines().collect();
    assert!(lines[0].starts_with("Layer: all coders merged (praktikant-a, praktikant-b)"));
    assert!(lines[1].starts_with("Grouped by grupp: hög = 5 cases, 10 interviews"));
    let lead = lines
        .iter()
        .find(|l| l.trim_start().starts_with("Ledningens engagemang"))
        .unwrap();
    assert!(
        lead.starts_with("  Ledningens engagemang"),
        "sub-codes are indented: {lead}"
    );
    assert!(
        lead.contains("5/5") && lead.contains("1/5") && lead.contains("+80 pp"),
        "{lead}"
    );
    let theme = lines
        .iter()
        .position(|l| l.starts_with("Framgångsfaktorer"))
        .unwrap();
    assert!(
        lines[theme + 1].starts_with("  "),
        "a theme comes before its sub-codes"
    );
    let sorted = ok(d.path(), &["summary", "--sort", "difference"]);
    let first = sorted.lines().nth(5).unwrap();
    assert!(first.contains("80 pp"), "{first}");
    let csv_text = ok(d.path(), &["summary", "--format", "csv", "--ids"]);
    assert!(csv_text.starts_with(
        "layer,code,code_name,code_path,level,depth,group,cases,cases_in_group,case_share,"
    ));
    assert!(csv_text.lines().next().unwrap().ends_with(",coding_ids"));
}

/// The quotes of a report: (text, case, role).
fn quotes(report: &str) -> Vec<(String, String, String)> {
    let lines: Vec<&str> = report.lines().collect();
    let mut out = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let Some(inner) = l.strip_prefix("*”").or_else(|| l.strip_prefix("*“")) else {
            continue;
        };
        let text = inner.trim_end().strip_suffix("”*").unwrap();
        let attribution = lines[i + 1].strip_prefix("— ").unwrap();
        let (case, role) = attribution.split_once(", ").unwrap();
        out.push((text.to_string(), case.to_string(), role.to_string()));
    }
    out
}

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            out.extend(chars.next());
        } else {
            out.push(c);
        }
    }
    out
}

/// Every piece of every quote is verbatim in a transcript of the attributed case and role.
fn check_quotes(dir: &Path, report: &str) -> usize {
    let qs = quotes(report);
    for (text, case, role) in &qs {
        let bodies: Vec<String> = fs::read_dir(dir.join("transcripts"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .map(|p| fs::read_to_string(p).unwrap())
            .filter(|t| {
                t.contains(&format!("\ncase: {case}\n")) && t.contains(&format!("\nrole: {role}\n"))
            })
            .collect();
        assert!(
            !bodies.is_empty(),
            "no transcript of {case} with role {role}"
        );
        let text = unescape(text);
        let pieces: Vec<&str> = text
            .split("[…]")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        assert!(!pieces.is_empty());
        assert!(
            bodies.iter().any(|b| pieces.iter().all(|p| b.contains(p))),
            "quote not verbatim in {case} ({role}): {text}"
        );
        let first = pieces[0].chars().next().unwrap();
        assert!(
            text.starts_with("[…]") || first.is_uppercase() || !first.is_alphabetic(),
            "cut mid-sentence without a mark: {text}"
        );
    }
    qs.len()
}

#[test]
fn report_quotes_are_verbatim_and_rightly_attributed() {
    let d = sample();
    let sv = ok(d.path(), &["report"]);
    let n = check_quotes(d.path(), &sv);
    assert_eq!(n, 5 * 2 * 2, "two quotes per theme and group");
    let three = ok(
        d.path(),
        &["report", "--quotes", "3", "--coder", "praktikant-a"],
    );
    assert!(check_quotes(d.path(), &three) > n);
    let en = ok(d.path(), &["report", "--lang", "en"]);
    check_quotes(d.path(), &en);
    let mut cuts = 0;
    for seed in [11, 12, 13, 14] {
        let d2 = tempfile::tempdir().unwrap();
        generate(d2.path(), seed);
        let report = ok(d2.path(), &["report", "--quotes", "3"]);
        check_quotes(d2.path(), &report);
        cuts += report.matches("[…]").count();
    }
    assert!(cuts > 0, "the generated projects exercise cut quotes");
}

#[test]
fn report_in_swedish_matches_the_snapshot() {
    let d = sample();
    let before = snapshot(d.path());
    let sv = ok(d.path(), &["report"]);
    assert_eq!(
        before,
        snapshot(d.path()),
        "a report to stdout changes nothing on disk"
    );
    assert!(sv.contains("## Framgångsfaktorer\n\nAlla fem kommuner med hög självskattning tar upp framgångsfaktorer, jämfört med fyra av fem med låg."));
    insta::assert_snapshot!("report_sv", sv);
}

#[test]
fn report_in_english_has_english_sentences() {
    let d = sample();
    let en = ok(d.path(), &["report", "--lang", "en"]);
    assert!(en.starts_with("# In-depth interviews: analysis and conclusions\n"));
    assert!(en.contains("All five municipalities with high self-assessment raise *Framgångsfaktorer*, compared with four of five with low."), "{en}");
    assert!(
        en.contains("The theme appears in all ten interviews in the high group"),
        "{en}"
    );
    assert!(en.contains("**Municipalities with low self-assessment**"));
    assert!(en.contains("## Appendix: the codings behind the numbers"));
    for swedish in [
        "kommuner med",
        "Temat förekommer",
        "jämfört med",
        "Bilaga",
        "Underkod",
        "avsnitt",
    ] {
        assert!(
            !en.contains(swedish),
            "Swedish text {swedish:?} in the English report"
        );
    }
}

#[test]
fn report_appendix_lists_the_codings_behind_every_number() {
    let d = sample();
    let sv = ok(d.path(), &["report"]);
    let appendix = &sv[sv.find("## Bilaga").unwrap()..];
    let summary = json(d.path(), &["summary", "--format", "json", "--ids"]);
    for r in summary
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["group"].is_string())
    {
        for id in r["coding_ids"].as_array().unwrap() {
            assert!(
                appendix.contains(&format!("`{}`", id.as_str().unwrap())),
                "{id} missing"
            );
        }
    }
    assert!(appendix.contains("- **låg**: 1 av 5 kommuner, 1 av 10 intervjuer, 1 avsnitt"));
}

#[test]
fn report_to_a_file_and_with_an_own_template() {
    let d = sample();
    let out = d.path().join("fynd.md");
    ok(d.path(), &["report", "--out", out.to_str().unwrap()]);
    assert!(
        fs::read_to_string(&out)
            .unwrap()
            .starts_with("# Djupintervjuer, analys och slutsatser\n")
    );
    let tpl = d.path().join("egen.md.j2");
    fs::write(&tpl, "{% for t in themes %}{{ t.name }}: {{ t.numbers.groups[0].cases }}/{{ t.numbers.groups[0].cases_in_group }} {{ 4|words }}\n{% endfor %}").unwrap();
    let own = ok(d.path(), &["report", "--template", tpl.to_str().unwrap()]);
    assert!(
        own.starts_with("Framgångsfaktorer: 5/5 fyra\nHinder: 5/5 fyra\n"),
        "{own}"
    );
    fs::write(
        &tpl,
        "Rad ett\n\n{% for t in themes %}\n{{ t.name }\n{% endfor %}\n",
    )
    .unwrap();
    let err = fails(
        d.path(),
        &[
            "report",
            "--template",
            tpl.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(err.contains("egen.md.j2, line 4"), "{err}");
    fs::write(&tpl, "{{ themes[0].nonexistent }}\n").unwrap();
    let err = fails(d.path(), &["report", "--template", tpl.to_str().unwrap()]);
    assert!(err.contains("line 1") && err.contains("undefined"), "{err}");
    let err = fails(d.path(), &["report", "--quotes", "5"]);
    assert!(err.contains("1, 2 or 3"), "{err}");
}

/// Puts the name into kommun-a-1 in place of the 10-character word "Klartecken", which opens the best quote
/// of the first theme, in the transcript and in the codings that quote it, so offsets stay valid.
fn plant(dir: &Path, replacement: &str) {
    assert_eq!(replacement.chars().count(), 10);
    for p in [
        "transcripts/kommun-a-1.txt",
        "codings/praktikant-a.json",
        "codings/praktikant-b.json",
    ] {
        let path = dir.join(p);
        let text = fs::read_to_string(&path).unwrap();
        fs::write(&path, text.replace("Klartecken", replacement)).unwrap();
    }
    fs::write(
        dir.join("transcripts/pseudonyms.csv"),
        "real;pseudonym\nLjusdal;Kommun Q\nPraktikant A;Intervjuare 1\n",
    )
    .unwrap();
}

#[test]
fn pseudonyms_replace_real_names_in_reports_and_exports() {
    let d = sample();
    plant(d.path(), "Ljusdals k");
    ok(d.path(), &["check"]);
    let sv = ok(d.path(), &["report"]);
    assert!(!sv.contains("Ljusdal"));
    assert!(
        sv.contains("*”Kommun Q:s k från ledningsgruppen"),
        "{}",
        &sv[..1500]
    );
    let rows = json(d.path(), &["export", "segments", "--format", "json"]);
    assert!(
        rows.as_array()
            .unwrap()
            .iter()
            .any(|r| r["quote"].as_str().unwrap().starts_with("Kommun Q:s k"))
    );
    assert!(!rows.to_string().contains("Ljusdal"));
}

#[test]
fn a_leaked_real_name_fails_loudly_and_writes_nothing() {
    let d = sample();
    plant(d.path(), "Ljusdalsbo");
    let out = d.path().join("fynd.md");
    let o = kodbok(d.path(), &["report", "--out", out.to_str().unwrap()]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(
        err.contains("would reveal the real name \"Ljusdal\"")
            && err.contains("nothing was written"),
        "{err}"
    );
    assert!(err.contains("pseudonyms.csv"), "{err}");
    assert!(!out.exists(), "no report file is left behind");
    fs::write(&out, "old draft\n").unwrap();
    fails(d.path(), &["report", "--out", out.to_str().unwrap()]);
    assert_eq!(
        fs::read_to_string(&out).unwrap(),
        "old draft\n",
        "an existing file is not replaced"
    );
    let o = kodbok(d.path(), &["report"]);
    assert!(!o.status.success());
    assert!(o.stdout.is_empty(), "nothing reaches standard output");
    let o = kodbok(d.path(), &["export", "segments", "--format", "json"]);
    assert!(!o.status.success() && o.stdout.is_empty());
    let csv_out = d.path().join("seg.csv");
    fails(
        d.path(),
        &["export", "segments", "--out", csv_out.to_str().unwrap()],
    );
    assert!(!csv_out.exists());
    let leftovers: Vec<_> = fs::read_dir(d.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(
        leftovers
            .iter()
            .all(|n| !n.to_string_lossy().contains(".tmp")),
        "{leftovers:?}"
    );
}

#[test]
fn a_bad_pseudonym_map_is_reported_with_its_line() {
    let d = sample();
    fs::write(
        d.path().join("transcripts/pseudonyms.csv"),
        "real,pseudonym\nLjusdal,Kommun Q\nLjusdal,Kommun R\n",
    )
    .unwrap();
    let err = fails(d.path(), &["report"]);
    assert!(
        err.contains("pseudonyms.csv:3: \"Ljusdal\" is mapped twice"),
        "{err}"
    );
}

#[test]
fn the_consensus_layer_built_by_kodbok_is_counted_alone() {
    let d = sample();
    ok(d.path(), &["consensus", "seed"]);
    let study = load(d.path(), "grupp");
    let rows = json(
        d.path(),
        &["summary", "--coder", "konsensus", "--format", "json"],
    );
    compare_summary(&rows, &study.summary(&["konsensus"]), "consensus");
    let all = json(d.path(), &["summary", "--all-coders", "--format", "json"]);
    compare_summary(&all, &study.summary(&SAMPLE_CODERS), "all-coders");
    let report = ok(d.path(), &["report", "--coder", "konsensus"]);
    assert!(report.contains("Siffrorna bygger på konsensuslagret (codings/konsensus.json)."));
    check_quotes(d.path(), &report);
}

#[test]
fn real_case_names_are_pseudonymised_everywhere() {
    let d = tempfile::tempdir().unwrap();
    generate(d.path(), 5);
    fs::write(
        d.path().join("transcripts/pseudonyms.csv"),
        "real,pseudonym\nC1,Kommun Ett\nC2,Kommun Två\nC3,Kommun Tre\nC4,Kommun Fyra\nC5,Kommun Fem\nC6,Kommun Sex\n",
    )
    .unwrap();
    let outputs = [
        ok(d.path(), &["matrix", "--format", "csv"]),
        ok(d.path(), &["matrix", "--format", "json"]),
        ok(d.path(), &["matrix"]),
        ok(d.path(), &["export", "segments", "--format", "csv"]),
        ok(d.path(), &["report"]),
        ok(d.path(), &["summary", "--by", "storlek"]),
    ];
    for (i, out) in outputs.iter().enumerate() {
        // The summary names no cases; everything else does.
        assert!(i == 5 || out.contains("Kommun Ett"), "{out}");
        for real in ["C1", "C2", "C5"] {
            let word = regex_free_word(out, real);
            assert!(!word, "{real} in {out}");
        }
    }
    let table = &outputs[2];
    let header = table.lines().nth(3).unwrap();
    assert!(
        header.contains("Kommun Ett  Kommun Två"),
        "columns stay aligned: {header}"
    );
}

/// Whether `name` occurs in `text` as a whole word.
fn regex_free_word(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(i, _)| {
        let before = text[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after = text[i + name.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        before && after
    })
}
