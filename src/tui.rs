//! The coding workbench: a terminal UI over a project (Elm shape: one state, one update, views that draw, effects outside).

pub mod action;
pub mod agree;
pub mod app;
pub mod codetree;
pub mod commands;
pub mod dialog;
pub mod doclist;
pub mod docview;
pub mod editor;
pub mod effects;
pub mod history;
pub mod keymap;
pub mod keys;
pub mod layout;
pub mod motion;
pub mod picker;
pub mod retrieval;
pub mod screen;
pub mod search;
pub mod searcher;
pub mod session;
pub mod suggest;
pub mod summary;
pub mod terminal;
pub mod uistate;
pub mod update;
pub mod views;
pub mod wrap;

pub use app::AppState;
pub use session::{Session, SessionOptions};

use action::Action;
use anyhow::Context as _;
use std::path::Path;
use std::time::{Duration, Instant};

/// How often `Tick` is sent (save retries, watching other coders' files).
const TICK: Duration = Duration::from_millis(250);

/// Opens the workbench on the project at `root` as `coder` and runs until the user quits.
/// Runs the workbench; `theme` (from `--theme`) wins over `NO_COLOR` and `KODBOK_THEME`.
pub fn run(root: &Path, coder: &str, theme: Option<views::theme::Palette>) -> anyhow::Result<()> {
    if let Some(why) = unusable_terminal(std::env::var("TERM").ok().as_deref()) {
        anyhow::bail!(why);
    }
    // The project is opened first, so a folder that is not a project is left as it was (no .kodbok/tui.log).
    let mut opts = SessionOptions::from_env(root);
    if let Some(p) = theme {
        opts.palette = p;
        opts.theme_warning = None;
    }
    let mut session = Session::open(root, coder, &opts)?;
    init_logging(root);
    tracing::info!("tui started for coder {coder} in {}", root.display());
    let guard = terminal::Guard::enter().with_context(|| crate::t!("tui-no-fullscreen"))?;
    let backend = ratatui::backend::CrosstermBackend::new(std::io::stdout());
    let mut term = ratatui::Terminal::new(backend).with_context(|| crate::t!("tui-no-terminal"))?;
    let result = event_loop(&mut term, &mut session, &guard);
    if result.is_err() || guard.signalled() {
        // the terminal failed or went away, or the process was told to end: save before anything else
        session.terminate();
    }
    drop(guard);
    tracing::info!("tui ended");
    result
}

fn event_loop<B: ratatui::backend::Backend>(
    term: &mut ratatui::Terminal<B>,
    session: &mut Session,
    guard: &terminal::Guard,
) -> anyhow::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let size = term.size()?;
    session.dispatch(Action::Resize(size.width, size.height));
    let mut last_tick = Instant::now();
    while !session.state.quit && !guard.signalled() {
        term.draw(|f| views::draw(f, &session.state))?;
        let timeout = TICK.saturating_sub(last_tick.elapsed());
        if let Some(input) = terminal::next_input(timeout)? {
            // One event, its frame, then its saves: the frame does not wait for the disk.
            match input {
                terminal::Input::Key(k) => session.key(k),
                terminal::Input::Action(a) => session.apply(a),
                terminal::Input::Nothing => {}
            }
            term.draw(|f| views::draw(f, &session.state))?;
            session.flush();
        }
        if last_tick.elapsed() >= TICK {
            last_tick = Instant::now();
            session.dispatch(Action::Tick);
        }
    }
    Ok(())
}

/// Why the workbench cannot run in a terminal of type `term` (a dumb terminal has no cursor movement or
/// full-screen mode: the screen would be garbage), or None.
fn unusable_terminal(term: Option<&str>) -> Option<String> {
    (term == Some("dumb")).then(|| crate::t!("tui-dumb-terminal"))
}

/// Logs go to `.kodbok/tui.log` in the project, never to the screen (`KODBOK_LOG=debug` for more).
fn init_logging(root: &Path) {
    let dir = root.join(".kodbok");
    if std::fs::create_dir_all(&dir).is_err() {
        return;
    }
    let Ok(file) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join("tui.log"))
    else {
        return;
    };
    let level = match std::env::var("KODBOK_LOG").as_deref() {
        Ok("debug") => tracing::Level::DEBUG,
        Ok("trace") => tracing::Level::TRACE,
        _ => tracing::Level::INFO,
    };
    let _ = tracing_subscriber::fmt()
        .with_writer(std::sync::Mutex::new(file))
        .with_ansi(false)
        .with_max_level(level)
        .try_init();
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_dumb_terminal_is_refused_with_a_reason() {
        let why = super::unusable_terminal(Some("dumb")).unwrap();
        assert!(why.contains("TERM=dumb") && why.contains("kodbok --help"));
        assert_eq!(super::unusable_terminal(Some("xterm-256color")), None);
        assert_eq!(super::unusable_terminal(None), None);
    }
}
