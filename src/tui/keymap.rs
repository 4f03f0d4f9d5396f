//! Key bindings per context: the default table, a user TOML file merged on top, and pure resolution with chords.

use super::action::Command;
use super::keys::Key;
use crate::t;
use std::collections::BTreeMap;
use std::path::Path;

mod defaults;
use super::commands::DEFAULT_KEYS as DEFAULTS;
pub use defaults::HINTS;

/// Where keys are looked up; non-overlay contexts fall back to more general ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyContext {
    Global,
    Documents,
    Transcript,
    Select,
    Codebook,
    Retrieval,
    Summary,
    SummaryCell,
    SearchQuery,
    SearchList,
    Help,
    Picker,
    Prompt,
    Editor,
    Confirm,
    Choose,
    Agreement,
    Suggest,
    /// The documents pane's filter line, while it is typed.
    DocFilter,
}

impl KeyContext {
    pub const ALL: [KeyContext; 19] = [
        KeyContext::Global,
        KeyContext::Documents,
        KeyContext::Transcript,
        KeyContext::Select,
        KeyContext::Codebook,
        KeyContext::Retrieval,
        KeyContext::Summary,
        KeyContext::SummaryCell,
        KeyContext::SearchQuery,
        KeyContext::SearchList,
        KeyContext::Help,
        KeyContext::Picker,
        KeyContext::Prompt,
        KeyContext::Editor,
        KeyContext::Confirm,
        KeyContext::Choose,
        KeyContext::Agreement,
        KeyContext::Suggest,
        KeyContext::DocFilter,
    ];

    /// The section name in a keymap file.
    pub fn name(self) -> &'static str {
        match self {
            KeyContext::Global => "global",
            KeyContext::Documents => "documents",
            KeyContext::Transcript => "transcript",
            KeyContext::Select => "select",
            KeyContext::Codebook => "codebook",
            KeyContext::Retrieval => "retrieval",
            KeyContext::Summary => "summary",
            KeyContext::SummaryCell => "summary_cell",
            KeyContext::SearchQuery => "search_query",
            KeyContext::SearchList => "search_list",
            KeyContext::Help => "help",
            KeyContext::Picker => "picker",
            KeyContext::Prompt => "prompt",
            KeyContext::Editor => "editor",
            KeyContext::Confirm => "confirm",
            KeyContext::Choose => "choose",
            KeyContext::Agreement => "agreement",
            KeyContext::Suggest => "suggest",
            KeyContext::DocFilter => "doc_filter",
        }
    }

    pub fn from_name(s: &str) -> Option<KeyContext> {
        KeyContext::ALL.into_iter().find(|c| c.name() == s)
    }

    /// The contexts searched, most specific first.
    pub fn chain(self) -> &'static [KeyContext] {
        match self {
            KeyContext::Select => &[
                KeyContext::Select,
                KeyContext::Transcript,
                KeyContext::Global,
            ],
            KeyContext::Documents => &[KeyContext::Documents, KeyContext::Global],
            KeyContext::Transcript => &[KeyContext::Transcript, KeyContext::Global],
            KeyContext::Codebook => &[KeyContext::Codebook, KeyContext::Global],
            KeyContext::Retrieval => &[KeyContext::Retrieval, KeyContext::Global],
            KeyContext::Summary => &[KeyContext::Summary, KeyContext::Global],
            KeyContext::SummaryCell => &[KeyContext::SummaryCell, KeyContext::Global],
            KeyContext::Agreement => &[KeyContext::Agreement, KeyContext::Global],
            KeyContext::Suggest => &[KeyContext::Suggest, KeyContext::Global],
            KeyContext::SearchQuery => &[KeyContext::SearchQuery],
            KeyContext::DocFilter => &[KeyContext::DocFilter],
            KeyContext::SearchList => &[KeyContext::SearchList, KeyContext::Global],
            KeyContext::Global => &[KeyContext::Global],
            KeyContext::Help => &[KeyContext::Help],
            KeyContext::Picker => &[KeyContext::Picker],
            KeyContext::Prompt => &[KeyContext::Prompt],
            KeyContext::Editor => &[KeyContext::Editor],
            KeyContext::Confirm => &[KeyContext::Confirm],
            KeyContext::Choose => &[KeyContext::Choose],
        }
    }

    /// Text-entry contexts turn unbound printable keys into input.
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            KeyContext::Picker
                | KeyContext::Prompt
                | KeyContext::Editor
                | KeyContext::SearchQuery
                | KeyContext::DocFilter
        )
    }
}

/// The result of feeding one key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolved {
    Command(Command),
    /// The key starts a chord; keep it pending.
    Pending,
    /// Not bound here.
    Unbound,
}

