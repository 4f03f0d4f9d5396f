//! `.kodbok/codings/<coder>.bin`: a binary copy of each coder file, so that a command that reads a study's
//! codings does not parse 80 MB of JSON every time.
//!
//! The JSON file stays the one source of truth (researchers diff, merge and exchange it). A copy is trusted
//! only when the JSON's bytes, as they are now, hash to the hash the copy was made from (xxh3, 128 bits, and
//! the length) and the copy's own checksum holds; a copy that is missing, stale, truncated, damaged or of
//! another version is passed over, the JSON parsed and the copy made again. The store writes the copy
//! whenever it writes the coder file (it has the codings in hand) and after a read that had to parse; a copy
//! that cannot be written (read-only project, full disk) is only logged. Since a copy names the content it
//! was made from, no order of writes, no race between two processes and no kill can make a stale copy
//! trusted: the worst case is one more parse.
//!
//! The copy is written atomically but without fsync: a copy torn by a power cut fails its checksum. It is
//! written and read a piece at a time (its length and checksum follow the payload), so neither a save nor
//! a load holds the whole encoding in memory.

use super::binary::{Reader, Stream, put_str, put_time, put_varint};
use super::project::parse_json;
use super::{FileProblem, Result, atomic};
use crate::model::{CoderFile, Coding, Memo};
use std::collections::{BTreeMap, HashMap};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use xxhash_rust::xxh3::{Xxh3, xxh3_128};

/// The folder under `.kodbok/`.
pub const DIR: &str = "codings";
const MAGIC: &[u8; 8] = b"kbcoder\n";
/// Bump when the encoding changes: copies of other versions are rebuilt.
const VERSION: u32 = 2;
/// magic, version, the JSON's length and hash.
const HEADER_LEN: usize = 8 + 4 + 8 + 16;
/// After the payload: its length and hash (known only once it is written).
const TRAILER_LEN: usize = 8 + 16;

/// The copy of the coder file `stem` (`codings/<stem>.json`) of the project at `root`.
pub fn path(root: &Path, stem: &str) -> PathBuf {
    root.join(".kodbok").join(DIR).join(format!("{stem}.bin"))
}

/// A coder file as read, with the fingerprint of its content: the hash of its encoding, so two files with
/// the same fingerprint are equal (a writer compares fingerprints instead of keeping a copy to compare).
#[derive(Debug)]
pub struct Loaded {
    pub file: CoderFile,
    pub fingerprint: u128,
}

/// The fingerprint of a coder file's content, and its encoding.
#[cfg(test)]
pub fn fingerprint(file: &CoderFile) -> (u128, Vec<u8>) {
    let payload = encode(file);
    (xxh3_128(&payload), payload)
}

/// The fingerprint alone, the encoding hashed a piece at a time (no copy of the whole file is made).
pub fn fingerprint_only(file: &CoderFile) -> u128 {
    let mut w = Hashing::new(std::io::sink());
    // a sink does not fail
    let _ = encode_to(file, &mut w);
    w.hasher.digest128()
}

/// The encoding of `file` written to `w` a piece at a time (no copy of the whole is made).
fn encode_to(file: &CoderFile, w: &mut impl Write) -> std::io::Result<()> {
    let mut failed = None;
    let rest = encode_with(file, Vec::with_capacity(PIECE + 64 * 1024), &mut |piece| {
        if failed.is_none()
            && let Err(e) = w.write_all(piece)
        {
            failed = Some(e);
        }
        piece.clear();
    });
    match failed {
        Some(e) => Err(e),
        None => w.write_all(&rest),
    }
}

/// How much encoding is gathered before it is hashed or written: one write of 80 MB cost the kernel
/// several times what the same bytes cost in pieces of this size.
const PIECE: usize = 1 << 20;

/// What a load decodes of each coding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fields {
    /// Everything.
    All,
    /// Everything but the quote's context and the memo: prefix, suffix and memo are left empty (a memo
    /// that is there stays `Some`). For checking quotes against the text.
    Quotes,
    /// Everything but the texts: quote, prefix, suffix and memo are left empty. For analyses that count
    /// or quote the transcripts; such codings cannot be written back (the store refuses a coding whose
    /// quote does not match its span).
    NoTexts,
}

