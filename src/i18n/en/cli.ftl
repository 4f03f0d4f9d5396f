# English messages of the command line (kodbok <command>).
# Every key here must also be in ../sv/cli.ftl. See src/i18n.rs for how to add a string.

error-prefix = kodbok
error-caused-by = caused by
cases-count = { $n ->
    [one] 1 case
   *[other] { $n } cases
}
interviews-count = { $n ->
    [one] 1 interview
   *[other] { $n } interviews
}
segments-count = { $n ->
    [one] 1 segment
   *[other] { $n } segments
}
transcripts-count = { $n ->
    [one] 1 transcript
   *[other] { $n } transcripts
}
lang-unknown = unknown language { $value }: use sv or en
layer-left-out = ; left out by the project settings (codebook.json, settings.exclude_coders): { $coders }
layer-line = Layer: { $description }
layer-and-coder = choose the layer once: --layer, or the older --coder, not both
group-all = all
group-no-value = (no value)
summary-group = { $value } = { $cases ->
    [one] 1 case
   *[other] { $cases } cases
}, { $interviews ->
    [one] 1 interview
   *[other] { $interviews } interviews
}, { $words } words
summary-grouped = Grouped by { $attr }: { $groups }
summary-grouped-none = Grouped by { $attr }: no transcripts yet
summary-partial = Note: this layer has codings in { $coded } of { $all } interviews; the others count as not coded.
summary-cells = Cells: cases/in group, interviews/in group, segments, share of the group's words coded. Themes count their sub-codes.
warn-skipped = warning: { $n ->
    [one] 1 coding is
   *[other] { $n } codings are
} not counted: its transcript or code is unknown or its span is out of range (see `kodbok check`)
wrote-file = wrote { $path }
filter-syntax = expected key:value (or key=value), found { $found }
unknown-attribute = no case attribute or transcript header field { $attr }; known: { $known }
unknown-value = no case or transcript has { $attr } = { $value }; its values: { $known }
unknown-case = no case { $case } in this project; cases: { $known }
unknown-doc = no transcript { $doc } in this project; transcripts: { $known }
no-such-turn = { $doc } has turns 1–{ $last }, not { $n }
already-coded = { $doc } already has code { $code } on characters { $start }–{ $end } by { $coder }; nothing was added
nothing-to-list = (nothing to list)
agree-needs-two = agree compares at least two coders: --layer A,B (or --coders A,B)
agree-which-coders = this project has { $n } coders ({ $coders }): name the ones to compare with --layer A,B
agree-too-few = agree needs two coders with codings; this project has: { $coders }
import-same-id = { $first } and { $second } would both become transcript { $id }; nothing was imported. Import them one at a time with --id, or rename one
import-exists = { $path }: transcript { $id } already exists ({ $dest }); nothing was imported. Use --force to replace it, or --id to choose another id
import-id-one = --id names one transcript, but { $n } files were given
import-cases-and-case = --cases gives each file its case; leave out --case
import-cases-no-row = { $sheet } has no row for { $file } (its `file` column names each source file); nothing was imported
imported = imported { $path } → { $dest } ({ $encoding }; case { $case }; { $turns } turns, { $words } words)
project-missing = the folder { $dir } does not exist
not-a-project = { $dir } is not a kodbok project: it has no codebook.json (start one with `kodbok init`)
init-created = Created a kodbok project in { $dir }.
init-next =
    Next steps:
      1. Bring in an interview:   kodbok{ $project } import interview.docx --case "Kommun A" --attr grupp:hög
      2. Code it in the workbench: kodbok{ $project }
      3. See what was coded:      kodbok{ $project } summary

## --help: the program, its commands (cmd-NAME) and its global options (opt-NAME)
cmd-about = Qualitative coding of interview transcripts, in the terminal
cmd-long-about =
    kodbok codes interview transcripts with a shared codebook, one coding file per coder.
    Run without a command to open the coding workbench on the project in the current folder.
cmd-init = Create a new project (asks nothing; --codebook sample|empty) and print the next steps
cmd-import = Convert transcripts (.txt, .md, .docx, .vtt, .srt) into the project
cmd-docs = List transcripts: id, case, group, role, turns, words, codings per coder
cmd-codes = Show and edit the codebook
cmd-code = Code a passage of a transcript; prints the new coding's id
cmd-uncode = Remove one of your codings by id
cmd-segments = List coded segments, with filters
cmd-check = Validate the whole project; exits 0 only when it is clean
cmd-summary = Per code and group: cases, interviews, segments, word coverage (themes count their sub-codes)
cmd-matrix = Code × case matrix, or code co-occurrence, for R and Excel
cmd-export = Export data for other tools: `export segments` (CSV or JSON), `export qdpx` (a whole REFI-QDA project for NVivo, ATLAS.ti, MAXQDA) and `export qdc` (the codebook alone)
cmd-report = Draft the interview findings section (Markdown) with counts per group and quotes
cmd-agree = Inter-coder agreement (percent, Cohen's kappa, Krippendorff's alpha) and the list of disagreements
cmd-saturation = Saturation: how many codes appear for the first time in each interview, in coding order, per group
cmd-consensus = Build the consensus layer (codings/konsensus.json) from the coders' codings, unit by unit
cmd-merge = Bring in codings, coders and codebook additions from another copy of this project
cmd-search = Search transcripts: words in all inflections, "phrases", "proximity"~N, /regex/, codes, cases and attributes
cmd-suggest = Passages matching a code's saved query that you have not coded with it (candidates you may have missed)
cmd-autocode = Code every hit of a query for you, as one batch that `--undo` removes
cmd-bench = Benchmarks on a generated Swedish corpus
cmd-bench-search = Search index and queries
cmd-bench-regex = /regex/ searches against ripgrep on the same files
cmd-bench-study = The national-scale study: every step from import to report, as child processes, with CPU time and peak memory
cmd-tui = Open the coding workbench (what `kodbok` without a command does)
opt-project = Project folder (the one holding codebook.json)
opt-coder = Coder name: whose codings are written (default: $KODBOK_CODER, else your user name); given on the command line to a listing, it shows only that coder's codings
opt-lang = Language of messages and of the report: sv or en [default: $KODBOK_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG), else en; the report defaults to sv]

## codes, uncode, check
code-added = added code { $id } ({ $path })
code-renamed = renamed { $id }: { $path }
code-moved = moved { $id }: { $path }
code-merged = merged { $from } into { $into }; { $n ->
    [one] 1 coding
   *[other] { $n } codings
} moved
code-updated = updated { $id }
code-in-use = code { $id } is used by { $n ->
    [one] 1 coding
   *[other] { $n } codings
}; nothing was changed. Give --force CODE to move them to another code, or --force delete to delete them
code-force-self = --force must name another code than the one removed
code-removed-moved = removed { $id }; { $n ->
    [one] 1 coding
   *[other] { $n } codings
} moved to { $to }
code-removed-deleted = removed { $id }; { $n ->
    [one] 1 coding
   *[other] { $n } codings
} deleted
uncode-other-coder = coding { $id } belongs to coder { $owner }; run with --coder { $owner } to remove it
uncode-unknown = { $coder } has no coding with id { $id }
uncode-removed = removed coding { $id } ({ $code } in { $doc }: { $quote })
check-problems = { $n ->
    [one] 1 problem
   *[other] { $n } problems
} found
check-moved = moved coding { $id } ({ $coder }) to where its quote is now
check-ok = ok: { $transcripts } transcripts, { $cases } cases, { $codes } codes, { $coders } coders, { $codings } codings

