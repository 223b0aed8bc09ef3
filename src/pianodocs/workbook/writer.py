"""Write a planning workbook from plain rows: the blank workbook of ``pianodocs init`` and the samples.

Sheets and headers come from :mod:`pianodocs.schema`; this module adds what helps
staff fill a workbook right (help as header comments, drop-down lists, frozen
header rows) and the number format of each column's type, so that Excel keeps
what staff type (``011``, ``=1``, ``>=80%`` stay text in a text column). It never
reads a workbook and knows nothing of the domain model.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..atomic import atomic_output
from ..schema import LISTS_SHEET, REFERENCES, SHEETS, Column, ColumnType, Sheet

Row = Mapping[str, object]
SheetRows = Sequence[Row] | Mapping[str, object]
# the years of the per-year columns: the same for every such column, or per column name ("Target" → 2024-2026)
Years = Sequence[int] | Mapping[str, Sequence[int]]

_HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
_HEADER_FONT = Font(bold=True, color="FFFFFF")
_FIELD_FONT = Font(bold=True)
_VALIDATED_ROWS = 2000

_TEXT = "@"
# Excel's number format per column type; a type not listed keeps Excel's General format
NUMBER_FORMATS: dict[ColumnType, str] = {
    ColumnType.TEXT: _TEXT,
    ColumnType.RICH_TEXT: _TEXT,
    ColumnType.CHOICE: _TEXT,
    ColumnType.YES_NO: _TEXT,
    ColumnType.VALUE: _TEXT,
    ColumnType.TARGET: _TEXT,
    ColumnType.PERCENT: "0.0%",
    ColumnType.DATE: "dd/mm/yyyy",
    ColumnType.NUMBER: "#,##0.00",
}


def _years_of(column: Column, years: Years) -> Iterable[int]:
    return years.get(column.name, ()) if isinstance(years, Mapping) else years


def _header_names(sheet: Sheet, years: Years) -> list[str]:
    names: list[str] = []
    for column in sheet.columns:
        if column.per_year:
            names.extend(f"{column.name} {year}" for year in _years_of(column, years))
        else:
            names.append(column.name)
    return names


def _style_header(worksheet: Worksheet, count: int) -> None:
    for index in range(1, count + 1):
        cell = worksheet.cell(row=1, column=index)
        cell.fill = _HEADER_FILL
        cell.font = _HEADER_FONT
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        worksheet.column_dimensions[get_column_letter(index)].width = 22
    worksheet.freeze_panes = "A2"


def _write_fields_sheet(worksheet: Worksheet, sheet: Sheet, values: Mapping[str, object], with_help: bool) -> None:
    worksheet.append(["Campo", "Valore"])
    _style_header(worksheet, 2)
    worksheet.column_dimensions["B"].width = 60
    for row_index, column in enumerate(sheet.columns, start=2):
        name_cell = worksheet.cell(row=row_index, column=1, value=column.name)
        name_cell.font = _FIELD_FONT
        value_cell = worksheet.cell(row=row_index, column=2, value=_cell_value(values.get(column.name)))
        _as_written(value_cell)
        _format(value_cell, column)
        if with_help:
            required = " (obbligatorio)" if column.required else ""
            name_cell.comment = Comment(f"{column.help}{required}. Tipo: {column.type.value}.", "pianodocs")
            _add_drop_down(worksheet, sheet, column, value_cell.coordinate)


def _write_table_sheet(
    worksheet: Worksheet, sheet: Sheet, rows: Sequence[Row], years: Years, with_help: bool, notes: Mapping[str, str]
) -> None:
    headers = _header_names(sheet, years)
    extra = sorted({key for row in rows for key in row} - set(headers))
    headers.extend(extra)  # per-year columns of other years, kept in the order given by the rows
    worksheet.append(headers)
    _style_header(worksheet, len(headers))
    columns = [next((c for c in sheet.columns if c.matches(name) not in (None, False)), None) for name in headers]
    for row in rows:
        worksheet.append([_cell_value(row.get(name)) for name in headers])
        for written, column in zip(worksheet[worksheet.max_row], columns, strict=True):
            _as_written(written)
            if column is not None:
                _format(written, column)
    for index, column in enumerate(columns, start=1):
        if column is None:
            continue
        letter = get_column_letter(index)
        if column.type in NUMBER_FORMATS:  # the whole column, so the rows staff add get it too
            worksheet.column_dimensions[letter].number_format = NUMBER_FORMATS[column.type]
        if not with_help:
            continue
        required = " (obbligatorio)" if column.required else ""
        example = f" Esempio: {column.example}" if column.example else ""
        note = f" {notes[column.name]}" if column.per_year and column.name in notes else ""
        worksheet.cell(row=1, column=index).comment = Comment(
            f"{column.help}{required}. Tipo: {column.type.value}.{example}{note}", "pianodocs"
        )
        _add_drop_down(worksheet, sheet, column, f"{letter}2:{letter}{_VALIDATED_ROWS}")


def _add_drop_down(worksheet: Worksheet, sheet: Sheet, column: Column, cells: str) -> None:
    """The drop-down list of ``column``, if it has one, on the range ``cells`` ("C2:C2000" or "B3")."""
    if column.choices:
        _add_choices(worksheet, cells, column.choices, strict=column.type is ColumnType.CHOICE)
    elif column.type is ColumnType.YES_NO:
        _add_choices(worksheet, cells, ("si", "no"), strict=True)
    elif (sheet.name, column.name) in REFERENCES:
        _add_reference(worksheet, cells, REFERENCES[(sheet.name, column.name)])


def _add_choices(worksheet: Worksheet, cells: str, choices: Sequence[str], strict: bool) -> None:
    # always a range of cells: Excel splits an inline list at every comma ("Innovazione, crescita e apprendimento")
    validation = DataValidation(
        type="list", formula1=_listed(worksheet.parent, choices), allow_blank=True, showErrorMessage=strict
    )
    validation.error = "Scegliere un valore dall'elenco."
    validation.errorTitle = "Valore non previsto"
    validation.add(cells)
    worksheet.add_data_validation(validation)


def _listed(workbook: Workbook, choices: Sequence[str]) -> str:
    """The range formula of ``choices`` in the hidden lists sheet, written in a new column unless already there."""
    if LISTS_SHEET in workbook.sheetnames:
        lists = workbook[LISTS_SHEET]
    else:
        lists = workbook.create_sheet(LISTS_SHEET)
        lists.sheet_state = "hidden"
    # a new sheet reads as one empty column
    listed = [values for values in (_listed_values(cells) for cells in lists.iter_cols(values_only=True)) if values]
    if tuple(choices) in listed:
        column = listed.index(tuple(choices)) + 1
    else:
        column = len(listed) + 1
        for row, choice in enumerate(choices, start=1):
            lists.cell(row=row, column=column, value=choice).number_format = _TEXT
    letter = get_column_letter(column)
    return f"'{LISTS_SHEET}'!${letter}$1:${letter}${len(choices)}"


def _listed_values(cells: Sequence[object]) -> tuple[object, ...]:
    return tuple(cell for cell in cells if cell is not None)


def _add_reference(worksheet: Worksheet, cells: str, source_sheet: str) -> None:
    """A drop-down of the codes in column A of ``source_sheet``; other values are allowed (with a warning)."""
    validation = DataValidation(type="list", formula1=f"'{source_sheet}'!$A$2:$A${_VALIDATED_ROWS}", allow_blank=True)
    validation.showErrorMessage = True
    validation.errorStyle = "warning"
    validation.error = f"Il codice non è nel foglio '{source_sheet}'."
    validation.add(cells)
    worksheet.add_data_validation(validation)


def _format(cell: Cell, column: Column) -> None:
    """Give ``cell`` the number format of its column's type, unless the format would change what its value means."""
    number_format = NUMBER_FORMATS.get(column.type)
    if number_format is not None and _format_keeps_meaning(cell.value, column.type):
        cell.number_format = number_format


