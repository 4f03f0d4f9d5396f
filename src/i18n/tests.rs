//! Checks of the catalogues: they parse, both languages hold the same keys and variables, and every
//! key the sources use exists.

use super::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Message ids (column-0 identifiers followed by `=`) of a Fluent source, with the `$variables`
/// each message's text uses.
fn messages(src: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in src.lines() {
        let starts_entry = line.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
        if starts_entry {
            let id = line.split('=').next().unwrap_or("").trim().to_string();
            out.insert(id.clone(), BTreeSet::new());
            current = Some(id);
        } else if line.starts_with('#') || line.starts_with('-') {
            current = None;
            continue;
        }
        if let Some(id) = &current {
            let vars = line.split('$').skip(1).map(|rest| {
                rest.chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                    .collect::<String>()
            });
            out.get_mut(id).unwrap().extend(vars);
        }
    }
    out
}

fn catalogue(lang: Lang, area: &str) -> &'static str {
    CATALOGUES
        .iter()
        .find(|(l, a, _)| *l == lang && *a == area)
        .map(|(_, _, src)| *src)
        .unwrap()
}

#[test]
fn every_catalogue_parses_without_errors() {
    for (lang, area, src) in CATALOGUES {
        if let Err((_, errors)) = FluentResource::try_new(src.to_string()) {
            panic!("{lang}/{area}.ftl: {errors:?}");
        }
        let mut b = Bundle::new_concurrent(vec![lang.code().parse().unwrap()]);
        let res = FluentResource::try_new(src.to_string()).unwrap();
        b.add_resource(res)
            .unwrap_or_else(|e| panic!("{lang}/{area}.ftl: {e:?}"));
    }
}

#[test]
fn both_languages_hold_the_same_keys_and_variables_per_area() {
    for area in ["cli", "tui"] {
        let en = messages(catalogue(Lang::En, area));
        let sv = messages(catalogue(Lang::Sv, area));
        let en_keys: BTreeSet<_> = en.keys().collect();
        let sv_keys: BTreeSet<_> = sv.keys().collect();
        let only_en: Vec<_> = en_keys.difference(&sv_keys).collect();
        let only_sv: Vec<_> = sv_keys.difference(&en_keys).collect();
        assert!(only_en.is_empty(), "{area}: only in English: {only_en:?}");
        assert!(only_sv.is_empty(), "{area}: only in Swedish: {only_sv:?}");
        for (key, vars) in &en {
            assert_eq!(vars, &sv[key], "{area}: variables of {key} differ");
        }
    }
}

#[test]
fn keys_are_unique_across_areas() {
    for lang in Lang::ALL {
        let mut seen = BTreeMap::new();
        for (l, area, src) in CATALOGUES {
            if l != lang {
                continue;
            }
            for key in messages(src).into_keys() {
                if let Some(other) = seen.insert(key.clone(), area) {
                    panic!("{lang}: {key} is in both {other}.ftl and {area}.ftl");
                }
            }
        }
    }
}

