"""Column widths no narrower than their longest unbreakable token, measured with the bundled font.

Codes, flags, dates, numbers and amounts never break across lines (``PROG.INTEGR.FONDO``, ``26/09/2018``,
``-2.080.927,00``): :func:`unbreakable` tells such a token from an ordinary word, which may be hyphenated
instead. :func:`fit_widths` raises a table's relative widths so that each column holds its longest unbreakable
token at the cell's font size, with the cell's padding, taking the space from the other columns in proportion
to what they have beyond their own minimum. :func:`fit_document` does it for every table of a document; both
backends print the widths the view model carries, so the PDF and the DOCX follow.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import attrs
from fontTools.ttLib import TTFont

from .model import Cell, CellStyle, Document, Table

FONTS = Path(__file__).resolve().parent.parent / "fonts"
MM = 72 / 25.4  # points in a millimetre
# the narrower printable width of the two backends, in mm: the DOCX's (A4, 20 mm sides) below the PDF's (18/14 mm)
PRINTABLE_MM = {False: 170.0, True: 257.0}
# the larger cell font size of the two backends, in points: the PDF's 9.5 (normal) and the DOCX's 7 (small)
CELL_SIZE_PT = {"normal": 9.5, "small": 7.0}
# horizontal padding of a cell, both sides and borders, in points, by table size: the DOCX's margins (108 twips
# a side, 57 in a small table: pianodocs.backends.docx.body.SMALL_CELL_MARGIN) are the larger of the two backends'
CELL_PADDING_PT = {"normal": 2 * 5.4 + 1.0, "small": 2 * 2.85 + 1.0}
# a token with a digit, a code (letters joined by . or _), a flag in capitals: never split across lines
_DIGIT = re.compile(r"\d")
_JOINED = re.compile(r"\w[._]\w")  # PROG.INTEGR.FONDO, cod_1; not progetti/iniziativa, which is prose
_CAPITALS = re.compile(r"^[^a-zß-ÿ]*[A-ZÀ-Þ][^a-zß-ÿ]*[A-ZÀ-Þ][^a-zß-ÿ]*$")  # two capitals or more, no small letter
_LINK = re.compile(r"://|^www\.|@|^[/\\~]", re.IGNORECASE)  # a URL, an e-mail address, a path (/etc, \\server, ~/)
_TOKEN = re.compile(r"\S+")
LONGEST_UNBREAKABLE = 40
# the share of its own width a column keeps when others need room
FLOOR_SHARE = 0.75
# the cell styles printed in bold (both backends)
BOLD_STYLES = frozenset({CellStyle.HEADER, CellStyle.BAND, CellStyle.SUBBAND, CellStyle.TOTAL})


def unbreakable(token: str) -> bool:
    """Whether ``token`` (no spaces) is a number, amount, date, percentage, code or capitals flag.

    A link or an e-mail address is not (it breaks after its slashes and dots), nor a token longer than
    :data:`LONGEST_UNBREAKABLE` characters, which no column could hold.
    """
    if len(token) > LONGEST_UNBREAKABLE or _LINK.search(token):
        return False
    return bool(_DIGIT.search(token) or _JOINED.search(token) or _CAPITALS.match(token))


def is_link(token: str) -> bool:
    """Whether ``token`` is a URL, an e-mail address or a path: it breaks after its slashes, never with a hyphen."""
    return bool(_LINK.search(token))


def unbreakable_tokens(text: str) -> list[str]:
    return [token for token in _TOKEN.findall(text) if unbreakable(token)]


@cache
def _advances(bold: bool) -> tuple[dict[int, float], float]:
    """Advance widths in em by code point of Titillium Web (regular or bold), and the widest as a fallback."""
    with TTFont(FONTS / ("TitilliumWeb-Bold.ttf" if bold else "TitilliumWeb-Regular.ttf")) as font:
        units = font["head"].unitsPerEm
        metrics = font["hmtx"].metrics
        widths = {code: metrics[glyph][0] / units for code, glyph in font.getBestCmap().items() if glyph in metrics}
    return widths, max(widths.values())


def text_width_pt(text: str, size_pt: float, bold: bool = False) -> float:
    """The width of ``text`` on one line at ``size_pt`` (a character the font lacks counts as its widest)."""
    widths, widest = _advances(bold)
    return sum(widths.get(ord(character), widest) for character in text) * size_pt


def minimum_widths_pt(table: Table, size_pt: float, every_word: bool = False) -> list[float]:
    """Each column's minimum width in points: its longest unbreakable token, in bold in a bold cell."""
    columns = table.column_count
    minimum = [0.0] * columns
    padding = CELL_PADDING_PT.get(table.size, CELL_PADDING_PT["normal"])
    spanned: dict[int, int] = {}  # column -> rows still covered by a cell with rowspan above
    for row in (*table.header, *table.body):
        column = 0
        cells = iter(row.cells)
        while column < columns:
            if spanned.get(column, 0) > 0:
                spanned[column] -= 1
                column += 1
                continue
            item: Cell | None = next(cells, None)
            if item is None:
                break
            for offset in range(item.colspan):
                if item.rowspan > 1:
                    spanned[column + offset] = item.rowspan - 1
            if item.colspan == 1:
                text = "".join(run.text for run in item.runs)
                bold = item.style in BOLD_STYLES or any(run.bold for run in item.runs)
                tokens = _TOKEN.findall(text) if every_word else unbreakable_tokens(text)
                longest = max((text_width_pt(token, size_pt, bold=bold) for token in tokens), default=0.0)
                if longest:
                    minimum[column] = max(minimum[column], longest + padding)
            column += item.colspan
    return minimum


