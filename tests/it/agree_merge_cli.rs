//! Black-box tests of `kodbok merge` on two diverged copies of the sample project.

use crate::agree_util as util;

use kodbok::model::CoderFile;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use util::{copy_dir, json, kodbok, sample};

fn code(dir: &Path, coder: &str, args: &[&str]) -> String {
    let out = kodbok(dir)
        .arg("code")
        .args(args)
        .args(["--coder", coder])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

fn coder(dir: &Path, name: &str) -> CoderFile {
    serde_json::from_str(&fs::read_to_string(dir.join(format!("codings/{name}.json"))).unwrap())
        .unwrap()
}

fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for sub in ["", "transcripts", "codings"] {
        for e in fs::read_dir(dir.join(sub)).unwrap() {
            let e = e.unwrap();
            if e.file_type().unwrap().is_file() {
                out.insert(
                    format!("{sub}/{}", e.file_name().to_string_lossy()),
                    fs::read(e.path()).unwrap(),
                );
            }
        }
    }
    out
}

fn clone_of(dir: &Path) -> tempfile::TempDir {
    let to = tempfile::tempdir().unwrap();
    for sub in ["transcripts", "codings"] {
        copy_dir(&dir.join(sub), &to.path().join(sub));
    }
    fs::copy(dir.join("codebook.json"), to.path().join("codebook.json")).unwrap();
    to
}

