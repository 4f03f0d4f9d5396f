//! The sources of an imported study: their text read (inline, from the archive or beside it) and laid
//! out as transcripts, each with the map of the writer's positions onto the transcript's body.

use super::{ImportCtx, refused};
use crate::model::text::{canonicalize, slugify};
use crate::model::transcript::{Header, Transcript};
use crate::store::import::layout_with_speakers;
use crate::store::import::plain::{Block, turns_from_blocks};
use crate::store::refi::archive::{self, Unpacked};
use crate::store::refi::positions::{Mapped, canonical_mapped};
use crate::store::refi::read::QText;
use crate::store::{Project, Result};
use crate::t;
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// Reads a source's text: inline, or `internal://` from the archive, or `relative://` beside it.
pub(super) fn source_text(file: &Path, zip: &Unpacked, s: &QText) -> Result<Option<String>> {
    if let Some(c) = &s.content {
        return Ok(Some(c.clone()));
    }
    let Some(path) = s.path.as_deref() else {
        return Ok(None);
    };
    let bytes = if let Some(name) = path.strip_prefix("internal://") {
        if !archive::safe_relative(name) || name.contains(['/', '\\']) {
            return Err(refused(
                file,
                t!(
                    "refi-source-outside-archive",
                    name = format!("{:?}", s.name),
                    path = format!("{path:?}")
                ),
            ));
        }
        zip.source(name).map(<[u8]>::to_vec)
    } else if let Some(rel) = path.strip_prefix("relative://") {
        if !archive::safe_relative(rel) {
            return Err(refused(
                file,
                t!(
                    "refi-source-outside-project",
                    name = format!("{:?}", s.name),
                    path = format!("{path:?}")
                ),
            ));
        }
        let base = file.parent().unwrap_or(Path::new("."));
        zip.source(rel)
            .map(<[u8]>::to_vec)
            .or_else(|| std::fs::read(base.join(rel)).ok())
    } else {
        None
    };
    let Some(bytes) = bytes else { return Ok(None) };
    match crate::store::decode::decode(&bytes) {
        Ok(d) => Ok(Some(d.text)),
        Err(crate::store::decode::DecodeError::Empty) => Ok(Some(String::new())),
        Err(e) => Err(refused(
            file,
            t!(
                "refi-source-error",
                name = format!("{:?}", s.name),
                error = e.to_string()
            ),
        )),
    }
}

/// One source read and laid out as a transcript, with its position map.
pub(super) struct Incoming {
    pub(super) guid: String,
    pub(super) transcript: Transcript,
    pub(super) mapped: Mapped,
}

fn safe_key(name: &str) -> String {
    let k: String = canonicalize(name)
        .trim()
        .chars()
        .map(|c| {
            if c.is_whitespace() || c == ':' {
                '-'
            } else {
                c
            }
        })
        .collect();
    match k.as_str() {
        "" => "variable".into(),
        "id" | "case" => format!("refi-{k}"),
        _ => k,
    }
}

/// Non-empty names in first-seen order.
fn distinct<'a>(names: impl Iterator<Item = &'a String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for n in names.filter(|n| !n.is_empty()) {
        if !out.contains(n) {
            out.push(n.clone());
        }
    }
    out
}

