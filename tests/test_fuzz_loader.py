"""The loader under mutated and hostile workbooks: a Plan or a ValidationError in Italian, never another exception.

Hypothesis mutates the sample workbooks (cells replaced by random text, numbers,
dates, booleans; rows and columns deleted or copied; sheets swapped, renamed,
hidden or dropped), writes each with openpyxl and loads it. A workbook that loads
must give every applicable document's view model. The cases fuzzing found, and
the hostile files tests/test_reader.py does not build (formulas without computed
values, merged cells, hidden sheets, Excel error values, a million formatted
rows), are kept below as plain tests. ``PIANODOCS_FUZZ_EXAMPLES=400`` raises the
number of examples for a longer local run, which also mutates the Pistoia Piano.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pianodocs
from pianodocs.backends.docx import convert_with_libreoffice
from pianodocs.render import applicable_kinds, build_document
from pianodocs.workbook.template import write_blank_workbook

from .conftest import SAMPLES
from .hostile_reader import rewrite_member, sheet_member

Sheets = list[tuple[str, list[list[object]], str]]  # (title, rows of values, sheet state)

EXAMPLES = int(os.environ.get("PIANODOCS_FUZZ_EXAMPLES", "10"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SAMPLE_FILES = ("unioncamere_toscana_pira_2021", "cciaa_prato_2020", "cciaa_maremma_tirreno_cruscotto")
if "PIANODOCS_FUZZ_EXAMPLES" in os.environ:  # a long run also mutates the Piano with its narrative (3 s an example)
    SAMPLE_FILES += ("cciaa_pistoia_2020_consuntivo",)
ITALIAN = re.compile(
    r"\b(il|la|le|lo|gli|i|un|una|di|del|della|dell|degli|delle|che|al|a|in|per|con|non|è|sono|deve|manca|foglio|cella)\b",
    re.IGNORECASE,
)
CELL = re.compile(r"[A-Z]{1,3}[1-9]\d*")

# text the parsers must survive: values and targets as the seeds write them, and their near misses
TEXTS = (
    "97,97%", "2.280", "-15,61", "117.762,00", "0,75%", "in itinere", "non disponibile fino a data consuntivo", "nd", "-",
    "09/10/2019", ">=80%", ">= 9", "> media cluster", "<20%", "=1", "X<X-1", "entro il 31/12/2021", "31/02/2020",
    "00/00/0000", "99/99/9999", "si", "no", "realizzazione", "4 su 8", "5 su 0", "0 su 0", "n.d.", "1e9", "NaN", "inf",
    "−5", "١٢٣", "½", "∞", "%", "%%", ",", ".", "1.2.3", "+", "#N/A", "=SUM(A1:A2)", "'=1", "", " ", "\n", "a" * 300,
    "1.000.000.000.000.000.000.000", "0,000000000000000000001%", "<img src=x>", "{{ 7*7 }}",
)  # fmt: skip
_ILLEGAL = "".join(chr(code) for code in (*range(0, 9), 11, 12, *range(14, 32)))  # openpyxl refuses to write these
text_values = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters=_ILLEGAL), max_size=40)
cell_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=dt.date(1900, 3, 1)),
    st.datetimes(min_value=dt.datetime(1900, 3, 1)),
    st.sampled_from(TEXTS),
    text_values,
)
sheet_names = st.text(st.characters(whitelist_categories=("L", "N", "Zs")), min_size=1, max_size=31).filter(str.strip)
index = st.integers(min_value=0, max_value=10_000)
operations = st.one_of(
    st.tuples(st.just("set"), index, index, index, cell_values),
    st.tuples(st.just("set"), index, index, index, cell_values),  # twice: the commonest change
    st.tuples(st.just("delete_row"), index, index),
    st.tuples(st.just("delete_column"), index, index),
    st.tuples(st.just("copy_row"), index, index),
    st.tuples(st.just("swap_sheets"), index, index),
    st.tuples(st.just("rename_sheet"), index, sheet_names),
    st.tuples(st.just("swap_names"), index, index),
    st.tuples(st.just("drop_sheet"), index),
    st.tuples(st.just("hide_sheet"), index),
)


def read_sample(name: str) -> Sheets:
    workbook = openpyxl.load_workbook(SAMPLES / f"{name}.xlsx", read_only=True)
    try:
        return [(sheet.title, [list(row) for row in sheet.iter_rows(values_only=True)], sheet.sheet_state) for sheet in workbook]
    finally:
        workbook.close()


@pytest.fixture(scope="module")
def samples() -> dict[str, Sheets]:
    return {name: read_sample(name) for name in SAMPLE_FILES}


def mutate(sheets: Sheets, changes: list[tuple[object, ...]]) -> Sheets:
    """A copy of ``sheets`` with ``changes`` applied; indices wrap around the sizes found."""
    result = [(title, [list(row) for row in rows], state) for title, rows, state in sheets]
    for change in changes:
        if not result:
            break
        operation, first, *rest = change
        position = int(first) % len(result)  # type: ignore[call-overload]
        title, rows, state = result[position]
        if operation == "set" and rows:
            row = rows[int(rest[0]) % len(rows)]  # type: ignore[call-overload]
            column = int(rest[1]) % (len(row) + 2)  # type: ignore[call-overload]
            row.extend([None] * (column + 1 - len(row)))
            row[column] = rest[2]
        elif operation == "delete_row" and rows:
            del rows[int(rest[0]) % len(rows)]  # type: ignore[call-overload]
        elif operation == "delete_column" and rows and rows[0]:
            column = int(rest[0]) % len(rows[0])  # type: ignore[call-overload]
            for row in rows:
                del row[column : column + 1]
        elif operation == "copy_row" and rows:
            rows.append(list(rows[int(rest[0]) % len(rows)]))  # type: ignore[call-overload]
        elif operation == "swap_sheets":
            other = int(rest[0]) % len(result)  # type: ignore[call-overload]
            result[position], result[other] = result[other], result[position]
        elif operation == "rename_sheet":
            if all(str(rest[0]).casefold() != t.casefold() for t, _, _ in result):
                result[position] = (str(rest[0]), rows, state)
        elif operation == "swap_names":
            other = int(rest[0]) % len(result)  # type: ignore[call-overload]
            other_title, other_rows, other_state = result[other]
            result[position], result[other] = (other_title, rows, state), (title, other_rows, other_state)
        elif operation == "drop_sheet":
            del result[position]
        elif operation == "hide_sheet":
            result[position] = (title, rows, "hidden")
    return result


def write(sheets: Sheets, path: Path) -> Path:
    workbook = openpyxl.Workbook(write_only=True)
    for title, rows, state in sheets:
        sheet = workbook.create_sheet(title)
        sheet.sheet_state = state
        for row in rows:
            sheet.append(row)
    if not sheets:
        workbook.create_sheet("Vuoto")
    workbook.save(path)
    return path


def assert_loads_or_explains(path: Path) -> pianodocs.Plan | None:
    """The plan, or None after checking the ValidationError: problems located, in Italian, errors among them."""
    try:
        plan = pianodocs.load_workbook(path)
    except pianodocs.ValidationError as error:
        assert error.errors, "a ValidationError lists at least one error"
        for problem in error.problems:
            assert problem.sheet is None or (isinstance(problem.sheet, str) and problem.sheet), problem
            assert problem.cell is None or CELL.fullmatch(problem.cell), problem
            assert problem.message and ITALIAN.search(problem.message), problem
            assert "Traceback" not in problem.message and "NoneType" not in problem.message, problem
        return None
    for kind in applicable_kinds(plan):
        build_document(plan, kind)
    return plan


@pytest.mark.parametrize("sample", SAMPLE_FILES)
def test_a_mutated_sample_loads_or_is_explained(sample: str, samples: dict[str, Sheets]) -> None:
    @FUZZ
    @given(changes=st.lists(operations, min_size=1, max_size=8))
    def check(changes: list[tuple[object, ...]]) -> None:
        with tempfile.TemporaryDirectory(prefix="pianodocs-fuzz-") as folder:
            assert_loads_or_explains(write(mutate(samples[sample], changes), Path(folder) / "mutato.xlsx"))

    check()


def test_the_unchanged_samples_load_through_the_same_path(samples: dict[str, Sheets], tmp_path: Path) -> None:
    # guards the fuzz test: a rewritten sample still loads, so what fails there is the mutation
    for name, sheets in samples.items():
        assert assert_loads_or_explains(write(sheets, tmp_path / f"{name}.xlsx")) is not None, name


# --- what fuzzing found, kept as regressions ------------------------------------------------------


def change_cell(samples: dict[str, Sheets], sample: str, sheet: str, header: str, value: object, row: int = 1) -> Sheets:
    """``sample`` with the cell of column ``header`` in data row ``row`` of ``sheet`` set to ``value``."""
    sheets = mutate(samples[sample], [])
    rows = next(rows for title, rows, _ in sheets if title == sheet)
    column = rows[0].index(header)
    rows[row][column] = value
    return sheets


@pytest.mark.parametrize(
    ("header", "value"),
    [("Target 2021", 1e300), ("Target 2021", "1.000.000.000.000.000.000.000"), ("Peso", 1e300), ("Media cluster", -1e-300)],
)
def test_huge_and_tiny_numbers_are_formatted(samples: dict[str, Sheets], tmp_path: Path, header: str, value: object) -> None:
    # 1e300 in a target made Babel's rounding fail (decimal.InvalidOperation) while formatting it
    path = write(change_cell(samples, "unioncamere_toscana_pira_2021", "Indicatori", header, value), tmp_path / "numero.xlsx")
    assert_loads_or_explains(path)


@pytest.mark.parametrize("written", ["1e999", "-1E999"])
@pytest.mark.parametrize("header", ["Peso", "Target 2020", "Media cluster", "Indicatore"])
def test_a_number_excel_cannot_hold_is_named(blank: Path, tmp_path: Path, written: str, header: str) -> None:
    # openpyxl writes infinity as an empty cell, but reads <v>1e999</v>, which another program may write, as one
    workbook = openpyxl.load_workbook(blank)
    reference = f"{openpyxl.utils.get_column_letter(_column(workbook, 'Indicatori', header))}2"
    name = sheet_member(blank, "Indicatori")
    with zipfile.ZipFile(blank) as archive:
        xml = archive.read(name).decode()
    found = re.search(rf'<c r="{reference}"[^>]*?(/>|>.*?</c>)', xml)
    new = f'<c r="{reference}" t="n"><v>{written}</v></c>'
    xml = (
        xml.replace(found.group(), new)
        if found
        else xml.replace('<row r="2"', '<row r="2"', 1).replace('<row r="2">', f'<row r="2">{new}', 1)
    )
    path = rewrite_member(blank, tmp_path / "nan.xlsx", name, xml.encode())
    (problem,) = [p for p in problems_of(path) if p.cell == reference]
    assert problem.message == f"'{header}' contiene un numero non valido («{float(written)}»): correggere la cella."


# --- hostile files tests/test_reader.py does not build ---------------------------------------------


@pytest.fixture(scope="module")
def blank(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("vuoto") / "x.xlsx"
    write_blank_workbook(path, 2020, 2022)
    return path


def edited(blank: Path, target: Path, edit: Callable[[openpyxl.Workbook], None]) -> Path:
    workbook = openpyxl.load_workbook(blank)
    edit(workbook)
    workbook.save(target)
    return target


def problems_of(path: Path) -> list[pianodocs.Problem]:
    warnings: list[pianodocs.Problem] = []
    try:
        pianodocs.load_workbook(path, warnings=warnings)
    except pianodocs.ValidationError as error:
        return list(error.problems)
    return warnings


def _column(workbook: openpyxl.Workbook, sheet: str, header: str) -> int:
    return [cell.value for cell in workbook[sheet][1]].index(header) + 1


@pytest.mark.slow
def test_formulas_without_a_computed_value_are_named_with_the_cure(blank: Path, tmp_path: Path) -> None:
    def formulas(workbook: openpyxl.Workbook) -> None:
        sheet = workbook["Indicatori"]
        # the Peso column is formatted as a percentage, as in Excel: 100% is the fraction 1
        sheet.cell(row=2, column=_column(workbook, "Indicatori", "Peso"), value="=0.5+0.5")
        sheet.cell(row=2, column=_column(workbook, "Indicatori", "Target 2020"), value="=A2")

    path = edited(blank, tmp_path / "formule.xlsx", formulas)
    (problem,) = [p for p in problems_of(path) if "formul" in p.message]
    assert (problem.sheet, problem.cell) == ("Indicatori", "N2")
    assert problem.message.startswith("Le celle N2, O2 contengono formule senza il valore calcolato")
    assert "aprire il file in Excel o LibreOffice e salvarlo di nuovo" in problem.message

    # the cure works: LibreOffice computes the formulas when it saves the file
    folder = tmp_path / "salvato"
    saved = convert_with_libreoffice(path, folder, target="xlsx")  # with a profile of its own, beside other soffice
    plan = pianodocs.load_workbook(saved)
    assert plan.indicators[0].weight == 1
    assert not [p for p in problems_of(folder / "formule.xlsx") if "senza il valore calcolato" in p.message]


def test_text_that_looks_like_a_formula_is_written_as_text(tmp_path: Path) -> None:
    # the writer used to save the target '=1' as a formula without value: the loader read it as empty
    from pianodocs.workbook.writer import build_workbook, save_workbook

    data = {"Indicatori": [{"Codice": "I1", "Target 2020": "=1", "Indicatore": "=SOMMA(A1)"}]}
    path = tmp_path / "uguale.xlsx"
    save_workbook(build_workbook(data, years=[2020]), path)
    values = [cell.value for cell in openpyxl.load_workbook(path, data_only=True)["Indicatori"][2]]
    assert "=1" in values and "=SOMMA(A1)" in values
    with zipfile.ZipFile(path) as archive:
        assert "<f>" not in archive.read(sheet_member(path, "Indicatori")).decode()


def test_merged_cells_in_the_data_are_named(blank: Path, tmp_path: Path) -> None:
    def merge(workbook: openpyxl.Workbook) -> None:
        sheet = workbook["Indicatori"]
        sheet.cell(row=3, column=1, value="IND-2")
        sheet.merge_cells("B2:B3")  # the objective written once for two indicators
        sheet.merge_cells("F2:G2")

    problems = problems_of(edited(blank, tmp_path / "unite.xlsx", merge))
    vertical = next(p for p in problems if "B2:B3" in p.message)
    assert (vertical.sheet, vertical.cell, vertical.severity) == ("Indicatori", "B2", pianodocs.Severity.ERROR)
    assert "Separare le celle e scrivere il valore in ogni riga" in vertical.message
    across = next(p for p in problems if "F2:G2" in p.message)
    assert across.severity is pianodocs.Severity.WARNING
    assert "viene letto solo il valore di F2" in across.message


def test_a_hidden_sheet_is_read_with_a_warning(blank: Path, tmp_path: Path) -> None:
    def hide(workbook: openpyxl.Workbook) -> None:
        workbook["Indicatori"].sheet_state = "hidden"
        workbook["Prospettive"].sheet_state = "veryHidden"

    path = edited(blank, tmp_path / "nascosto.xlsx", hide)
    warnings: list[pianodocs.Problem] = []
    plan = pianodocs.load_workbook(path, warnings=warnings)
    assert [indicator.code for indicator in plan.indicators] == ["IND-B21-1"]
    hidden = sorted(p.sheet or "" for p in warnings if "nascosto" in p.message)
    assert hidden == ["Indicatori", "Prospettive"]
    assert all(p.severity is pianodocs.Severity.WARNING for p in warnings)


def test_an_extra_sheet_is_ignored_with_a_warning(blank: Path, tmp_path: Path) -> None:
    path = edited(blank, tmp_path / "extra.xlsx", lambda workbook: workbook.create_sheet("Appunti").append(["nota"]))
    (problem,) = [p for p in problems_of(path) if p.sheet == "Appunti"]
    assert problem.severity is pianodocs.Severity.WARNING and "viene ignorato" in problem.message


def test_an_excel_error_value_is_not_printed_as_data(blank: Path, tmp_path: Path) -> None:
    name = sheet_member(blank, "Indicatori")
    with zipfile.ZipFile(blank) as archive:
        xml = archive.read(name).decode()
    cell = re.search(r'<c r="D2"[^>]*>.*?</c>', xml)
    assert cell is not None
    path = rewrite_member(
        blank, tmp_path / "errore.xlsx", name, xml.replace(cell.group(), '<c r="D2" t="e"><v>#N/A</v></c>').encode()
    )
    (problem,) = [p for p in problems_of(path) if p.cell == "D2"]
    assert problem.message == "'Indicatore' contiene l'errore di Excel «#N/A» (formula non riuscita): correggere la cella."


def test_a_million_formatted_empty_rows_load(blank: Path, tmp_path: Path) -> None:
    name = sheet_member(blank, "Indicatori")
    with zipfile.ZipFile(blank) as archive:
        xml = archive.read(name).decode()
    rows = "".join(f'<row r="{n}" s="1" customFormat="1"><c r="A{n}" s="1"/></row>' for n in range(3, 1_000_003))
    path = rewrite_member(blank, tmp_path / "milione.xlsx", name, xml.replace("</sheetData>", rows + "</sheetData>").encode())
    plan = pianodocs.load_workbook(path)  # read to the last row with data; the empty rows are not kept (test_reader)
    assert [indicator.code for indicator in plan.indicators] == ["IND-B21-1"]


@pytest.mark.parametrize(
    ("case", "cell"),
    [
        ("riferimento a un carattere di controllo", '<c r="D2" t="inlineStr"><is><t>a&#1;b</t></is></c>'),
        ("stringa condivisa inesistente", '<c r="D2" t="s"><v>99999</v></c>'),
        ("data impossibile", '<c r="D2" t="d"><v>2020-13-45</v></c>'),
        ("numero che non è un numero", '<c r="D2" t="n"><v>abc</v></c>'),
        ("riferimento di cella non valido", '<c r="!!" t="inlineStr"><is><t>x</t></is></c>'),
    ],
)
def test_a_cell_whose_xml_is_wrong_is_a_damaged_file(blank: Path, tmp_path: Path, case: str, cell: str) -> None:
    name = sheet_member(blank, "Indicatori")
    with zipfile.ZipFile(blank) as archive:
        xml = archive.read(name).decode()
    found = re.search(r'<c r="D2"[^>]*>.*?</c>', xml)
    assert found is not None
    path = rewrite_member(blank, tmp_path / "cella.xlsx", name, xml.replace(found.group(), cell).encode())
    (problem,) = problems_of(path)
    assert (problem.sheet, problem.cell) == (None, None)
    assert problem.message.startswith("Il file .xlsx è danneggiato e non può essere letto ("), case
