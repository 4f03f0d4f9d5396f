//! Writing `project.qde` and `.qdc` from a project: users, the code tree, variables, cases, sources with
//! one selection per coding, and memos as notes.

use super::xml::{self, PROJECT_NS, empty_element, text_element};
use super::{code_guid, coding_guid, guid_for};
use crate::model::{CoderFile, Coding};
use crate::store::Project;
use quick_xml::Writer;
use std::collections::HashMap;
use std::io;

mod codebook;
mod variables;
use codebook::codes;
pub use codebook::{EXCLUSION, INCLUSION, code_description, qdc};
use variables::variable_value;
pub use variables::{Variable, infer_type, source_fields};

type W = Writer<Vec<u8>>;

/// What one export carries: the coders included and memos gathered for notes.
pub struct ExportPlan<'a> {
    pub project: &'a Project,
    pub coders: Vec<&'a CoderFile>,
    pub origin: String,
    pub name: String,
    code_guids: HashMap<String, String>,
}

/// A memo that becomes a `<Note>`.
struct Note {
    guid: String,
    name: String,
    user: String,
    when: String,
    text: String,
}

fn user_guid(coder: &str) -> String {
    guid_for("user", coder)
}

impl<'a> ExportPlan<'a> {
    pub fn new(project: &'a Project, coders: Vec<&'a CoderFile>, origin: &str) -> Self {
        let code_guids = project
            .codebook
            .flatten()
            .iter()
            .map(|f| (f.code.id.clone(), code_guid(f.code)))
            .collect();
        let name = project
            .root
            .canonicalize()
            .ok()
            .and_then(|r| r.file_name().map(|n| n.to_string_lossy().into_owned()))
            .unwrap_or_else(|| "kodbok".into());
        ExportPlan {
            project,
            coders,
            origin: origin.to_string(),
            name,
            code_guids,
        }
    }

    /// Every variable: the case columns, then header fields, each with its inferred type.
    pub fn variables(&self) -> Vec<Variable> {
        let p = self.project;
        let mut names: Vec<String> = p.cases.columns.clone();
        for t in p.transcripts.values() {
            for (k, _) in source_fields(t) {
                if !names.contains(k) {
                    names.push(k.clone());
                }
            }
        }
        names
            .into_iter()
            .map(|name| {
                let case_vals = p.cases.cases.iter().filter_map(|c| c.attrs.get(&name));
                let doc_vals = p
                    .transcripts
                    .values()
                    .filter_map(|t| t.header.get(&name).map(str::to_string))
                    .collect::<Vec<_>>();
                let all = case_vals
                    .map(String::as_str)
                    .chain(doc_vals.iter().map(String::as_str));
                Variable {
                    kind: infer_type(all),
                    name,
                }
            })
            .collect()
    }

    fn notes(&self) -> Vec<(String, Note)> {
        let mut out = Vec::new();
        for f in &self.coders {
            let user = user_guid(&f.coder);
            for c in f.codings.iter().filter(|c| self.exported(c)) {
                if let Some(m) = c.memo.as_deref().filter(|m| !m.is_empty()) {
                    out.push((
                        format!("coding:{}", c.id),
                        Note {
                            guid: guid_for("memo-coding", &c.id),
                            name: format!("Memo on a coding in {}", c.doc),
                            user: user.clone(),
                            when: c.modified.to_rfc3339(),
                            text: m.to_string(),
                        },
                    ));
                }
            }
            let docs = &self.project.transcripts;
            for (doc, m) in f.doc_memos.iter().filter(|(d, _)| docs.contains_key(*d)) {
                let key = format!("{}:{doc}", f.coder);
                out.push((
                    format!("doc:{doc}"),
                    Note {
                        guid: guid_for("memo-doc", &key),
                        name: format!("Memo on {doc} by {}", f.coder),
                        user: user.clone(),
                        when: m.modified.to_rfc3339(),
                        text: m.text.clone(),
                    },
                ));
            }
            let book = &self.project.codebook;
            for (code, m) in f.code_memos.iter().filter(|(c, _)| book.get(c).is_some()) {
                let key = format!("{}:{code}", f.coder);
                out.push((
                    format!("code:{code}"),
                    Note {
                        guid: guid_for("memo-code", &key),
                        name: format!("Memo on code {code} by {}", f.coder),
                        user: user.clone(),
                        when: m.modified.to_rfc3339(),
                        text: m.text.clone(),
                    },
                ));
            }
        }
        out
    }

