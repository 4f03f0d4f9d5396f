//! Units where coders differ, each with a stable id (`doc:unit:target`), its text and the codings behind it.

use super::report::{Question, categories, has_any, questions};
use super::units::{UnitData, UnitKind, segment};
use super::{AgreeOptions, AgreementError, CodeTarget, IdProblem, Result, select};
use crate::store::Project;
use serde::Serialize;

/// What one coder applied in a disagreement's unit.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct CoderValue {
    pub coder: String,
    /// The codes (per-code mode: the code, or nothing; domain mode: the categories) applied in the unit.
    pub codes: Vec<String>,
}

/// A coding overlapping a disagreement's unit.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct CodingRef {
    pub coder: String,
    pub id: String,
    pub code: String,
    pub start: usize,
    pub end: usize,
    pub quote: String,
}

/// A unit (or, for characters, a run of neighbouring characters) where the coders differ.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Disagreement {
    /// `doc:unit:target`, e.g. `kommun-a-1:t12:resursbrist` or `kommun-a-1:s40:@hinder`; `kodbok consensus take` acts on it.
    pub id: String,
    pub doc: String,
    /// `t12` (turn 12), `s40` (sentence 40), `c100-140` (characters 100..140).
    pub unit: String,
    pub start: usize,
    pub end: usize,
    /// The code (`C`, or `C+` with sub-codes) or domain (`@C`) disagreed on.
    pub target: String,
    pub values: Vec<CoderValue>,
    pub text: String,
    pub codings: Vec<CodingRef>,
}

impl Disagreement {
    /// The unit and target this disagreement is about, for [`super::consensus::take`] and [`super::consensus::matches`].
    pub fn unit_ref(&self) -> UnitRef {
        UnitRef {
            doc: self.doc.clone(),
            unit: self.unit.clone(),
            start: self.start,
            end: self.end,
            target: CodeTarget::parse(&self.target),
        }
    }
}

/// Every disagreement for the given options, in transcript and text order.
pub fn disagreements(p: &Project, o: &AgreeOptions) -> Result<Vec<Disagreement>> {
    let sel = select(p, o)?;
    let data = UnitData::build(o.unit, &sel.docs, &sel.coders, &sel.codings);
    let mut out = Vec::new();
    for q in questions(&data, &p.codebook, &o.target) {
        let mut open: Option<Disagreement> = None;
        for (u, applied) in data.applied.iter().enumerate() {
            let values = unit_values(&data, &q, applied);
            let differ = values.windows(2).any(|w| w[0].codes != w[1].codes);
            let unit = data.units[u];
            if !differ {
                out.extend(open.take());
                continue;
            }
            let target = match &q {
                Question::Binary { target, .. } => target.to_string(),
                Question::Domain { domain, .. } => CodeTarget::Domain(domain.clone()).to_string(),
            };
            let doc = data.docs[unit.doc].clone();
            // Neighbouring characters with the same values form one disagreement.
            if let Some(d) = open.as_mut()
                && o.unit == UnitKind::Char
                && d.doc == doc
                && d.end == unit.start
                && d.values == values
            {
                d.end = unit.end;
                continue;
            }
            out.extend(open.take());
            open = Some(Disagreement {
                id: String::new(),
                unit: data.unit_ref(&unit),
                doc,
                start: unit.start,
                end: unit.end,
                target,
                values,
                text: String::new(),
                codings: Vec::new(),
            });
        }
        out.extend(open.take());
    }
    for d in out.iter_mut() {
        finish(p, &sel.coders, &o.target, d);
    }
    out.sort_by(|a, b| (&a.doc, a.start, &a.target).cmp(&(&b.doc, b.start, &b.target)));
    Ok(out)
}

fn unit_values(
    data: &UnitData,
    q: &Question,
    applied: &[Vec<u32>],
) -> Vec<super::disagree::CoderValue> {
    data.coders
        .iter()
        .zip(applied)
        .map(|(coder, a)| CoderValue {
            coder: coder.clone(),
            codes: match q {
                Question::Binary { code, set, .. } if has_any(a, set) => vec![code.clone()],
                Question::Binary { .. } => Vec::new(),
                Question::Domain { cats, .. } => categories(a, cats)
                    .iter()
                    .map(|k| cats[*k as usize].0.clone())
                    .collect(),
            },
        })
        .collect()
}

