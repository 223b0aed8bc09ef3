"""Every document kind, as PDF and DOCX, checked for what publishing asks: PDF/A, tags, language, metadata, alt text.

Each kind is rendered once per format from a sample that has its data (the
Piano, the PIRA and the annex from Pistoia, the monitoring from Prato, the
cruscotto from Maremma, the Relazione from Pistoia's consuntivo) and read
back with pikepdf and python-docx. No external validator runs here (veraPDF
is not installed): these tests check the parts of PDF/A-2a and of an
accessible DOCX that can be read from the file, see docs/pubblicazione.md.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path

import attrs
import docx
import pikepdf
import pytest
from docx.document import Document as WordDocument
from docx.oxml.ns import qn

import pianodocs
from pianodocs.backends.pdf import header_scopes, render_html
from pianodocs.render import available_kinds, build_document
from pianodocs.view.model import Cell, CellStyle, Document, Figure, Heading, Row, Run, Table, TableOfContents

from .conftest import SAMPLES
from .text import without_nobreak

# the sample each kind is rendered from: the smallest that has the kind's data
SAMPLE_OF_KIND = {
    "piano-performance": "cciaa_pistoia_2020_2022.xlsx",
    "pira": "cciaa_pistoia_2020_2022.xlsx",
    "allegato-delibera": "cciaa_pistoia_2020_revisione.xlsx",
    "monitoraggio": "cciaa_prato_2020.xlsx",
    "cruscotto": "cciaa_maremma_tirreno_cruscotto.xlsx",
    "relazione-performance": "cciaa_pistoia_2020_consuntivo.xlsx",
    "piao": "cciaa_valserena_piao_2025_2027.xlsx",
}
KINDS = [kind for kind in SAMPLE_OF_KIND if kind in available_kinds()]


class _Errors(logging.Handler):
    """WeasyPrint's errors while rendering (a missing alt text or language is logged, not raised)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@attrs.frozen
class Rendered:
    kind: str
    document: Document  # the view model, for what the files must say
    pdf: Path
    docx: Path
    pdf_errors: tuple[str, ...]


def test_every_kind_is_checked() -> None:
    # a new kind needs a sample here, so its PDF and DOCX are checked like the others
    assert set(available_kinds()) <= set(SAMPLE_OF_KIND)


@pytest.fixture(scope="module", params=KINDS)
def rendered(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    kind: str = request.param
    plan = pianodocs.load_workbook(SAMPLES / SAMPLE_OF_KIND[kind])
    folder = tmp_path_factory.mktemp(kind)
    errors = _Errors()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(errors)
    try:
        pdf = pianodocs.render(plan, kind, folder / f"{kind}.pdf", workbook_folder=SAMPLES)
    finally:
        logger.removeHandler(errors)
    document = build_document(plan, kind, SAMPLES)
    if kind == "allegato-delibera":  # through render, so the page count of the annex is settled the same way
        word = pianodocs.render(plan, kind, folder / f"{kind}.docx", workbook_folder=SAMPLES)
    else:  # the SOMMARIO's page numbers (a LibreOffice round trip) do not matter here
        from pianodocs.backends.docx import write_docx

        word = folder / f"{kind}.docx"
        write_docx(document, word, paginate=False)
    return Rendered(kind, document, Path(pdf), Path(word), tuple(errors.messages))


# ---------- reading the PDF ----------


@pytest.fixture(scope="module")
def pdf(rendered: Rendered) -> Iterator[pikepdf.Pdf]:
    with pikepdf.open(rendered.pdf) as opened:
        yield opened


def structure(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    """The structure elements in document order (depth first, as assistive technology reads them)."""
    elements: list[pikepdf.Dictionary] = []
    kids = pdf.Root.StructTreeRoot.K
    stack = list(reversed(kids)) if isinstance(kids, pikepdf.Array) else [kids]
    while stack:
        item = stack.pop()
        if not isinstance(item, pikepdf.Dictionary) or "/S" not in item:
            continue  # marked-content ids and references to annotations
        elements.append(item)
        children = item.get("/K")
        if isinstance(children, pikepdf.Array):
            stack.extend(reversed(list(children)))
        elif children is not None:
            stack.append(children)
    return elements


def descendants(element: pikepdf.Dictionary) -> Iterator[pikepdf.Dictionary]:
    children = element.get("/K")
    for child in children if isinstance(children, pikepdf.Array) else [children]:
        if isinstance(child, pikepdf.Dictionary) and "/S" in child:
            yield child
            yield from descendants(child)


def fonts(pdf: pikepdf.Pdf) -> dict[tuple[int, int], pikepdf.Dictionary]:
    """Every font the pages use, directly or in their drawings (form XObjects), by object number."""
    found: dict[tuple[int, int], pikepdf.Dictionary] = {}
    stack = [page.Resources for page in pdf.pages]
    seen: set[tuple[int, int]] = set()
    while stack:
        resources = stack.pop()
        if resources.objgen in seen and resources.objgen != (0, 0):
            continue
        seen.add(resources.objgen)
        for font in (resources.get("/Font") or {}).values():
            found[font.objgen] = font
        for drawing in (resources.get("/XObject") or {}).values():
            if "/Resources" in drawing:
                stack.append(drawing.Resources)
    return found


def figures(document: Document) -> list[Figure]:
    return [block for block in document.blocks if isinstance(block, Figure)]


# ---------- PDF ----------


def test_pdf_declares_pdfa_2a_in_xmp(pdf: pikepdf.Pdf) -> None:
    metadata = pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False)
    assert (metadata.get("pdfaid:part"), metadata.get("pdfaid:conformance")) == ("2", "A")
    assert metadata.pdfa_status == "2A"
    assert "/OutputIntents" in pdf.Root  # the sRGB output intent PDF/A asks for
    assert "/ID" in pdf.trailer


def test_pdf_title_author_subject_in_info_and_xmp(pdf: pikepdf.Pdf, rendered: Rendered) -> None:
    document = rendered.document
    assert document.title
    assert str(pdf.docinfo["/Title"]) == document.title
    assert str(pdf.docinfo["/Author"]) == document.author
    assert str(pdf.docinfo["/Subject"]) == document.subject
    metadata = pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False)
    assert metadata.get("dc:title") == document.title
    assert metadata.get("dc:creator") == [document.author]
    assert pdf.Root.ViewerPreferences.DisplayDocTitle is True  # viewers show the title, not the file name


