//! Regular expressions, proximity, irregular forms, saved queries, suggestions and quote output,
//! on copies of the sample study and of the Riksdag corpus in ../shared (when present).

use crate::common::{fails, ok, repo, sample};
use kodbok::index::Searcher;
use kodbok::index::inflect::irregular;
use kodbok::store::Project;
use regex::RegexBuilder;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// (doc, turn) → char ranges of the matches.
type Found = BTreeMap<(String, usize), Vec<(usize, usize)>>;

fn riksdag() -> Option<tempfile::TempDir> {
    // ../shared beside the main checkout, or beside the folder of worktrees
    let src = ["../shared", "../../shared"]
        .iter()
        .map(|s| repo().join(s).join("corpus/riksdag/transcripts"))
        .find(|p| p.exists())?;
    let d = tempfile::tempdir().unwrap();
    let to = d.path().join("transcripts");
    fs::create_dir_all(&to).unwrap();
    for e in fs::read_dir(&src).unwrap() {
        let p = e.unwrap().path();
        fs::copy(&p, to.join(p.file_name().unwrap())).unwrap();
    }
    fs::copy(repo().join("codebook.json"), d.path().join("codebook.json")).unwrap();
    Some(d)
}

fn open(dir: &Path) -> Searcher {
    Searcher::open(dir, &mut |_| {}).unwrap()
}

/// Every turn of every transcript scanned with the `regex` crate: matching turns and their
/// non-empty matches as char offsets in the transcript body.
fn reference(dir: &Path, pattern: &str, insensitive: bool) -> Found {
    let re = RegexBuilder::new(pattern)
        .case_insensitive(insensitive)
        .build()
        .unwrap();
    let p = Project::open(dir).unwrap();
    let mut out = Found::new();
    for t in p.transcripts.values() {
        for (i, turn) in t.turns.iter().enumerate() {
            let text = t.slice(turn.start, turn.end).unwrap();
            if !re.is_match(text) {
                continue;
            }
            let at = |b: usize| turn.start + text[..b].chars().count();
            let ms = re
                .find_iter(text)
                .filter(|m| m.end() > m.start())
                .map(|m| (at(m.start()), at(m.end())))
                .collect();
            out.insert((t.id.clone(), i + 1), ms);
        }
    }
    out
}

fn found(s: &Searcher, q: &str) -> Found {
    s.search_all(q)
        .unwrap()
        .into_iter()
        .map(|h| ((h.doc, h.turn), h.matches))
        .collect()
}

const PATTERNS: &[(&str, bool)] = &[
    ("resurs(er|erna)? (saknas|fattas)", false),
    (r"\d+ ?procent", false),
    (r"\d+", false),
    ("[Ii]nformationssäkerhet", false),
    ("informationssäkerhet", true),
    ("KOMMUN", true),
    ("Kommun", false),
    (r"\bvi (har|hade) inte\b", true),
    ("fru talman", true),
    (r"[A-ZÅÄÖ]{3,}", false),
    ("ledning.{0,30}stöd", true),
    (r"^Ja\b", false),
    ("(?i)gdpr|dataskydd", false),
    ("säk", false),
    ("e?", false),
    (r"\w+ning\b", false),
    ("it-chef|IT-avdelning", true),
    ("å|ä|ö", false),
    ("pension(en|er)?s?", false),
    (r"[.!?]$", false),
    ("zzqx", false),
];

fn check_patterns(dir: &Path) -> usize {
    let s = open(dir);
    let mut hits = 0;
    for &(p, i) in PATTERNS {
        let q = format!("/{}/{}", p.replace('/', "\\/"), if i { "i" } else { "" });
        let want = reference(dir, p, i);
        let got = found(&s, &q);
        assert_eq!(
            got.keys().collect::<Vec<_>>(),
            want.keys().collect::<Vec<_>>(),
            "{q}"
        );
        assert_eq!(got, want, "{q}: matched spans");
        assert_eq!(s.count(&q).unwrap(), want.len(), "{q}: count");
        hits += want.len();
    }
    hits
}

#[test]
fn regex_hits_equal_a_reference_scan_of_every_turn() {
    let d = sample();
    assert!(check_patterns(d.path()) > 100);
    if let Some(r) = riksdag() {
        assert!(check_patterns(r.path()) > 100);
    }
}

