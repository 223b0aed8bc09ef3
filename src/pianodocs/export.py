"""Open data export of a plan: indicators, targets, measurements and scores as CSV, and all of it as one JSON file.

:func:`write_export` writes the files an ente publishes in "Amministrazione
trasparente" beside its documents (D.Lgs 33/2013 art. 7: data in an open format):
four CSV files for spreadsheets and ``piano.json`` for programs, which follows
``docs/export.schema.json``. It reads the model and the scoring engine and lays out
no document. Every row of a CSV is the same record as the matching JSON object, so
the two cannot drift apart; ``docs/export.md`` describes every column and the rule
that keeps spreadsheet formulas out of the CSV cells.
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from contextlib import ExitStack
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path
from typing import Any

import attrs

from .atomic import atomic_output
from .errors import OutputError
from .model import Indicator, Measurement, Plan
from .schema import SHEETS_BY_NAME, ColumnType, Sheet
from .scoring import IndicatorScore, Scorecard, score, weight_text
from .values import Target, Value, format_percent

FORMAT_VERSION = 1
CSV_DELIMITER = ";"
CSV_ENCODING = "utf-8-sig"  # UTF-8 with BOM: Excel in Italian then reads the accents right on a double click
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # OWASP, "CSV Injection"
_DECIMALS = 10  # computed numbers (re-spread weights, achievements) are cut to 10 decimals

Cell = str | Decimal | int | dt.date | bool | None
Record = dict[str, Cell]


@attrs.frozen
class Column:
    """A column of a CSV file (``header``, in Italian) and the key of the same field in piano.json.

    A column of the workbook's Indicatori sheet also names the ``attribute`` it publishes, as written (its
    ``type`` says how) or, for its ``numeric`` twin, as the number it holds.
    """

    header: str
    key: str
    attribute: str = ""
    type: ColumnType | None = None
    numeric: bool = False


def _columns(*pairs: tuple[str, str]) -> tuple[Column, ...]:
    return tuple(Column(header, key) for header, key in pairs)


def _key(header: str) -> str:
    """``unità di misura`` → ``unita_di_misura``: the header without accents, words joined by ``_``."""
    plain = unicodedata.normalize("NFKD", header).encode("ascii", "ignore").decode()
    return "_".join(re.findall(r"[a-z0-9]+", plain.casefold()))


# where the objective sits in the tree: derived from the plan, after the indicator's own objective
_PLACE = ("obiettivo strategico", "linea", "prospettiva")
# indicatori.csv in its published order (docs/export.md): the workbook's columns by their schema name, the place
# columns among them; a column of the schema in neither this nor NOT_PUBLISHED is published after these
_INDICATOR_ORDER = (
    "Codice", "Obiettivo", *_PLACE, "Flag", "Indicatore", "Algoritmo", "Descrizione tecnica", "Tipologia",
    "Unità di misura", "Fonte", "Verso", "Owner", "Missione", "Programma", "Centro di responsabilità", "Peso", "Media cluster",
)  # fmt: skip
# the columns that also hold a number, with the header of the number's column
_NUMERIC_TWINS = {"Peso": "peso numerico", "Media cluster": "media cluster numerica"}
# the workbook's Indicatori columns the open data leave out: how a document prints the row, where it is shown,
# the notes (rich text for a document); the per-year columns are published by target.csv (the history is not)
NOT_PUBLISHED = ("Riferimento", "Cruscotto", "Note")


def indicator_columns(sheet: Sheet = SHEETS_BY_NAME["Indicatori"]) -> tuple[Column, ...]:
    """The columns of indicatori.csv: the ``sheet``'s columns, header its name in lower case, with the place columns."""
    workbook = {c.name: c for c in sheet.columns if c.attribute and not c.per_year and c.name not in NOT_PUBLISHED}
    columns: list[Column] = []
    for name in (*_INDICATOR_ORDER, *(name for name in workbook if name not in _INDICATOR_ORDER)):
        column = workbook.get(name)
        if name in _PLACE:
            columns.append(Column(name, _key(name)))
        elif column is not None:
            columns.append(Column(name.casefold(), _key(name), column.attribute, column.type))
            if name in _NUMERIC_TWINS:
                columns.append(Column(_NUMERIC_TWINS[name], _key(_NUMERIC_TWINS[name]), column.attribute, numeric=True))
    return tuple(columns)


