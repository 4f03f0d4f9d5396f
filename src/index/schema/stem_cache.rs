//! The text field tokenizer's cache of stems: per lower-cased word, its marked stem term or that the
//! word is its own stem.
//!
//! An open-addressing table of 64-bit hashes, lengths and places in one buffer of words and stems. A
//! look-up reads one slot, and the buffer only on a hash match (almost always the word, whose stem
//! follows it there): a map of boxed strings took three dependent reads and a `memcmp` call per
//! token, a seventh of the index build's CPU.

use xxhash_rust::xxh3::xxh3_64;

/// Where a cached word's marked stem lies in the cache's buffer (empty: the word is its own stem).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StemAt {
    from: u32,
    to: u32,
}

impl StemAt {
    /// Whether the word has a marked stem term (its stem differs from it).
    pub fn differs(self) -> bool {
        self.to > self.from
    }
}

/// One cached word: its hash, where it starts in the buffer and its length, then its stem's length
/// (the stem follows the word). Empty when `len` is 0 (no empty word is cached).
#[derive(Clone, Copy, Default)]
struct Slot {
    hash: u64,
    at: u32,
    len: u16,
    stem_len: u16,
}

#[derive(Clone, Default)]
pub struct StemCache {
    /// Power-of-two many slots, at most half of them full.
    slots: Vec<Slot>,
    words: usize,
    /// The cached words, each followed by its marked stem.
    bytes: String,
}

/// Whether two byte strings of the same length are equal, compared eight bytes at a time inline (the
/// words are short; a call to `memcmp` per look-up cost more than the comparison).
#[inline]
fn same(a: &[u8], b: &[u8]) -> bool {
    let mut x = a.chunks_exact(8);
    let mut y = b.chunks_exact(8);
    for (p, q) in x.by_ref().zip(y.by_ref()) {
        if u64::from_ne_bytes(p.try_into().unwrap_or([0; 8]))
            != u64::from_ne_bytes(q.try_into().unwrap_or([0; 8]))
        {
            return false;
        }
    }
    x.remainder().iter().zip(y.remainder()).all(|(p, q)| p == q)
}

impl StemCache {
    /// Words at most; past it words are stemmed every time (a few MB at Swedish word lengths; a
    /// study's vocabulary is usually much smaller).
    pub const MAX_WORDS: usize = 1 << 18;

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.words
    }

    /// The slot of `word`: where it is, or the empty slot where it would go.
    #[inline]
    fn slot(&self, hash: u64, word: &[u8]) -> usize {
        let mask = self.slots.len() - 1;
        let mut i = hash as usize & mask;
        loop {
            let s = self.slots[i];
            if s.len == 0 {
                return i;
            }
            if s.hash == hash && s.len as usize == word.len() {
                let at = s.at as usize;
                if same(&self.bytes.as_bytes()[at..at + word.len()], word) {
                    return i;
                }
            }
            i = (i + 1) & mask;
        }
    }

    fn stem_of(s: Slot) -> StemAt {
        let from = s.at + s.len as u32;
        StemAt {
            from,
            to: from + s.stem_len as u32,
        }
    }

    /// The stem of `word` when cached.
    #[inline]
    pub fn get(&self, word: &str) -> Option<StemAt> {
        if self.slots.is_empty() || word.is_empty() || word.len() > u16::MAX as usize {
            return None;
        }
        let s = self.slots[self.slot(xxh3_64(word.as_bytes()), word.as_bytes())];
        (s.len != 0).then(|| Self::stem_of(s))
    }

    /// The marked stem term at `at` (empty when the word is its own stem).
    #[inline]
    pub fn term(&self, at: StemAt) -> &str {
        &self.bytes[at.from as usize..at.to as usize]
    }

    /// Caches `word` with its marked stem term (None: its own stem) unless the cache is full or the
    /// word cannot be cached; the stem's place when cached.
    pub fn insert(&mut self, word: &str, term: Option<&str>) -> Option<StemAt> {
        let term = term.unwrap_or("");
        if self.words >= Self::MAX_WORDS
            || word.is_empty()
            || word.len() > u16::MAX as usize
            || term.len() > u16::MAX as usize
            || self.bytes.len() + word.len() + term.len() > u32::MAX as usize
        {
            return None;
        }
        if (self.words + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let hash = xxh3_64(word.as_bytes());
        let i = self.slot(hash, word.as_bytes());
        if self.slots[i].len == 0 {
            let at = self.bytes.len() as u32;
            self.bytes.push_str(word);
            self.bytes.push_str(term);
            self.slots[i] = Slot {
                hash,
                at,
                len: word.len() as u16,
                stem_len: term.len() as u16,
            };
            self.words += 1;
        }
        Some(Self::stem_of(self.slots[i]))
    }

    fn grow(&mut self) {
        let n = (self.slots.len() * 2).max(1024);
        let mut slots = vec![Slot::default(); n];
        for s in self.slots.iter().filter(|s| s.len != 0) {
            let mut i = s.hash as usize & (n - 1);
            while slots[i].len != 0 {
                i = (i + 1) & (n - 1);
            }
            slots[i] = *s;
        }
        self.slots = slots;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;

    #[test]
    fn words_keep_their_stems() {
        let mut c = StemCache::default();
        assert_eq!(c.get("resurser"), None);
        let at = c.insert("resurser", Some("\u{1}resurs")).unwrap();
        assert!(at.differs());
        let own = c.insert("och", None).unwrap();
        assert!(!own.differs());
        assert_eq!(c.term(c.get("resurser").unwrap()), "\u{1}resurs");
        assert_eq!(c.get("och"), Some(own));
        assert_eq!(c.term(own), "");
        assert_eq!(c.get("resurs"), None);
        assert_eq!(c.get(""), None);
        assert_eq!(c.insert("", None), None);
        assert_eq!(c.len(), 2);
    }

    proptest! {
        #[test]
        fn same_is_equality(a in prop::collection::vec(0u8..4, 0..40), b in prop::collection::vec(0u8..4, 0..40)) {
            let n = a.len().min(b.len());
            prop_assert_eq!(same(&a[..n], &b[..n]), a[..n] == b[..n]);
        }

        /// The cache answers as a map would, through its growth and with words sharing prefixes.
        #[test]
        fn the_cache_is_a_map(words in prop::collection::vec("[a-cåä]{1,6}", 1..3000)) {
            let mut c = StemCache::default();
            let mut m: HashMap<String, Option<String>> = HashMap::new();
            for (i, w) in words.iter().enumerate() {
                let half: String = w.chars().take(w.chars().count() / 2).collect();
                let stem = (i % 3 != 0).then(|| format!("\u{1}{half}"));
                match m.get(w) {
                    Some(s) => {
                        let at = c.get(w).expect("cached");
                        prop_assert_eq!(c.term(at), s.as_deref().unwrap_or(""));
                    }
                    None => {
                        prop_assert_eq!(c.get(w), None);
                        c.insert(w, stem.as_deref());
                        m.insert(w.clone(), stem);
                    }
                }
            }
            prop_assert_eq!(c.len(), m.len());
            for (w, s) in &m {
                let at = c.get(w).expect("cached");
                prop_assert_eq!(c.term(at), s.as_deref().unwrap_or(""));
                prop_assert_eq!(at.differs(), s.as_deref().is_some_and(|s| !s.is_empty()));
            }
        }
    }
}
