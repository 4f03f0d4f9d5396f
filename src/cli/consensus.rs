//! `kodbok consensus`: decide disagreements into the consensus layer (`codings/konsensus.json`), seed it, review units.

use super::Ctx;
use super::agree::{UnitArg, check_not_layer};
use super::output::{Format, print_rows};
use crate::agreement::consensus::{matches, seed, take};
use crate::agreement::disagree::{describe, parse_id};
use crate::agreement::{AgreeOptions, CodeTarget};
use crate::model::CONSENSUS_CODER;
use crate::store::Project;
use anyhow::{Context, bail};
use clap::{Args, Subcommand};
use serde_json::json;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct ConsensusArgs {
    #[command(subcommand)]
    pub action: ConsensusAction,
}

#[derive(Args, Debug, Clone)]
pub struct ReconcileArgs {
    /// The coders being reconciled, comma-separated (default: every coder except the consensus layer)
    #[arg(long, value_delimiter = ',', value_name = "A,B")]
    pub coders: Option<Vec<String>>,
    /// The consensus layer's coder name
    #[arg(long, default_value = CONSENSUS_CODER, value_name = "NAME")]
    pub into: String,
}

#[derive(Subcommand, Debug)]
pub enum ConsensusAction {
    /// Decide units: CHOICE is A or B (first or second of --coders), a coder name, both, or neither;
    /// IDs are disagreement ids from `kodbok agree --disagreements`
    Take {
        /// A, B, … (position in --coders), a coder name, both (all), or neither
        choice: String,
        /// Disagreement ids such as kommun-a-1:t12:resursbrist (from `kodbok agree --disagreements`)
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
        #[command(flatten)]
        layer: ReconcileArgs,
    },
    /// Put every unit where all coders agree into the layer (their codings there, together); units the layer
    /// already has codings of that code in are left alone
    Seed {
        #[command(flatten)]
        layer: ReconcileArgs,
        /// Only these transcripts, comma-separated
        #[arg(long, value_delimiter = ',', value_name = "DOC,…")]
        docs: Option<Vec<String>>,
        #[arg(long, value_enum, default_value_t = UnitArg::Turn)]
        unit: UnitArg,
        /// Only this code (id or name)
        #[arg(long, conflicts_with = "domain")]
        code: Option<String>,
        /// Domain mode: agreement on the category among this code's children
        #[arg(long)]
        domain: Option<String>,
    },
    /// Show one unit: its text, what each coder and the layer applied there
    Show {
        /// Unit ids such as kommun-a-1:t12:resursbrist or kommun-a-1:s40:@hinder
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
        #[command(flatten)]
        layer: ReconcileArgs,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

pub fn run(a: &ConsensusArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    match &a.action {
        ConsensusAction::Take { choice, ids, layer } => take_cmd(ctx, choice, ids, layer),
        ConsensusAction::Seed {
            layer,
            docs,
            unit,
            code,
            domain,
        } => {
            let p = ctx.open()?;
            let target = match (code, domain) {
                (Some(c), _) => CodeTarget::Code(p.codebook.resolve(c)?.id.clone()),
                (None, Some(d)) => CodeTarget::Domain(p.codebook.resolve(d)?.id.clone()),
                (None, None) => CodeTarget::AllCodes,
            };
            let coders = coders_of(&p, layer)?;
            let _lock = p.lock_coder(&layer.into)?;
            let mut p = ctx.open()?;
            let mut file = p.coder_mut(&layer.into).clone();
            let before = file.codings.len();
            let o = AgreeOptions {
                coders,
                docs: docs.clone(),
                unit: (*unit).into(),
                target,
            };
            let n = seed(&p, &o, &mut file)?;
            let after = file.codings.len();
            *p.coder_mut(&layer.into) = file;
            p.save_coder(&layer.into)?;
            println!(
                "{n} agreed {}s taken into {} ({} codings before, {after} now): {}",
                o.unit.name(),
                layer.into,
                before,
                p.coder_path(&layer.into).display()
            );
            Ok(ExitCode::SUCCESS)
        }
        ConsensusAction::Show { ids, layer, format } => show(ctx, ids, layer, *format),
    }
}

/// The coders reconciled: as given, else every coder but the layer.
fn coders_of(p: &Project, l: &ReconcileArgs) -> anyhow::Result<Vec<String>> {
    let coders = match &l.coders {
        Some(c) => c.clone(),
        None => p.coders.keys().filter(|c| **c != l.into).cloned().collect(),
    };
    check_not_layer(&coders, &l.into)?;
    if coders.len() < 2 {
        bail!("give the coders being reconciled with --coders A,B");
    }
    if let Some(c) = coders.iter().find(|c| !p.coders.contains_key(*c)) {
        bail!("no coder {c:?} in {}", p.codings_dir().display());
    }
    Ok(coders)
}

/// The coders whose codings a choice takes.
fn chosen(choice: &str, coders: &[String]) -> anyhow::Result<Vec<String>> {
    let lower = choice.to_lowercase();
    match lower.as_str() {
        "both" | "all" => return Ok(coders.to_vec()),
        "neither" | "none" => return Ok(Vec::new()),
        _ => {}
    }
    if let Some(c) = coders.iter().find(|c| **c == choice) {
        return Ok(vec![c.clone()]);
    }
    let letter = (lower.len() == 1)
        .then(|| lower.as_bytes()[0])
        .filter(u8::is_ascii_lowercase);
    if let Some(c) = letter.and_then(|b| coders.get(usize::from(b - b'a'))) {
        return Ok(vec![c.clone()]);
    }
    bail!(
        "unknown choice {choice:?}: use A–{} (in the order of --coders: {}), a coder name, both, or neither",
        (b'A' + coders.len().saturating_sub(1) as u8) as char,
        coders.join(", ")
    )
}

fn take_cmd(
    ctx: &Ctx,
    choice: &str,
    ids: &[String],
    l: &ReconcileArgs,
) -> anyhow::Result<ExitCode> {
    let p = ctx.open()?;
    let coders = coders_of(&p, l)?;
    let from = chosen(choice, &coders)?;
    let _lock = p.lock_coder(&l.into)?;
    let mut p = ctx.open()?;
    let mut file = p.coder_mut(&l.into).clone();
    let mut lines = Vec::new();
    for id in ids {
        let r = parse_id(&p, id)?;
        let out = take(&p, &mut file, &r, &from).with_context(|| format!("deciding {id}"))?;
        let label = if from.is_empty() {
            "neither".to_string()
        } else {
            from.join(" + ")
        };
        lines.push(format!(
            "{id}: {label} (+{} codings, −{})",
            out.added.len(),
            out.removed.len()
        ));
    }
    *p.coder_mut(&l.into) = file;
    p.save_coder(&l.into)?;
    for line in lines {
        println!("{line}");
    }
    println!("saved {}", p.coder_path(&l.into).display());
    Ok(ExitCode::SUCCESS)
}

fn show(ctx: &Ctx, ids: &[String], l: &ReconcileArgs, format: Format) -> anyhow::Result<ExitCode> {
    let p = ctx.open()?;
    let coders = coders_of(&p, l)?;
    let empty = crate::model::CoderFile::new(&l.into);
    let layer = p.coders.get(&l.into).unwrap_or(&empty);
    let mut rows = Vec::new();
    for id in ids {
        let r = parse_id(&p, id)?;
        let d = describe(&p, &coders, &r);
        let mut v = json!(d);
        v["konsensus"] = json!(matches(&p, &coders, layer, &r));
        rows.push(v);
    }
    if format != Format::Table {
        print_rows(format, &rows)?;
        return Ok(ExitCode::SUCCESS);
    }
    for v in rows {
        println!(
            "{}  ({} characters {}–{})",
            v["id"].as_str().unwrap_or(""),
            v["doc"].as_str().unwrap_or(""),
            v["start"],
            v["end"]
        );
        println!(
            "  {}",
            v["text"].as_str().unwrap_or("").replace('\n', "\n  ")
        );
        for (i, val) in v["values"].as_array().into_iter().flatten().enumerate() {
            let codes: Vec<&str> = val["codes"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|x| x.as_str())
                .collect();
            let letter = (b'A' + i as u8) as char;
            println!(
                "  {letter} {}: {}",
                val["coder"].as_str().unwrap_or(""),
                if codes.is_empty() {
                    "–".to_string()
                } else {
                    codes.join(", ")
                }
            );
        }
        for c in v["codings"].as_array().into_iter().flatten() {
            println!(
                "      {} {} {}–{} {:?}",
                c["coder"].as_str().unwrap_or(""),
                c["code"].as_str().unwrap_or(""),
                c["start"],
                c["end"],
                c["quote"].as_str().unwrap_or("")
            );
        }
        let k: Vec<&str> = v["konsensus"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|x| x.as_str())
            .collect();
        println!(
            "  {} now matches: {}\n",
            l.into,
            if k.is_empty() {
                "none of the choices".to_string()
            } else {
                k.join(", ")
            }
        );
    }
    Ok(ExitCode::SUCCESS)
}
