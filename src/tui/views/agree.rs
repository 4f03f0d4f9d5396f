//! The agreement screen: figures for two coders, the units where they differ, and the selected unit side by side.

use super::{fit, pad, put, theme};
use crate::agreement::Disagreement;
use crate::t;
use crate::tui::agree::{AgreeView, detail_height};
use crate::tui::app::AppState;
use crate::tui::layout::keep_visible;
use crate::tui::wrap;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

pub fn draw(frame: &mut Frame, area: Rect, state: &AppState) {
    let v = &state.agree;
    let title = format!(
        " {} ",
        t!(
            "tui-agree-title",
            a = super::coder_name(&v.a),
            b = super::coder_name(&v.b)
        )
    );
    let inner = super::screen_frame(frame, area, &title);
    let buf = frame.buffer_mut();
    if inner.height < 4 || inner.width < 20 {
        return;
    }
    header(buf, inner, state);
    if let Some(e) = &v.error {
        let msg = t!("tui-agree-error", error = e.as_str());
        let lines = wrap::wrap(&msg, inner.width as usize);
        let map = crate::model::text::OffsetMap::new(&msg);
        for (i, l) in lines
            .iter()
            .take(inner.height.saturating_sub(3) as usize)
            .enumerate()
        {
            let t = map.slice(&msg, l.start, l.end).unwrap_or("");
            put(
                buf,
                inner.x,
                inner.y + 3 + i as u16,
                t,
                inner.width,
                Style::new(),
            );
        }
        return;
    }
    if v.rows.is_empty() {
        let msg = t!("tui-agree-no-differences");
        put(buf, inner.x, inner.y + 3, &msg, inner.width, Style::new());
        return;
    }
    let detail_h = detail_height(inner.height);
    let list_h = inner.height.saturating_sub(detail_h + 3);
    let list = Rect::new(inner.x, inner.y + 2, inner.width, list_h);
    rows(buf, list, state);
    let rule_y = list.y + list_h;
    put(
        buf,
        inner.x,
        rule_y,
        &"─".repeat(inner.width as usize),
        inner.width,
        theme::dim(),
    );
    if let Some(d) = v.current() {
        let r = Rect::new(inner.x, rule_y + 1, inner.width, detail_h);
        detail(buf, r, state, d);
    }
}

/// The unit of comparison in the current language.
fn unit_name(u: crate::agreement::units::UnitKind) -> String {
    use crate::agreement::units::UnitKind;
    match u {
        UnitKind::Turn => t!("tui-unit-turn"),
        UnitKind::Sentence => t!("tui-unit-sentence"),
        UnitKind::Char => t!("tui-unit-char"),
    }
}

fn pct(x: Option<f64>) -> String {
    x.map_or("–".into(), |x| format!("{} %", crate::i18n::number(x, 1)))
}

fn coef(x: Option<f64>) -> String {
    x.map_or("–".into(), |x| crate::i18n::number(x, 3))
}

fn header(buf: &mut Buffer, r: Rect, state: &AppState) {
    let v = &state.agree;
    let code = v.code.as_deref().map_or_else(
        || t!("tui-agree-all-codes"),
        |c| state.project.codebook.path(c),
    );
    let line = t!(
        "tui-agree-head",
        unit = unit_name(v.unit()),
        code = code,
        n = v.docs
    );
    put(
        buf,
        r.x,
        r.y,
        &fit(&line, r.width as usize),
        r.width,
        theme::dim(),
    );
    let Some(s) = &v.stats else { return };
    let line = t!(
        "tui-agree-figures",
        percent = pct(s.percent_agreement),
        kappa = coef(s.cohen_kappa),
        alpha = coef(s.krippendorff_alpha),
        n = v.rows.len(),
        decided = v.decided_count()
    );
    let bold = Style::new().add_modifier(Modifier::BOLD);
    put(
        buf,
        r.x,
        r.y + 1,
        &fit(&line, r.width as usize),
        r.width,
        bold,
    );
}

/// `✓` when the coder applied the code (or a category) there, `–` when not.
fn mark(d: &Disagreement, i: usize) -> &'static str {
    match d.values.get(i) {
        Some(v) if !v.codes.is_empty() => "✓",
        _ => "–",
    }
}

