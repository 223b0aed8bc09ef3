"""Two small PIAO plans built in code, ordinary and simplified, of the invented chamber of Valserena e Monti Alti.

Every record is invented for the tests (no real chamber's data or text); the figures the tests expect are worked
out by hand in the comments, next to the data they come from. A test-support module (no tests here).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs

from pianodocs.model import (
    Act,
    Entity,
    Indicator,
    OperationalObjective,
    Perspective,
    Plan,
    Section,
    StrategicLine,
    StrategicObjective,
    Structure,
    TextBlock,
)
from pianodocs.model_piao import (
    MeasureScope,
    MonitoringArrangement,
    PiaoSettings,
    PiaoVariant,
    PreventionMeasure,
    PublicValueAction,
    PublicValueActionKind,
    PublicValueLevel,
    PublicValueObjective,
    Risk,
    RiskLevel,
    SatisfactionSurvey,
    SmartWorking,
    StaffCategory,
    TrainingCourse,
    TransparencyObligation,
)
from pianodocs.values import parse_target, parse_value

ENTITY = Entity(
    name="Camera di Commercio di Valserena e Monti Alti",
    short_name="CCIAA di Valserena e Monti Alti",
    address="Piazza dei Mercanti di Lana 4, Borgo Valserena (ente inventato)",
    tax_code="99999990001",
    website="https://www.valserena.example",
    secretary_general="dott.ssa Ilaria Fontanive",
    president="Ernesto Lanzavecchia",
    pec="protocollo@pec.valserena.example",
    phone="0999 123456",
)

ACTS = (
    Act("G-2025-5", "Giunta", "5", dt.date(2025, 1, 30), "Adozione del PIAO 2025-2027"),
    Act("C-2024-12", "Consiglio", "12", dt.date(2024, 12, 18), "Preventivo economico 2025"),
)

# in a mixed order: printed SG, A1, A1.1, A2, A2.1 (each structure right after its parent)
STRUCTURES = (
    Structure("A1.1", "Ufficio Registro delle imprese", "ufficio", parent="A1", head="Lorenzo Casagrande"),
    Structure("SG", "Segreteria generale", "direzione", head="dott.ssa Ilaria Fontanive"),
    Structure("A1", "Area Servizi alle imprese", "area", parent="SG", head="dott. Paolo Bressan"),
    Structure("A2.1", "Ufficio Personale", "ufficio", parent="A2", head="Marta Zanella"),
    Structure("A2", "Area Risorse e bilancio", "area", parent="SG", head="dott.ssa Elena Tonon"),
)


def _targets(*texts: str) -> dict[int, object]:
    return {year: parse_target(text) for year, text in zip((2025, 2026, 2027), texts, strict=True)}


OPERATIONAL = (
    OperationalObjective(
        "A.1.1", "A.1", "Pratiche del Registro tutte telematiche", piao_dimensions=("semplificazione", "digitalizzazione")
    ),
    OperationalObjective("A.1.2", "A.1", "Sportello accessibile su appuntamento", piao_dimensions=("accessibilità",)),
    OperationalObjective("A.2.1", "A.2", "Piano delle azioni positive", piao_dimensions=("parità di genere",)),
    OperationalObjective("A.2.2", "A.2", "Gestione documentale ordinata"),
)

INDICATORS = (
    Indicator(
        "I1", "A.1.1", "Pratiche evase entro cinque giorni", weight=Decimal("0.6"), targets=_targets(">=80%", ">=85%", ">=90%")
    ),  # type: ignore[arg-type]
    Indicator(
        "I2", "A.1.2", "Ore settimanali di sportello accessibile", weight=Decimal("0.4"), targets=_targets("20", "22", "24")
    ),  # type: ignore[arg-type]
    Indicator("I3", "A.2.1", "Iniziative di conciliazione realizzate", weight=Decimal("1"), targets=_targets("2", "3", "4")),  # type: ignore[arg-type]
)

PUBLIC_VALUE = (
    PublicValueObjective(
        "VP1",
        "Fare impresa a Valserena è più semplice",
        strategic_objectives=("A.1",),
        impact_indicator="Giorni medi per avviare un'impresa",
        baseline=parse_value("12"),
        targets=_targets("10", "9", "8"),  # type: ignore[arg-type]
        source="Registro delle imprese",
        resources=parse_value("150.000,00"),
    ),
    PublicValueObjective(
        "VP2",
        "Una Camera aperta a tutte le persone",
        strategic_objectives=("A.1", "A.2"),
        impact_indicator="Utenti soddisfatti dell'accesso ai servizi",
        baseline=parse_value("72%"),
        targets=_targets("75%", "78%", "80%"),  # type: ignore[arg-type]
        resources=parse_value("40.000,00"),
    ),
    PublicValueObjective(
        "VP1.1",
        "Pratiche più rapide per le nuove imprese",
        level=PublicValueLevel.SPECIFIC,
        parent="VP1",
        strategic_objectives=("A.1",),
        impact_indicator="Pratiche di avvio evase entro cinque giorni",
        baseline=parse_value("70%"),
        targets=_targets("80%", "85%", "90%"),  # type: ignore[arg-type]
        resources=parse_value("60.000,00"),
    ),
)

ACTIONS = (
    PublicValueAction(
        PublicValueActionKind.PHYSICAL_ACCESSIBILITY,
        "Rampa e percorso tattile all'ingresso della sede",
        code="AF1",
        objective="VP2",
        beneficiaries="persone con disabilità, ultrasessantacinquenni",
        indicator="Lavori collaudati",
        target=parse_target("si"),
        deadline="30/09/2025",
        owner="A2",
    ),
    PublicValueAction(
        PublicValueActionKind.DIGITAL_ACCESSIBILITY,
        "Sito istituzionale conforme ai requisiti di accessibilità",
        code="AD1",
        objective="VP2",
        beneficiaries="persone con disabilità",
        indicator="Errori rilevati dalla verifica",
        target=parse_target("0"),
        deadline="31/12/2025",
        owner="SG",
    ),
    PublicValueAction(
        PublicValueActionKind.SIMPLIFICATION,
        "Modulo unico per il deposito dei bilanci",
        code="S1",
        objective="VP1",
        beneficiaries="imprese",
        indicator="Depositi con il modulo unico",
        target=parse_target(">=60%"),
        deadline="2026",
        owner="A1.1",
    ),
    PublicValueAction(
        PublicValueActionKind.REENGINEERING,
        "Certificati di origine rilasciati online",
        code="R1",
        objective="VP1",
        beneficiaries="imprese esportatrici",
        indicator="Certificati rilasciati online",
        target=parse_target(">=90%"),
        deadline="2027",
        owner="A1",
    ),
)

# levels: R1 medio x alto -> alto; R2 basso x alto -> medio; R3 the judgement written, medio
RISKS = (
    Risk(
        "R1",
        "Contratti pubblici",
        "Affidamento diretto di servizi",
        "Frazionamento artificioso dell'appalto",
        "A2",
        RiskLevel.MEDIUM,
        RiskLevel.HIGH,
    ),
    Risk(
        "R2",
        "Contratti pubblici",
        "Verifica delle prestazioni",
        "Attestazione di prestazioni non rese",
        "A2",
        RiskLevel.LOW,
        RiskLevel.HIGH,
    ),
    Risk(
        "R3",
        "Sovvenzioni e contributi",
        "Bandi di contributi alle imprese",
        "Requisiti costruiti su misura di un beneficiario",
        "A1",
        RiskLevel.LOW,
        RiskLevel.LOW,
        judgement=RiskLevel.MEDIUM,
        motivation="giudizio alzato dal RPCT dopo un controllo a campione",
    ),
)

MEASURES = (
    PreventionMeasure(
        "M1",
        "Rotazione dei responsabili del procedimento",
        risks=("R1", "R2"),
        type="rotazione",
        owner="A2",
        timing="entro il 30/06/2025",
        indicator="Affidamenti con responsabile a rotazione",
        target=parse_target("100%"),
    ),
    PreventionMeasure(
        "M2",
        "Formazione sul codice di comportamento",
        risks=("R1", "R2", "R3"),
        scope=MeasureScope.GENERAL,
        type="formazione",
        owner="RPCT",
        timing="ogni anno",
        indicator="Dipendenti formati",
        target=parse_target(">=90%"),
    ),
)

TRANSPARENCY = (
    TransparencyObligation(
        "Bandi di gara e contratti", "Atti delle procedure di affidamento", "d.lgs. 33/2013, art. 37", "A2", "tempestivo"
    ),
    TransparencyObligation(
        "Sovvenzioni, contributi, sussidi", "Atti di concessione", "d.lgs. 33/2013, artt. 26 e 27", "A1", "tempestivo"
    ),
    TransparencyObligation("Personale", "Tassi di assenza", "d.lgs. 33/2013, art. 16", "A2.1", "trimestrale"),
)

SMART_WORKING = SmartWorking(
    strategy="Il lavoro agile è una modalità ordinaria per le attività che si svolgono da remoto (testo inventato).",
    service_continuity="Gli sportelli restano aperti in presenza negli orari pubblicati.",
    rotation="Ogni dipendente lavora in presenza almeno tre giorni su cinque.",
    data_security="Accesso da remoto con VPN e autenticazione a due fattori.",
    backlog_plan="Nessun arretrato: le pratiche sono evase nei termini.",
    equipment="Un portatile e un telefono aziendale per ciascun dipendente in lavoro agile.",
    goals="Estendere il lavoro agile al 25% del personale entro il 2027.",
    agile_staff=9,
)

# in service at 31/12 of each year = at 31/12/2024 + hires - leavers of the years so far:
#   Dirigenti   2 |  +0 -0 =  2 |  +0 -1 =  1 |  +0 -0 =  1
#   Funzionari 12 |  +2 -1 = 13 |  +1 -0 = 14 |  +0 -2 = 12
#   Istruttori 20 |  +1 -3 = 18 |  +0 -1 = 17 |  +2 -0 = 19
#   Operatori   4 |  +0 -0 =  4 |  +0 -1 =  3 |  +0 -0 =  3
#   Totale     38 |  +3 -4 = 37 |  +1 -3 = 35 |  +2 -2 = 35
STAFF = (
    StaffCategory("Dirigenti", 2, leavers={2026: 1}),
    StaffCategory("Funzionari", 12, hires={2025: 2, 2026: 1}, leavers={2025: 1, 2027: 2}),
    StaffCategory("Istruttori", 20, hires={2025: 1, 2027: 2}, leavers={2025: 3, 2026: 1}),
    StaffCategory("Operatori", 4, leavers={2026: 1}),
    StaffCategory("Totale", 38, is_total=True),  # typed in the workbook: checked by the loader, never printed as is
)

# totals: 2025 6 + 12 = 18 hours, 38 + 20 = 58 participants; 2026 4 hours, 15 participants
TRAINING = (
    TrainingCourse("Prevenzione della corruzione", "tutto il personale", 2025, 6, 38, "a distanza"),
    TrainingCourse("Competenze digitali di base", "funzionari e istruttori", 2025, 12, 20, "mista"),
    TrainingCourse("Lavoro agile e sicurezza dei dati", "dipendenti in lavoro agile", 2026, 4, 15, "in presenza"),
)

MONITORING = (
    MonitoringArrangement(
        "2.2 Performance", "Rilevazione semestrale degli indicatori", "luglio e gennaio", "OIV", "Obiettivi operativi"
    ),
    MonitoringArrangement(
        "2.3 Rischi corruttivi e trasparenza",
        "Verifica delle misure da parte del RPCT",
        "semestrale",
        "RPCT",
        "Misure di prevenzione",
    ),
    MonitoringArrangement(
        "3 Organizzazione e capitale umano", "Confronto con il piano dei fabbisogni", "annuale", "A2.1", "Personale in servizio"
    ),
)

SURVEYS = (
    SatisfactionSurvey(
        "Registro delle imprese", "questionario online", "imprese utenti", "ottobre", "Utenti soddisfatti", parse_target(">=85%")
    ),
)

NARRATIVE = "La Camera misura il valore pubblico come benessere delle imprese del territorio (testo inventato)."

SETTINGS = PiaoSettings(
    adoption_act="G-2025-5",
    budget_act="C-2024-12",
    rpct="dott. Marco Ferrandi",
    registered_businesses=parse_value("24.318"),
    staff_date="31/12/2024",
)


def ordinary_plan() -> Plan:
    """The ordinary PIAO 2025-2027: every section, with a narrative paragraph under 2.1."""
    return Plan(
        entity=ENTITY,
        kind="piao",
        title="",
        first_year=2025,
        last_year=2027,
        reference_year=2025,
        illustrative=True,
        data_note="Dati inventati per le prove: la Camera di Valserena e Monti Alti non esiste.",
        acts=ACTS,
        structures=STRUCTURES,
        perspectives=(Perspective("P1", "Imprese e territorio"),),
        lines=(StrategicLine("A", "Competitività delle imprese", perspective="P1"),),
        strategic_objectives=(
            StrategicObjective("A.1", "A", "Semplificare la vita delle imprese"),
            StrategicObjective("A.2", "A", "Benessere e parità nell'ente"),
        ),
        operational_objectives=OPERATIONAL,
        indicators=INDICATORS,
        sections=(Section("valore-pubblico", "Valore pubblico", 2, document="piao"),),
        text_blocks=(TextBlock("valore-pubblico", "paragrafo", NARRATIVE),),
        piao=SETTINGS,
        public_value_objectives=PUBLIC_VALUE,
        public_value_actions=ACTIONS,
        risks=RISKS,
        prevention_measures=MEASURES,
        transparency_obligations=TRANSPARENCY,
        smart_working=SMART_WORKING,
        staff=STAFF,
        training=TRAINING,
        piao_monitoring=MONITORING,
        satisfaction_surveys=SURVEYS,
    )


def simplified_plan() -> Plan:
    """The same chamber's simplified PIAO (fewer than 50 employees): the Variante of its PIAO sheet says so."""
    return attrs.evolve(ordinary_plan(), piao=attrs.evolve(SETTINGS, variant=PiaoVariant.SIMPLIFIED))


def sparse_plan() -> Plan:
    """A PIAO with the entity and the risks only: every other section has no data."""
    return Plan(entity=ENTITY, kind="piao", title="", first_year=2025, last_year=2027, reference_year=2025, risks=RISKS)
