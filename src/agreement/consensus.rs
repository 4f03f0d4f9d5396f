//! The consensus layer: an ordinary coder file (`codings/konsensus.json`) built unit by unit from the coders' codings.
//!
//! Taking a decision on a unit makes the layer, inside that unit and for the codes disagreed on, equal to the
//! chosen coders' codings clipped to the unit (their union for "both", nothing for "neither"); codings of the
//! layer outside the unit are kept as they were.

use super::disagree::UnitRef;
use super::report::{Question, categories, has_any, questions};
use super::units::{UnitData, UnitKind};
use super::{AgreeOptions, AgreementError, CodeTarget, Result, select};
use crate::model::{CoderFile, Coding};
use crate::store::Project;
use serde::Serialize;

/// A log entry for a decision (or its undo) on unit `r`; the log numbers it when it is appended.
pub fn log_entry(
    r: &UnitRef,
    by: &str,
    coders: &[String],
    choice: &str,
    took: &[String],
    note: Option<String>,
) -> crate::model::Decision {
    crate::model::Decision {
        n: 0,
        at: chrono::Utc::now(),
        by: by.to_string(),
        unit: format!("{}:{}:{}", r.doc, r.unit, r.target),
        doc: r.doc.clone(),
        start: r.start,
        end: r.end,
        code: r.target.to_string(),
        coders: coders.to_vec(),
        choice: choice.to_string(),
        took: took.to_vec(),
        note: note.filter(|n| !n.trim().is_empty()),
        undoes: None,
    }
}

