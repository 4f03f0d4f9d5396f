//! Importing a `.qdpx` or `.qdc` into a project: everything is read, mapped and checked in memory,
//! staged in a temporary folder, and moved into place only when all of it checked out.

use super::archive::{self, Limits, Unpacked};
use super::codes::{self, CodeMerge};
use super::positions::CrlfCounts;
use super::read::{self, QProject};
use super::stage;
use super::xml;
use crate::model::CoderFile;
use crate::model::text::slugify;
use crate::store::{Lock, Project, Result, StoreError, coder_name_ok};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

mod placing;
mod sources;
use placing::{Placement, add_codings, merge_cases};
use sources::{Incoming, source_text};

#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// How the writer counted CRLF; None: from the file's `origin` (NVivo 2, others 1).
    pub crlf: Option<CrlfCounts>,
    /// Replace transcripts that already exist.
    pub force: bool,
    /// Coder for codings that name no user.
    pub default_coder: String,
    /// Rebuild a hierarchy from flat code names split on this separator.
    pub split_names: Option<String>,
    pub limits: Limits,
}

/// What came through and what did not.
#[derive(Debug, Default)]
pub struct ImportReport {
    pub summary: Vec<String>,
    pub warnings: Vec<String>,
}

fn refused(file: &Path, msg: impl std::fmt::Display) -> StoreError {
    StoreError::refused(crate::t!(
        "refi-refused",
        file = file.display().to_string(),
        message = msg.to_string()
    ))
}

fn parse_xml(file: &Path, name: &str, bytes: &[u8]) -> Result<xml::Element> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let e = e.to_string();
        refused(file, crate::t!("refi-not-utf8", part = name, error = e))
    })?;
    xml::parse(text.trim_start_matches('\u{feff}'))
        .map_err(|e| refused(file, format!("{name}: {e}")))
}

/// Merges the codes of a `.qdc` into the project's codebook.
pub fn import_qdc(root: &Path, file: &Path, opts: &ImportOptions) -> Result<ImportReport> {
    let bytes = std::fs::read(file).map_err(|e| StoreError::io(file, e))?;
    let root_el = parse_xml(file, &crate::t!("refi-part-codebook"), &bytes)?;
    if root_el.name != "CodeBook" {
        return Err(refused(
            file,
            crate::t!(
                "refi-wrong-root",
                want = "CodeBook",
                found = root_el.name.as_str()
            ),
        ));
    }
    let mut report = ImportReport::default();
    let mut qcodes = read::codes(&root_el, &mut report.warnings);
    check_unique(file, "code", flat_guids(&qcodes))?;
    if let Some(sep) = &opts.split_names {
        qcodes = codes::split_names(qcodes, sep);
    }
    let p = Project::open(root)?;
    let _lock = p.lock_codebook()?;
    let mut p = Project::open(root)?;
    let mut merged = CodeMerge::default();
    codes::merge(&mut p.codebook, &qcodes, None, true, &mut merged);
    let e = p.codebook.validate();
    if let Some(e) = e.first() {
        return Err(refused(
            file,
            crate::t!("refi-codebook-invalid", error = e.to_string()),
        ));
    }
    p.save_codebook()?;
    report_codes(&mut report, &merged);
    Ok(report)
}

fn report_codes(report: &mut ImportReport, merged: &CodeMerge) {
    for a in &merged.added {
        report
            .summary
            .push(crate::t!("refi-new-code", code = a.as_str()));
    }
    for (m, how) in &merged.matched {
        report.summary.push(crate::t!(
            "refi-matched-code",
            how = how.to_lowercase(),
            code = m.as_str()
        ));
    }
    report.warnings.extend(merged.warnings.iter().cloned());
}

fn flat_guids(codes: &[read::QCode]) -> Vec<String> {
    let mut out = Vec::new();
    for c in codes {
        out.push(c.guid.clone());
        out.extend(flat_guids(&c.children));
    }
    out
}

