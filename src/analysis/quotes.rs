//! Choosing the most representative quotes for a theme: passages coded by more coders, of readable length,
//! from different cases, spoken by the interviewee, never cut mid-word.
//!
//! A quote is verbatim text from one line of one speaker turn. It is widened to whole words, and to the
//! sentence it sits in when that is near; a longer passage is shortened at a sentence boundary. Every cut
//! is marked `[…]`, so each piece between the marks appears in the transcript exactly as quoted.

use super::LayerCoding;
use crate::model::Transcript;
use serde::Serialize;
use std::cmp::Reverse;
use std::collections::{BTreeSet, BinaryHeap, HashMap};

/// Quotes longer than this many characters are shortened at a sentence boundary.
pub const MAX_CHARS: usize = 400;
/// Passages shorter than this are not quoted.
pub const MIN_CHARS: usize = 15;
/// How far (in characters) a quote is widened to reach the start or end of its sentence.
const SENTENCE_REACH: usize = 60;
/// The cut mark.
pub const CUT: &str = "[…]";

#[derive(Debug, Clone, Serialize)]
pub struct Quote {
    /// The quote as printed, with `[…]` where it was cut.
    pub text: String,
    /// The verbatim pieces between cuts.
    pub pieces: Vec<String>,
    pub doc: String,
    pub case: String,
    pub role: String,
    pub speaker: String,
    /// Char offsets of the quoted text in the transcript.
    pub start: usize,
    pub end: usize,
    /// Coders whose codings lie under the passage.
    pub coders: Vec<String>,
    pub coding_ids: Vec<String>,
    /// The codes of those codings.
    pub codes: Vec<String>,
}

/// A speaker label that belongs to the interviewer rather than the interviewee.
pub fn is_interviewer(label: &str, t: &Transcript) -> bool {
    let l = label.trim().to_lowercase();
    matches!(
        l.as_str(),
        "intervjuare" | "intervjuaren" | "interviewer" | "i" | "int" | "q" | "fråga"
    ) || t
        .header
        .get("interviewer")
        .is_some_and(|n| n.eq_ignore_ascii_case(label.trim()))
}

/// Up to `max` quotes from `codings`, best first, each from a different case while there are cases left.
pub fn select(codings: &[&LayerCoding], max: usize) -> Vec<Quote> {
    select_each(&[codings.to_vec()], max)
        .pop()
        .unwrap_or_default()
}

/// [`select`] for each list of codings. The codings of all lists are scored together in text order,
/// so that a line's chars are decoded once for all the lists (the themes and groups of a report) that
/// have a passage in it.
pub fn select_each<'a>(lists: &[Vec<&'a LayerCoding<'a>>], max: usize) -> Vec<Vec<Quote>> {
    // In a list of one coder's codings a passage's members are that coder's: no need to find them.
    let one_coder: Vec<bool> = lists
        .iter()
        .map(|l| l.windows(2).all(|w| w[0].coder == w[1].coder))
        .collect();
    let found: Vec<Overlaps> = lists
        .iter()
        .zip(&one_coder)
        .map(|(l, &one)| Overlaps::new(l, !one))
        .collect();
    // Scored first, and made into quotes only when chosen: a theme of a large study has tens of
    // thousands of candidates and needs two or three quotes.
    let mut kept: Vec<Kept> = lists.iter().map(|_| Kept::default()).collect();
    // The lists' codings merged in text order (each list's are sorted by transcript and start already),
    // so that the passages of one line share its chars (`Line`).
    let mut next: BinaryHeap<Reverse<(usize, usize, usize)>> = found
        .iter()
        .enumerate()
        .filter_map(|(k, o)| o.sorted.first().map(|f| Reverse((f.0, f.1, k))))
        .collect();
    let mut at = vec![0usize; lists.len()];
    let mut line = Line::default();
    let mut room = (Vec::new(), Vec::new());
    while let Some(Reverse((_, _, k))) = next.pop() {
        let (o, j) = (&found[k], at[k]);
        at[k] += 1;
        if let Some(f) = o.sorted.get(at[k]) {
            next.push(Reverse((f.0, f.1, k)));
        }
        let (list, i) = (&lists[k], o.sorted[j].3);
        let c = list[i];
        if let Some((score, span)) = candidate(c.doc, c.coding.start, c.coding.end, &mut line) {
            // A passage's own coding is among its members (it is not empty: it has a candidate).
            let n = if one_coder[k] {
                1
            } else {
                o.coders_at(j, list, &mut room)
            };
            kept[k].push((n as i64 * 10 + score, span, i), list, max);
        }
    }
    lists
        .iter()
        .zip(&found)
        .zip(kept)
        .map(|((list, o), c)| choose(list, o, c.into_candidates(), max))
        .collect()
}

