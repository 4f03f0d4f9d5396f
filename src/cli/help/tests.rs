//! The guard: every command, option and value of the tree has its text in both catalogues, and a Swedish
//! `--help` anywhere in the tree holds no English (neither clap's words nor a doc comment's).

use super::*;
use crate::cli::Cli;
use crate::i18n::with_lang;
use clap::CommandFactory;

/// Every command of the tree with its PATH (`kodbok`, `summary`, `codes-add`…), hidden ones left out.
fn commands(c: &Command, path: &str, out: &mut Vec<(String, Command)>) {
    out.push((path.to_string(), c.clone()));
    for s in c.get_subcommands().filter(|s| !s.is_hide_set()) {
        commands(s, &sub_path(path, s.get_name()), out);
    }
}

fn all_commands() -> Vec<(String, Command)> {
    let mut out = Vec::new();
    commands(&Cli::command(), "kodbok", &mut out);
    out
}

/// What a catalogue lacks for the tree: commands, options and values with no key in `lang`.
fn missing(lang: Lang) -> Vec<String> {
    let mut missing = Vec::new();
    for (path, c) in all_commands() {
        if path != "kodbok" && cmd_key(lang, &path).is_none() {
            missing.push(format!("cmd-{path}"));
        }
        if c.get_after_help().is_some() && !i18n::has_key(lang, &format!("cmd-{path}-after")) {
            missing.push(format!("cmd-{path}-after"));
        }
        for a in c.get_arguments().filter(|a| !a.is_hide_set()) {
            let described = a.get_help().is_some_and(|h| !h.to_string().is_empty());
            let id = a.get_id().as_str();
            if described && arg_key(lang, &path, id).is_none() {
                missing.push(format!("arg-{path}-{id}"));
            }
            for v in a.get_possible_values() {
                if v.get_help().is_some() && value_key(lang, &path, id, v.get_name()).is_none() {
                    missing.push(format!("val-{path}-{id}-{}", v.get_name()).replace('_', "-"));
                }
            }
        }
    }
    missing
}

#[test]
fn every_command_option_and_value_has_its_text_in_both_catalogues() {
    for lang in Lang::ALL {
        let missing = missing(lang);
        assert!(
            missing.is_empty(),
            "add to src/i18n/{lang}/cli.ftl: {missing:?}"
        );
    }
}

/// `text` with every run of white space made one space (clap wraps lines to the terminal).
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every text the doc comments give the tree (English), at least two words long.
fn english_texts() -> Vec<String> {
    let mut texts = Vec::new();
    for (_, c) in all_commands() {
        texts.extend(c.get_about().map(|s| s.to_string()));
        texts.extend(c.get_long_about().map(|s| s.to_string()));
        texts.extend(c.get_after_help().map(|s| s.to_string()));
        for a in c.get_arguments() {
            texts.extend(a.get_help().map(|s| s.to_string()));
            texts.extend(a.get_long_help().map(|s| s.to_string()));
            for v in a.get_possible_values() {
                texts.extend(v.get_help().map(|s| s.to_string()));
            }
        }
    }
    texts
        .iter()
        .flat_map(|t| t.split("\n\n"))
        .map(flat)
        .filter(|t| t.contains(' '))
        .collect()
}

/// `-h` and `--help` of the command at `path` (PATH split on `-` is ambiguous, so the names are given).
fn help_of(cmd: &mut Command, names: &[&str]) -> (String, String) {
    let mut c = cmd;
    for n in names {
        c = c.find_subcommand_mut(n).unwrap();
    }
    (
        c.render_help().to_string(),
        c.render_long_help().to_string(),
    )
}

/// The name paths of every command of the localised tree, the `help` subcommands included.
fn name_paths(c: &Command, prefix: &[String], out: &mut Vec<Vec<String>>) {
    out.push(prefix.to_vec());
    for s in c.get_subcommands().filter(|s| !s.is_hide_set()) {
        let mut p = prefix.to_vec();
        p.push(s.get_name().to_string());
        // `help`'s own copies of the tree only serve to parse `kodbok help NAME`
        if s.get_name() == "help" {
            out.push(p);
        } else {
            name_paths(s, &p, out);
        }
    }
}

/// clap's English words that must not be left in a translated help.
const CLAP_WORDS: [&str; 12] = [
    "Usage:",
    "Options:",
    "Arguments:",
    "Commands:",
    "[default:",
    "[possible values:",
    "Possible values:",
    "[env:",
    "Print help",
    "Print version",
    "Print this message",
    "[OPTIONS]",
];

#[test]
fn swedish_help_of_every_command_holds_no_english() {
    let english = english_texts();
    assert!(english.len() > 100, "{}", english.len());
    let mut cmd = with_lang(Lang::Sv, || localized(Cli::command()));
    let mut paths = Vec::new();
    name_paths(&cmd, &[], &mut paths);
    assert!(paths.len() > 30, "{paths:?}");
    for names in paths {
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let (short, long) = help_of(&mut cmd, &names);
        for help in [short, long] {
            let text = flat(&help);
            for w in CLAP_WORDS {
                assert!(!help.contains(w), "kodbok {names:?}: {w:?} in\n{help}");
            }
            for e in &english {
                assert!(
                    !text.contains(e.as_str()),
                    "kodbok {names:?}: {e:?} in\n{help}"
                );
            }
        }
    }
}

#[test]
fn english_help_keeps_its_words_and_says_defaults_and_choices() {
    let mut cmd = with_lang(Lang::En, || localized(Cli::command()));
    let (short, long) = help_of(&mut cmd, &["summary"]);
    assert!(short.contains("Usage: kodbok summary [OPTIONS]"), "{short}");
    assert!(short.contains("Which codings count"), "{short}");
    assert!(
        short.contains("[possible values: table, json, csv"),
        "{short}"
    );
    assert!(long.contains("Options:"), "{long}");
    let (short, long) = help_of(&mut cmd, &[]);
    assert!(
        short.contains("Commands:") && short.contains("[default: .]"),
        "{short}"
    );
    assert!(
        short.contains("Print help (see more with '--help')"),
        "{short}"
    );
    assert!(long.contains("Possible values:\n"), "{long}");
    assert!(long.contains("- high-contrast: "), "{long}");
}

#[test]
fn swedish_help_reads_swedish() {
    let mut cmd = with_lang(Lang::Sv, || localized(Cli::command()));
    let (short, long) = help_of(&mut cmd, &[]);
    assert!(short.contains("Kvalitativ kodning"), "{short}");
    assert!(short.contains("Visa och redigera kodboken"), "{short}");
    assert!(
        short.contains("Användning: kodbok [FLAGGOR] [KOMMANDO]"),
        "{short}"
    );
    assert!(
        short.contains("Kommandon:") && short.contains("Flaggor:"),
        "{short}"
    );
    assert!(short.contains("[standard: .]"), "{short}");
    assert!(long.contains("Möjliga värden:\n"), "{long}");
    let (short, _) = help_of(&mut cmd, &["summary"]);
    assert!(short.contains("Radordning"), "{short}");
    assert!(short.contains("Vilka kodningar som räknas"), "{short}");
    assert!(
        short.contains("[möjliga värden: table, json, csv"),
        "{short}"
    );
    let (short, _) = help_of(&mut cmd, &["codes", "add"]);
    assert!(
        short.contains("Användning: kodbok codes add [FLAGGOR] <NAME>"),
        "{short}"
    );
    assert!(short.contains("Argument:"), "{short}");
    assert!(short.contains("Visa hjälp"), "{short}");
}