#[test]
fn regex_combines_with_terms_and_filters() {
    let d = sample();
    let s = open(d.path());
    let all = found(&s, "/resurs/i");
    let low = found(&s, "/resurs/i grupp:låg");
    assert!(!low.is_empty() && low.len() < all.len());
    let p = Project::open(d.path()).unwrap();
    for (doc, _) in low.keys() {
        let case = p.transcripts[doc].case().to_string();
        assert_eq!(p.cases.attr(&case, "grupp"), "låg");
    }
    let not = found(&s, "/resurs/i -grupp:låg");
    assert_eq!(low.len() + not.len(), all.len());
    let without = found(&s, "kommun -/resurs/i");
    assert!(without.keys().all(|k| !all.contains_key(k)));
    // a hit of a word and a regex marks both
    let both = found(&s, "/resurs/i ledning");
    assert!(both.values().all(|m| m.len() >= 2));
}

#[test]
fn a_bad_pattern_points_into_the_query() {
    let d = sample();
    let err = fails(d.path(), &["search", "resurs /(saknas/"]);
    assert!(err.contains("column 9"), "{err}");
    assert!(err.contains("regular expression"), "{err}");
    assert!(err.contains("\n          ^"), "{err}");
    let err = fails(d.path(), &["search", "/resurs"]);
    assert!(err.contains("never closed"), "{err}");
}

#[test]
fn autocode_match_codes_exactly_the_regex_spans() {
    let d = sample();
    let out = ok(
        d.path(),
        &[
            "autocode",
            r"/resurs\w*/i",
            "--code",
            "hinder",
            "--scope",
            "match",
            "--dry-run",
            "--format",
            "json",
        ],
    );
    let v: Vec<Value> = serde_json::from_str(&out).unwrap();
    let codings = v[0]["codings"].as_array().unwrap();
    assert!(!codings.is_empty());
    let re = regex::Regex::new(r"^(?i)resurs\w*$").unwrap();
    for c in codings {
        assert!(re.is_match(c["quote"].as_str().unwrap()), "{c}");
    }
}

#[test]
fn proximity_finds_inflected_words_in_order_within_n() {
    let d = sample();
    let s = open(d.path());
    // "Hur upplever du stödet från ledningen?"
    let near = s.search_all("\"stöd ledning\"~2").unwrap();
    let both = found(&s, "stöd ledning");
    assert!(!near.is_empty(), "the sample has stödet från ledningen");
    let words = |t: &str| {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|x| !x.is_empty())
            .count()
    };
    for h in &near {
        assert!(both.contains_key(&(h.doc.clone(), h.turn)));
        for &(a, b) in &h.matches {
            let t: String = h.text.chars().skip(a - h.turn_start).take(b - a).collect();
            let lower = t.to_lowercase();
            assert!(
                lower.starts_with("stöd") && lower.contains("ledning"),
                "{t}"
            );
            assert!(words(&t) <= 4, "{t}");
        }
    }
    let key = (near[0].doc.clone(), near[0].turn);
    // order matters: the reversed search does not find "stödet från ledningen"
    let reversed = found(&s, "\"ledning stöd\"~2");
    let span = near[0].matches[0];
    assert!(reversed.get(&key).is_none_or(|m| !m.contains(&span)));
    // the words must be within N: with 0 words between, "stödet från ledningen" is out
    let tight = found(&s, "\"stöd ledning\"~0");
    assert!(tight.get(&key).is_none_or(|m| !m.contains(&span)));
}

/// Turns holding any of these words (whole words, any case).
fn turns_with(dir: &Path, forms: &[&str]) -> BTreeSet<(String, usize)> {
    let p = Project::open(dir).unwrap();
    let mut out = BTreeSet::new();
    for t in p.transcripts.values() {
        for (i, turn) in t.turns.iter().enumerate() {
            let text = t.slice(turn.start, turn.end).unwrap().to_lowercase();
            if text
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| forms.contains(&w))
            {
                out.insert((t.id.clone(), i + 1));
            }
        }
    }
    out
}

