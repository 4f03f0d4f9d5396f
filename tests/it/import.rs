//! Importer tests: real fixture files, hostile input, property tests of the canonical layout, and
//! every reader run over the Riksdag corpus in ../shared.

mod corpus;
mod fixtures;
mod props;
mod sample;

use kodbok::model::Transcript;
use kodbok::model::text::canonicalize;
use kodbok::store::import::{ImportError, Meta, RawDoc, read_source, to_transcript};
use std::path::{Path, PathBuf};

pub fn fixture_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

/// Reads a file through the whole import pipeline.
pub fn import_bytes(path: &Path, bytes: &[u8]) -> Result<(RawDoc, Transcript), ImportError> {
    let raw = read_source(path, bytes)?;
    let t = to_transcript(&raw, path, &Meta::default())?;
    assert_round_trips(&t);
    Ok((raw, t))
}

pub fn import(name: &str) -> Result<(RawDoc, Transcript), ImportError> {
    let path = fixture_path(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    import_bytes(&path, &bytes)
}

/// The transcript is canonical and reads back from its own rendering unchanged.
pub fn assert_round_trips(t: &Transcript) {
    let file = t.render();
    assert_eq!(canonicalize(&file), file, "rendering is not canonical");
    let back = Transcript::parse(&file, "fallback").expect("rendered transcript parses");
    assert_eq!(back.id, t.id);
    assert_eq!(back.header, t.header);
    assert_eq!(back.text, t.text);
    assert_eq!(back.turns, t.turns);
    assert_eq!(back.render(), file);
}

/// (speaker, time, text) of every turn of a transcript.
pub fn turns(t: &Transcript) -> Vec<(String, Option<String>, String)> {
    t.turns
        .iter()
        .map(|u| {
            let text = t.slice(u.start, u.end).unwrap_or_default().to_string();
            (u.speaker.clone(), u.time.clone(), text)
        })
        .collect()
}
