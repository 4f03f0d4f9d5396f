//! End-to-end: the real `kodbok tui` binary under tmux at 80×24 (send-keys, capture-pane, polling with a
//! timeout), checked afterwards with `kodbok segments --format json`. Skipped when tmux is missing,
//! unless KODBOK_REQUIRE_TMUX=1 (as in CI).

use crate::common;

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(20);

/// A private tmux server for one test, killed when dropped.
struct Tmux {
    socket: String,
    conf: tempfile::NamedTempFile,
    /// Where the shell around kodbok writes its exit status.
    status: tempfile::TempDir,
}

impl Tmux {
    fn start(dir: &Path, name: &str) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            assert!(
                std::env::var("KODBOK_REQUIRE_TMUX").is_err(),
                "tmux is required (KODBOK_REQUIRE_TMUX is set) but not installed"
            );
            eprintln!("skipping {name}: tmux is not installed");
            return None;
        }
        let conf = tempfile::NamedTempFile::new().unwrap();
        // A dead pane stays, so its last screen and exit status can be read; the server outlives its last
        // session, so a test can kill a session and start the next one without racing the server's exit.
        std::fs::write(
            conf.path(),
            "set -g remain-on-exit on\nset -g escape-time 0\nset -s exit-empty off\n",
        )
        .unwrap();
        let t = Tmux {
            socket: format!("kodbok-{name}-{}", std::process::id()),
            conf,
            status: tempfile::tempdir().unwrap(),
        };
        t.spawn(dir);
        Some(t)
    }

    /// Runs `kodbok tui` in `dir` through a shell that reports how it ended.
    fn spawn(&self, dir: &Path) {
        let bin = env!("CARGO_BIN_EXE_kodbok");
        let status = self.status.path().join("status");
        let _ = std::fs::remove_file(&status);
        let script = r#""$1" tui; echo $? > "$2""#;
        let out = self.run(&[
            "new-session",
            "-d",
            "-s",
            "kb",
            "-x",
            "80",
            "-y",
            "24",
            "-c",
            dir.to_str().unwrap(),
            "-e",
            "KODBOK_CODER=intern",
            "-e",
            "TERM=xterm-256color",
            "sh",
            "-c",
            script,
            "sh",
            bin,
            status.to_str().unwrap(),
        ]);
        assert!(
            out.status.success(),
            "tmux new-session: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket, "-f"])
            .arg(self.conf.path())
            .args(args)
            .output()
            .unwrap()
    }

    /// Sends keys by tmux name (`Enter`, `Escape`, `C-r`) or literal text with `-l`.
    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "kb"];
        args.extend_from_slice(keys);
        assert!(self.run(&args).status.success());
    }

    fn text(&self, text: &str) {
        assert!(
            self.run(&["send-keys", "-t", "kb", "-l", text])
                .status
                .success()
        );
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "kb"]).stdout).into_owned()
    }

    fn format(&self, f: &str) -> String {
        String::from_utf8_lossy(&self.run(&["display-message", "-p", "-t", "kb", f]).stdout)
            .trim()
            .to_string()
    }

    /// Polls until the screen shows `needle`; panics with the last screen after the timeout.
    fn wait_for(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(needle) {
                return s;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "timed out waiting for {needle:?}; screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// Polls until kodbok has exited; returns its exit status as the shell saw it.
    fn wait_exit(&self) -> String {
        let path = self.status.path().join("status");
        let start = Instant::now();
        loop {
            if let Ok(s) = std::fs::read_to_string(&path)
                && s.ends_with('\n')
            {
                return s.trim().to_string();
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "kodbok did not exit; screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

fn segments(dir: &Path) -> Vec<Value> {
    let out = common::kodbok(dir, &["segments", "--coder", "intern", "--format", "json"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    serde_json::from_str(&common::stdout(&out)).unwrap()
}

/// Opens the first transcript and codes its next turn with shortcut 4 (Resursbrist).
fn open_and_code_the_next_turn(tmux: &Tmux) {
    tmux.wait_for("kommun-a-1");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Intervjuare: Tack");
    tmux.keys(&["]", "V", "4"]);
    tmux.wait_for("Coded Resursbrist");
}

/// The frame comes before the save: waits until the undo history (written last) has a step with `code`.
fn wait_saved(dir: &Path, code: &str) {
    let undo = dir.join(".kodbok/undo-intern.json");
    let start = Instant::now();
    while !std::fs::read_to_string(&undo)
        .unwrap_or_default()
        .contains(code)
    {
        assert!(start.elapsed() < TIMEOUT, "the coding was never saved");
        std::thread::sleep(Duration::from_millis(30));
    }
}

/// The pid of the workbench holding the coder's lock (the lock file names it).
fn lock_holder(dir: &Path) -> String {
    let lock = std::fs::read_to_string(dir.join(".kodbok/locks/coder-intern.lock")).unwrap();
    lock.split_whitespace().nth(2).unwrap().to_string()
}

fn turn_text(dir: &Path, doc: &str, n: usize) -> String {
    let p = kodbok::store::Project::open(dir).unwrap();
    let t = &p.transcripts[doc];
    t.slice(t.turns[n].start, t.turns[n].end)
        .unwrap()
        .trim_end()
        .to_string()
}

#[test]
fn code_a_turn_with_the_picker_quit_and_find_it_with_segments() {
    let dir = common::sample();
    let Some(tmux) = Tmux::start(dir.path(), "picker") else {
        return;
    };
    tmux.wait_for("kommun-a-1");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Intervjuare: Tack");
    tmux.keys(&["]"]);
    tmux.wait_for(" 4/238 ");
    tmux.keys(&["V"]);
    tmux.wait_for("SELECT");
    tmux.keys(&["c"]);
    tmux.wait_for("Code the selection");
    tmux.text("resursb");
    tmux.wait_for("> resursb");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Coded");
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_exit(), "0", "{}", tmux.screen());
    // The terminal is back to normal: main screen, no mouse reporting.
    assert_eq!(tmux.format("#{alternate_on} #{mouse_any_flag}"), "0 0");
    let segs = segments(dir.path());
    assert_eq!(segs.len(), 1, "{segs:?}");
    assert_eq!(segs[0]["code"], "resursbrist");
    assert_eq!(segs[0]["doc"], "kommun-a-1");
    assert_eq!(segs[0]["quote"], turn_text(dir.path(), "kommun-a-1", 1));
}

#[test]
fn nothing_is_lost_after_kill_9_and_undo_survives_it() {
    let dir = common::sample();
    let Some(tmux) = Tmux::start(dir.path(), "kill") else {
        return;
    };
    // Two turns coded with shortcuts (4 Resursbrist, 7 Lagkrav), then the process is killed.
    open_and_code_the_next_turn(&tmux);
    tmux.keys(&["]", "]", "V", "7"]);
    tmux.wait_for("Coded Lagkrav");
    wait_saved(dir.path(), "lagkrav");
    let pid = lock_holder(dir.path());
    assert!(
        Command::new("kill")
            .args(["-9", &pid])
            .status()
            .unwrap()
            .success()
    );
    assert_eq!(tmux.wait_exit(), "137");
    let codes: Vec<String> = segments(dir.path())
        .iter()
        .map(|s| s["code"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(codes.len(), 2, "{codes:?}");
    assert!(codes.contains(&"resursbrist".into()) && codes.contains(&"lagkrav".into()));
    // A new session gets the lock back and can undo the last step from before the kill.
    tmux.run(&["kill-session", "-t", "kb"]);
    tmux.spawn(dir.path());
    tmux.wait_for("kommun-a-1");
    tmux.keys(&["u"]);
    tmux.wait_for("Undone: coding with Lagkrav");
    tmux.keys(&["q"]);
    tmux.wait_exit();
    let codes: Vec<Value> = segments(dir.path());
    assert_eq!(codes.len(), 1);
    assert_eq!(codes[0]["code"], "resursbrist");
}

/// The segments in the "all" column of a code's row in the summary table (None while the row is not shown).
fn all_segments(screen: &str, code_name: &str) -> Option<usize> {
    let line = screen
        .lines()
        .find(|l| l.split_whitespace().nth(1) == Some(code_name))?;
    line.split_whitespace().nth(10)?.parse().ok()
}

/// Polls until `code_name`'s total segments on screen are `want`.
fn wait_all_segments(tmux: &Tmux, code_name: &str, want: usize) {
    let start = Instant::now();
    loop {
        let s = tmux.screen();
        if all_segments(&s, code_name) == Some(want) {
            return;
        }
        assert!(
            start.elapsed() < TIMEOUT,
            "timed out waiting for {want} segments of {code_name}; screen:\n{s}"
        );
        std::thread::sleep(Duration::from_millis(30));
    }
}

#[test]
fn summary_counts_my_coding_and_follows_another_coders_file() {
    let dir = common::sample();
    let Some(tmux) = Tmux::start(dir.path(), "summary") else {
        return;
    };
    tmux.wait_for("kommun-a-1");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Intervjuare: Tack");
    tmux.keys(&["]", "V", "4"]);
    tmux.wait_for("Coded Resursbrist");
    // S opens on all coders; a switches to mine, and twice more (konsensus, all) back.
    tmux.keys(&["S", "a"]);
    tmux.wait_for("Layer: this coder (intern)");
    wait_all_segments(&tmux, "Resursbrist", 1);
    tmux.keys(&["a", "a"]);
    tmux.wait_for("Layer: all coders merged");
    let path = dir.path().join("codings/praktikant-b.json");
    let mut b: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let codings = b["codings"].as_array_mut().unwrap();
    let before = codings.len();
    codings.retain(|c| c["code"] != "resursbrist");
    let removed = before - codings.len();
    assert!(removed > 0);
    // The library's count, once my coding is on disk (the frame comes before the save).
    let mine = dir.path().join("codings/intern.json");
    let start = Instant::now();
    while !std::fs::read_to_string(&mine)
        .unwrap_or_default()
        .contains("resursbrist")
    {
        assert!(start.elapsed() < TIMEOUT, "the coding was never saved");
        std::thread::sleep(Duration::from_millis(30));
    }
    let p = kodbok::store::Project::open(dir.path()).unwrap();
    let total =
        kodbok::analysis::summary::compute(&p, &kodbok::analysis::Layer::AllCoders, "grupp")
            .unwrap()
            .cell("resursbrist", None)
            .unwrap()
            .segments();
    wait_all_segments(&tmux, "Resursbrist", total);
    // Another session of praktikant-b saves its file: the open screen follows within a few seconds.
    let tmp = path.with_extension("json.tmp");
    std::fs::write(&tmp, serde_json::to_string_pretty(&b).unwrap()).unwrap();
    std::fs::rename(&tmp, &path).unwrap();
    wait_all_segments(&tmux, "Resursbrist", total - removed);
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_exit(), "0", "{}", tmux.screen());
}

/// A dropped SSH connection looks like this to the workbench: its terminal goes away (the tmux server is
/// killed with the pane). The workbench must notice, end, and free its coder lock, so the coder can go on
/// from a new connection; what was coded is on disk.
#[test]
fn a_workbench_whose_terminal_goes_away_ends_and_frees_its_coder() {
    let dir = common::sample();
    let Some(tmux) = Tmux::start(dir.path(), "hangup") else {
        return;
    };
    open_and_code_the_next_turn(&tmux);
    wait_saved(dir.path(), "resursbrist");
    let pid = lock_holder(dir.path());
    let proc_dir = Path::new("/proc").join(&pid);
    assert!(proc_dir.exists(), "kodbok (pid {pid}) is not running");
    tmux.run(&["kill-server"]);
    // Gone means: no such process, or a zombie waiting for its parent (it ran no more code).
    let gone = || {
        std::fs::read_to_string(proc_dir.join("stat"))
            .map(|s| {
                s.rsplit(')')
                    .next()
                    .unwrap_or("")
                    .trim_start()
                    .starts_with('Z')
            })
            .unwrap_or(true)
    };
    let start = Instant::now();
    while !gone() {
        if start.elapsed() > TIMEOUT {
            let _ = Command::new("kill").args(["-9", &pid]).status();
            panic!("the workbench (pid {pid}) kept running after its terminal went away");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let codes = segments(dir.path());
    assert_eq!(codes.len(), 1, "{codes:?}");
    assert_eq!(codes[0]["code"], "resursbrist");
    // The coder is free again: a write as the same coder is not refused as locked.
    let out = common::kodbok(
        dir.path(),
        &[
            "code",
            "kommun-a-1",
            "--code",
            "lagkrav",
            "--turn",
            "3",
            "--coder",
            "intern",
        ],
    );
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert_eq!(segments(dir.path()).len(), 2);
}
