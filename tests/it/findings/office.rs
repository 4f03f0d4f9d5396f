//! Reading .docx and .xlsx files back in tests: unzip, parse every XML part, check content types and relationships.

use quick_xml::Reader;
use quick_xml::events::Event;
use std::collections::BTreeMap;
use std::io::Read;

/// Every part of a zip package, by name.
pub fn parts(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip package");
    let mut out = BTreeMap::new();
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let mut b = Vec::new();
        f.read_to_end(&mut b).unwrap();
        out.insert(f.name().to_string(), b);
    }
    out
}

/// The character data of a text or entity-reference event.
fn piece(ev: &Event) -> Option<String> {
    match ev {
        Event::Text(t) => Some(t.xml_content().unwrap_or_default().into_owned()),
        Event::GeneralRef(r) => {
            let name = r.decode().unwrap_or_default();
            Some(match r.resolve_char_ref() {
                Ok(Some(c)) => c.to_string(),
                _ => quick_xml::escape::resolve_predefined_entity(&name)
                    .unwrap_or_default()
                    .to_string(),
            })
        }
        _ => None,
    }
}

/// Parses an XML part to the end; panics with the part's name on any error.
pub fn parse_all(name: &str, xml: &[u8]) {
    let mut r = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut depth = 0i32;
    loop {
        match r.read_event_into(&mut buf) {
            Ok(Event::Eof) => break,
            Ok(Event::Start(_)) => depth += 1,
            Ok(Event::End(_)) => depth -= 1,
            Ok(_) => {}
            Err(e) => panic!("{name}: not well-formed XML: {e}"),
        }
        buf.clear();
    }
    assert_eq!(depth, 0, "{name}: unbalanced elements");
}

/// Attribute values of every element named `tag` (local name), as maps.
pub fn elements(xml: &[u8], tag: &str) -> Vec<BTreeMap<String, String>> {
    let mut r = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut out = Vec::new();
    loop {
        match r.read_event_into(&mut buf).unwrap() {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == tag.as_bytes() => {
                out.push(
                    e.attributes()
                        .flatten()
                        .map(|a| {
                            (
                                String::from_utf8_lossy(a.key.local_name().as_ref()).into_owned(),
                                a.unescape_value().unwrap().into_owned(),
                            )
                        })
                        .collect(),
                );
            }
            _ => {}
        }
        buf.clear();
    }
    out
}

/// Checks an OPC package: every XML part parses, every part has a content type, every internal relationship target
/// exists.
pub fn check_package(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let p = parts(bytes);
    for (name, b) in &p {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            parse_all(name, b);
        }
    }
    let ct = &p["[Content_Types].xml"];
    let defaults: Vec<String> = elements(ct, "Default")
        .iter()
        .map(|a| a["Extension"].to_lowercase())
        .collect();
    let overrides: Vec<String> = elements(ct, "Override")
        .iter()
        .map(|a| a["PartName"].clone())
        .collect();
    // Folder entries ("_rels/") are not parts.
    for name in p
        .keys()
        .filter(|n| *n != "[Content_Types].xml" && !n.ends_with('/'))
    {
        let ext = name.rsplit('.').next().unwrap_or("").to_lowercase();
        assert!(
            defaults.contains(&ext) || overrides.contains(&format!("/{name}")),
            "{name} has no content type"
        );
    }
    for o in &overrides {
        assert!(
            p.contains_key(o.trim_start_matches('/')),
            "content type for missing part {o}"
        );
    }
    for (name, b) in p.iter().filter(|(n, _)| n.ends_with(".rels")) {
        let base = name
            .replace("_rels/", "")
            .trim_end_matches(".rels")
            .to_string();
        let dir = base
            .rsplit_once('/')
            .map_or(String::new(), |x| format!("{}/", x.0));
        for rel in elements(b, "Relationship") {
            if rel.get("TargetMode").map(String::as_str) == Some("External") {
                continue;
            }
            let t = &rel["Target"];
            let full = if let Some(abs) = t.strip_prefix('/') {
                abs.to_string()
            } else {
                normalise(&format!("{dir}{t}"))
            };
            assert!(
                p.contains_key(&full),
                "{name}: relationship {} points to missing {full}",
                rel["Id"]
            );
        }
    }
    p
}

fn normalise(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    for seg in path.split('/') {
        match seg {
            ".." => {
                out.pop();
            }
            "." | "" => {}
            s => out.push(s),
        }
    }
    out.join("/")
}

/// The paragraphs of a document.xml: (style, text, italic text) in order; tables as rows of cell texts.
pub struct Doc {
    pub paragraphs: Vec<(String, String, String)>,
    pub tables: Vec<Vec<Vec<String>>>,
}

