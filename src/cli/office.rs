//! Output shared by the commands that write Excel workbooks and figures: the `--format` of table commands (with
//! `xlsx`), and pseudonymised, leak-checked, atomic writes of .xlsx, .svg and .docx files.

use super::output::Format;
use crate::analysis::pseudonyms::Pseudonyms;
use crate::analysis::xlsx::{Sheet, workbook};
use crate::store::atomic;
use crate::t;
use anyhow::{Context as _, bail};
use std::path::Path;

/// Output format of a table command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum TableFormat {
    /// An aligned table for the terminal
    #[default]
    Table,
    Json,
    Csv,
    /// An Excel workbook, one sheet per table (needs --out FILE.xlsx)
    Xlsx,
}

impl TableFormat {
    /// The text format, None for xlsx.
    pub fn text(self) -> Option<Format> {
        match self {
            TableFormat::Table => Some(Format::Table),
            TableFormat::Json => Some(Format::Json),
            TableFormat::Csv => Some(Format::Csv),
            TableFormat::Xlsx => None,
        }
    }
}

/// The --out path an xlsx output needs.
pub fn xlsx_out(out: Option<&Path>) -> anyhow::Result<&Path> {
    match out {
        Some(p) => Ok(p),
        None => bail!(t!("xlsx-needs-out")),
    }
}

/// Writes a workbook of already pseudonymised sheets, after checking that no real name is left in any cell.
pub fn write_xlsx(map: &Pseudonyms, sheets: &[Sheet], out: &Path) -> anyhow::Result<()> {
    for s in sheets {
        map.check(&serde_json::to_string(&s.rows)?)?;
        map.check(&s.name)?;
    }
    let bytes = workbook(sheets).with_context(|| t!("context-building-workbook"))?;
    write_file(out, &bytes)
}

/// Writes a figure or document (already checked) atomically and says so on stderr.
pub fn write_file(out: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    atomic::write(out, bytes)
        .with_context(|| t!("context-writing", path = out.display().to_string()))?;
    eprintln!(
        "kodbok: {}",
        t!(
            "wrote-file",
            path = crate::safe::terminal(&out.display().to_string())
        )
    );
    Ok(())
}

/// Writes an SVG after the leak check.
pub fn write_svg(map: &Pseudonyms, svg: &str, out: &Path) -> anyhow::Result<()> {
    if out.extension().and_then(|e| e.to_str()) != Some("svg") {
        bail!(t!("chart-needs-svg", path = out.display().to_string()));
    }
    map.check(svg)?;
    write_file(out, svg.as_bytes())
}

/// A key/value sheet that says what the other sheets hold, in the current language (labels and values
/// come worded by the caller).
pub fn about_sheet(pairs: &[(String, String)]) -> Sheet {
    let (field, value) = (t!("about-field"), t!("about-value"));
    let rows = pairs
        .iter()
        .map(|(k, v)| {
            let mut row = serde_json::Map::new();
            row.insert(field.clone(), serde_json::json!(k));
            row.insert(value.clone(), serde_json::json!(v));
            serde_json::Value::Object(row)
        })
        .collect();
    let mut sheet = Sheet::new(&t!("about-sheet"), rows);
    sheet.columns = vec![field, value];
    sheet
}
