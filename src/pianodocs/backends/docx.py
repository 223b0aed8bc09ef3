"""The DOCX backend: render a view-model Document into a Word file through the docxtpl template.

The template (``templates/docx/documento.docx``, made by ``build_template.py``
beside it) holds what people restyle in Word: the cover, the styles, header and
footer with the page fields. This module builds the body as a docxtpl Subdoc
from the view model's blocks, naming only the template's styles; wide tables go
on landscape sections of their own; the SOMMARIO is a real TOC field, already
filled in (page numbers read from a LibreOffice rendering when ``soffice`` is
there) and marked to be updated when Word opens the file. The bundled fonts are
embedded in the file (:mod:`.docx_fonts`), so it is laid out alike on every
machine and those page numbers hold. The file's dates (core
properties and the zip entries) are :func:`document_time`: the moment of
writing, or ``SOURCE_DATE_EPOCH`` when set, so the same input gives the same
bytes. Only this module imports docxtpl and python-docx.
"""

from __future__ import annotations

import contextlib
import copy
import itertools
import logging
import os
import re
import shutil
import signal
import subprocess
import tempfile
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from io import BytesIO
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import attrs
import jinja2
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_BREAK, WD_LINE_SPACING
from docx.image.image import Image
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, nsmap, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section
from docx.shared import Emu, Length, Mm, Pt, Twips
from docx.table import Table as WordTable
from docx.text.paragraph import Paragraph as WordParagraph
from docxtpl import DocxTemplate, InlineImage
from docxtpl.subdoc import Subdoc

