"""The planning workbook's format: its sheets, their columns, and what each holds.

This is the single description of the workbook that the loader reads, that
``pianodocs init`` writes as a blank workbook, and that ``docs/workbook.md`` is
generated from, so the three never drift. It owns names, types, allowed values
and help texts, and which attribute of which model class each column fills (the
loader builds the model from it, the diff and the open data export take their
fields from it); it does not read or write files.

Longer than the 400 lines a module should keep to: it is one declaration, the table of
the workbook's sheets with a few lines per column; the code in it is the short classes
at the top and the converters from cells to attributes.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs

from .kinds import BUILT_IN
from .model import (
    Act,
    BudgetItem,
    BudgetTotal,
    Direction,
    Entity,
    Indicator,
    Measurement,
    Mission,
    OperationalObjective,
    Organ,
    Perspective,
    Phase,
    PiraObjectiveText,
    Plan,
    Programme,
    Revision,
    RevisionKind,
    SecretaryCardRow,
    Section,
    StrategicLine,
    StrategicObjective,
    Structure,
    TextBlock,
)
from .values import Target, Value, format_number


class ColumnType(enum.Enum):
    """How a cell's content is read."""

    TEXT = "testo"
    RICH_TEXT = "testo formattato"  # **grassetto**, *corsivo*, [link](url)
    INTEGER = "numero intero"
    NUMBER = "numero"
    PERCENT = "percentuale"
    DATE = "data"
    YES_NO = "si/no"
    CHOICE = "scelta"
    VALUE = "valore"  # kept as written and understood: 97,97% / 2.280 / in itinere
    TARGET = "target"  # a target as written: >=80%, entro il 31/12/2021, si ...


@attrs.frozen
class Column:
    """One column of a sheet, found by its header text in the first row."""

    name: str
    type: ColumnType
    help: str
    required: bool = False
    choices: tuple[str, ...] = ()
    example: str = ""
    # a column whose header carries a year, e.g. "Target 2020"; ``name`` is the prefix
    per_year: bool = False
    # a code of this many digits (missione 011, programma 005): a number typed without its zeros gets them back
    digits: int = 0
    # the attribute of the sheet's model this column fills (a per-year column: a mapping year → value), and the
    # function that turns the typed cell into the attribute's value; an empty cell leaves the attribute's default
    attribute: str = ""
    convert: Callable[[Any], object] | None = None

    def matches(self, header: str) -> int | bool | None:
        """For a per-year column, the year the header names (or None); else whether it matches."""
        if self.per_year:
            found = re.fullmatch(rf"{re.escape(self.name)}\s+(\d{{4}})", header.strip(), re.IGNORECASE)
            return int(found.group(1)) if found else None
        return header.strip().casefold() == self.name.casefold()


@attrs.frozen
class Sheet:
    """One sheet: a table with a header row (row 1) and a record per row, or a list of fields."""

    name: str
    help: str
    columns: tuple[Column, ...]
    required: bool = False
    # a "fields" sheet has two columns, Campo and Valore, one row per field
    is_fields: bool = False
    # the model class a record (a fields sheet: the sheet) becomes, and the attribute of the Plan it fills
    model: type[Any] | None = None
    attribute: str = ""

    def column(self, name: str) -> Column:
        return next(column for column in self.columns if column.name == name)


