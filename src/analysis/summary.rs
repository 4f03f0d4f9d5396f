//! Per code and per group: cases, interviews, segments and word coverage, with the codings behind each number.
//!
//! A theme (any code with sub-codes) counts its own codings and its descendants'. A TUI can call
//! [`compute`] and, for any cell, list the segments behind it with [`crate::analysis::codings_by_ids`].

use super::fisher::{Fisher, fisher_exact};
use super::{Grouping, Layer, Result, layer_codings, merge_ranges};
use crate::model::Coding;
use crate::store::Project;
use crate::store::stats::{self, DocStats};
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};

/// The comparison for one layer and one grouping attribute.
#[derive(Debug, Clone)]
pub struct Summary {
    pub layer: Layer,
    /// Coders whose files make up the layer.
    pub coders: Vec<String>,
    /// The attribute grouped by (`grupp`).
    pub attr: String,
    /// One entry per group value, in cases.csv order.
    pub groups: Vec<GroupInfo>,
    /// The whole project.
    pub total: GroupInfo,
    /// One row per code, in codebook order (themes before their sub-codes).
    pub rows: Vec<CodeRow>,
    /// Transcripts in which the layer has any coding.
    pub coded_docs: Vec<String>,
    /// Codings left out because their transcript or code is unknown or their span is out of range.
    pub skipped: Vec<String>,
    /// Group values written in several ways (`Hög`, `hög`) that were counted as one group.
    pub merged: Vec<super::MergedSpellings>,
    /// The layer's countable codings in layer order (coder, then file order), as
    /// [`super::LayerData::load`] lists them for the same project; cells refer to them by index.
    pub codings: Vec<Counted>,
    /// The case of each transcript of `total.docs`, in the same order.
    pub doc_cases: Vec<String>,
}

/// One counted coding: its id, its coder (an index into `Summary::coders`) and its transcript (an index
/// into `Summary::total.docs`).
#[derive(Debug, Clone)]
pub struct Counted {
    pub id: String,
    pub coder: usize,
    pub doc: usize,
}

/// A group's size.
#[derive(Debug, Clone, Serialize)]
pub struct GroupInfo {
    /// The group value; None for the whole project.
    pub value: Option<String>,
    pub cases: Vec<String>,
    pub docs: Vec<String>,
    pub words: usize,
}

#[derive(Debug, Clone)]
pub struct CodeRow {
    pub code: String,
    pub name: String,
    pub path: String,
    /// 0 for a top-level theme.
    pub depth: usize,
    pub has_children: bool,
    /// One cell per group, in the order of `Summary::groups`.
    pub cells: Vec<Cell>,
    pub total: Cell,
    /// With exactly two groups: Fisher's exact test on cases (coded / not coded × first / second group).
    pub fisher: Option<Fisher>,
}

/// One number set: where a code was coded within one group, and the codings behind it.
#[derive(Debug, Clone, Default)]
pub struct Cell {
    /// Cases (by name) with at least one coding.
    pub cases: Vec<String>,
    /// Transcripts with at least one coding.
    pub docs: Vec<String>,
    /// Every coding counted, in layer order (coder, then file order): indices into `Summary::codings`.
    pub codings: Vec<usize>,
    /// Words of the group's transcripts touched by at least one of these codings.
    pub words: usize,
    pub cases_in_group: usize,
    pub interviews_in_group: usize,
    pub words_in_group: usize,
    /// This group's case share minus the share among the cases of all other groups (None without other groups).
    pub case_share_difference: Option<f64>,
    pub interview_share_difference: Option<f64>,
}

fn share(n: usize, d: usize) -> f64 {
    if d == 0 { 0.0 } else { n as f64 / d as f64 }
}

impl Cell {
    pub fn segments(&self) -> usize {
        self.codings.len()
    }
    pub fn case_share(&self) -> f64 {
        share(self.cases.len(), self.cases_in_group)
    }
    pub fn interview_share(&self) -> f64 {
        share(self.docs.len(), self.interviews_in_group)
    }
    pub fn word_share(&self) -> f64 {
        share(self.words, self.words_in_group)
    }
}

impl Summary {
    /// "Upper and lower case are not told apart in group values: Hög / hög count as Hög." in `lang`, or
    /// None when no value was written in several ways.
    pub fn merged_note(&self, lang: crate::i18n::Lang) -> Option<String> {
        if self.merged.is_empty() {
            return None;
        }
        let merged: Vec<String> = self
            .merged
            .iter()
            .map(|m| {
                crate::t_in!(
                    lang,
                    "spellings-merged-one",
                    spellings = m.spellings.join(" / "),
                    shown = m.shown.as_str()
                )
            })
            .collect();
        Some(crate::t_in!(
            lang,
            "spellings-merged",
            merged = merged.join("; ")
        ))
    }

