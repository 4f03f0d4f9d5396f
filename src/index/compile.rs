//! Turns a parsed query into a tantivy query plus the matchers that find and highlight matches in a turn.

use super::inflect::{self, WordSet};
use super::query::{self, Node, QueryError, QueryErrorKind, Span};
use super::schema::{Fields, TextWords, raw_analyzer, stem_one, stem_term, tokens};
use super::texts::{TextSource, TurnTexts};
use super::verify::{Check, VerifiedQuery};
use super::{near, regex_term};
use crate::model::Codebook;
use std::sync::Arc;
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, EmptyQuery, FuzzyTermQuery, Occur, PhraseQuery, Query,
    RegexQuery, TermQuery,
};
use tantivy::schema::IndexRecordOption;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Searcher, Term};

mod starts;
pub use starts::Starts;

/// How a positive text term of the query is found again in a turn's text, for highlighting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Matcher {
    /// A word in one of its inflections.
    Word(WordSet),
    /// These lower-cased words in a row.
    Phrase(Vec<String>),
    /// A word starting with this.
    Prefix(String),
    /// A word within this edit distance.
    Fuzzy(String, u8),
    /// These words in this order with at most this many words between the first and the last.
    Near(Vec<WordSet>, u32),
    /// A regular expression's matches.
    Regex(Pattern),
}

/// A compiled `/…/` pattern (equal when the patterns are).
#[derive(Debug, Clone)]
pub struct Pattern(pub regex::Regex);

impl PartialEq for Pattern {
    fn eq(&self, other: &Self) -> bool {
        self.0.as_str() == other.0.as_str()
    }
}

impl Eq for Pattern {}

/// What the query may refer to: the codebook, coders, case attributes and cases of the index.
pub struct Vocabulary<'a> {
    pub codebook: &'a Codebook,
    pub coders: &'a [String],
    pub attrs: &'a [String],
    pub cases: &'a [String],
}

pub struct Compiled {
    pub query: Box<dyn Query>,
    pub matchers: Vec<Matcher>,
    /// The matchers' words found by their beginnings, when they are all of single words.
    pub starts: Option<Starts>,
    /// Whether any word, phrase, proximity, prefix or fuzzy term is positive (else hits are listed in
    /// document order; a regular expression scores every hit alike).
    pub scored: bool,
}

pub const FILTER_KEYS: &[&str] = &["code", "coder", "case", "speaker", "doc", "code-query"];

pub struct Compiler<'a> {
    pub fields: Fields,
    pub vocab: Vocabulary<'a>,
    pub searcher: &'a Searcher,
    pub stem: &'a mut TextAnalyzer,
    raw: TextAnalyzer,
    matchers: Vec<Matcher>,
    /// Codes whose saved queries are being compiled (a saved query may not use itself).
    expanding: Vec<String>,
    /// Turn texts to verify regex and proximity candidates against (else the document store).
    texts: Option<TextSource<'a>>,
}

impl<'a> Compiler<'a> {
    pub fn new(
        fields: Fields,
        vocab: Vocabulary<'a>,
        searcher: &'a Searcher,
        stem: &'a mut TextAnalyzer,
    ) -> Self {
        Compiler {
            fields,
            vocab,
            searcher,
            stem,
            raw: raw_analyzer(),
            matchers: Vec::new(),
            expanding: Vec::new(),
            texts: None,
        }
    }

    /// Verifies candidates against the transcripts' texts, read at the first term that needs them.
    pub fn with_texts(mut self, texts: TextSource<'a>) -> Self {
        self.texts = Some(texts);
        self
    }

    fn texts(&self) -> Option<Arc<TurnTexts>> {
        self.texts.as_ref().map(TextSource::get)
    }

    /// `layer`: a coder whose codings `code:` filters look at (unless the query names a coder).
    pub fn compile(mut self, node: &Node, layer: Option<&str>) -> Result<Compiled, QueryError> {
        let query = self.node(node, true, layer)?;
        let scored = self
            .matchers
            .iter()
            .any(|m| !matches!(m, Matcher::Regex(_)));
        Ok(Compiled {
            query,
            starts: Starts::of(&self.matchers),
            matchers: self.matchers,
            scored,
        })
    }

