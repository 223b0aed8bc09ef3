"""CCIAA Pistoia, Piano 2020-2022 as revised (seeds 002 and 000) with ILLUSTRATIVE year-end values for the Relazione.

The plan, the revisions of G.C. n. 63/2020 and the 30/06/2020 measurements come from _pistoia. Everything
this module adds is invented for the example and is marked so in the workbook (Piano: Illustrativo "si",
"Nota sui dati") and in the document (each section of the Relazione carries a note): no Relazione sulla
Performance 2020 of the chamber is among the seeds.

- ``CONSUNTIVO``: a value at 31/12/2020 for every indicator of the cruscotto di ente still in force (the one
  eliminated by the revision, IND-B21-3, has none). Values are plausible against the targets in force at the
  year end (the revised ones where G.C. n. 63/2020 changed them) and against the indicators' history: most
  reach the target, five miss it (with a note explaining why, as the Relazione asks), the free-text target of
  H1 carries a manual achievement with its note, and IND-H3-6 is left without a value (n.d.).
- The Segretario generale's card (section 4 of 002) names the strategic objectives E, G and H1: their
  achievement comes from these values; of its rows only "Istituzione OCRI" is an indicator of the cruscotto
  (IND-E1-3).
- ``SEZIONI`` / ``TESTI``: short narrative sections of the Relazione, in the outline of the Funzione Pubblica
  guidelines n. 3/2018 (Presentazione; 1-5). The generated parts (results, map, chart, tables) are placed by
  the document's default order, so no 'generato' block is written here.
"""

from __future__ import annotations

from ._pistoia import assemble

OUTPUT = "cciaa_pistoia_2020_consuntivo.xlsx"
YEARS = [2018, 2019, 2020, 2021, 2022]
DATE = "31/12/2020"
DOCUMENT = "relazione-performance"
ILLUSTRATIVE = "Testo illustrativo, scritto per l'esempio: non tratto da documenti pubblicati dalla Camera."


def _value(indicator: str, value: str, note: str = "", manual: str = "") -> dict:
    row = {"Indicatore": indicator, "Data": DATE, "Valore": value}
    if manual:
        row["Raggiungimento manuale"] = manual
    if note:
        row["Note"] = note
    return row


