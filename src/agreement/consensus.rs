//! The consensus layer: an ordinary coder file (`codings/konsensus.json`) built unit by unit from the coders' codings.
//!
//! Taking a decision on a unit makes the layer, inside that unit and for the codes disagreed on, equal to the
//! chosen coders' codings clipped to the unit (their union for "both", nothing for "neither"); codings of the
//! layer outside the unit are kept as they were.

use super::disagree::UnitRef;
use super::report::{Question, categories, has_any, questions};
use super::units::{UnitData, UnitKind};
use super::{AgreementError, Options, Result, Target, select};
use crate::model::{CoderFile, Coding};
use crate::store::Project;
use serde::Serialize;

/// The coder name of the consensus layer.
pub const CONSENSUS_CODER: &str = "konsensus";

/// What a decision changed in the layer.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Outcome {
    pub removed: Vec<Coding>,
    pub added: Vec<Coding>,
}

impl Outcome {
    pub fn is_empty(&self) -> bool {
        self.removed.is_empty() && self.added.is_empty()
    }
}

/// A piece of coverage: `[start, end)` of one code, with the memos that came with it.
#[derive(Debug, Clone)]
struct Piece {
    start: usize,
    end: usize,
    memos: Vec<String>,
}

fn union(mut pieces: Vec<Piece>) -> Vec<Piece> {
    pieces.sort_by_key(|p| (p.start, p.end));
    let mut out: Vec<Piece> = Vec::new();
    for p in pieces {
        match out.last_mut() {
            Some(last) if p.start <= last.end => {
                last.end = last.end.max(p.end);
                for m in p.memos {
                    if !last.memos.contains(&m) {
                        last.memos.push(m);
                    }
                }
            }
            _ => out.push(p),
        }
    }
    out
}

/// Sets the layer inside unit `r` to the codings of coders `from` (none: "neither") for the codes `r` is about.
pub fn take(p: &Project, layer: &mut CoderFile, r: &UnitRef, from: &[String]) -> Result<Outcome> {
    let t = p
        .transcript(&r.doc)
        .map_err(|e| AgreementError::Invalid(e.to_string()))?;
    if let Some(c) = from
        .iter()
        .find(|c| !p.coders.contains_key(*c) || **c == layer.coder)
    {
        return Err(AgreementError::Invalid(format!(
            "cannot take codings from {c:?}: not a coder of this project"
        )));
    }
    let (s, e) = (r.start, r.end);
    let now = chrono::Utc::now();
    let mut out = Outcome::default();
    for code in r.target.code_set(&p.codebook) {
        let old: Vec<Coding> = layer
            .for_doc(&r.doc)
            .filter(|c| c.code == code && c.overlaps(s, e))
            .cloned()
            .collect();
        let mut pieces = Vec::new();
        for c in &old {
            let memos: Vec<String> = c.memo.iter().cloned().collect();
            if c.start < s {
                pieces.push(Piece {
                    start: c.start,
                    end: s,
                    memos: memos.clone(),
                });
            }
            if c.end > e {
                pieces.push(Piece {
                    start: e,
                    end: c.end,
                    memos,
                });
            }
        }
        for coder in from {
            for c in p.coders[coder]
                .for_doc(&r.doc)
                .filter(|c| c.code == code && c.overlaps(s, e))
            {
                pieces.push(Piece {
                    start: c.start.max(s),
                    end: c.end.min(e),
                    memos: c.memo.iter().cloned().collect(),
                });
            }
        }
        let mut kept = Vec::new();
        for piece in union(pieces) {
            if let Some(same) = old
                .iter()
                .find(|c| c.start == piece.start && c.end == piece.end)
            {
                kept.push(same.id.clone());
                continue;
            }
            let mut c = Coding::new(t, piece.start, piece.end, &code, now).ok_or_else(|| {
                AgreementError::Invalid(format!(
                    "span {}..{} is not in {}",
                    piece.start, piece.end, r.doc
                ))
            })?;
            c.memo = (!piece.memos.is_empty()).then(|| piece.memos.join("\n"));
            out.added.push(c);
        }
        for c in old.into_iter().filter(|c| !kept.contains(&c.id)) {
            layer.remove(&c.id);
            out.removed.push(c);
        }
    }
    for c in &out.added {
        layer.insert(c.clone());
    }
    Ok(out)
}

