//! `.kodbok/stats.bin`: per transcript, what the analyses count (header, length, turns, word spans), so that
//! `summary`, `report` and the workbench's group comparison do not segment every word of the study again.
//!
//! An entry is trusted only for a transcript whose content hashes to the entry's hash: the file's bytes when
//! read from disk, the canonical rendering ([`Transcript::render`], which is the file of every imported
//! transcript) when already loaded. Entries of changed transcripts are rebuilt, the others kept. A missing,
//! stale, truncated or otherwise corrupt file is rebuilt silently (it is a cache), and a cache that cannot be
//! written is not an error either.

use super::binary::{Reader, put_str, put_varint};
use super::project::{check_inside, read};
use super::{Project, Result, atomic};
use crate::model::{Header, Transcript};
use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The file under `.kodbok/`.
pub const FILE: &str = "stats.bin";
const MAGIC: &[u8; 8] = b"kbstats\n";
/// Bump when an entry's layout or meaning changes: older files are rebuilt.
const VERSION: u32 = 1;

/// A fast non-cryptographic 64-bit hash of file contents (stable across builds).
pub fn hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h: u64 = 0xCBF2_9CE4_8422_2325 ^ (bytes.len() as u64);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut b = [0u8; 8];
        b.copy_from_slice(c);
        h = (h ^ u64::from_le_bytes(b)).wrapping_mul(K).rotate_left(29);
    }
    for &b in chunks.remainder() {
        h = (h ^ u64::from(b)).wrapping_mul(K).rotate_left(29);
    }
    h ^ (h >> 32)
}

/// What the analyses read of one transcript.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocStats {
    /// Transcript id (the header's, else the file stem).
    pub id: String,
    /// The hash of the content the entry was made from.
    pub hash: u64,
    pub header: Header,
    /// Length of the body in chars (codings must end within it).
    pub char_len: usize,
    pub turns: usize,
    /// Words in the turns (labels excluded), as [`Transcript::word_count`] counts them.
    pub words: usize,
    /// The word spans, delta-encoded: per word its gap from the previous word's end and its length, in one
    /// byte `0gglllll` when the gap is under 4 and the length under 32 (nearly every word), else `0x80`
    /// followed by both as LEB128 numbers.
    spans: Vec<u8>,
}

impl DocStats {
    /// The statistics of a transcript whose content hashes to `hash`.
    pub fn of(t: &Transcript, hash: u64) -> DocStats {
        thread_local! {
            // the spans of one transcript at a time, kept for the next (an import makes a thousand)
            static SPANS: std::cell::RefCell<Vec<(usize, usize)>> = const { std::cell::RefCell::new(Vec::new()) };
        }
        SPANS.with_borrow_mut(|spans| {
            t.word_spans_into(spans);
            let s = DocStats::encoded(t, hash, spans);
            if spans.capacity() > 1 << 20 {
                // a huge transcript's buffer is not kept
                *spans = Vec::new();
            }
            s
        })
    }

    fn encoded(t: &Transcript, hash: u64, spans: &[(usize, usize)]) -> DocStats {
        let mut enc = Vec::with_capacity(spans.len());
        let mut at = 0;
        for &(s, e) in spans {
            let (gap, len) = (s - at, e - s);
            if gap < 4 && len < 32 {
                enc.push(((gap << 5) | len) as u8);
            } else {
                enc.push(0x80);
                put_varint(&mut enc, gap as u64);
                put_varint(&mut enc, len as u64);
            }
            at = e;
        }
        DocStats {
            id: t.id.clone(),
            hash,
            header: t.header.clone(),
            char_len: t.char_len(),
            turns: t.turns.len(),
            words: spans.len(),
            spans: enc,
        }
    }

    /// The statistics of a loaded transcript, made now (nothing cached).
    pub fn of_transcript(t: &Transcript) -> DocStats {
        DocStats::of(t, hash(t.render().as_bytes()))
    }

    pub fn case(&self) -> &str {
        self.header.get("case").unwrap_or("")
    }

