//! `kodbok bench study`: the national-scale table of issue 12. A generated study (real Swedish
//! parliamentary text as material, cases by municipality, groups hög/låg) is run through every step a
//! researcher takes, each as a child process of this binary, with wall time, CPU time and peak memory
//! next to its target and to the baselines (tantivy indexing the same files; one scan of the corpus).

use super::bench::secs;
use crate::index::synth::Rng;
use crate::model::Transcript;
use crate::store::atomic;
use anyhow::Context;
use clap::Args;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

#[derive(Args, Debug)]
pub struct StudyBench {
    /// Transcripts to generate
    #[arg(long, default_value_t = 1000)]
    pub transcripts: usize,
    /// Words per transcript
    #[arg(long, default_value_t = 8000)]
    pub words: usize,
    /// PRNG seed of the corpus
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Keep the generated study in this (new or empty) folder instead of a temporary one
    #[arg(long, value_name = "DIR")]
    pub keep: Option<PathBuf>,
    /// Folder of Swedish .txt transcripts used as material (default: ../shared/corpus/riksdag/transcripts)
    #[arg(long, value_name = "DIR")]
    pub material: Option<PathBuf>,
}

/// Wall time, CPU time (user + system) and peak resident memory of one measured step.
#[derive(Debug, Clone, Copy, Default)]
pub struct Cost {
    pub wall: Duration,
    pub cpu: Duration,
    /// Peak resident set in kB (0 when unknown).
    pub rss_kb: u64,
}

pub fn run(a: &StudyBench) -> anyhow::Result<ExitCode> {
    let (root, temp) = match &a.keep {
        Some(d) => (d.clone(), false),
        None => (
            std::env::temp_dir().join(format!("kodbok-study-{}", std::process::id())),
            true,
        ),
    };
    if root.exists() && std::fs::read_dir(&root)?.next().is_some() {
        anyhow::bail!(
            "{} already holds files; give an empty or new folder with --keep",
            root.display()
        );
    }
    let result = measure(a, &root);
    if temp {
        let _ = std::fs::remove_dir_all(&root);
    }
    result
}

/// A step of the table: the arguments of the child and its target.
struct BenchStep {
    name: &'static str,
    args: Vec<String>,
    target: Target,
}

#[derive(Clone, Copy)]
enum Target {
    /// At most this factor of the tantivy baseline's CPU time.
    OfTantivy(f64),
    /// Under this many seconds, and optionally under this many MB.
    Under(f64, Option<u64>),
}

fn measure(a: &StudyBench, root: &Path) -> anyhow::Result<ExitCode> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    crate::say!(
        "kodbok bench study: {} transcripts × {} words, seed {}, {threads} cores",
        a.transcripts,
        a.words,
        a.seed
    );
    let material = material(a.material.as_deref())?;
    let t0 = Instant::now();
    let sources = write_sources(root, a, &material)?;
    let bytes: u64 = sources
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    crate::say!(
        "corpus: {:.1} MB in {} files under {} (written and flushed to disk in {})",
        bytes as f64 / 1e6,
        sources.len(),
        root.join("source").display(),
        secs(t0.elapsed())
    );
    let project = root.join("project");
    child(&project, &["init", "--codebook", "sample"])?;
    write_cases(&project, a.transcripts)?;

    let mut import = vec!["import".to_string()];
    import.extend(sources.iter().map(|p| p.display().to_string()));
    let mut table = Table::default();
    let steps = steps(import);
    for (i, step) in steps.iter().enumerate() {
        let args: Vec<&str> = step.args.iter().map(String::as_str).collect();
        let cost = table.or_stop(step.name, child(&project, &args))?;
        if i == 0 {
            // The baseline indexes the files just imported, before the first search builds kodbok's index.
            table.tantivy = Some(table.or_stop("baseline: tantivy", tantivy_baseline(&project))?);
        }
        let verdict = verdict(step.target, cost, table.tantivy.unwrap_or_default());
        table.rows.push((step.name.to_string(), cost, verdict));
    }
    let tantivy = table.tantivy.unwrap_or_default();
    for (name, keys) in [
        ("workbench: first screen", ""),
        ("workbench: `S` group comparison", "S"),
    ] {
        let (cost, inner) = table.or_stop(name, frame_child(&project, keys))?;
        let shown = if keys.is_empty() { inner.0 } else { inner.1 };
        let target = Target::Under(0.5, keys.is_empty().then_some(300));
        let v = verdict(
            target,
            Cost {
                wall: shown,
                ..cost
            },
            tantivy,
        );
        table
            .rows
            .push((format!("{name} (in process {})", secs(shown)), cost, v));
    }
    let codings = count_codings(&project);
    // Taking back a too broad auto-code is a step researchers take too (it once took minutes).
    let name = "autocode --undo (the third batch)";
    let undo = s(&["autocode", "--undo", "--coder", "bench"]);
    let args: Vec<&str> = undo.iter().map(String::as_str).collect();
    let cost = table.or_stop(name, child(&project, &args))?;
    let v = verdict(Target::Under(2.0, None), cost, tantivy);
    table.rows.push((name.to_string(), cost, v));
    table.scan = Some(table.or_stop("baseline: one scan", scan_baseline(&project))?);
    table.print();
    crate::say!("(targets are judged on CPU time: the machine may be shared; peak MB is VmHWM)");
    if let Ok(n) = codings {
        crate::say!("codings in the study (before the undo): {n}");
    }
    Ok(ExitCode::SUCCESS)
}

