//! The tantivy schema of the search index and its Swedish analysers (words and their stems).

mod stem_cache;

use crate::model::text::alnum_run_end;
use stem_cache::{StemAt, StemCache};
use tantivy::schema::{
    FAST, Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer, Token,
    TokenStream, Tokenizer, TokenizerManager,
};

/// Tokenizer name of the text field.
pub const TEXT: &str = "kodbok_sv";
/// Marks a stem term in the text field, so that stems never collide with words.
pub const STEM_MARK: char = '\u{1}';
/// Name of the stemming analyser (the direct-tantivy benchmark indexes with it).
pub const STEM: &str = "kodbok_sv_stem";
/// Tokenizer name of the exact (lower-cased, unstemmed) text field.
pub const RAW: &str = "kodbok_sv_raw";
/// Tokens longer than this (in bytes) are dropped by both analysers.
pub const MAX_TOKEN: usize = 60;
/// An `f_attr` term on turns with a word longer than [`MAX_TOKEN`] (not in the index, so regular
/// expressions always verify those turns).
pub const LONG_TOKENS: &str = "\u{1}long";

/// Whether `text` has a word the analysers drop for its length.
pub fn has_long_token(text: &str) -> bool {
    // such a word has no space in it: only stretches of MAX_TOKEN bytes or more between spaces, found
    // by a vectorised search for spaces, are looked at
    let mut from = 0;
    for at in memchr::memchr_iter(b' ', text.as_bytes()).chain([text.len()]) {
        if at - from >= MAX_TOKEN && has_long_run(&text[from..at]) {
            return true;
        }
        from = at + 1;
    }
    false
}

/// [`has_long_token`] by a walk over every byte.
fn has_long_run(text: &str) -> bool {
    // such a word is a run of at least MAX_TOKEN bytes that are ASCII letters or digits or belong to
    // other chars: only a text with such a run is split into words
    let mut run = 0;
    for &b in text.as_bytes() {
        if b >= 0x80 || b.is_ascii_alphanumeric() {
            run += 1;
            if run >= MAX_TOKEN {
                return Words::new(text).any(|(from, to)| to - from >= MAX_TOKEN);
            }
        } else {
            run = 0;
        }
    }
    false
}

/// Whether `c` belongs to a word: a letter or digit (as tantivy's `SimpleTokenizer` splits text),
/// decided without Unicode tables for ASCII and Latin-1 (Swedish text is almost only these).
#[inline]
pub fn is_word_char(c: char) -> bool {
    match c as u32 {
        0..0x80 => c.is_ascii_alphanumeric(),
        // ª ² ³ µ ¹ º ¼ ½ ¾ and the letters À–ÿ but × and ÷
        0x80..0x100 => matches!(
            c as u32,
            0xAA | 0xB2 | 0xB3 | 0xB5 | 0xB9 | 0xBA | 0xBC..=0xBE | 0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0xFF
        ),
        _ => c.is_alphanumeric(),
    }
}

/// Appends `word` lower-cased char by char (as tantivy's `LowerCaser` does: no final-sigma rule).
#[inline]
pub fn push_lower(out: &mut String, word: &str) {
    if word.is_ascii() {
        let from = out.len();
        out.push_str(word);
        out[from..].make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        match c as u32 {
            0..0x80 => out.push(c.to_ascii_lowercase()),
            // À–Þ but × are the upper-case letters of Latin-1, each 0x20 above its lower-case one
            0xC0..=0xD6 | 0xD8..=0xDE => out.push(char::from_u32(c as u32 + 0x20).unwrap_or(c)),
            0x80..0x100 => out.push(c),
            _ => out.extend(c.to_lowercase()),
        }
    }
}

/// Lower-cases a text of ASCII and Latin-1 chars in place (as [`push_lower`] would).
fn lower_latin1(s: &mut String) {
    let mut bytes = std::mem::take(s).into_bytes();
    lower_latin1_bytes(&mut bytes);
    // still UTF-8: ASCII letters stay ASCII, and a continuation byte after 0xC3 stays one
    *s = crate::store::load::utf8(bytes).unwrap_or_default();
}

