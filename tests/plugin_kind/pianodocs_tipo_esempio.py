"""A document kind from outside pianodocs: the list of a plan's indicators, with an optional heading.

It uses only public API: :mod:`pianodocs.kinds` for the declarations and :mod:`pianodocs.view` for the document.
"""

from __future__ import annotations

from pathlib import Path

from pianodocs import Plan
from pianodocs.kinds import APPLIES, Applicability, Option
from pianodocs.view import Align, Cell, CellStyle, Document, Heading, Paragraph, Row, Table, plain

KIND = "elenco-indicatori"
TITLE = "Elenco degli indicatori del piano (tipo di documento di esempio)"
OPTIONS = (
    Option(
        "intestazione", str, "il titolo dell'elenco (predefinito: Indicatori del piano)", flag="--intestazione", metavar="TESTO"
    ),
)
NEEDS_INDICATORS = True


def applies(plan: Plan) -> Applicability:
    return APPLIES if tuple(plan.indicators) else Applicability("il piano non ha indicatori")


def build(
    plan: Plan, workbook_folder: Path | None = None, *, template_dir: Path | None = None, intestazione: str | None = None
) -> Document:
    indicators = tuple(plan.indicators)
    header = Row((Cell(plain("Codice"), style=CellStyle.HEADER), Cell(plain("Indicatore"), style=CellStyle.HEADER)))
    body = tuple(Row((Cell(plain(indicator.code), align=Align.CENTER), Cell(plain(indicator.name)))) for indicator in indicators)
    title = intestazione or "Indicatori del piano"
    return Document(
        title=title,
        author=plan.entity.name,
        subject=plan.title,
        cover=None,
        blocks=(
            Heading(title, 1, "elenco"),
            Paragraph(plain(f"{plan.entity.name}: {len(indicators)} indicatori.")),
            Table(header=(header,), body=body, widths=(20, 80)),
        ),
    )
