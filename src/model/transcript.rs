//! A transcript in canonical form: a `key: value` header between `---` lines, then speaker turns.
//!
//! Offsets everywhere are Unicode scalar (char) offsets into the *body*: the text after the header block.
//! The header can change (an attribute added) without moving any coding.

use super::text::{OffsetMap, canonicalize, word_count, word_spans_into};

/// Ordered `key: value` pairs of a transcript header.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Header {
    pub fields: Vec<(String, String)>,
}

impl Header {
    pub fn get(&self, key: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Sets a field, keeping its position when it exists; values are made single-line.
    pub fn set(&mut self, key: &str, value: &str) {
        let value = canonicalize(value).replace('\n', " ").trim().to_string();
        match self.fields.iter_mut().find(|(k, _)| k == key) {
            Some(slot) => slot.1 = value,
            None => self.fields.push((key.to_string(), value)),
        }
    }

    /// Declared speaker labels (`speakers: A; B`), when the header has them.
    pub fn speakers(&self) -> Option<Vec<String>> {
        self.get("speakers").map(|s| {
            s.split(';')
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty())
                .collect()
        })
    }
}

/// One speaker turn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Turn {
    /// Speaker label as written (`Respondent`); empty when text precedes the first label.
    pub speaker: String,
    /// Media time of the turn's first cue (`00:01:23.500`) for transcripts imported from VTT/SRT.
    pub time: Option<String>,
    /// Char offset where the paragraph with the label begins.
    pub label_start: usize,
    /// Char offsets of the turn's own text (after `Speaker: `), end exclusive.
    pub start: usize,
    pub end: usize,
    /// Char ranges of the turn's paragraphs (the first starts at `start`).
    pub paragraphs: Vec<(usize, usize)>,
}

/// A parse problem, with a 1-based line and column in the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}, column {column}: {problem}")]
pub struct TranscriptError {
    pub line: usize,
    pub column: usize,
    pub problem: HeaderProblem,
}

/// What is wrong with a transcript's header; worded for users by `messages`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HeaderProblem {
    #[error("expected `key: value` in the header, found {found:?}")]
    NotKeyValue { found: String },
    #[error("expected a header key without spaces before `:`, found {key:?}")]
    SpaceInKey { key: String },
    #[error("the header opened with `---` is never closed by a `---` line")]
    NeverClosed,
}

#[derive(Debug, Clone)]
pub struct Transcript {
    pub id: String,
    pub header: Header,
    /// The body text: canonical, ends with a newline unless empty.
    pub text: String,
    pub turns: Vec<Turn>,
    /// 1-based file line of the first body line, to report body positions as file lines.
    pub body_line: usize,
    map: OffsetMap,
}

impl Transcript {
    /// Builds a transcript from a header and a body already in canonical form.
    pub fn new(id: &str, header: Header, text: String) -> Self {
        let speakers = header.speakers();
        let map = OffsetMap::new(&text);
        let turns = parse_turns(&text, &map, speakers.as_deref());
        Transcript {
            id: id.to_string(),
            header,
            text,
            turns,
            body_line: 1,
            map,
        }
    }

    /// Parses a whole transcript file. `fallback_id` (the file stem) is used when the header has no id.
    pub fn parse(content: &str, fallback_id: &str) -> Result<Self, TranscriptError> {
        let (header, body, body_line) = split_header(content)?;
        let id = header.get("id").unwrap_or(fallback_id).to_string();
        let mut t = Transcript::new(&id, header, body.to_string());
        t.body_line = body_line;
        Ok(t)
    }

    /// [`Transcript::parse`] of a file read into `content`, whose memory becomes the body (a
    /// transcript is nearly all body: it is moved down over the header instead of copied into a new
    /// allocation). Also returns what preceded the body (the header block and the blank lines after
    /// it), so that the head followed by the body is `content`.
    pub fn parse_owned(
        mut content: String,
        fallback_id: &str,
    ) -> Result<(Self, String), TranscriptError> {
        let (header, body, body_line) = split_header(&content)?;
        let id = header.get("id").unwrap_or(fallback_id).to_string();
        let head_len = content.len() - body.len();
        let head = content[..head_len].to_string();
        content.drain(..head_len);
        let mut t = Transcript::new(&id, header, content);
        t.body_line = body_line;
        Ok((t, head))
    }

