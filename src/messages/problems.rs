//! Problems in project files in the user's language: `path:line:col: what is wrong`, one catalogue key per
//! kind of [`Problem`] with its data as variables.

use crate::model::HeaderProblem;
use crate::store::decode::DecodeError;
use crate::store::{CodingProblem, FileProblem, Problem, Refusal, SaveProblem};
use crate::t;

/// `path:line:col: message` in the current language.
pub fn file_problem(p: &FileProblem) -> String {
    format!("{}: {}", p.place(), problem(&p.problem))
}

/// Several problems, one a line.
pub fn file_problems(ps: &[FileProblem]) -> String {
    ps.iter().map(file_problem).collect::<Vec<_>>().join("\n")
}

/// A value from a file, quoted and escaped as the English text writes it (`"a\tb"`), so that no file
/// content can break a message's line.
fn q(s: &str) -> String {
    format!("{s:?}")
}

fn quoted(v: &[String]) -> String {
    v.iter().map(|s| q(s)).collect::<Vec<_>>().join(", ")
}

/// What is wrong, without the place.
pub fn problem(p: &Problem) -> String {
    match p {
        Problem::OutsideLink { target } => {
            t!(
                "problem-outside-link",
                target = target.display().to_string()
            )
        }
        Problem::Json { detail } => t!("problem-json", detail = detail.as_str()),
        Problem::NotUtf8At { offset } => t!("problem-not-utf8-at", offset = *offset),
        Problem::NotUtf8Transcript => t!("problem-not-utf8-transcript"),
        Problem::NestsTooDeep { max } => t!("problem-nests-too-deep", max = *max),
        Problem::Codebook(e) => super::codebook(e),
        Problem::Decode(e) => decode(e),
        Problem::Header(h) => header(h),
        Problem::CoderMismatch { says, named } => {
            t!("problem-coder-mismatch", says = q(says), named = q(named))
        }
        Problem::CodingIdTwice { id, other } => t!(
            "problem-coding-id-twice",
            id = id.as_str(),
            other = other.as_str()
        ),
        Problem::Coding {
            id,
            code,
            doc,
            start,
            end,
            problem,
        } => t!(
            "problem-coding",
            id = id.as_str(),
            code = code.as_str(),
            doc = doc.as_str(),
            start = *start,
            end = *end,
            problem = coding_problem(problem)
        ),
        Problem::MemoUnknownTranscript { doc } => {
            t!("problem-memo-unknown-transcript", doc = q(doc))
        }
        Problem::MemoUnknownCode { code } => t!("problem-memo-unknown-code", code = q(code)),
        Problem::NoIdLine => t!("problem-no-id-line"),
        Problem::NoCaseLine => t!("problem-no-case-line"),
        Problem::CaseNotInCases { case } => t!("problem-case-not-in-cases", case = q(case)),
        Problem::NoText => t!("problem-no-text"),
        Problem::NotCanonical => t!("problem-not-canonical"),
        Problem::IdNotFileName { stem } => t!("problem-id-not-file-name", stem = q(stem)),
        Problem::BadTranscriptId { id } => t!("problem-bad-transcript-id", id = q(id)),
        Problem::TranscriptIdTwice { id } => t!("problem-transcript-id-twice", id = q(id)),
        Problem::IdChanged { id } => t!("problem-id-changed", id = q(id)),
        Problem::NoCaseColumn { found } => t!("problem-no-case-column", found = quoted(found)),
        Problem::EmptyCaseName => t!("problem-empty-case-name"),
        Problem::CaseTwice { name } => t!("problem-case-twice", name = q(name)),
        Problem::NoFileCaseColumns { found } => {
            t!("problem-no-file-case-columns", found = quoted(found))
        }
        Problem::EmptyFileOrCase => t!("problem-empty-file-or-case"),
        Problem::FileTwice { file, first } => {
            t!("problem-file-twice", file = q(file), first = *first)
        }
        Problem::CsvFields { expected, found } => {
            t!("problem-csv-fields", expected = *expected, found = *found)
        }
        Problem::Csv { detail } => t!("problem-csv", detail = detail.as_str()),
        Problem::NotDecision { detail } => t!("problem-not-decision", detail = detail.as_str()),
        Problem::NotSaved(s) => t!("problem-not-saved", reason = save_problem(s)),
    }
}

