"""CCIAA Pistoia, Piano della Performance 2020-2022 (seed 002): the BSC tree and the cruscotto di ente (3.2).

Sources in seed 002: "Le Aree Strategiche" (perspectives), 3.2 "Pianificazione triennale. Gli obiettivi
strategici" (lines, objectives and the 54 indicator rows of the cruscotto), the "Benefici Attesi" rows of the
3.3 cascading sheets, and section 4 "La performance del Segretario generale".

Transcription choices (the extracted text drops empty cells, so columns were aligned by the header
Media cluster | 2018 | Valore ottenuto 2019 | Peso | Target 2020 | Target 2021 | Target 2022 | Tipologia |
Unità | Fonte and by sense):
- Indicators are attached to the objective whose block they are printed in; "Riferimento" keeps the code
  printed in the row when it differs (B.1.2, TRASVERSALE LINEA STRATEGICA A-B-C, I.2, I.3, G1, G.2.).
  The I.2 / I.3 rows sit in the blocks of the operational objectives I.2.1 / I.3.1, the only ones of I.2 / I.3.
- H1, H2, H3 have no operational objective in 3.2: their indicators hang on the strategic objective, and
  the code cell of their rows is empty in the seed.
- H1's only indicator: the header has no "Peso" label, the row prints 100% there, so Peso 100%.
- H2 "Grado di distribuzione dei contributi...": "Valore ottenuto 2019" prints 10% (after 8,1 in 2018); kept.
- H3 last row has no printed name (merged cell in the PDF): the name of the row above is repeated.
- OCR fixes: "Os servatori" -> "Osservatori" (E1), "(assetato)" -> "(assestato)" (H2). Other typos of the
  seed ("stanziare", "oneri corrent", "iniziative camerale") are kept as written.
- Tipologia / Unità are as written even when outside the schema's lists ("EFFICIENZA - EC04",
  "indicatori DFP", "data finale", case variants such as "indicatore di Efficacia").
- Missione/Programma of the PIRA-flagged rows is INFERRED (the seed only flags PIRA): promotion -> 011/005,
  internationalisation -> 016/005, conciliation/legality/Registro imprese -> 012/004,
  internal/economic/personnel -> 032/003.
- Verso "decrescente" is set for processing times, payment timeliness and the cost-incidence ratios of I.2
  whose targets are ceilings, and for the personnel litigation ratio; elsewhere it is left empty.
"""

from __future__ import annotations

ENTE = {
    "Denominazione": "Camera di Commercio di Pistoia",
    "Denominazione breve": "CCIAA di Pistoia",
    "Indirizzo": "Corso Silvano Fedi 36, Pistoia",
    "Sito web": "http://www.pt.camcom.it",
}

PIANO = {
    "Tipo": "piano-performance",
    "Titolo": "Piano della Performance 2020-2022",
    "Vision": "La Camera di Commercio ente di riferimento per l'economia territoriale",
    "Primo anno": 2020,
    "Ultimo anno": 2022,
    "Anno di riferimento": 2020,
    "Soglia di raggiungimento": "80%",
}

# Acts cited in the Premessa, 1.1 and "Le azioni per la promozione della pari opportunità" of 002; the act
# adopting the piano itself is not cited in 002. GC-63-2020 is the revision (seed 000).
ATTI = [
    {"Codice": "CC-23-2015", "Organo": "Consiglio", "Numero": "23", "Data": "27/11/2015",
     "Oggetto": "Programma pluriennale di attività 2016-2020"},
    {"Codice": "CC-16-2019", "Organo": "Consiglio", "Numero": "16", "Data": "25/11/2019",
     "Oggetto": "Relazione Previsionale e Programmatica per l'anno 2020"},
    {"Codice": "GC-93-2019", "Organo": "Giunta", "Numero": "93", "Data": "15/11/2019",
     "Oggetto": "Piano di azioni positive per il triennio 2019-2021"},
    {"Codice": "CC-19-2019", "Organo": "Consiglio", "Numero": "19", "Data": "19/12/2019",
     "Oggetto": "Preventivo economico per l'anno 2020 e relativi allegati"},
    # "per l'anno 2019" as written in 002's Premessa
    {"Codice": "GC-117-2019", "Organo": "Giunta", "Numero": "117", "Data": "19/12/2019",
     "Oggetto": "Programma di attività per l'anno 2019"},
    {"Codice": "GC-63-2020", "Organo": "Giunta", "Numero": "63", "Data": "09/09/2020",
     "Oggetto": "Revisione del Piano della Performance 2020-2022"},
]

# Areas as titled by the 3.3 cascading sheets (codes shared with _pistoia/cascading.py), then the services
# named as "Strutture coinvolte" (their area is not stated in the seed, so no Struttura superiore).
STRUTTURE = [
    {"Codice": "ASE", "Denominazione": "Area Sviluppo Economico", "Tipo": "area"},
    {"Codice": "AAA", "Denominazione": "Area Anagrafica - Amministrativa e Aree Trasversali", "Tipo": "area"},
    {"Codice": "ATR", "Denominazione": "Aree Trasversali", "Tipo": "area"},
    {"Codice": "AAT", "Denominazione": "Area Amministrativa - Trasversale", "Tipo": "area"},
    {"Codice": "SPE", "Denominazione": "Servizio Promozione economica", "Tipo": "servizio"},
    {"Codice": "SPI", "Denominazione": "Servizio Promozione e Internazionalizzazione", "Tipo": "servizio"},
    {"Codice": "SPS", "Denominazione": "Servizio programmazione e sviluppo", "Tipo": "servizio"},
    {"Codice": "SRM", "Denominazione": "Servizio di regolazione del mercato", "Tipo": "servizio"},
    {"Codice": "SAM", "Denominazione": "Servizi amministrativi", "Tipo": "servizio"},
]

