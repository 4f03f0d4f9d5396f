//! The query language: words, "phrases", "proximity"~N, /regular expressions/, AND/OR/NOT/-,
//! parentheses, prefix*, fuzzy~N and key:value filters.
//!
//! Parsed by hand so that every error can point at a character position of the query.

use std::fmt;

/// Char positions `[start, end)` in the query string.
pub type Span = (usize, usize);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// A word: matches all its inflections.
    Word {
        text: String,
        span: Span,
    },
    /// `"exact words"`: the words in this order, exactly as written (case aside).
    Phrase {
        text: String,
        span: Span,
    },
    /// `informationssäkerhet*`: any word beginning so.
    Prefix {
        text: String,
        span: Span,
    },
    /// `ledningn~1`: words within this edit distance.
    Fuzzy {
        text: String,
        distance: u8,
        span: Span,
    },
    /// `"ledningen stöd"~5`: the words, each in all its inflections, in this order with at most
    /// `slop` other words between the first and the last.
    Near {
        text: String,
        slop: u32,
        span: Span,
    },
    /// `/resurs(er)? saknas/` or `/…/i`: a regular expression over the text of a turn.
    Regex {
        /// The pattern with `\/` unescaped to `/`.
        pattern: String,
        insensitive: bool,
        span: Span,
        /// Query char position of each char of `pattern` (for errors inside the pattern).
        at: Vec<usize>,
    },
    /// `key:value`.
    Filter {
        key: String,
        value: String,
        span: Span,
        value_span: Span,
    },
    Not(Box<Node>),
    And(Vec<Node>),
    Or(Vec<Node>),
}

/// A malformed query, with the char range of the problem.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct QueryError {
    /// What is wrong; worded in English by `Display`, in the user's language by `crate::messages::query`.
    pub kind: QueryErrorKind,
    /// Char positions in the query, `[start, end)`, 0-based.
    pub start: usize,
    pub end: usize,
}

/// What is wrong with a query, with what the message names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryErrorKind {
    Empty,
    QuoteOpen,
    RegexOpen,
    RegexEmpty,
    RegexEnd,
    /// The regex parser's own (English) description of the problem.
    RegexSyntax(String),
    /// A regex that parses but cannot be built (too big, say).
    RegexUnusable(String),
    ParenUnopened,
    ParenOpen,
    ParenEmpty,
    PhraseEmpty,
    NearEmpty,
    /// `"…"~N` with N not a number from 0 to `max`.
    NearSlop {
        max: u32,
    },
    AfterOr,
    BeforeOr,
    BeforeAnd,
    AfterAnd,
    AfterNot,
    BeforeCloseParen,
    ExpectedTerm,
    StarEnd,
    PrefixShort,
    FuzzyRange,
    TildeWord,
    /// `key:` with no value.
    FilterValue {
        key: String,
    },
    /// A word with no letters or digits.
    NoLetters {
        text: String,
    },
    PhraseNoLetters,
    PrefixOneWord,
    FuzzyOneWord,
    /// The index's refusal of a prefix.
    PrefixUnusable(String),
    UnknownCode {
        code: String,
    },
    UnknownCoder {
        name: String,
        known: Vec<String>,
    },
    UnknownCase {
        name: String,
        known: Vec<String>,
    },
    UnknownFilter {
        key: String,
        known: Vec<String>,
    },
    /// `code-query:X` for a code without a saved query.
    NoSavedQuery {
        name: String,
        id: String,
    },
    /// A saved query that runs itself through `code-query:`.
    SavedQueryLoop {
        name: String,
    },
    /// A problem inside the saved query of a code, at its own position in that query.
    InSavedQuery {
        name: String,
        query: String,
        error: Box<QueryError>,
    },
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "column {}: {}", self.start + 1, self.kind)
    }
}

