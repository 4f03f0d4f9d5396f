use super::*;
use crate::store::import::RawTurn;
use std::io::Write;

const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#;

fn doc(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>{body}</w:body></w:document>"#
    )
}

/// Paragraph texts of a body, tables included, in order.
fn texts(body: &str) -> Vec<String> {
    parse_document(&doc(body))
        .unwrap()
        .into_iter()
        .map(|b| match b {
            Block::Text(t) => t,
            Block::Turn(t) => format!(
                "<{}|{}> {}",
                t.speaker,
                t.time.unwrap_or_default(),
                t.paragraphs.join(" / ")
            ),
        })
        .collect()
}

fn p(runs: &str) -> String {
    format!(
        "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>{runs}</w:p>"
    )
}

fn r(text: &str) -> String {
    format!("<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">{text}</w:t></w:r>")
}

fn zip(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, body) in files {
        w.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(body).unwrap();
    }
    w.finish().unwrap().into_inner()
}

const RELS: &str = r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

#[test]
fn runs_join_and_edge_whitespace_follows_xml_space() {
    let body = p(&format!(
        "{}<w:r><w:t>mations</w:t></w:r>{}<w:r><w:t>  utan bevarade blanksteg  </w:t></w:r>",
        r("infor"),
        r("säkerhet i ”stort” – ")
    ));
    assert_eq!(
        texts(&body),
        vec!["informationssäkerhet i ”stort” – utan bevarade blanksteg"]
    );
}

#[test]
fn tabs_breaks_symbols_and_entities() {
    let body = p(concat!(
        "<w:r><w:t>Anna:</w:t><w:tab/><w:t>rad ett</w:t><w:br/><w:t>rad två</w:t><w:cr/>",
        "<w:t>A&amp;O &#x201D;citat&#8221; 3&lt;4</w:t><w:noBreakHyphen/><w:t>x </w:t>",
        r#"<w:sym w:font="Wingdings" w:char="F0E0"/><w:sym w:font="Symbol" w:char="F0B1"/><w:sym w:font="Calibri" w:char="00E5"/></w:r>"#
    ));
    assert_eq!(
        texts(&body),
        vec!["Anna: rad ett\nrad två\nA&O ”citat” 3<4-x→±å"]
    );
}

#[test]
fn tracked_changes_fields_footnotes_and_fallbacks() {
    let body = p(concat!(
        "<w:r><w:t xml:space=\"preserve\">Vi </w:t></w:r>",
        "<w:del w:id=\"1\"><w:r><w:delText>inte </w:delText></w:r></w:del>",
        "<w:moveFrom w:id=\"2\"><w:r><w:t>flyttat </w:t></w:r></w:moveFrom>",
        "<w:ins w:id=\"3\"><w:r><w:t xml:space=\"preserve\">verkligen </w:t></w:r></w:ins>",
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> DATE \\@ \"yyyy\" </w:instrText></w:r>",
        "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>2024</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>",
        "<w:r><w:footnoteReference w:id=\"2\"/></w:r>",
        "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><w:txbxContent><w:p><w:r><w:t>Textruta</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>",
        "<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Textruta</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>",
        "<w:r><w:rPr><w:del w:id=\"9\"/></w:rPr><w:t>.</w:t></w:r>"
    ));
    assert_eq!(texts(&body), vec!["Textruta", "Vi verkligen 2024."]);
}

fn cell(text: &str) -> String {
    format!(
        "<w:tc><w:tcPr/>{}</w:tc>",
        text.split(" / ").map(|t| p(&r(t))).collect::<String>()
    )
}

fn row(cells: &[&str]) -> String {
    format!(
        "<w:tr>{}</w:tr>",
        cells.iter().map(|c| cell(c)).collect::<String>()
    )
}

fn table(rows: &[&[&str]]) -> String {
    format!(
        "<w:tbl><w:tblPr/>{}</w:tbl>",
        rows.iter().map(|r| row(r)).collect::<String>()
    )
}

#[test]
fn speaker_tables_become_turns() {
    let t = table(&[
        &["Talare", "Text"],
        &["Intervjuare:", "Hur började det?"],
        &["intervjuperson", "Med en incident. / Sedan kom resten."],
        &["", "Och så vidare."],
        &["Intervjuare", "Tack."],
    ]);
    assert_eq!(
        texts(&t),
        vec![
            "<Intervjuare|> Hur började det?",
            "<intervjuperson|> Med en incident. / Sedan kom resten.",
            "<|> Och så vidare.",
            "<Intervjuare|> Tack.",
        ]
    );
    let timed = table(&[
        &["Tid", "Talare", "Text"],
        &["[00:00:04]", "I", "Då börjar vi."],
        &["00:01:30", "IP", "Ja."],
    ]);
    assert_eq!(
        texts(&timed),
        vec!["<I|00:00:04> Då börjar vi.", "<IP|00:01:30> Ja."]
    );
    let stamped = table(&[&["00:00:04", "Anna: Hej."], &["00:00:09", "Bo: Hej hej."]]);
    assert_eq!(
        texts(&stamped),
        vec!["[00:00:04] Anna: Hej.", "[00:00:09] Bo: Hej hej."]
    );
}

