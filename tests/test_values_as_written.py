"""A value or target written as "-", "nd" or "n.d." prints as written, never as a blank cell (issue 12)."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import openpyxl
import pytest
from pypdf import PdfReader

import pianodocs
from pianodocs.render import build_document

from .conftest import SAMPLES
from .text import dehyphenate, document_words

INVENTED = SAMPLES / "cciaa_valserena_2024_2026.xlsx"
# one indicator of the ente's cruscotto, its cluster mean, history and a target written as "not available"
WRITTEN = {"Media cluster": "n.d.", "Storico 2022": "-", "Storico 2023": "nd", "Target 2026": "n/d"}
CODE = "V111-2"


def _with_marks(folder: Path) -> Path:
    book = openpyxl.load_workbook(INVENTED, data_only=True)  # formulas as their values: openpyxl cannot compute them
    sheet = book["Indicatori"]
    header = [cell.value for cell in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == CODE)
    for column, text in WRITTEN.items():
        row[header.index(column)].value = text
    path = folder / "marks.xlsx"
    book.save(path)
    return path


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> pianodocs.Plan:
    return pianodocs.load_workbook(_with_marks(tmp_path_factory.mktemp("marks")))


def test_the_plan_keeps_the_marks_as_written(plan: pianodocs.Plan) -> None:
    indicator = next(i for i in plan.indicators if i.code == CODE)
    assert indicator.cluster_mean is not None and indicator.cluster_mean.text == "n.d."
    assert {year: value.text for year, value in indicator.history.items()} == {2022: "-", 2023: "nd"}


def _row_of(lines: list[str]) -> str:
    name = "Contributi di filiera liquidati entro 60 giorni"
    found = [line for line in lines if name in line]
    assert found, "the indicator is not in the cruscotto"
    return found[0]


def test_piano_cruscotto_pdf_prints_the_marks(plan: pianodocs.Plan, tmp_path: Path) -> None:
    path = tmp_path / "piano.pdf"
    pianodocs.render(plan, "piano-performance", path, workbook_folder=SAMPLES)
    words = document_words(build_document(plan, "piano-performance", SAMPLES))
    text = "\n".join(dehyphenate(page.extract_text(), words) for page in PdfReader(path).pages)
    flat = re.sub(r"\s+", " ", text)
    start = flat.index("Contributi di filiera liquidati entro 60 giorni")
    row = flat[start : start + 400]
    assert "n.d." in row and "n/d" in row
    assert re.search(r"(?<![\w.])nd(?![\w.])", row)
    assert re.search(r"(?<![\w>=<])-(?![\w])", row)


def test_piano_cruscotto_docx_prints_the_marks(plan: pianodocs.Plan, tmp_path: Path) -> None:
    path = tmp_path / "piano.docx"
    pianodocs.render(plan, "piano-performance", path, workbook_folder=SAMPLES)
    word = docx.Document(str(path))
    rows = [
        [cell.text.strip() for cell in row.cells]
        for table in word.tables
        for row in table.rows
        if any("Contributi di filiera liquidati entro 60 giorni" in cell.text for cell in row.cells)
    ]
    assert rows, "the indicator is not in any table"
    assert any({"n.d.", "nd", "-", "n/d"} <= set(cells) for cells in rows), rows