# fmt: off
CONSUNTIVO = [
    # A.3.4
    _value("IND-A34-1", "70,50%", "Iniziative di promozione turistica annullate o rinviate per l'emergenza "
           "sanitaria: parte delle risorse stanziate non è stata prenotata (motivazione illustrativa)."),
    _value("IND-A34-2", "100%"),
    _value("IND-A34-3", "95%"),
    _value("IND-A34-4", "8"),
    # B.1.4
    _value("IND-B14-1", "91,20%"),
    _value("IND-B14-2", "100%"),
    _value("IND-B14-3", "100%"),
    _value("IND-B14-4", "1,21"),
    _value("IND-B14-5", "5,4", "Corsi in presenza sospesi da marzo 2020; i corsi in modalità telematica "
           "hanno raggiunto un numero minore di imprese (motivazione illustrativa)."),
    _value("IND-B14-6", "92%"),
    # B.2.1 (IND-B21-3 eliminated by G.C. n. 63/2020: no value)
    _value("IND-B21-1", "88,50%"),
    _value("IND-B21-2", "1,90%", "Uscita di due unità di personale e spostamento di una unità sulla linea "
           "credito, come previsto nella revisione (motivazione illustrativa)."),
    # B.2.2
    _value("IND-B22-1", "100%"),
    # B.3.2 (targets of IND-B32-1 and IND-B32-2 revised to 700 and 40)
    _value("IND-B32-1", "812"),
    _value("IND-B32-2", "46"),
    _value("IND-B32-3", "100%"),
    _value("IND-B32-4", "4 su 5", "4 azioni su 5 a target."),
    _value("IND-B32-5", "3"),
    _value("IND-B32-6", "1"),
    # C (objective inserted by the revision)
    _value("IND-C-1", "12,4"),
    # E1 (target of IND-E1-1 revised to 0,35%), E2
    _value("IND-E1-1", "0,31%"),
    _value("IND-E1-2", "47%"),
    _value("IND-E1-3", "no", "OCRI non istituito: l'entrata in vigore del Codice della crisi d'impresa è stata "
           "differita al 1° settembre 2021 dal D.L. 23/2020 (motivazione illustrativa)."),
    _value("IND-E2-1", "2"),
    # I.2.1 (lower is better for the first five), I.3.1
    _value("IND-I21-1", "44,10%"),
    _value("IND-I21-2", "30,50%"),
    _value("IND-I21-3", "118,4"),
    _value("IND-I21-4", "104,9"),
    _value("IND-I21-5", "83,50%"),
    _value("IND-I21-6", "22,40%"),
    _value("IND-I31-1", "9,10%", "Minori proventi da servizi per la sospensione delle attività in presenza "
           "(motivazione illustrativa)."),
    _value("IND-I31-2", "68,20%"),
    _value("IND-I31-3", "100%"),
    # D1, D2
    _value("IND-D1-1", "21/12/2020"),
    _value("IND-D1-2", "1"),
    _value("IND-D2-1", "2,6"),
    _value("IND-D2-2", "97,10%"),
    _value("IND-D2-3", "-17,32"),
    _value("IND-D2-4", "99,40%"),
    # G.1, G.2
    _value("IND-G1-1", "15/12/2020"),
    _value("IND-G1-2", "23/09/2020"),
    _value("IND-G2-1", "4"),
    _value("IND-G2-2", "93,50%"),
    _value("IND-G2-3", "27/11/2020"),
    # H1: free-text target ("timing (pag. 31-32 Piano Performance)"), assessed by hand
    _value("IND-H1-1", "5 fasi su 7 del timing", "Accorpamento con la CCIAA di Prato non perfezionato nel 2020: "
           "realizzate le fasi preparatorie del timing, non avviata la nuova Camera (valutazione illustrativa).",
           manual="60%"),
    # H2, H3
    _value("IND-H2-1", "91%"),
    _value("IND-H2-2", "9,8"),
    _value("IND-H2-3", "41,2"),
    _value("IND-H2-4", "71,30%"),
    _value("IND-H2-5", "23,10%"),
    _value("IND-H3-1", "84,60%"),
    _value("IND-H3-2", "18,4"),
    _value("IND-H3-3", "0"),
    _value("IND-H3-4", "71,50%"),
    _value("IND-H3-5", "18/12/2020"),
    _value("IND-H3-6", "n.d.", "Indagine sul benessere organizzativo somministrata a dicembre 2020: il punteggio "
           "di sintesi non era ancora elaborato al 31/12/2020 (motivazione illustrativa)."),
]

_SECTIONS = [
    ("rel-presentazione", "", "PRESENTAZIONE", 1),
    ("rel-1", "1.", "SINTESI DEI PRINCIPALI RISULTATI", 1),
    ("rel-2", "2.", "ANALISI DEL CONTESTO E DELLE RISORSE", 1),
    ("rel-3", "3.", "MISURAZIONE E VALUTAZIONE DELLA PERFORMANCE ORGANIZZATIVA", 1),
    ("rel-4", "4.", "MISURAZIONE E VALUTAZIONE DEGLI OBIETTIVI INDIVIDUALI", 1),
    ("rel-5", "5.", "PROCESSO DI REDAZIONE DELLA RELAZIONE", 1),
]

