"""Load a planning workbook into a :class:`~pianodocs.model.Plan`, or raise a ValidationError with every problem.

The pipeline: check and read the file (:mod:`.reader`), type every cell
(:mod:`.records`), cross-check the records (:mod:`.checks`), then build the
frozen domain objects from values already known to be right, each attribute from the
column the schema (:mod:`pianodocs.schema`) says fills it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeVar

import attrs

from ..errors import Problem, Severity, ValidationError
from ..limits import DEFAULT_LIMITS, LoadLimits, italian_number
from ..model import FreeTable, Indicator, Plan, TableRow, TextBlock
from ..schema import SHEETS, TABLE_CELLS, Sheet
from ..values import Target, Value
from .checks import check_records
from .checks_piao import check_piao
from .pictures import picture_path
from .reader import RawSheet, read_sheets
from .records import Record, read_records

_Item = TypeVar("_Item")


def load_workbook(path: Path | str, warnings: list[Problem] | None = None, limits: LoadLimits = DEFAULT_LIMITS) -> Plan:
    """Read, validate and load the workbook at ``path``.

    Raises :class:`ValidationError` listing every problem when the workbook has errors.
    Warnings of a workbook that loads are appended to ``warnings`` when given.
    A workbook beyond ``limits`` (rows, text) is refused before its records are cross-checked.
    """
    problems: list[Problem] = []
    sheets = match_sheet_names(read_sheets(Path(path)), problems)
    known = {sheet.name.casefold() for sheet in SHEETS}
    problems.extend(notice for name, raw in sheets.items() if name.strip().casefold() in known for notice in raw.notices)
    records = read_records(sheets, problems)
    beyond = _beyond_limits(records, limits)
    if beyond:
        raise ValidationError([*problems, *beyond])
    check_records(records, problems, folder=Path(path).parent)
    check_piao(records, problems)
    if any(problem.severity is Severity.ERROR for problem in problems):
        raise ValidationError(problems)
    if not records["Indicatori"]:
        problems.append(
            Problem(
                "Indicatori",
                None,
                "Il workbook non contiene indicatori (il foglio 'Indicatori' manca, è vuoto o ha un altro nome): "
                "i documenti fatti di indicatori (Piano, PIRA, monitoraggio, Relazione, cruscotto) non possono essere prodotti.",
                Severity.WARNING,
            )
        )
    if warnings is not None:
        warnings.extend(problems)
    return build_plan(records, folder=Path(path).parent)


def match_sheet_names(sheets: Mapping[str, RawSheet], problems: list[Problem]) -> dict[str, RawSheet]:
    """``sheets`` with a sheet named like one of the format but for invisible characters read under the format's name.

    Invisible characters (zero-width spaces, a non-breaking space, spaces at the ends, other look-alikes that
    Unicode normalises away) are easy to type or paste into a sheet's tab without seeing them: such a sheet is
    read as the format's sheet, with an avviso naming what was found, unless a sheet with the exact name exists.
    """
    exact = {name.strip().casefold() for name in sheets}
    by_folded = {_folded(sheet.name): sheet.name for sheet in SHEETS}
    matched: dict[str, RawSheet] = {}
    for name, raw in sheets.items():
        target = by_folded.get(_folded(name))
        if target is None or name.strip().casefold() == target.casefold() or target.casefold() in exact:
            matched[name] = raw
            continue
        exact.add(target.casefold())
        problems.append(
            Problem(
                target,
                None,
                f"Il foglio «{_visible(name)}» si chiama quasi come '{target}' (il nome contiene caratteri invisibili o "
                f"simili: {_odd_characters(name)}): viene letto come '{target}'. Rinominare il foglio '{target}'.",
                Severity.WARNING,
            )
        )
        matched[target] = attrs.evolve(raw, name=target)
    return matched


def _folded(name: str) -> str:
    """``name`` without what the eye cannot tell apart: Unicode compatibility forms, format characters, extra spaces."""
    normal = unicodedata.normalize("NFKC", name)
    kept = "".join(" " if character.isspace() else character for character in normal if unicodedata.category(character) != "Cf")
    return " ".join(kept.split()).casefold()


def _odd_characters(name: str) -> str:
    """The characters of ``name`` a reader cannot see or tell from plain ones, as Unicode code points."""
    odd = [
        character
        for character in dict.fromkeys(name)
        if _invisible(character) or unicodedata.normalize("NFKC", character) != character
    ]
    found = ", ".join(f"U+{ord(character):04X}" for character in odd)
    if name != name.strip():
        found = ", ".join(part for part in (found, "spazi all'inizio o alla fine") if part)
    return found


def _invisible(character: str) -> bool:
    """Whether ``character`` shows as nothing, or as a plain space while not being one (a non-breaking space)."""
    return character != " " and unicodedata.category(character) in ("Cf", "Cc", "Zs", "Zl", "Zp")


def _visible(name: str) -> str:
    """``name`` with each invisible character written as its code point, so the message shows where it is."""
    return "".join(f"<U+{ord(character):04X}>" if _invisible(character) else character for character in name)


def build_plan(records: dict[str, list[Record]], folder: Path | None = None) -> Plan:
    """The plan the schema describes: each sheet's records as its model class, in the Plan attribute it fills.

    What the schema cannot say is done here: the free tables grouped by name, an indicator's history and
    targets kept to the plan's years, and an 'immagine' block with its file's bytes.
    """
    fields: dict[str, Any] = {}
    for sheet in SHEETS:
        rows = records[sheet.name]
        if sheet.is_fields and not rows:  # an optional fields sheet not in the workbook (PIAO, Lavoro agile): defaults
            continue
        if sheet.model is Plan:
            fields.update(attributes_of(sheet, rows[0]))
        elif sheet.model is not None and sheet.is_fields:
            fields[sheet.attribute] = sheet.model(**attributes_of(sheet, rows[0]))
        elif sheet.model is not None:
            fields[sheet.attribute] = tuple(sheet.model(**attributes_of(sheet, record)) for record in rows)
    plan = Plan(**fields, tables=_tables(records["Tabelle"]))
    return attrs.evolve(
        plan,
        indicators=tuple(_within_years(indicator, plan.first_year, plan.last_year) for indicator in plan.indicators),
        text_blocks=tuple(_with_picture(block, folder) for block in plan.text_blocks),
        public_value_objectives=tuple(
            attrs.evolve(objective, targets=_years_of(plan, objective.targets)) for objective in plan.public_value_objectives
        ),
        staff=tuple(
            attrs.evolve(row, hires=_years_of(plan, row.hires), leavers=_years_of(plan, row.leavers)) for row in plan.staff
        ),
    )


def attributes_of(sheet: Sheet, record: Record) -> dict[str, Any]:
    """The attributes ``sheet``'s columns fill from ``record``, converted; an empty cell fills nothing (the default stays).

    A per-year column fills a mapping year → value of its non-empty cells, in year order.
    """
    found: dict[str, Any] = {}
    for column in sheet.columns:
        if not column.attribute:
            continue
        if column.per_year:
            by_year = {year: value for year, value in sorted(record.per_year.get(column.name, {}).items()) if not _empty(value)}
            if by_year:
                found[column.attribute] = by_year
            continue
        value = record.values.get(column.name)
        if not _empty(value):
            found[column.attribute] = column.convert(value) if column.convert is not None else value
    return found


def _empty(value: object) -> bool:
    """An empty cell: nothing, blank text, a value or target written as nothing (a no-value mark is not empty)."""
    if isinstance(value, Value | Target):
        return not value.text
    return value is None or value == ""


def _within_years(indicator: Indicator, first_year: int, last_year: int) -> Indicator:
    """Targets outside the plan's years and history after them are left out (the checks warn of them)."""
    return attrs.evolve(
        indicator,
        history={year: value for year, value in indicator.history.items() if year <= last_year},
        targets={year: target for year, target in indicator.targets.items() if first_year <= year <= last_year},
    )


