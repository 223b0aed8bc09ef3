"""CCIAA Prato, PIRA monitoring "Situazione al 30 settembre 2020" (seed 004).

Sources in seed 004: the introduction "IL PIANO DEGLI INDICATORI E DEI RISULTATI ATTESI DI BILANCIO" and
"La programmazione 2020" with the table Missione / Programma / Programma Strategico; then one sheet per
strategic programme (area strategica, programma, centro di responsabilità, budget, indicatore di avanzamento,
obiettivo, descrizione, fasi, indicatori with the value at 30/09/2020, targets 2020-2022 and Performance,
stakeholder) and the "Stato di Salute Finanziaria" table.

Modelling:
- Each "Area strategica" is a line; "Salute dell'ente camerale" (Riforma Camerale) and "Garantire la salute
  dell'Ente Camerale" (Semplificazione, Prevenzione della corruzione) are printed differently and kept as two
  lines. The "Salute finanziaria dell'ente" table prints no area: it is put under "Salute dell'ente camerale"
  (a choice, not printed).
- Each "Programma" is a strategic objective P01..P10; its "Obiettivo: ..." sentence is the objective's
  Descrizione, the long "Descrizione" text the "Obiettivi PIRA" Descrizione, the Stakeholder row the
  Portatori di interesse. The missione of each programme comes from the table of "La programmazione 2020";
  the programme codes (005/004/005/003) too. Centri di responsabilità differ inside one missione/programme,
  so they are on the indicators only.
- The "Indicatore di avanzamento" of each programme is an indicator with Flag "AVANZAMENTO" (code Pnn-AV):
  its "Target triennio" is recorded as Target 2022. For P05 the column is headed "Stato 2019" (not 30/09/2020):
  recorded as Storico 2019, no measurement. P05's avanzamento formula ("Pagamenti effettuati tramite
  piattaforma elettronica / Totale pagamenti") does not match its name: both as printed.
- Descriptions: the extracted <p> paragraphs are separated by a blank line, the <ul> items are lines starting
  with "- ", <u>underlined</u> lead-ins lose the underline (no markup for it). Typos kept ("Sulla tali si basa",
  "interento", "fondatai", "si stallo", "Valere medio").
- Flag "PIRA" on every programme and financial-health indicator (the whole document is the PIRA; not printed).
- The Performance column is NOT transcribed into DATA (the scoring engine computes it); it is kept in
  EXPECTED_PERFORMANCE for the tests.
- Unità di misura as printed ("n.", "%", "euro", "si/no", "€"), outside the schema's list.
- Tipologia as printed; "Realizzazione finanziaria dell'intero progetto" (P09) and the financial-health groups
  (Equilibrio economico, Proventi, Costi, Patrimonio, Indebitamento) are outside the schema's list.

Budget per programme, printed in each sheet (in BUDGETS below, the "Budget" column of Obiettivi PIRA):
#   P01 La sede camerale: uno spazio aperto per la città ........ € 30.000
#   P02 Promozione della cultura imprenditoriale - PID .......... € 165.600,00
#   P03 La valorizzazione del patrimonio culturale e del turismo  € 20.000,00
#   P04 Servizi di Orientamento al Lavoro ....................... € 27.600,00
#   P05 Semplificazione Amministrativa .......................... € 170.757,80
#   P06 Organismo di composizione delle crisi - OCRI ............ Attività realizzate con risorse interne
#   P07 Sostegno all'export delle PMI ........................... € 249.930,00
#   P09 Riforma Camerale ........................................ € 3.660,00
#   P10 Prevenzione della corruzione ............................ Attività realizzate con risorse interne
#   (P08 Salute finanziaria dell'ente: no budget printed)

Gantt readings (Fasi): the markers are cells of the extracted table; their columns drift by one when the
phase label starts in the first cell. P03 (markers in the 2020 column only; the project ends in 2020),
P06 "Attività di formazione" and P07 (one marker group) -> 2020; P01, P02 (no markers), P04, P06
"Realizzazione di iniziative di promozione del servizio", P10 (three marker groups) -> 2020, 2021, 2022.
P05 and P09 print the years 2019, 2020, 2021 in their Gantt header (stale); kept as printed (P05 three
markers, P09 no markers). P01's only phase prints "Spazi nuova sede" in the Fase column and "Utilizzo spazi
sede camerale" as the bar label: joined.

Seed inconsistency: P01-6 prints 9% of a 50% target with Performance 19% (9/50 = 18%): the value is
probably rounded; kept as printed in both places.

Doubtful: P09 "Attività informativa" is printed with UDM "si/no" and values "1" / "1"; kept.
"""

from __future__ import annotations

OUTPUT = "cciaa_prato_2020.xlsx"
YEARS = [2020, 2021, 2022]
DATE = "30/09/2020"

ENTE = {
    "Denominazione": "Camera di Commercio di Prato",
    "Denominazione breve": "CCIAA di Prato",
}

PIANO = {
    "Tipo": "monitoraggio",
    "Titolo": "Piano degli indicatori e dei risultati attesi di bilancio",
    "Sottotitolo": "Situazione al 30 settembre 2020",
    "Primo anno": 2020,
    "Ultimo anno": 2022,
    "Anno di riferimento": 2020,
    "Data di monitoraggio": DATE,
}

ATTI = [
    {"Codice": "CC-07-2019", "Organo": "Consiglio", "Numero": "07/19", "Data": "25/11/2019",
     "Oggetto": "Relazione Previsionale e Programmatica per l'anno 2020"},
]

MISSIONI = [
    {"Codice": "011", "Denominazione": "Competitività e sviluppo delle imprese"},
    {"Codice": "012", "Denominazione": "Regolazione del mercato"},
    {"Codice": "016", "Denominazione": "Commercio internazionale ed internazionalizzazione del sistema produttivo"},
    {"Codice": "032", "Denominazione": "Servizi istituzionali e generali delle amministrazioni pubbliche"},
    {"Codice": "033", "Denominazione": "Fondi da ripartire"},
]

PROGRAMMI = [
    {"Missione": "011", "Codice": "005",
     "Denominazione": "Promozione ed attuazione di politiche di sviluppo, competitività ed innovazione, di "
                      "responsabilità sociale d’impresa e movimento cooperativo"},
    {"Missione": "012", "Codice": "004",
     "Denominazione": "Vigilanza sui mercati e sui prodotti, promozione della concorrenza e tutela dei consumatori"},
    {"Missione": "016", "Codice": "005", "Denominazione": "Sostegno all’internazionalizzazione delle imprese"},
    {"Missione": "032", "Codice": "003", "Denominazione": "Servizi e affari generali per le amministrazioni di competenza"},
]
PROGRAMME_OF = {"011": "005", "012": "004", "016": "005", "032": "003"}

