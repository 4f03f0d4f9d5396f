//! Project-level commands: init, import, docs, check.

use super::output::{Format, ident, print_rows_with};
use super::{Ctx, parse_kv};
use crate::store::Project;
use crate::store::import::{Meta, read_source, to_transcript};
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
    println!("{}", t!("init-created", dir = shown.as_str()));
    let project = if dir == std::path::Path::new(".") {
        String::new()
    } else {
        format!(" --project {}", shell_word(&shown))
    };
    println!("{}", t!("init-next", project = project));
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
    #[command(flatten)]
    pub refi: super::refi::RefiImportArgs,
}

type Ready = (
    PathBuf,
    crate::model::Transcript,
    Option<&'static str>,
    bool,
);

pub fn import(a: &ImportArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    if a.id.is_some() && a.files.len() > 1 {
        bail!(t!("import-id-one", n = a.files.len()));
    }
    if a.files.iter().any(|f| super::refi::is_refi(f)) {
        if a.files.len() > 1 || a.id.is_some() || a.case.is_some() || !a.attrs.is_empty() {
            bail!("a .qdpx or .qdc file is imported alone, without --id, --case or --attr");
        }
        return super::refi::import(&a.files[0], &a.refi, a.force, ctx);
    }
    if a.refi.crlf_counts.is_some() || a.refi.split_names.is_some() {
        bail!("--crlf-counts and --split-names apply to .qdpx and .qdc files only");
    }
    let mut project = ctx.open()?;
    let bar = progress(a.files.len());
    let mut ready: Vec<Ready> = Vec::new();
    for path in &a.files {
        bar.set_message(path.display().to_string());
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
        if let Some(first) = ready.iter().find(|r: &&Ready| r.1.id == t.id) {
            bail!(t!(
                "import-same-id",
                first = first.0.display().to_string(),
                second = path.display().to_string(),
                id = t.id.as_str()
            ));
        }
        let dest = project.transcript_path(&t.id);
        if dest.exists() && !a.force {
            bail!(t!(
                "import-exists",
                path = path.display().to_string(),
                id = t.id.as_str(),
                dest = dest.display().to_string()
            ));
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
        println!(
            "{}",
            t!(
                "imported",
                path = path.display().to_string(),
                dest = project.transcript_path(&t.id).display().to_string(),
                encoding = enc,
                case = t.case(),
                turns = t.turns.len(),
                words = t.word_count()
            )
        );
    }
    Ok(ExitCode::SUCCESS)
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
    let mut p = match Project::open(&ctx.root) {
        Ok(p) => p,
        Err(crate::store::StoreError::Problems(ps)) => {
            for pr in &ps {
                println!("{pr}");
            }
            eprintln!("{}", t!("check-problems", n = ps.len()));
            return Ok(ExitCode::FAILURE);
        }
        Err(e) => return Err(e.into()),
    };
    if a.reanchor {
        let coders: Vec<String> = p.coders.keys().cloned().collect();
        let _locks = coders
            .iter()
            .map(|c| p.lock_coder(c))
            .collect::<Result<Vec<_>, _>>()?;
        for c in &coders {
            p.reload_coder(c)?;
        }
        let moved = p.reanchor_all();
        let mut touched: Vec<&String> = moved.iter().map(|(c, _)| c).collect();
        touched.dedup();
        for c in touched {
            p.save_coder(c)?;
        }
        for (c, id) in &moved {
            println!(
                "{}",
                t!("check-moved", id = id.as_str(), coder = c.as_str())
            );
        }
    }
    let problems = p.check();
    for pr in &problems {
        println!("{pr}");
    }
    if problems.is_empty() {
        let n = p.all_codings().count();
        println!(
            "{}",
            t!(
                "check-ok",
                transcripts = p.transcripts.len(),
                cases = p.cases.cases.len(),
                codes = p.codebook.flatten().len(),
                coders = p.coders.len(),
                codings = n
            )
        );
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!("{}", t!("check-problems", n = problems.len()));
        Ok(ExitCode::FAILURE)
    }
}