    pub fn row(&self, code: &str) -> Option<&CodeRow> {
        self.rows.iter().find(|r| r.code == code)
    }

    /// The cell of `code` in group `value` (the total when None).
    pub fn cell(&self, code: &str, value: Option<&str>) -> Option<&Cell> {
        let row = self.row(code)?;
        match value {
            None => Some(&row.total),
            Some(v) => {
                let i = self
                    .groups
                    .iter()
                    .position(|g| g.value.as_deref() == Some(v))?;
                row.cells.get(i)
            }
        }
    }

    /// The ids of the codings behind a cell, in layer order.
    pub fn coding_ids<'s>(&'s self, c: &'s Cell) -> impl Iterator<Item = &'s str> + 's {
        c.codings.iter().map(|&k| self.codings[k].id.as_str())
    }

    /// Index of a group value in `groups`.
    pub fn group_index(&self, value: &str) -> Option<usize> {
        self.groups
            .iter()
            .position(|g| g.value.as_deref() == Some(value))
    }
}

/// Computes the comparison of `layer` grouped by `attr` (a cases.csv column or a transcript header field),
/// over the transcripts `p` holds; their word spans come from the statistics cache (`store::stats`).
pub fn compute(p: &Project, layer: &Layer, attr: &str) -> Result<Summary> {
    compute_with(p, &stats::for_project(p), layer, attr)
}

/// [`compute`] over the transcripts' statistics `docs` (one per transcript, in id order), without their
/// text: `p` needs its codebook, cases.csv and coder files only.
pub fn compute_with(p: &Project, docs: &[DocStats], layer: &Layer, attr: &str) -> Result<Summary> {
    let by_id: HashMap<&str, usize> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    // A coder's codings come transcript by transcript: the last transcript found is tried first.
    let mut last: Option<(&str, usize)> = None;
    let (coders, counted, skipped) = layer_codings(p, layer, |id| {
        let i = match last {
            Some((l, i)) if l == id => i,
            _ => {
                let i = *by_id.get(id)?;
                last = Some((docs[i].id.as_str(), i));
                i
            }
        };
        Some((i, docs[i].char_len))
    })?;
    let grouping = Grouping::over(p, attr, &docs.iter().collect::<Vec<_>>())?;
    // Each transcript's group, as an index into `grouping.values` (None: a value outside them).
    let doc_group: Vec<Option<usize>> = docs
        .iter()
        .map(|d| {
            let v = grouping.value_of(p, d);
            grouping.values.iter().position(|x| x == v)
        })
        .collect();
    let info = |g: Option<usize>| {
        let value = g.map(|g| grouping.values[g].as_str());
        let mine: Vec<&DocStats> = docs
            .iter()
            .zip(&doc_group)
            .filter(|(_, dg)| g.is_none() || **dg == g)
            .map(|(d, _)| d)
            .collect();
        let mut cases: BTreeSet<String> = grouping
            .listed_cases_in(p, value)
            .into_iter()
            .map(str::to_string)
            .collect();
        cases.extend(
            mine.iter()
                .map(|d| d.case())
                .filter(|c| !c.is_empty())
                .map(str::to_string),
        );
        GroupInfo {
            value: value.map(str::to_string),
            cases: cases.into_iter().collect(),
            docs: mine.iter().map(|d| d.id.clone()).collect(),
            words: mine.iter().map(|d| d.words).sum(),
        }
    };
    let groups: Vec<GroupInfo> = (0..grouping.values.len()).map(|g| info(Some(g))).collect();
    let total = info(None);
    let flat = p.codebook.flatten();
    let per_row = codings_per_row(p, &flat, &counted);
    let covered = words_per_row_and_doc(docs, &counted, &per_row);
    let mut case_names: Vec<&str> = docs
        .iter()
        .map(|d| d.case())
        .filter(|c| !c.is_empty())
        .collect();
    case_names.sort_unstable();
    case_names.dedup();
    let doc_case = docs
        .iter()
        .map(|d| case_names.binary_search(&d.case()).ok())
        .collect();
    let ctx = Tallying {
        docs,
        doc_group: &doc_group,
        counted: &counted,
        case_names,
        doc_case,
        rest: rest_sizes(&groups),
    };
    let rows = flat
        .iter()
        .zip(per_row.iter().zip(&covered))
        .map(|(f, (mine, words))| code_row(p, &ctx, f, mine, words, &groups, &total))
        .collect();
    // Flags by transcript, read in id order.
    let mut coded = vec![false; docs.len()];
    for c in &counted {
        coded[c.2] = true;
    }
    let coded_docs = docs
        .iter()
        .zip(&coded)
        .filter(|(_, c)| **c)
        .map(|(d, _)| d.id.clone())
        .collect();
    let codings = counted
        .iter()
        .map(|&(coder, c, doc)| Counted {
            id: c.id.clone(),
            coder: coders.iter().position(|x| x == coder).unwrap_or(0),
            doc,
        })
        .collect();
    Ok(Summary {
        codings,
        doc_cases: docs.iter().map(|d| d.case().to_string()).collect(),
        layer: layer.clone(),
        coders,
        attr: attr.to_string(),
        groups,
        total,
        rows,
        coded_docs,
        skipped,
        merged: grouping.merged.clone(),
    })
}

