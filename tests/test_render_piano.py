"""The Piano della Performance of the Pistoia sample rendered to PDF, read back page by page (issue: faithful to 002)."""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

import pianodocs
from pianodocs.documents.cruscotto_ente import dashboard_indicators
from pianodocs.values import format_percent

from .conftest import SAMPLES
from .test_backend_pdf import all_fonts


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def pages(pistoia: pianodocs.Plan, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    path = tmp_path_factory.mktemp("piano") / "piano.pdf"
    pianodocs.render(pistoia, "piano-performance", path, workbook_folder=SAMPLES)
    pytest.piano_pdf = path  # type: ignore[attr-defined]
    return [_flat(page.extract_text()) for page in PdfReader(path).pages]


@pytest.fixture(scope="module")
def pdf_path(pages: list[str]) -> Path:
    return pytest.piano_pdf  # type: ignore[attr-defined,no-any-return]


def test_every_cruscotto_indicator_with_weight_and_targets_as_in_002(pistoia: pianodocs.Plan, pages: list[str]) -> None:
    text = " ".join(pages)
    missing = []
    for indicator in dashboard_indicators(pistoia):
        starts = [found.start() for found in re.finditer(re.escape(_flat(indicator.name)), text)]
        targets = [indicator.targets[year].text for year in pistoia.years if year in indicator.targets]
        weight = [format_percent(indicator.weight)] if indicator.weight is not None else []
        expected = " ".join(weight + targets)
        if not any(expected in text[start : start + 1500] for start in starts):
            missing.append((indicator.code, expected))
    assert missing == []
    assert "0,52% 0,75% 66,64% 30% 63% 63% 63%" in text, "E1 as printed in 002"
    assert "-8,69 -15,9 -15,61 25% -15 -16 -17" in text, "payment timeliness as printed in 002"


def test_sommario_page_numbers_are_the_pages_where_headings_start(pistoia: pianodocs.Plan, pages: list[str]) -> None:
    sommario = next(index for index, page in enumerate(pages) if page.startswith("SOMMARIO"))
    entries = re.findall(r"\s*(.+?) \.{4,}\s*(\d+)", pages[sommario].removeprefix("SOMMARIO"))
    assert len(entries) == 12
    for title, number in entries:
        page = pages[int(number) - 1]
        assert title.strip() in page, (title, number)
        assert all(title.strip() not in earlier for earlier in pages[sommario + 1 : int(number) - 1]), title


def test_cruscotto_pages_are_landscape_and_repeat_the_header(pdf_path: Path, pages: list[str]) -> None:
    reader = PdfReader(pdf_path)
    cruscotto = [index for index, page in enumerate(pages) if "ALGORITMO" in page and "Media cluster" in page]
    assert len(cruscotto) >= 5
    assert cruscotto == list(range(cruscotto[0], cruscotto[-1] + 1)), "one run of pages"
    for index in cruscotto:
        box = reader.pages[index].mediabox
        assert box.width > box.height, f"page {index + 1} is not landscape"
        assert "Target 2020 Target 2021 Target 2022 Tipologia indicatore" in pages[index]
    before = reader.pages[cruscotto[0] - 2].mediabox
    assert before.width < before.height


def test_every_font_is_embedded(pdf_path: Path) -> None:
    with pikepdf.open(pdf_path) as pdf:
        fonts = all_fonts(pdf)
        assert fonts
        for font in fonts:
            descriptor = font.get("/FontDescriptor") or font["/DescendantFonts"][0]["/FontDescriptor"]
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), font.get("/BaseFont")


def test_budget_totals_printed_are_the_sums(pages: list[str]) -> None:
    text = " ".join(pages)
    assert "Totale Programma A.3. 316.050,00 - 152.500,00" in text
    assert "TOTALE LINEA STRATEGICA A 350.050,00 - 162.500,00" in text


def test_metadata_and_footer(pdf_path: Path, pages: list[str]) -> None:
    info = PdfReader(pdf_path).metadata
    assert info is not None and info.title == "Piano della Performance 2020-2022"
    assert info.author == "Camera di Commercio di Pistoia"
    assert f"Pagina 2 di {len(pages)}" in pages[1]
    with pikepdf.open(pdf_path) as pdf:
        assert str(pdf.Root.Lang) == "it-IT"