PERSPECTIVES = (
    "Tessuto economico locale",
    "Processi interni",
    "Innovazione, crescita e apprendimento",
    "Economico-finanziaria",
)
INDICATOR_FLAGS = ("PIRA", "PARETO", "PIRA/PARETO", "PROG.INTEGR.FONDO", "AVANZAMENTO")
UNITS = (
    "Percentuale",
    "numero in valore assoluto",
    "data",
    "giorni",
    "rapporto",
    "giudizio",
    "euro",
    "si/no",
    "Valore",
)
INDICATOR_TYPES = (
    "Indicatore di efficacia",
    "Indicatore di efficienza",
    "Indicatore di risultato",
    "Indicatore di qualità erogata",
    "Indicatore di outcome",
    "Indicatore di utilizzo risorse",
    "Indicatore di efficacia della spesa",
    "STRUTTURA",
    "EFFICACIA",
    "EFFICIENZA",
    "SALUTE ECONOMICA",
    "Realizzazione fisica",
    "Realizzazione finanziaria",
    "Output",
)
DIRECTIONS = ("crescente", "decrescente")
# the document a workbook is mainly for: one of pianodocs' own kinds, declared once in pianodocs.kinds
PLAN_KINDS = BUILT_IN
REVISION_KINDS = (
    "target rivisto",
    "peso rivisto",
    "indicatore inserito",
    "indicatore eliminato",
    "indicatore aggiornato",
    "obiettivo inserito",
    "obiettivo eliminato",
)
ACT_ORGANS = ("Giunta", "Consiglio", "Presidente", "Segretario generale", "Commissario")
BLOCK_KINDS = ("paragrafo", "elenco", "titoletto", "nota", "tabella", "generato", "immagine")
# the contents a 'generato' block may place, by the document whose sections hold it (Sezioni, Documento; empty:
# the Piano, or the monitoring in a monitoring's workbook); in cascading:AREA, AREA is an area of the Strutture sheet
CASCADING = "cascading"
GENERATED_CONTENTS: dict[str, tuple[str, ...]] = {
    "piano-performance": ("mappa-strategica", "cruscotto-ente", f"{CASCADING}:AREA", "scheda-segretario"),
    "pira": ("pira-riclassificazione", "pira-missioni"),
    "monitoraggio": ("missioni-programmi",),
    "relazione-performance": (
        "relazione-sintesi",
        "relazione-mappa",
        "relazione-grafico",
        "relazione-risultati",
        "relazione-segretario",
        "relazione-non-valutabili",
        "relazione-scostamenti",
    ),
}
_IN_DOCUMENT = {
    "piano-performance": "nel Piano",
    "pira": "nel PIRA",
    "monitoraggio": "nel monitoraggio",
    "relazione-performance": "nella Relazione",
}
_GENERATED_HELP = "; ".join(f"{_IN_DOCUMENT[kind]} {', '.join(names)}" for kind, names in GENERATED_CONTENTS.items())
# the marks of the PIAO's section 2.2 an operational objective may carry (Obiettivi operativi, Ambiti PIAO)
PIAO_DIMENSIONS = ("semplificazione", "digitalizzazione", "accessibilità", "parità di genere")
TABLE_ROW_KINDS = ("titolo", "intestazione", "dati", "totale", "risultato", "sezione", "nota")
TABLE_CELLS = 12

# --- from a typed cell to a model attribute (Column.convert) ---


def bullet_lines(text: str) -> tuple[str, ...]:
    """One item per line of the cell, without the bullets typed before it."""
    return tuple(line.strip().lstrip("-•").strip() for line in text.splitlines() if line.strip())


def comma_list(text: str) -> tuple[str, ...]:
    """``ASE, ASI`` → ``("ASE", "ASI")``."""
    return tuple(part.strip() for part in text.split(",") if part.strip())


def years_list(text: str) -> tuple[int, ...]:
    """``2020, 2021`` → ``(2020, 2021)``; what is not a year was reported by the checks."""
    return tuple(int(part) for part in comma_list(text) if part.isdigit())


def piao_dimensions(text: str) -> tuple[str, ...]:
    """``Digitalizzazione, parità di genere`` → the marks as declared; one not declared was reported by the checks."""
    by_folded = {dimension.casefold(): dimension for dimension in PIAO_DIMENSIONS}
    return tuple(by_folded.get(part.casefold(), part) for part in comma_list(text))


def optional_label(text: str) -> str:
    """An 'Etichetta': the code as printed; a lone ``-`` prints no code (an empty cell prints the code itself)."""
    return "" if text == "-" else text


def meaningful(value: Value) -> Value | None:
    """A value, or None when it is written as holding nothing (``non disponibile``)."""
    return None if value.is_empty else value


def as_written(value: object) -> str:
    """A model attribute's value as a cell shows it (the converters' way back): a value or target as written, a choice as chosen, si/no."""
    if isinstance(value, bool):
        return "si" if value else "no"
    if isinstance(value, Value | Target):
        return value.text
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, tuple):
        return ", ".join(as_written(item) for item in value)
    if isinstance(value, Decimal):
        return format_number(value)
    return "" if value is None else str(value)


_CODE_HELP = "codice breve e univoco, come stampato nel documento (es. B2, E1, I.2)"


def _text(name: str, help: str, required: bool = False, example: str = "", **mapping: Any) -> Column:
    return Column(name, ColumnType.TEXT, help, required=required, example=example, **mapping)


MONITORING_SHEETS = ("obiettivo", "salute finanziaria")
_MONITORING_SHEET = Column(
    "Scheda monitoraggio",
    ColumnType.CHOICE,
    "come il monitoraggio stampa l'obiettivo: obiettivo (predefinita: la scheda con fasi e indicatori) o salute "
    "finanziaria (la tabella compatta «Stato di salute finanziaria», con gli indicatori raggruppati per Tipologia)",
    choices=MONITORING_SHEETS,
    example="obiettivo",
    attribute="monitoring_sheet",
)


def _budget_code(name: str, help: str, required: bool = False, example: str = "", **mapping: Any) -> Column:
    """A missione or programma code of the state budget: three digits (011, 005)."""
    return Column(name, ColumnType.TEXT, help, required=required, example=example, digits=3, **mapping)


