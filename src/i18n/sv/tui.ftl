# Svensk text i arbetsbänken (kodbok tui). Nycklarna börjar med tui-.
# Varje nyckel här måste också finnas i ../en/tui.ftl. Se src/i18n.rs för hur en text läggs till.

tui-language-name = Svenska

## Kommandon: tui-cmd-<namn> är hjälptexten, tui-hint-<namn> ordet i sidfoten (<namn> som i keymap.toml, - för _)
tui-cmd-quit = avsluta (allt är redan sparat)
tui-hint-quit = avsluta
tui-cmd-help = visa den här hjälpen
tui-hint-help = hjälp
tui-cmd-focus-next = gå till nästa ruta
tui-hint-focus-next = ruta
tui-cmd-focus-prev = gå till föregående ruta
tui-hint-focus-prev = föregående ruta
tui-cmd-undo = ångra senaste kodning eller kodboksändring
tui-hint-undo = ångra
tui-cmd-redo = gör om det som ångrades
tui-hint-redo = gör om
tui-cmd-toggle-layers = visa eller dölj andra kodares kodningar
tui-hint-toggle-layers = andra
tui-cmd-toggle-blind = blindläge: dölj andra kodare helt
tui-hint-toggle-blind = blindläge
tui-cmd-retrieve = lista segmenten för en kod
tui-hint-retrieve = segment
tui-cmd-summary = jämför grupperna (hög/låg) kod för kod
tui-hint-summary = grupper
tui-cmd-agreement = samstämmighet: där två kodare skiljer sig, avgör till konsensus
tui-hint-agreement = samstämmighet
tui-cmd-search = sök (syntaxen visas i rutan när frågan är tom)
tui-hint-search = sök
tui-cmd-suggestions = förslag: okodade ställen som en kods fråga hittar
tui-hint-suggestions = förslag
tui-cmd-down = flytta ned
tui-hint-down = ned
tui-cmd-up = flytta upp
tui-hint-up = upp
tui-cmd-page-down = sida ned
tui-hint-page-down = sida ned
tui-cmd-page-up = sida upp
tui-hint-page-up = sida upp
tui-cmd-half-page-down = en halv sida ned
tui-hint-half-page-down = halv sida ned
tui-cmd-half-page-up = en halv sida upp
tui-hint-half-page-up = halv sida upp
tui-cmd-top = gå till början
tui-hint-top = början
tui-cmd-bottom = gå till slutet
tui-hint-bottom = slutet
tui-cmd-cancel = avbryt markeringen / stäng
tui-hint-cancel = avbryt
tui-cmd-open = öppna avskriften
tui-hint-open = öppna
tui-cmd-filter-docs = filtrera listan: skriv en del av en avskrifts id, ett fall eller ett attributvärde (Esc rensar)
tui-hint-filter-docs = filtrera
tui-cmd-next-case = första avskriften i nästa fall
tui-hint-next-case = nästa fall
tui-cmd-prev-case = första avskriften i det här fallet, sedan i fallet före
tui-hint-prev-case = förra fallet
tui-cmd-left = flytta vänster
tui-hint-left = vänster
tui-cmd-right = flytta höger
tui-hint-right = kolumn
tui-cmd-line-start = radens början
tui-hint-line-start = radens början
tui-cmd-line-end = radens slut
tui-hint-line-end = radens slut
tui-cmd-next-turn = nästa talartur
tui-hint-next-turn = tur
tui-cmd-prev-turn = föregående talartur
tui-hint-prev-turn = föregående tur
tui-cmd-word-forward = nästa ord (utökar en markering)
tui-hint-word-forward = ord
tui-cmd-word-backward = föregående ord (utökar en markering)
tui-hint-word-backward = föregående ord
tui-cmd-sentence-forward = nästa mening (utökar en markering)
tui-hint-sentence-forward = mening
tui-cmd-sentence-backward = föregående mening (utökar en markering)
tui-hint-sentence-backward = föregående mening
tui-cmd-turn-forward = till slutet av turen (utökar en markering)
tui-hint-turn-forward = turens slut
tui-cmd-turn-backward = till början av turen (utökar en markering)
tui-hint-turn-backward = turens början
tui-cmd-center-cursor = rulla så att markören hamnar i mitten
tui-hint-center-cursor = centrera
tui-cmd-select = börja en markering vid markören
tui-hint-select = markera
tui-cmd-select-turn = markera hela den aktuella turen
tui-hint-select-turn = tur
tui-cmd-code = koda markeringen (välj en kod)
tui-hint-code = koda
tui-cmd-uncode = ta bort en kodning under markören
tui-hint-uncode = avkoda
tui-cmd-memo = memo om kodningen under markören
tui-hint-memo = memo
tui-cmd-doc-memo = memo om avskriften
tui-hint-doc-memo = dok-memo
tui-cmd-toggle = fäll ihop eller ut koden
tui-hint-toggle = fäll
tui-cmd-expand = fäll ut koden
tui-hint-expand = fäll ut
tui-cmd-collapse = fäll ihop koden
tui-hint-collapse = fäll ihop
tui-cmd-add-code = lägg till en underkod under den här koden
tui-hint-add-code = lägg till
tui-cmd-add-top-code = lägg till en kod på översta nivån
tui-hint-add-top-code = ny huvudkod
tui-cmd-rename-code = byt namn på koden
tui-hint-rename-code = byt namn
tui-cmd-describe-code = redigera kodens beskrivning
tui-hint-describe-code = beskriv
tui-cmd-move-code = flytta koden till en annan förälder
tui-hint-move-code = flytta
tui-cmd-merge-code = slå ihop koden med en annan
tui-hint-merge-code = slå ihop
tui-cmd-apply-code = koda markeringen med den här koden
tui-hint-apply-code = koda
tui-cmd-segments = lista varje segment kodat med den här koden
tui-hint-segments = segment
tui-cmd-edit-code-query = redigera kodens sparade sökfråga (för code-query: och förslag)
tui-hint-edit-code-query = fråga
tui-cmd-jump = hoppa till passagen
tui-hint-jump = hoppa
tui-cmd-toggle-scope = den här kodaren / alla kodare
tui-hint-toggle-scope = kodare
tui-cmd-filter = filtrera på attribut (grupp:låg, eller grupp=låg)
tui-hint-filter = filter
tui-cmd-choose-code = välj koden att lista
tui-hint-choose-code = kod
tui-cmd-refresh = leta efter förslag igen
tui-hint-refresh = uppdatera
tui-cmd-accept-suggestion = godta: koda stället (enligt kodens frågeomfång); u ångrar
tui-hint-accept-suggestion = godta
tui-cmd-skip-suggestion = hoppa över: förslaget kommer inte tillbaka
tui-hint-skip-suggestion = hoppa över
tui-cmd-show-cell = lista segmenten bakom talet
tui-hint-show-cell = segment
tui-cmd-cycle-layer = räkna alla kodare sammanslagna / den här kodaren / konsensus
tui-hint-cycle-layer = lager
tui-cmd-toggle-chart = tabell eller stapeldiagram per tema
tui-hint-toggle-chart = diagram
tui-cmd-take-a = konsensus tar kodare A:s kodning av enheten
tui-hint-take-a = A
tui-cmd-take-b = konsensus tar kodare B:s kodning av enheten
tui-hint-take-b = B
tui-cmd-take-both = konsensus tar båda kodarnas kodningar (unionen)
tui-hint-take-both = båda
tui-cmd-take-neither = konsensus tar ingen (ingen kodning med koden där)
tui-hint-take-neither = ingen
tui-cmd-next-coder = jämför med nästa andra kodare (B)
tui-hint-next-coder = kodare
tui-cmd-cycle-unit = enhet: tur / mening
tui-hint-cycle-unit = enhet
tui-cmd-all-codes = jämför alla koder igen (inte en)
tui-hint-all-codes = alla koder
tui-cmd-accept = godta
tui-hint-accept = ok
tui-cmd-mark-hit = markera eller avmarkera träffen för autokodning
tui-hint-mark-hit = markera
tui-cmd-mark-all = markera alla träffar, eller ingen
tui-hint-mark-all = alla
tui-cmd-auto-code = autokoda de markerade träffarna (alla när ingen är markerad)
tui-hint-auto-code = autokoda
tui-cmd-cycle-scope = autokodningens omfång: träff, mening eller tur
tui-hint-cycle-scope = omfång
tui-cmd-edit-query = redigera frågan
tui-hint-edit-query = fråga
tui-cmd-new-code = skapa en ny kod med namnet som skrivits
tui-hint-new-code = ny kod
tui-cmd-backspace = radera före markören
tui-hint-backspace = radera bakåt
tui-cmd-delete = radera vid markören
tui-hint-delete = radera
tui-cmd-save = spara och stäng
tui-hint-save = spara
tui-cmd-discard = släng ändringarna och stäng
tui-hint-discard = släng
tui-cmd-newline = ny rad
tui-hint-newline = ny rad
tui-cmd-yes = ja
tui-hint-yes = ja
tui-cmd-no = nej
tui-hint-no = nej

