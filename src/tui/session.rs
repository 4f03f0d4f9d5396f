//! A running session: state, effect runner and pending chord keys. The event loop, tests and benches drive it.

use super::action::Action;
use super::app::{AppState, Level};
use super::effects::Runner;
use super::history::History;
use super::keymap::{KeyContext, Keymap, Resolved};
use super::keys::{Key, parse_keys};
use crate::store::Project;
use crate::t;
use anyhow::Context as _;
use std::collections::VecDeque;
use std::path::{Path, PathBuf};

/// Where user keymaps are read from, in merge order (later files win).
#[derive(Debug, Clone, Default)]
pub struct SessionOptions {
    pub keymap_files: Vec<PathBuf>,
    pub truecolor: bool,
    /// From `NO_COLOR` and `KODBOK_THEME`.
    pub palette: super::views::theme::Palette,
    /// Why the theme asked for in `KODBOK_THEME` is not used.
    pub theme_warning: Option<String>,
    /// Transcript text (bytes) up to which every transcript is read at the start; above it each is
    /// read when it is opened or a screen needs it (None: [`READ_ALL_UP_TO`]).
    pub read_all_up_to: Option<u64>,
}

/// A study this small (about 60 interviews of 8,000 words) is read whole at the start in a few tens
/// of milliseconds, so the documents pane shows every transcript's progress from the first frame.
pub const READ_ALL_UP_TO: u64 = 4_000_000;

impl SessionOptions {
    /// The user's config folder keymap, then the project's `.kodbok/keymap.toml`; colour depth from `COLORTERM`.
    pub fn from_env(root: &Path) -> SessionOptions {
        let mut files = Vec::new();
        if let Some(dir) = config_dir() {
            files.push(dir.join("kodbok").join("keymap.toml"));
        }
        files.push(root.join(".kodbok").join("keymap.toml"));
        let truecolor = std::env::var("COLORTERM")
            .is_ok_and(|v| v.contains("truecolor") || v.contains("24bit"));
        let palette = super::views::theme::Palette::choose(
            std::env::var("NO_COLOR").ok().as_deref(),
            std::env::var("KODBOK_THEME").ok().as_deref(),
        );
        let (palette, theme_warning) = match palette {
            Ok(p) => (p, None),
            Err(w) => (Default::default(), Some(w)),
        };
        SessionOptions {
            keymap_files: files,
            truecolor,
            palette,
            theme_warning,
            read_all_up_to: None,
        }
    }
}

fn config_dir() -> Option<PathBuf> {
    if let Some(x) = std::env::var_os("XDG_CONFIG_HOME").filter(|x| !x.is_empty()) {
        return Some(PathBuf::from(x));
    }
    if cfg!(windows) {
        return std::env::var_os("APPDATA").map(PathBuf::from);
    }
    std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config"))
}

pub struct Session {
    pub state: AppState,
    runner: Runner,
    pending: Vec<Key>,
    /// Effects asked for by `update` and not yet run.
    effects: VecDeque<super::action::Effect>,
}

impl Session {
    /// Opens the project, takes my coder file's lock (read-only when another session has it) and loads undo history.
    pub fn open(root: &Path, coder: &str, opts: &SessionOptions) -> anyhow::Result<Session> {
        let project = open_project(root, opts.read_all_up_to.unwrap_or(READ_ALL_UP_TO))
            .with_context(|| crate::t!("tui-cannot-open", dir = root.display().to_string()))?;
        let (lease, read_only) = match project.lease_coder(coder)? {
            Ok(lease) => (Some(lease), None),
            Err(holder) => (None, Some(holder)),
        };
        let (history, warn) = History::load(&History::path(&project.cache_dir(), coder));
        let files: Vec<&Path> = opts.keymap_files.iter().map(PathBuf::as_path).collect();
        let (keymap, mut warnings) = Keymap::load(&files);
        warnings.extend(warn);
        let decisions = project.decisions(crate::model::CONSENSUS_CODER);
        let mut state = AppState::new(project, coder, keymap, history, read_only);
        match decisions {
            Ok(log) => state.agree.decisions = log,
            Err(e) => warnings.push(crate::t!(
                "tui-decisions-unreadable",
                error = crate::messages::describe(&e)
            )),
        }
        state.truecolor = opts.truecolor;
        state.palette = opts.palette;
        warnings.extend(opts.theme_warning.clone());
        super::uistate::load(&super::uistate::path(&state.project.cache_dir(), coder))
            .restore(&mut state);
        warnings.extend(shadowed_shortcuts(&state));
        for w in &warnings {
            tracing::warn!("{w}");
        }
        if let Some(holder) = state.read_only.clone() {
            state.message(
                Level::Warn,
                t!("tui-msg-read-only", coder = coder, holder = holder.as_str()),
            );
        } else if let Some(first) = warnings.first() {
            let more = if warnings.len() > 1 {
                crate::t!("tui-more-warnings", n = warnings.len() - 1)
            } else {
                String::new()
            };
            state.message(Level::Warn, format!("{first}{more}"));
        }
        state.check_anchors();
        let runner = Runner::new(&state, lease);
        Ok(Session {
            state,
            runner,
            pending: Vec::new(),
            effects: VecDeque::new(),
        })
    }

