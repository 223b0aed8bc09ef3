"""The Word template's styles that the DOCX body names, and the look of each kind of table cell.

The body writer sets no font, size or colour of its own: it names these styles
of ``templates/docx/documento.docx``, and a template without one of
:data:`REQUIRED_STYLES` is refused before anything is written. :data:`CELL_LOOKS`
says which style each :class:`~pianodocs.view.model.CellStyle` takes in Word; the
colours are the theme's (``templates/tema.toml``, :mod:`pianodocs.theme`).
"""

from __future__ import annotations

from ...view.model import CellStyle

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