# In the order of "Le Aree Strategiche" and of 3.2 (tessuto, economico-finanziaria, processi, crescita).
PROSPETTIVE = [
    {"Codice": "TEL", "Denominazione": "Tessuto economico locale",
     "Descrizione": "prospettiva orientata a misurare il grado di soddisfazione del tessuto economico-sociale, "
     "valutando la capacità dell'ente di individuare i bisogni specifici del territorio e degli utenti al fine "
     "di garantire la piena soddisfazione delle esigenze e delle aspettative."},
    {"Codice": "EF", "Denominazione": "Economico-finanziaria",
     "Descrizione": "prospettiva orientata al monitoraggio degli aspetti economico-finanziari in relazione alla "
     "programmazione strategica volta, quindi, a valutare la gestione dell'ente in ragione della sua capacità "
     "di perseguire l'equilibrio di bilancio."},
    {"Codice": "PI", "Denominazione": "Processi interni",
     "Descrizione": "prospettiva orientata ad individuare il grado di efficienza ed efficacia con il quale "
     "l'ente gestisce e controlla i processi interni, mediante l'ottimizzazione di quelli esistenti e volta "
     "alla definizione di processi attraverso i quali perseguire gli obiettivi strategici."},
    {"Codice": "ICA", "Denominazione": "Innovazione, crescita e apprendimento",
     "Descrizione": "prospettiva volta alla valorizzazione delle potenzialità interne dell'ente per una "
     "crescita del personale in termini di competenze e motivazione, nonché al potenziamento delle "
     "infrastrutture tecniche e tecnologiche di supporto."},
]

# Names as printed in 3.2; "Benefici attesi" from the 3.3 cascading sheets. Line F is not in 3.2: it is
# taken from 3.3 (Area Sviluppo Economico), where its Benefici Attesi repeat those of line D as printed.
_BENEFITS_D = [
    "ottimizzazione dell'efficienza dei servizi;",
    "incremento dell'utilizzo dei servizi telematici offerti dalla P.A. da parte dell'utenza;",
    "maggior controllo e riduzione dei tempi delle procedure, sia interne che esterne;",
    "accresciuta soddisfazione del cliente/utente.",
]

LINEE = [
    {"Codice": "A", "Denominazione": "VALORIZZAZIONE ECONOMICA DEL TERRITORIO", "Prospettiva": "TEL",
     "Benefici attesi": "\n".join([
         "contribuire ad incrementare i flussi turistici (arrivi e presenze) sia nel senso di incrementare gli "
         "arrivi che di aumentare i tempi medi di permanenza;",
         "frenare il trend negativo del numero di soggetti economici che si occupano di produzioni tipiche e "
         "quelli che gestiscono piccoli esercizi di vicinato e esercizi in centri storici;",
         "consolidare il brand Pistoia quale provincia del verde, come elemento di attrazione del territorio;",
         "rilanciare il turismo termale e montano (bianco e verde);",
         "facilitare l'integrazione tra gli strumenti della programmazione territoriale, la gestione degli "
         "attrattori culturali e le filiere del Made in Italy. Valorizzare i marchi agroalimentare e turistici",
     ])},
    {"Codice": "B", "Denominazione": "SOSTEGNO ALLA COMPETITIVITA' DELLE IMPRESE", "Prospettiva": "TEL",
     "Benefici attesi": "\n".join([
         "Incrementare il raccordo tra imprese e mondo della ricerca al fine di favorire l'innovazione;",
         "Incrementare la capacità brevettuale delle imprese della provincia;",
         "favorire esperienze di alternanza scuola/lavoro di qualità e migliorare il matching tra esigenze "
         "delle imprese in termini di professionalità e programmi formativi;",
         "aumentare le vendite all'estero e incrementare il numero dei mercati di sbocco;",
         "ridefinire, ove necessario, le modalità di approccio sui mercati tradizionali, anche mediante forme "
         "di aggregazione di imprese;",
         "aumentare il numero delle Pmi che esportano;",
         "Incrementare gli investimenti sul territorio sia attraverso il subentro in aziende già esistenti che "
         "attraverso la creazione di nuove aziende.",
     ])},
    {"Codice": "C", "Denominazione": "LA POLITICA PER IL CREDITO", "Prospettiva": "TEL",
     "Benefici attesi": "\n".join([
         "diffusione delle opportunità di finanziamento;",
         "favorire l'accesso alle suddette opportunità da parte delle imprese del territorio;",
         "contribuire al rafforzamento del sistema delle garanzie mediante la valorizzazione del patrimonio "
         "informativo;",
     ]),
     "Nota non declinata": "La linea strategica relativa al sostegno al credito alle imprese non viene "
     "declinata su obiettivi di ente in considerazione della sensibile riduzione del peso della stessa a "
     "seguito della definizione delle nuove funzioni camerali"},
    {"Codice": "E", "Denominazione": "LA CAMERA DI COMMERCIO PER LA TRASPARENZA E LA TUTELA DEL MERCATO",
     "Prospettiva": "TEL",
     "Benefici attesi": "\n".join([
         "incremento del ricorso alle procedure di A.D.R.;",
         "sensibilizzazione degli operatori per lo sviluppo di una cultura della produzione e della "
         "commercializzazione di prodotti sicuri e legali;",
         "riduzione dei comportamenti scorretti;",
         "miglioramento dell'informazione del consumatore nei confronti dei prodotti acquistati (educazione al "
         "consumo).",
     ])},
    {"Codice": "F", "Denominazione": "ANALISI E CONOSCENZA DEL SISTEMA ECONOMICO LOCALE", "Prospettiva": "TEL",
     "Benefici attesi": "\n".join(_BENEFITS_D)},
    {"Codice": "I", "Denominazione": "GESTIONE ECONOMICO-FINANZIARIA", "Prospettiva": "EF",
     "Benefici attesi": "\n".join([
         "Diminuzione dell'incidenza dei costi di funzionamento;",
         "Maggiore disponibilità di risorse economiche da destinare ad attività a maggior valore aggiunto",
     ])},
    {"Codice": "D", "Denominazione": "SEMPLIFICAZIONE AMMINISTRATIVA E E-GOVERNMENT", "Prospettiva": "PI",
     "Benefici attesi": "\n".join(_BENEFITS_D)},
    {"Codice": "G", "Denominazione": "COMUNICAZIONE E TRASPARENZA", "Prospettiva": "PI",
     "Benefici attesi": "\n".join([
         "migliorare la conoscenza e la fruibilità dei servizi camerali;",
         "prevenire fenomeni corruttivi creando un contesto interno ed esterno sfavorevole agli stessi.",
     ])},
    {"Codice": "H", "Denominazione": "INNOVAZIONE E QUALITA'", "Prospettiva": "ICA",
     "Benefici attesi": "\n".join([
         "mantenimento dell'efficacia del sistema di monitoraggio già attivato dalla Camera;",
         "miglioramento dei risultati conseguiti dal ciclo di gestione della performance, anche in relazione "
         "alle nuove funzioni;",
     ])},
]


