"""The PIAO's sheets of the workbook: each loads into the plan's values, each rule gives its located Italian message, and
``pianodocs init`` writes them with help, drop-downs and validation."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

import pianodocs
from pianodocs.model_piao import (
    MeasureScope,
    MonitoringArrangement,
    PiaoVariant,
    PreventionMeasure,
    PublicValueAction,
    PublicValueActionKind,
    PublicValueLevel,
    RiskLevel,
    SatisfactionSurvey,
    SmartWorking,
    StaffCategory,
    TrainingCourse,
    TransparencyObligation,
)
from pianodocs.schema import LISTS_SHEET
from pianodocs.values import parse_target
from pianodocs.workbook.template import example_data, write_blank_workbook
from pianodocs.workbook.writer import build_workbook, save_workbook

Data = dict[str, Any]
YEARS = [2025, 2026, 2027]
ERROR, WARNING = pianodocs.Severity.ERROR, pianodocs.Severity.WARNING


def piao_data() -> Data:
    """The blank workbook's example plan made a small valid ordinary PIAO 2025-2027 (every sheet it needs)."""
    data = copy.deepcopy(example_data(2025, 2027))
    data["Piano"].update(Tipo="piao", Titolo="PIAO 2025-2027")
    data["Atti"].append({"Codice": "CC-9-2024", "Organo": "Consiglio", "Numero": "9", "Data": "16/12/2024",
                         "Oggetto": "Preventivo 2025"})  # fmt: skip
    data["Strutture"].append({"Codice": "SRI", "Denominazione": "Servizio Registro imprese", "Tipo": "servizio"})
    data["Ente"].update(PEC="ente@pec.example.org", Telefono="0999 1")
    data["Obiettivi operativi"][0]["Ambiti PIAO"] = "Digitalizzazione, parità di genere"
    data["PIAO"] = {
        "Variante": "ordinario", "Atto di adozione": "GC-1-2025", "Bilancio di riferimento": "CC-9-2024",
        "RPCT": "Nome Cognome", "Imprese iscritte": "17.850", "Data del personale": dt.datetime(2024, 12, 31),
    }  # fmt: skip
    data["Valore pubblico"] = [
        {"Codice": "VP1", "Denominazione": "Imprese più aperte", "Livello": "generale", "Obiettivi strategici": "B2",
         "Indicatore di impatto": "Imprese che esportano", "Baseline": "6,2%", "Target 2025": ">=6,4%",
         "Target 2026": ">=6,7%", "Risorse": "120.000", "Fonte": "Registro", "Stakeholder": "Imprese"},
        {"Codice": "VP1.1", "Denominazione": "Più imprese digitali", "Livello": "specifico",
         "Obiettivo generale": "VP1", "Obiettivi strategici": "B2", "Target 2027": "50%"},
    ]  # fmt: skip
    data["Accessibilità e semplificazione"] = [
        {"Tipo": "Accessibilità digitale", "Codice": "AD1", "Azione": "Sito accessibile",
         "Obiettivo di valore pubblico": "VP1.1", "Destinatari": "ultrasessantacinquenni", "Indicatore": "Pagine",
         "Target": ">=90%", "Scadenza": dt.datetime(2025, 12, 31), "Struttura": "SRI"},
    ]  # fmt: skip
    data["Rischi"] = [
        {"Codice": "R01", "Area di rischio": "Contratti pubblici", "Processo": "Affidamenti", "Evento rischioso":
         "Frazionamento", "Struttura": "ASE", "Probabilità": "medio", "Impatto": "Alto"},
        {"Codice": "R02", "Area di rischio": "Registro delle imprese e albi", "Processo": "Iscrizioni",
         "Evento rischioso": "Fuori ordine", "Probabilità": "basso", "Impatto": "alto", "Giudizio": "basso"},
    ]  # fmt: skip
    data["Misure di prevenzione"] = [
        {"Codice": "M01", "Misura": "Rotazione", "Rischi": "R01, R02", "Ambito": "generale", "Tipologia": "rotazione",
         "Responsabile": "ASE", "Tempi": "entro il 30/06/2025", "Indicatore": "Affidamenti ruotati", "Target": "100%"},
    ]  # fmt: skip
    data["Trasparenza"] = [
        {"Sotto-sezione": "Bandi di gara e contratti", "Obbligo": "Atti delle procedure",
         "Riferimento normativo": "d.lgs. 33/2013, art. 37", "Struttura": "ASE", "Aggiornamento": "tempestivo"},
    ]  # fmt: skip
    data["Lavoro agile"] = {
        "Strategia": "Per obiettivi.", "Continuità dei servizi": "Sportelli sempre aperti.",
        "Rotazione e prevalenza in presenza": "Otto giorni al mese al massimo.", "Sicurezza dei dati": "VPN.",
        "Smaltimento dell'arretrato": "Nessun arretrato.", "Dotazione tecnologica": "Un portatile a testa.",
        "Obiettivi": "Accordi a chi li chiede.", "Dipendenti in lavoro agile": "21",
    }  # fmt: skip
    data["Personale"] = [
        {"Categoria": "Funzionari e Elevata qualificazione", "In servizio": 20, "Assunzioni 2025": 2,
         "Cessazioni 2025": 1, "Cessazioni 2026": 1},
        {"Categoria": "Istruttori", "In servizio": 34, "Assunzioni 2026": 1, "Cessazioni 2027": 2},
        {"Categoria": "Totale", "Totale": "si", "In servizio": 54, "Assunzioni 2025": 2, "Assunzioni 2026": 1,
         "Cessazioni 2025": 1, "Cessazioni 2026": 1, "Cessazioni 2027": 2},
    ]  # fmt: skip
    data["Formazione"] = [
        {"Tema": "Anticorruzione", "Destinatari": "tutti", "Anno": 2025, "Ore": 4, "Partecipanti": 54,
         "Modalità": "a distanza"},
    ]  # fmt: skip
    data["Monitoraggio PIAO"] = [
        {"Sezione": "2.3 Rischi corruttivi e trasparenza", "Oggetto": "misure", "Modalità": "Verifica",
         "Tempistica": "semestrale", "Responsabile": "RPCT"},
    ]  # fmt: skip
    data["Indagini di soddisfazione"] = [
        {"Servizio": "Registro imprese", "Modalità": "online", "Destinatari": "imprese", "Periodo": "ottobre",
         "Indicatore": "Giudizio medio", "Target": ">=4"},
    ]  # fmt: skip
    return data


