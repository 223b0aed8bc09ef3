"""The cruscotto di Ente of the Piano (002, section 3.2): the indicators grouped by the BSC tree.

One landscape table with 002's columns (flag, indicatore, codice, algoritmo,
media cluster, history years, peso, a target column per year of the plan,
tipologia, unità, fonte), the hierarchy shown by bands: prospettiva → linea →
obiettivo strategico → obiettivo operativo. PROG.INTEGR.FONDO rows are yellow.
Year columns follow the plan's years.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from ..model import Indicator, Plan, StrategicLine, StrategicObjective
from ..scoring import weight_text
from ..texts import Texts, texts_of
from ..view.model import Align, CellStyle, Row, Table
from ..view.orientation import fitted
from .common import cell, number_cell

PIANO = "piano-performance"  # the kind whose texts (testi/piano-performance.toml) word the cruscotto


def dashboard_indicators(plan: Plan) -> list[Indicator]:
    return [indicator for indicator in plan.indicators if indicator.dashboard in ("ente", "entrambi")]


def history_years(indicators: Sequence[Indicator], plan: Plan) -> list[int]:
    """The history years shown: those any indicator has, before the plan's first year."""
    return sorted({year for indicator in indicators for year in indicator.history if year < plan.first_year})


def cruscotto_table(plan: Plan, words: Texts | None = None) -> Table:
    """The cruscotto di Ente, in the texts ``words`` (default: the package's, ``testi/piano-performance.toml``)."""
    words = words or texts_of(PIANO)
    indicators = dashboard_indicators(plan)
    past = history_years(indicators, plan)
    years = list(plan.years)
    headers = [words(f"cruscotto_{key}") for key in ("segnalazione", "indicatore", "codice", "algoritmo", "media_cluster")]
    headers += [words("cruscotto_ultimo_valore" if year == past[-1] else "cruscotto_storico", anno=year) for year in past]
    headers += [words("cruscotto_peso"), *(words("cruscotto_target", anno=year) for year in years)]
    headers += [words(f"cruscotto_{key}") for key in ("tipologia", "unita", "fonte")]
    columns = len(headers)
    widths = [6.5, 13, 4.5, 15, 5.5] + [5.0] * len(past) + [4] + [5.5] * len(years) + [8, 6.5, 6.5]
    header = Row(tuple(cell(text, CellStyle.HEADER, align=Align.CENTER) for text in headers))
    body: list[Row] = []
    by_objective: dict[str, list[Indicator]] = {}
    for indicator in indicators:
        by_objective.setdefault(indicator.objective, []).append(indicator)
    for _, perspective, lines in lines_by_perspective(plan):
        if perspective:
            body.append(
                Row(
                    (
                        cell(words("fascia_prospettiva"), CellStyle.BAND, 2),
                        cell(perspective.upper(), CellStyle.BAND, columns - 2),
                    ),
                    keep_with_next=True,
                )
            )
        for line, objectives in lines:
            body.extend(_line_rows(plan, line, objectives, by_objective, columns, past, years, words))
    return fitted(Table((header,), tuple(body), tuple(widths), caption="", size="small", name="cruscotto-ente"))


LineGroup = tuple[StrategicLine, list[StrategicObjective]]


class PerspectiveLines(NamedTuple):
    """A perspective (code and name; both empty: outside any perspective of the plan) and its lines there."""

    code: str
    name: str
    lines: list[LineGroup]


def lines_by_perspective(plan: Plan) -> list[PerspectiveLines]:
    """Per perspective (in the plan's order), its lines with the strategic objectives that sit there.

    An objective sits under its own perspective (:meth:`Plan.perspective_of`), so a line whose objectives differ
    appears under each of their perspectives; a line without objectives sits under its own. Objectives and lines
    of no known perspective come last, under no band. The Piano's cruscotto and the Relazione both group by it.
    """
    names = {perspective.code: perspective.name for perspective in plan.perspectives}

    def place(code: str) -> str:
        return code if code in names else ""

    groups: list[PerspectiveLines] = []
    for code in [*names, ""]:
        lines: list[LineGroup] = []
        for line in plan.lines:
            all_objectives = [o for o in plan.strategic_objectives if o.line == line.code]
            here = [o for o in all_objectives if place(plan.perspective_of(o.code)) == code]
            if here or (not all_objectives and place(line.perspective) == code):
                lines.append((line, here))
        if lines:
            groups.append(PerspectiveLines(code, names.get(code, ""), lines))
    return groups


