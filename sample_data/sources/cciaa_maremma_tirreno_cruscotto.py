"""CCIAA della Maremma e del Tirreno, "CRUSCOTTO STRATEGICO" 2016-2021 (seed 003, OCR, badly garbled).

The seed prints, per missione (011, 016, 012, 032), the numbered strategic objectives 1-14 and for each
indicator its targets 2016..2021, the Owner (the service responsible) and one or two notes of the change log
("Aggiornato / Inserito / Eliminato in sede di rolling annuale con deliberazione della Giunta n. ... del ...").

Modelling: one line per missione (M011, M016, M012, M032) carrying its Missione; objectives OS01..OS14
(Etichetta "1." ...); indicators OSnn-k in the order printed; each note is a "Revisioni" row (Tipo
"indicatore aggiornato" / "inserito" / "eliminato") whose Atto is one of four "Atti" rows. Eliminated
indicators stay in "Indicatori" with their targets, as printed. The indicator text is printed as one cell
(name and formula together): it is the Indicatore; Algoritmo, Tipologia and Unità are not printed.

Reading rules for the OCR:
- Accents lost by the OCR are restored (Competitivita -> Competitività); single-occurrence OCR garbles are
  fixed (orienatamento, Infrastutture, annox, R.l. -> R.I., "[" for "/" in OS10-1); misspellings repeated
  identically are kept as probably written ("autoimpeditorialità", "inziative").
- "2" or "4" before a value is a lost "≥" (290% -> >=90%), "21" in the ratio indicators (anno x / anno x-1)
  is ">=1", "5=" is ">=", "3" inside a formula is a lost "Σ". All written with ">=".
- The 2016 column is empty in every row (the ente was born in 2016; the "anno x / anno x-1" indicators print
  "Anno di rilevazione" in 2017): five values are 2017..2021; rows with fewer values are placed by the rolling
  that set them (an indicator eliminated on 31/01/2019 keeps the targets 2017-2020 of the 2018 rolling; one
  inserted on 02/12/2019 only 2020-2021).
- The number of the Giunta deliberation of 31/01/2019 is lost in every note ("della Giunta n. del 31
  gennaio 2019"): act GC-ND-2019-01-31 with Numero "n.d.". "Dicembre 2010", "n. 120", "n 130", "Nicomhra
  yn1a" are OCR for "n. 129 del 2 Dicembre 2019".

Doubtful readings (besides the comments by the rows):
- OS01-3: targets printed "4 X 4 X 4", unreadable: left empty. Its formula ends "nell'anno x2": read x-2.
- OS02-1: four values "10%" placed 2018-2021 (the indicator is still active after the 2019 rolling).
- OS05-4: targets "235 535 235 35 535" / "3 23 23 >3": read ">=3,5" for 2017-2021 (very doubtful).
- OS06 name: "6. Supporto ed assistenza ionali ione": the rest of the name is lost: "[...]".
- OS06-1: "10 21 21 21" kept as numbers 10, 21, 21, 21 (2017-2020): a count, not a ratio (">=1" possible).
- OS06-3: its notes are garbled ("Agg'orrl'am mdsell']t? arromng"): read as one "Aggiornato" by GC-129-2019.
- OS07 (the 012 page is split by the OCR into two blocks, the first printed under the 016 heading): the six
  indicators, six target groups and the notes are matched by order and meaning, not by position:
  OS07-1 clausole compromissorie <- "100% 100%" (2020-2021) + "Inserito ... n. 129"; OS07-2 Convenzione UC-MISE
  <- "Anno rilevazione >=75% >=80% >=80%" + "Eliminato ... n. 129"; OS07-3 Piano Ispettivo <- the deadlines
  31/12/2018..31/12/2021 + "Inserito n. 97" / "Aggiornato n. 129"; OS07-4 <- ">=80% >=80% >=85% >=85%" +
  "Inserito n. 129"; OS07-5 <- "=3 =3 =35 =35" read >=3, >=3, >=3,5, >=3,5 (2018-2021) + "Inserito n. 129";
  OS07-6 <- "Anno rilevazione >=3 >=3 >=3,5" + "Eliminato ..." whose act is cut: taken as 31/01/2019 (its
  targets end in 2020, like the other indicators eliminated then). Not placed: the note fragments "Eliminato in
  sede di rolling annuale con deliberazione [cut]", "[...] della Giunta n. 27 (97?) del 26 luglio 2018" and
  "[...] della Giunta n. del 31 gennaio 2019" printed beside the ">=75%" targets.
- OS09-2: "<2" (2017) then "1" over "45" in 2018-2021: read "1,45".
- OS09-4: "< < 4,6 4 4" over "5 5 ' & &": read "<5", "<5", "4,6", "4", "4".
- OS09-5 ("< %" / "> > 5") and OS09-6 ("5 20 20 4 8" / "5 9"): unreadable, left empty.
- OS09-9: ">amedio" read ">= medio".
- OS13-1: "Anno di rilevazione 25%": 2017, 2018.
- OS14-3: four targets, the last "> media cluster" printed twice in two cells (2019, 2020); eliminated "in sede
  di rolling annuale 2018" (no act printed): act ROLLING-2018, with no number and no date.
"""

