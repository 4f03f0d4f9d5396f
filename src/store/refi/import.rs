//! Importing a `.qdpx` or `.qdc` into a project: everything is read, mapped and checked in memory,
//! staged in a temporary folder, and moved into place only when all of it checked out.

use super::archive::{self, Limits, Unpacked};
use super::codes::{self, CodeMerge};
use super::positions::{CrlfCounts, Mapped, canonical_mapped};
use super::read::{self, QProject, QText};
use super::stage;
use super::xml;
use crate::model::CoderFile;
use crate::model::text::{canonicalize, slugify};
use crate::model::transcript::{Header, Transcript};
use crate::store::import::plain::{Block, turns_from_blocks};
use crate::store::{Lock, Project, Result, StoreError, coder_name_ok};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

mod placing;
use placing::{Plan, add_codings, merge_cases};

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
pub struct Report {
    pub summary: Vec<String>,
    pub warnings: Vec<String>,
}

fn refused(file: &Path, msg: impl std::fmt::Display) -> StoreError {
    StoreError::refused(format!("{}: {msg}; nothing was imported", file.display()))
}

fn parse_xml(file: &Path, name: &str, bytes: &[u8]) -> Result<xml::Element> {
    let text = std::str::from_utf8(bytes)
        .map_err(|e| refused(file, format!("{name} is not UTF-8 ({e})")))?;
    xml::parse(text.trim_start_matches('\u{feff}'))
        .map_err(|e| refused(file, format!("{name}: {e}")))
}

/// Merges the codes of a `.qdc` into the project's codebook.
pub fn import_qdc(root: &Path, file: &Path, opts: &ImportOptions) -> Result<Report> {
    let bytes = std::fs::read(file).map_err(|e| StoreError::io(file, e))?;
    let root_el = parse_xml(file, "the codebook", &bytes)?;
    if root_el.name != "CodeBook" {
        return Err(refused(
            file,
            format!(
                "expected a <CodeBook> root element, found <{}>",
                root_el.name
            ),
        ));
    }
    let mut report = Report::default();
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
            format!("the merged codebook would be invalid: {e}"),
        ));
    }
    p.save_codebook()?;
    report_codes(&mut report, &merged);
    Ok(report)
}