/// Lower-cases the UTF-8 of a text of ASCII and Latin-1 in place, as [`push_lower`] lower-cases its
/// chars: A–Z, and À–Þ but × (0xC3 then 0x80–0x9E but 0x97), each 0x20 below its lower case.
pub(crate) fn lower_latin1_bytes(bytes: &mut [u8]) {
    let mut before = 0u8;
    for b in bytes.iter_mut() {
        let c = *b;
        let upper =
            c.is_ascii_uppercase() || (before == 0xC3 && (0x80..=0x9E).contains(&c) && c != 0x97);
        before = c;
        *b = c + (u8::from(upper) << 5);
    }
}

/// The byte ranges of the words of a text (maximal runs of [`is_word_char`]), long ones included.
pub struct Words<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Words<'a> {
    pub fn new(text: &'a str) -> Words<'a> {
        Words { text, at: 0 }
    }

    /// The end of the run of word chars (or of non-word chars, `word` false) from byte `i`.
    #[inline]
    fn run_end(&self, mut i: usize, word: bool) -> usize {
        let b = self.text.as_bytes();
        while i < b.len() {
            if b[i] < 0x80 {
                if b[i].is_ascii_alphanumeric() != word {
                    return i;
                }
                if word {
                    // the rest of a run of ASCII letters and digits, eight bytes at a time
                    i = alnum_run_end(b, i);
                    if b.get(i).is_some_and(|&x| x < 0x80) {
                        return i;
                    }
                    continue;
                }
                i += 1;
            } else {
                let c = self.text[i..].chars().next().unwrap_or(' ');
                if is_word_char(c) != word {
                    return i;
                }
                i += c.len_utf8();
            }
        }
        i
    }
}

/// Whether `text` has only chars up to U+00FF (ASCII and Latin-1: no byte from 0xC4 on), whose
/// letters keep their length in lower case. The largest byte of each block is found without a branch
/// per byte.
pub fn latin1(text: &str) -> bool {
    text.as_bytes()
        .chunks(64)
        .all(|block| block.iter().fold(0, |m, &b| m.max(b)) < 0xC4)
}

/// The end of the word that starts at byte `at` of `text` (the run of word chars from there).
pub fn word_end(text: &str, at: usize) -> usize {
    Words::new(text).run_end(at, true)
}

impl Iterator for Words<'_> {
    type Item = (usize, usize);

    #[inline]
    fn next(&mut self) -> Option<(usize, usize)> {
        let from = self.run_end(self.at, false);
        if from >= self.text.len() {
            self.at = from;
            return None;
        }
        let to = self.run_end(from, true);
        self.at = to;
        Some((from, to))
    }
}

/// The words of a text as the index holds them (lower-cased, those too long for it left out), with
/// their byte ranges in the text: what highlighting and proximity checks go through, made without
/// tantivy's analyser chain and one string per word.
#[derive(Debug, Default, Clone)]
pub struct TextWords {
    lower: String,
    /// Per word: its range in `lower` and its byte range in the text.
    words: Vec<(usize, usize, usize, usize)>,
}

impl TextWords {
    pub fn of(text: &str) -> TextWords {
        let mut w = TextWords::default();
        w.fill(text);
        w
    }

    /// Replaces the words with those of `text`.
    pub fn fill(&mut self, text: &str) {
        self.lower.clear();
        self.words.clear();
        if latin1(text) {
            // only ASCII and Latin-1, whose letters keep their length in lower case: the text is
            // lower-cased at once and the words keep their ranges
            self.lower.push_str(text);
            lower_latin1(&mut self.lower);
            for (from, to) in Words::new(text) {
                if to - from < MAX_TOKEN {
                    self.words.push((from, to, from, to));
                }
            }
            return;
        }
        for (from, to) in Words::new(text) {
            if to - from >= MAX_TOKEN {
                continue;
            }
            let at = self.lower.len();
            push_lower(&mut self.lower, &text[from..to]);
            self.words.push((at, self.lower.len(), from, to));
        }
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The lower-cased word `i`.
    pub fn word(&self, i: usize) -> &str {
        let (s, e, _, _) = self.words[i];
        &self.lower[s..e]
    }

    /// The byte range of word `i` in the text.
    pub fn range(&self, i: usize) -> (usize, usize) {
        let (_, _, from, to) = self.words[i];
        (from, to)
    }
}

/// Words split on anything that is not a letter or digit; å, ä, ö stay letters; lower-cased.
pub fn raw_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN))
        .filter(LowerCaser)
        .build()
}

