"""Read each sheet of the schema into records: typed values by column name, with the cell each came from.

This layer finds sheets and columns by their Italian names, reports missing
sheets and columns and unexpected ones, and what the raw reading found hidden
(hidden sheets, formulas without a computed value, merged cells), and types
every cell. It does not
cross-check records against each other (that is :mod:`.checks`) nor build
domain objects (that is :mod:`.loader`).
"""

from __future__ import annotations

import string
from collections.abc import Mapping

import attrs

from ..errors import Problem, Severity
from ..schema import LISTS_SHEET, SHEETS, Column, Sheet
from .cells import CellReader, cell_name
from .reader import RawCell, RawSheet

_EMPTY = RawCell(None)


@attrs.define
class Record:
    """One row of a table sheet (or the fields of a field sheet), typed."""

    sheet: str
    row: int
    values: dict[str, object] = attrs.field(factory=dict)
    cells: dict[str, str] = attrs.field(factory=dict)
    # per-year columns: column name → year → value
    per_year: dict[str, dict[int, object]] = attrs.field(factory=dict)
    per_year_cells: dict[str, dict[int, str]] = attrs.field(factory=dict)
    # columns whose cell was unreadable (already reported): not reported again as missing
    invalid: set[str] = attrs.field(factory=set)

    def __getitem__(self, name: str) -> object:
        return self.values[name]

    def text(self, name: str) -> str:
        value = self.values.get(name)
        return value if isinstance(value, str) else ""

    def cell(self, name: str) -> str | None:
        return self.cells.get(name)


def read_records(raw_sheets: Mapping[str, RawSheet], problems: list[Problem]) -> dict[str, list[Record]]:
    """Every sheet of the schema as records; absent optional sheets are empty."""
    by_folded = {name.strip().casefold(): sheet for name, sheet in raw_sheets.items()}
    known = {sheet.name.casefold() for sheet in SHEETS} | {LISTS_SHEET.casefold()}
    for name, raw in raw_sheets.items():
        if name.strip().casefold() not in known and raw.rows:
            problems.append(
                Problem(name, None, f"Il foglio '{name}' non fa parte del formato e viene ignorato.", Severity.WARNING)
            )
    records: dict[str, list[Record]] = {}
    for sheet in SHEETS:
        found = by_folded.get(sheet.name.casefold())
        if found is None:
            if sheet.required:
                problems.append(Problem(sheet.name, None, f"Manca il foglio obbligatorio '{sheet.name}'."))
            records[sheet.name] = []
            continue
        reader = CellReader(sheet.name, problems)
        _report_what_openpyxl_hides(found, reader)
        records[sheet.name] = _read_fields(sheet, found, reader) if sheet.is_fields else _read_table(sheet, found, reader)
    return records


def _report_what_openpyxl_hides(raw: RawSheet, reader: CellReader) -> None:
    """A hidden sheet (read anyway), formulas saved without their value, merged cells whose value only the first holds."""
    if raw.hidden and raw.rows:
        reader.problem(None, f"Il foglio '{raw.name}' è nascosto in Excel: viene letto comunque.", Severity.WARNING)
    if raw.uncomputed:
        cells = raw.uncomputed
        listed = ", ".join(cells[:10]) + (f" e altre {len(cells) - 10}" if len(cells) > 10 else "")
        one = len(cells) == 1
        subject = f"La cella {listed} contiene una formula" if one else f"Le celle {listed} contengono formule"
        reader.problem(
            cells[0],
            f"{subject} senza il valore calcolato (il file è stato salvato da un programma che non calcola le formule) "
            f"e {'risulta vuota' if one else 'risultano vuote'}: aprire il file in Excel o LibreOffice e salvarlo di nuovo, "
            "poi riprovare.",
        )
    for merged in raw.merged:
        first, _, last = merged.partition(":")
        if first.lstrip(string.ascii_uppercase) != last.lstrip(string.ascii_uppercase):  # more than one row
            reader.problem(
                first,
                f"Le celle {merged} sono unite: solo {first} contiene il valore e le altre righe risultano vuote. "
                "Separare le celle e scrivere il valore in ogni riga.",
            )
        else:
            reader.problem(
                first,
                f"Le celle {merged} sono unite: viene letto solo il valore di {first}, le altre celle risultano vuote.",
                Severity.WARNING,
            )


