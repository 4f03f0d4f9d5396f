//! `kodbok agree`: inter-coder agreement per code, per domain or by segment overlap, and the list of disagreements.

use super::Ctx;
use super::office::{TableFormat, about_sheet, write_xlsx, xlsx_out};
use super::output::{Format, ident, print_rows, print_rows_with, write_table};
use crate::agreement::bootstrap::{BootstrapSettings, Interval};
use crate::agreement::consensus::matches;
use crate::agreement::overlap::overlap_agreement;
use crate::agreement::report::Coefficients;
use crate::agreement::{AgreeOptions, CodeTarget, Report, UnitKind, agreement_with, disagreements};
use crate::analysis::Layer;
use crate::analysis::xlsx::Sheet;
use crate::model::CONSENSUS_CODER;
use crate::store::Project;
use crate::t;
use anyhow::bail;
use clap::Args;
use serde_json::{Value, json};
use std::io::Write;
use std::process::ExitCode;

/// `--unit` of `agree` and `consensus seed`: the CLI's spelling of [`UnitKind`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AgreeUnitArg {
    /// A speaker turn's text (the label `Respondent:` excluded)
    Turn,
    /// A sentence (Unicode sentence boundaries) inside a turn, surrounding spaces trimmed
    Sentence,
    /// One character of a turn's text
    Char,
}

impl From<AgreeUnitArg> for UnitKind {
    fn from(u: AgreeUnitArg) -> UnitKind {
        match u {
            AgreeUnitArg::Turn => UnitKind::Turn,
            AgreeUnitArg::Sentence => UnitKind::Sentence,
            AgreeUnitArg::Char => UnitKind::Char,
        }
    }
}

#[derive(Args, Debug, Clone)]
#[command(group(clap::ArgGroup::new("what").args(["code", "domain"])))]
pub struct AgreeArgs {
    /// Coders to compare, separated by commas, or `all` [default: all: with exactly two coders (konsensus
    /// and the coders the project leaves out aside) those two; with more, name them]
    #[arg(long = "layer", visible_alias = "coders", value_name = "A,B[,C…]|all")]
    pub layer: Option<String>,
    /// Only these transcripts (of those every compared coder coded), comma-separated
    #[arg(long, value_delimiter = ',', value_name = "DOC,…")]
    pub docs: Option<Vec<String>>,
    /// Unit of analysis
    #[arg(long, value_enum, default_value_t = AgreeUnitArg::Turn)]
    pub unit: AgreeUnitArg,
    /// Only this code (id or name), present where exactly this code was applied
    #[arg(long, value_name = "CODE")]
    pub code: Option<String>,
    /// With --code: codings of its sub-codes count as the code
    #[arg(long, requires = "code")]
    pub subcodes: bool,
    /// Domain mode: the child codes of this code are mutually exclusive categories
    #[arg(long, value_name = "CODE")]
    pub domain: Option<String>,
    /// Segment-overlap agreement (MAXQDA): segments agree when they overlap by at least this percentage
    #[arg(long, value_name = "PERCENT")]
    pub overlap: Option<f64>,
    /// List the units where the coders differ (with --overlap: the segments without a match)
    #[arg(long)]
    pub disagreements: bool,
    /// Confidence intervals for kappa, alpha, Brennan–Prediger and AC1 from this many bootstrap replicates
    /// (units resampled with replacement; 1000 is usual)
    #[arg(long, value_name = "N")]
    pub bootstrap: Option<usize>,
    /// Seed of the bootstrap's random numbers: the same seed gives the same intervals
    #[arg(long, default_value_t = 1, value_name = "N", requires = "bootstrap")]
    pub seed: u64,
    /// Confidence level of the bootstrap intervals
    #[arg(
        long,
        default_value_t = 0.95,
        value_name = "LEVEL",
        requires = "bootstrap"
    )]
    pub level: f64,
    /// Output format (xlsx: an Excel workbook with the figures, the disagreements and the formulas; needs --out)
    #[arg(long, value_enum, default_value_t = TableFormat::Table)]
    pub format: TableFormat,
    /// The file for --format xlsx
    #[arg(long, value_name = "FILE")]
    pub out: Option<std::path::PathBuf>,
}

