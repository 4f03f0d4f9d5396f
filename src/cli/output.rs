//! Listings as an aligned table, JSON or CSV, from one list of JSON objects.
//!
//! `write_csv` is the one CSV writer of the command line: every CSV the CLI prints or writes goes through it.
//! Tables fit the terminal when standard output is one (`COLUMNS` honoured), and are full width when piped.

use serde_json::Value;
use std::io::{IsTerminal, Write};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

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
        Value::Number(n) => crate::i18n::number_text(&n.to_string()),
        other => other.to_string(),
    };
    crate::model::text::sanitize_for_display(&s.replace('\n', " ⏎ "))
}

/// A column name made of a free name (a coder): lower-case letters, digits and `_` only, so R and pandas
/// read it as it is (`praktikant-a` → `praktikant_a`).
pub fn ident(name: &str) -> String {
    let s: String = name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '_' })
        .collect();
    s.trim_matches('_').to_string()
}

/// A CSV cell: one value, arrays joined with `;`, null empty.
fn csv_cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(a) => a.iter().map(csv_cell).collect::<Vec<_>>().join(";"),
        other => other.to_string(),
    }
}

/// The columns of `rows`: `first` in order, then every other key in order of appearance.
fn columns(rows: &[Value], first: &[&str]) -> Vec<String> {
    let mut cols: Vec<String> = first.iter().map(|c| c.to_string()).collect();
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
    print_rows_with(format, rows, &[])
}

/// Like [`print_rows`]; CSV starts with the columns `cols`, so an empty listing still has its header row.
pub fn print_rows_with(format: Format, rows: &[Value], cols: &[&str]) -> anyhow::Result<()> {
    let mut out = crate::safe::stdout();
    write_rows(&mut out, format, rows, cols)?;
    out.flush()?;
    Ok(())
}

/// Rows in `format` to `out`; tables fit the terminal (see [`table_width`]).
pub fn write_rows(
    out: &mut impl Write,
    format: Format,
    rows: &[Value],
    cols: &[&str],
) -> anyhow::Result<()> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, rows)?;
            writeln!(out)?;
        }
        Format::Csv => write_csv(out, rows, cols)?,
        Format::Table => write_table(out, rows, 70)?,
    }
    Ok(())
}

/// CSV with a header row (also when there are no rows) and one value per cell.
pub fn write_csv(out: &mut impl Write, rows: &[Value], first: &[&str]) -> anyhow::Result<()> {
    let cols = columns(rows, first);
    if cols.is_empty() {
        return Ok(()); // nothing known about the columns: an empty file rather than a lone `""`
    }
    let mut w = crate::safe::CsvWriter::new(out);
    w.write_record(&cols)?;
    for r in rows {
        w.write_record(
            cols.iter()
                .map(|c| csv_cell(r.get(c).unwrap_or(&Value::Null))),
        )?;
    }
    w.flush()?;
    Ok(())
}

/// The width tables must fit: `COLUMNS`, else the terminal's width, when standard output is a terminal;
/// None (full width) when it is piped or redirected.
pub fn table_width() -> Option<usize> {
    if !std::io::stdout().is_terminal() {
        return None;
    }
    width_from(
        std::env::var("COLUMNS").ok().as_deref(),
        crate::tui::terminal::width(),
    )
}

fn width_from(columns: Option<&str>, terminal: Option<u16>) -> Option<usize> {
    let env = columns
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|w| *w > 0);
    Some(env.or(terminal.map(usize::from)).unwrap_or(80).max(20))
}

/// An aligned plain-text table; cells longer than `max` characters are shortened with `…`, and the
/// columns shrink to fit the terminal (see [`table_width`]).
pub fn write_table(out: &mut impl Write, rows: &[Value], max: usize) -> std::io::Result<()> {
    write_table_in(out, rows, max, table_width())
}

/// [`write_table`] for a given total width (None: no limit).
pub fn write_table_in(
    out: &mut impl Write,
    rows: &[Value],
    max: usize,
    width: Option<usize>,
) -> std::io::Result<()> {
    let cols = columns(rows, &[]);
    if cols.is_empty() {
        return writeln!(out, "{}", crate::t!("nothing-to-list"));
    }
    let heads: Vec<String> = cols.iter().map(|c| heading(c)).collect();
    let grid: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            cols.iter()
                .map(|c| shorten(&cell(r.get(c).unwrap_or(&Value::Null)), max))
                .collect()
        })
        .collect();
    let mut widths: Vec<usize> = heads
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
    if let Some(w) = width {
        fit(&mut widths, w);
    }
    let line = |cells: &[String]| -> String {
        cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| {
                let c = cut(c, *w);
                format!("{c}{}", " ".repeat(w.saturating_sub(c.width())))
            })
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    writeln!(out, "{}", line(&heads))?;
    for r in &grid {
        writeln!(out, "{}", line(r))?;
    }
    Ok(())
}

