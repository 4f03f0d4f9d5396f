//! `kodbok bench search`: index build, reopen, incremental update and query latency on a generated
//! Swedish corpus, next to tantivy used directly (and ripgrep when installed).

use crate::index::Searcher;
use crate::index::schema::{self, STEM};
use crate::index::synth::{self, Spec};
use crate::model::Transcript;
use anyhow::Context;
use clap::{Args, Subcommand};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};
use tantivy::collector::TopDocs;
use tantivy::query::{PhraseQuery, TermQuery};
use tantivy::schema::{IndexRecordOption, STORED, Schema, TextFieldIndexing, TextOptions};
use tantivy::{Index, TantivyDocument, Term};

#[derive(Args, Debug)]
pub struct BenchArgs {
    #[command(subcommand)]
    pub what: BenchWhat,
}

#[derive(Subcommand, Debug)]
pub enum BenchWhat {
    /// Search index and queries
    Search(SearchBench),
    /// /regex/ searches against ripgrep on the same files
    Regex(super::bench_regex::RegexBench),
    /// The national-scale study: every step from import to report, as child processes, with CPU time and peak memory
    Study(super::bench_study::StudyBench),
    /// The workbench's first screen on a test backend (used by `bench study`)
    #[command(hide = true)]
    Frame(super::bench_study::FrameBench),
}

#[derive(Args, Debug)]
pub struct SearchBench {
    /// Transcripts to generate
    #[arg(long, default_value_t = 1000)]
    pub transcripts: usize,
    /// Words per transcript
    #[arg(long, default_value_t = 8000)]
    pub words: usize,
    /// Runs per query
    #[arg(long, default_value_t = 200)]
    pub runs: usize,
    /// PRNG seed of the corpus
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Folder for the generated project (default: a new folder under the system temp dir, removed after)
    #[arg(long)]
    pub dir: Option<PathBuf>,
}

pub fn run(a: &BenchArgs, ctx: &super::Ctx) -> anyhow::Result<ExitCode> {
    match &a.what {
        BenchWhat::Search(s) => search(s),
        BenchWhat::Regex(r) => super::bench_regex::run(r),
        BenchWhat::Study(s) => super::bench_study::run(s),
        BenchWhat::Frame(f) => super::bench_study::frame(f, &ctx.root, &ctx.coder),
    }
}

pub(super) fn secs(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms >= 1000.0 {
        format!("{:.2} s", ms / 1000.0)
    } else if ms >= 1.0 {
        format!("{ms:.1} ms")
    } else {
        format!("{:.3} ms", ms)
    }
}

pub(super) fn percentiles(mut v: Vec<Duration>) -> (Duration, Duration) {
    v.sort();
    let at = |q: f64| v[((v.len() as f64 - 1.0) * q).round() as usize];
    (at(0.5), at(0.99))
}

fn search(a: &SearchBench) -> anyhow::Result<ExitCode> {
    let (root, temp) = match &a.dir {
        Some(d) => (d.clone(), false),
        None => (
            std::env::temp_dir().join(format!("kodbok-bench-{}", std::process::id())),
            true,
        ),
    };
    if root.join("codebook.json").exists() || root.join("transcripts").exists() {
        anyhow::bail!(
            "{} already holds files; give an empty or new folder with --dir",
            root.display()
        );
    }
    let result = measure(a, &root);
    if temp {
        let _ = std::fs::remove_dir_all(&root);
    }
    result
}