/// Fills in the id, the text and the codings behind a disagreement.
fn finish(p: &Project, coders: &[String], target: &CodeTarget, d: &mut Disagreement) {
    if d.unit.starts_with('c') {
        d.unit = format!("c{}-{}", d.start, d.end);
    }
    d.id = format!("{}:{}:{}", d.doc, d.unit, d.target);
    d.text = p
        .transcripts
        .get(&d.doc)
        .and_then(|t| t.slice(d.start, d.end))
        .unwrap_or("")
        .to_string();
    let codes = match target {
        CodeTarget::AllCodes => CodeTarget::Code(d.target.clone()).code_set(&p.codebook),
        t => t.code_set(&p.codebook),
    };
    for coder in coders {
        let Some(f) = p.coders.get(coder) else {
            continue;
        };
        for c in f
            .for_doc(&d.doc)
            .filter(|c| c.overlaps(d.start, d.end) && codes.contains(&c.code))
        {
            d.codings.push(CodingRef {
                coder: coder.clone(),
                id: c.id.clone(),
                code: c.code.clone(),
                start: c.start,
                end: c.end,
                quote: c.quote.clone(),
            });
        }
    }
}

/// A disagreement id taken apart: the transcript, the unit's span and what was disagreed on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitRef {
    pub doc: String,
    pub unit: String,
    pub start: usize,
    pub end: usize,
    pub target: CodeTarget,
}

/// Parses `doc:t12:code`, `doc:s40:@domain` or `doc:c100-140:code+` against the project.
pub fn parse_id(p: &Project, id: &str) -> Result<UnitRef> {
    let bad = |problem: IdProblem| AgreementError::BadId {
        id: id.to_string(),
        problem,
    };
    let mut parts = id.rsplitn(3, ':');
    let (Some(target), Some(unit), Some(doc)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(bad(IdProblem::ThreeParts));
    };
    let t = p.transcripts.get(doc).ok_or_else(|| {
        bad(IdProblem::NoTranscript {
            doc: doc.to_string(),
        })
    })?;
    let target = CodeTarget::parse(target);
    let code = match &target {
        CodeTarget::Code(c) | CodeTarget::CodeTree(c) | CodeTarget::Domain(c) => c.clone(),
        CodeTarget::AllCodes => String::new(),
    };
    if p.codebook.get(&code).is_none() {
        return Err(bad(IdProblem::NoCode { code }));
    }
    let (kind, rest) = unit.split_at(unit.chars().next().map_or(0, char::len_utf8));
    let (start, end) = match kind {
        "c" => {
            let (s, e) = rest
                .split_once('-')
                .ok_or_else(|| bad(IdProblem::RangeForm))?;
            let s: usize = s.parse().map_err(|_| bad(IdProblem::BadStart))?;
            let e: usize = e.parse().map_err(|_| bad(IdProblem::BadEnd))?;
            if s >= e || e > t.char_len() {
                return Err(bad(IdProblem::RangeOutside));
            }
            (s, e)
        }
        "t" | "s" => {
            let kind = if kind == "t" {
                UnitKind::Turn
            } else {
                UnitKind::Sentence
            };
            let n: usize = rest.parse().map_err(|_| bad(IdProblem::BadUnitNumber))?;
            let spans = segment(t, kind);
            *n.checked_sub(1).and_then(|i| spans.get(i)).ok_or_else(|| {
                bad(IdProblem::UnitCount {
                    doc: doc.to_string(),
                    n: spans.len(),
                    unit: kind.name(),
                })
            })?
        }
        _ => return Err(bad(IdProblem::UnitForm)),
    };
    Ok(UnitRef {
        doc: doc.to_string(),
        unit: unit.to_string(),
        start,
        end,
        target,
    })
}

/// One unit as the coders coded it, for reviewing it (disagreeing or not): values, text and codings.
pub fn describe(p: &Project, coders: &[String], r: &UnitRef) -> Disagreement {
    let codes = r.target.code_set(&p.codebook);
    let cats: Vec<(String, Vec<String>)> = match &r.target {
        CodeTarget::Domain(d) => p
            .codebook
            .get(d)
            .map(|c| {
                c.children
                    .iter()
                    .map(|ch| (ch.id.clone(), p.codebook.descendants(&ch.id)))
                    .collect()
            })
            .unwrap_or_default(),
        t => vec![(
            t.to_string().trim_end_matches('+').to_string(),
            codes.clone(),
        )],
    };
    let values = coders
        .iter()
        .map(|coder| {
            let used: Vec<&str> = p
                .coders
                .get(coder)
                .map(|f| {
                    f.for_doc(&r.doc)
                        .filter(|c| c.overlaps(r.start, r.end))
                        .map(|c| c.code.as_str())
                        .collect()
                })
                .unwrap_or_default();
            CoderValue {
                coder: coder.clone(),
                codes: cats
                    .iter()
                    .filter(|(_, set)| used.iter().any(|u| set.iter().any(|s| s == u)))
                    .map(|(id, _)| id.clone())
                    .collect(),
            }
        })
        .collect();
    let mut d = Disagreement {
        id: String::new(),
        doc: r.doc.clone(),
        unit: r.unit.clone(),
        start: r.start,
        end: r.end,
        target: r.target.to_string(),
        values,
        text: String::new(),
        codings: Vec::new(),
    };
    finish(p, coders, &r.target, &mut d);
    d
}
