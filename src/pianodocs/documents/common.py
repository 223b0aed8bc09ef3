"""Pieces every document kind shares: narrative sections, free tables, cells and Italian amounts.

A document module asks for the blocks of a section (its heading and text
blocks, with generated content supplied by the caller) or turns a free table
of the workbook into a view-model table. Nothing here decides a document's
overall layout.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from pathlib import Path

from ..errors import Problem, ValidationError
from ..model import FreeTable, Plan, Section, TextBlock
from ..schema import GENERATED_CONTENTS
from ..values import format_number
from ..view.model import Align, Block, BulletList, Cell, CellStyle, Figure, Heading, Paragraph, Row, Run, Table
from ..view.orientation import needs_landscape
from ..view.richtext import plain, runs
from ..workbook.pictures import logo_refusal

MERGE_LEFT = "<<"
# relative width bounds of a free table's column, in characters
MIN_COLUMN, MAX_COLUMN = 6.0, 45.0
_NUMERIC = re.compile(r"^[-+]?(€\s*)?[\d.]+(,\d+)?\s*%?$")

Generator = Callable[[str], Sequence[Block]]


def cell(
    text: str,
    style: CellStyle = CellStyle.NORMAL,
    colspan: int = 1,
    rowspan: int = 1,
    align: Align = Align.LEFT,
    markup: bool = False,
) -> Cell:
    """A cell; workbook text is printed literally unless ``markup`` asks for **bold**/*italic*/links."""
    return Cell(runs(text) if markup else plain(text), colspan=colspan, rowspan=rowspan, style=style, align=align)


def number_cell(text: str, style: CellStyle = CellStyle.NORMAL) -> Cell:
    return cell(text, style, align=Align.RIGHT)


def amount(value: Decimal) -> str:
    """Amounts as in the chambers' budget tables: ``27.500,00``, and ``-`` for zero."""
    return "-" if value == 0 else format_number(value, 2)


def document_title(plan: Plan, kind: str, default: str) -> str:
    """The title of a ``kind`` document: the workbook's Titolo when the workbook is kept for that kind, else ``default``.

    A workbook's Titolo names its main document ("Piano della Performance 2024-2026"); another kind made from the
    same workbook (its PIRA, its monitoring) has its own title, never the main one with a suffix.
    """
    return plan.title if plan.kind == kind and plan.title else default


def heading(section: Section) -> Heading:
    return Heading(section.title, section.level, anchor=anchor(section.key), number=section.number, in_summary=section.in_summary)


def anchor(key: str) -> str:
    return "sez-" + re.sub(r"[^a-z0-9]+", "-", key.casefold()).strip("-")


def section_blocks(plan: Plan, section: Section, generate: Generator) -> list[Block]:
    """The heading of ``section`` and its text blocks; 'generato' blocks are produced by ``generate``."""
    blocks: list[Block] = [heading(section)]
    for block in plan.text_blocks:
        if block.section != section.key:
            continue
        if block.kind == "paragrafo":
            blocks.append(Paragraph(runs(block.content)))
        elif block.kind == "titoletto":
            blocks.append(Paragraph(runs(block.content), style="small-heading"))
        elif block.kind == "nota":
            blocks.append(Paragraph(runs(block.content), style="note"))
        elif block.kind == "elenco":
            items = [line.strip().lstrip("-•").strip() for line in block.content.splitlines() if line.strip()]
            blocks.append(BulletList(tuple(runs(item) for item in items)))
        elif block.kind == "tabella":
            table = plan.table(block.content.strip())
            if table is not None:
                blocks.append(free_table(table))
        elif block.kind == "generato":
            blocks.extend(generate(block.content.strip()))
        elif block.kind == "immagine" and block.picture:
            blocks.append(picture_figure(block))
    return blocks


# a picture without a 'Larghezza' takes the text width of a portrait page (mm)
PICTURE_WIDTH_MM = 170.0
# a picture at most this tall (mm): a portrait page's text height, less room for its caption
PICTURE_HEIGHT_MM = 220.0
_RASTER_TYPES = {b"\x89PNG": "image/png", b"\xff\xd8\xff": "image/jpeg"}


def picture_figure(block: TextBlock) -> Figure:
    """The figure of an 'immagine' block: an SVG's markup, or a PNG/JPEG's bytes, at the block's width."""
    width = float(block.width_mm) if block.width_mm is not None else PICTURE_WIDTH_MM
    raster = next((kind for signature, kind in _RASTER_TYPES.items() if block.picture.startswith(signature)), "")
    if raster:
        return Figure("", block.alt, block.caption, width, PICTURE_HEIGHT_MM, picture=block.picture, picture_type=raster)
    return Figure(block.picture.decode("utf-8"), block.alt, block.caption, width, PICTURE_HEIGHT_MM)


