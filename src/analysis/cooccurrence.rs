//! Code co-occurrence: how often two codes overlap the same text, or appear in the same speaker turn.
//!
//! Themes count their descendants. Within a layer the codings of one code are first merged (a passage two
//! coders coded counts once), so in *overlap* mode a count is the number of pairs of merged passages that
//! share text, and in *turn* mode the number of turns where both codes occur. The diagonal counts one code's
//! merged passages (overlap) or turns (turn).

use super::{CodeInfo, Layer, LayerCoding, LayerData, Result, code_infos, merge_ranges};
use crate::store::Project;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CooccurrenceUnit {
    /// Two codes co-occur where their coded text overlaps.
    Overlap,
    /// Two codes co-occur in a speaker turn both touch.
    Turn,
}

impl CooccurrenceUnit {
    pub fn describe(self) -> &'static str {
        match self {
            CooccurrenceUnit::Overlap => {
                "overlap: pairs of coded passages that share text (codings of one code merged first)"
            }
            CooccurrenceUnit::Turn => "turn: speaker turns in which both codes occur",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Cooccurrence {
    pub layer: Layer,
    pub coders: Vec<String>,
    pub unit: CooccurrenceUnit,
    pub codes: Vec<CodeInfo>,
    /// `counts[i][j]` for codes i and j, symmetric.
    pub counts: Vec<Vec<usize>>,
    /// The codings behind each count (codings of either code touching a shared passage or turn).
    pub coding_ids: Vec<Vec<Vec<String>>>,
}

/// Per code: for each transcript, the merged passages (overlap) or the touched turns (turn), with codings.
type Units<'a> = BTreeMap<&'a str, Vec<((usize, usize), Vec<&'a str>)>>;

pub fn compute(p: &Project, layer: &Layer, unit: CooccurrenceUnit) -> Result<Cooccurrence> {
    let data = LayerData::load(p, layer)?;
    let codes = code_infos(p);
    let units: Vec<Units> = codes
        .iter()
        .map(|c| units_of(&data.codings, c, unit))
        .collect();
    let n = codes.len();
    let mut counts = vec![vec![0; n]; n];
    let mut coding_ids = vec![vec![Vec::new(); n]; n];
    for i in 0..n {
        for j in i..n {
            let (count, ids) = pair(&units[i], &units[j]);
            counts[i][j] = count;
            counts[j][i] = count;
            coding_ids[i][j] = ids.clone();
            coding_ids[j][i] = ids;
        }
    }
    Ok(Cooccurrence {
        layer: layer.clone(),
        coders: data.coders,
        unit,
        codes,
        counts,
        coding_ids,
    })
}

fn units_of<'a>(codings: &[LayerCoding<'a>], code: &CodeInfo, unit: CooccurrenceUnit) -> Units<'a> {
    let mut by_doc: BTreeMap<&str, Vec<&LayerCoding>> = BTreeMap::new();
    for c in codings
        .iter()
        .filter(|c| code.members.contains(&c.coding.code))
    {
        by_doc.entry(c.coding.doc.as_str()).or_default().push(c);
    }
    let mut out = Units::new();
    for (doc, cs) in by_doc {
        let spans: Vec<(usize, usize)> = match unit {
            CooccurrenceUnit::Overlap => {
                merge_ranges(cs.iter().map(|c| (c.coding.start, c.coding.end)).collect())
            }
            CooccurrenceUnit::Turn => {
                let mut turns = BTreeSet::new();
                for c in &cs {
                    let first = c.doc.turn_at(c.coding.start).unwrap_or(0);
                    let last = c
                        .doc
                        .turn_at(c.coding.end.saturating_sub(1))
                        .unwrap_or(first);
                    turns.extend(first..=last);
                }
                turns.into_iter().map(|t| (t, t + 1)).collect()
            }
        };
        let touches = |c: &LayerCoding, (s, e): (usize, usize)| match unit {
            CooccurrenceUnit::Overlap => c.coding.start < e && s < c.coding.end,
            CooccurrenceUnit::Turn => {
                let first = c.doc.turn_at(c.coding.start).unwrap_or(0);
                let last = c
                    .doc
                    .turn_at(c.coding.end.saturating_sub(1))
                    .unwrap_or(first);
                first <= s && s <= last
            }
        };
        let list = spans
            .into_iter()
            .map(|sp| {
                (
                    sp,
                    cs.iter()
                        .filter(|c| touches(c, sp))
                        .map(|c| c.coding.id.as_str())
                        .collect(),
                )
            })
            .collect();
        out.insert(doc, list);
    }
    out
}

fn pair(a: &Units, b: &Units) -> (usize, Vec<String>) {
    let mut count = 0;
    let mut ids = BTreeSet::new();
    for (doc, xs) in a {
        let Some(ys) = b.get(doc) else { continue };
        for (x, xi) in xs {
            for (y, yi) in ys {
                if x.0 < y.1 && y.0 < x.1 {
                    count += 1;
                    ids.extend(xi.iter().chain(yi).map(|s| s.to_string()));
                }
            }
        }
    }
    (count, ids.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tests_support::tiny_project;

    fn count(m: &Cooccurrence, a: &str, b: &str) -> usize {
        let i = m.codes.iter().position(|c| c.id == a).unwrap();
        let j = m.codes.iter().position(|c| c.id == b).unwrap();
        m.counts[i][j]
    }

    #[test]
    fn overlap_and_turn() {
        let (_dir, p) = tiny_project();
        let o = compute(&p, &Layer::AllCoders, CooccurrenceUnit::Overlap).unwrap();
        // d1: a's passages merge into "Vi … Ledningen" (x and y) and "Eldsjälar …"; b's "Ledningen är med." overlaps the first.
        assert_eq!(count(&o, "a", "b"), 1);
        assert_eq!(count(&o, "a", "a"), 2);
        assert_eq!(count(&o, "b", "b"), 2);
        assert_eq!(count(&o, "a", "c"), 0);
        assert_eq!(count(&o, "t", "u"), 0);
        let t = compute(&p, &Layer::AllCoders, CooccurrenceUnit::Turn).unwrap();
        assert_eq!(count(&t, "a", "b"), 1);
        assert_eq!(count(&t, "a", "a"), 2);
        assert_eq!(count(&t, "c", "c"), 2);
        let only_x = compute(&p, &Layer::Coder("x".into()), CooccurrenceUnit::Overlap).unwrap();
        assert_eq!(count(&only_x, "a", "b"), 0);
        let only_x = compute(&p, &Layer::Coder("x".into()), CooccurrenceUnit::Turn).unwrap();
        assert_eq!(count(&only_x, "a", "b"), 0);
        let i = o.codes.iter().position(|c| c.id == "a").unwrap();
        let j = o.codes.iter().position(|c| c.id == "b").unwrap();
        assert_eq!(o.coding_ids[i][j].len(), 3);
    }
}
