"""The cascading sheets of the Piano (002, section 3.3): per area, from strategic lines to operational objectives.

For one area: per strategic line, a box with its perspective, name and benefici
attesi (repeated for each perspective its objectives sit in); per strategic
objective, the table of operational objectives with their indicators (those
flagged for the area, else all of the objective's own), targets and structures;
then the line's programme budget, with totals per programme and per line
computed from the items (the loader has already checked them against the
totals the workbook prints).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from ..model import BudgetItem, Indicator, OperationalObjective, Plan, StrategicLine
from ..texts import Texts, texts_of
from ..view.model import Align, Block, Cell, CellStyle, Row, Table
from ..view.richtext import runs
from .common import amount, cell, number_cell

_AMOUNTS = ("promotional_costs", "investments", "revenues")
PIANO = "piano-performance"  # the kind whose texts (testi/piano-performance.toml) word the sheets


def cascading_blocks(plan: Plan, area: str, words: Texts | None = None) -> list[Block]:
    """The sheets of ``area``, in the texts ``words`` (default: the package's)."""
    words = words or texts_of(PIANO)
    objectives = [o for o in plan.operational_objectives if area in o.areas]
    perspectives = {p.code: p.name for p in plan.perspectives}
    strategic = {o.code: o for o in plan.strategic_objectives}
    blocks: list[Block] = []
    for line in plan.lines:
        in_line = [
            o for o in objectives if o.strategic_objective in strategic and strategic[o.strategic_objective].line == line.code
        ]
        budget = [item for item in plan.budget_items if item.line == line.code and item.area in ("", area)]
        if not in_line and not budget:
            continue
        # the line's box heads the objectives of each perspective they sit in (their own, else the line's)
        by_perspective: dict[str, list[str]] = {}
        for code in dict.fromkeys(o.strategic_objective for o in in_line):
            by_perspective.setdefault(plan.perspective_of(code), []).append(code)
        for perspective, codes in (by_perspective or {line.perspective: []}).items():
            blocks.extend(_line_box(line, perspectives.get(perspective, ""), words))
            for code in codes:
                blocks.append(_objective_box(strategic[code].name, words))
                blocks.append(_objectives_table(plan, [o for o in in_line if o.strategic_objective == code], words))
        if budget:
            blocks.append(budget_table(line, budget, words))
    return blocks


def _line_box(line: StrategicLine, perspective: str, words: Texts) -> list[Block]:
    rows = [
        Row((cell(words("cascading_prospettiva"), CellStyle.BAND), cell(perspective.upper(), CellStyle.BAND))),
        Row((cell(words("cascading_linea"), CellStyle.SUBBAND), cell(f"{line.code}: {line.name}", CellStyle.SUBBAND))),
    ]
    blocks: list[Block] = [Table((), tuple(rows), (25, 75), name=f"linea-{line.code}")]
    if line.expected_benefits:
        blocks.append(
            Table(
                (),
                (
                    Row(
                        (
                            cell(words("cascading_benefici"), CellStyle.SUBBAND),
                            Cell(runs("\n".join(f"• {b}" for b in line.expected_benefits))),
                        )
                    ),
                ),
                (25, 75),
            )
        )
    return blocks


def _objective_box(name: str, words: Texts) -> Table:
    label = cell(words("cascading_obiettivo_strategico"), CellStyle.SUBBAND)
    return Table((), (Row((label, cell(name, CellStyle.SUBBAND))),), (25, 75))


def _objectives_table(plan: Plan, objectives: Sequence[OperationalObjective], words: Texts) -> Table:
    year = plan.reference_year
    keys = ("obiettivo_operativo", "valenza", "indicatore", "target", "strutture")
    header = Row(tuple(cell(words(f"cascading_{key}", anno=year), CellStyle.HEADER, align=Align.CENTER) for key in keys))
    body: list[Row] = []
    for objective in objectives:
        indicators = area_indicators(plan, objective)
        label = f"{objective.printed_code} - {objective.name}" if objective.printed_code else objective.name
        if not indicators:
            body.append(Row((cell(label), cell(""), cell(""), cell(""), cell(objective.structures_involved))))
            continue
        span = len(indicators)
        for index, indicator in enumerate(indicators):
            cells: list[Cell] = []
            if index == 0:
                cells.append(cell(label, rowspan=span))
            cells.extend(_indicator_cells(indicator, year))
            if index == 0:
                cells.append(cell(objective.structures_involved, rowspan=span))
            body.append(Row(tuple(cells)))
    return Table((header,), tuple(body), (24, 20, 30, 10, 16), name="cascading-obiettivi")


def area_indicators(plan: Plan, objective: OperationalObjective) -> list[Indicator]:
    """The indicators an area's sheet shows for ``objective``: those flagged 'area' or 'entrambi', else all of its own.

    An objective is carried by an area's sheet to be read with its indicators: when none is flagged for the
    area (a workbook that flags everything 'ente', the template's default), its own indicators are shown
    rather than empty columns.
    """
    own = plan.indicators_of(objective.code)
    flagged = [indicator for indicator in own if indicator.dashboard in ("area", "entrambi")]
    return flagged or list(own)


def _indicator_cells(indicator: Indicator, year: int) -> list[Cell]:
    target = indicator.target(year)
    return [cell(indicator.name), cell(indicator.algorithm), number_cell(target.text if target else "")]


def budget_table(line: StrategicLine, items: Sequence[BudgetItem], words: Texts) -> Table:
    """The programme budget of one line: function, programme, action, project, amounts; totals per programme and line."""
    header = (
        Row(
            (
                *(
                    cell(words(f"budget_{key}"), CellStyle.HEADER, rowspan=2)
                    for key in ("funzioni", "programmi", "azioni", "progetti")
                ),
                cell(words("budget"), CellStyle.HEADER, colspan=3, align=Align.CENTER),
            )
        ),
        Row(
            tuple(
                cell(words(f"budget_{key}"), CellStyle.HEADER, align=Align.CENTER)
                for key in ("oneri", "investimenti", "proventi")
            )
        ),
    )
    body: list[Row] = []
    line_total = dict.fromkeys(_AMOUNTS, Decimal(0))
    for programme in dict.fromkeys(item.programme for item in items):
        rows = [item for item in items if item.programme == programme]
        programme_total = dict.fromkeys(_AMOUNTS, Decimal(0))
        for index, item in enumerate(rows):
            cells: list[Cell] = []
            if index == 0 or item.function != rows[index - 1].function:
                cells.append(cell(item.function, rowspan=_run(rows, index, "function")))
            if index == 0:
                cells.append(cell(programme, rowspan=len(rows)))
            if index == 0 or item.action != rows[index - 1].action:
                cells.append(cell(item.action, rowspan=_run(rows, index, "action")))
            cells.append(cell(item.project))
            for name in _AMOUNTS:
                value: Decimal = getattr(item, name)
                programme_total[name] += value
                cells.append(number_cell(amount(value)))
            body.append(Row(tuple(cells)))
        code = programme.split(" ", 1)[0].rstrip(".-")
        total = cell(words("totale_programma", codice=code), CellStyle.TOTAL, colspan=4)
        body.append(Row((total, *_totals(programme_total))))
        for name in _AMOUNTS:
            line_total[name] += programme_total[name]
    body.append(Row((cell(words("totale_linea", codice=line.code), CellStyle.TOTAL, colspan=4), *_totals(line_total))))
    return Table(header, tuple(body), (13, 19, 20, 18, 10, 10, 10), landscape=False, size="small", name=f"budget-{line.code}")


def _run(rows: Sequence[BudgetItem], start: int, field: str) -> int:
    """How many rows from ``start`` share the value of ``field`` (for a merged cell)."""
    value = getattr(rows[start], field)
    count = 1
    while start + count < len(rows) and getattr(rows[start + count], field) == value:
        count += 1
    return count


def _totals(values: dict[str, Decimal]) -> list[Cell]:
    return [number_cell(amount(values[name]), CellStyle.TOTAL) for name in _AMOUNTS]
