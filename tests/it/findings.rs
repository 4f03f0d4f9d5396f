//! Black-box tests of the findings outputs: the Word report, Excel workbooks, the themes chart, Fisher's test in
//! `summary`, bootstrap intervals in `agree`, co-occurrence strength, saturation and the consensus decision log.

pub(crate) mod office;

use crate::common::*;
use serde_json::Value;
use std::fs;
use std::path::Path;

fn rows(v: &Value) -> &Vec<Value> {
    v.as_array().expect("rows")
}

fn summary_rows(dir: &Path) -> Value {
    json(dir, &["summary", "--format", "json"])
}

/// The (code name, group) → "k/n" cases of the summary JSON.
fn case_counts(summary: &Value) -> std::collections::BTreeMap<(String, String), String> {
    rows(summary)
        .iter()
        .filter(|r| !r["group"].is_null())
        .map(|r| {
            (
                (
                    r["code_name"].as_str().unwrap().to_string(),
                    r["group"].as_str().unwrap().to_string(),
                ),
                format!("{}/{}", r["cases"], r["cases_in_group"]),
            )
        })
        .collect()
}

#[test]
fn docx_report_is_a_valid_package_with_styles_tables_quotes_and_the_chart() {
    let d = sample();
    let out = d.path().join("fynd.docx");
    ok(
        d.path(),
        &[
            "report",
            "--format",
            "docx",
            "--out",
            out.to_str().unwrap(),
            "--stats",
        ],
    );
    let bytes = fs::read(&out).unwrap();
    let p = office::check_package(&bytes);
    assert!(
        p.keys()
            .any(|k| k.starts_with("word/media/") && !k.ends_with('/')),
        "the chart is embedded: {:?}",
        p.keys()
    );
    let png = p
        .iter()
        .find(|(k, _)| k.starts_with("word/media/") && !k.ends_with('/'))
        .unwrap()
        .1;
    assert!(png.starts_with(&[137, 80, 78, 71]), "a PNG");
    let doc = office::read_docx(&p["word/document.xml"]);
    let styles: Vec<&str> = doc.paragraphs.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(styles.iter().filter(|s| **s == "Heading1").count(), 1);
    assert!(styles.iter().filter(|s| **s == "Heading2").count() >= 5);
    assert!(styles.contains(&"Caption"));
    let caption = doc.paragraphs.iter().find(|x| x.0 == "Caption").unwrap();
    assert!(caption.1.starts_with("Figur 1."), "{}", caption.1);
    let st = String::from_utf8_lossy(&p["word/styles.xml"]).into_owned();
    for name in ["heading 1", "heading 2", "caption", "Quote"] {
        assert!(st.contains(&format!("w:val=\"{name}\"")), "style {name}");
    }
    // Every sub-code table row holds the summary's k/n for each group.
    let counts = case_counts(&summary_rows(d.path()));
    let mut checked = 0;
    for t in doc.tables.iter().filter(|t| t[0][0] == "Underkod") {
        assert!(
            t[0][1].starts_with("hög") && t[0][3].starts_with("låg"),
            "{:?}",
            t[0]
        );
        for r in &t[1..] {
            let name = r[0].trim_start_matches("› ").to_string();
            assert_eq!(r[1], counts[&(name.clone(), "hög".to_string())], "{name}");
            assert_eq!(r[3], counts[&(name.clone(), "låg".to_string())], "{name}");
            checked += 1;
        }
    }
    assert!(checked > 10, "{checked} rows checked");
    // Every quote is verbatim text of a transcript, in ” ”, italic, with an attribution.
    let texts: Vec<String> = fs::read_dir(d.path().join("transcripts"))
        .unwrap()
        .map(|e| fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let all = norm(&texts.join("\n"));
    let quotes: Vec<&(String, String, String)> = doc
        .paragraphs
        .iter()
        .filter(|x| x.2.starts_with('”'))
        .collect();
    assert!(quotes.len() >= 10, "{} quotes", quotes.len());
    for (_, text, italic) in quotes {
        let inner = italic.trim_start_matches('”').trim_end_matches('”');
        for piece in inner.split("[…]") {
            let piece = norm(piece.trim());
            assert!(
                piece.is_empty() || all.contains(&piece),
                "not verbatim: {piece}"
            );
        }
        assert!(text.contains("\n— Kommun "), "attribution: {text}");
    }
    // The Fisher section and its caution.
    let fisher = doc
        .tables
        .iter()
        .find(|t| t[0][0] == "Kod")
        .expect("Fisher table");
    assert_eq!(fisher[0].last().unwrap(), "oddskvot");
    assert!(
        doc.paragraphs
            .iter()
            .any(|x| x.1.contains("kan nästan ingen skillnad visas statistiskt"))
    );
    assert!(
        !doc.paragraphs
            .iter()
            .any(|x| x.1.to_lowercase().contains("signifikant"))
    );
}

#[test]
fn docx_converts_with_libreoffice_when_it_is_installed() {
    let Some(soffice) = ["soffice", "libreoffice"].into_iter().find(|b| {
        std::process::Command::new(b)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    }) else {
        eprintln!("skipped: neither soffice nor libreoffice is installed");
        return;
    };
    let d = sample();
    let out = d.path().join("fynd.docx");
    ok(
        d.path(),
        &["report", "--format", "docx", "--out", out.to_str().unwrap()],
    );
    let profile = d.path().join("lo-profile");
    let status = std::process::Command::new(soffice)
        .args([
            &format!("-env:UserInstallation=file://{}", profile.display()),
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            d.path().to_str().unwrap(),
            out.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let pdf = fs::read(d.path().join("fynd.pdf")).expect("a PDF");
    assert!(
        pdf.starts_with(b"%PDF") && pdf.len() > 20_000,
        "{} bytes",
        pdf.len()
    );
}

#[test]
fn summary_xlsx_holds_the_json_numbers_with_frozen_filtered_header() {
    let d = sample();
    let out = d.path().join("s.xlsx");
    ok(
        d.path(),
        &[
            "summary",
            "--format",
            "xlsx",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    let p = office::check_package(&fs::read(&out).unwrap());
    let grid = office::read_sheet(&p, 1);
    let json = summary_rows(d.path());
    let head = &grid[0];
    let col = |name: &str| {
        head.iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    };
    assert_eq!(grid.len() - 1, rows(&json).len());
    for (r, j) in grid[1..].iter().zip(rows(&json)) {
        assert_eq!(r[col("code")], j["code"].as_str().unwrap());
        assert_eq!(r[col("group")], j["group"].as_str().unwrap_or(""));
        for k in [
            "cases",
            "interviews",
            "segments",
            "case_share",
            "fisher_p",
            "odds_ratio",
        ] {
            let cell = r.get(col(k)).cloned().unwrap_or_default();
            match j[k].as_f64() {
                Some(x) => assert!(
                    (cell.parse::<f64>().unwrap() - x).abs() < 1e-9,
                    "{k}: {cell} vs {x}"
                ),
                None => assert_eq!(cell, "", "{k}"),
            }
        }
    }
    let sheet = String::from_utf8_lossy(&p["xl/worksheets/sheet1.xml"]).into_owned();
    assert!(sheet.contains("ySplit=\"1\"") && sheet.contains("<autoFilter"));
    assert!(!sheet.contains("<f>"));
    let styles = String::from_utf8_lossy(&p["xl/styles.xml"]).into_owned();
    assert!(styles.contains("0.0%"));
    assert!(grid.iter().flatten().any(|c| c == "hög") && grid.iter().flatten().any(|c| c == "låg"));
    // Without --out, xlsx is refused and nothing is written.
    let o = kodbok(d.path(), &["summary", "--format", "xlsx"]);
    assert!(!o.status.success() && stderr(&o).contains("--out"));
}

#[test]
fn matrix_export_agree_and_saturation_write_workbooks() {
    let d = sample();
    let path = |n: &str| d.path().join(n).to_str().unwrap().to_string();
    ok(
        d.path(),
        &[
            "matrix",
            "--kind",
            "cooccurrence",
            "--format",
            "xlsx",
            "--out",
            &path("m.xlsx"),
        ],
    );
    let p = office::check_package(&fs::read(path("m.xlsx")).unwrap());
    let book = String::from_utf8_lossy(&p["xl/workbook.xml"]).into_owned();
    assert!(book.contains("name=\"cooccurrence\"") && book.contains("name=\"pairs\""));
    ok(
        d.path(),
        &[
            "export",
            "segments",
            "--format",
            "xlsx",
            "--out",
            &path("e.xlsx"),
        ],
    );
    let p = office::check_package(&fs::read(path("e.xlsx")).unwrap());
    let grid = office::read_sheet(&p, 1);
    let json = json(d.path(), &["export", "segments", "--format", "json"]);
    assert_eq!(grid.len() - 1, rows(&json).len());
    let q = grid[0].iter().position(|h| h == "quote").unwrap();
    for (r, j) in grid[1..].iter().zip(rows(&json)) {
        assert_eq!(r[q], j["quote"].as_str().unwrap());
    }
    ok(
        d.path(),
        &[
            "agree",
            "--coders",
            "praktikant-a,praktikant-b",
            "--format",
            "xlsx",
            "--out",
            &path("a.xlsx"),
            "--bootstrap",
            "200",
        ],
    );
    let p = office::check_package(&fs::read(path("a.xlsx")).unwrap());
    let grid = office::read_sheet(&p, 1);
    assert!(grid[0].contains(&"alpha_lower".to_string()) && grid[0].contains(&"ac1".to_string()));
    ok(
        d.path(),
        &["saturation", "--format", "xlsx", "--out", &path("sat.xlsx")],
    );
    office::check_package(&fs::read(path("sat.xlsx")).unwrap());
}

#[test]
fn themes_chart_has_a_labelled_bar_per_code_and_group() {
    let d = sample();
    let svg_path = d.path().join("teman.svg");
    ok(
        d.path(),
        &[
            "summary",
            "--chart",
            svg_path.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    let svg = fs::read_to_string(&svg_path).unwrap();
    office::parse_all("svg", svg.as_bytes());
    let labels: Vec<String> = {
        let mut out = Vec::new();
        let mut rest = svg.as_str();
        while let Some(i) = rest.find("<text") {
            let body = &rest[i..];
            let s = body.find('>').unwrap() + 1;
            let e = body.find("</text>").unwrap();
            out.push(body[s..e].trim().to_string());
            rest = &body[e..];
        }
        out
    };
    let bars: Vec<&String> = labels
        .iter()
        .filter(|l| l.starts_with("hög ") || l.starts_with("låg "))
        .collect();
    let counts = case_counts(&summary_rows(d.path()));
    assert_eq!(bars.len(), counts.len(), "one bar label per code and group");
    let mut want: Vec<String> = counts
        .iter()
        .map(|((_, g), kn)| format!("{g} {kn}"))
        .collect();
    let mut got: Vec<String> = bars.iter().map(|s| s.to_string()).collect();
    want.sort();
    got.sort();
    assert_eq!(got, want);
    let o = kodbok(d.path(), &["summary", "--chart", "x.png"]);
    assert!(!o.status.success() && stderr(&o).contains(".svg"));
}

#[test]
fn summary_carries_fisher_p_and_odds_ratio() {
    let d = sample();
    let all = summary_rows(d.path());
    let row = rows(&all)
        .iter()
        .find(|r| r["code"] == "ledningens-engagemang" && r["group"] == "hög")
        .unwrap();
    // scipy.stats.fisher_exact([[5, 0], [1, 4]]) = (inf, 0.047619047619047616)
    assert!((row["fisher_p"].as_f64().unwrap() - 0.047619047619047616).abs() < 1e-12);
    assert!(row["odds_ratio"].is_null());
    let csv = ok(d.path(), &["summary", "--format", "csv"]);
    assert!(csv.lines().next().unwrap().contains("fisher_p,odds_ratio"));
    let en = ok(d.path(), &["report", "--lang", "en", "--stats"]);
    assert!(en.contains("almost no difference can be shown statistically"));
    assert!(
        en.contains("0.048"),
        "the headline p-value in the English table"
    );
    let sv = ok(d.path(), &["report", "--stats"]);
    assert!(sv.contains("0,048") && sv.contains("Fishers exakta test"));
}

#[test]
fn bootstrap_intervals_are_reproducible_with_the_seed() {
    let d = sample();
    let args = |seed: &str| -> Vec<String> {
        [
            "agree",
            "--coders",
            "praktikant-a,praktikant-b",
            "--format",
            "json",
            "--bootstrap",
            "300",
            "--seed",
            seed,
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    };
    let run = |seed: &str| {
        let a = args(seed);
        json(d.path(), &a.iter().map(String::as_str).collect::<Vec<_>>())
    };
    let (a, b, c) = (run("7"), run("7"), run("8"));
    assert_eq!(a, b);
    assert_ne!(a["pooled"]["intervals"], c["pooled"]["intervals"]);
    let pooled = &a["pooled"];
    let alpha = pooled["krippendorff_alpha"].as_f64().unwrap();
    let ci = &pooled["intervals"]["krippendorff_alpha"];
    assert!(ci["lower"].as_f64().unwrap() <= alpha && alpha <= ci["upper"].as_f64().unwrap());
    assert_eq!(a["bootstrap"]["replicates"], 300);
    // Two categories: Brennan–Prediger is 2·p_a − 1.
    let pa = pooled["percent_agreement"].as_f64().unwrap() / 100.0;
    assert!((pooled["brennan_prediger"].as_f64().unwrap() - (2.0 * pa - 1.0)).abs() < 1e-9);
    assert!(pooled["gwet_ac1"].as_f64().unwrap() >= pooled["cohen_kappa"].as_f64().unwrap());
    let table = ok(
        d.path(),
        &[
            "agree",
            "--coders",
            "praktikant-a,praktikant-b",
            "--bootstrap",
            "200",
        ],
    );
    assert!(
        table.contains("alpha_ci")
            && table.contains("ac1")
            && table.contains("percentile interval")
    );
    let bad = kodbok(
        d.path(),
        &[
            "agree",
            "--coders",
            "praktikant-a,praktikant-b",
            "--bootstrap",
            "5",
        ],
    );
    assert!(!bad.status.success());
}

#[test]
fn cooccurrence_pairs_carry_c_coefficient_and_jaccard() {
    let d = sample();
    let m = json(
        d.path(),
        &[
            "matrix",
            "--kind",
            "cooccurrence",
            "--unit",
            "turn",
            "--format",
            "json",
        ],
    );
    let pairs = rows(&m["pairs"]);
    assert!(!pairs.is_empty());
    for p in pairs {
        let (a, b, ab) = (
            p["n_a"].as_f64().unwrap(),
            p["n_b"].as_f64().unwrap(),
            p["n_ab"].as_f64().unwrap(),
        );
        let c = p["c_coefficient"].as_f64().unwrap();
        assert!((c - ((ab / (a + b - ab)) * 10_000.0).round() / 10_000.0).abs() < 1e-9);
        assert!(c <= 1.0, "turns: c within 0–1");
        let j = p["jaccard"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&j));
        assert_eq!(p["lopsided"].as_bool().unwrap(), a.max(b) >= 5.0 * a.min(b));
    }
    let csv = ok(
        d.path(),
        &[
            "matrix",
            "--kind",
            "cooccurrence",
            "--pairs",
            "--format",
            "csv",
        ],
    );
    assert!(csv.starts_with("layer,code_a,"));
}

#[test]
fn saturation_counts_first_appearances_in_a_given_order() {
    let d = sample();
    let docs: Vec<String> = (b'a'..=b'j')
        .flat_map(|c| {
            [
                format!("kommun-{}-1", c as char),
                format!("kommun-{}-2", c as char),
            ]
        })
        .collect();
    let order = docs.join(",");
    let s = json(
        d.path(),
        &["saturation", "--order", &order, "--format", "json"],
    );
    let all = &s["curves"][0];
    assert!(all["group"].is_null());
    let steps = rows(&all["steps"]);
    assert_eq!(steps.len(), 20);
    let mut seen = std::collections::BTreeSet::new();
    let seg = json(d.path(), &["export", "segments", "--format", "json"]);
    for (i, st) in steps.iter().enumerate() {
        assert_eq!(st["doc"], docs[i].as_str());
        let here: std::collections::BTreeSet<String> = rows(&seg)
            .iter()
            .filter(|r| r["doc"] == docs[i].as_str())
            .map(|r| r["code"].as_str().unwrap().to_string())
            .collect();
        let new: Vec<&String> = here.iter().filter(|c| !seen.contains(*c)).collect();
        assert_eq!(
            st["new_codes"].as_array().unwrap().len(),
            new.len(),
            "{}",
            docs[i]
        );
        seen.extend(here);
        assert_eq!(st["cumulative"].as_u64().unwrap() as usize, seen.len());
    }
    assert_eq!(s["curves"].as_array().unwrap().len(), 3);
    let svg = d.path().join("sat.svg");
    let table = ok(d.path(), &["saturation", "--chart", svg.to_str().unwrap()]);
    assert!(table.contains("new in the last two interviews"));
    let text = fs::read_to_string(svg).unwrap();
    assert!(text.contains("hög (") && text.contains("låg ("));
    let bad = kodbok(d.path(), &["saturation", "--order", "kommun-a-1,nope"]);
    assert!(!bad.status.success() && stderr(&bad).contains("nope"));
}

#[test]
fn consensus_decisions_are_logged_undone_and_reported() {
    let d = sample();
    let p = d.path();
    let list = json(
        p,
        &[
            "agree",
            "--coders",
            "praktikant-a,praktikant-b",
            "--disagreements",
            "--format",
            "json",
        ],
    );
    let ids: Vec<&str> = rows(&list)
        .iter()
        .take(3)
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    ok(
        p,
        &[
            "consensus",
            "take",
            "neither",
            ids[0],
            "--note",
            "ingen av dem träffar koden",
        ],
    );
    ok(p, &["consensus", "take", "A", ids[1]]);
    ok(p, &["consensus", "take", "both", ids[2]]);
    let show = json(p, &["consensus", "show", ids[0], "--format", "json"]);
    assert_eq!(show[0]["decision"]["choice"], "neither");
    assert_eq!(show[0]["decision"]["by"], "tester");
    assert_eq!(show[0]["decision"]["note"], "ingen av dem träffar koden");
    ok(p, &["consensus", "undo", ids[0]]);
    let show = ok(p, &["consensus", "show", ids[0]]);
    assert!(show.contains("not decided yet"), "{show}");
    let log = json(p, &["consensus", "log", "--format", "json"]);
    let entries = rows(&log);
    assert_eq!(entries.len(), 4);
    assert_eq!(entries[3]["choice"], "undo");
    assert_eq!(entries[3]["undoes"], 1);
    let lines = fs::read_to_string(p.join("codings/konsensus.decisions.jsonl")).unwrap();
    assert_eq!(lines.lines().count(), 4);
    let report = ok(p, &["report", "--coder", "konsensus"]);
    assert!(
        report.contains(
            "2 beslut gäller (1 enligt praktikant-a, 0 enligt praktikant-b, 1 båda, 0 ingen av dem)"
        ),
        "{report}"
    );
    assert!(report.contains("1 beslut ångrades"));
    let bad = kodbok(p, &["consensus", "undo", ids[0]]);
    assert!(!bad.status.success() && stderr(&bad).contains("no decision in force"));
}

#[test]
fn workbench_decisions_and_undos_go_into_the_log() {
    let d = sample();
    let mut s = session(d.path(), "praktikant-a", 100, 30);
    // Decide row 0 as A, row 1 as neither; undo the neither.
    feed(&mut s, "Kax");
    assert_eq!(s.state.agree.decided[..2], ["A", "neither"]);
    let id1 = s.state.agree.rows[1].id.clone();
    feed(&mut s, "u");
    assert_eq!(s.state.agree.decided[1], "open");
    let log = json(d.path(), &["consensus", "log", "--format", "json"]);
    let entries = rows(&log);
    let choices: Vec<&str> = entries
        .iter()
        .map(|e| e["choice"].as_str().unwrap())
        .collect();
    assert_eq!(choices, ["A", "neither", "undo"]);
    assert!(entries.iter().all(|e| e["by"] == "praktikant-a"));
    assert_eq!(entries[2]["unit"], id1.as_str());
    assert_eq!(entries[2]["undoes"], 2);
    // A new session reads the log: "neither" decided elsewhere shows as neither, not as open.
    ok(
        d.path(),
        &[
            "consensus",
            "take",
            "neither",
            &id1,
            "--coders",
            "praktikant-a,praktikant-b",
        ],
    );
    drop(s);
    let mut s = session(d.path(), "praktikant-a", 100, 30);
    feed(&mut s, "K");
    let row = s.state.agree.rows.iter().position(|r| r.id == id1).unwrap();
    assert_eq!(s.state.agree.decided[row], "neither");
}
