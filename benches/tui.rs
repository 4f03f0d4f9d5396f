//! Frame-time benchmark of the workbench on a 100,000-word transcript (ratatui TestBackend; run with
//! `cargo bench --bench tui`). Prints the time to the first screen and per key press.

use kodbok::model::Transcript;
use kodbok::tui::action::Action;
use kodbok::tui::{Session, SessionOptions, views};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;
use std::time::{Duration, Instant};

const WORDS: usize = 100_000;

/// A transcript of about `WORDS` words made by repeating the sample interviews' turns.
fn big_transcript(repo: &Path) -> (String, usize) {
    let mut turns: Vec<String> = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(repo.join("transcripts"))
        .expect("sample transcripts")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    for f in files {
        let text = std::fs::read_to_string(&f).expect("readable sample");
        let t = Transcript::parse(&text, "x").expect("sample parses");
        for tr in &t.turns {
            let label = t.slice(tr.label_start, tr.end).unwrap_or("");
            turns.push(label.to_string());
        }
    }
    let mut body = String::new();
    let mut words = 0;
    let mut i = 0;
    while words < WORDS {
        let turn = &turns[i % turns.len()];
        words += turn.split_whitespace().count();
        body.push_str(turn);
        body.push_str("\n\n");
        i += 1;
    }
    let doc = format!("---\nid: stor\ncase: Kommun A\nrole: kommunchef\n---\n\n{body}");
    (doc, words)
}

fn project(repo: &Path) -> (tempfile::TempDir, usize) {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("transcripts")).expect("mkdir");
    std::fs::create_dir_all(dir.path().join("codings")).expect("mkdir");
    std::fs::copy(repo.join("codebook.json"), dir.path().join("codebook.json")).expect("codebook");
    std::fs::copy(
        repo.join("transcripts/cases.csv"),
        dir.path().join("transcripts/cases.csv"),
    )
    .expect("cases");
    let (doc, words) = big_transcript(repo);
    std::fs::write(dir.path().join("transcripts/stor.txt"), doc).expect("write");
    // Every third respondent turn is coded by two coders, so stripes and highlights are drawn.
    let mut p = kodbok::store::Project::open(dir.path()).expect("open");
    let t = p.transcripts["stor"].clone();
    let codes = ["resursbrist", "lagkrav", "natverk", "eldsjalar"];
    for (i, tr) in t.turns.iter().enumerate().filter(|(i, _)| i % 3 == 1) {
        for coder in ["praktikant-a", "praktikant-b"] {
            let c = p
                .new_coding("stor", tr.start, tr.end, codes[i % 4])
                .expect("coding");
            p.coder_mut(coder).insert(c);
        }
    }
    p.save_coder("praktikant-a").expect("save");
    p.save_coder("praktikant-b").expect("save");
    (dir, words)
}

fn draw(term: &mut Terminal<TestBackend>, s: &Session) {
    term.draw(|f| views::draw(f, &s.state)).expect("draw");
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

/// Median and worst time of `n` presses of `keys`, each followed by a frame.
fn presses(
    term: &mut Terminal<TestBackend>,
    s: &mut Session,
    keys: &str,
    n: usize,
) -> (Duration, Duration) {
    let mut times = Vec::with_capacity(n);
    for _ in 0..n {
        let t0 = Instant::now();
        s.feed(keys).expect("keys");
        draw(term, s);
        times.push(t0.elapsed());
    }
    times.sort();
    (times[n / 2], times[n - 1])
}

fn main() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (dir, words) = project(repo);
    let (w, h) = (120, 40);
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("terminal");

    let t0 = Instant::now();
    let mut s =
        Session::open(dir.path(), "praktikant-a", &SessionOptions::default()).expect("session");
    let opened = t0.elapsed();
    s.dispatch(Action::Resize(w, h));
    let t1 = Instant::now();
    s.feed("<enter>").expect("open");
    draw(&mut term, &s);
    let first = t1.elapsed();
    let lines = s.state.view.as_ref().map_or(0, |v| v.lines().len());
    let chars = s.state.doc().map_or(0, |t| t.char_len());

    println!("kodbok TUI frame times, {w}x{h} TestBackend, release build");
    println!(
        "transcript: {words} words, {chars} chars, {lines} wrapped lines, 2 coders' codings shown"
    );
    println!(
        "load project (parse files, lock, history)      {}",
        ms(opened)
    );
    println!(
        "open transcript + first frame (wrap + draw)    {}",
        ms(first)
    );
    println!(
        "load + open + first frame                       {}",
        ms(opened + first)
    );
    s.feed("L").expect("layers");
    for (label, keys, n) in [
        ("j (line down)", "j", 200),
        ("k (line up)", "k", 200),
        ("PgDn", "<pagedown>", 100),
        ("] (next turn)", "]", 100),
        ("w (word)", "w", 100),
        ("V then Esc (select turn)", "V<esc>", 50),
        ("G (end of document)", "G", 20),
        ("g (top)", "g", 20),
    ] {
        let (med, max) = presses(&mut term, &mut s, keys, n);
        println!(
            "key {label:<30} median {:>9}  worst {:>9}",
            ms(med),
            ms(max)
        );
    }
    // Below 120 columns the transcript's width depends on the focused pane: Tab re-wraps once per width.
    let t2 = Instant::now();
    s.dispatch(Action::Resize(100, 30));
    term.resize(ratatui::layout::Rect::new(0, 0, 100, 30))
        .expect("resize");
    draw(&mut term, &s);
    println!(
        "resize to 100x30 (full re-wrap) + frame         {}",
        ms(t2.elapsed())
    );
    let (first, _) = presses(&mut term, &mut s, "<tab>", 1);
    let (med, max) = presses(&mut term, &mut s, "<tab>", 30);
    println!(
        "Tab at 100x30, first to a new width (re-wrap)   {}",
        ms(first)
    );
    println!(
        "Tab at 100x30, widths cached      median {:>9}  worst {:>9}",
        ms(med),
        ms(max)
    );
    while s.state.focus != kodbok::tui::app::Focus::Transcript {
        s.feed("<tab>").expect("focus");
    }
    s.feed("gV").expect("select");
    let t3 = Instant::now();
    s.key(kodbok::tui::keys::Key::char('4'));
    draw(&mut term, &s);
    let frame = t3.elapsed();
    let t4 = Instant::now();
    s.flush();
    let saved = t4.elapsed();
    println!(
        "code a turn (4): update + frame                  {}",
        ms(frame)
    );
    println!(
        "  then its atomic saves (codings, undo history)  {}",
        ms(saved)
    );
}
