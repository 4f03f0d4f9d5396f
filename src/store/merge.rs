//! Merging another copy of the same project: codings by id, new coders, codebook and case additions; conflicts reported.
//!
//! Nothing here overwrites: where both copies hold the same id with different content, this copy's version stays
//! and the difference is reported as a conflict. Codings removed in one copy are not removed in the other (without a
//! common ancestor, a removal cannot be told from an addition).

use super::{Project, Result, coder_name_ok};
use crate::model::codebook::CodebookError;
use crate::model::{Case, Code, CoderFile, Coding};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};

/// A difference left for the user.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Conflict {
    /// `transcript`, `case`, `code`, `coding` or `memo`.
    pub kind: String,
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coder: Option<String>,
    /// The reason in English (JSON output); users read `reason` worded by `messages::conflict`.
    pub message: String,
    #[serde(skip)]
    pub reason: Reason,
}

/// Why a difference was left alone.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Reason {
    #[error(
        "the text differs ({here} characters here, {there} there); this copy's text is kept and the other copy's \
         codings of it are not brought in"
    )]
    TextDiffers { here: usize, there: usize },
    #[error("the header differs (same text); this copy's header is kept, codings are merged")]
    HeaderDiffers,
    /// The attributes written `name=value, …`.
    #[error(
        "attributes differ in transcripts/cases.csv: here {here}, there {there}; this copy's are kept"
    )]
    AttrsDiffer { here: String, there: String },
    #[error(
        "code {id:?} differs (here {here:?}, there {there:?}: name, description, notes, colour or shortcut); \
         this copy's is kept"
    )]
    CodeDiffers {
        id: String,
        here: String,
        there: String,
    },
    /// Parents; None is the top level.
    #[error(
        "code {id:?} sits under {} here and under {} there; it stays where it is here",
        under(here),
        under(there)
    )]
    CodeMoved {
        id: String,
        here: Option<String>,
        there: Option<String>,
    },
    #[error(
        "new code {id:?} has shortcut {key:?}, already used here; it is added without a shortcut"
    )]
    ShortcutTaken { id: String, key: String },
    #[error("code {id:?} could not be added: {error}")]
    CodeNotAdded { id: String, error: CodebookError },
    #[error("{coder:?} is not a usable coder name; its file was not brought in")]
    BadCoderName { coder: String },
    #[error("the id is already used by coder {who} here; not brought in")]
    IdTaken { who: String },
    #[error("differs: here {here}, there {there}; this copy's is kept")]
    CodingDiffers { here: Brief, there: Brief },
    #[error("{coding} is on transcript {}, whose text differs between the copies; not brought in", coding.doc)]
    OnDifferingText { coding: Brief },
    #[error("{coding} uses code {:?}, which neither codebook has; not brought in", coding.code)]
    UnknownCode { coding: Brief },
    /// `on_code`: a memo on a code, else on a transcript.
    #[error(
        "{coder}'s memo on {} {key:?} differs between the copies; this copy's is kept",
        if *on_code { "code" } else { "transcript" }
    )]
    MemoDiffers {
        coder: String,
        on_code: bool,
        key: String,
    },
}

fn under(parent: &Option<String>) -> String {
    parent
        .as_ref()
        .map_or_else(|| "the top level".to_string(), |p| format!("{p:?}"))
}

/// A coding as a conflict names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Brief {
    pub code: String,
    pub doc: String,
    pub start: usize,
    pub end: usize,
    pub memo: String,
}

impl std::fmt::Display for Brief {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} in {} characters {}–{}, memo {:?}",
            self.code, self.doc, self.start, self.end, self.memo
        )
    }
}