    fn node(
        &mut self,
        node: &Node,
        positive: bool,
        coder: Option<&str>,
    ) -> Result<Box<dyn Query>, QueryError> {
        match node {
            Node::Word { text, span } => self.word(text, *span, positive),
            Node::Phrase { text, span } => self.phrase(text, *span, positive),
            Node::Prefix { text, span } => self.prefix(text, *span, positive),
            Node::Fuzzy {
                text,
                distance,
                span,
            } => self.fuzzy(text, *distance, *span, positive),
            Node::Near { text, slop, span } => self.near(text, *slop, *span, positive),
            Node::Regex {
                pattern,
                insensitive,
                span,
                at,
            } => self.regex(pattern, *insensitive, *span, at, positive),
            Node::Filter {
                key,
                value,
                value_span,
                ..
            } if key == "code-query" => self.code_query(value, *value_span, positive, coder),
            Node::Filter {
                key,
                value,
                span,
                value_span,
            } => {
                let q = self.filter(key, value, *span, *value_span, coder)?;
                Ok(Box::new(ConstScoreQuery::new(q, 0.0)))
            }
            Node::Not(inner) => {
                let q = self.node(inner, !positive, coder)?;
                Ok(Box::new(BooleanQuery::new(vec![
                    (Occur::Must, Box::new(AllQuery) as Box<dyn Query>),
                    (Occur::MustNot, q),
                ])))
            }
            Node::Or(items) => {
                let mut clauses = Vec::new();
                for n in items {
                    clauses.push((Occur::Should, self.node(n, positive, coder)?));
                }
                Ok(Box::new(BooleanQuery::new(clauses)))
            }
            Node::And(items) => self.and(items, positive, coder),
        }
    }

    /// An AND with exactly one positive `coder:` filter limits the `code:` filters beside it to that coder.
    fn and(
        &mut self,
        items: &[Node],
        positive: bool,
        coder: Option<&str>,
    ) -> Result<Box<dyn Query>, QueryError> {
        let coders: Vec<&str> = items
            .iter()
            .filter_map(|n| match n {
                Node::Filter { key, value, .. } if key == "coder" => Some(value.as_str()),
                _ => None,
            })
            .collect();
        let scope = if coders.len() == 1 {
            Some(coders[0])
        } else {
            coder
        };
        let mut clauses = Vec::new();
        let mut any_must = false;
        for n in items {
            match n {
                Node::Not(inner) => {
                    clauses.push((Occur::MustNot, self.node(inner, !positive, scope)?))
                }
                _ => {
                    any_must = true;
                    clauses.push((Occur::Must, self.node(n, positive, scope)?));
                }
            }
        }
        if !any_must {
            clauses.push((Occur::Must, Box::new(AllQuery)));
        }
        Ok(Box::new(BooleanQuery::new(clauses)))
    }

    fn words(&mut self, text: &str) -> Vec<String> {
        tokens(&mut self.raw, text)
            .into_iter()
            .map(|t| t.0)
            .collect()
    }

    fn word(
        &mut self,
        text: &str,
        span: Span,
        positive: bool,
    ) -> Result<Box<dyn Query>, QueryError> {
        let words = self.words(text);
        match words.len() {
            0 => Err(QueryError::new(
                span,
                QueryErrorKind::NoLetters {
                    text: text.to_string(),
                },
            )),
            1 => {
                let (q, set) = self.word_query(&words[0]);
                if positive {
                    self.matchers.push(Matcher::Word(set));
                }
                Ok(q)
            }
            // it-chef, 2019-05: the parts as a phrase
            _ => Ok(self.words_query(words, positive)),
        }
    }