    /// The id and header of a transcript file from its beginning alone: `head` holds at least the
    /// lines up to the `---` that closes the header (the body is not looked at).
    pub fn parse_header(
        head: &str,
        fallback_id: &str,
    ) -> Result<(String, Header), TranscriptError> {
        let (header, _, _) = split_header(head)?;
        let id = header.get("id").unwrap_or(fallback_id).to_string();
        Ok((id, header))
    }

    /// The canonical file content: [`Transcript::render_head`], then the body.
    pub fn render(&self) -> String {
        self.render_with(self.text.len())
    }

    /// The canonical file content before the body: the header block and the blank line after it.
    pub fn render_head(&self) -> String {
        self.render_with(0)
    }

    /// The head, with room for `more` bytes, and the body when `more` is not 0.
    fn render_with(&self, more: usize) -> String {
        let head: usize = self
            .header
            .fields
            .iter()
            .map(|(k, v)| k.len() + v.len() + 3)
            .sum();
        let mut out = String::with_capacity(head + 9 + more);
        out.push_str("---\n");
        for (k, v) in &self.header.fields {
            out.push_str(k);
            out.push_str(": ");
            out.push_str(v);
            out.push('\n');
        }
        out.push_str("---\n\n");
        if more > 0 {
            out.push_str(&self.text);
        }
        out
    }

    pub fn case(&self) -> &str {
        self.header.get("case").unwrap_or("")
    }

    pub fn role(&self) -> &str {
        self.header.get("role").unwrap_or("")
    }

    pub fn char_len(&self) -> usize {
        self.map.char_len()
    }

    pub fn offsets(&self) -> &OffsetMap {
        &self.map
    }

    /// Text between char offsets; None when out of range.
    pub fn slice(&self, start: usize, end: usize) -> Option<&str> {
        self.map.slice(&self.text, start, end)
    }

    /// Index of the turn containing char offset `pos` (or the last turn starting before it).
    pub fn turn_at(&self, pos: usize) -> Option<usize> {
        let i = self.turns.partition_point(|t| t.label_start <= pos);
        i.checked_sub(1)
    }

    /// Char ranges of the words in the turns' text (labels excluded), in order: the words `word_count`
    /// counts, where `unicode_word_indices` finds them.
    pub fn word_spans(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        self.word_spans_into(&mut out);
        out
    }

    /// [`Transcript::word_spans`] into `out` (cleared first), reusing its memory.
    pub fn word_spans_into(&self, out: &mut Vec<(usize, usize)>) {
        out.clear();
        // about one word in every seven bytes of Swedish text
        out.reserve(self.text.len() / 7);
        for turn in &self.turns {
            if let Some(text) = self.slice(turn.start, turn.end) {
                word_spans_into(text, turn.start, out);
            }
        }
    }

    /// Number of words in the turns' text (labels excluded).
    pub fn word_count(&self) -> usize {
        self.turns
            .iter()
            .filter_map(|t| self.slice(t.start, t.end))
            .map(word_count)
            .sum()
    }

    /// 1-based file line and column of a body char offset.
    pub fn line_col(&self, pos: usize) -> (usize, usize) {
        let byte = self.map.byte(pos.min(self.char_len())).unwrap_or(0);
        let before = &self.text[..byte];
        let line = before.matches('\n').count();
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count());
        (self.body_line + line, col + 1)
    }
}