from __future__ import annotations

OUTPUT = "cciaa_maremma_tirreno_cruscotto.xlsx"
YEARS = [2016, 2017, 2018, 2019, 2020, 2021]

ENTE = {
    "Denominazione": "Camera di Commercio della Maremma e del Tirreno",
    "Denominazione breve": "CCIAA della Maremma e del Tirreno",
}

PIANO = {
    "Tipo": "cruscotto",
    "Titolo": "Cruscotto strategico 2016-2021",
    "Primo anno": 2016,
    "Ultimo anno": 2021,
    # the cruscotto as updated by the rolling of 02/12/2019, which sets the targets of 2020 (choice)
    "Anno di riferimento": 2020,
}

GC97, GC0119, GC129, R2018 = "GC-97-2018", "GC-ND-2019-01-31", "GC-129-2019", "ROLLING-2018"
# Occasione: the notes say "in sede di rolling annuale con deliberazione ..."
ATTI = [
    {"Codice": GC97, "Organo": "Giunta", "Numero": "97", "Data": "26/07/2018", "Oggetto": "Rolling annuale",
     "Occasione": "rolling annuale"},
    {"Codice": GC0119, "Organo": "Giunta", "Numero": "n.d.", "Data": "31/01/2019",
     "Oggetto": "Rolling annuale (numero della deliberazione non leggibile nel documento)",
     "Occasione": "rolling annuale"},
    {"Codice": GC129, "Organo": "Giunta", "Numero": "129", "Data": "02/12/2019", "Oggetto": "Rolling annuale",
     "Occasione": "rolling annuale"},
    # printed only as "rolling annuale 2018": no number nor date, so both stay unknown
    {"Codice": R2018, "Organo": "Giunta", "Numero": "n.d.", "Data": "",
     "Oggetto": "Rolling annuale 2018 (atto non indicato nel documento)", "Occasione": "rolling annuale 2018"},
]

MISSIONI = [
    {"Codice": "011", "Denominazione": "Competitività delle Imprese"},
    {"Codice": "012", "Denominazione": "Regolazione dei mercati"},
    {"Codice": "016", "Denominazione": "Commercio internazionale e internazionalizzazione del sistema produttivo"},
    {"Codice": "032", "Denominazione": "Servizi istituzionali e generali delle PA"},
]

LINEE = [
    {"Codice": f"M{mission['Codice']}", "Denominazione": f"{mission['Codice']}_{mission['Denominazione']}",
     "Missione": mission["Codice"]}
    for mission in (MISSIONI[0], MISSIONI[2], MISSIONI[1], MISSIONI[3])  # order of the seed: 011, 016, 012, 032
]

