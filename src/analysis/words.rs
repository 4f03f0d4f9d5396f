//! Counts in words for the findings draft, in Swedish and English: "Fyra av fem kommuner med hög självskattning
//! tar upp hinder, jämfört med en av fem med låg."

use super::Lang;
use serde::Serialize;

const SV: [&str; 21] = [
    "noll", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv",
    "tretton", "fjorton", "femton", "sexton", "sjutton", "arton", "nitton", "tjugo",
];
const EN: [&str; 21] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

/// A number in words up to twenty, in digits above.
pub fn number(n: usize, lang: Lang) -> String {
    let table = match lang {
        Lang::Sv => &SV,
        Lang::En => &EN,
    };
    table
        .get(n)
        .map_or_else(|| n.to_string(), |w| w.to_string())
}

pub fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A code name inside a sentence: lower-cased first letter unless it looks like an acronym.
pub fn in_sentence(name: &str) -> String {
    let mut c = name.chars();
    match (c.next(), c.next()) {
        (Some(f), Some(s)) if !s.is_uppercase() => {
            f.to_lowercase().chain(name.chars().skip(1)).collect()
        }
        _ => name.to_string(),
    }
}

/// How a group is named in running text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GroupLabel {
    pub value: String,
    /// After the case noun on first mention: "med hög självskattning".
    pub full: String,
    /// On later mentions: "med låg".
    pub short: String,
    /// After a count of interviews: "i gruppen hög".
    pub group: String,
    /// The group's name in tables: the value, in English `high`/`low` for `hög`/`låg`.
    pub name: String,
}

impl GroupLabel {
    /// The default wording: the sample study's hög/låg groups are self-assessment groups; other values are named as groups.
    pub fn default_for(value: &str, lang: Lang) -> GroupLabel {
        let name = match (value, lang) {
            ("hög", Lang::En) => "high".to_string(),
            ("låg", Lang::En) => "low".to_string(),
            ("", Lang::Sv) => "(utan värde)".to_string(),
            ("", Lang::En) => "(no value)".to_string(),
            _ => value.to_string(),
        };
        let make = |full: String, short: String, group: String| GroupLabel {
            value: value.to_string(),
            full,
            short,
            group,
            name: name.clone(),
        };
        let shown = if value.is_empty() {
            "(utan värde)"
        } else {
            value
        };
        match (value, lang) {
            ("hög" | "låg", Lang::Sv) => make(
                format!("med {value} självskattning"),
                format!("med {value}"),
                format!("i gruppen {value}"),
            ),
            ("hög" | "låg", Lang::En) => {
                let en = if value == "hög" { "high" } else { "low" };
                make(
                    format!("with {en} self-assessment"),
                    format!("with {en}"),
                    format!("in the {en} group"),
                )
            }
            (_, Lang::Sv) => make(
                format!("i gruppen {shown}"),
                format!("i gruppen {shown}"),
                format!("i gruppen {shown}"),
            ),
            (_, Lang::En) => {
                let shown = if value.is_empty() {
                    "(no value)"
                } else {
                    value
                };
                make(
                    format!("in group {shown}"),
                    format!("in group {shown}"),
                    format!("in group {shown}"),
                )
            }
        }
    }

    /// `--label VALUE=FULL[|SHORT]`: a researcher's own wording.
    pub fn custom(value: &str, spec: &str) -> GroupLabel {
        let (full, short) = spec.split_once('|').unwrap_or((spec, spec));
        GroupLabel {
            value: value.to_string(),
            full: full.trim().to_string(),
            short: short.trim().to_string(),
            group: full.trim().to_string(),
            name: value.to_string(),
        }
    }
}

/// One group's count for a sentence: `n` of `of`.
#[derive(Debug, Clone)]
pub struct Count<'a> {
    pub n: usize,
    pub of: usize,
    pub label: &'a GroupLabel,
}

/// Nouns: singular, plural, definite plural.
pub type Noun<'a> = (&'a str, &'a str, &'a str);

pub const CASES_SV: Noun<'static> = ("kommun", "kommuner", "kommunerna");
pub const CASES_EN: Noun<'static> = ("municipality", "municipalities", "municipalities");

