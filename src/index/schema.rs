//! The tantivy schema of the search index and its Swedish analysers (words and their stems).

use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer, Token,
    TokenFilter, TokenStream, Tokenizer, TokenizerManager,
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
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| w.len() > MAX_TOKEN)
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

/// Words lower-cased, each followed at the same position by its marked stem when the stem differs.
pub fn text_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN))
        .filter(LowerCaser)
        .filter(StemAlongside)
        .build()
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

/// Token filter: after each word, its Snowball Swedish stem (marked) at the same position, if different.
#[derive(Clone)]
pub struct StemAlongside;

impl TokenFilter for StemAlongside {
    type Tokenizer<T: Tokenizer> = StemAlongsideFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> StemAlongsideFilter<T> {
        StemAlongsideFilter { inner: tokenizer }
    }
}

#[derive(Clone)]
pub struct StemAlongsideFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for StemAlongsideFilter<T> {
    type TokenStream<'a> = StemAlongsideStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        StemAlongsideStream {
            tail: self.inner.token_stream(text),
            stemmer: frostem::Stemmer::new(frostem::Algorithm::Swedish),
            token: Token::default(),
            pending: None,
        }
    }
}

pub struct StemAlongsideStream<T> {
    tail: T,
    stemmer: frostem::Stemmer,
    token: Token,
    pending: Option<String>,
}

impl<T: TokenStream> TokenStream for StemAlongsideStream<T> {
    fn advance(&mut self) -> bool {
        if let Some(stem) = self.pending.take() {
            self.token.text = stem;
            return true;
        }
        if !self.tail.advance() {
            return false;
        }
        self.token.clone_from(self.tail.token());
        let stem = self.stemmer.stem(&self.token.text);
        if *stem != *self.token.text {
            self.pending = Some(stem_term(&stem));
        }
        true
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
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
            seq: b.add_u64_field("seq", FAST | INDEXED),
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
