use super::*;

/// (speaker, time, text) of each turn.
fn turns(d: &RawDoc) -> Vec<(String, String, String)> {
    d.turns
        .iter()
        .map(|t| {
            (
                t.speaker.clone(),
                t.time.clone().unwrap_or_default(),
                t.paragraphs.join(" / "),
            )
        })
        .collect()
}

fn t(speaker: &str, time: &str, text: &str) -> (String, String, String) {
    (speaker.into(), time.into(), text.into())
}

fn err_at(r: Result<RawDoc, ImportError>) -> (usize, String) {
    match r {
        Err(ImportError::At { line, message }) => (line, message),
        other => panic!("expected a line error, got {other:?}"),
    }
}

#[test]
fn times() {
    assert_eq!(parse_time("00:00:03.120"), Some(3_120));
    assert_eq!(parse_time("01:02:03,4"), Some(3_723_400));
    assert_eq!(parse_time("12:05.000"), Some(725_000));
    assert_eq!(parse_time("123:00:00.000"), Some(442_800_000));
    assert_eq!(parse_time("00:00"), Some(0));
    for bad in [
        "",
        "00:00:3.000",
        "00:60:00.000",
        "00:00:00.1234",
        "0x:00:00.000",
        "1.5",
    ] {
        assert_eq!(parse_time(bad), None, "{bad}");
    }
    assert_eq!(
        parse_timing("00:01:02.999 --> 00:01:05.000 align:start", 4)
            .unwrap()
            .as_deref(),
        Some("00:01:02")
    );
    assert_eq!(
        parse_timing("100:00:00.000 --> 100:00:01.000", 4).unwrap(),
        None
    );
    assert!(
        parse_timing("00:00:05.000 --> 00:00:04.000", 9)
            .unwrap_err()
            .to_string()
            .contains("line 9: the cue ends")
    );
    assert!(
        parse_timing("00:00:05.000 --> ", 2)
            .unwrap_err()
            .to_string()
            .contains("an end time")
    );
}

#[test]
fn markup_and_entities() {
    let s = segments(
        "<v.loud Anna Svensson>Hej <b>där</b>,</v> <v Bo>hej &amp; hå &lt;3 &#229;&#xE4;&ouml;</v>",
    );
    assert_eq!(
        s,
        vec![
            CuePart {
                speaker: Some("Anna Svensson".into()),
                text: "Hej där,".into()
            },
            CuePart {
                speaker: Some("Bo".into()),
                text: "hej & hå <3 åä&ouml;".into()
            },
        ]
    );
    let s = segments("{\\an8}a < b och c > d <00:00:01.000>e &lrm;f&nbsp;g <");
    assert_eq!(
        s,
        vec![CuePart {
            speaker: None,
            text: "a < b och c > d e f g <".into()
        }]
    );
    assert_eq!(voice("v"), None);
    assert_eq!(voice("video x"), None);
}

#[test]
fn vtt_cues_merge_by_speaker() {
    let vtt = "WEBVTT - Teams\nKind: captions\n\nSTYLE\n::cue { color: lime }\n\nREGION\nid:fred\n\n\
               a/1-0\n00:00:01.000 --> 00:00:02.000\n<v Anna>Hej</v>\n\n\
               NOTE en kommentar\n\n\
               00:00:02.500 --> 00:00:04.000\n<v Anna>och välkommen.</v>\n\n\
               a/2-0\n00:00:05.000 --> 00:00:06.000\n<v Bo>Tack.</v>\n\n\
               00:00:06.000 --> 00:00:07.000\nFortsätter utan tagg.\n";
    let d = read_vtt(vtt).unwrap();
    assert_eq!(
        turns(&d),
        vec![
            t("Anna", "00:00:01", "Hej och välkommen."),
            t("Bo", "00:00:05", "Tack. Fortsätter utan tagg.")
        ]
    );
}