def _years_of(plan: Plan, by_year: Mapping[int, _Item]) -> dict[int, _Item]:
    """A per-year column of the PIAO's sheets kept to the plan's years (the checks warn of the others)."""
    return {year: item for year, item in by_year.items() if plan.first_year <= year <= plan.last_year}


def _with_picture(block: TextBlock, folder: Path | None) -> TextBlock:
    """An 'immagine' with its file's bytes (the checks made sure it is a picture inside ``folder``)."""
    path = picture_path(block.content, folder) if block.kind == "immagine" and folder is not None and block.content else None
    if path is None or not path.is_file():  # a picture not there was an avviso: the document prints without it
        return block
    return attrs.evolve(block, picture=path.read_bytes())


def _tables(records: list[Record]) -> tuple[FreeTable, ...]:
    rows: dict[str, list[TableRow]] = {}
    for record in records:
        cells = [record.text(f"C{n}") for n in range(1, TABLE_CELLS + 1)]
        while cells and not cells[-1]:
            cells.pop()
        rows.setdefault(record.text("Tabella"), []).append(TableRow(record.text("Tipo riga"), tuple(cells)))
    return tuple(FreeTable(name, tuple(table_rows)) for name, table_rows in rows.items())


def _beyond_limits(records: dict[str, list[Record]], limits: LoadLimits) -> list[Problem]:
    """A problem for each sheet with too many rows, each cell with too long a text, and for too much text overall."""
    problems: list[Problem] = []
    total = 0
    for sheet, rows in records.items():
        limit = limits.indicators if sheet == "Indicatori" else limits.rows
        if len(rows) > limit:
            problems.append(
                Problem(
                    sheet,
                    f"A{rows[limit].row}",
                    f"Il foglio {sheet} ha {italian_number(len(rows))} righe: il limite è {italian_number(limit)} "
                    "(oltre, un documento richiederebbe troppa memoria e troppo tempo). "
                    "Togliere le righe non necessarie o dividere il piano in più workbook.",
                )
            )
        for record in rows:
            for column, value in record.values.items():
                if not isinstance(value, str):
                    continue
                total += len(value)
                if len(value) > limits.text_characters:
                    problems.append(
                        Problem(
                            sheet,
                            record.cell(column),
                            f"La cella della colonna '{column}' contiene {italian_number(len(value))} caratteri: "
                            f"il limite è {italian_number(limits.text_characters)}. Accorciare il testo.",
                        )
                    )
    if total > limits.total_text_characters:
        problems.append(
            Problem(
                None,
                None,
                f"Il workbook contiene {italian_number(total)} caratteri di testo: il limite è "
                f"{italian_number(limits.total_text_characters)} (oltre, un documento richiederebbe troppa memoria). "
                "Accorciare i testi più lunghi o dividere il piano in più workbook.",
            )
        )
    return problems
