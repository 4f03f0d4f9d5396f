//! The report as a Word document: the Markdown report laid out with Word's built-in styles (Heading 1–3, Quote,
//! List Paragraph, Caption, Table Grid), so it drops into a report template whose styles then take over.
//!
//! The Markdown (built-in or own template, already pseudonymised) is read with pulldown-cmark and written with docx-rs:
//! `#`/`##`/`###` become Heading 1/2/3, pipe tables real tables with a bold header row, `*”…”*` italic runs, `>` notes
//! Quote paragraphs, list items indented paragraphs. The figure, when given, goes before the first theme (the first
//! level-2 heading) as an inline PNG with a Caption paragraph below it.

use docx_rs::{
    AlignmentType, BreakType, Docx, LineSpacing, Paragraph, Pic, Run, RunFonts, Style, StyleType,
    Table, TableCell, TableRow, WidthType,
};
use pulldown_cmark::{Alignment, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

#[derive(Debug, thiserror::Error)]
#[error("writing the .docx: {0}")]
pub struct DocxError(String);

/// A picture with its caption.
pub struct Figure {
    pub png: Vec<u8>,
    pub width_px: u32,
    pub height_px: u32,
    pub caption: String,
}

/// Width of the figure on the page: 16 cm in EMU (914,400 per inch).
const FIGURE_EMU: u32 = 5_760_720;

/// Text width of an A4 page with Word's default margins, in twentieths of a point.
const TEXT_TWIPS: usize = 9_000;

fn styles(doc: Docx) -> Docx {
    let doc = doc.default_line_spacing(LineSpacing::new().after(120));
    let heading = |id: &str, name: &str, size: usize, level: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .bold()
            .size(size)
            .outline_lvl(level)
            .line_spacing(LineSpacing::new().before(240).after(80))
    };
    doc.add_style(heading("Heading1", "heading 1", 32, 0))
        .add_style(heading("Heading2", "heading 2", 26, 1))
        .add_style(heading("Heading3", "heading 3", 24, 2))
        .add_style(heading("Heading4", "heading 4", 22, 3))
        .add_style(
            Style::new("Quote", StyleType::Paragraph)
                .name("Quote")
                .based_on("Normal")
                .q_format(true)
                .italic()
                .indent(Some(567), None, Some(567), None),
        )
        .add_style(
            Style::new("ListParagraph", StyleType::Paragraph)
                .name("List Paragraph")
                .based_on("Normal")
                .q_format(true)
                .indent(Some(720), None, None, None),
        )
        .add_style(
            Style::new("Caption", StyleType::Paragraph)
                .name("caption")
                .based_on("Normal")
                .next("Normal")
                .q_format(true)
                .italic()
                .size(18),
        )
        .add_style(Style::new("TableGrid", StyleType::Table).name("Table Grid"))
}

#[derive(Default)]
struct Marks {
    italic: usize,
    bold: usize,
}

struct TableBuild {
    aligns: Vec<Alignment>,
    rows: Vec<TableRow>,
    cells: Vec<TableCell>,
    head: bool,
}

/// Turns Markdown events into document elements.
struct Builder {
    doc: Docx,
    para: Option<Paragraph>,
    marks: Marks,
    heading: Option<usize>,
    quote: usize,
    lists: usize,
    table: Option<TableBuild>,
    figure: Option<Figure>,
    /// A soft line break waits for the next text: before an attribution (`— Kommun A`) it becomes a real line break.
    soft: bool,
}

impl Builder {
    fn style(&self) -> Option<String> {
        if let Some(h) = self.heading {
            return Some(format!("Heading{}", h.min(4)));
        }
        if self.table.is_some() {
            None
        } else if self.quote > 0 {
            Some("Quote".into())
        } else if self.lists > 0 {
            Some("ListParagraph".into())
        } else {
            None
        }
    }

    fn open(&mut self) {
        if self.para.is_some() {
            return;
        }
        let mut p = Paragraph::new();
        if let Some(s) = self.style() {
            p = p.style(&s);
        }
        if self.lists > 1 {
            p = p.indent(Some(720 * self.lists as i32), None, None, None);
        }
        if let Some(t) = &self.table
            && t.aligns.get(t.cells.len()) == Some(&Alignment::Right)
        {
            p = p.align(AlignmentType::Right);
        }
        self.para = Some(p);
    }