def write(tmp_path: Path, change: Callable[[Data], None] = lambda data: None, typed: Callable[[Any], None] | None = None) -> Path:
    """The PIAO workbook changed by ``change``; ``typed`` then sets cells as Excel stores them (openpyxl)."""
    data = piao_data()
    change(data)
    workbook = build_workbook(data, years=YEARS, with_help=False)
    if typed is not None:
        typed(workbook)
    path = tmp_path / "piao.xlsx"
    save_workbook(workbook, path)
    return path


def load(path: Path) -> tuple[pianodocs.Plan, list[pianodocs.Problem]]:
    warnings: list[pianodocs.Problem] = []
    return pianodocs.load_workbook(path, warnings=warnings), warnings


def errors(path: Path) -> list[tuple[str | None, str | None, str]]:
    with pytest.raises(pianodocs.ValidationError) as raised:
        pianodocs.load_workbook(path)
    return [(p.sheet, p.cell, p.message) for p in raised.value.problems if p.severity is ERROR]


def warnings_of(path: Path) -> list[tuple[str | None, str | None, str]]:
    return [(p.sheet, p.cell, p.message) for p in load(path)[1] if p.severity is WARNING]


# --- loading: each sheet into the model's values -------------------------------------------------------


def test_the_piao_sheet_loads_into_the_plans_settings(tmp_path: Path) -> None:
    plan, warnings = load(write(tmp_path))
    assert [w.message for w in warnings] == []
    settings = plan.piao
    assert settings.variant is PiaoVariant.ORDINARY
    assert (settings.adoption_act, settings.budget_act, settings.rpct) == ("GC-1-2025", "CC-9-2024", "Nome Cognome")
    assert settings.registered_businesses is not None and settings.registered_businesses.number == Decimal(17850)
    assert settings.staff_date == "31/12/2024"  # a date cell, as the document prints it
    assert (plan.entity.pec, plan.entity.phone) == ("ente@pec.example.org", "0999 1")
    assert plan.operational_objectives[0].piao_dimensions == ("digitalizzazione", "parità di genere")


