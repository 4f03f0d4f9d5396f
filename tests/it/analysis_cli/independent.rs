//! An independent count of the summary and matrix numbers, straight from the project files with serde_json
//! and csv (no kodbok code), and a generator of projects with random and with planned codings.

use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::path::Path;

pub struct Coding {
    pub coder: String,
    pub doc: String,
    pub code: String,
    pub start: usize,
    pub end: usize,
}

pub struct Study {
    /// Transcript id → case (from the transcript header).
    pub doc_case: BTreeMap<String, String>,
    /// Case → group (from cases.csv), in file order.
    pub case_group: Vec<(String, String)>,
    /// Code id → its descendants including itself.
    pub members: BTreeMap<String, BTreeSet<String>>,
    pub codings: Vec<Coding>,
}

fn walk(codes: &[Value], out: &mut BTreeMap<String, BTreeSet<String>>) -> BTreeSet<String> {
    let mut all = BTreeSet::new();
    for c in codes {
        let id = c["id"].as_str().unwrap().to_string();
        let kids = c
            .get("children")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let mut mine = walk(&kids, out);
        mine.insert(id.clone());
        all.extend(mine.iter().cloned());
        out.insert(id, mine);
    }
    all
}

pub fn load(dir: &Path, group_col: &str) -> Study {
    let book: Value =
        serde_json::from_str(&fs::read_to_string(dir.join("codebook.json")).unwrap()).unwrap();
    let mut members = BTreeMap::new();
    walk(book["codes"].as_array().unwrap(), &mut members);
    let mut rdr = csv::Reader::from_path(dir.join("transcripts/cases.csv")).unwrap();
    let headers = rdr.headers().unwrap().clone();
    let ci = headers.iter().position(|h| h == "case").unwrap();
    let gi = headers.iter().position(|h| h == group_col).unwrap();
    let case_group = rdr
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[ci].to_string(), r[gi].to_string())
        })
        .collect();
    let mut doc_case = BTreeMap::new();
    for e in fs::read_dir(dir.join("transcripts")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            let text = fs::read_to_string(&p).unwrap();
            let id = text
                .lines()
                .find_map(|l| l.strip_prefix("id: "))
                .unwrap()
                .to_string();
            let case = text
                .lines()
                .find_map(|l| l.strip_prefix("case: "))
                .unwrap()
                .to_string();
            doc_case.insert(id, case);
        }
    }
    let mut codings = Vec::new();
    for e in fs::read_dir(dir.join("codings")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "json") {
            let f: Value = serde_json::from_str(&fs::read_to_string(&p).unwrap()).unwrap();
            for c in f["codings"].as_array().unwrap() {
                codings.push(Coding {
                    coder: p.file_stem().unwrap().to_string_lossy().into_owned(),
                    doc: c["doc"].as_str().unwrap().into(),
                    code: c["code"].as_str().unwrap().into(),
                    start: c["start"].as_u64().unwrap() as usize,
                    end: c["end"].as_u64().unwrap() as usize,
                });
            }
        }
    }
    Study {
        doc_case,
        case_group,
        members,
        codings,
    }
}

/// (cases, cases_in_group, interviews, interviews_in_group, segments)
pub type Numbers = (usize, usize, usize, usize, usize);

impl Study {
    fn group_of_case(&self, case: &str) -> Option<&str> {
        self.case_group
            .iter()
            .find(|(c, _)| c == case)
            .map(|(_, g)| g.as_str())
    }

    pub fn groups(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (_, g) in &self.case_group {
            if !out.contains(g) {
                out.push(g.clone());
            }
        }
        out
    }

    /// Expected numbers per (code, group or None for the total) for the codings of `coders`.
    pub fn summary(&self, coders: &[&str]) -> HashMap<(String, Option<String>), Numbers> {
        let mut out = HashMap::new();
        let mut groups: Vec<Option<String>> = self.groups().into_iter().map(Some).collect();
        groups.push(None);
        for (code, members) in &self.members {
            for g in &groups {
                let in_group = |case: &str| {
                    g.as_deref()
                        .is_none_or(|g| self.group_of_case(case) == Some(g))
                };
                let cases_in_group = self.case_group.iter().filter(|(c, _)| in_group(c)).count();
                let docs_in_group = self.doc_case.values().filter(|c| in_group(c)).count();
                let sel: Vec<&Coding> = self
                    .codings
                    .iter()
                    .filter(|c| coders.contains(&c.coder.as_str()) && members.contains(&c.code))
                    .filter(|c| in_group(&self.doc_case[&c.doc]))
                    .collect();
                let cases: BTreeSet<&str> =
                    sel.iter().map(|c| self.doc_case[&c.doc].as_str()).collect();
                let docs: BTreeSet<&str> = sel.iter().map(|c| c.doc.as_str()).collect();
                out.insert(
                    (code.clone(), g.clone()),
                    (
                        cases.len(),
                        cases_in_group,
                        docs.len(),
                        docs_in_group,
                        sel.len(),
                    ),
                );
            }
        }
        out
    }