def _strategic(code: str, line: str, name: str, in_dashboard: str = "si", **extra: str) -> dict:
    return {"Codice": code, "Linea": line, "Denominazione": name, "Nel cruscotto": in_dashboard, **extra}


NOTE_B1 = (
    "Nota: I dati 2019 relativi ai progetti collegati ai progetti finanziati con la maggiorazione del diritto "
    "annuale fanno riferimento ai progetti biennali 2018-2019 che hanno contenuto diverso rispetto a quelli "
    "delle annualità 2020-2022. Sono stati riportati i dati di consuntivo per completezza espositiva."
)

# C and F are not in the cruscotto (3.2): their strategic objectives come from the 3.3 cascading sheets.
OBIETTIVI_STRATEGICI = [
    _strategic("A", "A", "Favorire gli investimenti per valorizzazione del territorio"),
    _strategic("B1", "B", "Sviluppare le capacità di innovazione delle imprese e favorire lo sviluppo di "
               "collaborazioni tra imprese e sistemi di ricerca", Note=NOTE_B1),
    _strategic("B2", "B", "Favorire l'internazionalizzazione"),
    _strategic("B3", "B", "Incentivare le imprese sostenibili, femminili e giovanili"),
    _strategic("C", "C", "Facilitare e sostenere l'accesso al credito delle imprese", "no"),
    _strategic("E", "E", "Porsi quale riferimento principale in tema di risoluzione delle controversie"),
    _strategic("F", "F", "Valorizzazione dell'informazione economico-statistica", "no"),
    _strategic("I.2", "I", "Garantire la \"salute organizzativa\" dell'Ente"),
    _strategic("I.3", "I", "Reperimento di risorse finanziarie esterne"),
    _strategic("D", "D", "Ottimizzare l'organizzazione interna per migliorare l'informazione all'utenza e la "
               "qualità dei servizi"),
    _strategic("G", "G", "Potenziare la comunicazione istituzionale e la trasparenza"),
    _strategic("H1", "H", "Implementare azioni di miglioramento organizzativo"),
    _strategic("H2", "H", "Sviluppare un sistema integrato di pianificazione e controllo - declinato riguardo "
               "alla valutazione dell'efficacia dell'azione dell'ente"),
    _strategic("H3", "H", "Valorizzare le professionalità interne e promuovere il benessere organizzativo"),
]


def _operational(code: str, strategic: str, name: str, area: str, structures: str = "", label: str = "") -> dict:
    row = {"Codice": code, "Obiettivo strategico": strategic, "Denominazione": name, "Area": area,
           "Nel cruscotto": "si"}
    if structures:
        row["Strutture coinvolte"] = structures
    if label:
        row["Etichetta"] = label
    return row


# Area = the 3.3 cascading sheet that carries the objective's line (A, B, C, E, F -> ASE; D, G -> AAA;
# H -> ATR; I -> AAT), left empty for A.3, A.3.4, B.2.1, E2 and E.2.4: 3.3 prints them only in its budget
# tables, not as rows of its objectives tables (an area's sheet shows an objective with its indicators). "Strutture coinvolte" as printed in 3.3 for that objective, where it is clear.
OBIETTIVI_OPERATIVI = [
    _operational("A.3", "A", "Azioni promozionali per la valorizzazione complessiva del territorio", ""),
    _operational("A.3.4", "A", "Realizzazione di iniziative dirette o compartecipazione a iniziative di terzi",
                 "", "Servizio Promozione economica"),
    _operational("B.1.4", "B1", "Potenziare interventi di formazione, assistenza e informazione alle imprese e "
                 "per lo sviluppo del capitale umano per favorire l'innovazione e la digitalizzazione delle "
                 "imprese", "ASE", "TRASVERSALE"),
    _operational("B.2.1", "B2", "Esplorazione di nuovi mercati al fine di diversificare i mercati di sbocco "
                 "delle produzioni locali anche attraverso lo sviluppo di canali con altri soggetti "
                 "istituzionali", "", "Servizio Promozione e Internazionalizzazione"),
    _operational("B.2.2", "B2", "Qualificazione dei servizi di assistenza e informazione - MIGLIORAMENTO "
                 "SERVIZIO al pubblico", "ASE", "Servizio Promozione e Internazionalizzazione"),
    _operational("B.3.1", "B3", "Sostenere interventi di formazione e informazione alle imprese anche "
                 "attraverso il mantenimento degli attuali livelli di servizio al pubblico", "ASE",
                 "Servizio Promozione e Internazionalizzazione"),
    _operational("B.3.2", "B3", "Sostenere l' Orientamento al lavoro e percorsi di alternanza scuola-lavoro",
                 "ASE", "Servizio programmazione e sviluppo"),
    _operational("E1", "E", "Diffondere il valore del ricorso a forme alternative di risoluzione delle "
                 "controversie", "ASE", "Servizio di regolazione del mercato"),
    _operational("E2", "E", "Diffusione della cultura della legalità", "",
                 "Servizio di regolazione del mercato"),
    # printed in 3.2 under E2, without its own indicators; an action of E2 in 3.3
    _operational("E.2.4", "E", "Azioni di sensibilizzazione e di contrasto alla concorrenza sleale e la "
                 "promozione della trasparenza e della legalità", "", "Servizio di regolazione del mercato",
                 label="E.2.4."),
    _operational("I.2.1", "I.2", "Stabilizzare i principali indicatori di salute organizzativa dell'ente", "AAT",
                 "AREA AMMINISTRATIVA"),
    _operational("I.3.1", "I.3", "Reperimento risorse finanziarie esterne", "AAT"),
    _operational("D1", "D", "Garantire lo standard di qualità e quantità dei servizi", "AAA", "TRASVERSALE"),
    _operational("D2", "D", "Azioni di ottimizzazione dell'organizzazione interna per migliorare i servizi "
                 "offerti", "AAA", "AREA ANAGRAFICA, AREA AMMINISTRATIVA, TRASVERSALE"),
    _operational("G.1", "G", "Aumentare le potenzialità dei canali informatici di comunicazione esterna", "AAA",
                 label="G.1."),
    _operational("G.2", "G", "Consolidare la cultura della trasparenza e della legalità", "AAA", "TRASVERSALE",
                 label="G.2."),
]