#[test]
fn every_irregular_lemma_finds_all_its_forms() {
    let d = riksdag().unwrap_or_else(sample);
    let s = open(d.path());
    let mut checked = 0;
    for forms in irregular::paradigms() {
        let want = turns_with(d.path(), &forms);
        if want.is_empty() {
            continue;
        }
        for q in [forms[0], forms[forms.len() - 1]] {
            let got: BTreeSet<(String, usize)> = found(&s, q).into_keys().collect();
            let missing: Vec<_> = want.difference(&got).collect();
            assert!(
                missing.is_empty(),
                "{q} misses {missing:?} (forms {forms:?})"
            );
        }
        checked += 1;
    }
    assert!(checked > 50, "{checked} paradigms occur in the corpus");
    let small = found(&s, "liten");
    assert!(!small.is_empty());
}

fn set_query(dir: &Path, code: &str, q: &str, scope: &str) {
    ok(
        dir,
        &[
            "codes",
            "describe",
            code,
            "--query",
            q,
            "--query-scope",
            scope,
        ],
    );
}

fn suggestions(dir: &Path, extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["suggest", "--format", "json"];
    args.extend_from_slice(extra);
    serde_json::from_str(&ok(dir, &args)).unwrap()
}

#[test]
fn code_query_runs_the_saved_query() {
    let d = sample();
    set_query(
        d.path(),
        "resursbrist",
        "resurs* | budget | \"för lite tid\" | /ingen (tid|budget)/",
        "sentence",
    );
    let cb = fs::read_to_string(d.path().join("codebook.json")).unwrap();
    assert!(cb.contains("\"query\": \"resurs* | budget"), "{cb}");
    let direct: Vec<Value> = serde_json::from_str(&ok(
        d.path(),
        &[
            "search",
            "resurs* | budget | \"för lite tid\" | /ingen (tid|budget)/",
            "--limit",
            "1000",
            "--format",
            "json",
        ],
    ))
    .unwrap();
    let saved: Vec<Value> = serde_json::from_str(&ok(
        d.path(),
        &[
            "search",
            "code-query:resursbrist",
            "--limit",
            "1000",
            "--format",
            "json",
        ],
    ))
    .unwrap();
    assert_eq!(direct.len(), saved.len());
    assert!(!saved.is_empty());
    let err = fails(d.path(), &["search", "code-query:hinder"]);
    assert!(err.contains("no saved query"), "{err}");
    let err = fails(d.path(), &["codes", "describe", "hinder", "--query", "(a"]);
    assert!(err.contains("never closed"), "{err}");
}

#[test]
fn suggestions_skip_what_the_coder_coded_and_skipped() {
    let d = sample();
    set_query(d.path(), "resursbrist", "resurs", "sentence");
    let coder = "praktikant-a";
    let list = |extra: &[&str]| {
        let mut a = vec!["--coder", coder];
        a.extend_from_slice(extra);
        suggestions(d.path(), &a)
    };
    let first = list(&[]);
    assert!(first.len() > 2, "{first:?}");
    let p = Project::open(d.path()).unwrap();
    let mine: Vec<_> = p.coders[coder]
        .codings
        .iter()
        .filter(|c| c.code == "resursbrist")
        .collect();
    assert!(!mine.is_empty(), "the sample coder has resursbrist codings");
    for s in &first {
        let (doc, a, b) = (
            s["doc"].as_str().unwrap(),
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        assert!(
            !mine
                .iter()
                .any(|c| c.doc == doc && c.start < b && a < c.end),
            "{s} is already coded"
        );
    }
    let id0 = first[0]["id"].as_str().unwrap().to_string();
    let id1 = first[1]["id"].as_str().unwrap().to_string();
    ok(d.path(), &["--coder", coder, "suggest", "--skip", &id0]);
    ok(d.path(), &["--coder", coder, "suggest", "--accept", &id1]);
    let after = list(&[]);
    let ids: Vec<&str> = after.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert!(!ids.contains(&id0.as_str()) && !ids.contains(&id1.as_str()));
    assert_eq!(after.len(), first.len() - 2);
    // skipped stays skipped for this coder only; --with-skipped shows it
    let again = list(&["--with-skipped"]);
    assert!(again.iter().any(|s| s["id"] == id0.as_str()));
    let other = suggestions(d.path(), &["--coder", "praktikant-b"]);
    assert!(!other.is_empty());
    let err = fails(
        d.path(),
        &["--coder", coder, "suggest", "--accept", "ffffffff"],
    );
    assert!(err.contains("no suggestion"), "{err}");
}

#[test]
fn kwic_and_quotes() {
    let d = sample();
    let out = ok(
        d.path(),
        &["search", "resurs", "--format", "kwic", "--limit", "5"],
    );
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.len() >= 5, "{out}");
    let cols: BTreeSet<usize> = lines
        .iter()
        .map(|l| unicode_width::UnicodeWidthStr::width(&l[..l.find('[').unwrap()]))
        .collect();
    assert_eq!(cols.len(), 1, "matches aligned:\n{out}");
    let out = ok(
        d.path(),
        &[
            "search",
            "/resurs\\w*/i",
            "--format",
            "quotes",
            "--limit",
            "3",
        ],
    );
    let quotes: Vec<&str> = out.lines().filter(|l| l.starts_with("- *”")).collect();
    assert_eq!(quotes.len(), 3, "{out}");
    assert!(out.contains("  — Kommun"), "{out}");
}