_OBJECTIVES = [
    ("011", "Semplificazione Amministrativa e Digitalizzazione delle Imprese"),
    ("011", "Sostegno alla competitività delle imprese anche attraverso l'Innovazione e le attività di Orientamento "
            "al Lavoro"),
    ("011", "Promozione integrata del territorio"),
    ("011", "Infrastrutture Portualità Logistica Gestione Strategica delle partecipazioni societarie"),
    ("011", "Valorizzazione del Patrimonio Culturale"),
    ("016", "Supporto ed assistenza [...]"),  # OCR: "6. Supporto ed assistenza ionali ione"
    ("012", "Tutela della legalità del mercato, della concorrenza e dei consumatori e consolidamento del ricorso alla "
            "giustizia alternativa"),
    ("032", "Accountability e Trasparenza"),
    ("032", "Qualità, efficienza e centralità della performance"),
    ("032", "Consolidamento del modello organizzativo del nuovo Ente per il corretto funzionamento dei processi e "
            "servizi erogati"),
    ("032", "Diffondere una nuova cultura della comunicazione istituzionale: verso una relazionalità consapevole"),
    ("032", "Valorizzazione del capitale umano e dei livelli di benessere organizzativo nei vari processi di "
            "Innovazione e Digitalizzazione della PA"),
    ("032", "Valorizzazione e gestione efficiente del patrimonio immobiliare e delle partecipazioni societarie"),
    ("032", "Revisione della spesa per un maggiore efficientamento nell'uso delle risorse e potenziamento dei flussi "
            "economico finanziari in entrata"),
]
MISSION_OF = {f"OS{number:02d}": mission for number, (mission, _name) in enumerate(_OBJECTIVES, start=1)}

OBIETTIVI_STRATEGICI = [
    {"Codice": f"OS{number:02d}", "Linea": f"M{mission}", "Denominazione": name, "Etichetta": f"{number}.",
     "Nel cruscotto": "si"}
    for number, (mission, name) in enumerate(_OBJECTIVES, start=1)
]

AC = "S.Anagrafico Certificativo"
ID = "S.Innovazione e Digitalizzazione"
PSE = "S.promozione Sviluppo Economico"
SG = "S.Segreteria Generale"
RMTC = "S.Regolazione Mercato Tutela Consumatore"
GRFP = "S.Gestione Risorse Finanziarie e Patrimoni"
STAFF = "S. Staff"

UPD, INS, ELIM = "indicatore aggiornato", "indicatore inserito", "indicatore eliminato"
ADR = "Anno di rilevazione"

INDICATORI: list[dict] = []
REVISIONI: list[dict] = []


def targets(first_year, *values):
    """Targets as written, from ``first_year`` on."""
    return {year: value for year, value in enumerate(values, start=first_year)}


def ind(objective, name, owner, years, *notes, note=""):
    """One indicator of ``objective``; ``notes`` are (revision kind, act) pairs in the order printed."""
    code = f"{objective}-{sum(1 for row in INDICATORI if row['Obiettivo'] == objective) + 1}"
    row = {"Codice": code, "Obiettivo": objective, "Indicatore": name, "Owner": owner,
           "Missione": MISSION_OF[objective], "Note": note}
    for year in YEARS:
        row[f"Target {year}"] = years.get(year, "")
    INDICATORI.append(row)
    for kind, act in notes:
        REVISIONI.append({"Tipo": kind, "Elemento": code, "Atto": act})


# ---------------------------------------------------------------- 011_Competitività delle Imprese
ind("OS01", "n° fascicoli d'impresa creati/n° fascicoli d'impresa ricevuti (dall'avvio del SUAP tramite Comunica)",
    AC, targets(2017, "100%", "100%", "100%", "100%", "100%"), (UPD, GC129))
ind("OS01", "n° comunicazioni non digitali (ad esclusione soggetti sprovvisti di PEC e atti giudiziari e notifiche) / "
            "n° comunicazioni in uscita",
    ID, targets(2017, "<20%", "<10%", "<10%", "0%", "0%"), (UPD, GC129))
