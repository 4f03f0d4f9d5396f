//! A command line clap refused, told in the user's language from the error's kind and context (clap's own
//! rendering is English only); `--help` and `--version` are printed as clap made them (already translated
//! by [`super::help`]). Exit codes stay clap's: 2 for a usage error, 0 for help and version.

use crate::t;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use std::process::ExitCode;

/// Prints `e` (help and version to stdout, errors to stderr) and returns clap's exit code.
pub fn report(e: &clap::Error) -> ExitCode {
    let code = u8::try_from(e.exit_code()).unwrap_or(2);
    match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            // The help text is ours; clap knows the stream, the colours and how to page it.
            let _ = e.print();
        }
        _ => eprint!("{}", crate::safe::terminal(&render(e))),
    }
    ExitCode::from(code)
}

fn string(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) if !v.is_empty() => Some(v.join(", ")),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn strings(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        _ => Vec::new(),
    }
}

/// `e` as the lines kodbok prints: the error, tips, the usage line and where to read more.
pub fn render(e: &clap::Error) -> String {
    let mut out = format!("{}: {}", t!("clap-error"), message(e));
    let mut tips = Vec::new();
    for (kind, key) in [
        (ContextKind::SuggestedSubcommand, "subcommand"),
        (ContextKind::SuggestedArg, "argument"),
        (ContextKind::SuggestedValue, "value"),
    ] {
        let names = strings(e, kind);
        if !names.is_empty() {
            let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
            tips.push(t!(
                "clap-tip-similar",
                kind = key,
                n = names.len(),
                names = quoted.join(", ")
            ));
        }
    }
    if let Some(ContextValue::StyledStrs(more)) = e.get(ContextKind::Suggested) {
        tips.extend(more.iter().map(|s| suggestion(&s.to_string())));
    }
    if !tips.is_empty() {
        out.push('\n');
    }
    for tip in tips {
        out.push_str(&format!("\n  {}: {tip}", t!("clap-tip")));
    }
    if let Some(ContextValue::StyledStr(usage)) = e.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.strip_prefix("Usage:").unwrap_or(&usage).trim_start();
        out.push_str(&format!("\n\n{}: {usage}", t!("clap-usage")));
    }
    out.push_str("\n\n");
    out.push_str(&t!("clap-more-info", flag = "--help"));
    out.push('\n');
    out
}

/// The first line's text after "error:".
fn message(e: &clap::Error) -> String {
    let arg = string(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = string(e, ContextKind::InvalidValue).unwrap_or_default();
    let sub = string(e, ContextKind::InvalidSubcommand).unwrap_or_default();
    let num = |k| string(e, k).unwrap_or_default();
    let choices = |m: String, kind, key: &str| {
        let v = strings(e, kind);
        if v.is_empty() {
            m
        } else {
            let list = crate::i18n::tr(key, &[("values", v.join(", ").into())]);
            format!("{m}\n  {list}")
        }
    };
    match e.kind() {
        ErrorKind::UnknownArgument => t!("clap-error-unknown-argument", arg = arg),
        ErrorKind::InvalidSubcommand => t!("clap-error-unknown-subcommand", name = sub),
        ErrorKind::InvalidValue if value.is_empty() => t!("clap-error-value-missing", arg = arg),
        ErrorKind::InvalidValue => choices(
            t!("clap-error-invalid-value", arg = arg, value = value),
            ContextKind::ValidValue,
            "clap-possible-values",
        ),
        ErrorKind::ValueValidation => t!(
            "clap-error-value-validation",
            arg = arg,
            value = value,
            reason = reason(e)
        ),
        ErrorKind::MissingRequiredArgument => {
            let mut m = t!("clap-error-missing-required");
            for a in strings(e, ContextKind::InvalidArg) {
                m.push_str(&format!("\n  {a}"));
            }
            m
        }
        ErrorKind::MissingSubcommand => choices(
            t!("clap-error-missing-subcommand", name = sub),
            ContextKind::ValidSubcommand,
            "clap-subcommands",
        ),
        ErrorKind::ArgumentConflict => conflict(e, &arg, &sub),
        ErrorKind::NoEquals => t!("clap-error-no-equals", arg = arg),
        ErrorKind::TooManyValues => t!("clap-error-too-many-values", arg = arg, value = value),
        ErrorKind::TooFewValues => t!(
            "clap-error-too-few-values",
            arg = arg,
            min = num(ContextKind::MinValues),
            n = num(ContextKind::ActualNumValues)
        ),
        ErrorKind::WrongNumberOfValues => t!(
            "clap-error-wrong-number-of-values",
            arg = arg,
            expected = num(ContextKind::ExpectedNumValues),
            n = num(ContextKind::ActualNumValues)
        ),
        ErrorKind::InvalidUtf8 => t!("clap-error-invalid-utf8"),
        _ => t!("clap-error-other"),
    }
}

/// Two options (or an option used twice) that cannot go together.
fn conflict(e: &clap::Error, arg: &str, sub: &str) -> String {
    let prior = strings(e, ContextKind::PriorArg);
    if !arg.is_empty() && prior.iter().any(|p| p == arg) {
        return t!("clap-error-used-twice", arg = arg);
    }
    let others = if prior.is_empty() {
        t!("clap-error-conflict-others")
    } else {
        prior
            .iter()
            .map(|p| format!("'{p}'"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let what = if arg.is_empty() { sub } else { arg };
    t!("clap-error-conflict", arg = what, others = others)
}

/// Why a value was refused: our own parsers' messages are already translated; the standard number parsers'
/// are worded here.
fn reason(e: &clap::Error) -> String {
    use std::error::Error as _;
    let Some(source) = e.source() else {
        return String::new();
    };
    if source.downcast_ref::<std::num::ParseIntError>().is_some() {
        t!("clap-reason-integer")
    } else if source.downcast_ref::<std::num::ParseFloatError>().is_some() {
        t!("clap-reason-number")
    } else {
        source.to_string()
    }
}

/// One of clap's worded tips (which it keeps only in English), reworded; an unknown one is kept as it is.
fn suggestion(s: &str) -> String {
    let quoted: Vec<&str> = s.split('\'').skip(1).step_by(2).collect();
    if s.starts_with("to pass '")
        && let [arg, usage] = quoted[..]
    {
        return t!("clap-tip-as-value", arg = arg, usage = usage);
    }
    if s.starts_with("subcommand '")
        && let [name, ..] = quoted[..]
    {
        return t!("clap-tip-remove-dashes", name = name);
    }
    if s.ends_with("' exists")
        && let [what] = quoted[..]
    {
        return t!("clap-tip-exists", what = what);
    }
    s.to_string()
}

#[cfg(test)]
mod tests;
