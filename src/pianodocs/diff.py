"""What changed between two versions of a plan: the changes, as readable Italian text, as JSON, as revisions.

:func:`diff_plans` compares two loaded plans element by element (indicators by code,
objectives, lines, measurements, revisions, acts) and returns a :class:`PlanDiff`:
the list of changes, each with the values as written in the workbooks.
:func:`format_text` and :func:`to_json` present it (``pianodocs diff``);
:func:`revisions_from_diff` states it as model revisions, so that the annex to a
deliberation can be built from the original and the revised workbook. The JSON
structure is documented, with its JSON Schema, in ``docs/diff.md``.

Longer than the 400 lines a module should keep to: the comparison, its two presentations and the revisions
it implies share the change types declared at its top, and follow the schema's fields one by one.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from functools import partial
from typing import Any

import attrs

from . import scoring
from .diff_piao import ELEMENTS as PIAO_ELEMENTS
from .diff_piao import FIELDS as PIAO_FIELDS
from .diff_piao import piao_changes
from .model import (
    Act,
    Indicator,
    OperationalObjective,
    Plan,
    Revision,
    RevisionKind,
    StrategicObjective,
)
from .schema import SHEETS_BY_NAME, Sheet, as_written
from .values import format_date

INDICATOR = "indicatore"
STRATEGIC = "obiettivo strategico"
OPERATIONAL = "obiettivo operativo"
LINE = "linea strategica"
ACT = "atto"
EMPTY_SHOWN = "(vuoto)"
_LABEL_LENGTH = 60


class ChangeKind(enum.Enum):
    """Tipo di modifica; the value is the ``tipo`` of the JSON output. Text and JSON follow this order."""

    TARGET = "target"
    WEIGHT = "peso"
    INDICATOR_INSERTED = "indicatore_inserito"
    INDICATOR_ELIMINATED = "indicatore_eliminato"
    INDICATOR_MOVED = "indicatore_spostato"
    OBJECTIVE_INSERTED = "obiettivo_inserito"
    OBJECTIVE_ELIMINATED = "obiettivo_eliminato"
    NOTES = "note"
    FIELD = "campo"
    MEASUREMENT = "misurazione"
    REVISION = "revisione"
    ACT = "atto"
    ITEM_INSERTED = "voce_inserita"  # a record of a PIAO sheet (a risk, a measure, a staff category...)
    ITEM_ELIMINATED = "voce_eliminata"


# singular and plural, as in "1 indicatore inserito", "3 indicatori inseriti" (the plural is the heading)
_NAMES = {
    ChangeKind.TARGET: ("target modificato", "target modificati"),
    ChangeKind.WEIGHT: ("peso modificato", "pesi modificati"),
    ChangeKind.INDICATOR_INSERTED: ("indicatore inserito", "indicatori inseriti"),
    ChangeKind.INDICATOR_ELIMINATED: ("indicatore eliminato", "indicatori eliminati"),
    ChangeKind.INDICATOR_MOVED: ("indicatore spostato", "indicatori spostati ad altro obiettivo"),
    ChangeKind.OBJECTIVE_INSERTED: ("obiettivo inserito", "obiettivi inseriti"),
    ChangeKind.OBJECTIVE_ELIMINATED: ("obiettivo eliminato", "obiettivi eliminati"),
    ChangeKind.NOTES: ("nota modificata", "note modificate"),
    ChangeKind.FIELD: ("altro campo modificato", "altri campi modificati"),
    ChangeKind.MEASUREMENT: ("misurazione nuova o modificata", "misurazioni nuove o modificate"),
    ChangeKind.REVISION: ("revisione aggiunta", "revisioni aggiunte"),
    ChangeKind.ACT: ("atto aggiunto o modificato", "atti aggiunti o modificati"),
    ChangeKind.ITEM_INSERTED: ("voce inserita", "voci inserite"),
    ChangeKind.ITEM_ELIMINATED: ("voce eliminata", "voci eliminate"),
}


@attrs.frozen
class Change:
    """Una modifica: one difference between the old and the new plan.

    ``element`` says what changed (indicatore, obiettivo strategico, obiettivo operativo, linea strategica,
    atto); ``code`` is its code and ``label`` its name; ``objective`` the objective it belongs to (for a
    strategic objective its line, for a line or an act nothing). ``field`` is the workbook column (Algoritmo,
    Note, Nel cruscotto...) or, for a revision, its kind (target rivisto...). ``before`` and ``after`` are the
    values as written; None when there was no such thing on that side (a new measurement has no ``before``).
    ``act`` and ``motivation`` come from a revision: the one added, or the one that eliminated the element.
    """

    kind: ChangeKind
    element: str
    code: str
    objective: str
    label: str
    field: str = ""
    year: int | None = None
    date: dt.date | None = None
    before: str | None = None
    after: str | None = None
    act: str = ""
    motivation: str = ""


@attrs.frozen
class PlanVersion:
    """One of the two plans compared: what identifies it to a reader."""

    title: str
    entity: str
    first_year: int
    last_year: int
    monitoring_date: dt.date | None = None
    file: str = ""

    @classmethod
    def of(cls, plan: Plan, file: str = "") -> PlanVersion:
        return cls(plan.title, plan.entity.name, plan.first_year, plan.last_year, plan.monitoring_date, file)


@attrs.frozen
class PlanDiff:
    """Le differenze tra due versioni di un piano, grouped by kind in :class:`ChangeKind` order."""

    old: PlanVersion
    new: PlanVersion
    changes: tuple[Change, ...]
    acts: tuple[Act, ...] = ()  # the acts of both plans, to cite them

    def of_kind(self, kind: ChangeKind) -> tuple[Change, ...]:
        return tuple(change for change in self.changes if change.kind is kind)

    def counts(self) -> dict[ChangeKind, int]:
        """How many changes of each kind, every kind present (zero included), in :class:`ChangeKind` order."""
        found = Counter(change.kind for change in self.changes)
        return {kind: found[kind] for kind in ChangeKind}

    def citation(self, act_code: str) -> str:
        act = next((act for act in self.acts if act.code == act_code), None)
        return act.citation if act is not None else act_code


# --- comparing ---------------------------------------------------------------------------------------

Objective = StrategicObjective | OperationalObjective
# what is compared of an element: (kind of change, column, year) → the value as written
Written = dict[tuple[ChangeKind, str, int | None], str]

# the indicator columns a change of their own compares (or the key): every other one is an "other field"
_OWN_CHANGES = ("code", "objective", "weight", "targets", "notes")


def label(sheet: str, attribute: str) -> str:
    """The workbook column of ``sheet`` that fills ``attribute``: how a change names the field."""
    return next(column.name for column in SHEETS_BY_NAME[sheet].columns if column.attribute == attribute)


def compared_fields(sheet: Sheet = SHEETS_BY_NAME["Indicatori"]) -> tuple[tuple[str, str], ...]:
    """(column, attribute) of the indicator columns compared as "other fields", in the sheet's order."""
    return tuple((c.name, c.attribute) for c in sheet.columns if c.attribute and c.attribute not in _OWN_CHANGES)


