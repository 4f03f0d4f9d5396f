//! `kodbok saturation`: how many codes appear for the first time in each interview, in coding order, per group.

use super::Ctx;
use super::office::{TableFormat, about_sheet, write_svg, write_xlsx, xlsx_out};
use super::output::Format;
use super::summary::{LayerArgs, emit, layer_line, pseudonyms, render_rows, warn_skipped};
use crate::analysis::LayerData;
use crate::analysis::chart::{Line, LineChart};
use crate::analysis::saturation::{self, Order, Saturation};
use crate::analysis::xlsx::Sheet;
use crate::t;
use anyhow::Context as _;
use clap::Args;
use serde_json::{Value, json};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct SaturationArgs {
    /// Attribute whose groups get their own curve [default: the project's group attribute, `grupp`]
    #[arg(long, value_name = "ATTR")]
    pub by: Option<String>,
    /// Take the interviews in this order (transcript ids, comma-separated) instead of the order they were coded in
    #[arg(
        long,
        value_delimiter = ',',
        value_name = "DOC,…",
        conflicts_with = "order_file"
    )]
    pub order: Option<Vec<String>>,
    /// As --order, from a file with one transcript id per line
    #[arg(long, value_name = "FILE")]
    pub order_file: Option<PathBuf>,
    #[command(flatten)]
    pub layer: LayerArgs,
    /// Output format (xlsx needs --out)
    #[arg(long, value_enum, default_value_t = TableFormat::Table)]
    pub format: TableFormat,
    /// Write to this file (atomically) instead of standard output
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Also draw the curves (codes seen so far after each interview, one line per group) as an SVG file
    #[arg(long, value_name = "FILE.svg")]
    pub chart: Option<PathBuf>,
}

pub fn run(a: &SaturationArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let p = ctx.open()?;
    let layer = a.layer.layer(ctx)?;
    let coders = {
        let data = LayerData::load(&p, &layer)?;
        warn_skipped(&data.skipped);
        data.coders
    };
    let attr =
        a.by.clone()
            .unwrap_or_else(|| p.codebook.settings.group_attribute.clone());
    let order = match (&a.order, &a.order_file) {
        (Some(list), _) => Order::Given(list.clone()),
        (None, Some(f)) => {
            let text = std::fs::read_to_string(f)
                .with_context(|| t!("context-reading", path = f.display().to_string()))?;
            Order::Given(
                text.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(String::from)
                    .collect(),
            )
        }
        (None, None) => Order::Coded,
    };
    let s = saturation::compute(&p, &layer, &attr, &order)?;
    let map = pseudonyms(&p)?;
    if let Some(path) = &a.chart {
        write_svg(&map, &map.apply(&chart(&s).svg()?), path)?;
    }
    let mut rows = rows(&s, &p);
    rows.iter_mut().for_each(|r| map.apply_value(r));
    let text = match a.format.text() {
        Some(Format::Json) => {
            let mut v = serde_json::to_value(&s)?;
            map.apply_value(&mut v);
            format!("{}\n", serde_json::to_string_pretty(&v)?)
        }
        Some(Format::Table) => format!(
            "{}\n{}",
            map.apply(&header(&s, &layer_line(&p, &layer, &coders), &order)),
            render_rows(Format::Table, &rows)?
        ),
        Some(f) => render_rows(f, &rows)?,
        None => {
            let about = about_sheet(&[
                (t!("about-label", field = "layer"), s.layer.clone()),
                (t!("about-label", field = "order"), order_words(&s)),
                (t!("about-label", field = "grouped-by"), s.attr.clone()),
                (
                    t!("about-label", field = "codes-in-codebook"),
                    s.codes_in_codebook.to_string(),
                ),
            ]);
            write_xlsx(
                &map,
                &[Sheet::new("saturation", rows), about],
                xlsx_out(a.out.as_deref())?,
            )?;
            return Ok(ExitCode::SUCCESS);
        }
    };
    emit(&map, &text, a.out.as_deref())?;
    Ok(ExitCode::SUCCESS)
}

/// How the interviews were ordered, in the current language (the JSON keeps its English `order`).
fn order_words(s: &Saturation) -> String {
    if s.order.starts_with("given") {
        t!("saturation-order-given")
    } else {
        t!("saturation-order-coded")
    }
}

/// The lines above the table: layer, order, and per curve how many codes were seen and how many came late.
fn header(s: &Saturation, layer: &str, order: &Order) -> String {
    let order = match order {
        Order::Coded => t!("saturation-order-coded"),
        Order::Given(_) => t!("saturation-order-given"),
    };
    let mut out = format!("{layer}\n{}\n", t!("saturation-order", order = order));
    for c in &s.curves {
        let last = c.steps.last().map_or(0, |x| x.cumulative);
        let tail: usize = c
            .steps
            .iter()
            .rev()
            .take(2)
            .map(|x| x.new_codes.len())
            .sum();
        let curve = c
            .group
            .as_deref()
            .map_or(t!("saturation-all"), |g| format!("{} {g}", s.attr));
        out.push_str(&t!(
            "saturation-curve",
            curve = curve,
            interviews = c.steps.len(),
            seen = last,
            codes = s.codes_in_codebook,
            late = tail
        ));
        out.push('\n');
    }
    out
}

/// One row per curve and interview.
fn rows(s: &Saturation, p: &crate::store::Project) -> Vec<Value> {
    let name = |id: &str| {
        p.codebook
            .get(id)
            .map_or(id.to_string(), |c| c.name.clone())
    };
    s.curves
        .iter()
        .flat_map(|c| {
            c.steps.iter().map(move |x| {
                json!({
                    "curve": c.group.clone().unwrap_or_else(|| "all".into()),
                    "position": x.position,
                    "doc": x.doc,
                    "case": x.case,
                    "group": x.group,
                    "first_coded": x.first_coded.map(|t| t.format("%Y-%m-%d %H:%M").to_string()),
                    "new": x.new_codes.len(),
                    "cumulative": x.cumulative,
                    "new_codes": x.new_codes.iter().map(|c| name(c)).collect::<Vec<_>>().join("; "),
                })
            })
        })
        .collect()
}

fn chart(s: &Saturation) -> LineChart {
    LineChart {
        title: t!("saturation-chart-title", layer = s.layer.as_str()),
        x_label: t!("saturation-chart-x"),
        y_label: t!("saturation-chart-y"),
        lines: s
            .curves
            .iter()
            .map(|c| Line {
                name: c.group.clone().unwrap_or_else(|| t!("saturation-all")),
                values: c.steps.iter().map(|x| x.cumulative).collect(),
            })
            .collect(),
    }
}