fn split_header(content: &str) -> Result<(Header, &str, usize), TranscriptError> {
    let Some(rest) = content.strip_prefix("---\n") else {
        return Ok((Header::default(), content.trim_start_matches('\n'), 1));
    };
    let mut header = Header::default();
    let mut offset = 4;
    for (i, line) in rest.split_inclusive('\n').enumerate() {
        let lineno = i + 2;
        offset += line.len();
        let l = line.trim_end_matches('\n');
        if l == "---" {
            let body = &content[offset..];
            let trimmed = body.trim_start_matches('\n');
            let skipped = body.len() - trimmed.len();
            return Ok((header, trimmed, lineno + 1 + skipped));
        }
        if l.trim().is_empty() {
            continue;
        }
        let Some((k, v)) = l.split_once(':') else {
            return Err(TranscriptError {
                line: lineno,
                column: 1,
                problem: HeaderProblem::NotKeyValue {
                    found: l.to_string(),
                },
            });
        };
        let key = k.trim();
        if key.is_empty() || key.contains(char::is_whitespace) {
            return Err(TranscriptError {
                line: lineno,
                column: 1,
                problem: HeaderProblem::SpaceInKey {
                    key: key.to_string(),
                },
            });
        }
        header.fields.push((key.to_string(), v.trim().to_string()));
    }
    Err(TranscriptError {
        line: 1,
        column: 1,
        problem: HeaderProblem::NeverClosed,
    })
}

/// Splits `[time] Label: rest` at the start of a paragraph; returns (time, label, char length of the prefix).
pub fn parse_label(
    par: &str,
    speakers: Option<&[String]>,
) -> Option<(Option<String>, String, usize)> {
    let (time, rest, time_chars) = match par.strip_prefix('[') {
        Some(r) => {
            let close = r.find(']')?;
            let t = &r[..close];
            if !is_timestamp(t) {
                return None;
            }
            let after = r[close + 1..].strip_prefix(' ')?;
            (Some(t.to_string()), after, t.chars().count() + 3)
        }
        None => (None, par, 0),
    };
    // A label is short (or one of the speakers): the colon is looked for only where it can end one,
    // not along the whole of a long paragraph.
    let longest = match speakers {
        Some(list) => list.iter().map(String::len).max().unwrap_or(0),
        None => LABEL_MAX_CHARS * 4,
    };
    let head = &rest.as_bytes()[..rest.len().min(longest + 1)];
    let colon = head.iter().position(|&b| b == b':')?;
    let label = &rest[..colon];
    let after = &rest[colon + 1..];
    if !(after.is_empty() || after.starts_with(' ') || after.starts_with('\n')) {
        return None;
    }
    let ok = match speakers {
        Some(list) => list.iter().any(|s| s == label),
        None => looks_like_label(label),
    };
    if !ok {
        return None;
    }
    let skip = usize::from(after.starts_with(' '));
    Some((
        time,
        label.to_string(),
        time_chars + label.chars().count() + 1 + skip,
    ))
}

/// Longest text before a colon still taken for a speaker label (in chars, and in words) when the header
/// declares no speakers: names and roles ("Intervjuare", "Respondent 2 (rektor)") are short, while a
/// sentence that happens to contain a colon is usually longer.
const LABEL_MAX_CHARS: usize = 60;
const LABEL_MAX_WORDS: usize = 8;

/// A speaker label without a declared speaker list: short, starts like a name, no sentence punctuation.
pub fn looks_like_label(label: &str) -> bool {
    let n = label.chars().count();
    let first = label.chars().next();
    (1..=LABEL_MAX_CHARS).contains(&n)
        && label.split_whitespace().count() <= LABEL_MAX_WORDS
        && label.trim() == label
        && first.is_some_and(|c| c.is_uppercase() || c == '(' || c.is_ascii_digit())
        && !label.contains(['.', '?', '!', ';', ',', '"', '”', '“', '…', '[', ']', '\n'])
}

/// `hh:mm:ss`, `mm:ss` or `hh:mm:ss.mmm`.
pub fn is_timestamp(t: &str) -> bool {
    let main = t.split(['.', ',']).next().unwrap_or("");
    let parts: Vec<&str> = main.split(':').collect();
    (2..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()))
        && t.len() <= 13
}

