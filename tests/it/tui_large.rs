//! The workbench on a national-scale study: 300 cases (municipalities) and 1,000 tiny interviews.
//! Transcripts are read when they are used, the documents pane is filtered by typing and walked case
//! by case, and the group comparison keeps its columns apart (`162/162`, `1000/1000`).

use crate::common::{self, feed};
use kodbok::i18n::{Lang, with_lang};
use kodbok::model::{Coding, Transcript};
use kodbok::store::Project;
use kodbok::tui::app::{DocRow, Overlay, Screen};
use kodbok::tui::keymap::KeyContext;
use kodbok::tui::{Session, SessionOptions, views};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::fmt::Write as _;
use std::path::Path;

const CASES: usize = 300;
const DOCS: usize = 1000;
/// Cases in the group `hög`; the others are `låg`.
const HIGH: usize = 162;

fn case_name(i: usize) -> String {
    format!("kommun-{:03}", i + 1)
}

/// A project of [`CASES`] cases and [`DOCS`] two-turn interviews; coder `a` has coded every
/// respondent turn with `resursbrist`, and the first interview of each `hög` case with `hinder` too.
fn national() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    Project::init(root, false).unwrap();
    let mut csv = String::from("case,grupp,län\n");
    for i in 0..CASES {
        let group = if i < HIGH { "hög" } else { "låg" };
        writeln!(csv, "{},{group},län-{}", case_name(i), i % 21 + 1).unwrap();
    }
    std::fs::write(root.join("transcripts/cases.csv"), csv).unwrap();
    for j in 0..DOCS {
        let role = if j % 3 == 0 {
            "rektor"
        } else {
            "förvaltningschef"
        };
        let text = format!(
            "---\nid: i{:04}\ncase: {}\nrole: {role}\n---\n\nIntervjuare: Hur ser resurserna ut?\n\nRespondent: Vi har för lite tid och pengar.\n",
            j + 1,
            case_name(j % CASES)
        );
        std::fs::write(root.join(format!("transcripts/i{:04}.txt", j + 1)), text).unwrap();
    }
    let mut p = Project::open(root).unwrap();
    let now = chrono::Utc::now();
    let codings: Vec<Coding> = p
        .transcripts
        .values()
        .flat_map(|t| {
            let turn = &t.turns[1];
            let mut out = vec![Coding::new(t, turn.start, turn.end, "resursbrist", now).unwrap()];
            let case: usize = t.case()[7..].parse().unwrap();
            if case <= HIGH && t.id[1..].parse::<usize>().unwrap() <= CASES {
                out.push(Coding::new(t, turn.start, turn.start + 6, "hinder", now).unwrap());
            }
            out
        })
        .collect();
    p.coder_mut("a").insert_many(codings);
    p.save_coder("a").unwrap();
    dir
}

/// A session that reads transcripts only when they are used, whatever the study's size.
fn lazy(dir: &Path, w: u16, h: u16) -> Session {
    let opts = SessionOptions {
        read_all_up_to: Some(0),
        ..SessionOptions::default()
    };
    let mut s = Session::open(dir, "a", &opts).unwrap();
    s.dispatch(kodbok::tui::action::Action::Resize(w, h));
    s
}

fn draw(s: &mut Session, w: u16, h: u16) -> Terminal<TestBackend> {
    s.state.project_name = "national".into();
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| views::draw(f, &s.state)).unwrap();
    term
}

