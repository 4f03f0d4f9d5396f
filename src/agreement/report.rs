//! Per-code and domain reliability over units: the numbers behind `kodbok agree`, with what they mean.

use super::bootstrap::{BootstrapSettings, Intervals, Resampler};
use super::units::{UnitData, UnitKind};
use super::{AgreeOptions, CodeTarget, Result, SkippedDoc, Tally, select};
use crate::model::Codebook;
use crate::store::Project;
use serde::Serialize;
use std::collections::BTreeMap;

/// The coefficients for one code, or pooled.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Coefficients {
    /// Reliability units (for pooled per-code results: code × unit decisions).
    pub units: u64,
    /// Units with values from at least two coders: the ones the coefficients use.
    pub pairable_units: u64,
    pub percent_agreement: Option<f64>,
    pub cohen_kappa: Option<f64>,
    pub krippendorff_alpha: Option<f64>,
    pub brennan_prediger: Option<f64>,
    pub gwet_ac1: Option<f64>,
    /// Bootstrap confidence intervals (with `--bootstrap N`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub intervals: Option<Intervals>,
}

impl Coefficients {
    pub fn of(t: &Tally) -> Self {
        Coefficients {
            units: t.units(),
            pairable_units: t.pairable_units(),
            percent_agreement: t.percent_agreement(),
            cohen_kappa: t.cohen_kappa(),
            krippendorff_alpha: t.krippendorff_alpha(),
            brennan_prediger: t.brennan_prediger(),
            gwet_ac1: t.gwet_ac1(),
            intervals: None,
        }
    }
}

/// How the bootstrap intervals were made, stated in the output.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct BootstrapInfo {
    #[serde(flatten)]
    pub settings: BootstrapSettings,
    pub method: String,
}

/// One entry of `codes`: a code (per-code mode) or one category of the domain (domain mode).
#[derive(Debug, Clone, Serialize)]
pub struct CodeResult {
    pub code: String,
    pub path: String,
    #[serde(flatten)]
    pub stats: Coefficients,
    /// Per coder: in how many units the code is present (units for segment overlap: segments).
    pub coded: BTreeMap<String, u64>,
}

/// A unit where one coder applied two or more of the domain's categories: reported, not resolved.
#[derive(Debug, Clone, Serialize)]
pub struct MultiCoded {
    pub doc: String,
    pub unit: String,
    pub start: usize,
    pub end: usize,
    pub coder: String,
    pub codes: Vec<String>,
}

/// The formulas used, stated in every output.
#[derive(Debug, Clone, Serialize)]
pub struct Formulas {
    pub percent_agreement: String,
    pub cohen_kappa: String,
    pub krippendorff_alpha: String,
    pub brennan_prediger: String,
    pub gwet_ac1: String,
    pub pooled: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// `per_code`, `domain` or `segment_overlap`.
    pub mode: String,
    /// `turn`, `sentence`, `char` or `segment`.
    pub unit: String,
    /// What counted as a unit.
    pub unit_definition: String,
    pub formula: Formulas,
    pub coders: Vec<String>,
    /// Transcripts compared: those every compared coder has coded.
    pub documents: Vec<String>,
    /// Transcripts left out because not every compared coder coded them.
    pub skipped_documents: Vec<SkippedDoc>,
    /// Units of analysis in the compared transcripts (segments for segment overlap).
    pub units: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overlap_threshold: Option<f64>,
    pub pooled: Coefficients,
    pub codes: Vec<CodeResult>,
    /// Domain mode: units where a coder applied more than one category (counted as missing for that coder).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub multiple_codes: Option<Vec<MultiCoded>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bootstrap: Option<BootstrapInfo>,
}

/// One variable of the reliability data.
#[derive(Debug, Clone)]
pub(crate) enum Question {
    /// A code: present (1) or absent (0) in each unit for each coder; present when any of `set` was applied.
    Binary {
        code: String,
        target: CodeTarget,
        set: Vec<u32>,
    },
    /// A domain: the category (index into `cats`) each coder applied in each unit.
    Domain {
        domain: String,
        cats: Vec<(String, Vec<u32>)>,
    },
}

fn indices(data: &UnitData, ids: &[String]) -> Vec<u32> {
    ids.iter().filter_map(|c| data.code_index(c)).collect()
}

