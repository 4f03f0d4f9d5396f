//! `kodbok search --format kwic` (an aligned keyword-in-context concordance) and `--format quotes`
//! (the hits as a Markdown list of quotes in ”…”, attributed to pseudonymised case and role).

use crate::analysis::pseudonyms::Pseudonyms;
use crate::analysis::report::escape_md;
use crate::index::Hit;
use crate::index::autocode::{self, Scope};
use crate::model::text::sanitize_for_display;
use crate::store::Project;
use unicode_width::UnicodeWidthStr;

/// Characters of context on each side of a match in the concordance.
pub const KWIC_CONTEXT: usize = 40;
/// Quotes longer than this are cut around their matches, as the report does.
const QUOTE_MAX: usize = 400;

fn flat(s: &str) -> String {
    let one: String = s
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    sanitize_for_display(&one)
}

/// The matches of each hit in turn-local char ranges (the whole turn when nothing is marked).
fn local(h: &Hit) -> Vec<(usize, usize)> {
    h.matches
        .iter()
        .map(|&(s, e)| (s - h.turn_start, e - h.turn_start))
        .collect()
}

/// One line per match: case and group, then left context right-aligned, the match, right context;
/// pseudonymised as the report is (the whole turn first, so a name cut by the context is never shown).
pub fn kwic(hits: &[Hit], width: usize, map: &Pseudonyms) -> String {
    let mut rows: Vec<(String, String, String, String)> = Vec::new();
    for h in hits {
        let (text, ms) = map.apply_marked(&h.text, &local(h));
        let chars: Vec<char> = text.chars().collect();
        let who = map.apply(&if h.group.is_empty() {
            h.case.clone()
        } else {
            format!("{} ({})", h.case, h.group)
        });
        if ms.is_empty() {
            let right: String = chars.iter().take(width).collect();
            rows.push((flat(&who), String::new(), String::new(), flat(&right)));
        }
        for (s, e) in ms {
            let left: String = chars[s.saturating_sub(width)..s].iter().collect();
            let mid: String = chars[s..e].iter().collect();
            let right: String = chars[e..(e + width).min(chars.len())].iter().collect();
            rows.push((flat(&who), flat(&left), flat(&mid), flat(&right)));
        }
    }
    let who_w = rows.iter().map(|r| r.0.width()).max().unwrap_or(0);
    let left_w = rows.iter().map(|r| r.1.width()).max().unwrap_or(0);
    let mut out = String::new();
    for (who, left, mid, right) in rows {
        let pad_who = " ".repeat(who_w - who.width());
        let pad_left = " ".repeat(left_w - left.width());
        out.push_str(&format!("{who}{pad_who}  {pad_left}{left}[{mid}]{right}"));
        out.push('\n');
    }
    out
}

