//! `kodbok consensus`: decide disagreements into the consensus layer (`codings/konsensus.json`), seed it, review units.

use super::Ctx;
use super::agree::{AgreeUnitArg, check_not_layer};
use super::output::{Format, print_rows};
use crate::agreement::consensus::{ByDoc, choice_label, log_entry, matches, seed, take};
use crate::agreement::disagree::{describe, parse_id};
use crate::agreement::{AgreeOptions, CodeTarget};
use crate::model::CONSENSUS_CODER;
use crate::model::decision::UNDO;
use crate::store::{Project, StoreError};
use crate::t;
use anyhow::bail;
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
        /// Why: kept with the decision in the decision log
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    /// Take back the decision in force on these units: the layer gets the decision before it (or, with none, the
    /// unit is emptied as before any decision); the undo is a log entry too
    Undo {
        /// Unit ids, as `kodbok consensus log` lists them
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
        #[command(flatten)]
        layer: ReconcileArgs,
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    /// The decision log (codings/<layer>.decisions.jsonl): who decided what, when, on which unit, and why
    Log {
        #[arg(long, default_value = CONSENSUS_CODER, value_name = "NAME")]
        into: String,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Put every unit where all coders agree into the layer (their codings there, together); units the layer
    /// already has codings of that code in are left alone
    Seed {
        #[command(flatten)]
        layer: ReconcileArgs,
        /// Only these transcripts, comma-separated
        #[arg(long, value_delimiter = ',', value_name = "DOC,…")]
        docs: Option<Vec<String>>,
        #[arg(long, value_enum, default_value_t = AgreeUnitArg::Turn)]
        unit: AgreeUnitArg,
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
        ConsensusAction::Take {
            choice,
            ids,
            layer,
            note,
        } => take_cmd(ctx, choice, ids, layer, note.clone()),
        ConsensusAction::Undo { ids, layer, note } => undo_cmd(ctx, ids, layer, note.clone()),
        ConsensusAction::Log { into, format } => log_cmd(ctx, into, *format),
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
            let o = AgreeOptions {
                coders,
                docs: docs.clone(),
                unit: (*unit).into(),
                target,
            };
            let ((n, before), file) = p.update_coder(&layer.into, |file| {
                let before = file.codings.len();
                let n = seed(&p, &o, file)
                    .map_err(|e| StoreError::refused(crate::messages::agreement(&e)))?;
                Ok((n, before))
            })?;
            let after = file.codings.len();
            let line = t!(
                "consensus-seeded",
                n = n,
                unit = o.unit.name(),
                into = layer.into.as_str(),
                before = before,
                after = after,
                path = p.coder_path(&layer.into).display().to_string()
            );
            crate::say!("{line}");
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
        bail!(t!("consensus-needs-coders"));
    }
    if let Some(c) = coders.iter().find(|c| !p.coders.contains_key(*c)) {
        bail!(t!(
            "consensus-no-coder",
            coder = c.as_str(),
            dir = p.codings_dir().display().to_string()
        ));
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
    bail!(t!(
        "consensus-unknown-choice",
        choice = choice,
        last = ((b'A' + coders.len().saturating_sub(1) as u8) as char).to_string(),
        coders = coders.join(", ")
    ))
}

fn take_cmd(
    ctx: &Ctx,
    choice: &str,
    ids: &[String],
    l: &ReconcileArgs,
    note: Option<String>,
) -> anyhow::Result<ExitCode> {
    let p = ctx.open()?;
    let coders = coders_of(&p, l)?;
    let from = chosen(choice, &coders)?;
    let refs = ids
        .iter()
        .map(|id| parse_id(&p, id))
        .collect::<Result<Vec<_>, _>>()?;
    let label = choice_label(&from, &coders);
    let (lines, _, _) = p.decide(&l.into, |layer, _| {
        let mut lines = Vec::new();
        let mut entries = Vec::new();
        let mut split = ByDoc::split(layer);
        for (id, r) in ids.iter().zip(&refs) {
            let file = split.doc(&r.doc);
            let out = take(&p, file, r, &from).map_err(|e| {
                StoreError::refused(t!(
                    "consensus-deciding",
                    id = id.as_str(),
                    error = crate::messages::agreement(&e)
                ))
            })?;
            lines.push(t!(
                "consensus-taken",
                id = id.as_str(),
                choice = if from.is_empty() {
                    t!("consensus-neither")
                } else {
                    from.join(" + ")
                },
                added = out.added.len(),
                removed = out.removed.len()
            ));
            entries.push(log_entry(
                r,
                &ctx.coder,
                &coders,
                &label,
                &from,
                note.clone(),
            ));
        }
        split.join(layer);
        Ok((lines, entries))
    })?;
    let log = p.decisions_path(&l.into);
    for line in lines {
        crate::say!("{line}");
    }
    let line = t!(
        "consensus-saved",
        codings = p.coder_path(&l.into).display().to_string(),
        log = log.display().to_string()
    );
    crate::say!("{line}");
    Ok(ExitCode::SUCCESS)
}

fn undo_cmd(
    ctx: &Ctx,
    ids: &[String],
    l: &ReconcileArgs,
    note: Option<String>,
) -> anyhow::Result<ExitCode> {
    let p = ctx.open()?;
    let coders = coders_of(&p, l)?;
    let refs = ids
        .iter()
        .map(|id| parse_id(&p, id))
        .collect::<Result<Vec<_>, _>>()?;
    let path = p.decisions_path(&l.into);
    let mut said = Vec::new();
    p.decide(&l.into, |layer, on_disk| {
        let mut log = on_disk.clone();
        let mut entries = Vec::new();
        let mut split = ByDoc::split(layer);
        for (id, r) in ids.iter().zip(&refs) {
            let file = split.doc(&r.doc);
            let key = format!("{}:{}:{}", r.doc, r.unit, r.target);
            let Some(undone) = log.current(&key).cloned() else {
                return Err(StoreError::refused(t!(
                    "consensus-nothing-to-undo",
                    id = id.as_str()
                )));
            };
            let mut e = log_entry(r, &ctx.coder, &coders, UNDO, &[], note.clone());
            e.undoes = Some(undone.n);
            // Apply the undo in memory first, so the decision it falls back to is known.
            e.n = log.next_n();
            log.entries.push(e.clone());
            let back = log
                .current(&key)
                .map(|d| d.took.clone())
                .unwrap_or_default();
            take(&p, file, r, &back).map_err(|err| {
                StoreError::refused(t!(
                    "consensus-undoing",
                    id = id.as_str(),
                    error = crate::messages::agreement(&err)
                ))
            })?;
            said.push(t!(
                "consensus-undone",
                id = id.as_str(),
                n = undone.n,
                choice = undone.choice.as_str(),
                now = log
                    .current(&key)
                    .map_or_else(|| t!("consensus-undecided"), |d| d.choice.clone())
            ));
            entries.push(e);
        }
        split.join(layer);
        Ok(((), entries))
    })?;
    for line in said {
        crate::say!("{line}");
    }
    crate::say!(
        "saved {} and {}",
        p.coder_path(&l.into).display(),
        path.display()
    );
    Ok(ExitCode::SUCCESS)
}

fn log_cmd(ctx: &Ctx, into: &str, format: Format) -> anyhow::Result<ExitCode> {
    let p = ctx.open()?;
    let log = p.decisions(into)?;
    let rows: Vec<serde_json::Value> = log
        .entries
        .iter()
        .map(|d| {
            json!({
                "n": d.n, "at": d.at.to_rfc3339(), "by": d.by, "unit": d.unit, "choice": d.choice,
                "took": d.took.join("+"), "undoes": d.undoes, "note": d.note,
            })
        })
        .collect();
    if format == Format::Table {
        let c = log.counts();
        let line = t!(
            "consensus-log-summary",
            entries = log.entries.len(),
            path = p.decisions_path(into).display().to_string(),
            units = c.units,
            choices = if c.by_choice.is_empty() {
                String::new()
            } else {
                let list = c
                    .by_choice
                    .iter()
                    .map(|(k, v)| format!("{k}: {v}"))
                    .collect::<Vec<_>>();
                format!(" ({})", list.join(", "))
            },
            undos = c.undos
        );
        crate::say!("{line}\n");
    }
    print_rows(format, &rows)?;
    Ok(ExitCode::SUCCESS)
}

fn show(ctx: &Ctx, ids: &[String], l: &ReconcileArgs, format: Format) -> anyhow::Result<ExitCode> {
    let p = ctx.open()?;
    let coders = coders_of(&p, l)?;
    let empty = crate::model::CoderFile::new(&l.into);
    let layer = p.coders.get(&l.into).unwrap_or(&empty);
    let log = p.decisions(&l.into)?;
    let mut rows = Vec::new();
    for id in ids {
        let r = parse_id(&p, id)?;
        let d = describe(&p, &coders, &r);
        let mut v = json!(d);
        v["konsensus"] = json!(matches(&p, &coders, layer, &r));
        v["decision"] = json!(log.current(&format!("{}:{}:{}", r.doc, r.unit, r.target)));
        rows.push(v);
    }
    if format != Format::Table {
        print_rows(format, &rows)?;
        return Ok(ExitCode::SUCCESS);
    }
    for v in rows {
        let head = t!(
            "consensus-show-head",
            id = v["id"].as_str().unwrap_or(""),
            doc = v["doc"].as_str().unwrap_or(""),
            start = v["start"].to_string(),
            end = v["end"].to_string()
        );
        crate::say!("{head}");
        crate::say!(
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
            crate::say!(
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
            crate::say!(
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
        let now = t!(
            "consensus-now-matches",
            layer = l.into.as_str(),
            choices = if k.is_empty() {
                t!("consensus-matches-none")
            } else {
                k.join(", ")
            }
        );
        crate::say!("  {now}\n");
        let d = &v["decision"];
        if d.is_null() {
            println!("  {}\n", t!("consensus-show-undecided"));
        } else {
            let line = t!(
                "consensus-show-decision",
                choice = d["choice"].as_str().unwrap_or(""),
                by = d["by"].as_str().unwrap_or(""),
                at = d["at"].as_str().unwrap_or(""),
                n = d["n"].to_string(),
                note = d["note"]
                    .as_str()
                    .map_or(String::new(), |n| format!(": {n}"))
            );
            crate::say!("  {line}\n");
        }
    }
    Ok(ExitCode::SUCCESS)
}
