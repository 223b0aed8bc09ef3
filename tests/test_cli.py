"""The ``pianodocs`` command line, run as staff run it: ``python -m pianodocs ...`` in a subprocess.

Exit codes: 0 success, 1 bad input (Italian message on standard error), 2 usage errors.
No output of any run may contain a traceback.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

import pianodocs
from pianodocs import TargetKind

ROOT = Path(__file__).resolve().parents[1]
KINDS = ("piano-performance", "pira", "monitoraggio", "relazione-performance", "allegato-delibera", "cruscotto", "piao")


def run_cli(*arguments: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": "src"}
    result = subprocess.run(
        [sys.executable, "-m", "pianodocs", *map(str, arguments)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "Traceback" not in result.stdout + result.stderr, result.stdout + result.stderr
    return result


@pytest.fixture(scope="module")
def initialised(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workbook made by ``pianodocs init`` for 2024-2026 (shared: copy it before changing it)."""
    path = tmp_path_factory.mktemp("init") / "piano.xlsx"
    result = run_cli("init", path, "--primo-anno", "2024", "--ultimo-anno", "2026")
    assert result.returncode == 0, result.stderr
    return path


def column_of(worksheet: Worksheet, header: str) -> int:
    for cell in worksheet[1]:
        if cell.value == header:
            return cell.column
    raise AssertionError(f"colonna {header!r} assente nel foglio {worksheet.title}")


def field_row(worksheet: Worksheet, field: str) -> int:
    for (cell,) in worksheet.iter_rows(min_col=1, max_col=1):
        if cell.value == field:
            return cell.row
    raise AssertionError(f"campo {field!r} assente nel foglio {worksheet.title}")


# ---------------------------------------------------------------------------
# kinds


def test_kinds_lists_the_six_document_kinds() -> None:
    result = run_cli("kinds")
    assert result.returncode == 0
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == list(KINDS)
    assert all(len(line.split(maxsplit=1)) == 2 for line in lines)  # each kind has its description


# ---------------------------------------------------------------------------
# init


def test_init_creates_a_workbook_that_validates(tmp_path: Path) -> None:
    output = tmp_path / "nuovo.xlsx"
    result = run_cli("init", output)
    assert result.returncode == 0, result.stderr
    assert output.is_file()
    assert "Creato" in result.stdout

    validated = run_cli("validate", output)
    assert validated.returncode == 0, validated.stderr
    assert validated.stderr == ""
    assert f"{output}: valido (" in validated.stdout


def test_validate_counts_in_the_singular_for_one(initialised: Path) -> None:
    # the init workbook has one strategic objective, one operational objective and one indicator
    validated = run_cli("validate", initialised)
    assert validated.returncode == 0, validated.stderr
    assert validated.stderr == ""
    assert "1 obiettivo strategico, 1 operativo, 1 indicatore)" in validated.stdout
    assert "obiettivi" not in validated.stdout and "indicatori" not in validated.stdout


def test_init_refuses_to_overwrite_an_existing_file_without_force(tmp_path: Path) -> None:
    output = tmp_path / "esistente.xlsx"
    original = b"contenuto che non deve andare perso \x00\x01\x02"
    output.write_bytes(original)

    result = run_cli("init", output)
    assert result.returncode == 1
    assert "esiste già" in result.stderr
    assert "--force" in result.stderr
    assert output.read_bytes() == original
    assert [path.name for path in tmp_path.iterdir()] == ["esistente.xlsx"]  # no temporary file left behind


def test_init_with_force_overwrites(tmp_path: Path) -> None:
    output = tmp_path / "esistente.xlsx"
    output.write_bytes(b"vecchio")

    result = run_cli("init", output, "--force")
    assert result.returncode == 0, result.stderr
    assert output.read_bytes() != b"vecchio"
    assert run_cli("validate", output).returncode == 0


def test_init_with_a_name_that_is_not_xlsx_is_a_usage_error(tmp_path: Path) -> None:
    output = tmp_path / "piano.xls"
    result = run_cli("init", output)
    assert result.returncode == 2
    assert ".xlsx" in result.stderr
    assert not output.exists()


