//! The findings draft: a Markdown section shaped like the source report's "Djupintervjuer, analys och
//! slutsatser", rendered with minijinja from a context built out of the summary and the chosen quotes.
//!
//! The default Swedish and English templates are compiled into the binary; `--template FILE` replaces them.
//! Every number in the context carries the coding ids behind it, and the templates print them in an appendix.

use super::quotes::{self, Quote};
use super::summary::{self, Cell, Summary};
use super::words::{self, CASES_EN, CASES_SV, Count, GroupLabel};
use super::{AnalysisError, Lang, Layer, LayerCoding, LayerData, Result, TemplateFault};
use crate::store::Project;
use minijinja::value::{ArgType, Enumerator, Object, ObjectRepr};
use minijinja::{AutoEscape, Environment, UndefinedBehavior};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

pub mod extras;

pub const TEMPLATE_SV: &str = include_str!("templates/report.sv.md.j2");
pub const TEMPLATE_EN: &str = include_str!("templates/report.en.md.j2");

/// What to draft.
#[derive(Debug, Clone)]
pub struct ReportOptions {
    pub lang: Lang,
    pub layer: Layer,
    /// The attribute whose values are compared (`grupp`).
    pub attr: String,
    /// Quotes per theme and group (1–3).
    pub quotes: usize,
    /// Own wording per group value (`VALUE`, `FULL[|SHORT]`).
    pub labels: Vec<(String, String)>,
    /// A replacement template: its name (for messages) and its source.
    pub template: Option<(String, String)>,
    /// Add Fisher's exact test per code, with its caution (`--stats`).
    pub stats: bool,
    /// Where the themes chart was written, for an image line in Markdown (`--chart FILE.svg`).
    pub figure: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct ReportContext {
    pub lang: Lang,
    pub layer: LayerInfo,
    pub attr: String,
    pub groups: Vec<GroupCtx>,
    pub interviews: usize,
    pub cases: usize,
    pub notes: Vec<String>,
    pub themes: Vec<ThemeCtx>,
    /// With `--stats` and two groups: Fisher's exact test per code.
    pub stats: Option<extras::StatsCtx>,
    /// For the consensus layer: how it was reached, from its decision log.
    pub consensus: Option<String>,
    /// The themes chart, when written next to a Markdown report.
    pub figure: Option<FigureCtx>,
}

#[derive(Debug, Serialize)]
pub struct FigureCtx {
    pub path: String,
    pub caption: String,
}

#[derive(Debug, Serialize)]
pub struct LayerInfo {
    pub id: String,
    pub description: String,
    pub coders: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct GroupCtx {
    pub value: String,
    pub label: GroupLabel,
    /// "Kommuner med hög självskattning": a heading for the group's quotes.
    pub heading: String,
    pub cases: usize,
    pub interviews: usize,
    pub words: usize,
}

#[derive(Debug, Serialize)]
pub struct ThemeCtx {
    pub id: String,
    pub name: String,
    /// The counts per group in words.
    pub opening: String,
    /// The interviews per group in words, with the segment total.
    pub interviews_sentence: String,
    /// With two groups: the sub-codes whose case shares differ most (by at least 40 points), in words; else empty.
    pub contrast: String,
    pub numbers: NumbersCtx,
    /// The theme's descendants in codebook order.
    pub subcodes: Vec<CodeCtx>,
    /// One entry per group, in group order.
    pub quotes: Vec<QuoteGroup>,
}

#[derive(Debug, Serialize)]
pub struct CodeCtx {
    pub id: String,
    pub name: String,
    pub path: String,
    /// Depth below the theme (1 for a direct sub-code).
    pub depth: usize,
    pub numbers: NumbersCtx,
}

/// A code's numbers per group and in total.
#[derive(Debug, Serialize)]
pub struct NumbersCtx {
    pub groups: Vec<NumberCtx>,
    pub total: NumberCtx,
}

#[derive(Debug, Serialize)]
pub struct NumberCtx {
    /// The group value; empty for the total.
    pub group: String,
    pub cases: usize,
    pub cases_in_group: usize,
    pub interviews: usize,
    pub interviews_in_group: usize,
    pub segments: usize,
    pub case_names: Vec<String>,
    /// The codings behind the numbers, per transcript.
    pub sources: Vec<SourceCtx>,
}

#[derive(Debug, Serialize)]
pub struct SourceCtx {
    pub doc: String,
    pub case: String,
    /// "praktikant-a: `id`, `id`; praktikant-b: `id`".
    pub ids_by_coder: Vec<CoderIds>,
}

#[derive(Debug, Serialize)]
pub struct CoderIds {
    pub coder: String,
    /// A list of id strings to a template ([`IdList`]).
    pub ids: minijinja::Value,
}

/// Coding ids as a template sees them: a list of strings, read from one table of every id shared by all
/// lists (a report of a large study names each of 400,000 ids several times; a string per mention, copied
/// again into the template's values, was a tenth of its time).
#[derive(Debug)]
pub struct IdList {
    table: Arc<[String]>,
    at: Vec<u32>,
}

impl IdList {
    /// The list of `table[i]` for each `i` of `at`, as a template value.
    pub fn value(table: &Arc<[String]>, at: impl IntoIterator<Item = usize>) -> minijinja::Value {
        let at = at
            .into_iter()
            .map(|i| u32::try_from(i).unwrap_or(u32::MAX))
            .collect();
        minijinja::Value::from_object(IdList {
            table: Arc::clone(table),
            at,
        })
    }