from ..atomic import atomic_output
from ..clock import document_time
from ..errors import PianodocsError
from ..templating import default_templates, environment
from ..theme import current_theme, load_theme, using_theme
from ..view.model import (
    Block,
    BulletList,
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
from ..view.orientation import orientation_sections
from ..view.richtext import printable
from . import LogoError
from .docx_fonts import FAMILY, SYMBOL_FAMILY, add_to_fontconfig, embed_fonts, has_every_glyph, symbol_spans
from .docx_theme import restyle

logger = logging.getLogger(__name__)

# docxtpl's subdocuments import docxcompose, which maps python-docx's "cp" prefix to the custom-properties namespace
# for the whole process: core properties (author, revision) would then be written twice and Word would call the
# file damaged (docxtpl issue 471, docxcompose issue 101). Put the core-properties namespace back.
nsmap["cp"] = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"

TEMPLATE = Path("docx") / "documento.docx"
TOC_FIELD = 'TOC \\o "1-3" \\h \\z \\u'
LIBREOFFICE_TIMEOUT = 180.0
SAFE_LINK = re.compile(r"(https?://|mailto:)\S+", re.IGNORECASE)
SMALL_TEXT = Pt(7)
# a small table's cell margins left and right, in twips (the template's 108 would take a column of seven a sixth
# of its width); pianodocs.view.measure counts the same padding when it fits the columns
SMALL_CELL_MARGIN = 57
# the run font of symbols the template's font lacks (Σ ≥ ≤ ● →), embedded beside it
SYMBOL_FONT = f'<w:rFonts w:ascii="{SYMBOL_FAMILY}" w:hAnsi="{SYMBOL_FAMILY}" w:cs="{SYMBOL_FAMILY}"/>'
NAMESPACES = nsdecls("w", "r")
FIGURE_DPI = 200
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
PROPERTY_LIMIT = 255  # characters of a core property (python-docx refuses more)
LOGO_PIXELS = 600  # width of an SVG logo drawn as PNG: 25 mm high on the cover, sharp in print
PARAGRAPH_STYLES = {"body": "Normal", "note": "Nota", "small-heading": "Titoletto", "center": "Centrato"}
# the template's paragraph style for the text of each kind of cell; the cell's fill, which cannot live in a style,
# is the theme's (pianodocs.theme.Theme.cell_fill)
CELL_LOOKS: dict[CellStyle, str] = {
    CellStyle.NORMAL: "Tabella testo",
    CellStyle.HEADER: "Tabella intestazione",
    CellStyle.BAND: "Tabella fascia",
    CellStyle.SUBBAND: "Tabella sottofascia",
    CellStyle.HIGHLIGHT: "Tabella testo",
    CellStyle.TOTAL: "Tabella totale",
    CellStyle.MUTED: "Tabella attenuato",
    CellStyle.NOTE: "Tabella nota",
    CellStyle.GREEN: "Tabella raggiunto",
    CellStyle.RED: "Tabella non raggiunto",
}
REQUIRED_STYLES = (
    *PARAGRAPH_STYLES.values(),
    *(f"Heading {level}" for level in (1, 2, 3)),
    *(f"Titolo {level} fuori sommario" for level in (1, 2, 3)),
    *(f"toc {level}" for level in (1, 2, 3)),
    *dict.fromkeys(CELL_LOOKS.values()),
    *("List Bullet", "Caption", "Titolo tabella", "Figura", "TOC Heading", "Hyperlink", "Tabella"),
)
# w:settings children that must follow w:updateFields (ECMA-376 order)
AFTER_UPDATE_FIELDS = (
    *("w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr"),
    *("w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats"),
    *("w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions", "w:readModeInkLockDown", "w:smartTagType"),
    *("sl:schemaLibrary", "w:shapeDefaults", "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator"),
)

# w:settings children that must follow w:doNotHyphenateCaps (ECMA-376 order), then those after w:updateFields
AFTER_HYPHENATION = (
    *("w:showEnvelope", "w:summaryLength", "w:clickAndTypeStyle", "w:defaultTableStyle", "w:evenAndOddHeaders"),
    *("w:bookFoldRevPrinting", "w:bookFoldPrinting", "w:bookFoldPrintingSheets", "w:drawingGridHorizontalSpacing"),
    *("w:drawingGridVerticalSpacing", "w:displayHorizontalDrawingGridEvery", "w:displayVerticalDrawingGridEvery"),
    *("w:doNotUseMarginsForDrawingGridOrigin", "w:drawingGridHorizontalOrigin", "w:drawingGridVerticalOrigin"),
    *("w:doNotShadeFormData", "w:noPunctuationKerning", "w:characterSpacingControl", "w:printTwoOnOne"),
    *("w:strictFirstAndLastChars", "w:noLineBreaksAfter", "w:noLineBreaksBefore", "w:savePreviewPicture"),
    *("w:doNotValidateAgainstSchema", "w:saveInvalidXml", "w:ignoreMixedContent", "w:alwaysShowPlaceholderText"),
    *("w:doNotDemarcateInvalidXml", "w:saveXmlDataOnly", "w:useXSLTWhenSaving", "w:saveThroughXslt"),
    *("w:showXMLTags", "w:alwaysMergeEmptyNamespace", "w:updateFields", *AFTER_UPDATE_FIELDS),
)


def write_docx(document: Document, path: Path, *, template_dir: Path | None = None, paginate: bool = True) -> None:
    """Write ``document`` to ``path`` as DOCX.

    ``template_dir`` is a user's copy of ``templates/`` (its ``docx/documento.docx``
    is used if present, rendered in the sandbox). With ``paginate`` the SOMMARIO
    gets its page numbers from a LibreOffice rendering of a first draft.
    """
    template = _template_file(template_dir)
    jinja = environment(template_dir, autoescape=True)
    moment = document_time()
    pages: dict[str, int] = {}
    with using_theme(load_theme(template_dir)):  # a bad theme stops here, before anything is written
        if paginate and _has_summary(document):
            pages = _heading_pages(document, template, jinja, moment)
        package = _package(_render(document, template, jinja, pages, moment), moment)
    with atomic_output(path) as temporary:
        temporary.write_bytes(package)


def _package(rendered: DocxTemplate, moment: datetime) -> bytes:
    """The bytes of the DOCX file: the rendered template with the fonts embedded, every entry dated ``moment``."""
    buffer = BytesIO()
    rendered.save(buffer)
    return _stamped(embed_fonts(buffer.getvalue()), moment)


def _stamped(package: bytes, moment: datetime) -> bytes:
    """The DOCX zip ``package`` again, every entry dated ``moment`` (UTC; 1980 at the earliest, the zip format's start).

    python-docx dates each entry with the clock at saving: with the same date
    everywhere, the same document gives the same bytes.
    """
    stamp = max(moment.timetuple()[:6], ZIP_EPOCH)
    output = BytesIO()
    with zipfile.ZipFile(BytesIO(package)) as source, zipfile.ZipFile(output, "w") as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=stamp)
            info.compress_type, info.external_attr, info.create_system = zipfile.ZIP_DEFLATED, 0o644 << 16, 3
            target.writestr(info, source.read(entry))
    return output.getvalue()


