"""The DOCX carries its typeface: Titillium Web embedded (ECMA-376 §17.8.1), used by LibreOffice whatever fonts the
machine has, so the page numbers written into the file (the annex's page count, the SOMMARIO) hold everywhere."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from io import BytesIO
from pathlib import Path

import docx
import pikepdf
import pytest
from fontTools.ttLib import TTFont
from lxml import etree
from pypdf import PdfReader

import pianodocs
from pianodocs import content_cache
from pianodocs.backends.docx import convert_with_libreoffice, write_docx
from pianodocs.backends.docx.figures import FIGURE_FOLDER
from pianodocs.backends.docx.fonts import embed_fonts, font_key, obfuscated
from pianodocs.documents.allegato_delibera import render_annex
from pianodocs.view.model import Document, Heading, Paragraph, Run

from .conftest import SAMPLES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
STYLES = {"embedRegular": "Regular", "embedBold": "Bold", "embedItalic": "Italic", "embedBoldItalic": "Bold Italic"}
ANNEX_SENTENCE = re.compile(r"composto da n\. (\d+) pagin[ae]")


@pytest.fixture(scope="module")
def small_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    runs = (Run("Testo normale, "), Run("grassetto, ", bold=True), Run("corsivo, ", italic=True))
    document = Document(
        title="Prova dei caratteri",
        author="Camera di Commercio di Prova",
        subject="Prova",
        cover=None,
        blocks=(
            Heading("Caratteri incorporati", 1, "caratteri"),
            Paragraph((*runs, Run("grassetto corsivo: àèéìòù ŁŐŞ.", bold=True, italic=True))),
            Paragraph((Run("Simboli: Σ importi ≥ 90% → obiettivo ●"),)),
        ),
    )
    path = tmp_path_factory.mktemp("caratteri") / "caratteri.docx"
    write_docx(document, path)
    return path


def _embedded(path: Path, family: str = "Titillium Web") -> dict[str, tuple[str, bytes]]:
    """Each w:embed* of ``family`` in the font table: its font key and the part's bytes as stored."""
    with zipfile.ZipFile(path) as archive:
        table = etree.fromstring(archive.read("word/fontTable.xml"))
        relationships = etree.fromstring(archive.read("word/_rels/fontTable.xml.rels"))
        targets = {relationship.get("Id"): relationship.get("Target") for relationship in relationships}
        (font,) = [font for font in table.iter(f"{W}font") if font.get(f"{W}name") == family]
        return {
            element.tag.removeprefix(W): (element.get(f"{W}fontKey"), archive.read(f"word/{targets[element.get(f'{R}id')]}"))
            for element in font
            if element.tag.startswith(f"{W}embed")
        }


def test_the_font_table_embeds_titillium_web_in_four_styles(small_docx: Path) -> None:
    embedded = _embedded(small_docx)
    assert set(embedded) == set(STYLES)
    for element, (key, data) in embedded.items():
        assert re.fullmatch(r"\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", key)
        plain = obfuscated(data, key)
        assert plain[:4] == b"\x00\x01\x00\x00" != data[:4]  # TrueType once de-obfuscated, not as stored
        font = TTFont(BytesIO(plain))
        assert font["name"].getDebugName(1) == "Titillium Web"
        assert font["name"].getDebugName(2) == STYLES[element]
        assert {ord("è"), ord("Ł"), ord("ő")} <= set(font.getBestCmap())  # latin and latin-ext merged
    with zipfile.ZipFile(small_docx) as archive:
        settings = archive.read("word/settings.xml").decode()
        types = archive.read("[Content_Types].xml").decode()
        styles = archive.read("word/styles.xml").decode()
    assert "<w:embedTrueTypeFonts/>" in settings
    assert 'Extension="odttf" ContentType="application/vnd.openxmlformats-officedocument.obfuscatedFont"' in types
    assert 'w:ascii="Titillium Web"' in styles


