//! A small text editor for memos and descriptions (multi-line) and prompts (one line), by char index.

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TextBox {
    pub lines: Vec<String>,
    pub row: usize,
    /// Cursor column in chars.
    pub col: usize,
    pub multiline: bool,
}

fn byte_at(s: &str, col: usize) -> usize {
    s.char_indices().nth(col).map_or(s.len(), |(i, _)| i)
}

impl TextBox {
    /// The editing keys every text field shares (delete either way, move left and right, line start and
    /// end); false when `c` is not one of them.
    pub fn edit(&mut self, c: super::action::Command) -> bool {
        use super::action::Command;
        match c {
            Command::Backspace => self.backspace(),
            Command::Delete => self.delete(),
            Command::Left => self.left(),
            Command::Right => self.right(),
            Command::LineStart => self.home(),
            Command::LineEnd => self.end(),
            _ => return false,
        }
        true
    }

    pub fn new(text: &str, multiline: bool) -> TextBox {
        let mut lines: Vec<String> = if multiline {
            text.split('\n').map(str::to_string).collect()
        } else {
            vec![text.replace('\n', " ")]
        };
        if lines.is_empty() {
            lines.push(String::new());
        }
        let row = lines.len() - 1;
        let col = lines[row].chars().count();
        TextBox {
            lines,
            row,
            col,
            multiline,
        }
    }

    pub fn text(&self) -> String {
        self.lines.join("\n")
    }

    fn line(&self) -> &str {
        self.lines.get(self.row).map_or("", String::as_str)
    }

    fn line_len(&self) -> usize {
        self.line().chars().count()
    }

    pub fn insert(&mut self, c: char) {
        if c == '\n' {
            return self.newline();
        }
        if c.is_control() {
            return;
        }
        let b = byte_at(self.line(), self.col);
        if let Some(l) = self.lines.get_mut(self.row) {
            l.insert(b, c);
            self.col += 1;
        }
    }

    pub fn insert_str(&mut self, s: &str) {
        for c in crate::model::text::canonicalize(s).chars() {
            match c {
                '\n' if !self.multiline => self.insert(' '),
                '\t' => self.insert(' '),
                c => self.insert(c),
            }
        }
    }

    pub fn newline(&mut self) {
        if !self.multiline {
            return;
        }
        let b = byte_at(self.line(), self.col);
        let rest = self
            .lines
            .get_mut(self.row)
            .map(|l| l.split_off(b))
            .unwrap_or_default();
        self.lines.insert(self.row + 1, rest);
        self.row += 1;
        self.col = 0;
    }

    pub fn backspace(&mut self) {
        if self.col > 0 {
            let b = byte_at(self.line(), self.col - 1);
            if let Some(l) = self.lines.get_mut(self.row) {
                l.remove(b);
            }
            self.col -= 1;
        } else if self.row > 0 {
            let cur = self.lines.remove(self.row);
            self.row -= 1;
            self.col = self.line_len();
            if let Some(l) = self.lines.get_mut(self.row) {
                l.push_str(&cur);
            }
        }
    }

    pub fn delete(&mut self) {
        if self.col < self.line_len() {
            let b = byte_at(self.line(), self.col);
            if let Some(l) = self.lines.get_mut(self.row) {
                l.remove(b);
            }
        } else if self.row + 1 < self.lines.len() {
            let next = self.lines.remove(self.row + 1);
            if let Some(l) = self.lines.get_mut(self.row) {
                l.push_str(&next);
            }
        }
    }

    pub fn left(&mut self) {
        if self.col > 0 {
            self.col -= 1;
        } else if self.row > 0 {
            self.row -= 1;
            self.col = self.line_len();
        }
    }

    pub fn right(&mut self) {
        if self.col < self.line_len() {
            self.col += 1;
        } else if self.row + 1 < self.lines.len() {
            self.row += 1;
            self.col = 0;
        }
    }

    pub fn up(&mut self) {
        if self.row > 0 {
            self.row -= 1;
            self.col = self.col.min(self.line_len());
        }
    }

    pub fn down(&mut self) {
        if self.row + 1 < self.lines.len() {
            self.row += 1;
            self.col = self.col.min(self.line_len());
        }
    }

    pub fn home(&mut self) {
        self.col = 0;
    }

    pub fn end(&mut self) {
        self.col = self.line_len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_multiline_text() {
        let mut t = TextBox::new("", true);
        for c in "Hej då".chars() {
            t.insert(c);
        }
        t.newline();
        t.insert('x');
        assert_eq!(t.text(), "Hej då\nx");
        t.backspace();
        t.backspace();
        assert_eq!(t.text(), "Hej då");
        t.left();
        t.backspace();
        assert_eq!(t.text(), "Hej å");
        t.home();
        t.delete();
        assert_eq!(t.text(), "ej å");
        let mut p = TextBox::new("a", false);
        p.insert_str("b\nc\u{1b}");
        assert_eq!(p.text(), "ab c");
    }
}
