//! The group comparison screen: a table of codes by group (cases, interviews, segments, difference),
//! a bar chart of case shares per theme, and the list of segments behind one number.

use super::{fit, pad, put, theme};
use crate::analysis::summary::{Cell, Summary};
use crate::t;
use crate::tui::app::AppState;
use crate::tui::layout::keep_visible;
use crate::tui::screen::SEGMENT_ROWS;
use crate::tui::summary::TABLE_HEAD;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

/// Narrowest numbers of a group's block (" cases  intv segs"): a small study's table keeps this shape,
/// a large one's columns grow to their widest cell (`162/162`, `1000/1000`).
const MIN_WIDTHS: Widths = Widths {
    cases: 5,
    intv: 5,
    segs: 4,
};
/// Narrowest difference column (" +100"), without its leading space.
const MIN_DIFF: usize = 5;
/// The code names keep at least this many columns before group blocks are scrolled out of view.
const MIN_NAME: u16 = 14;

/// Widths of a group block's three numbers: cases k/n, interviews k/n, segments.
#[derive(Debug, Clone, Copy)]
struct Widths {
    cases: usize,
    intv: usize,
    segs: usize,
}

impl Widths {
    /// The block's columns, a space before each number.
    fn total(self) -> u16 {
        (3 + self.cases + self.intv + self.segs) as u16
    }

    fn max(self, o: Widths) -> Widths {
        Widths {
            cases: self.cases.max(o.cases),
            intv: self.intv.max(o.intv),
            segs: self.segs.max(o.segs),
        }
    }
}

/// The three numbers of a cell as text.
fn cell_nums(c: &Cell) -> [String; 3] {
    [
        format!("{}/{}", c.cases.len(), c.cases_in_group),
        format!("{}/{}", c.docs.len(), c.interviews_in_group),
        c.segments().to_string(),
    ]
}

/// Column `col`'s widths: its widest cell and heading, at least [`MIN_WIDTHS`].
fn col_widths(s: &Summary, col: usize) -> Widths {
    let w = super::width;
    let heads = Widths {
        cases: w(&t!("tui-summary-col-cases")),
        intv: w(&t!("tui-summary-col-intv")),
        segs: w(&t!("tui-summary-col-segs")),
    };
    s.rows
        .iter()
        .map(|r| {
            let [a, b, c] = cell_nums(r.cells.get(col).unwrap_or(&r.total));
            Widths {
                cases: a.len(),
                intv: b.len(),
                segs: c.len(),
            }
        })
        .fold(MIN_WIDTHS.max(heads), Widths::max)
}

/// The group blocks shown (`first..last`) when the code names keep [`MIN_NAME`] columns: from the
/// first while they fit, else scrolled so that the selected column is in view.
fn visible_cols(widths: &[Widths], selected: usize, room: u16) -> (usize, usize) {
    let sel = selected.min(widths.len().saturating_sub(1));
    let sum = |a: usize, b: usize| widths[a..b].iter().map(|w| w.total()).sum::<u16>();
    let mut first = 0;
    while first < sel && sum(first, sel + 1) > room {
        first += 1;
    }
    let mut last = sel + 1;
    while last < widths.len() && sum(first, last + 1) <= room {
        last += 1;
    }
    (first, last.min(widths.len()))
}