/// As [`raw_analyzer`], then the Snowball Swedish stemmer.
pub fn stem_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN))
        .filter(LowerCaser)
        .filter(Stemmer::new(Language::Swedish))
        .build()
}

/// Words lower-cased, each followed at the same position by its marked stem when the stem differs
/// (the tokens of [`SimpleTokenizer`], [`RemoveLongFilter`] and [`LowerCaser`] with the stems alongside,
/// made in one pass with a cache of stems).
pub fn text_analyzer() -> TextAnalyzer {
    TextAnalyzer::from(WordsAndStems::default())
}

pub fn register(manager: &TokenizerManager) {
    manager.register(TEXT, text_analyzer());
    manager.register(STEM, stem_analyzer());
    manager.register(RAW, raw_analyzer());
}

/// The index term of a Snowball stem in the text field, when the stem differs from the word.
pub fn stem_term(stem: &str) -> String {
    let mut s = String::with_capacity(stem.len() + 1);
    s.push(STEM_MARK);
    s.push_str(stem);
    s
}

/// Tokenizer of the text field: each word lower-cased and, where its Snowball Swedish stem differs,
/// the marked stem at the same position. Each indexing thread has its own copy, and with it its own
/// cache of stems: most words of a study recur, and a look-up costs less than stemming.
#[derive(Clone, Default)]
pub struct WordsAndStems {
    token: Token,
    stems: StemCache,
    /// The text lower-cased at once, when its letters keep their length in lower case.
    lower: String,
}

impl Tokenizer for WordsAndStems {
    type TokenStream<'a> = WordsAndStemsStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordsAndStemsStream<'a> {
        self.token.reset();
        // a text of ASCII and Latin-1 only (nearly every Swedish one) is lower-cased in one go, and
        // its words are taken from that copy at the same ranges
        let lower = latin1(text).then(|| {
            self.lower.clear();
            self.lower.push_str(text);
            lower_latin1(&mut self.lower);
            self.lower.as_str()
        });
        WordsAndStemsStream {
            words: Words::new(text),
            text,
            lower,
            token: &mut self.token,
            stems: &mut self.stems,
            pending: Pending::None,
        }
    }
}

/// The marked stem to follow the current word.
enum Pending {
    None,
    Cached(StemAt),
    /// Stemmed but not cached (the cache is full).
    Own(String),
}

pub struct WordsAndStemsStream<'a> {
    words: Words<'a>,
    text: &'a str,
    lower: Option<&'a str>,
    token: &'a mut Token,
    stems: &'a mut StemCache,
    pending: Pending,
}

impl WordsAndStemsStream<'_> {
    /// The marked stem of the current word, when it differs from the word.
    #[inline]
    fn find_stem(&mut self) -> Pending {
        let word = self.token.text.as_str();
        if own_stem(word) {
            return Pending::None;
        }
        if let Some(at) = self.stems.get(word) {
            return if at.differs() {
                Pending::Cached(at)
            } else {
                Pending::None
            };
        }
        let term = SWEDISH.with(|s| {
            let stem = s.stem(word);
            (*stem != *word).then(|| stem_term(&stem))
        });
        match self.stems.insert(word, term.as_deref()) {
            Some(at) if at.differs() => Pending::Cached(at),
            Some(_) => Pending::None,
            None => term.map_or(Pending::None, Pending::Own),
        }
    }
}

