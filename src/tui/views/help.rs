//! The help overlay: every key of every context, and the code shortcuts, generated from the keymap and codebook.

use super::{clear, fit, pad, put, theme};
use crate::tui::action::Command;
use crate::tui::app::AppState;
use crate::tui::keymap::Context;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, Borders};

fn heading(ctx: Context) -> &'static str {
    match ctx {
        Context::Global => "Everywhere (except in text fields)",
        Context::Documents => "Documents pane",
        Context::Transcript => "Transcript",
        Context::Select => "While selecting (motions extend the selection)",
        Context::Codebook => "Codebook pane",
        Context::Retrieval => "Segments screen",
        Context::Summary => "Group comparison (S)",
        Context::SummaryCell => "Segments behind a number",
        Context::SearchQuery => "Search: the query line (type; the syntax shows while it is empty)",
        Context::SearchList => "Search: the hits",
        Context::Help => "This help",
        Context::Picker => "Code picker (type to filter)",
        Context::Prompt => "One-line input",
        Context::Editor => "Memo editor (type to write)",
        Context::Confirm => "Questions",
        Context::Choose => "Choosing a coding",
        Context::Agreement => "Agreement screen (K): decide differences into konsensus",
    }
}

/// The help text as (text, is heading) lines.
pub fn lines(state: &AppState) -> Vec<(String, bool)> {
    let mut out = vec![
        ("Every change is saved at once; q quits without asking. Keys can be changed in .kodbok/keymap.toml.".to_string(), false),
        (String::new(), false),
    ];
    for ctx in Context::ALL {
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
    let key = |c| state.keymap.key_for(Context::Help, c).unwrap_or_default();
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
