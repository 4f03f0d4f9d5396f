//! Conversion of txt/md, docx, vtt and srt files into canonical transcripts.

pub mod docx;
mod escapes;
pub mod media;
pub mod plain;

use super::decode::{DecodeError, decode};
use crate::model::Transcript;
use crate::model::text::{canonicalize, is_canonical, slugify};
use crate::model::transcript::{Header, is_timestamp, parse_label};
use std::borrow::Cow;
use std::path::Path;

/// One speaker turn as read from a source file, before canonical layout.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawTurn {
    pub speaker: String,
    pub time: Option<String>,
    pub paragraphs: Vec<String>,
}

/// A source file read into turns, plus any header fields it carried.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawDoc {
    pub header: Vec<(String, String)>,
    pub turns: Vec<RawTurn>,
    /// The text encoding used (None for docx, which is always UTF-8 XML).
    pub encoding: Option<&'static str>,
    /// True when the encoding was detected by guessing.
    pub guessed: bool,
    /// Line numbers (1-based) of bytes that were not valid UTF-8 and became U+FFFD.
    pub invalid_lines: Vec<usize>,
}

/// Line numbers (1-based, each once) of the given byte offsets.
fn lines_of(bytes: &[u8], offsets: &[usize]) -> Vec<usize> {
    let (mut line, mut at) = (1, 0);
    let mut out: Vec<usize> = Vec::new();
    for &o in offsets {
        let o = o.min(bytes.len()).max(at);
        line += bytes[at..o].iter().filter(|b| **b == b'\n').count();
        at = o;
        if out.last() != Some(&line) {
            out.push(line);
        }
    }
    out
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{0}")]
    Decode(#[from] DecodeError),
    #[error("line {line}: {message}")]
    At { line: usize, message: String },
    #[error("{0}")]
    Format(String),
    #[error("unsupported file type {0:?}: kodbok imports .txt, .md, .docx, .vtt and .srt")]
    Unsupported(String),
}

/// Reads a source file's bytes into turns, choosing the reader by extension.
pub fn read_source(path: &Path, bytes: &[u8]) -> Result<RawDoc, ImportError> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match ext.as_str() {
        "docx" => docx::read(bytes),
        "vtt" | "srt" => {
            let d = decode(bytes)?;
            let mut doc = if ext == "vtt" {
                media::read_vtt(&clean_text(&d.text))?
            } else {
                media::read_srt(&clean_text(&d.text))?
            };
            doc.encoding = Some(d.encoding);
            doc.guessed = d.guessed;
            doc.invalid_lines = lines_of(bytes, &d.invalid);
            Ok(doc)
        }
        "txt" | "md" | "text" | "" => {
            let d = decode(bytes)?;
            let mut doc = plain::read(&clean_text(&d.text))?;
            doc.encoding = Some(d.encoding);
            doc.guessed = d.guessed;
            doc.invalid_lines = lines_of(bytes, &d.invalid);
            Ok(doc)
        }
        other => Err(ImportError::Unsupported(other.to_string())),
    }
}

/// Header values given on the command line.
#[derive(Debug, Clone, Default)]
pub struct Meta {
    pub id: Option<String>,
    pub case: Option<String>,
    pub attrs: Vec<(String, String)>,
    /// Recorded as `source:` for media transcripts.
    pub source_name: Option<String>,
}

/// Lays a source document out as a canonical transcript.
pub fn to_transcript(raw: &RawDoc, path: &Path, meta: &Meta) -> Result<Transcript, ImportError> {
    let turns = prepare(&raw.turns);
    if turns.is_empty() {
        return Err(ImportError::Format(crate::t!("import-no-text")));
    }
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("transcript");
    let from_file = |k: &str| {
        raw.header
            .iter()
            .find(|(hk, _)| hk == k)
            .map(|(_, v)| v.clone())
    };
    let id = meta
        .id
        .clone()
        .or_else(|| from_file("id"))
        .unwrap_or_else(|| slugify(stem));
    crate::model::codebook::check_id(&id)
        .map_err(|e| ImportError::Format(crate::messages::codebook(&e)))?;
    let mut header = Header::default();
    header.set("id", &id);
    let case = meta
        .case
        .clone()
        .or_else(|| from_file("case"))
        .unwrap_or_default();
    header.set("case", &case);
    for (k, v) in raw
        .header
        .iter()
        .filter(|(k, _)| k != "id" && k != "case" && k != "speakers")
    {
        header.set(k, v);
    }
    for (k, v) in &meta.attrs {
        header.set(k, v);
    }
    if let Some(src) = &meta.source_name {
        header.set("source", src);
    }
    let speakers = speakers_of(&turns);
    let body = layout_prepared(&turns, &speakers);
    if !speakers.is_empty() {
        header.set("speakers", &speakers.join("; "));
    } else if turns
        .iter()
        .flat_map(|t| &t.paragraphs)
        .any(|p| parse_label(p, None).is_some())
    {
        // Without speakers, a paragraph like `Obs: …` must not be read back as a turn label.
        header.set("speakers", "");
    }
    Ok(Transcript::new(&id, header, body))
}

