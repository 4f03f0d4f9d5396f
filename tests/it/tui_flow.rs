//! Flow tests: key strings through the real keymap and `update` on a temp copy of the sample study,
//! asserting the files written.

use crate::common;

use kodbok::tui::action::{Action, Mouse};
use kodbok::tui::app::{Level, Overlay};
use kodbok::tui::{Session, SessionOptions};
use serde_json::Value;
use std::path::Path;

fn open(dir: &Path, coder: &str) -> Session {
    common::session(dir, coder, 100, 30)
}

use crate::common::feed;

fn json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn codings(dir: &Path, coder: &str) -> Vec<Value> {
    let p = dir.join("codings").join(format!("{coder}.json"));
    if !p.exists() {
        return Vec::new();
    }
    json(&p)["codings"].as_array().cloned().unwrap_or_default()
}

/// The text of turn `n` (0-based) of a sample transcript, as a coding of the whole turn quotes it.
fn turn_text(s: &Session, doc: &str, n: usize) -> String {
    let t = &s.state.project.transcripts[doc];
    let tr = &t.turns[n];
    t.slice(tr.start, tr.end).unwrap().trim_end().to_string()
}

use crate::common::message;

#[test]
fn open_select_turn_pick_code_and_quit() {
    let dir = common::sample();
    let mut s = open(dir.path(), "tester");
    feed(&mut s, "<enter>]Vcresursb<enter>");
    let c = codings(dir.path(), "tester");
    assert_eq!(c.len(), 1, "{}", message(&s));
    assert_eq!(c[0]["code"], "resursbrist");
    assert_eq!(c[0]["doc"], "kommun-a-1");
    assert_eq!(c[0]["quote"], turn_text(&s, "kommun-a-1", 1));
    assert!(
        s.state.view.as_ref().unwrap().anchor.is_some(),
        "the coded passage stays selected for a second code"
    );
    feed(&mut s, "<esc>");
    assert!(
        s.state.view.as_ref().unwrap().anchor.is_none(),
        "Esc clears it"
    );
    feed(&mut s, "q");
    assert!(s.state.quit);
}

#[test]
fn shortcuts_words_and_sentences() {
    let dir = common::sample();
    let mut s = open(dir.path(), "tester");
    // Digit shortcuts from the sample codebook apply directly: 4 is Resursbrist, 5 Kompetensbrist.
    feed(&mut s, "<enter>]V4");
    feed(&mut s, "]vww5");
    feed(&mut s, "]v))7");
    let c = codings(dir.path(), "tester");
    let quotes: Vec<(&str, &str)> = c
        .iter()
        .map(|c| (c["code"].as_str().unwrap(), c["quote"].as_str().unwrap()))
        .collect();
    assert_eq!(quotes.len(), 3, "{quotes:?}");
    assert!(quotes.contains(&("resursbrist", turn_text(&s, "kommun-a-1", 1).as_str())));
    assert!(quotes.contains(&("kompetensbrist", "Ni har")), "{quotes:?}");
    let two_sentences = quotes.iter().find(|q| q.0 == "lagkrav").unwrap().1;
    assert!(
        two_sentences.starts_with("Hm. Ja, alltså") && two_sentences.ends_with('.'),
        "{two_sentences}"
    );
    // Without a selection (Esc clears the one kept after coding) a shortcut only explains itself.
    feed(&mut s, "<esc>4");
    assert_eq!(codings(dir.path(), "tester").len(), 3);
    assert!(message(&s).contains("Select text first"));
}

#[test]
fn undo_and_redo_survive_a_restart() {
    let dir = common::sample();
    let mut s = open(dir.path(), "tester");
    feed(&mut s, "<enter>]V4]V5");
    assert_eq!(codings(dir.path(), "tester").len(), 2);
    feed(&mut s, "u");
    assert_eq!(codings(dir.path(), "tester").len(), 1);
    feed(&mut s, "<ctrl-r>");
    assert_eq!(codings(dir.path(), "tester").len(), 2);
    feed(&mut s, "uq");
    drop(s);
    let mut s = open(dir.path(), "tester");
    feed(&mut s, "u");
    assert!(
        codings(dir.path(), "tester").is_empty(),
        "undo after restart"
    );
    feed(&mut s, "<ctrl-r><ctrl-r>");
    let c = codings(dir.path(), "tester");
    assert_eq!(c.len(), 2);
    feed(&mut s, "<ctrl-r>");
    assert!(message(&s).contains("Nothing to redo"));
}