## Hjälpen
tui-help-title = Hjälp: alla tangenter ({ $close } stänger, { $down }/{ $up } rullar)
tui-help-intro = Varje ändring sparas direkt; { $quit } avslutar utan att fråga. Tangenterna ändras i .kodbok/keymap.toml.
tui-help-shortcuts = Kodgenvägar (kodar markeringen)
tui-help-global = Överallt (utom i textfält)
tui-help-documents = Dokumentrutan
tui-help-doc-filter = Dokumentfilter (f): det du skriver smalnar av listan
tui-help-transcript = Avskriften
tui-help-select = Vid markering (förflyttningar utökar markeringen)
tui-help-codebook = Kodboksrutan
tui-help-retrieval = Segmentvyn
tui-help-summary = Gruppjämförelse (S)
tui-help-summary-cell = Segmenten bakom ett tal
tui-help-search-query = Sök: frågeraden (skriv; syntaxen visas när den är tom)
tui-help-search-list = Sök: träffarna
tui-help-help = Den här hjälpen
tui-help-picker = Kodväljaren (skriv för att filtrera)
tui-help-prompt = Inmatning på en rad
tui-help-editor = Memoredigeraren (skriv; Esc sparar, Ctrl-x slänger)
tui-help-confirm = Frågor
tui-help-choose = Välja en kodning
tui-help-agreement = Samstämmighet (K): avgör skillnader till konsensus
tui-help-suggest = Förslag (F): ställen en kods sparade fråga hittar som du inte har kodat

