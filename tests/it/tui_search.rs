//! The search pane: flow tests (keys through the real keymap on a temp copy of the sample study, the index
//! built on its thread) and render snapshots at 80×24 and 120×40.

use crate::common;

use kodbok::tui::app::{Overlay, Screen};
use kodbok::tui::keymap::KeyContext;
use kodbok::tui::search::IndexStatus;
use kodbok::tui::{Session, views};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use serde_json::Value;
use std::path::Path;
use std::time::Duration;

fn open(dir: &Path, coder: &str, w: u16, h: u16) -> Session {
    common::session(dir, coder, w, h)
}

/// Feeds keys, letting the index thread finish after each (as the event loop's ticks would).
fn feed(s: &mut Session, keys: &str) {
    s.feed(keys).unwrap();
    s.wait_index(Duration::from_secs(60));
}

fn codings(dir: &Path, coder: &str) -> Vec<Value> {
    let p = dir.join("codings").join(format!("{coder}.json"));
    if !p.exists() {
        return Vec::new();
    }
    let v: Value = serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
    v["codings"].as_array().cloned().unwrap_or_default()
}

use crate::common::message;

#[test]
fn search_as_you_type_and_jump_to_the_match() {
    let dir = common::sample();
    let mut s = open(dir.path(), "tester", 100, 30);
    feed(&mut s, "/");
    assert_eq!(s.state.screen, Screen::Search);
    assert_eq!(s.state.context(), KeyContext::SearchQuery);
    assert_eq!(s.state.search.index, IndexStatus::Ready);
    feed(&mut s, "resurs");
    let hits = s.state.search.hits.clone();
    assert!(!hits.is_empty(), "no hits for resurs");
    // Inflected forms are found: resurser, resurserna …
    assert!(hits.iter().any(|h| h.text.contains("resurser")));
    feed(&mut s, "<down>");
    assert_eq!(s.state.context(), KeyContext::SearchList);
    feed(&mut s, "<enter>");
    assert_eq!(s.state.screen, Screen::Workbench);
    let v = s.state.view.as_ref().unwrap();
    assert_eq!(v.doc, hits[0].doc);
    let (ms, me) = hits[0].matches[0];
    assert_eq!(v.selection(), Some((ms, me)));
    assert_eq!(s.state.context(), KeyContext::Select);
    // `/` comes back to the same query and hits.
    feed(&mut s, "<esc>/");
    assert_eq!(s.state.search.query(), "resurs");
    assert_eq!(s.state.search.hits.len(), hits.len());
}

/// `/` takes the CLI's filters: `key=value` as well as `key:value`, values in any case, `group` for
/// the codebook's group attribute (grupp in the sample).
#[test]
fn slash_takes_key_equals_value_filters_like_the_cli() {
    let dir = common::sample();
    let mut s = open(dir.path(), "tester", 100, 30);
    feed(&mut s, "/resurs grupp:hög");
    let colon: Vec<(String, usize)> = s
        .state
        .search
        .hits
        .iter()
        .map(|h| (h.doc.clone(), h.turn))
        .collect();
    assert!(!colon.is_empty());
    assert!(s.state.search.hits.iter().all(|h| h.group == "hög"));
    for q in ["resurs grupp=HÖG", "resurs group=hög", "resurs GROUP=Hög"] {
        feed(&mut s, &"<backspace>".repeat(40));
        feed(&mut s, q);
        assert!(
            s.state.search.problem.is_none(),
            "{q}: {:?}",
            s.state.search.problem
        );
        let got: Vec<(String, usize)> = s
            .state
            .search
            .hits
            .iter()
            .map(|h| (h.doc.clone(), h.turn))
            .collect();
        assert_eq!(got, colon, "{q}");
    }
    let out = common::ok(
        dir.path(),
        &[
            "search",
            "resurs group=HÖG",
            "--format",
            "csv",
            "--limit",
            "100",
        ],
    );
    assert_eq!(
        out.lines().count(),
        colon.len() + 1,
        "the CLI finds the same:\n{out}"
    );
}

#[test]
fn a_bad_query_is_underlined_not_fatal() {
    let dir = common::sample();
    let mut s = open(dir.path(), "tester", 100, 30);
    feed(&mut s, "/resurs AND");
    let p = s.state.search.problem.clone().expect("a problem");
    assert!(p.message.contains("AND"), "{}", p.message);
    assert!(p.start >= 7, "{p:?}");
    feed(&mut s, "<backspace><backspace><backspace><backspace>");
    assert!(s.state.search.problem.is_none());
    assert!(!s.state.search.hits.is_empty());
    feed(&mut s, "<esc>");
    assert_eq!(s.state.screen, Screen::Workbench);
}

