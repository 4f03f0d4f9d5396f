//! `.kodbok/index/manifest.json`: what the index was built from (file signatures, content hashes), so
//! that opening an unchanged project does no indexing and a change re-indexes only what it touches.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::time::UNIX_EPOCH;

/// Bump when the schema, the analysers or what is indexed change: older indexes are rebuilt.
pub const FORMAT: u32 = 4;
pub const FILE: &str = "manifest.json";

/// A file's modification time, size and content hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Sig {
    pub mtime_ns: u64,
    pub size: u64,
    pub hash: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocEntry {
    pub sig: Sig,
    /// Transcript id (from the header, else the file stem).
    pub id: String,
    pub case: String,
    /// Header keys usable as filters.
    pub keys: Vec<String>,
    /// Document order of the transcript, for listing filter-only results.
    pub rank: u64,
    pub turns: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoderEntry {
    pub sig: Sig,
    /// Per transcript id: a hash of this coder's (start, end, code) there; memos do not count.
    pub docs: BTreeMap<String, u64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Manifest {
    pub format: u32,
    /// Index documents (turns) the index must hold.
    pub turns: u64,
    pub codebook: Option<Sig>,
    pub cases_file: Option<Sig>,
    /// Attribute columns of cases.csv.
    pub case_columns: Vec<String>,
    pub next_rank: u64,
    /// By transcript file name.
    pub transcripts: BTreeMap<String, DocEntry>,
    /// By coder name (the coder file's stem).
    pub coders: BTreeMap<String, CoderEntry>,
}

impl Manifest {
    /// The manifest in `dir`; None when missing, unreadable or of another format.
    pub fn load(dir: &Path) -> Option<Manifest> {
        let bytes = fs::read(dir.join(FILE)).ok()?;
        let m: Manifest = serde_json::from_slice(&bytes).ok()?;
        (m.format == FORMAT).then_some(m)
    }

    /// Filter keys from case attributes and transcript headers, in first-seen order.
    pub fn attrs(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let keys = self
            .case_columns
            .iter()
            .chain(self.transcripts.values().flat_map(|d| d.keys.iter()));
        for k in keys {
            if !out.iter().any(|o| o.eq_ignore_ascii_case(k)) {
                out.push(k.clone());
            }
        }
        out
    }

    /// Case names of the indexed transcripts.
    pub fn cases(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .transcripts
            .values()
            .map(|d| d.case.clone())
            .filter(|c| !c.is_empty())
            .collect();
        out.sort();
        out.dedup();
        out
    }

    pub fn coder_names(&self) -> Vec<String> {
        self.coders
            .iter()
            .filter(|(_, c)| !c.docs.is_empty())
            .map(|(n, _)| n.clone())
            .collect()
    }
}

/// A fast non-cryptographic 64-bit hash of file contents (stable across builds); the statistics cache uses it too.
pub use crate::store::stats::hash;

/// Modification time (ns since the epoch) and size; None when the file cannot be read.
pub fn stat(path: &Path) -> Option<(u64, u64)> {
    let m = fs::metadata(path).ok()?;
    let t = m.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    Some((u64::try_from(t.as_nanos()).unwrap_or(u64::MAX), m.len()))
}

/// One coder's codings reduced to what the index needs: per transcript id, sorted (start, end, code).
pub type CoderSpans = BTreeMap<String, Vec<(usize, usize, String)>>;

pub fn spans_of(f: &crate::model::CoderFile) -> CoderSpans {
    let mut per: CoderSpans = BTreeMap::new();
    for c in &f.codings {
        per.entry(c.doc.clone())
            .or_default()
            .push((c.start, c.end, c.code.clone()));
    }
    for v in per.values_mut() {
        v.sort_unstable();
    }
    per
}

/// Per transcript, a hash of a coder's codings there (position and code only).
pub fn coding_hashes(spans: &CoderSpans) -> BTreeMap<String, u64> {
    spans
        .iter()
        .map(|(doc, v)| {
            let mut bytes = Vec::new();
            for (s, e, code) in v {
                bytes.extend_from_slice(&(*s as u64).to_le_bytes());
                bytes.extend_from_slice(&(*e as u64).to_le_bytes());
                bytes.extend_from_slice(code.as_bytes());
                bytes.push(0);
            }
            (doc.clone(), hash(&bytes))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_sees_every_byte() {
        let a = hash(b"Respondent: resurser saknas.\n");
        assert_ne!(a, hash(b"Respondent: resurser saknas!\n"));
        assert_ne!(a, hash(b"Respondent: resurser saknas.\n\n"));
        assert_eq!(a, hash(b"Respondent: resurser saknas.\n"));
    }
}
