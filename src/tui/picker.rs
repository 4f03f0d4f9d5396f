//! The code picker: codes ranked by how well their names match what is typed (prefix, word start, inside, a
//! parent's word, then tight fuzzy matches only), what the pick is for, and the picker's own `update`.

use super::action::Command;
use crate::model::Codebook;
use crate::t;
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    /// Code the current selection.
    Apply,
    /// Show the segments of a code.
    Retrieve,
    /// Choose a new parent for a code (top level allowed).
    MoveTo(String),
    /// Choose the code another is merged into.
    MergeInto(String),
    /// The code the agreement view compares.
    Agree,
    /// Choose the code the search hits are auto-coded with.
    AutoCode,
}

/// One row of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Code(String),
    /// "(top level)" as a parent.
    TopLevel,
}

#[derive(Debug, Clone)]
pub struct Picker {
    pub purpose: Purpose,
    pub query: String,
    pub items: Vec<Item>,
    pub selected: usize,
    /// True when the query matched nothing and the list offers parents for a new code.
    pub creating: bool,
}

impl Picker {
    pub fn new(purpose: Purpose, book: &Codebook) -> Picker {
        let mut p = Picker {
            purpose,
            query: String::new(),
            items: Vec::new(),
            selected: 0,
            creating: false,
        };
        p.refresh(book);
        p
    }

    pub fn title(&self) -> String {
        match self.purpose {
            Purpose::Apply => t!("tui-picker-apply"),
            Purpose::Retrieve => t!("tui-picker-retrieve"),
            Purpose::MoveTo(_) => t!("tui-picker-move"),
            Purpose::MergeInto(_) => t!("tui-picker-merge"),
            Purpose::Agree => t!("tui-picker-agree"),
            Purpose::AutoCode => t!("tui-picker-autocode"),
        }
    }

    /// Codes that may not be offered (the code being moved and its subtree, or merged).
    fn excluded(&self, book: &Codebook) -> Vec<String> {
        match &self.purpose {
            Purpose::MoveTo(id) => book.descendants(id),
            Purpose::MergeInto(id) => book.descendants(id),
            _ => Vec::new(),
        }
    }

    /// Re-filters after the query or the codebook changed.
    pub fn refresh(&mut self, book: &Codebook) {
        let excluded = self.excluded(book);
        let flat: Vec<_> = book
            .flatten()
            .into_iter()
            .filter(|f| !excluded.contains(&f.code.id))
            .collect();
        let q = fold(self.query.trim());
        // The theme of the code highlighted before this keystroke: a new code goes there.
        let theme_before = match self.current() {
            Some(Item::Code(id)) => theme_for_new(book, id),
            _ => None,
        };
        let mut items: Vec<Item> = if q.is_empty() {
            flat.iter().map(|f| Item::Code(f.code.id.clone())).collect()
        } else {
            let mut fuzzy = Fuzzy::new(&q);
            // (rank, better score first), codebook order, id.
            type Ranked<'a> = ((Rank, std::cmp::Reverse<u32>), usize, &'a str);
            let mut ranked: Vec<Ranked> = flat
                .iter()
                .enumerate()
                .filter_map(|(i, f)| {
                    let above = f.parent.map(|p| book.path(p)).unwrap_or_default();
                    let (r, score) = rank(&f.code.name, &above, &q, &mut fuzzy)?;
                    Some(((r, std::cmp::Reverse(score)), i, f.code.id.as_str()))
                })
                .collect();
            ranked.sort();
            ranked
                .into_iter()
                .map(|(_, _, id)| Item::Code(id.to_string()))
                .collect()
        };
        self.creating = items.is_empty() && !q.is_empty() && self.can_create();
        if self.creating {
            items = flat.iter().map(|f| Item::Code(f.code.id.clone())).collect();
        }
        if matches!(self.purpose, Purpose::MoveTo(_)) || self.creating {
            items.insert(0, Item::TopLevel);
        }
        self.items = items;
        self.selected = self.selected.min(self.items.len().saturating_sub(1));
        if self.creating || q.is_empty() {
            self.selected = 0;
        }
        if self.creating
            && let Some(theme) = theme_before
            && let Some(i) = self
                .items
                .iter()
                .position(|it| *it == Item::Code(theme.clone()))
        {
            self.selected = i;
        }
    }

    /// Handles a key of the picker; what follows from it (a pick, a new code) is for the app.
    pub fn update(&mut self, c: Command, book: &Codebook) -> Option<Picked> {
        match c {
            Command::Down => self.move_by(1),
            Command::Up => self.move_by(-1),
            Command::PageDown => self.move_by(PAGE),
            Command::PageUp => self.move_by(-PAGE),
            Command::Backspace => {
                self.query.pop();
                self.refresh(book);
            }
            Command::Cancel => return Some(Picked::Cancelled),
            Command::NewCode if !self.can_create() || self.query.trim().is_empty() => {
                return Some(Picked::NeedName);
            }
            Command::NewCode => return Some(self.new_code(book)),
            Command::Accept if self.creating => return Some(self.new_code(book)),
            Command::Accept => {
                return Some(match self.current() {
                    Some(item) => Picked::Item(item.clone()),
                    None => Picked::NoMatch,
                });
            }
            _ => {}
        }
        None
    }

    /// Typed or pasted text goes to the query.
    pub fn input(&mut self, s: &str, book: &Codebook) {
        self.query.push_str(&crate::tui::wrap::clean(s));
        self.refresh(book);
    }

    fn new_code(&self, book: &Codebook) -> Picked {
        let parent = match self.current() {
            // While creating, the list offers parents; otherwise the highlighted code's theme.
            Some(Item::Code(id)) if self.creating => Some(id.clone()),
            Some(Item::Code(id)) => theme_for_new(book, id),
            _ => None,
        };
        Picked::Create {
            name: self.query.trim().to_string(),
            parent,
        }
    }

    pub fn can_create(&self) -> bool {
        self.purpose == Purpose::Apply
    }

    pub fn current(&self) -> Option<&Item> {
        self.items.get(self.selected)
    }

    pub fn move_by(&mut self, delta: isize) {
        let n = self.items.len();
        if n == 0 {
            return;
        }
        self.selected = (self.selected as isize + delta).clamp(0, n as isize - 1) as usize;
    }
}

