"""No orphans (issue 12): no heading, table caption or band row ends a page without the rows it introduces.

Three documents (the Pistoia Piano, the Prato PIRA, the invented chamber's Piano) are rendered to PDF and to DOCX,
the DOCX through LibreOffice; each page's text (pdftotext, up to its footer) must not end with a heading, a caption
or a band row of the view model. A table's header is on every page that holds its rows, its first page too; in the
DOCX every band row keeps with the next, every row is kept whole, header rows repeat.
"""

from __future__ import annotations

import re
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from defusedxml.ElementTree import fromstring as parse_xml

import pianodocs
from pianodocs.backends.docx import convert_with_libreoffice, write_docx
from pianodocs.backends.pdf import write_pdf
from pianodocs.render import build_document
from pianodocs.view.model import Cell, CellStyle, Document, Heading, Row, Run, Table, is_band_row

from .conftest import SAMPLES
from .text import dehyphenate

CASES = {
    "pistoia-piano": ("cciaa_pistoia_2020_2022.xlsx", "piano-performance"),
    "prato-pira": ("cciaa_prato_2020.xlsx", "pira"),
    "valserena-piano": ("cciaa_valserena_2024_2026.xlsx", "piano-performance"),
}
FORMATS = ("pdf", "docx")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FOOTER = re.compile(r"^Pagina \d+ di \d+$")


def _packed(text: str) -> str:
    """Text without white space: table cells wrap anywhere, and pdftotext may join or split their lines."""
    return "".join(dehyphenate(text).split())


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, tuple[Document, Path, Path]]]:
    """For each case: its view model, its PDF, and its DOCX (the PDF LibreOffice makes of it beside it)."""
    folder = tmp_path_factory.mktemp("orphans")
    results = {}
    for name, (workbook, kind) in CASES.items():
        document = build_document(pianodocs.load_workbook(SAMPLES / workbook), kind, SAMPLES)
        write_pdf(document, folder / f"{name}.pdf")
        write_docx(document, folder / f"{name}.docx")
        convert_with_libreoffice(folder / f"{name}.docx", folder / "libreoffice")
        results[name] = (document, folder / f"{name}.pdf", folder / f"{name}.docx")
    yield results


def _pdf_of(rendered: dict[str, tuple[Document, Path, Path]], name: str, output: str) -> Path:
    _, pdf, docx = rendered[name]
    return pdf if output == "pdf" else docx.parent / "libreoffice" / f"{name}.pdf"


def _pages(pdf: Path, layout: bool = True, raw: bool = False) -> list[str]:
    """Each page's text up to its footer ("Pagina N di M"), one string per page.

    ``layout``: lines in the order they are printed (the last line is the page's foot); else in reading order (a
    cell's text in one piece). ``raw``: in the order they are drawn (a table's header cells before its rows, even
    when hyphenated header cells of different heights confuse pdftotext's reading order).
    """
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    count = int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))  # type: ignore[union-attr]
    pages = []
    for number in range(1, count + 1):
        flags = ["-raw"] if raw else ["-layout"] if layout else []
        command = ["pdftotext", *flags, "-f", str(number), "-l", str(number), str(pdf), "-"]
        lines = [line.strip() for line in subprocess.run(command, capture_output=True, text=True, check=True).stdout.splitlines()]
        lines = [line for line in lines if line]
        ends = [index for index, line in enumerate(lines) if _FOOTER.match(line)]
        pages.append("\n".join(lines[: ends[0]] if ends else lines))
    return pages


def _introducers(document: Document) -> set[str]:
    """The texts that introduce what follows them: headings, table captions, band rows (their cells' texts)."""
    found = set()
    for block in document.blocks:
        if isinstance(block, Heading):
            found.add(_packed(block.text))
        elif isinstance(block, Table):
            if block.caption:
                found.add(_packed(block.caption))
            for row in block.body:
                if is_band_row(row.cells):
                    found.add(_packed("".join(cell.text for cell in row.cells)))
    return {text for text in found if text}


def _orphans(document: Document, pdf: Path) -> list[tuple[int, str]]:
    introducers = _introducers(document)
    orphans = []
    for number, page in enumerate(_pages(pdf), start=1):
        packed = _packed(page)
        ending = [text for text in introducers if packed.endswith(text)]
        if ending:
            orphans.append((number, max(ending, key=len)[:80]))
    return orphans


# --- the view model ------------------------------------------------------------------------------


