//! The hostile-input corpus (`tests/data/hostile/`, whose README lists each file's expected outcome)
//! fed to the real binary.

use crate::common::{fails, kodbok, ok, repo, sample, snapshot, stderr, stdout};
use std::fs;
use std::path::{Path, PathBuf};

fn hostile(name: &str) -> PathBuf {
    repo().join("tests/data/hostile").join(name)
}

fn clean(s: &str) -> bool {
    !s.chars().any(|c| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200b}'..='\u{200f}' | '\u{61c}' | '\u{feff}')
    })
}

fn import(dir: &Path, file: &str) -> std::process::Output {
    let src = hostile(file);
    kodbok(
        dir,
        &["import", "--case", "Kommun A", src.to_str().unwrap()],
    )
}

fn imported(dir: &Path, file: &str) -> String {
    let id = file.rsplit_once('.').unwrap().0;
    fs::read_to_string(dir.join("transcripts").join(format!("{id}.txt"))).unwrap()
}

#[test]
fn text_files_are_imported_clean_or_refused() {
    let d = sample();
    let p = d.path();
    for file in ["escape-title.txt", "bidi-zero-width.txt"] {
        let o = import(p, file);
        assert!(o.status.success(), "{file}: {}", stderr(&o));
        assert!(clean(&stdout(&o)) && clean(&stderr(&o)), "{file}");
        let t = imported(p, file);
        assert!(clean(&t), "{file}: {t:?}");
    }
    assert!(imported(p, "escape-title.txt").contains("för lite resurser"));
    assert!(imported(p, "bidi-zero-width.txt").contains("Kompetens och tid"));

    let before = snapshot(p);
    let err = String::from_utf8_lossy(&import(p, "nul-bytes.txt").stderr).into_owned();
    assert!(err.contains("binary") && err.contains("NUL"), "{err}");
    assert_eq!(before, snapshot(p));

    let o = import(p, "invalid-utf8.txt");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("line 2"), "{}", stderr(&o));
    let t = imported(p, "invalid-utf8.txt");
    assert!(t.contains("på området") && t.contains("Då blir"), "{t}");

    let o = import(p, "windows-1252.txt");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("windows-1252, detected"),
        "{}",
        stdout(&o)
    );
    assert!(imported(p, "windows-1252.txt").contains("för lite"));
    ok(p, &["check"]);
}

#[test]
fn hostile_docx_files_are_refused_saying_why() {
    let d = sample();
    let p = d.path();
    let before = snapshot(p);
    for (file, words) in [
        ("billion-laughs.docx", &["DTD", "billion laughs"][..]),
        ("xxe.docx", &["DTD", "XXE"]),
        ("zip-bomb.docx", &["64 MB", "zip bomb"]),
    ] {
        let o = import(p, file);
        assert!(!o.status.success(), "{file} was imported");
        let err = stderr(&o);
        for w in words {
            assert!(err.contains(w), "{file}: {err}");
        }
        assert!(!err.contains("root:"), "{file} read /etc/passwd");
    }
    assert_eq!(before, snapshot(p));
}

#[test]
fn a_deep_codebook_gets_a_clear_error() {
    let d = sample();
    fs::copy(
        hostile("deep-codebook.json"),
        d.path().join("codebook.json"),
    )
    .unwrap();
    let err = fails(d.path(), &["check"]);
    assert!(
        err.contains("codebook.json") && err.contains("levels"),
        "{err}"
    );
    assert!(!err.contains("recursion limit exceeded"), "{err}");
}

#[test]
fn formula_cells_from_cases_csv_are_neutralised() {
    let d = sample();
    let p = d.path();
    let cases = p.join("transcripts/cases.csv");
    let mut text = fs::read_to_string(&cases).unwrap();
    text = text
        .lines()
        .filter(|l| !l.starts_with("Kommun A,"))
        .collect::<Vec<_>>()
        .join("\n");
    let hostile_row = fs::read_to_string(hostile("formula-cases.csv")).unwrap();
    text.push('\n');
    text.push_str(hostile_row.lines().nth(1).unwrap());
    text.push('\n');
    fs::write(&cases, text).unwrap();
    for args in [
        &["export", "segments", "--format", "csv"][..],
        &["summary", "--format", "csv", "--by", "lan"],
        &["matrix", "--format", "csv"],
    ] {
        let out = ok(p, args);
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(out.as_bytes());
        for rec in r.records() {
            for cell in rec.unwrap().iter() {
                let live = cell.starts_with(['=', '+', '@'])
                    || (cell.starts_with('-') && cell.parse::<f64>().is_err());
                assert!(!live, "{args:?}: live formula {cell:?}");
            }
        }
        if args[0] == "export" {
            assert!(
                out.contains("'=HYPERLINK") && out.contains("'@SUM") && out.contains("-42000"),
                "{out}"
            );
        }
    }
}

#[test]
fn an_escaped_header_prints_as_replacement_characters() {
    let d = sample();
    let p = d.path();
    fs::copy(
        hostile("escape-header.txt"),
        p.join("transcripts/ond-rubrik.txt"),
    )
    .unwrap();
    for args in [&["summary", "--by", "role"][..], &["docs"], &["check"]] {
        let o = kodbok(p, args);
        assert!(
            clean(&stdout(&o)) && clean(&stderr(&o)),
            "{args:?}: {:?}",
            stdout(&o)
        );
    }
    let check = stdout(&kodbok(p, &["check"]));
    assert!(
        check.contains("ond-rubrik.txt") && check.contains("not canonical"),
        "{check}"
    );
}