/// A candidate: (score, span, place in its list).
type Candidate = (i64, Span, usize);

/// The candidates of one list that can still be chosen. While they come from fewer cases than quotes
/// are wanted, all are kept (the later passes of [`choose`] may need any of them); from then on only
/// each transcript's best, as the first pass takes the best of the best cases and fills the quotes.
#[derive(Default)]
struct Kept<'a> {
    all: Vec<Candidate>,
    /// The cases of `all`, while fewer than the quotes wanted.
    cases: Vec<&'a str>,
    /// Per transcript (its address): its best candidate.
    best: Option<HashMap<usize, Candidate>>,
}

impl<'a> Kept<'a> {
    fn push(&mut self, c: Candidate, list: &[&'a LayerCoding<'a>], max: usize) {
        if let Some(best) = &mut self.best {
            keep_best(best, c, list[c.2].doc);
            return;
        }
        self.all.push(c);
        let case = list[c.2].doc.case();
        if !self.cases.contains(&case) {
            self.cases.push(case);
        }
        if self.cases.len() >= max {
            let mut best = HashMap::new();
            for c in std::mem::take(&mut self.all) {
                keep_best(&mut best, c, list[c.2].doc);
            }
            self.best = Some(best);
        }
    }

    fn into_candidates(self) -> Vec<Candidate> {
        match self.best {
            Some(best) => best.into_values().collect(),
            None => self.all,
        }
    }
}

/// Keeps `c` if it ranks before the best candidate kept for its transcript (in one transcript, candidates
/// rank by score, then position, then place).
fn keep_best(best: &mut HashMap<usize, Candidate>, c: Candidate, doc: &Transcript) {
    let rank = |c: &Candidate| (Reverse(c.0), c.1.start, c.1.end, c.2);
    let kept = best.entry(std::ptr::from_ref(doc) as usize).or_insert(c);
    if rank(&c) < rank(kept) {
        *kept = c;
    }
}

/// The quotes of one list: its candidates best first (on a tie by transcript id, then position, then
/// place in the list), up to `max`, from different cases, then different transcripts, while there are any.
/// Takes quote `q` (of `doc`, candidate `i`) into the chosen `out` unless it overlaps one of them, or, in
/// the first pass, its case is quoted already, or in the second its transcript.
fn admit<'a>(
    out: &mut Vec<(&'a Transcript, Span, usize)>,
    pass: usize,
    doc: &'a Transcript,
    q: Span,
    i: usize,
) {
    let same_doc = |o: &&(&Transcript, Span, usize)| std::ptr::eq(o.0, doc);
    let overlaps = out
        .iter()
        .filter(same_doc)
        .any(|(_, o, _)| o.start < q.end && q.start < o.end);
    let fresh = match pass {
        0 => !out.iter().any(|(o, _, _)| o.case() == doc.case()),
        1 => !out.iter().any(|o| same_doc(&o)),
        _ => true,
    };
    if fresh && !overlaps {
        out.push((doc, q, i));
    }
}

/// The list's transcripts, found once each from the overlaps' grouping, ranked by id: (the transcript's
/// address, its rank), sorted by address.
fn doc_ranks(list: &[&LayerCoding], found: &Overlaps) -> Vec<(usize, usize)> {
    let mut docs: Vec<(&str, usize)> = found
        .sorted
        .chunk_by(|a, b| a.0 == b.0)
        .map(|same| (list[same[0].3].doc.id.as_str(), same[0].0))
        .collect();
    docs.sort_unstable();
    let mut ranks: Vec<(usize, usize)> = docs
        .iter()
        .enumerate()
        .map(|(r, &(_, doc))| (doc, r))
        .collect();
    ranks.sort_unstable();
    ranks
}