/// The preview of auto-coding marked hits counts those hits, and what of them the coder has coded
/// already: not what the query's other hits hold.
#[test]
fn the_autocode_preview_counts_the_marked_hits_only() {
    use kodbok::index::autocode::{Scope, plan_hits};
    let dir = common::sample();
    let mut s = open(dir.path(), "praktikant-a", 100, 30);
    feed(&mut s, "/");
    feed(&mut s, "resurs<enter>");
    feed(&mut s, "<space><space>");
    let marked: Vec<(String, usize, usize)> = s.state.search.hits[..2]
        .iter()
        .map(|h| (h.doc.clone(), h.turn_start, h.turn_end))
        .collect();
    assert_eq!(s.state.search.scope, Scope::Sentence);
    feed(&mut s, "Aresursb<enter>");
    let Some(Overlay::Confirm { question, .. }) = s.state.overlay.clone() else {
        panic!("no preview: {}", message(&s));
    };
    // what a plan of the query gives for those two turns alone
    let p = kodbok::store::Project::open(dir.path()).unwrap();
    let searcher = kodbok::index::Searcher::open(dir.path(), &mut |_| {}).unwrap();
    let all = searcher.matches_all("resurs").unwrap();
    let mine: Vec<_> = all
        .iter()
        .filter(|h| {
            marked
                .iter()
                .any(|m| (&m.0, m.1, m.2) == (&h.doc, h.turn_start, h.turn_end))
        })
        .cloned()
        .collect();
    let whole = plan_hits(
        &p,
        &all,
        "resurs",
        "resursbrist",
        Scope::Sentence,
        "praktikant-a",
    );
    let want = plan_hits(
        &p,
        &mine,
        "resurs",
        "resursbrist",
        Scope::Sentence,
        "praktikant-a",
    );
    let (whole, want) = (whole.unwrap(), want.unwrap());
    assert_ne!(
        whole.skipped, want.skipped,
        "the sample no longer tells them apart"
    );
    let counts = format!("2 hits, {} already coded", want.skipped);
    assert!(question.contains(&counts), "{question}");
    assert!(
        question.contains(&format!("Code {} passages", want.add.len())),
        "{question}"
    );
}

#[test]
fn autocode_marked_hits_is_one_undo_step_and_searchable_by_code() {
    let dir = common::sample();
    let mut s = open(dir.path(), "tester", 100, 30);
    feed(&mut s, "/");
    feed(&mut s, "resurs<enter>");
    let n = s.state.search.hits.len();
    assert!(n >= 2);
    // Mark the first two hits, scope match, pick the code, see the preview, confirm.
    feed(&mut s, "<space><space>");
    assert_eq!(s.state.search.marked.len(), 2, "{:?}", s.state.context());
    feed(&mut s, "ss");
    assert_eq!(
        s.state.search.scope,
        kodbok::index::autocode::Scope::Match,
        "{}",
        message(&s)
    );
    feed(&mut s, "Aresursb<enter>");
    assert_eq!(s.state.search.scope, kodbok::index::autocode::Scope::Match);
    let Some(Overlay::Confirm { question, .. }) = s.state.overlay.clone() else {
        panic!("no preview: {}", message(&s));
    };
    assert!(
        question.contains("Resursbrist") || question.contains("resursbrist"),
        "{question}"
    );
    assert!(question.contains("E.g."), "{question}");
    feed(&mut s, "y");
    let added = codings(dir.path(), "tester");
    assert!(!added.is_empty(), "{}", message(&s));
    let marked_docs: Vec<String> = s.state.search.hits[..2]
        .iter()
        .map(|h| h.doc.clone())
        .collect();
    assert!(added.iter().all(|c| c["code"] == "resursbrist"));
    assert!(
        added
            .iter()
            .all(|c| marked_docs.contains(&c["doc"].as_str().unwrap().to_string()))
    );
    assert!(message(&s).contains("u undoes"), "{}", message(&s));
    // The new codings are searchable by code: (the index was refreshed after the save).
    feed(
        &mut s,
        "/<home><delete><delete><delete><delete><delete><delete>coder:tester",
    );
    assert!(
        !s.state.search.hits.is_empty(),
        "{:?}",
        s.state.search.problem
    );
    // One u undoes the whole batch.
    feed(&mut s, "<esc>u");
    assert!(codings(dir.path(), "tester").is_empty());
    feed(&mut s, "<ctrl-r>");
    assert_eq!(codings(dir.path(), "tester").len(), added.len());
}

