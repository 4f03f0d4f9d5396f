//! Why a merge left a difference alone, in the user's language.

use crate::store::merge::{Brief, Reason};
use crate::t;

fn q(s: &str) -> String {
    format!("{s:?}")
}

fn brief(b: &Brief) -> String {
    t!(
        "merge-coding",
        code = b.code.as_str(),
        doc = b.doc.as_str(),
        start = b.start,
        end = b.end,
        memo = q(&b.memo)
    )
}

fn under(parent: &Option<String>) -> String {
    parent.as_deref().map_or_else(
        || t!("merge-top-level"),
        |p| t!("merge-under", parent = q(p)),
    )
}

/// A merge conflict's reason in the current language.
pub fn conflict(r: &Reason) -> String {
    match r {
        Reason::TextDiffers { here, there } => {
            t!("merge-text-differs", here = *here, there = *there)
        }
        Reason::HeaderDiffers => t!("merge-header-differs"),
        Reason::AttrsDiffer { here, there } => t!(
            "merge-attrs-differ",
            here = here.as_str(),
            there = there.as_str()
        ),
        Reason::CodeDiffers { id, here, there } => t!(
            "merge-code-differs",
            id = q(id),
            here = q(here),
            there = q(there)
        ),
        Reason::CodeMoved { id, here, there } => t!(
            "merge-code-moved",
            id = q(id),
            here = under(here),
            there = under(there)
        ),
        Reason::ShortcutTaken { id, key } => {
            t!("merge-shortcut-taken", id = q(id), key = q(key))
        }
        Reason::CodeNotAdded { id, error } => t!(
            "merge-code-not-added",
            id = q(id),
            error = super::codebook(error)
        ),
        Reason::BadCoderName { coder } => t!("merge-bad-coder-name", coder = q(coder)),
        Reason::IdTaken { who } => t!("merge-id-taken", who = who.as_str()),
        Reason::CodingDiffers { here, there } => t!(
            "merge-coding-differs",
            here = brief(here),
            there = brief(there)
        ),
        Reason::OnDifferingText { coding } => t!(
            "merge-on-differing-text",
            coding = brief(coding),
            doc = coding.doc.as_str()
        ),
        Reason::UnknownCode { coding } => t!(
            "merge-unknown-code",
            coding = brief(coding),
            code = q(&coding.code)
        ),
        Reason::MemoDiffers {
            coder,
            on_code,
            key,
        } => t!(
            "merge-memo-differs",
            coder = coder.as_str(),
            on = if *on_code { "code" } else { "transcript" },
            key = q(key)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, with_lang};
    use crate::model::codebook::CodebookError;

    #[test]
    fn every_merge_conflict_reads_as_its_display_in_english_and_is_swedish_in_swedish() {
        let b = Brief {
            code: "resurser".into(),
            doc: "kommun-a-1".into(),
            start: 10,
            end: 40,
            memo: String::new(),
        };
        let reasons = [
            Reason::TextDiffers {
                here: 100,
                there: 104,
            },
            Reason::HeaderDiffers,
            Reason::AttrsDiffer {
                here: "grupp=hög".into(),
                there: "grupp=låg".into(),
            },
            Reason::CodeDiffers {
                id: "a".into(),
                here: "A".into(),
                there: "B".into(),
            },
            Reason::CodeMoved {
                id: "a".into(),
                here: None,
                there: Some("hinder".into()),
            },
            Reason::ShortcutTaken {
                id: "a".into(),
                key: "r".into(),
            },
            Reason::CodeNotAdded {
                id: "a".into(),
                error: CodebookError::DuplicateId("a".into()),
            },
            Reason::BadCoderName {
                coder: "a b".into(),
            },
            Reason::IdTaken { who: "anna".into() },
            Reason::CodingDiffers {
                here: b.clone(),
                there: b.clone(),
            },
            Reason::OnDifferingText { coding: b.clone() },
            Reason::UnknownCode { coding: b.clone() },
            Reason::MemoDiffers {
                coder: "anna".into(),
                on_code: true,
                key: "a".into(),
            },
        ];
        for r in &reasons {
            assert_eq!(with_lang(Lang::En, || conflict(r)), r.to_string());
            let sv = with_lang(Lang::Sv, || conflict(r));
            assert_ne!(sv, r.to_string());
            for w in sv.split(|c: char| !c.is_alphabetic()) {
                assert!(
                    !["the", "is", "not", "here", "there"].contains(&w),
                    "{w} in {sv}"
                );
            }
        }
    }
}