fn check_unique(file: &Path, kind: &str, guids: impl IntoIterator<Item = String>) -> Result<()> {
    let mut seen = HashSet::new();
    for g in guids {
        if g.is_empty() {
            return Err(refused(file, crate::t!("refi-no-guid", kind = kind)));
        }
        if !seen.insert(g.clone()) {
            return Err(refused(
                file,
                crate::t!("refi-duplicate-guid", kind = kind, guid = g),
            ));
        }
    }
    Ok(())
}

fn check_guids(file: &Path, q: &QProject) -> Result<()> {
    check_unique(file, "code", flat_guids(&q.codes))?;
    check_unique(file, "user", q.users.iter().map(|u| u.0.clone()))?;
    check_unique(file, "source", q.sources.iter().map(|s| s.guid.clone()))?;
    check_unique(file, "note", q.notes.iter().map(|s| s.guid.clone()))?;
    check_unique(file, "case", q.cases.iter().map(|s| s.guid.clone()))?;
    check_unique(file, "variable", q.variable_order.iter().cloned())?;
    let sels = q.sources.iter().flat_map(|s| &s.selections);
    check_unique(file, "selection", sels.clone().map(|s| s.guid.clone()))?;
    check_unique(
        file,
        "coding",
        sels.flat_map(|s| &s.codings).map(|c| c.guid.clone()),
    )
}

struct ImportCtx<'a> {
    file: &'a Path,
    q: &'a QProject,
    zip: &'a Unpacked,
    crlf: CrlfCounts,
    force: bool,
    report: ImportReport,
}

/// Users as safe coder names, each distinct.
fn coder_names(q: &QProject) -> HashMap<String, String> {
    let mut out: HashMap<String, String> = HashMap::new();
    let mut used: HashSet<String> = HashSet::new();
    for (guid, name) in &q.users {
        let trimmed = name.trim();
        let mut base = if coder_name_ok(trimmed) {
            trimmed.to_string()
        } else {
            slugify(trimmed)
        };
        if base.is_empty() {
            base = format!("coder-{}", out.len() + 1);
        }
        let mut n = 2;
        let mut c = base.clone();
        while used.contains(&c) {
            c = format!("{base}-{n}");
            n += 1;
        }
        used.insert(c.clone());
        out.insert(guid.clone(), c);
    }
    out
}

/// Imports a whole study from a `.qdpx`.
pub fn import_qdpx(root: &Path, file: &Path, opts: &ImportOptions) -> Result<ImportReport> {
    let bytes = std::fs::read(file).map_err(|e| StoreError::io(file, e))?;
    let zip = archive::unpack(&bytes, &opts.limits).map_err(|e| refused(file, e))?;
    let el = parse_xml(file, &zip.project, &zip.files[&zip.project])?;
    let mut q = read::project(&el).map_err(|e| refused(file, e))?;
    check_guids(file, &q)?;
    if let Some(sep) = &opts.split_names {
        q.codes = codes::split_names(std::mem::take(&mut q.codes), sep);
    }
    let users = coder_names(&q);
    let mut c = ImportCtx {
        file,
        q: &q,
        zip: &zip,
        crlf: opts
            .crlf
            .unwrap_or_else(|| CrlfCounts::from_origin(&q.origin)),
        force: opts.force,
        report: ImportReport::default(),
    };
    let _locks = lock_all(root, &users, &opts.default_coder)?;
    let mut project = Project::open(root)?;
    let before: HashSet<String> = project.check().iter().map(|p| p.to_string()).collect();
    let incoming = c.sources(&project, opts.force)?;
    let mut merged = CodeMerge::default();
    codes::merge(&mut project.codebook, &q.codes, None, false, &mut merged);
    let mut plan = Placement {
        project,
        coders: BTreeMap::new(),
        used_notes: HashSet::new(),
        codings: 0,
    };
    add_codings(
        &mut c,
        &mut plan,
        &incoming,
        &merged,
        &users,
        &opts.default_coder,
    )?;
    let mut project = plan.project;
    for inc in &incoming {
        project
            .transcripts
            .insert(inc.transcript.id.clone(), inc.transcript.clone());
    }
    merge_cases(&mut c, &mut project, &incoming);
    project.coders.extend(plan.coders.clone());
    let problems: Vec<String> = project
        .check()
        .iter()
        .map(|p| p.to_string())
        .filter(|p| !before.contains(p))
        .collect();
    if let Some(p) = problems.first() {
        return Err(refused(
            file,
            crate::t!("refi-would-not-check", problem = p.as_str()),
        ));
    }
    // What others refer to goes first: codebook and cases, then transcripts, then the codings on them.
    let mut files: Vec<(std::path::PathBuf, Vec<u8>)> = vec![
        (project.codebook_path(), json(&project.codebook)?),
        (
            project.cases_path(),
            crate::store::cases_csv::render(&project.cases).into_bytes(),
        ),
    ];
    for inc in &incoming {
        files.push((
            project.transcript_path(&inc.transcript.id),
            inc.transcript.render().into_bytes(),
        ));
    }
    for (name, f) in &plan.coders {
        let mut f = f.clone();
        f.sort();
        files.push((project.coder_path(name), json(&f)?));
    }
    stage::commit(root, &files)?;
    let mut report = c.report;
    summarize(
        &mut report,
        &q,
        &incoming,
        &merged,
        &users,
        &plan.coders,
        plan.codings,
        &project,
    );
    Ok(report)
}

