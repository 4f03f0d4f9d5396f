//! The codebook pane: the code tree with fold markers, colours, shortcuts and counts (mine/all),
//! and the highlighted code's description below when there is room.

use super::{fit, pad, put, theme};
use crate::t;
use crate::tui::app::{AppState, Focus};
use crate::tui::layout::{DESC_ROWS, scroll, tree_rows_height};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, Borders};

pub fn draw(frame: &mut Frame, area: Rect, state: &AppState) {
    let focused = state.focus == Focus::Codebook;
    let counts = if state.layers.blind {
        format!(" {} ", t!("tui-codebook-counts-mine"))
    } else {
        format!(" {} ", t!("tui-codebook-counts-all"))
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::border(focused))
        .title(format!(" {} ", t!("tui-pane-codebook")));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let buf = frame.buffer_mut();
    let cx = (area.x + area.width).saturating_sub(super::width(&counts) as u16 + 1);
    put(buf, cx, area.y, &counts, area.width, theme::border(focused));
    let rows = state.tree_rows();
    if rows.is_empty() {
        let key = state
            .keymap
            .key_for(
                crate::tui::keymap::KeyContext::Codebook,
                crate::tui::action::Command::AddTopCode,
            )
            .unwrap_or_default();
        put(
            buf,
            inner.x + 1,
            inner.y,
            &t!("tui-codebook-empty", key = key),
            inner.width.saturating_sub(1),
            theme::dim(),
        );
        return;
    }
    let list_h = tree_rows_height(area);
    let with_desc = list_h < inner.height;
    let top = scroll(
        state.tree.top,
        state.tree.selected,
        list_h as usize,
        rows.len(),
    );
    for (i, (depth, id, has_children)) in rows.iter().enumerate().skip(top).take(list_h as usize) {
        let y = inner.y + (i - top) as u16;
        row(
            buf,
            state,
            inner,
            y,
            *depth,
            id,
            *has_children,
            i == state.tree.selected,
        );
    }
    if with_desc {
        description(
            buf,
            state,
            Rect::new(inner.x, inner.y + list_h, inner.width, DESC_ROWS),
        );
    }
}

#[allow(clippy::too_many_arguments)]
fn row(
    buf: &mut ratatui::buffer::Buffer,
    state: &AppState,
    inner: Rect,
    y: u16,
    depth: usize,
    id: &str,
    has_children: bool,
    selected: bool,
) {
    let Some(code) = state.project.codebook.get(id) else {
        return;
    };
    let (mine, all) = state.stats.counts.get(id).copied().unwrap_or((0, 0));
    let count = if state.layers.blind {
        format!("{mine}")
    } else {
        format!("{mine}/{all}")
    };
    let fold = match (has_children, state.tree.collapsed.contains(id)) {
        (false, _) => " ",
        (true, true) => "▸",
        (true, false) => "▾",
    };
    let key = code
        .shortcut
        .as_deref()
        .map(|k| format!("{k} "))
        .unwrap_or_else(|| "  ".into());
    let indent = "  ".repeat(depth.min(4));
    let w = inner.width as usize;
    let left_w = w.saturating_sub(count.len() + 1);
    let mut base = Style::new();
    if selected {
        base = if state.focus == Focus::Codebook {
            theme::selected_row()
        } else {
            base.add_modifier(Modifier::UNDERLINED)
        };
    }
    if depth == 0 {
        base = base.add_modifier(Modifier::BOLD);
    }
    let text = format!("{indent}{fold}  {key}{}", code.name);
    put(
        buf,
        inner.x,
        y,
        &format!("{} {count}", pad(&text, left_w)),
        inner.width,
        base,
    );
    // The colour swatch sits between the fold marker and the shortcut.
    let swatch_x = inner.x + (indent.len() + 1) as u16;
    if swatch_x < inner.x + inner.width {
        let color = theme::rgb(state, theme::code_rgb(state, id));
        put(buf, swatch_x, y, "■", 1, base.fg(color));
    }
}

fn description(buf: &mut ratatui::buffer::Buffer, state: &AppState, r: Rect) {
    let Some(id) = state.selected_code() else {
        return;
    };
    let Some(code) = state.project.codebook.get(&id) else {
        return;
    };
    let rule = "─".repeat(r.width as usize);
    put(buf, r.x, r.y, &rule, r.width, theme::dim());
    let mut text = code.description.clone();
    if !code.inclusion.is_empty() {
        text.push_str(&format!(
            " {}",
            t!("tui-codebook-include", text = code.inclusion.as_str())
        ));
    }
    if !code.exclusion.is_empty() {
        text.push_str(&format!(
            " {}",
            t!("tui-codebook-exclude", text = code.exclusion.as_str())
        ));
    }
    if text.trim().is_empty() {
        let key = state
            .keymap
            .key_for(
                crate::tui::keymap::KeyContext::Codebook,
                crate::tui::action::Command::DescribeCode,
            )
            .unwrap_or_default();
        text = t!("tui-codebook-no-description", key = key);
    }
    let clean = crate::tui::wrap::clean(&text);
    let lines = crate::tui::wrap::wrap(&clean, r.width as usize);
    let map = crate::model::text::OffsetMap::new(&clean);
    for (i, l) in lines
        .iter()
        .enumerate()
        .take(r.height.saturating_sub(1) as usize)
    {
        let s = map.slice(&clean, l.start, l.end).unwrap_or("");
        let last = i + 2 == r.height as usize && lines.len() > i + 1;
        let s = if last {
            fit(&format!("{s}…"), r.width as usize)
        } else {
            s.to_string()
        };
        put(buf, r.x, r.y + 1 + i as u16, &s, r.width, theme::dim());
    }
}