/// Rows a page key moves in the picker.
const PAGE: isize = 8;

/// What the picker's `update` leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Picked {
    Cancelled,
    /// This row was chosen.
    Item(Item),
    /// A new code named as typed, under `parent` (the top level when None).
    Create {
        name: String,
        parent: Option<String>,
    },
    /// Ctrl-n before a name was typed.
    NeedName,
    NoMatch,
}

/// Where a new code made while `id` is highlighted goes: under `id`'s parent (its theme), or under `id` when it is
/// a theme itself.
fn theme_for_new(book: &Codebook, id: &str) -> Option<String> {
    book.get(id)?;
    Some(book.parent_of(id).unwrap_or(id).to_string())
}

/// How well a code matches what was typed, best first; weak fuzzy matches get none and are not offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Rank {
    /// The name starts with the query.
    Prefix,
    /// A word of the name starts with the query.
    WordStart,
    /// The name contains the query.
    Inside,
    /// A word of a parent's name starts with the query (typing a theme lists its codes).
    ParentWord,
    /// The query's letters in order over the name in at most [`MAX_FUZZY_RUNS`] runs, starting at a word.
    Fuzzy,
}

/// A fuzzy match spread over more runs of letters than this is a coincidence, not what was meant.
const MAX_FUZZY_RUNS: usize = 2;

/// Lower case with Swedish and other Latin diacritics folded, so `malsattn` finds "Målsättning".
fn fold(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'å' | 'ä' | 'à' | 'á' | 'â' => 'a',
            'ö' | 'ø' | 'ó' | 'ô' => 'o',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'ü' | 'ú' => 'u',
            _ => c,
        })
        .collect()
}

fn word_starts(text: &str, q: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| !w.is_empty() && w.starts_with(q))
}

/// The rank of a code `name` under parents `path_above` for the folded query `q`, or None.
fn rank(name: &str, path_above: &str, q: &str, fuzzy: &mut Fuzzy) -> Option<(Rank, u32)> {
    let n = fold(name);
    if n.starts_with(q) {
        return Some((Rank::Prefix, 0));
    }
    if word_starts(&n, q) {
        return Some((Rank::WordStart, 0));
    }
    if n.contains(q) {
        return Some((Rank::Inside, 0));
    }
    if word_starts(&fold(path_above), q) {
        return Some((Rank::ParentWord, 0));
    }
    fuzzy.score(&n).map(|s| (Rank::Fuzzy, s))
}

