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
Its words and the columns of its two tables (which, in what order, with what heading) are the texts'
(``testi/cruscotto.toml``, :mod:`pianodocs.texts`); this module computes each column's cells.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from ..kinds import Option
from ..model import Act, Indicator, OperationalObjective, Plan, Revision, RevisionKind, StrategicObjective
from ..texts import Column, Texts, TextsError, texts_of
from ..values import parse_value
from ..view.model import Align, Block, Cell, CellStyle, Cover, Document, Heading, PageBreak, Row, Run, Table
from .common import anchor, cell, document_title, logo_path, proportional
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
# the key of each kind of revision in the texts: nota_<key> opens a change note, registro_<key> names it in the register
_REVISION_KEYS = {
    RevisionKind.INDICATOR_INSERTED: "indicatore_inserito",
    RevisionKind.INDICATOR_UPDATED: "indicatore_aggiornato",
    RevisionKind.INDICATOR_ELIMINATED: "indicatore_eliminato",
    RevisionKind.OBJECTIVE_INSERTED: "obiettivo_inserito",
    RevisionKind.OBJECTIVE_ELIMINATED: "obiettivo_eliminato",
    RevisionKind.TARGET_REVISED: "target_rivisto",
    RevisionKind.WEIGHT_REVISED: "peso_rivisto",
}
_UNDATED = dt.date.max  # revisions whose act has no date sort last

# the columns each table can print, with their relative widths; testi/cruscotto.toml chooses them, orders and heads them.
# An objective's table: "target" is repeated for each year; "indicatore" (which carries the objective's band) takes
# what the others leave of INDICATOR_SHARE, never less than INDICATOR_MIN.
INDICATOR_WIDTHS = {"target": 6.5, "owner": 11.0, "note": 23.0}
INDICATOR_SHARE, INDICATOR_MIN = 106.0, 30.0
# the register's columns, without and with the Motivazione column (printed only when a revision has one)
REGISTER_WIDTHS = {"modifica": 14, "indicatore": 34, "obiettivo": 24, "motivazione": 28}
_REGISTER_WIDTHS_BARE = {"modifica": 16, "indicatore": 52, "obiettivo": 32}
COLUMNS = {"indicatori": ("indicatore", *INDICATOR_WIDTHS), "registro": tuple(REGISTER_WIDTHS)}


def texts(template_dir: Path | None = None) -> Texts:
    """The cruscotto's words and column sets (``testi/cruscotto.toml``, a user's copy in ``template_dir`` over it)."""
    words = texts_of(KIND, template_dir, COLUMNS)
    columns = words.columns("indicatori")
    if "indicatore" not in {column.key for column in columns}:
        raise TextsError(
            f"{columns[0].text.file}, chiave 'colonne.indicatori': la colonna 'indicatore', che porta il nome "
            "dell'obiettivo, non si può togliere."
        )
    return words


def applies(plan: Plan) -> bool:
    """A cruscotto plan, or one whose dashboard indicators have an Owner, or whose indicators have a change log."""
    return (
        plan.kind == KIND
        or any(indicator.owner for indicator in dashboard_indicators(plan))
        or any(revision.kind in INDICATOR_CHANGES for revision in plan.revisions)
    )


def build(plan: Plan, workbook_folder: Path | None = None, *, template_dir: Path | None = None) -> Document:
    words = texts(template_dir)
    span = f"{plan.first_year}-{plan.last_year}"
    blocks: list[Block] = [Heading(words("titolo", anni=span), 1, anchor=anchor("cruscotto"))]
    shown = dashboard_indicators(plan)
    by_objective: dict[str, list[Indicator]] = {}
    for indicator in shown:
        by_objective.setdefault(indicator.objective, []).append(indicator)
    with_owner = any(indicator.owner for indicator in shown)
    for index, (title, objectives) in enumerate(mission_groups(plan, words)):
        tables = [t for o in objectives if (t := objective_table(plan, o, by_objective, with_owner, words)) is not None]
        if tables:
            blocks.append(Heading(title, 2, anchor=anchor(f"gruppo-{index}")))
            blocks.extend(tables)
    if plan.revisions:
        blocks += [PageBreak(), Heading(words("titolo_registro"), 1, anchor=anchor("registro")), register_table(plan, words)]
    dated = [act for act in plan.acts if act.date and _revised_by(plan, act)]
    latest = max(dated, key=lambda act: act.date or dt.date.min, default=None)
    notes = [plan.data_note if plan.illustrative else "", words("aggiornato_con", atto=citation(latest)) if latest else ""]
    return Document(
        title=document_title(plan, KIND, words("titolo_documento", anni=span)),
        author=plan.entity.name,
        subject=words("soggetto", anni=span),
        cover=Cover(
            entity=plan.entity.name,
            title=words("titolo_copertina"),
            subtitle=words("sottotitolo_copertina", anni=span),
            logo=logo_path(plan, workbook_folder),
            note=" — ".join(note for note in notes if note),
        ),
        blocks=tuple(blocks),
    )


