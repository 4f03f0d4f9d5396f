//! Library errors in the user's language: each variant of the store's and the analysis' error types mapped to
//! a catalogue key with its fields as variables. The library keeps its English `Display` (logs, tests); the
//! command line's error printer and the workbench's status line use [`describe`].

use crate::analysis::AnalysisError;
use crate::store::StoreError;
use crate::t;

/// `e` in the current language when it is one of the library's errors that has its own wording, else its
/// `Display` text.
pub fn describe(e: &(dyn std::error::Error + 'static)) -> String {
    if let Some(s) = e.downcast_ref::<StoreError>() {
        return store(s);
    }
    if let Some(a) = e.downcast_ref::<AnalysisError>() {
        return analysis(a);
    }
    e.to_string()
}

fn or_none(v: &[String]) -> String {
    if v.is_empty() {
        t!("error-none")
    } else {
        v.join(", ")
    }
}

fn store(e: &StoreError) -> String {
    match e {
        StoreError::Io { path, source } => t!(
            "error-io",
            path = path.display().to_string(),
            error = source.to_string()
        ),
        StoreError::Locked { path, holder } => t!(
            "error-locked",
            path = path.display().to_string(),
            holder = holder.as_str()
        ),
        // Problems name a file and line and quote its content; refusals are worded where they arise.
        StoreError::Problems(_) | StoreError::Refused { .. } => e.to_string(),
    }
}

fn analysis(e: &AnalysisError) -> String {
    match e {
        AnalysisError::UnknownCoder { name, known } => t!(
            "error-unknown-coder",
            name = name.as_str(),
            known = or_none(known)
        ),
        AnalysisError::NoConsensus { path } => {
            t!("error-no-consensus", path = path.display().to_string())
        }
        AnalysisError::UnknownAttribute { attr, available } => t!(
            "error-unknown-attribute",
            attr = attr.as_str(),
            known = or_none(available)
        ),
        AnalysisError::Store(s) => store(s),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, with_lang};

    #[test]
    fn library_errors_are_worded_in_the_current_language() {
        let e = StoreError::Locked {
            path: "codings/anna.json".into(),
            holder: "anna@host".into(),
        };
        let sv = with_lang(Lang::Sv, || describe(&e));
        assert!(sv.contains("är låst av anna@host"), "{sv}");
        let en = with_lang(Lang::En, || describe(&e));
        assert_eq!(en, e.to_string());
        let a = AnalysisError::UnknownCoder {
            name: "x".into(),
            known: vec!["anna".into()],
        };
        let sv = with_lang(Lang::Sv, || describe(&a));
        assert_eq!(
            sv,
            "ingen kodare \"x\" i det här projektet; kodare med en fil i codings/: anna"
        );
        let en = with_lang(Lang::En, || describe(&a));
        assert_eq!(en, a.to_string());
    }
}
