//! The code picker overlay: the query, matching codes with their paths and shortcuts, or parents for a new code.

use super::{clear, fit, pad, put, theme};
use crate::t;
use crate::tui::app::AppState;
use crate::tui::keymap::KeyContext;
use crate::tui::layout::{centered, keep_visible};
use crate::tui::picker::{Item, Picker};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::widgets::{Block, Borders};

pub fn draw(frame: &mut Frame, area: Rect, state: &AppState, p: &Picker) {
    let h = (p.items.len() as u16 + 4)
        .clamp(6, 20)
        .min(area.height.saturating_sub(2));
    let r = away_from_cursor(
        state,
        centered(area, 72.min(area.width.saturating_sub(2)), h),
    );
    clear(frame, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::border(true))
        .title(format!(" {} ", p.title()));
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let buf = frame.buffer_mut();
    let w = inner.width as usize;
    let used = put(
        buf,
        inner.x,
        inner.y,
        &format!("> {}", fit(&p.query, w.saturating_sub(3))),
        inner.width,
        Style::new(),
    );
    put(
        buf,
        inner.x + used,
        inner.y,
        " ",
        1,
        Style::new().bg(Color::Yellow),
    );
    let mut y = inner.y + 1;
    if p.creating {
        let new = state
            .keymap
            .key_for(KeyContext::Picker, crate::tui::action::Command::Accept)
            .unwrap_or_default();
        let msg = t!("tui-picker-new", name = p.query.trim(), key = new);
        put(
            buf,
            inner.x,
            y,
            &fit(&msg, w),
            inner.width,
            Style::new().fg(Color::Yellow),
        );
        y += 1;
    } else if p.items.is_empty() {
        put(
            buf,
            inner.x,
            y,
            &t!("tui-picker-no-match"),
            inner.width,
            theme::dim(),
        );
    }
    let h = (inner.y + inner.height).saturating_sub(y) as usize;
    let top = keep_visible(0, p.selected, h);
    let book = &state.project.codebook;
    for (i, item) in p.items.iter().enumerate().skip(top).take(h) {
        let row_y = y + (i - top) as u16;
        let style = if i == p.selected {
            theme::selected_row()
        } else {
            Style::new()
        };
        let (label, key, code) = match item {
            Item::TopLevel => (t!("tui-picker-top-level"), String::new(), None),
            Item::Code(id) => {
                let key = book
                    .get(id)
                    .and_then(|c| c.shortcut.clone())
                    .unwrap_or_default();
                (book.path(id), key, Some(id.as_str()))
            }
        };
        let line = format!("  {} {}", pad(&label, w.saturating_sub(5)), pad(&key, 2));
        put(buf, inner.x, row_y, &line, inner.width, style);
        if let Some(id) = code {
            put(
                buf,
                inner.x,
                row_y,
                "■",
                1,
                style.fg(theme::rgb(state, theme::code_rgb(state, id))),
            );
        }
    }
}

/// Puts the box above or below, whichever hides less of the selection (or the cursor line).
fn away_from_cursor(state: &AppState, r: Rect) -> Rect {
    let (Some(g), Some(v)) = (state.text_geom(), state.view.as_ref()) else {
        return r;
    };
    if r.height >= g.height {
        return r;
    }
    let lines = v.lines();
    let line_of = |pos| crate::tui::wrap::line_of(lines, pos);
    let (a, b) = v
        .selection()
        .map_or((v.cursor, v.cursor), |(s, e)| (s, e.saturating_sub(1)));
    let first = line_of(a).max(v.top) - v.top;
    let last = line_of(b).saturating_sub(v.top).min(g.height as usize - 1);
    let hidden = |y0: usize| {
        let y1 = y0 + r.height as usize;
        (first..=last.max(first))
            .filter(|row| (y0..y1).contains(row))
            .count()
    };
    let below = (g.height - r.height) as usize;
    let y = if hidden(0) < hidden(below) {
        g.y
    } else {
        g.y + below as u16
    };
    Rect { y, ..r }
}
