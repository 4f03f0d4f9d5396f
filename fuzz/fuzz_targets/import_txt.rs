//! The .txt/.md importer (decoding, speaker turns, canonical layout) on arbitrary bytes: never a panic.
#![no_main]
use kodbok::store::import::{Meta, read_source, to_transcript};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.txt");
    if let Ok(raw) = read_source(path, data) {
        let _ = to_transcript(&raw, path, &Meta::default());
    }
});