/// Reads `codings/<stem>.json` (at `json`): from the copy when it was made from the file's bytes as they
/// are now, else parsed (and sorted, as every loaded coder file is) and the copy made again. The outer error
/// is the file's (missing, unreadable); the inner one what the parser found wrong in it.
pub fn load(
    root: &Path,
    stem: &str,
    json: &Path,
) -> std::io::Result<std::result::Result<Loaded, FileProblem>> {
    load_fields(root, stem, json, Fields::All)
}

/// [`load`], decoding `fields` of each coding when the copy is used (a parsed file is returned whole).
pub fn load_fields(
    root: &Path,
    stem: &str,
    json: &Path,
    fields: Fields,
) -> std::io::Result<std::result::Result<Loaded, FileProblem>> {
    if let Some(copy) = Copy::open(root, stem) {
        let (len, hash) = hash_file(json)?;
        if let Some(loaded) = copy.loaded_if(len, hash, fields) {
            return Ok(Ok(loaded));
        }
    }
    let bytes = std::fs::read(json)?;
    let hash = xxh3_128(&bytes);
    Ok(parse_and_keep(root, stem, json, &bytes, hash))
}

/// [`load`] for a caller that has read the JSON's bytes already (the index build).
pub fn from_bytes(
    root: &Path,
    stem: &str,
    json: &Path,
    bytes: &[u8],
) -> std::result::Result<Loaded, FileProblem> {
    let hash = xxh3_128(bytes);
    if let Some(loaded) =
        Copy::open(root, stem).and_then(|c| c.loaded_if(bytes.len() as u64, hash, Fields::All))
    {
        return Ok(loaded);
    }
    parse_and_keep(root, stem, json, bytes, hash)
}

fn parse_and_keep(
    root: &Path,
    stem: &str,
    json: &Path,
    bytes: &[u8],
    hash: u128,
) -> std::result::Result<Loaded, FileProblem> {
    let mut file: CoderFile = parse_json(json, bytes)?;
    file.sort();
    let fingerprint = keep(root, stem, bytes.len() as u64, hash, &file)
        .unwrap_or_else(|| fingerprint_only(&file));
    Ok(Loaded { file, fingerprint })
}

/// Writes `file` as the pretty JSON of every project file to `json` (atomically), then its copy. The
/// file must be in its stored order.
pub fn write(root: &Path, stem: &str, json: &Path, file: &CoderFile) -> Result<()> {
    let mut hashed = (0u64, 0u128);
    atomic::write_with(json, |f| {
        // written in pieces of a megabyte, so the hasher sees large pieces too
        let mut w = Hashing::new(f);
        super::coder_json::write_pretty(file, &mut w)?;
        w.write_all(b"\n")?;
        hashed = (w.len, w.hasher.digest128());
        Ok(())
    })?;
    keep(root, stem, hashed.0, hashed.1, file);
    Ok(())
}

/// Saves the copy of `file` (made from JSON of this length and hash) and returns its fingerprint; a copy
/// that cannot be written is only logged (the next read parses the JSON again).
fn keep(root: &Path, stem: &str, json_len: u64, json_hash: u128, file: &CoderFile) -> Option<u128> {
    let path = path(root, stem);
    // a copy is large: what killed writers left of any copy goes now, not at that copy's next write
    if let Some(dir) = path.parent() {
        atomic::remove_stale_dir_temps(dir);
    }
    let mut fingerprint = 0;
    let r = atomic::write_unsynced_with(&path, |w| {
        w.write_all(MAGIC)?;
        w.write_all(&VERSION.to_le_bytes())?;
        w.write_all(&json_len.to_le_bytes())?;
        w.write_all(&json_hash.to_le_bytes())?;
        let mut w = Hashing::new(w);
        encode_to(file, &mut w)?;
        fingerprint = w.hasher.digest128();
        let len = w.len;
        let w = w.inner;
        w.write_all(&len.to_le_bytes())?;
        w.write_all(&fingerprint.to_le_bytes())
    });
    match r {
        Ok(()) => Some(fingerprint),
        Err(e) => {
            tracing::warn!("the binary copy of a coder file could not be written: {e}");
            None
        }
    }
}

