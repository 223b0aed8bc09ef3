"""Unioncamere Toscana, P.I.R.A. 2021 (seed 001): missions, programmes, objectives and indicators.

Sources in seed 001: the front matrix "RICLASSIFICAZIONE OBIETTIVI PER MISSIONI E PROGRAMMI", the sentence
"Si precisa che i target...", and the four programme blocks (011/005, 016/005, 032/004, 012/004), each with
objective, description, main activities, BSC profile, stakeholders and the indicator table.

Modelling:
- Lines L1..L7 are the seven objectives of the front matrix (numbered "2.", "3.", "4.", "6.", "7." in the seed;
  the first and the fifth carry no number). Each line holds one strategic objective OB1..OB7. The line keeps
  the matrix wording, the objective the wording of its first programme block (they differ only for OB1:
  011 prints "Rafforzare la rete di relazioni istituzionali coinvolgendo nel network...", 016 prints the
  matrix wording "rafforzare la rete di relazioni con il Sistema Camerale...").
- OB1 is printed under 011/005 and 016/005, OB3 under 011/005 and 012/004, each time with another
  description: one "Obiettivi PIRA" row per (objective, programme), 9 rows.
- Programmes keep the pre-2015 names as 001 prints them. 032/004 block name is cut ("amenti per le"):
  completed from the matrix ("Servizi generali, formativi e approvvigionamenti per le amministrazioni
  pubbliche"). 016/005 and 012/004 blocks print no name resp. no code: taken from the matrix.
- BSC profile: "Stake Holders" (OB1-OB3) is mapped to "Tessuto economico locale" (the stakeholder/customer
  perspective), "Processi Interni", "Innovazione, Apprendimento e Crescita", "Economico - Finanziari" to the
  other three; the printed label is kept in the perspective's Descrizione.
- Text cut by the PDF's columns was rejoined ("prevenzi ... one della corruzione" -> "prevenzione della
  corruzione"; "Ufficio Contro ... llo di Gestione, Ufficio A ... ffari Generali"). Where words are lost
  (OB5, OB6, OB7 descriptions) the gap is marked "[...]". Other typos of the seed are kept as written
  ("con al Regione", "istitusti", "sul teritorio", "cconomico", "poterziamento", "alvoro", "Alternauza",
  "Vaborizzazione", "rongetti", ...), except the OCR noise "lifi me" -> "al fine" in OB1's description.

Doubtful readings (see also the comments by the rows):
- IND 011-1 "E partecipanti delle CdC ai GDL/n. GDL istituzionali": the "E" is most likely a Σ lost by the
  PDF extraction; kept as "E". Unit "Percentuale" with target ">= 5" as printed.
- 016/005 indicator has no algorithm printed (the cell is empty): Indicatore = its Descrizione tecnica.
- 032/004 objective 4: the header reads "Target 2019" and its first target "entro il 31/12/2020"; the values
  are recorded as Target 2021 (the document's only year).
- "Partecipazione RPC e RT al corso di formazione di almeno 10 ore": its Descrizione tecnica cell prints only
  "di formazione sui temi dell'etica e della legalità" (probably the tail of the algorithm); kept.
- Two rows print no Tipologia ("Numero di riunioni di Ente con i dipendenti", "Costi di funzionamento..."):
  left empty. "Indicatori di risultato" (plural) kept as written.
"""

from __future__ import annotations

OUTPUT = "unioncamere_toscana_pira_2021.xlsx"
YEARS = [2021]

ENTE = {
    "Denominazione": "Unioncamere Toscana",
    "Denominazione breve": "Unioncamere Toscana",
}

PIANO = {
    "Tipo": "pira",
    "Titolo": "Piano degli Indicatori e dei Risultati Attesi di Bilancio P.I.R.A. 2021",
    "Primo anno": 2021,
    "Ultimo anno": 2021,
    "Anno di riferimento": 2021,
    "Sottotitolo": "Redatto in conformità al D.P.C.M. settembre 2012",
}

