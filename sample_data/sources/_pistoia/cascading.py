"""CCIAA Pistoia, Piano della Performance 2020-2022 (seed 002), section 3.3: the four cascading sheets.

Rows for the sheets "Obiettivi operativi", "Indicatori", "Programmi di budget" and
"Totali di budget". Area codes of the cascading sheets:

- ASE  "Il cascading ... – Area Sviluppo Economico" (lines A, B, C, E, F)
- AAA  "... - Area Anagrafica - Amministrativa e Aree Trasversali" (lines D, G)
- ATR  "... - Aree Trasversali" (line H)
- AAT  "... – Area Amministrativa - Trasversale" (line I)

Transcription choices (see also the comments by each table):
- Objectives printed without a code get an invented code "<strategic>-OPn" and
  Etichetta "-" (the loader's "print no code"); coded ones leave Etichetta empty.
- Empty "Valenza informativa" cells repeat the row above within the same objective;
  empty "Strutture coinvolte" cells of the objective tables repeat the row above within
  the table (the PDF prints them as merged cells). The structure printed on an
  indicator's row goes to the indicator's Owner.
- HTML bold markup of the extraction (<b>...</b>) is dropped.
- Budget amounts "€ -" / "€ 2.000,00" of the totals are written without the € sign.
"""

from __future__ import annotations

AREE = {
    "ASE": "Area Sviluppo Economico",
    "AAA": "Area Anagrafica - Amministrativa e Aree Trasversali",
    "ATR": "Aree Trasversali",
    "AAT": "Area Amministrativa - Trasversale",
}
# rows for the "Strutture" sheet (the Area columns refer to them); include them unless
# another module defines these codes
STRUTTURE_AREE = [{"Codice": code, "Denominazione": name, "Tipo": "area"} for code, name in AREE.items()]

# The cascading sheets name two strategic objectives that section 3.2 does not have
# (line C is "not declined" there, line F is absent). Codes invented here; include these
# rows in "Obiettivi strategici" unless the tree module already defines them.
OBIETTIVI_STRATEGICI_SOLO_CASCADING = [
    {"Codice": "C", "Linea": "C", "Denominazione": "Facilitare e sostenere l'accesso al credito delle imprese", "Nel cruscotto": "no"},
    {"Codice": "F", "Linea": "F", "Denominazione": "Valorizzazione dell'informazione economico-statistica", "Nel cruscotto": "no"},
]

# Strategic objective printed in 3.3 -> code of 3.2:
#   A  Valorizzazione economica del territorio
#   B1 Sviluppare le capacità di innovazione delle imprese e favorire ... sistemi di ricerca
#   B2 Favorire l'internazionalizzazione
#   B3 Incentivare le imprese sostenibili, femminili e giovanili
#   C  Facilitare e sostenere l'accesso al credito delle imprese
#   E  Porsi quale riferimento principale in tema di risoluzione delle controversie
#   F  Valorizzazione dell'informazione economico-statistica
#   D  Ottimizzare l'organizzazione per migliorare l'informazione all'utenza e la qualità dei servizi
#   G  Potenziare la comunicazione istituzionale e la trasparenza
#   H1 Implementare azioni di miglioramento organizzativo
#   H2 Sviluppare un sistema integrato di pianificazione e controllo
#   H3 Valorizzare le professionalità interne e promuovere il benessere organizzativo
#   I.2 Stabilizzare i principali indicatori di salute organizzativa dell'ente
#   I.3 Reperimento risorse finanziarie esterne


def _objective(code: str, strategic: str, name: str, area: str, structures: str, label: str | None = None) -> dict:
    # loader convention: empty Etichetta = print the code, "-" = print no code
    return {
        "Codice": code,
        "Obiettivo strategico": strategic,
        "Denominazione": name,
        "Etichetta": "" if label is None else label,
        "Strutture coinvolte": structures,
        "Area": area,
        "Nel cruscotto": "no",
    }