impl fmt::Display for QueryErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use QueryErrorKind as K;
        let text = match self {
            K::Empty => "the query is empty",
            K::QuoteOpen => "this quotation mark is never closed",
            K::RegexOpen => {
                "this regular expression is never closed: end it with / (or /i to ignore case)"
            }
            K::RegexEmpty => "empty regular expression",
            K::RegexEnd => "a regular expression ends with / or /i, followed by a space",
            K::RegexSyntax(m) => return write!(f, "in the regular expression: {m}"),
            K::RegexUnusable(m) => return write!(f, "cannot use this regular expression: {m}"),
            K::ParenUnopened => "this closing parenthesis has no opening one",
            K::ParenOpen => "this parenthesis is never closed",
            K::ParenEmpty => "empty parentheses",
            K::PhraseEmpty => "empty phrase",
            K::NearEmpty => "empty proximity search",
            K::NearSlop { max } => {
                return write!(
                    f,
                    "a proximity search takes a number of words from 0 to {max}, as in \"ledningen stöd\"~5"
                );
            }
            K::AfterOr => "expected a search term after OR",
            K::BeforeOr => "OR needs a search term before it",
            K::BeforeAnd => "AND needs a search term before it",
            K::AfterAnd => "expected a search term after AND",
            K::AfterNot => "expected a search term after NOT or -",
            K::BeforeCloseParen => "expected a search term before this closing parenthesis",
            K::ExpectedTerm => "expected a search term",
            K::StarEnd => "`*` can only end a word (prefix search)",
            K::PrefixShort => "a prefix search needs at least 2 letters before `*`",
            K::FuzzyRange => "fuzzy search takes a distance of 0, 1 or 2, as in `ledning~1`",
            K::TildeWord => "expected a word before `~`",
            K::FilterValue { key } => {
                return write!(
                    f,
                    "expected a value after `{key}:`, as in `{key}:value` or `{key}:\"two words\"`"
                );
            }
            K::NoLetters { text } => {
                return write!(f, "nothing to search for in {text:?}: no letters or digits");
            }
            K::PhraseNoLetters => "nothing to search for in this phrase: no letters or digits",
            K::PrefixOneWord => "a prefix search takes one word of letters or digits",
            K::FuzzyOneWord => "a fuzzy search takes one word of letters or digits",
            K::PrefixUnusable(m) => return write!(f, "cannot search this prefix: {m}"),
            K::UnknownCode { code } => {
                return write!(
                    f,
                    "no code {code:?} in the codebook (give its id or name; see `kodbok codes`)"
                );
            }
            K::UnknownCoder { name, known } => {
                return write!(
                    f,
                    "no coder {name:?} has codings (coders: {})",
                    known.join(", ")
                );
            }
            K::UnknownCase { name, known } => {
                return write!(f, "no case {name:?} (cases: {})", known.join(", "));
            }
            K::UnknownFilter { key, known } => {
                return write!(f, "unknown filter `{key}:` (filters: {})", known.join(", "));
            }
            K::NoSavedQuery { name, id } => {
                return write!(
                    f,
                    "code {name:?} has no saved query (`kodbok codes describe {id} --query …`, or Q in the workbench's codebook)"
                );
            }
            K::SavedQueryLoop { name } => {
                return write!(f, "the saved query of code {name:?} uses itself");
            }
            K::InSavedQuery { name, query, error } => {
                return write!(f, "the saved query of code {name:?} ({query:?}), {error}");
            }
        };
        f.write_str(text)
    }
}

impl QueryError {
    pub fn new(span: Span, kind: QueryErrorKind) -> Self {
        QueryError {
            kind,
            start: span.0,
            end: span.1.max(span.0 + 1),
        }
    }

    /// The error with the query on one line and a caret line under the problem.
    pub fn render(&self, query: &str) -> String {
        self.render_as(query, &self.to_string())
    }