fn choose(
    list: &[&LayerCoding],
    found: &Overlaps,
    cands: Vec<Candidate>,
    max: usize,
) -> Vec<Quote> {
    // ranks of the transcripts' ids compare as the ids do
    let ranks = doc_ranks(list, found);
    let rank = |i: usize| {
        let doc = std::ptr::from_ref(list[i].doc) as usize;
        ranks
            .binary_search_by_key(&doc, |&(d, _)| d)
            .map_or(0, |at| ranks[at].1)
    };
    // Taken best first from a heap, as far as the choice goes: two or three of tens of thousands,
    // unless the list has fewer cases or transcripts than quotes wanted.
    type Key = (Reverse<i64>, usize, usize, usize, usize);
    let mut heap: BinaryHeap<Reverse<(Key, Span)>> = cands
        .into_iter()
        .map(|(score, span, i)| Reverse(((Reverse(score), rank(i), span.start, span.end, i), span)))
        .collect();
    let mut sorted: Vec<(Span, usize)> = Vec::new();
    // The chosen: (transcript, span, place in the list), in the order of choice.
    let mut out: Vec<(&Transcript, Span, usize)> = Vec::new();
    'passes: for pass in 0..3 {
        for n in 0.. {
            if out.len() >= max {
                break 'passes;
            }
            if n == sorted.len() {
                match heap.pop() {
                    Some(Reverse((key, span))) => sorted.push((span, key.4)),
                    None => break,
                }
            }
            let (q, i) = sorted[n];
            admit(&mut out, pass, list[i].doc, q, i);
        }
    }
    out.iter()
        .filter_map(|&(_, span, i)| {
            // The codings that agree with the chosen one, in list order: a scan for two or three quotes.
            let c = list[i];
            let members: Vec<&LayerCoding> = list
                .iter()
                .copied()
                .filter(|m| {
                    std::ptr::eq(m.doc, c.doc)
                        && agree(
                            (c.coding.start, c.coding.end),
                            (m.coding.start, m.coding.end),
                        )
                })
                .collect();
            quote(c.doc, c.coding.start, &members, span)
        })
        .collect()
}

/// Where a candidate quote lies (char offsets in its transcript) and whether it was cut at either end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Span {
    start: usize,
    end: usize,
    cut_before: bool,
    cut_after: bool,
}

/// Two spans cover the same text when they share at least half of the shorter one.
fn agree(a: (usize, usize), b: (usize, usize)) -> bool {
    let shared = a.1.min(b.1).saturating_sub(a.0.max(b.0));
    let shorter = (a.1 - a.0).min(b.1 - b.0);
    shared > 0 && shared * 2 >= shorter
}

/// A list's codings by transcript and start, so each one is compared only with those that can overlap
/// it (a scan of all pairs is quadratic: 30,000 codings of a theme are 900 million comparisons).
struct Overlaps {
    /// (transcript address, start, end, place in the list): grouped by transcript without string
    /// comparisons, then by start.
    sorted: Vec<(usize, usize, usize, usize)>,
    /// Per sorted coding: the furthest end among those before it in its transcript (itself included).
    /// It only grows within a transcript, so the first coding that may reach a start is a binary search
    /// away, and the scan of a transcript's earlier codings is not quadratic either.
    reach: Vec<usize>,
}

