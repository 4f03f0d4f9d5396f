//! Project-level commands: init, import, docs, check.

use super::output::{Format, ident, print_rows_with};
use super::{Ctx, parse_kv};
use crate::store::Project;
use crate::store::import::{Meta, read_source, to_transcript};
use crate::store::stats::DocStats;
use crate::t;
use anyhow::{Context, bail};
use clap::Args;
use serde_json::json;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Starter {
    /// The reference study's five themes and their sub-codes, described in the language of --lang
    Sample,
    /// No codes yet
    Empty,
}

#[derive(Args, Debug)]
pub struct InitArgs {
    /// Folder for the new project (default: the --project folder)
    pub dir: Option<PathBuf>,
    /// The codebook to start with
    #[arg(long, value_enum, default_value_t = Starter::Sample)]
    pub codebook: Starter,
    /// The same as --codebook empty (kept for scripts)
    #[arg(long, hide = true)]
    pub empty_codebook: bool,
}

/// Creates the project without asking anything, then prints the next three steps.
pub fn init(a: &InitArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    use crate::store::project::{DEFAULT_CODEBOOK, SAMPLE_CODEBOOK_SV};
    let dir = a.dir.clone().unwrap_or_else(|| ctx.root.clone());
    let book = match (a.codebook, a.empty_codebook, crate::i18n::lang()) {
        (Starter::Empty, _, _) | (_, true, _) => None,
        (Starter::Sample, false, crate::i18n::Lang::Sv) => Some(SAMPLE_CODEBOOK_SV),
        (Starter::Sample, false, crate::i18n::Lang::En) => Some(DEFAULT_CODEBOOK),
    };
    Project::init_with(&dir, book)?;
    let shown = dir.display().to_string();
    crate::say!("{}", t!("init-created", dir = shown.as_str()));
    let project = if dir == std::path::Path::new(".") {
        String::new()
    } else {
        format!(" --project {}", shell_word(&shown))
    };
    crate::say!("{}", t!("init-next", project = project));
    Ok(ExitCode::SUCCESS)
}

