# Svenska meddelanden från kommandoraden (kodbok <kommando>).
# Varje nyckel här måste också finnas i ../en/cli.ftl. Se src/i18n.rs för hur en text läggs till.

error-prefix = kodbok
error-caused-by = orsak
cases-count = { $n ->
    [one] 1 fall
   *[other] { $n } fall
}
interviews-count = { $n ->
    [one] 1 intervju
   *[other] { $n } intervjuer
}
segments-count = { $n ->
    [one] 1 segment
   *[other] { $n } segment
}
transcripts-count = { $n ->
    [one] 1 transkription
   *[other] { $n } transkriptioner
}
lang-unknown = okänt språk { $value }: använd sv eller en
