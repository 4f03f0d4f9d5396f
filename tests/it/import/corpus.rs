//! Every reader over the real Swedish Riksdag transcripts in ../shared/corpus (skipped when absent):
//! the plain files as they are, and the same debates written as .docx, Teams/Zoom .vtt and .srt.

use super::{assert_round_trips, import_bytes};
use kodbok::model::transcript::Transcript;
use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

const PARTIES: [&str; 8] = ["S", "M", "V", "C", "L", "KD", "MP", "SD"];

/// One debate: its labelled turns as (label, paragraphs), found independently of kodbok's heuristics.
struct Debate {
    name: String,
    text: String,
    turns: Vec<(String, Vec<String>)>,
}

fn corpus() -> Vec<Debate> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/riksdag/transcripts");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipping: no corpus at {}", dir.display());
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    files.sort();
    files
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            Debate {
                turns: labelled_turns(&text),
                name,
                text,
            }
        })
        .collect()
}

/// A Riksdag speaker label ends with a party in parentheses, perhaps followed by `replik`.
fn riksdag_label(par: &str) -> Option<(&str, &str)> {
    let (label, rest) = par.split_once(": ")?;
    let core = label.strip_suffix(" replik").unwrap_or(label);
    let party = core.strip_suffix(')')?.rsplit_once('(')?.1;
    (label.chars().count() <= 80 && PARTIES.contains(&party)).then_some((label, rest))
}

fn labelled_turns(text: &str) -> Vec<(String, Vec<String>)> {
    let body = text.split_once("\n---\n").map_or(text, |(_, b)| b);
    let mut turns: Vec<(String, Vec<String>)> = Vec::new();
    for par in body.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        match (riksdag_label(par), turns.last_mut()) {
            (Some((label, rest)), _) => turns.push((label.to_string(), vec![rest.to_string()])),
            (None, Some(last)) => last.1.push(par.to_string()),
            (None, None) => panic!("text before the first label: {par:?}"),
        }
    }
    turns
}

/// Labels and paragraph counts of a transcript's labelled turns.
fn shape(t: &Transcript) -> Vec<(String, usize)> {
    t.turns
        .iter()
        .filter(|u| !u.speaker.is_empty())
        .map(|u| (u.speaker.clone(), u.paragraphs.len()))
        .collect()
}

fn expected_shape(d: &Debate) -> Vec<(String, usize)> {
    d.turns
        .iter()
        .map(|(l, ps)| (l.clone(), ps.len()))
        .collect()
}

/// Turns after merging neighbours with the same label, as subtitle cues merge.
fn merged_labels(d: &Debate) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (label, _) in &d.turns {
        if out.last() != Some(label) {
            out.push(label.clone());
        }
    }
    out
}

#[test]
fn corpus_labels_are_counted_as_documented() {
    let debates = corpus();
    if debates.is_empty() {
        return;
    }
    assert_eq!(debates.len(), 16);
    assert_eq!(debates.iter().map(|d| d.turns.len()).sum::<usize>(), 165);
}

#[test]
fn plain_text_reader_finds_every_turn() {
    for d in corpus() {
        let (_, t) = import_bytes(Path::new(&d.name), d.text.as_bytes()).unwrap();
        assert_eq!(shape(&t), expected_shape(&d), "{}", d.name);
        assert_eq!(
            t.header.get("date").map(|s| s.starts_with("2019")),
            Some(true)
        );
    }
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A .docx with the label in a bold run and the text cut into runs every few words, as Word does
/// after edits; the debate's last exchange goes into a `Talare | Text` table.
fn docx(d: &Debate) -> Vec<u8> {
    let run = |t: &str, bold: bool| {
        let b = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
        format!(
            "<w:r>{b}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
            xml_escape(t)
        )
    };
    let para = |label: Option<&str>, text: &str| {
        let mut runs = label
            .map(|l| run(&format!("{l}:"), true) + &run(" ", false))
            .unwrap_or_default();
        let words: Vec<&str> = text.split(' ').collect();
        for chunk in words.chunks(5) {
            runs += &run(&format!("{} ", chunk.join(" ")), false);
        }
        format!("<w:p>{runs}</w:p>")
    };
    let split = d.turns.len().saturating_sub(2);
    let mut body = String::new();
    for (label, pars) in &d.turns[..split] {
        for (i, p) in pars.iter().enumerate() {
            body += &para((i == 0).then_some(label.as_str()), p);
        }
    }
    body += "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Talare</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Text</w:t></w:r></w:p></w:tc></w:tr>";
    for (label, pars) in &d.turns[split..] {
        let cell: String = pars.iter().map(|p| para(None, p)).collect();
        body += &format!(
            "<w:tr><w:tc>{}</w:tc><w:tc>{cell}</w:tc></w:tr>",
            para(None, label)
        );
    }
    body += "</w:tbl>";
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    );
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    w.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    w.write_all(xml.as_bytes()).unwrap();
    w.finish().unwrap().into_inner()
}

