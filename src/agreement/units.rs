//! Units of analysis (speaker turns, sentences within turns, characters) and which codes each coder applied in each.

use crate::model::{Coding, Transcript};
use serde::Serialize;
use std::collections::HashMap;
use unicode_segmentation::UnicodeSegmentation;

/// What one unit of analysis is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// A speaker turn's text (the label `Respondent:` excluded).
    #[default]
    Turn,
    /// A sentence (Unicode sentence boundaries) inside a turn, surrounding spaces trimmed.
    Sentence,
    /// One character of a turn's text.
    Char,
}

impl UnitKind {
    pub fn name(self) -> &'static str {
        match self {
            UnitKind::Turn => "turn",
            UnitKind::Sentence => "sentence",
            UnitKind::Char => "char",
        }
    }

    /// One letter used in unit references: `t12`, `s40`, `c100-140`.
    pub fn letter(self) -> char {
        match self {
            UnitKind::Turn => 't',
            UnitKind::Sentence => 's',
            UnitKind::Char => 'c',
        }
    }

    /// What counted as a unit, in words, for every output.
    pub fn description(self) -> &'static str {
        match self {
            UnitKind::Turn => {
                "one unit per speaker turn: the turn's text after its speaker label; a coding counts in every turn it overlaps"
            }
            UnitKind::Sentence => {
                "one unit per sentence inside a speaker turn (Unicode sentence boundaries, UAX #29; surrounding whitespace trimmed, blank pieces skipped); a coding counts in every sentence it overlaps"
            }
            UnitKind::Char => {
                "one unit per character of the speakers' turn text (labels and blank lines between turns excluded); a coding counts in the characters it covers"
            }
        }
    }
}

/// The units of one transcript as char ranges `[start, end)`, in text order.
pub fn segment(t: &Transcript, kind: UnitKind) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for turn in t.turns.iter().filter(|x| x.start < x.end) {
        match kind {
            UnitKind::Turn => out.push((turn.start, turn.end)),
            UnitKind::Char => out.extend((turn.start..turn.end).map(|c| (c, c + 1))),
            UnitKind::Sentence => {
                let Some(text) = t.slice(turn.start, turn.end) else {
                    continue;
                };
                let mut pos = turn.start;
                for s in text.split_sentence_bounds() {
                    let len = s.chars().count();
                    let lead = s.chars().take_while(|c| c.is_whitespace()).count();
                    let trail = s.chars().rev().take_while(|c| c.is_whitespace()).count();
                    if lead < len {
                        out.push((pos + lead, pos + len - trail));
                    }
                    pos += len;
                }
            }
        }
    }
    out
}

/// One unit of analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    /// Index into `UnitData::docs`.
    pub doc: usize,
    /// 1-based number of the unit within its transcript.
    pub number: usize,
    pub start: usize,
    pub end: usize,
}

/// Every unit of the compared transcripts, with the codes each coder applied in it.
#[derive(Debug, Clone)]
pub struct UnitData {
    pub kind: UnitKind,
    pub docs: Vec<String>,
    pub coders: Vec<String>,
    pub units: Vec<Unit>,
    /// Code ids, interned: `applied` refers to them by index.
    pub codes: Vec<String>,
    /// `applied[u][i]`: sorted indices of the codes coder i applied in unit u.
    pub applied: Vec<Vec<Vec<u32>>>,
}

