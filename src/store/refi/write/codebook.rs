//! The code tree as REFI `Code` elements, in a project and in a standalone `.qdc` codebook.

use super::W;
use crate::model::codebook::{Code, Codebook};
use crate::store::refi::code_guid;
use crate::store::refi::xml::{self, CODEBOOK_NS, empty_element, text_element};
use std::io;

/// The description, inclusion and exclusion notes of a code in one `Description`.
pub fn code_description(c: &Code) -> String {
    let mut parts = Vec::new();
    if !c.description.is_empty() {
        parts.push(c.description.clone());
    }
    if !c.inclusion.is_empty() {
        parts.push(format!("{INCLUSION}{}", c.inclusion));
    }
    if !c.exclusion.is_empty() {
        parts.push(format!("{EXCLUSION}{}", c.exclusion));
    }
    parts.join("\n\n")
}

pub const INCLUSION: &str = "Inclusion: ";
pub const EXCLUSION: &str = "Exclusion: ";

pub(super) fn codes(
    w: &mut W,
    list: &[Code],
    notes: &dyn Fn(&str) -> Vec<String>,
    project: bool,
) -> io::Result<()> {
    for c in list {
        let guid = code_guid(c);
        let mut attrs = vec![
            ("guid", guid.as_str()),
            ("name", c.name.as_str()),
            ("isCodable", "true"),
        ];
        if let Some(col) = c.color.as_deref().filter(|c| valid_color(c)) {
            attrs.push(("color", col));
        }
        let desc = code_description(c);
        let refs = if project { notes(&c.id) } else { Vec::new() };
        if desc.is_empty() && refs.is_empty() && c.children.is_empty() {
            empty_element(w, "Code", &attrs)?;
            continue;
        }
        w.create_element("Code")
            .with_attributes(attrs)
            .write_inner_content(|w| {
                if !desc.is_empty() {
                    text_element(w, "Description", &[], &desc)?;
                }
                for r in &refs {
                    empty_element(w, "NoteRef", &[("targetGUID", r)])?;
                }
                codes(w, &c.children, notes, project)
            })?;
    }
    Ok(())
}

fn valid_color(c: &str) -> bool {
    c.len() == 7 && c.starts_with('#') && c[1..].bytes().all(|b| b.is_ascii_hexdigit())
}

/// A standalone codebook (`.qdc`).
pub fn qdc(book: &Codebook, origin: &str) -> io::Result<Vec<u8>> {
    let mut w = xml::writer()?;
    w.create_element("CodeBook")
        .with_attributes([("xmlns", CODEBOOK_NS), ("origin", origin)])
        .write_inner_content(|w| {
            if book.codes.is_empty() {
                return Ok(());
            }
            w.create_element("Codes")
                .write_inner_content(|w| codes(w, &book.codes, &|_| Vec::new(), false))?;
            Ok(())
        })?;
    Ok(w.into_inner())
}
