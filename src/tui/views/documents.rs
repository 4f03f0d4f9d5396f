//! The documents pane: transcripts grouped by case, the case's group, and my progress per transcript.

use super::{fit, pad, put, theme};
use crate::t;
use crate::tui::app::{AppState, DocRow, Focus};
use crate::tui::layout::scroll;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, Borders};

pub fn draw(frame: &mut Frame, area: Rect, state: &AppState) {
    let focused = state.focus == Focus::Documents;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::border(focused))
        .title(format!(" {} ", t!("tui-pane-documents")));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let buf = frame.buffer_mut();
    if state.docs.rows.is_empty() {
        let lines = [
            t!("tui-docs-empty"),
            String::new(),
            t!("tui-docs-add"),
            t!("tui-docs-import-command"),
        ];
        for (i, l) in lines.iter().enumerate().take(inner.height as usize) {
            put(
                buf,
                inner.x + 1,
                inner.y + i as u16,
                l,
                inner.width.saturating_sub(1),
                theme::dim(),
            );
        }
        return;
    }
    let h = inner.height as usize;
    let top = scroll(
        state.docs.top,
        state.docs.selected,
        h,
        state.docs.rows.len(),
    );
    let open = state.view.as_ref().map(|v| v.doc.as_str());
    let no_case = t!("tui-docs-no-case");
    for (row, item) in state.docs.rows.iter().enumerate().skip(top).take(h) {
        let y = inner.y + (row - top) as u16;
        match item {
            DocRow::Case { name, group } => {
                let name = if name.is_empty() {
                    &no_case
                } else {
                    name.as_str()
                };
                let label = if group.is_empty() {
                    name.to_string()
                } else {
                    format!("{name} · {group}")
                };
                put(
                    buf,
                    inner.x,
                    y,
                    &fit(&label, inner.width as usize),
                    inner.width,
                    Style::new().add_modifier(Modifier::BOLD),
                );
            }
            DocRow::Doc { id } => draw_doc(
                buf,
                inner,
                y,
                state,
                id,
                row == state.docs.selected,
                open == Some(id.as_str()),
            ),
        }
    }
}

fn draw_doc(
    buf: &mut ratatui::buffer::Buffer,
    inner: Rect,
    y: u16,
    state: &AppState,
    id: &str,
    selected: bool,
    open: bool,
) {
    let (done, turns) = state.stats.progress.get(id).copied().unwrap_or((0, 0));
    let pct = (done * 100).checked_div(turns).unwrap_or(0);
    let right = format!("{pct:>3}%");
    let w = inner.width as usize;
    let mark = if open { "▶" } else { " " };
    let name_w = w.saturating_sub(right.len() + 2);
    let text = format!("{mark}{} {right}", pad(id, name_w));
    let mut style = Style::new();
    if selected {
        style = if state.focus == Focus::Documents {
            theme::selected_row()
        } else {
            style.add_modifier(Modifier::UNDERLINED)
        };
    }
    if open {
        style = style.add_modifier(Modifier::BOLD);
    }
    put(buf, inner.x, y, &text, inner.width, style);
    if turns > 0 && pct == 0 && !selected {
        let x = inner.x + inner.width.saturating_sub(4);
        put(buf, x, y, &right, 4, theme::dim());
    }
}
