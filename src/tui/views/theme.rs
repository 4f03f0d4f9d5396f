//! Colours and styles: code colours from the codebook (24-bit or mapped to 256 colours), readable text on them.

use crate::tui::app::AppState;
use ratatui::style::{Color, Modifier, Style};

pub const DEFAULT_CODE: (u8, u8, u8) = (0x9e, 0x9e, 0x9e);

fn parse_hex(s: &str) -> Option<(u8, u8, u8)> {
    let h = s.strip_prefix('#')?;
    if h.len() != 6 || !h.is_ascii() {
        return None;
    }
    let n = u32::from_str_radix(h, 16).ok()?;
    Some(((n >> 16) as u8, (n >> 8) as u8, n as u8))
}

/// The nearest colour of the xterm 256-colour cube.
fn to_256(r: u8, g: u8, b: u8) -> Color {
    let level = |v: u8| -> u8 {
        if v < 48 {
            0
        } else if v < 115 {
            1
        } else {
            (v - 35) / 40
        }
    };
    Color::Indexed(16 + 36 * level(r) + 6 * level(g) + level(b))
}

pub fn rgb(state: &AppState, (r, g, b): (u8, u8, u8)) -> Color {
    if state.truecolor {
        Color::Rgb(r, g, b)
    } else {
        to_256(r, g, b)
    }
}

pub fn code_rgb(state: &AppState, code: &str) -> (u8, u8, u8) {
    state
        .project
        .codebook
        .get(code)
        .and_then(|c| c.color.as_deref())
        .and_then(parse_hex)
        .unwrap_or(DEFAULT_CODE)
}

/// Black or white, whichever reads better on `bg`.
pub fn on(bg: (u8, u8, u8)) -> (u8, u8, u8) {
    let l = 0.299 * f64::from(bg.0) + 0.587 * f64::from(bg.1) + 0.114 * f64::from(bg.2);
    if l > 140.0 {
        (0, 0, 0)
    } else {
        (255, 255, 255)
    }
}

/// Text of a span coded with `code`: the code's colour behind readable text.
pub fn coded(state: &AppState, code: &str) -> Style {
    let bg = code_rgb(state, code);
    Style::new().bg(rgb(state, bg)).fg(rgb(state, on(bg)))
}

pub fn border(focused: bool) -> Style {
    if focused {
        Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
    } else {
        Style::new().fg(Color::DarkGray)
    }
}

pub fn dim() -> Style {
    Style::new().fg(Color::DarkGray)
}

pub fn selected_row() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

pub fn key() -> Style {
    Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours() {
        assert_eq!(parse_hex("#e53935"), Some((0xe5, 0x39, 0x35)));
        assert_eq!(parse_hex("e53935"), None);
        assert_eq!(to_256(0, 0, 0), Color::Indexed(16));
        assert_eq!(to_256(255, 255, 255), Color::Indexed(231));
        assert_eq!(on((255, 205, 210)), (0, 0, 0));
        assert_eq!(on((46, 125, 50)), (255, 255, 255));
    }
}
