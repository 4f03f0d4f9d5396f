//! Irregular Swedish paradigms that regular endings cannot join (man/män, god/bättre/bäst,
//! gå/gick/gått): each line lists the forms that find one another, whichever of them is searched.
//!
//! Written for kodbok from standard Swedish grammar (no lexicon data is copied). Nouns get their
//! genitives (`-s`) added; verb passives and participles are listed where interview speech uses
//! them. Forms that are also very common unrelated words are left out on purpose: `för` (föra;
//! the preposition) and `bort` (böra; the adverb).

use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

/// Nouns: singular, definite, plural, definite plural (and variants); genitives are added.
const NOUNS: &[&str] = &[
    "man mannen män männen",
    "bok boken böcker böckerna",
    "fot foten fötter fötterna",
    "hand handen händer händerna",
    "land landet länder länderna",
    "stad staden städer städerna",
    "natt natten nätter nätterna",
    "tand tanden tänder tänderna",
    "son sonen söner sönerna",
    "bror brodern brorn broder bröder bröderna",
    "mor modern morn moder mödrar mödrarna",
    "far fadern farn fader fäder fäderna",
    "dotter dottern döttrar döttrarna",
    "mus musen möss mössen",
    "gås gåsen gäss gässen",
    "lus lusen löss lössen",
    "rot roten rötter rötterna",
    "strand stranden stränder stränderna",
    "tång tången tänger tängerna",
    "stång stången stänger stängerna",
    "bonde bonden bönder bönderna",
    "fiende fienden fiender fienderna",
    "ledamot ledamoten ledamöter ledamöterna",
    "nöt nöten nötter nötterna",
    "get geten getter getterna",
    "bot boten böter böterna",
    "öga ögat ögon ögonen",
    "öra örat öron öronen",
    "huvud huvudet huvuden huvudena",
    "sko skon skor skorna",
    "tå tån tår tårna",
    "ko kon kor korna",
    "faktum faktumet fakta",
    "museum museet museer museerna",
    "centrum centret centrumet centra",
    "gymnasium gymnasiet gymnasier gymnasierna",
    "kriterium kriteriet kriterier kriterierna",
    "stipendium stipendiet stipendier stipendierna",
    "studium studiet studier studierna",
    "medium mediet medier medierna media",
    "datum datumet datumen",
    "forum forumet forumen",
    "kollegium kollegiet kollegier kollegierna",
    "laboratorium laboratoriet laboratorier laboratorierna",
    "ministerium ministeriet ministerier",
    "tema temat teman temana",
    "schema schemat scheman schemana",
    "drama dramat draman dramer",
    "dilemma dilemmat dilemman dilemmana",
    "problem problemet problemen",
    "sommar sommaren somrar somrarna",
    "vinter vintern vintrar vintrarna",
    "morgon morgonen morgnar morgnarna",
    "afton aftonen aftnar aftnarna",
    "öken öknen öknar öknarna",
    "finger fingret fingrar fingrarna",
    "vatten vattnet vattnen",
    "väder vädret vädren",
    "nummer numret numren",
    "kammare kammaren kamrar kamrarna",
    "nyckel nyckeln nycklar nycklarna",
    "fågel fågeln fåglar fåglarna",
    "regel regeln regler reglerna",
    "exempel exemplet exemplen",
    "gång gången gånger gångerna",
    "politiker politikern politikerna",
    "tekniker teknikern teknikerna",
    "musiker musikern musikerna",
    "kritiker kritikern kritikerna",
    "statistiker statistikern statistikerna",
    "akademiker akademikern akademikerna",
    "lärare läraren lärarna",
    "användare användaren användarna",
    "medarbetare medarbetaren medarbetarna",
    "handläggare handläggaren handläggarna",
    "samordnare samordnaren samordnarna",
    "chef chefen chefer cheferna",
    "människa människan människor människorna",
    "barn barnet barnen",
    "år året åren",
    "kunskap kunskapen kunskaper kunskaperna",
    "mått måttet måtten",
    "ting tinget tingen",
    "djur djuret djuren",
    "sak saken saker sakerna",
    "kvinna kvinnan kvinnor kvinnorna",
    "historia historien historier historierna",
    "organ organet organen",
];

