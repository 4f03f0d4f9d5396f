//! Keeps `.kodbok/index/` in step with the project: full (re)build, or re-indexing only the transcripts
//! whose text, codings, codebook or case attributes changed.

use super::IndexError;
use super::cache_dir::CacheDirectory;
mod source;

use super::manifest::{self, CoderEntry, DocEntry, Manifest, Sig};
use super::schema::{self, Fields};
use crate::model::Transcript;
use crate::store::StoreError;
pub(crate) use source::parse_transcript;
use source::{IndexInputs, SPANS_FILE, Scan, header_keys};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use tantivy::{Index, IndexWriter, Term};

/// tantivy refuses a writer with less than 15 MB of memory per indexing thread.
const MIN_WRITER_BYTES_PER_THREAD: usize = 15_000_000;
/// Memory per thread for a full build: a 1,000-interview study (64 MB of text) is written in few segments,
/// so little merging follows, while the writer's memory stays bounded (at most 4 × 60 MB).
const BUILD_WRITER_BYTES_PER_THREAD: usize = 60_000_000;
/// Memory for an incremental update, which re-indexes a handful of transcripts on one thread.
const UPDATE_WRITER_BYTES: usize = 20_000_000;
/// At most this many indexing threads, which bounds the writer's memory and leaves cores to the rest of
/// the machine (the workbench builds the index on a background thread while the researcher works).
const MAX_BUILD_THREADS: usize = 4;
/// How often, and how long, to wait for another kodbok process that holds the index's writer lock
/// (100 × 50 ms = 5 s) before giving up with the lock error.
const LOCK_RETRIES: u32 = 100;
const LOCK_RETRY_PAUSE: std::time::Duration = std::time::Duration::from_millis(50);
/// An update touching more transcripts than this, and more than half of them, rebuilds from scratch
/// instead: deleting and re-adding most documents one by one is slower than a fresh build and leaves
/// many deleted documents behind. Small projects always update in place.
const REBUILD_MIN_CHANGED: usize = 50;

/// Index progress, reported per transcript while indexing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    /// True for a full build (worth a progress bar), false for an incremental update.
    pub full: bool,
}

/// What opening the index did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncReport {
    /// Why the index was built from scratch, when it was.
    pub rebuilt: Option<RebuildReason>,
    /// Transcripts (re-)indexed.
    pub reindexed: usize,
    /// Transcripts removed from the index.
    pub removed: usize,
    /// Turns in the index now.
    pub turns: u64,
    /// Coder files changed since the index was written, and their codings were not brought in: the
    /// `code:` and `coder:` fields are stale (see [`Codings`]).
    pub stale_codings: bool,
}

/// Whether opening the index must bring the codings into it (the `code:` and `coder:` filter fields).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Codings {
    /// Yes: the index matches every project file.
    Current,
    /// Only when a transcript, the codebook or the case attributes changed as well: a query without
    /// coding filters does not read those fields, and after an auto-code, whose codings touch most
    /// transcripts, bringing them in means indexing the whole study again.
    Unless,
}

/// Why the index was built from scratch; English in `Display`, the user's language in `crate::messages`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RebuildReason {
    /// There was no index.
    Missing,
    /// The manifest is of another version of kodbok, or unreadable.
    OtherVersion,
    /// tantivy could not open or read it (its own words).
    Damaged(String),
    /// Files whose checksum failed.
    Checksum(Vec<String>),
    OldLayout,
    Incomplete {
        found: u64,
        expected: u64,
    },
    /// Opening or updating the old index failed (the error's words).
    Unusable(String),
    /// The codebook or the case attributes changed.
    SettingsChanged,
    /// So many transcripts changed that building afresh is quicker.
    ManyChanged {
        changed: usize,
        of: usize,
    },
}

