//! Reading and writing `transcripts/cases.csv` as spreadsheets write it: BOM, `;` or `,`, quoted fields.

use super::decode::decode;
use super::{FileProblem, Problem, Result, StoreError};
use crate::model::{Case, Cases};
use std::path::Path;

/// Parses cases.csv content; `path` is only used in error messages.
pub fn parse(bytes: &[u8], path: &Path) -> Result<Cases> {
    let text = match decode(bytes) {
        Ok(d) => d.text,
        Err(super::decode::DecodeError::Empty) => return Ok(Cases::default()),
        Err(e) => return Err(StoreError::one(FileProblem::new(path, Problem::Decode(e)))),
    };
    let text = crate::model::text::canonicalize(&text);
    let delimiter = sniff_delimiter(text.lines().next().unwrap_or(""));
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(false)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = rdr
        .headers()
        .map_err(|e| csv_problem(path, &e))?
        .iter()
        .map(str::to_string)
        .collect::<Vec<_>>();
    let Some(case_col) = headers.iter().position(|h| h.eq_ignore_ascii_case("case")) else {
        return Err(StoreError::one(
            FileProblem::new(path, Problem::NoCaseColumn { found: headers }).at(1, 1),
        ));
    };
    let columns: Vec<String> = headers
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != case_col)
        .map(|(_, h)| h.clone())
        .collect();
    let mut cases = Cases {
        columns,
        cases: Vec::new(),
    };
    for rec in rdr.records() {
        let rec = rec.map_err(|e| csv_problem(path, &e))?;
        let line = rec.position().map_or(0, |p| p.line() as usize);
        let name = rec.get(case_col).unwrap_or("").to_string();
        if name.is_empty() {
            if rec.iter().all(str::is_empty) {
                continue;
            }
            return Err(StoreError::one(
                FileProblem::new(path, Problem::EmptyCaseName).at(line, 1),
            ));
        }
        if cases.get(&name).is_some() {
            return Err(StoreError::one(
                FileProblem::new(path, Problem::CaseTwice { name }).at(line, 1),
            ));
        }
        let attrs = headers
            .iter()
            .zip(rec.iter())
            .enumerate()
            .filter(|(i, _)| *i != case_col)
            .map(|(_, (h, v))| (h.clone(), v.to_string()))
            .collect();
        cases.cases.push(Case { name, attrs });
    }
    Ok(cases)
}

/// One row of an import's metadata sheet (`kodbok import --cases meta.csv`): a source file's name,
/// its case and its other attributes, with the row's line for messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetaRow {
    pub file: String,
    pub case: String,
    pub attrs: Vec<(String, String)>,
    pub line: usize,
}

/// Parses an import metadata sheet: a header line with `file` and `case` columns (any others are
/// attributes), one row per source file. Errors name the sheet and the line.
pub fn parse_meta(bytes: &[u8], path: &Path) -> Result<Vec<MetaRow>> {
    let text = decode(bytes)
        .map_err(|e| StoreError::one(FileProblem::new(path, Problem::Decode(e))))?
        .text;
    let text = crate::model::text::canonicalize(&text);
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(sniff_delimiter(text.lines().next().unwrap_or("")))
        .flexible(false)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = rdr
        .headers()
        .map_err(|e| csv_problem(path, &e))?
        .iter()
        .map(str::to_string)
        .collect();
    let col = |name: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(name));
    let (Some(file_col), Some(case_col)) = (col("file"), col("case")) else {
        return Err(StoreError::one(
            FileProblem::new(path, Problem::NoFileCaseColumns { found: headers }).at(1, 1),
        ));
    };
    let mut rows: Vec<MetaRow> = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| csv_problem(path, &e))?;
        let line = rec.position().map_or(0, |p| p.line() as usize);
        if rec.iter().all(str::is_empty) {
            continue;
        }
        let (file, case) = (
            rec.get(file_col).unwrap_or(""),
            rec.get(case_col).unwrap_or(""),
        );
        let bad = |problem: Problem| StoreError::one(FileProblem::new(path, problem).at(line, 1));
        if file.is_empty() || case.is_empty() {
            return Err(bad(Problem::EmptyFileOrCase));
        }
        if let Some(first) = rows.iter().find(|r| r.file == file) {
            return Err(bad(Problem::FileTwice {
                file: file.to_string(),
                first: first.line,
            }));
        }
        let attrs = headers
            .iter()
            .zip(rec.iter())
            .enumerate()
            .filter(|(i, (_, v))| *i != file_col && *i != case_col && !v.is_empty())
            .map(|(_, (h, v))| (h.clone(), v.to_string()))
            .collect();
        rows.push(MetaRow {
            file: file.to_string(),
            case: case.to_string(),
            attrs,
            line,
        });
    }
    Ok(rows)
}

