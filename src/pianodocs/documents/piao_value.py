"""Sottosezioni 2.1 Valore pubblico and 2.2 Performance of the PIAO (DM 132/2022, art. 3).

2.1 prints the objectives of public value, each general one with its specific ones under it, and the actions of
accessibility and of simplification, a table per group that has rows. 2.2 is the performance tree the Piano
della Performance already prints, its cruscotto di Ente (:func:`~.cruscotto_ente.cruscotto_table`, worded by
``testi/piano-performance.toml``), then the operational objectives the PIAO marks (semplificazione,
digitalizzazione, accessibilità, parità di genere): a table with a column per mark, and a list grouping them.
"""

from __future__ import annotations

from pathlib import Path

from ..model import OperationalObjective, Plan
from ..model_piao import PublicValueAction, PublicValueActionKind, PublicValueLevel, PublicValueObjective
from ..schema import PIAO_DIMENSIONS
from ..texts import Texts, texts_of
from ..view.model import Align, Block, BulletList, Cell, CellStyle, Paragraph, Row, Table
from .common import cell, number_cell
from .cruscotto_ente import PIANO, cruscotto_table, dashboard_indicators
from .piao_parts import header, structure_name, table, value_text

# the marks of section 2.2, as the workbook's Ambiti PIAO offers them (schema.PIAO_DIMENSIONS), and the key of
# each one's words in testi/piao.toml
DIMENSIONS = tuple(
    zip(
        PIAO_DIMENSIONS,
        ("ambito_semplificazione", "ambito_digitalizzazione", "ambito_accessibilita", "ambito_parita"),
        strict=True,
    )
)
ACCESSIBILITY = (PublicValueActionKind.PHYSICAL_ACCESSIBILITY, PublicValueActionKind.DIGITAL_ACCESSIBILITY)
SIMPLIFICATION = (PublicValueActionKind.SIMPLIFICATION, PublicValueActionKind.REENGINEERING)


# --- 2.1 valore pubblico -----------------------------------------------------------------------------------------


def public_value_blocks(plan: Plan, words: Texts) -> list[Block]:
    """The objectives of public value, then the accessibility and the simplification actions: each table when it has rows."""
    blocks: list[Block] = []
    if plan.public_value_objectives:
        blocks.append(objectives_table(plan, words))
    for kinds, caption, name in (
        (ACCESSIBILITY, "didascalia_accessibilita", "piao-accessibilita"),
        (SIMPLIFICATION, "didascalia_semplificazione", "piao-semplificazione"),
    ):
        actions = [action for action in plan.public_value_actions if action.kind in kinds]
        if actions:
            blocks.append(actions_table(plan, actions, words(caption), name, words))
    return blocks


def objectives_table(plan: Plan, words: Texts) -> Table:
    """General objectives as bands with their own figures, each followed by its specific objectives."""
    years = list(plan.years)
    keys = ("valore_codice", "valore_obiettivo", "valore_strategici", "valore_indicatore", "valore_baseline")
    head = [cell(words(key), CellStyle.HEADER, align=Align.CENTER) for key in keys]
    head += [cell(words("valore_target", anno=year), CellStyle.HEADER, align=Align.CENTER) for year in years]
    head += [cell(words(key), CellStyle.HEADER, align=Align.CENTER) for key in ("valore_fonte", "valore_risorse")]
    body: list[Row] = []
    objectives = plan.public_value_objectives
    general = [o for o in objectives if o.level is PublicValueLevel.GENERAL]
    codes = {o.code for o in general}
    for objective in general:
        body.append(_objective_row(objective, years, CellStyle.SUBBAND))
        body.extend(
            _objective_row(o, years) for o in objectives if o.level is PublicValueLevel.SPECIFIC and o.parent == objective.code
        )
    # a specific objective whose general one is not in the plan still prints, after the others
    body.extend(_objective_row(o, years) for o in objectives if o.level is PublicValueLevel.SPECIFIC and o.parent not in codes)
    widths = [7, 22, 10, 18, 8] + [8] * len(years) + [9, 9]
    return table((Row(tuple(head)),), body, widths, words("didascalia_valore_pubblico"), "piao-valore-pubblico")