def test_symbols_titillium_lacks_are_set_in_the_embedded_noto_sans_math(small_docx: Path) -> None:
    ((key, data),) = _embedded(small_docx, "Noto Sans Math").values()
    font = TTFont(BytesIO(obfuscated(data, key)))
    assert font["name"].getDebugName(1) == "Noto Sans Math"
    assert {ord(symbol) for symbol in "Σ≥→●"} <= set(font.getBestCmap())
    paragraph = next(p for p in docx.Document(str(small_docx)).paragraphs if p.text.startswith("Simboli"))
    fonts = [(run.text, run.font.name) for run in paragraph.runs]
    assert fonts == [
        *(("Simboli: ", None), ("Σ", "Noto Sans Math"), (" importi ", None), ("≥", "Noto Sans Math")),
        *((" 90% ", None), ("→", "Noto Sans Math"), (" obiettivo ", None), ("●", "Noto Sans Math")),
    ]


def test_no_arial_anywhere_in_the_docx(small_docx: Path) -> None:
    with zipfile.ZipFile(small_docx) as archive:
        xml = [name for name in archive.namelist() if name.endswith((".xml", ".rels"))]
        assert [name for name in xml if b"Arial" in archive.read(name)] == []


def test_obfuscation_follows_the_standard_and_undoes_itself() -> None:
    # §17.8.1: the key's hex digits read from the end, XORed over the first 32 bytes, the rest unchanged
    key = "{00112233-4455-6677-8899-AABBCCDDEEFF}"
    data = bytes(range(40))
    mask = bytes.fromhex("FFEEDDCCBBAA99887766554433221100")
    assert obfuscated(data, key) == bytes(a ^ b for a, b in zip(data[:32], mask * 2, strict=True)) + data[32:]
    assert obfuscated(obfuscated(data, key), key) == data
    assert font_key(b"a") == font_key(b"a") != font_key(b"b")


def test_embedding_twice_gives_the_same_package(small_docx: Path) -> None:
    once = small_docx.read_bytes()
    again = embed_fonts(once)
    with zipfile.ZipFile(BytesIO(once)) as first, zipfile.ZipFile(BytesIO(again)) as second:
        assert first.namelist() == second.namelist()
        assert all(first.read(name) == second.read(name) for name in first.namelist())


# --- LibreOffice uses the embedded fonts, whatever the machine has ------------------------------------------------