/// The letter of a choice: `A`, `B`, … for one coder (by position in `coders`), `both` for all, `neither` for none.
pub fn choice_label(took: &[String], coders: &[String]) -> String {
    match took {
        [] => "neither".into(),
        [one] => coders
            .iter()
            .position(|c| c == one)
            .map_or(one.clone(), |i| ((b'A' + i as u8) as char).to_string()),
        all if all.len() == coders.len() => "both".into(),
        some => some.join("+"),
    }
}

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
    let t = p.transcript(&r.doc)?;
    if let Some(c) = from
        .iter()
        .find(|c| !p.coders.contains_key(*c) || **c == layer.coder)
    {
        return Err(AgreementError::NotACoder { name: c.clone() });
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
                AgreementError::SpanOutside {
                    start: piece.start,
                    end: piece.end,
                    doc: r.doc.clone(),
                }
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
pub fn seed(p: &Project, o: &AgreeOptions, layer: &mut CoderFile) -> Result<usize> {
    let sel = select(p, o)?;
    let data = UnitData::build(o.unit, &sel.docs, &sel.coders, &sel.codings);
    let mut refs: Vec<UnitRef> = Vec::new();
    for q in questions(&data, &p.codebook, &o.target) {
        let target = match &q {
            Question::Binary { target, .. } => target.clone(),
            Question::Domain { domain, .. } => CodeTarget::Domain(domain.clone()),
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
    let mut split = ByDoc::split(layer);
    let mut taken = 0;
    let mut done = Ok(());
    for r in refs {
        let file = split.doc(&r.doc);
        let codes = r.target.code_set(&p.codebook);
        if file
            .for_doc(&r.doc)
            .any(|c| codes.contains(&c.code) && c.overlaps(r.start, r.end))
        {
            continue;
        }
        if let Err(e) = take(p, file, &r, &sel.coders) {
            done = Err(e);
            break;
        }
        taken += 1;
    }
    split.join(layer);
    done.map(|()| taken)
}

/// A layer taken apart by document, so that many decisions (each of which changes one document's
/// codings) each shift only that document's codings: a seed of 100,000 units taken on the whole layer
/// moved the whole layer per unit. [`ByDoc::join`] puts the layer back together, in its order.
pub struct ByDoc {
    coder: String,
    docs: std::collections::BTreeMap<String, CoderFile>,
}

impl ByDoc {
    /// Takes the layer's codings out of it (they are kept sorted by document).
    pub fn split(layer: &mut CoderFile) -> Self {
        let mut docs: std::collections::BTreeMap<String, CoderFile> = Default::default();
        for c in std::mem::take(&mut layer.codings) {
            match docs.get_mut(&c.doc) {
                Some(f) => f.codings.push(c),
                None => {
                    let mut f = CoderFile::new(&layer.coder);
                    let doc = c.doc.clone();
                    f.codings.push(c);
                    docs.insert(doc, f);
                }
            }
        }
        ByDoc {
            coder: layer.coder.clone(),
            docs,
        }
    }

    /// The codings of one document, as a coder file of the layer's coder.
    pub fn doc(&mut self, doc: &str) -> &mut CoderFile {
        if !self.docs.contains_key(doc) {
            self.docs
                .insert(doc.to_string(), CoderFile::new(&self.coder));
        }
        self.docs.get_mut(doc).expect("just inserted")
    }

    /// Puts the codings back into the layer.
    pub fn join(self, layer: &mut CoderFile) {
        let n = self.docs.values().map(|f| f.codings.len()).sum();
        let mut all = Vec::with_capacity(n);
        for f in self.docs.into_values() {
            all.extend(f.codings);
        }
        layer.codings = all;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CONSENSUS_CODER, Codebook, Transcript};

    fn project() -> Project {
        let book: Codebook = serde_json::from_str(
            r#"{"version":1,"codes":[{"id":"x","name":"X"},{"id":"y","name":"Y"}]}"#,
        )
        .unwrap();
        let t = Transcript::parse(
            "Respondent: aaaa bbbb cccc.\n\nIntervjuare: dddd eeee.\n\nRespondent: ffff gggg.\n",
            "d",
        )
        .unwrap();
        Project::in_memory(book, [t])
    }

    fn add(p: &mut Project, coder: &str, s: usize, e: usize, code: &str) -> String {
        let c = Coding::new(&p.transcripts["d"], s, e, code, chrono::Utc::now()).unwrap();
        let id = c.id.clone();
        p.coder_mut(coder).insert(c);
        id
    }

    fn spans(f: &CoderFile) -> Vec<(usize, usize, &str)> {
        f.codings
            .iter()
            .map(|c| (c.start, c.end, c.code.as_str()))
            .collect()
    }

    fn turn(p: &Project, i: usize, code: &str) -> UnitRef {
        let t = &p.transcripts["d"].turns[i];
        UnitRef {
            doc: "d".into(),
            unit: format!("t{}", i + 1),
            start: t.start,
            end: t.end,
            target: CodeTarget::Code(code.into()),
        }
    }

    #[test]
    fn decisions_replace_the_layer_inside_the_unit_only() {
        let mut p = project();
        let turns = p.transcripts["d"].turns.clone();
        let (t1, t2, t3) = (&turns[0], &turns[1], &turns[2]);
        add(&mut p, "a", t2.start + 2, t2.start + 6, "x");
        add(&mut p, "a", t2.start, t2.end, "y");
        add(&mut p, "b", t2.start + 4, t2.end, "x");
        p.coder_mut("b");
        let mut layer = CoderFile::new(CONSENSUS_CODER);
        let whole = Coding::new(
            &p.transcripts["d"],
            t1.start,
            t3.end,
            "x",
            chrono::Utc::now(),
        )
        .unwrap();
        layer.insert(whole);
        let r = turn(&p, 1, "x");

        let out = take(&p, &mut layer, &r, &[]).unwrap();
        assert_eq!((out.removed.len(), out.added.len()), (1, 2));
        assert_eq!(
            spans(&layer),
            [(t1.start, t2.start, "x"), (t2.end, t3.end, "x")]
        );

        take(&p, &mut layer, &r, &["a".into()]).unwrap();
        assert_eq!(
            spans(&layer),
            [
                (t1.start, t2.start, "x"),
                (t2.start + 2, t2.start + 6, "x"),
                (t2.end, t3.end, "x")
            ]
        );
        assert_eq!(matches(&p, &["a".into(), "b".into()], &layer, &r), ["a"]);
        // Only code x was decided: a's y stays out of the layer.
        assert!(layer.codings.iter().all(|c| c.code == "x"));

        // Both: the union of a's and b's codings, joined with the touching rest of the old coding.
        take(&p, &mut layer, &r, &["a".into(), "b".into()]).unwrap();
        assert_eq!(
            spans(&layer),
            [
                (t1.start, t2.start, "x"),
                (t2.start + 2, t2.end, "x"),
                (t2.end, t3.end, "x")
            ]
        );
        assert_eq!(matches(&p, &["a".into(), "b".into()], &layer, &r), ["both"]);
        let ids: Vec<String> = layer.codings.iter().map(|c| c.id.clone()).collect();
        // Deciding the same again changes nothing, ids included.
        let out = take(&p, &mut layer, &r, &["a".into(), "b".into()]).unwrap();
        assert!(out.is_empty());
        assert_eq!(
            layer
                .codings
                .iter()
                .map(|c| c.id.clone())
                .collect::<Vec<_>>(),
            ids
        );
        // Quotes are the text of the new spans.
        for c in &layer.codings {
            assert_eq!(
                p.transcripts["d"].slice(c.start, c.end),
                Some(c.quote.as_str())
            );
        }
    }

    #[test]
    fn taking_from_unknown_or_self_is_refused() {
        let mut p = project();
        add(&mut p, "a", 12, 20, "x");
        let mut layer = CoderFile::new(CONSENSUS_CODER);
        let r = turn(&p, 0, "x");
        assert!(take(&p, &mut layer, &r, &["nobody".into()]).is_err());
        p.coder_mut(CONSENSUS_CODER);
        assert!(take(&p, &mut layer, &r, &[CONSENSUS_CODER.into()]).is_err());
        assert!(layer.codings.is_empty());
    }

    #[test]
    fn seeding_takes_the_agreed_units_of_every_document_and_keeps_the_layer_sorted() {
        let mut p = project();
        let text = p.transcripts["d"].text.clone();
        let e = Transcript::parse(&text, "e").unwrap();
        p.transcripts.insert("e".into(), e);
        let now = chrono::Utc::now();
        let mut layer = CoderFile::new(CONSENSUS_CODER);
        for doc in ["e", "d"] {
            let turns = p.transcripts[doc].turns.clone();
            for (i, code) in [(2, "y"), (0, "x"), (2, "x")] {
                let s = turns[i].start;
                for coder in ["a", "b"] {
                    let c = Coding::new(&p.transcripts[doc], s, s + 4, code, now).unwrap();
                    p.coder_mut(coder).insert(c);
                }
            }
            // The layer's own coding in e's second turn, which no coder made, stays as it is.
            if doc == "e" {
                let s = turns[1].start + 5;
                let c = Coding::new(&p.transcripts[doc], s, s + 4, "x", now).unwrap();
                layer.insert(c);
            }
        }
        let o = AgreeOptions {
            coders: vec!["a".into(), "b".into()],
            docs: None,
            unit: UnitKind::Turn,
            target: CodeTarget::AllCodes,
        };
        assert_eq!(seed(&p, &o, &mut layer).unwrap(), 6);
        let got: Vec<(&str, usize, &str)> = layer
            .codings
            .iter()
            .map(|c| (c.doc.as_str(), c.start, c.code.as_str()))
            .collect();
        let t = &p.transcripts["d"].turns;
        let (t0, t1, t2) = (t[0].start, t[1].start, t[2].start);
        assert_eq!(
            got,
            [
                ("d", t0, "x"),
                ("d", t2, "x"),
                ("d", t2, "y"),
                ("e", t0, "x"),
                ("e", t1 + 5, "x"),
                ("e", t2, "x"),
                ("e", t2, "y"),
            ]
        );
        // Seeding again takes nothing: every agreed unit has its codings already.
        let before = layer.clone();
        assert_eq!(seed(&p, &o, &mut layer).unwrap(), 0);
        assert_eq!(layer, before);
    }
}
