//! Library errors in the user's language: each variant of the store's and the analysis' error types mapped to
//! a catalogue key with its fields as variables. The library keeps its English `Display` (logs, tests); the
//! command line's error printer and the workbench's status line use [`describe`].

use crate::analysis::AnalysisError;
use crate::analysis::pseudonyms::{MapProblem, PseudonymError};
use crate::index::query::{QueryError, QueryErrorKind};
use crate::index::{IndexError, RebuildReason};
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

/// A malformed query in the current language: "column 3: empty phrase".
pub fn query(e: &QueryError) -> String {
    t!(
        "query-error",
        col = e.start + 1,
        message = query_problem(&e.kind)
    )
}

/// What is wrong with a query, in the current language, without its position.
pub fn query_problem(k: &QueryErrorKind) -> String {
    use QueryErrorKind as K;
    let key = match k {
        K::Empty => "query-empty",
        K::QuoteOpen => "query-quote-open",
        K::RegexOpen => "query-regex-open",
        K::RegexEmpty => "query-regex-empty",
        K::RegexEnd => "query-regex-end",
        K::RegexSyntax(m) => return t!("query-regex-syntax", detail = m.as_str()),
        K::RegexUnusable(m) => return t!("query-regex-unusable", detail = m.as_str()),
        K::ParenUnopened => "query-paren-unopened",
        K::ParenOpen => "query-paren-open",
        K::ParenEmpty => "query-paren-empty",
        K::PhraseEmpty => "query-phrase-empty",
        K::NearEmpty => "query-near-empty",
        K::NearSlop { max } => return t!("query-near-slop", max = *max),
        K::AfterOr => "query-after-or",
        K::BeforeOr => "query-before-or",
        K::BeforeAnd => "query-before-and",
        K::AfterAnd => "query-after-and",
        K::AfterNot => "query-after-not",
        K::BeforeCloseParen => "query-before-close-paren",
        K::ExpectedTerm => "query-expected-term",
        K::StarEnd => "query-star-end",
        K::PrefixShort => "query-prefix-short",
        K::FuzzyRange => "query-fuzzy-range",
        K::TildeWord => "query-tilde-word",
        K::FilterValue { key } => return t!("query-filter-value", key = key.as_str()),
        K::NoLetters { text } => return t!("query-no-letters", text = format!("{text:?}")),
        K::PhraseNoLetters => "query-phrase-no-letters",
        K::PrefixOneWord => "query-prefix-one-word",
        K::FuzzyOneWord => "query-fuzzy-one-word",
        K::PrefixUnusable(m) => return t!("query-prefix-unusable", detail = m.as_str()),
        K::UnknownCode { code } => return t!("query-unknown-code", code = format!("{code:?}")),
        K::UnknownCoder { name, known } => {
            return t!(
                "query-unknown-coder",
                name = format!("{name:?}"),
                known = known.join(", ")
            );
        }
        K::UnknownCase { name, known } => {
            return t!(
                "query-unknown-case",
                name = format!("{name:?}"),
                known = known.join(", ")
            );
        }
        K::UnknownFilter { key, known } => {
            return t!(
                "query-unknown-filter",
                key = key.as_str(),
                known = known.join(", ")
            );
        }
        K::NoSavedQuery { name, id } => {
            return t!(
                "query-no-saved-query",
                name = format!("{name:?}"),
                id = id.as_str()
            );
        }
        K::SavedQueryLoop { name } => {
            return t!("query-saved-query-loop", name = format!("{name:?}"));
        }
        K::InSavedQuery { name, query, error } => {
            return t!(
                "query-in-saved-query",
                name = format!("{name:?}"),
                query = format!("{query:?}"),
                error = self::query(error)
            );
        }
    };
    crate::i18n::tr(key, &[])
}

/// [`query`] with the query and a caret line under the problem, after "bad query, ".
pub fn bad_query(e: &QueryError, q: &str) -> String {
    t!("query-bad", error = e.render_as(q, &query(e)))
}

