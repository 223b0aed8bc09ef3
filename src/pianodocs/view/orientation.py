"""Which blocks go on landscape pages: a table by its natural width, consecutive landscape blocks together.

A table goes landscape only when it does not fit the portrait text width at
its own font size: each column wants its longest line (measured with the
bundled Titillium Web's advances), capped at :data:`COLUMN_CAP` characters
since a longer text wraps, but never less than its longest word, which does
not. Both backends group the blocks with :func:`block_orientations` and
:func:`orientation_sections`, so the PDF and the DOCX put the same blocks on
landscape pages.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from pathlib import Path

from fontTools.ttLib import TTFont

from .model import Block, BulletList, CellStyle, Figure, Heading, PageBreak, Paragraph, Row, Table, TableOfContents

FONTS = Path(__file__).resolve().parent.parent / "fonts"
# the narrower of the two portrait text widths: A4 (210 mm) minus 2 × 18 mm in the CSS, 2 × 20 mm in the Word template
PORTRAIT_TEXT_WIDTH_MM = 170.0
# a column's text longer than this many average characters wraps instead of widening the table
COLUMN_CAP = 24
# points per font size of each table size (templates/css/pianodocs.css: table, table.size-small)
FONT_SIZES = {"normal": 9.5, "small": 6.8}
# left + right padding and border of a cell, in points, by table size
CELL_PADDING = {"normal": 6.5, "small": 4.5}
# paragraphs right before a landscape table or figure, up to this many characters, go on its pages with it
INTRODUCTION_CHARACTERS = 600
_BOLD_STYLES = frozenset({CellStyle.HEADER, CellStyle.BAND, CellStyle.SUBBAND, CellStyle.TOTAL})
_POINTS_PER_MM = 72 / 25.4


@functools.cache
def _advances(bold: bool) -> tuple[dict[int, float], float]:
    """The advance of each character of the bundled font in ems, and the average of the lowercase letters."""
    font = TTFont(FONTS / ("TitilliumWeb-Bold.ttf" if bold else "TitilliumWeb-Regular.ttf"))
    units = font["head"].unitsPerEm
    metrics = font["hmtx"].metrics
    advances = {code: metrics[name][0] / units for code, name in font.getBestCmap().items()}
    average = sum(advances[ord(c)] for c in "abcdefghijklmnopqrstuvwxyz") / 26
    return advances, average


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width in points of ``text`` on one line at ``size`` points (a character the font lacks counts as average)."""
    advances, average = _advances(bold)
    return sum(advances.get(ord(char), average) for char in text) * size


def natural_widths(rows: Iterable[Row], size: str = "normal") -> list[float]:
    """Each column's natural width in points: its longest line up to the cap, at least its longest word, plus padding.

    Cells spanning several columns are left out (they wrap across their columns);
    rows under a cell spanning down have their cells shifted right, as printed.
    """
    points = FONT_SIZES.get(size, FONT_SIZES["normal"])
    cap = COLUMN_CAP * _advances(False)[1] * points
    widths: list[float] = []
    below: dict[int, int] = {}  # column -> rows still covered by a cell spanning down from above
    for row in rows:
        column = 0
        for cell in row.cells:
            while below.get(column, 0) > 0:
                column += 1
            if cell.rowspan > 1:
                for covered in range(column, column + cell.colspan):
                    below[covered] = cell.rowspan
            if cell.colspan == 1:
                bold = cell.style in _BOLD_STYLES
                lines = cell.text.split("\n")
                longest_line = max(text_width(line, points, bold) for line in lines)
                longest_word = max((text_width(word, points, bold) for word in cell.text.split()), default=0.0)
                wanted = max(min(longest_line, cap), longest_word) + CELL_PADDING.get(size, CELL_PADDING["normal"])
                widths.extend([0.0] * (column + 1 - len(widths)))
                widths[column] = max(widths[column], wanted)
            column += cell.colspan
        below = {key: left - 1 for key, left in below.items() if left > 1}
    return widths


def needs_landscape(rows: Iterable[Row], size: str = "normal") -> bool:
    """Whether a table of ``rows`` at table size ``size`` is wider than the portrait text width."""
    return sum(natural_widths(rows, size)) > PORTRAIT_TEXT_WIDTH_MM * _POINTS_PER_MM


def fitted(table: Table) -> Table:
    """``table``, landscape when its natural width does not fit a portrait page."""
    landscape = needs_landscape((*table.header, *table.body), table.size)
    return table if landscape == table.landscape else _evolve(table, landscape)


def fitted_together(tables: Sequence[Table]) -> list[Table]:
    """``tables`` meant to look alike (one per objective), all landscape when any of them needs it."""
    landscape = any(needs_landscape((*table.header, *table.body), table.size) for table in tables)
    return [table if landscape == table.landscape else _evolve(table, landscape) for table in tables]


