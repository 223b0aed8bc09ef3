"""The view model: a document as plain data, built once per document kind and walked by both backends.

A :class:`Document` is a cover, metadata and a flat sequence of blocks (headings,
paragraphs, lists, tables, figures, page breaks, the table of contents). Tables
carry their own layout: rows of cells with spans, bands and styles, column
widths, orientation. The DOCX and the PDF backend render the same view model, so
the two formats never disagree. Text that reaches a reader gets break
opportunities inside very long words here (:mod:`.breaks`), once for both
backends. Nothing here knows the workbook or a template engine.
"""

from __future__ import annotations

import enum

import attrs

from .breaks import breakable


@attrs.frozen
class Run:
    """A piece of text with one style: ``**bold**``, ``*italic*``, ``[link](url)`` in workbook text.

    A newline in ``text`` is a line break inside the same paragraph or cell.
    """

    text: str = attrs.field(converter=breakable)
    bold: bool = False
    italic: bool = False
    link: str = ""


@attrs.frozen
class Paragraph:
    """A paragraph. ``style``: ``body``, ``note`` (small print), ``small-heading`` (a bold lead-in line), ``center``."""

    runs: tuple[Run, ...]
    style: str = "body"

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@attrs.frozen
class BulletList:
    items: tuple[tuple[Run, ...], ...]


@attrs.frozen
class Heading:
    """A heading; ``anchor`` is unique in the document (for the TOC and links)."""

    title: str = attrs.field(converter=breakable)
    level: int
    anchor: str
    number: str = ""
    in_summary: bool = True

    @property
    def text(self) -> str:
        return f"{self.number} {self.title}".strip()


class CellStyle(enum.Enum):
    """How a cell looks; each backend maps these to CSS classes and Word shading/fonts."""

    NORMAL = "normal"
    HEADER = "header"  # column headings: dark band, white bold text
    BAND = "band"  # hierarchy bands: LINEA STRATEGICA, Prospettiva BSC
    SUBBAND = "subband"  # lower level of the hierarchy: obiettivo strategico / operativo
    HIGHLIGHT = "highlight"  # PROG.INTEGR.FONDO rows: yellow
    TOTAL = "total"  # totals: bold
    MUTED = "muted"  # eliminated indicators: grey, struck through
    NOTE = "note"  # notes under a group of rows: grey italic
    GREEN = "green"  # reached
    RED = "red"  # not reached


class Align(enum.Enum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


@attrs.frozen
class Cell:
    runs: tuple[Run, ...] = ()
    colspan: int = 1
    rowspan: int = 1
    style: CellStyle = CellStyle.NORMAL
    align: Align = Align.LEFT

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


# the styles of a hierarchy band: a row of them introduces the rows below it
BAND_STYLES = frozenset({CellStyle.BAND, CellStyle.SUBBAND})


def is_band_row(cells: tuple[Cell, ...]) -> bool:
    """True when every cell that prints text is band-styled (empty cells beside a band do not count)."""
    printed = [cell for cell in cells if cell.text.strip()]
    return bool(printed) and all(cell.style in BAND_STYLES for cell in printed)


def _keeps_with_next(row: Row) -> bool:
    return is_band_row(row.cells)


@attrs.frozen
class Row:
    cells: tuple[Cell, ...]
    # a row that must stay with the next one (a band above its first data row): every band row unless told otherwise,
    # so no band ends a page without the rows it introduces
    keep_with_next: bool = attrs.field(default=attrs.Factory(_keeps_with_next, takes_self=True))


@attrs.frozen
class Table:
    """A table: ``header`` rows repeat on every page; ``widths`` are relative column widths (sum ~100)."""

    header: tuple[Row, ...]
    body: tuple[Row, ...]
    widths: tuple[float, ...]
    caption: str = attrs.field(default="", converter=breakable)
    landscape: bool = False
    # ``small`` for dense tables such as the cruscotto
    size: str = "normal"
    name: str = ""

    @property
    def column_count(self) -> int:
        return len(self.widths)


@attrs.frozen
class Figure:
    """A drawing: SVG markup (vector, for the PDF; converted to PNG for the DOCX), with alt text.

    A raster picture (PNG or JPEG, from the workbook's folder) has its bytes in ``picture``, its MIME type in
    ``picture_type``, and no ``svg``.
    """

    svg: str
    alt: str
    caption: str = attrs.field(default="", converter=breakable)
    width_mm: float = 170
    height_mm: float = 120
    landscape: bool = False
    picture: bytes = attrs.field(default=b"", repr=False)
    picture_type: str = ""


@attrs.frozen
class PageBreak:
    pass


@attrs.frozen
class TableOfContents:
    """The SOMMARIO: the headings with ``in_summary``, with page numbers filled by each backend."""

    title: str = "SOMMARIO"


Block = Heading | Paragraph | BulletList | Table | Figure | PageBreak | TableOfContents


@attrs.frozen
class Cover:
    entity: str = attrs.field(converter=breakable)
    title: str = attrs.field(converter=breakable)
    subtitle: str = attrs.field(
        default="", converter=breakable
    )  # one or more lines, separated by newlines (the years, then the workbook's Sottotitolo)
    logo: str = ""  # path of the logo image, already checked to exist, or empty
    note: str = ""  # e.g. "Dati illustrativi"


@attrs.frozen
class Document:
    """One document to render: metadata, cover, blocks in order."""

    title: str
    author: str
    subject: str
    # None: the document starts with its first block (an annex to a deliberation has no cover)
    cover: Cover | None
    blocks: tuple[Block, ...]
    language: str = "it-IT"
    # printed at the top of every page (e.g. "Allegato alla deliberazione G.C. n. 63 ...")
    running_header: str = attrs.field(default="", converter=breakable)

    @property
    def headings(self) -> tuple[Heading, ...]:
        return tuple(block for block in self.blocks if isinstance(block, Heading))
