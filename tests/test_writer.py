"""The blank workbook of ``pianodocs init``: what staff need to fill it right."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from pianodocs.schema import LISTS_SHEET, SHEETS
from pianodocs.workbook.template import write_blank_workbook
from pianodocs.workbook.writer import build_workbook, save_workbook


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
    assert "PIRA" in _offered(workbook, validations[_column(indicators, "Flag")])
    assert "Percentuale" in _offered(workbook, validations[_column(indicators, "Unità di misura")])
    types = validations[_column(indicators, "Tipologia")]
    assert types.startswith(f"'{LISTS_SHEET}'!$")
    assert "Indicatore di efficacia" in _offered(workbook, types)
    assert validations[_column(indicators, "Missione")] == "'Missioni'!$A$2:$A$2000"
    lines = workbook["Linee strategiche"]
    assert _validations(lines)[_column(lines, "Prospettiva")] == "'Prospettive'!$A$2:$A$2000"
    perspectives = workbook["Prospettive"]
    assert "Tessuto economico locale" in _offered(workbook, _validations(perspectives)[_column(perspectives, "Denominazione")])
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


# ---------------------------------------------------------------------------
# drop-down lists: a range of cells, never a comma-separated list Excel would split


PERSPECTIVES = ["Tessuto economico locale", "Processi interni", "Innovazione, crescita e apprendimento", "Economico-finanziaria"]
PLAN_KINDS = ["piano-performance", "pira", "monitoraggio", "relazione-performance", "allegato-delibera", "cruscotto", "piao"]


def _offered(workbook, formula: str) -> list[object]:  # type: ignore[no-untyped-def]
    """The values a list validation offers: the non-empty cells of the range ``formula`` refers to."""
    assert not formula.startswith('"'), f"an inline list, which Excel splits at every comma: {formula}"
    sheet_name, cells = formula.rsplit("!", 1)
    sheet = workbook[sheet_name.strip("'")]
    return [cell.value for row in sheet[cells.replace("$", "")] for cell in row if cell.value is not None]


def _validation_of(sheet, coordinate: str):  # type: ignore[no-untyped-def]
    (validation,) = [v for v in sheet.data_validations.dataValidation if coordinate in v.sqref]
    return validation


@pytest.fixture(scope="module")
def blank(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("init") / "nuovo.xlsx"
    write_blank_workbook(path, 2024, 2026)
    return path


def test_the_perspectives_drop_down_offers_the_four_names_even_with_a_comma(blank: Path) -> None:
    workbook = load_workbook(blank)
    perspectives = workbook["Prospettive"]
    validation = _validation_of(perspectives, f"{_column(perspectives, 'Denominazione')}2")
    assert _offered(workbook, validation.formula1) == PERSPECTIVES


def test_every_drop_down_refers_to_a_range(blank: Path) -> None:
    workbook = load_workbook(blank)
    formulas = [v.formula1 for sheet in workbook for v in sheet.data_validations.dataValidation]
    assert len(formulas) > 20
    for formula in formulas:
        assert _offered(workbook, formula) is not None


def test_the_same_list_is_written_once(blank: Path) -> None:
    workbook = load_workbook(blank)
    lists = [tuple(cell for cell in column if cell is not None) for column in workbook[LISTS_SHEET].iter_cols(values_only=True)]
    assert ("si", "no") in lists
    assert len(lists) == len(set(lists))


@pytest.mark.parametrize(
    ("sheet_name", "field", "offered", "strict"),
    [
        ("Piano", "Tipo", PLAN_KINDS, True),
        ("Piano", "Illustrativo", ["si", "no"], True),
    ],
)
def test_the_fields_sheets_get_a_drop_down_per_row(
    blank: Path, sheet_name: str, field: str, offered: list[str], strict: bool
) -> None:
    workbook = load_workbook(blank)
    sheet = workbook[sheet_name]
    (row,) = [cell.row for cell in sheet["A"] if cell.value == field]
    validation = _validation_of(sheet, f"B{row}")
    assert _offered(workbook, validation.formula1) == offered
    assert validation.showErrorMessage is strict
    assert f"A{row}" not in validation.sqref and f"B{row + 1}" not in validation.sqref, "only the field's own Valore cell"


def test_fields_without_choices_have_no_drop_down(blank: Path) -> None:
    workbook = load_workbook(blank)
    piano = workbook["Piano"]
    (row,) = [cell.row for cell in piano["A"] if cell.value == "Titolo"]
    assert not [v for v in piano.data_validations.dataValidation if f"B{row}" in v.sqref]


# ---------------------------------------------------------------------------
# number formats: Excel keeps what staff type (011, =1, >=80%, 40% as a target stay text)

TEXT, PERCENT, DATE, EURO = "@", "0.0%", "dd/mm/yyyy", "#,##0.00"


@pytest.mark.parametrize(
    ("sheet_name", "header", "number_format"),
    [
        ("Indicatori", "Codice", TEXT),
        ("Indicatori", "Obiettivo", TEXT),
        ("Indicatori", "Flag", TEXT),
        ("Indicatori", "Media cluster", TEXT),
        ("Indicatori", "Storico 2023", TEXT),
        ("Indicatori", "Peso", PERCENT),
        ("Indicatori", "Target 2024", TEXT),
        ("Indicatori", "Target 2026", TEXT),
        ("Indicatori", "Missione", TEXT),
        ("Indicatori", "Note", TEXT),
        ("Misurazioni", "Data", DATE),
        ("Misurazioni", "Valore", TEXT),
        ("Misurazioni", "Raggiungimento manuale", PERCENT),
        ("Atti", "Numero", TEXT),
        ("Atti", "Data", DATE),
        ("Revisioni", "Nuovo valore", TEXT),
        ("Missioni", "Codice", TEXT),
        ("Programmi", "Codice", TEXT),
        ("Programmi di budget", "Oneri promozionali", EURO),
        ("Totali di budget", "Proventi", EURO),
        ("Scheda segretario", "Peso obiettivo", PERCENT),
        ("Tabelle", "C1", TEXT),
    ],
)
def test_each_column_carries_the_number_format_of_its_type(blank: Path, sheet_name: str, header: str, number_format: str) -> None:
    workbook = load_workbook(blank)
    sheet = workbook[sheet_name]
    letter = _column(sheet, header)
    assert sheet.column_dimensions[letter].number_format == number_format, "the whole column, for the rows staff add"
    if sheet.max_row > 1:  # the example row follows the same format
        assert sheet[f"{letter}2"].number_format == number_format
    assert sheet[f"{letter}1"].number_format == "General", "not the header"


@pytest.mark.parametrize(
    ("sheet_name", "field", "number_format"),
    [
        ("Ente", "Denominazione", TEXT),
        ("Ente", "Codice fiscale", TEXT),
        ("Piano", "Tipo", TEXT),
        ("Piano", "Data di monitoraggio", DATE),
        ("Piano", "Soglia di raggiungimento", PERCENT),
        ("Piano", "Illustrativo", TEXT),
    ],
)
def test_each_field_carries_the_number_format_of_its_type(blank: Path, sheet_name: str, field: str, number_format: str) -> None:
    sheet = load_workbook(blank)[sheet_name]
    (row,) = [cell.row for cell in sheet["A"] if cell.value == field]
    assert sheet[f"B{row}"].number_format == number_format


def test_formats_add_no_rows_to_read(blank: Path) -> None:
    workbook = load_workbook(blank)
    assert workbook["Indicatori"].max_row == 2
    assert workbook["Misurazioni"].max_row == 1
    assert blank.stat().st_size < 120_000


def test_a_number_written_into_a_text_column_keeps_a_format_that_shows_it_as_it_is(tmp_path: Path) -> None:
    # the samples write some values as numbers: a text format would not change them, but would hide their decimals
    rows = [{"Codice": "I1", "Target 2020": 12.5, "Peso": 30}, {"Codice": "I2", "Target 2020": ">=12,5", "Peso": 0.3}]
    path = tmp_path / "numeri.xlsx"
    save_workbook(build_workbook({"Indicatori": rows}, years=[2020]), path)
    sheet = load_workbook(path)["Indicatori"]
    target, weight = _column(sheet, "Target 2020"), _column(sheet, "Peso")
    assert sheet[f"{target}2"].number_format == "General"
    assert sheet[f"{target}3"].number_format == TEXT
    assert sheet[f"{weight}2"].number_format == "General", "30 means 30%: as a percentage it would read 3000%"
    assert sheet[f"{weight}3"].number_format == PERCENT


# ---------------------------------------------------------------------------
# years: the template offers targets only for the plan's years, and says which years are read


def test_targets_only_for_the_plans_years_and_the_comments_say_so(blank: Path) -> None:
    sheet = load_workbook(blank)["Indicatori"]
    headers = {cell.value: cell for cell in sheet[1]}
    targets = sorted(name for name in headers if name.startswith("Target "))
    assert targets == ["Target 2024", "Target 2025", "Target 2026"]
    assert {"Storico 2022", "Storico 2023"} <= set(headers)
    assert "2024-2026" in headers["Target 2025"].comment.text
    assert "Primo anno" in headers["Target 2025"].comment.text
    assert "(2022 e 2023)" in headers["Storico 2022"].comment.text