/// Paragraphs of a body as char ranges: maximal runs of non-blank lines.
pub fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 0usize;
    let mut current: Option<(usize, usize)> = None;
    for line in text.split_inclusive('\n') {
        let content = line.strip_suffix('\n').unwrap_or(line);
        let len = content.chars().count();
        if content.trim().is_empty() {
            if let Some(p) = current.take() {
                out.push(p);
            }
        } else {
            current = Some(match current {
                Some((s, _)) => (s, pos + len),
                None => (pos, pos + len),
            });
        }
        pos += len + usize::from(line.len() > content.len());
    }
    out.extend(current);
    out
}

fn parse_turns(text: &str, map: &OffsetMap, speakers: Option<&[String]>) -> Vec<Turn> {
    let mut turns: Vec<Turn> = Vec::new();
    for (s, e) in paragraphs(text) {
        let par = map.slice(text, s, e).unwrap_or("");
        match parse_label(par, speakers) {
            Some((time, speaker, skip)) => turns.push(Turn {
                speaker,
                time,
                label_start: s,
                start: s + skip,
                end: e,
                paragraphs: vec![(s + skip, e)],
            }),
            None => match turns.last_mut() {
                Some(t) => {
                    t.end = e;
                    t.paragraphs.push((s, e));
                }
                None => turns.push(Turn {
                    speaker: String::new(),
                    time: None,
                    label_start: s,
                    start: s,
                    end: e,
                    paragraphs: vec![(s, e)],
                }),
            },
        }
    }
    turns
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "---\nid: t1\ncase: Kommun A\n---\n\nIntervjuare: Hej.\nRad två.\n\nRespondent: Svar.\n\nAndra stycket: inte en talare.\n\n[00:01:02.500] Anna Svensson: Hej då.\n";

    #[test]
    fn parses_header_and_turns() {
        let t = Transcript::parse(DOC, "x").unwrap();
        assert_eq!(t.id, "t1");
        assert_eq!(t.case(), "Kommun A");
        assert_eq!(t.body_line, 6);
        assert_eq!(t.turns.len(), 4);
        assert_eq!(
            t.slice(t.turns[0].start, t.turns[0].end),
            Some("Hej.\nRad två.")
        );
        assert_eq!(t.turns[1].speaker, "Respondent");
        assert_eq!(t.turns[3].time.as_deref(), Some("00:01:02.500"));
        assert_eq!(t.slice(t.turns[3].start, t.turns[3].end), Some("Hej då."));
        assert_eq!(t.render(), DOC);
    }

    #[test]
    fn declared_speakers_restrict_labels() {
        let doc = "---\nid: t\nspeakers: Intervjuare; Respondent\n---\n\nRespondent: Ja.\n\nAndra stycket: fortsätter.\n";
        let t = Transcript::parse(doc, "t").unwrap();
        assert_eq!(t.turns.len(), 1);
        assert_eq!(t.turns[0].paragraphs.len(), 2);
    }

    #[test]
    fn header_errors_have_lines() {
        let err = Transcript::parse("---\nid: x\nnonsense\n---\n", "x").unwrap_err();
        assert_eq!(err.line, 3);
        let err = Transcript::parse("---\nid: x\n", "x").unwrap_err();
        assert_eq!(err.problem, HeaderProblem::NeverClosed);
    }

    #[test]
    fn the_header_alone_gives_the_same_id_and_fields() {
        let full = Transcript::parse(DOC, "x").unwrap();
        let head = &DOC[..DOC.find("---\n\n").unwrap() + 4];
        let (id, header) = Transcript::parse_header(head, "x").unwrap();
        assert_eq!((id.as_str(), &header), (full.id.as_str(), &full.header));
        let (id, header) = Transcript::parse_header("Intervjuare: Hej.\n", "stem").unwrap();
        assert_eq!((id.as_str(), header.fields.len()), ("stem", 0));
        assert!(Transcript::parse_header("---\nid: x\n", "x").is_err());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]
        /// The word spans are the segmenter's, turn by turn, over any text with labels among it.
        #[test]
        fn word_spans_are_the_segmenters(
            parts in proptest::collection::vec(
                (proptest::sample::select(vec!["", "Respondent: ", "Intervjuare: ", "\n\n", "\n\nA: "]),
                 proptest::prelude::any::<String>(),
                 proptest::sample::select(vec!["Vi har för lite 3,5 t.ex. don’t", "👩\u{200d}💻 ok", "\u{301}å", ""])),
                0..6)
        ) {
            use unicode_segmentation::UnicodeSegmentation as _;
            let body: String = parts.iter().map(|(a, b, c)| format!("{a}{b} {c}")).collect();
            let t = Transcript::new("t", Header::default(), canonicalize(&body));
            let mut want = Vec::new();
            for turn in &t.turns {
                let text = t.slice(turn.start, turn.end).unwrap();
                for (b, w) in text.unicode_word_indices() {
                    let start = turn.start + text[..b].chars().count();
                    want.push((start, start + w.chars().count()));
                }
            }
            proptest::prop_assert_eq!(t.word_count(), want.len());
            proptest::prop_assert_eq!(t.word_spans(), want);
        }
    }

    #[test]
    fn parsing_owned_text_is_parsing_borrowed_text() {
        for doc in [
            DOC,
            "Intervjuare: Hej.\n",
            "\n\nA: b\n",
            "---\nid: x\n---\n",
            "---\nid: x\n---\n\n\n\nA: å\u{301}\n",
            "",
        ] {
            let want = Transcript::parse(doc, "stem").unwrap();
            let (t, head) = Transcript::parse_owned(doc.to_string(), "stem").unwrap();
            assert_eq!(format!("{head}{}", t.text), doc);
            assert_eq!(
                (&t.id, &t.header, &t.text),
                (&want.id, &want.header, &want.text)
            );
            assert_eq!((&t.turns, t.body_line), (&want.turns, want.body_line));
            assert_eq!(t.char_len(), want.char_len());
        }
        for bad in ["---\nid: x\nnonsense\n---\n", "---\nid: x\n"] {
            assert_eq!(
                Transcript::parse_owned(bad.to_string(), "x").unwrap_err(),
                Transcript::parse(bad, "x").unwrap_err()
            );
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]
        /// `check` scans a transcript's head and body apart: they say together what the whole
        /// rendered file says (the head ends a line, where no run of combining marks goes on).
        #[test]
        fn head_and_body_are_canonical_when_the_file_is(
            value in "(\\PC|\u{301}|\u{0}|\r){0,8}",
            body in proptest::collection::vec(
                proptest::sample::select(vec!["a", "å", "\u{301}", "\u{30a}", "\u{200d}", "\r", "\n", "\u{85}", "👩", "\u{1100}", "\u{1161}", "ǅ", " "]),
                0..40),
            plain in "\\PC{0,20}",
        ) {
            use crate::model::text::is_canonical;
            let mut header = Header::default();
            header.fields.push(("id".into(), "t".into()));
            header.fields.push(("k".into(), value));
            let text = format!("{}{plain}", body.concat());
            let t = Transcript { id: "t".into(), header, text, turns: Vec::new(), body_line: 1, map: OffsetMap::default() };
            let whole = is_canonical(&t.render());
            proptest::prop_assert_eq!(whole, is_canonical(&t.render_head()) && is_canonical(&t.text));
            proptest::prop_assert_eq!(t.render(), format!("{}{}", t.render_head(), t.text));
        }
    }

    #[test]
    fn line_col_of_body_offsets() {
        let t = Transcript::parse(DOC, "x").unwrap();
        assert_eq!(t.line_col(0), (6, 1));
        assert_eq!(t.line_col(t.turns[1].start), (9, 13));
    }
}
