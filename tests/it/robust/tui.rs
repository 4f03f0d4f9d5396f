//! The workbench under outside events: a transcript edited on disk during a session, a termination
//! request with unsaved work, and SIGTERM/SIGHUP to the real binary under tmux.

use crate::common::{message, repo, sample, session};
use kodbok::tui::Session;
use kodbok::tui::action::Action;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

fn open(dir: &Path, coder: &str) -> Session {
    session(dir, coder, 100, 30)
}

#[test]
fn a_transcript_changed_on_disk_is_reloaded_and_codings_follow_it() {
    let dir = sample();
    let d = dir.path();
    let mut s = open(d, "praktikant-a");
    let path = d.join("transcripts/kommun-a-1.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = text.replacen(
        "Intervjuare: Tack för att du tar dig tid.",
        "Intervjuare: Välkommen, och tack för att du tar dig tid.",
        1,
    );
    assert_ne!(text, edited);
    std::fs::write(&path, &edited).unwrap();
    for _ in 0..8 {
        s.dispatch(Action::Tick);
    }
    let t = &s.state.project.transcripts["kommun-a-1"];
    assert!(t.text.contains("Välkommen, och tack"));
    assert!(
        message(&s).contains("kommun-a-1 changed on disk"),
        "{}",
        message(&s)
    );
    // my codings in that transcript quote their text again, in memory and on disk
    let p = kodbok::store::Project::open(d).unwrap();
    let mine: Vec<_> = p.coders["praktikant-a"].for_doc("kommun-a-1").collect();
    assert!(!mine.is_empty());
    for c in mine {
        assert_eq!(p.coding_problem(c), None, "{}", c.id);
    }
}

#[test]
fn terminate_saves_or_writes_a_rescue_copy() {
    let dir = sample();
    let d = dir.path();
    let mut s = open(d, "tester");
    // every write of the coder file fails: a file stands where the codings folder should be
    let codings = d.join("codings");
    std::fs::rename(&codings, d.join("codings-away")).unwrap();
    std::fs::write(&codings, "not a folder").unwrap();
    s.feed("<enter>]V4").unwrap();
    assert!(!s.state.status.failing.is_empty());
    s.terminate();
    assert!(s.state.quit);
    let rescue = d.join(".kodbok/rescue");
    let copy = std::fs::read_dir(&rescue)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let saved: serde_json::Value =
        serde_json::from_slice(&std::fs::read(copy.join("tester.json")).unwrap()).unwrap();
    assert_eq!(saved["codings"].as_array().unwrap().len(), 1);
}

fn tmux(socket: &str, args: &[&str]) -> std::process::Output {
    Command::new("tmux")
        .arg("-L")
        .arg(socket)
        .args(args)
        .output()
        .unwrap()
}

fn wait(socket: &str, what: &str, ok: impl Fn(&str) -> bool) -> String {
    let start = Instant::now();
    loop {
        let out = tmux(socket, &["display-message", "-p", "-t", "kb", what]);
        let v = String::from_utf8_lossy(&out.stdout).trim().to_string();
        if ok(&v) {
            return v;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "timed out on {what}: {v}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// SIGTERM and SIGHUP leave the workbench through its normal exit: saved, terminal restored.
#[test]
fn signals_save_and_restore_the_terminal() {
    if Command::new("tmux").arg("-V").output().is_err() {
        assert!(
            std::env::var("KODBOK_REQUIRE_TMUX").is_err(),
            "tmux is required"
        );
        eprintln!("skipping: tmux is not installed");
        return;
    }
    for sig in ["TERM", "HUP"] {
        let dir = sample();
        let socket = format!("kodbok-robust-{sig}-{}", std::process::id());
        let conf = dir.path().join(".tmux.conf");
        std::fs::write(&conf, "set -g remain-on-exit on\n").unwrap();
        let bin = env!("CARGO_BIN_EXE_kodbok");
        let out = Command::new("tmux")
            .args(["-L", &socket, "-f", conf.to_str().unwrap()])
            .args(["new-session", "-d", "-s", "kb", "-x", "80", "-y", "24"])
            .args([
                "-c",
                dir.path().to_str().unwrap(),
                "-e",
                "KODBOK_CODER=intern",
            ])
            .args(["-e", "TERM=xterm-256color", bin, "tui"])
            .current_dir(repo())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        wait(&socket, "#{alternate_on}", |v| v == "1");
        tmux(&socket, &["send-keys", "-t", "kb", "Enter"]);
        std::thread::sleep(Duration::from_millis(500));
        for k in ["]", "V", "4"] {
            tmux(&socket, &["send-keys", "-t", "kb", "-l", k]);
            std::thread::sleep(Duration::from_millis(150));
        }
        let pid = wait(&socket, "#{pane_pid}", |v| !v.is_empty());
        Command::new("kill")
            .args([&format!("-{sig}"), &pid])
            .status()
            .unwrap();
        wait(&socket, "#{pane_dead}", |v| v == "1");
        let alt = wait(&socket, "#{alternate_on}", |_| true);
        tmux(&socket, &["kill-server"]);
        assert_eq!(
            alt, "0",
            "SIG{sig} left the terminal on the alternate screen"
        );
        let f = dir.path().join("codings/intern.json");
        let v: serde_json::Value = serde_json::from_slice(&std::fs::read(f).unwrap()).unwrap();
        assert_eq!(v["codings"].as_array().unwrap().len(), 1, "SIG{sig}");
    }
}
