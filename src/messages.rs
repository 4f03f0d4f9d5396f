//! Library errors in the user's language: each variant of the store's and the analysis' error types mapped to
//! a catalogue key with its fields as variables. The library keeps its English `Display` (logs, tests); the
//! command line's error printer and the workbench's status line use [`describe`].

use crate::analysis::AnalysisError;
use crate::analysis::pseudonyms::{MapProblem, PseudonymError};
use crate::index::IndexError;
use crate::index::query::QueryError;
use crate::model::codebook::CodebookError;
use crate::store::StoreError;
use crate::t;

mod agreement;
mod merge;
mod problems;
pub use agreement::agreement;
pub use merge::conflict;
#[cfg(test)]
pub(crate) use problems::binary_kind as problems_binary_kind;
pub use problems::{coding_problem, decode, file_problem, file_problems, header, problem, refusal};

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
    if let Some(a) = e.downcast_ref::<crate::agreement::AgreementError>() {
        return agreement(a);
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
            holder = match holder.as_str() {
                // what `Lock` says when the holder left no line in the lock file
                "another kodbok process" => t!("lock-another-process"),
                h => h.to_string(),
            }
        ),
        StoreError::Problems(ps) => file_problems(ps),
        StoreError::Refusal(r) => refusal(r),
        // Refusals are worded where they arise.
        StoreError::Refused { .. } => e.to_string(),
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
            fault,
            kind,
            detail,
        } => t!(
            "error-template",
            name = name.as_str(),
            line = *line,
            fault = fault.id(),
            kind = kind.as_str(),
            detail = detail.as_str()
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
        CodebookError::Invalid { field, value } => t!(
            "error-code-invalid",
            field = field.name(),
            value = format!("{value:?}")
        ),
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
        PseudonymError::Parse {
            path,
            line,
            problem,
        } => t!(
            "error-pseudonym-map",
            path = path.display().to_string(),
            line = *line,
            problem = map_problem(problem)
        ),
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

fn map_problem(p: &MapProblem) -> String {
    match p {
        MapProblem::Unreadable { detail } => t!("problem-map-unreadable", detail = detail.as_str()),
        MapProblem::Decode(d) => decode(d),
        MapProblem::Csv { detail } => t!("problem-csv", detail = detail.as_str()),
        MapProblem::NoColumns { found } => t!(
            "problem-map-no-columns",
            found = found
                .iter()
                .map(|f| format!("{f:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        MapProblem::NoReal => t!("problem-map-no-real"),
        MapProblem::NoPseudonym { real } => {
            t!("problem-map-no-pseudonym", real = format!("{real:?}"))
        }
        MapProblem::MappedTwice { real, first } => t!(
            "problem-map-twice",
            real = format!("{real:?}"),
            first = *first
        ),
    }
}

/// An importer's refusal in the current language (the messages with data are worded where they arise).
pub fn import(e: &crate::store::import::ImportError) -> String {
    use crate::store::import::ImportError as E;
    match e {
        E::Decode(d) => decode(d),
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

/// A malformed query in the current language: "column 3: empty phrase".
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
        let unknown = StoreError::Locked {
            path: "codebook.json".into(),
            holder: "another kodbok process".into(),
        };
        assert_eq!(
            with_lang(Lang::En, || describe(&unknown)),
            unknown.to_string()
        );
        let sv = with_lang(Lang::Sv, || describe(&unknown));
        assert!(sv.contains("är låst av en annan kodbok-process"), "{sv}");
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
    fn refused_codebook_values_map_entries_and_templates_keep_their_place_in_both_languages() {
        use crate::analysis::TemplateFault;
        use crate::model::codebook::Field;
        let mut errors: Vec<Box<dyn std::error::Error>> = Vec::new();
        for field in [Field::Id, Field::Name, Field::Color, Field::Shortcut] {
            errors.push(Box::new(CodebookError::Invalid {
                field,
                value: "x y".into(),
            }));
        }
        for problem in [
            MapProblem::Unreadable {
                detail: "Permission denied".into(),
            },
            MapProblem::NoColumns {
                found: vec!["namn".into()],
            },
            MapProblem::NoReal,
            MapProblem::NoPseudonym {
                real: "Anna".into(),
            },
            MapProblem::MappedTwice {
                real: "Anna".into(),
                first: 2,
            },
        ] {
            errors.push(Box::new(PseudonymError::Parse {
                path: "transcripts/pseudonyms.csv".into(),
                line: 4,
                problem,
            }));
        }
        errors.push(Box::new(AnalysisError::Template {
            name: "rapport.md".into(),
            line: 3,
            fault: TemplateFault::Syntax,
            kind: "syntax error".into(),
            detail: ": unexpected end of input".into(),
        }));
        for e in &errors {
            assert_eq!(with_lang(Lang::En, || describe(e.as_ref())), e.to_string());
            let sv = with_lang(Lang::Sv, || describe(e.as_ref()));
            assert_ne!(sv, e.to_string(), "{sv}");
            for w in sv.split(|c: char| !c.is_alphabetic()) {
                assert!(
                    !["expected", "invalid", "found"].contains(&w),
                    "{w} in {sv}"
                );
            }
        }
        let sv = |i: usize| with_lang(Lang::Sv, || describe(errors[i].as_ref()));
        assert_eq!(sv(2), "ogiltig färg \"x y\": en färg skrivs #RRGGBB");
        assert_eq!(
            sv(7),
            "transcripts/pseudonyms.csv:4: en pseudonym behövs för \"Anna\""
        );
        assert_eq!(
            sv(9),
            "mallen rapport.md, rad 3: syntaxfel: unexpected end of input"
        );
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