    /// The index query of one word in all its inflections, and what finds it again in a text.
    fn word_query(&mut self, word: &str) -> (Box<dyn Query>, WordSet) {
        let set = inflect::word_set(self.stem, word);
        // a word whose stem is s is indexed as the marked stem, or as itself when it is its own stem
        let mut terms: Vec<String> = Vec::new();
        for s in &set.stems {
            terms.push(stem_term(s));
            if stem_one(self.stem, s).as_deref() == Some(s.as_str()) {
                terms.push(s.clone());
            }
        }
        // irregular forms are matched as written (every word is indexed lower-cased)
        terms.extend(set.forms.iter().cloned());
        terms.sort();
        terms.dedup();
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = terms
            .into_iter()
            .filter(|t| self.present(self.fields.text, t))
            .map(|t| {
                let term = Term::from_field_text(self.fields.text, &t);
                let q: Box<dyn Query> =
                    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs));
                (Occur::Should, q)
            })
            .collect();
        let q: Box<dyn Query> = match clauses.len() {
            0 => Box::new(EmptyQuery),
            1 => clauses.remove(0).1,
            _ => Box::new(BooleanQuery::new(clauses)),
        };
        (q, set)
    }

    /// `"a b"~N`: turns with every word (scored as such), verified for their order and distance.
    fn near(
        &mut self,
        text: &str,
        slop: u32,
        span: Span,
        positive: bool,
    ) -> Result<Box<dyn Query>, QueryError> {
        let words = self.words(text);
        if words.len() < 2 {
            return self.word(text, span, positive);
        }
        let mut sets = Vec::new();
        let mut scoring: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut filter: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for w in &words {
            let (q, set) = self.word_query(w);
            filter.push((Occur::Must, q.box_clone()));
            scoring.push((Occur::Must, q));
            sets.push(set);
        }
        if positive {
            self.matchers.push(Matcher::Near(sets.clone(), slop));
        }
        let verified = VerifiedQuery::new(
            Box::new(BooleanQuery::new(filter)),
            self.fields.text,
            near::check(sets, slop),
            format!("{text:?}~{slop}"),
            0.0,
        )
        .with_texts(self.texts());
        Ok(Box::new(BooleanQuery::new(vec![
            (
                Occur::Must,
                Box::new(BooleanQuery::new(scoring)) as Box<dyn Query>,
            ),
            (Occur::Must, Box::new(verified)),
        ])))
    }

    /// `/…/`: the turns the index cannot rule out, each verified with the regex.
    fn regex(
        &mut self,
        pattern: &str,
        insensitive: bool,
        span: Span,
        at: &[usize],
        positive: bool,
    ) -> Result<Box<dyn Query>, QueryError> {
        let re = regex_term::compile(pattern, insensitive, span, at)?;
        let texts = self.texts();
        let inside =
            super::texts::dictionary_pass_pays(self.searcher, self.fields.text, texts.as_deref());
        let (candidates, _) = regex_term::candidates(pattern, inside, &self.fields);
        let verify = re.clone();
        let check: Check = Arc::new(move |t: &str| verify.is_match(t));
        if positive {
            self.matchers.push(Matcher::Regex(Pattern(re)));
        }
        Ok(Box::new(
            VerifiedQuery::new(
                candidates,
                self.fields.text,
                check,
                pattern.to_string(),
                1.0,
            )
            .with_texts(self.texts())
            .scan_when_dense(),
        ))
    }

    /// `code-query:X`: the query saved with code X, compiled in place.
    fn code_query(
        &mut self,
        value: &str,
        vspan: Span,
        positive: bool,
        coder: Option<&str>,
    ) -> Result<Box<dyn Query>, QueryError> {
        let codebook: &'a Codebook = self.vocab.codebook;
        let code = codebook.resolve(value).map_err(|_| {
            QueryError::new(
                vspan,
                QueryErrorKind::UnknownCode {
                    code: value.to_string(),
                },
            )
        })?;
        if code.query.trim().is_empty() {
            return Err(QueryError::new(
                vspan,
                QueryErrorKind::NoSavedQuery {
                    name: code.name.clone(),
                    id: code.id.clone(),
                },
            ));
        }
        if self.expanding.contains(&code.id) {
            return Err(QueryError::new(
                vspan,
                QueryErrorKind::SavedQueryLoop {
                    name: code.name.clone(),
                },
            ));
        }
        let wrap = |e: QueryError| {
            QueryError::new(
                vspan,
                QueryErrorKind::InSavedQuery {
                    name: code.name.clone(),
                    query: code.query.clone(),
                    error: Box::new(e),
                },
            )
        };
        let node = query::parse(&code.query).map_err(wrap)?;
        self.expanding.push(code.id.clone());
        let r = self.node(&node, positive, coder).map_err(wrap);
        self.expanding.pop();
        r
    }

    fn present(&self, field: tantivy::schema::Field, text: &str) -> bool {
        self.searcher
            .doc_freq(&Term::from_field_text(field, text))
            .is_ok_and(|n| n > 0)
    }

    fn words_query(&mut self, words: Vec<String>, positive: bool) -> Box<dyn Query> {
        let terms: Vec<Term> = words
            .iter()
            .map(|w| Term::from_field_text(self.fields.text, w))
            .collect();
        if positive {
            self.matchers.push(Matcher::Phrase(words));
        }
        if terms.len() == 1 {
            let t = terms
                .into_iter()
                .next()
                .map(|t| TermQuery::new(t, IndexRecordOption::WithFreqs));
            return t.map_or(Box::new(EmptyQuery) as Box<dyn Query>, |q| Box::new(q));
        }
        Box::new(PhraseQuery::new(terms))
    }

    fn phrase(
        &mut self,
        text: &str,
        span: Span,
        positive: bool,
    ) -> Result<Box<dyn Query>, QueryError> {
        let words = self.words(text);
        if words.is_empty() {
            return Err(QueryError::new(span, QueryErrorKind::PhraseNoLetters));
        }
        Ok(self.words_query(words, positive))
    }

    /// The one word of a prefix or fuzzy term; `not_one` is the error when there is not exactly one.
    fn single(
        &mut self,
        text: &str,
        span: Span,
        not_one: QueryErrorKind,
    ) -> Result<String, QueryError> {
        let words = self.words(text);
        match <[String; 1]>::try_from(words) {
            Ok([w]) => Ok(w),
            Err(_) => Err(QueryError::new(span, not_one)),
        }
    }

    fn prefix(
        &mut self,
        text: &str,
        span: Span,
        positive: bool,
    ) -> Result<Box<dyn Query>, QueryError> {
        let w = self.single(text, span, QueryErrorKind::PrefixOneWord)?;
        let q = RegexQuery::from_pattern(&format!("{w}.*"), self.fields.text)
            .map_err(|e| QueryError::new(span, QueryErrorKind::PrefixUnusable(e.to_string())))?;
        if positive {
            self.matchers.push(Matcher::Prefix(w));
        }
        Ok(Box::new(q))
    }

    fn fuzzy(
        &mut self,
        text: &str,
        d: u8,
        span: Span,
        positive: bool,
    ) -> Result<Box<dyn Query>, QueryError> {
        let w = self.single(text, span, QueryErrorKind::FuzzyOneWord)?;
        let term = Term::from_field_text(self.fields.text, &w);
        if positive {
            self.matchers.push(Matcher::Fuzzy(w, d));
        }
        Ok(Box::new(FuzzyTermQuery::new(term, d, true)))
    }

    fn filter(
        &mut self,
        key: &str,
        value: &str,
        span: Span,
        vspan: Span,
        coder: Option<&str>,
    ) -> Result<Box<dyn Query>, QueryError> {
        let f = self.fields;
        let term = |field, v: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(field, v),
                IndexRecordOption::Basic,
            ))
        };
        match key {
            "code" => {
                let code = self.vocab.codebook.resolve(value).map_err(|_| {
                    QueryError::new(
                        vspan,
                        QueryErrorKind::UnknownCode {
                            code: value.to_string(),
                        },
                    )
                })?;
                Ok(match coder {
                    Some(c) => term(f.f_coder_code, &format!("{c}={}", code.id)),
                    None => term(f.f_code, &code.id),
                })
            }
            "coder" => {
                if !self.vocab.coders.iter().any(|c| c == value) {
                    return Err(QueryError::new(
                        vspan,
                        QueryErrorKind::UnknownCoder {
                            name: value.to_string(),
                            known: self.vocab.coders.to_vec(),
                        },
                    ));
                }
                Ok(term(f.f_coder, value))
            }
            "case" => {
                let lower = value.to_lowercase();
                if !self.vocab.cases.iter().any(|c| c.to_lowercase() == lower) {
                    return Err(QueryError::new(
                        vspan,
                        QueryErrorKind::UnknownCase {
                            name: value.to_string(),
                            known: self.vocab.cases.to_vec(),
                        },
                    ));
                }
                Ok(term(f.f_case, &lower))
            }
            "speaker" => Ok(term(f.f_speaker, &value.to_lowercase())),
            "doc" => Ok(term(f.doc, value)),
            _ => {
                // `group` names the codebook's group attribute, unless an attribute is called so
                let group = &self.vocab.codebook.settings.group_attribute;
                let named = |k: &str| self.vocab.attrs.iter().find(|a| a.to_lowercase() == k);
                let found = named(key).or_else(|| {
                    (key == crate::model::filter::GROUP_KEY)
                        .then(|| named(&group.to_lowercase()))
                        .flatten()
                });
                let Some(attr) = found else {
                    let mut known: Vec<String> =
                        FILTER_KEYS.iter().map(|k| k.to_string()).collect();
                    known.extend(self.vocab.attrs.iter().cloned());
                    let key_span = (span.0, span.0 + key.chars().count());
                    return Err(QueryError::new(
                        key_span,
                        QueryErrorKind::UnknownFilter {
                            key: key.to_string(),
                            known,
                        },
                    ));
                };
                Ok(term(f.f_attr, &attr_value(attr, value)))
            }
        }
    }
}

