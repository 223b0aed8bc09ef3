"""The domain model of a plan: small frozen attrs classes, with :class:`Plan` at the root.

Objects are built once, by the loader, from values it has already checked; after
that the rest of pianodocs trusts them. Names are English, the Italian term is in
each docstring. Nothing here reads a workbook or knows a template.

Just over the 400 lines a module should keep to: it is one declaration, a small class per record of the
workbook, read as the plan's table of contents; splitting it would scatter :class:`Plan`'s fields.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from decimal import Decimal

import attrs

from .model_piao import (
    MonitoringArrangement,
    PiaoSettings,
    PreventionMeasure,
    PublicValueAction,
    PublicValueObjective,
    Risk,
    SatisfactionSurvey,
    SmartWorking,
    StaffCategory,
    TrainingCourse,
    TransparencyObligation,
)
from .values import Target, Value, format_date


@attrs.frozen
class Entity:
    """Ente: the chamber (or regional union) that adopts the plan."""

    name: str
    short_name: str = ""
    logo: str = ""
    address: str = ""
    tax_code: str = ""
    website: str = ""
    secretary_general: str = ""
    president: str = ""
    pec: str = ""  # posta elettronica certificata (the PIAO's scheda anagrafica)
    phone: str = ""


@attrs.frozen
class Act:
    """Atto: a deliberation that adopted or revised the plan."""

    code: str
    organ: str
    number: str
    date: dt.date | None = None
    subject: str = ""
    # the occasion of the act's changes, printed in a change log as "in sede di <occasion>" (e.g. "rolling annuale")
    occasion: str = ""

    @property
    def citation(self) -> str:
        """``deliberazione della Giunta n. 63 del 9 settembre 2020``."""
        date = f" del {format_date(self.date, 'long')}" if self.date else ""
        return f"deliberazione {_organ_article(self.organ)} n. {self.number}{date}"


def _organ_article(organ: str) -> str:
    articles = {"Giunta": "della Giunta", "Consiglio": "del Consiglio", "Presidente": "del Presidente"}
    return articles.get(organ, f"del {organ}")


@attrs.frozen
class Organ:
    """Organo: Consiglio, Giunta, Presidente, Collegio dei revisori..."""

    name: str
    description: str = ""


@attrs.frozen
class Structure:
    """Struttura: an area, service or office of the chamber."""

    code: str
    name: str
    kind: str
    parent: str = ""
    head: str = ""


@attrs.frozen
class Perspective:
    """Prospettiva BSC."""

    code: str
    name: str
    description: str = ""


@attrs.frozen
class StrategicLine:
    """Linea strategica di mandato (area strategica), with its benefici attesi."""

    code: str
    name: str
    perspective: str = ""
    mission: str = ""
    expected_benefits: tuple[str, ...] = ()
    not_declined_note: str = ""


@attrs.frozen
class StrategicObjective:
    """Obiettivo strategico (ambito strategico), inside a line."""

    code: str
    line: str
    name: str
    perspective: str = ""
    label: str | None = None
    description: str = ""
    in_dashboard: bool = True
    notes: str = ""
    monitoring_sheet: str = ""  # how the monitoring prints it: "" / "obiettivo", or "salute finanziaria"

    @property
    def printed_code(self) -> str:
        return self.code if self.label is None else self.label


@attrs.frozen
class OperationalObjective:
    """Obiettivo operativo, under a strategic objective, carried by one or more areas' cascading sheets."""

    code: str
    strategic_objective: str
    name: str
    label: str | None = None
    structures_involved: str = ""
    areas: tuple[str, ...] = ()
    in_dashboard: bool = True
    description: str = ""
    monitoring_sheet: str = ""  # how the monitoring prints it: "" / "obiettivo", or "salute finanziaria"
    # the PIAO's marks (section 2.2): semplificazione, digitalizzazione, accessibilità, parità di genere
    piao_dimensions: tuple[str, ...] = ()

    @property
    def printed_code(self) -> str:
        return self.code if self.label is None else self.label


class Direction(enum.Enum):
    """Verso: whether a higher or a lower value is better."""

    HIGHER_IS_BETTER = "crescente"
    LOWER_IS_BETTER = "decrescente"