fn decided_style(label: &str) -> Style {
    match label {
        "open" => theme::dim(),
        "other" => Style::new().fg(Color::Yellow),
        _ => Style::new().fg(Color::Green),
    }
}

fn code_name(state: &AppState, target: &str) -> String {
    let id = target.trim_start_matches('@').trim_end_matches('+');
    state
        .project
        .codebook
        .get(id)
        .map_or(target.to_string(), |c| c.name.clone())
}

fn rows(buf: &mut Buffer, r: Rect, state: &AppState) {
    let v: &AgreeView = &state.agree;
    let h = r.height as usize;
    let top = keep_visible(v.top, v.selected, h.max(1));
    let w = r.width as usize;
    let name_w = w.saturating_sub(2 + 13 + 6 + 9 + 10).max(6);
    for (i, d) in v.rows.iter().enumerate().skip(top).take(h) {
        let y = r.y + (i - top) as u16;
        let selected = i == v.selected;
        let label = v.decided.get(i).map_or("open", String::as_str);
        let shown = if label == "open" {
            t!("tui-agree-row-open")
        } else {
            format!("→ {label}")
        };
        let line = format!(
            "{}{} {} {} A {} B {}  ",
            if selected { "▸ " } else { "  " },
            pad(&d.doc, 12),
            pad(&d.unit, 5),
            pad(&code_name(state, &d.target), name_w),
            mark(d, 0),
            mark(d, 1),
        );
        let style = if selected {
            theme::selected_row()
        } else {
            Style::new()
        };
        let x = r.x + put(buf, r.x, y, &line, r.width, style);
        let room = (r.x + r.width).saturating_sub(x);
        put(
            buf,
            x,
            y,
            &pad(&shown, room as usize),
            room,
            decided_style(label),
        );
    }
}

/// Unit heading, its text, what A and B coded there, and what konsensus holds.
fn detail(buf: &mut Buffer, r: Rect, state: &AppState, d: &Disagreement) {
    let v = &state.agree;
    let t = state.project.transcripts.get(&d.doc);
    let speaker = t
        .and_then(|t| t.turn_at(d.start).and_then(|i| t.turns.get(i)))
        .map_or("", |tr| tr.speaker.as_str());
    let case = t.map_or("", |t| t.case());
    let head = format!(
        "{} · {case} · {} · {speaker} · {}",
        d.doc,
        d.unit,
        state.project.codebook.path(d.target.trim_end_matches('+'))
    );
    let bold = Style::new().add_modifier(Modifier::BOLD);
    put(buf, r.x, r.y, &fit(&head, r.width as usize), r.width, bold);
    let side = r.width >= 100;
    let ab_h: u16 = 4;
    let room = r.height.saturating_sub(2 + ab_h);
    let used = text(buf, Rect::new(r.x, r.y + 1, r.width, room), d);
    // Coders right under the text, after a blank line when there is room.
    let ab_y = r.y + 1 + used + u16::from(used < room);
    if side {
        let half = r.width / 2;
        coder(buf, Rect::new(r.x, ab_y, half - 1, ab_h), state, d, 0);
        let right = Rect::new(r.x + half, ab_y, r.width - half, ab_h);
        coder(buf, right, state, d, 1);
    } else {
        coder(buf, Rect::new(r.x, ab_y, r.width, 2), state, d, 0);
        coder(buf, Rect::new(r.x, ab_y + 2, r.width, 2), state, d, 1);
    }
    let label = v.decided.get(v.selected).map_or("open", String::as_str);
    let said = match label {
        "open" => t!("tui-agree-open"),
        "other" => t!("tui-agree-other"),
        l => t!("tui-agree-decided", choice = l),
    };
    let y = r.y + r.height.saturating_sub(1);
    let x = r.x + put(buf, r.x, y, "konsensus: ", r.width, theme::dim());
    let room = (r.x + r.width).saturating_sub(x);
    put(
        buf,
        x,
        y,
        &fit(&said, room as usize),
        room,
        decided_style(label),
    );
}