#[test]
fn docx_reader_finds_every_turn() {
    for d in corpus() {
        let (_, t) = import_bytes(Path::new("debatt.docx"), &docx(&d)).unwrap();
        assert_eq!(shape(&t), expected_shape(&d), "{}", d.name);
        let (last_label, last_pars) = d.turns.last().unwrap();
        let last = t.turns.last().unwrap();
        assert_eq!(&last.speaker, last_label);
        assert_eq!(
            t.slice(last.paragraphs[0].0, last.paragraphs[0].1),
            Some(last_pars[0].as_str())
        );
    }
}

fn stamp(ms: usize, sep: char) -> String {
    let s = ms / 1000;
    format!(
        "{:02}:{:02}:{:02}{sep}{:03}",
        s / 3600,
        s / 60 % 60,
        s % 60,
        ms % 1000
    )
}

/// Cues, one per paragraph, five seconds apart: (start, end, label, text).
fn cues(d: &Debate) -> Vec<(String, String, String, String)> {
    let mut out = Vec::new();
    for (label, pars) in &d.turns {
        for p in pars {
            let ms = out.len() * 5000 + 120;
            out.push((
                stamp(ms, '.'),
                stamp(ms + 4500, '.'),
                label.clone(),
                p.clone(),
            ));
        }
    }
    out
}

fn check_media(d: &Debate, t: &Transcript, what: &str) {
    let labels: Vec<&str> = t.turns.iter().map(|u| u.speaker.as_str()).collect();
    assert_eq!(labels, merged_labels(d), "{what} {}", d.name);
    assert_eq!(t.turns[0].time.as_deref(), Some("00:00:00"));
    assert!(t.turns.iter().all(|u| u.time.is_some()));
    assert_round_trips(t);
}

#[test]
fn vtt_and_srt_readers_find_every_turn() {
    for d in corpus() {
        let cues = cues(&d);
        let mut teams = String::from("WEBVTT\n\n");
        let mut zoom = String::from("WEBVTT\n\n");
        let mut srt = String::new();
        for (i, (start, end, label, text)) in cues.iter().enumerate() {
            teams += &format!(
                "6f5b/{i}-0\n{start} --> {end}\n<v {label}>{}</v>\n\n",
                xml_escape(text)
            );
            zoom += &format!(
                "{}\n{start} --> {end}\n{label}: {}\n\n",
                i + 1,
                xml_escape(text)
            );
            let (s, e) = (start.replace('.', ","), end.replace('.', ","));
            srt += &format!("{}\r\n{s} --> {e}\r\n{label}: {text}\r\n\r\n", i + 1);
        }
        let (_, t) = import_bytes(Path::new("teams.vtt"), teams.as_bytes()).unwrap();
        check_media(&d, &t, "teams");
        let first = &d.turns[0].1;
        let joined = if d.turns.get(1).is_some_and(|n| n.0 == d.turns[0].0) {
            None
        } else {
            Some(first.join(" "))
        };
        if let Some(j) = joined {
            assert_eq!(t.slice(t.turns[0].start, t.turns[0].end), Some(j.as_str()));
        }
        let (_, t) = import_bytes(Path::new("zoom.vtt"), zoom.as_bytes()).unwrap();
        check_media(&d, &t, "zoom");
        let (_, t) = import_bytes(Path::new("debatt.srt"), srt.as_bytes()).unwrap();
        check_media(&d, &t, "srt");
    }
}
