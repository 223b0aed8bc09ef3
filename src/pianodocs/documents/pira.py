"""The PIRA, Piano degli Indicatori e dei Risultati attesi di Bilancio (001): objectives and indicators by missione and programma.

After the cover and the workbook's own PIRA texts comes a matrix that classifies
the objectives by missione and programma di spesa; then, on landscape pages like
the matrix, for each missione and programma its centro di responsabilità and, per
objective, its PIRA text (description, main activities, BSC profile, stakeholders)
followed by the table of its indicators, with a target column for each year of
the plan. Only indicators flagged PIRA (or PIRA/PARETO) appear. An objective
classified under two programmes appears under each, with that programme's text
and indicators.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from pathlib import Path

import attrs

from ..model import Indicator, Mission, OperationalObjective, PiraObjectiveText, Plan, Programme, StrategicObjective
from ..view.model import Align, Block, Cell, CellStyle, Cover, Document, Heading, PageBreak, Paragraph, Row, Run, Table
from ..view.richtext import plain
from .common import (
    anchor,
    cell,
    document_title,
    logo_path,
    mission_title,
    proportional,
    section_blocks,
    sections_of,
    unknown_content,
)

KIND = "pira"
# names of the generated contents a 'generato' block of a PIRA section may place
MATRIX = "pira-riclassificazione"
MISSIONS = "pira-missioni"

COVER_TITLE = "Piano degli Indicatori dei Risultati Attesi di Bilancio P.I.R.A."
COMPLIANCE = "Redatto in conformità al D.P.C.M. 18 settembre 2012"
MATRIX_HEADING = "Riclassificazione degli obiettivi per missioni e programmi"
MATRIX_CAPTION = "RICLASSIFICAZIONE OBIETTIVI PER MISSIONI E PROGRAMMI secondo le linee guida definite dal D.P.C.M. 18/9/2012"
OBJECTIVE_COLUMNS = (
    "Obiettivo",
    "Piano degli Indicatori dei Risultati Attesi di Bilancio P.I.R.A.",
    "Principali Attività/Interventi",
    "Profilo della Performance (BSC)",
    "Principali Portatori di interesse",
)
INDICATOR_COLUMNS = (
    "Indicatore - Algoritmo di Calcolo",
    "Descrizione Tecnica",
    "Tipologia di Indicatore",
    "Unità di Misura",
    "Fonte del Dato",
)


@attrs.frozen
class ClassifiedObjective:
    """An objective as the PIRA prints it under one programma: its text there and the indicators classified there."""

    code: str
    title: str
    description: str
    main_activities: str
    perspective: str
    stakeholders: str
    indicators: tuple[Indicator, ...]


@attrs.frozen
class ProgrammeGroup:
    """A programma di spesa of the PIRA with its missione, centro di responsabilità and objectives."""

    mission: Mission
    programme: Programme
    responsibility_centre: str
    objectives: tuple[ClassifiedObjective, ...]


def applies(plan: Plan) -> bool:
    """A PIRA needs the missions of the budget and at least one indicator flagged PIRA."""
    return bool(plan.missions) and any(indicator.in_pira for indicator in plan.indicators)


def build(plan: Plan, workbook_folder: Path | None = None) -> Document:
    groups = programme_groups(plan)
    sections = sections_of(plan, KIND)
    keys = {section.key for section in sections}
    placed = {block.content.strip() for block in plan.text_blocks if block.kind == "generato" and block.section in keys}
    level = 2 if sections else 1
    blocks: list[Block] = []
    for section in sections:
        if section.level == 1 and blocks:
            blocks.append(PageBreak())
        blocks.extend(section_blocks(plan, section, lambda name: _generated(plan, groups, name, level)))
    if MATRIX not in placed:
        blocks.append(Heading(MATRIX_HEADING, 1, anchor=anchor(MATRIX), in_summary=False))
        blocks.append(matrix_table(groups))
    if MISSIONS not in placed:
        blocks.append(PageBreak())
        blocks.extend(mission_blocks(plan, groups, level))
    return Document(
        title=document_title(plan, KIND, f"{COVER_TITLE} {_years(plan)}"),
        author=plan.entity.name,
        subject=f"P.I.R.A. {_years(plan)}",
        cover=Cover(
            entity=plan.entity.name,
            title=COVER_TITLE,
            subtitle=_years(plan),
            logo=logo_path(plan, workbook_folder),
            note=" — ".join([COMPLIANCE, *([plan.data_note] if plan.illustrative and plan.data_note else [])]),
        ),
        blocks=tuple(blocks),
    )


def _years(plan: Plan) -> str:
    return str(plan.first_year) if plan.first_year == plan.last_year else f"{plan.first_year}-{plan.last_year}"


def _generated(plan: Plan, groups: Sequence[ProgrammeGroup], name: str, level: int) -> Sequence[Block]:
    if name == MATRIX:
        return [matrix_table(groups)]
    if name == MISSIONS:
        return mission_blocks(plan, groups, level)
    raise unknown_content(name, KIND)


# --- grouping ------------------------------------------------------------------------------------


def programme_groups(plan: Plan) -> tuple[ProgrammeGroup, ...]:
    """The programmes the PIRA prints, in the order of the Missioni and Programmi sheets, each with its objectives.

    A programme is printed when a PIRA text or a PIRA indicator is classified under it; an objective
    under a programme when its PIRA text is there or one of its PIRA indicators is.
    """
    indicators = [indicator for indicator in plan.indicators if indicator.in_pira]
    pairs = dict.fromkeys(
        [(text.mission, text.programme) for text in plan.pira_texts]
        + [(indicator.mission, indicator.programme) for indicator in indicators]
    )
    missions = {mission.code: mission for mission in plan.missions}
    programmes = {(programme.mission, programme.code): programme for programme in plan.programmes}
    mission_order = {code: index for index, code in enumerate(missions)}
    programme_order = {key: index for index, key in enumerate(programmes)}
    ordered = sorted(
        pairs, key=lambda pair: (mission_order.get(pair[0], len(missions)), programme_order.get(pair, len(programmes)))
    )
    groups = []
    for mission, code in ordered:
        programme = programmes.get((mission, code), Programme(mission, code, ""))
        here = [indicator for indicator in indicators if (indicator.mission, indicator.programme) == (mission, code)]
        texts = [text for text in plan.pira_texts if (text.mission, text.programme) == (mission, code)]
        objectives = dict.fromkeys([text.objective for text in texts] + [indicator.objective for indicator in here])
        centres = dict.fromkeys(indicator.responsibility_centre for indicator in here if indicator.responsibility_centre)
        groups.append(
            ProgrammeGroup(
                mission=missions.get(mission, Mission(mission, "")),
                programme=programme,
                responsibility_centre=programme.responsibility_centre or "; ".join(centres),
                objectives=tuple(
                    _classified(plan, objective, next((t for t in texts if t.objective == objective), None), here)
                    for objective in objectives
                ),
            )
        )
    return tuple(groups)


def _classified(plan: Plan, code: str, text: PiraObjectiveText | None, indicators: Sequence[Indicator]) -> ClassifiedObjective:
    objective = _objective(plan, code)
    name = (text.title if text else "") or (objective.name if objective else code)
    printed = objective.printed_code if objective else ""
    title = name if not printed else (f"{printed} {name}" if printed.endswith(".") else f"{printed} - {name}")
    return ClassifiedObjective(
        code=code,
        title=title,
        description=(text.description if text else "") or (objective.description if objective else ""),
        main_activities=text.main_activities if text else "",
        perspective=_perspective(plan, code),
        stakeholders=text.stakeholders if text else "",
        indicators=tuple(indicator for indicator in indicators if indicator.objective == code),
    )


def _objective(plan: Plan, code: str) -> StrategicObjective | OperationalObjective | None:
    objectives: list[StrategicObjective | OperationalObjective] = [*plan.strategic_objectives, *plan.operational_objectives]
    return next((objective for objective in objectives if objective.code == code), None)


def _perspective(plan: Plan, code: str) -> str:
    """The name of the objective's BSC perspective (:meth:`Plan.perspective_of`: its own, else its line's)."""
    perspective = plan.perspective_of(code)
    return next((p.name for p in plan.perspectives if p.code == perspective), perspective)


# --- the front matrix ----------------------------------------------------------------------------


def matrix_table(groups: Sequence[ProgrammeGroup]) -> Block:
    """One column per programme used, under its missione; the objectives classified there below."""
    if not groups:
        return Paragraph(plain("Nessun indicatore del workbook è classificato PIRA."), style="note")
    missions_row = [cell("Missione", CellStyle.HEADER)]
    for _, run in itertools.groupby(groups, key=lambda group: group.mission.code):
        members = list(run)
        missions_row.append(cell(_mission_label(members[0].mission), CellStyle.HEADER, colspan=len(members), align=Align.CENTER))
    programmes_row = [cell("Programma", CellStyle.SUBBAND)]
    programmes_row += [cell(_programme_label(group.programme), CellStyle.SUBBAND) for group in groups]
    depth = max(len(group.objectives) for group in groups)
    body = []
    for index in range(depth):
        cells = [cell("Obiettivi", CellStyle.SUBBAND, rowspan=depth)] if index == 0 else []
        cells += [cell(group.objectives[index].title if index < len(group.objectives) else "") for group in groups]
        body.append(Row(tuple(cells)))
    return Table(
        (Row(tuple(missions_row)), Row(tuple(programmes_row))),
        tuple(body),
        proportional([10.0] + [90.0 / len(groups)] * len(groups)),
        caption=MATRIX_CAPTION,
        landscape=True,
        size="small" if len(groups) > 5 else "normal",
        name=MATRIX,
    )


def _mission_label(mission: Mission) -> str:
    return " - ".join(part for part in (mission.code, mission.name) if part) or "Missione non indicata"


def _programme_label(programme: Programme) -> str:
    return " - ".join(part for part in (programme.code, programme.name) if part) or "Programma non indicato"


# --- missions, programmes, objectives ------------------------------------------------------------


def mission_blocks(plan: Plan, groups: Sequence[ProgrammeGroup], level: int) -> list[Block]:
    """Per missione a heading, then per programma its box, and per objective its text and its indicators."""
    years = list(plan.years)
    blocks: list[Block] = []
    for code, run in itertools.groupby(groups, key=lambda group: group.mission.code):
        members = list(run)
        if blocks:
            blocks.append(PageBreak())
        heading = mission_title(code, members[0].mission.name) if code else "Missione non indicata"
        blocks.append(Heading(heading, level, anchor=anchor(f"pira-missione-{code or 'nd'}")))
        for group in members:
            blocks.append(_programme_box(group))
            for objective in group.objectives:
                blocks.append(_objective_table(objective))
                if objective.indicators:
                    blocks.append(_indicators_table(objective.indicators, years))
    return blocks


def _programme_box(group: ProgrammeGroup) -> Table:
    programme = group.programme
    rows = [
        Row(
            (
                cell("Programma di Spesa", CellStyle.BAND),
                cell(programme.code, CellStyle.BAND, align=Align.CENTER),
                cell(programme.name or "Programma non indicato", CellStyle.BAND),
            ),
            keep_with_next=True,
        ),
        Row((cell("Centro di Responsabilità", CellStyle.SUBBAND), cell(group.responsibility_centre, CellStyle.SUBBAND, 2))),
    ]
    return Table((), tuple(rows), (22, 8, 70), landscape=True, name="pira-programma")


def _objective_table(objective: ClassifiedObjective) -> Table:
    header = Row(tuple(cell(text, CellStyle.HEADER, align=Align.CENTER) for text in OBJECTIVE_COLUMNS))
    row = Row(
        (
            cell(objective.title, CellStyle.SUBBAND),
            cell(objective.description, markup=True),
            cell(objective.main_activities, markup=True),
            cell(objective.perspective),
            cell(objective.stakeholders),
        )
    )
    return Table((header,), (row,), (20, 32, 26, 10, 12), landscape=True, name="pira-obiettivo")


def _indicators_table(indicators: Sequence[Indicator], years: Sequence[int]) -> Table:
    headers = [*INDICATOR_COLUMNS, *(f"Target {year}" for year in years)]
    header = Row(tuple(cell(text, CellStyle.HEADER, align=Align.CENTER) for text in headers))
    body = [
        Row(
            (
                _indicator_cell(indicator),
                cell(indicator.technical_description),
                cell(indicator.type),
                cell(indicator.unit),
                cell(indicator.source),
                *(_target_cell(indicator, year) for year in years),
            )
        )
        for indicator in indicators
    ]
    widths = proportional([30, 26, 13, 10, 11, *([9.0] * len(years))])
    return Table((header,), tuple(body), widths, landscape=True, name="pira-indicatori")


def _target_cell(indicator: Indicator, year: int) -> Cell:
    """The target as written: ``>= 5``, ``>=50%``, ``entro il 31/12/2021``."""
    return cell(indicator.targets[year].text if year in indicator.targets else "", align=Align.CENTER)


def _indicator_cell(indicator: Indicator) -> Cell:
    """The indicator's name and, when it says something more, its algorithm below it in italic."""
    if not indicator.algorithm or indicator.algorithm == indicator.name:
        return cell(indicator.name or indicator.algorithm)
    return Cell((Run(indicator.name + "\n"), Run(indicator.algorithm, italic=True)))