#[derive(Debug, Clone, Default)]
pub struct Keymap {
    /// Key sequence (one key, or two for a chord) → command, per context.
    tables: BTreeMap<KeyContext, BTreeMap<Vec<Key>, Command>>,
}

impl Keymap {
    pub fn defaults() -> Keymap {
        let mut km = Keymap::default();
        for (ctx, keys, cmd) in DEFAULTS {
            // Every default key parses: `commands::tests` checks it, so none is dropped here.
            let Ok(seq) = parse_seq(keys) else { continue };
            km.tables.entry(*ctx).or_default().insert(seq, *cmd);
        }
        km
    }

    /// Merges a user TOML file (`[context]` tables of `"key" = "command"`, `"none"` unbinds) and returns warnings.
    pub fn merge_toml(&mut self, text: &str, origin: &Path) -> Vec<String> {
        let doc: toml::Table = match text.parse() {
            Ok(t) => t,
            Err(e) => {
                let msg = e.to_string().replace('\n', " ");
                return vec![t!(
                    "tui-keymap-bad-toml",
                    path = origin.display().to_string(),
                    error = msg.trim()
                )];
            }
        };
        let mut warnings = Vec::new();
        for (section, value) in doc {
            let Some(ctx) = KeyContext::from_name(&section) else {
                warnings.push(t!(
                    "tui-keymap-unknown-section",
                    path = origin.display().to_string(),
                    section = section.as_str()
                ));
                continue;
            };
            let Some(table) = value.as_table() else {
                warnings.push(t!(
                    "tui-keymap-not-table",
                    path = origin.display().to_string(),
                    section = section.as_str()
                ));
                continue;
            };
            for (key, cmd) in table {
                if let Err(w) = self.bind(ctx, key, cmd) {
                    warnings.push(t!(
                        "tui-keymap-bad-binding",
                        path = origin.display().to_string(),
                        section = section.as_str(),
                        key = format!("{key:?}"),
                        error = w
                    ));
                }
            }
        }
        warnings
    }

    fn bind(&mut self, ctx: KeyContext, key: &str, cmd: &toml::Value) -> Result<(), String> {
        let seq = parse_seq(key)?;
        let name = cmd
            .as_str()
            .ok_or_else(|| t!("tui-keymap-expected-command"))?;
        let table = self.tables.entry(ctx).or_default();
        if name == "none" {
            table.remove(&seq);
            return Ok(());
        }
        let cmd = Command::from_name(name)
            .ok_or_else(|| t!("tui-keymap-unknown-command", name = format!("{name:?}")))?;
        table.insert(seq, cmd);
        Ok(())
    }