impl TokenStream for WordsAndStemsStream<'_> {
    fn advance(&mut self) -> bool {
        match std::mem::replace(&mut self.pending, Pending::None) {
            Pending::None => {}
            Pending::Cached(at) => {
                self.token.text.clear();
                self.token.text.push_str(self.stems.term(at));
                return true;
            }
            Pending::Own(term) => {
                self.token.text.clear();
                self.token.text.push_str(&term);
                return true;
            }
        }
        // the positions count the words dropped for their length, as tantivy's filter leaves them
        for (from, to) in self.words.by_ref() {
            self.token.position = self.token.position.wrapping_add(1);
            if to - from >= MAX_TOKEN {
                continue;
            }
            self.token.offset_from = from;
            self.token.offset_to = to;
            self.token.text.clear();
            match self.lower {
                Some(lower) => self.token.text.push_str(&lower[from..to]),
                None => push_lower(&mut self.token.text, &self.text[from..to]),
            }
            self.pending = self.find_stem();
            return true;
        }
        false
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// All fields of one index document (one speaker turn).
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// Transcript id, exact; used to delete a transcript's turns and for `doc:`.
    pub doc: Field,
    /// Display values, stored only.
    pub case: Field,
    pub group: Field,
    pub speaker: Field,
    /// 1-based turn number and the turn text's char offsets in the transcript body.
    pub turn: Field,
    pub start: Field,
    pub end: Field,
    /// Document order (transcript rank × 2^20 + turn), for listing filter-only results in order.
    pub seq: Field,
    /// The turn text, stored for snippets, indexed with positions by [`text_analyzer`]: every word
    /// lower-cased (exact phrases, prefixes, fuzzy terms) and, where it differs, its Snowball stem
    /// marked with [`STEM_MARK`] at the same position (word queries).
    pub text: Field,
    /// Lower-cased filter values.
    pub f_case: Field,
    pub f_speaker: Field,
    /// `key=value` for every case attribute and transcript header field.
    pub f_attr: Field,
    /// Code ids on the turn (with their ancestors), any coder.
    pub f_code: Field,
    /// `coder=code` pairs (with ancestors).
    pub f_coder_code: Field,
    /// Coders with any coding on the turn.
    pub f_coder: Field,
}

impl Fields {
    pub fn schema() -> (Schema, Fields) {
        let mut b = Schema::builder();
        let text = TextOptions::default().set_stored().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(TEXT)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        let fields = Fields {
            doc: b.add_text_field("doc", STRING | STORED),
            case: b.add_text_field("case", STORED),
            group: b.add_text_field("group", STORED),
            speaker: b.add_text_field("speaker", STORED),
            turn: b.add_u64_field("turn", STORED),
            start: b.add_u64_field("start", STORED),
            end: b.add_u64_field("end", STORED),
            seq: b.add_u64_field("seq", FAST),
            text: b.add_text_field("text", text),
            f_case: b.add_text_field("f_case", STRING),
            f_speaker: b.add_text_field("f_speaker", STRING),
            f_attr: b.add_text_field("f_attr", STRING),
            f_code: b.add_text_field("f_code", STRING),
            f_coder_code: b.add_text_field("f_coder_code", STRING),
            f_coder: b.add_text_field("f_coder", STRING),
        };
        (b.build(), fields)
    }

    /// The fields of an existing index's schema; None when it is not this schema.
    pub fn of(schema: &Schema) -> Option<Fields> {
        let (expected, fields) = Fields::schema();
        (*schema == expected).then_some(fields)
    }
}

thread_local! {
    static SWEDISH: frostem::Stemmer = frostem::Stemmer::new(frostem::Algorithm::Swedish);
}

/// Whether the Snowball Swedish stemmer surely leaves the lower-case `word` as it is: its region R1,
/// where every suffix it removes must lie, is empty. R1 begins after the first non-vowel that follows
/// a vowel, and after the third char at the earliest (`p1` of the algorithm). Short words, which are
/// about half of Swedish running text, thus need neither the stemmer nor the cache.
#[inline]
fn own_stem(word: &str) -> bool {
    if word.len() <= 3 {
        // three chars at most
        return true;
    }
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'ä' | 'å' | 'ö');
    let mut after_vowel = false;
    for (seen, (i, c)) in word.char_indices().enumerate() {
        if vowel(c) {
            after_vowel = true;
        } else if after_vowel {
            // R1 is what follows this char (number `seen`, from 0), but not before the third char
            let mut rest = word[i + c.len_utf8()..].chars();
            return match (rest.next(), rest.next()) {
                // nothing follows
                (None, _) => true,
                // one char follows: the word is `seen + 2` chars long
                (Some(_), None) => seen + 2 <= 3,
                _ => false,
            };
        }
    }
    true
}

/// The Snowball Swedish stem of a lower-case word (as the analyser would give it).
pub fn stem_word(word: &str) -> String {
    SWEDISH.with(|s| s.stem(word).into_owned())
}

/// Stems a single word with the Swedish analyser; None when it is not a word.
pub fn stem_one(analyzer: &mut TextAnalyzer, word: &str) -> Option<String> {
    // a lower-case word is one token as it is: stem it directly (what the analyser would do, faster)
    let plain = word.len() <= MAX_TOKEN
        && !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_alphanumeric() && !c.is_uppercase());
    if plain {
        return Some(SWEDISH.with(|s| s.stem(word).into_owned()));
    }
    let mut stream = analyzer.token_stream(word);
    stream.next().map(|t| t.text.clone())
}