/// Why the search index was built from scratch, in the current language.
pub fn rebuild_reason(r: &RebuildReason) -> String {
    match r {
        RebuildReason::Missing => t!("index-rebuilt-missing"),
        RebuildReason::OtherVersion => t!("index-rebuilt-other-version"),
        RebuildReason::Damaged(e) => t!("index-rebuilt-damaged", error = e.as_str()),
        RebuildReason::Checksum(files) => t!("index-rebuilt-checksum", files = files.join(", ")),
        RebuildReason::OldLayout => t!("index-rebuilt-old-layout"),
        RebuildReason::Incomplete { found, expected } => t!(
            "index-rebuilt-incomplete",
            found = *found,
            expected = *expected
        ),
        RebuildReason::Unusable(e) => t!("index-rebuilt-unusable", error = e.as_str()),
        RebuildReason::SettingsChanged => t!("index-rebuilt-settings"),
        RebuildReason::ManyChanged { changed, of } => {
            t!("index-rebuilt-many-changed", changed = *changed, of = *of)
        }
    }
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
    fn query_errors_are_worded_in_both_languages_with_their_position() {
        let e = crate::index::query::parse("\"ledning").unwrap_err();
        assert_eq!(with_lang(Lang::En, || query(&e)), e.to_string());
        let sv = with_lang(Lang::Sv, || bad_query(&e, "\"ledning"));
        assert!(
            sv.starts_with("felaktig sökfråga, kolumn 1: citattecknet avslutas aldrig\n"),
            "{sv}"
        );
        let e = crate::index::query::parse("\"a b\"~5000").unwrap_err();
        let sv = with_lang(Lang::Sv, || query(&e));
        assert_eq!(
            sv,
            "kolumn 6: en närhetssökning tar ett antal ord från 0 till 1000, som i \"ledningen stöd\"~5"
        );
        let e = crate::index::query::parse("grupp:").unwrap_err();
        let sv = with_lang(Lang::Sv, || query(&e));
        assert!(sv.contains("ett värde behövs efter `grupp:`"), "{sv}");
        let inner = crate::index::query::parse("resurs AND").unwrap_err();
        let e = QueryError::new(
            (10, 20),
            QueryErrorKind::InSavedQuery {
                name: "Resursbrist".into(),
                query: "resurs AND".into(),
                error: Box::new(inner),
            },
        );
        assert_eq!(with_lang(Lang::En, || query(&e)), e.to_string());
        let sv = with_lang(Lang::Sv, || query(&e));
        assert_eq!(
            sv,
            "kolumn 11: den sparade sökfrågan för koden \"Resursbrist\" (\"resurs AND\"), kolumn 11: en sökterm behövs efter AND"
        );
    }

    #[test]
    fn rebuild_reasons_read_the_same_in_english_and_are_swedish_in_swedish() {
        let reasons = [
            RebuildReason::Missing,
            RebuildReason::OtherVersion,
            RebuildReason::Damaged("x".into()),
            RebuildReason::Checksum(vec!["a.term".into(), "b.idx".into()]),
            RebuildReason::OldLayout,
            RebuildReason::Incomplete {
                found: 3,
                expected: 5,
            },
            RebuildReason::Unusable("x".into()),
            RebuildReason::SettingsChanged,
            RebuildReason::ManyChanged { changed: 9, of: 10 },
        ];
        for r in &reasons {
            assert_eq!(with_lang(Lang::En, || rebuild_reason(r)), r.to_string());
            let sv = with_lang(Lang::Sv, || rebuild_reason(r));
            assert_ne!(sv, r.to_string());
            assert!(!sv.starts_with("index-"), "{sv}");
        }
    }

    /// One of each kind: its English wording is its `Display`, its Swedish one differs.
    #[test]
    fn every_query_problem_has_both_wordings() {
        use QueryErrorKind as K;
        let list = || vec!["a".to_string(), "b".to_string()];
        let kinds = vec![
            K::Empty,
            K::QuoteOpen,
            K::RegexOpen,
            K::RegexEmpty,
            K::RegexEnd,
            K::RegexSyntax("x".into()),
            K::RegexUnusable("x".into()),
            K::ParenUnopened,
            K::ParenOpen,
            K::ParenEmpty,
            K::PhraseEmpty,
            K::NearEmpty,
            K::NearSlop { max: 9 },
            K::AfterOr,
            K::BeforeOr,
            K::BeforeAnd,
            K::AfterAnd,
            K::AfterNot,
            K::BeforeCloseParen,
            K::ExpectedTerm,
            K::StarEnd,
            K::PrefixShort,
            K::FuzzyRange,
            K::TildeWord,
            K::FilterValue { key: "k".into() },
            K::NoLetters { text: "--".into() },
            K::PhraseNoLetters,
            K::PrefixOneWord,
            K::FuzzyOneWord,
            K::PrefixUnusable("x".into()),
            K::UnknownCode { code: "c".into() },
            K::UnknownCoder {
                name: "n".into(),
                known: list(),
            },
            K::UnknownCase {
                name: "n".into(),
                known: list(),
            },
            K::UnknownFilter {
                key: "k".into(),
                known: list(),
            },
            K::NoSavedQuery {
                name: "n".into(),
                id: "i".into(),
            },
            K::SavedQueryLoop { name: "n".into() },
        ];
        for k in kinds {
            assert_eq!(with_lang(Lang::En, || query_problem(&k)), k.to_string());
            let sv = with_lang(Lang::Sv, || query_problem(&k));
            assert_ne!(sv, k.to_string(), "{k:?}");
            assert!(!sv.starts_with("query-"), "{sv}");
        }
    }
}
