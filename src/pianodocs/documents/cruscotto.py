"""The cruscotto strategico (003): the indicators of the cruscotto di Ente over the mandate, with Owner and change log.

Per missione (the missione of each objective's line; by line when the plan
names no missione), one landscape table per strategic objective whose band
"1. Semplificazione ... | 2016 | ... | 2021 | Owner | Note" is the header row,
repeated when the table breaks across pages. Each indicator row carries its
targets as written for every year of the plan, its Owner and a note built from
its revisions in date order ("Eliminato con deliberazione della Giunta n. 129
del 2 dicembre 2019", with "in sede di rolling annuale" when the act's
Occasione says so); eliminated indicators
are muted. A closing "Registro delle modifiche" lists every revision under
its act. The indicators shown are those of the cruscotto di Ente (Cruscotto
"ente" or "entrambi"); the Owner column is there when one of them has an Owner.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from ..kinds import Option
from ..model import Act, Indicator, OperationalObjective, Plan, Revision, RevisionKind, StrategicObjective
from ..values import format_date, parse_value
from ..view.model import Align, Block, Cell, CellStyle, Cover, Document, Heading, PageBreak, Row, Run, Table
from .common import anchor, cell, document_title, logo_path, mission_title, proportional
from .cruscotto_ente import dashboard_indicators

KIND = "cruscotto"
TITLE = "Cruscotto strategico pluriennale con registro delle modifiche"
OPTIONS: tuple[Option, ...] = ()
NEEDS_INDICATORS = True  # made of the plan's indicators: refused for a plan without any

INDICATOR_CHANGES = (
    RevisionKind.INDICATOR_INSERTED,
    RevisionKind.INDICATOR_UPDATED,
    RevisionKind.INDICATOR_ELIMINATED,
)
# how a note of the change log opens, per kind of revision (the indicator or objective is the subject)
_NOTE_OPENINGS = {
    RevisionKind.INDICATOR_INSERTED: "Inserito",
    RevisionKind.INDICATOR_UPDATED: "Aggiornato",
    RevisionKind.INDICATOR_ELIMINATED: "Eliminato",
    RevisionKind.OBJECTIVE_INSERTED: "Obiettivo inserito",
    RevisionKind.OBJECTIVE_ELIMINATED: "Obiettivo eliminato",
    RevisionKind.TARGET_REVISED: "Target rivisto",
    RevisionKind.WEIGHT_REVISED: "Peso rivisto",
}
_UNDATED = dt.date.max  # revisions whose act has no date sort last


def applies(plan: Plan) -> bool:
    """A cruscotto plan, or one whose dashboard indicators have an Owner, or whose indicators have a change log."""
    return (
        plan.kind == KIND
        or any(indicator.owner for indicator in dashboard_indicators(plan))
        or any(revision.kind in INDICATOR_CHANGES for revision in plan.revisions)
    )


def build(plan: Plan, workbook_folder: Path | None = None, *, template_dir: Path | None = None) -> Document:
    span = f"{plan.first_year}-{plan.last_year}"
    blocks: list[Block] = [Heading(f"CRUSCOTTO STRATEGICO {span}", 1, anchor=anchor("cruscotto"))]
    shown = dashboard_indicators(plan)
    by_objective: dict[str, list[Indicator]] = {}
    for indicator in shown:
        by_objective.setdefault(indicator.objective, []).append(indicator)
    with_owner = any(indicator.owner for indicator in shown)
    for index, (title, objectives) in enumerate(mission_groups(plan)):
        tables = [table for o in objectives if (table := objective_table(plan, o, by_objective, with_owner)) is not None]
        if tables:
            blocks.append(Heading(title, 2, anchor=anchor(f"gruppo-{index}")))
            blocks.extend(tables)
    if plan.revisions:
        blocks += [PageBreak(), Heading("Registro delle modifiche", 1, anchor=anchor("registro")), register_table(plan)]
    dated = [act for act in plan.acts if act.date and _revised_by(plan, act)]
    latest = max(dated, key=lambda act: act.date or dt.date.min, default=None)
    notes = [plan.data_note if plan.illustrative else "", f"Aggiornato con {citation(latest)}" if latest else ""]
    return Document(
        title=document_title(plan, KIND, f"Cruscotto strategico {span}"),
        author=plan.entity.name,
        subject=f"Cruscotto strategico {span} con il registro delle modifiche",
        cover=Cover(
            entity=plan.entity.name,
            title="CRUSCOTTO STRATEGICO",
            subtitle=span,
            logo=logo_path(plan, workbook_folder),
            note=" — ".join(note for note in notes if note),
        ),
        blocks=tuple(blocks),
    )


def mission_groups(plan: Plan) -> list[tuple[str, list[StrategicObjective]]]:
    """The strategic objectives under each missione ("Missione 011 - Competitività delle Imprese"), in the plan's order.

    The missione comes from the objective's line; a plan whose lines name no missione is grouped by line.
    """
    lines = {line.code: line for line in plan.lines}
    names = {mission.code: mission.name for mission in plan.missions}
    by_mission = any(line.mission for line in plan.lines)
    groups: dict[str, list[StrategicObjective]] = {}
    for objective in plan.strategic_objectives:
        line = lines.get(objective.line)
        if by_mission:
            code = line.mission if line else ""
            title = mission_title(code, names.get(code, ""))
        else:
            title = f"Linea strategica {line.code} - {line.name}" if line else "Linea strategica non indicata"
        groups.setdefault(title, []).append(objective)
    return list(groups.items())


def objective_table(
    plan: Plan, objective: StrategicObjective, by_objective: Mapping[str, Sequence[Indicator]], with_owner: bool = True
) -> Table | None:
    """The band of ``objective`` (its header row) and a row per indicator shown; None when it has none.

    ``by_objective`` gives the indicators shown per objective code; those of its operational objectives
    follow under a sub-band each. The Owner column is left out when no indicator shown has one.
    """
    years = list(plan.years)
    columns = len(years) + (3 if with_owner else 2)
    body: list[Row] = [_note_row(note, columns) for note in change_notes(plan, objective.code)]
    found = bool(by_objective.get(objective.code))
    muted = eliminated(plan, objective.code)
    body += _indicator_rows(plan, by_objective.get(objective.code, ()), years, muted, with_owner)
    for operational in (o for o in plan.operational_objectives if o.strategic_objective == objective.code):
        below = by_objective.get(operational.code, ())
        if below:
            found = True
            body.append(Row((cell(_label(operational), CellStyle.SUBBAND, columns),), keep_with_next=True))
            body += [_note_row(note, columns) for note in change_notes(plan, operational.code)]
            body += _indicator_rows(plan, below, years, muted or eliminated(plan, operational.code), with_owner)
    if not found:
        return None
    band = [cell(_label(objective), CellStyle.BAND)]
    band += [cell(str(year), CellStyle.BAND, align=Align.CENTER) for year in years]
    band += [cell("Owner", CellStyle.BAND)] if with_owner else []
    band += [cell("Note", CellStyle.BAND)]
    widths = [max(30.0, 72.0 - 6.5 * len(years) + (0 if with_owner else 11.0)), *([6.5] * len(years))]
    widths += [11.0, 23.0] if with_owner else [23.0]
    return Table(
        (Row(tuple(band)),), tuple(body), proportional(widths), landscape=True, size="small", name=f"cruscotto-{objective.code}"
    )


def _indicator_rows(
    plan: Plan, indicators: Iterable[Indicator], years: Sequence[int], muted: bool, with_owner: bool
) -> list[Row]:
    rows: list[Row] = []
    for indicator in indicators:
        style = CellStyle.MUTED if muted or eliminated(plan, indicator.code) else CellStyle.NORMAL
        text = [Run(indicator.name)]
        if indicator.algorithm and indicator.algorithm != indicator.name:
            text.append(Run(f"\n{indicator.algorithm}", italic=True))
        cells = [Cell(tuple(text), style=style)]
        cells += [
            cell(indicator.targets[year].text if year in indicator.targets else "", style, align=Align.CENTER) for year in years
        ]
        cells += [cell(indicator.owner, style)] if with_owner else []
        # the change log stays legible on an eliminated row: it says why the row is struck through
        cells.append(cell("\n".join(change_notes(plan, indicator.code))))
        rows.append(Row(tuple(cells)))
        if indicator.notes:
            rows.append(_note_row(indicator.notes, len(cells)))
    return rows


def _note_row(text: str, columns: int) -> Row:
    return Row((cell(text, CellStyle.NOTE, columns),))


def _label(objective: StrategicObjective | OperationalObjective) -> str:
    """``1. Semplificazione ...`` for a label that ends in punctuation, ``B.2.1 - Favorire ...`` otherwise."""
    code = objective.printed_code
    if not code:
        return objective.name
    return f"{code} {objective.name}" if code[-1] in ".)" else f"{code} - {objective.name}"


# --- the change log ------------------------------------------------------------------------------


def revisions_of(plan: Plan, element: str) -> list[Revision]:
    """The revisions of an indicator or objective, in the date order of their acts (undated acts last)."""
    return sorted((r for r in plan.revisions if r.element == element), key=lambda revision: _date(plan, revision))


def change_notes(plan: Plan, element: str) -> list[str]:
    return [change_note(plan, revision) for revision in revisions_of(plan, element)]


def eliminated(plan: Plan, element: str) -> bool:
    """Whether the last insertion or elimination of ``element`` eliminated it."""
    ends = (RevisionKind.INDICATOR_ELIMINATED, RevisionKind.OBJECTIVE_ELIMINATED)
    starts = (RevisionKind.INDICATOR_INSERTED, RevisionKind.OBJECTIVE_INSERTED)
    changes = [r.kind for r in revisions_of(plan, element) if r.kind in ends + starts]
    return bool(changes) and changes[-1] in ends


def change_note(plan: Plan, revision: Revision) -> str:
    """``Eliminato con deliberazione della Giunta n. 129 del 2 dicembre 2019``, ``in sede di <Occasione>`` when given.

    The occasion is the act's own field (Atti, Occasione), never guessed from its subject: an Oggetto such as
    "Piano della Performance 2024-2026: monitoraggio" does not read as "in sede di ...".
    """
    act = plan.act(revision.act)
    parts = [_NOTE_OPENINGS[revision.kind] + _detail(revision)]
    occasion = act.occasion.strip() if act else ""
    if occasion:
        parts.append(f"in sede di {occasion}")
    reference = citation(act) if act else ""
    if reference:
        parts.append(f"con {reference}")
    elif not occasion and revision.act:
        parts.append(f"con atto {revision.act}")
    return " ".join(parts)


def citation(act: Act) -> str:
    """The act's citation with what is known of it: no "n. n.d." for a lost number, nothing without number and date."""
    if not parse_value(act.number).is_empty:
        return act.citation
    if act.date is None:
        return ""
    return act.citation.replace(f" n. {act.number}", "", 1)


