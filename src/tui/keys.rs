//! Key presses as plain data, independent of the terminal library: parsing (`ctrl-r`, `<pagedown>`) and display.

use std::fmt;

/// A key without modifiers; letters keep their case (shift is folded into `Char`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyCode {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    F(u8),
}

/// One key press with the modifiers that matter for bindings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
        }
    }

    pub const fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    /// The printable character of an unmodified key, if any.
    pub fn printable(&self) -> Option<char> {
        match self.code {
            KeyCode::Char(c) if !self.ctrl && !self.alt && !c.is_control() => Some(c),
            _ => None,
        }
    }

    /// Parses one key name: `j`, `J`, `ctrl-r`, `alt-enter`, `pagedown`, `space`, `f1`, `<`, `-`.
    pub fn parse(s: &str) -> Result<Key, String> {
        let mut ctrl = false;
        let mut alt = false;
        let mut rest = s;
        loop {
            let lower = rest.to_ascii_lowercase();
            if rest.chars().count() > 2 && (lower.starts_with("ctrl-") || lower.starts_with("c-")) {
                ctrl = true;
                rest = &rest[rest.find('-').map_or(0, |i| i + 1)..];
            } else if rest.chars().count() > 2
                && (lower.starts_with("alt-") || lower.starts_with("a-"))
            {
                alt = true;
                rest = &rest[rest.find('-').map_or(0, |i| i + 1)..];
            } else if rest.chars().count() > 2 && lower.starts_with("shift-") {
                rest = &rest[6..];
                if rest.eq_ignore_ascii_case("tab") {
                    return Ok(Key::plain(KeyCode::BackTab));
                }
                if let Some(c) = single(rest) {
                    return Ok(Key {
                        code: KeyCode::Char(c.to_uppercase().next().unwrap_or(c)),
                        ctrl,
                        alt,
                    });
                }
            } else {
                break;
            }
        }
        let code = match single(rest) {
            Some(c) => KeyCode::Char(if ctrl { c.to_ascii_lowercase() } else { c }),
            None => named(&rest.to_ascii_lowercase())
                .ok_or_else(|| crate::t!("tui-key-unknown", key = format!("{s:?}")))?,
        };
        Ok(Key { code, ctrl, alt })
    }
}

fn single(s: &str) -> Option<char> {
    let mut it = s.chars();
    let c = it.next()?;
    it.next().is_none().then_some(c)
}

fn named(s: &str) -> Option<KeyCode> {
    Some(match s {
        "enter" | "ret" | "return" | "cr" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backtab" | "s-tab" => KeyCode::BackTab,
        "backspace" | "bs" => KeyCode::Backspace,
        "delete" | "del" => KeyCode::Delete,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pageup" | "pgup" => KeyCode::PageUp,
        "pagedown" | "pgdn" | "pgdown" => KeyCode::PageDown,
        "space" => KeyCode::Char(' '),
        "minus" => KeyCode::Char('-'),
        "lt" => KeyCode::Char('<'),
        "gt" => KeyCode::Char('>'),
        _ => {
            let n: u8 = s.strip_prefix('f')?.parse().ok()?;
            if (1..=12).contains(&n) {
                KeyCode::F(n)
            } else {
                return None;
            }
        }
    })
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            write!(f, "Ctrl-")?;
        }
        if self.alt {
            write!(f, "Alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => write!(f, "Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => write!(f, "Enter"),
            KeyCode::Esc => write!(f, "Esc"),
            KeyCode::Tab => write!(f, "Tab"),
            KeyCode::BackTab => write!(f, "S-Tab"),
            KeyCode::Backspace => write!(f, "Bksp"),
            KeyCode::Delete => write!(f, "Del"),
            KeyCode::Up => write!(f, "↑"),
            KeyCode::Down => write!(f, "↓"),
            KeyCode::Left => write!(f, "←"),
            KeyCode::Right => write!(f, "→"),
            KeyCode::Home => write!(f, "Home"),
            KeyCode::End => write!(f, "End"),
            KeyCode::PageUp => write!(f, "PgUp"),
            KeyCode::PageDown => write!(f, "PgDn"),
            KeyCode::F(n) => write!(f, "F{n}"),
        }
    }
}

/// Parses a key sequence as written in tests: characters stand for themselves, `<name>` for named keys
/// (`<enter>`, `<esc>`, `<ctrl-r>`, `<lt>` for a literal `<`).
pub fn parse_keys(s: &str) -> Result<Vec<Key>, String> {
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '<' {
            let mut name = String::new();
            let mut closed = false;
            for n in chars.by_ref() {
                if n == '>' {
                    closed = true;
                    break;
                }
                name.push(n);
            }
            if !closed {
                return Err(crate::t!("tui-key-unclosed", name = name.as_str()));
            }
            out.push(Key::parse(&name)?);
        } else if c == '\n' {
            out.push(Key::plain(KeyCode::Enter));
        } else {
            out.push(Key::char(c));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_names_and_modifiers() {
        assert_eq!(Key::parse("j").unwrap(), Key::char('j'));
        assert_eq!(Key::parse("J").unwrap(), Key::char('J'));
        let k = Key::parse("ctrl-r").unwrap();
        assert!(k.ctrl && k.code == KeyCode::Char('r'));
        assert_eq!(Key::parse("C-R").unwrap(), k);
        assert_eq!(Key::parse("PageDown").unwrap().code, KeyCode::PageDown);
        assert_eq!(Key::parse("shift-tab").unwrap().code, KeyCode::BackTab);
        assert_eq!(Key::parse("-").unwrap(), Key::char('-'));
        assert!(Key::parse("hyper-x").is_err());
        assert_eq!(Key::parse("f5").unwrap().code, KeyCode::F(5));
    }

    #[test]
    fn parses_sequences() {
        let ks = parse_keys("Vc<esc><ctrl-r><lt>").unwrap();
        assert_eq!(ks.len(), 5);
        assert_eq!(ks[2].code, KeyCode::Esc);
        assert_eq!(ks[4], Key::char('<'));
        assert!(parse_keys("<enter").is_err());
        assert_eq!(Key::parse("ctrl-r").unwrap().to_string(), "Ctrl-r");
    }
}
