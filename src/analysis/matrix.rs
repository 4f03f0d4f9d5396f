//! The code × case matrix: for every code (themes count their descendants) and case, the segments and interviews.

use super::{CodeInfo, Layer, LayerData, Result, case_names, code_infos};
use crate::store::Project;
use serde::Serialize;
use std::collections::BTreeSet;

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
    let rows = code_infos(p)
        .into_iter()
        .map(|code| {
            let cells = cases
                .iter()
                .map(|case| {
                    let sel: Vec<_> = data
                        .codings
                        .iter()
                        .filter(|c| c.doc.case() == case && code.members.contains(&c.coding.code))
                        .collect();
                    let docs: BTreeSet<&str> = sel.iter().map(|c| c.coding.doc.as_str()).collect();
                    MatrixCell {
                        present: u8::from(!sel.is_empty()),
                        segments: sel.len(),
                        interviews: docs.len(),
                        coding_ids: sel.iter().map(|c| c.coding.id.clone()).collect(),
                    }
                })
                .collect();
            MatrixRow { code, cells }
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
    }
}