/// The fingerprint of the content of the coder file `json` as it is now, when its copy was made from the
/// file's bytes as they are now; None when there is no such copy. Only the copy's header is read: its
/// fingerprint was computed by whoever wrote it from exactly that JSON.
pub fn fingerprint_on_disk(root: &Path, stem: &str, json: &Path) -> Option<u128> {
    let copy = Copy::open(root, stem)?;
    (hash_file(json).ok()? == (copy.json_len, copy.json_hash)).then_some(copy.fingerprint)
}

/// The length and hash of a file's bytes, read in pieces (the file is not held whole).
fn hash_file(path: &Path) -> std::io::Result<(u64, u128)> {
    let mut f = std::fs::File::open(path)?;
    let mut hasher = Xxh3::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut len = 0u64;
    loop {
        let n = match f.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        hasher.update(&buf[..n]);
        len += n as u64;
    }
    Ok((len, hasher.digest128()))
}

/// A writer that hashes and counts what goes through it.
struct Hashing<W> {
    inner: W,
    hasher: Xxh3,
    len: u64,
}

impl<W: Write> Hashing<W> {
    fn new(inner: W) -> Self {
        Hashing {
            inner,
            hasher: Xxh3::new(),
            len: 0,
        }
    }
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.len += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// A copy on disk whose header and trailer are whole and agree with its length, open at its payload
/// (which is checked against its checksum as it is decoded).
struct Copy {
    json_len: u64,
    json_hash: u128,
    fingerprint: u128,
    payload_len: u64,
    file: std::fs::File,
}

impl Copy {
    fn open(root: &Path, stem: &str) -> Option<Copy> {
        let mut file = std::fs::File::open(path(root, stem)).ok()?;
        let len = file.metadata().ok()?.len();
        let mut head = [0u8; HEADER_LEN];
        file.read_exact(&mut head).ok()?;
        let mut r = Reader::new(&head);
        if r.take(8)? != MAGIC || r.u32()? != VERSION {
            return None;
        }
        let (json_len, json_hash) = (r.u64()?, r.u128()?);
        let mut tail = [0u8; TRAILER_LEN];
        file.seek(SeekFrom::End(-(TRAILER_LEN as i64))).ok()?;
        file.read_exact(&mut tail).ok()?;
        let mut r = Reader::new(&tail);
        let (payload_len, fingerprint) = (r.u64()?, r.u128()?);
        if payload_len.checked_add((HEADER_LEN + TRAILER_LEN) as u64)? != len {
            return None;
        }
        file.seek(SeekFrom::Start(HEADER_LEN as u64)).ok()?;
        Some(Copy {
            json_len,
            json_hash,
            fingerprint,
            payload_len,
            file,
        })
    }

