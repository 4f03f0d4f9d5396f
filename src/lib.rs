//! kodbok: qualitative coding of interview transcripts in the terminal.
//!
//! Layers, lowest first: `model` (plain data) ← `store` (files, import) ← `cli` / `tui`.

pub mod agreement;
pub mod analysis;
pub mod cli;
pub mod index;
pub mod model;
pub mod store;
pub mod tui;