/// `s` quoted for a shell when it needs it.
fn shell_word(s: &str) -> String {
    if s.chars().all(|c| c.is_alphanumeric() || "-_./".contains(c)) {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// Files to import
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Case (e.g. municipality) the transcripts belong to
    #[arg(long)]
    pub case: Option<String>,
    /// Transcript id (only with a single file; default: from the file name)
    #[arg(long)]
    pub id: Option<String>,
    /// Header field for the transcripts, e.g. role=kommunchef; for a new case, also
    /// set in cases.csv when the key is one of its columns (e.g. grupp=låg)
    #[arg(long = "attr", value_parser = parse_kv, value_name = "KEY=VALUE")]
    pub attrs: Vec<(String, String)>,
    /// Replace transcripts that already exist
    #[arg(long)]
    pub force: bool,
    /// A CSV sheet with a row per file: `file` (its name), `case`, and any attributes as further
    /// columns (e.g. file,case,grupp,role); replaces --case for many files from many cases
    #[arg(long, value_name = "CSV")]
    pub cases: Option<PathBuf>,
    /// Largest source file imported, in MB (bigger files are refused before they are read)
    #[arg(long, value_name = "MB", env = "KODBOK_MAX_IMPORT_MB", default_value_t = DEFAULT_MAX_IMPORT_MB)]
    pub max_size_mb: u64,
    #[command(flatten)]
    pub refi: super::refi::RefiImportArgs,
}

/// The default import size limit: two orders of magnitude above a long interview.
pub const DEFAULT_MAX_IMPORT_MB: u64 = 20;

/// A source file converted and staged (its transcript written to a temp file), with what the
/// messages and cases.csv need; the text itself is not kept, so memory is bounded by the largest file.
struct Ready {
    path: PathBuf,
    id: String,
    case: String,
    attrs: Vec<(String, String)>,
    encoding: Option<&'static str>,
    guessed: bool,
    invalid_lines: Vec<usize>,
    turns: usize,
    words: usize,
    stats: DocStats,
    staged: (PathBuf, PathBuf),
}

pub fn import(a: &ImportArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    if a.id.is_some() && a.files.len() > 1 {
        bail!(t!("import-id-one", n = a.files.len()));
    }
    if a.files.iter().any(|f| super::refi::is_refi(f)) {
        if a.files.len() > 1 || a.id.is_some() || a.case.is_some() || !a.attrs.is_empty() {
            bail!(t!("import-refi-alone"));
        }
        return super::refi::import(&a.files[0], &a.refi, a.force, ctx);
    }
    if a.refi.crlf_counts.is_some() || a.refi.split_names.is_some() {
        bail!(t!("import-refi-only-options"));
    }
    let mut project = ctx.open()?;
    let metas = metas(a)?;
    let bar = progress(a.files.len());
    // Decoding, normalising, parsing and writing the temp files run on every core; the project
    // changes only when all of them succeeded (the temps are renamed at the end).
    let converted: Vec<anyhow::Result<Ready>> = {
        use rayon::prelude::*;
        a.files
            .par_iter()
            .zip(metas.par_iter())
            .enumerate()
            .map(|(i, (path, meta))| {
                let r = convert(&project, path, meta, (a.max_size_mb, a.force), i);
                bar.inc(1);
                r
            })
            .collect()
    };
    bar.finish_and_clear();
    let mut staged = crate::store::atomic::Staged::default();
    let mut ready: Vec<Ready> = Vec::with_capacity(converted.len());
    let mut first_err = None;
    for r in converted {
        match r {
            Ok(r) => {
                staged.push(r.staged.clone());
                ready.push(r);
            }
            Err(e) => {
                first_err.get_or_insert(e);
            }
        }
    }
    if let Some(e) = first_err {
        return Err(e);
    }
    for (i, r) in ready.iter().enumerate() {
        if let Some(first) = ready[..i].iter().find(|f| f.id == r.id) {
            bail!(t!(
                "import-same-id",
                first = first.path.display().to_string(),
                second = r.path.display().to_string(),
                id = r.id.as_str()
            ));
        }
    }
    for r in &ready {
        warn_invalid(&r.path, &r.invalid_lines);
    }
    add_new_cases(
        &mut project,
        ready.iter().map(|r| (r.case.as_str(), r.attrs.as_slice())),
    )?;
    staged.commit()?;
    let counted = ready.iter_mut().map(|r| std::mem::take(&mut r.stats));
    crate::store::stats::record(&project.root, counted);
    // one write for all the lines, not one per file
    use std::io::Write as _;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for r in &ready {
        let enc = match (r.encoding, r.guessed) {
            (Some(e), true) => format!("{e}, detected"),
            (Some(e), false) => e.to_string(),
            (None, _) => "docx".into(),
        };
        let line = t!(
            "imported",
            path = r.path.display().to_string(),
            dest = r.staged.1.display().to_string(),
            encoding = enc,
            case = r.case.as_str(),
            turns = r.turns,
            words = r.words
        );
        // the files are in place whether or not the listing can be printed (a closed pipe)
        let _ = writeln!(out, "{}", crate::safe::terminal(&line));
    }
    let _ = out.flush();
    Ok(ExitCode::SUCCESS)
}

/// The header values of each file: from `--cases` (a row per file name), else `--id/--case/--attr`.
fn metas(a: &ImportArgs) -> anyhow::Result<Vec<Meta>> {
    let base = Meta {
        id: a.id.clone(),
        case: a.case.clone(),
        attrs: a.attrs.clone(),
        source_name: None,
    };
    let Some(sheet) = &a.cases else {
        return Ok(vec![base; a.files.len()]);
    };
    if a.case.is_some() {
        bail!(t!("import-cases-and-case"));
    }
    let bytes = std::fs::read(sheet)
        .with_context(|| t!("context-reading", path = sheet.display().to_string()))?;
    let rows = crate::store::cases_csv::parse_meta(&bytes, sheet)?;
    let mut out = Vec::with_capacity(a.files.len());
    for path in &a.files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let Some(row) = rows.iter().find(|r| r.file == name) else {
            bail!(t!(
                "import-cases-no-row",
                sheet = sheet.display().to_string(),
                file = name
            ));
        };
        let mut m = base.clone();
        m.case = Some(row.case.clone());
        m.attrs.extend(row.attrs.iter().cloned());
        out.push(m);
    }
    Ok(out)
}

