//! Excel workbooks from tables of JSON rows: one sheet per table, a frozen and filtered header row, numbers as numbers,
//! shares as percentages, column widths fitted to the text.
//!
//! Text is always written as a string cell, never as a formula, so a quote that begins with `=` stays a quote. The
//! file is Office Open XML in UTF-8, which Excel (Swedish locale included) opens without an import dialog.

use rust_xlsxwriter::{Format, FormatAlign, Workbook, XlsxError};
use serde_json::Value;
use unicode_width::UnicodeWidthStr;

/// One table of a workbook.
#[derive(Debug, Clone)]
pub struct Sheet {
    pub name: String,
    /// Column order; keys of the rows not listed here are appended in first-seen order.
    pub columns: Vec<String>,
    pub rows: Vec<Value>,
    /// Columns holding shares (0.25 = 25%), shown as percentages.
    pub percent: Vec<String>,
}

impl Sheet {
    /// A sheet whose share columns are found by name: ending in `share`, `share_difference` or `%`-free `_pct`.
    pub fn new(name: &str, rows: Vec<Value>) -> Sheet {
        let mut s = Sheet {
            name: name.to_string(),
            columns: Vec::new(),
            rows,
            percent: Vec::new(),
        };
        s.columns = s.all_columns();
        s.percent = s
            .columns
            .iter()
            .filter(|c| c.ends_with("share") || c.ends_with("share_difference"))
            .cloned()
            .collect();
        s
    }

    fn all_columns(&self) -> Vec<String> {
        let mut cols = self.columns.clone();
        for r in &self.rows {
            for k in r.as_object().into_iter().flat_map(|o| o.keys()) {
                if !cols.contains(k) {
                    cols.push(k.clone());
                }
            }
        }
        cols
    }
}

/// Longest text shown in a column before it wraps: wide enough for a short quote.
const MAX_WIDTH: usize = 60;

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, unique in the workbook.
fn sheet_name(name: &str, taken: &[String]) -> String {
    let clean: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .take(28)
        .collect();
    let base = if clean.trim().is_empty() {
        "Sheet".to_string()
    } else {
        clean
    };
    let mut out = base.clone();
    let mut n = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&out)) {
        out = format!("{base} {n}");
        n += 1;
    }
    out
}

/// Text of a cell that is not a number: arrays joined with `;`, objects as `key=value`.
fn text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(a) => a.iter().map(text).collect::<Vec<_>>().join(";"),
        Value::Object(o) => o
            .iter()
            .map(|(k, v)| format!("{k}={}", text(v)))
            .collect::<Vec<_>>()
            .join(" "),
        other => other.to_string(),
    }
}

/// The workbook as bytes.
pub fn workbook(sheets: &[Sheet]) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let head = Format::new().set_bold().set_align(FormatAlign::Top);
    let pct = Format::new().set_num_format("0.0%");
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let mut taken = Vec::new();
    for s in sheets {
        let ws = wb.add_worksheet();
        let name = sheet_name(&s.name, &taken);
        ws.set_name(&name)?;
        taken.push(name);
        let cols = s.all_columns();
        let mut widths: Vec<usize> = cols.iter().map(|c| c.width()).collect();
        for (j, c) in cols.iter().enumerate() {
            ws.write_string_with_format(0, j as u16, c, &head)?;
        }
        for (i, r) in s.rows.iter().enumerate() {
            let row = i as u32 + 1;
            for (j, c) in cols.iter().enumerate() {
                let col = j as u16;
                match r.get(c).unwrap_or(&Value::Null) {
                    Value::Null => {}
                    Value::Number(n) => {
                        let x = n.as_f64().unwrap_or(f64::NAN);
                        if s.percent.contains(c) {
                            ws.write_number_with_format(row, col, x, &pct)?;
                            widths[j] = widths[j].max(7);
                        } else {
                            ws.write_number(row, col, x)?;
                            widths[j] = widths[j].max(n.to_string().len().min(12));
                        }
                    }
                    Value::Bool(b) => {
                        ws.write_boolean(row, col, *b)?;
                        widths[j] = widths[j].max(5);
                    }
                    v => {
                        let t = text(v);
                        let w = t.lines().map(UnicodeWidthStr::width).max().unwrap_or(0);
                        if w > MAX_WIDTH {
                            ws.write_string_with_format(row, col, &t, &wrap)?;
                        } else {
                            ws.write_string(row, col, &t)?;
                        }
                        widths[j] = widths[j].max(w.min(MAX_WIDTH));
                    }
                }
            }
        }
        for (j, w) in widths.iter().enumerate() {
            ws.set_column_width(j as u16, (*w + 2) as f64)?;
        }
        ws.set_freeze_panes(1, 0)?;
        if !cols.is_empty() {
            ws.autofilter(0, 0, s.rows.len() as u32, cols.len() as u16 - 1)?;
        }
    }
    if sheets.is_empty() {
        wb.add_worksheet();
    }
    wb.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use std::io::Read;

    fn part(bytes: &[u8], name: &str) -> String {
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut s = String::new();
        z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
        s
    }

    #[test]
    fn numbers_percentages_strings_and_header() {
        let rows = vec![
            json!({"code": "Hinder › resursbrist", "cases": 4, "case_share": 0.8, "quote": "=SUM(A1) är ingen formel"}),
            json!({"code": "Ledning", "cases": 1, "case_share": 0.2, "quote": null}),
        ];
        let bytes =
            workbook(&[Sheet::new("summary", rows), Sheet::new("summary", vec![])]).unwrap();
        let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
        assert!(sheet.contains("<pane ySplit=\"1\""), "{sheet}");
        assert!(sheet.contains("<autoFilter ref=\"A1:D3\""), "{sheet}");
        assert!(!sheet.contains("<f>"), "no formulas: {sheet}");
        assert!(sheet.contains("<v>0.8</v>"));
        let strings = part(&bytes, "xl/sharedStrings.xml");
        assert!(strings.contains("Hinder › resursbrist"));
        assert!(strings.contains("=SUM(A1) är ingen formel"));
        let book = part(&bytes, "xl/workbook.xml");
        assert!(book.contains("name=\"summary\"") && book.contains("name=\"summary 2\""));
        let styles = part(&bytes, "xl/styles.xml");
        assert!(styles.contains("0.0%"));
    }

    #[test]
    fn sheet_names_are_made_valid() {
        assert_eq!(sheet_name("a/b:c", &[]), "a_b_c");
        assert_eq!(sheet_name("", &[]), "Sheet");
        assert_eq!(sheet_name("x".repeat(40).as_str(), &[]).chars().count(), 28);
    }
}