    fn close(&mut self) {
        self.soft = false;
        let Some(p) = self.para.take() else { return };
        if let Some(t) = &mut self.table {
            let w = widths(t.aligns.len())
                .get(t.cells.len())
                .copied()
                .unwrap_or(1000);
            t.cells
                .push(TableCell::new().width(w, WidthType::Dxa).add_paragraph(p));
        } else {
            self.doc = std::mem::take(&mut self.doc).add_paragraph(p);
        }
    }

    fn run(&mut self, r: Run) {
        self.open();
        let bold = self.marks.bold > 0 || self.table.as_ref().is_some_and(|t| t.head);
        let mut r = r;
        if self.marks.italic > 0 {
            r = r.italic();
        }
        if bold {
            r = r.bold();
        }
        self.para = self.para.take().map(|p| p.add_run(r));
    }

    fn text(&mut self, t: &str) {
        if std::mem::take(&mut self.soft) {
            if t.starts_with('—') {
                self.run(Run::new().add_break(BreakType::TextWrapping));
            } else {
                self.run(Run::new().add_text(" "));
            }
        }
        self.run(Run::new().add_text(t));
    }

    fn figure(&mut self) {
        let Some(f) = self.figure.take() else { return };
        let h =
            (u64::from(FIGURE_EMU) * u64::from(f.height_px) / u64::from(f.width_px.max(1))) as u32;
        let pic = Pic::new_with_dimensions(f.png, f.width_px, f.height_px).size(FIGURE_EMU, h);
        let p = Paragraph::new()
            .keep_next(true)
            .add_run(Run::new().add_image(pic));
        let cap = Paragraph::new()
            .style("Caption")
            .add_run(Run::new().add_text(f.caption));
        self.doc = std::mem::take(&mut self.doc)
            .add_paragraph(p)
            .add_paragraph(cap);
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Heading { level, .. } => {
                self.close();
                if level == HeadingLevel::H2 {
                    self.figure();
                }
                self.heading = Some(level as usize);
                self.open();
            }
            Tag::Paragraph => self.open(),
            Tag::Emphasis => self.marks.italic += 1,
            Tag::Strong => self.marks.bold += 1,
            Tag::BlockQuote(_) => {
                self.close();
                self.quote += 1;
            }
            Tag::List(_) => {
                self.close();
                self.lists += 1;
            }
            Tag::Item => {
                self.close();
                self.open();
                self.text("• ");
            }
            Tag::Table(aligns) => {
                self.close();
                self.table = Some(TableBuild {
                    aligns,
                    rows: Vec::new(),
                    cells: Vec::new(),
                    head: false,
                });
            }
            Tag::TableHead => {
                if let Some(t) = &mut self.table {
                    t.head = true;
                }
            }
            Tag::TableCell => self.open(),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) => {
                self.close();
                self.heading = None;
            }
            TagEnd::Paragraph | TagEnd::Item => self.close(),
            TagEnd::Emphasis => self.marks.italic = self.marks.italic.saturating_sub(1),
            TagEnd::Strong => self.marks.bold = self.marks.bold.saturating_sub(1),
            TagEnd::BlockQuote(_) => {
                self.close();
                self.quote = self.quote.saturating_sub(1);
            }
            TagEnd::List(_) => {
                self.close();
                self.lists = self.lists.saturating_sub(1);
            }
            TagEnd::TableCell => {
                self.open();
                self.close();
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                if let Some(t) = &mut self.table {
                    let cells = std::mem::take(&mut t.cells);
                    t.rows.push(TableRow::new(cells).cant_split());
                    t.head = false;
                }
            }
            TagEnd::Table => {
                if let Some(t) = self.table.take() {
                    let grid = widths(t.aligns.len());
                    let table = Table::new(t.rows)
                        .style("TableGrid")
                        .set_grid(grid)
                        .width(TEXT_TWIPS, WidthType::Dxa);
                    self.doc = std::mem::take(&mut self.doc).add_table(table);
                }
            }
            _ => {}
        }
    }
}

