//! Plain text and Markdown: an optional `---` header, then turns that start with `Name:`.

use super::{ImportError, RawDoc, RawTurn};
use crate::model::transcript::{looks_like_label, parse_label};
use std::borrow::Cow;
use std::collections::HashMap;

/// A piece of a source document, before speaker turns are found in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// Text whose lines may begin with `Name:`; blank lines separate paragraphs.
    Text(String),
    /// A turn whose speaker is known from the document's structure (a table's speaker column).
    /// An empty speaker without a time continues the previous turn.
    Turn(RawTurn),
}

/// Reads canonicalised text.
pub fn read(text: &str) -> Result<RawDoc, ImportError> {
    let (header, body) = split_header(text)?;
    // Indentation is noise in a transcript, and an indented `Name:` is still a speaker label.
    let mut text = String::with_capacity(body.len());
    for (i, l) in body.lines().enumerate() {
        if i > 0 {
            text.push('\n');
        }
        text.push_str(&unmark(l.trim_start()));
    }
    Ok(RawDoc {
        header,
        turns: turns_from_blocks(&[Block::Text(text)]),
        ..RawDoc::default()
    })
}

/// Splits blocks into speaker turns: a line starting with an accepted `Name:` label opens a turn.
pub fn turns_from_blocks(blocks: &[Block]) -> Vec<RawTurn> {
    let accepted = accepted_labels(blocks);
    let mut turns: Vec<RawTurn> = Vec::new();
    let mut par: Vec<String> = Vec::new();
    for block in blocks {
        match block {
            Block::Text(text) => {
                for line in text.lines() {
                    text_line(line, &accepted, &mut turns, &mut par);
                }
                flush(&mut turns, &mut par);
            }
            Block::Turn(t) if t.speaker.trim().is_empty() && t.time.is_none() => {
                for p in &t.paragraphs {
                    par.push(p.clone());
                    flush(&mut turns, &mut par);
                }
            }
            Block::Turn(t) => turns.push(t.clone()),
        }
    }
    turns
}

fn text_line(line: &str, accepted: &[String], turns: &mut Vec<RawTurn>, par: &mut Vec<String>) {
    if line.trim().is_empty() {
        flush(turns, par);
        return;
    }
    match label_of(line, accepted) {
        Some((time, speaker, skip)) => {
            flush(turns, par);
            turns.push(RawTurn {
                speaker,
                time,
                paragraphs: Vec::new(),
            });
            let rest = line
                .char_indices()
                .nth(skip)
                .map_or("", |(b, _)| &line[b..]);
            if !rest.trim().is_empty() {
                par.push(rest.trim().to_string());
            }
        }
        None => par.push(line.trim_end().to_string()),
    }
}

fn label_of(line: &str, accepted: &[String]) -> Option<(Option<String>, String, usize)> {
    parse_label(line, None).filter(|(_, l, _)| accepted.iter().any(|a| a == l))
}

fn flush(turns: &mut Vec<RawTurn>, par: &mut Vec<String>) {
    if par.is_empty() {
        return;
    }
    // one line, the usual paragraph, is moved, not copied
    let text = match par.len() {
        1 => par.pop().unwrap_or_default(),
        _ => std::mem::take(par).join("\n"),
    };
    match turns.last_mut() {
        Some(t) => t.paragraphs.push(text),
        None => turns.push(RawTurn {
            paragraphs: vec![text],
            ..RawTurn::default()
        }),
    }
}

/// Labels that are speakers: those the structure names, those seen twice or more, and once-seen
/// labels written like names. Once some label repeats, a once-seen single capitalised word
/// (`Återigen: …`, `Alltså: …`) is more likely a phrase than a speaker, so it is not accepted.
fn accepted_labels(blocks: &[Block]) -> Vec<String> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut known: Vec<String> = Vec::new();
    for block in blocks {
        match block {
            Block::Text(text) => {
                for line in text.lines() {
                    if let Some((_, label, _)) = parse_label(line, None) {
                        *counts.entry(label).or_default() += 1;
                    }
                }
            }
            Block::Turn(t) if !t.speaker.trim().is_empty() => known.push(t.speaker.clone()),
            Block::Turn(_) => {}
        }
    }
    let strict = !known.is_empty() || counts.values().any(|n| *n >= 2);
    counts
        .into_iter()
        .filter(|(label, n)| *n >= 2 || name_like(label, strict))
        .map(|(l, _)| l)
        .chain(known)
        .collect()
}

fn name_like(label: &str, strict: bool) -> bool {
    let words: Vec<&str> = label.split_whitespace().collect();
    let capitalised = words.iter().all(|w| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c == '(' || c.is_ascii_digit())
    });
    let upper_word = words
        .iter()
        .any(|w| w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase()));
    looks_like_label(label) && (upper_word || capitalised && (!strict || words.len() >= 2))
}

/// Removes Markdown emphasis around a leading label (`**Anna:** text`) and heading markers.
fn unmark(line: &str) -> Cow<'_, str> {
    let t = line.trim_start_matches('#').trim_start();
    let t = if line.starts_with('#') { t } else { line };
    for m in ["**", "__"] {
        if let Some(rest) = t.strip_prefix(m)
            && let Some(end) = rest.find(m)
        {
            let label = &rest[..end];
            let after = &rest[end + m.len()..];
            if let Some(l) = label.strip_suffix(':') {
                return Cow::Owned(format!("{l}:{after}"));
            }
            if let Some(a) = after.strip_prefix(':') {
                return Cow::Owned(format!("{label}:{a}"));
            }
        }
    }
    Cow::Borrowed(t)
}

type HeaderSplit<'a> = (Vec<(String, String)>, &'a str);

fn split_header(text: &str) -> Result<HeaderSplit<'_>, ImportError> {
    let Some(rest) = text.strip_prefix("---\n") else {
        return Ok((Vec::new(), text));
    };
    let mut fields = Vec::new();
    let mut offset = 4;
    for (i, line) in rest.split_inclusive('\n').enumerate() {
        offset += line.len();
        let l = line.trim_end_matches('\n');
        if l.trim() == "---" {
            return Ok((fields, &text[offset..]));
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
                    message: crate::t!("import-header-line", found = format!("{l:?}")),
                });
            }
        }
    }
    Err(ImportError::At {
        line: 1,
        message: crate::t!("import-header-unclosed"),
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
    fn indented_labels_are_labels() {
        let d = read("  [00:01:02] Respondent: ---\n[00:01:02] Respondent: a\u{30a}").unwrap();
        assert_eq!(d.turns.len(), 2);
        assert!(d.turns.iter().all(|t| t.speaker == "Respondent"));
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