#[test]
fn kwic_is_pseudonymised_like_quotes() {
    let d = sample();
    fs::write(
        d.path().join("transcripts/pseudonyms.csv"),
        "real,pseudonym\nKommun A,Fall Ett\nteamet,gänget\n",
    )
    .unwrap();
    let args = |f: &'static str| ["search", "resurser", "--format", f, "--limit", "100"];
    let kwic = ok(d.path(), &args("kwic"));
    let quotes = ok(d.path(), &args("quotes"));
    for out in [&kwic, &quotes] {
        assert!(
            !out.contains("Kommun A") && !out.contains("teamet"),
            "{out}"
        );
        assert!(out.contains("Fall Ett") && out.contains("gänget"), "{out}");
    }
    // still aligned after the names changed length
    let cols: BTreeSet<usize> = kwic
        .lines()
        .map(|l| unicode_width::UnicodeWidthStr::width(&l[..l.find('[').unwrap()]))
        .collect();
    assert_eq!(cols.len(), 1, "matches aligned:\n{kwic}");
    assert!(
        kwic.lines().all(|l| l.to_lowercase().contains("[resurs")),
        "{kwic}"
    );
}

#[test]
fn a_transcript_edited_after_indexing_is_verified_as_indexed() {
    let d = sample();
    let s = open(d.path());
    let q = "/resurs\\w*/";
    s.verify_from_store(true);
    let store = found(&s, q);
    s.verify_from_store(false);
    assert!(store.keys().any(|k| k.0 == "kommun-a-1"));
    // edited after the index was opened and before the texts are read: its turns come from the
    // document store, so the hits still agree with the index (and with the highlighting)
    let f = d.path().join("transcripts/kommun-a-1.txt");
    let edited = fs::read_to_string(&f).unwrap().replace("resurs", "RESURS");
    fs::write(&f, edited).unwrap();
    assert_eq!(found(&s, q), store);
}

#[test]
fn hits_read_from_memory_equal_hits_read_from_the_store() {
    let d = sample();
    let s = open(d.path());
    for q in [
        "resurs",
        "\"det är\"",
        "/resurs\\w*/i",
        r"/\bvi (har|hade)\b/",
        "ledning* -resurs",
        "\"stöd ledning\"~2",
    ] {
        s.verify_from_store(true);
        let store = s.search_all(q).unwrap();
        s.verify_from_store(false);
        s.texts();
        let memory = s.search_all(q).unwrap();
        assert!(!store.is_empty(), "{q}");
        assert_eq!(memory, store, "{q}");
        // the best few alike
        assert_eq!(s.search(q, 5).unwrap(), {
            s.verify_from_store(true);
            let v = s.search(q, 5).unwrap();
            s.verify_from_store(false);
            v
        });
    }
}