_INDICATOR_FIELDS = compared_fields()


def diff_plans(old: Plan, new: Plan, *, old_file: str = "", new_file: str = "") -> PlanDiff:
    """Every change from ``old`` to ``new``; ``old_file`` and ``new_file`` only name the workbooks in the output."""
    changes = [
        *_indicator_changes(old, new),
        *_objective_changes(old, new),
        *_line_changes(old, new),
        *_measurement_changes(old, new),
        *_revision_changes(old, new),
        *_act_changes(old, new),
        *_piao_changes(old, new),
    ]
    order = list(ChangeKind)
    changes.sort(key=lambda change: order.index(change.kind))  # stable: workbook order inside a kind
    acts = new.acts + tuple(act for act in old.acts if new.act(act.code) is None)
    return PlanDiff(PlanVersion.of(old, old_file), PlanVersion.of(new, new_file), tuple(changes), acts)


def _piao_changes(old: Plan, new: Plan) -> Iterator[Change]:
    """The PIAO's sheets (:mod:`pianodocs.diff_piao`): a changed value, a record inserted or eliminated."""

    def field(element: str, code: str, name: str, column: str, year: int | None, before: str, after: str) -> Change:
        return Change(ChangeKind.FIELD, element, code, "", name, column, year, before=before, after=after)

    def inserted(element: str, code: str, name: str) -> Change:
        return Change(ChangeKind.ITEM_INSERTED, element, code, "", name)

    def eliminated(element: str, code: str, name: str) -> Change:
        return Change(ChangeKind.ITEM_ELIMINATED, element, code, "", name)

    return piao_changes(old, new, field, inserted, eliminated)