def _evolve(table: Table, landscape: bool) -> Table:
    return Table(table.header, table.body, table.widths, table.caption, landscape, table.size, table.name)


def block_orientations(blocks: Sequence[Block]) -> list[bool]:
    """Whether each block goes on landscape pages.

    Landscape tables and figures do, with the headings right above them; so do
    the portrait tables, page breaks and short texts (up to
    :data:`INTRODUCTION_CHARACTERS`: a note under a table) between two
    landscape blocks of one chapter, so consecutive landscape blocks share
    pages instead of alternating orientation; a longer text goes portrait. A
    level-1 heading, a portrait figure or the table of contents ends a
    landscape run. A short introduction (the paragraphs right before a
    landscape block, after its heading) goes on its pages too.
    """
    landscape = [False] * len(blocks)
    previous = False  # the orientation of the last table or figure of the current run
    for index, block in enumerate(blocks):
        if isinstance(block, Figure) or (isinstance(block, Table) and (block.landscape or not previous)):
            landscape[index] = previous = block.landscape
        elif isinstance(block, TableOfContents) or (isinstance(block, Heading) and block.level == 1):
            previous = False
        elif not isinstance(block, Heading | PageBreak) and previous:
            landscape[index] = _next_landscape(blocks, index) and (
                isinstance(block, Table) or _text_until_table(blocks, index) <= INTRODUCTION_CHARACTERS
            )
            previous = landscape[index]
    for index, block in enumerate(blocks):  # a short introduction goes with the landscape block it introduces
        if isinstance(block, Table | Figure) and block.landscape:
            _introduction(blocks, landscape, index)
    for index in range(len(blocks) - 1, -1, -1):  # a heading goes with what follows it
        if isinstance(blocks[index], Heading):
            landscape[index] = _following(blocks, landscape, index)
    for index, block in enumerate(blocks):  # a page break stays on the pages it is found on
        if isinstance(block, PageBreak):
            landscape[index] = index > 0 and landscape[index - 1]
    return landscape


def _text_length(block: Block) -> int:
    if isinstance(block, Paragraph):
        return len(block.text)
    if isinstance(block, BulletList):
        return sum(len(run.text) for item in block.items for run in item)
    return 0


def _text_until_table(blocks: Sequence[Block], start: int) -> int:
    """How many characters of text there are from ``start`` to the next table or figure."""
    length = 0
    for block in blocks[start:]:
        if isinstance(block, Table | Figure):
            break
        length += _text_length(block)
    return length


def _introduction(blocks: Sequence[Block], landscape: list[bool], start: int) -> None:
    """Put on landscape pages the paragraphs and lists right before ``start``, if short (an introduction)."""
    length = 0
    index = start - 1
    while index >= 0 and isinstance(blocks[index], Paragraph | BulletList):
        length += _text_length(blocks[index])
        if length > INTRODUCTION_CHARACTERS:
            return
        index -= 1
    for covered in range(index + 1, start):
        landscape[covered] = True


def _following(blocks: Sequence[Block], landscape: list[bool], start: int) -> bool:
    """The orientation of the first block after ``start`` that is not a page break (portrait at the end)."""
    for index in range(start + 1, len(blocks)):
        if not isinstance(blocks[index], PageBreak):
            return landscape[index]
    return False


def _next_landscape(blocks: Sequence[Block], start: int) -> bool:
    """Whether a landscape block follows ``start`` before a figure, the table of contents or a level-1 heading.

    Portrait tables in between do not count: they join the landscape run.
    """
    for block in blocks[start + 1 :]:
        if isinstance(block, Table | Figure) and block.landscape:
            return True
        if isinstance(block, Figure | TableOfContents) or (isinstance(block, Heading) and block.level == 1):
            return False
    return False


def orientation_sections(blocks: Sequence[Block]) -> list[tuple[bool, list[Block]]]:
    """``blocks`` grouped in runs of one orientation, as ``(landscape, blocks)``.

    A page break that ends a run is dropped (the change of orientation starts a
    new page anyway); inside a landscape run, a page break is kept only before
    a level-1 heading, so landscape tables do not take a page each.
    """
    grouped: list[tuple[bool, list[Block]]] = []
    orientations = block_orientations(blocks)
    for index, (block, landscape) in enumerate(zip(blocks, orientations, strict=True)):
        if isinstance(block, PageBreak):
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if following is None or orientations[index + 1] != landscape:
                continue
            if landscape and not (isinstance(following, Heading) and following.level == 1):
                continue
        if grouped and grouped[-1][0] == landscape:
            grouped[-1][1].append(block)
        else:
            grouped.append((landscape, [block]))
    return grouped
