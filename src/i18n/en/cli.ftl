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
cmd-export = Export data for other tools: `export segments`
cmd-report = Draft the interview findings section (Markdown) with counts per group and quotes
cmd-agree = Inter-coder agreement (percent, Cohen's kappa, Krippendorff's alpha) and the list of disagreements
cmd-saturation = Saturation: how many codes appear for the first time in each interview, in coding order, per group
cmd-consensus = Build the consensus layer (codings/konsensus.json) from the coders' codings, unit by unit
cmd-merge = Bring in codings, coders and codebook additions from another copy of this project
cmd-search = Search transcripts: words in all inflections, "phrases", "proximity"~N, /regex/, codes, cases and attributes
cmd-suggest = Passages matching a code's saved query that you have not coded with it (candidates you may have missed)
cmd-autocode = Code every hit of a query for you, as one batch that `--undo` removes
cmd-bench = Benchmarks on a generated Swedish corpus
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
