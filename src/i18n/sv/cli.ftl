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
    [one] 1 avskrift
   *[other] { $n } avskrifter
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
summary-grouped-none = Grupperat efter { $attr }: inga avskrifter ännu
summary-partial = Obs: lagret har kodningar i { $coded } av { $all } intervjuer; de övriga räknas som okodade.
summary-cells = Celler: fall/i gruppen, intervjuer/i gruppen, segment, andel av gruppens ord som kodats. Teman räknar med sina underkoder.
warn-skipped = varning: { $n ->
    [one] 1 kodning räknas
   *[other] { $n } kodningar räknas
} inte: avskriften eller koden är okänd eller avsnittet ligger utanför texten (se `kodbok check`)
wrote-file = skrev { $path }
filter-syntax = väntade nyckel:värde (eller nyckel=värde), fick { $found }
unknown-attribute = inget fallattribut eller rubrikfält { $attr }; kända: { $known }
unknown-value = inget fall eller avskrift har { $attr } = { $value }; dess värden: { $known }
unknown-case = inget fall { $case } i projektet; fall: { $known }
unknown-doc = ingen avskrift { $doc } i projektet; avskrifter: { $known }
no-such-turn = { $doc } har turerna 1–{ $last }, inte { $n }
already-coded = { $doc } har redan koden { $code } på tecken { $start }–{ $end } av { $coder }; inget lades till
nothing-to-list = (inget att visa)
agree-needs-two = agree jämför minst två kodare: --layer A,B (eller --coders A,B)
agree-which-coders = projektet har { $n } kodare ({ $coders }): ange vilka som ska jämföras med --layer A,B
agree-too-few = agree behöver två kodare med kodningar; projektet har: { $coders }
import-same-id = både { $first } och { $second } skulle bli avskriften { $id }; inget importerades. Importera dem en i taget med --id, eller byt namn på en av dem
import-exists = { $path }: avskriften { $id } finns redan ({ $dest }); inget importerades. Använd --force för att ersätta den, eller --id för att välja ett annat id
import-id-one = --id anger en avskrift, men { $n } filer angavs
import-cases-and-case = --cases anger varje fils fall; utelämna --case
import-cases-no-row = { $sheet } saknar en rad för { $file } (kolumnen `file` ska ange varje källfils namn); ingenting importerades
imported = importerade { $path } → { $dest } ({ $encoding }; fall { $case }; { $turns } turer, { $words } ord)
project-missing = mappen { $dir } finns inte
not-a-project = { $dir } är inget kodbok-projekt: det saknar codebook.json (skapa ett med `kodbok init`)
init-created = Skapade ett kodbok-projekt i { $dir }.
init-next =
    Nästa steg:
      1. Hämta in en intervju:    kodbok{ $project } import intervju.docx --case "Kommun A" --attr grupp:hög
      2. Koda den i arbetsbänken: kodbok{ $project }
      3. Se vad som kodats:       kodbok{ $project } summary

## --help: programmet, dess kommandon (cmd-NAMN) och globala flaggor (opt-NAMN)
cmd-about = Kvalitativ kodning av intervjuavskrifter, i terminalen
cmd-long-about =
    kodbok kodar intervjuavskrifter med en gemensam kodbok, en kodningsfil per kodare.
    Kör utan kommando för att öppna arbetsbänken på projektet i den aktuella mappen.