def weight_text(indicator: Indicator) -> str:
    """The weight as every document prints it: ``60%``, or empty."""
    return scoring.weight_text(indicator.weight)


def _compared(before: Written, after: Written, make: Callable[..., Change]) -> Iterator[Change]:
    """A change for each value written differently (a missing one is empty), years in order."""
    keys = sorted(dict.fromkeys([*before, *after]), key=lambda key: key[2] or 0)
    for kind, column, year in keys:
        old_text, new_text = before.get((kind, column, year), ""), after.get((kind, column, year), "")
        if old_text != new_text:
            yield make(kind, field=column, year=year, before=old_text, after=new_text)


def _eliminated_by_revision(old: Plan, new: Plan, code: str, make: Callable[..., Change], kind: ChangeKind) -> Iterator[Change]:
    """Present in both plans, but eliminated by a revision that the new plan records and the old one does not."""
    kinds = (RevisionKind.INDICATOR_ELIMINATED, RevisionKind.OBJECTIVE_ELIMINATED)
    found = [next((r for r in plan.revisions if r.kind in kinds and r.element == code), None) for plan in (old, new)]
    if found[0] is None and (revision := found[1]) is not None:
        yield make(kind, field="Revisione", act=revision.act, motivation=revision.motivation)


def _indicator_written(indicator: Indicator) -> Written:
    targets = label("Indicatori", "targets")
    written: Written = {(ChangeKind.TARGET, targets, year): target.text for year, target in indicator.targets.items()}
    written[ChangeKind.WEIGHT, label("Indicatori", "weight"), None] = weight_text(indicator)
    written[ChangeKind.NOTES, label("Indicatori", "notes"), None] = indicator.notes
    for column, attribute in _INDICATOR_FIELDS:
        value = getattr(indicator, attribute)
        if isinstance(value, Mapping):  # a per-year column
            written.update(((ChangeKind.FIELD, column, year), as_written(item)) for year, item in value.items())
        else:
            written[ChangeKind.FIELD, column, None] = as_written(value)
    return written


def _indicator_changes(old: Plan, new: Plan) -> Iterator[Change]:
    before = {indicator.code: indicator for indicator in old.indicators}
    for indicator in new.indicators:
        make = partial(Change, element=INDICATOR, code=indicator.code, objective=indicator.objective, label=indicator.name)
        previous = before.get(indicator.code)
        if previous is None:
            yield make(ChangeKind.INDICATOR_INSERTED)
            continue
        yield from _eliminated_by_revision(old, new, indicator.code, make, ChangeKind.INDICATOR_ELIMINATED)
        if previous.objective != indicator.objective:
            moved = label("Indicatori", "objective")
            yield make(ChangeKind.INDICATOR_MOVED, field=moved, before=previous.objective, after=indicator.objective)
        yield from _compared(_indicator_written(previous), _indicator_written(indicator), make)
    current = {indicator.code for indicator in new.indicators}
    for indicator in old.indicators:
        if indicator.code not in current:
            yield Change(ChangeKind.INDICATOR_ELIMINATED, INDICATOR, indicator.code, indicator.objective, indicator.name)


