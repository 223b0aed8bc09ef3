"""WordprocessingML as the DOCX body needs it: runs, hyperlinks, cells and rows as text, fields as elements.

The XML layer of the DOCX backend, as python-docx keeps ``oxml/``: this module
knows element names, their order and their attributes, and nothing of the view
model or the template. Runs, cells and rows are built as text and parsed once
(python-docx's per-property calls are too slow for big tables); text is escaped,
so workbook text prints literally. Fields (the SOMMARIO's TOC and PAGEREF) are
built as python-docx elements. :data:`AFTER_UPDATE_FIELDS` and
:data:`AFTER_HYPHENATION` give the ECMA-376 order of ``w:settings`` children.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

from .fonts import SYMBOL_FAMILY, symbol_spans

NAMESPACES = nsdecls("w", "r")
# the run font of symbols the template's font lacks (Σ ≥ ≤ ● →), embedded beside it
SYMBOL_FONT = f'<w:rFonts w:ascii="{SYMBOL_FAMILY}" w:hAnsi="{SYMBOL_FAMILY}" w:cs="{SYMBOL_FAMILY}"/>'
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


def parsed(tag: str, content: str) -> Any:
    """The element ``<tag>content</tag>`` (``tag`` such as ``w:p``), with the w and r namespaces declared."""
    return parse_xml(f"<{tag} {NAMESPACES}>{content}</{tag}>")


def runs_xml(text: str, *, bold: bool, italic: bool, half_points: int | None = None, style_id: str = "") -> str:
    """The ``w:r`` elements of ``text``: one per stretch of ordinary letters or of symbols (set in the symbol font)."""
    style = f'<w:rStyle w:val="{escape(style_id)}"/>' if style_id else ""
    properties = ("<w:b/><w:bCs/>" if bold else "") + ("<w:i/><w:iCs/>" if italic else "")
    properties += f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>' if half_points else ""
    return "".join(
        f"<w:r>{_run_properties(style + (SYMBOL_FONT if symbol else '') + properties)}{_text_xml(span)}</w:r>"
        for span, symbol in symbol_spans(text)
    )


def hyperlink_xml(relationship_id: str, runs: str) -> str:
    """``runs`` as the text of a link to the external target of relationship ``relationship_id``."""
    return f'<w:hyperlink r:id="{relationship_id}">{runs}</w:hyperlink>'


def cell_xml(
    width: int,
    columns: int,
    *,
    style_id: str,
    fill: str | None,
    merge: str | None,
    keep: bool,
    align: str,
    half_points: int | None,
    runs: str,
) -> str:
    """A ``w:tc`` ``width`` twips wide over ``columns`` grid columns, its one paragraph of style ``style_id``.

    ``merge`` is the vertical merge (``restart``, ``continue`` or None), ``keep`` keeps
    the paragraph with the next, ``half_points`` is the text's size when not the style's.
    """
    properties = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    properties += f'<w:gridSpan w:val="{columns}"/>' if columns > 1 else ""
    properties += f'<w:vMerge w:val="{merge}"/>' if merge else ""
    properties += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
    paragraph = f'<w:pStyle w:val="{escape(style_id)}"/>' + ("<w:keepNext/>" if keep else "")
    paragraph += f'<w:jc w:val="{align}"/>'
    paragraph += f'<w:rPr><w:sz w:val="{half_points}"/></w:rPr>' if half_points else ""
    return f'<w:tc><w:tcPr>{properties}<w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr>{paragraph}</w:pPr>{runs}</w:p></w:tc>'


def row_xml(cells: list[str], *, whole: bool, header: bool) -> str:
    """The content of a ``w:tr`` of ``cells``: ``whole`` never splits across pages, a ``header`` row repeats on each."""
    properties = "<w:trPr>" + ("<w:cantSplit/>" if whole else "") + ("<w:tblHeader/>" if header else "") + "</w:trPr>"
    return properties + "".join(cells)


def cell_margins(twips: int) -> Any:
    """A ``w:tblCellMar`` with left and right cell margins of ``twips``."""
    return parsed("w:tblCellMar", "".join(f'<w:{side} w:w="{twips}" w:type="dxa"/>' for side in ("left", "right")))


def text_run(text: str) -> Any:
    """A ``w:r`` holding ``text`` as it is."""
    run = OxmlElement("w:r")
    text_element = OxmlElement("w:t", {qn("xml:space"): "preserve"})
    text_element.text = text
    run.append(text_element)
    return run


def field_char(kind: str) -> Any:
    """The run marking a complex field's ``begin``, ``separate`` or ``end``."""
    run = OxmlElement("w:r")
    run.append(OxmlElement("w:fldChar", {qn("w:fldCharType"): kind}))
    return run


def field_start(instruction: str) -> list[Any]:
    """The runs opening a complex field up to its result: begin, instruction, separate."""
    code = OxmlElement("w:r")
    text = OxmlElement("w:instrText", {qn("xml:space"): "preserve"})
    text.text = f" {instruction} "
    code.append(text)
    return [field_char("begin"), code, field_char("separate")]


def _run_properties(properties: str) -> str:
    return f"<w:rPr>{properties}</w:rPr>" if properties else ""


def _text_xml(text: str) -> str:
    """``w:t`` elements for ``text``, line breaks and tabs as ``w:br`` and ``w:tab``."""
    pieces = re.split(r"(\n|\t)", text.replace("\r\n", "\n").replace("\r", "\n"))
    tags = {"\n": "<w:br/>", "\t": "<w:tab/>"}
    return "".join(
        tags.get(piece) or f'<w:t xml:space="preserve">{escape(piece, quote=False)}</w:t>' for piece in pieces if piece
    )