    /// Feeds one key through the keymap and updates the state; its effects wait for [`Session::flush`],
    /// so the next frame can be drawn before files are written.
    pub fn key(&mut self, key: Key) {
        let ctx = self.state.context();
        match self.state.keymap.resolve(ctx, &self.pending, key) {
            Resolved::Command(c) => {
                self.pending.clear();
                self.apply(Action::Cmd(c));
            }
            Resolved::Pending => self.pending.push(key),
            Resolved::Unbound if !self.pending.is_empty() => self.pending.clear(),
            Resolved::Unbound => {
                if let Some(ch) = key.printable() {
                    let a = if ctx.takes_text() {
                        Action::Insert(ch)
                    } else {
                        Action::Shortcut(ch)
                    };
                    self.apply(a);
                }
            }
        }
    }

    /// Feeds a key string such as `"jjV<enter>"` (see [`parse_keys`]), running effects after each key.
    pub fn feed(&mut self, keys: &str) -> Result<(), String> {
        for k in parse_keys(keys)? {
            self.key(k);
            self.flush();
        }
        Ok(())
    }

    /// Applies an action and runs every effect that follows from it.
    pub fn dispatch(&mut self, action: Action) {
        self.apply(action);
        self.flush();
    }

    /// Updates the state; effects are queued.
    pub fn apply(&mut self, action: Action) {
        let fx = self.state.update(action);
        self.effects.extend(fx);
    }

    /// Runs queued effects (saves, polling) and the actions they report, until none are left.
    pub fn flush(&mut self) {
        loop {
            while let Some(effect) = self.effects.pop_front() {
                for a in self.runner.run(&self.state, effect) {
                    self.apply(a);
                }
            }
            let reported = self.runner.search.reported();
            if reported.is_empty() {
                break;
            }
            for a in reported {
                self.apply(a);
            }
        }
    }

    /// Waits (at most `timeout`) until the search index thread has finished, then applies what it reported.
    pub fn wait_index(&mut self, timeout: std::time::Duration) {
        for a in self.runner.search.wait(timeout) {
            self.apply(a);
        }
        self.flush();
    }

    /// Saves everything unsaved and quits (on a signal or a lost terminal); what still cannot be
    /// saved is written to a rescue copy, so nothing is lost.
    pub fn terminate(&mut self) {
        self.dispatch(Action::Terminate);
        if !self.state.dirty.is_empty() {
            self.effects.push_back(super::action::Effect::Rescue);
            self.flush();
        }
    }

    pub fn pending(&self) -> &[Key] {
        &self.pending
    }
}

/// The codebook, cases, coder files and every transcript's header; the texts too when they are at
/// most `read_all_up_to` bytes.
fn open_project(root: &Path, read_all_up_to: u64) -> Result<Project, crate::store::StoreError> {
    let mut project = Project::open_with(root, &crate::store::Load::Headers)?;
    if project.unread_bytes() <= read_all_up_to {
        let texts = project.read_texts(None)?;
        project.add_texts(texts);
    }
    Ok(project)
}

/// Code shortcuts that a key binding hides in the transcript.
fn shadowed_shortcuts(state: &AppState) -> Vec<String> {
    state
        .project
        .codebook
        .flatten()
        .iter()
        .filter_map(|f| {
            let s = f.code.shortcut.as_deref()?;
            let c = s.chars().next()?;
            let bound = state
                .keymap
                .resolve(KeyContext::Transcript, &[], Key::char(c))
                != Resolved::Unbound;
            bound.then(|| {
                crate::t!(
                    "tui-shortcut-taken",
                    key = format!("{s:?}"),
                    code = f.code.name.as_str()
                )
            })
        })
        .collect()
}