impl std::fmt::Display for RebuildReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RebuildReason::Missing => f.write_str("no index yet"),
            RebuildReason::OtherVersion => {
                f.write_str("the index is from another version of kodbok or damaged")
            }
            RebuildReason::Damaged(e) => write!(f, "the index is damaged ({e})"),
            RebuildReason::Checksum(files) => {
                write!(f, "the index is damaged (checksum of {})", files.join(", "))
            }
            RebuildReason::OldLayout => f.write_str("the index has an old layout"),
            RebuildReason::Incomplete { found, expected } => {
                write!(f, "the index is incomplete ({found} of {expected} turns)")
            }
            RebuildReason::Unusable(e) => write!(f, "the old one could not be used: {e}"),
            RebuildReason::SettingsChanged => {
                f.write_str("the codebook or the case attributes changed")
            }
            RebuildReason::ManyChanged { changed, of } => {
                write!(f, "{changed} of {of} transcripts changed")
            }
        }
    }
}

pub fn index_dir(root: &Path) -> PathBuf {
    root.join(".kodbok").join("index")
}

pub(crate) fn io(path: &Path) -> impl FnOnce(std::io::Error) -> IndexError + '_ {
    move |e| IndexError::Store(StoreError::io(path, e))
}

fn tv(path: &Path) -> impl FnOnce(tantivy::TantivyError) -> IndexError + '_ {
    move |source| IndexError::Tantivy {
        path: path.to_path_buf(),
        source,
    }
}

/// Opens an existing index, checking it against its manifest; Err(reason) when it must be rebuilt.
fn try_open(dir: &Path) -> Result<(Index, Manifest), RebuildReason> {
    if !dir.join(manifest::FILE).exists() {
        return Err(RebuildReason::Missing);
    }
    let m = Manifest::load(dir).ok_or(RebuildReason::OtherVersion)?;
    fn damaged(e: impl std::fmt::Display) -> RebuildReason {
        RebuildReason::Damaged(e.to_string())
    }
    let index = CacheDirectory::open(dir)
        .and_then(Index::open)
        .map_err(damaged)?;
    Fields::of(&index.schema()).ok_or(RebuildReason::OldLayout)?;
    // Every segment file ends in a checksum: a damaged file is found here, not by a panic later.
    let failed = index.validate_checksum().map_err(damaged)?;
    if !failed.is_empty() {
        let mut names: Vec<String> = failed.iter().map(|p| p.display().to_string()).collect();
        names.sort();
        return Err(RebuildReason::Checksum(names));
    }
    schema::register(index.tokenizers());
    let reader = index.reader().map_err(damaged)?;
    let n = reader.searcher().num_docs();
    if n != m.turns {
        return Err(RebuildReason::Incomplete {
            found: n,
            expected: m.turns,
        });
    }
    Ok((index, m))
}

/// The settings of a new index. Its stored texts are not compressed: the index is a cache of
/// transcripts that are on disk beside it, LZ4 saved only a third of the store (38 of 57 MB at 1,000
/// transcripts) for a twentieth of the build's CPU, and reading a hit's text skips the decompression.
fn settings() -> tantivy::IndexSettings {
    tantivy::IndexSettings {
        docstore_compression: tantivy::store::Compressor::None,
        ..tantivy::IndexSettings::default()
    }
}

/// A writer with `budget` bytes of memory per thread (at least tantivy's minimum).
fn writer(
    index: &Index,
    dir: &Path,
    threads: usize,
    budget: usize,
) -> Result<IndexWriter, IndexError> {
    let budget = budget.max(MIN_WRITER_BYTES_PER_THREAD) * threads;
    let mut waited = 0;
    loop {
        match index.writer_with_num_threads(threads, budget) {
            Ok(w) => return Ok(w),
            Err(tantivy::TantivyError::LockFailure(..)) if waited < LOCK_RETRIES => {
                // another kodbok process is updating the index
                std::thread::sleep(LOCK_RETRY_PAUSE);
                waited += 1;
            }
            Err(e) => return Err(tv(dir)(e)),
        }
    }
}

/// Brings the index up to date and opens it.
pub fn sync(
    root: &Path,
    progress: &mut dyn FnMut(Progress),
) -> Result<(Index, Manifest, SyncReport), IndexError> {
    sync_with(root, Codings::Current, progress)
}

