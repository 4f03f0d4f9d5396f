//! `kodbok report`: the interview findings section as Markdown, pseudonymised and checked for leaks.

use super::summary::{LayerArgs, emit, pseudonyms};
use super::{Ctx, parse_kv};
use crate::analysis::report::{self, ReportOptions};
use anyhow::Context as _;
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct ReportArgs {
    /// Write the Markdown to this file (atomically) instead of standard output
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// A minijinja template to use instead of the built-in one for the language (--lang)
    #[arg(long, value_name = "FILE")]
    pub template: Option<PathBuf>,
    #[command(flatten)]
    pub layer: LayerArgs,
    /// Attribute whose groups are compared [default: the project's group attribute, `grupp`]
    #[arg(long, value_name = "ATTR")]
    pub by: Option<String>,
    /// Quotes per theme and group (1 to 3)
    #[arg(long, default_value_t = 2)]
    pub quotes: usize,
    /// Own wording for a group in running text, e.g. --label 'stor=i stora kommuner|i stora'
    /// (first mention | later mentions); repeatable
    #[arg(long = "label", value_parser = parse_kv, value_name = "VALUE=TEXT")]
    pub labels: Vec<(String, String)>,
}

pub fn run(a: &ReportArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let p = ctx.open()?;
    let template = match &a.template {
        Some(path) => {
            let src = std::fs::read_to_string(path)
                .with_context(|| format!("reading the template {}", path.display()))?;
            Some((path.display().to_string(), src))
        }
        None => None,
    };
    let opts = ReportOptions {
        lang: ctx.report_lang,
        layer: a.layer.layer(ctx)?,
        attr: a
            .by
            .clone()
            .unwrap_or_else(|| p.codebook.settings.group_attribute.clone()),
        quotes: a.quotes,
        labels: a.labels.clone(),
        template,
    };
    let map = pseudonyms(&p)?;
    let text = map.apply(&report::render(&p, &opts)?);
    emit(&map, &text, a.out.as_deref())?;
    Ok(ExitCode::SUCCESS)
}
