"""The blank workbook of ``pianodocs init``: what staff need to fill it right."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from pianodocs.schema import LISTS_SHEET, SHEETS
from pianodocs.workbook.template import write_blank_workbook


def _validations(sheet) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Column letter → list formula of the sheet's data validations."""
    found = {}
    for validation in sheet.data_validations.dataValidation:
        for cell_range in validation.sqref.ranges:
            found[cell_range.coord.split(":")[0].rstrip("0123456789")] = validation.formula1
    return found


def _column(sheet, header: str) -> str:  # type: ignore[no-untyped-def]
    return next(cell.column_letter for cell in sheet[1] if cell.value == header)


def test_every_sheet_with_help_frozen_headers_and_drop_downs(tmp_path: Path) -> None:
    path = tmp_path / "nuovo.xlsx"
    write_blank_workbook(path, 2024, 2026)
    workbook = load_workbook(path)
    assert workbook.sheetnames == [*(sheet.name for sheet in SHEETS), LISTS_SHEET]
    assert workbook[LISTS_SHEET].sheet_state == "hidden"
    indicators = workbook["Indicatori"]
    assert indicators.freeze_panes == "A2"
    headers = [cell.value for cell in indicators[1]]
    assert {"Target 2024", "Target 2025", "Target 2026", "Storico 2022", "Storico 2023"} <= set(headers)
    assert all(cell.comment is not None and cell.comment.text for cell in indicators[1] if cell.value)
    validations = _validations(indicators)
    assert "PIRA" in validations[_column(indicators, "Flag")]
    assert "Percentuale" in validations[_column(indicators, "Unità di misura")]
    types = validations[_column(indicators, "Tipologia")]
    assert types.startswith(f"'{LISTS_SHEET}'!$")
    listed = [row[0] for row in workbook[LISTS_SHEET].iter_rows(values_only=True) if row[0]]
    assert "Indicatore di efficacia" in listed or any(
        "Indicatore di efficacia" in (cell or "") for row in workbook[LISTS_SHEET].iter_rows(values_only=True) for cell in row
    )
    assert validations[_column(indicators, "Missione")] == "'Missioni'!$A$2:$A$2000"
    lines = workbook["Linee strategiche"]
    assert _validations(lines)[_column(lines, "Prospettiva")] == "'Prospettive'!$A$2:$A$2000"
    perspectives = workbook["Prospettive"]
    assert "Tessuto economico locale" in _validations(perspectives)[_column(perspectives, "Denominazione")]
    assert indicators["A2"].value == "IND-B21-1", "an example row"


def test_written_files_get_ordinary_permissions(tmp_path: Path) -> None:
    import os
    import stat

    path = tmp_path / "nuovo.xlsx"
    write_blank_workbook(path, 2024, 2026)
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask
    path.chmod(0o640)
    write_blank_workbook(path, 2024, 2026)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640, "an existing file keeps its permissions"
    assert [p.name for p in tmp_path.iterdir()] == ["nuovo.xlsx"], "no temporary file left"
