//! The tantivy schema of the search index and its two Swedish analysers (stemmed and exact).

use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer,
    TokenizerManager,
};

/// Tokenizer name of the stemmed text field.
pub const STEM: &str = "kodbok_sv_stem";
/// Tokenizer name of the exact (lower-cased, unstemmed) text field.
pub const RAW: &str = "kodbok_sv_raw";
/// Tokens longer than this (in bytes) are dropped by both analysers.
const MAX_TOKEN: usize = 60;

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

pub fn register(manager: &TokenizerManager) {
    manager.register(STEM, stem_analyzer());
    manager.register(RAW, raw_analyzer());
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
    /// The turn text, stemmed for ranking and word queries; stored for snippets.
    pub text: Field,
    /// The turn text lower-cased only, with positions: exact phrases, prefixes, fuzzy terms.
    pub raw: Field,
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
        let stem = TextOptions::default().set_stored().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(STEM)
                .set_index_option(IndexRecordOption::WithFreqs),
        );
        let raw = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(RAW)
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
            text: b.add_text_field("text", stem),
            raw: b.add_text_field("raw", raw),
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

/// Stems a single word with the Swedish analyser; None when it is not a word.
pub fn stem_one(analyzer: &mut TextAnalyzer, word: &str) -> Option<String> {
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
