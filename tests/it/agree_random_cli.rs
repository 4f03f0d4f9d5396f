//! Random two-coder codings: `kodbok agree` checked against a direct computation written out here.

use crate::agree_util as util;

use chrono::Utc;
use kodbok::model::{CoderFile, Coding, Transcript};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use util::{json, sample};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() % 10_000) as f64 / 10_000.0 < p
    }
}

const DOCS: [&str; 3] = ["kommun-a-1", "kommun-b-1", "kommun-c-1"];
const CODES: [&str; 6] = [
    "resursbrist",
    "kompetensbrist",
    "bristande-insikt",
    "lagkrav",
    "natverk",
    "eldsjalar",
];
const HINDER: [&str; 5] = [
    "resursbrist",
    "kompetensbrist",
    "bristande-insikt",
    "delegerat-utan-resurser",
    "liten-organisation",
];

fn load(dir: &Path, doc: &str) -> Transcript {
    Transcript::parse(
        &fs::read_to_string(dir.join(format!("transcripts/{doc}.txt"))).unwrap(),
        doc,
    )
    .unwrap()
}

fn write(dir: &Path, files: &[CoderFile]) {
    for f in fs::read_dir(dir.join("codings")).unwrap() {
        fs::remove_file(f.unwrap().path()).unwrap();
    }
    for f in files {
        fs::write(
            dir.join(format!("codings/{}.json", f.coder)),
            serde_json::to_string_pretty(f).unwrap(),
        )
        .unwrap();
    }
}

/// Random spans with random codes; the second coder repeats some of the first coder's codings with moved ends.
fn random_codings(dir: &Path, rng: &mut Rng) -> (CoderFile, CoderFile) {
    let (mut a, mut b) = (CoderFile::new("r1"), CoderFile::new("r2"));
    let now = Utc::now();
    for doc in DOCS {
        let t = load(dir, doc);
        let len = t.char_len();
        for _ in 0..25 {
            let s = rng.below(len - 50);
            let e = (s + 1 + rng.below(600)).min(len);
            let code = CODES[rng.below(CODES.len())];
            let c = Coding::new(&t, s, e, code, now).unwrap();
            if rng.chance(0.6) {
                let s2 = (s + rng.below(80)).min(e - 1);
                let e2 = (e + rng.below(80)).min(len);
                b.insert(Coding::new(&t, s2, e2, code, now).unwrap());
            }
            a.insert(c);
            if rng.chance(0.5) {
                let s = rng.below(len - 50);
                let e = (s + 1 + rng.below(300)).min(len);
                b.insert(Coding::new(&t, s, e, CODES[rng.below(CODES.len())], now).unwrap());
            }
        }
    }
    (a, b)
}

/// Units as the documentation defines them: each turn's text, or each character of it.
fn units(dir: &Path, chars: bool) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    for doc in DOCS {
        for turn in load(dir, doc).turns.iter().filter(|t| t.start < t.end) {
            if chars {
                out.extend((turn.start..turn.end).map(|c| (doc.to_string(), c, c + 1)));
            } else {
                out.push((doc.to_string(), turn.start, turn.end));
            }
        }
    }
    out
}

fn present(f: &CoderFile, code: &str, u: &(String, usize, usize)) -> bool {
    f.codings
        .iter()
        .any(|c| c.code == code && c.doc == u.0 && c.start < u.2 && u.1 < c.end)
}

/// [n11, n10, n01, n00] → (percent, kappa, alpha) for two coders without missing values.
fn two_by_two(n: [f64; 4]) -> (f64, f64, f64) {
    let [n11, n10, n01, n00] = n;
    let total = n11 + n10 + n01 + n00;
    let po = (n11 + n00) / total;
    let (a1, b1) = ((n11 + n10) / total, (n11 + n01) / total);
    let pe = a1 * b1 + (1.0 - a1) * (1.0 - b1);
    let kappa = (po - pe) / (1.0 - pe);
    let ones = 2.0 * n11 + n10 + n01;
    let zeros = 2.0 * n00 + n10 + n01;
    let alpha = 1.0 - (2.0 * total - 1.0) * (n10 + n01) / (ones * zeros);
    (100.0 * po, kappa, alpha)
}

fn same(v: &Value, x: f64, what: &str) {
    let got = v
        .as_f64()
        .unwrap_or_else(|| panic!("{what}: expected a number, got {v}"));
    assert!((got - x).abs() < 1e-9, "{what}: kodbok {got}, direct {x}");
}

