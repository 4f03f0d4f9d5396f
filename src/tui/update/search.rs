//! The search pane: typing a query (searched as you type), moving through hits, jumping, auto-coding.

use crate::model::Coding;
use crate::tui::action::{Command, Effect};
use crate::tui::app::{AppState, Deferred, Level, Overlay, Screen};
use crate::tui::keymap::KeyContext;
use crate::tui::layout::keep_visible;
use crate::tui::picker::Purpose;
use crate::tui::search::{IndexStatus, Preview, QueryProblem, next_scope, scope_name};
use crate::tui::wrap::clean;

/// Quotes shown in the auto-code preview.
const EXAMPLES: usize = 3;

impl AppState {
    /// `/`: opens the pane with the cursor on the query; the index is opened or refreshed on a thread.
    pub(crate) fn open_search(&mut self) -> Vec<Effect> {
        self.screen = Screen::Search;
        self.search.typing = true;
        self.search.input.end();
        let needs = matches!(
            self.search.index,
            IndexStatus::Closed | IndexStatus::Failed(_)
        ) || self.search.stale;
        if needs && !matches!(self.search.index, IndexStatus::Building { .. }) {
            self.search.index = IndexStatus::Building { done: 0, total: 0 };
            return vec![Effect::OpenIndex];
        }
        Vec::new()
    }

    pub(crate) fn search_cmd(&mut self, ctx: KeyContext, c: Command) -> Vec<Effect> {
        if c == Command::Cancel {
            self.screen = Screen::Workbench;
            return Vec::new();
        }
        if ctx == KeyContext::SearchQuery {
            return self.query_cmd(c);
        }
        self.hits_cmd(c)
    }

    fn query_cmd(&mut self, c: Command) -> Vec<Effect> {
        let input = &mut self.search.input;
        let before = input.text();
        match c {
            Command::Accept | Command::Down => {
                // Also before the hits arrive (the index may still be opening): they fill the list then.
                self.search.typing = false;
                return Vec::new();
            }
            Command::Backspace => input.backspace(),
            Command::Delete => input.delete(),
            Command::Left => input.left(),
            Command::Right => input.right(),
            Command::LineStart => input.home(),
            Command::LineEnd => input.end(),
            _ => {}
        }
        if self.search.input.text() == before {
            return Vec::new();
        }
        self.query_changed()
    }

    /// Typed or pasted text in the query line (newlines become spaces).
    pub(crate) fn search_input(&mut self, s: &str) -> Vec<Effect> {
        if !self.search.typing {
            return Vec::new();
        }
        let text: String = s
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        self.search.input.insert_str(&text);
        self.query_changed()
    }

    fn query_changed(&mut self) -> Vec<Effect> {
        let query = self.search.query();
        if query.trim().is_empty() {
            self.search.hits.clear();
            self.search.total = 0;
            self.search.problem = None;
            self.search.marked.clear();
            self.search.searched = query;
            return Vec::new();
        }
        if self.search.index != IndexStatus::Ready {
            // Searched when the index is ready.
            return Vec::new();
        }
        vec![Effect::Search { query }]
    }

    fn hits_cmd(&mut self, c: Command) -> Vec<Effect> {
        let n = self.search.hits.len();
        let page = self.hit_rows().max(1);
        let s = &mut self.search;
        match c {
            Command::Up if s.selected == 0 => s.typing = true,
            Command::Up => s.selected -= 1,
            Command::Down => s.selected = (s.selected + 1).min(n.saturating_sub(1)),
            Command::PageDown | Command::HalfPageDown => {
                s.selected = (s.selected + page).min(n.saturating_sub(1))
            }
            Command::PageUp | Command::HalfPageUp => s.selected = s.selected.saturating_sub(page),
            Command::Top => s.selected = 0,
            Command::Bottom => s.selected = n.saturating_sub(1),
            Command::EditQuery => s.typing = true,
            Command::MarkHit if n > 0 => {
                if !s.marked.remove(&s.selected) {
                    s.marked.insert(s.selected);
                }
                s.selected = (s.selected + 1).min(n - 1);
            }
            Command::MarkAll if s.marked.len() == n => s.marked.clear(),
            Command::MarkAll => s.marked = (0..n).collect(),
            Command::CycleScope => {
                s.scope = next_scope(s.scope);
                let msg = format!("Auto-code scope: {}.", scope_name(s.scope));
                self.message(Level::Info, msg);
            }
            Command::Jump => self.jump_to_hit(),
            Command::AutoCode if n > 0 && self.writable() => self.picker(Purpose::AutoCode),
            _ => {}
        }
        self.search.top = keep_visible(self.search.top, self.search.selected, page);
        Vec::new()
    }

    /// Hits that fit in the list (two lines each) at the current size.
    pub fn hit_rows(&self) -> usize {
        (self.panes().main.height.saturating_sub(5) / 2) as usize
    }

