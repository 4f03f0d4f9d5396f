//! `kodbok summary`: per code and group, cases, interviews, segments and word coverage; plus the pieces the
//! other analysis commands share (layer options, pseudonymised and leak-checked output).

use super::Ctx;
use super::office::{TableFormat, about_sheet, write_svg, write_xlsx, xlsx_out};
use super::output::{Format, write_table};
use crate::analysis::Lang;
use crate::analysis::Layer;
use crate::analysis::pseudonyms::Pseudonyms;
use crate::analysis::summary::{self, Summary};
use crate::analysis::xlsx::Sheet;
use crate::store::stats::{self, DocStats};
use crate::store::{Load, Project, atomic};
use crate::t;
use anyhow::Context as _;
use clap::Args;
use serde_json::{Value, json};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Which codings count: `--layer` (a coder, coders separated by commas, `all`, `konsensus`); the old
/// `--coder NAME` and `--all-coders` still work.
#[derive(Args, Debug, Clone)]
pub struct LayerArgs {
    /// Which codings count: a coder, several coders separated by commas, `all` (every coder's codings
    /// merged, except konsensus and the coders codebook.json's settings.exclude_coders leaves out) or
    /// `konsensus` (codings/konsensus.json) [default: all]
    #[arg(long, value_name = "LAYER")]
    pub layer: Option<String>,
    /// The same as --layer all (kept for scripts)
    #[arg(long, hide = true, conflicts_with = "layer")]
    pub all_coders: bool,
}

impl LayerArgs {
    pub fn layer(&self, ctx: &Ctx) -> anyhow::Result<Layer> {
        match (&self.layer, &ctx.coder_filter) {
            (Some(_), Some(_)) => anyhow::bail!(crate::t!("layer-and-coder")),
            (Some(l), None) => Ok(Layer::parse(l)?),
            (None, c) => Ok(Layer::from_options(c.as_deref(), self.all_coders)?),
        }
    }

    /// The layer and the coders it reads in `p` (checked to exist).
    pub fn resolve(&self, ctx: &Ctx, p: &Project) -> anyhow::Result<(Layer, Vec<String>)> {
        let layer = self.layer(ctx)?;
        let coders = layer.coders(p)?;
        Ok((layer, coders))
    }
}

