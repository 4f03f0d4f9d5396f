//! The command line: clap definitions and a thin dispatch into the library layers.

mod agree;
mod autocode;
mod bench;
mod bench_regex;
mod bench_study;
mod codes;
mod coding;
mod consensus;
mod export;
mod filters;
mod matrix;
mod merge;
mod office;
pub mod output;
mod project_cmds;
mod refi;
mod report;
mod saturation;
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
    /// Convert transcripts (.txt, .md, .docx, .vtt, .srt) into the project, or bring in a REFI-QDA
    /// project (.qdpx) or codebook (.qdc)
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
    /// Export data for other tools: `export segments`, `export qdpx`, `export qdc`
    Export(export::ExportArgs),
    /// Draft the interview findings section (Markdown or Word) with counts per group, quotes and the themes chart
    Report(report::ReportArgs),
    /// Inter-coder agreement (percent, Cohen's kappa, Krippendorff's alpha, Brennan–Prediger, Gwet's AC1, bootstrap
    /// intervals) and the list of disagreements
    Agree(agree::AgreeArgs),
    /// Saturation: how many codes appear for the first time in each interview, in coding order, per group
    Saturation(saturation::SaturationArgs),
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
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    i18n::init(lang_in_args(&args));
    let matches = localized(Cli::command()).get_matches_from(args);
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(c) => c,
        Err(e) => e.exit(),
    };
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
            crate::warn_line!("{}: {e}", t!("error-prefix"));
            for cause in e.chain().skip(1) {
                crate::warn_line!("  {}: {cause}", t!("error-caused-by"));
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

/// Refuses a `--project` folder that does not exist, or holds no project, before anything is written
/// (the workbench would otherwise leave `.kodbok/tui.log` behind).
fn check_project(root: &std::path::Path) -> anyhow::Result<()> {
    let dir = root.display().to_string();
    if !root.is_dir() {
        anyhow::bail!(t!("project-missing", dir = dir));
    }
    if !root.join("codebook.json").is_file() {
        anyhow::bail!(t!("not-a-project", dir = dir));
    }
    Ok(())
}

fn run(command: Option<Command>, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    if !matches!(command, Some(Command::Init(_) | Command::Bench(_))) {
        check_project(&ctx.root)?;
    }
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
        Command::Saturation(a) => saturation::run(&a, ctx),
        Command::Consensus(a) => consensus::run(&a, ctx),
        Command::Merge(a) => merge::run(&a, ctx),
        Command::Search(a) => search::run(&a, ctx),
        Command::Suggest(a) => suggest::run(&a, ctx),
        Command::Autocode(a) => autocode::run(&a, ctx),
        Command::Bench(a) => bench::run(&a, ctx),
        Command::Tui => tui(ctx),
    }
}

fn tui(ctx: &Ctx) -> anyhow::Result<ExitCode> {
    crate::tui::run(&ctx.root, &ctx.coder)?;
    Ok(ExitCode::SUCCESS)
}

/// `--lang X` or `--lang=X` among the arguments, read before clap so `--help` is in that language.
fn lang_in_args(args: &[std::ffi::OsString]) -> Option<Lang> {
    let mut it = args.iter().map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        if a == "--lang" {
            return it.next().and_then(|v| Lang::parse(&v));
        }
        if let Some(v) = a.strip_prefix("--lang=") {
            return Lang::parse(v);
        }
    }
    None
}

/// The command's descriptions and global options' help from the catalogue (`cmd-NAME`, `opt-NAME`),
/// in the current language; a command without a key keeps its doc comment.
pub fn localized(cmd: clap::Command) -> clap::Command {
    let lang = i18n::lang();
    let mut cmd = cmd.about(t!("cmd-about")).long_about(t!("cmd-long-about"));
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in names {
        let key = format!("cmd-{name}");
        if i18n::has_key(lang, &key) {
            cmd = cmd.mut_subcommand(&name, |c| c.about(i18n::tr(&key, &[])));
        }
    }
    for opt in ["project", "coder", "lang"] {
        let key = format!("opt-{opt}");
        cmd = cmd.mut_arg(opt, |a| a.help(i18n::tr(&key, &[])));
    }
    cmd
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| t!("lang-unknown", value = s))
}

pub use filters::parse_kv;

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn every_command_is_described_in_both_catalogues() {
        for c in Cli::command().get_subcommands() {
            let key = format!("cmd-{}", c.get_name());
            for lang in Lang::ALL {
                assert!(
                    i18n::has_key(lang, &key),
                    "add {key} to src/i18n/{lang}/cli.ftl"
                );
            }
        }
    }

    #[test]
    fn help_comes_in_the_chosen_language() {
        let help = i18n::with_lang(Lang::Sv, || localized(Cli::command()).render_help());
        assert!(help.to_string().contains("Kvalitativ kodning"), "{help}");
        assert!(
            help.to_string().contains("Visa och redigera kodboken"),
            "{help}"
        );
        let help = i18n::with_lang(Lang::En, || localized(Cli::command()).render_help());
        assert!(
            help.to_string().contains("Show and edit the codebook"),
            "{help}"
        );
    }

    #[test]
    fn the_language_is_read_from_the_arguments_before_clap() {
        let args = |v: &[&str]| v.iter().map(std::ffi::OsString::from).collect::<Vec<_>>();
        assert_eq!(
            lang_in_args(&args(&["kodbok", "--lang", "sv", "docs"])),
            Some(Lang::Sv)
        );
        assert_eq!(
            lang_in_args(&args(&["kodbok", "docs", "--lang=en"])),
            Some(Lang::En)
        );
        assert_eq!(lang_in_args(&args(&["kodbok", "docs"])), None);
        assert_eq!(lang_in_args(&args(&["kodbok", "--", "--lang", "sv"])), None);
    }
}