impl Overlaps {
    /// `with_reach`: also what [`Overlaps::coders_at`] needs.
    fn new(list: &[&LayerCoding], with_reach: bool) -> Overlaps {
        let mut sorted: Vec<(usize, usize, usize, usize)> = list
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let doc = std::ptr::from_ref(c.doc) as usize;
                (doc, c.coding.start, c.coding.end, i)
            })
            .collect();
        sorted.sort_unstable();
        if !with_reach {
            return Overlaps {
                sorted,
                reach: Vec::new(),
            };
        }
        let mut reach = Vec::with_capacity(sorted.len());
        for (i, o) in sorted.iter().enumerate() {
            let before = match i.checked_sub(1).map(|j| (sorted[j].0, reach[j])) {
                Some((doc, r)) if doc == o.0 => r,
                _ => 0,
            };
            reach.push(o.2.max(before));
        }
        Overlaps { sorted, reach }
    }

    /// The places in the list of the codings that agree with `c` (itself included), in list order,
    /// as an all-pairs scan gives them, into `out`: a passage's members, the codings of any coder that
    /// substantially cover the same text.
    #[cfg(test)]
    fn members(&self, c: &LayerCoding, out: &mut Vec<usize>) {
        self.members_unsorted(c, out);
        out.sort_unstable();
    }

    /// How many coders have a coding that agrees with the `j`th sorted coding (itself included), as
    /// counted for its passage's score (a passage several coders marked counts their number, while one
    /// long coding does not swallow the short ones inside it); `room` is room to count in.
    fn coders_at<'a>(
        &self,
        j: usize,
        list: &[&'a LayerCoding<'a>],
        room: &mut (Vec<usize>, Vec<&'a str>),
    ) -> usize {
        let (members, coders) = room;
        self.members_unsorted(list[self.sorted[j].3], members);
        coders.clear();
        for &m in members.iter() {
            let coder = list[m].coder;
            if !coders.contains(&coder) {
                coders.push(coder);
            }
        }
        coders.len()
    }

    /// The places in the list of the codings that agree with `c` (itself included), as an all-pairs scan
    /// finds them but in the order they are found, into `out`.
    fn members_unsorted(&self, c: &LayerCoding, out: &mut Vec<usize>) {
        out.clear();
        let span = (c.coding.start, c.coding.end);
        let doc = std::ptr::from_ref(c.doc) as usize;
        let first = self.sorted.partition_point(|o| o.0 < doc);
        let end = first + self.sorted[first..].partition_point(|o| o.0 == doc);
        // Codings whose reach ends at or before the start share nothing with the span.
        let from = first + self.reach[first..end].partition_point(|&r| r <= span.0);
        out.extend(
            self.sorted[from..end]
                .iter()
                .take_while(|o| o.1 < span.1)
                .filter(|o| agree(span, (o.1, o.2)))
                .map(|o| o.3),
        );
    }
}

/// The quote a coding's passage (`p_start..p_end` in `t`) gives, widened to whole words and, when near,
/// whole sentences, with its score apart from agreement (ten per coder, which the caller adds); `line`
/// holds the chars of the line it lies in.
fn candidate(t: &Transcript, p_start: usize, p_end: usize, line: &mut Line) -> Option<(i64, Span)> {
    let turn = &t.turns[t.turn_at(p_start)?];
    if is_interviewer(&turn.speaker, t) {
        return None;
    }
    // Only the characters of the line of the turn in which the passage starts: a quote never leaves it,
    // and collecting more per candidate (once the whole transcript) made a report of a large study
    // quadratic in practice (tens of thousands of candidates × 60,000 chars).
    let base = line_at(t, turn, p_start.max(turn.start), line)?;
    let chars = &line.chars[..];
    let (line_start, line_end) = (0, chars.len());
    let start = p_start.max(turn.start) - base;
    let (mut s, mut e) = (start, p_end.saturating_sub(base).min(line_end));
    if s >= e {
        return None;
    }
    while s > line_start && chars[s - 1].is_alphanumeric() {
        s -= 1;
    }
    while e < line_end && chars[e].is_alphanumeric() {
        e += 1;
    }
    while s < e && chars[s].is_whitespace() {
        s += 1;
    }
    while e > s && chars[e - 1].is_whitespace() {
        e -= 1;
    }
    let (s, cut_before) = widen_start(chars, line_start, line_end, s);
    let (e, mut cut_after) = widen_end(chars, line_end, e);
    let e = if e - s > MAX_CHARS {
        cut_after = true;
        shorten(chars, s, e, line_end)
    } else {
        e
    };
    let len = e - s;
    if len < MIN_CHARS {
        return None;
    }
    let length_score = match len {
        80..=300 => 6,
        40..=79 | 301..=MAX_CHARS => 4,
        _ => 1,
    };
    let score = length_score - 2 * i64::from(cut_before) - 2 * i64::from(cut_after);
    let span = Span {
        start: s + base,
        end: e + base,
        cut_before,
        cut_after,
    };
    Some((score, span))
}

