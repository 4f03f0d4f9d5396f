//! Flow tests of the agreement screen (K): key strings through the real keymap on a temp copy of the sample study,
//! asserting the consensus layer written to `codings/konsensus.json` and read back by the library.

use crate::common;

use kodbok::agreement::consensus::matches;
use kodbok::store::Project;
use kodbok::tui::Session;
use kodbok::tui::action::{Action, Mouse};
use kodbok::tui::app::Screen;
use std::path::Path;

fn open(dir: &Path, coder: &str) -> Session {
    common::session(dir, coder, 100, 30)
}

use crate::common::feed;

use crate::common::message;

/// What the layer on disk holds in the unit of disagreement `row`, as `consensus::matches` says.
fn on_disk(dir: &Path, s: &Session, row: usize) -> Vec<String> {
    let p = Project::open(dir).unwrap();
    let d = &s.state.agree.rows[row];
    let coders = ["praktikant-a".to_string(), "praktikant-b".to_string()];
    let empty = kodbok::model::CoderFile::new("konsensus");
    let layer = p.coders.get("konsensus").unwrap_or(&empty);
    matches(&p, &coders, layer, &d.unit_ref())
}

fn layer_len(dir: &Path) -> usize {
    Project::open(dir)
        .unwrap()
        .coders
        .get("konsensus")
        .map_or(0, |f| f.codings.len())
}

#[test]
fn decide_a_b_both_neither_then_undo_and_redo() {
    let dir = common::sample();
    let mut s = open(dir.path(), "praktikant-a");
    feed(&mut s, "K");
    assert_eq!(s.state.screen, Screen::Agreement);
    let v = &s.state.agree;
    assert_eq!(
        (v.a.as_str(), v.b.as_str()),
        ("praktikant-a", "praktikant-b")
    );
    assert_eq!(v.rows.len(), 60, "{}", message(&s));
    assert!(v.decided.iter().all(|d| d == "open"));
    let k = v.stats.as_ref().unwrap().cohen_kappa.unwrap();
    assert!(
        (k - 0.650).abs() < 0.001,
        "pooled kappa as `kodbok agree`: {k}"
    );

    // Row 0: A coded it, B did not. `a` takes A's coding and moves on to row 1.
    feed(&mut s, "a");
    assert_eq!(s.state.agree.selected, 1);
    assert_eq!(s.state.agree.decided[0], "A");
    assert!(on_disk(dir.path(), &s, 0).contains(&"praktikant-a".to_string()));
    let after_a = layer_len(dir.path());
    assert!(after_a >= 1);
    // Row 2: B coded it; `b` takes B's. Row 3 gets both, row 4 neither.
    feed(&mut s, "jb+x");
    // Where only A applied the code, both is the same as A.
    assert_eq!(
        s.state.agree.decided[..5],
        ["A", "open", "B", "A", "neither"]
    );
    assert!(on_disk(dir.path(), &s, 2).contains(&"praktikant-b".to_string()));
    assert!(on_disk(dir.path(), &s, 4).contains(&"neither".to_string()));
    assert!(message(&s).contains("neither"), "{}", message(&s));

    // Undo goes back through the decisions, on disk too; redo brings them back.
    feed(&mut s, "uu");
    assert_eq!(s.state.agree.decided[2..5], ["B", "open", "open"]);
    assert!(on_disk(dir.path(), &s, 3).contains(&"neither".to_string()));
    feed(&mut s, "<ctrl-r>");
    assert_eq!(s.state.agree.decided[3..5], ["A", "open"]);
    assert!(on_disk(dir.path(), &s, 3).contains(&"both".to_string()));
    feed(&mut s, "<ctrl-r>");
    assert_eq!(s.state.agree.decided[4], "neither");

    // The undo history survives a restart, decisions included.
    feed(&mut s, "q");
    drop(s);
    let mut s = open(dir.path(), "praktikant-a");
    feed(&mut s, "Kuuuu");
    assert_eq!(layer_len(dir.path()), 0, "{}", message(&s));
    assert!(s.state.agree.decided.iter().all(|d| d == "open"));
}

#[test]
fn konsensus_is_a_coder_file_like_any_other() {
    let dir = common::sample();
    let mut s = open(dir.path(), "praktikant-a");
    feed(&mut s, "Ka");
    let file = dir.path().join("codings").join("konsensus.json");
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(v["coder"], "konsensus");
    // The CLI reads it like any coder file: its disagreement list shows the decision.
    let id = s.state.agree.rows[0].id.clone();
    let shown = common::json(
        dir.path(),
        &[
            "consensus",
            "show",
            &id,
            "--coders",
            "praktikant-a,praktikant-b",
            "--format",
            "json",
        ],
    );
    assert!(
        shown[0]["konsensus"].to_string().contains("praktikant-a"),
        "{shown}"
    );
    let segs = common::json(
        dir.path(),
        &["segments", "--coder", "konsensus", "--format", "json"],
    );
    assert!(!segs.as_array().unwrap().is_empty(), "{segs}");
    // The workbench shows it with the other coders and counts it.
    assert!(s.state.project.coders.contains_key("konsensus"));
    let mut other = open(dir.path(), "praktikant-b");
    feed(&mut other, "L");
    assert!(message(&other).contains("konsensus"), "{}", message(&other));
    // The layer is never one of the compared coders.
    feed(&mut s, "o");
    assert_eq!(s.state.agree.b, "praktikant-b");

    // A decision made elsewhere (the CLI) shows within a few ticks.
    let p = Project::open(dir.path()).unwrap();
    let r = s.state.agree.rows[2].unit_ref();
    p.update_coder("konsensus", |layer| {
        kodbok::agreement::consensus::take(&p, layer, &r, &["praktikant-b".into()]).unwrap();
        Ok(())
    })
    .unwrap();
    for _ in 0..4 {
        s.dispatch(Action::Tick);
    }
    assert_eq!(s.state.agree.decided[2], "B");
}

