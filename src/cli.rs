//! The command line: clap definitions and a thin dispatch into the library layers.

mod agree;
mod autocode;
// The benchmark harness is not part of the product binary: `cargo build --release --features bench`.
#[cfg(feature = "bench")]
mod bench;
#[cfg(feature = "bench")]
mod bench_regex;
#[cfg(feature = "bench")]
mod bench_study;
mod codes;
mod coding;
mod consensus;
mod export;
mod filters;
mod help;
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
mod usage_error;

use crate::i18n::{self, Lang};
use crate::t;
use clap::{Args, Parser, Subcommand};
pub use help::localized;
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
    /// Colours of the workbench when no command is given (see `kodbok tui --help`)
    #[arg(long, value_enum, value_name = "THEME")]
    pub theme: Option<ThemeArg>,
    #[command(subcommand)]
    pub command: Option<CliCommand>,
}

/// The workbench's colours: `--theme`, which wins over `NO_COLOR` and `KODBOK_THEME`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ThemeArg {
    /// Colours from the codebook
    Default,
    /// No colour: reverse video, bold and underline; coded text underlined (as with NO_COLOR)
    #[value(alias = "no-colour")]
    NoColor,
    /// No dimmed grey text; cursor and selection in reverse video
    HighContrast,
    /// Code colours from the Okabe–Ito palette; nothing told apart by red and green
    #[value(alias = "color-blind")]
    ColourBlind,
}

impl ThemeArg {
    pub fn palette(self) -> crate::tui::views::theme::Palette {
        use crate::tui::views::theme::Palette;
        match self {
            ThemeArg::Default => Palette::Colour,
            ThemeArg::NoColor => Palette::NoColour,
            ThemeArg::HighContrast => Palette::HighContrast,
            ThemeArg::ColourBlind => Palette::ColourBlind,
        }
    }
}

#[derive(Args, Debug, Default)]
pub struct TuiArgs {
    /// Colours: default, no-color, high-contrast or colour-blind [default: $KODBOK_THEME, else default;
    /// no-color when NO_COLOR is set]
    #[arg(long, value_enum, value_name = "THEME")]
    pub theme: Option<ThemeArg>,
}

#[derive(Args, Debug, Clone, Copy)]
pub struct FormatArg {
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Subcommand, Debug)]
pub enum CliCommand {
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
    /// Benchmarks on a generated Swedish corpus (built with `--features bench`)
    #[cfg(feature = "bench")]
    Bench(bench::BenchArgs),
    /// Open the coding workbench (what `kodbok` without a command does)
    Tui(TuiArgs),
}

impl CliCommand {
    /// Whether the command works on an existing project (checked before it runs).
    fn needs_project(&self) -> bool {
        match self {
            CliCommand::Init(_) => false,
            #[cfg(feature = "bench")]
            CliCommand::Bench(_) => false,
            _ => true,
        }
    }
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

