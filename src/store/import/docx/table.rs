//! Word tables: a speaker column (and maybe a time column) makes turns; other tables become rows of text.

use super::super::RawTurn;
use super::super::plain::Block;
use crate::model::transcript::{is_timestamp, parse_label};

/// A table being read: rows of cells of paragraphs.
#[derive(Debug, Default)]
pub struct Table {
    pub rows: Vec<Vec<Vec<String>>>,
}

/// Column headings that mark a table's first row as a header, not a turn.
const HEADINGS: &[&str] = &[
    "talare",
    "speaker",
    "namn",
    "name",
    "person",
    "vem",
    "roll",
    "role",
    "tid",
    "time",
    "tidskod",
    "timecode",
    "tidpunkt",
    "start",
    "text",
    "transkription",
    "transcript",
    "utsaga",
    "yttrande",
    "innehåll",
    "content",
    "svar",
    "fråga",
];

impl Table {
    pub fn start_cell(&mut self) {
        if self.rows.is_empty() {
            self.rows.push(Vec::new());
        }
        if let Some(row) = self.rows.last_mut() {
            row.push(Vec::new());
        }
    }

    pub fn push_paragraphs(&mut self, ps: Vec<String>) {
        if self.rows.last().is_none_or(|r| r.is_empty()) {
            self.start_cell();
        }
        if let Some(cell) = self.rows.last_mut().and_then(|r| r.last_mut()) {
            cell.extend(ps);
        }
    }

    /// Each row as one line: cells joined with ` | ` (used for tables inside tables).
    pub fn into_lines(self) -> Vec<String> {
        self.rows
            .iter()
            .map(|r| row_line(r))
            .filter(|l| !l.is_empty())
            .collect()
    }

    pub fn into_blocks(self) -> Vec<Block> {
        let rows: Vec<Vec<Vec<String>>> = self
            .rows
            .into_iter()
            .filter(|r| r.iter().any(|c| !joined(c).is_empty()))
            .collect();
        if let Some(blocks) = speaker_rows(&rows) {
            return blocks;
        }
        let mut out = Vec::new();
        for row in &rows {
            let filled: Vec<&Vec<String>> = row.iter().filter(|c| !joined(c).is_empty()).collect();
            match filled.as_slice() {
                // A one-column table (a transcript pasted into a frame) keeps its paragraphs.
                [cell] => out.extend(cell.iter().map(|p| Block::Text(p.clone()))),
                _ => out.push(Block::Text(row_line(row))),
            }
        }
        out
    }
}

fn joined(cell: &[String]) -> String {
    cell.iter()
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn row_line(row: &[Vec<String>]) -> String {
    row.iter()
        .map(|c| joined(c))
        .filter(|c| !c.is_empty())
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Which column holds what in a table of turns.
#[derive(Debug, Clone, Copy)]
struct Columns {
    time: Option<usize>,
    speaker: usize,
    text: usize,
}

/// Rows as turns when the table is laid out as `Speaker | Text` or `Time | Speaker | Text`
/// (in any order of the first two columns), with an optional heading row.
fn speaker_rows(rows: &[Vec<Vec<String>>]) -> Option<Vec<Block>> {
    let body = match rows.first() {
        Some(first) if first.iter().all(|c| is_heading(&joined(c))) => &rows[1..],
        _ => rows,
    };
    let width = body.first()?.len();
    if !(2..=3).contains(&width) || body.iter().any(|r| r.len() != width) {
        return None;
    }
    let col = |i: usize| body.iter().map(move |r| joined(&r[i]));
    let all_times = |i: usize| col(i).all(|c| c.is_empty() || is_timestamp(unbracket(&c)));
    let cols = match width {
        2 if all_times(0) => return Some(timed_rows(body)),
        2 => Columns {
            time: None,
            speaker: 0,
            text: 1,
        },
        _ if all_times(0) => Columns {
            time: Some(0),
            speaker: 1,
            text: 2,
        },
        _ if all_times(1) => Columns {
            time: Some(1),
            speaker: 0,
            text: 2,
        },
        _ => return None,
    };
    let speakers: Vec<String> = col(cols.speaker)
        .map(|s| s.trim_end_matches(':').trim().to_string())
        .collect();
    let named = speakers.iter().filter(|s| !s.is_empty()).count();
    let mut distinct: Vec<&String> = speakers.iter().filter(|s| !s.is_empty()).collect();
    distinct.sort();
    distinct.dedup();
    let speaker_chars: usize = speakers.iter().map(|s| s.chars().count()).sum();
    let text_chars: usize = col(cols.text).map(|s| s.chars().count()).sum();
    let plausible = named * 2 >= body.len()
        && distinct.len() <= 2.max(body.len() / 2)
        && speakers.iter().all(|s| s.is_empty() || speaker_like(s))
        && text_chars > speaker_chars;
    plausible.then(|| {
        body.iter()
            .zip(speakers)
            .map(|(row, speaker)| {
                let time = cols.time.map(|i| unbracket(&joined(&row[i])).to_string());
                Block::Turn(RawTurn {
                    speaker,
                    time: time.filter(|t| !t.is_empty()),
                    paragraphs: row[cols.text].clone(),
                })
            })
            .collect()
    })
}

/// `Time | Speaker: text` rows: the time joins the label when the text starts with one.
fn timed_rows(rows: &[Vec<Vec<String>>]) -> Vec<Block> {
    rows.iter()
        .flat_map(|row| {
            let time = joined(&row[0]);
            let mut pars = row[1].clone();
            if let Some(first) = pars.first_mut() {
                let stamped = format!("[{}] {}", unbracket(&time), first.trim_start());
                if !time.is_empty() && parse_label(&stamped, None).is_some() {
                    *first = stamped;
                }
            }
            pars.into_iter().map(Block::Text)
        })
        .collect()
}

fn unbracket(s: &str) -> &str {
    s.trim()
        .trim_start_matches(['[', '('])
        .trim_end_matches([']', ')'])
        .trim()
}

fn is_heading(s: &str) -> bool {
    let s = s.trim().trim_end_matches(':').to_lowercase();
    s.is_empty() || HEADINGS.contains(&s.as_str())
}

/// A speaker cell: a short name or role, in any case (`I`, `IP`, `intervjuare`, `Anna S.`).
fn speaker_like(s: &str) -> bool {
    (1..=40).contains(&s.chars().count())
        && s.split_whitespace().count() <= 5
        && !s.contains(['?', '!', ';', '"', '”', '“', '…', '\n'])
        // A final full stop only in an abbreviation (`Anna S.`, `Int.`), not after a sentence.
        && (!s.ends_with('.') || s.split_whitespace().last().is_some_and(|w| w.chars().count() <= 4))
}
