//! The sample study's transcripts, imported as source files in one batch, come out byte for byte as
//! committed (plus the speakers line the import adds), and the import names the turns and words an independent count finds.

use crate::common::{ok, repo};
use kodbok::model::Transcript;
use unicode_segmentation::UnicodeSegmentation;

#[test]
fn sample_transcripts_import_unchanged_with_their_counts() {
    let d = tempfile::tempdir().unwrap();
    ok(d.path(), &["init", "--codebook", "empty"]);
    let committed = repo().join("transcripts");
    let mut files: Vec<String> = std::fs::read_dir(&committed)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| p.display().to_string())
        .collect();
    files.sort();
    assert!(files.len() >= 10, "{files:?}");
    let mut args = vec!["import"];
    args.extend(files.iter().map(String::as_str));
    let out = ok(d.path(), &args);
    for f in &files {
        let name = std::path::Path::new(f).file_name().unwrap();
        let before = std::fs::read_to_string(f).unwrap();
        let t = Transcript::parse(&before, "x").unwrap();
        // The import names the speakers in the header, in the order they first speak.
        let mut speakers: Vec<&str> = Vec::new();
        for u in &t.turns {
            if !speakers.contains(&u.speaker.as_str()) {
                speakers.push(&u.speaker);
            }
        }
        let header_end = before.find("\n---\n").unwrap() + 1;
        let expected = format!(
            "{}speakers: {}\n{}",
            &before[..header_end],
            speakers.join("; "),
            &before[header_end..]
        );
        let after = std::fs::read_to_string(d.path().join("transcripts").join(name)).unwrap();
        assert_eq!(after, expected, "{f} changed on import");
        let words: usize = t
            .turns
            .iter()
            .map(|u| t.slice(u.start, u.end).unwrap().unicode_words().count())
            .sum();
        let counts = format!("{} turns, {words} words)", t.turns.len());
        let line = out.lines().find(|l| l.contains(f.as_str())).unwrap();
        assert!(line.ends_with(&counts), "{line} ≠ {counts}");
    }
}