    /// Char ranges of the words, in order (as [`Transcript::word_spans`]), into `out` (cleared first).
    pub fn word_spans_into(&self, out: &mut Vec<(usize, usize)>) {
        out.clear();
        out.reserve(self.words);
        let mut r = Reader::new(&self.spans);
        let mut at = 0usize;
        while let Some(&[b]) = r.take(1) {
            let (gap, len) = if b < 0x80 {
                (usize::from(b >> 5), usize::from(b & 0x1f))
            } else {
                match (r.varint(), r.varint()) {
                    (Some(g), Some(l)) => (g as usize, l as usize),
                    _ => break,
                }
            };
            let s = at + gap;
            at = s + len;
            out.push((s, at));
        }
    }

    pub fn word_spans(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        self.word_spans_into(&mut out);
        out
    }
}

fn path(root: &Path) -> PathBuf {
    root.join(".kodbok").join(FILE)
}

/// The cache as read from disk, by transcript id.
#[derive(Debug, Default)]
struct Cache {
    entries: HashMap<String, DocStats>,
    changed: bool,
}

impl Cache {
    /// The cache of a project; empty when missing, of another version or corrupt.
    fn load(root: &Path) -> Cache {
        let entries = std::fs::read(path(root))
            .ok()
            .and_then(|b| decode(&b))
            .unwrap_or_default();
        Cache {
            entries: entries.into_iter().map(|e| (e.id.clone(), e)).collect(),
            changed: false,
        }
    }

    /// The entry for `id` made from content hashing to `h`, if cached.
    fn get(&self, id: &str, h: u64) -> Option<&DocStats> {
        self.entries.get(id).filter(|e| e.hash == h)
    }

    fn put(&mut self, e: DocStats) {
        if self.entries.get(&e.id) != Some(&e) {
            self.entries.insert(e.id.clone(), e);
            self.changed = true;
        }
    }

    /// Writes the cache when it changed. A cache that cannot be written is only logged: every caller
    /// has its numbers already, and the next one rebuilds the entries.
    fn save(&self, root: &Path) {
        if !self.changed {
            return;
        }
        let mut v: Vec<&DocStats> = self.entries.values().collect();
        v.sort_by(|a, b| a.id.cmp(&b.id));
        // Not synced: the file checks itself when read (its checksum, each entry's content hash), so a
        // power cut that leaves it stale or torn only costs a rebuild, not a wrong number.
        let written = atomic::write_unsynced_with(&path(root), |out| {
            let mut w = std::io::BufWriter::with_capacity(1 << 16, out);
            encode(&v, &mut w)?;
            w.flush()
        });
        if let Err(e) = written {
            tracing::warn!("the statistics cache could not be written: {e}");
        }
    }
}

/// The statistics of every transcript the project holds, in id order: from the cache where it has an
/// entry for the same content, else made now (and cached).
pub fn for_project(p: &Project) -> Vec<DocStats> {
    let mut cache = Cache::load(&p.root);
    let out: Vec<DocStats> = p
        .transcripts
        .values()
        .map(|t| {
            let h = hash(t.render().as_bytes());
            match cache.get(&t.id, h) {
                Some(e) => e.clone(),
                None => {
                    let e = DocStats::of(t, h);
                    cache.put(e.clone());
                    e
                }
            }
        })
        .collect();
    cache.save(&p.root);
    out
}

