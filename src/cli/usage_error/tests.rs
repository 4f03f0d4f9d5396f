//! clap's errors in both languages: the words translated, the names and values kept, the exit code clap's.

use super::*;
use crate::cli::{Cli, localized};
use crate::i18n::{Lang, with_lang};
use clap::CommandFactory;

fn error(lang: Lang, args: &[&str]) -> (String, i32) {
    with_lang(lang, || {
        let e = localized(Cli::command())
            .try_get_matches_from(args)
            .unwrap_err();
        (render(&e), e.exit_code())
    })
}

#[test]
fn an_unknown_option_is_told_with_a_tip_usage_and_help_in_swedish() {
    let (sv, code) = error(Lang::Sv, &["kodbok", "summary", "--bogus"]);
    assert_eq!(code, 2);
    assert!(sv.starts_with("fel: oväntat argument '--bogus'\n"), "{sv}");
    assert!(
        sv.contains("\nAnvändning: kodbok summary [FLAGGOR]\n"),
        "{sv}"
    );
    assert!(sv.ends_with("\nMer information med '--help'.\n"), "{sv}");
    let (sv, _) = error(Lang::Sv, &["kodbok", "summary", "--sortt", "code"]);
    assert!(
        sv.contains("tips: det finns ett liknande argument: '--sort'"),
        "{sv}"
    );
    let (en, _) = error(Lang::En, &["kodbok", "summary", "--bogus"]);
    assert!(
        en.starts_with("error: unexpected argument '--bogus' found\n"),
        "{en}"
    );
    assert!(en.contains("\nUsage: kodbok summary [OPTIONS]\n"), "{en}");
    assert!(
        en.ends_with("\nFor more information, try '--help'.\n"),
        "{en}"
    );
}

#[test]
fn invalid_values_missing_arguments_and_unknown_commands_in_swedish() {
    let (sv, _) = error(Lang::Sv, &["kodbok", "summary", "--format", "pdf"]);
    assert!(
        sv.contains("ogiltigt värde 'pdf' för '--format <FORMAT>'"),
        "{sv}"
    );
    assert!(sv.contains("[möjliga värden: table, json, csv"), "{sv}");
    let (sv, _) = error(Lang::Sv, &["kodbok", "codes", "add"]);
    assert!(
        sv.contains("de här argumenten krävs men saknas:\n  <NAME>"),
        "{sv}"
    );
    let (sv, _) = error(Lang::Sv, &["kodbok", "sumary"]);
    assert!(sv.contains("okänt kommando 'sumary'"), "{sv}");
    assert!(
        sv.contains("det finns ett liknande kommando: 'summary'"),
        "{sv}"
    );
    let (sv, _) = error(Lang::Sv, &["kodbok", "search", "x", "--limit", "många"]);
    assert!(
        sv.contains("ogiltigt värde 'många' för '--limit <LIMIT>': inte ett heltal"),
        "{sv}"
    );
    for args in [
        &["kodbok", "summary", "--format", "pdf"][..],
        &["kodbok", "codes", "add"],
        &["kodbok", "sumary"],
    ] {
        let (sv, code) = error(Lang::Sv, args);
        assert_eq!(code, 2, "{sv}");
        for english in [
            "error:",
            "Usage:",
            "tip:",
            "invalid value",
            "required",
            "For more",
        ] {
            assert!(!sv.contains(english), "{args:?}: {english} in {sv}");
        }
    }
}

#[test]
fn help_and_version_exit_zero() {
    for args in [
        &["kodbok", "--help"][..],
        &["kodbok", "-V"],
        &["kodbok", "help", "codes"],
    ] {
        let e = with_lang(Lang::Sv, || {
            localized(Cli::command())
                .try_get_matches_from(args)
                .unwrap_err()
        });
        assert_eq!(e.exit_code(), 0, "{args:?}");
    }
}

#[test]
fn clap_tips_are_reworded() {
    with_lang(Lang::Sv, || {
        assert_eq!(
            suggestion("to pass '-x' as a value, use '-- -x'"),
            "för att ge '-x' som ett värde, skriv '-- -x'"
        );
        assert_eq!(suggestion("'codes --top' exists"), "'codes --top' finns");
        assert_eq!(suggestion("something new"), "something new");
    });
}
