"""Fill the Word template (``templates/docx/documento.docx``) with a view-model Document, through docxtpl.

The template holds what people restyle in Word: the cover, the styles, header
and footer with the page fields; it is rendered in the Jinja sandbox with the
cover's fields and the body, a docxtpl Subdoc written by :mod:`.body`. Then
the document gets its metadata (core properties dated with the document's
moment, language), automatic Italian hyphenation and, with a SOMMARIO, the
request to update fields when Word opens it. A template missing one of the
styles the body names is refused. Only this package imports docxtpl and
python-docx.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from io import BytesIO
from pathlib import Path

import jinja2
from docx.document import Document as WordDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import nsmap, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage
from docxtpl.subdoc import Subdoc

from ...errors import PianodocsError
from ...templating import default_templates
from ...theme import current_theme
from ...view.model import Cover, Document, TableOfContents
from ...view.richtext import printable
from .body import BodyWriter, orient
from .figures import logo_picture
from .oxml import AFTER_HYPHENATION, AFTER_UPDATE_FIELDS
from .styles import REQUIRED_STYLES
from .theme import restyle

# docxtpl's subdocuments import docxcompose, which maps python-docx's "cp" prefix to the custom-properties namespace
# for the whole process: core properties (author, revision) would then be written twice and Word would call the
# file damaged (docxtpl issue 471, docxcompose issue 101). Put the core-properties namespace back.
nsmap["cp"] = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"

TEMPLATE = Path("docx") / "documento.docx"
PROPERTY_LIMIT = 255  # characters of a core property (python-docx refuses more)


def template_file(template_dir: Path | None) -> Path:
    """The Word template: the user's copy in ``template_dir`` if there is one, else pianodocs' own."""
    if template_dir is not None and (Path(template_dir) / TEMPLATE).is_file():
        return Path(template_dir) / TEMPLATE
    return default_templates() / TEMPLATE


def has_summary(document: Document) -> bool:
    """Whether ``document`` has a SOMMARIO."""
    return any(isinstance(block, TableOfContents) for block in document.blocks)


def render(
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
    writer = BodyWriter(body.subdocx, word.sections[-1], document.headings, pages, has_summary(document))
    writer.write(document.blocks)
    cover = document.cover or Cover(entity="", title="")  # filled, then removed with its section by _drop_cover
    picture = logo_picture(cover.logo) if cover.logo else None
    logo = InlineImage(docx_template, BytesIO(picture), height=Mm(25)) if picture else ""
    context = {"document": document, "cover": cover, "logo": logo, "body": body}
    docx_template.render(context, jinja_env=jinja, autoescape=True)
    if document.cover is None:
        _drop_cover(docx_template.docx)
    _finish(docx_template.docx, document, writer.landscape, moment)
    return docx_template


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
    date(word, moment)
    properties.revision = 1
    defaults = word.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if defaults is not None:
        language = defaults.find(qn("w:lang"))
        if language is None:
            language = OxmlElement("w:lang")
            defaults.append(language)
        language.set(qn("w:val"), document.language)
    if ends_landscape:
        orient(word.sections[-1], landscape=True)
    for picture in word.element.body.iter(qn("wp:docPr")):
        if not picture.get("descr"):
            picture.set("descr", f"Logo: {printable(document.cover.entity if document.cover else document.author)}")
    settings = word.settings.element
    if has_summary(document) and settings.find(qn("w:updateFields")) is None:
        settings.insert_element_before(OxmlElement("w:updateFields", {qn("w:val"): "true"}), *AFTER_UPDATE_FIELDS)
    _hyphenate(settings)


def date(word: WordDocument, moment: datetime) -> None:
    """Date the document ``moment``: made and last changed then (its core properties)."""
    word.core_properties.created = word.core_properties.modified = moment


def _hyphenate(settings: BaseOxmlElement) -> None:
    """Automatic hyphenation (the runs' language, it-IT, picks the patterns), never of words in capitals (codes, flags)."""
    for name in ("w:autoHyphenation", "w:doNotHyphenateCaps"):
        found = settings.find(qn(name))
        if found is not None:
            settings.remove(found)
    caps = settings.insert_element_before(OxmlElement("w:doNotHyphenateCaps", {qn("w:val"): "true"}), *AFTER_HYPHENATION)
    caps.addprevious(OxmlElement("w:autoHyphenation", {qn("w:val"): "true"}))


def _property(text: str) -> str:
    """``text`` fit for a core property (title, author), which holds at most 255 characters: longer, it is cut at a
    word and ends with "…" (only there: the document's own text keeps it whole)."""
    text = printable(text)
    if len(text) <= PROPERTY_LIMIT:
        return text
    cut = text[: PROPERTY_LIMIT - 1]
    word_end = cut.rfind(" ")
    return (cut[:word_end] if word_end > PROPERTY_LIMIT // 2 else cut).rstrip(" ,;:.-") + "…"
