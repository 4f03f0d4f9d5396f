//! Analysis of a coded study: which codings count (the layer), and the shared pieces of every count.
//!
//! A *layer* is the set of codings an analysis reads: one coder's file, the consensus file
//! (`codings/konsensus.json`), or every coder's file merged. Every result says which layer it used.

pub mod chart;
pub mod cooccurrence;
pub mod docx;
pub mod export;
pub mod fisher;
pub mod matrix;
pub mod pseudonyms;
pub mod quotes;
pub mod report;
pub mod saturation;
pub mod summary;
#[cfg(test)]
pub(crate) mod tests_support;
pub mod words;
pub mod xlsx;

use crate::model::{CONSENSUS_CODER, Coding, Header, Transcript};
use crate::store::stats::DocStats;
use crate::store::{Project, StoreError};
use serde::Serialize;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum AnalysisError {
    #[error("no coder {name:?} in this project; coders with a file in codings/: {}", list_or_none(.known))]
    UnknownCoder { name: String, known: Vec<String> },
    #[error("there is no consensus layer yet: {} does not exist", path.display())]
    NoConsensus { path: PathBuf },
    #[error("no case attribute or transcript header field {attr:?}; case attributes in transcripts/cases.csv: {}", list_or_none(.available))]
    UnknownAttribute {
        attr: String,
        available: Vec<String>,
    },
    #[error("choose one layer: either --coder NAME or --all-coders, not both")]
    TwoLayers,
    #[error("no layer in {0:?}: give a coder, coders separated by commas, all or konsensus")]
    NoLayer(String),
    #[error("--order names {0:?}, which is not a transcript of this project (see `kodbok docs`)")]
    OrderNotTranscript(String),
    #[error("--quotes takes 1, 2 or 3, not {0}")]
    QuotesRange(usize),
    /// `kind` and `detail` are the template engine's own words (`detail` empty or starting ": ");
    /// `fault` sorts the kind for the catalogues.
    #[error("template {name}, line {line}: {kind}{detail}")]
    Template {
        name: String,
        line: usize,
        fault: TemplateFault,
        kind: String,
        detail: String,
    },
    #[error(transparent)]
    Pseudonym(#[from] pseudonyms::PseudonymError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What kind of mistake a report template has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemplateFault {
    Syntax,
    Undefined,
    UnknownFilter,
    UnknownFunction,
    UnknownMethod,
    UnknownTest,
    InvalidOperation,
    Arguments,
    NotFound,
    Other,
}

impl TemplateFault {
    /// The catalogues' selector for the fault.
    pub fn id(self) -> &'static str {
        match self {
            TemplateFault::Syntax => "syntax",
            TemplateFault::Undefined => "undefined",
            TemplateFault::UnknownFilter => "filter",
            TemplateFault::UnknownFunction => "function",
            TemplateFault::UnknownMethod => "method",
            TemplateFault::UnknownTest => "test",
            TemplateFault::InvalidOperation => "operation",
            TemplateFault::Arguments => "arguments",
            TemplateFault::NotFound => "not-found",
            TemplateFault::Other => "other",
        }
    }
}

fn list_or_none(v: &[String]) -> String {
    if v.is_empty() {
        "(none)".to_string()
    } else {
        v.join(", ")
    }
}

pub type Result<T, E = AnalysisError> = std::result::Result<T, E>;

/// Which codings an analysis counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "coder", rename_all = "kebab-case")]
pub enum Layer {
    /// One coder's codings.
    Coder(String),
    /// Several coders' codings merged.
    Coders(Vec<String>),
    /// The consensus file `codings/konsensus.json`.
    Consensus,
    /// Every coder's codings except the consensus file; a case or interview counts once however many coders coded it.
    AllCoders,
}