/// The heading of a table column in the current language. The keys are the plain identifiers that CSV and
/// JSON keep (`code_path`); the catalogue's `column-…` messages name them for people (`kodens sökväg`).
/// Columns named after a coder (`codings_praktikant_a`) keep the coder's name; columns named by the
/// user (attributes such as `grupp`) are shown as they are.
fn heading(key: &str) -> String {
    let lang = crate::i18n::lang();
    let id = |k: &str| format!("column-{}", k.replace('_', "-"));
    if crate::i18n::has_key(lang, &id(key)) {
        return crate::i18n::tr(&id(key), &[]);
    }
    for (prefix, msg) in COLUMN_PREFIXES {
        if let Some(who) = key.strip_prefix(prefix).filter(|w| !w.is_empty()) {
            return crate::i18n::tr(
                msg,
                &[("coder", crate::i18n::FluentValue::from(who.to_string()))],
            );
        }
    }
    key.to_string()
}

/// Columns made of a word and a coder's name, with the message that names them.
const COLUMN_PREFIXES: [(&str, &str); 3] = [
    ("codings_", "column-codings-of"),
    ("codes_", "column-codes-of"),
    ("coded_by_", "column-coded-by"),
];

/// Shrinks the widest columns, one column at a time, until the row (with two spaces between columns)
/// fits `total`; no column goes below 3.
fn fit(widths: &mut [usize], total: usize) {
    let gaps = 2 * widths.len().saturating_sub(1);
    let budget = total.saturating_sub(gaps);
    while widths.iter().sum::<usize>() > budget {
        let Some((i, w)) = widths.iter().enumerate().max_by_key(|(_, w)| **w) else {
            return;
        };
        if *w <= 3 {
            return;
        }
        widths[i] -= 1;
    }
}

/// `s` cut to `w` display columns, ending in `…` when cut.
fn cut(s: &str, w: usize) -> String {
    if s.width() <= w {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for ch in s.chars() {
        let cw = ch.width().unwrap_or(0);
        if used + cw + 1 > w {
            break;
        }
        out.push(ch);
        used += cw;
    }
    out.push('…');
    out
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
    t.push('…');
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn table(rows: &[Value], width: Option<usize>) -> String {
        let mut out = Vec::new();
        write_table_in(&mut out, rows, 70, width).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_narrow_terminal_cuts_the_widest_cells() {
        let rows = vec![json!({"id": "a1", "quote": "x".repeat(60), "code": "resursbrist"})];
        let t = table(&rows, Some(40));
        assert!(t.lines().all(|l| l.width() <= 40), "{t}");
        assert!(t.contains('…'));
        assert!(t.contains("a1"));
        let full = table(&rows, None);
        assert!(full.contains(&"x".repeat(60)));
    }

    #[test]
    fn columns_env_wins_over_the_terminal() {
        assert_eq!(width_from(Some("100"), Some(80)), Some(100));
        assert_eq!(width_from(Some("bad"), Some(90)), Some(90));
        assert_eq!(width_from(None, None), Some(80));
    }

    #[test]
    fn an_empty_csv_has_its_header_row() {
        let mut out = Vec::new();
        write_csv(&mut out, &[], &["id", "doc"]).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "id,doc\n");
    }

    #[test]
    fn wide_characters_count_their_width() {
        assert_eq!(cut("åäö漢字漢字", 6), "åäö漢…");
        assert!(cut("åäö漢字漢字", 6).width() <= 6);
    }

    #[test]
    fn headings_follow_the_language_and_keep_coder_names() {
        let rows = vec![
            json!({"doc": "kommun-a-1", "code_path": "Hinder › Resursbrist",
            "codings_praktikant_a": 3, "grupp": "hög"}),
        ];
        let sv = crate::i18n::with_lang(crate::i18n::Lang::Sv, || table(&rows, None));
        let head = sv.lines().next().unwrap();
        for want in [
            "avskrift",
            "kodens sökväg",
            "kodningar praktikant_a",
            "grupp",
        ] {
            assert!(head.contains(want), "{head}");
        }
        let en = crate::i18n::with_lang(crate::i18n::Lang::En, || table(&rows, None));
        let head = en.lines().next().unwrap();
        for want in ["doc", "code_path", "codings_praktikant_a", "grupp"] {
            assert!(head.contains(want), "{head}");
        }
    }

    #[test]
    fn every_column_heading_is_in_both_languages() {
        use crate::i18n::{Lang, has_key};
        for lang in [Lang::En, Lang::Sv] {
            for (_, msg) in COLUMN_PREFIXES {
                assert!(has_key(lang, msg), "{msg} in {lang:?}");
            }
        }
        // Every `column-` message of one catalogue is in the other.
        let keys = |l: &str| -> Vec<String> {
            let text = match l {
                "en" => include_str!("../i18n/en/cli.ftl"),
                _ => include_str!("../i18n/sv/cli.ftl"),
            };
            text.lines()
                .filter_map(|l| l.split_once(" = ").map(|(k, _)| k.to_string()))
                .filter(|k| k.starts_with("column-"))
                .collect()
        };
        assert!(keys("en").len() > 50);
        assert_eq!(keys("en"), keys("sv"));
    }
}
