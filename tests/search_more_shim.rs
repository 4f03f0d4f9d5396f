//! Temporary entry for tests/it/search_more.rs until tests/it/main.rs lands on main.
#[path = "common/mod.rs"]
mod common;
#[path = "it/search_more.rs"]
mod search_more;