/// "Layer: …" for the head of a table, in the current language.
pub fn layer_line(p: &Project, layer: &Layer, coders: &[String]) -> String {
    let description = layer.describe_in(p, coders, crate::i18n::lang());
    crate::t!("layer-line", description = description)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SortBy {
    /// Codebook order: each theme, then its sub-codes
    Codebook,
    /// Largest difference in case share between groups first
    Difference,
}

#[derive(Args, Debug)]
pub struct SummaryArgs {
    /// Case attribute (a cases.csv column) or transcript header field to group by [default: the project's
    /// group attribute, `grupp`]
    #[arg(long, value_name = "ATTR")]
    pub by: Option<String>,
    #[command(flatten)]
    pub layer: LayerArgs,
    /// Output format: an aligned table (with a header saying the layer), JSON/CSV rows for scripts, or an Excel
    /// workbook (with --out). JSON, CSV and xlsx rows carry Fisher's exact test per code (`fisher_p`, `odds_ratio`)
    /// when there are two groups
    #[arg(long, value_enum, default_value_t = TableFormat::Table)]
    pub format: TableFormat,
    /// Write to this file (atomically) instead of standard output; needed for --format xlsx
    #[arg(long, value_name = "FILE")]
    pub out: Option<std::path::PathBuf>,
    /// Also draw the themes chart (share of each group's cases per code, k/n on every bar) as an SVG file
    #[arg(long, value_name = "FILE.svg")]
    pub chart: Option<std::path::PathBuf>,
    /// Row order
    #[arg(long, value_enum, default_value_t = SortBy::Codebook)]
    pub sort: SortBy,
    /// Add the ids of the codings behind every number (`coding_ids`)
    #[arg(long)]
    pub ids: bool,
}

pub fn run(a: &SummaryArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let (p, docs) = open(ctx, a.chart.is_some())?;
    let layer = a.layer.layer(ctx)?;
    let attr =
        a.by.clone()
            .unwrap_or_else(|| p.codebook.settings.group_attribute.clone());
    let mut s = match &docs {
        Some(docs) => summary::compute_with(&p, docs, &layer, &attr)?,
        None => summary::compute(&p, &layer, &attr)?,
    };
    warn_skipped(&s.skipped);
    if a.sort == SortBy::Difference {
        s.rows
            .sort_by(|x, y| Summary::spread(y).total_cmp(&Summary::spread(x)));
    }
    let map = pseudonyms(&p)?;
    if let Some(path) = &a.chart {
        chart(&p, &layer, &attr, ctx.report_lang, &map, path)?;
    }
    let flat = || -> anyhow::Result<Vec<Value>> {
        let mut rows: Vec<Value> = s
            .flat_rows(a.ids)
            .iter()
            .map(serde_json::to_value)
            .collect::<Result<_, _>>()?;
        rows.iter_mut().for_each(|r| map.apply_value(r));
        Ok(rows)
    };
    let text = match a.format.text() {
        Some(Format::Table) => table(&p, &s, &map, a.sort == SortBy::Codebook, a.ids)?,
        Some(f) => render_rows(f, &flat()?)?,
        None => {
            let out = xlsx_out(a.out.as_deref())?;
            let layer = s.layer.describe(&s.coders, crate::i18n::lang());
            let about = about_sheet(&[
                (t!("about-label", field = "layer"), map.apply(&layer)),
                (t!("about-label", field = "grouped-by"), s.attr.clone()),
                ("fisher_p".into(), t!("about-fisher-p")),
                ("odds_ratio".into(), t!("about-odds-ratio")),
            ]);
            write_xlsx(&map, &[Sheet::new("summary", flat()?), about], out)?;
            return Ok(ExitCode::SUCCESS);
        }
    };
    emit(&map, &text, a.out.as_deref())?;
    super::free_at_exit((p, s, docs));
    Ok(ExitCode::SUCCESS)
}

/// The project without its transcripts' text and their statistics from the cache (summary's numbers need no
/// more), unless `text` is needed (the chart's quotes) or a file has a problem, which the full load
/// reports all at once.
fn open(ctx: &Ctx, text: bool) -> anyhow::Result<(Project, Option<Vec<DocStats>>)> {
    if !text
        && let Ok(p) = ctx.open_with(&Load::Codings)
        && let Some(docs) = stats::from_files(&p.root)?
    {
        return Ok((p, Some(docs)));
    }
    Ok((ctx.open()?, None))
}

/// Writes the themes chart of a layer and grouping.
pub fn chart(
    p: &Project,
    layer: &Layer,
    attr: &str,
    lang: Lang,
    map: &Pseudonyms,
    path: &Path,
) -> anyhow::Result<()> {
    let opts = crate::analysis::report::ReportOptions {
        lang,
        layer: layer.clone(),
        attr: attr.to_string(),
        quotes: 1,
        labels: Vec::new(),
        template: None,
        stats: false,
        figure: None,
    };
    let (c, _) = crate::analysis::report::chart(p, &opts)?;
    write_svg(map, &map.apply(&c.svg()?), path)
}

pub fn warn_skipped(skipped: &[String]) {
    if !skipped.is_empty() {
        crate::warn_line!("kodbok: {}", crate::t!("warn-skipped", n = skipped.len()));
    }
}

fn pct(x: f64) -> String {
    crate::i18n::percent(x * 100.0, 1)
}

fn pp(x: f64) -> String {
    let v = (x * 100.0).round();
    if v == 0.0 {
        "0 pp".to_string()
    } else {
        let sign = if v > 0.0 { "+" } else { "" };
        format!("{sign}{} pp", crate::i18n::number(v, 0))
    }
}

/// The aligned table, pseudonymised cell by cell so the columns stay aligned.
fn table(
    p: &Project,
    s: &Summary,
    map: &Pseudonyms,
    indent: bool,
    ids: bool,
) -> anyhow::Result<String> {
    let mut out = Vec::new();
    out.extend_from_slice(map.apply(&table_header(p, s)).as_bytes());
    let mut rows: Vec<Value> = s
        .rows
        .iter()
        .map(|r| table_row(s, r, indent, ids))
        .collect();
    rows.iter_mut().for_each(|r| map.apply_value(r));
    write_table(&mut out, &rows, if ids { 10_000 } else { 70 })?;
    Ok(String::from_utf8(out)?)
}

/// The lines above the table: layer, groups, a note on partial layers, how to read a cell.
fn table_header(p: &Project, s: &Summary) -> String {
    let mut out = format!("{}\n", layer_line(p, &s.layer, &s.coders));
    let groups: Vec<String> = s
        .groups
        .iter()
        .map(|g| {
            t!(
                "summary-group",
                value = shown(&g.value),
                cases = g.cases.len(),
                interviews = g.docs.len(),
                words = g.words
            )
        })
        .collect();
    if groups.is_empty() {
        out.push_str(&t!("summary-grouped-none", attr = s.attr.as_str()));
    } else {
        let groups = groups.join("; ");
        out.push_str(&t!(
            "summary-grouped",
            attr = s.attr.as_str(),
            groups = groups
        ));
    }
    out.push('\n');
    if let Some(note) = s.merged_note(crate::i18n::lang()) {
        out.push_str(&note);
        out.push('\n');
    }
    let (coded, all) = (s.coded_docs.len(), s.total.docs.len());
    if coded < all {
        out.push_str(&t!("summary-partial", coded = coded, all = all));
        out.push('\n');
    }
    out.push_str(&t!("summary-cells"));
    out.push_str("\n\n");
    out
}

fn table_row(s: &Summary, r: &summary::CodeRow, indent: bool, ids: bool) -> Value {
    let mut m = serde_json::Map::new();
    let name = if indent {
        format!("{}{}", "  ".repeat(r.depth), r.name)
    } else {
        r.path.clone()
    };
    m.insert(t!("col-code"), json!(name));
    for (g, c) in s.groups.iter().zip(&r.cells) {
        let v = shown(&g.value);
        let cases = format!("{}/{}", c.cases.len(), c.cases_in_group);
        m.insert(t!("col-cases", group = v.as_str()), json!(cases));
        let interviews = format!("{}/{}", c.docs.len(), c.interviews_in_group);
        m.insert(t!("col-interviews", group = v.as_str()), json!(interviews));
        m.insert(t!("col-segs", group = v.as_str()), json!(c.segments()));
        m.insert(
            t!("col-words", group = v.as_str()),
            json!(pct(c.word_share())),
        );
    }
    if let [a, b] = s.groups.as_slice() {
        let d = r.cells[0].case_share() - r.cells[1].case_share();
        let head = t!("col-delta", a = shown(&a.value), b = shown(&b.value));
        m.insert(head, json!(pp(d)));
    } else if s.groups.len() > 2 {
        m.insert(t!("col-spread"), json!(pp(Summary::spread(r))));
    }
    let all = format!("{}/{}", r.total.cases.len(), r.total.cases_in_group);
    m.insert(t!("col-all-cases"), json!(all));
    m.insert(t!("col-all-segs"), json!(r.total.segments()));
    if ids {
        m.insert(
            t!("col-coding-ids"),
            json!(s.coding_ids(&r.total).collect::<Vec<_>>().join(" ")),
        );
    }
    Value::Object(m)
}

fn shown(v: &Option<String>) -> String {
    match v.as_deref() {
        None => crate::t!("group-all"),
        Some("") => crate::t!("group-no-value"),
        Some(x) => x.to_string(),
    }
}

/// Rows (JSON objects) as pretty JSON, CSV or an aligned table, in memory so they can be checked before output.
pub fn render_rows(format: Format, rows: &[Value]) -> anyhow::Result<String> {
    render_rows_with(format, rows, &[])
}

/// Like `render_rows`; CSV starts with the columns `cols` (so an empty listing still has its header line).
pub fn render_rows_with(format: Format, rows: &[Value], cols: &[String]) -> anyhow::Result<String> {
    let mut out = Vec::new();
    let cols: Vec<&str> = cols.iter().map(String::as_str).collect();
    super::output::write_rows(&mut out, format, rows, &cols)?;
    Ok(String::from_utf8(out)?)
}

/// Checks that `text` (already pseudonymised by the caller) reveals no real name from the project's map,
/// then prints it or writes it atomically to `out`. On a leak nothing is printed or written.
pub fn emit(map: &Pseudonyms, text: &str, out: Option<&Path>) -> anyhow::Result<()> {
    map.check(text)?;
    match out {
        Some(path) => {
            atomic::write(path, crate::safe::terminal(text).as_bytes())
                .with_context(|| crate::t!("context-writing", path = path.display().to_string()))?;
            crate::warn_line!(
                "kodbok: {}",
                crate::t!("wrote-file", path = path.display().to_string())
            );
        }
        None => {
            let mut o = crate::safe::stdout();
            o.write_all(text.as_bytes())?;
            o.flush()?;
        }
    }
    Ok(())
}

/// The project's pseudonym map.
pub fn pseudonyms(p: &Project) -> anyhow::Result<Pseudonyms> {
    Ok(Pseudonyms::load(&p.root)?)
}