/// The questions a target asks of the unit data.
pub(crate) fn questions(data: &UnitData, book: &Codebook, target: &CodeTarget) -> Vec<Question> {
    let binary = |code: &str, target: CodeTarget| Question::Binary {
        code: code.to_string(),
        set: indices(data, &target.code_set(book)),
        target,
    };
    match target {
        CodeTarget::AllCodes => {
            let order: Vec<String> = book.flatten().iter().map(|f| f.code.id.clone()).collect();
            let mut used = data.codes.clone();
            used.sort_by_key(|c| {
                (
                    order.iter().position(|o| o == c).unwrap_or(usize::MAX),
                    c.clone(),
                )
            });
            used.iter()
                .map(|c| binary(c, CodeTarget::Code(c.clone())))
                .collect()
        }
        CodeTarget::Code(c) | CodeTarget::CodeTree(c) => vec![binary(c, target.clone())],
        CodeTarget::Domain(d) => {
            let children = book.get(d).map(|c| c.children.clone()).unwrap_or_default();
            let cats = children
                .iter()
                .map(|ch| (ch.id.clone(), indices(data, &book.descendants(&ch.id))))
                .collect();
            vec![Question::Domain {
                domain: d.clone(),
                cats,
            }]
        }
    }
}

pub(crate) fn has_any(applied: &[u32], set: &[u32]) -> bool {
    applied.iter().any(|a| set.contains(a))
}

/// The categories of a domain a coder applied in one unit.
pub(crate) fn categories(applied: &[u32], cats: &[(String, Vec<u32>)]) -> Vec<u32> {
    (0..cats.len() as u32)
        .filter(|k| has_any(applied, &cats[*k as usize].1))
        .collect()
}

/// Agreement of the chosen coders over units (per-code or domain mode).
pub fn agreement(p: &Project, o: &AgreeOptions) -> Result<Report> {
    agreement_with(p, o, None)
}

/// Agreement, with bootstrap confidence intervals when `boot` is given.
pub fn agreement_with(
    p: &Project,
    o: &AgreeOptions,
    boot: Option<&BootstrapSettings>,
) -> Result<Report> {
    let sel = select(p, o)?;
    let data = UnitData::build(o.unit, &sel.docs, &sel.coders, &sel.codings);
    let qs = questions(&data, &p.codebook, &o.target);
    let mut report = Report {
        mode: "per_code".into(),
        unit: o.unit.name().into(),
        unit_definition: o.unit.description().into(),
        formula: formulas(false, o.unit),
        coders: sel.coders.clone(),
        documents: data.docs.clone(),
        skipped_documents: sel.skipped,
        units: data.units.len() as u64,
        domain: None,
        overlap_threshold: None,
        pooled: Coefficients::of(&Tally::new(sel.coders.len(), 2)),
        codes: Vec::new(),
        multiple_codes: None,
        bootstrap: None,
    };
    let mut pooled = Tally::new(sel.coders.len(), 2);
    for q in &qs {
        match q {
            Question::Binary { code, set, .. } => {
                let (tally, coded) = binary_tally(&data, set);
                pooled.absorb(&tally);
                report.codes.push(entry(p, code, &tally, coded));
            }
            Question::Domain { domain, cats } => domain_report(p, &data, domain, cats, &mut report),
        }
    }
    if matches!(o.target, CodeTarget::Domain(_)) {
        report.formula = formulas(true, o.unit);
    } else {
        report.pooled = Coefficients::of(&pooled);
    }
    if let Some(b) = boot {
        add_intervals(&data, &qs, b, &mut report);
    }
    Ok(report)
}

/// Resamples the units and puts an interval on every code and on the pooled (or domain) figure.
fn add_intervals(data: &UnitData, qs: &[Question], b: &BootstrapSettings, r: &mut Report) {
    let mut cats = Vec::new();
    for q in qs {
        match q {
            Question::Binary { .. } => cats.push(2),
            Question::Domain { cats: c, .. } => {
                cats.push(c.len());
                cats.extend(std::iter::repeat_n(2, c.len()));
            }
        }
    }
    let n = data.coders.len();
    let mut res = Resampler::new(n, cats);
    let mut row = Vec::new();
    for applied in &data.applied {
        row.clear();
        for q in qs {
            match q {
                Question::Binary { set, .. } => {
                    row.extend(applied.iter().map(|a| Some(u32::from(has_any(a, set)))))
                }
                Question::Domain { cats, .. } => {
                    row.extend(
                        applied
                            .iter()
                            .map(|a| match categories(a, cats).as_slice() {
                                [one] => Some(*one),
                                _ => None,
                            }),
                    );
                    for (_, set) in cats {
                        row.extend(applied.iter().map(|a| Some(u32::from(has_any(a, set)))));
                    }
                }
            }
        }
        res.add(&row);
    }
    let (mut per, pooled) = res.intervals(b);
    if r.domain.is_some() && !per.is_empty() {
        r.pooled.intervals = Some(per.remove(0));
    } else {
        r.pooled.intervals = Some(pooled);
    }
    for (c, i) in r.codes.iter_mut().zip(per) {
        c.stats.intervals = Some(i);
    }
    r.bootstrap = Some(BootstrapInfo {
        settings: *b,
        method: format!(
            "percentile interval ({:.0}%) over {} replicates: the {} units of analysis resampled with replacement \
             (codes of a unit stay together), ChaCha8 generator seeded with {}; replicates where a coefficient is \
             undefined are left out of its percentiles (see `defined`)",
            b.level * 100.0,
            b.replicates,
            data.units.len(),
            b.seed
        ),
    });
}

