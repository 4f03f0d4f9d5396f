//! Word .docx: paragraphs, breaks, tables and runs joined, read from word/document.xml.

mod table;

use super::plain::{Block, turns_from_blocks};
use super::{ImportError, RawDoc};
use crate::store::decode::DecodeError;
use quick_xml::NsReader;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use std::io::{Cursor, Read};
use zip::ZipArchive;

/// The largest main document part read, uncompressed: a guard against zip bombs.
pub const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;
/// The largest package relationships part read.
const MAX_RELS_BYTES: u64 = 1024 * 1024;

const W_NS: [&[u8]; 2] = [
    b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    b"http://purl.oclc.org/ooxml/wordprocessingml/main",
];
const MC_NS: &[u8] = b"http://schemas.openxmlformats.org/markup-compatibility/2006";

/// Word never writes a DTD; one in a .docx is an attack (entity expansion or external entities).
const DTD_REFUSED: &str = "the document part declares a DTD (<!DOCTYPE …>), which Word never writes: \
     refused, because DTD entities can expand to gigabytes (\"billion laughs\") or pull in other \
     files (XXE); open the file in Word and save it again as .docx";

/// Reads a .docx file's bytes into turns.
pub fn read(bytes: &[u8]) -> Result<RawDoc, ImportError> {
    let xml = main_part(bytes)?;
    let blocks = parse_document(&xml)?;
    Ok(RawDoc {
        turns: turns_from_blocks(&blocks),
        ..RawDoc::default()
    })
}

/// The main document part (normally word/document.xml) as text, or a clear refusal.
fn main_part(bytes: &[u8]) -> Result<String, ImportError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(DecodeError::Empty.into());
    }
    if !bytes.starts_with(b"PK\x03\x04") {
        return Err(ImportError::Format(not_zip(bytes)));
    }
    let mut zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        ImportError::Format(crate::t!("import-docx-damaged-zip", error = e.to_string()))
    })?;
    let name = main_part_name(&mut zip)?;
    let xml = read_entry(&mut zip, &name, MAX_PART_BYTES)?;
    Ok(xml)
}

fn not_zip(bytes: &[u8]) -> String {
    let what = if bytes.starts_with(b"\xd0\xcf\x11\xe0") {
        "doc"
    } else if bytes.starts_with(b"{\\rtf") {
        "rtf"
    } else if bytes.starts_with(b"%PDF") {
        "pdf"
    } else if std::str::from_utf8(bytes).is_ok() {
        "text"
    } else {
        "other"
    };
    crate::t!("import-not-docx", kind = what)
}

/// Finds the main part through the package relationships, as Word does.
fn main_part_name(zip: &mut ZipArchive<Cursor<&[u8]>>) -> Result<String, ImportError> {
    let target = match zip.index_for_name("_rels/.rels") {
        Some(_) => office_document_target(&read_entry(zip, "_rels/.rels", MAX_RELS_BYTES)?),
        None => None,
    };
    let name = target.unwrap_or_else(|| "word/document.xml".to_string());
    if name.starts_with("xl/") {
        return Err(not_word("xlsx"));
    }
    if name.starts_with("ppt/") {
        return Err(not_word("pptx"));
    }
    if zip.index_for_name(&name).is_some() {
        return Ok(name);
    }
    let odf = zip.index_for_name("mimetype").is_some()
        && read_entry(zip, "mimetype", 200)
            .is_ok_and(|m| m.starts_with("application/vnd.oasis.opendocument"));
    Err(not_word(if odf { "odt" } else { "zip" }))
}

/// A ZIP archive that is another kind of document (`kind`: xlsx, pptx, odt or zip).
fn not_word(kind: &str) -> ImportError {
    ImportError::Format(crate::t!("import-not-word", kind = kind))
}

/// The `Target` of the relationship whose type ends in `/officeDocument`.
fn office_document_target(rels: &str) -> Option<String> {
    let mut reader = NsReader::from_str(rels);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == b"Relationship" => {
                let ty = attr(&e, b"Type").unwrap_or_default();
                if ty.ends_with("/officeDocument") {
                    let t = attr(&e, b"Target")?;
                    return Some(t.trim_start_matches('/').to_string());
                }
            }
            Ok(Event::Eof) | Err(_) => return None,
            Ok(_) => {}
        }
    }
}

