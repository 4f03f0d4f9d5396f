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
layer-left-out = ; utelämnade enligt projektets inställningar (codebook.json, settings.exclude_coders): { $coders }
layer-line = Lager: { $description }
layer-and-coder = välj lagret en gång: --layer eller det äldre --coder, inte båda
group-all = alla
group-no-value = (utan värde)
summary-group = { $value } = { $cases ->
    [one] 1 fall
   *[other] { $cases } fall
}, { $interviews ->
    [one] 1 intervju
   *[other] { $interviews } intervjuer
}, { $words } ord
summary-grouped = Grupperat efter { $attr }: { $groups }
summary-grouped-none = Grupperat efter { $attr }: inga transkriptioner ännu
summary-partial = Obs: lagret har kodningar i { $coded } av { $all } intervjuer; de övriga räknas som okodade.
summary-cells = Celler: fall/i gruppen, intervjuer/i gruppen, segment, andel av gruppens ord som kodats. Teman räknar med sina underkoder.
warn-skipped = varning: { $n ->
    [one] 1 kodning räknas
   *[other] { $n } kodningar räknas
} inte: transkriptionen eller koden är okänd eller avsnittet ligger utanför texten (se `kodbok check`)
wrote-file = skrev { $path }
filter-syntax = väntade nyckel:värde (eller nyckel=värde), fick { $found }
unknown-attribute = inget fallattribut eller rubrikfält { $attr }; kända: { $known }
unknown-value = inget fall eller transkription har { $attr } = { $value }; dess värden: { $known }
unknown-case = inget fall { $case } i projektet; fall: { $known }
unknown-doc = ingen transkription { $doc } i projektet; transkriptioner: { $known }
no-such-turn = { $doc } har repliker 1–{ $last }, inte { $n }
already-coded = { $doc } har redan koden { $code } på tecken { $start }–{ $end } av { $coder }; inget lades till
nothing-to-list = (inget att visa)
agree-needs-two = agree jämför minst två kodare: --layer A,B (eller --coders A,B)
agree-which-coders = projektet har { $n } kodare ({ $coders }): ange vilka som ska jämföras med --layer A,B
agree-too-few = agree behöver två kodare med kodningar; projektet har: { $coders }
import-same-id = både { $first } och { $second } skulle bli transkriptionen { $id }; inget importerades. Importera dem en i taget med --id, eller byt namn på en av dem
import-exists = { $path }: transkriptionen { $id } finns redan ({ $dest }); inget importerades. Använd --force för att ersätta den, eller --id för att välja ett annat id
import-id-one = --id anger en transkription, men { $n } filer angavs
imported = importerade { $path } → { $dest } ({ $encoding }; fall { $case }; { $turns } repliker, { $words } ord)
project-missing = mappen { $dir } finns inte
not-a-project = { $dir } är inget kodbok-projekt: det saknar codebook.json (skapa ett med `kodbok init`)
init-created = Skapade ett kodbok-projekt i { $dir }.
init-next =
    Nästa steg:
      1. Hämta in en intervju:    kodbok{ $project } import intervju.docx --case "Kommun A" --attr grupp:hög
      2. Koda den i arbetsbänken: kodbok{ $project }
      3. Se vad som kodats:       kodbok{ $project } summary

## --help: programmet, dess kommandon (cmd-NAMN) och globala flaggor (opt-NAMN)
cmd-about = Kvalitativ kodning av intervjutranskriptioner, i terminalen
cmd-long-about =
    kodbok kodar intervjutranskriptioner med en gemensam kodbok, en kodningsfil per kodare.
    Kör utan kommando för att öppna arbetsbänken på projektet i den aktuella mappen.
