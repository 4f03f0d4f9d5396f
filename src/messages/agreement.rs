//! Agreement questions that cannot be answered, in the user's language.

use crate::agreement::{AgreementError, IdProblem};
use crate::t;

pub fn agreement(e: &AgreementError) -> String {
    use AgreementError as E;
    match e {
        E::TooFewCoders => t!("agreement-too-few-coders"),
        E::UnknownCoder { name, dir, known } => t!(
            "agreement-unknown-coder",
            name = format!("{name:?}"),
            dir = dir.display().to_string(),
            known = known.join(", ")
        ),
        E::CoderTwice { name } => t!("agreement-coder-twice", name = format!("{name:?}")),
        E::UnknownDoc { doc } => t!("agreement-unknown-doc", doc = format!("{doc:?}")),
        E::NothingInCommon { coders } => {
            t!("agreement-nothing-in-common", coders = coders.join(", "))
        }
        E::UnknownCode { code } => t!("agreement-unknown-code", code = format!("{code:?}")),
        E::DomainTooSmall { code, children } => t!(
            "agreement-domain-too-small",
            code = code.as_str(),
            children = *children
        ),
        E::OverlapTwoCoders => t!("agreement-overlap-two-coders"),
        E::OverlapRange { threshold } => t!(
            "agreement-overlap-range",
            threshold = crate::i18n::number_text(&threshold.to_string())
        ),
        E::NotACoder { name } => t!("agreement-not-a-coder", name = format!("{name:?}")),
        E::SpanOutside { start, end, doc } => t!(
            "agreement-span-outside",
            start = *start,
            end = *end,
            doc = doc.as_str()
        ),
        E::BadId { id, problem } => t!(
            "agreement-bad-id",
            id = format!("{id:?}"),
            problem = id_problem(problem)
        ),
        E::Store(s) => super::describe(s),
    }
}

fn id_problem(p: &IdProblem) -> String {
    match p {
        IdProblem::ThreeParts => t!("agreement-id-three-parts"),
        IdProblem::NoTranscript { doc } => {
            t!("agreement-id-no-transcript", doc = format!("{doc:?}"))
        }
        IdProblem::NoCode { code } => t!("agreement-id-no-code", code = format!("{code:?}")),
        IdProblem::RangeForm => t!("agreement-id-range-form"),
        IdProblem::BadStart => t!("agreement-id-bad-start"),
        IdProblem::BadEnd => t!("agreement-id-bad-end"),
        IdProblem::RangeOutside => t!("agreement-id-range-outside"),
        IdProblem::BadUnitNumber => t!("agreement-id-bad-unit-number"),
        IdProblem::UnitCount { doc, n, unit } => t!(
            "agreement-id-unit-count",
            doc = doc.as_str(),
            n = *n,
            unit = *unit
        ),
        IdProblem::UnitForm => t!("agreement-id-unit-form"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, with_lang};

    #[test]
    fn every_agreement_refusal_reads_as_its_display_in_english_and_is_swedish_in_swedish() {
        let id = |problem| AgreementError::BadId {
            id: "kommun-a-1:t99:x".into(),
            problem,
        };
        let errors = vec![
            AgreementError::TooFewCoders,
            AgreementError::UnknownCoder {
                name: "x".into(),
                dir: "codings".into(),
                known: vec!["a".into(), "b".into()],
            },
            AgreementError::CoderTwice { name: "a".into() },
            AgreementError::UnknownDoc { doc: "d".into() },
            AgreementError::NothingInCommon {
                coders: vec!["a".into(), "b".into()],
            },
            AgreementError::UnknownCode { code: "c".into() },
            AgreementError::DomainTooSmall {
                code: "c".into(),
                children: 1,
            },
            AgreementError::OverlapTwoCoders,
            AgreementError::OverlapRange { threshold: 120.0 },
            AgreementError::NotACoder { name: "z".into() },
            AgreementError::SpanOutside {
                start: 1,
                end: 9,
                doc: "d".into(),
            },
            id(IdProblem::ThreeParts),
            id(IdProblem::NoTranscript { doc: "d".into() }),
            id(IdProblem::NoCode { code: "c".into() }),
            id(IdProblem::RangeForm),
            id(IdProblem::BadStart),
            id(IdProblem::BadEnd),
            id(IdProblem::RangeOutside),
            id(IdProblem::BadUnitNumber),
            id(IdProblem::UnitCount {
                doc: "d".into(),
                n: 36,
                unit: "turn",
            }),
            id(IdProblem::UnitForm),
        ];
        for e in &errors {
            assert_eq!(with_lang(Lang::En, || agreement(e)), e.to_string());
            let sv = with_lang(Lang::Sv, || agreement(e));
            assert_ne!(sv, e.to_string());
            for w in sv.split(|c: char| !c.is_alphabetic()) {
                assert!(
                    !["no", "the", "is", "has", "bad"].contains(&w),
                    "{w} in {sv}"
                );
            }
        }
        let sv = with_lang(Lang::Sv, || agreement(&errors[19]));
        assert!(sv.contains("d har 36 talarturer"), "{sv}");
    }
}