    fn iter(&self) -> impl Iterator<Item = &str> {
        self.at
            .iter()
            .filter_map(|&i| self.table.get(i as usize).map(String::as_str))
    }
}

impl Object for IdList {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Seq
    }

    fn get_value(self: &Arc<Self>, key: &minijinja::Value) -> Option<minijinja::Value> {
        let i = *self.at.get(key.as_usize()?)?;
        self.table
            .get(i as usize)
            .map(|id| minijinja::Value::from(id.as_str()))
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Seq(self.at.len())
    }

    fn enumerator_len(self: &Arc<Self>) -> Option<usize> {
        Some(self.at.len())
    }
}

#[derive(Debug, Serialize)]
pub struct QuoteGroup {
    pub group: String,
    pub heading: String,
    pub quotes: Vec<QuoteCtx>,
}

#[derive(Debug, Serialize)]
pub struct QuoteCtx {
    /// Markdown-escaped text with `[…]` at cuts.
    pub text: String,
    pub case: String,
    pub role: String,
    pub doc: String,
    pub start: usize,
    pub end: usize,
    pub coders: Vec<String>,
    pub coding_ids: Vec<String>,
}

/// Builds the context and renders the report; the result is not yet pseudonymised.
pub fn render(p: &Project, opts: &ReportOptions) -> Result<String> {
    let ctx = context(p, opts)?;
    render_context(&ctx, opts)
}

/// Renders a built context with the chosen template.
pub fn render_context(ctx: &ReportContext, opts: &ReportOptions) -> Result<String> {
    let (name, source) = match &opts.template {
        Some((n, s)) => (n.clone(), s.clone()),
        None => match opts.lang {
            Lang::Sv => (
                "report.sv.md.j2 (built in)".to_string(),
                TEMPLATE_SV.to_string(),
            ),
            Lang::En => (
                "report.en.md.j2 (built in)".to_string(),
                TEMPLATE_EN.to_string(),
            ),
        },
    };
    let mut env = Environment::new();
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    env.set_keep_trailing_newline(true);
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_auto_escape_callback(|_| AutoEscape::None);
    let lang = opts.lang;
    env.add_filter("words", move |n: usize| words::number(n, lang));
    env.add_filter("capitalize_first", |s: String| words::capitalize(&s));
    // The appendix lists every coding id: one call per list instead of a template loop per id.
    env.add_filter("code_list", |ids: minijinja::Value| {
        match ids.downcast_object_ref::<IdList>() {
            Some(list) => Ok(code_list(list.iter())),
            None => <Vec<String> as ArgType>::from_value(Some(&ids))
                .map(|v| code_list(v.iter().map(String::as_str))),
        }
    });
    env.add_template_owned(name.clone(), source)
        .map_err(|e| template_error(&name, &e))?;
    let tmpl = env
        .get_template(&name)
        .map_err(|e| template_error(&name, &e))?;
    // Tidied as it is written: a report of a large study is tens of megabytes, rendered once, not twice.
    let mut out = Tidy::default();
    tmpl.render_captured_to(ctx, &mut out)
        .map_err(|e| template_error(&name, &e))?;
    Ok(out.finish())
}

/// `` `a`, `b`, `c` ``: ids as inline code, separated by commas.
fn code_list<'s>(ids: impl Iterator<Item = &'s str>) -> String {
    let mut out = String::new();
    for (i, id) in ids.enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push('`');
        out.push_str(id);
        out.push('`');
    }
    out
}

