//! Inter-coder agreement (analysis layer): units, per-code and domain reliability, segment overlap, disagreements, consensus.
//!
//! The functions here take a loaded [`Project`] and return plain data; the CLI prints it and a TUI view can list
//! [`Disagreement`]s with their text and apply [`consensus::take`] to each.

pub mod bootstrap;
pub mod consensus;
pub mod disagree;
pub mod error;
pub mod overlap;
pub mod report;
pub mod stats;
pub mod units;

pub use disagree::{Disagreement, disagreements};
pub use error::{AgreementError, IdProblem};
pub use report::{CodeResult, Coefficients, Report, agreement, agreement_with};
pub use stats::Tally;
pub use units::{Unit, UnitData, UnitKind};

use crate::model::{Codebook, Coding, Transcript};
use crate::store::Project;
use serde::Serialize;
use std::fmt;

pub type Result<T, E = AgreementError> = std::result::Result<T, E>;

/// What is compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeTarget {
    /// Every code either coder applied, each on its own (present/absent per unit).
    AllCodes,
    /// One code, present where the coder applied exactly that code.
    Code(String),
    /// One code, present where the coder applied it or any of its sub-codes (`C+`).
    CodeTree(String),
    /// The child codes of a code as mutually exclusive categories (`@C`).
    Domain(String),
}

impl fmt::Display for CodeTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodeTarget::AllCodes => write!(f, "*"),
            CodeTarget::Code(c) => write!(f, "{c}"),
            CodeTarget::CodeTree(c) => write!(f, "{c}+"),
            CodeTarget::Domain(c) => write!(f, "@{c}"),
        }
    }
}

impl CodeTarget {
    /// Parses `C`, `C+` or `@C` (the last part of a disagreement id).
    pub fn parse(s: &str) -> CodeTarget {
        if let Some(d) = s.strip_prefix('@') {
            CodeTarget::Domain(d.to_string())
        } else if let Some(c) = s.strip_suffix('+') {
            CodeTarget::CodeTree(c.to_string())
        } else {
            CodeTarget::Code(s.to_string())
        }
    }

    /// The code ids whose codings this target is about (for one code, or a whole domain).
    pub fn code_set(&self, book: &Codebook) -> Vec<String> {
        match self {
            CodeTarget::AllCodes => book.flatten().iter().map(|f| f.code.id.clone()).collect(),
            CodeTarget::Code(c) => vec![c.clone()],
            CodeTarget::CodeTree(c) => book.descendants(c),
            CodeTarget::Domain(d) => book.descendants(d).into_iter().filter(|x| x != d).collect(),
        }
    }
}

/// A comparison asked for: `kodbok agree --coders … [--docs …] [--unit …] [--code|--domain …]`.
#[derive(Debug, Clone)]
pub struct AgreeOptions {
    pub coders: Vec<String>,
    /// Only these transcripts (still only those every coder coded).
    pub docs: Option<Vec<String>>,
    pub unit: UnitKind,
    pub target: CodeTarget,
}

/// A transcript left out, and why.
#[derive(Debug, Clone, Serialize)]
pub struct SkippedDoc {
    pub doc: String,
    /// The compared coders who have codings in it.
    pub coded_by: Vec<String>,
}

/// The transcripts compared and the codings of each coder in them.
pub struct Selection<'p> {
    pub coders: Vec<String>,
    pub docs: Vec<&'p Transcript>,
    pub skipped: Vec<SkippedDoc>,
    /// `codings[i]`: coder i's codings in the selected transcripts.
    pub codings: Vec<Vec<&'p Coding>>,
}

/// Checks the options against the project and picks the transcripts every compared coder coded.
pub fn select<'p>(p: &'p Project, o: &AgreeOptions) -> Result<Selection<'p>> {
    if o.coders.len() < 2 {
        return Err(AgreementError::TooFewCoders);
    }
    for (i, c) in o.coders.iter().enumerate() {
        if !p.coders.contains_key(c) {
            return Err(AgreementError::UnknownCoder {
                name: c.clone(),
                dir: p.codings_dir(),
                known: p.coders.keys().cloned().collect(),
            });
        }
        if o.coders[..i].contains(c) {
            return Err(AgreementError::CoderTwice { name: c.clone() });
        }
    }
    if let Some(docs) = &o.docs
        && let Some(d) = docs.iter().find(|d| !p.transcripts.contains_key(*d))
    {
        return Err(AgreementError::UnknownDoc { doc: d.clone() });
    }
    check_target(&p.codebook, &o.target)?;
    let mut sel = Selection {
        coders: o.coders.clone(),
        docs: Vec::new(),
        skipped: Vec::new(),
        codings: Vec::new(),
    };
    for t in p.transcripts.values() {
        if o.docs.as_ref().is_some_and(|ds| !ds.contains(&t.id)) {
            continue;
        }
        let coded_by: Vec<String> = o
            .coders
            .iter()
            .filter(|c| {
                p.coders
                    .get(*c)
                    .is_some_and(|f| f.for_doc(&t.id).next().is_some())
            })
            .cloned()
            .collect();
        if coded_by.len() == o.coders.len() {
            sel.docs.push(t);
        } else {
            sel.skipped.push(SkippedDoc {
                doc: t.id.clone(),
                coded_by,
            });
        }
    }
    if sel.docs.is_empty() {
        return Err(AgreementError::NothingInCommon {
            coders: o.coders.clone(),
        });
    }
    for c in &o.coders {
        let file = &p.coders[c];
        sel.codings.push(
            file.codings
                .iter()
                .filter(|x| sel.docs.iter().any(|d| d.id == x.doc))
                .collect(),
        );
    }
    Ok(sel)
}

fn check_target(book: &Codebook, t: &CodeTarget) -> Result<()> {
    let (CodeTarget::Code(c) | CodeTarget::CodeTree(c) | CodeTarget::Domain(c)) = t else {
        return Ok(());
    };
    let code = book
        .get(c)
        .ok_or_else(|| AgreementError::UnknownCode { code: c.clone() })?;
    if matches!(t, CodeTarget::Domain(_)) && code.children.len() < 2 {
        return Err(AgreementError::DomainTooSmall {
            code: c.clone(),
            children: code.children.len(),
        });
    }
    Ok(())
}
