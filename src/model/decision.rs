//! The consensus decision log: who decided which unit and code how, when, and why; an undo is an entry too.
//!
//! The consensus layer itself only holds codings, so it cannot tell "decided: neither" from "not decided yet". The log
//! beside it (`codings/<layer>.decisions.jsonl`, one JSON object per line, oldest first) can.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What was decided: a coder's codings (`A`, `B`, … in the order of `coders`), `both` (all), `neither`, or `undo`.
pub const UNDO: &str = "undo";

/// One entry of the log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// 1-based number of the entry in its log.
    pub n: u64,
    pub at: DateTime<Utc>,
    /// Who decided (the session's coder name).
    pub by: String,
    /// The disagreement id: `doc:unit:target`, as `kodbok agree --disagreements` lists it.
    pub unit: String,
    pub doc: String,
    pub start: usize,
    pub end: usize,
    /// The code (`C`, `C+` with sub-codes, `@C` for a domain).
    pub code: String,
    /// The coders being reconciled, in the order the letters A, B, … refer to.
    pub coders: Vec<String>,
    /// `A`, `B`, … , `both`, `neither` or `undo`.
    pub choice: String,
    /// The coders whose codings the layer took (empty for neither and undo).
    #[serde(default)]
    pub took: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// For an undo: the entry it takes back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub undoes: Option<u64>,
}

/// The whole log of one consensus layer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DecisionLog {
    pub entries: Vec<Decision>,
}

/// Effective decisions counted by choice, for the report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DecisionCounts {
    /// Units with an effective (not undone) decision.
    pub units: usize,
    /// Per choice (`A`, `B`, `both`, `neither`): how many units.
    pub by_choice: BTreeMap<String, usize>,
    /// Undo entries in the log.
    pub undos: usize,
    /// Who decided, with the number of effective decisions.
    pub by: BTreeMap<String, usize>,
    pub first: Option<DateTime<Utc>>,
    pub last: Option<DateTime<Utc>>,
}

impl DecisionLog {
    /// The next entry number.
    pub fn next_n(&self) -> u64 {
        self.entries.last().map_or(1, |d| d.n + 1)
    }

    /// The decisions of a unit still in force, oldest first: each undo takes back the latest one in force.
    fn stack(&self, unit: &str) -> Vec<&Decision> {
        let mut stack: Vec<&Decision> = Vec::new();
        for d in self.entries.iter().filter(|d| d.unit == unit) {
            if d.choice == UNDO {
                match d.undoes {
                    Some(n) => stack.retain(|x| x.n != n),
                    None => {
                        stack.pop();
                    }
                }
            } else {
                stack.push(d);
            }
        }
        stack
    }

    /// The decision in force on a unit: None when it was never decided or every decision was undone.
    pub fn current(&self, unit: &str) -> Option<&Decision> {
        self.stack(unit).last().copied()
    }

    /// The entry an undo of this unit would take back.
    pub fn undo_target(&self, unit: &str) -> Option<&Decision> {
        self.current(unit)
    }

    /// The effective decision of every decided unit.
    pub fn in_force(&self) -> Vec<&Decision> {
        let mut units: Vec<&str> = self.entries.iter().map(|d| d.unit.as_str()).collect();
        units.sort_unstable();
        units.dedup();
        units.into_iter().filter_map(|u| self.current(u)).collect()
    }

    pub fn counts(&self) -> DecisionCounts {
        let mut c = DecisionCounts {
            undos: self.entries.iter().filter(|d| d.choice == UNDO).count(),
            first: self.entries.first().map(|d| d.at),
            last: self.entries.last().map(|d| d.at),
            ..DecisionCounts::default()
        };
        for d in self.in_force() {
            c.units += 1;
            *c.by_choice.entry(d.choice.clone()).or_default() += 1;
            *c.by.entry(d.by.clone()).or_default() += 1;
        }
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(n: u64, unit: &str, choice: &str, undoes: Option<u64>) -> Decision {
        Decision {
            n,
            at: Utc::now(),
            by: "anna".into(),
            unit: unit.into(),
            doc: "d".into(),
            start: 0,
            end: 5,
            code: "x".into(),
            coders: vec!["a".into(), "b".into()],
            choice: choice.into(),
            took: Vec::new(),
            note: None,
            undoes,
        }
    }

    #[test]
    fn undo_takes_back_the_decision_in_force() {
        let mut log = DecisionLog::default();
        assert_eq!(log.next_n(), 1);
        log.entries.push(d(1, "u1", "A", None));
        log.entries.push(d(2, "u1", "neither", None));
        log.entries.push(d(3, "u2", "both", None));
        assert_eq!(log.current("u1").unwrap().choice, "neither");
        log.entries.push(d(4, "u1", UNDO, Some(2)));
        assert_eq!(log.current("u1").unwrap().choice, "A");
        log.entries.push(d(5, "u1", UNDO, Some(1)));
        assert_eq!(log.current("u1"), None);
        assert_eq!(log.current("nope"), None);
        let c = log.counts();
        assert_eq!((c.units, c.undos), (1, 2));
        assert_eq!(c.by_choice["both"], 1);
        assert_eq!(log.next_n(), 6);
    }
}
