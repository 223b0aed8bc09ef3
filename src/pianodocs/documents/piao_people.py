"""Sezione 3 Organizzazione e capitale umano of the PIAO (DM 132/2022, art. 4): structure, lavoro agile, staffing.

3.1 the Strutture in hierarchical order; 3.2 the lavoro agile strategy and the five conditions of art. 4, c. 1,
lett. b), each under its label; 3.3 the staffing plan, from the staff in service at the reference date by
category, the hires and leavers of each year of the plan and the staff in service at each 31/12 they leave,
with a total row computed (a total the workbook types is only checked by the loader), then the training by year
with its totals.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Plan, Structure
from ..model_piao import StaffCategory, TrainingCourse
from ..texts import Texts
from ..view.model import Align, Block, Cell, CellStyle, Paragraph, Row, Table
from ..view.richtext import runs
from .common import cell
from .piao_parts import header, number, table

CONDITIONS = (
    "condizione_servizi",
    "condizione_rotazione",
    "condizione_sicurezza",
    "condizione_arretrato",
    "condizione_dotazione",
)


# --- 3.1 struttura organizzativa ---------------------------------------------------------------------------------


def structure_blocks(plan: Plan, words: Texts) -> list[Block]:
    if not plan.structures:
        return []
    names = {structure.code: structure.name for structure in plan.structures}
    keys = ("codice", "nome", "tipo", "superiore", "responsabile")
    body = [
        Row(
            (
                cell(structure.code),
                cell(structure.name),
                cell(structure.kind),
                cell(names.get(structure.parent, structure.parent)),
                cell(structure.head),
            )
        )
        for structure in hierarchy(plan.structures)
    ]
    widths = (9, 29, 12, 26, 24)
    caption = words("didascalia_strutture")
    return [table((header(words, [f"struttura_{key}" for key in keys]),), body, widths, caption, "piao-strutture")]


def hierarchy(structures: tuple[Structure, ...]) -> Iterator[Structure]:
    """The structures, each right after its parent and its own children before its next sibling (a parent not in
    the list makes a root)."""
    codes = {structure.code for structure in structures}
    seen: set[str] = set()

    def below(parent: str) -> Iterator[Structure]:
        for structure in structures:
            if structure.parent == parent and structure.code not in seen:
                seen.add(structure.code)
                yield structure
                yield from below(structure.code)

    for root in structures:
        if root.code not in seen and (not root.parent or root.parent not in codes):
            seen.add(root.code)
            yield root
            yield from below(root.code)
    for rest in structures:  # a cycle of parents: printed in the workbook's order, never lost
        if rest.code not in seen:
            seen.add(rest.code)
            yield rest


# --- 3.2 lavoro agile --------------------------------------------------------------------------------------------


def smart_working_blocks(plan: Plan, words: Texts) -> list[Block]:
    """The strategy, each condition filled under its label, the goals and the staff working remotely."""
    agile = plan.smart_working
    blocks: list[Block] = []
    if agile.strategy:
        blocks += [Paragraph(words.runs("lavoro_agile_strategia"), "small-heading"), Paragraph(runs(agile.strategy))]
    conditions = [(key, text) for key, text in zip(CONDITIONS, agile.conditions, strict=True) if text]
    if conditions:
        blocks.append(Paragraph(words.runs("lavoro_agile_condizioni"), "small-heading"))
        for key, text in conditions:
            blocks += [Paragraph((*words.runs(key),), "small-heading"), Paragraph(runs(text))]
    if agile.goals:
        blocks += [Paragraph(words.runs("lavoro_agile_obiettivi"), "small-heading"), Paragraph(runs(agile.goals))]
    if agile.agile_staff is not None:
        blocks.append(Paragraph(words.runs("lavoro_agile_dipendenti", numero=agile.agile_staff)))
    return blocks


# --- 3.3 piano triennale dei fabbisogni di personale -------------------------------------------------------------


def staffing_blocks(plan: Plan, words: Texts, *, training: bool = True) -> list[Block]:
    """The staffing table, then (unless ``training`` is false, as in the simplified PIAO) the training plan."""
    blocks: list[Block] = []
    if any(not row.is_total for row in plan.staff):
        blocks.append(staffing_table(plan, words))
    if training and plan.training:
        blocks += [Paragraph(words.runs("titolo_formazione"), "small-heading"), training_table(plan.training, words)]
    return blocks


def staffing_table(plan: Plan, words: Texts) -> Table:
    """Per category: in service at the reference date, then per year hires, leavers and in service at 31/12.

    A year's hires or leavers column is printed only when some category has a figure for it in any year (a
    workbook planning no hires has no column of zeros it did not write); the total row is computed.
    """
    rows = [row for row in plan.staff if not row.is_total]
    years = list(plan.years)
    with_hires = any(row.hires for row in rows)
    with_leavers = any(row.leavers for row in rows)
    per_year = [key for key, shown in (("hires", with_hires), ("leavers", with_leavers)) if shown] + ["present"]
    date = plan.piao.staff_date
    start = words("personale_in_servizio", data=date) if date else words("personale_in_servizio_senza_data")
    top: list[Cell] = [
        cell(words("personale_categoria"), CellStyle.HEADER, rowspan=2, align=Align.CENTER),
        cell(start, CellStyle.HEADER, rowspan=2, align=Align.CENTER),
    ]
    top += [cell(words("personale_anno", anno=y), CellStyle.HEADER, colspan=len(per_year), align=Align.CENTER) for y in years]
    labels = {"hires": "personale_assunzioni", "leavers": "personale_cessazioni", "present": "personale_fine_anno"}
    sub = [cell(words(labels[key], anno=y), CellStyle.HEADER, align=Align.CENTER) for y in years for key in per_year]
    body = [_staff_row(row.category, _figures(row, years, per_year, plan.first_year)) for row in rows]
    totals = [sum(column) for column in zip(*(_figures(row, years, per_year, plan.first_year) for row in rows), strict=True)]
    body.append(_staff_row(words("personale_totale"), totals, CellStyle.TOTAL))
    widths = [16.0, 9.0] + [75.0 / (len(years) * len(per_year))] * (len(years) * len(per_year))
    return table((Row(tuple(top)), Row(tuple(sub))), body, widths, words("didascalia_fabbisogni"), "piao-fabbisogni")


def _figures(row: StaffCategory, years: list[int], per_year: list[str], first_year: int) -> list[int]:
    figures = [row.present]
    for year in years:
        for key in per_year:
            if key == "hires":
                figures.append(row.hires.get(year, 0))
            elif key == "leavers":
                figures.append(row.leavers.get(year, 0))
            else:
                figures.append(row.in_service(year, first_year))
    return figures


def _staff_row(label: str, figures: list[int], style: CellStyle = CellStyle.NORMAL) -> Row:
    return Row((cell(label, style), *(number(figure, style) for figure in figures)))


def training_table(courses: tuple[TrainingCourse, ...], words: Texts) -> Table:
    """The courses by year (a course without a year last), each year closed by its total of hours and participants."""
    keys = ("anno", "tema", "destinatari", "modalita", "ore", "partecipanti")
    years = sorted({course.year for course in courses if course.year is not None})
    body: list[Row] = []
    for year in [*years, None]:
        group = [course for course in courses if course.year == year]
        if not group:
            continue
        for course in group:
            body.append(
                Row(
                    (
                        cell("" if course.year is None else str(course.year)),
                        cell(course.topic),
                        cell(course.recipients),
                        cell(course.mode),
                        number(course.hours),
                        number(course.participants),
                    )
                )
            )
        label = words("formazione_totale_anno", anno=year) if year is not None else words("formazione_totale")
        body.append(
            Row(
                (
                    cell(label, CellStyle.TOTAL, colspan=4),
                    number(_total(c.hours for c in group), CellStyle.TOTAL),
                    number(_total(c.participants for c in group), CellStyle.TOTAL),
                )
            )
        )
    widths = (8, 34, 22, 14, 10, 12)
    return table(
        (header(words, [f"formazione_{key}" for key in keys]),), body, widths, words("didascalia_formazione"), "piao-formazione"
    )


def _total(figures: Iterator[int | None]) -> int | None:
    """The sum of the figures given; None when none is (a total of nothing written is not 0)."""
    given = [figure for figure in figures if figure is not None]
    return sum(given) if given else None