def test_pdf_is_tagged_in_italian(pdf: pikepdf.Pdf, rendered: Rendered) -> None:
    assert pdf.Root.MarkInfo.Marked is True
    assert str(pdf.Root.Lang) == "it-IT"
    elements = structure(pdf)
    assert elements[0].S == "/Document"
    assert len(elements) > 50
    assert rendered.pdf_errors == ()  # WeasyPrint logs a missing alt text or language as an error


def test_pdf_embeds_every_font_with_unicode_mapping(pdf: pikepdf.Pdf) -> None:
    used = fonts(pdf)
    assert used
    for font in used.values():
        assert font.Subtype != "/Type3", "bitmap-like Type 3 fonts have no embedded font program"
        assert "/ToUnicode" in font, f"{font.get('/BaseFont')}: text not extractable"
        described = font.DescendantFonts[0] if font.Subtype == "/Type0" else font
        descriptor = described.FontDescriptor
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), f"{font.BaseFont} not embedded"


def test_pdf_headings_in_the_order_of_the_document(pdf: pikepdf.Pdf, rendered: Rendered) -> None:
    expected = []
    for block in rendered.document.blocks:
        if isinstance(block, Heading):
            expected.append(f"/H{min(block.level, 6)}")
        elif isinstance(block, TableOfContents):
            expected.append("/H1")  # the SOMMARIO's own title
    found = [str(element.S) for element in structure(pdf) if str(element.S) in {f"/H{level}" for level in range(1, 7)}]
    assert expected
    assert found == expected


def test_pdf_figures_carry_their_alt_text_in_order(pdf: pikepdf.Pdf, rendered: Rendered) -> None:
    elements = [element for element in structure(pdf) if element.S == "/Figure"]
    assert all(str(element.get("/Alt", "")).strip() for element in elements)
    expected = [figure.alt for figure in figures(rendered.document)]
    cover = rendered.document.cover
    if cover is not None and cover.logo:
        expected.insert(0, f"Logo: {cover.entity}")
    assert [str(element.Alt) for element in elements] == expected


def test_pdf_tables_have_header_cells(pdf: pikepdf.Pdf, rendered: Rendered) -> None:
    tables = [element for element in structure(pdf) if element.S == "/Table"]
    with_header_rows = sum(1 for block in rendered.document.blocks if isinstance(block, Table) and block.header)
    assert len(tables) >= sum(1 for block in rendered.document.blocks if isinstance(block, Table))
    heads = 0
    for table in tables:
        cells = list(descendants(table))
        headers = [cell for cell in cells if cell.S == "/TH"]
        assert headers, "a table without header cells"
        heads += any(cell.S == "/THead" for cell in cells)
        # data cells point at their header cells by id, and the ids exist in the same table
        ids = {str(cell.ID) for cell in headers}
        for cell in cells:
            if cell.S == "/TD" and "/Headers" in cell.A:
                assert {str(reference) for reference in cell.A.Headers} <= ids
    assert heads >= with_header_rows  # header rows are a THead (repeated on each page of a long table)


