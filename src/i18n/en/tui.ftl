# English text of the workbench (kodbok tui). Keys start with tui-.
# Every key here must also be in ../sv/tui.ftl. See src/i18n.rs for how to add a string.

tui-language-name = English

## Commands: tui-cmd-<name> is the help text, tui-hint-<name> the footer word (<name> as in keymap.toml, - for _)
tui-cmd-quit = quit (everything is already saved)
tui-hint-quit = quit
tui-cmd-help = show this help
tui-hint-help = help
tui-cmd-focus-next = focus the next pane
tui-hint-focus-next = pane
tui-cmd-focus-prev = focus the previous pane
tui-hint-focus-prev = previous pane
tui-cmd-undo = undo the last coding or codebook change
tui-hint-undo = undo
tui-cmd-redo = redo what was undone
tui-hint-redo = redo
tui-cmd-toggle-layers = show or hide other coders' codings
tui-hint-toggle-layers = others
tui-cmd-toggle-blind = blind mode: hide other coders entirely
tui-hint-toggle-blind = blind
tui-cmd-retrieve = list the segments of a code
tui-hint-retrieve = segments
tui-cmd-summary = compare the groups (hög/låg) code by code
tui-hint-summary = groups
tui-cmd-agreement = agreement: where two coders differ, decide into konsensus
tui-hint-agreement = agree
tui-cmd-search = search (syntax shown in the pane when the query is empty)
tui-hint-search = search
tui-cmd-suggestions = suggestions: passages a code's query finds, not coded yet
tui-hint-suggestions = suggest
tui-cmd-down = move down
tui-hint-down = down
tui-cmd-up = move up
tui-hint-up = up
tui-cmd-page-down = page down
tui-hint-page-down = page down
tui-cmd-page-up = page up
tui-hint-page-up = page up
tui-cmd-half-page-down = half a page down
tui-hint-half-page-down = half page down
tui-cmd-half-page-up = half a page up
tui-hint-half-page-up = half page up
tui-cmd-top = go to the top
tui-hint-top = top
tui-cmd-bottom = go to the bottom
tui-hint-bottom = bottom
tui-cmd-cancel = cancel the selection / close
tui-hint-cancel = cancel
tui-cmd-open = open the transcript
tui-hint-open = open
tui-cmd-filter-docs = filter the list: type part of a transcript id, case or attribute value (Esc clears)
tui-hint-filter-docs = filter
tui-cmd-next-case = first transcript of the next case
tui-hint-next-case = next case
tui-cmd-prev-case = first transcript of this case, then of the case before
tui-hint-prev-case = previous case
tui-cmd-left = move left
tui-hint-left = left
tui-cmd-right = move right
tui-hint-right = column
tui-cmd-line-start = start of the line
tui-hint-line-start = line start
tui-cmd-line-end = end of the line
tui-hint-line-end = line end
tui-cmd-next-turn = next speaker turn
tui-hint-next-turn = turn
tui-cmd-prev-turn = previous speaker turn
tui-hint-prev-turn = previous turn
tui-cmd-word-forward = next word (extends a selection)
tui-hint-word-forward = word
tui-cmd-word-backward = previous word (extends a selection)
tui-hint-word-backward = previous word
tui-cmd-sentence-forward = next sentence (extends a selection)
tui-hint-sentence-forward = sentence
tui-cmd-sentence-backward = previous sentence (extends a selection)
tui-hint-sentence-backward = previous sentence
tui-cmd-turn-forward = to the end of the turn (extends a selection)
tui-hint-turn-forward = turn end
tui-cmd-turn-backward = to the start of the turn (extends a selection)
tui-hint-turn-backward = turn start
tui-cmd-center-cursor = scroll so the cursor is in the middle
tui-hint-center-cursor = centre
tui-cmd-select = start a selection at the cursor
tui-hint-select = select
tui-cmd-select-turn = select the whole current turn
tui-hint-select-turn = turn
tui-cmd-code = code the selection (pick a code)
tui-hint-code = code
tui-cmd-uncode = remove a coding under the cursor
tui-hint-uncode = uncode
tui-cmd-memo = memo on the coding under the cursor
tui-hint-memo = memo
tui-cmd-doc-memo = memo on the transcript
tui-hint-doc-memo = doc memo
tui-cmd-toggle = collapse or expand the code
tui-hint-toggle = fold
tui-cmd-expand = expand the code
tui-hint-expand = expand
tui-cmd-collapse = collapse the code
tui-hint-collapse = collapse
tui-cmd-add-code = add a sub-code under this code
tui-hint-add-code = add
tui-cmd-add-top-code = add a top-level code
tui-hint-add-top-code = new theme
tui-cmd-rename-code = rename the code
tui-hint-rename-code = rename
tui-cmd-describe-code = edit the code's description
tui-hint-describe-code = describe
tui-cmd-move-code = move the code under another parent
tui-hint-move-code = move
tui-cmd-merge-code = merge the code into another
tui-hint-merge-code = merge
tui-cmd-apply-code = apply this code to the selection
tui-hint-apply-code = apply
tui-cmd-segments = list every segment coded with this code
tui-hint-segments = segments
tui-cmd-edit-code-query = edit the code's saved search query (for code-query: and suggestions)
tui-hint-edit-code-query = query
tui-cmd-jump = jump to the passage
tui-hint-jump = jump
tui-cmd-toggle-scope = this coder / all coders
tui-hint-toggle-scope = coders
tui-cmd-filter = filter by attributes (grupp:låg, or grupp=låg)
tui-hint-filter = filter
tui-cmd-choose-code = choose the code to list
tui-hint-choose-code = code
tui-cmd-refresh = look for suggestions again
tui-hint-refresh = refresh
tui-cmd-accept-suggestion = accept: code the passage (per the code's query scope); u undoes it
tui-hint-accept-suggestion = accept
tui-cmd-skip-suggestion = skip: the suggestion does not come back
tui-hint-skip-suggestion = skip
tui-cmd-show-cell = list the segments behind the number
tui-hint-show-cell = segments
tui-cmd-cycle-layer = count all coders merged / this coder / konsensus
tui-hint-cycle-layer = layer
tui-cmd-toggle-chart = table or bar chart per theme
tui-hint-toggle-chart = chart
tui-cmd-take-a = konsensus takes coder A's coding of the unit
tui-hint-take-a = A
tui-cmd-take-b = konsensus takes coder B's coding of the unit
tui-hint-take-b = B
tui-cmd-take-both = konsensus takes both coders' codings (their union)
tui-hint-take-both = both
tui-cmd-take-neither = konsensus takes neither (no coding of the code there)
tui-hint-take-neither = neither
tui-cmd-next-coder = compare with the next other coder (B)
tui-hint-next-coder = coder
tui-cmd-cycle-unit = unit: turn / sentence
tui-hint-cycle-unit = unit
tui-cmd-all-codes = compare every code again (not one)
tui-hint-all-codes = all codes
tui-cmd-accept = accept
tui-hint-accept = ok
tui-cmd-mark-hit = mark or unmark the hit for auto-coding
tui-hint-mark-hit = mark
tui-cmd-mark-all = mark all hits, or none
tui-hint-mark-all = all
tui-cmd-auto-code = auto-code the marked hits (all when none is marked)
tui-hint-auto-code = auto-code
tui-cmd-cycle-scope = auto-code scope: match, sentence or turn
tui-hint-cycle-scope = scope
tui-cmd-edit-query = edit the query
tui-hint-edit-query = query
tui-cmd-new-code = create a new code named as typed
tui-hint-new-code = new code
tui-cmd-backspace = delete before the cursor
tui-hint-backspace = delete back
tui-cmd-delete = delete at the cursor
tui-hint-delete = delete
tui-cmd-save = save and close
tui-hint-save = save
tui-cmd-discard = discard changes and close
tui-hint-discard = discard
tui-cmd-newline = new line
tui-hint-newline = new line
tui-cmd-yes = yes
tui-hint-yes = yes
tui-cmd-no = no
tui-hint-no = no

## The help overlay
tui-help-title = Help: every key ({ $close } closes, { $down }/{ $up } scroll)
tui-help-intro = Every change is saved at once; { $quit } quits without asking. Keys can be changed in .kodbok/keymap.toml.
tui-help-shortcuts = Code shortcuts (apply to the selection)
tui-help-global = Everywhere (except in text fields)
tui-help-documents = Documents pane
tui-help-doc-filter = Documents filter (f): typing narrows the list
tui-help-transcript = Transcript
tui-help-select = While selecting (motions extend the selection)
tui-help-codebook = Codebook pane
tui-help-retrieval = Segments screen
tui-help-summary = Group comparison (S)
tui-help-summary-cell = Segments behind a number
tui-help-search-query = Search: the query line (type; the syntax shows while it is empty)
tui-help-search-list = Search: the hits
tui-help-help = This help
tui-help-picker = Code picker (type to filter)
tui-help-prompt = One-line input
tui-help-editor = Memo editor (type to write; Esc saves, Ctrl-x discards)
tui-help-confirm = Questions
tui-help-choose = Choosing a coding
tui-help-agreement = Agreement screen (K): decide differences into konsensus
tui-help-suggest = Suggestions (F): passages a code's saved query finds that you have not coded

## Mode names in the status bar
tui-mode-read = READ
tui-mode-docs = DOCS
tui-mode-select = SELECT
tui-mode-codebook = CODEBOOK
tui-mode-segments = SEGMENTS
tui-mode-summary = SUMMARY
tui-mode-agreement = AGREEMENT
tui-mode-suggest = SUGGEST
tui-mode-search = SEARCH
tui-mode-help = HELP
tui-mode-pick = PICK CODE
tui-mode-input = INPUT
tui-mode-edit = EDIT
tui-mode-confirm = CONFIRM
tui-mode-choose = CHOOSE

## The right end of the status bar
tui-status-read-only = READ-ONLY
tui-status-blind = blind
tui-status-others = +others
tui-status-not-saved = NOT SAVED, retrying
tui-status-saved = saved { $time }

## Panes
tui-pane-documents = Documents
tui-pane-transcript = Transcript
tui-pane-codebook = Codebook
tui-docs-empty = No transcripts yet.
tui-docs-add = Add some with
tui-docs-no-case = (no case)
tui-docs-no-match = No transcript matches “{ $filter }” (Esc clears the filter).
tui-docs-filter-label = Filter:
tui-docs-filter-count = { $shown } of { $total }
tui-reading-texts = Reading { $n ->
    [one] one transcript
   *[other] { $n } transcripts
}…
tui-texts-unreadable = The transcripts could not be read: { $error }
tui-text-unreadable = { $id } could not be read: { $error }
tui-codebook-empty = No codes yet ({ $key } adds one).
tui-codebook-include = Include: { $text }
tui-codebook-exclude = Exclude: { $text }
tui-codebook-no-description = No description ({ $key } edits it).
tui-transcript-none = This project has no transcripts yet.
tui-transcript-not-open = No transcript open.
tui-transcript-choose = Choose one under Documents and press { $key }.
tui-transcript-memo = ✎ memo

## The code picker and dialogs
tui-picker-apply = Code the selection
tui-picker-retrieve = Segments of code
tui-picker-move = Move under
tui-picker-merge = Merge into
tui-picker-agree = Compare agreement on
tui-picker-autocode = Auto-code the hits with
tui-picker-no-match = No code matches.
tui-picker-top-level = (top level)
tui-dialog-confirm = Confirm
tui-new-code-question = Create the code «{ $name }» under { $under } and apply it to the selection?
tui-new-code-top-level = the top level
tui-new-code-need-name = Type the new code's name first.

## Messages
tui-msg-coded = Coded { $name } ({ $chars } chars). u undoes; Esc clears the selection.
tui-msg-read-only = Read-only: { $coder }'s codings are open in another session ({ $holder }).
tui-msg-select-first = Select text first (V: the turn, v: a selection), then apply { $path }.
tui-msg-open-first = Open a transcript and select text first.
tui-msg-blank = The selection is blank.
tui-msg-already = Already coded { $path } here.
tui-msg-counting = Counting { $layer }.
tui-layer-all = all coders merged
tui-layer-mine = this coder ({ $coder })
tui-layer-consensus = konsensus ({ $file })
tui-summary-layer = Layer: { $layer }

## Codings that no longer match an edited transcript (what kodbok check reports)
tui-stale-question = { $n ->
    [one] One of your codings no longer matches
   *[other] { $n } of your codings no longer match
} the transcript's text (it was edited since). Move them to where their quotes are now, as kodbok check --reanchor does?
tui-stale-others = { $n ->
    [one] One coding of other coders no longer matches
   *[other] { $n } codings of other coders no longer match
} an edited transcript: kodbok check --reanchor moves them.
tui-stale-done = Re-anchored { $moved } of { $stale } codings; { $lost } could not be found again (kodbok check lists them).
tui-help-last-message = The last message
tui-dialog-yes-no = y/Enter: yes    n/Esc: no

## Full screens
tui-summary-title = Group comparison by { $attr }
tui-summary-cell-title = Segments behind the number
tui-summary-no-groups = No groups to compare.
tui-summary-chart-note = Share of each group's cases with the code (a theme counts its sub-codes)
tui-segments-title = Segments
tui-segments-title-code = Segments: { $path }
tui-segments-all-coders = all coders
tui-segments-no-filter = none
tui-segments-info = { $n ->
    [one] 1 segment
   *[other] { $n } segments
} incl. sub-codes · { $scope } · filter: { $filter }
tui-segments-choose = Choose a code ({ $key }).
tui-segments-none = No segments match.
tui-agree-title = Agreement: A { $a } × B { $b }
tui-agree-no-differences = No differences: the two coders agree on every unit here.

## The suggestion review screen (F) and saved queries (Q)
tui-suggest-title = Suggestions for { $coder }
tui-suggest-every-code = every code with a saved query
tui-suggest-info = { $which } · { $n } to review · this visit: { $accepted } accepted, { $skipped } skipped
tui-suggest-loading = Looking for passages the saved queries find…
tui-suggest-none = Nothing to review: every passage the saved queries find is coded or skipped.
tui-suggest-head = { $path } · { $case } · { $doc } · turn { $turn } · { $speaker }
tui-suggest-codes = { $key } codes the { $scope ->
    [match] match
    [sentence] sentence
   *[turn] turn
}: «{ $quote }»
tui-suggest-coded = Coded { $path } ({ $scope ->
    [match] the match
    [sentence] the sentence
   *[turn] the turn
}). u undoes it.
tui-suggest-cannot-code = Cannot code this passage: { $error }
tui-suggest-jumped = The passage is selected: c codes it, Esc clears it, F returns to the suggestions.
tui-suggest-skip-failed = The skip was not remembered ({ $error }); it may come back next time.
tui-suggest-no-index = the search index is not open yet
tui-suggest-no-query = No code has a saved query yet: select a code in the codebook and press { $key } to give it one.
tui-code-query-prompt = Saved query (empty clears it) of
tui-code-query-bad = Query, { $problem }

## The search pane
tui-search-title = Search
tui-search-syntax-head = Query syntax:
tui-search-syntax-word = resurs                 the word in all its forms (resursen …, små → liten)
tui-search-syntax-phrase = "politiska ledningen"  exact phrase;  "ledning stöd"~5: in order, ≤5 between
tui-search-syntax-regex = /resurs(er)? saknas/i  regular expression over each turn (i: ignore case)
tui-search-syntax-prefix = informationssäk*       words beginning so;  ledningn~1: within 1 edit
tui-search-syntax-bool = a b  a OR b  -a  ( )   AND (also implied) binds tighter than OR
tui-search-syntax-filters = code:hinder  coder:NAME  case:"Kommun C"  speaker:Respondent  doc:ID
tui-search-syntax-attrs = grupp:låg or grupp=LÅG (cases.csv)  code-query:X  -code:X: not coded X
tui-search-column = column { $col }:{" "}
tui-search-index-updating = Updating the search index: { $done } of { $total } transcripts…
tui-search-index-opening = Opening the search index…
tui-search-index-failed = Search index: { $error }
tui-search-type = Type a query; hits update as you type (↓ or Enter to the hits).
tui-search-best = { $total } turns match; the best { $shown } are listed
tui-search-total = { $total ->
    [one] 1 turn matches
   *[other] { $total } turns match
}
tui-search-scope = { $scope ->
    [match] match
    [sentence] sentence
   *[turn] turn
}
tui-search-bottom = auto-code scope: { $scope } · { $marked } of { $hits } marked
tui-search-hit-head = { $mark } { $case } · { $doc } · turn { $turn } · { $speaker }
tui-search-scope-set = Auto-code scope: { $scope }.
tui-search-jumped = The match is selected: c codes it, Esc clears it, / returns to the hits.
tui-autocode-failed = Cannot auto-code: { $error }
tui-autocode-nothing = Nothing to add: { $n } passages are already coded { $path }.
tui-autocode-confirm = Code { $n } passages with { $path } as { $coder } (scope { $scope }; { $hits } hits, { $skipped } already coded)? One undo step. E.g. { $examples }
tui-autocode-done = Auto-coded { $n } passages. u undoes them all.
tui-summary-legend = k/n of group · Δ case share vs rest (pp)
tui-summary-no-codes = No codes yet.
tui-summary-all = all
tui-summary-merged = merged: { $spellings }
tui-summary-col-code = code
tui-summary-col-cases = cases
tui-summary-col-intv = intv
tui-summary-col-segs = segs
tui-summary-list-nums = { " · " }cases { $cases }/{ $cases_in } · interviews { $docs }/{ $docs_in }
tui-summary-list-head = { $path } · { $group }: { $n ->
    [one] 1 segment
   *[other] { $n } segments
}{ $nums } · { $layer }
tui-agree-error = { $error }. o compares with another coder.
tui-agree-all-codes = all codes
tui-agree-head = unit: { $unit } · { $code } · { $n ->
    [one] 1 transcript
   *[other] { $n } transcripts
} coded by both
tui-agree-figures = agreement { $percent } · kappa { $kappa } · alpha { $alpha } · { $n } differences, { $decided } decided
tui-agree-open = open (no coding there yet; also how a decision for neither looks)
tui-agree-other = something else (changed by hand)
tui-agree-decided = decided: { $choice }
tui-segment-head = { $case } · { $doc } · turn { $turn } · { $speaker } · { $code }
tui-unit-turn = turn
tui-unit-sentence = sentence
tui-unit-char = character
tui-theme-unknown = KODBOK_THEME={ $value } is not a theme (default, no-color, high-contrast, colour-blind); default used
tui-save-codings = codings
tui-save-codebook = codebook
tui-save-history = undo history
tui-blind-no-agreement = Blind mode is on: the agreement view shows other coders' codings (B turns it off).
tui-agree-needs-two = The agreement view needs two coders with codings (besides konsensus).
tui-agree-is-consensus = This session is konsensus itself: decide as one of the coders (kodbok tui --coder NAME).
tui-changed-since = { $what } was changed since (by another session)
tui-read-only-nothing-saved = { $coder }'s codings are open read-only in this session; nothing was saved
tui-op-coding = coding with { $code }
tui-op-removal = removal of a { $code } coding
tui-op-coding-memo = coding memo
tui-op-doc-memo = transcript memo
tui-history-unreadable = { $path }: unreadable undo history ({ $error }); starting a new one
tui-blind-only-yours-listed = Blind mode is on: only your codings are listed.
tui-filter-prompt = Filter (e.g. grupp:låg speaker:Respondent; empty: none)
tui-filter-expected = expected key:value, found { $found } (e.g. grupp:låg)
tui-filter-no-key = expected an attribute name before the value in { $found }
tui-index-stopped = the index thread stopped
tui-index-not-open = the search index is not open yet
tui-shortcut-taken = shortcut { $key } of code { $code } is also a key binding; use the picker (c) for it
tui-summary-no-segments = No segments behind this number.
tui-blind-only-yours-counted = Blind mode is on: only your own codings are counted (B turns it off).
tui-summary-no-codings = You have no codings yet: code a passage and the numbers appear here.
tui-summary-no-consensus = No consensus layer yet ({ $file }): `kodbok consensus` makes it.
tui-saved-again = Saved again: nothing was lost.
tui-save-failed = Could not save { $what }: { $error }. Kept in memory; retrying.
tui-codebook-reloaded = The codebook was changed by another session; reloaded.
tui-last-change = the last change
tui-codebook-conflict = Another session changed the codebook at the same time; { $dropped } was not saved. Please do it again.
tui-quit-unsaved = Saving { $what } keeps failing. Quit anyway? A rescue copy is written to { $dir } first.
tui-blind-others-hidden = Blind mode is on: other coders stay hidden (B turns it off).
tui-layers-none = No other coder has codings in this project yet.
tui-layers-showing = Showing { $coders } (dimmed stripes, initials).
tui-layers-mine = Showing only your codings.
tui-blind-on = Blind mode: other coders' codings and counts are hidden.
tui-blind-off = Blind mode off (L shows other coders).
tui-consensus-unchanged = konsensus already holds that here; nothing changed.
tui-undone = Undone: { $label }.
tui-redone = Redone: { $label }.
tui-cannot-undo = Cannot undo: { $error }. That step was dropped.
tui-cannot-redo = Cannot redo: { $error }. That step was dropped.
tui-op-coding-exists = that coding already exists
tui-op-doc-gone = transcript { $doc } is no longer in the project
tui-op-code-gone = code { $code } is no longer in the codebook
tui-op-coding-gone = that coding no longer exists
tui-codebook-changed-since = the codebook was changed since (by another session)
tui-new-sub-code = New sub-code of
tui-new-top-code = New top-level code
tui-rename-code = Rename { $name }
tui-describe-code = Describe { $path } (the Include:/Exclude: lines are the notes)
tui-codebook-empty-hint = The codebook is empty: A adds a top-level code.
tui-top-level = the top level
tui-op-moved = moved { $path } under { $to }
tui-no-coding-here = None of your codings is under the cursor.
tui-which-coding-remove = Which coding to remove?
tui-which-coding-memo = Which coding to write a memo on?
tui-memo-saved = Memo saved.
tui-code-needs-name = A code needs a name.
tui-op-new-code = new code { $name } under { $under }
tui-no-transcripts-hint = No transcripts yet: add some with `kodbok import FILE…`.
tui-no-code-matches = No code matches.
tui-memo-discarded = Discarded the changes to the memo.
tui-reload-unreadable = { $id } changed on disk but cannot be read (line { $line }: { $error }); the version in memory is kept
tui-reloaded = { $id } changed on disk and was reloaded
tui-reloaded-moved = ; { $n } of your codings moved with their text
tui-reloaded-lost = ; { $n } no longer match the text (kept; `kodbok check` lists them)
tui-no-transcript-open = No transcript open: pick one in the documents pane (Tab, Enter).
tui-select-first = Select text first: V selects the turn, v starts a selection.
tui-docs-import-command = kodbok import FILE…
tui-picker-new = «{ $name }» is new: { $key } creates it under the highlighted code
tui-no-fullscreen = cannot switch the terminal to full-screen mode
tui-no-terminal = cannot use the terminal
tui-keymap-bad-toml = { $path }: not valid TOML ({ $error }); default keys kept
tui-keymap-unknown-section = { $path }: unknown section [{ $section }]
tui-keymap-not-table = { $path }: [{ $section }] must be a table
tui-keymap-bad-binding = { $path }: [{ $section }] { $key }: { $error }; default kept
tui-keymap-expected-command = expected a command name in quotes
tui-codebook-counts-mine = mine
tui-codebook-counts-all = mine/all
tui-agree-jumped = { $doc } { $unit }; K goes back.
tui-batch-not-logged = the auto-code batch was not logged: { $error }
tui-batch-not-unlogged = the auto-code batch stays in the log: { $error }
tui-op-decision = { $coder } decision { $choice } on { $unit }
tui-keymap-unknown-command = unknown command { $name }
tui-keymap-unreadable = { $path }: { $error }; default keys kept
tui-keymap-expected-key = expected a key or a two-key chord, found { $found }
tui-key-unknown = unknown key { $key }
tui-key-unclosed = unclosed <{ $name } in key sequence
tui-index-report = { $turns } turns, { $docs } transcripts re-indexed
tui-cannot-open = cannot open the project in { $dir }
tui-decisions-unreadable = the consensus decision log cannot be read: { $error }
tui-more-warnings = { " " }(+{ $n } more in .kodbok/tui.log)
tui-consensus-not-changed = konsensus not changed: { $error }
tui-not-changed = Not changed: { $error }
tui-op-renamed = renamed { $old } to { $new }
tui-op-merged = merged { $from } into { $into }
tui-key-does-nothing = { $key } does nothing here (? lists the keys).
tui-memo-on = Memo on { $what }
tui-memo-on-doc = Memo on transcript { $doc }
tui-op-description = description of { $path }
tui-code-exists-there = There is already a code { $name } there.
tui-nothing-to-undo = Nothing to undo.
tui-nothing-to-redo = Nothing to redo.
tui-not-done = Not done: { $error }
tui-op-saved-query = saved query of { $path }
tui-no-such-doc = No transcript { $id }.
tui-rescue-failed = Could not write a rescue copy either ({ $error }); not quitting.
tui-dumb-terminal = this terminal (TERM=dumb) cannot show the workbench: it needs a full-screen terminal such as xterm, GNOME Terminal, Windows Terminal or tmux (TERM=xterm-256color). Every task also has a command: see `kodbok --help`.
tui-terminal-gone = the terminal went away; everything coded was saved
tui-coder-reloaded = Updated { $coder }'s codings from disk.
tui-agree-row-open = open
tui-codebook-changed = Codebook: { $label } (u undoes).
tui-removed = Removed { $label } (u undoes).
tui-agree-taken = { $unit } → { $choice }, +{ $added } −{ $removed } codings; u undoes
tui-op-autocode = auto-code of { $n ->
    [one] 1 passage
   *[other] { $n } passages
} with { $path }