fn screen_text(term: &Terminal<TestBackend>) -> String {
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

fn selected_doc(s: &Session) -> String {
    let docs = &s.state.docs;
    match &docs.rows[docs.selected] {
        DocRow::Doc { id } => id.clone(),
        r => panic!("a case heading is selected: {r:?}"),
    }
}

#[test]
fn the_workbench_opens_on_headers_and_reads_a_transcript_when_it_is_opened() {
    let dir = national();
    let mut s = lazy(dir.path(), 120, 40);
    let p = &s.state.project;
    assert_eq!((p.transcripts.len(), p.unread.len()), (0, DOCS));
    let rows = &s.state.docs.rows;
    let docs = rows
        .iter()
        .filter(|r| matches!(r, DocRow::Doc { .. }))
        .count();
    assert_eq!((docs, rows.len()), (DOCS, DOCS + CASES));
    assert_eq!(
        rows[0],
        DocRow::Case {
            name: "kommun-001".into(),
            group: "hög".into()
        }
    );
    feed(&mut s, "<enter>");
    assert_eq!(s.state.view.as_ref().unwrap().doc, "i0001");
    assert_eq!(s.state.project.transcripts.len(), 1);
    // coding, undo and the autosave work on a transcript read on demand
    let code = s
        .state
        .project
        .codebook
        .by_shortcut("5")
        .unwrap()
        .id
        .clone();
    feed(&mut s, "]V5");
    let mine = |dir: &Path| {
        Project::open(dir).unwrap().coders["a"]
            .for_doc("i0001")
            .count()
    };
    assert_eq!(mine(dir.path()), 3, "{code} added and saved");
    feed(&mut s, "u");
    assert_eq!(mine(dir.path()), 2);
    assert_eq!(
        s.state.project.transcripts.len(),
        1,
        "nothing else was read"
    );
}

#[test]
fn the_group_comparison_counts_from_the_statistics_without_reading_the_texts() {
    let dir = national();
    let rows = |s: &Session| {
        let sum = s.state.summary.summary().unwrap();
        serde_json::to_string(&sum.flat_rows(true)).unwrap()
    };
    // The table, and the segments of the theme `hinder` among hög, with every text read, as a small study is opened.
    let (want_rows, want_table, want_list, row) = {
        let mut full = common::session(dir.path(), "a", 120, 40);
        assert!(full.state.project.unread.is_empty());
        feed(&mut full, "S");
        let table = screen_text(&draw(&mut full, 120, 40));
        let sum = full.state.summary.summary().unwrap();
        let row = sum.rows.iter().position(|r| r.code == "hinder").unwrap();
        let want_rows = rows(&full);
        feed(&mut full, &"j".repeat(row));
        feed(&mut full, "<enter>");
        let list = screen_text(&draw(&mut full, 120, 40));
        feed(&mut full, "<esc><esc>q");
        (want_rows, table, list, row)
    };
    let mut s = lazy(dir.path(), 120, 40);
    feed(&mut s, "S");
    assert_eq!(s.state.screen, Screen::Summary);
    assert_eq!(
        s.state.project.transcripts.len(),
        0,
        "no text is read for the numbers"
    );
    let sum = s.state.summary.summary().expect("numbers shown").clone();
    let cell = sum.cell("resursbrist", Some("hög")).unwrap();
    assert_eq!((cell.cases.len(), cell.cases_in_group), (HIGH, HIGH));
    assert_eq!(
        rows(&s),
        want_rows,
        "the same numbers as with every text read"
    );
    assert_eq!(screen_text(&draw(&mut s, 120, 40)), want_table);
    assert_eq!(common::message(&s), "");
    // the segments of a cell: only its transcripts are read
    let hinder = sum.cell("hinder", Some("hög")).unwrap();
    let docs = hinder.docs.clone();
    assert!(docs.len() < DOCS);
    feed(&mut s, &"j".repeat(row));
    feed(&mut s, "<enter>");
    let list = s
        .state
        .summary
        .list
        .as_ref()
        .expect("the cell's segments are listed");
    assert_eq!(
        (list.code.as_str(), list.col, s.state.summary.row),
        ("hinder", 0, row)
    );
    assert_eq!(list.rows.len(), hinder.segments());
    let read: Vec<&String> = s.state.project.transcripts.keys().collect();
    assert_eq!(read, docs.iter().collect::<Vec<_>>());
    assert_eq!(screen_text(&draw(&mut s, 120, 40)), want_list);
}

#[test]
fn without_statistics_for_the_transcripts_it_knows_the_group_comparison_reads_every_text_first() {
    let dir = national();
    let mut s = lazy(dir.path(), 120, 40);
    // a file added after the session opened: the files no longer match the transcripts the session knows
    let extra = "---\nid: x9999\ncase: kommun-001\n---\n\nRespondent: Ja.\n";
    std::fs::write(dir.path().join("transcripts/x9999.txt"), extra).unwrap();
    feed(&mut s, "S");
    assert_eq!(s.state.screen, Screen::Summary);
    assert!(s.state.project.unread.is_empty());
    assert_eq!(s.state.project.transcripts.len(), DOCS);
    let sum = s.state.summary.summary().expect("numbers shown");
    assert_eq!(sum.total.docs.len(), DOCS);
    let cell = sum.cell("resursbrist", Some("hög")).unwrap();
    assert_eq!((cell.cases.len(), cell.cases_in_group), (HIGH, HIGH));
    assert_eq!(common::message(&s), "", "the note about reading is gone");
}

#[test]
fn a_transcript_edited_since_it_was_coded_is_offered_for_reanchoring_when_read() {
    let dir = national();
    let path = dir.path().join("transcripts/i0002.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("Intervjuare: Hur", "Intervjuare: Hej! Hur"),
    )
    .unwrap();
    let mut s = lazy(dir.path(), 120, 40);
    assert!(
        s.state.overlay.is_none(),
        "nothing is checked before it is read"
    );
    feed(&mut s, "]<enter>");
    assert_eq!(s.state.view.as_ref().unwrap().doc, "i0002");
    assert!(
        matches!(s.state.overlay, Some(Overlay::Confirm { .. })),
        "the moved coding is offered to be re-anchored"
    );
    feed(&mut s, "y");
    let p = Project::open(dir.path()).unwrap();
    let t: &Transcript = &p.transcripts["i0002"];
    assert!(
        p.coders["a"]
            .for_doc("i0002")
            .all(|c| p.coding_problem(c).is_none()),
        "{}",
        t.text
    );
}

#[test]
fn typing_in_the_documents_pane_filters_and_esc_clears() {
    let dir = national();
    let mut s = lazy(dir.path(), 120, 40);
    feed(&mut s, "f");
    assert_eq!(s.state.context(), KeyContext::DocFilter);
    feed(&mut s, "kommun-012");
    let (shown, total) = s.state.docs.counts();
    assert_eq!((shown, total), (4, DOCS), "i0012, i0312, i0612, i0912");
    assert_eq!(selected_doc(&s), "i0012");
    // by an attribute value of the case (cases.csv) and of the transcript's header
    feed(&mut s, "<esc>flän-4 rektor");
    assert_eq!(
        s.state.docs.counts().0,
        50,
        "15 cases of län-4, all their interviews with a rektor"
    );
    feed(&mut s, "<enter>");
    assert_eq!(
        s.state.context(),
        KeyContext::Documents,
        "Enter keeps the filter"
    );
    assert!(s.state.docs.shows_filter());
    feed(&mut s, "j<esc>");
    assert_eq!(s.state.docs.counts(), (DOCS, DOCS));
    assert!(!s.state.docs.shows_filter());
    // one transcript left: Enter opens it
    feed(&mut s, "fi0777<enter>");
    assert_eq!(s.state.view.as_ref().unwrap().doc, "i0777");
    assert_eq!(s.state.project.transcripts.len(), 1);
}

#[test]
fn case_jumps_walk_the_list_a_municipality_at_a_time() {
    let dir = national();
    let mut s = lazy(dir.path(), 120, 40);
    assert_eq!(selected_doc(&s), "i0001");
    feed(&mut s, "]");
    assert_eq!(
        selected_doc(&s),
        "i0002",
        "the first interview of kommun-002"
    );
    feed(&mut s, "]]j");
    assert_eq!(selected_doc(&s), "i0304");
    feed(&mut s, "[");
    assert_eq!(selected_doc(&s), "i0004", "back to the start of this case");
    feed(&mut s, "[");
    assert_eq!(selected_doc(&s), "i0003");
    feed(&mut s, "G]");
    assert_eq!(selected_doc(&s), "i0900", "nothing after the last case");
}

#[test]
fn the_filtered_documents_pane() {
    for lang in [Lang::Sv, Lang::En] {
        with_lang(lang, || {
            let dir = national();
            let mut s = lazy(dir.path(), 80, 24);
            feed(&mut s, "fkommun-01");
            let term = draw(&mut s, 80, 24);
            insta::assert_snapshot!(format!("{lang}_docs_filter_typing_80x24"), term.backend());
            feed(&mut s, "0<enter>");
            let term = draw(&mut s, 80, 24);
            insta::assert_snapshot!(format!("{lang}_docs_filtered_80x24"), term.backend());
            feed(&mut s, "<esc>fingen<enter>");
            let term = draw(&mut s, 80, 24);
            insta::assert_snapshot!(format!("{lang}_docs_no_match_80x24"), term.backend());
        });
    }
}

#[test]
fn the_group_comparison_keeps_its_columns_apart() {
    let dir = national();
    for lang in [Lang::Sv, Lang::En] {
        with_lang(lang, || {
            for (w, h) in [(80, 24), (120, 40)] {
                let mut s = common::session(dir.path(), "a", w, h);
                feed(&mut s, "S");
                let term = draw(&mut s, w, h);
                let text = screen_text(&term);
                assert!(text.contains(" 162/162 "), "{text}");
                insta::assert_snapshot!(format!("{lang}_summary_national_{w}x{h}"), term.backend());
                // the total column scrolls into view on a narrow screen
                feed(&mut s, "ll");
                let term = draw(&mut s, w, h);
                let text = screen_text(&term);
                assert!(text.contains(" 1000/1000 "), "{text}");
                if w == 80 {
                    insta::assert_snapshot!(
                        format!("{lang}_summary_national_all_{w}x{h}"),
                        term.backend()
                    );
                }
                feed(&mut s, "<esc>q");
            }
        });
    }
}

#[test]
fn a_transcript_changed_on_disk_before_it_is_read_is_read_as_it_is_now() {
    let dir = national();
    let mut s = lazy(dir.path(), 120, 40);
    let path = dir.path().join("transcripts/i0005.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("pengar", "personal")).unwrap();
    for _ in 0..4 {
        s.dispatch(kodbok::tui::action::Action::Tick);
    }
    assert!(
        s.state.project.transcripts.is_empty(),
        "the poll reads nothing in"
    );
    feed(&mut s, "fi0005<enter>");
    assert!(
        s.state
            .doc()
            .unwrap()
            .text
            .contains("för lite tid och personal")
    );
}
