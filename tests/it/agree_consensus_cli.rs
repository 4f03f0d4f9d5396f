//! Black-box tests of the consensus layer and of two coders writing one project at once.

use crate::agree_util as util;

use kodbok::model::CoderFile;
use serde_json::Value;
use std::fs;
use std::path::Path;
use util::{json, kodbok, sample};

const AB: &str = "praktikant-a,praktikant-b";

fn layer(dir: &Path) -> CoderFile {
    serde_json::from_str(&fs::read_to_string(dir.join("codings/konsensus.json")).unwrap()).unwrap()
}

fn konsensus_state(dir: &Path, id: &str) -> Vec<String> {
    let v = json(dir, &["consensus", "show", id, "--format", "json"]);
    v[0]["konsensus"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap().to_string())
        .collect()
}

/// The first disagreement where only the first coder (`only_a`) or only the second applied the code.
fn one_sided(list: &Value, only_a: bool) -> Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|d| {
            let a = !d["values"][0]["codes"].as_array().unwrap().is_empty();
            let b = !d["values"][1]["codes"].as_array().unwrap().is_empty();
            a == only_a && b != only_a
        })
        .unwrap()
        .clone()
}

#[test]
fn deciding_disagreements_builds_an_ordinary_coder_file() {
    let dir = sample();
    let p = dir.path();
    let list = json(
        p,
        &[
            "agree",
            "--coders",
            AB,
            "--disagreements",
            "--format",
            "json",
        ],
    );
    let d = one_sided(&list, true);
    let id = d["id"].as_str().unwrap();
    let (start, end) = (
        d["start"].as_u64().unwrap() as usize,
        d["end"].as_u64().unwrap() as usize,
    );
    assert!(d["text"].as_str().unwrap().len() > 10);
    assert_eq!(konsensus_state(p, id), ["praktikant-b", "neither"]);

    kodbok(p)
        .args(["consensus", "take", "A", id, "--coders", AB])
        .assert()
        .success();
    let f = layer(p);
    assert_eq!(f.coder, "konsensus");
    let code = d["target"].as_str().unwrap();
    let here: Vec<_> = f
        .codings
        .iter()
        .filter(|c| c.code == code && c.start < end && start < c.end)
        .collect();
    assert!(!here.is_empty());
    assert!(
        here.iter().all(|c| c.start >= start && c.end <= end),
        "clipped to the unit"
    );
    assert_eq!(konsensus_state(p, id), ["praktikant-a", "both"]);

    // Changing one's mind replaces the decision; a coder name works as well as A/B.
    kodbok(p)
        .args(["consensus", "take", "praktikant-b", id])
        .assert()
        .success();
    assert_eq!(konsensus_state(p, id), ["praktikant-b", "neither"]);
    assert!(
        !layer(p)
            .codings
            .iter()
            .any(|c| c.code == code && c.start < end && start < c.end)
    );

    let d2 = one_sided(&list, false);
    let id2 = d2["id"].as_str().unwrap();
    kodbok(p)
        .args(["consensus", "take", "both", id2])
        .assert()
        .success();
    assert_eq!(konsensus_state(p, id2), ["praktikant-b", "both"]);

    // Seeding adds the agreed units once; a second seed changes nothing.
    kodbok(p)
        .args(["consensus", "seed", "--coders", AB])
        .assert()
        .success();
    let seeded = fs::read(p.join("codings/konsensus.json")).unwrap();
    assert!(layer(p).codings.len() > 20);
    let out = kodbok(p).args(["consensus", "seed"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("0 agreed turns"));
    assert_eq!(fs::read(p.join("codings/konsensus.json")).unwrap(), seeded);
    // Earlier decisions survive the seed.
    assert_eq!(konsensus_state(p, id), ["praktikant-b", "neither"]);

    // The layer is a coder file like any other: the project checks clean, listings and agreement use it.
    kodbok(p).arg("check").assert().success();
    let segs = json(p, &["segments", "--coder", "konsensus", "--format", "json"]);
    assert_eq!(segs.as_array().unwrap().len(), layer(p).codings.len());
    let r = json(
        p,
        &[
            "agree",
            "--coders",
            "praktikant-a,konsensus",
            "--format",
            "json",
        ],
    );
    assert_eq!(r["documents"].as_array().unwrap().len(), 6);

    // Bad ids and a held lock change nothing.
    let before = fs::read(p.join("codings/konsensus.json")).unwrap();
    kodbok(p)
        .args(["consensus", "take", "A", "kommun-a-1:t3:nonexistent-code"])
        .assert()
        .failure();
    kodbok(p)
        .args(["consensus", "take", "A", id, "kommun-a-1:x3:lagkrav"])
        .assert()
        .failure();
    let lock =
        kodbok::store::Lock::acquire(p, "coder-konsensus", &p.join("codings/konsensus.json"))
            .unwrap();
    let out = kodbok(p)
        .args(["consensus", "take", "A", id])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("locked"));
    drop(lock);
    assert_eq!(fs::read(p.join("codings/konsensus.json")).unwrap(), before);
}

