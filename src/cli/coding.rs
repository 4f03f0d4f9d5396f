//! `kodbok code`, `uncode` and `segments`: add and remove codings, list coded segments.

use super::filters::{check_case, check_doc, check_filters, matches_all};
use super::output::{Format, print_rows_with};
use super::summary::{LayerArgs, layer_line};
use super::{Ctx, parse_kv};
use crate::store::{Load, Project};
use crate::t;
use anyhow::{Context, bail};
use clap::Args;
use serde_json::json;
use std::process::ExitCode;

#[derive(Args, Debug)]
#[command(group(clap::ArgGroup::new("span").required(true).args(["from", "quote", "turn"])))]
pub struct CodeArgs {
    /// Transcript id
    pub doc: String,
    /// Code (id or name)
    #[arg(long)]
    pub code: String,
    /// Start (character offset into the transcript text, from 0)
    #[arg(long, requires = "to")]
    pub from: Option<usize>,
    /// End (character offset, exclusive)
    #[arg(long, requires = "from")]
    pub to: Option<usize>,
    /// Exact text to code; it must occur exactly once in the transcript
    #[arg(long)]
    pub quote: Option<String>,
    /// Code a whole speaker turn (numbered from 1)
    #[arg(long)]
    pub turn: Option<usize>,
    /// Memo on the new coding
    #[arg(long)]
    pub memo: Option<String>,
}

pub fn code(a: &CodeArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    // the codebook, cases and this one transcript; the coder's file is read under its lock
    let p = ctx.open_with(&Load::one(&a.doc))?;
    let code = p.codebook.resolve(&a.code)?.id.clone();
    let (start, end) = span(&p, a)?;
    let mut coding = p.new_coding(&a.doc, start, end, &code)?;
    coding.memo = a.memo.clone().filter(|m| !m.trim().is_empty());
    let id = coding.id.clone();
    let (added, _) = p.update_coder(&ctx.coder, |f| Ok(f.insert(coding)))?;
    if !added {
        bail!(t!(
            "already-coded",
            doc = a.doc.as_str(),
            code = code.as_str(),
            start = start,
            end = end,
            coder = ctx.coder.as_str()
        ));
    }
    crate::say!("{id}");
    Ok(ExitCode::SUCCESS)
}

fn span(p: &Project, a: &CodeArgs) -> anyhow::Result<(usize, usize)> {
    if let (Some(f), Some(t)) = (a.from, a.to) {
        return Ok((f, t));
    }
    if let Some(q) = &a.quote {
        return Ok(p.find_quote(&a.doc, q)?);
    }
    let t = p.transcript(&a.doc)?;
    let n = a.turn.unwrap_or(0);
    let turn = n
        .checked_sub(1)
        .and_then(|i| t.turns.get(i))
        .with_context(|| {
            t!(
                "no-such-turn",
                doc = a.doc.as_str(),
                last = t.turns.len(),
                n = n
            )
        })?;
    Ok((turn.start, turn.end))
}

#[derive(Args, Debug)]
pub struct UncodeArgs {
    /// Coding id (as printed by `kodbok code` and listed by `kodbok segments`)
    pub id: String,
}

pub fn uncode(a: &UncodeArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    // no transcript is needed; other coders' files are read one at a time, only to word a refusal
    let p = ctx.open_with(&Load::nothing_else())?;
    let (removed, _) = p.update_coder(&ctx.coder, |f| Ok(f.remove(&a.id)))?;
    let Some(removed) = removed else {
        if let Some(owner) = p.owner_of(&a.id, &ctx.coder)? {
            bail!(t!(
                "uncode-other-coder",
                id = a.id.as_str(),
                owner = owner.as_str()
            ));
        }
        bail!(t!(
            "uncode-unknown",
            coder = ctx.coder.as_str(),
            id = a.id.as_str()
        ));
    };
    let quote = format!("{:?}", removed.quote);
    crate::say!(
        "{}",
        t!(
            "uncode-removed",
            id = removed.id.as_str(),
            code = removed.code.as_str(),
            doc = removed.doc.as_str(),
            quote = quote
        )
    );
    Ok(ExitCode::SUCCESS)
}

#[derive(Args, Debug)]
pub struct SegmentsArgs {
    /// Only this code and its sub-codes (id or name)
    #[arg(long)]
    pub code: Option<String>,
    /// Only this case
    #[arg(long)]
    pub case: Option<String>,
    /// Only cases with this attribute value, e.g. grupp:låg (or grupp=låg; values ignore case; repeatable)
    #[arg(long = "attr", value_parser = parse_kv, value_name = "KEY:VALUE")]
    pub attrs: Vec<(String, String)>,
    /// Only this transcript
    #[arg(long)]
    pub doc: Option<String>,
    #[command(flatten)]
    pub layer: LayerArgs,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

/// The columns of `segments` (CSV keeps them when nothing matched).
const SEGMENT_COLUMNS: [&str; 13] = [
    "id",
    "doc",
    "case",
    "group",
    "speaker",
    "turn",
    "code",
    "code_path",
    "coder",
    "start",
    "end",
    "quote",
    "memo",
];

pub fn segments(a: &SegmentsArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let p = ctx.open()?;
    let (layer, coders) = a.layer.resolve(ctx, &p)?;
    let codes = match &a.code {
        Some(k) => Some(p.codebook.descendants(&p.codebook.resolve(k)?.id)),
        None => None,
    };
    if let Some(c) = &a.case {
        check_case(&p, c)?;
    }
    if let Some(d) = &a.doc {
        check_doc(&p, d)?;
    }
    check_filters(&p, &a.attrs)?;
    let mut rows = Vec::new();
    for (coder, c) in p.all_codings() {
        let Some(t) = p.transcripts.get(&c.doc) else {
            continue;
        };
        let case = t.case();
        let keep = codes.as_ref().is_none_or(|cs| cs.contains(&c.code))
            && a.case.as_ref().is_none_or(|x| x == case)
            && a.doc.as_ref().is_none_or(|d| *d == c.doc)
            && coders.iter().any(|x| x == coder)
            && matches_all(&p, t, &a.attrs);
        if !keep {
            continue;
        }
        let turn = t.turn_at(c.start);
        rows.push(json!({
            "id": c.id,
            "doc": c.doc,
            "case": case,
            "group": p.group_of(&c.doc),
            "speaker": turn.map_or("", |i| t.turns[i].speaker.as_str()),
            "turn": turn.map(|i| i + 1),
            "code": c.code,
            "code_path": p.codebook.path(&c.code),
            "coder": coder,
            "start": c.start,
            "end": c.end,
            "quote": c.quote,
            "memo": c.memo,
        }));
    }
    if a.format == Format::Table {
        crate::say!("{}", layer_line(&p, &layer, &coders));
    }
    print_rows_with(a.format, &rows, &SEGMENT_COLUMNS)?;
    Ok(ExitCode::SUCCESS)
}