fn read_entry(
    zip: &mut ZipArchive<Cursor<&[u8]>>,
    name: &str,
    cap: u64,
) -> Result<String, ImportError> {
    let bad = |e: &dyn std::fmt::Display| {
        ImportError::Format(crate::t!(
            "import-docx-part-unreadable",
            name = name,
            error = e.to_string()
        ))
    };
    let file = zip.by_name(name).map_err(|e| bad(&e))?;
    let too_big = || {
        ImportError::Format(crate::t!(
            "import-docx-too-big",
            name = name,
            mb = cap / (1024 * 1024)
        ))
    };
    if file.size() > cap {
        return Err(too_big());
    }
    let mut buf = Vec::new();
    // The declared size can lie, so the read itself is capped too.
    file.take(cap + 1)
        .read_to_end(&mut buf)
        .map_err(|e| bad(&e))?;
    if buf.len() as u64 > cap {
        return Err(too_big());
    }
    let text = String::from_utf8(buf).map_err(|_| bad(&"it is not UTF-8 XML"))?;
    Ok(text.trim_start_matches('\u{feff}').to_string())
}

fn attr(e: &BytesStart<'_>, local: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

/// Where WordprocessingML content is being read.
#[derive(Default)]
struct Walker {
    blocks: Vec<Block>,
    /// Open paragraphs; text boxes put paragraphs inside paragraphs.
    paras: Vec<String>,
    /// Open tables, innermost last.
    tables: Vec<table::Table>,
    /// Depth inside content that is not shown: deleted or moved-away text, fallback copies.
    skip: usize,
    runs: usize,
    /// The content of an open `w:t`, and whether it keeps its edge whitespace.
    text: Option<(String, bool)>,
}

/// Reads the main document part into blocks: paragraphs and table rows in document order.
pub fn parse_document(xml: &str) -> Result<Vec<Block>, ImportError> {
    let mut reader = NsReader::from_str(xml);
    let mut w = Walker::default();
    loop {
        let pos = reader.buffer_position();
        let (ns, event) = reader.read_resolved_event().map_err(|e| {
            ImportError::Format(crate::t!(
                "import-docx-bad-xml",
                pos = pos,
                error = e.to_string()
            ))
        })?;
        let word = matches!(ns, ResolveResult::Bound(n) if W_NS.contains(&n.as_ref()));
        let mc = matches!(ns, ResolveResult::Bound(n) if n.as_ref() == MC_NS);
        match event {
            Event::Start(e) => w.start(&e, word, mc),
            Event::Empty(e) if w.skip == 0 && word => w.empty(&e),
            Event::End(e) => w.end(e.local_name().as_ref(), word),
            Event::Text(t) => w.push_text(&t.xml_content().unwrap_or_default()),
            Event::CData(t) => w.push_text(&t.decode().unwrap_or_default()),
            Event::GeneralRef(r) => {
                let name = r.decode().unwrap_or_default();
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => quick_xml::escape::resolve_predefined_entity(&name)
                        .unwrap_or_default()
                        .to_string(),
                };
                w.push_text(&c);
            }
            Event::DocType(_) => return Err(ImportError::Format(DTD_REFUSED.into())),
            Event::Eof => break,
            _ => {}
        }
    }
    // An unclosed paragraph or table at the end still holds text worth keeping.
    while let Some(p) = w.paras.pop() {
        w.emit(p);
    }
    while let Some(t) = w.tables.pop() {
        w.blocks.extend(t.into_blocks());
    }
    Ok(w.blocks)
}

impl Walker {
    fn start(&mut self, e: &BytesStart<'_>, word: bool, mc: bool) {
        let name = e.local_name();
        let name = name.as_ref();
        if self.skip > 0 {
            self.skip += 1;
            return;
        }
        if mc && name == b"Fallback" || word && matches!(name, b"del" | b"moveFrom") {
            self.skip = 1;
            return;
        }
        if !word {
            return;
        }
        match name {
            b"p" => self.paras.push(String::new()),
            b"tbl" => self.tables.push(table::Table::default()),
            b"tr" => self.table(|t| t.rows.push(Vec::new())),
            b"tc" => self.table(|t| t.start_cell()),
            b"r" => self.runs += 1,
            b"t" => {
                let preserve = attr(e, b"space").is_some_and(|v| v == "preserve");
                self.text = Some((String::new(), preserve));
            }
            _ => self.empty(e),
        }
    }