fn template_error(name: &str, e: &minijinja::Error) -> AnalysisError {
    use minijinja::ErrorKind as K;
    let mut detail = e.detail().map_or_else(String::new, |d| format!(": {d}"));
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        detail.push_str(&format!(" ({s})"));
        source = s.source();
    }
    let fault = match e.kind() {
        K::SyntaxError | K::BadEscape => TemplateFault::Syntax,
        K::UndefinedError => TemplateFault::Undefined,
        K::UnknownFilter => TemplateFault::UnknownFilter,
        K::UnknownFunction => TemplateFault::UnknownFunction,
        K::UnknownMethod => TemplateFault::UnknownMethod,
        K::UnknownTest => TemplateFault::UnknownTest,
        K::InvalidOperation => TemplateFault::InvalidOperation,
        K::TooManyArguments | K::MissingArgument => TemplateFault::Arguments,
        K::TemplateNotFound => TemplateFault::NotFound,
        _ => TemplateFault::Other,
    };
    AnalysisError::Template {
        name: e.name().unwrap_or(name).to_string(),
        line: e.line().unwrap_or(0),
        fault,
        kind: e.kind().to_string(),
        detail,
    }
}

/// [`tidy`] as the text is written: each line is trimmed when its newline arrives.
#[derive(Default)]
struct Tidy {
    out: Vec<u8>,
    /// Where the line being written starts in `out`.
    line_start: usize,
    /// Blank lines in a row before it.
    blank: usize,
}

impl Tidy {
    /// The line from `line_start` to the end of `out` is complete.
    fn end_line(&mut self) {
        // a whole line of what was written as `str`s: UTF-8 (a newline never ends inside a char)
        let end = match std::str::from_utf8(&self.out[self.line_start..]) {
            Ok(line) => self.line_start + line.trim_end().len(),
            Err(_) => self.out.len(),
        };
        if end == self.line_start {
            self.blank += 1;
            if self.blank > 1 || self.line_start == 0 {
                self.out.truncate(self.line_start);
                return;
            }
        } else {
            self.blank = 0;
        }
        self.out.truncate(end);
        self.out.push(b'\n');
        self.line_start = self.out.len();
    }

    fn finish(mut self) -> String {
        if self.out.len() > self.line_start {
            self.end_line();
        }
        self.out.truncate(self.line_start);
        while self.out.ends_with(b"\n\n") {
            self.out.pop();
        }
        String::from_utf8(self.out)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }
}

