//! Reading the project files for indexing: file signatures, coder spans, and one transcript's index documents.

use super::{io, manifest};
use crate::index::IndexError;
use crate::index::manifest::{CoderSpans, Manifest, Sig};
use crate::index::schema::Fields;
use crate::index::texts::TURN_BITS;
use crate::model::{Cases, Codebook, Transcript};
use crate::store::{FileProblem, Problem, StoreError, cases_csv};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};
use tantivy::TantivyDocument;

/// The project files as they are now (stat only, contents read where the stat changed).
pub(crate) struct Scan {
    pub codebook: Sig,
    pub cases: Option<Sig>,
    pub transcripts: BTreeMap<String, (PathBuf, Sig)>,
    pub coders: BTreeMap<String, (PathBuf, Sig)>,
    /// Contents already read, by path.
    pub read: HashMap<PathBuf, Vec<u8>>,
    /// Coder files parsed (or taken from the cache when unchanged), by coder.
    pub spans: BTreeMap<String, CoderSpans>,
    root: PathBuf,
}

/// `.kodbok/index/codings.json`: every coder's spans, so that re-indexing one transcript does not
/// parse coder files that did not change.
pub(crate) const SPANS_FILE: &str = "codings.json";

fn files_with_ext(dir: &Path, ext: &str) -> Result<Vec<(String, PathBuf)>, IndexError> {
    if !dir.exists() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for e in fs::read_dir(dir).map_err(io(dir))? {
        let p = e.map_err(io(dir))?.path();
        let name = p
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        if p.extension().and_then(|x| x.to_str()) == Some(ext) && !name.starts_with('.') {
            out.push((name, p));
        }
    }
    out.sort();
    Ok(out)
}

impl Scan {
    /// A coder's spans: parsed from the file, unless `cached` holds them for an unchanged file.
    pub fn coder(
        &mut self,
        name: &str,
        unchanged: bool,
        cached: &mut BTreeMap<String, CoderSpans>,
    ) -> Result<(), IndexError> {
        if self.spans.contains_key(name) {
            return Ok(());
        }
        let spans = match cached.remove(name).filter(|_| unchanged) {
            Some(s) => s,
            None => {
                let Some((p, _)) = self.coders.get(name).cloned() else {
                    return Ok(());
                };
                let bytes = self.bytes(&p)?;
                let f = crate::store::coder_cache::from_bytes(&self.root, name, &p, &bytes)
                    .map_err(|e| IndexError::Store(StoreError::one(e)))?;
                manifest::spans_of(&f.file)
            }
        };
        self.spans.insert(name.to_string(), spans);
        Ok(())
    }

    /// The signature of a file: the old one when mtime and size are unchanged, else hashed afresh.
    fn sig(&mut self, path: &Path, old: Option<&Sig>) -> Result<Sig, IndexError> {
        crate::store::project::check_inside(&self.root, path)?;
        let (mtime_ns, size) = manifest::stat(path).unwrap_or((0, 0));
        if let Some(o) = old.filter(|o| o.mtime_ns == mtime_ns && o.size == size && mtime_ns != 0) {
            return Ok(*o);
        }
        let bytes = fs::read(path).map_err(io(path))?;
        let sig = Sig {
            mtime_ns,
            size,
            hash: manifest::hash(&bytes),
        };
        self.read.insert(path.to_path_buf(), bytes);
        Ok(sig)
    }

    pub fn bytes(&mut self, path: &Path) -> Result<Vec<u8>, IndexError> {
        match self.read.remove(path) {
            Some(b) => Ok(b),
            None => fs::read(path).map_err(io(path)),
        }
    }

    pub fn new(root: &Path, old: &Manifest) -> Result<Scan, IndexError> {
        let mut s = Scan {
            codebook: Sig::default(),
            cases: None,
            transcripts: BTreeMap::new(),
            coders: BTreeMap::new(),
            read: HashMap::new(),
            spans: BTreeMap::new(),
            root: root.to_path_buf(),
        };
        s.codebook = s.sig(&root.join("codebook.json"), old.codebook.as_ref())?;
        let cases = root.join("transcripts").join("cases.csv");
        if cases.exists() {
            s.cases = Some(s.sig(&cases, old.cases_file.as_ref())?);
        }
        for (name, p) in files_with_ext(&root.join("transcripts"), "txt")? {
            let sig = s.sig(&p, old.transcripts.get(&name).map(|d| &d.sig))?;
            s.transcripts.insert(name, (p, sig));
        }
        for (name, p) in files_with_ext(&root.join("codings"), "json")? {
            let coder = name.trim_end_matches(".json").to_string();
            let sig = s.sig(&p, old.coders.get(&coder).map(|c| &c.sig))?;
            s.coders.insert(coder, (p, sig));
        }
        Ok(s)
    }
}

pub(crate) fn parse_json<T: serde::de::DeserializeOwned>(
    path: &Path,
    bytes: &[u8],
) -> Result<T, IndexError> {
    serde_json::from_slice(bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes))
        .map_err(|e| IndexError::Store(StoreError::one(FileProblem::json(path, &e))))
}

pub(crate) fn parse_transcript(path: &Path, bytes: Vec<u8>) -> Result<Transcript, IndexError> {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    // checked with SIMD, and the file's buffer becomes the body (no copy of 50 MB on a full build)
    let text = crate::store::load::utf8(bytes)
        .ok_or_else(|| StoreError::one(FileProblem::new(path, Problem::NotUtf8Transcript)))?;
    let parsed = Transcript::parse_owned(text, stem).map(|(t, _)| t);
    parsed.map_err(|e| {
        IndexError::Store(StoreError::one(
            FileProblem::new(path, Problem::Header(e.problem)).at(e.line, e.column),
        ))
    })
}

