//! The WebVTT and SRT subtitle importers on arbitrary bytes: never a panic.
#![no_main]
use kodbok::store::import::{Meta, read_source, to_transcript};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    for name in ["fuzz.vtt", "fuzz.srt"] {
        let path = Path::new(name);
        if let Ok(raw) = read_source(path, data) {
            let _ = to_transcript(&raw, path, &Meta::default());
        }
    }
});
