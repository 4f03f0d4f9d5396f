//! `kodbok codes`: the codebook tree with counts, and its edits (add, rename, move, merge, remove).

use super::Ctx;
use super::output::{Format, ident, print_rows};
use super::summary::{LayerArgs, layer_line};
use crate::model::Code;
use crate::store::{Held, Project};
use crate::t;
use anyhow::bail;
use clap::{Args, Subcommand};
use serde_json::json;
use std::collections::BTreeMap;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct CodesArgs {
    #[command(subcommand)]
    pub action: Option<CodesAction>,
    /// Output format of the listing
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    #[command(flatten)]
    pub layer: LayerArgs,
}

#[derive(Subcommand, Debug)]
pub enum CodesAction {
    /// Add a code
    Add {
        /// Name of the new code
        name: String,
        /// Id of the new code (default: made from the name)
        #[arg(long)]
        id: Option<String>,
        /// Parent code (id or name); top level when absent
        #[arg(long)]
        parent: Option<String>,
        /// What the code means
        #[arg(long)]
        description: Option<String>,
        /// Colour as #RRGGBB
        #[arg(long)]
        color: Option<String>,
        /// Single key that applies the code in the workbench
        #[arg(long)]
        shortcut: Option<String>,
    },
    /// Rename a code (its id, and so every coding, stays)
    Rename {
        /// The code (id or name)
        id: String,
        /// Its new name
        name: String,
    },
    /// Move a code (and its sub-codes) under another parent
    Move {
        /// The code (id or name)
        id: String,
        /// New parent (id or name)
        #[arg(long, required_unless_present = "top")]
        parent: Option<String>,
        /// Move to the top level instead
        #[arg(long, conflicts_with = "parent")]
        top: bool,
    },
    /// Merge FROM into INTO: every coding of every coder moves to INTO, FROM's sub-codes too
    Merge {
        /// The code that goes (id or name)
        from: String,
        /// The code that stays and receives the codings (id or name)
        into: String,
    },
    /// Remove a code; refused while codings use it unless --force names where they go
    Remove {
        /// The code (id or name)
        id: String,
        /// Code (id or name) that receives the codings, or `delete` to delete them
        #[arg(long, value_name = "CODE|delete")]
        force: Option<String>,
    },
    /// Set a code's description, inclusion/exclusion notes, colour, shortcut or saved search query
    Describe {
        /// The code (id or name)
        id: String,
        /// What the code means
        #[arg(long)]
        description: Option<String>,
        /// When to apply the code
        #[arg(long)]
        inclusion: Option<String>,
        /// When not to apply it
        #[arg(long)]
        exclusion: Option<String>,
        /// Colour as #RRGGBB
        #[arg(long)]
        color: Option<String>,
        /// Shortcut key, or an empty string to clear it
        #[arg(long)]
        shortcut: Option<String>,
        /// A search query that describes the code (`kodbok search code-query:CODE`, `kodbok suggest`),
        /// or an empty string to clear it
        #[arg(long, allow_hyphen_values = true)]
        query: Option<String>,
        /// What accepting a suggestion of the code codes
        #[arg(long, value_enum)]
        query_scope: Option<super::autocode::ScopeArg>,
    },
}

pub fn run(a: CodesArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    match a.action {
        None => list(a.format, &a.layer, ctx),
        Some(action) => edit(action, ctx),
    }
}

fn list(format: Format, layer: &LayerArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let p = ctx.open()?;
    let (layer, coders) = layer.resolve(ctx, &p)?;
    let mut counts: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    for (coder, c) in p
        .all_codings()
        .filter(|(c, _)| coders.iter().any(|x| x == c))
    {
        *counts.entry(&c.code).or_default().entry(coder).or_default() += 1;
    }
    let rows: Vec<_> = p
        .codebook
        .flatten()
        .iter()
        .map(|f| {
            let table = format == Format::Table;
            let by = counts.get(f.code.id.as_str()).cloned().unwrap_or_default();
            let name = match format {
                Format::Table => format!("{}{}", "  ".repeat(f.depth), f.code.name),
                _ => f.code.name.clone(),
            };
            let mut row = json!({
                "id": f.code.id,
                "name": name,
                "path": p.codebook.path(&f.code.id),
                "parent": f.parent,
                "depth": f.depth,
                "shortcut": f.code.shortcut,
                "color": f.code.color,
                "mine": by.get(ctx.coder.as_str()).copied().unwrap_or(0),
                "codings": by.values().sum::<usize>(),
                "by_coder": by,
                "description": f.code.description,
            });
            if format == Format::Csv {
                // One value per cell: a column per coder instead of the by_coder object.
                if let Some(o) = row.as_object_mut() {
                    o.shift_remove("by_coder");
                    for c in &coders {
                        let n = by.get(c.as_str()).copied().unwrap_or(0);
                        o.insert(format!("codings_{}", ident(c)), json!(n));
                    }
                }
            }
            if table {
                // The table keeps to what fits a terminal; JSON and CSV carry every field.
                if let Some(o) = row.as_object_mut() {
                    for k in ["path", "parent", "depth", "description", "by_coder"] {
                        o.shift_remove(k);
                    }
                }
            }
            row
        })
        .collect();
    if format == Format::Table {
        crate::say!("{}", layer_line(&p, &layer, &coders));
    }
    print_rows(format, &rows)?;
    Ok(ExitCode::SUCCESS)
}