#[test]
fn other_tables_become_rows_of_text() {
    let t = table(&[
        &["Kommun", "Invånare", "Grupp"],
        &["Kommun A", "12 000", "hög"],
        &["Kommun B", "8 500 / (2023)", "låg"],
    ]);
    assert_eq!(
        texts(&t),
        vec![
            "Kommun | Invånare | Grupp",
            "Kommun A | 12 000 | hög",
            "Kommun B | 8 500 (2023) | låg"
        ]
    );
    let pairs = table(&[
        &["Kommun A", "12 000"],
        &["Kommun B", "8 500"],
        &["Kommun C", "40 000"],
    ]);
    assert_eq!(texts(&pairs).len(), 3);
    assert!(texts(&pairs)[0].contains(" | "));
    let frame = table(&[&["Anna: Hej. / Bo: Hej hej."]]);
    assert_eq!(texts(&frame), vec!["Anna: Hej.", "Bo: Hej hej."]);
    let nested = format!(
        "<w:tbl><w:tr><w:tc>{}{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>",
        p(&r("Yttre")),
        table(&[&["a", "b"]]),
        p(&r("c"))
    );
    assert_eq!(texts(&nested), vec!["Yttre a | b | c"]);
}

#[test]
fn read_finds_turns_through_the_package() {
    let body = doc(&[
        p(&r("Intervju i Kommun Ö")),
        p(&r("Anna: Hej.")),
        p(&r("Fortsättning.")),
        p(&r("Bo: Hej hej.")),
    ]
    .concat());
    let bytes = zip(&[
        ("_rels/.rels", RELS.as_bytes()),
        ("word/document.xml", body.as_bytes()),
    ]);
    let d = read(&bytes).unwrap();
    let turns: Vec<(&str, usize)> = d
        .turns
        .iter()
        .map(|t| (t.speaker.as_str(), t.paragraphs.len()))
        .collect();
    assert_eq!(turns, vec![("", 1), ("Anna", 2), ("Bo", 1)]);
    assert_eq!(d.encoding, None);
    // Without relationships the usual part name is tried.
    let bare = zip(&[("word/document.xml", body.as_bytes())]);
    assert_eq!(read(&bare).unwrap().turns, d.turns);
    let moved = RELS.replace("word/document.xml", "/word/main.xml");
    let renamed = zip(&[
        ("_rels/.rels", moved.as_bytes()),
        ("word/main.xml", body.as_bytes()),
    ]);
    assert_eq!(
        read(&renamed).unwrap().turns[1],
        RawTurn {
            speaker: "Anna".into(),
            time: None,
            paragraphs: vec!["Hej.".into(), "Fortsättning.".into()]
        }
    );
}

fn refusal(bytes: &[u8]) -> String {
    read(bytes).unwrap_err().to_string()
}

#[test]
fn refuses_what_is_not_word() {
    assert_eq!(refusal(b""), "the file is empty");
    assert!(
        refusal(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest")
            .contains("old binary Word document (.doc)")
    );
    assert!(refusal(b"{\\rtf1\\ansi hej}").contains("RTF"));
    assert!(refusal("Intervjuare: hej".as_bytes()).contains("plain text"));
    assert!(refusal(b"PK\x03\x04trasig").contains("damaged ZIP"));
    let xlsx = RELS.replace("word/document.xml", "xl/workbook.xml");
    assert!(
        refusal(&zip(&[
            ("_rels/.rels", xlsx.as_bytes()),
            ("xl/workbook.xml", b"<x/>")
        ]))
        .contains("Excel")
    );
    let odt = zip(&[
        ("mimetype", b"application/vnd.oasis.opendocument.text"),
        ("content.xml", b"<x/>"),
    ]);
    assert!(refusal(&odt).contains("OpenDocument"));
    assert!(refusal(&zip(&[("a.txt", b"hej")])).contains("without word/document.xml"));
    let broken = zip(&[(
        "word/document.xml",
        doc("<w:p><w:r><w:t>ej stängd</w:r></w:p>").as_bytes(),
    )]);
    assert!(
        refusal(&broken).contains("not well-formed XML"),
        "{}",
        refusal(&broken)
    );
    let latin1 = zip(&[("word/document.xml", b"<w:document>\xe5</w:document>")]);
    assert!(refusal(&latin1).contains("not UTF-8"));
}

#[test]
fn large_parts_are_refused_as_zip_bombs() {
    let big = doc(&p(&r(&"a".repeat(20_000))));
    let bytes = zip(&[("word/document.xml", big.as_bytes())]);
    assert!(bytes.len() < 2_000, "compressed to {}", bytes.len());
    let mut archive = ZipArchive::new(Cursor::new(bytes.as_slice())).unwrap();
    let err = read_entry(&mut archive, "word/document.xml", 10_000)
        .unwrap_err()
        .to_string();
    assert!(err.contains("zip bomb"), "{err}");
    assert!(read_entry(&mut archive, "word/document.xml", 30_000).is_ok());
}

#[test]
fn symbols_outside_symbol_fonts_are_kept() {
    assert_eq!(symbol(Some("Wingdings"), Some("F0FC")), '✓');
    assert_eq!(symbol(Some("Times New Roman"), Some("F041")), 'A');
    assert_eq!(symbol(Some("Wingdings"), Some("F041")), '\u{fffd}');
    assert_eq!(symbol(None, Some("zz")), '\u{fffd}');
    assert_eq!(symbol(Some("Arial"), Some("2192")), '→');
}