/// The quoted text of a hit: the sentences holding its matches (the turn when none), `[…]` between.
fn quote_text(h: &Hit) -> String {
    let chars: Vec<char> = h.text.chars().collect();
    let ms = local(h);
    let mut spans: Vec<(usize, usize)> = if ms.is_empty() {
        vec![(0, chars.len())]
    } else {
        let sentences = autocode::spans(h, Scope::Sentence).into_iter();
        sentences
            .map(|(s, e)| (s - h.turn_start, e - h.turn_start))
            .collect()
    };
    spans.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in spans {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    let pieces: Vec<String> = merged
        .iter()
        .map(|&(s, e)| {
            let piece: String = chars[s..e].iter().collect();
            shorten(piece.trim(), &ms, s)
        })
        .collect();
    pieces.join(" […] ")
}

/// A piece longer than [`QUOTE_MAX`] cut to a window around its first match, `[…]` at the cuts.
fn shorten(piece: &str, ms: &[(usize, usize)], offset: usize) -> String {
    let n = piece.chars().count();
    if n <= QUOTE_MAX {
        return piece.to_string();
    }
    let first = ms
        .iter()
        .find(|m| m.0 >= offset)
        .map_or(0, |m| m.0 - offset);
    let start = first.saturating_sub(QUOTE_MAX / 4);
    let chars: Vec<char> = piece.chars().collect();
    let end = (start + QUOTE_MAX).min(n);
    // whole words only
    let s = (start..end)
        .find(|&i| i == 0 || chars[i - 1].is_whitespace())
        .unwrap_or(start);
    let e = (s..end)
        .rev()
        .find(|&i| i == n || chars[i].is_whitespace())
        .unwrap_or(end);
    let mut out = String::new();
    if s > 0 {
        out.push_str("[…] ");
    }
    out.extend(&chars[s..e]);
    if e < n {
        out.push_str(" […]");
    }
    out
}

/// The hits as a Markdown list of quotes, attributed like the report's (case, role), pseudonymised.
pub fn quotes(p: &Project, hits: &[Hit], map: &Pseudonyms) -> String {
    let mut out = String::new();
    for h in hits {
        let role = p
            .transcripts
            .get(&h.doc)
            .map(|t| t.role().to_string())
            .unwrap_or_default();
        let who = if role.is_empty() {
            h.case.clone()
        } else {
            format!("{}, {role}", h.case)
        };
        let text = escape_md(&flat(&quote_text(h)));
        out.push_str(&format!("- *”{text}”*  \n  — {}\n", escape_md(&flat(&who))));
    }
    map.apply(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(text: &str, word: &str) -> Hit {
        let s = text.find(word).map(|b| text[..b].chars().count()).unwrap();
        Hit {
            doc: "d".into(),
            case: "Kommun A".into(),
            group: "låg".into(),
            speaker: "R".into(),
            turn: 1,
            turn_start: 100,
            turn_end: 100 + text.chars().count(),
            score: 0.0,
            snippet: String::new(),
            snippet_matches: vec![],
            matches: vec![(100 + s, 100 + s + word.chars().count())],
            text: text.into(),
        }
    }

    #[test]
    fn kwic_aligns_the_matches() {
        let a = hit("Vi har inga resurser alls.", "resurser");
        let b = hit(
            "Resurserna räcker inte till allt det vi ska göra.",
            "Resurserna",
        );
        let out = kwic(&[a, b], 10, &Pseudonyms::default());
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 2);
        let col = |l: &str| l.find('[').unwrap();
        assert_eq!(col(lines[0]), col(lines[1]), "{out}");
        assert!(lines[0].starts_with("Kommun A (låg)"));
        assert!(lines[0].contains("inga [resurser] alls."));
    }

    #[test]
    fn quotes_are_sentences_with_attribution() {
        let h = hit(
            "Först något annat. Vi har inga resurser alls. Sen mer.",
            "resurser",
        );
        let p = Project::open(std::path::Path::new(env!("CARGO_MANIFEST_DIR"))).unwrap();
        let out = quotes(&p, &[h], &Pseudonyms::default());
        assert_eq!(out, "- *”Vi har inga resurser alls.”*  \n  — Kommun A\n");
    }

    #[test]
    fn kwic_is_pseudonymised_before_it_is_cut() {
        let map = Pseudonyms::parse(
            "real,pseudonym\nKommun A,Kommun Q\nLjusdal,Orten\n".as_bytes(),
            std::path::Path::new("pseudonyms.csv"),
        )
        .unwrap();
        // the left context of 12 chars would cut "Ljusdal" to "usdal"
        let h = hit("I Ljusdal har vi inga resurser alls.", "resurser");
        let out = kwic(&[h], 12, &map);
        assert!(out.starts_with("Kommun Q (låg)"), "{out}");
        assert!(out.contains("[resurser] alls."), "{out}");
        assert!(!out.contains("usdal") && !out.contains("Kommun A"), "{out}");
        map.check(&out).unwrap();
    }
}
