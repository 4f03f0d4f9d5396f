//! The search pane: the query line (problems underlined), index progress, and hits with highlighted snippets.

use super::{fit, put, theme};
use crate::index::Hit;
use crate::t;
use crate::tui::app::AppState;
use crate::tui::layout::keep_visible;
use crate::tui::search::{IndexStatus, scope_name};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::{Block, Borders};

/// Shown while the query is empty: the query language in brief.
fn syntax() -> [String; 8] {
    [
        t!("tui-search-syntax-head"),
        t!("tui-search-syntax-word"),
        t!("tui-search-syntax-phrase"),
        t!("tui-search-syntax-regex"),
        t!("tui-search-syntax-prefix"),
        t!("tui-search-syntax-bool"),
        t!("tui-search-syntax-filters"),
        t!("tui-search-syntax-attrs"),
    ]
}

pub fn draw(frame: &mut Frame, area: Rect, state: &AppState) {
    let s = &state.search;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::border(true))
        .title(format!(" {} ", t!("tui-search-title")));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height < 3 || inner.width < 10 {
        return;
    }
    let buf = frame.buffer_mut();
    query_line(buf, inner, state);
    status_line(buf, Rect::new(inner.x, inner.y + 1, inner.width, 1), state);
    let list = Rect::new(inner.x, inner.y + 2, inner.width, inner.height - 3);
    if s.query().trim().is_empty() {
        for (i, l) in syntax().iter().enumerate().take(list.height as usize) {
            put(
                buf,
                list.x + 1,
                list.y + i as u16,
                l,
                list.width - 1,
                theme::dim(),
            );
        }
    } else {
        let page = (list.height / 2).max(1) as usize;
        let top = keep_visible(s.top, s.selected, page);
        for (i, h) in s.hits.iter().enumerate().skip(top).take(page) {
            let y = list.y + ((i - top) * 2) as u16;
            hit(buf, Rect::new(list.x, y, list.width, 2), state, i, h);
        }
    }
    let bottom = t!(
        "tui-search-bottom",
        scope = scope_name(s.scope),
        marked = s.marked.len(),
        hits = s.hits.len()
    );
    let y = inner.y + inner.height - 1;
    put(
        buf,
        inner.x,
        y,
        &fit(&bottom, inner.width as usize),
        inner.width,
        theme::dim(),
    );
}

fn query_line(buf: &mut Buffer, r: Rect, state: &AppState) {
    let s = &state.search;
    put(buf, r.x, r.y, "/ ", 2, theme::key());
    let w = r.width.saturating_sub(3) as usize;
    let text = s.query();
    let chars: Vec<char> = text.chars().collect();
    let cur = s.input.col.min(chars.len());
    // Keep the cursor in view on a long query.
    let skip = (cur + 1).saturating_sub(w);
    let bad = s
        .problem
        .as_ref()
        .map(|p| (p.start, p.end.max(p.start + 1)));
    for (i, ch) in chars.iter().enumerate().skip(skip).take(w) {
        let mut st = Style::new();
        if bad.is_some_and(|(a, b)| i >= a && i < b) {
            st = st.fg(Color::Red).add_modifier(Modifier::UNDERLINED);
        }
        if s.typing && i == cur {
            st = st.add_modifier(Modifier::REVERSED);
        }
        put(
            buf,
            r.x + 2 + (i - skip) as u16,
            r.y,
            &ch.to_string(),
            1,
            st,
        );
    }
    if s.typing && cur == chars.len() {
        let x = r.x + 2 + (cur - skip) as u16;
        put(
            buf,
            x,
            r.y,
            " ",
            1,
            Style::new().add_modifier(Modifier::REVERSED),
        );
    }
}

fn status_line(buf: &mut Buffer, r: Rect, state: &AppState) {
    let s = &state.search;
    let (text, style) = if let Some(p) = &s.problem {
        let at = if p.end > p.start {
            t!("tui-search-column", col = p.start + 1)
        } else {
            String::new()
        };
        let message = p
            .kind
            .as_ref()
            .map_or_else(|| p.message.clone(), crate::messages::query_problem);
        (format!("{at}{message}"), Style::new().fg(Color::Red))
    } else {
        match &s.index {
            IndexStatus::Building { done, total } if *total > 0 => (
                t!("tui-search-index-updating", done = *done, total = *total),
                theme::dim(),
            ),
            IndexStatus::Building { .. } | IndexStatus::Closed => {
                (t!("tui-search-index-opening"), theme::dim())
            }
            IndexStatus::Failed(e) => (
                t!("tui-search-index-failed", error = e.as_str()),
                Style::new().fg(Color::Red),
            ),
            IndexStatus::Ready if s.query().trim().is_empty() => {
                (t!("tui-search-type"), theme::dim())
            }
            IndexStatus::Ready if s.total > s.hits.len() => (
                t!("tui-search-best", total = s.total, shown = s.hits.len()),
                theme::dim(),
            ),
            IndexStatus::Ready => (t!("tui-search-total", total = s.total), theme::dim()),
        }
    };
    put(buf, r.x, r.y, &fit(&text, r.width as usize), r.width, style);
}

fn hit(buf: &mut Buffer, r: Rect, state: &AppState, i: usize, h: &Hit) {
    let s = &state.search;
    let selected = i == s.selected && !s.typing;
    let mark = if s.marked.contains(&i) { "[x]" } else { "[ ]" };
    let case = if h.group.is_empty() {
        h.case.clone()
    } else {
        format!("{} ({})", h.case, h.group)
    };
    let head = t!(
        "tui-search-hit-head",
        mark = mark,
        case = case,
        doc = h.doc.as_str(),
        turn = h.turn,
        speaker = h.speaker.as_str()
    );
    let style = if selected {
        theme::selected_row()
    } else {
        Style::new().add_modifier(Modifier::BOLD)
    };
    put(buf, r.x, r.y, &fit(&head, r.width as usize), r.width, style);
    let w = r.width.saturating_sub(4) as usize;
    let (snip, ranges) = h.snippet_of_width(w.max(8));
    let snip = crate::tui::wrap::clean(&snip);
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
}
