//! The kill attack kept as a test: the real binary is killed with SIGKILL at random moments while it
//! codes, edits the codebook, auto-codes, imports (a .txt and a REFI-QDA .qdpx), builds the consensus
//! layer, decides and undoes consensus units, and accepts suggestions. Afterwards the project passes
//! `check`, every coding and decision a run acknowledged is still there, no temp file or staging
//! folder is left once the next write has run, and the search index opens (or is rebuilt).
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

/// How many kinds of writing command the loop runs.
const KINDS: u64 = 9;

/// What the commands work on, found before the attack.
struct Inputs {
    txt: String,
    qdpx: String,
    /// Disagreement ids of praktikant-a and praktikant-b (consensus take/undo).
    units: Vec<String>,
    /// Suggestion ids for the coder `forslag`.
    suggestions: Vec<String>,
}

/// The coder a kind of command runs as: suggestions are accepted by their own coder, so that
/// `autocode --undo` (as tester) never takes back a batch the test counts as acknowledged.
fn coder_of(kind: u64) -> &'static str {
    if kind == 8 { "forslag" } else { "tester" }
}

/// One writing command; its argument list depends on the round.
fn command(round: u64, rng: &mut Rng, inputs: &Inputs) -> Vec<String> {
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    let pick = |rng: &mut Rng, v: &[String]| v[rng.below(v.len() as u64) as usize].clone();
    match round % KINDS {
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
            &inputs.txt,
        ]),
        5 => s(&["consensus", "seed", "--coders", "praktikant-a,praktikant-b"]),
        6 => s(&["import", "--force", &inputs.qdpx]),
        7 => {
            let unit = pick(rng, &inputs.units);
            let coders = "praktikant-a,praktikant-b";
            if rng.below(3) == 0 {
                s(&["consensus", "undo", &unit, "--coders", coders])
            } else {
                let choice = ["A", "B", "both", "neither"][rng.below(4) as usize];
                s(&["consensus", "take", choice, &unit, "--coders", coders])
            }
        }
        _ => s(&["suggest", "--accept", &pick(rng, &inputs.suggestions)]),
    }
}

/// Ids from a JSON listing: the `key` of every row.
fn listed(dir: &Path, coder: &str, args: &[&str], key: &str) -> Vec<String> {
    let out = Command::new(env!("CARGO_BIN_EXE_kodbok"))
        .current_dir(dir)
        .env("KODBOK_CODER", coder)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<String> = v
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r[key].as_str().map(str::to_string))
        .collect();
    assert!(!ids.is_empty(), "{args:?} listed nothing");
    ids
}

