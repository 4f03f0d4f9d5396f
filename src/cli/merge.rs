//! `kodbok merge OTHER`: bring in codings, coders, codes, cases and transcripts from another copy of the project.

use super::Ctx;
use super::output::Format;
use crate::store::merge::{MergeSummary, merge_into, write_merged};
use crate::store::{Project, coder_name_ok};
use anyhow::{Context, bail};
use clap::Args;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct MergeArgs {
    /// The other copy's project folder (the one holding its codebook.json)
    pub other: PathBuf,
    /// Show what would be merged and the conflicts, and change nothing
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

pub fn run(a: &MergeArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let here = std::fs::canonicalize(&ctx.root)
        .with_context(|| format!("cannot open {}", ctx.root.display()))?;
    let there = std::fs::canonicalize(&a.other)
        .with_context(|| format!("cannot open {}", a.other.display()))?;
    if here == there {
        bail!(
            "{} is this project itself; give the other copy's folder",
            a.other.display()
        );
    }
    let theirs = Project::open(&there)
        .with_context(|| format!("reading the other copy {}", a.other.display()))?;
    // Plan once to learn which files change, lock exactly those, then read this copy again and plan
    // for real, so no concurrent edit is lost and files nobody needs stay unlocked.
    let mut first = ctx.open()?;
    let plan = merge_into(&mut first, &theirs);
    let s = if a.dry_run {
        let mut s = merge_into(&mut ctx.open()?, &theirs);
        s.dry_run = true;
        s
    } else {
        let coders: Vec<String> = plan
            .coders_changed
            .iter()
            .filter(|c| coder_name_ok(c))
            .cloned()
            .collect();
        first.with_locked(!plan.new_codes.is_empty(), &coders, |_, held| {
            let mut ours = ctx.open()?;
            let s = merge_into(&mut ours, &theirs);
            let unlocked = (!s.new_codes.is_empty() && plan.new_codes.is_empty())
                || s.coders_changed
                    .iter()
                    .any(|c| !plan.coders_changed.contains(c));
            if unlocked {
                bail!(
                    "the project changed while merging; nothing was written — run the merge again"
                );
            }
            write_merged(&mut ours, &s, held)?;
            anyhow::Ok(s)
        })?
    };
    print_summary(&s, a.format)?;
    Ok(ExitCode::SUCCESS)
}

fn print_summary(s: &MergeSummary, format: Format) -> anyhow::Result<()> {
    let mut out = crate::safe::stdout();
    if format != Format::Table {
        let mut text = serde_json::to_string_pretty(s)?;
        text.push('\n');
        out.write_all(text.as_bytes())?;
        return Ok(());
    }
    let verb = if s.dry_run {
        "would bring in (dry run, nothing written)"
    } else {
        "brought in"
    };
    writeln!(out, "Merge from {}: {verb}", s.from)?;
    let list = |v: &[String]| {
        if v.is_empty() {
            "none".to_string()
        } else {
            v.join(", ")
        }
    };
    writeln!(out, "  new transcripts: {}", list(&s.new_transcripts))?;
    writeln!(out, "  new cases: {}", list(&s.new_cases))?;
    let codes: Vec<String> = s
        .new_codes
        .iter()
        .map(|c| match &c.parent {
            Some(p) => format!("{} (under {p})", c.id),
            None => format!("{} (top level)", c.id),
        })
        .collect();
    writeln!(out, "  new codes: {}", list(&codes))?;
    writeln!(out, "  new coders: {}", list(&s.new_coders))?;
    let added: Vec<String> = s
        .codings_added
        .iter()
        .map(|(c, n)| format!("{c} +{n}"))
        .collect();
    writeln!(out, "  codings added: {}", list(&added))?;
    writeln!(out, "  codings already here: {}", s.codings_already_here)?;
    writeln!(out, "  memos added: {}", s.memos_added)?;
    if s.conflicts.is_empty() {
        writeln!(out, "No conflicts.")?;
    } else {
        writeln!(
            out,
            "\n{} conflict(s), left for you to resolve (this copy's version was kept):",
            s.conflicts.len()
        )?;
        for c in &s.conflicts {
            let who = c
                .coder
                .as_ref()
                .map_or(String::new(), |c| format!(" [{c}]"));
            writeln!(out, "  {} {}{who}: {}", c.kind, c.id, c.message)?;
        }
    }
    Ok(())
}
