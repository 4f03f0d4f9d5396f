//! `kodbok report`: the interview findings section as Markdown or Word, pseudonymised and checked for leaks.

use super::office::{write_file, write_svg};
use super::summary::{LayerArgs, emit, pseudonyms};
use super::{Ctx, parse_kv};
use crate::analysis::docx::{self, Figure};
use crate::analysis::report::{self, ReportOptions};
use anyhow::Context as _;
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// Markdown
    Md,
    /// A Word document with Word's built-in styles, real tables and the themes chart (needs --out FILE.docx)
    Docx,
}

#[derive(Args, Debug)]
pub struct ReportArgs {
    /// Write the report to this file (atomically) instead of standard output
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Markdown, or a Word document
    #[arg(long, value_enum, default_value_t = ReportFormat::Md)]
    pub format: ReportFormat,
    /// Add a section comparing the groups per code with Fisher's exact test, with a plain-words caution
    #[arg(long)]
    pub stats: bool,
    /// Also draw the themes chart as an SVG file (a Markdown report links it; a .docx always embeds it as PNG)
    #[arg(long, value_name = "FILE.svg")]
    pub chart: Option<PathBuf>,
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
    // the report quotes the transcripts, never a coding's own copy of its text
    let p = ctx.open_with(&crate::store::Load::AllWith(crate::store::Fields::NoTexts))?;
    let template = match &a.template {
        Some(path) => {
            let src = std::fs::read_to_string(path).with_context(|| {
                crate::t!(
                    "context-reading-template",
                    path = path.display().to_string()
                )
            })?;
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
        stats: a.stats,
        figure: None,
    };
    let map = pseudonyms(&p)?;
    if let Some(path) = &a.chart {
        let (chart, _) = report::chart(&p, &opts)?;
        write_svg(&map, &map.apply(&chart.svg()?), path)?;
    }
    if a.format == ReportFormat::Docx {
        let out = xlsx_out_docx(a.out.as_deref())?;
        let text = map.apply(&report::render(&p, &opts)?);
        map.check(&text)?;
        let (chart, caption) = report::chart(&p, &opts)?;
        let (png, w, h) = chart.png()?;
        let figure = Figure {
            png,
            width_px: w,
            height_px: h,
            caption: map.apply(&caption),
        };
        write_file(out, &docx::from_markdown(&text, Some(figure))?)?;
        return Ok(ExitCode::SUCCESS);
    }
    let opts = ReportOptions {
        figure: a.chart.as_ref().map(|c| c.display().to_string()),
        ..opts
    };
    // The project and the context are left to the OS at exit: freeing 400,000 codings one by one, and
    // gathering the freed pieces again for the next large allocation, cost more than a tenth of the
    // report. The transcripts' texts (a few large allocations each) make room for the rendered text.
    let ctx = report::context(&p, &opts)?;
    let mut p = p;
    drop(std::mem::take(&mut p.transcripts));
    let text = report::render_context(&ctx, &opts)?;
    let text = map.apply_owned(text);
    emit(&map, &text, a.out.as_deref())?;
    super::free_at_exit((p, ctx, text));
    Ok(ExitCode::SUCCESS)
}

fn xlsx_out_docx(out: Option<&std::path::Path>) -> anyhow::Result<&std::path::Path> {
    out.ok_or_else(|| anyhow::anyhow!("--format docx writes a file: give it with --out FILE.docx"))
}