/// What a merge brings in (or would, in a dry run), and what it leaves alone.
#[derive(Debug, Clone, Default, Serialize)]
pub struct MergeSummary {
    pub from: String,
    pub dry_run: bool,
    pub new_transcripts: Vec<String>,
    pub new_cases: Vec<String>,
    /// Codes added, as `id` (under `parent`).
    pub new_codes: Vec<NewCode>,
    /// Coders that had no file here.
    pub new_coders: Vec<String>,
    /// Per coder: codings added.
    pub codings_added: BTreeMap<String, usize>,
    /// Codings already here (same id and content, or the same code on the same span).
    pub codings_already_here: usize,
    pub memos_added: usize,
    pub conflicts: Vec<Conflict>,
    /// Coder files that change.
    pub coders_changed: Vec<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct NewCode {
    pub id: String,
    pub parent: Option<String>,
}

impl MergeSummary {
    pub fn changes(&self) -> usize {
        self.new_transcripts.len()
            + self.new_cases.len()
            + self.new_codes.len()
            + self.codings_added.values().sum::<usize>()
            + self.memos_added
    }
}

fn conflict(kind: &str, id: &str, coder: Option<&str>, reason: Reason) -> Conflict {
    Conflict {
        kind: kind.into(),
        id: id.into(),
        coder: coder.map(str::to_string),
        message: reason.to_string(),
        reason,
    }
}

/// `name=value, …` of a case's attributes.
fn attrs(a: &BTreeMap<String, String>) -> String {
    a.iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Merges `theirs` into `ours` in memory; `ours` then holds the result. Transcripts to copy are returned in the summary.
pub fn merge_into(ours: &mut Project, theirs: &Project) -> MergeSummary {
    let mut s = MergeSummary {
        from: theirs.root.display().to_string(),
        ..Default::default()
    };
    let differing = merge_transcripts(ours, theirs, &mut s);
    merge_cases(ours, theirs, &mut s);
    merge_codebook(ours, theirs, &mut s);
    for (coder, file) in &theirs.coders {
        merge_coder(ours, coder, file, &differing, &mut s);
    }
    s
}

/// New transcripts are added to `ours`; returns the ids whose text differs (their codings stay out).
fn merge_transcripts(ours: &mut Project, theirs: &Project, s: &mut MergeSummary) -> Vec<String> {
    let mut differing = Vec::new();
    for (id, t) in &theirs.transcripts {
        match ours.transcripts.get(id) {
            None => {
                ours.transcripts.insert(id.clone(), t.clone());
                s.new_transcripts.push(id.clone());
            }
            Some(mine) if mine.text != t.text => {
                differing.push(id.clone());
                s.conflicts.push(conflict(
                    "transcript",
                    id,
                    None,
                    Reason::TextDiffers {
                        here: mine.char_len(),
                        there: t.char_len(),
                    },
                ));
            }
            Some(mine) if mine.header != t.header => {
                s.conflicts
                    .push(conflict("transcript", id, None, Reason::HeaderDiffers))
            }
            Some(_) => {}
        }
    }
    differing
}

fn merge_cases(ours: &mut Project, theirs: &Project, s: &mut MergeSummary) {
    for case in &theirs.cases.cases {
        match ours.cases.get(&case.name) {
            None => {
                for col in &theirs.cases.columns {
                    if !ours.cases.columns.contains(col) {
                        ours.cases.columns.push(col.clone());
                    }
                }
                ours.cases.cases.push(Case {
                    name: case.name.clone(),
                    attrs: case.attrs.clone(),
                });
                s.new_cases.push(case.name.clone());
            }
            Some(mine) => {
                let differs = case
                    .attrs
                    .iter()
                    .any(|(k, v)| mine.attrs.get(k).is_some_and(|m| m != v));
                if differs {
                    let reason = Reason::AttrsDiffer {
                        here: attrs(&mine.attrs),
                        there: attrs(&case.attrs),
                    };
                    s.conflicts.push(conflict("case", &case.name, None, reason));
                }
            }
        }
    }
}

/// A code's own content (children aside).
fn own(c: &Code) -> Code {
    Code {
        children: Vec::new(),
        ..c.clone()
    }
}

/// Equal content; a REFI GUID recorded in only one copy (by an export there) is not a difference.
fn same_code(a: &Code, b: &Code) -> bool {
    let (mut a, mut b) = (own(a), own(b));
    if a.guid.is_none() || b.guid.is_none() {
        (a.guid, b.guid) = (None, None);
    }
    a == b
}

fn merge_codebook(ours: &mut Project, theirs: &Project, s: &mut MergeSummary) {
    for f in theirs.codebook.flatten() {
        let id = &f.code.id;
        if let Some(mine) = ours.codebook.get(id) {
            if !same_code(mine, f.code) {
                let reason = Reason::CodeDiffers {
                    id: id.clone(),
                    here: mine.name.clone(),
                    there: f.code.name.clone(),
                };
                s.conflicts.push(conflict("code", id, None, reason));
            }
            let parent = ours.codebook.parent_of(id).map(str::to_string);
            if parent.as_deref() != f.parent {
                let reason = Reason::CodeMoved {
                    id: id.clone(),
                    here: parent,
                    there: f.parent.map(str::to_string),
                };
                s.conflicts.push(conflict("code", id, None, reason));
            }
            continue;
        }
        let mut code = own(f.code);
        if code
            .shortcut
            .as_ref()
            .is_some_and(|k| ours.codebook.by_shortcut(k).is_some())
        {
            let reason = Reason::ShortcutTaken {
                id: id.clone(),
                key: code.shortcut.clone().unwrap_or_default(),
            };
            s.conflicts.push(conflict("code", id, None, reason));
            code.shortcut = None;
        }
        let parent = f.parent.filter(|p| ours.codebook.get(p).is_some());
        match ours.codebook.add(code, parent) {
            Ok(()) => s.new_codes.push(NewCode {
                id: id.clone(),
                parent: parent.map(str::to_string),
            }),
            Err(e) => s.conflicts.push(conflict(
                "code",
                id,
                None,
                Reason::CodeNotAdded {
                    id: id.clone(),
                    error: e,
                },
            )),
        }
    }
}

fn describe(c: &Coding) -> Brief {
    Brief {
        code: c.code.clone(),
        doc: c.doc.clone(),
        start: c.start,
        end: c.end,
        memo: c.memo.clone().unwrap_or_default(),
    }
}

fn merge_coder(
    ours: &mut Project,
    coder: &str,
    theirs: &CoderFile,
    differing: &[String],
    s: &mut MergeSummary,
) {
    if !coder_name_ok(coder) {
        s.conflicts.push(conflict(
            "coding",
            coder,
            Some(coder),
            Reason::BadCoderName {
                coder: coder.to_string(),
            },
        ));
        return;
    }
    let owners: BTreeMap<String, String> = ours
        .all_codings()
        .map(|(who, c)| (c.id.clone(), who.to_string()))
        .collect();
    if !ours.coders.contains_key(coder) {
        s.new_coders.push(coder.to_string());
    }
    let mut file = ours
        .coders
        .get(coder)
        .cloned()
        .unwrap_or_else(|| CoderFile::new(coder));
    // Lookups by id, and the additions made in one go at the end (`insert_many` skips repeats of a
    // span and code): a scan and a shift of the whole file per coding made merging a copy with 400,000
    // codings quadratic.
    let mut by_id: HashMap<&str, &Coding> = HashMap::with_capacity(file.codings.len());
    for c in ours.coders.get(coder).into_iter().flat_map(|f| &f.codings) {
        by_id.entry(c.id.as_str()).or_insert(c);
    }
    let differing: HashSet<&str> = differing.iter().map(String::as_str).collect();
    let mut fresh: Vec<Coding> = Vec::new();
    for c in &theirs.codings {
        let mut held = |reason: Reason| {
            s.conflicts
                .push(conflict("coding", &c.id, Some(coder), reason))
        };
        match owners.get(&c.id) {
            Some(who) if who != coder => {
                held(Reason::IdTaken { who: who.clone() });
                continue;
            }
            Some(_) => {
                let mine = by_id.get(c.id.as_str()).copied();
                if mine == Some(c) {
                    s.codings_already_here += 1;
                } else if let Some(mine) = mine {
                    held(Reason::CodingDiffers {
                        here: describe(mine),
                        there: describe(c),
                    });
                }
                continue;
            }
            None => {}
        }
        if differing.contains(c.doc.as_str()) {
            held(Reason::OnDifferingText {
                coding: describe(c),
            });
            continue;
        }
        if ours.codebook.get(&c.code).is_none() {
            held(Reason::UnknownCode {
                coding: describe(c),
            });
            continue;
        }
        fresh.push(c.clone());
    }
    let candidates = fresh.len();
    let added = file.insert_many(fresh).len();
    s.codings_already_here += candidates - added;
    let memos = merge_memos(
        &mut file.doc_memos,
        &theirs.doc_memos,
        "transcript",
        coder,
        &mut s.conflicts,
    ) + merge_memos(
        &mut file.code_memos,
        &theirs.code_memos,
        "code",
        coder,
        &mut s.conflicts,
    );
    s.memos_added += memos;
    if added + memos > 0 || !ours.coders.contains_key(coder) {
        s.coders_changed.push(coder.to_string());
    }
    if added > 0 {
        s.codings_added.insert(coder.to_string(), added);
    }
    ours.coders.insert(coder.to_string(), file);
}

fn merge_memos(
    mine: &mut BTreeMap<String, crate::model::Memo>,
    theirs: &BTreeMap<String, crate::model::Memo>,
    what: &str,
    coder: &str,
    conflicts: &mut Vec<Conflict>,
) -> usize {
    let mut n = 0;
    for (k, m) in theirs {
        match mine.get(k) {
            None => {
                mine.insert(k.clone(), m.clone());
                n += 1;
            }
            Some(x) if x.text != m.text => conflicts.push(conflict(
                "memo",
                k,
                Some(coder),
                Reason::MemoDiffers {
                    coder: coder.to_string(),
                    on_code: what == "code",
                    key: k.clone(),
                },
            )),
            Some(_) => {}
        }
    }
    n
}

/// Writes what `merge_into` changed: new transcripts, cases, codebook, then the changed coder files.
/// The caller holds the codebook lock and the locks of every coder in `s.coders_changed` (`locks`),
/// taken before `ours` was read.
pub fn write_merged(ours: &mut Project, s: &MergeSummary, held: &super::Held) -> Result<()> {
    for id in &s.new_transcripts {
        let t = ours.transcript(id)?.clone();
        if ours.transcript_path(id).exists() {
            return Err(super::Refusal::AppearedWhileMerging {
                path: ours.transcript_path(id),
            }
            .into());
        }
        ours.save_transcript(&t)?;
    }
    if !s.new_cases.is_empty() {
        ours.save_cases()?;
    }
    if !s.new_codes.is_empty() {
        ours.save_codebook()?;
    }
    for coder in &s.coders_changed {
        let lock = held.coder(coder)?;
        let file = ours.coder_mut(coder).clone();
        ours.write_coder_held(lock, coder, &file)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_guid_recorded_in_one_copy_is_no_conflict() {
        let a = Code::new("x", "X");
        let mut b = a.clone();
        b.guid = Some("11111111-1111-1111-1111-111111111111".into());
        assert!(same_code(&a, &b));
        let mut c = a.clone();
        c.guid = Some("22222222-2222-2222-2222-222222222222".into());
        assert!(!same_code(&b, &c));
        c.name = "Y".into();
        assert!(!same_code(&a, &c));
    }

    fn project(codings: &[(&str, usize, usize, &str, &str)]) -> Project {
        let mut book = crate::model::Codebook::default();
        book.add(Code::new("x", "X"), None).unwrap();
        book.add(Code::new("y", "Y"), None).unwrap();
        let t = crate::model::Transcript::parse("Respondent: aaaa bbbb cccc dddd\n", "d").unwrap();
        let mut p = Project::in_memory(book, [t]);
        let now = chrono::DateTime::from_timestamp(0, 0).unwrap();
        for &(coder, start, end, code, id) in codings {
            let mut c = Coding::new(&p.transcripts["d"], start, end, code, now).unwrap();
            c.id = id.to_string();
            p.coder_mut(coder).codings.push(c);
        }
        for f in p.coders.values_mut() {
            f.sort();
        }
        p
    }

    #[test]
    fn codings_merge_by_id_and_span_in_one_pass() {
        let mut ours = project(&[
            ("a", 12, 16, "x", "1"),
            ("a", 17, 21, "x", "2"),
            ("b", 22, 26, "x", "3"),
        ]);
        let theirs = project(&[
            ("a", 12, 16, "x", "1"), // the same coding: already here
            ("a", 17, 21, "y", "2"), // the same id, another code: a conflict
            ("a", 12, 16, "x", "4"), // another id on a span and code already here
            ("a", 27, 31, "x", "5"), // new
            ("a", 27, 31, "x", "6"), // repeats the new one
            ("a", 12, 21, "x", "0"), // new, sorts before the others
            ("a", 22, 26, "y", "3"), // b's id
            ("c", 22, 26, "y", "7"), // a new coder
        ]);
        let s = merge_into(&mut ours, &theirs);
        assert_eq!(s.codings_already_here, 3);
        assert_eq!(
            s.codings_added,
            BTreeMap::from([("a".to_string(), 2), ("c".to_string(), 1)])
        );
        assert_eq!(s.new_coders, ["c"]);
        assert_eq!(s.coders_changed, ["a", "c"]);
        let kinds: Vec<(&str, &Reason)> = s
            .conflicts
            .iter()
            .map(|c| (c.id.as_str(), &c.reason))
            .collect();
        assert!(
            matches!(
                kinds[..],
                [
                    ("2", Reason::CodingDiffers { .. }),
                    ("3", Reason::IdTaken { .. })
                ]
            ),
            "{kinds:?}"
        );
        let a: Vec<(&str, usize, usize)> = ours.coders["a"]
            .codings
            .iter()
            .map(|c| (c.id.as_str(), c.start, c.end))
            .collect();
        assert_eq!(
            a,
            [("1", 12, 16), ("0", 12, 21), ("2", 17, 21), ("5", 27, 31)]
        );
        assert_eq!(ours.coders["c"].codings.len(), 1);
    }
}