/// Subsequence matching (nucleo) kept only when it is tight: few runs, the first at a word start.
struct Fuzzy {
    pattern: Pattern,
    matcher: Matcher,
    buf: Vec<char>,
    indices: Vec<u32>,
}

impl Fuzzy {
    fn new(q: &str) -> Fuzzy {
        Fuzzy {
            pattern: Pattern::parse(q, CaseMatching::Ignore, Normalization::Smart),
            matcher: Matcher::new(Config::DEFAULT),
            buf: Vec::new(),
            indices: Vec::new(),
        }
    }

    fn score(&mut self, folded: &str) -> Option<u32> {
        self.indices.clear();
        let hay = Utf32Str::new(folded, &mut self.buf);
        let score = self
            .pattern
            .indices(hay, &mut self.matcher, &mut self.indices)?;
        self.indices.sort_unstable();
        self.indices.dedup();
        let runs = 1 + self.indices.windows(2).filter(|w| w[1] != w[0] + 1).count();
        let chars: Vec<char> = folded.chars().collect();
        let first = *self.indices.first()? as usize;
        let at_word = first == 0 || !chars.get(first - 1).is_some_and(|c| c.is_alphanumeric());
        (runs <= MAX_FUZZY_RUNS && at_word).then_some(score)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn book() -> Codebook {
        serde_json::from_str(crate::store::project::DEFAULT_CODEBOOK).unwrap()
    }

    #[test]
    fn fuzzy_over_names_and_paths() {
        let b = book();
        let mut p = Picker::new(Purpose::Apply, &b);
        assert_eq!(p.items.len(), b.flatten().len());
        p.query = "resursb".into();
        p.refresh(&b);
        assert_eq!(p.current(), Some(&Item::Code("resursbrist".into())));
        // ASCII typing finds Swedish letters.
        p.query = "malsattn".into();
        p.refresh(&b);
        assert_eq!(p.current(), Some(&Item::Code("malsattning".into())));
        p.query = "qqqzzz".into();
        p.refresh(&b);
        assert!(p.creating);
        assert_eq!(p.items[0], Item::TopLevel);
        // The theme of the code matched last is offered as the new code's parent.
        assert_eq!(p.current(), Some(&Item::Code("malsattning".into())));
    }

    #[test]
    fn word_starts_first_and_no_weak_fuzzy_matches() {
        let b = book();
        let mut p = Picker::new(Purpose::Apply, &b);
        p.query = "liten".into();
        p.refresh(&b);
        assert_eq!(p.items, vec![Item::Code("liten-organisation".into())]);
        // A word start inside the name ranks above a match inside a word.
        p.query = "brist".into();
        p.refresh(&b);
        assert_eq!(p.current(), Some(&Item::Code("bristande-insikt".into())));
        assert!(p.items.contains(&Item::Code("resursbrist".into())));
        // Typing a theme lists its codes after it.
        p.query = "hinder".into();
        p.refresh(&b);
        assert_eq!(p.items[0], Item::Code("hinder".into()));
        assert!(p.items.contains(&Item::Code("kompetensbrist".into())));
        // Letters in order over two runs still find the code.
        p.query = "litorg".into();
        p.refresh(&b);
        assert_eq!(p.current(), Some(&Item::Code("liten-organisation".into())));
    }

    #[test]
    fn new_code_goes_under_the_highlighted_theme() {
        let b = book();
        let mut p = Picker::new(Purpose::Apply, &b);
        p.input("resursbrist", &b);
        assert_eq!(p.current(), Some(&Item::Code("resursbrist".into())));
        assert_eq!(
            p.update(Command::NewCode, &b),
            Some(Picked::Create {
                name: "resursbrist".into(),
                parent: Some("hinder".into())
            })
        );
        // Typing on past every match keeps the theme of the code that matched last.
        p.input(" i skolan", &b);
        assert!(p.creating);
        assert_eq!(p.current(), Some(&Item::Code("hinder".into())));
        assert_eq!(
            p.update(Command::Accept, &b),
            Some(Picked::Create {
                name: "resursbrist i skolan".into(),
                parent: Some("hinder".into())
            })
        );
    }

    #[test]
    fn move_excludes_own_subtree() {
        let b = book();
        let p = Picker::new(Purpose::MoveTo("hinder".into()), &b);
        assert!(!p.items.contains(&Item::Code("resursbrist".into())));
        assert_eq!(p.items[0], Item::TopLevel);
    }
}