/// Coverage of `codes` inside `[s, e)` by some codings, as merged (code, start, end) spans.
fn coverage(
    codings: &[&Coding],
    codes: &[String],
    s: usize,
    e: usize,
) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    for code in codes {
        let pieces = codings
            .iter()
            .filter(|c| c.code == *code && c.overlaps(s, e))
            .map(|c| Piece {
                start: c.start.max(s),
                end: c.end.min(e),
                memos: Vec::new(),
            })
            .collect();
        out.extend(
            union(pieces)
                .into_iter()
                .map(|p| (code.clone(), p.start, p.end)),
        );
    }
    out
}

/// Which decisions the layer currently matches inside unit `r`: coder names, `both` (all coders' codings
/// together) and `neither` (nothing; also the state before any decision). Empty when it matches none of them.
pub fn matches(p: &Project, coders: &[String], layer: &CoderFile, r: &UnitRef) -> Vec<String> {
    let codes = r.target.code_set(&p.codebook);
    let of = |names: &[String]| -> Vec<&Coding> {
        names
            .iter()
            .filter_map(|n| p.coders.get(n))
            .flat_map(|f| f.for_doc(&r.doc))
            .collect()
    };
    let here = coverage(
        &layer.for_doc(&r.doc).collect::<Vec<_>>(),
        &codes,
        r.start,
        r.end,
    );
    let mut out = Vec::new();
    for c in coders {
        if coverage(&of(std::slice::from_ref(c)), &codes, r.start, r.end) == here {
            out.push(c.clone());
        }
    }
    if coverage(&of(coders), &codes, r.start, r.end) == here {
        out.push("both".into());
    }
    if here.is_empty() {
        out.push("neither".into());
    }
    out
}

/// Starts or extends the layer with every unit where all coders agree that a code (or one category of a domain)
/// applies: the layer gets their codings there, together ("both"). Units where the layer already has codings of
/// that code are left alone, so earlier decisions are never overwritten. Returns the number of units taken.
pub fn seed(p: &Project, o: &Options, layer: &mut CoderFile) -> Result<usize> {
    let sel = select(p, o)?;
    let data = UnitData::build(o.unit, &sel.docs, &sel.coders, &sel.codings);
    let mut refs: Vec<UnitRef> = Vec::new();
    for q in questions(&data, &p.codebook, &o.target) {
        let target = match &q {
            Question::Binary { target, .. } => target.clone(),
            Question::Domain { domain, .. } => Target::Domain(domain.clone()),
        };
        for (u, applied) in data.applied.iter().enumerate() {
            let agreed = match &q {
                Question::Binary { set, .. } => applied.iter().all(|a| has_any(a, set)),
                Question::Domain { cats, .. } => {
                    let first = categories(&applied[0], cats);
                    first.len() == 1 && applied.iter().all(|a| categories(a, cats) == first)
                }
            };
            if !agreed {
                continue;
            }
            let unit = data.units[u];
            let doc = data.docs[unit.doc].clone();
            if let Some(last) = refs.last_mut()
                && o.unit == UnitKind::Char
                && last.doc == doc
                && last.end == unit.start
                && last.target == target
            {
                last.end = unit.end;
                continue;
            }
            refs.push(UnitRef {
                doc,
                unit: data.unit_ref(&unit),
                start: unit.start,
                end: unit.end,
                target: target.clone(),
            });
        }
    }
    let mut taken = 0;
    for r in refs {
        let codes = r.target.code_set(&p.codebook);
        if layer
            .for_doc(&r.doc)
            .any(|c| codes.contains(&c.code) && c.overlaps(r.start, r.end))
        {
            continue;
        }
        take(p, layer, &r, &sel.coders)?;
        taken += 1;
    }
    Ok(taken)
}
