//! The segments screen: every segment coded with a code or its descendants, for one coder or all, filtered by
//! attributes; its state, the query behind it and its `update`.

use super::action::{Command, Mouse};
use super::app::{Level, PromptFor};
use super::layout::{contains, keep_visible};
use super::picker::Purpose;
use super::screen::{Request, SEGMENT_ROWS, Shared, list_motion, segment_page};
use crate::model::Coding;
use crate::store::Project;
use crate::t;
use std::collections::HashMap;

/// One retrieved passage with what is needed to show and reach it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub coder: String,
    pub id: String,
    pub doc: String,
    pub start: usize,
    pub end: usize,
    pub code: String,
    pub case: String,
    pub group: String,
    pub speaker: String,
    /// 1-based turn number.
    pub turn: usize,
    pub quote: String,
}

/// `key:value` (or `key=value`), or `key!=value`; values compare case-insensitively.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cond {
    pub key: String,
    pub value: String,
    pub negate: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Retrieval {
    pub code: Option<String>,
    /// All coders, or only the current one.
    pub all: bool,
    /// The filter as typed.
    pub filter: String,
    conds: Vec<Cond>,
    pub rows: Vec<Segment>,
    pub selected: usize,
    pub top: usize,
}

impl Retrieval {
    /// Lists the segments of `code` from the first.
    pub fn show(&mut self, code: &str, cx: &Shared) {
        self.code = Some(code.to_string());
        self.selected = 0;
        self.top = 0;
        self.refresh(cx);
    }

    /// Re-runs the query (after codings, codebook, scope or filter changed).
    pub fn refresh(&mut self, cx: &Shared) {
        let Some(code) = self.code.clone() else {
            return;
        };
        if cx.project.codebook.get(&code).is_none() {
            self.code = None;
            self.rows.clear();
            return;
        }
        let all = self.all && !cx.layers.blind;
        self.rows = query(cx.project, cx.coder, &code, all, &self.conds);
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
    }

    /// Sets the attribute filter (the prompt stays open on an error, so it can be corrected).
    pub fn set_filter(&mut self, text: &str, cx: &Shared) -> Result<(), String> {
        self.conds = parse_filter(text)?;
        self.filter = text.trim().to_string();
        self.selected = 0;
        self.refresh(cx);
        Ok(())
    }

    /// Keeps the selected segment on screen (after a resize).
    pub fn clamp(&mut self, cx: &Shared) {
        self.top = keep_visible(self.top, self.selected, segment_page(cx.main));
    }

    pub fn update(&mut self, c: Command, cx: &Shared) -> Vec<Request> {
        let page = segment_page(cx.main);
        let sel = self.selected;
        let last = self.rows.len().saturating_sub(1);
        self.selected = list_motion(c, sel, last, page);
        self.top = keep_visible(self.top, self.selected, page);
        match c {
            Command::Jump => self
                .rows
                .get(sel)
                .map_or_else(Vec::new, |s| super::summary::jump(s, cx)),
            Command::ToggleScope if cx.layers.blind => {
                vec![Request::Say(Level::Warn, t!("tui-blind-only-yours-listed"))]
            }
            Command::ToggleScope => {
                self.all = !self.all;
                self.refresh(cx);
                Vec::new()
            }
            Command::Filter => vec![Request::Prompt {
                title: t!("tui-filter-prompt"),
                text: self.filter.clone(),
                purpose: PromptFor::Filter,
            }],
            Command::ChooseCode => vec![Request::Pick(Purpose::Retrieve)],
            Command::Cancel => vec![Request::Close],
            _ => Vec::new(),
        }
    }

    /// A click selects a segment; the wheel moves through them.
    pub fn mouse(&mut self, m: Mouse, cx: &Shared) -> Vec<Request> {
        let main = cx.main;
        match m {
            Mouse::Down { x, y } if contains(main, x, y) && y > main.y + 1 => {
                let i = self.top + (y - main.y - 2) as usize / SEGMENT_ROWS;
                if i < self.rows.len() {
                    self.selected = i;
                }
                Vec::new()
            }
            Mouse::ScrollDown { .. } => self.update(Command::Down, cx),
            Mouse::ScrollUp { .. } => self.update(Command::Up, cx),
            _ => Vec::new(),
        }
    }
}