#[test]
fn merging_two_diverged_copies() {
    let ours = sample();
    let theirs = clone_of(ours.path());
    let (o, t) = (ours.path(), theirs.path());

    // Both sides code something new.
    let id_ours = code(
        o,
        "praktikant-a",
        &["kommun-b-1", "--code", "lagkrav", "--turn", "4"],
    );
    let id_theirs = code(
        t,
        "praktikant-a",
        &["kommun-b-1", "--code", "natverk", "--turn", "6"],
    );
    // The other copy has a new coder, a new code used by that coder, a changed transcript, and an edited coding.
    kodbok(t)
        .args([
            "codes", "add", "Ny kod", "--id", "ny-kod", "--parent", "hinder",
        ])
        .assert()
        .success();
    let id_new = code(
        t,
        "praktikant-c",
        &["kommun-c-1", "--code", "ny-kod", "--turn", "2"],
    );
    let path = t.join("transcripts/kommun-d-1.txt");
    let text = fs::read_to_string(&path)
        .unwrap()
        .replacen("Respondent: ", "Respondent: Tja. ", 1);
    fs::write(&path, text).unwrap();
    let id_held = code(
        t,
        "praktikant-c",
        &["kommun-d-1", "--code", "natverk", "--turn", "2"],
    );
    let mut b = coder(t, "praktikant-b");
    let edited = b.codings[0].id.clone();
    b.codings[0].memo = Some("ändrad på laptopen".into());
    fs::write(
        t.join("codings/praktikant-b.json"),
        serde_json::to_string_pretty(&b).unwrap(),
    )
    .unwrap();

    // A dry run reports and writes nothing.
    let before = snapshot(o);
    let dry = json(
        o,
        &[
            "merge",
            t.to_str().unwrap(),
            "--dry-run",
            "--format",
            "json",
        ],
    );
    assert_eq!(snapshot(o), before);
    assert_eq!(dry["dry_run"], true);

    let s: Value = json(o, &["merge", t.to_str().unwrap(), "--format", "json"]);
    assert_eq!(s["codings_added"], dry["codings_added"]);
    assert_eq!(s["new_coders"], serde_json::json!(["praktikant-c"]));
    assert_eq!(
        s["new_codes"],
        serde_json::json!([{"id": "ny-kod", "parent": "hinder"}])
    );
    assert_eq!(s["codings_added"]["praktikant-a"], 1);
    assert_eq!(s["codings_added"]["praktikant-c"], 1);
    let conflicts = s["conflicts"].as_array().unwrap();
    let has = |kind: &str, id: &str| conflicts.iter().any(|c| c["kind"] == kind && c["id"] == id);
    assert!(has("transcript", "kommun-d-1"), "{conflicts:?}");
    assert!(has("coding", &id_held), "{conflicts:?}");
    assert!(has("coding", &edited), "{conflicts:?}");
    assert_eq!(conflicts.len(), 3, "{conflicts:?}");

    // Both sides' new codings are here, the new coder file was copied, the code was added under its parent.
    let a = coder(o, "praktikant-a");
    assert!(a.find(&id_ours).is_some() && a.find(&id_theirs).is_some());
    let c = coder(o, "praktikant-c");
    assert!(c.find(&id_new).is_some() && c.find(&id_held).is_none());
    let book: Value =
        serde_json::from_str(&fs::read_to_string(o.join("codebook.json")).unwrap()).unwrap();
    let hinder = book["codes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == "hinder")
        .unwrap();
    assert!(
        hinder["children"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["id"] == "ny-kod")
    );
    // Nothing was overwritten: this copy's transcript and coding stay as they were.
    assert_eq!(
        fs::read(o.join("transcripts/kommun-d-1.txt")).unwrap(),
        before["transcripts/kommun-d-1.txt"]
    );
    assert_eq!(coder(o, "praktikant-b").find(&edited).unwrap().memo, None);
    kodbok(o).arg("check").assert().success();

    // Merging again brings in nothing new.
    let again = json(o, &["merge", t.to_str().unwrap(), "--format", "json"]);
    assert_eq!(again["codings_added"], serde_json::json!({}));
    assert_eq!(again["new_codes"], serde_json::json!([]));

    // The other copy itself is never changed, and merging a folder with itself is refused.
    kodbok(o)
        .args(["merge", o.to_str().unwrap()])
        .assert()
        .failure();
    kodbok(o)
        .args(["merge", "/nonexistent/copy"])
        .assert()
        .failure();
}

#[test]
fn a_broken_other_copy_changes_nothing() {
    let ours = sample();
    let theirs = clone_of(ours.path());
    fs::write(
        theirs.path().join("codings/praktikant-b.json"),
        "{ not json",
    )
    .unwrap();
    let before = snapshot(ours.path());
    let out = kodbok(ours.path())
        .args(["merge", theirs.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("praktikant-b.json"));
    assert_eq!(snapshot(ours.path()), before);
}

#[test]
fn new_transcripts_and_cases_come_in_and_code_edits_are_reported() {
    let ours = sample();
    let theirs = clone_of(ours.path());
    let (o, t) = (ours.path(), theirs.path());
    kodbok(t)
        .args(["codes", "rename", "natverk", "Nätverk och samarbete"])
        .assert()
        .success();
    let text = "---\nid: kommun-k-1\ncase: Kommun K\n---\n\nIntervjuare: Hur går arbetet?\n\nRespondent: Vi har ingen budget för det.\n";
    fs::write(t.join("transcripts/kommun-k-1.txt"), text).unwrap();
    let mut cases = fs::read_to_string(t.join("transcripts/cases.csv")).unwrap();
    cases.push_str("Kommun K,låg,1,4000,Norrbotten\n");
    fs::write(t.join("transcripts/cases.csv"), cases).unwrap();
    let id = code(
        t,
        "praktikant-b",
        &["kommun-k-1", "--code", "resursbrist", "--turn", "2"],
    );

    let s = json(o, &["merge", t.to_str().unwrap(), "--format", "json"]);
    assert_eq!(s["new_transcripts"], serde_json::json!(["kommun-k-1"]));
    assert_eq!(s["new_cases"], serde_json::json!(["Kommun K"]));
    let conflicts = s["conflicts"].as_array().unwrap();
    assert_eq!(conflicts.len(), 1, "{conflicts:?}");
    assert_eq!(conflicts[0]["kind"], "code");
    assert_eq!(conflicts[0]["id"], "natverk");
    assert_eq!(
        fs::read_to_string(o.join("transcripts/kommun-k-1.txt")).unwrap(),
        text
    );
    assert!(
        fs::read_to_string(o.join("transcripts/cases.csv"))
            .unwrap()
            .contains("Kommun K,låg")
    );
    assert!(coder(o, "praktikant-b").find(&id).is_some());
    let book = fs::read_to_string(o.join("codebook.json")).unwrap();
    assert!(book.contains("\"Nätverk\"") && !book.contains("Nätverk och samarbete"));
    kodbok(o).arg("check").assert().success();
}

#[test]
fn merge_locks_only_what_it_writes() {
    let ours = sample();
    let theirs = clone_of(ours.path());
    let (o, t) = (ours.path(), theirs.path());
    code(
        t,
        "praktikant-b",
        &["kommun-b-1", "--code", "lagkrav", "--turn", "2"],
    );
    let before = snapshot(o);
    // praktikant-b is busy coding here: the merge must wait, and changes nothing.
    let busy = kodbok::store::Lock::acquire(
        o,
        "coder-praktikant-b",
        &o.join("codings/praktikant-b.json"),
    )
    .unwrap();
    let out = kodbok(o)
        .args(["merge", t.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("locked"));
    assert_eq!(snapshot(o), before);
    drop(busy);
    // Someone else's session (praktikant-a, the codebook) does not stand in the way.
    let _a = kodbok::store::Lock::acquire(
        o,
        "coder-praktikant-a",
        &o.join("codings/praktikant-a.json"),
    )
    .unwrap();
    let _book = kodbok::store::Lock::acquire(o, "codebook", &o.join("codebook.json")).unwrap();
    let s = json(o, &["merge", t.to_str().unwrap(), "--format", "json"]);
    assert_eq!(s["codings_added"]["praktikant-b"], 1);
}