fn entry(p: &Project, code: &str, t: &Tally, coded: BTreeMap<String, u64>) -> CodeResult {
    CodeResult {
        code: code.to_string(),
        path: p.codebook.path(code),
        stats: Coefficients::of(t),
        coded,
    }
}

fn binary_tally(data: &UnitData, set: &[u32]) -> (Tally, BTreeMap<String, u64>) {
    let n = data.coders.len();
    let mut t = Tally::new(n, 2);
    let mut counts = vec![0u64; n];
    let mut row = vec![None; n];
    for applied in &data.applied {
        for (i, a) in applied.iter().enumerate() {
            let present = has_any(a, set);
            counts[i] += u64::from(present);
            row[i] = Some(u32::from(present));
        }
        t.add(&row);
    }
    (t, data.coders.iter().cloned().zip(counts).collect())
}

fn domain_report(
    p: &Project,
    data: &UnitData,
    domain: &str,
    cats: &[(String, Vec<u32>)],
    r: &mut Report,
) {
    let n = data.coders.len();
    let mut main = Tally::new(n, cats.len());
    let mut multi = Vec::new();
    let mut row = vec![None; n];
    for (u, applied) in data.applied.iter().enumerate() {
        for (i, a) in applied.iter().enumerate() {
            let got = categories(a, cats);
            row[i] = match got.as_slice() {
                [one] => Some(*one),
                [] => None,
                many => {
                    let unit = &data.units[u];
                    let m = MultiCoded {
                        doc: data.docs[unit.doc].clone(),
                        unit: data.unit_ref(unit),
                        start: unit.start,
                        end: unit.end,
                        coder: data.coders[i].clone(),
                        codes: many.iter().map(|k| cats[*k as usize].0.clone()).collect(),
                    };
                    push_multi(&mut multi, m, data.kind);
                    None
                }
            };
        }
        main.add(&row);
    }
    for (code, set) in cats {
        let (t, coded) = binary_tally(data, set);
        r.codes.push(entry(p, code, &t, coded));
    }
    r.mode = "domain".into();
    r.domain = Some(domain.to_string());
    r.pooled = Coefficients::of(&main);
    r.multiple_codes = Some(multi);
}

/// Adds a multiply-coded unit; neighbouring characters of one coder with the same codes become one run.
fn push_multi(list: &mut Vec<MultiCoded>, m: MultiCoded, kind: UnitKind) {
    if kind == UnitKind::Char {
        let run = list
            .iter_mut()
            .rev()
            .find(|x| x.coder == m.coder)
            .filter(|x| x.doc == m.doc && x.end == m.start && x.codes == m.codes);
        if let Some(run) = run {
            run.end = m.end;
            run.unit = format!("c{}-{}", run.start, run.end);
            return;
        }
    }
    list.push(m);
}

pub(crate) fn formulas(domain: bool, unit: UnitKind) -> Formulas {
    let pooled = if domain {
        "the domain's child codes are the categories: each unit's value for a coder is the child code (or a code under it) \
         applied there, missing where none was; a unit where a coder applied two children counts as missing for that \
         coder and is listed under multiple_codes; `codes` gives each category as present/absent over all units"
            .to_string()
    } else {
        format!(
            "every code × {} decision (present/absent) of the listed codes, pooled into one two-category table: \
             one reliability unit per code per unit; `codes` lists each code that a compared coder applied in the compared \
             transcripts, present where that exact code was applied (with `--code C --subcodes` codings of sub-codes count too)",
            unit.name()
        )
    };
    Formulas {
        percent_agreement: "mean over units with values from two or more coders of the share of coder pairs giving \
                            the same value, × 100 (two coders: units where they agree / units both gave a value)"
            .into(),
        cohen_kappa: "Cohen (1960): (p_o − p_e) / (1 − p_e) over units both coders gave a value, p_e from each coder's \
                      own category proportions; null unless exactly two coders, or when p_e = 1"
            .into(),
        krippendorff_alpha: "Krippendorff (2011), nominal: 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c · n_k over the \
                             coincidence matrix of pairable values; missing values allowed; null without variation"
            .into(),
        brennan_prediger: "Brennan & Prediger (1981), as in MAXQDA: (p_a − 1/q) / (1 − 1/q), p_a the proportion \
                           agreement, q the number of categories (2 for a code present/absent)"
            .into(),
        gwet_ac1: "Gwet (2008) AC1: (p_a − p_e) / (1 − p_e), p_e = Σ_k π_k (1 − π_k) / (q − 1), π_k the mean share of \
                   category k among a unit's values; stays near p_a for rare codes where kappa collapses"
            .into(),
        pooled,
    }
}