/// Adjectives and adverbs with irregular comparison or stems.
const ADJECTIVES: &[&str] = &[
    "god gott goda bättre bäst bästa",
    "bra bättre bäst bästa",
    "dålig dåligt dåliga sämre sämst sämsta värre värst värsta",
    "illa värre värst värsta",
    "liten litet lilla små mindre minst minsta",
    "gammal gammalt gamla äldre äldst äldsta",
    "stor stort stora större störst största",
    "lång långt långa längre längst längsta",
    "ung ungt unga yngre yngst yngsta",
    "tung tungt tunga tyngre tyngst tyngsta",
    "låg lågt låga lägre lägst lägsta",
    "hög högt höga högre högst högsta",
    "trång trångt trånga trängre trängst trängsta",
    "grov grovt grova grövre grövst grövsta",
    "få färre färst",
    "många fler flera flest flesta",
    "mycket mer mera mest mesta",
    "nära närmare närmast närmaste",
    "gärna hellre helst",
    "ofta oftare oftast",
    "snart snarare snarast",
    "sen sent sena senare senast senaste",
    "enkel enkelt enkla enklare enklast enklaste",
    "vacker vackert vackra vackrare vackrast vackraste",
    "ny nytt nya nyare nyast nyaste",
    "fri fritt fria friare friast friaste",
    "blå blått blåa",
    "grå grått gråa",
    "röd rött röda rödare rödast",
    "död dött döda",
    "glad glatt glada gladare gladast gladaste",
    "bred brett breda bredare bredast bredaste",
    "hård hårt hårda hårdare hårdast hårdaste",
    "blind blint blinda",
    "annan annat andra",
    "egen eget egna",
    "mogen moget mogna mognare mognast",
    "öppen öppet öppna öppnare öppnast",
    "vaken vaket vakna",
    "naken naket nakna",
    "sådan sådant sådana",
    "vilken vilket vilka",
    "lätt lätta lättare lättast lättaste",
    "svår svårt svåra svårare svårast svåraste",
    "kort korta kortare kortast kortaste",
    "fort fortare fortast",
    "länge längre längst",
    "långsam långsamt långsamma långsammare långsammast",
    "stark starkt starka starkare starkast starkaste",
    "svag svagt svaga svagare svagast svagaste",
    "tom tomt tomma",
    "dum dumt dumma dummare dummast",
    "söt sött söta sötare sötast",
    "vit vitt vita vitare vitast",
    "säker säkert säkra säkrare säkrast säkraste",
    "mindre minst minsta",
];

