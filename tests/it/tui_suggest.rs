//! The suggestion review screen and the saved query in the codebook pane: keys through the real
//! keymap on a temp copy of the sample study, the index built on its thread.

use crate::common::sample;
use kodbok::tui::action::Action;
use kodbok::tui::app::{Focus, Overlay, Screen};
use kodbok::tui::keymap::KeyContext;
use kodbok::tui::{Session, SessionOptions, views};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use serde_json::Value;
use std::path::Path;
use std::time::Duration;

const CODER: &str = "praktikant-a";

fn open(dir: &Path) -> Session {
    let mut s = Session::open(dir, CODER, &SessionOptions::default()).unwrap();
    s.dispatch(Action::Resize(100, 30));
    s
}

fn feed(s: &mut Session, keys: &str) {
    s.feed(keys).unwrap();
    s.wait_index(Duration::from_secs(60));
}

fn resursbrist(dir: &Path) -> Vec<Value> {
    let p = dir.join("codings").join(format!("{CODER}.json"));
    let v: Value = serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
    v["codings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["code"] == "resursbrist")
        .cloned()
        .collect()
}

/// Gives resursbrist a saved query through the codebook pane (Q), as a coder would.
fn save_query(s: &mut Session, q: &str) {
    s.state.focus = Focus::Codebook;
    let row = s
        .state
        .tree_rows()
        .iter()
        .position(|r| r.1 == "resursbrist")
        .unwrap();
    s.state.tree.selected = row;
    feed(s, "Q");
    assert!(matches!(s.state.overlay, Some(Overlay::Prompt { .. })));
    feed(s, q);
    feed(s, "<enter>");
    assert!(s.state.overlay.is_none(), "{:?}", s.state.status.message);
}

#[test]
fn review_accept_skip_jump_and_undo() {
    let dir = sample();
    let mut s = open(dir.path());
    save_query(&mut s, "resurs*");
    let cb = std::fs::read_to_string(dir.path().join("codebook.json")).unwrap();
    assert!(
        cb.contains("\"query\": \"resurs*\""),
        "saved to codebook.json"
    );
    feed(&mut s, "F");
    assert_eq!(s.state.screen, Screen::Suggest);
    assert_eq!(s.state.context(), KeyContext::Suggest);
    let items = s.state.suggest.items.clone();
    assert!(items.len() > 3, "{:?}", s.state.suggest.error);
    // none of them is already coded resursbrist by this coder
    let before = resursbrist(dir.path());
    for it in &items {
        assert!(!before.iter().any(|c| c["doc"] == it.doc.as_str()
            && (c["start"].as_u64().unwrap() as usize) < it.end
            && it.start < (c["end"].as_u64().unwrap() as usize)));
    }
    // accept: an undoable coding of exactly the suggested span
    feed(&mut s, "a");
    let after = resursbrist(dir.path());
    assert_eq!(after.len(), before.len() + 1);
    let added = after.iter().find(|c| !before.contains(c)).unwrap();
    assert_eq!(added["start"].as_u64().unwrap() as usize, items[0].start);
    assert_eq!(added["end"].as_u64().unwrap() as usize, items[0].end);
    assert_eq!(s.state.suggest.items.len(), items.len() - 1);
    feed(&mut s, "u");
    assert_eq!(resursbrist(dir.path()).len(), before.len());
    // the undone suggestion is back at once, in its place and selected (no `r` needed)
    assert_eq!(s.state.suggest.items.len(), items.len());
    assert_eq!(s.state.suggest.current(), Some(&items[0]));
    assert_eq!(s.state.suggest.accepted, 0);
    // redo codes it again and takes it out again; undo brings it back once more
    feed(&mut s, "<ctrl-r>");
    assert_eq!(resursbrist(dir.path()).len(), before.len() + 1);
    assert_eq!(s.state.suggest.items.len(), items.len() - 1);
    feed(&mut s, "u");
    assert_eq!(s.state.suggest.current(), Some(&items[0]));
    // skip: remembered under .kodbok/
    feed(&mut s, "j");
    let skipped = s.state.suggest.items[1].clone();
    assert_eq!(s.state.suggest.current(), Some(&skipped));
    feed(&mut s, "s");
    assert!(!s.state.suggest.items.contains(&skipped));
    let file = std::fs::read_to_string(dir.path().join(".kodbok/skipped.json")).unwrap();
    assert!(file.contains(&skipped.doc), "{file}");
    // jump: the passage selected in its transcript
    let next = s.state.suggest.current().unwrap().clone();
    feed(&mut s, "<enter>");
    assert_eq!(s.state.screen, Screen::Workbench);
    assert_eq!(s.state.view.as_ref().unwrap().doc, next.doc);
    assert_eq!(
        s.state.view.as_ref().unwrap().selection(),
        Some((next.start, next.end))
    );
    drop(s);

    // a restart: the skipped suggestion stays skipped, the undone one is back
    let mut s = open(dir.path());
    feed(&mut s, "F");
    let again = &s.state.suggest.items;
    assert!(
        !again
            .iter()
            .any(|i| i.doc == skipped.doc && i.start == skipped.start && i.end == skipped.end)
    );
    assert!(
        again
            .iter()
            .any(|i| i.doc == items[0].doc && i.start == items[0].start)
    );
    assert_eq!(again.len(), items.len() - 1);
}

#[test]
fn no_saved_query_says_how_to_add_one_and_renders() {
    let dir = sample();
    let mut s = open(dir.path());
    feed(&mut s, "F");
    let e = s.state.suggest.error.clone().unwrap_or_default();
    assert!(e.contains("press Q"), "{e}");
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    term.draw(|f| views::draw(f, &s.state)).unwrap();
    let text = format!("{:?}", term.backend());
    assert!(text.contains("Suggestions for"), "{text}");
    // a bad saved query is refused in the prompt, which stays open
    save_query_expect_error(&mut s);
}

fn save_query_expect_error(s: &mut Session) {
    feed(s, "<esc>");
    s.state.focus = Focus::Codebook;
    feed(s, "Q");
    feed(s, "(resurs");
    feed(s, "<enter>");
    assert!(matches!(s.state.overlay, Some(Overlay::Prompt { .. })));
    let m = s.state.status.message.clone().unwrap().1;
    assert!(m.contains("never closed"), "{m}");
}