    /// Elements that stand for characters (`w:tab`, `w:br`, `w:sym`…), and empty paragraphs.
    fn empty(&mut self, e: &BytesStart<'_>) {
        let c = match e.local_name().as_ref() {
            b"p" => {
                self.emit(String::new());
                return;
            }
            b"tab" | b"ptab" if self.runs > 0 => ' ',
            b"br" | b"cr" if self.runs > 0 => '\n',
            b"noBreakHyphen" if self.runs > 0 => '-',
            b"sym" if self.runs > 0 => {
                symbol(attr(e, b"font").as_deref(), attr(e, b"char").as_deref())
            }
            _ => return,
        };
        if let Some(p) = self.paras.last_mut() {
            p.push(c);
        }
    }

    fn end(&mut self, name: &[u8], word: bool) {
        if self.skip > 0 {
            self.skip -= 1;
            return;
        }
        if !word {
            return;
        }
        match name {
            b"p" => {
                if let Some(p) = self.paras.pop() {
                    self.emit(p);
                }
            }
            b"tbl" => {
                if let Some(t) = self.tables.pop() {
                    match self.tables.last_mut() {
                        // A nested table's rows become paragraphs of the enclosing cell.
                        Some(outer) => outer.push_paragraphs(t.into_lines()),
                        None => self.blocks.extend(t.into_blocks()),
                    }
                }
            }
            b"r" => self.runs = self.runs.saturating_sub(1),
            b"t" => {
                if let Some((t, preserve)) = self.text.take() {
                    // Word drops edge whitespace of a w:t unless xml:space="preserve" says otherwise.
                    let t = t.replace(['\n', '\r', '\t'], " ");
                    let t = if preserve {
                        t.as_str()
                    } else {
                        t.trim_matches(' ')
                    };
                    if let Some(p) = self.paras.last_mut() {
                        p.push_str(t);
                    }
                }
            }
            _ => {}
        }
    }

    fn push_text(&mut self, s: &str) {
        if self.skip == 0
            && let Some((t, _)) = self.text.as_mut()
        {
            t.push_str(s);
        }
    }

    fn table(&mut self, f: impl FnOnce(&mut table::Table)) {
        if let Some(t) = self.tables.last_mut() {
            f(t);
        }
    }

    fn emit(&mut self, p: String) {
        match self.tables.last_mut() {
            Some(t) => t.push_paragraphs(vec![p]),
            None => self.blocks.push(Block::Text(p)),
        }
    }
}

/// The character of a `w:sym`: symbol fonts put their glyphs in the private use area at F000.
fn symbol(font: Option<&str>, code: Option<&str>) -> char {
    let Some(code) = code.and_then(|c| u32::from_str_radix(c, 16).ok()) else {
        return '\u{fffd}';
    };
    let low = if (0xf000..=0xf0ff).contains(&code) {
        code - 0xf000
    } else {
        code
    };
    let font = font.unwrap_or("").to_ascii_lowercase();
    let known = match (font.as_str(), low) {
        ("symbol", 0xb7) | ("wingdings", 0x9f) => Some('•'),
        ("symbol", 0xae) | ("wingdings", 0xe0) => Some('→'),
        ("symbol", 0xac) | ("wingdings", 0xdf) => Some('←'),
        ("symbol", 0xb4) => Some('×'),
        ("symbol", 0xb1) => Some('±'),
        ("symbol", 0xa3) => Some('≤'),
        ("symbol", 0xb3) => Some('≥'),
        ("symbol", 0xb9) => Some('≠'),
        ("symbol", 0xbb) => Some('≈'),
        ("wingdings", 0xfc) => Some('✓'),
        ("wingdings", 0xfb) => Some('✗'),
        ("wingdings", 0xa7) => Some('▪'),
        ("wingdings", 0x4a) => Some('☺'),
        ("wingdings", 0x4c) => Some('☹'),
        _ => None,
    };
    known
        .or_else(|| {
            let plain =
                font != "symbol" && !font.starts_with("wingdings") && !font.starts_with("webdings");
            let c = char::from_u32(if plain { low } else { code })?;
            (!c.is_control() && !('\u{e000}'..='\u{f8ff}').contains(&c)).then_some(c)
        })
        .unwrap_or('\u{fffd}')
}

#[cfg(test)]
mod tests;