def _objective_row(objective: PublicValueObjective, years: list[int], style: CellStyle = CellStyle.NORMAL) -> Row:
    name = f"{objective.name}\n{objective.description}" if objective.description else objective.name
    cells = [
        cell(objective.code, style),
        cell(name, style),
        cell(", ".join(objective.strategic_objectives), style),
        cell(objective.impact_indicator, style),
        number_cell(value_text(objective.baseline), style),
        *(number_cell(value_text(objective.targets.get(year)), style) for year in years),
        cell(objective.source, style),
        number_cell(value_text(objective.resources), style),
    ]
    return Row(tuple(cells))  # a general objective's band row stays with the row under it


def actions_table(plan: Plan, actions: list[PublicValueAction], caption: str, name: str, words: Texts) -> Table:
    keys = ("tipo", "codice", "nome", "obiettivo", "destinatari", "indicatore", "target", "scadenza", "struttura")
    body = [
        Row(
            (
                cell(action.kind.value),
                cell(action.code),
                cell(action.name),
                cell(action.objective),
                cell(action.beneficiaries),
                cell(action.indicator),
                number_cell(value_text(action.target)),
                cell(action.deadline),
                cell(structure_name(plan, action.owner)),
            )
        )
        for action in actions
    ]
    widths = (10, 7, 20, 9, 13, 14, 8, 8, 11)
    return table((header(words, [f"azione_{key}" for key in keys]),), body, widths, caption, name)


# --- 2.2 performance ---------------------------------------------------------------------------------------------


def performance_blocks(plan: Plan, words: Texts, template_dir: Path | None = None) -> list[Block]:
    """The Piano's cruscotto di Ente, then the objectives the PIAO marks, by mark."""
    blocks: list[Block] = []
    if dashboard_indicators(plan):
        blocks.append(Paragraph(words.runs("performance_introduzione")))
        blocks.append(cruscotto_table(plan, texts_of(PIANO, template_dir)))
    marked = [o for o in plan.operational_objectives if dimensions_of(o)]
    if marked:
        blocks.append(dimensions_table(plan, words))
        blocks.append(Paragraph(words.runs("titolo_elenco_ambiti"), style="small-heading"))
        blocks.append(dimensions_list(marked, words))
    return blocks


def dimensions_of(objective: OperationalObjective) -> tuple[str, ...]:
    """The marks of ``objective`` the PIAO knows, in their order."""
    given = {dimension.casefold() for dimension in objective.piao_dimensions}
    return tuple(dimension for dimension, _ in DIMENSIONS if dimension in given)


def _label(objective: OperationalObjective) -> str:
    return f"{objective.printed_code} {objective.name}" if objective.printed_code else objective.name


def dimensions_table(plan: Plan, words: Texts) -> Table:
    """Every operational objective, in the tree's order, with a mark in the column of each PIAO dimension it carries."""
    keys = ["ambiti_codice", "ambiti_obiettivo", "ambiti_strategico", *(key for _, key in DIMENSIONS)]
    strategic = {o.code: o.printed_code for o in plan.strategic_objectives}
    order = {code: index for index, code in enumerate(strategic)}
    objectives = sorted(plan.operational_objectives, key=lambda o: order.get(o.strategic_objective, len(order)))
    mark = words("segno_ambito")
    body = []
    for objective in objectives:
        carried = dimensions_of(objective)
        marks: list[Cell] = [cell(mark if d in carried else "", align=Align.CENTER) for d, _ in DIMENSIONS]
        body.append(
            Row(
                (
                    cell(objective.printed_code),
                    cell(objective.name),
                    cell(strategic.get(objective.strategic_objective, objective.strategic_objective)),
                    *marks,
                )
            )
        )
    widths = (9, 39, 12, 10, 10, 10, 10)
    return table((header(words, keys),), body, widths, words("didascalia_ambiti"), "piao-ambiti")


def dimensions_list(marked: list[OperationalObjective], words: Texts) -> BulletList:
    """One item per dimension that any objective carries: its name, then the objectives carrying it."""
    items = []
    for dimension, key in DIMENSIONS:
        carrying = [o for o in marked if dimension in dimensions_of(o)]
        if carrying:
            names = "; ".join(_label(o) for o in carrying)
            items.append(words.runs("voce_ambito", ambito=words(key), obiettivi=names))
    return BulletList(tuple(items))
