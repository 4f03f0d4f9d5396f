//! A `project.qde` or `.qdc` element tree read into plain structs, with a warning for everything
//! kodbok has no place for.

use super::xml::{CODEBOOK_NS, Element, PROJECT_NS};
use std::collections::HashMap;

#[derive(Debug, Clone, Default)]
pub struct QCode {
    pub guid: String,
    pub name: String,
    pub codable: bool,
    pub color: Option<String>,
    pub description: String,
    pub notes: Vec<String>,
    pub children: Vec<QCode>,
}

#[derive(Debug, Clone, Default)]
pub struct QValue {
    pub variable: String,
    pub value: String,
}

#[derive(Debug, Clone, Default)]
pub struct QCase {
    pub guid: String,
    pub name: String,
    pub values: Vec<QValue>,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct QCoding {
    pub guid: String,
    pub code: String,
    pub user: Option<String>,
    pub created: Option<String>,
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct QSelection {
    pub guid: String,
    pub start: i64,
    pub end: i64,
    pub user: Option<String>,
    pub created: Option<String>,
    pub description: String,
    pub codings: Vec<QCoding>,
    pub notes: Vec<String>,
}

/// A text source or a note (the schema gives both the same type).
#[derive(Debug, Clone, Default)]
pub struct QText {
    pub guid: String,
    pub name: String,
    pub content: Option<String>,
    pub path: Option<String>,
    pub description: String,
    pub user: Option<String>,
    pub created: Option<String>,
    pub selections: Vec<QSelection>,
    pub notes: Vec<String>,
    pub values: Vec<QValue>,
    /// Codings of the whole source (no selection), which kodbok cannot hold.
    pub loose_codings: usize,
    pub rich_only: bool,
}

#[derive(Debug, Clone, Default)]
pub struct QProject {
    pub name: String,
    pub origin: String,
    /// User GUID → name.
    pub users: Vec<(String, String)>,
    pub codes: Vec<QCode>,
    /// Variable GUID → (name, type).
    pub variables: HashMap<String, (String, String)>,
    pub variable_order: Vec<String>,
    pub cases: Vec<QCase>,
    pub sources: Vec<QText>,
    pub notes: Vec<QText>,
    pub project_notes: Vec<String>,
    pub warnings: Vec<String>,
}

fn guid(e: &Element) -> String {
    normalize_guid(e.attr("guid").unwrap_or(""))
}

/// GUIDs compare without braces and case.
pub fn normalize_guid(g: &str) -> String {
    g.trim()
        .trim_start_matches('{')
        .trim_end_matches('}')
        .to_ascii_lowercase()
}

fn refs(e: &Element, name: &str) -> Vec<String> {
    e.all(name)
        .filter_map(|r| r.attr("targetGUID"))
        .map(normalize_guid)
        .collect()
}

fn ours(e: &Element) -> bool {
    matches!(e.ns.as_deref(), None | Some(PROJECT_NS) | Some(CODEBOOK_NS))
}

/// Reads a project root element.
pub fn project(root: &Element) -> Result<QProject, String> {
    if root.name != "Project" {
        return Err(crate::t!(
            "refi-wrong-root",
            want = "Project",
            found = root.name.as_str()
        ));
    }
    let mut p = QProject {
        name: root.attr("name").unwrap_or("").to_string(),
        origin: root.attr("origin").unwrap_or("").to_string(),
        ..Default::default()
    };
    for child in &root.children {
        if !ours(child) {
            p.warnings.push(crate::t!(
                "refi-foreign-element",
                element = child.name.as_str(),
                ns = child.ns.as_deref().unwrap_or("")
            ));
            continue;
        }
        read_part(&mut p, child);
    }
    Ok(p)
}

fn read_part(p: &mut QProject, child: &Element) {
    match child.name.as_str() {
        "Users" => {
            p.users = child
                .all("User")
                .map(|u| (guid(u), u.attr("name").unwrap_or("").to_string()))
                .collect()
        }
        "CodeBook" => p.codes = codes(child, &mut p.warnings),
        "Variables" => {
            for v in child.all("Variable") {
                let name = v.attr("name").unwrap_or("").to_string();
                let kind = v.attr("typeOfVariable").unwrap_or("Text").to_string();
                p.variable_order.push(guid(v));
                p.variables.insert(guid(v), (name, kind));
            }
        }
        "Cases" => p.cases = child.all("Case").map(case).collect(),
        "Sources" => sources(p, child),
        "Notes" => p.notes = child.all("Note").map(text_source).collect(),
        "NoteRef" => p
            .project_notes
            .extend(child.attr("targetGUID").map(normalize_guid)),
        "Description" if !child.text.trim().is_empty() => {
            p.warnings.push(crate::t!("refi-project-description"))
        }
        "Description" => {}
        "Links" | "Sets" | "Graphs" => {
            let n = child.children.len();
            if n == 0 {
                p.warnings.push(crate::t!(
                    "refi-empty-container",
                    element = child.name.as_str()
                ));
            } else {
                p.warnings.push(crate::t!(
                    "refi-no-place",
                    n = n,
                    element = child.name.as_str()
                ));
            }
        }
        other => p
            .warnings
            .push(crate::t!("refi-unknown-element", element = other)),
    }
}

/// The codes of a `<CodeBook>` (project or `.qdc`), with a warning for sets.
pub fn codes(book: &Element, warnings: &mut Vec<String>) -> Vec<QCode> {
    if let Some(sets) = book.first("Sets") {
        if sets.children.is_empty() {
            warnings.push(crate::t!("refi-empty-container", element = "Sets"));
        } else {
            warnings.push(crate::t!("refi-code-sets", n = sets.children.len()));
        }
    }
    book.first("Codes")
        .map(|c| c.all("Code").map(code).collect())
        .unwrap_or_default()
}

fn code(e: &Element) -> QCode {
    QCode {
        guid: guid(e),
        name: e.attr("name").unwrap_or("").to_string(),
        codable: e.attr("isCodable").is_none_or(|v| v == "true" || v == "1"),
        color: e.attr("color").map(str::to_string),
        description: e.child_text("Description").unwrap_or("").to_string(),
        notes: refs(e, "NoteRef"),
        children: e.all("Code").map(code).collect(),
    }
}

fn values(e: &Element) -> Vec<QValue> {
    e.all("VariableValue")
        .filter_map(|v| {
            let var = v.first("VariableRef")?.attr("targetGUID")?;
            let value = v
                .children
                .iter()
                .find(|c| c.name.ends_with("Value"))
                .map_or("", |c| c.text.as_str());
            Some(QValue {
                variable: normalize_guid(var),
                value: value.trim().to_string(),
            })
        })
        .collect()
}

fn case(e: &Element) -> QCase {
    QCase {
        guid: guid(e),
        name: e.attr("name").unwrap_or("").to_string(),
        values: values(e),
        sources: refs(e, "SourceRef"),
    }
}

fn sources(p: &mut QProject, e: &Element) {
    for s in &e.children {
        match s.name.as_str() {
            "TextSource" => p.sources.push(text_source(s)),
            other => p.warnings.push(crate::t!(
                "refi-non-text-source",
                kind = other,
                name = format!("{:?}", s.attr("name").unwrap_or(""))
            )),
        }
    }
}

fn text_source(e: &Element) -> QText {
    let loose = e.all("Coding").count();
    QText {
        loose_codings: loose,
        guid: guid(e),
        name: e.attr("name").unwrap_or("").to_string(),
        content: e.child_text("PlainTextContent").map(str::to_string),
        path: e.attr("plainTextPath").map(str::to_string),
        rich_only: e.attr("richTextPath").is_some()
            && e.attr("plainTextPath").is_none()
            && e.first("PlainTextContent").is_none(),
        description: e.child_text("Description").unwrap_or("").to_string(),
        user: e.attr("creatingUser").map(normalize_guid),
        created: e.attr("creationDateTime").map(str::to_string),
        selections: e.all("PlainTextSelection").map(selection).collect(),
        notes: refs(e, "NoteRef"),
        values: values(e),
    }
}

fn selection(e: &Element) -> QSelection {
    QSelection {
        guid: guid(e),
        start: e
            .attr("startPosition")
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(-1),
        end: e
            .attr("endPosition")
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(-1),
        user: e.attr("creatingUser").map(normalize_guid),
        created: e.attr("creationDateTime").map(str::to_string),
        description: e.child_text("Description").unwrap_or("").to_string(),
        codings: e.all("Coding").map(coding).collect(),
        notes: refs(e, "NoteRef"),
    }
}

fn coding(e: &Element) -> QCoding {
    QCoding {
        guid: guid(e),
        code: e
            .first("CodeRef")
            .and_then(|r| r.attr("targetGUID"))
            .map(normalize_guid)
            .unwrap_or_default(),
        user: e.attr("creatingUser").map(normalize_guid),
        created: e.attr("creationDateTime").map(str::to_string),
        notes: refs(e, "NoteRef"),
    }
}
