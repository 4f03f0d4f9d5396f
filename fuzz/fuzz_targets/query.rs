//! The search query parser on arbitrary text: never a panic, and an error's caret fits the query.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(q) = std::str::from_utf8(data)
        && let Err(e) = kodbok::index::query::parse(q)
    {
        let _ = e.render(q);
    }
});
