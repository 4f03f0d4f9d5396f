//! Adding many codings to a coder file at once. The codings are ordered by integer keys (the ranks
//! of their documents and codes among those of the file and the new codings, which order as the
//! strings do), not by comparing strings; new codings that already come in order, as an auto-code's
//! do, are merged into their own list in place, without a second list of every coding (others are
//! first gathered in key order).

use super::{CoderFile, Coding};
use std::collections::HashMap;

/// What orders codings and makes two of them repeat each other: document, start, end, code (the
/// document's and the code's ranks standing for their strings).
type Key = (u32, usize, usize, u32);

/// The ranks of one string field of two lists of codings: equal strings have equal ranks, and ranks
/// order as their strings do.
fn ranks<'a>(
    old: &'a [Coding],
    new: &'a [Coding],
    field: impl Fn(&'a Coding) -> &'a str,
) -> (Vec<u32>, Vec<u32>) {
    let mut seen: HashMap<&str, u32> = HashMap::new();
    let mut names: Vec<&str> = Vec::new();
    // numbered as first seen, a run of one string (the usual case) looked up once
    let mut number = |list: &'a [Coding]| -> Vec<u32> {
        let mut out = Vec::with_capacity(list.len());
        let mut last: Option<(&str, u32)> = None;
        for c in list {
            let s = field(c);
            let n = match last {
                Some((l, n)) if l == s => n,
                _ => *seen.entry(s).or_insert_with(|| {
                    names.push(s);
                    names.len() as u32 - 1
                }),
            };
            last = Some((s, n));
            out.push(n);
        }
        out
    };
    let (mut a, mut b) = (number(old), number(new));
    let mut by_name: Vec<u32> = (0..names.len() as u32).collect();
    by_name.sort_unstable_by_key(|&n| names[n as usize]);
    let mut rank = vec![0u32; names.len()];
    for (r, &n) in by_name.iter().enumerate() {
        rank[n as usize] = r as u32;
    }
    for x in a.iter_mut().chain(b.iter_mut()) {
        *x = rank[*x as usize];
    }
    (a, b)
}

/// The keys of a list of codings, as a function of the index.
struct Keys<'a> {
    codings: &'a [Coding],
    docs: Vec<u32>,
    codes: Vec<u32>,
}

impl Keys<'_> {
    fn of(&self, i: usize) -> Key {
        let c = &self.codings[i];
        (self.docs[i], c.start, c.end, self.codes[i])
    }
}

/// Keys of the codings of `old` and of `new`.
fn keys<'a>(old: &'a [Coding], new: &'a [Coding]) -> (Keys<'a>, Keys<'a>) {
    let (od, nd) = ranks(old, new, |c| c.doc.as_str());
    let (oc, nc) = ranks(old, new, |c| c.code.as_str());
    (
        Keys {
            codings: old,
            docs: od,
            codes: oc,
        },
        Keys {
            codings: new,
            docs: nd,
            codes: nc,
        },
    )
}

impl CoderFile {
    /// [`CoderFile::insert_many`] returning the indices in `codings` of the codings added, ascending,
    /// instead of their ids.
    pub fn add_many(&mut self, codings: Vec<Coding>) -> Vec<u32> {
        if !self
            .codings
            .is_sorted_by(|a, b| a.sort_key() <= b.sort_key())
        {
            self.sort();
        }
        let old = std::mem::take(&mut self.codings);
        let (ok, nk) = keys(&old, &codings);
        let old_keys: Vec<Key> = (0..old.len()).map(|i| ok.of(i)).collect();
        let in_order = (1..codings.len()).all(|i| nk.of(i - 1) < nk.of(i));
        // which new codings repeat an old one (the first old coding not before a key is its repeat);
        // in order, the new codings are walked once alongside the old
        let order: Vec<u32> = if in_order {
            (0..codings.len() as u32).collect()
        } else {
            // stable: of codings with the same key the first given comes first, and is the one kept
            let mut order: Vec<u32> = (0..codings.len() as u32).collect();
            order.sort_unstable_by_key(|&i| (nk.of(i as usize), i));
            order.dedup_by_key(|i| nk.of(*i as usize));
            order
        };
        let mut at = 0;
        let fresh: Vec<u32> = order
            .into_iter()
            .filter(|&i| {
                let k = nk.of(i as usize);
                at += old_keys[at..].partition_point(|o| *o < k);
                old_keys.get(at) != Some(&k)
            })
            .collect();
        let new_keys: Vec<Key> = fresh.iter().map(|&i| nk.of(i as usize)).collect();
        drop((ok, nk));
        // the new codings kept, in key order: in their own list when they came in order
        let mut slots: Vec<Option<Coding>> = codings.into_iter().map(Some).collect();
        let kept = if in_order {
            if fresh.len() < slots.len() {
                let mut next = fresh.iter().copied().peekable();
                let mut i = 0u32;
                slots.retain(|_| {
                    let keep = next.next_if_eq(&i).is_some();
                    i += 1;
                    keep
                });
            }
            slots
        } else {
            fresh.iter().map(|&i| slots[i as usize].take()).collect()
        };
        self.codings = merge(kept, &new_keys, old, &old_keys);
        let mut added = fresh;
        if !in_order {
            added.sort_unstable();
        }
        added
    }
}

