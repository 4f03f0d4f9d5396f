//! The codings, memos and cases of an imported study, placed on the transcripts read from it.

use super::{CodeMerge, ImportCtx, Incoming, read, refused, source_text};
use crate::model::coding::Coding;
use crate::model::text::canonicalize;
use crate::model::{Case, CoderFile};
use crate::store::{Project, Result};
use crate::t;
use std::collections::{BTreeMap, HashMap, HashSet};

fn parse_time(s: Option<&str>) -> Option<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::parse_from_rfc3339(s?.trim())
        .ok()
        .map(|d| d.with_timezone(&chrono::Utc))
}

/// Notes by GUID, with their text read.
fn notes(c: &ImportCtx) -> Result<HashMap<String, (Option<String>, String)>> {
    let mut out = HashMap::new();
    for n in &c.q.notes {
        let text = source_text(c.file, c.zip, n)?.unwrap_or_default();
        out.insert(
            n.guid.clone(),
            (n.user.clone(), canonicalize(&text).trim().to_string()),
        );
    }
    Ok(out)
}

/// Everything the import adds, before it is written.
pub(super) struct Placement {
    pub(super) project: Project,
    pub(super) coders: BTreeMap<String, CoderFile>,
    pub(super) used_notes: HashSet<String>,
    pub(super) codings: usize,
}

/// A coding's document, span and code: two codings with the same are one.
type Span = (String, usize, usize, String);

fn span_of(c: &Coding) -> Span {
    (c.doc.clone(), c.start, c.end, c.code.clone())
}

/// One coder's codings as the import changes them, indexed by id and by span, so that each incoming
/// coding is checked in constant time (a scan of the coder file per coding made importing a study of
/// 400,000 codings quadratic); the file itself changes once, in [`Staged::apply`].
struct Staged {
    /// The ids of the file's codings still kept, with their spans.
    ids: HashMap<String, Span>,
    /// How many codings (kept or added) have each span.
    spans: HashMap<Span, usize>,
    /// Ids of the file's codings replaced (with `--force`).
    removed: Vec<String>,
    added: Vec<Coding>,
}

impl Staged {
    fn of(file: &CoderFile) -> Self {
        let mut s = Staged {
            ids: HashMap::with_capacity(file.codings.len()),
            spans: HashMap::with_capacity(file.codings.len()),
            removed: Vec::new(),
            added: Vec::new(),
        };
        for c in &file.codings {
            let span = span_of(c);
            *s.spans.entry(span.clone()).or_default() += 1;
            s.ids.insert(c.id.clone(), span);
        }
        s
    }

    fn has_id(&self, id: &str) -> bool {
        self.ids.contains_key(id)
    }

    /// Drops the file's coding with this id, if any (the import replaces it).
    fn remove(&mut self, id: &str) {
        let Some(span) = self.ids.remove(id) else {
            return;
        };
        if let Some(n) = self.spans.get_mut(&span) {
            *n -= 1;
            if *n == 0 {
                self.spans.remove(&span);
            }
        }
        self.removed.push(id.to_string());
    }

    /// Adds a coding unless the same code already covers exactly that span; returns whether it was added.
    fn add(&mut self, coding: Coding) -> bool {
        let n = self.spans.entry(span_of(&coding)).or_default();
        if *n > 0 {
            return false;
        }
        *n += 1;
        self.added.push(coding);
        true
    }

    fn apply(self, file: &mut CoderFile) {
        file.remove_many(self.removed.iter().map(String::as_str));
        file.insert_many(self.added);
    }
}

