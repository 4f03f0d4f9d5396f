//! `kodbok export segments`: every coded segment with its case attributes, pseudonymised, as CSV, JSON or xlsx;
//! `export qdpx|qdc` go to the REFI-QDA commands.

use super::Ctx;
use super::office::{TableFormat, write_xlsx, xlsx_out};
use super::summary::{LayerArgs, emit, pseudonyms, render_rows_with, warn_skipped};
use crate::analysis::export;
use crate::analysis::xlsx::Sheet;
use anyhow::bail;
use clap::{Args, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct ExportArgs {
    #[command(subcommand)]
    pub what: ExportWhat,
}

#[derive(Subcommand, Debug)]
pub enum ExportWhat {
    /// Every coded segment of the layer: id, doc, case, the case's attributes, role, speaker, turn, code,
    /// code_path, coder, memo, quote, start, end, layer
    Segments(SegmentsExportArgs),
    /// The whole study as a REFI-QDA project (.qdpx) for NVivo, MAXQDA, ATLAS.ti, QualCoder…
    Qdpx(super::refi::QdpxArgs),
    /// The codebook alone as a REFI-QDA codebook (.qdc)
    Qdc(super::refi::QdcArgs),
}

#[derive(Args, Debug)]
pub struct SegmentsExportArgs {
    /// csv, json, or xlsx (an Excel workbook with one sheet, needs --out)
    #[arg(long, value_enum, default_value_t = TableFormat::Csv)]
    pub format: TableFormat,
    /// Write to this file (atomically) instead of standard output
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub layer: LayerArgs,
}

pub fn run(a: &ExportArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let a = match &a.what {
        ExportWhat::Segments(s) => s,
        ExportWhat::Qdpx(q) => return super::refi::export_qdpx(q, ctx),
        ExportWhat::Qdc(q) => return super::refi::export_qdc(q, ctx),
    };
    if a.format == TableFormat::Table {
        bail!(
            "export writes csv or json, not a table (use `kodbok segments` to read segments in the terminal)"
        );
    }
    let p = ctx.open()?;
    let layer = a.layer.layer(ctx)?;
    let map = pseudonyms(&p)?;
    let (mut rows, skipped) = export::segments(&p, &layer)?;
    warn_skipped(&skipped);
    rows.iter_mut().for_each(|r| map.apply_value(r));
    let Some(format) = a.format.text() else {
        let mut sheet = Sheet::new("segments", rows);
        sheet.columns = export::columns(&p);
        write_xlsx(&map, &[sheet], xlsx_out(a.out.as_deref())?)?;
        return Ok(ExitCode::SUCCESS);
    };
    let text = render_rows_with(format, &rows, &export::columns(&p))?;
    emit(&map, &text, a.out.as_deref())?;
    Ok(ExitCode::SUCCESS)
}