#[test]
fn vtt_without_speakers_and_glued_cues() {
    let d = read_vtt("WEBVTT\n00:00:01.000 --> 00:00:02.000\nförsta\n\n2\n00:00:03.000 --> 00:00:04.000\nandra\n").unwrap();
    assert_eq!(turns(&d), vec![t("", "00:00:01", "första andra")]);
}

#[test]
fn zoom_labels_need_to_look_like_names_or_repeat() {
    let vtt = "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nanna.s: hej\n\n2\n00:00:02.000 --> 00:00:03.000\n\
               och sen: fortsatte hon\n\n3\n00:00:03.000 --> 00:00:04.000\nErik Ö: ja\n\n\
               4\n00:00:04.000 --> 00:00:05.000\nanna.s: precis\n";
    let d = read_vtt(vtt).unwrap();
    assert_eq!(
        turns(&d),
        vec![
            t("anna.s", "00:00:01", "hej och sen: fortsatte hon"),
            t("Erik Ö", "00:00:03", "ja"),
            t("anna.s", "00:00:04", "precis")
        ]
    );
}

#[test]
fn vtt_errors_name_the_line() {
    let (line, msg) = err_at(read_vtt("1\n00:00:01,000 --> 00:00:02,000\nhej\n"));
    assert_eq!(line, 1);
    assert!(msg.contains("WEBVTT"), "{msg}");
    let (line, msg) = err_at(read_vtt(
        "WEBVTT\n\nid-1\n00:00:01.000 -> 00:00:02.000\nhej\n",
    ));
    assert_eq!(line, 4);
    assert!(msg.contains("timing line"), "{msg}");
    let (line, msg) = err_at(read_vtt(
        "WEBVTT\n\n\n00:00:01.000 --> 00:00:02.000\nhej\n\nx\n00:0a:01.000 --> 00:00:02.000\n",
    ));
    assert_eq!(line, 8);
    assert!(msg.contains("start time"), "{msg}");
    assert!(read_vtt("WEBVTTX\n").is_err());
    assert_eq!(read_vtt("WEBVTT\n").unwrap().turns, Vec::new());
}

#[test]
fn srt_speaker_conventions() {
    let srt = "1\n00:00:01,000 --> 00:00:02,000\n[Intervjuare] Hur gick det?\n\n\
               2\n00:00:02,000 --> 00:00:03,000\n>> RESPONDENT: Bra.\n\n\
               3\n00:00:03,000 --> 00:00:04,000\n- Mycket bra.\n\n\
               4\n00:00:05,000 --> 00:00:06,000\n[skratt] <i>Verkligen</i>\n\nsom fortsätter efter en tom rad\n\n\
               5\n00:00:07,000 --> 00:00:08,000\n[Intervjuare]: Tack.\n";
    let d = read_srt(srt).unwrap();
    assert_eq!(
        turns(&d),
        vec![
            t("Intervjuare", "00:00:01", "Hur gick det?"),
            t(
                "RESPONDENT",
                "00:00:02",
                "Bra. Mycket bra. [skratt] Verkligen som fortsätter efter en tom rad"
            ),
            t("Intervjuare", "00:00:07", "Tack."),
        ]
    );
}

#[test]
fn srt_errors_name_the_line() {
    let (line, msg) = err_at(read_srt(
        "1\n00:00:01,000 --> 00:00:02,000\nhej\n\n2\nhej igen\n",
    ));
    assert_eq!(line, 6);
    assert!(msg.contains("00:00:01,000 --> 00:00:04,000"), "{msg}");
    let (line, _) = err_at(read_srt("Inte en undertext\n"));
    assert_eq!(line, 1);
    let (line, msg) = err_at(read_srt("\n\n7\n00:00:01,000 --> 00:00:0,000\n"));
    assert_eq!(line, 4);
    assert!(msg.contains("an end time"), "{msg}");
    assert!(
        read_srt("")
            .unwrap_err()
            .to_string()
            .contains("no subtitle cues")
    );
}