    /// Only what `load` names of the project (a command that changes one coding).
    pub fn open_with(&self, load: &crate::store::Load) -> anyhow::Result<crate::store::Project> {
        Ok(crate::store::Project::open_with(&self.root, load)?)
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

/// Leaves `data` for the operating system to take back when the process ends, which it is about to: a
/// command that held a national study (hundreds of thousands of codings, a thousand transcripts) spent
/// a tenth of a second freeing them one allocation at a time. Only for what a command holds after its
/// last write; nothing is left unwritten by this (no buffered writer may be passed).
pub(crate) fn free_at_exit<T>(data: T) {
    std::mem::forget(data);
}

pub fn main() -> ExitCode {
    use clap::{CommandFactory, FromArgMatches};
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    i18n::init(lang_in_args(&args));
    let parsed = localized(Cli::command())
        .try_get_matches_from(args)
        .and_then(|m| Cli::from_arg_matches(&m).map(|cli| (m, cli)));
    let (matches, cli) = match parsed {
        Ok(p) => p,
        Err(e) => return usage_error::report(&e),
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
    match run(cli.command, cli.theme, &ctx) {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // The top error is anyhow's context or the library error itself; every cause in the user's language.
            let top = crate::messages::describe(e.as_ref());
            crate::warn_line!("{}: {top}", t!("error-prefix"));
            for cause in e.chain().skip(1) {
                let cause = crate::messages::describe(cause);
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

fn run(
    command: Option<CliCommand>,
    theme: Option<ThemeArg>,
    ctx: &Ctx,
) -> anyhow::Result<ExitCode> {
    if command.as_ref().is_none_or(CliCommand::needs_project) {
        check_project(&ctx.root)?;
    }
    let Some(command) = command else {
        return tui(ctx, theme);
    };
    match command {
        CliCommand::Init(a) => project_cmds::init(&a, ctx),
        CliCommand::Import(a) => project_cmds::import(&a, ctx),
        CliCommand::Docs(f) => project_cmds::docs(f.format, ctx),
        CliCommand::Check(a) => project_cmds::check(&a, ctx),
        CliCommand::Codes(a) => codes::run(a, ctx),
        CliCommand::Code(a) => coding::code(&a, ctx),
        CliCommand::Uncode(a) => coding::uncode(&a, ctx),
        CliCommand::Segments(a) => coding::segments(&a, ctx),
        CliCommand::Summary(a) => summary::run(&a, ctx),
        CliCommand::Matrix(a) => matrix::run(&a, ctx),
        CliCommand::Export(a) => export::run(&a, ctx),
        CliCommand::Report(a) => report::run(&a, ctx),
        CliCommand::Agree(a) => agree::run(&a, ctx),
        CliCommand::Saturation(a) => saturation::run(&a, ctx),
        CliCommand::Consensus(a) => consensus::run(&a, ctx),
        CliCommand::Merge(a) => merge::run(&a, ctx),
        CliCommand::Search(a) => search::run(&a, ctx),
        CliCommand::Suggest(a) => suggest::run(&a, ctx),
        CliCommand::Autocode(a) => autocode::run(&a, ctx),
        #[cfg(feature = "bench")]
        CliCommand::Bench(a) => bench::run(&a, ctx),
        CliCommand::Tui(a) => tui(ctx, a.theme.or(theme)),
    }
}

fn tui(ctx: &Ctx, theme: Option<ThemeArg>) -> anyhow::Result<ExitCode> {
    crate::tui::run(&ctx.root, &ctx.coder, theme.map(ThemeArg::palette))?;
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

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| t!("lang-unknown", value = s))
}

pub use filters::parse_kv;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_is_described_with_qdpx_and_qdc() {
        for lang in Lang::ALL {
            let about = i18n::tr_in(lang, "cmd-export", &[]);
            assert!(
                about.contains("qdpx") && about.contains("qdc"),
                "{lang}: {about}"
            );
        }
    }

    #[test]
    fn the_workbench_takes_a_theme_flag() {
        use crate::tui::views::theme::Palette;
        let theme = |args: &[&str]| -> Option<Palette> {
            let cli = Cli::try_parse_from(args).unwrap();
            let sub = match cli.command {
                Some(CliCommand::Tui(a)) => a.theme,
                _ => None,
            };
            sub.or(cli.theme).map(ThemeArg::palette)
        };
        assert_eq!(
            theme(&["kodbok", "tui", "--theme", "high-contrast"]),
            Some(Palette::HighContrast)
        );
        assert_eq!(
            theme(&["kodbok", "tui", "--theme", "colour-blind"]),
            Some(Palette::ColourBlind)
        );
        assert_eq!(
            theme(&["kodbok", "--theme", "no-color"]),
            Some(Palette::NoColour)
        );
        assert_eq!(
            theme(&["kodbok", "tui", "--theme=no-colour"]),
            Some(Palette::NoColour)
        );
        assert_eq!(
            theme(&["kodbok", "tui", "--theme", "default"]),
            Some(Palette::Colour)
        );
        assert_eq!(theme(&["kodbok", "tui"]), None);
        assert!(Cli::try_parse_from(["kodbok", "tui", "--theme", "pink"]).is_err());
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
