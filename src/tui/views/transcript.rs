//! The transcript pane: wrapped turns with turn numbers, bold speakers, coded spans in code colours,
//! the cursor and selection, and coding stripes in the right margin (other coders dimmed, with initials).

use super::{fit, put, theme};
use crate::model::Transcript;
use crate::t;
use crate::tui::app::{AppState, Focus};
use crate::tui::docview::{DocView, Mark};
use crate::tui::keymap::KeyContext;
use crate::tui::layout::{LANE_W, TextGeom, text_geom};
use crate::tui::wrap::{self, VLine};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, Borders};

pub fn draw(frame: &mut Frame, area: Rect, state: &AppState) {
    let focused = state.focus == Focus::Transcript;
    let (Some(v), Some(t)) = (state.view.as_ref(), state.doc()) else {
        return empty(frame, area, state, focused);
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::border(focused))
        .title(title(state, t, area.width.saturating_sub(16) as usize));
    frame.render_widget(block, area);
    let g = text_geom(area, t.turns.len());
    let buf = frame.buffer_mut();
    let lines = v.lines();
    let pos = format!(" {}/{} ", v.cursor_line() + 1, lines.len());
    let x = (area.x + area.width).saturating_sub(super::width(&pos) as u16 + 1);
    put(buf, x, area.y, &pos, area.width, theme::border(focused));
    let top = v.top.min(lines.len().saturating_sub(1));
    for (row, line) in lines.iter().enumerate().skip(top).take(g.height as usize) {
        let y = g.y + (row - top) as u16;
        draw_line(buf, state, v, t, &g, *line, y, row == top);
    }
}

fn title(state: &AppState, t: &Transcript, max: usize) -> String {
    let group = state.project.group_of(&t.id);
    let mut parts = vec![t.id.clone()];
    if !t.case().is_empty() {
        parts.push(if group.is_empty() {
            t.case().to_string()
        } else {
            format!("{} ({group})", t.case())
        });
    }
    if !t.role().is_empty() {
        parts.push(t.role().to_string());
    }
    if state
        .mine()
        .is_some_and(|f| f.doc_memos.contains_key(&t.id))
    {
        parts.push(t!("tui-transcript-memo"));
    }
    format!(" {} ", fit(&parts.join(" · "), max))
}

fn empty(frame: &mut Frame, area: Rect, state: &AppState, focused: bool) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::border(focused))
        .title(format!(" {} ", t!("tui-pane-transcript")));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let open = state
        .keymap
        .key_for(KeyContext::Documents, crate::tui::action::Command::Open)
        .unwrap_or_default();
    let msg = if state.docs.counts().1 == 0 {
        vec![t!("tui-transcript-none")]
    } else {
        vec![
            t!("tui-transcript-not-open"),
            t!("tui-transcript-choose", key = open),
        ]
    };
    for (i, m) in msg.iter().enumerate().take(inner.height as usize) {
        put(
            frame.buffer_mut(),
            inner.x + 1,
            inner.y + 1 + i as u16,
            m,
            inner.width.saturating_sub(2),
            theme::dim(),
        );
    }
}

#[allow(clippy::too_many_arguments)]
fn draw_line(
    buf: &mut Buffer,
    state: &AppState,
    v: &DocView,
    t: &Transcript,
    g: &TextGeom,
    line: VLine,
    y: u16,
    first_row: bool,
) {
    let turn = t
        .turn_at(line.start)
        .and_then(|i| t.turns.get(i).map(|tr| (i, tr)));
    if let Some((i, _)) = turn.filter(|(_, tr)| tr.label_start == line.start) {
        let n = format!("{:>w$}", i + 1, w = g.gutter_w.saturating_sub(1) as usize);
        put(buf, g.gutter_x, y, &n, g.gutter_w, theme::dim());
    }
    let label = turn.map_or((0, 0), |(_, tr)| (tr.label_start, tr.start));
    let time_end = turn.and_then(|(_, tr)| {
        tr.time
            .as_ref()
            .map(|x| tr.label_start + x.chars().count() + 2)
    });
    let text = t.slice(line.start, line.end).unwrap_or("");
    let marks: Vec<&Mark> = v.marks_in(line.start, line.end).collect();
    let sel = v.selection();
    let mut end_col = 0usize;
    for (pos, col, gr, w) in wrap::cells(text, line.start) {
        if col + w > g.text_w as usize {
            break;
        }
        let mut st = Style::new();
        if pos >= label.0 && pos < label.1 {
            st = match time_end {
                Some(te) if pos < te => theme::dim(),
                _ => st.add_modifier(Modifier::BOLD),
            };
        }
        let inner = marks
            .iter()
            .filter(|m| m.coder.is_none() && m.start <= pos && pos < m.end)
            .min_by_key(|m| m.end - m.start);
        if let Some(m) = inner {
            st = st.patch(theme::coded(state, &m.code));
        }
        let in_sel = sel.is_some_and(|(a, b)| a <= pos && pos < b);
        if in_sel {
            st = st.patch(theme::selection(state));
        }
        if pos == v.cursor {
            st = st.patch(theme::cursor(state, in_sel));
        }
        if w > 0 {
            put(
                buf,
                g.text_x + col as u16,
                y,
                &wrap::symbol(gr),
                w as u16,
                st,
            );
        }
        end_col = col + w;
    }
    // The line's newline: the cursor or a selection running on to the next line shows there.
    let nl = line.end;
    if end_col < g.text_w as usize && t.slice(nl, nl + 1) == Some("\n") {
        let mut st = Style::new();
        let in_sel = sel.is_some_and(|(a, b)| a <= nl && nl < b);
        if in_sel {
            st = theme::selection(state);
        }
        if v.cursor == nl {
            st = st.patch(theme::cursor(state, in_sel));
        }
        if st != Style::new() {
            put(buf, g.text_x + end_col as u16, y, " ", 1, st);
        }
    }
    stripes(buf, state, g, &marks, line, y, first_row);
}

