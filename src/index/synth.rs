//! A deterministic synthetic Swedish interview corpus for benchmarks: seeded PRNG, inflected word forms,
//! speaker turns, cases with attributes, and one coder's codings.

use crate::model::{Codebook, CoderFile, Coding, Transcript};
use crate::store::{StoreError, atomic, project::DEFAULT_CODEBOOK};
use std::fmt::Write as _;
use std::path::Path;

/// xorshift64*: small, fast and the same on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// 0..n
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    /// 0..n, small values more likely (roughly Zipf-like).
    pub fn skewed(&mut self, n: usize) -> usize {
        let a = self.below(n);
        let b = self.below(n);
        a.min(b).min(self.below(n))
    }
}

/// Paradigms: every form of a word, `|`-separated.
const CONTENT: &[&str] = &[
    "resurs|resursen|resurser|resurserna|resursernas",
    "hinder|hindret|hindren|hindrens",
    "kommunledning|kommunledningen|kommunledningar|kommunledningens",
    "ledning|ledningen|ledningar|ledningarna|ledningens",
    "kommun|kommunen|kommuner|kommunerna|kommunens",
    "informationssäkerhet|informationssäkerheten|informationssäkerhetens",
    "informationssäkerhetsarbete|informationssäkerhetsarbetet",
    "kompetens|kompetensen|kompetenser",
    "incident|incidenten|incidenter|incidenterna",
    "risk|risken|risker|riskerna",
    "analys|analysen|analyser|analyserna",
    "samordnare|samordnaren|samordnarna",
    "handlingsplan|handlingsplanen|handlingsplaner",
    "förvaltning|förvaltningen|förvaltningar|förvaltningarna",
    "politiker|politikern|politikerna",
    "system|systemet|systemen",
    "leverantör|leverantören|leverantörer|leverantörerna",
    "upphandling|upphandlingen|upphandlingar",
    "krav|kravet|kraven",
    "budget|budgeten|budgetar",
    "tid|tiden|tider",
    "arbete|arbetet|arbeten",
    "nätverk|nätverket|nätverken",
    "utbildning|utbildningen|utbildningar",
    "medarbetare|medarbetaren|medarbetarna",
    "chef|chefen|chefer|cheferna",
    "fråga|frågan|frågor|frågorna",
    "process|processen|processer|processerna",
    "mål|målet|målen",
    "exempel|exemplet|exemplen",
    "arbeta|arbetar|arbetade|arbetat",
    "prioritera|prioriterar|prioriterade|prioriterat",
    "behöva|behöver|behövde|behövt",
    "saknas|saknades|saknats",
    "läsa|läser|läste|läst",
    "förstå|förstår|förstod|förstått",
    "säker|säkert|säkra|säkrare",
    "viktig|viktigt|viktiga|viktigare|viktigaste",
    "tydlig|tydligt|tydliga|tydligare",
    "politisk|politiskt|politiska",
    "liten|litet|små|mindre",
    "stor|stort|stora|större",
    "svår|svårt|svåra|svårare",
];

const FUNCTION: &[&str] = &[
    "och", "att", "det", "som", "en", "är", "på", "i", "vi", "har", "inte", "med", "för", "om",
    "de", "man", "så", "men", "jag", "till", "av", "kan", "ju", "alltså", "lite", "mycket", "där",
    "när", "också", "nog", "bara", "väl", "ett", "den", "var", "eller", "något", "hos", "sedan",
];

/// Corpus size and seed.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    pub transcripts: usize,
    pub words: usize,
    pub seed: u64,
}

fn word(rng: &mut Rng) -> &'static str {
    if rng.below(100) < 55 {
        return FUNCTION[rng.skewed(FUNCTION.len())];
    }
    let forms: Vec<&str> = CONTENT[rng.skewed(CONTENT.len())].split('|').collect();
    forms[rng.below(forms.len())]
}

