//! The pseudonym map (`transcripts/pseudonyms.csv`: real → pseudonym), applied to every report and export,
//! and the leak check run on every output before it is written.
//!
//! Matching is case-sensitive, because Swedish place names are often ordinary words in lower case
//! (Vara, Mark, Lund). A name is replaced where it stands as a whole word or in the genitive (`Ljusdals`
//! becomes `Kommun Q:s`). The leak check is stricter: after masking every pseudonym, any word that *begins*
//! with a real name (as written or in capitals) fails the output, so compounds and inflections that the
//! replacement leaves alone (`Ljusdalsborna`, `LJUSDAL`) are caught. A word wrongly caught can be allowed by
//! mapping it to itself (`Markaryd,Markaryd`).

use crate::model::text::canonicalize;
use crate::store::decode::decode;
use std::path::{Path, PathBuf};

/// Where the map lives in a project, next to cases.csv.
pub const FILE: &str = "transcripts/pseudonyms.csv";

#[derive(Debug, thiserror::Error)]
pub enum PseudonymError {
    #[error("{}:{line}: {problem}", path.display())]
    Parse {
        path: PathBuf,
        line: usize,
        problem: MapProblem,
    },
    #[error(
        "the output would reveal the real name {real:?} (line {map_line} of {}) at line {line}, column {column}: \
         {context:?}; nothing was written. Add the form found to the pseudonym map, or correct the transcript",
        map.display()
    )]
    Leak {
        real: String,
        map: PathBuf,
        map_line: usize,
        line: usize,
        column: usize,
        context: String,
    },
}

/// What is wrong with the pseudonym map; worded for users by `messages`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MapProblem {
    /// The file could not be read (the system's words).
    #[error("{detail}")]
    Unreadable { detail: String },
    #[error("{0}")]
    Decode(crate::store::decode::DecodeError),
    /// The CSV reader's own words.
    #[error("{detail}")]
    Csv { detail: String },
    #[error("expected the columns `real` and `pseudonym` in the header line, found {found:?}")]
    NoColumns { found: Vec<String> },
    #[error("expected a real name in the `real` column")]
    NoReal,
    #[error("expected a pseudonym for {real:?}")]
    NoPseudonym { real: String },
    #[error("{real:?} is mapped twice (also on line {first})")]
    MappedTwice { real: String, first: usize },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub real: String,
    pub pseudonym: String,
    /// Line in the file, for messages.
    pub line: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Pseudonyms {
    pub path: PathBuf,
    /// Longest real name first, so `Anna Svensson` is replaced before `Anna`.
    pub entries: Vec<Entry>,
}

impl Pseudonyms {
    /// Reads the project's map; an absent file is an empty map.
    pub fn load(root: &Path) -> Result<Pseudonyms, PseudonymError> {
        let path = root.join(FILE);
        match std::fs::read(&path) {
            Ok(bytes) => Pseudonyms::parse(&bytes, &path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Pseudonyms {
                path,
                entries: Vec::new(),
            }),
            Err(e) => Err(PseudonymError::Parse {
                path,
                line: 0,
                problem: MapProblem::Unreadable {
                    detail: e.to_string(),
                },
            }),
        }
    }

    /// Parses CSV with a header naming the columns `real` and `pseudonym` (`,` `;` or tab separated).
    pub fn parse(bytes: &[u8], path: &Path) -> Result<Pseudonyms, PseudonymError> {
        let err = |line: usize, problem: MapProblem| PseudonymError::Parse {
            path: path.to_path_buf(),
            line,
            problem,
        };
        let csv = |e: &csv::Error| MapProblem::Csv {
            detail: e.to_string(),
        };
        let text = match decode(bytes) {
            Ok(d) => canonicalize(&d.text),
            Err(crate::store::decode::DecodeError::Empty) => String::new(),
            Err(e) => return Err(err(1, MapProblem::Decode(e))),
        };
        let first = text.lines().next().unwrap_or("");
        let delim = [b'\t', b';', b',']
            .into_iter()
            .max_by_key(|d| first.matches(*d as char).count())
            .unwrap_or(b',');
        let mut rdr = csv::ReaderBuilder::new()
            .delimiter(delim)
            .trim(csv::Trim::All)
            .flexible(true)
            .from_reader(text.as_bytes());
        let headers: Vec<String> = match rdr.headers() {
            Ok(h) => h.iter().map(|s| s.to_lowercase()).collect(),
            Err(_) if text.trim().is_empty() => Vec::new(),
            Err(e) => return Err(err(1, csv(&e))),
        };
        let mut map = Pseudonyms {
            path: path.to_path_buf(),
            entries: Vec::new(),
        };
        if text.trim().is_empty() {
            return Ok(map);
        }
        let col = |name: &str| headers.iter().position(|h| h == name);
        let (Some(ri), Some(pi)) = (col("real"), col("pseudonym")) else {
            return Err(err(1, MapProblem::NoColumns { found: headers }));
        };
        for rec in rdr.records() {
            let rec =
                rec.map_err(|e| err(e.position().map_or(0, |p| p.line() as usize), csv(&e)))?;
            let line = rec.position().map_or(0, |p| p.line() as usize);
            let field = |i: usize| rec.get(i).unwrap_or("").to_string();
            if let Some(entry) = map
                .row(field(ri), field(pi), line)
                .map_err(|m| err(line, m))?
            {
                map.entries.push(entry);
            }
        }
        map.entries
            .sort_by_key(|e| std::cmp::Reverse(e.real.chars().count()));
        Ok(map)
    }