/// Strong and irregular verbs: infinitive, present, past, supine, participles, common passives.
const VERBS: &[&str] = &[
    "vara är var varit varande",
    "ha har hade haft havt hava",
    "bli blir blev blivit bliva blivande blivna",
    "gå går gick gått gången gångna gås",
    "göra gör gjorde gjort gjord gjorda görs gjordes göras",
    "få får fick fått fås",
    "se ser såg sett sedd sedda ses sågs",
    "ge ger gav gett givit given givna ges gavs giva",
    "ta tar tog tagit tagen tagna tas togs taga",
    "komma kommer kom kommit kommen komna kommande",
    "säga säger sa sade sagt sagd sagda sägs sades",
    "veta vet visste vetat",
    "kunna kan kunde kunnat",
    "vilja vill ville velat",
    "skola ska skall skulle",
    "böra bör borde",
    "må mår mådde mått",
    "lägga lägger la lade lagt lagd lagda läggs lades",
    "sätta sätter satte satt satta sätts sattes",
    "sitta sitter satt suttit",
    "ligga ligger låg legat",
    "stå står stod stått",
    "förstå förstår förstod förstått",
    "bestå består bestod bestått",
    "uppstå uppstår uppstod uppstått",
    "avstå avstår avstod avstått",
    "dra drar drog dragit dragen dragna dras drogs draga",
    "bära bär bar burit buren burna",
    "innebära innebär innebar inneburit",
    "skära skär skar skurit skuren skurna",
    "stjäla stjäl stal stulit stulen stulna",
    "svära svär svor svurit",
    "gråta gråter grät gråtit",
    "låta låter lät låtit",
    "äta äter åt ätit äten ätna",
    "sova sover sov sovit",
    "falla faller föll fallit fallen fallna",
    "hålla håller höll hållit hållen hållna hålls",
    "innehålla innehåller innehöll innehållit",
    "upprätthålla upprätthåller upprätthöll upprätthållit",
    "erhålla erhåller erhöll erhållit erhållen",
    "behålla behåller behöll behållit",
    "underhålla underhåller underhöll underhållit",
    "hugga hugger högg huggit",
    "springa springer sprang sprungit",
    "sjunga sjunger sjöng sjungit",
    "dricka dricker drack druckit drucken",
    "finna finner fann funnit funnen",
    "finnas finns fanns funnits",
    "binda binder band bundit bunden bundna",
    "vinna vinner vann vunnit vunnen",
    "försvinna försvinner försvann försvunnit försvunnen försvunna",
    "brinna brinner brann brunnit",
    "hinna hinner hann hunnit",
    "rinna rinner rann runnit",
    "spricka spricker sprack spruckit",
    "sticka sticker stack stuckit",
    "slippa slipper slapp sluppit",
    "skriva skriver skrev skrivit skriven skrivna skrivs skrevs",
    "beskriva beskriver beskrev beskrivit beskriven beskrivna",
    "föreskriva föreskriver föreskrev föreskrivit föreskriven",
    "bita biter bet bitit biten",
    "rida rider red ridit",
    "glida glider gled glidit",
    "lida lider led lidit",
    "vrida vrider vred vridit",
    "stiga stiger steg stigit",
    "tiga tiger teg tigit",
    "kliva kliver klev klivit",
    "driva driver drev drivit driven drivna drivs",
    "bedriva bedriver bedrev bedrivit bedriven bedrivs",
    "gripa griper grep gripit gripen",
    "begripa begriper begrep begripit",
    "angripa angriper angrep angripit",
    "ingripa ingriper ingrep ingripit",
    "skina skiner sken skinit",
    "vika viker vek vikit viken",
    "välja väljer valde valt vald valda väljs valdes",
    "sälja säljer sålde sålt såld sålda",
    "dö dör dog dött",
    "bo bor bodde bott",
    "tro tror trodde trott",
    "nå når nådde nått",
    "betyda betyder betydde betytt",
    "leda leder ledde lett ledd ledda leds leddes",
    "inleda inleder inledde inlett",
    "bjuda bjuder bjöd bjudit bjuden",
    "erbjuda erbjuder erbjöd erbjudit erbjuden",
    "förbjuda förbjuder förbjöd förbjudit förbjuden",
    "flyga flyger flög flugit",
    "ljuga ljuger ljög ljugit",
    "suga suger sög sugit",
    "njuta njuter njöt njutit",
    "skjuta skjuter sköt skjutit skjuten",
    "frysa fryser frös frusit",
    "bryta bryter bröt brutit bruten brutna",
    "flyta flyter flöt flutit",
    "slå slår slog slagit slagen slagna slås slogs",
    "föreslå föreslår föreslog föreslagit föreslagen föreslagna",
    "fastslå fastslår fastslog fastslagit",
    "avslå avslår avslog avslagit",
    "le ler log lett",
    "heta heter hette hetat",
    "gälla gäller gällde gällt",
    "vänja vänjer vande vant",
    "dölja döljer dolde dolt",
    "fara far for farit",
    "glömma glömmer glömde glömt glömd glömda",
    "känna känner kände känt känd kända",
    "bränna bränner brände bränt",
    "nämna nämner nämnde nämnt nämnd nämnda",
    "vända vänder vände vänt vänd",
    "sända sänder sände sänt",
    "hända händer hände hänt",
    "använda använder använde använt använd används användes",
    "tända tänder tände tänt",
    "lära lär lärde lärt lärd lärda lärs",
    "höra hör hörde hört hörd hörda hörs",
    "tillhöra tillhör tillhörde tillhört",
    "köra kör körde kört körd körda körs",
    "röra rör rörde rört",
    "föra förde fört förd förda förs",
    "genomföra genomför genomförde genomfört genomförd genomförda genomförs",
    "införa inför införde infört införd införda införs",
    "utföra utför utförde utfört utförd utförda utförs",
    "medföra medför medförde medfört",
    "leva lever levde levt",
    "följa följer följde följt",
    "skilja skiljer skilde skilt",
    "be ber bad bett bedd",
    "inse inser insåg insett",
    "anse anser ansåg ansett",
    "utse utser utsåg utsett utsedd utsedda",
    "förse förser försåg försett försedd",
    "förutse förutser förutsåg förutsett",
    "ange anger angav angett angiven angivna",
    "uppge uppger uppgav uppgett",
    "medge medger medgav medgett",
    "avge avger avgav avgett",
    "delta deltar deltog deltagit",
    "bidra bidrar bidrog bidragit",
    "anta antar antog antagit antagen antagna",
    "vidta vidtar vidtog vidtagit vidtagen vidtagna",
    "åta åtar åtog åtagit",
    "företa företar företog företagit",
    "uppta upptar upptog upptagit upptagen",
    "motta mottar mottog mottagit mottagen",
    "överta övertar övertog övertagit",
    "ersätta ersätter ersatte ersatt",
    "tillsätta tillsätter tillsatte tillsatt",
    "översätta översätter översatte översatt",
    "avgöra avgör avgjorde avgjort avgjord",
    "utgöra utgör utgjorde utgjort",
    "framgå framgår framgick framgått",
    "ingå ingår ingick ingått",
    "utgå utgår utgick utgått",
    "övergå övergår övergick övergått",
    "genomgå genomgår genomgick genomgått",
    "tillkomma tillkommer tillkom tillkommit",
    "förekomma förekommer förekom förekommit",
    "överkomma överkommer överkom överkommit",
    "understryka understryker underströk understrukit",
    "stryka stryker strök strukit",
    "skrika skriker skrek skrikit",
    "skryta skryter skröt skrutit",
    "sträcka sträcker sträckte sträckt",
    "smörja smörjer smorde smort",
    "träda träder trädde trätt",
    "inträda inträder inträdde inträtt",
    "sjunka sjunker sjönk sjunkit",
    "stinka stinker stank stunkit",
    "svälta svälter svalt svultit",
    "hjälpa hjälper hjälpte hjälpt",
    "tänka tänker tänkte tänkt",
    "tycka tycker tyckte tyckt",
];

