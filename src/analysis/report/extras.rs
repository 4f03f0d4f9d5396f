//! The optional parts of the findings draft: Fisher's exact test per code with a plain-words caution, the statement of
//! how the consensus layer was reached, and the themes chart's data.

use super::{GroupCtx, ReportOptions};
use crate::agreement::{AgreeOptions, CodeTarget, UnitKind, disagreements};
use crate::analysis::chart::{Bar, BarChart, BarRow};
use crate::analysis::summary::Summary;
use crate::analysis::{Lang, Layer};
use crate::model::CONSENSUS_CODER;
use crate::store::Project;
use serde::Serialize;

/// The group comparison per code (two groups only).
#[derive(Debug, Serialize)]
pub struct StatsCtx {
    /// What the test can and cannot say with groups this small, in plain words.
    pub caution: String,
    pub rows: Vec<StatRow>,
}

#[derive(Debug, Serialize)]
pub struct StatRow {
    pub name: String,
    pub depth: usize,
    /// "4/5" per group.
    pub groups: Vec<String>,
    /// The two-sided p-value with three decimals ("0,206" in Swedish).
    pub p: String,
    /// The sample odds ratio with two decimals, `∞` or `–`.
    pub odds_ratio: String,
}

fn decimal(x: f64, digits: usize, lang: Lang) -> String {
    let s = format!("{x:.digits$}");
    if lang == Lang::Sv {
        s.replace('.', ",")
    } else {
        s
    }
}

/// The Fisher section, or None unless there are exactly two groups.
pub fn stats(s: &Summary, groups: &[GroupCtx], lang: Lang) -> Option<StatsCtx> {
    let [a, b] = groups else { return None };
    let rows: Vec<StatRow> = s
        .rows
        .iter()
        .filter_map(|r| {
            let f = r.fisher?;
            let (x, y) = (&r.cells[0], &r.cells[1]);
            // a·d = 0 as well: the ratio is 0/0, undefined; else the odds in the second group are 0 (or the first's
            // infinite) and the ratio is infinite.
            let ad = x.cases.len() * (y.cases_in_group - y.cases.len().min(y.cases_in_group));
            let odds = match f.odds_ratio {
                Some(o) => decimal(o, 2, lang),
                None if ad == 0 => "–".into(),
                None => "∞".into(),
            };
            Some(StatRow {
                name: r.name.clone(),
                depth: r.depth,
                groups: vec![
                    format!("{}/{}", x.cases.len(), x.cases_in_group),
                    format!("{}/{}", y.cases.len(), y.cases_in_group),
                ],
                p: decimal(f.p, 3, lang),
                odds_ratio: odds,
            })
        })
        .collect();
    let smallest = a.cases.min(b.cases);
    let best = crate::analysis::fisher::fisher_exact(a.cases as u64, 0, 0, b.cases as u64).p;
    Some(StatsCtx {
        caution: caution(lang, a, b, smallest, best),
        rows,
    })
}

fn caution(lang: Lang, a: &GroupCtx, b: &GroupCtx, smallest: usize, best: f64) -> String {
    match lang {
        Lang::Sv => format!(
            "Tabellen jämför för varje kod andelen kommuner {} och {} med Fishers exakta test (tvåsidigt). \
             Med så få kommuner ({} mot {}) kan nästan ingen skillnad visas statistiskt: även om varje kommun i den ena \
             gruppen och ingen i den andra tar upp något blir p-värdet {}. Ett högt p-värde betyder därför inte att \
             grupperna är lika, bara att materialet är för litet för att avgöra det. Siffrorna beskriver de intervjuade \
             kommunerna och kan inte föras över på alla kommuner; skillnaderna i texten ovan är iakttagelser, inte \
             statistiskt säkerställda skillnader. Oddskvoten jämför oddsen att koden förekommer i {} med oddsen i {} \
             (∞ när den inte förekommer i någon kommun {}).",
            a.label.full, b.label.full, a.cases, b.cases, decimal(best, 3, lang), a.label.full, b.label.full, b.label.full
        ),
        Lang::En => format!(
            "For every code the table compares the share of municipalities {} and {} with Fisher's exact test \
             (two-sided). With so few municipalities ({} against {}) almost no difference can be shown statistically: \
             even if every municipality in one group and none in the other raised something, the p-value would be {}. \
             A high p-value therefore does not mean the groups are alike, only that the material is too small to tell. \
             The figures describe the municipalities interviewed and cannot be carried over to all municipalities; \
             the differences described above are observations, not statistically established differences. The odds \
             ratio compares the odds of the code occurring {} with the odds {} (∞ when no municipality {} has it).",
            a.label.full, b.label.full, a.cases, b.cases, decimal(best, 3, lang), a.label.full, b.label.full, b.label.full
        ),
    }
    .replace("  ", " ")
    .trim()
    .to_string()
        + if smallest < 3 {
            match lang {
                Lang::Sv => " Med färre än tre kommuner i en grupp säger testet inget alls.",
                Lang::En => " With fewer than three municipalities in a group the test says nothing at all.",
            }
        } else {
            ""
        }
}

