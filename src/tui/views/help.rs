//! The help overlay: every key of every context, and the code shortcuts, generated from the keymap and codebook.

use super::{clear, fit, pad, put, theme};
use crate::t;
use crate::tui::action::Command;
use crate::tui::app::AppState;
use crate::tui::keymap::KeyContext;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, Borders};

/// The heading of a context's keys, in the current language.
fn heading(ctx: KeyContext) -> String {
    match ctx {
        KeyContext::Global => t!("tui-help-global"),
        KeyContext::Documents => t!("tui-help-documents"),
        KeyContext::Transcript => t!("tui-help-transcript"),
        KeyContext::Select => t!("tui-help-select"),
        KeyContext::Codebook => t!("tui-help-codebook"),
        KeyContext::Retrieval => t!("tui-help-retrieval"),
        KeyContext::Summary => t!("tui-help-summary"),
        KeyContext::SummaryCell => t!("tui-help-summary-cell"),
        KeyContext::SearchQuery => t!("tui-help-search-query"),
        KeyContext::SearchList => t!("tui-help-search-list"),
        KeyContext::Help => t!("tui-help-help"),
        KeyContext::Picker => t!("tui-help-picker"),
        KeyContext::Prompt => t!("tui-help-prompt"),
        KeyContext::Editor => t!("tui-help-editor"),
        KeyContext::Confirm => t!("tui-help-confirm"),
        KeyContext::Choose => t!("tui-help-choose"),
        KeyContext::Agreement => t!("tui-help-agreement"),
        KeyContext::Suggest => t!("tui-help-suggest"),
        KeyContext::DocFilter => t!("tui-help-doc-filter"),
    }
}

/// The help text as (text, is heading) lines.
pub fn lines(state: &AppState) -> Vec<(String, bool)> {
    let quit = state
        .keymap
        .key_for(KeyContext::Global, Command::Quit)
        .unwrap_or_default();
    let mut out = vec![
        (t!("tui-help-intro", quit = quit), false),
        (String::new(), false),
    ];
    // The status bar may have cut a long message: here it is in full, wrapped to the screen.
    if let Some((_, msg)) = &state.status.message {
        let width = state.size.0.saturating_sub(4).max(20) as usize;
        out.push((t!("tui-help-last-message"), true));
        let clean = crate::tui::wrap::clean(msg);
        let map = crate::model::text::OffsetMap::new(&clean);
        for l in crate::tui::wrap::wrap(&clean, width - 2) {
            let line = map.slice(&clean, l.start, l.end).unwrap_or("");
            out.push((format!("  {line}"), false));
        }
        out.push((String::new(), false));
    }
    for ctx in KeyContext::ALL {
        let b = state.keymap.bindings(ctx);
        if b.is_empty() {
            continue;
        }
        out.push((heading(ctx), true));
        for (keys, cmd) in b {
            out.push((format!("  {} {}", pad(&keys, 16), cmd.describe()), false));
        }
        out.push((String::new(), false));
    }
    let shortcuts: Vec<(String, String)> = state
        .project
        .codebook
        .flatten()
        .iter()
        .filter_map(|f| {
            Some((
                f.code.shortcut.clone()?,
                state.project.codebook.path(&f.code.id),
            ))
        })
        .collect();
    if !shortcuts.is_empty() {
        out.push((t!("tui-help-shortcuts"), true));
        for (k, path) in shortcuts {
            out.push((format!("  {} {path}", pad(&k, 16)), false));
        }
    }
    out
}

pub fn draw(frame: &mut Frame, area: Rect, state: &AppState, scroll: usize) {
    let r = area;
    clear(frame, r);
    let key = |c| {
        state
            .keymap
            .key_for(KeyContext::Help, c)
            .unwrap_or_default()
    };
    let title = format!(
        " {} ",
        t!(
            "tui-help-title",
            close = key(Command::Cancel),
            down = key(Command::Down),
            up = key(Command::Up)
        )
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::border(true))
        .title(fit(&title, r.width.saturating_sub(2) as usize));
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let all = lines(state);
    let h = inner.height as usize;
    let top = scroll.min(all.len().saturating_sub(h));
    let buf = frame.buffer_mut();
    for (i, (text, head)) in all.iter().skip(top).take(h).enumerate() {
        let style = if *head {
            Style::new().add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        };
        put(
            buf,
            inner.x + 1,
            inner.y + i as u16,
            &fit(text, inner.width.saturating_sub(1) as usize),
            inner.width,
            style,
        );
    }
}