def mission_groups(plan: Plan, words: Texts | None = None) -> list[tuple[str, list[StrategicObjective]]]:
    """The strategic objectives under each missione ("Missione 011 - Competitività delle Imprese"), in the plan's order.

    The missione comes from the objective's line; a plan whose lines name no missione is grouped by line.
    """
    words = words or texts()
    lines = {line.code: line for line in plan.lines}
    names = {mission.code: mission.name for mission in plan.missions}
    by_mission = any(line.mission for line in plan.lines)
    groups: dict[str, list[StrategicObjective]] = {}
    for objective in plan.strategic_objectives:
        line = lines.get(objective.line)
        if by_mission:
            code = line.mission if line else ""
            name = names.get(code, "")
            title = words("titolo_missione", codice=code, nome=name) if code else words("missione_non_indicata")
        else:
            title = words("titolo_linea", codice=line.code, nome=line.name) if line else words("linea_non_indicata")
        groups.setdefault(title, []).append(objective)
    return list(groups.items())


def objective_table(
    plan: Plan,
    objective: StrategicObjective,
    by_objective: Mapping[str, Sequence[Indicator]],
    with_owner: bool = True,
    words: Texts | None = None,
) -> Table | None:
    """The band of ``objective`` (its header row) and a row per indicator shown; None when it has none.

    ``by_objective`` gives the indicators shown per objective code; those of its operational objectives
    follow under a sub-band each. The columns are the texts' set ``indicatori``, "target" once for each
    year; the Owner column is left out when no indicator shown has one.
    """
    words = words or texts()
    years = list(plan.years)
    chosen = [c for c in words.columns("indicatori") if c.key != "owner" or with_owner]
    columns = [(column, year) for column in chosen for year in (years if column.key == "target" else [0])]
    span = len(columns)
    body: list[Row] = [_note_row(note, span) for note in change_notes(plan, objective.code, words)]
    found = bool(by_objective.get(objective.code))
    muted = eliminated(plan, objective.code)
    body += _indicator_rows(plan, by_objective.get(objective.code, ()), columns, muted, words)
    for operational in (o for o in plan.operational_objectives if o.strategic_objective == objective.code):
        below = by_objective.get(operational.code, ())
        if below:
            found = True
            body.append(Row((cell(_label(operational), CellStyle.SUBBAND, span),), keep_with_next=True))
            body += [_note_row(note, span) for note in change_notes(plan, operational.code, words)]
            body += _indicator_rows(plan, below, columns, muted or eliminated(plan, operational.code), words)
    if not found:
        return None
    band = [
        cell(
            column.heading(anno=year) if column.key == "target" else column.heading(obiettivo=_label(objective)),
            CellStyle.BAND,
            align=Align.CENTER if column.key == "target" else Align.LEFT,
        )
        for column, year in columns
    ]
    others = sum(INDICATOR_WIDTHS[column.key] for column, _ in columns if column.key != "indicatore")
    widths = [
        max(INDICATOR_MIN, INDICATOR_SHARE - others) if c.key == "indicatore" else INDICATOR_WIDTHS[c.key] for c, _ in columns
    ]
    return Table(
        (Row(tuple(band)),), tuple(body), proportional(widths), landscape=True, size="small", name=f"cruscotto-{objective.code}"
    )


def _indicator_rows(
    plan: Plan, indicators: Iterable[Indicator], columns: Sequence[tuple[Column, int]], muted: bool, words: Texts
) -> list[Row]:
    rows: list[Row] = []
    for indicator in indicators:
        style = CellStyle.MUTED if muted or eliminated(plan, indicator.code) else CellStyle.NORMAL

        def value(key: str, year: int, indicator: Indicator = indicator, style: CellStyle = style) -> Cell:
            if key == "indicatore":
                text = [Run(indicator.name)]
                if indicator.algorithm and indicator.algorithm != indicator.name:
                    text.append(Run(f"\n{indicator.algorithm}", italic=True))
                return Cell(tuple(text), style=style)
            if key == "target":
                return cell(indicator.targets[year].text if year in indicator.targets else "", style, align=Align.CENTER)
            if key == "owner":
                return cell(indicator.owner, style)
            # the change log stays legible on an eliminated row: it says why the row is struck through
            return cell("\n".join(change_notes(plan, indicator.code, words)))

        rows.append(Row(tuple(value(column.key, year) for column, year in columns)))
        if indicator.notes:
            rows.append(_note_row(indicator.notes, len(columns)))
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


def change_notes(plan: Plan, element: str, words: Texts | None = None) -> list[str]:
    """The change notes of an indicator or objective, in date order, in the texts ``words`` (default: the package's)."""
    words = words or texts()
    return [change_note(plan, revision, words) for revision in revisions_of(plan, element)]


