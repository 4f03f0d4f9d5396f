//! The help overlay: every key of every context, and the code shortcuts, generated from the keymap and codebook.

use super::{clear, fit, pad, put, theme};
use crate::tui::action::Command;
use crate::tui::app::AppState;
use crate::tui::keymap::KeyContext;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, Borders};

fn heading(ctx: KeyContext) -> &'static str {
    match ctx {
        KeyContext::Global => "Everywhere (except in text fields)",
        KeyContext::Documents => "Documents pane",
        KeyContext::Transcript => "Transcript",
        KeyContext::Select => "While selecting (motions extend the selection)",
        KeyContext::Codebook => "Codebook pane",
        KeyContext::Retrieval => "Segments screen",
        KeyContext::Summary => "Group comparison (S)",
        KeyContext::SummaryCell => "Segments behind a number",
        KeyContext::SearchQuery => {
            "Search: the query line (type; the syntax shows while it is empty)"
        }
        KeyContext::SearchList => "Search: the hits",
        KeyContext::Help => "This help",
        KeyContext::Picker => "Code picker (type to filter)",
        KeyContext::Prompt => "One-line input",
        KeyContext::Editor => "Memo editor (type to write)",
        KeyContext::Confirm => "Questions",
        KeyContext::Choose => "Choosing a coding",
        KeyContext::Agreement => "Agreement screen (K): decide differences into konsensus",
        KeyContext::Suggest => {
            "Suggestions (F): passages a code's saved query finds that you have not coded"
        }
    }
}

/// The help text as (text, is heading) lines.
pub fn lines(state: &AppState) -> Vec<(String, bool)> {
    let mut out = vec![
        ("Every change is saved at once; q quits without asking. Keys can be changed in .kodbok/keymap.toml.".to_string(), false),
        (String::new(), false),
    ];
    for ctx in KeyContext::ALL {
        let b = state.keymap.bindings(ctx);
        if b.is_empty() {
            continue;
        }
        out.push((heading(ctx).to_string(), true));
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
        out.push(("Code shortcuts (apply to the selection)".into(), true));
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
        " Help: every key ({} closes, {}/{} scroll) ",
        key(Command::Cancel),
        key(Command::Down),
        key(Command::Up)
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