/// What is wrong with one coding, in the current language.
pub fn coding_problem(p: &CodingProblem) -> String {
    match p {
        CodingProblem::UnknownTranscript { doc } => {
            t!("problem-unknown-transcript", doc = q(doc))
        }
        CodingProblem::UnknownCode { code } => t!("problem-unknown-code", code = q(code)),
        CodingProblem::OutOfRange { len } => t!("problem-out-of-range", len = *len),
        CodingProblem::QuoteMoved {
            quote,
            now,
            found: Some((start, end)),
        } => t!(
            "problem-quote-moved",
            quote = q(quote),
            now = q(now),
            start = *start,
            end = *end
        ),
        CodingProblem::QuoteMoved {
            quote,
            now,
            found: None,
        } => t!("problem-quote-gone", quote = q(quote), now = q(now)),
    }
}

fn save_problem(p: &SaveProblem) -> String {
    match p {
        SaveProblem::CoderMismatch { says, coder } => t!(
            "problem-save-coder-mismatch",
            says = q(says),
            coder = q(coder)
        ),
        SaveProblem::IdTwice { id } => t!("problem-save-id-twice", id = id.as_str()),
        SaveProblem::QuoteLength {
            id,
            start,
            end,
            len,
        } => t!(
            "problem-save-quote-length",
            id = id.as_str(),
            start = *start,
            end = *end,
            len = *len
        ),
    }
}

/// A transcript header that cannot be read, in the current language.
pub fn header(p: &HeaderProblem) -> String {
    match p {
        HeaderProblem::NotKeyValue { found } => {
            t!("problem-header-not-key-value", found = q(found))
        }
        HeaderProblem::SpaceInKey { key } => t!("problem-header-space-in-key", key = q(key)),
        HeaderProblem::NeverClosed => t!("problem-header-never-closed"),
    }
}

/// Bytes that are not text, in the current language.
pub fn decode(e: &DecodeError) -> String {
    match e {
        DecodeError::Empty => t!("problem-file-empty"),
        DecodeError::Binary(kind) => t!(
            "problem-file-binary",
            kind = binary_kind(kind),
            text = *kind
        ),
    }
}

/// A request the store refused, in the current language.
pub fn refusal(r: &Refusal) -> String {
    let path = |p: &std::path::Path| p.display().to_string();
    match r {
        Refusal::Codebook(e) => super::codebook(e),
        Refusal::NoSavedQuery { name, id } => {
            t!("refusal-no-saved-query", name = q(name), id = id.as_str())
        }
        Refusal::NotAProject { root } => t!("refusal-not-a-project", root = path(root)),
        Refusal::AlreadyAProject { root } => t!("refusal-already-a-project", root = path(root)),
        Refusal::NoTranscript { id, dir } => {
            t!("refusal-no-transcript", id = q(id), dir = path(dir))
        }
        Refusal::CodebookNotSaved(e) => {
            t!("refusal-codebook-not-saved", error = super::codebook(e))
        }
        Refusal::NoCode { code } => t!("refusal-no-code", code = q(code)),
        Refusal::SpanOutside {
            start,
            end,
            doc,
            len,
        } => t!(
            "refusal-span-outside",
            start = *start,
            end = *end,
            doc = doc.as_str(),
            len = *len
        ),
        Refusal::SpanUnreadable => t!("refusal-span-unreadable"),
        Refusal::QuoteMissing { doc } => t!("refusal-quote-missing", doc = doc.as_str()),
        Refusal::QuoteAmbiguous { doc, places } => {
            let mut s = t!(
                "refusal-quote-ambiguous",
                n = places.len(),
                doc = doc.as_str()
            );
            for (line, column, start, end) in places {
                s.push_str("\n  ");
                s.push_str(&t!(
                    "refusal-quote-place",
                    line = *line,
                    column = *column,
                    start = *start,
                    end = *end
                ));
            }
            s
        }
        Refusal::BadCoderName { name } => t!("refusal-bad-coder-name", name = q(name)),
        Refusal::NoBatch { coder } => t!("refusal-no-batch", coder = coder.as_str()),
        Refusal::CoderAppeared { coder } => t!("refusal-coder-appeared", coder = coder.as_str()),
        Refusal::LinkedLock { path: p } => t!("refusal-linked-lock", path = path(p)),
        Refusal::AppearedWhileMerging { path: p } => {
            t!("refusal-appeared-while-merging", path = path(p))
        }
    }
}