impl Layer {
    /// The layer chosen on the command line: `--coder C` (C = konsensus for the consensus layer), else all coders.
    pub fn from_options(coder: Option<&str>, all_coders: bool) -> Result<Layer> {
        match (coder, all_coders) {
            (Some(_), true) => Err(AnalysisError::TwoLayers),
            (Some(c), false) => Layer::parse(c),
            (None, _) => Ok(Layer::AllCoders),
        }
    }

    /// `all` (or `alla`), `konsensus` (or `consensus`), a coder, or coders separated by commas.
    pub fn parse(s: &str) -> Result<Layer> {
        let names: Vec<&str> = s
            .split(',')
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .collect();
        match names.as_slice() {
            [] => Err(AnalysisError::NoLayer(s.to_string())),
            [one] if one.eq_ignore_ascii_case("all") || one.eq_ignore_ascii_case("alla") => {
                Ok(Layer::AllCoders)
            }
            [one] if *one == CONSENSUS_CODER || one.eq_ignore_ascii_case("consensus") => {
                Ok(Layer::Consensus)
            }
            [one] => Ok(Layer::Coder(one.to_string())),
            many => {
                let mut v: Vec<String> = Vec::new();
                for n in many {
                    if !v.iter().any(|x| x == n) {
                        v.push(n.to_string());
                    }
                }
                Ok(Layer::Coders(v))
            }
        }
    }

    /// A short machine-readable name: `all-coders`, `coder:NAME` or `consensus`.
    pub fn id(&self) -> String {
        match self {
            Layer::Coder(c) => format!("coder:{c}"),
            Layer::Coders(cs) => format!("coders:{}", cs.join(",")),
            Layer::Consensus => "consensus".into(),
            Layer::AllCoders => "all-coders".into(),
        }
    }

    /// The coders whose files make up this layer in `p`, checked to exist.
    pub fn coders(&self, p: &Project) -> Result<Vec<String>> {
        let known = |c: &String| {
            if p.coders.contains_key(c) {
                Ok(c.clone())
            } else {
                Err(AnalysisError::UnknownCoder {
                    name: c.clone(),
                    known: p.coders.keys().cloned().collect(),
                })
            }
        };
        match self {
            Layer::Coder(c) => Ok(vec![known(c)?]),
            Layer::Coders(cs) => cs.iter().map(known).collect(),
            Layer::Consensus => {
                if p.coders.contains_key(CONSENSUS_CODER) {
                    Ok(vec![CONSENSUS_CODER.to_string()])
                } else {
                    Err(AnalysisError::NoConsensus {
                        path: p.coder_path(CONSENSUS_CODER),
                    })
                }
            }
            Layer::AllCoders => Ok(p
                .coders
                .keys()
                .filter(|c| *c != CONSENSUS_CODER && !excluded(p).contains(c))
                .cloned()
                .collect()),
        }
    }

    /// [`Layer::describe`], plus the coders the project's settings leave out of "all coders".
    pub fn describe_in(&self, p: &Project, coders: &[String], lang: Lang) -> String {
        let mut s = self.describe(coders, lang);
        let left_out: Vec<&String> = excluded(p)
            .iter()
            .filter(|c| p.coders.contains_key(*c))
            .collect();
        if *self == Layer::AllCoders && !left_out.is_empty() {
            let names = left_out.iter().map(|c| c.as_str()).collect::<Vec<_>>();
            s.push_str(&crate::t_in!(
                lang,
                "layer-left-out",
                coders = names.join(", ")
            ));
        }
        s
    }

