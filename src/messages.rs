//! Library errors in the user's language: each variant of the store's and the analysis' error types mapped to
//! a catalogue key with its fields as variables. The library keeps its English `Display` (logs, tests); the
//! command line's error printer and the workbench's status line use [`describe`].

use crate::analysis::AnalysisError;
use crate::analysis::pseudonyms::PseudonymError;
use crate::index::IndexError;
use crate::index::query::QueryError;
use crate::model::codebook::CodebookError;
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
    if let Some(c) = e.downcast_ref::<CodebookError>() {
        return codebook(c);
    }
    if let Some(p) = e.downcast_ref::<PseudonymError>() {
        return pseudonym(p);
    }
    if let Some(i) = e.downcast_ref::<IndexError>() {
        return index(i);
    }
    if let Some(io) = e.downcast_ref::<std::io::Error>() {
        return io_error(io);
    }
    e.to_string()
}

/// An operating-system error in the current language for the kinds a researcher meets (a missing file,
/// no permission, a full disk); the system's own text for the rest.
pub fn io_error(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let what = match e.kind() {
        K::NotFound => t!("io-not-found"),
        K::PermissionDenied => t!("io-permission-denied"),
        K::AlreadyExists => t!("io-already-exists"),
        K::StorageFull => t!("io-storage-full"),
        K::ReadOnlyFilesystem => t!("io-read-only"),
        K::IsADirectory => t!("io-is-a-directory"),
        K::NotADirectory => t!("io-not-a-directory"),
        K::InvalidData => t!("io-invalid-data"),
        _ => return e.to_string(),
    };
    match e.raw_os_error() {
        Some(code) => t!("io-with-code", what = what, code = code),
        None => what,
    }
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
            error = io_error(source)
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
        AnalysisError::TwoLayers => t!("error-two-layers"),
        AnalysisError::NoLayer(s) => t!("error-no-layer", input = s.as_str()),
        AnalysisError::OrderNotTranscript(d) => t!("error-order-not-transcript", name = d.as_str()),
        AnalysisError::QuotesRange(n) => t!("error-quotes-range", n = *n),
        AnalysisError::Template {
            name,
            line,
            message,
        } => t!(
            "error-template",
            name = name.as_str(),
            line = *line,
            message = message.as_str()
        ),
        AnalysisError::Pseudonym(p) => pseudonym(p),
    }
}

/// A codebook edit refused by the model, in the current language.
pub fn codebook(e: &CodebookError) -> String {
    match e {
        CodebookError::Unknown(k) => t!("error-code-unknown", code = k.as_str()),
        CodebookError::DuplicateId(id) => t!("error-code-duplicate-id", id = id.as_str()),
        CodebookError::Cycle { code, parent } => t!(
            "error-code-cycle",
            code = code.as_str(),
            parent = parent.as_str()
        ),
        // The field, value and expectation are the file format's own words.
        CodebookError::Invalid { .. } => e.to_string(),
        CodebookError::DuplicateShortcut { key, code } => t!(
            "error-code-duplicate-shortcut",
            key = key.as_str(),
            code = code.as_str()
        ),
        CodebookError::TooDeep { code, depth } => t!(
            "error-code-too-deep",
            code = code.as_str(),
            depth = *depth,
            max = crate::model::codebook::MAX_DEPTH
        ),
        CodebookError::DuplicateName { name, where_, path } => t!(
            "error-code-duplicate-name",
            name = name.as_str(),
            place = where_.as_str(),
            path = path.as_str()
        ),
        CodebookError::Ambiguous { key, paths } => t!(
            "error-code-ambiguous",
            key = key.as_str(),
            paths = paths.join("; ")
        ),
    }
}

fn pseudonym(e: &PseudonymError) -> String {
    match e {
        PseudonymError::Parse { .. } => e.to_string(),
        PseudonymError::Leak {
            real,
            map,
            map_line,
            line,
            column,
            context,
        } => t!(
            "error-pseudonym-leak",
            real = real.as_str(),
            map = map.display().to_string(),
            map_line = *map_line,
            line = *line,
            column = *column,
            context = context.as_str()
        ),
    }
}