## Lägesnamn i statusraden
tui-mode-read = LÄS
tui-mode-docs = DOK
tui-mode-select = MARKERA
tui-mode-codebook = KODBOK
tui-mode-segments = SEGMENT
tui-mode-summary = GRUPPER
tui-mode-agreement = SAMSTÄMMIGHET
tui-mode-suggest = FÖRSLAG
tui-mode-search = SÖK
tui-mode-help = HJÄLP
tui-mode-pick = VÄLJ KOD
tui-mode-input = INMATNING
tui-mode-edit = REDIGERA
tui-mode-confirm = BEKRÄFTA
tui-mode-choose = VÄLJ

## Statusradens högra del
tui-status-read-only = ENDAST LÄSNING
tui-status-blind = blind
tui-status-others = +andra
tui-status-not-saved = INTE SPARAT, försöker igen
tui-status-saved = sparat { $time }

## Rutor
tui-pane-documents = Dokument
tui-pane-transcript = Avskrift
tui-pane-codebook = Kodbok
tui-docs-empty = Inga avskrifter än.
tui-docs-add = Lägg till med
tui-docs-no-case = (inget fall)
tui-docs-no-match = Ingen avskrift matchar ”{ $filter }” (Esc rensar filtret).
tui-docs-filter-label = Filter:
tui-docs-filter-count = { $shown } av { $total }
tui-reading-texts = Läser { $n ->
    [one] en avskrift
   *[other] { $n } avskrifter
}…
tui-texts-unreadable = Avskrifterna kunde inte läsas: { $error }
tui-text-unreadable = { $id } kunde inte läsas: { $error }
tui-codebook-empty = Inga koder än ({ $key } lägger till en).
tui-codebook-include = Ta med: { $text }
tui-codebook-exclude = Uteslut: { $text }
tui-codebook-no-description = Ingen beskrivning ({ $key } redigerar den).
tui-transcript-none = Projektet har inga avskrifter än.
tui-transcript-not-open = Ingen avskrift öppen.
tui-transcript-choose = Välj en under Dokument och tryck { $key }.
tui-transcript-memo = ✎ memo