fn measure(a: &SearchBench, root: &Path) -> anyhow::Result<ExitCode> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    crate::say!(
        "kodbok bench search: {} transcripts × {} words, seed {}, {threads} cores",
        a.transcripts,
        a.words,
        a.seed
    );
    let t0 = Instant::now();
    let bytes = synth::write_project(
        root,
        Spec {
            transcripts: a.transcripts,
            words: a.words,
            seed: a.seed,
        },
    )?;
    let mb = bytes as f64 / 1e6;
    crate::say!(
        "corpus: {mb:.1} MB written to {} in {}",
        root.display(),
        secs(t0.elapsed())
    );

    let t = Instant::now();
    let s = Searcher::open(root, &mut |_| {})?;
    let build = t.elapsed();
    let turns = s.report().turns;
    crate::say!(
        "kodbok full index build: {} ({:.1} MB/s, {turns} turns)",
        secs(build),
        mb / build.as_secs_f64()
    );
    drop(s);

    let (direct, direct_index, raw_field) = direct_build(root)?;
    crate::say!(
        "tantivy direct build:    {} ({:.1} MB/s); kodbok/direct = {:.2}×",
        secs(direct),
        mb / direct.as_secs_f64(),
        build.as_secs_f64() / direct.as_secs_f64()
    );

    let t = Instant::now();
    let s = Searcher::open(root, &mut |_| {})?;
    let reopen = t.elapsed();
    crate::say!(
        "reopen unchanged project: {} (transcripts re-indexed: {})",
        secs(reopen),
        s.report().reindexed
    );
    drop(s);

    let first = root.join("transcripts").join("t00000.txt");
    let mut text = std::fs::read_to_string(&first).context("reading a generated transcript")?;
    text.push_str("Respondent: Vi lade till en mening om resurserna i efterhand.\n");
    std::fs::write(&first, text)?;
    let t = Instant::now();
    let s = Searcher::open(root, &mut |_| {})?;
    crate::say!(
        "re-index after one transcript changed: {} (transcripts re-indexed: {})",
        secs(t.elapsed()),
        s.report().reindexed
    );

    let queries: &[(&str, &[&str])] = &[
        (
            "term (exact word)",
            &[
                "\"resurserna\"",
                "\"kommunen\"",
                "\"incidenter\"",
                "\"budgeten\"",
                "\"chefen\"",
            ],
        ),
        (
            "stemmed term",
            &["resurs", "hinder", "kommunledning", "arbeta", "säker"],
        ),
        (
            "phrase",
            &[
                "\"politisk ledning\"",
                "\"viktigt att\"",
                "\"och det är\"",
                "\"vi har inte\"",
                "\"saknas för\"",
            ],
        ),
        (
            "boolean",
            &[
                "(resurs OR kompetens) AND ledning -budget",
                "incident OR risk",
                "system AND NOT leverantör",
            ],
        ),
        (
            "filtered code:",
            &[
                "resurs code:hinder",
                "ledning code:framgangsfaktorer",
                "code:hinder",
            ],
        ),
        (
            "filtered grupp:",
            &[
                "resurs grupp:låg",
                "ledning grupp:hög mognadsniva:1",
                "kompetens -grupp:hög",
            ],
        ),
        (
            "prefix / fuzzy",
            &["informationssäkerhet*", "ledningn~1", "resur*"],
        ),
    ];
    crate::say!(
        "in-process query latency (top 10 with snippets), {} runs each:",
        a.runs
    );
    for (name, qs) in queries {
        let mut times = Vec::with_capacity(a.runs);
        let mut hits = 0;
        for i in 0..a.runs {
            let q = qs[i % qs.len()];
            let t = Instant::now();
            hits = s
                .search(q, 10)
                .map_err(|e| anyhow::anyhow!("{q}: {e}"))?
                .len();
            times.push(t.elapsed());
        }
        let (p50, p99) = percentiles(times);
        crate::say!(
            "  {name:<20} p50 {:>10}  p99 {:>10}  ({hits} hits for {:?})",
            secs(p50),
            secs(p99),
            qs[(a.runs - 1) % qs.len()]
        );
    }
    direct_queries(&direct_index, raw_field, a.runs)?;
    end_to_end(root, a.runs.min(30))?;
    ripgrep(root);
    crate::say!("peak memory (VmHWM): {}", peak_memory());
    Ok(ExitCode::SUCCESS)
}