    /// Expected segments per (code, case).
    pub fn code_case(&self, coders: &[&str]) -> HashMap<(String, String), usize> {
        let mut out = HashMap::new();
        for (code, members) in &self.members {
            for (case, _) in &self.case_group {
                let n = self
                    .codings
                    .iter()
                    .filter(|c| coders.contains(&c.coder.as_str()) && members.contains(&c.code))
                    .filter(|c| &self.doc_case[&c.doc] == case)
                    .count();
                out.insert((code.clone(), case.clone()), n);
            }
        }
        out
    }

    /// Expected overlap co-occurrence: pairs of merged passages of two codes that share text.
    pub fn overlap(&self, coders: &[&str], a: &str, b: &str) -> usize {
        let merged = |code: &str, doc: &str| {
            let mut r: Vec<(usize, usize)> = self
                .codings
                .iter()
                .filter(|c| {
                    coders.contains(&c.coder.as_str())
                        && self.members[code].contains(&c.code)
                        && c.doc == doc
                })
                .map(|c| (c.start, c.end))
                .collect();
            r.sort();
            let mut out: Vec<(usize, usize)> = Vec::new();
            for (s, e) in r {
                match out.last_mut() {
                    Some(l) if s <= l.1 => l.1 = l.1.max(e),
                    _ => out.push((s, e)),
                }
            }
            out
        };
        let mut n = 0;
        for doc in self.doc_case.keys() {
            for x in merged(a, doc) {
                for y in merged(b, doc) {
                    if x.0 < y.1 && y.0 < x.1 {
                        n += 1;
                    }
                }
            }
        }
        n
    }
}

/// Checks every row of `kodbok summary --format json` against the independent count.
pub fn compare_summary(
    rows: &Value,
    expected: &HashMap<(String, Option<String>), Numbers>,
    layer: &str,
) {
    let rows = rows.as_array().unwrap();
    assert_eq!(
        rows.len(),
        expected.len(),
        "one row per code and group, plus a total per code"
    );
    for r in rows {
        let key = (
            r["code"].as_str().unwrap().to_string(),
            r["group"].as_str().map(str::to_string),
        );
        let got = (
            r["cases"].as_u64().unwrap() as usize,
            r["cases_in_group"].as_u64().unwrap() as usize,
            r["interviews"].as_u64().unwrap() as usize,
            r["interviews_in_group"].as_u64().unwrap() as usize,
            r["segments"].as_u64().unwrap() as usize,
        );
        assert_eq!(Some(&got), expected.get(&key), "{key:?}");
        assert_eq!(r["layer"], layer);
    }
}

/// A small deterministic pseudo-random generator (no dependency needed).
pub struct Lcg(pub u64);