    /// A coding goes out when its transcript and code exist and its span lies inside the text.
    pub fn exported(&self, c: &Coding) -> bool {
        self.project.coding_problem(c).is_none()
    }

    /// The whole `project.qde`.
    pub fn qde(&self) -> io::Result<Vec<u8>> {
        let notes = self.notes();
        // The notes on each thing, looked up once per thing (a scan of every note per coding was
        // quadratic in a study with many memos).
        let mut by_key: HashMap<&str, Vec<&str>> = HashMap::new();
        for (k, n) in &notes {
            by_key.entry(k.as_str()).or_default().push(n.guid.as_str());
        }
        let refs = |key: &str| -> Vec<String> {
            by_key
                .get(key)
                .map(|gs| gs.iter().map(|g| g.to_string()).collect())
                .unwrap_or_default()
        };
        let vars = self.variables();
        let mut w = xml::writer()?;
        let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        w.create_element("Project")
            .with_attributes([
                ("xmlns", PROJECT_NS),
                ("name", self.name.as_str()),
                ("origin", self.origin.as_str()),
                ("creationDateTime", now.as_str()),
            ])
            .write_inner_content(|w| {
                self.users(w)?;
                if !self.project.codebook.codes.is_empty() {
                    w.create_element("CodeBook").write_inner_content(|w| {
                        w.create_element("Codes").write_inner_content(|w| {
                            codes(
                                w,
                                &self.project.codebook.codes,
                                &|id| refs(&format!("code:{id}")),
                                true,
                            )
                        })?;
                        Ok(())
                    })?;
                }
                self.write_variables(w, &vars)?;
                self.cases(w, &vars)?;
                self.sources(w, &vars, &refs)?;
                if !notes.is_empty() {
                    w.create_element("Notes").write_inner_content(|w| {
                        for (_, n) in &notes {
                            note(w, n)?;
                        }
                        Ok(())
                    })?;
                }
                Ok(())
            })?;
        Ok(w.into_inner())
    }

    fn users(&self, w: &mut W) -> io::Result<()> {
        if self.coders.is_empty() {
            return Ok(());
        }
        w.create_element("Users").write_inner_content(|w| {
            for f in &self.coders {
                let g = user_guid(&f.coder);
                empty_element(w, "User", &[("guid", &g), ("name", &f.coder)])?;
            }
            Ok(())
        })?;
        Ok(())
    }

    fn write_variables(&self, w: &mut W, vars: &[Variable]) -> io::Result<()> {
        if vars.is_empty() {
            return Ok(());
        }
        w.create_element("Variables").write_inner_content(|w| {
            for v in vars {
                let g = guid_for("variable", &v.name);
                empty_element(
                    w,
                    "Variable",
                    &[("guid", &g), ("name", &v.name), ("typeOfVariable", v.kind)],
                )?;
            }
            Ok(())
        })?;
        Ok(())
    }

    /// Case names: those in cases.csv, then any named only in a transcript header.
    pub fn case_names(&self) -> Vec<String> {
        let p = self.project;
        let mut names: Vec<String> = p.cases.cases.iter().map(|c| c.name.clone()).collect();
        for t in p.transcripts.values() {
            if !t.case().is_empty() && !names.iter().any(|n| n == t.case()) {
                names.push(t.case().to_string());
            }
        }
        names
    }

