"""Score a plan at a date: each indicator's achievement, then the weighted roll-up up the performance tree.

:func:`score` reads the plan (targets, measurements, revisions and their acts) and
returns a :class:`Scorecard`: for every indicator the measurement and target that
apply at the date, its achievement (0-1) or why it cannot be assessed ("non
valutabile"), and the rule used as an Italian sentence an OIV reader can check by
hand; for every objective, line, perspective and the whole ente the weighted mean
and whether it reaches the threshold, and the Segretario generale's card as the mean
of its objectives weighted by the card. It neither reads workbooks nor lays out
documents; docs/scoring.md states every rule with a worked example.

Longer than the 400 lines a module should keep to: it is one engine, its rules and its
roll-up sharing the private outcome and weight types, in the order docs/scoring.md follows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import TypeVar

import attrs

from .model import Direction, Indicator, Measurement, Plan, Revision, RevisionKind
from .values import (
    Comparison,
    Target,
    TargetKind,
    Value,
    ValueKind,
    format_date,
    format_number,
    format_percent,
    parse_target,
    parse_value,
)

ZERO, ONE, HUNDRED = Decimal(0), Decimal(1), Decimal(100)
_RELATION = {
    Comparison.AT_LEAST: "≥",
    Comparison.MORE_THAN: ">",
    Comparison.AT_MOST: "≤",
    Comparison.LESS_THAN: "<",
    Comparison.EQUAL: "=",
}


def percent_text(achievement: Decimal | None) -> str:
    """An achievement as 004 prints it: whole percent, halves rounded up (0,925 → ``93%``); ``""`` when None."""
    if achievement is None:
        return ""
    return format_percent((achievement * HUNDRED).quantize(ONE, ROUND_HALF_UP) / HUNDRED, 0)


def weight_text(weight: Decimal | None) -> str:
    """A weight as every document and the open data print it: ``30%``, ``88,89%`` (at most two decimals, halves up).

    ``""`` when there is none. The one rule for a weight as written and a weight the engine computed
    (re-spread after an elimination, normalised in a mean), so a weight prints the same everywhere.
    """
    if weight is None:
        return ""
    return format_percent((weight * HUNDRED).quantize(Decimal("0.01"), ROUND_HALF_UP) / HUNDRED)


@attrs.frozen
class IndicatorScore:
    """Grado di raggiungimento di un indicatore alla data: measurement, target, achievement and the rule used.

    ``achievement`` is None when the indicator is "non valutabile"; ``reason`` then says why.
    ``counted`` is False for an indicator eliminated (or not yet inserted) by a revision at the date:
    an eliminated one is still scored, but no roll-up uses it. ``inserted`` is False before the act that
    inserts the indicator (or its objective): it does not exist yet at the date, so it is not scored and
    documents neither list it nor count it as eliminated. ``weight`` is the weight in force at the date.
    """

    indicator: Indicator
    measurement: Measurement | None
    target: Target | None
    achievement: Decimal | None
    rule: str
    reason: str = ""
    target_revised: bool = False
    manual: bool = False
    weight: Decimal | None = None
    counted: bool = True
    status: str = ""
    inserted: bool = True

    @property
    def code(self) -> str:
        return self.indicator.code

    @property
    def evaluable(self) -> bool:
        return self.achievement is not None

    @property
    def percent(self) -> str:
        """``26%``, or ``""`` when not evaluable."""
        return percent_text(self.achievement)


@attrs.frozen
class Part:
    """One term of a weighted mean: an indicator or a lower group, with the (normalised) weight used."""

    code: str
    name: str
    weight: Decimal
    achievement: Decimal


@attrs.frozen
class GroupScore:
    """Grado di raggiungimento di un obiettivo, una linea, una prospettiva o dell'ente: a weighted mean.

    ``level`` is Italian (``obiettivo operativo``, ``obiettivo strategico``, ``linea strategica``,
    ``prospettiva``, ``ente``); ``parts`` the terms of the mean; ``not_evaluable`` the codes of the
    items left out because they cannot be assessed; ``notes`` what the reader should know (weights
    normalised, items without weight, objectives outside the cruscotto di ente).
    """

    level: str
    code: str
    name: str
    achievement: Decimal | None
    reached: bool | None
    rule: str
    parts: tuple[Part, ...] = ()
    not_evaluable: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def evaluable(self) -> bool:
        return self.achievement is not None

    @property
    def percent(self) -> str:
        return percent_text(self.achievement)


@attrs.frozen
class Scorecard:
    """Every score of a plan at a date, for the targets of ``year``, with lookups by code."""

    at: dt.date
    year: int
    threshold: Decimal
    indicators: tuple[IndicatorScore, ...]
    objectives: tuple[GroupScore, ...]
    lines: tuple[GroupScore, ...]
    perspectives: tuple[GroupScore, ...]
    ente: GroupScore

    def indicator(self, code: str) -> IndicatorScore:
        return _find(self.indicators, code, "indicatore")

    def objective(self, code: str) -> GroupScore:
        """An operational or strategic objective."""
        return _find(self.objectives, code, "obiettivo")

    def line(self, code: str) -> GroupScore:
        return _find(self.lines, code, "linea strategica")

    def perspective(self, code: str) -> GroupScore:
        return _find(self.perspectives, code, "prospettiva")


_Scored = TypeVar("_Scored", IndicatorScore, GroupScore)


def _find(items: Sequence[_Scored], code: str, what: str) -> _Scored:
    for item in items:
        if item.code == code:
            return item
    raise KeyError(f"{what} '{code}' non presente nella valutazione")


# --- indicators ---------------------------------------------------------------------------------


@attrs.frozen
class _Outcome:
    achievement: Decimal | None
    text: str  # the rule when assessed, the reason when not


def _not_evaluable(reason: str) -> _Outcome:
    return _Outcome(None, reason)


def score(plan: Plan, at: dt.date, *, year: int | None = None, threshold: Decimal | None = None) -> Scorecard:
    """Score every indicator of ``plan`` at ``at`` against the targets of ``year`` (default ``at.year``), then roll up.

    ``threshold`` (default the plan's, 80%) decides whether a group is ``reached``.
    Revisions count only when their act is dated on or before ``at`` (an act without a date counts).
    """
    year = at.year if year is None else year
    threshold = plan.threshold if threshold is None else threshold
    revisions = _applying(plan, at)
    status, objective_status, pending = _status(plan, revisions)
    weights = _weights(plan, revisions, status)
    indicators = tuple(
        _not_yet_inserted(indicator, status[indicator.code])
        if indicator.code in pending
        else _score_indicator(plan, indicator, at, year, revisions, weights.get(indicator.code), status.get(indicator.code, ""))
        for indicator in plan.indicators
    )
    return _roll_up(plan, at, year, threshold, indicators, objective_status)


def _applying(plan: Plan, at: dt.date) -> list[Revision]:
    """The revisions in force at ``at``, oldest act first (undated acts count, first)."""
    dated = []
    for revision in plan.revisions:
        act = plan.act(revision.act)
        date = act.date if act is not None else None
        if date is None or date <= at:
            dated.append((date or dt.date.min, revision))
    return [revision for _, revision in sorted(dated, key=lambda pair: pair[0])]


def _citation(plan: Plan, revision: Revision) -> str:
    act = plan.act(revision.act)
    return act.citation if act is not None else revision.act


def _status(plan: Plan, revisions: Sequence[Revision]) -> tuple[dict[str, str], dict[str, str], set[str]]:
    """What does not count at the date, with why: indicators and objectives eliminated, or not yet inserted.

    The third item holds the indicators that do not exist yet at the date (their insertion, or their
    objective's, comes later).
    """
    indicators: dict[str, str] = {}
    objectives: dict[str, str] = {}
    pending: set[str] = set()
    applied = {(r.kind, r.element) for r in revisions}
    for revision in plan.revisions:
        if (revision.kind, revision.element) in applied:
            continue
        if revision.kind is RevisionKind.INDICATOR_INSERTED:
            indicators[revision.element] = f"non ancora inserito ({_citation(plan, revision)})"
            pending.add(revision.element)
        elif revision.kind is RevisionKind.OBJECTIVE_INSERTED:
            objectives[revision.element] = f"non ancora inserito ({_citation(plan, revision)})"
            pending.update(indicator.code for indicator in _indicators_under(plan, revision.element))
    for revision in revisions:
        if revision.kind is RevisionKind.INDICATOR_ELIMINATED:
            indicators[revision.element] = f"eliminato con {_citation(plan, revision)}"
        elif revision.kind is RevisionKind.OBJECTIVE_ELIMINATED:
            objectives[revision.element] = f"eliminato con {_citation(plan, revision)}"
    for objective, why in objectives.items():
        for indicator in _indicators_under(plan, objective):
            indicators.setdefault(indicator.code, f"obiettivo {objective} {why}")
    return indicators, objectives, pending


def _indicators_under(plan: Plan, objective: str) -> list[Indicator]:
    operational = {o.code for o in plan.operational_objectives if o.strategic_objective == objective}
    return [i for i in plan.indicators if i.objective == objective or i.objective in operational]


def _weights(plan: Plan, revisions: Sequence[Revision], status: dict[str, str]) -> dict[str, Decimal | None]:
    """The weight of each indicator at the date: 'peso rivisto' applied, eliminated weights re-spread where asked."""
    weights: dict[str, Decimal | None] = {i.code: i.weight for i in plan.indicators}
    for revision in revisions:
        if revision.kind is RevisionKind.WEIGHT_REVISED and revision.element in weights:
            new = parse_value(revision.new)
            if new.number is not None:
                weights[revision.element] = (
                    new.number / HUNDRED if new.kind is ValueKind.NUMBER and new.number > 1 else new.number
                )
    objective_of = {i.code: i.objective for i in plan.indicators}
    for revision in revisions:
        if revision.kind is not RevisionKind.INDICATOR_ELIMINATED or not revision.respread_weights:
            continue
        # the remaining weights of the objective are brought back to 100%, each in proportion to its own
        siblings = [
            code
            for code, objective in objective_of.items()
            if objective == objective_of.get(revision.element) and code not in status and weights[code] is not None
        ]
        total = sum((weights[code] or ZERO for code in siblings), ZERO)
        for code in siblings if total else ():
            weights[code] = (weights[code] or ZERO) / total
    return weights


def _score_indicator(
    plan: Plan,
    indicator: Indicator,
    at: dt.date,
    year: int,
    revisions: Sequence[Revision],
    weight: Decimal | None,
    status: str,
) -> IndicatorScore:
    target, revision = _target(indicator, year, revisions)
    measurement = _measurement(plan, indicator.code, at, year)
    if measurement is not None and measurement.manual_achievement is not None:
        note = f" (nota: {measurement.note})" if measurement.note else ""
        outcome = _Outcome(
            measurement.manual_achievement,
            f"valutazione manuale, che prevale sulla regola automatica: {percent_text(measurement.manual_achievement)}{note}",
        )
    else:
        outcome = _evaluate(plan, indicator, target, measurement, at, year)
    if outcome.achievement is not None and revision is not None:
        outcome = _Outcome(outcome.achievement, f"{outcome.text} (target rivisto con {_citation(plan, revision)})")
    return IndicatorScore(
        indicator=indicator,
        measurement=measurement,
        target=target,
        achievement=outcome.achievement,
        rule=outcome.text if outcome.achievement is not None else f"non valutabile: {outcome.text}",
        reason="" if outcome.achievement is not None else outcome.text,
        target_revised=revision is not None,
        manual=measurement is not None and measurement.manual_achievement is not None,
        weight=weight,
        counted=not status,
        status=status,
    )


def _not_yet_inserted(indicator: Indicator, status: str) -> IndicatorScore:
    """An indicator that does not exist yet at the date: neither measured nor scored, and counted nowhere."""
    return IndicatorScore(
        indicator=indicator,
        measurement=None,
        target=None,
        achievement=None,
        rule=f"non valutabile: {status}",
        reason=status,
        weight=indicator.weight,
        counted=False,
        status=status,
        inserted=False,
    )


def target_in_force(plan: Plan, indicator: Indicator, year: int, at: dt.date) -> tuple[Target | None, Revision | None]:
    """The target of ``year`` in force at ``at``, with the revision that set it (None for the original)."""
    return _target(indicator, year, _applying(plan, at))


def _target(indicator: Indicator, year: int, revisions: Sequence[Revision]) -> tuple[Target | None, Revision | None]:
    """The target of ``year``: the latest 'target rivisto' in force, else the original."""
    revised = [r for r in revisions if r.kind is RevisionKind.TARGET_REVISED and r.element == indicator.code and r.year == year]
    if revised:
        return parse_target(revised[-1].new), revised[-1]
    return indicator.target(year), None


def _measurement(plan: Plan, code: str, at: dt.date, year: int) -> Measurement | None:
    """The latest measurement of ``year`` dated on or before ``at``."""
    found = [m for m in plan.measurements_of(code) if m.date <= at and m.date.year == year]
    return found[-1] if found else None


def _evaluate(
    plan: Plan, indicator: Indicator, target: Target | None, measurement: Measurement | None, at: dt.date, year: int
) -> _Outcome:
    if target is None or target.kind is TargetKind.NONE:
        return _not_evaluable(f"nessun target per il {year}")
    if measurement is None:
        return _not_evaluable(f"nessuna misurazione al {format_date(at)}")
    value = measurement.value
    if value.is_empty:
        return _not_evaluable(f"misurazione senza valore ('{value.text}')")
    if target.kind is TargetKind.FREE_TEXT:
        if value.text.casefold() == target.text.casefold():
            return _Outcome(ONE, f"target a testo libero: il valore '{value.text}' coincide con il target = 100%")
        return _not_evaluable(f"target a testo libero ('{target.text}'): serve una valutazione manuale")
    if target.kind is TargetKind.YES_NO:
        return _yes_no(value)
    if target.kind is TargetKind.DEADLINE:
        return _deadline(target, measurement)
    if target.kind is TargetKind.PREVIOUS_YEAR:
        previous = _previous_year_value(plan, indicator, year)
        if previous is None:
            return _not_evaluable(f"manca il valore del {year - 1} con cui confrontare")
        lead = f"rispetto all'anno precedente ({target.text}; {year - 1}: {previous.text})"
        return _compare(value, previous, target.comparison or Comparison.AT_LEAST, lead)
    if target.kind is TargetKind.BENCHMARK:
        mean = indicator.cluster_mean
        if mean is None or mean.number is None:
            return _not_evaluable("manca la media cluster con cui confrontare")
        return _compare(
            value, mean, target.comparison or Comparison.AT_LEAST, f"rispetto alla media cluster ({target.text}: {mean.text})"
        )
    assert target.threshold is not None  # LEVEL and COMPARISON always carry one
    if target.kind is TargetKind.COMPARISON:
        assert target.comparison is not None
        return _compare(
            value, target.threshold, target.comparison, f"target {_RELATION[target.comparison]} {target.threshold.text}"
        )
    if indicator.direction is Direction.LOWER_IS_BETTER:
        return _compare(value, target.threshold, Comparison.AT_MOST, "più basso è meglio")
    return _compare(value, target.threshold, Comparison.AT_LEAST, "più alto è meglio")


def _yes_no(value: Value) -> _Outcome:
    flag = value.flag
    if flag is None and value.kind in (ValueKind.NUMBER, ValueKind.PERCENT) and value.number in (ZERO, ONE):
        flag = value.number == ONE
    if flag is None:
        return _not_evaluable(f"il valore '{value.text}' non è un sì/no")
    if flag:
        return _Outcome(ONE, f"sì/no: '{value.text}', realizzato = 100%")
    return _Outcome(ZERO, f"sì/no: '{value.text}', non realizzato = 0%")


def _deadline(target: Target, measurement: Measurement) -> _Outcome:
    assert target.deadline is not None
    deadline = format_date(target.deadline)
    value = measurement.value
    if value.date is not None:
        done, how = value.date, f"realizzato il {format_date(value.date)}"
    elif value.flag is True:
        done, how = measurement.date, f"'{value.text}' rilevato al {format_date(measurement.date)}"
    elif value.flag is False:
        return _Outcome(ZERO, f"scadenza {deadline}: non ancora realizzato al {format_date(measurement.date)} = 0%")
    else:
        return _not_evaluable(f"il valore '{value.text}' non è una data né un sì/no (target: scadenza {deadline})")
    if done <= target.deadline:
        return _Outcome(ONE, f"scadenza {deadline}: {how}, entro la scadenza = 100%")
    return _Outcome(ZERO, f"scadenza {deadline}: {how}, oltre la scadenza = 0%")


def _previous_year_value(plan: Plan, indicator: Indicator, year: int) -> Value | None:
    """The previous year's value: its history, else its latest measurement of that year."""
    history = indicator.history.get(year - 1)
    if history is not None and history.number is not None:
        return history
    earlier = [m.value for m in plan.measurements_of(indicator.code) if m.date.year == year - 1 and m.value.number is not None]
    return earlier[-1] if earlier else None


def _compare(value: Value, goal: Value, comparison: Comparison, lead: str) -> _Outcome:
    """Compare a measured value with a goal: met → 100%, otherwise proportional (see docs/scoring.md)."""
    assert goal.number is not None
    actual = _actual(value, goal)
    if actual is None:
        return _not_evaluable(f"il valore '{value.text}' non è un numero confrontabile con il target {goal.text}")
    number, shown = actual
    target_number, target_shown = _goal(goal, value)
    if comparison is Comparison.EQUAL:
        return _equal(number, shown, target_number, target_shown, lead)
    lower = comparison.lower_is_better
    return _proportional(number, shown, target_number, target_shown, lower, lead)


def _actual(value: Value, goal: Value) -> tuple[Decimal, str] | None:
    """The measured number and how to show it: ``4 su 8`` against a share target is 4/8; a percentage against points."""
    assert goal.number is not None
    if value.number is None:
        if value.flag is not None and goal.number == ONE:
            return (ONE if value.flag else ZERO), f"'{value.text}' = {1 if value.flag else 0}"
        return None
    if value.out_of is not None:
        if goal.number <= ONE:
            return value.number / value.out_of, f"({format_number(value.number)} / {format_number(value.out_of)})"
        return value.number, format_number(value.number)
    if value.kind is ValueKind.PERCENT and goal.kind is not ValueKind.PERCENT and abs(goal.number) > ONE:
        return value.number * HUNDRED, f"{format_number(value.number * HUNDRED)} ({value.text})"
    return value.number, value.text


def _goal(goal: Value, value: Value) -> tuple[Decimal, str]:
    assert goal.number is not None
    points = value.kind is ValueKind.NUMBER and value.out_of is None and value.number is not None and abs(value.number) > ONE
    if goal.kind is ValueKind.PERCENT and points:
        return goal.number * HUNDRED, f"{format_number(goal.number * HUNDRED)} ({goal.text})"
    return goal.number, goal.text


def _proportional(actual: Decimal, shown: str, goal: Decimal, goal_shown: str, lower: bool, lead: str) -> _Outcome:
    met = actual <= goal if lower else actual >= goal
    relation = "=" if actual == goal else ("<" if actual < goal else ">")
    if goal > 0:
        if lower and actual <= 0:
            return _Outcome(ONE, f"{lead}: raggiunto ({shown} {relation} {goal_shown}) = 100%")
        ratio = goal / actual if lower else actual / goal
        achievement = max(min(ratio, ONE), ZERO)
        formula = f"min({goal_shown} / {shown}; 1)" if lower else f"min({shown} / {goal_shown}; 1)"
        clamp = " (valore negativo: 0%)" if ratio < 0 else ""
        return _Outcome(achievement, f"{lead}: {formula} = {percent_text(achievement)}{clamp}")
    if met:
        return _Outcome(ONE, f"{lead}: raggiunto ({shown} {relation} {goal_shown}) = 100%")
    if goal == 0:
        return _Outcome(ZERO, f"{lead}: target 0 non raggiunto ({shown} {relation} 0) = 0%")
    # a negative goal (payment timeliness, -15 days): the shortfall measured against the goal's size
    achievement = max(ONE - abs(actual - goal) / abs(goal), ZERO)
    formula = f"1 − |{shown} − ({goal_shown})| / {format_number(abs(goal))}"
    return _Outcome(achievement, f"{lead}, target negativo non raggiunto: {formula} = {percent_text(achievement)}")


def _equal(actual: Decimal, shown: str, goal: Decimal, goal_shown: str, lead: str) -> _Outcome:
    if actual == goal:
        return _Outcome(ONE, f"{lead}: raggiunto ({shown} = {goal_shown}) = 100%")
    if actual == 0 or goal == 0 or (actual < 0) != (goal < 0):
        return _Outcome(ZERO, f"{lead}: non raggiunto ({shown} ≠ {goal_shown}, segni o zero diversi) = 0%")
    achievement = min(abs(actual), abs(goal)) / max(abs(actual), abs(goal))
    formula = f"min({shown}; {goal_shown}) / max({shown}; {goal_shown})"
    return _Outcome(achievement, f"{lead}: {formula} = {percent_text(achievement)}")


# --- roll-up ------------------------------------------------------------------------------------


@attrs.frozen
class _Item:
    code: str
    name: str
    weight: Decimal | None
    achievement: Decimal | None


def _mean(
    level: str, code: str, name: str, items: Sequence[_Item], threshold: Decimal, weighted: bool, notes: Iterable[str] = ()
) -> GroupScore:
    """The weighted (or plain) mean of the evaluable items; weights are normalised over those items."""
    notes = list(notes)
    if weighted:
        unweighted = [item.code for item in items if item.weight is None]
        if unweighted:
            notes.append(f"senza peso, esclusi dalla media: {', '.join(unweighted)}")
        items = [item for item in items if item.weight is not None]
        total = sum((item.weight or ZERO for item in items), ZERO)
        if total != ONE:
            notes.append(f"i pesi sommano a {weight_text(total)} invece di 100%: normalizzati")
    missing = [item.code for item in items if item.achievement is None]
    usable = [item for item in items if item.achievement is not None]
    weights = [item.weight or ZERO for item in usable] if weighted else [ONE] * len(usable)
    total = sum(weights, ZERO)
    if not usable or total == 0:
        return GroupScore(level, code, name, None, None, "nessun elemento valutabile", (), tuple(missing), tuple(notes))
    parts = tuple(
        Part(item.code, item.name, weight / total, item.achievement)
        for item, weight in zip(usable, weights, strict=True)
        if item.achievement is not None
    )
    achievement = sum((weight * (item.achievement or ZERO) for item, weight in zip(usable, weights, strict=True)), ZERO) / total
    if weighted:
        terms = " + ".join(f"{percent_text(p.achievement)} × {weight_text(p.weight)}" for p in parts)
        rule = f"media ponderata: {terms} = {percent_text(achievement)}"
    else:
        terms = " + ".join(percent_text(p.achievement) for p in parts)
        rule = f"media semplice: ({terms}) / {len(parts)} = {percent_text(achievement)}"
    return GroupScore(level, code, name, achievement, achievement >= threshold, rule, parts, tuple(missing), tuple(notes))


def _from_group(group: GroupScore) -> _Item:
    return _Item(group.code, group.name, ONE, group.achievement)


def _children(
    groups: dict[str, GroupScore], codes: Sequence[tuple[str, bool]], excluded: dict[str, str]
) -> tuple[list[_Item], list[str]]:
    """Items for the lower groups ``codes`` (code, in the cruscotto di ente), leaving out with a note those that do not count."""
    items: list[_Item] = []
    notes: list[str] = []
    outside = [code for code, in_dashboard in codes if not in_dashboard and code not in excluded]
    if outside:
        notes.append(f"fuori dal cruscotto di ente, non sommati: {', '.join(outside)}")
    for code, in_dashboard in codes:
        if code in excluded:
            notes.append(f"{code} {excluded[code]}, non sommato")
        elif in_dashboard:
            items.append(_from_group(groups[code]))
    return items, notes


def _roll_up(
    plan: Plan,
    at: dt.date,
    year: int,
    threshold: Decimal,
    indicators: tuple[IndicatorScore, ...],
    excluded: dict[str, str],
) -> Scorecard:
    def indicator_mean(level: str, code: str, name: str) -> GroupScore:
        items = [
            _Item(s.code, s.indicator.name, s.weight, s.achievement)
            for s in indicators
            if s.indicator.objective == code and s.counted
        ]
        return _mean(level, code, name, items, threshold, weighted=any(item.weight is not None for item in items))

    operational = {o.code: indicator_mean("obiettivo operativo", o.code, o.name) for o in plan.operational_objectives}
    strategic: dict[str, GroupScore] = {}
    for objective in plan.strategic_objectives:
        own = indicator_mean("obiettivo strategico", objective.code, objective.name)
        children = [(o.code, o.in_dashboard) for o in plan.operational_objectives if o.strategic_objective == objective.code]
        items, notes = _children(operational, children, excluded)
        if not items:
            strategic[objective.code] = attrs.evolve(own, notes=own.notes + tuple(notes))
            continue
        if own.parts or own.not_evaluable:
            items.insert(0, _Item(objective.code, f"indicatori propri di {objective.code}", ONE, own.achievement))
        strategic[objective.code] = _mean("obiettivo strategico", objective.code, objective.name, items, threshold, False, notes)
    lines: dict[str, GroupScore] = {}
    for line in plan.lines:
        children = [(o.code, o.in_dashboard) for o in plan.strategic_objectives if o.line == line.code]
        items, notes = _children(strategic, children, excluded)
        lines[line.code] = _mean("linea strategica", line.code, line.name, items, threshold, False, notes)
    perspectives: dict[str, GroupScore] = {}
    known = {perspective.code for perspective in plan.perspectives}
    shares = _line_shares(plan, strategic, lines, excluded, threshold, known)
    for perspective in plan.perspectives:
        items = [_from_group(share) for share in shares.get(perspective.code, []) if _has_content(share)]
        perspectives[perspective.code] = _mean("prospettiva", perspective.code, perspective.name, items, threshold, False)
    top = [_from_group(group) for group in perspectives.values() if _has_content(group)]
    top += [_from_group(share) for share in shares.get("", []) if _has_content(share)]
    ente = _mean("ente", "ente", plan.entity.name, top, threshold, False)
    return Scorecard(
        at=at,
        year=year,
        threshold=threshold,
        indicators=indicators,
        objectives=(*operational.values(), *strategic.values()),
        lines=tuple(lines.values()),
        perspectives=tuple(perspectives.values()),
        ente=ente,
    )


def _line_shares(
    plan: Plan,
    strategic: dict[str, GroupScore],
    lines: dict[str, GroupScore],
    excluded: dict[str, str],
    threshold: Decimal,
    known: set[str],
) -> dict[str, list[GroupScore]]:
    """Each perspective's part of every line: the line's strategic objectives whose own perspective it is.

    An objective sits under :meth:`Plan.perspective_of` (its own perspective, else its line's). A line whose
    objectives all share one perspective counts there as a whole; a line split across perspectives counts in
    each with the mean of its objectives there. Under ``""``: the shares outside any perspective of the plan,
    which the ente counts beside the perspectives.
    """
    shares: dict[str, list[GroupScore]] = {}
    for line in plan.lines:
        members = [o for o in plan.strategic_objectives if o.line == line.code]
        by_perspective: dict[str, list[tuple[str, bool]]] = {}
        for objective in members:
            perspective = plan.perspective_of(objective.code)
            by_perspective.setdefault(perspective if perspective in known else "", []).append(
                (objective.code, objective.in_dashboard)
            )
        if not members:
            own = line.perspective if line.perspective in known else ""
            shares.setdefault(own, []).append(lines[line.code])
            continue
        for perspective, children in by_perspective.items():
            if len(by_perspective) == 1:
                shares.setdefault(perspective, []).append(lines[line.code])
                continue
            items, notes = _children(strategic, children, excluded)
            name = f"{line.name} (obiettivi della prospettiva {perspective})" if perspective else line.name
            share = _mean("linea strategica", line.code, name, items, threshold, False, notes)
            shares.setdefault(perspective, []).append(share)
    return shares


def _has_content(group: GroupScore) -> bool:
    """A group with something to assess (a line not declined into objectives has nothing)."""
    return bool(group.parts or group.not_evaluable)


@attrs.frozen
class CardScore:
    """The Segretario generale's card: each card objective with its weight and score, and their weighted mean."""

    objectives: tuple[tuple[str, Decimal | None, GroupScore | None], ...]
    achievement: Decimal | None
    rule: str


def secretary_score(plan: Plan, card: Scorecard) -> CardScore:
    """Each card objective scored as in ``card``; the card's achievement is their mean weighted by the card's weights.

    With a weight for every perspective, an objective weighs perspective weight × objective weight;
    otherwise its objective weight; objectives without a weight weigh 1. Weights are normalised over
    the objectives that can be assessed.
    """
    by_perspective = {r.perspective: r.perspective_weight for r in plan.secretary_card if r.perspective_weight is not None}
    two_levels = all(row.perspective in by_perspective for row in plan.secretary_card)
    weights: dict[str, Decimal | None] = {}
    for row in plan.secretary_card:
        weight = row.objective_weight
        if two_levels and weight is not None:
            weight *= by_perspective[row.perspective]
        weights.setdefault(row.objective, weight)
    scored = {group.code: group for group in card.objectives}
    objectives = tuple((code, weight, scored.get(code)) for code, weight in weights.items())
    usable = [(g.achievement, w or ONE) for _, w, g in objectives if g is not None and g.achievement is not None]
    total = sum((weight for _, weight in usable), ZERO)
    achievement = sum((a * w for a, w in usable), ZERO) / total if total else None
    if achievement is None:
        return CardScore(objectives, None, "nessun obiettivo della scheda è valutabile")
    terms = " + ".join(f"{percent_text(a)} × {weight_text(w / total)}" for a, w in usable)
    return CardScore(objectives, achievement, f"media ponderata: {terms} = {percent_text(achievement)}")
