//! The search index on a thread: opening or refreshing it never blocks typing; queries run on the result.

use super::action::{Action, Command};
use super::app::AppState;
use super::keymap::KeyContext;
use super::search::{LIMIT, Preview, QueryProblem};
use crate::index::autocode::{self, Scope};
use crate::index::{IndexError, Searcher};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, TryRecvError, channel};
use std::time::{Duration, Instant};

/// The least time between two progress reports of an index build: a few a second are plenty for a
/// progress line, and the channel is not flooded with one message per transcript.
const PROGRESS_EVERY: Duration = Duration::from_millis(100);

enum IndexReport {
    Progress(usize, usize),
    Done(Box<Result<Searcher, String>>),
}

#[derive(Default)]
pub struct Background {
    searcher: Option<Searcher>,
    running: Option<Receiver<IndexReport>>,
    /// Asked to open again while a thread was still running (codings saved meanwhile).
    again: Option<PathBuf>,
}

impl Background {
    /// Starts bringing the index up to date on a thread (or once more after the running one).
    pub fn open(&mut self, root: &Path) {
        if self.running.is_some() {
            self.again = Some(root.to_path_buf());
            return;
        }
        let (tx, rx) = channel();
        let root = root.to_path_buf();
        std::thread::spawn(move || {
            let mut last = Instant::now();
            let mut progress = |p: crate::index::build::Progress| {
                if last.elapsed() >= PROGRESS_EVERY || p.done == p.total {
                    last = Instant::now();
                    let _ = tx.send(IndexReport::Progress(p.done, p.total));
                }
            };
            let r = Searcher::open(&root, &mut progress).map_err(|e| crate::messages::describe(&e));
            let _ = tx.send(IndexReport::Done(Box::new(r)));
        });
        self.running = Some(rx);
    }

    /// What the thread reported since last asked, without waiting.
    pub fn reported(&mut self) -> Vec<Action> {
        let mut out = Vec::new();
        while let Some(rx) = &self.running {
            match rx.try_recv() {
                Ok(r) => out.extend(self.take(r)),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    self.running = None;
                    out.push(Action::IndexReady(Err(crate::t!("tui-index-stopped"))));
                }
            }
        }
        out
    }

    /// Waits for the running thread (and a queued re-open) to finish; for tests and benches.
    pub fn wait(&mut self, timeout: Duration) -> Vec<Action> {
        let until = Instant::now() + timeout;
        let mut out = Vec::new();
        while let Some(rx) = &self.running {
            match rx.recv_timeout(until.saturating_duration_since(Instant::now())) {
                Ok(r) => out.extend(self.take(r)),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => self.running = None,
            }
        }
        out
    }

    fn take(&mut self, r: IndexReport) -> Option<Action> {
        match r {
            IndexReport::Progress(done, total) => Some(Action::IndexProgress { done, total }),
            IndexReport::Done(result) => {
                let result = *result;
                self.running = None;
                if let Some(root) = self.again.take() {
                    if let Ok(s) = result {
                        self.searcher = Some(s);
                    }
                    self.open(&root);
                    return None;
                }
                Some(Action::IndexReady(result.map(|s| {
                    let r = s.report();
                    let msg = crate::t!("tui-index-report", turns = r.turns, docs = r.reindexed);
                    self.searcher = Some(s);
                    msg
                })))
            }
        }
    }

    /// Runs a query on the open index (a few milliseconds); nothing when it is not open yet.
    pub fn search(&self, query: &str) -> Vec<Action> {
        let Some(s) = &self.searcher else {
            return Vec::new();
        };
        let result = s
            .search(query, LIMIT)
            .and_then(|mut hits| {
                // Equal scores in a stable order (document, turn), so the list does not shuffle between runs.
                hits.sort_by(|a, b| {
                    b.score
                        .total_cmp(&a.score)
                        .then_with(|| a.doc.cmp(&b.doc))
                        .then(a.turn.cmp(&b.turn))
                });
                Ok((hits, s.count(query)?))
            })
            .map_err(problem);
        vec![Action::SearchDone {
            query: query.to_string(),
            result,
        }]
    }

    /// The codings auto-coding would add for the current coder, limited to `only` turns when given.
    pub fn plan(
        &self,
        state: &AppState,
        query: &str,
        code: &str,
        scope: Scope,
        only: &[(String, usize, usize)],
    ) -> Action {
        let Some(s) = &self.searcher else {
            return Action::AutocodePlanned(Err(crate::t!("tui-index-not-open")));
        };
        // only the marked turns are planned, so that their hits and what of them is coded already are
        // what the preview counts
        let r = s.matches_all(query).and_then(|mut hits| {
            if !only.is_empty() {
                hits.retain(|h| {
                    only.iter()
                        .any(|(d, s, e)| *d == h.doc && *s <= h.turn_start && h.turn_end <= *e)
                });
            }
            autocode::plan_hits(&state.project, &hits, query, code, scope, &state.coder)
        });
        Action::AutocodePlanned(
            r.map_err(|e| crate::messages::describe(&e))
                .map(|p| Preview {
                    code: p.code,
                    scope: p.scope,
                    hits: p.hits,
                    skipped: p.skipped,
                    add: p.add,
                }),
        )
    }
}

impl Background {
    /// The current coder's suggestions of one code (None: every code with a saved query).
    pub fn suggest(&self, state: &AppState, code: Option<&str>) -> Action {
        use crate::index::suggest;
        let Some(s) = &self.searcher else {
            return Action::SuggestionsDone(Err(crate::t!("tui-suggest-no-index")));
        };
        let p = &state.project;
        let r = suggest::codes_with_query(p, code)
            .map_err(|e| crate::messages::describe(&e))
            .and_then(|codes| {
                if codes.is_empty() {
                    let key = state
                        .keymap
                        .key_for(KeyContext::Codebook, Command::EditCodeQuery)
                        .unwrap_or_default();
                    return Err(crate::t!("tui-suggest-no-query", key = key));
                }
                let skipped =
                    suggest::load_skipped(p).map_err(|e| crate::messages::describe(&e))?;
                suggest::suggest(p, s, &state.coder, &codes, &skipped, false)
                    .map_err(|e| crate::messages::describe(&e))
            });
        Action::SuggestionsDone(r)
    }
}

fn problem(e: IndexError) -> QueryProblem {
    match e {
        IndexError::Query(q) => QueryProblem {
            message: q.kind.to_string(),
            kind: Some(q.kind),
            start: q.start,
            end: q.end,
        },
        e => QueryProblem {
            message: crate::messages::describe(&e),
            kind: None,
            start: 0,
            end: 0,
        },
    }
}
