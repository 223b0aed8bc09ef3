"""Sottosezione 2.3 Rischi corruttivi e trasparenza of the PIAO (DM 132/2022, art. 3).

Three tables, each when the workbook has its rows: the risks by area (process, risky event, office, likelihood,
impact and the level :attr:`~pianodocs.model_piao.Risk.level` gives), the prevention measures with the owner,
timing, indicator and target ANAC asks for, and the map of the transparency obligations.
"""

from __future__ import annotations

from ..model import Plan
from ..model_piao import Risk
from ..texts import Texts
from ..view.model import Block, CellStyle, Row, Table
from .common import cell, number_cell
from .piao_parts import header, structure_name, table, value_text


def risk_blocks(plan: Plan, words: Texts) -> list[Block]:
    blocks: list[Block] = []
    if plan.risks:
        blocks.append(risks_table(plan, words))
    if plan.prevention_measures:
        blocks.append(measures_table(plan, words))
    if plan.transparency_obligations:
        blocks.append(transparency_table(plan, words))
    return blocks


def _level(risk: Risk, name: str) -> str:
    level = getattr(risk, name)
    return "" if level is None else str(level.value)


def risks_table(plan: Plan, words: Texts) -> Table:
    """The risks grouped by area, in the order the areas first appear; a band row names each area."""
    keys = ("codice", "processo", "evento", "struttura", "probabilita", "impatto", "livello")
    columns = len(keys)
    body: list[Row] = []
    for area in dict.fromkeys(risk.area for risk in plan.risks):
        body.append(Row((cell(words("fascia_area_rischio", area=area), CellStyle.BAND, columns),)))
        for risk in (r for r in plan.risks if r.area == area):
            body.append(
                Row(
                    (
                        cell(risk.code),
                        cell(risk.process),
                        cell(risk.event),
                        cell(structure_name(plan, risk.owner)),
                        cell(_level(risk, "likelihood")),
                        cell(_level(risk, "impact")),
                        cell(_level(risk, "level"), CellStyle.TOTAL),
                    )
                )
            )
            if risk.motivation:
                body.append(Row((cell(words("nota_motivazione", motivazione=risk.motivation), CellStyle.NOTE, columns),)))
    widths = (8, 22, 26, 16, 9, 9, 10)
    return table((header(words, [f"rischio_{key}" for key in keys]),), body, widths, words("didascalia_rischi"), "piao-rischi")


def measures_table(plan: Plan, words: Texts) -> Table:
    keys = ("codice", "nome", "rischi", "ambito", "tipologia", "responsabile", "tempi", "indicatore", "target")
    body = [
        Row(
            (
                cell(measure.code),
                cell(measure.name),
                cell(", ".join(measure.risks)),
                cell(measure.scope.value),
                cell(measure.type),
                cell(structure_name(plan, measure.owner)),
                cell(measure.timing),
                cell(measure.indicator),
                number_cell(value_text(measure.target)),
            )
        )
        for measure in plan.prevention_measures
    ]
    widths = (7, 20, 9, 9, 10, 13, 10, 14, 8)
    return table((header(words, [f"misura_{key}" for key in keys]),), body, widths, words("didascalia_misure"), "piao-misure")


def transparency_table(plan: Plan, words: Texts) -> Table:
    keys = ("sezione", "obbligo", "riferimento", "struttura", "aggiornamento")
    body = [
        Row(
            (
                cell(item.section),
                cell(item.obligation),
                cell(item.reference),
                cell(structure_name(plan, item.owner)),
                cell(item.frequency),
            )
        )
        for item in plan.transparency_obligations
    ]
    widths = (20, 30, 18, 18, 14)
    caption = words("didascalia_trasparenza")
    return table((header(words, [f"trasparenza_{key}" for key in keys]),), body, widths, caption, "piao-trasparenza")