impl AgreeArgs {
    fn settings(&self) -> anyhow::Result<Option<BootstrapSettings>> {
        let Some(replicates) = self.bootstrap else {
            return Ok(None);
        };
        if !(100..=100_000).contains(&replicates) {
            bail!(t!("agree-bootstrap-range", n = replicates));
        }
        if !(0.5..1.0).contains(&self.level) {
            bail!(t!(
                "agree-level-range",
                level = crate::i18n::number_short(self.level, 3)
            ));
        }
        Ok(Some(BootstrapSettings {
            replicates,
            seed: self.seed,
            level: self.level,
        }))
    }
}

/// The coders `agree` compares: those named (as given: the comparison refuses a name given twice), else
/// the project's two coders.
pub fn compared_coders(p: &Project, layer: Option<&str>) -> anyhow::Result<Vec<String>> {
    let layer_text = layer.unwrap_or("all");
    let layer = Layer::parse(layer_text)?;
    let coders = match &layer {
        Layer::Consensus => bail!(t!("agree-needs-two")),
        Layer::AllCoders => layer.coders(p)?,
        _ => {
            layer.coders(p)?; // unknown names are refused here
            let named: Vec<String> = layer_text
                .split(',')
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(str::to_string)
                .collect();
            if named.len() < 2 {
                bail!(t!("agree-needs-two"));
            }
            return Ok(named);
        }
    };
    match coders.len() {
        2 => Ok(coders),
        n if n > 2 => bail!(t!("agree-which-coders", n = n, coders = coders.join(","))),
        _ => bail!(t!("agree-too-few", coders = coders.join(", "))),
    }
}

/// The library options for these arguments.
pub fn options(p: &Project, a: &AgreeArgs) -> anyhow::Result<AgreeOptions> {
    let target = match (&a.code, &a.domain) {
        (Some(c), _) if a.subcodes => CodeTarget::CodeTree(p.codebook.resolve(c)?.id.clone()),
        (Some(c), _) => CodeTarget::Code(p.codebook.resolve(c)?.id.clone()),
        (None, Some(d)) => CodeTarget::Domain(p.codebook.resolve(d)?.id.clone()),
        (None, None) => CodeTarget::AllCodes,
    };
    Ok(AgreeOptions {
        coders: compared_coders(p, a.layer.as_deref())?,
        docs: a.docs.clone(),
        unit: a.unit.into(),
        target,
    })
}