def convert_with_libreoffice(
    source: Path,
    folder: Path,
    timeout: float = LIBREOFFICE_TIMEOUT,
    *,
    target: str = "pdf",
    env: Mapping[str, str] | None = None,
) -> Path:
    """Convert ``source`` to format ``target`` (``pdf``, ``xlsx`` ...) in ``folder`` with LibreOffice; return the file.

    LibreOffice runs with a profile of its own, so it runs beside other
    instances and a user's settings do not change the result; ``env`` is its
    environment (default: this process's), e.g. to give it another fontconfig.
    """
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise PianodocsError("LibreOffice (soffice) non è installato.")
    with tempfile.TemporaryDirectory(prefix="pianodocs-libreoffice-") as profile:
        command = [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore"]
        command += ["--convert-to", target, "--outdir", str(folder), str(source)]
        process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
            env=dict(env) if env is not None else None,
        )
        try:
            output, errors = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired as error:
            _end(process)
            raise PianodocsError(f"LibreOffice non ha convertito {source.name} entro {timeout:.0f} secondi.") from error
        except BaseException:  # Ctrl-C: soffice, in a session of its own, would outlive us and keep writing its profile
            _end(process)
            raise
    converted = folder / f"{source.stem}.{target.split(':')[0]}"
    if process.returncode != 0 or not converted.is_file():
        logger.debug("LibreOffice (uscita %s): %s", process.returncode, (errors or output).strip())  # English
        raise PianodocsError(f"LibreOffice non ha convertito {source.name} (codice di uscita {process.returncode}).")
    return converted


def _end(process: subprocess.Popen[str]) -> None:
    """Stop soffice and what it started (soffice.bin): the whole process group."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.communicate()


def _template_file(template_dir: Path | None) -> Path:
    if template_dir is not None and (Path(template_dir) / TEMPLATE).is_file():
        return Path(template_dir) / TEMPLATE
    return default_templates() / TEMPLATE


def _render(
    document: Document, template: Path, jinja: jinja2.Environment, pages: Mapping[str, int], moment: datetime
) -> DocxTemplate:
    """Fill the template with ``document``, dated ``moment``; ``pages`` gives the SOMMARIO's page number of each heading."""
    docx_template = DocxTemplate(template)
    word = docx_template.get_docx()
    present = {style.name for style in word.styles}
    missing = [name for name in REQUIRED_STYLES if name not in present]
    if missing:
        raise PianodocsError(f"Il modello DOCX {template} non contiene gli stili: {', '.join(missing)}.")
    restyle(word, current_theme(), current_theme().overridden)  # the colours a user's tema.toml sets
    body: Subdoc = docx_template.new_subdoc()
    writer = _BodyWriter(body.subdocx, word.sections[-1], document.headings, pages, _has_summary(document))
    writer.write(document.blocks)
    cover = document.cover or Cover(entity="", title="")  # filled, then removed with its section by _drop_cover
    picture = _logo_picture(cover.logo) if cover.logo else None
    logo = InlineImage(docx_template, BytesIO(picture), height=Mm(25)) if picture else ""
    context = {"document": document, "cover": cover, "logo": logo, "body": body}
    docx_template.render(context, jinja_env=jinja, autoescape=True)
    if document.cover is None:
        _drop_cover(docx_template.docx)
    _finish(docx_template.docx, document, writer.landscape, moment)
    return docx_template


def _logo_picture(path: str) -> bytes | None:
    """The logo's bytes as Word can show them: an SVG drawn as PNG (None, with an avviso, when cairo is missing).

    A file that cannot be shown (a .png that is not a picture, a damaged one, an SVG that is not a drawing) stops
    the render with a message naming the Ente sheet's Logo field, as the PDF does: the logo is the cover's, and an
    official document does not go out without it.
    """
    logo = Path(path)
    data = logo.read_bytes()
    if logo.suffix.lower() == ".svg" or data.lstrip()[:5] in (b"<?xml", b"<svg ", b"<svg>"):
        try:
            data = _svg_to_png(data.decode("utf-8"), LOGO_PIXELS) or b""
        except (UnicodeDecodeError, ValueError, SyntaxError) as error:  # cairosvg: bad XML (ParseError) or drawing
            raise LogoError(logo.name) from error
        if not data:  # cairo is missing: _svg_to_png said so
            logger.warning("Foglio Ente, campo Logo: il logo SVG %s non si può convertire: il DOCX è senza logo.", logo.name)
            return None
    try:
        Image.from_blob(data)
    except Exception as error:  # python-docx raises UnrecognizedImageError, or struct/index errors on a damaged file
        raise LogoError(logo.name) from error
    return data


def _drop_cover(word: WordDocument) -> None:
    """Remove the template's cover section; the body section inherits its header and footer, on every page."""
    body = word.element.body
    children = list(body)
    end = next(
        (
            index
            for index, child in enumerate(children)
            if child.tag == qn("w:p") and child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None
        ),
        None,
    )
    if end is None:
        return
    cover_section = children[end].find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
    following = next(
        (
            child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
            for child in children[end + 1 :]
            if child.tag == qn("w:p") and child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None
        ),
        body.find(qn("w:sectPr")),
    )
    references = [qn("w:headerReference"), qn("w:footerReference")]
    if following is not None and not any(following.find(tag) is not None for tag in references):
        for reference in cover_section.findall(qn("w:headerReference")) + cover_section.findall(qn("w:footerReference")):
            if reference.get(qn("w:type")) == "default":
                following.insert(0, reference)
    for child in children[: end + 1]:
        body.remove(child)


