//! Temporary entry for tests/it/search_more.rs and tests/it/tui_suggest.rs until tests/it/main.rs
//! lands on main (then they become `mod search_more; mod tui_suggest;` there and this file goes).
#[path = "common/mod.rs"]
mod common;
#[path = "it/search_more.rs"]
mod search_more;
#[path = "it/tui_suggest.rs"]
mod tui_suggest;
