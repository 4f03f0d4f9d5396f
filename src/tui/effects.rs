//! Runs effects outside the state: atomic saves, watching other coders' files, merges into their files, rescue copies.

use super::action::{Action, Effect, RewriteReason, SaveTarget};
use super::app::AppState;
use super::history::{History, Recode};
use crate::model::{Codebook, CoderFile};
use crate::store::{Project, StoreError, atomic};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// What identifies a version of a file cheaply: atomic saves always change at least one part.
type Stamp = Option<(SystemTime, u64, u64)>;

fn stamp(path: &Path) -> Stamp {
    let m = std::fs::metadata(path).ok()?;
    #[cfg(unix)]
    let ino = std::os::unix::fs::MetadataExt::ino(&m);
    #[cfg(not(unix))]
    let ino = 0;
    Some((m.modified().ok()?, m.len(), ino))
}

/// Where unsaved data goes when saving keeps failing and the user quits anyway (inside the project).
pub fn rescue_dir(p: &Project) -> PathBuf {
    p.cache_dir().join("rescue")
}

pub struct Runner {
    /// My coder file, held for the whole session (None when read-only).
    lease: Option<crate::store::CoderLease>,
    stamps: HashMap<PathBuf, Stamp>,
    /// The search index (opened and refreshed on a thread) and what that thread reports.
    pub(crate) search: super::searcher::Background,
}

impl Runner {
    pub fn new(state: &AppState, lease: Option<crate::store::CoderLease>) -> Runner {
        let mut r = Runner {
            lease,
            stamps: HashMap::new(),
            search: super::searcher::Background::default(),
        };
        for path in watched(state) {
            let s = stamp(&path);
            r.stamps.insert(path, s);
        }
        r
    }

    pub fn run(&mut self, state: &AppState, effect: Effect) -> Vec<Action> {
        match effect {
            Effect::Save(t) => vec![self.save(state, t)],
            Effect::Poll => self.poll(state),
            Effect::RecodeOthers {
                recodes,
                merge,
                pending,
            } => vec![self.recode(state, recodes, merge, pending)],
            Effect::Rescue => vec![Action::RescueWritten(rescue(state))],
            Effect::WriteLayer {
                coder,
                change,
                pending,
            } => {
                let result = super::agree::write_layer(&state.project, &coder, &change);
                let path = state.project.coder_path(&coder);
                let s = stamp(&path);
                self.stamps.insert(path, s);
                vec![Action::LayerWritten { pending, result }]
            }
            Effect::LogBatch(batch) => match &self.lease {
                Some(lease) => match state.project.append_batch(lease.lock(), &batch) {
                    Ok(()) => Vec::new(),
                    Err(e) => vec![Action::SaveFailed {
                        target: SaveTarget::Coder,
                        message: crate::t!(
                            "tui-batch-not-logged",
                            error = crate::messages::describe(&e)
                        ),
                    }],
                },
                None => Vec::new(),
            },
            Effect::UnlogBatch(id) => match &self.lease {
                Some(lease) => match state.project.remove_batch(lease.lock(), &state.coder, &id) {
                    Ok(_) => Vec::new(),
                    Err(e) => vec![Action::SaveFailed {
                        target: SaveTarget::Coder,
                        message: crate::t!(
                            "tui-batch-not-unlogged",
                            error = crate::messages::describe(&e)
                        ),
                    }],
                },
                None => Vec::new(),
            },
            Effect::SaveUi => {
                let path = super::uistate::path(&state.project.cache_dir(), &state.coder);
                if let Err(e) = atomic::write_json(&path, &super::uistate::UiState::of(state)) {
                    tracing::warn!("could not remember the UI state: {e}");
                }
                Vec::new()
            }
            Effect::OpenIndex => {
                self.search.open(&state.project.root);
                Vec::new()
            }
            Effect::Search { query } => self.search.search(&query),
            Effect::PlanAutocode {
                query,
                code,
                scope,
                only,
            } => vec![self.search.plan(state, &query, &code, scope, &only)],
            Effect::Suggest { code } => vec![self.search.suggest(state, code.as_deref())],
            Effect::ReadTexts { retry, then } => {
                let result = state
                    .project
                    .read_texts(None)
                    .map(super::action::Texts)
                    .map_err(|e| crate::messages::describe(&e));
                vec![Action::TextsRead {
                    result,
                    retry,
                    then,
                }]
            }
            Effect::SkipSuggestion { coder, suggestion } => {
                let p = &state.project;
                let r = crate::index::suggest::load_skipped(p).and_then(|mut s| {
                    s.add(&coder, &suggestion);
                    crate::index::suggest::save_skipped(p, &s)
                });
                vec![Action::SkipWritten(
                    r.map_err(|e| crate::messages::describe(&e)),
                )]
            }
        }
    }