def _objectives(plan: Plan) -> dict[tuple[str, str], Objective]:
    found: dict[tuple[str, str], Objective] = {(STRATEGIC, o.code): o for o in plan.strategic_objectives}
    found.update(((OPERATIONAL, o.code), o) for o in plan.operational_objectives)
    return found


def _parent(objective: Objective) -> str:
    return objective.line if isinstance(objective, StrategicObjective) else objective.strategic_objective


def _objective_written(objective: Objective) -> Written:
    strategic = isinstance(objective, StrategicObjective)
    sheet = "Obiettivi strategici" if strategic else "Obiettivi operativi"
    written: Written = (
        {(ChangeKind.NOTES, label(sheet, "notes"), None): objective.notes} if isinstance(objective, StrategicObjective) else {}
    )
    written[ChangeKind.FIELD, label(sheet, "name"), None] = objective.name
    written[ChangeKind.FIELD, label(sheet, "line" if strategic else "strategic_objective"), None] = _parent(objective)
    written[ChangeKind.FIELD, label(sheet, "description"), None] = objective.description
    if isinstance(objective, OperationalObjective):  # the PIAO's marks of section 2.2
        written[ChangeKind.FIELD, label(sheet, "piao_dimensions"), None] = as_written(objective.piao_dimensions)
    return written


def _objective_changes(old: Plan, new: Plan) -> Iterator[Change]:
    """Objectives inserted or eliminated (also into or out of the cruscotto), their notes and fields."""
    before, after = _objectives(old), _objectives(new)
    for (element, code), objective in after.items():
        make = partial(Change, element=element, code=code, objective=_parent(objective), label=objective.name)
        previous = before.get((element, code))
        if previous is None:
            yield make(ChangeKind.OBJECTIVE_INSERTED)
            continue
        yield from _eliminated_by_revision(old, new, code, make, ChangeKind.OBJECTIVE_ELIMINATED)
        if previous.in_dashboard != objective.in_dashboard:
            kind = ChangeKind.OBJECTIVE_INSERTED if objective.in_dashboard else ChangeKind.OBJECTIVE_ELIMINATED
            dashboard = (as_written(previous.in_dashboard), as_written(objective.in_dashboard))
            yield make(kind, field=label("Obiettivi strategici", "in_dashboard"), before=dashboard[0], after=dashboard[1])
        yield from _compared(_objective_written(previous), _objective_written(objective), make)
    for (element, code), objective in before.items():
        if (element, code) not in after:
            yield Change(ChangeKind.OBJECTIVE_ELIMINATED, element, code, _parent(objective), objective.name)


def _line_changes(old: Plan, new: Plan) -> Iterator[Change]:
    """A line's "Nota non declinata": the sentence that says why the line has no objectives."""
    before = {line.code: line for line in old.lines}
    for line in new.lines:
        if (previous := before.get(line.code)) is not None:
            make = partial(Change, element=LINE, code=line.code, objective="", label=line.name)
            column = (ChangeKind.NOTES, label("Linee strategiche", "not_declined_note"), None)
            yield from _compared({column: previous.not_declined_note}, {column: line.not_declined_note}, make)


def _measurement_changes(old: Plan, new: Plan) -> Iterator[Change]:
    """Measurements by indicator and date: new ones (no ``before``), changed, removed (no ``after``)."""
    indicators = {i.code: i for i in old.indicators} | {i.code: i for i in new.indicators}
    before = {(m.indicator, m.date): m for m in old.measurements}
    after = {(m.indicator, m.date): m for m in new.measurements}
    for code, date in dict.fromkeys([*after, *before]):
        previous, current = before.get((code, date)), after.get((code, date))
        indicator = indicators.get(code)
        make = partial(
            Change, ChangeKind.MEASUREMENT, INDICATOR, code, indicator.objective if indicator else "",
            indicator.name if indicator else code, date=date,
        )  # fmt: skip
        old_value, new_value = (previous.value.text if previous else None), (current.value.text if current else None)
        if old_value != new_value:
            yield make(field=label("Misurazioni", "value"), before=old_value, after=new_value)
        if previous and current and previous.note != current.note:
            yield make(field=label("Misurazioni", "note"), before=previous.note, after=current.note)


