//! `kodbok merge OTHER`: bring in codings, coders, codes, cases and transcripts from another copy of the project.

use super::Ctx;
use super::output::Format;
use crate::store::merge::{MergeSummary, merge_into, write_merged};
use crate::store::{Project, coder_name_ok};
use crate::t;
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
        .with_context(|| t!("merge-cannot-open", dir = ctx.root.display().to_string()))?;
    let there = std::fs::canonicalize(&a.other)
        .with_context(|| t!("merge-cannot-open", dir = a.other.display().to_string()))?;
    if here == there {
        bail!(t!(
            "merge-same-project",
            dir = a.other.display().to_string()
        ));
    }
    let theirs = Project::open(&there)
        .with_context(|| t!("merge-reading-other", dir = a.other.display().to_string()))?;
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
                bail!(t!("merge-changed-meanwhile"));
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
    let head = if s.dry_run {
        t!("merge-head-dry", from = s.from.as_str())
    } else {
        t!("merge-head", from = s.from.as_str())
    };
    writeln!(out, "{head}")?;
    let list = |v: &[String]| {
        if v.is_empty() {
            t!("merge-none")
        } else {
            v.join(", ")
        }
    };
    let line = |label: String, value: String| format!("  {label}: {value}");
    writeln!(
        out,
        "{}",
        line(t!("merge-new-transcripts"), list(&s.new_transcripts))
    )?;
    writeln!(out, "{}", line(t!("merge-new-cases"), list(&s.new_cases)))?;
    let codes: Vec<String> = s
        .new_codes
        .iter()
        .map(|c| match &c.parent {
            Some(p) => t!("merge-code-under", id = c.id.as_str(), parent = p.as_str()),
            None => t!("merge-code-top", id = c.id.as_str()),
        })
        .collect();
    writeln!(out, "{}", line(t!("merge-new-codes"), list(&codes)))?;
    writeln!(out, "{}", line(t!("merge-new-coders"), list(&s.new_coders)))?;
    let added: Vec<String> = s
        .codings_added
        .iter()
        .map(|(c, n)| format!("{c} +{n}"))
        .collect();
    writeln!(out, "{}", line(t!("merge-codings-added"), list(&added)))?;
    let here = s.codings_already_here.to_string();
    writeln!(out, "{}", line(t!("merge-codings-here"), here))?;
    writeln!(
        out,
        "{}",
        line(t!("merge-memos-added"), s.memos_added.to_string())
    )?;
    if s.conflicts.is_empty() {
        writeln!(out, "{}", t!("merge-no-conflicts"))?;
    } else {
        writeln!(out, "\n{}", t!("merge-conflicts", n = s.conflicts.len()))?;
        for c in &s.conflicts {
            let who = c
                .coder
                .as_ref()
                .map_or(String::new(), |c| format!(" [{c}]"));
            let reason = crate::messages::conflict(&c.reason);
            writeln!(out, "  {} {}{who}: {reason}", c.kind, c.id)?;
        }
    }
    Ok(())
}