def _detail(revision: Revision) -> str:
    if revision.kind not in (RevisionKind.TARGET_REVISED, RevisionKind.WEIGHT_REVISED):
        return ""
    year = f" {revision.year}" if revision.year and revision.kind is RevisionKind.TARGET_REVISED else ""
    before = f" da {revision.previous}" if revision.previous else ""
    after = f" a {revision.new}" if revision.new else ""
    return f"{year}{before}{after}"


def _date(plan: Plan, revision: Revision) -> dt.date:
    act = plan.act(revision.act)
    return act.date if act and act.date else _UNDATED


def _revised_by(plan: Plan, act: Act) -> bool:
    return any(revision.act == act.code for revision in plan.revisions)


def register_table(plan: Plan) -> Table:
    """Every revision, grouped by act in date order: a band with the act's date and citation, then one row per change.

    The Motivazione column is there only when some revision has one.
    """
    with_motivation = any(revision.motivation for revision in plan.revisions)
    headers = ["Modifica", "Indicatore", "Obiettivo"] + (["Motivazione"] if with_motivation else [])
    header = Row(tuple(cell(text, CellStyle.HEADER, align=Align.CENTER) for text in headers))
    indicators = {indicator.code: indicator for indicator in plan.indicators}
    objectives: dict[str, StrategicObjective | OperationalObjective] = {o.code: o for o in plan.strategic_objectives}
    objectives.update((o.code, o) for o in plan.operational_objectives)
    body: list[Row] = []
    last_act = None
    # one band per act: acts of the same day stay apart
    for revision in sorted(plan.revisions, key=lambda revision: (_date(plan, revision), revision.act)):
        if revision.act != last_act:
            act = plan.act(revision.act)
            date = format_date(act.date) if act and act.date else "data non indicata"
            band = f"{date} - {_act_label(act) if act else revision.act}"
            body.append(Row((cell(band, CellStyle.SUBBAND, len(headers)),), keep_with_next=True))
            last_act = revision.act
        indicator = indicators.get(revision.element)
        objective = objectives.get(indicator.objective if indicator else revision.element)
        cells = [
            cell(revision.kind.value.capitalize() + _detail(revision)),
            cell(indicator.name if indicator else ""),
            cell(_label(objective) if objective else revision.element),
        ]
        if with_motivation:
            cells.append(cell(revision.motivation))
        body.append(Row(tuple(cells)))
    widths = (14, 34, 24, 28) if with_motivation else (16, 52, 32)
    return Table((header,), tuple(body), widths, landscape=True, size="small", name="registro-modifiche")


def _act_label(act: Act) -> str:
    """``deliberazione della Giunta n. 129 del 2 dicembre 2019 - Rolling annuale``, or what is known of it."""
    return " - ".join(part for part in (citation(act), act.subject) if part) or act.code