def _finish(word: WordDocument, document: Document, ends_landscape: bool, moment: datetime) -> None:
    """Metadata, language, the last section's orientation, alt text of the logo, field update on opening."""
    properties = word.core_properties
    properties.title, properties.author, properties.subject = (
        _property(document.title),
        _property(document.author),
        _property(document.subject),
    )
    properties.language, properties.last_modified_by = document.language, _property(document.author)
    properties.created = properties.modified = moment
    properties.revision = 1
    defaults = word.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if defaults is not None:
        language = defaults.find(qn("w:lang"))
        if language is None:
            language = OxmlElement("w:lang")
            defaults.append(language)
        language.set(qn("w:val"), document.language)
    if ends_landscape:
        _orient(word.sections[-1], landscape=True)
    for picture in word.element.body.iter(qn("wp:docPr")):
        if not picture.get("descr"):
            picture.set("descr", f"Logo: {_clean(document.cover.entity if document.cover else document.author)}")
    settings = word.settings.element
    if _has_summary(document) and settings.find(qn("w:updateFields")) is None:
        settings.insert_element_before(OxmlElement("w:updateFields", {qn("w:val"): "true"}), *AFTER_UPDATE_FIELDS)
    _hyphenate(settings)


def _hyphenate(settings: BaseOxmlElement) -> None:
    """Automatic hyphenation (the runs' language, it-IT, picks the patterns), never of words in capitals (codes, flags)."""
    for name in ("w:autoHyphenation", "w:doNotHyphenateCaps"):
        found = settings.find(qn(name))
        if found is not None:
            settings.remove(found)
    caps = settings.insert_element_before(OxmlElement("w:doNotHyphenateCaps", {qn("w:val"): "true"}), *AFTER_HYPHENATION)
    caps.addprevious(OxmlElement("w:autoHyphenation", {qn("w:val"): "true"}))


def _has_summary(document: Document) -> bool:
    return any(isinstance(block, TableOfContents) for block in document.blocks)


def _heading_pages(document: Document, template: Path, jinja: jinja2.Environment, moment: datetime) -> dict[str, int]:
    """Render a draft, have LibreOffice lay it out, and read from the PDF outline where each SOMMARIO heading starts."""
    if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        logger.warning(
            "LibreOffice (soffice) non è installato: il SOMMARIO del DOCX resta senza numeri di pagina (Word li scrive "
            "all'apertura del file). Per averli nel file installare LibreOffice (Debian: libreoffice-writer-nogui)."
        )
        return {}
    try:
        import pypdf
    except ImportError:
        logger.warning("pypdf non è installato: il sommario del DOCX resta senza numeri di pagina.")
        return {}
    with tempfile.TemporaryDirectory(prefix="pianodocs-") as folder:
        draft = Path(folder) / "bozza.docx"
        draft.write_bytes(_package(_render(document, template, jinja, {}, moment), moment))
        try:
            pdf = convert_with_libreoffice(draft, Path(folder))
        except PianodocsError as error:
            logger.warning("%s Il sommario del DOCX resta senza numeri di pagina.", error)
            return {}
        reader = pypdf.PdfReader(pdf)
        outline = [(_normalised(item.title), reader.get_destination_page_number(item)) for item in _flat(reader.outline)]
    pages: dict[str, int] = {}
    position = 0
    for heading in _summary(document.headings):
        found = next((index for index in range(position, len(outline)) if outline[index][0] == _normalised(heading.text)), None)
        if found is None:
            logger.warning("Pagina del titolo %r non trovata: nel sommario del DOCX resta senza numero.", heading.text)
            continue
        page = outline[found][1]
        if page is not None:
            pages[heading.anchor] = page + 1
        position = found + 1
    return pages


@attrs.define
class _Merge:
    """A cell merged down over the rows below it (rowspan): rows it still covers, its width in columns, its look."""

    rows_left: int
    colspan: int
    style: CellStyle


