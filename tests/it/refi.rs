//! REFI-QDA exchange: real files from qc and Taguette land exactly, exports validate against the official
//! schemas (xmllint), the sample study and generated projects survive export → import, hostile files are
//! refused with nothing written.

use crate::common::{self, fails, kodbok, ok, snapshot};
use kodbok::store::Project;
use kodbok::store::refi::xml::{self, Element};
use std::io::{Cursor, Read, Write};
use std::path::Path;
use std::process::Command;
use unicode_normalization::UnicodeNormalization;

fn fixture(name: &str) -> std::path::PathBuf {
    common::repo().join("tests/fixtures/refi").join(name)
}

fn empty_project() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    ok(d.path(), &["init", "--empty-codebook"]);
    d
}

fn unzip(path: &Path) -> Vec<(String, Vec<u8>)> {
    let bytes = std::fs::read(path).unwrap();
    let mut z = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).unwrap();
            let mut v = Vec::new();
            f.read_to_end(&mut v).unwrap();
            (f.name().to_string(), v)
        })
        .collect()
}

fn descendants<'a>(e: &'a Element, name: &str, out: &mut Vec<&'a Element>) {
    for c in &e.children {
        if c.name == name {
            out.push(c);
        }
        descendants(c, name, out);
    }
}

/// Validates with xmllint against a schema in tests/data/refi; false when xmllint is missing (skipped).
fn validate(bytes: &[u8], schema: &str) -> bool {
    if Command::new("xmllint").arg("--version").output().is_err() {
        assert!(
            std::env::var("KODBOK_REQUIRE_TMUX").is_err(),
            "xmllint is required in CI (KODBOK_REQUIRE_TMUX is set) but not installed (apt-get install libxml2-utils)"
        );
        eprintln!("skipping schema validation: xmllint is not installed");
        return false;
    }
    let f = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(f.path(), bytes).unwrap();
    let xsd = common::repo().join("tests/data/refi").join(schema);
    let o = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(&xsd)
        .arg(f.path())
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "the export does not validate against {schema}:\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
    true
}

