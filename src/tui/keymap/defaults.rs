//! The footer hints per context (the default keys are declared with the commands in `tui/commands.rs`).

use super::KeyContext::{self as Cx};
use crate::tui::action::Command::{self, *};

/// Commands shown in the footer, per context, most useful first (keys come from the keymap).
pub const HINTS: &[(Cx, &[Command])] = &[
    (
        Cx::Documents,
        &[
            Open, FilterDocs, FocusNext, Search, Summary, Help, Quit, Retrieve, NextCase,
        ],
    ),
    (
        Cx::Transcript,
        &[
            SelectTurn, Select, Code, Uncode, Memo, NextTurn, Undo, FocusNext, Help, Quit,
        ],
    ),
    (
        Cx::Select,
        &[
            WordForward,
            SentenceForward,
            TurnForward,
            Code,
            Cancel,
            Help,
        ],
    ),
    (
        Cx::Codebook,
        &[
            Toggle,
            AddCode,
            RenameCode,
            DescribeCode,
            MoveCode,
            MergeCode,
            Segments,
            ApplyCode,
            Help,
        ],
    ),
    (
        Cx::Retrieval,
        &[Jump, ChooseCode, ToggleScope, Filter, Cancel, Help],
    ),
    (
        Cx::Summary,
        &[ShowCell, Right, CycleLayer, ToggleChart, Cancel, Help, Quit],
    ),
    (Cx::SummaryCell, &[Jump, Cancel, Help, Quit]),
    (
        Cx::Agreement,
        &[
            TakeA,
            TakeB,
            TakeBoth,
            TakeNeither,
            Jump,
            Cancel,
            NextCoder,
            CycleUnit,
            ChooseCode,
            Undo,
            Help,
        ],
    ),
    (Cx::SearchQuery, &[Accept, Down, Cancel]),
    (Cx::DocFilter, &[Accept, Cancel]),
    (
        Cx::Suggest,
        &[
            AcceptSuggestion,
            SkipSuggestion,
            Jump,
            ChooseCode,
            Refresh,
            Undo,
            Cancel,
            Help,
        ],
    ),
    (
        Cx::SearchList,
        &[
            Jump, MarkHit, MarkAll, AutoCode, CycleScope, EditQuery, Cancel, Help,
        ],
    ),
    (Cx::Help, &[Down, Up, Cancel]),
    (Cx::Picker, &[Accept, NewCode, Cancel]),
    (Cx::Prompt, &[Accept, Cancel]),
    (Cx::Editor, &[Save, Discard, Newline]),
    (Cx::Confirm, &[Yes, No]),
    (Cx::Choose, &[Accept, Cancel]),
];
