//! Search index, query language and auto-coding, through the real binary on copies of the sample study
//! (and of the Riksdag corpus in ../shared when present).

use kodbok::index::Searcher;
use kodbok::model::Transcript;
use kodbok::store::Project;
use serde_json::Value;
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use crate::common::{copy_dir, sample};

/// The binary in `dir` as the sample's first intern.
fn kodbok(dir: &Path) -> assert_cmd::Command {
    let mut c = crate::common::command(dir);
    c.env("KODBOK_CODER", "praktikant-a");
    c
}

/// All hits of a query as JSON rows.
fn search(dir: &Path, q: &str) -> Vec<Value> {
    let out = kodbok(dir)
        .args(["search", q, "--limit", "100000", "--format", "json"])
        .assert()
        .success();
    serde_json::from_slice(&out.get_output().stdout).unwrap()
}

fn turns(hits: &[Value]) -> BTreeSet<(String, u64)> {
    hits.iter()
        .map(|h| {
            (
                h["doc"].as_str().unwrap().to_string(),
                h["turn"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// (doc, turn number) of every turn whose text satisfies `pred`.
fn turns_where(dir: &Path, pred: impl Fn(&Transcript, usize) -> bool) -> BTreeSet<(String, u64)> {
    let p = Project::open(dir).unwrap();
    let mut out = BTreeSet::new();
    for t in p.transcripts.values() {
        for i in 0..t.turns.len() {
            if pred(t, i) {
                out.insert((t.id.clone(), i as u64 + 1));
            }
        }
    }
    out
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn turn_words(t: &Transcript, i: usize) -> Vec<String> {
    words(t.slice(t.turns[i].start, t.turns[i].end).unwrap())
}

/// The matched text of every match of every hit, read back from the transcripts by char offsets.
fn matched(dir: &Path, hits: &[Value]) -> Vec<String> {
    let p = Project::open(dir).unwrap();
    let mut out = Vec::new();
    for h in hits {
        let t = &p.transcripts[h["doc"].as_str().unwrap()];
        for m in h["matches"].as_array().unwrap() {
            let (s, e) = (
                m[0].as_u64().unwrap() as usize,
                m[1].as_u64().unwrap() as usize,
            );
            out.push(t.slice(s, e).unwrap().to_lowercase());
        }
    }
    out
}

fn assert_paradigm(dir: &Path, query: &str, forms: &[&str]) {
    let hits = search(dir, query);
    let expected = turns_where(dir, |t, i| {
        turn_words(t, i).iter().any(|w| forms.contains(&w.as_str()))
    });
    assert!(
        !expected.is_empty(),
        "{query}: the test corpus should contain some of {forms:?}"
    );
    assert_eq!(turns(&hits), expected, "{query}");
    for m in matched(dir, &hits) {
        assert!(forms.contains(&m.as_str()), "{query} highlighted {m:?}");
    }
}

#[test]
fn words_match_their_inflections() {
    let d = sample();
    let resurs = [
        "resurs",
        "resursen",
        "resurser",
        "resurserna",
        "resursernas",
        "resursens",
    ];
    assert_paradigm(d.path(), "resurs", &resurs);
    assert_paradigm(d.path(), "resurserna", &resurs);
    let ledning = [
        "ledning",
        "ledningen",
        "ledningar",
        "ledningarna",
        "ledningens",
        "ledningarnas",
    ];
    assert_paradigm(d.path(), "ledning", &ledning);
    assert_paradigm(d.path(), "ledningen", &ledning);
    // compounds are found by prefix
    let kl = search(d.path(), "kommunledning*");
    assert!(
        matched(d.path(), &kl)
            .iter()
            .any(|m| m == "kommunledningskontoret")
    );
    let hinder = ["hinder", "hindret", "hindren", "hindrens", "hindrets"];
    assert_paradigm(d.path(), "hinder", &hinder);
}

#[test]
fn phrase_prefix_fuzzy_and_highlights() {
    let d = sample();
    let hits = search(d.path(), "\"politiska ledningen\"");
    let expected = turns_where(d.path(), |t, i| {
        turn_words(t, i).join(" ").contains("politiska ledningen")
    });
    assert!(!expected.is_empty());
    assert_eq!(turns(&hits), expected);
    assert!(
        matched(d.path(), &hits)
            .iter()
            .all(|m| words(m) == ["politiska", "ledningen"])
    );
    for h in &hits {
        let snip: Vec<char> = h["snippet"].as_str().unwrap().chars().collect();
        for r in h["snippet_matches"].as_array().unwrap() {
            let s: String = snip[r[0].as_u64().unwrap() as usize..r[1].as_u64().unwrap() as usize]
                .iter()
                .collect();
            assert_eq!(words(&s), ["politiska", "ledningen"]);
        }
    }
    let hits = search(d.path(), "informationssäkerhet*");
    let expected = turns_where(d.path(), |t, i| {
        turn_words(t, i)
            .iter()
            .any(|w| w.starts_with("informationssäkerhet"))
    });
    assert!(expected.len() > 5);
    assert_eq!(turns(&hits), expected);
    assert!(
        matched(d.path(), &hits)
            .iter()
            .any(|m| m == "informationssäkerhetsarbetet")
    );
    let fuzzy = search(d.path(), "ledningn~1");
    assert!(matched(d.path(), &fuzzy).iter().any(|m| m == "ledningen"));
    // boolean: AND, OR, NOT and -word
    let a = turns(&search(d.path(), "resurs"));
    let b = turns(&search(d.path(), "kompetens"));
    let and = turns(&search(d.path(), "resurs AND kompetens"));
    assert_eq!(and, a.intersection(&b).cloned().collect());
    assert_eq!(turns(&search(d.path(), "resurs kompetens")), and);
    assert_eq!(
        turns(&search(d.path(), "resurs OR kompetens")),
        a.union(&b).cloned().collect()
    );
    assert_eq!(
        turns(&search(d.path(), "resurs -kompetens")),
        a.difference(&b).cloned().collect()
    );
    assert_eq!(
        turns(&search(d.path(), "(resurs) NOT kompetens")),
        a.difference(&b).cloned().collect()
    );
}

#[test]
fn table_marks_matches() {
    let d = sample();
    let out = kodbok(d.path())
        .args(["search", "resurs", "--limit", "3"])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.lines().next().unwrap().contains("snippet"));
    assert!(text.to_lowercase().contains("[resurs"), "{text}");
    let csv = kodbok(d.path())
        .args(["search", "resurs", "--limit", "3", "--format", "csv"])
        .assert()
        .success();
    let csv = String::from_utf8(csv.get_output().stdout.clone()).unwrap();
    assert!(csv.starts_with(
        "rank,doc,case,group,speaker,turn,turn_start,turn_end,score,snippet,snippet_matches,matches"
    ));
}

#[test]
fn every_filter() {
    let d = sample();
    let p = Project::open(d.path()).unwrap();
    let all = turns_where(d.path(), |_, _| true);
    // code: the code and its descendants, any coder, as kodbok segments lists them
    let seg = kodbok(d.path())
        .args(["segments", "--code", "hinder", "--format", "json"])
        .assert()
        .success();
    let seg: Vec<Value> = serde_json::from_slice(&seg.get_output().stdout).unwrap();
    let mut coded = BTreeSet::new();
    for s in &seg {
        let t = &p.transcripts[s["doc"].as_str().unwrap()];
        let (a, b) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        for (i, turn) in t.turns.iter().enumerate() {
            if turn.label_start < b && turn.end > a {
                coded.insert((t.id.clone(), i as u64 + 1));
            }
        }
    }
    assert!(!coded.is_empty());
    assert_eq!(turns(&search(d.path(), "code:hinder")), coded);
    let name = p.codebook.get("hinder").unwrap().name.clone();
    assert_eq!(turns(&search(d.path(), &format!("code:\"{name}\""))), coded);
    assert_eq!(
        turns(&search(d.path(), "-code:hinder")),
        all.difference(&coded).cloned().collect()
    );
    // coder: and code: for one coder's layer
    let b_docs: BTreeSet<String> = p.coders["praktikant-b"]
        .codings
        .iter()
        .map(|c| c.doc.clone())
        .collect();
    let by_b = search(d.path(), "coder:praktikant-b");
    assert!(!by_b.is_empty());
    assert!(
        by_b.iter()
            .all(|h| b_docs.contains(h["doc"].as_str().unwrap()))
    );
    let both = turns(&search(d.path(), "coder:praktikant-b code:hinder"));
    assert!(both.is_subset(&coded) && both.len() < coded.len());
    let out = kodbok(d.path())
        .args([
            "--coder",
            "praktikant-b",
            "search",
            "code:hinder",
            "--limit",
            "1000",
            "--format",
            "json",
        ])
        .assert()
        .success();
    let layer: Vec<Value> = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(
        turns(&layer),
        both,
        "--coder limits code: to that coder's layer"
    );
    // case, attributes, speaker, doc
    let c = search(d.path(), "case:\"Kommun C\"");
    assert_eq!(
        turns(&c),
        turns_where(d.path(), |t, _| t.case() == "Kommun C")
    );
    let low = search(d.path(), "grupp:låg");
    assert_eq!(
        turns(&low),
        turns_where(d.path(), |t, _| p.cases.attr(t.case(), "grupp") == "låg")
    );
    assert!(low.iter().all(|h| h["group"] == "låg"));
    let m1 = search(d.path(), "mognadsniva:1");
    assert_eq!(
        turns(&m1),
        turns_where(d.path(), |t, _| p.cases.attr(t.case(), "mognadsniva")
            == "1")
    );
    let resp = search(d.path(), "speaker:Respondent");
    assert_eq!(
        turns(&resp),
        turns_where(d.path(), |t, i| t.turns[i].speaker == "Respondent")
    );
    assert_eq!(
        turns(&search(d.path(), "doc:kommun-a-1")),
        turns_where(d.path(), |t, _| t.id == "kommun-a-1")
    );
    assert_eq!(
        turns(&search(d.path(), "role:kommunchef")),
        turns_where(d.path(), |t, _| t.role() == "kommunchef")
    );
    // words and filters together
    let r = turns(&search(d.path(), "resurs grupp:låg"));
    assert_eq!(
        r,
        turns(&search(d.path(), "resurs"))
            .intersection(&turns(&low))
            .cloned()
            .collect()
    );
}

#[test]
fn malformed_queries_point_at_the_problem() {
    let d = sample();
    for (q, col) in [
        ("resurs AND", "column 11"),
        ("(resurs OR brist", "column 1"),
        ("resurs)", "column 7"),
        ("\"politisk ledning", "column 1"),
        ("led*ning", "column 4"),
        ("ledning~7", "column 8"),
        ("färg:blå", "column 1"),
        ("code:finnsinte", "column 6"),
        ("coder:ingen", "column 7"),
        ("case:\"Kommun Ö\"", "column 6"),
        ("OR resurs", "column 1"),
        ("?!", "column 1"),
    ] {
        let out = kodbok(d.path()).args(["search", q]).assert().failure();
        let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
        assert!(err.contains(col), "{q}: {err}");
        assert!(err.contains('^'), "{q}: {err}");
        assert!(out.get_output().stdout.is_empty());
    }
}

fn open(dir: &Path) -> Searcher {
    Searcher::open(dir, &mut |_| {}).unwrap()
}

#[test]
fn incremental_reindex_after_edit_and_coding() {
    let d = sample();
    let s = open(d.path());
    assert!(s.report().rebuilt.is_some());
    drop(s);
    let s = open(d.path());
    assert_eq!(
        (s.report().rebuilt.clone(), s.report().reindexed),
        (None, 0)
    );
    assert!(s.search("zebraflöjter", 10).unwrap().is_empty());
    drop(s);
    let path = d.path().join("transcripts/kommun-b-1.txt");
    let mut text = fs::read_to_string(&path).unwrap();
    text.push_str("\nRespondent: Vi köpte en zebraflöjt.\n");
    fs::write(&path, text).unwrap();
    let s = open(d.path());
    assert_eq!(
        (s.report().rebuilt.clone(), s.report().reindexed),
        (None, 1)
    );
    let hits = s.search("zebraflöjter", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].doc, "kommun-b-1");
    let turn = hits[0].turn;
    assert_eq!(s.count("code:resursbrist doc:kommun-b-1").unwrap(), 0);
    drop(s);
    kodbok(d.path())
        .args([
            "code",
            "kommun-b-1",
            "--code",
            "resursbrist",
            "--turn",
            &turn.to_string(),
        ])
        .assert()
        .success();
    let s = open(d.path());
    assert_eq!(
        (s.report().rebuilt.clone(), s.report().reindexed),
        (None, 1)
    );
    let hits = s.search("zebraflöjt code:hinder", 10).unwrap();
    assert_eq!(hits.len(), 1, "the ancestor code is indexed too");
    // a touched but unchanged file re-indexes nothing
    drop(s);
    let bytes = fs::read(&path).unwrap();
    fs::write(&path, bytes).unwrap();
    assert_eq!(open(d.path()).report().reindexed, 0);
    // a removed transcript leaves the index
    let turns_before = open(d.path()).report().turns;
    let n = open(d.path()).count("doc:kommun-c-2").unwrap() as u64;
    assert!(n > 0);
    fs::remove_file(d.path().join("transcripts/kommun-c-2.txt")).unwrap();
    let s = open(d.path());
    assert_eq!((s.report().removed, s.report().reindexed), (1, 0));
    assert_eq!(s.report().turns, turns_before - n);
    assert_eq!(s.count("doc:kommun-c-2").unwrap(), 0);
    // an index of another format is rebuilt
    drop(s);
    let m = d.path().join(".kodbok/index/manifest.json");
    let text = fs::read_to_string(&m)
        .unwrap()
        .replace("\"format\":", "\"format\":9");
    fs::write(&m, text).unwrap();
    assert!(open(d.path()).report().rebuilt.is_some());
}

fn index_dir(d: &Path) -> PathBuf {
    d.join(".kodbok/index")
}

#[test]
fn rebuilds_a_deleted_or_damaged_index() {
    let d = sample();
    let before = search(d.path(), "resurs");
    fs::remove_dir_all(index_dir(d.path())).unwrap();
    let out = kodbok(d.path())
        .args(["search", "resurs", "--format", "json", "--limit", "100000"])
        .assert()
        .success();
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("built the search index"), "{err}");
    let again: Vec<Value> = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(turns(&again), turns(&before));
    // garbage in every index file
    for e in fs::read_dir(index_dir(d.path())).unwrap() {
        let p = e.unwrap().path();
        if p.is_file() {
            fs::write(&p, b"\x00garbage{").unwrap();
        }
    }
    assert_eq!(turns(&search(d.path(), "resurs")), turns(&before));
    // a damaged manifest only
    fs::write(index_dir(d.path()).join("manifest.json"), b"{not json").unwrap();
    assert_eq!(turns(&search(d.path(), "resurs")), turns(&before));
    // segment files removed behind the manifest's back
    for e in fs::read_dir(index_dir(d.path())).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "idx" || x == "store") {
            fs::remove_file(p).unwrap();
        }
    }
    assert_eq!(turns(&search(d.path(), "resurs")), turns(&before));
}

fn codings_of(d: &Path, coder: &str) -> Vec<Value> {
    let v: Value =
        serde_json::from_slice(&fs::read(d.join(format!("codings/{coder}.json"))).unwrap())
            .unwrap();
    v["codings"].as_array().unwrap().clone()
}

#[test]
fn autocode_and_undo() {
    let d = sample();
    let before = fs::read(d.path().join("codings/praktikant-a.json")).unwrap();
    let n_before = codings_of(d.path(), "praktikant-a").len();
    let hits = search(d.path(), "upphandling");
    let n_matches: usize = hits
        .iter()
        .map(|h| h["matches"].as_array().unwrap().len())
        .sum();
    assert!(n_matches > 0);
    let dry = kodbok(d.path())
        .args([
            "autocode",
            "upphandling",
            "--code",
            "lagkrav",
            "--dry-run",
            "--format",
            "json",
        ])
        .assert()
        .success();
    let dry: Vec<Value> = serde_json::from_slice(&dry.get_output().stdout).unwrap();
    let would = dry[0]["would_add"].as_u64().unwrap() as usize;
    assert_eq!(
        would + dry[0]["skipped"].as_u64().unwrap() as usize,
        n_matches
    );
    assert_eq!(
        fs::read(d.path().join("codings/praktikant-a.json")).unwrap(),
        before,
        "dry run changes nothing"
    );
    let out = kodbok(d.path())
        .args(["autocode", "upphandling", "--code", "lagkrav"])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.contains(&format!("added {would} codings")), "{text}");
    let after = codings_of(d.path(), "praktikant-a");
    assert_eq!(after.len(), n_before + would);
    let new: Vec<&Value> = after
        .iter()
        .filter(|c| {
            c["code"] == "lagkrav"
                && words(c["quote"].as_str().unwrap())
                    .iter()
                    .all(|w| w.starts_with("upphandling"))
        })
        .collect();
    assert!(new.len() >= would);
    // the batch is on record
    let log: Value = serde_json::from_slice(
        &fs::read(d.path().join(".kodbok/batches/praktikant-a.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        log["batches"][0]["codings"].as_array().unwrap().len(),
        would
    );
    // again: everything is already coded
    let again = kodbok(d.path())
        .args([
            "autocode",
            "upphandling",
            "--code",
            "lagkrav",
            "--dry-run",
            "--format",
            "json",
        ])
        .assert()
        .success();
    let again: Vec<Value> = serde_json::from_slice(&again.get_output().stdout).unwrap();
    assert_eq!(again[0]["would_add"], 0);
    // the index sees the new codings
    assert!(!search(d.path(), "upphandling coder:praktikant-a code:lagkrav").is_empty());
    kodbok(d.path())
        .args(["autocode", "--undo"])
        .assert()
        .success();
    assert_eq!(
        fs::read(d.path().join("codings/praktikant-a.json")).unwrap(),
        before
    );
    kodbok(d.path())
        .args(["autocode", "--undo"])
        .assert()
        .failure();
    // sentence and turn scopes
    let s = kodbok(d.path())
        .args([
            "autocode",
            "upphandling",
            "--code",
            "lagkrav",
            "--scope",
            "sentence",
            "--dry-run",
            "--format",
            "json",
        ])
        .assert()
        .success();
    let s: Vec<Value> = serde_json::from_slice(&s.get_output().stdout).unwrap();
    for c in s[0]["codings"].as_array().unwrap() {
        let q = c["quote"].as_str().unwrap();
        assert!(
            q.to_lowercase().contains("upphandling") && q.len() > "upphandling".len(),
            "{q}"
        );
    }
    let t = kodbok(d.path())
        .args([
            "autocode",
            "code:hinder grupp:hög",
            "--code",
            "hinder",
            "--scope",
            "turn",
            "--dry-run",
            "--format",
            "json",
        ])
        .assert()
        .success();
    let t: Vec<Value> = serde_json::from_slice(&t.get_output().stdout).unwrap();
    assert!(t[0]["hits"].as_u64().unwrap() > 0);
    kodbok(d.path())
        .args(["autocode", "code:hinder", "--code", "hinder"])
        .assert()
        .failure();
    kodbok(d.path())
        .args(["autocode", "resurs", "--code", "finnsinte"])
        .assert()
        .failure();
}

#[test]
fn riksdag_corpus() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/riksdag/transcripts");
    if !src.exists() {
        return;
    }
    let d = tempfile::tempdir().unwrap();
    copy_dir(&src, &d.path().join("transcripts"));
    fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("codebook.json"),
        d.path().join("codebook.json"),
    )
    .unwrap();
    assert_paradigm(
        d.path(),
        "regel",
        &[
            "regel",
            "regeln",
            "regler",
            "reglerna",
            "regelns",
            "reglernas",
            "regels",
        ],
    );
    assert_paradigm(
        d.path(),
        "fond",
        &[
            "fond",
            "fonden",
            "fonder",
            "fonderna",
            "fondens",
            "fondernas",
        ],
    );
    let hits = search(d.path(), "\"fru talman\"");
    let expected = turns_where(d.path(), |t, i| {
        format!(" {} ", turn_words(t, i).join(" ")).contains(" fru talman ")
    });
    assert!(expected.len() > 20);
    assert_eq!(turns(&hits), expected);
    let hits = search(d.path(), "pensions*");
    assert!(
        matched(d.path(), &hits)
            .iter()
            .all(|m| m.starts_with("pensions"))
    );
    assert!(!hits.is_empty());
}

#[test]
fn outside_a_project_is_a_clear_error_and_writes_nothing() {
    let d = tempfile::tempdir().unwrap();
    let out = kodbok(d.path())
        .args(["search", "resurs"])
        .assert()
        .failure();
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("not a kodbok project"), "{err}");
    assert!(!d.path().join(".kodbok").exists());
}

#[test]
fn concurrent_first_searches_agree() {
    let d = sample();
    let children: Vec<_> = (0..4)
        .map(|_| {
            std::process::Command::new(assert_cmd::cargo::cargo_bin("kodbok"))
                .arg("--project")
                .arg(d.path())
                .args(["search", "resurs", "--limit", "1000", "--format", "json"])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    let outs: Vec<Vec<Value>> = children
        .into_iter()
        .map(|c| {
            let o = c.wait_with_output().unwrap();
            assert!(o.status.success());
            serde_json::from_slice(&o.stdout).unwrap()
        })
        .collect();
    assert!(!outs[0].is_empty());
    for o in &outs[1..] {
        assert_eq!(turns(o), turns(&outs[0]));
    }
}