/// [`sync`], bringing in changed codings only as `codings` asks.
pub fn sync_with(
    root: &Path,
    codings: Codings,
    progress: &mut dyn FnMut(Progress),
) -> Result<(Index, Manifest, SyncReport), IndexError> {
    let dir = index_dir(root);
    if !root.join("codebook.json").exists() {
        return Err(StoreError::refused(crate::t!(
            "store-not-a-project",
            dir = root.display().to_string()
        ))
        .into());
    }
    // one process at a time brings the index up to date; the others wait, then find it current
    let cache = root.join(".kodbok");
    fs::create_dir_all(&cache).map_err(io(&cache))?;
    let lock_path = cache.join("index.lock");
    let lock = crate::store::lock::open_lock_file(&cache, &lock_path)?;
    lock.lock().map_err(io(&lock_path))?;
    let result = guarded(&dir, || match try_open(&dir) {
        Ok((index, m)) => update(root, &dir, index, m, codings, progress),
        Err(reason) => rebuild(root, &dir, reason, progress),
    });
    // The index is a cache: whatever went wrong with it (a run killed mid-commit, damaged files, a
    // panic in tantivy), it is built again once from the project files.
    let result = match result {
        Err(e) if e.is_cache_fault(&dir) => guarded(&dir, || {
            rebuild(root, &dir, RebuildReason::Unusable(e.to_string()), progress)
        }),
        other => other,
    };
    drop(lock);
    result
}

/// Runs `f` with tantivy panics turned into errors.
fn guarded<T>(dir: &Path, f: impl FnOnce() -> Result<T, IndexError>) -> Result<T, IndexError> {
    super::guard::catch(f).unwrap_or_else(|reason| {
        Err(IndexError::Damaged {
            path: dir.to_path_buf(),
            reason,
        })
    })
}

/// Makes the next open rebuild the index (after a fault met while searching it).
pub fn invalidate(root: &Path) {
    let _ = fs::remove_file(index_dir(root).join(manifest::FILE));
}

fn rebuild(
    root: &Path,
    dir: &Path,
    reason: RebuildReason,
    progress: &mut dyn FnMut(Progress),
) -> Result<(Index, Manifest, SyncReport), IndexError> {
    if dir.exists() {
        fs::remove_dir_all(dir).map_err(io(dir))?;
    }
    fs::create_dir_all(dir).map_err(io(dir))?;
    let (schema, fields) = Fields::schema();
    let index = CacheDirectory::open(dir)
        .and_then(|d| Index::create(d, schema, settings()))
        .map_err(tv(dir))?;
    schema::register(index.tokenizers());
    let mut scan = Scan::new(root, &Manifest::default())?;
    let ctx = IndexInputs::load(root, &mut scan, &Manifest::default(), dir)?;
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(MAX_BUILD_THREADS);
    let mut w = writer(&index, dir, threads, BUILD_WRITER_BYTES_PER_THREAD)?;
    let mut m = Manifest {
        format: manifest::FORMAT,
        ..Manifest::default()
    };
    let files: Vec<(String, PathBuf, Sig)> = scan
        .transcripts
        .iter()
        .map(|(n, (p, s))| (n.clone(), p.clone(), *s))
        .collect();
    let total = files.len();
    for (i, (name, path, sig)) in files.into_iter().enumerate() {
        let t = parse_transcript(&path, scan.bytes(&path)?)?;
        let entry = add_transcript(&w, &fields, &ctx, &t, sig, i as u64, dir)?;
        m.turns += entry.turns;
        m.transcripts.insert(name, entry);
        progress(Progress {
            done: i + 1,
            total,
            full: true,
        });
    }
    m.next_rank = total as u64;
    w.commit().map_err(tv(dir))?;
    w.wait_merging_threads().map_err(tv(dir))?;
    finish(&mut m, &scan, &ctx, dir)?;
    save(dir, &m)?;
    let report = SyncReport {
        rebuilt: Some(reason),
        reindexed: total,
        removed: 0,
        turns: m.turns,
        stale_codings: false,
    };
    Ok((index, m, report))
}

fn add_transcript(
    w: &IndexWriter,
    f: &Fields,
    ctx: &IndexInputs,
    t: &Transcript,
    sig: Sig,
    rank: u64,
    dir: &Path,
) -> Result<DocEntry, IndexError> {
    for d in ctx.documents(f, t, rank) {
        w.add_document(d).map_err(tv(dir))?;
    }
    Ok(DocEntry {
        sig,
        id: t.id.clone(),
        case: t.case().to_string(),
        keys: header_keys(t).map(|(k, _)| k.to_string()).collect(),
        rank,
        turns: t.turns.len() as u64,
    })
}

