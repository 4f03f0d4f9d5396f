//! Small overlays: one-line prompt, the memo editor, yes/no questions, and choosing among codings.

use super::{clear, fit, put, theme};
use crate::t;
use crate::tui::app::Overlay;
use crate::tui::editor::TextBox;
use crate::tui::layout::{centered, keep_visible};
use crate::tui::wrap;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::{Block, Borders};

pub fn draw(frame: &mut Frame, area: Rect, overlay: &Overlay) {
    match overlay {
        Overlay::Prompt { title, input, .. } => {
            let r = boxed(frame, area, title, 64, 1);
            text_line(frame, r, input, 0);
        }
        Overlay::Editor { title, text, .. } => editor(frame, area, title, text),
        Overlay::Confirm { question, .. } => confirm(frame, area, question),
        Overlay::Choose {
            title,
            items,
            selected,
            ..
        } => choose(frame, area, title, items, *selected),
        Overlay::Help { .. } | Overlay::Picker(_) => {}
    }
}

/// Clears and frames a centred box; returns its inside.
fn boxed(frame: &mut Frame, area: Rect, title: &str, w: u16, inner_h: u16) -> Rect {
    let r = centered(
        area,
        w.min(area.width.saturating_sub(2)),
        (inner_h + 2).min(area.height),
    );
    clear(frame, r);
    let t = format!(" {} ", fit(title, r.width.saturating_sub(4) as usize));
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::border(true))
        .title(t);
    let inner = block.inner(r);
    frame.render_widget(block, r);
    inner
}

fn cursor() -> Style {
    Style::new().bg(Color::Yellow).fg(Color::Black)
}

/// Draws line `row` of a text box with its cursor, scrolled horizontally so the cursor stays visible.
fn text_line(frame: &mut Frame, r: Rect, tb: &TextBox, row: usize) {
    let Some(line) = tb.lines.get(row) else {
        return;
    };
    let chars: Vec<char> = wrap::clean(line).chars().collect();
    let w = r.width.saturating_sub(1) as usize;
    let col = if row == tb.row {
        tb.col.min(chars.len())
    } else {
        0
    };
    let skip = col.saturating_sub(w.saturating_sub(1));
    let visible: String = chars.iter().skip(skip).collect();
    let y = r.y;
    let buf = frame.buffer_mut();
    put(buf, r.x, y, &visible, r.width, Style::new());
    if row == tb.row {
        let before: String = chars[skip..col].iter().collect();
        let cx = r.x + super::width(&before) as u16;
        let under: String = chars.get(col).map_or(" ".to_string(), |c| c.to_string());
        put(
            buf,
            cx.min(r.x + r.width.saturating_sub(1)),
            y,
            &under,
            2,
            cursor(),
        );
    }
}

/// The multi-line editor: lines are soft-wrapped to the box; the footer lists its keys.
fn editor(frame: &mut Frame, area: Rect, title: &str, tb: &TextBox) {
    let h = area.height.saturating_sub(6).clamp(3, 14);
    let r = boxed(frame, area, title, 76, h);
    let width = r.width.saturating_sub(1).max(1) as usize;
    // (logical line, its cleaned text, start, end) per visual row.
    let mut rows: Vec<(usize, String, usize, usize)> = Vec::new();
    let mut cursor_row = 0;
    for (i, line) in tb.lines.iter().enumerate() {
        let text = wrap::clean(line);
        let pieces = wrap::wrap(&text, width);
        let at = wrap::line_of(&pieces, tb.col);
        for (k, p) in pieces.iter().enumerate() {
            if i == tb.row && k == at {
                cursor_row = rows.len();
            }
            rows.push((i, text.clone(), p.start, p.end));
        }
    }
    let top = keep_visible(0, cursor_row, r.height as usize);
    let buf = frame.buffer_mut();
    for (n, (i, text, start, end)) in rows.iter().enumerate().skip(top).take(r.height as usize) {
        let y = r.y + (n - top) as u16;
        let chars: Vec<char> = text.chars().collect();
        let piece: String = chars[*start..*end].iter().collect();
        put(buf, r.x, y, &piece, r.width, Style::new());
        if n == cursor_row && *i == tb.row {
            let col = tb.col.clamp(*start, chars.len());
            let before: String = chars[*start..col].iter().collect();
            let under = chars.get(col).map_or(" ".to_string(), |c| c.to_string());
            let cx = (r.x + super::width(&before) as u16).min(r.x + r.width.saturating_sub(1));
            put(buf, cx, y, &under, 2, cursor());
        }
    }
}

fn confirm(frame: &mut Frame, area: Rect, question: &str) {
    let w = 60u16.min(area.width.saturating_sub(2));
    let text = wrap::clean(question);
    let lines = wrap::wrap(&text, w.saturating_sub(3) as usize);
    let r = boxed(
        frame,
        area,
        &t!("tui-dialog-confirm"),
        w,
        lines.len() as u16 + 2,
    );
    let map = crate::model::text::OffsetMap::new(&text);
    let buf = frame.buffer_mut();
    for (i, l) in lines
        .iter()
        .enumerate()
        .take(r.height.saturating_sub(2) as usize)
    {
        put(
            buf,
            r.x + 1,
            r.y + i as u16,
            map.slice(&text, l.start, l.end).unwrap_or(""),
            r.width,
            Style::new(),
        );
    }
    let y = r.y + r.height.saturating_sub(1);
    put(
        buf,
        r.x + 1,
        y,
        &t!("tui-dialog-yes-no"),
        r.width,
        Style::new().add_modifier(Modifier::BOLD),
    );
}

fn choose(frame: &mut Frame, area: Rect, title: &str, items: &[(String, String)], selected: usize) {
    let r = boxed(frame, area, title, 70, (items.len() as u16).clamp(1, 12));
    let h = r.height as usize;
    let top = keep_visible(0, selected, h);
    let buf = frame.buffer_mut();
    for (i, (label, _)) in items.iter().enumerate().skip(top).take(h) {
        let style = if i == selected {
            theme::selected_row()
        } else {
            Style::new()
        };
        put(
            buf,
            r.x,
            r.y + (i - top) as u16,
            &fit(&format!(" {label}"), r.width as usize),
            r.width,
            style,
        );
    }
}
