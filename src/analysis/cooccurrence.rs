//! Code co-occurrence: how often two codes overlap the same text, or appear in the same speaker turn.
//!
//! Themes count their descendants. Within a layer the codings of one code are first merged (a passage two
//! coders coded counts once), so in *overlap* mode a count is the number of pairs of merged passages that
//! share text, and in *turn* mode the number of turns where both codes occur. The diagonal counts one code's
//! merged passages (overlap) or turns (turn).
//!
//! Besides counts: the c-coefficient n12 / (n1 + n2 − n12) of ATLAS.ti on those counts, the Jaccard index of the
//! coded text (characters coded with both / characters coded with either, the same in both modes), and a flag for
//! pairs where one code is used [`LOPSIDED`] times as often as the other or more: there the c-coefficient stays small
//! even when the rarer code always co-occurs, and the share of the rarer code's units is the figure to read.

use super::{CodeInfo, Layer, LayerCoding, LayerData, Result, code_infos, merge_ranges};
use crate::store::Project;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CooccurrenceUnit {
    /// Two codes co-occur where their coded text overlaps.
    Overlap,
    /// Two codes co-occur in a speaker turn both touch.
    Turn,
}

impl CooccurrenceUnit {
    /// The unit's identifier, as in JSON (`overlap`, `turn`).
    pub fn id(self) -> &'static str {
        match self {
            CooccurrenceUnit::Overlap => "overlap",
            CooccurrenceUnit::Turn => "turn",
        }
    }

    /// The unit in English, for JSON and the workbook (the terminal says it in the chosen language).
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
    /// `chars[i][j]`: characters coded with both codes (the diagonal: characters coded with the code).
    pub chars: Vec<Vec<usize>>,
}

/// How strongly two codes go together.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Strength {
    /// ATLAS.ti's c-coefficient n12 / (n1 + n2 − n12) on the counts; None when neither code occurs.
    pub c_coefficient: Option<f64>,
    /// Characters coded with both / characters coded with either; None when neither code has text.
    pub jaccard: Option<f64>,
    /// n12 / min(n1, n2): the share of the rarer code's units that co-occur; None when one code does not occur.
    pub rarer_share: Option<f64>,
    /// One code occurs at least [`LOPSIDED`] times as often as the other (both occurring).
    pub lopsided: bool,
}

/// The frequency ratio from which a pair is flagged as lopsided.
pub const LOPSIDED: f64 = 5.0;

impl Cooccurrence {
    /// The strength of the pair (i, j).
    pub fn strength(&self, i: usize, j: usize) -> Strength {
        let (n1, n2, n12) = (self.counts[i][i], self.counts[j][j], self.counts[i][j]);
        let ratio = |x: usize, y: usize| (y > 0).then(|| x as f64 / y as f64);
        let (c1, c2, c12) = (self.chars[i][i], self.chars[j][j], self.chars[i][j]);
        let (lo, hi) = (n1.min(n2), n1.max(n2));
        Strength {
            c_coefficient: ratio(n12, (n1 + n2).saturating_sub(n12)),
            jaccard: ratio(c12, (c1 + c2).saturating_sub(c12)),
            rarer_share: ratio(n12, lo),
            lopsided: lo > 0 && hi as f64 >= LOPSIDED * lo as f64,
        }
    }
}

/// Per transcript, the merged character ranges a code covers.
type Coverage<'a> = BTreeMap<&'a str, Vec<(usize, usize)>>;

fn coverage<'a>(codings: &[&LayerCoding<'a>]) -> Coverage<'a> {
    let mut by_doc: BTreeMap<&str, Vec<(usize, usize)>> = BTreeMap::new();
    for c in codings {
        by_doc
            .entry(c.coding.doc.as_str())
            .or_default()
            .push((c.coding.start, c.coding.end));
    }
    by_doc
        .into_iter()
        .map(|(d, r)| (d, merge_ranges(r)))
        .collect()
}

/// Characters in both coverages (each a sorted list of disjoint ranges per transcript).
fn shared_chars(a: &Coverage, b: &Coverage) -> usize {
    let mut n = 0;
    for (doc, xs) in a {
        let Some(ys) = b.get(doc) else { continue };
        let (mut i, mut j) = (0, 0);
        while i < xs.len() && j < ys.len() {
            let (s, e) = (xs[i].0.max(ys[j].0), xs[i].1.min(ys[j].1));
            n += e.saturating_sub(s);
            if xs[i].1 < ys[j].1 { i += 1 } else { j += 1 }
        }
    }
    n
}

