//! The whole UI state: project data, panes, overlays, layers, save status. Changed only by `update`.

use super::action::SaveTarget;
use super::docview::DocView;
use super::editor::TextBox;
use super::history::History;
use super::keymap::{KeyContext, Keymap};
use super::layout;
use super::picker::Picker;
use super::retrieval::Retrieval;
use super::search::SearchState;
use super::summary::SummaryView;
use crate::model::{CoderFile, Transcript};
use crate::store::Project;
use ratatui::layout::Rect;
use std::collections::{BTreeMap, BTreeSet, HashMap};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Documents,
    Transcript,
    Codebook,
}

/// Full-screen views; more (search, group summary, agreement) slot in here with their own context and view file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Workbench,
    Retrieval,
    Summary,
    Agreement,
    Search,
    Suggest,
}

/// What a one-line prompt is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptFor {
    AddCode { parent: Option<String> },
    Rename { id: String },
    Filter,
    CodeQuery { code: String },
}

/// What the multi-line editor edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditFor {
    CodingMemo { id: String },
    DocMemo { doc: String },
    Description { code: String },
}

/// What a yes/no question leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Deferred {
    CreateCode {
        name: String,
        parent: Option<String>,
    },
    QuitUnsaved,
    /// Move my codings whose transcript was edited to where their quotes are now.
    Reanchor,
    /// Add these codings as one undo step, recorded as `batch` in the coder's batch log.
    AutoCode {
        label: String,
        codings: Vec<crate::model::Coding>,
        batch: Box<crate::store::batches::Batch>,
    },
}

/// What choosing among several codings is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChooseFor {
    Remove,
    Memo,
}

/// A box drawn over the panes; it takes the keys while open.
#[derive(Debug, Clone)]
pub enum Overlay {
    Help {
        scroll: usize,
    },
    Picker(Picker),
    Prompt {
        title: String,
        input: TextBox,
        purpose: PromptFor,
    },
    Editor {
        title: String,
        text: TextBox,
        purpose: EditFor,
    },
    Confirm {
        question: String,
        then: Deferred,
    },
    /// (label, coding id) rows.
    Choose {
        title: String,
        items: Vec<(String, String)>,
        selected: usize,
        purpose: ChooseFor,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Info,
    Warn,
    Error,
}

#[derive(Debug, Clone, Default)]
pub struct Status {
    pub message: Option<(Level, String)>,
    /// Local time of the last successful save.
    pub last_saved: Option<String>,
    /// Saves that failed and are being retried, with the reason.
    pub failing: BTreeMap<SaveTarget, String>,
}

pub use super::codetree::Tree;
pub use super::doclist::{DocList, DocRow};

/// Whose codings are drawn besides mine.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Layers {
    pub others: bool,
    pub blind: bool,
}

/// Numbers derived from the codings, recomputed after every change.
#[derive(Debug, Clone, Default)]
pub struct CodingStats {
    /// Per transcript: (turns with a coding of mine, turns).
    pub progress: HashMap<String, (usize, usize)>,
    /// Per code id: (my codings, all coders' codings).
    pub counts: HashMap<String, (usize, usize)>,
}

/// The workbench's shared state: the project and its files' save state, the workbench panes, which screen is on top
/// and each screen's own state (changed through the screen's `update`). Fields the views and tests need are public.
pub struct AppState {
    pub project: Project,
    /// The project folder's name, for the status bar.
    pub project_name: String,
    pub(crate) coder: String,
    /// Who holds my coder file when it could not be locked.
    pub read_only: Option<String>,
    pub(crate) keymap: Keymap,
    pub focus: Focus,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    pub(crate) size: (u16, u16),
    pub docs: DocList,
    pub view: Option<DocView>,
    pub tree: Tree,
    pub retrieval: Retrieval,
    pub summary: SummaryView,
    pub agree: super::agree::AgreeView,
    pub search: SearchState,
    pub suggest: super::suggest::SuggestView,
    pub history: History,
    pub layers: Layers,
    pub status: Status,
    /// Files whose in-memory content is newer than the disk.
    pub(crate) dirty: BTreeSet<SaveTarget>,
    pub(crate) stats: CodingStats,
    pub(crate) ticks: u64,
    pub(crate) last_retry: u64,
    pub quit: bool,
    /// Colours as 24-bit RGB (else mapped to the 256-colour palette).
    pub(crate) truecolor: bool,
    /// Colour, no colour (`NO_COLOR`), high contrast or colour-blind safe (`KODBOK_THEME`).
    pub palette: super::views::theme::Palette,
    /// Char offset where the left button went down in the transcript.
    pub(crate) mouse_down: Option<usize>,
    /// Cursor per transcript, to come back to the same place.
    pub(crate) positions: HashMap<String, usize>,
}