# targets "4 X 4 X 4": unreadable
ind("OS01", "pratiche evase entro 5 giorni anno x/media pratiche (GR+LI) evase entro 5 giorni nell'anno x-2",
    AC, {}, (UPD, GC129))

ind("OS02", "n° progetti approvati/n° progetti presentati",
    PSE, targets(2018, "10%", "10%", "10%", "10%"), (UPD, GC97), (UPD, GC129))
ind("OS02", "n° stakeholders coinvolti nei Programmi europei ammessi a finanziamento anno x/n° stakeholders coinvolte "
            "nei Programmi europei ammessi a finanziamento x-1",
    PSE, targets(2017, ADR, ADR, ">=1", ">=1", ">=1"), (UPD, GC0119), (UPD, GC129))
ind("OS02", "n° di scuole coinvolte in iniziative di educazione all'autoimpeditorialità ed orientamento alle "
            "professioni (anno x)/n° di scuole coinvolte in iniziative di educazione all'autoimpeditorialità ed "
            "orientamento alle professioni (anno x-1)",
    PSE, targets(2017, ADR, ADR, ">=1", ">=1", ">=1"), (UPD, GC0119), (UPD, GC129))
ind("OS02", "n. azioni per la diffusione delle inziative legate all'alternanza scuola lavoro (anno x)/n. azioni per "
            "la diffusione delle inziative legate all'alternanza scuola lavoro (anno x-1)",
    PSE, targets(2017, ADR, ">=1", ">=1", ">=1"), (ELIM, GC0119))
ind("OS02", "n° stage organizzati dalla camera in tema di alternanza scuola lavoro(anno x)/n° stage organizzati dalla "
            "camera in tema di alternanza scuola lavoro(anno x-1)",
    PSE, targets(2017, ADR, ">=1", ">=1", ">=1"), (ELIM, GC0119))
ind("OS02", "n° percorsi per NEET (anno x)/n° percorsi per NEET (anno x-1)",
    PSE, targets(2017, ADR, ">=1", ">=1", ">=1"), (ELIM, GC0119))
# the Owner cell prints both services
ind("OS02", "n. azioni di diffusione sul tema industria 4.0 (anno x)/n. azioni di diffusione sul tema industria 4.0 "
            "(anno x-1)",
    f"{PSE}, Sevizio Innovazione e Digitalizzazione", targets(2017, ADR, ">=1", ">=1", ">=1", ">=1"), (UPD, GC129))

ind("OS03", "n° iniziative in tema di Blue-green economy anno x/n° iniziative in tema di Blue-green economy anno x-1",
    PSE, targets(2017, ADR, ">=1", ">=1", ">=1", ">=1"), (UPD, GC129))
ind("OS03", "n° iniziative legate al turismo sostenute anno x/n° iniziative legate al turismo sostenute anno x-1",
    PSE, targets(2017, ADR, ">=1", ">=1", ">=1"), (ELIM, GC0119))

# "290% 290% 290% 290% 95%"
ind("OS04", "Gestione delle misure di razionalizzazione delle partecipazioni camerali deliberate dalla Camera di "
            "Commercio_N. procedure di razionalizzazione/fusione/cessione/messa in liquidazione avviate / N. misure di "
            "razionalizzazione deliberate",
    SG, targets(2017, ">=90%", ">=90%", ">=90%", ">=90%", "95%"), (UPD, GC129))

ind("OS05", "n° iniziative legate alla valorizzazione del patrimonio culturale anno x /n° iniziative legate alla "
            "valorizzazione del patrimonio culturale anno x-1",
    SG, targets(2017, ADR, ">=1", ">=1", ">=1", ">=1"), (UPD, GC129))
ind("OS05", "Valutazioni positive rilevate tramite customer satisfaction da parte dei destinatari di iniziative in "
            "ambito turistico - culturale",
    PSE, targets(2019, ">= 80%", ">=85%", ">=85%"), (INS, GC0119), (UPD, GC129))