impl Lcg {
    pub fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

const WORDS: [&str; 12] = [
    "resurser",
    "ledningen",
    "kommunen",
    "arbetet",
    "säkerhet",
    "policy",
    "nätverk",
    "mål",
    "brist",
    "tid",
    "IT",
    "GDPR",
];

/// A project: themes t1 {c1, c2 {c2a}} and t2 {c3}; cases C1–C6 in groups a, b, c (C6 has no transcripts);
/// two transcripts per case C1–C5; coders r1–r3 with random codings and coder `known` with planned ones:
/// c1 in both transcripts of C1 and once in C3's first; c2a once in C2's second; c3 twice in C5's first.
pub fn generate(dir: &Path, seed: u64) {
    fs::create_dir_all(dir.join("transcripts")).unwrap();
    fs::create_dir_all(dir.join("codings")).unwrap();
    let book = json!({"version": 1, "codes": [
        {"id": "t1", "name": "Tema ett", "children": [
            {"id": "c1", "name": "Kod ett"},
            {"id": "c2", "name": "Kod två", "children": [{"id": "c2a", "name": "Kod två a"}]}]},
        {"id": "t2", "name": "Tema två", "children": [{"id": "c3", "name": "Kod tre"}]}]});
    fs::write(
        dir.join("codebook.json"),
        serde_json::to_string_pretty(&book).unwrap(),
    )
    .unwrap();
    fs::write(
        dir.join("transcripts/cases.csv"),
        "case,grupp,storlek\nC1,a,liten\nC2,a,stor\nC3,b,liten\nC4,b,stor\nC5,c,liten\nC6,c,stor\n",
    )
    .unwrap();
    let mut rng = Lcg(seed);
    let mut texts: BTreeMap<String, String> = BTreeMap::new();
    for case in 1..=5 {
        for n in 1..=2 {
            let id = format!("c{case}-{n}");
            let mut body = String::new();
            for turn in 0..6 {
                let who = if turn % 2 == 0 {
                    "Intervjuare"
                } else {
                    "Respondent"
                };
                // Respondents say one to four sentences of 5–60 words, sometimes over two paragraphs.
                let n = if turn % 2 == 0 { 1 } else { 1 + rng.below(4) };
                let sentences: Vec<String> = (0..n)
                    .map(|_| {
                        let len = 5 + rng.below(56);
                        sentence(&mut rng, len)
                    })
                    .collect();
                let text = if n > 2 && rng.below(2) == 0 {
                    format!(
                        "{}\n\n{}",
                        sentences[..2].join(" "),
                        sentences[2..].join(" ")
                    )
                } else {
                    sentences.join(" ")
                };
                body.push_str(&format!("{who}: {text}\n\n"));
            }
            let body = body.trim_end().to_string() + "\n";
            let role = if n == 1 { "kommunchef" } else { "IT-chef" };
            fs::write(
                dir.join(format!("transcripts/{id}.txt")),
                format!("---\nid: {id}\ncase: C{case}\nrole: {role}\n---\n\n{body}"),
            )
            .unwrap();
            texts.insert(id, body);
        }
    }
    let codes = ["t1", "c1", "c2", "c2a", "t2", "c3"];
    let docs: Vec<String> = texts.keys().cloned().collect();
    for coder in ["r1", "r2", "r3"] {
        let mut list = Vec::new();
        for _ in 0..40 {
            let doc = &docs[rng.below(docs.len())];
            let len = texts[doc].chars().count();
            let start = rng.below(len - 10);
            let end = start + 1 + rng.below((len - start - 1).min(80));
            list.push(coding(
                &texts[doc],
                doc,
                start,
                end,
                codes[rng.below(codes.len())],
                &mut rng,
            ));
        }
        write_coder(dir, coder, list);
    }
    let planned = [
        ("c1-1", "c1"),
        ("c1-2", "c1"),
        ("c3-1", "c1"),
        ("c2-2", "c2a"),
        ("c5-1", "c3"),
        ("c5-1", "c3"),
    ];
    let list = planned
        .iter()
        .enumerate()
        .map(|(i, (doc, code))| coding(&texts[*doc], doc, 13 + i, 20 + i, code, &mut rng))
        .collect();
    write_coder(dir, "known", list);
}

fn sentence(rng: &mut Lcg, words: usize) -> String {
    let words: Vec<&str> = (0..words).map(|_| WORDS[rng.below(WORDS.len())]).collect();
    let joined = words.join(" ");
    let mut c = joined.chars();
    let first: String = c.next().into_iter().flat_map(char::to_uppercase).collect();
    format!("{first}{}.", c.as_str())
}

fn coding(text: &str, doc: &str, start: usize, end: usize, code: &str, rng: &mut Lcg) -> Value {
    let slice = |s: usize, e: usize| text.chars().skip(s).take(e - s).collect::<String>();
    json!({
        "id": format!("{:08x}-0000-7000-8000-{:012x}", rng.below(1 << 30), rng.below(1 << 40)),
        "doc": doc, "start": start, "end": end, "code": code,
        "quote": slice(start, end), "prefix": slice(start.saturating_sub(32), start), "suffix": "",
        "created": "2026-01-01T00:00:00Z", "modified": "2026-01-01T00:00:00Z"
    })
}

fn write_coder(dir: &Path, coder: &str, codings: Vec<Value>) {
    let f = json!({"version": 1, "coder": coder, "codings": codings});
    fs::write(
        dir.join(format!("codings/{coder}.json")),
        serde_json::to_string_pretty(&f).unwrap(),
    )
    .unwrap();
}
