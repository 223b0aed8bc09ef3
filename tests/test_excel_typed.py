"""Workbooks as Excel stores what staff type: numbers with a format, dates, codes without their zeros, formulas.

Each test starts from the example plan ``pianodocs init`` writes (every value written as text), then
overwrites cells the way Excel would have stored them had a person typed the value: ``40%`` is the
number 0.4 with the format ``0%``, ``011`` typed without an apostrophe is the number 11, ``=1`` is a
formula whose computed value is 1. The loaded plan, and what the documents print from it, must show
what the person typed.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import zipfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

import pianodocs
from pianodocs.diff import change_text, diff_plans
from pianodocs.documents import allegato_delibera
from pianodocs.view.model import Table
from pianodocs.workbook.template import example_data
from pianodocs.workbook.writer import build_workbook, save_workbook

Data = dict[str, Any]
YEARS = [2018, 2019, 2020, 2021, 2022]


def _write(tmp_path: Path, change: Callable[[Data], None] = lambda data: None, name: str = "piano.xlsx") -> Path:
    data = copy.deepcopy(example_data(2020, 2022))
    change(data)
    path = tmp_path / name
    save_workbook(build_workbook(data, years=YEARS, with_help=False), path)
    return path


def _column(sheet: Any, header: str) -> int:
    return next(cell.column for cell in sheet[1] if cell.value == header)


def _type(path: Path, sheet_name: str, row: int, header: str, value: object, number_format: str = "General") -> str:
    """Store ``value`` with ``number_format`` where ``header``'s column meets ``row``, as Excel would; the cell's name."""
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[sheet_name]
    cell = sheet.cell(row=row, column=_column(sheet, header))
    cell.value = value
    cell.number_format = number_format
    workbook.save(path)
    return str(cell.coordinate)


def _cache_formula_values(path: Path, sheet_name: str, values: dict[str, str]) -> None:
    """Give formula cells the computed value Excel saves with them (openpyxl writes formulas without one)."""
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    workbook = openpyxl.load_workbook(path)
    part = f"xl/worksheets/sheet{workbook.sheetnames.index(sheet_name) + 1}.xml"
    xml = members[part].decode()
    for reference, value in values.items():
        xml, count = re.subn(rf'(<c r="{reference}"[^>]*>)(<f>[^<]*</f>)<v\s*/>', rf"\1\2<v>{value}</v>", xml)
        if not count:
            xml, count = re.subn(rf'(<c r="{reference}"[^>]*>)(<f>[^<]*</f>)(<v>\s*</v>)?', rf"\1\2<v>{value}</v>", xml)
        assert count == 1, (reference, xml[:2000])
    members[part] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def _load(path: Path) -> tuple[pianodocs.Plan, list[pianodocs.Problem]]:
    warnings: list[pianodocs.Problem] = []
    return pianodocs.load_workbook(path, warnings=warnings), warnings


def _errors(path: Path) -> list[pianodocs.Problem]:
    with pytest.raises(pianodocs.ValidationError) as raised:
        pianodocs.load_workbook(path)
    return [p for p in raised.value.problems if p.severity is pianodocs.Severity.ERROR]


def _weight_revision(data: Data) -> None:
    data["Revisioni"] = [
        {"Tipo": "peso rivisto", "Elemento": "IND-B21-1", "Atto": "GC-1-2020", "Valore precedente": "", "Nuovo valore": ""}
    ]


# ---------------------------------------------------------------------------
# percentages, dates and decimals in text columns


def test_a_percentage_typed_in_a_revision_is_read_as_a_percentage(tmp_path: Path) -> None:
    old = _write(tmp_path, name="vecchio.xlsx")
    new = _write(tmp_path, _weight_revision, name="nuovo.xlsx")
    _type(new, "Revisioni", 2, "Valore precedente", 0.4, "0%")
    _type(new, "Revisioni", 2, "Nuovo valore", 0.5, "0%")
    plan, _ = _load(new)
    (revision,) = plan.revisions
    assert (revision.previous, revision.new) == ("40%", "50%")
    lines = [change_text(diff, change) for diff in [diff_plans(_load(old)[0], plan)] for change in diff.changes]
    assert any("40% → 50%" in line for line in lines), lines
    # the annex's Peso column prints the weight as typed
    (table,) = [block for block in allegato_delibera.build(plan).blocks if isinstance(block, Table)]
    headers = [cell.text for cell in table.header[0].cells]
    (row,) = [row for row in table.body if any(cell.text == plan.indicators[0].name for cell in row.cells)]
    assert row.cells[headers.index("Peso")].text == "50%"


def test_percentages_keep_the_decimals_typed_and_the_format_shows(tmp_path: Path) -> None:
    new = _write(tmp_path, _weight_revision)
    _type(new, "Revisioni", 2, "Valore precedente", 0.333, "0%")  # typed 33,3%: Excel shows 33%, keeps 0.333
    _type(new, "Revisioni", 2, "Nuovo valore", 0.5, "0.00%")
    (revision,) = _load(new)[0].revisions
    assert (revision.previous, revision.new) == ("33,3%", "50,00%")


def test_a_revised_target_typed_as_a_percentage_prints_as_one_in_the_scoring_rule(tmp_path: Path) -> None:
    def revise(data: Data) -> None:
        data["Revisioni"] = [{"Tipo": "target rivisto", "Elemento": "IND-B21-1", "Anno": "2020", "Atto": "GC-1-2020"}]
        data["Misurazioni"] = [{"Indicatore": "IND-B21-1", "Data": "31/12/2020", "Valore": "88%"}]

    path = _write(tmp_path, revise)
    _type(path, "Revisioni", 2, "Valore precedente", 0.9, "0%")
    _type(path, "Revisioni", 2, "Nuovo valore", 0.85, "0%")
    plan, _ = _load(path)
    scored = pianodocs.score(plan, dt.date(2020, 12, 31), year=2020).indicator("IND-B21-1")
    assert "min(88% / 85%; 1)" in scored.rule, scored.rule


def test_numbers_and_dates_in_text_columns_are_read_as_formatted(tmp_path: Path) -> None:
    def table(data: Data) -> None:
        data["Tabelle"] = [{"Tabella": "personale", "Tipo riga": "dati", "C1": "x", "C2": "x", "C3": "x", "C4": "x"}]

    path = _write(tmp_path, table)
    _type(path, "Tabelle", 2, "C1", 0.5, "0.00")
    _type(path, "Tabelle", 2, "C2", dt.datetime(2020, 9, 9), "dd/mm/yyyy")
    _type(path, "Tabelle", 2, "C3", 1246770, "#,##0")
    _type(path, "Tabelle", 2, "C4", 80003170477, "0")  # a tax code: no grouping unless the format groups
    (table_read,) = _load(path)[0].tables
    assert table_read.rows[0].cells == ("0,50", "09/09/2020", "1.246.770", "80003170477")


# ---------------------------------------------------------------------------
# codes typed without their leading zeros


def test_mission_and_programme_codes_typed_as_numbers_get_their_zeros_back(tmp_path: Path) -> None:
    path = _write(tmp_path)
    for sheet, row, header, value in (
        ("Missioni", 2, "Codice", 16),
        ("Programmi", 2, "Missione", 16),
        ("Programmi", 2, "Codice", 5),
        ("Indicatori", 2, "Missione", 16),
        ("Indicatori", 2, "Programma", 5),
    ):
        _type(path, sheet, row, header, value)
    _type(path, "Atti", 2, "Numero", 63)  # other code-like columns keep the number as typed
    _type(path, "Strutture", 2, "Responsabile", 5.0)
    plan, warnings = _load(path)
    assert (plan.acts[0].number, plan.structures[0].head) == ("63", "5")
    assert [m.code for m in plan.missions] == ["016"]
    assert [(p.mission, p.code) for p in plan.programmes] == [("016", "005")]
    assert (plan.indicators[0].mission, plan.indicators[0].programme) == ("016", "005")
    restored = {(w.sheet, w.cell): w.message for w in warnings if "tre cifre" in w.message}
    assert len(restored) == 5, warnings
    message = restored[("Programmi", "B2")]
    assert message == (
        "'Codice' contiene il numero 5: Excel ha tolto gli zeri iniziali, letto come codice a tre cifre «005». "
        "Per evitarlo scrivere '005 (con l'apostrofo davanti)."
    )


def test_a_code_formatted_with_its_zeros_is_read_silently(tmp_path: Path) -> None:
    path = _write(tmp_path)
    _type(path, "Missioni", 2, "Codice", 16, "000")
    _type(path, "Programmi", 2, "Missione", "016")
    plan, warnings = _load(path)
    assert [m.code for m in plan.missions] == ["016"]
    assert not [w for w in warnings if "tre cifre" in w.message]


# ---------------------------------------------------------------------------
# formulas in target cells


def test_a_target_typed_as_equals_one_is_the_target_equals_one(tmp_path: Path) -> None:
    path = _write(tmp_path)
    cell = _type(path, "Indicatori", 2, "Target 2021", "=1")
    _cache_formula_values(path, "Indicatori", {cell: "1"})
    plan, warnings = _load(path)
    target = plan.indicators[0].targets[2021]
    assert target.text == "=1"
    assert target.kind is pianodocs.TargetKind.COMPARISON
    (warning,) = [w for w in warnings if w.cell == cell]
    assert warning.sheet == "Indicatori"
    assert warning.message == (
        "Excel ha letto «=1» come una formula (valore 1): letto come il target «=1». "
        "Per evitare l'avviso scrivere '=1 (con l'apostrofo davanti)."
    )


def test_a_revised_target_typed_as_equals_one_is_the_text_equals_one(tmp_path: Path) -> None:
    def revise(data: Data) -> None:
        data["Revisioni"] = [{"Tipo": "target rivisto", "Elemento": "IND-B21-1", "Anno": "2021", "Atto": "GC-1-2020"}]

    path = _write(tmp_path, revise)
    cell = _type(path, "Revisioni", 2, "Nuovo valore", "=1")
    _cache_formula_values(path, "Revisioni", {cell: "1"})
    plan, warnings = _load(path)
    assert plan.revisions[0].new == "=1"
    assert [w.message for w in warnings if (w.sheet, w.cell) == ("Revisioni", cell)] == [
        "Excel ha letto «=1» come una formula (valore 1): letto come il testo «=1». "
        "Per evitare l'avviso scrivere '=1 (con l'apostrofo davanti)."
    ]


def test_another_formula_in_a_target_cell_uses_its_computed_value_and_says_so(tmp_path: Path) -> None:
    path = _write(tmp_path)
    cell = _type(path, "Indicatori", 2, "Target 2021", "=0.45*2", "0%")
    _cache_formula_values(path, "Indicatori", {cell: "0.9"})
    plan, warnings = _load(path)
    assert plan.indicators[0].targets[2021].text == "90%"
    (warning,) = [w for w in warnings if w.cell == cell]
    assert warning.message == "'Target 2021' contiene la formula «=0.45*2»: viene usato il valore calcolato «90%»."


# ---------------------------------------------------------------------------
# weights


def _two_weights(first: str, second: str) -> Callable[[Data], None]:
    def weigh(data: Data) -> None:
        data["Indicatori"][0]["Peso"] = first
        data["Indicatori"].append(dict(data["Indicatori"][0], Codice="IND-B21-2", Peso=second))

    return weigh


def test_weights_typed_without_percent_sign_ask_for_it(tmp_path: Path) -> None:
    path = _write(tmp_path, _two_weights("x", "x"))
    _type(path, "Indicatori", 2, "Peso", 50, "0%")  # LibreOffice stores 50 typed in a % cell as 5000%
    _type(path, "Indicatori", 3, "Peso", 50, "0%")
    asked = (
        "'Peso' è 5.000%: ogni peso deve essere maggiore di 0% e al massimo 100%. "
        "Se il peso è 50%, scrivere 50% (con il simbolo %)."
    )  # each weight at its own cell: the sum of weights out of range says nothing more
    assert [(problem.cell, problem.message) for problem in _errors(path)] == [("N2", asked), ("N3", asked)]


def _three_weights(weight: object, number_format: str) -> Callable[[Path], Path]:
    def build(tmp_path: Path) -> Path:
        def weigh(data: Data) -> None:
            for code in ("IND-B21-2", "IND-B21-3"):
                data["Indicatori"].append(dict(data["Indicatori"][0], Codice=code))
            data["Misurazioni"] = [
                {"Indicatore": code, "Data": "31/12/2020", "Valore": value}
                for code, value in (("IND-B21-1", "90%"), ("IND-B21-2", "45%"), ("IND-B21-3", "90%"))
            ]

        path = _write(tmp_path, weigh)
        for row in (2, 3, 4):
            _type(path, "Indicatori", row, "Peso", weight, number_format)
        return path

    return build


@pytest.mark.parametrize(
    ("weight", "number_format", "total"), [(0.333, "0.0%", "99,9%"), (0.33, "0%", "99%"), ("33,3%", "@", "99,9%")]
)
def test_weights_that_miss_100_by_rounding_load_with_a_warning(
    tmp_path: Path, weight: object, number_format: str, total: str
) -> None:
    plan, warnings = _load(_three_weights(weight, number_format)(tmp_path))
    assert len(plan.indicators) == 3
    (warning,) = [w for w in warnings if "pesi" in w.message]
    assert warning.message == (
        f"I pesi degli indicatori dell'obiettivo B.2.1 sommano a {total} invece che al 100% (righe 2, 3, 4): "
        "entro la tolleranza di arrotondamento di 1 punto percentuale, i pesi vengono usati in proporzione alla loro somma."
    )
    # as docs/scoring.md says: each weight divided by their sum, so the three count one third each
    objective = pianodocs.score(plan, dt.date(2020, 12, 31), year=2020).objective("B.2.1")
    assert [part.weight.quantize(Decimal("0.0001")) for part in objective.parts] == [Decimal("0.3333")] * 3
    assert objective.percent == "83%"  # (min(90% / 90%; 1) + min(45% / 90%; 1) + min(90% / 90%; 1)) / 3 = 250% / 3
    assert objective.notes == (f"i pesi sommano a {total} invece di 100%: normalizzati",)


def test_weights_beyond_the_tolerance_are_an_error(tmp_path: Path) -> None:
    (problem,) = _errors(_three_weights(0.32, "0%")(tmp_path))
    assert problem.message == (
        "I pesi degli indicatori dell'obiettivo B.2.1 sommano a 96% invece che al 100% (righe 2, 3, 4): "
        "la tolleranza di arrotondamento è di 1 punto percentuale."
    )


# ---------------------------------------------------------------------------
# typos that turn a number into free text


@pytest.mark.parametrize(
    ("typed", "read_as"),
    [
        ("50%*", "testo libero (da valutare a mano)"),
        ("90 %%", "testo libero (da valutare a mano)"),
        (">=8O%", "il target «>=8» seguito dal testo «O%»"),  # letter O for a zero
    ],
)
def test_a_target_almost_a_number_warns_how_it_was_read(tmp_path: Path, typed: str, read_as: str) -> None:
    path = _write(tmp_path)
    cell = _type(path, "Indicatori", 2, "Target 2021", typed)
    plan, warnings = _load(path)
    assert plan.indicators[0].targets[2021].text == typed
    (warning,) = [w for w in warnings if w.cell == cell]
    assert warning.sheet == "Indicatori"
    assert warning.message == (
        f"'Target 2021' «{typed}» sembra un numero o una percentuale ma contiene caratteri non previsti: "
        f"viene letto come {read_as}. Correggerlo se era un numero."
    )


def test_a_value_almost_a_number_warns_too(tmp_path: Path) -> None:
    path = _write(tmp_path)
    cell = _type(path, "Indicatori", 2, "Storico 2019", "0,5O%")
    _, warnings = _load(path)
    (warning,) = [w for w in warnings if w.cell == cell]
    assert "«0,5O%» sembra un numero" in warning.message and "testo" in warning.message


# ---------------------------------------------------------------------------
# year columns outside the plan


def test_filled_year_columns_outside_the_plan_are_flagged_and_ignored(tmp_path: Path) -> None:
    def extra(data: Data) -> None:
        data["Indicatori"][0].update({"Target 2019": "80%", "Storico 2023": "70%"})

    path = tmp_path / "piano.xlsx"
    data = copy.deepcopy(example_data(2020, 2022))
    extra(data)
    save_workbook(build_workbook(data, years=[2018, 2019, 2020, 2021, 2022, 2023], with_help=False), path)
    plan, warnings = _load(path)
    assert sorted(plan.indicators[0].targets) == [2020, 2021, 2022]
    assert 2023 not in plan.indicators[0].history
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Indicatori"]
    target_cell = sheet.cell(row=2, column=_column(sheet, "Target 2019")).coordinate
    history_cell = sheet.cell(row=2, column=_column(sheet, "Storico 2023")).coordinate
    flagged = {(w.cell, w.message) for w in warnings}
    assert (
        target_cell,
        f"La colonna 'Target 2019' è fuori dal periodo del piano 2020-2022: i valori delle celle {target_cell} vengono ignorati.",
    ) in flagged
    assert (
        history_cell,
        f"La colonna 'Storico 2023' è successiva al periodo del piano 2020-2022: i valori delle celle {history_cell} "
        "vengono ignorati.",
    ) in flagged