impl std::io::Write for Tidy {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut rest = buf;
        while let Some(at) = rest.iter().position(|&b| b == b'\n') {
            self.out.extend_from_slice(&rest[..at]);
            self.end_line();
            rest = &rest[at + 1..];
        }
        self.out.extend_from_slice(rest);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// No runs of blank lines, one newline at the end.
#[cfg(test)]
fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank = 0;
    for line in s.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            if blank > 1 || out.is_empty() {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// The themes chart and its caption for these options.
pub fn chart(
    p: &Project,
    opts: &ReportOptions,
) -> Result<(crate::analysis::chart::BarChart, String)> {
    let ctx = context(p, opts)?;
    let s = summary::compute(p, &opts.layer, &opts.attr)?;
    Ok((
        extras::chart(&s, &ctx.groups, opts.lang),
        extras::caption(opts.lang, &ctx.groups),
    ))
}

/// Everything a template can print.
pub fn context(p: &Project, opts: &ReportOptions) -> Result<ReportContext> {
    if !(1..=3).contains(&opts.quotes) {
        return Err(AnalysisError::QuotesRange(opts.quotes));
    }
    let mut s = summary::compute(p, &opts.layer, &opts.attr)?;
    let data = LayerData::load(p, &opts.layer)?;
    let sources = Sources::new(&mut s, &data);
    let lang = opts.lang;
    let labels: Vec<GroupLabel> = s
        .groups
        .iter()
        .map(|g| {
            let v = g.value.clone().unwrap_or_default();
            match opts.labels.iter().find(|(k, _)| *k == v) {
                Some((_, spec)) => GroupLabel::custom(&v, spec),
                None => GroupLabel::default_for(&v, lang),
            }
        })
        .collect();
    let noun = if lang == Lang::Sv { CASES_SV } else { CASES_EN };
    let groups: Vec<GroupCtx> = s
        .groups
        .iter()
        .zip(&labels)
        .map(|(g, l)| GroupCtx {
            value: l.value.clone(),
            label: l.clone(),
            heading: words::capitalize(&format!("{} {}", noun.1, l.full)),
            cases: g.cases.len(),
            interviews: g.docs.len(),
            words: g.words,
        })
        .collect();
    let theme_rows: Vec<&summary::CodeRow> = s.rows.iter().filter(|r| r.depth == 0).collect();
    let quotes = theme_quotes((&data, &sources), &theme_rows, &groups, opts.quotes);
    let themes = theme_rows
        .iter()
        .zip(quotes)
        .map(|(r, q)| theme(p, &s, &sources, r, &groups, opts, q))
        .collect();
    let stats = if opts.stats {
        extras::stats(&s, &groups, lang)
    } else {
        None
    };
    let figure = opts.figure.as_ref().map(|path| FigureCtx {
        path: path.clone(),
        caption: extras::caption(lang, &groups),
    });
    Ok(ReportContext {
        stats,
        consensus: extras::consensus(p, opts),
        figure,
        lang,
        layer: LayerInfo {
            id: opts.layer.id(),
            description: opts.layer.describe_in(p, &s.coders, lang),
            coders: s.coders.clone(),
        },
        attr: s.attr.clone(),
        interviews: s.total.docs.len(),
        cases: s.total.cases.len(),
        notes: notes(&s, lang),
        groups,
        themes,
    })
}

fn notes(s: &Summary, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    let (coded, all) = (s.coded_docs.len(), s.total.docs.len());
    if all == 0 {
        out.push(match lang {
            Lang::Sv => "Projektet har inga intervjuer ännu (lägg till dem med `kodbok import`)."
                .to_string(),
            Lang::En => {
                "The project has no interviews yet (add them with `kodbok import`).".to_string()
            }
        });
    } else if coded < all {
        let (coded, all) = (words::number(coded, lang), words::number(all, lang));
        out.push(match lang {
            Lang::Sv => format!(
                "Lagret har kodningar i {coded} av {all} intervjuer; intervjuer utan kodningar räknas som att temat inte togs upp."
            ),
            Lang::En => format!(
                "The layer has codings in {coded} of {all} interviews; interviews without codings count as not raising a theme."
            ),
        });
    }
    out.extend(s.merged_note(lang));
    if !s.skipped.is_empty() {
        out.push(match lang {
            Lang::Sv => format!(
                "{} kodningar räknas inte eftersom deras intervju eller kod saknas (se `kodbok check`).",
                words::capitalize(&words::number(s.skipped.len(), lang))
            ),
            Lang::En => format!(
                "{} codings are not counted because their transcript or code is missing (see `kodbok check`).",
                words::capitalize(&words::number(s.skipped.len(), lang))
            ),
        });
    }
    out
}

fn theme(
    p: &Project,
    s: &Summary,
    src: &Sources,
    r: &summary::CodeRow,
    groups: &[GroupCtx],
    opts: &ReportOptions,
    quotes: Vec<QuoteGroup>,
) -> ThemeCtx {
    let lang = opts.lang;
    let counts = |f: &dyn Fn(&Cell) -> (usize, usize)| -> Vec<Count> {
        r.cells
            .iter()
            .zip(groups)
            .map(|(c, g)| {
                let (n, of) = f(c);
                Count {
                    n,
                    of,
                    label: &g.label,
                }
            })
            .collect()
    };
    let noun = if lang == Lang::Sv { CASES_SV } else { CASES_EN };
    let opening = words::opening(
        lang,
        &r.name,
        &counts(&|c| (c.cases.len(), c.cases_in_group)),
        noun,
    );
    let interviews_sentence = words::interviews(
        lang,
        &counts(&|c| (c.docs.len(), c.interviews_in_group)),
        r.total.segments(),
    );
    let members: HashSet<String> = p.codebook.descendants(&r.code).into_iter().collect();
    let subcodes = s
        .rows
        .iter()
        .filter(|x| x.code != r.code && members.contains(&x.code))
        .map(|x| CodeCtx {
            id: x.code.clone(),
            name: x.name.clone().replace('|', "\\|"),
            path: x.path.clone(),
            depth: x.depth - r.depth,
            numbers: numbers(src, s, x),
        })
        .collect();
    ThemeCtx {
        id: r.code.clone(),
        name: r.name.clone(),
        opening,
        interviews_sentence,
        contrast: contrast(lang, s, &members, &r.code, groups),
        numbers: numbers(src, s, r),
        subcodes,
        quotes,
    }
}

/// The chosen quotes of each theme, per group (chosen together: [`quotes::select_each`]).
fn theme_quotes(
    (data, src): (&LayerData, &Sources),
    themes: &[&summary::CodeRow],
    groups: &[GroupCtx],
    max: usize,
) -> Vec<Vec<QuoteGroup>> {
    // One list per theme and group, in layer order, as the cell lists them.
    let lists: Vec<Vec<&LayerCoding>> = themes
        .iter()
        .flat_map(|r| r.cells.iter().take(groups.len()))
        .map(|cell| {
            cell.codings
                .iter()
                .filter_map(|&k| src.loaded[k].map(|i| &data.codings[i]))
                .collect()
        })
        .collect();
    let mut chosen = quotes::select_each(&lists, max).into_iter();
    themes
        .iter()
        .map(|r| {
            groups
                .iter()
                .zip(&r.cells)
                .map(|(g, _)| QuoteGroup {
                    group: g.value.clone(),
                    heading: g.heading.clone(),
                    quotes: chosen
                        .next()
                        .unwrap_or_default()
                        .iter()
                        .map(quote_ctx)
                        .collect(),
                })
                .collect()
        })
        .collect()
}

/// Minimum difference in case share for a sub-code to be named as telling the groups apart.
const CONTRAST_MIN: f64 = 0.4;

fn contrast(
    lang: Lang,
    s: &Summary,
    members: &HashSet<String>,
    theme: &str,
    groups: &[GroupCtx],
) -> String {
    let [ga, gb] = groups else {
        return String::new();
    };
    let mut items: Vec<(f64, words::Contrast)> = s
        .rows
        .iter()
        .filter(|x| x.code != theme && members.contains(&x.code))
        .map(|x| {
            let (a, b) = (&x.cells[0], &x.cells[1]);
            let d = (a.case_share() - b.case_share()).abs();
            (
                d,
                (
                    x.name.as_str(),
                    (a.cases.len(), a.cases_in_group),
                    (b.cases.len(), b.cases_in_group),
                ),
            )
        })
        .filter(|(d, _)| *d >= CONTRAST_MIN - 1e-9)
        .collect();
    items.sort_by(|x, y| y.0.total_cmp(&x.0));
    let top: Vec<words::Contrast> = items.into_iter().take(2).map(|(_, c)| c).collect();
    words::contrast(lang, &top, (&ga.label, &gb.label))
}

fn quote_ctx(q: &Quote) -> QuoteCtx {
    QuoteCtx {
        text: escape_md(&q.text),
        case: q.case.clone(),
        role: q.role.clone(),
        doc: q.doc.clone(),
        start: q.start,
        end: q.end,
        coders: q.coders.clone(),
        coding_ids: q.coding_ids.clone(),
    }
}

/// Escapes the characters that would turn quoted speech into Markdown emphasis.
pub fn escape_md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '*' | '_' | '\\' | '`') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Where each coding of the summary comes from, found once for every number of the report: its loaded
/// coding (for quotes), and the ranks of its transcript and coder by name, so that grouping by ranks sorts
/// as by names.
struct Sources {
    /// Per coding of `Summary::codings`: its index in `LayerData::codings`.
    loaded: Vec<Option<usize>>,
    /// Rank of each transcript of `Summary::total.docs` among them by id.
    doc_rank: Vec<usize>,
    /// Rank of each coder of `Summary::coders` among them by name.
    coder_rank: Vec<usize>,
    /// The id of each coding of `Summary::codings`.
    ids: Arc<[String]>,
}

impl Sources {
    /// Takes the ids out of `s.codings` (into [`Sources::ids`]).
    fn new(s: &mut Summary, data: &LayerData) -> Self {
        // Both list the layer's countable codings in layer order; matched by id should they differ.
        let same = s.codings.len() == data.codings.len()
            && s.codings
                .iter()
                .zip(&data.codings)
                .all(|(a, b)| a.id == b.coding.id);
        let loaded = if same {
            (0..s.codings.len()).map(Some).collect()
        } else {
            let at: HashMap<&str, usize> = data
                .codings
                .iter()
                .enumerate()
                .map(|(i, c)| (c.coding.id.as_str(), i))
                .collect();
            s.codings
                .iter()
                .map(|c| at.get(c.id.as_str()).copied())
                .collect()
        };
        Sources {
            ids: s
                .codings
                .iter_mut()
                .map(|c| std::mem::take(&mut c.id))
                .collect(),
            loaded,
            doc_rank: ranks(&s.total.docs),
            coder_rank: ranks(&s.coders),
        }
    }
}

/// The rank of each name among `names` in name order.
fn ranks(names: &[String]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..names.len()).collect();
    order.sort_by(|&a, &b| names[a].cmp(&names[b]));
    let mut rank = vec![0; names.len()];
    for (r, i) in order.into_iter().enumerate() {
        rank[i] = r;
    }
    rank
}

