//! Segment-overlap agreement as MAXQDA defines it: two coders' segments of a code match when they overlap enough.

use super::report::{CodeResult, Coefficients, Formulas, Report};
use super::{AgreeOptions, AgreementError, CodeTarget, Result, Selection, select};
use crate::model::Coding;
use crate::store::Project;
use std::collections::{BTreeMap, HashMap};

/// Share of the two segments' joint extent that both cover, in percent (intersection over union).
pub fn overlap_percent(a: (usize, usize), b: (usize, usize)) -> f64 {
    let inter = a.1.min(b.1).saturating_sub(a.0.max(b.0));
    let union = a.1.max(b.1) - a.0.min(b.0);
    if union == 0 {
        0.0
    } else {
        100.0 * inter as f64 / union as f64
    }
}

/// A coded segment with no counterpart at the threshold.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Unmatched {
    pub coder: String,
    pub code: String,
    pub doc: String,
    pub id: String,
    pub start: usize,
    pub end: usize,
    /// The best overlap found with the other coder's segments of the code, in percent.
    pub best_overlap: f64,
    pub quote: String,
}

/// Segment-overlap agreement of exactly two coders at `threshold` percent, with the segments that found no match.
pub fn overlap_agreement(
    p: &Project,
    o: &AgreeOptions,
    threshold: f64,
) -> Result<(Report, Vec<Unmatched>)> {
    if o.coders.len() != 2 {
        return Err(AgreementError::OverlapTwoCoders);
    }
    if !(threshold > 0.0 && threshold <= 100.0) {
        return Err(AgreementError::OverlapRange { threshold });
    }
    let sel = select(p, o)?;
    let codes = codes_compared(p, o, &sel.codings);
    let mut report = Report {
        mode: "segment_overlap".into(),
        unit: "segment".into(),
        unit_definition: format!(
            "one unit per coded segment of either coder with a compared code; a segment agrees when the other coder has a \
             segment with the same code in the same transcript overlapping it by at least {threshold}% (intersection / \
             union of the two spans, in characters); every segment of both coders is checked"
        ),
        formula: Formulas {
            percent_agreement: "segments that agree / all segments of both coders × 100 (MAXQDA, segment overlap)".into(),
            cohen_kappa: "null: segment matching has no count of text both coders left uncoded, so no chance-corrected \
                          coefficient is given (use --unit turn|sentence|char for kappa and alpha)"
                .into(),
            krippendorff_alpha: "null, as for kappa".into(),
            brennan_prediger: "null, as for kappa".into(),
            gwet_ac1: "null, as for kappa".into(),
            pooled: "all segments of all compared codes together".into(),
        },
        coders: sel.coders.clone(),
        documents: sel.docs.iter().map(|d| d.id.clone()).collect(),
        skipped_documents: sel.skipped.clone(),
        units: 0,
        domain: None,
        overlap_threshold: Some(threshold),
        pooled: stats(0, 0),
        codes: Vec::new(),
        multiple_codes: None,
        bootstrap: None,
    };
    let mut unmatched = Vec::new();
    let (mut all, mut agreed) = (0u64, 0u64);
    for (code, set) in codes {
        let (n, ok, coded) = compare_code(&code, &set, &sel, threshold, &mut unmatched);
        all += n;
        agreed += ok;
        report.codes.push(CodeResult {
            path: p.codebook.path(&code),
            code,
            stats: stats(n, ok),
            coded,
        });
    }
    report.units = all;
    report.pooled = stats(all, agreed);
    unmatched.sort_by(|a, b| (&a.doc, a.start, &a.code).cmp(&(&b.doc, b.start, &b.code)));
    Ok((report, unmatched))
}

/// Checks every segment of one code (both coders, both directions); returns (segments, agreeing, per coder).
fn compare_code(
    code: &str,
    set: &[String],
    sel: &Selection<'_>,
    threshold: f64,
    unmatched: &mut Vec<Unmatched>,
) -> (u64, u64, BTreeMap<String, u64>) {
    let mut coded = BTreeMap::new();
    let (mut n, mut ok) = (0u64, 0u64);
    for (i, coder) in sel.coders.iter().enumerate() {
        let of = |j: usize| -> Vec<&Coding> {
            sel.codings[j]
                .iter()
                .copied()
                .filter(|c| set.contains(&c.code))
                .collect()
        };
        let (mine, other) = (of(i), of(1 - i));
        // The other coder's segments by document: a scan of all of them per segment was quadratic.
        let mut other_in: HashMap<&str, Vec<&Coding>> = HashMap::new();
        for x in other {
            other_in.entry(x.doc.as_str()).or_default().push(x);
        }
        coded.insert(coder.clone(), mine.len() as u64);
        for c in mine {
            let best = other_in
                .get(c.doc.as_str())
                .into_iter()
                .flatten()
                .map(|x| overlap_percent((c.start, c.end), (x.start, x.end)))
                .fold(0.0, f64::max);
            n += 1;
            if best + 1e-9 >= threshold {
                ok += 1;
                continue;
            }
            unmatched.push(Unmatched {
                coder: coder.clone(),
                code: code.to_string(),
                doc: c.doc.clone(),
                id: c.id.clone(),
                start: c.start,
                end: c.end,
                best_overlap: best,
                quote: c.quote.clone(),
            });
        }
    }
    (n, ok, coded)
}

fn stats(n: u64, ok: u64) -> Coefficients {
    Coefficients {
        units: n,
        pairable_units: n,
        percent_agreement: (n > 0).then(|| 100.0 * ok as f64 / n as f64),
        cohen_kappa: None,
        krippendorff_alpha: None,
        brennan_prediger: None,
        gwet_ac1: None,
        intervals: None,
    }
}

/// The codes compared, each with the code ids that count as it.
fn codes_compared(
    p: &Project,
    o: &AgreeOptions,
    codings: &[Vec<&Coding>],
) -> Vec<(String, Vec<String>)> {
    let book = &p.codebook;
    match &o.target {
        CodeTarget::AllCodes => {
            let mut used: Vec<String> = codings.iter().flatten().map(|c| c.code.clone()).collect();
            let order: Vec<String> = book.flatten().iter().map(|f| f.code.id.clone()).collect();
            used.sort_by_key(|c| {
                (
                    order.iter().position(|o| o == c).unwrap_or(usize::MAX),
                    c.clone(),
                )
            });
            used.dedup();
            used.into_iter().map(|c| (c.clone(), vec![c])).collect()
        }
        CodeTarget::Code(c) => vec![(c.clone(), vec![c.clone()])],
        CodeTarget::CodeTree(c) => vec![(c.clone(), book.descendants(c))],
        CodeTarget::Domain(d) => book
            .get(d)
            .map(|x| {
                x.children
                    .iter()
                    .map(|ch| (ch.id.clone(), book.descendants(&ch.id)))
                    .collect()
            })
            .unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::overlap_percent;

    #[test]
    fn overlap_is_intersection_over_union() {
        assert!((overlap_percent((0, 10), (0, 9)) - 90.0).abs() < 1e-9);
        assert!((overlap_percent((0, 10), (5, 15)) - 100.0 / 3.0).abs() < 1e-9);
        assert_eq!(overlap_percent((0, 10), (10, 20)), 0.0);
        assert_eq!(overlap_percent((3, 7), (3, 7)), 100.0);
    }
}
