//! Plain text and Markdown: an optional `---` header, then turns that start with `Name:`.

use super::{ImportError, RawDoc, RawTurn};
use crate::model::transcript::{looks_like_label, parse_label};
use std::collections::HashMap;

/// Reads canonicalised text.
pub fn read(text: &str) -> Result<RawDoc, ImportError> {
    let (header, body, body_line) = split_header(text)?;
    let lines: Vec<String> = body.lines().map(unmark).collect();
    let accepted = accepted_labels(&lines);
    let mut doc = RawDoc {
        header,
        ..RawDoc::default()
    };
    let _ = body_line;
    let mut par: Vec<String> = Vec::new();
    for line in &lines {
        if line.trim().is_empty() {
            flush(&mut doc.turns, &mut par);
            continue;
        }
        match label_of(line, &accepted) {
            Some((time, speaker, skip)) => {
                flush(&mut doc.turns, &mut par);
                doc.turns.push(RawTurn {
                    speaker,
                    time,
                    paragraphs: Vec::new(),
                });
                let rest: String = line.chars().skip(skip).collect();
                if !rest.trim().is_empty() {
                    par.push(rest.trim().to_string());
                }
            }
            None => par.push(line.trim_end().to_string()),
        }
    }
    flush(&mut doc.turns, &mut par);
    Ok(doc)
}

fn flush(turns: &mut Vec<RawTurn>, par: &mut Vec<String>) {
    if par.is_empty() {
        return;
    }
    let text = par.join("\n");
    par.clear();
    match turns.last_mut() {
        Some(t) => t.paragraphs.push(text),
        None => turns.push(RawTurn {
            paragraphs: vec![text],
            ..RawTurn::default()
        }),
    }
}

fn label_of(line: &str, accepted: &[String]) -> Option<(Option<String>, String, usize)> {
    parse_label(line, None).filter(|(_, l, _)| accepted.iter().any(|a| a == l))
}

/// Labels that are speakers: seen twice or more, or written like names (capitalised or upper-case words).
fn accepted_labels(lines: &[String]) -> Vec<String> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for l in lines {
        if let Some((_, label, _)) = parse_label(l, None) {
            *counts.entry(label).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(label, n)| *n >= 2 || name_like(label))
        .map(|(l, _)| l)
        .collect()
}

fn name_like(label: &str) -> bool {
    looks_like_label(label)
        && (label.split_whitespace().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c == '(' || c.is_ascii_digit())
        }) || label
            .split_whitespace()
            .any(|w| w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase())))
}

/// Removes Markdown emphasis around a leading label (`**Anna:** text`) and heading markers.
fn unmark(line: &str) -> String {
    let t = line.trim_start_matches('#').trim_start();
    let t = if line.starts_with('#') { t } else { line };
    for m in ["**", "__"] {
        if let Some(rest) = t.strip_prefix(m)
            && let Some(end) = rest.find(m)
        {
            let label = &rest[..end];
            let after = &rest[end + m.len()..];
            if let Some(l) = label.strip_suffix(':') {
                return format!("{l}:{after}");
            }
            if let Some(a) = after.strip_prefix(':') {
                return format!("{label}:{a}");
            }
        }
    }
    t.to_string()
}

type HeaderSplit<'a> = (Vec<(String, String)>, &'a str, usize);

fn split_header(text: &str) -> Result<HeaderSplit<'_>, ImportError> {
    let Some(rest) = text.strip_prefix("---\n") else {
        return Ok((Vec::new(), text, 1));
    };
    let mut fields = Vec::new();
    let mut offset = 4;
    for (i, line) in rest.split_inclusive('\n').enumerate() {
        offset += line.len();
        let l = line.trim_end_matches('\n');
        if l.trim() == "---" {
            return Ok((fields, &text[offset..], i + 3));
        }
        if l.trim().is_empty() {
            continue;
        }
        match l.split_once(':') {
            Some((k, v)) if !k.trim().is_empty() && !k.trim().contains(' ') => {
                fields.push((k.trim().to_string(), v.trim().to_string()))
            }
            _ => {
                return Err(ImportError::At {
                    line: i + 2,
                    message: format!("expected `key: value` in the header, found {l:?}"),
                });
            }
        }
    }
    Err(ImportError::At {
        line: 1,
        message: "the header opened with `---` is never closed by a `---` line".into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn turns_by_line_and_paragraph() {
        let d = read("Intervjuare: Hej.\nRespondent: Hej hej.\n\nFortsättning.\n\nDet var så här: vi började.\n").unwrap();
        assert_eq!(d.turns.len(), 2);
        assert_eq!(
            d.turns[1].paragraphs,
            vec!["Hej hej.", "Fortsättning.", "Det var så här: vi började."]
        );
    }

    #[test]
    fn header_and_markdown_labels() {
        let d = read(
            "---\nid: x\ncase: Kommun A\n---\n\n**Anna Svensson:** Hej.\n\n**Intervjuare**: Och?\n",
        )
        .unwrap();
        assert_eq!(d.header[1], ("case".into(), "Kommun A".into()));
        assert_eq!(d.turns[0].speaker, "Anna Svensson");
        assert_eq!(d.turns[1].speaker, "Intervjuare");
        assert!(read("---\nid x\n---\n").is_err());
    }

    #[test]
    fn riksdag_labels() {
        let d = read(
            "DAVID JOSEFSSON (M) replik: Fru talman!\n\nStatsminister STEFAN LÖFVEN (S): Tack.\n",
        )
        .unwrap();
        assert_eq!(d.turns.len(), 2);
    }
}