def sections_of(plan: Plan, document: str) -> list[Section]:
    """The sections meant for ``document`` (an empty 'Documento' column means the Piano della Performance)."""
    return [section for section in plan.sections if (section.document or "piano-performance") == document]


# --- free tables ---------------------------------------------------------------------------------

_ROW_STYLES = {
    "intestazione": CellStyle.HEADER,
    "totale": CellStyle.TOTAL,
    "risultato": CellStyle.TOTAL,
    "sezione": CellStyle.SUBBAND,
    "nota": CellStyle.NOTE,
}


def free_table(table: FreeTable) -> Table:
    """A free table printed as it is: 'intestazione' rows repeat on each page, '<<' merges into the left cell."""
    columns = max((len(row.cells) for row in table.rows if row.kind not in ("titolo", "nota")), default=1)
    caption = " ".join(_cell_text(c) for row in table.rows if row.kind == "titolo" for c in row.cells if c)
    header: list[Row] = []
    body: list[Row] = []
    for row in table.rows:
        if row.kind == "titolo":
            continue
        if row.kind == "nota":
            body.append(Row((cell(" ".join(c for c in row.cells if c), CellStyle.NOTE, colspan=columns, markup=True),)))
            continue
        style = _ROW_STYLES.get(row.kind, CellStyle.NORMAL)
        cells = _merged(list(row.cells) + [""] * (columns - len(row.cells)), style)
        (header if row.kind == "intestazione" and not body else body).append(Row(tuple(cells)))
    return Table(
        tuple(header),
        tuple(body),
        _widths(table, columns),
        caption=caption,
        landscape=needs_landscape((*header, *body)),
        name=table.name,
    )


def _merged(texts: list[str], style: CellStyle) -> list[Cell]:
    cells: list[Cell] = []
    for text in texts:
        if text == MERGE_LEFT and cells:
            last = cells[-1]
            cells[-1] = Cell(last.runs, colspan=last.colspan + 1, rowspan=last.rowspan, style=last.style, align=last.align)
            continue
        shown = "" if text == MERGE_LEFT else text
        align = Align.RIGHT if _NUMERIC.match(_cell_text(shown)) else (Align.CENTER if shown == "●" else Align.LEFT)
        cells.append(cell(shown, style, align=align, markup=True))
    return cells


def _cell_text(text: str) -> str:
    """The text a cell prints: its markup read as markup, any other asterisk kept (``7*7`` stays ``7*7``)."""
    return "".join(run.text for run in runs(text)).strip()


def _widths(table: FreeTable, columns: int) -> tuple[float, ...]:
    # the longest word sets a floor (a number must not wrap), the longest text a ceiling (prose wraps anyway)
    longest = [MIN_COLUMN] * columns
    for row in table.rows:
        if row.kind in ("titolo", "nota"):
            continue
        for index, text in enumerate(row.cells[:columns]):
            if text == MERGE_LEFT:
                continue
            plain_text = _cell_text(text)
            word = max((len(part) for part in plain_text.split()), default=0)
            longest[index] = max(longest[index], word + 2, min(len(plain_text), MAX_COLUMN))
    return proportional(longest)


def proportional(weights: Iterable[float]) -> tuple[float, ...]:
    values = list(weights)
    total = sum(values) or 1.0
    return tuple(round(100 * value / total, 2) for value in values)


def texts(items: Iterable[str]) -> tuple[Run, ...]:
    return tuple(Run(text) for text in items)


def logo_path(plan: Plan, workbook_folder: Path | None) -> str:
    """The logo's path when the workbook names one it can print (:func:`~pianodocs.workbook.pictures.logo_refusal`)."""
    if not plan.entity.logo or workbook_folder is None or logo_refusal(plan.entity.logo, workbook_folder):
        return ""  # the loader warned why, at the logo's cell
    return str((workbook_folder / plan.entity.logo).resolve())


def unknown_content(name: str, kind: str) -> ValidationError:
    """The error for a 'generato' block naming a content ``kind`` does not place: never a placeholder in the document.

    The checks report it at its cell when the workbook is loaded; this is for a plan built another way.
    """
    allowed = ", ".join(GENERATED_CONTENTS.get(kind, ())) or "nessuno"
    message = f"Contenuto generato '{name}' sconosciuto per il documento '{kind}': ammessi {allowed}."
    return ValidationError([Problem("Testi", None, message)])
