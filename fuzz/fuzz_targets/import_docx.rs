//! The .docx importer (ZIP, relationships, WordprocessingML) on arbitrary bytes: never a panic.
#![no_main]
use kodbok::store::import::{Meta, read_source, to_transcript};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.docx");
    if let Ok(raw) = read_source(path, data) {
        let _ = to_transcript(&raw, path, &Meta::default());
    }
    // the document part's XML on its own, without the ZIP around it
    if let Ok(xml) = std::str::from_utf8(data) {
        let _ = kodbok::store::import::docx::parse_document(xml);
    }
});
