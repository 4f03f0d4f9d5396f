//! Screen geometry shared by update (mouse hits, wrap width) and the views, so both agree on every rectangle.

use super::app::Focus;
use ratatui::layout::{Margin, Rect};

/// Terminals at least this wide show all three panes.
pub const WIDE: u16 = 120;
pub const DOCS_W: u16 = 24;
pub const CODEBOOK_W: u16 = 30;
/// Width of one coding stripe: a bar and a short code name.
pub const LANE_W: u16 = 7;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Panes {
    pub docs: Option<Rect>,
    pub transcript: Option<Rect>,
    pub codebook: Option<Rect>,
    /// Everything above the status bar (full-screen views use it whole).
    pub main: Rect,
    pub status: Rect,
    pub footer: Rect,
}

/// Splits the screen: three panes when wide, otherwise the transcript with the focused side pane.
pub fn panes(area: Rect, focus: Focus) -> Panes {
    let main_h = area.height.saturating_sub(2);
    let main = Rect::new(area.x, area.y, area.width, main_h);
    let status = Rect::new(area.x, area.y + main_h, area.width, area.height.min(1));
    let footer = Rect::new(
        area.x,
        area.y + main_h + 1,
        area.width,
        area.height.saturating_sub(main_h + 1),
    );
    let mut p = Panes {
        main,
        status,
        footer,
        ..Panes::default()
    };
    let w = main.width;
    let col = |x: u16, width: u16| Rect::new(main.x + x, main.y, width, main.height);
    if w >= WIDE {
        p.docs = Some(col(0, DOCS_W));
        p.transcript = Some(col(DOCS_W, w - DOCS_W - CODEBOOK_W));
        p.codebook = Some(col(w - CODEBOOK_W, CODEBOOK_W));
    } else if w < 60 {
        match focus {
            Focus::Documents => p.docs = Some(main),
            Focus::Transcript => p.transcript = Some(main),
            Focus::Codebook => p.codebook = Some(main),
        }
    } else {
        match focus {
            Focus::Documents => {
                p.docs = Some(col(0, DOCS_W + 4));
                p.transcript = Some(col(DOCS_W + 4, w - DOCS_W - 4));
            }
            Focus::Transcript => p.transcript = Some(main),
            Focus::Codebook => {
                p.transcript = Some(col(0, w - CODEBOOK_W - 2));
                p.codebook = Some(col(w - CODEBOOK_W - 2, CODEBOOK_W + 2));
            }
        }
    }
    p
}

/// Where the parts of a transcript line go inside the transcript pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TextGeom {
    pub y: u16,
    pub height: u16,
    /// Turn numbers, right-aligned.
    pub gutter_x: u16,
    pub gutter_w: u16,
    pub text_x: u16,
    pub text_w: u16,
    /// Coding stripes.
    pub margin_x: u16,
    pub lanes: u16,
}

pub fn text_geom(pane: Rect, turns: usize) -> TextGeom {
    let inner = pane.inner(Margin::new(1, 1));
    let digits = turns.max(1).to_string().len() as u16;
    let gutter_w = (digits + 1).max(3).min(inner.width / 4);
    let lanes = if inner.width >= 40 {
        (inner.width / 4 / LANE_W).clamp(1, 4)
    } else {
        0
    };
    let margin_w = lanes * LANE_W;
    let text_w = inner
        .width
        .saturating_sub(gutter_w + margin_w + u16::from(lanes > 0))
        .max(1);
    TextGeom {
        y: inner.y,
        height: inner.height,
        gutter_x: inner.x,
        gutter_w,
        text_x: inner.x + gutter_w,
        text_w,
        margin_x: inner.x + gutter_w + text_w + 1,
        lanes,
    }
}

/// The first visible row of a list so that `selected` is on screen, moving as little as possible from `top`.
pub fn keep_visible(top: usize, selected: usize, height: usize) -> usize {
    let h = height.max(1);
    if selected < top {
        selected
    } else if selected >= top + h {
        selected + 1 - h
    } else {
        top
    }
}

/// A rectangle of at most `w`×`h` centred in `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

pub fn contains(r: Rect, x: u16, y: u16) -> bool {
    x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrow_and_wide_layouts() {
        let p = panes(Rect::new(0, 0, 80, 24), Focus::Transcript);
        assert!(p.docs.is_none() && p.codebook.is_none());
        assert_eq!(p.transcript.unwrap().height, 22);
        let p = panes(Rect::new(0, 0, 120, 40), Focus::Transcript);
        assert_eq!(p.transcript.unwrap().width, 120 - DOCS_W - CODEBOOK_W);
        let g = text_geom(Rect::new(0, 0, 80, 22), 40);
        assert_eq!(g.gutter_w, 3);
        assert_eq!(g.lanes, 2);
        assert_eq!(g.text_w, 78 - 3 - 14 - 1);
        assert_eq!(keep_visible(0, 30, 10), 21);
        assert_eq!(keep_visible(21, 5, 10), 5);
    }
}