    /// One line saying what was counted, in English or Swedish.
    pub fn describe(&self, coders: &[String], lang: Lang) -> String {
        match (self, lang) {
            (Layer::Coder(c), Lang::En) => format!("coder {c}"),
            (Layer::Coder(c), Lang::Sv) => format!("kodaren {c}"),
            (Layer::Coders(cs), Lang::En) => format!("coders {} merged", cs.join(", ")),
            (Layer::Coders(cs), Lang::Sv) => format!("kodarna {} sammanslagna", cs.join(", ")),
            (Layer::Consensus, Lang::En) => {
                format!("the consensus layer (codings/{CONSENSUS_CODER}.json)")
            }
            (Layer::Consensus, Lang::Sv) => {
                format!("konsensuslagret (codings/{CONSENSUS_CODER}.json)")
            }
            (Layer::AllCoders, Lang::En) if coders.is_empty() => {
                "all coders merged (no coder files to merge yet)".into()
            }
            (Layer::AllCoders, Lang::Sv) if coders.is_empty() => {
                "alla kodare sammanslagna (inga kodarfiler att slå samman ännu)".into()
            }
            (Layer::AllCoders, Lang::En) => format!(
                "all coders merged ({}); a case or interview counts once however many coders coded it",
                coders.join(", ")
            ),
            (Layer::AllCoders, Lang::Sv) => format!(
                "alla kodare sammanslagna ({}); en kommun eller intervju räknas en gång hur många kodare som än kodat den",
                coders.join(", ")
            ),
        }
    }
}

/// Natural order for group values: digits compare as numbers (2 before 10), letters ignoring case.
pub fn natural_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    fn chunks(s: &str) -> Vec<(bool, String)> {
        let mut out: Vec<(bool, String)> = Vec::new();
        for c in s.chars() {
            let digit = c.is_ascii_digit();
            match out.last_mut() {
                Some((d, chunk)) if *d == digit => chunk.push(c),
                _ => out.push((digit, c.to_string())),
            }
        }
        out
    }
    let key = |(digit, chunk): &(bool, String)| {
        if *digit {
            let t = chunk.trim_start_matches('0');
            (0, format!("{:0>40}", t), String::new())
        } else {
            (1, chunk.to_lowercase(), chunk.clone())
        }
    };
    let (ca, cb) = (chunks(a), chunks(b));
    for (x, y) in ca.iter().zip(&cb) {
        let o = key(x).cmp(&key(y));
        if o.is_ne() {
            return o;
        }
    }
    ca.len().cmp(&cb.len()).then_with(|| a.cmp(b))
}

/// Coders the project's settings leave out of the "all coders" layer (`settings.exclude_coders`).
pub fn excluded(p: &Project) -> &[String] {
    &p.codebook.settings.exclude_coders
}

/// Language of generated text (the one language type of kodbok).
pub use crate::i18n::Lang;

/// One coding of the layer, with who made it.
#[derive(Debug, Clone, Copy)]
pub struct LayerCoding<'a> {
    pub coder: &'a str,
    pub coding: &'a Coding,
    pub doc: &'a Transcript,
}

/// The codings of a layer that can be counted, and the ids of those that cannot
/// (unknown transcript or code: `kodbok check` explains them).
pub struct LayerData<'a> {
    pub layer: Layer,
    pub coders: Vec<String>,
    pub codings: Vec<LayerCoding<'a>>,
    pub skipped: Vec<String>,
}

impl<'a> LayerData<'a> {
    pub fn load(p: &'a Project, layer: &Layer) -> Result<Self> {
        // A coder's codings come transcript by transcript: the last transcript found is tried first.
        let mut last: Option<&Transcript> = None;
        let (coders, counted, skipped) = layer_codings(p, layer, |id| {
            let t = match last {
                Some(t) if t.id == id => t,
                _ => {
                    let t = p.transcripts.get(id)?;
                    last = Some(t);
                    t
                }
            };
            Some((t, t.char_len()))
        })?;
        let codings = counted
            .into_iter()
            .map(|(coder, coding, doc)| LayerCoding { coder, coding, doc })
            .collect();
        Ok(LayerData {
            layer: layer.clone(),
            coders,
            codings,
            skipped,
        })
    }

    /// Transcripts in which this layer has at least one coding.
    pub fn coded_docs(&self) -> BTreeSet<&str> {
        self.codings.iter().map(|c| c.coding.doc.as_str()).collect()
    }
}

