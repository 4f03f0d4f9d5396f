//! `kodbok summary`: per code and group, cases, interviews, segments and word coverage; plus the pieces the
//! other analysis commands share (layer options, pseudonymised and leak-checked output).

use super::Ctx;
use super::output::{Format, write_table};
use crate::analysis::pseudonyms::Pseudonyms;
use crate::analysis::summary::{self, Summary};
use crate::analysis::{Lang, Layer};
use crate::store::{Project, atomic};
use anyhow::Context as _;
use clap::Args;
use serde_json::{Value, json};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Which codings count: `--coder NAME` (global; `--coder konsensus` for the consensus layer) or `--all-coders`.
#[derive(Args, Debug, Clone)]
pub struct LayerArgs {
    /// Count every coder's codings merged (the default unless --coder is given); a case or interview
    /// counts once however many coders coded it. `--coder NAME` counts one coder, `--coder konsensus`
    /// the consensus layer (codings/konsensus.json)
    #[arg(long)]
    pub all_coders: bool,
}

impl LayerArgs {
    pub fn layer(&self, ctx: &Ctx) -> anyhow::Result<Layer> {
        Ok(Layer::from_options(
            ctx.coder_filter.as_deref(),
            self.all_coders,
        )?)
    }
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
    /// Output format: an aligned table (with a header saying the layer), or JSON/CSV rows for scripts
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Row order
    #[arg(long, value_enum, default_value_t = SortBy::Codebook)]
    pub sort: SortBy,
    /// Add the ids of the codings behind every number (`coding_ids`)
    #[arg(long)]
    pub ids: bool,
}

pub fn run(a: &SummaryArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let p = ctx.open()?;
    let layer = a.layer.layer(ctx)?;
    let attr =
        a.by.clone()
            .unwrap_or_else(|| p.codebook.settings.group_attribute.clone());
    let mut s = summary::compute(&p, &layer, &attr)?;
    warn_skipped(&s.skipped);
    if a.sort == SortBy::Difference {
        s.rows
            .sort_by(|x, y| Summary::spread(y).total_cmp(&Summary::spread(x)));
    }
    let map = pseudonyms(&p)?;
    let text = match a.format {
        Format::Table => table(&s, &map, a.sort == SortBy::Codebook, a.ids)?,
        f => {
            let mut rows: Vec<Value> = s
                .flat_rows(a.ids)
                .iter()
                .map(serde_json::to_value)
                .collect::<Result<_, _>>()?;
            rows.iter_mut().for_each(|r| map.apply_value(r));
            render_rows(f, &rows)?
        }
    };
    emit(&map, &text, None)?;
    Ok(ExitCode::SUCCESS)
}

pub fn warn_skipped(skipped: &[String]) {
    if !skipped.is_empty() {
        crate::warn_line!(
            "kodbok: warning: {} codings are not counted: their transcript or code is unknown or their span is out of range (see `kodbok check`)",
            skipped.len()
        );
    }
}