/// What every cell of the comparison reads: the transcripts, each one's group and case (an index into
/// `case_names`, in name order) and the layer's codings (coder, coding, index into `docs`).
struct Tallying<'a> {
    docs: &'a [DocStats],
    doc_group: &'a [Option<usize>],
    counted: &'a [(&'a str, &'a Coding, usize)],
    case_names: Vec<&'a str>,
    doc_case: Vec<Option<usize>>,
    /// Per group: the cases and transcripts of all other groups ([`rest_sizes`]).
    rest: Vec<(usize, usize)>,
}

/// One cell being counted: which cases and transcripts it has met (by index, so in name order), and its
/// codings (indices into `counted`).
struct Tally {
    cases: Vec<bool>,
    docs: Vec<bool>,
    codings: Vec<usize>,
    words: usize,
}

impl Tally {
    fn new(ctx: &Tallying) -> Tally {
        Tally {
            cases: vec![false; ctx.case_names.len()],
            docs: vec![false; ctx.docs.len()],
            codings: Vec::new(),
            words: 0,
        }
    }

    fn add(&mut self, ctx: &Tallying, d: usize, k: usize) {
        self.docs[d] = true;
        if let Some(c) = ctx.doc_case[d] {
            self.cases[c] = true;
        }
        self.codings.push(k);
    }

    fn cell(self, ctx: &Tallying, info: &GroupInfo) -> Cell {
        let met = |flags: &[bool], name: &dyn Fn(usize) -> String| -> Vec<String> {
            flags
                .iter()
                .enumerate()
                .filter(|(_, m)| **m)
                .map(|(i, _)| name(i))
                .collect()
        };
        Cell {
            cases: met(&self.cases, &|i| ctx.case_names[i].to_string()),
            docs: met(&self.docs, &|i| ctx.docs[i].id.clone()),
            codings: self.codings,
            words: self.words,
            cases_in_group: info.cases.len(),
            interviews_in_group: info.docs.len(),
            words_in_group: info.words,
            case_share_difference: None,
            interview_share_difference: None,
        }
    }
}

/// Per row of `flat`: the indices into `counted` of the codings it counts (its code's and its
/// descendants'), in layer order.
fn codings_per_row(
    p: &Project,
    flat: &[crate::model::codebook::FlatCode],
    counted: &[(&str, &Coding, usize)],
) -> Vec<Vec<usize>> {
    let mut rows_of: HashMap<String, Vec<usize>> = HashMap::new();
    for (r, f) in flat.iter().enumerate() {
        for member in p.codebook.descendants(&f.code.id) {
            rows_of.entry(member).or_default().push(r);
        }
    }
    let mut out = vec![Vec::new(); flat.len()];
    let none = Vec::new();
    // Codings of one code often follow each other: the last code's rows are tried first.
    let mut last: Option<(&str, &Vec<usize>)> = None;
    for (k, c) in counted.iter().enumerate() {
        let rows = match last {
            Some((code, rows)) if code == c.1.code => rows,
            _ => {
                let rows = rows_of.get(&c.1.code).unwrap_or(&none);
                last = Some((c.1.code.as_str(), rows));
                rows
            }
        };
        for &r in rows {
            out[r].push(k);
        }
    }
    out
}