fn check_per_code(dir: &Path, a: &CoderFile, b: &CoderFile, chars: bool) {
    let unit = if chars { "char" } else { "turn" };
    let r = json(
        dir,
        &[
            "agree", "--coders", "r1,r2", "--unit", unit, "--format", "json",
        ],
    );
    let us = units(dir, chars);
    assert_eq!(r["units"].as_u64().unwrap() as usize, us.len());
    let mut pooled = [0.0; 4];
    let mut seen = Vec::new();
    for entry in r["codes"].as_array().unwrap() {
        let code = entry["code"].as_str().unwrap();
        seen.push(code.to_string());
        let mut n = [0.0; 4];
        for u in &us {
            let cell = match (present(a, code, u), present(b, code, u)) {
                (true, true) => 0,
                (true, false) => 1,
                (false, true) => 2,
                (false, false) => 3,
            };
            n[cell] += 1.0;
            pooled[cell] += 1.0;
        }
        let (pct, kappa, alpha) = two_by_two(n);
        same(&entry["percent_agreement"], pct, code);
        same(&entry["cohen_kappa"], kappa, code);
        same(&entry["krippendorff_alpha"], alpha, code);
    }
    let mut used: Vec<String> = a
        .codings
        .iter()
        .chain(&b.codings)
        .map(|c| c.code.clone())
        .collect();
    used.sort();
    used.dedup();
    seen.sort();
    assert_eq!(seen, used, "one entry per code used");
    let (pct, kappa, alpha) = two_by_two(pooled);
    same(&r["pooled"]["percent_agreement"], pct, "pooled");
    same(&r["pooled"]["cohen_kappa"], kappa, "pooled");
    same(&r["pooled"]["krippendorff_alpha"], alpha, "pooled");
}

#[test]
fn random_per_code_agreement_matches_a_direct_computation() {
    for seed in [7u64, 99, 2026] {
        let dir = sample();
        let mut rng = Rng(seed);
        let (a, b) = random_codings(dir.path(), &mut rng);
        write(dir.path(), &[a.clone(), b.clone()]);
        check_per_code(dir.path(), &a, &b, false);
        if seed == 7 {
            check_per_code(dir.path(), &a, &b, true);
        }
    }
}

/// Nominal alpha from the definition: every ordered pair of values within a unit, weighted 1/(m − 1).
fn alpha_by_pairs(units: &[Vec<Option<usize>>]) -> f64 {
    let mut o: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    for u in units {
        let vals: Vec<usize> = u.iter().flatten().copied().collect();
        let m = vals.len();
        if m < 2 {
            continue;
        }
        for i in 0..m {
            for j in (0..m).filter(|j| *j != i) {
                *o.entry((vals[i], vals[j])).or_default() += 1.0 / (m as f64 - 1.0);
            }
        }
    }
    let mut nc: BTreeMap<usize, f64> = BTreeMap::new();
    for ((c, _), v) in &o {
        *nc.entry(*c).or_default() += v;
    }
    let n: f64 = nc.values().sum();
    let dis: f64 = o.iter().filter(|((c, k), _)| c != k).map(|(_, v)| v).sum();
    let mut exp = 0.0;
    for (c, x) in &nc {
        for (k, y) in &nc {
            if c != k {
                exp += x * y;
            }
        }
    }
    1.0 - (n - 1.0) * dis / exp
}

#[test]
fn random_domain_agreement_matches_a_direct_computation() {
    let dir = sample();
    let mut rng = Rng(4242);
    let now = Utc::now();
    let (mut a, mut b) = (CoderFile::new("r1"), CoderFile::new("r2"));
    let mut expected: Vec<Vec<Option<usize>>> = Vec::new();
    let mut multi = 0;
    for doc in DOCS {
        let t = load(dir.path(), doc);
        for turn in t.turns.iter().filter(|t| t.start + 10 < t.end) {
            let mut row = Vec::new();
            let first = rng.below(HINDER.len());
            for (i, f) in [&mut a, &mut b].into_iter().enumerate() {
                if !rng.chance(0.7) {
                    row.push(None);
                    continue;
                }
                let cat = if i == 1 && rng.chance(0.6) {
                    first
                } else {
                    rng.below(HINDER.len())
                };
                let s = turn.start + rng.below(5);
                f.insert(Coding::new(&t, s, turn.end - rng.below(5), HINDER[cat], now).unwrap());
                if rng.chance(0.05) {
                    let other = (cat + 1) % HINDER.len();
                    f.insert(
                        Coding::new(&t, turn.start, turn.start + 3, HINDER[other], now).unwrap(),
                    );
                    multi += 1;
                    row.push(None);
                } else {
                    row.push(Some(cat));
                }
            }
            expected.push(row);
        }
    }
    write(dir.path(), &[a, b]);
    let r = json(
        dir.path(),
        &[
            "agree", "--coders", "r1,r2", "--domain", "hinder", "--format", "json",
        ],
    );
    assert_eq!(r["multiple_codes"].as_array().unwrap().len(), multi);
    same(
        &r["pooled"]["krippendorff_alpha"],
        alpha_by_pairs(&expected),
        "domain alpha",
    );
    let both: Vec<(usize, usize)> = expected
        .iter()
        .filter_map(|u| Some((u[0]?, u[1]?)))
        .collect();
    let n = both.len() as f64;
    let po = both.iter().filter(|(x, y)| x == y).count() as f64 / n;
    let pe: f64 = (0..HINDER.len())
        .map(|k| {
            let pa = both.iter().filter(|(x, _)| *x == k).count() as f64 / n;
            let pb = both.iter().filter(|(_, y)| *y == k).count() as f64 / n;
            pa * pb
        })
        .sum();
    same(
        &r["pooled"]["cohen_kappa"],
        (po - pe) / (1.0 - pe),
        "domain kappa",
    );
    same(
        &r["pooled"]["percent_agreement"],
        100.0 * po,
        "domain percent",
    );
    assert_eq!(r["pooled"]["pairable_units"].as_u64().unwrap() as f64, n);
}
