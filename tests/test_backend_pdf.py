"""The PDF backend, read back as a person would: the text on each page, page sizes, footers, SOMMARIO, fonts.

The demo document (every kind of block, a 60-row landscape table, hostile text)
is rendered once; its pages are read with pypdf and pikepdf. Smaller documents
check the template override and the refusal of foreign resources.
"""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

import attrs
import pikepdf
import pytest
from pypdf import PdfReader

from pianodocs.backends.pdf import (
    FONTS,
    ResourceRefusedError,
    RestrictedFetcher,
    render_html,
    sections,
    write_pdf,
)
from pianodocs.errors import PianodocsError
from pianodocs.templating import default_templates
from pianodocs.view.demo import DEMO_SVG, HOSTILE_TEXT, demo_document
from pianodocs.view.model import (
    Cell,
    CellStyle,
    Cover,
    Document,
    Figure,
    Heading,
    PageBreak,
    Paragraph,
    Row,
    Run,
    Table,
    TableOfContents,
)

from .text import without_nobreak

WIDE_TABLE_MARK = "Indicatore dimostrativo numero"
TOC_LINE = re.compile(r"^(?P<title>.+?)[\s.]*?(?P<page>\d+)$")


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@attrs.frozen
class Rendered:
    path: Path
    pages: tuple[str, ...]  # extracted text, one entry per page
    sizes: tuple[tuple[float, float], ...]
    warnings: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.pages)


def render(document: Document, path: Path, template_dir: Path | None = None) -> Rendered:
    handler = _Records()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    try:
        write_pdf(document, path, template_dir=template_dir)
    finally:
        logger.removeHandler(handler)
    reader = PdfReader(path)
    return Rendered(
        path,
        tuple(page.extract_text() for page in reader.pages),
        tuple((float(page.mediabox.width), float(page.mediabox.height)) for page in reader.pages),
        tuple(record.getMessage() for record in handler.records),
    )


def flat(text: str) -> str:
    return " ".join(text.split())


def small_document(*blocks: object) -> Document:
    return Document(
        title="Documento di prova",
        author="Ente di prova",
        subject="Prova",
        cover=Cover("Ente di prova", "TITOLO DI PROVA"),
        blocks=blocks or (Heading("Capitolo", 1, "capitolo"), Paragraph((Run("Testo di prova."),))),  # type: ignore[arg-type]
    )


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    return render(demo_document(), tmp_path_factory.mktemp("pdf") / "demo.pdf")


def test_rendering_logs_no_warning(demo: Rendered) -> None:
    # HarfBuzz-Subset missing from the machine only slows the font subsetting down
    assert [message for message in demo.warnings if "HarfBuzz-Subset" not in message] == []


def test_headings_paragraphs_and_hostile_text_print_literally(demo: Rendered) -> None:
    document = demo_document()
    text = flat(demo.text)
    for heading in document.headings:
        assert heading.text in text
    for block in document.blocks:
        if isinstance(block, Paragraph):
            assert flat(block.text) in text
    assert HOSTILE_TEXT in demo.text  # markup, template code and entities printed as they are
    assert "semplificazione e trasparenza;" in text


def test_cover_then_footer_with_page_count_on_every_page(demo: Rendered) -> None:
    count = len(demo.pages)
    assert "PIANO DELLA PERFORMANCE" in demo.pages[0]
    assert "Camera di Commercio di Esempio" in demo.pages[0]
    assert "Pagina" not in demo.pages[0]
    for number, page in enumerate(demo.pages[1:], start=2):
        assert f"Pagina {number} di {count}" in page


def heading_pages(rendered: Rendered, titles: list[str]) -> dict[str, int]:
    """The page (1-based) where each title stands alone on a line, outside the SOMMARIO page."""
    found: dict[str, int] = {}
    for number, page in enumerate(rendered.pages, start=1):
        if "SOMMARIO" in page:
            continue
        lines = {line.strip() for line in page.splitlines()}
        for title in titles:
            if title in lines and title not in found:
                found[title] = number
    return found