SHEETS: tuple[Sheet, ...] = (
    Sheet(
        "Ente",
        "Dati dell'ente: un campo per riga (colonna Campo) con il suo valore (colonna Valore).",
        (
            _text("Denominazione", "nome completo dell'ente", True, "Camera di Commercio di Pistoia", attribute="name"),
            _text("Denominazione breve", "nome breve usato nel testo", example="CCIAA di Pistoia", attribute="short_name"),
            _text(
                "Logo",
                "nome del file immagine del logo, nella stessa cartella del workbook",
                example="logo.png",
                attribute="logo",
            ),
            _text("Indirizzo", "sede legale", example="Corso Silvano Fedi 36, Pistoia", attribute="address"),
            _text("Codice fiscale", "codice fiscale dell'ente", attribute="tax_code"),
            _text("Sito web", "indirizzo del sito istituzionale", example="https://www.pt.camcom.it", attribute="website"),
            _text("Segretario generale", "nome del Segretario generale", attribute="secretary_general"),
            _text("Presidente", "nome del Presidente", attribute="president"),
            _text("PEC", "indirizzo di posta elettronica certificata (scheda anagrafica del PIAO)", attribute="pec"),
            _text("Telefono", "numero di telefono del centralino", example="0461 000000", attribute="phone"),
        ),
        required=True,
        is_fields=True,
        model=Entity,
        attribute="entity",
    ),
    Sheet(
        "Piano",
        "Il documento di pianificazione: un campo per riga (Campo, Valore).",
        (
            Column(
                "Tipo",
                ColumnType.CHOICE,
                "tipo di documento principale del workbook",
                True,
                PLAN_KINDS,
                "piano-performance",
                attribute="kind",
            ),
            _text("Titolo", "titolo del documento", True, "Piano della Performance 2020-2022", attribute="title"),
            Column(
                "Primo anno",
                ColumnType.INTEGER,
                "primo anno del periodo di pianificazione",
                True,
                example="2020",
                attribute="first_year",
            ),
            Column(
                "Ultimo anno",
                ColumnType.INTEGER,
                "ultimo anno del periodo di pianificazione",
                True,
                example="2022",
                attribute="last_year",
            ),
            Column(
                "Anno di riferimento",
                ColumnType.INTEGER,
                "anno a cui si riferisce il documento",
                True,
                example="2020",
                attribute="reference_year",
            ),
            Column(
                "Data di monitoraggio",
                ColumnType.DATE,
                "data della situazione rappresentata (monitoraggi)",
                example="30/09/2020",
                attribute="monitoring_date",
            ),
            Column(
                "Soglia di raggiungimento",
                ColumnType.PERCENT,
                "soglia oltre la quale un obiettivo è raggiunto (SMVP)",
                example="80%",
                attribute="threshold",
            ),
            _text("Sottotitolo", "riga sotto il titolo in copertina", attribute="subtitle"),
            Column(
                "Vision", ColumnType.RICH_TEXT, "la vision dell'ente, stampata in cima alla mappa strategica", attribute="vision"
            ),
            Column(
                "Illustrativo", ColumnType.YES_NO, "si se i dati sono illustrativi e non pubblicati", attribute="illustrative"
            ),
            _text("Nota sui dati", "nota stampata sui dati (es. origine, carattere illustrativo)", attribute="data_note"),
        ),
        required=True,
        is_fields=True,
        model=Plan,
    ),
    Sheet(
        "Atti",
        "Gli atti che hanno adottato o rivisto il piano (delibere di Giunta o di Consiglio).",
        (
            _text("Codice", "riferimento breve usato nelle altre schede", True, "GC-63-2020", attribute="code"),
            Column("Organo", ColumnType.CHOICE, "organo che ha adottato l'atto", True, ACT_ORGANS, "Giunta", attribute="organ"),
            _text("Numero", "numero dell'atto", True, "63", attribute="number"),
            Column(
                "Data",
                ColumnType.DATE,
                "data dell'atto (vuota se il documento non la riporta)",
                example="09/09/2020",
                attribute="date",
            ),
            _text("Oggetto", "oggetto dell'atto", example="Revisione del Piano della Performance 2020-2022", attribute="subject"),
            _text(
                "Occasione",
                "occasione delle modifiche decise dall'atto, stampata nelle note delle modifiche come «in sede di …» "
                "(es. rolling annuale); vuota: la nota cita solo l'atto («Eliminato con deliberazione della Giunta n. 12 "
                "del 30 gennaio 2025»)",
                example="rolling annuale",
                attribute="occasion",
            ),
        ),
        model=Act,
        attribute="acts",
    ),
    Sheet(
        "Organi",
        "Gli organi dell'ente, nell'ordine in cui vanno presentati.",
        (
            _text("Organo", "nome dell'organo", True, "La Giunta", attribute="name"),
            Column("Descrizione", ColumnType.RICH_TEXT, "ruolo e composizione", attribute="description"),
        ),
        model=Organ,
        attribute="organs",
    ),
    Sheet(
        "Strutture",
        "Aree, servizi e uffici dell'ente.",
        (
            _text("Codice", _CODE_HELP, True, "ASE", attribute="code"),
            _text("Denominazione", "nome della struttura", True, "Area Sviluppo Economico", attribute="name"),
            Column(
                "Tipo",
                ColumnType.CHOICE,
                "livello della struttura",
                True,
                ("area", "servizio", "ufficio", "staff"),
                "area",
                attribute="kind",
            ),
            _text("Struttura superiore", "codice della struttura di cui fa parte", attribute="parent"),
            _text("Responsabile", "nome o ruolo del responsabile", attribute="head"),
        ),
        model=Structure,
        attribute="structures",
    ),
    Sheet(
        "Prospettive",
        "Le prospettive della Balanced Scorecard, nell'ordine del documento.",
        (
            _text("Codice", _CODE_HELP, True, "TEL", attribute="code"),
            Column(
                "Denominazione",
                ColumnType.TEXT,
                "nome della prospettiva",
                True,
                PERSPECTIVES,
                "Tessuto economico locale",
                attribute="name",
            ),
            Column("Descrizione", ColumnType.RICH_TEXT, "descrizione della prospettiva", attribute="description"),
        ),
        model=Perspective,
        attribute="perspectives",
    ),
    Sheet(
        "Linee strategiche",
        "Le linee strategiche di mandato (aree strategiche), con i benefici attesi.",
        (
            _text("Codice", _CODE_HELP, True, "A", attribute="code"),
            _text("Denominazione", "nome della linea", True, "VALORIZZAZIONE ECONOMICA DEL TERRITORIO", attribute="name"),
            _text("Prospettiva", "codice della prospettiva BSC", example="TEL", attribute="perspective"),
            _budget_code(
                "Missione",
                "codice della missione (scheda Missioni), se la linea è classificata per missione",
                example="011",
                attribute="mission",
            ),
            Column(
                "Benefici attesi",
                ColumnType.RICH_TEXT,
                "benefici attesi, uno per riga (a capo nella cella)",
                attribute="expected_benefits",
                convert=bullet_lines,
            ),
            Column(
                "Nota non declinata",
                ColumnType.RICH_TEXT,
                "se la linea non è declinata in obiettivi, la frase che lo spiega",
                attribute="not_declined_note",
            ),
        ),
        model=StrategicLine,
        attribute="lines",
    ),
    Sheet(
        "Obiettivi strategici",
        "Gli obiettivi strategici (ambiti strategici), ciascuno in una linea.",
        (
            _text("Codice", _CODE_HELP, True, "B2", attribute="code"),
            _text("Linea", "codice della linea strategica", True, "B", attribute="line"),
            _text("Denominazione", "nome dell'obiettivo", True, "Favorire l'internazionalizzazione", attribute="name"),
            _text("Prospettiva", "codice della prospettiva BSC, se diversa da quella della linea", attribute="perspective"),
            _text(
                "Etichetta",
                "come stampare il codice, se diverso (es. I.2.); - per non stamparlo",
                attribute="label",
                convert=optional_label,
            ),
            Column("Descrizione", ColumnType.RICH_TEXT, "descrizione dell'obiettivo", attribute="description"),
            Column(
                "Nel cruscotto",
                ColumnType.YES_NO,
                "si se l'obiettivo ha indicatori nel cruscotto di ente (colorato nella mappa)",
                example="si",
                attribute="in_dashboard",
            ),
            Column("Note", ColumnType.RICH_TEXT, "nota stampata sotto l'obiettivo nel cruscotto", attribute="notes"),
            _MONITORING_SHEET,
        ),
        model=StrategicObjective,
        attribute="strategic_objectives",
    ),
    Sheet(
        "Obiettivi operativi",
        "Gli obiettivi operativi, ciascuno sotto un obiettivo strategico.",
        (
            _text("Codice", _CODE_HELP, True, "B.2.1", attribute="code"),
            _text("Obiettivo strategico", "codice dell'obiettivo strategico", True, "B2", attribute="strategic_objective"),
            _text("Denominazione", "nome dell'obiettivo", True, "Esplorazione di nuovi mercati", attribute="name"),
            _text(
                "Etichetta", "come stampare il codice, se diverso; - per non stamparlo", attribute="label", convert=optional_label
            ),
            _text(
                "Strutture coinvolte",
                "strutture coinvolte, come stampate (es. Servizio Promozione economica, TRASVERSALE)",
                attribute="structures_involved",
            ),
            _text(
                "Area",
                "codici delle strutture (aree) nelle cui schede di cascading compare, separati da virgola; "
                "vi compare con i suoi indicatori area o entrambi (se non ne ha, con tutti i suoi)",
                example="ASE",
                attribute="areas",
                convert=comma_list,
            ),
            Column(
                "Nel cruscotto",
                ColumnType.YES_NO,
                "si se compare nel cruscotto di ente (3.2); no se solo nel cascading",
                example="si",
                attribute="in_dashboard",
            ),
            Column("Descrizione", ColumnType.RICH_TEXT, "descrizione dell'obiettivo", attribute="description"),
            _MONITORING_SHEET,
            _text(
                "Ambiti PIAO",
                "per il PIAO (sottosezione 2.2): gli ambiti dell'obiettivo, separati da virgola, fra "
                + ", ".join(PIAO_DIMENSIONS),
                example="semplificazione, digitalizzazione",
                attribute="piao_dimensions",
                convert=piao_dimensions,
            ),
        ),
        model=OperationalObjective,
        attribute="operational_objectives",
    ),
    Sheet(
        "Indicatori",
        "Gli indicatori, ciascuno legato a un obiettivo operativo o strategico. "
        "Le colonne 'Storico AAAA' e 'Target AAAA' si ripetono per ogni anno (es. Target 2020, Target 2021).",
        (
            _text("Codice", "codice univoco dell'indicatore nel workbook", True, "IND-B21-1", attribute="code"),
            _text(
                "Obiettivo",
                "codice dell'obiettivo (operativo o strategico) a cui l'indicatore appartiene",
                True,
                "B.2.1",
                attribute="objective",
            ),
            Column(
                "Flag",
                ColumnType.CHOICE,
                "classificazione dell'indicatore",
                choices=INDICATOR_FLAGS,
                example="PIRA",
                attribute="flag",
            ),
            _text("Indicatore", "nome dell'indicatore", True, "Grado di utilizzo delle risorse", attribute="name"),
            _text(
                "Riferimento",
                "codice stampato nella riga dell'indicatore, se diverso dall'obiettivo (es. B.1.2, TRASVERSALE)",
                attribute="reference",
            ),
            _text(
                "Algoritmo",
                "formula di calcolo, come testo",
                example="Risorse prenotate/Risorse stanziate",
                attribute="algorithm",
            ),
            _text("Descrizione tecnica", "descrizione tecnica (PIRA)", attribute="technical_description"),
            Column(
                "Media cluster",
                ColumnType.VALUE,
                "media del cluster dimensionale (Pareto)",
                example="97,97%",
                attribute="cluster_mean",
            ),
            Column(
                "Storico",
                ColumnType.VALUE,
                "valore storico dell'anno indicato nell'intestazione",
                per_year=True,
                example="95,00%",
                attribute="history",
            ),
            Column("Peso", ColumnType.PERCENT, "peso dell'indicatore nel suo obiettivo", example="80%", attribute="weight"),
            Column(
                "Target",
                ColumnType.TARGET,
                "target dell'anno indicato nell'intestazione, come scritto",
                per_year=True,
                example=">=80%",
                attribute="targets",
            ),
            Column(
                "Tipologia",
                ColumnType.TEXT,
                "tipologia dell'indicatore",
                choices=INDICATOR_TYPES,
                example="Indicatore di efficacia",
                attribute="type",
            ),
            Column("Unità di misura", ColumnType.TEXT, "unità di misura", choices=UNITS, example="Percentuale", attribute="unit"),
            _text("Fonte", "fonte del dato", example="Oracle/Con2", attribute="source"),
            Column(
                "Verso",
                ColumnType.CHOICE,
                "crescente se più alto è meglio, decrescente se più basso è meglio",
                choices=DIRECTIONS,
                example="crescente",
                attribute="direction",
                convert=Direction,
            ),
            _text("Owner", "servizio responsabile dell'indicatore", attribute="owner"),
            _budget_code("Missione", "codice della missione (PIRA)", example="016", attribute="mission"),
            _budget_code("Programma", "codice del programma nella missione (PIRA)", example="005", attribute="programme"),
            _text("Centro di responsabilità", "centro di responsabilità (PIRA)", attribute="responsibility_centre"),
            Column(
                "Cruscotto",
                ColumnType.CHOICE,
                "dove compare: ente (cruscotto 3.2), area (cascading 3.3) o entrambi; nella scheda di cascading "
                "un obiettivo operativo nessuno dei cui indicatori è area o entrambi mostra tutti i suoi indicatori",
                choices=("ente", "area", "entrambi"),
                example="ente",
                attribute="dashboard",
            ),
            Column("Note", ColumnType.RICH_TEXT, "note stampate con l'indicatore", attribute="notes"),
        ),
        model=Indicator,
        attribute="indicators",
    ),
    Sheet(
        "Misurazioni",
        "I valori misurati degli indicatori alle varie date (30/06, 30/09, 31/12 o altre).",
        (
            _text("Indicatore", "codice dell'indicatore", True, "IND-B21-1", attribute="indicator"),
            Column("Data", ColumnType.DATE, "data della misurazione", True, example="30/06/2020", attribute="date"),
            Column("Valore", ColumnType.VALUE, "valore misurato, come scritto", True, example="84%", attribute="value"),
            Column(
                "Raggiungimento manuale",
                ColumnType.PERCENT,
                "grado di raggiungimento stabilito a mano (target non misurabili)",
                attribute="manual_achievement",
            ),
            Column("Note", ColumnType.RICH_TEXT, "nota sulla misurazione", attribute="note"),
        ),
        model=Measurement,
        attribute="measurements",
    ),
    Sheet(
        "Revisioni",
        "Le modifiche al piano: target o pesi rivisti, indicatori e obiettivi inseriti o eliminati.",
        (
            Column(
                "Tipo",
                ColumnType.CHOICE,
                "tipo di modifica",
                True,
                REVISION_KINDS,
                "target rivisto",
                attribute="kind",
                convert=RevisionKind,
            ),
            _text("Elemento", "codice dell'indicatore o dell'obiettivo modificato", True, "IND-B21-1", attribute="element"),
            Column("Anno", ColumnType.INTEGER, "anno del target rivisto", example="2020", attribute="year"),
            Column(
                "Valore precedente", ColumnType.TEXT, "target o peso prima della revisione, come scritto", attribute="previous"
            ),
            Column(
                "Nuovo valore", ColumnType.TEXT, "target o peso dopo la revisione, come scritto", example="90%", attribute="new"
            ),
            _text("Atto", "codice dell'atto (scheda Atti) che ha deciso la modifica", True, "GC-63-2020", attribute="act"),
            Column("Motivazione", ColumnType.RICH_TEXT, "motivazione della modifica", attribute="motivation"),
            Column(
                "Ridistribuisci pesi",
                ColumnType.YES_NO,
                "si se il peso dell'indicatore eliminato va ripartito sugli altri",
                attribute="respread_weights",
            ),
        ),
        model=Revision,
        attribute="revisions",
    ),
    Sheet(
        "Missioni",
        "Le missioni del bilancio dello Stato usate dalla classificazione PIRA.",
        (
            _budget_code("Codice", "codice a tre cifre", True, "011", attribute="code"),
            _text("Denominazione", "nome della missione", True, "Competitività e sviluppo delle imprese", attribute="name"),
        ),
        model=Mission,
        attribute="missions",
    ),
    Sheet(
        "Programmi",
        "I programmi di spesa di ciascuna missione, con il centro di responsabilità.",
        (
            _budget_code("Missione", "codice della missione", True, "011", attribute="mission"),
            _budget_code("Codice", "codice del programma (tre cifre)", True, "005", attribute="code"),
            _text(
                "Denominazione",
                "nome del programma",
                True,
                "Promozione e attuazione di politiche di sviluppo...",
                attribute="name",
            ),
            _text("Centro di responsabilità", "centro di responsabilità del programma", attribute="responsibility_centre"),
        ),
        model=Programme,
        attribute="programmes",
    ),
    Sheet(
        "Obiettivi PIRA",
        "Il testo PIRA degli obiettivi, per ciascun programma in cui compaiono.",
        (
            _text("Obiettivo", "codice dell'obiettivo (strategico o operativo)", True, "B2", attribute="objective"),
            _budget_code("Missione", "codice della missione", True, "016", attribute="mission"),
            _budget_code("Programma", "codice del programma", True, "005", attribute="programme"),
            _text(
                "Denominazione",
                "titolo dell'obiettivo sotto questo programma, se diverso da quello dell'obiettivo",
                attribute="title",
            ),
            Column(
                "Budget",
                ColumnType.VALUE,
                "risorse del programma, come scritte (es. € 30.000, Attività realizzate con risorse interne)",
                attribute="budget",
                convert=meaningful,
            ),
            Column("Descrizione", ColumnType.RICH_TEXT, "descrizione dell'obiettivo nel PIRA", attribute="description"),
            Column("Principali attività", ColumnType.RICH_TEXT, "principali attività e interventi", attribute="main_activities"),
            _text("Portatori di interesse", "stakeholder principali", attribute="stakeholders"),
        ),
        model=PiraObjectiveText,
        attribute="pira_texts",
    ),
    Sheet(
        "Programmi di budget",
        "Il budget dei programmi del cascading: programma, azione, progetto o iniziativa, con oneri, investimenti e proventi.",
        (
            _text("Linea", "codice della linea strategica", True, "A", attribute="line"),
            _text("Area", "codice della struttura (area) nella cui scheda compare", example="ASE", attribute="area"),
            _text(
                "Funzione camerale",
                "funzione camerale con il suo codice",
                example="TURISMO E CULTURA - 33003",
                attribute="function",
            ),
            _text(
                "Programma",
                "programma come stampato",
                True,
                "A.3 Azioni promozionali per la valorizzazione complessiva del territorio",
                attribute="programme",
            ),
            _text(
                "Azione",
                "obiettivo operativo o azione come stampato",
                example="A.3.4 - Realizzazione di iniziative dirette",
                attribute="action",
            ),
            _text(
                "Progetto",
                "progetto o iniziativa (vuoto per un'azione senza progetti a budget)",
                example="Vetrina Toscana 2020",
                attribute="project",
            ),
            Column(
                "Oneri promozionali",
                ColumnType.NUMBER,
                "euro; vuoto o - se nulla",
                example="15.000,00",
                attribute="promotional_costs",
            ),
            Column("Investimenti", ColumnType.NUMBER, "euro; vuoto o - se nulla", attribute="investments"),
            Column("Proventi", ColumnType.NUMBER, "euro; vuoto o - se nulla", example="15.000,00", attribute="revenues"),
            _text("Strutture coinvolte", "strutture coinvolte", attribute="structures_involved"),
        ),
        model=BudgetItem,
        attribute="budget_items",
    ),
    Sheet(
        "Totali di budget",
        "I totali stampati nel documento, per programma o per linea, che pianodocs verifica sommando le righe.",
        (
            Column(
                "Livello",
                ColumnType.CHOICE,
                "totale di un programma o di una linea",
                True,
                ("programma", "linea"),
                "programma",
                attribute="level",
            ),
            _text(
                "Riferimento",
                "il programma (come nella scheda Programmi di budget) o il codice della linea",
                True,
                attribute="reference",
            ),
            Column("Oneri promozionali", ColumnType.NUMBER, "totale stampato", attribute="promotional_costs"),
            Column("Investimenti", ColumnType.NUMBER, "totale stampato", attribute="investments"),
            Column("Proventi", ColumnType.NUMBER, "totale stampato", attribute="revenues"),
        ),
        model=BudgetTotal,
        attribute="budget_totals",
    ),
    Sheet(
        "Fasi",
        "Le fasi di un obiettivo per anno (diagramma di Gantt del monitoraggio).",
        (
            _text("Obiettivo", "codice dell'obiettivo", True, "P1", attribute="objective"),
            _text("Fase", "descrizione della fase", True, "Utilizzo spazi sede camerale", attribute="name"),
            _text(
                "Anni",
                "anni in cui la fase è attiva, separati da virgola",
                True,
                "2020, 2021, 2022",
                attribute="years",
                convert=years_list,
            ),
        ),
        model=Phase,
        attribute="phases",
    ),
    Sheet(
        "Sezioni",
        "I capitoli e paragrafi del documento, nell'ordine di stampa.",
        (
            _text("Chiave", "identificativo della sezione, usato nella scheda Testi", True, "1.1", attribute="key"),
            _text("Numero", "numero stampato (vuoto per sezioni non numerate)", example="1.1", attribute="number"),
            _text("Titolo", "titolo stampato", True, "Mission e principali attività", attribute="title"),
            Column(
                "Livello", ColumnType.INTEGER, "1 capitolo, 2 paragrafo, 3 sottoparagrafo", True, example="2", attribute="level"
            ),
            Column("Nel sommario", ColumnType.YES_NO, "si se compare nel sommario", example="si", attribute="in_summary"),
            _text("Documento", "tipo di documento in cui compare (vuoto: piano-performance)", attribute="document"),
        ),
        model=Section,
        attribute="sections",
    ),
    Sheet(
        "Testi",
        "I blocchi di testo di ciascuna sezione, nell'ordine di stampa. "
        "Nel testo: **grassetto**, *corsivo*, [testo](https://indirizzo).",
        (
            _text("Sezione", "chiave della sezione (scheda Sezioni)", True, "1.1", attribute="section"),
            Column("Tipo", ColumnType.CHOICE, "tipo di blocco", True, BLOCK_KINDS, "paragrafo", attribute="kind"),
            Column(
                "Contenuto",
                ColumnType.RICH_TEXT,
                "il testo; per 'elenco' una voce per riga; per 'tabella' il nome della tabella (scheda Tabelle); "
                f"per 'generato' il contenuto calcolato da inserire ({_GENERATED_HELP}); per 'immagine' il percorso del file PNG, JPEG "
                "o SVG, relativo alla cartella del workbook (es. immagini/organigramma.svg)",
                True,
                attribute="content",
            ),
            _text("Testo alternativo", "per 'immagine': che cosa mostra, per chi non la vede (obbligatorio)", attribute="alt"),
            _text("Didascalia", "per 'immagine': la didascalia stampata sotto", attribute="caption"),
            Column(
                "Larghezza",
                ColumnType.NUMBER,
                "per 'immagine': la larghezza in millimetri, da 10 a 170 (vuoto: tutta la larghezza del testo)",
                example="120",
                attribute="width_mm",
            ),
        ),
        model=TextBlock,
        attribute="text_blocks",
    ),
    Sheet(
        "Tabelle",
        "Tabelle libere stampate come sono (mappa degli stakeholder, personale, partecipate, bilancio...). "
        "Le righe 'totale' vengono verificate: ogni numero deve essere la somma delle righe 'dati' sopra di esso.",
        (
            _text("Tabella", "nome della tabella, usato nella scheda Testi", True, "partecipate"),
            Column("Tipo riga", ColumnType.CHOICE, "tipo di riga", True, TABLE_ROW_KINDS, "dati"),
            *(Column(f"C{n}", ColumnType.TEXT, f"cella {n} della riga") for n in range(1, TABLE_CELLS + 1)),
        ),
    ),
    Sheet(
        "Scheda segretario",
        "La scheda individuale del Segretario generale: obiettivi, pesi per prospettiva, target. "
        "La colonna 'Target AAAA' si ripete per ogni anno (es. Target 2025, Target 2026).",
        (
            _text("Prospettiva", "codice della prospettiva", True, "TEL", attribute="perspective"),
            Column("Peso prospettiva", ColumnType.PERCENT, "peso della prospettiva nella scheda", attribute="perspective_weight"),
            _text("Obiettivo", "codice dell'obiettivo strategico", True, "E", attribute="objective"),
            Column(
                "Peso obiettivo",
                ColumnType.PERCENT,
                "peso dell'obiettivo nella prospettiva",
                example="30%",
                attribute="objective_weight",
            ),
            _text("Azione", "azione o obiettivo operativo", attribute="action"),
            _text("Indicatore", "indicatore come stampato", True, "Istituzione OCRI", attribute="indicator"),
            Column("Peso", ColumnType.PERCENT, "peso dell'indicatore", example="100%", attribute="weight"),
            Column(
                "Target",
                ColumnType.TARGET,
                "target come scritto, valido per ogni anno (formato precedente: preferire le colonne Target AAAA, "
                "che per il loro anno prevalgono su questa)",
                example="15/08/2020",
                attribute="target",
            ),
            _text("Riferimento", "codici o numeri di riferimento stampati a sinistra (es. E2 3 56)", attribute="reference"),
            Column(
                "Target",
                ColumnType.TARGET,
                "target dell'anno indicato nell'intestazione, come scritto: il documento stampa quello del suo anno "
                "di riferimento",
                per_year=True,
                example="15/08/2025",
                attribute="targets",
            ),
        ),
        model=SecretaryCardRow,
        attribute="secretary_card",
    ),
)