/// "Fyra av fem kommuner med hög självskattning tar upp hinder, jämfört med en av fem med låg."
pub fn opening(lang: Lang, theme: &str, counts: &[Count], noun: Noun) -> String {
    let counts: Vec<&Count> = counts.iter().filter(|c| c.of > 0).collect();
    let Some((first, rest)) = counts.split_first() else {
        return String::new();
    };
    let subject = subject(lang, first, noun);
    let verb = match lang {
        Lang::Sv if first.of == 1 && first.n == 0 => "tar inte upp",
        Lang::Sv => "tar upp",
        Lang::En if first.of == 1 && first.n == 0 => "does not raise",
        Lang::En if first.n == 1 => "raises",
        Lang::En => "raise",
    };
    let theme = match lang {
        Lang::Sv => in_sentence(theme),
        Lang::En => format!("*{theme}*"),
    };
    let mut s = format!("{subject} {verb} {theme}");
    if !rest.is_empty() {
        let others: Vec<String> = rest
            .iter()
            .map(|c| format!("{} {}", amount(lang, c.n, c.of, None), c.label.short))
            .collect();
        // Equal shares read as agreement ("liksom"), different ones as a comparison.
        let same = rest.iter().all(|c| c.n * first.of == first.n * c.of);
        s.push_str(match (lang, same) {
            (Lang::Sv, true) => ", liksom ",
            (Lang::Sv, false) => ", jämfört med ",
            (Lang::En, true) if rest.len() == 1 && rest[0].n == 1 => ", as does ",
            (Lang::En, true) => ", as do ",
            (Lang::En, false) => ", compared with ",
        });
        s.push_str(&join(lang, &others));
    }
    s.push('.');
    capitalize(&s)
}

fn subject(lang: Lang, c: &Count, noun: Noun) -> String {
    let (sing, plural, definite) = noun;
    let l = &c.label.full;
    match lang {
        Lang::Sv if c.of == 1 => format!("{sing}en {l}"),
        Lang::En if c.of == 1 => format!("the one {sing} {l}"),
        _ => format!(
            "{} {} {l}",
            amount(lang, c.n, c.of, Some((plural, definite))),
            ""
        ),
    }
    .replace("  ", " ")
}

/// "fyra av fem [kommuner]", "ingen av de fem [kommunerna]", "alla fem [kommuner]".
fn amount(lang: Lang, n: usize, of: usize, noun: Option<(&str, &str)>) -> String {
    let w = |x| number(x, lang);
    let (plural, definite) = noun.map_or(("", ""), |(p, d)| (p, d));
    let s = match lang {
        Lang::Sv if n == 0 => format!("ingen av de {} {definite}", w(of)),
        Lang::Sv if n == of && of == 2 => format!("båda {definite}"),
        Lang::Sv if n == of => format!("alla {} {plural}", w(of)),
        Lang::Sv => format!("{} av {} {plural}", w(n), w(of)),
        Lang::En if n == 0 => format!("none of the {} {plural}", w(of)),
        Lang::En if n == of && of == 2 => format!("both {plural}"),
        Lang::En if n == of => format!("all {} {plural}", w(of)),
        Lang::En => format!("{} of {} {plural}", w(n), w(of)),
    };
    s.trim_end().to_string()
}

fn join(lang: Lang, parts: &[String]) -> String {
    let and = match lang {
        Lang::Sv => " och ",
        Lang::En => " and ",
    };
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{}{and}{last}", init.join(", ")),
    }
}

/// "Temat förekommer i sju av tio intervjuer i gruppen hög och i två av tio i gruppen låg (45 kodade avsnitt totalt)."
pub fn interviews(lang: Lang, counts: &[Count], segments: usize) -> String {
    let counts: Vec<&Count> = counts.iter().filter(|c| c.of > 0).collect();
    if counts.is_empty() {
        return String::new();
    }
    let noun = match lang {
        Lang::Sv => ("intervjuer", "intervjuerna"),
        Lang::En => ("interviews", "interviews"),
    };
    let parts: Vec<String> = counts
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let n = (i == 0).then_some(noun);
            let prep = match lang {
                Lang::Sv => "i",
                Lang::En => "in",
            };
            format!("{prep} {} {}", amount(lang, c.n, c.of, n), c.label.group)
        })
        .collect();
    let segs = match (lang, segments) {
        (Lang::Sv, 1) => "1 kodat avsnitt totalt".to_string(),
        (Lang::Sv, n) => format!("{n} kodade avsnitt totalt"),
        (Lang::En, 1) => "1 coded segment in all".to_string(),
        (Lang::En, n) => format!("{n} coded segments in all"),
    };
    match lang {
        Lang::Sv => format!("Temat förekommer {} ({segs}).", join(lang, &parts)),
        Lang::En => format!("The theme appears {} ({segs}).", join(lang, &parts)),
    }
}

/// A code whose share of cases differs between two groups: name, (n, of) in the first group, (n, of) in the second.
pub type Contrast<'a> = (&'a str, (usize, usize), (usize, usize));

