//! WebVTT (Teams, Zoom) and SRT subtitles: cues merged into speaker turns with start times.

use super::{ImportError, RawDoc, RawTurn};
use crate::model::transcript::looks_like_label;
use std::collections::HashMap;

/// One piece of a cue's text, with the speaker named by markup (`<v Anna>`), if any.
#[derive(Debug, Clone, PartialEq, Eq)]
struct CuePart {
    speaker: Option<String>,
    text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Cue {
    /// Start time as `hh:mm:ss`; None past 99 hours.
    start: Option<String>,
    segments: Vec<CuePart>,
}

/// Reads canonicalised WebVTT text.
pub fn read_vtt(text: &str) -> Result<RawDoc, ImportError> {
    let lines: Vec<&str> = text.lines().collect();
    let first = lines.first().copied().unwrap_or("");
    let signature = first.strip_prefix("WEBVTT");
    if !signature.is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return Err(ImportError::At {
            line: 1,
            message: crate::t!("import-vtt-signature", found = format!("{first:?}")),
        });
    }
    let mut cues = Vec::new();
    let mut blocks = blocks(&lines);
    // The first block is the header (`WEBVTT` and metadata lines); a cue glued to it is kept.
    let header = if blocks.is_empty() {
        (1, Vec::new())
    } else {
        blocks.remove(0)
    };
    if let Some(i) = header.1.iter().position(|l| l.contains("-->")) {
        let first = i.saturating_sub(1).max(1);
        blocks.insert(0, (header.0 + first, header.1[first..].to_vec()));
    }
    for (at, block) in blocks {
        let head = block[0];
        if ["NOTE", "STYLE", "REGION"].iter().any(|k| {
            head.strip_prefix(k)
                .is_some_and(|r| r.is_empty() || r.starts_with([' ', '\t']))
        }) {
            continue;
        }
        let timing = match block.iter().take(2).position(|l| l.contains("-->")) {
            Some(i) => i,
            // After a cue id the timing line is expected on the next line.
            None => {
                let (line, found) = block.get(1).map_or((at, head), |l| (at + 1, *l));
                return Err(expected_timing(
                    line,
                    found,
                    "00:00:03.120 --> 00:00:05.480",
                ));
            }
        };
        let start = parse_timing(block[timing], at + timing)?;
        cues.push(Cue {
            start,
            segments: segments(&block[timing + 1..].join("\n")),
        });
    }
    Ok(doc_from_cues(cues))
}

/// Reads canonicalised SRT text.
pub fn read_srt(text: &str) -> Result<RawDoc, ImportError> {
    let lines: Vec<&str> = text.lines().collect();
    let mut cues: Vec<Cue> = Vec::new();
    for (at, block) in blocks(&lines) {
        let head = block[0].trim();
        let numbered = !head.is_empty() && head.bytes().all(|b| b.is_ascii_digit());
        let timing = if head.contains("-->") {
            0
        } else if numbered && block.get(1).is_some_and(|l| l.contains("-->")) {
            1
        } else if numbered {
            let found = block.get(1).copied().unwrap_or("");
            return Err(expected_timing(
                at + 1,
                found,
                "00:00:01,000 --> 00:00:04,000",
            ));
        } else if let Some(last) = cues.last_mut() {
            // A blank line inside a cue's text: the text goes on.
            last.segments.extend(segments(&block.join("\n")));
            continue;
        } else {
            return Err(ImportError::At {
                line: at,
                message: crate::t!("import-srt-number", found = format!("{head:?}")),
            });
        };
        let start = parse_timing(block[timing], at + timing)?;
        cues.push(Cue {
            start,
            segments: segments(&block[timing + 1..].join("\n")),
        });
    }
    if cues.is_empty() {
        return Err(ImportError::Format(crate::t!("import-srt-no-cues")));
    }
    Ok(doc_from_cues(cues))
}

/// Runs of non-blank lines, each with the 1-based line number of its first line.
fn blocks<'a>(lines: &[&'a str]) -> Vec<(usize, Vec<&'a str>)> {
    let mut out: Vec<(usize, Vec<&str>)> = Vec::new();
    let mut current: Option<(usize, Vec<&str>)> = None;
    for (i, line) in lines.iter().enumerate() {
        if line.trim().is_empty() {
            out.extend(current.take());
        } else {
            current
                .get_or_insert_with(|| (i + 1, Vec::new()))
                .1
                .push(line);
        }
    }
    out.extend(current);
    out
}