ind("OS05", "Biblioteca storica/giuridica: n° accessi anno x/n° accessi anno x-1",
    SG, targets(2017, ADR, ">1", ">1", ">1", ">1"), (UPD, GC129))
# very doubtful: "235 535 235 35 535" over "3 23 23 >3"
ind("OS05", "Grado di soddisfacimento degli utenti che accedono alla Biblioteca Storica/giuridica: valore medio "
            "rilevato (3= buono)",
    SG, targets(2017, ">=3,5", ">=3,5", ">=3,5", ">=3,5", ">=3,5"), (UPD, GC129))

# ---------------------------------------------------------------- 016_Commercio internazionale
# "10 21 21 21": kept as numbers (doubtful)
ind("OS06", "n° iniziative internazionali divulgate",
    PSE, targets(2017, "10", "21", "21", "21"), (ELIM, GC0119))
ind("OS06", "Valutazioni positive rilevate tramite customer satisfaction da parte dei destinatari di iniziative in "
            "materia d'internazionalizzazione",
    PSE, targets(2019, ">=80%", ">=85%", ">=85%"), (INS, GC0119), (UPD, GC129))
# notes garbled: one "Aggiornato" by GC-129-2019 assumed
ind("OS06", "n° seminari formativi/informativi, in ambito internazionale, a sostegno delle imprese anno x/n° seminari "
            "formativi/informativi, in ambito internazionale, a sostegno delle imprese anno x-1",
    PSE, targets(2017, ADR, ">=1", ">=1", ">=1", ">1"), (UPD, GC129))

# ---------------------------------------------------------------- 012_Regolazione dei mercati (see the docstring)
ind("OS07", "Ricognizione della presenza di clausole compromissorie a favore della camera di commercio nelle società "
            "iscritte dalla costituzione del nuovo ente camerale: n° statuti di società iscritte al R.I. 2016 - 2019 "
            "con clausole compromissorie/N° statuti soc. iscritte al R.I. 2016 - 2019",
    RMTC, targets(2020, "100%", "100%"), (INS, GC129))
ind("OS07", "Percentuale di attuazione degli obiettivi della Convenzione UC-MISE nell'ambito della sicurezza e "
            "vigilanza prodotti",
    RMTC, targets(2017, "Anno rilevazione", ">=75%", ">=80%", ">=80%"), (ELIM, GC129))
ind("OS07", "Definizione del Piano Ispettivo Metrologia legale 2019 in conformità al Decreto 21 aprile 2017, n. 93 a "
            "conclusione del periodo transitorio previsto dall'art. 18",
    RMTC, targets(2017, "Anno rilevazione", "31/12/2018", "31/12/2019", "31/12/2020", "31/12/2021"),
    (INS, GC97), (UPD, GC129))
ind("OS07", "Valutazioni positive rilevate tramite customer satisfaction da parte degli utenti del Servizio di primo "
            "orientamento in materia di proprietà industriale",
    RMTC, targets(2017, "Anno rilevazione", ">=80%", ">=80%", ">=85%", ">=85%"), (INS, GC129))
ind("OS07", "Valutazione media mediante customer satisfaction da parte degli utenti Autorità pubblica controllo "
            "filiera vitivinicola a D.O.",
    RMTC, targets(2018, ">=3", ">=3", ">=3,5", ">=3,5"), (INS, GC129))
ind("OS07", "Valutazione media mediante customer satisfaction da parte dei partecipanti alla formazione professionale",
    RMTC, targets(2017, "Anno rilevazione", ">=3", ">=3", ">=3,5"), (ELIM, GC0119))

# ---------------------------------------------------------------- 032_Servizi istituzionali e generali delle PA
ind("OS08", "Indice % di adeguatezza rilevato sulla piattaforma Magellano PA (Bussola trasparenza_Livello di "
            "adeguamento del sito istituzionale)",
    SG, targets(2017, "100%", "100%", "100%", "100%", "100%"), (UPD, GC129))