/// Per code: for each transcript, the merged passages (overlap) or the touched turns (turn), with codings.
type Units<'a> = BTreeMap<&'a str, Vec<((usize, usize), Vec<&'a str>)>>;

pub fn compute(p: &Project, layer: &Layer, unit: CooccurrenceUnit) -> Result<Cooccurrence> {
    let data = LayerData::load(p, layer)?;
    let codes = code_infos(p);
    // Each code's codings (its sub-codes' included) in one pass, in the layer's order.
    let mut rows_of: HashMap<&str, Vec<usize>> = HashMap::new();
    for (r, code) in codes.iter().enumerate() {
        for m in &code.members {
            rows_of.entry(m.as_str()).or_default().push(r);
        }
    }
    let mut of_code: Vec<Vec<&LayerCoding>> = vec![Vec::new(); codes.len()];
    for c in &data.codings {
        for &r in rows_of.get(c.coding.code.as_str()).into_iter().flatten() {
            of_code[r].push(c);
        }
    }
    let units: Vec<Units> = of_code.iter().map(|cs| units_of(cs, unit)).collect();
    let n = codes.len();
    let cover: Vec<Coverage> = of_code.iter().map(|cs| coverage(cs)).collect();
    let mut chars = vec![vec![0; n]; n];
    let mut counts = vec![vec![0; n]; n];
    let mut coding_ids = vec![vec![Vec::new(); n]; n];
    for i in 0..n {
        for j in i..n {
            let (count, ids) = pair(&units[i], &units[j]);
            counts[i][j] = count;
            counts[j][i] = count;
            coding_ids[i][j] = ids.clone();
            coding_ids[j][i] = ids;
            chars[i][j] = shared_chars(&cover[i], &cover[j]);
            chars[j][i] = chars[i][j];
        }
    }
    Ok(Cooccurrence {
        layer: layer.clone(),
        coders: data.coders,
        unit,
        codes,
        counts,
        coding_ids,
        chars,
    })
}

fn units_of<'a>(codings: &[&LayerCoding<'a>], unit: CooccurrenceUnit) -> Units<'a> {
    let mut by_doc: BTreeMap<&str, Vec<&LayerCoding>> = BTreeMap::new();
    for &c in codings {
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
        // a: 2 passages, b: 2, together 1: c = 1 / (2 + 2 − 1).
        let st = o.strength(i, j);
        assert_eq!(st.c_coefficient, Some(1.0 / 3.0));
        assert_eq!(st.rarer_share, Some(0.5));
        assert!(!st.lopsided);
        let jac = st.jaccard.unwrap();
        let (ca, cb, cab) = (o.chars[i][i], o.chars[j][j], o.chars[i][j]);
        assert!(cab > 0 && cab < ca.min(cb));
        assert_eq!(jac, cab as f64 / (ca + cb - cab) as f64);
        assert_eq!(o.strength(i, i).jaccard, Some(1.0));
    }

    #[test]
    fn shared_characters_and_lopsided_pairs() {
        let a: Coverage = BTreeMap::from([("d", vec![(0, 10), (20, 30)])]);
        let b: Coverage = BTreeMap::from([("d", vec![(5, 25)]), ("e", vec![(0, 5)])]);
        assert_eq!(shared_chars(&a, &b), 10);
        assert_eq!(shared_chars(&b, &a), 10);
        let m = Cooccurrence {
            layer: Layer::AllCoders,
            coders: Vec::new(),
            unit: CooccurrenceUnit::Turn,
            codes: Vec::new(),
            counts: vec![vec![10, 2], vec![2, 2]],
            coding_ids: Vec::new(),
            chars: vec![vec![100, 20], vec![20, 20]],
        };
        let s = m.strength(0, 1);
        assert!(s.lopsided);
        assert_eq!(s.c_coefficient, Some(0.2));
        assert_eq!(s.rarer_share, Some(1.0));
        assert_eq!(s.jaccard, Some(0.2));
    }
}
