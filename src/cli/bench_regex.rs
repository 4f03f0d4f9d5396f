//! `kodbok bench regex`: `/…/` searches against ripgrep running the same patterns over the same
//! transcript files, on a generated Swedish corpus or on an existing project (`--corpus`); the
//! candidates verified against the transcripts in memory, and (for comparison) against the index's
//! document store as before.

use super::bench::{percentiles, secs};
use crate::index::Searcher;
use crate::index::synth::{self, Spec};
use clap::Args;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

#[derive(Args, Debug)]
pub struct RegexBench {
    /// Transcripts to generate
    #[arg(long, default_value_t = 1000)]
    pub transcripts: usize,
    /// Words per transcript
    #[arg(long, default_value_t = 8000)]
    pub words: usize,
    /// Runs per pattern
    #[arg(long, default_value_t = 20)]
    pub runs: usize,
    /// PRNG seed of the corpus
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Folder for the generated project (default: a new folder under the system temp dir, removed after)
    #[arg(long)]
    pub dir: Option<PathBuf>,
    /// Time an existing project's transcripts instead of a generated corpus (its index is brought up
    /// to date)
    #[arg(long, value_name = "PROJECT", conflicts_with = "dir")]
    pub corpus: Option<PathBuf>,
}

/// Patterns and whether they ignore case: the first ones have literals the index can use.
const PATTERNS: &[(&str, bool)] = &[
    ("resurs(er|erna)? (saknas|fattas)", false),
    ("informationssäkerhet", true),
    (r"\d+ ?procent", false),
    ("politisk ledning", true),
    (r"incident\w* (som|när)", false),
    (r"\b\w{18,}\b", false),
    (r"[A-ZÅÄÖ]\w+ [A-ZÅÄÖ]\w+", false),
    (r"\d{4}", false),
];

pub fn run(a: &RegexBench) -> anyhow::Result<ExitCode> {
    if let Some(root) = &a.corpus {
        if !root.join("transcripts").is_dir() {
            anyhow::bail!("{} has no transcripts folder", root.display());
        }
        let s = Searcher::open(root, &mut |_| {})?;
        println!(
            "kodbok bench regex: {} ({} turns), {} runs per pattern",
            root.display(),
            s.report().turns,
            a.runs
        );
        compare(&s, root, a.runs)?;
        return Ok(ExitCode::SUCCESS);
    }
    let (root, temp) = match &a.dir {
        Some(d) => (d.clone(), false),
        None => (
            std::env::temp_dir().join(format!("kodbok-bench-regex-{}", std::process::id())),
            true,
        ),
    };
    if root.join("codebook.json").exists() || root.join("transcripts").exists() {
        anyhow::bail!(
            "{} already holds a project; give an empty or new --dir",
            root.display()
        );
    }
    let bytes = synth::write_project(
        &root,
        Spec {
            transcripts: a.transcripts,
            words: a.words,
            seed: a.seed,
        },
    )?;
    println!(
        "kodbok bench regex: {} transcripts × {} words ({:.1} MB), seed {}, {} runs per pattern",
        a.transcripts,
        a.words,
        bytes as f64 / 1e6,
        a.seed,
        a.runs
    );
    let result = Searcher::open(&root, &mut |_| {})
        .map_err(anyhow::Error::from)
        .and_then(|s| compare(&s, &root, a.runs));
    if temp {
        let _ = std::fs::remove_dir_all(&root);
    }
    result?;
    Ok(ExitCode::SUCCESS)
}

/// Per pattern: kodbok's count of matching turns and all hits with their spans, next to `rg -c`.
pub fn compare(s: &Searcher, root: &Path, runs: usize) -> anyhow::Result<()> {
    let dir = root.join("transcripts");
    println!(
        "{:<34} {:>9} {:>11} {:>11} {:>11} {:>11} {:>7}",
        "pattern", "narrowed", "from store", "kodbok n", "kodbok all", "ripgrep", "rg/n"
    );
    // the texts are read once, at the first search that verifies: not part of any timing
    let _ = s.count("/x/");
    for &(p, i) in PATTERNS {
        let q = format!("/{p}/{}", if i { "i" } else { "" });
        let narrowed = s.regex_narrowed(p);
        let mut count = 0;
        s.verify_from_store(true);
        let t_store = time(runs.min(5), || {
            count = s.count(&q).unwrap_or(0);
        });
        s.verify_from_store(false);
        let t_count = time(runs, || {
            count = s.count(&q).unwrap_or(0);
        });
        let t_all = time(runs.min(5), || {
            let _ = s.search_all(&q);
        });
        let rg = ripgrep(&dir, p, i, runs.min(10));
        let (rg_s, ratio) = match rg {
            Some(d) => (
                secs(d),
                format!("{:.1}×", d.as_secs_f64() / t_count.as_secs_f64()),
            ),
            None => ("not found".into(), "-".into()),
        };
        println!(
            "{:<34} {:>9} {:>11} {:>11} {:>11} {:>11} {:>7}  ({count} turns)",
            q,
            if narrowed { "literals" } else { "scan" },
            secs(t_store),
            secs(t_count),
            secs(t_all),
            rg_s,
            ratio
        );
    }
    println!(
        "kodbok n: count of matching turns; all: every hit with spans and snippets (p50, in process)."
    );
    println!(
        "from store: the same count, candidates read from the index's document store (the earlier way)."
    );
    println!("ripgrep: `rg -c` over the transcript files (p50, a process per run).");
    Ok(())
}

fn time(runs: usize, mut f: impl FnMut()) -> Duration {
    let times: Vec<Duration> = (0..runs.max(1))
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    percentiles(times).0
}

/// p50 of `rg -c PATTERN DIR`; None when ripgrep is not installed.
fn ripgrep(dir: &Path, pattern: &str, insensitive: bool, runs: usize) -> Option<Duration> {
    let mut times = Vec::new();
    for _ in 0..runs.max(1) {
        let mut c = Command::new("rg");
        c.arg("-c");
        if insensitive {
            c.arg("-i");
        }
        c.arg("-e").arg(pattern).arg(dir);
        let t = Instant::now();
        c.stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .ok()?;
        times.push(t.elapsed());
    }
    Some(percentiles(times).0)
}
