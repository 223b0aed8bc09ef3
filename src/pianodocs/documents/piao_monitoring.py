"""Sezione 4 Monitoraggio of the PIAO (DM 132/2022, art. 5): how, when and by whom each section is monitored, and
the surveys of the users' satisfaction; each table when the workbook has its rows."""

from __future__ import annotations

from ..model import Plan
from ..texts import Texts
from ..view.model import Block, Row
from .common import cell, number_cell
from .piao_parts import header, structure_name, table, value_text


def monitoring_blocks(plan: Plan, words: Texts) -> list[Block]:
    blocks: list[Block] = []
    if plan.piao_monitoring:
        keys = ("sezione", "oggetto", "modalita", "tempistica", "responsabile")
        body = [
            Row(
                (
                    cell(item.section),
                    cell(item.subject),
                    cell(item.method),
                    cell(item.timing),
                    cell(structure_name(plan, item.owner)),
                )
            )
            for item in plan.piao_monitoring
        ]
        head = header(words, [f"monitoraggio_{key}" for key in keys])
        blocks.append(table((head,), body, (18, 22, 26, 16, 18), words("didascalia_monitoraggio"), "piao-monitoraggio"))
    if plan.satisfaction_surveys:
        survey_keys = ("servizio", "modalita", "destinatari", "periodo", "indicatore", "target")
        body = [
            Row(
                (
                    cell(survey.service),
                    cell(survey.method),
                    cell(survey.recipients),
                    cell(survey.period),
                    cell(survey.indicator),
                    number_cell(value_text(survey.target)),
                )
            )
            for survey in plan.satisfaction_surveys
        ]
        head = header(words, [f"indagine_{key}" for key in survey_keys])
        blocks.append(table((head,), body, (18, 18, 16, 12, 24, 12), words("didascalia_indagini"), "piao-indagini"))
    return blocks
