//! `/…/` terms: the pattern compiled with the `regex` crate (errors placed in the query), and the
//! index query that narrows the turns to verify, built from literals every match must contain.
//!
//! As ripgrep does, literals are extracted with `regex-syntax`: every match starts with one of the
//! prefix literals and ends with one of the suffix literals. A literal's runs of letters and digits
//! are looked up in the term dictionary (words are indexed lower-cased, so the lookup ignores case);
//! a run cut off by the literal's edge may be the end or the start of a longer word. For a pattern
//! with several literals only runs that begin a word are looked up (see [`literal_query`]). When
//! nothing can be looked up every turn is a candidate (its text is in memory, see `texts.rs`).
//! Either way the regex decides.

use super::query::{QueryError, QueryErrorKind, Span};
use super::schema::{Fields, LONG_TOKENS};
use regex::{Regex, RegexBuilder};
use regex_syntax::hir::Hir;
use regex_syntax::hir::literal::{ExtractKind, Extractor, Seq};
use tantivy::Term;
use tantivy::query::{AllQuery, BooleanQuery, EmptyQuery, Occur, Query, RegexQuery, TermQuery};
use tantivy::schema::IndexRecordOption;

/// Runs of letters or digits looked up per literal (the longest ones; each one alone is enough).
const MAX_RUNS: usize = 4;
/// The compiled regex's size limit (the `regex` crate's default is 10 MiB too).
const SIZE_LIMIT: usize = 10 << 20;

/// Compiles the pattern of a `/…/` term; `at` maps pattern chars to query positions.
pub fn compile(
    pattern: &str,
    insensitive: bool,
    span: Span,
    at: &[usize],
) -> Result<Regex, QueryError> {
    let parsed = regex_syntax::ParserBuilder::new()
        .case_insensitive(insensitive)
        .build()
        .parse(pattern);
    if let Err(e) = parsed {
        let (range, message) = match &e {
            regex_syntax::Error::Parse(p) => (byte_span(p.span()), p.kind().to_string()),
            regex_syntax::Error::Translate(t) => (byte_span(t.span()), t.kind().to_string()),
            _ => ((0, pattern.len()), e.to_string()),
        };
        let to_query = |byte: usize| {
            let ci = pattern[..byte.min(pattern.len())].chars().count();
            at.get(ci).copied().unwrap_or(span.1.saturating_sub(1))
        };
        let (s, e) = (to_query(range.0), to_query(range.1));
        return Err(QueryError::new(
            (s, e.max(s + 1)),
            QueryErrorKind::RegexSyntax(message),
        ));
    }
    RegexBuilder::new(pattern)
        .case_insensitive(insensitive)
        .size_limit(SIZE_LIMIT)
        .build()
        .map_err(|e| QueryError::new(span, QueryErrorKind::RegexUnusable(e.to_string())))
}

fn byte_span(s: &regex_syntax::ast::Span) -> (usize, usize) {
    (s.start.offset, s.end.offset)
}

/// The index query of turns that may match `pattern`, and whether literals narrowed it
/// (false: every turn is verified). `inside`: a literal that may sit inside a word may be looked
/// up with a pass over the term dictionary (see [`literal_query`]).
pub fn candidates(pattern: &str, inside: bool, fields: &Fields) -> (Box<dyn Query>, bool) {
    // literals of the case-sensitive pattern: a case-insensitive match is the same literal in
    // other cases, and the term lookup ignores case
    let Ok(hir) = regex_syntax::ParserBuilder::new().build().parse(pattern) else {
        return (Box::new(AllQuery), false);
    };
    let mut must: Vec<Box<dyn Query>> = Vec::new();
    let prefixes = literals(&hir, ExtractKind::Prefix);
    let suffixes = literals(&hir, ExtractKind::Suffix);
    // a pattern that is one literal has it as prefix and suffix: looked up once
    let both = if prefixes.literals() == suffixes.literals() {
        vec![(prefixes, ExtractKind::Prefix)]
    } else {
        vec![
            (prefixes, ExtractKind::Prefix),
            (suffixes, ExtractKind::Suffix),
        ]
    };
    for (seq, kind) in both {
        match seq_query(&seq, kind, inside, fields) {
            Narrow::Nothing => return (Box::new(EmptyQuery), true),
            Narrow::Any => {}
            Narrow::Query(q) => must.push(q),
        }
    }
    if must.is_empty() {
        return (Box::new(AllQuery), false);
    }
    let narrowed: Box<dyn Query> = if must.len() == 1 {
        must.remove(0)
    } else {
        Box::new(BooleanQuery::new(
            must.into_iter().map(|q| (Occur::Must, q)).collect(),
        ))
    };
    // words longer than the index keeps are not in it: their turns are always verified
    let long = TermQuery::new(
        Term::from_field_text(fields.f_attr, LONG_TOKENS),
        IndexRecordOption::Basic,
    );
    let q = BooleanQuery::new(vec![
        (Occur::Should, narrowed),
        (Occur::Should, Box::new(long)),
    ]);
    (Box::new(q), true)
}