/// Column widths of a table: the first (the code's name) gets a third of the width, the rest share the remainder.
fn widths(columns: usize) -> Vec<usize> {
    match columns {
        0 => Vec::new(),
        1 => vec![TEXT_TWIPS],
        n => {
            let first = TEXT_TWIPS / 3;
            let rest = (TEXT_TWIPS - first) / (n - 1);
            std::iter::once(first)
                .chain(std::iter::repeat_n(rest, n - 1))
                .collect()
        }
    }
}

/// The Word document for a Markdown report, with `figure` before the first theme.
pub fn from_markdown(md: &str, figure: Option<Figure>) -> Result<Vec<u8>, DocxError> {
    let mut b = Builder {
        doc: styles(Docx::new()),
        para: None,
        marks: Marks::default(),
        heading: None,
        quote: 0,
        lists: 0,
        table: None,
        figure,
        soft: false,
    };
    for ev in Parser::new_ext(md, Options::ENABLE_TABLES) {
        match ev {
            Event::Start(tag) => b.start(tag),
            Event::End(tag) => b.end(tag),
            Event::Text(t) => b.text(&t),
            Event::Code(t) => {
                b.text("");
                b.run(
                    Run::new()
                        .add_text(t.to_string())
                        .fonts(RunFonts::new().ascii("Consolas").hi_ansi("Consolas")),
                )
            }
            Event::SoftBreak => b.soft = true,
            Event::HardBreak => b.run(Run::new().add_break(BreakType::TextWrapping)),
            _ => {}
        }
    }
    b.close();
    b.figure();
    let mut out = std::io::Cursor::new(Vec::new());
    b.doc
        .build()
        .pack(&mut out)
        .map_err(|e| DocxError(e.to_string()))?;
    Ok(out.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn part(bytes: &[u8], name: &str) -> String {
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut s = String::new();
        z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
        s
    }

    #[test]
    fn headings_tables_quotes_and_figure() {
        let md = "# Djupintervjuer\n\nUnderlaget är tio intervjuer.\n\n> Obs: en not.\n\n## Hinder\n\n\
                  | Underkod | hög: kommuner |\n|:--|--:|\n| Resursbrist | 4/5 |\n\n\
                  *”Vi har för lite resurser \\* och tid.”*  \n— Kommun A, kommunchef\n\n- `id-1`, `id-2`\n";
        let fig = Figure {
            png: vec![137, 80, 78, 71, 13, 10, 26, 10],
            width_px: 200,
            height_px: 100,
            caption: "Figur 1. Andel.".into(),
        };
        let bytes = from_markdown(md, Some(fig)).unwrap();
        let doc = part(&bytes, "word/document.xml");
        assert!(
            doc.contains(r#"<w:pStyle w:val="Heading1" />"#) || doc.contains(r#"w:val="Heading1""#)
        );
        assert!(doc.contains(r#"w:val="Heading2""#));
        assert!(doc.contains("<w:tbl>"));
        assert!(doc.contains("Resursbrist") && doc.contains("4/5"));
        // Text may be split into several runs: compare the document's text without its tags.
        let mut plain = String::new();
        let mut in_tag = false;
        for c in doc.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => plain.push(c),
                _ => {}
            }
        }
        assert!(
            plain.contains("”Vi har för lite resurser * och tid.”"),
            "{plain}"
        );
        assert!(doc.contains("<w:i />") || doc.contains("<w:i/>"));
        assert!(doc.contains("— Kommun A, kommunchef"));
        assert!(doc.contains(r#"w:val="Caption""#) && doc.contains("Figur 1. Andel."));
        // The figure comes before the first theme heading.
        assert!(doc.find("Figur 1.").unwrap() < doc.find(">Hinder<").unwrap());
        let styles = part(&bytes, "word/styles.xml");
        assert!(styles.contains(r#"w:val="heading 1""#) && styles.contains(r#"w:val="caption""#));
    }
}