OBIETTIVI_OPERATIVI = [
    # --- ASE, line A
    _objective("A-OP1", "A", "Realizzazione delle iniziative di valorizzazione economica del territorio", "ASE",
               "Servizio Promozione economica", label="-"),
    # --- ASE, line B
    _objective("B.1.2", "B1", "Mantenimento servizi al pubblico a sostegno del sistema delle imprese locali", "ASE",
               "Servizio programmazione e sviluppo"),
    # named differently from 3.2's B.1.4 ("Potenziare interventi ... digitalizzazione delle imprese")
    _objective("B.1.4", "B1", "Interventi di formazione, assistenza e informazione alle imprese e per lo sviluppo del capitale umano",
               "ASE", "TRASVERSALE"),
    _objective("B2-OP1", "B2", "Efficace utilizzo delle risorse finanziarie per sviluppare la capacità d'internazionalizzazione del tessuto produttivo",
               "ASE", "Servizio promozione economica", label="-"),
    _objective("B.2", "B2", "Organizzazione diretta e/o in collaborazione con ICE di iniziative a sostegno dell'internazionalizzazione delle imprese",
               "ASE", "Servizio promozione economica"),
    _objective("B.2.2", "B2", "Qualificazione dei servizi di assistenza e informazione - MIGLIORAMENTO SERVIZIO al pubblico", "ASE",
               "Servizio promozione economica"),
    _objective("B.3.2", "B3", "Orientamento al lavoro e percorsi di alternanza scuola-lavoro", "ASE", "Servizio programmazione e sviluppo"),
    _objective("B.3.1", "B3", "Qualificazione dei servizi di assistenza e informazione - MIGLIORAMENTO SERVIZIO al pubblico", "ASE",
               "Servizio programmazione e sviluppo"),
    # --- ASE, line C (the table has no "Strutture coinvolte" column)
    _objective("C.1.2", "C", "Diffusione delle opportunità di finanziamento", "ASE", ""),  # printed "C.1 .2"
    # printed as "B.2.2 - Qualificazione ..." under line C: a second objective with B.2.2's text
    # (copy of the B2 row in the seed); own code, printed label kept
    _objective("C-OP1", "C", "Qualificazione dei servizi di assistenza e informazione - MIGLIORAMENTO SERVIZIO al pubblico", "ASE",
               "", label="B.2.2"),
    # --- ASE, line E
    _objective("E1", "E", "Diffondere il valore del ricorso a forme alternative di risoluzione delle controversie", "ASE",
               "Servizio di regolazione del mercato"),
    _objective("E-OP1", "E", "Promuovere la cultura della legalità nel territorio", "ASE", "Servizio di regolazione del mercato", label="-"),
    _objective("E-OP2", "E", "MIGLIORAMENTO SERVIZIO al pubblico", "ASE", "Servizio di regolazione del mercato", label="-"),
    # --- ASE, line F (no "Strutture coinvolte" column)
    _objective("F-OP1", "F", "Produzione di reportistica statistica sul sistema delle imprese", "ASE", "", label="-"),
    # --- AAA, line D (codes printed after the name: "... - D1")
    _objective("D1", "D", "Garantire lo standard di qualità e quantità dei servizi", "AAA", "TRASVERSALE"),
    _objective("D2", "D", "Azioni di ottimizzazione dell'organizzazione interna per migliorare i servizi offerti", "AAA",
               "AREA ANAGRAFICA, TRASVERSALE, AREA AMMINISTRATIVA"),
    # --- AAA, line G (printed without code; they are G.1 and G.2 of 3.2 and of the programme table)
    _objective("G.1", "G", "Aumentare le potenzialità dei canali infomatici di comunicazione esterna", "AAA",
               "Servizio di regolazione del mercato, Servizio programmazione e sviluppo", label="-"),
    _objective("G.2", "G", "Consolidare la cultura della trasparenza e della legalità", "AAA", "TRASVERSALE", label="-"),
    # --- ATR, line H
    _objective("H.1", "H1", "Implementare azioni di miglioramento organizzativo", "ATR", "TRASVERSALE, Servizi amministrativi"),
    _objective("H.2", "H2", "Sviluppare un processo integrato di pianificazione e controllo", "ATR", "TRASVERSALE"),
    _objective("H3-OP1", "H3", "Accrescere il benessere organizzativo interno", "ATR", "TRAVERSALE", label="-"),  # "TRAVERSALE" as printed
    # --- AAT, line I (printed without code; they match 3.2's I.2.1 and I.3.1 by name)
    _objective("I.2.1", "I.2", "Stabilizzare i principali indicatori di salute organizzativa dell'ente", "AAT", "AREA AMMINISTRATIVA", label="-"),
    _objective("I.3.1", "I.3", "Reperimento di risorse finanziarie esterne", "AAT", "trasversale, AREA AMMINISTRATIVA", label="-"),
]