/// A layer's coders, its countable codings as (coder, coding, transcript), and the ids of the others. A
/// coding counts when `doc` finds its transcript (with its length in chars), its code is in the codebook and
/// its span lies within the text.
pub type Counted<'a, D> = (Vec<String>, Vec<(&'a str, &'a Coding, D)>, Vec<String>);

pub fn layer_codings<'a, D>(
    p: &'a Project,
    layer: &Layer,
    mut doc: impl FnMut(&str) -> Option<(D, usize)>,
) -> Result<Counted<'a, D>> {
    let coders = layer.coders(p)?;
    let codes: HashSet<&str> = p
        .codebook
        .flatten()
        .iter()
        .map(|f| f.code.id.as_str())
        .collect();
    let mut codings = Vec::new();
    let mut skipped = Vec::new();
    // Codings of one code often follow each other: the last code's answer is kept.
    let mut last_code: Option<(&str, bool)> = None;
    for coder in &coders {
        let Some((name, file)) = p.coders.get_key_value(coder) else {
            continue;
        };
        for c in &file.codings {
            let known = match last_code {
                Some((code, known)) if code == c.code => known,
                _ => {
                    let known = codes.contains(c.code.as_str());
                    last_code = Some((c.code.as_str(), known));
                    known
                }
            };
            match doc(&c.doc) {
                Some((d, len)) if known && c.start < c.end && c.end <= len => {
                    codings.push((name.as_str(), c, d))
                }
                _ => skipped.push(c.id.clone()),
            }
        }
    }
    Ok((coders, codings, skipped))
}

/// How transcripts fall into groups: by a case attribute (cases.csv) or a transcript header field.
///
/// Values group case-insensitively (`Hög` and `hög` are one group), shown in their most common spelling;
/// [`Grouping::merged`] says which spellings were put together.
#[derive(Debug, Clone)]
pub struct Grouping {
    pub attr: String,
    /// True when `attr` is a column of cases.csv; else it is a transcript header field such as `role`.
    pub case_attribute: bool,
    /// Group values (as shown) in natural order; `""` for transcripts without a value.
    pub values: Vec<String>,
    /// Lower-cased value → the spelling shown for its group.
    shown: HashMap<String, String>,
    /// Groups whose value was written in more than one way: (shown spelling, every spelling seen).
    pub merged: Vec<MergedSpellings>,
}

/// A group value written in several ways (`Hög`, `hög`), counted as one group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MergedSpellings {
    /// The spelling shown: the most common one (the first seen on a tie).
    pub shown: String,
    /// Every spelling seen, in first-seen order.
    pub spellings: Vec<String>,
}

/// The key under which spellings of one group value meet.
fn group_key(v: &str) -> String {
    v.trim().to_lowercase()
}

/// What a grouping reads of a transcript: its header. A loaded transcript and its cached statistics
/// ([`crate::store::stats::DocStats`]) both have one.
pub trait DocHeader {
    fn doc_header(&self) -> &Header;

    fn doc_case(&self) -> &str {
        self.doc_header().get("case").unwrap_or("")
    }
}

impl DocHeader for Transcript {
    fn doc_header(&self) -> &Header {
        &self.header
    }
}

impl DocHeader for DocStats {
    fn doc_header(&self) -> &Header {
        &self.header
    }
}

impl Grouping {
    pub fn new(p: &Project, attr: &str) -> Result<Grouping> {
        Self::over(p, attr, &p.transcripts.values().collect::<Vec<_>>())
    }