fn csv_problem(path: &Path, e: &csv::Error) -> StoreError {
    let line = e.position().map_or(1, |p| p.line() as usize);
    let problem = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => Problem::CsvFields {
            expected: *expected_len,
            found: *len,
        },
        _ => Problem::Csv {
            detail: e.to_string(),
        },
    };
    StoreError::one(FileProblem::new(path, problem).at(line, 1))
}

/// Swedish Excel writes `;`; others `,` or tab. The header line decides.
fn sniff_delimiter(header: &str) -> u8 {
    let count = |d: char| header.chars().filter(|c| *c == d).count();
    let (semi, comma, tab) = (count(';'), count(','), count('\t'));
    if tab > semi && tab > comma {
        b'\t'
    } else if semi > comma {
        b';'
    } else {
        b','
    }
}

/// How a cases.csv file is written: kept from the file kodbok rewrites, so a sheet saved by Swedish Excel
/// (`;`, windows-1252 or UTF-8 with BOM, CRLF) stays one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub delimiter: u8,
    pub encoding: &'static encoding_rs::Encoding,
    pub bom: bool,
    pub crlf: bool,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            delimiter: b',',
            encoding: encoding_rs::UTF_8,
            bom: false,
            crlf: false,
        }
    }
}

/// The style of an existing cases.csv (the default for an empty or unreadable one).
pub fn style_of(bytes: &[u8]) -> Style {
    let Ok(d) = decode(bytes) else {
        return Style::default();
    };
    Style {
        delimiter: sniff_delimiter(d.text.lines().next().unwrap_or("")),
        encoding: encoding_rs::Encoding::for_label(d.encoding.as_bytes())
            .unwrap_or(encoding_rs::UTF_8),
        bom: encoding_rs::Encoding::for_bom(bytes).is_some(),
        crlf: d.text.contains("\r\n"),
    }
}

/// Cases in `style`: its delimiter, line ending and encoding (UTF-8 with BOM when a character does not
/// exist in a legacy encoding, rather than losing it).
pub fn render_in(cases: &Cases, style: Style) -> Vec<u8> {
    let mut text = render_with(cases, style.delimiter);
    if style.crlf {
        text = text.replace('\n', "\r\n");
    }
    let enc = style.encoding;
    let bom = |e: &encoding_rs::Encoding| -> &'static [u8] {
        if e == encoding_rs::UTF_16LE {
            b"\xFF\xFE"
        } else if e == encoding_rs::UTF_16BE {
            b"\xFE\xFF"
        } else {
            b"\xEF\xBB\xBF"
        }
    };
    let mut out = Vec::new();
    if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
        if style.bom {
            out.extend_from_slice(bom(enc));
        }
        for u in text.encode_utf16() {
            let b = if enc == encoding_rs::UTF_16LE {
                u.to_le_bytes()
            } else {
                u.to_be_bytes()
            };
            out.extend_from_slice(&b);
        }
        return out;
    }
    let (bytes, _, unmappable) = enc.encode(&text);
    if unmappable {
        out.extend_from_slice(bom(encoding_rs::UTF_8));
        out.extend_from_slice(text.as_bytes());
        return out;
    }
    if style.bom && enc == encoding_rs::UTF_8 {
        out.extend_from_slice(bom(enc));
    }
    out.extend_from_slice(&bytes);
    out
}

