//! `kodbok matrix`: code × case (0/1, segments or interviews) and code × code co-occurrence, for R and Excel.

use super::Ctx;
use super::office::{TableFormat, write_xlsx, xlsx_out};
use super::output::Format;
use super::summary::{LayerArgs, emit, layer_line, pseudonyms, render_rows, warn_skipped};
use crate::analysis::cooccurrence::{self, CooccurrenceUnit};
use crate::analysis::matrix::{self, MatrixCell};
use crate::analysis::xlsx::Sheet;
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
pub enum CooccurrenceUnitArg {
    /// Two codes co-occur where their coded text overlaps
    Overlap,
    /// Two codes co-occur in a speaker turn both touch
    Turn,
}

impl From<CooccurrenceUnitArg> for CooccurrenceUnit {
    fn from(u: CooccurrenceUnitArg) -> CooccurrenceUnit {
        match u {
            CooccurrenceUnitArg::Overlap => CooccurrenceUnit::Overlap,
            CooccurrenceUnitArg::Turn => CooccurrenceUnit::Turn,
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
    #[arg(long, value_enum, default_value_t = CooccurrenceUnitArg::Overlap)]
    pub unit: CooccurrenceUnitArg,
    /// Only top-level themes (each counting its sub-codes)
    #[arg(long)]
    pub themes: bool,
    #[command(flatten)]
    pub layer: LayerArgs,
    /// Output format: a table, a JSON document, a wide CSV for R and Excel, or an Excel workbook (with --out;
    /// co-occurrence adds a sheet of pairs with their c-coefficient and Jaccard index)
    #[arg(long, value_enum, default_value_t = TableFormat::Table)]
    pub format: TableFormat,
    /// Co-occurrence: list the pairs of codes (counts, c-coefficient, Jaccard index, share of the rarer code,
    /// lopsided flag) instead of the wide matrix
    #[arg(long)]
    pub pairs: bool,
    /// Write to this file (atomically) instead of standard output; needed for --format xlsx
    #[arg(long, value_name = "FILE")]
    pub out: Option<std::path::PathBuf>,
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
    let pairs: Vec<Value> = doc
        .get("pairs")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let text = match a.format.text() {
        Some(Format::Json) => format!("{}\n", serde_json::to_string_pretty(&doc)?),
        Some(Format::Csv) if a.pairs => render_rows(Format::Csv, &pairs)?,
        Some(Format::Csv) => render_rows(Format::Csv, &rows)?,
        Some(Format::Table) if a.pairs => format!(
            "{}\n\n{}",
            map.apply(&header),
            render_rows(Format::Table, &pairs)?
        ),
        Some(Format::Table) => format!(
            "{}\n\n{}",
            map.apply(&header),
            render_rows(Format::Table, &rows)?
        ),
        None => {
            let name = match a.kind {
                Kind::CodeCase => "code-case",
                Kind::Cooccurrence => "cooccurrence",
            };
            let mut sheets = vec![Sheet::new(name, rows)];
            if a.kind == Kind::Cooccurrence {
                sheets.push(Sheet::new("pairs", pairs));
            }
            write_xlsx(&map, &sheets, xlsx_out(a.out.as_deref())?)?;
            return Ok(ExitCode::SUCCESS);
        }
    };
    emit(&map, &text, a.out.as_deref())?;
    Ok(ExitCode::SUCCESS)
}

/// Every pair of distinct codes that co-occur at least once, with their strength.
fn pairs(m: &cooccurrence::Cooccurrence, idx: &[usize], layer: &str) -> Vec<Value> {
    let mut out = Vec::new();
    for (x, &i) in idx.iter().enumerate() {
        for &j in &idx[x + 1..] {
            if m.counts[i][j] == 0 {
                continue;
            }
            let s = m.strength(i, j);
            let r4 = |v: Option<f64>| v.map(crate::analysis::summary::round4);
            out.push(json!({
                "layer": layer,
                "code_a": m.codes[i].id,
                "code_a_path": m.codes[i].path,
                "code_b": m.codes[j].id,
                "code_b_path": m.codes[j].path,
                "n_a": m.counts[i][i],
                "n_b": m.counts[j][j],
                "n_ab": m.counts[i][j],
                "c_coefficient": r4(s.c_coefficient),
                "jaccard": r4(s.jaccard),
                "rarer_share": r4(s.rarer_share),
                "lopsided": s.lopsided,
            }));
        }
    }
    out
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
            wide(
                &layer.id(),
                None,
                &r.code,
                cells,
                a.format.text().unwrap_or(Format::Csv),
            )
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
        t!(
            "matrix-cooccurrence",
            unit = t!("matrix-cooccurrence-unit", unit = unit.id())
        )
    );
    let idx: Vec<usize> = (0..m.codes.len()).filter(|&i| keep(&m.codes[i])).collect();
    let doc = json!({
        "kind": "cooccurrence",
        "layer": layer.id(),
        "layer_description": layer.describe_in(p, &m.coders, Lang::En),
        "unit": unit,
        "unit_description": unit.describe(),
        "codes": idx.iter().map(|&i| m.codes[i].id.clone()).collect::<Vec<_>>(),
        "strength": "c_coefficient = n_ab / (n_a + n_b − n_ab) on the counts (ATLAS.ti); jaccard = characters coded \
                     with both / characters coded with either; rarer_share = n_ab / min(n_a, n_b); lopsided: one code \
                     counted at least 5 times as often as the other, where the c-coefficient stays low whatever happens",
        "pairs": pairs(&m, &idx, &layer.id()),
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
            wide(
                &layer.id(),
                Some(unit),
                &m.codes[i],
                cells,
                a.format.text().unwrap_or(Format::Csv),
            )
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