fn expected_timing(line: usize, found: &str, example: &str) -> ImportError {
    ImportError::At {
        line,
        message: crate::t!(
            "import-cue-timing",
            example = example,
            found = format!("{found:?}")
        ),
    }
}

/// The start time of a timing line `start --> end [settings]`, checking both times.
fn parse_timing(line: &str, lineno: usize) -> Result<Option<String>, ImportError> {
    // `what`: arrow, start or end
    let bad = |what: &str, found: &str| ImportError::At {
        line: lineno,
        message: crate::t!("import-cue-time", what = what, found = format!("{found:?}")),
    };
    let (start, rest) = line.split_once("-->").ok_or_else(|| bad("arrow", line))?;
    let end = rest.split_whitespace().next().unwrap_or("");
    let start_ms = parse_time(start.trim()).ok_or_else(|| bad("start", start.trim()))?;
    let end_ms = parse_time(end).ok_or_else(|| bad("end", end))?;
    if end_ms < start_ms {
        return Err(ImportError::At {
            line: lineno,
            message: crate::t!("import-cue-backwards", end = end, start = start.trim()),
        });
    }
    let secs = start_ms / 1000;
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    Ok((h < 100).then(|| format!("{h:02}:{m:02}:{s:02}")))
}

/// Milliseconds of `hh:mm:ss.mmm` or `mm:ss.mmm` (`,` accepted for `.`, as SRT writes it).
fn parse_time(t: &str) -> Option<u64> {
    let (main, frac) = match t.split_once(['.', ',']) {
        Some((m, f)) => (m, f),
        None => (t, "0"),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(frac) || frac.len() > 3 {
        return None;
    }
    let parts: Vec<&str> = main.split(':').collect();
    if !(2..=3).contains(&parts.len()) || !parts.iter().all(|p| digits(p)) || parts[0].len() > 6 {
        return None;
    }
    let n: Vec<u64> = parts.iter().map(|p| p.parse().unwrap_or(0)).collect();
    let (h, m, s) = match n.as_slice() {
        [m, s] => (0, *m, *s),
        [h, m, s] => (*h, *m, *s),
        _ => return None,
    };
    if m >= 60 || s >= 60 || parts[parts.len() - 1].len() != 2 {
        return None;
    }
    let ms: u64 = format!("{frac:0<3}").parse().ok()?;
    Some(((h * 60 + m) * 60 + s) * 1000 + ms)
}

/// Splits a cue's text at voice tags, dropping other markup and decoding entities.
fn segments(payload: &str) -> Vec<CuePart> {
    let mut out = Vec::new();
    let mut speaker: Option<String> = None;
    let mut text = String::new();
    let mut rest = payload;
    while let Some(lt) = rest.find(['<', '{']) {
        text.push_str(&rest[..lt]);
        let (open, close) = if rest[lt..].starts_with('<') {
            ('<', '>')
        } else {
            ('{', '}')
        };
        let after = &rest[lt + 1..];
        let tag = after.find(close).map(|gt| &after[..gt]);
        let is_tag = |t: &str| match open {
            '<' => t.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '/'),
            _ => t.starts_with('\\'),
        };
        let Some(tag) = tag.filter(|t| is_tag(t) && !t.contains('\n')) else {
            text.push(open);
            rest = after;
            continue;
        };
        if let Some(name) = voice(tag) {
            push_segment(&mut out, speaker.take(), &mut text);
            speaker = Some(name);
        } else if tag == "/v" {
            push_segment(&mut out, speaker.take(), &mut text);
        }
        rest = &after[tag.len() + 1..];
    }
    text.push_str(rest);
    push_segment(&mut out, speaker, &mut text);
    out
}

/// The name in a voice tag: `v Anna Svensson` or `v.loud Anna`.
fn voice(tag: &str) -> Option<String> {
    let rest = tag.strip_prefix('v')?;
    if !(rest.starts_with([' ', '\t', '\n', '.'])) {
        return None;
    }
    let name = rest.split_once(char::is_whitespace).map_or("", |(_, n)| n);
    let name = collapse(&decode_entities(name));
    (!name.is_empty()).then_some(name)
}