    fn cases(&self, w: &mut W, vars: &[Variable]) -> io::Result<()> {
        let names = self.case_names();
        if names.is_empty() {
            return Ok(());
        }
        let p = self.project;
        w.create_element("Cases").write_inner_content(|w| {
            for name in &names {
                let g = guid_for("case", name);
                w.create_element("Case")
                    .with_attributes([("guid", g.as_str()), ("name", name.as_str())])
                    .write_inner_content(|w| {
                        for v in vars {
                            let val = p.cases.attr(name, &v.name);
                            variable_value(w, v, val)?;
                        }
                        for t in p.transcripts.values().filter(|t| t.case() == name) {
                            let sg = guid_for("source", &t.id);
                            empty_element(w, "SourceRef", &[("targetGUID", &sg)])?;
                        }
                        Ok(())
                    })?;
            }
            Ok(())
        })?;
        Ok(())
    }

    fn sources(
        &self,
        w: &mut W,
        vars: &[Variable],
        refs: &dyn Fn(&str) -> Vec<String>,
    ) -> io::Result<()> {
        let p = self.project;
        if p.transcripts.is_empty() {
            return Ok(());
        }
        w.create_element("Sources").write_inner_content(|w| {
            for t in p.transcripts.values() {
                let g = guid_for("source", &t.id);
                let path = format!("internal://{g}.txt");
                w.create_element("TextSource")
                    .with_attributes([
                        ("guid", g.as_str()),
                        ("name", t.id.as_str()),
                        ("plainTextPath", path.as_str()),
                    ])
                    .write_inner_content(|w| {
                        for f in &self.coders {
                            for c in f.for_doc(&t.id).filter(|c| self.exported(c)) {
                                let code =
                                    self.code_guids.get(&c.code).cloned().unwrap_or_default();
                                let notes = refs(&format!("coding:{}", c.id));
                                selection(w, &f.coder, c, &code, &notes)?;
                            }
                        }
                        for r in refs(&format!("doc:{}", t.id)) {
                            empty_element(w, "NoteRef", &[("targetGUID", &r)])?;
                        }
                        for v in vars {
                            if let Some(val) = t
                                .header
                                .get(&v.name)
                                .filter(|_| source_fields(t).any(|(k, _)| *k == v.name))
                            {
                                variable_value(w, v, val)?;
                            }
                        }
                        Ok(())
                    })?;
            }
            Ok(())
        })?;
        Ok(())
    }
}

fn selection(w: &mut W, coder: &str, c: &Coding, code: &str, notes: &[String]) -> io::Result<()> {
    let user = user_guid(coder);
    let sel = guid_for("selection", &c.id);
    let (start, end) = (c.start.to_string(), c.end.to_string());
    let created = c.created.to_rfc3339();
    let modified = c.modified.to_rfc3339();
    let cg = coding_guid(&c.id);
    w.create_element("PlainTextSelection")
        .with_attributes([
            ("guid", sel.as_str()),
            ("startPosition", start.as_str()),
            ("endPosition", end.as_str()),
            ("creatingUser", user.as_str()),
            ("creationDateTime", created.as_str()),
            ("modifyingUser", user.as_str()),
            ("modifiedDateTime", modified.as_str()),
        ])
        .write_inner_content(|w| {
            w.create_element("Coding")
                .with_attributes([
                    ("guid", cg.as_str()),
                    ("creatingUser", user.as_str()),
                    ("creationDateTime", created.as_str()),
                ])
                .write_inner_content(|w| {
                    empty_element(w, "CodeRef", &[("targetGUID", code)])?;
                    for n in notes {
                        empty_element(w, "NoteRef", &[("targetGUID", n)])?;
                    }
                    Ok(())
                })?;
            Ok(())
        })?;
    Ok(())
}

fn note(w: &mut W, n: &Note) -> io::Result<()> {
    w.create_element("Note")
        .with_attributes([
            ("guid", n.guid.as_str()),
            ("name", n.name.as_str()),
            ("creatingUser", n.user.as_str()),
            ("creationDateTime", n.when.as_str()),
        ])
        .write_inner_content(|w| text_element(w, "PlainTextContent", &[], &n.text))?;
    Ok(())
}
