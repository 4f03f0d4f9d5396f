//! The project file parsers on arbitrary bytes: codebook.json, codings/<coder>.json, cases.csv and a
//! transcript. Never a panic; what parses must also validate and lay out without one.
#![no_main]
use kodbok::model::{Codebook, CoderFile, Transcript};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    if let Ok(book) = serde_json::from_slice::<Codebook>(data) {
        let _ = book.validate();
        let _ = book.depth();
    }
    if let Ok(mut file) = serde_json::from_slice::<CoderFile>(data) {
        file.sort();
        let _ = file.dedup();
    }
    let _ = kodbok::store::cases_csv::parse(data, Path::new("cases.csv"));
    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(t) = Transcript::parse(text, "fuzz")
    {
        let _ = Transcript::parse(&t.render(), "fuzz");
    }
});
