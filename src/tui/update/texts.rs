//! Transcripts read when they are used: one when it is opened, every one (with a note while they are
//! read) before a screen or a plan that needs all texts. A small study is read whole at the start.

use crate::model::CoderFile;
use crate::t;
use crate::tui::action::{Command, Effect, Texts};
use crate::tui::app::{AppState, Deferred, Level, Overlay};
use crate::tui::keymap::KeyContext;

/// Commands whose screen reads every transcript: segments with their turns, agreement units, suggestions.
/// (The group comparison counts from the transcripts' statistics: `AppState::open_summary`.)
fn reads_all_texts(ctx: KeyContext, c: Command) -> bool {
    matches!(
        c,
        Command::Retrieve | Command::Agreement | Command::Suggestions
    ) || (ctx == KeyContext::Codebook && c == Command::Segments)
}

impl AppState {
    /// The command again once every transcript is read, when it needs them and some are not.
    pub(super) fn wait_for_texts(&mut self, ctx: KeyContext, c: Command) -> Option<Vec<Effect>> {
        if self.project.unread.is_empty() || !reads_all_texts(ctx, c) {
            return None;
        }
        Some(self.read_all(Some(c), Vec::new()))
    }

    /// Effects that work on texts they cannot name in advance run once every transcript is read.
    pub(super) fn texts_first(&mut self, fx: Vec<Effect>) -> Vec<Effect> {
        if self.project.unread.is_empty() || !fx.iter().any(Effect::needs_texts) {
            return fx;
        }
        self.read_all(None, fx)
    }

    pub(super) fn read_all(&mut self, retry: Option<Command>, then: Vec<Effect>) -> Vec<Effect> {
        let n = self.project.unread.len();
        self.message(Level::Info, t!("tui-reading-texts", n = n));
        vec![Effect::ReadTexts { retry, then }]
    }

    /// Every transcript was read (or why not): the waiting command runs again, the waiting effects run.
    pub(super) fn texts_read(
        &mut self,
        result: Result<Texts, String>,
        retry: Option<Command>,
        then: Vec<Effect>,
    ) -> Vec<Effect> {
        let texts = match result {
            Ok(Texts(texts)) => texts,
            Err(e) => {
                self.message(Level::Error, t!("tui-texts-unreadable", error = e));
                return Vec::new();
            }
        };
        let ids: Vec<String> = texts.iter().map(|t| t.id.clone()).collect();
        self.project.add_texts(texts);
        if matches!(self.status.message, Some((Level::Info, _))) {
            self.status.message = None;
        }
        self.recompute();
        self.check_anchors_in(&ids);
        let mut fx = match retry {
            Some(c) if self.overlay.is_none() => self.command(c),
            _ => Vec::new(),
        };
        fx.extend(then);
        fx
    }

    /// Reads a transcript's text before it is shown; false (and the reason on the status line) when
    /// it cannot be read.
    pub(crate) fn ensure_text(&mut self, id: &str) -> bool {
        if !self.project.unread.contains_key(id) {
            return true;
        }
        match self.project.load_text(id) {
            Ok(()) => {
                self.check_anchors_in(&[id.to_string()]);
                true
            }
            Err(e) => {
                let error = crate::messages::describe(&e);
                self.message(
                    Level::Error,
                    t!("tui-text-unreadable", id = id, error = error),
                );
                false
            }
        }
    }

    /// Reads the texts of these transcripts that are not read yet, before they are shown (one at a
    /// time through [`AppState::ensure_text`] when it is one); false (and why on the status line) when
    /// they cannot be read.
    pub(crate) fn read_texts_of(&mut self, ids: &[String]) -> bool {
        let unread: Vec<String> = ids
            .iter()
            .filter(|id| self.project.unread.contains_key(*id))
            .cloned()
            .collect();
        match unread.as_slice() {
            [] => true,
            [one] => self.ensure_text(one),
            _ => match self.project.read_texts(Some(&unread)) {
                Ok(texts) => {
                    self.project.add_texts(texts);
                    self.check_anchors_in(&unread);
                    true
                }
                Err(e) => {
                    let error = crate::messages::describe(&e);
                    self.message(Level::Error, t!("tui-texts-unreadable", error = error));
                    false
                }
            },
        }
    }

    /// What [`AppState::check_anchors`] does at the start, for transcripts read later: codings whose
    /// quote no longer matches the text are reported (others') or offered to be moved (mine).
    fn check_anchors_in(&mut self, ids: &[String]) {
        let p = &self.project;
        let stale = |f: &CoderFile| -> usize {
            ids.iter()
                .filter_map(|id| p.transcripts.get(id).map(|t| (id, t)))
                .map(|(id, t)| {
                    f.for_doc(id)
                        .filter(|c| t.slice(c.start, c.end) != Some(c.quote.as_str()))
                        .count()
                })
                .sum()
        };
        let others: usize = p
            .coders
            .iter()
            .filter(|(name, _)| **name != self.coder)
            .map(|(_, f)| stale(f))
            .sum();
        let mine = p.coders.get(&self.coder).map_or(0, stale);
        if others > 0 {
            self.message(Level::Warn, t!("tui-stale-others", n = others));
        }
        if mine > 0 && self.read_only.is_none() && self.overlay.is_none() {
            self.overlay = Some(Overlay::Confirm {
                question: t!("tui-stale-question", n = mine),
                then: Deferred::Reanchor,
            });
        }
    }
}
