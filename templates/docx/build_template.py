"""Build ``documento.docx``, the Word template of the DOCX backend, with python-docx.

The .docx is what users open and restyle in Word or LibreOffice; this script is
how it was made, so it can be reviewed and regenerated (``python
templates/docx/build_template.py``). The template holds the cover (Jinja tags
for docxtpl), every style the backend uses (the names are the contract with
``pianodocs.backends.docx``; their colours come from the theme, ``templates/tema.toml``,
through :func:`pianodocs.backends.docx.theme.restyle`), header and footer with the page fields, and the
``{{p body }}`` placeholder where the body is inserted. Two sections: the cover,
whose first page has no header or footer, and the body, which inherits header
and footer from the cover section ("collega a precedente").
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt
from lxml import etree

from pianodocs.backends.docx.fonts import FAMILY
from pianodocs.backends.docx.theme import TABLE_STYLE, restyle
from pianodocs.theme import default_theme

OUTPUT = Path(__file__).with_name("documento.docx")
FONT = FAMILY  # Titillium Web, as the PDF: pianodocs embeds it in every DOCX it writes
LANGUAGE = "it-IT"
PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGIN_SIDE, MARGIN_TOP, MARGIN_BOTTOM = Mm(20), Mm(25), Mm(20)
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN_SIDE
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/main"


def _reset(style, *, keep: tuple[str, ...] = ("w:outlineLvl", "w:numPr")) -> None:
    """Drop the default template's look of ``style`` (theme fonts and colours, borders), keeping ``keep``."""
    element = style.element
    for tag in ("w:pPr", "w:rPr"):
        properties = element.find(qn(tag))
        if properties is None:
            continue
        for child in list(properties):
            if child.tag not in {qn(name) for name in keep}:
                properties.remove(child)


def _paragraph_style(
    styles,
    name: str,
    *,
    base: str | None = "Normal",
    size: float | None = None,
    bold: bool | None = None,
    italic: bool | None = None,
    align: WD_ALIGN_PARAGRAPH | None = None,
    before: float | None = None,
    after: float | None = None,
    keep_with_next: bool | None = None,
    builtin: bool = False,
):
    """Create or restyle paragraph style ``name`` (sizes and spacing in points)."""
    try:
        style = styles[name]
        _reset(style)
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH, builtin=builtin)
    if base is not None and name != base:
        style.base_style = styles[base]
    font = style.font
    if size is not None:
        font.size = Pt(size)
    font.bold, font.italic = bold, italic
    paragraph = style.paragraph_format
    paragraph.alignment = align
    if before is not None:
        paragraph.space_before = Pt(before)
    if after is not None:
        paragraph.space_after = Pt(after)
    paragraph.keep_with_next = keep_with_next
    style.quick_style = True
    return style


def _set_outline_level(style, level: int) -> None:
    """Outline level of a style: 0-8 for headings, 9 for body text (kept out of the TOC and the PDF outline)."""
    paragraph_properties = style.element.get_or_add_pPr()
    for old in paragraph_properties.findall(qn("w:outlineLvl")):
        paragraph_properties.remove(old)
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), str(level))
    paragraph_properties.append(outline)


def _document_defaults(document) -> None:
    """Font, size and language of every run that says nothing else: Titillium Web 10.5 pt, it-IT."""
    run_properties = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for child in list(run_properties):
        run_properties.remove(child)
    run_properties.append(
        parse_xml(f'<w:rFonts {nsdecls("w")} w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>')
    )
    run_properties.append(parse_xml(f'<w:sz {nsdecls("w")} w:val="21"/>'))
    run_properties.append(parse_xml(f'<w:szCs {nsdecls("w")} w:val="21"/>'))
    run_properties.append(parse_xml(f'<w:lang {nsdecls("w")} w:val="{LANGUAGE}" w:eastAsia="{LANGUAGE}" w:bidi="ar-SA"/>'))
    paragraph_defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr"))
    spacing = paragraph_defaults.find(qn("w:spacing"))
    spacing.set(qn("w:after"), "120")
    spacing.set(qn("w:line"), "264")