cmd-init = Skapa ett nytt projekt (frågar inget; --codebook sample|empty) och visa nästa steg
cmd-import = Hämta in transkriptioner (.txt, .md, .docx, .vtt, .srt) i projektet
cmd-docs = Lista transkriptioner: id, fall, grupp, roll, repliker, ord, kodningar per kodare
cmd-codes = Visa och redigera kodboken
cmd-code = Koda ett avsnitt i en transkription; skriver ut den nya kodningens id
cmd-uncode = Ta bort en av dina kodningar via dess id
cmd-segments = Lista kodade avsnitt, med filter
cmd-check = Kontrollera hela projektet; avslutar med 0 bara när allt är i ordning
cmd-summary = Per kod och grupp: fall, intervjuer, segment, andel kodade ord (teman räknar med sina underkoder)
cmd-matrix = Kod × fall-matris, eller samförekomst av koder, för R och Excel
cmd-export = Exportera data till andra verktyg: `export segments`
cmd-report = Skriv ett utkast till intervjuavsnittet (Markdown) med antal per grupp och citat
cmd-agree = Överensstämmelse mellan kodare (procent, Cohens kappa, Krippendorffs alfa) och listan över skillnader
cmd-saturation = Mättnad: hur många koder som dyker upp för första gången i varje intervju, i kodningsordning, per grupp
cmd-consensus = Bygg konsensuslagret (codings/konsensus.json) av kodarnas kodningar, enhet för enhet
cmd-merge = Hämta kodningar, kodare och tillägg i kodboken från en annan kopia av projektet
cmd-search = Sök i transkriptionerna: ord i alla böjningsformer, "fraser", "närhet"~N, /reguljära uttryck/, koder, fall och attribut
cmd-suggest = Ställen som en kods sparade fråga hittar men som du inte har kodat med koden (kandidater du kan ha missat)
cmd-autocode = Koda varje träff för en sökning, som en omgång som `--undo` tar bort
cmd-bench = Prestandamätningar på en genererad svensk korpus
cmd-tui = Öppna arbetsbänken (det som `kodbok` utan kommando gör)
opt-project = Projektmappen (den som har codebook.json)
opt-coder = Kodarens namn: vems kodningar som skrivs (standard: $KODBOK_CODER, annars ditt användarnamn); angivet till en listning visar det bara den kodarens kodningar
opt-lang = Språk för meddelanden och rapporten: sv eller en [standard: $KODBOK_LANG, annars språkinställningen (LC_ALL, LC_MESSAGES, LANG), annars en; rapporten är som standard på svenska]

## codes, uncode, check
code-added = lade till koden { $id } ({ $path })
code-renamed = bytte namn på { $id }: { $path }
code-moved = flyttade { $id }: { $path }
code-merged = slog ihop { $from } med { $into }; { $n ->
    [one] 1 kodning
   *[other] { $n } kodningar
} flyttades
code-updated = uppdaterade { $id }
code-in-use = koden { $id } används av { $n ->
    [one] 1 kodning
   *[other] { $n } kodningar
}; inget ändrades. Ange --force KOD för att flytta dem till en annan kod, eller --force delete för att radera dem
code-force-self = --force måste ange en annan kod än den som tas bort
code-removed-moved = tog bort { $id }; { $n ->
    [one] 1 kodning
   *[other] { $n } kodningar
} flyttades till { $to }
code-removed-deleted = tog bort { $id }; { $n ->
    [one] 1 kodning
   *[other] { $n } kodningar
} raderades
uncode-other-coder = kodningen { $id } tillhör kodaren { $owner }; kör med --coder { $owner } för att ta bort den
uncode-unknown = { $coder } har ingen kodning med id { $id }
uncode-removed = tog bort kodningen { $id } ({ $code } i { $doc }: { $quote })
check-problems = { $n ->
    [one] 1 problem
   *[other] { $n } problem
} hittades
check-moved = flyttade kodningen { $id } ({ $coder }) dit citatet nu finns
check-ok = ok: { $transcripts } transkriptioner, { $cases } fall, { $codes } koder, { $coders } kodare, { $codings } kodningar

## summary-tabellens kolumner (bara tabellen; CSV och JSON behåller sina identifierare)
col-code = kod
col-cases = { $group } fall
col-interviews = { $group } intervjuer
col-segs = { $group } segment
col-words = { $group } ord
col-delta = Δ fall { $a }−{ $b }
col-spread = spridning
col-all-cases = alla fall
col-all-segs = alla segment
col-coding-ids = kodnings-id