#[test]
fn memos_on_codings_and_transcripts() {
    let dir = common::sample();
    let mut s = open(dir.path(), "tester");
    feed(&mut s, "<enter>]V4m");
    assert!(matches!(s.state.overlay, Some(Overlay::Editor { .. })));
    feed(&mut s, "Bra citat<enter>om pengar<esc>");
    let c = codings(dir.path(), "tester");
    assert_eq!(c[0]["memo"], "Bra citat\nom pengar");
    feed(&mut s, "Mintervjun var kort<ctrl-s>");
    let f = json(&dir.path().join("codings/tester.json"));
    assert_eq!(f["doc_memos"]["kommun-a-1"]["text"], "intervjun var kort");
    // Ctrl-x discards; the memo stays as it was.
    feed(&mut s, "Mxyz<ctrl-x>");
    let f = json(&dir.path().join("codings/tester.json"));
    assert_eq!(f["doc_memos"]["kommun-a-1"]["text"], "intervjun var kort");
    feed(&mut s, "u");
    let f = json(&dir.path().join("codings/tester.json"));
    assert!(
        f.get("doc_memos").is_none(),
        "undo removes the transcript memo: {f}"
    );
}

#[test]
fn remove_asks_which_when_several_cover_the_cursor() {
    let dir = common::sample();
    let mut s = open(dir.path(), "tester");
    feed(&mut s, "<enter>]V4V5");
    assert_eq!(codings(dir.path(), "tester").len(), 2);
    feed(&mut s, "x");
    let Some(Overlay::Choose { items, .. }) = &s.state.overlay else {
        panic!("expected a choice")
    };
    assert_eq!(items.len(), 2);
    let second = items[1].1.clone();
    feed(&mut s, "<down><enter>");
    let c = codings(dir.path(), "tester");
    assert_eq!(c.len(), 1);
    assert_ne!(c[0]["id"], second.as_str());
    feed(&mut s, "x");
    assert!(codings(dir.path(), "tester").is_empty());
    feed(&mut s, "x");
    assert!(message(&s).contains("None of your codings"));
}