#[test]
fn domain_and_char_disagreements_have_usable_ids() {
    let dir = sample();
    let p = dir.path();
    let list = json(
        p,
        &[
            "agree",
            "--coders",
            AB,
            "--domain",
            "hinder",
            "--disagreements",
            "--format",
            "json",
        ],
    );
    let d = &list[0];
    let id = d["id"].as_str().unwrap();
    assert!(id.ends_with(":@hinder"), "{id}");
    kodbok(p)
        .args(["consensus", "take", "A", id])
        .assert()
        .success();
    assert!(konsensus_state(p, id).contains(&"praktikant-a".to_string()));

    let chars = json(
        p,
        &[
            "agree",
            "--coders",
            AB,
            "--unit",
            "char",
            "--code",
            "lagkrav",
            "--disagreements",
            "--format",
            "json",
        ],
    );
    let c = &chars[0];
    let unit = c["unit"].as_str().unwrap();
    assert!(unit.starts_with('c') && unit.contains('-'), "{unit}");
    // Neighbouring characters form one disagreement, not one per character.
    assert!(c["end"].as_u64().unwrap() - c["start"].as_u64().unwrap() > 1);
    kodbok(p)
        .args(["consensus", "take", "both", c["id"].as_str().unwrap()])
        .assert()
        .success();
    assert_eq!(
        konsensus_state(p, c["id"].as_str().unwrap())
            .last()
            .map(String::as_str),
        Some("both")
    );
}

#[test]
fn two_coders_writing_at_once_lose_nothing() {
    let dir = sample();
    let root = dir.path().to_path_buf();
    let before: usize = ["praktikant-a", "praktikant-b"]
        .iter()
        .map(|c| {
            serde_json::from_str::<CoderFile>(
                &fs::read_to_string(root.join(format!("codings/{c}.json"))).unwrap(),
            )
            .unwrap()
            .codings
            .len()
        })
        .sum();
    let workers: Vec<_> = [
        ("praktikant-a", "kommun-b-2"),
        ("praktikant-b", "kommun-d-1"),
    ]
    .into_iter()
    .map(|(coder, doc)| {
        let root = root.clone();
        std::thread::spawn(move || {
            for turn in 1..=15 {
                let turn = turn.to_string();
                kodbok(&root)
                    .args([
                        "code", doc, "--code", "natverk", "--turn", &turn, "--coder", coder,
                    ])
                    .assert()
                    .success();
            }
        })
    })
    .collect();
    for w in workers {
        w.join().unwrap();
    }
    let after: usize = ["praktikant-a", "praktikant-b"]
        .iter()
        .map(|c| {
            serde_json::from_str::<CoderFile>(
                &fs::read_to_string(root.join(format!("codings/{c}.json"))).unwrap(),
            )
            .unwrap()
            .codings
            .len()
        })
        .sum();
    assert_eq!(after, before + 30);
    kodbok(&root).arg("check").assert().success();
}
