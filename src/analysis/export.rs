//! Every coded segment of a layer as a flat record, with its case's attributes, for R, Excel or a script.

use super::{Layer, LayerData, Result};
use crate::store::Project;
use serde_json::{Map, Value, json};

/// Fixed fields of a segment record, in output order; case attributes come after `case`.
pub const FIELDS: [&str; 13] = [
    "id",
    "doc",
    "case",
    "role",
    "speaker",
    "turn",
    "code",
    "code_path",
    "coder",
    "memo",
    "quote",
    "start",
    "end",
];

/// The field names of a segment record in this project, in output order.
pub fn columns(p: &Project) -> Vec<String> {
    let mut out: Vec<String> = FIELDS[..3].iter().map(|s| s.to_string()).collect();
    out.extend(p.cases.columns.iter().map(|c| attr_key(c)));
    out.extend(FIELDS[3..].iter().map(|s| s.to_string()));
    out.push("layer".into());
    out
}

/// A case attribute's field name: the column name, or `case_<name>` when that would clash with a fixed field.
fn attr_key(col: &str) -> String {
    if FIELDS.contains(&col) || col == "layer" {
        format!("case_{col}")
    } else {
        col.to_string()
    }
}

/// One JSON object per coding of the layer, ordered by transcript, position, code and coder.
///
/// Fields: `id`, `doc`, `case`, one field per cases.csv column (named like the column; `case_<name>` when
/// that would clash with a fixed field), `role` (the transcript header), `speaker`, `turn` (1-based),
/// `code` (id), `code_path`, `coder`, `memo`, `quote`, `start`, `end` (char offsets, end exclusive), `layer`.
pub fn segments(p: &Project, layer: &Layer) -> Result<(Vec<Value>, Vec<String>)> {
    let data = LayerData::load(p, layer)?;
    let mut codings = data.codings.clone();
    codings.sort_by(|a, b| {
        (
            a.coding.doc.as_str(),
            a.coding.start,
            a.coding.end,
            a.coding.code.as_str(),
            a.coder,
        )
            .cmp(&(
                b.coding.doc.as_str(),
                b.coding.start,
                b.coding.end,
                b.coding.code.as_str(),
                b.coder,
            ))
    });
    let rows = codings
        .iter()
        .map(|lc| {
            let (c, t) = (lc.coding, lc.doc);
            let turn = t.turn_at(c.start);
            let mut m = Map::new();
            m.insert("id".into(), json!(c.id));
            m.insert("doc".into(), json!(c.doc));
            m.insert("case".into(), json!(t.case()));
            for col in &p.cases.columns {
                m.insert(attr_key(col), json!(p.cases.attr(t.case(), col)));
            }
            m.insert("role".into(), json!(t.role()));
            m.insert(
                "speaker".into(),
                json!(turn.map_or("", |i| t.turns[i].speaker.as_str())),
            );
            m.insert("turn".into(), json!(turn.map(|i| i + 1)));
            m.insert("code".into(), json!(c.code));
            m.insert("code_path".into(), json!(p.codebook.path(&c.code)));
            m.insert("coder".into(), json!(lc.coder));
            m.insert("memo".into(), json!(c.memo));
            m.insert("quote".into(), json!(c.quote));
            m.insert("start".into(), json!(c.start));
            m.insert("end".into(), json!(c.end));
            m.insert("layer".into(), json!(layer.id()));
            Value::Object(m)
        })
        .collect();
    Ok((rows, data.skipped))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tests_support::tiny_project;

    #[test]
    fn records_carry_case_attributes_and_turns() {
        let (_dir, p) = tiny_project();
        let (rows, skipped) = segments(&p, &Layer::AllCoders).unwrap();
        assert!(skipped.is_empty());
        assert_eq!(rows.len(), 7);
        let first = &rows[0];
        assert_eq!(first["doc"], "d1");
        assert_eq!(first["grupp"], "hög");
        assert_eq!(first["role"], "chef");
        assert_eq!(first["turn"], 1);
        assert_eq!(first["speaker"], "Respondent");
        assert_eq!(first["code_path"], "Tema T › Kod A");
        let keys: Vec<&String> = first.as_object().unwrap().keys().collect();
        assert_eq!(keys[..4], ["id", "doc", "case", "grupp"]);
        assert_eq!(keys, columns(&p).iter().collect::<Vec<_>>());
        let (only_y, _) = segments(&p, &Layer::Coder("y".into())).unwrap();
        assert_eq!(only_y.len(), 3);
        assert!(
            only_y
                .iter()
                .all(|r| r["coder"] == "y" && r["layer"] == "coder:y")
        );
    }
}