/// The figures measured so far: printed at the end, or when a step fails, so that a failure still shows
/// what was measured and which step stopped the run.
#[derive(Default)]
struct Table {
    tantivy: Option<Cost>,
    scan: Option<Cost>,
    rows: Vec<(String, Cost, String)>,
}

impl Table {
    /// The step's result; on failure the table so far and the failing step are printed, and the error
    /// (which holds the child's exit status and stderr) is returned naming the step.
    fn or_stop<T>(&self, step: &str, r: anyhow::Result<T>) -> anyhow::Result<T> {
        r.map_err(|e| {
            self.print();
            crate::say!("stopped: step `{step}` failed (its error follows on stderr)");
            e.context(format!("bench study: step `{step}` failed"))
        })
    }

    fn print(&self) {
        crate::say!("");
        crate::say!(
            "{:<48} {:>9} {:>9} {:>8}  target",
            "step",
            "wall",
            "cpu",
            "peak MB"
        );
        let line = |name: &str, c: Cost, v: &str| {
            crate::say!(
                "{name:<48} {:>9} {:>9} {:>8}  {v}",
                secs(c.wall),
                secs(c.cpu),
                c.rss_kb / 1024
            );
        };
        if let Some(tantivy) = self.tantivy {
            line("baseline: tantivy indexes the same files", tantivy, "");
        }
        if let Some(scan) = self.scan {
            line("baseline: one scan of the corpus", scan, "");
        }
        for (name, cost, v) in &self.rows {
            line(name, *cost, v);
        }
    }
}

/// Owned arguments.
fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

fn steps(import: Vec<String>) -> Vec<BenchStep> {
    let auto = |q: &str, code: &str| {
        s(&[
            "autocode", q, "--code", code, "--scope", "sentence", "--coder", "bench",
        ])
    };
    vec![
        BenchStep {
            name: "import",
            args: import,
            target: Target::OfTantivy(0.5),
        },
        BenchStep {
            name: "first search (builds the index)",
            args: s(&["search", "regeringen", "--limit", "10"]),
            target: Target::OfTantivy(1.5),
        },
        BenchStep {
            name: "autocode 1 (regering*)",
            args: auto("regering*", "politiskt-intresse"),
            target: Target::Under(2.0, None),
        },
        BenchStep {
            name: "autocode 2 (\"det är\")",
            args: auto("\"det är\"", "resursbrist"),
            target: Target::Under(2.0, None),
        },
        BenchStep {
            name: "autocode 3 (kommun* OR svensk*)",
            args: auto("kommun* OR svensk* OR arbete*", "lagkrav"),
            target: Target::Under(2.0, None),
        },
        BenchStep {
            name: "check",
            args: s(&["check"]),
            target: Target::Under(1.0, None),
        },
        BenchStep {
            name: "summary --all-coders",
            args: s(&["summary", "--all-coders"]),
            target: Target::Under(0.7, Some(300)),
        },
        BenchStep {
            name: "report --lang sv",
            args: s(&["report", "--lang", "sv", "--all-coders"]),
            target: Target::Under(1.5, None),
        },
    ]
}

fn verdict(t: Target, c: Cost, tantivy: Cost) -> String {
    match t {
        Target::OfTantivy(f) => {
            let limit = tantivy.cpu.mul_f64(f);
            let ratio = c.cpu.as_secs_f64() / tantivy.cpu.as_secs_f64().max(1e-9);
            format!(
                "≤ {f}× tantivy ({}): {ratio:.2}× {}",
                secs(limit),
                met(c.cpu <= limit)
            )
        }
        Target::Under(s, mb) => {
            let ok_t = c.cpu.as_secs_f64() < s || c.wall.as_secs_f64() < s;
            let ok_m = mb.is_none_or(|m| c.rss_kb / 1024 < m);
            let mem = mb.map(|m| format!(", < {m} MB")).unwrap_or_default();
            format!("< {s} s{mem}: {}", met(ok_t && ok_m))
        }
    }
}