pub(super) fn add_codings(
    c: &mut ImportCtx,
    plan: &mut Placement,
    incoming: &[Incoming],
    codes: &CodeMerge,
    users: &HashMap<String, String>,
    default: &str,
) -> Result<()> {
    let notes = notes(c)?;
    let now = chrono::Utc::now();
    let mut staged: BTreeMap<String, Staged> = BTreeMap::new();
    for (inc, s) in incoming
        .iter()
        .filter_map(|i| Some((i, c.q.sources.iter().find(|s| s.guid == i.guid)?)))
    {
        let t = &inc.transcript;
        for sel in &s.selections {
            let span = usize::try_from(sel.start)
                .ok()
                .zip(usize::try_from(sel.end).ok())
                .and_then(|(a, b)| inc.mapped.map(a, b));
            let Some((start, end)) = span else {
                return Err(refused(
                    c.file,
                    t!(
                        "refi-selection-outside",
                        guid = sel.guid.as_str(),
                        source = format!("{:?}", s.name),
                        start = sel.start.to_string(),
                        end = sel.end.to_string(),
                        len = inc.mapped.original_len()
                    ),
                ));
            };
            if sel.codings.is_empty() {
                c.report.warnings.push(t!(
                    "refi-selection-no-coding",
                    guid = sel.guid.as_str(),
                    source = format!("{:?}", s.name)
                ));
                continue;
            }
            if start >= end {
                c.report.warnings.push(t!(
                    "refi-selection-empty",
                    guid = sel.guid.as_str(),
                    source = format!("{:?}", s.name)
                ));
                continue;
            }
            for qc in &sel.codings {
                let Some(code) = codes.ids.get(&qc.code) else {
                    return Err(refused(
                        c.file,
                        t!(
                            "refi-coding-unknown-code",
                            guid = qc.guid.as_str(),
                            code = qc.code.as_str()
                        ),
                    ));
                };
                let user = qc.user.as_ref().or(sel.user.as_ref());
                let coder = user
                    .and_then(|u| users.get(u))
                    .map_or(default, String::as_str)
                    .to_string();
                let created =
                    parse_time(qc.created.as_deref().or(sel.created.as_deref())).unwrap_or(now);
                let Some(mut coding) = Coding::new(t, start, end, code, created) else {
                    return Err(refused(
                        c.file,
                        t!(
                            "refi-coding-unplaceable",
                            guid = qc.guid.as_str(),
                            source = format!("{:?}", s.name)
                        ),
                    ));
                };
                coding.id = qc.guid.clone();
                coding.modified = created;
                let memo: Vec<&str> = qc
                    .notes
                    .iter()
                    .chain(&sel.notes)
                    .filter_map(|g| {
                        plan.used_notes.insert(g.clone());
                        notes.get(g).map(|n| n.1.as_str())
                    })
                    .filter(|m| !m.is_empty())
                    .collect();
                coding.memo = if memo.is_empty() {
                    Some(canonicalize(&sel.description).trim().to_string())
                        .filter(|d| !d.is_empty())
                } else {
                    Some(memo.join("\n\n"))
                };
                let file = plan.coders.entry(coder.clone()).or_insert_with(|| {
                    plan.project
                        .coders
                        .get(&coder)
                        .cloned()
                        .unwrap_or_else(|| CoderFile::new(&coder))
                });
                let staged = staged
                    .entry(coder.clone())
                    .or_insert_with(|| Staged::of(file));
                if c.force {
                    staged.remove(&coding.id);
                }
                if staged.has_id(&coding.id) {
                    return Err(refused(
                        c.file,
                        t!(
                            "refi-coding-exists",
                            guid = coding.id.as_str(),
                            coder = coder.as_str()
                        ),
                    ));
                }
                if staged.add(coding) {
                    plan.codings += 1;
                } else {
                    c.report.warnings.push(t!(
                        "refi-coding-repeat",
                        guid = qc.guid.as_str(),
                        coder = coder.as_str()
                    ));
                }
            }
        }
    }
    for (coder, s) in staged {
        if let Some(file) = plan.coders.get_mut(&coder) {
            s.apply(file);
        }
    }
    attach_memos(c, plan, incoming, codes, users, default, &notes);
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn attach_memos(
    c: &mut ImportCtx,
    plan: &mut Placement,
    incoming: &[Incoming],
    codes: &CodeMerge,
    users: &HashMap<String, String>,
    default: &str,
    notes: &HashMap<String, (Option<String>, String)>,
) {
    let now = chrono::Utc::now();
    let mut targets: Vec<(String, bool, String)> = Vec::new();
    for inc in incoming {
        if let Some(s) = c.q.sources.iter().find(|s| s.guid == inc.guid) {
            targets.extend(
                s.notes
                    .iter()
                    .map(|g| (g.clone(), true, inc.transcript.id.clone())),
            );
        }
    }
    fn code_notes(list: &[read::QCode], codes: &CodeMerge, out: &mut Vec<(String, bool, String)>) {
        for q in list {
            if let Some(id) = codes.ids.get(&q.guid) {
                out.extend(q.notes.iter().map(|g| (g.clone(), false, id.clone())));
            }
            code_notes(&q.children, codes, out);
        }
    }
    code_notes(&c.q.codes, codes, &mut targets);
    for (g, is_doc, key) in targets {
        let Some((user, text)) = notes.get(&g) else {
            continue;
        };
        plan.used_notes.insert(g.clone());
        let note = c.q.notes.iter().find(|n| n.guid == g);
        let coder = user
            .as_ref()
            .and_then(|u| users.get(u))
            .map_or(default, String::as_str)
            .to_string();
        let when = parse_time(note.and_then(|n| n.created.as_deref())).unwrap_or(now);
        let file = plan.coders.entry(coder.clone()).or_insert_with(|| {
            plan.project
                .coders
                .get(&coder)
                .cloned()
                .unwrap_or_else(|| CoderFile::new(&coder))
        });
        let map = if is_doc {
            &mut file.doc_memos
        } else {
            &mut file.code_memos
        };
        let memo = map
            .entry(key)
            .or_insert_with(|| crate::model::coding::Memo {
                text: String::new(),
                modified: when,
            });
        if !memo.text.is_empty() {
            memo.text.push_str("\n\n");
        }
        memo.text.push_str(text);
    }
    let unused =
        c.q.notes
            .iter()
            .filter(|n| !plan.used_notes.contains(&n.guid))
            .count();
    if unused > 0 {
        c.report.warnings.push(t!("refi-notes-unused", n = unused));
    }
}

pub(super) fn merge_cases(c: &mut ImportCtx, project: &mut Project, incoming: &[Incoming]) {
    let mut cols = project.cases.columns.clone();
    for qc in &c.q.cases {
        let name = canonicalize(&qc.name).trim().to_string();
        let attrs: Vec<(String, String)> = qc
            .values
            .iter()
            .filter_map(|v| {
                Some((
                    c.var_name(&v.variable)?,
                    canonicalize(&v.value).replace('\n', " "),
                ))
            })
            .collect();
        for (k, _) in &attrs {
            if !cols.contains(k) {
                cols.push(k.clone());
            }
        }
        match project.cases.cases.iter_mut().find(|x| x.name == name) {
            Some(existing) => {
                for (k, v) in attrs {
                    match existing.attrs.get(&k) {
                        Some(old) if !old.is_empty() && *old != v => c.report.warnings.push(t!(
                            "refi-case-conflict",
                            case = format!("{name:?}"),
                            field = k.as_str(),
                            old = format!("{old:?}"),
                            new = format!("{v:?}")
                        )),
                        _ => {
                            existing.attrs.insert(k, v);
                        }
                    }
                }
            }
            None => project.cases.cases.push(Case {
                name,
                attrs: attrs.into_iter().collect(),
            }),
        }
    }
    for inc in incoming {
        let case = inc.transcript.case();
        if project.cases.get(case).is_none() {
            project.cases.cases.push(Case {
                name: case.to_string(),
                ..Default::default()
            });
        }
    }
    if cols.is_empty() {
        cols.push(project.codebook.settings.group_attribute.clone());
    }
    for case in &mut project.cases.cases {
        for k in &cols {
            case.attrs.entry(k.clone()).or_default();
        }
    }
    project.cases.columns = cols;
}