def test_valore_pubblico_loads_general_and_specific_objectives_with_targets_per_year(tmp_path: Path) -> None:
    general, specific = load(write(tmp_path))[0].public_value_objectives
    assert (general.code, general.level, general.parent, general.strategic_objectives) == (
        "VP1",
        PublicValueLevel.GENERAL,
        "",
        ("B2",),
    )
    assert general.baseline is not None and general.baseline.number == Decimal("0.062")
    assert {year: target.text for year, target in general.targets.items()} == {2025: ">=6,4%", 2026: ">=6,7%"}
    assert general.resources is not None and general.resources.number == Decimal(120000)
    assert (general.impact_indicator, general.source, general.stakeholders) == ("Imprese che esportano", "Registro", "Imprese")
    assert (specific.level, specific.parent, list(specific.targets)) == (PublicValueLevel.SPECIFIC, "VP1", [2027])


def test_the_other_sheets_load_into_their_records(tmp_path: Path) -> None:
    plan = load(write(tmp_path))[0]
    assert plan.public_value_actions == (
        PublicValueAction(
            PublicValueActionKind.DIGITAL_ACCESSIBILITY, "Sito accessibile", "AD1", "VP1.1", "ultrasessantacinquenni",
            "Pagine", parse_target(">=90%"), "31/12/2025", "SRI",
        ),
    )  # fmt: skip
    first, second = plan.risks
    assert (first.likelihood, first.impact, first.judgement, first.level) == (
        RiskLevel.MEDIUM,
        RiskLevel.HIGH,
        None,
        RiskLevel.HIGH,
    )
    assert (second.judgement, second.level) == (RiskLevel.LOW, RiskLevel.LOW)  # the judgement written wins
    assert plan.prevention_measures == (
        PreventionMeasure(
            "M01", "Rotazione", ("R01", "R02"), MeasureScope.GENERAL, "rotazione", "ASE", "entro il 30/06/2025",
            "Affidamenti ruotati", parse_target("100%"),
        ),
    )  # fmt: skip
    assert plan.transparency_obligations == (
        TransparencyObligation(
            "Bandi di gara e contratti", "Atti delle procedure", "d.lgs. 33/2013, art. 37", "ASE", "tempestivo"
        ),
    )
    assert plan.smart_working == SmartWorking(
        "Per obiettivi.", "Sportelli sempre aperti.", "Otto giorni al mese al massimo.", "VPN.", "Nessun arretrato.",
        "Un portatile a testa.", "Accordi a chi li chiede.", 21,
    )  # fmt: skip
    assert plan.training == (TrainingCourse("Anticorruzione", "tutti", 2025, 4, 54, "a distanza"),)
    assert plan.piao_monitoring == (
        MonitoringArrangement("2.3 Rischi corruttivi e trasparenza", "Verifica", "semestrale", "RPCT", "misure"),
    )
    assert plan.satisfaction_surveys == (
        SatisfactionSurvey("Registro imprese", "online", "imprese", "ottobre", "Giudizio medio", parse_target(">=4")),
    )


