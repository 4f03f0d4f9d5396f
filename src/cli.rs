//! The command line: clap definitions and a thin dispatch into the library layers.

mod agree;
mod autocode;
mod bench;
mod bench_regex;
mod codes;
mod coding;
mod consensus;
mod export;
mod matrix;
mod merge;
pub mod output;
mod project_cmds;
mod report;
mod search;
mod search_out;
mod suggest;
mod summary;

use crate::i18n::{self, Lang};
use crate::t;
use clap::{Args, Parser, Subcommand};
use output::Format;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(
    name = "kodbok",
    version,
    about = "Qualitative coding of interview transcripts, in the terminal",
    long_about = "kodbok codes interview transcripts with a shared codebook, one coding file per coder.\n\
                  Run without a command to open the coding workbench on the project in the current folder."
)]
pub struct Cli {
    /// Project folder (the one holding codebook.json)
    #[arg(long, global = true, value_name = "DIR", default_value = ".")]
    pub project: PathBuf,
    /// Coder name: whose codings are written (default: $KODBOK_CODER, else your user name);
    /// given on the command line to a listing, it shows only that coder's codings
    #[arg(long, global = true, value_name = "NAME", env = "KODBOK_CODER")]
    pub coder: Option<String>,
    /// Language of messages and of the report: sv or en [default: $KODBOK_LANG, else the locale
    /// (LC_ALL, LC_MESSAGES, LANG), else en; the report defaults to sv]
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<Lang>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Args, Debug, Clone, Copy)]
pub struct FormatArg {
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Create a new, empty project (with the default codebook)
    Init(project_cmds::InitArgs),
    /// Convert transcripts (.txt, .md, .docx, .vtt, .srt) into the project
    Import(project_cmds::ImportArgs),
    /// List transcripts: id, case, group, role, turns, words, codings per coder
    Docs(FormatArg),
    /// Show and edit the codebook
    Codes(codes::CodesArgs),
    /// Code a passage of a transcript; prints the new coding's id
    Code(coding::CodeArgs),
    /// Remove one of your codings by id
    Uncode(coding::UncodeArgs),
    /// List coded segments, with filters
    Segments(coding::SegmentsArgs),
    /// Validate the whole project; exits 0 only when it is clean
    Check(project_cmds::CheckArgs),
    /// Per code and group: cases, interviews, segments, word coverage (themes count their sub-codes)
    Summary(summary::SummaryArgs),
    /// Code × case matrix, or code co-occurrence, for R and Excel
    Matrix(matrix::MatrixArgs),
    /// Export data for other tools: `export segments`
    Export(export::ExportArgs),
    /// Draft the interview findings section (Markdown) with counts per group and quotes
    Report(report::ReportArgs),
    /// Inter-coder agreement (percent, Cohen's kappa, Krippendorff's alpha) and the list of disagreements
    Agree(agree::AgreeArgs),
    /// Build the consensus layer (codings/konsensus.json) from the coders' codings, unit by unit
    Consensus(consensus::ConsensusArgs),
    /// Bring in codings, coders and codebook additions from another copy of this project
    Merge(merge::MergeArgs),
    /// Search transcripts: words in all inflections, "phrases", "proximity"~N, /regex/, codes, cases and attributes
    Search(search::SearchArgs),
    /// Passages matching a code's saved query that you have not coded with it (candidates you may have missed)
    Suggest(suggest::SuggestArgs),
    /// Code every hit of a query for you, as one batch that `--undo` removes
    Autocode(autocode::AutocodeArgs),
    /// Benchmarks on a generated Swedish corpus
    Bench(bench::BenchArgs),
    /// Open the coding workbench (what `kodbok` without a command does)
    Tui,
}

/// Settings every command gets.
pub struct Ctx {
    pub root: PathBuf,
    pub coder: String,
    /// `--coder` when given on the command line: listings then show only that coder's layer.
    pub coder_filter: Option<String>,
    /// The language of `report`: `--lang`, else `KODBOK_LANG`, else Swedish (the study's language).
    pub report_lang: Lang,
}

impl Ctx {
    pub fn open(&self) -> anyhow::Result<crate::store::Project> {
        Ok(crate::store::Project::open(&self.root)?)
    }
}

fn default_coder() -> String {
    let name = whoami::username();
    if crate::store::coder_name_ok(&name) {
        name
    } else {
        crate::model::text::slugify(&name)
    }
}

pub fn main() -> ExitCode {
    use clap::{CommandFactory, FromArgMatches};
    let matches = Cli::command().get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(c) => c,
        Err(e) => e.exit(),
    };
    i18n::init(cli.lang);
    let report_lang = cli
        .lang
        .or_else(|| {
            std::env::var("KODBOK_LANG")
                .ok()
                .as_deref()
                .and_then(Lang::parse)
        })
        .unwrap_or(Lang::Sv);
    let explicit = matches.value_source("coder") == Some(clap::parser::ValueSource::CommandLine);
    let ctx = Ctx {
        root: cli.project.clone(),
        coder: cli.coder.clone().unwrap_or_else(default_coder),
        coder_filter: if explicit { cli.coder.clone() } else { None },
        report_lang,
    };
    match run(cli.command, &ctx) {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}: {e}", t!("error-prefix"));
            for cause in e.chain().skip(1) {
                eprintln!("  {}: {cause}", t!("error-caused-by"));
            }
            ExitCode::FAILURE
        }
    }
}

/// Output piped into `head` and closed early is not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<serde_json::Error>()
                .is_some_and(|je| je.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe))
            || c.downcast_ref::<csv::Error>()
                .is_some_and(|ce| matches!(ce.kind(), csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe))
    })
}

fn run(command: Option<Command>, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let Some(command) = command else {
        return tui(ctx);
    };
    match command {
        Command::Init(a) => project_cmds::init(&a, ctx),
        Command::Import(a) => project_cmds::import(&a, ctx),
        Command::Docs(f) => project_cmds::docs(f.format, ctx),
        Command::Check(a) => project_cmds::check(&a, ctx),
        Command::Codes(a) => codes::run(a, ctx),
        Command::Code(a) => coding::code(&a, ctx),
        Command::Uncode(a) => coding::uncode(&a, ctx),
        Command::Segments(a) => coding::segments(&a, ctx),
        Command::Summary(a) => summary::run(&a, ctx),
        Command::Matrix(a) => matrix::run(&a, ctx),
        Command::Export(a) => export::run(&a, ctx),
        Command::Report(a) => report::run(&a, ctx),
        Command::Agree(a) => agree::run(&a, ctx),
        Command::Consensus(a) => consensus::run(&a, ctx),
        Command::Merge(a) => merge::run(&a, ctx),
        Command::Search(a) => search::run(&a, ctx),
        Command::Suggest(a) => suggest::run(&a, ctx),
        Command::Autocode(a) => autocode::run(&a, ctx),
        Command::Bench(a) => bench::run(&a),
        Command::Tui => tui(ctx),
    }
}

fn tui(ctx: &Ctx) -> anyhow::Result<ExitCode> {
    crate::tui::run(&ctx.root, &ctx.coder)?;
    Ok(ExitCode::SUCCESS)
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| t!("lang-unknown", value = s))
}

/// Parses `key=value`.
pub fn parse_kv(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((k, v)) if !k.trim().is_empty() => Ok((k.trim().to_string(), v.trim().to_string())),
        _ => Err(format!("expected key=value, found {s:?}")),
    }
}