impl AppState {
    pub fn new(
        project: Project,
        coder: &str,
        keymap: Keymap,
        history: History,
        read_only: Option<String>,
    ) -> AppState {
        let project_name = project
            .root
            .canonicalize()
            .ok()
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().to_string()))
            .unwrap_or_default();
        let mut s = AppState {
            project,
            project_name,
            coder: coder.to_string(),
            read_only,
            keymap,
            focus: Focus::Documents,
            screen: Screen::Workbench,
            overlay: None,
            size: (80, 24),
            docs: DocList::default(),
            view: None,
            tree: Tree::default(),
            retrieval: Retrieval::default(),
            summary: SummaryView::default(),
            agree: Default::default(),
            search: SearchState::default(),
            suggest: Default::default(),
            history,
            layers: Layers::default(),
            status: Status::default(),
            dirty: BTreeSet::new(),
            stats: CodingStats::default(),
            ticks: 0,
            last_retry: 0,
            quit: false,
            truecolor: true,
            palette: Default::default(),
            mouse_down: None,
            positions: HashMap::new(),
        };
        s.docs = DocList::new(doc_rows(&s.project));
        s.recompute();
        s
    }

    /// The key context for the current screen, overlay, focus and selection.
    pub fn context(&self) -> KeyContext {
        match &self.overlay {
            Some(Overlay::Help { .. }) => return KeyContext::Help,
            Some(Overlay::Picker(_)) => return KeyContext::Picker,
            Some(Overlay::Prompt { .. }) => return KeyContext::Prompt,
            Some(Overlay::Editor { .. }) => return KeyContext::Editor,
            Some(Overlay::Confirm { .. }) => return KeyContext::Confirm,
            Some(Overlay::Choose { .. }) => return KeyContext::Choose,
            None => {}
        }
        match (self.screen, self.focus) {
            (Screen::Retrieval, _) => KeyContext::Retrieval,
            (Screen::Summary, _) if self.summary.list.is_some() => KeyContext::SummaryCell,
            (Screen::Summary, _) => KeyContext::Summary,
            (Screen::Agreement, _) => KeyContext::Agreement,
            (Screen::Search, _) if self.search.typing => KeyContext::SearchQuery,
            (Screen::Search, _) => KeyContext::SearchList,
            (Screen::Suggest, _) => KeyContext::Suggest,
            (Screen::Workbench, Focus::Documents) if self.docs.typing => KeyContext::DocFilter,
            (Screen::Workbench, Focus::Documents) => KeyContext::Documents,
            (Screen::Workbench, Focus::Codebook) => KeyContext::Codebook,
            (Screen::Workbench, Focus::Transcript) => match &self.view {
                Some(v) if v.anchor.is_some() => KeyContext::Select,
                _ => KeyContext::Transcript,
            },
        }
    }

    pub fn area(&self) -> Rect {
        Rect::new(0, 0, self.size.0, self.size.1)
    }

    pub fn panes(&self) -> layout::Panes {
        layout::panes(self.area(), self.focus)
    }

    pub fn doc(&self) -> Option<&Transcript> {
        self.view
            .as_ref()
            .and_then(|v| self.project.transcripts.get(&v.doc))
    }

    pub fn mine(&self) -> Option<&CoderFile> {
        self.project.coders.get(&self.coder)
    }

    /// Other coders whose codings are drawn now.
    pub fn shown_others(&self) -> Vec<(&str, &CoderFile)> {
        others_of(&self.project, &self.coder, self.layers)
    }

    /// Geometry of the transcript text for the current screen size, if the pane is shown.
    pub fn text_geom(&self) -> Option<layout::TextGeom> {
        let pane = self.panes().transcript?;
        let turns = self.doc().map_or(1, |t| t.turns.len());
        Some(layout::text_geom(pane, turns))
    }

    pub fn message(&mut self, level: Level, text: impl Into<String>) {
        let text = text.into();
        match level {
            Level::Error => tracing::warn!("{text}"),
            _ => tracing::info!("{text}"),
        }
        self.status.message = Some((level, text));
    }

    /// A note about something that happened in the background: it never hides a warning or an error.
    pub fn note(&mut self, text: impl Into<String>) {
        if matches!(self.status.message, None | Some((Level::Info, _))) {
            self.message(Level::Info, text);
        } else {
            tracing::info!("{}", text.into());
        }
    }

    /// Codebook rows currently visible: (depth, code id, has children).
    pub fn tree_rows(&self) -> Vec<super::codetree::TreeRow> {
        self.tree.rows(&self.project.codebook)
    }

    pub fn selected_code(&self) -> Option<String> {
        self.tree_rows()
            .get(self.tree.selected)
            .map(|r| r.1.clone())
    }

    /// Recomputes progress, counts and the open transcript's marks.
    pub fn recompute(&mut self) {
        self.stats = compute_stats(&self.project, &self.coder);
        self.agree.stale = true;
        if let Some(v) = self.view.as_mut() {
            let others = others_of(&self.project, &self.coder, self.layers);
            v.set_marks(self.project.coders.get(&self.coder), &others);
        }
        self.refresh_summary();
    }
}

