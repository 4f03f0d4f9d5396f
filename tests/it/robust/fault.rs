//! The kill attack kept as a test: the real binary is killed with SIGKILL at random moments while it
//! codes, edits the codebook, auto-codes, imports and builds the consensus layer. Afterwards the
//! project passes `check`, every coding a run acknowledged is still there, no temp file is left once
//! the next write has run, and the search index opens (or is rebuilt).
//!
//! 200 kills by default (about a minute on a 2-core machine); `KODBOK_FAULT_KILLS=2000` for more.

use crate::common::{kodbok, ok, sample};
use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A small deterministic generator (no extra crate; the seed is printed so a failure can be rerun).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// One writing command; its argument list depends on the round.
fn command(round: u64, rng: &mut Rng, import_src: &Path) -> Vec<String> {
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    match round % 6 {
        0 | 1 => {
            let doc = ["kommun-a-1", "kommun-b-1", "kommun-c-2"][rng.below(3) as usize];
            let turn = (1 + rng.below(20)).to_string();
            s(&["code", doc, "--code", "resursbrist", "--turn", &turn])
        }
        2 => {
            let name = format!("Kod {round}");
            s(&["codes", "add", &name, "--parent", "hinder"])
        }
        3 => {
            if rng.below(3) == 0 {
                s(&["autocode", "--undo"])
            } else {
                let q = ["resurs", "ledning", "kompetens"][rng.below(3) as usize];
                s(&["autocode", q, "--code", "natverk", "--scope", "sentence"])
            }
        }
        4 => s(&[
            "import",
            "--force",
            "--id",
            "importerad",
            "--case",
            "Kommun A",
            &import_src.display().to_string(),
        ]),
        _ => s(&["consensus", "seed", "--coders", "praktikant-a,praktikant-b"]),
    }
}

fn kills() -> u64 {
    std::env::var("KODBOK_FAULT_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200)
}

/// Coding ids in one coder's file (the file must parse: a torn file fails here).
fn ids(dir: &Path, coder: &str) -> BTreeSet<String> {
    let path = dir.join("codings").join(format!("{coder}.json"));
    let Ok(text) = std::fs::read_to_string(&path) else {
        return BTreeSet::new();
    };
    let v: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is torn: {e}", path.display()));
    v["codings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect()
}

fn temps(dir: &Path) -> Vec<String> {
    ["", "codings", "transcripts"]
        .iter()
        .filter_map(|d| std::fs::read_dir(dir.join(d)).ok())
        .flat_map(|r| r.flatten())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.contains(".tmp-"))
        .collect()
}

#[test]
fn kill_9_at_random_moments_loses_nothing() {
    let dir = sample();
    let d = dir.path();
    let src = d.join("import-source.txt");
    std::fs::write(
        &src,
        "Intervjuare: Hur går det?\n\nRespondent: Det går bra med resurser.\n",
    )
    .unwrap();
    ok(d, &["search", "resurs"]); // the index exists before the attack
    let seed = 0x9e37_79b9_7f4a_7c15u64 ^ u64::from(std::process::id());
    eprintln!("fault test seed {seed:#x}");
    let mut rng = Rng(seed);
    let (mut killed, mut finished, mut panics) = (0u64, 0u64, 0u64);
    let mut acknowledged: BTreeSet<String> = BTreeSet::new();
    let start = Instant::now();
    let mut round = 0;
    // how long each kind of run takes when left alone: kills are spread over that whole time
    let mut took: [Option<Duration>; 6] = [None; 6];
    while killed < kills() {
        round += 1;
        let args = command(round, &mut rng, &src);
        let kind = (round % 6) as usize;
        let mut child = Command::new(env!("CARGO_BIN_EXE_kodbok"))
            .current_dir(d)
            .env("KODBOK_CODER", "tester")
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let began = Instant::now();
        if let Some(full) = took[kind] {
            let span = full.as_micros() as u64 * 6 / 5;
            std::thread::sleep(Duration::from_micros(rng.below(span)));
            if child.try_wait().unwrap().is_none() {
                child.kill().unwrap(); // SIGKILL
                killed += 1;
            }
        }
        let out = child.wait_with_output().unwrap();
        if took[kind].is_none() {
            took[kind] = Some(began.elapsed());
        }
        if out.status.code() == Some(101) {
            panics += 1;
        }
        if out.status.success() {
            finished += 1;
            if args[0] == "code" {
                acknowledged.insert(String::from_utf8_lossy(&out.stdout).trim().to_string());
            }
        }
        // after every run the coder files parse and hold every acknowledged coding
        let now = ids(d, "tester");
        let lost: Vec<_> = acknowledged.difference(&now).collect();
        assert!(lost.is_empty(), "round {round} ({args:?}) lost {lost:?}");
    }
    // the next write of each file removes what killed writers left
    ok(
        d,
        &["code", "kommun-a-2", "--code", "hinder", "--turn", "2"],
    );
    ok(d, &["codes", "add", "Sista koden"]);
    let src_arg = src.display().to_string();
    ok(
        d,
        &[
            "import",
            "--force",
            "--id",
            "importerad",
            "--case",
            "Kommun A",
            &src_arg,
        ],
    );
    ok(
        d,
        &["consensus", "seed", "--coders", "praktikant-a,praktikant-b"],
    );
    let left = temps(d);
    let check = kodbok(d, &["check"]);
    let search = kodbok(d, &["search", "resurs", "--limit", "1"]);
    eprintln!(
        "fault test: {round} runs, {killed} killed with SIGKILL, {finished} finished, {panics} panics, \
         {} acknowledged codings, 0 lost, {} temp files left, {:.0?}",
        acknowledged.len(),
        left.len(),
        start.elapsed()
    );
    assert_eq!(panics, 0);
    assert!(left.is_empty(), "temp files left behind: {left:?}");
    assert!(
        check.status.success(),
        "check after the attack:\n{}{}",
        String::from_utf8_lossy(&check.stdout),
        String::from_utf8_lossy(&check.stderr)
    );
    assert!(
        search.status.success(),
        "the index neither opened nor rebuilt:\n{}",
        String::from_utf8_lossy(&search.stderr)
    );
}