# Indicator tables, one per printed "Obiettivo operativo | Valenza informativa | Indicatore |
# Target | Strutture coinvolte" table. A row: (objective, valenza informativa, indicatore,
# target 2020, strutture coinvolte[, note]); None = empty cell (repeated from the row above).
_INDICATOR_TABLES: list[tuple[str, list[tuple]]] = [
    ("ASE", [  # A - Valorizzazione economica del territorio
        ("A-OP1", "Grado di utilizzo delle risorse destinate alla valorizzazione economica del territorio",
         "Risorse complessive destinate alla valorizzazione economica (Linea strategica A) del territorio prenotate/Risorse complessive destinate alla valorizzazione economica del territorio (Linea strategica A)",
         "90%", "Servizio Promozione economica"),
        ("A-OP1", "Livello di realizzazione dei progetti finanziati con la maggiorazione del diritto annuale",
         "Rispetto degli obiettivi/indicatori definiti nella programmazione nazionale 2020/2022 Progetto TURISMO", "100%", None),
        ("A-OP1", "Livello di realizzazione dei progetti gestiti direttamente e/o avvalendosi di enti terzi",
         "Vetrina Toscana (progetto con Regione Toscana)- n. iniziative attivate/n. iniziative programmate", "80%", None),
    ]),
    ("ASE", [  # B1
        ("B.1.2", "Mantenimento servizi al pubblico - Attività sportello innovazione", "N. incontri sportello brevettuale organizzati",
         "15", "Servizio programmazione e sviluppo"),
        ("B.1.2", None, "N. accessi allo sportello brevettuale", "35", None),
        ("B.1.2", None, "N. marchi e brevetti", "200", None),
        ("B.1.2", None, "N. procedimenti Marchi Brevetti (n. procedimenti amministrativi gestiti anno 2020/n. procedimenti amministrativi gestiti 2019)",
         "1", None),
        ("B.1.4", "Livello di realizzazione dei progetti finanziati con la maggiorazione del diritto annuale",
         "Eccellenze in digitale: n. consulenze", "60", "TRASVERSALE"),
        ("B.1.4", None, "Rispetto degli obiettivi/indicatori definiti nella programmazione nazionale 2020/2022 PNPID", "100%", None),
        ("B.1.4", None,
         "N. partecipanti ad attività formative/informative rivolte all'esterno organizzate dalla Camera di Commercio nell'anno n°1000 / N. imprese attive al 31/12/n (escluse le ul)",
         "7", None),
        ("B.1.4", None, "Customer satisfaction", "90%", None),
    ]),
    ("ASE", [  # B2 - Favorire l'internazionalizzazione
        ("B2-OP1", "Grado di utilizzo delle risorse dedicate all'internazionalizzazione del territorio",
         "Risorse dedicate al sostegno internazionalizzazione del territorio prenotate/Risorse dedicate all'internazionalizzazione del territorio stanziare",
         "90%", "Servizio promozione economica"),
        ("B.2", "Grado di realizzazione attività di organizzazione iniziative",
         "N. iniziative promozionali programmate/N. iniziative promozionali realizzate", "100%", None),
        ("B.2", "Livello di realizzazione di iniziative a sostegno dell'internazionalizzazione organizzate dal sistema camerale",
         "Qualificazione dei servizi di assistenza e informazione sull'internazionalizzazione (Diffusione iniziative ICE )",
         "100% iniziative trasmesse da ICE", None),
        # the objective's own row prints only the valenza "Mantenimenti servizi al pubblico"
        ("B.2.2", "Mantenimenti servizi al pubblico", "N. certificati d'origine emessi", "4500", None),
        ("B.2.2", None, "N. certificati d'origine emessi (n. procedimenti amministrativi gestiti anno 2020/n. procedimenti amministrativi gestiti 2019)",
         "1", None),
        ("B.2.2", None, "N. carnet rilasciati", "25", None),
        ("B.2.2", None, "N. caret (n. procedimenti amministrativi gestiti anno 2020/n. procedimenti amministrativi gestiti 2019)", "1", None),
    ]),
    ("ASE", [  # B3 - Incentivare le imprese sostenibili, femminili e giovanili
        ("B.3.2", "Livello di realizzazione dei progetti finanziati con la maggiorazione del diritto annuale",
         "Rispetto degli obiettivi/indicatori definiti nella programmazione nazionale 2020/2022 ProgettoNazionale Orientamento al lavoro",
         "100%", "Servizio programmazione e sviluppo"),
        # seed: "della provinci anelle iniziative" (word break of the extraction)
        ("B.3.2", "Coinvolgimento degli studenti della provincia nelle iniziative camerali",
         "N. studenti coinvolti iniziative sculo lavoro anno x", "2.000", None),
        # "16 nel 2019 - 7 nel 2018" is printed in the Strutture column: kept as a note
        ("B.3.1", "Mantenimenti servizi al pubblico", "Sportello nuove imprese (accessi)", "16", None, "16 nel 2019 - 7 nel 2018"),
    ]),
    ("ASE", [  # C - Facilitare e sostenere l'accesso al credito (no Strutture column)
        ("C.1.2", "Livello di di diffusione informazioni sulle opportunità d'accesso al credito", "N. pubblicazioni NewsBandi",
         "11 uscite", None),
        ("C-OP1", "Mantenimenti servizi al pubblico",
         "N. utenti serviti allo sportello di consulenza imprese per sovvenzioni finanziarie e bandi nell'anno", "180", None),
    ]),
    ("ASE", [  # E - Porsi quale riferimento principale in tema di risoluzione delle controversie
        ("E1", "Grado di diffusione del servizio di conciliazione e mediazione nel tessuto economico locale",
         "Numero di mediazioni/conciliazioni/Numero imprese attive al 31/12", "63%", "Servizio di regolazione del mercato"),
        ("E1", "Livello di qualità delle conciliazioni gestite", "N° procedure concluse con esito positivo / Totale procedure concluse",
         "50%", None),
        ("E1", "Diffusione servizi di prevenzione crisi d'impresa", "Istituzione OCRI", "15/08/2020", None),
        # valenza cell empty in the seed: the objective's name stands in (the name is required)
        ("E-OP1", "Promuovere la cultura della legalità nel territorio", "Progetto legalità 2020 - Realizzazione iniziative", "3", None),
        # printed as its own row without target (it lists the 3 initiatives of the row above)
        ("E-OP1", None, "Costituzione BILL PISTOIA - Giornata memoria vittime innocenti - Giornata trasparenza e legalità 2020", "", None),
        ("E-OP2", "Consolidamento sportelli PUNTO IMPRESA",
         "Sportello METRICO - Progetto vigilanza uffici metrici concordato con Unioncamere (numero ispezioni)", "9", None),
        ("E-OP2", None,
         "Sportello ETICHETTATURA PRODOTTI AGROALIMENTARI in collaborazione con il laboratorio chimico della CCIAA di Torino - n. quesiti in materia di agroalimentare gestiti",
         "10", None),
        ("E-OP2", None,
         "Sportello SICUREZZA E ETICHETTATURA PRODOTTI - n. accessi (consulenza in Fiera; sportello lunedì mattina, richieste via mail)",
         "85", None),
        ("E-OP2", None,
         "Sportello PROTESTI E CARTE TACHIGRAFICHE (n. procedimenti amministrativi gestiti anno 2020/n. procedimenti amministrativi gestiti 2019)",
         "1", None),
    ]),
    ("ASE", [  # F - Valorizzazione dell'informazione economico-statistica (no Strutture column)
        ("F-OP1", "Diffusione dei dati statistici", "Pubblicazione Newsreport", "4", None),
    ]),
    ("AAA", [  # D
        ("D1", "Mantenimento rete sportelli PUNTO IMPRESA (servizio al pubblico) in condizione di contrazione risorse umane (PROGETTO TRASVERSALE)",
         "SPORTELLI PUNTO IMPRESA: Numero sportelli al pubblico anno x/Numero sportelli al pubblico anno x-1", "=1", "TRASVERSALE"),
        ("D1", "Implementazione nuovi programmi informatici d'impatto trasversale (PROGETTO TRASVERSALE)",
         "Implementazione Nuovo titolare - nuovo sistema di contabilità CON2", "entro 31/12/2020", "TRASVERSALE"),
        ("D2", "Tempo medio di lavorazione pratiche telematiche", "Tempo medio di lavorazione pratiche telematiche RI", "3gg",
         "AREA ANAGRAFICA"),
        ("D2", "Grado di rispetto dello standard di 5 gg per la lavorazione delle pratiche telematiche",
         "Percentuale di pratiche telematiche RI evase entro 5 giorni", "95%", "AREA ANAGRAFICA"),
        ("D2", "Mantenimento rispetto tempi di conclusione dei procedimenti di rilevanza esterna (PROGETTO TRASVERSALE)",
         "N. procedimenti e conclusi entro il termine massimo/N. procedimenti", "100%", "TRASVERSALE"),
        ("D2", "Tempestività di pagamento delle fatture passive", "Indicatore tempi di pagamento fatture (D.P.C.M. 22/9/2014)", "-15 gg",
         "AREA AMMINISTRATIVA"),
    ]),
    ("AAA", [  # G
        ("G.1", "Sviluppo qualitativo e quantitativo delle relazioni con gli stakeholder",
         "Realizzazione giornata della trasparenza e integrità", "30/11/2020", "Servizio di regolazione del mercato"),
        ("G.1", "Implementazione nuovo CRM", "Implementazione nuovo CRM", "31/12/2020", "Servizio programmazione e sviluppo"),
        ("G.2", "Sviluppo di azioni che assicurino la compliance rispetto agli obblighi di trasparenza e l'integrità",
         'Aggiornamento sezioni di competenza "Amministrazione trasparente"', "rispetto termini previsti in PTPCT", "TRASVERSALE"),
    ]),
    ("ATR", [  # H1 (column "CASCADING" = strutture coinvolte)
        ("H.1", "Riorganizzazione struttura e servizi a seguito dell'accorpamento con la CCIAA di Prato (PROGETTO TRASVERSALE)",
         "Progetto di accorpamento con la CCIAA di Prato - attività gruppi di lavoro",
         "100% obiettivi operativi gruppi di lavoro assegnati dal SG", "TRASVERSALE"),
        ("H.1", None, "Predisposizione gara d'appalto Tesoreria camera accorpata", "entro termini previsti per accorpamento",
         "Servizi amministrativi"),
    ]),
    ("ATR", [  # H2
        ("H.2", "Grado di utilizzo delle risorse previste per interventi promozionali",
         "Costi per interventi economici/Interventi economici previsti a budget", "95%", "TRASVERSALE"),
        ("H.2", "Livello di performance raggiunto", "Percentuale sintetica di realizzazione della performance di Ente", "90%", None),
        ("H.2", "Adeguamento agli applicativi Unioncamere", "Adeguamento applicativi Kronos e nuovo Pareto", "100%", None),
    ]),
    ("ATR", [  # H3 ("TRAVERSALE" as printed)
        ("H3-OP1", "Livello di disagio all'interno dell'ente",
         'Numero di contenziosi giudiziari/extragiudiziali aperti al 01.01 dell\'anno "n" relativi al personale in attività a tale data /Unità di personale dipendente (TI+TD)',
         "0", "TRAVERSALE"),
        ("H3-OP1", "Indice di assenteismo complessivo", "N. medio di giornate di presenza dei dipendenti /N. di giornate lavorative", "77", None),
        ("H3-OP1", "Diffusione e monitoraggio del benessere organizzativo interno",
         "Somministrazione indagine sul benessere organizzativo interno", "entro il 31/12/2020", None),
        ("H3-OP1", "Formazione del personale",
         "N. di dipendenti che hanno seguito almeno un'attività formativa nell'anno/Totale personale dipendente (TI+TD)", "77%", "TRAVERSALE"),
        # target 2 here, 15 in the cruscotto of 3.2: transcribed as printed
        ("H3-OP1", "Formazione del personale", "Ore di formazione erogate /Totale personale dipendente (TI+TD)", "2", "TRAVERSALE"),
    ]),
    ("AAT", [  # I.2
        ("I.2.1", 'Indice "risorse umane"', "Costo personale/oneri correnti al netto del fondo svalutazione crediti DA", "42%",
         "AREA AMMINISTRATIVA"),
        ("I.2.1", "Incidenza dei costi di struttura rispetto ai Proventi correnti (indicatore bench e pareto)",
         "Costi di Struttura [(Oneri della gestione corrente: C/E-B) - Costo per gli interventi economici (C/E-B 8)] / Proventi della gestione",
         "85%", "AREA AMMINISTRATIVA"),
    ]),
    ("AAT", [  # I.3
        ("I.3.1", "Massimizzare l'utilizzo dei fondi disponibili sui progetti di sistema",
         "Fondi utilizzati e rendicontati su progetti di sistema (FPN e Aumento 20% DA)/Fondi stanziati su progetti di sistema (FPN e Aumento 20% DA)",
         "100%", "trasversale"),
        ("I.3.1", "Indice di riscossione diritto annuale",
         "Totale Diritto Annuale incassato entro il 31/12 al netto di interessi e delle sanzioni /Diritto Annuale al netto di interessi e delle sanzioni",
         "67%", "AREA AMMINISTRATIVA"),
    ]),
]


