//! Variables: the REFI type inferred from the values, and one `VariableValue` element.

use super::W;
use crate::model::Transcript;
use crate::store::refi::guid_for;
use crate::store::refi::xml::{empty_element, text_element};
use std::io;

/// A variable: name, REFI type, and the values seen.
pub struct Variable {
    pub name: String,
    pub kind: &'static str,
}

/// The REFI type that fits every non-empty value.
pub fn infer_type<'a>(values: impl Iterator<Item = &'a str>) -> &'static str {
    let vals: Vec<&str> = values.filter(|v| !v.is_empty()).collect();
    if vals.is_empty() {
        return "Text";
    }
    let int = |v: &str| {
        let d = v.strip_prefix('-').unwrap_or(v);
        !d.is_empty() && d.len() < 19 && d.bytes().all(|b| b.is_ascii_digit())
    };
    let float = |v: &str| match v.split_once('.') {
        Some((a, b)) => {
            (a.is_empty() || a == "-" || int(a)) && !b.is_empty() && int(b) && !b.starts_with('-')
        }
        None => int(v),
    };
    if vals.iter().all(|v| int(v)) {
        "Integer"
    } else if vals.iter().all(|v| float(v)) {
        "Float"
    } else if vals.iter().all(|v| *v == "true" || *v == "false") {
        "Boolean"
    } else {
        "Text"
    }
}

pub(super) fn value_element(kind: &str) -> &'static str {
    match kind {
        "Integer" => "IntegerValue",
        "Float" => "FloatValue",
        "Boolean" => "BooleanValue",
        _ => "TextValue",
    }
}

/// Header fields that travel as source variables (id and case have their own places).
pub fn source_fields(t: &Transcript) -> impl Iterator<Item = &(String, String)> {
    t.header
        .fields
        .iter()
        .filter(|(k, _)| k != "id" && k != "case")
}

pub(super) fn variable_value(w: &mut W, v: &Variable, val: &str) -> io::Result<()> {
    if val.is_empty() {
        return Ok(());
    }
    let g = guid_for("variable", &v.name);
    w.create_element("VariableValue").write_inner_content(|w| {
        empty_element(w, "VariableRef", &[("targetGUID", &g)])?;
        text_element(w, value_element(v.kind), &[], val)
    })?;
    Ok(())
}