fn met(ok: bool) -> &'static str {
    if ok { "met" } else { "MISSED" }
}

/// Paragraphs of real Swedish text to build turns from.
fn material(dir: Option<&Path>) -> anyhow::Result<Vec<String>> {
    let candidates: Vec<PathBuf> = match dir {
        Some(d) => vec![d.to_path_buf()],
        None => [
            "../shared/corpus/riksdag/transcripts",
            "../../shared/corpus/riksdag/transcripts",
        ]
        .iter()
        .map(PathBuf::from)
        .collect(),
    };
    for d in candidates.iter().filter(|d| d.is_dir()) {
        let mut paras = Vec::new();
        let mut files: Vec<PathBuf> = std::fs::read_dir(d)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        for f in files {
            let text = std::fs::read_to_string(&f).with_context(|| format!("{}", f.display()))?;
            let Ok(t) = Transcript::parse(&text, "m") else {
                continue;
            };
            for turn in &t.turns {
                for &(s, e) in &turn.paragraphs {
                    if let Some(p) = t.slice(s, e) {
                        let p = p.split_whitespace().collect::<Vec<_>>().join(" ");
                        if p.split(' ').count() >= 5 {
                            paras.push(p);
                        }
                    }
                }
            }
        }
        if !paras.is_empty() {
            crate::say!("material: {} paragraphs from {}", paras.len(), d.display());
            return Ok(paras);
        }
    }
    crate::say!("material: no Swedish corpus found (give --material DIR); using generated words");
    let mut rng = Rng::new(7);
    Ok((0..2000)
        .map(|i| crate::index::synth::transcript(&mut rng, "m", &format!("{i}"), 60))
        .map(|t| {
            t.lines()
                .filter(|l| l.starts_with("Respondent:"))
                .map(|l| l.trim_start_matches("Respondent:").trim().to_string())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|p| !p.is_empty())
        .collect())
}

/// The municipality (case) of transcript `i`: about 3.4 interviews per municipality, 290 at 1,000.
fn case_of(i: usize, n: usize) -> usize {
    let cases = (n * 29).div_ceil(100).max(1);
    i * cases / n.max(1)
}

fn group_of(case: usize) -> &'static str {
    if case.is_multiple_of(3) {
        "hög"
    } else {
        "låg"
    }
}

/// Source files `source/intervju-NNNN.txt` with a header (case, role, group) and alternating turns.
fn write_sources(root: &Path, a: &StudyBench, material: &[String]) -> anyhow::Result<Vec<PathBuf>> {
    let dir = root.join("source");
    std::fs::create_dir_all(&dir)?;
    let mut rng = Rng::new(a.seed);
    let mut out = Vec::with_capacity(a.transcripts);
    for i in 0..a.transcripts {
        let case = case_of(i, a.transcripts);
        let mut text = format!(
            "---\ncase: Kommun {case:03}\nrole: {}\ngrupp: {}\n---\n\n",
            ["kommunchef", "it-chef", "samordnare", "politiker"][rng.below(4)],
            group_of(case)
        );
        let (mut words, mut respondent) = (0, false);
        while words < a.words {
            let speaker = if respondent {
                "Respondent"
            } else {
                "Intervjuare"
            };
            let _ = write!(text, "{speaker}:");
            let paras = if respondent { 1 + rng.below(3) } else { 1 };
            for k in 0..paras {
                let p = &material[rng.below(material.len())];
                let p = if respondent {
                    p.as_str()
                } else {
                    // An interviewer asks briefly: the first sentence or so.
                    p.split_inclusive(". ").next().unwrap_or(p)
                };
                words += p.split(' ').count();
                text.push_str(if k == 0 { " " } else { "\n\n" });
                text.push_str(p.trim_end());
            }
            text.push_str("\n\n");
            respondent = !respondent;
        }
        let path = dir.join(format!("intervju-{i:04}.txt"));
        std::fs::write(&path, text)?;
        out.push(path);
    }
    // A study's files were written long before they are imported. Written just now, they would still be
    // waiting for the disk, and the import's one flush of the file system (see `atomic::Staged`) would
    // write them out and be charged for it: 0.4 s of system time here, more than the import's own.
    #[cfg(unix)]
    // SAFETY: sync(2) takes no arguments and cannot fail.
    unsafe {
        libc::sync()
    };
    Ok(out)
}