pub fn draw(frame: &mut Frame, area: Rect, state: &AppState) {
    let sv = &state.summary;
    let attr = &state.project.codebook.settings.group_attribute;
    let title = if sv.list.is_some() {
        format!(" {} ", t!("tui-summary-cell-title"))
    } else {
        format!(" {} ", t!("tui-summary-title", attr = attr.as_str()))
    };
    let inner = super::screen_frame(frame, area, &title);
    let buf = frame.buffer_mut();
    let mut info = t!("tui-summary-layer", layer = sv.layer.label(&state.coder));
    let s = match &sv.data {
        Some(Ok(s)) => s,
        Some(Err(msg)) => {
            put(
                buf,
                inner.x,
                inner.y,
                &fit(&info, inner.width as usize),
                inner.width,
                theme::dim(),
            );
            put(
                buf,
                inner.x,
                inner.y + 2,
                &fit(msg, inner.width as usize),
                inner.width,
                Style::new(),
            );
            return;
        }
        None => return,
    };
    if sv.list.is_some() {
        list(buf, inner, state, s);
        return;
    }
    if !sv.chart {
        info.push_str(" · ");
        info.push_str(&t!("tui-summary-legend"));
    }
    if let Some(m) = merged(s) {
        info.push_str(" · ");
        info.push_str(&m);
    }
    put(
        buf,
        inner.x,
        inner.y,
        &fit(&info, inner.width as usize),
        inner.width,
        theme::dim(),
    );
    if s.rows.is_empty() {
        put(
            buf,
            inner.x,
            inner.y + 2,
            &t!("tui-summary-no-codes"),
            inner.width,
            Style::new(),
        );
    } else if sv.chart {
        chart(buf, inner, state, s);
    } else {
        table(buf, inner, state, s);
    }
}

/// The group a column stands for ("all" for the total column).
fn col_name(s: &Summary, col: usize) -> String {
    s.groups
        .get(col)
        .and_then(|g| g.value.clone())
        .unwrap_or_else(|| t!("tui-summary-all"))
}

/// "Hög/hög merged" when group values were written in several ways.
fn merged(s: &Summary) -> Option<String> {
    if s.merged.is_empty() {
        return None;
    }
    let list: Vec<String> = s.merged.iter().map(|m| m.spellings.join("/")).collect();
    Some(t!("tui-summary-merged", spellings = list.join(", ")))
}

/// The difference shown: the selected group's, or the first group's when the total is selected.
fn diff_col(s: &Summary, col: usize) -> usize {
    if col < s.groups.len() { col } else { 0 }
}

fn cell_text(c: &Cell, w: Widths) -> String {
    let [a, b, n] = cell_nums(c);
    format!(
        " {a:>ca$} {b:>ib$} {n:>sc$}",
        ca = w.cases,
        ib = w.intv,
        sc = w.segs
    )
}

fn points(d: Option<f64>) -> String {
    match d {
        Some(d) => {
            let p = (d * 100.0).round() as i64;
            if p > 0 {
                format!("+{p}")
            } else {
                p.to_string()
            }
        }
        None => "–".to_string(),
    }
}

/// The table: code names, then one block per group and the total (each as wide as its widest cell;
/// blocks that do not fit beside the names scroll with the selected column), then the difference.
fn table(buf: &mut Buffer, inner: Rect, state: &AppState, s: &Summary) {
    let sv = &state.summary;
    let cols = s.groups.len() + 1;
    let with_diff = !s.groups.is_empty();
    let dc = diff_col(s, sv.col);
    let widths: Vec<Widths> = (0..cols).map(|c| col_widths(s, c)).collect();
    let diff_w = s
        .rows
        .iter()
        .filter_map(|r| r.cells.get(dc))
        .map(|c| points(c.case_share_difference).chars().count())
        .fold(MIN_DIFF, usize::max);
    let diff_cols = if with_diff { diff_w as u16 + 1 } else { 0 };
    let room = inner.width.saturating_sub(MIN_NAME + diff_cols);
    let (first, last) = visible_cols(&widths, sv.col, room);
    let shown = &widths[first..last];
    let fixed: u16 = shown.iter().map(|w| w.total()).sum::<u16>() + diff_cols;
    let name_w = inner.width.saturating_sub(fixed).max(8);
    table_head(buf, inner, state, s, (first, shown), name_w, diff_w);
    let height = inner.height.saturating_sub(TABLE_HEAD) as usize;
    let top = keep_visible(sv.top, sv.row, height);
    for (i, row) in s.rows.iter().enumerate().skip(top).take(height) {
        let y = inner.y + TABLE_HEAD + (i - top) as u16;
        let selected = i == sv.row;
        let color = theme::rgb(state, theme::code_rgb(state, &row.code));
        put(buf, inner.x, y, "▌", 1, Style::new().fg(color));
        let indent = "  ".repeat(row.depth);
        let name = pad(
            &format!("{indent}{}", row.name),
            name_w.saturating_sub(2) as usize,
        );
        let style = match (selected, row.depth) {
            (true, _) => theme::selected_row(),
            (false, 0) => Style::new().add_modifier(Modifier::BOLD),
            _ => Style::new(),
        };
        put(buf, inner.x + 1, y, &format!(" {name}"), name_w - 1, style);
        let mut x = inner.x + name_w;
        for (col, w) in (first..last).zip(shown) {
            let c = row.cells.get(col).unwrap_or(&row.total);
            let style = if selected && col == sv.col {
                theme::selected_row()
            } else if c.codings.is_empty() {
                theme::dim()
            } else {
                Style::new()
            };
            put(buf, x, y, &cell_text(c, *w), w.total(), style);
            x += w.total();
        }
        if let Some(c) = row.cells.get(dc) {
            let d = points(c.case_share_difference);
            put(
                buf,
                x,
                y,
                &format!(" {d:>diff_w$}"),
                diff_cols,
                Style::new(),
            );
        }
    }
}