/// A malformed query in the current language: "column 3: empty phrase".
/// An importer's refusal in the current language (the messages with data are worded where they arise).
pub fn import(e: &crate::store::import::ImportError) -> String {
    use crate::store::decode::DecodeError;
    use crate::store::import::ImportError as E;
    match e {
        E::Decode(DecodeError::Empty) => t!("import-empty"),
        E::Decode(DecodeError::Binary(kind)) => t!("import-binary", kind = *kind),
        E::At { line, message } => t!("import-at-line", line = *line, message = message.as_str()),
        E::Format(message) => message.clone(),
        E::Unsupported(ext) => t!("import-unsupported", ext = ext.as_str()),
    }
}

/// Why the search index was built anew, in the current language.
pub fn rebuild(r: &crate::index::build::Rebuild) -> String {
    use crate::index::build::Rebuild as R;
    match r {
        R::Missing => t!("index-rebuild-missing"),
        R::OtherVersion => t!("index-rebuild-other-version"),
        R::OldLayout => t!("index-rebuild-old-layout"),
        R::Damaged(detail) => t!("index-rebuild-damaged", detail = detail.as_str()),
        R::Unusable(detail) => t!("index-rebuild-unusable", detail = detail.as_str()),
        R::Checksum(files) => t!("index-rebuild-checksum", files = files.join(", ")),
        R::Incomplete { indexed, turns } => t!(
            "index-rebuild-incomplete",
            indexed = *indexed as f64,
            turns = *turns as f64
        ),
        R::SettingsChanged => t!("index-rebuild-settings"),
        R::ManyChanged {
            changed,
            transcripts,
        } => t!(
            "index-rebuild-many",
            changed = *changed,
            transcripts = *transcripts
        ),
    }
}

pub fn query(e: &QueryError) -> String {
    let message = e
        .key
        .map_or_else(|| e.message.clone(), |k| crate::i18n::tr(k, &[]));
    t!("query-error", col = e.start + 1, message = message)
}

/// [`query`] with the query and a caret line under the problem, after "bad query, ".
pub fn bad_query(e: &QueryError, q: &str) -> String {
    t!("query-bad", error = e.render_as(q, &query(e)))
}

fn index(e: &IndexError) -> String {
    match e {
        IndexError::Store(s) => store(s),
        IndexError::Query(q) => query(q),
        IndexError::Tantivy { .. } => e.to_string(),
        IndexError::Corrupt(path) => t!("error-index-corrupt", path = path.display().to_string()),
        IndexError::Damaged { path, reason } => t!(
            "error-index-damaged",
            path = path.display().to_string(),
            reason = reason.as_str()
        ),
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

    #[test]
    fn codebook_and_analysis_refusals_read_the_same_in_english_and_are_swedish_in_swedish() {
        let errors: Vec<Box<dyn std::error::Error>> = vec![
            Box::new(CodebookError::Cycle {
                code: "a".into(),
                parent: "b".into(),
            }),
            Box::new(CodebookError::TooDeep {
                code: "a".into(),
                depth: 9,
            }),
            Box::new(AnalysisError::NoLayer(" ,".into())),
            Box::new(AnalysisError::QuotesRange(4)),
            Box::new(IndexError::Corrupt("x/index".into())),
        ];
        for e in &errors {
            assert_eq!(with_lang(Lang::En, || describe(e.as_ref())), e.to_string());
            let sv = with_lang(Lang::Sv, || describe(e.as_ref()));
            assert_ne!(sv, e.to_string(), "{sv}");
        }
        let sv = with_lang(Lang::Sv, || describe(&CodebookError::Unknown("x".into())));
        assert_eq!(sv, "ingen kod med id eller namn \"x\"");
    }

    #[test]
    fn query_errors_are_worded_from_their_key_and_every_key_is_in_the_catalogues() {
        let e = crate::index::query::parse("\"ledning").unwrap_err();
        assert_eq!(with_lang(Lang::En, || query(&e)), e.to_string());
        let sv = with_lang(Lang::Sv, || bad_query(&e, "\"ledning"));
        assert!(
            sv.starts_with("felaktig sökfråga, kolumn 1: citattecknet avslutas aldrig\n"),
            "{sv}"
        );
        let src = include_str!("index/query.rs");
        for key in src
            .split("keyed(\"")
            .skip(1)
            .filter_map(|r| r.split('"').next())
        {
            for lang in Lang::ALL {
                assert!(crate::i18n::has_key(lang, key), "{key} missing in {lang:?}");
            }
        }
    }
}