def test_sommario_page_numbers_are_where_the_headings_start(demo: Rendered) -> None:
    toc_page = next(page for page in demo.pages if "SOMMARIO" in page)
    entries = {}
    for line in toc_page.splitlines():
        match = TOC_LINE.match(line.strip())
        if match and "." in line and "Pagina" not in line:
            entries[match["title"].strip()] = int(match["page"])
    titles = [heading.text for heading in demo_document().headings if heading.in_summary]
    assert sorted(entries) == sorted(titles)
    assert heading_pages(demo, titles) == entries
    # the heading before the wide table moved with it to the first landscape page
    first_landscape = next(number for number, (width, height) in enumerate(demo.sizes, start=1) if width > height)
    assert entries["3.2 Pianificazione triennale"] == first_landscape


def test_wide_table_on_landscape_pages_with_repeated_header(demo: Rendered) -> None:
    landscape = [number for number, page in enumerate(demo.pages) if WIDE_TABLE_MARK in page]
    assert len(landscape) >= 2  # the table breaks across pages
    for number, (width, height) in enumerate(demo.sizes):
        if number in landscape:
            assert width > height, f"pagina {number + 1}"
            assert "Tipologia" in demo.pages[number]
            assert "Target 2020" in demo.pages[number]
        else:
            assert height > width, f"pagina {number + 1}"
    assert "TOTALE" in demo.pages[landscape[-1]]
    # back to portrait after the table, with the text that follows it
    assert "Testo dopo la tabella orizzontale" in demo.pages[landscape[-1] + 1]
    assert round(demo.sizes[0][0]) == 595 and round(demo.sizes[0][1]) == 842  # A4


def all_fonts(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    """Every font dictionary used by the pages, including those inside form XObjects (drawings)."""
    fonts: dict[tuple[int, int], pikepdf.Dictionary] = {}
    seen: set[tuple[int, int]] = set()

    def visit(resources: pikepdf.Dictionary) -> None:
        for font in resources.get("/Font", {}).values():
            fonts[font.objgen] = font
        for xobject in resources.get("/XObject", {}).values():
            if xobject.objgen in seen:
                continue
            seen.add(xobject.objgen)
            if "/Resources" in xobject:
                visit(xobject.Resources)

    for page in pdf.pages:
        visit(page.Resources)
    return list(fonts.values())


def test_every_font_is_embedded_and_bundled(demo: Rendered) -> None:
    with pikepdf.open(demo.path) as pdf:
        fonts = all_fonts(pdf)
        names = set()
        for font in fonts:
            descendant = font.DescendantFonts[0] if "/DescendantFonts" in font else font
            descriptor = descendant.FontDescriptor
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), str(font.BaseFont)
            names.add(str(font.BaseFont).split("+")[-1])
    assert "Titillium-Web" in names and "Titillium-Web-Bold" in names and "Titillium-Web-Italic" in names
    # nothing from the machine's own fonts: the drawing's text too uses the bundled font
    assert all(name.startswith(("Titillium-Web", "Noto-Sans-Math")) for name in names), names


def test_figure_is_vector_with_its_text_and_caption(demo: Rendered) -> None:
    page = next(page for page in demo.pages if "Mappa strategica" in page)
    assert "Vision dell'ente" in page  # text of the SVG, drawn as text
    with pikepdf.open(demo.path) as pdf:
        for pdf_page in pdf.pages:
            for xobject in pdf_page.Resources.get("/XObject", {}).values():
                assert xobject.get("/Subtype") != "/Image"  # no raster anywhere


def test_metadata_language_and_tags(demo: Rendered) -> None:
    reader = PdfReader(demo.path)
    assert reader.metadata is not None
    assert reader.metadata.title == "Piano della Performance 2020-2022"
    assert reader.metadata.author == "Camera di Commercio di Esempio"
    assert reader.metadata.subject == "Documento dimostrativo di pianodocs"
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "it-IT"
    assert root["/MarkInfo"]["/Marked"]  # tagged PDF, for accessibility
    assert "/StructTreeRoot" in root


