//! Saturation: in the order the interviews were coded (or a given order), how many codes appear for the first time in
//! each interview, for all interviews and within each group.
//!
//! An interview's place in the coding order is the earliest `created` time of the layer's codings in it (ties: by
//! transcript id). A code counts as appearing in an interview when the layer applied that exact code there; themes are
//! codes like any other (a theme only used through its sub-codes does not appear on its own).

use super::{AnalysisError, Grouping, Layer, LayerData, Result};
use crate::store::Project;
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// The order the interviews are taken in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Order {
    /// By the first coding's time in each interview (interviews without codings are left out).
    Coded,
    /// These transcripts, in this order (others are left out).
    Given(Vec<String>),
}

/// One interview of a curve.
#[derive(Debug, Clone, Serialize)]
pub struct CurvePoint {
    /// 1-based place in this curve.
    pub position: usize,
    pub doc: String,
    pub case: String,
    pub group: String,
    /// When the layer's first coding in this interview was made.
    pub first_coded: Option<DateTime<Utc>>,
    /// Codes first seen in this interview (ids, codebook order).
    pub new_codes: Vec<String>,
    /// Codes seen so far, this interview included.
    pub cumulative: usize,
}

/// The steps of one curve: all interviews (group None) or one group's.
#[derive(Debug, Clone, Serialize)]
pub struct Curve {
    pub group: Option<String>,
    pub steps: Vec<CurvePoint>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Saturation {
    pub layer: String,
    pub attr: String,
    pub order: String,
    /// Codes of the codebook, for scale: how many exist.
    pub codes_in_codebook: usize,
    /// First the curve of all interviews, then one per group (in group order).
    pub curves: Vec<Curve>,
}

pub fn compute(p: &Project, layer: &Layer, attr: &str, order: &Order) -> Result<Saturation> {
    let data = LayerData::load(p, layer)?;
    let grouping = Grouping::new(p, attr)?;
    let mut first: BTreeMap<&str, DateTime<Utc>> = BTreeMap::new();
    let mut codes: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for c in &data.codings {
        let doc = c.coding.doc.as_str();
        let t = first.entry(doc).or_insert(c.coding.created);
        *t = (*t).min(c.coding.created);
        codes.entry(doc).or_default().insert(c.coding.code.as_str());
    }
    let docs: Vec<String> = match order {
        Order::Coded => {
            let mut v: Vec<(&DateTime<Utc>, &str)> = first.iter().map(|(d, t)| (t, *d)).collect();
            v.sort();
            v.into_iter().map(|(_, d)| d.to_string()).collect()
        }
        Order::Given(list) => {
            if let Some(bad) = list.iter().find(|d| !p.transcripts.contains_key(*d)) {
                return Err(AnalysisError::OrderNotTranscript(bad.to_string()));
            }
            let mut seen = BTreeSet::new();
            list.iter()
                .filter(|d| seen.insert(d.as_str()))
                .cloned()
                .collect()
        }
    };
    let rank: BTreeMap<String, usize> = p
        .codebook
        .flatten()
        .iter()
        .enumerate()
        .map(|(i, f)| (f.code.id.clone(), i))
        .collect();
    let curve = |group: Option<&str>| -> Curve {
        let mut seen: BTreeSet<&str> = BTreeSet::new();
        let mut steps = Vec::new();
        for d in &docs {
            let t = &p.transcripts[d];
            let g = grouping.value_of(p, t);
            if group.is_some_and(|x| x != g) {
                continue;
            }
            let mut new: Vec<String> = codes
                .get(d.as_str())
                .into_iter()
                .flatten()
                .filter(|c| seen.insert(c))
                .map(|c| c.to_string())
                .collect();
            new.sort_by_key(|c| (rank.get(c).copied().unwrap_or(usize::MAX), c.clone()));
            steps.push(CurvePoint {
                position: steps.len() + 1,
                doc: d.clone(),
                case: t.case().to_string(),
                group: g.to_string(),
                first_coded: first.get(d.as_str()).copied(),
                new_codes: new,
                cumulative: seen.len(),
            });
        }
        Curve {
            group: group.map(str::to_string),
            steps,
        }
    };
    let mut curves = vec![curve(None)];
    curves.extend(grouping.values.iter().map(|v| curve(Some(v))));
    Ok(Saturation {
        layer: layer.id(),
        attr: attr.to_string(),
        order: match order {
            Order::Coded => {
                "coded: by the time of the layer's first coding in each interview".into()
            }
            Order::Given(_) => "given: the order named with --order".into(),
        },
        codes_in_codebook: rank.len(),
        curves,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tests_support::tiny_project;

    #[test]
    fn new_codes_per_interview_in_a_given_order_and_per_group() {
        let (_dir, p) = tiny_project();
        let order = Order::Given(vec!["d4".into(), "d1".into(), "d3".into(), "d2".into()]);
        let s = compute(&p, &Layer::AllCoders, "grupp", &order).unwrap();
        let all = &s.curves[0];
        let new: Vec<usize> = all.steps.iter().map(|x| x.new_codes.len()).collect();
        // d4: c; d1: a, b; d3: b again; d2: nothing coded.
        assert_eq!(new, [1, 2, 0, 0]);
        assert_eq!(all.steps[1].new_codes, ["a", "b"]);
        assert_eq!(all.steps.last().unwrap().cumulative, 3);
        assert_eq!(s.curves[1].group.as_deref(), Some("hög"));
        let hog: Vec<(&str, usize)> = s.curves[1]
            .steps
            .iter()
            .map(|x| (x.doc.as_str(), x.cumulative))
            .collect();
        assert_eq!(hog, [("d1", 2), ("d3", 2), ("d2", 2)]);
        assert_eq!(s.curves[2].steps.len(), 1);
        assert!(
            compute(
                &p,
                &Layer::AllCoders,
                "grupp",
                &Order::Given(vec!["nope".into()])
            )
            .is_err()
        );
    }

    #[test]
    fn coded_order_follows_the_first_coding_time() {
        let (_dir, p) = tiny_project();
        let s = compute(&p, &Layer::Coder("x".into()), "grupp", &Order::Coded).unwrap();
        let docs: Vec<&str> = s.curves[0].steps.iter().map(|x| x.doc.as_str()).collect();
        // x coded d1, d3, d4 in that order (tiny_project creates them one after another).
        assert_eq!(docs, ["d1", "d3", "d4"]);
        let times: Vec<_> = s.curves[0]
            .steps
            .iter()
            .map(|x| x.first_coded.unwrap())
            .collect();
        assert!(times.windows(2).all(|w| w[0] <= w[1]));
    }
}
