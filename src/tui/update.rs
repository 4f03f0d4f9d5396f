//! `AppState::update`: the one place state changes. Commands are routed by context to the submodules.

use super::action::{Action, Command, Effect, SaveTarget};
use super::app::{AppState, Deferred, Focus, Level, Overlay, Screen};
use super::keymap::KeyContext;
use super::search::IndexStatus;
use crate::model::{Codebook, CoderFile};
use crate::t;

mod agree;
mod codebook;
mod coding;
mod lists;
mod ops;
mod overlay;
mod reload;
mod screens;
mod search;
mod suggest;
mod text;
mod texts;

/// Ticks (one per `tui::TICK`, 250 ms) between looks at the watched files (other coders' files, the
/// codebook): once a second shows a colleague's save quickly and costs little (a `stat` per file; a file is
/// read only when it changed).
const POLL_EVERY_TICKS: u64 = 4;
/// Ticks between retries of a failed save: every two seconds, so a full disk or a held lock is retried
/// soon after it clears without hammering the file system while it lasts.
const RETRY_EVERY_TICKS: u64 = 8;

impl AppState {
    /// Applies one action and returns the effects to run (saves, polling); their results come back as actions.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        let fx = self.dispatch_action(action);
        let fx = self.texts_first(fx);
        if self.screen == Screen::Agreement && self.layers.blind {
            // Blind mode hides other coders: the agreement screen cannot stay open.
            self.screen = Screen::Workbench;
        }
        if self.screen == Screen::Agreement && self.agree.stale {
            self.refresh_agree();
        }
        fx
    }

    fn dispatch_action(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Cmd(c) => {
                // A note about the last action gives way to the next one; warnings and errors stay.
                if matches!(self.status.message, Some((Level::Info, _))) {
                    self.status.message = None;
                }
                self.command(c)
            }
            Action::Insert(c) => self.input(&c.to_string()),
            Action::Paste(s) => self.input(&s),
            Action::Shortcut(c) => self.shortcut(c),
            Action::Resize(w, h) => {
                self.size = (w, h);
                self.relayout();
                Vec::new()
            }
            Action::Mouse(m) => self.mouse(m),
            Action::Tick => self.tick(),
            Action::Saved { target, at } => self.saved(target, at),
            Action::SaveFailed { target, message } => self.save_failed(target, message),
            Action::CoderChanged(name, file) => self.coder_changed(name, file),
            Action::TranscriptChanged { id, text } => self.transcript_changed(&id, &text),
            Action::Terminate => self.terminate(),
            Action::CodebookChanged(book) => self.codebook_changed(*book),
            Action::CodebookConflict(book) => self.codebook_conflict(*book),
            Action::WatchFailed(msg) => {
                self.message(Level::Warn, msg);
                Vec::new()
            }
            Action::RecodeDone { pending, result } => self.recode_done(pending, result),
            Action::LayerWritten { pending, result } => self.layer_written(pending, result),
            Action::IndexProgress { done, total } => self.index_progress(done, total),
            Action::IndexReady(r) => self.index_ready(r),
            Action::SearchDone { query, result } => self.search_done(query, result),
            Action::AutocodePlanned(r) => self.autocode_planned(r),
            Action::SuggestionsDone(r) => self.suggestions_done(r),
            Action::SkipWritten(r) => self.skip_written(r),
            Action::RescueWritten(Ok(path)) => {
                tracing::warn!("rescue copy written to {path}");
                self.quit = true;
                Vec::new()
            }
            Action::TextsRead {
                result,
                retry,
                then,
            } => self.texts_read(result, retry, then),
            Action::RescueWritten(Err(e)) => {
                self.message(Level::Error, t!("tui-rescue-failed", error = e.to_string()));
                Vec::new()
            }
        }
    }

    fn command(&mut self, c: Command) -> Vec<Effect> {
        let ctx = self.context();
        match ctx {
            KeyContext::Help
            | KeyContext::Picker
            | KeyContext::Prompt
            | KeyContext::Editor
            | KeyContext::Confirm
            | KeyContext::Choose => {
                return self.overlay_command(ctx, c);
            }
            _ => {}
        }
        if let Some(fx) = self.wait_for_texts(ctx, c) {
            return fx;
        }
        match c {
            Command::Quit => self.quit_cmd(),
            Command::Help => {
                self.overlay = Some(Overlay::Help { scroll: 0 });
                Vec::new()
            }
            Command::FocusNext => self.cycle_focus(true),
            Command::FocusPrev => self.cycle_focus(false),
            Command::Undo => self.undo(),
            Command::Redo => self.redo(),
            Command::ToggleLayers => self.toggle_layers(),
            Command::ToggleBlind => self.toggle_blind(),
            Command::Retrieve => self.retrieve_cmd(),
            Command::Summary => self.open_summary(),
            Command::Agreement => self.agreement_cmd(),
            Command::Search if ctx != KeyContext::SearchList => self.open_search(),
            Command::Suggestions => self.open_suggest(),
            _ => match ctx {
                KeyContext::Documents | KeyContext::DocFilter => self.docs_cmd(c),
                KeyContext::Transcript | KeyContext::Select => self.text_cmd(c),
                KeyContext::Codebook => self.tree_cmd(c),
                KeyContext::Retrieval => {
                    let cx = screens::shared!(self);
                    let requests = self.retrieval.update(c, &cx);
                    self.fulfil(requests)
                }
                KeyContext::Summary if c == Command::ShowCell => self.show_summary_cell(),
                KeyContext::Summary | KeyContext::SummaryCell => {
                    let cx = screens::shared!(self);
                    let requests = self.summary.update(c, &cx);
                    self.fulfil(requests)
                }
                KeyContext::Agreement => {
                    let cx = screens::shared!(self);
                    let requests = self.agree.update(c, &cx);
                    self.fulfil(requests)
                }
                KeyContext::SearchQuery | KeyContext::SearchList => {
                    let cx = screens::shared!(self);
                    let requests = self.search.update(c, &cx);
                    self.fulfil(requests)
                }
                KeyContext::Suggest => {
                    let cx = screens::shared!(self);
                    let requests = self.suggest.update(c, &cx);
                    self.fulfil(requests)
                }
                _ => Vec::new(),
            },
        }
    }

    /// Marks files dirty and asks for them to be written now.
    pub(crate) fn save(&mut self, targets: &[SaveTarget]) -> Vec<Effect> {
        let mut fx = Vec::new();
        for t in targets {
            self.dirty.insert(*t);
            if !fx.contains(&Effect::Save(*t)) {
                fx.push(Effect::Save(*t));
            }
        }
        fx
    }

    fn tick(&mut self) -> Vec<Effect> {
        self.ticks += 1;
        let mut fx = Vec::new();
        if self.ticks.is_multiple_of(POLL_EVERY_TICKS) {
            fx.push(Effect::Poll);
        }
        if !self.status.failing.is_empty() && self.ticks >= self.last_retry + RETRY_EVERY_TICKS {
            self.last_retry = self.ticks;
            fx.extend(self.dirty.iter().map(|t| Effect::Save(*t)));
        }
        fx
    }

    fn saved(&mut self, target: SaveTarget, at: String) -> Vec<Effect> {
        self.dirty.remove(&target);
        let mut fx = Vec::new();
        if target == SaveTarget::Coder && self.search.index != IndexStatus::Closed {
            // New codings become searchable by code: once the index has caught up.
            self.search.stale = true;
            if self.screen == Screen::Search {
                fx.push(Effect::OpenIndex);
            }
        }
        let was_failing = self.status.failing.remove(&target).is_some();
        self.status.last_saved = Some(at);
        if was_failing && self.status.failing.is_empty() {
            self.message(Level::Info, t!("tui-saved-again"));
        }
        fx
    }

    fn save_failed(&mut self, target: SaveTarget, message: String) -> Vec<Effect> {
        tracing::error!("saving {} failed: {message}", t_key(target.label()));
        self.status.failing.insert(target, message.clone());
        self.status.message = Some((
            Level::Error,
            t!(
                "tui-save-failed",
                what = t_key(target.label()),
                error = message.as_str()
            ),
        ));
        Vec::new()
    }

    fn coder_changed(&mut self, name: String, file: Option<Box<CoderFile>>) -> Vec<Effect> {
        if name == self.coder && self.read_only.is_none() {
            // My own file is mine while I hold its lock: what is in memory wins.
            return Vec::new();
        }
        match file {
            Some(f) => {
                self.project.coders.insert(name.clone(), *f);
            }
            None => {
                self.project.coders.remove(&name);
            }
        }
        self.recompute();
        self.refresh_retrieval();
        if self.layers.others && !self.layers.blind {
            self.note(t!("tui-coder-reloaded", coder = name.as_str()));
        }
        Vec::new()
    }

    fn codebook_changed(&mut self, book: Codebook) -> Vec<Effect> {
        if self.dirty.contains(&SaveTarget::Codebook) || book == self.project.codebook {
            return Vec::new();
        }
        self.project.codebook = book;
        self.after_codebook_change();
        self.note(t!("tui-codebook-reloaded"));
        Vec::new()
    }

    /// Two sessions changed the codebook at once: theirs is on disk, mine is dropped (and said so).
    fn codebook_conflict(&mut self, theirs: Codebook) -> Vec<Effect> {
        let mine = self.project.codebook.clone();
        let mut dropped = t!("tui-last-change");
        if let Some(crate::tui::history::Op::Codebook { after, .. }) = self.history.undo.last()
            && **after == mine
            && let Some(op) = self.history.undo.pop()
        {
            dropped = op.label(&mine);
        }
        self.project.codebook = theirs;
        self.dirty.remove(&SaveTarget::Codebook);
        self.status.failing.remove(&SaveTarget::Codebook);
        self.after_codebook_change();
        self.message(Level::Error, t!("tui-codebook-conflict", dropped = dropped));
        self.save(&[SaveTarget::History])
    }

    /// Keeps selections and open pickers valid after the codebook changed.
    pub(crate) fn after_codebook_change(&mut self) {
        let n = self.tree_rows().len();
        self.tree.selected = self.tree.selected.min(n.saturating_sub(1));
        if let Some(Overlay::Picker(p)) = self.overlay.as_mut() {
            p.refresh(&self.project.codebook);
        }
        self.recompute();
        self.refresh_retrieval();
    }

    fn quit_cmd(&mut self) -> Vec<Effect> {
        if self.dirty.is_empty() || self.status.failing.is_empty() {
            self.quit = true;
            return vec![Effect::SaveUi];
        }
        let what: Vec<String> = self.dirty.iter().map(|t| t_key(t.label())).collect();
        self.overlay = Some(Overlay::Confirm {
            question: t!(
                "tui-quit-unsaved",
                what = what.join(", "),
                dir = super::effects::rescue_dir(&self.project)
                    .display()
                    .to_string()
            ),
            then: Deferred::QuitUnsaved,
        });
        Vec::new()
    }

    fn cycle_focus(&mut self, forward: bool) -> Vec<Effect> {
        if self.screen != Screen::Workbench {
            return Vec::new();
        }
        let order = [Focus::Documents, Focus::Transcript, Focus::Codebook];
        let i = order.iter().position(|f| *f == self.focus).unwrap_or(0);
        let j = if forward { (i + 1) % 3 } else { (i + 2) % 3 };
        self.focus = order[j];
        self.relayout();
        Vec::new()
    }

    fn toggle_layers(&mut self) -> Vec<Effect> {
        if self.layers.blind {
            self.message(Level::Warn, t!("tui-blind-others-hidden"));
            return Vec::new();
        }
        self.layers.others = !self.layers.others;
        let others: Vec<String> = self
            .project
            .coders
            .keys()
            .filter(|c| **c != self.coder)
            .map(|c| super::views::coder_name(c))
            .collect();
        let msg = match (self.layers.others, others.is_empty()) {
            (true, true) => t!("tui-layers-none"),
            (true, false) => t!("tui-layers-showing", coders = others.join(", ")),
            (false, _) => t!("tui-layers-mine"),
        };
        self.recompute();
        self.message(Level::Info, msg);
        vec![Effect::SaveUi]
    }

    fn toggle_blind(&mut self) -> Vec<Effect> {
        self.layers.blind = !self.layers.blind;
        if self.layers.blind {
            self.layers.others = false;
            self.retrieval.all = false;
        }
        self.recompute();
        self.refresh_retrieval();
        let msg = if self.layers.blind {
            t!("tui-blind-on")
        } else {
            t!("tui-blind-off")
        };
        self.message(Level::Info, msg);
        vec![Effect::SaveUi]
    }

    /// Re-wraps the open transcript for the current pane width (cached per width) and keeps the cursor visible.
    pub(crate) fn relayout(&mut self) {
        let Some(g) = self.text_geom() else { return };
        if let Some(v) = self.view.as_mut()
            && let Some(doc) = self.project.transcripts.get(&v.doc)
        {
            v.set_width(doc, g.text_w as usize);
            v.scroll_to_cursor(g.height as usize);
        }
        self.clamp_lists();
    }

    /// Refuses a change when my coder file is held by another session.
    pub(crate) fn writable(&mut self) -> bool {
        match self.read_only.clone() {
            Some(holder) => {
                self.message(
                    Level::Error,
                    t!(
                        "tui-msg-read-only",
                        coder = self.coder.as_str(),
                        holder = holder.as_str()
                    ),
                );
                false
            }
            None => true,
        }
    }
}

/// The message of a catalogue key chosen at run time (such as [`SaveTarget::label`]).
fn t_key(key: &str) -> String {
    crate::i18n::tr(key, &[])
}