    /// The coder file (`fields` of each coding), when the copy was made from JSON of this length and
    /// hash, decodes, and its payload's bytes hash to its checksum.
    fn loaded_if(self, json_len: u64, json_hash: u128, fields: Fields) -> Option<Loaded> {
        if (self.json_len, self.json_hash) != (json_len, json_hash) {
            return None;
        }
        let mut s = Stream::new(self.file, self.payload_len);
        let file = decode(&mut s, self.payload_len, fields)?;
        s.finish(self.fingerprint).then_some(Loaded {
            file,
            fingerprint: self.fingerprint,
        })
    }
}

/// The payload: the file's version and coder, the table of document and code ids, the codings (strings as
/// length and bytes, numbers as LEB128, times as seconds and nanoseconds), then both memo maps.
#[cfg(test)]
fn encode(f: &CoderFile) -> Vec<u8> {
    let out = Vec::with_capacity(64 + f.codings.len() * 320);
    encode_with(f, out, &mut |_| {})
}

/// [`encode`] into `out`, handing `out` to `piece` after each coding once it holds [`PIECE`] bytes (which
/// may empty it); returns what is left in `out`.
fn encode_with(f: &CoderFile, mut out: Vec<u8>, piece: &mut dyn FnMut(&mut Vec<u8>)) -> Vec<u8> {
    let CoderFile {
        version,
        coder,
        codings,
        doc_memos,
        code_memos,
    } = f;
    put_varint(&mut out, u64::from(*version));
    put_str(&mut out, coder);
    let mut table: HashMap<&str, u64> = HashMap::new();
    let mut names: Vec<&str> = Vec::new();
    let mut last_doc = None;
    for c in codings {
        // the codings are in document order: a document is looked up once
        if last_doc != Some(c.doc.as_str()) {
            last_doc = Some(c.doc.as_str());
        } else if table.contains_key(c.code.as_str()) {
            continue;
        }
        for s in [c.doc.as_str(), c.code.as_str()] {
            table.entry(s).or_insert_with(|| {
                names.push(s);
                names.len() as u64 - 1
            });
        }
    }
    put_varint(&mut out, names.len() as u64);
    for s in &names {
        put_str(&mut out, s);
    }
    put_varint(&mut out, codings.len() as u64);
    let mut doc_at: Option<(&str, u64)> = None;
    for c in codings {
        // every field named: a field added to `Coding` does not compile here until it is encoded
        let Coding {
            id,
            doc,
            start,
            end,
            code,
            quote,
            prefix,
            suffix,
            memo,
            created,
            modified,
        } = c;
        put_str(&mut out, id);
        let at = match doc_at {
            Some((d, at)) if d == doc.as_str() => at,
            _ => table[doc.as_str()],
        };
        doc_at = Some((doc.as_str(), at));
        put_varint(&mut out, at);
        put_varint(&mut out, *start as u64);
        put_varint(&mut out, *end as u64);
        put_varint(&mut out, table[code.as_str()]);
        put_str(&mut out, quote);
        put_str(&mut out, prefix);
        put_str(&mut out, suffix);
        match memo {
            None => out.push(0),
            Some(m) => {
                out.push(1);
                put_str(&mut out, m);
            }
        }
        put_time(&mut out, created);
        put_time(&mut out, modified);
        if out.len() >= PIECE {
            piece(&mut out);
        }
    }
    for memos in [doc_memos, code_memos] {
        put_varint(&mut out, memos.len() as u64);
        for (k, Memo { text, modified }) in memos {
            put_str(&mut out, k);
            put_str(&mut out, text);
            put_time(&mut out, modified);
        }
    }
    out
}

/// Decodes a payload of `len` bytes; None when it does not decode (the caller then checks the checksum,
/// which a damaged payload fails even when it happens to decode).
fn decode<R: Read>(r: &mut Stream<R>, len: u64, fields: Fields) -> Option<CoderFile> {
    // a text not wanted is read past (and hashed) but not copied
    let text = |r: &mut Stream<R>, wanted: bool| {
        if wanted {
            r.string()
        } else {
            r.skip_str().map(|()| String::new())
        }
    };
    let (quotes, others) = match fields {
        Fields::All => (true, true),
        Fields::Quotes => (true, false),
        Fields::NoTexts => (false, false),
    };
    let version = u32::try_from(r.varint()?).ok()?;
    let coder = r.string()?;
    let names = (0..r.varint()?)
        .map(|_| r.string())
        .collect::<Option<Vec<String>>>()?;
    let n = r.usize()?;
    // a damaged count cannot make us reserve more than the bytes could hold
    let mut codings = Vec::with_capacity(n.min(usize::try_from(len / 16).unwrap_or(usize::MAX)));
    for _ in 0..n {
        let id = r.string()?;
        let doc = names.get(r.usize()?)?.clone();
        let (start, end) = (r.usize()?, r.usize()?);
        let code = names.get(r.usize()?)?.clone();
        let quote = text(r, quotes)?;
        let (prefix, suffix) = (text(r, others)?, text(r, others)?);
        let memo = match r.take(1)? {
            [0] => None,
            [1] => Some(text(r, others)?),
            _ => return None,
        };
        let (created, modified) = (r.time()?, r.time()?);
        codings.push(Coding {
            id,
            doc,
            start,
            end,
            code,
            quote,
            prefix,
            suffix,
            memo,
            created,
            modified,
        });
    }
    let mut memos = || -> Option<BTreeMap<String, Memo>> {
        (0..r.varint()?)
            .map(|_| {
                let key = r.string()?;
                let text = r.string()?;
                Some((
                    key,
                    Memo {
                        text,
                        modified: r.time()?,
                    },
                ))
            })
            .collect()
    };
    let (doc_memos, code_memos) = (memos()?, memos()?);
    Some(CoderFile {
        version,
        coder,
        codings,
        doc_memos,
        code_memos,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Project;
    use chrono::{DateTime, Utc};
    use std::fs;

    fn time(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn coding(id: &str, doc: &str, start: usize, quote: &str) -> Coding {
        Coding {
            id: id.into(),
            doc: doc.into(),
            start,
            end: start + quote.chars().count(),
            code: "resursbrist".into(),
            quote: quote.into(),
            prefix: "före \"citat\"\t".into(),
            suffix: "\\efter\u{1}".into(),
            memo: None,
            created: time("2026-03-01T10:00:00Z"),
            modified: time("2026-03-01T10:00:00.123456789+02:00"),
        }
    }

    /// A file that uses every field, with awkward values: quotes, control characters, non-ASCII text,
    /// a memo, a leap second, a time before 1970 and one with microseconds.
    fn awkward() -> CoderFile {
        let mut f = CoderFile::new("anna");
        let mut c = coding("c1", "t1", 3, "inga resurser");
        c.memo = Some("Läs igen: ”viktigt”\n".into());
        c.created = time("2016-12-31T23:59:60.5Z");
        f.codings.push(c);
        let mut c = coding("c2", "t2", 0, "Å");
        c.code = "ledning".into();
        c.memo = Some(String::new());
        c.created = time("1969-07-20T20:17:40Z");
        c.modified = time("2026-01-01T00:00:00.000001Z");
        f.codings.push(c);
        f.codings.push(coding("c3", "t1", 40, "x"));
        let memo = |text: &str| Memo {
            text: text.into(),
            modified: time("2026-02-02T02:02:02Z"),
        };
        f.doc_memos.insert("t1".into(), memo("om t1"));
        f.code_memos.insert("ledning".into(), memo(""));
        f.code_memos
            .insert("resursbrist".into(), memo("två\nrader"));
        f.sort();
        f
    }

    fn project() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        Project::init(dir.path(), false).unwrap();
        let json = dir.path().join("codings/anna.json");
        atomic::write_json(&json, &awkward()).unwrap();
        (dir, json)
    }

    /// Decodes a whole payload held in memory, as a load streams one from disk.
    fn decode_all(bytes: &[u8]) -> Option<CoderFile> {
        let mut s = Stream::new(bytes, bytes.len() as u64);
        let f = decode(&mut s, bytes.len() as u64, Fields::All)?;
        s.finish(xxh3_128(bytes)).then_some(f)
    }

    /// Writes a copy of anna's file laid out as [`keep`] lays it out, from any payload.
    fn put_copy(root: &Path, json_len: u64, json_hash: u128, payload: &[u8], fp: u128) {
        let mut b = MAGIC.to_vec();
        b.extend_from_slice(&VERSION.to_le_bytes());
        b.extend_from_slice(&json_len.to_le_bytes());
        b.extend_from_slice(&json_hash.to_le_bytes());
        b.extend_from_slice(payload);
        b.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        b.extend_from_slice(&fp.to_le_bytes());
        fs::write(path(root, "anna"), b).unwrap();
    }

    fn load_ok(root: &Path, json: &Path) -> Loaded {
        load(root, "anna", json).unwrap().unwrap()
    }

    #[test]
    fn encoding_round_trips_every_field() {
        let f = awkward();
        assert_eq!(decode_all(&encode(&f)), Some(f.clone()));
        let empty = CoderFile::new("b");
        assert_eq!(decode_all(&encode(&empty)), Some(empty));
        // the fingerprint tells the content apart
        let mut g = f.clone();
        g.codings[1].modified += chrono::Duration::nanoseconds(1);
        assert_ne!(fingerprint(&f).0, fingerprint(&g).0);
    }

    #[test]
    fn the_fingerprint_hashed_in_pieces_is_the_hash_of_the_whole_encoding() {
        let mut f = awkward();
        assert_eq!(fingerprint_only(&f), fingerprint(&f).0);
        let c = f.codings[0].clone();
        for i in 0..12_000 {
            let mut c = c.clone();
            c.id = format!("c{i:05}");
            c.doc = format!("t{}", i % 37);
            c.code = format!("k{}", i % 5);
            c.prefix = "förut ".repeat(30);
            f.codings.push(c);
        }
        f.sort();
        let (whole, payload) = fingerprint(&f);
        assert!(payload.len() > 2 * PIECE);
        assert_eq!(fingerprint_only(&f), whole);
        assert_eq!(decode_all(&payload), Some(f.clone()));
        // and the copy written and read a piece at a time holds it
        let (d, json) = project();
        write(d.path(), "anna", &json, &f).unwrap();
        assert!(fs::metadata(path(d.path(), "anna")).unwrap().len() > 2 * PIECE as u64);
        assert_eq!(fingerprint_on_disk(d.path(), "anna", &json), Some(whole));
        let copy = Copy::open(d.path(), "anna").unwrap();
        let (len, hash) = hash_file(&json).unwrap();
        let loaded = copy.loaded_if(len, hash, Fields::All).unwrap();
        assert_eq!((loaded.file, loaded.fingerprint), (f, whole));
    }

    #[test]
    fn cached_and_parsed_loads_are_identical() {
        let (d, json) = project();
        let copy = path(d.path(), "anna");
        assert!(!copy.exists());
        let parsed = load_ok(d.path(), &json);
        let written = fs::read(&copy).unwrap();
        let cached = load_ok(d.path(), &json);
        assert_eq!(cached.file, parsed.file);
        assert_eq!(cached.file, awkward());
        assert_eq!(cached.fingerprint, parsed.fingerprint);
        assert_eq!(fs::read(&copy).unwrap(), written, "a hit writes nothing");
        let bytes = fs::read(&json).unwrap();
        let from = from_bytes(d.path(), "anna", &json, &bytes).unwrap();
        assert_eq!(from.file, parsed.file);
    }

    #[test]
    fn the_copy_is_used_only_for_the_bytes_it_was_made_from() {
        let (d, json) = project();
        load_ok(d.path(), &json);
        let bytes = fs::read(&json).unwrap();
        // a copy keyed to these bytes is believed (this is how we know a hit does not parse)...
        let mut other = awkward();
        other.codings.pop();
        let fp = keep(
            d.path(),
            "anna",
            bytes.len() as u64,
            xxh3_128(&bytes),
            &other,
        );
        assert_eq!(fp, Some(fingerprint(&other).0));
        assert_eq!(load_ok(d.path(), &json).file, other);
        // ...and a hand edit of the JSON that keeps its size is seen
        let text = String::from_utf8(bytes).unwrap();
        let edited = text.replacen("inga resurser", "inga_resurser", 1);
        assert_eq!(edited.len(), text.len());
        fs::write(&json, &edited).unwrap();
        let now = load_ok(d.path(), &json).file;
        assert_eq!(now.codings.len(), 3);
        assert!(now.codings.iter().any(|c| c.quote == "inga_resurser"));
        assert_eq!(
            fingerprint_on_disk(d.path(), "anna", &json),
            Some(fingerprint(&now).0)
        );
        fs::write(&json, &text).unwrap();
        assert_eq!(fingerprint_on_disk(d.path(), "anna", &json), None, "stale");
    }

    #[test]
    fn a_load_without_texts_is_the_file_with_its_texts_left_empty() {
        let (d, json) = project();
        load_ok(d.path(), &json);
        let mut expected = awkward();
        for c in &mut expected.codings {
            c.quote.clear();
            c.prefix.clear();
            c.suffix.clear();
            if let Some(m) = &mut c.memo {
                m.clear();
            }
        }
        let quotes = load_fields(d.path(), "anna", &json, Fields::Quotes)
            .unwrap()
            .unwrap();
        let mut only_quotes = expected.clone();
        for (c, full) in only_quotes.codings.iter_mut().zip(&awkward().codings) {
            c.quote = full.quote.clone();
        }
        assert_eq!(quotes.file, only_quotes);
        let bare = load_fields(d.path(), "anna", &json, Fields::NoTexts)
            .unwrap()
            .unwrap();
        assert_eq!(bare.file, expected);
        // the texts were read past, not trusted blindly: a damaged text fails the checksum
        let copy = path(d.path(), "anna");
        let mut bytes = fs::read(&copy).unwrap();
        let at = bytes.windows(5).position(|w| w == b"inga ").unwrap();
        bytes[at] ^= 1;
        fs::write(&copy, &bytes).unwrap();
        let again = load_fields(d.path(), "anna", &json, Fields::NoTexts)
            .unwrap()
            .unwrap();
        assert_eq!(again.file, awkward(), "parsed again, whole");
        // and a project opened that way counts but cannot write its codings back
        let p = Project::open_with(d.path(), &crate::store::Load::Codings).unwrap();
        assert_eq!(p.coders["anna"], expected);
        assert!(p.save_coder("anna").is_err());
        assert_eq!(load_ok(d.path(), &json).file, awkward());
    }

    #[test]
    fn a_damaged_copy_is_rebuilt_silently() {
        let (d, json) = project();
        let good = load_ok(d.path(), &json);
        let copy = path(d.path(), "anna");
        let bytes = fs::read(&copy).unwrap();
        let mut flipped = bytes.clone();
        flipped[HEADER_LEN + 10] ^= 0x40;
        let mut other_version = bytes.clone();
        other_version[8] ^= 0x7f;
        let mut long = bytes.clone();
        long.push(0);
        let n = bytes.len();
        let mut other_sum = bytes.clone();
        other_sum[n - 1] ^= 1;
        let mut other_len = bytes.clone();
        other_len[n - TRAILER_LEN] ^= 1;
        let mut inner = bytes[..HEADER_LEN + 5].to_vec();
        inner.extend_from_slice(&bytes[HEADER_LEN + 6..]);
        for broken in [
            other_sum,
            other_len,
            inner,
            bytes[..bytes.len() / 2].to_vec(),
            bytes[..HEADER_LEN - 1].to_vec(),
            flipped,
            other_version,
            long,
            b"not a copy".to_vec(),
            Vec::new(),
        ] {
            fs::write(&copy, &broken).unwrap();
            let again = load_ok(d.path(), &json);
            assert_eq!(again.file, good.file);
            assert_eq!(again.fingerprint, good.fingerprint);
            assert_eq!(fs::read(&copy).unwrap(), bytes, "rewritten whole");
        }
    }

    #[test]
    fn a_payload_that_passes_its_checksum_but_does_not_decode_is_not_trusted() {
        let (d, json) = project();
        load_ok(d.path(), &json);
        let bytes = fs::read(&json).unwrap();
        for payload in [
            vec![0xff; 40],
            encode(&awkward())[..30].to_vec(),
            vec![1, 0],
        ] {
            put_copy(
                d.path(),
                bytes.len() as u64,
                xxh3_128(&bytes),
                &payload,
                xxh3_128(&payload),
            );
            assert_eq!(load_ok(d.path(), &json).file, awkward());
        }
    }

    #[test]
    fn a_copy_that_cannot_be_written_changes_nothing() {
        let (d, json) = project();
        // a file where the folder of copies should be: nothing can be written there
        fs::create_dir_all(d.path().join(".kodbok")).unwrap();
        fs::write(d.path().join(".kodbok").join(DIR), b"in the way").unwrap();
        assert_eq!(load_ok(d.path(), &json).file, awkward());
        assert_eq!(load_ok(d.path(), &json).file, awkward());
        write(d.path(), "anna", &json, &awkward()).unwrap();
        assert_eq!(load_ok(d.path(), &json).file, awkward());
    }

    #[test]
    fn written_json_is_byte_identical_to_the_pretty_form() {
        let (d, json) = project();
        let expected = fs::read(&json).unwrap();
        let f = awkward();
        let fp = fingerprint(&f).0;
        write(d.path(), "anna", &json, &f).unwrap();
        assert_eq!(fs::read(&json).unwrap(), expected);
        assert_eq!(
            String::from_utf8(expected).unwrap(),
            serde_json::to_string_pretty(&f).unwrap() + "\n"
        );
        // and its copy is current: the next load is a hit with the same fingerprint
        assert_eq!(fingerprint_on_disk(d.path(), "anna", &json), Some(fp));
    }

    #[test]
    fn a_missing_or_broken_json_is_reported_as_before() {
        let (d, json) = project();
        load_ok(d.path(), &json);
        fs::write(&json, b"{\n  \"version\": 1,\n  \"coder\": 5\n}\n").unwrap();
        let e = load(d.path(), "anna", &json).unwrap().unwrap_err();
        assert_eq!((e.line, e.column), (Some(3), Some(12)), "{e}");
        fs::remove_file(&json).unwrap();
        let e = load(d.path(), "anna", &json).unwrap_err();
        assert_eq!(e.kind(), std::io::ErrorKind::NotFound);
    }
}