/// Records the non-transcript signatures and coder hashes in the manifest, and the coders' spans.
fn finish(m: &mut Manifest, scan: &Scan, ctx: &IndexInputs, dir: &Path) -> Result<(), IndexError> {
    m.codebook = Some(scan.codebook);
    m.cases_file = scan.cases;
    m.case_columns = ctx.cases.columns.clone();
    m.coders = ctx
        .coders
        .iter()
        .filter_map(|(name, f)| {
            let sig = scan.coders.get(name)?.1;
            Some((
                name.clone(),
                CoderEntry {
                    sig,
                    docs: manifest::coding_hashes(f),
                },
            ))
        })
        .collect();
    let json = serde_json::to_vec(&ctx.coders).map_err(|e| StoreError::refused(e.to_string()))?;
    write_cache(&dir.join(SPANS_FILE), &json)
}

/// Writes a cache file (temp file and rename, no fsync: a damaged cache is rebuilt).
fn write_cache(path: &Path, bytes: &[u8]) -> Result<(), IndexError> {
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    fs::write(&tmp, bytes).map_err(io(&tmp))?;
    fs::rename(&tmp, path).map_err(io(path))
}

fn save(dir: &Path, m: &Manifest) -> Result<(), IndexError> {
    let json = serde_json::to_vec(m).map_err(|e| StoreError::refused(e.to_string()))?;
    write_cache(&dir.join(manifest::FILE), &json)
}

/// Transcript ids whose codings differ between the old manifest and the coder files now.
fn coding_changes(old: &Manifest, scan: &mut Scan) -> Result<(BTreeSet<String>, bool), IndexError> {
    let mut dirty = BTreeSet::new();
    let mut any = false;
    let names: BTreeSet<String> = old
        .coders
        .keys()
        .chain(scan.coders.keys())
        .cloned()
        .collect();
    for name in names {
        let before = old.coders.get(&name);
        let now = scan.coders.get(&name).cloned();
        if before.map(|b| b.sig.hash) == now.as_ref().map(|n| n.1.hash) {
            continue;
        }
        any = true;
        let new_docs = match &now {
            Some(_) => {
                scan.coder(&name, false, &mut BTreeMap::new())?;
                scan.spans
                    .get(&name)
                    .map(manifest::coding_hashes)
                    .unwrap_or_default()
            }
            None => BTreeMap::new(),
        };
        let empty = BTreeMap::new();
        let old_docs = before.map_or(&empty, |b| &b.docs);
        for doc in old_docs.keys().chain(new_docs.keys()) {
            if old_docs.get(doc) != new_docs.get(doc) {
                dirty.insert(doc.clone());
            }
        }
    }
    Ok((dirty, any))
}

/// Whether coder files changed and nothing else did (the codebook and cases.csv are checked before).
fn only_codings_changed(old: &Manifest, scan: &Scan) -> bool {
    let coders = old.coders.len() != scan.coders.len()
        || scan
            .coders
            .iter()
            .any(|(n, (_, s))| old.coders.get(n).is_none_or(|e| e.sig.hash != s.hash));
    let texts = old.transcripts.len() != scan.transcripts.len()
        || scan
            .transcripts
            .iter()
            .any(|(n, (_, s))| old.transcripts.get(n).is_none_or(|e| e.sig.hash != s.hash));
    coders && !texts
}

