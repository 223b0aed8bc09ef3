"""The theme's colours on a Word document's named styles: their text colour and the borders of the table style.

``templates/docx/build_template.py`` colours every style of the Word template
this way; the DOCX backend does it again at render time for the keys a user's
``tema.toml`` sets (:attr:`pianodocs.theme.Theme.overridden`), so a template
restyled in Word keeps the colours the user's theme leaves alone. The cells'
fills are not styles: the body writer takes them from
:meth:`pianodocs.theme.Theme.cell_fill`.
"""

from __future__ import annotations

from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.shared import RGBColor

from ...theme import TABLE_BORDERS, Theme

TABLE_STYLE = "Tabella"


def restyle(document: WordDocument, theme: Theme, keys: frozenset[str] | None = None) -> None:
    """Give ``document``'s styles the colours of ``theme`` (of its ``keys`` only, when given); a style the document
    lacks has nothing to colour."""
    styles = {style.name: style for style in document.styles}
    for name, colour in theme.word_colours(keys).items():
        if name in styles:
            styles[name].font.color.rgb = RGBColor.from_string(colour)
    if TABLE_STYLE not in styles or (keys is not None and TABLE_BORDERS not in keys):
        return
    table_properties = styles[TABLE_STYLE].element.find(qn("w:tblPr"))
    borders = table_properties.find(qn("w:tblBorders")) if table_properties is not None else None
    for side in borders if borders is not None else ():
        side.set(qn("w:color"), theme.colour(TABLE_BORDERS)[1:].upper())
