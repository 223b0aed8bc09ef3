"""The PIRA, Piano degli Indicatori e dei Risultati attesi di Bilancio (001): objectives and indicators by missione and programma.

After the cover and the workbook's own PIRA texts comes a matrix that classifies
the objectives by missione and programma di spesa; then, on landscape pages like
the matrix, for each missione and programma its centro di responsabilità and, per
objective, its PIRA text (description, main activities, BSC profile, stakeholders)
followed by the table of its indicators, with a target column for each year of
the plan. Only indicators flagged PIRA (or PIRA/PARETO) appear. An objective
classified under two programmes appears under each, with that programme's text
and indicators. Its words and the columns of its two tables (which, in what order, with what heading)
are the texts' (``testi/pira.toml``, :mod:`pianodocs.texts`); this module computes each column's cells.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from pathlib import Path

import attrs

from ..kinds import Option
from ..model import Indicator, Mission, OperationalObjective, PiraObjectiveText, Plan, Programme, StrategicObjective
from ..texts import Texts, texts_of
from ..view.model import Align, Block, Cell, CellStyle, Cover, Document, Heading, PageBreak, Paragraph, Row, Run, Table
from ..view.richtext import plain
from .common import anchor, cell, document_title, logo_path, proportional, section_blocks, sections_of, unknown_content

KIND = "pira"
TITLE = "Piano degli Indicatori e dei Risultati attesi di Bilancio (PIRA)"
OPTIONS: tuple[Option, ...] = ()
NEEDS_INDICATORS = True  # made of the plan's indicators: refused for a plan without any
# names of the generated contents a 'generato' block of a PIRA section may place
MATRIX = "pira-riclassificazione"
MISSIONS = "pira-missioni"

# the columns each table can print, with their relative widths; testi/pira.toml chooses them, orders and heads them
OBJECTIVE_WIDTHS = {"obiettivo": 20, "testo_pira": 32, "attivita": 26, "profilo_bsc": 10, "portatori_di_interesse": 12}
# "target" is repeated for each year of the plan
INDICATOR_WIDTHS = {"indicatore": 30, "descrizione_tecnica": 26, "tipologia": 13, "unita_di_misura": 10, "fonte": 11, "target": 9}
COLUMNS = {"obiettivo": OBJECTIVE_WIDTHS, "indicatori": INDICATOR_WIDTHS}


def texts(template_dir: Path | None = None) -> Texts:
    """The PIRA's words and column sets (``testi/pira.toml``, a user's copy in ``template_dir`` over it)."""
    return texts_of(KIND, template_dir, COLUMNS)


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


def build(plan: Plan, workbook_folder: Path | None = None, *, template_dir: Path | None = None) -> Document:
    words = texts(template_dir)
    groups = programme_groups(plan)
    sections = sections_of(plan, KIND)
    keys = {section.key for section in sections}
    placed = {block.content.strip() for block in plan.text_blocks if block.kind == "generato" and block.section in keys}
    level = 2 if sections else 1
    blocks: list[Block] = []
    for section in sections:
        if section.level == 1 and blocks:
            blocks.append(PageBreak())
        blocks.extend(section_blocks(plan, section, lambda name: _generated(plan, groups, name, level, words)))
    if MATRIX not in placed:
        blocks.append(Heading(words("titolo_riclassificazione"), 1, anchor=anchor(MATRIX), in_summary=False))
        blocks.append(matrix_table(groups, words))
    if MISSIONS not in placed:
        blocks.append(PageBreak())
        blocks.extend(mission_blocks(plan, groups, level, words))
    years = _years(plan)
    return Document(
        title=document_title(plan, KIND, words("titolo_documento", anni=years)),
        author=plan.entity.name,
        subject=words("soggetto", anni=years),
        cover=Cover(
            entity=plan.entity.name,
            title=words("titolo_copertina"),
            subtitle=words("sottotitolo_copertina", anni=years),
            logo=logo_path(plan, workbook_folder),
            note=" — ".join([text for text in (words("conformita"), plan.data_note if plan.illustrative else "") if text]),
        ),
        blocks=tuple(blocks),
    )


def _years(plan: Plan) -> str:
    return str(plan.first_year) if plan.first_year == plan.last_year else f"{plan.first_year}-{plan.last_year}"


def _generated(plan: Plan, groups: Sequence[ProgrammeGroup], name: str, level: int, words: Texts) -> Sequence[Block]:
    if name == MATRIX:
        return [matrix_table(groups, words)]
    if name == MISSIONS:
        return mission_blocks(plan, groups, level, words)
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


def matrix_table(groups: Sequence[ProgrammeGroup], words: Texts) -> Block:
    """One column per programme used, under its missione; the objectives classified there below."""
    if not groups:
        return Paragraph(plain(words("nessun_indicatore")), style="note")
    missions_row = [cell(words("riga_missione"), CellStyle.HEADER)]
    for _, run in itertools.groupby(groups, key=lambda group: group.mission.code):
        members = list(run)
        label = _label(members[0].mission.code, members[0].mission.name) or words("missione_non_indicata")
        missions_row.append(cell(label, CellStyle.HEADER, colspan=len(members), align=Align.CENTER))
    programmes_row = [cell(words("riga_programma"), CellStyle.SUBBAND)]
    programmes_row += [
        cell(_label(group.programme.code, group.programme.name) or words("programma_non_indicato"), CellStyle.SUBBAND)
        for group in groups
    ]
    depth = max(len(group.objectives) for group in groups)
    body = []
    for index in range(depth):
        cells = [cell(words("riga_obiettivi"), CellStyle.SUBBAND, rowspan=depth)] if index == 0 else []
        cells += [cell(group.objectives[index].title if index < len(group.objectives) else "") for group in groups]
        body.append(Row(tuple(cells)))
    return Table(
        (Row(tuple(missions_row)), Row(tuple(programmes_row))),
        tuple(body),
        proportional([10.0] + [90.0 / len(groups)] * len(groups)),
        caption=words("didascalia_riclassificazione"),
        landscape=True,
        size="small" if len(groups) > 5 else "normal",
        name=MATRIX,
    )


def _label(code: str, name: str) -> str:
    """``016 - Commercio internazionale ...``, or what is known of it (``""`` when nothing is)."""
    return " - ".join(part for part in (code, name) if part)


# --- missions, programmes, objectives ------------------------------------------------------------


def mission_blocks(plan: Plan, groups: Sequence[ProgrammeGroup], level: int, words: Texts) -> list[Block]:
    """Per missione a heading, then per programma its box, and per objective its text and its indicators."""
    years = list(plan.years)
    blocks: list[Block] = []
    for code, run in itertools.groupby(groups, key=lambda group: group.mission.code):
        members = list(run)
        if blocks:
            blocks.append(PageBreak())
        name = members[0].mission.name
        heading = words("titolo_missione", codice=code, nome=name) if code else words("missione_non_indicata")
        blocks.append(Heading(heading, level, anchor=anchor(f"pira-missione-{code or 'nd'}")))
        for group in members:
            blocks.append(_programme_box(group, words))
            for objective in group.objectives:
                blocks.append(_objective_table(objective, words))
                if objective.indicators:
                    blocks.append(_indicators_table(objective.indicators, years, words))
    return blocks


def _programme_box(group: ProgrammeGroup, words: Texts) -> Table:
    programme = group.programme
    rows = [
        Row(
            (
                cell(words("programma_di_spesa"), CellStyle.BAND),
                cell(programme.code, CellStyle.BAND, align=Align.CENTER),
                cell(programme.name or words("programma_non_indicato"), CellStyle.BAND),
            ),
            keep_with_next=True,
        ),
        Row(
            (
                cell(words("centro_di_responsabilita"), CellStyle.SUBBAND),
                cell(group.responsibility_centre, CellStyle.SUBBAND, 2),
            )
        ),
    ]
    return Table((), tuple(rows), (22, 8, 70), landscape=True, name="pira-programma")


def _objective_table(objective: ClassifiedObjective, words: Texts) -> Table:
    cells: dict[str, Callable[[], Cell]] = {
        "obiettivo": lambda: cell(objective.title, CellStyle.SUBBAND),
        "testo_pira": lambda: cell(objective.description, markup=True),
        "attivita": lambda: cell(objective.main_activities, markup=True),
        "profilo_bsc": lambda: cell(objective.perspective),
        "portatori_di_interesse": lambda: cell(objective.stakeholders),
    }
    columns = words.columns("obiettivo")
    header = Row(tuple(_heading(column.heading()) for column in columns))
    row = Row(tuple(cells[column.key]() for column in columns))
    widths = proportional(OBJECTIVE_WIDTHS[column.key] for column in columns)
    return Table((header,), (row,), widths, landscape=True, name="pira-obiettivo")


def _indicators_table(indicators: Sequence[Indicator], years: Sequence[int], words: Texts) -> Table:
    """One row per indicator; the columns are the texts' set ``indicatori``, "target" once for each year."""
    columns = [(column, year) for column in words.columns("indicatori") for year in (years if column.key == "target" else [0])]

    def value(indicator: Indicator, key: str, year: int) -> Cell:
        if key == "target":
            return _target_cell(indicator, year)
        if key == "indicatore":
            return _indicator_cell(indicator)
        fields = {
            "descrizione_tecnica": indicator.technical_description,
            "tipologia": indicator.type,
            "unita_di_misura": indicator.unit,
            "fonte": indicator.source,
        }
        return cell(fields[key])

    header = Row(tuple(_heading(column.heading(anno=year) if year else column.heading()) for column, year in columns))
    body = [Row(tuple(value(indicator, column.key, year) for column, year in columns)) for indicator in indicators]
    widths = proportional(INDICATOR_WIDTHS[column.key] for column, _ in columns)
    return Table((header,), tuple(body), widths, landscape=True, name="pira-indicatori")


def _heading(text: str) -> Cell:
    return cell(text, CellStyle.HEADER, align=Align.CENTER)


def _target_cell(indicator: Indicator, year: int) -> Cell:
    """The target as written: ``>= 5``, ``>=50%``, ``entro il 31/12/2021``."""
    return cell(indicator.targets[year].text if year in indicator.targets else "", align=Align.CENTER)


def _indicator_cell(indicator: Indicator) -> Cell:
    """The indicator's name and, when it says something more, its algorithm below it in italic."""
    if not indicator.algorithm or indicator.algorithm == indicator.name:
        return cell(indicator.name or indicator.algorithm)
    return Cell((Run(indicator.name + "\n"), Run(indicator.algorithm, italic=True)))
