//! A tiny project with answers known by hand, for the analysis unit tests.

use crate::model::{Code, Codebook, CoderFile, Coding, Transcript};
use crate::store::Project;
use std::fs;

pub const TEXT: &str = "Respondent: Vi har för lite resurser. Ledningen är med.\n\nIntervjuare: Och sedan?\n\nRespondent: Eldsjälar driver allt.\n";

/// Cases K1 (hög; d1, d2), K2 (hög; d3), K3 (låg; d4). Codebook: theme t {a, b}, theme u {c}.
///
/// Coder x: d1 a "Vi har för lite resurser.", d1 a "Eldsjälar driver allt.", d3 b "Ledningen är med.",
/// d4 c "Eldsjälar driver allt.". Coder y: d1 b "Ledningen är med.", d1 a "lite resurser. Ledningen",
/// d4 c "Vi har för lite resurser.".
pub fn tiny_project() -> (tempfile::TempDir, Project) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("transcripts")).unwrap();
    fs::create_dir_all(root.join("codings")).unwrap();
    let mut book = Codebook::default();
    book.add(Code::new("t", "Tema T"), None).unwrap();
    book.add(Code::new("a", "Kod A"), Some("t")).unwrap();
    book.add(Code::new("b", "Kod B"), Some("t")).unwrap();
    book.add(Code::new("u", "Tema U"), None).unwrap();
    book.add(Code::new("c", "Kod C"), Some("u")).unwrap();
    fs::write(
        root.join("codebook.json"),
        serde_json::to_string_pretty(&book).unwrap(),
    )
    .unwrap();
    fs::write(
        root.join("transcripts/cases.csv"),
        "case,grupp\nK1,hög\nK2,hög\nK3,låg\n",
    )
    .unwrap();
    let mut docs = Vec::new();
    for (id, case, role) in [
        ("d1", "K1", "chef"),
        ("d2", "K1", "samordnare"),
        ("d3", "K2", "chef"),
        ("d4", "K3", "chef"),
    ] {
        let content = format!("---\nid: {id}\ncase: {case}\nrole: {role}\n---\n\n{TEXT}");
        fs::write(root.join(format!("transcripts/{id}.txt")), &content).unwrap();
        docs.push(Transcript::parse(&content, id).unwrap());
    }
    let doc = |id: &str| docs.iter().find(|d| d.id == id).unwrap();
    let coding = |d: &str, quote: &str, code: &str| {
        let t = doc(d);
        let b = t.text.find(quote).unwrap();
        let s = t.text[..b].chars().count();
        Coding::new(t, s, s + quote.chars().count(), code, chrono::Utc::now()).unwrap()
    };
    let mut x = CoderFile::new("x");
    x.codings = vec![
        coding("d1", "Vi har för lite resurser.", "a"),
        coding("d1", "Eldsjälar driver allt.", "a"),
        coding("d3", "Ledningen är med.", "b"),
        coding("d4", "Eldsjälar driver allt.", "c"),
    ];
    let mut y = CoderFile::new("y");
    y.codings = vec![
        coding("d1", "Ledningen är med.", "b"),
        coding("d1", "lite resurser. Ledningen", "a"),
        coding("d4", "Vi har för lite resurser.", "c"),
    ];
    for f in [&x, &y] {
        fs::write(
            root.join(format!("codings/{}.json", f.coder)),
            serde_json::to_string_pretty(f).unwrap(),
        )
        .unwrap();
    }
    let p = Project::open(root).unwrap();
    (dir, p)
}
