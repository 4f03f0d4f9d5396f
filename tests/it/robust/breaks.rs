//! The breaks found when the product was attacked (issue 11), each reproduced against the real binary.

use crate::common::{fails, kodbok, ok, sample, stderr, stdout};
use std::fs;
use std::path::Path;
use std::process::Command;

fn run_as(dir: &Path, coder: &str, args: &[&str]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_kodbok"))
        .current_dir(dir)
        .env("KODBOK_CODER", coder)
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap()
}

fn log(dir: &Path, coder: &str) -> serde_json::Value {
    let p = dir.join(".kodbok/batches").join(format!("{coder}.json"));
    serde_json::from_slice(&fs::read(p).unwrap()).unwrap()
}

fn ids(dir: &Path, coder: &str) -> Vec<String> {
    let p = dir.join("codings").join(format!("{coder}.json"));
    let v: serde_json::Value = serde_json::from_slice(&fs::read(p).unwrap()).unwrap();
    v["codings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect()
}

/// Break 1: two coders auto-coding at once kept every batch, and undo takes exactly the last one.
#[test]
fn concurrent_autocode_keeps_every_batch_and_undo_takes_the_last() {
    let d = sample();
    ok(d.path(), &["search", "resurs"]);
    let queries = ["resurs", "ledning", "kompetens", "incident", "budget"];
    for q in queries {
        let mut a = run_as(d.path(), "kodare-a", &["autocode", q, "--code", "natverk"]);
        let mut b = run_as(d.path(), "kodare-b", &["autocode", q, "--code", "natverk"]);
        assert!(a.wait().unwrap().success() && b.wait().unwrap().success());
    }
    for coder in ["kodare-a", "kodare-b"] {
        let l = log(d.path(), coder);
        let batches = l["batches"].as_array().unwrap();
        let qs: Vec<&str> = batches
            .iter()
            .map(|b| b["query"].as_str().unwrap())
            .collect();
        assert_eq!(qs, queries, "{coder}'s log");
    }
    let last: Vec<String> = log(d.path(), "kodare-a")["batches"][4]["codings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    let before = ids(d.path(), "kodare-a");
    let out = Command::new(env!("CARGO_BIN_EXE_kodbok"))
        .current_dir(d.path())
        .env("KODBOK_CODER", "kodare-a")
        .args(["autocode", "--undo"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("\"budget\""), "{}", stdout(&out));
    let after = ids(d.path(), "kodare-a");
    assert_eq!(before.len() - after.len(), last.len());
    assert!(last.iter().all(|id| !after.contains(id)));
    assert_eq!(
        log(d.path(), "kodare-b")["batches"]
            .as_array()
            .unwrap()
            .len(),
        5
    );
}

/// Breaks 2 and 3: a damaged index (garbage in every segment file, a stray file tantivy wants to
/// create) is rebuilt with one line saying so, never a panic or a lasting error.
#[test]
fn a_damaged_index_is_rebuilt_with_one_line() {
    let d = sample();
    ok(d.path(), &["search", "resurs"]);
    let idx = d.path().join(".kodbok/index");
    let mut n = 0;
    for e in fs::read_dir(&idx).unwrap().flatten() {
        let p = e.path();
        let ext = p.extension().map(|x| x.to_string_lossy().to_string());
        if matches!(
            ext.as_deref(),
            Some("term" | "store" | "idx" | "fieldnorm" | "pos")
        ) {
            let mut bytes = fs::read(&p).unwrap();
            let mid = bytes.len() / 2;
            for (i, b) in bytes.iter_mut().enumerate().skip(mid).take(64) {
                *b ^= 0x5a ^ (i as u8);
            }
            fs::write(&p, bytes).unwrap();
            n += 1;
        }
    }
    assert!(n > 0);
    for q in ["ledningn~1", "resurs"] {
        let o = kodbok(d.path(), &["search", q]);
        assert!(o.status.success(), "{q}: {}", stderr(&o));
        assert_ne!(o.status.code(), Some(101));
    }
    let first = kodbok(d.path(), &["search", "ledning"]);
    assert!(first.status.success());
    // damaged once more: the run that finds it says so in one line
    for e in fs::read_dir(&idx).unwrap().flatten() {
        if e.path().extension().is_some_and(|x| x == "term") {
            fs::write(e.path(), b"garbage").unwrap();
        }
    }
    let o = kodbok(d.path(), &["search", "ledning"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    let said: Vec<&str> = err.lines().filter(|l| l.contains("index")).collect();
    assert_eq!(said.len(), 1, "{err}");
    assert!(said[0].contains("built the search index"), "{err}");
}

/// Break 4: a lock file that is a symbolic link is refused and its target is left alone.
#[cfg(unix)]
#[test]
fn a_symlinked_lock_is_refused() {
    let d = sample();
    let outside = tempfile::tempdir().unwrap();
    let precious = outside.path().join("precious.txt");
    fs::write(&precious, "do not empty me").unwrap();
    let locks = d.path().join(".kodbok/locks");
    fs::create_dir_all(&locks).unwrap();
    std::os::unix::fs::symlink(&precious, locks.join("coder-tester.lock")).unwrap();
    let err = fails(
        d.path(),
        &["code", "kommun-a-1", "--code", "hinder", "--turn", "2"],
    );
    assert!(err.contains("symbolic link"), "{err}");
    assert_eq!(fs::read_to_string(&precious).unwrap(), "do not empty me");
}

/// Break 5: a transcript that links out of the project is refused, never read or indexed.
#[cfg(unix)]
#[test]
fn a_transcript_linking_outside_is_refused() {
    let d = sample();
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.txt");
    fs::write(
        &secret,
        "---\nid: hemlig\ncase: Kommun A\n---\n\nA: hemligtord\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(&secret, d.path().join("transcripts/hemlig.txt")).unwrap();
    for args in [&["check"][..], &["search", "hemligtord"], &["docs"]] {
        let o = kodbok(d.path(), args);
        let all = format!("{}{}", stdout(&o), stderr(&o));
        assert!(!o.status.success(), "{args:?}: {all}");
        assert!(all.contains("outside the project"), "{args:?}: {all}");
        assert!(!stdout(&o).contains("hemligtord"));
    }
    // a link inside the project is fine
    fs::remove_file(d.path().join("transcripts/hemlig.txt")).unwrap();
    std::os::unix::fs::symlink("kommun-a-1.txt", d.path().join("transcripts/lank.txt")).unwrap();
    let o = kodbok(d.path(), &["check"]);
    assert!(!stdout(&o).contains("outside the project"));
}

fn has_controls(s: &str) -> bool {
    s.chars().any(|c| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200b}'..='\u{200f}' | '\u{61c}')
    })
}

/// Break 6: escapes and bidi characters from a file or an argument never reach the terminal.
#[test]
fn escapes_never_reach_the_terminal() {
    let d = sample();
    let p = d.path();
    let evil = "Ond\u{1b}]0;pwned\u{7}\u{202e}kod";
    ok(p, &["codes", "add", evil, "--id", "ond"]);
    ok(p, &["code", "kommun-a-1", "--code", "ond", "--turn", "2"]);
    let t = p.join("transcripts/kommun-a-1.txt");
    let text = fs::read_to_string(&t).unwrap();
    fs::write(
        &t,
        text.replace("role: kommunchef", "role: \u{1b}]0;titel\u{7}chef"),
    )
    .unwrap();
    let src = p.join("ond\u{1b}[31mfil.txt");
    fs::write(&src, "A: Hej.\n").unwrap();
    let cmds: Vec<Vec<&str>> = vec![
        vec!["codes"],
        vec!["summary", "--by", "role"],
        vec!["report"],
        vec!["export", "segments", "--format", "csv"],
        vec!["segments"],
        vec!["import", "--case", "Kommun A", src.to_str().unwrap()],
        vec!["code", "kommun-a-1", "--code", "\u{1b}[2J"],
    ];
    for args in cmds {
        let o = kodbok(p, &args);
        for (name, s) in [("stdout", stdout(&o)), ("stderr", stderr(&o))] {
            assert!(!has_controls(&s), "{args:?} {name}: {s:?}");
        }
    }
}

fn csv_cells(text: &str) -> Vec<String> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    r.records()
        .flat_map(|rec| rec.unwrap().iter().map(str::to_string).collect::<Vec<_>>())
        .collect()
}

/// A cell a spreadsheet would run as a formula (plain negative numbers are values).
fn live(cell: &str) -> bool {
    let formula_start = cell.starts_with(['=', '+', '@', '\t', '\r']);
    formula_start || (cell.starts_with('-') && cell.parse::<f64>().is_err())
}

/// Break 7: formula cells are neutralised in every CSV the product writes.
#[test]
fn csv_formula_cells_are_neutralised() {
    let d = sample();
    let p = d.path();
    let cases = p.join("transcripts/cases.csv");
    let text = fs::read_to_string(&cases).unwrap();
    fs::write(
        &cases,
        text.replace("Västra Götaland", "=HYPERLINK(\"http://x\";\"klick\")"),
    )
    .unwrap();
    ok(p, &["codes", "add", "@SUM(A1)", "--id", "formel"]);
    ok(
        p,
        &["code", "kommun-a-1", "--code", "formel", "--turn", "2"],
    );
    let outs = [
        ok(p, &["export", "segments", "--format", "csv"]),
        ok(p, &["matrix", "--format", "csv"]),
        ok(p, &["summary", "--format", "csv"]),
        ok(p, &["search", "resurs", "--format", "csv"]),
        ok(p, &["segments", "--format", "csv"]),
    ];
    let mut seen = 0;
    for out in &outs {
        for cell in csv_cells(out) {
            assert!(!live(&cell), "live formula cell {cell:?}");
            seen += usize::from(cell.starts_with("'=") || cell.starts_with("'@"));
        }
    }
    assert!(seen >= 2, "the formula cells were expected in the output");
}

/// Break 8: codes nest at most a few levels, and a deeper file gets a clear error.
#[test]
fn codebook_depth_is_limited() {
    let d = sample();
    let p = d.path();
    let mut parent = "hinder".to_string();
    let mut refused = None;
    for i in 0..20 {
        let id = format!("niva{i}");
        let o = kodbok(p, &["codes", "add", &id, "--id", &id, "--parent", &parent]);
        if !o.status.success() {
            refused = Some((i, stderr(&o)));
            break;
        }
        parent = id;
    }
    let (at, err) = refused.expect("deep nesting was accepted");
    assert!(at < 10 && err.contains("levels"), "{at}: {err}");
    ok(p, &["check"]);
    // a hand-made file nested 70 deep
    let mut code = serde_json::json!({"id": "x70", "name": "x70"});
    for i in (0..70).rev() {
        code =
            serde_json::json!({"id": format!("x{i}"), "name": format!("x{i}"), "children": [code]});
    }
    let book = serde_json::json!({"version": 1, "codes": [code]});
    fs::write(
        p.join("codebook.json"),
        serde_json::to_string(&book).unwrap(),
    )
    .unwrap();
    let err = fails(p, &["check"]);
    assert!(
        err.contains("codebook.json") && err.contains("levels"),
        "{err}"
    );
    assert!(!err.contains("recursion limit exceeded"), "{err}");
}

/// Break 9: a bad colour is refused with its position, a path-like header id is refused, stale
/// temps are removed, mostly-UTF-8 stays UTF-8, and a DTD in a .docx is named as the reason.
#[test]
fn smaller_breaks() {
    let d = sample();
    let p = d.path();
    let cb = p.join("codebook.json");
    let good = fs::read_to_string(&cb).unwrap();
    fs::write(
        &cb,
        good.replacen("\"color\": \"#c62828\"", "\"color\": \"röd\"", 1),
    )
    .unwrap();
    let err = fails(
        p,
        &["code", "kommun-a-1", "--code", "hinder", "--turn", "2"],
    );
    assert!(
        err.contains("codebook.json:") && err.contains("röd"),
        "{err}"
    );
    let line = err.split("codebook.json:").nth(1).unwrap();
    assert!(
        line.split(':').next().unwrap().parse::<usize>().is_ok(),
        "{err}"
    );
    fs::write(&cb, &good).unwrap();

    // `code` reads only the transcript it codes: a path-like id there is refused at its line, one
    // in another transcript is left to `check`
    let coded = p.join("transcripts/kommun-a-1.txt");
    let coded_text = fs::read_to_string(&coded).unwrap();
    fs::write(&coded, coded_text.replace("id: kommun-a-1", "id: ../../x")).unwrap();
    let other = p.join("transcripts/kommun-a-2.txt");
    let other_text = fs::read_to_string(&other).unwrap();
    fs::write(&other, other_text.replace("id: kommun-a-2", "id: ../../y")).unwrap();
    let before = crate::common::snapshot(p);
    let err = fails(
        p,
        &["code", "kommun-a-1", "--code", "hinder", "--turn", "2"],
    );
    assert!(
        err.contains("../../x") && err.contains("kommun-a-1.txt:2"),
        "{err}"
    );
    assert!(!err.contains("kommun-a-2.txt"), "{err}");
    assert_eq!(before, crate::common::snapshot(p));
    let err = fails(p, &["check"]);
    assert!(
        err.contains("../../y") && err.contains("kommun-a-2.txt:2"),
        "{err}"
    );
    fs::write(&coded, coded_text).unwrap();
    fs::write(&other, other_text).unwrap();

    fs::write(p.join("codings/.tester.json.tmp-999999"), "{half").unwrap();
    ok(
        p,
        &["code", "kommun-a-1", "--code", "hinder", "--turn", "2"],
    );
    assert!(!p.join("codings/.tester.json.tmp-999999").exists());

    let mut bytes = "Respondent: Vi har för lite resurser på området.\n"
        .as_bytes()
        .to_vec();
    bytes.extend_from_slice(b"Intervjuare: Och \xff sen?\n");
    let src = p.join("nastan-utf8.txt");
    fs::write(&src, bytes).unwrap();
    let o = kodbok(p, &["import", "--case", "Kommun A", src.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("line 2"), "{}", stderr(&o));
    let imported = fs::read_to_string(p.join("transcripts/nastan-utf8.txt")).unwrap();
    assert!(imported.contains("på området"), "{imported}");
}

/// Break 11 (the part of this branch): an absurdly large file is refused before it is read, and the
/// limit can be raised.
#[test]
fn huge_sources_are_refused_with_a_way_to_raise_the_limit() {
    let d = sample();
    let p = d.path();
    let src = p.join("stor.txt");
    let line = "Respondent: Vi har inga resurser för det här arbetet.\n";
    fs::write(&src, line.repeat(2 * 1024 * 1024 / line.len() + 1)).unwrap();
    let before = crate::common::snapshot(p);
    let err = fails(p, &["import", "--max-size-mb", "1", src.to_str().unwrap()]);
    assert!(
        err.contains("--max-size-mb") && err.contains("nothing was imported"),
        "{err}"
    );
    assert_eq!(before, crate::common::snapshot(p));
    ok(p, &["import", "--max-size-mb", "3", src.to_str().unwrap()]);
}

/// Break 11 (memory): changing one coding reads the codebook, cases.csv, the one transcript coded and
/// the coder's own file. An unrelated transcript or coder file that is garbage is never read, so it
/// cannot stop `code` or `uncode`; `check` still reports it.
#[test]
fn changing_one_coding_does_not_read_the_rest_of_the_project() {
    let d = sample();
    let p = d.path();
    let garbage: Vec<u8> = (0u8..=255).cycle().take(4096).collect();
    fs::write(p.join("transcripts/kommun-b-1.txt"), &garbage).unwrap();
    fs::write(p.join("codings/praktikant-b.json"), &garbage).unwrap();
    let id = ok(
        p,
        &["code", "kommun-a-1", "--code", "hinder", "--turn", "2"],
    );
    let id = id.trim();
    assert!(ids(p, "tester").iter().any(|x| x == id));
    // a coding of another coder is still recognised as theirs, with the garbage file passed over
    let theirs = ids(p, "praktikant-a")[0].clone();
    let err = fails(p, &["uncode", &theirs]);
    assert!(err.contains("praktikant-a"), "{err}");
    ok(p, &["uncode", id]);
    assert!(ids(p, "tester").is_empty());
    let err = fails(p, &["check"]);
    assert!(
        err.contains("kommun-b-1.txt") && err.contains("praktikant-b.json"),
        "{err}"
    );
    // the coded transcript itself is read and validated
    fs::write(p.join("transcripts/kommun-a-1.txt"), &garbage).unwrap();
    let err = fails(
        p,
        &["code", "kommun-a-1", "--code", "hinder", "--turn", "2"],
    );
    assert!(
        err.contains("kommun-a-1.txt") && err.contains("UTF-8"),
        "{err}"
    );
    // an id that would leave transcripts/ is not a transcript
    let err = fails(
        p,
        &["code", "../codebook", "--code", "hinder", "--turn", "1"],
    );
    assert!(err.contains("no transcript"), "{err}");
}