INDICATOR_COLUMNS = indicator_columns()
# the Ente fields piano.json publishes (its "ente" object), in this order: keys from the schema's names
_ENTITY_PUBLISHED = tuple(
    SHEETS_BY_NAME["Ente"].column(name)
    for name in ("Denominazione", "Denominazione breve", "Codice fiscale", "Indirizzo", "Sito web")
)
TARGET_COLUMNS = _columns(
    ("codice indicatore", "codice_indicatore"),
    ("anno", "anno"),
    ("target come scritto", "target_come_scritto"),
    ("tipo di target", "tipo_di_target"),
    ("operatore", "operatore"),
    ("soglia numerica", "soglia_numerica"),
    ("data di scadenza", "data_di_scadenza"),
)
MEASUREMENT_COLUMNS = _columns(
    ("codice", "codice"),
    ("data", "data"),
    ("valore come scritto", "valore_come_scritto"),
    ("valore numerico", "valore_numerico"),
    ("tipo di valore", "tipo_di_valore"),
    ("raggiungimento manuale", "raggiungimento_manuale"),
    ("raggiungimento manuale numerico", "raggiungimento_manuale_numerico"),
    ("note", "note"),
)
SCORE_COLUMNS = _columns(
    ("codice", "codice"),
    ("data", "data"),
    ("anno", "anno"),
    ("data misurazione", "data_misurazione"),
    ("valore", "valore"),
    ("target in vigore", "target_in_vigore"),
    ("target rivisto", "target_rivisto"),
    ("raggiungimento %", "raggiungimento_percentuale"),
    ("raggiungimento numerico", "raggiungimento_numerico"),
    ("regola", "regola"),
    ("valutabile", "valutabile"),
    ("motivo", "motivo"),
    ("peso in vigore", "peso_in_vigore"),
    ("peso in vigore numerico", "peso_in_vigore_numerico"),
    ("nelle medie", "nelle_medie"),
    ("stato", "stato"),
)


# --- records: one per CSV row, and the fields of a JSON object ---------------------------------


@attrs.frozen
class _Place:
    """Where an objective sits in the tree: its strategic objective, line and perspective (by name)."""

    strategic: str = ""
    line: str = ""
    perspective: str = ""


def _places(plan: Plan) -> dict[str, _Place]:
    """The place of every objective code, operational or strategic."""
    lines = {line.code: line for line in plan.lines}
    perspective_names = {perspective.code: perspective.name for perspective in plan.perspectives}
    places: dict[str, _Place] = {}
    for objective in plan.strategic_objectives:
        line = lines.get(objective.line)
        perspective = objective.perspective or (line.perspective if line is not None else "")
        places[objective.code] = _Place(objective.code, objective.line, perspective_names.get(perspective, perspective))
    for operational in plan.operational_objectives:
        places[operational.code] = places.get(operational.strategic_objective, _Place(operational.strategic_objective))
    return places


def _indicator_record(indicator: Indicator, place: _Place) -> Record:
    record: Record = {"obiettivo_strategico": place.strategic, "linea": place.line, "prospettiva": place.perspective}
    for column in INDICATOR_COLUMNS:
        if column.attribute:
            record[column.key] = _published(getattr(indicator, column.attribute), column)
    return {column.key: record[column.key] for column in INDICATOR_COLUMNS}


def _published(value: object, column: Column) -> Cell:
    """A workbook value in the open data: as written (a weight by the one rule), or the number it holds."""
    if isinstance(value, Value):
        return value.number if column.numeric else value.text
    if isinstance(value, enum.Enum):
        return str(value.value)
    if column.type is ColumnType.PERCENT and not column.numeric:
        return weight_text(value) if isinstance(value, Decimal) else ""
    if value is None or isinstance(value, str | Decimal | int | dt.date | bool):
        return "" if value is None and not column.numeric else value
    return str(value)


