//! The terminal: a guard that restores it on exit and on panic, and crossterm events turned into keys and actions.

use super::action::{Action, Mouse};
use super::keys::{Key, KeyCode};
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
    KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// While alive, the terminal is in raw mode on the alternate screen with mouse capture and bracketed paste.
/// It also notes SIGTERM, SIGHUP (a dropped SSH connection) and SIGINT, so the loop can save and quit.
pub struct Guard {
    signalled: Arc<AtomicBool>,
}

impl Guard {
    pub fn enter() -> io::Result<Guard> {
        install_panic_hook();
        let signalled = Arc::new(AtomicBool::new(false));
        #[cfg(unix)]
        for sig in [
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGHUP,
            signal_hook::consts::SIGINT,
        ] {
            signal_hook::flag::register(sig, Arc::clone(&signalled))?;
        }
        enable_raw_mode()?;
        let guard = Guard { signalled };
        execute!(
            io::stdout(),
            EnterAlternateScreen,
            EnableMouseCapture,
            EnableBracketedPaste,
            cursor::Hide
        )?;
        Ok(guard)
    }
}

impl Guard {
    /// True once the process was asked to end.
    pub fn signalled(&self) -> bool {
        self.signalled.load(Ordering::SeqCst)
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Undoes everything `Guard::enter` did; safe to call more than once.
pub fn restore() {
    let mut out = io::stdout();
    let _ = execute!(
        out,
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = disable_raw_mode();
    let _ = out.flush();
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        tracing::error!("panic: {info}");
        previous(info);
    }));
}

/// The terminal's width in columns, when there is one (the CLI fits its tables to it).
pub fn width() -> Option<u16> {
    crossterm::terminal::size().ok().map(|(w, _)| w)
}

/// A key from crossterm, if it is a press we handle.
pub fn key(ev: &crossterm::event::KeyEvent) -> Option<Key> {
    if ev.kind == KeyEventKind::Release {
        return None;
    }
    use crossterm::event::KeyCode as C;
    let code = match ev.code {
        C::Char(c) => KeyCode::Char(c),
        C::Enter => KeyCode::Enter,
        C::Esc => KeyCode::Esc,
        C::Tab => KeyCode::Tab,
        C::BackTab => KeyCode::BackTab,
        C::Backspace => KeyCode::Backspace,
        C::Delete => KeyCode::Delete,
        C::Up => KeyCode::Up,
        C::Down => KeyCode::Down,
        C::Left => KeyCode::Left,
        C::Right => KeyCode::Right,
        C::Home => KeyCode::Home,
        C::End => KeyCode::End,
        C::PageUp => KeyCode::PageUp,
        C::PageDown => KeyCode::PageDown,
        C::F(n) => KeyCode::F(n),
        _ => return None,
    };
    let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
    let code = match code {
        KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
        other => other,
    };
    Some(Key {
        code,
        ctrl,
        alt: ev.modifiers.contains(KeyModifiers::ALT),
    })
}

/// What a non-key event means for the app.
pub enum Input {
    Key(Key),
    Action(Action),
    Nothing,
}

/// The next terminal event within `timeout`, translated; None when nothing happened or a signal came (the
/// loop then looks at the signal flag). An error when the terminal went away (a dropped SSH connection, a
/// killed tmux): the caller saves and ends.
#[cfg(unix)]
pub fn next_input(timeout: std::time::Duration) -> std::io::Result<Option<Input>> {
    // crossterm 0.29 retries for ever when its terminal read returns end-of-file or an error, which is what a
    // hung-up terminal gives, and no signal breaks that loop: so crossterm reads only after the terminal
    // itself said it has input and has not hung up.
    use std::time::Duration;
    tty::ready(Duration::ZERO)?;
    if crossterm::event::poll(Duration::ZERO)? {
        return Ok(Some(translate(crossterm::event::read()?)));
    }
    match tty::ready(timeout)? {
        tty::Ready::Input if crossterm::event::poll(Duration::ZERO)? => {
            Ok(Some(translate(crossterm::event::read()?)))
        }
        _ => Ok(None),
    }
}

#[cfg(not(unix))]
pub fn next_input(timeout: std::time::Duration) -> std::io::Result<Option<Input>> {
    if crossterm::event::poll(timeout)? {
        Ok(Some(translate(crossterm::event::read()?)))
    } else {
        Ok(None)
    }
}

/// The terminal crossterm reads (standard input when it is a terminal, else `/dev/tty`), watched with
/// `poll(2)`, which a signal interrupts and which reports a hang-up.
#[cfg(unix)]
mod tty {
    use std::io;
    use std::os::fd::{AsRawFd, RawFd};
    use std::sync::OnceLock;
    use std::time::Duration;

    pub enum Ready {
        Input,
        /// Nothing within the time, or a signal came.
        Nothing,
    }

    fn fd() -> io::Result<RawFd> {
        static DEV_TTY: OnceLock<Option<std::fs::File>> = OnceLock::new();
        // SAFETY: isatty only inspects the descriptor.
        if unsafe { libc::isatty(libc::STDIN_FILENO) } == 1 {
            return Ok(libc::STDIN_FILENO);
        }
        DEV_TTY
            .get_or_init(|| std::fs::File::open("/dev/tty").ok())
            .as_ref()
            .map(|f| f.as_raw_fd())
            .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, crate::t!("tui-no-terminal")))
    }

    /// Waits up to `timeout` for input; an error when the terminal hung up or failed.
    pub fn ready(timeout: Duration) -> io::Result<Ready> {
        let mut watched = libc::pollfd {
            fd: fd()?,
            events: libc::POLLIN,
            revents: 0,
        };
        let ms = i32::try_from(timeout.as_millis()).unwrap_or(i32::MAX);
        // SAFETY: one valid pollfd, for the length given.
        let n = unsafe { libc::poll(&mut watched, 1, ms) };
        if n < 0 {
            let e = io::Error::last_os_error();
            return match e.kind() {
                io::ErrorKind::Interrupted => Ok(Ready::Nothing),
                _ => Err(e),
            };
        }
        if watched.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
            return Err(io::Error::new(
                io::ErrorKind::BrokenPipe,
                crate::t!("tui-terminal-gone"),
            ));
        }
        Ok(if n > 0 && watched.revents & libc::POLLIN != 0 {
            Ready::Input
        } else {
            Ready::Nothing
        })
    }
}

pub fn translate(ev: Event) -> Input {
    match ev {
        Event::Key(k) => key(&k).map_or(Input::Nothing, Input::Key),
        Event::Resize(w, h) => Input::Action(Action::Resize(w, h)),
        Event::Paste(s) => Input::Action(Action::Paste(s)),
        Event::Mouse(m) => {
            let (x, y) = (m.column, m.row);
            let mouse = match m.kind {
                MouseEventKind::Down(MouseButton::Left) => Mouse::Down { x, y },
                MouseEventKind::Drag(MouseButton::Left) => Mouse::Drag { x, y },
                MouseEventKind::Up(MouseButton::Left) => Mouse::Up,
                MouseEventKind::ScrollDown => Mouse::ScrollDown { x, y },
                MouseEventKind::ScrollUp => Mouse::ScrollUp { x, y },
                _ => return Input::Nothing,
            };
            Input::Action(Action::Mouse(mouse))
        }
        _ => Input::Nothing,
    }
}