    /// The grouping of the transcripts `docs` (those of `p`, loaded or as statistics).
    pub fn over<D: DocHeader>(p: &Project, attr: &str, docs: &[&D]) -> Result<Grouping> {
        let case_attribute = p.cases.columns.iter().any(|c| c == attr);
        let in_headers = docs.iter().any(|t| t.doc_header().get(attr).is_some());
        if !case_attribute && !in_headers {
            return Err(AnalysisError::UnknownAttribute {
                attr: attr.to_string(),
                available: p.cases.columns.clone(),
            });
        }
        // Every raw value with how often it is written: cases.csv rows, then transcripts.
        let mut seen: Vec<(String, usize)> = Vec::new();
        let mut count = |v: &str, weight: usize| match seen.iter_mut().find(|(s, _)| s == v) {
            Some((_, n)) => *n += weight,
            None => seen.push((v.to_string(), weight)),
        };
        if case_attribute {
            for c in &p.cases.cases {
                if let Some(v) = c.attrs.get(attr) {
                    count(v, 1);
                }
            }
        }
        for t in docs {
            if case_attribute {
                // A case listed in cases.csv was counted above.
                let listed = p.cases.get(t.doc_case()).is_some();
                count(p.cases.attr(t.doc_case(), attr), usize::from(!listed));
            } else {
                count(t.doc_header().get(attr).unwrap_or(""), 1);
            }
        }
        Ok(Self::from_spellings(attr, case_attribute, &seen))
    }

    /// The grouping of raw values with their counts (first-seen order).
    fn from_spellings(attr: &str, case_attribute: bool, seen: &[(String, usize)]) -> Grouping {
        let mut keys: Vec<String> = Vec::new();
        let mut by_key: HashMap<String, Vec<(String, usize)>> = HashMap::new();
        for (v, n) in seen {
            let k = group_key(v);
            if !by_key.contains_key(&k) {
                keys.push(k.clone());
            }
            by_key.entry(k).or_default().push((v.clone(), *n));
        }
        let mut shown = HashMap::new();
        let mut merged = Vec::new();
        let mut values = Vec::new();
        for k in keys {
            let spellings = &by_key[&k];
            // max_by_key keeps the last maximum; reverse so the first seen wins a tie.
            let best = spellings
                .iter()
                .rev()
                .max_by_key(|(_, n)| *n)
                .map_or_else(String::new, |(v, _)| v.clone());
            if spellings.len() > 1 {
                merged.push(MergedSpellings {
                    shown: best.clone(),
                    spellings: spellings.iter().map(|(v, _)| v.clone()).collect(),
                });
            }
            values.push(best.clone());
            shown.insert(k, best);
        }
        values.sort_by(|a, b| natural_cmp(a, b));
        Grouping {
            attr: attr.to_string(),
            case_attribute,
            values,
            shown,
            merged,
        }
    }

    /// The group (as shown) a raw attribute value falls into.
    pub fn group_of<'s>(&'s self, raw: &'s str) -> &'s str {
        self.shown.get(&group_key(raw)).map_or(raw, String::as_str)
    }

    pub fn value_of<'s, D: DocHeader>(&'s self, p: &'s Project, t: &'s D) -> &'s str {
        let raw = if self.case_attribute {
            p.cases.attr(t.doc_case(), &self.attr)
        } else {
            t.doc_header().get(&self.attr).unwrap_or("")
        };
        self.group_of(raw)
    }

    /// Cases listed in cases.csv that fall in group `value` (every listed case when None).
    pub fn listed_cases_in<'p>(&self, p: &'p Project, value: Option<&str>) -> Vec<&'p str> {
        p.cases
            .cases
            .iter()
            .filter(|c| match value {
                None => true,
                Some(v) => {
                    self.case_attribute
                        && self.group_of(c.attrs.get(&self.attr).map_or("", String::as_str)) == v
                }
            })
            .map(|c| c.name.as_str())
            .collect()
    }
}

/// A code in codebook order with the ids it counts: itself and all its descendants.
#[derive(Debug, Clone, Serialize)]
pub struct CodeInfo {
    pub id: String,
    pub name: String,
    pub path: String,
    pub depth: usize,
    pub has_children: bool,
    #[serde(skip)]
    pub members: std::collections::HashSet<String>,
}

/// Every code of the codebook in preorder, each with the codes it counts.
pub fn code_infos(p: &Project) -> Vec<CodeInfo> {
    p.codebook
        .flatten()
        .iter()
        .map(|f| CodeInfo {
            id: f.code.id.clone(),
            name: f.code.name.clone(),
            path: p.codebook.path(&f.code.id),
            depth: f.depth,
            has_children: !f.code.children.is_empty(),
            members: p.codebook.descendants(&f.code.id).into_iter().collect(),
        })
        .collect()
}

