//! The attack on kodbok kept as tests (issue 11): kill -9 loops, the breaks found, hostile inputs,
//! parsers fed arbitrary bytes, and the workbench under signals and changed files.

mod breaks;
mod fault;
mod hostile;
mod props;
mod tui;
