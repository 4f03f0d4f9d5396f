//! `kodbok export qdpx|qdc` and `kodbok import FILE.qdpx|FILE.qdc`: REFI-QDA exchange, a thin call into
//! `store::refi`.

use super::Ctx;
use crate::model::CONSENSUS_CODER;
use crate::model::text::sanitize_for_display;
use crate::store::refi::{self, CrlfCounts, ImportOptions, ImportReport};
use anyhow::bail;
use clap::Args;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct QdpxArgs {
    /// The .qdpx file to write
    pub file: PathBuf,
    /// Export only the consensus layer (codings/konsensus.json). Without it, every coder's codings are
    /// exported; the global `--coder A,B` chooses coders
    #[arg(long, value_name = "LAYER", value_parser = ["konsensus"])]
    pub layer: Option<String>,
}

#[derive(Args, Debug)]
pub struct QdcArgs {
    /// The .qdc file to write
    pub file: PathBuf,
}

/// True for the files `kodbok import` hands to the REFI-QDA importer.
pub fn is_refi(path: &Path) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    ext == "qdpx" || ext == "qdc"
}

fn coders(a: &QdpxArgs, ctx: &Ctx, p: &crate::store::Project) -> anyhow::Result<Vec<String>> {
    if a.layer.is_some() {
        if ctx.coder_filter.is_some() {
            bail!(crate::t!("refi-coder-and-layer"));
        }
        return Ok(vec![CONSENSUS_CODER.to_string()]);
    }
    Ok(match &ctx.coder_filter {
        Some(list) => list
            .split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect(),
        None => p
            .coders
            .keys()
            .filter(|c| *c != CONSENSUS_CODER)
            .cloned()
            .collect(),
    })
}

pub fn export_qdpx(a: &QdpxArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let mut p = ctx.open()?;
    record_guids(&mut p);
    let list = coders(a, ctx, &p)?;
    let s = refi::export_qdpx(&p, &list, &a.file)?;
    let coders = if s.coders.is_empty() {
        crate::t!("refi-nobody")
    } else {
        s.coders.join(", ")
    };
    crate::say!(
        "{}",
        crate::t!(
            "refi-wrote-qdpx",
            file = sanitize_for_display(&a.file.display().to_string()),
            transcripts = s.transcripts,
            codes = s.codes,
            codings = s.codings,
            coders = coders,
            cases = s.cases,
            memos = s.notes
        )
    );
    warn(&s.warnings);
    Ok(ExitCode::SUCCESS)
}

/// Stores each code's GUID in codebook.json so that later exports and imports match; when the codebook
/// is locked by another session the same GUIDs are derived anyway, so the export goes on.
fn record_guids(p: &mut crate::store::Project) {
    let mut book = p.codebook.clone();
    if refi::assign_guids(&mut book) == 0 {
        return;
    }
    let _ = p.with_codebook_locked(|p| {
        let mut fresh = crate::store::Project::open(&p.root)?;
        let n = refi::assign_guids(&mut fresh.codebook);
        if n > 0 && fresh.save_codebook().is_ok() {
            crate::say!("{}", crate::t!("refi-guids-recorded", n = n));
        }
        p.codebook = fresh.codebook;
        Ok::<_, crate::store::StoreError>(())
    });
}

pub fn export_qdc(a: &QdcArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let mut p = ctx.open()?;
    record_guids(&mut p);
    let n = refi::export_qdc(&p.codebook, &a.file)?;
    crate::say!(
        "{}",
        crate::t!(
            "refi-wrote-qdc",
            file = sanitize_for_display(&a.file.display().to_string()),
            n = n
        )
    );
    Ok(ExitCode::SUCCESS)
}

/// Options of `kodbok import` that only REFI-QDA files use.
#[derive(Args, Debug, Clone, Default)]
pub struct RefiImportArgs {
    /// How the file's writer counted a CRLF line end: 1 (qc, ATLAS.ti, QualCoder, MAXQDA) or 2 (NVivo).
    /// Default: from the project's `origin` (NVivo 2, others 1)
    #[arg(long, value_name = "1|2", value_parser = ["1", "2"])]
    pub crlf_counts: Option<String>,
    /// Rebuild the code hierarchy from flat names split on this text, e.g. `--split-names .` for
    /// Taguette's `Hinder.Resursbrist`
    #[arg(long, value_name = "SEP")]
    pub split_names: Option<String>,
}

pub fn import(file: &Path, a: &RefiImportArgs, force: bool, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let opts = ImportOptions {
        crlf: a.crlf_counts.as_deref().map(|c| {
            if c == "2" {
                CrlfCounts::Two
            } else {
                CrlfCounts::One
            }
        }),
        force,
        default_coder: ctx.coder.clone(),
        split_names: a.split_names.clone().filter(|s| !s.is_empty()),
        limits: refi::Limits::default(),
    };
    let qdc = file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("qdc"));
    let report = if qdc {
        refi::import_qdc(&ctx.root, file, &opts)?
    } else {
        refi::import_qdpx(&ctx.root, file, &opts)?
    };
    print_report(file, &report);
    Ok(ExitCode::SUCCESS)
}

fn print_report(file: &Path, r: &ImportReport) {
    crate::say!(
        "{}",
        crate::t!(
            "refi-imported",
            file = sanitize_for_display(&file.display().to_string())
        )
    );
    for line in &r.summary {
        crate::say!("  {}", sanitize_for_display(line));
    }
    warn(&r.warnings);
}

fn warn(ws: &[String]) {
    if ws.is_empty() {
        return;
    }
    crate::warn_line!("{}", crate::t!("refi-not-transferred", n = ws.len()));
    for w in ws {
        crate::warn_line!(
            "  {}",
            crate::t!("refi-warning", message = sanitize_for_display(w))
        );
    }
}