/// Everything besides transcripts that goes into index documents.
pub(crate) struct IndexInputs {
    pub codebook: Codebook,
    pub cases: Cases,
    pub coders: BTreeMap<String, CoderSpans>,
    ancestry: HashMap<String, Vec<String>>,
}

impl IndexInputs {
    pub fn load(
        root: &Path,
        scan: &mut Scan,
        old: &Manifest,
        dir: &Path,
    ) -> Result<IndexInputs, IndexError> {
        let cb = root.join("codebook.json");
        let codebook: Codebook = parse_json(&cb, &scan.bytes(&cb)?)?;
        let cases_path = root.join("transcripts").join("cases.csv");
        let cases = if cases_path.exists() {
            cases_csv::parse(&scan.bytes(&cases_path)?, &cases_path)?
        } else {
            Cases::default()
        };
        let mut cached: BTreeMap<String, CoderSpans> = fs::read(dir.join(SPANS_FILE))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default();
        let names: Vec<(String, Sig)> = scan
            .coders
            .iter()
            .map(|(n, (_, s))| (n.clone(), *s))
            .collect();
        for (name, sig) in names {
            let unchanged = old
                .coders
                .get(&name)
                .is_some_and(|e| e.sig.hash == sig.hash);
            scan.coder(&name, unchanged, &mut cached)?;
        }
        let coders = std::mem::take(&mut scan.spans);
        let mut ancestry = HashMap::new();
        for f in codebook.flatten() {
            ancestry.insert(f.code.id.clone(), codebook.ancestry(&f.code.id));
        }
        Ok(IndexInputs {
            codebook,
            cases,
            coders,
            ancestry,
        })
    }

    /// The index documents of one transcript's turns.
    pub fn documents(&self, f: &Fields, t: &Transcript, rank: u64) -> Vec<TantivyDocument> {
        let case = t.case();
        let group = self
            .cases
            .attr(case, &self.codebook.settings.group_attribute);
        let mut attrs: Vec<String> = Vec::new();
        if let Some(c) = self.cases.get(case) {
            attrs.extend(
                c.attrs
                    .iter()
                    .map(|(k, v)| crate::index::compile::attr_value(k, v)),
            );
        }
        for (k, v) in header_keys(t) {
            attrs.push(crate::index::compile::attr_value(k, v));
        }
        let codes = self.turn_codes(t);
        let case_lower = case.to_lowercase();
        let mut out = Vec::with_capacity(t.turns.len());
        for (i, turn) in t.turns.iter().enumerate() {
            let text = t.slice(turn.start, turn.end).unwrap_or("");
            let mut d = TantivyDocument::default();
            d.add_text(f.doc, &t.id);
            d.add_text(f.case, case);
            d.add_text(f.group, group);
            d.add_text(f.speaker, &turn.speaker);
            d.add_u64(f.turn, i as u64 + 1);
            d.add_u64(f.start, turn.start as u64);
            d.add_u64(f.end, turn.end as u64);
            d.add_u64(f.seq, (rank << TURN_BITS) + i as u64);
            d.add_text(f.text, text);
            d.add_text(f.f_case, &case_lower);
            d.add_text(f.f_speaker, turn.speaker.to_lowercase());
            for a in &attrs {
                d.add_text(f.f_attr, a);
            }
            if crate::index::schema::has_long_token(text) {
                d.add_text(f.f_attr, crate::index::schema::LONG_TOKENS);
            }
            for (coder, code) in &codes[i] {
                d.add_text(f.f_coder_code, format!("{coder}={code}"));
            }
            let any: BTreeSet<&str> = codes[i].iter().map(|(_, c)| *c).collect();
            for code in any {
                d.add_text(f.f_code, code);
            }
            let who: BTreeSet<&str> = codes[i].iter().map(|(c, _)| *c).collect();
            for coder in who {
                d.add_text(f.f_coder, coder);
            }
            out.push(d);
        }
        out
    }

    /// Per turn, the (coder, code) pairs of codings overlapping it, ancestors of each code included.
    fn turn_codes(&self, t: &Transcript) -> Vec<BTreeSet<(&str, &str)>> {
        let mut out = vec![BTreeSet::new(); t.turns.len()];
        for (coder, spans) in &self.coders {
            for (start, end, code) in spans.get(&t.id).into_iter().flatten() {
                let chain = self
                    .ancestry
                    .get(code)
                    .map_or(std::slice::from_ref(code), Vec::as_slice);
                let first = t.turns.partition_point(|x| x.end <= *start);
                for (i, turn) in t.turns.iter().enumerate().skip(first) {
                    if turn.label_start >= *end {
                        break;
                    }
                    for code in chain {
                        out[i].insert((coder.as_str(), code.as_str()));
                    }
                }
            }
        }
        out
    }
}

/// Header fields usable as filters (not the id, case or speaker list).
pub(crate) fn header_keys(t: &Transcript) -> impl Iterator<Item = (&str, &str)> {
    t.header
        .fields
        .iter()
        .filter(|(k, _)| !matches!(k.as_str(), "id" | "case" | "speakers"))
        .map(|(k, v)| (k.as_str(), v.as_str()))
}