## rubriker för agree och matrix
agree-head = Överensstämmelse mellan { $coders } ({ $mode })
agree-unit = Enhet: { $unit } — { $definition }
agree-threshold = Tröskel för överlappning: { $pct } %
agree-compared = Jämförda transkriptioner ({ $n }, de som alla jämförda kodare kodat): { $docs }
agree-not-compared = Inte jämförda ({ $n }, inte kodade av alla jämförda kodare): { $docs }
agree-units = Enheter: { $n }
matrix-code-case = Matris kod × fall; celler: { $cells }; teman räknar med sina underkoder.
matrix-cells-count = kodade segment
matrix-cells-binary = 1 när koden använts i fallet, annars 0
matrix-cells-interviews = intervjuer där koden använts
matrix-cooccurrence = Samförekomst efter { $unit }; teman räknar med sina underkoder.

## kodbok suggest
suggest-no-query = ingen kod har en sparad fråga; lägg till en med `kodbok codes describe KOD --query '…'`
suggest-skipped = hoppade över { $n ->
    [one] 1 förslag
   *[other] { $n } förslag
} för { $coder }
suggest-unknown-id = inget förslag "{ $id }" (redan kodat, överhoppat eller inte listat av `kodbok suggest`)
suggest-accepted = kodade { $n ->
    [one] 1 föreslaget ställe
   *[other] { $n } föreslagna ställen
} för { $coder }; ångra med `kodbok autocode --undo`
suggest-none = inga förslag: varje ställe de sparade frågorna hittar är kodat eller överhoppat

