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

/// While alive, the terminal is in raw mode on the alternate screen with mouse capture and bracketed paste.
pub struct Guard;

impl Guard {
    pub fn enter() -> io::Result<Guard> {
        install_panic_hook();
        enable_raw_mode()?;
        let guard = Guard;
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

/// The next terminal event within `timeout`, translated; None when nothing happened.
pub fn next_input(timeout: std::time::Duration) -> std::io::Result<Option<Input>> {
    if crossterm::event::poll(timeout)? {
        Ok(Some(translate(crossterm::event::read()?)))
    } else {
        Ok(None)
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
