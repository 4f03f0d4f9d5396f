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
agree-needs-two = agree compares two or more coders: --layer A,B (or --coders A,B)
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