    /// [`QueryError::render`] with `head` (the error already worded) as its first line.
    pub fn render_as(&self, query: &str, head: &str) -> String {
        let q: String = query
            .chars()
            .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
            .collect();
        let pad = " ".repeat(self.start);
        let marks = "^".repeat((self.end - self.start).max(1));
        format!("{head}\n  {q}\n  {pad}{marks}")
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    LParen,
    RParen,
    And,
    Or,
    Not,
    Minus,
    Quoted(String),
    /// `"words"~N`.
    Near(String, u32),
    /// Pattern, case-insensitive, query position of each pattern char.
    Regex(String, bool, Vec<usize>),
    Term(String),
}

/// Most words allowed between the words of a proximity search.
pub const MAX_SLOP: u32 = 1000;

/// A `"…"~N` proximity suffix after a closing quote at `j` (the char index of the quote):
/// the slop and the index after it.
fn near_suffix(c: &[char], j: usize) -> Result<Option<(u32, usize)>, QueryError> {
    if c.get(j + 1) != Some(&'~') {
        return Ok(None);
    }
    let from = j + 2;
    let mut k = from;
    while k < c.len() && c[k].is_ascii_digit() {
        k += 1;
    }
    let digits: String = c[from..k].iter().collect();
    let ends = c.get(k).is_none_or(|n| n.is_whitespace() || *n == ')');
    match digits.parse::<u32>() {
        Ok(n) if ends && n <= MAX_SLOP => Ok(Some((n, k))),
        _ => Err(QueryError::new(
            (j + 1, k.max(j + 2)),
            QueryErrorKind::NearSlop { max: MAX_SLOP },
        )),
    }
}

/// A `/…/` or `/…/i` term starting at `i`: the token and the index after it.
fn regex_token(c: &[char], i: usize) -> Result<((Tok, Span), usize), QueryError> {
    let mut pattern = String::new();
    let mut at = Vec::new();
    let mut k = i + 1;
    while k < c.len() && c[k] != '/' {
        if c[k] == '\\' && c.get(k + 1) == Some(&'/') {
            k += 1;
        } else if c[k] == '\\' && k + 1 < c.len() {
            pattern.push('\\');
            at.push(k);
            k += 1;
        }
        pattern.push(c[k]);
        at.push(k);
        k += 1;
    }
    if k >= c.len() {
        return Err(QueryError::new((i, c.len()), QueryErrorKind::RegexOpen));
    }
    if pattern.is_empty() {
        return Err(QueryError::new((i, k + 1), QueryErrorKind::RegexEmpty));
    }
    let mut end = k + 1;
    let insensitive = c.get(end) == Some(&'i');
    if insensitive {
        end += 1;
    }
    if c.get(end).is_some_and(|n| !n.is_whitespace() && *n != ')') {
        return Err(QueryError::new((end, end + 1), QueryErrorKind::RegexEnd));
    }
    Ok(((Tok::Regex(pattern, insensitive, at), (i, end)), end))
}

fn lex(q: &str) -> Result<Vec<(Tok, Span)>, QueryError> {
    let c: Vec<char> = q.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        let ch = c[i];
        if ch.is_whitespace() {
            i += 1;
        } else if ch == '(' || ch == ')' {
            out.push((
                if ch == '(' { Tok::LParen } else { Tok::RParen },
                (i, i + 1),
            ));
            i += 1;
        } else if ch == '"' || ch == '”' || ch == '“' {
            let close = (i + 1..c.len()).find(|&j| matches!(c[j], '"' | '”' | '“'));
            let Some(j) = close else {
                return Err(QueryError::new((i, c.len()), QueryErrorKind::QuoteOpen));
            };
            let text: String = c[i + 1..j].iter().collect();
            if let Some((slop, k)) = near_suffix(&c, j)? {
                out.push((Tok::Near(text, slop), (i, k)));
                i = k;
            } else {
                out.push((Tok::Quoted(text), (i, j + 1)));
                i = j + 1;
            }
        } else if ch == '/' {
            let (tok, next) = regex_token(&c, i)?;
            out.push(tok);
            i = next;
        } else if ch == '-'
            && c.get(i + 1)
                .is_some_and(|n| !n.is_whitespace() && *n != ')')
        {
            out.push((Tok::Minus, (i, i + 1)));
            i += 1;
        } else {
            let s = i;
            while i < c.len()
                && !c[i].is_whitespace()
                && !matches!(c[i], '(' | ')' | '"' | '”' | '“')
            {
                i += 1;
                // `key:"quoted value"` (or `key="…"`) keeps the quote as its own token after the colon
                if matches!(c[i - 1], ':' | '=')
                    && c.get(i).is_some_and(|n| matches!(n, '"' | '”' | '“'))
                {
                    break;
                }
            }
            let word: String = c[s..i].iter().collect();
            let tok = match word.as_str() {
                "AND" | "&&" => Tok::And,
                "OR" | "||" | "|" => Tok::Or,
                "NOT" => Tok::Not,
                _ => Tok::Term(word),
            };
            out.push((tok, (s, i)));
        }
    }
    Ok(out)
}

