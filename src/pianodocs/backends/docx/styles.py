"""The Word template's styles that the DOCX body names, and the look of each kind of table cell.

The body writer sets no font, size or colour of its own: it names these styles
of ``templates/docx/documento.docx``, and a template without one of
:data:`REQUIRED_STYLES` is refused before anything is written. :data:`CELL_LOOKS`
is the one place that says how each :class:`~pianodocs.view.model.CellStyle`
looks in Word.
"""

from __future__ import annotations

from ...view.model import CellStyle

PARAGRAPH_STYLES = {"body": "Normal", "note": "Nota", "small-heading": "Titoletto", "center": "Centrato"}
# the template's paragraph style for the text of each kind of cell, and the cell's fill (a fill cannot live in a style)
CELL_LOOKS: dict[CellStyle, tuple[str, str | None]] = {
    CellStyle.NORMAL: ("Tabella testo", None),
    CellStyle.HEADER: ("Tabella intestazione", "1F3864"),
    CellStyle.BAND: ("Tabella fascia", "BDD7EE"),
    CellStyle.SUBBAND: ("Tabella sottofascia", "DEEAF6"),
    CellStyle.HIGHLIGHT: ("Tabella testo", "FFFF00"),
    CellStyle.TOTAL: ("Tabella totale", "F2F2F2"),
    CellStyle.MUTED: ("Tabella attenuato", None),
    CellStyle.NOTE: ("Tabella nota", None),
    CellStyle.GREEN: ("Tabella raggiunto", "C6EFCE"),
    CellStyle.RED: ("Tabella non raggiunto", "FFC7CE"),
}
REQUIRED_STYLES = (
    *PARAGRAPH_STYLES.values(),
    *(f"Heading {level}" for level in (1, 2, 3)),
    *(f"Titolo {level} fuori sommario" for level in (1, 2, 3)),
    *(f"toc {level}" for level in (1, 2, 3)),
    *dict.fromkeys(style for style, _ in CELL_LOOKS.values()),
    *("List Bullet", "Caption", "Titolo tabella", "Figura", "TOC Heading", "Hyperlink", "Tabella"),
)
