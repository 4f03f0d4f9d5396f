//! Changes from outside the session: a transcript edited on disk is reloaded and its codings
//! re-anchored; a termination signal saves everything and quits.

use crate::model::Transcript;
use crate::store::project::reanchor_file;
use crate::t;
use crate::tui::action::{Effect, SaveTarget};
use crate::tui::app::{AppState, Level};
use std::collections::BTreeMap;

impl AppState {
    /// Takes the transcript as it is on disk now, moves codings whose quote moved (mine are saved),
    /// and says how many could not be found again (they stay, and `kodbok check` lists them).
    pub(crate) fn transcript_changed(&mut self, id: &str, text: &str) -> Vec<Effect> {
        if self.project.unread.contains_key(id) {
            // not read yet: it is read as it is now when it is opened
            return Vec::new();
        }
        let t = match Transcript::parse(text, id) {
            Ok(t) if t.id == id => t,
            Ok(_) => return Vec::new(),
            Err(e) => {
                self.message(
                    Level::Warn,
                    t!(
                        "tui-reload-unreadable",
                        id = id,
                        line = e.line,
                        error = crate::messages::header(&e.problem)
                    ),
                );
                return Vec::new();
            }
        };
        let id = t.id.clone();
        if self
            .project
            .transcripts
            .get(&id)
            .is_some_and(|old| old.render() == t.render())
        {
            return Vec::new();
        }
        self.summary.text_changed(&t);
        self.project.transcripts.insert(id.clone(), t);
        let one: BTreeMap<String, Transcript> = self
            .project
            .transcripts
            .get(&id)
            .map(|t| (id.clone(), t.clone()))
            .into_iter()
            .collect();
        let mut mine_moved = 0;
        for (coder, file) in self.project.coders.iter_mut() {
            let moved = reanchor_file(&one, file).len();
            if *coder == self.coder {
                mine_moved = moved;
            }
        }
        let lost = self.project.coders.get(&self.coder).map_or(0, |f| {
            f.for_doc(&id)
                .filter(|c| self.project.coding_problem(c).is_some())
                .count()
        });
        self.recompute();
        self.refresh_retrieval();
        let mut msg = t!("tui-reloaded", id = id.as_str());
        if mine_moved > 0 {
            msg.push_str(&t!("tui-reloaded-moved", n = mine_moved));
        }
        if lost > 0 {
            msg.push_str(&t!("tui-reloaded-lost", n = lost));
        }
        self.message(if lost > 0 { Level::Warn } else { Level::Info }, msg);
        if mine_moved > 0 && self.read_only.is_none() {
            return self.save(&[SaveTarget::Coder]);
        }
        Vec::new()
    }

    /// Saves whatever is unsaved and quits (the runner writes a rescue copy if a save still fails).
    pub(crate) fn terminate(&mut self) -> Vec<Effect> {
        self.quit = true;
        let mut fx: Vec<Effect> = self.dirty.iter().map(|t| Effect::Save(*t)).collect();
        fx.push(Effect::SaveUi);
        fx
    }
}