def _styles(document) -> None:
    styles = document.styles
    _paragraph_style(styles, "Normal", base=None, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    for level, (size, before) in enumerate(((16, 18), (13.5, 16), (12, 12)), start=1):
        heading = {"size": size, "bold": True, "align": WD_ALIGN_PARAGRAPH.LEFT, "keep_with_next": True}
        _paragraph_style(styles, f"Heading {level}", before=before, after=6, **heading)
        # headings left out of the SOMMARIO: same look, body-text outline level
        outside = _paragraph_style(styles, f"Titolo {level} fuori sommario", base=f"Heading {level}")
        _set_outline_level(outside, 9)
    _paragraph_style(styles, "Title", size=26, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, before=24, after=12)
    _reset(styles["Subtitle"], keep=())
    _paragraph_style(styles, "Subtitle", size=18, align=WD_ALIGN_PARAGRAPH.CENTER, after=12)
    _paragraph_style(styles, "Copertina ente", size=20, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, before=100, after=90)
    _paragraph_style(styles, "Copertina logo", align=WD_ALIGN_PARAGRAPH.CENTER, before=0, after=0)
    _paragraph_style(styles, "Copertina nota", size=11, align=WD_ALIGN_PARAGRAPH.CENTER, before=110)
    _paragraph_style(styles, "Nota", size=9, align=WD_ALIGN_PARAGRAPH.LEFT, before=3)
    _paragraph_style(styles, "Titoletto", bold=True, keep_with_next=True, align=WD_ALIGN_PARAGRAPH.LEFT, before=10, after=3)
    _paragraph_style(styles, "Centrato", align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph_style(styles, "List Bullet", after=3)
    _paragraph_style(styles, "Figura", align=WD_ALIGN_PARAGRAPH.CENTER, before=6, after=3)
    _paragraph_style(styles, "Caption", size=9.5, italic=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=8)
    title = {"bold": True, "keep_with_next": True}
    _paragraph_style(styles, "Titolo tabella", align=WD_ALIGN_PARAGRAPH.LEFT, before=6, after=4, **title)
    _paragraph_style(styles, "TOC Heading", size=16, align=WD_ALIGN_PARAGRAPH.CENTER, before=0, after=14, **title)
    _set_outline_level(styles["TOC Heading"], 9)
    for level in (1, 2, 3):
        style = _paragraph_style(styles, f"toc {level}", bold=level == 1, before=6 if level == 1 else 0, after=2, builtin=True)
        style.paragraph_format.left_indent = Mm(5 * (level - 1))
        style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
        style.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    _paragraph_style(styles, "Header", size=8, italic=True, align=WD_ALIGN_PARAGRAPH.RIGHT, after=0)
    _paragraph_style(styles, "Footer", size=9, align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
    hyperlink = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER, builtin=True)
    hyperlink.font.underline = True
    _table_styles(styles)
    restyle(document, default_theme())  # every colour from templates/tema.toml, the PDF's own


def _table_styles(styles) -> None:
    """The table style (thin grey borders, narrow cell margins) and one paragraph style per kind of cell."""
    table = styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.TABLE)
    table.base_style = styles["Normal Table"]
    border = 'w:val="single" w:sz="4" w:space="0" w:color="auto"'  # coloured by the theme
    table.element.append(
        parse_xml(
            f"<w:tblPr {nsdecls('w')}><w:tblBorders>"
            + "".join(f"<w:{side} {border}/>" for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
            + '</w:tblBorders><w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="57" w:type="dxa"/>'
            '<w:bottom w:w="28" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr>'
        )
    )
    cell = _paragraph_style(styles, "Tabella testo", size=9, align=WD_ALIGN_PARAGRAPH.LEFT, before=0, after=0)
    cell.paragraph_format.line_spacing = 1.0
    _paragraph_style(styles, "Tabella intestazione", base="Tabella testo", bold=True)
    _paragraph_style(styles, "Tabella fascia", base="Tabella testo", bold=True)
    _paragraph_style(styles, "Tabella sottofascia", base="Tabella testo", bold=True)
    _paragraph_style(styles, "Tabella totale", base="Tabella testo", bold=True)
    muted = _paragraph_style(styles, "Tabella attenuato", base="Tabella testo")
    muted.font.strike = True  # eliminated indicators
    note = _paragraph_style(styles, "Tabella nota", base="Tabella testo")
    note.font.italic = True  # notes under a group of rows
    _paragraph_style(styles, "Tabella raggiunto", base="Tabella testo")
    _paragraph_style(styles, "Tabella non raggiunto", base="Tabella testo")


def _field(paragraph, instruction: str, placeholder: str) -> None:
    """Append a Word field (``PAGE``, ``NUMPAGES``) with a placeholder result, updated by Word and LibreOffice."""
    w = nsdecls("w")
    for xml in (
        f'<w:fldChar {w} w:fldCharType="begin"/>',
        f'<w:instrText {w} xml:space="preserve"> {instruction} </w:instrText>',
        f'<w:fldChar {w} w:fldCharType="separate"/>',
        f"<w:t {w}>{placeholder}</w:t>",
        f'<w:fldChar {w} w:fldCharType="end"/>',
    ):
        paragraph.add_run()._r.append(parse_xml(xml))


def _cover(document) -> None:
    document.add_paragraph("{%p if cover.logo %}", style="Copertina logo")
    document.add_paragraph("{{ logo }}", style="Copertina logo")
    document.add_paragraph("{%p endif %}", style="Copertina logo")
    document.add_paragraph("{{ cover.entity }}", style="Copertina ente")
    document.add_paragraph("{{ cover.title }}", style="Title")
    document.add_paragraph("{{ cover.subtitle }}", style="Subtitle")
    document.add_paragraph("{{ cover.note }}", style="Copertina nota")


def _page_setup(section) -> None:
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.left_margin = section.right_margin = MARGIN_SIDE
    section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
    section.header_distance = section.footer_distance = Mm(10)


def _header_footer(section) -> None:
    """Running header and "Pagina N di M" on every page but the cover (a different, empty first page)."""
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    section.first_page_footer.is_linked_to_previous = False
    header = section.header.paragraphs[0]
    header.style = "Header"
    header.add_run("{{ document.running_header }}")
    footer = section.footer.paragraphs[0]
    footer.style = "Footer"
    footer.add_run("Pagina ")
    _field(footer, "PAGE", "1")
    footer.add_run(" di ")
    _field(footer, "NUMPAGES", "1")


def _settings(document) -> None:
    """Italian decimal and list separators and theme language; no python-docx thumbnail or Word 2010 style copy."""
    settings = document.settings.element
    for tag, value in (("w:decimalSymbol", ","), ("w:listSeparator", ";")):
        settings.find(qn(tag)).set(qn("w:val"), value)
    settings.find(qn("w:themeFontLang")).set(qn("w:val"), LANGUAGE)
    for relationships in (document.part.package.rels, document.part.rels):
        for r_id, relationship in list(relationships.items()):
            if relationship.reltype in (RELATIONSHIP_TYPE.THUMBNAIL, STYLES_WITH_EFFECTS):
                del relationships[r_id]


def _fonts(document) -> None:
    """Titillium Web as the theme's heading and body fonts (no other script-specific ones); the font table lists no others.

    Styles that name a theme font (Word's unused built-in ones) then get the
    same typeface; the backend declares and embeds Titillium Web in the font table.
    """
    for relationship in document.part.rels.values():
        part = relationship.target_part if not relationship.is_external else None
        if part is None or not relationship.reltype.endswith(("/theme", "/fontTable")):
            continue
        root = etree.fromstring(part.blob)
        if relationship.reltype.endswith("/theme"):
            for font in root.iter(f"{{{DRAWING}}}majorFont", f"{{{DRAWING}}}minorFont"):
                font.find(f"{{{DRAWING}}}latin").set("typeface", FONT)
                for script_font in font.findall(f"{{{DRAWING}}}font"):
                    font.remove(script_font)
        else:
            for font in list(root):
                root.remove(font)
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def build(output: Path = OUTPUT) -> None:
    document = docx.Document()
    _document_defaults(document)
    _styles(document)
    _settings(document)
    _fonts(document)
    cover = document.sections[0]
    _page_setup(cover)
    _cover(document)
    _header_footer(cover)
    body = document.add_section(WD_SECTION.NEW_PAGE)
    body.different_first_page_header_footer = False
    document.add_paragraph("{{p body }}")
    properties = document.core_properties
    properties.title, properties.author, properties.subject = "Modello dei documenti pianodocs", "pianodocs", ""
    properties.language, properties.comments, properties.keywords = LANGUAGE, "", ""
    properties.last_modified_by, properties.revision = "pianodocs", 1
    document.save(output)


if __name__ == "__main__":
    build()
    print(f"Scritto {OUTPUT}")