pub fn read_docx(xml: &[u8]) -> Doc {
    let mut r = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut doc = Doc {
        paragraphs: Vec::new(),
        tables: Vec::new(),
    };
    let (mut style, mut text, mut italic_text) = (String::new(), String::new(), String::new());
    let (mut in_t, mut italic, mut tbl_depth) = (false, false, 0);
    let mut cell = String::new();
    let mut row: Vec<String> = Vec::new();
    loop {
        match r.read_event_into(&mut buf).unwrap() {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"p" => {
                    style.clear();
                    text.clear();
                    italic_text.clear();
                }
                b"pStyle" => {
                    style = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.local_name().as_ref() == b"val")
                        .map(|a| a.unescape_value().unwrap().into_owned())
                        .unwrap_or_default();
                }
                b"r" => italic = false,
                b"i" => italic = true,
                b"t" => in_t = true,
                b"br" => text.push('\n'),
                b"tbl" => {
                    tbl_depth += 1;
                    doc.tables.push(Vec::new());
                }
                b"tr" => row.clear(),
                b"tc" => cell.clear(),
                _ => {}
            },
            ev @ (Event::Text(_) | Event::GeneralRef(_)) if in_t => {
                let s = piece(&ev).unwrap_or_default();
                text.push_str(&s);
                if italic {
                    italic_text.push_str(&s);
                }
                if tbl_depth > 0 {
                    cell.push_str(&s);
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"t" => in_t = false,
                b"p" if tbl_depth == 0 => {
                    doc.paragraphs
                        .push((style.clone(), text.clone(), italic_text.clone()))
                }
                b"tc" => row.push(cell.clone()),
                b"tr" => {
                    if let Some(t) = doc.tables.last_mut() {
                        t.push(row.clone());
                    }
                }
                b"tbl" => tbl_depth -= 1,
                _ => {}
            },
            _ => {}
        }
        buf.clear();
    }
    doc
}

/// A worksheet as a grid of cell values (shared strings resolved; numbers as their text).
pub fn read_sheet(p: &BTreeMap<String, Vec<u8>>, n: usize) -> Vec<Vec<String>> {
    let mut strings = Vec::new();
    if let Some(ss) = p.get("xl/sharedStrings.xml") {
        let mut r = Reader::from_reader(ss.as_slice());
        let mut buf = Vec::new();
        let (mut cur, mut in_t) = (String::new(), false);
        loop {
            match r.read_event_into(&mut buf).unwrap() {
                Event::Eof => break,
                Event::Start(e) if e.local_name().as_ref() == b"si" => cur.clear(),
                Event::Start(e) if e.local_name().as_ref() == b"t" => in_t = true,
                ev @ (Event::Text(_) | Event::GeneralRef(_)) if in_t => {
                    cur.push_str(&piece(&ev).unwrap_or_default())
                }
                Event::End(e) if e.local_name().as_ref() == b"t" => in_t = false,
                Event::End(e) if e.local_name().as_ref() == b"si" => strings.push(cur.clone()),
                _ => {}
            }
            buf.clear();
        }
    }
    let xml = &p[&format!("xl/worksheets/sheet{n}.xml")];
    let mut r = Reader::from_reader(xml.as_slice());
    let mut buf = Vec::new();
    let mut grid: Vec<Vec<String>> = Vec::new();
    let (mut col, mut kind, mut in_v) = (0usize, String::new(), false);
    loop {
        match r.read_event_into(&mut buf).unwrap() {
            Event::Eof => break,
            Event::Start(e) if e.local_name().as_ref() == b"row" => grid.push(Vec::new()),
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"c" => {
                let attrs: BTreeMap<String, String> = e
                    .attributes()
                    .flatten()
                    .map(|a| {
                        (
                            String::from_utf8_lossy(a.key.as_ref()).into_owned(),
                            a.unescape_value().unwrap().into_owned(),
                        )
                    })
                    .collect();
                let letters: String = attrs["r"]
                    .chars()
                    .take_while(|c| c.is_ascii_alphabetic())
                    .collect();
                col = letters
                    .bytes()
                    .fold(0, |acc, b| acc * 26 + (b - b'A' + 1) as usize)
                    - 1;
                kind = attrs.get("t").cloned().unwrap_or_default();
            }
            Event::Start(e) if e.local_name().as_ref() == b"v" => in_v = true,
            ev @ (Event::Text(_) | Event::GeneralRef(_)) if in_v => {
                let v = piece(&ev).unwrap_or_default();
                let v = if kind == "s" {
                    strings[v.parse::<usize>().unwrap()].clone()
                } else {
                    v
                };
                let row = grid.last_mut().unwrap();
                if row.len() <= col {
                    row.resize(col + 1, String::new());
                }
                row[col] = v;
            }
            Event::End(e) if e.local_name().as_ref() == b"v" => in_v = false,
            _ => {}
        }
        buf.clear();
    }
    grid
}