/// Canonical body: `[time] Speaker: text`, turns and paragraphs separated by one blank line.
pub fn layout(turns: &[RawTurn]) -> String {
    let turns = prepare(turns);
    layout_prepared(&turns, &speakers_of(&turns))
}

/// Canonical body and its speakers, as a .txt import lays out the same turns.
pub fn layout_with_speakers(turns: &[RawTurn]) -> (String, Vec<String>) {
    let turns = prepare(turns);
    let speakers = speakers_of(&turns);
    (layout_prepared(&turns, &speakers), speakers)
}

/// Turns as they will be written: labels and paragraphs cleaned, empty ones dropped, and a turn
/// without a speaker after another turn merged into it (that is how it would read back).
/// A time is kept only with a speaker: `[00:01:02] text` without a label is not a turn start.
fn prepare(turns: &[RawTurn]) -> Vec<RawTurn> {
    let mut out: Vec<RawTurn> = Vec::new();
    for t in turns {
        let paragraphs: Vec<String> = t
            .paragraphs
            .iter()
            .map(|p| clean_paragraph(p))
            .filter(|p| !p.is_empty())
            .collect();
        if paragraphs.is_empty() {
            continue;
        }
        let speaker = clean_label(&t.speaker);
        match out.last_mut() {
            Some(prev) if speaker.is_empty() => prev.paragraphs.extend(paragraphs),
            _ => out.push(RawTurn {
                time: t
                    .time
                    .clone()
                    .filter(|x| !speaker.is_empty() && is_timestamp(x)),
                speaker,
                paragraphs,
            }),
        }
    }
    out
}

fn speakers_of(turns: &[RawTurn]) -> Vec<String> {
    let mut speakers: Vec<String> = Vec::new();
    for t in turns {
        if !t.speaker.is_empty() && !speakers.contains(&t.speaker) {
            speakers.push(t.speaker.clone());
        }
    }
    speakers
}

fn layout_prepared(turns: &[RawTurn], speakers: &[String]) -> String {
    let len: usize = turns
        .iter()
        .map(|t| t.speaker.len() + 16 + t.paragraphs.iter().map(|p| p.len() + 2).sum::<usize>())
        .sum();
    let mut out = String::with_capacity(len + 1);
    for t in turns {
        for (i, p) in t.paragraphs.iter().enumerate() {
            if i > 0 && parse_label(p, Some(speakers)).is_some() {
                // A paragraph that starts like another speaker's label stays a line of the
                // paragraph before, so it is not read back as a new turn.
                out.push('\n');
            } else if !out.is_empty() {
                out.push_str("\n\n");
            }
            if i == 0 {
                if let Some(time) = &t.time {
                    out.push_str(&format!("[{time}] "));
                }
                if !t.speaker.is_empty() {
                    out.push_str(&t.speaker);
                    out.push_str(": ");
                }
            }
            out.push_str(p);
        }
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}
/// Canonical text without terminal escape sequences (borrowed when `s` is that already, as nearly
/// every text is).
fn clean_text(s: &str) -> Cow<'_, str> {
    // Canonical text holds no escape sequence (ESC and the C1 controls are never canonical).
    if is_canonical(s) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(canonicalize(&escapes::strip_escapes(s)))
}

/// A paragraph in canonical form: no blank lines inside, no trailing spaces, no leading/trailing blank.
fn clean_paragraph(p: &str) -> String {
    let p = clean_text(p);
    if !p.contains('\n') {
        // one line: the lines below would come to the line trimmed
        return p.trim().to_string();
    }
    p.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

/// A label that reads back as itself: no `:` (ends the label), `;` (separates the speaker list),
/// brackets (a leading `[` is read as a time) or line breaks.
fn clean_label(s: &str) -> String {
    clean_text(s)
        .replace(['\n', ':', ';', '[', ']'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