_BSC = "BSC - rilevazione interna"
_PC = "Programma contabilità"
_ND = "non disponibile fino a data consuntivo"
_DND = "dato non ancora disponibile"


def _indicator(
    code: str, objective: str, flag: str, name: str, algorithm: str,
    cluster: str, h2018: str, h2019: str, weight: str, t2020: str, t2021: str, t2022: str,
    kind: str, unit: str, source: str,
    *, ref: str = "", direction: str = "", pira: str = "", note: str = "",
) -> dict:
    """One cruscotto row, in the seed's column order; pira is "missione/programma" (inferred)."""
    row = {
        "Codice": code, "Obiettivo": objective, "Flag": flag, "Indicatore": name, "Riferimento": ref,
        "Algoritmo": algorithm, "Media cluster": cluster, "Storico 2018": h2018, "Storico 2019": h2019,
        "Peso": weight, "Target 2020": t2020, "Target 2021": t2021, "Target 2022": t2022,
        "Tipologia": kind, "Unità di misura": unit, "Fonte": source, "Verso": direction,
        "Cruscotto": "ente", "Note": note,
    }
    if pira:
        row["Missione"], row["Programma"] = pira.split("/")
    return {key: value for key, value in row.items() if value != ""}


_TRASV = "TRASVERSALE LINEA STRATEGICA A-B-C"
_RES_TERR = "Grado di utilizzo delle risorse destinate alla valorizzazione economica del territorio"
_RES_COMP = "Grado di utilizzo delle risorse dedicate al sostegno della competitività del territorio"
_MAGG = "Livello di realizzazione dei progetti finanziati con la maggiorazione del diritto annuale"
_STAKE = "Sviluppo qualitativo e quantitativo delle relazioni con gli stakeholder"
_COMPLIANCE = "Garantire la compliance rispetto agli obblighi normativi"
_LEGAL = "Diffondere la cultura della legalità sul territorio"
_BENESSERE = "Diffusione monitoraggio benessere organizzativo"