    fn save(&mut self, state: &AppState, target: SaveTarget) -> Action {
        let p = &state.project;
        let result = match target {
            SaveTarget::Coder => save_coder(p, self.lease.as_ref(), &state.coder),
            SaveTarget::Codebook => match self.save_codebook(p) {
                Ok(Some(theirs)) => return Action::CodebookConflict(Box::new(theirs)),
                Ok(None) => Ok(()),
                Err(e) => Err(e),
            },
            SaveTarget::History => {
                atomic::write_json(&History::path(&p.cache_dir(), &state.coder), &state.history)
            }
        };
        match result {
            Ok(()) => {
                if target == SaveTarget::Codebook {
                    let path = p.codebook_path();
                    let s = stamp(&path);
                    self.stamps.insert(path, s);
                }
                Action::Saved {
                    target,
                    at: chrono::Local::now().format("%H:%M:%S").to_string(),
                }
            }
            Err(e) => Action::SaveFailed {
                target,
                message: crate::messages::describe(&e),
            },
        }
    }

    /// Writes the codebook under its lock, unless another session wrote a different one since this
    /// session last read it: then that one is returned and nothing is written (no silent overwrite).
    fn save_codebook(&mut self, p: &Project) -> Result<Option<Codebook>, StoreError> {
        let path = p.codebook_path();
        let stamps = &mut self.stamps;
        p.save_codebook_unless_changed(|| {
            let now = stamp(&path);
            let changed = stamps.get(&path).is_some_and(|seen| *seen != now);
            if changed {
                stamps.insert(path.clone(), now);
            }
            changed
        })
    }

    /// Reports other coders' files and the codebook that changed on disk since last seen.
    fn poll(&mut self, state: &AppState) -> Vec<Action> {
        let mut out = Vec::new();
        let mut seen: Vec<PathBuf> = Vec::new();
        for path in watched(state) {
            seen.push(path.clone());
            let now = stamp(&path);
            if self.stamps.get(&path) == Some(&now) {
                continue;
            }
            self.stamps.insert(path.clone(), now);
            if path == state.project.codebook_path() {
                match read_json::<Codebook>(&path) {
                    Ok(b) => out.push(Action::CodebookChanged(Box::new(b))),
                    Err(e) => out.push(Action::WatchFailed(e)),
                }
                continue;
            }
            if path.parent() == Some(state.project.transcripts_dir().as_path()) {
                out.extend(read_transcript(&path));
                continue;
            }
            let name = coder_of(&path);
            // through the store: sorted, and from its binary copy when that is current
            match state.project.read_coder(&name) {
                Ok(f) => out.push(Action::CoderChanged(name, Some(Box::new(f)))),
                Err(e) => out.push(Action::WatchFailed(e.to_string())),
            }
        }
        let gone: Vec<PathBuf> = self
            .stamps
            .keys()
            .filter(|p| !seen.contains(p))
            .cloned()
            .collect();
        for path in gone {
            self.stamps.remove(&path);
            // a transcript removed during a session stays in memory (its codings stay visible)
            if path.parent() != Some(state.project.transcripts_dir().as_path()) {
                out.push(Action::CoderChanged(coder_of(&path), None));
            }
        }
        out
    }

    fn recode(
        &mut self,
        state: &AppState,
        recodes: Vec<Recode>,
        merge: Option<(String, String)>,
        pending: RewriteReason,
    ) -> Action {
        let result = recode_others(&state.project, &state.coder, &recodes, merge.as_ref());
        if let Ok(done) = &result {
            for r in done {
                let path = state.project.coder_path(&r.coder);
                let s = stamp(&path);
                self.stamps.insert(path, s);
            }
        }
        Action::RecodeDone { pending, result }
    }
}

