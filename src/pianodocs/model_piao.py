"""The PIAO's own records (Piano Integrato di Attività e Organizzazione, DM 132/2022): what the Piano does not hold.

The performance tree of section 2.2 is the plan's own (:mod:`pianodocs.model`); these classes hold the rest of
the PIAO's sections: 2.1 Valore pubblico, 2.3 Rischi corruttivi e trasparenza, 3 Organizzazione e capitale
umano, 4 Monitoraggio. Like the rest of the model they are built once by the loader from checked values; names
are English, the Italian term is in each docstring.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

import attrs

from .values import Target, Value


class PiaoVariant(enum.Enum):
    """Il PIAO ordinario, o quello semplificato delle amministrazioni con meno di 50 dipendenti (DM 132/2022 art. 6)."""

    ORDINARY = "ordinario"
    SIMPLIFIED = "semplificato"


@attrs.frozen
class PiaoSettings:
    """Scheda PIAO: the variant, the acts it cites, and the figures of the scheda anagrafica the Ente sheet lacks."""

    variant: PiaoVariant = PiaoVariant.ORDINARY
    adoption_act: str = ""  # the Atti code of the Giunta's deliberation adopting the PIAO
    budget_act: str = ""  # the Atti code of the budget (preventivo) the PIAO is consistent with
    rpct: str = ""  # Responsabile della prevenzione della corruzione e della trasparenza
    registered_businesses: Value | None = None  # imprese iscritte al Registro delle imprese (scheda anagrafica)
    staff_date: str = ""  # the date the staff figures refer to, as written (usually 31/12 of the year before)


class PublicValueLevel(enum.Enum):
    GENERAL = "generale"
    SPECIFIC = "specifico"


@attrs.frozen
class PublicValueObjective:
    """Obiettivo di valore pubblico (sezione 2.1): general, or specific under a general one, with its impact indicator."""

    code: str
    name: str
    level: PublicValueLevel = PublicValueLevel.GENERAL
    parent: str = ""  # a specific objective's general objective (its code)
    description: str = ""
    strategic_objectives: tuple[str, ...] = ()  # codes of the performance tree's strategic objectives pursuing it
    impact_indicator: str = ""  # indicatore di impatto
    baseline: Value | None = None
    targets: Mapping[int, Target] = attrs.field(factory=dict, hash=False)
    source: str = ""  # fonte del dato
    resources: Value | None = None  # risorse di bilancio dedicate (euro), to show consistency with the budget
    stakeholders: str = ""


class PublicValueActionKind(enum.Enum):
    """What an action of section 2.1 is about, besides the objectives: accessibility, simplification, re-engineering."""

    PHYSICAL_ACCESSIBILITY = "accessibilità fisica"
    DIGITAL_ACCESSIBILITY = "accessibilità digitale"
    SIMPLIFICATION = "semplificazione"
    REENGINEERING = "reingegnerizzazione"


@attrs.frozen
class PublicValueAction:
    """Azione di accessibilità o di semplificazione e reingegnerizzazione delle procedure (sezione 2.1)."""

    kind: PublicValueActionKind
    name: str  # the action, or the procedure simplified
    code: str = ""
    objective: str = ""  # the public value objective it serves (its code), if any
    beneficiaries: str = ""  # destinatari: ultrasessantacinquenni, persone con disabilità, imprese...
    indicator: str = ""
    target: Target | None = None
    deadline: str = ""  # as written: 31/12/2025, 2026
    owner: str = ""  # the Strutture code of the office responsible


class RiskLevel(enum.Enum):
    LOW = "basso"
    MEDIUM = "medio"
    HIGH = "alto"


_RANK = {RiskLevel.LOW: 1, RiskLevel.MEDIUM: 2, RiskLevel.HIGH: 3}


@attrs.frozen
class Risk:
    """Rischio corruttivo (sezione 2.3): a process of a risk area, its risky event and its assessment."""

    code: str
    area: str  # area di rischio (the general areas of the PNA, or a specific one)
    process: str
    event: str  # evento rischioso
    owner: str = ""  # the Strutture code of the office running the process
    likelihood: RiskLevel | None = None  # probabilità
    impact: RiskLevel | None = None
    judgement: RiskLevel | None = None  # giudizio complessivo written by the office; None: from the two above
    motivation: str = ""

    @property
    def level(self) -> RiskLevel | None:
        """The judgement written, else likelihood and impact combined: equal, their level; apart by one, the farther
        from medium; alto with basso, medio. None when either is missing."""
        if self.judgement is not None:
            return self.judgement
        if self.likelihood is None or self.impact is None:
            return None
        ranks = sorted((_RANK[self.likelihood], _RANK[self.impact]))
        combined = {(1, 1): 1, (1, 2): 1, (1, 3): 2, (2, 2): 2, (2, 3): 3, (3, 3): 3}[(ranks[0], ranks[1])]
        return next(level for level, rank in _RANK.items() if rank == combined)


class MeasureScope(enum.Enum):
    GENERAL = "generale"
    SPECIFIC = "specifica"


@attrs.frozen
class PreventionMeasure:
    """Misura di prevenzione (sezione 2.3), with the owner, timing, indicator and target ANAC asks for."""

    code: str
    name: str
    risks: tuple[str, ...] = ()  # the codes of the risks it treats
    scope: MeasureScope = MeasureScope.SPECIFIC
    type: str = ""  # tipologia: controllo, trasparenza, formazione, rotazione...
    owner: str = ""  # responsabile (a Strutture code or a role)
    timing: str = ""  # tempi di attuazione, as written
    indicator: str = ""
    target: Target | None = None


@attrs.frozen
class TransparencyObligation:
    """Obbligo di pubblicazione (the transparency map of section 2.3): what, where, who, how often."""

    section: str  # sotto-sezione di Amministrazione trasparente
    obligation: str
    reference: str = ""  # riferimento normativo (d.lgs. 33/2013, art. ...)
    owner: str = ""  # the Strutture code of the office responsible
    frequency: str = ""  # aggiornamento: tempestivo, trimestrale, semestrale, annuale


@attrs.frozen
class SmartWorking:
    """Scheda Lavoro agile (sottosezione 3.2): the strategy and the five conditions of DM 132/2022 art. 4 c.1 lett. b."""

    strategy: str = ""
    service_continuity: str = ""  # n. 1: no harm to the services for users
    rotation: str = ""  # n. 2: rotation, work in presence prevailing for each worker
    data_security: str = ""  # n. 3: a platform or tools guaranteeing data confidentiality
    backlog_plan: str = ""  # n. 4: a plan to clear the backlog, where there is one
    equipment: str = ""  # n. 5: digital equipment for the staff
    goals: str = ""
    agile_staff: int | None = None  # dipendenti in lavoro agile

    @property
    def conditions(self) -> tuple[str, str, str, str, str]:
        return (self.service_continuity, self.rotation, self.data_security, self.backlog_plan, self.equipment)


@attrs.frozen
class StaffCategory:
    """A row of the staffing plan (sottosezione 3.3): staff of a category at the reference date, hires and leavers."""

    category: str
    present: int = 0  # in servizio at the reference date (31/12 of the year before the PIAO)
    hires: Mapping[int, int] = attrs.field(factory=dict, hash=False)  # assunzioni previste per anno
    leavers: Mapping[int, int] = attrs.field(factory=dict, hash=False)  # cessazioni previste per anno
    is_total: bool = False  # a total row typed in the workbook: checked against the sum of the others

    def in_service(self, year: int, first_year: int) -> int:
        """The staff at 31/12 of ``year``: in service at the reference date, plus the hires less the leavers of every
        year from ``first_year`` (the plan's first) to ``year``; the one rule of the document and the open data."""
        years = range(first_year, year + 1)
        return self.present + sum(self.hires.get(y, 0) for y in years) - sum(self.leavers.get(y, 0) for y in years)


@attrs.frozen
class TrainingCourse:
    """Formazione del personale (sottosezione 3.3)."""

    topic: str
    recipients: str = ""
    year: int | None = None
    hours: int | None = None
    participants: int | None = None
    mode: str = ""  # in presenza, a distanza, mista


@attrs.frozen
class MonitoringArrangement:
    """Monitoraggio (sezione 4): how, when and by whom a section of the PIAO is monitored."""

    section: str  # the PIAO section, e.g. "2.2 Performance"
    method: str
    timing: str = ""
    owner: str = ""
    subject: str = ""


@attrs.frozen
class SatisfactionSurvey:
    """Indagine di soddisfazione degli utenti (sezione 4)."""

    service: str
    method: str = ""
    recipients: str = ""
    period: str = ""
    indicator: str = ""
    target: Target | None = None