PROSPETTIVE = [
    {"Codice": "TEL", "Denominazione": "Tessuto economico locale", "Descrizione": "Stake Holders"},
    {"Codice": "PI", "Denominazione": "Processi interni", "Descrizione": "Processi Interni"},
    {"Codice": "ICA", "Denominazione": "Innovazione, crescita e apprendimento",
     "Descrizione": "Innovazione, Apprendimento e Crescita"},
    {"Codice": "EF", "Denominazione": "Economico-finanziaria", "Descrizione": "Economico - Finanziari"},
]

MISSIONI = [
    {"Codice": "011", "Denominazione": "Competitività e sviluppo delle imprese"},
    {"Codice": "012", "Denominazione": "Regolazione dei mercati"},
    {"Codice": "016", "Denominazione": "Commercio internazionale ed internazionalizzazione del sistema produttivo"},
    {"Codice": "032", "Denominazione": "Servizi istituzionali e generali delle amministrazioni pubbliche"},
]

CR_011 = "Segretario Generale- Area Affari Generali e Politiche di Settore - CRAT"
CR_016 = "Area Affari Generali - Politiche di settore"
# the cell is split over three PDF columns; rejoined
CR_032 = ("Segretario Generale, Ufficio Affari Giuridici, Ufficio Controllo di Gestione, Ufficio Affari Generali, "
          "Area Amministrazione")
CR_012 = "Ufficio affari Giuridici"

PROGRAMMI = [
    {"Missione": "011", "Codice": "005", "Centro di responsabilità": CR_011,
     "Denominazione": "Regolamentazione, incentivazione dei settori imprenditoriali, riassetti industriali, "
                      "sperimentazione tecnologica, lotta alla contraffazione, tutela della proprieta' industriale."},
    {"Missione": "012", "Codice": "004", "Centro di responsabilità": CR_012,
     "Denominazione": "Vigilanza sui mercati e sui prodotti, promozione della concorrenza e tutela dei consumatori"},
    {"Missione": "016", "Codice": "005", "Centro di responsabilità": CR_016,
     "Denominazione": "Sostegno all'internazionalizzazione delle imprese e promozione del made in Italy"},
    {"Missione": "032", "Codice": "004", "Centro di responsabilità": CR_032,
     "Denominazione": "Servizi generali, formativi e approvvigionamenti per le amministrazioni pubbliche"},
]

# (line code, perspective, missione if only one, matrix wording, label as printed: none is "-")
_MATRIX = [
    ("L1", "TEL", "", "rafforzare la rete di relazioni con il Sistema Camerale, con al Regione e con gli altri attori "
                      "pubblici e privati che agiscono sul territorio", ""),
    ("L2", "TEL", "011", "promuovere il territorio e sostenere l'economia offrendo e coordinando servizi ed iniziative "
                         "in materia di: innovazione, orientamento al lavoro (alternanza scuola lavoro), "
                         "internazionalizzazione e turismo (valorizzazione dei beni culturali) e produzioni locali.", "2."),
    ("L3", "TEL", "", "potenziare l'assistenza alle Camere di Commercio", "3."),
    # printed with a trailing comma in both places: "4. Sviluppo del ciclo di gestione della Performance,"
    ("L4", "PI", "032", "Sviluppo del ciclo di gestione della Performance", "4."),
    ("L5", "ICA", "032", "Benessere organizzativo, comunicazione, clima interno e valorizzazione del capitale umano", ""),
    ("L6", "ICA", "032", "Curare la comunicazione esterna promuovendo l'immagine del sistema camerale toscano", "6."),
    ("L7", "EF", "032", "Ottimizzazione nella gestione di oneri e proventi e nell'utilizzo delle risorse", "7."),
]

LINEE = [
    {"Codice": code, "Denominazione": name, "Prospettiva": perspective, "Missione": mission}
    for code, perspective, mission, name, _label in _MATRIX
]