def added_revisions(old: Plan, new: Plan) -> tuple[Revision, ...]:
    """The revisions the new plan records and the old one does not, in the new plan's order."""
    remaining = Counter(old.revisions)
    added = []
    for revision in new.revisions:
        if remaining[revision]:
            remaining[revision] -= 1
        else:
            added.append(revision)
    return tuple(added)


def _revision_changes(old: Plan, new: Plan) -> Iterator[Change]:
    """Each revision added, with the element it revises looked up among indicators, objectives and lines."""
    elements = {line.code: (LINE, "", line.name) for line in (*old.lines, *new.lines)}
    for (kind, code), found in (_objectives(old) | _objectives(new)).items():
        elements[code] = (kind, _parent(found), found.name)
    for indicator in (*old.indicators, *new.indicators):
        elements[indicator.code] = (INDICATOR, indicator.objective, indicator.name)
    for revision in added_revisions(old, new):
        element, objective, label = elements.get(revision.element, ("", "", revision.element))
        yield Change(
            ChangeKind.REVISION, element, revision.element, objective, label, revision.kind.value, revision.year,
            before=revision.previous, after=revision.new, act=revision.act, motivation=revision.motivation,
        )  # fmt: skip


def _act_changes(old: Plan, new: Plan) -> Iterator[Change]:
    """Acts added, changed or removed; the value is the citation and the subject."""

    def written(act: Act | None) -> str | None:
        return " - ".join(part for part in (act.citation, act.subject) if part) if act else None

    for act in (*new.acts, *(act for act in old.acts if new.act(act.code) is None)):
        previous, current = written(old.act(act.code)), written(new.act(act.code))
        if previous != current:
            yield Change(ChangeKind.ACT, ACT, act.code, "", act.subject, before=previous, after=current)


# --- text ----------------------------------------------------------------------------------------------


def format_text(diff: PlanDiff) -> str:
    """The changes as Italian text: a heading per kind of change, one line per change, then a summary line."""
    lines = [f"Differenze tra {_version_text(diff.old)} e {_version_text(diff.new)}", ""]
    if not diff.changes:
        return "\n".join([*lines, "Nessuna differenza."]) + "\n"
    for kind, count in diff.counts().items():
        if count:
            lines.append(f"{_NAMES[kind][1].capitalize()} ({count})")
            lines.extend(f"  - {change_text(diff, change)}" for change in diff.of_kind(kind))
            lines.append("")
    lines.append(summary(diff))
    return "\n".join(lines) + "\n"


def summary(diff: PlanDiff) -> str:
    """``Riepilogo: 2 target modificati, 1 indicatore inserito; 3 differenze in tutto.``"""
    parts = [f"{count} {_NAMES[kind][count != 1]}" for kind, count in diff.counts().items() if count]
    total = len(diff.changes)
    return f"Riepilogo: {', '.join(parts)}; {total} {'differenza' if total == 1 else 'differenze'} in tutto."


def change_text(diff: PlanDiff, change: Change) -> str:
    """One change as a line of text, values as written (an empty one shown as ``(vuoto)``)."""
    subject = _subject(change)
    values = f"{_shown(change.before)} → {_shown(change.after)}"
    field = f"{change.field} {change.year}" if change.year else change.field
    match change.kind:
        case ChangeKind.TARGET | ChangeKind.WEIGHT | ChangeKind.NOTES | ChangeKind.FIELD:
            return f"{field} di {subject}: {values}"
        case ChangeKind.INDICATOR_MOVED:
            return f"{subject}: obiettivo {values}"
        case ChangeKind.MEASUREMENT:
            what = "Misurazione" if change.field == label("Misurazioni", "value") else "Nota della misurazione"
            return f"{what} del {format_date(change.date) if change.date else ''} di {subject}: {_presence(change, 'nuova', 'eliminata')}"
        case ChangeKind.REVISION:
            return f"{field.capitalize()}: {subject}{_revised_values(change)} — {diff.citation(change.act)}"
        case ChangeKind.ACT:
            return f"{change.code}: {_presence(change, 'nuovo', 'eliminato')}"
    subject = subject[0].upper() + subject[1:]
    if change.field == label("Obiettivi strategici", "in_dashboard"):
        placed = "inserito nel cruscotto" if change.after == "si" else "tolto dal cruscotto"
        return f"{subject}: {placed} (Nel cruscotto: {values})"
    if change.field == "Revisione":
        return f"{subject}: eliminato con {diff.citation(change.act)}"
    return subject