fn others_of<'a>(p: &'a Project, me: &str, layers: Layers) -> Vec<(&'a str, &'a CoderFile)> {
    if layers.blind || !layers.others {
        return Vec::new();
    }
    p.coders
        .iter()
        .filter(|(name, _)| name.as_str() != me)
        .map(|(n, f)| (n.as_str(), f))
        .collect()
}

/// The documents pane's rows, from the transcripts' headers (their texts need not be read).
fn doc_rows(p: &Project) -> Vec<(DocRow, String)> {
    let rank_of: HashMap<&str, usize> = p
        .cases
        .cases
        .iter()
        .enumerate()
        .map(|(i, c)| (c.name.as_str(), i))
        .rev()
        .collect();
    let mut by_case: BTreeMap<(usize, String), Vec<String>> = BTreeMap::new();
    for id in p.doc_ids() {
        let case = p
            .header_of(id)
            .and_then(|h| h.get("case"))
            .unwrap_or("")
            .to_string();
        let rank = rank_of.get(case.as_str()).copied().unwrap_or(usize::MAX);
        by_case
            .entry((rank, case))
            .or_default()
            .push(id.to_string());
    }
    let mut rows = Vec::new();
    for ((_, case), docs) in by_case {
        let group = p
            .cases
            .attr(&case, &p.codebook.settings.group_attribute)
            .to_string();
        // a case is found by its name and its attribute values in cases.csv
        let mut words = case.clone();
        for v in p
            .cases
            .get(&case)
            .into_iter()
            .flat_map(|c| c.attrs.values())
        {
            words.push(' ');
            words.push_str(v);
        }
        rows.push((DocRow::Case { name: case, group }, words));
        rows.extend(docs.into_iter().map(|id| {
            // a transcript by its id and the values in its header
            let mut words = id.clone();
            for (_, v) in p.header_of(&id).map_or(&[][..], |h| &h.fields[..]) {
                words.push(' ');
                words.push_str(v);
            }
            (DocRow::Doc { id }, words)
        }));
    }
    rows
}

fn compute_stats(p: &Project, me: &str) -> CodingStats {
    let mut stats = CodingStats::default();
    let mut covered: HashMap<&str, Vec<bool>> = HashMap::new();
    for (id, t) in &p.transcripts {
        covered.insert(id.as_str(), vec![false; t.turns.len()]);
    }
    for (coder, c) in p.all_codings() {
        // a code's id is copied once, not once per coding (a study may hold 100,000 codings)
        let e = match stats.counts.get_mut(&c.code) {
            Some(e) => e,
            None => stats.counts.entry(c.code.clone()).or_default(),
        };
        e.1 += 1;
        if coder != me {
            continue;
        }
        e.0 += 1;
        // a transcript not read yet has no progress (and the lookup in `covered` is skipped)
        let Some(t) = p.transcripts.get(&c.doc) else {
            continue;
        };
        let Some(cov) = covered.get_mut(c.doc.as_str()) else {
            continue;
        };
        let first = t.turn_at(c.start).unwrap_or(0);
        let last = t.turn_at(c.end.saturating_sub(1)).unwrap_or(first);
        for slot in cov.iter_mut().take(last + 1).skip(first) {
            *slot = true;
        }
    }
    for (id, cov) in covered {
        stats.progress.insert(
            id.to_string(),
            (cov.iter().filter(|c| **c).count(), cov.len()),
        );
    }
    stats
}