/// Per row: (transcript, words of it touched by the row's codings), one transcript at a time so that only
/// its word spans are decoded.
fn words_per_row_and_doc(
    docs: &[DocStats],
    counted: &[(&str, &Coding, usize)],
    per_row: &[Vec<usize>],
) -> Vec<Vec<(usize, usize)>> {
    let mut by_doc: Vec<Vec<(usize, usize, usize)>> = vec![Vec::new(); docs.len()];
    for (r, ks) in per_row.iter().enumerate() {
        for &k in ks {
            let (_, c, d) = counted[k];
            by_doc[d].push((r, c.start, c.end));
        }
    }
    let mut out = vec![Vec::new(); per_row.len()];
    let mut words = Vec::new();
    for (d, mut spans) in by_doc.into_iter().enumerate() {
        if spans.is_empty() {
            continue;
        }
        docs[d].word_spans_into(&mut words);
        spans.sort_unstable();
        for row in spans.chunk_by(|a, b| a.0 == b.0) {
            let ranges = merge_ranges(row.iter().map(|&(_, s, e)| (s, e)).collect());
            out[row[0].0].push((d, words_touched(&words, &ranges)));
        }
    }
    out
}

/// [`super::words_covered`] by binary search: the words (sorted, disjoint spans) sharing at least one
/// character with the sorted, disjoint `ranges`.
fn words_touched(words: &[(usize, usize)], ranges: &[(usize, usize)]) -> usize {
    let (mut n, mut done) = (0, 0);
    for &(s, e) in ranges {
        let lo = words.partition_point(|w| w.1 <= s).max(done);
        let hi = words.partition_point(|w| w.0 < e);
        if hi > lo {
            n += hi - lo;
            done = hi;
        }
    }
    n
}

fn code_row(
    p: &Project,
    ctx: &Tallying,
    f: &crate::model::codebook::FlatCode,
    mine: &[usize],
    words: &[(usize, usize)],
    groups: &[GroupInfo],
    total: &GroupInfo,
) -> CodeRow {
    // One pass over the codings: each counts in its transcript's group and in the total (the last tally).
    let mut tallies: Vec<Tally> = (0..=groups.len()).map(|_| Tally::new(ctx)).collect();
    let all = groups.len();
    for &k in mine {
        let d = ctx.counted[k].2;
        if let Some(g) = ctx.doc_group[d] {
            tallies[g].add(ctx, d, k);
        }
        tallies[all].add(ctx, d, k);
    }
    for &(d, n) in words {
        if let Some(g) = ctx.doc_group[d] {
            tallies[g].words += n;
        }
        tallies[all].words += n;
    }
    let total_cell = tallies
        .pop()
        .map(|t| t.cell(ctx, total))
        .unwrap_or_default();
    let mut cells: Vec<Cell> = tallies
        .into_iter()
        .zip(groups)
        .map(|(t, info)| t.cell(ctx, info))
        .collect();
    differences(&mut cells, &ctx.rest);
    let fisher = match cells.as_slice() {
        [x, y] => Some(case_test(x, y)),
        _ => None,
    };
    CodeRow {
        fisher,
        code: f.code.id.clone(),
        name: f.code.name.clone(),
        path: p.codebook.path(&f.code.id),
        depth: f.depth,
        has_children: !f.code.children.is_empty(),
        cells,
        total: total_cell,
    }
}

/// Fisher's exact test of two groups' cells: rows the groups, columns coded / not coded cases. The odds ratio is the
/// odds of a case of the first group having the code over the same odds in the second group.
pub fn case_test(x: &Cell, y: &Cell) -> Fisher {
    let (a, c) = (x.cases.len() as u64, y.cases.len() as u64);
    let b = (x.cases_in_group as u64).saturating_sub(a);
    let d = (y.cases_in_group as u64).saturating_sub(c);
    fisher_exact(a, b, c, d)
}

/// Per group: how many cases and transcripts all the other groups have together (the same for every row).
fn rest_sizes(groups: &[GroupInfo]) -> Vec<(usize, usize)> {
    (0..groups.len())
        .map(|i| {
            let others = || {
                groups
                    .iter()
                    .enumerate()
                    .filter(move |(j, _)| *j != i)
                    .map(|(_, g)| g)
            };
            let cases: BTreeSet<&str> = others()
                .flat_map(|g| g.cases.iter().map(String::as_str))
                .collect();
            let docs: BTreeSet<&str> = others()
                .flat_map(|g| g.docs.iter().map(String::as_str))
                .collect();
            (cases.len(), docs.len())
        })
        .collect()
}

