//! User text in Swedish and English: Fluent catalogues, the current language and the `t!` macro.
//!
//! A leaf module: any layer may use it, it uses no other part of kodbok.
//!
//! # Adding a string
//! 1. Pick the area (`cli` for the command line, `tui` for the workbench) and add the message to
//!    **both** `src/i18n/en/<area>.ftl` and `src/i18n/sv/<area>.ftl`, under the same key:
//!    ```ftl
//!    cases-found = { $n ->
//!        [one] One case
//!       *[other] { $n } cases
//!    } in { $group }
//!    ```
//!    Keys are kebab-case and unique across all areas (the workbench's start with `tui-`).
//!    Plural forms use Fluent selectors on a number; write numbers in running text as digits.
//!    Decimals go through [`number`] / [`percent`] ("98,9 %" in Swedish, "98.9%" in English);
//!    CSV and JSON keep the machine format with a point.
//! 2. Use it: `t!("cases-found", n = 3, group = "hög")` returns a `String` in the current language.
//!    Arguments are anything `FluentValue::from` takes: `&str`, `String`, `&String`, numbers.
//! 3. `cargo test --lib i18n` checks that both catalogues parse, hold the same keys, and that every
//!    `t!("…")` key written in `src/` exists.
//!
//! The language is chosen once at start-up with [`init`] (`--lang`, `KODBOK_LANG`, the locale, English);
//! tests can switch it for one thread with [`with_lang`]. Use [`tr_in`] for text in a fixed language
//! (e.g. a report written with `--lang`).

pub use fluent_bundle::FluentValue;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use serde::Serialize;
use std::cell::Cell;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

/// A language kodbok speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Sv,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Sv];

    /// The language tag: `en` or `sv`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Sv => "sv",
        }
    }

    /// `sv`, `sv_SE.UTF-8`, `sv-FI`, `Swedish`… → Swedish; `en…` → English; anything else → None.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_lowercase();
        if s.starts_with("sv") || s == "swedish" || s == "svenska" {
            Some(Lang::Sv)
        } else if s.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language asked for: `flag` (from `--lang`), else `KODBOK_LANG`, else the locale, else English.
    pub fn detect(flag: Option<Lang>) -> Lang {
        Self::detect_with(flag, |k| std::env::var(k).ok())
    }

    /// [`Lang::detect`] with the environment given as a function (for tests).
    pub fn detect_with(flag: Option<Lang>, env: impl Fn(&str) -> Option<String>) -> Lang {
        if let Some(l) = flag {
            return l;
        }
        if let Some(l) = env("KODBOK_LANG").as_deref().and_then(Lang::parse) {
            return l;
        }
        // POSIX: the first of LC_ALL, LC_MESSAGES, LANG that is set and not empty decides.
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| env(k))
            .find(|v| !v.is_empty());
        match locale {
            Some(v) if v.to_lowercase().starts_with("sv") => Lang::Sv,
            _ => Lang::En,
        }
    }
}

impl std::str::FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::parse(s).ok_or_else(|| format!("unknown language {s:?}: use sv or en"))
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// The catalogues: (language, area, Fluent source).
pub const CATALOGUES: [(Lang, &str, &str); 4] = [
    (Lang::En, "cli", include_str!("i18n/en/cli.ftl")),
    (Lang::Sv, "cli", include_str!("i18n/sv/cli.ftl")),
    (Lang::En, "tui", include_str!("i18n/en/tui.ftl")),
    (Lang::Sv, "tui", include_str!("i18n/sv/tui.ftl")),
];

type Bundle = FluentBundle<FluentResource>;

static BUNDLES: OnceLock<(Bundle, Bundle)> = OnceLock::new();
/// 0 = not set (English), 1 = English, 2 = Swedish.
static CURRENT: AtomicU8 = AtomicU8::new(0);

thread_local! {
    static OVERRIDE: Cell<Option<Lang>> = const { Cell::new(None) };
}

fn build(lang: Lang) -> Bundle {
    let mut bundle = Bundle::new_concurrent(vec![lang.code().parse().unwrap_or_default()]);
    bundle.set_use_isolating(false);
    for (l, _, src) in CATALOGUES {
        if l != lang {
            continue;
        }
        // A catalogue that fails to parse keeps its good messages; the tests make sure none fails.
        let res = FluentResource::try_new(src.to_string()).unwrap_or_else(|(res, _)| res);
        bundle.add_resource_overriding(res);
    }
    bundle
}