/// A transcript changed on disk, re-read (parsed by `update`).
fn read_transcript(path: &Path) -> Option<Action> {
    match std::fs::read_to_string(path) {
        Ok(text) => Some(Action::TranscriptChanged {
            id: coder_of(path),
            text,
        }),
        Err(e) => Some(Action::WatchFailed(format!("{}: {e}", path.display()))),
    }
}

/// Other coders' files (mine too when read-only), the codebook and the transcripts.
fn watched(state: &AppState) -> Vec<PathBuf> {
    let p = &state.project;
    let mut out = vec![p.codebook_path()];
    // every transcript, read or not: one read later is then not taken for a change on disk
    out.extend(p.doc_ids().into_iter().map(|id| p.transcript_path(id)));
    let Ok(dir) = std::fs::read_dir(p.codings_dir()) else {
        return out;
    };
    for e in dir.flatten() {
        let path = e.path();
        let name = coder_of(&path);
        let json = path.extension().is_some_and(|x| x == "json");
        if json && !name.starts_with('.') && (name != state.coder || state.read_only.is_some()) {
            out.push(path);
        }
    }
    out.sort();
    out
}

fn coder_of(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default()
}

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Writes my file from memory: the session has held it since loading it, so memory is newest.
fn save_coder(
    p: &Project,
    lease: Option<&crate::store::CoderLease>,
    coder: &str,
) -> Result<(), StoreError> {
    let Some(lease) = lease else {
        return Err(StoreError::refused(crate::t!(
            "tui-read-only-nothing-saved",
            coder = coder
        )));
    };
    p.save_leased(lease)
}

/// Re-points codings in other coders' files, each under its lock, all or nothing for the locking.
fn recode_others(
    p: &Project,
    me: &str,
    recodes: &[Recode],
    merge: Option<&(String, String)>,
) -> Result<Vec<Recode>, String> {
    let mut coders: Vec<String> = recodes.iter().map(|r| r.coder.clone()).collect();
    if merge.is_some()
        && let Ok(dir) = std::fs::read_dir(p.codings_dir())
    {
        coders.extend(
            dir.flatten()
                .map(|e| e.path())
                .filter(|x| x.extension().is_some_and(|e| e == "json"))
                .map(|x| coder_of(&x)),
        );
    }
    coders.retain(|c| c != me && !c.starts_with('.'));
    coders.sort();
    coders.dedup();
    let now = chrono::Utc::now();
    let written = p
        .update_coders(&coders, |coder, file| {
            Ok(match merge {
                Some((from, to)) => {
                    let ids: Vec<String> = file
                        .codings
                        .iter()
                        .filter(|c| &c.code == from)
                        .map(|c| c.id.clone())
                        .collect();
                    file.recode(from, Some(to), now);
                    ids.into_iter()
                        .map(|id| Recode {
                            coder: coder.to_string(),
                            id,
                            from: from.clone(),
                            to: to.clone(),
                        })
                        .collect()
                }
                None => recode_listed(file, coder, recodes, now),
            })
        })
        .map_err(|e| crate::messages::describe(&e))?;
    Ok(written.into_iter().flat_map(|(_, done, _)| done).collect())
}

/// Re-points the listed codings of one coder that are still in its file; returns those changed.
fn recode_listed(
    file: &mut CoderFile,
    coder: &str,
    recodes: &[Recode],
    now: chrono::DateTime<chrono::Utc>,
) -> Vec<Recode> {
    let mut done = Vec::new();
    for r in recodes.iter().filter(|r| r.coder == coder) {
        if let Some(c) = file.find_mut(&r.id) {
            c.code = r.to.clone();
            c.modified = now;
            done.push(r.clone());
        }
    }
    done
}

/// Writes my codings, the codebook and the undo history to `.kodbok/rescue/<time>/`.
fn rescue(state: &AppState) -> Result<String, String> {
    let p = &state.project;
    let dir = rescue_dir(p).join(chrono::Local::now().format("%Y%m%d-%H%M%S").to_string());
    let empty = CoderFile::new(&state.coder);
    let mine = p.coders.get(&state.coder).unwrap_or(&empty);
    atomic::write_json(&dir.join(format!("{}.json", state.coder)), mine)
        .map_err(|e| e.to_string())?;
    atomic::write_json(&dir.join("codebook.json"), &p.codebook).map_err(|e| e.to_string())?;
    atomic::write_json(&dir.join("undo.json"), &state.history).map_err(|e| e.to_string())?;
    Ok(dir.display().to_string())
}
