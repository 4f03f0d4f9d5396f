//! `--help` in the user's language: every description, option, value and heading of the clap command tree
//! from the catalogue, and clap's own words (usage, headings, defaults, possible values, `--help`) replaced.
//!
//! Catalogue keys, with PATH the subcommands joined by `-` (`codes-add`; `kodbok` for the top):
//! `cmd-PATH` (about; the top uses `cmd-about`/`cmd-long-about`), `cmd-PATH-after` (text after the options),
//! `arg-PATH-ID` or `opt-ID` (an option), `val-PATH-ID-VALUE` or `val-ID-VALUE` (one of its values),
//! `clap-…` (clap's words).

use crate::i18n::{self, Lang};
use crate::t;
use clap::builder::{Arg, PossibleValue, StyledStr};
use clap::{ArgAction, Command};
use std::fmt::Write as _;

/// The command tree with every text in the current language, built (so `--help`, `--version` and the `help`
/// subcommand exist and are translated too).
pub fn localized(cmd: Command) -> Command {
    let lang = i18n::lang();
    let cmd = cmd.about(t!("cmd-about")).long_about(t!("cmd-long-about"));
    let mut cmd = localize(cmd, "kodbok", lang);
    cmd.build();
    finish(cmd)
}

/// The PATH of subcommand `name` under `path`.
fn sub_path(path: &str, name: &str) -> String {
    if path == "kodbok" {
        name.to_string()
    } else {
        format!("{path}-{name}")
    }
}

/// The catalogue key of a command's description, `None` at the top (which has its own keys).
fn cmd_key(lang: Lang, path: &str) -> Option<String> {
    let key = format!("cmd-{path}");
    (path != "kodbok" && i18n::has_key(lang, &key)).then_some(key)
}

/// The catalogue key of an option's help: `arg-PATH-ID`, else `opt-ID` for an option that reads the same
/// in every command.
pub(super) fn arg_key(lang: Lang, path: &str, id: &str) -> Option<String> {
    let id = id.replace('_', "-");
    [format!("arg-{path}-{id}"), format!("opt-{id}")]
        .into_iter()
        .find(|k| i18n::has_key(lang, k))
}

/// The catalogue key of the help of value `value` of option `id`: `val-PATH-ID-VALUE`, else `val-ID-VALUE`.
fn value_key(lang: Lang, path: &str, id: &str, value: &str) -> Option<String> {
    let id = id.replace('_', "-");
    [
        format!("val-{path}-{id}-{value}"),
        format!("val-{id}-{value}"),
    ]
    .into_iter()
    .find(|k| i18n::has_key(lang, k))
}

/// Descriptions and options of `cmd` and its subcommands from the catalogue (before the tree is built;
/// global options are translated once at the top and copied down by clap).
fn localize(mut cmd: Command, path: &str, lang: Lang) -> Command {
    if let Some(key) = cmd_key(lang, path) {
        let long = format!("{key}-long");
        let long = i18n::has_key(lang, &long).then(|| i18n::tr(&long, &[]));
        cmd = cmd.about(i18n::tr(&key, &[]));
        cmd = match long {
            Some(long) => cmd.long_about(long),
            None => cmd.long_about(None::<&str>),
        };
    }
    let after = format!("cmd-{path}-after");
    if i18n::has_key(lang, &after) {
        cmd = cmd.after_help(i18n::tr(&after, &[]));
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        cmd = cmd.mut_arg(&id, |a| localize_arg(a, path, lang));
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in subs {
        let p = sub_path(path, &name);
        cmd = cmd.mut_subcommand(&name, |c| localize(c, &p, lang));
    }
    cmd
}

/// An option's help from the catalogue, with its default, choices and environment variable written into it
/// in the current language (clap's own `[default: …]`, `[possible values: …]` and `[env: …]` hidden).
fn localize_arg(a: Arg, path: &str, lang: Lang) -> Arg {
    let id = a.get_id().to_string();
    let help = match arg_key(lang, path, &id) {
        Some(key) => i18n::tr(&key, &[]),
        None => a.get_help().map(|h| h.to_string()).unwrap_or_default(),
    };
    let values = shown_values(&a);
    let names: Vec<&str> = values.iter().map(PossibleValue::get_name).collect();
    let choices =
        (!names.is_empty()).then(|| t!("clap-possible-values", values = names.join(", ")));
    let notes = notes(&a);
    let explained = explained_values(&values, path, &id, lang);
    let a = hide_clap_notes(a);
    if help.is_empty() && choices.is_none() && notes.is_empty() {
        return a;
    }
    let short: Vec<&str> = std::iter::once(help.as_str())
        .chain(choices.as_deref())
        .chain(notes.iter().map(String::as_str))
        .filter(|s| !s.is_empty())
        .collect();
    let a = a.help(short.join(" "));
    // Like clap: the choices with their meanings in the long help (`--help`), the names alone in `-h`.
    if explained.is_empty() {
        return a.long_help(None::<&str>);
    }
    let list = format!(
        "{}:\n{}",
        t!("clap-possible-values-heading"),
        explained.join("\n")
    );
    let long: Vec<&str> = std::iter::once(help.as_str())
        .chain(std::iter::once(list.as_str()))
        .chain(notes.iter().map(String::as_str))
        .filter(|s| !s.is_empty())
        .collect();
    a.long_help(long.join("\n\n"))
}

/// The values clap would list for an option (a flag's `true`/`false` are not shown, as in clap).
fn shown_values(a: &Arg) -> Vec<PossibleValue> {
    if a.is_hide_possible_values_set() || !a.get_action().takes_values() {
        return Vec::new();
    }
    a.get_possible_values()
        .into_iter()
        .filter(|v| !v.is_hide_set())
        .collect()
}

/// `[standard: …]` and `[miljövariabel: …]` where clap would show its own.
fn notes(a: &Arg) -> Vec<String> {
    let mut notes = Vec::new();
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| quoted(&v.to_string_lossy()))
        .collect();
    if a.get_action().takes_values() && !a.is_hide_default_value_set() && !defaults.is_empty() {
        notes.push(t!("clap-default", value = defaults.join(" ")));
    }
    if let Some(env) = a.get_env().filter(|_| !a.is_hide_env_set()) {
        notes.push(t!("clap-env", name = env.to_string_lossy().to_string()));
    }
    notes
}

