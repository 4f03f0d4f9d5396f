//! The codebook: a versioned tree of codes with stable ids, and the edits researchers make to it.

use serde::{Deserialize, Serialize};

pub const CODEBOOK_VERSION: u32 = 1;
/// How deep codes may nest (a theme is level 1). A few levels is all a codebook needs; the limit keeps
/// every file kodbok writes readable by kodbok (deep nesting hits the JSON reader's recursion limit).
pub const MAX_DEPTH: usize = 8;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Code {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub inclusion: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub exclusion: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shortcut: Option<String>,
    /// A search query describing the code (`code-query:ID`), whose hits `kodbok suggest` offers.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub query: String,
    /// What accepting a suggestion of this code codes (default: the sentence).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query_scope: Option<QueryScope>,
    /// REFI-QDA GUID, kept so that repeated exports and imports match the same code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guid: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Code>,
}

/// What a coding made from a search hit covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QueryScope {
    /// Exactly the matched words or pattern.
    Match,
    /// The sentence around each match.
    #[default]
    Sentence,
    /// The whole speaker turn.
    Turn,
}

impl Code {
    pub fn new(id: &str, name: &str) -> Self {
        Code {
            id: id.to_string(),
            name: name.to_string(),
            description: String::new(),
            inclusion: String::new(),
            exclusion: String::new(),
            color: None,
            shortcut: None,
            query: String::new(),
            query_scope: None,
            guid: None,
            children: Vec::new(),
        }
    }
}

/// Project-wide settings stored with the codebook.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// The case attribute whose values form the groups compared (`grupp`: hög/låg).
    #[serde(default = "default_group")]
    pub group_attribute: String,
    /// Coders whose codings analyses leave out of the "all coders" layer (e.g. a practice coder).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude_coders: Vec<String>,
}

fn default_group() -> String {
    "grupp".into()
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            group_attribute: default_group(),
            exclude_coders: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Codebook {
    pub version: u32,
    #[serde(default, skip_serializing_if = "is_default_settings")]
    pub settings: Settings,
    pub codes: Vec<Code>,
}

fn is_default_settings(s: &Settings) -> bool {
    *s == Settings::default()
}

impl Default for Codebook {
    fn default() -> Self {
        Codebook {
            version: CODEBOOK_VERSION,
            settings: Settings::default(),
            codes: Vec::new(),
        }
    }
}

/// A field of a code whose value can be refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Id,
    Name,
    Color,
    Shortcut,
}

impl Field {
    /// The field's name in the file format.
    pub fn name(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Name => "name",
            Field::Color => "color",
            Field::Shortcut => "shortcut",
        }
    }

    /// What a value of the field must look like, in English (users read `messages::codebook`).
    pub fn expected(self) -> &'static str {
        match self {
            Field::Id => "1-64 ASCII letters, digits, '-', '_' or '.'",
            Field::Name => "a non-empty name",
            Field::Color => "a colour written #RRGGBB",
            Field::Shortcut => "a single character",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodebookError {
    #[error("no code with id or name {0:?}")]
    Unknown(String),
    #[error("a code with id {0:?} already exists")]
    DuplicateId(String),
    #[error("code {code:?} cannot move under {parent:?}: that is itself or one of its descendants")]
    Cycle { code: String, parent: String },
    #[error("invalid {} {value:?}: {}", field.name(), field.expected())]
    Invalid { field: Field, value: String },
    #[error("shortcut {key:?} is already used by code {code:?}")]
    DuplicateShortcut { key: String, code: String },
    #[error(
        "code {code:?} would be nested {depth} levels deep; codes nest at most {MAX_DEPTH} levels"
    )]
    TooDeep { code: String, depth: usize },
    #[error("{where_} already has a code named {name:?} ({path}); names are unique among siblings")]
    DuplicateName {
        name: String,
        where_: String,
        path: String,
    },
    #[error("{key:?} names several codes: {}; give the id or the whole path", .paths.join("; "))]
    Ambiguous { key: String, paths: Vec<String> },
}