/// The statistics of every transcript file of the project at `root`, in id order, reading one file at a
/// time and parsing only those the cache has no entry for. None when a file is not a clean transcript
/// (not UTF-8, unparsable, an id that cannot name it or used twice, outside the project): a full load
/// reports that with positions, so the caller falls back to one.
pub fn from_files(root: &Path) -> Result<Option<Vec<DocStats>>> {
    let mut cache = Cache::load(root);
    let mut out: BTreeMap<String, DocStats> = BTreeMap::new();
    for file in Project::files_with_ext(&root.join("transcripts"), "txt")? {
        if check_inside(root, &file).is_err() {
            return Ok(None);
        }
        let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let bytes = read(&file)?;
        let h = hash(&bytes);
        let cached = cache.get(&header_id(&bytes, stem), h).cloned();
        let entry = match cached {
            Some(e) => e,
            None => {
                let Ok(text) = String::from_utf8(bytes) else {
                    return Ok(None);
                };
                let Ok(t) = Transcript::parse(&text, stem) else {
                    return Ok(None);
                };
                let e = DocStats::of(&t, h);
                cache.put(e.clone());
                e
            }
        };
        let bad_id =
            crate::model::codebook::check_id(&entry.id).is_err() || entry.id.starts_with('.');
        if bad_id || out.contains_key(&entry.id) {
            return Ok(None);
        }
        out.insert(entry.id.clone(), entry);
    }
    // Entries of transcripts that are gone are dropped.
    if cache.entries.len() != out.len() {
        cache.entries.retain(|id, _| out.contains_key(id));
        cache.changed = true;
    }
    cache.save(root);
    Ok(Some(out.into_values().collect()))
}

/// The id a transcript file's header gives (else its stem), read without decoding the body.
fn header_id(bytes: &[u8], stem: &str) -> String {
    let Some(rest) = bytes.strip_prefix(b"---\n") else {
        return stem.to_string();
    };
    for line in rest.split(|&b| b == b'\n') {
        let line = std::str::from_utf8(line).unwrap_or("");
        if line == "---" {
            break;
        }
        if let Some((k, v)) = line.split_once(':')
            && k.trim() == "id"
        {
            return v.trim().to_string();
        }
    }
    stem.to_string()
}

/// Adds the statistics of transcripts just written (by `import`, which has counted their words already).
pub fn record(root: &Path, entries: impl IntoIterator<Item = DocStats>) {
    let mut cache = Cache::load(root);
    for e in entries {
        cache.put(e);
    }
    cache.save(root);
}

/// The file: magic, version, the number of entries, each entry (its length, then its bytes), and a
/// checksum of the entries, so that a damaged or truncated file is told from a whole one. Written as a
/// stream: the cache is never held twice in memory.
fn encode(entries: &[&DocStats], out: &mut dyn Write) -> std::io::Result<()> {
    out.write_all(MAGIC)?;
    out.write_all(&VERSION.to_le_bytes())?;
    out.write_all(&(entries.len() as u64).to_le_bytes())?;
    let mut sum = Checksum::new(entries.len());
    let mut buf = Vec::new();
    for e in entries {
        buf.clear();
        entry_bytes(e, &mut buf);
        out.write_all(&(buf.len() as u64).to_le_bytes())?;
        out.write_all(&buf)?;
        sum.add(&buf);
    }
    out.write_all(&sum.0.to_le_bytes())
}

fn entry_bytes(e: &DocStats, out: &mut Vec<u8>) {
    put_str(out, &e.id);
    out.extend_from_slice(&e.hash.to_le_bytes());
    put_varint(out, e.header.fields.len() as u64);
    for (k, v) in &e.header.fields {
        put_str(out, k);
        put_str(out, v);
    }
    for n in [e.char_len, e.turns, e.words] {
        put_varint(out, n as u64);
    }
    out.extend_from_slice(&e.spans);
}

/// The checksum of the entries: their hashes folded in order, starting from their number.
struct Checksum(u64);

impl Checksum {
    fn new(n: usize) -> Self {
        Checksum(hash(&(n as u64).to_le_bytes()))
    }

    fn add(&mut self, entry: &[u8]) {
        self.0 = (self.0 ^ hash(entry))
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            .rotate_left(31);
    }
}

/// The entries of a file; None when it is not a whole, unchanged cache file of this version.
fn decode(bytes: &[u8]) -> Option<Vec<DocStats>> {
    let mut r = Reader::new(bytes);
    if r.take(8)? != MAGIC || r.u32()? != VERSION {
        return None;
    }
    let n = usize::try_from(r.u64()?).ok()?;
    let mut sum = Checksum::new(n);
    let mut out = Vec::new();
    for _ in 0..n {
        let len = usize::try_from(r.u64()?).ok()?;
        let bytes = r.take(len)?;
        sum.add(bytes);
        out.push(entry(bytes)?);
    }
    (r.u64()? == sum.0 && r.done()).then_some(out)
}