OBIETTIVI_STRATEGICI = [
    {"Codice": f"OB{code[1:]}", "Linea": code, "Prospettiva": perspective, "Etichetta": label or "-",
     "Denominazione": name}
    for code, perspective, _mission, name, label in _MATRIX
]
# OB1 takes the heading of its first block (011/005); the 016/005 block prints the matrix wording (line L1)
OBIETTIVI_STRATEGICI[0]["Denominazione"] = (
    "Rafforzare la rete di relazioni istituzionali coinvolgendo nel network oltre al sistema camerale, gli attori "
    "pubblici e privati che agiscono sul territorio"
)
# OB2 block heading: "2.promuovere il territorio..." with OCR typos ("alternanza scuola avoro", "et urismo");
# the matrix wording is used

OBIETTIVI_PIRA = [
    {"Obiettivo": "OB1", "Missione": "011", "Programma": "005",
     "Descrizione": "L'Ente si pone come obiettivo quello di proseguire nel consolidamento del proprio ruolo di "
                    "coordinamento nei confronti delle attività camerali, affermandosi come punto di riferimento dei "
                    "processi sinergici di rete nonché potenziare il network con gli Attori pubblici e privati "
                    "(Istituzioni e PP.A.A, associazioni regionali di categoria, Università e istitusti scolastici "
                    "ecc.) che agiscon sul territorio al fine di favorire lo sviluppo locale attraverso strategie "
                    "condivise ed iniziative congiunte.",
     "Principali attività": "Attività di stimolo e di coordinamento finalizzata alla realizzazione di iniziative "
                            "congiunte e condivise a supporto delle Camere e/o del e territorio (Gruppi di Lavoro, "
                            "coordinamento Comitato dei Segretari Generali, ece.). Gestione della Commissione regionale "
                            "dell'artigianato (CRAT) Gestione del Consiglio delle Associaziori regionali di categoria) "
                            "Partecipazione in rappresentaza del Sistema camerale alle Commissioni, Comitati, tavoli, "
                            "gruppi di lavoro promossi da soggetti pubblici o privati (Es: Regione, Associazioni di "
                            "categoria, ecc.)",
     "Portatori di interesse": "CCIAA, Regione, Associazioni di categoria, ordini professionali"},
    {"Obiettivo": "OB2", "Missione": "011", "Programma": "005",
     "Descrizione": "L'obiettivo che l'Ente si prefigge è quello di supportare lo sviluppo imprenditoriale e della "
                    "nuova impresa mediante azioni orientate al: poterziamento dell'innovazione tecnologica e tutela "
                    "dell proprietà industriale, la formazione professionale e di eccelenza, orientamento al lavoro, "
                    "nonchè promuovere le produzioni locali.",
     "Principali attività": "Coordinamento regionale progetti MISE per incremento diritto annuale: 1) Punto Impresa "
                            "Digitale / Industria 4.0 - 2) Servizi di orientamento al lavoro ed alle professioni / "
                            "Alternanza scuola-alvoro e increini formativi - 3) Valorizzazione del patrimonio "
                            "culturale e della promozione del turismo; Servizio di primo orientamento in materia di "
                            "marchi e brevetti presso le CCIAA; Vetrina Toscana; alternanza scuola lavoro.",
     "Portatori di interesse": "CCIAA, Regione, Autonomie Locali, Scuola. Ordini professionali, imprese."},
    {"Obiettivo": "OB3", "Missione": "011", "Programma": "005",
     "Descrizione": "L'Ente intende rispondere ai compiti e alle indicazioni che provengono dalle Camere svolgendo "
                    "funzioni associate o realizzando specifiche iniziative per conto o su incarico delle singole "
                    "Camere",
     "Principali attività": "Svolgimento di funzioni associate (Attività di monitoraggio ed allerta sui bandi "
                            "regionali, sulla programmazione regionale, sull'attività legislativa del Consiglio "
                            "regionale, monitoraggio economico statistico) nonché specifici incarichi attribuiti dalle "
                            "singole Camere;",
     "Portatori di interesse": "CCIAA"},
    {"Obiettivo": "OB1", "Missione": "016", "Programma": "005",
     "Descrizione": "L'obiettivo è volto al coordinamento di iniziative finalizzate al supporto dei processi di "
                    "internazionalizzazione delle imprese toscane n coordinamento con la Regione Toscana",
     "Principali attività": "Coordinamento delle iniziative di internazionalizzazione delle CC e della Regione Toscana",
     "Portatori di interesse": "CCIAA e Regione Toscana"},
    # 032 blocks print no "Principali Attività" column
    {"Obiettivo": "OB4", "Missione": "032", "Programma": "004",
     "Descrizione": "In adempimento alle norme che prevedono interventi in prevenzione della corruzione, "
                    "sull'integrità e trasparenza",
     "Portatori di interesse": "CCIAA, Dipendenti e altri stakeholder interni ed esterni"},
    {"Obiettivo": "OB5", "Missione": "032", "Programma": "004",
     "Descrizione": "Obiettivo è volto alla valorizzazione ed alla motivazione del patri[...] dell'Ente mediante "
                    "adeguati percorsi formativi e mediante la promozione del benessere organizzativo, partendo dal "
                    "presupposo che la giusta valorizzazio[...] alla base delle sviluppo delle strategie definite",
     "Portatori di interesse": "CCIAA, Dipendenti e altri stakeholder interni"},
    {"Obiettivo": "OB6", "Missione": "032", "Programma": "004",
     "Descrizione": "L'Ente finalizza le proprie attività al continuo sviluppo delle polit[...] la diffusione delle "
                    "iniziative nonché del ruolo di coordinamento d[...] ampio sistema camerale",
     "Portatori di interesse": "CCIAA Imprese Consumatori Stakeholder"},
    {"Obiettivo": "OB7", "Missione": "032", "Programma": "004",
     "Descrizione": "L'obiettivo è volto a misurare la capacità di razionalizzare l'uso d[...] margini di efficienza "
                    "contenendo i costi",
     "Portatori di interesse": "CCIAA Stakeholder"},
    {"Obiettivo": "OB3", "Missione": "012", "Programma": "004",
     "Descrizione": "L'Ente si pone come obiettivo quello di proseguire nel consolidamento di specifiche azioni di "
                    "coordinamento nei confronti delle attività camerali sulle materie giuridiche",
     "Principali attività": "Consulenza legale ed espressione pareri in materia giuridica per le CdC e "
                            "coordinamento/svolgimento di funzioni su questioni giuridiche di interesse comune",
     "Portatori di interesse": "CCIAA"},
]

