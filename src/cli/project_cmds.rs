//! Project-level commands: init, import, docs, check.

use super::output::{Format, print_rows};
use super::{Ctx, parse_kv};
use crate::store::Project;
use crate::store::import::{Meta, read_source, to_transcript};
use anyhow::{Context, bail};
use clap::Args;
use serde_json::json;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct InitArgs {
    /// Folder for the new project (default: the --project folder)
    pub dir: Option<PathBuf>,
    /// Start with an empty codebook instead of the default themes
    #[arg(long)]
    pub empty_codebook: bool,
}

pub fn init(a: &InitArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let dir = a.dir.clone().unwrap_or_else(|| ctx.root.clone());
    Project::init(&dir, a.empty_codebook)?;
    crate::say!("created a kodbok project in {}", dir.display());
    Ok(ExitCode::SUCCESS)
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
    /// Largest source file imported, in MB (bigger files are refused before they are read)
    #[arg(long, value_name = "MB", env = "KODBOK_MAX_IMPORT_MB", default_value_t = DEFAULT_MAX_IMPORT_MB)]
    pub max_size_mb: u64,
}

/// The default import size limit: two orders of magnitude above a long interview.
pub const DEFAULT_MAX_IMPORT_MB: u64 = 20;

type Ready = (
    PathBuf,
    crate::model::Transcript,
    Option<&'static str>,
    bool,
);

pub fn import(a: &ImportArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    if a.id.is_some() && a.files.len() > 1 {
        bail!(
            "--id names one transcript, but {} files were given",
            a.files.len()
        );
    }
    let mut project = ctx.open()?;
    let bar = progress(a.files.len());
    let mut ready: Vec<Ready> = Vec::new();
    for path in &a.files {
        bar.set_message(crate::safe::terminal(&path.display().to_string()).into_owned());
        check_size(path, a.max_size_mb)?;
        let bytes =
            std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
        let raw =
            read_source(path, &bytes).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        let meta = Meta {
            id: a.id.clone(),
            case: a.case.clone(),
            attrs: a.attrs.clone(),
            source_name: matches!(ext.as_str(), "vtt" | "srt" | "docx")
                .then(|| path.file_name().map(|n| n.to_string_lossy().to_string()))
                .flatten(),
        };
        let mut t = to_transcript(&raw, path, &meta)
            .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        if t.case().is_empty() {
            let id = t.id.clone();
            t.header.set("case", &id);
        }
        let dest = project.transcript_path(&t.id);
        if (dest.exists() || ready.iter().any(|r: &Ready| r.1.id == t.id)) && !a.force {
            bail!(
                "{}: transcript {:?} already exists ({}); nothing was imported. Use --force to replace it, or --id to choose another id",
                path.display(),
                t.id,
                dest.display()
            );
        }
        if !raw.invalid_lines.is_empty() {
            let lines: Vec<String> = raw
                .invalid_lines
                .iter()
                .take(10)
                .map(|l| l.to_string())
                .collect();
            let more = if raw.invalid_lines.len() > 10 {
                ", …"
            } else {
                ""
            };
            bar.suspend(|| {
                crate::warn_line!(
                    "kodbok: warning: {}: bytes that are not valid UTF-8 became � on line {}{more}; the rest of the file is UTF-8",
                    path.display(),
                    lines.join(", ")
                )
            });
        }
        ready.push((path.clone(), t, raw.encoding, raw.guessed));
        bar.inc(1);
    }
    bar.finish_and_clear();
    add_new_cases(&mut project, ready.iter().map(|r| &r.1), &a.attrs)?;
    for (path, t, enc, guessed) in &ready {
        project.save_transcript(t)?;
        let enc = match (enc, guessed) {
            (Some(e), true) => format!("{e}, detected"),
            (Some(e), false) => e.to_string(),
            (None, _) => "docx".into(),
        };
        crate::say!(
            "imported {} → {} ({enc}; case {}; {} turns, {} words)",
            path.display(),
            project.transcript_path(&t.id).display(),
            t.case(),
            t.turns.len(),
            t.word_count()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Refuses a source file larger than the limit before reading it (a transcript of a long interview
/// is well under 1 MB; hundreds of MB is a mistake such as a log or an export of a whole archive).
fn check_size(path: &std::path::Path, max_mb: u64) -> anyhow::Result<()> {
    let size = std::fs::metadata(path)
        .with_context(|| format!("cannot read {}", path.display()))?
        .len();
    if size > max_mb.saturating_mul(1024 * 1024) {
        bail!(
            "{}: {:.1} MB is larger than the {max_mb} MB kodbok imports as one transcript; nothing was imported. \
             Split it into one file per interview, or raise the limit with --max-size-mb (or KODBOK_MAX_IMPORT_MB)",
            path.display(),
            size as f64 / (1024.0 * 1024.0)
        );
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
    ts: impl Iterator<Item = &'a crate::model::Transcript>,
    attrs: &[(String, String)],
) -> anyhow::Result<()> {
    let mut changed = false;
    for t in ts {
        if project.cases.get(t.case()).is_some() {
            continue;
        }
        let mut case = crate::model::Case {
            name: t.case().to_string(),
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
            let counts: serde_json::Map<String, serde_json::Value> = p
                .coders
                .iter()
                .map(|(name, f)| (name.clone(), json!(f.for_doc(&t.id).count())))
                .collect();
            json!({
                "id": t.id,
                "case": t.case(),
                "group": p.group_of(&t.id),
                "role": t.role(),
                "turns": t.turns.len(),
                "words": t.word_count(),
                "codings": counts,
            })
        })
        .collect();
    print_rows(format, &rows)?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Move codings whose quoted text moved (after a transcript was edited) to where it is now
    #[arg(long)]
    pub reanchor: bool,
}

pub fn check(a: &CheckArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let mut p = match Project::open(&ctx.root) {
        Ok(p) => p,
        Err(crate::store::StoreError::Problems(ps)) => {
            for pr in &ps {
                crate::say!("{pr}");
            }
            crate::warn_line!("{} problem(s) found", ps.len());
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
                crate::say!("moved coding {id} ({c}) to where its quote is now");
            }
            p.coders.insert(c, file);
        }
    }
    let problems = p.check();
    for pr in &problems {
        crate::say!("{pr}");
    }
    if problems.is_empty() {
        let n = p.all_codings().count();
        crate::say!(
            "ok: {} transcripts, {} cases, {} codes, {} coders, {n} codings",
            p.transcripts.len(),
            p.cases.cases.len(),
            p.codebook.flatten().len(),
            p.coders.len()
        );
        Ok(ExitCode::SUCCESS)
    } else {
        crate::warn_line!("{} problem(s) found", problems.len());
        Ok(ExitCode::FAILURE)
    }
}