#[test]
fn new_code_from_the_picker_under_the_highlighted_parent() {
    let dir = common::sample();
    let mut s = open(dir.path(), "tester");
    feed(&mut s, "<enter>]VcTidsbrist i vardagen");
    let Some(Overlay::Picker(p)) = &s.state.overlay else {
        panic!("picker")
    };
    assert!(p.creating, "no code matches, so the picker offers parents");
    // (top level), Framgångsfaktorer, its five children, then Hinder (from the top of the list).
    feed(&mut s, "<pageup><pageup><pageup><pageup>");
    feed(&mut s, "<down><down><down><down><down><down><down><enter>");
    assert!(matches!(s.state.overlay, Some(Overlay::Confirm { .. })));
    feed(&mut s, "y");
    let book = json(&dir.path().join("codebook.json"));
    let hinder = book["codes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "hinder")
        .unwrap();
    let new = hinder["children"].as_array().unwrap().last().unwrap();
    assert_eq!(new["name"], "Tidsbrist i vardagen");
    assert_eq!(new["id"], "tidsbrist-i-vardagen");
    let c = codings(dir.path(), "tester");
    assert_eq!(c[0]["code"], "tidsbrist-i-vardagen");
    // Ctrl-n creates even when the name matches something fuzzily; n declines.
    feed(&mut s, "]Vcres<ctrl-n>n");
    assert!(s.state.overlay.is_none());
    assert_eq!(codings(dir.path(), "tester").len(), 1);
}

#[test]
fn codebook_add_rename_describe_move_merge_and_undo() {
    let dir = common::sample();
    let mut s = open(dir.path(), "tester");
    let original = std::fs::read_to_string(dir.path().join("codebook.json")).unwrap();
    // Tab twice: documents → transcript → codebook; row 6 is Hinder.
    feed(&mut s, "<tab><tab>jjjjjj");
    assert_eq!(s.state.selected_code().as_deref(), Some("hinder"));
    feed(&mut s, "aPersonalbrist<enter>");
    let book = s.state.project.codebook.clone();
    assert_eq!(book.parent_of("personalbrist"), Some("hinder"));
    assert!(
        json(&dir.path().join("codebook.json"))
            .to_string()
            .contains("Personalbrist")
    );
    feed(&mut s, "j");
    assert_eq!(s.state.selected_code().as_deref(), Some("resursbrist"));
    feed(&mut s, "r<ctrl-u>");
    // The prompt starts with the old name; Backspace edits it.
    feed(&mut s, &"<backspace>".repeat(20));
    feed(&mut s, "Brist på resurser<enter>");
    assert_eq!(
        s.state.project.codebook.get("resursbrist").unwrap().name,
        "Brist på resurser"
    );
    let before = s.state.project.codebook.get("resursbrist").unwrap().clone();
    // The editor holds the description, then the Include:/Exclude: notes; the cursor ends the description.
    feed(
        &mut s,
        "e<enter>Mest pengar.<down><down><end> Även vikarier.<esc>",
    );
    let after = s.state.project.codebook.get("resursbrist").unwrap().clone();
    assert_eq!(
        after.description,
        format!("{}\nMest pengar.", before.description)
    );
    assert_eq!(
        after.inclusion,
        format!("{} Även vikarier.", before.inclusion)
    );
    assert_eq!(after.exclusion, before.exclusion);
    feed(&mut s, "m<enter>");
    assert_eq!(
        s.state.project.codebook.parent_of("resursbrist"),
        None,
        "moved to the top level"
    );
    // Merge Personalbrist into Kompetensbrist.
    let row = s
        .state
        .tree_rows()
        .iter()
        .position(|r| r.1 == "personalbrist")
        .unwrap();
    s.state.tree.selected = row;
    feed(&mut s, "Mkompetens<enter>");
    assert!(
        s.state.project.codebook.get("personalbrist").is_none(),
        "{}",
        message(&s)
    );
    feed(&mut s, "uuuuu");
    let now = std::fs::read_to_string(dir.path().join("codebook.json")).unwrap();
    assert_eq!(
        serde_json::from_str::<Value>(&now).unwrap(),
        serde_json::from_str::<Value>(&original).unwrap(),
        "five undos restore the codebook"
    );
}

#[test]
fn merge_repoints_every_coders_codings_and_undo_restores_them() {
    let dir = common::sample();
    let count = |dir: &Path, coder: &str, code: &str| {
        codings(dir, coder)
            .iter()
            .filter(|c| c["code"] == code)
            .count()
    };
    let a_before = count(dir.path(), "praktikant-a", "kompetensbrist");
    let b_before = count(dir.path(), "praktikant-b", "kompetensbrist");
    assert!(a_before > 0 && b_before > 0);
    let mut s = open(dir.path(), "tester");
    let row = s
        .state
        .tree_rows()
        .iter()
        .position(|r| r.1 == "kompetensbrist")
        .unwrap();
    feed(&mut s, "<tab><tab>");
    s.state.tree.selected = row;
    feed(&mut s, "MResursbrist<enter>");
    assert_eq!(
        count(dir.path(), "praktikant-a", "kompetensbrist"),
        0,
        "{}",
        message(&s)
    );
    assert_eq!(count(dir.path(), "praktikant-b", "kompetensbrist"), 0);
    feed(&mut s, "u");
    assert_eq!(
        count(dir.path(), "praktikant-a", "kompetensbrist"),
        a_before
    );
    assert_eq!(
        count(dir.path(), "praktikant-b", "kompetensbrist"),
        b_before
    );
    // While praktikant-b has a session open, the merge is refused and nothing changes.
    let other = open(dir.path(), "praktikant-b");
    feed(&mut s, "MResursbrist<enter>");
    assert!(message(&s).contains("praktikant-b"), "{}", message(&s));
    assert!(s.state.project.codebook.get("kompetensbrist").is_some());
    assert_eq!(
        count(dir.path(), "praktikant-a", "kompetensbrist"),
        a_before
    );
    drop(other);
}

#[test]
fn a_failing_save_is_shown_kept_in_memory_and_retried() {
    let dir = common::sample();
    let codings_dir = dir.path().join("codings");
    let mut s = open(dir.path(), "tester");
    // A file where the codings folder should be makes every write of the coder file fail.
    let moved = dir.path().join("codings-away");
    std::fs::rename(&codings_dir, &moved).unwrap();
    std::fs::write(&codings_dir, "not a folder").unwrap();
    feed(&mut s, "<enter>]V4");
    assert!(!s.state.status.failing.is_empty());
    assert_eq!(s.state.status.message.as_ref().unwrap().0, Level::Error);
    assert!(message(&s).contains("Kept in memory"), "{}", message(&s));
    assert_eq!(s.state.mine().unwrap().codings.len(), 1);
    // Quitting now asks, instead of losing the coding.
    feed(&mut s, "q");
    assert!(!s.state.quit);
    feed(&mut s, "n");
    std::fs::remove_file(&codings_dir).unwrap();
    std::fs::rename(&moved, &codings_dir).unwrap();
    for _ in 0..8 {
        s.dispatch(Action::Tick);
    }
    assert!(s.state.status.failing.is_empty(), "{}", message(&s));
    assert_eq!(codings(dir.path(), "tester").len(), 1);
    feed(&mut s, "q");
    assert!(s.state.quit);
}

#[test]
fn second_session_of_the_same_coder_is_read_only() {
    let dir = common::sample();
    let first = open(dir.path(), "tester");
    let mut second = open(dir.path(), "tester");
    assert!(second.state.read_only.is_some());
    assert!(message(&second).contains("Read-only"));
    feed(&mut second, "<enter>]V4");
    assert!(codings(dir.path(), "tester").is_empty());
    assert!(message(&second).contains("Read-only"));
    drop(first);
}

#[test]
fn other_coders_layer_blind_mode_and_changes_on_disk() {
    let dir = common::sample();
    let mut s = open(dir.path(), "praktikant-a");
    feed(&mut s, "<enter>");
    let others = |s: &Session| {
        s.state
            .view
            .as_ref()
            .unwrap()
            .marks
            .iter()
            .filter(|m| m.coder.is_some())
            .count()
    };
    assert_eq!(others(&s), 0, "only my codings by default");
    feed(&mut s, "L");
    let shown = others(&s);
    assert!(shown > 0);
    feed(&mut s, "B");
    assert_eq!(others(&s), 0, "blind mode hides them");
    feed(&mut s, "L");
    assert_eq!(others(&s), 0, "and L cannot show them while blind");
    feed(&mut s, "BL]v");
    let cursor = s.state.view.as_ref().unwrap().cursor;
    // praktikant-b codes turn 1 of kommun-a-1 in another process; the change shows within a few ticks.
    let mut b = kodbok::store::Project::open(dir.path()).unwrap();
    let t = &b.transcripts["kommun-a-1"];
    let (st, en) = (t.turns[0].start, t.turns[0].end);
    let c = b.new_coding("kommun-a-1", st, en, "natverk").unwrap();
    b.coder_mut("praktikant-b").insert(c);
    b.save_coder("praktikant-b").unwrap();
    for _ in 0..4 {
        s.dispatch(Action::Tick);
    }
    assert_eq!(others(&s), shown + 1);
    let v = s.state.view.as_ref().unwrap();
    assert_eq!(
        (v.cursor, v.anchor),
        (cursor, Some(cursor)),
        "my cursor and selection are untouched"
    );
}

#[test]
fn retrieval_with_filter_and_jump() {
    let dir = common::sample();
    let mut s = open(dir.path(), "praktikant-a");
    feed(&mut s, "Rresursb<enter>");
    let mine = s.state.retrieval.rows.len();
    assert!(mine > 0);
    assert!(
        s.state
            .retrieval
            .rows
            .iter()
            .all(|r| r.coder == "praktikant-a")
    );
    feed(&mut s, "a");
    assert!(s.state.retrieval.rows.len() > mine);
    feed(&mut s, "fgrupp=låg<enter>");
    assert!(!s.state.retrieval.rows.is_empty());
    assert!(s.state.retrieval.rows.iter().all(|r| r.group == "låg"));
    // The prompt starts with the current filter.
    feed(&mut s, &format!("f{}grupp<enter>", "<backspace>".repeat(9)));
    assert!(
        message(&s).contains("key:value"),
        "a bad filter is explained"
    );
    feed(&mut s, "<esc>j<enter>");
    let seg = s.state.retrieval.rows[1].clone();
    let v = s.state.view.as_ref().unwrap();
    assert_eq!((v.doc.as_str(), v.cursor), (seg.doc.as_str(), seg.start));
}

#[test]
fn mouse_click_and_drag_select_then_code() {
    let dir = common::sample();
    let mut s = open(dir.path(), "tester");
    feed(&mut s, "<enter>");
    let g = s.state.text_geom().unwrap();
    let (x, y) = (g.text_x, g.y);
    s.dispatch(Action::Mouse(Mouse::Down { x, y }));
    s.dispatch(Action::Mouse(Mouse::Drag { x: x + 10, y }));
    s.dispatch(Action::Mouse(Mouse::Up));
    assert_eq!(s.state.view.as_ref().unwrap().selection(), Some((0, 11)));
    feed(&mut s, "0");
    let c = codings(dir.path(), "tester");
    assert_eq!(c[0]["quote"], "Intervjuare");
    s.dispatch(Action::Mouse(Mouse::ScrollDown { x, y }));
    assert_eq!(s.state.view.as_ref().unwrap().top, 3);
}

#[test]
fn user_keymap_is_merged_and_bad_entries_warn() {
    let dir = common::sample();
    std::fs::create_dir_all(dir.path().join(".kodbok")).unwrap();
    std::fs::write(
        dir.path().join(".kodbok/keymap.toml"),
        "[transcript]\n\"ctrl-t\" = \"select_turn\"\n\"F\" = \"fly\"\n",
    )
    .unwrap();
    let opts = SessionOptions {
        keymap_files: vec![dir.path().join(".kodbok/keymap.toml")],
        truecolor: true,
        ..Default::default()
    };
    let mut s = Session::open(dir.path(), "tester", &opts).unwrap();
    s.dispatch(Action::Resize(100, 30));
    assert!(
        message(&s).contains("unknown command \"fly\""),
        "{}",
        message(&s)
    );
    feed(&mut s, "<enter>]<ctrl-t>4");
    assert_eq!(codings(dir.path(), "tester").len(), 1);
    feed(&mut s, "]V5");
    assert_eq!(codings(dir.path(), "tester").len(), 2, "defaults are kept");
}

#[test]
fn reopens_where_the_coder_left_off() {
    let dir = common::sample();
    let mut s = open(dir.path(), "praktikant-a");
    feed(&mut s, "j<enter>]]]B");
    let (doc, cursor) = {
        let v = s.state.view.as_ref().unwrap();
        (v.doc.clone(), v.cursor)
    };
    assert_eq!(doc, "kommun-a-2");
    feed(&mut s, "q");
    drop(s);
    let s = open(dir.path(), "praktikant-a");
    let v = s.state.view.as_ref().expect("the transcript is open again");
    assert_eq!((v.doc.as_str(), v.cursor), (doc.as_str(), cursor));
    assert!(s.state.layers.blind, "blind mode is kept");
}

#[test]
fn mouse_on_lists_and_wide_layout_after_narrow() {
    let dir = common::sample();
    let mut s = open(dir.path(), "tester");
    feed(&mut s, "<enter>");
    // Narrow: only the transcript. Wide again: the documents list starts at its first case heading.
    s.dispatch(Action::Resize(60, 16));
    s.dispatch(Action::Resize(130, 30));
    let docs = s.state.panes().docs.unwrap();
    // Row 1 is "Kommun A", 2 kommun-a-1, 3 kommun-a-2, 4 "Kommun B", 5 kommun-b-1.
    s.dispatch(Action::Mouse(Mouse::Down {
        x: docs.x + 3,
        y: docs.y + 5,
    }));
    assert_eq!(s.state.view.as_ref().unwrap().doc, "kommun-b-1");
    let book = s.state.panes().codebook.unwrap();
    s.dispatch(Action::Mouse(Mouse::Down {
        x: book.x + 3,
        y: book.y + 8,
    }));
    assert_eq!(s.state.selected_code().as_deref(), Some("resursbrist"));
    assert_eq!(s.state.focus, kodbok::tui::app::Focus::Codebook);
}

#[test]
fn simultaneous_codebook_edits_never_overwrite_each_other() {
    let dir = common::sample();
    let mut a = open(dir.path(), "tester");
    let mut b = open(dir.path(), "praktikant-a");
    feed(&mut b, "<tab><tab>AFrån B<enter>");
    // A has not polled yet: its edit would overwrite B's, so it is refused and B's codebook shown.
    feed(&mut a, "<tab><tab>AFrån A<enter>");
    assert!(
        message(&a).contains("Another session changed the codebook"),
        "{}",
        message(&a)
    );
    let names = |s: &Session| {
        s.state
            .project
            .codebook
            .flatten()
            .iter()
            .map(|f| f.code.name.clone())
            .collect::<Vec<_>>()
    };
    assert!(
        names(&a).contains(&"Från B".to_string()) && !names(&a).contains(&"Från A".to_string())
    );
    feed(&mut a, "AFrån A<enter>");
    let on_disk = std::fs::read_to_string(dir.path().join("codebook.json")).unwrap();
    assert!(on_disk.contains("Från A") && on_disk.contains("Från B"));
    // B picks A's code up from disk on its next poll.
    for _ in 0..4 {
        b.dispatch(Action::Tick);
    }
    assert!(names(&b).contains(&"Från A".to_string()));
}

/// Only the terminal code talks to crossterm, and views never get a mutable state.
#[test]
fn terminal_library_and_mutation_stay_where_they_belong() {
    fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                files(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let src = common::repo().join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    for f in all {
        let text = std::fs::read_to_string(&f).unwrap();
        let rel = f
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if text.contains("crossterm") {
            assert!(
                rel == "tui.rs" || rel == "tui/terminal.rs",
                "{rel} uses crossterm"
            );
        }
        if rel.starts_with("tui/views") {
            assert!(!text.contains("&mut AppState"), "{rel} changes the state");
        }
    }
}