def _cell(text: str, style: CellStyle = CellStyle.NORMAL, rowspan: int = 1) -> Cell:
    return Cell((Run(text),), style=style, rowspan=rowspan)


def test_header_cells_of_a_form_and_of_a_table_with_header_rows() -> None:
    form = Table(
        (),
        (
            Row((_cell("Area strategica", CellStyle.SUBBAND), _cell("Destinazione Prato"))),
            Row(
                (
                    _cell("Indicatori", CellStyle.SUBBAND, rowspan=2),
                    _cell("Tipologia", CellStyle.HEADER),
                    _cell("Valore", CellStyle.HEADER),
                )
            ),
            Row((_cell("Output"), _cell("35"))),  # under "Indicatori": its first cell is in the second column
            Row((_cell("Una sola cella"),)),
        ),
        (20, 40, 40),
    )
    assert header_scopes(form) == (("row", ""), ("row", "col", "col"), ("", ""), ("",))
    listing = Table(
        (Row((_cell("Codice", CellStyle.HEADER), _cell("Indicatore", CellStyle.HEADER))),),
        (Row((_cell("P01"), _cell("Eventi"))),),
        (30, 70),
    )
    assert header_scopes(listing) == (("", ""),)  # with header rows, the first column is data
    html = without_nobreak(render_html(Document("Prova", "Ente", "Prova", None, (form, listing))))
    cells = re.findall(r'<(t[hd])(?: rowspan="\d+")?(?: scope="(\w+)")? class="[^"]*">([^<]*)<', html)
    assert cells == [
        ("th", "row", "Area strategica"),
        ("td", "", "Destinazione Prato"),
        ("th", "row", "Indicatori"),
        ("th", "col", "Tipologia"),
        ("th", "col", "Valore"),
        ("td", "", "Output"),
        ("td", "", "35"),
        ("td", "", "Una sola cella"),
        ("th", "col", "Codice"),
        ("th", "col", "Indicatore"),
        ("td", "", "P01"),
        ("td", "", "Eventi"),
    ]


# ---------- DOCX ----------


@pytest.fixture(scope="module")
def word(rendered: Rendered) -> WordDocument:
    return docx.Document(str(rendered.docx))


def test_docx_core_properties_and_language(word: WordDocument, rendered: Rendered) -> None:
    document = rendered.document
    properties = word.core_properties
    assert (properties.title, properties.author, properties.subject) == (document.title, document.author, document.subject)
    assert properties.language == "it-IT"
    defaults = word.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert defaults is not None and defaults.get(qn("w:val")) == "it-IT"  # spelling and screen readers: Italian


def test_docx_headings_use_heading_styles(word: WordDocument, rendered: Rendered) -> None:
    # a heading kept out of the SOMMARIO has a style of its own, and is a true heading when there is no SOMMARIO
    summary = any(isinstance(block, TableOfContents) for block in rendered.document.blocks)
    expected = [
        (f"Titolo {level} fuori sommario" if summary and not heading.in_summary else f"Heading {level}", heading.text)
        for heading, level in ((heading, min(heading.level, 3)) for heading in rendered.document.headings)
    ]
    styles = {f"Heading {level}" for level in (1, 2, 3)} | {f"Titolo {level} fuori sommario" for level in (1, 2, 3)}
    found = [
        (paragraph.style.name, paragraph.text)
        for paragraph in word.paragraphs
        if paragraph.style is not None and paragraph.style.name in styles
    ]
    assert expected
    assert found == expected


def test_docx_table_header_rows_repeat_and_captions_title_tables(word: WordDocument, rendered: Rendered) -> None:
    tables = [block for block in rendered.document.blocks if isinstance(block, Table) and block.widths]
    assert len(word.tables) == len(tables)
    for block, table in zip(tables, word.tables, strict=True):
        caption = table._tbl.tblPr.find(qn("w:tblCaption"))
        assert (caption.get(qn("w:val")) if caption is not None else "") == block.caption
    expected = [len(block.header) for block in tables]
    found = []
    for table in word.tables:
        rows = table._tbl.tr_lst
        repeated = [row.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None for row in rows]
        leading = next((index for index, flag in enumerate(repeated) if not flag), len(repeated))
        assert not any(repeated[leading:]), "a repeated header row below the body"
        found.append(leading)
    assert found == expected


def test_docx_images_carry_alt_text(word: WordDocument, rendered: Rendered) -> None:
    pictures = list(word.element.body.iter(qn("wp:docPr")))
    assert all((picture.get("descr") or "").strip() for picture in pictures)
    descriptions = [picture.get("descr") for picture in pictures]
    for figure in figures(rendered.document):
        assert figure.alt in descriptions
