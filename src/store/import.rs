//! Conversion of txt/md, docx, vtt and srt files into canonical transcripts.

pub mod docx;
pub mod media;
pub mod plain;

use super::decode::{DecodeError, decode};
use crate::model::Transcript;
use crate::model::text::{canonicalize, slugify};
use crate::model::transcript::Header;
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
                media::read_vtt(&canonicalize(&d.text))?
            } else {
                media::read_srt(&canonicalize(&d.text))?
            };
            doc.encoding = Some(d.encoding);
            doc.guessed = d.guessed;
            Ok(doc)
        }
        "txt" | "md" | "text" | "" => {
            let d = decode(bytes)?;
            let mut doc = plain::read(&canonicalize(&d.text))?;
            doc.encoding = Some(d.encoding);
            doc.guessed = d.guessed;
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
    if raw
        .turns
        .iter()
        .all(|t| t.paragraphs.iter().all(|p| p.trim().is_empty()))
    {
        return Err(ImportError::Format("no text found in the file".into()));
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
    crate::model::codebook::check_id(&id).map_err(|e| ImportError::Format(e.to_string()))?;
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
    let body = layout(&raw.turns);
    let mut speakers: Vec<&str> = Vec::new();
    for t in &raw.turns {
        if !t.speaker.is_empty() && !speakers.contains(&t.speaker.as_str()) {
            speakers.push(&t.speaker);
        }
    }
    if !speakers.is_empty() {
        header.set("speakers", &speakers.join("; "));
    }
    Ok(Transcript::new(&id, header, body))
}

/// Canonical body: `[time] Speaker: text`, turns and paragraphs separated by one blank line.
pub fn layout(turns: &[RawTurn]) -> String {
    let mut out = String::new();
    for t in turns {
        let pars: Vec<String> = t
            .paragraphs
            .iter()
            .map(|p| clean_paragraph(p))
            .filter(|p| !p.is_empty())
            .collect();
        if pars.is_empty() {
            continue;
        }
        for (i, p) in pars.iter().enumerate() {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            if i == 0 {
                if let Some(time) = &t.time {
                    out.push_str(&format!("[{time}] "));
                }
                if !t.speaker.is_empty() {
                    out.push_str(&clean_label(&t.speaker));
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

/// A paragraph in canonical form: no blank lines inside, no trailing spaces, no leading/trailing blank.
fn clean_paragraph(p: &str) -> String {
    canonicalize(p)
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

fn clean_label(s: &str) -> String {
    canonicalize(s)
        .replace(['\n', ':', ';'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
