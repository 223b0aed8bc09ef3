"""Pictures from the workbook's folder (issue 12): a Testi block 'immagine' prints with alt text, caption and width;
a path out of the folder, a file that is not what it claims, an SVG that references anything external are refused
at the Testi row's cell."""

from __future__ import annotations

import io
import os
from pathlib import Path

import docx
import openpyxl
import pikepdf
import pytest
from docx.oxml.ns import qn
from PIL import Image
from pypdf import PdfReader

import pianodocs
from pianodocs.errors import Problem, Severity, ValidationError
from pianodocs.render import build_document

from .conftest import SAMPLES
from .test_accessibility import structure

INVENTED = SAMPLES / "cciaa_valserena_2024_2026.xlsx"
ALT = "Organigramma: la Segreteria generale e le tre aree che ne dipendono"
CAPTION = "Figura 1 - L'organigramma dell'ente inventato"
SECTION = "1.2"
NEW_COLUMNS = ("Testo alternativo", "Didascalia", "Larghezza")


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (400, 200), (40, 90, 160)).save(buffer, format="PNG")
    return buffer.getvalue()


def _workbook(folder: Path, content: str, alt: str = ALT, width: object = 120) -> Path:
    """The invented chamber's workbook in ``folder`` with one 'immagine' block naming ``content``; its cell is C<row>."""
    book = openpyxl.load_workbook(INVENTED, data_only=True)  # formulas as their values: openpyxl cannot compute them
    sheet = book["Testi"]
    header = [cell.value for cell in sheet[1]]
    for name in NEW_COLUMNS:
        if name not in header:
            sheet.cell(row=1, column=len(header) + 1, value=name)
            header.append(name)
    row = sheet.max_row + 1
    values = {
        "Sezione": SECTION,
        "Tipo": "immagine",
        "Contenuto": content,
        "Testo alternativo": alt,
        "Didascalia": CAPTION,
        "Larghezza": width,
    }
    for name, value in values.items():
        sheet.cell(row=row, column=header.index(name) + 1, value=value)
    path = folder / "piano.xlsx"
    book.save(path)
    return path


def _content_cell(path: Path) -> str:
    sheet = openpyxl.load_workbook(path)["Testi"]
    return f"C{sheet.max_row}"


def _refusal(path: Path) -> str:
    with pytest.raises(ValidationError) as caught:
        pianodocs.load_workbook(path)
    return str(caught.value)


@pytest.fixture(scope="module")
def png_plan(tmp_path_factory: pytest.TempPathFactory) -> tuple[pianodocs.Plan, Path]:
    folder = tmp_path_factory.mktemp("png")
    (folder / "immagini").mkdir()
    (folder / "immagini" / "organigramma.png").write_bytes(_png())
    return pianodocs.load_workbook(_workbook(folder, "immagini/organigramma.png")), folder


def test_pdf_prints_the_picture_with_alt_text_and_caption(png_plan: tuple[pianodocs.Plan, Path], tmp_path: Path) -> None:
    plan, folder = png_plan
    path = tmp_path / "piano.pdf"
    pianodocs.render(plan, "piano-performance", path, workbook_folder=folder)
    texts = [page.extract_text() for page in PdfReader(path).pages]
    with pikepdf.open(path) as pdf:
        images = {
            xobject.objgen
            for page in pdf.pages
            for xobject in page.Resources.get("/XObject", {}).values()
            if xobject.get("/Subtype") == "/Image" and int(xobject.Width) == 400 and int(xobject.Height) == 200
        }
        alts = [str(element.get("/Alt", "")) for element in structure(pdf) if element.S == "/Figure"]
    assert len(images) == 1  # the picture, embedded once
    assert ALT in alts
    assert any(CAPTION in " ".join(text.split()) for text in texts)


def test_docx_prints_the_picture_with_descr_and_caption(png_plan: tuple[pianodocs.Plan, Path], tmp_path: Path) -> None:
    plan, folder = png_plan
    path = tmp_path / "piano.docx"
    pianodocs.render(plan, "piano-performance", path, workbook_folder=folder)
    word = docx.Document(str(path))
    pictures = [picture for picture in word.inline_shapes if picture._inline.docPr.get("descr") == ALT]
    assert len(pictures) == 1
    assert abs(pictures[0].width.mm - 120) < 1  # the workbook's Larghezza
    paragraphs = [paragraph.text for paragraph in word.paragraphs]
    assert CAPTION in paragraphs
    elements = [paragraph._p for paragraph in word.paragraphs]
    holder = next(p for p in elements if ALT in [shape.get("descr") for shape in p.iter(qn("wp:docPr"))])
    assert paragraphs.index(CAPTION) == elements.index(holder) + 1  # the caption right below the picture


def test_svg_picture_prints_as_vector_in_the_pdf(tmp_path: Path) -> None:
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100"><rect x="10" y="10" width="180" height="80" '
        'fill="#dde"/><text x="100" y="55" text-anchor="middle">Segreteria generale</text></svg>'
    )
    (tmp_path / "organigramma.svg").write_text(svg, encoding="utf-8")
    plan = pianodocs.load_workbook(_workbook(tmp_path, "organigramma.svg"))
    path = tmp_path / "piano.pdf"
    pianodocs.render(plan, "piano-performance", path, workbook_folder=tmp_path)
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]
    assert any("Segreteria generale" in page and CAPTION in page for page in pages)


def test_missing_alt_text_is_refused_at_its_cell(tmp_path: Path) -> None:
    (tmp_path / "x.png").write_bytes(_png())
    path = _workbook(tmp_path, "x.png", alt="")
    row = openpyxl.load_workbook(path)["Testi"].max_row
    assert f"Testi!D{row}" in _refusal(path) and "Testo alternativo" in _refusal(path)