impl UnitData {
    /// Builds the units of `docs` and marks every coding of every coder (`codings[i]` for coder i).
    pub fn build(
        kind: UnitKind,
        docs: &[&Transcript],
        coders: &[String],
        codings: &[Vec<&Coding>],
    ) -> UnitData {
        let mut data = UnitData {
            kind,
            docs: docs.iter().map(|t| t.id.clone()).collect(),
            coders: coders.to_vec(),
            units: Vec::new(),
            codes: Vec::new(),
            applied: Vec::new(),
        };
        let mut index: HashMap<String, u32> = HashMap::new();
        // Each coder's codings by document, in their order (a scan of every coding per document was
        // documents × codings: 20 s for 1,000 transcripts and two coders' 730,000 codings).
        let by_doc: Vec<HashMap<&str, Vec<&Coding>>> = codings
            .iter()
            .map(|list| {
                let mut m: HashMap<&str, Vec<&Coding>> = HashMap::new();
                for c in list {
                    m.entry(c.doc.as_str()).or_default().push(c);
                }
                m
            })
            .collect();
        for (d, t) in docs.iter().enumerate() {
            let first = data.units.len();
            let spans = segment(t, kind);
            for (n, (start, end)) in spans.iter().enumerate() {
                data.units.push(Unit {
                    doc: d,
                    number: n + 1,
                    start: *start,
                    end: *end,
                });
                data.applied.push(vec![Vec::new(); coders.len()]);
            }
            for (i, list) in by_doc.iter().enumerate() {
                for c in list.get(t.id.as_str()).into_iter().flatten() {
                    let next = index.len() as u32;
                    let code = *index.entry(c.code.clone()).or_insert_with(|| {
                        data.codes.push(c.code.clone());
                        next
                    });
                    let mut u = first + spans.partition_point(|s| s.1 <= c.start);
                    while u < data.units.len() && data.units[u].start < c.end {
                        let set = &mut data.applied[u][i];
                        if let Err(pos) = set.binary_search(&code) {
                            set.insert(pos, code);
                        }
                        u += 1;
                    }
                }
            }
        }
        data
    }

    pub fn code_index(&self, id: &str) -> Option<u32> {
        self.codes.iter().position(|c| c == id).map(|i| i as u32)
    }

    /// A unit's reference inside its transcript: `t12`, `s40`, `c100-140`.
    pub fn unit_ref(&self, u: &Unit) -> String {
        match self.kind {
            UnitKind::Char => format!("c{}-{}", u.start, u.end),
            k => format!("{}{}", k.letter(), u.number),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Transcript {
        Transcript::parse(
            "Intervjuare: Hur går det? Bra.\n\nRespondent: Vi har för lite resurser. Det är svårt!\n",
            "d",
        )
        .unwrap()
    }

    #[test]
    fn turns_sentences_and_chars() {
        let t = doc();
        let turns = segment(&t, UnitKind::Turn);
        assert_eq!(turns.len(), 2);
        assert_eq!(
            t.slice(turns[1].0, turns[1].1),
            Some("Vi har för lite resurser. Det är svårt!")
        );
        let sents: Vec<&str> = segment(&t, UnitKind::Sentence)
            .iter()
            .map(|(s, e)| t.slice(*s, *e).unwrap())
            .collect();
        assert_eq!(
            sents,
            [
                "Hur går det?",
                "Bra.",
                "Vi har för lite resurser.",
                "Det är svårt!"
            ]
        );
        let chars = segment(&t, UnitKind::Char);
        assert_eq!(chars.len(), "Hur går det? Bra.".chars().count() + 39);
    }

    #[test]
    fn codings_mark_every_unit_they_overlap() {
        let t = doc();
        let turn = t.turns[1].clone();
        let now = chrono::Utc::now();
        let a = Coding::new(&t, turn.start + 3, turn.start + 30, "x", now).unwrap();
        let b = Coding::new(&t, turn.start, turn.start + 2, "y", now).unwrap();
        let coders = vec!["a".to_string(), "b".to_string()];
        let data = UnitData::build(UnitKind::Sentence, &[&t], &coders, &[vec![&a], vec![&b]]);
        let x = data.code_index("x").unwrap();
        let y = data.code_index("y").unwrap();
        assert_eq!(data.applied[2], vec![vec![x], vec![y]]);
        assert_eq!(data.applied[3], vec![vec![x], vec![]]);
        assert_eq!(data.applied[0], vec![Vec::<u32>::new(), vec![]]);
        assert_eq!(data.unit_ref(&data.units[3]), "s4");
    }
}