cmd-init = Skapa ett nytt projekt (frågar inget; --codebook sample|empty) och visa nästa steg
cmd-import = Hämta in avskrifter (.txt, .md, .docx, .vtt, .srt) i projektet
cmd-docs = Lista avskrifter: id, fall, grupp, roll, turer, ord, kodningar per kodare
cmd-codes = Visa och redigera kodboken
cmd-code = Koda ett avsnitt i en avskrift; skriver ut den nya kodningens id
cmd-uncode = Ta bort en av dina kodningar via dess id
cmd-segments = Lista kodade avsnitt, med filter
cmd-check = Kontrollera hela projektet; avslutar med 0 bara när allt är i ordning
cmd-summary = Per kod och grupp: fall, intervjuer, segment, andel kodade ord (teman räknar med sina underkoder)
cmd-matrix = Kod × fall-matris, eller samförekomst av koder, för R och Excel
cmd-export = Exportera data till andra verktyg: `export segments` (CSV eller JSON), `export qdpx` (ett helt REFI-QDA-projekt för NVivo, ATLAS.ti, MAXQDA) och `export qdc` (bara kodboken)
cmd-report = Skriv ett utkast till intervjuavsnittet (Markdown) med antal per grupp och citat
cmd-agree = Överensstämmelse mellan kodare (procent, Cohens kappa, Krippendorffs alfa) och listan över skillnader
cmd-saturation = Mättnad: hur många koder som dyker upp för första gången i varje intervju, i kodningsordning, per grupp
cmd-consensus = Bygg konsensuslagret (codings/konsensus.json) av kodarnas kodningar, enhet för enhet
cmd-merge = Hämta kodningar, kodare och tillägg i kodboken från en annan kopia av projektet
cmd-search = Sök i avskrifterna: ord i alla böjningsformer, "fraser", "närhet"~N, /reguljära uttryck/, koder, fall och attribut
cmd-suggest = Ställen som en kods sparade fråga hittar men som du inte har kodat med koden (kandidater du kan ha missat)
cmd-autocode = Koda varje träff för en sökning, som en omgång som `--undo` tar bort
cmd-bench = Prestandamätningar på en genererad svensk korpus
cmd-bench-search = Sökindex och sökfrågor
cmd-bench-regex = /regex/-sökningar mot ripgrep på samma filer
cmd-bench-study = Studien i nationell skala: varje steg från import till rapport, som barnprocesser, med processortid och högsta minnesanvändning
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
check-ok = ok: { $transcripts } avskrifter, { $cases } fall, { $codes } koder, { $coders } kodare, { $codings } kodningar

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
agree-compared = Jämförda avskrifter ({ $n }, de som alla jämförda kodare kodat): { $docs }
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
spellings-merged = Stora och små bokstäver skiljs inte åt i gruppvärden: { $merged }.
spellings-merged-one = { $spellings } räknas som { $shown }
# Hjälptexter för kommandonas flaggor: opt-ID för en flagga som lyder likadant i alla kommandon, annars arg-KOMMANDO-ID.
opt-coders = Kodarna som ska jämkas samman, åtskilda med kommatecken (standard: alla kodare utom konsensuslagret)
opt-into = Konsensuslagrets kodarnamn
opt-transcripts = Antal avskrifter att generera
opt-words = Ord per avskrift
arg-kodbok-theme = Arbetsbänkens färger när inget kommando anges (se `kodbok tui --help`)
arg-init-dir = Mapp för det nya projektet (standard: mappen i --project)
arg-init-codebook = Kodboken att börja med
arg-import-files = Filer att importera
arg-import-case = Fallet (t.ex. kommunen) som avskrifterna hör till
arg-import-id = Avskriftens id (bara med en enda fil; standard: från filnamnet)
arg-import-attrs = Rubrikfält för avskrifterna, t.ex. role=kommunchef; för ett nytt fall sätts det också i cases.csv när nyckeln är en av dess kolumner (t.ex. grupp=låg)
arg-import-force = Ersätt avskrifter som redan finns
arg-import-max-size-mb = Största källfil som importeras, i MB (större filer avvisas innan de läses)
arg-import-cases = Ett CSV-ark med en rad per fil: file (filens namn), case (fallet) och eventuella attribut som fler kolumner
arg-import-crlf-counts = Hur filens skapare räknade ett CRLF-radslut: 1 (qc, ATLAS.ti, QualCoder, MAXQDA) eller 2 (NVivo) [standard: från projektets origin]
arg-import-split-names = Bygg upp kodträdet från platta namn delade vid den här texten, t.ex. --split-names . för Taguettes Hinder.Resursbrist
arg-docs-format = Utdataformat
arg-codes-format = Listans utdataformat
arg-codes-add-parent = Överordnad kod (id eller namn); översta nivån om den saknas
arg-codes-add-color = Färg som #RRGGBB
arg-codes-add-shortcut = En tangent som sätter koden i arbetsbänken
arg-codes-move-parent = Ny överordnad kod (id eller namn)
arg-codes-move-top = Flytta till översta nivån i stället
arg-codes-remove-force = Kod (id eller namn) som tar över kodningarna, eller `delete` för att radera dem
arg-codes-describe-shortcut = Kortkommando, eller en tom sträng för att ta bort det
arg-codes-describe-query = En sökfråga som beskriver koden (`kodbok search code-query:KOD`, `kodbok suggest`), eller en tom sträng för att ta bort den
arg-codes-describe-query-scope = Vad som kodas när ett förslag för koden godtas
arg-code-doc = Avskriftens id
arg-code-code = Kod (id eller namn)
arg-code-from = Början (teckenposition i avskriftens text, från 0)
arg-code-to = Slut (teckenposition, exklusiv)
arg-code-quote = Exakt text att koda; den måste förekomma exakt en gång i avskriften
arg-code-turn = Koda en hel talartur (numrerad från 1)
arg-code-memo = Memo till den nya kodningen
arg-uncode-id = Kodningens id (som `kodbok code` skriver ut och `kodbok segments` listar)
arg-segments-code = Bara den här koden och dess underkoder (id eller namn)
arg-segments-case = Bara det här fallet
arg-segments-attrs = Bara fall med det här attributvärdet, t.ex. grupp:låg (eller grupp=låg; skiftläge spelar ingen roll; kan upprepas)
arg-segments-doc = Bara den här avskriften
arg-check-reanchor = Flytta kodningar vars citerade text har flyttats (efter att en avskrift redigerats) dit den finns nu
arg-summary-by = Fallattribut (en kolumn i cases.csv) eller rubrikfält i avskrifterna att gruppera efter [standard: projektets gruppattribut, `grupp`]
arg-summary-format = Utdataformat: en justerad tabell (med en rubrik som anger lagret), JSON/CSV-rader för skript, eller en Excel-arbetsbok (med --out). JSON-, CSV- och xlsx-raderna har Fishers exakta test per kod (`fisher_p`, `odds_ratio`) när det finns två grupper
arg-summary-out = Skriv till den här filen (atomiskt) i stället för till standardutdata; krävs för --format xlsx
arg-summary-chart = Rita också temadiagrammet (andel av varje grupps fall per kod, k/n på varje stapel) som en SVG-fil
arg-summary-sort = Radordning
arg-summary-ids = Lägg till id:n för kodningarna bakom varje tal (`coding_ids`)
arg-matrix-values = Cellvärden i kod × fall-matrisen
arg-matrix-unit = Vad som räknas som samförekomst: överlappande kodad text, eller samma talartur
arg-matrix-themes = Bara teman på översta nivån (vart och ett räknar sina underkoder)
arg-matrix-format = Utdataformat: en tabell, ett JSON-dokument, en bred CSV för R och Excel, eller en Excel-arbetsbok (med --out; samförekomst lägger till ett blad med par, deras c-koefficient och Jaccard-index)
arg-matrix-pairs = Samförekomst: lista kodparen (antal, c-koefficient, Jaccard-index, andel av den ovanligare koden, snedfördelning) i stället för den breda matrisen
arg-matrix-out = Skriv till den här filen (atomiskt) i stället för till standardutdata; krävs för --format xlsx
arg-export-segments-format = csv, json eller xlsx (en Excel-arbetsbok med ett blad, kräver --out)
arg-export-segments-out = Skriv till den här filen (atomiskt) i stället för till standardutdata
arg-export-qdpx-file = {""}.qdpx-filen som ska skrivas
arg-export-qdpx-layer = Exportera bara konsensuslagret (codings/konsensus.json). Utan flaggan exporteras alla kodares kodningar; den globala `--coder A,B` väljer kodare
arg-export-qdc-file = {""}.qdc-filen som ska skrivas
arg-report-out = Skriv rapporten till den här filen (atomiskt) i stället för till standardutdata
arg-report-format = Markdown eller ett Word-dokument
arg-report-stats = Lägg till ett avsnitt som jämför grupperna per kod med Fishers exakta test, med en varning i klartext
arg-report-chart = Rita också temadiagrammet som en SVG-fil (en Markdown-rapport länkar till den; en .docx bäddar alltid in den som PNG)
arg-report-template = En minijinja-mall att använda i stället för den inbyggda för språket (--lang)
arg-report-by = Attributet vars grupper jämförs [standard: projektets gruppattribut, `grupp`]
arg-report-quotes = Citat per tema och grupp (1 till 3)
arg-report-labels = Egen formulering för en grupp i löptext, t.ex. --label 'stor=i stora kommuner|i stora' (första omnämnandet | senare omnämnanden); kan upprepas
arg-agree-layer = Kodare att jämföra, åtskilda med kommatecken, eller `all` [standard: all: med exakt två kodare (konsensus och de kodare projektet utesluter oräknade) de två; med fler, namnge dem]
arg-agree-docs = Bara de här avskrifterna (av dem som alla jämförda kodare kodat), åtskilda med kommatecken
arg-agree-unit = Analysenhet
arg-agree-code = Bara den här koden (id eller namn), närvarande där exakt den här koden satts
arg-agree-subcodes = Med --code: kodningar med dess underkoder räknas som koden
arg-agree-domain = Domänläge: den här kodens underkoder är ömsesidigt uteslutande kategorier
arg-agree-overlap = Överensstämmelse efter segmentöverlapp (MAXQDA): segment stämmer överens när de överlappar med minst den här procentsatsen
arg-agree-disagreements = Lista enheterna där kodarna skiljer sig åt (med --overlap: segmenten utan motsvarighet)
arg-agree-bootstrap = Konfidensintervall för kappa, alfa, Brennan–Prediger och AC1 från så här många bootstrap-replikat (enheter dras om med återläggning; 1000 är vanligt)
arg-agree-seed = Frö till bootstrapens slumptal: samma frö ger samma intervall
arg-agree-level = Konfidensnivå för bootstrap-intervallen
arg-agree-format = Utdataformat (xlsx: en Excel-arbetsbok med måtten, oenigheterna och formlerna; kräver --out)
arg-agree-out = Filen för --format xlsx
arg-saturation-by = Attributet vars grupper får var sin kurva [standard: projektets gruppattribut, `grupp`]
arg-saturation-order = Ta intervjuerna i den här ordningen (avskrifternas id, åtskilda med kommatecken) i stället för i den ordning de kodades
arg-saturation-order-file = Som --order, från en fil med ett avskrifts-id per rad
arg-saturation-format = Utdataformat (xlsx kräver --out)
arg-saturation-out = Skriv till den här filen (atomiskt) i stället för till standardutdata
arg-saturation-chart = Rita också kurvorna (koder sedda hittills efter varje intervju, en linje per grupp) som en SVG-fil
arg-consensus-take-choice = A, B, … (plats i --coders), ett kodarnamn, both (alla) eller neither (ingen)
arg-consensus-take-ids = Id:n för oenigheter, t.ex. kommun-a-1:t12:resursbrist (från `kodbok agree --disagreements`)
arg-consensus-take-note = Varför: sparas med beslutet i beslutsloggen
arg-consensus-seed-docs = Bara de här avskrifterna, åtskilda med kommatecken
arg-consensus-seed-code = Bara den här koden (id eller namn)
arg-consensus-seed-domain = Domänläge: överensstämmelse om kategorin bland den här kodens underkoder
arg-consensus-show-ids = Enheters id, t.ex. kommun-a-1:t12:resursbrist eller kommun-a-1:s40:@hinder
arg-merge-other = Den andra kopians projektmapp (den som har dess codebook.json)
arg-merge-dry-run = Visa vad som skulle slås ihop och konflikterna, och ändra ingenting
arg-search-query = Sökfrågan, t.ex. `resurs grupp:låg`, `"politisk ledning"`, `/\d+ ?procent/`, `code-query:resursbrist`
arg-search-limit = Högst så här många träffar visas
arg-search-format = table, json, csv; kwic: en justerad konkordans, en rad per träff; quotes: Markdown-citat inom ”…” tillskrivna det (pseudonymiserade) fallet och rollen, som i rapporten
arg-suggest-code = Bara den här koden (id eller namn); standard: varje kod med en sparad sökfråga
arg-suggest-with-skipped = Lista också förslagen du hoppat över
arg-suggest-accept = Koda de här förslagen (id:n från listan) åt dig: en autokodningsomgång per kod, som `kodbok autocode --undo` tar bort
arg-suggest-skip = Hoppa över de här förslagen (id:n från listan): de listas inte igen
arg-autocode-query = Sökfrågan vars träffar kodas (se `kodbok search`)
arg-autocode-code = Kod att sätta (id eller namn)
arg-autocode-scope = Vad varje kodning täcker: de matchade orden, deras mening eller hela talarturen
arg-autocode-dry-run = Visa vad som skulle kodas; ändra ingenting
arg-autocode-undo = Ta bort kodningarna från din senaste autokodningsomgång
arg-bench-search-runs = Körningar per sökfråga
arg-bench-search-seed = Slumpfrö för korpusen
arg-bench-search-dir = Mapp för det genererade projektet (standard: en ny mapp i systemets temp-mapp, tas bort efteråt)
arg-bench-study-seed = Slumpfrö för korpusen
arg-bench-study-keep = Behåll den genererade studien i den här (nya eller tomma) mappen i stället för en tillfällig
arg-bench-study-material = Mapp med svenska .txt-avskrifter att bygga korpusen av (standard: ../shared/corpus/riksdag/transcripts)
arg-bench-frame-keys = Tangenter som skickas när första skärmen är ritad (t.ex. S)
arg-bench-regex-runs = Körningar per mönster
arg-bench-regex-seed = Slumpfrö för korpusen
arg-bench-regex-dir = Mapp för det genererade projektet (standard: en ny mapp i systemets temp-mapp, tas bort efteråt)
arg-bench-regex-corpus = Mät på ett befintligt projekts avskrifter i stället för en genererad korpus (dess index uppdateras först)
arg-codes-layer = Vilka kodningar som räknas: en kodare, flera kodare åtskilda med kommatecken, `all` (alla kodares kodningar sammanslagna, utom konsensus och de kodare som codebook.json:s settings.exclude_coders utesluter) eller `konsensus` (codings/konsensus.json) [standard: all]
arg-segments-layer = Vilka kodningar som räknas: en kodare, flera kodare åtskilda med kommatecken, `all` (alla kodares kodningar sammanslagna, utom konsensus och de kodare som codebook.json:s settings.exclude_coders utesluter) eller `konsensus` (codings/konsensus.json) [standard: all]
arg-summary-layer = Vilka kodningar som räknas: en kodare, flera kodare åtskilda med kommatecken, `all` (alla kodares kodningar sammanslagna, utom konsensus och de kodare som codebook.json:s settings.exclude_coders utesluter) eller `konsensus` (codings/konsensus.json) [standard: all]
arg-matrix-layer = Vilka kodningar som räknas: en kodare, flera kodare åtskilda med kommatecken, `all` (alla kodares kodningar sammanslagna, utom konsensus och de kodare som codebook.json:s settings.exclude_coders utesluter) eller `konsensus` (codings/konsensus.json) [standard: all]
arg-export-segments-layer = Vilka kodningar som räknas: en kodare, flera kodare åtskilda med kommatecken, `all` (alla kodares kodningar sammanslagna, utom konsensus och de kodare som codebook.json:s settings.exclude_coders utesluter) eller `konsensus` (codings/konsensus.json) [standard: all]
arg-report-layer = Vilka kodningar som räknas: en kodare, flera kodare åtskilda med kommatecken, `all` (alla kodares kodningar sammanslagna, utom konsensus och de kodare som codebook.json:s settings.exclude_coders utesluter) eller `konsensus` (codings/konsensus.json) [standard: all]
arg-saturation-layer = Vilka kodningar som räknas: en kodare, flera kodare åtskilda med kommatecken, `all` (alla kodares kodningar sammanslagna, utom konsensus och de kodare som codebook.json:s settings.exclude_coders utesluter) eller `konsensus` (codings/konsensus.json) [standard: all]
arg-tui-theme = Färger: default, no-color, high-contrast eller colour-blind [standard: $KODBOK_THEME, annars default; no-color när NO_COLOR är satt]
merge-cannot-open = kan inte öppna { $dir }
merge-same-project = { $dir } är det här projektet självt; ange den andra kopians mapp
merge-reading-other = när den andra kopian { $dir } lästes
merge-changed-meanwhile = projektet ändrades under sammanslagningen; inget skrevs — kör sammanslagningen igen
merge-head-dry = Sammanslagning från { $from }: skulle ta in (provkörning, inget skrivs)
merge-head = Sammanslagning från { $from }: togs in
merge-none = inga
merge-new-transcripts = nya avskrifter
merge-new-cases = nya fall
merge-code-under = { $id } (under { $parent })
merge-code-top = { $id } (översta nivån)
merge-new-codes = nya koder
merge-new-coders = nya kodare
merge-codings-added = tillagda kodningar
merge-codings-here = kodningar som redan fanns
merge-memos-added = tillagda memon
merge-no-conflicts = Inga konflikter.
merge-conflicts = { $n ->
    [one] 1 konflikt
   *[other] { $n } konflikter
} att lösa själv (den här kopians version behölls):
autocode-needs-query = ange en sökfråga och --code
autocode-would-add = skulle lägga till { $n } kodningar med { $code } för { $coder } ({ $hits } träffar; { $skipped } redan kodade, hoppades över); inget ändrades
autocode-added = lade till { $n } kodningar med { $code } för { $coder } ({ $hits } träffar; { $skipped } redan kodade, hoppades över); ångra med `kodbok autocode --undo`
autocode-gone = { " " }({ $n } hade redan tagits bort)
error-none = (inga)
error-io = { $path }: { $error }
error-locked = { $path } är låst av { $holder }: filen är öppen i en annan session och kan läsas men inte skrivas förrän den sessionen avslutas
error-unknown-coder = ingen kodare "{ $name }" i det här projektet; kodare med en fil i codings/: { $known }
error-no-consensus = det finns inget konsensuslager ännu: { $path } finns inte
error-unknown-attribute = inget fallattribut eller rubrikfält "{ $attr }" finns; fallattribut i transcripts/cases.csv: { $known }
consensus-seeded = { $n } överensstämmande { $unit ->
    [sentence] meningar
    [char] tecken
   *[turn] talarturer
} togs in i { $into } ({ $before } kodningar före, { $after } nu): { $path }
consensus-needs-coders = ange kodarna som ska jämkas samman med --coders A,B
consensus-no-coder = ingen kodare "{ $coder }" i { $dir }
consensus-unknown-choice = okänt val "{ $choice }": använd A–{ $last } (i ordningen i --coders: { $coders }), ett kodarnamn, both (båda) eller neither (ingen)
consensus-nothing-to-undo = { $id }: inget gällande beslut att ångra (se `kodbok consensus log`)
consensus-undone = { $id }: beslut { $n } ({ $choice }) togs tillbaka; nu { $now }
consensus-undecided = inte avgjort
consensus-show-undecided = beslut: inte avgjort ännu (inget gällande beslut i loggen)
consensus-matches-none = inget av valen