/// Parses `grupp:låg role!=kommunchef` (spaces or commas between conditions): `key:value` as in search, with
/// `key=value` accepted too and `key!=value` (or `-key:value`) for "not"; values compare case-insensitively.
pub fn parse_filter(s: &str) -> Result<Vec<Cond>, String> {
    s.split([' ', ','])
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            let (p, negated) = match p.strip_prefix('-') {
                Some(rest) => (rest, true),
                None => (p, false),
            };
            let (k, v, negate) = if let Some((k, v)) = p.split_once("!=") {
                (k, v, true)
            } else if let Some((k, v)) = crate::model::filter::split_kv(p) {
                (k, v, negated)
            } else if p.contains([':', '=']) {
                return Err(t!("tui-filter-no-key", found = format!("{p:?}")));
            } else {
                return Err(t!("tui-filter-expected", found = format!("{p:?}")));
            };
            if k.trim().is_empty() {
                return Err(t!("tui-filter-no-key", found = format!("{p:?}")));
            }
            Ok(Cond {
                key: k.trim().to_lowercase(),
                value: v.trim().to_lowercase(),
                negate,
            })
        })
        .collect()
}

/// The value of an attribute for a segment: its own fields, the case's attributes, then the transcript header.
fn attr(p: &Project, s: &Segment, key: &str) -> String {
    let own = match key {
        "coder" => Some(s.coder.clone()),
        "doc" | "transcript" => Some(s.doc.clone()),
        "case" => Some(s.case.clone()),
        "speaker" => Some(s.speaker.clone()),
        "group" => Some(s.group.clone()),
        _ => None,
    };
    if let Some(v) = own {
        return v;
    }
    if let Some(case) = p.cases.get(&s.case)
        && let Some((_, v)) = case.attrs.iter().find(|(k, _)| k.to_lowercase() == key)
    {
        return v.clone();
    }
    p.transcripts
        .get(&s.doc)
        .and_then(|t| {
            t.header
                .fields
                .iter()
                .find(|(k, _)| k.to_lowercase() == key)
        })
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

fn keep(p: &Project, s: &Segment, conds: &[Cond]) -> bool {
    conds
        .iter()
        .all(|c| crate::model::filter::same_value(&attr(p, s, &c.key), &c.value) != c.negate)
}

/// A coding as a listed segment, with its case, group, speaker and turn (None when its transcript is unknown).
pub fn segment_of(p: &Project, coder: &str, c: &Coding) -> Option<Segment> {
    let t = p.transcripts.get(&c.doc)?;
    let turn = t.turn_at(c.start);
    Some(Segment {
        coder: coder.to_string(),
        id: c.id.clone(),
        doc: c.doc.clone(),
        start: c.start,
        end: c.end,
        code: c.code.clone(),
        case: t.case().to_string(),
        group: p.group_of(&c.doc).to_string(),
        speaker: turn
            .and_then(|i| t.turns.get(i))
            .map(|tr| tr.speaker.clone())
            .unwrap_or_default(),
        turn: turn.map_or(0, |i| i + 1),
        quote: t.slice(c.start, c.end).unwrap_or(&c.quote).to_string(),
    })
}

/// Orders segments by case (cases.csv order), transcript, position and coder.
pub fn sort_segments(p: &Project, rows: &mut [Segment]) {
    // Each case's rank looked up once (not a scan of cases.csv per comparison: a cell of a large study
    // lists tens of thousands of segments of 300 cases); the first row of a case name counts.
    let mut ranks: HashMap<&str, usize> = HashMap::new();
    for (i, c) in p.cases.cases.iter().enumerate() {
        ranks.entry(c.name.as_str()).or_insert(i);
    }
    let case_rank = |case: &str| ranks.get(case).copied().unwrap_or(usize::MAX);
    // Stable, as the comparison it replaces.
    rows.sort_by_cached_key(|s| {
        (
            case_rank(&s.case),
            s.case.clone(),
            s.doc.clone(),
            s.start,
            s.coder.clone(),
        )
    });
}

/// Segments of `code` and its descendants, ordered by case, transcript and position.
pub fn query(p: &Project, me: &str, code: &str, all: bool, conds: &[Cond]) -> Vec<Segment> {
    let codes = p.codebook.descendants(code);
    let mut out: Vec<Segment> = p
        .all_codings()
        .filter(|(coder, c)| (all || *coder == me) && codes.contains(&c.code))
        .filter_map(|(coder, c)| segment_of(p, coder, c))
        .filter(|s| keep(p, s, conds))
        .collect();
    sort_segments(p, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_parse() {
        let c = parse_filter("grupp=låg, role!=Kommunchef").unwrap();
        assert_eq!(c.len(), 2);
        assert!(c[1].negate);
        assert_eq!(c[1].value, "kommunchef");
        assert!(parse_filter("grupp").is_err());
        // The search syntax and the = form mean the same.
        assert_eq!(
            parse_filter("grupp:Låg speaker:Respondent").unwrap(),
            parse_filter("grupp=låg,speaker=respondent").unwrap()
        );
        assert!(parse_filter("-grupp:hög").unwrap()[0].negate);
        assert!(parse_filter(":låg").is_err());
        assert!(parse_filter("").unwrap().is_empty());
    }
}
