//! Cursor motions over a transcript body by word, sentence and turn, in char offsets.

use crate::model::Transcript;
use unicode_segmentation::UnicodeSegmentation;

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn chars_from(t: &Transcript, pos: usize) -> impl Iterator<Item = char> + '_ {
    let b = t
        .offsets()
        .byte(pos.min(t.char_len()))
        .unwrap_or(t.text.len());
    t.text[b..].chars()
}

fn chars_before(t: &Transcript, pos: usize) -> impl Iterator<Item = char> + '_ {
    let b = t
        .offsets()
        .byte(pos.min(t.char_len()))
        .unwrap_or(t.text.len());
    t.text[..b].chars().rev()
}

/// Start of the next word after `pos`.
pub fn word_start_forward(t: &Transcript, pos: usize) -> usize {
    let mut p = pos;
    let mut it = chars_from(t, pos).peekable();
    while it.next_if(|c| is_word(*c)).is_some() {
        p += 1;
    }
    while it.next_if(|c| !is_word(*c)).is_some() {
        p += 1;
    }
    p.min(t.char_len().saturating_sub(1))
}

/// Last character of the word ending after `pos` (for extending a selection to whole words).
pub fn word_end_forward(t: &Transcript, pos: usize) -> usize {
    let mut p = pos + 1;
    let mut it = chars_from(t, p).peekable();
    while it.next_if(|c| !is_word(*c)).is_some() {
        p += 1;
    }
    while it.next_if(|c| is_word(*c)).is_some() {
        p += 1;
    }
    p.saturating_sub(1)
        .min(t.char_len().saturating_sub(1))
        .max(pos)
}

/// First character of the word before `pos`.
pub fn word_start_backward(t: &Transcript, pos: usize) -> usize {
    let mut p = pos;
    let mut it = chars_before(t, pos).peekable();
    while it.next_if(|c| !is_word(*c)).is_some() {
        p -= 1;
    }
    while it.next_if(|c| is_word(*c)).is_some() {
        p -= 1;
    }
    p
}

/// Sentences of one turn as (first char, last non-blank char), in body offsets.
fn sentences(t: &Transcript, turn: usize) -> Vec<(usize, usize)> {
    let Some(tr) = t.turns.get(turn) else {
        return Vec::new();
    };
    let text = t.slice(tr.start, tr.end).unwrap_or("");
    let mut out = Vec::new();
    let mut pos = tr.start;
    for s in text.split_sentence_bounds() {
        let n = s.chars().count();
        let lead = s.chars().take_while(|c| c.is_whitespace()).count();
        let trail = s.chars().rev().take_while(|c| c.is_whitespace()).count();
        if lead < n {
            out.push((pos + lead, pos + n - trail - 1));
        }
        pos += n;
    }
    out
}

/// Next sentence start after `pos`, or with `to_end` the last char of the sentence ending after `pos`.
pub fn sentence_forward(t: &Transcript, pos: usize, to_end: bool) -> usize {
    let Some(mut turn) = t.turn_at(pos) else {
        return pos;
    };
    while turn < t.turns.len() {
        let hit = sentences(t, turn)
            .into_iter()
            .map(|(s, e)| if to_end { e } else { s })
            .find(|&p| p > pos);
        if let Some(p) = hit {
            return p;
        }
        turn += 1;
    }
    pos
}

/// Start of the sentence before `pos` (the current one's start when inside it).
pub fn sentence_backward(t: &Transcript, pos: usize) -> usize {
    let Some(mut turn) = t.turn_at(pos) else {
        return pos;
    };
    loop {
        if let Some(p) = sentences(t, turn)
            .into_iter()
            .map(|(s, _)| s)
            .rfind(|&s| s < pos)
        {
            return p;
        }
        if turn == 0 {
            return pos;
        }
        turn -= 1;
    }
}

/// (first, last) char of a turn's own text, trailing blanks excluded.
pub fn turn_span(t: &Transcript, turn: usize) -> Option<(usize, usize)> {
    let tr = t.turns.get(turn)?;
    let text = t.slice(tr.start, tr.end)?;
    let trail = text.chars().rev().take_while(|c| c.is_whitespace()).count();
    let last = tr.end.checked_sub(trail + 1)?;
    (last >= tr.start).then_some((tr.start, last))
}

/// Last char of the current turn, or of the next one when already there.
pub fn turn_end_forward(t: &Transcript, pos: usize) -> usize {
    let Some(turn) = t.turn_at(pos) else {
        return pos;
    };
    (turn..t.turns.len())
        .filter_map(|i| turn_span(t, i))
        .map(|(_, e)| e)
        .find(|&e| e > pos)
        .unwrap_or(pos)
}

/// First char of the current turn's text, or of the previous turn when already there.
pub fn turn_start_backward(t: &Transcript, pos: usize) -> usize {
    let Some(turn) = t.turn_at(pos) else {
        return pos;
    };
    (0..=turn)
        .rev()
        .filter_map(|i| t.turns.get(i).map(|tr| tr.start))
        .find(|&s| s < pos)
        .unwrap_or(pos)
}

/// Start of the next turn's text.
pub fn next_turn(t: &Transcript, pos: usize) -> usize {
    let next = t.turn_at(pos).map_or(0, |i| i + 1);
    t.turns.get(next).map_or(pos, |tr| tr.start)
}

/// Start of the current turn's text, or of the previous turn when already there.
pub fn prev_turn(t: &Transcript, pos: usize) -> usize {
    turn_start_backward(t, pos)
}

/// Trims whitespace from both ends of `[start, end)`; None when nothing is left.
pub fn trim_span(t: &Transcript, start: usize, end: usize) -> Option<(usize, usize)> {
    let s = t.slice(start, end)?;
    let lead = s.chars().take_while(|c| c.is_whitespace()).count();
    let trail = s.chars().rev().take_while(|c| c.is_whitespace()).count();
    let (a, b) = (start + lead, end.saturating_sub(trail));
    (a < b).then_some((a, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Transcript {
        Transcript::parse(
            "Intervjuare: Hej. Hur går det?\n\nRespondent: Bra, tack! Vi har resurser.\n",
            "d",
        )
        .unwrap()
    }

    #[test]
    fn words() {
        let t = doc();
        let s = t.turns[0].start; // "Hej."
        assert_eq!(word_start_forward(&t, s), s + 5);
        assert_eq!(word_end_forward(&t, s), s + 2);
        assert_eq!(word_end_forward(&t, s + 2), s + 7);
        assert_eq!(word_start_backward(&t, s + 5), s);
        assert_eq!(word_start_backward(&t, s + 6), s + 5);
    }

    #[test]
    fn sentences_and_turns() {
        let t = doc();
        let s0 = t.turns[0].start;
        assert_eq!(sentence_forward(&t, s0, true), s0 + 3);
        assert_eq!(sentence_forward(&t, s0, false), s0 + 5);
        let s1 = t.turns[1].start;
        assert_eq!(sentence_forward(&t, s0 + 6, false), s1);
        assert_eq!(sentence_backward(&t, s1), s0 + 5);
        let (a, b) = turn_span(&t, 1).unwrap();
        assert_eq!(t.slice(a, b + 1), Some("Bra, tack! Vi har resurser."));
        assert_eq!(turn_end_forward(&t, s1), b);
        assert_eq!(next_turn(&t, s0), s1);
        assert_eq!(prev_turn(&t, s1), s0);
        assert_eq!(trim_span(&t, s0 - 1, s0 + 5), Some((s0, s0 + 4)));
    }
}