/// The `f_attr` term of an attribute value.
pub fn attr_value(key: &str, value: &str) -> String {
    format!("{}={}", key.to_lowercase(), value.trim().to_lowercase())
}

/// Whether a lower-cased token matches a matcher that works on single words.
fn word_matches(m: &Matcher, token: &str, stem: &mut dyn FnMut() -> String) -> bool {
    match m {
        Matcher::Word(s) => s.matches(token, stem),
        Matcher::Prefix(p) => token.starts_with(p.as_str()),
        Matcher::Fuzzy(w, d) => edit_distance(token, w) <= usize::from(*d),
        Matcher::Phrase(_) | Matcher::Near(..) | Matcher::Regex(_) => false,
    }
}

/// Byte ranges of the matches of proximity searches and regular expressions.
fn span_matches(
    matchers: &[Matcher],
    text: &str,
    toks: &TextWords,
    stem_an: &mut TextAnalyzer,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for m in matchers {
        match m {
            // empty matches (of `/x*/`) mark no text
            Matcher::Regex(p) => out.extend(
                p.0.find_iter(text)
                    .filter(|m| m.end() > m.start())
                    .map(|m| (m.start(), m.end())),
            ),
            Matcher::Near(sets, slop) => {
                let mut stem = |i: usize| stem_one(stem_an, toks.word(i)).unwrap_or_default();
                out.extend(near::spans(sets, *slop, toks, &mut stem));
            }
            _ => {}
        }
    }
    out
}