pub fn run(a: &AgreeArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let p = ctx.open()?;
    let o = options(&p, a)?;
    let boot = a.settings()?;
    let Some(format) = a.format.text() else {
        return xlsx(&p, &o, a, boot.as_ref());
    };
    if let Some(pct) = a.overlap {
        if boot.is_some() {
            bail!(t!("agree-bootstrap-needs-units"));
        }
        let (report, unmatched) = overlap_agreement(&p, &o, pct)?;
        if a.disagreements {
            if format == Format::Table {
                let head = t!(
                    "agree-unmatched-head",
                    coders = o.coders.join(", "),
                    pct = crate::i18n::number_short(pct, 1),
                    definition = unit_words(&report).1
                );
                crate::say!("{head}\n");
            }
            let rows: Vec<Value> = unmatched.iter().map(|u| json!(u)).collect();
            print_rows(format, &rows)?;
        } else {
            print_report(&report, format)?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    if a.disagreements {
        return list_disagreements(&p, &o, format);
    }
    print_report(&agreement_with(&p, &o, boot.as_ref())?, format)?;
    Ok(ExitCode::SUCCESS)
}

/// The workbook: one sheet of figures, one of disagreements (or unmatched segments), one saying how they were made.
fn xlsx(
    p: &Project,
    o: &AgreeOptions,
    a: &AgreeArgs,
    boot: Option<&BootstrapSettings>,
) -> anyhow::Result<ExitCode> {
    let out = xlsx_out(a.out.as_deref())?;
    let (report, listed) = match a.overlap {
        Some(pct) => {
            let (r, unmatched) = overlap_agreement(p, o, pct)?;
            (r, unmatched.iter().map(|u| json!(u)).collect::<Vec<_>>())
        }
        None => {
            let rows = disagreements(p, o)?
                .iter()
                .map(|d| table_row(&json!(d), &o.coders))
                .collect();
            (agreement_with(p, o, boot)?, rows)
        }
    };
    let mut rows: Vec<Value> = report
        .codes
        .iter()
        .map(|c| number_row(&c.code, &c.path, &c.stats, Some(&c.coded), &report.coders))
        .collect();
    rows.push(number_row(
        &pooled_label(&report),
        "",
        &report.pooled,
        None,
        &report.coders,
    ));
    let (unit, definition) = unit_words(&report);
    let mut about = vec![
        (
            t!("about-label", field = "coders"),
            report.coders.join(", "),
        ),
        (
            t!("about-label", field = "mode"),
            report.mode.replace('_', "-"),
        ),
        (
            t!("about-label", field = "unit"),
            format!("{unit}: {definition}"),
        ),
        (
            t!("about-label", field = "documents"),
            report.documents.join(", "),
        ),
    ];
    about.extend(formula_lines(&report));
    let map = crate::analysis::pseudonyms::Pseudonyms::load(&p.root)?;
    let mut listed = listed;
    listed.iter_mut().for_each(|r| map.apply_value(r));
    let sheets = [
        Sheet::new("agreement", rows),
        Sheet::new(
            if a.overlap.is_some() {
                "unmatched"
            } else {
                "disagreements"
            },
            listed,
        ),
        about_sheet(&about),
    ];
    write_xlsx(&map, &sheets, out)?;
    Ok(ExitCode::SUCCESS)
}

/// A row of figures as numbers (for xlsx): coefficients as decimals, the interval ends in their own columns.
fn number_row(
    label: &str,
    path: &str,
    s: &Coefficients,
    coded: Option<&std::collections::BTreeMap<String, u64>>,
    coders: &[String],
) -> Value {
    let mut row =
        json!({ "code": label, "path": path, "units": s.units, "pairable": s.pairable_units });
    for c in coders {
        row[format!("coded_by_{}", ident(c))] = json!(coded.and_then(|m| m.get(c)));
    }
    row["agreement_share"] = json!(s.percent_agreement.map(|x| x / 100.0));
    let i = s.intervals.as_ref();
    let coefs: [(&str, Option<f64>, Option<&Interval>); 4] = [
        (
            "kappa",
            s.cohen_kappa,
            i.and_then(|i| i.cohen_kappa.as_ref()),
        ),
        (
            "alpha",
            s.krippendorff_alpha,
            i.and_then(|i| i.krippendorff_alpha.as_ref()),
        ),
        (
            "brennan_prediger",
            s.brennan_prediger,
            i.and_then(|i| i.brennan_prediger.as_ref()),
        ),
        ("ac1", s.gwet_ac1, i.and_then(|i| i.gwet_ac1.as_ref())),
    ];
    for (name, v, ci) in coefs {
        row[name] = json!(v);
        if i.is_some() {
            row[format!("{name}_lower")] = json!(ci.map(|c| c.lower));
            row[format!("{name}_upper")] = json!(ci.map(|c| c.upper));
        }
    }
    row
}

fn list_disagreements(p: &Project, o: &AgreeOptions, format: Format) -> anyhow::Result<ExitCode> {
    if format == Format::Table {
        let what = match &o.target {
            CodeTarget::Domain(d) => t!("agree-differs-domain", domain = d.as_str()),
            _ => t!("agree-differs-code"),
        };
        let head = t!(
            "agree-disagreements-head",
            coders = o.coders.join(", "),
            unit = t!("agree-unit-name", unit = o.unit.name()),
            definition = t!("agree-unit-definition", unit = o.unit.name()),
            what = what
        );
        crate::say!("{head}\n");
    }
    let layer = p
        .coders
        .get(CONSENSUS_CODER)
        .filter(|_| !o.coders.iter().any(|c| c == CONSENSUS_CODER));
    let mut rows = Vec::new();
    for d in disagreements(p, o)? {
        let mut v = json!(d);
        if let Some(layer) = layer {
            v["konsensus"] = json!(matches(p, &o.coders, layer, &d.unit_ref()));
        }
        if format != Format::Json {
            v = table_row(&v, &o.coders);
        }
        rows.push(v);
    }
    let mut cols = vec!["id".to_string(), "target".to_string()];
    cols.extend(o.coders.iter().map(|c| format!("codes_{}", ident(c))));
    cols.push("text".into());
    let cols: Vec<&str> = cols.iter().map(String::as_str).collect();
    print_rows_with(format, &rows, &cols)?;
    Ok(ExitCode::SUCCESS)
}

/// A disagreement as one flat row: a column per coder with the codes applied (`–` for none).
fn table_row(v: &Value, coders: &[String]) -> Value {
    let mut row = json!({ "id": v["id"], "target": v["target"] });
    for (c, val) in coders
        .iter()
        .zip(v["values"].as_array().into_iter().flatten())
    {
        let codes: Vec<&str> = val["codes"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        row[format!("codes_{}", ident(c))] = json!(if codes.is_empty() {
            "–".to_string()
        } else {
            codes.join("+")
        });
    }
    if let Some(k) = v.get("konsensus") {
        row["konsensus"] = k.clone();
    }
    row["text"] = v["text"].clone();
    row
}

fn num(v: Option<f64>, digits: usize) -> Value {
    match v {
        Some(x) => json!(format!("{x:.digits$}")),
        None => json!("–"),
    }
}

fn stats_row(
    label: &str,
    path: &str,
    s: &Coefficients,
    coded: Option<&std::collections::BTreeMap<String, u64>>,
    coders: &[String],
) -> Value {
    let mut row =
        json!({ "code": label, "path": path, "units": s.units, "pairable": s.pairable_units });
    for c in coders {
        row[format!("coded_by_{}", ident(c))] = json!(
            coded
                .and_then(|m| m.get(c))
                .map_or(String::new(), u64::to_string)
        );
    }
    row["agreement_pct"] = num(s.percent_agreement, 1);
    let i = s.intervals.as_ref();
    let ci = |x: Option<&Interval>| match x {
        Some(c) => json!(format!("{:.3}–{:.3}", c.lower, c.upper)),
        None => json!("–"),
    };
    row["kappa"] = num(s.cohen_kappa, 3);
    if let Some(i) = i {
        row["kappa_ci"] = ci(i.cohen_kappa.as_ref());
    }
    row["alpha"] = num(s.krippendorff_alpha, 3);
    if let Some(i) = i {
        row["alpha_ci"] = ci(i.krippendorff_alpha.as_ref());
    }
    row["brennan_prediger"] = num(s.brennan_prediger, 3);
    row["ac1"] = num(s.gwet_ac1, 3);
    if let Some(i) = i {
        row["ac1_ci"] = ci(i.gwet_ac1.as_ref());
    }
    row
}

/// Prints a report: JSON as one object, CSV as one row per code plus `(pooled)`, a table with its explanation.
pub fn print_report(r: &Report, format: Format) -> anyhow::Result<()> {
    if format == Format::Json {
        let mut text = serde_json::to_string_pretty(r)?;
        text.push('\n');
        crate::safe::stdout().write_all(text.as_bytes())?;
        return Ok(());
    }
    let mut rows: Vec<Value> = r
        .codes
        .iter()
        .map(|c| stats_row(&c.code, &c.path, &c.stats, Some(&c.coded), &r.coders))
        .collect();
    if format == Format::Csv {
        // CSV keeps the machine labels, whatever the language.
        let label = match &r.domain {
            Some(d) => format!("(domain {d})"),
            None => "(pooled)".to_string(),
        };
        rows.push(stats_row(&label, "", &r.pooled, None, &r.coders));
        return print_rows(format, &rows);
    }
    rows.push(stats_row(&pooled_label(r), "", &r.pooled, None, &r.coders));
    let mut out = crate::safe::stdout();
    let (coders, mode) = (r.coders.join(", "), r.mode.replace('_', "-"));
    writeln!(out, "{}", t!("agree-head", coders = coders, mode = mode))?;
    let (unit, definition) = unit_words(r);
    writeln!(
        out,
        "{}",
        t!("agree-unit", unit = unit, definition = definition)
    )?;
    if let Some(pct) = r.overlap_threshold {
        writeln!(out, "{}", t!("agree-threshold", pct = pct))?;
    }
    let docs = r.documents.join(", ");
    let n = r.documents.len();
    writeln!(out, "{}", t!("agree-compared", n = n, docs = docs))?;
    if !r.skipped_documents.is_empty() {
        let names: Vec<&str> = r.skipped_documents.iter().map(|s| s.doc.as_str()).collect();
        let (n, docs) = (names.len(), names.join(", "));
        writeln!(out, "{}", t!("agree-not-compared", n = n, docs = docs))?;
    }
    writeln!(out, "{}\n", t!("agree-units", n = r.units))?;
    for row in rows.iter_mut() {
        if let Value::Object(o) = row {
            *o = std::mem::take(o)
                .into_iter()
                .map(|(k, v)| (column_head(&k), v))
                .collect();
        }
    }
    for row in rows.iter_mut().filter_map(Value::as_object_mut) {
        for (k, v) in row.iter_mut() {
            if k != &column_head("code")
                && k != &column_head("path")
                && let Value::String(s) = v
                && s.chars().all(|c| c.is_ascii_digit() || ".-–".contains(c))
            {
                *s = crate::i18n::number_text(s);
            }
        }
    }
    write_table(&mut out, &rows, 60)?;
    if let Some(multi) = &r.multiple_codes {
        writeln!(out, "\n{}", t!("agree-multiple-codes", n = multi.len()))?;
        for m in multi {
            writeln!(
                out,
                "  {}:{} {}: {}",
                m.doc,
                m.unit,
                m.coder,
                m.codes.join(", ")
            )?;
        }
    }
    writeln!(out, "\n{}", t!("agree-formulas"))?;
    for (label, text) in formula_lines(r) {
        writeln!(out, "  {label}: {text}")?;
    }
    Ok(())
}

/// The label of the pooled row in the current language: "(pooled)", or the domain's.
fn pooled_label(r: &Report) -> String {
    match &r.domain {
        Some(d) => t!("agree-domain-label", domain = d.as_str()),
        None => t!("agree-pooled-label"),
    }
}

/// The formulas of a report as (label, text) in the current language, for the table and the workbook
/// (the report's JSON keeps its English `formula` texts).
fn formula_lines(r: &Report) -> Vec<(String, String)> {
    let label = |coef: &str| t!("agree-formula-label", coef = coef);
    let mut out = if r.mode == "segment_overlap" {
        vec![
            (label("percent"), t!("agree-overlap-percent")),
            (label("kappa"), t!("agree-overlap-kappa")),
            (label("alpha"), t!("agree-overlap-null")),
            (label("bp"), t!("agree-overlap-null")),
            (label("ac1"), t!("agree-overlap-null")),
        ]
    } else {
        vec![
            (label("percent"), t!("agree-formula-percent")),
            (label("kappa"), t!("agree-formula-kappa")),
            (label("alpha"), t!("agree-formula-alpha")),
            (label("bp"), t!("agree-formula-bp")),
            (label("ac1"), t!("agree-formula-ac1")),
        ]
    };
    let pooled = match (r.mode.as_str(), &r.domain) {
        ("segment_overlap", _) => t!("agree-overlap-pooled"),
        (_, Some(_)) => t!("agree-formula-pooled-domain"),
        _ => t!(
            "agree-formula-pooled",
            unit = t!("agree-unit-name", unit = r.unit.as_str())
        ),
    };
    out.push((pooled_label(r), pooled));
    if let Some(b) = &r.bootstrap {
        let text = t!(
            "agree-bootstrap-method",
            level = crate::i18n::number_short(b.settings.level * 100.0, 1),
            replicates = b.settings.replicates,
            units = r.units,
            seed = b.settings.seed.to_string()
        );
        out.push((label("ci"), text));
    }
    out
}

/// The unit's name and definition in the current language (the report carries them in English).
fn unit_words(r: &Report) -> (String, String) {
    match (r.unit.as_str(), r.overlap_threshold) {
        ("turn" | "sentence" | "char", _) => (
            t!("agree-unit-name", unit = r.unit.as_str()),
            t!("agree-unit-definition", unit = r.unit.as_str()),
        ),
        ("segment", Some(pct)) => (
            t!("agree-unit-segment"),
            t!(
                "agree-overlap-unit",
                pct = crate::i18n::number_short(pct, 2)
            ),
        ),
        _ => (r.unit.clone(), r.unit_definition.clone()),
    }
}

/// A column of the agreement table in the current language (CSV and JSON keep the identifiers).
fn column_head(id: &str) -> String {
    match id.strip_prefix("coded_by_") {
        Some(coder) => t!("agree-col-coded-by", coder = coder),
        None => t!("agree-col", col = id),
    }
}

/// Refuses a coder list naming the layer being written.
pub fn check_not_layer(coders: &[String], layer: &str) -> anyhow::Result<()> {
    if coders.iter().any(|c| c == layer) {
        bail!(t!("agree-layer-compared", layer = layer));
    }
    Ok(())
}