fn bundle(lang: Lang) -> &'static Bundle {
    let (en, sv) = BUNDLES.get_or_init(|| (build(Lang::En), build(Lang::Sv)));
    match lang {
        Lang::En => en,
        Lang::Sv => sv,
    }
}

/// Sets the process-wide language (once, at start-up).
pub fn set_lang(lang: Lang) {
    let v = match lang {
        Lang::En => 1,
        Lang::Sv => 2,
    };
    CURRENT.store(v, Ordering::Relaxed);
}

/// Chooses the language from `--lang`, `KODBOK_LANG` and the locale, and makes it current.
pub fn init(flag: Option<Lang>) -> Lang {
    let lang = Lang::detect(flag);
    set_lang(lang);
    lang
}

/// The current language: this thread's override (tests), else the process-wide one.
pub fn lang() -> Lang {
    if let Some(l) = OVERRIDE.with(Cell::get) {
        return l;
    }
    match CURRENT.load(Ordering::Relaxed) {
        2 => Lang::Sv,
        _ => Lang::En,
    }
}

/// Runs `f` with `lang` as this thread's current language (for tests and one-off text).
pub fn with_lang<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    let before = OVERRIDE.with(|o| o.replace(Some(lang)));
    struct Restore(Option<Lang>);
    impl Drop for Restore {
        fn drop(&mut self) {
            OVERRIDE.with(|o| o.set(self.0));
        }
    }
    let _restore = Restore(before);
    f()
}

/// The message `key` in the current language. Used through [`t!`].
pub fn tr(key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    tr_in(lang(), key, args)
}

/// The message `key` in `lang`; an English message where the Swedish one is missing, the key itself
/// where both are (the tests make sure that never ships).
pub fn tr_in(lang: Lang, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    let fargs = (!args.is_empty()).then(|| {
        let mut a = FluentArgs::new();
        for (k, v) in args {
            a.set(*k, v.clone());
        }
        a
    });
    for l in [lang, Lang::En] {
        let b = bundle(l);
        if let Some(pattern) = b.get_message(key).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return b
                .format_pattern(pattern, fargs.as_ref(), &mut errors)
                .into_owned();
        }
    }
    key.to_string()
}

/// Whether `key` is a message in `lang`'s catalogues.
/// `x` with `places` decimals in running text of `lang`: a decimal point in English, a decimal comma in
/// Swedish ("98.9" / "98,9"). The one number style for prose; CSV and JSON keep their own machine format.
pub fn number_in(lang: Lang, x: f64, places: usize) -> String {
    let s = format!("{x:.places$}");
    match lang {
        Lang::En => s,
        Lang::Sv => s.replace('.', ",").replace('-', "−"),
    }
}

/// A number already written the machine way ("0.81", "-3") in the current language's style.
pub fn number_text(s: &str) -> String {
    match lang() {
        Lang::En => s.to_string(),
        Lang::Sv => s.replace('.', ",").replace('-', "−"),
    }
}

/// A percentage for running text: "12.5%" in English, "12,5 %" in Swedish (a space before the sign).
pub fn percent(x: f64, places: usize) -> String {
    match lang() {
        Lang::En => format!("{}%", number_in(Lang::En, x, places)),
        Lang::Sv => format!("{} %", number_in(Lang::Sv, x, places)),
    }
}

/// [`number_in`] in the current language.
pub fn number(x: f64, places: usize) -> String {
    number_in(lang(), x, places)
}

/// [`number`] with at most `places` decimals, trailing zeros dropped ("0.95", "50", "12,5").
pub fn number_short(x: f64, places: usize) -> String {
    let s = number(x, places);
    if s.contains(['.', ',']) {
        s.trim_end_matches('0')
            .trim_end_matches(['.', ','])
            .to_string()
    } else {
        s
    }
}

pub fn has_key(lang: Lang, key: &str) -> bool {
    bundle(lang).has_message(key)
}

/// A message in the current language: `t!("key")` or `t!("key", n = 3, name = "x")`.
#[macro_export]
macro_rules! t {
    ($key:literal) => {
        $crate::i18n::tr($key, &[])
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::tr(
            $key,
            &[$((stringify!($name), $crate::i18n::FluentValue::from($value))),+],
        )
    };
}

/// A message in a given language: `t_in!(lang, "key", n = 3)`.
#[macro_export]
macro_rules! t_in {
    ($lang:expr, $key:literal) => {
        $crate::i18n::tr_in($lang, $key, &[])
    };
    ($lang:expr, $key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::tr_in(
            $lang,
            $key,
            &[$((stringify!($name), $crate::i18n::FluentValue::from($value))),+],
        )
    };
}

#[cfg(test)]
mod tests;