/// Byte ranges in `text` of everything the matchers match, sorted, overlapping ones merged. Ranges
/// that only touch stay apart: a regex's adjacent matches are separate matches (and separate codings
/// when auto-coding by match). `starts` are the matchers' [`Starts`] (made from the same matchers) when
/// they have them: the words' beginnings looked for in the lower-cased text instead of every word.
pub fn find_matches(
    matchers: &[Matcher],
    starts: Option<&Starts>,
    text: &str,
    stem_an: &mut TextAnalyzer,
) -> Vec<(usize, usize)> {
    if let Some(found) = starts.and_then(|s| s.matches(matchers, text, stem_an)) {
        return merged(found);
    }
    // a query of regular expressions alone needs no words
    let words = matchers.iter().any(|m| !matches!(m, Matcher::Regex(_)));
    // one buffer of words per thread, filled again for each text
    WORDS.with_borrow_mut(|toks| {
        toks.fill(if words { text } else { "" });
        matches_in(matchers, text, toks, stem_an)
    })
}

thread_local! {
    static WORDS: std::cell::RefCell<TextWords> = std::cell::RefCell::default();
}

fn matches_in(
    matchers: &[Matcher],
    text: &str,
    toks: &TextWords,
    stem_an: &mut TextAnalyzer,
) -> Vec<(usize, usize)> {
    let mut out = span_matches(matchers, text, toks, stem_an);
    for i in 0..toks.len() {
        let tok = toks.word(i);
        let (from, to) = toks.range(i);
        let mut cached: Option<String> = None;
        let mut stem = || {
            cached
                .get_or_insert_with(|| stem_one(stem_an, tok).unwrap_or_default())
                .clone()
        };
        for m in matchers {
            if let Matcher::Phrase(words) = m {
                let n = words.len();
                if i + n <= toks.len()
                    && words.iter().enumerate().all(|(j, w)| toks.word(i + j) == w)
                {
                    out.push((from, toks.range(i + n - 1).1));
                }
            } else if word_matches(m, tok, &mut stem) {
                out.push((from, to));
            }
        }
    }
    merged(out)
}