## summary table columns (the table only; CSV and JSON keep their identifiers)
col-code = code
col-cases = { $group } cases
col-interviews = { $group } interviews
col-segs = { $group } segs
col-words = { $group } words
col-delta = Δ cases { $a }−{ $b }
col-spread = spread
col-all-cases = all cases
col-all-segs = all segs
col-coding-ids = coding ids

## agree and matrix headers
agree-head = Agreement of { $coders } ({ $mode })
agree-unit = Unit: { $unit } — { $definition }
agree-threshold = Overlap threshold: { $pct }%
agree-compared = Transcripts compared ({ $n }, those coded by every compared coder): { $docs }
agree-not-compared = Not compared ({ $n }, not coded by every compared coder): { $docs }
agree-units = Units: { $n }
matrix-code-case = Code × case matrix; cells: { $cells }; themes count their sub-codes.
matrix-cells-count = coded segments
matrix-cells-binary = 1 when coded in the case, else 0
matrix-cells-interviews = interviews in which the code was coded
matrix-cooccurrence = Co-occurrence by { $unit }; themes count their sub-codes.

## kodbok suggest
suggest-no-query = no code has a saved query; add one with `kodbok codes describe CODE --query '…'`
suggest-skipped = skipped { $n ->
    [one] 1 suggestion
   *[other] { $n } suggestions
} for { $coder }
suggest-unknown-id = no suggestion "{ $id }" (already coded, skipped, or not listed by `kodbok suggest`)
suggest-accepted = coded { $n ->
    [one] 1 suggested passage
   *[other] { $n } suggested passages
} for { $coder }; undo with `kodbok autocode --undo`
suggest-none = no suggestions: every passage the saved queries find is coded or skipped
spellings-merged = Upper and lower case are not told apart in group values: { $merged }.
spellings-merged-one = { $spellings } count as { $shown }
# Help of the commands' options: opt-ID for an option that reads the same in every command, arg-COMMAND-ID otherwise.
opt-coders = The coders being reconciled, comma-separated (default: every coder except the consensus layer)
opt-into = The consensus layer's coder name
opt-transcripts = Transcripts to generate
opt-words = Words per transcript
arg-kodbok-theme = Colours of the workbench when no command is given (see `kodbok tui --help`)
arg-init-dir = Folder for the new project (default: the --project folder)
arg-init-codebook = The codebook to start with
arg-import-files = Files to import
arg-import-case = Case (e.g. municipality) the transcripts belong to
arg-import-id = Transcript id (only with a single file; default: from the file name)
arg-import-attrs = Header field for the transcripts, e.g. role=kommunchef; for a new case, also set in cases.csv when the key is one of its columns (e.g. grupp=låg)
arg-import-force = Replace transcripts that already exist
arg-import-max-size-mb = Largest source file imported, in MB (bigger files are refused before they are read)
arg-import-cases = A CSV sheet with a row per file: file (its name), case, and any attributes as further columns
arg-import-crlf-counts = How the file's writer counted a CRLF line end: 1 (qc, ATLAS.ti, QualCoder, MAXQDA) or 2 (NVivo) [default: from the project's origin]
arg-import-split-names = Rebuild the code hierarchy from flat names split on this text, e.g. --split-names . for Taguette's Hinder.Resursbrist
arg-docs-format = Output format
arg-codes-format = Output format of the listing
arg-codes-add-parent = Parent code (id or name); top level when absent
arg-codes-add-color = Colour as #RRGGBB
arg-codes-add-shortcut = Single key that applies the code in the workbench
arg-codes-move-parent = New parent (id or name)
arg-codes-move-top = Move to the top level instead
arg-codes-remove-force = Code (id or name) that receives the codings, or `delete` to delete them
arg-codes-describe-shortcut = Shortcut key, or an empty string to clear it
arg-codes-describe-query = A search query that describes the code (`kodbok search code-query:CODE`, `kodbok suggest`), or an empty string to clear it
arg-codes-describe-query-scope = What accepting a suggestion of the code codes
arg-code-doc = Transcript id
arg-code-code = Code (id or name)
arg-code-from = Start (character offset into the transcript text, from 0)
arg-code-to = End (character offset, exclusive)
arg-code-quote = Exact text to code; it must occur exactly once in the transcript
arg-code-turn = Code a whole speaker turn (numbered from 1)
arg-code-memo = Memo on the new coding
arg-uncode-id = Coding id (as printed by `kodbok code` and listed by `kodbok segments`)
arg-segments-code = Only this code and its sub-codes (id or name)
arg-segments-case = Only this case
arg-segments-attrs = Only cases with this attribute value, e.g. grupp:låg (or grupp=låg; values ignore case; repeatable)
arg-segments-doc = Only this transcript
arg-check-reanchor = Move codings whose quoted text moved (after a transcript was edited) to where it is now
arg-summary-by = Case attribute (a cases.csv column) or transcript header field to group by [default: the project's group attribute, `grupp`]
arg-summary-format = Output format: an aligned table (with a header saying the layer), JSON/CSV rows for scripts, or an Excel workbook (with --out). JSON, CSV and xlsx rows carry Fisher's exact test per code (`fisher_p`, `odds_ratio`) when there are two groups
arg-summary-out = Write to this file (atomically) instead of standard output; needed for --format xlsx
arg-summary-chart = Also draw the themes chart (share of each group's cases per code, k/n on every bar) as an SVG file
arg-summary-sort = Row order
arg-summary-ids = Add the ids of the codings behind every number (`coding_ids`)
arg-matrix-values = Cell values of the code-case matrix
arg-matrix-unit = What counts as co-occurring: overlapping coded text, or the same speaker turn
arg-matrix-themes = Only top-level themes (each counting its sub-codes)
arg-matrix-format = Output format: a table, a JSON document, a wide CSV for R and Excel, or an Excel workbook (with --out; co-occurrence adds a sheet of pairs with their c-coefficient and Jaccard index)
arg-matrix-pairs = Co-occurrence: list the pairs of codes (counts, c-coefficient, Jaccard index, share of the rarer code, lopsided flag) instead of the wide matrix
arg-matrix-out = Write to this file (atomically) instead of standard output; needed for --format xlsx
arg-export-segments-format = csv, json, or xlsx (an Excel workbook with one sheet, needs --out)
arg-export-segments-out = Write to this file (atomically) instead of standard output
arg-export-qdpx-file = The .qdpx file to write
arg-export-qdpx-layer = Export only the consensus layer (codings/konsensus.json). Without it, every coder's codings are exported; the global `--coder A,B` chooses coders
arg-export-qdc-file = The .qdc file to write
arg-report-out = Write the report to this file (atomically) instead of standard output
arg-report-format = Markdown, or a Word document
arg-report-stats = Add a section comparing the groups per code with Fisher's exact test, with a plain-words caution
arg-report-chart = Also draw the themes chart as an SVG file (a Markdown report links it; a .docx always embeds it as PNG)
arg-report-template = A minijinja template to use instead of the built-in one for the language (--lang)
arg-report-by = Attribute whose groups are compared [default: the project's group attribute, `grupp`]
arg-report-quotes = Quotes per theme and group (1 to 3)
arg-report-labels = Own wording for a group in running text, e.g. --label 'stor=i stora kommuner|i stora' (first mention | later mentions); repeatable
arg-agree-layer = Coders to compare, separated by commas, or `all` [default: all: with exactly two coders (konsensus and the coders the project leaves out aside) those two; with more, name them]
arg-agree-docs = Only these transcripts (of those every compared coder coded), comma-separated
arg-agree-unit = Unit of analysis
arg-agree-code = Only this code (id or name), present where exactly this code was applied
arg-agree-subcodes = With --code: codings of its sub-codes count as the code
arg-agree-domain = Domain mode: the child codes of this code are mutually exclusive categories
arg-agree-overlap = Segment-overlap agreement (MAXQDA): segments agree when they overlap by at least this percentage
arg-agree-disagreements = List the units where the coders differ (with --overlap: the segments without a match)
arg-agree-bootstrap = Confidence intervals for kappa, alpha, Brennan–Prediger and AC1 from this many bootstrap replicates (units resampled with replacement; 1000 is usual)
arg-agree-seed = Seed of the bootstrap's random numbers: the same seed gives the same intervals
arg-agree-level = Confidence level of the bootstrap intervals
arg-agree-format = Output format (xlsx: an Excel workbook with the figures, the disagreements and the formulas; needs --out)
arg-agree-out = The file for --format xlsx
arg-saturation-by = Attribute whose groups get their own curve [default: the project's group attribute, `grupp`]
arg-saturation-order = Take the interviews in this order (transcript ids, comma-separated) instead of the order they were coded in
arg-saturation-order-file = As --order, from a file with one transcript id per line
arg-saturation-format = Output format (xlsx needs --out)
arg-saturation-out = Write to this file (atomically) instead of standard output
arg-saturation-chart = Also draw the curves (codes seen so far after each interview, one line per group) as an SVG file
arg-consensus-take-choice = A, B, … (position in --coders), a coder name, both (all), or neither
arg-consensus-take-ids = Disagreement ids such as kommun-a-1:t12:resursbrist (from `kodbok agree --disagreements`)
arg-consensus-take-note = Why: kept with the decision in the decision log
arg-consensus-seed-docs = Only these transcripts, comma-separated
arg-consensus-seed-code = Only this code (id or name)
arg-consensus-seed-domain = Domain mode: agreement on the category among this code's children
arg-consensus-show-ids = Unit ids such as kommun-a-1:t12:resursbrist or kommun-a-1:s40:@hinder
arg-merge-other = The other copy's project folder (the one holding its codebook.json)
arg-merge-dry-run = Show what would be merged and the conflicts, and change nothing
arg-search-query = The query, e.g. `resurs grupp:låg`, `"politisk ledning"`, `/\d+ ?procent/`, `code-query:resursbrist`
arg-search-limit = Most hits to show
arg-search-format = table, json, csv; kwic: an aligned concordance, one line per match; quotes: Markdown quotes in ”…” attributed to the (pseudonymised) case and role, as the report does
arg-suggest-code = Only this code (id or name); default: every code with a saved query
arg-suggest-with-skipped = List the suggestions you skipped too
arg-suggest-accept = Code these suggestions (ids from the listing) for you: one auto-code batch per code, which `kodbok autocode --undo` removes
arg-suggest-skip = Skip these suggestions (ids from the listing): they are not listed again
arg-autocode-query = The query whose hits are coded (see `kodbok search`)
arg-autocode-code = Code to apply (id or name)
arg-autocode-scope = What each coding covers: the matched words, their sentence, or the whole turn
arg-autocode-dry-run = Show what would be coded; change nothing
arg-autocode-undo = Remove the codings of your last auto-code batch
arg-bench-search-runs = Runs per query
arg-bench-search-seed = PRNG seed of the corpus
arg-bench-search-dir = Folder for the generated project (default: a new folder under the system temp dir, removed after)
arg-bench-study-seed = PRNG seed of the corpus
arg-bench-study-keep = Keep the generated study in this (new or empty) folder instead of a temporary one
arg-bench-study-material = Folder of Swedish .txt transcripts used as material (default: ../shared/corpus/riksdag/transcripts)
arg-bench-frame-keys = Keys fed after the first screen is drawn (e.g. S)
arg-bench-regex-runs = Runs per pattern
arg-bench-regex-seed = PRNG seed of the corpus
arg-bench-regex-dir = Folder for the generated project (default: a new folder under the system temp dir, removed after)
arg-bench-regex-corpus = Time an existing project's transcripts instead of a generated corpus (its index is brought up to date first)
arg-codes-layer = Which codings count: a coder, several coders separated by commas, `all` (every coder's codings merged, except konsensus and the coders codebook.json's settings.exclude_coders leaves out) or `konsensus` (codings/konsensus.json) [default: all]
arg-segments-layer = Which codings count: a coder, several coders separated by commas, `all` (every coder's codings merged, except konsensus and the coders codebook.json's settings.exclude_coders leaves out) or `konsensus` (codings/konsensus.json) [default: all]
arg-summary-layer = Which codings count: a coder, several coders separated by commas, `all` (every coder's codings merged, except konsensus and the coders codebook.json's settings.exclude_coders leaves out) or `konsensus` (codings/konsensus.json) [default: all]
arg-matrix-layer = Which codings count: a coder, several coders separated by commas, `all` (every coder's codings merged, except konsensus and the coders codebook.json's settings.exclude_coders leaves out) or `konsensus` (codings/konsensus.json) [default: all]
arg-export-segments-layer = Which codings count: a coder, several coders separated by commas, `all` (every coder's codings merged, except konsensus and the coders codebook.json's settings.exclude_coders leaves out) or `konsensus` (codings/konsensus.json) [default: all]
arg-report-layer = Which codings count: a coder, several coders separated by commas, `all` (every coder's codings merged, except konsensus and the coders codebook.json's settings.exclude_coders leaves out) or `konsensus` (codings/konsensus.json) [default: all]
arg-saturation-layer = Which codings count: a coder, several coders separated by commas, `all` (every coder's codings merged, except konsensus and the coders codebook.json's settings.exclude_coders leaves out) or `konsensus` (codings/konsensus.json) [default: all]
arg-tui-theme = Colours: default, no-color, high-contrast or colour-blind [default: $KODBOK_THEME, else default; no-color when NO_COLOR is set]
merge-cannot-open = cannot open { $dir }
merge-same-project = { $dir } is this project itself; give the other copy's folder
merge-reading-other = reading the other copy { $dir }
merge-changed-meanwhile = the project changed while merging; nothing was written — run the merge again
merge-head-dry = Merge from { $from }: would bring in (dry run, nothing written)
merge-head = Merge from { $from }: brought in
merge-none = none
merge-new-transcripts = new transcripts
merge-new-cases = new cases
merge-code-under = { $id } (under { $parent })
merge-code-top = { $id } (top level)
merge-new-codes = new codes
merge-new-coders = new coders
merge-codings-added = codings added
merge-codings-here = codings already here
merge-memos-added = memos added
merge-no-conflicts = No conflicts.
merge-conflicts = { $n } conflict(s), left for you to resolve (this copy's version was kept):
autocode-needs-query = give a query and --code
autocode-would-add = would add { $n } codings of { $code } for { $coder } ({ $hits } hits; { $skipped } already coded, skipped); nothing was changed
autocode-added = added { $n } codings of { $code } for { $coder } ({ $hits } hits; { $skipped } already coded, skipped); undo with `kodbok autocode --undo`
autocode-gone = { " " }({ $n } had already been removed)
error-none = (none)
error-io = { $path }: { $error }
error-locked = { $path } is locked by { $holder }: it is open in another session, and can be read but not written until that session ends
error-unknown-coder = no coder "{ $name }" in this project; coders with a file in codings/: { $known }
error-no-consensus = there is no consensus layer yet: { $path } does not exist
error-unknown-attribute = no case attribute or transcript header field "{ $attr }"; case attributes in transcripts/cases.csv: { $known }
consensus-seeded = { $n } agreed { $unit ->
    [sentence] sentences
    [char] characters
   *[turn] turns
} taken into { $into } ({ $before } codings before, { $after } now): { $path }
consensus-needs-coders = give the coders being reconciled with --coders A,B
consensus-no-coder = no coder "{ $coder }" in { $dir }
consensus-unknown-choice = unknown choice "{ $choice }": use A–{ $last } (in the order of --coders: { $coders }), a coder name, both, or neither
consensus-nothing-to-undo = { $id }: no decision in force to undo (see `kodbok consensus log`)
consensus-undone = { $id }: decision { $n } ({ $choice }) taken back; now { $now }
consensus-undecided = undecided
consensus-show-undecided = decision: not decided yet (no decision in force in the log)
consensus-matches-none = none of the choices

# REFI-QDA exchange (kodbok export qdpx|qdc, kodbok import FILE.qdpx|FILE.qdc)
refi-coder-and-layer = give either --coder or --layer konsensus, not both
refi-wrote-qdpx = wrote { $file }: { $transcripts } transcripts, { $codes } codes, { $codings } codings by { $coders }, { $cases } cases, { $memos } memos
refi-nobody = nobody
refi-guids-recorded = recorded REFI GUIDs for { $n } codes in codebook.json
refi-wrote-qdc = wrote { $file }: { $n } codes
refi-imported = imported { $file }
refi-not-transferred = not transferred ({ $n }):
refi-warning = warning: { $message }
refi-no-coder = no coder { $coder } in { $dir } (coders: { $coders })
refi-xml-failed = cannot write the XML: { $error }
refi-zip-failed = cannot write the archive: { $error }
refi-coding-not-exported = coding { $id } of { $coder } not exported: { $problem }
refi-refused = { $file }: { $message }; nothing was imported
refi-stage-failed = { $error }; nothing was imported
refi-not-utf8 = { $part } is not UTF-8 ({ $error })
refi-part-codebook = the codebook
refi-wrong-root = expected a <{ $want }> root element, found <{ $found }>
refi-codebook-invalid = the merged codebook would be invalid: { $error }
refi-would-not-check = the imported study would not check out: { $problem }
refi-no-guid = { $kind ->
    [code] a code
    [user] a user
    [source] a source
    [note] a note
    [case] a case
    [variable] a variable
    [selection] a selection
   *[coding] a coding
} has no GUID
refi-duplicate-guid = two { $kind ->
    [code] codes
    [user] users
    [source] sources
    [note] notes
    [case] cases
    [variable] variables
    [selection] selections
   *[coding] codings
} have the GUID { $guid }
refi-new-code = new code: { $code }
refi-matched-code = matched code (by { $how ->
    [guid] GUID
    [path] path
   *[name] name
}): { $code }
refi-summary-from = from { $name } (origin { $origin })
refi-summary-transcripts = { $n ->
    [one] 1 transcript
   *[other] { $n } transcripts
}: { $ids }
refi-summary-codes = { $n ->
    [one] 1 code
   *[other] { $n } codes
} ({ $new } new, { $matched } matched)
refi-summary-codings = { $n ->
    [one] 1 coding
   *[other] { $n } codings
} by { $coders }
refi-summary-user = user { $name } became coder { $coder }
refi-summary-cases = { $n ->
    [one] 1 case
   *[other] { $n } cases
} in transcripts/cases.csv
refi-colour-dropped = code { $name }: colour { $color } is not #RRGGBB; dropped
refi-code-not-added = code { $name } could not be added
refi-foreign-element = <{ $element }> in namespace { $ns } skipped
refi-empty-container = an empty <{ $element }/> (invalid by the schema) was ignored
refi-no-place = { $n } { $element ->
    [Sets] sets
    [Links] links
   *[Graphs] graphs
} skipped: kodbok has no place for them
refi-code-sets = { $n } code sets skipped: kodbok has no place for them
refi-unknown-element = <{ $element }> skipped: unknown element
refi-project-description = the project's description was not imported
refi-non-text-source = { $kind } { $name } skipped: kodbok codes text only
refi-selection-outside = selection { $guid } in source { $source } lies outside its text: { $start }..{ $end } (the text has { $len } characters)
refi-selection-no-coding = selection { $guid } in { $source } has no coding; skipped
refi-selection-empty = selection { $guid } in { $source } is empty after normalising the text; skipped
refi-coding-unknown-code = coding { $guid } refers to code { $code }, which is not in the codebook
refi-coding-unplaceable = coding { $guid } cannot be placed in { $source }
refi-coding-exists = coding { $guid } is already in the project (coder { $coder })
refi-coding-repeat = coding { $guid } repeats another coding of { $coder } (same code and span); dropped
refi-notes-unused = { $n } notes not attached to a coding, source or code (e.g. project memos) were not imported
refi-case-conflict = case { $case }: { $field } is { $old } here and { $new } in the file; kept { $old }
refi-source-outside-archive = source { $name } points at { $path }, outside the archive's sources folder
refi-source-outside-project = source { $name } points at { $path }, outside the project
refi-source-error = source { $name }: { $error }
refi-source-rich-only = source { $name } has only rich text; skipped
refi-source-not-found = source { $name }: its text was not found ({ $path }); skipped
refi-no-path = no path
refi-source-empty = source { $name } has no text; skipped
refi-transcript-exists = transcript { $id } (source { $name }) already exists in the project; use --force to replace it
refi-source-description = source { $name }: its description was not imported
refi-source-loose = source { $name }: { $n } codings of the whole source (no selection) skipped
refi-zip-invalid = not a zip archive ({ $error })
refi-zip-entry-too-big = { $name } in the archive unpacks to more than { $cap } bytes; refused as a possible zip bomb
refi-zip-too-big = the archive unpacks to more than { $cap } bytes in all; refused as a possible zip bomb
refi-zip-ratio = { $name } in the archive is compressed { $ratio }:1; refused as a possible zip bomb
refi-zip-escape = the archive holds the path { $path }, which leaves the archive folder; refused
refi-zip-no-project = the archive holds no project file (*.qde)
refi-zip-many-projects = the archive holds more than one project file: { $names }
refi-zip-unreadable = cannot read { $name } in the archive: { $error }
refi-xml-dtd = the file declares a DTD (<!DOCTYPE …>); DTDs and external entities are refused for safety
refi-xml-entity = unknown entity &{ $name }; (only the five XML entities and character references are allowed)
refi-xml-malformed = malformed XML at byte { $pos }: { $error }
refi-xml-no-root = the file has no root element
refi-xml-too-deep = elements are nested more than { $n } deep
consensus-deciding = deciding { $id }: { $error }
consensus-undoing = undoing { $id }: { $error }
consensus-neither = neither
consensus-taken = { $id }: { $choice } (+{ $added } codings, −{ $removed })
consensus-saved = saved { $codings } and { $log }
consensus-log-summary = { $entries ->
    [one] 1 entry
   *[other] { $entries } entries
} in { $path }; { $units ->
    [one] 1 unit
   *[other] { $units } units
} decided{ $choices }, { $undos ->
    [one] 1 undo
   *[other] { $undos } undos
}
consensus-show-head = { $id }  ({ $doc } characters { $start }–{ $end })
consensus-now-matches = { $layer } now matches: { $choices }
consensus-show-decision = decision: { $choice } by { $by } at { $at } (log entry { $n }){ $note }
agree-bootstrap-range = --bootstrap takes 100 to 100000 replicates, not { $n }
agree-level-range = --level is a confidence level between 0.5 and 1 (0.95 for 95 %), not { $level }
agree-bootstrap-needs-units = --bootstrap needs units (--unit turn|sentence|char), not segment overlap
agree-unmatched-head = Segments of { $coders } without a match at { $pct } % overlap (unit: segment — { $definition })
agree-differs-domain = the category among { $domain }'s child codes differs
agree-differs-code = one coder applied the code and another did not
agree-disagreements-head = Disagreements of { $coders } — unit: { $unit } ({ $definition }); listed where { $what }
agree-layer-compared = the consensus layer "{ $layer }" cannot be one of the compared coders
search-no-hits = no hits
xlsx-needs-out = --format xlsx writes a file: give it with --out FILE.xlsx
chart-needs-svg = --chart writes an SVG file: give a name ending in .svg, not { $path }
import-refi-alone = a .qdpx or .qdc file is imported alone, without --id, --case or --attr
import-refi-only-options = --crlf-counts and --split-names apply to .qdpx and .qdc files only
import-too-large = { $path }: { $size } MB is larger than the { $max } MB kodbok imports as one transcript; nothing was imported. Split it into one file per interview, or raise the limit with --max-size-mb (or KODBOK_MAX_IMPORT_MB)
error-two-layers = choose one layer: either --coder NAME or --all-coders, not both
error-no-layer = no layer in "{ $input }": give a coder, coders separated by commas, all or konsensus
error-order-not-transcript = --order names "{ $name }", which is not a transcript of this project (see `kodbok docs`)
error-quotes-range = --quotes takes 1, 2 or 3, not { $n }
error-template = template { $name }, line { $line }: { $fault ->
   *[other] { $kind }
}{ $detail }
error-code-unknown = no code with id or name "{ $code }"
error-code-duplicate-id = a code with id "{ $id }" already exists
error-code-cycle = code "{ $code }" cannot move under "{ $parent }": that is itself or one of its descendants
error-code-duplicate-shortcut = shortcut "{ $key }" is already used by code "{ $code }"
error-code-too-deep = code "{ $code }" would be nested { $depth } levels deep; codes nest at most { $max } levels
error-code-duplicate-name = { $place } already has a code named "{ $name }" ({ $path }); names are unique among siblings
error-code-ambiguous = "{ $key }" names several codes: { $paths }; give the id or the whole path
error-pseudonym-leak = the output would reveal the real name "{ $real }" (line { $map_line } of { $map }) at line { $line }, column { $column }: "{ $context }"; nothing was written. Add the form found to the pseudonym map, or correct the transcript
error-index-corrupt = search index { $path } does not have the expected layout; delete the folder and run again
error-index-damaged = search index { $path } is damaged ({ $reason }); it is rebuilt the next time it is opened
agree-unit-name = { $unit ->
    [sentence] sentence
    [char] char
   *[turn] turn
}
agree-unit-definition = { $unit ->
    [sentence] one unit per sentence inside a speaker turn (Unicode sentence boundaries, UAX #29; surrounding whitespace trimmed, blank pieces skipped); a coding counts in every sentence it overlaps
    [char] one unit per character of the speakers' turn text (labels and blank lines between turns excluded); a coding counts in the characters it covers
   *[turn] one unit per speaker turn: the turn's text after its speaker label; a coding counts in every turn it overlaps
}
agree-multiple-codes = Units where a coder applied more than one category ({ $n }; counted as missing for that coder):
agree-formulas = Formulas:
query-error = column { $col }: { $message }
query-bad = bad query, { $error }
query-regex-open = this regular expression is never closed: end it with / (or /i to ignore case)
query-regex-empty = empty regular expression
query-regex-end = a regular expression ends with / or /i, followed by a space
query-quote-open = this quotation mark is never closed
query-empty = the query is empty
query-paren-unopened = this closing parenthesis has no opening one
query-after-or = expected a search term after OR
query-before-and = AND needs a search term before it
query-after-and = expected a search term after AND
query-after-not = expected a search term after NOT or -
query-expected-term = expected a search term
query-paren-empty = empty parentheses
query-paren-open = this parenthesis is never closed
query-phrase-empty = empty phrase
query-near-empty = empty proximity search
query-star-end = `*` can only end a word (prefix search)
query-prefix-short = a prefix search needs at least 2 letters before `*`
query-fuzzy-range = fuzzy search takes a distance of 0, 1 or 2, as in `ledning~1`
query-tilde-word = expected a word before `~`
agree-col = { $col }
agree-col-coded-by = coded_by_{ $coder }

# table column headings (CSV and JSON keep the identifiers)
column-id = id
column-name = name
column-path = path
column-parent = parent
column-depth = depth
column-shortcut = shortcut
column-color = color
column-mine = mine
column-codings = codings
column-by-coder = by_coder
column-description = description
column-case = case
column-group = group
column-role = role
column-turns = turns
column-words = words
column-doc = doc
column-speaker = speaker
column-turn = turn
column-code = code
column-code-path = code_path
column-code-id = code_id
column-coder = coder
column-start = start
column-end = end
column-quote = quote
column-memo = memo
column-rank = rank
column-chars = chars
column-snippet = snippet
column-score = score
column-matches = matches
column-snippet-matches = snippet_matches
column-turn-start = turn_start
column-turn-end = turn_end
column-at = at
column-by = by
column-choice = choice
column-note = note
column-took = took
column-undoes = undoes
column-unit = unit
column-query = query
column-scope = scope
column-hits = hits
column-skipped = skipped
column-units = units
column-target = target
column-text = text
column-values = values
column-layer = layer
column-code-a = code_a
column-code-a-path = code_a_path
column-code-b = code_b
column-code-b-path = code_b_path
column-c-coefficient = c_coefficient
column-jaccard = jaccard
column-rarer-share = rarer_share
column-lopsided = lopsided
column-curve = curve
column-position = position
column-first-coded = first_coded
column-new = new
column-cumulative = cumulative
column-new-codes = new_codes
column-pairable = pairable
column-codings-of = codings_{ $coder }
column-codes-of = codes_{ $coder }
column-coded-by = coded_by_{ $coder }

# messages of the CLI commands
matrix-cooccurrence-unit = { $unit ->
    [turn] turn: speaker turns in which both codes occur
   *[other] overlap: pairs of coded passages that share text (codings of one code merged first)
}
saturation-order = Order: { $order }
saturation-order-coded = coded: by the time of the layer's first coding in each interview
saturation-order-given = given: the order named with --order
saturation-all = all
saturation-curve = { $curve }: { $interviews ->
    [one] 1 interview
   *[other] { $interviews } interviews
}, { $seen } of { $codes } codes seen; { $late } new in the last two interviews
context-reading = reading { $path }
context-reading-template = reading the template { $path }
context-writing = writing { $path }
context-building-workbook = building the workbook
store-not-a-project = { $dir } is not a kodbok project: it has no codebook.json (start one with `kodbok init`)
autocode-no-words = the query has no words to match (only filters); use --scope turn to code whole turns
io-not-found = no such file or folder
io-permission-denied = permission denied
io-already-exists = it already exists
io-storage-full = the disk is full
io-read-only = the file system is read-only
io-is-a-directory = it is a folder, not a file
io-not-a-directory = a part of the path is not a folder
io-invalid-data = the data is not valid (for example not UTF-8 text)
io-with-code = { $what } (os error { $code })
import-not-docx = not a Word .docx file: { $kind ->
    [doc] it is an old binary Word document (.doc) or a password-protected file; open it in Word and save it as .docx without a password, or as .txt
    [rtf] it is an RTF document; save it as .docx or .txt
    [pdf] it is a PDF; export the text as .txt or .docx
    [text] it looks like plain text; give it the extension .txt
   *[other] a .docx file is a ZIP archive and this one is not
}
import-not-word = not a Word document: { $kind ->
    [xlsx] it is an Excel workbook
    [pptx] it is a PowerPoint presentation
    [odt] it is an OpenDocument file (.odt); save it as .docx
   *[other] it is a ZIP archive without word/document.xml
}
import-docx-damaged-zip = not a readable .docx file (a damaged ZIP archive): { $error }
import-docx-part-unreadable = cannot read { $name } in the .docx: { $error }
import-docx-too-big = { $name } in the .docx unpacks to more than { $mb } MB; refusing it as a possible zip bomb
import-docx-bad-xml = the document part of the .docx is not well-formed XML near byte { $pos }: { $error }
import-header-line = expected `key: value` in the header, found { $found }
import-header-unclosed = the header opened with `---` is never closed by a `---` line
import-vtt-signature = expected `WEBVTT` on the first line of a .vtt file, found { $found }
import-srt-number = expected a cue number such as `1` at the start of an .srt file, found { $found }
import-srt-no-cues = no subtitle cues found in the .srt file
import-cue-timing = expected a cue timing line like `{ $example }`, found { $found }
import-cue-time = expected { $what ->
    [arrow] `-->` between two times
    [start] a start time
   *[end] an end time
} like `00:01:02.500` in the timing line, found { $found }
import-cue-backwards = the cue ends ({ $end }) before it starts ({ $start })
import-no-text = no text found in the file
import-at-line = line { $line }: { $message }
import-unsupported = unsupported file type "{ $ext }": kodbok imports .txt, .md, .docx, .vtt and .srt
# store, agreement and chart messages
problem-outside-link = is a symbolic link to { $target }, outside the project folder; kodbok reads only files inside the project (copy the file in, or import it)
problem-json = { $detail }
problem-not-utf8-at = expected UTF-8 text: invalid byte at offset { $offset }
problem-not-utf8-transcript = expected UTF-8 text; import the file with `kodbok import`
problem-nests-too-deep = the file nests too deeply for kodbok to read (codes nest at most { $max } levels; move the deepest codes up)
problem-coder-mismatch = the file says coder { $says } but is named { $named }.json
problem-coding-id-twice = coding id { $id } is used twice (also by { $other })
problem-coding = coding { $id } ({ $code } in { $doc }, characters { $start }–{ $end }): { $problem }
problem-memo-unknown-transcript = a memo refers to unknown transcript { $doc }
problem-memo-unknown-code = a memo refers to unknown code { $code }
problem-no-id-line = expected an `id:` line in the header
problem-no-case-line = expected a `case:` line in the header
problem-case-not-in-cases = case { $case } is not in transcripts/cases.csv
problem-no-text = the transcript has no text
problem-not-canonical = the text is not canonical (control characters, CR or non-NFC); re-import it
problem-id-not-file-name = the header id differs from the file name { $stem }
problem-bad-transcript-id = the header id { $id } cannot name a transcript: use letters, digits, '-', '_' or '.' (and the file's name)
problem-id-changed = the header id is no longer { $id }: the file changed since the project was opened
problem-transcript-id-twice = transcript id { $id } is used by another file too
problem-no-case-column = expected a `case` column in the header line, found [{ $found }]
problem-empty-case-name = expected a case name in the `case` column, found an empty field
problem-case-twice = case { $name } appears twice
problem-no-file-case-columns = expected `file` and `case` columns in the header line, found [{ $found }]
problem-empty-file-or-case = expected a file name and a case, found an empty field
problem-file-twice = file { $file } appears twice (first on line { $first })
problem-csv-fields = expected { $expected } fields like the header line, found { $found }
problem-csv = { $detail }
problem-not-decision = not a decision entry: { $detail }
problem-not-saved = not saved, nothing was changed: { $reason }
problem-unknown-transcript = unknown transcript { $doc }
problem-unknown-code = unknown code id { $code }
problem-out-of-range = offsets out of range (the transcript has { $len } characters)
problem-quote-moved = the quote { $quote } no longer matches the text { $now } at its offsets; the quote is found at characters { $start }–{ $end } (`kodbok check --reanchor` moves it)
problem-quote-gone = the quote { $quote } no longer matches the text { $now } at its offsets; the quote is no longer in the transcript
problem-save-coder-mismatch = the file says coder { $says }, not { $coder }
problem-save-id-twice = coding id { $id } occurs twice
problem-save-quote-length = coding { $id } has characters { $start }–{ $end } but a quote of { $len } characters
problem-header-not-key-value = expected `key: value` in the header, found { $found }
problem-header-space-in-key = expected a header key without spaces before `:`, found { $key }
problem-header-never-closed = the header opened with `---` is never closed by a `---` line
problem-file-empty = the file is empty
problem-file-binary = the file looks binary ({ $kind ->
   *[other] { $text }
}), not text
error-code-invalid = invalid { $field } { $value }: { $field ->
    [id] 1-64 ASCII letters, digits, '-', '_' or '.'
    [name] a non-empty name
    [color] a colour written #RRGGBB
   *[shortcut] a single character
}
error-pseudonym-map = { $path }:{ $line }: { $problem }
problem-map-unreadable = { $detail }
problem-map-no-columns = expected the columns `real` and `pseudonym` in the header line, found [{ $found }]
problem-map-no-real = expected a real name in the `real` column
problem-map-no-pseudonym = expected a pseudonym for { $real }
problem-map-twice = { $real } is mapped twice (also on line { $first })
agree-pooled-label = (pooled)
agree-domain-label = (domain { $domain })
agree-formula-label = { $coef ->
    [percent] percent agreement
    [kappa] Cohen's kappa
    [alpha] Krippendorff's alpha
    [bp] Brennan–Prediger (BP)
    [ac1] Gwet's AC1
   *[ci] CI
}
agree-formula-percent = mean over units with values from two or more coders of the share of coder pairs giving the same value, × 100 (two coders: units where they agree / units both gave a value)
agree-formula-kappa = Cohen (1960): (p_o − p_e) / (1 − p_e) over units both coders gave a value, p_e from each coder's own category proportions; null unless exactly two coders, or when p_e = 1
agree-formula-alpha = Krippendorff (2011), nominal: 1 − (n − 1) · Σ_{"{"}c≠k{"}"} o_ck / Σ_{"{"}c≠k{"}"} n_c · n_k over the coincidence matrix of pairable values; missing values allowed; null without variation
agree-formula-bp = Brennan & Prediger (1981), as in MAXQDA: (p_a − 1/q) / (1 − 1/q), p_a the proportion agreement, q the number of categories (2 for a code present/absent)
agree-formula-ac1 = Gwet (2008) AC1: (p_a − p_e) / (1 − p_e), p_e = Σ_k π_k (1 − π_k) / (q − 1), π_k the mean share of category k among a unit's values; stays near p_a for rare codes where kappa collapses
agree-formula-pooled = every code × { $unit } decision (present/absent) of the listed codes, pooled into one two-category table: one reliability unit per code per unit; `codes` lists each code that a compared coder applied in the compared transcripts, present where that exact code was applied (with `--code C --subcodes` codings of sub-codes count too)
agree-formula-pooled-domain = the domain's child codes are the categories: each unit's value for a coder is the child code (or a code under it) applied there, missing where none was; a unit where a coder applied two children counts as missing for that coder and is listed under multiple_codes; `codes` gives each category as present/absent over all units
agree-overlap-percent = segments that agree / all segments of both coders × 100 (MAXQDA, segment overlap)
agree-overlap-kappa = null: segment matching has no count of text both coders left uncoded, so no chance-corrected coefficient is given (use --unit turn|sentence|char for kappa and alpha)
agree-overlap-null = null, as for kappa
agree-overlap-pooled = all segments of all compared codes together
agree-overlap-unit = one unit per coded segment of either coder with a compared code; a segment agrees when the other coder has a segment with the same code in the same transcript overlapping it by at least { $pct }% (intersection / union of the two spans, in characters); every segment of both coders is checked
agree-unit-segment = segment
agree-bootstrap-method = percentile interval ({ $level }%) over { $replicates } replicates: the { $units } units of analysis resampled with replacement (codes of a unit stay together), ChaCha8 generator seeded with { $seed }; replicates where a coefficient is undefined are left out of its percentiles (see `defined`)
about-sheet = about
about-field = field
about-value = value
about-label = { $field ->
    [coders] coders
    [mode] mode
    [unit] unit
    [documents] transcripts
    [layer] layer
    [order] order
    [grouped-by] grouped by
    [codes-in-codebook] codes in the codebook
   *[other] { $field }
}
about-fisher-p = Fisher's exact test on cases (coded / not coded × the two groups), two-sided; empty unless there are exactly two groups
about-odds-ratio = odds of a first-group case having the code over the same odds in the second group; empty when infinite or undefined
saturation-chart-title = Codes seen after each interview ({ $layer })
saturation-chart-x = interviews, in order
saturation-chart-y = codes seen
chart-themes-title = Share of each group's municipalities where the code occurs
agreement-too-few-coders = agreement needs at least two coders: --coders A,B
agreement-unknown-coder = no coder { $name } in { $dir } (coders: { $known })
agreement-coder-twice = coder { $name } is named twice in --coders
agreement-unknown-doc = no transcript { $doc } (see `kodbok docs`)
agreement-nothing-in-common = no transcript is coded by all of { $coders }; agreement needs transcripts every compared coder has coded
agreement-unknown-code = no code with id { $code } in the codebook
agreement-domain-too-small = --domain { $code }: a domain needs at least two child codes as its categories; { $code } has { $children }
agreement-overlap-two-coders = segment-overlap agreement compares exactly two coders
agreement-overlap-range = --overlap { $threshold }: give a percentage above 0, at most 100
agreement-not-a-coder = cannot take codings from { $name }: not a coder of this project
agreement-span-outside = span { $start }–{ $end } is not in { $doc }
agreement-bad-id = { $id } is not a disagreement id ({ $problem }); ids look like kommun-a-1:t12:resursbrist, as listed by `kodbok agree --disagreements`
agreement-id-three-parts = expected three parts separated by ':'
agreement-id-no-transcript = no transcript { $doc }
agreement-id-no-code = no code { $code } in the codebook
agreement-id-range-form = a character range is written c100-140
agreement-id-bad-start = bad start
agreement-id-bad-end = bad end
agreement-id-range-outside = the character range is outside the transcript
agreement-id-bad-unit-number = bad unit number
agreement-id-unit-count = { $doc } has { $n } { $unit }s
agreement-id-unit-form = the unit is t<number>, s<number> or c<start>-<end>
refusal-not-a-project = { $root } is not a kodbok project: it has no codebook.json (start one with `kodbok init`)
refusal-already-a-project = { $root } already holds a kodbok project (codebook.json exists); nothing was changed
refusal-no-transcript = no transcript with id { $id } in { $dir } (see `kodbok docs`)
refusal-no-saved-query = code { $name } has no saved query; add one with `kodbok codes describe { $id } --query …`
refusal-codebook-not-saved = the codebook was not saved: { $error }
refusal-no-code = no code with id { $code } in the codebook
refusal-span-outside = span { $start }–{ $end } is not inside { $doc } (characters 0–{ $len }, end exclusive, start < end)
refusal-span-unreadable = the span could not be read from the transcript
refusal-quote-missing = the quote does not occur in { $doc }
refusal-quote-ambiguous = the quote occurs { $n } times in { $doc }; quote more text so it matches once, or use --from/--to:
refusal-quote-place = line { $line }, column { $column } (characters { $start }–{ $end })
refusal-bad-coder-name = { $name } cannot be a coder name: use letters, digits, '-', '_' or '.'
refusal-no-batch = { $coder } has no auto-code batch to undo
refusal-coder-appeared = { $coder }'s codings appeared while the command was running; run it again
refusal-linked-lock = { $path } is a symbolic link; kodbok does not follow links for its lock files (remove the link)
refusal-appeared-while-merging = { $path } appeared while merging; nothing more was written
merge-coding = { $code } in { $doc } characters { $start }–{ $end }, memo { $memo }
merge-top-level = the top level
merge-under = { $parent }
merge-text-differs = the text differs ({ $here } characters here, { $there } there); this copy's text is kept and the other copy's codings of it are not brought in
merge-header-differs = the header differs (same text); this copy's header is kept, codings are merged
merge-attrs-differ = attributes differ in transcripts/cases.csv: here { $here }, there { $there }; this copy's are kept
merge-code-differs = code { $id } differs (here { $here }, there { $there }: name, description, notes, colour or shortcut); this copy's is kept
merge-code-moved = code { $id } sits under { $here } here and under { $there } there; it stays where it is here
merge-shortcut-taken = new code { $id } has shortcut { $key }, already used here; it is added without a shortcut
merge-code-not-added = code { $id } could not be added: { $error }
merge-bad-coder-name = { $coder } is not a usable coder name; its file was not brought in
merge-id-taken = the id is already used by coder { $who } here; not brought in
merge-coding-differs = differs: here { $here }, there { $there }; this copy's is kept
merge-on-differing-text = { $coding } is on transcript { $doc }, whose text differs between the copies; not brought in
merge-unknown-code = { $coding } uses code { $code }, which neither codebook has; not brought in
merge-memo-differs = { $coder }'s memo on { $on ->
    [code] code
   *[transcript] transcript
} { $key } differs between the copies; this copy's is kept
lock-another-process = another kodbok process
# clap and query messages
## clap's own words in --help and usage errors (src/cli/help.rs, src/cli/usage_error.rs)
clap-usage = Usage
clap-commands = Commands
clap-arguments = Arguments
clap-options = Options
clap-options-placeholder = [OPTIONS]
clap-command-placeholder = COMMAND
clap-default = [default: { $value }]
clap-possible-values = [possible values: { $values }]
clap-possible-values-heading = Possible values
clap-subcommands = [subcommands: { $values }]
clap-env = [env: { $name }]
clap-help = Print help
clap-help-more = Print help (see more with '--help')
clap-help-summary = Print help (see a summary with '-h')
clap-version = Print version
clap-help-command = Print this message or the help of the given subcommand(s)
clap-help-command-arg = Print help for the subcommand(s)
clap-error = error
clap-tip = tip
clap-more-info = For more information, try '{ $flag }'.
clap-error-unknown-argument = unexpected argument '{ $arg }' found
clap-error-unknown-subcommand = unrecognized subcommand '{ $name }'
clap-error-value-missing = a value is required for '{ $arg }' but none was supplied
clap-error-invalid-value = invalid value '{ $value }' for '{ $arg }'
clap-error-value-validation = invalid value '{ $value }' for '{ $arg }': { $reason }
clap-error-missing-required = the following required arguments were not provided:
clap-error-missing-subcommand = '{ $name }' requires a subcommand but one was not provided
clap-error-conflict = the argument '{ $arg }' cannot be used with { $others }
clap-error-conflict-others = one or more of the other specified arguments
clap-error-used-twice = the argument '{ $arg }' cannot be used multiple times
clap-error-no-equals = equal sign is needed when assigning values to '{ $arg }'
clap-error-too-many-values = unexpected value '{ $value }' for '{ $arg }' found; no more were expected
clap-error-too-few-values = { $min } values required by '{ $arg }'; only { $n } provided
clap-error-wrong-number-of-values = { $expected } values required for '{ $arg }' but { $n } provided
clap-error-invalid-utf8 = invalid UTF-8 was detected in one or more arguments
clap-error-other = the command line could not be read
clap-reason-integer = not a whole number
clap-reason-number = not a number
clap-tip-similar = { $kind ->
    [subcommand] { $n ->
        [one] a similar subcommand exists: { $names }
       *[other] some similar subcommands exist: { $names }
    }
    [value] { $n ->
        [one] a similar value exists: { $names }
       *[other] some similar values exist: { $names }
    }
   *[argument] { $n ->
        [one] a similar argument exists: { $names }
       *[other] some similar arguments exist: { $names }
    }
}
clap-tip-as-value = to pass '{ $arg }' as a value, use '{ $usage }'
clap-tip-remove-dashes = subcommand '{ $name }' exists; to use it, remove the '--' before it
clap-tip-exists = '{ $what }' exists
## --help of nested commands (cmd-PATH), text after the options (cmd-PATH-after), values (val-[PATH-]ID-VALUE)
cmd-codes-add = Add a code
cmd-codes-rename = Rename a code (its id, and so every coding, stays)
cmd-codes-move = Move a code (and its sub-codes) under another parent
cmd-codes-merge = Merge FROM into INTO: every coding of every coder moves to INTO, FROM's sub-codes too
cmd-codes-remove = Remove a code; refused while codings use it unless --force names where they go
cmd-codes-describe = Set a code's description, inclusion/exclusion notes, colour, shortcut or saved search query
cmd-consensus-take = Decide units: CHOICE is A or B (first or second of --coders), a coder name, both, or neither; IDs are disagreement ids from `kodbok agree --disagreements`
cmd-consensus-undo = Take back the decision in force on these units: the layer gets the decision before it (or, with none, the unit is emptied as before any decision); the undo is a log entry too
cmd-consensus-log = The decision log (codings/<layer>.decisions.jsonl): who decided what, when, on which unit, and why
cmd-consensus-seed = Put every unit where all coders agree into the layer (their codings there, together); units the layer already has codings of that code in are left alone
cmd-consensus-show = Show one unit: its text, what each coder and the layer applied there
cmd-export-segments = Every coded segment of the layer: id, doc, case, the case's attributes, role, speaker, turn, code, code_path, coder, memo, quote, start, end, layer
cmd-export-qdpx = The whole study as a REFI-QDA project (.qdpx) for NVivo, MAXQDA, ATLAS.ti, QualCoder…
cmd-export-qdc = The codebook alone as a REFI-QDA codebook (.qdc)
cmd-search-after =
    Query language (docs/search.md):
      resurs                  the word in all its forms, irregular ones too (liten: små, mindre, minst)
      "politisk ledning"      exact phrase
      "ledningen stöd"~5      the words in this order, at most 5 words between, every inflection
      /resurs(er)? saknas/    regular expression over the turn's text; /…/i ignores case
      info*  ledningn~1       prefix; within 1 edit
      a b  a OR b  -a  ( )    AND (implied) binds tighter than OR
      code:X coder:N case:C speaker:S doc:D grupp:låg   filters; code-query:X runs code X's saved query
cmd-suggest-after = A code's saved query is its "query" in codebook.json (set it with `kodbok codes describe CODE --query '…'` or Q in the workbench's codebook); its "query_scope" (match, sentence or turn; default sentence) is what a suggestion covers. The workbench reviews suggestions one by one (S).
val-theme-default = Colours from the codebook
val-theme-no-color = No colour: reverse video, bold and underline; coded text underlined (as with NO_COLOR)
val-theme-high-contrast = No dimmed grey text; cursor and selection in reverse video
val-theme-colour-blind = Code colours from the Okabe–Ito palette; nothing told apart by red and green
val-codebook-sample = The reference study's five themes and their sub-codes, described in the language of --lang
val-codebook-empty = No codes yet
val-scope-match = The matched words (a phrase as a whole)
val-scope-sentence = The sentence around each match
val-scope-turn = The whole speaker turn
val-query-scope-match = The matched words (a phrase as a whole)
val-query-scope-sentence = The sentence around each match
val-query-scope-turn = The whole speaker turn
val-format-table = An aligned table for the terminal
val-format-xlsx = An Excel workbook, one sheet per table (needs --out FILE.xlsx)
val-format-md = Markdown
val-format-docx = A Word document with Word's built-in styles, real tables and the themes chart (needs --out FILE.docx)
val-sort-codebook = Codebook order: each theme, then its sub-codes
val-sort-difference = Largest difference in case share between groups first
val-kind-code-case = One row per code, one column per case
val-kind-cooccurrence = One row and one column per code: how often two codes co-occur
val-values-count = Coded segments of the code in the case
val-values-binary = 1 when the code was coded in the case at all, else 0
val-values-interviews = Interviews of the case in which the code was coded
val-matrix-unit-overlap = Two codes co-occur where their coded text overlaps
val-matrix-unit-turn = Two codes co-occur in a speaker turn both touch
val-unit-turn = A speaker turn's text (the label `Respondent:` excluded)
val-unit-sentence = A sentence (Unicode sentence boundaries) inside a turn, surrounding spaces trimmed
val-unit-char = One character of a turn's text
## search query problems with their details (src/messages.rs, query_problem)
query-regex-syntax = in the regular expression: { $detail }
query-regex-unusable = cannot use this regular expression: { $detail }
query-near-slop = a proximity search takes a number of words from 0 to { $max }, as in "ledningen stöd"~5
query-before-or = OR needs a search term before it
query-before-close-paren = expected a search term before this closing parenthesis
query-filter-value = expected a value after `{ $key }:`, as in `{ $key }:value` or `{ $key }:"two words"`
query-no-letters = nothing to search for in { $text }: no letters or digits
query-phrase-no-letters = nothing to search for in this phrase: no letters or digits
query-prefix-one-word = a prefix search takes one word of letters or digits
query-fuzzy-one-word = a fuzzy search takes one word of letters or digits
query-prefix-unusable = cannot search this prefix: { $detail }
query-unknown-code = no code { $code } in the codebook (give its id or name; see `kodbok codes`)
query-unknown-coder = no coder { $name } has codings (coders: { $known })
query-unknown-case = no case { $name } (cases: { $known })
query-unknown-filter = unknown filter `{ $key }:` (filters: { $known })
query-no-saved-query = code { $name } has no saved query (`kodbok codes describe { $id } --query …`, or Q in the workbench's codebook)
query-saved-query-loop = the saved query of code { $name } uses itself
query-in-saved-query = the saved query of code { $name } ({ $query }), { $error }
## the search index built from scratch (src/cli/search.rs, messages::rebuild_reason)
index-building = building the search index
index-building-transcripts = transcripts
index-built = kodbok: built the search index ({ $reason }): { $turns ->
    [one] 1 turn
   *[other] { $turns } turns
}
index-rebuilt-missing = no index yet
index-rebuilt-other-version = the index is from another version of kodbok or damaged
index-rebuilt-damaged = the index is damaged ({ $error })
index-rebuilt-checksum = the index is damaged (checksum of { $files })
index-rebuilt-old-layout = the index has an old layout
index-rebuilt-incomplete = the index is incomplete ({ $found } of { $expected } turns)
index-rebuilt-unusable = the old one could not be used: { $error }
index-rebuilt-settings = the codebook or the case attributes changed
index-rebuilt-many-changed = { $changed } of { $of } transcripts changed
## arguments that had no help before (arg-PATH-ID)
arg-codes-add-name = Name of the new code
arg-codes-add-id = Id of the new code (default: made from the name)
arg-codes-add-description = What the code means
arg-codes-rename-id = The code (id or name)
arg-codes-rename-name = Its new name
arg-codes-move-id = The code (id or name)
arg-codes-merge-from = The code that goes (id or name)
arg-codes-merge-into = The code that stays and receives the codings (id or name)
arg-codes-remove-id = The code (id or name)
arg-codes-describe-id = The code (id or name)
arg-codes-describe-description = What the code means
arg-codes-describe-inclusion = When to apply the code
arg-codes-describe-exclusion = When not to apply it
arg-codes-describe-color = Colour as #RRGGBB
arg-consensus-undo-ids = Unit ids, as `kodbok consensus log` lists them