# REFI-QDA-utbyte (kodbok export qdpx|qdc, kodbok import FIL.qdpx|FIL.qdc)
refi-coder-and-layer = ange antingen --coder eller --layer konsensus, inte båda
refi-wrote-qdpx = skrev { $file }: { $transcripts } avskrifter, { $codes } koder, { $codings } kodningar av { $coders }, { $cases } fall, { $memos } memon
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
    [one] 1 avskrift
   *[other] { $n } avskrifter
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
refi-transcript-exists = avskriften { $id } (källan { $name }) finns redan i projektet; använd --force för att ersätta den
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
consensus-deciding = när { $id } avgjordes: { $error }
consensus-undoing = när { $id } ångrades: { $error }
consensus-neither = ingen av dem
consensus-taken = { $id }: { $choice } (+{ $added } kodningar, −{ $removed })
consensus-saved = sparade { $codings } och { $log }
consensus-log-summary = { $entries ->
    [one] 1 post
   *[other] { $entries } poster
} i { $path }; { $units ->
    [one] 1 enhet avgjord
   *[other] { $units } enheter avgjorda
}{ $choices }, { $undos ->
    [one] 1 ångrad
   *[other] { $undos } ångrade
}
consensus-show-head = { $id }  ({ $doc }, tecken { $start }–{ $end })
consensus-now-matches = { $layer } stämmer nu med: { $choices }
consensus-show-decision = beslut: { $choice } av { $by } { $at } (loggpost { $n }){ $note }
agree-bootstrap-range = --bootstrap tar 100 till 100000 upprepningar, inte { $n }
agree-level-range = --level är en konfidensnivå mellan 0,5 och 1 (0,95 för 95 %), inte { $level }
agree-bootstrap-needs-units = --bootstrap behöver enheter (--unit turn|sentence|char), inte överlapp mellan segment
agree-unmatched-head = Segment från { $coders } utan motsvarighet vid { $pct } % överlapp (enhet: segment — { $definition })
agree-differs-domain = kategorin bland { $domain }s underkoder skiljer sig
agree-differs-code = en kodare satte koden och en annan inte
agree-disagreements-head = Oenigheter mellan { $coders } — enhet: { $unit } ({ $definition }); listade där { $what }
agree-layer-compared = konsensuslagret "{ $layer }" kan inte vara en av kodarna som jämförs
search-no-hits = inga träffar
xlsx-needs-out = --format xlsx skriver en fil: ange den med --out FIL.xlsx
chart-needs-svg = --chart skriver en SVG-fil: ange ett namn som slutar på .svg, inte { $path }
import-refi-alone = en .qdpx- eller .qdc-fil importeras ensam, utan --id, --case eller --attr
import-refi-only-options = --crlf-counts och --split-names gäller bara .qdpx- och .qdc-filer
import-too-large = { $path }: { $size } MB är större än de { $max } MB som kodbok importerar som en avskrift; inget importerades. Dela upp den i en fil per intervju, eller höj gränsen med --max-size-mb (eller KODBOK_MAX_IMPORT_MB)
error-two-layers = välj ett lager: antingen --coder NAMN eller --all-coders, inte båda
error-no-layer = inget lager i "{ $input }": ange en kodare, flera kodare åtskilda med komma, all eller konsensus
error-order-not-transcript = --order nämner "{ $name }", som inte är en avskrift i det här projektet (se `kodbok docs`)
error-quotes-range = --quotes tar 1, 2 eller 3, inte { $n }
error-template = mallen { $name }, rad { $line }: { $fault ->
    [syntax] syntaxfel
    [undefined] odefinierat värde
    [filter] okänt filter
    [function] okänd funktion
    [method] okänd metod
    [test] okänt test
    [operation] otillåten operation
    [arguments] fel antal argument
    [not-found] mallen finns inte
   *[other] { $kind }
}{ $detail }
error-code-unknown = ingen kod med id eller namn "{ $code }"
error-code-duplicate-id = det finns redan en kod med id "{ $id }"
error-code-cycle = koden "{ $code }" kan inte flyttas under "{ $parent }": det är koden själv eller en av dess underkoder
error-code-duplicate-shortcut = kortkommandot "{ $key }" används redan av koden "{ $code }"
error-code-too-deep = koden "{ $code }" skulle hamna { $depth } nivåer ner; koder kan ligga högst { $max } nivåer djupt
error-code-duplicate-name = { $place } har redan en kod som heter "{ $name }" ({ $path }); syskonkoder måste ha olika namn
error-code-ambiguous = "{ $key }" passar in på flera koder: { $paths }; ange id eller hela sökvägen
error-pseudonym-leak = utdata skulle avslöja det riktiga namnet "{ $real }" (rad { $map_line } i { $map }) på rad { $line }, kolumn { $column }: "{ $context }"; inget skrevs. Lägg till formen som hittades i pseudonymlistan, eller rätta avskriften
error-index-corrupt = sökindexet { $path } har inte den väntade strukturen; ta bort mappen och kör igen
error-index-damaged = sökindexet { $path } är skadat ({ $reason }); det byggs om nästa gång det öppnas
agree-unit-name = { $unit ->
    [sentence] mening
    [char] tecken
   *[turn] talartur
}
agree-unit-definition = { $unit ->
    [sentence] en enhet per mening inom en talartur (Unicodes meningsgränser, UAX #29; omgivande blanktecken borttagna, tomma delar överhoppade); en kodning räknas i varje mening den överlappar
    [char] en enhet per tecken i talarnas turtext (etiketter och tomrader mellan turerna undantagna); en kodning räknas i de tecken den täcker
   *[turn] en enhet per talartur: turens text efter talaretiketten; en kodning räknas i varje tur den överlappar
}
agree-multiple-codes = Enheter där en kodare satte mer än en kategori ({ $n }; räknas som saknade för den kodaren):
agree-formulas = Formler:
query-error = kolumn { $col }: { $message }
query-bad = felaktig sökfråga, { $error }
query-regex-open = det reguljära uttrycket avslutas aldrig: avsluta det med / (eller /i för att strunta i versaler)
query-regex-empty = tomt reguljärt uttryck
query-regex-end = ett reguljärt uttryck slutar med / eller /i, följt av ett mellanslag
query-quote-open = citattecknet avslutas aldrig
query-empty = sökfrågan är tom
query-paren-unopened = den här slutparentesen har ingen startparentes
query-after-or = en sökterm behövs efter OR
query-before-and = AND behöver en sökterm före sig
query-after-and = en sökterm behövs efter AND
query-after-not = en sökterm behövs efter NOT eller -
query-expected-term = en sökterm behövs här
query-paren-empty = tomma parenteser
query-paren-open = den här parentesen stängs aldrig
query-phrase-empty = tom fras
query-near-empty = tom närhetssökning
query-star-end = `*` kan bara stå sist i ett ord (prefixsökning)
query-prefix-short = en prefixsökning behöver minst 2 bokstäver före `*`
query-fuzzy-range = ungefärlig sökning tar avståndet 0, 1 eller 2, som i `ledning~1`
query-tilde-word = ett ord behövs före `~`
agree-col = { $col ->
    [code] kod
    [path] sökväg
    [units] enheter
    [pairable] parbara
    [agreement_pct] samstämmighet_%
    [kappa] kappa
    [kappa_ci] kappa_ki
    [alpha] alfa
    [alpha_ci] alfa_ki
    [brennan_prediger] brennan_prediger
    [bp_ci] bp_ki
    [ac1] ac1
    [ac1_ci] ac1_ki
   *[other] { $col }
}
agree-col-coded-by = kodat_av_{ $coder }

# table column headings (CSV and JSON keep the identifiers)
column-id = id
column-name = namn
column-path = sökväg
column-parent = överordnad
column-depth = djup
column-shortcut = kortkommando
column-color = färg
column-mine = mina
column-codings = kodningar
column-by-coder = per kodare
column-description = beskrivning
column-case = fall
column-group = grupp
column-role = roll
column-turns = turer
column-words = ord
column-doc = avskrift
column-speaker = talare
column-turn = tur
column-code = kod
column-code-path = kodens sökväg
column-code-id = kod-id
column-coder = kodare
column-start = början
column-end = slut
column-quote = citat
column-memo = memo
column-rank = rang
column-chars = tecken
column-snippet = utdrag
column-score = poäng
column-matches = träffar
column-snippet-matches = träffar i utdraget
column-turn-start = turens början
column-turn-end = turens slut
column-at = tid
column-by = av
column-choice = val
column-note = anteckning
column-took = valt
column-undoes = ångrar
column-unit = enhet
column-query = fråga
column-scope = omfång
column-hits = träffar
column-skipped = överhoppade
column-units = enheter
column-target = gäller
column-text = text
column-values = värden
column-layer = lager
column-code-a = kod A
column-code-a-path = sökväg A
column-code-b = kod B
column-code-b-path = sökväg B
column-c-coefficient = c-koefficient
column-jaccard = Jaccard
column-rarer-share = andel av ovanligare
column-lopsided = skev
column-curve = kurva
column-position = plats
column-first-coded = först kodad
column-new = nya
column-cumulative = totalt
column-new-codes = nya koder
column-pairable = parbara
column-codings-of = kodningar { $coder }
column-codes-of = koder { $coder }
column-coded-by = kodat av { $coder }

# messages of the CLI commands
matrix-cooccurrence-unit = { $unit ->
    [turn] tur: talarturer där båda koderna förekommer
   *[other] överlappning: par av kodade passager som delar text (en kods kodningar slås ihop först)
}
saturation-order = Ordning: { $order }
saturation-order-coded = kodad: efter tiden för lagrets första kodning i varje intervju
saturation-order-given = given: ordningen som anges med --order
saturation-all = alla
saturation-curve = { $curve }: { $interviews ->
    [one] 1 intervju
   *[other] { $interviews } intervjuer
}, { $seen } av { $codes } koder har förekommit; { $late } nya i de två sista intervjuerna
context-reading = när { $path } lästes
context-reading-template = när mallen { $path } lästes
context-writing = när { $path } skrevs
context-building-workbook = när arbetsboken byggdes
store-not-a-project = { $dir } är inte ett kodbok-projekt: det saknar codebook.json (starta ett med `kodbok init`)
autocode-no-words = frågan har inga ord att matcha (bara filter); använd --scope turn för att koda hela turer
io-not-found = filen eller mappen finns inte
io-permission-denied = åtkomst nekad
io-already-exists = den finns redan
io-storage-full = disken är full
io-read-only = filsystemet är skrivskyddat
io-is-a-directory = det är en mapp, inte en fil
io-not-a-directory = en del av sökvägen är inte en mapp
io-invalid-data = innehållet är ogiltigt (till exempel inte UTF-8-text)
io-with-code = { $what } (systemfel { $code })
import-not-docx = inte en Word-fil (.docx): { $kind ->
    [doc] det är ett gammalt binärt Word-dokument (.doc) eller en lösenordsskyddad fil; öppna den i Word och spara den som .docx utan lösenord, eller som .txt
    [rtf] det är ett RTF-dokument; spara det som .docx eller .txt
    [pdf] det är en PDF; exportera texten som .txt eller .docx
    [text] det ser ut som vanlig text; ge filen ändelsen .txt
   *[other] en .docx-fil är ett zip-arkiv och det är inte den här
}
import-not-word = inte ett Word-dokument: { $kind ->
    [xlsx] det är en Excel-arbetsbok
    [pptx] det är en PowerPoint-presentation
    [odt] det är en OpenDocument-fil (.odt); spara den som .docx
   *[other] det är ett zip-arkiv utan word/document.xml
}
import-docx-damaged-zip = ingen läsbar .docx-fil (ett skadat zip-arkiv): { $error }
import-docx-part-unreadable = kan inte läsa { $name } i .docx-filen: { $error }
import-docx-too-big = { $name } i .docx-filen packas upp till mer än { $mb } MB; den vägras som en möjlig zip-bomb
import-docx-bad-xml = dokumentdelen i .docx-filen är inte välformad XML nära byte { $pos }: { $error }
import-header-line = väntade `nyckel: värde` i huvudet, fann { $found }
import-header-unclosed = huvudet som öppnas med `---` stängs aldrig av en rad med `---`
import-vtt-signature = väntade `WEBVTT` på första raden i en .vtt-fil, fann { $found }
import-srt-number = väntade ett textnummer som `1` i början av en .srt-fil, fann { $found }
import-srt-no-cues = inga undertexter hittades i .srt-filen
import-cue-timing = väntade en tidsrad som `{ $example }`, fann { $found }
import-cue-time = väntade { $what ->
    [arrow] `-->` mellan två tider
    [start] en starttid
   *[end] en sluttid
} som `00:01:02.500` på tidsraden, fann { $found }
import-cue-backwards = texten slutar ({ $end }) innan den börjar ({ $start })
import-no-text = ingen text hittades i filen
import-at-line = rad { $line }: { $message }
import-unsupported = filtypen "{ $ext }" stöds inte: kodbok importerar .txt, .md, .docx, .vtt och .srt
# store, agreement and chart messages
problem-outside-link = är en symbolisk länk till { $target }, utanför projektmappen; kodbok läser bara filer i projektet (kopiera in filen eller importera den)
problem-json = filen kan inte läsas som JSON ({ $detail })
problem-not-utf8-at = texten är inte UTF-8: ogiltig byte vid position { $offset }
problem-not-utf8-transcript = texten är inte UTF-8; importera filen med `kodbok import`
problem-nests-too-deep = filen är för djupt nästlad för att kodbok ska kunna läsa den (koder nästlas högst { $max } nivåer; flytta upp de djupaste koderna)
problem-coder-mismatch = filen anger kodaren { $says } men heter { $named }.json
problem-coding-id-twice = kodnings-id { $id } används två gånger (även av { $other })
problem-coding = kodningen { $id } ({ $code } i { $doc }, tecken { $start }–{ $end }): { $problem }
problem-memo-unknown-transcript = ett memo gäller en okänd avskrift, { $doc }
problem-memo-unknown-code = ett memo gäller en okänd kod, { $code }
problem-no-id-line = rubriken saknar en rad `id:`
problem-no-case-line = rubriken saknar en rad `case:`
problem-case-not-in-cases = fallet { $case } finns inte i transcripts/cases.csv
problem-no-text = avskriften har ingen text
problem-not-canonical = texten är inte normaliserad (styrtecken, CR eller inte NFC); importera den igen
problem-id-not-file-name = id:t i rubriken skiljer sig från filnamnet { $stem }
problem-bad-transcript-id = id:t { $id } i rubriken kan inte namnge en avskrift: använd bokstäver, siffror, '-', '_' eller '.' (och filens namn)
problem-id-changed = rubrikens id är inte längre { $id }: filen har ändrats sedan projektet öppnades
problem-transcript-id-twice = avskriftens id { $id } används av en annan fil också
problem-no-case-column = rubrikraden saknar en kolumn `case`; kolumnerna är { $found }
problem-empty-case-name = ett fallnamn behövs i kolumnen `case`, men fältet är tomt
problem-case-twice = fallet { $name } förekommer två gånger
problem-no-file-case-columns = rubrikraden saknar kolumnerna `file` och `case`; kolumnerna är { $found }
problem-empty-file-or-case = ett filnamn och ett fall behövs, men ett fält är tomt
problem-file-twice = filen { $file } förekommer två gånger (första gången på rad { $first })
problem-csv-fields = raden har { $found } fält men rubrikraden { $expected }
problem-csv = CSV-filen kan inte läsas ({ $detail })
problem-not-decision = raden är inget beslut: { $detail }
problem-not-saved = inte sparat, inget ändrades: { $reason }
problem-unknown-transcript = okänd avskrift { $doc }
problem-unknown-code = okänt kod-id { $code }
problem-out-of-range = positionerna ligger utanför texten (avskriften har { $len } tecken)
problem-quote-moved = citatet { $quote } stämmer inte längre med texten { $now } på sina positioner; citatet finns nu på tecken { $start }–{ $end } (`kodbok check --reanchor` flyttar kodningen dit)
problem-quote-gone = citatet { $quote } stämmer inte längre med texten { $now } på sina positioner; citatet finns inte längre i avskriften
problem-save-coder-mismatch = filen anger kodaren { $says }, inte { $coder }
problem-save-id-twice = kodnings-id { $id } förekommer två gånger
problem-save-quote-length = kodningen { $id } har tecken { $start }–{ $end } men ett citat på { $len } tecken
problem-header-not-key-value = rubriken ska ha raderna `nyckel: värde`, men här står { $found }
problem-header-space-in-key = en nyckel i rubriken får inte ha mellanslag före `:`, men här står { $key }
problem-header-never-closed = rubriken som börjar med `---` avslutas aldrig med en rad `---`
problem-file-empty = filen är tom
problem-file-binary = filen ser ut att vara { $kind ->
    [nul] binär (den innehåller NUL-byte)
    [control] binär (den består mest av styrtecken)
    [pdf] ett PDF-dokument
    [zip] ett ZIP-arkiv
    [png] en PNG-bild
    [jpeg] en JPEG-bild
    [gif] en GIF-bild
    [doc] ett gammalt binärt Office-dokument (.doc); spara det som .docx eller .txt
    [exe] ett körbart program
    [mp3] en MP3-ljudfil
    [riff] en RIFF-mediefil
    [rtf] ett RTF-dokument; spara det som .docx eller .txt
   *[other] binär ({ $text })
}, inte text
error-code-invalid = { $field ->
    [id] ogiltigt id
    [name] ogiltigt namn
    [color] ogiltig färg
   *[shortcut] ogiltigt kortkommando
} { $value }: { $field ->
    [id] 1–64 tecken bland ASCII-bokstäver, siffror, '-', '_' och '.'
    [name] namnet får inte vara tomt
    [color] en färg skrivs #RRGGBB
   *[shortcut] ett enda tecken
}
error-pseudonym-map = { $path }:{ $line }: { $problem }
problem-map-unreadable = filen kan inte läsas ({ $detail })
problem-map-no-columns = rubrikraden saknar kolumnerna `real` och `pseudonym`; kolumnerna är { $found }
problem-map-no-real = ett riktigt namn behövs i kolumnen `real`
problem-map-no-pseudonym = en pseudonym behövs för { $real }
problem-map-twice = { $real } förekommer två gånger (även på rad { $first })
agree-pooled-label = (sammanslaget)
agree-domain-label = (domänen { $domain })
agree-formula-label = { $coef ->
    [percent] procentuell överensstämmelse
    [kappa] Cohens kappa
    [alpha] Krippendorffs alfa
    [bp] Brennan–Prediger (BP)
    [ac1] Gwets AC1
   *[ci] KI
}
agree-formula-percent = medelvärdet, över enheter med värden från två eller fler kodare, av andelen kodarpar som ger samma värde, × 100 (två kodare: enheter där de är överens / enheter där båda gav ett värde)
agree-formula-kappa = Cohen (1960): (p_o − p_e) / (1 − p_e) över enheter där båda kodarna gav ett värde, p_e ur varje kodares egna kategoriandelar; null om inte exakt två kodare jämförs, eller när p_e = 1
agree-formula-alpha = Krippendorff (2011), nominal: 1 − (n − 1) · Σ_{"{"}c≠k{"}"} o_ck / Σ_{"{"}c≠k{"}"} n_c · n_k över koincidensmatrisen av parbara värden; saknade värden tillåts; null utan variation
agree-formula-bp = Brennan & Prediger (1981), som i MAXQDA: (p_a − 1/q) / (1 − 1/q), där p_a är andelen överensstämmelse och q antalet kategorier (2 för en kod som finns eller saknas)
agree-formula-ac1 = Gwet (2008) AC1: (p_a − p_e) / (1 − p_e), p_e = Σ_k π_k (1 − π_k) / (q − 1), där π_k är kategori k:s genomsnittliga andel av en enhets värden; ligger nära p_a för ovanliga koder där kappa faller ihop
agree-formula-pooled = varje beslut kod × { $unit } (finns/saknas) för de listade koderna, sammanslagna i en tabell med två kategorier: en reliabilitetsenhet per kod och enhet; `codes` listar varje kod som en jämförd kodare satte i de jämförda avskrifterna, som finns där just den koden sattes (med `--code C --subcodes` räknas även kodningar av underkoder)
agree-formula-pooled-domain = domänens underkoder är kategorierna: en enhets värde för en kodare är den underkod (eller en kod under den) som sattes där, saknat där ingen sattes; en enhet där en kodare satte två underkoder räknas som saknad för den kodaren och listas under multiple_codes; `codes` anger varje kategori som finns/saknas över alla enheter
agree-overlap-percent = segment som stämmer överens / alla segment från båda kodarna × 100 (MAXQDA, segmentöverlappning)
agree-overlap-kappa = null: segmentmatchning vet inte hur mycket text båda kodarna lämnade okodad, så ingen slumpkorrigerad koefficient ges (använd --unit turn|sentence|char för kappa och alfa)
agree-overlap-null = null, som för kappa
agree-overlap-pooled = alla segment av alla jämförda koder tillsammans
agree-overlap-unit = en enhet per kodat segment från någon av kodarna med en jämförd kod; ett segment stämmer överens när den andra kodaren har ett segment med samma kod i samma avskrift som överlappar det med minst { $pct } % (snitt / union av de två spannen, i tecken); varje segment från båda kodarna prövas
agree-unit-segment = segment
agree-bootstrap-method = percentilintervall ({ $level } %) över { $replicates } replikat: de { $units } analysenheterna dragna med återläggning (en enhets koder hålls ihop), ChaCha8-generatorn med fröet { $seed }; replikat där en koefficient är odefinierad lämnas utanför dess percentiler (se `defined`)
about-sheet = om
about-field = uppgift
about-value = värde
about-label = { $field ->
    [coders] kodare
    [mode] läge
    [unit] enhet
    [documents] avskrifter
    [layer] lager
    [order] ordning
    [grouped-by] grupperat efter
    [codes-in-codebook] koder i kodboken
   *[other] { $field }
}
about-fisher-p = Fishers exakta test på fallen (kodat / inte kodat × de två grupperna), tvåsidigt; tomt om det inte finns exakt två grupper
about-odds-ratio = oddset att ett fall i den första gruppen har koden, delat med samma odds i den andra gruppen; tomt när kvoten är oändlig eller odefinierad
saturation-chart-title = Koder som förekommit efter varje intervju ({ $layer })
saturation-chart-x = intervjuer, i ordning
saturation-chart-y = koder hittills
chart-themes-title = Andel kommuner i varje grupp där koden förekommer
agreement-too-few-coders = överensstämmelse kräver minst två kodare: --coders A,B
agreement-unknown-coder = ingen kodare { $name } i { $dir } (kodare: { $known })
agreement-coder-twice = kodaren { $name } anges två gånger i --coders
agreement-unknown-doc = ingen avskrift { $doc } (se `kodbok docs`)
agreement-nothing-in-common = ingen avskrift är kodad av alla av { $coders }; överensstämmelse kräver avskrifter som varje jämförd kodare har kodat
agreement-unknown-code = ingen kod med id { $code } i kodboken
agreement-domain-too-small = --domain { $code }: en domän behöver minst två underkoder som kategorier; { $code } har { $children }
agreement-overlap-two-coders = överensstämmelse med segmentöverlappning jämför exakt två kodare
agreement-overlap-range = --overlap { $threshold }: ange en procentsats över 0 och högst 100
agreement-not-a-coder = kan inte hämta kodningar från { $name }: det är ingen kodare i projektet
agreement-span-outside = avsnittet { $start }–{ $end } ligger inte i { $doc }
agreement-bad-id = { $id } är inget id för en oenighet ({ $problem }); ett id ser ut som kommun-a-1:t12:resursbrist, så som `kodbok agree --disagreements` listar dem
agreement-id-three-parts = tre delar åtskilda med ':' behövs
agreement-id-no-transcript = ingen avskrift { $doc }
agreement-id-no-code = ingen kod { $code } i kodboken
agreement-id-range-form = ett teckenintervall skrivs c100-140
agreement-id-bad-start = felaktig början
agreement-id-bad-end = felaktigt slut
agreement-id-range-outside = teckenintervallet ligger utanför avskriften
agreement-id-bad-unit-number = felaktigt enhetsnummer
agreement-id-unit-count = { $doc } har { $n } { $unit ->
    [sentence] meningar
   *[turn] talarturer
}
agreement-id-unit-form = enheten skrivs t<nummer>, s<nummer> eller c<början>-<slut>
refusal-not-a-project = { $root } är inget kodbok-projekt: där finns ingen codebook.json (starta ett med `kodbok init`)
refusal-already-a-project = { $root } har redan ett kodbok-projekt (codebook.json finns); inget ändrades
refusal-no-transcript = ingen avskrift med id { $id } i { $dir } (se `kodbok docs`)
refusal-no-saved-query = koden { $name } har ingen sparad fråga; lägg till en med `kodbok codes describe { $id } --query …`
refusal-codebook-not-saved = kodboken sparades inte: { $error }
refusal-no-code = ingen kod med id { $code } i kodboken
refusal-span-outside = avsnittet { $start }–{ $end } ligger inte inom { $doc } (tecken 0–{ $len }, slutet exklusivt, början < slut)
refusal-span-unreadable = avsnittet kunde inte läsas ur avskriften
refusal-quote-missing = citatet finns inte i { $doc }
refusal-quote-ambiguous = citatet förekommer { $n } gånger i { $doc }; citera mer text så att det bara träffar en gång, eller använd --from/--to:
refusal-quote-place = rad { $line }, kolumn { $column } (tecken { $start }–{ $end })
refusal-bad-coder-name = { $name } kan inte vara ett kodarnamn: använd bokstäver, siffror, '-', '_' eller '.'
refusal-no-batch = { $coder } har ingen autokodningsomgång att ångra
refusal-coder-appeared = kodningar av { $coder } dök upp medan kommandot kördes; kör det igen
refusal-linked-lock = { $path } är en symbolisk länk; kodbok följer inte länkar för sina låsfiler (ta bort länken)
refusal-appeared-while-merging = { $path } dök upp under sammanslagningen; inget mer skrevs
merge-coding = { $code } i { $doc } tecken { $start }–{ $end }, memo { $memo }
merge-top-level = översta nivån
merge-under = { $parent }
merge-text-differs = texten skiljer sig ({ $here } tecken i den här kopian, { $there } i den andra); den här kopians text behålls och den andra kopians kodningar av den hämtas inte
merge-header-differs = rubriken skiljer sig (texten är densamma); den här kopians rubrik behålls, kodningarna slås samman
merge-attrs-differ = attributen i transcripts/cases.csv skiljer sig: i den här kopian { $here }, i den andra { $there }; den här kopians behålls
merge-code-differs = koden { $id } skiljer sig (i den här kopian { $here }, i den andra { $there }: namn, beskrivning, anteckningar, färg eller kortkommando); den här kopians behålls
merge-code-moved = koden { $id } ligger under { $here } i den här kopian och under { $there } i den andra; den stannar där den ligger i den här
merge-shortcut-taken = den nya koden { $id } har kortkommandot { $key }, som redan används i den här kopian; den läggs till utan kortkommando
merge-code-not-added = koden { $id } kunde inte läggas till: { $error }
merge-bad-coder-name = { $coder } duger inte som kodarnamn; filen hämtades inte
merge-id-taken = id:t används redan av kodaren { $who } i den här kopian; kodningen hämtades inte
merge-coding-differs = skiljer sig: i den här kopian { $here }, i den andra { $there }; den här kopians behålls
merge-on-differing-text = { $coding } gäller avskriften { $doc }, vars text skiljer sig mellan kopiorna; kodningen hämtades inte
merge-unknown-code = { $coding } använder koden { $code }, som ingen av kodböckerna har; kodningen hämtades inte
merge-memo-differs = memot av { $coder } om { $on ->
    [code] koden
   *[transcript] avskriften
} { $key } skiljer sig mellan kopiorna; den här kopians behålls
lock-another-process = en annan kodbok-process
# clap and query messages
## clap's own words in --help and usage errors (src/cli/help.rs, src/cli/usage_error.rs)
clap-usage = Användning
clap-commands = Kommandon
clap-arguments = Argument
clap-options = Flaggor
clap-options-placeholder = [FLAGGOR]
clap-command-placeholder = KOMMANDO
clap-default = [standard: { $value }]
clap-possible-values = [möjliga värden: { $values }]
clap-possible-values-heading = Möjliga värden
clap-subcommands = [kommandon: { $values }]
clap-env = [miljövariabel: { $name }]
clap-help = Visa hjälpen
clap-help-more = Visa hjälpen (mer med '--help')
clap-help-summary = Visa hjälpen (en sammanfattning med '-h')
clap-version = Visa versionen
clap-help-command = Visa den här hjälpen eller hjälpen för de angivna kommandona
clap-help-command-arg = Kommandona att visa hjälpen för
clap-error = fel
clap-tip = tips
clap-more-info = Mer information med '{ $flag }'.
clap-error-unknown-argument = oväntat argument '{ $arg }'
clap-error-unknown-subcommand = okänt kommando '{ $name }'
clap-error-value-missing = '{ $arg }' behöver ett värde men fick inget
clap-error-invalid-value = ogiltigt värde '{ $value }' för '{ $arg }'
clap-error-value-validation = ogiltigt värde '{ $value }' för '{ $arg }': { $reason }
clap-error-missing-required = de här argumenten krävs men saknas:
clap-error-missing-subcommand = '{ $name }' behöver ett kommando men fick inget
clap-error-conflict = argumentet '{ $arg }' kan inte användas tillsammans med { $others }
clap-error-conflict-others = ett eller flera av de andra argumenten
clap-error-used-twice = argumentet '{ $arg }' kan bara anges en gång
clap-error-no-equals = '{ $arg }' behöver ett likhetstecken mellan flaggan och värdet
clap-error-too-many-values = oväntat värde '{ $value }' för '{ $arg }'; inga fler värden väntades
clap-error-too-few-values = '{ $arg }' behöver { $min } värden men fick bara { $n }
clap-error-wrong-number-of-values = '{ $arg }' behöver { $expected } värden men fick { $n }
clap-error-invalid-utf8 = ett eller flera argument är inte giltig UTF-8
clap-error-other = kommandoraden gick inte att tolka
clap-reason-integer = inte ett heltal
clap-reason-number = inte ett tal
clap-tip-similar = { $kind ->
    [subcommand] { $n ->
        [one] det finns ett liknande kommando: { $names }
       *[other] det finns liknande kommandon: { $names }
    }
    [value] { $n ->
        [one] det finns ett liknande värde: { $names }
       *[other] det finns liknande värden: { $names }
    }
   *[argument] { $n ->
        [one] det finns ett liknande argument: { $names }
       *[other] det finns liknande argument: { $names }
    }
}
clap-tip-as-value = för att ge '{ $arg }' som ett värde, skriv '{ $usage }'
clap-tip-remove-dashes = kommandot '{ $name }' finns; ta bort '--' före det för att använda det
clap-tip-exists = '{ $what }' finns
## --help of nested commands (cmd-PATH), text after the options (cmd-PATH-after), values (val-[PATH-]ID-VALUE)
cmd-codes-add = Lägg till en kod
cmd-codes-rename = Byt namn på en kod (dess id, och därmed varje kodning, består)
cmd-codes-move = Flytta en kod (med dess underkoder) till en annan överordnad kod
cmd-codes-merge = Slå ihop FROM med INTO: alla kodningar av alla kodare flyttas till INTO, liksom FROM:s underkoder
cmd-codes-remove = Ta bort en kod; vägras så länge kodningar använder den, om inte --force anger vart de ska
cmd-codes-describe = Ange en kods beskrivning, anteckningar om vad som ingår och inte, färg, kortkommando eller sparade sökfråga
cmd-consensus-take = Avgör enheter: CHOICE är A eller B (första eller andra i --coders), ett kodarnamn, both eller neither; ID är id:n för oenigheter från `kodbok agree --disagreements`
cmd-consensus-undo = Ta tillbaka beslutet som gäller för de här enheterna: lagret får beslutet före det (eller, om inget finns, töms enheten som före alla beslut); ångrandet blir också en post i loggen
cmd-consensus-log = Beslutsloggen (codings/<lager>.decisions.jsonl): vem som beslutade vad, när, om vilken enhet och varför
cmd-consensus-seed = Lägg in varje enhet där alla kodare är överens i lagret (deras kodningar där, tillsammans); enheter där lagret redan har kodningar med den koden lämnas orörda
cmd-consensus-show = Visa en enhet: dess text och vad varje kodare och lagret har kodat där
cmd-export-segments = Varje kodat segment i lagret: id, doc, case, fallets attribut, role, speaker, turn, code, code_path, coder, memo, quote, start, end, layer
cmd-export-qdpx = Hela studien som ett REFI-QDA-projekt (.qdpx) för NVivo, MAXQDA, ATLAS.ti, QualCoder…
cmd-export-qdc = Bara kodboken, som en REFI-QDA-kodbok (.qdc)
cmd-search-after =
    Frågespråket (docs/search.md):
      resurs                  ordet i alla dess former, även oregelbundna (liten: små, mindre, minst)
      "politisk ledning"      exakt fras
      "ledningen stöd"~5      orden i den här ordningen, högst 5 ord emellan, alla böjningsformer
      /resurs(er)? saknas/    reguljärt uttryck över turens text; /…/i struntar i versaler
      info*  ledningn~1       prefix; högst 1 ändring bort
      a b  a OR b  -a  ( )    AND (underförstått) binder hårdare än OR
      code:X coder:N case:C speaker:S doc:D grupp:låg   filter; code-query:X kör kod X:s sparade fråga
cmd-suggest-after = En kods sparade fråga är dess "query" i codebook.json (sätt den med `kodbok codes describe KOD --query '…'` eller Q i arbetsbänkens kodbok); dess "query_scope" (match, sentence eller turn; standard sentence) är vad ett förslag täcker. Arbetsbänken går igenom förslagen ett i taget (S).
val-theme-default = Färger från kodboken
val-theme-no-color = Ingen färg: omvänd video, fetstil och understrykning; kodad text understruken (som med NO_COLOR)
val-theme-high-contrast = Ingen nedtonad grå text; markör och markering i omvänd video
val-theme-colour-blind = Kodfärger ur Okabe–Ito-paletten; inget skiljs åt med rött och grönt
val-codebook-sample = Referensstudiens fem teman med underkoder, beskrivna på språket i --lang
val-codebook-empty = Inga koder än
val-scope-match = De matchade orden (en fras som helhet)
val-scope-sentence = Meningen runt varje träff
val-scope-turn = Hela talarturen
val-query-scope-match = De matchade orden (en fras som helhet)
val-query-scope-sentence = Meningen runt varje träff
val-query-scope-turn = Hela talarturen
val-format-table = En justerad tabell för terminalen
val-format-xlsx = En Excel-arbetsbok, ett blad per tabell (kräver --out FIL.xlsx)
val-format-md = Markdown
val-format-docx = Ett Word-dokument med Words inbyggda format, riktiga tabeller och temadiagrammet (kräver --out FIL.docx)
val-sort-codebook = Kodbokens ordning: varje tema, sedan dess underkoder
val-sort-difference = Störst skillnad i andel fall mellan grupperna först
val-kind-code-case = En rad per kod, en kolumn per fall
val-kind-cooccurrence = En rad och en kolumn per kod: hur ofta två koder förekommer tillsammans
val-values-count = Kodade segment med koden i fallet
val-values-binary = 1 när koden alls har kodats i fallet, annars 0
val-values-interviews = Intervjuer i fallet där koden har kodats
val-matrix-unit-overlap = Två koder förekommer tillsammans där deras kodade text överlappar
val-matrix-unit-turn = Två koder förekommer tillsammans i en talartur som båda berör
val-unit-turn = En talarturs text (etiketten `Respondent:` oräknad)
val-unit-sentence = En mening (Unicodes meningsgränser) inom en tur, utan omgivande blanksteg
val-unit-char = Ett tecken i en turs text
## search query problems with their details (src/messages.rs, query_problem)
query-regex-syntax = i det reguljära uttrycket: { $detail }
query-regex-unusable = det reguljära uttrycket går inte att använda: { $detail }
query-near-slop = en närhetssökning tar ett antal ord från 0 till { $max }, som i "ledningen stöd"~5
query-before-or = OR behöver en sökterm före sig
query-before-close-paren = en sökterm behövs före den här slutparentesen
query-filter-value = ett värde behövs efter `{ $key }:`, som i `{ $key }:värde` eller `{ $key }:"två ord"`
query-no-letters = inget att söka efter i { $text }: inga bokstäver eller siffror
query-phrase-no-letters = inget att söka efter i den här frasen: inga bokstäver eller siffror
query-prefix-one-word = en prefixsökning tar ett ord av bokstäver eller siffror
query-fuzzy-one-word = en ungefärlig sökning tar ett ord av bokstäver eller siffror
query-prefix-unusable = det går inte att söka på det här prefixet: { $detail }
query-unknown-code = ingen kod { $code } i kodboken (ange dess id eller namn; se `kodbok codes`)
query-unknown-coder = ingen kodare { $name } har kodningar (kodare: { $known })
query-unknown-case = inget fall { $name } (fall: { $known })
query-unknown-filter = okänt filter `{ $key }:` (filter: { $known })
query-no-saved-query = koden { $name } har ingen sparad sökfråga (`kodbok codes describe { $id } --query …`, eller Q i arbetsbänkens kodbok)
query-saved-query-loop = den sparade sökfrågan för koden { $name } använder sig själv
query-in-saved-query = den sparade sökfrågan för koden { $name } ({ $query }), { $error }
## the search index built from scratch (src/cli/search.rs, messages::rebuild_reason)
index-building = bygger sökindexet
index-building-transcripts = avskrifter
index-built = kodbok: byggde sökindexet ({ $reason }): { $turns ->
    [one] 1 tur
   *[other] { $turns } turer
}
index-rebuilt-missing = inget index än
index-rebuilt-other-version = indexet är från en annan version av kodbok eller skadat
index-rebuilt-damaged = indexet är skadat ({ $error })
index-rebuilt-checksum = indexet är skadat (kontrollsumman för { $files })
index-rebuilt-old-layout = indexet har en gammal uppbyggnad
index-rebuilt-incomplete = indexet är ofullständigt ({ $found } av { $expected } turer)
index-rebuilt-unusable = det gamla gick inte att använda: { $error }
index-rebuilt-settings = kodboken eller fallens attribut har ändrats
index-rebuilt-many-changed = { $changed } av { $of } avskrifter har ändrats
## arguments that had no help before (arg-PATH-ID)
arg-codes-add-name = Den nya kodens namn
arg-codes-add-id = Den nya kodens id (standard: bildat av namnet)
arg-codes-add-description = Vad koden betyder
arg-codes-rename-id = Koden (id eller namn)
arg-codes-rename-name = Dess nya namn
arg-codes-move-id = Koden (id eller namn)
arg-codes-merge-from = Koden som försvinner (id eller namn)
arg-codes-merge-into = Koden som blir kvar och får kodningarna (id eller namn)
arg-codes-remove-id = Koden (id eller namn)
arg-codes-describe-id = Koden (id eller namn)
arg-codes-describe-description = Vad koden betyder
arg-codes-describe-inclusion = När koden ska användas
arg-codes-describe-exclusion = När den inte ska användas
arg-codes-describe-color = Färg som #RRGGBB
arg-consensus-undo-ids = Enheternas id, som `kodbok consensus log` listar dem