/// One transcript's file content (about `words` words in alternating turns).
pub fn transcript(rng: &mut Rng, id: &str, case: &str, words: usize) -> String {
    let mut out = format!(
        "---\nid: {id}\ncase: {case}\nrole: {}\n---\n\n",
        ["kommunchef", "it-chef", "samordnare"][rng.below(3)]
    );
    let mut n = 0;
    let mut respondent = false;
    while n < words {
        let len = if respondent {
            60 + rng.below(180)
        } else {
            8 + rng.below(25)
        };
        out.push_str(if respondent {
            "Respondent:"
        } else {
            "Intervjuare:"
        });
        let mut sentence = 0;
        for i in 0..len {
            let w = word(rng);
            out.push(' ');
            if sentence == 0 {
                let mut c = w.chars();
                if let Some(f) = c.next() {
                    out.extend(f.to_uppercase());
                    out.push_str(c.as_str());
                }
            } else {
                out.push_str(w);
            }
            sentence += 1;
            if sentence > 5 + rng.below(12) || i + 1 == len {
                out.push(if respondent { '.' } else { '?' });
                sentence = 0;
            }
        }
        out.push_str("\n\n");
        n += len;
        respondent = !respondent;
    }
    out
}

/// Writes a whole project to `root`: transcripts, cases.csv, the default codebook, one coder's codings.
/// Returns the bytes of transcript text written.
pub fn write_project(root: &Path, spec: Spec) -> Result<u64, StoreError> {
    let mut rng = Rng::new(spec.seed);
    let dir = root.join("transcripts");
    std::fs::create_dir_all(&dir).map_err(|e| StoreError::io(&dir, e))?;
    let cases = spec.transcripts.div_ceil(2).max(1);
    let mut csv = String::from("case,grupp,mognadsniva\n");
    for c in 0..cases {
        let _ = writeln!(
            csv,
            "Kommun {c},{},{}",
            if c % 2 == 0 { "hög" } else { "låg" },
            1 + c % 4
        );
    }
    atomic::write(&dir.join("cases.csv"), csv.as_bytes())?;
    atomic::write(&root.join("codebook.json"), DEFAULT_CODEBOOK.as_bytes())?;
    let codebook: Codebook = serde_json::from_str(DEFAULT_CODEBOOK).unwrap_or_default();
    let codes: Vec<String> = codebook
        .flatten()
        .iter()
        .map(|f| f.code.id.clone())
        .collect();
    let mut coder = CoderFile::new("praktikant-a");
    let mut bytes = 0u64;
    let now = chrono::Utc::now();
    for i in 0..spec.transcripts {
        let id = format!("t{i:05}");
        let text = transcript(&mut rng, &id, &format!("Kommun {}", i / 2), spec.words);
        bytes += text.len() as u64;
        atomic::write(&dir.join(format!("{id}.txt")), text.as_bytes())?;
        let Ok(t) = Transcript::parse(&text, &id) else {
            continue;
        };
        for _ in 0..8 {
            let turn = &t.turns[rng.below(t.turns.len())];
            let code = &codes[rng
                .below(codes.len().max(1))
                .min(codes.len().saturating_sub(1))];
            if let Some(c) = Coding::new(&t, turn.start, turn.end, code, now) {
                coder.insert(c);
            }
        }
    }
    let cdir = root.join("codings");
    std::fs::create_dir_all(&cdir).map_err(|e| StoreError::io(&cdir, e))?;
    coder.sort();
    atomic::write_json(&cdir.join("praktikant-a.json"), &coder)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic() {
        let a = transcript(&mut Rng::new(7), "t", "Kommun 0", 300);
        let b = transcript(&mut Rng::new(7), "t", "Kommun 0", 300);
        assert_eq!(a, b);
        let t = Transcript::parse(&a, "t").unwrap();
        assert!(t.turns.len() >= 2);
        assert!(t.word_count() >= 300);
        assert_ne!(a, transcript(&mut Rng::new(8), "t", "Kommun 0", 300));
    }
}