def eliminated(plan: Plan, element: str) -> bool:
    """Whether the last insertion or elimination of ``element`` eliminated it."""
    ends = (RevisionKind.INDICATOR_ELIMINATED, RevisionKind.OBJECTIVE_ELIMINATED)
    starts = (RevisionKind.INDICATOR_INSERTED, RevisionKind.OBJECTIVE_INSERTED)
    changes = [r.kind for r in revisions_of(plan, element) if r.kind in ends + starts]
    return bool(changes) and changes[-1] in ends


def change_note(plan: Plan, revision: Revision, words: Texts | None = None) -> str:
    """``Eliminato con deliberazione della Giunta n. 129 del 2 dicembre 2019``, ``in sede di <Occasione>`` when given.

    The occasion is the act's own field (Atti, Occasione), never guessed from its subject: an Oggetto such as
    "Piano della Performance 2024-2026: monitoraggio" does not read as "in sede di ...".
    """
    words = words or texts()
    act = plan.act(revision.act)
    parts = [words(f"nota_{_REVISION_KEYS[revision.kind]}") + _detail(revision, words)]
    occasion = act.occasion.strip() if act else ""
    if occasion:
        parts.append(words("in_sede_di", occasione=occasion))
    reference = citation(act) if act else ""
    if reference:
        parts.append(words("con_atto", atto=reference))
    elif not occasion and revision.act:
        parts.append(words("con_codice_atto", codice=revision.act))
    return " ".join(parts)


def citation(act: Act) -> str:
    """The act's citation with what is known of it: no "n. n.d." for a lost number, nothing without number and date."""
    if not parse_value(act.number).is_empty:
        return act.citation
    if act.date is None:
        return ""
    return act.citation.replace(f" n. {act.number}", "", 1)


def _detail(revision: Revision, words: Texts) -> str:
    """What a target or weight revision changed (the texts' ``dettaglio``: year, from, to); nothing for other kinds."""
    if revision.kind not in (RevisionKind.TARGET_REVISED, RevisionKind.WEIGHT_REVISED):
        return ""
    year = revision.year if revision.kind is RevisionKind.TARGET_REVISED else None
    return words("dettaglio", anno=year or "", prima=revision.previous or "", dopo=revision.new or "")


def _date(plan: Plan, revision: Revision) -> dt.date:
    act = plan.act(revision.act)
    return act.date if act and act.date else _UNDATED


def _revised_by(plan: Plan, act: Act) -> bool:
    return any(revision.act == act.code for revision in plan.revisions)


def register_table(plan: Plan, words: Texts | None = None) -> Table:
    """Every revision, grouped by act in date order: a band with the act's date and citation, then one row per change.

    The columns are the texts' set ``registro``; the Motivazione column is there only when some revision has one.
    """
    words = words or texts()
    with_motivation = any(revision.motivation for revision in plan.revisions)
    columns = [column for column in words.columns("registro") if column.key != "motivazione" or with_motivation]
    header = Row(tuple(cell(column.heading(), CellStyle.HEADER, align=Align.CENTER) for column in columns))
    indicators = {indicator.code: indicator for indicator in plan.indicators}
    objectives: dict[str, StrategicObjective | OperationalObjective] = {o.code: o for o in plan.strategic_objectives}
    objectives.update((o.code, o) for o in plan.operational_objectives)
    body: list[Row] = []
    last_act = None
    # one band per act: acts of the same day stay apart
    for revision in sorted(plan.revisions, key=lambda revision: (_date(plan, revision), revision.act)):
        if revision.act != last_act:
            act = plan.act(revision.act)
            band = words("fascia_atto", data=act.date if act else None, atto=_act_label(act) if act else revision.act)
            body.append(Row((cell(band, CellStyle.SUBBAND, len(columns)),), keep_with_next=True))
            last_act = revision.act
        indicator = indicators.get(revision.element)
        objective = objectives.get(indicator.objective if indicator else revision.element)
        values = {
            "modifica": words(f"registro_{_REVISION_KEYS[revision.kind]}") + _detail(revision, words),
            "indicatore": indicator.name if indicator else "",
            "obiettivo": _label(objective) if objective else revision.element,
            "motivazione": revision.motivation,
        }
        body.append(Row(tuple(cell(values[column.key]) for column in columns)))
    widths = REGISTER_WIDTHS if with_motivation else _REGISTER_WIDTHS_BARE
    return Table(
        (header,),
        tuple(body),
        proportional(widths[column.key] for column in columns),
        landscape=True,
        size="small",
        name="registro-modifiche",
    )


def _act_label(act: Act) -> str:
    """``deliberazione della Giunta n. 129 del 2 dicembre 2019 - Rolling annuale``, or what is known of it."""
    return " - ".join(part for part in (citation(act), act.subject) if part) or act.code
