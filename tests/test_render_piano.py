"""The Piano della Performance of the Pistoia sample rendered to PDF, read back page by page (issue: faithful to 002)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import attrs
import docx
import openpyxl
import pikepdf
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

import pianodocs
from pianodocs.backends.docx import write_docx
from pianodocs.backends.pdf import write_pdf
from pianodocs.documents import piano_performance
from pianodocs.documents.cruscotto_ente import dashboard_indicators
from pianodocs.render import build_document
from pianodocs.values import format_percent
from pianodocs.view.model import Document, Figure

from .conftest import SAMPLES
from .test_backend_pdf import all_fonts
from .text import dehyphenate, document_words


def _flat(text: str, words: Iterable[str] = ()) -> str:
    """The text as a person reads it: words hyphenated at a line end rejoined, white space flattened."""
    return re.sub(r"\s+", " ", dehyphenate(text, words)).strip()


@pytest.fixture(scope="module")
def pages(pistoia: pianodocs.Plan, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    path = tmp_path_factory.mktemp("piano") / "piano.pdf"
    pianodocs.render(pistoia, "piano-performance", path, workbook_folder=SAMPLES)
    pytest.piano_pdf = path  # type: ignore[attr-defined]
    words = document_words(build_document(pistoia, "piano-performance"))
    return [_flat(page.extract_text(), words) for page in PdfReader(path).pages]


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


# --- the cover's Sottotitolo and the map's bold text, in both formats ---------------------------------------------

SUBTITLE = "Approvato con deliberazione della Giunta n. 5 del 31 gennaio 2020"


@pytest.fixture(scope="module")
def cover_and_map(tmp_path_factory: pytest.TempPathFactory) -> Document:
    """The Piano of a Pistoia copy with a Sottotitolo and **bold** in an objective's name: its cover and its map only."""
    folder = tmp_path_factory.mktemp("copertina")
    workbook = openpyxl.load_workbook(SAMPLES / "cciaa_pistoia_2020_2022.xlsx")
    next(row for row in workbook["Piano"].iter_rows() if row[0].value == "Sottotitolo")[1].value = SUBTITLE
    objectives = workbook["Obiettivi strategici"]
    name = next(cell.column for cell in objectives[1] if cell.value == "Denominazione")
    objectives.cell(2, name).value = "**Valorizzare** il territorio"
    workbook.save(folder / "piano.xlsx")
    plan = pianodocs.load_workbook(folder / "piano.xlsx")
    document = piano_performance.build(plan)
    return attrs.evolve(document, blocks=tuple(block for block in document.blocks if isinstance(block, Figure)))


def test_pdf_cover_prints_the_sottotitolo_and_the_map_prints_bold_without_asterisks(
    cover_and_map: Document, tmp_path: Path
) -> None:
    path = tmp_path / "piano.pdf"
    write_pdf(cover_and_map, path)
    reader = PdfReader(path)
    cover = _flat(reader.pages[0].extract_text())
    assert "PIANO DELLA PERFORMANCE 2020-2022" in cover and SUBTITLE in cover
    drawn: list[tuple[str, str]] = []

    def visit(text: str, _cm: object, _tm: object, font: dict[str, object] | None, _size: float) -> None:
        if text.strip() and font:
            drawn.append((text.strip(), str(font.get("/BaseFont", ""))))

    reader.pages[-1].extract_text(visitor_text=visit)
    words = " ".join(text for text, _ in drawn)
    assert "Valorizzare" in words and "**" not in words
    assert "A Valorizzare il territorio" in _flat(reader.pages[-1].extract_text()), "no word after a bold one is lost"
    assert any("Valorizzare" in text and "Bold" in font for text, font in drawn), drawn[:20]
    assert any("territorio" in text and "Bold" not in font for text, font in drawn), drawn[:20]


def test_docx_cover_prints_the_sottotitolo_and_the_maps_alt_text_has_no_asterisks(
    cover_and_map: Document, tmp_path: Path
) -> None:
    path = tmp_path / "piano.docx"
    write_docx(cover_and_map, path, paginate=False)
    word = docx.Document(str(path))
    texts = [paragraph.text for paragraph in word.paragraphs]
    subtitle = next(text for text in texts if text.startswith("2020-2022"))
    assert subtitle.split("\n") == ["2020-2022", SUBTITLE]
    pictures = word.element.body.iter(qn("wp:docPr"))
    descriptions = [picture.get("descr") or "" for picture in pictures]
    assert any("Valorizzare il territorio" in text for text in descriptions)
    assert all("**" not in text for text in descriptions)
