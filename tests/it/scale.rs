//! The national-scale work of issue 12: `import --cases` for many files from many cases, and a smoke run
//! of `kodbok bench study` on a tiny corpus (the figures themselves are a benchmark, never a test).

use crate::common::*;
use std::fs;

fn project_with_sources() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    ok(d.path(), &["init", "--codebook", "empty"]);
    for (name, who) in [("a.txt", "Anna"), ("b.txt", "Bo"), ("c.txt", "Cia")] {
        fs::write(
            d.path().join(name),
            format!("Intervjuare: Hur går det?\n\n{who}: Det går bra med resurserna.\n"),
        )
        .unwrap();
    }
    d
}

#[test]
fn import_cases_gives_each_file_its_case_and_attributes() {
    let d = project_with_sources();
    fs::write(
        d.path().join("meta.csv"),
        "file;case;grupp;role\na.txt;Kommun 1;hög;kommunchef\nb.txt;Kommun 2;låg;it-chef\nc.txt;Kommun 2;låg;\n",
    )
    .unwrap();
    ok(
        d.path(),
        &["import", "--cases", "meta.csv", "a.txt", "b.txt", "c.txt"],
    );
    let a = fs::read_to_string(d.path().join("transcripts/a.txt")).unwrap();
    assert!(
        a.contains("case: Kommun 1\n") && a.contains("role: kommunchef\n"),
        "{a}"
    );
    let c = fs::read_to_string(d.path().join("transcripts/c.txt")).unwrap();
    assert!(
        c.contains("case: Kommun 2\n") && !c.contains("role:"),
        "{c}"
    );
    let cases = fs::read_to_string(d.path().join("transcripts/cases.csv")).unwrap();
    assert!(
        cases.contains("Kommun 1") && cases.contains("Kommun 2"),
        "{cases}"
    );
    assert_eq!(cases.matches("Kommun 2").count(), 1, "{cases}");
    ok(d.path(), &["check"]);
}

#[test]
fn a_bad_sheet_names_its_line_and_nothing_is_imported() {
    let d = project_with_sources();
    fs::write(
        d.path().join("meta.csv"),
        "file,case\na.txt,Kommun 1\nb.txt,\n",
    )
    .unwrap();
    let err = fails(
        d.path(),
        &["import", "--cases", "meta.csv", "a.txt", "b.txt"],
    );
    assert!(err.contains("meta.csv:3"), "{err}");
    fs::write(d.path().join("meta.csv"), "file,case\na.txt,Kommun 1\n").unwrap();
    let err = fails(
        d.path(),
        &["import", "--cases", "meta.csv", "a.txt", "b.txt"],
    );
    assert!(err.contains("b.txt") && err.contains("meta.csv"), "{err}");
    fs::write(d.path().join("meta.csv"), "name,case\na.txt,K\n").unwrap();
    let err = fails(d.path(), &["import", "--cases", "meta.csv", "a.txt"]);
    assert!(
        err.contains("meta.csv:1") && err.contains("`file`"),
        "{err}"
    );
    let left: Vec<_> = fs::read_dir(d.path().join("transcripts"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n != "cases.csv")
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_failing_file_among_many_leaves_no_transcript_and_no_temp() {
    let d = project_with_sources();
    fs::write(d.path().join("d.pdf"), "not a transcript").unwrap();
    let err = fails(d.path(), &["import", "a.txt", "b.txt", "d.pdf", "c.txt"]);
    assert!(err.contains("d.pdf"), "{err}");
    let left: Vec<_> = fs::read_dir(d.path().join("transcripts"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n != "cases.csv")
        .collect();
    assert!(left.is_empty(), "{left:?}");
    ok(d.path(), &["import", "a.txt", "b.txt", "c.txt"]);
    assert!(d.path().join("transcripts/b.txt").exists());
}

/// Runs with `cargo test --features bench` (as `.ci/run` does): the harness is not in the product binary.
#[cfg(feature = "bench")]
#[test]
fn bench_study_runs_every_step_on_a_tiny_corpus() {
    let d = tempfile::tempdir().unwrap();
    let keep = d.path().join("study");
    let keep_s = keep.display().to_string();
    let mut args = vec![
        "bench",
        "study",
        "--transcripts",
        "5",
        "--words",
        "400",
        "--keep",
        keep_s.as_str(),
    ];
    let material = repo().join("../../shared/corpus/riksdag/transcripts");
    let alt = repo().join("../shared/corpus/riksdag/transcripts");
    let m = if alt.is_dir() { alt } else { material };
    let m_s = m.display().to_string();
    if m.is_dir() {
        args.extend(["--material", m_s.as_str()]);
    }
    let out = ok(d.path(), &args);
    for step in [
        "import",
        "first search",
        "autocode 3",
        "check",
        "summary --all-coders",
        "report --lang sv",
        "workbench: first screen",
        "workbench: `S` group comparison",
        "autocode --undo (the third batch)",
        "baseline: tantivy",
        "codings in the study (before the undo):",
    ] {
        assert!(out.contains(step), "{step} missing in:\n{out}");
    }
    assert!(keep.join("project/transcripts/intervju-0004.txt").exists());
}