#[test]
fn qc_codings_land_exactly_on_their_lines() {
    let d = empty_project();
    let out = ok(
        d.path(),
        &["import", fixture("qc-study.qdpx").to_str().unwrap()],
    );
    assert!(out.contains("16 codings by anna, bertil"), "{out}");
    let p = Project::open(d.path()).unwrap();
    assert!(p.check().is_empty(), "{:?}", p.check());
    let files = unzip(&fixture("qc-study.qdpx"));
    let qde = &files.iter().find(|(n, _)| n == "project.qde").unwrap().1;
    let root = xml::parse(std::str::from_utf8(qde).unwrap()).unwrap();
    let mut sources = Vec::new();
    descendants(&root, "TextSource", &mut sources);
    let mut checked = 0;
    for s in sources {
        let path = s
            .attr("plainTextPath")
            .unwrap()
            .trim_start_matches("internal://");
        let raw = &files
            .iter()
            .find(|(n, _)| *n == format!("sources/{path}"))
            .unwrap()
            .1;
        let raw = String::from_utf8(raw.clone()).unwrap();
        let lines: Vec<&str> = raw.split("\r\n").collect();
        assert!(raw.contains("\r\n"), "the fixture keeps qc's CRLF source");
        // Speakers are detected as in a .txt import: one turn per `Name: text` line.
        let id = s.attr("name").unwrap().trim_end_matches(".txt");
        let t = &p.transcripts[id];
        let speaker_lines: Vec<String> = lines
            .iter()
            .filter(|l| !l.trim().is_empty())
            .map(|l| l.split(':').next().unwrap().nfc().collect())
            .collect();
        let turns: Vec<String> = t.turns.iter().map(|x| x.speaker.clone()).collect();
        assert_eq!(turns, speaker_lines, "{id}: one turn per speaker line");
        for sel in s.all("PlainTextSelection") {
            // qc names each selection by its 0-based line: the text it must cover, independent of positions.
            let n: usize = sel
                .attr("name")
                .unwrap()
                .trim_start_matches("line:")
                .parse()
                .unwrap();
            let want: String = format!("{}\n", lines[n]).nfc().collect();
            for c in sel.all("Coding") {
                let id = c.attr("guid").unwrap().to_lowercase();
                let (_, coding) = p.all_codings().find(|(_, x)| x.id == id).unwrap();
                assert_eq!(coding.quote, want, "coding {id} on line {n}");
                let user = c.attr("creatingUser").unwrap();
                let coder = root
                    .first("Users")
                    .unwrap()
                    .all("User")
                    .find(|u| u.attr("guid") == Some(user))
                    .unwrap();
                assert!(p.coders[coder.attr("name").unwrap()].find(&id).is_some());
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 16);
    let nfd = &p.transcripts["intervju-3-nfd"];
    assert!(
        nfd.text.starts_with("Respondent: Åtgärderna"),
        "NFD made NFC"
    );
    assert!(nfd.text.contains("👩‍💻"));
    assert_eq!(p.codebook.path("tillit"), "leverantorer › tillit");
}

#[test]
fn taguette_codebook_split_names_then_matched_by_guid() {
    let d = empty_project();
    let f = fixture("taguette-codebook.qdc");
    let o = kodbok(
        d.path(),
        &["import", f.to_str().unwrap(), "--split-names", "."],
    );
    assert!(o.status.success(), "{}", common::stderr(&o));
    let out = common::stdout(&o);
    assert!(out.contains("new code: Hinder › Resursbrist"), "{out}");
    assert!(
        common::stderr(&o).contains("empty <Sets/>"),
        "{}",
        common::stderr(&o)
    );
    let p = Project::open(d.path()).unwrap();
    let r = p.codebook.resolve("Resursbrist").unwrap();
    assert_eq!(
        r.guid.as_deref(),
        Some("5a32ba99-9c09-538c-833c-5f89ff00d28f")
    );
    assert_eq!(p.codebook.path(&r.id), "Hinder › Resursbrist");
    assert_eq!(
        p.codebook
            .path(&p.codebook.resolve("Eldsjälar").unwrap().id),
        "Framgångsfaktorer › Eldsjälar"
    );
    let again = ok(
        d.path(),
        &["import", f.to_str().unwrap(), "--split-names", "."],
    );
    assert!(!again.contains("new code"), "{again}");
    assert!(
        again.contains("matched code (by GUID): Hinder › Resursbrist"),
        "{again}"
    );
    assert_eq!(Project::open(d.path()).unwrap().codebook, p.codebook);
}

#[test]
fn sample_study_round_trip_and_schema() {
    let s = common::sample();
    let file = s.path().join("study.qdpx");
    let out = ok(s.path(), &["export", "qdpx", file.to_str().unwrap()]);
    assert!(out.contains("praktikant-a, praktikant-b"), "{out}");
    let files = unzip(&file);
    let qde = &files.iter().find(|(n, _)| n == "project.qde").unwrap().1;
    validate(qde, "Project.xsd");
    assert!(
        files
            .iter()
            .all(|(n, _)| n == "project.qde" || n.starts_with("sources/"))
    );
    assert!(
        files
            .iter()
            .all(|(_, b)| !b.starts_with(b"\xef\xbb\xbf") && !b.contains(&b'\r'))
    );
    let again = s.path().join("again.qdpx");
    ok(s.path(), &["export", "qdpx", again.to_str().unwrap()]);
    // Only the project's own creation time differs between two exports.
    let strip = |b: &[u8]| {
        String::from_utf8_lossy(b)
            .lines()
            .filter(|l| !l.starts_with("<Project "))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(
        strip(qde),
        strip(&unzip(&again)[0].1),
        "repeated exports match"
    );

    let d = empty_project();
    let o = ok(d.path(), &["import", file.to_str().unwrap()]);
    assert!(o.contains("20 transcripts"), "{o}");
    let a = Project::open(s.path()).unwrap();
    let b = Project::open(d.path()).unwrap();
    assert_same_study(&a, &b);
}

fn strip_guid(mut c: kodbok::model::codebook::Code) -> kodbok::model::codebook::Code {
    c.guid = None;
    c.shortcut = None;
    c.children = c.children.into_iter().map(strip_guid).collect();
    c
}

fn assert_same_study(a: &Project, b: &Project) {
    assert_eq!(
        a.transcripts.keys().collect::<Vec<_>>(),
        b.transcripts.keys().collect::<Vec<_>>()
    );
    for (id, t) in &a.transcripts {
        assert_eq!(
            t.text.as_bytes(),
            b.transcripts[id].text.as_bytes(),
            "body of {id}"
        );
        assert_eq!(t.case(), b.transcripts[id].case());
        assert_eq!(
            t.header.fields, b.transcripts[id].header.fields,
            "header of {id}"
        );
    }
    let names = |p: &Project| {
        p.codebook
            .codes
            .iter()
            .cloned()
            .map(strip_guid)
            .collect::<Vec<_>>()
    };
    let (ca, cb) = (names(a), names(b));
    assert_eq!(ca.len(), cb.len());
    for (x, y) in ca.iter().zip(&cb) {
        let ids = |c: &kodbok::model::codebook::Code| {
            let mut v = vec![(
                c.name.clone(),
                c.description.clone(),
                c.inclusion.clone(),
                c.exclusion.clone(),
                c.color.clone(),
            )];
            v.extend(c.children.iter().map(|k| {
                (
                    k.name.clone(),
                    k.description.clone(),
                    k.inclusion.clone(),
                    k.exclusion.clone(),
                    k.color.clone(),
                )
            }));
            v
        };
        assert_eq!(ids(x), ids(y));
    }
    let codings = |p: &Project| {
        let mut v: Vec<_> = p
            .all_codings()
            .map(|(coder, c)| {
                (
                    c.id.clone(),
                    c.doc.clone(),
                    c.start,
                    c.end,
                    p.codebook.path(&c.code),
                    coder.to_string(),
                    c.memo.clone(),
                )
            })
            .collect();
        v.sort();
        v
    };
    assert_eq!(codings(a), codings(b));
    let cases = |p: &Project| {
        let mut v: Vec<_> = p
            .cases
            .cases
            .iter()
            .map(|c| (c.name.clone(), c.attrs.clone()))
            .collect();
        v.sort();
        v
    };
    assert_eq!(cases(a), cases(b));
    for (coder, f) in &a.coders {
        assert_eq!(
            f.doc_memos
                .iter()
                .map(|(k, m)| (k, &m.text))
                .collect::<Vec<_>>(),
            b.coders[coder]
                .doc_memos
                .iter()
                .map(|(k, m)| (k, &m.text))
                .collect::<Vec<_>>()
        );
    }
}

#[test]
fn codebook_export_validates_and_coder_choice() {
    let s = common::sample();
    let qdc = s.path().join("book.qdc");
    ok(s.path(), &["export", "qdc", qdc.to_str().unwrap()]);
    validate(&std::fs::read(&qdc).unwrap(), "Codebook.xsd");
    let book = std::fs::read_to_string(s.path().join("codebook.json")).unwrap();
    assert!(
        book.contains("\"guid\""),
        "GUIDs are recorded in codebook.json"
    );
    let one = s.path().join("a.qdpx");
    ok(
        s.path(),
        &[
            "export",
            "qdpx",
            one.to_str().unwrap(),
            "--coder",
            "praktikant-a",
        ],
    );
    let qde = String::from_utf8(unzip(&one)[0].1.clone()).unwrap();
    assert!(qde.contains("name=\"praktikant-a\"") && !qde.contains("name=\"praktikant-b\""));
    let msg = fails(
        s.path(),
        &[
            "export",
            "qdpx",
            one.to_str().unwrap(),
            "--layer",
            "konsensus",
        ],
    );
    assert!(msg.contains("konsensus"), "{msg}");
}

fn qdpx(qde: &str, sources: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default();
    w.start_file("project.qde", o).unwrap();
    w.write_all(qde.as_bytes()).unwrap();
    for (n, b) in sources {
        w.start_file(*n, o).unwrap();
        w.write_all(b).unwrap();
    }
    w.finish().unwrap().into_inner()
}

const G1: &str = "11111111-1111-1111-1111-111111111111";
const G2: &str = "22222222-2222-2222-2222-222222222222";

fn project_xml(start: usize, end: usize, path: &str, code_guid: &str) -> String {
    format!(
        r#"<Project xmlns="urn:QDA-XML:project:1.0" name="x" origin="NVivo 14"><CodeBook><Codes><Code guid="{G1}" name="A" isCodable="true"/><Code guid="{code_guid}" name="B" isCodable="true"/></Codes></CodeBook><Sources><TextSource guid="33333333-3333-3333-3333-333333333333" name="t1" plainTextPath="{path}"><PlainTextSelection guid="44444444-4444-4444-4444-444444444444" startPosition="{start}" endPosition="{end}"><Coding guid="55555555-5555-5555-5555-555555555555"><CodeRef targetGUID="{G1}"/></Coding></PlainTextSelection></TextSource><PDFSource guid="66666666-6666-6666-6666-666666666666" name="scan.pdf"/></Sources><Sets><Set guid="77777777-7777-7777-7777-777777777777" name="s"/></Sets></Project>"#
    )
}

#[test]
fn nvivo_crlf_counts_two_and_option_overrides() {
    let d = empty_project();
    let src: &[u8] =
        b"\xef\xbb\xbfRespondent: ett\r\nRespondent: tv\xc3\xa5 \xf0\x9f\x98\x80 tre\r\n";
    // NVivo counts the CRLF as two: "två 😀" starts at 15 + 2 + 12 = 29.
    let x = project_xml(29, 34, "internal://t1.txt", G2);
    let f = d.path().join("n.qdpx");
    std::fs::write(&f, qdpx(&x, &[("sources/t1.txt", src)])).unwrap();
    let o = kodbok(d.path(), &["import", f.to_str().unwrap()]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let err = common::stderr(&o);
    assert!(
        err.contains("PDFSource") && err.contains("sets skipped"),
        "{err}"
    );
    let p = Project::open(d.path()).unwrap();
    assert_eq!(p.all_codings().next().unwrap().1.quote, "två 😀");
    let d2 = empty_project();
    let x = project_xml(28, 33, "internal://t1.txt", G2);
    std::fs::write(&f, qdpx(&x, &[("sources/t1.txt", src)])).unwrap();
    ok(
        d2.path(),
        &["import", f.to_str().unwrap(), "--crlf-counts", "1"],
    );
    let p = Project::open(d2.path()).unwrap();
    assert_eq!(p.all_codings().next().unwrap().1.quote, "två 😀");
}

#[test]
fn hostile_files_are_refused_and_nothing_is_written() {
    let d = empty_project();
    let before = snapshot(d.path());
    let src: &[u8] = b"Respondent: hej\n";
    let ok_xml = project_xml(0, 5, "internal://t1.txt", G2);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "xxe",
            qdpx(
                &format!(
                    "<?xml version=\"1.0\"?><!DOCTYPE Project [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>{ok_xml}"
                ),
                &[("sources/t1.txt", src)],
            ),
            "DTD",
        ),
        (
            "escape",
            qdpx(&project_xml(0, 5, "internal://../../etc/passwd", G2), &[]),
            "outside the archive",
        ),
        (
            "relative",
            qdpx(&project_xml(0, 5, "relative://../../secret.txt", G2), &[]),
            "outside the project",
        ),
        (
            "zip-slip",
            qdpx(&ok_xml, &[("../evil.txt", src)]),
            "leaves the archive",
        ),
        (
            "dup",
            qdpx(
                &project_xml(0, 5, "internal://t1.txt", G1),
                &[("sources/t1.txt", src)],
            ),
            "two codes have the GUID",
        ),
        (
            "range",
            qdpx(
                &project_xml(3, 99, "internal://t1.txt", G2),
                &[("sources/t1.txt", src)],
            ),
            "outside its text",
        ),
        ("notzip", b"<Project/>".to_vec(), "not a zip"),
    ];
    for (name, bytes, want) in cases {
        let f = tempfile::NamedTempFile::with_suffix(".qdpx").unwrap();
        std::fs::write(f.path(), bytes).unwrap();
        let msg = fails(d.path(), &["import", f.path().to_str().unwrap()]);
        assert!(
            msg.contains(want) && msg.contains("nothing was imported")
                || name == "notzip" && msg.contains(want),
            "{name}: {msg}"
        );
        assert_eq!(snapshot(d.path()), before, "{name} changed the project");
    }
}

#[test]
fn existing_transcript_needs_force() {
    let s = common::sample();
    let file = s.path().join("study.qdpx");
    ok(s.path(), &["export", "qdpx", file.to_str().unwrap()]);
    let before = snapshot(s.path());
    let msg = fails(s.path(), &["import", file.to_str().unwrap()]);
    assert!(
        msg.contains("already exists") && msg.contains("--force"),
        "{msg}"
    );
    assert_eq!(snapshot(s.path()), before);
    ok(s.path(), &["import", file.to_str().unwrap(), "--force"]);
    ok(s.path(), &["check"]);
}

mod generated {
    use super::assert_same_study;
    use kodbok::model::codebook::Code;
    use kodbok::model::transcript::{Header, Transcript};
    use kodbok::model::{Case, CoderFile};
    use kodbok::store::Project;
    use kodbok::store::refi::{self, ImportOptions};
    use proptest::prelude::*;

    const WORDS: &[&str] = &[
        "hej",
        "två",
        "öl",
        "😀",
        "informationssäkerhet",
        "a\tb",
        "Ärende",
        "&<\"'>",
    ];

    fn text(turns: &[Vec<usize>]) -> String {
        let mut out = Vec::new();
        for (i, t) in turns.iter().enumerate() {
            let who = if i % 2 == 0 {
                "Intervjuare"
            } else {
                "Respondent"
            };
            let words: Vec<&str> = t.iter().map(|w| WORDS[w % WORDS.len()]).collect();
            out.push(format!("{who}: {}", words.join(" ")));
        }
        out.join("\n\n") + "\n"
    }

    fn build(
        dir: &std::path::Path,
        docs: &[Vec<Vec<usize>>],
        spans: &[(usize, usize, usize, usize, bool)],
    ) {
        Project::init(dir, true).unwrap();
        let mut p = Project::open(dir).unwrap();
        let mut theme = Code::new("tema", "Tema å");
        theme.color = Some("#A0b0C0".into());
        theme.description = "Vad det är.".into();
        theme.inclusion = "Ja & nej".into();
        p.codebook.add(theme, None).unwrap();
        let mut sub = Code::new("under", "Under 😀");
        sub.exclusion = "Inte <detta>".into();
        p.codebook.add(sub, Some("tema")).unwrap();
        p.save_codebook().unwrap();
        p.cases.columns = vec!["grupp".into(), "storlek".into()];
        for (i, d) in docs.iter().enumerate() {
            let mut h = Header::default();
            h.set("id", &format!("doc-{i}"));
            h.set("case", &format!("Kommun {}", i % 2));
            h.set("role", "chef");
            h.set("speakers", "Intervjuare; Respondent");
            let t = Transcript::new(&format!("doc-{i}"), h, text(d));
            p.save_transcript(&t).unwrap();
            p.transcripts.insert(t.id.clone(), t);
        }
        for k in 0..2.min(docs.len()) {
            let mut c = Case {
                name: format!("Kommun {k}"),
                ..Default::default()
            };
            c.attrs.insert(
                "grupp".into(),
                if k == 0 { "hög".into() } else { "låg".into() },
            );
            c.attrs
                .insert("storlek".into(), format!("{}", 1000 * (k + 1)));
            p.cases.cases.push(c);
        }
        p.save_cases().unwrap();
        for &(doc, a, b, coder, memo) in spans {
            let id = format!("doc-{}", doc % docs.len());
            let len = p.transcripts[&id].char_len();
            let (s, e) = (a % len, (a % len) + 1 + b % (len - a % len));
            let code = if coder % 2 == 0 { "tema" } else { "under" };
            let name = format!("kodare-{}", coder % 3);
            let mut c = p.new_coding(&id, s, e.min(len), code).unwrap();
            if memo {
                c.memo = Some("Ett memo: ”citat” 😀".into());
            }
            p.coder_mut(&name).insert(c);
            p.save_coder(&name).unwrap();
        }
        let f = p.coder_mut("kodare-0");
        f.doc_memos.insert(
            "doc-0".into(),
            kodbok::model::coding::Memo {
                text: "Om intervjun".into(),
                modified: chrono::Utc::now(),
            },
        );
        let _ = CoderFile::new("x");
        p.save_coder("kodare-0").unwrap();
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]
        #[test]
        fn export_then_import_gives_the_same_study(
            docs in prop::collection::vec(prop::collection::vec(prop::collection::vec(0usize..50, 1..8), 1..5), 1..4),
            spans in prop::collection::vec((0usize..10, 0usize..400, 0usize..400, 0usize..6, any::<bool>()), 0..12),
        ) {
            let a = tempfile::tempdir().unwrap();
            build(a.path(), &docs, &spans);
            let pa = Project::open(a.path()).unwrap();
            let file = a.path().join("x.qdpx");
            let coders: Vec<String> = pa.coders.keys().cloned().collect();
            refi::export_qdpx(&pa, &coders, &file).unwrap();
            let b = tempfile::tempdir().unwrap();
            Project::init(b.path(), true).unwrap();
            let opts = ImportOptions { default_coder: "nobody".into(), ..Default::default() };
            refi::import_qdpx(b.path(), &file, &opts).unwrap();
            let pb = Project::open(b.path()).unwrap();
            prop_assert!(pb.check().is_empty(), "{:?}", pb.check());
            assert_same_study(&pa, &pb);
        }
    }
}

/// A study with one text source `name` (text `Respondent: ett två tre`) and, per coding GUID, a selection of
/// characters 12–15 coded with code A.
fn coded_source_xml(name: &str, codings: &[&str]) -> String {
    let sels: String = codings
        .iter()
        .enumerate()
        .map(|(i, g)| {
            format!(
                r#"<PlainTextSelection guid="{i:08}-aaaa-4aaa-8aaa-{name:0>12}" startPosition="12" endPosition="15"><Coding guid="{g}"><CodeRef targetGUID="{G1}"/></Coding></PlainTextSelection>"#
            )
        })
        .collect();
    format!(
        r#"<Project xmlns="urn:QDA-XML:project:1.0" name="x" origin="qc"><CodeBook><Codes><Code guid="{G1}" name="A" isCodable="true"/></Codes></CodeBook><Sources><TextSource guid="33333333-3333-3333-3333-{name:0>12}" name="{name}" plainTextPath="internal://{name}.txt">{sels}</TextSource></Sources></Project>"#
    )
}

#[test]
fn repeated_codings_are_warned_and_existing_ids_refused_unless_forced() {
    const C1: &str = "c1111111-1111-4111-8111-111111111111";
    const C2: &str = "c2222222-2222-4222-8222-222222222222";
    const C3: &str = "c3333333-3333-4333-8333-333333333333";
    let d = empty_project();
    let text: &[u8] = b"Respondent: ett tv\xc3\xa5 tre\n";
    let write = |name: &str, codings: &[&str]| {
        let f = d.path().join(format!("{name}.qdpx"));
        let x = coded_source_xml(name, codings);
        let src = format!("sources/{name}.txt");
        std::fs::write(&f, qdpx(&x, &[(src.as_str(), text)])).unwrap();
        f.to_str().unwrap().to_string()
    };
    let ids = |d: &Path| -> Vec<(String, String)> {
        let p = Project::open(d).unwrap();
        p.all_codings()
            .map(|(_, c)| (c.id.clone(), c.doc.clone()))
            .collect()
    };

    // The same code on the same span three times: the first is kept, each repeat is named.
    let first = write("t1", &[C1, C2, C3]);
    let o = kodbok(d.path(), &["import", &first]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let err = common::stderr(&o);
    for (g, n) in [(C1, 0), (C2, 1), (C3, 1)] {
        let warned = format!("coding {g} repeats another coding of tester");
        assert_eq!(err.matches(&warned).count(), n, "{g}: {err}");
    }
    assert!(
        common::stdout(&o).contains("1 coding by tester"),
        "{}",
        common::stdout(&o)
    );
    assert_eq!(ids(d.path()), [(C1.to_string(), "t1".to_string())]);

    // A coding id already in the project is refused, with nothing written.
    let second = write("t2", &[C1]);
    let before = snapshot(d.path());
    let msg = fails(d.path(), &["import", &second]);
    assert!(
        msg.contains(&format!(
            "coding {C1} is already in the project (coder tester)"
        )),
        "{msg}"
    );
    assert_eq!(snapshot(d.path()), before);

    // With --force the imported coding replaces the one with its id.
    ok(d.path(), &["import", &second, "--force"]);
    assert_eq!(ids(d.path()), [(C1.to_string(), "t2".to_string())]);

    // Importing the first file again with --force: its codings replace those with their ids, and the
    // repeats within it are named as before (the replaced codings do not count as repeats).
    let o = kodbok(d.path(), &["import", &first, "--force"]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let err = common::stderr(&o);
    assert!(!err.contains(&format!("coding {C1} repeats")), "{err}");
    assert!(err.contains(&format!("coding {C2} repeats")), "{err}");
    assert_eq!(ids(d.path()), [(C1.to_string(), "t1".to_string())]);
    ok(d.path(), &["check"]);
}

#[test]
fn sources_of_one_name_get_numbered_ids() {
    let d = empty_project();
    let text: &[u8] = b"Respondent: ett\n";
    let sources: String = (1..=3)
        .map(|i| {
            format!(
                r#"<TextSource guid="33333333-3333-3333-3333-00000000000{i}" name="Intervju.docx" plainTextPath="internal://s{i}.txt"/>"#
            )
        })
        .collect();
    let x = format!(
        r#"<Project xmlns="urn:QDA-XML:project:1.0" name="x" origin="NVivo 14"><Sources>{sources}</Sources></Project>"#
    );
    let f = d.path().join("n.qdpx");
    let files = [
        ("sources/s1.txt", text),
        ("sources/s2.txt", text),
        ("sources/s3.txt", text),
    ];
    std::fs::write(&f, qdpx(&x, &files)).unwrap();
    ok(d.path(), &["import", f.to_str().unwrap()]);
    let p = Project::open(d.path()).unwrap();
    let ids: Vec<&String> = p.transcripts.keys().collect();
    assert_eq!(ids, ["intervju", "intervju-2", "intervju-3"]);
}