LINEE = [
    {"Codice": "DP", "Denominazione": "Destinazione Prato", "Missione": "011"},
    {"Codice": "PCI", "Denominazione": "Prato città degli imprenditori"},
    {"Codice": "GSE", "Denominazione": "Garantire la salute dell'Ente Camerale"},
    {"Codice": "PAM", "Denominazione": "Prato nell'area metropolitana", "Missione": "012"},
    {"Codice": "PVM", "Denominazione": "Prato verso il mondo", "Missione": "016"},
    {"Codice": "SEC", "Denominazione": "Salute dell'ente camerale", "Missione": "032"},
]

SG = "Segretario Generale"
DAGE = "Dirigente Settore Affari Generali ed Economici"
STAKEHOLDER = "Imprese, Consumatori, Cittadini e loro Associazioni"

# code -> (line, missione, centro di responsabilità)
_PROGRAMMES = {
    "P01": ("DP", "011", SG),
    "P02": ("PCI", "011", DAGE),
    "P03": ("DP", "011", DAGE),
    "P04": ("PCI", "012", DAGE),
    "P05": ("GSE", "012", SG),
    "P06": ("PAM", "012", SG),
    "P07": ("PVM", "016", DAGE),
    "P08": ("SEC", "032", ""),
    "P09": ("SEC", "032", SG),
    "P10": ("GSE", "032", DAGE),
}


def objective(code, name, sentence, sheet=""):
    row = {"Codice": code, "Linea": _PROGRAMMES[code][0], "Denominazione": name, "Descrizione": sentence}
    if sheet:  # 004 prints the financial health as its compact table, not as a programme's sheet
        row["Scheda monitoraggio"] = sheet
    return row


OBIETTIVI_STRATEGICI = [
    objective("P01", "La sede camerale: uno spazio aperto per la città",
              "Obiettivo: aumentare l'attrattività del territorio"),
    objective("P02", "Promozione della cultura imprenditoriale - Punto Impresa Digitale",
              "Obiettivo: aumentare il livello di preparazione degli imprenditori e stimolarne la nascita di nuovi"),
    objective("P03", "La valorizzazione del patrimonio culturale e del turismo",
              "Promuovere le potenzialità turistiche e culturali del territorio"),
    objective("P04", "Servizi di Orientamento al Lavoro",
              "Obiettivo: Aumentare il livello di preparazione degli imprenditori e stimolarne la nascita di nuovi"),
    objective("P05", "Semplificazione Amministrativa", "Obiettivo: la semplificazione amministrativa"),
    objective("P06", "Organismo di composizione delle crisi - OCRI",
              "Obiettivo: Sostegno alle crisi di impresa e al funzionamento del mercato"),
    objective("P07", "Sostegno all’export delle PMI", "Obiettivo: Supportare l'internazionalizzazione delle imprese"),
    objective("P08", "Salute finanziaria dell'ente",
              "A seguito della conversione del D.L. 90/2014 con la L. 114/2014, le entrate da diritto annuale sono "
              "state ridotte del 35% nel 2015, del 40% nel 2016 e del 50% nel 2017. I tagli, sebbene operati con "
              "progressività, sono estremamente pesanti e comportano la necessità di razionalizzare ulteriormente le "
              "spese e contrarre progetti ed investimenti. Nella scheda vengono riportati gli ultimi valori a "
              "consuntivo disponibili, relativi al 2018.", sheet="salute finanziaria"),
    objective("P09", "Riforma Camerale", "Obiettivo: Trasversale di ente"),
    objective("P10", "Prevenzione della corruzione", "Obiettivo: trasversale di ente"),
]


BUDGETS = {
    "P01": "€ 30.000",
    "P02": "€ 165.600,00",
    "P03": "€ 20.000,00",
    "P04": "€ 27.600,00",
    "P05": "€ 170.757,80",
    "P06": "Attività realizzate con risorse interne",
    "P07": "€ 249.930,00",
    "P09": "€ 3.660,00",
    "P10": "Attività realizzate con risorse interne",
}


def pira_text(code, description):
    mission = _PROGRAMMES[code][1]
    return {"Obiettivo": code, "Missione": mission, "Programma": PROGRAMME_OF[mission], "Descrizione": description,
            "Portatori di interesse": STAKEHOLDER, "Budget": BUDGETS.get(code, "")}