def test_personale_loads_staff_hires_and_leavers_by_year(tmp_path: Path) -> None:
    officers, clerks, total = load(write(tmp_path))[0].staff
    assert officers == StaffCategory("Funzionari e Elevata qualificazione", 20, {2025: 2}, {2025: 1, 2026: 1})
    assert clerks == StaffCategory("Istruttori", 34, {2026: 1}, {2027: 2})
    assert (total.present, total.is_total, total.hires, total.leavers) == (
        54,
        True,
        {2025: 2, 2026: 1},
        {2025: 1, 2026: 1, 2027: 2},
    )


def test_excel_as_typed_is_read_as_meant(tmp_path: Path) -> None:
    """Numbers typed as text or stored as floats, a percentage cell, a date typed as text: what the person meant."""

    def excel(workbook: Any) -> None:
        staff = workbook["Personale"]
        staff["B2"] = "20"  # In servizio typed in a text-formatted cell
        staff["C2"] = 2.0  # a pasted value: Excel's float
        baseline = workbook["Valore pubblico"]["H2"]
        baseline.value, baseline.number_format = 0.062, "0.0%"
        workbook["PIAO"]["B7"] = "31/12/2024"  # Data del personale typed as text
        workbook["Lavoro agile"]["B9"] = 21.0

    plan = load(write(tmp_path, typed=excel))[0]
    assert (plan.staff[0].present, plan.staff[0].hires) == (20, {2025: 2})
    baseline = plan.public_value_objectives[0].baseline
    assert baseline is not None and (baseline.text, baseline.number) == ("6,2%", Decimal("0.062"))
    assert plan.piao.staff_date == "31/12/2024"
    assert plan.smart_working.agile_staff == 21


def test_a_workbook_without_the_piao_sheets_loads_with_their_defaults(tmp_path: Path) -> None:
    data = copy.deepcopy(example_data(2025, 2027))
    workbook = build_workbook(data, years=YEARS, with_help=False)
    for name in ("PIAO", "Lavoro agile", "Personale", "Rischi"):
        del workbook[name]
    path = tmp_path / "piano.xlsx"
    save_workbook(workbook, path)
    plan = pianodocs.load_workbook(path)
    assert (plan.piao.variant, plan.smart_working, plan.staff, plan.risks) == (PiaoVariant.ORDINARY, SmartWorking(), (), ())


# --- checks: each broken workbook gives its located message ---------------------------------------------


def test_a_measures_unknown_risk(tmp_path: Path) -> None:
    path = write(tmp_path, lambda data: data["Misure di prevenzione"][0].update(Rischi="R01, R09"))
    assert errors(path) == [("Misure di prevenzione", "C2", "'Rischi' indica 'R09', che non esiste nel foglio 'Rischi'.")]


def test_a_specific_objective_under_an_objective_that_is_not_general(tmp_path: Path) -> None:
    def change(data: Data) -> None:
        data["Valore pubblico"].append({"Codice": "VP1.2", "Denominazione": "Sotto lo specifico", "Livello": "specifico",
                                        "Obiettivo generale": "VP1.1"})  # fmt: skip
        data["Valore pubblico"].append({"Codice": "VP1.3", "Denominazione": "Sotto nessuno", "Livello": "specifico",
                                        "Obiettivo generale": "VP9"})  # fmt: skip
        data["Valore pubblico"].append({"Codice": "VP1.4", "Denominazione": "Senza", "Livello": "specifico"})

    assert errors(write(tmp_path, change)) == [
        (
            "Valore pubblico",
            "D4",
            "'Obiettivo generale' indica 'VP1.1', che è un obiettivo specifico: indicare un obiettivo generale.",
        ),
        ("Valore pubblico", "D5", "'Obiettivo generale' indica 'VP9', che non esiste nel foglio 'Valore pubblico'."),
        ("Valore pubblico", "C6", "L'obiettivo specifico 'VP1.4' deve indicare il suo 'Obiettivo generale'."),
    ]