/// Form → every form of the paradigms it belongs to (a form may belong to several: få, satt).
fn table() -> &'static HashMap<&'static str, BTreeSet<String>> {
    static TABLE: OnceLock<HashMap<&'static str, BTreeSet<String>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t: HashMap<&'static str, BTreeSet<String>> = HashMap::new();
        let groups = NOUNS
            .iter()
            .map(|l| (l, true))
            .chain(ADJECTIVES.iter().chain(VERBS).map(|l| (l, false)));
        for (line, noun) in groups {
            let mut forms: BTreeSet<String> = line.split_whitespace().map(String::from).collect();
            if noun {
                let genitives: Vec<String> = forms
                    .iter()
                    .filter(|f| !f.ends_with(['s', 'x', 'z']))
                    .map(|f| format!("{f}s"))
                    .collect();
                forms.extend(genitives);
            }
            for f in line.split_whitespace() {
                t.entry(f).or_default().extend(forms.iter().cloned());
            }
        }
        t
    })
}

/// Every form of the irregular paradigms a lower-case word belongs to (empty when none).
pub fn forms(word: &str) -> BTreeSet<String> {
    let t = table();
    if let Some(all) = t.get(word) {
        return all.clone();
    }
    // a noun's genitive (männens, böckernas) finds its paradigm too
    word.strip_suffix('s')
        .and_then(|w| t.get(w))
        .cloned()
        .unwrap_or_default()
}

/// Every paradigm of the table as its list of forms (for tests and `docs/search.md` figures).
pub fn paradigms() -> impl Iterator<Item = Vec<&'static str>> {
    NOUNS
        .iter()
        .chain(ADJECTIVES)
        .chain(VERBS)
        .map(|l| l.split_whitespace().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_finds_every_form_of_its_paradigm() {
        let mut lemmas = 0;
        for p in paradigms() {
            lemmas += 1;
            for q in &p {
                let found = forms(q);
                for f in &p {
                    assert!(found.contains(*f), "{q:?} should find {f:?}");
                }
            }
        }
        assert!(lemmas >= 300, "{lemmas} paradigms");
    }

    #[test]
    fn genitives_and_common_words() {
        assert!(forms("männens").contains("man"));
        assert!(forms("män").contains("männens"));
        assert!(forms("föra").contains("förde"));
        assert!(!forms("föra").contains("för"));
        assert!(forms("kunde").contains("kan"));
        assert!(forms("resurs").is_empty());
    }
}