def _indicators() -> list[dict]:
    rows: list[dict] = []
    counters: dict[str, int] = {}
    for area, table in _INDICATOR_TABLES:
        valenza = structure = objective = None
        for objective_code, name, formula, target, owner, *note in table:
            if objective_code != objective:
                objective, valenza = objective_code, None
            valenza = name or valenza
            structure = owner or structure
            counters[area] = counters.get(area, 0) + 1
            row = {
                "Codice": f"CAS-{area}-{counters[area]:03d}",
                "Obiettivo": objective_code,
                "Indicatore": valenza,
                "Algoritmo": formula,
                "Target 2020": target,
                "Owner": structure or "",
                "Cruscotto": "area",
            }
            if note:
                row["Note"] = note[0]
            rows.append(row)
    return rows


INDICATORI = _indicators()


# Budget tables. A row: (funzione camerale, programma, azione, progetto, oneri, investimenti,
# proventi, strutture); None = empty cell repeated from the row above (funzione, programma,
# azione only); "" = empty cell not repeated.
_BUDGET_TABLES: list[tuple[str, str, list[tuple]]] = [
    ("A", "ASE", [
        ("AMBIENTE E SVILUPPO SOSTENIBILE - 33005",
         "A.1 Sostenere iniziative di promozione dell'agroalimentare come elemento di richiamo del territorio",
         "A.1.2. - Mantenimento servizi al pubblico a sostegno del sistema delle imprese locali",
         "PUNTO IMPRESA: Sportello informativo Agricoltura e ambiente", "-", "-", "-", ""),
        (None, None, "A.1.3. - Azioni di sostegno", "Cofinanziamento progetti di valorizzazione delle risorse ambientali",
         "27.500,00", "-", "-", ""),
        ("TURISMO E CULTURA - 33003", "A.3 Azioni promozionali per la valorizzazione complessiva del territorio",
         "A.3.4 - Realizzazione di iniziative dirette o compartecipazione a iniziative di terzi",
         "Cartelli promozionali autostradali", "12.250,00", "-", "-", ""),
        (None, None, None, "Isnart - Quota consortile", "3.000,00", "-", "-", ""),
        (None, None, None, "Vetrina Toscana 2020", "15.000,00", "-", "15.000,00", ""),
        (None, None, None, "PROGETTO TURISMO - 2020", "95.000,00", "-", "107.500,00", ""),
        (None, None, None, "FPN 2017-2018 - Progetto valorizzazione del patrimonio culturale e turismo", "20.800,00", "-", "30.000,00", ""),
        (None, None, None, "Bando CCN 2020", "70.000,00", "-", "-", ""),
        # printed shifted to the first column in the seed
        (None, None, None, "Sostegno a iniziative di promozione turistica e culturale", "100.000,00", "-", "-", ""),
        ("AMBIENTE E SVILUPPO SOSTENIBILE - 33005", "A4 - Politiche ambientali",
         "A.4.1 Politiche ambientali/promozione economia circolare", "FP 2017-2018 - Politiche ambientali",
         "6.500,00", "-", "10.000,00", ""),
        (None, None, "A.4.2. - Mantenimento servizi al pubblico a sostegno del sistema delle imprese locali",
         "PUNTO IMPRESA: Sportello informativo Agricoltura e ambiente", "-", "-", "-", ""),
        (None, None, None,
         "PUNTO IMPRESA - Attività formativa e informativa in materia di agricoltura, ambiente e tutela prodotti agroalimentari",
         "-", "-", "-", ""),
    ]),
    ("B", "ASE", [  # B1 table: no "NUOVE FUNZIONI CAMERALI" column
        ("", "B.1 - Sviluppare le capacità di innovazione delle imprese e favorire lo sviluppo di collaborazioni tra imprese e sistemi di ricerca",
         "B.1.2. - Mantenimento servizi al pubblico a sostegno del sistema delle imprese locali",
         "PUNTO IMPRESA : Sportello informativo marchi e brevetti", "-", "-", "-", "Servizio programmazione e sviluppo"),
        (None, None, None, "PUNTO IMPRESA : Orientamento e consulenza", "-", "-", "-", ""),
        (None, None,
         "B.1.4 - Potenziare interventi di formazione, assistenza e informazione alle imprese e per lo sviluppo del capitale umano per favorire l'innovazione e la digitalizzazione delle imprese",
         "PUNTO IMPRESA - Attività formativa e informativa in materia di innovazione e digitalizzazione", "-", "-", "-", ""),
        (None, None, None, "PNPID 2020- Punto Impresa Digitale", "165.000,00", "-", "200.000,00", ""),
        (None, None, None, "Eccellenze in digitale 2020", "11.700,00", "-", "-", ""),
        (None, None, None, "Progetto CEQ Monsummano", "-", "-", "41.777,00", ""),
    ]),
    ("B", "ASE", [
        ("INTERNAZIONALIZZAZIONE - 330001", "B.2 - Supportare i processi di internazionalizzazione delle imprese",
         "B.2.1 - Esplorazione di nuovi mercati al fine di diversificare i mercati di sbocco delle produzioni locali anche attraverso lo sviluppo di canali con altri soggetti istituzionali",
         "Bando contributi per la partecipazione a fiere", "100.000,00", "-", "-", "Servizio Promozione e Internazionalizzazione"),
        (None, None, None, "Bando contributi Temporary Shop all'estero", "30.000,00", "-", "-", ""),
        (None, None, None, "Diffusione iniziative ICE", "-", "-", "-", ""),
        (None, None, "B.2.2 - Qualificazione dei servizi di assistenza e informazione - MIGLIORAMENTO SERVIZIO al pubblico",
         "PUNTO IMPRESA : sportello informativo internazionalizzazione in collaborazione con ICE e altri soggetti istituzionali",
         "-", "-", "-", ""),
        # this row and the next are printed shifted left in the seed
        (None, None, None,
         "PUNTO IMPRESA - Attività formativa e informativa in materia di commercio con l'estero e internazionalizzazione delle imprese",
         "-", "-", "-", ""),
        (None, None, "B.2.3 -Organizzazione diretta Immagine Italia & Co.", "Immagine Italia 2020", "455.000,00", "-", "455.000,00", ""),
    ]),
    ("B", "ASE", [
        ("ORIENTAMENTO AL LAVORO E ALLE PROFESSIONI - 330004",
         "B.3 - Realizzazione di azioni che incentivino le nuove imprese sostenibili, femminili, giovanili a carattere mutualistico-solidale e del terzo settore",
         "B.3.1 - Sostenere interventi mirati di informazione e assistenza e formazione alle nuove imprese anche attraverso il mantenimento degli attuali livelli di servizio al pubblico",
         "PUNTO IMPRESA : Sportello nuove imprese", "-", "-", "-", "Servizio Promozione e Internazionalizzazione"),
        (None, None, None, "PUNTO IMPRESA - Attività formativa e informativa in materia di nuove imprese", "-", "-", "-", ""),
        (None, None, None, "PNOL 2020- Formazione-lavoro", "82.500,00", "-", "107.500,00", ""),
        (None, None, None, "FPN 2017-2018 - Progetto orientamento domanda e offerta di lavoro", "28.000,00", "-", "28.000,00", ""),
        (None, None, None, "Registro dell'alternanza", "-", "-", "-", ""),
    ]),
    ("C", "ASE", [  # amounts not printed, no totals
        ("", "C.1 - Convogliare le risorse e le conoscenze verso forme di impiego efficienti ed efficaci",
         "C.1.2 - Diffusione delle opportunità di finanziamento", "PUNTO IMPRESA : sportello informativo finanziamenti",
         "", "", "", "Servizio Promozione"),
        (None, None, None,
         '"NewsBandi": raccolta delle novità sulle agevolazioni per le imprese e pubbliche amministrazioni della provincia di Pistoia',
         "", "", "", ""),
        (None, None, None,
         "Prevenzione delle crisi d'impresa:diffusione opportunità offerte da protocolli/convenzioni stipulati a livello nazionale",
         "", "", "", ""),
        (None, None, None,
         "Collaborazione per la definizione e l'attuazione di politiche di attrazione di capitali esteri con ICE e altri soggetti a ciò preposti",
         "", "", "", ""),
    ]),
    ("E", "ASE", [
        ("", "E.1. Diffondere il valore del ricorso a forme alternative di risoluzione delle controversie",
         "E.1.1. - Consolidamento del ruolo camerale nell'ambito dei sistemi alternativi di risoluzione delle controversie anche attraverso la stipula di apposite convenzioni",
         "Mediazione/Arbitrato", "-", "", "-", "Servizio di regolazione del mercato"),
        # seed row: "E.1.2 - Istituzione ... | Istituzione OCCRI entro data prevista dalla norma (15/8/2020) | | | | Istituzione OCCRI":
        # E.1.2 is an action of programme E.1; the second cell (text, no amount) is joined to it
        (None, None,
         "E.1.2 - Istituzione dell'Organismo di Composizione delle Crisi d'Impresa - Istituzione OCCRI entro data prevista dalla norma (15/8/2020)",
         "Istituzione OCCRI", "", "", "", ""),
        ("", "E.2. Diffusione la cultura della legalità",
         "E.2.4 - Azioni di sensibilizzazione e di contrasto alla concorrenza sleale e la promozione della trasparenza e della legalità nell'economia",
         "PUNTO IMPRESA : Sportello informativo protesti e carte tachigrafiche", "-", "-", "-", "Servizio di regolazione del mercato"),
        (None, None, None, "PUNTO IMPRESA : Sportello informativo sanzioni", "-", "-", "-", ""),
        (None, None, None, "PUNTO IMPRESA : Sportello sicurezza e etichettatura prodotti", "", "-", "-", ""),  # oneri cell empty as printed
        (None, None, None,
         "PUNTO IMPRESA - Attività formativa e informativa in materia di etichettatura prodotti e start up cooperative e imprese sociali per l' utilizzo beni confiscati alla mafia",
         "", "", "", ""),
        (None, None, None, "Consolidamento Sportello etichettatura agroalimentare - in collaborazione con cciaa Torino", "3.500,00", "", "", ""),
        (None, None, None, "Progetto legalità 2020", "3.250,00", "", "", ""),
        (None, None, None, "Controllo clausule inique", "900,00", "", "", ""),  # printed shifted left
        # printed shifted left: E.2.3 is an action of programme E.2
        (None, None, "E.2.3. - Rafforzamento della collaborazione con forze di polizia locali",
         "Convenzioni con forze di polizia locale per informative R.I.", "", "", "", ""),
        ("", "E.3. Accrescere la trasparenza del mercato", "E.3.1 - Regolamentazione dei mercati",
         "Borsa merci Telematica - Quota consortile", "4.200,00", "", "", "Servizio di regolazione del mercato"),
        (None, None, "E.3.2 - Azioni di sensibilizzazione del consumatore/utente", 'Organizzazione "Giornata del consumatore"', "-", "", "", ""),
        (None, None, None, "Sportelli Informativi consumatori", "-", "", "", ""),
    ]),
    ("F", "ASE", [
        ("", "F.1 - Valorizzazione del patrimonio informativo", "Ottimizzazione della standardizzazione e diffusione dei dati",
         "Produzione di reportistica statistica sul sistema delle imprese", "2.000,00", "", "", "Servizio Programmazione e Sviluppo"),
        (None, None, None, "PUNTO IMPRESA : Sportello informativo statistica e prezzi", "", "", "", ""),
        (None, None, None, "Acquisizione banche dati", "", "", "", ""),
        (None, None, None, "Newsreport", "", "", "", ""),
        (None, None, None, "Pistoia 2030 - attività di supporto", "", "", "", ""),
    ]),
]

