//! The attack on kodbok kept as tests (issue 11): kill -9 loops, the breaks found, hostile inputs,
//! and parsers fed arbitrary bytes.

#[path = "../common/mod.rs"]
mod common;

mod breaks;
mod fault;
mod hostile;
mod props;
mod tui;