/// `- name: meaning` for every value that has a meaning, the names padded to one width.
fn explained_values(values: &[PossibleValue], path: &str, id: &str, lang: Lang) -> Vec<String> {
    let described: Vec<&PossibleValue> = values.iter().filter(|v| v.get_help().is_some()).collect();
    let width = described
        .iter()
        .map(|v| v.get_name().chars().count() + 1)
        .max()
        .unwrap_or(0);
    described
        .iter()
        .map(|v| {
            let text = value_key(lang, path, id, v.get_name())
                .map(|k| i18n::tr(&k, &[]))
                .or_else(|| v.get_help().map(|h| h.to_string()))
                .unwrap_or_default();
            let name = format!("{}:", v.get_name());
            format!("- {name:<width$} {text}")
        })
        .collect()
}

/// The option with clap's own notes hidden (clap asserts they are hidden only where they could show).
fn hide_clap_notes(a: Arg) -> Arg {
    let a = if a.get_action().takes_values() {
        a.hide_possible_values(true).hide_default_value(true)
    } else {
        a
    };
    if a.get_env().is_some() {
        a.hide_env(true)
    } else {
        a
    }
}

/// A default value as clap shows it: in quotes when it holds a space.
fn quoted(v: &str) -> String {
    if v.contains(char::is_whitespace) {
        format!("{v:?}")
    } else {
        v.to_string()
    }
}

/// What clap adds while building, in the current language: the `--help`/`--version` flags, the `help`
/// subcommand, the usage line and the headings.
fn finish(cmd: Command) -> Command {
    let mut cmd = clap_args(cmd);
    if cmd.has_subcommands() {
        cmd = cmd
            .subcommand_value_name(t!("clap-command-placeholder"))
            .subcommand_help_heading(t!("clap-commands"));
    }
    let usage = cmd.render_usage().to_string();
    let usage = usage.strip_prefix("Usage:").unwrap_or(&usage).trim_start();
    let usage = usage.replace("[OPTIONS]", &t!("clap-options-placeholder"));
    cmd = cmd.override_usage(usage);
    let template = template(&cmd);
    cmd = cmd.help_template(template);
    for sub in cmd.get_subcommands_mut() {
        *sub = finish(std::mem::take(sub));
    }
    cmd
}

/// The `--help` and `--version` flags clap added, and the `help` subcommand, in the current language.
fn clap_args(mut cmd: Command) -> Command {
    let find = |c: &Command, is: fn(&ArgAction) -> bool| {
        c.get_arguments()
            .find(|a| is(a.get_action()))
            .map(|a| a.get_id().to_string())
    };
    if let Some(id) = find(&cmd, |a| matches!(a, ArgAction::Help)) {
        cmd = cmd.mut_arg(id, |a| {
            // clap offers `--help` for more only where a long help exists; keep that choice.
            if a.get_long_help().is_some() {
                a.help(t!("clap-help-more"))
                    .long_help(t!("clap-help-summary"))
            } else {
                a.help(t!("clap-help"))
            }
        });
    }
    if let Some(id) = find(&cmd, |a| matches!(a, ArgAction::Version)) {
        cmd = cmd.mut_arg(id, |a| a.help(t!("clap-version")));
    }
    if cmd.get_name() == "help" {
        cmd = cmd.about(t!("clap-help-command"));
        if cmd.get_arguments().any(|a| a.get_id() == "subcommand") {
            cmd = cmd.mut_arg("subcommand", |a| {
                a.help(t!("clap-help-command-arg"))
                    .value_name(t!("clap-command-placeholder"))
            });
        }
    }
    cmd
}

/// clap's help layout with translated headings; a section only where the command has something for it.
fn template(cmd: &Command) -> StyledStr {
    let head = cmd.get_styles().get_header();
    let usage = cmd.get_styles().get_usage();
    let mut s = StyledStr::new();
    let _ = write!(
        s,
        "{{before-help}}{{about-with-newline}}\n{usage}{}:{usage:#} {{usage}}",
        t!("clap-usage")
    );
    let sections = [
        (
            cmd.get_subcommands().any(|c| !c.is_hide_set()),
            t!("clap-commands"),
            "subcommands",
        ),
        (
            cmd.get_positionals().any(|a| !a.is_hide_set()),
            t!("clap-arguments"),
            "positionals",
        ),
        (
            cmd.get_arguments()
                .any(|a| !a.is_positional() && !a.is_hide_set()),
            t!("clap-options"),
            "options",
        ),
    ];
    for (shown, heading, tag) in sections {
        if shown {
            let _ = write!(s, "\n\n{head}{heading}:{head:#}\n{{{tag}}}");
        }
    }
    s.push_str("{after-help}");
    s
}

#[cfg(test)]
mod tests;
