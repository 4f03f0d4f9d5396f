//! `kodbok autocode`: code every hit of a query for the current coder, as one undoable batch.

use super::Ctx;
use super::output::{Format, print_rows};
use super::search::{explain, open_index_for};
use crate::index::Searcher;
use crate::index::autocode::{self, Scope};
use crate::index::search::TurnMatches;
use crate::store::{Load, Project, StoreError};
use anyhow::bail;
use clap::Args;
use serde_json::json;
use std::collections::BTreeSet;
use std::process::ExitCode;

/// `--scope`: the CLI's spelling of [`Scope`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ScopeArg {
    /// The matched words (a phrase as a whole)
    Match,
    /// The sentence around each match
    Sentence,
    /// The whole speaker turn
    Turn,
}

impl From<ScopeArg> for Scope {
    fn from(s: ScopeArg) -> Scope {
        match s {
            ScopeArg::Match => Scope::Match,
            ScopeArg::Sentence => Scope::Sentence,
            ScopeArg::Turn => Scope::Turn,
        }
    }
}

#[derive(Args, Debug)]
pub struct AutocodeArgs {
    /// The query whose hits are coded (see `kodbok search`)
    #[arg(required_unless_present = "undo", allow_hyphen_values = true)]
    pub query: Option<String>,
    /// Code to apply (id or name)
    #[arg(long, required_unless_present = "undo")]
    pub code: Option<String>,
    /// What each coding covers: the matched words, their sentence, or the whole turn
    #[arg(long, value_enum, default_value_t = ScopeArg::Match)]
    pub scope: ScopeArg,
    /// Show what would be coded; change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Remove the codings of your last auto-code batch
    #[arg(long, conflicts_with_all = ["query", "code", "dry_run"])]
    pub undo: bool,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

pub fn run(a: &AutocodeArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    if a.undo {
        return undo(ctx);
    }
    let (Some(query), Some(code)) = (&a.query, &a.code) else {
        bail!(crate::t!("autocode-needs-query"));
    };
    let searcher = open_index_for(&ctx.root, query)?;
    // the codebook and cases.csv; the code is checked before the search
    let mut p = ctx.open_with(&Load::nothing_else())?;
    p.codebook
        .resolve(code)
        .map_err(|e| StoreError::from(crate::store::Refusal::Codebook(e)))?;
    let hits = searcher.matches_all(query).map_err(|e| explain(e, query))?;
    add_transcripts(ctx, &mut p, searcher, &hits)?;
    if a.dry_run {
        p.reload_coder(&ctx.coder)?;
        let plan = autocode::plan_hits(&p, &hits, query, code, a.scope.into(), &ctx.coder)
            .map_err(|e| explain(e, query))?;
        return dry_run(a, plan);
    }
    // Planned and applied under the coder's lock, on the coder's file as it is on disk now.
    let done = p.with_coder_locked(&ctx.coder, |p, lock| {
        p.reload_coder(&ctx.coder)?;
        let plan = autocode::plan_hits(p, &hits, query, code, a.scope.into(), &ctx.coder)
            .map_err(|e| explain(e, query))?;
        let summary = summary(&plan);
        let (hits, skipped) = (plan.hits, plan.skipped);
        let batch = autocode::apply(p, lock, plan, "autocode")?;
        if a.format == Format::Table {
            let line = crate::t!(
                "autocode-added",
                n = batch.codings.len(),
                code = batch.code.as_str(),
                coder = batch.coder.as_str(),
                hits = hits,
                skipped = skipped
            );
            crate::say!("{line}");
        } else {
            let mut s = summary;
            s["added"] = json!(batch.codings.len());
            s["batch"] = json!(batch.id);
            s["codings"] = json!(batch.codings);
            print_rows(a.format, &[s])?;
        }
        Ok(ExitCode::SUCCESS)
    });
    super::free_at_exit((p, hits));
    done
}

/// Adds the transcripts of the hits to `p`: those the search read into memory (taken over from the
/// searcher, not copied), the others from their files.
fn add_transcripts(
    ctx: &Ctx,
    p: &mut Project,
    s: Searcher,
    hits: &[TurnMatches],
) -> anyhow::Result<()> {
    let docs: BTreeSet<&str> = hits.iter().map(|h| h.doc.as_str()).collect();
    let mut texts = s.into_texts();
    let mut missing = Vec::new();
    for doc in docs {
        match texts.as_mut().and_then(|t| t.take(doc)) {
            Some(t) => {
                p.transcripts.insert(doc.to_string(), t);
            }
            None => missing.push(doc.to_string()),
        }
    }
    if !missing.is_empty() {
        // a transcript whose header id is not its file name is found by a full load only
        let rest = match ctx.open_with(&Load::Only(missing)) {
            Ok(rest) => rest,
            Err(_) => ctx.open()?,
        };
        for (id, t) in rest.transcripts {
            p.transcripts.entry(id).or_insert(t);
        }
    }
    Ok(())
}

fn summary(plan: &autocode::Plan) -> serde_json::Value {
    json!({
        "coder": plan.coder,
        "code": plan.code,
        "query": plan.query,
        "scope": plan.scope,
        "hits": plan.hits,
        "skipped": plan.skipped,
    })
}

/// What an auto-code would add; nothing is changed.
fn dry_run(a: &AutocodeArgs, plan: autocode::Plan) -> anyhow::Result<ExitCode> {
    let n = plan.add.len();
    if a.format == Format::Table {
        let rows: Vec<_> = plan
            .add
            .iter()
            .map(|c| json!({"doc": c.doc, "start": c.start, "end": c.end, "quote": c.quote}))
            .collect();
        if !rows.is_empty() {
            print_rows(Format::Table, &rows)?;
        }
        let line = crate::t!(
            "autocode-would-add",
            n = n,
            code = plan.code.as_str(),
            coder = plan.coder.as_str(),
            hits = plan.hits,
            skipped = plan.skipped
        );
        crate::say!("{line}");
    } else {
        let mut s = summary(&plan);
        s["would_add"] = json!(n);
        s["codings"] = json!(
            plan.add
                .iter()
                .map(|c| json!({"doc": c.doc, "start": c.start, "end": c.end, "quote": c.quote}))
                .collect::<Vec<_>>()
        );
        print_rows(a.format, &[s])?;
    }
    Ok(ExitCode::SUCCESS)
}

fn undo(ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let mut p = ctx.open()?;
    let (batch, removed) = p.with_coder_locked(&ctx.coder, |p, lock| {
        autocode::undo_last(p, lock, &ctx.coder)
    })?;
    let gone = batch.codings.len() - removed;
    let note = if gone > 0 {
        crate::t!("autocode-gone", n = gone)
    } else {
        String::new()
    };
    crate::say!(
        "undid auto-code batch {} ({} for {:?}): removed {removed} codings of {} for {}{note}",
        batch.id,
        batch.created.format("%Y-%m-%d %H:%M"),
        batch.query,
        batch.code,
        batch.coder
    );
    Ok(ExitCode::SUCCESS)
}