/// Auto-coding as the command does it (transcripts from the search's memory or from their files)
/// plans what a plan on the whole project plans.
#[test]
fn autocode_plans_as_on_the_whole_project() {
    use kodbok::index::autocode::{Scope, plan_hits};
    let d = sample();
    let p = Project::open(d.path()).unwrap();
    let s = open(d.path());
    // many hits (transcripts read into memory by the search), few hits (read from their files)
    for q in ["det", "upphandling", "/resurs\\w*/i"] {
        let out = ok(
            d.path(),
            &[
                "autocode",
                q,
                "--code",
                "hinder",
                "--scope",
                "sentence",
                "--dry-run",
                "--format",
                "json",
            ],
        );
        let v: Vec<Value> = serde_json::from_str(&out).unwrap();
        let got: Vec<(String, u64, u64, String)> = v[0]["codings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["doc"].as_str().unwrap().to_string(),
                    c["start"].as_u64().unwrap(),
                    c["end"].as_u64().unwrap(),
                    c["quote"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        let want: Vec<(String, u64, u64, String)> = plan_hits(
            &p,
            &s.matches_all(q).unwrap(),
            q,
            "hinder",
            Scope::Sentence,
            "tester",
        )
        .unwrap()
        .add
        .into_iter()
        .map(|c| (c.doc, c.start as u64, c.end as u64, c.quote))
        .collect();
        assert!(!want.is_empty(), "{q}");
        assert_eq!(got, want, "{q}");
    }
}

/// Codings changed since the index was written are brought in only for a query that filters by
/// codes or coders.
#[test]
fn codings_are_brought_into_the_index_when_a_query_filters_by_them() {
    let d = sample();
    let root = d.path();
    let before = open(root).count("code:hinder").unwrap();
    ok(
        root,
        &[
            "autocode",
            "upphandling",
            "--code",
            "hinder",
            "--scope",
            "turn",
        ],
    );
    let s = Searcher::open_for(root, "upphandling", &mut |_| {}).unwrap();
    assert!(s.report().stale_codings);
    assert!(s.report().rebuilt.is_none() && s.report().reindexed == 0);
    let n = s.count("upphandling").unwrap();
    for q in ["code:hinder", "upphandling -code:hinder", "coder:tester"] {
        let s = Searcher::open_for(root, q, &mut |_| {}).unwrap();
        assert!(!s.report().stale_codings, "{q}");
        if q == "code:hinder" {
            assert!(s.count(q).unwrap() > before);
        }
        if q.starts_with("upphandling") {
            assert_eq!(
                s.count(q).unwrap(),
                0,
                "every upphandling turn is coded now"
            );
        }
    }
    assert!(n > 0);
    // and the command line says the same
    let out = ok(root, &["search", "upphandling -code:hinder"]);
    assert!(!out.contains("upphandling"), "{out}");
}

/// A passage repeated in many transcripts scores the same in each: those hits come in document order,
/// and the same ones are cut at the limit, wherever the index holds the turns (a transcript indexed
/// again goes to a new segment, after all the others; a full build shares the turns among threads).
#[test]
fn equal_scores_come_in_document_order() {
    let d = tempfile::tempdir().unwrap();
    fs::copy(repo().join("codebook.json"), d.path().join("codebook.json")).unwrap();
    let dir = d.path().join("transcripts");
    fs::create_dir_all(&dir).unwrap();
    let write = |i: usize, extra: &str| {
        let mut text = format!("---\nid: t{i:03}\ncase: Kommun {}\n---\n\n", i % 7);
        // turns of other lengths first, so that the transcripts differ in size
        for k in 0..(i % 5) {
            text.push_str(&format!(
                "Intervjuare: Fråga {k} om något annat.\n\nRespondent: Svar {k}.\n\n"
            ));
        }
        text.push_str(extra);
        text.push_str("Respondent: Vi saknar resurser för säkerheten.\n");
        fs::write(dir.join(format!("t{i:03}.txt")), text).unwrap();
    };
    for i in 0..120 {
        write(i, "");
    }
    let expected: Vec<String> = (0..50).map(|i| format!("t{i:03}")).collect();
    let docs = |d: &Path| -> Vec<String> {
        let hits = open(d).search("resurser", 50).unwrap();
        assert!(hits.iter().all(|h| h.score == hits[0].score));
        hits.iter().map(|h| h.doc.clone()).collect()
    };
    assert_eq!(docs(d.path()), expected);
    // t000 and t001 indexed again, into a segment of their own
    write(0, "Intervjuare: En ny fråga.\n\n");
    write(1, "Intervjuare: En ny fråga.\n\n");
    assert_eq!(docs(d.path()), expected);
}
