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
    let inner = if state.docs.shows_filter() && inner.height > 1 {
        let line = Rect::new(inner.x, inner.bottom() - 1, inner.width, 1);
        filter_line(buf, line, state);
        Rect::new(inner.x, inner.y, inner.width, inner.height - 1)
    } else {
        inner
    };
    if state.docs.rows.is_empty() && state.docs.shows_filter() {
        let filter = state.docs.filter.text();
        let text = t!("tui-docs-no-match", filter = filter);
        let w = inner.width.saturating_sub(1);
        let chars: Vec<char> = text.chars().collect();
        let lines = crate::tui::wrap::wrap(&text, w as usize);
        for (i, l) in lines.iter().enumerate().take(inner.height as usize) {
            let line: String = chars[l.start..l.end].iter().collect();
            put(buf, inner.x + 1, inner.y + i as u16, &line, w, theme::dim());
        }
        return;
    }
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
    // a transcript not read yet (a large study is read as it is used) shows no progress yet
    let progress = state.stats.progress.get(id).copied();
    let (done, turns) = progress.unwrap_or((0, 0));
    let pct = (done * 100).checked_div(turns).unwrap_or(0);
    let right = match progress {
        Some(_) => format!("{pct:>3}%"),
        None => "    ".to_string(),
    };
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

/// The filter line at the foot of the pane: its label and text (the cursor while typed), and how many
/// transcripts of all are shown.
fn filter_line(buf: &mut ratatui::buffer::Buffer, r: Rect, state: &AppState) {
    let docs = &state.docs;
    let (shown, total) = docs.counts();
    let count = format!(
        " {}",
        t!("tui-docs-filter-count", shown = shown, total = total)
    );
    let count_w = super::width(&count) as u16;
    let label = format!("{} ", t!("tui-docs-filter-label"));
    let label_w = put(buf, r.x, r.y, &label, r.width, theme::key());
    let text_w = r.width.saturating_sub(label_w + count_w) as usize;
    let chars: Vec<char> = docs.filter.text().chars().collect();
    let cur = docs.filter.col.min(chars.len());
    // keep the cursor in view on a long filter
    let skip = (cur + 1).saturating_sub(text_w);
    for (i, ch) in chars.iter().enumerate().skip(skip).take(text_w) {
        let mut st = Style::new();
        if docs.typing && i == cur {
            st = st.add_modifier(Modifier::REVERSED);
        }
        put(
            buf,
            r.x + label_w + (i - skip) as u16,
            r.y,
            &ch.to_string(),
            1,
            st,
        );
    }
    if docs.typing && cur == chars.len() && cur - skip < text_w {
        let x = r.x + label_w + (cur - skip) as u16;
        put(
            buf,
            x,
            r.y,
            " ",
            1,
            Style::new().add_modifier(Modifier::REVERSED),
        );
    }
    if r.width > count_w + 4 {
        put(buf, r.right() - count_w, r.y, &count, count_w, theme::dim());
    }
}