    /// Validates one row against the rows read so far; None for a blank row.
    fn row(
        &self,
        real: String,
        pseudonym: String,
        line: usize,
    ) -> Result<Option<Entry>, MapProblem> {
        match (real.is_empty(), pseudonym.is_empty()) {
            (true, true) => return Ok(None),
            (true, false) => return Err(MapProblem::NoReal),
            (false, true) => return Err(MapProblem::NoPseudonym { real }),
            _ => {}
        }
        if let Some(prev) = self.entries.iter().find(|e| e.real == real) {
            return Err(MapProblem::MappedTwice {
                real,
                first: prev.line,
            });
        }
        Ok(Some(Entry {
            real,
            pseudonym,
            line,
        }))
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Replaces every whole-word or genitive occurrence of a real name by its pseudonym.
    pub fn apply(&self, text: &str) -> String {
        self.apply_marked(text, &[]).0
    }

    /// [`Pseudonyms::apply`] to text the caller gives away: returned as it is when there is nothing to
    /// replace (a report of a large study is tens of megabytes).
    pub fn apply_owned(&self, text: String) -> String {
        if self.entries.is_empty() {
            text
        } else {
            self.apply(&text)
        }
    }

    /// As [`Pseudonyms::apply`], and moves the char ranges `marks` of `text` along; a mark that
    /// begins or ends inside a replaced name takes in the whole pseudonym.
    pub fn apply_marked(
        &self,
        text: &str,
        marks: &[(usize, usize)],
    ) -> (String, Vec<(usize, usize)>) {
        if self.entries.is_empty() {
            return (text.to_string(), marks.to_vec());
        }
        let mut out = String::with_capacity(text.len());
        // (old char range, new char range) of each replacement
        let mut done: Vec<((usize, usize), (usize, usize))> = Vec::new();
        let (mut old_chars, mut new_chars) = (0usize, 0usize);
        let mut i = 0;
        let mut prev: Option<char> = None;
        'outer: while i < text.len() {
            if prev.is_none_or(|c| !c.is_alphanumeric()) {
                for e in &self.entries {
                    let Some(rest) = text[i..].strip_prefix(e.real.as_str()) else {
                        continue;
                    };
                    let mut next = rest.chars();
                    let after = next.next();
                    let (taken, with) = if after.is_none_or(|c| !c.is_alphanumeric()) {
                        (e.real.len(), e.pseudonym.clone())
                    } else if after == Some('s') && next.next().is_none_or(|c| !c.is_alphanumeric())
                    {
                        (
                            e.real.len() + 1,
                            format!("{}{}", e.pseudonym, genitive(&e.pseudonym)),
                        )
                    } else {
                        continue;
                    };
                    let (o, n) = (text[i..i + taken].chars().count(), with.chars().count());
                    done.push(((old_chars, old_chars + o), (new_chars, new_chars + n)));
                    out.push_str(&with);
                    (old_chars, new_chars) = (old_chars + o, new_chars + n);
                    i += taken;
                    prev = text[..i].chars().next_back();
                    continue 'outer;
                }
            }
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            out.push(c);
            prev = Some(c);
            i += c.len_utf8();
            old_chars += 1;
            new_chars += 1;
        }
        let moved = |p: usize, end: bool| {
            let mut shift = 0isize;
            for &((os, oe), (ns, ne)) in &done {
                if p >= oe {
                    shift = ne as isize - oe as isize;
                } else if p > os {
                    return if end { ne } else { ns };
                } else {
                    break;
                }
            }
            (p as isize + shift) as usize
        };
        let marks = marks
            .iter()
            .map(|&(s, e)| (moved(s, false), moved(e, true)))
            .collect();
        (out, marks)
    }

    /// Applies the map to every string in a JSON value, object keys included (a matrix has a column per case).
    pub fn apply_value(&self, v: &mut serde_json::Value) {
        match v {
            serde_json::Value::String(s) => *s = self.apply(s),
            serde_json::Value::Array(a) => a.iter_mut().for_each(|x| self.apply_value(x)),
            serde_json::Value::Object(o) => {
                let old = std::mem::take(o);
                for (k, mut x) in old {
                    self.apply_value(&mut x);
                    o.insert(self.apply(&k), x);
                }
            }
            _ => {}
        }
    }

