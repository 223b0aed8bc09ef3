"""The PIAO's sheets of the workbook (DM 132/2022): their columns, choices and help, appended to :data:`pianodocs.schema.SHEETS`.

The Piano integrato di attività e organizzazione reads the performance tree of the other sheets (its section
2.2) and these: the PIAO settings, Valore pubblico and its accessibility and simplification actions (2.1),
Rischi, Misure di prevenzione and Trasparenza (2.3), Lavoro agile, Personale and Formazione (3), Monitoraggio
PIAO and Indagini di soddisfazione (4). Like :mod:`pianodocs.schema`, it declares and does not read; the
cross-checks of these sheets are :mod:`pianodocs.workbook.checks_piao`.

Import it through :mod:`pianodocs.schema`, which appends these sheets to its own (this module uses its classes).

Longer than the 400 lines a module should keep to: like the schema, it is one declaration, eleven sheets with a
few lines per column and the lists of values they offer; it holds no code but a few short helpers.
"""

from __future__ import annotations

from typing import Any

from .model_piao import (
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
from .schema import Column, ColumnType, Sheet, _text, comma_list, meaningful
from .values import format_date

PIAO_VARIANTS = tuple(variant.value for variant in PiaoVariant)
PUBLIC_VALUE_LEVELS = tuple(level.value for level in PublicValueLevel)
ACTION_KINDS = tuple(kind.value for kind in PublicValueActionKind)
RISK_LEVELS = tuple(level.value for level in RiskLevel)
MEASURE_SCOPES = tuple(scope.value for scope in MeasureScope)
# the general risk areas of the Piano nazionale anticorruzione, offered as suggestions (a specific area is allowed)
RISK_AREAS = (
    "Contratti pubblici",
    "Acquisizione e gestione del personale",
    "Provvedimenti ampliativi privi di effetto economico diretto (autorizzazioni e concessioni)",
    "Provvedimenti ampliativi con effetto economico diretto (contributi, sovvenzioni)",
    "Gestione delle entrate, delle spese e del patrimonio",
    "Controlli, verifiche, ispezioni e sanzioni",
    "Incarichi e nomine",
    "Affari legali e contenzioso",
    "Registro delle imprese e albi",
    "Regolazione e tutela del mercato",
)
MEASURE_TYPES = (
    "controllo",
    "trasparenza",
    "definizione e promozione dell'etica",
    "regolamentazione",
    "semplificazione",
    "formazione",
    "rotazione",
    "disciplina del conflitto di interessi",
    "sensibilizzazione e partecipazione",
)
# the sotto-sezioni di primo livello of Amministrazione trasparente (d.lgs. 33/2013), as suggestions
TRANSPARENCY_SECTIONS = (
    "Disposizioni generali",
    "Organizzazione",
    "Consulenti e collaboratori",
    "Personale",
    "Bandi di concorso",
    "Performance",
    "Enti controllati",
    "Attività e procedimenti",
    "Provvedimenti",
    "Bandi di gara e contratti",
    "Sovvenzioni, contributi, sussidi, vantaggi economici",
    "Bilanci",
    "Beni immobili e gestione patrimonio",
    "Controlli e rilievi sull'amministrazione",
    "Servizi erogati",
    "Pagamenti dell'amministrazione",
    "Altri contenuti",
)
UPDATE_FREQUENCIES = ("tempestivo", "trimestrale", "semestrale", "annuale")
# the areas of the CCNL Funzioni locali 2019-2021, with the managers
STAFF_CATEGORIES = (
    "Dirigenti",
    "Funzionari e Elevata qualificazione",
    "Istruttori",
    "Operatori esperti",
    "Operatori",
    "Totale",
)
TRAINING_MODES = ("in presenza", "a distanza", "mista")
PIAO_SECTIONS = (
    "Scheda anagrafica",
    "2.1 Valore pubblico",
    "2.2 Performance",
    "2.3 Rischi corruttivi e trasparenza",
    "3.1 Struttura organizzativa",
    "3.2 Lavoro agile",
    "3.3 Piano dei fabbisogni di personale",
)
# the keys of a Sezioni row with Documento piao, whose Testi go under that section's heading, and its number in the
# DM; the simplified PIAO has no 2.1, 2.2 nor 4 (art. 6), so their texts have nowhere to go there
PIAO_SECTION_KEYS = {
    "anagrafica": "1",
    "valore-performance-anticorruzione": "2",
    "valore-pubblico": "2.1",
    "performance": "2.2",
    "rischi-corruttivi": "2.3",
    "organizzazione-capitale-umano": "3",
    "struttura-organizzativa": "3.1",
    "lavoro-agile": "3.2",
    "fabbisogni-personale": "3.3",
    "monitoraggio": "4",
}
NOT_IN_SIMPLIFIED = ("valore-pubblico", "performance", "monitoraggio")
# what a PIAO of each variant cannot do without (DM 132/2022 art. 3-4 the ordinary, art. 6 the simplified one)
REQUIRED_SHEETS = {
    PiaoVariant.ORDINARY: (
        "Valore pubblico",
        "Rischi",
        "Misure di prevenzione",
        "Trasparenza",
        "Lavoro agile",
        "Personale",
        "Monitoraggio PIAO",
    ),
    PiaoVariant.SIMPLIFIED: ("Rischi", "Misure di prevenzione", "Trasparenza", "Lavoro agile", "Personale"),
}
SMALL_ADMINISTRATION = 50  # fewer employees than this: the simplified PIAO (DM 132/2022 art. 6)


def _choice(name: str, help: str, choices: tuple[str, ...], convert: Any, required: bool = False, **mapping: Any) -> Column:
    return Column(name, ColumnType.CHOICE, help, required, choices, choices[0], convert=convert, **mapping)


def _rich(name: str, help: str, required: bool = False, **mapping: Any) -> Column:
    return Column(name, ColumnType.RICH_TEXT, help, required=required, **mapping)


_LEVEL_HELP = "basso, medio o alto"
_CONDITION = "condizione del lavoro agile (DM 132/2022 art. 4 c.1 lett. b n. {n}): {what}"

PIAO_SHEETS: tuple[Sheet, ...] = (
    Sheet(
        "PIAO",
        "Il Piano integrato di attività e organizzazione (DM 132/2022): la variante e gli atti e i dati della scheda "
        "anagrafica che il foglio Ente non ha; un campo per riga (Campo, Valore). Serve quando Tipo è piao.",
        (
            _choice(
                "Variante",
                "ordinario; semplificato per le amministrazioni con meno di 50 dipendenti (DM 132/2022 art. 6)",
                PIAO_VARIANTS,
                PiaoVariant,
                attribute="variant",
            ),
            _text("Atto di adozione", "codice dell'atto (scheda Atti) che adotta il PIAO", attribute="adoption_act"),
            _text(
                "Bilancio di riferimento",
                "codice dell'atto (scheda Atti) che approva il bilancio preventivo a cui il PIAO si raccorda",
                attribute="budget_act",
            ),
            _text("RPCT", "Responsabile della prevenzione della corruzione e della trasparenza", attribute="rpct"),
            Column(
                "Imprese iscritte",
                ColumnType.VALUE,
                "imprese iscritte al Registro delle imprese, come scritte",
                example="17.850",
                attribute="registered_businesses",
                convert=meaningful,
            ),
            Column(
                "Data del personale",
                ColumnType.DATE,
                "data a cui si riferiscono i dati del foglio Personale (di solito il 31/12 dell'anno precedente)",
                example="31/12/2024",
                attribute="staff_date",
                convert=format_date,
            ),
        ),
        is_fields=True,
        model=PiaoSettings,
        attribute="piao",
    ),
    Sheet(
        "Valore pubblico",
        "Gli obiettivi di valore pubblico (sottosezione 2.1): generali e, sotto ciascuno, specifici, con l'indicatore "
        "di impatto, la baseline e i target. La colonna 'Target AAAA' si ripete per ogni anno del piano.",
        (
            _text("Codice", "codice breve e univoco dell'obiettivo", True, "VP1", attribute="code"),
            _text(
                "Denominazione",
                "nome dell'obiettivo",
                True,
                "Un territorio più attrattivo per le imprese",
                attribute="name",
            ),
            _choice(
                "Livello",
                "generale, o specifico (sotto un obiettivo generale)",
                PUBLIC_VALUE_LEVELS,
                PublicValueLevel,
                attribute="level",
            ),
            _text(
                "Obiettivo generale",
                "per un obiettivo specifico: il codice del suo obiettivo generale",
                example="VP1",
                attribute="parent",
            ),
            _rich("Descrizione", "descrizione dell'obiettivo", attribute="description"),
            _text(
                "Obiettivi strategici",
                "codici degli obiettivi strategici (foglio Obiettivi strategici) che lo perseguono, separati da virgola",
                example="S11, S12",
                attribute="strategic_objectives",
                convert=comma_list,
            ),
            _text("Indicatore di impatto", "indicatore di impatto, come stampato", attribute="impact_indicator"),
            Column(
                "Baseline",
                ColumnType.VALUE,
                "valore di partenza dell'indicatore, come scritto",
                example="62%",
                attribute="baseline",
                convert=meaningful,
            ),
            Column(
                "Target",
                ColumnType.TARGET,
                "target dell'anno indicato nell'intestazione, come scritto",
                per_year=True,
                example=">=65%",
                attribute="targets",
            ),
            _text("Fonte", "fonte del dato", attribute="source"),
            Column(
                "Risorse",
                ColumnType.VALUE,
                "risorse di bilancio dedicate (euro), come scritte",
                example="120.000",
                attribute="resources",
                convert=meaningful,
            ),
            _text("Stakeholder", "portatori di interesse", attribute="stakeholders"),
        ),
        model=PublicValueObjective,
        attribute="public_value_objectives",
    ),
    Sheet(
        "Accessibilità e semplificazione",
        "Le azioni della sottosezione 2.1 per l'accessibilità fisica e digitale (ultrasessantacinquenni, persone con "
        "disabilità) e le procedure da semplificare e reingegnerizzare.",
        (
            _choice("Tipo", "di che cosa si tratta", ACTION_KINDS, PublicValueActionKind, True, attribute="kind"),
            _text("Codice", "codice breve dell'azione", example="AS1", attribute="code"),
            _text(
                "Azione",
                "l'azione, o la procedura semplificata",
                True,
                "Sportello accessibile su appuntamento",
                attribute="name",
            ),
            _text(
                "Obiettivo di valore pubblico",
                "codice dell'obiettivo (foglio Valore pubblico) che l'azione serve",
                attribute="objective",
            ),
            _text("Destinatari", "a chi serve", example="ultrasessantacinquenni", attribute="beneficiaries"),
            _text("Indicatore", "indicatore dell'azione", attribute="indicator"),
            Column("Target", ColumnType.TARGET, "target come scritto", example="si", attribute="target"),
            _text("Scadenza", "entro quando, come scritto", example="31/12/2025", attribute="deadline"),
            _text("Struttura", "codice della struttura responsabile (foglio Strutture)", attribute="owner"),
        ),
        model=PublicValueAction,
        attribute="public_value_actions",
    ),
    Sheet(
        "Rischi",
        "I rischi corruttivi (sottosezione 2.3): area di rischio, processo, evento rischioso e valutazione. "
        "Il giudizio, se vuoto, combina probabilità e impatto.",
        (
            _text("Codice", "codice breve e univoco del rischio", True, "R01", attribute="code"),
            Column(
                "Area di rischio",
                ColumnType.TEXT,
                "area di rischio: una delle aree generali del PNA o un'area specifica",
                True,
                RISK_AREAS,
                "Contratti pubblici",
                attribute="area",
            ),
            _text("Processo", "processo mappato", True, "Affidamento diretto di forniture", attribute="process"),
            _text("Evento rischioso", "che cosa può accadere", True, attribute="event"),
            _text("Struttura", "codice della struttura che gestisce il processo (foglio Strutture)", attribute="owner"),
            _choice("Probabilità", f"probabilità dell'evento: {_LEVEL_HELP}", RISK_LEVELS, RiskLevel, attribute="likelihood"),
            _choice("Impatto", f"impatto dell'evento: {_LEVEL_HELP}", RISK_LEVELS, RiskLevel, attribute="impact"),
            _choice(
                "Giudizio",
                f"giudizio complessivo: {_LEVEL_HELP} (vuoto: da probabilità e impatto)",
                RISK_LEVELS,
                RiskLevel,
                attribute="judgement",
            ),
            _rich("Motivazione", "motivazione della valutazione", attribute="motivation"),
        ),
        model=Risk,
        attribute="risks",
    ),
    Sheet(
        "Misure di prevenzione",
        "Le misure di prevenzione della corruzione (sottosezione 2.3), con responsabile, tempi, indicatore e target.",
        (
            _text("Codice", "codice breve e univoco della misura", True, "M01", attribute="code"),
            _text("Misura", "la misura", True, "Rotazione degli affidamenti diretti", attribute="name"),
            _text(
                "Rischi",
                "codici dei rischi (foglio Rischi) che la misura tratta, separati da virgola",
                example="R01, R02",
                attribute="risks",
                convert=comma_list,
            ),
            _choice("Ambito", "generale o specifica", MEASURE_SCOPES, MeasureScope, attribute="scope"),
            Column(
                "Tipologia",
                ColumnType.TEXT,
                "tipologia della misura",
                choices=MEASURE_TYPES,
                example="controllo",
                attribute="type",
            ),
            _text("Responsabile", "struttura o ruolo responsabile", attribute="owner"),
            _text("Tempi", "tempi di attuazione, come scritti", example="entro il 30/06/2025", attribute="timing"),
            _text("Indicatore", "indicatore di attuazione", attribute="indicator"),
            Column("Target", ColumnType.TARGET, "target come scritto", example="100%", attribute="target"),
        ),
        model=PreventionMeasure,
        attribute="prevention_measures",
    ),
    Sheet(
        "Trasparenza",
        "La mappa degli obblighi di pubblicazione (sottosezione 2.3, d.lgs. 33/2013): che cosa, dove, chi, ogni quanto.",
        (
            Column(
                "Sotto-sezione",
                ColumnType.TEXT,
                "sotto-sezione di Amministrazione trasparente",
                True,
                TRANSPARENCY_SECTIONS,
                "Bandi di gara e contratti",
                attribute="section",
            ),
            _text("Obbligo", "il dato o documento da pubblicare", True, attribute="obligation"),
            _text("Riferimento normativo", "articolo di legge", example="d.lgs. 33/2013, art. 37", attribute="reference"),
            _text("Struttura", "codice della struttura responsabile (foglio Strutture)", attribute="owner"),
            Column(
                "Aggiornamento",
                ColumnType.TEXT,
                "frequenza di aggiornamento",
                choices=UPDATE_FREQUENCIES,
                example="tempestivo",
                attribute="frequency",
            ),
        ),
        model=TransparencyObligation,
        attribute="transparency_obligations",
    ),
    Sheet(
        "Lavoro agile",
        "Il lavoro agile (sottosezione 3.2): la strategia e le cinque condizioni di DM 132/2022 art. 4 c.1 lett. b; "
        "un campo per riga (Campo, Valore).",
        (
            _rich("Strategia", "strategia e modelli di organizzazione del lavoro, anche da remoto", attribute="strategy"),
            _rich(
                "Continuità dei servizi",
                _CONDITION.format(n=1, what="il lavoro agile non pregiudica né riduce i servizi agli utenti"),
                attribute="service_continuity",
            ),
            _rich(
                "Rotazione e prevalenza in presenza",
                _CONDITION.format(n=2, what="rotazione del personale, con la prevalenza del lavoro in presenza"),
                attribute="rotation",
            ),
            _rich(
                "Sicurezza dei dati",
                _CONDITION.format(n=3, what="piattaforma o strumenti che garantiscono la riservatezza dei dati"),
                attribute="data_security",
            ),
            _rich(
                "Smaltimento dell'arretrato",
                _CONDITION.format(n=4, what="piano di smaltimento del lavoro arretrato, ove accumulato"),
                attribute="backlog_plan",
            ),
            _rich(
                "Dotazione tecnologica",
                _CONDITION.format(n=5, what="dotazione tecnologica idonea per il personale"),
                attribute="equipment",
            ),
            _rich("Obiettivi", "obiettivi del lavoro agile nel triennio", attribute="goals"),
            Column(
                "Dipendenti in lavoro agile",
                ColumnType.INTEGER,
                "dipendenti con un accordo di lavoro agile",
                example="18",
                attribute="agile_staff",
            ),
        ),
        is_fields=True,
        model=SmartWorking,
        attribute="smart_working",
    ),
    Sheet(
        "Personale",
        "Il piano triennale dei fabbisogni (sottosezione 3.3): il personale in servizio per categoria alla Data del "
        "personale (foglio PIAO) e le assunzioni e cessazioni previste. Le colonne 'Assunzioni AAAA' e "
        "'Cessazioni AAAA' si ripetono per ogni anno; una riga Totale si, se c'è, viene verificata.",
        (
            Column(
                "Categoria",
                ColumnType.TEXT,
                "categoria o area del personale (CCNL 2019-2021)",
                True,
                STAFF_CATEGORIES,
                "Istruttori",
                attribute="category",
            ),
            Column("In servizio", ColumnType.INTEGER, "persone in servizio alla data", example="31", attribute="present"),
            Column(
                "Assunzioni",
                ColumnType.INTEGER,
                "assunzioni previste nell'anno indicato nell'intestazione",
                per_year=True,
                example="2",
                attribute="hires",
            ),
            Column(
                "Cessazioni",
                ColumnType.INTEGER,
                "cessazioni previste nell'anno indicato nell'intestazione",
                per_year=True,
                example="1",
                attribute="leavers",
            ),
            Column(
                "Totale",
                ColumnType.YES_NO,
                "si per la riga dei totali: deve essere la somma delle altre righe",
                example="no",
                attribute="is_total",
            ),
        ),
        model=StaffCategory,
        attribute="staff",
    ),
    Sheet(
        "Formazione",
        "La formazione del personale (sottosezione 3.3).",
        (
            _text("Tema", "argomento del corso", True, "Prevenzione della corruzione", attribute="topic"),
            _text("Destinatari", "a chi è rivolto", attribute="recipients"),
            Column("Anno", ColumnType.INTEGER, "anno del corso", example="2025", attribute="year"),
            Column("Ore", ColumnType.INTEGER, "ore di formazione", example="8", attribute="hours"),
            Column("Partecipanti", ColumnType.INTEGER, "partecipanti previsti", example="20", attribute="participants"),
            Column(
                "Modalità",
                ColumnType.TEXT,
                "in presenza, a distanza o mista",
                choices=TRAINING_MODES,
                example="a distanza",
                attribute="mode",
            ),
        ),
        model=TrainingCourse,
        attribute="training",
    ),
    Sheet(
        "Monitoraggio PIAO",
        "Il monitoraggio (sezione 4, DM 132/2022 art. 5): come, quando e da chi è monitorata ogni sezione.",
        (
            Column(
                "Sezione",
                ColumnType.TEXT,
                "sezione o sottosezione del PIAO",
                True,
                PIAO_SECTIONS,
                "2.2 Performance",
                attribute="section",
            ),
            _text("Oggetto", "che cosa si monitora", attribute="subject"),
            _text("Modalità", "come", True, "Monitoraggio degli indicatori", attribute="method"),
            _text("Tempistica", "quando", example="semestrale", attribute="timing"),
            _text("Responsabile", "chi", example="OIV", attribute="owner"),
        ),
        model=MonitoringArrangement,
        attribute="piao_monitoring",
    ),
    Sheet(
        "Indagini di soddisfazione",
        "Le indagini di soddisfazione degli utenti (sezione 4).",
        (
            _text("Servizio", "servizio indagato", True, "Registro delle imprese", attribute="service"),
            _text("Modalità", "come si rileva", example="questionario online", attribute="method"),
            _text("Destinatari", "chi risponde", attribute="recipients"),
            _text("Periodo", "quando", example="ottobre 2025", attribute="period"),
            _text("Indicatore", "indicatore di soddisfazione", attribute="indicator"),
            Column("Target", ColumnType.TARGET, "target come scritto", example=">=4", attribute="target"),
        ),
        model=SatisfactionSurvey,
        attribute="satisfaction_surveys",
    ),
)

# Columns whose values are codes of another sheet: ``pianodocs init`` offers them as drop-down lists.
PIAO_REFERENCES: dict[tuple[str, str], str] = {
    ("PIAO", "Atto di adozione"): "Atti",
    ("PIAO", "Bilancio di riferimento"): "Atti",
    ("Valore pubblico", "Obiettivo generale"): "Valore pubblico",
    ("Accessibilità e semplificazione", "Obiettivo di valore pubblico"): "Valore pubblico",
    ("Accessibilità e semplificazione", "Struttura"): "Strutture",
    ("Rischi", "Struttura"): "Strutture",
    ("Trasparenza", "Struttura"): "Strutture",
}