@attrs.frozen
class Indicator:
    """Indicatore: the measurable unit, attached to an operational or strategic objective."""

    code: str
    objective: str
    name: str
    flag: str = ""
    reference: str = ""
    algorithm: str = ""
    technical_description: str = ""
    cluster_mean: Value | None = None
    history: Mapping[int, Value] = attrs.field(factory=dict, hash=False)
    weight: Decimal | None = None
    targets: Mapping[int, Target] = attrs.field(factory=dict, hash=False)
    type: str = ""
    unit: str = ""
    source: str = ""
    direction: Direction | None = None
    owner: str = ""
    mission: str = ""
    programme: str = ""
    responsibility_centre: str = ""
    dashboard: str = "ente"
    notes: str = ""

    def target(self, year: int) -> Target | None:
        return self.targets.get(year)

    @property
    def flags(self) -> tuple[str, ...]:
        """``PIRA/PARETO`` → ``("PIRA", "PARETO")``."""
        return tuple(part for part in self.flag.split("/") if part)

    @property
    def in_pira(self) -> bool:
        return "PIRA" in self.flags

    @property
    def funds_incentive(self) -> bool:
        """PROG.INTEGR.FONDO: an objective that funds the staff incentive fund (printed in yellow)."""
        return self.flag == "PROG.INTEGR.FONDO"


@attrs.frozen
class Measurement:
    """Misurazione: the value of an indicator at a date, with an optional manual achievement."""

    indicator: str
    date: dt.date
    value: Value
    manual_achievement: Decimal | None = None
    note: str = ""


class RevisionKind(enum.Enum):
    TARGET_REVISED = "target rivisto"
    WEIGHT_REVISED = "peso rivisto"
    INDICATOR_INSERTED = "indicatore inserito"
    INDICATOR_ELIMINATED = "indicatore eliminato"
    INDICATOR_UPDATED = "indicatore aggiornato"
    OBJECTIVE_INSERTED = "obiettivo inserito"
    OBJECTIVE_ELIMINATED = "obiettivo eliminato"


@attrs.frozen
class Revision:
    """Revisione: a change to the plan made by a deliberation, with its motivation."""

    kind: RevisionKind
    element: str
    act: str
    year: int | None = None
    previous: str = ""
    new: str = ""
    motivation: str = ""
    respread_weights: bool = False


@attrs.frozen
class Mission:
    """Missione of the state budget (DPCM 12/12/2012)."""

    code: str
    name: str


@attrs.frozen
class Programme:
    """Programma di spesa inside a mission, with its centro di responsabilità."""

    mission: str
    code: str
    name: str
    responsibility_centre: str = ""


@attrs.frozen
class PiraObjectiveText:
    """The PIRA text of an objective under one programme: description, main activities, stakeholders."""

    objective: str
    mission: str
    programme: str
    description: str = ""
    main_activities: str = ""
    stakeholders: str = ""
    title: str = ""
    budget: Value | None = None


@attrs.frozen
class BudgetItem:
    """A project or initiative of a programme budget (oneri promozionali, investimenti, proventi)."""

    line: str
    programme: str
    project: str = ""  # empty: an action without projects in the budget
    area: str = ""
    function: str = ""
    action: str = ""
    promotional_costs: Decimal = Decimal(0)
    investments: Decimal = Decimal(0)
    revenues: Decimal = Decimal(0)
    structures_involved: str = ""


@attrs.frozen
class BudgetTotal:
    """A total printed for a programme or a line, checked against its items."""

    level: str
    reference: str
    promotional_costs: Decimal | None = None
    investments: Decimal | None = None
    revenues: Decimal | None = None


@attrs.frozen
class Phase:
    """Fase: a step of an objective, active in some years (the monitoring's Gantt)."""

    objective: str
    name: str
    years: tuple[int, ...]


@attrs.frozen
class Section:
    """Sezione: a heading of the document."""

    key: str
    title: str
    level: int
    number: str = ""
    in_summary: bool = False
    document: str = ""


@attrs.frozen
class TextBlock:
    """Blocco di testo of a section: paragraph, list, small heading, note, table reference, generated content or picture.

    An 'immagine' names its file in ``content`` (relative to the workbook's folder); the loader, once the checks
    passed, reads the file into ``picture``.
    """

    section: str
    kind: str
    content: str
    alt: str = ""
    caption: str = ""
    width_mm: Decimal | None = None
    picture: bytes = attrs.field(default=b"", repr=False)


@attrs.frozen
class TableRow:
    kind: str
    cells: tuple[str, ...]


@attrs.frozen
class FreeTable:
    """Tabella libera: printed as it is, its 'totale' rows checked against their parts."""

    name: str
    rows: tuple[TableRow, ...]


