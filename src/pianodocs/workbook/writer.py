"""Write a planning workbook from plain rows: the blank workbook of ``pianodocs init`` and the samples.

Sheets and headers come from :mod:`pianodocs.schema`; this module adds what helps
staff fill a workbook right (help as header comments, drop-down lists, frozen
header rows). It never reads a workbook and knows nothing of the domain model.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..atomic import atomic_output
from ..schema import LISTS_SHEET, REFERENCES, SHEETS, ColumnType, Sheet

Row = Mapping[str, object]
SheetRows = Sequence[Row] | Mapping[str, object]

_HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
_HEADER_FONT = Font(bold=True, color="FFFFFF")
_FIELD_FONT = Font(bold=True)
_VALIDATED_ROWS = 2000


def _header_names(sheet: Sheet, years: Iterable[int]) -> list[str]:
    names: list[str] = []
    for column in sheet.columns:
        if column.per_year:
            names.extend(f"{column.name} {year}" for year in years)
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


def _add_choices(worksheet: Worksheet, column_index: int, choices: Sequence[str], strict: bool) -> None:
    formula = '"' + ",".join(choice.replace('"', "") for choice in choices) + '"'
    if len(formula) > 255:  # Excel's limit for a literal list: the list goes to the hidden lists sheet
        formula = _listed(worksheet.parent, choices)
    validation = DataValidation(type="list", formula1=formula, allow_blank=True, showErrorMessage=strict)
    validation.error = "Scegliere un valore dall'elenco."
    validation.errorTitle = "Valore non previsto"
    letter = get_column_letter(column_index)
    validation.add(f"{letter}2:{letter}{_VALIDATED_ROWS}")
    worksheet.add_data_validation(validation)


def _listed(workbook: Workbook, choices: Sequence[str]) -> str:
    """Write ``choices`` in a new column of the hidden lists sheet; the range formula that refers to them."""
    if LISTS_SHEET in workbook.sheetnames:
        lists = workbook[LISTS_SHEET]
        column = lists.max_column + 1
    else:
        lists = workbook.create_sheet(LISTS_SHEET)
        lists.sheet_state = "hidden"
        column = 1
    for row, choice in enumerate(choices, start=1):
        lists.cell(row=row, column=column, value=choice)
    letter = get_column_letter(column)
    return f"'{LISTS_SHEET}'!${letter}$1:${letter}${len(choices)}"


def _add_reference(worksheet: Worksheet, column_index: int, source_sheet: str) -> None:
    """A drop-down of the codes in column A of ``source_sheet``; other values are allowed (with a warning)."""
    validation = DataValidation(type="list", formula1=f"'{source_sheet}'!$A$2:$A${_VALIDATED_ROWS}", allow_blank=True)
    validation.showErrorMessage = True
    validation.errorStyle = "warning"
    validation.error = f"Il codice non è nel foglio '{source_sheet}'."
    letter = get_column_letter(column_index)
    validation.add(f"{letter}2:{letter}{_VALIDATED_ROWS}")
    worksheet.add_data_validation(validation)


def _write_fields_sheet(worksheet: Worksheet, sheet: Sheet, values: Mapping[str, object], with_help: bool) -> None:
    worksheet.append(["Campo", "Valore"])
    _style_header(worksheet, 2)
    worksheet.column_dimensions["B"].width = 60
    for row_index, column in enumerate(sheet.columns, start=2):
        name_cell = worksheet.cell(row=row_index, column=1, value=column.name)
        name_cell.font = _FIELD_FONT
        value = values.get(column.name)
        _as_written(worksheet.cell(row=row_index, column=2, value=_cell_value(value)))
        if with_help:
            required = " (obbligatorio)" if column.required else ""
            name_cell.comment = Comment(f"{column.help}{required}. Tipo: {column.type.value}.", "pianodocs")


def _write_table_sheet(worksheet: Worksheet, sheet: Sheet, rows: Sequence[Row], years: Sequence[int], with_help: bool) -> None:
    headers = _header_names(sheet, years)
    extra = sorted({key for row in rows for key in row} - set(headers))
    headers.extend(extra)  # per-year columns of other years, kept in the order given by the rows
    worksheet.append(headers)
    _style_header(worksheet, len(headers))
    for row in rows:
        worksheet.append([_cell_value(row.get(name)) for name in headers])
        for written in worksheet[worksheet.max_row]:
            _as_written(written)
    if not with_help:
        return
    for index, name in enumerate(headers, start=1):
        column = next((c for c in sheet.columns if c.matches(name) not in (None, False)), None)
        if column is None:
            continue
        required = " (obbligatorio)" if column.required else ""
        example = f" Esempio: {column.example}" if column.example else ""
        worksheet.cell(row=1, column=index).comment = Comment(
            f"{column.help}{required}. Tipo: {column.type.value}.{example}", "pianodocs"
        )
        if column.choices:
            _add_choices(worksheet, index, column.choices, strict=column.type is ColumnType.CHOICE)
        elif column.type is ColumnType.YES_NO:
            _add_choices(worksheet, index, ("si", "no"), strict=True)
        elif (sheet.name, column.name) in REFERENCES:
            _add_reference(worksheet, index, REFERENCES[(sheet.name, column.name)])


def _as_written(cell: Cell) -> None:
    """Keep text such as the target ``=1`` as text: openpyxl would save it as a formula with no value."""
    if cell.data_type == "f":
        cell.data_type = "s"


def _cell_value(value: object) -> object:
    if isinstance(value, (list, tuple)):
        return "\n".join(str(item) for item in value)
    return value


def build_workbook(data: Mapping[str, SheetRows], years: Sequence[int] = (), with_help: bool = True) -> Workbook:
    """An openpyxl workbook holding ``data``: sheet name → rows (or field → value for field sheets).

    Every sheet of the schema is written, empty when ``data`` has no rows for it,
    so that staff see the whole format.
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
            _write_table_sheet(worksheet, sheet, content, years, with_help)
    if LISTS_SHEET in workbook.sheetnames:
        lists = workbook[LISTS_SHEET]
        workbook.move_sheet(lists, offset=len(workbook.sheetnames) - 1 - workbook.sheetnames.index(LISTS_SHEET))
    return workbook


def save_workbook(workbook: Workbook, path: Path | str) -> None:
    """Save atomically: a reader never sees half a file, and a failed save leaves the old file intact."""
    with atomic_output(path) as temporary:
        workbook.save(temporary)
