//! Flow tests of the group comparison screen (`S`): layers, blind mode, the segments behind a number,
//! jumping to the passage, and recomputing when codings change. Numbers are checked against the library.

use crate::common;

use kodbok::analysis::Layer;
use kodbok::analysis::summary::compute;
use kodbok::tui::Session;
use kodbok::tui::action::{Action, Mouse};
use kodbok::tui::app::{Level, Screen};
use kodbok::tui::keymap::KeyContext;
use kodbok::tui::summary::LayerChoice;
use std::path::Path;

fn open(dir: &Path, coder: &str) -> Session {
    common::session(dir, coder, 100, 30)
}

use crate::common::feed;

/// Segments in the screen's cell of `code` for `group`.
fn shown(s: &Session, code: &str, group: Option<&str>) -> usize {
    let sum = s.state.summary.summary().expect("numbers shown");
    sum.cell(code, group).unwrap().segments()
}

/// The library's count for the same cell.
fn library(s: &Session, layer: &Layer, code: &str, group: Option<&str>) -> usize {
    let sum = compute(&s.state.project, layer, "grupp").unwrap();
    sum.cell(code, group).unwrap().segments()
}

fn message(s: &Session) -> (Level, String) {
    s.state
        .status
        .message
        .clone()
        .unwrap_or((Level::Info, String::new()))
}

#[test]
fn layers_cycle_and_match_the_library() {
    let dir = common::sample();
    let mut s = open(dir.path(), "praktikant-a");
    // All coders first, as `kodbok summary` counts by default.
    feed(&mut s, "S");
    assert_eq!(s.state.screen, Screen::Summary);
    assert_eq!(s.state.context(), KeyContext::Summary);
    assert_eq!(s.state.summary.layer, LayerChoice::AllCoders);
    let all = library(&s, &Layer::AllCoders, "hinder", Some("låg"));
    assert_eq!(shown(&s, "hinder", Some("låg")), all);
    feed(&mut s, "a");
    assert_eq!(s.state.summary.layer, LayerChoice::Mine);
    let mine = Layer::Coder("praktikant-a".into());
    for code in ["hinder", "resursbrist", "framgangsfaktorer"] {
        for g in [Some("hög"), Some("låg"), None] {
            let want = library(&s, &mine, code, g);
            assert_eq!(shown(&s, code, g), want, "{code} {g:?}");
        }
    }
    assert!(all > library(&s, &mine, "hinder", Some("låg")));
    feed(&mut s, "a");
    assert_eq!(s.state.summary.layer, LayerChoice::Consensus);
    assert!(
        s.state.summary.summary().is_none(),
        "no konsensus file in the sample"
    );
    feed(&mut s, "a<esc>");
    assert_eq!(s.state.summary.layer, LayerChoice::AllCoders);
    assert_eq!(s.state.screen, Screen::Workbench);
}

#[test]
fn the_last_layer_is_remembered_in_the_next_session() {
    let dir = common::sample();
    let mut s = open(dir.path(), "praktikant-a");
    feed(&mut s, "Sa<esc>q");
    drop(s);
    let s = open(dir.path(), "praktikant-a");
    assert_eq!(s.state.summary.layer, LayerChoice::Mine);
}

#[test]
fn blind_mode_counts_only_my_codings() {
    let dir = common::sample();
    let mut s = open(dir.path(), "praktikant-a");
    feed(&mut s, "S");
    assert_eq!(s.state.summary.layer, LayerChoice::AllCoders);
    // Turning blind mode on while the screen is open drops the merged layer at once.
    feed(&mut s, "B");
    assert_eq!(s.state.summary.layer, LayerChoice::Mine);
    let mine = Layer::Coder("praktikant-a".into());
    assert_eq!(
        shown(&s, "hinder", None),
        library(&s, &mine, "hinder", None)
    );
    feed(&mut s, "a");
    assert_eq!(s.state.summary.layer, LayerChoice::Mine);
    assert_eq!(message(&s).0, Level::Warn);
    // The segments behind a number are mine only.
    feed(&mut s, "<enter>");
    let list = s.state.summary.list.as_ref().unwrap();
    assert!(!list.rows.is_empty());
    assert!(list.rows.iter().all(|r| r.coder == "praktikant-a"));
}