/// The quote of a passage (with its members) at the span [`candidate`] chose.
fn quote(t: &Transcript, p_start: usize, members: &[&LayerCoding], span: Span) -> Option<Quote> {
    let turn = &t.turns[t.turn_at(p_start)?];
    let text = t.slice(span.start, span.end)?.to_string();
    let mut shown = String::new();
    if span.cut_before {
        shown.push_str(CUT);
        shown.push(' ');
    }
    shown.push_str(&text);
    if span.cut_after {
        shown.push(' ');
        shown.push_str(CUT);
    }
    let coders: BTreeSet<String> = members.iter().map(|m| m.coder.to_string()).collect();
    let codes: BTreeSet<String> = members.iter().map(|m| m.coding.code.clone()).collect();
    Some(Quote {
        text: shown,
        pieces: vec![text],
        doc: t.id.clone(),
        case: t.case().to_string(),
        role: t.role().to_string(),
        speaker: turn.speaker.clone(),
        start: span.start,
        end: span.end,
        coders: coders.into_iter().collect(),
        coding_ids: members.iter().map(|m| m.coding.id.clone()).collect(),
        codes: codes.into_iter().collect(),
    })
}

/// The chars of one line of a transcript, kept while the candidates that follow lie in the same line
/// (a coder's codings come in text order, and a long line holds many of them).
#[derive(Default)]
struct Line {
    /// The transcript (its address) and the line's byte range in its body; None before the first line.
    key: Option<(usize, usize, usize)>,
    chars: Vec<char>,
    /// The line's first char's offset.
    base: usize,
}

/// The line of `turn` holding char `pos` (from the turn's start or the line break before `pos` to the
/// next line break or the turn's end): its chars into `line` (unless they are there already), and its
/// first char's offset.
fn line_at(
    t: &Transcript,
    turn: &crate::model::Turn,
    pos: usize,
    line: &mut Line,
) -> Option<usize> {
    let pos_byte = t.offsets().byte(pos)?;
    // A position within the line held already lies in the same turn and line: no search.
    if let Some((doc, from, to)) = line.key
        && doc == std::ptr::from_ref(t) as usize
        && (from..=to).contains(&pos_byte)
    {
        return Some(line.base);
    }
    let text = t.slice(turn.start, turn.end)?;
    let turn_byte = t.offsets().byte(turn.start)?;
    let at = pos_byte.checked_sub(turn_byte)?;
    let before = text.get(..at)?;
    let from = before.rfind('\n').map_or(0, |i| i + 1);
    let to = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let key = Some((
        std::ptr::from_ref(t) as usize,
        turn_byte + from,
        turn_byte + to,
    ));
    if line.key != key {
        line.key = None;
        line.chars.clear();
        decode(&text[from..to], &mut line.chars);
        line.base = t.offsets().char_of_byte(turn_byte + from)?;
        line.key = key;
    }
    Some(line.base)
}

/// The chars of `s` onto `out`: runs of ASCII widened at once (the chars of every line a passage lies
/// in were a twentieth of a report), the rest decoded one by one.
fn decode(s: &str, out: &mut Vec<char>) {
    out.reserve(s.len());
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let run = bytes[i..]
            .iter()
            .position(|b| !b.is_ascii())
            .map_or(bytes.len(), |n| i + n);
        out.extend(bytes[i..run].iter().map(|&b| char::from(b)));
        // After ASCII, `run` is a char boundary.
        match s.get(run..).and_then(|rest| rest.chars().next()) {
            Some(c) => {
                out.push(c);
                i = run + c.len_utf8();
            }
            None => break,
        }
    }
}

fn ends_sentence(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// True when a sentence ends just before char `i`: after a final mark (and a closing quotation mark), at the
/// end of the line or before a new sentence that starts with a capital, a digit or a quotation mark. A
/// hesitation ("rapporten var... ja") is not an end.
fn sentence_ends_at(chars: &[char], i: usize, line_end: usize) -> bool {
    if i == 0 {
        return false;
    }
    let mut j = i - 1;
    if j > 0 && matches!(chars[j], '”' | '"' | '’' | ')') {
        j -= 1;
    }
    if !ends_sentence(chars[j]) {
        return false;
    }
    if i >= line_end {
        return true;
    }
    if !chars[i].is_whitespace() {
        return false;
    }
    chars[i..line_end]
        .iter()
        .find(|c| !c.is_whitespace())
        .is_none_or(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '”' | '"' | '–'))
}

/// Moves the start back to its sentence start when that is near; returns whether the quote is cut before.
fn widen_start(chars: &[char], line_start: usize, line_end: usize, s: usize) -> (usize, bool) {
    let lowest = s.saturating_sub(SENTENCE_REACH).max(line_start);
    for i in (lowest..=s).rev() {
        if i == line_start
            || (chars[i - 1].is_whitespace() && sentence_ends_at(chars, i - 1, line_end))
        {
            return (i, false);
        }
    }
    (s, true)
}