_BLOCKS = [
    ("rel-presentazione", "nota", "**Documento illustrativo.** I valori a consuntivo 2020 e i testi di questa "
     "Relazione sono stati scritti per l'esempio di pianodocs: non sono stati pubblicati dalla Camera di "
     "Commercio di Pistoia. Il piano, i target e la revisione sono invece quelli dei documenti di origine."),
    ("rel-presentazione", "paragrafo", "La Relazione sulla Performance, prevista dall'art. 10, comma 1, lettera "
     "b), del D.Lgs. 150/2009, illustra i risultati organizzativi e individuali raggiunti nel 2020 rispetto agli "
     "obiettivi programmati nel Piano della Performance 2020-2022, come rivisto con deliberazione della Giunta "
     "n. 63 del 9 settembre 2020, e gli scostamenti rilevati."),
    ("rel-presentazione", "paragrafo", "Il 2020 è stato segnato dall'emergenza sanitaria, che ha imposto la "
     "revisione di alcuni obiettivi e la riorganizzazione dei servizi in modalità telematica, e dal processo di "
     "accorpamento con la Camera di Commercio di Prato, che ha orientato le attività di carattere organizzativo."),
    ("rel-1", "paragrafo", "Il capitolo riporta la percentuale sintetica di realizzazione della performance "
     "di Ente, il numero degli obiettivi raggiunti e non raggiunti, la mappa strategica colorata secondo la "
     "soglia di raggiungimento del Sistema di Misurazione e Valutazione della Performance e il grado di "
     "realizzazione di ciascuna prospettiva e linea strategica."),
    ("rel-1", "nota", ILLUSTRATIVE),
    ("rel-2", "paragrafo", "Nel 2020 le restrizioni legate all'emergenza sanitaria hanno ridotto le occasioni "
     "di promozione in presenza (fiere, eventi, corsi) e spostato sui canali telematici gran parte dei servizi "
     "alle imprese. Le risorse destinate alla promozione sono state in parte riorientate al sostegno finanziario "
     "delle imprese, con l'inserimento nel cruscotto di ente dell'obiettivo sul credito (linea C)."),
    ("rel-2", "paragrafo", "Sul fronte delle risorse umane, l'uscita di personale dal servizio "
     "internazionalizzazione e lo spostamento di una unità sulla linea credito hanno ridotto le risorse dedicate "
     "all'estero, come già previsto in sede di revisione del Piano."),
    ("rel-2", "nota", ILLUSTRATIVE),
    ("rel-3", "paragrafo", "Per ogni indicatore del cruscotto di ente è riportato il valore a consuntivo al "
     "31/12/2020, confrontato con il target 2020 in vigore a fine anno (quello rivisto, dove la Giunta lo ha "
     "modificato), con il grado di raggiungimento e la regola di calcolo applicata. Seguono gli indicatori che "
     "non è stato possibile valutare e gli scostamenti sotto la soglia, con la loro motivazione."),
    ("rel-3", "nota", ILLUSTRATIVE),
    ("rel-4", "paragrafo", "La valutazione individuale del Segretario generale si basa sulla scheda di "
     "assegnazione degli obiettivi contenuta nel Piano della Performance 2020-2022: ogni obiettivo della scheda "
     "è valutato con il grado di realizzazione dello stesso obiettivo nel cruscotto di ente."),
    ("rel-4", "nota", ILLUSTRATIVE),
    ("rel-5", "paragrafo", "La Relazione è stata predisposta dall'ufficio controllo di gestione sulla base dei "
     "dati a consuntivo forniti dai servizi e delle rilevazioni dei sistemi gestionali indicati come fonte di "
     "ciascun indicatore. Il documento è sottoposto all'approvazione della Giunta e alla validazione "
     "dell'Organismo Indipendente di Valutazione, ai sensi dell'art. 14, comma 4, lettera c), del "
     "D.Lgs. 150/2009, entro il 30 giugno 2021."),
    ("rel-5", "elenco", "raccolta dei valori a consuntivo presso i servizi (gennaio-febbraio);\n"
     "calcolo del grado di raggiungimento con le regole del Sistema di Misurazione e Valutazione;\n"
     "raccolta delle motivazioni degli scostamenti;\n"
     "approvazione della Giunta e validazione dell'OIV."),
    ("rel-5", "nota", ILLUSTRATIVE),
]
# fmt: on

SEZIONI = [
    {"Chiave": key, "Numero": number, "Titolo": title, "Livello": level, "Nel sommario": "si", "Documento": DOCUMENT}
    for key, number, title, level in _SECTIONS
]
TESTI = [{"Sezione": section, "Tipo": kind, "Contenuto": content} for section, kind, content in _BLOCKS]


def _data() -> dict:
    data = assemble(include_revision=True)
    data["Piano"].update(
        {
            "Tipo": "relazione-performance",
            "Titolo": "Relazione sulla Performance 2020",
            "Data di monitoraggio": DATE,
            "Illustrativo": "si",
            "Nota sui dati": "Valori a consuntivo 2020 illustrativi: non pubblicati nei documenti di origine",
        }
    )
    data["Misurazioni"] = data.get("Misurazioni", []) + CONSUNTIVO
    data["Sezioni"] = data.get("Sezioni", []) + SEZIONI
    data["Testi"] = data.get("Testi", []) + TESTI
    return data


DATA = _data()