/// Renders cases as comma-separated UTF-8 with the `case` column first.
pub fn render(cases: &Cases) -> String {
    render_with(cases, b',')
}

fn render_with(cases: &Cases, delimiter: u8) -> String {
    let mut w = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(Vec::new());
    let mut header = vec!["case".to_string()];
    header.extend(cases.columns.iter().cloned());
    let _ = w.write_record(&header);
    for c in &cases.cases {
        let mut row = vec![c.name.clone()];
        row.extend(
            cases
                .columns
                .iter()
                .map(|k| c.attrs.get(k).cloned().unwrap_or_default()),
        );
        let _ = w.write_record(&row);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_swedish_excel_sheet_keeps_its_delimiter_encoding_and_line_ends() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode("case;grupp\r\nKommun Ö;låg\r\n");
        let style = style_of(&bytes);
        assert_eq!(style.delimiter, b';');
        assert_eq!(style.encoding, encoding_rs::WINDOWS_1252);
        assert!(style.crlf && !style.bom);
        let mut cases = parse(&bytes, Path::new("cases.csv")).unwrap();
        cases.cases.push(Case {
            name: "Kommun Å".into(),
            attrs: [("grupp".to_string(), "hög".to_string())].into(),
        });
        let out = render_in(&cases, style);
        let (text, _, _) = encoding_rs::WINDOWS_1252.decode(&out);
        assert_eq!(text, "case;grupp\r\nKommun Ö;låg\r\nKommun Å;hög\r\n");
        let utf8_bom = b"\xEF\xBB\xBFcase;grupp\nA;x\n";
        let s = style_of(utf8_bom);
        assert!(s.bom && s.encoding == encoding_rs::UTF_8);
        assert_eq!(
            render_in(&parse(utf8_bom, Path::new("c")).unwrap(), s),
            utf8_bom
        );
    }

    #[test]
    fn reads_swedish_excel_export() {
        let mut bytes = vec![0xef, 0xbb, 0xbf];
        bytes.extend_from_slice(
            "case;grupp;invanare\r\n\"Kommun A\";hög;42000\r\nKommun B;\"låg; liten\";900\r\n"
                .as_bytes(),
        );
        let c = parse(&bytes, Path::new("cases.csv")).unwrap();
        assert_eq!(c.columns, vec!["grupp", "invanare"]);
        assert_eq!(c.attr("Kommun A", "grupp"), "hög");
        assert_eq!(c.attr("Kommun B", "grupp"), "låg; liten");
    }

    #[test]
    fn reports_lines() {
        let e = parse(b"case,grupp\nA,h\nB\n", Path::new("c.csv")).unwrap_err();
        assert!(
            e.to_string().starts_with("c.csv:3:1: expected 2 fields"),
            "{e}"
        );
        let e = parse(b"case,grupp\nA,h\nA,l\n", Path::new("c.csv")).unwrap_err();
        assert!(
            e.to_string().contains(":3:1: case \"A\" appears twice"),
            "{e}"
        );
        let e = parse(b"namn,grupp\nA,h\n", Path::new("c.csv")).unwrap_err();
        assert!(e.to_string().contains("expected a `case` column"), "{e}");
    }

    #[test]
    fn windows_1252_semicolons() {
        let (bytes, _, _) =
            encoding_rs::WINDOWS_1252.encode("case;grupp\r\nKommun Å;hög\r\nKommun Ö;låg\r\n");
        let c = parse(&bytes, Path::new("c.csv")).unwrap();
        assert_eq!(c.attr("Kommun Ö", "grupp"), "låg");
    }
}
