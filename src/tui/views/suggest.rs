//! The suggestion review screen: each passage with its code, case, group, speaker, the snippet with
//! the query's matches highlighted, and what accepting would code.

use super::{fit, put, theme};
use crate::index::suggest::Suggestion;
use crate::t;
use crate::tui::action::Command;
use crate::tui::app::AppState;
use crate::tui::keymap::KeyContext;
use crate::tui::layout::keep_visible;
use crate::tui::suggest::{page, scope_key};
use crate::tui::wrap::clean;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

pub fn draw(frame: &mut Frame, area: Rect, state: &AppState) {
    let v = &state.suggest;
    let title = format!(" {} ", t!("tui-suggest-title", coder = clean(&state.coder)));
    let inner = super::screen_frame(frame, area, &title);
    if inner.height < 3 || inner.width < 10 {
        return;
    }
    let buf = frame.buffer_mut();
    let book = &state.project.codebook;
    let which = match &v.code {
        Some(c) => book.path(c),
        None => t!("tui-suggest-every-code"),
    };
    let info = t!(
        "tui-suggest-info",
        which = clean(&which),
        n = v.items.len(),
        accepted = v.accepted,
        skipped = v.skipped
    );
    put(
        buf,
        inner.x,
        inner.y,
        &fit(&info, inner.width as usize),
        inner.width,
        theme::dim(),
    );
    let body = Rect::new(inner.x, inner.y + 2, inner.width, inner.height - 2);
    let note = if let Some(e) = &v.error {
        Some((clean(e), Style::new().fg(Color::Red)))
    } else if v.loading {
        Some((t!("tui-suggest-loading"), theme::dim()))
    } else if v.items.is_empty() {
        Some((t!("tui-suggest-none"), Style::new()))
    } else {
        None
    };
    if let Some((text, style)) = note {
        put(
            buf,
            body.x,
            body.y,
            &fit(&text, body.width as usize),
            body.width,
            style,
        );
        return;
    }
    let page = page(area);
    let top = keep_visible(v.top, v.selected, page);
    for (i, s) in v.items.iter().enumerate().skip(top).take(page) {
        let y = body.y + ((i - top) * 3) as u16;
        item(
            buf,
            Rect::new(body.x, y, body.width, 3),
            state,
            s,
            i == v.selected,
        );
    }
}

fn item(buf: &mut Buffer, r: Rect, state: &AppState, s: &Suggestion, selected: bool) {
    let h = &s.hit;
    let case = if h.group.is_empty() {
        h.case.clone()
    } else {
        format!("{} ({})", h.case, h.group)
    };
    let head = t!(
        "tui-suggest-head",
        path = state.project.codebook.path(&s.code),
        case = case,
        doc = &h.doc,
        turn = h.turn,
        speaker = &h.speaker
    );
    let style = if selected {
        theme::selected_row()
    } else {
        Style::new().add_modifier(Modifier::BOLD)
    };
    put(
        buf,
        r.x,
        r.y,
        &fit(&clean(&head), r.width as usize),
        r.width,
        style,
    );
    let w = r.width.saturating_sub(4) as usize;
    let (snip, ranges) = h.snippet_of_width(w.max(8));
    let snip = clean(&snip);
    let hl = Style::new().fg(Color::Black).bg(Color::Yellow);
    let mut x = r.x + 4;
    let end = r.x + r.width;
    for (ci, ch) in snip.chars().enumerate() {
        if x >= end {
            break;
        }
        let st = if ranges.iter().any(|&(a, b)| ci >= a && ci < b) {
            hl
        } else {
            Style::new()
        };
        x += put(buf, x, r.y + 1, &ch.to_string(), end - x, st);
    }
    let codes = t!(
        "tui-suggest-codes",
        key = state
            .keymap
            .key_for(KeyContext::Suggest, Command::AcceptSuggestion)
            .unwrap_or_default(),
        scope = scope_key(s.scope),
        quote = clean(&s.quote)
    );
    put(
        buf,
        r.x + 4,
        r.y + 2,
        &fit(&codes, w.max(1)),
        r.width.saturating_sub(4),
        theme::dim(),
    );
}