OBIETTIVI_PIRA = [
    pira_text("P01",
              "La nuova sede camerale, con i suoi spazi progettati e realizzati come luoghi di accoglienza e non "
              "soltanto come spazi per l'erogazione di servizi istituzionali, sta ottenendo sempre maggiore interesse "
              "come luogo aperto alla città, dinamico e polifunzionale, in grado di ospitare iniziative di diverso "
              "genere. L'Auditorium, così come le sale dell'area istituzionale, ha ospitato nel corso degli ultimi "
              "anni un importante numero di iniziative che ha permesso un afflusso di persone che ha raggiunto "
              "livelli sempre più importanti; progressivamente anche gli spazi camerali hanno iniziato a riscuotere "
              "sempre maggiore interesse da soggetti terzi istituzionali e non. Nel 2020 proseguirà pertanto la "
              "valorizzazione degli spazi e la loro promozione anche nella prospettiva di presentare Prato come "
              "location per ospitare eventi ed attività."),
    pira_text("P02", "\n\n".join([
        "Negli ultimi anni, per rilanciare la competitività delle imprese italiane sono stati previsti numerosi "
        "interventi di politica industriale che, oltre a supportare, attraverso misure fiscali, gli investimenti di "
        "innovazione, ricerca e sviluppo, hanno avuto l'obiettivo di promuovere una nuova cultura d'impresa "
        "focalizzata sulle tecnologie abilitanti, sulle competenze digitali e sui nuovi modelli di business, "
        "indispensabili a massimizzare i benefici della quarta rivoluzione industriale.",
        "Per supportare le imprese nel raggiungere le finalità sopra esposte è stato altresì istituito il Network "
        "Impresa 4.0 costituito da numerosi punti di accesso distribuiti sul territorio nazionale che perseguono, in "
        "varie declinazioni, l'obiettivo di accompagnare e supportare le imprese nella trasformazione digitale.",
        "Alle Camera di Commercio viene assegnato un ruolo fondamentale nel favorire la trasformazione digitale "
        "delle imprese.",
        "Per garantire il raggiungimento degli obiettivi previsti dal Piano Impresa 4.0 le Camere di Commercio nel "
        "triennio 2017 - 2019 hanno costituito una vera e propria rete di punti PID capaci di offrire servizi di "
        "formazione, informazione e primo orientamento alle MPMI.",
        "A partire dai risultati positivi raggiunti per il triennio 2020 - 2022 viene proposta una nuova "
        "progettualità che, oltre a consolidare e potenziare le azioni già realizzate, intende affrontare il tema "
        "delle reti di competenza trasversali, capaci di coniugare la digitalizzazione con l'innovazione e la "
        "sostenibilità.",
        "Alla luce di tali premesse, le azioni previste sono articolate in due linee, la prima di prosecuzione e "
        "consolidamento e la seconda di potenziamento e sviluppo.",
        "Nell'ambito del progetto PID, la Camera di Commercio di Prato ha avviato le procedure per la maggiorazione "
        "del 20% del diritto annuale, il 45% del quale andrà destinato ad attività di digitalizzazione. Nell'ambito "
        "del progetto è, tra l'altro, prevista la concessione di contributi alle imprese.",
    ])),
    pira_text("P03", "\n\n".join([
        "In considerazione delle nuove attribuzioni in materia di valorizzazione del patrimonio culturale nonché di "
        "promozione e sviluppo del turismo la Camera valuterà con attenzione eventuali spazi di attività, in "
        "collaborazione con enti e organismi competenti.",
        "La Camera di Commercio ha aderito al progetto di rete UTC n. 111 \"La valorizzazione del patrimonio "
        "culturale e del turismo\" a valere sul FP 2017 - 2018 con l'obiettivo di implementare gli strumenti per "
        "presidiare in modo innovativo la nuova competenza in materia di valorizzazione del patrimonio culturale e "
        "di promozione del turismo, attribuita dal D. Lgs. 219/2016. Le attività previste nel piano hanno avuto "
        "inizio nel 2019 e termineranno nel 2020.",
    ])),
    pira_text("P04", "\n\n".join([
        "Il Decreto 7 marzo 2019 prevede tra i servizi da fornire sul territorio nazionale da parte delle Camere di "
        "Commercio, con riferimento alle funzioni promozionali, quelli di gestione dei percorsi per le competenze "
        "trasversali e orientamento e formazione per il lavoro, confermando quanto previsto dal rinnovato art.2 "
        "della legge 580/93, che al comma 1 lett. e) attribuisce funzioni di orientamento al lavoro ed alle "
        "professioni anche mediante la collaborazione con i soggetti pubblici e privati competenti, in "
        "coordinamento con il Governo e con le Regioni e l'ANPAL.",
        "Tali attività sono state inserite nell'ambito delle attività previste dal Fondo Perequativo 2017 - 2018 "
        "n. 110 \"Orientamento domanda - offerta di lavoro\"",
        "Nel contempo sarà posta particolare attenzione alla promozione presso imprese, enti pubblici, privati e "
        "professionisti, del Registro nazionale per l'alternanza scuola-lavoro (RASL), realizzato dal sistema "
        "camerale con il supporto di Infocamere, nel quale sono tenuti ad iscriversi i soggetti disponibili ad "
        "accogliere ragazzi in percorsi di alternanza.",
    ])),
    pira_text("P05", "\n\n".join([
        "La semplificazione, la digitalizzazione e l'e-gov continueranno ad essere obiettivi prioritari dell'azione "
        "camerale; in questo senso l'ente promuoverà la diffusione degli strumenti informatici e telematici "
        "avanzati quali la firma digitale, la PEC e lo SPID, della fatturazione elettronica e del cassetto digitale "
        "dell'imprenditore",
        "Fatturazione elettronica nei confronti della P.A. è ormai una realtà consolidata essendo entrata a regime "
        "a partire dal 31 marzo 2015 e diventando obbligatoria anche tra privati e consumatori finali a partire dal "
        "1.1.2019.",
        "La Camera continuerà il servizio di assistenza alle micro e piccole imprese nell'utilizzo dell'applicativo "
        "che il sistema camerale mette a disposizione.",
        "Valorizzazione del patrimonio informativo del Registro Imprese: L'impegno della Camera di Commercio sarà "
        "rivolto alla valorizzazione del Registro delle Imprese, quale anagrafe della realtà economico - "
        "imprenditoriale e fonte di pubblicità legale certa. La semplificazione, la digitalizzazione e l'e-gov "
        "continueranno ad essere obiettivi prioritari dell'azione camerale; in questo senso si promuoverà la "
        "diffusione degli strumenti informatici quali la firma digitale, la PEC, lo SPID e la tenuta dei libri "
        "digitali d'impresa.",
        "Avvio nuovo servizio: Nell'ambito della digitalizzazione è prevista l'emanazione di un decreto del "
        "Ministero dello Sviluppo Economico, unitamente al Ministero della Giustizia, per l'approvazione di un "
        "modello standard per lo scioglimento e la messa in liquidazione delle srls utilizzabile anche senza "
        "l'interento di un notaio.",
        "AQI :la possibilità riconosciuta dalla legge di costituire in Camera di Commercio, senza l'ausilio di un "
        "notaio, una start up innovativa mediante il modello standard tipizzato ha superato il vaglio del giudice "
        "amministrativo. Nel 2019 proseguirà quindi l'attività di potenziamento del servizio.",
        "Qualità dei dati del Registro delle Imprese. Proseguiranno le attività volte alla pulizia del Registro "
        "tramite le cancellazioni di imprese inattive, delle PEC e di recupero dei bilanci societari per i quali "
        "risulta omesso il deposito. La qualità delle informazioni viene assicurata anche dalle operazioni di "
        "verifica dinamica del mantenimento dei requisiti per gli agenti di affari in mediazione, per gli agenti e "
        "rappresentanti di commercio e per gli spedizionieri, previste dai decreti attuativi della Direttiva "
        "Servizi.",
        "Cooperazione con altri enti pubblici del territorio: In linea con la riforma, la Camera assumerà un ruolo "
        "ancora più centrale nella promozione della semplificazione amministrativa a partire dal consolidamento "
        "della ComUnica e dall'attuazione del Fascicolo Informativo, principalmente in collaborazione con i SUAP "
        "ma anche con tutti gli altri Enti terzi.",
    ])),
    pira_text("P06", "\n\n".join([
        "Il D. Lgs. 14 del 12 gennaio 2019, cd \"Codice delle crisi di impresa e dell'insolvenza\", le cui "
        "principali disposizioni entreranno in vigore ad agosto 2020, riforma in modo organico e sistematico la "
        "materia dell'insolvenza e delle procedure concorsuali, introducendo sistemi di allerta e gestione "
        "assistita delle crisi di impresa.",
        "Tra le novità di maggior rilievo figurano gli Organismi di Composizione delle Crisi - OCRI - che saranno "
        "istituiti presso le Camere di Commercio cui viene affidato il compito di gestire i procedimenti di allerta "
        "e di assistere gli imprenditori nei procedimenti di composizione assistita delle crisi.",
        "Unioncamere ha anticipato che provvederà a predisporre un \"Regolamento tipo\" in modo da adottare un "
        "comportamento uniforme in tutta la rete camerale e che sarà realizzata una piattaforma informatica che "
        "supporterà operativamente gli OCRI.",
        "Il Codice della crisi d'impresa e dell'insolvenza (DLgs 14/2019) entrerà in vigore il 1.9.2021 anziché il "
        "15.08.2020 come previsto.",
        "Il rinvio è stato disposto dall'art. 5 comma 1 del D.L. 8.04.2020 n. 23 conv. con modificazioni dalla L. "
        "5.06.2020 n. 40.",
    ])),
    pira_text("P07", "\n\n".join([
        "Il D. Lgs. N. 219 del 2016, recante la riforma delle Camere di Commercio, ha modificato l'ambito di "
        "competenza camerale in tema di promozione all'estero delle imprese. Nello specifico tale ambito è stato "
        "identificato nella preparazione ai mercati internazionali, attraverso attività di informazione, "
        "formazione, supporto organizzativo e assistenza alle PMI, da realizzare sul versante nazionale. Le Camere "
        "sono dunque diventate una rete capillare di contatto con le imprese del territorio. L'obiettivo del "
        "sistema camerale è duplice:",
        "- rafforzare la presenza all'estero delle imprese già attive sui mercati globali\n"
        "- individuare, formare e avviare all'export le PMI attualmente operanti solo sul mercato domestico",
        "Sulla tali si basa il progetto SEI che ha come obiettivo prioritario l'accompagnamento permanente alle PMI "
        "verso i mercati esteri attraverso un'offerta integrata di servizi. Dal punto di vista organizzativo, la "
        "proposta si fonda sul rafforzamento e sulla specializzazione di un network di punti territoriali presso le "
        "Camere di Commercio.",
        "L'obiettivo strategico è quello di far crescere la consapevolezza delle PMI sulle molteplici soluzioni "
        "offerte dal sistema nazionale per l'internazionalizzazione a sostegno dell'export e i suoi benefici.",
    ])),
    pira_text("P09", "\n\n".join([
        "Nel 2020 si prevede che il percorso di accorpamento arriverà a compimento. Il completamento delle "
        "procedura, ipotizzato già per il 2019, ha subito ritardi per eventi non dipendenti dalla Camera di "
        "Commercio di Prato.",
        "Purtroppo il 2019 è stato un altro anno si stallo nell'incerto ed impervio processo di riforma che, a "
        "partire dal 2014, ha coinvolto il sistema camerale.",
        "L'iter legislativo si è formalmente concluso con l'emanazione del decreto del MISE del 16.2.2018, che "
        "ricalca pedissequamente i contenuti del D.M. 8.8.2017, già travolto da un primo giudizio di illegittimità "
        "costituzionale pronunciato dal Giudice delle Leggi con sentenza n. 261 del 13.2.2017.",
        "In data 30 aprile sul sito istituzionale del Ministero è stato pubblicato il decreto 7 marzo 2019 con il "
        "quale si provvede alla ridefinizione dei servizi e degli ambiti prioritari di intervento delle Camere di "
        "Commercio, la c.d. \"mappa dei servizi\" che dovrebbe individuare cosa in concreto il sistema camerale è "
        "tenuto a svolgere, rendendo omogeneo sul territorio nazionali il paniere dei servizi offerti.",
        "Allo stesso tempo in data 30 aprile, il TAR Lazio, chiamato a giudicare i ricorsi presentati da alcune "
        "camere di commercio ha riconosciuto fondatai i dubbi di costituzionalità della legge di riordino, "
        "rinviando la questione alla corte costituzionale il cui pronunciamento è atteso per il 2020.",
        "Il nuovo ente avrà sede legale a Prato in Via del Romito 71 e sede secondaria a Pistoia in Corso Silvano "
        "Fedi 36 e diventerà operativo dalla data di insediamento del nuovo Consiglio; fino a quella data "
        "rimarranno in carica gli organi delle due camere di commercio accorpate che continuano a svolgere le loro "
        "funzioni.",
    ])),
    pira_text("P10", "\n\n".join([
        "La Relazione Previsionale e programmatica per l'anno 2020, adottata dal Consiglio Camerale con "
        "deliberazione 07/19 del 25 novembre 2019, ha definito come obiettivo strategico \"la prevenzione della "
        "corruzione, la trasparenza e l'accessibilità\"",
        "La prevenzione della corruzione dovrà quindi svilupparsi avendo cura di perseguire i seguenti obiettivi:",
        "- aggiornamento del piano triennale con l'adeguato ed opportuno coinvolgimento dell'organo politico prima "
        "e la consultazione pubblica;\n"
        "- integrazione del piano triennale della prevenzione della corruzione e della trasparenza con il ciclo "
        "della performance.",
    ])),
]

