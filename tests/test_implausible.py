"""Implausible values refused (or warned of), each located at its cell, with a message a person can act on."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

import pianodocs
from pianodocs import Problem, Severity
from pianodocs.values import parse_date

from .hostile_values import Number, altered

ROOT = Path(__file__).resolve().parents[1]
RANGE = "ogni peso deve essere maggiore di 0% e al massimo 100%"


def problems_of(path: Path) -> list[Problem]:
    """Every problem of the workbook, whether it loads (its warnings) or not (its errors and warnings)."""
    warnings: list[Problem] = []
    try:
        pianodocs.load_workbook(path, warnings=warnings)
    except pianodocs.ValidationError as error:
        return list(error.problems)
    return warnings


def found(path: Path) -> set[tuple[str | None, str | None, Severity, str]]:
    return {(p.sheet, p.cell, p.severity, p.message) for p in problems_of(path)}


def errors_of(path: Path) -> list[tuple[str | None, str | None, str]]:
    return [(p.sheet, p.cell, p.message) for p in problems_of(path) if p.severity is Severity.ERROR]


def run_cli(*arguments: str | Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "pianodocs", *map(str, arguments)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": "src"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Traceback" not in result.stdout + result.stderr, result.stdout + result.stderr
    return result


# --- weights -------------------------------------------------------------------------------------------


def test_weights_that_sum_to_100_but_are_130_and_minus_60_are_refused_at_each_cell(tmp_path: Path) -> None:
    path = altered(tmp_path, {("Indicatori", "Peso", 2): Number(1.3, "0%"), ("Indicatori", "Peso", 3): Number(-0.6, "0%")})
    assert errors_of(path) == [
        ("Indicatori", "N2", f"'Peso' è 130%: {RANGE}."),
        ("Indicatori", "N3", f"'Peso' è -60%: {RANGE}."),
    ]


def test_an_absurd_weight_of_10_to_the_20_percent_is_refused_at_its_cell(tmp_path: Path) -> None:
    path = altered(tmp_path, {("Indicatori", "Peso", 2): Number(1e18, "0%")})
    assert errors_of(path) == [("Indicatori", "N2", f"'Peso' è 100.000.000.000.000.000.000%: {RANGE}.")]


def test_a_zero_weight_is_refused_at_its_cell(tmp_path: Path) -> None:
    path = altered(tmp_path, {("Indicatori", "Peso", 2): Number(0, "0%"), ("Indicatori", "Peso", 3): Number(1, "0%")})
    assert errors_of(path) == [("Indicatori", "N2", f"'Peso' è 0%: {RANGE}.")]


# --- plan years ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "cell", "year"), [("Primo anno", "B4", 0), ("Primo anno", "B4", -5), ("Ultimo anno", "B5", 99999)]
)
def test_a_plan_year_outside_1990_2100_is_refused_at_its_cell(tmp_path: Path, field: str, cell: str, year: int) -> None:
    path = altered(tmp_path, {("Piano", field, 0): year})
    assert errors_of(path) == [("Piano", cell, f"'{field}' è {year}: un anno del piano deve essere compreso fra 1990 e 2100.")]


def test_plan_years_all_99999_end_in_located_errors_not_an_internal_error(tmp_path: Path) -> None:
    path = altered(
        tmp_path,
        {("Piano", "Primo anno", 0): 99999, ("Piano", "Ultimo anno", 0): 99999, ("Piano", "Anno di riferimento", 0): 99999},
    )
    result = run_cli("validate", path)
    assert result.returncode == 1
    assert "errore interno" not in result.stderr
    assert "Piano!B6: 'Anno di riferimento' è 99999: un anno del piano deve essere compreso fra 1990 e 2100." in result.stderr


def test_a_plan_longer_than_10_years_is_refused(tmp_path: Path) -> None:
    path = altered(tmp_path, {("Piano", "Primo anno", 0): 2014})
    assert errors_of(path) == [("Piano", "B5", "Il periodo 2014-2026 è più lungo di 10 anni.")]


# --- dates ---------------------------------------------------------------------------------------------


def test_a_date_serial_before_1900_is_refused_at_its_cell(tmp_path: Path) -> None:
    path = altered(tmp_path, {("Atti", "Data", 2): Number(-5, "dd/mm/yyyy")})
    assert errors_of(path) == [
        ("Atti", "D2", "'Data' è il 25/12/1899: una data deve essere compresa fra il 01/01/1900 e il 31/12/2100.")
    ]


def test_a_date_written_01_01_0001_is_not_read_as_2001(tmp_path: Path) -> None:
    assert parse_date("01/01/0001") == dt.date(1, 1, 1)
    assert parse_date("9/9/20") == dt.date(2020, 9, 9)  # exactly two digits: this century
    path = altered(tmp_path, {("Misurazioni", "Data", 2): "01/01/0001"})
    assert errors_of(path) == [
        ("Misurazioni", "B2", "'Data' è il 01/01/0001: una data deve essere compresa fra il 01/01/1900 e il 31/12/2100.")
    ]


def test_a_date_after_2100_is_refused_at_its_cell(tmp_path: Path) -> None:
    path = altered(tmp_path, {("Atti", "Data", 3): dt.datetime(2200, 1, 1)})
    assert errors_of(path) == [
        ("Atti", "D3", "'Data' è il 01/01/2200: una data deve essere compresa fra il 01/01/1900 e il 31/12/2100.")
    ]


# --- structures ----------------------------------------------------------------------------------------


def test_a_structure_that_is_its_own_superior_is_refused(tmp_path: Path) -> None:
    path = altered(tmp_path, {("Strutture", "Struttura superiore", 2): "SG"})
    assert errors_of(path) == [("Strutture", "D2", "La struttura 'SG' (riga 2) indica se stessa come struttura superiore.")]


def test_structures_superior_to_each_other_are_refused_naming_the_rows(tmp_path: Path) -> None:
    path = altered(tmp_path, {("Strutture", "Struttura superiore", 2): "APS", ("Strutture", "Struttura superiore", 3): "SG"})
    assert errors_of(path) == [
        (
            "Strutture",
            "D2",
            "Le strutture superiori formano un ciclo: SG (riga 2) → APS (riga 3) → SG. "
            "Correggere 'Struttura superiore' in una di queste righe.",
        )
    ]


def test_a_longer_cycle_is_reported_once(tmp_path: Path) -> None:
    path = altered(
        tmp_path,
        {
            ("Strutture", "Struttura superiore", 3): "SPI",
            ("Strutture", "Struttura superiore", 6): "SET",
            ("Strutture", "Struttura superiore", 7): "APS",
        },
    )
    assert errors_of(path) == [
        (
            "Strutture",
            "D3",
            "Le strutture superiori formano un ciclo: APS (riga 3) → SPI (riga 6) → SET (riga 7) → APS. "
            "Correggere 'Struttura superiore' in una di queste righe.",
        )
    ]


# --- invisible characters and look-alikes in codes --------------------------------------------------------


def test_a_code_with_a_zero_width_space_is_warned_of_at_its_cell(tmp_path: Path) -> None:
    path = altered(tmp_path, {("Strutture", "Codice", 12): "U\u200bDA"})
    assert (
        "Strutture",
        "A12",
        Severity.WARNING,
        "'Codice' «UDA» contiene un carattere invisibile (U+200B spazio a larghezza zero): cancellarlo, "
        "altrimenti il codice non corrisponde allo stesso codice scritto altrove.",
    ) in found(path)


def test_a_reference_with_a_soft_hyphen_is_warned_of_at_its_cell(tmp_path: Path) -> None:
    path = altered(tmp_path, {("Strutture", "Struttura superiore", 6): "AP\u00adS"})
    assert (
        "Strutture",
        "D6",
        Severity.WARNING,
        "'Struttura superiore' «APS» contiene un carattere invisibile (U+00AD trattino morbido): cancellarlo, "
        "altrimenti il codice non corrisponde allo stesso codice scritto altrove.",
    ) in found(path)


def test_codes_equal_but_for_look_alike_characters_are_warned_of_naming_both_cells(tmp_path: Path) -> None:
    path = altered(tmp_path, {("Strutture", "Codice", 12): "ＳＧ"})  # full-width letters
    assert (
        "Strutture",
        "A12",
        Severity.WARNING,
        "'Codice' «ＳＧ» (Strutture!A12) e «SG» (Strutture!A2) sembrano lo stesso codice ma differiscono per caratteri "
        "invisibili o simili: scriverli nello stesso modo se sono lo stesso codice, altrimenti sceglierne uno diverso.",
    ) in found(path)


# --- messages a person can act on ----------------------------------------------------------------------


def test_control_and_bidi_characters_never_reach_a_problem_message() -> None:
    problem = Problem("Strutture", "D6", "'Struttura superiore' indica 'A\x9b31mPS\u202e\x07', che non esiste.")
    assert problem.message == "'Struttura superiore' indica 'A31mPS', che non esiste."
    assert str(problem) == "Strutture!D6: 'Struttura superiore' indica 'A31mPS', che non esiste."


def test_a_c1_control_character_in_a_code_never_reaches_the_terminal(tmp_path: Path) -> None:
    path = altered(tmp_path, {("Strutture", "Struttura superiore", 6): "APS\x9b31m", ("Strutture", "Codice", 7): "S\x9bET"})
    result = run_cli("validate", path)
    assert result.returncode == 1
    assert "Strutture!D6: 'Struttura superiore' indica 'APS31m', che non esiste nel foglio 'Strutture'." in result.stderr
    output = result.stdout + result.stderr
    assert not any("\x80" <= character <= "\x9f" for character in output)


# --- a refused logo ------------------------------------------------------------------------------------


def test_a_missing_logo_is_warned_of_at_its_cell(tmp_path: Path) -> None:
    path = altered(tmp_path, {("Ente", "Logo", 0): "logo.png"})
    assert (
        "Ente",
        "B4",
        Severity.WARNING,
        "Il logo «logo.png» non si trova nella cartella del workbook: i documenti vengono prodotti senza logo.",
    ) in found(path)


def test_a_logo_of_the_wrong_type_is_warned_of_at_its_cell(tmp_path: Path) -> None:
    (tmp_path / "logo.gif").write_bytes(b"GIF89a")
    path = altered(tmp_path, {("Ente", "Logo", 0): "logo.gif"})
    assert (
        "Ente",
        "B4",
        Severity.WARNING,
        "Il logo «logo.gif» non è un'immagine PNG, JPEG o SVG: i documenti vengono prodotti senza logo.",
    ) in found(path)


def test_a_logo_too_large_is_warned_of_at_its_cell(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(6 * 1024 * 1024))
    path = altered(tmp_path, {("Ente", "Logo", 0): "logo.png"})
    assert (
        "Ente",
        "B4",
        Severity.WARNING,
        "Il logo «logo.png» pesa più di 5 MB: i documenti vengono prodotti senza logo. Usare un'immagine più leggera.",
    ) in found(path)


def test_a_logo_outside_the_workbook_folder_is_warned_of_at_its_cell(tmp_path: Path) -> None:
    folder = tmp_path / "piano"
    folder.mkdir()
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    path = altered(folder, {("Ente", "Logo", 0): "../logo.png"})
    assert (
        "Ente",
        "B4",
        Severity.WARNING,
        "Il logo «../logo.png» non si trova nella cartella del workbook: i documenti vengono prodotti senza logo.",
    ) in found(path)


def test_a_refused_logo_is_announced_by_validate_and_render(tmp_path: Path) -> None:
    path = altered(tmp_path, {("Ente", "Logo", 0): "manca.png"})
    expected = "Ente!B4: [avviso] Il logo «manca.png» non si trova nella cartella del workbook"
    validated = run_cli("validate", path)
    assert validated.returncode == 0, validated.stderr
    assert expected in validated.stderr
    rendered = run_cli("render", "pira", path, "--output", tmp_path / "pira.pdf")
    assert rendered.returncode == 0, rendered.stderr
    assert expected in rendered.stderr


def test_a_weight_of_the_secretary_card_outside_0_100_is_refused_at_its_cell(tmp_path: Path) -> None:
    path = altered(tmp_path, {("Scheda segretario", "Peso obiettivo", 2): Number(-0.5, "0%")})
    (error,) = (p for p in problems_of(path) if p.severity is Severity.ERROR)
    assert (error.sheet, error.message) == ("Scheda segretario", f"'Peso obiettivo' è -50%: {RANGE}.")
    assert error.cell is not None and error.cell.endswith("2")


def test_a_reference_equal_to_a_code_but_for_look_alikes_is_warned_of_naming_both_cells(tmp_path: Path) -> None:
    path = altered(tmp_path, {("Strutture", "Struttura superiore", 6): "ＡPS"})  # a full-width A
    assert (
        "Strutture",
        "D6",
        Severity.WARNING,
        "'Struttura superiore' «ＡPS» (Strutture!D6) e il codice «APS» (Strutture!A3) sembrano lo stesso codice ma "
        "differiscono per caratteri invisibili o simili: scrivere il riferimento come il codice.",
    ) in found(path)
    assert ("Strutture", "D6", "'Struttura superiore' indica 'ＡPS', che non esiste nel foglio 'Strutture'.") in errors_of(path)


def test_the_weight_of_an_indicator_inserted_by_a_revision_is_checked_too(tmp_path: Path) -> None:
    path = altered(tmp_path, {("Indicatori", "Peso", 8): Number(-0.2, "0%")})  # V121-3, 'indicatore inserito'
    assert errors_of(path) == [("Indicatori", "N8", f"'Peso' è -20%: {RANGE}.")]


def test_a_logo_that_can_be_printed_gives_no_avviso(tmp_path: Path) -> None:
    (tmp_path / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', encoding="utf-8")
    path = altered(tmp_path, {("Ente", "Logo", 0): "logo.svg"})
    assert [p for p in problems_of(path) if p.sheet == "Ente"] == []