def test_a_general_objective_under_another_is_warned(tmp_path: Path) -> None:
    path = write(tmp_path, lambda data: data["Valore pubblico"][0].update(**{"Obiettivo generale": "VP1.1"}))
    assert warnings_of(path) == [
        ("Valore pubblico", "D2", "L'obiettivo 'VP1' è generale ma indica l'obiettivo generale 'VP1.1': un obiettivo "
         "generale non ne ha uno sopra di sé. Se l'obiettivo è specifico, scrivere specifico in 'Livello'; altrimenti "
         "svuotare 'Obiettivo generale'."),
    ]  # fmt: skip


def test_unknown_strategic_objective_structure_and_public_value_objective(tmp_path: Path) -> None:
    def change(data: Data) -> None:
        data["Valore pubblico"][0]["Obiettivi strategici"] = "B2, Z9"
        data["Accessibilità e semplificazione"][0].update(**{"Obiettivo di valore pubblico": "VP7", "Struttura": "XX"})
        data["Rischi"][1]["Struttura"] = "YY"
        data["Trasparenza"][0]["Struttura"] = "ZZ"

    assert errors(write(tmp_path, change)) == [
        ("Valore pubblico", "F2", "'Obiettivi strategici' indica 'Z9', che non esiste nel foglio 'Obiettivi strategici'."),
        (
            "Accessibilità e semplificazione",
            "D2",
            "'Obiettivo di valore pubblico' indica 'VP7', che non esiste nel foglio 'Valore pubblico'.",
        ),
        ("Accessibilità e semplificazione", "I2", "'Struttura' indica 'XX', che non esiste nel foglio 'Strutture'."),
        ("Rischi", "E3", "'Struttura' indica 'YY', che non esiste nel foglio 'Strutture'."),
        ("Trasparenza", "D2", "'Struttura' indica 'ZZ', che non esiste nel foglio 'Strutture'."),
    ]


def test_unknown_acts_and_piao_marks(tmp_path: Path) -> None:
    def change(data: Data) -> None:
        data["PIAO"]["Bilancio di riferimento"] = "CC-1-2099"
        data["Obiettivi operativi"][0]["Ambiti PIAO"] = "semplificazione, innovazione"

    assert errors(write(tmp_path, change)) == [
        ("PIAO", "B4", "'Bilancio di riferimento' indica 'CC-1-2099', che non esiste nel foglio 'Atti'."),
        ("Obiettivi operativi", "J2", "'Ambiti PIAO' indica «innovazione»: ammessi semplificazione, digitalizzazione, "
         "accessibilità, parità di genere, separati da virgola."),
    ]  # fmt: skip


def test_duplicate_codes(tmp_path: Path) -> None:
    def change(data: Data) -> None:
        data["Rischi"][1]["Codice"] = "R01"
        data["Misure di prevenzione"].append(dict(data["Misure di prevenzione"][0], Rischi="R01"))
        data["Valore pubblico"][1]["Codice"] = "VP1"
        data["Personale"][1]["Categoria"] = "Funzionari e Elevata qualificazione"

    found = errors(write(tmp_path, change))
    assert ("Rischi", "A3", "Il codice 'R01' è già usato alla riga 2.") in found
    assert ("Misure di prevenzione", "A3", "Il codice 'M01' è già usato alla riga 2.") in found
    assert ("Valore pubblico", "A3", "Il codice 'VP1' è già usato alla riga 2.") in found
    assert ("Personale", "A3", "Il codice 'Funzionari e Elevata qualificazione' è già usato alla riga 2.") in found


def test_per_year_columns_outside_the_plans_years_are_ignored_with_a_warning(tmp_path: Path) -> None:
    def change(data: Data) -> None:
        data["Valore pubblico"][0]["Target 2028"] = ">=8%"
        data["Personale"][0]["Assunzioni 2024"] = 3

    path = write(tmp_path, change)
    found = warnings_of(path)
    assert ("Valore pubblico", "O2", "La colonna 'Target 2028' è fuori dal periodo del piano 2025-2027: i valori delle "
            "celle O2 vengono ignorati.") in found  # fmt: skip
    assert ("Personale", "J2", "La colonna 'Assunzioni 2024' è fuori dal periodo del piano 2025-2027: i valori delle "
            "celle J2 vengono ignorati.") in found  # fmt: skip
    plan = load(path)[0]
    assert 2028 not in plan.public_value_objectives[0].targets and 2024 not in plan.staff[0].hires