/// The codings with these ids, with their coder, in the order of `ids` (unknown ids are left out).
pub fn codings_by_ids<'a>(p: &'a Project, ids: &[String]) -> Vec<(&'a str, &'a Coding)> {
    let all: std::collections::HashMap<&str, (&str, &Coding)> = p
        .all_codings()
        .map(|(coder, c)| (c.id.as_str(), (coder, c)))
        .collect();
    ids.iter()
        .filter_map(|id| all.get(id.as_str()).copied())
        .collect()
}

/// Case names in cases.csv order, then cases named only in transcript headers.
pub fn case_names(p: &Project) -> Vec<String> {
    let mut out: Vec<String> = p.cases.cases.iter().map(|c| c.name.clone()).collect();
    for t in p.transcripts.values() {
        if !out.iter().any(|c| c == t.case()) {
            out.push(t.case().to_string());
        }
    }
    out
}

/// Char ranges of the words in a transcript's turns (speaker labels excluded), as counted by `word_count`.
pub fn word_spans(t: &Transcript) -> Vec<(usize, usize)> {
    t.word_spans()
}

/// Merges char ranges into a sorted list of disjoint ranges.
pub fn merge_ranges(mut ranges: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    ranges.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (s, e) in ranges {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// Number of words (sorted, disjoint spans) that share at least one character with the sorted, disjoint ranges.
pub fn words_covered(words: &[(usize, usize)], ranges: &[(usize, usize)]) -> usize {
    let mut n = 0;
    let mut r = 0;
    for &(ws, we) in words {
        while r < ranges.len() && ranges[r].1 <= ws {
            r += 1;
        }
        if r < ranges.len() && ranges[r].0 < we {
            n += 1;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_ranges() {
        let t = Transcript::parse(
            "Respondent: Vi har för lite resurser.\n\nIntervjuare: Okej.\n",
            "d",
        )
        .unwrap();
        let w = word_spans(&t);
        assert_eq!(w.len(), t.word_count());
        assert_eq!(t.slice(w[4].0, w[4].1), Some("resurser"));
        assert_eq!(
            merge_ranges(vec![(5, 9), (0, 3), (2, 4), (9, 10)]),
            vec![(0, 4), (5, 10)]
        );
        // "lite" and half of "resurser" are touched.
        assert_eq!(words_covered(&w, &[(w[3].0 + 1, w[4].0 + 2)]), 2);
        assert_eq!(words_covered(&w, &[]), 0);
    }

    #[test]
    fn natural_order_reads_numbers_as_numbers() {
        let mut v = vec!["10", "2", "1", "hög", "Låg", "3", ""];
        v.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(v, ["", "1", "2", "3", "10", "hög", "Låg"]);
    }

    #[test]
    fn layers_parse_from_one_option() {
        assert_eq!(Layer::parse("all").unwrap(), Layer::AllCoders);
        assert_eq!(Layer::parse("konsensus").unwrap(), Layer::Consensus);
        assert_eq!(Layer::parse("a").unwrap(), Layer::Coder("a".into()));
        assert_eq!(
            Layer::parse("a, b,a").unwrap(),
            Layer::Coders(vec!["a".into(), "b".into()])
        );
        assert!(Layer::parse(" , ").is_err());
    }

    #[test]
    fn layer_options() {
        assert_eq!(Layer::from_options(None, false).unwrap(), Layer::AllCoders);
        assert_eq!(
            Layer::from_options(Some("konsensus"), false).unwrap(),
            Layer::Consensus
        );
        assert_eq!(
            Layer::from_options(Some("a"), false).unwrap(),
            Layer::Coder("a".into())
        );
        assert!(Layer::from_options(Some("a"), true).is_err());
    }
}