_CR = {("011", "005"): CR_011, ("016", "005"): CR_016, ("032", "004"): CR_032, ("012", "004"): CR_012}


def indicator(code, objective, mission, programme, algorithm, description, kind, unit, source, target, name=None):
    """One PIRA indicator row; the name is the algorithm text, as 001 prints no separate name."""
    return {
        "Codice": code,
        "Obiettivo": objective,
        "Flag": "PIRA",
        "Indicatore": name or algorithm,
        "Algoritmo": algorithm,
        "Descrizione tecnica": description,
        "Tipologia": kind,
        "Unità di misura": unit,
        "Fonte": source,
        "Target 2021": target,
        "Missione": mission,
        "Programma": programme,
        "Centro di responsabilità": _CR[(mission, programme)],
    }


INDICATORI = [
    # --- 011/005, OB1
    indicator("PIRA-011-1", "OB1", "011", "005",
              "E partecipanti delle CdC ai GDL/n. GDL istituzionali",  # "E": probably a lost Σ
              "grado di partecipazione delle Camere toscane ai Gruppi di Lavoro istituzionali",
              "Indicatore di efficacia", "Percentuale", "Rilevazione interna UR", ">= 5"),
    indicator("PIRA-011-2", "OB1", "011", "005",
              "n. medio di Associazioni che partecipano alle riunioni del Crac (Consiglio Regionale Associazioni di "
              "categoria)",
              "grado di partecipazione delle Associazioni alle attività del Consiglio regionale",
              "Indicatore di efficacia", "Percentuale", "Rilevazione interna UR", ">=50%"),
    indicator("PIRA-011-3", "OB1", "011", "005",
              "realizzazione di un report sulle attività della CRAT (tenuta aggiornamento implementazione del "
              "portale, gestione della commisione per raccordo attività e funzionamento",
              "misura la capacità dell'UR di svolgere la funzione delegata dalla Regione Toscana",
              "Indicatore di risultato", "Data", "Crat", "entro il 31/12/2021"),
    indicator("PIRA-011-4", "OB1", "011", "005",
              "N. gruppi, commissioni, tavoli di lavoro con attori pubblici e/o privati diversi dalle camere di "
              "Commercio",
              "Misura in termini di risultato la capacità di fare rete con i soggetti pubblici e / o privati che "
              "agiscono sul teritorio al fine di favorire lo sviluppo cconomico/sociale del territorio",
              "indicatore di risultato", "Numero", "Rilevazione interna UR", ">= 9"),
    # --- 011/005, OB2
    indicator("PIRA-011-5", "OB2", "011", "005",
              "Spesa sostenuta a consuntivo su spesa preventivata per il progetto Vetrina Toscana",
              "Misura il grado di realizzazione del progetto Vetrina Toscana",
              "Indicatori di risultato", "Percentuale", "Bilancio", ">=30%"),
    indicator("PIRA-011-6", "OB2", "011", "005",
              "Spesa sostenuta a consuntivo su spesa preventivata per le attività promozionali sul territorio "
              "regionale",
              "Misura il grado di realizzazione dei progetti promozionali sul territorio regionale",
              "Indicatori di risultato", "Percentuale", "Bilancio", ">=60%"),
    indicator("PIRA-011-7", "OB2", "011", "005",
              "Numero appuntamenti servizio marchi e brevetti",
              "Misura il livello di realizzazione della convenzione in essere con i consulenti in proprietà "
              "industriale e con le Cdc aderenti",
              "Indicatore di risultato", "Numero", "Cdc e/o piattaforma a supporto", ">=80"),
    indicator("PIRA-011-8", "OB2", "011", "005",
              "Numero di incontri di coordinamento con gli stakeholders (in particolare Regione Toscana) e/o i "
              "referenti camerali dei rongetti MISE per incremento diritto annuale: 1) Punto impresa Digitale / "
              "Industria 4.0 - 2) Servizi di orientamento al avoro e dalle professioni / Alternauza scuola-lavoro e "
              "tirocini formativi - 3) Vaborizzazione del patrimonio culturale e della promozione del turismo",
              "Misura il grado di coordinamento delle iniziative concordate con la RT per accedere all'incremento "
              "dell'importo del diritto annuale",
              "Indicatore di risultato", "Numero", "Rilevazione interna UR", ">=8"),
    # --- 011/005, OB3
    indicator("PIRA-011-9", "OB3", "011", "005",
              "N. report sulle attività di coordinamento tra Sistema Camerale Toscano e Regione Toscana sui progetti "
              "dell maggiorazione del diritto annuale",
              "Capacità dell'ente di offrire assistenza alle Camere di Commercio nel coordinamento dei progetti",
              "Indicatori di risultato", "Numero", "rilevazione interna UR", ">=3"),
    # --- 016/005, OB1: no algorithm printed; the name is the technical description
    indicator("PIRA-016-1", "OB1", "016", "005",
              "",
              "Attraverso report viene monitorata l'attività svolta dalle Camere di Commercio rispetto all'attività "
              "di internazionalizzazione da veicolare alla Regione Toscana",
              "Indicatore di risultato", "Numero", "Rilevazione interna UR", ">=2",
              name="Attraverso report viene monitorata l'attività svolta dalle Camere di Commercio rispetto "
                   "all'attività di internazionalizzazione da veicolare alla Regione Toscana"),
    # --- 032/004, OB4: header printed "Target 2019" (stale); values kept as Target 2021
    indicator("PIRA-032-1", "OB4", "032", "004",
              "Realizzazione giornata della trasparenza",
              "Misura in termini di risultato la realizzazione degli obiettivi di risultato indicati nel piano "
              "triennale di prevenzione della corruzione",
              "Indicatore di risultato", "Data", "Rilevazione interna", "entro il 31/12/2020"),
    indicator("PIRA-032-2", "OB4", "032", "004",
              "N. personale partecipante all'attività formativa (di almeno 4 ore) su n. personale in servizio alla "
              "data del corso",
              "Anticorruzione performance organizzativa. Partecipazione corsi",
              "Indicatore di risultato", "Percentuale", "Rilevazione interna", ">=80%"),
    indicator("PIRA-032-3", "OB4", "032", "004",
              "Partecipazione RPC e RT al corso di formazione di almeno 10 ore",
              "di formazione sui temi dell'etica e della legalità",  # as printed (tail of the algorithm?)
              "Indicatore di risultato", "Percentuale", "Rilevazione interna", "100%"),
    # --- 032/004, OB5
    indicator("PIRA-032-4", "OB5", "032", "004",
              "Realizzazione indagine sul benessere organizzativo interno",
              "Diffusione e monitoraggio del benessere organizzativo",
              "Indicatore di risultato", "Data", "Rilevazione interna", "31/12/2021"),
    indicator("PIRA-032-5", "OB5", "032", "004",
              "Numero di riunioni di Ente con i dipendenti",
              "Misura in termini di risultato il numero di riunioni di Ente realizzate con i dipendenti anche per "
              "favorire la comunicazione interna e la valorizzazione delle personale",
              "", "Numero", "Rilevazione interna", ">=3"),  # no Tipologia printed
    # --- 032/004, OB6 (Tipologia printed inside the description cell)
    indicator("PIRA-032-6", "OB6", "032", "004",
              "Numero accessi sito web anno x/Numero accessi sito web anno x-1",
              "Misurano in termini di risultato il livello di crescita trend degli accessi sito web",
              "Indicatore di risultato", "Percentuale", "Rilevazione google analytic", ">=70%"),
    # --- 032/004, OB7 (target cell reads "2021 <90%": the header year fused with the value)
    indicator("PIRA-032-7", "OB7", "032", "004",
              "Costi di funzionamento (eccetto spese organi) da consuntivo /costo di funzionamento (eccetto spese "
              "organi) da preventivo",
              "Misura l'avanzamento della spesa prevista in relazione ai Costi di Funzionamento con la finalità di "
              "generare un risparmio nell'utilizzo delle risorse rispetto alle previsioni.",
              "", "Percentuale", "Bilancio", "<90%"),  # no Tipologia printed
    # --- 012/004, OB3
    indicator("PIRA-012-1", "OB3", "012", "004",
              "N. Pareri al legale dell'Unione regionale per conto delle Camere su n. richieste pervenute",
              "Capacità dell'Ente di evadere le richieste pervenute",
              "Indicatore di risultato", "Percentuale", "Rilevazione interna UR", "100%"),
]

