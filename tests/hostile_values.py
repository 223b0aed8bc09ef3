"""Workbooks with implausible values, built from the invented chamber by changing a few cells.

Cells are found by their sheet's header (a table sheet) or label (a field sheet such as 'Piano'),
so the tests name what they change as a person reads the workbook.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

SAMPLE = Path(__file__).resolve().parent.parent / "sample_data" / "cciaa_valserena_2024_2026.xlsx"


def field_cell(sheet: Worksheet, label: str) -> str:
    """The 'Valore' cell of the field ``label`` of a field sheet (Ente, Piano): ``B4``."""
    for row in sheet.iter_rows(min_col=1, max_col=1):
        if row[0].value == label:
            return f"B{row[0].row}"
    raise KeyError(label)


def table_cell(sheet: Worksheet, header: str, row: int) -> str:
    """The cell of column ``header`` in ``row`` of a table sheet: ``N2``."""
    for cell in sheet[1]:
        if cell.value == header:
            return f"{cell.column_letter}{row}"
    raise KeyError(header)


def altered(tmp_path: Path, changes: dict[tuple[str, str, int], object], name: str = "piano.xlsx") -> Path:
    """The sample with ``changes`` applied: (sheet, header or field label, row; 0 for a field) → new value.

    A value is written as is; a value of type :class:`Number` keeps a number format with it.
    """
    workbook = openpyxl.load_workbook(SAMPLE, data_only=True)  # formulas as their values: saving drops them
    for (sheet_name, column, row), value in changes.items():
        sheet = workbook[sheet_name]
        where = field_cell(sheet, column) if row == 0 else table_cell(sheet, column, row)
        target = sheet[where]
        if isinstance(value, Number):
            target.value, target.number_format = value.value, value.number_format
        else:
            target.value = value
    path = tmp_path / name
    workbook.save(path)
    return path


class Number:
    """A number with the format of its cell (a date serial written as a number, a percentage)."""

    def __init__(self, value: float, number_format: str) -> None:
        self.value = value
        self.number_format = number_format