def _read_fields(sheet: Sheet, raw: RawSheet, reader: CellReader) -> list[Record]:
    record = Record(sheet.name, 0)
    seen: set[str] = set()
    columns = {column.name.casefold(): column for column in sheet.columns}
    for row_number, cells in raw.rows:
        label = str(cells[0].value).strip() if cells and cells[0].value is not None else ""
        if not label or (row_number == 1 and label.casefold() == "campo"):
            continue
        column = columns.get(label.casefold())
        if column is None:
            reader.problem(
                cell_name(1, row_number), f"Campo '{label}' non previsto nel foglio '{sheet.name}': ignorato.", Severity.WARNING
            )
            continue
        if column.name in seen:
            reader.problem(cell_name(1, row_number), f"Il campo '{column.name}' compare più volte.")
            continue
        seen.add(column.name)
        location = cell_name(2, row_number)
        before = len(reader.problems)
        record.values[column.name] = reader.read(column, cells[1] if len(cells) > 1 else _EMPTY, location)
        record.cells[column.name] = location
        if len(reader.problems) > before:
            record.invalid.add(column.name)
    for column in sheet.columns:
        missing = column.name not in record.values or record.values[column.name] in (None, "")
        if column.required and missing and column.name not in record.invalid:
            where = record.cells.get(column.name)
            reader.problem(where, f"Manca il campo obbligatorio '{column.name}'.")
        record.values.setdefault(column.name, None)
    return [record]


def _read_table(sheet: Sheet, raw: RawSheet, reader: CellReader) -> list[Record]:
    if not raw.rows or raw.rows[0][0] != 1:
        if sheet.required or raw.rows:
            reader.problem("A1", f"Manca la riga di intestazione del foglio '{sheet.name}' (riga 1).")
        return []
    header_cells = raw.rows[0][1]
    layout: list[tuple[int, Column, int | None]] = []  # (column index, column, year)
    found: set[str] = set()
    for index, header_cell in enumerate(header_cells, start=1):
        header = "" if header_cell.value is None else str(header_cell.value).strip()
        if not header:
            continue
        column, year = _match(sheet, header)
        if column is None:
            reader.problem(
                cell_name(index, 1), f"Colonna '{header}' non prevista nel foglio '{sheet.name}': ignorata.", Severity.WARNING
            )
            continue
        if column.name in found and not column.per_year:
            reader.problem(cell_name(index, 1), f"La colonna '{column.name}' compare più volte.")
            continue
        found.add(column.name)
        layout.append((index, column, year))
    for column in sheet.columns:
        if column.required and column.name not in found:
            reader.problem("A1", f"Manca la colonna obbligatoria '{column.name}' nel foglio '{sheet.name}'.")
    # a per-year column's problems name it as its header does: 'Target 2021'
    headed = {
        index: column if year is None else attrs.evolve(column, name=f"{column.name} {year}") for index, column, year in layout
    }
    records: list[Record] = []
    for row_number, cells in raw.rows[1:]:
        record = Record(sheet.name, row_number)
        for index, column, year in layout:
            location = cell_name(index, row_number)
            raw_cell = cells[index - 1] if index - 1 < len(cells) else _EMPTY
            before = len(reader.problems)
            value = reader.read(headed[index], raw_cell, location)
            if len(reader.problems) > before:
                record.invalid.add(column.name)
            if year is not None:
                record.per_year.setdefault(column.name, {})[year] = value
                record.per_year_cells.setdefault(column.name, {})[year] = location
            else:
                record.values[column.name] = value
                record.cells[column.name] = location
        if not any(filled(value) for value in record.values.values()) and not any(
            filled(value) for years in record.per_year.values() for value in years.values()
        ):
            continue
        for column in sheet.columns:
            if column.per_year:
                continue
            record.values.setdefault(column.name, None)
            if (
                column.required
                and column.name in found
                and column.name not in record.invalid
                and not filled(record.values[column.name])
            ):
                reader.problem(record.cells.get(column.name), f"'{column.name}' è obbligatorio.")
        records.append(record)
    return records


def _match(sheet: Sheet, header: str) -> tuple[Column | None, int | None]:
    for column in sheet.columns:
        matched = column.matches(header)
        if column.per_year and matched is not None:
            return column, int(matched)
        if not column.per_year and matched:
            return column, None
    return None, None


def filled(value: object) -> bool:
    """Whether a cell's value holds anything: not empty, and a value or target with some text."""
    if value is None or value == "":
        return False
    text = getattr(value, "text", None)
    return text is None or bool(text)