def _version_text(version: PlanVersion) -> str:
    return f"«{version.title}»" + (f" ({version.file})" if version.file else "")


def _subject(change: Change) -> str:
    """``«Grado di utilizzo…» (IND-B21-1, B.2.1)``, ``obiettivo strategico «…» (C, linea C)``..."""
    label = _short(change.label)
    if change.element == STRATEGIC:
        return f"obiettivo strategico «{label}» ({change.code}, linea {change.objective})"
    if change.element == OPERATIONAL:
        return f"obiettivo operativo «{label}» ({change.code}, {change.objective})"
    if change.element == LINE:
        return f"linea strategica «{label}» ({change.code})"
    if change.element in PIAO_FIELDS.values():  # a PIAO fields sheet, named by its sheet
        return f"«{label}»"
    if change.element in PIAO_ELEMENTS:  # a PIAO sheet's record
        named = f" «{label}»" if label else ""
        return f"{change.element}{named}" + (f" ({change.code})" if change.code else "")
    codes = ", ".join(code for code in (change.code, change.objective) if code)
    return f"«{label}» ({codes})"


def _short(label: str) -> str:
    if len(label) <= _LABEL_LENGTH:
        return label
    cut = label[:_LABEL_LENGTH].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-") + "…"


def _shown(text: str | None) -> str:
    return text if text else EMPTY_SHOWN


def _presence(change: Change, added: str, removed: str) -> str:
    if change.before is None:
        return f"{_shown(change.after)} ({added})"
    if change.after is None:
        return f"{_shown(change.before)} ({removed})"
    return f"{_shown(change.before)} → {_shown(change.after)}"


def _revised_values(change: Change) -> str:
    if change.before and change.after:
        return f", {change.before} → {change.after}"
    if change.before:
        return f", valore precedente {change.before}"
    return f", nuovo valore {change.after}" if change.after else ""


# --- JSON ----------------------------------------------------------------------------------------------


def to_json(diff: PlanDiff) -> dict[str, Any]:
    """The diff as JSON-ready data with Italian keys, in a fixed key order (see the schema in docs/diff.md)."""
    return {
        "vecchio": _version_json(diff.old),
        "nuovo": _version_json(diff.new),
        "modifiche": [_change_json(change) for change in diff.changes],
        "riepilogo": {kind.value: count for kind, count in diff.counts().items()},
    }


def _version_json(version: PlanVersion) -> dict[str, Any]:
    data: dict[str, Any] = {
        "titolo": version.title,
        "ente": version.entity,
        "primo_anno": version.first_year,
        "ultimo_anno": version.last_year,
        "data_monitoraggio": version.monitoring_date.isoformat() if version.monitoring_date else None,
    }
    if version.file:
        data["file"] = version.file
    return data


def _change_json(change: Change) -> dict[str, Any]:
    return {
        "tipo": change.kind.value,
        "elemento": change.element,
        "codice": change.code,
        "obiettivo": change.objective,
        "nome": change.label,
        "campo": change.field,
        "anno": change.year,
        "data": change.date.isoformat() if change.date else None,
        "prima": change.before,
        "dopo": change.after,
        "atto": change.act,
        "motivazione": change.motivation,
    }


# --- as revisions --------------------------------------------------------------------------------------