# The 54 rows of the cruscotto di ente (3.2), in printed order.
INDICATORI = [
    # --- Linea A / A / A.3.4 (weights 50+20+20+10)
    _indicator("IND-A34-1", "A.3.4", "PIRA", _RES_TERR,
               "Risorse dedicate al sostegno valorizzazione del territorio prenotate (Linea strategica A)/Risorse "
               "dedicate al sostegno della valorizzazione del territorio stanziate (linea strategica A)",
               "", "99,61%", "68,28%", "50%", "90%", "90%", "90%",
               "Indicatore di efficacia della spesa", "Percentuale", "Oracle/Con2", pira="011/005"),
    _indicator("IND-A34-2", "A.3.4", "PIRA", _RES_TERR,
               "Risorse complessive rendicontate sul PROGETTO TURISMO/Risorse complessive destinate al PROGETTO "
               "TURISMO",
               "", "100%", "100%", "20%", "100%", "100%", "100%",
               "Indicatore di risultato", "Percentuale", "Kronos", pira="011/005"),
    _indicator("IND-A34-3", "A.3.4", "", _MAGG,
               "Rispetto degli obiettivi/indicatori definiti nella programmazione nazionale 2020/2022 Progetto "
               "TURISMO",
               "", "-", "98%", "20%", "100%", "100%", "100%",
               "Indicatore di risultato", "rapporto", "Kronos"),
    _indicator("IND-A34-4", "A.3.4", "", "Realizzazione di iniziative in compartecipazione a enti e soggetti "
               "istituzionali del territorio",
               "N. protocolli e accordi con enti/soggetti istituzionali per la gestione di progetti/iniziativa per "
               "il rilancio del territorio",
               "", "-", "11,00", "10%", "7", "", "",
               "Indicatore di risultato", "rapporto", _BSC),
    # --- Linea B / B1 / B.1.4 (weights 40+10+30+5+10+5)
    _indicator("IND-B14-1", "B.1.4", "", _RES_COMP,
               "Risorse dedicate al sostegno della competitività del territorio prenotate/Risorse dedicate al "
               "sostegno della competitività del territorio stanziate",
               "", "80,61%", "98,00%", "40%", "90%", "90%", "90%",
               "Indicatore di efficacia della spesa", "Percentuale", "Oracle/Con2"),
    _indicator("IND-B14-2", "B.1.4", "PIRA", _RES_COMP,
               "Risorse complessive rendicontate sul PROGETTO NAZIONALE PUNTO IMPRESA DIGITALE/Risorse "
               "complessive destinate al PROGETTO NAZIONALE PUNTO IMPRESA DIGITALE",
               "", "94,74%", "100,00%", "10%", "100%", "100%", "100%",
               "Indicatore di risultato", "Percentuale", "Kronos", pira="011/005"),
    _indicator("IND-B14-3", "B.1.4", "", _MAGG,
               "Rispetto degli obiettivi/indicatori definiti nella programmazione nazionale 2020/2022 Progetto "
               "PID",
               "", "95,83%", "100,00%", "30%", "100%", "100%", "100%",
               "Indicatore di risultato", "Percentuale", "Kronos"),
    _indicator("IND-B14-4", "B.1.4", "PIRA", "Potenziamento servizio prima consulenza gratuita in materia "
               "brevettuale",
               "N. accessi al servizio consulenziale*1000/N. imprese attive escluse ul al 31,12",
               "", "1,63", "1,57", "5%", "1", "1", "1",
               "Indicatore di risultato", "Percentuale", _BSC, ref="B.1.2", pira="011/005"),
    _indicator("IND-B14-5", "B.1.4", "", "Grado di coinvolgimento delle imprese del tessuto economico locale "
               "alle iniziative di formazione",
               "N. partecipanti ad attività formative svolte all'esterno organizzate dalla Camera di Commercio "
               "nell'anno *1000/N° imprese attive (escluse u.l) al 31.12",
               "", "9", "12", "10%", "7", "7", "7",
               "Indicatore di risultato", "Percentuale", _BSC, ref=_TRASV),
    _indicator("IND-B14-6", "B.1.4", "", "Customer satisfaction - % UTENTI DELLA FORMAZIONE SODDISFATTI "
               "(QUALITA' PERCEPITA)",
               "Sommatoria risposte giudizio positivi (buono+ottimo) espressi dagli utenti relativamente ai corsi "
               "formativi/N risposte totali",
               "", "-", "88%", "5%", "90%", "90%", "90%",
               "Indicatore di risultato", "giudizio", _BSC, ref=_TRASV),
    # --- B2 / B.2.1 (60+10+30)
    _indicator("IND-B21-1", "B.2.1", "PIRA", "Grado di utilizzo delle risorse dedicate all'internazionalizzazione "
               "del territorio",
               "Risorse dedicate all'internazionalizzazione del territorio prenotate/Risorse dedicate "
               "all'internazionalizzazione del territorio stanziare",
               "", "97,97%", "95,00%", "60%", "90%", "90%", "90%",
               "Indicatore di efficacia della spesa", "Percentuale", "Oracle/Con2", pira="016/005"),
    _indicator("IND-B21-2", "B.2.1", "", "Personale dedicato all'internazionalizzazione (In FTE)",
               "N. FTE dedicate al processo di internazionalizzazione",
               "", "2,70%", "2,80%", "10%", "2,80%", "2,80%", "2,80%",
               "Indicatore di utilizzo risorse", "Percentuale", "KRONOS"),
    _indicator("IND-B21-3", "B.2.1", "", "Grado di distribuzione dei contributi diretti a favore delle imprese "
               "previa emanazione di specifici bandi",
               "Numero di imprese beneficiarie di contributi diretti previa emanazione di specifici bandi "
               "(internazionalizzazione)/1.000 imprese attive al 31/12 dell'anno \"n\" (comprese unità locali)",
               "", "-", "3,54", "30%", "3", "3", "3",
               "Indicatore di efficacia", "Percentuale", "Oracle/Con2"),
    # --- B2 / B.2.2 (100)
    _indicator("IND-B22-1", "B.2.2", "", "Livello di realizzazione di iniziative a sostegno "
               "dell'internazionalizzazione organizzate dal sistema camerale",
               "Qualificazione dei servizi di assistenza e informazioni sull'internazionalizzazione (Diffusione "
               "iniziative ICE)",
               "", "100%", "100%", "100%", "100%", "100%", "100%",
               "Indicatore di risultato", "Percentuale", _BSC),
    # --- B3 / B.3.2 (15+15+35+35)
    _indicator("IND-B32-1", "B.3.2", "", "Sviluppo temporale del numero di studenti coinvolti nei percorsi di "
               "alternanza scuola-lavoro",
               "N. studenti coinvolti iniziative scuola lavoro (stage orientamento formazione) anno x",
               "", "2287", "2.280", "15%", "2.000", "2.000", "2.000",
               "Indicatore di risultato", "numero in valore assoluto", _BSC),
    _indicator("IND-B32-2", "B.3.2", "", "Coinvolgimento degli studenti della provincia nelle iniziative camerale",
               "Numero classi provincia di Pistoia coinvolte nei progetti alternanza",
               "", "118", "109", "15%", "100", "100", "100",
               "Indicatore di risultato", "numero in valore assoluto", _BSC),
    _indicator("IND-B32-3", "B.3.2", "PIRA", "Grado di utilizzo delle risorse",
               "Risorse complessive rendicontate sul PROGETTO NAZIONALE ORIENTAMENTO AL LAVORO E ALLE "
               "PROFESSIONI/Risorse complessive destinate al PROGETTO NAZIONALE ORIENTAMENTO AL LAVORO E ALLE "
               "PROFESSIONI",
               "", "100%", "100%", "35%", "100%", "100%", "100%",
               "Indicatore di risultato", "Percentuale", "Kronos", pira="011/005"),
    _indicator("IND-B32-4", "B.3.2", "", _MAGG,
               "Rispetto degli obiettivi/indicatori definiti nella programmazione nazionale 2020/2022 PN "
               "Orientamento al lavoro",
               "", "100%", "100%", "35%", "100%", "100%", "100%",
               "Indicatore di outcome", "Percentuale", "Kronos"),
    # --- Linea E / E / E1 (30+20+50). Target 63% is the "errore materiale" corrected by seed 000.
    _indicator("IND-E1-1", "E1", "PIRA/PARETO", "Misura la % delle imprese che hanno usufruito del servizio "
               "camerale di mediazione e conciliazione",
               "Numero di mediazioni/conciliazioni/Numero imprese attive al 31/12",
               "0,52%", "0,75%", "66,64%", "30%", "63%", "63%", "63%",
               "indicatore di Efficacia", "Percentuale", "Conciliaflow/Osservatori", pira="012/004"),
    _indicator("IND-E1-2", "E1", "PIRA", "Livello di qualità delle conciliazioni gestite",
               "N° procedure concluse con esito positivo/Totale procedure concluse",
               "", "54%", "54%", "20%", "50%", "50%", "50%",
               "indicatore di Efficacia", "Percentuale", "Concilia flow", pira="012/004"),
    _indicator("IND-E1-3", "E1", "", _LEGAL, "Istituzione OCRI",
               "", "-", "-", "50%", "15/08/2020", "", "",
               "Indicatore di Risultato", "data", _BSC),
    # --- E / E2 (100)
    _indicator("IND-E2-1", "E2", "PIRA", _LEGAL, "Realizzazione di iniziative per la diffusione della legalità",
               "", "2", "3", "100%", "1", "1", "1",
               "Indicatore di risultato", "numero in valore assoluto", _BSC, pira="012/004"),
    # --- Linea I / I.2 / I.2.1 (20+15+15+15+15+20)
    _indicator("IND-I21-1", "I.2.1", "PIRA/PARETO", "Incidenza oneri di personale sugli oneri corrent",
               "Costo del personale/Oneri Correnti al netto del fondo svalut. Crediti da DA",
               "39,79", "45,08", _ND, "20%", "42%", "41%", "40%",
               "SALUTE ECONOMICA", "Percentuale", _PC, ref="I.2", direction="decrescente", pira="032/003"),
    _indicator("IND-I21-2", "I.2.1", "PARETO", "Incidenza oneri di funzionamento, ammortamenti e accantonamenti "
               "sugli Oneri correnti",
               "Oneri di funzionamento + Ammortamenti e accantonamenti al netto del fondo svalutazione crediti da "
               "DA /Oneri correnti al netto del fondo svalutazione crediti da DA",
               "35,4", "29,02", _ND, "15%", "32%", "32%", "32%",
               "STRUTTURA", "Percentuale", _PC, ref="I.2", direction="decrescente"),
    _indicator("IND-I21-3", "I.2.1", "PARETO", "Costi di personale e funzionamento per impresa",
               "(Oneri del personale + Oneri di funzionamento)/1.000 imprese attive al 31/12",
               "117.762,00", "117.308,00", _ND, "15%", "120", "115", "120",
               "EFFICIENZA", "Valore", _PC, ref="I.2", direction="decrescente"),
    _indicator("IND-I21-4", "I.2.1", "PIRA/PARETO", "Equilibrio economico della gestione corrente",
               "Oneri correnti/Proventi correnti",
               "106,63", "104,53", _ND, "15%", "107", "107", "106",
               "STRUTTURA", "rapporto", _PC, ref="I.2", direction="decrescente", pira="032/003"),
    _indicator("IND-I21-5", "I.2.1", "PIRA/PARETO", "Incidenza dei costi di struttura rispetto ai Proventi "
               "correnti (indicatore pareto)",
               "Oneri correnti - Interventi economici /Proventi correnti",
               "88,03", "83,03", _ND, "15%", "85%", "85%", "85%",
               "EFFICIENZA - EC04", "rapporto", _PC, ref="I.2", direction="decrescente", pira="032/003"),
    _indicator("IND-I21-6", "I.2.1", "PARETO", "Incidenza Interventi economici sugli Oneri correnti",
               "Interventi economici/Oneri correnti al netto del F sval cred DA",
               "21,89", "25,9", _ND, "20%", "21%", "21%", "21%",
               "EFFICACIA", "rapporto", _PC, ref="I.2"),
    # --- I.3 / I.3.1 (40+40+20)
    _indicator("IND-I31-1", "I.3.1", "", "Capacità di generare proventi",
               "Proventi correnti - Proventi da diritto annuale - Proventi da Diritti di segreteria - Proventi da "
               "Fondo perequativo/Proventi correnti (al netto del fondo svalutazione crediti da D.A)",
               "12,23%", "14,17%", "in attesa di consuntivo", "40%", "12%", "12%", "12%",
               "EFFICACIA", "Percentuale", _PC, ref="I.3"),
    _indicator("IND-I31-2", "I.3.1", "", "Percentuale di incasso del Diritto annuale",
               "Totale Diritto Annuale incassato entro il 31/12 al netto di interessi e delle sanzioni /Diritto "
               "Annuale al netto di interessi e delle sanzioni",
               "63,47", "66,63", "in attesa di consuntivo", "40%", "67%", "67%", "67%",
               "EFFICACIA", "Percentuale", _PC, ref="I.3"),
    _indicator("IND-I31-3", "I.3.1", "", "Massimizzare utilizzo fondi disponibili sui progetti di sistema",
               "Fondi utilizzati e rendicontati su progetti di sistema (FPN e aumento da)/Fondi stanziati e "
               "rendicontati su progetti di sistema (FPN e aumento da)",
               "-", "-", "27,47%", "20,00%", "100%", "", "",
               "EFFICACIA", "Percentuale", _PC, ref="I.3"),
    # --- Linea D / D / D1 (60+40)
    _indicator("IND-D1-1", "D1", "PROG.INTEGR.FONDO", "Implementazione nuovi programmi informatici d'impatto "
               "trasversale (PROGETTO TRASVERSALE)",
               "Implementazione nuovo protocollo informatico e nuovo sistema contabile (Nuovo titolario e Cont2)",
               "-", "-", "mancata implementazione in attesa accorpamento", "60%", "31/12/2020", "", "",
               "", "data", _BSC),
    # the "1" after "(servizio al pubblico)" is printed so (a footnote mark?)
    _indicator("IND-D1-2", "D1", "PROG.INTEGR.FONDO", "Mantenimento rete sportelli PUNTO IMPRESA (servizio al "
               "pubblico) 1 (PROGETTO TRASVERSALE)",
               "Sportelli punto impresa: N. sportelli al pubblico anno x/Numero sportelli al pubblico anno x-1",
               "-", "-", "1", "40%", "1", "1", "1",
               "", "Percentuale", _BSC),
    # --- D / D2 (25 x 4)
    _indicator("IND-D2-1", "D2", "PIRA/PARETO", "Tempo medio di lavorazione delle pratiche telematiche "
               "(INDICATORE PARETO)",
               "Tempo medio di lavorazione delle pratiche telematiche Registro Imprese",
               "4,35", "2,2", "2", "25%", "3", "3", "3",
               "Indicatore di qualità erogata", "giorni", "Priamo", direction="decrescente", pira="012/004"),
    _indicator("IND-D2-2", "D2", "PIRA/PARETO", "Tempo medio di lavorazione delle pratiche telematiche",
               "Percentuale di pratiche telematiche evase entro 5 giorni",
               "85,93", "98,4", "98%", "25%", "95%", "95%", "95%",
               "Indicatore di qualità erogata", "Percentuale", "Priamo", pira="012/004"),
    _indicator("IND-D2-3", "D2", "PIRA/PARETO", "Tempestività di pagamento delle fatture passive",
               "Indicatore tempi di pagamento fatture (D.P.C.M. 22/9/2014)",
               "-8,69", "-15,9", "-15,61", "25%", "-15", "-16", "-17",
               "Indicatore di qualità erogata", "giorni", "Oracle/Con2", direction="decrescente", pira="032/003"),
    _indicator("IND-D2-4", "D2", "PROG.INTEGR.FONDO", "Mantenimento rispetto tempi di conclusione dei "
               "procedimenti di rilevanza esterna (PROGETTO TRASVERSALE)",
               "N° procedimenti monitorati e conclusi entro il termine massimo/N° procedimenti monitorati",
               "-", "98,80%", "99%", "25%", "100%", "100%", "100%",
               "Indicatore di qualità erogata", "Percentuale", _BSC),
    # --- Linea G / G / G.1 (50+50), printed code "G1"
    _indicator("IND-G1-1", "G.1", "", _STAKE, "Implementazione nuovo CRM",
               "-", "-", "-", "50%", "31/12/2020", "", "",
               "Indicatore di risultato", "data", _BSC, ref="G1"),
    _indicator("IND-G1-2", "G.1", "", _STAKE, "Adeguamento sito camerale alle linee guida Agid in tema di "
               "accessibilità",
               "-", "-", "-", "50%", "23/09/2020", "", "",
               "Indicatore di risultato", "data", _BSC, ref="G1"),
    # --- G / G.2 (25+50+25), printed code "G.2."
    _indicator("IND-G2-1", "G.2", "", _COMPLIANCE, "Formazione obbligatoria per dipendenti (anticorruzione)",
               "-", "-", "3", "25%", ">3 ore", ">3 ore", ">3 ore",
               "Indicatore di risultato", "data", _BSC, ref="G.2."),
    _indicator("IND-G2-2", "G.2", "", _COMPLIANCE,
               "Somma punteggi assegnati ad ogni singola cella griglia rilevazione OIV (di cui delibera ANAC "
               "141/2019)/Somma punteggi massimi conseguibili per ciascuna cella (Indic 4.2 FP Circ 30.12.2019)",
               "-", "93,33%", "valore non ancora disponibile", "50%", "90%", "90%", "90%",
               "Indicatore di risultato", "Percentuale", _BSC, ref="G.2."),
    _indicator("IND-G2-3", "G.2", "", _STAKE, "Giornata della trasparenza e della legalità",
               "-", "26/09/2018", "09/10/2019", "25%", "30/11/2020", "30/11/2021", "30/11/2022",
               "Indicatore di risultato", "data finale", _BSC, ref="G.2."),
    # --- Linea H / H1 (100; no printed "Peso" header, the row prints 100%)
    _indicator("IND-H1-1", "H1", "PROG.INTEGR.FONDO", "Riorganizzazione struttura e servizi a seguito della "
               "riforma del sistema camerale",
               "Progetto accorpamento con CCIAA Prato (adeguamento organizzativo)",
               "-", "50%", "nd", "100%", "timing (pag. 31-32 Piano Performance)", "", "",
               "Indicatore di risultato", "Percentuale", _BSC),
    # --- H2 (20 x 5)
    _indicator("IND-H2-1", "H2", "PIRA", "Grado di utilizzo delle risorse previste per interventi promozionali",
               "Costo degli Interventi Economici/Interventi Economici previsti a budget (assestato)",
               "", "", "87%", "20%", "95%", "95%", "95%",
               "EFFICACIA", "Percentuale", "Oracle/Con2", pira="011/005"),
    _indicator("IND-H2-2", "H2", "PARETO", "Grado di distribuzione dei contributi diretti a favore delle imprese "
               "previa emanazione di specifici bandi",
               "Numero di imprese beneficiarie di contributi diretti/1.000 imprese attive al 31/12 dell'anno \"n\" "
               "(comprese unità locali)",
               "4,75", "8,1", "10%", "20%", "7", "7", "7",
               "EFFICACIA", "rapporto", "Oracle/Con2"),
    _indicator("IND-H2-3", "H2", "PIRA/PARETO", "Interventi economici di promozione per impresa attiva",
               "Interventi economici di promozione /Numero imprese attive al 31/12",
               "32,56", "43,82", "44", "20%", "43", "43", "43",
               "EFFICACIA", "rapporto", _BSC, pira="011/005"),
    _indicator("IND-H2-4", "H2", "PARETO", "Grado di restituzione delle risorse al territorio in interventi di "
               "promozione",
               "(Interventi economici + Totale costi della funzione istituzionale D/Diritto annuale al netto del "
               "fondo svalutazione crediti da D.A)",
               "64,13%", "73,97%", _ND, "20%", "75%", "75%", "75%",
               "EFFICACIA", "Percentuale", "Oracle/Con2"),
    _indicator("IND-H2-5", "H2", "", "Livello di ricchezza distribuita al territorio",
               "Costi per interventi economici/proventi correnti",
               "-", "21,60%", _ND, "20%", "20%", "20%", "20%",
               "EFFICACIA", "Percentuale", "Oracle/Con2"),
    # --- H3 (20+20+15+20+10+15)
    _indicator("IND-H3-1", "H3", "PARETO", "Grado di copertura delle attività formative per il personale",
               "N. di dipendenti che hanno seguito almeno un'attività formativa nell'anno /Totale personale "
               "dipendente (TI+TD)",
               "48,71", "77,27", _DND, "20%", "77%", "77%", "77%",
               "indicatori DFP", "rapporto", "Sipert"),
    _indicator("IND-H3-2", "H3", "PARETO", "Numero di ore di formazione medio per il personale",
               "Ore di formazione erogate /Totale personale dipendente (TI+TD)",
               "7,65", "15,18", _DND, "20%", "15", "15", "15",
               "indicatori DFP", "numero in valore assoluto", "Sipert"),
    _indicator("IND-H3-3", "H3", "PIRA/PARETO", "Contenziosi pendenti relativi al personale in cui "
               "l'amministrazione è stata chiamata in causa",
               "Numero di contenziosi giudiziari/ extragiudiziali aperti al 01.01 dell'anno \"n\" relativi al "
               "personale in attività a tale data /Unità di personale dipendente (TI+TD)",
               "0,88", "0", "0", "15%", "0", "0", "0",
               "indicatori DFP", "rapporto", _BSC, direction="decrescente", pira="032/003"),
    _indicator("IND-H3-4", "H3", "PIRA/PARETO", "Giorni medi di presenza al lavoro",
               "N. medio di giornate di presenza dei dipendenti /N. di giornate lavorative",
               "77,88%", "76,92%", _DND, "20%", "77", "77", "77",
               "indicatori DFP", "Percentuale", "Sipert", pira="032/003"),
    _indicator("IND-H3-5", "H3", "", _BENESSERE, "Somministrazione indagini sul benessere organizzativo interno",
               "-", "-", "10/12/2019", "10%", "entro 31/12/2020", "entro 31/12/2021", "entro 31/12/2022",
               "indicatore di risultato", "data", _BSC),
    # name cell empty in the seed (merged with the row above): repeated
    _indicator("IND-H3-6", "H3", "", _BENESSERE,
               "Punteggio medio di sintesi area analisi benessere organizzativo (escluso ambito di valutazione "
               "\"Importanza degli ambiti indagine\") anno x/Punteggio medio di sintesi area analisi benessere "
               "organizzativo (escluso ambito di valutazione \"Importanza degli ambiti indagine\") anno x-1",
               "-", "1", _DND, "15%", "1", "1", "1",
               "indicatore di risultato", "rapporto", _BSC),
]