/// Lays a source's text out as a transcript. Where the txt importer's turn detection finds speakers
/// (`Name: text` lines), the body is laid out as a .txt import would lay it out, one turn per speaker
/// line, and the positions are carried through; otherwise the text is kept as it is.
fn make_transcript(
    id: &str,
    case: &str,
    fields: &[(String, String)],
    mapped: Mapped,
) -> (Transcript, Mapped) {
    let mut header = Header::default();
    header.set("id", id);
    header.set("case", case);
    for (k, v) in fields {
        header.set(k, v);
    }
    if header.get("speakers").is_none() {
        let turns = turns_from_blocks(&[Block::Text(mapped.text.clone())]);
        let (body, speakers) = layout_with_speakers(&turns);
        if !speakers.is_empty() {
            // The header lists the speakers only where reading the body without the list would differ.
            let mut h = header.clone();
            let plain = Transcript::new(id, h.clone(), body.clone());
            if distinct(plain.turns.iter().map(|t| &t.speaker)) != speakers {
                h.set("speakers", &speakers.join("; "));
            }
            let laid = Transcript::new(id, h, body.clone());
            if distinct(laid.turns.iter().map(|t| &t.speaker)) == speakers
                && let Some(relaid) = mapped.clone().relaid(body)
            {
                return (laid, relaid);
            }
        }
    }
    let mut body = mapped.text.clone();
    if !body.is_empty() && !body.ends_with('\n') {
        body.push('\n');
    }
    if header.get("speakers").is_none() {
        let turns = turns_from_blocks(&[Block::Text(mapped.text.clone())]);
        let speakers = distinct(turns.iter().map(|t| &t.speaker));
        // The header lists the speakers only where reading the text without the list would differ.
        let plain = Transcript::new(id, header.clone(), body.clone());
        if distinct(plain.turns.iter().map(|t| &t.speaker)) != speakers {
            header.set("speakers", &speakers.join("; "));
        }
    }
    (Transcript::new(id, header, body), mapped)
}

impl ImportCtx<'_> {
    pub(super) fn var_name(&self, guid: &str) -> Option<String> {
        self.q.variables.get(guid).map(|(n, _)| safe_key(n))
    }

    pub(super) fn sources(&mut self, existing: &Project, force: bool) -> Result<Vec<Incoming>> {
        let mut case_of: HashMap<&str, &str> = HashMap::new();
        for c in &self.q.cases {
            for s in &c.sources {
                case_of.insert(s, &c.name);
            }
        }
        let mut out: Vec<Incoming> = Vec::new();
        // The ids given so far (a scan of them per source was cubic for many sources of one name).
        let mut taken: HashSet<String> = HashSet::new();
        for s in &self.q.sources {
            if s.rich_only {
                self.report
                    .warnings
                    .push(t!("refi-source-rich-only", name = format!("{:?}", s.name)));
                continue;
            }
            let Some(raw) = source_text(self.file, self.zip, s)? else {
                let path = s.path.clone().unwrap_or_else(|| t!("refi-no-path"));
                self.report.warnings.push(t!(
                    "refi-source-not-found",
                    name = format!("{:?}", s.name),
                    path = path
                ));
                continue;
            };
            let mapped = canonical_mapped(&raw, self.crlf);
            if mapped.text.trim().is_empty() {
                self.report
                    .warnings
                    .push(t!("refi-source-empty", name = format!("{:?}", s.name)));
                continue;
            }
            let stem = s
                .name
                .rsplit_once('.')
                .filter(|(_, e)| e.len() <= 4 && !e.contains(' '))
                .map_or(s.name.as_str(), |(a, _)| a);
            let mut id: String = slugify(stem).chars().take(60).collect();
            if id.is_empty() {
                id = format!("source-{}", out.len() + 1);
            }
            let base = id.clone();
            let mut n = 2;
            while taken.contains(&id) {
                id = format!("{base}-{n}");
                n += 1;
            }
            if existing.transcripts.contains_key(&id) && !force {
                return Err(refused(
                    self.file,
                    t!(
                        "refi-transcript-exists",
                        id = format!("{id:?}"),
                        name = format!("{:?}", s.name)
                    ),
                ));
            }
            let case = case_of
                .get(s.guid.as_str())
                .map_or(id.clone(), |c| canonicalize(c).trim().to_string());
            let fields: Vec<(String, String)> = s
                .values
                .iter()
                .filter_map(|v| Some((self.var_name(&v.variable)?, v.value.clone())))
                .collect();
            if !s.description.trim().is_empty() {
                self.report.warnings.push(t!(
                    "refi-source-description",
                    name = format!("{:?}", s.name)
                ));
            }
            if s.loose_codings > 0 {
                self.report.warnings.push(t!(
                    "refi-source-loose",
                    name = format!("{:?}", s.name),
                    n = s.loose_codings
                ));
            }
            taken.insert(id.clone());
            let (transcript, mapped) = make_transcript(&id, &case, &fields, mapped);
            out.push(Incoming {
                guid: s.guid.clone(),
                transcript,
                mapped,
            });
        }
        Ok(out)
    }
}
