"""Pieces every section of the PIAO shares: a chapter's heading with its narrative, tables headed by the texts.

A section of the PIAO prints only what the workbook holds: :func:`chapter` returns nothing for a section with
neither content nor narrative, so a missing sheet leaves no empty heading behind. The narrative is the
workbook's Sezioni/Testi with Documento = piao, a section by its key (docs/piao.md lists the keys).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Plan
from ..texts import Texts
from ..values import Target, Value
from ..view.model import Align, Block, Cell, CellStyle, Heading, Row, Table
from ..view.orientation import fitted
from .common import cell, number_cell, section_blocks, sections_of, unknown_content

KIND = "piao"


def chapter(plan: Plan, key: str, title: str, number: str, content: Sequence[Block]) -> list[Block]:
    """The heading of a PIAO section, the narrative the workbook gives it, then ``content``; nothing when both lack."""
    narrative = narrative_blocks(plan, key)
    if not content and not narrative:
        return []
    level = number.count(".") + 1
    return [Heading(title, level, anchor=f"piao-{key}", number=number), *narrative, *content]


def narrative_blocks(plan: Plan, key: str) -> list[Block]:
    """The text blocks of the workbook's PIAO section ``key``, without its heading (the PIAO numbers its own)."""
    section = next((s for s in sections_of(plan, KIND) if s.key == key), None)
    if section is None:
        return []
    return section_blocks(plan, section, _no_generated)[1:]


def _no_generated(name: str) -> list[Block]:
    raise unknown_content(name, KIND)


def header(words: Texts, keys: Sequence[str], **values: object) -> Row:
    """A header row of the texts ``keys`` (each filled with ``values`` when it takes them)."""
    return Row(tuple(cell(words(key, **values), CellStyle.HEADER, align=Align.CENTER) for key in keys))


def table(header_rows: Sequence[Row], body: Sequence[Row], widths: Sequence[float], caption: str, name: str) -> Table:
    """A table of the PIAO, landscape when its natural width does not fit a portrait page."""
    return fitted(Table(tuple(header_rows), tuple(body), tuple(widths), caption=caption, name=name))


def number(value: int | None, style: CellStyle = CellStyle.NORMAL) -> Cell:
    return number_cell("" if value is None else str(value), style)


def value_text(value: Value | Target | None) -> str:
    return value.text if value is not None else ""


def structure_name(plan: Plan, code: str) -> str:
    """The name of the structure ``code``, or ``code`` itself when it names no structure (a role, an office)."""
    return next((s.name for s in plan.structures if s.code == code), code)