fn report_codes(report: &mut Report, merged: &CodeMerge) {
    for a in &merged.added {
        report.summary.push(format!("new code: {a}"));
    }
    for (m, how) in &merged.matched {
        report.summary.push(format!("matched code ({how}): {m}"));
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
            return Err(refused(file, format!("a {kind} has no guid")));
        }
        if !seen.insert(g.clone()) {
            return Err(refused(file, format!("duplicate {kind} GUID {g}")));
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

/// Reads a source's text: inline, or `internal://` from the archive, or `relative://` beside it.
fn source_text(file: &Path, zip: &Unpacked, s: &QText) -> Result<Option<String>> {
    if let Some(c) = &s.content {
        return Ok(Some(c.clone()));
    }
    let Some(path) = s.path.as_deref() else {
        return Ok(None);
    };
    let bytes = if let Some(name) = path.strip_prefix("internal://") {
        if !archive::safe_relative(name) || name.contains(['/', '\\']) {
            return Err(refused(
                file,
                format!(
                    "source {:?} points at {path:?}, outside the archive's sources folder",
                    s.name
                ),
            ));
        }
        zip.source(name).map(<[u8]>::to_vec)
    } else if let Some(rel) = path.strip_prefix("relative://") {
        if !archive::safe_relative(rel) {
            return Err(refused(
                file,
                format!(
                    "source {:?} points at {path:?}, outside the project",
                    s.name
                ),
            ));
        }
        let base = file.parent().unwrap_or(Path::new("."));
        zip.source(rel)
            .map(<[u8]>::to_vec)
            .or_else(|| std::fs::read(base.join(rel)).ok())
    } else {
        None
    };
    let Some(bytes) = bytes else { return Ok(None) };
    match crate::store::decode::decode(&bytes) {
        Ok(d) => Ok(Some(d.text)),
        Err(crate::store::decode::DecodeError::Empty) => Ok(Some(String::new())),
        Err(e) => Err(refused(file, format!("source {:?}: {e}", s.name))),
    }
}

/// One source read and laid out as a transcript, with its position map.
struct Incoming {
    guid: String,
    transcript: Transcript,
    mapped: Mapped,
}

fn safe_key(name: &str) -> String {
    let k: String = canonicalize(name)
        .trim()
        .chars()
        .map(|c| {
            if c.is_whitespace() || c == ':' {
                '-'
            } else {
                c
            }
        })
        .collect();
    match k.as_str() {
        "" => "variable".into(),
        "id" | "case" => format!("refi-{k}"),
        _ => k,
    }
}

/// Non-empty names in first-seen order.
fn distinct<'a>(names: impl Iterator<Item = &'a String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for n in names.filter(|n| !n.is_empty()) {
        if !out.contains(n) {
            out.push(n.clone());
        }
    }
    out
}

fn make_transcript(id: &str, case: &str, fields: &[(String, String)], text: &str) -> Transcript {
    let mut header = Header::default();
    header.set("id", id);
    header.set("case", case);
    for (k, v) in fields {
        header.set(k, v);
    }
    let mut body = text.to_string();
    if !body.is_empty() && !body.ends_with('\n') {
        body.push('\n');
    }
    if header.get("speakers").is_none() {
        let turns = turns_from_blocks(&[Block::Text(text.to_string())]);
        let speakers = distinct(turns.iter().map(|t| &t.speaker));
        // The header lists the speakers only where reading the text without the list would differ.
        let plain = Transcript::new(id, header.clone(), body.clone());
        if distinct(plain.turns.iter().map(|t| &t.speaker)) != speakers {
            header.set("speakers", &speakers.join("; "));
        }
    }
    Transcript::new(id, header, body)
}

struct Ctx<'a> {
    file: &'a Path,
    q: &'a QProject,
    zip: &'a Unpacked,
    crlf: CrlfCounts,
    force: bool,
    report: Report,
}

