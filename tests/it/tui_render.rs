//! Render snapshots (insta + TestBackend) of every pane and mode at 80×24 and 120×40, plus an empty project,
//! a hostile transcript with escape sequences, and style checks for the cursor and selection.

use crate::common;

use kodbok::tui::action::Action;
use kodbok::tui::{Session, SessionOptions, views};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;
use std::path::Path;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn session(dir: &Path, coder: &str, w: u16, h: u16) -> Session {
    let mut s = Session::open(dir, coder, &SessionOptions::default()).unwrap();
    s.dispatch(Action::Resize(w, h));
    s
}

/// Draws the session with time- and path-dependent parts fixed.
fn screen(s: &mut Session, w: u16, h: u16) -> Terminal<TestBackend> {
    if s.state.status.last_saved.is_some() {
        s.state.status.last_saved = Some("12:00:00".into());
    }
    s.state.project_name = "sample".into();
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| views::draw(f, &s.state)).unwrap();
    assert_clean(&term);
    term
}

/// No cell may hold a control or bidi-override character: nothing from a file reaches the terminal raw.
fn assert_clean(term: &Terminal<TestBackend>) {
    for cell in term.backend().buffer().content() {
        let bad = cell.symbol().chars().any(kodbok::model::text::is_forbidden);
        assert!(!bad, "control character in cell {:?}", cell.symbol());
    }
}

/// One snapshot per size of the screen after `keys`, for `coder` on the sample study.
fn snap(name: &str, coder: &str, keys: &str) {
    for (w, h) in SIZES {
        let dir = common::sample();
        let mut s = session(dir.path(), coder, w, h);
        s.feed(keys).unwrap();
        let term = screen(&mut s, w, h);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), term.backend());
    }
}

#[test]
fn documents_pane_on_start() {
    snap("start", "praktikant-a", "");
}

#[test]
fn transcript_with_codings_and_stripes() {
    snap("transcript", "praktikant-a", "<enter>]]]");
}

#[test]
fn selection_by_words() {
    snap("select", "praktikant-a", "<enter>]]]vwwwww");
}

#[test]
fn code_picker_filtering() {
    snap("picker", "praktikant-a", "<enter>]Vcresurs");
}

#[test]
fn code_picker_offers_a_new_code() {
    snap(
        "picker_new",
        "praktikant-a",
        "<enter>]VcTidsbrist<down><down><down><down><down><down><down>",
    );
}

#[test]
fn confirm_new_code() {
    snap("confirm", "praktikant-a", "<enter>]VcTidsbrist<enter>");
}

#[test]
fn codebook_pane_focused() {
    snap("codebook", "praktikant-a", "<enter><tab>jjjjjjj<enter>");
}

#[test]
fn rename_prompt() {
    snap("prompt", "praktikant-a", "<tab><tab>jr");
}

#[test]
fn memo_editor() {
    snap(
        "editor",
        "tester",
        "<enter>]V4mEtt viktigt citat<enter>om resurser.",
    );
}

#[test]
fn describe_editor() {
    snap("describe", "praktikant-a", "<tab><tab>je");
}

#[test]
fn choose_which_coding_to_remove() {
    snap("choose", "tester", "<enter>]V4V5x");
}

#[test]
fn retrieval_screen() {
    snap("retrieval", "praktikant-a", "Rresursb<enter>a");
}

#[test]
fn help_overlay() {
    snap("help", "praktikant-a", "?");
}

#[test]
fn other_coders_layer() {
    snap("layers", "praktikant-a", "<enter>]]]L");
}

#[test]
fn blind_mode() {
    snap("blind", "praktikant-a", "<enter>]]]B<tab>");
}

#[test]
fn read_only_session() {
    for (w, h) in SIZES {
        let dir = common::sample();
        let _first = session(dir.path(), "praktikant-a", w, h);
        let mut s = session(dir.path(), "praktikant-a", w, h);
        s.feed("<enter>]V4").unwrap();
        // The lock holder (pid, user, host, time) differs on every run.
        let holder = s.state.read_only.clone().unwrap();
        let fixed = "kodbok pid 4242 (user intern, host server, since 2026-05-07 10:00:00)";
        if let Some((_, m)) = s.state.status.message.as_mut() {
            *m = m.replace(&holder, fixed);
        }
        let text = screen(&mut s, w, h).backend().to_string();
        insta::assert_snapshot!(format!("read_only_{w}x{h}"), text);
    }
}