/// Lower-cased word tokens of `text` with their byte ranges.
pub fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while let Some(t) = stream.next() {
        out.push((t.text.clone(), t.offset_from, t.offset_to));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_texts() {
        assert!(latin1("Åsa är ÿ × µ"));
        assert!(!latin1("”citat”"));
        let long = format!("{}{}", "a".repeat(100), 'ő');
        assert!(!latin1(&long));
        assert!(latin1(&long[..100]));
    }

    #[test]
    fn direct_stemming_agrees_with_the_analyser() {
        let mut a = stem_analyzer();
        for w in [
            "resurserna",
            "hindret",
            "säkrare",
            "informationssäkerhetsarbetet",
            "2019",
            "Ökade",
            "it-chef",
        ] {
            let mut stream = a.token_stream(w);
            let via = stream.next().map(|t| t.text.clone());
            drop(stream);
            assert_eq!(stem_one(&mut a, w), via, "{w}");
        }
    }

    /// Texts where the one-pass tokenizer could part from tantivy's chain: Latin-1 and other
    /// scripts, letters whose lower case is longer, digits, words of 59, 60 and 61 bytes, repeats.
    fn awkward_texts() -> Vec<String> {
        vec![
            "Resurserna och Åtgärder, ÅTGÄRDER; åtgärder! Ökade 2019-05 it-chef".to_string(),
            "İstanbul ΣΟΦΙΑ Straße ÆØÅ æøå ÿ Ÿ µ ª º ² ¼ × ÷ «citat» naïve café 東京 ﬁnal"
                .to_string(),
            format!("kort {} mitt {} slut", "a".repeat(59), "b".repeat(60)),
            format!(
                "{} och {} och {}",
                "é".repeat(30),
                "ö".repeat(29),
                "C".repeat(61)
            ),
            "  ...  ".to_string(),
            "Straße × ÷ ÿ ÆØÅ æøå µ ª ÀÉÎÕÜÝÞ àéîõüýþ Ärligt, ÖVER".to_string(),
            String::new(),
            "kommunerna kommunerna Kommunerna KOMMUNERNA kommun".to_string(),
        ]
    }

    /// The tokens of `text` as tantivy's own filters made them, each word followed by its marked
    /// stem where it differs (the text field's analyser before it was made in one pass).
    fn chain_tokens(text: &str) -> Vec<(String, usize, usize, usize)> {
        let mut raw = raw_analyzer();
        let mut stream = raw.token_stream(text);
        let mut out = Vec::new();
        while let Some(t) = stream.next() {
            out.push((t.text.clone(), t.position, t.offset_from, t.offset_to));
            let stem = stem_word(&t.text);
            if stem != t.text {
                out.push((stem_term(&stem), t.position, t.offset_from, t.offset_to));
            }
        }
        out
    }

    #[test]
    fn one_pass_tokens_are_the_chains() {
        let mut a = text_analyzer();
        for text in awkward_texts() {
            // twice: the second time the stems come from the cache
            for _ in 0..2 {
                let mut got = Vec::new();
                let mut s = a.token_stream(&text);
                while let Some(t) = s.next() {
                    assert_eq!(t.position_length, 1);
                    got.push((t.text.clone(), t.position, t.offset_from, t.offset_to));
                }
                assert_eq!(got, chain_tokens(&text), "{text}");
            }
        }
    }

    /// With its cache of stems full, the tokenizer stems each word afresh and gives the same tokens.
    #[test]
    fn tokens_are_the_chains_with_a_full_cache() {
        let mut t = WordsAndStems::default();
        for i in 0..StemCache::MAX_WORDS {
            t.stems.insert(&format!("q{i}"), None);
        }
        assert_eq!(t.stems.insert("resurserna", Some("\u{1}resurs")), None);
        for text in awkward_texts() {
            let mut got = Vec::new();
            let mut s = t.token_stream(&text);
            while let Some(tok) = s.next() {
                got.push((
                    tok.text.clone(),
                    tok.position,
                    tok.offset_from,
                    tok.offset_to,
                ));
            }
            assert_eq!(got, chain_tokens(&text), "{text}");
        }
    }

    #[test]
    fn text_words_are_the_raw_analysers() {
        let mut raw = raw_analyzer();
        for text in awkward_texts() {
            let w = TextWords::of(&text);
            let got: Vec<(String, usize, usize)> = (0..w.len())
                .map(|i| (w.word(i).to_string(), w.range(i).0, w.range(i).1))
                .collect();
            assert_eq!(got, tokens(&mut raw, &text), "{text}");
        }
    }

    #[test]
    fn latin1_shortcuts_agree_with_unicode() {
        for c in (0u32..0x250).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
            let mut got = String::new();
            push_lower(&mut got, &c.to_string());
            assert_eq!(got, c.to_lowercase().collect::<String>(), "{c:?}");
        }
    }

    #[test]
    fn long_words_are_those_the_index_drops() {
        assert!(!has_long_token(&format!("x {} y", "a".repeat(59))));
        assert!(has_long_token(&format!("x {} y", "a".repeat(60))));
        assert!(has_long_token(&"ä".repeat(30)));
        assert!(!has_long_token("kort text"));
        // a run of non-word chars outside ASCII is no word
        assert!(!has_long_token(&"– ".repeat(20).replace(' ', "")));
        assert!(!has_long_token(&format!(
            "{}«{}",
            "ö".repeat(29),
            "ö".repeat(29)
        )));
    }

    /// Every word `own_stem` passes over is its own stem: all words of up to four letters from the
    /// vowels and the consonants that end Swedish suffixes, and random longer ones.
    #[test]
    fn words_said_to_be_their_own_stems_are() {
        let letters: Vec<char> = "aeiouyäåöbdgklnrstx9é".chars().collect();
        let mut words = vec![String::new()];
        let mut own = 0;
        for _ in 0..4 {
            words = words
                .iter()
                .flat_map(|w| letters.iter().map(move |c| format!("{w}{c}")))
                .collect();
            for w in &words {
                if own_stem(w) {
                    own += 1;
                    assert_eq!(stem_word(w), *w, "{w}");
                }
            }
        }
        // most words of three letters and fewer, and some of four (stor, stod), are passed over
        assert!(own > 21 * 21 * 21, "{own}");
        for w in ["stor", "stod", "och", "att", "2019", "tvn"] {
            assert!(own_stem(w), "{w}");
        }
        for w in ["kommun", "resurser", "arbete", "hundar", "ökad"] {
            assert!(!own_stem(w), "{w}");
        }
    }

    proptest::proptest! {
        /// Texts of ASCII, Latin-1 and other letters, upper and lower case, in any order: the one-pass
        /// tokenizer gives tantivy's chain's tokens.
        #[test]
        fn any_text_gives_the_chains_tokens(text in "[a-zA-Z0-9 .,åäöÅÄÖÀàéÉÞþ×ÿŸİΣß\\-]{0,80}") {
            let mut a = text_analyzer();
            let mut got = Vec::new();
            let mut s = a.token_stream(&text);
            while let Some(t) = s.next() {
                got.push((t.text.clone(), t.position, t.offset_from, t.offset_to));
            }
            proptest::prop_assert_eq!(got, chain_tokens(&text));
        }

        /// Looking only between spaces finds the long words a walk over every byte finds.
        #[test]
        fn long_words_are_found_between_spaces(
            parts in proptest::collection::vec(("[aö]{0,70}", "[ .\n«]{1,3}"), 0..6)
        ) {
            let text: String = parts.iter().map(|(w, sep)| format!("{w}{sep}")).collect();
            proptest::prop_assert_eq!(has_long_token(&text), has_long_run(&text));
        }

        #[test]
        fn longer_words_said_to_be_their_own_stems_are(w in "[aeioubdgklnrståäö]{4,12}") {
            if own_stem(&w) {
                proptest::prop_assert_eq!(stem_word(&w), w);
            }
        }
    }

    #[test]
    fn words_and_marked_stems_share_positions() {
        let mut a = text_analyzer();
        let mut got = Vec::new();
        let mut s = a.token_stream("Resurserna och Åtgärder");
        while let Some(t) = s.next() {
            got.push((t.text.clone(), t.position));
        }
        let m = |s: &str| stem_term(s);
        assert_eq!(
            got,
            vec![
                ("resurserna".to_string(), 0),
                (m("resurs"), 0),
                ("och".to_string(), 1),
                ("åtgärder".to_string(), 2),
                (m("åtgärd"), 2),
            ]
        );
    }
}