INDICATORI: list[dict] = []
MISURAZIONI: list[dict] = []
# Performance % printed in the seed, per indicator code: NOT part of DATA (computed by the scoring engine)
EXPECTED_PERFORMANCE: dict[str, str] = {}


def _add(code, objective, flag, kind, name, formula, unit, measured, targets, performance=None, history=None):
    mission = _PROGRAMMES[objective][1]
    row = {
        "Codice": code,
        "Obiettivo": objective,
        "Flag": flag,
        "Tipologia": kind,
        "Indicatore": name,
        "Algoritmo": formula,
        "Unità di misura": unit,
        "Missione": mission,
        "Programma": PROGRAMME_OF[mission],
        "Centro di responsabilità": _PROGRAMMES[objective][2],
    }
    for year, target in zip(YEARS, targets, strict=True):
        row[f"Target {year}"] = target
    if history:
        row.update(history)
    INDICATORI.append(row)
    if measured is not None:
        MISURAZIONI.append({"Indicatore": code, "Data": DATE, "Valore": measured})
    if performance is not None:
        EXPECTED_PERFORMANCE[code] = performance


def progress(objective, name, formula, measured, three_year_target, history=None):
    """The programme's "Indicatore di avanzamento": its "Target triennio" goes to Target 2022."""
    _add(f"{objective}-AV", objective, "AVANZAMENTO", "", name, formula, "", measured, ("", "", three_year_target),
         history=history)


