//! The code × case matrix: for every code (themes count their descendants) and case, the segments and interviews.

use super::{CodeInfo, Layer, LayerData, Result, case_names, code_infos};
use crate::store::Project;
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};

#[derive(Debug, Clone)]
pub struct CodeCaseMatrix {
    pub layer: Layer,
    pub coders: Vec<String>,
    /// Column order: cases.csv order, then cases known only from transcript headers.
    pub cases: Vec<String>,
    pub rows: Vec<MatrixRow>,
}

#[derive(Debug, Clone)]
pub struct MatrixRow {
    pub code: CodeInfo,
    /// One cell per case, in `cases` order.
    pub cells: Vec<MatrixCell>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct MatrixCell {
    /// 1 when the code was coded in the case at all.
    pub present: u8,
    pub segments: usize,
    pub interviews: usize,
    pub coding_ids: Vec<String>,
}

/// Builds the matrix for one layer.
pub fn code_case(p: &Project, layer: &Layer) -> Result<CodeCaseMatrix> {
    let data = LayerData::load(p, layer)?;
    let cases = case_names(p);
    let codes = code_infos(p);
    // One pass over the codings (a scan per cell was codes × cases × codings: 23 s for 400,000 codings).
    let mut cols_of: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, case) in cases.iter().enumerate() {
        cols_of.entry(case.as_str()).or_default().push(i);
    }
    let mut rows_of: HashMap<&str, Vec<usize>> = HashMap::new();
    for (r, code) in codes.iter().enumerate() {
        for m in &code.members {
            rows_of.entry(m.as_str()).or_default().push(r);
        }
    }
    let mut cells: Vec<Vec<(Vec<&str>, BTreeSet<&str>)>> =
        vec![vec![(Vec::new(), BTreeSet::new()); cases.len()]; codes.len()];
    for c in &data.codings {
        let (Some(cols), Some(rows)) = (
            cols_of.get(c.doc.case()),
            rows_of.get(c.coding.code.as_str()),
        ) else {
            continue;
        };
        for &r in rows {
            for &k in cols {
                let (ids, docs) = &mut cells[r][k];
                ids.push(c.coding.id.as_str());
                docs.insert(c.coding.doc.as_str());
            }
        }
    }
    let rows = codes
        .into_iter()
        .zip(cells)
        .map(|(code, row)| MatrixRow {
            code,
            cells: row
                .into_iter()
                .map(|(ids, docs)| MatrixCell {
                    present: u8::from(!ids.is_empty()),
                    segments: ids.len(),
                    interviews: docs.len(),
                    coding_ids: ids.into_iter().map(str::to_string).collect(),
                })
                .collect(),
        })
        .collect();
    Ok(CodeCaseMatrix {
        layer: layer.clone(),
        coders: data.coders,
        cases,
        rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tests_support::tiny_project;

    #[test]
    fn counts_per_case_and_theme() {
        let (_dir, p) = tiny_project();
        let m = code_case(&p, &Layer::AllCoders).unwrap();
        assert_eq!(m.cases, vec!["K1", "K2", "K3"]);
        let theme = m.rows.iter().find(|r| r.code.id == "t").unwrap();
        let seg: Vec<usize> = theme.cells.iter().map(|c| c.segments).collect();
        assert_eq!(seg, vec![4, 1, 0]);
        let pres: Vec<u8> = theme.cells.iter().map(|c| c.present).collect();
        assert_eq!(pres, vec![1, 1, 0]);
        let a = m.rows.iter().find(|r| r.code.id == "a").unwrap();
        assert_eq!(a.cells[0].segments, 3);
        assert_eq!(a.cells[0].interviews, 1);
        // Every cell holds the layer's codings of its code (or sub-codes) and case, in the layer's order.
        let data = LayerData::load(&p, &Layer::AllCoders).unwrap();
        for row in &m.rows {
            for (case, cell) in m.cases.iter().zip(&row.cells) {
                let want: Vec<String> = data
                    .codings
                    .iter()
                    .filter(|c| c.doc.case() == case && row.code.members.contains(&c.coding.code))
                    .map(|c| c.coding.id.clone())
                    .collect();
                assert_eq!(cell.coding_ids, want, "{} in {case}", row.code.id);
            }
        }
    }
}