ind("OS09", "N. atti deliberativi gestiti nel rispetto dei termini imposti dalla normativa e dalle disposizioni "
            "interne / N. totale degli atti deliberativi",
    SG, targets(2017, ">=90%", "93%", "95%", "95%", "95%"), (UPD, GC129))
ind("OS09", "Tempi medi di lavorazione delle pratiche RI anno x al netto della sospensione",
    AC, targets(2017, "<2", "1,45", "1,45", "1,45", "1,45"), (UPD, GC129))  # doubtful
ind("OS09", "Percentuale di pratiche telematiche e con protocollazione automatica evase entro 5 gg",
    AC, targets(2017, "98%", "99%", "98%", "98%", "98%"), (UPD, GC0119))
ind("OS09", "Tempo medio di sospensione delle pratiche telematiche da parte del servizio R.I.",
    AC, targets(2017, "<5", "<5", "4,6", "4", "4"), (UPD, GC129))  # doubtful
ind("OS09", "Tempo medio di lavorazione delle pratiche RI",
    AC, {}, (UPD, GC129))  # targets unreadable
ind("OS09", "Tempestività dei pagamenti: tempi medi di lavorazione delle fatture passive",
    GRFP, {}, (UPD, GC129))  # targets unreadable
ind("OS09", "Percentuale di fatture pagate entro trenta giorni",
    GRFP, targets(2017, "80%", "85%", "85%", "90%", "90%"), (UPD, GC129))
ind("OS09", "N° obiettivi soggetti a modifica in itinere / n° obiettivi programmati ex ante",
    STAFF, targets(2017, "<20%", "<20%", "<18%", "<18%", "<18%"), (UPD, GC129))
ind("OS09", "Indicatore sintetico esprimente il grado medio di soddisfazione rilevata da indagini di customer "
            "satisfaction da parte dei diversi servizi camerali",
    STAFF, targets(2017, ">= medio", ">= medio", ">= medio", ">= medio", ">= medio"), (UPD, GC129),
    note="NOTA: valor medio rilevato dal valore consuntivo trasmesso da ciascun servizio della CCIAA che, operante in "
         "front office, rileva la qualità percepita tramite customer")
ind("OS09", "Indicatore annuale di tempestività dei pagamenti art. 33 D.Lgs 33/2013 e art. 9 DPCM 22/09/2014 (Σ, per "
            "ciascuna fattura per transazione commerciale, dei gg intercorrenti tra scadenza e pagamento moltiplicata "
            "per l'importo dovuto, rapportata alla Σ degli importi pagati nel periodo - esprime il ritardo medio di "
            "pagamento ponderato in base all'importo delle fatture)",
    GRFP, targets(2020, "ITP <-10", "ITP <-15"), (INS, GC129))
ind("OS09", "Tempestività dei pagamenti (ID Benchmarking 563 - Σ gg intercorrenti tra la data di mandato di pagamento "
            "e la data di scadenza della fattura / Σ importi pagati nel periodo di riferimento - dati 2016 LI+GR+MT)",
    GRFP, targets(2018, "X< X-1", "X< X-1", "X< X-1", "X< X-1"), (ELIM, GC129))

ind("OS10", "Efficacia del nuovo modello organizzativo ( Personale appartenente alla funzione istituzionale B "
            "\"Servizi di supporto\" / Personale dell'Ente espresso in unità equivalenti",
    STAFF, targets(2017, "X< X-1", "X< X-2", "X< X-3", "X< X-4", "X< X-4"), (UPD, GC129))
ind("OS10", "Qualità nella gestione e condivisione delle informazioni (Documenti fascicolati / Documenti protocollati)",
    ID, targets(2017, ">90%", ">92%", ">94%", ">96%", ">96%"), (UPD, GC129))

ind("OS11", "Livello di soddisfazione espresso dall'utenza sezione sito (trasversale)",
    SG, targets(2017, ">3,0", ">3,5", ">3,5", ">3,5", ">3,5"), (UPD, GC0119), (UPD, GC129))