/// How the consensus layer was reached, from its decision log; None for other layers.
pub fn consensus(p: &Project, opts: &ReportOptions) -> Option<String> {
    if opts.layer != Layer::Consensus {
        return None;
    }
    let log = p.decisions(CONSENSUS_CODER).ok()?;
    let c = log.counts();
    let lang = opts.lang;
    if log.entries.is_empty() {
        return Some(match lang {
            Lang::Sv => "Konsensuslagret har ingen beslutslogg: hur oenigheterna avgjordes kan inte redovisas.".into(),
            Lang::En => "The consensus layer has no decision log: how the disagreements were resolved cannot be stated.".into(),
        });
    }
    let coders = log
        .entries
        .last()
        .map(|d| d.coders.clone())
        .unwrap_or_default();
    let open = open_disagreements(p, &coders, &log);
    let n = |k: &str| c.by_choice.get(k).copied().unwrap_or(0);
    let deciders: Vec<String> = c.by.keys().cloned().collect();
    let day = |t: Option<chrono::DateTime<chrono::Utc>>| {
        t.map_or(String::new(), |t| t.format("%Y-%m-%d").to_string())
    };
    let (a, b) = (
        coders.first().cloned().unwrap_or_default(),
        coders.get(1).cloned().unwrap_or_default(),
    );
    Some(match lang {
        Lang::Sv => format!(
            "Konsensuslagret byggdes genom att oenigheterna mellan kodarna {} avgjordes en i taget: {} beslut gäller \
             ({} enligt {a}, {} enligt {b}, {} båda, {} ingen av dem), fattade av {} mellan {} och {}; {} beslut ångrades. {}",
            coders.join(" och "),
            c.units,
            n("A"),
            n("B"),
            n("both"),
            n("neither"),
            deciders.join(", "),
            day(c.first),
            day(c.last),
            c.undos,
            open_sv(open)
        ),
        Lang::En => format!(
            "The consensus layer was built by resolving the disagreements of coders {} one at a time: {} decisions are in \
             force ({} as {a}, {} as {b}, {} both, {} neither), made by {} between {} and {}; {} decisions were undone. {}",
            coders.join(" and "),
            c.units,
            n("A"),
            n("B"),
            n("both"),
            n("neither"),
            deciders.join(", "),
            day(c.first),
            day(c.last),
            c.undos,
            open_en(open)
        ),
    })
}

/// (disagreements by turn, of which decided) between the logged coders today.
fn open_disagreements(
    p: &Project,
    coders: &[String],
    log: &crate::model::DecisionLog,
) -> Option<(usize, usize)> {
    if coders.len() < 2 || coders.iter().any(|c| !p.coders.contains_key(c)) {
        return None;
    }
    let o = AgreeOptions {
        coders: coders.to_vec(),
        docs: None,
        unit: UnitKind::Turn,
        target: CodeTarget::AllCodes,
    };
    let list = disagreements(p, &o).ok()?;
    let decided = list.iter().filter(|d| log.current(&d.id).is_some()).count();
    Some((list.len(), decided))
}

fn open_sv(x: Option<(usize, usize)>) -> String {
    match x {
        Some((all, done)) => format!(
            "Av de {all} oenigheterna mellan kodarna (enhet: talarens tur) är {done} avgjorda och {} öppna.",
            all - done
        ),
        None => String::new(),
    }
}

fn open_en(x: Option<(usize, usize)>) -> String {
    match x {
        Some((all, done)) => format!(
            "Of the {all} disagreements between the coders (unit: speaker turn), {done} are decided and {} open.",
            all - done
        ),
        None => String::new(),
    }
}

/// The themes chart of a summary: every code, one bar per group with k/n cases.
pub fn chart(s: &Summary, groups: &[GroupCtx], lang: Lang) -> BarChart {
    BarChart {
        title: crate::t_in!(lang, "chart-themes-title"),
        groups: groups.iter().map(|g| g.label.name.clone()).collect(),
        rows: s
            .rows
            .iter()
            .map(|r| BarRow {
                label: r.name.clone(),
                depth: r.depth,
                bars: r
                    .cells
                    .iter()
                    .map(|c| Bar {
                        k: c.cases.len(),
                        n: c.cases_in_group,
                    })
                    .collect(),
            })
            .collect(),
        percent_space: lang == Lang::Sv,
    }
}

/// The caption below the chart.
pub fn caption(lang: Lang, groups: &[GroupCtx]) -> String {
    let names: Vec<String> = groups
        .iter()
        .map(|g| format!("{} ({} st.)", g.label.name, g.cases))
        .collect();
    match lang {
        Lang::Sv => format!(
            "Figur 1. Andel kommuner per grupp där temat eller underkoden kodats; siffran vid stapeln är antal kommuner \
             med koden av kommunerna i gruppen: {}.",
            names.join(", ")
        ),
        Lang::En => format!(
            "Figure 1. Share of municipalities per group where the theme or sub-code was coded; the figure by each bar \
             is the number of municipalities with the code of those in the group: {}.",
            names.join(", ").replace(" st.", "")
        ),
    }
}