    /// Fails when any word of `output` begins with a real name (as written or in capitals), pseudonyms masked.
    pub fn check(&self, output: &str) -> Result<(), PseudonymError> {
        if self.entries.is_empty() {
            return Ok(());
        }
        let mut masked = output.to_string();
        for e in &self.entries {
            masked = masked.replace(&e.pseudonym, &" ".repeat(e.pseudonym.len()));
        }
        for e in &self.entries {
            for form in [e.real.clone(), e.real.to_uppercase()] {
                if let Some(b) = find_word_start(&masked, &form) {
                    let line_start = output[..b].rfind('\n').map_or(0, |x| x + 1);
                    let line_end = output[b..].find('\n').map_or(output.len(), |x| b + x);
                    return Err(PseudonymError::Leak {
                        real: e.real.clone(),
                        map: self.path.clone(),
                        map_line: e.line,
                        line: output[..b].matches('\n').count() + 1,
                        column: output[line_start..b].chars().count() + 1,
                        context: output[line_start..line_end].chars().take(160).collect(),
                    });
                }
            }
        }
        Ok(())
    }
}

fn genitive(pseudonym: &str) -> &'static str {
    match pseudonym.chars().next_back() {
        Some(c) if c.is_uppercase() || c.is_ascii_digit() => ":s",
        Some('s' | 'x' | 'z') => "",
        _ => "s",
    }
}

/// Byte offset of the first occurrence of `needle` that starts a word.
fn find_word_start(hay: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    hay.match_indices(needle).map(|(b, _)| b).find(|&b| {
        hay[..b]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map() -> Pseudonyms {
        let csv = "real;pseudonym\nLjusdal;Kommun Q\nAnna Svensson;Respondent 1\nAnna;Respondent 2\n\nMarkaryd;Markaryd\nMark;Kommun M\n";
        Pseudonyms::parse(csv.as_bytes(), Path::new("p.csv")).unwrap()
    }

    #[test]
    fn replaces_words_and_genitives_only() {
        let m = map();
        assert_eq!(
            m.apply("Ljusdal och Ljusdals kommun"),
            "Kommun Q och Kommun Q:s kommun"
        );
        assert_eq!(
            m.apply("Anna Svensson, Anna och Annas"),
            "Respondent 1, Respondent 2 och Respondent 2:s"
        );
        assert_eq!(
            m.apply("i marken och i Mark, inte Markaryd"),
            "i marken och i Kommun M, inte Markaryd"
        );
        assert_eq!(m.apply("Ljusdalsborna"), "Ljusdalsborna");
    }

    #[test]
    fn leak_check_catches_what_replacement_leaves() {
        let m = map();
        assert!(
            m.check(&m.apply("Ljusdal, Anna och Markaryd; marken"))
                .is_ok()
        );
        let err = m.check("rad ett\nSå tycker Ljusdalsborna.").unwrap_err();
        match err {
            PseudonymError::Leak {
                real,
                line,
                column,
                map_line,
                ..
            } => {
                assert_eq!(
                    (real.as_str(), line, column, map_line),
                    ("Ljusdal", 2, 11, 2)
                );
            }
            other => panic!("{other}"),
        }
        assert!(m.check("I LJUSDAL").is_err());
    }

    #[test]
    fn json_keys_and_values_are_replaced() {
        let m = map();
        let mut v =
            serde_json::json!({"case": "Ljusdal", "cells": {"Ljusdal": 1, "Mark": ["Anna"]}});
        m.apply_value(&mut v);
        assert_eq!(
            v,
            serde_json::json!({"case": "Kommun Q", "cells": {"Kommun Q": 1, "Kommun M": ["Respondent 2"]}})
        );
    }

    #[test]
    fn bad_files_name_the_line() {
        let e = Pseudonyms::parse(b"real,pseudonym\nA,B\nA,C\n", Path::new("p.csv")).unwrap_err();
        assert!(
            e.to_string().starts_with("p.csv:3: \"A\" is mapped twice"),
            "{e}"
        );
        let e = Pseudonyms::parse(b"namn,alias\nA,B\n", Path::new("p.csv")).unwrap_err();
        assert!(e.to_string().contains("expected the columns"), "{e}");
        let e = Pseudonyms::parse(b"real,pseudonym\nA,\n", Path::new("p.csv")).unwrap_err();
        assert!(e.to_string().starts_with("p.csv:2:"), "{e}");
        assert!(
            Pseudonyms::parse(b"", Path::new("p.csv"))
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn marks_move_with_the_replacements() {
        let map = Pseudonyms {
            path: PathBuf::from("p.csv"),
            entries: vec![Entry {
                real: "Ljusdal".into(),
                pseudonym: "Kommun Q".into(),
                line: 2,
            }],
        };
        let text = "I Ljusdals skola och Ljusdal: resurser saknas.";
        let at = |w: &str| {
            let b = text.find(w).unwrap();
            let s = text[..b].chars().count();
            (s, s + w.chars().count())
        };
        let (out, m) = map.apply_marked(text, &[at("skola"), at("resurser"), (4, 6)]);
        assert_eq!(out, "I Kommun Q:s skola och Kommun Q: resurser saknas.");
        let got: Vec<String> = m
            .iter()
            .map(|&(s, e)| out.chars().skip(s).take(e - s).collect())
            .collect();
        // a mark inside a real name takes in the whole pseudonym
        assert_eq!(got, ["skola", "resurser", "Kommun Q:s"]);
    }
}