/// Coding stripes: one column per lane, the code's short name on a coding's first line.
fn stripes(
    buf: &mut Buffer,
    state: &AppState,
    g: &TextGeom,
    marks: &[&Mark],
    line: VLine,
    y: u16,
    first_row: bool,
) {
    let slots = g.lanes as usize;
    if slots == 0 {
        return;
    }
    let overflow: Vec<&&Mark> = marks.iter().filter(|m| m.lane + 1 >= slots).collect();
    for m in marks {
        let slot = m.lane.min(slots - 1);
        let x = g.margin_x + slot as u16 * LANE_W;
        if m.lane + 1 >= slots && overflow.len() > 1 {
            let more = format!("+{}", overflow.len());
            put(buf, x, y, &format!("┃{more}"), LANE_W, theme::dim());
            continue;
        }
        let color = theme::rgb(state, theme::code_rgb(state, &m.code));
        let starts_here = m.start >= line.start || first_row;
        let name = state
            .project
            .codebook
            .get(&m.code)
            .map_or(m.code.as_str(), |c| c.name.as_str());
        let memo = has_memo(state, m);
        let (bar, label, style) = match &m.coder {
            None => ("▌", name.to_string(), Style::new().fg(color)),
            Some(coder) => (
                "╎",
                format!("{}:{name}", initials(coder)),
                Style::new().fg(color).add_modifier(Modifier::DIM),
            ),
        };
        put(buf, x, y, bar, 1, style);
        if starts_here {
            let label = if memo { format!("✎{label}") } else { label };
            put(
                buf,
                x + 1,
                y,
                &fit_plain(&label, LANE_W as usize - 1),
                LANE_W - 1,
                style,
            );
        }
    }
}

fn has_memo(state: &AppState, m: &Mark) -> bool {
    let coder = m.coder.as_deref().unwrap_or(&state.coder);
    state
        .project
        .coders
        .get(coder)
        .and_then(|f| f.find(&m.id))
        .is_some_and(|c| c.memo.is_some())
}

/// Cut without an ellipsis: stripes are too narrow to spend a column on one.
fn fit_plain(s: &str, max: usize) -> String {
    let mut out = String::new();
    let mut w = 0;
    for c in wrap::clean(s).chars() {
        let cw = wrap::gwidth(c.encode_utf8(&mut [0; 4]));
        if w + cw > max {
            break;
        }
        out.push(c);
        w += cw;
    }
    out
}

/// `praktikant-b` → `pb`: the first letters of the name's parts (two at most).
pub fn initials(coder: &str) -> String {
    let parts: Vec<&str> = coder
        .split(['-', '_', '.', ' '])
        .filter(|p| !p.is_empty())
        .collect();
    let s: String = if parts.len() >= 2 {
        parts
            .iter()
            .take(2)
            .filter_map(|p| p.chars().next())
            .collect()
    } else {
        coder.chars().take(2).collect()
    };
    s.to_lowercase()
}

#[cfg(test)]
mod tests {
    #[test]
    fn initials() {
        assert_eq!(super::initials("praktikant-b"), "pb");
        assert_eq!(super::initials("anna"), "an");
        assert_eq!(super::initials("Erik_Berg"), "eb");
    }
}