fn push_segment(out: &mut Vec<CuePart>, speaker: Option<String>, text: &mut String) {
    let t = collapse(&decode_entities(text));
    text.clear();
    if !t.is_empty() {
        out.push(CuePart { speaker, text: t });
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// HTML character references as subtitle files use them.
fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let entity = after.find(';').filter(|&n| n <= 10).map(|n| &after[..n]);
        match entity.and_then(entity_value) {
            Some(v) => {
                out.push_str(v.as_str());
                rest = &after[entity.map_or(0, str::len) + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity_value(name: &str) -> Option<String> {
    let named = match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        "nbsp" => " ",
        // Direction marks are invisible and only disturb search.
        "lrm" | "rlm" => "",
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            return char::from_u32(code).map(String::from);
        }
    };
    Some(named.to_string())
}

/// Names speakers written in the text (`Anna Svensson: …` as Zoom writes, `[Anna] …`, `>> Anna: …`),
/// then merges consecutive cues of one speaker into a turn timed by its first cue.
fn doc_from_cues(mut cues: Vec<Cue>) -> RawDoc {
    let accepted = accepted_labels(&cues);
    for seg in cues.iter_mut().flat_map(|c| c.segments.iter_mut()) {
        if seg.speaker.is_none() {
            let (label, rest) = text_label(&seg.text);
            if let Some(l) = label.filter(|l| accepted.contains(l)) {
                seg.speaker = Some(l);
                seg.text = rest.to_string();
            } else {
                seg.text = strip_dialogue_dash(&seg.text).to_string();
            }
        }
    }
    let mut turns: Vec<RawTurn> = Vec::new();
    for cue in cues {
        for seg in cue.segments {
            let same = turns
                .last()
                .is_some_and(|t| seg.speaker.as_ref().is_none_or(|s| *s == t.speaker));
            if !same {
                turns.push(RawTurn {
                    speaker: seg.speaker.unwrap_or_default(),
                    time: cue.start.clone(),
                    paragraphs: vec![String::new()],
                });
            }
            if let Some(p) = turns.last_mut().and_then(|t| t.paragraphs.last_mut()) {
                if !p.is_empty() && !seg.text.is_empty() {
                    p.push(' ');
                }
                p.push_str(&seg.text);
            }
        }
    }
    RawDoc {
        turns,
        ..RawDoc::default()
    }
}

/// Labels at the start of cue text that count as speakers: seen twice, or written like names.
fn accepted_labels(cues: &[Cue]) -> Vec<String> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for seg in cues.iter().flat_map(|c| &c.segments) {
        if let (Some(l), rest) = text_label(&seg.text)
            && seg.speaker.is_none()
            && !rest.is_empty()
        {
            *counts.entry(l).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(l, n)| *n >= 2 || looks_like_label(l))
        .map(|(l, _)| l)
        .collect()
}

/// A speaker label at the start of a cue's text, and the text after it.
fn text_label(text: &str) -> (Option<String>, &str) {
    let t = text.strip_prefix(">>").map_or(text, str::trim_start);
    let t = strip_dialogue_dash(t);
    let found = if let Some(inner) = t.strip_prefix('[') {
        // Bracketed labels must look like names: `[skratt]` and `[musik]` describe sounds.
        inner
            .split_once(']')
            .filter(|(l, _)| looks_like_label(l.trim()))
            .map(|(l, r)| (l, r.strip_prefix(':').unwrap_or(r)))
    } else {
        t.split_once(':')
            .filter(|(_, r)| r.is_empty() || r.starts_with(' '))
    };
    match found {
        Some((label, rest)) if speaker_like(label.trim()) => {
            (Some(label.trim().to_string()), rest.trim())
        }
        _ => (None, text),
    }
}

fn strip_dialogue_dash(t: &str) -> &str {
    t.strip_prefix("- ")
        .or_else(|| t.strip_prefix("– "))
        .unwrap_or(t)
}

/// A display name as meeting software shows it: short, no sentence punctuation, not a time.
fn speaker_like(s: &str) -> bool {
    (1..=60).contains(&s.chars().count())
        && s.split_whitespace().count() <= 8
        && !s.contains(['?', '!', ';', '"', '”', '“', '…', '[', ']', '<', '>'])
        && !s.ends_with('.')
        && !s
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b':' || b == b'.' || b == b',')
}

#[cfg(test)]
mod tests;