#[test]
fn a_locked_layer_is_refused_and_nothing_is_written() {
    let dir = common::sample();
    let p = Project::open(dir.path()).unwrap();
    let _lock = p.lock_coder("konsensus").unwrap();
    let mut s = open(dir.path(), "praktikant-a");
    feed(&mut s, "Ka");
    assert!(message(&s).contains("another session"), "{}", message(&s));
    assert!(!dir.path().join("codings").join("konsensus.json").exists());
    assert_eq!(s.state.agree.selected, 0);
    assert!(s.state.history.undo.is_empty());
}

#[test]
fn unit_code_coder_and_jump() {
    let dir = common::sample();
    // A third coder sharing one transcript with praktikant-a.
    let mut p = Project::open(dir.path()).unwrap();
    let t = &p.transcripts["kommun-a-1"];
    let (st, en) = (t.turns[3].start, t.turns[3].end);
    let c = p.new_coding("kommun-a-1", st, en, "resursbrist").unwrap();
    p.coder_mut("praktikant-c").insert(c);
    p.save_coder("praktikant-c").unwrap();

    let mut s = open(dir.path(), "praktikant-a");
    feed(&mut s, "K");
    assert_eq!(s.state.agree.b, "praktikant-b", "most shared transcripts");
    feed(&mut s, "o");
    assert_eq!(s.state.agree.b, "praktikant-c");
    assert_eq!(s.state.agree.docs, 1);
    feed(&mut s, "o");
    assert_eq!(s.state.agree.b, "praktikant-b");

    feed(&mut s, "t");
    assert!(s.state.agree.rows.iter().all(|d| d.unit.starts_with('s')));
    feed(&mut s, "cresursb<enter>");
    assert_eq!(s.state.screen, Screen::Agreement);
    assert_eq!(s.state.agree.code.as_deref(), Some("resursbrist"));
    assert!(!s.state.agree.rows.is_empty());
    assert!(s.state.agree.rows.iter().all(|d| d.target == "resursbrist"));
    let kept = s.state.agree.current().unwrap().id.clone();
    feed(&mut s, "C");
    assert_eq!(s.state.agree.code, None);
    assert_eq!(
        s.state.agree.current().unwrap().id,
        kept,
        "the same unit stays selected"
    );

    feed(&mut s, "gj");
    let d = s.state.agree.rows[1].clone();
    feed(&mut s, "<enter>");
    assert_eq!(s.state.screen, Screen::Workbench);
    let v = s.state.view.as_ref().unwrap();
    assert_eq!((v.doc.as_str(), v.cursor), (d.doc.as_str(), d.start));
    assert!(s.state.layers.others, "both coders' codings are shown");
    feed(&mut s, "K");
    assert_eq!(s.state.agree.selected, 1, "back where we were");
}

#[test]
fn blind_mode_and_a_lone_coder() {
    let dir = common::sample();
    let mut s = open(dir.path(), "praktikant-a");
    feed(&mut s, "BK");
    assert_eq!(s.state.screen, Screen::Workbench);
    assert!(message(&s).contains("Blind mode"));
    std::fs::remove_file(dir.path().join("codings").join("praktikant-b.json")).unwrap();
    let mut s = open(dir.path(), "praktikant-a");
    feed(&mut s, "BK");
    assert!(message(&s).contains("two coders"), "{}", message(&s));
}

#[test]
fn a_click_selects_a_row_and_the_wheel_moves() {
    let dir = common::sample();
    let mut s = open(dir.path(), "praktikant-a");
    feed(&mut s, "K");
    // Border, two header lines: the third list row is at y = 5.
    s.dispatch(Action::Mouse(Mouse::Down { x: 10, y: 5 }));
    assert_eq!(s.state.agree.selected, 2);
    s.dispatch(Action::Mouse(Mouse::ScrollDown { x: 10, y: 5 }));
    assert_eq!(s.state.agree.selected, 3);
    s.dispatch(Action::Mouse(Mouse::Down { x: 10, y: 28 }));
    assert_eq!(
        s.state.agree.selected, 3,
        "a click below the list changes nothing"
    );
}

#[test]
fn blind_mode_closes_the_agreement_screen() {
    let dir = common::sample();
    let mut s = open(dir.path(), "praktikant-a");
    feed(&mut s, "K");
    assert_eq!(s.state.screen, Screen::Agreement);
    feed(&mut s, "B");
    assert_eq!(s.state.screen, Screen::Workbench);
}
