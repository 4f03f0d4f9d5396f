//! Cases (municipalities) and their attributes, as read from `transcripts/cases.csv`.

use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Case {
    pub name: String,
    /// Attribute values by column name, the `case` column excluded.
    pub attrs: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cases {
    /// Attribute columns in file order, the `case` column excluded.
    pub columns: Vec<String>,
    pub cases: Vec<Case>,
}

impl Cases {
    pub fn get(&self, name: &str) -> Option<&Case> {
        self.cases.iter().find(|c| c.name == name)
    }

    /// The value of `attr` for a case, empty when unknown.
    pub fn attr(&self, case: &str, attr: &str) -> &str {
        self.get(case)
            .and_then(|c| c.attrs.get(attr))
            .map_or("", String::as_str)
    }

    /// Distinct values of an attribute in first-seen order.
    pub fn values(&self, attr: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for c in &self.cases {
            if let Some(v) = c.attrs.get(attr)
                && !out.contains(v)
            {
                out.push(v.clone());
            }
        }
        out
    }
}
