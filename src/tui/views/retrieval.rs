//! The retrieval screen: segments of a code (and its sub-codes) with case, group, speaker and quote.

use super::{fit, put, theme};
use crate::t;
use crate::tui::app::AppState;
use crate::tui::layout::keep_visible;
use crate::tui::retrieval::Segment;
use crate::tui::screen::SEGMENT_ROWS;
use crate::tui::wrap;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

pub fn draw(frame: &mut Frame, area: Rect, state: &AppState) {
    let r = &state.retrieval;
    let book = &state.project.codebook;
    let title = match &r.code {
        Some(c) => format!(" {} ", t!("tui-segments-title-code", path = book.path(c))),
        None => format!(" {} ", t!("tui-segments-title")),
    };
    let inner = super::screen_frame(frame, area, &title);
    let buf = frame.buffer_mut();
    let scope = if r.all && !state.layers.blind {
        t!("tui-segments-all-coders")
    } else {
        super::coder_name(&state.coder)
    };
    let filter = if r.filter.is_empty() {
        t!("tui-segments-no-filter")
    } else {
        r.filter.clone()
    };
    let info = t!(
        "tui-segments-info",
        n = r.rows.len(),
        scope = scope,
        filter = filter
    );
    put(
        buf,
        inner.x,
        inner.y,
        &fit(&info, inner.width as usize),
        inner.width,
        theme::dim(),
    );
    if r.code.is_none() || r.rows.is_empty() {
        let msg = if r.code.is_none() {
            let key = state
                .keymap
                .key_for(
                    crate::tui::keymap::KeyContext::Retrieval,
                    crate::tui::action::Command::ChooseCode,
                )
                .unwrap_or_default();
            t!("tui-segments-choose", key = key)
        } else {
            t!("tui-segments-none")
        };
        put(buf, inner.x, inner.y + 2, &msg, inner.width, Style::new());
        return;
    }
    let per_page = (inner.height.saturating_sub(1) as usize / SEGMENT_ROWS).max(1);
    let top = keep_visible(r.top, r.selected, per_page);
    for (i, seg) in r.rows.iter().enumerate().skip(top).take(per_page) {
        let y = inner.y + 1 + ((i - top) * SEGMENT_ROWS) as u16;
        segment(
            buf,
            state,
            Rect::new(inner.x, y, inner.width, SEGMENT_ROWS as u16),
            seg,
            i == r.selected,
        );
    }
}

/// One segment: a header line (case, group, turn, speaker, code, coder) and the start of its quote.
pub(super) fn segment(
    buf: &mut ratatui::buffer::Buffer,
    state: &AppState,
    r: Rect,
    s: &Segment,
    selected: bool,
) {
    let name = state
        .project
        .codebook
        .get(&s.code)
        .map_or(s.code.as_str(), |c| c.name.as_str());
    let case = if s.group.is_empty() {
        s.case.clone()
    } else {
        format!("{} ({})", s.case, s.group)
    };
    let head = t!(
        "tui-segment-head",
        case = case,
        doc = s.doc.as_str(),
        turn = s.turn,
        speaker = s.speaker.as_str(),
        code = name
    );
    // Another coder's name is never cut: the rest of the line gives way to it.
    let room = r.width.saturating_sub(2) as usize;
    let head = if s.coder == state.coder {
        head
    } else {
        let tail = format!(" · {}", super::coder_name(&s.coder));
        format!(
            "{}{tail}",
            fit(&head, room.saturating_sub(super::width(&tail)))
        )
    };
    let color = theme::rgb(state, theme::code_rgb(state, &s.code));
    put(buf, r.x, r.y, "▌", 1, Style::new().fg(color));
    let style = if selected {
        theme::selected_row()
    } else {
        Style::new().add_modifier(Modifier::BOLD)
    };
    put(
        buf,
        r.x + 2,
        r.y,
        &fit(&head, r.width.saturating_sub(2) as usize),
        r.width.saturating_sub(2),
        style,
    );
    let quote = wrap::clean(&s.quote);
    let text_w = r.width.saturating_sub(4) as usize;
    let lines = wrap::wrap(&quote, text_w.max(1));
    let map = crate::model::text::OffsetMap::new(&quote);
    let shown = (SEGMENT_ROWS - 2).min(lines.len());
    for (i, l) in lines.iter().take(shown).enumerate() {
        let mut t = map.slice(&quote, l.start, l.end).unwrap_or("").to_string();
        if i + 1 == shown && lines.len() > shown {
            t = fit(&format!("{t} …"), text_w);
        }
        put(buf, r.x + 2, r.y + 1 + i as u16, "”", 1, theme::dim());
        put(
            buf,
            r.x + 4,
            r.y + 1 + i as u16,
            &t,
            text_w as u16,
            Style::new(),
        );
    }
}