# The programme tables of D, G, H and I (sheets AAA, ATR, AAT) print neither projects nor
# amounts ("Programmi | Azioni | Strutture coinvolte"). Same row format, Progetto empty; kept
# kept apart from PROGRAMMI_BUDGET (no project, no amounts); both go into the "Programmi di budget" sheet.

_PROGRAMME_TABLES: list[tuple[str, str, list[tuple]]] = [
    ("D", "AAA", [
        ("", "D.1. Semplificare l'accessibilità ai servizi camerale e incentivare il processo di dematerializzazione dei processi dell'Ente (Agenda Digitale)",
         "Ampiamento accessibilità telematica ai servizi camerale (nuovo RI)", "", "", "", "", "TRASVERSALE"),
        (None, None, "Consolidamento sportelli PUNTO IMPRESA - Mantenimento orari d'apertura al pubblico in situazione di contrazione di personale",
         "", "", "", "", "TRASVERSALE"),
        (None, None, "Dematerializzazione delle procedure - Implementazione nuovo Titolare protocollo informativo e nuovo sistema di contabilità CON2",
         "", "", "", "", "TRASVERSALE"),
        ("", "D.2. Ottimizzare l'organizzazione interna per migliorare l'informazione all'utenza e la qualità dei servizi",
         "Garantire lo standard qualitativo e quantitativo dei servizi anagrafico-certificativi e la riorganizzazione del Registro Imprese",
         "", "", "", "", "ANAGRAFICO"),
        (None, None, "Rispetto dei tempi dei procedimenti amministrativi", "", "", "", "", "TRASVERSALE"),
    ]),
    ("G", "AAA", [  # first column headed "Obiettivi strategici" in the seed
        ("", "G.1 - Aumentare le potenzialità dei canali infomatici di comunicazione esterna",
         "G.1.1 - Miglioramento del sito camerale e utilizzo social network", "", "", "", "", "TRASVERSALE"),
        ("", "G.2 - Divulgare l'attività istituzionale dell'Ente consolidando la cultura della trasparenza e della legalità",
         "G.2.1 Potenziamento strumenti informativi esterni maggiormente celeri e economici (crm e posta certificata)", "", "", "", "", ""),
        (None, None, "G.2.3. Sviluppo di azioni che assicurino la compliance rispetto agli obblighi di trasparenza e integrità", "", "", "", "", ""),
        (None, None, "G.2.2. Garantire la compliance rispetto agli obblighi di trasparenza anticorruzione e privacy", "", "", "", "", ""),
        ("", "G.3 -Potenziamento della comunicazione interna",
         "G.3.2. Attivazione di momenti istituzionalizzati di confronto col personale interno per la condivisione dei cambiamenti in atto",
         "", "", "", "", ""),
    ]),
    ("H", "ATR", [  # "Programmi | Azioni di intervento | CASCADING"
        ("", "H.1. Implementare azioni di miglioramento organizzativo",
         "Progetto di razionalizzazione a seguito dell'accorpamento con la CCIAA di Prato", "", "", "", "", "TRASVERSALE"),
        ("", "H2. Sviluppare un processo integrato di pianificazione e controllo",
         "H.2.1. Consolidamento di un sistema di pianificazione e controllo multidimensionale", "", "", "", "", "TRASVERSALI ALLE TRE AREE"),
        ("", "H.3. Promozione del benessere organizzativo e valorizzazione del personale", "Formazione del personale", "", "", "", "", ""),
        (None, None, "Monitoraggio benessere organizzativo", "", "", "", "", ""),  # programme printed again in the seed
    ]),
    ("I", "AAT", [  # "Obiettivo operativo/Programmi | Azioni di intervento"
        ("", "I.2 Garantire la salute organizzativa dell'ente",
         "I.2.1 - -Adozioni di politiche gestionali che consentano una riduzione dei costi di struttura rispetto ai costi dei processi primari",
         "", "", "", "", ""),
        ("", "I.3 Reperimento di risorse finanziarie esterne",
         "I.3.1 - Politiche di reperimento di risorse finanziarie da fonti diverse da quelle normativamente previste", "", "", "", "", ""),
        (None, None, "I.3.2 - Mantenimento margine di contribuzione dell'attività commerciale", "", "", "", "", ""),
        (None, None, "I.3.3 - Massimizzare l'utilizzo delle risorse provenienti da progetti di sistema", "", "", "", "", ""),
    ]),
]