## Kodväljaren och dialoger
tui-picker-apply = Koda markeringen
tui-picker-retrieve = Segment för kod
tui-picker-move = Flytta under
tui-picker-merge = Slå ihop med
tui-picker-agree = Jämför samstämmighet för
tui-picker-autocode = Autokoda träffarna med
tui-picker-no-match = Ingen kod matchar.
tui-picker-top-level = (översta nivån)
tui-dialog-confirm = Bekräfta
tui-new-code-question = Skapa koden «{ $name }» under { $under } och koda markeringen med den?
tui-new-code-top-level = översta nivån
tui-new-code-need-name = Skriv den nya kodens namn först.

## Meddelanden
tui-msg-coded = Kodade { $name } ({ $chars } tecken). u ångrar; Esc tar bort markeringen.
tui-msg-read-only = Endast läsning: { $coder }s kodningar är öppna i en annan session ({ $holder }).
tui-msg-select-first = Markera text först (V: turen, v: en markering), koda sedan med { $path }.
tui-msg-open-first = Öppna en avskrift och markera text först.
tui-msg-blank = Markeringen är tom.
tui-msg-already = Redan kodat { $path } här.
tui-msg-counting = Räknar { $layer }.
tui-layer-all = alla kodare sammanslagna
tui-layer-mine = den här kodaren ({ $coder })
tui-layer-consensus = konsensus ({ $file })
tui-summary-layer = Lager: { $layer }

## Kodningar som inte längre stämmer med en ändrad avskrift (det kodbok check rapporterar)
tui-stale-question = { $n ->
    [one] En av dina kodningar stämmer
   *[other] { $n } av dina kodningar stämmer
} inte längre med avskriftens text (den har ändrats sedan dess). Flytta dem dit deras citat står nu, som kodbok check --reanchor gör?
tui-stale-others = { $n ->
    [one] En kodning av andra kodare stämmer
   *[other] { $n } kodningar av andra kodare stämmer
} inte längre med en ändrad avskrift: kodbok check --reanchor flyttar dem.
tui-stale-done = Flyttade { $moved } av { $stale } kodningar; { $lost } kunde inte hittas igen (kodbok check listar dem).
tui-help-last-message = Senaste meddelandet
tui-dialog-yes-no = y/Enter: ja    n/Esc: nej

## Helskärmsvyer
tui-summary-title = Gruppjämförelse efter { $attr }
tui-summary-cell-title = Segmenten bakom talet
tui-summary-no-groups = Inga grupper att jämföra.
tui-summary-chart-note = Andel av varje grupps fall med koden (ett tema räknar sina underkoder)
tui-segments-title = Segment
tui-segments-title-code = Segment: { $path }
tui-segments-all-coders = alla kodare
tui-segments-no-filter = inget
tui-segments-info = { $n ->
    [one] 1 segment
   *[other] { $n } segment
} inkl. underkoder · { $scope } · filter: { $filter }
tui-segments-choose = Välj en kod ({ $key }).
tui-segments-none = Inga segment matchar.
tui-agree-title = Samstämmighet: A { $a } × B { $b }
tui-agree-no-differences = Inga skillnader: de två kodarna är överens om varje enhet här.

## Förslagsvyn (F) och sparade frågor (Q)
tui-suggest-title = Förslag för { $coder }
tui-suggest-every-code = varje kod med en sparad fråga
tui-suggest-info = { $which } · { $n } att granska · det här besöket: { $accepted } godtagna, { $skipped } överhoppade
tui-suggest-loading = Letar efter ställen som de sparade frågorna hittar…
tui-suggest-none = Inget att granska: varje ställe de sparade frågorna hittar är kodat eller överhoppat.
tui-suggest-head = { $path } · { $case } · { $doc } · tur { $turn } · { $speaker }
tui-suggest-codes = { $key } kodar { $scope ->
    [match] träffen
    [sentence] meningen
   *[turn] turen
}: «{ $quote }»
tui-suggest-coded = Kodade { $path } ({ $scope ->
    [match] träffen
    [sentence] meningen
   *[turn] turen
}). u ångrar.
tui-suggest-cannot-code = Kan inte koda det här stället: { $error }
tui-suggest-jumped = Stället är markerat: c kodar det, Esc tar bort markeringen, F går tillbaka till förslagen.
tui-suggest-skip-failed = Överhoppningen sparades inte ({ $error }); förslaget kan komma tillbaka nästa gång.
tui-suggest-no-index = sökindexet är inte öppet än
tui-suggest-no-query = Ingen kod har en sparad fråga än: välj en kod i kodboken och tryck { $key } för att ge den en.
tui-code-query-prompt = Sparad fråga (tom tar bort den) för
tui-code-query-bad = Frågan: { $problem }