def _card(perspective: str, objective: str, indicator: str, weight: str, target: str, ref: str,
          objective_weight: str, action: str = "") -> dict:
    row = {"Prospettiva": perspective, "Obiettivo": objective, "Peso obiettivo": objective_weight,
           "Azione": action, "Indicatore": indicator, "Peso": weight, "Target": target, "Riferimento": ref}
    return {key: value for key, value in row.items() if value != ""}


# Section 4. Where a row prints one text only (shifted cells), it is taken as the indicator.
# The PROCESSI INTERNI header prints "Target 2019" (sic). Weights as printed: G sums to 95% and H1 to 70%
# (its first row, the heading "Progetto di accorpamento con la CCIAA di Prato", prints no weight nor target).
# Riferimento: the numbers printed at the left; the second G row prints only "3", the third nothing.
SCHEDA_SEGRETARIO = [
    _card("TEL", "E", "Istituzione OCRI", "100%", "15/08/2020", "E2 3 56", "30%",
          "Diffondere la cultura della legalità"),
    _card("PI", "G", "Realizzazione della Giornata della trasparenza e dell'integrità", "10%", "30/11/2020",
          "G2 1 38", "30%", "Garantire la compliance rispetto agli obblighi di trasparenza e anticorruzione"),
    _card("PI", "G", "Misure organizzative in tema di trasparenza: monitoraggi periodici", "10%", "2", "3", "30%"),
    _card("PI", "G", "Sistema prevenzione corruzione: relazione responsabile", "10%",
          "15/12/2020 salvo diverso termine stabilito dall'ANAC", "", "30%"),
    _card("PI", "G", "Adeguamento disciplina tutela whistleblower e codice comportamento", "15%",
          "Entro 60gg dalla data entrata in vigore linee guida ANAC", "G2 4 53", "30%"),
    _card("PI", "G", "Individuazione rapporti aventi maggior valore economico", "10%", "15%", "G2 5", "30%"),
    _card("PI", "G", "Partecipate: vigilanza sull'adozione di misure prevenzione della corruzione e della "
          "trasparenza", "10%", "31/12/2020", "G2 6", "30%"),
    _card("PI", "G", "Monitoraggi effettuati sui tempi dei procedimenti", "5%", "2", "G2 7", "30%",
          "Miglioramento in termini di accountability"),
    _card("PI", "G", "Customer satisfaction", "15%", "31/12/2020", "G2 8 41", "30%",
          "Miglioramento in termini di accountability"),
    _card("PI", "G", "Predisposizione aggiornamento del PTPCT per la consultazione", "10%", "31/12/2020",
          "G2 9 42", "30%", "Sviluppo qualitativo e quantitativo delle relazioni con gli stakeholder"),
    _card("ICA", "H1", "Progetto di accorpamento con la CCIAA di Prato", "", "", "H1 1 52", "40%",
          "Riorganizzazione struttura e servizi a seguito della riforma del sistema camerale"),
    _card("ICA", "H1", "numero incontri di coordinamento al mese (n. 2)", "30%", "2", "H1 2 52", "40%"),
    _card("ICA", "H1", "assegnazione obiettivi operativi ai servizi", "20%", "28/02/2020", "H1 3 52", "40%"),
    _card("ICA", "H1", "selezione OIV", "20%", "entro data accorpamento", "", "40%"),
]