# The front matrix as printed: its codes (11.005.001, 12.004.003, ...) cannot be derived from the other sheets.
# Cells: label, then code and name for each of the four missions. Empty cells as in the seed.
_MATRIX_TITLE = ("RICLASSIFICAZIONE OBIETTIVI PER MISSIONI E PROGRAMMI definiti con circolare n. 148213 del "
                 "12/9/2013, secondo le linee guida definite dal D.P.C.M. 18/9/2012")
_RETE = ("rafforzare la rete di relazioni con il Sistema Camerale, con al Regione e con gli altri attori pubblici e "
         "privati che agiscono sul territorio")
_TABLE_ROWS = [
    ("titolo", [_MATRIX_TITLE]),
    ("intestazione", ["Missione", "11", "Competitività delle imprese", "12", "Regolazione dei mercati", "16",
                      "Commercio internazionale e internazionalizzazione del sistema produttivo", "32",
                      "Servizi istituzionali e generali delle Amministrazioni pubbliche"]),
    # 011 name cut in the seed ("...tutela della proprietà industrial"); 032 code cell empty
    ("intestazione", ["Programma", "005",
                      "Regolamentazione, incentivazione dei settori imprenditoriali, riassetti industriali, "
                      "sperimentazione tecnologica, lotta alla contraffazione, tutela della proprietà industrial",
                      "004", "Vigilanza sui mercati e sui prodotti, promozione della concorrenza e tutela dei "
                             "consumatori",
                      "005", "Sostegno all'internazionalizzazione delle imprese e promozione del made in Italy",
                      "", "Servizi generali, formativi e approvvigionamenti per le amministrazioni pubbliche"]),
    ("dati", ["Obiettivi", "11.005.001", _RETE, "12.004.003", "3. potenziare l'assistenza alle Camere di Commercio",
              "16.005.001", _RETE, "32.004.005", "4. Sviluppo del ciclo di gestione della Performance,"]),
    ("dati", ["", "", "2.promuovere il territorio e sostenere l'economia offrendo e coordinando servizi ed iniziative "
                      "in materia di: innovazione, orientamento al lavoro (alternanza scuola lavoro), "
                      "internazionalizzazione e turismo (valorizzazione dei beni culturali) e produzioni locali.",
              "", "", "", "", "", "Benessere organizzativo, comunicazione, clima interno e valorizzazione del capitale "
                                  "umano"]),
    ("dati", ["", "11.005.003", "3. potenziare l'assistenza alle Camere di Commercio", "", "", "", "", "",
              "6. Curare la comunicazione esterna promuovendo l'immagine del sistema camerale toscano"]),
    ("dati", ["", "", "", "", "", "", "", "",
              "7. Ottimizzazione nella gestione di oneri e proventi e nell'utilizzo delle risorse"]),
]
TABELLE = [
    {"Tabella": "riclassificazione", "Tipo riga": kind, **{f"C{n}": cell for n, cell in enumerate(cells, start=1)}}
    for kind, cells in _TABLE_ROWS
]

