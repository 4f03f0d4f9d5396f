//! The status bar (mode, coder, project, message, last save) and the footer of key hints from the keymap.

use super::{fit, put, theme, width};
use crate::tui::app::{AppState, Level};
use crate::tui::keymap::{HINTS, KeyContext};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

pub fn mode_name(ctx: KeyContext) -> &'static str {
    match ctx {
        KeyContext::Global | KeyContext::Transcript => "READ",
        KeyContext::Documents => "DOCS",
        KeyContext::Select => "SELECT",
        KeyContext::Codebook => "CODEBOOK",
        KeyContext::Retrieval => "SEGMENTS",
        KeyContext::Summary => "SUMMARY",
        KeyContext::SummaryCell => "SUMMARY",
        KeyContext::Agreement => "AGREEMENT",
        KeyContext::Suggest => "SUGGEST",
        KeyContext::SearchQuery | KeyContext::SearchList => "SEARCH",
        KeyContext::Help => "HELP",
        KeyContext::Picker => "PICK CODE",
        KeyContext::Prompt => "INPUT",
        KeyContext::Editor => "EDIT",
        KeyContext::Confirm => "CONFIRM",
        KeyContext::Choose => "CHOOSE",
    }
}

pub fn draw(frame: &mut Frame, area: Rect, state: &AppState) {
    if area.height == 0 {
        return;
    }
    let buf = frame.buffer_mut();
    let bar = Style::new().bg(Color::DarkGray).fg(Color::White);
    put(
        buf,
        area.x,
        area.y,
        &" ".repeat(area.width as usize),
        area.width,
        bar,
    );
    let mode = format!(" {} ", mode_name(state.context()));
    let mode_style = Style::new()
        .bg(Color::Cyan)
        .fg(Color::Black)
        .add_modifier(Modifier::BOLD);
    let x = area.x + put(buf, area.x, area.y, &mode, area.width, mode_style);
    let right = right_label(state, area.width);
    let right_w = width(&right) as u16;
    if let Some((level, msg)) = &state.status.message {
        let style = match level {
            Level::Info => bar,
            Level::Warn => bar.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            Level::Error => Style::new()
                .bg(Color::Red)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD),
        };
        let room = (area.x + area.width).saturating_sub(x + right_w + 1);
        put(buf, x + 1, area.y, &fit(msg, room as usize), room, style);
    }
    let style = if state.status.failing.is_empty() {
        bar
    } else {
        Style::new()
            .bg(Color::Red)
            .fg(Color::White)
            .add_modifier(Modifier::BOLD)
    };
    let rx = (area.x + area.width).saturating_sub(right_w);
    put(buf, rx, area.y, &right, right_w, style);
}

/// Coder, layers and save state; the project folder too when there is room.
fn right_label(state: &AppState, width: u16) -> String {
    let mut parts = vec![state.coder.clone()];
    // The project folder, when there is room beside the message.
    if width >= 100 || state.status.message.is_none() {
        parts.push(state.project_name.clone());
    }
    if state.read_only.is_some() {
        parts.push("READ-ONLY".into());
    }
    if state.layers.blind {
        parts.push("blind".into());
    } else if state.layers.others {
        parts.push("+others".into());
    }
    if !state.status.failing.is_empty() {
        parts.push("NOT SAVED, retrying".into());
    } else if let Some(t) = &state.status.last_saved {
        parts.push(format!("saved {t}"));
    }
    format!(" {} ", parts.join(" · "))
}

/// Key hints for the current context, generated from the keymap.
pub fn footer(frame: &mut Frame, area: Rect, state: &AppState) {
    if area.height == 0 {
        return;
    }
    let ctx = state.context();
    let cmds = HINTS
        .iter()
        .find(|(c, _)| *c == ctx)
        .map_or(&[][..], |h| h.1);
    let buf = frame.buffer_mut();
    let mut x = area.x;
    let end = area.x + area.width;
    for cmd in cmds {
        let Some(key) = state.keymap.key_for(ctx, *cmd) else {
            continue;
        };
        let hint = cmd.hint();
        let need = (width(&key) + width(hint) + 3) as u16;
        if x + need > end {
            break;
        }
        x += put(buf, x + 1, area.y, &key, end - x, theme::key()) + 1;
        x += put(buf, x + 1, area.y, hint, end - x, Style::new()) + 2;
    }
}
