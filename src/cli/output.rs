//! Listings as an aligned table, JSON or CSV, from one list of JSON objects.

use serde_json::Value;
use std::io::Write;
use unicode_width::UnicodeWidthStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum Format {
    #[default]
    Table,
    Json,
    Csv,
}

/// A cell as one line of text.
fn cell(v: &Value) -> String {
    let s = match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(a) => a.iter().map(cell).collect::<Vec<_>>().join(";"),
        Value::Object(o) => o
            .iter()
            .map(|(k, v)| format!("{k}={}", cell(v)))
            .collect::<Vec<_>>()
            .join(" "),
        other => other.to_string(),
    };
    crate::model::text::sanitize_for_display(&s.replace('\n', " ⏎ "))
}

fn columns(rows: &[Value]) -> Vec<String> {
    let mut cols: Vec<String> = Vec::new();
    for r in rows {
        if let Value::Object(o) = r {
            for k in o.keys() {
                if !cols.contains(k) {
                    cols.push(k.clone());
                }
            }
        }
    }
    cols
}

/// Prints rows (JSON objects with the same keys) in the chosen format to stdout.
pub fn print_rows(format: Format, rows: &[Value]) -> anyhow::Result<()> {
    let mut out = crate::safe::stdout();
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, rows)?;
            writeln!(out)?;
        }
        Format::Csv => {
            let cols = columns(rows);
            let mut w = crate::safe::CsvWriter::new(out);
            w.write_record(&cols)?;
            for r in rows {
                w.write_record(cols.iter().map(|c| cell(r.get(c).unwrap_or(&Value::Null))))?;
            }
            w.flush()?;
        }
        Format::Table => write_table(&mut out, rows, 70)?,
    }
    Ok(())
}

/// An aligned plain-text table; cells longer than `max` characters are shortened with `…`.
pub fn write_table(out: &mut impl Write, rows: &[Value], max: usize) -> std::io::Result<()> {
    let cols = columns(rows);
    if cols.is_empty() {
        return writeln!(out, "(nothing to list)");
    }
    let grid: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            cols.iter()
                .map(|c| shorten(&cell(r.get(c).unwrap_or(&Value::Null)), max))
                .collect()
        })
        .collect();
    let widths: Vec<usize> = cols
        .iter()
        .enumerate()
        .map(|(i, c)| {
            grid.iter()
                .map(|r| r[i].width())
                .chain([c.width()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: &[String]| -> String {
        cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w.saturating_sub(c.width()))))
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    writeln!(out, "{}", line(&cols))?;
    for r in &grid {
        writeln!(out, "{}", line(r))?;
    }
    Ok(())
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
    t.push('…');
    t
}
