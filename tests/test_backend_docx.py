"""The DOCX backend, read back as a person would: text, tables, sections, SOMMARIO, figure, metadata.

Most tests read the DOCX of ``demo_document()`` with python-docx. The slow ones
convert it with LibreOffice and read the PDF: page texts, page numbers of the
SOMMARIO, landscape pages, header rows repeated on every page of a table.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import attrs
import docx
import jinja2
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from pianodocs.backends.docx import convert_with_libreoffice, write_docx
from pianodocs.errors import PianodocsError
from pianodocs.templating import default_templates
from pianodocs.view.demo import HOSTILE_TEXT, demo_document
from pianodocs.view.model import BulletList, Cell, CellStyle, Cover, Figure, Heading, PageBreak, Paragraph, Row, Run, Table
from pianodocs.view.richtext import plain

DEMO = demo_document()
TABLES = [block for block in DEMO.blocks if isinstance(block, Table)]
WIDE = next(table for table in TABLES if table.landscape)
SUMMARY = [heading for heading in DEMO.headings if heading.in_summary]


@pytest.fixture(scope="module")
def docx_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("docx") / "demo.docx"
    write_docx(DEMO, path, paginate=False)
    return path


@pytest.fixture(scope="module")
def word(docx_path: Path) -> docx.document.Document:
    return docx.Document(str(docx_path))


def _all_text(word: docx.document.Document) -> str:
    paragraphs = [paragraph.text for paragraph in word.paragraphs]
    cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    return "\n".join(paragraphs + cells)


def _distinct_cells(row: docx.table._Row) -> list:
    """The cells of a row, each merged cell once."""
    cells: list = []
    for cell in row.cells:
        if not cells or cell._tc is not cells[-1]._tc:
            cells.append(cell)
    return cells


def _text_of(element) -> str:
    """The text of a body element (lxml's itertext() repeats text on python-docx's element classes)."""
    return "".join(text.text or "" for text in element.iter(qn("w:t")))


def _section_of_each_block(word: docx.document.Document) -> list[tuple[int, object]]:
    """(section index, body element) for every paragraph and table: a paragraph holding a sectPr ends its section."""
    result, section = [], 0
    for element in word.element.body:
        if element.tag in (qn("w:p"), qn("w:tbl")):
            result.append((section, element))
            if element.tag == qn("w:p") and element.xpath("w:pPr/w:sectPr"):
                section += 1
    return result


def test_text_has_headings_paragraphs_lists_and_hostile_text_literally(word):
    text = _all_text(word)
    for heading in DEMO.headings:
        assert heading.text in text
    for block in DEMO.blocks:
        if isinstance(block, Paragraph):
            assert block.text in text
        if isinstance(block, BulletList):
            for item in block.items:
                assert "".join(run.text for run in item) in text
    assert HOSTILE_TEXT in text
    assert "49" not in text.replace("numero 49", "")  # {{ 7*7 }} was not evaluated


def test_styles_of_headings_paragraphs_and_lists(word):
    styles = {paragraph.text: paragraph.style.name for paragraph in word.paragraphs}
    assert styles["PREMESSA"] == "Heading 1"
    assert styles["1.2 Organizzazione e personale"] == "Heading 2"
    assert styles["N.B.: dati al 31/12/2019."] == "Nota"
    assert styles["digitalizzazione."] == "List Bullet"
    bullet = word.styles["List Bullet"].element.pPr.numPr.numId.val
    numbering = word.part.numbering_part.element
    abstract = numbering.xpath(f'w:num[@w:numId="{bullet}"]/w:abstractNumId/@w:val')[0]
    assert numbering.xpath(f'w:abstractNum[@w:abstractNumId="{abstract}"]/w:lvl[@w:ilvl="0"]/w:numFmt/@w:val') == ["bullet"]
    premessa = next(paragraph for paragraph in word.paragraphs if paragraph.text.startswith("Il Piano della performance"))
    assert [run.text for run in premessa.runs if run.bold] == ["decreto legislativo"]
    assert [run.text for run in premessa.runs if run.italic] == ["pubblicato"]
    assert [link.url for link in premessa.hyperlinks] == ["https://www.example.it"]


def test_every_table_cell_is_printed_in_its_row(word):
    assert len(word.tables) == len(TABLES)
    for table, word_table in zip(TABLES, word.tables, strict=True):
        rows = (*table.header, *table.body)
        assert len(word_table.rows) == len(rows)
        for row, word_row in zip(rows, word_table.rows, strict=True):
            assert [cell.text for cell in _distinct_cells(word_row)] == [cell.text for cell in row.cells]


def test_header_rows_repeat_and_no_row_splits(word):
    for table, word_table in zip(TABLES, word.tables, strict=True):
        for index, row in enumerate(word_table.rows):
            assert bool(row._tr.xpath("w:trPr/w:tblHeader")) == (index < len(table.header))
            assert row._tr.xpath("w:trPr/w:cantSplit")


def test_spans_become_merged_cells(word):
    wide = word.tables[1]
    band = wide.rows[1]
    assert [cell._tc.grid_span for cell in _distinct_cells(band)] == [1, 2, 11]
    total = wide.rows[-1]
    assert [cell._tc.grid_span for cell in _distinct_cells(total)] == [7, 1, 6]
    # a band row is kept with the first row under it
    assert all(paragraph.paragraph_format.keep_with_next for cell in _distinct_cells(band) for paragraph in cell.paragraphs)


def test_rowspan_becomes_vertical_merge(tmp_path):
    table = Table(
        (Row((Cell(plain("Area"), rowspan=2, style=CellStyle.BAND), Cell(plain("Uno")))),),
        (Row((Cell(plain("Due")),)), Row((Cell(plain("Tre")), Cell(plain("Quattro"))))),
        (50, 50),
    )
    path = tmp_path / "unione.docx"
    write_docx(attrs.evolve(DEMO, blocks=(table,)), path, paginate=False)
    rows = docx.Document(str(path)).tables[0].rows
    merges = [[tc.tcPr.find(qn("w:vMerge")) for tc in row._tr.tc_lst] for row in rows]
    assert merges[0][0].get(qn("w:val")) == "restart" and merges[1][0].get(qn("w:val")) == "continue"
    assert merges[2][0] is None
    assert [cell.text for cell in rows[1].cells] == ["Area", "Due"]  # python-docx reads a merged cell from its top
    assert rows[1].cells[0]._tc.tcPr.find(qn("w:shd")).get(qn("w:fill")) == "BDD7EE"


def test_cell_looks_follow_cell_styles(word):
    wide = word.tables[1]

    def look(cell):
        shading = cell._tc.tcPr.find(qn("w:shd"))
        return cell.paragraphs[0].style.name, None if shading is None else shading.get(qn("w:fill"))

    assert look(wide.rows[0].cells[0]) == ("Tabella intestazione", "1F3864")
    assert look(wide.rows[1].cells[0]) == ("Tabella fascia", "BDD7EE")
    highlighted = next(row for row in wide.rows if row.cells[0].text == "PROG.INTEGR.FONDO")
    assert {look(cell) for cell in highlighted.cells} == {("Tabella testo", "FFFF00")}
    assert look(wide.rows[-1].cells[0]) == ("Tabella totale", "F2F2F2")
    assert wide.rows[2].cells[5].paragraphs[0].alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT
    # size="small": 7 pt text; the other table keeps the style's size
    assert {run.font.size.pt for cell in wide.rows[2].cells for run in cell.paragraphs[0].runs} == {7}
    assert {run.font.size for cell in word.tables[0].rows[1].cells for run in cell.paragraphs[0].runs} == {None}


def test_column_widths_share_the_page_width(word):
    for table, word_table in zip(TABLES, word.tables, strict=True):
        widths = [column.w for column in word_table._tbl.tblGrid.gridCol_lst]
        text_width = (297 if table.landscape else 210) - 40  # millimetres, 20 mm margins
        assert sum(widths) / 36000 == pytest.approx(text_width, abs=0.5)
        assert [width / sum(widths) for width in widths] == pytest.approx(
            [w / sum(table.widths) for w in table.widths], abs=0.001
        )


def test_wide_table_has_a_landscape_section_and_the_body_returns_to_portrait(word):
    sections = word.sections
    assert len(sections) == 4  # cover, body, landscape table, body again
    orientations = [section.page_width > section.page_height for section in sections]
    assert orientations == [False, False, True, False]
    assert sections[2].orientation == WD_ORIENT.LANDSCAPE
    placed = _section_of_each_block(word)
    tables = [section for section, element in placed if element.tag == qn("w:tbl")]
    assert tables == [1, 2]
    texts = {_text_of(element): section for section, element in placed if element.tag == qn("w:p")}
    assert texts["3.2 Pianificazione triennale"] == 2  # the heading goes with its table
    assert texts["Testo dopo la tabella orizzontale, di nuovo su pagina verticale."] == 3
    # header and footer are defined once, on the cover section; the others are linked to it
    assert not sections[0].footer.is_linked_to_previous and sections[0].different_first_page_header_footer
    assert all(
        section.footer.is_linked_to_previous and not section.different_first_page_header_footer for section in sections[1:]
    )
    footer_fields = [code.text.strip() for code in sections[0].footer._element.iter(qn("w:instrText"))]
    assert footer_fields == ["PAGE", "NUMPAGES"]
    assert sections[0].footer.paragraphs[0].text.startswith("Pagina ")


def test_a_document_ending_on_a_wide_table_ends_in_landscape(tmp_path):
    path = tmp_path / "orizzontale.docx"
    write_docx(attrs.evolve(DEMO, blocks=(PageBreak(), Heading("Cruscotto", 1, "c"), WIDE)), path, paginate=False)
    result = docx.Document(str(path))
    assert [section.orientation for section in result.sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE]
    assert not result.element.body.xpath("w:p/w:pPr/w:pageBreakBefore")  # no blank page before the table


def test_core_properties_and_language(word):
    properties = word.core_properties
    assert (properties.title, properties.author, properties.subject) == (DEMO.title, DEMO.author, DEMO.subject)
    assert properties.language == "it-IT"
    assert properties.last_modified_by == DEMO.author
    defaults = word.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert defaults.get(qn("w:val")) == "it-IT"


def test_sommario_is_a_filled_toc_field_updated_on_opening(word):
    body = word.element.body
    instructions = [text.text for text in body.iter(qn("w:instrText"))]
    assert instructions[0].strip() == 'TOC \\o "1-3" \\h \\z \\u'
    entries = [paragraph for paragraph in word.paragraphs if paragraph.style.name.startswith("toc ")]
    assert [paragraph.text.strip() for paragraph in entries] == [heading.text for heading in SUMMARY]
    assert [paragraph.style.name for paragraph in entries] == [f"toc {heading.level}" for heading in SUMMARY]
    anchors = [link.get(qn("w:anchor")) for paragraph in entries for link in paragraph._p.iter(qn("w:hyperlink"))]
    bookmarks = {mark.get(qn("w:name")): mark.getparent() for mark in body.iter(qn("w:bookmarkStart"))}
    assert [docx.text.paragraph.Paragraph(bookmarks[anchor], None).text for anchor in anchors] == [h.text for h in SUMMARY]
    assert all(f"PAGEREF {anchor} \\h" in " ".join(instructions) for anchor in anchors)
    assert word.settings.element.find(qn("w:updateFields")).get(qn("w:val")) == "true"


def test_figure_is_a_png_with_alt_text(word):
    figure = next(block for block in DEMO.blocks if isinstance(block, Figure))
    pictures = list(word.element.body.iter(qn("wp:docPr")))
    assert [picture.get("descr") for picture in pictures] == [figure.alt]
    shape = word.inline_shapes[0]
    assert shape.width.mm == pytest.approx(170, abs=0.5) and shape.height.mm == pytest.approx(85, abs=0.5)
    image = word.part.related_parts[shape._inline.graphic.graphicData.pic.blipFill.blip.embed].image
    assert image.content_type == "image/png" and image.px_width >= 1000


def test_cover_header_and_metadata_print_hostile_text_literally(tmp_path):
    hostile = attrs.evolve(
        DEMO,
        title=HOSTILE_TEXT,
        cover=Cover(HOSTILE_TEXT, "PIANO", "2020-2022", note=HOSTILE_TEXT),
        running_header=HOSTILE_TEXT,
    )
    path = tmp_path / "ostile.docx"
    write_docx(hostile, path, paginate=False)
    result = docx.Document(str(path))
    assert [paragraph.text for paragraph in result.paragraphs[:4]] == [HOSTILE_TEXT, "PIANO", "2020-2022", HOSTILE_TEXT]
    assert result.sections[1].header.paragraphs[0].text == HOSTILE_TEXT
    assert result.core_properties.title == HOSTILE_TEXT


def test_only_web_and_mail_links_become_hyperlinks(tmp_path):
    runs = (
        Run("sito", link="https://example.it/a?b=1&c=2"),
        Run(" file", link="file:///etc/passwd"),
        Run(" js", link="javascript:x"),
    )
    path = tmp_path / "link.docx"
    write_docx(attrs.evolve(DEMO, blocks=(Paragraph(runs), Heading("Fine", 1, "fine"))), path, paginate=False)
    paragraph = docx.Document(str(path)).paragraphs[5]
    assert paragraph.text == "sito file js"
    assert [link.url for link in paragraph.hyperlinks] == ["https://example.it/a?b=1&c=2"]


def test_user_template_fails_loudly_on_a_misspelt_field_and_keeps_the_old_file(tmp_path):
    template = docx.Document(str(default_templates() / "docx" / "documento.docx"))
    template.paragraphs[0].insert_paragraph_before("{{ cover.titel }}")
    (tmp_path / "modelli" / "docx").mkdir(parents=True)
    template.save(str(tmp_path / "modelli" / "docx" / "documento.docx"))
    output = tmp_path / "piano.docx"
    output.write_bytes(b"versione precedente")
    with pytest.raises(jinja2.UndefinedError, match="titel"):
        write_docx(DEMO, output, template_dir=tmp_path / "modelli", paginate=False)
    assert output.read_bytes() == b"versione precedente"
    assert [path.name for path in tmp_path.iterdir() if path.is_file()] == ["piano.docx"]


def test_a_template_without_the_styles_is_refused(tmp_path):
    template = docx.Document(str(default_templates() / "docx" / "documento.docx"))
    nota = template.styles["Nota"].element
    nota.getparent().remove(nota)
    (tmp_path / "docx").mkdir()
    template.save(str(tmp_path / "docx" / "documento.docx"))
    with pytest.raises(PianodocsError, match="Nota"):
        write_docx(DEMO, tmp_path / "piano.docx", template_dir=tmp_path, paginate=False)


# LibreOffice round trip


@pytest.fixture(scope="module")
def round_trip(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """The demo written with page numbers, converted to PDF by LibreOffice; the PDF and the text of each page."""
    folder = tmp_path_factory.mktemp("libreoffice")
    path = folder / "demo.docx"
    write_docx(DEMO, path, paginate=True)
    pdf = convert_with_libreoffice(path, folder, timeout=180)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return pdf, text.split("\f")[:-1]


@pytest.mark.slow
def test_pdf_from_libreoffice_has_the_text_and_page_footers(round_trip):
    _, pages = round_trip
    text = "\n".join(pages)
    for heading in DEMO.headings:
        assert heading.text in text
    assert HOSTILE_TEXT in text
    assert "Pagina 1 di" not in pages[0]  # the cover has no footer
    for number, page in enumerate(pages[1:], start=2):
        assert f"Pagina {number} di {len(pages)}" in page


@pytest.mark.slow
def test_sommario_page_numbers_match_the_pages_of_the_headings(round_trip):
    _, pages = round_trip
    toc_page = next(index for index, page in enumerate(pages) if "SOMMARIO" in page)
    for heading in SUMMARY:
        found = re.search(rf"^\s*{re.escape(heading.text)}\s*\.*\s*(\d+)\s*$", pages[toc_page], re.MULTILINE)
        assert found, heading.text
        page = pages[int(found.group(1)) - 1]
        assert re.search(rf"^\s*{re.escape(heading.text)}\s*$", page, re.MULTILINE), (heading.text, found.group(1))


@pytest.mark.slow
def test_wide_table_is_on_landscape_pages_with_its_header_on_each(round_trip):
    import pypdf

    pdf, pages = round_trip
    reader = pypdf.PdfReader(pdf)
    landscape = [page.mediabox.width > page.mediabox.height for page in reader.pages]
    on_table = ["Indicatore dimostrativo numero" in page for page in pages]
    assert on_table.count(True) >= 2
    assert landscape == on_table
    for page in (page for page, table in zip(pages, on_table, strict=True) if table):
        assert re.search(r"Flag\s+Indicatore\s+Codice\s+Algoritmo", page)
    assert "Testo dopo la tabella orizzontale" in pages[-1] and not landscape[-1]