    /// Opens the hit's transcript with its first match selected (the cursor at its end).
    fn jump_to_hit(&mut self) {
        let Some(h) = self.search.hits.get(self.search.selected).cloned() else {
            return;
        };
        let (s, e) = h
            .matches
            .first()
            .copied()
            .unwrap_or((h.turn_start, h.turn_start + 1));
        self.open_doc(&h.doc, Some(s));
        if let Some(v) = self.view.as_mut()
            && v.doc == h.doc
            && e > s + 1
        {
            v.anchor = Some(s);
            v.cursor = e - 1;
        }
        self.relayout();
        self.message(
            Level::Info,
            "The match is selected: c codes it, Esc clears it, / returns to the hits.",
        );
    }

    pub(crate) fn index_progress(&mut self, done: usize, total: usize) -> Vec<Effect> {
        self.search.index = IndexStatus::Building { done, total };
        Vec::new()
    }

    pub(crate) fn index_ready(&mut self, r: Result<String, String>) -> Vec<Effect> {
        match r {
            Ok(report) => {
                self.search.index = IndexStatus::Ready;
                self.search.stale = false;
                tracing::info!("search index: {report}");
                if self.screen == Screen::Suggest && self.suggest.loading {
                    return self.request_suggestions();
                }
                let query = self.search.query();
                if query.trim().is_empty() {
                    return Vec::new();
                }
                vec![Effect::Search { query }]
            }
            Err(e) => {
                self.search.index = IndexStatus::Failed(e.clone());
                self.suggest.loading = false;
                self.message(Level::Error, format!("Search index: {e}"));
                Vec::new()
            }
        }
    }

    pub(crate) fn search_done(
        &mut self,
        query: String,
        result: Result<(Vec<crate::index::Hit>, usize), QueryProblem>,
    ) -> Vec<Effect> {
        if query != self.search.query() {
            // An answer to a query typed over since.
            return Vec::new();
        }
        let s = &mut self.search;
        let same = s.searched == query;
        s.searched = query;
        match result {
            Ok((hits, total)) => {
                s.problem = None;
                s.hits = hits;
                s.total = total;
                if !same {
                    s.marked.clear();
                    s.selected = 0;
                    s.top = 0;
                }
                s.marked.retain(|i| *i < s.hits.len());
                s.selected = s.selected.min(s.hits.len().saturating_sub(1));
            }
            Err(p) => s.problem = Some(p),
        }
        Vec::new()
    }

    /// The code was picked: asks for the codings the auto-code would add.
    pub(crate) fn plan_autocode(&mut self, code: String) -> Vec<Effect> {
        vec![Effect::PlanAutocode {
            query: self.search.searched.clone(),
            code,
            scope: self.search.scope,
            only: self.search.marked_turns(),
        }]
    }

    /// Shows the preview and asks before coding.
    pub(crate) fn autocode_planned(&mut self, r: Result<Preview, String>) -> Vec<Effect> {
        let p = match r {
            Ok(p) => p,
            Err(e) => {
                self.message(Level::Error, format!("Cannot auto-code: {e}"));
                return Vec::new();
            }
        };
        let path = self.project.codebook.path(&p.code);
        if p.add.is_empty() {
            self.message(
                Level::Info,
                format!(
                    "Nothing to add: {} passages are already coded {path}.",
                    p.skipped
                ),
            );
            return Vec::new();
        }
        let examples: Vec<String> = p.add.iter().take(EXAMPLES).map(example).collect();
        let question = format!(
            "Code {} passages with {path} as {} (scope {}; {} hits, {} already coded)? One undo step. E.g. {}",
            p.add.len(),
            self.coder,
            scope_name(p.scope),
            p.hits,
            p.skipped,
            examples.join(" · ")
        );
        let label = format!("auto-code of {} passages with {path}", p.add.len());
        self.overlay = Some(Overlay::Confirm {
            question,
            then: Deferred::AutoCode {
                label,
                codings: p.add,
            },
        });
        Vec::new()
    }

    /// Adds the planned codings as one undo step.
    pub(crate) fn autocode(&mut self, label: String, codings: Vec<Coding>) -> Vec<Effect> {
        let n = codings.len();
        let fx = self.commit(crate::tui::history::Op::AddCodings { label, codings });
        if !fx.is_empty() {
            self.recompute();
            self.search.marked.clear();
            self.message(
                Level::Info,
                format!("Auto-coded {n} passages. u undoes them all."),
            );
        }
        fx
    }
}

fn example(c: &Coding) -> String {
    let q = clean(&c.quote);
    let short: String = q.chars().take(40).collect();
    let more = if q.chars().count() > 40 { "…" } else { "" };
    format!("{}: «{short}{more}»", c.doc)
}
