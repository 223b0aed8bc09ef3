"""The Segretario generale's individual card as a table: the Piano prints it, the Relazione prints it with its results.

Bands for each prospettiva and obiettivo with their weights, then the card's rows (riferimento, azione,
indicatore, peso, the target of the year, % realizzazione). With :class:`CardResults` the objective bands
carry their result and the card ends with its overall result; without, the % column is left to be filled.
The words (:class:`CardWords`) are the calling kind's: this module writes none.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs

from ..model import Plan
from ..scoring import weight_text
from ..view.model import Align, Cell, CellStyle, Row, Table
from .common import cell, number_cell


@attrs.frozen
class CardWords:
    """The card's words: the six column headings, the perspective band's label, the label of the card's result row."""

    headers: tuple[str, ...]
    perspective: str
    total: str = ""


@attrs.frozen
class CardResults:
    """What the Relazione adds to the card: each objective's result cell, each row's %, the card's %."""

    objectives: Mapping[str, Cell]
    rows: Sequence[str]
    total: str


def card_table(
    plan: Plan, year: int, words: CardWords, widths: tuple[float, ...], name: str, results: CardResults | None = None
) -> Table:
    """The card of ``plan`` with the targets of ``year``; ``results`` fill its % column and add its total."""
    header = Row(tuple(cell(text, CellStyle.HEADER, align=Align.CENTER) for text in words.headers))
    perspectives = {p.code: p.name for p in plan.perspectives}
    names = {o.code: o.name for o in plan.strategic_objectives} | {o.code: o.name for o in plan.operational_objectives}
    band, subband = CellStyle.BAND, CellStyle.SUBBAND
    body: list[Row] = []
    last_perspective = last_objective = None
    for index, row in enumerate(plan.secretary_card):
        if row.perspective != last_perspective:
            title = perspectives.get(row.perspective, row.perspective).upper()
            lead = (cell(words.perspective, band), cell(title, band, 2), number_cell(weight_text(row.perspective_weight), band))
            body.append(Row((*lead, cell("", band, 2)), keep_with_next=True))
            last_perspective, last_objective = row.perspective, None
        if row.objective != last_objective:
            lead = (
                cell(row.objective, subband),
                cell(names.get(row.objective, row.objective), subband, 2),
                number_cell(weight_text(row.objective_weight), subband),
            )
            result = (cell("", subband), results.objectives[row.objective]) if results else (cell("", subband, 2),)
            body.append(Row((*lead, *result), keep_with_next=True))
            last_objective = row.objective
        target = row.target_for(year)
        body.append(
            Row(
                (
                    cell(row.reference),
                    cell(row.action),
                    cell(row.indicator),
                    number_cell(weight_text(row.weight)),
                    number_cell(target.text if target else ""),
                    number_cell(results.rows[index] if results else ""),
                )
            )
        )
    if results:
        body.append(Row((cell(words.total, CellStyle.TOTAL, 5), number_cell(results.total, CellStyle.TOTAL))))
    return Table((header,), tuple(body), widths, landscape=False, name=name)