/// cases.csv with the group of each municipality, written before the import as a study would have it.
fn write_cases(project: &Path, n: usize) -> anyhow::Result<()> {
    let mut csv = String::from("case,grupp,region\n");
    let cases = case_of(n.saturating_sub(1), n) + 1;
    for c in 0..cases {
        let _ = writeln!(
            csv,
            "Kommun {c:03},{},{}",
            group_of(c),
            ["norr", "mitt", "syd"][c % 3]
        );
    }
    let dir = project.join("transcripts");
    std::fs::create_dir_all(&dir)?;
    atomic::write(&dir.join("cases.csv"), csv.as_bytes())?;
    Ok(())
}

/// Runs this binary on the project with `args`; fails when the child fails.
fn child(project: &Path, args: &[&str]) -> anyhow::Result<Cost> {
    let exe = std::env::current_exe()?;
    let mut cmd = Command::new(exe);
    cmd.arg("--project")
        .arg(project)
        .args(args)
        .env("KODBOK_CODER", "bench")
        .env("KODBOK_LANG", "sv")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let shown = args.iter().take(4).copied().collect::<Vec<_>>().join(" ");
    let (cost, exit, err) = run_measured(cmd)?;
    if let Some(exit) = exit {
        anyhow::bail!(
            "kodbok {shown} {exit}; its stderr:\n{}",
            stderr_or_none(&err)
        );
    }
    Ok(cost)
}

/// The hidden `bench frame` child: opens the workbench, draws the first screen (and after `keys`).
fn frame_child(project: &Path, keys: &str) -> anyhow::Result<(Cost, (Duration, Duration))> {
    let exe = std::env::current_exe()?;
    let mut cmd = Command::new(exe);
    cmd.arg("--project")
        .arg(project)
        .args(["bench", "frame", "--keys", keys])
        .env("KODBOK_CODER", "bench")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let (cost, exit, out) = run_measured(cmd)?;
    if let Some(exit) = exit {
        anyhow::bail!(
            "kodbok bench frame {exit}; its output:\n{}",
            stderr_or_none(&out)
        );
    }
    let num = |k: &str| -> Duration {
        out.split_whitespace()
            .find_map(|w| w.strip_prefix(k))
            .and_then(|v| v.parse::<f64>().ok())
            .map_or(Duration::ZERO, Duration::from_secs_f64)
    };
    Ok((cost, (num("first="), num("keys="))))
}

fn stderr_or_none(text: &str) -> &str {
    if text.trim().is_empty() {
        "(nothing)"
    } else {
        text.trim_end()
    }
}

/// Spawns `cmd` and waits for it with `wait4`, which gives the child's own CPU time and peak memory.
/// Returns the cost, how it failed (None when it exited with 0), and its output (stdout then stderr).
#[cfg(unix)]
fn run_measured(mut cmd: Command) -> anyhow::Result<(Cost, Option<String>, String)> {
    use std::io::Read;
    let t = Instant::now();
    let mut ch = cmd.spawn()?;
    let (mut out, mut err) = (ch.stdout.take(), ch.stderr.take());
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        if let Some(o) = out.as_mut() {
            let _ = o.read_to_string(&mut s);
        }
        if let Some(e) = err.as_mut() {
            let _ = e.read_to_string(&mut s);
        }
        s
    });
    let pid = ch.id() as libc::pid_t;
    let mut status: libc::c_int = 0;
    // SAFETY: an all-zero rusage is a valid value of this plain C struct.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: pid is our own unwaited child; status and ru are valid for writes.
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut ru) };
    let wall = t.elapsed();
    anyhow::ensure!(r == pid, "waiting for the child failed");
    let text = reader.join().unwrap_or_default();
    let tv = |v: libc::timeval| Duration::new(v.tv_sec as u64, v.tv_usec as u32 * 1000);
    let cost = Cost {
        wall,
        cpu: tv(ru.ru_utime) + tv(ru.ru_stime),
        rss_kb: ru.ru_maxrss as u64,
    };
    let exit = if libc::WIFEXITED(status) {
        let code = libc::WEXITSTATUS(status);
        (code != 0).then(|| format!("exited with status {code}"))
    } else if libc::WIFSIGNALED(status) {
        Some(format!("was killed by signal {}", libc::WTERMSIG(status)))
    } else {
        Some(format!("ended with wait status {status}"))
    };
    Ok((cost, exit, text))
}