@attrs.frozen
class SecretaryCardRow:
    """A row of the Segretario generale's individual card."""

    perspective: str
    objective: str
    indicator: str
    perspective_weight: Decimal | None = None
    objective_weight: Decimal | None = None
    action: str = ""
    weight: Decimal | None = None
    target: Target | None = None
    reference: str = ""
    # the targets per year ("Target 2025"); ``target`` is the old single column, the target of every year
    targets: Mapping[int, Target] = attrs.field(factory=dict, hash=False)

    def target_for(self, year: int) -> Target | None:
        """The target of ``year``: its own "Target AAAA" when given, else the single "Target" of every year."""
        return self.targets.get(year, self.target)


@attrs.frozen(repr=False)
class Plan:
    """The root: an ente's plan for some years, with its tree, indicators, measurements and texts."""

    def __repr__(self) -> str:
        return f"<Plan {self.title!r} of {self.entity.name!r}: {len(self.indicators)} indicators>"

    entity: Entity
    kind: str
    title: str
    first_year: int
    last_year: int
    reference_year: int
    monitoring_date: dt.date | None = None
    threshold: Decimal = Decimal("0.8")
    subtitle: str = ""
    vision: str = ""
    illustrative: bool = False
    data_note: str = ""
    acts: tuple[Act, ...] = ()
    organs: tuple[Organ, ...] = ()
    structures: tuple[Structure, ...] = ()
    perspectives: tuple[Perspective, ...] = ()
    lines: tuple[StrategicLine, ...] = ()
    strategic_objectives: tuple[StrategicObjective, ...] = ()
    operational_objectives: tuple[OperationalObjective, ...] = ()
    indicators: tuple[Indicator, ...] = ()  # in workbook order
    measurements: tuple[Measurement, ...] = ()
    revisions: tuple[Revision, ...] = ()
    missions: tuple[Mission, ...] = ()
    programmes: tuple[Programme, ...] = ()
    pira_texts: tuple[PiraObjectiveText, ...] = ()
    budget_items: tuple[BudgetItem, ...] = ()
    budget_totals: tuple[BudgetTotal, ...] = ()
    phases: tuple[Phase, ...] = ()
    sections: tuple[Section, ...] = ()
    text_blocks: tuple[TextBlock, ...] = ()
    tables: tuple[FreeTable, ...] = ()
    secretary_card: tuple[SecretaryCardRow, ...] = ()
    # the PIAO's own sections (pianodocs.model_piao); its section 2.2 is the tree above
    piao: PiaoSettings = attrs.field(factory=PiaoSettings)
    public_value_objectives: tuple[PublicValueObjective, ...] = ()
    public_value_actions: tuple[PublicValueAction, ...] = ()
    risks: tuple[Risk, ...] = ()
    prevention_measures: tuple[PreventionMeasure, ...] = ()
    transparency_obligations: tuple[TransparencyObligation, ...] = ()
    smart_working: SmartWorking = attrs.field(factory=SmartWorking)
    staff: tuple[StaffCategory, ...] = ()
    training: tuple[TrainingCourse, ...] = ()
    piao_monitoring: tuple[MonitoringArrangement, ...] = ()
    satisfaction_surveys: tuple[SatisfactionSurvey, ...] = ()

    @property
    def years(self) -> range:
        return range(self.first_year, self.last_year + 1)

    def indicators_of(self, objective_code: str) -> tuple[Indicator, ...]:
        return tuple(indicator for indicator in self.indicators if indicator.objective == objective_code)

    def perspective_of(self, objective_code: str) -> str:
        """The BSC perspective code of a strategic or operational objective: the strategic objective's own, else its line's.

        The one rule every document and the scoring use, so an objective sits under the same perspective everywhere.
        """
        operational = next((o for o in self.operational_objectives if o.code == objective_code), None)
        code = operational.strategic_objective if operational else objective_code
        strategic = next((o for o in self.strategic_objectives if o.code == code), None)
        if strategic is None:
            return ""
        if strategic.perspective:
            return strategic.perspective
        return next((line.perspective for line in self.lines if line.code == strategic.line), "")

    def act(self, code: str) -> Act | None:
        return next((act for act in self.acts if act.code == code), None)

    def table(self, name: str) -> FreeTable | None:
        return next((table for table in self.tables if table.name == name), None)

    def measurements_of(self, indicator_code: str) -> tuple[Measurement, ...]:
        return tuple(sorted((m for m in self.measurements if m.indicator == indicator_code), key=lambda m: m.date))
