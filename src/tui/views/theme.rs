//! Colours and styles: code colours from the codebook (24-bit or mapped to 256 colours), readable text on them,
//! and the palettes for `NO_COLOR`, high contrast and colour-blind viewers (`KODBOK_THEME`).

use crate::tui::app::AppState;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};

/// How the workbench uses colour. Without colour, the cursor, the selection and every selected row are shown in
/// reverse video and coded text is underlined (the stripes in the margin name the codes).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Palette {
    #[default]
    Colour,
    /// `NO_COLOR` is set: attributes only (reverse video, bold, underline).
    NoColour,
    /// `KODBOK_THEME=high-contrast`: no dimmed grey text, and the cursor and selection in reverse video too.
    HighContrast,
    /// `KODBOK_THEME=colour-blind`: code colours from the Okabe–Ito palette by theme; no red or green.
    ColourBlind,
}

impl Palette {
    /// `NO_COLOR` (any non-empty value, see no-color.org) wins; else `KODBOK_THEME`. An unknown theme is an error
    /// naming the ones there are.
    pub fn choose(no_color: Option<&str>, theme: Option<&str>) -> Result<Palette, String> {
        if no_color.is_some_and(|v| !v.is_empty()) {
            return Ok(Palette::NoColour);
        }
        match theme.map(str::trim).unwrap_or("") {
            "" | "default" => Ok(Palette::Colour),
            "no-color" | "no-colour" | "mono" => Ok(Palette::NoColour),
            "high-contrast" => Ok(Palette::HighContrast),
            "colour-blind" | "color-blind" | "colorblind" => Ok(Palette::ColourBlind),
            other => Err(crate::t!("tui-theme-unknown", value = other)),
        }
    }

    /// Whether the cursor and the selection are drawn with attributes (reverse video, bold, underline).
    fn by_attributes(self) -> bool {
        matches!(self, Palette::NoColour | Palette::HighContrast)
    }
}

/// The Okabe–Ito palette: eight colours told apart with every common colour-vision deficiency.
const OKABE_ITO: [(u8, u8, u8); 8] = [
    (230, 159, 0),
    (86, 180, 233),
    (0, 158, 115),
    (240, 228, 66),
    (0, 114, 178),
    (213, 94, 0),
    (204, 121, 167),
    (153, 153, 153),
];

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
    if state.palette == Palette::ColourBlind {
        let book = &state.project.codebook;
        let theme = book.theme_of(code).unwrap_or_default();
        let i = book.codes.iter().position(|c| c.id == theme).unwrap_or(0);
        return OKABE_ITO[i % OKABE_ITO.len()];
    }
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
    if state.palette == Palette::NoColour {
        return Style::new().add_modifier(Modifier::UNDERLINED);
    }
    let bg = code_rgb(state, code);
    Style::new().bg(rgb(state, bg)).fg(rgb(state, on(bg)))
}

/// The selected text in the transcript.
pub fn selection(state: &AppState) -> Style {
    match state.palette {
        Palette::NoColour => Style::new().add_modifier(Modifier::REVERSED),
        Palette::HighContrast => Style::new()
            .bg(Color::White)
            .fg(Color::Black)
            .add_modifier(Modifier::BOLD),
        _ => Style::new().bg(rgb(state, (40, 80, 150))).fg(Color::White),
    }
}

/// The cursor in the transcript; inside a selection it is the one cell not in reverse video, so it still shows.
pub fn cursor(state: &AppState, in_selection: bool) -> Style {
    if state.palette.by_attributes() {
        let st = Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
        return if in_selection {
            st.remove_modifier(Modifier::REVERSED)
                .bg(Color::Reset)
                .fg(Color::Reset)
        } else {
            st.add_modifier(Modifier::REVERSED)
        };
    }
    Style::new()
        .bg(Color::Yellow)
        .fg(Color::Black)
        .add_modifier(Modifier::BOLD)
}

/// Last pass over a drawn frame for the palettes that change every view alike: without colour, a coloured
/// background (status bar, highlighted rows, dialogs) becomes reverse video and grey text dim; high contrast
/// turns grey text white; colour-blind swaps red and green for vermillion and blue.
pub fn finish(buf: &mut Buffer, palette: Palette) {
    if palette == Palette::Colour {
        return;
    }
    let area = buf.area;
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let Some(cell) = buf.cell_mut((x, y)) else {
                continue;
            };
            match palette {
                Palette::NoColour => {
                    let mut m = cell.modifier;
                    if cell.bg != Color::Reset {
                        m |= Modifier::REVERSED;
                    }
                    if cell.fg == Color::DarkGray {
                        m |= Modifier::DIM;
                    }
                    if matches!(cell.bg, Color::Red) {
                        m |= Modifier::BOLD;
                    }
                    cell.modifier = m;
                    cell.fg = Color::Reset;
                    cell.bg = Color::Reset;
                }
                Palette::HighContrast => {
                    if cell.fg == Color::DarkGray {
                        cell.fg = Color::White;
                    }
                    if cell.bg == Color::DarkGray {
                        cell.bg = Color::Black;
                    }
                    cell.modifier.remove(Modifier::DIM);
                }
                Palette::ColourBlind => {
                    cell.fg = safe(cell.fg);
                    cell.bg = safe(cell.bg);
                }
                Palette::Colour => {}
            }
        }
    }
}

/// Red and green as colours told apart without telling red from green.
fn safe(c: Color) -> Color {
    match c {
        Color::Red | Color::LightRed => Color::Rgb(213, 94, 0),
        Color::Green | Color::LightGreen => Color::Rgb(0, 114, 178),
        other => other,
    }
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

    #[test]
    fn palettes_from_the_environment() {
        assert_eq!(
            Palette::choose(Some("1"), Some("high-contrast")),
            Ok(Palette::NoColour)
        );
        assert_eq!(Palette::choose(Some(""), None), Ok(Palette::Colour));
        assert_eq!(
            Palette::choose(None, Some("high-contrast")),
            Ok(Palette::HighContrast)
        );
        assert_eq!(
            Palette::choose(None, Some("color-blind")),
            Ok(Palette::ColourBlind)
        );
        assert!(
            Palette::choose(None, Some("neon"))
                .unwrap_err()
                .contains("high-contrast")
        );
    }

    #[test]
    fn no_colour_keeps_highlights_as_reverse_video() {
        let mut buf = Buffer::empty(ratatui::layout::Rect::new(0, 0, 3, 1));
        buf[(0, 0)].set_bg(Color::Yellow);
        buf[(1, 0)].set_fg(Color::DarkGray);
        finish(&mut buf, Palette::NoColour);
        assert!(buf[(0, 0)].modifier.contains(Modifier::REVERSED));
        assert_eq!(buf[(0, 0)].bg, Color::Reset);
        assert!(buf[(1, 0)].modifier.contains(Modifier::DIM));
        assert!(buf[(2, 0)].modifier.is_empty());
    }
}