/// The keys of `t!("…")` and `t_in!(lang, "…")` calls in a Rust source.
fn keys_used(src: &str) -> Vec<String> {
    let mut keys = Vec::new();
    for (mac, skip_first_arg) in [("t!(", false), ("t_in!(", true)] {
        for (i, _) in src.match_indices(mac) {
            let before = src[..i].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let mut rest = &src[i + mac.len()..];
            if skip_first_arg {
                rest = rest.split_once(',').map_or("", |(_, r)| r);
            }
            let rest = rest.trim_start();
            if let Some(after) = rest.strip_prefix('"') {
                let close = after.find('"').unwrap_or(after.len());
                keys.push(after[..close].to_string());
            }
        }
    }
    keys
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_key_used_in_the_sources_exists_in_both_languages() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut missing = Vec::new();
    for file in files {
        if file.ends_with("i18n.rs") || file.ends_with("i18n/tests.rs") {
            continue;
        }
        let src = std::fs::read_to_string(&file).unwrap();
        for key in keys_used(&src) {
            for lang in Lang::ALL {
                if !has_key(lang, &key) {
                    missing.push(format!("{}: {key} ({lang})", file.display()));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "keys missing from a catalogue:\n{}",
        missing.join("\n")
    );
}

#[test]
fn the_scanner_finds_keys_in_both_macro_forms() {
    let src = r#"let a = t!("one"); let b = t!( "two", n = 3); let c = t_in!(lang(), "three");
        let d = format!("x"); let e = crate::t!(
            "four",
            n = 1,
        );"#;
    assert_eq!(keys_used(src), ["one", "two", "four", "three"]);
}

#[test]
fn plurals_follow_each_language() {
    assert_eq!(t_in!(Lang::En, "cases-count", n = 1), "1 case");
    assert_eq!(t_in!(Lang::En, "cases-count", n = 2), "2 cases");
    assert_eq!(t_in!(Lang::Sv, "cases-count", n = 1), "1 fall");
    assert_eq!(t_in!(Lang::Sv, "cases-count", n = 2), "2 fall");
    assert_eq!(t_in!(Lang::Sv, "interviews-count", n = 5), "5 intervjuer");
}

#[test]
fn no_isolation_marks_reach_the_text() {
    let s = t_in!(Lang::Sv, "lang-unknown", value = "fr");
    assert_eq!(s, "okänt språk fr: använd sv eller en");
    assert!(!s.contains(['\u{2068}', '\u{2069}']));
}

#[test]
fn with_lang_overrides_this_thread_only_and_restores() {
    with_lang(Lang::Sv, || {
        assert_eq!(lang(), Lang::Sv);
        assert_eq!(t!("cases-count", n = 3), "3 fall");
        with_lang(Lang::En, || assert_eq!(t!("cases-count", n = 3), "3 cases"));
        assert_eq!(lang(), Lang::Sv);
        let other = std::thread::spawn(|| OVERRIDE.with(Cell::get))
            .join()
            .unwrap();
        assert_eq!(other, None);
    });
}

#[test]
fn an_unknown_key_falls_back_to_the_key() {
    assert_eq!(tr_in(Lang::Sv, "no-such-key", &[]), "no-such-key");
}

#[test]
fn the_language_comes_from_flag_then_kodbok_lang_then_locale() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |k: &str| {
            pairs
                .iter()
                .find(|(key, _)| *key == k)
                .map(|(_, v)| v.to_string())
        }
    };
    let sv_locale = env(&[("LANG", "sv_SE.UTF-8")]);
    assert_eq!(Lang::detect_with(Some(Lang::En), sv_locale), Lang::En);
    assert_eq!(Lang::detect_with(None, sv_locale), Lang::Sv);
    let kodbok = env(&[("KODBOK_LANG", "en"), ("LANG", "sv_SE.UTF-8")]);
    assert_eq!(Lang::detect_with(None, kodbok), Lang::En);
    // LC_ALL wins over LANG; an empty one is skipped.
    let lc_all = env(&[("LC_ALL", "C"), ("LANG", "sv_SE.UTF-8")]);
    assert_eq!(Lang::detect_with(None, lc_all), Lang::En);
    let empty = env(&[("LC_ALL", ""), ("LC_MESSAGES", "sv_FI"), ("LANG", "en_GB")]);
    assert_eq!(Lang::detect_with(None, empty), Lang::Sv);
    assert_eq!(Lang::detect_with(None, env(&[])), Lang::En);
    // A KODBOK_LANG that names no language is passed over.
    let bad = env(&[("KODBOK_LANG", "fr"), ("LANG", "sv_SE")]);
    assert_eq!(Lang::detect_with(None, bad), Lang::Sv);
}

#[test]
fn languages_parse_leniently() {
    assert_eq!("sv".parse::<Lang>(), Ok(Lang::Sv));
    assert_eq!("SV_se.utf8".parse::<Lang>(), Ok(Lang::Sv));
    assert_eq!("en-GB".parse::<Lang>(), Ok(Lang::En));
    assert!("de".parse::<Lang>().is_err());
}

/// String literals in a Rust source (before its `#[cfg(test)]`) that read as English running text: two
/// words with a space between them, once `{…}` placeholders are taken out. Lines that are comments,
/// attributes, log calls or catalogue look-ups are passed over. Returns (line number, literal).
fn english_literals(src: &str) -> Vec<(usize, String)> {
    let code = src.split("#[cfg(test)]").next().unwrap_or("");
    let skip = [
        "tracing::",
        "expect(",
        "panic!",
        "debug_assert",
        "unreachable!",
    ];
    let mut out = Vec::new();
    // Inside a multi-line attribute (`#[error(\n "…"\n)]`): the English `Display` of a typed error.
    let mut in_attr = false;
    for (n, line) in code.lines().enumerate() {
        let trimmed = line.trim_start();
        if in_attr {
            in_attr = !trimmed.starts_with(")]");
            continue;
        }
        if trimmed.starts_with("#[") {
            in_attr = !trimmed.trim_end().ends_with(']');
            continue;
        }
        if trimmed.starts_with("//") {
            continue;
        }
        let macro_call = !keys_used(line).is_empty();
        if macro_call || skip.iter().any(|s| line.contains(s)) {
            continue;
        }
        for lit in literals(line) {
            if reads_as_text(&lit) {
                out.push((n + 1, lit));
            }
        }
    }
    out
}

/// The contents of the `"…"` literals of one line (escapes kept as written).
fn literals(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = line.chars().peekable();
    let mut prev = ' ';
    while let Some(c) = chars.next() {
        // A char literal such as '"' is not the start of a string.
        if c == '"' && prev != '\'' {
            let mut lit = String::new();
            while let Some(d) = chars.next() {
                match d {
                    '\\' => {
                        lit.push(d);
                        lit.extend(chars.next());
                    }
                    '"' => break,
                    _ => lit.push(d),
                }
            }
            out.push(lit);
            prev = '"';
        } else {
            prev = c;
        }
    }
    out
}

/// Two words of two or more letters with a space between them, placeholders taken out.
fn reads_as_text(lit: &str) -> bool {
    let mut plain = String::new();
    let mut depth = 0;
    for c in lit.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth = (depth as i32 - 1).max(0) as usize,
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let is_word = |w: &str| w.chars().filter(|c| c.is_alphabetic()).count() >= 2;
    plain
        .split_whitespace()
        .collect::<Vec<_>>()
        .windows(2)
        .any(|w| is_word(w[0]) && is_word(w[1]))
}

/// Literals that reach no user as prose: file formats and names the workbench writes or reads.
const NOT_PROSE: [(&str, &str); 1] = [
    // The Include:/Exclude: layout of a code's description is a file format, the same in both languages.
    ("update/codebook.rs", "{}\\n\\nInclude: {}\\nExclude: {}"),
];

/// The workbench's own files, except the search pane and its updates (their messages are another helper's).
fn workbench_sources() -> Vec<std::path::PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![root.join("tui.rs")];
    rust_files(&root.join("tui"), &mut files);
    files.sort();
    files
}

