//! REFI-QDA (QDA-XML 1.0) exchange: `.qdpx` projects and `.qdc` codebooks, exported and imported with
//! positions mapped exactly through every change made to the text.

pub mod archive;
pub mod codes;
pub mod import;
pub mod positions;
pub mod read;
pub mod stage;
pub mod write;
pub mod xml;

pub use archive::Limits;
pub use import::{ImportOptions, ImportReport, import_qdc, import_qdpx};
pub use positions::CrlfCounts;

use super::{Project, Result, StoreError, atomic};
use crate::model::codebook::{Code, Codebook};
use uuid::Uuid;

/// Namespace of the name-based GUIDs kodbok derives (so repeated exports match).
const KODBOK_NS: Uuid = Uuid::from_u128(0x6b6f_6462_6f6b_4000_8000_7265_6669_7164);

/// A stable GUID for a thing of `kind` named `key`.
pub fn guid_for(kind: &str, key: &str) -> String {
    Uuid::new_v5(&KODBOK_NS, format!("{kind}:{key}").as_bytes()).to_string()
}

/// True for the GUID forms the schema accepts.
pub fn is_guid(s: &str) -> bool {
    let s = s
        .strip_prefix('{')
        .and_then(|x| x.strip_suffix('}'))
        .unwrap_or(s);
    Uuid::try_parse(s).is_ok() && s.len() == 36
}

/// A code's GUID: the stored one, else derived from its id.
pub fn code_guid(c: &Code) -> String {
    c.guid
        .clone()
        .filter(|g| is_guid(g))
        .unwrap_or_else(|| guid_for("code", &c.id))
}

/// A coding's GUID: its id (a UUID), else one derived from it.
pub fn coding_guid(id: &str) -> String {
    if is_guid(id) {
        id.to_ascii_lowercase()
    } else {
        guid_for("coding", id)
    }
}

/// Gives every code without a GUID its derived one; returns how many were given.
pub fn assign_guids(book: &mut Codebook) -> usize {
    fn walk(codes: &mut [Code]) -> usize {
        let mut n = 0;
        for c in codes {
            if c.guid.as_deref().is_none_or(|g| !is_guid(g)) {
                c.guid = Some(guid_for("code", &c.id));
                n += 1;
            }
            n += walk(&mut c.children);
        }
        n
    }
    walk(&mut book.codes)
}

/// What an export wrote.
#[derive(Debug, Default)]
pub struct ExportSummary {
    pub transcripts: usize,
    pub codes: usize,
    pub codings: usize,
    pub coders: Vec<String>,
    pub cases: usize,
    pub notes: usize,
    pub warnings: Vec<String>,
}

fn origin() -> String {
    format!("kodbok {}", env!("CARGO_PKG_VERSION"))
}

fn xml_failed(e: std::io::Error) -> StoreError {
    StoreError::refused(crate::t!("refi-xml-failed", error = e.to_string()))
}

/// Writes the study as a `.qdpx`: the listed coders' codings (all of them when `coders` is empty).
pub fn export_qdpx(p: &Project, coders: &[String], out: &std::path::Path) -> Result<ExportSummary> {
    let mut files = Vec::new();
    for c in coders {
        files.push(p.coders.get(c).ok_or_else(|| {
            StoreError::refused(crate::t!(
                "refi-no-coder",
                coder = format!("{c:?}"),
                dir = p.codings_dir().display().to_string(),
                coders = p.coders.keys().cloned().collect::<Vec<_>>().join(", ")
            ))
        })?);
    }
    let plan = write::ExportPlan::new(p, files, &origin());
    let qde = plan.qde().map_err(xml_failed)?;
    let sources: Vec<(String, Vec<u8>)> = p
        .transcripts
        .values()
        .map(|t| {
            let g = guid_for("source", &t.id);
            (format!("{g}.txt"), t.text.as_bytes().to_vec())
        })
        .collect();
    let zip = archive::pack(&qde, &sources)
        .map_err(|e| StoreError::refused(crate::t!("refi-zip-failed", error = e.to_string())))?;
    atomic::write(out, &zip)?;
    Ok(summary(&plan))
}

fn summary(plan: &write::ExportPlan) -> ExportSummary {
    let p = plan.project;
    let mut s = ExportSummary {
        transcripts: p.transcripts.len(),
        codes: p.codebook.flatten().len(),
        coders: plan.coders.iter().map(|f| f.coder.clone()).collect(),
        cases: plan.case_names().len(),
        ..Default::default()
    };
    for f in &plan.coders {
        for c in &f.codings {
            if plan.exported(c) {
                s.codings += 1;
                s.notes += usize::from(c.memo.as_deref().is_some_and(|m| !m.is_empty()));
            } else {
                s.warnings.push(crate::t!(
                    "refi-coding-not-exported",
                    id = c.id.as_str(),
                    coder = f.coder.as_str(),
                    problem = p
                        .coding_problem(c)
                        .map(|x| crate::messages::coding_problem(&x))
                        .unwrap_or_default()
                ));
            }
        }
        s.notes += f.doc_memos.len() + f.code_memos.len();
    }
    s
}

/// Writes the codebook alone as a `.qdc`.
pub fn export_qdc(book: &Codebook, out: &std::path::Path) -> Result<usize> {
    let bytes = write::qdc(book, &origin()).map_err(xml_failed)?;
    atomic::write(out, &bytes)?;
    Ok(book.flatten().len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guids_are_stable_and_valid() {
        assert_eq!(guid_for("code", "x"), guid_for("code", "x"));
        assert_ne!(guid_for("code", "x"), guid_for("source", "x"));
        assert!(is_guid(&guid_for("code", "x")));
        assert!(is_guid("{01A21E52-A47E-7225-8809-7CAC0CADCE3B}"));
        assert!(!is_guid("01a21e52a47e72258809"));
        assert_eq!(coding_guid("not-a-guid"), guid_for("coding", "not-a-guid"));
    }
}