def revisions_from_diff(old: Plan, new: Plan, act_code: str) -> tuple[Revision, ...]:
    """The changes from ``old`` to ``new`` as the revisions of act ``act_code``: the annex to its deliberation.

    First the revisions of that act that the new plan adds, as recorded; then one revision per change the
    new plan does not already record (same kind, element and year): target rivisto (with year, previous and
    new target), peso rivisto, indicatore inserito (with the target of the reference year), indicatore
    eliminato (with its weight; weights re-spread when other weights of its objective changed), obiettivo
    inserito / eliminato (also into or out of the cruscotto), indicatore aggiornato (other fields, or
    another objective). The motivation is the element's new notes, when they changed.
    """
    diff = diff_plans(old, new)
    recorded = {(revision.kind, revision.element, revision.year) for revision in new.revisions}
    notes = {(change.element, change.code): change.after or "" for change in diff.of_kind(ChangeKind.NOTES)}
    respread = {change.objective for change in diff.of_kind(ChangeKind.WEIGHT)}
    old_indicators = {indicator.code: indicator for indicator in old.indicators}
    new_indicators = {indicator.code: indicator for indicator in new.indicators}
    derived: list[Revision] = []
    updates: dict[str, list[Change]] = {}
    for change in diff.changes:
        motivation = notes.get((change.element, change.code), "")
        revision = None
        if change.kind in (ChangeKind.TARGET, ChangeKind.WEIGHT):
            kind = RevisionKind.TARGET_REVISED if change.kind is ChangeKind.TARGET else RevisionKind.WEIGHT_REVISED
            revision = Revision(kind, change.code, act_code, change.year, change.before or "", change.after or "", motivation)
        elif change.kind is ChangeKind.INDICATOR_INSERTED:
            target = new_indicators[change.code].target(new.reference_year)
            year = new.reference_year if target else None
            revision = Revision(
                RevisionKind.INDICATOR_INSERTED, change.code, act_code, year, new=str(target or ""), motivation=motivation
            )
        elif change.kind is ChangeKind.INDICATOR_ELIMINATED:
            weight = weight_text(old_indicators[change.code])
            revision = Revision(
                RevisionKind.INDICATOR_ELIMINATED, change.code, act_code, previous=weight,
                motivation=motivation, respread_weights=change.objective in respread,
            )  # fmt: skip
        elif change.kind in (ChangeKind.OBJECTIVE_INSERTED, ChangeKind.OBJECTIVE_ELIMINATED):
            inserted = change.kind is ChangeKind.OBJECTIVE_INSERTED
            kind = RevisionKind.OBJECTIVE_INSERTED if inserted else RevisionKind.OBJECTIVE_ELIMINATED
            revision = Revision(kind, change.code, act_code, motivation=motivation)
        elif change.kind in (ChangeKind.FIELD, ChangeKind.INDICATOR_MOVED) and change.element == INDICATOR:
            updates.setdefault(change.code, []).append(change)
        if revision is not None and (revision.kind, revision.element, revision.year) not in recorded:
            derived.append(revision)
    for code, changes in updates.items():
        if (RevisionKind.INDICATOR_UPDATED, code, None) not in recorded:
            derived.append(_update(code, changes, act_code, notes.get((INDICATOR, code), "")))
    own = tuple(revision for revision in added_revisions(old, new) if revision.act == act_code)
    return own + tuple(derived)


def _update(code: str, changes: list[Change], act_code: str, motivation: str) -> Revision:
    """``indicatore aggiornato``: ``Algoritmo: A/B; Fonte: Kronos`` → ``Algoritmo: A/C; Fonte: Oracle``."""

    def side(value: Callable[[Change], str | None]) -> str:
        return "; ".join(f"{change.field} {change.year or ''}".strip() + f": {_shown(value(change))}" for change in changes)

    return Revision(
        RevisionKind.INDICATOR_UPDATED, code, act_code,
        previous=side(lambda change: change.before), new=side(lambda change: change.after), motivation=motivation,
    )  # fmt: skip