/// Fills each cell's difference to the rest: its share minus the share over all other groups together
/// (`rest`: their cases and transcripts, from [`rest_sizes`]).
fn differences(cells: &mut [Cell], rest: &[(usize, usize)]) {
    if rest.len() < 2 {
        return;
    }
    for i in 0..cells.len() {
        let union = |f: &dyn Fn(&Cell) -> &[String]| -> usize {
            cells
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .flat_map(|(_, c)| f(c).iter().map(String::as_str))
                .collect::<BTreeSet<&str>>()
                .len()
        };
        let coded_cases = union(&|c| &c.cases);
        let coded_docs = union(&|c| &c.docs);
        let (all_cases, all_docs) = rest[i];
        let c = &cells[i];
        let case_diff = (all_cases > 0).then(|| c.case_share() - share(coded_cases, all_cases));
        let doc_diff = (all_docs > 0).then(|| c.interview_share() - share(coded_docs, all_docs));
        cells[i].case_share_difference = case_diff;
        cells[i].interview_share_difference = doc_diff;
    }
}

/// One flat row per code and group (and one per code for the total), as `kodbok summary` prints them.
#[derive(Debug, Clone, Serialize)]
pub struct SummaryRow {
    pub layer: String,
    pub code: String,
    pub code_name: String,
    pub code_path: String,
    pub level: &'static str,
    pub depth: usize,
    /// The group value; null on a code's total row.
    pub group: Option<String>,
    pub cases: usize,
    pub cases_in_group: usize,
    pub case_share: f64,
    pub interviews: usize,
    pub interviews_in_group: usize,
    pub interview_share: f64,
    pub segments: usize,
    pub words_coded: usize,
    pub words_in_group: usize,
    pub word_share: f64,
    pub case_share_difference: Option<f64>,
    pub interview_share_difference: Option<f64>,
    /// Fisher's exact test on cases, two-sided (two groups only; the same on every row of a code).
    pub fisher_p: Option<f64>,
    /// Odds of a first-group case having the code over those of a second-group case; null when infinite/undefined.
    pub odds_ratio: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coding_ids: Option<Vec<String>>,
}

/// Rounds a share to four decimals for output.
pub fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

impl Summary {
    /// Flat rows: for each code (in `rows` order), one row per group, then its total row.
    pub fn flat_rows(&self, with_ids: bool) -> Vec<SummaryRow> {
        let mut out = Vec::new();
        for r in &self.rows {
            for (g, c) in self.groups.iter().zip(&r.cells) {
                out.push(self.flat(r, g.value.clone(), c, with_ids));
            }
            out.push(self.flat(r, None, &r.total, with_ids));
        }
        out
    }

    fn flat(&self, r: &CodeRow, group: Option<String>, c: &Cell, with_ids: bool) -> SummaryRow {
        SummaryRow {
            layer: self.layer.id(),
            code: r.code.clone(),
            code_name: r.name.clone(),
            code_path: r.path.clone(),
            level: if r.depth == 0 { "theme" } else { "code" },
            depth: r.depth,
            group,
            cases: c.cases.len(),
            cases_in_group: c.cases_in_group,
            case_share: round4(c.case_share()),
            interviews: c.docs.len(),
            interviews_in_group: c.interviews_in_group,
            interview_share: round4(c.interview_share()),
            segments: c.segments(),
            words_coded: c.words,
            words_in_group: c.words_in_group,
            word_share: round4(c.word_share()),
            case_share_difference: c.case_share_difference.map(round4),
            interview_share_difference: c.interview_share_difference.map(round4),
            fisher_p: r.fisher.map(|f| f.p),
            odds_ratio: r.fisher.and_then(|f| f.odds_ratio),
            coding_ids: with_ids.then(|| self.coding_ids(c).map(str::to_string).collect()),
        }
    }