ind("OS11", "N° accessi al sito anno x/N° accessi al sito anno x-1",
    SG, targets(2017, ADR, ">1", ">1", ">1", ">1"), (UPD, GC129))
ind("OS11", "Social Network FB: N° di utenti che sul social network FB esprime \"mi piace\" anno x/N° di utenti che sul "
            "social network FB esprime \"mi piace\" anno x-1",
    SG, targets(2017, ADR, ">1", ">1,2", ">1,2", ">1,2"), (UPD, GC129))
ind("OS11", "Comunicazione politico/istituzionale: N° di uscite stampa e TV anno x / N° eventi attuati",
    SG, targets(2017, "100%", "100%", "100%", "100%", "100%"), (UPD, GC129))

ind("OS12", "Ore medie di formazione del personale a tempo indeterminato anno x/Ore medie di formazione del personale "
            "a tempo indeterminato anno x-1",
    STAFF, targets(2017, ADR, ">1", ">1", ">1", ">1"), (UPD, GC0119), (UPD, GC129))
ind("OS12", "Livello di benessere organizzativo anno x/Livello di benessere organizzativo anno x-1",
    STAFF, targets(2017, ADR, ">1", ">1", ">1", ">1"), (UPD, GC0119), (UPD, GC129))

ind("OS13", "Efficacia del piano di dismissione immobiliare: n° immobili dismessi / n° immobili inclusi nel piano",
    GRFP, targets(2017, ADR, "25%"), (ELIM, GC0119))
ind("OS13", "Grado di realizzazione degli interventi di manutenzione ordinaria e straordinaria degli immobili "
            "destinati alla resa diretta di servizi: Lavori realizzati / Lavori programmati",
    GRFP, targets(2017, "90%", "80%", "80%", "80%", "100%"), (UPD, GC129))
ind("OS13", "Efficacia del piano per l'ottimizzazione dei ricavi immobiliari: n° immobili messi a reddito / n° "
            "immobili inclusi nel piano",
    GRFP, targets(2017, "25%", "50%", "75%", "85%", "100%"), (UPD, GC129))

ind("OS14", "Importo totale riscossioni spontanee del Diritto Annuale x / Dovuto per Diritto Annuale x",
    GRFP, targets(2017, "73%", "73%", "71%", "69%", "70%"), (UPD, GC0119), (UPD, GC129))
ind("OS14", "Riduzione incidenza costi per consumi intermedi su totale proventi (costi/ proventi anno x) / (costi/ "
            "proventi anno x-1)",
    GRFP, targets(2017, "<1", "<1", "<1", "<1", "<1"), (UPD, GC129))
ind("OS14", "Percentuale di riscossione spontanea relativamente al diritto annuale dovuto (efficacia delle azioni di "
            "sollecito attivate dall'Ente) - rif. Progetto Benchmarking, cluster Toscana, rilevazioni su anno x-1(dati "
            "2016 LI+GR+MT): Indicatore 395 (Riscossioni spontanee DA + Riscossioni spontanee DA anno x-1 per anno di "
            "cassa n / Totale diritto dovuto)",
    GRFP, targets(2017, "scostamento max 0,02 da media cluster", "scostamento max 0,01 da media cluster",
                  "> media cluster", "> media cluster"),
    (ELIM, R2018))
ind("OS14", "Riscossione dei crediti non tributari (Crediti anni precedenti a bilancio anno x / Crediti anni "
            "precedenti a bilancio anno x-1)",
    GRFP, targets(2017, ADR, "<1", "<1", "<1", "<1"), (UPD, GC129))

DATA = {
    "Ente": ENTE,
    "Piano": PIANO,
    "Atti": ATTI,
    "Linee strategiche": LINEE,
    "Obiettivi strategici": OBIETTIVI_STRATEGICI,
    "Indicatori": INDICATORI,
    "Revisioni": REVISIONI,
    "Missioni": MISSIONI,
}
