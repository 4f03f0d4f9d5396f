//! Imported code trees merged into a codebook: matched by GUID, then by path (or unique name), else added.

use super::read::QCode;
use super::write::{EXCLUSION, INCLUSION};
use super::{guid_for, is_guid};
use crate::model::codebook::{Code, Codebook};
use crate::model::text::{canonicalize, slugify};
use std::collections::HashMap;

/// The outcome of merging codes.
#[derive(Debug, Default)]
pub struct CodeMerge {
    /// Imported GUID → kodbok code id.
    pub ids: HashMap<String, String>,
    /// Display paths of the codes added.
    pub added: Vec<String>,
    /// Display paths of the codes matched, with how.
    pub matched: Vec<(String, &'static str)>,
    pub warnings: Vec<String>,
}

/// Rebuilds a hierarchy from flat names such as `Hinder.Resursbrist` (Taguette).
pub fn split_names(codes: Vec<QCode>, sep: &str) -> Vec<QCode> {
    let mut out: Vec<QCode> = Vec::new();
    for c in flatten(codes) {
        let parts: Vec<String> = c
            .name
            .split(sep)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        if parts.is_empty() {
            continue;
        }
        insert_path(&mut out, &parts, c, "");
    }
    out
}

fn flatten(codes: Vec<QCode>) -> Vec<QCode> {
    let mut out = Vec::new();
    for mut c in codes {
        let kids = std::mem::take(&mut c.children);
        out.push(c);
        out.extend(flatten(kids));
    }
    out
}

fn insert_path(level: &mut Vec<QCode>, parts: &[String], code: QCode, prefix: &str) {
    let name = &parts[0];
    let path = format!("{prefix}/{name}");
    let pos = match level.iter().position(|c| c.name.eq_ignore_ascii_case(name)) {
        Some(i) => i,
        None => {
            level.push(QCode {
                guid: guid_for("code-path", &path.to_lowercase()),
                name: name.clone(),
                codable: true,
                ..Default::default()
            });
            level.len() - 1
        }
    };
    if parts.len() == 1 {
        let slot = &mut level[pos];
        let kids = std::mem::take(&mut slot.children);
        *slot = QCode {
            name: name.clone(),
            children: kids,
            ..code
        };
    } else {
        insert_path(&mut level[pos].children, &parts[1..], code, &path);
    }
}

/// Splits a REFI description back into description, inclusion and exclusion notes.
pub fn parse_description(d: &str) -> (String, String, String) {
    let d = canonicalize(d);
    let mut desc = Vec::new();
    let (mut inc, mut exc) = (String::new(), String::new());
    for part in d.trim().split("\n\n") {
        if let Some(x) = part.strip_prefix(INCLUSION) {
            inc = x.trim().to_string();
        } else if let Some(x) = part.strip_prefix(EXCLUSION) {
            exc = x.trim().to_string();
        } else {
            desc.push(part);
        }
    }
    (desc.join("\n\n").trim().to_string(), inc, exc)
}

/// `#RRGGBB` as written, `#RGB` widened; None for anything else.
pub fn normalize_color(c: &str) -> Option<String> {
    let hex = c.trim().strip_prefix('#')?;
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    match hex.len() {
        6 => Some(format!("#{hex}")),
        3 => Some(format!(
            "#{}",
            hex.chars()
                .flat_map(|ch| [ch, ch])
                .collect::<String>()
                .to_ascii_lowercase()
        )),
        _ => None,
    }
}

fn unique_id(book: &Codebook, name: &str) -> String {
    let mut base: String = slugify(name).chars().take(56).collect();
    if base.is_empty() {
        base = "code".into();
    }
    let mut id = base.clone();
    let mut n = 2;
    while book.get(&id).is_some() {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

fn find_by_guid(book: &Codebook, guid: &str) -> Option<String> {
    book.flatten()
        .into_iter()
        .find(|f| {
            f.code
                .guid
                .as_deref()
                .is_some_and(|g| g.eq_ignore_ascii_case(guid))
        })
        .map(|f| f.code.id.clone())
}

fn find_child(book: &Codebook, parent: Option<&str>, name: &str) -> Option<String> {
    let level = match parent {
        None => &book.codes,
        Some(p) => &book.get(p)?.children,
    };
    let name = canonicalize(name);
    level
        .iter()
        .find(|c| c.name.trim().to_lowercase() == name.trim().to_lowercase())
        .map(|c| c.id.clone())
}

fn find_unique_name(book: &Codebook, name: &str) -> Option<String> {
    let name = canonicalize(name).trim().to_lowercase();
    let hits: Vec<_> = book
        .flatten()
        .into_iter()
        .filter(|f| f.code.name.trim().to_lowercase() == name)
        .collect();
    (hits.len() == 1).then(|| hits[0].code.id.clone())
}

/// Merges `codes` under `parent`. `anywhere`: a code may match a uniquely named code at any level.
pub fn merge(
    book: &mut Codebook,
    codes: &[QCode],
    parent: Option<&str>,
    anywhere: bool,
    out: &mut CodeMerge,
) {
    for q in codes {
        let found = find_by_guid(book, &q.guid)
            .map(|id| (id, "GUID"))
            .or_else(|| find_child(book, parent, &q.name).map(|id| (id, "path")))
            .or_else(|| {
                anywhere
                    .then(|| find_unique_name(book, &q.name))
                    .flatten()
                    .map(|id| (id, "name"))
            });
        let id = match found {
            Some((id, how)) => {
                let _ = book.edit(&id, |c| {
                    if c.guid.is_none() && is_guid(&q.guid) {
                        c.guid = Some(q.guid.clone());
                    }
                });
                out.matched.push((book.path(&id), how));
                id
            }
            None => add(book, q, parent, out),
        };
        out.ids.insert(q.guid.clone(), id.clone());
        merge(book, &q.children, Some(&id), anywhere, out);
    }
}

fn add(book: &mut Codebook, q: &QCode, parent: Option<&str>, out: &mut CodeMerge) -> String {
    let name = canonicalize(&q.name).replace('\n', " ").trim().to_string();
    let name = if name.is_empty() {
        "(unnamed)".to_string()
    } else {
        name
    };
    let id = unique_id(book, &name);
    let mut code = Code::new(&id, &name);
    (code.description, code.inclusion, code.exclusion) = parse_description(&q.description);
    if let Some(c) = &q.color {
        code.color = normalize_color(c);
        if code.color.is_none() {
            out.warnings.push(crate::t!(
                "refi-colour-dropped",
                name = format!("{name:?}"),
                color = format!("{c:?}")
            ));
        }
    }
    code.guid = is_guid(&q.guid).then(|| q.guid.clone());
    if book.add(code, parent).is_err() {
        out.warnings
            .push(crate::t!("refi-code-not-added", name = format!("{name:?}")));
    }
    out.added.push(book.path(&id));
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(name: &str, guid: &str) -> QCode {
        QCode {
            guid: guid.into(),
            name: name.into(),
            codable: true,
            ..Default::default()
        }
    }

    #[test]
    fn splits_taguette_names() {
        let codes = vec![
            q("Hinder.Resursbrist", "a"),
            q("Hinder", "b"),
            q("Hinder.Kompetensbrist", "c"),
            q("interesting", "d"),
        ];
        let t = split_names(codes, ".");
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].name, "Hinder");
        assert_eq!(t[0].guid, "b");
        let kids: Vec<_> = t[0].children.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(kids, ["Resursbrist", "Kompetensbrist"]);
    }

    #[test]
    fn merges_by_guid_then_path() {
        let mut book = Codebook::default();
        book.add(Code::new("hinder", "Hinder"), None).unwrap();
        let mut res = Code::new("resursbrist", "Resursbrist");
        res.guid = Some("11111111-1111-1111-1111-111111111111".into());
        book.add(res, Some("hinder")).unwrap();
        let mut h = q("hinder", "22222222-2222-2222-2222-222222222222");
        h.children = vec![
            q("Other name", "11111111-1111-1111-1111-111111111111"),
            q("Ny kod", "33333333-3333-3333-3333-333333333333"),
        ];
        let mut out = CodeMerge::default();
        merge(&mut book, &[h], None, false, &mut out);
        assert_eq!(out.matched.len(), 2);
        assert_eq!(out.added, ["Hinder › Ny kod"]);
        assert_eq!(
            out.ids["11111111-1111-1111-1111-111111111111"],
            "resursbrist"
        );
        assert_eq!(
            book.get("ny-kod").unwrap().guid.as_deref(),
            Some("33333333-3333-3333-3333-333333333333")
        );
    }

    #[test]
    fn descriptions_and_colours() {
        let (d, i, e) = parse_description("Vad.\r\n\r\nInclusion: ja\n\nExclusion: nej");
        assert_eq!((d.as_str(), i.as_str(), e.as_str()), ("Vad.", "ja", "nej"));
        assert_eq!(normalize_color("#AbC").as_deref(), Some("#aabbcc"));
        assert_eq!(normalize_color("#12345678"), None);
    }
}