def fit_widths(
    widths: tuple[float, ...], minimum_pt: list[float], printable_pt: float, words_pt: list[float] | None = None
) -> tuple[float, ...]:
    """``widths`` (relative) raised so that no column is below its minimum; the others give up the space.

    When the minimums together exceed the printable width the columns are shared in proportion to them: no
    width can then hold every token, and a token breaks where its column forces it (see docs/limiti.md).
    """
    total = sum(widths)
    if not widths or total <= 0 or not any(minimum_pt):
        return widths
    needed = sum(minimum_pt)
    if needed >= printable_pt:
        return tuple(round(100 * value / needed, 4) for value in minimum_pt)
    current = [value / total * printable_pt for value in widths]
    if all(width >= least for width, least in zip(current, minimum_pt, strict=True)):
        return widths
    fixed = [False] * len(current)
    while True:
        short = [index for index, (width, least) in enumerate(zip(current, minimum_pt, strict=True)) if width < least - 1e-9]
        if not short:
            break
        for index in short:
            current[index], fixed[index] = minimum_pt[index], True
        # the free columns give up what the raised ones took, each in proportion to its width beyond its floor:
        # its minimum, and never less than three quarters of its own width (prose needs room too, or its rows grow tall)
        excess = sum(current) - printable_pt
        words = words_pt or [0.0] * len(widths)
        floors = [
            max(least, min(word, value / total * printable_pt), FLOOR_SHARE * value / total * printable_pt)
            for least, word, value in zip(minimum_pt, words, widths, strict=True)
        ]
        slack = [max(current[index] - floors[index], 0.0) if not fixed[index] else 0.0 for index in range(len(current))]
        available = sum(slack)
        if available <= 0:
            break
        for index, give in enumerate(slack):
            current[index] -= min(excess, available) * give / available
    # not enough above the floors: the free columns give up more, down to their minimum (their prose wraps more);
    # otherwise the final sharing would shrink the raised columns below the tokens they were raised for
    excess = sum(current) - printable_pt
    slack = [max(current[index] - minimum_pt[index], 0.0) if not fixed[index] else 0.0 for index in range(len(current))]
    if excess > 1e-9 and sum(slack) > 0:
        available = sum(slack)
        for index, give in enumerate(slack):
            current[index] -= min(excess, available) * give / available
    return tuple(round(100 * value / sum(current), 4) for value in current)


def fit_table(table: Table) -> Table:
    """``table`` with fitted widths; a column never gives up the width its longest word already has."""
    size = CELL_SIZE_PT.get(table.size, CELL_SIZE_PT["normal"])
    printable = PRINTABLE_MM[table.landscape] * MM
    widths = fit_widths(table.widths, minimum_widths_pt(table, size), printable, minimum_widths_pt(table, size, every_word=True))
    return table if widths == table.widths else attrs.evolve(table, widths=widths)


def fit_document(document: Document) -> Document:
    """``document`` with every table's widths fitted (:func:`fit_table`)."""
    blocks = tuple(fit_table(block) if isinstance(block, Table) else block for block in document.blocks)
    return attrs.evolve(document, blocks=blocks)