def _format_keeps_meaning(value: object, column_type: ColumnType) -> bool:
    """Whether ``value`` reads the same in a cell with the format of ``column_type``.

    Text always does (Excel shows it as written). A number given as a number (the
    samples write some) stays General outside number and percentage columns, and
    above 1 in a percentage column: ``30`` means 30%, formatted as a percentage 3000%.
    """
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float, Decimal)):
        if column_type is ColumnType.PERCENT:
            return abs(Decimal(str(value))) <= 1
        return column_type is ColumnType.NUMBER
    if isinstance(value, dt.date):
        return column_type is ColumnType.DATE
    return True


def _as_written(cell: Cell) -> None:
    """Keep text such as the target ``=1`` as text: openpyxl would save it as a formula with no value."""
    if cell.data_type == "f":
        cell.data_type = "s"


def _cell_value(value: object) -> object:
    if isinstance(value, (list, tuple)):
        return "\n".join(str(item) for item in value)
    return value


def build_workbook(
    data: Mapping[str, SheetRows],
    years: Years = (),
    with_help: bool = True,
    year_notes: Mapping[str, str] | None = None,
) -> Workbook:
    """An openpyxl workbook holding ``data``: sheet name → rows (or field → value for field sheets).

    Every sheet of the schema is written, empty when ``data`` has no rows for it,
    so that staff see the whole format. ``years`` gives the years of the per-year
    columns (for all of them, or by column name); ``year_notes`` adds a sentence
    to the help of a per-year column, by column name (e.g. which years are read).
    """
    unknown = set(data) - {sheet.name for sheet in SHEETS}
    if unknown:
        raise ValueError(f"fogli non previsti dal formato: {', '.join(sorted(unknown))}")
    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet in SHEETS:
        worksheet = workbook.create_sheet(sheet.name)
        content = data.get(sheet.name, {} if sheet.is_fields else [])
        if sheet.is_fields:
            assert isinstance(content, Mapping)
            _write_fields_sheet(worksheet, sheet, content, with_help)
        else:
            assert not isinstance(content, Mapping)
            _write_table_sheet(worksheet, sheet, content, years, with_help, year_notes or {})
    if LISTS_SHEET in workbook.sheetnames:
        lists = workbook[LISTS_SHEET]
        workbook.move_sheet(lists, offset=len(workbook.sheetnames) - 1 - workbook.sheetnames.index(LISTS_SHEET))
    return workbook


def save_workbook(workbook: Workbook, path: Path | str) -> None:
    """Save atomically: a reader never sees half a file, and a failed save leaves the old file intact."""
    with atomic_output(path) as temporary:
        workbook.save(temporary)