/// The two heading rows: group names over their blocks (‹ › when blocks are scrolled out of view),
/// then the column names.
fn table_head(
    buf: &mut Buffer,
    inner: Rect,
    state: &AppState,
    s: &Summary,
    (first, shown): (usize, &[Widths]),
    name_w: u16,
    diff_w: usize,
) {
    let sv = &state.summary;
    let (y0, y1) = (inner.y + 1, inner.y + 2);
    put(
        buf,
        inner.x,
        y1,
        &pad(&t!("tui-summary-col-code"), name_w as usize),
        name_w,
        theme::dim(),
    );
    if first > 0 {
        put(buf, inner.x + name_w - 2, y0, "‹", 1, theme::dim());
    }
    let mut x = inner.x + name_w;
    for (col, w) in (first..).zip(shown) {
        let style = if col == sv.col {
            Style::new().add_modifier(Modifier::BOLD)
        } else {
            theme::dim()
        };
        let bw = w.total();
        let name = format!(" {}", fit(&col_name(s, col), bw as usize - 1));
        put(buf, x, y0, &name, bw, style);
        let head = format!(
            " {:>ca$} {:>ib$} {:>sc$}",
            t!("tui-summary-col-cases"),
            t!("tui-summary-col-intv"),
            t!("tui-summary-col-segs"),
            ca = w.cases,
            ib = w.intv,
            sc = w.segs
        );
        put(buf, x, y1, &head, bw, theme::dim());
        x += bw;
    }
    if first + shown.len() < s.groups.len() + 1 {
        put(buf, x.saturating_sub(1), y0, "›", 1, theme::dim());
    }
    if !s.groups.is_empty() {
        let dc = diff_col(s, sv.col);
        let cols = diff_w as u16 + 1;
        put(
            buf,
            x,
            y0,
            &format!(" {:>diff_w$}", "Δ"),
            cols,
            theme::dim(),
        );
        let name = fit(&col_name(s, dc), diff_w);
        put(buf, x, y1, &format!(" {name:>diff_w$}"), cols, theme::dim());
    }
}

/// A bar of `w` columns filled to `share` (eighth blocks for the last column).
fn bar(share: f64, w: usize) -> (String, String) {
    let eighths = (share.clamp(0.0, 1.0) * (w * 8) as f64).round() as usize;
    let mut filled = "█".repeat(eighths / 8);
    if !eighths.is_multiple_of(8) {
        filled.push(['▏', '▎', '▍', '▌', '▋', '▊', '▉'][eighths % 8 - 1]);
    }
    let used = eighths.div_ceil(8);
    (filled, "·".repeat(w.saturating_sub(used)))
}

