//! The search pane: the query line (problems underlined), index progress, and hits with highlighted snippets.

use super::{fit, put, theme};
use crate::index::Hit;
use crate::tui::app::AppState;
use crate::tui::layout::keep_visible;
use crate::tui::search::{IndexStatus, scope_name};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::{Block, Borders};

/// Shown while the query is empty: the query language in brief.
const SYNTAX: &[&str] = &[
    "Query syntax:",
    "resurs                 the word in all its forms (resursen …, små → liten)",
    "\"politiska ledningen\"  exact phrase;  \"ledning stöd\"~5: in order, ≤5 between",
    "/resurs(er)? saknas/i  regular expression over each turn (i: ignore case)",
    "informationssäk*       words beginning so;  ledningn~1: within 1 edit",
    "a b  a OR b  -a  ( )   AND (also implied) binds tighter than OR",
    "code:hinder  coder:NAME  case:\"Kommun C\"  speaker:Respondent  doc:ID",
    "grupp:låg (cases.csv)  code-query:X: code X's saved query;  -code:X negates",
];

pub fn draw(frame: &mut Frame, area: Rect, state: &AppState) {
    let s = &state.search;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::border(true))
        .title(" Search ");
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
        for (i, l) in SYNTAX.iter().enumerate().take(list.height as usize) {
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
    let bottom = format!(
        "auto-code scope: {} · {} of {} marked",
        scope_name(s.scope),
        s.marked.len(),
        s.hits.len()
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
            format!("column {}: ", p.start + 1)
        } else {
            String::new()
        };
        (format!("{at}{}", p.message), Style::new().fg(Color::Red))
    } else {
        match &s.index {
            IndexStatus::Building { done, total } if *total > 0 => (
                format!("Updating the search index: {done} of {total} transcripts…"),
                theme::dim(),
            ),
            IndexStatus::Building { .. } | IndexStatus::Closed => {
                ("Opening the search index…".to_string(), theme::dim())
            }
            IndexStatus::Failed(e) => (format!("Search index: {e}"), Style::new().fg(Color::Red)),
            IndexStatus::Ready if s.query().trim().is_empty() => (
                "Type a query; hits update as you type (↓ or Enter to the hits).".to_string(),
                theme::dim(),
            ),
            IndexStatus::Ready if s.total > s.hits.len() => (
                format!(
                    "{} turns match; the best {} are listed",
                    s.total,
                    s.hits.len()
                ),
                theme::dim(),
            ),
            IndexStatus::Ready => (format!("{} turns match", s.total), theme::dim()),
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
    let head = format!(
        "{mark} {case} · {} · turn {} · {}",
        h.doc, h.turn, h.speaker
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