# REFI-QDA-utbyte (kodbok export qdpx|qdc, kodbok import FIL.qdpx|FIL.qdc)
refi-coder-and-layer = ange antingen --coder eller --layer konsensus, inte båda
refi-wrote-qdpx = skrev { $file }: { $transcripts } transkriptioner, { $codes } koder, { $codings } kodningar av { $coders }, { $cases } fall, { $memos } memon
refi-nobody = ingen
refi-guids-recorded = sparade REFI-GUID:er för { $n } koder i codebook.json
refi-wrote-qdc = skrev { $file }: { $n } koder
refi-imported = importerade { $file }
refi-not-transferred = inte överfört ({ $n }):
refi-warning = varning: { $message }
refi-no-coder = ingen kodare { $coder } i { $dir } (kodare: { $coders })
refi-xml-failed = kan inte skriva XML-filen: { $error }
refi-zip-failed = kan inte skriva arkivet: { $error }
refi-coding-not-exported = kodningen { $id } av { $coder } exporterades inte: { $problem }
refi-refused = { $file }: { $message }; ingenting importerades
refi-stage-failed = { $error }; ingenting importerades
refi-not-utf8 = { $part } är inte UTF-8 ({ $error })
refi-part-codebook = kodboken
refi-wrong-root = väntade ett <{ $want }>-element överst, hittade <{ $found }>
refi-codebook-invalid = den sammanslagna kodboken skulle bli ogiltig: { $error }
refi-would-not-check = den importerade studien skulle inte klara kontrollen: { $problem }
refi-no-guid = { $kind ->
    [code] en kod
    [user] en användare
    [source] en källa
    [note] en anteckning
    [case] ett fall
    [variable] en variabel
    [selection] ett urval
   *[coding] en kodning
} saknar GUID
refi-duplicate-guid = två { $kind ->
    [code] koder
    [user] användare
    [source] källor
    [note] anteckningar
    [case] fall
    [variable] variabler
    [selection] urval
   *[coding] kodningar
} har GUID { $guid }
refi-new-code = ny kod: { $code }
refi-matched-code = matchad kod (efter { $how ->
    [guid] GUID
    [path] sökväg
   *[name] namn
}): { $code }
refi-summary-from = från { $name } (ursprung { $origin })
refi-summary-transcripts = { $n ->
    [one] 1 transkription
   *[other] { $n } transkriptioner
}: { $ids }
refi-summary-codes = { $n ->
    [one] 1 kod
   *[other] { $n } koder
} ({ $new } nya, { $matched } matchade)
refi-summary-codings = { $n ->
    [one] 1 kodning
   *[other] { $n } kodningar
} av { $coders }
refi-summary-user = användaren { $name } blev kodaren { $coder }
refi-summary-cases = { $n ->
    [one] 1 fall
   *[other] { $n } fall
} i transcripts/cases.csv
refi-colour-dropped = koden { $name }: färgen { $color } är inte #RRGGBB; den togs bort
refi-code-not-added = koden { $name } kunde inte läggas till
refi-foreign-element = <{ $element }> i namnrymden { $ns } hoppades över
refi-empty-container = ett tomt <{ $element }/> (ogiltigt enligt schemat) ignorerades
refi-no-place = { $n } { $element ->
    [Sets] mängder
    [Links] länkar
   *[Graphs] grafer
} hoppades över: kodbok har ingen plats för dem
refi-code-sets = { $n } kodmängder hoppades över: kodbok har ingen plats för dem
refi-unknown-element = <{ $element }> hoppades över: okänt element
refi-project-description = projektets beskrivning importerades inte
refi-non-text-source = { $kind } { $name } hoppades över: kodbok kodar bara text
refi-selection-outside = urvalet { $guid } i källan { $source } ligger utanför sin text: { $start }..{ $end } (texten har { $len } tecken)
refi-selection-no-coding = urvalet { $guid } i { $source } har ingen kodning; det hoppades över
refi-selection-empty = urvalet { $guid } i { $source } blir tomt när texten normaliseras; det hoppades över
refi-coding-unknown-code = kodningen { $guid } hänvisar till koden { $code }, som inte finns i kodboken
refi-coding-unplaceable = kodningen { $guid } kan inte placeras i { $source }
refi-coding-exists = kodningen { $guid } finns redan i projektet (kodaren { $coder })
refi-coding-repeat = kodningen { $guid } upprepar en annan kodning av { $coder } (samma kod och sträcka); den togs bort
refi-notes-unused = { $n } anteckningar som inte hör till en kodning, källa eller kod (t.ex. projektmemon) importerades inte
refi-case-conflict = fallet { $case }: { $field } är { $old } här och { $new } i filen; behöll { $old }
refi-source-outside-archive = källan { $name } pekar på { $path }, utanför arkivets källmapp
refi-source-outside-project = källan { $name } pekar på { $path }, utanför projektet
refi-source-error = källan { $name }: { $error }
refi-source-rich-only = källan { $name } har bara formaterad text; den hoppades över
refi-source-not-found = källan { $name }: dess text hittades inte ({ $path }); den hoppades över
refi-no-path = ingen sökväg
refi-source-empty = källan { $name } har ingen text; den hoppades över
refi-transcript-exists = transkriptionen { $id } (källan { $name }) finns redan i projektet; använd --force för att ersätta den
refi-source-description = källan { $name }: dess beskrivning importerades inte
refi-source-loose = källan { $name }: { $n } kodningar av hela källan (utan urval) hoppades över
refi-zip-invalid = inte ett zip-arkiv ({ $error })
refi-zip-entry-too-big = { $name } i arkivet packas upp till mer än { $cap } byte; vägras som en möjlig zip-bomb
refi-zip-too-big = arkivet packas upp till mer än { $cap } byte sammanlagt; vägras som en möjlig zip-bomb
refi-zip-ratio = { $name } i arkivet är komprimerad { $ratio }:1; vägras som en möjlig zip-bomb
refi-zip-escape = arkivet innehåller sökvägen { $path }, som leder ut ur arkivets mapp; vägras
refi-zip-no-project = arkivet innehåller ingen projektfil (*.qde)
refi-zip-many-projects = arkivet innehåller mer än en projektfil: { $names }
refi-zip-unreadable = kan inte läsa { $name } i arkivet: { $error }
refi-xml-dtd = filen deklarerar en DTD (<!DOCTYPE …>); DTD:er och externa entiteter vägras av säkerhetsskäl
refi-xml-entity = okänd entitet &{ $name }; (bara XML:s fem fördefinierade entiteter och teckenreferenser är tillåtna)
refi-xml-malformed = felaktig XML vid byte { $pos }: { $error }
refi-xml-no-root = filen har inget rotelement
refi-xml-too-deep = elementen är nästlade mer än { $n } nivåer djupt