def test_init_with_years_in_the_wrong_order_is_a_usage_error(tmp_path: Path) -> None:
    output = tmp_path / "piano.xlsx"
    result = run_cli("init", output, "--primo-anno", "2026", "--ultimo-anno", "2024")
    assert result.returncode == 2
    assert "anni non validi" in result.stderr
    assert not output.exists()


# ---------------------------------------------------------------------------
# validate


def test_validate_prints_one_line_per_problem_with_its_cell(initialised: Path, tmp_path: Path) -> None:
    workbook = openpyxl.load_workbook(initialised)
    indicators = workbook["Indicatori"]
    code, weight = column_of(indicators, "Codice"), column_of(indicators, "Peso")
    indicators.cell(row=2, column=weight, value="abc")
    for column in range(1, indicators.max_column + 1):  # a copy of the example indicator: same code
        indicators.cell(row=3, column=column, value=indicators.cell(row=2, column=column).value)
    indicators.cell(row=3, column=weight, value="100%")
    strategic = workbook["Obiettivi strategici"]
    dashboard = column_of(strategic, "Nel cruscotto")
    strategic.cell(row=2, column=dashboard, value="forse")
    path = tmp_path / "errori.xlsx"
    workbook.save(path)

    result = run_cli("validate", path)
    assert result.returncode == 1
    assert "valido" not in result.stdout
    lines = result.stderr.splitlines()
    weight_cell = f"{get_column_letter(weight)}2"
    code_cell = f"{get_column_letter(code)}3"
    dashboard_cell = f"{get_column_letter(dashboard)}2"
    assert (weight_cell, code_cell, dashboard_cell) == ("N2", "A3", "G2")  # the layout of the init workbook
    assert lines == [
        f"Obiettivi strategici!{dashboard_cell}: 'Nel cruscotto' deve essere si oppure no: trovato «forse».",
        f"Indicatori!{weight_cell}: 'Peso' deve essere una percentuale (es. 30%): trovato «abc».",
        f"Indicatori!{code_cell}: Il codice 'IND-B21-1' è già usato alla riga 2.",
        "3 errori, 0 avvisi.",
    ]
    for line in lines[:-1]:
        assert re.fullmatch(r"[^!:]+![A-Z]+\d+: \S.*", line), line

    # the library reports the same problems, located the same way
    with pytest.raises(pianodocs.ValidationError) as caught:
        pianodocs.load_workbook(path)
    assert {(p.sheet, p.cell) for p in caught.value.problems} == {
        ("Obiettivi strategici", dashboard_cell),
        ("Indicatori", weight_cell),
        ("Indicatori", code_cell),
    }


def test_warnings_are_marked_and_do_not_make_validate_fail(initialised: Path, tmp_path: Path) -> None:
    workbook = openpyxl.load_workbook(initialised)
    workbook.create_sheet("Appunti")["B3"] = "da ricordare per la prossima revisione"
    path = tmp_path / "avvisi.xlsx"
    workbook.save(path)

    result = run_cli("validate", path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == ["Appunti: [avviso] Il foglio 'Appunti' non fa parte del formato e viene ignorato."]
    assert "valido (" in result.stdout
    assert "1 avviso" in result.stdout


def test_warnings_are_listed_after_errors_and_counted(initialised: Path, tmp_path: Path) -> None:
    workbook = openpyxl.load_workbook(initialised)
    workbook.create_sheet("Appunti")["A1"] = "nota"
    indicators = workbook["Indicatori"]
    indicators.cell(row=2, column=column_of(indicators, "Peso"), value="abc")
    path = tmp_path / "misto.xlsx"
    workbook.save(path)

    result = run_cli("validate", path)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith("Indicatori!N2: 'Peso'")
    assert lines[1] == "Appunti: [avviso] Il foglio 'Appunti' non fa parte del formato e viene ignorato."
    assert lines[2] == "1 errore, 1 avviso."


# ---------------------------------------------------------------------------
# usage errors


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        pytest.param((), "mancano gli argomenti obbligatori: COMANDO", id="no-command"),
        pytest.param(("pubblica",), "scelta non valida: 'pubblica'", id="unknown-command"),
        pytest.param(("validate",), "mancano gli argomenti obbligatori: WORKBOOK", id="validate-without-file"),
        pytest.param(("init",), "mancano gli argomenti obbligatori: OUT.xlsx", id="init-without-file"),
        pytest.param(("kinds", "--boh"), "argomenti non riconosciuti: --boh", id="unknown-option"),
        pytest.param(("init", "x.xlsx", "--primo-anno"), "--primo-anno: richiede un valore", id="option-without-value"),
        pytest.param(
            ("init", "x.xlsx", "--primo-anno", "duemila"), "--primo-anno: numero intero non valido", id="option-not-int"
        ),
    ],
)
def test_usage_errors_exit_2_with_an_italian_message(arguments: tuple[str, ...], expected: str) -> None:
    result = run_cli(*arguments)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "errore:" in result.stderr
    assert result.stderr.startswith("uso: pianodocs")
    assert expected in result.stderr
    for english in ("usage:", "error:", "the following", "invalid", "argument", "expected", "unrecognized"):
        assert english not in result.stderr, english
    assert not (ROOT / "x.xlsx").exists()