struct Parser {
    toks: Vec<(Tok, Span)>,
    pos: usize,
    len: usize,
}

/// Parses a query. An empty query is an error.
pub fn parse(q: &str) -> Result<Node, QueryError> {
    let len = q.chars().count();
    let mut p = Parser {
        toks: lex(q)?,
        pos: 0,
        len,
    };
    if p.toks.is_empty() {
        return Err(QueryError::new((0, len.max(1)), QueryErrorKind::Empty));
    }
    let node = p.or()?;
    if let Some((_, span)) = p.toks.get(p.pos) {
        return Err(QueryError::new(*span, QueryErrorKind::ParenUnopened));
    }
    Ok(node)
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|(t, _)| t)
    }

    fn here(&self) -> Span {
        self.toks
            .get(self.pos)
            .map_or((self.len, self.len + 1), |(_, s)| *s)
    }

    fn prev_end(&self) -> usize {
        self.pos
            .checked_sub(1)
            .and_then(|i| self.toks.get(i))
            .map_or(0, |(_, s)| s.1)
    }

    fn or(&mut self) -> Result<Node, QueryError> {
        let mut items = vec![self.and()?];
        while self.peek() == Some(&Tok::Or) {
            self.pos += 1;
            if matches!(self.peek(), None | Some(Tok::RParen | Tok::Or | Tok::And)) {
                let at = self.prev_end();
                return Err(QueryError::new((at, at + 1), QueryErrorKind::AfterOr));
            }
            items.push(self.and()?);
        }
        Ok(if items.len() == 1 {
            items.remove(0)
        } else {
            Node::Or(items)
        })
    }

    fn and(&mut self) -> Result<Node, QueryError> {
        let mut items = Vec::new();
        loop {
            match self.peek() {
                None | Some(Tok::RParen) | Some(Tok::Or) => break,
                Some(Tok::And) => {
                    if items.is_empty() {
                        return Err(QueryError::new(self.here(), QueryErrorKind::BeforeAnd));
                    }
                    self.pos += 1;
                    if matches!(self.peek(), None | Some(Tok::RParen | Tok::Or | Tok::And)) {
                        let at = self.prev_end();
                        return Err(QueryError::new((at, at + 1), QueryErrorKind::AfterAnd));
                    }
                }
                _ => items.push(self.unary()?),
            }
        }
        match items.len() {
            0 => {
                let kind = match self.peek() {
                    Some(Tok::Or) => QueryErrorKind::BeforeOr,
                    Some(Tok::RParen) => QueryErrorKind::BeforeCloseParen,
                    _ => QueryErrorKind::ExpectedTerm,
                };
                Err(QueryError::new(self.here(), kind))
            }
            1 => Ok(items.remove(0)),
            _ => Ok(Node::And(items)),
        }
    }

    fn unary(&mut self) -> Result<Node, QueryError> {
        match self.peek() {
            Some(Tok::Not) | Some(Tok::Minus) => {
                let span = self.here();
                self.pos += 1;
                if matches!(self.peek(), None | Some(Tok::RParen | Tok::Or | Tok::And)) {
                    return Err(QueryError::new(span, QueryErrorKind::AfterNot));
                }
                Ok(Node::Not(Box::new(self.unary()?)))
            }
            _ => self.primary(),
        }
    }

    fn primary(&mut self) -> Result<Node, QueryError> {
        let Some((tok, span)) = self.toks.get(self.pos).cloned() else {
            return Err(QueryError::new(self.here(), QueryErrorKind::ExpectedTerm));
        };
        self.pos += 1;
        match tok {
            Tok::LParen => {
                if self.peek() == Some(&Tok::RParen) {
                    return Err(QueryError::new(
                        (span.0, self.here().1),
                        QueryErrorKind::ParenEmpty,
                    ));
                }
                let inner = self.or()?;
                if self.peek() != Some(&Tok::RParen) {
                    return Err(QueryError::new(span, QueryErrorKind::ParenOpen));
                }
                self.pos += 1;
                Ok(inner)
            }
            Tok::Quoted(text) => {
                if text.trim().is_empty() {
                    return Err(QueryError::new(span, QueryErrorKind::PhraseEmpty));
                }
                Ok(Node::Phrase { text, span })
            }
            Tok::Near(text, slop) => {
                if text.trim().is_empty() {
                    return Err(QueryError::new(span, QueryErrorKind::NearEmpty));
                }
                Ok(Node::Near { text, slop, span })
            }
            Tok::Regex(pattern, insensitive, at) => Ok(Node::Regex {
                pattern,
                insensitive,
                span,
                at,
            }),
            Tok::Term(t) => self.term(t, span),
            Tok::RParen => Err(QueryError::new(span, QueryErrorKind::ParenUnopened)),
            Tok::And | Tok::Or | Tok::Not | Tok::Minus => {
                Err(QueryError::new(span, QueryErrorKind::ExpectedTerm))
            }
        }
    }

    fn term(&mut self, t: String, span: Span) -> Result<Node, QueryError> {
        // `key:value`, the one filter syntax; `key=value` means the same (a term holds no spaces,
        // so nothing is trimmed and the spans stay right)
        if let Some((key, value)) = crate::model::filter::split_kv(&t) {
            let key_ok = key
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '-' || c == '.');
            if key_ok {
                return self.filter(key, value, span);
            }
        }
        let n = t.chars().count();
        if let Some(stem) = t.strip_suffix('*') {
            if stem.contains(['*', '~']) {
                return Err(QueryError::new(span, QueryErrorKind::StarEnd));
            }
            if stem.chars().count() < 2 {
                return Err(QueryError::new(span, QueryErrorKind::PrefixShort));
            }
            return Ok(Node::Prefix {
                text: stem.to_string(),
                span,
            });
        }
        if let Some(star) = t.chars().position(|c| c == '*') {
            let at = span.0 + star;
            return Err(QueryError::new((at, at + 1), QueryErrorKind::StarEnd));
        }
        if let Some((word, d)) = t.split_once('~') {
            let tilde = span.0 + word.chars().count();
            let distance = match d {
                "" => 1,
                "0" => 0,
                "1" => 1,
                "2" => 2,
                _ => {
                    return Err(QueryError::new(
                        (tilde, span.0 + n),
                        QueryErrorKind::FuzzyRange,
                    ));
                }
            };
            if word.is_empty() {
                return Err(QueryError::new(span, QueryErrorKind::TildeWord));
            }
            return Ok(Node::Fuzzy {
                text: word.to_string(),
                distance,
                span,
            });
        }
        Ok(Node::Word { text: t, span })
    }

    fn filter(&mut self, key: &str, value: &str, span: Span) -> Result<Node, QueryError> {
        let key_len = key.chars().count();
        let key = key.to_lowercase();
        if !value.is_empty() {
            let value_span = (span.0 + key_len + 1, span.1);
            return Ok(Node::Filter {
                key,
                value: value.to_string(),
                span,
                value_span,
            });
        }
        match self.toks.get(self.pos).cloned() {
            Some((Tok::Quoted(v), vs)) if vs.0 == span.1 && !v.trim().is_empty() => {
                self.pos += 1;
                Ok(Node::Filter {
                    key,
                    value: v.trim().to_string(),
                    span: (span.0, vs.1),
                    value_span: vs,
                })
            }
            _ => Err(QueryError::new(span, QueryErrorKind::FilterValue { key })),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(t: &str, s: usize) -> Node {
        Node::Word {
            text: t.into(),
            span: (s, s + t.chars().count()),
        }
    }

    #[test]
    fn implicit_and_or_not() {
        assert_eq!(parse("a b").unwrap(), Node::And(vec![w("a", 0), w("b", 2)]));
        assert_eq!(
            parse("a OR b -c").unwrap(),
            Node::Or(vec![
                w("a", 0),
                Node::And(vec![w("b", 5), Node::Not(Box::new(w("c", 8)))])
            ])
        );
        assert_eq!(
            parse("(a OR b) AND NOT c").unwrap(),
            Node::And(vec![
                Node::Or(vec![w("a", 1), w("b", 6)]),
                Node::Not(Box::new(w("c", 17))),
            ])
        );
    }

    #[test]
    fn phrases_prefix_fuzzy_filters() {
        assert_eq!(
            parse("\"politisk ledning\"").unwrap(),
            Node::Phrase {
                text: "politisk ledning".into(),
                span: (0, 18)
            }
        );
        assert_eq!(
            parse("info*").unwrap(),
            Node::Prefix {
                text: "info".into(),
                span: (0, 5)
            }
        );
        assert_eq!(
            parse("ledningn~1").unwrap(),
            Node::Fuzzy {
                text: "ledningn".into(),
                distance: 1,
                span: (0, 10)
            }
        );
        assert_eq!(
            parse("case:\"Kommun C\"").unwrap(),
            Node::Filter {
                key: "case".into(),
                value: "Kommun C".into(),
                span: (0, 15),
                value_span: (5, 15),
            }
        );
        assert_eq!(
            parse("-code:hinder").unwrap(),
            Node::Not(Box::new(Node::Filter {
                key: "code".into(),
                value: "hinder".into(),
                span: (1, 12),
                value_span: (6, 12),
            }))
        );
        assert_eq!(
            parse("grupp:låg").unwrap(),
            Node::Filter {
                key: "grupp".into(),
                value: "låg".into(),
                span: (0, 9),
                value_span: (6, 9),
            }
        );
        assert_eq!(parse("it-chef").unwrap(), w("it-chef", 0));
        // key=value is the same filter as key:value
        assert_eq!(parse("grupp=låg").unwrap(), parse("grupp:låg").unwrap());
        assert_eq!(
            parse("case=\"Kommun C\"").unwrap(),
            parse("case:\"Kommun C\"").unwrap()
        );
    }

    #[test]
    fn regexes_and_proximity() {
        match parse("/resurs(er)? saknas/i grupp:låg").unwrap() {
            Node::And(items) => match &items[0] {
                Node::Regex {
                    pattern,
                    insensitive,
                    span,
                    at,
                } => {
                    assert_eq!(pattern, "resurs(er)? saknas");
                    assert!(*insensitive);
                    assert_eq!(*span, (0, 21));
                    assert_eq!(at[0], 1);
                }
                other => panic!("{other:?}"),
            },
            other => panic!("{other:?}"),
        }
        match parse(r"/a\/b/").unwrap() {
            Node::Regex { pattern, at, .. } => {
                assert_eq!(pattern, "a/b");
                assert_eq!(at, vec![1, 3, 4]);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            parse("\"ledningen stöd\"~5").unwrap(),
            Node::Near {
                text: "ledningen stöd".into(),
                slop: 5,
                span: (0, 18)
            }
        );
        assert!(matches!(parse("-/x/").unwrap(), Node::Not(_)));
        assert_eq!(parse("och/eller").unwrap(), w("och/eller", 0));
    }

    #[test]
    fn regex_and_proximity_errors() {
        let e = |q: &str| parse(q).unwrap_err();
        assert_eq!(e("a /resurs").start, 2);
        assert!(e("a /resurs").to_string().contains("never closed"));
        assert_eq!(e("/x/y").start, 3);
        assert_eq!(e("//").start, 0);
        assert_eq!(e("\"a b\"~x").start, 5);
        assert_eq!(e("\"a b\"~5000").start, 5);
    }

    #[test]
    fn errors_point_at_the_problem() {
        let e = |q: &str| parse(q).unwrap_err();
        assert_eq!(e("(resurs OR brist").start, 0);
        assert!(e("(resurs OR brist").to_string().contains("never closed"));
        assert_eq!(e("resurs)").start, 6);
        assert_eq!(e("\"politisk ledning").start, 0);
        assert!(e("resurs AND").to_string().contains("after AND"));
        assert_eq!(e("resurs AND").start, 10);
        assert_eq!(e("OR resurs").start, 0);
        assert_eq!(e("led*ning").start, 3);
        assert_eq!(e("ledning~5").start, 7);
        assert_eq!(e("code:").start, 0);
        assert_eq!(e("a ()").start, 2);
        assert!(e("   ").to_string().contains("empty"));
        let r = e("resurs AND").render("resurs AND");
        assert!(r.ends_with("            ^"), "{r}");
    }
}
