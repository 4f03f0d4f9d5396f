//! The one integration-test binary: every black-box, flow, render and end-to-end test of kodbok, as modules, so
//! that tantivy and ratatui are linked once (`cargo test` on a 2-core machine). Shared helpers live in `common`.

mod common;

mod agree_cli;
mod agree_consensus_cli;
mod agree_merge_cli;
mod agree_random_cli;
mod agree_util;
mod analysis_cli;
mod cli;
mod cli_help;
mod cli_i18n;
mod coder_cache;
mod findings;
mod i18n_more;
mod import;
mod index_cli;
mod props;
mod refi;
mod robust;
mod scale;
mod search_more;
mod stats_cache;
mod store_messages;
mod tui_a11y;
mod tui_agree;
mod tui_flow;
mod tui_lang;
mod tui_large;
mod tui_render;
mod tui_search;
mod tui_suggest;
mod tui_summary;
mod tui_tmux;