/// Colour of coder A's and B's marks.
fn coder_style(i: usize) -> Style {
    let c = if i == 0 { Color::Cyan } else { Color::Magenta };
    Style::new().fg(c).add_modifier(Modifier::BOLD)
}

/// The unit's text, wrapped, with a gutter saying whose coding covers each line (`A`, `B`, `AB`); returns lines drawn.
fn text(buf: &mut Buffer, r: Rect, d: &Disagreement) -> u16 {
    let lead = d.text.chars().count() - d.text.trim_start().chars().count();
    let clean = wrap::clean(d.text.trim());
    let w = r.width.saturating_sub(3).max(1) as usize;
    let lines = wrap::wrap(&clean, w);
    let map = crate::model::text::OffsetMap::new(&clean);
    let shown = (r.height as usize).min(lines.len());
    let who = |i: usize, l: &wrap::VLine| {
        let (s, e) = (
            d.start + lead + l.start,
            d.start + lead + l.end.max(l.start + 1),
        );
        let coder = d.values.get(i).map(|v| v.coder.as_str());
        d.codings
            .iter()
            .any(|c| Some(c.coder.as_str()) == coder && c.start < e && c.end > s)
    };
    // A long unit starts a line above the first coded line, so what the coders marked is in view.
    let first = lines.iter().position(|l| who(0, l) || who(1, l));
    let skip = first
        .map_or(0, |f| f.saturating_sub(1))
        .min(lines.len() - shown);
    for (k, l) in lines.iter().skip(skip).take(shown).enumerate() {
        let mut t = map.slice(&clean, l.start, l.end).unwrap_or("").to_string();
        if k == 0 && skip > 0 {
            t = format!("… {t}");
        }
        if k + 1 == shown && lines.len() > skip + shown {
            t = fit(&format!("{t} …"), w);
        }
        let y = r.y + k as u16;
        if who(0, l) {
            put(buf, r.x, y, "A", 1, coder_style(0));
        }
        if who(1, l) {
            put(buf, r.x + 1, y, "B", 1, coder_style(1));
        }
        put(buf, r.x + 3, y, &t, w as u16, Style::new());
    }
    shown as u16
}

/// One coder's value in the unit and the coded text inside it.
fn coder(buf: &mut Buffer, r: Rect, state: &AppState, d: &Disagreement, i: usize) {
    let Some(val) = d.values.get(i) else { return };
    let letter = if i == 0 { "A" } else { "B" };
    let codes = if val.codes.is_empty() {
        "–".to_string()
    } else {
        val.codes
            .iter()
            .map(|c| code_name(state, c))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let x = r.x
        + put(
            buf,
            r.x,
            r.y,
            &format!("{letter} "),
            r.width,
            coder_style(i),
        );
    let line = format!("{}: {codes}", super::coder_name(&val.coder));
    let room = (r.x + r.width).saturating_sub(x);
    put(
        buf,
        x,
        r.y,
        &fit(&line, room as usize),
        room,
        Style::new().add_modifier(Modifier::BOLD),
    );
    let t = state.project.transcripts.get(&d.doc);
    let quotes: Vec<String> = d
        .codings
        .iter()
        .filter(|c| c.coder == val.coder)
        .filter_map(|c| t?.slice(c.start.max(d.start), c.end.min(d.end)))
        .map(|q| format!("«{}»", wrap::clean(q.trim())))
        .collect();
    if quotes.is_empty() || r.height < 2 {
        return;
    }
    let w = r.width.saturating_sub(2) as usize;
    let joined = quotes.join(" ");
    let lines = wrap::wrap(&joined, w.max(1));
    let map = crate::model::text::OffsetMap::new(&joined);
    let shown = (r.height as usize - 1).min(lines.len());
    for (k, l) in lines.iter().take(shown).enumerate() {
        let mut s = map.slice(&joined, l.start, l.end).unwrap_or("").to_string();
        if k + 1 == shown && lines.len() > shown {
            s = fit(&format!("{s} …"), w);
        }
        put(buf, r.x + 2, r.y + 1 + k as u16, &s, w as u16, theme::dim());
    }
}