# DOMAIN.md's table (DM MEF 27/3/2013; MISE note 9/6/2015). Centri di responsabilità are not in 002.
MISSIONI = [
    {"Codice": "011", "Denominazione": "Competitività e sviluppo delle imprese"},
    {"Codice": "012", "Denominazione": "Regolazione dei mercati"},
    {"Codice": "016", "Denominazione": "Commercio internazionale ed internazionalizzazione del sistema produttivo"},
    {"Codice": "032", "Denominazione": "Servizi istituzionali e generali delle amministrazioni pubbliche"},
    {"Codice": "033", "Denominazione": "Fondi da ripartire"},
]

PROGRAMMI = [
    {"Missione": "011", "Codice": "005", "Denominazione": "Promozione e attuazione di politiche di sviluppo, "
     "competitività ed innovazione, di responsabilità sociale d'impresa e movimento cooperativo"},
    {"Missione": "012", "Codice": "004", "Denominazione": "Vigilanza sui mercati e sui prodotti, promozione della "
     "concorrenza e tutela dei consumatori"},
    {"Missione": "016", "Codice": "005", "Denominazione": "Sostegno all'internazionalizzazione delle imprese e "
     "promozione del made in Italy"},
    {"Missione": "032", "Codice": "002", "Denominazione": "Indirizzo politico"},
    {"Missione": "032", "Codice": "003", "Denominazione": "Servizi e affari generali per le amministrazioni di "
     "competenza"},
    {"Missione": "033", "Codice": "001", "Denominazione": "Fondi da assegnare"},
    {"Missione": "033", "Codice": "002", "Denominazione": "Fondi di riserva e speciali"},
]
