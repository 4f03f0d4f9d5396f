//! `kodbok matrix`: code × case (0/1, segments or interviews) and code × code co-occurrence, for R and Excel.

use super::Ctx;
use super::output::Format;
use super::summary::{LayerArgs, emit, layer_line, pseudonyms, render_rows, warn_skipped};
use crate::analysis::cooccurrence::{self, CooccurrenceUnit};
use crate::analysis::matrix::{self, MatrixCell};
use crate::analysis::{CodeInfo, Lang, Layer, LayerData};
use crate::store::Project;
use crate::t;
use clap::Args;
use serde_json::{Map, Value, json};
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    /// One row per code, one column per case
    CodeCase,
    /// One row and one column per code: how often two codes co-occur
    Cooccurrence,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Values {
    /// Coded segments of the code in the case
    Count,
    /// 1 when the code was coded in the case at all, else 0
    Binary,
    /// Interviews of the case in which the code was coded
    Interviews,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum UnitArg {
    /// Two codes co-occur where their coded text overlaps
    Overlap,
    /// Two codes co-occur in a speaker turn both touch
    Turn,
}

impl From<UnitArg> for CooccurrenceUnit {
    fn from(u: UnitArg) -> CooccurrenceUnit {
        match u {
            UnitArg::Overlap => CooccurrenceUnit::Overlap,
            UnitArg::Turn => CooccurrenceUnit::Turn,
        }
    }
}

#[derive(Args, Debug)]
pub struct MatrixArgs {
    #[arg(long, value_enum, default_value_t = Kind::CodeCase)]
    pub kind: Kind,
    /// Cell values of the code-case matrix
    #[arg(long, value_enum, default_value_t = Values::Count)]
    pub values: Values,
    /// What counts as co-occurring: overlapping coded text, or the same speaker turn
    #[arg(long, value_enum, default_value_t = UnitArg::Overlap)]
    pub unit: UnitArg,
    /// Only top-level themes (each counting its sub-codes)
    #[arg(long)]
    pub themes: bool,
    #[command(flatten)]
    pub layer: LayerArgs,
    /// Output format: a table, a JSON document, or a wide CSV for R and Excel
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

pub fn run(a: &MatrixArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let p = ctx.open()?;
    let layer = a.layer.layer(ctx)?;
    warn_skipped(&LayerData::load(&p, &layer)?.skipped);
    let map = pseudonyms(&p)?;
    let (header, rows, doc) = match a.kind {
        Kind::CodeCase => code_case(&p, &layer, a)?,
        Kind::Cooccurrence => cooccurrence(&p, &layer, a)?,
    };
    let (mut rows, mut doc) = (rows, doc);
    rows.iter_mut().for_each(|r| map.apply_value(r));
    map.apply_value(&mut doc);
    let text = match a.format {
        Format::Json => format!("{}\n", serde_json::to_string_pretty(&doc)?),
        Format::Csv => render_rows(Format::Csv, &rows)?,
        Format::Table => format!(
            "{}\n\n{}",
            map.apply(&header),
            render_rows(Format::Table, &rows)?
        ),
    };
    emit(&map, &text, None)?;
    Ok(ExitCode::SUCCESS)
}

/// The table header, the wide rows (table, CSV) and the JSON document of one matrix.
type Output = (String, Vec<Value>, Value);

fn keep(a: &MatrixArgs, c: &CodeInfo) -> bool {
    !a.themes || c.depth == 0
}

fn code_case(p: &Project, layer: &Layer, a: &MatrixArgs) -> anyhow::Result<Output> {
    let keep = |c: &CodeInfo| keep(a, c);
    let m = matrix::code_case(p, layer)?;
    let cells = match a.values {
        Values::Count => t!("matrix-cells-count"),
        Values::Binary => t!("matrix-cells-binary"),
        Values::Interviews => t!("matrix-cells-interviews"),
    };
    let header = format!(
        "{}\n{}",
        layer_line(p, layer, &m.coders),
        t!("matrix-code-case", cells = cells)
    );
    let doc = json!({
        "kind": "code-case",
        "layer": layer.id(),
        "layer_description": layer.describe_in(p, &m.coders, Lang::En),
        "cases": m.cases,
        "rows": m.rows.iter().filter(|r| keep(&r.code)).map(|r| {
            let mut o = code_fields(&r.code);
            o.insert("cells".into(), Value::Object(m.cases.iter().zip(&r.cells).map(|(c, x)| (c.clone(), json!(x))).collect()));
            Value::Object(o)
        }).collect::<Vec<_>>(),
    });
    let rows: Vec<Value> = m
        .rows
        .iter()
        .filter(|r| keep(&r.code))
        .map(|r| {
            let cells = m
                .cases
                .iter()
                .zip(&r.cells)
                .map(|(c, x)| (c.clone(), json!(value(a.values, x))));
            wide(&layer.id(), None, &r.code, cells, a.format)
        })
        .collect();
    Ok((header, rows, doc))
}

fn cooccurrence(p: &Project, layer: &Layer, a: &MatrixArgs) -> anyhow::Result<Output> {
    let keep = |c: &CodeInfo| keep(a, c);
    let unit = CooccurrenceUnit::from(a.unit);
    let m = cooccurrence::compute(p, layer, unit)?;
    let header = format!(
        "{}\n{}",
        layer_line(p, layer, &m.coders),
        t!("matrix-cooccurrence", unit = unit.describe())
    );
    let idx: Vec<usize> = (0..m.codes.len()).filter(|&i| keep(&m.codes[i])).collect();
    let doc = json!({
        "kind": "cooccurrence",
        "layer": layer.id(),
        "layer_description": layer.describe_in(p, &m.coders, Lang::En),
        "unit": unit,
        "unit_description": unit.describe(),
        "codes": idx.iter().map(|&i| m.codes[i].id.clone()).collect::<Vec<_>>(),
        "rows": idx.iter().map(|&i| {
            let mut o = code_fields(&m.codes[i]);
            o.insert("counts".into(), Value::Object(idx.iter().map(|&j| (m.codes[j].id.clone(), json!(m.counts[i][j]))).collect()));
            o.insert("coding_ids".into(), Value::Object(idx.iter().map(|&j| (m.codes[j].id.clone(), json!(m.coding_ids[i][j]))).collect()));
            Value::Object(o)
        }).collect::<Vec<_>>(),
    });
    let rows: Vec<Value> = idx
        .iter()
        .map(|&i| {
            let cells = idx
                .iter()
                .map(|&j| (m.codes[j].id.clone(), json!(m.counts[i][j])));
            wide(&layer.id(), Some(unit), &m.codes[i], cells, a.format)
        })
        .collect();
    Ok((header, rows, doc))
}

fn value(v: Values, c: &MatrixCell) -> usize {
    match v {
        Values::Count => c.segments,
        Values::Binary => usize::from(c.present),
        Values::Interviews => c.interviews,
    }
}

fn code_fields(c: &CodeInfo) -> Map<String, Value> {
    let mut o = Map::new();
    o.insert("code".into(), json!(c.id));
    o.insert("code_name".into(), json!(c.name));
    o.insert("code_path".into(), json!(c.path));
    o.insert("depth".into(), json!(c.depth));
    o
}

/// A wide row: identifying columns, then one column per case or code.
fn wide(
    layer: &str,
    unit: Option<CooccurrenceUnit>,
    c: &CodeInfo,
    cells: impl Iterator<Item = (String, Value)>,
    f: Format,
) -> Value {
    let mut o = Map::new();
    if f == Format::Table {
        o.insert(
            "code".into(),
            json!(format!("{}{}", "  ".repeat(c.depth), c.name)),
        );
    } else {
        o.insert("layer".into(), json!(layer));
        if let Some(u) = unit {
            o.insert("unit".into(), json!(u));
        }
        o.extend(code_fields(c).into_iter().filter(|(k, _)| k != "depth"));
    }
    o.extend(cells);
    Value::Object(o)
}
