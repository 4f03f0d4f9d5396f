//! The turn texts that `/…/` and proximity candidates are verified against, read once from the
//! transcript files the index was built from and held in memory, found by a turn's `seq` (a fast
//! field). Reading them from tantivy's document store instead (decompressing blocks, decoding
//! every stored field) was what kept regular expressions behind ripgrep. A search with many hits
//! makes them from here too (the transcripts are kept whole, with their cases' groups), and
//! `kodbok autocode` takes the hits' transcripts from here rather than reading them again.
//!
//! A transcript whose file no longer has the content hash recorded in the manifest is left out:
//! its turns are read from the document store, which always holds what was indexed.

use super::build::parse_transcript;
use super::manifest::{Manifest, hash};
use crate::model::{Cases, Codebook, Transcript};
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, OnceLock};

/// Bits of `seq` that number a turn inside its transcript (the rest is the transcript's rank).
pub const TURN_BITS: u32 = 20;

/// One transcript, the byte range of each turn's text in its body, and its case's group.
#[derive(Clone)]
struct Body {
    t: Transcript,
    turns: Vec<(usize, usize)>,
    /// None when cases.csv could not be read as the index was built from it.
    group: Option<String>,
}

/// One turn as the index holds it (what a hit shows), read from memory.
pub struct TurnRef<'a> {
    pub transcript: &'a Transcript,
    /// 0-based turn index.
    pub index: usize,
    pub text: &'a str,
    pub group: &'a str,
}

/// Bytes of turn text that checking costs about as much as one term in a pass over the term
/// dictionary (measured on the Riksdag corpus and the benchmark corpus).
const BYTES_PER_TERM: u64 = 400;

/// Turn texts by `seq`, for the transcripts whose files match the index.
#[derive(Default, Clone)]
pub struct TurnTexts {
    by_rank: HashMap<u64, Body>,
    /// Transcript id to rank.
    ranks: HashMap<String, u64>,
    bytes: u64,
}

/// The case groups as the index has them: from cases.csv when it is the file the index was built
/// from (None when it changed since or cannot be read).
fn groups(root: &Path, m: &Manifest) -> Option<Cases> {
    let path = root.join("transcripts").join("cases.csv");
    let Some(sig) = m.cases_file else {
        return (!path.exists()).then(Cases::default);
    };
    let bytes = std::fs::read(&path).ok()?;
    if hash(&bytes) != sig.hash {
        return None;
    }
    crate::store::cases_csv::parse(&bytes, &path).ok()
}

impl TurnTexts {
    /// Reads every transcript of the manifest from `root/transcripts/`; `codebook` names the group
    /// attribute.
    pub fn load(root: &Path, m: &Manifest, codebook: &Codebook) -> TurnTexts {
        let dir = root.join("transcripts");
        let cases = groups(root, m);
        let attr = &codebook.settings.group_attribute;
        let mut by_rank = HashMap::with_capacity(m.transcripts.len());
        for (name, entry) in &m.transcripts {
            let path = dir.join(name);
            let Ok(bytes) = std::fs::read(&path) else {
                continue;
            };
            if hash(&bytes) != entry.sig.hash {
                continue;
            }
            let Ok(t) = parse_transcript(&path, bytes) else {
                continue;
            };
            let base = t.text.as_ptr() as usize;
            let turns = t
                .turns
                .iter()
                .map(|turn| match t.slice(turn.start, turn.end) {
                    // the slice lies inside the body: its address gives its byte offset
                    Some(s) => {
                        let from = s.as_ptr() as usize - base;
                        (from, from + s.len())
                    }
                    None => (0, 0),
                })
                .collect();
            let group = cases.as_ref().map(|c| c.attr(t.case(), attr).to_string());
            by_rank.insert(entry.rank, Body { t, turns, group });
        }
        let bytes = by_rank.values().map(|b| b.t.text.len() as u64).sum();
        let ranks = by_rank
            .iter()
            .map(|(rank, b)| (b.t.id.clone(), *rank))
            .collect();
        TurnTexts {
            by_rank,
            ranks,
            bytes,
        }
    }

    /// The text of the turn numbered `seq` in the index; None when its transcript was left out.
    pub fn get(&self, seq: u64) -> Option<&str> {
        let body = self.by_rank.get(&(seq >> TURN_BITS))?;
        let (s, e) = *body.turns.get((seq & ((1 << TURN_BITS) - 1)) as usize)?;
        body.t.text.get(s..e)
    }

    /// The turn numbered `seq` with what a hit shows of it; None when its transcript or its case's
    /// group is not held.
    pub fn turn(&self, seq: u64) -> Option<TurnRef<'_>> {
        let body = self.by_rank.get(&(seq >> TURN_BITS))?;
        let index = (seq & ((1 << TURN_BITS) - 1)) as usize;
        let (s, e) = *body.turns.get(index)?;
        Some(TurnRef {
            transcript: &body.t,
            index,
            text: body.t.text.get(s..e)?,
            group: body.group.as_deref()?,
        })
    }

    /// A transcript held, by id (as the index was built from it).
    pub fn transcript(&self, id: &str) -> Option<&Transcript> {
        self.by_rank.get(self.ranks.get(id)?).map(|b| &b.t)
    }

    /// Takes a transcript held, by id, out (its turns are then no longer held).
    pub fn take(&mut self, id: &str) -> Option<Transcript> {
        let rank = self.ranks.remove(id)?;
        let body = self.by_rank.remove(&rank)?;
        self.bytes -= body.t.text.len() as u64;
        Some(body.t)
    }

    /// Transcripts held.
    pub fn len(&self) -> usize {
        self.by_rank.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_rank.is_empty()
    }
}

/// Whether a pass over the term dictionary of `field` (for a regex literal that may sit inside a
/// word) costs less than checking every turn's text: always when the texts are not in memory,
/// else when the text is large for its vocabulary (a small corpus is faster scanned).
pub fn dictionary_pass_pays(
    searcher: &tantivy::Searcher,
    field: tantivy::schema::Field,
    texts: Option<&TurnTexts>,
) -> bool {
    let Some(t) = texts.filter(|t| !t.is_empty()) else {
        return true;
    };
    let terms: u64 = searcher
        .segment_readers()
        .iter()
        .filter_map(|r| r.inverted_index(field).ok())
        .map(|i| i.terms().num_terms() as u64)
        .sum();
    t.bytes > terms * BYTES_PER_TERM
}

/// The texts of one opened index, read at the first query that needs them.
pub struct TextSource<'a> {
    pub root: &'a Path,
    pub manifest: &'a Manifest,
    pub codebook: &'a Codebook,
    pub cell: &'a OnceLock<Arc<TurnTexts>>,
}

impl TextSource<'_> {
    pub fn get(&self) -> Arc<TurnTexts> {
        self.cell
            .get_or_init(|| Arc::new(TurnTexts::load(self.root, self.manifest, self.codebook)))
            .clone()
    }
}
