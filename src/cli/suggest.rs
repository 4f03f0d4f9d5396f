//! `kodbok suggest`: passages matching a code's saved query that the coder has not coded with that
//! code; `--accept` codes some of them, `--skip` keeps them from coming back.

use super::Ctx;
use super::output::{Format, print_rows};
use super::search::open_index;
use crate::index::autocode::{self, Plan};
use crate::index::search::mark;
use crate::index::suggest::{self, Suggestion};
use crate::model::text::sanitize_for_display;
use anyhow::bail;
use clap::Args;
use serde_json::{Value, json};
use std::process::ExitCode;

#[derive(Args, Debug)]
#[command(
    after_help = "A code's saved query is its \"query\" in codebook.json (set it with \
`kodbok codes describe CODE --query '…'` or Q in the workbench's codebook); its \"query_scope\" \
(match, sentence or turn; default sentence) is what a suggestion covers. The workbench reviews \
suggestions one by one (S)."
)]
pub struct SuggestArgs {
    /// Only this code (id or name); default: every code with a saved query
    #[arg(long)]
    pub code: Option<String>,
    /// List the suggestions you skipped too
    #[arg(long)]
    pub with_skipped: bool,
    /// Code these suggestions (ids from the listing) for you: one auto-code batch per code, which
    /// `kodbok autocode --undo` removes
    #[arg(long, value_name = "ID", num_args = 1.., conflicts_with = "skip")]
    pub accept: Vec<String>,
    /// Skip these suggestions (ids from the listing): they are not listed again
    #[arg(long, value_name = "ID", num_args = 1..)]
    pub skip: Vec<String>,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

pub fn run(a: &SuggestArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let searcher = open_index(&ctx.root)?;
    let mut p = ctx.open()?;
    let coder = ctx.coder.clone();
    if !a.accept.is_empty() {
        // Accepted under the coder's lock, against the coder's file as it is on disk now.
        return p.with_coder_locked(&coder, |p, lock| {
            p.reload_coder(&coder)?;
            let codes = suggest::codes_with_query(p, a.code.as_deref())?;
            if codes.is_empty() {
                bail!(crate::t!("suggest-no-query"));
            }
            let skipped = suggest::load_skipped(p)?;
            let all = suggest::suggest(p, &searcher, &coder, &codes, &skipped, a.with_skipped)?;
            accept(p, lock, &coder, &pick(&all, &a.accept)?)
        });
    }
    p.reload_coder(&coder)?;
    let codes = suggest::codes_with_query(&p, a.code.as_deref())?;
    if codes.is_empty() {
        bail!(crate::t!("suggest-no-query"));
    }
    let mut skipped = suggest::load_skipped(&p)?;
    let all = suggest::suggest(&p, &searcher, &coder, &codes, &skipped, a.with_skipped)?;
    if !a.skip.is_empty() {
        let chosen = pick(&all, &a.skip)?;
        for s in &chosen {
            skipped.add(&coder, s);
        }
        suggest::save_skipped(&p, &skipped)?;
        println!(
            "{}",
            crate::t!(
                "suggest-skipped",
                n = chosen.len(),
                coder = sanitize_for_display(&coder)
            )
        );
        return Ok(ExitCode::SUCCESS);
    }
    list(&p, &all, a.format)
}

/// The suggestions with these ids; an unknown id is an error (nothing changes).
fn pick<'a>(all: &'a [Suggestion], ids: &[String]) -> anyhow::Result<Vec<&'a Suggestion>> {
    ids.iter()
        .map(|id| {
            all.iter().find(|s| s.id() == *id).ok_or_else(|| {
                anyhow::anyhow!(crate::t!(
                    "suggest-unknown-id",
                    id = sanitize_for_display(id)
                ))
            })
        })
        .collect()
}

fn accept(
    p: &mut crate::store::Project,
    lock: &crate::store::Lock,
    coder: &str,
    chosen: &[&Suggestion],
) -> anyhow::Result<ExitCode> {
    let mut codes: Vec<&str> = chosen.iter().map(|s| s.code.as_str()).collect();
    codes.dedup();
    let mut added = 0;
    for code in codes {
        let these: Vec<&&Suggestion> = chosen.iter().filter(|s| s.code == code).collect();
        let query = p
            .codebook
            .get(code)
            .map(|c| c.query.clone())
            .unwrap_or_default();
        let mut add = Vec::new();
        for s in &these {
            add.push(suggest::coding(p, s)?);
        }
        let plan = Plan {
            coder: coder.to_string(),
            code: code.to_string(),
            query,
            scope: these[0].scope,
            add,
            skipped: 0,
            hits: these.len(),
        };
        added += autocode::apply(p, lock, plan, "suggest")?.codings.len();
    }
    println!(
        "{}",
        crate::t!(
            "suggest-accepted",
            n = added,
            coder = sanitize_for_display(coder)
        )
    );
    Ok(ExitCode::SUCCESS)
}

fn list(p: &crate::store::Project, all: &[Suggestion], format: Format) -> anyhow::Result<ExitCode> {
    if all.is_empty() && format == Format::Table {
        println!("{}", crate::t!("suggest-none"));
        return Ok(ExitCode::SUCCESS);
    }
    let rows: Vec<Value> = all.iter().map(|s| row(p, s, format)).collect();
    print_rows(format, &rows)?;
    Ok(ExitCode::SUCCESS)
}

fn row(p: &crate::store::Project, s: &Suggestion, format: Format) -> Value {
    let h = &s.hit;
    let mut r = json!({
        "id": s.id(),
        "code": p.codebook.path(&s.code),
        "case": h.case,
        "group": h.group,
        "speaker": h.speaker,
        "doc": h.doc,
        "turn": h.turn,
    });
    let extra = if format == Format::Table {
        let (snip, ms) = h.snippet_of_width(60);
        json!({ "snippet": mark(&snip, &ms, "[", "]") })
    } else {
        json!({
            "code_id": s.code,
            "scope": s.scope,
            "start": s.start,
            "end": s.end,
            "quote": s.quote,
            "snippet": h.snippet,
        })
    };
    if let (Value::Object(a), Value::Object(b)) = (&mut r, extra) {
        a.extend(b);
    }
    r
}