/// Moves the end forward past its sentence's final mark (and a closing quotation mark) when that is near;
/// returns whether the quote is cut after.
fn widen_end(chars: &[char], line_end: usize, e: usize) -> (usize, bool) {
    let highest = (e + SENTENCE_REACH).min(line_end);
    match (e..=highest).find(|&i| sentence_ends_at(chars, i, line_end)) {
        Some(i) => (i, false),
        None => (e, e < line_end),
    }
}

/// The end of the last whole sentence that keeps the quote within `MAX_CHARS`; else the last whole word.
fn shorten(chars: &[char], s: usize, e: usize, line_end: usize) -> usize {
    let limit = (s + MAX_CHARS).min(e);
    if let Some(i) = (s + MIN_CHARS..=limit)
        .rev()
        .find(|&i| sentence_ends_at(chars, i, line_end))
    {
        return i;
    }
    let mut i = limit;
    while i > s && chars.get(i).is_some_and(|c| !c.is_whitespace()) {
        i -= 1;
    }
    while i > s && !chars[i - 1].is_alphanumeric() {
        i -= 1;
    }
    i
}

/// The selection as it was: every passage scored into one table, every list's candidates sorted.
#[cfg(test)]
mod old {
    use super::*;

    /// A passage: one coding's span, and how many coders marked the same text (its members: the codings of
    /// any coder that substantially cover it, found again by [`Overlaps::members`] for a chosen passage).
    struct Passage<'a> {
        doc: &'a Transcript,
        start: usize,
        end: usize,
        /// The coding's place in its list.
        coding: usize,
        coders: usize,
    }

    /// [`select_each`] as it was before the candidates were ranked lazily: the reference for the tests. The candidates of all lists are scored together in text order,
    /// so that a line's chars are decoded once for all the lists (the themes and groups of a report) that
    /// have a passage in it.
    pub(super) fn select_each_old<'a>(
        lists: &[Vec<&'a LayerCoding<'a>>],
        max: usize,
    ) -> Vec<Vec<Quote>> {
        let found: Vec<Overlaps> = lists.iter().map(|l| Overlaps::new(l, true)).collect();
        let passages: Vec<Vec<Passage>> = lists
            .iter()
            .zip(&found)
            .map(|(l, o)| passages(l, o))
            .collect();
        // Scored first, and made into quotes only when chosen: a theme of a large study has tens of
        // thousands of candidates and needs two or three quotes.
        // Scored in text order, so that the passages of one line share its chars (`Line`).
        let mut order: Vec<(usize, usize, usize, usize)> = passages
            .iter()
            .enumerate()
            .flat_map(|(k, ps)| {
                ps.iter()
                    .enumerate()
                    .map(move |(i, p)| (std::ptr::from_ref(p.doc) as usize, p.start, k, i))
            })
            .collect();
        order.sort_unstable();
        let mut scored: Vec<Vec<Option<(i64, Span)>>> =
            passages.iter().map(|ps| vec![None; ps.len()]).collect();
        let mut line = Line::default();
        for (_, _, k, i) in order {
            let p = &passages[k][i];
            scored[k][i] = candidate(p.doc, p.start, p.end, &mut line)
                .map(|(score, span)| (p.coders as i64 * 10 + score, span));
        }
        lists
            .iter()
            .zip(&found)
            .zip(passages.iter().zip(scored))
            .map(|((list, o), (ps, sc))| choose(list, o, ps, sc, max))
            .collect()
    }

    /// The quotes of one list: its candidates (scored passages, listed in the passages' order, which breaks
    /// ties) best first, up to `max`, from different cases, then different transcripts, while there are any.
    fn choose(
        list: &[&LayerCoding],
        found: &Overlaps,
        passages: &[Passage],
        scored: Vec<Option<(i64, Span)>>,
        max: usize,
    ) -> Vec<Quote> {
        let mut cands: Vec<(i64, Span, usize)> = scored
            .into_iter()
            .enumerate()
            .filter_map(|(i, c)| c.map(|(score, span)| (score, span, i)))
            .collect();
        // Best first; on a tie by transcript id, then position (ranks of the ids compare as the ids do).
        let ranks = doc_ranks(list, found);
        let rank = |i: usize| {
            let doc = std::ptr::from_ref(passages[i].doc) as usize;
            ranks
                .binary_search_by_key(&doc, |&(d, _)| d)
                .map_or(0, |at| ranks[at].1)
        };
        cands.sort_by_cached_key(|(score, span, i)| {
            (std::cmp::Reverse(*score), rank(*i), span.start, span.end)
        });
        // The chosen: (transcript, span, passage), in the order of choice.
        let mut out: Vec<(&Transcript, Span, usize)> = Vec::new();
        'passes: for pass in 0..3 {
            for &(_, q, i) in &cands {
                if out.len() >= max {
                    break 'passes;
                }
                admit(&mut out, pass, passages[i].doc, q, i);
            }
        }
        let mut members = Vec::new();
        out.iter()
            .filter_map(|&(_, span, i)| {
                found.members(list[passages[i].coding], &mut members);
                let members: Vec<&LayerCoding> = members.iter().map(|&m| list[m]).collect();
                quote(passages[i].doc, passages[i].start, &members, span)
            })
            .collect()
    }

    /// One passage per coding; its members are the codings that agree with it, so a passage several coders
    /// marked counts their number, while one long coding does not swallow the short ones inside it.
    fn passages<'a>(list: &[&'a LayerCoding<'a>], found: &Overlaps) -> Vec<Passage<'a>> {
        let mut members = Vec::new();
        let mut coders: Vec<&str> = Vec::new();
        list.iter()
            .enumerate()
            .map(|(i, c)| {
                found.members(c, &mut members);
                coders.clear();
                coders.extend(members.iter().map(|&m| list[m].coder));
                coders.sort_unstable();
                coders.dedup();
                Passage {
                    doc: c.doc,
                    start: c.coding.start,
                    end: c.coding.end,
                    coding: i,
                    coders: coders.len(),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tests_support::tiny_project;
    use crate::analysis::{Layer, LayerData};
    use crate::model::Coding;

    /// A transcript of the generated turns (speaker 0 is the interviewer), in case `case`.
    fn generated(id: usize, case: usize, turns: &[(usize, Vec<usize>)]) -> Transcript {
        const WORDS: [&str; 14] = [
            "Vi",
            "har",
            "resurser.",
            "ledningen",
            "är",
            "med!",
            "ja...",
            "\n",
            "”vad nu?”",
            "och",
            "kanske?",
            "Det",
            "   ",
            "långtlångtlångtord",
        ];
        const SPEAKERS: [&str; 3] = ["Intervjuare", "Respondent", "Chef"];
        let mut body = format!("---\nid: d{id}\ncase: K{case}\n---\n\n");
        for (speaker, words) in turns {
            body.push_str(SPEAKERS[speaker % 3]);
            body.push(':');
            for &w in words {
                body.push(' ');
                body.push_str(WORDS[w % WORDS.len()]);
            }
            body.push_str("\n\n");
        }
        Transcript::parse(&body, &format!("d{id}")).unwrap()
    }

    proptest::proptest! {
        /// The chars of any text, as `str::chars` gives them.
        #[test]
        fn decode_gives_the_chars(s in "(\\PC|[a-z .]){0,80}") {
            let mut out = vec!['x'];
            decode(&s, &mut out);
            let want: Vec<char> = "x".chars().chain(s.chars()).collect();
            proptest::prop_assert_eq!(out, want);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        /// The lazy ranking chooses what scoring every passage and sorting every list chose: the same
        /// quotes in the same order, ties (equal spans, scores and transcripts) included.
        #[test]
        fn select_each_equals_the_old_selection(
            docs in proptest::collection::vec(
                (0usize..3, proptest::collection::vec(
                    (0usize..3, proptest::collection::vec(0usize..60, 0..40)), 1..4)),
                1..4),
            codings in proptest::collection::vec(
                (0usize..4, 0usize..400, 1usize..160, 0usize..3, 0usize..4, 0usize..3), 0..60),
            max in 1usize..4,
        ) {
            let docs: Vec<Transcript> = docs
                .iter()
                .enumerate()
                .map(|(i, (case, turns))| generated(i, *case, turns))
                .collect();
            let now = chrono::Utc::now();
            // Some codings repeated (by another coder but in the last list), so that passages tie.
            let made: Vec<(Coding, &str, usize)> = codings
                .iter()
                .flat_map(|&(d, start, len, coder, list, twice)| {
                    let t = &docs[d % docs.len()];
                    let n = t.char_len();
                    let start = start % n.max(1);
                    let coding = Coding::new(t, start, (start + len).min(n), "k", now);
                    let coders = ["x", "y", "z"];
                    coding.into_iter().flat_map(move |c| {
                        (0..1 + usize::from(twice == 0))
                            .map(move |r| {
                                // The last list is one coder's, repeats included.
                                let coder = if list == 3 { 0 } else { coder + r };
                                (c.clone(), coders[coder % 3], list)
                            })
                    })
                })
                .collect();
            let layer: Vec<LayerCoding> = made
                .iter()
                .map(|(c, coder, _)| LayerCoding {
                    coder,
                    coding: c,
                    doc: docs.iter().find(|t| t.id == c.doc).unwrap(),
                })
                .collect();
            let mut lists: Vec<Vec<&LayerCoding>> = vec![Vec::new(); 4];
            for (c, (_, _, list)) in layer.iter().zip(&made) {
                lists[*list].push(c);
            }
            let show = |qs: Vec<Vec<Quote>>| format!("{qs:?}");
            proptest::prop_assert_eq!(
                show(select_each(&lists, max)),
                show(old::select_each_old(&lists, max))
            );
        }
    }

    #[test]
    fn widens_to_sentences_and_prefers_agreement() {
        let (_dir, p) = tiny_project();
        let data = LayerData::load(&p, &Layer::AllCoders).unwrap();
        let theme_t: Vec<&LayerCoding> = data
            .codings
            .iter()
            .filter(|c| c.coding.code != "c")
            .collect();
        let qs = select(&theme_t, 3);
        // d1's first passage is coded by both x and y: it comes first, widened to whole sentences.
        assert_eq!(qs[0].doc, "d1");
        assert_eq!(qs[0].coders, vec!["x", "y"]);
        assert_eq!(qs[0].text, "Vi har för lite resurser. Ledningen är med.");
        assert_eq!(qs[1].case, "K2");
        for q in &qs {
            let t = &p.transcripts[&q.doc];
            assert_eq!(t.slice(q.start, q.end), Some(q.pieces[0].as_str()));
        }
    }

    #[test]
    fn long_passages_are_cut_at_sentences_and_marked() {
        let sentence =
            "Det här är en mening som handlar om resurser och prioriteringar i kommunen. ";
        let body = format!("Respondent: {}\n", sentence.repeat(8).trim_end());
        let t = Transcript::parse(&body, "d").unwrap();
        let chars: Vec<char> = t.text.chars().collect();
        let end = shorten(&chars, 12, chars.len() - 1, chars.len() - 1);
        let text: String = chars[12..end].iter().collect();
        assert!(text.ends_with("kommunen."), "{text}");
        assert!(text.chars().count() <= MAX_CHARS);
        let (s, cut) = widen_start(&chars, 12, chars.len() - 1, 20);
        assert_eq!((s, cut), (12, false));
    }

    #[test]
    fn hesitations_are_not_sentence_ends_and_closing_quotes_stay() {
        let body = "Respondent: Och rapporten var... ja, den var inte smickrande. Vi frågade ”vad gör vi nu?” och sen hände det.\n";
        let t = Transcript::parse(body, "d").unwrap();
        let chars: Vec<char> = t.text.chars().collect();
        let at = |w: &str| t.text[..t.text.find(w).unwrap()].chars().count();
        let line_end = chars.len() - 1;
        let (e, cut) = widen_end(&chars, line_end, at("var..."));
        assert!(!cut);
        assert_eq!(
            chars[12..e].iter().collect::<String>(),
            "Och rapporten var... ja, den var inte smickrande."
        );
        let (s, cut) = widen_start(&chars, 12, line_end, at("ja, den"));
        assert_eq!((s, cut), (12, false));
        let (s, _) = widen_start(&chars, 12, line_end, at("frågade"));
        assert_eq!(s, at("Vi frågade"));
        assert!(
            !sentence_ends_at(&chars, at("nu?”") + 3, line_end),
            "a quoted question inside a sentence"
        );
    }
}