def test_a_typed_staff_total_must_be_the_sum_of_the_rows(tmp_path: Path) -> None:
    """Rows: 20 + 34 = 54 in service; hires 2026 0 + 1 = 1; leavers 2027 0 + 2 = 2. The total row says 55, 2 and 1."""

    def change(data: Data) -> None:
        data["Personale"][2].update(**{"In servizio": 55, "Assunzioni 2026": 2, "Cessazioni 2027": 1})

    assert errors(write(tmp_path, change)) == [
        ("Personale", "B4", "Il totale 'In servizio' è 55, ma la somma delle righe 2, 3 è 54."),
        ("Personale", "D4", "Il totale 'Assunzioni 2026' è 2, ma la somma delle righe 2, 3 è 1."),
        ("Personale", "H4", "Il totale 'Cessazioni 2027' è 1, ma la somma delle righe 2, 3 è 2."),
    ]


def test_no_category_below_zero_in_a_year(tmp_path: Path) -> None:
    """Dirigenti: 1 in service, +0 −1 in 2025 (0), +1 −0 in 2026 (1), +0 −2 in 2027: −1."""

    def change(data: Data) -> None:
        data["Personale"] = [{"Categoria": "Dirigenti", "In servizio": 1, "Cessazioni 2025": 1, "Assunzioni 2026": 1,
                              "Cessazioni 2027": 2}]  # fmt: skip

    assert errors(write(tmp_path, change)) == [
        ("Personale", "H2", "La categoria «Dirigenti» scende a -1 persone nel 2027: in servizio 1, assunzioni 1 e "
         "cessazioni 3 fino al 2027. Le cessazioni non possono superare il personale."),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("variant", "needed"),
    [
        ("ordinario", ["Valore pubblico", "Rischi", "Misure di prevenzione", "Trasparenza", "Lavoro agile", "Personale",
                       "Monitoraggio PIAO"]),
        ("semplificato", ["Rischi", "Misure di prevenzione", "Trasparenza", "Lavoro agile", "Personale"]),
    ],
)  # fmt: skip
def test_a_piao_needs_the_sheets_of_its_variant(tmp_path: Path, variant: str, needed: list[str]) -> None:
    def empty(data: Data) -> None:
        data["PIAO"]["Variante"] = variant
        for name in ("Valore pubblico", "Rischi", "Misure di prevenzione", "Trasparenza", "Personale", "Monitoraggio PIAO",
                     "Accessibilità e semplificazione"):  # fmt: skip
            data[name] = []
        data["Lavoro agile"] = {}

    article = "art. 6" if variant == "semplificato" else "artt. 3-5"
    assert errors(write(tmp_path, empty)) == [
        (name, None, f"Il PIAO {variant} (DM 132/2022 {article}) richiede il foglio '{name}', che manca o è vuoto.")
        for name in needed
    ]


def test_an_ordinary_piao_needs_indicators_for_its_section_2_2(tmp_path: Path) -> None:
    path = write(tmp_path, lambda data: data.update(Indicatori=[]))
    assert ("Indicatori", None, "Il PIAO ordinario stampa nella sottosezione 2.2 gli obiettivi e gli indicatori della "
            "performance: il foglio 'Indicatori' manca o è vuoto.") in errors(path)  # fmt: skip


def test_the_piao_sheets_are_not_asked_of_other_kinds(tmp_path: Path) -> None:
    def other_kind(data: Data) -> None:
        data["Piano"]["Tipo"] = "piano-performance"
        data.update(Rischi=[], **{"Misure di prevenzione": [], "Lavoro agile": {}})

    plan = load(write(tmp_path, other_kind))[0]
    assert (plan.risks, plan.prevention_measures, plan.smart_working) == ((), (), SmartWorking())