fn json<T: serde::Serialize>(v: &T) -> Result<Vec<u8>> {
    let mut s = serde_json::to_string_pretty(v).map_err(|e| StoreError::refused(e.to_string()))?;
    s.push('\n');
    Ok(s.into_bytes())
}

fn lock_all(root: &Path, users: &HashMap<String, String>, default: &str) -> Result<Vec<Lock>> {
    let p = Project::open(root)?;
    let mut names: Vec<&String> = users.values().collect();
    let d = default.to_string();
    names.push(&d);
    names.sort();
    names.dedup();
    let mut locks = vec![p.lock_codebook()?];
    for n in names {
        locks.push(p.lock_coder(n)?);
    }
    Ok(locks)
}

#[allow(clippy::too_many_arguments)]
fn summarize(
    r: &mut ImportReport,
    q: &QProject,
    incoming: &[Incoming],
    merged: &CodeMerge,
    users: &HashMap<String, String>,
    coders: &BTreeMap<String, CoderFile>,
    codings: usize,
    p: &Project,
) {
    use crate::t;
    r.summary.push(t!(
        "refi-summary-from",
        name = format!("{:?}", q.name),
        origin = format!("{:?}", q.origin)
    ));
    let ids: Vec<&str> = incoming.iter().map(|i| i.transcript.id.as_str()).collect();
    r.summary.push(t!(
        "refi-summary-transcripts",
        n = incoming.len(),
        ids = ids.join(", ")
    ));
    r.summary.push(t!(
        "refi-summary-codes",
        n = merged.ids.len(),
        new = merged.added.len(),
        matched = merged.matched.len()
    ));
    r.summary.push(t!(
        "refi-summary-codings",
        n = codings,
        coders = coders.keys().cloned().collect::<Vec<_>>().join(", ")
    ));
    for (g, name) in &q.users {
        if let Some(c) = users.get(g).filter(|c| *c != name) {
            r.summary.push(t!(
                "refi-summary-user",
                name = format!("{name:?}"),
                coder = c.as_str()
            ));
        }
    }
    r.summary
        .push(t!("refi-summary-cases", n = p.cases.cases.len()));
    r.warnings.extend(q.warnings.iter().cloned());
    r.warnings.extend(merged.warnings.iter().cloned());
    for a in &merged.added {
        r.summary.push(t!("refi-new-code", code = a.as_str()));
    }
}
