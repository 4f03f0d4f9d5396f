//! Per code and per group: cases, interviews, segments and word coverage, with the codings behind each number.
//!
//! A theme (any code with sub-codes) counts its own codings and its descendants'. A TUI can call
//! [`compute`] and, for any cell, list the segments behind it with [`crate::analysis::codings_by_ids`].

use super::fisher::{Fisher, fisher_exact};
use super::{
    Grouping, Layer, LayerCoding, LayerData, Result, merge_ranges, word_spans, words_covered,
};
use crate::store::Project;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

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
    /// Every coding counted, in layer order (coder, then file order).
    pub coding_ids: Vec<String>,
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
        self.coding_ids.len()
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

    /// Index of a group value in `groups`.
    pub fn group_index(&self, value: &str) -> Option<usize> {
        self.groups
            .iter()
            .position(|g| g.value.as_deref() == Some(value))
    }
}

/// What every cell of the comparison reads: the grouping, each transcript's group and its word spans.
struct Tallying<'a> {
    grouping: Grouping,
    doc_group: HashMap<&'a str, String>,
    doc_words: HashMap<&'a str, Vec<(usize, usize)>>,
}

/// Computes the comparison of `layer` grouped by `attr` (a cases.csv column or a transcript header field).
pub fn compute(p: &Project, layer: &Layer, attr: &str) -> Result<Summary> {
    let data = LayerData::load(p, layer)?;
    let grouping = Grouping::new(p, attr)?;
    let doc_group = p
        .transcripts
        .values()
        .map(|t| (t.id.as_str(), grouping.value_of(p, t).to_string()))
        .collect();
    let doc_words = p
        .transcripts
        .values()
        .map(|t| (t.id.as_str(), word_spans(t)))
        .collect();
    let ctx = Tallying {
        grouping,
        doc_group,
        doc_words,
    };
    let info = |value: Option<&str>| GroupInfo {
        value: value.map(str::to_string),
        cases: ctx.grouping.cases_in(p, value).into_iter().collect(),
        docs: ctx
            .grouping
            .docs_in(p, value)
            .iter()
            .map(|t| t.id.clone())
            .collect(),
        words: ctx
            .grouping
            .docs_in(p, value)
            .iter()
            .map(|t| ctx.doc_words[t.id.as_str()].len())
            .sum(),
    };
    let groups: Vec<GroupInfo> = ctx.grouping.values.iter().map(|v| info(Some(v))).collect();
    let total = info(None);
    let rows = p
        .codebook
        .flatten()
        .iter()
        .map(|f| code_row(p, &ctx, &data.codings, f, &groups, &total))
        .collect();
    let merged = ctx.grouping.merged.clone();
    Ok(Summary {
        layer: layer.clone(),
        coders: data.coders.clone(),
        attr: attr.to_string(),
        groups,
        total,
        rows,
        coded_docs: data.coded_docs().into_iter().map(str::to_string).collect(),
        skipped: data.skipped.clone(),
        merged,
    })
}

fn code_row(
    p: &Project,
    ctx: &Tallying,
    codings: &[LayerCoding],
    f: &crate::model::codebook::FlatCode,
    groups: &[GroupInfo],
    total: &GroupInfo,
) -> CodeRow {
    let ids: HashSet<String> = p.codebook.descendants(&f.code.id).into_iter().collect();
    let mine: Vec<&LayerCoding> = codings
        .iter()
        .filter(|c| ids.contains(&c.coding.code))
        .collect();
    let mut cells: Vec<Cell> = groups
        .iter()
        .map(|g| {
            let v = g.value.as_deref();
            let sel: Vec<&LayerCoding> = mine
                .iter()
                .copied()
                .filter(|c| v.is_none_or(|x| ctx.doc_group[c.coding.doc.as_str()] == x))
                .collect();
            cell(ctx, &sel, g)
        })
        .collect();
    differences(&mut cells, groups);
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
        total: cell(ctx, &mine, total),
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

fn cell(ctx: &Tallying, sel: &[&LayerCoding], g: &GroupInfo) -> Cell {
    let mut cases = BTreeSet::new();
    let mut by_doc: BTreeMap<&str, Vec<(usize, usize)>> = BTreeMap::new();
    for c in sel {
        if !c.doc.case().is_empty() {
            cases.insert(c.doc.case().to_string());
        }
        by_doc
            .entry(c.coding.doc.as_str())
            .or_default()
            .push((c.coding.start, c.coding.end));
    }
    let words = by_doc
        .iter()
        .map(|(d, r)| words_covered(&ctx.doc_words[d], &merge_ranges(r.clone())))
        .sum();
    Cell {
        cases: cases.into_iter().collect(),
        docs: by_doc.keys().map(|d| d.to_string()).collect(),
        coding_ids: sel.iter().map(|c| c.coding.id.clone()).collect(),
        words,
        cases_in_group: g.cases.len(),
        interviews_in_group: g.docs.len(),
        words_in_group: g.words,
        case_share_difference: None,
        interview_share_difference: None,
    }
}

/// Fills each cell's difference to the rest: its share minus the share over all other groups together.
fn differences(cells: &mut [Cell], groups: &[GroupInfo]) {
    if groups.len() < 2 {
        return;
    }
    for i in 0..cells.len() {
        let others = || (0..cells.len()).filter(move |j| *j != i);
        let union = |f: &dyn Fn(usize) -> Vec<String>| -> usize {
            others().flat_map(f).collect::<BTreeSet<String>>().len()
        };
        let coded_cases = union(&|j| cells[j].cases.clone());
        let all_cases = union(&|j| groups[j].cases.clone());
        let coded_docs = union(&|j| cells[j].docs.clone());
        let all_docs = union(&|j| groups[j].docs.clone());
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
            coding_ids: with_ids.then(|| c.coding_ids.clone()),
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
    }
}