fn entry(bytes: &[u8]) -> Option<DocStats> {
    let mut r = Reader::new(bytes);
    let id = r.string()?;
    let hash = r.u64()?;
    let fields = (0..r.varint()?)
        .map(|_| Some((r.string()?, r.string()?)))
        .collect::<Option<Vec<_>>>()?;
    let mut n = || r.varint().and_then(|v| usize::try_from(v).ok());
    let (char_len, turns, words) = (n()?, n()?, n()?);
    let spans = r.rest().to_vec();
    Some(DocStats {
        id,
        hash,
        header: Header { fields },
        char_len,
        turns,
        words,
        spans,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn project() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        Project::init(dir.path(), false).unwrap();
        for (id, text) in [
            ("t1", "Respondent: Vi har inga resurser alls.\n"),
            (
                "t2",
                "Intervjuare: Och sedan?\n\nRespondent: Ledningen, är med… 42 år!\n",
            ),
        ] {
            fs::write(
                dir.path().join(format!("transcripts/{id}.txt")),
                format!("---\nid: {id}\ncase: k1\n---\n\n{text}"),
            )
            .unwrap();
        }
        dir
    }

    #[test]
    fn entries_round_trip_and_match_the_transcript() {
        let d = project();
        let p = Project::open(d.path()).unwrap();
        let made = for_project(&p);
        assert_eq!(made.len(), 2);
        for (e, t) in made.iter().zip(p.transcripts.values()) {
            assert_eq!(e.word_spans(), t.word_spans());
            assert_eq!((e.words, e.turns), (t.word_count(), t.turns.len()));
            assert_eq!(e.char_len, t.char_len());
        }
        let read = decode(&fs::read(path(d.path())).unwrap()).unwrap();
        assert_eq!(read, made);
        // The disk path finds the same entries (the files are canonical, so their hashes agree).
        assert_eq!(from_files(d.path()).unwrap().unwrap(), made);
    }

    #[test]
    fn an_edited_transcript_gets_a_new_entry_and_the_others_are_kept() {
        let d = project();
        let first = from_files(d.path()).unwrap().unwrap();
        let t1 = d.path().join("transcripts/t1.txt");
        fs::write(
            &t1,
            "---\nid: t1\ncase: k1\n---\n\nRespondent: Vi har inga resurser.\n",
        )
        .unwrap();
        let second = from_files(d.path()).unwrap().unwrap();
        assert_eq!(second[1], first[1]);
        assert_ne!(second[0].hash, first[0].hash);
        assert_eq!((first[0].words, second[0].words), (5, 4));
        // The loaded project agrees with the disk path.
        let p = Project::open(d.path()).unwrap();
        assert_eq!(for_project(&p), second);
    }

    #[test]
    fn a_corrupt_or_truncated_cache_is_rebuilt_silently() {
        let d = project();
        let good = from_files(d.path()).unwrap().unwrap();
        let file = path(d.path());
        let bytes = fs::read(&file).unwrap();
        let mut flipped = bytes.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 0x55;
        for broken in [
            bytes[..bytes.len() / 2].to_vec(),
            flipped,
            b"not a cache".to_vec(),
            Vec::new(),
        ] {
            assert_eq!(decode(&broken), None);
            fs::write(&file, &broken).unwrap();
            assert_eq!(from_files(d.path()).unwrap().unwrap(), good);
            assert_eq!(fs::read(&file).unwrap(), bytes, "rewritten whole");
        }
    }

    #[test]
    fn a_file_that_is_not_a_clean_transcript_leaves_it_to_the_full_load() {
        let d = project();
        fs::write(d.path().join("transcripts/t3.txt"), [0xff, 0xfe]).unwrap();
        assert_eq!(from_files(d.path()).unwrap(), None);
        fs::write(
            d.path().join("transcripts/t3.txt"),
            "---\nid: t1\n---\n\nA: b.\n",
        )
        .unwrap();
        assert_eq!(from_files(d.path()).unwrap(), None, "id used twice");
    }
}