/// Reads, converts and stages one source file (run in parallel; prints nothing).
fn convert(
    project: &Project,
    path: &std::path::Path,
    meta: &Meta,
    (max_mb, force): (u64, bool),
    tag: usize,
) -> anyhow::Result<Ready> {
    check_size(path, max_mb)?;
    let bytes = std::fs::read(path)
        .with_context(|| t!("context-reading", path = path.display().to_string()))?;
    let raw = read_source(path, &bytes)
        .map_err(|e| anyhow::anyhow!("{}: {}", path.display(), crate::messages::import(&e)))?;
    drop(bytes);
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let meta = Meta {
        source_name: matches!(ext.as_str(), "vtt" | "srt" | "docx")
            .then(|| path.file_name().map(|n| n.to_string_lossy().to_string()))
            .flatten(),
        ..meta.clone()
    };
    let mut t = to_transcript(&raw, path, &meta)
        .map_err(|e| anyhow::anyhow!("{}: {}", path.display(), crate::messages::import(&e)))?;
    if t.case().is_empty() {
        let id = t.id.clone();
        t.header.set("case", &id);
    }
    let dest = project.transcript_path(&t.id);
    if dest.exists() && !force {
        bail!(t!(
            "import-exists",
            path = path.display().to_string(),
            id = t.id.as_str(),
            dest = dest.display().to_string()
        ));
    }
    let content = t.render();
    let staged = crate::store::atomic::Staged::stage_file(&dest, content.as_bytes(), tag)?;
    // Counted here once, so that the analyses need not segment the words again (`store::stats`).
    let stats = DocStats::of(&t, crate::store::stats::hash(content.as_bytes()));
    Ok(Ready {
        path: path.to_path_buf(),
        id: t.id.clone(),
        case: t.case().to_string(),
        attrs: meta.attrs.clone(),
        encoding: raw.encoding,
        guessed: raw.guessed,
        invalid_lines: raw.invalid_lines.clone(),
        turns: t.turns.len(),
        words: stats.words,
        stats,
        staged,
    })
}

fn warn_invalid(path: &std::path::Path, invalid: &[usize]) {
    if invalid.is_empty() {
        return;
    }
    let lines: Vec<String> = invalid.iter().take(10).map(|l| l.to_string()).collect();
    let more = if invalid.len() > 10 { ", …" } else { "" };
    crate::warn_line!(
        "kodbok: warning: {}: bytes that are not valid UTF-8 became � on line {}{more}; the rest of the file is UTF-8",
        path.display(),
        lines.join(", ")
    );
}

/// Refuses a source file larger than the limit before reading it (a transcript of a long interview
/// is well under 1 MB; hundreds of MB is a mistake such as a log or an export of a whole archive).
fn check_size(path: &std::path::Path, max_mb: u64) -> anyhow::Result<()> {
    let size = std::fs::metadata(path)
        .with_context(|| t!("context-reading", path = path.display().to_string()))?
        .len();
    if size > max_mb.saturating_mul(1024 * 1024) {
        bail!(t!(
            "import-too-large",
            path = path.display().to_string(),
            size = crate::i18n::number(size as f64 / (1024.0 * 1024.0), 1),
            max = max_mb
        ));
    }
    Ok(())
}