    /// The largest absolute case-share difference between groups of a row, for sorting.
    pub fn spread(row: &CodeRow) -> f64 {
        let shares: Vec<f64> = row.cells.iter().map(Cell::case_share).collect();
        let max = shares.iter().cloned().fold(f64::MIN, f64::max);
        let min = shares.iter().cloned().fold(f64::MAX, f64::min);
        if shares.is_empty() { 0.0 } else { max - min }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tests_support::tiny_project;

    fn nums(c: &Cell) -> (usize, usize, usize, usize, usize) {
        (
            c.cases.len(),
            c.cases_in_group,
            c.docs.len(),
            c.interviews_in_group,
            c.segments(),
        )
    }

    #[test]
    fn words_by_binary_search_equal_the_scan() {
        let words: Vec<(usize, usize)> = (0..40).map(|i| (i * 5, i * 5 + 3)).collect();
        for ranges in [
            vec![],
            vec![(0, 1)],
            vec![(3, 5)],
            vec![(4, 5), (6, 7), (8, 9)],
            vec![(2, 11), (12, 13), (60, 200)],
            vec![(199, 400)],
        ] {
            assert_eq!(
                words_touched(&words, &ranges),
                crate::analysis::words_covered(&words, &ranges),
                "{ranges:?}"
            );
        }
    }

    #[test]
    fn known_answers_all_coders() {
        let (_dir, p) = tiny_project();
        let s = compute(&p, &Layer::AllCoders, "grupp").unwrap();
        assert_eq!(
            s.groups
                .iter()
                .map(|g| g.value.clone().unwrap())
                .collect::<Vec<_>>(),
            ["hög", "låg"]
        );
        assert_eq!(s.groups[0].words, 39);
        // Theme t: x a,a (d1), x b (d3), y b, y a (d1); nothing in låg.
        assert_eq!(nums(s.cell("t", Some("hög")).unwrap()), (2, 2, 2, 3, 5));
        assert_eq!(nums(s.cell("t", Some("låg")).unwrap()), (0, 1, 0, 1, 0));
        assert_eq!(nums(s.cell("t", None).unwrap()), (2, 3, 2, 4, 5));
        assert_eq!(nums(s.cell("u", Some("låg")).unwrap()), (1, 1, 1, 1, 2));
        assert_eq!(nums(s.cell("a", Some("hög")).unwrap()), (1, 2, 1, 3, 3));
        // d1: every word but "Och sedan" is covered (11), d3: "Ledningen är med" (3).
        assert_eq!(s.cell("t", Some("hög")).unwrap().words, 14);
        let t = s.cell("t", Some("hög")).unwrap();
        assert_eq!(t.case_share_difference, Some(1.0));
        assert_eq!(
            s.cell("u", Some("hög")).unwrap().case_share_difference,
            Some(-1.0)
        );
        // t: 2 of 2 hög cases against 0 of 1 låg case: p = 1/3 (scipy: fisher_exact([[2, 0], [0, 1]])).
        let f = s.row("t").unwrap().fisher.unwrap();
        assert!((f.p - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(f.odds_ratio, None);
        let rows = s.flat_rows(false);
        assert!(
            rows.iter()
                .filter(|r| r.code == "t")
                .all(|r| r.fisher_p == Some(f.p))
        );
    }

    #[test]
    fn known_answers_one_coder_and_other_groupings() {
        let (_dir, p) = tiny_project();
        let s = compute(&p, &Layer::Coder("y".into()), "grupp").unwrap();
        assert_eq!(nums(s.cell("t", Some("hög")).unwrap()), (1, 2, 1, 3, 2));
        assert_eq!(s.coded_docs, vec!["d1", "d4"]);
        let by_role = compute(&p, &Layer::AllCoders, "role").unwrap();
        assert_eq!(by_role.groups.len(), 2);
        assert_eq!(
            nums(by_role.cell("t", Some("chef")).unwrap()),
            (2, 3, 2, 3, 5)
        );
        assert_eq!(
            nums(by_role.cell("t", Some("samordnare")).unwrap()),
            (0, 1, 0, 1, 0)
        );
        assert!(matches!(
            compute(&p, &Layer::AllCoders, "nope"),
            Err(crate::analysis::AnalysisError::UnknownAttribute { .. })
        ));
        assert!(matches!(
            compute(&p, &Layer::Coder("z".into()), "grupp"),
            Err(crate::analysis::AnalysisError::UnknownCoder { .. })
        ));
        assert!(matches!(
            compute(&p, &Layer::Consensus, "grupp"),
            Err(crate::analysis::AnalysisError::NoConsensus { .. })
        ));
        let rows = s.flat_rows(true);
        assert_eq!(rows.len(), 5 * 3);
        assert_eq!(rows[2].group, None);
        assert_eq!(rows[0].layer, "coder:y");
        assert_eq!(rows[0].coding_ids.as_ref().unwrap().len(), 2);
        let cell = s.cell("t", Some("hög")).unwrap();
        let ids: Vec<&str> = s.coding_ids(cell).collect();
        assert_eq!(
            Some(&ids.iter().map(|i| i.to_string()).collect()),
            rows[0].coding_ids.as_ref()
        );
    }
}