def _line_rows(
    plan: Plan,
    line: StrategicLine,
    objectives: list[StrategicObjective],
    by_objective: dict[str, list[Indicator]],
    columns: int,
    past: list[int],
    years: list[int],
    words: Texts,
) -> list[Row]:
    strategic = [o for o in objectives if _has_indicators(plan, o, by_objective)]
    if not strategic and not line.not_declined_note:
        return []
    rows = [
        Row(
            (
                cell(line.code, CellStyle.BAND),
                cell(words("fascia_linea"), CellStyle.BAND, 2),
                cell(line.name, CellStyle.BAND, columns - 3),
            ),
            keep_with_next=True,
        )
    ]
    if line.not_declined_note and not strategic:
        rows.append(Row((cell(line.not_declined_note, CellStyle.NOTE, columns, markup=True),)))
    for objective in strategic:
        rows.append(
            Row(
                (
                    cell(line.code, CellStyle.SUBBAND),
                    cell(words("fascia_obiettivo_strategico"), CellStyle.SUBBAND, 2),
                    cell(objective.printed_code, CellStyle.SUBBAND),
                    cell(objective.name, CellStyle.SUBBAND, columns - 4),
                ),
                keep_with_next=True,
            )
        )
        rows.extend(_indicator_rows(by_objective.get(objective.code, []), columns, past, years, objective.code, words))
        for operational in (o for o in plan.operational_objectives if o.strategic_objective == objective.code and o.in_dashboard):
            label = f"{operational.printed_code} - {operational.name}" if operational.printed_code else operational.name
            rows.append(
                Row(
                    (
                        cell("", CellStyle.SUBBAND),
                        cell(words("fascia_obiettivo_operativo"), CellStyle.SUBBAND, 2),
                        cell(label, CellStyle.SUBBAND, columns - 3),
                    ),
                    keep_with_next=True,
                )
            )
            indicators = by_objective.get(operational.code, [])
            rows.extend(_indicator_rows(indicators, columns, past, years, operational.code, words))
        if objective.notes:
            rows.append(Row((cell(objective.notes, CellStyle.NOTE, columns, markup=True),)))
    return rows


def _has_indicators(plan: Plan, objective: StrategicObjective, by_objective: dict[str, list[Indicator]]) -> bool:
    if objective.code in by_objective:
        return True
    return any(o.code in by_objective for o in plan.operational_objectives if o.strategic_objective == objective.code)


def _indicator_rows(
    indicators: list[Indicator], columns: int, past: list[int], years: list[int], objective_code: str, words: Texts
) -> list[Row]:
    rows: list[Row] = []
    notes: list[str] = []
    for indicator in indicators:
        style = CellStyle.HIGHLIGHT if indicator.funds_incentive else CellStyle.NORMAL
        history = [indicator.history[year].text if year in indicator.history else "" for year in past]
        targets = [indicator.targets[year].text if year in indicator.targets else "" for year in years]
        cells = [
            cell(indicator.flag, style),
            cell(indicator.name, style),
            cell(indicator.reference or objective_code, style),
            cell(indicator.algorithm, style),
            number_cell(indicator.cluster_mean.text if indicator.cluster_mean else "", style),
            *(number_cell(text, style) for text in history),
            number_cell(weight_text(indicator.weight), style),
            *(number_cell(text, style) for text in targets),
            cell(indicator.type, style),
            cell(indicator.unit, style),
            cell(indicator.source, style),
        ]
        rows.append(Row(tuple(cells)))
        if indicator.notes and indicator.notes not in notes:
            notes.append(indicator.notes)
    rows.extend(Row((cell(words("nota_indicatore", nota=note), CellStyle.NOTE, columns, markup=True),)) for note in notes)
    return rows
