"""Nothing lost silently: no row, cell or sheet of a workbook is dropped by the reader without a word.

Each workbook here is the invented chamber's sample with one sheet's XML edited (see :mod:`tests.hostile_reader`):
data after a long run of empty rows, a ``<dimension>`` that lies, rows out of order or twice, a cell twice,
hidden rows and columns, data beyond the columns read, a sheet named with an invisible character, a sheet's
XML cut short, a file without its extension. Each case either reads everything (the counts of indicators,
texts and fields are those of the untouched file) or says so, located: an error for damage, an avviso for
what is read anyway or left out.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

import pianodocs
from pianodocs import Plan, Problem, Severity
from pianodocs.kinds import MissingDataError
from pianodocs.render import applicable_kinds, render
from pianodocs.workbook import reader

from . import hostile_reader as hostile

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_data" / "cciaa_valserena_2024_2026.xlsx"


@pytest.fixture(scope="module")
def original() -> Plan:
    return pianodocs.load_workbook(SAMPLE)


def loaded(path: Path) -> tuple[Plan, list[Problem]]:
    warnings: list[Problem] = []
    return pianodocs.load_workbook(path, warnings), warnings


def refused(path: Path) -> tuple[Problem, ...]:
    with pytest.raises(pianodocs.ValidationError) as caught:
        pianodocs.load_workbook(path)
    return caught.value.errors


def run_cli(*arguments: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, "-m", "pianodocs", *arguments], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


# ---------------------------------------------------------------------------
# empty rows and the <dimension> do not end a sheet


def test_an_indicator_after_600_empty_rows_is_read(original: Plan, tmp_path: Path) -> None:
    path = hostile.with_sheet_xml(SAMPLE, tmp_path / "vuote.xlsx", "Indicatori", lambda xml: hostile.move_last_row_down(xml, 600))
    plan, warnings = loaded(path)
    assert [i.code for i in plan.indicators] == [i.code for i in original.indicators]
    assert plan.indicators[-1].name == original.indicators[-1].name
    assert not [w for w in warnings if w.sheet == "Indicatori" and w.cell is None]


def test_a_text_after_1000_empty_rows_is_read(original: Plan, tmp_path: Path) -> None:
    path = hostile.with_sheet_xml(SAMPLE, tmp_path / "testi.xlsx", "Testi", lambda xml: hostile.move_last_row_down(xml, 1000))
    plan, _ = loaded(path)
    assert len(plan.text_blocks) == len(original.text_blocks)
    assert plan.text_blocks[-1].content == original.text_blocks[-1].content


def test_an_entity_field_after_600_empty_rows_is_read(original: Plan, tmp_path: Path) -> None:
    path = hostile.with_sheet_xml(SAMPLE, tmp_path / "ente.xlsx", "Ente", lambda xml: hostile.move_last_row_down(xml, 600))
    plan, _ = loaded(path)
    assert original.entity.president  # the last field of the sample's Ente sheet
    assert plan.entity == original.entity


def test_a_dimension_that_lies_does_not_cut_the_sheet(original: Plan, tmp_path: Path) -> None:
    path = hostile.with_sheet_xml(SAMPLE, tmp_path / "dim.xlsx", "Indicatori", lambda xml: hostile.lying_dimension(xml, "A1:C3"))
    plan, _ = loaded(path)
    assert [i.code for i in plan.indicators] == [i.code for i in original.indicators]


# ---------------------------------------------------------------------------
# rows and cells a reader would drop or overwrite: refused as damaged, naming sheet and row


def test_rows_out_of_order_are_refused_as_damage(tmp_path: Path) -> None:
    path = hostile.with_sheet_xml(SAMPLE, tmp_path / "ordine.xlsx", "Indicatori", lambda xml: hostile.swap_rows(xml, 5, 9))
    (problem,) = refused(path)
    assert (problem.sheet, problem.severity) == ("Indicatori", Severity.ERROR)
    assert problem.message.startswith("Il foglio 'Indicatori' è danneggiato: la riga 6 è scritta dopo la riga 9")
    assert "salvarlo di nuovo" in problem.message


def test_a_row_written_twice_is_refused_as_damage(tmp_path: Path) -> None:
    path = hostile.with_sheet_xml(
        SAMPLE, tmp_path / "doppia.xlsx", "Indicatori", lambda xml: hostile.duplicate_row_number(xml, 4)
    )
    (problem,) = refused(path)
    assert (problem.sheet, problem.severity) == ("Indicatori", Severity.ERROR)
    assert "la riga 4 compare due volte" in problem.message


def test_a_cell_written_twice_is_refused_as_damage(tmp_path: Path) -> None:
    path = hostile.with_sheet_xml(
        SAMPLE, tmp_path / "cella.xlsx", "Indicatori", lambda xml: hostile.duplicate_cell(xml, "C3", "Un altro nome")
    )
    (problem,) = refused(path)
    assert (problem.sheet, problem.severity) == ("Indicatori", Severity.ERROR)
    assert "la cella C3 compare due volte nella riga 3" in problem.message


def test_a_cell_written_inside_another_row_is_refused_as_damage(tmp_path: Path) -> None:
    def move_cell(xml: str) -> str:
        row = hostile.row_xml(xml, 5)
        return xml.replace(row, row.replace('<c r="D5"', '<c r="D7"', 1))

    path = hostile.with_sheet_xml(SAMPLE, tmp_path / "fuori.xlsx", "Indicatori", move_cell)
    (problem,) = refused(path)
    assert (problem.sheet, problem.severity) == ("Indicatori", Severity.ERROR)
    assert "la cella D7 è scritta dentro la riga 5" in problem.message


def test_a_sheet_cut_short_is_refused_naming_the_sheet(tmp_path: Path) -> None:
    path = hostile.with_sheet_xml(SAMPLE, tmp_path / "tronco.xlsx", "Obiettivi operativi", hostile.truncated)
    (problem,) = refused(path)
    assert problem.severity is Severity.ERROR
    assert "foglio 'Obiettivi operativi'" in problem.message
    assert "non è valido" in problem.message and "ParseError" not in problem.message

    result = run_cli("validate", str(path))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "foglio 'Obiettivi operativi'" in result.stderr


# ---------------------------------------------------------------------------
# what is read anyway, or left out: an avviso


def test_hidden_rows_holding_data_are_read_with_an_avviso(original: Plan, tmp_path: Path) -> None:
    path = hostile.with_sheet_xml(
        SAMPLE, tmp_path / "righe.xlsx", "Indicatori", lambda xml: hostile.hide_row(hostile.hide_row(xml, 4), 7)
    )
    plan, warnings = loaded(path)
    assert len(plan.indicators) == len(original.indicators)
    (warning,) = [w for w in warnings if "nascost" in w.message]
    assert (warning.sheet, warning.cell, warning.severity) == ("Indicatori", "A4", Severity.WARNING)
    assert warning.message == "Le righe 4, 7 sono nascoste in Excel: vengono lette comunque."


def test_a_hidden_column_holding_data_is_read_with_an_avviso(original: Plan, tmp_path: Path) -> None:
    path = hostile.with_sheet_xml(SAMPLE, tmp_path / "colonna.xlsx", "Indicatori", lambda xml: hostile.hide_column(xml, 4))
    plan, warnings = loaded(path)
    assert [i.name for i in plan.indicators] == [i.name for i in original.indicators]  # column D is 'Indicatore'
    (warning,) = [w for w in warnings if "nascost" in w.message]
    assert (warning.sheet, warning.cell, warning.severity) == ("Indicatori", "D1", Severity.WARNING)
    assert warning.message == "La colonna D è nascosta in Excel: viene letta comunque."


def test_data_beyond_column_64_is_reported(tmp_path: Path) -> None:
    path = hostile.with_sheet_xml(
        SAMPLE, tmp_path / "oltre.xlsx", "Indicatori", lambda xml: hostile.add_cell(xml, 5, "BR5", "nota a margine")
    )
    _, warnings = loaded(path)
    (warning,) = [w for w in warnings if "oltre la colonna" in w.message]
    assert (warning.sheet, warning.cell, warning.severity) == ("Indicatori", "BR5", Severity.WARNING)
    assert "oltre la colonna BL (BR5)" in warning.message and "ignorati" in warning.message


# ---------------------------------------------------------------------------
# sheets named almost right, or missing: the kinds made of indicators refuse


def test_a_sheet_named_with_a_zero_width_space_is_read_with_an_avviso(original: Plan, tmp_path: Path) -> None:
    path = hostile.with_sheet_renamed(SAMPLE, tmp_path / "nome.xlsx", "Indicatori", "Indicatori\u200b")
    plan, warnings = loaded(path)
    assert len(plan.indicators) == len(original.indicators)
    (warning,) = [w for w in warnings if "quasi come" in w.message]
    assert (warning.sheet, warning.severity) == ("Indicatori", Severity.WARNING)
    assert warning.message.startswith("Il foglio «Indicatori<U+200B>» si chiama quasi come 'Indicatori'")
    assert "U+200B" in warning.message and "viene letto come 'Indicatori'" in warning.message


def test_a_sheet_named_with_a_non_breaking_space_is_read(original: Plan, tmp_path: Path) -> None:
    path = hostile.with_sheet_renamed(SAMPLE, tmp_path / "nbsp.xlsx", "Obiettivi operativi", "Obiettivi\u00a0operativi")
    plan, warnings = loaded(path)
    assert len(plan.operational_objectives) == len(original.operational_objectives)
    assert any("U+00A0" in w.message and w.sheet == "Obiettivi operativi" for w in warnings)


def test_a_plan_without_indicators_is_not_rendered_as_a_document_made_of_them(tmp_path: Path) -> None:
    path = SAMPLE
    # the measurements and revisions go too, or they would be refused as naming indicators that do not exist
    for number, sheet in enumerate(("Indicatori", "Misurazioni", "Revisioni")):
        path = hostile.with_sheet_renamed(path, tmp_path / f"senza-{number}.xlsx", sheet, f"{sheet} 2024")
    plan, warnings = loaded(path)
    assert plan.indicators == ()
    assert any(w.sheet == "Indicatori 2024" for w in warnings)  # the renamed sheet is said to be ignored
    (none,) = [w for w in warnings if w.sheet == "Indicatori"]
    assert none.severity is Severity.WARNING and none.message.startswith("Il workbook non contiene indicatori")
    result = run_cli("validate", str(path))
    assert result.returncode == 0 and "Il workbook non contiene indicatori" in result.stderr
    for kind in ("piano-performance", "pira", "monitoraggio", "relazione-performance", "cruscotto"):
        output = tmp_path / f"{kind}.pdf"
        with pytest.raises(MissingDataError, match="non contiene indicatori"):
            render(plan, kind, output)
        assert not output.exists()
        assert kind not in applicable_kinds(plan)

    output = tmp_path / "piano.pdf"
    result = run_cli("render", "piano-performance", str(path), "-o", str(output))
    assert result.returncode == 1, result.stderr
    assert "non contiene indicatori" in result.stderr and "Traceback" not in result.stderr
    assert not output.exists()


# ---------------------------------------------------------------------------
# the file itself, and the cell cap


def test_a_workbook_without_its_extension_is_told_so(tmp_path: Path) -> None:
    path = tmp_path / "piano"
    shutil.copy(SAMPLE, path)
    (problem,) = refused(path)
    assert problem.message == "Il file 'piano' non ha l'estensione .xlsx (il contenuto è una cartella di lavoro Excel): " + (
        "rinominarlo in 'piano.xlsx' e riprovare."
    )
    result = run_cli("validate", str(path))
    assert result.returncode == 1 and "non ha l'estensione .xlsx" in result.stderr

    other = tmp_path / "piano.zip"
    shutil.copy(SAMPLE, other)
    (problem,) = refused(other)
    assert problem.message.startswith("Il file 'piano.zip' ha l'estensione '.zip' invece di .xlsx")
    assert "rinominarlo in 'piano.xlsx'" in problem.message


def _cells_holding_data(path: Path) -> int:
    workbook = openpyxl.load_workbook(path)
    return sum(cell.value is not None for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row)


def test_the_cell_cap_counts_cells_holding_data(monkeypatch: pytest.MonkeyPatch) -> None:
    real = _cells_holding_data(SAMPLE)
    workbook = openpyxl.load_workbook(SAMPLE, read_only=True)
    padded = sum(sheet.max_row * reader.MAX_COLUMNS for sheet in workbook.worksheets)
    workbook.close()
    assert padded > 2 * real  # so a cap counting padded rows would refuse where this one reads
    monkeypatch.setattr(reader, "MAX_CELLS", real)
    pianodocs.load_workbook(SAMPLE)
    monkeypatch.setattr(reader, "MAX_CELLS", real - 1)
    (problem,) = refused(SAMPLE)
    assert "troppo grande" in problem.message