## Sökrutan
tui-search-title = Sök
tui-search-syntax-head = Frågespråket:
tui-search-syntax-word = resurs                 ordet i alla dess former (resursen …, små → liten)
tui-search-syntax-phrase = "politiska ledningen"  exakt fras;  "ledning stöd"~5: i ordning, högst 5 emellan
tui-search-syntax-regex = /resurs(er)? saknas/i  reguljärt uttryck över varje tur (i: oavsett skiftläge)
tui-search-syntax-prefix = informationssäk*       ord som börjar så;  ledningn~1: högst 1 ändring bort
tui-search-syntax-bool = a b  a OR b  -a  ( )   AND (även underförstått) binder starkare än OR
tui-search-syntax-filters = code:hinder  coder:NAMN  case:"Kommun C"  speaker:Respondent  doc:ID
tui-search-syntax-attrs = grupp:låg eller grupp=LÅG (cases.csv)  code-query:X  -code:X: inte kodat X
tui-search-column = kolumn { $col }:{" "}
tui-search-index-updating = Uppdaterar sökindexet: { $done } av { $total } avskrifter…
tui-search-index-opening = Öppnar sökindexet…
tui-search-index-failed = Sökindexet: { $error }
tui-search-type = Skriv en fråga; träffarna uppdateras medan du skriver (↓ eller Enter till träffarna).
tui-search-best = { $total } turer matchar; de { $shown } bästa visas
tui-search-total = { $total ->
    [one] 1 tur matchar
   *[other] { $total } turer matchar
}
tui-search-scope = { $scope ->
    [match] träffen
    [sentence] meningen
   *[turn] turen
}
tui-search-bottom = autokodningens omfång: { $scope } · { $marked } av { $hits } markerade
tui-search-hit-head = { $mark } { $case } · { $doc } · tur { $turn } · { $speaker }
tui-search-scope-set = Autokodningens omfång: { $scope }.
tui-search-jumped = Träffen är markerad: c kodar den, Esc tar bort markeringen, / går tillbaka till träffarna.
tui-autocode-failed = Kan inte autokoda: { $error }
tui-autocode-nothing = Inget att lägga till: { $n } ställen är redan kodade { $path }.
tui-autocode-confirm = Koda { $n } ställen med { $path } som { $coder } (omfång: { $scope }; { $hits } träffar, { $skipped } redan kodade)? Ett ångringssteg. T.ex. { $examples }
tui-autocode-done = Autokodade { $n } ställen. u ångrar alla på en gång.
tui-summary-legend = k/n i gruppen · Δ andel mot övriga (p.e.)
tui-summary-no-codes = Inga koder ännu.
tui-summary-all = alla
tui-summary-merged = sammanslaget: { $spellings }
tui-summary-col-code = kod
tui-summary-col-cases = fall
tui-summary-col-intv = intv
tui-summary-col-segs = segm
tui-summary-list-nums = { " · " }fall { $cases }/{ $cases_in } · intervjuer { $docs }/{ $docs_in }
tui-summary-list-head = { $path } · { $group }: { $n ->
    [one] 1 segment
   *[other] { $n } segment
}{ $nums } · { $layer }
tui-agree-error = { $error }. o jämför med en annan kodare.
tui-agree-all-codes = alla koder
tui-agree-head = enhet: { $unit } · { $code } · { $n ->
    [one] 1 avskrift
   *[other] { $n } avskrifter
} kodade av båda
tui-agree-figures = samstämmighet { $percent } · kappa { $kappa } · alfa { $alpha } · { $n } skillnader, { $decided } avgjorda
tui-agree-open = öppen (ingen kodning där ännu; så ser också ett beslut för ingen av dem ut)
tui-agree-other = något annat (ändrat för hand)
tui-agree-decided = avgjord: { $choice }
tui-segment-head = { $case } · { $doc } · tur { $turn } · { $speaker } · { $code }
tui-unit-turn = talartur
tui-unit-sentence = mening
tui-unit-char = tecken
tui-theme-unknown = KODBOK_THEME={ $value } är inget tema (default, no-color, high-contrast, colour-blind); standardfärgerna används
tui-save-codings = kodningarna
tui-save-codebook = kodboken
tui-save-history = ångrahistoriken
tui-blind-no-agreement = Blindläget är på: samstämmighetsvyn visar andra kodares kodningar (B stänger av det).
tui-agree-needs-two = Samstämmighetsvyn behöver två kodare med kodningar (utöver konsensus).
tui-agree-is-consensus = Den här sessionen är själv konsensus: besluta som en av kodarna (kodbok tui --coder NAMN).
tui-changed-since = { $what } har ändrats sedan dess (av en annan session)
tui-read-only-nothing-saved = { $coder }s kodningar är öppna skrivskyddat i den här sessionen; inget sparades
tui-op-coding = kodning med { $code }
tui-op-removal = borttagning av en kodning med { $code }
tui-op-coding-memo = memo till kodning
tui-op-doc-memo = memo till avskrift
tui-history-unreadable = { $path }: ångrahistoriken går inte att läsa ({ $error }); en ny påbörjas
tui-blind-only-yours-listed = Blindläget är på: bara dina kodningar listas.
tui-filter-prompt = Filter (t.ex. grupp:låg speaker:Respondent; tomt: inget)
tui-filter-expected = väntade nyckel:värde, fick { $found } (t.ex. grupp:låg)
tui-filter-no-key = väntade ett attributnamn före värdet i { $found }
tui-index-stopped = indexeringstråden har stannat
tui-index-not-open = sökindexet är inte öppet ännu
tui-shortcut-taken = kortkommandot { $key } för koden { $code } är också en tangentbindning; använd väljaren (c) för den koden
tui-summary-no-segments = Inga segment bakom det här talet.
tui-blind-only-yours-counted = Blindläget är på: bara dina egna kodningar räknas (B stänger av det).
tui-summary-no-codings = Du har inga kodningar ännu: koda ett stycke så visas talen här.
tui-summary-no-consensus = Inget konsensuslager ännu ({ $file }): `kodbok consensus` skapar det.
tui-saved-again = Sparat igen: inget gick förlorat.
tui-save-failed = Kunde inte spara { $what }: { $error }. Finns kvar i minnet; försöker igen.
tui-codebook-reloaded = Kodboken ändrades av en annan session; den har lästs in på nytt.
tui-last-change = den senaste ändringen
tui-codebook-conflict = En annan session ändrade kodboken samtidigt; { $dropped } sparades inte. Gör det igen.
tui-quit-unsaved = Det går fortfarande inte att spara { $what }. Avsluta ändå? En räddningskopia skrivs först till { $dir }.
tui-blind-others-hidden = Blindläget är på: andra kodare förblir dolda (B stänger av det).
tui-layers-none = Ingen annan kodare har kodningar i det här projektet ännu.
tui-layers-showing = Visar { $coders } (dämpade ränder, initialer).
tui-layers-mine = Visar bara dina kodningar.
tui-blind-on = Blindläge: andra kodares kodningar och antal är dolda.
tui-blind-off = Blindläget är av (L visar andra kodare).
tui-consensus-unchanged = konsensus har redan det här; inget ändrades.
tui-undone = Ångrat: { $label }.
tui-redone = Gjort om: { $label }.
tui-cannot-undo = Kan inte ångra: { $error }. Det steget togs bort.
tui-cannot-redo = Kan inte göra om: { $error }. Det steget togs bort.
tui-op-coding-exists = den kodningen finns redan
tui-op-doc-gone = avskriften { $doc } finns inte längre i projektet
tui-op-code-gone = koden { $code } finns inte längre i kodboken
tui-op-coding-gone = den kodningen finns inte längre
tui-codebook-changed-since = kodboken har ändrats sedan dess (av en annan session)
tui-new-sub-code = Ny underkod till
tui-new-top-code = Ny kod på översta nivån
tui-rename-code = Byt namn på { $name }
tui-describe-code = Beskriv { $path } (raderna Include:/Exclude: är anvisningarna)
tui-codebook-empty-hint = Kodboken är tom: A lägger till en kod på översta nivån.
tui-top-level = översta nivån
tui-op-moved = flyttade { $path } till under { $to }
tui-no-coding-here = Ingen av dina kodningar ligger under markören.
tui-which-coding-remove = Vilken kodning ska tas bort?
tui-which-coding-memo = Vilken kodning ska få ett memo?
tui-memo-saved = Memot sparades.
tui-code-needs-name = En kod behöver ett namn.
tui-op-new-code = ny kod { $name } under { $under }
tui-no-transcripts-hint = Inga avskrifter ännu: lägg till med `kodbok import FIL…`.
tui-no-code-matches = Ingen kod matchar.
tui-memo-discarded = Ändringarna i memot kastades.
tui-reload-unreadable = { $id } ändrades på disken men går inte att läsa (rad { $line }: { $error }); versionen i minnet behålls
tui-reloaded = { $id } ändrades på disken och lästes in på nytt
tui-reloaded-moved = ; { $n } av dina kodningar flyttades med sin text
tui-reloaded-lost = ; { $n } stämmer inte längre med texten (de behålls; `kodbok check` listar dem)
tui-no-transcript-open = Ingen avskrift är öppen: välj en i dokumentpanelen (Tab, Enter).
tui-select-first = Markera text först: V markerar talarturen, v börjar en markering.
tui-docs-import-command = kodbok import FIL…
tui-picker-new = «{ $name }» är ny: { $key } skapar den under den markerade koden
tui-no-fullscreen = kan inte växla terminalen till helskärmsläge
tui-no-terminal = kan inte använda terminalen
tui-keymap-bad-toml = { $path }: inte giltig TOML ({ $error }); standardtangenterna behålls
tui-keymap-unknown-section = { $path }: okänt avsnitt [{ $section }]
tui-keymap-not-table = { $path }: [{ $section }] måste vara en tabell
tui-keymap-bad-binding = { $path }: [{ $section }] { $key }: { $error }; standardvärdet behålls
tui-keymap-expected-command = väntade ett kommandonamn inom citattecken
tui-codebook-counts-mine = mina
tui-codebook-counts-all = mina/alla
tui-agree-jumped = { $doc } { $unit }; K går tillbaka.
tui-batch-not-logged = autokodningsomgången loggades inte: { $error }
tui-batch-not-unlogged = autokodningsomgången ligger kvar i loggen: { $error }
tui-op-decision = { $coder }s beslut { $choice } om { $unit }
tui-keymap-unknown-command = okänt kommando { $name }
tui-keymap-unreadable = { $path }: { $error }; standardtangenterna behålls
tui-keymap-expected-key = väntade en tangent eller en kombination av två tangenter, fick { $found }
tui-key-unknown = okänd tangent { $key }
tui-key-unclosed = <{ $name } stängs inte i tangentföljden
tui-index-report = { $turns } talarturer, { $docs } avskrifter indexerade på nytt
tui-cannot-open = kan inte öppna projektet i { $dir }
tui-decisions-unreadable = konsensusbeslutens logg går inte att läsa: { $error }
tui-more-warnings = { " " }(+{ $n } till i .kodbok/tui.log)
tui-consensus-not-changed = konsensus ändrades inte: { $error }
tui-not-changed = Inte ändrat: { $error }
tui-op-renamed = bytte namn på { $old } till { $new }
tui-op-merged = slog ihop { $from } med { $into }
tui-key-does-nothing = { $key } gör inget här (? listar tangenterna).
tui-memo-on = Memo till { $what }
tui-memo-on-doc = Memo till avskriften { $doc }
tui-op-description = beskrivning av { $path }
tui-code-exists-there = Det finns redan en kod { $name } där.
tui-nothing-to-undo = Inget att ångra.
tui-nothing-to-redo = Inget att göra om.
tui-not-done = Inte utfört: { $error }
tui-op-saved-query = sparad sökfråga för { $path }
tui-no-such-doc = Ingen avskrift { $id }.
tui-rescue-failed = Kunde inte heller skriva en räddningskopia ({ $error }); avslutar inte.
tui-dumb-terminal = den här terminalen (TERM=dumb) kan inte visa arbetsbänken: den behöver en helskärmsterminal som xterm, GNOME Terminal, Windows Terminal eller tmux (TERM=xterm-256color). Varje uppgift har också ett kommando: se `kodbok --help`.
tui-terminal-gone = terminalen försvann; allt som kodats har sparats
tui-coder-reloaded = Läste in { $coder }s kodningar från disken på nytt.
tui-agree-row-open = öppen
tui-codebook-changed = Kodbok: { $label } (u ångrar).
tui-removed = Tog bort { $label } (u ångrar).
tui-agree-taken = { $unit } → { $choice }, +{ $added } −{ $removed } kodningar; u ångrar
tui-op-autocode = autokodning av { $n ->
    [one] 1 ställe
   *[other] { $n } ställen
} med { $path }
