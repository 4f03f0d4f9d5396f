//! `kodbok search`: ranked hits of a query, with a keyword-in-context snippet.

use super::Ctx;
use super::output::{Format, print_rows_with};
use super::search_out;
use crate::index::search::mark;
use crate::index::{Hit, IndexError, Searcher};
use crate::t;
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::{Value, json};
use std::path::Path;
use std::process::ExitCode;

#[derive(Args, Debug)]
#[command(after_help = "Query language (docs/search.md):\n  \
resurs                  the word in all its forms, irregular ones too (liten: små, mindre, minst)\n  \
\"politisk ledning\"      exact phrase\n  \
\"ledningen stöd\"~5      the words in this order, at most 5 words between, every inflection\n  \
/resurs(er)? saknas/    regular expression over the turn's text; /…/i ignores case\n  \
info*  ledningn~1       prefix; within 1 edit\n  \
a b  a OR b  -a  ( )    AND (implied) binds tighter than OR\n  \
code:X coder:N case:C speaker:S doc:D grupp:låg   filters; code-query:X runs code X's saved query")]
pub struct SearchArgs {
    /// The query, e.g. `resurs grupp:låg`, `"politisk ledning"`, `/\d+ ?procent/`, `code-query:resursbrist`
    #[arg(allow_hyphen_values = true)]
    pub query: String,
    /// Most hits to show
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// table, json, csv; kwic: an aligned concordance, one line per match; quotes: Markdown quotes
    /// in ”…” attributed to the (pseudonymised) case and role, as the report does
    #[arg(long, value_enum, default_value_t = SearchFormat::Table)]
    pub format: SearchFormat,
}

/// Output formats of `kodbok search`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SearchFormat {
    Table,
    Json,
    Csv,
    Kwic,
    Quotes,
}

/// Opens the search index, building or updating it first (with a progress bar for a full build).
pub fn open_index(root: &Path) -> anyhow::Result<Searcher> {
    open_index_with(root, None)
}

/// [`open_index`] for running `query` alone: codings changed since the index was written are brought
/// in only when the query filters by codes or coders.
pub fn open_index_for(root: &Path, query: &str) -> anyhow::Result<Searcher> {
    open_index_with(root, Some(query))
}

fn open_index_with(root: &Path, query: Option<&str>) -> anyhow::Result<Searcher> {
    if !root.join("codebook.json").exists() {
        // the same message as every other command
        crate::store::Project::open(root)?;
    }
    let mut bar: Option<ProgressBar> = None;
    let mut progress = |p: crate::index::build::Progress| {
        if !p.full {
            return;
        }
        let b = bar.get_or_insert_with(|| {
            let b = ProgressBar::new(p.total as u64).with_message(t!("index-building"));
            let template = format!(
                "{{msg}} {{bar:30}} {{pos}}/{{len}} {}",
                t!("index-building-transcripts")
            );
            if let Ok(style) = ProgressStyle::with_template(&template) {
                b.set_style(style);
            }
            b
        });
        b.set_position(p.done as u64);
    };
    let s = match query {
        Some(q) => Searcher::open_for(root, q, &mut progress)?,
        None => Searcher::open(root, &mut progress)?,
    };
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    if let Some(reason) = &s.report().rebuilt {
        crate::warn_line!(
            "{}",
            t!(
                "index-built",
                reason = crate::messages::rebuild_reason(reason),
                turns = s.report().turns
            )
        );
    }
    Ok(s)
}

/// A query error with the query and a caret under the problem.
pub fn explain(e: IndexError, query: &str) -> anyhow::Error {
    match e {
        IndexError::Query(q) => anyhow::anyhow!(crate::messages::bad_query(&q, query)),
        other => other.into(),
    }
}

fn ranges(r: &[(usize, usize)]) -> Value {
    json!(r.iter().map(|&(s, e)| json!([s, e])).collect::<Vec<_>>())
}

fn ranges_text(r: &[(usize, usize)]) -> String {
    r.iter()
        .map(|(s, e)| format!("{s}-{e}"))
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn row(rank: usize, h: &Hit, format: Format) -> Value {
    let mut r = json!({
        "rank": rank,
        "doc": h.doc,
        "case": h.case,
        "group": h.group,
        "speaker": h.speaker,
        "turn": h.turn,
    });
    let extra = match format {
        Format::Table => {
            // the table cuts cells at 70 characters: a narrower window keeps the match visible
            let (snip, ms) = h.snippet_of_width(60);
            let chars = format!("{}–{}", h.turn_start, h.turn_end);
            json!({ "chars": chars, "snippet": mark(&snip, &ms, "[", "]") })
        }
        Format::Json => json!({
            "turn_start": h.turn_start,
            "turn_end": h.turn_end,
            "score": h.score,
            "snippet": h.snippet,
            "snippet_matches": ranges(&h.snippet_matches),
            "matches": ranges(&h.matches),
        }),
        Format::Csv => json!({
            "turn_start": h.turn_start,
            "turn_end": h.turn_end,
            "score": h.score,
            "snippet": h.snippet,
            "snippet_matches": ranges_text(&h.snippet_matches),
            "matches": ranges_text(&h.matches),
        }),
    };
    if let (Value::Object(a), Value::Object(b)) = (&mut r, extra) {
        a.extend(b);
    }
    r
}

pub fn run(a: &SearchArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let mut s = open_index_for(&ctx.root, &a.query)?;
    s.set_layer(ctx.coder_filter.clone());
    let hits = s
        .search(&a.query, a.limit)
        .map_err(|e| explain(e, &a.query))?;
    let format = match a.format {
        SearchFormat::Table => Format::Table,
        SearchFormat::Json => Format::Json,
        SearchFormat::Csv => Format::Csv,
        SearchFormat::Kwic => {
            let map = super::summary::pseudonyms(&ctx.open()?)?;
            let text = search_out::kwic(&hits, search_out::KWIC_CONTEXT, &map);
            super::summary::emit(&map, &text, None)?;
            return more(&s, a, hits.len());
        }
        SearchFormat::Quotes => {
            let p = ctx.open()?;
            let map = super::summary::pseudonyms(&p)?;
            let text = search_out::quotes(&p, &hits, &map);
            super::summary::emit(&map, &text, None)?;
            return more(&s, a, hits.len());
        }
    };
    let rows: Vec<Value> = hits
        .iter()
        .enumerate()
        .map(|(i, h)| row(i + 1, h, format))
        .collect();
    if rows.is_empty() && format == Format::Table {
        crate::say!("{}", t!("search-no-hits"));
        return Ok(ExitCode::SUCCESS);
    }
    // CSV names every column, so that an empty result keeps its header row
    let cols = [
        "rank",
        "doc",
        "case",
        "group",
        "speaker",
        "turn",
        "turn_start",
        "turn_end",
        "score",
        "snippet",
        "snippet_matches",
        "matches",
    ];
    let cols = if format == Format::Csv {
        &cols[..]
    } else {
        &[]
    };
    print_rows_with(format, &rows, cols)?;
    if format == Format::Table {
        return more(&s, a, hits.len());
    }
    Ok(ExitCode::SUCCESS)
}

/// Says on stderr when the hits were cut at --limit.
fn more(s: &Searcher, a: &SearchArgs, shown: usize) -> anyhow::Result<ExitCode> {
    if shown == a.limit {
        let total = s.count(&a.query).map_err(|e| explain(e, &a.query))?;
        if total > shown {
            crate::warn_line!("showing {shown} of {total} hits (--limit to see more)");
        }
    }
    Ok(ExitCode::SUCCESS)
}
