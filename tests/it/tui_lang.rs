//! The workbench in Swedish and English, and on a small terminal: render snapshots at 60×15, 80×24 and 120×40, the
//! Swedish help, footer and command texts from the catalogue, and long messages that stay readable.

use crate::common::{self, feed};
use kodbok::i18n::{Lang, with_lang};
use kodbok::tui::{Session, views};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SIZES: [(u16, u16); 3] = [(60, 15), (80, 24), (120, 40)];

fn draw(s: &mut Session, w: u16, h: u16) -> Terminal<TestBackend> {
    s.state.project_name = "sample".into();
    if s.state.status.last_saved.is_some() {
        s.state.status.last_saved = Some("12:00:00".into());
    }
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| views::draw(f, &s.state)).unwrap();
    term
}

/// One snapshot per size of the screen after `keys`, in `lang`.
fn snap(lang: Lang, name: &str, coder: &str, keys: &str) {
    with_lang(lang, || {
        for (w, h) in SIZES {
            let dir = common::sample();
            let mut s = common::session(dir.path(), coder, w, h);
            feed(&mut s, keys);
            let term = draw(&mut s, w, h);
            insta::assert_snapshot!(format!("{lang}_{name}_{w}x{h}"), term.backend());
        }
    });
}

fn both(name: &str, coder: &str, keys: &str) {
    snap(Lang::Sv, name, coder, keys);
    snap(Lang::En, name, coder, keys);
}

/// As [`snap`], for screens that wait for the search index: the index thread finishes after the keys.
fn snap_indexed(lang: Lang, name: &str, prepare: fn(&std::path::Path), keys: &str) {
    with_lang(lang, || {
        for (w, h) in SIZES {
            let dir = common::sample();
            prepare(dir.path());
            let mut s = common::session(dir.path(), "praktikant-a", w, h);
            feed(&mut s, keys);
            s.wait_index(std::time::Duration::from_secs(60));
            let term = draw(&mut s, w, h);
            insta::assert_snapshot!(format!("{lang}_{name}_{w}x{h}"), term.backend());
        }
    });
}

/// Gives resursbrist the saved query `resurs*`.
fn resurs_query(dir: &std::path::Path) {
    let cb = dir.join("codebook.json");
    let text = std::fs::read_to_string(&cb).unwrap().replace(
        "\"id\": \"resursbrist\",",
        "\"id\": \"resursbrist\", \"query\": \"resurs*\",",
    );
    std::fs::write(&cb, text).unwrap();
}

/// The suggestion review screen (`F`) for resursbrist's saved query.
#[test]
fn suggestion_review() {
    for lang in [Lang::Sv, Lang::En] {
        snap_indexed(lang, "suggest", resurs_query, "F");
    }
}

/// The search pane: the syntax while the query is empty, and hits with the status and scope lines.
#[test]
fn search_pane() {
    for lang in [Lang::Sv, Lang::En] {
        snap_indexed(lang, "search_syntax", |_| {}, "/");
        snap_indexed(lang, "search_hits", |_| {}, "/resurs grupp=LÅG");
    }
}

#[test]
fn start_screen() {
    both("start", "praktikant-a", "");
}

#[test]
fn transcript_with_stripes() {
    both("transcript", "praktikant-a", "<enter>]]]");
}

#[test]
fn selection_after_coding() {
    both("coded", "tester", "<enter>]V4");
}

#[test]
fn code_picker() {
    both("picker", "praktikant-a", "<enter>]Vcresurs");
}

#[test]
fn new_code_dialog() {
    both("confirm", "praktikant-a", "<enter>]VcTidsbrist<enter>");
}

#[test]
fn help_screen() {
    both("help", "praktikant-a", "?");
}

#[test]
fn group_comparison() {
    both("summary", "praktikant-a", "S");
}

/// What the Swedish screen shows, as text.
fn text(term: &Terminal<TestBackend>) -> String {
    let buf = term.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn swedish_help_footer_and_status_come_from_the_catalogue() {
    with_lang(Lang::Sv, || {
        let dir = common::sample();
        let mut s = common::session(dir.path(), "tester", 80, 24);
        feed(&mut s, "<enter>]V");
        let screen = text(&draw(&mut s, 80, 24));
        assert!(screen.contains("MARKERA"), "{screen}");
        assert!(screen.contains("c koda"), "footer: {screen}");
        feed(&mut s, "4");
        assert!(common::message(&s).starts_with("Kodade Resursbrist"));
        feed(&mut s, "<esc>?");
        let screen = text(&draw(&mut s, 80, 24));
        assert!(screen.contains("Hjälp: alla tangenter"), "{screen}");
        assert!(
            screen.contains("avsluta (allt är redan sparat)"),
            "{screen}"
        );
    });
}

#[test]
fn a_long_message_goes_on_in_the_footer_line() {
    let dir = common::sample();
    let mut s = common::session(dir.path(), "tester", 80, 24);
    let long = "Read-only: intern-1's codings are open in another session (anna on kodbok-server, pid 4242).";
    s.state.message(kodbok::tui::app::Level::Warn, long);
    let screen = text(&draw(&mut s, 80, 24));
    let lines: Vec<&str> = screen.lines().collect();
    let two = format!("{} {}", lines[22], lines[23]);
    for word in long.split(' ') {
        assert!(two.contains(word), "{word:?} missing from {two:?}");
    }
}

#[test]
fn a_stripe_label_is_drawn_once_at_60x15() {
    let dir = common::sample();
    let mut s = common::session(dir.path(), "tester", 60, 15);
    // Code the second turn, then go back to its start so the coding's first line is on screen.
    feed(&mut s, "<enter>]V4<esc>gg]");
    let screen = text(&draw(&mut s, 60, 15));
    let g = s.state.text_geom().unwrap();
    let labels = screen
        .lines()
        .filter(|l| {
            l.chars()
                .skip(g.margin_x as usize)
                .collect::<String>()
                .contains("Resurs")
        })
        .count();
    assert_eq!(labels, 1, "{screen}");
    // The label is on the line where the coded turn's text starts.
    let v = s.state.view.as_ref().unwrap();
    let t = s.state.doc().unwrap();
    let start = t.turns[1].start;
    let row = v
        .lines()
        .iter()
        .position(|l| l.start <= start && start < l.end.max(l.start + 1))
        .unwrap();
    assert!(row >= v.top, "the coded turn's first line is on screen");
    let y = g.y as usize + row - v.top;
    let line: String = screen
        .lines()
        .nth(y)
        .unwrap()
        .chars()
        .skip(g.margin_x as usize)
        .collect();
    assert!(line.contains("Resurs"), "row {y}: {screen}");
}