@pytest.mark.parametrize(
    ("number", "field", "cell"),
    [
        (1, "Continuità dei servizi", "B3"),
        (2, "Rotazione e prevalenza in presenza", "B4"),
        (3, "Sicurezza dei dati", "B5"),
        (4, "Smaltimento dell'arretrato", "B6"),
        (5, "Dotazione tecnologica", "B7"),
    ],
)
def test_each_condition_of_lavoro_agile_is_required_at_its_cell(tmp_path: Path, number: int, field: str, cell: str) -> None:
    (found,) = errors(write(tmp_path, lambda data: data["Lavoro agile"].pop(field)))
    sheet, where, message = found
    assert (sheet, where) == ("Lavoro agile", cell)
    assert message.startswith(f"Manca '{field}': il PIAO deve prevedere ")
    assert message.endswith(f"(DM 132/2022 art. 4 c.1 lett. b n. {number}).")


def test_a_simplified_piao_with_fifty_in_service_is_warned(tmp_path: Path) -> None:
    path = write(tmp_path, lambda data: data["PIAO"].update(Variante="semplificato"))
    assert warnings_of(path) == [
        ("PIAO", "B2", "La variante è semplificato, ma il personale in servizio è di 54 persone (foglio Personale): il "
         "PIAO semplificato è delle amministrazioni con meno di 50 dipendenti (DM 132/2022 art. 6)."),
    ]  # fmt: skip


def test_an_ordinary_piao_under_fifty_may_adopt_the_simplified_one(tmp_path: Path) -> None:
    def small(data: Data) -> None:
        data["Personale"][1]["In servizio"] = 29
        data["Personale"][2]["In servizio"] = 49  # 20 + 29

    assert warnings_of(write(tmp_path, small)) == [
        ("PIAO", "B2", "Il personale in servizio è di 49 persone (foglio Personale): con meno di 50 dipendenti "
         "l'amministrazione può adottare il PIAO semplificato (Variante semplificato, DM 132/2022 art. 6)."),
    ]  # fmt: skip


def test_a_bad_cell_in_a_piao_sheet_is_located(tmp_path: Path) -> None:
    def change(data: Data) -> None:
        data["Rischi"][0]["Impatto"] = "altissimo"
        data["Personale"][0]["In servizio"] = "venti"

    assert errors(write(tmp_path, change)) == [
        ("Rischi", "G2", "'Impatto' non ammette «altissimo»: valori ammessi basso, medio, alto."),
        ("Personale", "B2", "'In servizio' deve essere un numero intero: trovato «venti»."),
    ]


# --- pianodocs init --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def blank(tmp_path_factory: pytest.TempPathFactory) -> Any:
    path = tmp_path_factory.mktemp("init") / "piano.xlsx"
    write_blank_workbook(path, 2025, 2027)
    return openpyxl.load_workbook(path)


def _offered(workbook: Any, formula: str) -> list[object]:
    sheet_name, cells = formula.rsplit("!", 1)
    return [c.value for row in workbook[sheet_name.strip("'")][cells.replace("$", "")] for c in row if c.value is not None]


def _validation(sheet: Any, cell: str) -> Any:
    (found,) = [v for v in sheet.data_validations.dataValidation if cell in v.sqref]
    return found


def test_init_writes_the_piao_sheets_with_their_columns_per_year(blank: Any) -> None:
    assert blank["Personale"]["C1"].value == "Assunzioni 2025" and blank["Personale"]["H1"].value == "Cessazioni 2027"
    assert [c.value for c in blank["Valore pubblico"][1]][8:11] == ["Target 2025", "Target 2026", "Target 2027"]
    assert [blank["Lavoro agile"].cell(row=r, column=1).value for r in range(3, 8)] == [
        "Continuità dei servizi", "Rotazione e prevalenza in presenza", "Sicurezza dei dati", "Smaltimento dell'arretrato",
        "Dotazione tecnologica",
    ]  # fmt: skip
    assert blank.sheetnames[-1] == LISTS_SHEET