impl Ctx<'_> {
    fn var_name(&self, guid: &str) -> Option<String> {
        self.q.variables.get(guid).map(|(n, _)| safe_key(n))
    }

    fn sources(&mut self, existing: &Project, force: bool) -> Result<Vec<Incoming>> {
        let mut case_of: HashMap<&str, &str> = HashMap::new();
        for c in &self.q.cases {
            for s in &c.sources {
                case_of.insert(s, &c.name);
            }
        }
        let mut out: Vec<Incoming> = Vec::new();
        for s in &self.q.sources {
            if s.rich_only {
                self.report
                    .warnings
                    .push(format!("source {:?} has only rich text; skipped", s.name));
                continue;
            }
            let Some(raw) = source_text(self.file, self.zip, s)? else {
                self.report.warnings.push(format!(
                    "source {:?}: its text was not found ({}); skipped",
                    s.name,
                    s.path.as_deref().unwrap_or("no path")
                ));
                continue;
            };
            let mapped = canonical_mapped(&raw, self.crlf);
            if mapped.text.trim().is_empty() {
                self.report
                    .warnings
                    .push(format!("source {:?} has no text; skipped", s.name));
                continue;
            }
            let stem = s
                .name
                .rsplit_once('.')
                .filter(|(_, e)| e.len() <= 4 && !e.contains(' '))
                .map_or(s.name.as_str(), |(a, _)| a);
            let mut id: String = slugify(stem).chars().take(60).collect();
            if id.is_empty() {
                id = format!("source-{}", out.len() + 1);
            }
            let base = id.clone();
            let mut n = 2;
            while out.iter().any(|i| i.transcript.id == id) {
                id = format!("{base}-{n}");
                n += 1;
            }
            if existing.transcripts.contains_key(&id) && !force {
                return Err(refused(
                    self.file,
                    format!(
                        "transcript {id:?} (source {:?}) already exists in the project; use --force to replace it",
                        s.name
                    ),
                ));
            }
            let case = case_of
                .get(s.guid.as_str())
                .map_or(id.clone(), |c| canonicalize(c).trim().to_string());
            let fields: Vec<(String, String)> = s
                .values
                .iter()
                .filter_map(|v| Some((self.var_name(&v.variable)?, v.value.clone())))
                .collect();
            if !s.description.trim().is_empty() {
                self.report.warnings.push(format!(
                    "source {:?}: its description was not imported",
                    s.name
                ));
            }
            if s.loose_codings > 0 {
                self.report.warnings.push(format!(
                    "source {:?}: {} codings of the whole source (no selection) skipped",
                    s.name, s.loose_codings
                ));
            }
            let transcript = make_transcript(&id, &case, &fields, &mapped.text);
            out.push(Incoming {
                guid: s.guid.clone(),
                transcript,
                mapped,
            });
        }
        Ok(out)
    }
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
pub fn import_qdpx(root: &Path, file: &Path, opts: &ImportOptions) -> Result<Report> {
    let bytes = std::fs::read(file).map_err(|e| StoreError::io(file, e))?;
    let zip = archive::unpack(&bytes, &opts.limits).map_err(|e| refused(file, e))?;
    let el = parse_xml(file, &zip.project, &zip.files[&zip.project])?;
    let mut q = read::project(&el).map_err(|e| refused(file, e))?;
    check_guids(file, &q)?;
    if let Some(sep) = &opts.split_names {
        q.codes = codes::split_names(std::mem::take(&mut q.codes), sep);
    }
    let users = coder_names(&q);
    let mut c = Ctx {
        file,
        q: &q,
        zip: &zip,
        crlf: opts
            .crlf
            .unwrap_or_else(|| CrlfCounts::from_origin(&q.origin)),
        force: opts.force,
        report: Report::default(),
    };
    let _locks = lock_all(root, &users, &opts.default_coder)?;
    let mut project = Project::open(root)?;
    let before: HashSet<String> = project.check().iter().map(|p| p.to_string()).collect();
    let incoming = c.sources(&project, opts.force)?;
    let mut merged = CodeMerge::default();
    codes::merge(&mut project.codebook, &q.codes, None, false, &mut merged);
    let mut plan = Plan {
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
            format!("the imported study would not check out: {p}"),
        ));
    }
    let mut files: Vec<(std::path::PathBuf, Vec<u8>)> = Vec::new();
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
    files.push((project.codebook_path(), json(&project.codebook)?));
    files.push((
        project.cases_path(),
        crate::store::cases_csv::render(&project.cases).into_bytes(),
    ));
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
    r: &mut Report,
    q: &QProject,
    incoming: &[Incoming],
    merged: &CodeMerge,
    users: &HashMap<String, String>,
    coders: &BTreeMap<String, CoderFile>,
    codings: usize,
    p: &Project,
) {
    r.summary
        .push(format!("from {:?} (origin {:?})", q.name, q.origin));
    r.summary.push(format!(
        "{} transcripts: {}",
        incoming.len(),
        incoming
            .iter()
            .map(|i| i.transcript.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    ));
    r.summary.push(format!(
        "{} codes ({} new, {} matched)",
        merged.ids.len(),
        merged.added.len(),
        merged.matched.len()
    ));
    r.summary.push(format!(
        "{codings} codings by {}",
        coders.keys().cloned().collect::<Vec<_>>().join(", ")
    ));
    for (g, name) in &q.users {
        if let Some(c) = users.get(g).filter(|c| *c != name) {
            r.summary.push(format!("user {name:?} became coder {c}"));
        }
    }
    r.summary.push(format!(
        "{} cases in transcripts/cases.csv",
        p.cases.cases.len()
    ));
    r.warnings.extend(q.warnings.iter().cloned());
    r.warnings.extend(merged.warnings.iter().cloned());
    for a in &merged.added {
        r.summary.push(format!("new code: {a}"));
    }
}