fn pct(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

fn pp(x: f64) -> String {
    let v = (x * 100.0).round();
    if v == 0.0 {
        "0 pp".to_string()
    } else {
        format!("{v:+.0} pp")
    }
}

/// The aligned table, pseudonymised cell by cell so the columns stay aligned.
fn table(s: &Summary, map: &Pseudonyms, indent: bool, ids: bool) -> anyhow::Result<String> {
    let mut out = Vec::new();
    out.extend_from_slice(map.apply(&table_header(s)).as_bytes());
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
fn table_header(s: &Summary) -> String {
    let mut out = format!("Layer: {}\n", s.layer.describe(&s.coders, Lang::En));
    let groups: Vec<String> = s
        .groups
        .iter()
        .map(|g| {
            let (v, c, d) = (shown(&g.value), g.cases.len(), g.docs.len());
            format!("{v} = {c} cases, {d} interviews, {} words", g.words)
        })
        .collect();
    if groups.is_empty() {
        out.push_str(&format!("Grouped by {}: no transcripts yet\n", s.attr));
    } else {
        out.push_str(&format!("Grouped by {}: {}\n", s.attr, groups.join("; ")));
    }
    let (coded, all) = (s.coded_docs.len(), s.total.docs.len());
    if coded < all {
        out.push_str(&format!(
            "Note: this layer has codings in {coded} of {all} interviews; the others count as not coded.\n"
        ));
    }
    out.push_str(
        "Cells: cases/in group, interviews/in group, segments, share of the group's words coded. ",
    );
    out.push_str("Themes count their sub-codes.\n\n");
    out
}

fn table_row(s: &Summary, r: &summary::CodeRow, indent: bool, ids: bool) -> Value {
    let mut m = serde_json::Map::new();
    let name = if indent {
        format!("{}{}", "  ".repeat(r.depth), r.name)
    } else {
        r.path.clone()
    };
    m.insert("code".into(), json!(name));
    for (g, c) in s.groups.iter().zip(&r.cells) {
        let v = shown(&g.value);
        let cases = format!("{}/{}", c.cases.len(), c.cases_in_group);
        m.insert(format!("{v} cases"), json!(cases));
        let interviews = format!("{}/{}", c.docs.len(), c.interviews_in_group);
        m.insert(format!("{v} interviews"), json!(interviews));
        m.insert(format!("{v} segs"), json!(c.segments()));
        m.insert(format!("{v} words"), json!(pct(c.word_share())));
    }
    if let [a, b] = s.groups.as_slice() {
        let d = r.cells[0].case_share() - r.cells[1].case_share();
        let head = format!("Δ cases {}−{}", shown(&a.value), shown(&b.value));
        m.insert(head, json!(pp(d)));
    } else if s.groups.len() > 2 {
        m.insert("spread".into(), json!(pp(Summary::spread(r))));
    }
    let all = format!("{}/{}", r.total.cases.len(), r.total.cases_in_group);
    m.insert("all cases".into(), json!(all));
    m.insert("all segs".into(), json!(r.total.segments()));
    if ids {
        m.insert("coding ids".into(), json!(r.total.coding_ids.join(" ")));
    }
    Value::Object(m)
}

fn shown(v: &Option<String>) -> String {
    match v.as_deref() {
        None => "all".into(),
        Some("") => "(no value)".into(),
        Some(x) => x.to_string(),
    }
}

/// A cell of CSV output: arrays joined with `;`, null empty.
fn csv_cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(a) => a.iter().map(csv_cell).collect::<Vec<_>>().join(";"),
        other => other.to_string(),
    }
}

/// Rows (JSON objects) as pretty JSON, CSV or an aligned table, in memory so they can be checked before output.
pub fn render_rows(format: Format, rows: &[Value]) -> anyhow::Result<String> {
    render_rows_with(format, rows, &[])
}

/// Like `render_rows`; CSV starts with the columns `cols` (so an empty listing still has its header line).
pub fn render_rows_with(format: Format, rows: &[Value], cols: &[String]) -> anyhow::Result<String> {
    let mut out = Vec::new();
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, rows)?;
            writeln!(out)?;
        }
        Format::Csv => {
            let mut cols: Vec<String> = cols.to_vec();
            for r in rows {
                for k in r.as_object().into_iter().flat_map(|o| o.keys()) {
                    if !cols.contains(k) {
                        cols.push(k.clone());
                    }
                }
            }
            let mut w = crate::safe::CsvWriter::new(&mut out);
            w.write_record(&cols)?;
            for r in rows {
                w.write_record(
                    cols.iter()
                        .map(|c| csv_cell(r.get(c).unwrap_or(&Value::Null))),
                )?;
            }
            w.flush()?;
        }
        Format::Table => write_table(&mut out, rows, 70)?,
    }
    Ok(String::from_utf8(out)?)
}

/// Checks that `text` (already pseudonymised by the caller) reveals no real name from the project's map,
/// then prints it or writes it atomically to `out`. On a leak nothing is printed or written.
pub fn emit(map: &Pseudonyms, text: &str, out: Option<&Path>) -> anyhow::Result<()> {
    map.check(text)?;
    match out {
        Some(path) => {
            atomic::write(path, crate::safe::terminal(text).as_bytes())
                .with_context(|| format!("writing {}", path.display()))?;
            crate::warn_line!("kodbok: wrote {}", path.display());
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
