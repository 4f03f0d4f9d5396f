//! The binary copies of coder files (`.kodbok/codings/<coder>.bin`): commands print the same whether a copy
//! is missing, current, stale or damaged; a hand edit of the JSON is seen; a copy that cannot be written
//! stops nothing; and what the store writes is the JSON it always wrote, with a current copy beside it.

use crate::common::*;
use kodbok::model::CoderFile;
use kodbok::store::{Project, coder_cache};
use std::fs;
use std::path::{Path, PathBuf};

const RUNS: [&[&str]; 5] = [
    &["check"],
    &["segments", "--format", "json"],
    &["summary", "--format", "json", "--ids"],
    &["docs", "--format", "json"],
    &[
        "agree",
        "--coders",
        "praktikant-a,praktikant-b",
        "--format",
        "json",
    ],
];

const CODERS: [&str; 2] = ["praktikant-a", "praktikant-b"];

fn outputs(dir: &Path) -> Vec<String> {
    RUNS.iter()
        .map(|args| {
            let o = kodbok(dir, args);
            assert_eq!(
                stderr(&o),
                "",
                "{args:?}: a copy's problem is not the user's"
            );
            format!("{:?}\n{}", o.status.code(), stdout(&o))
        })
        .collect()
}

fn copy(dir: &Path, coder: &str) -> PathBuf {
    coder_cache::path(dir, coder)
}

/// The coder file as the JSON says, parsed here without the store.
fn parsed(dir: &Path, coder: &str) -> CoderFile {
    let bytes = fs::read(dir.join(format!("codings/{coder}.json"))).unwrap();
    let mut f: CoderFile = serde_json::from_slice(&bytes).unwrap();
    f.sort();
    f
}

#[test]
fn commands_print_the_same_with_and_without_copies() {
    let d = sample();
    assert!(!copy(d.path(), CODERS[0]).exists());
    let cold = outputs(d.path());
    let written: Vec<Vec<u8>> = CODERS
        .iter()
        .map(|c| fs::read(copy(d.path(), c)).unwrap())
        .collect();
    assert_eq!(outputs(d.path()), cold);
    for (c, w) in CODERS.iter().zip(&written) {
        assert_eq!(
            &fs::read(copy(d.path(), c)).unwrap(),
            w,
            "nothing to rewrite"
        );
    }
    // the store's loads (from the copies now) are the files the JSON holds
    let p = Project::open(d.path()).unwrap();
    for c in CODERS {
        assert_eq!(p.coders[c], parsed(d.path(), c));
        assert_eq!(p.read_coder(c).unwrap(), parsed(d.path(), c));
    }
}

#[test]
fn a_hand_edit_of_the_same_size_is_seen() {
    let d = sample();
    outputs(d.path());
    let file = d.path().join("codings/praktikant-a.json");
    let text = fs::read_to_string(&file).unwrap();
    let first = parsed(d.path(), "praktikant-a").codings[0].clone();
    let quote = format!(
        "\"quote\": {}",
        serde_json::to_string(&first.quote).unwrap()
    );
    let mut changed = first.quote.clone();
    let c = changed.remove(0);
    changed.insert(0, if c == 'X' { 'Y' } else { 'X' });
    assert_eq!(changed.len(), first.quote.len(), "an ASCII first letter");
    let edited = text.replacen(
        &quote,
        &format!("\"quote\": {}", serde_json::to_string(&changed).unwrap()),
        1,
    );
    assert_eq!(edited.len(), text.len());
    assert_ne!(edited, text);
    fs::write(&file, &edited).unwrap();
    // the edit is what the commands see: the quote no longer matches the transcript
    let check = fails(d.path(), &["check"]);
    assert!(check.contains(&first.id), "{check}");
    let rows = json(d.path(), &["segments", "--format", "json"]);
    assert!(
        rows.as_array()
            .unwrap()
            .iter()
            .any(|r| r["quote"] == changed.as_str()),
        "the edited quote is listed"
    );
    // and back: the copy made from the edit is not trusted for the original bytes
    fs::write(&file, &text).unwrap();
    ok(d.path(), &["check"]);
}

#[test]
fn a_damaged_copy_is_rebuilt_without_a_word() {
    let d = sample();
    let good = outputs(d.path());
    let file = copy(d.path(), "praktikant-a");
    let written = fs::read(&file).unwrap();
    for broken in [
        written[..written.len() / 3].to_vec(),
        b"kbcoder\n\x01\x00\x00\x00garbage".to_vec(),
        b"kbcoder\n\x02\x00\x00\x00garbage".to_vec(),
        written.iter().map(|b| b ^ 0x20).collect(),
        Vec::new(),
    ] {
        fs::write(&file, &broken).unwrap();
        assert_eq!(outputs(d.path()), good);
        assert_eq!(fs::read(&file).unwrap(), written, "rebuilt whole");
    }
}

#[test]
fn copies_that_cannot_be_written_stop_nothing() {
    let d = sample();
    let good = outputs(d.path());
    let dir = d.path().join(".kodbok").join(coder_cache::DIR);
    fs::remove_dir_all(&dir).unwrap();
    // a file where the folder of copies should be: no copy can be written
    fs::write(&dir, b"in the way").unwrap();
    assert_eq!(outputs(d.path()), good);
    let id = ok(
        d.path(),
        &["code", "kommun-a-1", "--code", "hinder", "--turn", "2"],
    );
    let segments = ok(d.path(), &["segments", "--format", "json"]);
    assert!(segments.contains(id.trim()));
    fs::remove_file(&dir).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // a read-only folder of copies (unless we are root, who writes it anyway)
        fs::create_dir(&dir).unwrap();
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o555)).unwrap();
        if fs::write(dir.join("probe"), b"").is_err() {
            let o = kodbok(d.path(), &["segments", "--format", "json"]);
            assert_eq!((stdout(&o), stderr(&o)), (segments.clone(), String::new()));
            assert_eq!(fs::read_dir(&dir).unwrap().count(), 0);
        }
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
    }
}

#[test]
fn writes_keep_the_json_as_it_was_and_the_copy_current() {
    let d = sample();
    let id = ok(
        d.path(),
        &["code", "kommun-a-1", "--code", "hinder", "--turn", "2"],
    );
    let json = d.path().join("codings/tester.json");
    let f = parsed(d.path(), "tester");
    assert!(f.find(id.trim()).is_some());
    // the pretty form every project JSON file is written in, byte for byte
    assert_eq!(
        fs::read_to_string(&json).unwrap(),
        serde_json::to_string_pretty(&f).unwrap() + "\n"
    );
    let fp = coder_cache::fingerprint_only(&f);
    assert_eq!(
        coder_cache::fingerprint_on_disk(d.path(), "tester", &json),
        Some(fp)
    );
    // an auto-code batch and its undo go through the copy too
    ok(d.path(), &["autocode", "resurs", "--code", "natverk"]);
    let after = parsed(d.path(), "tester");
    assert!(after.codings.len() > f.codings.len());
    assert_eq!(
        coder_cache::fingerprint_on_disk(d.path(), "tester", &json),
        Some(coder_cache::fingerprint_only(&after))
    );
    ok(d.path(), &["autocode", "--undo"]);
    assert_eq!(parsed(d.path(), "tester"), f);
    assert_eq!(Project::open(d.path()).unwrap().coders["tester"], f);
}
