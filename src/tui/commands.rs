//! Every command of the workbench, declared once: its enum variant, its name in a keymap file and its default keys
//! per context. The enum, the help overlay, the footer and the default keymap are all generated from this table.

use super::keymap::KeyContext as Context;

/// Declares the commands: `Variant "name" { Context: ["key", "chord keys"], … }` (keys in help-overlay order).
macro_rules! commands {
    ($( $cmd:ident $name:literal { $( $ctx:ident : [ $( $key:literal ),+ ] ),* } ),* $(,)?) => {
        /// A command a key can be bound to; its snake_case name is what a user keymap file uses.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Command {
            $( $cmd ),*
        }

        impl Command {
            /// Every command in table order.
            pub const ALL: &[Command] = &[ $( Command::$cmd ),* ];

            /// The name used in keymap files (and in the catalogue keys of its texts).
            pub fn name(self) -> &'static str {
                match self {
                    $( Command::$cmd => $name ),*
                }
            }
        }

        /// (context, key or two-key chord, command): the default keymap, grouped by command in table order.
        pub const DEFAULT_KEYS: &[(Context, &str, Command)] = &[
            $( $( $( (Context::$ctx, $key, Command::$cmd), )+ )* )*
        ];
    };
}

impl Command {
    /// The command named `name` in a keymap file.
    pub fn from_name(name: &str) -> Option<Command> {
        Command::ALL.iter().copied().find(|c| c.name() == name)
    }
}

