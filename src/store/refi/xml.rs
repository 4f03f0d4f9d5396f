//! A small element tree read with quick-xml, refusing DTDs and unknown entities (no XXE), and writer helpers.

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesStart, BytesText, Event};
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;
use std::io;

/// The namespaces of the two REFI-QDA file kinds.
pub const PROJECT_NS: &str = "urn:QDA-XML:project:1.0";
pub const CODEBOOK_NS: &str = "urn:QDA-XML:codebook:1.0";

/// One element: its local name, namespace, attributes, child elements and its own text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Element {
    pub name: String,
    pub ns: Option<String>,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Element>,
    /// Text directly inside the element, exactly as written (line ends not normalised).
    pub text: String,
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Child elements with this local name.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    pub fn first(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    /// The text of the first child with this name.
    pub fn child_text(&self, name: &str) -> Option<&str> {
        self.first(name).map(|e| e.text.as_str())
    }
}

#[derive(Debug)]
pub enum XmlError {
    Dtd,
    Entity(String),
    Malformed { pos: u64, message: String },
    Empty,
    TooDeep(usize),
}

impl std::error::Error for XmlError {}

impl std::fmt::Display for XmlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::t;
        let s = match self {
            XmlError::Dtd => t!("refi-xml-dtd"),
            XmlError::Entity(name) => t!("refi-xml-entity", name = name.as_str()),
            XmlError::Malformed { pos, message } => {
                t!("refi-xml-malformed", pos = *pos, error = message.as_str())
            }
            XmlError::Empty => t!("refi-xml-no-root"),
            XmlError::TooDeep(n) => t!("refi-xml-too-deep", n = *n),
        };
        f.write_str(&s)
    }
}

const MAX_DEPTH: usize = 64;

fn predefined(name: &str) -> Option<&'static str> {
    Some(match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        _ => return None,
    })
}

/// Parses a whole document into its root element.
pub fn parse(text: &str) -> Result<Element, XmlError> {
    let mut reader = NsReader::from_str(text);
    let mut stack: Vec<Element> = Vec::new();
    let mut root = None;
    loop {
        let pos = reader.buffer_position();
        let bad = |e: &dyn std::fmt::Display| XmlError::Malformed {
            pos,
            message: e.to_string(),
        };
        let (ns, event) = reader.read_resolved_event().map_err(|e| bad(&e))?;
        let ns = match ns {
            ResolveResult::Bound(n) => Some(String::from_utf8_lossy(n.as_ref()).into_owned()),
            _ => None,
        };
        match event {
            Event::DocType(_) => return Err(XmlError::Dtd),
            Event::Start(s) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(XmlError::TooDeep(MAX_DEPTH));
                }
                stack.push(element(&s, ns).map_err(|e| bad(&e))?);
            }
            Event::Empty(s) => {
                let el = element(&s, ns).map_err(|e| bad(&e))?;
                close(el, &mut stack, &mut root);
            }
            Event::End(_) => {
                if let Some(el) = stack.pop() {
                    close(el, &mut stack, &mut root);
                }
            }
            Event::Text(t) => push_text(&mut stack, &t.decode().map_err(|e| bad(&e))?),
            Event::CData(t) => push_text(&mut stack, &t.decode().map_err(|e| bad(&e))?),
            Event::GeneralRef(r) => {
                let name = r.decode().map_err(|e| bad(&e))?.into_owned();
                let s = match r.resolve_char_ref().map_err(|e| bad(&e))? {
                    Some(c) => c.to_string(),
                    None => predefined(&name).ok_or(XmlError::Entity(name))?.to_string(),
                };
                push_text(&mut stack, &s);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    root.ok_or(XmlError::Empty)
}

fn push_text(stack: &mut [Element], s: &str) {
    if let Some(top) = stack.last_mut() {
        top.text.push_str(s);
    }
}

fn close(el: Element, stack: &mut [Element], root: &mut Option<Element>) {
    match stack.last_mut() {
        Some(parent) => parent.children.push(el),
        None => {
            if root.is_none() {
                *root = Some(el);
            }
        }
    }
}

fn element(s: &BytesStart, ns: Option<String>) -> Result<Element, quick_xml::Error> {
    let name = String::from_utf8_lossy(s.local_name().as_ref()).into_owned();
    let mut attrs = Vec::new();
    for a in s.attributes() {
        let a = a.map_err(quick_xml::Error::from)?;
        if a.key.as_namespace_binding().is_some() {
            continue;
        }
        let key = String::from_utf8_lossy(a.key.local_name().as_ref()).into_owned();
        let value = a
            .decode_and_unescape_value_with(s.decoder(), predefined)?
            .into_owned();
        attrs.push((key, value));
    }
    Ok(Element {
        name,
        ns,
        attrs,
        children: Vec::new(),
        text: String::new(),
    })
}

/// An indented UTF-8 XML writer with a declaration.
pub fn writer() -> io::Result<Writer<Vec<u8>>> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("utf-8"), None)))?;
    Ok(w)
}

/// Writes `<name attrs>text</name>`.
pub fn text_element(
    w: &mut Writer<Vec<u8>>,
    name: &str,
    attrs: &[(&str, &str)],
    text: &str,
) -> io::Result<()> {
    w.create_element(name)
        .with_attributes(attrs.iter().copied())
        .write_text_content(BytesText::new(text))?;
    Ok(())
}

/// Writes `<name attrs/>`.
pub fn empty_element(
    w: &mut Writer<Vec<u8>>,
    name: &str,
    attrs: &[(&str, &str)],
) -> io::Result<()> {
    w.create_element(name)
        .with_attributes(attrs.iter().copied())
        .write_empty()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_tree_with_namespaces_and_entities() {
        let x = r#"<Project xmlns="urn:QDA-XML:project:1.0" name="a &amp; b"><Description>x &lt; y &#x1F600;&#13;
z</Description><Other xmlns="urn:x"/></Project>"#;
        let root = parse(x).unwrap();
        assert_eq!(root.name, "Project");
        assert_eq!(root.ns.as_deref(), Some(PROJECT_NS));
        assert_eq!(root.attr("name"), Some("a & b"));
        assert_eq!(root.child_text("Description"), Some("x < y 😀\r\nz"));
        assert_eq!(root.first("Other").unwrap().ns.as_deref(), Some("urn:x"));
    }

    #[test]
    fn refuses_dtd_and_unknown_entities() {
        let xxe = r#"<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><p>&x;</p>"#;
        assert!(matches!(parse(xxe), Err(XmlError::Dtd)));
        assert!(matches!(parse("<p>&x;</p>"), Err(XmlError::Entity(_))));
        assert!(parse("<p a='&x;'/>").is_err());
        assert!(parse("<p><q></p>").is_err());
        assert!(matches!(parse(""), Err(XmlError::Empty)));
    }

    #[test]
    fn writes_escaped() {
        let mut w = writer().unwrap();
        text_element(&mut w, "D", &[("name", "a\"<b")], "x & <y>").unwrap();
        let s = String::from_utf8(w.into_inner()).unwrap();
        let root = parse(&s).unwrap();
        assert_eq!(root.attr("name"), Some("a\"<b"));
        assert_eq!(root.text, "x & <y>");
    }
}