class _BodyWriter:
    """Append view-model blocks to the body subdocument, with a section break at each change of orientation."""

    def __init__(
        self,
        body: WordDocument,
        template_section: Section,
        headings: Sequence[Heading],
        pages: Mapping[str, int],
        has_summary: bool = True,
    ):
        self.body = body
        self.part = body.part
        # the model of every section break: the template's body section, linked to the previous header and footer
        self.section = copy.deepcopy(template_section._sectPr)
        for reference in self.section.xpath("w:headerReference|w:footerReference|w:titlePg"):
            self.section.remove(reference)
        short, long = sorted((template_section.page_width or Mm(210), template_section.page_height or Mm(297)))
        sides = (template_section.left_margin or 0) + (template_section.right_margin or 0)
        ends = (template_section.top_margin or 0) + (template_section.bottom_margin or 0)
        self.text_width = {False: Length(short - sides), True: Length(long - sides)}
        self.text_height = {False: Length(long - ends), True: Length(short - ends)}
        self.headings = tuple(headings)
        self.has_summary = has_summary
        self.bookmarks = {heading.anchor: _bookmark_name(index, heading.anchor) for index, heading in enumerate(headings)}
        self.pages = pages
        self.landscape = False
        self.section_empty = True
        self.page_break_pending = False
        self.after_table = False  # the last block written is a table
        self.after_box = False  # ... ending with a band row kept with the next block
        self.bookmark_ids = itertools.count(1)
        self.style_ids: dict[str, str] = {}

    def write(self, blocks: Sequence[Block]) -> None:
        for block, landscape in _orientations(blocks):
            if isinstance(block, PageBreak):
                self.page_break_pending = not self.section_empty  # a fresh section already starts a page
                continue
            self._orientation(landscape)
            match block:
                case Heading():
                    self._heading(block)
                case Paragraph():
                    self._runs(self._paragraph(PARAGRAPH_STYLES.get(block.style, "Normal")), block.runs)
                case BulletList():
                    for item in block.items:
                        self._runs(self._paragraph("List Bullet"), item)
                case Table():
                    self._table(block)
                case Figure():
                    self._figure(block)
                case TableOfContents():
                    self._table_of_contents(block)
            self.section_empty = False
            self.after_table = isinstance(block, Table)
            self.after_box = isinstance(block, Table) and bool(block.body) and block.body[-1].keep_with_next

    # sections and paragraphs

    def _orientation(self, landscape: bool) -> None:
        if landscape == self.landscape:
            return
        if not self.section_empty:
            properties = copy.deepcopy(self.section)
            _orient(Section(properties, self.part), self.landscape)
            last = next((element for element in reversed(self.body.element.body) if element.tag != qn("w:sectPr")), None)
            if last is None or last.tag != qn("w:p") or last.xpath("w:pPr/w:sectPr"):
                last = self._spacer()._p
            last.get_or_add_pPr()._insert_sectPr(properties)
            self.page_break_pending = False  # the section starts on a new page anyway
            self.section_empty = True
        self.landscape = landscape

    def _style_id(self, name: str) -> str:
        """The template's id of style ``name`` (python-docx's look-up by name is slow, so it is done once)."""
        if name not in self.style_ids:
            self.style_ids[name] = self.body.styles[name].style_id
        return self.style_ids[name]

    def _styled(self, paragraph: WordParagraph, style: str) -> WordParagraph:
        paragraph._p.style = self._style_id(style)
        return paragraph

    def _paragraph(self, style: str) -> WordParagraph:
        paragraph = self._styled(self.body.add_paragraph(), style)
        if self.page_break_pending:
            paragraph.paragraph_format.page_break_before = True
            self.page_break_pending = False
        return paragraph

    def _spacer(self) -> WordParagraph:
        """An empty paragraph one point high: it carries a section break or a page break before a table."""
        paragraph = self.body.add_paragraph()
        layout = paragraph.paragraph_format
        layout.space_before = layout.space_after = 0
        layout.line_spacing, layout.line_spacing_rule = Pt(1), WD_LINE_SPACING.EXACTLY
        return paragraph

    def _heading(self, heading: Heading) -> None:
        level = _level(heading)
        # a heading kept out of the SOMMARIO has a style of body-text outline level; without a SOMMARIO it is a true
        # heading, which Word's navigation pane and screen readers list
        outside = not heading.in_summary and self.has_summary
        paragraph = self._paragraph(f"Titolo {level} fuori sommario" if outside else f"Heading {level}")
        identifier = str(next(self.bookmark_ids))
        paragraph._p.append(
            OxmlElement("w:bookmarkStart", {qn("w:id"): identifier, qn("w:name"): self.bookmarks[heading.anchor]})
        )
        paragraph.add_run(_clean(heading.text))
        paragraph._p.append(OxmlElement("w:bookmarkEnd", {qn("w:id"): identifier}))

    def _runs(self, paragraph: WordParagraph, runs: Iterable[Run]) -> None:
        xml = self._runs_xml(runs)
        if xml:
            paragraph._p.extend(list(parse_xml(f"<w:p {NAMESPACES}>{xml}</w:p>")))

    def _runs_xml(self, runs: Iterable[Run], size: Length | None = None) -> str:
        """WordprocessingML of ``runs``: bold, italic, http(s)/mailto links; text escaped, so it prints literally."""
        parts = []
        for run in runs:
            text = _clean(run.text)
            if not text:
                continue
            link = run.link if SAFE_LINK.fullmatch(run.link) else ""
            style = f"<w:rStyle w:val={quoteattr(self._style_id('Hyperlink'))}/>" if link else ""
            properties = ("<w:b/><w:bCs/>" if run.bold else "") + ("<w:i/><w:iCs/>" if run.italic else "")
            properties += f'<w:sz w:val="{round(size.pt * 2)}"/><w:szCs w:val="{round(size.pt * 2)}"/>' if size else ""
            xml = "".join(
                f"<w:r>{_run_properties(style + (SYMBOL_FONT if symbol else '') + properties)}{_text_xml(span)}</w:r>"
                for span, symbol in symbol_spans(text)
            )
            if link:
                r_id = self.part.relate_to(link, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
                xml = f'<w:hyperlink r:id="{r_id}">{xml}</w:hyperlink>'
            parts.append(xml)
        return "".join(parts)

    # tables

    def _table(self, table: Table) -> None:
        if table.caption:
            self._paragraph("Titolo tabella").add_run(_clean(table.caption))
        elif self.page_break_pending:
            self._spacer().add_run().add_break(WD_BREAK.PAGE)
            self.page_break_pending = False
        elif self.after_table and not self.after_box:
            # two tables side by side are one table to Word and LibreOffice: the second's header would not repeat; a box
            # stays one with the table it introduces (LibreOffice does not keep a table with the next)
            self._spacer()
        widths = _column_widths(table.widths, self.text_width[self.landscape])
        if not widths:
            logger.warning("Tabella %r senza colonne: non stampata.", table.name or table.caption)
            return
        word_table = self.body.add_table(rows=0, cols=len(widths))
        word_table.style = "Tabella"
        word_table.autofit = False
        for column, width in zip(word_table._tbl.tblGrid.gridCol_lst, widths, strict=True):
            column.w = Twips(width)
        table_width = word_table._tbl.tblPr.find(qn("w:tblW"))
        table_width.set(qn("w:type"), "dxa")
        table_width.set(qn("w:w"), str(sum(widths)))
        if table.size == "small":
            margins = "".join(f'<w:{side} w:w="{SMALL_CELL_MARGIN}" w:type="dxa"/>' for side in ("left", "right"))
            word_table._tbl.tblPr.insert_element_before(
                parse_xml(f"<w:tblCellMar {NAMESPACES}>{margins}</w:tblCellMar>"), "w:tblLook", "w:tblCaption", "w:tblDescription"
            )
        if table.caption:  # the table's title for assistive technology (Word: Testo alternativo > Titolo)
            word_table._tbl.tblPr.append(OxmlElement("w:tblCaption", {qn("w:val"): _clean(table.caption)}))
        merges: dict[int, _Merge] = {}
        # a one-row table right after a box it keeps with (a band row ends it) starts beside the box, its row free to
        # split: kept whole, a row taller than a page would move, and LibreOffice would leave the box alone on a page
        whole = not (self.after_box and len(table.body) == 1)
        for row, header in itertools.chain(((row, True) for row in table.header), ((row, False) for row in table.body)):
            extra = self._row(word_table, widths, row, header, merges, table.size == "small", whole or header)
            if extra:
                logger.warning("Tabella %r: %d celle oltre le colonne ignorate.", table.name or table.caption, extra)

    def _row(
        self,
        table: WordTable,
        widths: list[int],
        row: Row,
        header: bool,
        merges: dict[int, _Merge],
        small: bool,
        whole: bool = True,
    ) -> int:
        """Append one row (cells under a rowspan continue its merge, ``whole``: never split); return how many cells did not fit."""
        keep = header or row.keep_with_next
        cells = iter(row.cells)
        column = 0
        xml = ["<w:trPr>" + ("<w:cantSplit/>" if whole else "") + ("<w:tblHeader/>" if header else "") + "</w:trPr>"]
        while column < len(widths):
            merge = merges.get(column)
            if merge is not None:
                merge.rows_left -= 1
                if merge.rows_left == 0:
                    del merges[column]
                xml.append(
                    self._cell_xml(widths[column : column + merge.colspan], Cell(style=merge.style), "continue", keep, small)
                )
                column += merge.colspan
                continue
            cell = next(cells, None) or Cell()
            free = min((start for start in merges if start > column), default=len(widths)) - column
            span = max(1, min(cell.colspan, free))
            if cell.rowspan > 1:
                merges[column] = _Merge(cell.rowspan - 1, span, cell.style)
            xml.append(self._cell_xml(widths[column : column + span], cell, "restart" if cell.rowspan > 1 else None, keep, small))
            column += span
        table._tbl.append(parse_xml(f"<w:tr {NAMESPACES}>{''.join(xml)}</w:tr>"))
        return sum(1 for _ in cells)

    def _cell_xml(self, widths: list[int], cell: Cell, merge: str | None, keep: bool, small: bool) -> str:
        """A ``w:tc`` as WordprocessingML (built as text: python-docx's per-property calls are too slow for big tables)."""
        style, fill = CELL_LOOKS[cell.style], current_theme().cell_fill(cell.style)
        properties = f'<w:tcW w:w="{sum(widths)}" w:type="dxa"/>'
        properties += f'<w:gridSpan w:val="{len(widths)}"/>' if len(widths) > 1 else ""
        properties += f'<w:vMerge w:val="{merge}"/>' if merge else ""
        properties += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
        paragraph = f"<w:pStyle w:val={quoteattr(self._style_id(style))}/>" + ("<w:keepNext/>" if keep else "")
        paragraph += f'<w:jc w:val="{cell.align.value}"/>'
        paragraph += f'<w:rPr><w:sz w:val="{round(SMALL_TEXT.pt * 2)}"/></w:rPr>' if small else ""
        runs = self._runs_xml(cell.runs, SMALL_TEXT if small else None)
        return f'<w:tc><w:tcPr>{properties}<w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr>{paragraph}</w:pPr>{runs}</w:p></w:tc>'

    # figures and the table of contents

    def _figure(self, figure: Figure) -> None:
        box_width = Length(min(Mm(figure.width_mm), self.text_width[self.landscape]))
        box_height = Length(min(Mm(figure.height_mm), int(self.text_height[self.landscape] * 0.85)))
        # a raster picture as it is (python-docx takes PNG and JPEG); a drawing as a PNG
        png = figure.picture or _svg_to_png(figure.svg, round(box_width.inches * FIGURE_DPI))
        if png is None:
            self._paragraph("Nota").add_run(_clean(f"[Figura non disponibile in questo formato: {figure.alt}]"))
            return
        image = Image.from_blob(png)
        scale = min(box_width / image.px_width, box_height / image.px_height)
        paragraph = self._paragraph("Figura")
        picture = paragraph.add_run().add_picture(
            BytesIO(png), width=Emu(int(image.px_width * scale)), height=Emu(int(image.px_height * scale))
        )
        picture._inline.docPr.set("descr", _clean(figure.alt))
        if figure.caption:
            paragraph.paragraph_format.keep_with_next = True
            self._paragraph("Caption").add_run(_clean(figure.caption))

    def _table_of_contents(self, toc: TableOfContents) -> None:
        """The TOC field, its result already filled: one hyperlinked entry per heading, with a PAGEREF for its page."""
        self._paragraph("TOC Heading").add_run(_clean(toc.title))
        entries = [self._toc_entry(heading) for heading in _summary(self.headings)]
        paragraphs = entries or [self._styled(self.body.add_paragraph(), "toc 1")]
        first = paragraphs[0]._p
        start = 1 if first.pPr is not None else 0
        for offset, run in enumerate(_field_start(TOC_FIELD)):
            first.insert(start + offset, run)
        paragraphs[-1]._p.append(_field_char("end"))

    def _toc_entry(self, heading: Heading) -> WordParagraph:
        paragraph = self._styled(self.body.add_paragraph(), f"toc {_level(heading)}")
        bookmark = self.bookmarks[heading.anchor]
        hyperlink = OxmlElement("w:hyperlink", {qn("w:anchor"): bookmark, qn("w:history"): "1"})
        paragraph._p.append(hyperlink)
        tab = OxmlElement("w:r")
        tab.append(OxmlElement("w:tab"))
        number = self.pages.get(heading.anchor)
        hyperlink.extend([_text_run(_clean(heading.text)), tab, *_field_start(f"PAGEREF {bookmark} \\h")])
        hyperlink.extend([_text_run(str(number) if number else ""), _field_char("end")])
        return paragraph


def _orientations(blocks: Sequence[Block]) -> list[tuple[Block, bool]]:
    """Each block to write with whether it goes on landscape pages, grouped as the PDF groups them.

    The page breaks that the grouping drops (one ending a run, or between two
    landscape tables) are left out.
    """
    return [(block, landscape) for landscape, run in orientation_sections(blocks) for block in run]


def _orient(section: Section, landscape: bool) -> None:
    short, long = sorted((section.page_width or Mm(210), section.page_height or Mm(297)))
    section.start_type = WD_SECTION.NEW_PAGE
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (long, short) if landscape else (short, long)


def _column_widths(relative: Sequence[float], total: Length) -> list[int]:
    """Relative widths (sum ~100) as twips of the text width; equal columns when no width is given."""
    weights = [max(float(width), 0.0) for width in relative]
    if sum(weights) <= 0:
        weights = [1.0] * len(weights)
    return [int(total.twips * weight / sum(weights)) for weight in weights]


def _svg_to_png(svg: str, width_px: int) -> bytes | None:
    """The SVG as a PNG ``width_px`` wide, with cairosvg (no external files or entities); None if cairo is missing.

    Its text is drawn in the bundled Titillium Web (:func:`add_to_fontconfig`) when it names it, unless
    the drawing holds a character the font lacks.
    """
    try:
        import cairosvg
    except (ImportError, OSError) as error:  # cairocffi raises OSError when the cairo library is missing
        logger.warning("Conversione SVG non disponibile (%s): la figura nel DOCX è sostituita dal testo alternativo.", error)
        return None
    add_to_fontconfig()  # the drawing's text in the bundled Titillium Web, as in the PDF
    if not has_every_glyph(svg):  # cairo sets a text in its first family only: then the next family draws it all
        svg = re.sub(rf'(font-family="[^"]*?){re.escape(FAMILY)}\s*,\s*', r"\1", svg)
    # drawn into a file, not into memory: cairo writes it itself, so a Ctrl-C meanwhile stays a KeyboardInterrupt
    # (through a Python write callback cffi would swallow it and cairo report a write error)
    with tempfile.TemporaryDirectory(prefix="pianodocs-figura-") as folder:
        png = Path(folder) / "figura.png"
        cairosvg.svg2png(bytestring=svg.encode("utf-8"), write_to=str(png), output_width=width_px, unsafe=False)
        return png.read_bytes()


def _summary(headings: Iterable[Heading]) -> list[Heading]:
    return [heading for heading in headings if heading.in_summary]


def _level(heading: Heading) -> int:
    """Heading levels 1-3, the ones the template styles and the SOMMARIO lists; deeper ones count as 3."""
    return min(max(heading.level, 1), 3)


def _bookmark_name(index: int, anchor: str) -> str:
    """A Word bookmark name (letters, digits, underscore; at most 40 characters; hidden with a leading underscore)."""
    return f"_Toc{index:03d}_{re.sub(r'[^A-Za-z0-9_]', '_', anchor)}"[:40]


def _text_run(text: str) -> Any:
    run = OxmlElement("w:r")
    text_element = OxmlElement("w:t", {qn("xml:space"): "preserve"})
    text_element.text = text
    run.append(text_element)
    return run


def _field_char(kind: str) -> Any:
    run = OxmlElement("w:r")
    run.append(OxmlElement("w:fldChar", {qn("w:fldCharType"): kind}))
    return run


def _field_start(instruction: str) -> list[Any]:
    """The runs opening a complex field up to its result: begin, instruction, separate."""
    code = OxmlElement("w:r")
    text = OxmlElement("w:instrText", {qn("xml:space"): "preserve"})
    text.text = f" {instruction} "
    code.append(text)
    return [_field_char("begin"), code, _field_char("separate")]


def _run_properties(properties: str) -> str:
    return f"<w:rPr>{properties}</w:rPr>" if properties else ""


def _text_xml(text: str) -> str:
    """``w:t`` elements for ``text``, line breaks and tabs as ``w:br`` and ``w:tab``."""
    pieces = re.split(r"(\n|\t)", text.replace("\r\n", "\n").replace("\r", "\n"))
    tags = {"\n": "<w:br/>", "\t": "<w:tab/>"}
    return "".join(tags.get(piece) or f'<w:t xml:space="preserve">{escape(piece)}</w:t>' for piece in pieces if piece)


def _flat(outline: list[Any]) -> Iterable[Any]:
    for item in outline:
        if isinstance(item, list):
            yield from _flat(item)
        else:
            yield item


def _normalised(text: str) -> str:
    return " ".join(text.split()).casefold()


def _property(text: str) -> str:
    """``text`` fit for a core property (title, author), which holds at most 255 characters: longer, it is cut at a
    word and ends with "…" (only there: the document's own text keeps it whole)."""
    text = _clean(text)
    if len(text) <= PROPERTY_LIMIT:
        return text
    cut = text[: PROPERTY_LIMIT - 1]
    word_end = cut.rfind(" ")
    return (cut[:word_end] if word_end > PROPERTY_LIMIT // 2 else cut).rstrip(" ,;:.-") + "…"


def _clean(text: str) -> str:
    """Text without the control characters XML cannot hold (workbook cells sometimes carry them)."""
    return printable(text)