commands! {
    Quit "quit" { Global: ["q", "ctrl-c"] },
    Help "help" { Global: ["?", "f1"] },
    FocusNext "focus_next" { Global: ["tab"] },
    FocusPrev "focus_prev" { Global: ["backtab"] },
    Undo "undo" { Global: ["u"] },
    Redo "redo" { Global: ["ctrl-r"] },
    ToggleLayers "toggle_layers" { Global: ["L"] },
    ToggleBlind "toggle_blind" { Global: ["B"] },
    Retrieve "retrieve" { Global: ["R"] },
    Summary "summary" { Global: ["S"] },
    Agreement "agreement" { Global: ["K"] },
    Search "search" { Global: ["/"] },
    Suggestions "suggestions" { Global: ["F"] },
    Down "down" { Global: ["j", "down"], SearchQuery: ["down", "tab"], Help: ["j", "down"], Picker: ["down", "ctrl-j"], Editor: ["down"], Choose: ["j", "down"], DocFilter: ["down"] },
    Up "up" { Global: ["k", "up"], Help: ["k", "up"], Picker: ["up", "ctrl-k", "ctrl-p"], Editor: ["up"], Choose: ["k", "up"], DocFilter: ["up"] },
    PageDown "page_down" { Global: ["pagedown"], Help: ["pagedown"], Picker: ["pagedown"] },
    PageUp "page_up" { Global: ["pageup"], Help: ["pageup"], Picker: ["pageup"] },
    HalfPageDown "half_page_down" { Global: ["ctrl-d"] },
    HalfPageUp "half_page_up" { Global: ["ctrl-u"] },
    Top "top" { Global: ["g", "home"], Help: ["g"] },
    Bottom "bottom" { Global: ["G", "end"], Help: ["G"] },
    Cancel "cancel" { Global: ["esc"], Select: ["esc", "v"], Retrieval: ["esc"], Summary: ["esc"], SummaryCell: ["esc"], Agreement: ["esc"], SearchQuery: ["esc"], SearchList: ["esc"], Suggest: ["esc"], Help: ["esc", "q", "?"], Picker: ["esc"], Prompt: ["esc"], Choose: ["esc"], DocFilter: ["esc"] },
    Open "open" { Documents: ["enter", "l", "right"] },
    FilterDocs "filter_docs" { Documents: ["f"] },
    NextCase "next_case" { Documents: ["]"] },
    PrevCase "prev_case" { Documents: ["["] },
    Left "left" { Transcript: ["h", "left"], Summary: ["h", "left"], SearchQuery: ["left"], Prompt: ["left"], Editor: ["left"], DocFilter: ["left"] },
    Right "right" { Transcript: ["l", "right"], Summary: ["l", "right"], SearchQuery: ["right"], Prompt: ["right"], Editor: ["right"], DocFilter: ["right"] },
    LineStart "line_start" { Transcript: ["^"], SearchQuery: ["home"], Prompt: ["home"], Editor: ["home"], DocFilter: ["home"] },
    LineEnd "line_end" { Transcript: ["$"], SearchQuery: ["end"], Prompt: ["end"], Editor: ["end"], DocFilter: ["end"] },
    NextTurn "next_turn" { Transcript: ["]"] },
    PrevTurn "prev_turn" { Transcript: ["["] },
    WordForward "word_forward" { Transcript: ["w"] },
    WordBackward "word_backward" { Transcript: ["b"] },
    SentenceForward "sentence_forward" { Transcript: [")"] },
    SentenceBackward "sentence_backward" { Transcript: ["("] },
    TurnForward "turn_forward" { Transcript: ["}"] },
    TurnBackward "turn_backward" { Transcript: ["{"] },
    CenterCursor "center_cursor" { Transcript: ["z z"] },
    Select "select" { Transcript: ["v"] },
    SelectTurn "select_turn" { Transcript: ["V"] },
    Code "code" { Transcript: ["c"] },
    Uncode "uncode" { Transcript: ["x"] },
    Memo "memo" { Transcript: ["m"] },
    DocMemo "doc_memo" { Transcript: ["M"] },
    Toggle "toggle" { Codebook: ["enter", "space"] },
    Expand "expand" { Codebook: ["l", "right"] },
    Collapse "collapse" { Codebook: ["h", "left"] },
    AddCode "add_code" { Codebook: ["a"] },
    AddTopCode "add_top_code" { Codebook: ["A"] },
    RenameCode "rename_code" { Codebook: ["r"] },
    DescribeCode "describe_code" { Codebook: ["e"] },
    MoveCode "move_code" { Codebook: ["m"] },
    MergeCode "merge_code" { Codebook: ["M"] },
    ApplyCode "apply_code" { Codebook: ["c"] },
    Segments "segments" { Codebook: ["s"] },
    EditCodeQuery "edit_code_query" { Codebook: ["Q"] },
    AcceptSuggestion "accept_suggestion" { Suggest: ["a"] },
    SkipSuggestion "skip_suggestion" { Suggest: ["s"] },
    Jump "jump" { Retrieval: ["enter"], SummaryCell: ["enter"], Agreement: ["enter"], SearchList: ["enter"], Suggest: ["enter"] },
    ToggleScope "toggle_scope" { Retrieval: ["a"] },
    Filter "filter" { Retrieval: ["f"] },
    ChooseCode "choose_code" { Retrieval: ["c"], Agreement: ["c"], Suggest: ["c"] },
    Refresh "refresh" { Suggest: ["r"] },
    ShowCell "show_cell" { Summary: ["enter"] },
    CycleLayer "cycle_layer" { Summary: ["a"] },
    ToggleChart "toggle_chart" { Summary: ["t"] },
    TakeA "take_a" { Agreement: ["a"] },
    TakeB "take_b" { Agreement: ["b"] },
    TakeBoth "take_both" { Agreement: ["+"] },
    TakeNeither "take_neither" { Agreement: ["x"] },
    NextCoder "next_coder" { Agreement: ["o"] },
    CycleUnit "cycle_unit" { Agreement: ["t"] },
    AllCodes "all_codes" { Agreement: ["C"] },
    Accept "accept" { SearchQuery: ["enter"], Picker: ["enter"], Prompt: ["enter"], Choose: ["enter"], DocFilter: ["enter"] },
    MarkHit "mark_hit" { SearchList: ["space"] },
    MarkAll "mark_all" { SearchList: ["*"] },
    AutoCode "auto_code" { SearchList: ["A"] },
    CycleScope "cycle_scope" { SearchList: ["s"] },
    EditQuery "edit_query" { SearchList: ["/", "i"] },
    NewCode "new_code" { Picker: ["ctrl-n"] },
    Backspace "backspace" { SearchQuery: ["backspace"], Picker: ["backspace"], Prompt: ["backspace"], Editor: ["backspace"], DocFilter: ["backspace"] },
    Delete "delete" { SearchQuery: ["delete"], Prompt: ["delete"], Editor: ["delete"], DocFilter: ["delete"] },
    Save "save" { Editor: ["esc", "ctrl-s"] },
    Discard "discard" { Editor: ["ctrl-x"] },
    Newline "newline" { Editor: ["enter"] },
    Yes "yes" { Confirm: ["y", "enter"] },
    No "no" { Confirm: ["n", "esc"] },
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::parse_seq;
    use std::collections::BTreeSet;

    #[test]
    fn every_default_key_parses_and_is_bound_once_per_context() {
        let mut seen = BTreeSet::new();
        for (ctx, keys, cmd) in DEFAULT_KEYS {
            let seq = parse_seq(keys)
                .unwrap_or_else(|e| panic!("{cmd:?} in {ctx:?}: key {keys:?} does not parse: {e}"));
            assert!(
                seen.insert((*ctx, seq)),
                "{keys:?} is bound twice in {ctx:?}"
            );
        }
    }

    #[test]
    fn names_are_unique_and_round_trip() {
        let names: BTreeSet<&str> = Command::ALL.iter().map(|c| c.name()).collect();
        assert_eq!(names.len(), Command::ALL.len());
        for c in Command::ALL {
            assert_eq!(Command::from_name(c.name()), Some(*c));
        }
        assert_eq!(Command::from_name("fly"), None);
    }

    #[test]
    fn every_command_has_a_help_text_and_a_footer_word_in_both_languages() {
        use crate::i18n::{Lang, has_key};
        for c in Command::ALL {
            let name = c.name().replace('_', "-");
            for lang in Lang::ALL {
                for key in [format!("tui-cmd-{name}"), format!("tui-hint-{name}")] {
                    assert!(has_key(lang, &key), "{key} is missing in {lang}");
                }
            }
        }
        crate::i18n::with_lang(crate::i18n::Lang::Sv, || {
            assert_eq!(Command::Quit.hint(), "avsluta");
        });
    }
}
