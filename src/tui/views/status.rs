//! The status bar (mode, coder, project, message, last save) and the footer of key hints from the keymap.

use super::{fit, put, theme, width};
use crate::tui::app::{AppState, Level};
use crate::tui::keymap::{Context, HINTS};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

pub fn mode_name(ctx: Context) -> &'static str {
    match ctx {
        Context::Global | Context::Transcript => "READ",
        Context::Documents => "DOCS",
        Context::Select => "SELECT",
        Context::Codebook => "CODEBOOK",
        Context::Retrieval => "SEGMENTS",
        Context::Help => "HELP",
        Context::Picker => "PICK CODE",
        Context::Prompt => "INPUT",
        Context::Editor => "MEMO",
        Context::Confirm => "CONFIRM",
        Context::Choose => "CHOOSE",
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
    let mut x = area.x
        + put(
            buf,
            area.x,
            area.y,
            &mode,
            area.width,
            Style::new()
                .bg(Color::Cyan)
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD),
        );
    let project = state
        .project
        .root
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let mut who = format!(" {} · {} ", state.coder, project);
    if state.read_only.is_some() {
        who.push_str("· READ-ONLY ");
    }
    if state.layers.blind {
        who.push_str("· blind ");
    } else if state.layers.others {
        who.push_str("· +others ");
    }
    let right = save_label(state);
    let right_w = width(&right) as u16;
    let room = area.width.saturating_sub(x - area.x + right_w);
    x += put(buf, x, area.y, &fit(&who, room as usize), room, bar);
    if let Some((level, msg)) = &state.status.message {
        let style = match level {
            Level::Info => bar,
            Level::Warn => bar.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            Level::Error => Style::new()
                .bg(Color::Red)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD),
        };
        let room = (area.x + area.width).saturating_sub(x + right_w);
        put(buf, x, area.y, &fit(msg, room as usize), room, style);
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

fn save_label(state: &AppState) -> String {
    if !state.status.failing.is_empty() {
        return " NOT SAVED – retrying ".into();
    }
    match &state.status.last_saved {
        Some(t) => format!(" saved {t} "),
        None => " ".into(),
    }
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