/// "Störst skillnad mellan grupperna gäller ledningens engagemang (fem av fem med hög mot en av fem med låg) och …";
/// empty when there is nothing to name.
pub fn contrast(lang: Lang, items: &[Contrast], labels: (&GroupLabel, &GroupLabel)) -> String {
    let (la, lb) = (&labels.0.short, &labels.1.short);
    let parts: Vec<String> = items
        .iter()
        .map(|(name, (a, of_a), (b, of_b))| {
            let w = |x: usize| match (x, lang) {
                (0, Lang::Sv) => "ingen".to_string(),
                (0, Lang::En) => "none".to_string(),
                _ => number(x, lang),
            };
            match lang {
                Lang::Sv => format!(
                    "{} ({} av {} {la} mot {} av {} {lb})",
                    in_sentence(name),
                    w(*a),
                    w(*of_a),
                    w(*b),
                    w(*of_b)
                ),
                Lang::En => format!(
                    "*{name}* ({} of {} {la} against {} of {} {lb})",
                    w(*a),
                    w(*of_a),
                    w(*b),
                    w(*of_b)
                ),
            }
        })
        .collect();
    match (lang, parts.is_empty()) {
        (_, true) => String::new(),
        (Lang::Sv, false) => format!(
            "Störst skillnad mellan grupperna gäller {}.",
            join(lang, &parts)
        ),
        (Lang::En, false) => format!("The groups differ most on {}.", join(lang, &parts)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(lang: Lang) -> (GroupLabel, GroupLabel) {
        (
            GroupLabel::default_for("hög", lang),
            GroupLabel::default_for("låg", lang),
        )
    }

    fn sentence(lang: Lang, a: (usize, usize), b: (usize, usize)) -> String {
        let (h, l) = labels(lang);
        let counts = [
            Count {
                n: a.0,
                of: a.1,
                label: &h,
            },
            Count {
                n: b.0,
                of: b.1,
                label: &l,
            },
        ];
        let noun = if lang == Lang::Sv { CASES_SV } else { CASES_EN };
        opening(lang, "Hinder", &counts, noun)
    }

    #[test]
    fn swedish_counts_in_words() {
        assert_eq!(
            sentence(Lang::Sv, (4, 5), (1, 5)),
            "Fyra av fem kommuner med hög självskattning tar upp hinder, jämfört med en av fem med låg."
        );
        assert_eq!(
            sentence(Lang::Sv, (0, 5), (5, 5)),
            "Ingen av de fem kommunerna med hög självskattning tar upp hinder, jämfört med alla fem med låg."
        );
        assert_eq!(
            sentence(Lang::Sv, (1, 5), (0, 5)),
            "En av fem kommuner med hög självskattning tar upp hinder, jämfört med ingen av de fem med låg."
        );
        assert_eq!(
            sentence(Lang::Sv, (0, 1), (2, 2)),
            "Kommunen med hög självskattning tar inte upp hinder, jämfört med båda med låg."
        );
    }

    #[test]
    fn english_counts_in_words() {
        assert_eq!(
            sentence(Lang::En, (4, 5), (1, 5)),
            "Four of five municipalities with high self-assessment raise *Hinder*, compared with one of five with low."
        );
        assert_eq!(
            sentence(Lang::En, (1, 5), (0, 5)),
            "One of five municipalities with high self-assessment raises *Hinder*, compared with none of the five with low."
        );
        assert_eq!(
            sentence(Lang::En, (5, 5), (2, 2)),
            "All five municipalities with high self-assessment raise *Hinder*, as do both with low."
        );
        assert_eq!(number(21, Lang::En), "21");
        assert_eq!(
            sentence(Lang::En, (5, 5), (5, 5)),
            "All five municipalities with high self-assessment raise *Hinder*, as do all five with low."
        );
        assert_eq!(
            sentence(Lang::En, (1, 5), (1, 5)),
            "One of five municipalities with high self-assessment raises *Hinder*, as does one of five with low."
        );
    }

    #[test]
    fn contrast_sentence() {
        let items = [
            ("Ledningens engagemang", (5, 5), (1, 5)),
            ("Enkla metoder", (4, 5), (0, 5)),
        ];
        let (h, l) = labels(Lang::Sv);
        assert_eq!(
            contrast(Lang::Sv, &items, (&h, &l)),
            "Störst skillnad mellan grupperna gäller ledningens engagemang (fem av fem med hög mot en av fem med låg) och enkla metoder (fyra av fem med hög mot ingen av fem med låg)."
        );
        let (h, l) = labels(Lang::En);
        assert_eq!(
            contrast(Lang::En, &items[..1], (&h, &l)),
            "The groups differ most on *Ledningens engagemang* (five of five with high against one of five with low)."
        );
        assert_eq!(contrast(Lang::Sv, &[], (&h, &l)), "");
    }

    #[test]
    fn interview_sentence() {
        let (h, l) = labels(Lang::Sv);
        let counts = [
            Count {
                n: 7,
                of: 10,
                label: &h,
            },
            Count {
                n: 0,
                of: 10,
                label: &l,
            },
        ];
        assert_eq!(
            interviews(Lang::Sv, &counts, 45),
            "Temat förekommer i sju av tio intervjuer i gruppen hög och i ingen av de tio i gruppen låg (45 kodade avsnitt totalt)."
        );
        let (h, l) = labels(Lang::En);
        let counts = [
            Count {
                n: 1,
                of: 10,
                label: &h,
            },
            Count {
                n: 2,
                of: 10,
                label: &l,
            },
        ];
        assert_eq!(
            interviews(Lang::En, &counts, 1),
            "The theme appears in one of ten interviews in the high group and in two of ten in the low group (1 coded segment in all)."
        );
    }
}
