//! Figures drawn with plotters: the themes chart (share of each group's cases per code, bars side by side) and the
//! saturation curve, as SVG and as PNG (for the .docx).
//!
//! Text is laid out and rasterised with the DejaVu Sans font shipped in `src/analysis/fonts/` (Bitstream Vera
//! licence, `DejaVuSans.LICENSE` beside it), so the figures need no system fonts. Every group has its own fill
//! (solid, hatched, dotted…) and every bar its group name and k/n, so the figure reads in black and white.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::sync::OnceLock;

/// The font every figure uses.
const FONT: &[u8] = include_bytes!("fonts/DejaVuSans.ttf");
const FAMILY: &str = "sans-serif";

#[derive(Debug, thiserror::Error)]
#[error("drawing the figure: {0}")]
pub struct ChartError(String);

fn err(e: impl std::fmt::Debug) -> ChartError {
    ChartError(format!("{e:?}"))
}

/// Registers the shipped font once (plotters' ab_glyph text backend draws only registered fonts).
fn font_ready() -> Result<(), ChartError> {
    static DONE: OnceLock<bool> = OnceLock::new();
    let ok = *DONE
        .get_or_init(|| plotters::style::register_font(FAMILY, FontStyle::Normal, FONT).is_ok());
    if ok {
        Ok(())
    } else {
        Err(ChartError("the shipped font could not be read".into()))
    }
}

/// One bar: k of n cases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bar {
    pub k: usize,
    pub n: usize,
}

impl Bar {
    pub fn share(self) -> f64 {
        if self.n == 0 {
            0.0
        } else {
            self.k as f64 / self.n as f64
        }
    }
}

/// One code of the themes chart.
#[derive(Debug, Clone)]
pub struct BarRow {
    pub label: String,
    /// 0 for a theme.
    pub depth: usize,
    /// One bar per group, in group order.
    pub bars: Vec<Bar>,
}

/// The themes chart: codes down, one bar per group.
#[derive(Debug, Clone)]
pub struct BarChart {
    pub title: String,
    pub groups: Vec<String>,
    pub rows: Vec<BarRow>,
    /// "25 %" (Swedish) or "25%".
    pub percent_space: bool,
}

const WIDTH: u32 = 900;
const BAR_H: i32 = 12;
const TOP: i32 = 64;

impl BarChart {
    fn row_height(&self, r: &BarRow) -> i32 {
        self.groups.len().max(1) as i32 * BAR_H + if r.depth == 0 { 16 } else { 6 }
    }

    /// Width and height in (unscaled) pixels.
    pub fn size(&self) -> (u32, u32) {
        let body: i32 = self.rows.iter().map(|r| self.row_height(r)).sum();
        (WIDTH, (TOP + body + 40) as u32)
    }

    /// The chart as an SVG document.
    pub fn svg(&self) -> Result<String, ChartError> {
        font_ready()?;
        let mut out = String::new();
        {
            let root = SVGBackend::with_string(&mut out, self.size()).into_drawing_area();
            self.draw(&root, 1)?;
            root.present().map_err(err)?;
        }
        Ok(out)
    }