/// The same turns indexed with tantivy alone: one stemmed text field with positions, stored.
pub(super) fn direct_build(
    root: &Path,
) -> anyhow::Result<(Duration, Index, tantivy::schema::Field)> {
    let mut texts = Vec::new();
    for e in std::fs::read_dir(root.join("transcripts"))? {
        let p = e?.path();
        if p.extension().and_then(|x| x.to_str()) == Some("txt") {
            let t = Transcript::parse(&std::fs::read_to_string(&p)?, "x")
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            for turn in &t.turns {
                texts.push(t.slice(turn.start, turn.end).unwrap_or("").to_string());
            }
        }
    }
    let dir = root.join(".kodbok").join("direct");
    std::fs::create_dir_all(&dir)?;
    let t = Instant::now();
    let mut b = Schema::builder();
    let opts = TextOptions::default().set_stored().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(STEM)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let body = b.add_text_field("body", opts);
    let _ = STORED;
    let index = Index::create_in_dir(&dir, b.build())?;
    schema::register(index.tokenizers());
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(4);
    let mut w: tantivy::IndexWriter =
        index.writer_with_num_threads(threads, 60_000_000 * threads)?;
    for text in &texts {
        let mut d = TantivyDocument::default();
        d.add_text(body, text);
        w.add_document(d)?;
    }
    w.commit()?;
    w.wait_merging_threads()?;
    Ok((t.elapsed(), index, body))
}

fn direct_queries(index: &Index, body: tantivy::schema::Field, runs: usize) -> anyhow::Result<()> {
    let searcher = index.reader()?.searcher();
    let term = TermQuery::new(
        Term::from_field_text(body, "resurs"),
        IndexRecordOption::WithFreqs,
    );
    let phrase = PhraseQuery::new(vec![
        Term::from_field_text(body, "politisk"),
        Term::from_field_text(body, "ledning"),
    ]);
    for (name, q) in [
        ("term", &term as &dyn tantivy::query::Query),
        ("phrase", &phrase),
    ] {
        let mut times = Vec::new();
        for _ in 0..runs {
            let t = Instant::now();
            let top = searcher.search(q, &TopDocs::with_limit(10).order_by_score())?;
            for (_, addr) in top {
                let _d: TantivyDocument = searcher.doc(addr)?;
            }
            times.push(t.elapsed());
        }
        let (p50, p99) = percentiles(times);
        crate::say!(
            "  tantivy direct {name:<7}  p50 {:>10}  p99 {:>10}  (top 10, documents loaded, no snippets)",
            secs(p50),
            secs(p99)
        );
    }
    Ok(())
}

fn end_to_end(root: &Path, runs: usize) -> anyhow::Result<()> {
    let exe = std::env::current_exe()?;
    for q in [
        "resurs",
        "\"politisk ledning\"",
        "resurs code:hinder grupp:låg",
    ] {
        let mut times = Vec::new();
        for _ in 0..runs {
            let t = Instant::now();
            let st = Command::new(&exe)
                .arg("--project")
                .arg(root)
                .args(["search", q, "--limit", "10", "--format", "json"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()?;
            times.push(t.elapsed());
            anyhow::ensure!(st.success(), "kodbok search {q:?} failed");
        }
        let (p50, p99) = percentiles(times);
        crate::say!(
            "end-to-end `kodbok search {q}` as a process: p50 {}  p99 {}",
            secs(p50),
            secs(p99)
        );
    }
    Ok(())
}

fn ripgrep(root: &Path) {
    let dir = root.join("transcripts");
    for (name, args) in [
        ("literal", vec!["-c", "-w", "resurserna"]),
        (
            "word forms",
            vec!["-c", "-i", "-w", "resurs(en|er|erna|ens|ers|ernas)?"],
        ),
    ] {
        let mut times = Vec::new();
        for _ in 0..5 {
            let t = Instant::now();
            let ok = Command::new("rg")
                .args(&args)
                .arg(&dir)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status();
            if ok.is_err() {
                crate::say!("ripgrep: not installed (skipped)");
                return;
            }
            times.push(t.elapsed());
        }
        let (p50, _) = percentiles(times);
        crate::say!("ripgrep {name}: p50 {}", secs(p50));
    }
}

fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l["VmHWM:".len()..].trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into())
}