def test_html_escapes_text_and_keeps_only_safe_links() -> None:
    document = small_document(
        Paragraph(
            (
                Run(HOSTILE_TEXT),
                Run("sito", link="https://www.example.it/?a=1&b=2"),
                Run("posta", link="mailto:ufficio@example.it"),
                Run("trappola", link="javascript:alert(1)"),
                Run("file", link="file:///etc/passwd"),
                Run("grassetto", bold=True, italic=True),
            )
        )
    )
    html = without_nobreak(render_html(document))
    assert "&lt;img src=" in html and '<img src="file' not in html
    assert "{{ 7*7 }}" in html and "{% include" in html
    assert 'href="https://www.example.it/?a=1&amp;b=2"' in html
    assert 'href="mailto:ufficio@example.it"' in html
    assert "javascript" not in html and 'file:///etc/passwd"' not in html
    assert "posta</a>trappolafile<strong>" in html  # the unsafe links keep their text, lose the link
    assert "<strong><em>grassetto</em></strong>" in html
    assert '<html lang="it-IT">' in html and "<title>Documento di prova</title>" in html


def test_table_spans_styles_and_widths_in_html() -> None:
    table = Table(
        (Row((Cell((Run("Area"),), style=CellStyle.HEADER), Cell((Run("Esito"),), style=CellStyle.HEADER))),),
        (
            Row(
                (Cell((Run("Area A"),), rowspan=2, style=CellStyle.SUBBAND), Cell((Run("Sì"),), style=CellStyle.GREEN)),
                keep_with_next=True,
            ),
            Row((Cell((Run("No"),), style=CellStyle.RED),)),
            Row((Cell((Run("Totale"),), colspan=2, style=CellStyle.TOTAL),)),
        ),
        (25, 75),
        caption="Esiti",
    )
    html = render_html(small_document(table))
    assert "<thead>" in html and '<th scope="col" class="cell-header align-left">Area</th>' in html
    assert '<td rowspan="2" class="cell-subband align-left">Area A</td>' in html
    assert '<td colspan="2" class="cell-total align-left">Totale</td>' in html
    assert 'class="cell-green' in html and 'class="cell-red' in html
    assert '<tr class="keep-with-next">' in html
    assert 'style="width: 25.0%"' in html and 'style="width: 75.0%"' in html
    assert "<caption>Esiti</caption>" in html


def band_table_document(rows_before: int, keep: bool) -> Document:
    def cell(text: str, style: CellStyle = CellStyle.NORMAL) -> Cell:
        return Cell((Run(text),), style=style)

    rows = [Row((cell(f"riga {number}"), cell("x"))) for number in range(rows_before)]
    rows.append(Row((cell("FASCIA", CellStyle.BAND), cell("")), keep_with_next=keep))
    rows += [Row((cell(f"dopo {number}"), cell("x"))) for number in range(3)]
    header = Row((cell("Intestazione", CellStyle.HEADER), cell("Valore", CellStyle.HEADER)))
    return small_document(Table((header,), tuple(rows), (50, 50)))


def test_band_row_kept_with_the_next_row(tmp_path: Path) -> None:
    probe = render(band_table_document(120, keep=False), tmp_path / "probe.pdf")
    capacity = sum(line.startswith("riga ") for line in probe.pages[1].splitlines())  # rows on a full page
    loose = render(band_table_document(capacity - 1, keep=False), tmp_path / "loose.pdf")
    assert "FASCIA" in loose.pages[1] and "dopo 0" not in loose.pages[1]  # the band would end the page
    kept = render(band_table_document(capacity - 1, keep=True), tmp_path / "kept.pdf")
    band_page = next(page for page in kept.pages if "FASCIA" in page)
    assert "dopo 0" in band_page and "Intestazione" in band_page


def test_sections_group_blocks_by_orientation() -> None:
    wide = Table((), (), (1,), landscape=True)
    narrow = Table((), (), (1,))
    heading = Heading("Titolo", 2, "titolo")
    text = Paragraph((Run("x"),))
    result = sections((TableOfContents(), PageBreak(), heading, wide, text, narrow, Heading("Fine", 1, "fine")))
    assert [section.landscape for section in result] == [False, True, False]
    assert [item.kind for item in result[0].items] == ["contents"]  # the page break before the turn is dropped
    assert [item.block for item in result[1].items] == [heading, wide]
    assert [item.kind for item in result[2].items] == ["paragraph", "table", "heading"]
    # two landscape tables share pages: a page break between them is dropped, unless a chapter starts
    result = sections((wide, PageBreak(), wide))
    assert [(section.landscape, [item.kind for item in section.items]) for section in result] == [(True, ["table", "table"])]
    result = sections((wide, PageBreak(), Heading("Capitolo", 1, "capitolo"), wide))
    assert [(section.landscape, [item.kind for item in section.items]) for section in result] == [
        (True, ["table", "page_break", "heading", "table"])
    ]