fn literals(hir: &Hir, kind: ExtractKind) -> Seq {
    let mut seq = Extractor::new().kind(kind.clone()).extract(hir);
    match kind {
        ExtractKind::Prefix => seq.optimize_for_prefix_by_preference(),
        _ => seq.optimize_for_suffix_by_preference(),
    }
    seq
}

enum Narrow {
    /// No match is possible.
    Nothing,
    /// No constraint.
    Any,
    Query(Box<dyn Query>),
}

fn seq_query(seq: &Seq, kind: ExtractKind, inside: bool, fields: &Fields) -> Narrow {
    let Some(lits) = seq.literals() else {
        return Narrow::Any;
    };
    if lits.is_empty() {
        return Narrow::Nothing;
    }
    let mut any: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    // one literal may pay for a pass over the term dictionary; several may not
    let inside = inside && lits.len() == 1;
    for lit in lits {
        let text = valid_part(lit.as_bytes(), &kind);
        match literal_query(&text, inside, fields) {
            Some(q) => any.push((Occur::Should, q)),
            None => return Narrow::Any,
        }
    }
    Narrow::Query(if any.len() == 1 {
        any.remove(0).1
    } else {
        Box::new(BooleanQuery::new(any))
    })
}

/// A literal cut inside a UTF-8 sequence, trimmed to whole chars on the cut side.
fn valid_part(bytes: &[u8], kind: &ExtractKind) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(e) if matches!(kind, ExtractKind::Prefix) => {
            String::from_utf8_lossy(&bytes[..e.valid_up_to()]).into_owned()
        }
        Err(_) => {
            let start = bytes
                .iter()
                .position(|b| (b & 0xC0) != 0x80)
                .unwrap_or(bytes.len());
            String::from_utf8_lossy(&bytes[start..])
                .trim_start_matches('\u{FFFD}')
                .to_string()
        }
    }
}

/// A run of letters or digits in a literal, and whether the literal has a separator before and after it.
#[derive(Debug, PartialEq, Eq)]
struct Run {
    text: String,
    before: bool,
    after: bool,
}

fn runs(lit: &str) -> Vec<Run> {
    let c: Vec<char> = lit.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        if !c[i].is_alphanumeric() {
            i += 1;
            continue;
        }
        let s = i;
        while i < c.len() && c[i].is_alphanumeric() {
            i += 1;
        }
        out.push(Run {
            text: c[s..i].iter().collect(),
            before: s > 0,
            after: i < c.len(),
        });
    }
    out
}