fn numbers(src: &Sources, s: &Summary, r: &summary::CodeRow) -> NumbersCtx {
    let number = |group: String, c: &Cell| {
        // (transcript, coder, position) of each coding, by rank, sorted: grouped by transcript, then
        // coder, each group's ids in the cell's order.
        let mut found: Vec<(usize, usize, usize)> = c
            .codings
            .iter()
            .map(|&k| {
                let x = &s.codings[k];
                (src.doc_rank[x.doc], src.coder_rank[x.coder], k)
            })
            .collect();
        found.sort_unstable();
        let sources = found
            .chunk_by(|a, b| a.0 == b.0)
            .map(|doc| {
                let first = &s.codings[doc[0].2];
                SourceCtx {
                    doc: s.total.docs[first.doc].clone(),
                    case: s.doc_cases[first.doc].clone(),
                    ids_by_coder: doc
                        .chunk_by(|a, b| a.1 == b.1)
                        .map(|coder| CoderIds {
                            coder: s.coders[s.codings[coder[0].2].coder].clone(),
                            ids: IdList::value(&src.ids, coder.iter().map(|x| x.2)),
                        })
                        .collect(),
                }
            })
            .collect();
        NumberCtx {
            group,
            cases: c.cases.len(),
            cases_in_group: c.cases_in_group,
            interviews: c.docs.len(),
            interviews_in_group: c.interviews_in_group,
            segments: c.segments(),
            case_names: c.cases.clone(),
            sources,
        }
    };
    NumbersCtx {
        groups: s
            .groups
            .iter()
            .zip(&r.cells)
            .map(|(g, c)| number(g.value.clone().unwrap_or_default(), c))
            .collect(),
        total: number(String::new(), &r.total),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write as _;

    fn tidy_written(pieces: &[&str]) -> String {
        let mut t = Tidy::default();
        for p in pieces {
            t.write_all(p.as_bytes()).unwrap();
        }
        t.finish()
    }

    #[test]
    fn tidy_as_written_keeps_one_blank_line_and_trims() {
        let s = "\n \nA  \n\n\n\u{a0}\nB\u{2003}\r\nC\n \n\n";
        assert_eq!(tidy(s), "A\n\nB\nC\n");
        assert_eq!(
            tidy_written(&["\n \nA ", " \n\n", "\n\u{a0}\nB\u{2003}\r", "\nC\n \n\n"]),
            tidy(s)
        );
        assert_eq!(tidy_written(&["x"]), "x\n");
        assert_eq!(tidy_written(&[" \n\n"]), "");
        assert_eq!(tidy_written(&[]), "");
    }

    proptest::proptest! {
        /// Written in any pieces, the text is tidied as [`tidy`] tidies it whole.
        #[test]
        fn tidy_as_written_equals_tidy(
            parts in proptest::collection::vec(
                proptest::sample::select(vec!["\n", " ", "\t", "\r", "a", "ö", "\u{a0}", "\u{2003}", "x y", "…", "\u{85}"]),
                0..40,
            ),
            cuts in proptest::collection::vec(0usize..40, 0..6),
        ) {
            let s: String = parts.concat();
            let mut at: Vec<usize> = cuts.iter().map(|&c| parts[..c.min(parts.len())].concat().len()).collect();
            at.push(0);
            at.push(s.len());
            at.sort_unstable();
            let pieces: Vec<&str> = at.windows(2).map(|w| &s[w[0]..w[1]]).collect();
            proptest::prop_assert_eq!(tidy_written(&pieces), tidy(&s));
        }
    }
}