def test_fetcher_serves_only_templates_fonts_and_logo(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG")
    secret = tmp_path / "secret.txt"
    secret.write_text("segreto")
    fetcher = RestrictedFetcher([default_templates(), FONTS], [logo])
    font = FONTS / "titillium-web-latin-400-normal.woff"
    assert fetcher.fetch(font.as_uri()).read() == font.read_bytes()
    assert fetcher.fetch(logo.as_uri()).read() == b"\x89PNG"
    assert fetcher.fetch("data:text/plain;base64,Y2lhbw==").read() == b"ciao"
    for url in (
        "file:///etc/passwd",
        secret.as_uri(),
        FONTS.as_uri() + "/../../../../../../etc/passwd",
        "http://example.com/x.css",
        "https://example.com/font.woff",
        "ftp://example.com/x",
        "file://otherhost/etc/passwd",
    ):
        with pytest.raises(ResourceRefusedError):
            fetcher.fetch(url)


def test_stylesheet_asking_for_a_foreign_file_stops_the_render(tmp_path: Path) -> None:
    user = tmp_path / "modelli"
    (user / "css").mkdir(parents=True)
    css = (default_templates() / "css" / "pianodocs.css").read_text(encoding="utf-8")
    (user / "css" / "pianodocs.css").write_text(css + '\nbody { background: url("file:///etc/passwd"); }\n', encoding="utf-8")
    target = tmp_path / "out.pdf"
    with pytest.raises(ResourceRefusedError, match="etc/passwd"):
        write_pdf(small_document(), target, template_dir=user)
    assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob(".out.pdf*")) == []


def test_user_template_dir_overrides_css_and_html(tmp_path: Path) -> None:
    user = tmp_path / "modelli"
    (user / "css").mkdir(parents=True)
    css = (default_templates() / "css" / "pianodocs.css").read_text(encoding="utf-8")
    assert '"Pagina " counter(page)' in css
    (user / "css" / "pianodocs.css").write_text(
        css.replace('"Pagina " counter(page)', '"Foglio " counter(page)'), encoding="utf-8"
    )
    shutil.copytree(default_templates() / "html", user / "html")
    blocks = user / "html" / "blocks.html"
    blocks.write_text(
        blocks.read_text(encoding="utf-8").replace("<h{{ level }} ", '<h{{ level }} data-user="1" '), encoding="utf-8"
    )
    rendered = render(small_document(), tmp_path / "user.pdf", template_dir=user)
    assert "Foglio 2 di 2" in rendered.pages[1] and "Pagina" not in rendered.text
    with pikepdf.open(rendered.path) as pdf:
        assert "Titillium-Web" in "".join(str(font.BaseFont) for font in all_fonts(pdf))  # fonts found from the user css
    assert 'data-user="1"' in render_html(small_document(), template_dir=user)
    assert 'data-user="1"' not in render_html(small_document())


def test_cover_logo_and_running_header(tmp_path: Path) -> None:
    logo = tmp_path / "logo.svg"
    logo.write_text(DEMO_SVG, encoding="utf-8")
    document = attrs.evolve(
        small_document(),
        cover=Cover("Ente di prova", "TITOLO", "2020-2022", logo=str(logo), note="Dati illustrativi"),
        running_header="Allegato <b>alla</b> deliberazione",
    )
    rendered = render(document, tmp_path / "logo.pdf")
    assert "Vision dell'ente" in rendered.pages[0] and "Dati illustrativi" in rendered.pages[0]
    assert "Allegato <b>alla</b> deliberazione" in rendered.pages[1]
    assert "Allegato" not in rendered.pages[0]


def test_invalid_svg_is_refused(tmp_path: Path) -> None:
    document = small_document(Figure("<svg><rect></svg>", alt="rotto"))
    with pytest.raises(PianodocsError, match="SVG"):
        write_pdf(document, tmp_path / "x.pdf")
    entity = '<!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>'
    with pytest.raises(PianodocsError, match="SVG"):
        render_html(small_document(Figure(entity, alt="entità")))