/// Byte ranges sorted, overlapping ones merged.
fn merged(mut ranges: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in ranges {
        match merged.last_mut() {
            Some(last) if s < last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

/// Damerau-Levenshtein distance (adjacent transpositions cost 1), as tantivy's fuzzy query uses.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::schema::stem_analyzer;

    #[test]
    fn distances() {
        assert_eq!(edit_distance("ledningn", "ledningen"), 1);
        assert_eq!(edit_distance("ledinng", "ledning"), 1);
        assert_eq!(edit_distance("abc", "abc"), 0);
        assert_eq!(edit_distance("", "ab"), 2);
    }

    #[test]
    fn highlights_words_phrases_prefixes() {
        let mut a = stem_analyzer();
        let text =
            "Resurserna räcker inte. Politisk ledning saknas, informationssäkerhetsarbetet likaså.";
        let m = vec![
            Matcher::Word(inflect::word_set(&mut a, "resurs")),
            Matcher::Phrase(vec!["politisk".into(), "ledning".into()]),
            Matcher::Prefix("informationssäkerhet".into()),
        ];
        let r = find_matches(&m, None, text, &mut a);
        let got: Vec<&str> = r.iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(
            got,
            [
                "Resurserna",
                "Politisk ledning",
                "informationssäkerhetsarbetet"
            ]
        );
    }

    #[test]
    fn adjacent_regex_matches_stay_apart() {
        // `/e?/` on "avseende" matches "e" at 3, 4 and 7: the first two touch and are two
        // matches, as the regex crate reports them (merging them gave one two-char span)
        let mut a = stem_analyzer();
        let text = "avseende";
        let m = vec![Matcher::Regex(Pattern(regex::Regex::new("e?").unwrap()))];
        let r = find_matches(&m, None, text, &mut a);
        assert_eq!(r, [(3, 4), (4, 5), (7, 8)]);
        // overlapping matches of different terms still merge into one highlight
        let m = vec![
            Matcher::Regex(Pattern(regex::Regex::new("vse").unwrap())),
            Matcher::Regex(Pattern(regex::Regex::new("een").unwrap())),
        ];
        assert_eq!(find_matches(&m, None, text, &mut a), [(1, 6)]);
    }
}
