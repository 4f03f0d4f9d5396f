//! The CLI's one filter syntax (`key:value` or `key=value`, values compared case-insensitively) and the
//! checks that make an unknown case, transcript, coder or attribute an error in every command.

use crate::model::Transcript;
use crate::store::Project;
use crate::t;
use anyhow::bail;

pub use crate::model::filter::same_value;
use crate::model::filter::{GROUP_KEY, split_kv};

/// Parses `key:value` or `key=value` (split at the first `:` or `=`, as the search query does).
pub fn parse_kv(s: &str) -> Result<(String, String), String> {
    match split_kv(s) {
        Some((k, v)) => Ok((k.to_string(), v.to_string())),
        None => Err(t!("filter-syntax", found = format!("{s:?}"))),
    }
}

/// `key`'s value for transcript `t`: its case's attribute in cases.csv, else its header field;
/// `group` names the codebook's group attribute unless an attribute has that name.
pub fn value_of<'a>(p: &'a Project, t: &'a Transcript, key: &str) -> Option<&'a str> {
    if p.cases.columns.iter().any(|c| c == key) {
        let v = p.cases.attr(t.case(), key);
        if !v.is_empty() {
            return Some(v);
        }
    }
    t.header.get(key).or_else(|| {
        let group = &p.codebook.settings.group_attribute;
        (key == GROUP_KEY && group != GROUP_KEY).then(|| value_of(p, t, group))?
    })
}

/// Whether transcript `t` passes every `key:value` filter.
pub fn matches_all(p: &Project, t: &Transcript, filters: &[(String, String)]) -> bool {
    filters
        .iter()
        .all(|(k, v)| value_of(p, t, k).is_some_and(|x| same_value(x, v)))
}

/// Every attribute key a filter can use: cases.csv's columns and the transcripts' header fields.
fn known_keys(p: &Project) -> Vec<String> {
    let mut keys = p.cases.columns.clone();
    for t in p.transcripts.values() {
        for (k, _) in &t.header.fields {
            if !keys.contains(k) {
                keys.push(k.clone());
            }
        }
    }
    keys
}

/// Refuses a filter whose key no case or transcript has, or whose value none has.
pub fn check_filters(p: &Project, filters: &[(String, String)]) -> anyhow::Result<()> {
    for (k, v) in filters {
        let keys = known_keys(p);
        if !keys.contains(k) && k != GROUP_KEY {
            bail!(t!(
                "unknown-attribute",
                attr = k.as_str(),
                known = keys.join(", ")
            ));
        }
        let mut values: Vec<&str> = Vec::new();
        for t in p.transcripts.values() {
            if let Some(x) = value_of(p, t, k).filter(|x| !values.contains(x)) {
                values.push(x);
            }
        }
        if !values.iter().any(|x| same_value(x, v)) {
            let known = values.join(", ");
            bail!(t!(
                "unknown-value",
                attr = k.as_str(),
                value = v.as_str(),
                known = known
            ));
        }
    }
    Ok(())
}

/// Refuses a case no transcript or cases.csv row has.
pub fn check_case(p: &Project, case: &str) -> anyhow::Result<()> {
    let known = p.cases.get(case).is_some() || p.transcripts.values().any(|t| t.case() == case);
    if !known {
        let mut names: Vec<&str> = p.cases.cases.iter().map(|c| c.name.as_str()).collect();
        for t in p.transcripts.values() {
            if !names.contains(&t.case()) {
                names.push(t.case());
            }
        }
        bail!(t!("unknown-case", case = case, known = names.join(", ")));
    }
    Ok(())
}

/// Refuses a transcript id the project does not have.
pub fn check_doc(p: &Project, doc: &str) -> anyhow::Result<()> {
    if !p.transcripts.contains_key(doc) {
        let ids: Vec<&str> = p.transcripts.keys().map(String::as_str).collect();
        bail!(t!("unknown-doc", doc = doc, known = ids.join(", ")));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_separators_split_at_the_first() {
        assert_eq!(parse_kv("grupp=låg"), Ok(("grupp".into(), "låg".into())));
        assert!(parse_kv("låg").is_err());
    }
}