/// The codes of a codebook by id ([`Codebook::index`]).
#[derive(Debug, Clone)]
pub struct CodeIndex<'a> {
    by_id: rustc_hash::FxHashMap<&'a str, &'a Code>,
}

impl<'a> CodeIndex<'a> {
    /// [`Codebook::get`].
    pub fn get(&self, id: &str) -> Option<&'a Code> {
        self.by_id.get(id).copied()
    }
}

/// A code in preorder with its depth and parent, for listing and drawing the tree.
#[derive(Debug, Clone)]
pub struct FlatCode<'a> {
    pub code: &'a Code,
    pub depth: usize,
    pub parent: Option<&'a str>,
}

impl Codebook {
    /// Every code in preorder (parents before children, codebook order).
    pub fn flatten(&self) -> Vec<FlatCode<'_>> {
        fn walk<'a>(
            codes: &'a [Code],
            depth: usize,
            parent: Option<&'a str>,
            out: &mut Vec<FlatCode<'a>>,
        ) {
            for c in codes {
                out.push(FlatCode {
                    code: c,
                    depth,
                    parent,
                });
                walk(&c.children, depth + 1, Some(&c.id), out);
            }
        }
        let mut out = Vec::new();
        walk(&self.codes, 0, None, &mut out);
        out
    }

    pub fn get(&self, id: &str) -> Option<&Code> {
        fn find<'a>(codes: &'a [Code], id: &str) -> Option<&'a Code> {
            codes.iter().find_map(|c| {
                if c.id == id {
                    Some(c)
                } else {
                    find(&c.children, id)
                }
            })
        }
        find(&self.codes, id)
    }

    /// An index of the codes by id, for many lookups: its `get` is [`Codebook::get`] (the first code
    /// in preorder with the id) in one hash lookup. It borrows the codebook, so it cannot outlive a change.
    pub fn index(&self) -> CodeIndex<'_> {
        let mut by_id = rustc_hash::FxHashMap::default();
        for f in self.flatten() {
            by_id.entry(f.code.id.as_str()).or_insert(f.code);
        }
        CodeIndex { by_id }
    }

    fn get_mut(&mut self, id: &str) -> Option<&mut Code> {
        fn find<'a>(codes: &'a mut [Code], id: &str) -> Option<&'a mut Code> {
            for c in codes.iter_mut() {
                if c.id == id {
                    return Some(c);
                }
                if let Some(f) = find(&mut c.children, id) {
                    return Some(f);
                }
            }
            None
        }
        find(&mut self.codes, id)
    }

    /// Finds a code by id, else by exact name (case-insensitive), else by unique slug of the name.
    pub fn resolve(&self, key: &str) -> Result<&Code, CodebookError> {
        if let Some(c) = self.get(key) {
            return Ok(c);
        }
        let flat = self.flatten();
        let lower = key.to_lowercase();
        let by_name: Vec<_> = flat
            .iter()
            .filter(|f| f.code.name.to_lowercase() == lower)
            .collect();
        if by_name.len() == 1 {
            return Ok(by_name[0].code);
        }
        if by_name.len() > 1 {
            return Err(CodebookError::Ambiguous {
                key: key.to_string(),
                paths: by_name
                    .iter()
                    .map(|f| format!("{} ({})", self.path(&f.code.id), f.code.id))
                    .collect(),
            });
        }
        if let Some(f) = flat
            .iter()
            .find(|f| self.path(&f.code.id).to_lowercase() == lower)
        {
            return Ok(f.code);
        }
        let slug = super::text::slugify(key);
        let by_slug: Vec<_> = flat
            .iter()
            .filter(|f| super::text::slugify(&f.code.name) == slug)
            .collect();
        if by_slug.len() == 1 {
            return Ok(by_slug[0].code);
        }
        Err(CodebookError::Unknown(key.to_string()))
    }

    pub fn parent_of(&self, id: &str) -> Option<&str> {
        self.flatten()
            .into_iter()
            .find(|f| f.code.id == id)
            .and_then(|f| f.parent)
    }

    /// Ids from the top-level theme down to `id`.
    pub fn ancestry(&self, id: &str) -> Vec<String> {
        let mut chain = vec![id.to_string()];
        let mut cur = id.to_string();
        while let Some(p) = self.parent_of(&cur) {
            chain.push(p.to_string());
            cur = p.to_string();
        }
        chain.reverse();
        chain
    }

    /// The top-level theme a code belongs to.
    pub fn theme_of(&self, id: &str) -> Option<String> {
        self.get(id)?;
        self.ancestry(id).into_iter().next()
    }

    /// Display path `Hinder › Resursbrist`.
    pub fn path(&self, id: &str) -> String {
        self.ancestry(id)
            .iter()
            .map(|i| self.get(i).map_or(i.as_str(), |c| c.name.as_str()))
            .collect::<Vec<_>>()
            .join(" › ")
    }

    /// The code and all its descendants' ids.
    pub fn descendants(&self, id: &str) -> Vec<String> {
        fn walk(c: &Code, out: &mut Vec<String>) {
            out.push(c.id.clone());
            for ch in &c.children {
                walk(ch, out);
            }
        }
        let mut out = Vec::new();
        if let Some(c) = self.get(id) {
            walk(c, &mut out);
        }
        out
    }

    /// The code whose shortcut is `key`.
    pub fn by_shortcut(&self, key: &str) -> Option<&Code> {
        self.flatten()
            .into_iter()
            .map(|f| f.code)
            .find(|c| c.shortcut.as_deref() == Some(key))
    }

    /// Levels of the deepest code (0 for an empty codebook).
    pub fn depth(&self) -> usize {
        self.flatten()
            .iter()
            .map(|f| f.depth + 1)
            .max()
            .unwrap_or(0)
    }

    /// Level of a code (1 for a theme), 0 when unknown.
    fn level(&self, id: &str) -> usize {
        self.ancestry(id).len()
    }

    /// Levels of a code's subtree, itself included.
    fn height(code: &Code) -> usize {
        1 + code.children.iter().map(Self::height).max().unwrap_or(0)
    }

    /// Structural checks: unique ids, valid colours and shortcuts, nesting depth.
    pub fn validate(&self) -> Vec<CodebookError> {
        let mut errs = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut keys: std::collections::HashMap<&str, &str> = std::collections::HashMap::new();
        for f in self.flatten() {
            let c = f.code;
            if f.depth + 1 > MAX_DEPTH {
                errs.push(CodebookError::TooDeep {
                    code: c.id.clone(),
                    depth: f.depth + 1,
                });
            }
            if !seen.insert(c.id.as_str()) {
                errs.push(CodebookError::DuplicateId(c.id.clone()));
            }
            if let Err(e) = check_id(&c.id) {
                errs.push(e);
            }
            if let Some(Err(e)) = c.color.as_deref().map(check_color) {
                errs.push(e);
            }
            if let Some(k) = &c.shortcut {
                if k.chars().count() != 1 {
                    errs.push(CodebookError::Invalid {
                        field: Field::Shortcut,
                        value: k.clone(),
                    });
                } else if let Some(other) = keys.insert(k, &c.id) {
                    errs.push(CodebookError::DuplicateShortcut {
                        key: k.clone(),
                        code: other.to_string(),
                    });
                }
            }
        }
        errs
    }

    /// Adds a code under `parent` (top level when None).
    pub fn add(&mut self, code: Code, parent: Option<&str>) -> Result<(), CodebookError> {
        if code.name.trim().is_empty() {
            return Err(CodebookError::Invalid {
                field: Field::Name,
                value: code.name,
            });
        }
        check_id(&code.id)?;
        if let Some(col) = &code.color {
            check_color(col)?;
        }
        if self.get(&code.id).is_some() {
            return Err(CodebookError::DuplicateId(code.id));
        }
        let depth = parent.map_or(0, |p| self.level(p)) + Self::height(&code);
        if depth > MAX_DEPTH {
            return Err(CodebookError::TooDeep {
                code: code.id,
                depth,
            });
        }
        self.check_name_free(parent, &code.name, &code.id)?;
        match parent {
            None => self.codes.push(code),
            Some(p) => self
                .get_mut(p)
                .ok_or_else(|| CodebookError::Unknown(p.to_string()))?
                .children
                .push(code),
        }
        Ok(())
    }

    pub fn rename(&mut self, id: &str, name: &str) -> Result<(), CodebookError> {
        if name.trim().is_empty() {
            return Err(CodebookError::Invalid {
                field: Field::Name,
                value: name.into(),
            });
        }
        self.get(id)
            .ok_or_else(|| CodebookError::Unknown(id.to_string()))?;
        let parent = self.parent_of(id).map(str::to_string);
        self.check_name_free(parent.as_deref(), name.trim(), id)?;
        self.get_mut(id)
            .ok_or_else(|| CodebookError::Unknown(id.to_string()))?
            .name = name.trim().to_string();
        Ok(())
    }

    /// Refuses `name` under `parent` (top level when None) when a sibling other than `except` has it
    /// (ignoring case): a name must say which code it is.
    pub fn check_name_free(
        &self,
        parent: Option<&str>,
        name: &str,
        except: &str,
    ) -> Result<(), CodebookError> {
        let siblings = match parent {
            None => &self.codes,
            Some(p) => match self.get(p) {
                Some(c) => &c.children,
                None => return Ok(()),
            },
        };
        let lower = name.trim().to_lowercase();
        match siblings
            .iter()
            .find(|c| c.id != except && c.name.trim().to_lowercase() == lower)
        {
            Some(c) => Err(CodebookError::DuplicateName {
                name: name.trim().to_string(),
                where_: match parent {
                    None => "the top level".to_string(),
                    Some(p) => self.path(p),
                },
                path: self.path(&c.id),
            }),
            None => Ok(()),
        }
    }

    /// Edits a code in place (description, notes, colour, shortcut).
    pub fn edit(&mut self, id: &str, f: impl FnOnce(&mut Code)) -> Result<(), CodebookError> {
        let code = self
            .get_mut(id)
            .ok_or_else(|| CodebookError::Unknown(id.to_string()))?;
        f(code);
        Ok(())
    }

    /// Detaches a code (with its subtree) and returns it.
    pub fn take(&mut self, id: &str) -> Result<Code, CodebookError> {
        fn take_from(codes: &mut Vec<Code>, id: &str) -> Option<Code> {
            if let Some(i) = codes.iter().position(|c| c.id == id) {
                return Some(codes.remove(i));
            }
            codes
                .iter_mut()
                .find_map(|c| take_from(&mut c.children, id))
        }
        take_from(&mut self.codes, id).ok_or_else(|| CodebookError::Unknown(id.to_string()))
    }

    /// Removes one code; its sub-codes move up to its parent (or the top level). Codings are the caller's.
    pub fn remove(&mut self, id: &str) -> Result<Code, CodebookError> {
        let parent = self.parent_of(id).map(str::to_string);
        let mut code = self.take(id)?;
        for child in std::mem::take(&mut code.children) {
            self.add(child, parent.as_deref())?;
        }
        Ok(code)
    }

    /// Moves a code (with its subtree) under a new parent (top level when None).
    pub fn move_to(&mut self, id: &str, parent: Option<&str>) -> Result<(), CodebookError> {
        self.get(id)
            .ok_or_else(|| CodebookError::Unknown(id.to_string()))?;
        if let Some(p) = parent {
            if self.descendants(id).iter().any(|d| d == p) {
                return Err(CodebookError::Cycle {
                    code: id.into(),
                    parent: p.into(),
                });
            }
            self.get(p)
                .ok_or_else(|| CodebookError::Unknown(p.to_string()))?;
        }
        let depth = parent.map_or(0, |p| self.level(p)) + self.get(id).map_or(1, Self::height);
        if depth > MAX_DEPTH {
            return Err(CodebookError::TooDeep {
                code: id.into(),
                depth,
            });
        }
        let name = self.get(id).map(|c| c.name.clone()).unwrap_or_default();
        self.check_name_free(parent, &name, id)?;
        let code = self.take(id)?;
        self.add(code, parent)
    }

    /// Removes `from`, moving its children under `into`. Codings must be re-pointed by the caller.
    pub fn merge(&mut self, from: &str, into: &str) -> Result<(), CodebookError> {
        if from == into || self.descendants(from).iter().any(|d| d == into) {
            return Err(CodebookError::Cycle {
                code: from.into(),
                parent: into.into(),
            });
        }
        self.get(into)
            .ok_or_else(|| CodebookError::Unknown(into.to_string()))?;
        let code = self.take(from)?;
        let target = self
            .get_mut(into)
            .ok_or_else(|| CodebookError::Unknown(into.to_string()))?;
        target.children.extend(code.children);
        Ok(())
    }

    /// A fresh id derived from a name, unique in this codebook.
    pub fn new_id(&self, name: &str) -> String {
        let base = match super::text::slugify(name) {
            s if s.is_empty() => "kod".to_string(),
            s => s,
        };
        let mut id = base.clone();
        let mut n = 2;
        while self.get(&id).is_some() {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }
}