def indicators(objective, rows):
    """Rows: (tipologia, indicatore, formula, UDM, value at 30/09/2020, target 2020, 2021, 2022, performance)."""
    for number, (kind, name, formula, unit, measured, t20, t21, t22, performance) in enumerate(rows, start=1):
        _add(f"{objective}-{number}", objective, "PIRA", kind, name, formula, unit, measured, (t20, t21, t22), performance)


RF, OUT, RFIN = "Realizzazione fisica", "Output", "Realizzazione finanziaria"
BUDGET_USE = "Grado di utilizzazione risorse a budget"

# --- Missione 011
progress("P01", "Grado di realizzazione eventi", "n. eventi realizzati e/o ospitati nella nuova sede", "35", "390")
indicators("P01", [
    (RF, "Attrattività eventi realizzati", "n. partecipanti ad eventi realizzati presso la sede camerale", "n.",
     "3.960", "15.500", "15.500", "15.500", "26%"),
    (OUT, "Eventi Spazi camerali", "n. eventi realizzati e/o ospitati nella nuova sede", "n.",
     "35", "130", "130", "130", "27%"),
    (OUT, "Eventi Auditorium", "n. eventi realizzati e/o ospitati nell'auditorium", "n.",
     "13", "50", "50", "50", "26%"),
    (RFIN, "Sostegno al territorio", "Valore Concessione auditorium a titolo gratuito", "euro",
     "1.600", "8.000", "8.000", "8.000", "20%"),
    (RFIN, BUDGET_USE, "Risorse utilizzate / Risorse a budget", "%", "96%", "80%", "80%", "80%", "100%"),
    (RFIN, "Grado di auto finanziamento dell'auditorium",
     "Risorse ricavate dall'utilizzo dell'auditorium per iniziative di terzi/Spese per il funzionamento "
     "dell'auditorium", "%", "9%", "50%", "50%", "50%", "19%"),
])

progress("P02", "Concessione contributi alle imprese", "Domande di contributo gestite dall'ufficio", "49", "15")
indicators("P02", [
    (RF, "Formazione interna", "n.ro di ore di formazione svolte dai Digital Promoter", "n.",
     "9", "20", "n.d.", "n.d.", "45%"),
    (RF, "Concessione contributi alle imprese", "Domande di contributo gestite dall'ufficio", "n.",
     "49", "15", "n.d.", "n.d.", "100%"),
    (RF, "Numero imprese coinvolte dal PID", "n.ro di imprese coinvolte nell'attività di orientamento", "n.",
     "150", "80", "n.d.", "n.d.", "100%"),
    (RF, "Numero di eventi di informazione e sensibilizzazione organizzati dal PID",
     "Numero eventi di informazione e sensibilizzazione organizzati nell'anno", "n.", "9", "5", "n.d.", "n.d.", "100%"),
    (RFIN, BUDGET_USE, "risorse utilizzate /risorse a budget", "%", "100%", "80%", "n.d.", "n.d.", "100%"),
])

progress("P03", "Evento conclusivo", "Realizzazione evento finale", "no", "si")
indicators("P03", [
    (RF, "Percorso crescita impresa", "Realizzazione di focus group e workshop", "n.",
     "4 su 8", "1", "n.d.", "n.d.", "50%"),
    (RF, "Report analisi economico - territoriale",
     "Realizzazione cruscotto di analisi mediante implementazione dati su piattaforme", "si/no",
     "no", "si", "n.d.", "n.d.", "0%"),
    (RF, "Promozione Rating Ospitalità Italiana", "Numero di imprese contattate", "n.", "40", "20", "n.d.", "n.d.", "100%"),
    (RF, "Evento conclusivo", "Realizzazione evento finale", "si/no", "no", "si", "n.d.", "n.d.", "0%"),
    (RFIN, BUDGET_USE, "risorse utilizzate /risorse a budget", "%", "100%", "80%", "n.d.", "n.d.", "100%"),
])

# --- Missione 012
progress("P04", "Scuole coinvolte nel network promosso dalla CCIAA", "Scuole coinvolte nel network promosso dalla CCIAA",
         "40%", "50%")
indicators("P04", [
    (RF, "Scuole coinvolte nel network promosso dalla CCIAA", "Scuole coinvolte nel network promosso dalla CCIAA", "%",
     "40%", "50%", "n.d.", "n.d.", "80%"),
    (RF, "Attività di sensibilizzazione", "n.ro eventi / iniziative di sensibilizzazione organizzati", "n.",
     "2", "5", "n.d.", "n.d.", "40%"),
    (RF, "Coinvolgimento studenti", "n.ro di studenti coinvolti nelle iniziative camerale", "n.",
     "729", "100", "n.d.", "n.d.", "100%"),
    (RF, "Percorsi per le Competenze Trasversali e Orientamento", "Numero di percorsi attivati", "n.",
     "2", "2", "n.d.", "n.d.", "100%"),
    (RF, "Customer satisfaction",
     "Giudizio di soddisfazione espresso dagli studenti che hanno partecipato agli interventi formativi", "n.",
     "buono", "buono", "n.d.", "n.d.", "100%"),
    (RFIN, BUDGET_USE, "risorse utilizzate /risorse a budget", "%", "100%", "80%", "n.d.", "n.d.", "100%"),
])

# "Stato 2019" column instead of 30/09/2020: a historic value, not a measurement
progress("P05", "Sviluppo temporale del numero di comunicazioni pervenute tramite posta elettronica ordinaria e "
                "certificata", "Pagamenti effettuati tramite piattaforma elettronica / Totale pagamenti", None, "90%",
         history={"Storico 2019": "84%"})
indicators("P05", [
    (RF, "Utilizzo dell'applicativo PagoPA e Telemaco Pay",
     "Pagamenti effettuati tramite piattaforma elettronica / Totale pagamenti", "%", "88%", "90%", "90%", "90%", "98%"),
    (RF, "Canali di collegamento/interoperabilità con altre Pubbliche Amministrazioni",
     "N° convenzioni/collegamenti attivati con altre pubbliche amministrazioni", "n.", "25", "24", "24", "24", "100%"),
    (RF, "Collegamento con il SUAP", "Attivazione del collegamento", "si/no", "no", "si", "n.d.", "n.d.", "0%"),
    (RF, "Assistenza SPID", "Postazione dedicata a disposizione dell'utenza", "si/no", "si", "si", "si", "si", "100%"),
    (RF, "Tempestività aggiornamento sito camerale",
     "N° accessi al sito per l'ottenimento di informazioni relative ai procedimenti amministrativi", "n.",
     "2.377.957", "3.200.000", "3.200.000", "3.200.000", "74%"),
    (RFIN, BUDGET_USE, "Risorse utilizzate / Risorse a budget", "%", "74%", "80%", "80%", "80%", "93%"),
])

