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