#[test]
fn save_failure_status() {
    for (w, h) in SIZES {
        let dir = common::sample();
        let mut s = session(dir.path(), "tester", w, h);
        let codings = dir.path().join("codings");
        std::fs::rename(&codings, dir.path().join("away")).unwrap();
        std::fs::write(&codings, "").unwrap();
        s.feed("<enter>]V4").unwrap();
        let mut term = screen(&mut s, w, h);
        // The OS error text differs between systems; the status bar shape is what matters.
        let line = (0..w)
            .map(|x| term.backend().buffer()[(x, h - 2)].symbol().to_string())
            .collect::<String>();
        assert!(line.contains("Could not save codings"), "{line}");
        assert!(line.contains("NOT SAVED"), "{line}");
        s.state.status.message = Some((
            kodbok::tui::app::Level::Error,
            "Could not save codings: (error). Kept in memory; retrying.".into(),
        ));
        term = screen(&mut s, w, h);
        insta::assert_snapshot!(format!("save_failed_{w}x{h}"), term.backend());
    }
}

#[test]
fn empty_project() {
    for (w, h) in SIZES {
        let dir = tempfile::tempdir().unwrap();
        kodbok::store::Project::init(dir.path(), true).unwrap();
        let mut s = session(dir.path(), "tester", w, h);
        s.feed("<enter>").unwrap();
        let term = screen(&mut s, w, h);
        insta::assert_snapshot!(format!("empty_{w}x{h}"), term.backend());
        s.feed("<tab><tab>").unwrap();
        let term = screen(&mut s, w, h);
        insta::assert_snapshot!(format!("empty_codebook_{w}x{h}"), term.backend());
    }
}

/// A transcript written by hand (not imported) with escape sequences, bidi overrides, wide and combining characters.
#[test]
fn hostile_transcript() {
    for (w, h) in SIZES {
        let dir = tempfile::tempdir().unwrap();
        kodbok::store::Project::init(dir.path(), false).unwrap();
        let text = "---\nid: farlig\ncase: Kommun \u{1b}[31mX\n---\n\n\
                    Intervjuare: Hej\u{1b}[2J\u{1b}]0;pwned\u{7} där.\n\n\
                    Respondent: Vi har \u{202e}resurser\u{202c} och 日本語のテキスト, e\u{301}, 👩‍👩‍👧 och\ttabb.\n\u{1b}[?1049l\n\n\
                    [00:01:02.500] Anna Svensson: Från en VTT-fil, med tidsstämpel.\n";
        std::fs::write(dir.path().join("transcripts/farlig.txt"), text).unwrap();
        let mut s = session(dir.path(), "tester", w, h);
        s.feed("<enter>]V").unwrap();
        let term = screen(&mut s, w, h);
        // Speakers are bold; an imported timestamp is dimmed.
        let buf = term.backend().buffer();
        let find = |text: &str| {
            (0..h).find_map(|y| {
                let line: String = (0..w).map(|x| buf[(x, y)].symbol().to_string()).collect();
                line.find(text)
                    .map(|i| (line[..i].chars().count() as u16, y))
            })
        };
        let (x, y) = find("Anna Svensson").unwrap();
        assert!(
            buf[(x, y)]
                .modifier
                .contains(ratatui::style::Modifier::BOLD)
        );
        let (x, y) = find("[00:01").unwrap();
        assert_eq!(buf[(x, y)].fg, Color::DarkGray);
        insta::assert_snapshot!(format!("hostile_{w}x{h}"), term.backend());
    }
}