progress("P06", "Predisposizione regolamento", "Adozione del regolamento", "no", "si")
indicators("P06", [
    (RF, "Predisposizione regolamento", "Adozione del regolamento", "si/no", "no", "si", "n.d.", "n.d.", "0%"),
    (RF, "Formazione", "Ore di formazione del personale camerale addetto", "n.", "16", "15", "n.d.", "n.d.", "100%"),
    (RF, "Piattaforma telematica", "Messa a regime della piattaforma", "si/no", "no", "si", "n.d.", "n.d.", "0%"),
    (RF, "Eventi informativi",
     "Numero di eventi di informazione realizzati anche in collaborazione con ordini professionali", "n.",
     "0", "1", "n.d.", "n.d.", "0%"),
    (RF, "Corretta pubblicità di atti e fatti previsti dal nuovo codice della crisi d'impresa",
     "Pubblicazione sul sito di istruzioni relative ad adempimenti pubblicitari", "si/no",
     "no", "si", "n.d.", "n.d.", "0%"),
])

# --- Missione 016
progress("P07", "Formazione per le aziende", "Iniziative di formazione realizzate", "8", "5")
indicators("P07", [
    (RF, "Formazione per le aziende", "Iniziative di formazione realizzate", "n.", "8", "5", "n.d.", "n.d.", "100%"),
    (RF, "Concessione contributi alle imprese", "Numero di domande di contributo gestite dall'ufficio", "n.",
     "16", "14", "n.d.", "n.d.", "100%"),
    (RF, "Formazione interna", "Numero di ore di formazione svolte dall'export promoter", "n.",
     "43", "40", "n.d.", "n.d.", "100%"),
    (RFIN, BUDGET_USE, "risorse utilizzate /risorse a budget", "%", "100%", "80%", "n.d.", "n.d.", "100%"),
])

# --- Missione 032: "Stato di Salute Finanziaria" (values "Consuntivo 30.09.2020", only Target 2020)
_HEALTH = [
    ("Equilibrio economico", "Solidità finanziaria", "patrimonio netto/passivo totale", "%", "6,4", "6,8", "94%"),
    ("Equilibrio economico", "Valore aggiunto dalla Camera", "Valore aggiunto Globale Lordo", "€",
     "4.278.724", "4.000.000", "100%"),
    ("Equilibrio economico", "Livello trasformazione ricavi in valore aggiunto",
     "Valore aggiunto globale distribuito al sistema economico produttivo", "%", "52%", "65%", "80%"),
    ("Proventi", "Valore della produzione",
     "ricavi da diritto annuale (al netto della svalutazione) +ricavi da diritto di segreteria+contributi "
     "trasferiti+proventi da gestione di beni e servizi+variazione delle rimanenze", "€",
     "3.155.497", "4.960.084", "64%"),
    ("Proventi", "Proventi finanziari", "proventi finanziari/valore della produzione", "%", "64,21%", "22,04%", "100%"),
    ("Costi", "Costi di struttura", "costi del personale + costi di funzionamento", "€",
     "3.736.109", "4.602.285", "100%"),
    ("Costi", "Costi di funzionamento servizi-anagrafico certificativi e servizi di regolazione del mercato e tutela "
              "del consumatore",
     "Costi di funzionamento (diretti e indiretti) servizi anagrafico-certificativi e servizi di regolazione del "
     "mercato e tutela del consumatore", "€", "304.433", "524.572", "100%"),
    ("Costi", "Costi di funzionamento servizi di promozione e sviluppo dell'economia",
     "Costi di funzionamento servizi di promozione e sviluppo dell'economia", "€", "49.833", "88.877", "100%"),
    ("Patrimonio", "Valore delle immobilizzazioni materiali", "immobilizzazioni materiali", "€",
     "24.899.007", "24.800.000", "100%"),
    ("Patrimonio", "Valore delle immobilizzazioni finanziarie", "immobilizzazioni finanziarie", "€",
     "4.474.120", "5.400.000", "100%"),
    ("Patrimonio", "Indice di struttura", "immobilizzazioni / patrimonio netto", "n.", "0,82", "0,86", "100%"),
    ("Indebitamento", "Indebitamento", "debiti di finanziamento", "€", "0", "0", "100%"),
]
# Verso "decrescente" (not printed) where the printed Performance of 100% with a value below the target implies
# lower-is-better: the three costs, immobilizzazioni finanziarie, indice di struttura, indebitamento (0 of 0)
_LOWER_IS_BETTER = {6, 7, 8, 10, 11, 12}
for _number, (_group, _name, _formula, _unit, _measured, _target, _performance) in enumerate(_HEALTH, start=1):
    _add(f"P08-{_number}", "P08", "PIRA", _group, _name, _formula, _unit, _measured, (_target, "", ""), _performance)
    if _number in _LOWER_IS_BETTER:
        INDICATORI[-1]["Verso"] = "decrescente"

progress("P09", "Iniziative di condivisione", "Numero riunioni di coordinamento", "20", "10")
indicators("P09", [
    (RF, "Iniziative di condivisione", "Numero riunioni di coordinamento", "n.", "20", "10", "n.d.", "n.d.", "100%"),
    (RF, "Coinvolgimento del personale", "Gruppi di lavoro attivi", "n.", "14", "13", "n.d.", "n.d.", "100%"),
    (OUT, "Attività informativa", "N. informative all'utenza (CRS, mail etc)", "si/no", "1", "1", "n.d.", "n.d.", "100%"),
    (RF, "Rapporti con l'utenza", "Realizzazione di una welcome page sul sito camerale", "si/no",
     "realizzato", "realizzazione", "n.d.", "n.d.", "100%"),
    (RF, "Mantenimento standard qualitativi del servizio", "Valere medio rilevato tramite customer satisfaction", "n.",
     "7,9", "7,77", "n.d.", "n.d.", "100%"),
    ("Realizzazione finanziaria dell'intero progetto", "Grado di utilizzazione risorse a budget per la formazione",
     "Risorse utilizzate/Risorse a budget", "%", "100%", "80%", "n.d.", "n.d.", "100%"),
])