/// The turns whose words contain the literal's runs; None when it has none that can be looked up.
///
/// A run that may begin inside a word (nothing before it in the literal) needs a `.*word`
/// automaton run over the whole term dictionary: worth it for the one literal of a pattern in a
/// large corpus, but for several literals (an alternation), or in a corpus small for its
/// vocabulary, the passes cost more than checking every turn's text in memory with the regex, so
/// then (`inside` false) only runs that begin a word are looked up.
fn literal_query(lit: &str, inside: bool, fields: &Fields) -> Option<Box<dyn Query>> {
    let mut rs = runs(lit);
    rs.retain(|r| inside || r.before);
    // whole words are cheap exact lookups; the longest word beginnings narrow best
    rs.sort_by_key(|r| {
        (
            !(r.before && r.after),
            std::cmp::Reverse(r.text.chars().count()),
        )
    });
    rs.truncate(MAX_RUNS);
    let mut all: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for r in rs {
        let word = format!("(?i:{})", regex_syntax::escape(&r.text));
        let pattern = match (r.before, r.after) {
            (true, true) => word,
            (true, false) => format!("{word}.*"),
            (false, true) => format!("(?s:.*){word}"),
            (false, false) => format!("(?s:.*){word}(?s:.*)"),
        };
        let q = RegexQuery::from_pattern(&pattern, fields.text).ok()?;
        all.push((Occur::Must, Box::new(q)));
    }
    match all.len() {
        0 => None,
        1 => Some(all.remove(0).1),
        _ => Some(Box::new(BooleanQuery::new(all))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seq(p: &str, kind: ExtractKind) -> Option<Vec<String>> {
        let hir = regex_syntax::ParserBuilder::new().build().parse(p).unwrap();
        literals(&hir, kind).literals().map(|l| {
            l.iter()
                .map(|x| String::from_utf8_lossy(x.as_bytes()).into_owned())
                .collect()
        })
    }

    #[test]
    fn literals_from_prefix_and_suffix() {
        let p = seq("resurs(er|erna)? (saknas|fattas)", ExtractKind::Prefix).unwrap();
        assert!(p.iter().all(|l| l.starts_with("resurs")), "{p:?}");
        assert_eq!(seq(r"\d+ ?procent", ExtractKind::Prefix), None);
        let s = seq(r"\d+ ?procent", ExtractKind::Suffix).unwrap();
        assert!(s.iter().all(|l| l.ends_with("procent")), "{s:?}");
        assert_eq!(seq(r"\w+", ExtractKind::Prefix), None);
    }

    #[test]
    fn runs_know_their_edges() {
        assert_eq!(
            runs("er saknas"),
            vec![
                Run {
                    text: "er".into(),
                    before: false,
                    after: true
                },
                Run {
                    text: "saknas".into(),
                    before: true,
                    after: false
                }
            ]
        );
        assert!(runs(" - ").is_empty());
    }

    #[test]
    fn cut_literals_keep_whole_chars() {
        let b = "säk".as_bytes();
        assert_eq!(valid_part(&b[..2], &ExtractKind::Prefix), "s");
        assert_eq!(valid_part(&b[2..], &ExtractKind::Suffix), "k");
    }

    #[test]
    fn errors_point_into_the_query() {
        let q = "resurs /(saknas/ x";
        let at: Vec<usize> = (8..15).collect();
        let e = compile("(saknas", false, (7, 16), &at).unwrap_err();
        assert_eq!(e.start, 8, "{e:?} in {q}");
        assert!(e.to_string().contains("regular expression"));
        let e = compile("a{2,1}", false, (0, 8), &(1..7).collect::<Vec<_>>()).unwrap_err();
        assert!(e.start >= 1 && e.start < 7, "{e:?}");
    }

    #[test]
    fn runs_inside_words_narrow_only_one_literal() {
        let (_, fields) = Fields::schema();
        assert!(candidates("politisk ledning", false, &fields).1);
        assert!(candidates(r"\bvi har\b", false, &fields).1);
        assert!(candidates("informationssäkerhet", true, &fields).1);
        assert!(!candidates("informationssäkerhet", false, &fields).1);
        // a run that may sit inside a word is looked up for a pattern's one literal only
        assert!(literal_query("verenskommelse", true, &fields).is_some());
        assert!(literal_query("verenskommelse", false, &fields).is_none());
        assert!(literal_query("politisk ledning", false, &fields).is_some());
        assert!(!candidates(r"\d{4}", true, &fields).1);
    }
}