    /// The chart as a PNG at twice the SVG's pixel size, with its width and height.
    pub fn png(&self) -> Result<(Vec<u8>, u32, u32), ChartError> {
        font_ready()?;
        let (w, h) = self.size();
        let (w, h) = (w * 2, h * 2);
        raster(w, h, |root| self.draw(root, 2))
    }

    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        s: i32,
    ) -> Result<(), ChartError> {
        root.fill(&WHITE).map_err(err)?;
        let font = |px: i32| (FAMILY, (px * s) as f64).into_font().color(&BLACK);
        let label_w = self
            .rows
            .iter()
            .map(|r| {
                root.estimate_text_size(&indent(r), &font(12))
                    .map_or(0, |x| x.0 as i32)
            })
            .max()
            .unwrap_or(0)
            .clamp(80 * s, 330 * s);
        let x0 = 10 * s + label_w + 10 * s;
        let x1 = (WIDTH as i32 - 110) * s;
        root.draw(&Text::new(self.title.clone(), (10 * s, 10 * s), font(15)))
            .map_err(err)?;
        let mut lx = 10 * s;
        for (g, name) in self.groups.iter().enumerate() {
            let y = 36 * s;
            fill_bar(root, g, (lx, y), (lx + 28 * s, y + 12 * s), s)?;
            root.draw(&Text::new(name.clone(), (lx + 34 * s, y), font(12)))
                .map_err(err)?;
            let w = root
                .estimate_text_size(name, &font(12))
                .map_or(60, |x| x.0 as i32);
            lx += 34 * s + w + 24 * s;
        }
        let body_top = TOP * s;
        let mut y = body_top;
        for r in &self.rows {
            let h = self.row_height(r) * s;
            let top = y + h - self.groups.len() as i32 * BAR_H * s - 4 * s;
            let mid = top + self.groups.len() as i32 * BAR_H * s / 2;
            let style = font(12).pos(Pos::new(HPos::Left, VPos::Center));
            root.draw(&Text::new(indent(r), (10 * s, mid), style))
                .map_err(err)?;
            for (g, b) in r.bars.iter().enumerate() {
                let by = top + g as i32 * BAR_H * s;
                let end = x0 + ((x1 - x0) as f64 * b.share()).round() as i32;
                fill_bar(
                    root,
                    g,
                    (x0, by + s),
                    (end.max(x0 + s), by + (BAR_H - 2) * s),
                    s,
                )?;
                let name = self.groups.get(g).map_or("", String::as_str);
                let text = format!("{name} {}/{}", b.k, b.n);
                let style = font(10).pos(Pos::new(HPos::Left, VPos::Center));
                root.draw(&Text::new(text, (end + 5 * s, by + (BAR_H / 2) * s), style))
                    .map_err(err)?;
            }
            y += h;
        }
        self.axis(root, s, (x0, x1), (body_top, y))
    }

    fn axis<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        s: i32,
        (x0, x1): (i32, i32),
        (top, bottom): (i32, i32),
    ) -> Result<(), ChartError> {
        let grid = RGBColor(190, 190, 190).stroke_width(s as u32);
        let line = BLACK.stroke_width(s as u32);
        for i in 0..=4 {
            let x = x0 + (x1 - x0) * i / 4;
            let style = if i == 0 { line } else { grid };
            root.draw(&PathElement::new(vec![(x, top), (x, bottom)], style))
                .map_err(err)?;
            let label = if self.percent_space {
                format!("{} %", i * 25)
            } else {
                format!("{}%", i * 25)
            };
            let f = (FAMILY, (11 * s) as f64)
                .into_font()
                .color(&BLACK)
                .pos(Pos::new(HPos::Center, VPos::Top));
            root.draw(&Text::new(label, (x, bottom + 6 * s), f))
                .map_err(err)?;
        }
        root.draw(&PathElement::new(vec![(x0, bottom), (x1, bottom)], line))
            .map_err(err)?;
        Ok(())
    }
}

fn indent(r: &BarRow) -> String {
    if r.depth == 0 {
        r.label.clone()
    } else {
        format!("{}› {}", "   ".repeat(r.depth), r.label)
    }
}

/// A bar in group `g`'s fill: solid dark, hatched, dotted, light grey, cross-hatched; always outlined.
fn fill_bar<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    g: usize,
    (ax, ay): (i32, i32),
    (bx, by): (i32, i32),
    s: i32,
) -> Result<(), ChartError> {
    let dark = RGBColor(45, 45, 45);
    let fill = match g % 5 {
        0 => dark.filled(),
        3 => RGBColor(200, 200, 200).filled(),
        _ => WHITE.filled(),
    };
    root.draw(&Rectangle::new([(ax, ay), (bx, by)], fill))
        .map_err(err)?;
    let pen = dark.stroke_width(s.max(1) as u32);
    let step = 5 * s;
    let h = by - ay;
    match g % 5 {
        1 | 4 => {
            // Diagonal hatching, clipped to the bar.
            let mut x = ax - h;
            while x < bx {
                let (sx, sy) = (x.max(ax), ay + (x.max(ax) - x));
                let (ex, ey) = ((x + h).min(bx), ay + ((x + h).min(bx) - x));
                if ex > sx {
                    root.draw(&PathElement::new(vec![(sx, sy), (ex, ey)], pen))
                        .map_err(err)?;
                }
                x += step;
            }
            if g % 5 == 4 {
                let mid = (ay + by) / 2;
                root.draw(&PathElement::new(vec![(ax, mid), (bx, mid)], pen))
                    .map_err(err)?;
            }
        }
        2 => {
            let mut x = ax + 2 * s;
            while x < bx - s {
                root.draw(&Circle::new((x, (ay + by) / 2), s, dark.filled()))
                    .map_err(err)?;
                x += 4 * s;
            }
        }
        _ => {}
    }
    root.draw(&Rectangle::new([(ax, ay), (bx, by)], pen))
        .map_err(err)?;
    Ok(())
}

/// Draws into an RGB buffer and encodes it as PNG.
fn raster(
    w: u32,
    h: u32,
    draw: impl FnOnce(&DrawingArea<BitMapBackend, Shift>) -> Result<(), ChartError>,
) -> Result<(Vec<u8>, u32, u32), ChartError> {
    let mut buf = vec![255u8; (w * h * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut buf, (w, h)).into_drawing_area();
        draw(&root)?;
        root.present().map_err(err)?;
    }
    let mut png_bytes = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut png_bytes, w, h);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        let mut writer = enc.write_header().map_err(err)?;
        writer.write_image_data(&buf).map_err(err)?;
        writer.finish().map_err(err)?;
    }
    Ok((png_bytes, w, h))
}

/// One line of a line chart: a name and y per x = 1, 2, ….
#[derive(Debug, Clone)]
pub struct Line {
    pub name: String,
    pub values: Vec<usize>,
}