fn update(
    root: &Path,
    dir: &Path,
    index: Index,
    old: Manifest,
    codings: Codings,
    progress: &mut dyn FnMut(Progress),
) -> Result<(Index, Manifest, SyncReport), IndexError> {
    let mut scan = Scan::new(root, &old)?;
    let settings_changed = old.codebook.map(|s| s.hash) != Some(scan.codebook.hash)
        || old.cases_file.map(|s| s.hash) != scan.cases.map(|s| s.hash);
    if settings_changed {
        return rebuild(root, dir, RebuildReason::SettingsChanged, progress);
    }
    if codings == Codings::Unless && only_codings_changed(&old, &scan) {
        // the manifest keeps the old coder signatures: the next open that needs the codings finds them changed
        let report = SyncReport {
            turns: old.turns,
            stale_codings: true,
            ..SyncReport::default()
        };
        return Ok((index, old, report));
    }
    let (coded, coders_changed) = coding_changes(&old, &mut scan)?;
    let mut dirty: BTreeSet<String> = BTreeSet::new();
    for (name, (_, sig)) in &scan.transcripts {
        let entry = old.transcripts.get(name);
        if entry.is_none_or(|e| e.sig.hash != sig.hash || coded.contains(&e.id)) {
            dirty.insert(name.clone());
        }
    }
    let removed: Vec<&String> = old
        .transcripts
        .keys()
        .filter(|n| !scan.transcripts.contains_key(*n))
        .collect();
    let stat_only = scan
        .transcripts
        .iter()
        .any(|(n, (_, s))| old.transcripts.get(n).is_some_and(|e| e.sig != *s))
        || old.codebook != Some(scan.codebook)
        || old.cases_file != scan.cases
        || scan
            .coders
            .iter()
            .any(|(n, (_, s))| old.coders.get(n).is_some_and(|e| e.sig != *s));
    let report = SyncReport {
        turns: old.turns,
        ..SyncReport::default()
    };
    if dirty.is_empty() && removed.is_empty() && !coders_changed {
        if stat_only {
            // touched but identical: remember the new times so the next open stays cheap
            let mut m = old.clone();
            for (n, (_, s)) in &scan.transcripts {
                if let Some(e) = m.transcripts.get_mut(n) {
                    e.sig = *s;
                }
            }
            for (n, (_, s)) in &scan.coders {
                if let Some(e) = m.coders.get_mut(n) {
                    e.sig = *s;
                }
            }
            m.codebook = Some(scan.codebook);
            m.cases_file = scan.cases;
            save(dir, &m)?;
            return Ok((index, m, report));
        }
        return Ok((index, old, report));
    }
    if dirty.len() > REBUILD_MIN_CHANGED && dirty.len() * 2 > scan.transcripts.len() {
        return rebuild(
            root,
            dir,
            RebuildReason::ManyChanged {
                changed: dirty.len(),
                of: scan.transcripts.len(),
            },
            progress,
        );
    }
    let fields =
        Fields::of(&index.schema()).ok_or_else(|| IndexError::Corrupt(dir.to_path_buf()))?;
    let ctx = IndexInputs::load(root, &mut scan, &old, dir)?;
    let mut w = writer(&index, dir, 1, UPDATE_WRITER_BYTES)?;
    let mut m = old.clone();
    for name in &removed {
        if let Some(e) = m.transcripts.remove(*name) {
            w.delete_term(Term::from_field_text(fields.doc, &e.id));
            m.turns -= e.turns;
        }
    }
    let total = dirty.len();
    for (i, name) in dirty.iter().enumerate() {
        let Some((path, sig)) = scan.transcripts.get(name).cloned() else {
            continue;
        };
        let t = parse_transcript(&path, scan.bytes(&path)?)?;
        let rank = match m.transcripts.remove(name) {
            Some(e) => {
                w.delete_term(Term::from_field_text(fields.doc, &e.id));
                m.turns -= e.turns;
                e.rank
            }
            None => {
                m.next_rank += 1;
                m.next_rank - 1
            }
        };
        w.delete_term(Term::from_field_text(fields.doc, &t.id));
        let entry = add_transcript(&w, &fields, &ctx, &t, sig, rank, dir)?;
        m.turns += entry.turns;
        m.transcripts.insert(name.clone(), entry);
        progress(Progress {
            done: i + 1,
            total,
            full: false,
        });
    }
    w.commit().map_err(tv(dir))?;
    w.wait_merging_threads().map_err(tv(dir))?;
    for (n, (_, s)) in &scan.transcripts {
        if let Some(e) = m.transcripts.get_mut(n) {
            e.sig = *s;
        }
    }
    finish(&mut m, &scan, &ctx, dir)?;
    save(dir, &m)?;
    let report = SyncReport {
        rebuilt: None,
        reindexed: total,
        removed: removed.len(),
        turns: m.turns,
        stale_codings: false,
    };
    Ok((index, m, report))
}