fn batch_ids(dir: &Path, coder: &str) -> Vec<String> {
    let p = dir.join(".kodbok/batches").join(format!("{coder}.json"));
    let Ok(bytes) = std::fs::read(p) else {
        return Vec::new();
    };
    let v: Value = serde_json::from_slice(&bytes).unwrap();
    v["batches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["id"].as_str().unwrap().to_string())
        .collect()
}

/// Undoing a workbench auto-code takes its batch out of the coder's batch log and redo puts it back, so
/// `kodbok autocode --undo` afterwards neither undoes it twice nor refuses one that is there.
#[test]
fn workbench_undo_and_redo_keep_the_batch_log_in_step() {
    let dir = common::sample();
    let mut s = open(dir.path(), "tester", 100, 30);
    feed(&mut s, "/");
    feed(&mut s, "resurs<enter>");
    feed(&mut s, "<space>ssAresursb<enter>y");
    let added = codings(dir.path(), "tester");
    assert!(!added.is_empty(), "{}", message(&s));
    let logged = batch_ids(dir.path(), "tester");
    assert_eq!(logged.len(), 1, "the batch is logged");
    feed(&mut s, "<esc>u");
    assert!(codings(dir.path(), "tester").is_empty());
    assert!(
        batch_ids(dir.path(), "tester").is_empty(),
        "undo took it out"
    );
    feed(&mut s, "<ctrl-r>");
    assert_eq!(codings(dir.path(), "tester").len(), added.len());
    assert_eq!(batch_ids(dir.path(), "tester"), logged, "redo put it back");
    // undone once more, the session ends: the CLI has nothing to undo
    feed(&mut s, "u");
    drop(s);
    let o = common::kodbok(dir.path(), &["autocode", "--undo"]);
    assert!(!o.status.success(), "an undone batch is not undone twice");
    assert!(codings(dir.path(), "tester").is_empty());
    // redone in a new session: the CLI undoes exactly it
    let mut s = open(dir.path(), "tester", 100, 30);
    feed(&mut s, "<ctrl-r>");
    assert_eq!(codings(dir.path(), "tester").len(), added.len());
    drop(s);
    let o = common::kodbok(dir.path(), &["autocode", "--undo"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(codings(dir.path(), "tester").is_empty());
    assert!(batch_ids(dir.path(), "tester").is_empty());
}

#[test]
fn autocode_again_adds_nothing() {
    let dir = common::sample();
    let mut s = open(dir.path(), "tester", 100, 30);
    feed(&mut s, "/");
    feed(&mut s, "resurs<enter>Aresursb<enter>y");
    let first = codings(dir.path(), "tester").len();
    assert!(first > 0, "{}", message(&s));
    feed(&mut s, "/<enter>Aresursb<enter>");
    assert!(s.state.overlay.is_none());
    assert!(message(&s).contains("Nothing to add"), "{}", message(&s));
    assert_eq!(codings(dir.path(), "tester").len(), first);
}

fn screen(s: &mut Session, w: u16, h: u16) -> Terminal<TestBackend> {
    if s.state.status.last_saved.is_some() {
        s.state.status.last_saved = Some("12:00:00".into());
    }
    s.state.project_name = "sample".into();
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| views::draw(f, &s.state)).unwrap();
    term
}

fn snap(name: &str, keys: &str) {
    for (w, h) in [(80, 24), (120, 40)] {
        let dir = common::sample();
        let mut s = open(dir.path(), "tester", w, h);
        // The index is opened by `/` (on its thread); the rest is typed once it is ready.
        feed(&mut s, "/");
        feed(&mut s, keys);
        let term = screen(&mut s, w, h);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), term.backend());
    }
}

#[test]
fn render_empty_query_shows_syntax() {
    snap("search_empty", "");
}

#[test]
fn render_hits() {
    snap("search_hits", "resurs<down><space>");
}

#[test]
fn render_bad_query() {
    snap("search_bad_query", "resurs (AND");
}

#[test]
fn render_autocode_preview() {
    snap("search_preview", "resurs<enter>Aresursb<enter>");
}

#[test]
fn render_progress_line() {
    let dir = common::sample();
    let mut s = open(dir.path(), "tester", 80, 24);
    s.feed("/").unwrap();
    s.state.search.index = IndexStatus::Building { done: 3, total: 9 };
    let term = screen(&mut s, 80, 24);
    insta::assert_snapshot!("search_building_80x24", term.backend());
}