@pytest.mark.parametrize("content", ["../x.png", "/etc/x.png", "sub/../../x.png"])
def test_a_path_out_of_the_folder_is_refused_at_its_cell(tmp_path: Path, content: str) -> None:
    folder = tmp_path / "wb"
    folder.mkdir()
    (tmp_path / "x.png").write_bytes(_png())
    path = _workbook(folder, content)
    message = _refusal(path)
    assert f"Testi!{_content_cell(path)}" in message and "percorso" in message


def test_a_symbolic_link_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "wb"
    folder.mkdir()
    (tmp_path / "x.png").write_bytes(_png())
    os.symlink(tmp_path / "x.png", folder / "link.png")
    path = _workbook(folder, "link.png")
    message = _refusal(path)
    assert f"Testi!{_content_cell(path)}" in message and "fuori dalla cartella" in message


def test_a_png_that_is_a_text_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "x.png").write_text("non sono un'immagine", encoding="utf-8")
    path = _workbook(tmp_path, "x.png")
    message = _refusal(path)
    assert f"Testi!{_content_cell(path)}" in message and "non è davvero un'immagine PNG" in message


_SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">{}</svg>'


@pytest.mark.parametrize(
    ("inside", "said"),
    [
        ('<image href="http://example.org/x.png" width="5" height="5"/>', "esterno"),
        ('<image xlink:href="segreto.png" width="5" height="5"/>', "esterno"),
        ('<use xlink:href="file:///etc/passwd#x"/>', "esterno"),
        ("<script>alert(1)</script>", "script"),
        ('<style>@import url("http://example.org/a.css");</style>', "@import"),
        ('<rect width="5" height="5" style="fill: url(http://example.org/p.svg#g)"/>', "url()"),
        ('<foreignObject width="5" height="5"><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject>', "foreignObject"),
    ],
)
def test_an_svg_referencing_anything_external_is_refused(tmp_path: Path, inside: str, said: str) -> None:
    (tmp_path / "x.svg").write_text(_SVG.format(inside), encoding="utf-8")
    path = _workbook(tmp_path, "x.svg")
    message = _refusal(path)
    assert f"Testi!{_content_cell(path)}" in message and said in message


def test_an_svg_with_only_fragments_and_embedded_rasters_loads(tmp_path: Path) -> None:
    inside = (
        '<defs><linearGradient id="g"/></defs><rect width="5" height="5" fill="url(#g)"/><use href="#g"/>'
        '<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>'
    )
    (tmp_path / "x.svg").write_text(_SVG.format(inside), encoding="utf-8")
    plan = pianodocs.load_workbook(_workbook(tmp_path, "x.svg"))
    block = next(block for block in plan.text_blocks if block.alt == ALT)
    assert block.picture.startswith(b"<svg") and block.alt == ALT


def test_a_width_out_of_bounds_is_refused_at_its_cell(tmp_path: Path) -> None:
    (tmp_path / "x.png").write_bytes(_png())
    path = _workbook(tmp_path, "x.png", width=400)
    row = openpyxl.load_workbook(path)["Testi"].max_row
    message = _refusal(path)
    assert f"Testi!F{row}" in message and "Larghezza" in message


def test_a_path_typed_with_backslashes_reads_the_same(tmp_path: Path) -> None:
    (tmp_path / "immagini").mkdir()
    (tmp_path / "immagini" / "x.png").write_bytes(_png())
    plan = pianodocs.load_workbook(_workbook(tmp_path, "immagini\\x.png"))
    block = next(block for block in plan.text_blocks if block.alt == ALT)
    assert block.picture == _png()


def test_a_file_of_another_type_is_refused(tmp_path: Path) -> None:
    (tmp_path / "x.gif").write_bytes(b"GIF89a")
    path = _workbook(tmp_path, "x.gif")
    message = _refusal(path)
    assert f"Testi!{_content_cell(path)}" in message and "non è un file PNG, JPEG o SVG" in message


def test_a_file_not_there_is_an_avviso_and_the_document_prints_without_it(tmp_path: Path) -> None:
    path = _workbook(tmp_path, "manca.png")  # a workbook copied without its pictures still makes its documents
    warnings: list[Problem] = []
    plan = pianodocs.load_workbook(path, warnings=warnings)
    said = [(w.sheet, w.cell, w.severity) for w in warnings if "«manca.png» non si trova" in w.message]
    assert said == [("Testi", _content_cell(path), Severity.WARNING)]
    document = build_document(plan, "piano-performance", workbook_folder=tmp_path)
    assert not [block for block in document.blocks if getattr(block, "alt", "") == ALT]


def test_a_jpeg_picture_prints_in_both_formats(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (300, 300), (200, 120, 40)).save(buffer, format="JPEG")
    (tmp_path / "foto.jpg").write_bytes(buffer.getvalue())
    plan = pianodocs.load_workbook(_workbook(tmp_path, "foto.jpg", width=60))
    pdf, word = tmp_path / "piano.pdf", tmp_path / "piano.docx"
    pianodocs.render(plan, "piano-performance", pdf, workbook_folder=tmp_path)
    pianodocs.render(plan, "piano-performance", word, workbook_folder=tmp_path)
    with pikepdf.open(pdf) as opened:
        filters = {
            str(xobject.get("/Filter"))
            for page in opened.pages
            for xobject in page.Resources.get("/XObject", {}).values()
            if xobject.get("/Subtype") == "/Image" and int(xobject.Width) == 300
        }
    assert filters == {"/DCTDecode"}  # the JPEG itself, not re-encoded
    shapes = [shape for shape in docx.Document(str(word)).inline_shapes if shape._inline.docPr.get("descr") == ALT]
    assert len(shapes) == 1 and abs(shapes[0].width.mm - 60) < 1