# the PIAO's own sheets (DM 132/2022), declared in their module with its choices; it uses the classes above
from .schema_piao import PIAO_REFERENCES, PIAO_SHEETS  # noqa: E402

SHEETS = (*SHEETS, *PIAO_SHEETS)
SHEETS_BY_NAME = {sheet.name: sheet for sheet in SHEETS}

# a hidden sheet ``pianodocs init`` writes to hold the drop-down lists too long for Excel's inline lists
LISTS_SHEET = "Elenchi"

# Columns whose values are codes of another sheet: ``pianodocs init`` offers them as drop-down lists.
REFERENCES: dict[tuple[str, str], str] = {
    ("Linee strategiche", "Prospettiva"): "Prospettive",
    ("Linee strategiche", "Missione"): "Missioni",
    ("Obiettivi strategici", "Linea"): "Linee strategiche",
    ("Obiettivi strategici", "Prospettiva"): "Prospettive",
    ("Obiettivi operativi", "Obiettivo strategico"): "Obiettivi strategici",
    ("Indicatori", "Missione"): "Missioni",
    ("Misurazioni", "Indicatore"): "Indicatori",
    ("Revisioni", "Atto"): "Atti",
    ("Programmi", "Missione"): "Missioni",
    ("Obiettivi PIRA", "Missione"): "Missioni",
    ("Programmi di budget", "Linea"): "Linee strategiche",
    ("Testi", "Sezione"): "Sezioni",
    ("Scheda segretario", "Prospettiva"): "Prospettive",
}
REFERENCES.update(PIAO_REFERENCES)
