//! kodbok: qualitative coding of interview transcripts in the terminal.
//!
//! Layers, lowest first; each uses only the layers below it:
//!
//! - [`model`]: plain data and invariants (transcripts, spans, codes, codebook, codings, cases); no files,
//!   no terminal, no index.
//! - [`store`]: the project's files: loading with path:line:col errors, locked atomic writes, import of
//!   txt/docx/vtt/srt, merging coder files.
//! - [`index`] (uses `store`): the tantivy search index, a rebuildable cache, its query language and auto-coding.
//! - [`analysis`] (uses `store`): counts per group, co-occurrence, quotes, word lists, report drafts, exports.
//! - [`agreement`] (uses `store`): reliability units, per-code and domain agreement, disagreements, consensus.
//! - [`tui`]: the terminal workbench (state, actions, keymap, views, effects; the terminal library only in `tui::terminal`).
//! - [`cli`]: the clap commands, each a thin call into the layers above; with no command it opens the `tui`.
//!
//! Beside the layers, [`i18n`] holds user text in Swedish and English (Fluent catalogues, `t!`): a leaf that any layer
//! may use and that uses no other part of kodbok.

pub mod agreement;
pub mod analysis;
pub mod cli;
pub mod i18n;
pub mod index;
pub mod messages;
pub mod model;
pub mod safe;
pub mod store;
pub mod tui;