/// The codings `new` (in key order, with their keys) merged with `old` (sorted, with its keys), in
/// `new`'s own list: it grows to hold both, then both are merged in from the end.
fn merge(
    mut new: Vec<Option<Coding>>,
    new_keys: &[Key],
    old: Vec<Coding>,
    old_keys: &[Key],
) -> Vec<Coding> {
    // Option<Coding> is a Coding's size: these collects reuse the list
    let mut old: Vec<Option<Coding>> = old.into_iter().map(Some).collect();
    let (mut i, mut j) = (new.len(), old.len());
    new.resize_with(i + j, || None);
    let mut w = new.len();
    while j > 0 {
        w -= 1;
        if i > 0 && new_keys[i - 1] > old_keys[j - 1] {
            i -= 1;
            new[w] = new[i].take();
        } else {
            j -= 1;
            new[w] = old[j].take();
        }
    }
    // not `flatten`, which would collect into a new list
    #[allow(clippy::filter_map_identity)]
    new.into_iter().filter_map(|c| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, Utc};

    /// The way `insert_many` worked before integer keys: new codings ordered by their string keys.
    fn by_strings(file: &mut CoderFile, codings: Vec<Coding>) -> Vec<String> {
        file.sort();
        let span = Coding::span_key;
        let mut order: Vec<u32> = (0..codings.len() as u32).collect();
        order.sort_by(|&a, &b| span(&codings[a as usize]).cmp(&span(&codings[b as usize])));
        order.dedup_by(|b, a| span(&codings[*a as usize]) == span(&codings[*b as usize]));
        let mut codings: Vec<Option<Coding>> = codings.into_iter().map(Some).collect();
        let old = std::mem::take(&mut file.codings);
        let mut merged = Vec::new();
        let mut added: Vec<(u32, String)> = Vec::new();
        let mut old = old.into_iter().peekable();
        for i in order {
            let Some(c) = codings[i as usize].take() else {
                continue;
            };
            while let Some(o) = old.next_if(|o| span(o) < span(&c)) {
                merged.push(o);
            }
            if old.peek().is_some_and(|o| span(o) == span(&c)) {
                continue;
            }
            added.push((i, c.id.clone()));
            merged.push(c);
        }
        merged.extend(old);
        file.codings = merged;
        added.sort_unstable_by_key(|&(i, _)| i);
        added.into_iter().map(|(_, id)| id).collect()
    }

    /// Documents and codes whose byte order differs from their order of first appearance, some not ASCII.
    const NAMES: [&str; 7] = ["d1", "é", "", "Ö2", "d10", "ä", "D"];

    fn coding(id: usize, (doc, start, len, code): (usize, usize, usize, usize)) -> Coding {
        let now = DateTime::<Utc>::UNIX_EPOCH;
        Coding {
            id: format!("{id:04}"),
            // a new string each time: equal names in different allocations
            doc: NAMES[doc].to_string(),
            start,
            end: start + len,
            code: NAMES[code].to_string(),
            quote: String::new(),
            prefix: String::new(),
            suffix: String::new(),
            memo: None,
            created: now,
            modified: now,
        }
    }

    fn span() -> impl proptest::strategy::Strategy<Value = (usize, usize, usize, usize)> {
        (0usize..7, 0usize..6, 1usize..3, 0usize..3)
    }

    proptest::proptest! {
        /// Ordering by ranks adds what ordering by strings adds, in the same places, from files that
        /// may be out of order or repeat themselves, with new codings in any order or (`sorted`) in key
        /// order as an auto-code gives them.
        #[test]
        fn ranks_order_as_strings(
            old in proptest::collection::vec(span(), 0..40),
            new in proptest::collection::vec(span(), 0..60),
            sorted: bool,
        ) {
            let mut base = CoderFile::new("a");
            base.codings = old.iter().enumerate().map(|(i, &s)| coding(i, s)).collect();
            let mut fresh: Vec<Coding> =
                new.iter().enumerate().map(|(i, &s)| coding(100 + i, s)).collect();
            if sorted {
                fresh.sort_by(|a, b| a.span_key().cmp(&b.span_key()));
                fresh.dedup_by(|b, a| a.span_key() == b.span_key());
            }
            let mut want = base.clone();
            let added_want = by_strings(&mut want, fresh.clone());
            let mut got = base;
            let added_got = got.insert_many(fresh);
            proptest::prop_assert_eq!(&added_got, &added_want);
            proptest::prop_assert_eq!(&got.codings, &want.codings);
        }
    }

    #[test]
    fn codings_in_order_are_merged_in_their_own_list() {
        let mut f = CoderFile::new("a");
        f.codings = vec![coding(0, (0, 2, 1, 0)), coding(1, (1, 0, 1, 0))];
        let new: Vec<Coding> = (0..50).map(|i| coding(10 + i, (0, i, 1, 0))).collect();
        assert_eq!(f.add_many(new).len(), 49, "0:2..3 is there");
        assert_eq!(f.codings.len(), 51);
        assert_eq!(f.codings[2].id, "0000");
    }
}
