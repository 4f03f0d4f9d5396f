//! The app's side of the screens: opening them, handing them commands with the shared data, carrying out what they ask.

use crate::tui::action::{Command, Effect, Mouse};
use crate::tui::app::{AppState, Overlay, Screen};
use crate::tui::editor::TextBox;
use crate::tui::screen::Request;

/// The shared data a screen reads (`screen::Shared`), borrowed beside the screen's own state.
macro_rules! shared {
    ($s:ident) => {
        crate::tui::screen::Shared {
            main: $s.panes().main,
            project: &$s.project,
            coder: &$s.coder,
            layers: $s.layers,
            history: &$s.history,
            read_only: $s.read_only.as_deref(),
        }
    };
}
pub(crate) use shared;

impl AppState {
    /// Carries out what a screen asked for; returns the effects among them.
    pub(crate) fn fulfil(&mut self, requests: Vec<Request>) -> Vec<Effect> {
        let mut fx = Vec::new();
        for r in requests {
            match r {
                Request::Close => self.screen = Screen::Workbench,
                Request::Open { doc, at, select_to } => self.open_at(&doc, at, select_to),
                Request::ShowOthers => {
                    if !self.layers.blind && !self.layers.others {
                        self.layers.others = true;
                        self.recompute();
                    }
                }
                Request::Say(level, text) => self.message(level, text),
                Request::Pick(purpose) => self.picker(purpose),
                Request::Prompt {
                    title,
                    text,
                    purpose,
                } => {
                    self.overlay = Some(Overlay::Prompt {
                        title,
                        input: TextBox::new(&text, false),
                        purpose,
                    });
                }
                Request::Code(coding) => fx.extend(self.code_from_screen(*coding)),
                Request::Suggestions { code } => fx.extend(self.request_suggestions(code)),
                Request::Run(e) => fx.push(*e),
            }
        }
        fx
    }

    /// Opens a transcript at `at`, selecting up to `select_to` (exclusive) when given.
    fn open_at(&mut self, doc: &str, at: usize, select_to: Option<usize>) {
        self.open_doc(doc, Some(at));
        if let Some(end) = select_to
            && let Some(v) = self.view.as_mut()
            && v.doc == doc
            && end > at + 1
        {
            v.anchor = Some(at);
            v.cursor = end - 1;
            self.relayout();
        }
    }

    /// Opens the group comparison. Its numbers come from the transcripts' statistics, so no text is read
    /// for them; only when the files cannot give them is every text read first.
    pub(crate) fn open_summary(&mut self) -> Vec<Effect> {
        if self.summary.docs.is_none() {
            self.summary.docs = crate::tui::summary::doc_stats(&self.project);
            if self.summary.docs.is_none() && !self.project.unread.is_empty() {
                return self.read_all(Some(Command::Summary), Vec::new());
            }
        }
        self.screen = Screen::Summary;
        self.refresh_summary();
        let cx = shared!(self);
        self.summary.scroll(&cx);
        Vec::new()
    }

    /// Recomputes the numbers when the screen is shown (reading the texts of the transcripts of an open
    /// list of segments first); otherwise forgets them until it is opened again.
    pub(crate) fn refresh_summary(&mut self) {
        if self.screen == Screen::Summary {
            self.summary
                .refresh(&self.project, &self.coder, self.layers.blind);
            if let Some((code, col)) = self.summary.list.as_ref().map(|l| (l.code.clone(), l.col)) {
                let docs = self.summary.cell_docs(&code, col);
                if docs.iter().any(|d| self.project.unread.contains_key(d))
                    && self.read_texts_of(&docs)
                {
                    self.summary.reopen_list(&self.project);
                }
            }
        } else {
            self.summary.data = None;
            self.summary.docs = None;
        }
    }

    /// Shows the segments behind the selected cell of the group comparison, once their transcripts are read.
    pub(crate) fn show_summary_cell(&mut self) -> Vec<Effect> {
        if let Some((code, col)) = self.summary.selected_cell() {
            let docs = self.summary.cell_docs(&code, col);
            if !self.read_texts_of(&docs) {
                return Vec::new();
            }
        }
        let cx = shared!(self);
        let requests = self.summary.update(Command::ShowCell, &cx);
        self.fulfil(requests)
    }

    /// Mouse events on a full screen go to that screen.
    pub(crate) fn screen_mouse(&mut self, m: Mouse) -> Vec<Effect> {
        let cx = shared!(self);
        let requests = match self.screen {
            Screen::Summary => self.summary.mouse(m, &cx),
            Screen::Retrieval => self.retrieval.mouse(m, &cx),
            Screen::Agreement => self.agree.mouse(m, &cx),
            _ => return Vec::new(),
        };
        self.fulfil(requests)
    }
}
