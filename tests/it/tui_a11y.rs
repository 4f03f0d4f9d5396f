//! Nothing invisible: without colour (`NO_COLOR`) the cursor, the selection, coded text and the selected row of
//! every list still show, by reverse video, bold and underline; the other palettes keep everything readable too.

use crate::common::{self, feed};
use kodbok::tui::views::theme::Palette;
use kodbok::tui::{Session, views};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

fn draw(s: &Session, w: u16, h: u16) -> Buffer {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| views::draw(f, &s.state)).unwrap();
    term.backend().buffer().clone()
}

/// The screen cell showing char offset `pos` of the open transcript.
fn cell_of(s: &Session, buf: &Buffer, pos: usize) -> (u16, u16) {
    let g = s.state.text_geom().unwrap();
    let v = s.state.view.as_ref().unwrap();
    let t = s.state.doc().unwrap();
    for (row, line) in v.lines().iter().enumerate().skip(v.top) {
        if line.start <= pos && pos < line.end.max(line.start + 1) {
            let text = t.slice(line.start, pos).unwrap();
            let col = text.chars().count() as u16;
            let y = g.y + (row - v.top) as u16;
            assert!(y < buf.area.height, "offset {pos} is not on screen");
            return (g.text_x + col, y);
        }
    }
    panic!("offset {pos} is not on screen");
}

fn no_colour_session(keys: &str) -> (tempfile::TempDir, Session) {
    let dir = common::sample();
    let mut s = common::session(dir.path(), "tester", 100, 30);
    s.state.palette = Palette::NoColour;
    feed(&mut s, keys);
    (dir, s)
}

#[test]
fn without_colour_no_cell_is_coloured_and_the_list_selection_shows() {
    let (_dir, s) = no_colour_session("");
    let buf = draw(&s, 100, 30);
    for cell in buf.content() {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{cell:?}");
    }
    // The selected document row is in reverse video.
    let row = (0..buf.area.height).find(|y| {
        (0..30).any(|x| {
            buf[(x, *y)].modifier.contains(Modifier::REVERSED) && buf[(x, *y)].symbol() != " "
        })
    });
    assert!(row.is_some(), "no row of the documents list is highlighted");
}

#[test]
fn without_colour_cursor_selection_and_coded_text_show() {
    // Open the first transcript, go to the second turn, select it and code it: it stays selected.
    let (_dir, mut s) = no_colour_session("<enter>]V");
    let (a, b) = s.state.view.as_ref().unwrap().selection().unwrap();
    let buf = draw(&s, 100, 30);
    let inside = cell_of(&s, &buf, a + 1);
    assert!(
        buf[inside].modifier.contains(Modifier::REVERSED),
        "selection"
    );
    let cursor = s.state.view.as_ref().unwrap().cursor;
    let c = cell_of(&s, &buf, cursor);
    let m = buf[c].modifier;
    assert!(
        m.contains(Modifier::BOLD | Modifier::UNDERLINED),
        "cursor {m:?}"
    );
    assert!(
        !m.contains(Modifier::REVERSED),
        "the cursor inside a selection stands out of it"
    );
    feed(&mut s, "cresursb<enter>");
    assert!(
        s.state.view.as_ref().unwrap().selection().is_some(),
        "still selected after coding"
    );
    feed(&mut s, "<esc>");
    assert!(
        s.state.view.as_ref().unwrap().selection().is_none(),
        "Esc clears it"
    );
    feed(&mut s, "gg");
    let buf = draw(&s, 100, 30);
    let coded = cell_of(&s, &buf, (a + b) / 2);
    assert!(
        buf[coded].modifier.contains(Modifier::UNDERLINED),
        "coded text"
    );
    // The stripe names the code in the margin.
    let text: String = (0..buf.area.height)
        .map(|y| (0..100).map(|x| buf[(x, y)].symbol()).collect::<String>())
        .collect();
    assert!(text.contains("Resurs"), "stripe label");
}

#[test]
fn colour_blind_palette_has_no_red_or_green() {
    let dir = common::sample();
    let mut s = common::session(dir.path(), "praktikant-a", 100, 30);
    s.state.palette = Palette::ColourBlind;
    feed(&mut s, "<enter>K");
    let buf = draw(&s, 100, 30);
    for cell in buf.content() {
        for c in [cell.fg, cell.bg] {
            assert!(
                !matches!(
                    c,
                    Color::Red | Color::Green | Color::LightRed | Color::LightGreen
                ),
                "{cell:?}"
            );
        }
    }
}

#[test]
fn a_dumb_terminal_gets_a_message_not_a_screen() {
    let dir = common::sample();
    let out = common::command(dir.path())
        .env("TERM", "dumb")
        .arg("tui")
        .arg("--coder")
        .arg("tester")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("TERM=dumb"), "{err}");
    assert!(!err.contains('\u{1b}'), "no escape sequences: {err}");
}

#[test]
fn an_edited_transcript_is_noticed_and_my_codings_re_anchored() {
    let dir = common::sample();
    let path = dir.path().join("transcripts/kommun-a-1.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = text.replacen("Intervjuare: Tack för", "Intervjuare: Hej och tack för", 1);
    assert_ne!(text, edited);
    std::fs::write(&path, edited).unwrap();
    let mut s = common::session(dir.path(), "praktikant-a", 100, 30);
    let Some(kodbok::tui::app::Overlay::Confirm { question, .. }) = &s.state.overlay else {
        panic!(
            "no question about the edited transcript: {:?}",
            common::message(&s)
        );
    };
    assert!(question.contains("check --reanchor"), "{question}");
    // Other coders' codings of the transcript are mentioned too.
    assert!(
        common::message(&s).contains("other coders"),
        "{}",
        common::message(&s)
    );
    feed(&mut s, "y");
    assert!(
        common::message(&s).starts_with("Re-anchored"),
        "{}",
        common::message(&s)
    );
    let p = kodbok::store::Project::open(dir.path()).unwrap();
    assert!(
        p.stale_codings("praktikant-a").is_empty(),
        "saved where the quotes are now"
    );
    assert!(
        !p.stale_codings("praktikant-b").is_empty(),
        "another coder's file is left alone"
    );
}
