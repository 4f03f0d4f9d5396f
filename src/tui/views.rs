//! Drawing: one function per view, each taking `&AppState` and a frame; nothing here changes state.

use super::app::{AppState, Overlay, Screen};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use unicode_segmentation::UnicodeSegmentation;

pub mod agree;
pub mod codebook;
pub mod dialog;
pub mod documents;
pub mod help;
pub mod picker;
pub mod retrieval;
pub mod search;
pub mod status;
pub mod suggest;
pub mod summary;
pub mod theme;
pub mod transcript;

/// Draws the whole screen for the current state.
pub fn draw(frame: &mut Frame, state: &AppState) {
    let panes = state.panes();
    match state.screen {
        Screen::Workbench => {
            if let Some(r) = panes.docs {
                documents::draw(frame, r, state);
            }
            if let Some(r) = panes.transcript {
                transcript::draw(frame, r, state);
            }
            if let Some(r) = panes.codebook {
                codebook::draw(frame, r, state);
            }
        }
        Screen::Retrieval => retrieval::draw(frame, panes.main, state),
        Screen::Summary => summary::draw(frame, panes.main, state),
        Screen::Agreement => agree::draw(frame, panes.main, state),
        Screen::Search => search::draw(frame, panes.main, state),
        Screen::Suggest => suggest::draw(frame, panes.main, state),
    }
    status::draw(frame, panes.status, state);
    status::footer(frame, panes.footer, state);
    let area = frame.area();
    match &state.overlay {
        None => {}
        Some(Overlay::Help { scroll }) => help::draw(frame, panes.main, state, *scroll),
        Some(Overlay::Picker(p)) => picker::draw(frame, area, state, p),
        Some(o) => dialog::draw(frame, area, o),
    }
    theme::finish(frame.buffer_mut(), state.palette);
}

/// Writes `text` at (x, y) within `max` columns, cleaned of control characters; returns the columns used.
pub fn put(buf: &mut Buffer, x: u16, y: u16, text: &str, max: u16, style: Style) -> u16 {
    let mut col = 0u16;
    for g in text.graphemes(true) {
        let sym = super::wrap::symbol(g);
        let w = super::wrap::gwidth(g) as u16;
        if w == 0 {
            continue;
        }
        if col + w > max {
            break;
        }
        if let Some(cell) = buf.cell_mut((x + col, y)) {
            cell.set_symbol(&sym).set_style(style);
        }
        for extra in 1..w {
            if let Some(cell) = buf.cell_mut((x + col + extra, y)) {
                cell.reset();
            }
        }
        col += w;
    }
    col
}

/// `text` cut to `max` columns with an ellipsis when it is longer.
/// Draws the focused border of a full-screen view with its title fitted to the width; returns the inside.
pub fn screen_frame(frame: &mut Frame, area: Rect, title: &str) -> Rect {
    let block = ratatui::widgets::Block::default()
        .borders(ratatui::widgets::Borders::ALL)
        .border_style(theme::border(true))
        .title(fit(title, area.width.saturating_sub(4) as usize));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

pub fn fit(text: &str, max: usize) -> String {
    let clean = super::wrap::clean(text);
    let mut out = String::new();
    let mut w = 0;
    let total: usize = clean.graphemes(true).map(super::wrap::gwidth).sum();
    if total <= max {
        return clean;
    }
    for g in clean.graphemes(true) {
        let gw = super::wrap::gwidth(g);
        if w + gw + 1 > max {
            break;
        }
        out.push_str(g);
        w += gw;
    }
    if max > 0 {
        out.push('…');
    }
    out
}

/// `text` fitted to exactly `w` columns (cut with an ellipsis, or padded with spaces).
pub fn pad(text: &str, w: usize) -> String {
    let mut s = fit(text, w);
    let n = width(&s);
    s.extend(std::iter::repeat_n(' ', w.saturating_sub(n)));
    s
}

/// Columns a coder's name may take wherever the workbench draws it beside other text.
pub const CODER_WIDTH: usize = 20;

/// A coder's name cut to [`CODER_WIDTH`] columns by display width (ending in `…` when cut).
pub fn coder_name(name: &str) -> String {
    fit(name, CODER_WIDTH)
}

/// Display width of a string as `put` draws it.
pub fn width(text: &str) -> usize {
    text.graphemes(true).map(super::wrap::gwidth).sum()
}

/// Clears a rectangle (for overlays drawn over the panes).
pub fn clear(frame: &mut Frame, r: Rect) {
    frame.render_widget(ratatui::widgets::Clear, r);
}