SEZIONI = [
    {"Chiave": "riclassificazione", "Titolo": "Obiettivi ripartiti per aerea strategica e per prospettiva di BSC",
     "Livello": 1, "Nel sommario": "no", "Documento": "pira"},
    {"Chiave": "pira-2021", "Titolo": "P.I.R.A. 2021", "Livello": 1, "Nel sommario": "no", "Documento": "pira"},
]

TESTI = [
    # the matrix is computed from the classification (its hand-made copy stays in Tabelle, for the record)
    {"Sezione": "riclassificazione", "Tipo": "generato", "Contenuto": "pira-riclassificazione"},
    {"Sezione": "pira-2021", "Tipo": "paragrafo",
     "Contenuto": "Si precisa che i target sono stati determinati con riferimento al solo anno 2021, analgoamente a "
                  "quanto fatto per gli anni precedenti, per le obiettive difficoltà nel formulare previsioni "
                  "sufficientemente attendibili a seguito della riforma del Sistema camerale (D.lgs 219 del "
                  "25/11/2016) che impatta sulle funzioni e sulle risorse finanziarie a disposizione e che ancora non "
                  "ha raggiunto la fase conclusiva"},
]

DATA = {
    "Ente": ENTE,
    "Piano": PIANO,
    "Prospettive": PROSPETTIVE,
    "Linee strategiche": LINEE,
    "Obiettivi strategici": OBIETTIVI_STRATEGICI,
    "Indicatori": INDICATORI,
    "Missioni": MISSIONI,
    "Programmi": PROGRAMMI,
    "Obiettivi PIRA": OBIETTIVI_PIRA,
    "Tabelle": TABELLE,
    "Sezioni": SEZIONI,
    "Testi": TESTI,
}