fn resolve(p: &Project, key: &str) -> anyhow::Result<String> {
    Ok(p.codebook.resolve(key)?.id.clone())
}

fn edit(action: CodesAction, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let rewrites_codings = matches!(
        action,
        CodesAction::Merge { .. } | CodesAction::Remove { .. }
    );
    let first = ctx.open()?;
    // The codebook lock, plus every coder's lock when codings will change; the project is re-read under them.
    let coders: Vec<String> = if rewrites_codings {
        first.coders.keys().cloned().collect()
    } else {
        Vec::new()
    };
    let mut p = first;
    p.with_locked(true, &coders, |_, held| {
        let mut p = ctx.open()?;
        let msg = apply(&mut p, held, action)?;
        p.save_codebook()?;
        crate::say!("{msg}");
        Ok(ExitCode::SUCCESS)
    })
}

fn apply(p: &mut Project, held: &Held, action: CodesAction) -> anyhow::Result<String> {
    Ok(match action {
        CodesAction::Add {
            name,
            id,
            parent,
            description,
            color,
            shortcut,
        } => {
            let parent = parent.map(|k| resolve(p, &k)).transpose()?;
            let id = id.unwrap_or_else(|| p.codebook.new_id(&name));
            let mut code = Code::new(&id, name.trim());
            code.description = description.unwrap_or_default();
            code.color = color;
            code.shortcut = shortcut.filter(|s| !s.is_empty());
            p.codebook.add(code, parent.as_deref())?;
            t!("code-added", id = id.as_str(), path = p.codebook.path(&id))
        }
        CodesAction::Rename { id, name } => {
            let id = resolve(p, &id)?;
            p.codebook.rename(&id, &name)?;
            t!(
                "code-renamed",
                id = id.as_str(),
                path = p.codebook.path(&id)
            )
        }
        CodesAction::Move { id, parent, top: _ } => {
            let id = resolve(p, &id)?;
            let parent = parent.map(|k| resolve(p, &k)).transpose()?;
            p.codebook.move_to(&id, parent.as_deref())?;
            t!("code-moved", id = id.as_str(), path = p.codebook.path(&id))
        }
        CodesAction::Merge { from, into } => {
            let (from, into) = (resolve(p, &from)?, resolve(p, &into)?);
            p.codebook.merge(&from, &into)?;
            let n = repoint(p, held, &from, Some(&into))?;
            t!(
                "code-merged",
                from = from.as_str(),
                into = into.as_str(),
                n = n
            )
        }
        CodesAction::Remove { id, force } => remove(p, held, &id, force)?,
        CodesAction::Describe {
            id,
            description,
            inclusion,
            exclusion,
            color,
            shortcut,
            query,
            query_scope,
        } => {
            let id = resolve(p, &id)?;
            if let Some(c) = &color {
                crate::model::codebook::check_color(c)?;
            }
            if let Some(q) = query.as_deref().filter(|q| !q.trim().is_empty()) {
                crate::index::query::parse(q)
                    .map_err(|e| anyhow::anyhow!(crate::messages::bad_query(&e, q)))?;
            }
            p.codebook.edit(&id, |c| {
                if let Some(d) = description {
                    c.description = d;
                }
                if let Some(d) = inclusion {
                    c.inclusion = d;
                }
                if let Some(d) = exclusion {
                    c.exclusion = d;
                }
                if color.is_some() {
                    c.color = color;
                }
                if let Some(s) = shortcut {
                    c.shortcut = (!s.is_empty()).then_some(s);
                }
                if let Some(q) = query {
                    c.query = q.trim().to_string();
                }
                if let Some(s) = query_scope {
                    c.query_scope = Some(crate::index::autocode::Scope::from(s).into());
                }
            })?;
            t!("code-updated", id = id.as_str())
        }
    })
}

fn remove(
    p: &mut Project,
    held: &Held,
    key: &str,
    force: Option<String>,
) -> anyhow::Result<String> {
    let id = resolve(p, key)?;
    let used = p.all_codings().filter(|(_, c)| c.code == id).count();
    let target = match force.as_deref() {
        None if used > 0 => bail!(t!("code-in-use", id = id.as_str(), n = used)),
        None | Some("delete") => None,
        Some(k) => Some(resolve(p, k)?),
    };
    if target.as_deref() == Some(id.as_str()) {
        bail!(t!("code-force-self"));
    }
    p.codebook.remove(&id)?;
    let n = repoint(p, held, &id, target.as_deref())?;
    Ok(match target {
        Some(to) => t!("code-removed-moved", id = id.as_str(), n = n, to = to),
        None => t!("code-removed-deleted", id = id.as_str(), n = n),
    })
}

/// Points every coding of `from` at `to` (or deletes them) in all coder files and saves the files changed.
fn repoint(p: &mut Project, held: &Held, from: &str, to: Option<&str>) -> anyhow::Result<usize> {
    let mut n = 0;
    let now = chrono::Utc::now();
    let coders: Vec<String> = p.coders.keys().cloned().collect();
    for coder in coders {
        let lock = held.coder(&coder)?;
        let (changed, file) = p.update_coder_held(lock, &coder, |f| Ok(f.recode(from, to, now)))?;
        p.coders.insert(coder, file);
        n += changed;
    }
    Ok(n)
}