/// Entries of the consensus decision log (every line must parse: a torn log fails here).
fn decisions(dir: &Path) -> usize {
    let path = dir.join("codings/konsensus.decisions.jsonl");
    let Ok(text) = std::fs::read_to_string(&path) else {
        return 0;
    };
    for line in text.lines() {
        serde_json::from_str::<serde_json::Value>(line)
            .unwrap_or_else(|e| panic!("{} is torn: {e}", path.display()));
    }
    text.lines().count()
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

/// The store's view of a coder file (through its binary copy when that is current) is what the JSON
/// holds: no kill leaves a copy that is trusted for another file.
fn store_agrees(dir: &Path, coder: &str) {
    let json = dir.join("codings").join(format!("{coder}.json"));
    let Ok(bytes) = std::fs::read(&json) else {
        return;
    };
    let mut f: kodbok::model::CoderFile = serde_json::from_slice(&bytes).unwrap();
    f.sort();
    let loaded = kodbok::store::coder_cache::load(dir, coder, &json)
        .unwrap()
        .unwrap();
    assert_eq!(
        loaded.file, f,
        "{coder}: a binary copy was trusted for another JSON"
    );
}

fn temps(dir: &Path) -> Vec<String> {
    [
        "",
        "codings",
        "transcripts",
        ".kodbok",
        ".kodbok/batches",
        ".kodbok/codings",
    ]
    .iter()
    .filter_map(|d| Some((*d, std::fs::read_dir(dir.join(d)).ok()?)))
    .flat_map(|(d, r)| r.flatten().map(move |e| (d, e)))
    .map(|(d, e)| (d, e.file_name().to_string_lossy().to_string()))
    // a REFI import stages in .kodbok/import-<pid>/
    .filter(|(d, n)| n.contains(".tmp-") || *d == ".kodbok" && n.starts_with("import-"))
    .map(|(_, n)| n)
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
    ok(
        d,
        &[
            "codes",
            "describe",
            "natverk",
            "--query",
            "samarbete OR nätverk OR kommuner",
        ],
    );
    let inputs = Inputs {
        txt: src.display().to_string(),
        qdpx: Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/refi/qc-study.qdpx")
            .display()
            .to_string(),
        units: listed(
            d,
            "tester",
            &[
                "agree",
                "--coders",
                "praktikant-a,praktikant-b",
                "--disagreements",
                "--format",
                "json",
            ],
            "id",
        ),
        suggestions: listed(d, "forslag", &["suggest", "--format", "json"], "id"),
    };
    let seed = 0x9e37_79b9_7f4a_7c15u64 ^ u64::from(std::process::id());
    eprintln!("fault test seed {seed:#x}");
    let mut rng = Rng(seed);
    let (mut killed, mut finished, mut panics) = (0u64, 0u64, 0u64);
    let mut per_kind = [0u64; KINDS as usize];
    let mut acknowledged: BTreeSet<String> = BTreeSet::new();
    // codings of the imported study (its users anna and bertil), once an import finished
    let mut imported: BTreeSet<String> = BTreeSet::new();
    let mut accepted: BTreeSet<String> = BTreeSet::new();
    let mut decided = 0;
    let start = Instant::now();
    let mut round = 0;
    // how long each kind of run takes when left alone: kills are spread over that whole time
    let mut took: [Option<Duration>; KINDS as usize] = [None; KINDS as usize];
    while killed < kills() {
        round += 1;
        let args = command(round, &mut rng, &inputs);
        let kind = (round % KINDS) as usize;
        let mut child = Command::new(env!("CARGO_BIN_EXE_kodbok"))
            .current_dir(d)
            .env("KODBOK_CODER", coder_of(kind as u64))
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
                per_kind[kind] += 1;
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
            match (args[0].as_str(), args[1].as_str()) {
                ("code", _) => {
                    acknowledged.insert(String::from_utf8_lossy(&out.stdout).trim().to_string());
                }
                ("import", "--force") if args.len() == 3 => {
                    imported = &ids(d, "anna") | &ids(d, "bertil");
                    assert_eq!(imported.len(), 16, "the whole study came in");
                }
                ("consensus", "take" | "undo") => decided += 1,
                ("suggest", _) => {
                    accepted.extend(ids(d, "forslag"));
                }
                _ => {}
            }
        }
        // after every run the coder files parse and hold every acknowledged coding and decision
        let now = ids(d, "tester");
        let lost: Vec<_> = acknowledged.difference(&now).collect();
        assert!(lost.is_empty(), "round {round} ({args:?}) lost {lost:?}");
        let study = &ids(d, "anna") | &ids(d, "bertil");
        let lost: Vec<_> = imported.difference(&study).collect();
        assert!(
            lost.is_empty(),
            "round {round} ({args:?}) lost imported {lost:?}"
        );
        let lost: Vec<_> = accepted.difference(&ids(d, "forslag")).cloned().collect();
        assert!(
            lost.is_empty(),
            "round {round} ({args:?}) lost accepted {lost:?}"
        );
        ids(d, "konsensus");
        for coder in ["tester", "forslag", "konsensus", "anna", "bertil"] {
            store_agrees(d, coder);
        }
        let logged = decisions(d);
        assert!(
            logged >= decided,
            "round {round} ({args:?}): {logged} decisions logged, {decided} acknowledged"
        );
    }
    // the next write of each file removes what killed writers left
    ok(
        d,
        &["code", "kommun-a-2", "--code", "hinder", "--turn", "2"],
    );
    ok(d, &["codes", "add", "Sista koden"]);
    ok(
        d,
        &[
            "import",
            "--force",
            "--id",
            "importerad",
            "--case",
            "Kommun A",
            &inputs.txt,
        ],
    );
    ok(
        d,
        &["consensus", "seed", "--coders", "praktikant-a,praktikant-b"],
    );
    ok(d, &["import", "--force", &inputs.qdpx]);
    ok(
        d,
        &[
            "consensus",
            "take",
            "both",
            &inputs.units[0],
            "--coders",
            "praktikant-a,praktikant-b",
        ],
    );
    ok(d, &["autocode", "ledning", "--code", "natverk"]);
    let last = Command::new(env!("CARGO_BIN_EXE_kodbok"))
        .current_dir(d)
        .env("KODBOK_CODER", "forslag")
        .args(["autocode", "kompetens", "--code", "hinder"])
        .output()
        .unwrap();
    assert!(
        last.status.success(),
        "{}",
        String::from_utf8_lossy(&last.stderr)
    );
    let left = temps(d);
    let check = kodbok(d, &["check"]);
    let search = kodbok(d, &["search", "resurs", "--limit", "1"]);
    eprintln!(
        "fault test: {round} runs, {killed} killed with SIGKILL (per kind: code, code, codes add, \
         autocode, import txt, consensus seed, import qdpx, consensus take/undo, suggest --accept: \
         {per_kind:?}), {finished} finished, {panics} panics, {} acknowledged codings, {} imported, \
         {} accepted, {decided} decisions, 0 lost, {} temp files left, {:.0?}",
        acknowledged.len(),
        imported.len(),
        accepted.len(),
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