@pytest.fixture(scope="module")
def font_environments(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    """Two fontconfig set-ups for soffice: the machine's own fonts, and a folder holding one unrelated narrow font.

    Before the DOCX embedded its fonts, the narrow one paginated the annex on 3
    pages where the machine's DejaVu Sans (for Arial) gave 4, and moved the
    SOMMARIO's last headings to pages past the end of the Piano.
    """
    folder = tmp_path_factory.mktemp("fontconfig")
    narrow = subprocess.run(["fc-match", "-f", "%{file}", "sans-serif:condensed"], capture_output=True, text=True, check=True)
    assert "Titillium" not in narrow.stdout
    (folder / "caratteri").mkdir()
    shutil.copy(narrow.stdout, folder / "caratteri")
    configs = {
        "sistema": '<include ignore_missing="no">/etc/fonts/fonts.conf</include>',
        "un-carattere": f"<dir>{folder / 'caratteri'}</dir>",
    }
    environments = {}
    for name, body in configs.items():
        config = folder / f"{name}.conf"
        cache = folder / f"cache-{name}"
        config.write_text(f'<?xml version="1.0"?>\n<fontconfig>{body}<cachedir>{cache}</cachedir></fontconfig>\n')
        environments[name] = {**os.environ, "FONTCONFIG_FILE": str(config)}
    return environments


def _fonts_of(pdf: Path) -> set[str]:
    """The fonts a PDF uses, without their subset prefix; each one embedded (a TrueType font file in the PDF)."""
    names = set()
    with pikepdf.open(pdf) as document:
        for page in document.pages:
            for font in page.Resources.get("/Font", {}).values():
                name = re.sub(r"^/([A-Z]{6}\+)?", "", str(font.get("/BaseFont", "")))
                if "/FontDescriptor" in font and "/FontFile2" in font.FontDescriptor:
                    names.add(name)
    return names


@pytest.mark.slow
def test_libreoffice_pdf_of_a_docx_embeds_titillium_web(
    small_docx: Path, font_environments: dict[str, dict[str, str]], tmp_path: Path
) -> None:
    for name, environment in font_environments.items():
        pdf = convert_with_libreoffice(small_docx, tmp_path / name, env=environment)
        fonts = _fonts_of(pdf)
        assert {"TitilliumWeb-Regular", "TitilliumWeb-Bold", "TitilliumWeb-Italic", "TitilliumWeb-BoldItalic"} <= fonts, name
        assert "NotoSansMath-Regular" in fonts
        assert not [font for font in fonts if "DejaVu" in font], (name, fonts)
        text = " ".join(" ".join(page.extract_text() for page in PdfReader(pdf).pages).split())
        assert "grassetto corsivo: àèéìòù ŁŐŞ." in text
        assert "Simboli: Σ importi ≥ 90% → obiettivo ●" in text


@pytest.mark.slow
def test_the_annex_page_count_holds_under_two_font_environments(
    font_environments: dict[str, dict[str, str]], tmp_path: Path
) -> None:
    plan = pianodocs.load_workbook(SAMPLES / "cciaa_pistoia_2020_revisione.xlsx")
    path = tmp_path / "allegato.docx"
    pages = render_annex(plan, path, workbook_folder=SAMPLES)
    with zipfile.ZipFile(path) as archive:
        header = " ".join(archive.read(name).decode() for name in archive.namelist() if name.startswith("word/header"))
    (stated,) = set(ANNEX_SENTENCE.findall(header))
    assert int(stated) == pages
    for name, environment in font_environments.items():
        pdf = convert_with_libreoffice(path, tmp_path / name, env=environment)
        texts = [" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages]
        assert len(texts) == pages, name
        assert all(f"composto da n. {pages} pagin" in text for text in texts), name


@pytest.mark.slow
def test_the_sommario_numbers_hold_under_two_font_environments(
    font_environments: dict[str, dict[str, str]], tmp_path: Path
) -> None:
    plan = pianodocs.load_workbook(SAMPLES / "cciaa_pistoia_2020_2022.xlsx")
    path = tmp_path / "piano.docx"
    pianodocs.render(plan, "piano-performance", path, workbook_folder=SAMPLES)
    for name, environment in font_environments.items():
        pdf = convert_with_libreoffice(path, tmp_path / name, env=environment)
        text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        pages = [" ".join(page.split()) for page in text.split("\f") if page.strip()]
        sommario = next(index for index, page in enumerate(pages) if page.startswith("SOMMARIO"))
        entries = re.findall(r"(\S.+?)\.{4,}\s*(\d+)", pages[sommario].removeprefix("SOMMARIO"))
        assert len(entries) == 12, name
        for title, number in entries:
            assert int(number) <= len(pages), (name, title, number)
            assert title.strip() in pages[int(number) - 1], (name, title, number)


def _figure_png(family: str, text: str = "Mappa strategica dell'ente") -> bytes:
    """The PNG that the DOCX backend makes of a drawing whose ``text`` is set in ``family``."""
    from pianodocs.backends.docx.figures import svg_to_png

    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="400" height="60" font-family="{family}">'
        f'<text x="10" y="40" font-size="28">{text}</text></svg>'
    )
    png = svg_to_png(svg, 400)
    assert png is not None
    return png


def test_figures_of_the_docx_draw_their_text_in_the_bundled_font() -> None:
    # Titillium Web is not installed on the machine: without the bundled files cairo would draw both in its fallback
    assert _figure_png("Titillium Web") != _figure_png("Some Font Nobody Has")
    first = _figure_png("Titillium Web")
    shutil.rmtree(content_cache.folder(FIGURE_FOLDER))  # drawn again, not taken from the cache of drawings
    assert _figure_png("Titillium Web") == first


def test_a_figure_with_symbols_titillium_lacks_falls_back_to_the_next_family() -> None:
    # cairo draws each text in one font: a symbol missing from Titillium Web would be left out
    family = "Titillium Web, DejaVu Sans, sans-serif"
    assert _figure_png(family, "Σ≥→") != _figure_png(family, " ")