#[cfg(not(unix))]
fn run_measured(mut cmd: Command) -> anyhow::Result<(Cost, Option<String>, String)> {
    let t = Instant::now();
    let o = cmd.output()?;
    let wall = t.elapsed();
    let mut text = String::from_utf8_lossy(&o.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&o.stderr));
    let cost = Cost {
        wall,
        cpu: wall,
        rss_kb: 0,
    };
    let exit = (!o.status.success()).then(|| format!("ended with {}", o.status));
    Ok((cost, exit, text))
}

/// This process's CPU time so far (all threads) and peak memory.
fn self_usage() -> (Duration, u64) {
    #[cfg(unix)]
    {
        // SAFETY: an all-zero rusage is valid, and getrusage only writes into it.
        let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
        // SAFETY: ru is valid for writes.
        unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut ru) };
        let tv = |v: libc::timeval| Duration::new(v.tv_sec as u64, v.tv_usec as u32 * 1000);
        (tv(ru.ru_utime) + tv(ru.ru_stime), ru.ru_maxrss as u64)
    }
    #[cfg(not(unix))]
    {
        (Duration::ZERO, 0)
    }
}

/// tantivy alone indexing the imported transcripts' turns (read and parsed outside the timing).
fn tantivy_baseline(project: &Path) -> anyhow::Result<Cost> {
    let (cpu0, _) = self_usage();
    let (wall, index, _) = super::bench::direct_build(project)?;
    drop(index);
    let (cpu1, rss) = self_usage();
    let _ = std::fs::remove_dir_all(project.join(".kodbok").join("direct"));
    // The CPU figure includes reading and parsing the files; the wall figure only the indexing.
    Ok(Cost {
        wall,
        cpu: cpu1.saturating_sub(cpu0),
        rss_kb: rss,
    })
}

/// One ripgrep-style scan of the corpus: `rg` when installed, else reading every file and counting a word.
fn scan_baseline(project: &Path) -> anyhow::Result<Cost> {
    let dir = project.join("transcripts");
    let mut cmd = Command::new("rg");
    cmd.args(["-c", "-w", "regeringen"])
        .arg(&dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    if let Ok((cost, _, _)) = run_measured(cmd) {
        return Ok(cost);
    }
    let t = Instant::now();
    let (cpu0, _) = self_usage();
    let mut n = 0usize;
    for e in std::fs::read_dir(&dir)? {
        let p = e?.path();
        if p.extension().is_some_and(|x| x == "txt") {
            n += std::fs::read_to_string(&p)?.matches("regeringen").count();
        }
    }
    let (cpu1, rss) = self_usage();
    std::hint::black_box(n);
    Ok(Cost {
        wall: t.elapsed(),
        cpu: cpu1.saturating_sub(cpu0),
        rss_kb: rss,
    })
}

fn count_codings(project: &Path) -> anyhow::Result<usize> {
    let mut n = 0;
    for e in std::fs::read_dir(project.join("codings"))? {
        let p = e?.path();
        if p.extension().is_some_and(|x| x == "json") {
            let f: crate::model::CoderFile = serde_json::from_slice(&std::fs::read(&p)?)?;
            n += f.codings.len();
        }
    }
    Ok(n)
}

#[derive(Args, Debug)]
pub struct FrameBench {
    /// Keys fed after the first screen is drawn (e.g. S)
    #[arg(long, default_value = "", allow_hyphen_values = true)]
    pub keys: String,
}

/// The workbench's first screen (and the screen after `keys`) drawn on a 120×40 test backend; prints
/// `first=SECONDS keys=SECONDS` for `bench study`.
pub fn frame(a: &FrameBench, root: &Path, coder: &str) -> anyhow::Result<ExitCode> {
    use crate::tui::{Session, SessionOptions, action::Action, views};
    use ratatui::{Terminal, backend::TestBackend};
    let t = Instant::now();
    let mut term = Terminal::new(TestBackend::new(120, 40))?;
    let mut s = Session::open(root, coder, &SessionOptions::default())?;
    s.dispatch(Action::Resize(120, 40));
    term.draw(|f| views::draw(f, &s.state))?;
    let first = t.elapsed();
    let t = Instant::now();
    if !a.keys.is_empty() {
        s.feed(&a.keys).map_err(|e| anyhow::anyhow!(e))?;
        s.flush();
        term.draw(|f| views::draw(f, &s.state))?;
    }
    let keys = t.elapsed();
    s.terminate();
    println!("first={} keys={}", first.as_secs_f64(), keys.as_secs_f64());
    Ok(ExitCode::SUCCESS)
}