pub fn check_id(id: &str) -> Result<(), CodebookError> {
    let ok = !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.');
    if ok {
        Ok(())
    } else {
        Err(CodebookError::Invalid {
            field: Field::Id,
            value: id.into(),
        })
    }
}

pub fn check_color(c: &str) -> Result<(), CodebookError> {
    let ok = c.len() == 7 && c.starts_with('#') && c[1..].bytes().all(|b| b.is_ascii_hexdigit());
    if ok {
        Ok(())
    } else {
        Err(CodebookError::Invalid {
            field: Field::Color,
            value: c.into(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn book() -> Codebook {
        let mut b = Codebook::default();
        b.add(Code::new("hinder", "Hinder"), None).unwrap();
        b.add(Code::new("resursbrist", "Resursbrist"), Some("hinder"))
            .unwrap();
        b.add(Code::new("framgang", "Framgångsfaktorer"), None)
            .unwrap();
        b
    }

    #[test]
    fn the_index_finds_what_get_finds() {
        let mut b = book();
        // a codebook read from a file may hold an id twice (`validate` reports it): the first in
        // preorder is the one found, by both
        let mut twice = Code::new("resursbrist", "Andra");
        twice.description = "the second".into();
        b.codes[1].children.push(twice);
        b.codes[1].children.push(Code::new("hinder", "Tredje"));
        let index = b.index();
        for id in ["hinder", "resursbrist", "framgang", "", "saknas", "Hinder"] {
            let (want, got) = (b.get(id), index.get(id));
            assert_eq!(
                want.map(|c| c as *const Code),
                got.map(|c| c as *const Code),
                "{id}"
            );
        }
        assert_eq!(index.get("resursbrist").unwrap().name, "Resursbrist");
    }

    #[test]
    fn nesting_is_limited_on_add_and_move() {
        let mut b = Codebook::default();
        let mut parent: Option<String> = None;
        for i in 0..MAX_DEPTH {
            let id = format!("c{i}");
            b.add(Code::new(&id, &id), parent.as_deref()).unwrap();
            parent = Some(id);
        }
        assert_eq!(b.depth(), MAX_DEPTH);
        let e = b
            .add(Code::new("deep", "deep"), parent.as_deref())
            .unwrap_err();
        assert!(matches!(e, CodebookError::TooDeep { depth, .. } if depth == MAX_DEPTH + 1));
        b.add(Code::new("x", "x"), None).unwrap();
        b.add(Code::new("y", "y"), Some("x")).unwrap();
        assert!(
            b.move_to("x", Some(&format!("c{}", MAX_DEPTH - 2)))
                .is_err()
        );
        assert!(b.move_to("y", Some(&format!("c{}", MAX_DEPTH - 2))).is_ok());
        assert!(b.validate().is_empty());
    }

    #[test]
    fn a_blank_name_is_refused_on_add_as_on_rename() {
        let mut b = book();
        for name in ["", "   "] {
            let e = b.add(Code::new("kod", name), None).unwrap_err();
            assert!(
                matches!(
                    e,
                    CodebookError::Invalid {
                        field: Field::Name,
                        ..
                    }
                ),
                "{e:?}"
            );
        }
        assert!(b.get("kod").is_none());
    }

    #[test]
    fn tree_queries() {
        let b = book();
        assert_eq!(b.path("resursbrist"), "Hinder › Resursbrist");
        assert_eq!(b.descendants("hinder"), vec!["hinder", "resursbrist"]);
        assert_eq!(b.theme_of("resursbrist").as_deref(), Some("hinder"));
        assert_eq!(b.resolve("framgångsfaktorer").unwrap().id, "framgang");
        assert!(b.resolve("nope").is_err());
    }

    #[test]
    fn edits_keep_ids() {
        let mut b = book();
        assert!(b.add(Code::new("hinder", "X"), None).is_err());
        b.rename("resursbrist", "Brist på resurser").unwrap();
        b.move_to("resursbrist", Some("framgang")).unwrap();
        assert_eq!(b.parent_of("resursbrist"), Some("framgang"));
        assert!(b.move_to("framgang", Some("resursbrist")).is_err());
        b.add(Code::new("sub", "Sub"), Some("resursbrist")).unwrap();
        b.remove("resursbrist").unwrap();
        assert_eq!(b.parent_of("sub"), Some("framgang"));
        b.merge("framgang", "hinder").unwrap();
        assert_eq!(b.parent_of("sub"), Some("hinder"));
        assert!(b.get("framgang").is_none());
        assert_eq!(b.new_id("Hinder"), "hinder-2");
    }

    #[test]
    fn sibling_names_are_unique_and_shared_names_are_ambiguous() {
        let mut b = book();
        let dup = b.add(Code::new("resursbrist-2", "resursbrist"), Some("hinder"));
        assert!(
            matches!(dup, Err(CodebookError::DuplicateName { .. })),
            "{dup:?}"
        );
        // The same name under another parent is allowed, and then the bare name is ambiguous.
        b.add(Code::new("resursbrist-3", "Resursbrist"), Some("framgang"))
            .unwrap();
        let err = b.resolve("Resursbrist").unwrap_err().to_string();
        assert!(err.contains("Hinder › Resursbrist (resursbrist)"), "{err}");
        assert!(
            err.contains("Framgångsfaktorer › Resursbrist (resursbrist-3)"),
            "{err}"
        );
        assert_eq!(b.resolve("hinder › resursbrist").unwrap().id, "resursbrist");
        assert!(b.rename("resursbrist-3", "Hinder").is_ok());
        assert!(b.rename("framgang", "hinder").is_err());
        assert!(b.move_to("resursbrist-3", Some("hinder")).is_ok());
        b.rename("resursbrist-3", "Resursbrist 2").unwrap();
        b.add(Code::new("x", "Resursbrist"), None).unwrap();
        assert!(b.move_to("x", Some("hinder")).is_err());
        assert_eq!(
            b.parent_of("x"),
            None,
            "a refused move leaves the code where it was"
        );
    }
}