#[test]
fn cursor_and_selection_are_drawn() {
    let dir = common::sample();
    let mut s = session(dir.path(), "tester", 80, 24);
    s.feed("<enter>]vw").unwrap();
    let term = screen(&mut s, 80, 24);
    let buf = term.backend().buffer();
    let cursor = buf
        .content()
        .iter()
        .filter(|c| c.bg == Color::Yellow)
        .count();
    let selected = buf
        .content()
        .iter()
        .filter(|c| matches!(c.bg, Color::Rgb(40, 80, 150) | Color::Indexed(_)))
        .count();
    assert_eq!(cursor, 1, "exactly one cursor cell");
    assert!(selected >= 1, "the selection is highlighted");
}

/// Tiny and odd terminal sizes draw without panicking, whatever is open.
#[test]
fn any_size_draws() {
    let states = [
        "",
        "<enter>]vww",
        "<enter>]Vcres",
        "<enter>]VcQQQ",
        "?",
        "Rresursb<enter>",
        "<enter>]V4m",
        "<enter>]V4V5x",
        "<tab><tab>r",
        "<enter>]VcQQQ<enter>",
    ];
    let dir = common::sample();
    for keys in states {
        for (w, h) in [
            (1, 1),
            (2, 3),
            (5, 4),
            (10, 6),
            (20, 5),
            (40, 10),
            (59, 24),
            (60, 8),
            (79, 3),
            (119, 40),
            (120, 12),
            (200, 60),
        ] {
            let mut s = session(dir.path(), "tester", w, h);
            s.feed(keys).unwrap();
            let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
            term.draw(|f| views::draw(f, &s.state)).unwrap();
            assert_clean(&term);
            // Moving around at that size must not panic either.
            s.feed("jjkG<pagedown>gw").unwrap();
            term.draw(|f| views::draw(f, &s.state)).unwrap();
            s.feed("<esc><esc>q").unwrap();
        }
    }
}

#[test]
fn summary_table() {
    snap("summary", "praktikant-a", "Sa");
}

#[test]
fn summary_table_all_coders_scrolled() {
    snap("summary_all", "praktikant-a", "Sjjjjjjjjjjjjjjjjjjl");
}

#[test]
fn summary_chart() {
    snap("summary_chart", "praktikant-a", "Satjl");
}

#[test]
fn summary_cell_segments() {
    snap("summary_cell", "praktikant-a", "Sajj<enter>j");
}

#[test]
fn summary_blind() {
    snap("summary_blind", "praktikant-a", "BSa");
}

#[test]
fn summary_no_consensus() {
    snap("summary_no_consensus", "praktikant-a", "Saa");
}

#[test]
fn agreement_screen() {
    snap("agreement", "praktikant-a", "K");
}

#[test]
fn agreement_after_decisions() {
    // A on the first difference, both on the second, one code only, sentences.
    snap("agreement_decided", "praktikant-a", "Ka+k");
    snap("agreement_code", "praktikant-a", "Ktcresursb<enter>");
}

/// A third coder: `same` copies praktikant-a's codings of kommun-a-1, otherwise one coding in kommun-a-2.
fn third_coder(dir: &Path, same: bool) {
    let mut p = kodbok::store::Project::open(dir).unwrap();
    if same {
        let mine: Vec<_> = p.coders["praktikant-a"]
            .for_doc("kommun-a-1")
            .cloned()
            .collect();
        for c in mine {
            p.coder_mut("praktikant-c").insert(c);
        }
    } else {
        let t = &p.transcripts["kommun-a-2"];
        let (s, e) = (t.turns[1].start, t.turns[1].end);
        let c = p.new_coding("kommun-a-2", s, e, "resursbrist").unwrap();
        p.coder_mut("praktikant-c").insert(c);
    }
    p.save_coder("praktikant-c").unwrap();
}

#[test]
fn agreement_nothing_to_compare_and_no_differences() {
    for (name, coder, same) in [
        ("agreement_error", "praktikant-b", false),
        ("agreement_same", "praktikant-a", true),
    ] {
        let (w, h) = (80, 24);
        let dir = common::sample();
        third_coder(dir.path(), same);
        let mut s = session(dir.path(), coder, w, h);
        s.feed("Ko").unwrap();
        assert_eq!(s.state.agree.b, "praktikant-c");
        let term = screen(&mut s, w, h);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), term.backend());
    }
}