# ---------------------------------------------------------------------------
# filling the init workbook


def test_the_init_workbook_filled_minimally_validates_and_loads(tmp_path: Path) -> None:
    path = tmp_path / "camera.xlsx"
    assert run_cli("init", path, "--primo-anno", "2024", "--ultimo-anno", "2026").returncode == 0

    workbook = openpyxl.load_workbook(path)
    entity = workbook["Ente"]
    entity.cell(row=field_row(entity, "Denominazione"), column=2, value="Camera di Commercio di Valprova")
    sheet = workbook["Indicatori"]
    columns = {cell.value: cell.column for cell in sheet[1] if cell.value}

    def put(row: int, header: str, value: object, number_format: str | None = None) -> None:
        cell = sheet.cell(row=row, column=columns[header], value=value)
        if number_format:
            cell.number_format = number_format

    put(2, "Indicatore", "Imprese accompagnate sui mercati esteri")
    put(2, "Peso", "50%")
    put(2, "Target 2024", ">=60%")
    put(2, "Target 2025", ">=65%")
    put(2, "Target 2026", "entro il 30/06/2026")
    put(3, "Codice", "IND-B21-2")
    put(3, "Obiettivo", "B.2.1")
    put(3, "Indicatore", "Eventi di promozione all'estero organizzati")
    put(3, "Peso", 0.5, "0%")  # as Excel stores a cell typed 50%
    put(3, "Target 2024", 12)
    put(3, "Target 2025", 15)
    put(3, "Target 2026", "si")
    put(3, "Unità di misura", "Numero")
    workbook.save(path)

    result = run_cli("validate", path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "2 indicatori" in result.stdout

    plan = pianodocs.load_workbook(path)
    assert plan.entity.name == "Camera di Commercio di Valprova"
    first, second = plan.indicators_of("B.2.1")
    assert [indicator.code for indicator in plan.indicators] == ["IND-B21-1", "IND-B21-2"]
    assert first.name == "Imprese accompagnate sui mercati esteri"
    assert second.name == "Eventi di promozione all'estero organizzati"
    assert first.weight == Decimal("0.5")
    assert second.weight == Decimal("0.5")
    assert {year for year, target in first.targets.items() if target.is_set} == {2024, 2025, 2026}
    assert first.targets[2024].text == ">=60%"
    assert first.targets[2024].kind is TargetKind.COMPARISON
    assert first.targets[2026].text == "entro il 30/06/2026"
    assert first.targets[2026].kind is TargetKind.DEADLINE
    assert second.targets[2024].text == "12"
    assert second.targets[2024].kind is TargetKind.LEVEL
    assert second.targets[2026].kind is TargetKind.YES_NO
    assert second.unit == "Numero"


def test_an_internal_error_is_said_in_one_line_without_control_characters(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # a bug of pianodocs whose message quotes workbook text: the last-resort line must not echo it raw
    from pianodocs import cli

    def broken(arguments: object) -> int:
        raise RuntimeError("codice \x9b31m«X»\u202e")

    monkeypatch.setattr(cli, "_kinds", broken)
    monkeypatch.delenv("PIANODOCS_DEBUG", raising=False)
    assert cli.main(["kinds"]) == cli.EXIT_INTERNAL
    error = capsys.readouterr().err
    assert "errore interno imprevisto (RuntimeError: codice 31m«X»)" in error
    assert "\x9b" not in error and "\u202e" not in error and "Traceback" not in error