/// Grouped bars: for every code, one bar per group with the share of the group's cases, a theme's sub-codes
/// under it; the page starts at the selected code's theme when the whole theme fits.
fn chart(buf: &mut Buffer, inner: Rect, state: &AppState, s: &Summary) {
    let sv = &state.summary;
    if s.groups.is_empty() {
        put(
            buf,
            inner.x,
            inner.y + 2,
            &t!("tui-summary-no-groups"),
            inner.width,
            Style::new(),
        );
        return;
    }
    let note = t!("tui-summary-chart-note");
    put(
        buf,
        inner.x,
        inner.y + 1,
        &fit(&note, inner.width as usize),
        inner.width,
        theme::dim(),
    );
    let per = s.groups.len();
    let fit_n = (inner.height.saturating_sub(TABLE_HEAD) as usize / per).max(1);
    let theme_start = s.rows[..=sv.row.min(s.rows.len() - 1)]
        .iter()
        .rposition(|r| r.depth == 0)
        .unwrap_or(0);
    let top = if sv.row - theme_start < fit_n {
        theme_start
    } else {
        sv.row + 1 - fit_n
    };
    let gw = s
        .groups
        .iter()
        .map(|g| super::width(g.value.as_deref().unwrap_or("")))
        .max()
        .unwrap_or(0)
        .min(8);
    let name_w = (inner.width as usize / 3).clamp(8, 30);
    let bw = (inner.width as usize)
        .saturating_sub(name_w + gw + 2 + 13)
        .max(4);
    for (i, row) in s.rows.iter().enumerate().skip(top).take(fit_n) {
        let y = inner.y + TABLE_HEAD + ((i - top) * per) as u16;
        let color = theme::rgb(state, theme::code_rgb(state, &row.code));
        let style = match (i == sv.row, row.depth) {
            (true, _) => theme::selected_row(),
            (false, 0) => Style::new().add_modifier(Modifier::BOLD),
            _ => Style::new(),
        };
        put(buf, inner.x, y, "▌", 1, Style::new().fg(color));
        let name = pad(
            &format!("{}{}", "  ".repeat(row.depth), row.name),
            name_w - 3,
        );
        put(buf, inner.x + 2, y, &name, name_w as u16 - 3, style);
        for (g, c) in row.cells.iter().enumerate() {
            let y = y + g as u16;
            let sel = i == sv.row && g == sv.col;
            let lstyle = if sel {
                theme::selected_row()
            } else {
                theme::dim()
            };
            let gx = inner.x + name_w as u16;
            put(buf, gx, y, &pad(&col_name(s, g), gw), gw as u16, lstyle);
            let (full, rest) = bar(c.case_share(), bw);
            let bx = gx + gw as u16 + 1;
            let n = put(buf, bx, y, &full, bw as u16, Style::new().fg(color));
            put(buf, bx + n, y, &rest, bw as u16 - n, theme::dim());
            let cases = format!("{}/{}", c.cases.len(), c.cases_in_group);
            let nums = format!(" {cases:>5} {:>4}%", (c.case_share() * 100.0).round());
            put(buf, bx + bw as u16, y, &nums, 12, Style::new());
        }
    }
}

fn list(buf: &mut Buffer, inner: Rect, state: &AppState, s: &Summary) {
    let Some(l) = state.summary.list.as_ref() else {
        return;
    };
    let path = state.project.codebook.path(&l.code);
    let cell = s
        .row(&l.code)
        .map(|r| r.cells.get(l.col).unwrap_or(&r.total));
    let nums = cell.map_or(String::new(), |c| {
        t!(
            "tui-summary-list-nums",
            cases = c.cases.len(),
            cases_in = c.cases_in_group,
            docs = c.docs.len(),
            docs_in = c.interviews_in_group
        )
    });
    let head = t!(
        "tui-summary-list-head",
        path = path,
        group = col_name(s, l.col),
        n = l.rows.len(),
        nums = nums,
        layer = state.summary.layer.label(&state.coder)
    );
    put(
        buf,
        inner.x,
        inner.y,
        &fit(&head, inner.width as usize),
        inner.width,
        theme::dim(),
    );
    let per_page = (inner.height.saturating_sub(1) as usize / SEGMENT_ROWS).max(1);
    let top = keep_visible(l.top, l.selected, per_page);
    for (i, seg) in l.rows.iter().enumerate().skip(top).take(per_page) {
        let y = inner.y + 1 + ((i - top) * SEGMENT_ROWS) as u16;
        let r = Rect::new(inner.x, y, inner.width, SEGMENT_ROWS as u16);
        super::retrieval::segment(buf, state, r, seg, i == l.selected);
    }
}