def _target_record(code: str, year: int, target: Target) -> Record:
    threshold: Value | None = target.threshold
    return {
        "codice_indicatore": code,
        "anno": year,
        "target_come_scritto": target.text,
        "tipo_di_target": target.kind.value,
        "operatore": target.comparison.value if target.comparison is not None else "",
        "soglia_numerica": threshold.number if threshold is not None else None,
        "data_di_scadenza": target.deadline,
    }


def _measurement_record(measurement: Measurement) -> Record:
    manual = measurement.manual_achievement
    return {
        "codice": measurement.indicator,
        "data": measurement.date,
        "valore_come_scritto": measurement.value.text,
        "valore_numerico": measurement.value.number,
        "tipo_di_valore": measurement.value.kind.value,
        "raggiungimento_manuale": format_percent(manual) if manual is not None else "",
        "raggiungimento_manuale_numerico": manual,
        "note": measurement.note,
    }


def _score_record(indicator_score: IndicatorScore, card: Scorecard) -> Record:
    measurement, target = indicator_score.measurement, indicator_score.target
    return {
        "codice": indicator_score.code,
        "data": card.at,
        "anno": card.year,
        "data_misurazione": measurement.date if measurement is not None else None,
        "valore": measurement.value.text if measurement is not None else "",
        "target_in_vigore": target.text if target is not None else "",
        "target_rivisto": indicator_score.target_revised,
        "raggiungimento_percentuale": indicator_score.percent,
        "raggiungimento_numerico": indicator_score.achievement,
        "regola": indicator_score.rule,
        "valutabile": indicator_score.evaluable,
        "motivo": indicator_score.reason,
        "peso_in_vigore": weight_text(indicator_score.weight),
        "peso_in_vigore_numerico": indicator_score.weight,
        "nelle_medie": indicator_score.counted,
        "stato": indicator_score.status,
    }


def evaluation_date(plan: Plan, at: dt.date | None = None) -> dt.date | None:
    """The date of the scores: ``at``, else the plan's monitoring date, else its latest measurement; None for none."""
    if at is not None:
        return at
    if plan.monitoring_date is not None:
        return plan.monitoring_date
    return max((m.date for m in plan.measurements), default=None)


# --- JSON ---------------------------------------------------------------------------------------


def to_json(plan: Plan, at: dt.date | None = None) -> dict[str, Any]:
    """The content of piano.json, ready for ``json.dumps``: ente, piano, and every indicator with what belongs to it."""
    when = evaluation_date(plan, at)
    return _document(plan, score(plan, when) if when is not None else None)


def _document(plan: Plan, card: Scorecard | None) -> dict[str, Any]:
    from . import export_piao  # it builds on this module's columns and records

    entity = plan.entity
    places = _places(plan)
    scores = {s.code: s for s in card.indicators} if card is not None else {}
    indicators = []
    for indicator in plan.indicators:
        item = _json_record(_indicator_record(indicator, places.get(indicator.objective, _Place())))
        item["target"] = [
            _json_record(_target_record(indicator.code, year, target), drop="codice_indicatore")
            for year, target in sorted(indicator.targets.items())
        ]
        item["misurazioni"] = [_json_record(_measurement_record(m), drop="codice") for m in plan.measurements_of(indicator.code)]
        found = scores.get(indicator.code)
        item["punteggio"] = _json_record(_score_record(found, card), drop="codice") if found and card else None
        indicators.append(item)
    return {
        "versione_formato": FORMAT_VERSION,
        "ente": {_key(column.name): getattr(entity, column.attribute) for column in _ENTITY_PUBLISHED},
        "piano": {
            "titolo": plan.title,
            "sottotitolo": plan.subtitle,
            "tipo": plan.kind,
            "primo_anno": plan.first_year,
            "ultimo_anno": plan.last_year,
            "anno_di_riferimento": plan.reference_year,
            "data_monitoraggio": _json_value(plan.monitoring_date),
            "soglia_di_raggiungimento": _json_value(plan.threshold),
            "data_valutazione": _json_value(card.at) if card is not None else None,
            "anno_valutazione": card.year if card is not None else None,
        },
        "indicatori": indicators,
        **export_piao.json_sections(plan),  # the PIAO's risks, measures and staffing plan, when the plan has them
    }