    /// Loads defaults, then each existing file in order; missing files are skipped silently.
    pub fn load(files: &[&Path]) -> (Keymap, Vec<String>) {
        let mut km = Keymap::defaults();
        let mut warnings = Vec::new();
        for path in files {
            match std::fs::read_to_string(path) {
                Ok(text) => warnings.extend(km.merge_toml(&text, path)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => warnings.push(t!(
                    "tui-keymap-unreadable",
                    path = path.display().to_string(),
                    error = crate::messages::describe(&e)
                )),
            }
        }
        (km, warnings)
    }

    /// Looks up `pending` + `key` in the context chain.
    pub fn resolve(&self, ctx: KeyContext, pending: &[Key], key: Key) -> Resolved {
        let mut seq = pending.to_vec();
        seq.push(key);
        for c in ctx.chain() {
            let Some(table) = self.tables.get(c) else {
                continue;
            };
            if let Some(cmd) = table.get(&seq) {
                return Resolved::Command(*cmd);
            }
            if table
                .keys()
                .any(|k| k.len() > seq.len() && k.starts_with(&seq))
            {
                return Resolved::Pending;
            }
        }
        Resolved::Unbound
    }

    /// Keys bound to `cmd` in exactly this context: default keys in table order first, then the user's.
    pub fn keys_for(&self, ctx: KeyContext, cmd: Command) -> Vec<Vec<Key>> {
        let Some(table) = self.tables.get(&ctx) else {
            return Vec::new();
        };
        let mut out: Vec<Vec<Key>> = DEFAULTS
            .iter()
            .filter(|(c, _, d)| *c == ctx && *d == cmd)
            .filter_map(|(_, k, _)| parse_seq(k).ok())
            .filter(|seq| table.get(seq) == Some(&cmd))
            .collect();
        for (seq, c) in table {
            if *c == cmd && !out.contains(seq) {
                out.push(seq.clone());
            }
        }
        out
    }

    /// The first key reaching `cmd` from `ctx` (following the chain), for hints.
    pub fn key_for(&self, ctx: KeyContext, cmd: Command) -> Option<String> {
        ctx.chain().iter().find_map(|c| {
            self.keys_for(*c, cmd)
                .into_iter()
                // A key shadowed by a more specific context does not reach `cmd`.
                .find(|seq| self.resolve_seq(ctx, seq) == Some(cmd))
                .map(|seq| display(&seq))
        })
    }

    fn resolve_seq(&self, ctx: KeyContext, seq: &[Key]) -> Option<Command> {
        ctx.chain()
            .iter()
            .find_map(|c| self.tables.get(c).and_then(|t| t.get(seq)).copied())
    }

    /// Every binding of a context: (keys, command), grouped by command in table order.
    pub fn bindings(&self, ctx: KeyContext) -> Vec<(String, Command)> {
        let mut out: Vec<(String, Command)> = Vec::new();
        let Some(table) = self.tables.get(&ctx) else {
            return out;
        };
        let mut order: Vec<Command> = DEFAULTS
            .iter()
            .filter(|d| d.0 == ctx)
            .map(|d| d.2)
            .collect();
        order.extend(table.values().copied());
        for cmd in order {
            if out.iter().any(|(_, c)| *c == cmd) {
                continue;
            }
            let keys: Vec<String> = self.keys_for(ctx, cmd).iter().map(|k| display(k)).collect();
            if !keys.is_empty() {
                out.push((keys.join(" "), cmd));
            }
        }
        out
    }
}

/// `"g g"` is a two-key chord; `" "` and `"space"` are the space key.
pub(crate) fn parse_seq(s: &str) -> Result<Vec<Key>, String> {
    if s == " " {
        return Ok(vec![Key::char(' ')]);
    }
    let parts: Vec<&str> = s.split(' ').filter(|p| !p.is_empty()).collect();
    if parts.is_empty() || parts.len() > 2 {
        return Err(t!("tui-keymap-expected-key", found = format!("{s:?}")));
    }
    parts.iter().map(|p| Key::parse(p)).collect()
}

pub fn display(keys: &[Key]) -> String {
    keys.iter()
        .map(|k| k.to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keys::KeyCode;

    #[test]
    fn resolves_with_fallback_and_chords() {
        let km = Keymap::defaults();
        assert_eq!(
            km.resolve(KeyContext::Select, &[], Key::char('q')),
            Resolved::Command(Command::Quit)
        );
        assert_eq!(
            km.resolve(KeyContext::Transcript, &[], Key::char('V')),
            Resolved::Command(Command::SelectTurn)
        );
        assert_eq!(
            km.resolve(KeyContext::Transcript, &[], Key::char('z')),
            Resolved::Pending
        );
        assert_eq!(
            km.resolve(KeyContext::Transcript, &[Key::char('z')], Key::char('z')),
            Resolved::Command(Command::CenterCursor)
        );
        assert_eq!(
            km.resolve(KeyContext::Picker, &[], Key::char('q')),
            Resolved::Unbound
        );
        assert_eq!(
            km.resolve(KeyContext::Transcript, &[], Key::char('7')),
            Resolved::Unbound
        );
        let enter = Key::plain(KeyCode::Enter);
        assert_eq!(
            km.resolve(KeyContext::Picker, &[], enter),
            Resolved::Command(Command::Accept)
        );
    }

    #[test]
    fn user_file_merges_and_warns() {
        let mut km = Keymap::defaults();
        let w = km.merge_toml(
            "[transcript]\n\"ctrl-j\" = \"next_turn\"\nx = \"none\"\n\"ctrl-k\" = \"fly\"\n[bogus]\na = \"quit\"\n",
            Path::new("k.toml"),
        );
        assert_eq!(w.len(), 2, "{w:?}");
        assert_eq!(
            km.resolve(KeyContext::Transcript, &[], Key::parse("ctrl-j").unwrap()),
            Resolved::Command(Command::NextTurn)
        );
        assert_eq!(
            km.resolve(KeyContext::Transcript, &[], Key::char('x')),
            Resolved::Unbound
        );
        let w = km.merge_toml("not = [valid", Path::new("k.toml"));
        assert_eq!(w.len(), 1);
        assert_eq!(
            km.resolve(KeyContext::Global, &[], Key::char('q')),
            Resolved::Command(Command::Quit)
        );
    }

    #[test]
    fn hints_follow_rebinding() {
        let mut km = Keymap::defaults();
        assert_eq!(
            km.key_for(KeyContext::Transcript, Command::Code).as_deref(),
            Some("c")
        );
        km.merge_toml("[transcript]\nc = \"none\"\nk = \"code\"\n", Path::new("k"));
        assert_eq!(
            km.key_for(KeyContext::Transcript, Command::Code).as_deref(),
            Some("k")
        );
        assert!(
            km.bindings(KeyContext::Transcript)
                .iter()
                .any(|(k, c)| *c == Command::Code && k == "k")
        );
    }
}
