//! What the translation issue left: group values that differ only in case, long coder names drawn
//! everywhere within their width, and the agreement and summary screens in both languages.

use crate::common::{self, feed};
use kodbok::i18n::{Lang, with_lang};
use kodbok::tui::{Session, views};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;

fn draw(s: &mut Session, w: u16, h: u16) -> Terminal<TestBackend> {
    s.state.project_name = "sample".into();
    if s.state.status.last_saved.is_some() {
        s.state.status.last_saved = Some("12:00:00".into());
    }
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| views::draw(f, &s.state)).unwrap();
    term
}

fn screen(term: &Terminal<TestBackend>) -> String {
    let buf = term.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// Writes "Hög" for two of the five cases cases.csv puts in "hög".
fn mixed_case_groups(dir: &Path) {
    let path = dir.join("transcripts/cases.csv");
    let csv = std::fs::read_to_string(&path).unwrap();
    let csv = csv
        .replace("Kommun A,hög", "Kommun A,Hög")
        .replace("Kommun B,hög", "Kommun B,Hög");
    std::fs::write(path, csv).unwrap();
}

#[test]
fn group_values_differing_in_case_are_one_group_and_the_output_says_so() {
    let plain = common::sample();
    let dir = common::sample();
    mixed_case_groups(dir.path());
    let before = common::ok(plain.path(), &["summary", "--format", "json"]);
    let after = common::ok(dir.path(), &["summary", "--format", "json"]);
    // The same numbers as with one spelling: the most common one ("hög", 3 of 5) names the group.
    assert_eq!(before, after);
    let table = common::ok(dir.path(), &["summary"]);
    assert!(
        table.contains(
            "Upper and lower case are not told apart in group values: Hög / hög count as hög."
        ),
        "{table}"
    );
    assert!(!table.contains("Hög ="), "{table}");
    let plain_table = common::ok(plain.path(), &["summary"]);
    assert!(!plain_table.contains("not told apart"), "{plain_table}");
    let sv = common::ok(dir.path(), &["--lang", "sv", "summary"]);
    assert!(
        sv.contains(
            "Stora och små bokstäver skiljs inte åt i gruppvärden: Hög / hög räknas som hög."
        ),
        "{sv}"
    );
    let report = common::ok(dir.path(), &["report"]);
    assert!(report.contains("Hög / hög räknas som hög"), "{report}");
    assert!(!report.contains("Kommuner med Hög"), "{report}");
}

#[test]
fn the_workbench_summary_names_the_merged_spellings() {
    let dir = common::sample();
    mixed_case_groups(dir.path());
    for lang in Lang::ALL {
        with_lang(lang, || {
            let mut s = common::session(dir.path(), "praktikant-a", 120, 30);
            feed(&mut s, "S");
            let sum = s.state.summary.summary().expect("numbers shown");
            let groups: Vec<_> = sum.groups.iter().map(|g| g.value.clone()).collect();
            assert_eq!(groups, [Some("hög".to_string()), Some("låg".to_string())]);
            let text = screen(&draw(&mut s, 120, 30));
            let want = match lang {
                Lang::Sv => "sammanslaget: Hög/hög",
                Lang::En => "merged: Hög/hög",
            };
            assert!(text.contains(want), "{text}");
        });
    }
}

const LONG: &str = "praktikant-med-ett-mycket-langt-namn-abc";

/// The sample with praktikant-b's codings under a 40-character coder name.
fn long_coder() -> tempfile::TempDir {
    assert_eq!(LONG.chars().count(), 40);
    let dir = common::sample();
    let from = dir.path().join("codings/praktikant-b.json");
    let text = std::fs::read_to_string(&from).unwrap();
    let text = text.replace(
        "\"coder\": \"praktikant-b\"",
        &format!("\"coder\": \"{LONG}\""),
    );
    std::fs::write(dir.path().join(format!("codings/{LONG}.json")), text).unwrap();
    std::fs::remove_file(from).unwrap();
    dir
}

/// Every row of the screen holds at most 80 columns and no row shows the whole 40-character name.
fn check_cut(text: &str) {
    for line in text.lines() {
        assert!(!line.contains(LONG), "name not cut: {line}");
    }
}

fn long_name_snap(name: &str, coder: &str, keys: &str) {
    for lang in Lang::ALL {
        with_lang(lang, || {
            let dir = long_coder();
            let mut s = common::session(dir.path(), coder, 80, 24);
            feed(&mut s, keys);
            let term = draw(&mut s, 80, 24);
            check_cut(&screen(&term));
            insta::assert_snapshot!(format!("{lang}_{name}_80x24"), term.backend());
        });
    }
}

#[test]
fn a_long_coder_name_is_cut_in_the_status_bar_and_summary() {
    // The session's own coder: the status bar, and the summary's "this coder" layer (S, then a).
    long_name_snap("long_coder_summary", LONG, "Sa");
}

#[test]
fn a_long_coder_name_is_cut_in_the_agreement_view() {
    long_name_snap("long_coder_agreement", "praktikant-a", "K");
}

#[test]
fn a_long_coder_name_is_cut_when_the_layers_are_shown() {
    // L shows the other coders' layers and names them in the status bar.
    long_name_snap("long_coder_layers", "praktikant-a", "<enter>L");
}

#[test]
fn agreement_screen_in_both_languages() {
    for lang in Lang::ALL {
        with_lang(lang, || {
            let dir = common::sample();
            let mut s = common::session(dir.path(), "praktikant-a", 80, 24);
            feed(&mut s, "K");
            let term = draw(&mut s, 80, 24);
            insta::assert_snapshot!(format!("{lang}_agreement_80x24"), term.backend());
        });
    }
}
