//! The app's side of the search pane: opening it, the index's reports, and auto-coding the hits (one undo step).

use crate::model::Coding;
use crate::t;
use crate::tui::action::Effect;
use crate::tui::app::{AppState, Deferred, Level, Overlay, Screen};
use crate::tui::search::{IndexStatus, Preview, QueryProblem, scope_name};
use crate::tui::wrap::clean;

/// Quotes shown in the auto-code preview.
const EXAMPLES: usize = 3;

impl AppState {
    /// `/`: opens the pane with the cursor on the query; the index is opened or refreshed on a thread.
    pub(crate) fn open_search(&mut self) -> Vec<Effect> {
        self.screen = Screen::Search;
        let requests = self.search.open();
        self.fulfil(requests)
    }

    pub(crate) fn search_input(&mut self, s: &str) -> Vec<Effect> {
        let requests = self.search.input(s);
        self.fulfil(requests)
    }

    pub(crate) fn index_progress(&mut self, done: usize, total: usize) -> Vec<Effect> {
        self.search.index = IndexStatus::Building { done, total };
        Vec::new()
    }

    pub(crate) fn index_ready(&mut self, r: Result<String, String>) -> Vec<Effect> {
        match r {
            Ok(report) => {
                tracing::info!("search index: {report}");
                let mut fx = self.search.index_ready();
                fx.extend(self.suggestions_after_index());
                fx
            }
            Err(e) => {
                self.search.index = IndexStatus::Failed(e.clone());
                if self.suggest.loading {
                    self.suggest
                        .done(Err(t!("tui-search-index-failed", error = e.as_str())));
                }
                self.message(
                    Level::Error,
                    t!("tui-search-index-failed", error = e.as_str()),
                );
                Vec::new()
            }
        }
    }

    pub(crate) fn search_done(
        &mut self,
        query: String,
        result: Result<(Vec<crate::index::Hit>, usize), QueryProblem>,
    ) -> Vec<Effect> {
        self.search.done(query, result);
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
                self.message(Level::Error, t!("tui-autocode-failed", error = e));
                return Vec::new();
            }
        };
        let path = self.project.codebook.path(&p.code);
        if p.add.is_empty() {
            self.message(
                Level::Info,
                t!("tui-autocode-nothing", n = p.skipped, path = path.as_str()),
            );
            return Vec::new();
        }
        let examples: Vec<String> = p.add.iter().take(EXAMPLES).map(example).collect();
        let question = t!(
            "tui-autocode-confirm",
            n = p.add.len(),
            path = path.as_str(),
            coder = self.coder.as_str(),
            scope = scope_name(p.scope),
            hits = p.hits,
            skipped = p.skipped,
            examples = examples.join(" · ")
        );
        let label = t!("tui-op-autocode", n = p.add.len(), path = path.as_str());
        let batch = crate::store::batches::Batch {
            id: crate::model::coding::new_id(),
            kind: "autocode-workbench".into(),
            coder: self.coder.clone(),
            code: p.code.clone(),
            query: self.search.searched.clone(),
            scope: p.scope.name().into(),
            created: chrono::Utc::now(),
            codings: p.add.iter().map(|c| c.id.clone()).collect(),
        };
        self.overlay = Some(Overlay::Confirm {
            question,
            then: Deferred::AutoCode {
                label,
                codings: p.add,
                batch: Box::new(batch),
            },
        });
        Vec::new()
    }

    /// Adds the planned codings as one undo step, and records them in the coder's batch log (before
    /// the save, so `kodbok autocode --undo` can undo them too).
    pub(crate) fn autocode(
        &mut self,
        label: String,
        codings: Vec<Coding>,
        batch: crate::store::batches::Batch,
    ) -> Vec<Effect> {
        let n = codings.len();
        let batch = Box::new(batch);
        let mut fx = self.commit(crate::tui::history::Op::AddCodings {
            label,
            codings,
            batch: Some(batch.clone()),
        });
        if !fx.is_empty() {
            fx.insert(0, Effect::LogBatch(batch));
            self.recompute();
            self.search.marked.clear();
            self.message(Level::Info, t!("tui-autocode-done", n = n));
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