#[test]
fn enter_lists_the_segments_and_jumps_to_the_passage() {
    let dir = common::sample();
    let mut s = open(dir.path(), "praktikant-a");
    // Row 2 is Enkla metoder; column 0 is hög.
    feed(&mut s, "Sjj");
    let sum = s.state.summary.summary().unwrap();
    assert_eq!(sum.rows[2].code, "enkla-metoder");
    let cell = sum.cell("enkla-metoder", Some("hög")).unwrap().clone();
    let mut want: Vec<String> = sum.coding_ids(&cell).map(str::to_string).collect();
    want.sort();
    feed(&mut s, "<enter>");
    assert_eq!(s.state.context(), KeyContext::SummaryCell);
    let list = s.state.summary.list.clone().unwrap();
    assert_eq!(list.rows.len(), cell.segments());
    let mut ids: Vec<&str> = list.rows.iter().map(|r| r.id.as_str()).collect();
    ids.sort();
    assert_eq!(ids, want);
    assert!(list.rows.iter().all(|r| r.group == "hög"));
    // Esc goes back to the table, Enter opens the list again, j and Enter jump to the second segment.
    feed(&mut s, "<esc>");
    assert_eq!(s.state.context(), KeyContext::Summary);
    feed(&mut s, "<enter>j<enter>");
    let target = &list.rows[1];
    assert_eq!(s.state.screen, Screen::Workbench);
    let view = s.state.view.as_ref().unwrap();
    assert_eq!(view.doc, target.doc);
    assert_eq!(view.cursor, target.start);
    // S comes back to the list where it was left.
    feed(&mut s, "S");
    assert_eq!(s.state.context(), KeyContext::SummaryCell);
    assert_eq!(s.state.summary.list.as_ref().unwrap().selected, 1);
}

#[test]
fn an_empty_cell_says_so() {
    let dir = common::sample();
    let mut s = open(dir.path(), "praktikant-a");
    // Ledningens engagemang in låg: praktikant-a has none.
    feed(&mut s, "Sajl");
    assert_eq!(shown(&s, "ledningens-engagemang", Some("låg")), 0);
    feed(&mut s, "<enter>");
    assert_eq!(s.state.context(), KeyContext::Summary);
    assert!(message(&s).1.contains("No segments"));
}

#[test]
fn recomputed_after_my_coding_and_undo() {
    let dir = common::sample();
    let mut s = open(dir.path(), "tester");
    feed(&mut s, "Sa");
    assert!(
        s.state.summary.summary().is_none(),
        "tester has no codings yet"
    );
    feed(&mut s, "<esc><enter>]Vcresursb<enter>S");
    assert_eq!(shown(&s, "resursbrist", Some("hög")), 1);
    assert_eq!(shown(&s, "hinder", None), 1, "a theme counts its sub-codes");
    // Undo while the screen is open takes the number back.
    feed(&mut s, "u");
    assert_eq!(shown(&s, "resursbrist", Some("hög")), 0);
}

#[test]
fn recomputed_when_another_coders_file_is_reloaded() {
    let dir = common::sample();
    let mut s = open(dir.path(), "praktikant-a");
    feed(&mut s, "S");
    let before = shown(&s, "resursbrist", None);
    let mut other = s.state.project.coders["praktikant-b"].clone();
    let n = other
        .codings
        .iter()
        .filter(|c| c.code == "resursbrist")
        .count();
    assert!(n > 0);
    other.codings.retain(|c| c.code != "resursbrist");
    s.dispatch(Action::CoderChanged(
        "praktikant-b".into(),
        Some(Box::new(other)),
    ));
    assert_eq!(shown(&s, "resursbrist", None), before - n);
    assert_eq!(
        shown(&s, "resursbrist", None),
        library(&s, &Layer::AllCoders, "resursbrist", None)
    );
}

#[test]
fn chart_toggles_and_moves_between_groups() {
    let dir = common::sample();
    let mut s = open(dir.path(), "praktikant-a");
    feed(&mut s, "Slll");
    assert_eq!(s.state.summary.col, 2, "hög, låg, all");
    feed(&mut s, "t");
    assert!(s.state.summary.chart);
    assert_eq!(s.state.summary.col, 1, "the chart has no total column");
    feed(&mut s, "hjjG");
    assert_eq!(s.state.summary.col, 0);
    let rows = s.state.summary.summary().unwrap().rows.len();
    assert_eq!(s.state.summary.row, rows - 1);
    feed(&mut s, "t");
    assert!(!s.state.summary.chart);
}

#[test]
fn mouse_wheel_and_click_select_rows() {
    let dir = common::sample();
    let mut s = open(dir.path(), "praktikant-a");
    feed(&mut s, "S");
    s.dispatch(Action::Mouse(Mouse::ScrollDown { x: 10, y: 10 }));
    assert_eq!(s.state.summary.row, 1);
    // The first table row is drawn on line 4 (frame, layer line, two header lines).
    s.dispatch(Action::Mouse(Mouse::Down { x: 10, y: 6 }));
    assert_eq!(s.state.summary.row, 2);
    feed(&mut s, "<enter>");
    assert_eq!(s.state.context(), KeyContext::SummaryCell);
}