def test_init_explains_each_piao_column(blank: Any) -> None:
    assert "art. 4 c.1 lett. b n. 3" in blank["Lavoro agile"]["A5"].comment.text
    assert blank["Rischi"]["A1"].comment.text.startswith("codice breve e univoco del rischio (obbligatorio)")
    assert "Contano gli anni del piano (2025-2027)" in blank["Personale"]["C1"].comment.text


def test_init_offers_the_piao_choices_as_drop_downs(blank: Any) -> None:
    variant = _validation(blank["PIAO"], "B2")
    assert _offered(blank, variant.formula1) == ["ordinario", "semplificato"] and variant.showErrorMessage
    impact = _validation(blank["Rischi"], "G2")
    assert _offered(blank, impact.formula1) == ["basso", "medio", "alto"] and impact.showErrorMessage
    area = _validation(blank["Rischi"], "B2")  # the PNA's areas are suggestions: a specific area is allowed
    assert "Contratti pubblici" in _offered(blank, area.formula1) and not area.showErrorMessage
    kind = _validation(blank["Accessibilità e semplificazione"], "A2")
    assert _offered(blank, kind.formula1) == [
        "accessibilità fisica",
        "accessibilità digitale",
        "semplificazione",
        "reingegnerizzazione",
    ]
    assert _validation(blank["Personale"], "I2").formula1 == _validation(blank["Obiettivi operativi"], "G2").formula1  # si/no
    assert _validation(blank["Rischi"], "E2").formula1 == "'Strutture'!$A$2:$A$2000"
    assert _validation(blank["Valore pubblico"], "D2").formula1 == "'Valore pubblico'!$A$2:$A$2000"


def test_the_blank_workbook_still_loads_as_a_piano(tmp_path: Path) -> None:
    path = tmp_path / "piano.xlsx"
    write_blank_workbook(path, 2025, 2027)
    plan = pianodocs.load_workbook(path)
    assert plan.kind == "piano-performance" and plan.staff == () and plan.piao.variant is PiaoVariant.ORDINARY


def _piao_sections(*keys: str) -> Callable[[Data], None]:
    def change(data: Data) -> None:
        data["Sezioni"] = [{"Chiave": key, "Titolo": f"Sezione {key}", "Livello": 1, "Documento": "piao"} for key in keys]

    return change


def test_a_piao_section_key_the_piao_does_not_have_is_warned_at_its_cell(tmp_path: Path) -> None:
    # the office's texts under a key the PIAO has no section for would silently go unprinted
    path = write(tmp_path, _piao_sections("lavoro-agile", "rischi"))
    [(sheet, cell, message)] = warnings_of(path)
    assert (sheet, cell) == ("Sezioni", "A3")
    assert message.startswith("La sezione 'rischi' è del PIAO (Documento piao), ma il PIAO non ha una sezione con ")
    assert "rischi-corruttivi" in message  # the keys it could have meant are listed


def test_a_section_the_simplified_piao_does_not_have_is_warned(tmp_path: Path) -> None:
    def simplified_with_public_value_texts(data: Data) -> None:
        _piao_sections("valore-pubblico", "rischi-corruttivi")(data)
        data["PIAO"].update(Variante="semplificato")
        data["Personale"][0]["In servizio"] = 10  # a small office of 10 + 34 = 44: no warning about the variant
        data["Personale"][2]["In servizio"] = 44

    assert warnings_of(write(tmp_path, simplified_with_public_value_texts)) == [
        ("Sezioni", "A2", "Il PIAO semplificato non ha la sezione 2.1 ('valore-pubblico', DM 132/2022 art. 6): i testi "
         "di questa sezione non sarebbero stampati."),
    ]  # fmt: skip
