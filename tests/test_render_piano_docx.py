"""The Piano della Performance of the Pistoia sample rendered to DOCX, read back and through LibreOffice."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

import pianodocs
from pianodocs.backends.docx import convert_with_libreoffice
from pianodocs.documents.cruscotto_ente import dashboard_indicators
from pianodocs.values import format_percent

from .conftest import SAMPLES
from .text import dehyphenate


def _flat(text: str) -> str:
    """The text as a person reads it: words hyphenated at a line end rejoined, white space flattened."""
    return re.sub(r"\s+", " ", dehyphenate(text)).strip()


@pytest.fixture(scope="module")
def docx_path(pistoia: pianodocs.Plan, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("piano-docx") / "piano.docx"
    pianodocs.render(pistoia, "piano-performance", path, workbook_folder=SAMPLES)
    return path


@pytest.fixture(scope="module")
def word(docx_path: Path) -> docx.document.Document:
    return docx.Document(str(docx_path))


def _cruscotto(word: docx.document.Document) -> docx.table.Table:
    return next(table for table in word.tables if "ALGORITMO" in [cell.text for cell in table.rows[0].cells])


def test_every_cruscotto_indicator_with_weight_and_targets(pistoia: pianodocs.Plan, word: docx.document.Document) -> None:
    rows = []
    for row in _cruscotto(word).rows:
        cells = []
        for cell in row.cells:  # merged cells repeat: keep each once
            if not cells or cell._tc is not cells[-1]._tc:
                cells.append(cell)
        rows.append([_flat(cell.text) for cell in cells])
    by_name: dict[str, list[list[str]]] = {}
    for row in rows:
        if len(row) > 2:
            by_name.setdefault(row[1], []).append(row)
    for indicator in dashboard_indicators(pistoia):
        weight = format_percent(indicator.weight) if indicator.weight is not None else ""
        targets = [indicator.targets[year].text if year in indicator.targets else "" for year in pistoia.years]
        expected = [weight, *targets]
        assert any(row[7:11] == expected for row in by_name.get(_flat(indicator.name), [])), (indicator.code, expected)


def test_cruscotto_header_repeats_and_sits_in_a_landscape_section(word: docx.document.Document) -> None:
    table = _cruscotto(word)
    header = table.rows[0]._tr
    assert header.find(qn("w:trPr")) is not None and header.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
    # the section that holds the table is the one whose sectPr follows it
    body = list(word.element.body)
    following = body[body.index(table._tbl) :]
    section_properties = next(
        element.find(qn("w:pPr")).find(qn("w:sectPr"))
        for element in following
        if element.tag == qn("w:p")
        and element.find(qn("w:pPr")) is not None
        and element.find(qn("w:pPr")).find(qn("w:sectPr")) is not None
    )
    size = section_properties.find(qn("w:pgSz"))
    assert size.get(qn("w:orient")) == "landscape"
    assert int(size.get(qn("w:w"))) > int(size.get(qn("w:h")))


def test_sommario_is_filled(word: docx.document.Document) -> None:
    instructions = " ".join(node.text or "" for node in word.element.body.iter(qn("w:instrText")))
    assert "TOC" in instructions
    text = _flat(" ".join(p.text for p in word.paragraphs[:40]))
    for title in (
        "PREMESSA",
        "1.1 Mission e principali attività",
        "3.2 Pianificazione triennale.",
        "4. DALLA PERFORMANCE ORGANIZZATIVA",
    ):
        assert title in text


def test_properties(word: docx.document.Document) -> None:
    assert word.core_properties.title == "Piano della Performance 2020-2022"
    assert word.core_properties.author == "Camera di Commercio di Pistoia"


@pytest.fixture(scope="module")
def libreoffice_pages(docx_path: Path, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    pdf = convert_with_libreoffice(docx_path, tmp_path_factory.mktemp("lo"))
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [_flat(page) for page in text.split("\f") if page.strip()]


def test_libreoffice_opens_and_converts_it(pistoia: pianodocs.Plan, libreoffice_pages: list[str]) -> None:
    assert len(libreoffice_pages) > 30
    text = " ".join(libreoffice_pages)
    assert f"Pagina 2 di {len(libreoffice_pages)}" in libreoffice_pages[1]
    packed = "".join(text.split())  # a cell's text wraps anywhere: compare without white space
    missing = [indicator.code for indicator in dashboard_indicators(pistoia) if "".join(indicator.name.split()) not in packed]
    assert missing == []
    assert "TOTALELINEASTRATEGICAA350.050,00-162.500,00" in packed, "amounts fit their cells"


def test_libreoffice_sommario_numbers_are_the_heading_pages(libreoffice_pages: list[str]) -> None:
    sommario = next(index for index, page in enumerate(libreoffice_pages) if page.startswith("SOMMARIO"))
    entries = re.findall(r"(\S.+?)\.{4,}\s*(\d+)", libreoffice_pages[sommario].removeprefix("SOMMARIO"))
    assert len(entries) == 12
    for title, number in entries:
        assert title.strip() in libreoffice_pages[int(number) - 1], (title, number)


@pytest.mark.slow
def test_without_libreoffice_the_command_says_the_sommario_has_no_page_numbers(tmp_path: Path) -> None:
    # a machine without soffice: the DOCX is written, and the missing page numbers are not silent
    empty = tmp_path / "bin"
    empty.mkdir()
    path = tmp_path / "piano.docx"
    command = [sys.executable, "-m", "pianodocs", "render", "piano-performance", str(SAMPLES / "cciaa_pistoia_2020_2022.xlsx")]
    process = subprocess.run(
        [*command, "-o", str(path)], capture_output=True, text=True, env={**os.environ, "PATH": str(empty)}, timeout=300
    )
    assert process.returncode == 0, process.stderr
    assert "LibreOffice (soffice) non è installato: il SOMMARIO del DOCX resta senza numeri di pagina" in process.stderr
    entries = [p for p in docx.Document(str(path)).paragraphs if p.style.name == "toc 1"]
    assert entries and not any(re.search(r"\d\s*$", p.text) for p in entries)