# header "30/09/20"
progress("P10", "Formazione del personale", "Realizzazione di interventi formativi su anticorruzione", "si", "si")
_KEEP_UPDATED = "Mantenere il documento aggiornato rispetto agli ultimi interventi normativi"
indicators("P10", [
    (RF, "Codice di comportamento", _KEEP_UPDATED, "si/no", "no", "realizzazione", "realizzazione", "realizzazione", "0%"),
    (RF, "Codice Etico", _KEEP_UPDATED, "si/no", "no", "realizzazione", "realizzazione", "realizzazione", "0%"),
    (RF, "Formazione del personale", "Realizzazione di interventi formativi su anticorruzione", "si/no",
     "si", "realizzazione", "realizzazione", "realizzazione", "100%"),
    (RF, "Whistleblowing", _KEEP_UPDATED, "si/no", "no", "realizzazione", "realizzazione", "realizzazione", "0%"),
])

ALL_YEARS = "2020, 2021, 2022"
FASI = [
    {"Obiettivo": "P01", "Fase": "Spazi nuova sede: Utilizzo spazi sede camerale", "Anni": ALL_YEARS},
    {"Obiettivo": "P02", "Fase": "Attività di informazione e formazione da parte della CCIAA", "Anni": ALL_YEARS},
    {"Obiettivo": "P02", "Fase": "Realizzazione di iniziative specifiche", "Anni": ALL_YEARS},
    {"Obiettivo": "P03", "Fase": "Percorso per la crescita delle imprese", "Anni": "2020"},
    {"Obiettivo": "P03", "Fase": "Promozione rating Ospitalità Italiana", "Anni": "2020"},
    {"Obiettivo": "P03", "Fase": "Realizzazione evento", "Anni": "2020"},
    {"Obiettivo": "P04", "Fase": "Attività di informazione e formazione da parte della CCIAA", "Anni": ALL_YEARS},
    {"Obiettivo": "P04", "Fase": "Realizzazione di iniziative specifiche", "Anni": ALL_YEARS},
    # P05: Gantt header printed 2019, 2020, 2021
    {"Obiettivo": "P05", "Fase": "Organizzazione di iniziative di formazione sulle novità normative, sulle procedure e "
                                 "sugli applicativi informatici", "Anni": "2019, 2020, 2021"},
    {"Obiettivo": "P05", "Fase": "Diffusione canale telematico di comunicazione con imprese e pubbliche "
                                 "amministrazioni", "Anni": "2019, 2020, 2021"},
    {"Obiettivo": "P05", "Fase": "Pubblicazione sul sito camerale dei procedimenti amministrativi e degli adempimenti",
     "Anni": "2019, 2020, 2021"},
    {"Obiettivo": "P06", "Fase": "Attività di formazione", "Anni": "2020"},
    {"Obiettivo": "P06", "Fase": "Realizzazione di iniziative di promozione del servizio", "Anni": ALL_YEARS},
    {"Obiettivo": "P07", "Fase": "Accompagnamento delle imprese", "Anni": "2020"},
    {"Obiettivo": "P07", "Fase": "Promozione e comunicazione", "Anni": "2020"},
    # P09: Gantt header printed 2019, 2020, 2021, no markers
    {"Obiettivo": "P09", "Fase": "Attivazione Gruppi di lavoro operativi", "Anni": "2019, 2020, 2021"},
    {"Obiettivo": "P09", "Fase": "Adeguamento degli strumenti informativi in uso", "Anni": "2019, 2020, 2021"},
    {"Obiettivo": "P10", "Fase": "Coinvolgimento degli stakeholder nell'elaborazione del PTPC attraverso la "
                                 "pubblicazione in consultazione", "Anni": ALL_YEARS},
    {"Obiettivo": "P10", "Fase": "Coordinamento del PTPCT con gli obiettivi in materia di prevenzione della corruzione "
                                 "e trasparenza individuati nei documenti strategici dell'ente e con il Piano "
                                 "Performance", "Anni": ALL_YEARS},
    {"Obiettivo": "P10", "Fase": "Promozione del miglioramento continuo del Sistema di Gestione della Prevenzione "
                                 "Corruzione e Trasparenza.", "Anni": ALL_YEARS},
]

# The table of "La programmazione 2020"; the <p> items of the third column are one per line
_TABLE_ROWS = [
    ("intestazione", ["Missione", "Programma", "Programma Strategico CCAA Prato"]),
    ("dati", ["11 – Competitività e sviluppo delle imprese",
              "005 – Promozione ed attuazione di politiche di sviluppo, competitività ed innovazione, di "
              "responsabilità sociale d’impresa e movimento cooperativo",
              "La sede camerale: uno spazio aperto\nPromozione della cultura imprenditoriale- PID\n"
              "La valorizzazione del patrimonio culturale e del turismo"]),
    ("dati", ["12 – Regolazione del mercato",
              "004 – Vigilanza sui mercati e sui prodotti, promozione della concorrenza e tutela dei consumatori",
              "Servizi di orientamento al lavoro\nSemplificazione amministrativa\nOrganismo per la composizione delle "
              "crisi"]),
    ("dati", ["16 – Commercio internazionale ed internazionalizzazione del sistema produttivo",
              "005 – Sostegno all’internazionalizzazione delle imprese", "Sostegno all’export delle PMI"]),
    ("dati", ["32 – Servizi istituzionali e generali delle Pubbliche Amministrazioni",
              "003 – Servizi e affari generali per le amministrazioni di competenza",
              "Salute Finanziaria dell’Ente\nRiforma Camerale\nPrevenzione della Corruzione"]),
]
TABELLE = [
    {"Tabella": "missioni-programmi", "Tipo riga": kind, **{f"C{n}": cell for n, cell in enumerate(cells, start=1)}}
    for kind, cells in _TABLE_ROWS
]

SEZIONI = [
    {"Chiave": "pira", "Titolo": "IL PIANO DEGLI INDICATORI E DEI RISULTATI ATTESI DI BILANCIO", "Livello": 1,
     "Nel sommario": "si", "Documento": "monitoraggio"},
    {"Chiave": "programmazione", "Titolo": "La programmazione 2020", "Livello": 1, "Nel sommario": "si",
     "Documento": "monitoraggio"},
]


def _text(section, kind, content):
    return {"Sezione": section, "Tipo": kind, "Contenuto": content}


