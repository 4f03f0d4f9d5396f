//! The one filter syntax of the CLI, the search query language and the workbench: `key:value`, with
//! `key=value` meaning the same, and attribute values that compare case-insensitively.

/// The key the codebook's group attribute can always be named by (`group=hög`), besides its own name.
pub const GROUP_KEY: &str = "group";

/// Splits `key:value` or `key=value` at the first `:` or `=` (so `tid=10:30` is `tid`, `10:30`),
/// both sides trimmed; None without a separator or a key.
pub fn split_kv(s: &str) -> Option<(&str, &str)> {
    let (k, v) = s.split_once([':', '='])?;
    let k = k.trim();
    (!k.is_empty()).then_some((k, v.trim()))
}

/// Whether two attribute values are the same, case aside (`Låg` and `låg`).
pub fn same_value(a: &str, b: &str) -> bool {
    a == b || a.to_lowercase() == b.to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_separators_split_at_the_first() {
        assert_eq!(split_kv("grupp:låg"), Some(("grupp", "låg")));
        assert_eq!(split_kv("group=HÖG"), Some(("group", "HÖG")));
        assert_eq!(split_kv("tid=10:30"), Some(("tid", "10:30")));
        assert_eq!(split_kv("url:http://x"), Some(("url", "http://x")));
        assert_eq!(
            split_kv(" roll : kommunchef "),
            Some(("roll", "kommunchef"))
        );
        assert_eq!(split_kv("låg"), None);
        assert_eq!(split_kv(":låg"), None);
    }

    #[test]
    fn values_compare_without_case() {
        assert!(same_value("Låg", "låg"));
        assert!(same_value("HÖG", "hög"));
        assert!(!same_value("hög", "låg"));
    }
}