/// The catalogue's selector for one of `decode`'s descriptions of binary content.
pub(crate) fn binary_kind(kind: &str) -> &'static str {
    match kind {
        "contains NUL bytes" => "nul",
        "mostly control characters" => "control",
        "a PDF document" => "pdf",
        "a ZIP archive" => "zip",
        "a PNG image" => "png",
        "a JPEG image" => "jpeg",
        "a GIF image" => "gif",
        "an old binary Office document (.doc); save it as .docx or .txt" => "doc",
        "an executable" => "exe",
        "an MP3 audio file" => "mp3",
        "a RIFF media file" => "riff",
        "an RTF document; save it as .docx or .txt" => "rtf",
        _ => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, with_lang};
    use crate::model::codebook::CodebookError;

    /// One problem of every kind, with values that need quoting.
    fn every_kind() -> Vec<Problem> {
        let s = |x: &str| x.to_string();
        let quote_moved = |found| CodingProblem::QuoteMoved {
            quote: s("Vi har \"inga\" resurser"),
            now: s("vi har inga"),
            found,
        };
        let coding = |problem| Problem::Coding {
            id: s("c1"),
            code: s("resurser"),
            doc: s("intervju-01"),
            start: 12,
            end: 40,
            problem,
        };
        vec![
            Problem::OutsideLink {
                target: "/etc/passwd".into(),
            },
            Problem::Json {
                detail: s("missing field `code`"),
            },
            Problem::NotUtf8At { offset: 17 },
            Problem::NotUtf8Transcript,
            Problem::NestsTooDeep { max: 8 },
            Problem::Codebook(CodebookError::DuplicateId(s("a"))),
            Problem::Decode(DecodeError::Empty),
            Problem::Decode(DecodeError::Binary("a PDF document")),
            Problem::Decode(DecodeError::Binary("something new")),
            Problem::Header(HeaderProblem::NotKeyValue {
                found: s("nonsense"),
            }),
            Problem::Header(HeaderProblem::SpaceInKey { key: s("my key") }),
            Problem::Header(HeaderProblem::NeverClosed),
            Problem::CoderMismatch {
                says: s("anna"),
                named: s("bo"),
            },
            Problem::CodingIdTwice {
                id: s("c1"),
                other: s("bo"),
            },
            coding(CodingProblem::UnknownTranscript { doc: s("x") }),
            coding(CodingProblem::UnknownCode { code: s("y") }),
            coding(CodingProblem::OutOfRange { len: 30 }),
            coding(quote_moved(Some((50, 78)))),
            coding(quote_moved(None)),
            Problem::MemoUnknownTranscript { doc: s("x") },
            Problem::MemoUnknownCode { code: s("y") },
            Problem::NoIdLine,
            Problem::NoCaseLine,
            Problem::CaseNotInCases { case: s("F9") },
            Problem::NoText,
            Problem::NotCanonical,
            Problem::IdNotFileName {
                stem: s("intervju-1"),
            },
            Problem::BadTranscriptId { id: s("a b") },
            Problem::TranscriptIdTwice { id: s("t") },
            Problem::IdChanged { id: s("t") },
            Problem::NoCaseColumn {
                found: vec![s("namn"), s("grupp")],
            },
            Problem::EmptyCaseName,
            Problem::CaseTwice { name: s("F1") },
            Problem::NoFileCaseColumns {
                found: vec![s("fil")],
            },
            Problem::EmptyFileOrCase,
            Problem::FileTwice {
                file: s("a.txt"),
                first: 2,
            },
            Problem::CsvFields {
                expected: 3,
                found: 2,
            },
            Problem::Csv {
                detail: s("CSV parse error"),
            },
            Problem::NotDecision {
                detail: s("EOF while parsing a value"),
            },
            Problem::NotSaved(SaveProblem::CoderMismatch {
                says: s("a"),
                coder: s("b"),
            }),
            Problem::NotSaved(SaveProblem::IdTwice { id: s("c1") }),
            Problem::NotSaved(SaveProblem::QuoteLength {
                id: s("c1"),
                start: 1,
                end: 5,
                len: 3,
            }),
        ]
    }

    #[test]
    fn every_problem_reads_in_english_as_its_display_and_otherwise_in_swedish() {
        for p in every_kind() {
            assert_eq!(with_lang(Lang::En, || problem(&p)), p.to_string());
            let sv = with_lang(Lang::Sv, || problem(&p));
            assert_ne!(sv, p.to_string(), "{p:?}");
            for english in [" the ", " is ", " not ", "expected", "appears", "found"] {
                assert!(!sv.contains(english), "{english:?} in {sv}");
            }
        }
    }

    #[test]
    fn a_problem_keeps_its_file_line_and_column_in_both_languages() {
        let fp = FileProblem::new(
            "codings/anna.json",
            Problem::Coding {
                id: "c7".into(),
                code: "resurser".into(),
                doc: "intervju-01".into(),
                start: 3,
                end: 9,
                problem: CodingProblem::UnknownCode {
                    code: "resurser".into(),
                },
            },
        )
        .at(14, 1);
        let en = with_lang(Lang::En, || file_problem(&fp));
        assert_eq!(en, fp.to_string());
        assert!(en.starts_with("codings/anna.json:14:1: coding c7 "), "{en}");
        let sv = with_lang(Lang::Sv, || file_problem(&fp));
        assert_eq!(
            sv,
            "codings/anna.json:14:1: kodningen c7 (resurser i intervju-01, tecken 3–9): \
             okänt kod-id \"resurser\""
        );
    }

    #[test]
    fn every_refusal_reads_in_english_as_its_display_and_otherwise_in_swedish() {
        let s = |x: &str| x.to_string();
        let refusals = [
            Refusal::NotAProject {
                root: "/tmp/x".into(),
            },
            Refusal::AlreadyAProject {
                root: "/tmp/x".into(),
            },
            Refusal::NoTranscript {
                id: s("d9"),
                dir: "transcripts".into(),
            },
            Refusal::CodebookNotSaved(CodebookError::DuplicateId(s("a"))),
            Refusal::NoCode { code: s("c") },
            Refusal::SpanOutside {
                start: 5,
                end: 900,
                doc: s("d"),
                len: 800,
            },
            Refusal::SpanUnreadable,
            Refusal::QuoteMissing { doc: s("d") },
            Refusal::QuoteAmbiguous {
                doc: s("d"),
                places: vec![(3, 1, 40, 45), (9, 12, 300, 305)],
            },
            Refusal::BadCoderName { name: s("a b") },
            Refusal::NoBatch { coder: s("anna") },
            Refusal::CoderAppeared { coder: s("anna") },
            Refusal::LinkedLock {
                path: ".kodbok/locks".into(),
            },
            Refusal::Codebook(CodebookError::Unknown(s("x"))),
            Refusal::NoSavedQuery {
                name: s("Resursbrist"),
                id: s("resursbrist"),
            },
        ];
        for r in &refusals {
            assert_eq!(with_lang(Lang::En, || refusal(r)), r.to_string());
            let sv = with_lang(Lang::Sv, || refusal(r));
            assert_ne!(sv, r.to_string());
            for w in sv.split(|c: char| !c.is_alphabetic()) {
                assert!(
                    !["the", "is", "not", "has", "no"].contains(&w),
                    "{w} in {sv}"
                );
            }
        }
        let sv = with_lang(Lang::Sv, || refusal(&refusals[8]));
        assert!(
            sv.ends_with("\n  rad 9, kolumn 12 (tecken 300–305)"),
            "{sv}"
        );
    }

    #[test]
    fn file_content_in_a_problem_cannot_break_its_line() {
        let p = Problem::Header(HeaderProblem::NotKeyValue {
            found: "a\nb".into(),
        });
        for lang in Lang::ALL {
            assert!(!with_lang(lang, || problem(&p)).contains('\n'));
        }
    }

    #[test]
    fn every_binary_description_of_decode_has_its_own_swedish_words() {
        let src = include_str!("../store/decode.rs");
        let src = src.split("#[cfg(test)]").next().unwrap_or("");
        let kinds = src
            .split("Binary(\"")
            .skip(1)
            .chain(
                src.split("(b\"")
                    .skip(1)
                    .map(|r| r.split_once(", \"").map_or("", |x| x.1)),
            )
            .filter_map(|r| r.split('"').next())
            .filter(|k| !k.is_empty())
            .collect::<Vec<_>>();
        assert!(kinds.len() >= 10, "{kinds:?}");
        for k in kinds {
            assert_ne!(binary_kind(k), "other", "{k}");
        }
    }
}