TESTI = [
    _text("pira", "paragrafo",
          "Contestualmente al bilancio di previsione ed al bilancio consuntivo le amministrazioni pubbliche devono "
          "presentare un documento denominato **Piano degli indicatori e dei risultati attesi di bilancio** al fine "
          "di illustrare gli obiettivi della spesa e di misurarne i risultati e monitorarne l'effettivo andamento in "
          "termini di servizi forniti e di interventi realizzati."),
    _text("pira", "paragrafo",
          "L'art. 19, comma 2, del d. lgs. 91/2011 ha disposto l'inserimento nel Piano delle informazioni sintetiche "
          "relative ai principali obiettivi da realizzare, con riferimento a ciascun programma di spesa del bilancio "
          "per il triennio della programmazione finanziaria, e degli indicatori individuati per quantificare tali "
          "obiettivi nonché la misurazione annuale degli stessi indicatori per monitorare i risultati conseguiti."),
    _text("pira", "paragrafo",
          "Il D.P.C.M. 12 dicembre 2012 definisce le **Missioni** delle Amministrazioni pubbliche come *“le funzioni "
          "principali e gli obiettivi strategici perseguiti dalle amministrazioni pubbliche nell'utilizzo delle "
          "risorse finanziarie, umane e strumentali ed esse destinate”*. *Ciascuna amministrazione [...] individua "
          "tra le missioni del bilancio dello Stato quelle maggiormente rappresentative delle finalità istituzionali, "
          "delle funzioni principali e degli obiettivi strategici dalla stessa perseguite*."),
    _text("pira", "paragrafo",
          "Per le Camere di Commercio, il Decreto del Ministero dell'economia e delle Finanze 27 marzo 2013 – "
          "istruzioni applicative – budget economico delle amministrazioni in contabilità economica, ha individuato "
          "le seguenti missioni:"),
    _text("pira", "elenco", "\n".join([
        "Missione 011 – “Competitività e sviluppo delle imprese”;",
        "Missione 012 – “Regolazione del mercato”;",
        "Missione 016 – “Commercio internazionale ed internazionalizzazione del sistema produttivo”;",
        "Missione 032 – “Servizi istituzionali e generali delle amministrazioni pubbliche”;",
        "Missione 033 – “Fondi da ripartire”",
    ])),
    _text("pira", "paragrafo",
          "All'interno di ciascuna missione le amministrazioni individuano i **Programmi** intesi come *“gli "
          "aggregati omogenei di attività realizzate dall'amministrazione volte a perseguire le finalità individuate "
          "nell'ambito delle missioni. La realizzazione di ciascun programma è attribuita ad un unico centro di "
          "responsabilità amministrativa, corrispondente all'unità organizzativa individuata in conformità con i "
          "regolamenti di organizzazione, ovvero, con altri idonei provvedimenti adottati dalle singole "
          "amministrazioni pubbliche”*."),
    _text("pira", "paragrafo",
          "Il Ministero dello Sviluppo Economico, con nota del 9.6.2015 Prot. n. 0087080, ha comunicato che, già a "
          "partire dall'assestamento di bilancio, è necessario procedere alla ridenominazione di due programmi. In "
          "particolare:"),
    _text("pira", "elenco", "\n".join([
        "1) la denominazione del programma 011.005 *“Regolamentazione, incentivazione dei settori imprenditoriali, "
        "riassetto industriali, sperimentazione tecnologica, lotta alla contraffazione, tutela della proprietà "
        "intellettuale”* è stata modificata in *“Promozione e attuazione di politiche di sviluppo, competitività ed "
        "innovazione, di responsabilità sociale d'impresa e movimento cooperativo”*;",
        "2) con riferimento al programma 032.004 *“Servizi generali, formativi ed approvvigionamenti per le "
        "amministrazioni pubbliche”*, il contenuto di quest'ultimo corrisponde al programma 032.003 *“Servizi e "
        "affari generali per le amministrazioni di competenza”* previsto per le amministrazioni centrali dello "
        "Stato; pertanto per ragioni di uniformità anche le camere di commercio devono far rientrare le relative "
        "attività nel programma 032.003 anziché nel programma 032.004.",
    ])),
    _text("programmazione", "paragrafo",
          "La Legge 23 dicembre 1993, n. 580 attribuisce al Consiglio Camerale la funzione di determinare gli "
          "indirizzi generali dell'ente attraverso il programma pluriennale di attività e la relazione previsionale e "
          "programmatica (art. 11, co. 1 lettere c) e d)). Questo documento, propedeutico alla predisposizione del "
          "preventivo economico e del budget direzionale, rappresenta lo strumento per la ricognizione e "
          "l'aggiornamento del Programma Pluriennale, cui dà progressiva attuazione, nonché l'atto di indirizzo per "
          "la predisposizione del Piano della Performance 2020 e del Piano Triennale di Prevenzione della Corruzione "
          "e della Trasparenza."),
    _text("programmazione", "paragrafo",
          "Sulla base del Programma Pluriennale e della Relazione Previsionale e Programmatica l'ente camerale "
          "costruisce il percorso da seguire in coerenza con gli obiettivi che si prefigge di ottenere, nella "
          "consapevolezza della propria *mission* istituzionale di supporto e promozione dell'interesse generale "
          "delle imprese."),
    _text("programmazione", "paragrafo",
          "Nell'ambito della propria autonomia politica il Consiglio Camerale ha quindi fissato gli obiettivi di "
          "mandato che la Camera di Commercio di Prato intende realizzare. Tali obiettivi sono stati poi declinati in "
          "programmi di attività per l'anno 2020 nella Relazione Previsionale e Programmatica adottata dal Consiglio "
          "Camerale con deliberazione n. 07/19 del 25 novembre 2019, come da tabella."),
    _text("programmazione", "paragrafo",
          "Nella Tabella che segue si riportano i principali obiettivi strategici per il 2020 classificati per "
          "Missioni e Programmi."),
    _text("programmazione", "tabella", "missioni-programmi"),
]

DATA = {
    "Ente": ENTE,
    "Piano": PIANO,
    "Atti": ATTI,
    "Linee strategiche": LINEE,
    "Obiettivi strategici": OBIETTIVI_STRATEGICI,
    "Indicatori": INDICATORI,
    "Misurazioni": MISURAZIONI,
    "Missioni": MISSIONI,
    "Programmi": PROGRAMMI,
    "Obiettivi PIRA": OBIETTIVI_PIRA,
    "Fasi": FASI,
    "Tabelle": TABELLE,
    "Sezioni": SEZIONI,
    "Testi": TESTI,
}
