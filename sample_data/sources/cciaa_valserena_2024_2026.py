"""An INVENTED chamber, "Camera di Commercio di Valserena e Monti Alti", Piano della Performance 2024-2026.

Nothing here comes from a published document: the chamber, its people, places, projects, amounts and texts
are invented for testing and demonstration, and the workbook says so (Piano: Illustrativo "si", Nota sui dati).
Only the state-budget classification (Missioni, Programmi) is the standard one of DOMAIN.md.

Unlike the other samples, which transcribe the seeds as text, this workbook is typed the way Excel stores what a
person types: it starts from the blank workbook of ``pianodocs init`` (``write_blank_workbook``) and openpyxl
fills its cells with
- weights and percentages as numbers with a percent format (0.4 formatted ``0%``, never the text "40%"), in
  every sheet, Revisioni included;
- dates as datetimes with a date format; amounts as numbers formatted ``#,##0.00``;
- mission and programme codes as the integers Excel keeps when they are typed without an apostrophe (11, 5);
- targets Excel keeps as text as text (">=80%", "entro il 30/11/2024", "si"), and the target typed ``=1`` as
  the formula Excel makes of it, with its cached value 1 (openpyxl cannot write a cached value: ``build`` adds
  it to the saved sheet XML).
These are the values a person leaves in General-formatted cells (or by pasting values from another workbook):
a value without a format of its own keeps the number format the blank workbook gave its cell.

The tree: four perspectives; five lines (L2 not declined, with its note); eleven strategic objectives (S33 has
its own perspective, CRE, different from its line's, PRO); twenty operational objectives in three areas
(three of them only in the cascading sheets); 45 indicators with every target form of DOMAIN.md. The revision
(Giunta n. 71 del 16/09/2024) revises a 2024 target (85% → 80%) and two weights (40% → 50%, 60% → 30%),
inserts V121-3 (20%) and eliminates V141-3 re-spreading its weight. Measurements at 30/06/2024 and 31/12/2024.

The year-end values are chosen so that everything in the perspectives PRO and CRE (S33 included) reaches its
target: the ente's figure is then the same whether S33 counts under its own perspective or its line's.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import tempfile
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from pianodocs.workbook.template import write_blank_workbook

OUTPUT = "cciaa_valserena_2024_2026.xlsx"
FIRST_YEAR, LAST_YEAR = 2024, 2026
ADOPTION, REVISION = "GV-12-2024", "GV-71-2024"
MID_YEAR, YEAR_END = dt.datetime(2024, 6, 30), dt.datetime(2024, 12, 31)
ILLUSTRATIVE = "Dati e testi inventati per provare e mostrare pianodocs: la Camera di Valserena e Monti Alti non esiste."

DATE_FORMAT = "dd/mm/yyyy"
MONEY_FORMAT = "#,##0.00"


class Typed:
    """A value as Excel stores it, with the number format the cell shows it in."""

    def __init__(self, value: object, number_format: str) -> None:
        self.value = value
        self.number_format = number_format


def pct(fraction: float, number_format: str = "0%") -> Typed:
    """A percentage typed as "40%": Excel keeps 0.4 and a percent format."""
    return Typed(fraction, number_format)


def day(text: str) -> Typed:
    """A date typed as "30/09/2024": Excel keeps a date serial (a datetime for openpyxl) with a date format."""
    return Typed(dt.datetime.strptime(text, "%d/%m/%Y"), DATE_FORMAT)


def euro(amount: float) -> Typed:
    return Typed(float(amount), MONEY_FORMAT)


def decimal(number: float, number_format: str = "0.0") -> Typed:
    return Typed(number, number_format)


FORMULA_ONE = "=1"  # typed =1: Excel makes it a formula whose cached value is 1


# fmt: off
# --- Ente, Piano, Atti, Organi, Strutture -------------------------------------------------------------

ENTE = {
    "Denominazione": "Camera di Commercio di Valserena e Monti Alti",
    "Denominazione breve": "CCIAA di Valserena e Monti Alti",
    "Indirizzo": "Piazza dei Mercanti di Lana 4, Borgo Valserena (ente inventato)",
    "Codice fiscale": "97000000000",
    "Sito web": "https://valserena.example.org",
    "Segretario generale": "dott.ssa Ilaria Fontanive",
    "Presidente": "Ernesto Lanzavecchia",
}

PIANO = {
    "Tipo": "piano-performance",
    "Titolo": "Piano della Performance 2024-2026",
    "Primo anno": FIRST_YEAR,
    "Ultimo anno": LAST_YEAR,
    "Anno di riferimento": 2024,
    "Data di monitoraggio": Typed(MID_YEAR, DATE_FORMAT),
    "Soglia di raggiungimento": pct(0.8),
    "Sottotitolo": "Camera di commercio inventata, per prove e dimostrazioni",
    "Vision": "Una Camera vicina alle imprese delle valli, che semplifica, accompagna e misura i propri risultati.",
    "Illustrativo": "si",
    "Nota sui dati": "Ente, persone, luoghi, progetti, importi e testi sono inventati per provare e mostrare "
    "pianodocs: non descrivono alcuna Camera di Commercio reale.",
}

ATTI = [
    {"Codice": ADOPTION, "Organo": "Giunta", "Numero": 12, "Data": day("30/01/2024"),
     "Oggetto": "Approvazione del Piano della Performance 2024-2026"},
    {"Codice": REVISION, "Organo": "Giunta", "Numero": 71, "Data": day("16/09/2024"),
     "Oggetto": "Aggiornamento del Piano della Performance 2024-2026: target, pesi e indicatori"},
]

ORGANI = [
    {"Organo": "Il Consiglio", "Descrizione": "Diciotto consiglieri espressi dai settori economici delle valli; "
     "approva gli indirizzi pluriennali e il bilancio."},
    {"Organo": "La Giunta", "Descrizione": "Il Presidente e cinque componenti eletti dal Consiglio; adotta il "
     "Piano della Performance e le sue revisioni."},
    {"Organo": "Il Presidente", "Descrizione": "Ernesto Lanzavecchia, rappresentante legale dell'ente."},
    {"Organo": "Il Collegio dei revisori dei conti", "Descrizione": "Tre componenti; vigila sulla regolarità "
     "contabile."},
    {"Organo": "L'Organismo indipendente di valutazione", "Descrizione": "Organo monocratico; valida la "
     "Relazione sulla Performance."},
]

STRUTTURE = [
    {"Codice": "SG", "Denominazione": "Segreteria generale", "Tipo": "staff", "Responsabile": "dott.ssa Ilaria Fontanive"},
    {"Codice": "APS", "Denominazione": "Area Promozione e Sviluppo delle imprese", "Tipo": "area",
     "Responsabile": "dott.ssa Livia Ortensi"},
    {"Codice": "ARM", "Denominazione": "Area Registro e Regolazione del mercato", "Tipo": "area",
     "Responsabile": "dott. Corrado Vallauri"},
    {"Codice": "AGR", "Denominazione": "Area Gestione delle Risorse", "Tipo": "area",
     "Responsabile": "dott.ssa Teodora Zanichelli"},
    {"Codice": "SPI", "Denominazione": "Servizio Promozione e Innovazione", "Tipo": "servizio", "Struttura superiore": "APS"},
    {"Codice": "SET", "Denominazione": "Servizio Estero e Turismo", "Tipo": "servizio", "Struttura superiore": "APS"},
    {"Codice": "SRI", "Denominazione": "Servizio Registro imprese", "Tipo": "servizio", "Struttura superiore": "ARM"},
    {"Codice": "SMV", "Denominazione": "Servizio Metrologia e Vigilanza", "Tipo": "servizio", "Struttura superiore": "ARM"},
    {"Codice": "SCB", "Denominazione": "Servizio Contabilità e Bilancio", "Tipo": "servizio", "Struttura superiore": "AGR"},
    {"Codice": "SPO", "Denominazione": "Servizio Personale e Organizzazione", "Tipo": "servizio", "Struttura superiore": "AGR"},
    {"Codice": "UDA", "Denominazione": "Ufficio Diritto annuale", "Tipo": "ufficio", "Struttura superiore": "SCB"},
]

# --- the tree --------------------------------------------------------------------------------------

PROSPETTIVE = [
    {"Codice": "IMP", "Denominazione": "Imprese e territorio",
     "Descrizione": "Che cosa le imprese delle valli ricevono dalla Camera."},
    {"Codice": "PRO", "Denominazione": "Processi interni", "Descrizione": "Come lavorano gli uffici."},
    {"Codice": "CRE", "Denominazione": "Innovazione, crescita e apprendimento",
     "Descrizione": "Persone, competenze e strumenti dell'ente."},
    {"Codice": "ECO", "Denominazione": "Economico-finanziaria", "Descrizione": "Le risorse e il loro equilibrio."},
]

LINEE = [
    {"Codice": "L1", "Denominazione": "COMPETITIVITA' E APERTURA DELLE IMPRESE DELLE VALLI", "Prospettiva": "IMP",
     "Missione": 11, "Benefici attesi": ["Più imprese di filiera assistite", "Più imprese che vendono all'estero",
                                         "Un'offerta turistica delle valli riconoscibile"]},
    {"Codice": "L2", "Denominazione": "CREDITO E FINANZA PER LE IMPRESE", "Prospettiva": "IMP", "Missione": 11,
     "Benefici attesi": "Accesso più semplice alle garanzie",
     "Nota non declinata": "Nel triennio la linea non è declinata in obiettivi: le garanzie per le imprese delle "
     "valli passano dal fondo consortile, al quale la Camera versa un contributo fisso."},
    {"Codice": "L3", "Denominazione": "SERVIZI RAPIDI E MERCATO REGOLATO", "Prospettiva": "PRO", "Missione": 12,
     "Benefici attesi": ["Pratiche evase in pochi giorni", "Strumenti di misura affidabili"]},
    {"Codice": "L4", "Denominazione": "PERSONE, COMPETENZE E ORGANIZZAZIONE", "Prospettiva": "CRE", "Missione": 32,
     "Benefici attesi": "Personale formato e processi descritti"},
    {"Codice": "L5", "Denominazione": "SOLIDITA' ECONOMICA DELL'ENTE", "Prospettiva": "ECO", "Missione": 32,
     "Benefici attesi": ["Entrate riscosse per tempo", "Fornitori pagati con puntualità"]},
]


def _strategic(code: str, line: str, name: str, **extra: object) -> dict:
    return {"Codice": code, "Linea": line, "Denominazione": name, "Nel cruscotto": "si", **extra}


OBIETTIVI_STRATEGICI = [
    _strategic("S11", "L1", "Rafforzare le filiere agroalimentari e artigiane delle valli"),
    _strategic("S12", "L1", "Accompagnare la transizione digitale delle piccole imprese"),
    _strategic("S13", "L1", "Sostenere i primi passi delle imprese sui mercati esteri"),
    _strategic("S14", "L1", "Fare delle valli una meta turistica riconoscibile",
               Note="La revisione di settembre ha tolto l'indicatore sui visitatori del portale."),
    _strategic("S31", "L3", "Tenere il Registro delle imprese aggiornato e tempestivo"),
    _strategic("S32", "L3", "Garantire misure corrette e un mercato leale"),
    _strategic("S33", "L3", "Portare in digitale i procedimenti interni", Prospettiva="CRE"),
    _strategic("S41", "L4", "Far crescere le competenze del personale"),
    _strategic("S42", "L4", "Descrivere e semplificare i processi dell'ente"),
    _strategic("S51", "L5", "Mantenere l'equilibrio tra proventi e oneri"),
    _strategic("S52", "L5", "Pagare i fornitori con puntualità"),
]


def _operational(code: str, strategic: str, name: str, area: str, structures: str, in_dashboard: str = "si") -> dict:
    return {"Codice": code, "Obiettivo strategico": strategic, "Denominazione": name, "Area": area,
            "Strutture coinvolte": structures, "Nel cruscotto": in_dashboard}


OBIETTIVI_OPERATIVI = [
    _operational("O111", "S11", "Assistenza tecnica alle imprese di filiera", "APS", "Servizio Promozione e Innovazione"),
    _operational("O112", "S11", "Marchio collettivo dei prodotti delle valli", "APS", "Servizio Promozione e Innovazione"),
    _operational("O121", "S12", "Sportello per l'impresa digitale", "APS", "Servizio Promozione e Innovazione"),
    _operational("O122", "S12", "Identità e firme digitali per le imprese", "APS, ARM",
                 "Servizio Promozione e Innovazione, Servizio Registro imprese"),
    _operational("O131", "S13", "Percorso di preparazione all'export", "APS", "Servizio Estero e Turismo"),
    _operational("O132", "S13", "Informazione su mercati e dogane", "APS", "Servizio Estero e Turismo"),
    _operational("O133", "S13", "Sportello export nei comuni di montagna", "APS", "Servizio Estero e Turismo", "no"),
    _operational("O141", "S14", "Itinerari dell'ospitalità di montagna", "APS", "Servizio Estero e Turismo"),
    _operational("O311", "S31", "Evasione rapida delle pratiche telematiche", "ARM", "Servizio Registro imprese"),
    _operational("O312", "S31", "Qualità dei dati del Registro", "ARM", "Servizio Registro imprese"),
    _operational("O313", "S31", "Sportello di conciliazione e arbitrato", "ARM", "Servizio Registro imprese", "no"),
    _operational("O321", "S32", "Controlli sugli strumenti di misura", "ARM", "Servizio Metrologia e Vigilanza"),
    _operational("O331", "S33", "Fascicolo elettronico dei procedimenti", "AGR", "TRASVERSALE"),
    _operational("O411", "S41", "Piano annuale della formazione", "AGR", "Servizio Personale e Organizzazione"),
    _operational("O412", "S41", "Benessere organizzativo e lavoro agile", "AGR", "Servizio Personale e Organizzazione"),
    _operational("O413", "S41", "Accoglienza dei nuovi assunti", "AGR", "Servizio Personale e Organizzazione", "no"),
    _operational("O421", "S42", "Catalogo e mappatura dei processi", "AGR", "Segreteria generale, TRASVERSALE"),
    _operational("O511", "S51", "Riscossione del diritto annuale", "AGR", "Ufficio Diritto annuale"),
    _operational("O512", "S51", "Contenimento degli oneri di funzionamento", "AGR", "Servizio Contabilità e Bilancio"),
    _operational("O521", "S52", "Tempestività dei pagamenti", "AGR", "Servizio Contabilità e Bilancio"),
]


def _indicator(code: str, objective: str, name: str, weight: float, targets: tuple[object, object, object],
               unit: str, **extra: object) -> dict:
    """An indicator row; ``targets`` are those of 2024, 2025 and 2026 as typed; the weight typed as a percentage."""
    row: dict = {"Codice": code, "Obiettivo": objective, "Indicatore": name, "Peso": pct(weight), "Unità di misura": unit}
    row.update({f"Target {year}": target for year, target in zip((2024, 2025, 2026), targets, strict=True)})
    row.setdefault("Cruscotto", "ente")
    row.update(extra)
    return row


_PIRA_11 = {"Missione": 11, "Programma": 5, "Centro di responsabilità": "Area Promozione e Sviluppo delle imprese"}
_PIRA_16 = {"Missione": 16, "Programma": 5, "Centro di responsabilità": "Area Promozione e Sviluppo delle imprese"}
_PIRA_12 = {"Missione": 12, "Programma": 4, "Centro di responsabilità": "Area Registro e Regolazione del mercato"}
_PIRA_32 = {"Missione": 32, "Programma": 3, "Centro di responsabilità": "Area Gestione delle Risorse"}
_PIRA_32_2 = {"Missione": 32, "Programma": 2, "Centro di responsabilità": "Segreteria generale"}

INDICATORI = [
    # S11 / O111: V111-1 misses its target at the year end (480 of 1200: 40%)
    _indicator("V111-1", "O111", "Imprese di filiera assistite dagli sportelli camerali", 0.4, (1200, 1300, 1400),
               "numero in valore assoluto", Flag="PIRA", Algoritmo="Numero di imprese assistite nell'anno",
               **{"Descrizione tecnica": "Conta le imprese che hanno ricevuto almeno una consulenza di filiera "
                  "registrata nel gestionale degli sportelli."},
               **{"Storico 2023": 1010}, Tipologia="Indicatore di risultato", Fonte="Gestionale sportelli",
               Owner="Servizio Promozione e Innovazione", Cruscotto="entrambi", **_PIRA_11),
    _indicator("V111-2", "O111", "Contributi di filiera liquidati entro 60 giorni dalla rendicontazione", 0.6,
               (">=80%", ">=85%", ">=85%"), "Percentuale", Flag="PROG.INTEGR.FONDO",
               Algoritmo="Contributi liquidati entro 60 giorni/Contributi rendicontati",
               Tipologia="Indicatore di efficienza", Fonte="Gestionale contabile", Owner="Servizio Promozione e Innovazione"),
    # O112: the 2024 target of V112-1 is revised from 85% to 80% (percent-typed in Revisioni)
    _indicator("V112-1", "O112", "Quota del budget del marchio collettivo effettivamente impegnata", 0.5,
               (pct(0.85), pct(0.9), pct(0.9)), "Percentuale", Flag="PIRA",
               Algoritmo="Risorse impegnate/Risorse stanziate", **{"Media cluster": pct(0.7812, "0.00%")},
               **{"Storico 2023": pct(0.774, "0.0%")}, Tipologia="Indicatore di efficacia della spesa",
               Fonte="Gestionale contabile", Owner="Servizio Promozione e Innovazione", **_PIRA_11),
    _indicator("V112-2", "O112", "Disciplinare del marchio approvato dalla Giunta", 0.5, (day("30/09/2024"), "-", "-"),
               "data", Tipologia="Indicatore di risultato", Fonte="Delibere di Giunta", Owner="Servizio Promozione e Innovazione"),
    # S12 / O121: weights revised 40% -> 50% and 60% -> 30%; V121-3 inserted (20%) by the revision
    _indicator("V121-1", "O121", "Imprese che hanno compilato l'autovalutazione di maturità digitale", 0.4,
               (">150", ">170", ">190"), "numero in valore assoluto", Flag="PARETO",
               Algoritmo="Numero di autovalutazioni completate", Tipologia="Indicatore di outcome",
               Fonte="Piattaforma di autovalutazione", Owner="Servizio Promozione e Innovazione", Cruscotto="entrambi"),
    _indicator("V121-2", "O121", "Seminari di orientamento digitale realizzati", 0.6, (12, 12, 14),
               "numero in valore assoluto", Tipologia="Indicatore di risultato", Fonte="Rilevazione interna",
               Owner="Servizio Promozione e Innovazione"),
    _indicator("V121-3", "O121", "Voucher digitali liquidati sul totale dei voucher concessi", 0.2,
               (pct(0.9), pct(0.9), pct(0.95)), "Percentuale", Algoritmo="Voucher liquidati/Voucher concessi",
               Tipologia="Indicatore di efficacia", Fonte="Gestionale contabile", Owner="Servizio Promozione e Innovazione",
               Note="Inserito con la revisione di settembre 2024."),
    # O122: a ratio to the previous year (">1") and the target typed =1 (a formula with cached value 1)
    _indicator("V122-1", "O122", "Identità digitali rilasciate: anno x / anno x-1", 0.5, (">1", ">1", ">1"),
               "rapporto", Algoritmo="Identità rilasciate nell'anno/Identità rilasciate nell'anno precedente",
               **{"Storico 2023": decimal(1.08, "0.00")}, Tipologia="Indicatore di outcome",
               Fonte="Registro imprese - statistiche", Owner="Servizio Registro imprese"),
    _indicator("V122-2", "O122", "Dispositivi di firma digitale rilasciati: anno x / anno x-1", 0.5,
               (FORMULA_ONE, FORMULA_ONE, FORMULA_ONE), "rapporto",
               Algoritmo="Dispositivi rilasciati nell'anno/Dispositivi rilasciati nell'anno precedente",
               Tipologia="Indicatore di qualità erogata", Fonte="Registro imprese - statistiche",
               Owner="Servizio Registro imprese", Note="Mantenere il livello dell'anno precedente."),
    # S13 / O131: V131-1 misses (54% of 90%: 60%)
    _indicator("V131-1", "O131", "Imprese del percorso export che hanno concluso una prima vendita all'estero", 0.5,
               (pct(0.9), pct(0.9), pct(0.92)), "Percentuale", Flag="PIRA/PARETO",
               Algoritmo="Imprese con prima vendita estera/Imprese iscritte al percorso",
               **{"Media cluster": pct(0.6645, "0.00%")}, Tipologia="Indicatore di outcome",
               Fonte="Rilevazione interna", Owner="Servizio Estero e Turismo", Cruscotto="entrambi", **_PIRA_16),
    _indicator("V131-2", "O131", "Missioni di operatori esteri ospitati nelle valli", 0.5, (">= 3", ">= 3", ">= 4"),
               "numero in valore assoluto", Tipologia="Indicatore di risultato", Fonte="Rilevazione interna",
               Owner="Servizio Estero e Turismo", **_PIRA_16, Flag="PIRA"),
    _indicator("V132-1", "O132", "Giudizio medio delle imprese sugli incontri doganali (scala 1-5)", 0.6,
               (">=4", ">=4", ">=4,2"), "giudizio", Tipologia="Indicatore di qualità erogata",
               Fonte="Questionari di gradimento", Owner="Servizio Estero e Turismo"),
    _indicator("V132-2", "O132", "Schede paese pubblicate sul sito", 0.4, (8, 10, 10), "numero in valore assoluto",
               Tipologia="Indicatore di risultato", Fonte="Sito istituzionale", Owner="Servizio Estero e Turismo"),
    # O133: only in the cascading sheet of APS
    _indicator("V133-1", "O133", "Giornate di sportello export nei comuni di montagna", 0.5, (20, 24, 24),
               "numero in valore assoluto", Cruscotto="area", Tipologia="Indicatore di risultato",
               Fonte="Rilevazione interna", Owner="Servizio Estero e Turismo"),
    _indicator("V133-2", "O133", "Comuni di montagna raggiunti dallo sportello", 0.3, (6, 8, 8),
               "numero in valore assoluto", Cruscotto="area", Tipologia="Indicatore di risultato",
               Fonte="Rilevazione interna", Owner="Servizio Estero e Turismo"),
    _indicator("V133-3", "O133", "Imprese tornate allo sportello per un secondo colloquio", 0.2,
               (pct(0.3), pct(0.35), pct(0.4)), "Percentuale", Cruscotto="area", Tipologia="Indicatore di outcome",
               Fonte="Rilevazione interna", Owner="Servizio Estero e Turismo"),
    # S14 / O141: V141-3 eliminated by the revision, its weight re-spread on the others
    _indicator("V141-1", "O141", "Strutture ricettive aderenti agli itinerari", 0.5, (60, 70, 80),
               "numero in valore assoluto", Tipologia="Indicatore di risultato", Fonte="Rilevazione interna",
               Owner="Servizio Estero e Turismo", Cruscotto="entrambi"),
    _indicator("V141-2", "O141", "Calendario unico degli eventi delle valli pubblicato", 0.25,
               ("entro il 30/11/2024", "entro il 30/11/2025", "entro il 30/11/2026"), "data",
               Tipologia="Indicatore di risultato", Fonte="Sito istituzionale", Owner="Servizio Estero e Turismo"),
    _indicator("V141-3", "O141", "Visitatori unici del portale turistico delle valli", 0.25, (40000, 45000, 50000),
               "numero in valore assoluto", Tipologia="Indicatore di outcome", Fonte="Statistiche del portale",
               Owner="Servizio Estero e Turismo"),
    # L3 / S31
    _indicator("V311-1", "O311", "Pratiche del Registro imprese evase entro 5 giorni", 0.7, (">=85%", ">=88%", ">=90%"),
               "Percentuale", Flag="PIRA/PARETO", Algoritmo="Pratiche evase entro 5 giorni/Pratiche ricevute",
               **{"Descrizione tecnica": "Pratiche telematiche protocollate nell'anno ed evase entro cinque giorni "
                  "lavorativi dal ricevimento."},
               **{"Media cluster": pct(0.8123, "0.00%"), "Storico 2023": pct(0.842, "0.0%")},
               Tipologia="Indicatore di efficienza", Fonte="Registro imprese - statistiche",
               Owner="Servizio Registro imprese", Cruscotto="entrambi", **_PIRA_12),
    _indicator("V311-2", "O311", "Giorni medi per evadere una pratica", 0.3, ("<4", "<4", "<3,5"), "giorni",
               Flag="PARETO", Verso="decrescente", Algoritmo="Somma dei giorni di lavorazione/Pratiche evase",
               Tipologia="Indicatore di efficienza", Fonte="Registro imprese - statistiche", Owner="Servizio Registro imprese"),
    _indicator("V312-1", "O312", "Cancellazioni d'ufficio delle imprese non operative avviate", 0.5, ("si", "si", "si"),
               "si/no", Tipologia="Indicatore di risultato", Fonte="Registro imprese - statistiche",
               Owner="Servizio Registro imprese"),
    _indicator("V312-2", "O312", "Indirizzi PEC irregolari regolarizzati", 0.5, (pct(0.6), pct(0.7), pct(0.8)),
               "Percentuale", Algoritmo="PEC regolarizzate/PEC irregolari al 1° gennaio",
               Tipologia="Indicatore di efficacia", Fonte="Registro imprese - statistiche", Owner="Servizio Registro imprese"),
    _indicator("V313-1", "O313", "Domande di conciliazione gestite", 0.5, (40, 45, 50), "numero in valore assoluto",
               Cruscotto="area", Tipologia="Indicatore di risultato", Fonte="Rilevazione interna",
               Owner="Servizio Registro imprese"),
    _indicator("V313-2", "O313", "Conciliazioni concluse con accordo", 0.3, (pct(0.35), pct(0.4), pct(0.4)),
               "Percentuale", Cruscotto="area", Tipologia="Indicatore di efficacia", Fonte="Rilevazione interna",
               Owner="Servizio Registro imprese"),
    _indicator("V313-3", "O313", "Incontri informativi sugli strumenti di giustizia alternativa", 0.2, (4, 4, 5),
               "numero in valore assoluto", Cruscotto="area", Tipologia="Indicatore di risultato",
               Fonte="Rilevazione interna", Owner="Servizio Registro imprese"),
    # S32: a free-text target, assessed by hand
    _indicator("V321-1", "O321", "Verifiche metrologiche eseguite", 0.6, (350, 360, 370), "numero in valore assoluto",
               Flag="PIRA", Algoritmo="Numero di verifiche sugli strumenti di misura", Tipologia="Indicatore di risultato",
               Fonte="Gestionale dei controlli", Owner="Servizio Metrologia e Vigilanza", Cruscotto="entrambi", **_PIRA_12),
    _indicator("V321-2", "O321", "Registro digitale dei controlli attivato", 0.4,
               ("entro l'avvio della nuova piattaforma dei controlli", "n.d.", "n.d."), "giudizio",
               Tipologia="Indicatore di risultato", Fonte="Gestionale dei controlli", Owner="Servizio Metrologia e Vigilanza"),
    # S33 (own perspective CRE)
    _indicator("V331-1", "O331", "Procedimenti gestiti interamente in formato digitale", 0.5, (pct(0.7), pct(0.8), pct(0.9)),
               "Percentuale", Flag="AVANZAMENTO", Algoritmo="Procedimenti digitali/Procedimenti del catalogo",
               Tipologia="Indicatore di efficacia", Fonte="Protocollo informatico", Owner="Segreteria generale",
               Cruscotto="entrambi"),
    _indicator("V331-2", "O331", "Registri dell'ente in conservazione a norma", 0.5,
               ("entro 31/10/2024", "-", "-"), "data", Tipologia="Indicatore di risultato",
               Fonte="Protocollo informatico", Owner="Segreteria generale"),
    # L4 / S41
    _indicator("V411-1", "O411", "Ore medie di formazione per dipendente", 0.6, (">=24", ">=24", ">=30"), "Valore",
               Flag="PROG.INTEGR.FONDO", Algoritmo="Ore di formazione/Dipendenti in servizio",
               Tipologia="Indicatore di efficacia", Fonte="Sistema presenze", Owner="Servizio Personale e Organizzazione"),
    _indicator("V411-2", "O411", "Dipendenti che hanno concluso il percorso sulle competenze digitali", 0.4,
               (pct(0.75), pct(0.85), pct(0.95)), "Percentuale", Tipologia="Indicatore di risultato",
               Fonte="Piattaforma formativa", Owner="Servizio Personale e Organizzazione"),
    _indicator("V412-1", "O412", "Indice di benessere organizzativo dell'indagine interna", 0.5, (">3,5", ">3,5", ">3,7"),
               "giudizio", Tipologia="Indicatore di qualità erogata", Fonte="Indagine interna",
               Owner="Servizio Personale e Organizzazione"),
    _indicator("V412-2", "O412", "Personale con mansioni compatibili che lavora in modalità agile", 0.5,
               (">=50%", ">=50%", ">=55%"), "Percentuale", Tipologia="Indicatore di efficacia", Fonte="Sistema presenze",
               Owner="Servizio Personale e Organizzazione"),
    _indicator("V413-1", "O413", "Nuovi assunti accompagnati da un tutor", 0.5, (pct(1), pct(1), pct(1)), "Percentuale",
               Cruscotto="area", Tipologia="Indicatore di risultato", Fonte="Rilevazione interna",
               Owner="Servizio Personale e Organizzazione"),
    _indicator("V413-2", "O413", "Guida per i nuovi assunti pubblicata nella intranet", 0.3, (day("31/05/2024"), "-", "-"),
               "data", Cruscotto="area", Tipologia="Indicatore di risultato", Fonte="Intranet",
               Owner="Servizio Personale e Organizzazione"),
    _indicator("V413-3", "O413", "Giudizio dei nuovi assunti sul percorso di accoglienza", 0.2, (">=4", ">=4", ">=4"),
               "giudizio", Cruscotto="area", Tipologia="Indicatore di qualità erogata", Fonte="Questionari di gradimento",
               Owner="Servizio Personale e Organizzazione"),
    # S42
    _indicator("V421-1", "O421", "Processi mappati sul totale del catalogo dei processi", 0.5, (pct(0.5), pct(0.75), pct(1)),
               "Percentuale", Flag="PIRA", Algoritmo="Processi mappati/Processi del catalogo",
               Tipologia="Indicatore di risultato", Fonte="Rilevazione interna", Owner="Segreteria generale",
               Cruscotto="entrambi", **_PIRA_32_2),
    _indicator("V421-2", "O421", "Sezione Amministrazione trasparente aggiornata alle scadenze", 0.5, ("si", "si", "si"),
               "si/no", Tipologia="Indicatore di risultato", Fonte="Rilevazione interna", Owner="Segreteria generale"),
    # L5 / S51: V511-1 misses (40% of 80%: 50%)
    _indicator("V511-1", "O511", "Diritto annuale riscosso entro la scadenza", 0.5, (pct(0.8), pct(0.82), pct(0.84)),
               "Percentuale", Flag="PIRA/PARETO", Algoritmo="Diritto riscosso entro la scadenza/Diritto dovuto",
               **{"Media cluster": pct(0.7034, "0.00%"), "Storico 2023": pct(0.642, "0.0%")},
               Tipologia="Indicatore di efficacia", Fonte="Gestionale del diritto annuale", Owner="Ufficio Diritto annuale",
               Cruscotto="entrambi", **_PIRA_32),
    _indicator("V511-2", "O511", "Avvisi bonari inviati alle imprese non in regola", 0.5, (2500, 2500, 2500),
               "numero in valore assoluto", Tipologia="Indicatore di risultato", Fonte="Gestionale del diritto annuale",
               Owner="Ufficio Diritto annuale"),
    _indicator("V512-1", "O512", "Oneri di funzionamento: anno x / anno x-1", 0.6, ("<1", "<1", "<1"), "rapporto",
               Verso="decrescente", Algoritmo="Oneri di funzionamento dell'anno/Oneri dell'anno precedente",
               Tipologia="Indicatore di utilizzo risorse", Fonte="Bilancio d'esercizio", Owner="Servizio Contabilità e Bilancio"),
    _indicator("V512-2", "O512", "Incidenza degli oneri di funzionamento sui proventi correnti", 0.4,
               ("<30%", "<30%", "<29%"), "Percentuale", Verso="decrescente", **{"Media cluster": pct(0.3121, "0.00%")},
               Algoritmo="Oneri di funzionamento/Proventi correnti", Tipologia="SALUTE ECONOMICA",
               Fonte="Bilancio d'esercizio", Owner="Servizio Contabilità e Bilancio"),
    # S52: lower is better, with a negative target
    _indicator("V521-1", "O521", "Indicatore di tempestività dei pagamenti", 0.6, (-10, -10, -12), "giorni",
               Flag="PIRA", Verso="decrescente", Algoritmo="Giorni tra scadenza e pagamento, ponderati per importo",
               **{"Storico 2023": decimal(-9.6)}, Tipologia="Indicatore di efficienza", Fonte="Gestionale contabile",
               Owner="Servizio Contabilità e Bilancio", Cruscotto="entrambi", **_PIRA_32),
    _indicator("V521-2", "O521", "Fatture passive pagate entro 30 giorni", 0.4, (pct(0.95), pct(0.95), pct(0.96)),
               "Percentuale", Tipologia="Indicatore di efficienza", Fonte="Gestionale contabile",
               Owner="Servizio Contabilità e Bilancio"),
]

# --- measurements: (value at 30/06/2024, value at 31/12/2024); None: no row ------------------------------

MISURE = {
    "V111-1": (300, 480),
    "V111-2": (pct(0.78, "0.0%"), pct(0.86, "0.0%")),
    "V112-1": (pct(0.41), pct(0.82)),
    "V112-2": ("in itinere", day("12/09/2024")),
    "V121-1": (71, 164),
    "V121-2": (5, 14),
    "V121-3": (None, pct(0.93)),
    "V122-1": ("nd", decimal(1.12, "0.00")),
    "V122-2": (decimal(0.48, "0.00"), 1),
    "V131-1": (pct(0.45), pct(0.54)),
    "V131-2": (1, 4),
    "V132-1": (decimal(4.1), decimal(4.3)),
    "V132-2": (4, 9),
    "V133-1": (8, 18),
    "V133-2": (3, 7),
    "V133-3": (pct(0.25), pct(0.31)),
    "V141-1": (52, 64),
    "V141-2": ("in itinere", day("20/11/2024")),
    "V141-3": (21500, None),
    "V311-1": (pct(0.861, "0.0%"), pct(0.883, "0.0%")),
    "V311-2": (decimal(3.6), decimal(3.2)),
    "V312-1": ("in itinere", "si"),
    "V312-2": (pct(0.38), pct(0.66)),
    "V313-1": (19, 43),
    "V313-2": (pct(0.32), pct(0.37)),
    "V313-3": (2, 4),
    "V321-1": (160, 372),
    "V321-2": ("in itinere", "piattaforma avviata il 4 novembre 2024"),
    "V331-1": (pct(0.62), pct(0.74)),
    "V331-2": ("in itinere", day("15/10/2024")),
    "V411-1": (decimal(11.5), decimal(26.5)),
    "V411-2": (pct(0.4), pct(0.81)),
    "V412-1": (None, "nd"),
    "V412-2": (pct(0.52), pct(0.57)),
    "V413-1": (pct(1), pct(1)),
    "V413-2": (day("28/05/2024"), day("28/05/2024")),
    "V413-3": (None, decimal(4.4)),
    "V421-1": (pct(0.22), pct(0.56)),
    "V421-2": ("si", "si"),
    "V511-1": (pct(0.31), pct(0.4)),
    "V511-2": (0, 2710),
    "V512-1": ("nd", decimal(0.97, "0.00")),
    "V512-2": (pct(0.301, "0.0%"), pct(0.284, "0.0%")),
    "V521-1": (decimal(-8.7), decimal(-12.4)),
    "V521-2": (pct(0.91), pct(0.97)),
}

MANUAL = {("V321-2", YEAR_END): (pct(1), "Piattaforma dei controlli avviata a novembre e registro attivato subito dopo.")}
NOTES = {
    ("V111-1", YEAR_END): "Due sportelli di filiera sono rimasti chiusi da maggio per la mancata proroga degli incarichi.",
    ("V131-1", YEAR_END): "Metà delle imprese del percorso ha rinviato la prima vendita all'estero al 2025.",
    ("V511-1", YEAR_END): "Molte imprese hanno pagato dopo l'avviso bonario, oltre la scadenza.",
    ("V412-1", YEAR_END): "Indagine chiusa a dicembre: il punteggio sarà elaborato a febbraio 2025.",
}


def _measurements() -> list[dict]:
    rows = []
    for code, values in MISURE.items():
        for date, value in zip((MID_YEAR, YEAR_END), values, strict=True):
            if value is None:
                continue
            row: dict = {"Indicatore": code, "Data": Typed(date, DATE_FORMAT), "Valore": value}
            if (code, date) in MANUAL:
                row["Raggiungimento manuale"], row["Note"] = MANUAL[(code, date)]
            if (code, date) in NOTES:
                row["Note"] = NOTES[(code, date)]
            rows.append(row)
    return rows


def _revision(kind: str, element: str, year: int | None = None, previous: object = None, new: object = None,
              motivation: str = "", respread: str = "") -> dict:
    row = {"Tipo": kind, "Elemento": element, "Anno": year, "Valore precedente": previous, "Nuovo valore": new,
           "Atto": REVISION, "Motivazione": motivation, "Ridistribuisci pesi": respread}
    return {key: value for key, value in row.items() if value not in ("", None)}


REVISIONI = [
    _revision("target rivisto", "V112-1", 2024, pct(0.85), pct(0.8),
              "Il costo della registrazione del marchio è risultato inferiore al previsto."),
    _revision("peso rivisto", "V121-1", previous=pct(0.4), new=pct(0.5),
              motivation="L'autovalutazione diventa il primo passo obbligato per i voucher."),
    _revision("peso rivisto", "V121-2", previous=pct(0.6), new=pct(0.3),
              motivation="Parte dei seminari è sostituita dai voucher digitali."),
    _revision("indicatore inserito", "V121-3", 2024, new=pct(0.9),
              motivation="Il bando dei voucher digitali è stato approvato a luglio."),
    _revision("indicatore eliminato", "V141-3", previous=pct(0.25), respread="si",
              motivation="Il portale turistico passa all'unione dei comuni, che ne cura anche le statistiche."),
]

# --- PIRA, budget, phases -----------------------------------------------------------------------------

MISSIONI = [
    {"Codice": 11, "Denominazione": "Competitività e sviluppo delle imprese"},
    {"Codice": 12, "Denominazione": "Regolazione dei mercati"},
    {"Codice": 16, "Denominazione": "Commercio internazionale ed internazionalizzazione del sistema produttivo"},
    {"Codice": 32, "Denominazione": "Servizi istituzionali e generali delle amministrazioni pubbliche"},
]

PROGRAMMI = [
    {"Missione": 11, "Codice": 5, "Denominazione": "Promozione e attuazione di politiche di sviluppo, competitività "
     "ed innovazione, di responsabilità sociale d'impresa e movimento cooperativo",
     "Centro di responsabilità": "Area Promozione e Sviluppo delle imprese"},
    {"Missione": 12, "Codice": 4, "Denominazione": "Vigilanza sui mercati e sui prodotti, promozione della concorrenza "
     "e tutela dei consumatori", "Centro di responsabilità": "Area Registro e Regolazione del mercato"},
    {"Missione": 16, "Codice": 5, "Denominazione": "Sostegno all'internazionalizzazione delle imprese e promozione "
     "del made in Italy", "Centro di responsabilità": "Area Promozione e Sviluppo delle imprese"},
    {"Missione": 32, "Codice": 2, "Denominazione": "Indirizzo politico", "Centro di responsabilità": "Segreteria generale"},
    {"Missione": 32, "Codice": 3, "Denominazione": "Servizi e affari generali per le amministrazioni di competenza",
     "Centro di responsabilità": "Area Gestione delle Risorse"},
]

OBIETTIVI_PIRA = [
    {"Obiettivo": "S11", "Missione": 11, "Programma": 5, "Budget": euro(70500),
     "Descrizione": "Sportelli di filiera nelle tre valli e un marchio collettivo per i prodotti locali.",
     "Principali attività": ["consulenze di filiera", "disciplinare e registrazione del marchio"],
     "Portatori di interesse": "Imprese agricole e artigiane, consorzi di tutela"},
    {"Obiettivo": "S13", "Missione": 16, "Programma": 5, "Budget": "Attività svolte con personale interno",
     "Descrizione": "Un percorso a tappe che porta le piccole imprese alla prima vendita all'estero.",
     "Principali attività": ["formazione sui mercati", "incontri con operatori esteri"],
     "Portatori di interesse": "Piccole imprese manifatturiere"},
    {"Obiettivo": "S31", "Missione": 12, "Programma": 4, "Descrizione": "Pratiche evase presto e dati del Registro "
     "puliti.", "Principali attività": ["evasione delle pratiche", "cancellazioni d'ufficio"],
     "Portatori di interesse": "Imprese, professionisti, associazioni"},
    {"Obiettivo": "S32", "Missione": 12, "Programma": 4, "Budget": euro(9800),
     "Descrizione": "Verifiche sugli strumenti di misura e un registro digitale dei controlli.",
     "Principali attività": "verifiche metrologiche", "Portatori di interesse": "Consumatori, esercenti"},
    {"Obiettivo": "S42", "Missione": 32, "Programma": 2, "Descrizione": "Il catalogo dei processi dell'ente, "
     "descritti uno per uno.", "Principali attività": "mappatura dei processi", "Portatori di interesse": "Personale"},
    {"Obiettivo": "S51", "Missione": 32, "Programma": 3, "Descrizione": "Riscuotere per tempo il diritto annuale e "
     "contenere gli oneri.", "Principali attività": ["avvisi bonari", "revisione dei contratti di servizio"],
     "Portatori di interesse": "Imprese iscritte, fornitori"},
    {"Obiettivo": "S52", "Missione": 32, "Programma": 3, "Descrizione": "Pagare i fornitori prima della scadenza.",
     "Principali attività": "liquidazione delle fatture", "Portatori di interesse": "Fornitori"},
]

_FILIERE = "S1.1 Filiere e marchio delle valli"
_DIGITALE = "S1.2 Impresa digitale"
_TURISMO = "S1.4 Turismo delle valli"
_METROLOGIA = "S3.2 Metrologia legale"


def _budget(line: str, area: str, function: str, programme: str, action: str, project: str,
            charges: float | None = None, investments: float | None = None, income: float | None = None) -> dict:
    row = {"Linea": line, "Area": area, "Funzione camerale": function, "Programma": programme, "Azione": action,
           "Progetto": project, "Oneri promozionali": charges, "Investimenti": investments, "Proventi": income}
    return {key: euro(value) if isinstance(value, (int, float)) else value for key, value in row.items() if value is not None}


PROGRAMMI_BUDGET = [
    _budget("L1", "APS", "PROMOZIONE DELLE FILIERE - 41002", _FILIERE, "O111 - Assistenza tecnica alle imprese di filiera",
            "Sportelli di filiera 2024", charges=48000),
    _budget("L1", "APS", "PROMOZIONE DELLE FILIERE - 41002", _FILIERE, "O112 - Marchio collettivo",
            "Marchio Valli Alte", charges=22500, income=5000),
    _budget("L1", "APS", "INNOVAZIONE - 41005", _DIGITALE, "O121 - Sportello per l'impresa digitale",
            "Voucher digitali 2024", charges=60000),
    _budget("L1", "APS", "INNOVAZIONE - 41005", _DIGITALE, "O121 - Sportello per l'impresa digitale",
            "Seminari di orientamento", charges=8400),
    _budget("L1", "APS", "INNOVAZIONE - 41005", _DIGITALE, "O121 - Sportello per l'impresa digitale",
            "Piattaforma di autovalutazione", investments=12000),
    _budget("L1", "APS", "TURISMO DELLE VALLI - 41007", _TURISMO, "O141 - Itinerari dell'ospitalità",
            "Itinerari e calendario degli eventi", charges=30000, income=10000),
    _budget("L3", "ARM", "REGOLAZIONE DEL MERCATO - 42001", _METROLOGIA, "O321 - Controlli sugli strumenti di misura",
            "Campioni di massa certificati", investments=9800),
]

TOTALI_BUDGET = [
    {"Livello": "programma", "Riferimento": _FILIERE, "Oneri promozionali": euro(70500), "Proventi": euro(5000)},
    {"Livello": "programma", "Riferimento": _DIGITALE, "Oneri promozionali": euro(68400), "Investimenti": euro(12000)},
    {"Livello": "programma", "Riferimento": _TURISMO, "Oneri promozionali": euro(30000), "Proventi": euro(10000)},
    {"Livello": "linea", "Riferimento": "L1", "Oneri promozionali": euro(168900), "Investimenti": euro(12000),
     "Proventi": euro(15000)},
    {"Livello": "programma", "Riferimento": _METROLOGIA, "Investimenti": euro(9800)},
    {"Livello": "linea", "Riferimento": "L3", "Investimenti": euro(9800)},
]

FASI = [
    {"Obiettivo": "O112", "Fase": "Stesura del disciplinare con i consorzi", "Anni": 2024},
    {"Obiettivo": "O112", "Fase": "Registrazione del marchio", "Anni": "2024, 2025"},
    {"Obiettivo": "O112", "Fase": "Campagna di comunicazione nei punti vendita", "Anni": "2025, 2026"},
    {"Obiettivo": "O421", "Fase": "Catalogo dei processi", "Anni": 2024},
    {"Obiettivo": "O421", "Fase": "Mappatura dei processi a rischio", "Anni": "2024, 2025, 2026"},
]

# --- narrative: the Piano, the monitoring and the Relazione ---------------------------------------------

_PIANO_SECTIONS = [
    ("premessa", "", "Premessa", 1),
    ("1", "1", "Presentazione dell'ente", 1),
    ("1.1", "1.1", "Mission e principali attività", 2),
    ("1.2", "1.2", "Organizzazione e personale", 2),
    ("1.3", "1.3", "Partecipazioni", 2),
    ("2", "2", "Analisi del contesto esterno", 1),
    ("3", "3", "Pianificazione", 1),
    ("3.1", "3.1", "Albero della performance", 2),
    ("3.2", "3.2", "Pianificazione triennale", 2),
    ("3.3", "3.3", "Programmazione annuale", 2),
    ("4", "4", "Dalla performance organizzativa alla performance individuale", 1),
]

_PIANO_BLOCKS = [
    ("premessa", "nota", f"**Documento dimostrativo.** {ILLUSTRATIVE}"),
    ("premessa", "paragrafo", "Con questo Piano la Giunta fissa, per il triennio 2024-2026, che cosa la Camera di "
     "Valserena e Monti Alti si impegna a ottenere, con quali indicatori lo misurerà e chi ne risponde."),
    ("1.1", "paragrafo", "La Camera serve le imprese delle tre valli del suo territorio: tiene il Registro delle "
     "imprese, verifica gli strumenti di misura, accompagna le imprese sui mercati esteri e nella **transizione "
     "digitale**."),
    ("1.1", "elenco", "servizi anagrafici e certificativi\nregolazione e tutela del mercato\npromozione delle filiere "
     "e del turismo delle valli"),
    ("1.2", "paragrafo", "Al 1° gennaio 2024 lavorano nell'ente 55 persone, in tre aree e nella Segreteria generale."),
    ("1.2", "tabella", "personale"),
    ("1.3", "paragrafo", "La Camera detiene quote in due società di servizi delle valli."),
    ("1.3", "tabella", "partecipate"),
    ("2", "paragrafo", "Le imprese attive nelle valli sono poco meno di diciottomila, per un terzo artigiane. Lo "
     "spopolamento dei comuni più alti e la stagionalità del turismo sono le due sfide che il Piano affronta."),
    ("3.1", "paragrafo", "La mappa mostra le linee strategiche di mandato e gli obiettivi che le declinano."),
    ("3.1", "generato", "mappa-strategica"),
    ("3.2", "paragrafo", "Il cruscotto riporta per ogni obiettivo strategico gli indicatori, i pesi e i target "
     "del triennio."),
    ("3.2", "generato", "cruscotto-ente"),
    ("3.3", "paragrafo", "Le schede di ciascuna area assegnano gli obiettivi operativi del 2024."),
    ("3.3", "generato", "cascading:APS"),
    ("3.3", "generato", "cascading:ARM"),
    ("3.3", "generato", "cascading:AGR"),
    ("4", "paragrafo", "Gli obiettivi della Segretaria generale discendono dal cruscotto dell'ente."),
    ("4", "generato", "scheda-segretario"),
]

# the organigramma, an SVG drawn from STRUTTURE and written next to the workbook (see build)
ORGANIGRAMMA = "cciaa_valserena_organigramma.svg"
_ORGANIGRAMMA_BLOCK = {
    "Sezione": "1.2",
    "Tipo": "immagine",
    "Contenuto": ORGANIGRAMMA,
    "Testo alternativo": "Organigramma: la Segreteria generale guida tre aree (Promozione e Sviluppo delle imprese, "
    "Registro e Regolazione del mercato, Gestione delle Risorse), ciascuna con due servizi; dal Servizio "
    "Contabilità e Bilancio dipende l'Ufficio Diritto annuale.",
    "Didascalia": "Figura 1 - L'organigramma della Camera al 1° gennaio 2024",
    "Larghezza": 160,
}

_MONITORING_SECTIONS = [("mon-1", "1", "Lo stato di avanzamento al 30 giugno", 1)]
_MONITORING_BLOCKS = [
    ("mon-1", "nota", ILLUSTRATIVE),
    ("mon-1", "paragrafo", "A metà anno gli uffici hanno rilevato i valori degli indicatori: le schede che seguono "
     "li confrontano con i target 2024."),
]

_REPORT_SECTIONS = [
    ("rel-0", "", "Presentazione", 1),
    ("rel-1", "1", "I risultati in sintesi", 1),
    ("rel-2", "2", "I risultati per obiettivo", 1),
    ("rel-3", "3", "La valutazione della Segretaria generale", 1),
    ("rel-4", "4", "Gli scostamenti", 1),
]
_REPORT_BLOCKS = [
    ("rel-0", "nota", f"**Documento dimostrativo.** {ILLUSTRATIVE}"),
    ("rel-0", "paragrafo", "La Relazione rende conto dei risultati del 2024 rispetto al Piano 2024-2026, nella "
     "versione aggiornata dalla Giunta a settembre."),
    ("rel-1", "generato", "relazione-sintesi"),
    ("rel-1", "generato", "relazione-mappa"),
    ("rel-1", "generato", "relazione-grafico"),
    ("rel-2", "generato", "relazione-risultati"),
    ("rel-2", "generato", "relazione-non-valutabili"),
    ("rel-3", "generato", "relazione-segretario"),
    ("rel-4", "paragrafo", "Per ogni indicatore sotto la soglia gli uffici hanno indicato la causa."),
    ("rel-4", "generato", "relazione-scostamenti"),
]


def _sections(rows: list[tuple[str, str, str, int]], document: str = "") -> list[dict]:
    return [{"Chiave": key, "Numero": number, "Titolo": title, "Livello": level, "Nel sommario": "si",
             "Documento": document} for key, number, title, level in rows]


def _blocks(rows: list[tuple[str, str, str]]) -> list[dict]:
    return [{"Sezione": section, "Tipo": kind, "Contenuto": content} for section, kind, content in rows]


_TABLES = {
    "personale": [
        ("intestazione", "Categoria", "Donne", "Uomini", "Totale"),
        ("dati", "Dirigenti", 1, 1, 2),
        ("dati", "Area dei funzionari e dell'elevata qualificazione", 9, 6, 15),
        ("dati", "Area degli istruttori", 21, 10, 31),
        ("dati", "Area degli operatori esperti", 4, 3, 7),
        ("totale", "Totale", 35, 20, 55),
    ],
    "partecipate": [
        ("intestazione", "Società", "Codice fiscale", "Quota della Camera"),
        ("dati", "Valli Alte Servizi S.c.r.l.", 92345670123, pct(0.125, "0.00%")),
        ("dati", "Mercato coperto di Borgo Valserena S.p.A.", 81234560987, pct(0.3, "0.00%")),
    ],
}

TABELLE = [
    {"Tabella": name, "Tipo riga": kind, **{f"C{index}": cell for index, cell in enumerate(cells, 1)}}
    for name, rows in _TABLES.items()
    for kind, *cells in rows
]

SCHEDA_SEGRETARIO = [
    {"Prospettiva": "IMP", "Peso prospettiva": pct(0.4), "Obiettivo": "S11", "Peso obiettivo": pct(0.5),
     "Azione": "O111", "Indicatore": "Imprese di filiera assistite dagli sportelli camerali", "Peso": pct(1),
     "Target": 1200, "Riferimento": "S11 1"},
    {"Prospettiva": "IMP", "Peso prospettiva": pct(0.4), "Obiettivo": "S13", "Peso obiettivo": pct(0.5),
     "Azione": "O131", "Indicatore": "Imprese del percorso export che hanno concluso una prima vendita all'estero",
     "Peso": pct(1), "Target": pct(0.9), "Riferimento": "S13 1"},
    {"Prospettiva": "PRO", "Peso prospettiva": pct(0.3), "Obiettivo": "S31", "Peso obiettivo": pct(1),
     "Azione": "O311", "Indicatore": "Pratiche del Registro imprese evase entro 5 giorni", "Peso": pct(1),
     "Target": ">=85%", "Riferimento": "S31 1"},
    {"Prospettiva": "ECO", "Peso prospettiva": pct(0.3), "Obiettivo": "S52", "Peso obiettivo": pct(1),
     "Azione": "O521", "Indicatore": "Indicatore di tempestività dei pagamenti", "Peso": pct(1), "Target": -10,
     "Riferimento": "S52 1"},
]
# fmt: on

DATA: dict[str, object] = {
    "Ente": ENTE,
    "Piano": PIANO,
    "Atti": ATTI,
    "Organi": ORGANI,
    "Strutture": STRUTTURE,
    "Prospettive": PROSPETTIVE,
    "Linee strategiche": LINEE,
    "Obiettivi strategici": OBIETTIVI_STRATEGICI,
    "Obiettivi operativi": OBIETTIVI_OPERATIVI,
    "Indicatori": INDICATORI,
    "Misurazioni": _measurements(),
    "Revisioni": REVISIONI,
    "Missioni": MISSIONI,
    "Programmi": PROGRAMMI,
    "Obiettivi PIRA": OBIETTIVI_PIRA,
    "Programmi di budget": PROGRAMMI_BUDGET,
    "Totali di budget": TOTALI_BUDGET,
    "Fasi": FASI,
    "Sezioni": _sections(_PIANO_SECTIONS)
    + _sections(_MONITORING_SECTIONS, "monitoraggio")
    + _sections(_REPORT_SECTIONS, "relazione-performance"),
    "Testi": [
        *_blocks(_PIANO_BLOCKS[:6]),
        _ORGANIGRAMMA_BLOCK,  # section 1.2, after the staff table
        *_blocks(_PIANO_BLOCKS[6:]),
        *_blocks(_MONITORING_BLOCKS),
        *_blocks(_REPORT_BLOCKS),
    ],
    "Tabelle": TABELLE,
    "Scheda segretario": SCHEDA_SEGRETARIO,
}

# --- writing the cells as Excel would -------------------------------------------------------------------


def _put(worksheet: Worksheet, row: int, column: int, value: object) -> str | None:
    """Write ``value`` as Excel stores it; the cell reference when it is a formula that needs a cached value."""
    if isinstance(value, list):
        value = "\n".join(value)  # several items typed in one cell with Alt+Invio
    cell = worksheet.cell(row=row, column=column)
    if isinstance(value, Typed):
        cell.value = value.value
        cell.number_format = value.number_format
    elif isinstance(value, dt.datetime):
        cell.value = value
        cell.number_format = DATE_FORMAT
    else:
        cell.value = value
    return cell.coordinate if value == FORMULA_ONE else None


def _fill(workbook: openpyxl.Workbook, data: dict[str, object] | None = None) -> dict[str, list[str]]:
    """Fill the blank workbook with ``data`` (this module's ``DATA``) as Excel stores typed cells; the formula cells
    of each sheet, to be given their cached value."""
    formulas: dict[str, list[str]] = {}
    for sheet_name, content in (DATA if data is None else data).items():
        worksheet = workbook[sheet_name]
        if isinstance(content, dict):  # a field sheet: Campo in column A, Valore in column B
            rows = {worksheet.cell(row=r, column=1).value: r for r in range(2, worksheet.max_row + 1)}
            for field, value in content.items():
                _put(worksheet, rows[field], 2, value)
            continue
        headers = {cell.value: cell.column for cell in worksheet[1] if cell.value}
        assert isinstance(content, list)
        for offset, record in enumerate(content):
            unknown = set(record) - set(headers)
            if unknown:
                raise ValueError(f"{sheet_name}: colonne non previste {sorted(unknown)}")
            for name, value in record.items():
                formula = _put(worksheet, offset + 2, headers[name], value)
                if formula:
                    formulas.setdefault(sheet_name, []).append(formula)
    return formulas


def _with_cached_values(saved: Path, target: Path, sheet_names: list[str], formulas: dict[str, list[str]]) -> None:
    """Copy ``saved`` to ``target`` adding the cached value 1 to each ``=1`` formula cell.

    openpyxl writes a formula cell as ``<c r="M9"><f>1</f><v></v></c>``; Excel, after typing ``=1``, saves
    ``<f>1</f><v>1</v>``. openpyxl names the sheet parts ``xl/worksheets/sheet<N>.xml`` in workbook order.
    """
    parts = {f"xl/worksheets/sheet{sheet_names.index(name) + 1}.xml": cells for name, cells in formulas.items()}
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for member in source.infolist():
            data = source.read(member.filename)
            for reference in parts.get(member.filename, ()):
                text, count = re.subn(
                    rf'(<c r="{reference}"[^>]*>)<f>1</f><v\s*(?:/>|></v>)', r"\1<f>1</f><v>1</v>", data.decode("utf-8")
                )
                if count != 1:
                    raise RuntimeError(f"formula {reference} non trovata in {member.filename}")
                data = text.encode("utf-8")
            copy.writestr(member, data)


def organigramma_svg() -> str:
    """The organigramma of STRUTTURE as a plain SVG: the Segreteria on top, the areas below it, their offices below."""
    box_w, box_h, gap, top = 180, 46, 20, 20
    by_code = {row["Codice"]: row for row in STRUTTURE}
    areas = [row for row in STRUTTURE if row["Tipo"] == "area"]
    width = len(areas) * box_w + (len(areas) + 1) * gap
    shapes: list[str] = []

    def box(x: float, y: float, name: str, fill: str, w: float = box_w) -> None:
        words, lines, line = name.split(), [], ""
        for word in words:  # wrap at about 26 characters
            if line and len(line) + len(word) > 26:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        lines.append(line)
        shapes.append(f'<rect x="{x}" y="{y}" width="{w}" height="{box_h}" rx="4" fill="{fill}" stroke="#1f3a5f"/>')
        first = y + box_h / 2 - (len(lines) - 1) * 7 + 4
        for index, text in enumerate(lines):
            shapes.append(f'<text x="{x + w / 2}" y="{first + index * 14}" text-anchor="middle">{text}</text>')

    def link(x1: float, y1: float, x2: float, y2: float) -> None:
        shapes.append(f'<path d="M{x1} {y1} V{(y1 + y2) / 2} H{x2} V{y2}" fill="none" stroke="#1f3a5f"/>')

    secretary = by_code["SG"]
    box((width - box_w) / 2, top, str(secretary["Denominazione"]), "#c9d8ea")
    bottom = top
    for index, area in enumerate(areas):
        x = gap + index * (box_w + gap)
        link(width / 2, top + box_h, x + box_w / 2, top + box_h + 40)
        box(x, top + box_h + 40, str(area["Denominazione"]), "#e3ecf6")
        y = spine = top + 2 * box_h + 40
        offices = [row for row in STRUTTURE if row.get("Struttura superiore") == area["Codice"]]
        offices += [row for office in offices for row in STRUTTURE if row.get("Struttura superiore") == office["Codice"]]
        for office in offices:
            shapes.append(f'<path d="M{x + 10} {spine} V{y + gap + box_h / 2} H{x + 20}" fill="none" stroke="#1f3a5f"/>')
            y += gap
            box(x + 20, y, str(office["Denominazione"]), "#ffffff", box_w - 20)
            y += box_h
        bottom = max(bottom, y)
    height = bottom + top
    body = "\n  ".join(shapes)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'font-family="Titillium Web, sans-serif" font-size="11" fill="#1f3a5f">\n  {body}\n</svg>\n'
    )


def build(target: Path) -> None:
    """Write the workbook to ``target``: the blank workbook of ``pianodocs init`` filled as Excel stores typed cells.

    Its organigramma picture is written next to it (the workbook names it in a Testi block 'immagine').
    """
    (target.parent / ORGANIGRAMMA).write_text(organigramma_svg(), encoding="utf-8")
    with tempfile.TemporaryDirectory() as folder:
        blank = Path(folder) / "blank.xlsx"
        write_blank_workbook(blank, FIRST_YEAR, LAST_YEAR, data={})
        workbook = openpyxl.load_workbook(blank)
        formulas = _fill(workbook)
        filled = Path(folder) / "filled.xlsx"
        workbook.save(filled)
        cached = Path(folder) / "cached.xlsx"
        _with_cached_values(filled, cached, workbook.sheetnames, formulas)
        shutil.move(cached, target)
