//! The status bar (mode, coder, project, message, last save) and the footer of key hints from the keymap.

use super::{fit, put, theme, width};
use crate::t;
use crate::tui::app::{AppState, Level};
use crate::tui::keymap::{HINTS, KeyContext};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

/// The mode's name in the status bar, in the current language.
pub fn mode_name(ctx: KeyContext) -> String {
    match ctx {
        KeyContext::Global | KeyContext::Transcript => t!("tui-mode-read"),
        KeyContext::Documents => t!("tui-mode-docs"),
        KeyContext::Select => t!("tui-mode-select"),
        KeyContext::Codebook => t!("tui-mode-codebook"),
        KeyContext::Retrieval => t!("tui-mode-segments"),
        KeyContext::Summary | KeyContext::SummaryCell => t!("tui-mode-summary"),
        KeyContext::Agreement => t!("tui-mode-agreement"),
        KeyContext::SearchQuery | KeyContext::SearchList => t!("tui-mode-search"),
        KeyContext::Help => t!("tui-mode-help"),
        KeyContext::Picker => t!("tui-mode-pick"),
        KeyContext::Prompt | KeyContext::DocFilter => t!("tui-mode-input"),
        KeyContext::Editor => t!("tui-mode-edit"),
        KeyContext::Confirm => t!("tui-mode-confirm"),
        KeyContext::Choose => t!("tui-mode-choose"),
        KeyContext::Suggest => t!("tui-mode-suggest"),
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
        let (first, _) = split_message(msg, room as usize);
        put(buf, x + 1, area.y, &first, room, style);
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

/// Columns the message has in the status bar of a terminal `width` wide.
fn message_room(state: &AppState, width: u16) -> usize {
    let mode = super::width(&mode_name(state.context())) + 2;
    let right = super::width(&right_label(state, width));
    (width as usize).saturating_sub(mode + right + 1)
}

/// A message cut at a word into what fits in `room` columns and the rest (None when it all fits), so a long
/// message goes on in the footer line instead of being cut.
pub fn split_message(msg: &str, room: usize) -> (String, Option<String>) {
    let msg = crate::tui::wrap::clean(msg);
    if width(&msg) <= room {
        return (msg, None);
    }
    let mut first = String::new();
    let mut rest = String::new();
    for word in msg.split(' ') {
        let next = if first.is_empty() {
            word.to_string()
        } else {
            format!("{first} {word}")
        };
        if rest.is_empty() && width(&next) <= room {
            first = next;
        } else {
            if !rest.is_empty() {
                rest.push(' ');
            }
            rest.push_str(word);
        }
    }
    if first.is_empty() {
        // One word longer than the room: cut it.
        return (fit(&msg, room), None);
    }
    (first, Some(rest))
}

/// The second line of a message too long for the status bar, if any.
fn overflow(state: &AppState, width: u16) -> Option<(Level, String)> {
    let (level, msg) = state.status.message.as_ref()?;
    let (_, rest) = split_message(msg, message_room(state, width));
    rest.map(|r| (*level, r))
}

/// Coder, layers and save state; the project folder too when there is room.
fn right_label(state: &AppState, width: u16) -> String {
    let mut parts = vec![super::coder_name(&state.coder)];
    // The project folder, when there is room beside the message.
    if width >= 100 || state.status.message.is_none() {
        parts.push(state.project_name.clone());
    }
    if state.read_only.is_some() {
        parts.push(t!("tui-status-read-only"));
    }
    if state.layers.blind {
        parts.push(t!("tui-status-blind"));
    } else if state.layers.others {
        parts.push(t!("tui-status-others"));
    }
    if !state.status.failing.is_empty() {
        parts.push(t!("tui-status-not-saved"));
    } else if let Some(t) = &state.status.last_saved {
        parts.push(t!("tui-status-saved", time = t.as_str()));
    }
    format!(" {} ", parts.join(" · "))
}

/// Key hints for the current context, generated from the keymap.
pub fn footer(frame: &mut Frame, area: Rect, state: &AppState) {
    if area.height == 0 {
        return;
    }
    if let Some((level, rest)) = overflow(state, area.width) {
        // The status message goes on here; the key hints come back with the next key.
        let style = match level {
            Level::Info => Style::new(),
            Level::Warn => Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            Level::Error => Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        };
        let text = format!(" {rest}");
        let shown = fit(&text, area.width as usize);
        put(
            frame.buffer_mut(),
            area.x,
            area.y,
            &shown,
            area.width,
            style,
        );
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
        let need = (width(&key) + width(&hint) + 3) as u16;
        if x + need > end {
            break;
        }
        x += put(buf, x + 1, area.y, &key, end - x, theme::key()) + 1;
        x += put(buf, x + 1, area.y, &hint, end - x, Style::new()) + 2;
    }
}

#[cfg(test)]
mod tests {
    use super::split_message;

    #[test]
    fn long_messages_go_on_in_a_second_line() {
        let msg = "Read-only: intern-1's codings are open in another session (anna@host, pid 42).";
        let (first, rest) = split_message(msg, 40);
        assert!(super::width(&first) <= 40);
        assert_eq!(format!("{first} {}", rest.unwrap()), msg);
        assert_eq!(split_message("short", 40), ("short".to_string(), None));
    }
}