def test_a_band_row_keeps_with_the_next_row_unless_told_otherwise() -> None:
    band = Cell((Run("Obiettivo strategico"),), style=CellStyle.SUBBAND)
    beside = Cell(())  # an empty cell beside a band does not make it a data row
    data = Cell((Run("Indicatore"),))
    assert Row((Cell((Run("LINEA STRATEGICA A"),), style=CellStyle.BAND), beside)).keep_with_next
    assert Row((band,)).keep_with_next
    assert not Row((band, data)).keep_with_next
    assert not Row((data,)).keep_with_next
    assert not Row((beside,)).keep_with_next
    assert not Row((band,), keep_with_next=False).keep_with_next


# --- rendered: no orphan at a page foot ----------------------------------------------------------


@pytest.mark.parametrize("output", FORMATS)
@pytest.mark.parametrize("name", CASES)
def test_no_page_ends_with_a_heading_a_caption_or_a_band_row(
    rendered: dict[str, tuple[Document, Path, Path]], name: str, output: str
) -> None:
    document = rendered[name][0]
    assert _orphans(document, _pdf_of(rendered, name, output)) == []


@pytest.mark.parametrize("output", FORMATS)
def test_every_page_with_rows_of_a_pira_table_shows_its_header_above_them(
    rendered: dict[str, tuple[Document, Path, Path]], output: str
) -> None:
    document = rendered["prato-pira"][0]
    pages = [_packed(page) for page in _pages(_pdf_of(rendered, "prato-pira", output), raw=True)]
    checked = 0
    for block in document.blocks:
        # an objective's table and its indicators' table
        if not isinstance(block, Table) or block.name not in ("pira-obiettivo", "pira-indicatori"):
            continue
        header = _packed(block.header[0].cells[0].text)
        for row in block.body:
            # the row's longest text (an objective's description): the matrix repeats the objectives' titles
            first = _packed(max((cell.text for cell in row.cells), key=len))[:40]
            for number, page in enumerate(pages, start=1):
                if first and first in page:
                    checked += 1
                    assert -1 < page.find(header) < page.find(first), (number, header, first)
    assert checked > 20


# --- the DOCX's own keeps --------------------------------------------------------------------------


def _docx_rows(docx: Path) -> list[tuple[bool, bool, list[bool], str]]:
    """Each table row: (cantSplit, tblHeader, keepNext of each paragraph, its text)."""
    with zipfile.ZipFile(docx) as package:
        root = parse_xml(package.read("word/document.xml"))
    rows = []
    for row in root.iter(f"{W}tr"):
        properties = row.find(f"{W}trPr")
        cant_split = properties is not None and properties.find(f"{W}cantSplit") is not None
        header = properties is not None and properties.find(f"{W}tblHeader") is not None
        keeps = [paragraph.find(f"{W}pPr/{W}keepNext") is not None for paragraph in row.iter(f"{W}p")]
        text = "".join(node.text or "" for node in row.iter(f"{W}t"))
        rows.append((cant_split, header, keeps, text))
    return rows


def _expected_rows(document: Document) -> list[tuple[Row, bool, bool]]:
    """Each view-model row printed in the DOCX: (row, is a header row, kept whole).

    Every row is kept whole but the row of a one-row table right after a table ending with a band row (a box kept
    with it): that row may be taller than a page, and kept whole it would move and leave the box alone on a page.
    """
    expected = []
    after_box = False
    for block in document.blocks:
        if isinstance(block, Table) and block.widths:
            whole = not (after_box and len(block.body) == 1)
            expected += [(row, True, True) for row in block.header] + [(row, False, whole) for row in block.body]
        after_box = isinstance(block, Table) and bool(block.body) and block.body[-1].keep_with_next
    return expected


@pytest.mark.parametrize("name", CASES)
def test_docx_rows_are_kept_whole_headers_repeat_and_bands_keep_with_next(
    rendered: dict[str, tuple[Document, Path, Path]], name: str
) -> None:
    document, _, docx = rendered[name]
    rows = _docx_rows(docx)
    expected = _expected_rows(document)
    assert len(rows) == len(expected)
    bands = 0
    for (cant_split, header, keeps, text), (row, is_header, whole) in zip(rows, expected, strict=True):
        assert (cant_split, header) == (whole, is_header), text
        if is_band_row(row.cells):
            bands += 1
            assert keeps and all(keeps), text
    assert bands > 0
    assert sum(whole for _, _, whole in expected) > len(expected) / 2