#[test]
fn no_english_text_reaches_the_workbench_outside_the_catalogues() {
    let mut found = Vec::new();
    for file in workbench_sources() {
        let src = std::fs::read_to_string(&file).unwrap();
        for (line, lit) in english_literals(&src) {
            let allowed = NOT_PROSE
                .iter()
                .any(|(f, l)| file.to_string_lossy().ends_with(f) && *l == lit);
            if !allowed {
                found.push(format!("{}:{line}: \"{lit}\"", file.display()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "text for the user belongs in src/i18n/{{en,sv}}/tui.ftl (use t!):\n{}",
        found.join("\n")
    );
}

/// Where the store, the agreement statistics and the charts say what went wrong or what a figure shows: their
/// words reach users through typed kinds worded in `messages` or through the catalogues. The importers and the
/// REFI exchange files (other work) are not scanned yet.
fn library_sources() -> Vec<std::path::PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![root.join("store.rs"), root.join("agreement.rs")];
    rust_files(&root.join("store"), &mut files);
    rust_files(&root.join("agreement"), &mut files);
    rust_files(&root.join("messages"), &mut files);
    for f in [
        "messages.rs",
        "analysis/saturation.rs",
        "analysis/chart.rs",
        "analysis/xlsx.rs",
        "cli/agree.rs",
        "cli/saturation.rs",
        "cli/office.rs",
    ] {
        files.push(root.join(f));
    }
    // Importers and REFI files are other work.
    let skipped = ["store/import", "store/refi", "store/sample"];
    files.retain(|f| !skipped.iter().any(|s| f.to_string_lossy().contains(s)));
    files.sort();
    files
}

/// English literals the library keeps on purpose, by file and start of the text: the explanations `agree --format
/// json` and `saturation --format json` carry (the table, the workbook and the workbench word them from the
/// catalogues), the English `Display` of merge conflicts (their JSON `message`), what a parser says that kodbok
/// looks for, what only a developer reads, and the lock file's own line.
const LIBRARY_NOT_PROSE: [(&str, &str); 30] = [
    ("store/merge.rs", "the top level"),
    ("store/merge.rs", "{} in {} characters {}–{}, memo {:?}"),
    ("agreement/overlap.rs", "one unit per coded segment"),
    ("agreement/overlap.rs", "segments that agree"),
    ("agreement/overlap.rs", "null"),
    ("agreement/overlap.rs", "all segments of all"),
    ("agreement/report.rs", "percentile interval"),
    ("agreement/report.rs", "the domain's child codes"),
    ("agreement/report.rs", "every code ×"),
    ("agreement/report.rs", "mean over units"),
    ("agreement/report.rs", "Cohen (1960)"),
    ("agreement/report.rs", "Krippendorff (2011)"),
    ("agreement/report.rs", "Brennan & Prediger"),
    ("agreement/report.rs", "Gwet (2008)"),
    ("agreement/units.rs", "one unit per speaker turn"),
    ("agreement/units.rs", "one unit per sentence"),
    ("agreement/units.rs", "one unit per character"),
    ("analysis/saturation.rs", "coded: "),
    ("analysis/saturation.rs", "given: "),
    ("analysis/chart.rs", "the shipped font"),
    ("cli/saturation.rs", "%Y-%m-%d %H:%M"),
    ("store/lock.rs", "%Y-%m-%d %H:%M:%S"),
    ("store/lock.rs", "another kodbok process"),
    ("store/lock.rs", "kodbok pid "),
    ("store/batches.rs", "internal: "),
    ("store/coders.rs", "internal: "),
    ("store/problem.rs", "; the quote is"),
    ("store/project.rs", "recursion limit"),
    ("store.rs", " at line "),
    ("store/problem.rs", "\\n  line "),
];

#[test]
fn no_english_text_reaches_users_from_the_store_agreement_or_charts() {
    let mut found = Vec::new();
    for file in library_sources() {
        let src = std::fs::read_to_string(&file).unwrap();
        for (line, lit) in english_literals(&src) {
            let named = file.to_string_lossy();
            let allowed = LIBRARY_NOT_PROSE
                .iter()
                .any(|(f, l)| named.ends_with(f) && lit.starts_with(l))
                // `decode`'s descriptions of binary files, each worded by `messages` (tested there)
                || ((named.ends_with("store/decode.rs") || named.ends_with("messages/problems.rs"))
                    && crate::messages::problems_binary_kind(&lit) != "other");
            if !allowed {
                found.push(format!("{}:{line}: \"{lit}\"", file.display()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "a problem for the user is a typed kind worded in src/messages (or a t! key in src/i18n/{{en,sv}}/cli.ftl):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_literal_scan_passes_over_the_english_display_of_typed_errors() {
    let src = r#"
        #[error(
            "the quote {quote:?} no longer matches the text"
        )]
        QuoteMoved { quote: String },
        #[error("expected an `id:` line in the header")]
        NoIdLine,
        let m = format!("not saved, nothing was changed: {msg}");
    "#;
    let found: Vec<String> = english_literals(src).into_iter().map(|(_, l)| l).collect();
    assert_eq!(found, ["not saved, nothing was changed: {msg}"]);
}

#[test]
fn the_literal_scan_catches_a_status_message_and_spares_keys_and_names() {
    let src = r#"
        self.message(Level::Info, "Memo saved.");
        self.message(Level::Info, t!("tui-memo-saved"));
        let m = format!("{}: not valid TOML ({})", a, b);
        let f = root.join("codebook.json");
        tracing::warn!("could not save {x}");
        // "a comment with words"
        let name = "konsensus";
        #[cfg(test)]
        let t = "only in tests";
    "#;
    let found: Vec<String> = english_literals(src).into_iter().map(|(_, l)| l).collect();
    assert_eq!(found, ["Memo saved.", "{}: not valid TOML ({})"]);
}

#[test]
fn numbers_in_running_text_follow_the_language() {
    use crate::i18n::{Lang, number, number_short, percent, with_lang};
    assert_eq!(with_lang(Lang::En, || number(98.94, 1)), "98.9");
    assert_eq!(with_lang(Lang::Sv, || number(98.94, 1)), "98,9");
    assert_eq!(with_lang(Lang::Sv, || number(-0.8123, 2)), "−0,81");
    assert_eq!(with_lang(Lang::Sv, || percent(12.5, 1)), "12,5 %");
    assert_eq!(with_lang(Lang::En, || percent(12.5, 1)), "12.5%");
    assert_eq!(with_lang(Lang::Sv, || number_short(0.950, 3)), "0,95");
    assert_eq!(with_lang(Lang::En, || number_short(50.0, 1)), "50");
}
