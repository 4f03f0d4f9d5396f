//! The statistics cache (`.kodbok/stats.bin`): summary and report print the same whether it is missing,
//! up to date, stale or corrupt, and an edited transcript gets a new entry.

use crate::common::*;
use kodbok::analysis::{Layer, summary};
use kodbok::store::Project;
use kodbok::store::stats::{self, DocStats};
use std::fs;
use std::path::Path;

const RUNS: [&[&str]; 4] = [
    &["summary", "--format", "json", "--ids"],
    &["summary"],
    &["--lang", "sv", "report"],
    &["--lang", "en", "report", "--stats"],
];

fn outputs(dir: &Path) -> Vec<String> {
    RUNS.iter().map(|args| ok(dir, args)).collect()
}

fn cache(dir: &Path) -> std::path::PathBuf {
    dir.join(".kodbok").join(stats::FILE)
}

/// Summary rows computed from the transcripts themselves, with nothing cached.
fn uncached_rows(dir: &Path) -> serde_json::Value {
    let p = Project::open(dir).unwrap();
    let docs: Vec<DocStats> = p
        .transcripts
        .values()
        .map(DocStats::of_transcript)
        .collect();
    let s = summary::compute_with(&p, &docs, &Layer::AllCoders, "grupp").unwrap();
    as_printed(&s)
}

/// The rows as the command prints them, read back (so that floats pass the same parser).
fn as_printed(s: &summary::Summary) -> serde_json::Value {
    serde_json::from_str(&serde_json::to_string(&s.flat_rows(true)).unwrap()).unwrap()
}

fn rows(dir: &Path) -> serde_json::Value {
    json(dir, &["summary", "--format", "json", "--ids"])
}

#[test]
fn cached_and_uncached_give_the_same_summary_and_report() {
    let d = sample();
    assert!(!cache(d.path()).exists());
    let cold = outputs(d.path());
    let written = fs::read(cache(d.path())).unwrap();
    let warm = outputs(d.path());
    assert_eq!(cold, warm);
    assert_eq!(
        fs::read(cache(d.path())).unwrap(),
        written,
        "nothing to rewrite"
    );
    // The library without any cache, and with the cache, agree with the command.
    assert_eq!(rows(d.path()), uncached_rows(d.path()));
    let p = Project::open(d.path()).unwrap();
    let cached = summary::compute(&p, &Layer::AllCoders, "grupp").unwrap();
    assert_eq!(as_printed(&cached), uncached_rows(d.path()));
}

#[test]
fn an_edited_transcript_invalidates_its_entry() {
    let d = sample();
    let before = rows(d.path());
    let file = d.path().join("transcripts/kommun-a-1.txt");
    let mut text = fs::read_to_string(&file).unwrap();
    text.push_str("\nRespondent: Och en sak till om resurser.\n");
    fs::write(&file, text).unwrap();
    let after = rows(d.path());
    assert_eq!(after, uncached_rows(d.path()));
    // Kommun A is in the group hög: six more words there and in all, nowhere else.
    let words = |rows: &serde_json::Value, group: serde_json::Value| {
        rows.as_array()
            .unwrap()
            .iter()
            .find(|r| r["group"] == group)
            .map(|r| r["words_in_group"].as_u64().unwrap())
            .unwrap()
    };
    for (group, more) in [
        ("hög".into(), 6),
        ("låg".into(), 0),
        (serde_json::Value::Null, 6),
    ] {
        assert_eq!(words(&after, group.clone()), words(&before, group) + more);
    }
    let entries = stats::from_files(d.path()).unwrap().unwrap();
    let a1 = entries.iter().find(|e| e.id == "kommun-a-1").unwrap();
    let t = Project::open(d.path()).unwrap();
    assert_eq!(a1.words, t.transcripts["kommun-a-1"].word_count());
}

#[test]
fn a_corrupt_cache_is_rebuilt_without_a_word() {
    let d = sample();
    let good = outputs(d.path());
    let written = fs::read(cache(d.path())).unwrap();
    for broken in [
        written[..written.len() / 3].to_vec(),
        b"kbstats\n\x01\x00\x00\x00garbage".to_vec(),
        written.iter().map(|b| b ^ 0x20).collect(),
    ] {
        fs::write(cache(d.path()), &broken).unwrap();
        let o = kodbok(d.path(), &["summary", "--format", "json", "--ids"]);
        assert!(o.status.success());
        assert_eq!(stderr(&o), "", "a cache problem is not the user's");
        assert_eq!(stdout(&o), good[0]);
        assert_eq!(fs::read(cache(d.path())).unwrap(), written);
        fs::write(cache(d.path()), &broken).unwrap();
        assert_eq!(outputs(d.path()), good);
    }
}