/// A line chart with a marker style and a label per line (the saturation curve).
#[derive(Debug, Clone)]
pub struct LineChart {
    pub title: String,
    pub x_label: String,
    pub y_label: String,
    pub lines: Vec<Line>,
}

impl LineChart {
    pub fn svg(&self) -> Result<String, ChartError> {
        font_ready()?;
        let mut out = String::new();
        {
            let root = SVGBackend::with_string(&mut out, (820, 480)).into_drawing_area();
            self.draw(&root)?;
            root.present().map_err(err)?;
        }
        Ok(out)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> Result<(), ChartError> {
        root.fill(&WHITE).map_err(err)?;
        let xmax = self
            .lines
            .iter()
            .map(|l| l.values.len())
            .max()
            .unwrap_or(0)
            .max(1);
        let ymax = self
            .lines
            .iter()
            .flat_map(|l| l.values.iter().copied())
            .max()
            .unwrap_or(0)
            .max(1);
        let mut chart = ChartBuilder::on(root)
            .caption(&self.title, (FAMILY, 16))
            .margin(12)
            .margin_right(120)
            .x_label_area_size(40)
            .y_label_area_size(50)
            .build_cartesian_2d(0usize..xmax + 1, 0usize..ymax + ymax / 10 + 1)
            .map_err(err)?;
        chart
            .configure_mesh()
            .x_desc(&self.x_label)
            .y_desc(&self.y_label)
            .label_style((FAMILY, 12))
            .light_line_style(RGBColor(230, 230, 230))
            .draw()
            .map_err(err)?;
        for (i, l) in self.lines.iter().enumerate() {
            let pts: Vec<(usize, usize)> = l
                .values
                .iter()
                .enumerate()
                .map(|(x, y)| (x + 1, *y))
                .collect();
            let dark = RGBColor(45, 45, 45);
            let style = dark.stroke_width(if i == 0 { 2 } else { 1 });
            chart
                .draw_series(LineSeries::new(pts.clone(), style))
                .map_err(err)?;
            match i % 3 {
                0 => chart.draw_series(pts.iter().map(|p| Circle::new(*p, 4, dark.filled()))),
                1 => chart.draw_series(
                    pts.iter()
                        .map(|p| TriangleMarker::new(*p, 5, dark.stroke_width(1))),
                ),
                _ => chart.draw_series(pts.iter().map(|p| Cross::new(*p, 4, dark.stroke_width(1)))),
            }
            .map_err(err)?;
            if let Some(last) = pts.last() {
                let f = (FAMILY, 12)
                    .into_font()
                    .color(&BLACK)
                    .pos(Pos::new(HPos::Left, VPos::Center));
                let pos = chart.backend_coord(last);
                root.draw(&Text::new(
                    format!("{} ({})", l.name, last.1),
                    (pos.0 + 8, pos.1 + 4 * i as i32),
                    f,
                ))
                .map_err(err)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart() -> BarChart {
        BarChart {
            title: "Andel kommuner".into(),
            groups: vec!["hög".into(), "låg".into()],
            rows: vec![
                BarRow {
                    label: "Hinder".into(),
                    depth: 0,
                    bars: vec![Bar { k: 2, n: 5 }, Bar { k: 5, n: 5 }],
                },
                BarRow {
                    label: "Resursbrist".into(),
                    depth: 1,
                    bars: vec![Bar { k: 0, n: 5 }, Bar { k: 4, n: 5 }],
                },
            ],
            percent_space: true,
        }
    }

    #[test]
    fn svg_has_a_labelled_bar_per_code_and_group() {
        let svg = chart().svg().unwrap();
        for label in [
            "hög 2/5",
            "låg 5/5",
            "hög 0/5",
            "låg 4/5",
            "50 %",
            "Resursbrist",
        ] {
            assert!(svg.contains(label), "{label} missing");
        }
        assert!(svg.starts_with("<svg") || svg.contains("<svg"));
    }

    #[test]
    fn png_is_a_png_of_twice_the_size() {
        let c = chart();
        let (bytes, w, h) = c.png().unwrap();
        assert!(bytes.starts_with(&[137, 80, 78, 71]));
        assert_eq!((w, h), (c.size().0 * 2, c.size().1 * 2));
        let dec = png::Decoder::new(std::io::Cursor::new(bytes));
        let reader = dec.read_info().unwrap();
        assert_eq!(reader.info().width, w);
    }

    #[test]
    fn line_chart_labels_each_line() {
        let l = LineChart {
            title: "Mättnad".into(),
            x_label: "intervju".into(),
            y_label: "koder".into(),
            lines: vec![
                Line {
                    name: "hög".into(),
                    values: vec![3, 5, 6],
                },
                Line {
                    name: "låg".into(),
                    values: vec![2, 2],
                },
            ],
        };
        let svg = l.svg().unwrap();
        assert!(svg.contains("hög (6)") && svg.contains("låg (2)"));
    }
}