def _budget_rows(tables: list[tuple[str, str, list[tuple]]]) -> list[dict]:
    rows: list[dict] = []
    for line, area, table in tables:
        function = programme = action = ""
        for f, p, a, project, charges, investments, income, structures in table:
            function = function if f is None else f
            programme = programme if p is None else p
            action = action if a is None else a
            rows.append({
                "Linea": line,
                "Area": area,
                "Funzione camerale": function,
                "Programma": programme,
                "Azione": action,
                "Progetto": project,
                "Oneri promozionali": charges,
                "Investimenti": investments,
                "Proventi": income,
                "Strutture coinvolte": structures,
            })
    return rows


PROGRAMMI_BUDGET = _budget_rows(_BUDGET_TABLES)
PROGRAMMI_SENZA_BUDGET = _budget_rows(_PROGRAMME_TABLES)


def _total(level: str, reference: str, charges: str, investments: str, income: str) -> dict:
    return {"Livello": level, "Riferimento": reference, "Oneri promozionali": charges,
            "Investimenti": investments, "Proventi": income}


_A1 = "A.1 Sostenere iniziative di promozione dell'agroalimentare come elemento di richiamo del territorio"
_A3 = "A.3 Azioni promozionali per la valorizzazione complessiva del territorio"
_A4 = "A4 - Politiche ambientali"
_B1 = "B.1 - Sviluppare le capacità di innovazione delle imprese e favorire lo sviluppo di collaborazioni tra imprese e sistemi di ricerca"
_B2 = "B.2 - Supportare i processi di internazionalizzazione delle imprese"
_B3 = ("B.3 - Realizzazione di azioni che incentivino le nuove imprese sostenibili, femminili, giovanili a carattere "
       "mutualistico-solidale e del terzo settore")
_E1 = "E.1. Diffondere il valore del ricorso a forme alternative di risoluzione delle controversie"
_E2 = "E.2. Diffusione la cultura della legalità"
_E3 = "E.3. Accrescere la trasparenza del mercato"

# All printed totals are in the ASE sheet; the other sheets print no amounts.
TOTALI_BUDGET = [
    _total("programma", _A1, "27.500,00", "-", "-"),
    _total("programma", _A3, "316.050,00", "-", "152.500,00"),
    _total("programma", _A4, "6.500,00", "-", "10.000,00"),
    _total("linea", "A", "350.050,00", "-", "162.500,00"),
    _total("programma", _B1, "176.700,00", "-", "241.777,00"),
    _total("programma", _B2, "585.000,00", "-", "455.000,00"),
    _total("programma", _B3, "110.500,00", "-", "135.500,00"),
    _total("linea", "B", "872.200,00", "-", "832.277,00"),
    _total("programma", _E1, "-", "-", "-"),  # printed "€ -"
    _total("programma", _E2, "7.650,00", "", ""),  # investimenti and proventi not printed
    _total("programma", _E3, "4.200,00", "", ""),
    _total("linea", "F", "2.000,00", "-", "-"),  # printed "€ 2.000,00 | € - | € -"
]