def _json_record(record: Record, drop: str = "") -> dict[str, Any]:
    return {key: _json_value(value) for key, value in record.items() if key != drop}


def _json_value(value: Cell) -> Any:
    """Text as it is (JSON is not a spreadsheet), numbers as JSON numbers, dates ISO."""
    if isinstance(value, Decimal):
        number = _machine_number(value)
        return int(number) if number == number.to_integral_value() else float(number)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


# --- CSV ----------------------------------------------------------------------------------------


def spreadsheet_safe(text: str) -> str:
    """Text for a CSV cell: prefixed with ``'`` when it begins like a formula (``=``, ``+``, ``-``, ``@``, tab, CR)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _machine_number(number: Decimal) -> Decimal:
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -_DECIMALS:
        number = number.quantize(Decimal(1).scaleb(-_DECIMALS), ROUND_HALF_EVEN)
    return number.normalize() if number else Decimal(0)


def _csv_cell(value: Cell) -> str:
    """Text neutralised against formulas; numbers with a dot and no grouping; dates ISO; yes/no as ``si``/``no``.

    Only text from the workbook can carry a formula: numbers and dates are written by pianodocs
    in a fixed form (a negative number keeps its ``-``), so they are not prefixed.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "si" if value else "no"
    if isinstance(value, Decimal):
        return format(_machine_number(value), "f")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return spreadsheet_safe(value)


def _write_csv(path: Path, columns: Sequence[Column], records: Iterable[Mapping[str, Cell]]) -> None:
    with path.open("w", encoding=CSV_ENCODING, newline="") as handle:
        writer = csv.writer(handle, delimiter=CSV_DELIMITER, lineterminator="\r\n")
        writer.writerow([column.header for column in columns])
        writer.writerows([_csv_cell(record[column.key]) for column in columns] for record in records)


# --- the files ----------------------------------------------------------------------------------


def write_export(plan: Plan, folder: Path, *, at: dt.date | None = None, stem: str = "") -> list[Path]:
    """Write the open data files of ``plan`` into ``folder`` (which must exist) and return their paths.

    ``indicatori.csv``, ``target.csv``, ``misurazioni.csv``, ``punteggi.csv`` (only when there is an
    evaluation date: ``at``, else the plan's monitoring date, else its latest measurement) and
    ``piano.json``, each name prefixed by ``stem``. Every file is written to a temporary file first
    and all of them replace the old ones only once all are written: a failure leaves the folder as
    it was and raises :class:`~pianodocs.OutputError`.
    """
    if any(mark in stem for mark in ("/", "\\", "\0")):
        raise OutputError(f"Prefisso dei file non valido: '{stem}' (non può contenere separatori di cartella).")
    from . import export_piao

    when = evaluation_date(plan, at)
    card = score(plan, when) if when is not None else None
    places = _places(plan)
    tables: list[tuple[str, tuple[Column, ...], list[Record]]] = [
        (
            "indicatori.csv",
            INDICATOR_COLUMNS,
            [_indicator_record(i, places.get(i.objective, _Place())) for i in plan.indicators],
        ),
        (
            "target.csv",
            TARGET_COLUMNS,
            [_target_record(i.code, year, t) for i in plan.indicators for year, t in sorted(i.targets.items())],
        ),
        ("misurazioni.csv", MEASUREMENT_COLUMNS, [_measurement_record(m) for m in plan.measurements]),
    ]
    if card is not None:
        tables.append(("punteggi.csv", SCORE_COLUMNS, [_score_record(s, card) for s in card.indicators]))
    tables.extend(export_piao.tables(plan))  # the PIAO's files, when the plan has their data
    document = json.dumps(_document(plan, card), ensure_ascii=False, indent=2) + "\n"
    folder = Path(folder)
    written: list[Path] = []
    with ExitStack() as pending:  # on leaving, every temporary file replaces its target, or all are removed
        for name, columns, records in tables:
            path = folder / f"{stem}{name}"
            _write_csv(pending.enter_context(atomic_output(path)), columns, records)
            written.append(path)
        path = folder / f"{stem}piano.json"
        pending.enter_context(atomic_output(path)).write_text(document, encoding="utf-8")
        written.append(path)
    return written