fn progress(n: usize) -> indicatif::ProgressBar {
    if n < 2 {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(n as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}") {
        bar.set_style(style);
    }
    bar
}

/// Adds cases that cases.csv does not list yet, with the attributes that match its columns.
fn add_new_cases<'a>(
    project: &mut Project,
    cases: impl Iterator<Item = (&'a str, &'a [(String, String)])>,
) -> anyhow::Result<()> {
    let mut changed = false;
    for (name, attrs) in cases {
        if project.cases.get(name).is_some() {
            continue;
        }
        let mut case = crate::model::Case {
            name: name.to_string(),
            ..Default::default()
        };
        for (k, v) in attrs {
            if project.cases.columns.contains(k) {
                case.attrs.insert(k.clone(), v.clone());
            }
        }
        project.cases.cases.push(case);
        changed = true;
    }
    if changed {
        if project.cases.columns.is_empty() {
            project
                .cases
                .columns
                .push(project.codebook.settings.group_attribute.clone());
        }
        project.save_cases()?;
    }
    Ok(())
}

pub fn docs(format: Format, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let p = ctx.open()?;
    let rows: Vec<_> = p
        .transcripts
        .values()
        .map(|t| {
            let mut row = json!({
                "id": t.id,
                "case": t.case(),
                "group": p.group_of(&t.id),
                "role": t.role(),
                "turns": t.turns.len(),
                "words": t.word_count(),
            });
            let counts = p
                .coders
                .iter()
                .map(|(name, f)| (name.clone(), json!(f.for_doc(&t.id).count())));
            if format == Format::Json {
                row["codings"] = json!(counts.collect::<serde_json::Map<_, _>>());
            } else {
                // One value per cell: a column per coder.
                for (name, n) in counts {
                    row[format!("codings_{}", ident(&name))] = n;
                }
            }
            row
        })
        .collect();
    let cols = ["id", "case", "group", "role", "turns", "words"];
    print_rows_with(format, &rows, &cols)?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Move codings whose quoted text moved (after a transcript was edited) to where it is now
    #[arg(long)]
    pub reanchor: bool,
}

pub fn check(a: &CheckArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    // checking compares quotes with the text; re-anchoring reads each coder file whole again under its lock
    let load = crate::store::Load::AllWith(crate::store::Fields::Quotes);
    let mut p = match Project::open_with(&ctx.root, &load) {
        Ok(p) => p,
        Err(crate::store::StoreError::Problems(ps)) => {
            for pr in &ps {
                crate::say!("{}", crate::messages::file_problem(pr));
            }
            crate::warn_line!("{}", t!("check-problems", n = ps.len()));
            return Ok(ExitCode::FAILURE);
        }
        Err(e) => return Err(e.into()),
    };
    if a.reanchor {
        let coders: Vec<String> = p.coders.keys().cloned().collect();
        let written = p.update_coders(&coders, |_, file| {
            Ok(crate::store::project::reanchor_file(&p.transcripts, file))
        })?;
        for (c, moved, file) in written {
            for id in &moved {
                crate::say!(
                    "{}",
                    t!("check-moved", id = id.as_str(), coder = c.as_str())
                );
            }
            p.coders.insert(c, file);
        }
    }
    let problems = p.check();
    for pr in &problems {
        crate::say!("{}", crate::messages::file_problem(pr));
    }
    let n = p.all_codings().count();
    let (transcripts, cases, codes, coders) = (
        p.transcripts.len(),
        p.cases.cases.len(),
        p.codebook.flatten().len(),
        p.coders.len(),
    );
    super::free_at_exit(p);
    if problems.is_empty() {
        crate::say!(
            "{}",
            t!(
                "check-ok",
                transcripts = transcripts,
                cases = cases,
                codes = codes,
                coders = coders,
                codings = n
            )
        );
        Ok(ExitCode::SUCCESS)
    } else {
        crate::warn_line!("{}", t!("check-problems", n = problems.len()));
        Ok(ExitCode::FAILURE)
    }
}
