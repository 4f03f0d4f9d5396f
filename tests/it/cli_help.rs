//! `--help`, usage errors and query errors of the command line in the chosen language (`--lang`,
//! `KODBOK_LANG`, the locale), with clap's exit codes: 0 for help and version, 2 for a usage error.

use crate::common::sample;
use std::path::Path;
use std::process::Output;

/// Runs kodbok in `dir` with `env` set over a neutral environment (no language, an English locale,
/// 80 columns for clap's wrapping).
fn run(dir: &Path, env: &[(&str, &str)], args: &[&str]) -> Output {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_kodbok"));
    c.current_dir(dir)
        .env("KODBOK_CODER", "tester")
        .env_remove("KODBOK_LANG")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env("LC_ALL", "C.UTF-8")
        .env("COLUMNS", "80");
    for (k, v) in env {
        c.env(k, v);
    }
    c.args(args).output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

const SV: &[(&str, &str)] = &[("KODBOK_LANG", "sv")];
const EN: &[(&str, &str)] = &[("KODBOK_LANG", "en")];

/// clap's English words, none of which a Swedish help or usage error may hold.
const ENGLISH: [&str; 10] = [
    "Usage:",
    "Options:",
    "Commands:",
    "Arguments:",
    "[default:",
    "[possible values:",
    "Print help",
    "error:",
    "tip:",
    "For more information",
];

#[test]
fn swedish_help_of_the_program() {
    let d = sample();
    let o = run(d.path(), SV, &["--help"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(o.stderr.is_empty(), "{}", text(&o.stderr));
    let help = text(&o.stdout);
    for w in ENGLISH {
        assert!(!help.contains(w), "{w} in\n{help}");
    }
    assert!(
        help.lines().all(|l| l.chars().count() <= 80),
        "wider than 80 columns:\n{help}"
    );
    insta::assert_snapshot!("help_sv", help);
}

#[test]
fn help_of_nested_commands_in_both_languages() {
    let d = sample();
    for args in [
        &["codes", "add", "--help"][..],
        &["consensus", "take", "--help"],
        &["export", "qdpx", "-h"],
        &["matrix", "--help"],
        &["help", "codes"],
    ] {
        let o = run(d.path(), SV, args);
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        let help = text(&o.stdout);
        assert!(help.contains("Användning: kodbok "), "{args:?}:\n{help}");
        for w in ENGLISH {
            assert!(!help.contains(w), "{args:?}: {w} in\n{help}");
        }
    }
    let sv = text(&run(d.path(), SV, &["codes", "add", "--help"]).stdout);
    assert!(sv.contains("Lägg till en kod"), "{sv}");
    assert!(
        sv.contains("Användning: kodbok codes add [FLAGGOR] <NAME>"),
        "{sv}"
    );
    let en = text(&run(d.path(), EN, &["codes", "add", "--help"]).stdout);
    assert!(en.contains("Add a code"), "{en}");
    assert!(
        en.contains("Usage: kodbok codes add [OPTIONS] <NAME>"),
        "{en}"
    );
    let sv = text(&run(d.path(), SV, &["matrix", "--help"]).stdout);
    assert!(
        sv.contains("Möjliga värden:") && sv.contains("[standard: count]"),
        "{sv}"
    );
    let en = text(&run(d.path(), EN, &["matrix", "--help"]).stdout);
    assert!(
        en.contains("Possible values:") && en.contains("[default: count]"),
        "{en}"
    );
}

#[test]
fn a_usage_error_in_both_languages_exits_2_and_writes_nothing_to_stdout() {
    let d = sample();
    let o = run(d.path(), SV, &["summary", "--bogus"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    let sv = text(&o.stderr);
    assert_eq!(
        sv,
        "fel: oväntat argument '--bogus'\n\nAnvändning: kodbok summary [FLAGGOR]\n\n\
         Mer information med '--help'.\n"
    );
    let o = run(d.path(), EN, &["summary", "--bogus"]);
    assert_eq!(o.status.code(), Some(2));
    let en = text(&o.stderr);
    assert_eq!(
        en,
        "error: unexpected argument '--bogus' found\n\nUsage: kodbok summary [OPTIONS]\n\n\
         For more information, try '--help'.\n"
    );
    // --lang wins over KODBOK_LANG, also for what clap refuses
    let o = run(d.path(), SV, &["--lang", "en", "summary", "--bogus"]);
    assert!(text(&o.stderr).starts_with("error: unexpected argument"));
}

#[test]
fn more_usage_errors_in_swedish() {
    let d = sample();
    let cases: [(&[&str], &str); 5] = [
        (
            &["summary", "--format", "pdf"],
            "fel: ogiltigt värde 'pdf' för '--format <FORMAT>'\n  [möjliga värden: table, json, csv, xlsx]",
        ),
        (
            &["codes", "add"],
            "de här argumenten krävs men saknas:\n  <NAME>",
        ),
        (
            &["sumary"],
            "tips: det finns ett liknande kommando: 'summary'",
        ),
        (
            &["summary", "--sortt", "codebook"],
            "tips: det finns ett liknande argument: '--sort'",
        ),
        (
            &["search", "x", "--limit", "många"],
            "ogiltigt värde 'många' för '--limit <LIMIT>': inte ett heltal",
        ),
    ];
    for (args, expected) in cases {
        let o = run(d.path(), SV, args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = text(&o.stderr);
        assert!(err.contains(expected), "{args:?}:\n{err}");
        for w in ENGLISH {
            assert!(!err.contains(w), "{args:?}: {w} in\n{err}");
        }
    }
}

#[test]
fn the_locale_chooses_the_language_of_help_when_nothing_else_does() {
    let d = sample();
    let o = run(d.path(), &[("LC_ALL", "sv_SE.UTF-8")], &["--help"]);
    assert!(text(&o.stdout).contains("Användning: kodbok [FLAGGOR] [KOMMANDO]"));
    let o = run(d.path(), &[("LC_ALL", "sv_SE.UTF-8")], &["--bogus"]);
    assert!(text(&o.stderr).starts_with("fel: oväntat argument '--bogus'"));
    let o = run(d.path(), &[], &["--help"]);
    assert!(text(&o.stdout).contains("Usage: kodbok [OPTIONS] [COMMAND]"));
}

#[test]
fn version_exits_0() {
    let d = sample();
    let o = run(d.path(), SV, &["--version"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        text(&o.stdout).starts_with("kodbok "),
        "{}",
        text(&o.stdout)
    );
}

#[test]
fn query_errors_in_both_languages_keep_their_position() {
    let d = sample();
    let o = run(d.path(), SV, &["search", "\"ledningen stöd\"~5000"]);
    assert!(!o.status.success());
    let sv = text(&o.stderr);
    // the first search builds the index and says why, in Swedish too
    assert!(
        sv.starts_with("kodbok: byggde sökindexet (inget index än): "),
        "{sv}"
    );
    assert!(
        sv.contains("kolumn 17: en närhetssökning tar ett antal ord från 0 till 1000"),
        "{sv}"
    );
    assert!(sv.contains("\n  \"ledningen stöd\"~5000\n"), "{sv}");
    assert!(
        sv.contains(&format!("\n  {}^^^^^\n", " ".repeat(16))),
        "{sv}"
    );
    let en = text(&run(d.path(), EN, &["search", "\"ledningen stöd\"~5000"]).stderr);
    assert!(
        en.contains("column 17: a proximity search takes a number of words from 0 to 1000"),
        "{en}"
    );
    let sv = text(&run(d.path(), SV, &["search", "resurs grupp:"]).stderr);
    assert!(
        sv.contains("kolumn 8: ett värde behövs efter `grupp:`"),
        "{sv}"
    );
    let sv = text(&run(d.path(), SV, &["search", "code-query:hinder"]).stderr);
    assert!(
        sv.contains("koden \"Hinder\" har ingen sparad sökfråga"),
        "{sv}"
    );
    let sv = text(&run(d.path(), SV, &["search", "coder:nobody"]).stderr);
    assert!(
        sv.contains("ingen kodare \"nobody\" har kodningar (kodare: "),
        "{sv}"
    );
    let sv = text(&run(d.path(), SV, &["search", "storlek:liten"]).stderr);
    assert!(
        sv.contains("kolumn 1: okänt filter `storlek:` (filter: code, "),
        "{sv}"
    );
}
