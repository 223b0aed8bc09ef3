"""The invented chamber of sample_data/cciaa_valserena_2024_2026.xlsx: typed as Excel stores it, every kind rendered.

The workbook's cells hold what Excel keeps when a person types (0.4 formatted 0% for "40%", the integer 11
for the missione "011", the formula =1 with its cached value): the tests check that the plan reads them back
as typed, that every document kind renders in PDF and DOCX with the expected content, and that no output
contains the text of the five published documents (seeds) the other samples come from.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import zipfile
from collections import Counter
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

import pianodocs
from pianodocs.errors import Problem, Severity
from pianodocs.model import Direction, RevisionKind
from pianodocs.scoring import Scorecard, score
from pianodocs.values import TargetKind

from .conftest import SAMPLES
from .seed_phrases import plan_years_found, seed_text_found
from .test_untrusted_text import docx_text
from .text import dehyphenate

WORKBOOK = SAMPLES / "cciaa_valserena_2024_2026.xlsx"
NAME = "Camera di Commercio di Valserena e Monti Alti"
MID_YEAR, YEAR_END = dt.date(2024, 6, 30), dt.date(2024, 12, 31)
FORMATS = ("pdf", "docx")
KINDS: dict[str, dict[str, object]] = {
    "piano-performance": {},
    "pira": {},
    "monitoraggio": {"at": MID_YEAR},
    "cruscotto": {},
    "relazione-performance": {"anno": 2024},
    "allegato-delibera": {"atto": "GV-71-2024"},
}


def _flat(text: str) -> str:
    """The text as a person reads it: words hyphenated at a line end rejoined, white space flattened."""
    return re.sub(r"\s+", " ", dehyphenate(text)).strip()


def _has(text: str, phrase: str) -> bool:
    """``phrase`` in ``text``, its words in order: a PDF table breaks a cell's lines between other cells' words."""
    pattern = r"\s+(?:\S+\s+){0,12}?".join(re.escape(word) for word in phrase.split())
    return re.search(pattern, text) is not None


@pytest.fixture(scope="module")
def loaded() -> tuple[pianodocs.Plan, list[Problem]]:
    warnings: list[Problem] = []
    plan = pianodocs.load_workbook(WORKBOOK, warnings=warnings)
    return plan, warnings


@pytest.fixture(scope="module")
def plan(loaded: tuple[pianodocs.Plan, list[Problem]]) -> pianodocs.Plan:
    return loaded[0]


def _indicator(plan: pianodocs.Plan, code: str) -> pianodocs.Indicator:
    return next(indicator for indicator in plan.indicators if indicator.code == code)


def _formula_cells() -> list[str]:
    """The cells of the Indicatori sheet where V122-2's targets =1 were typed (the columns depend on the template)."""
    sheet = openpyxl.load_workbook(WORKBOOK)["Indicatori"]
    row = next(cell.row for cell in sheet["A"] if cell.value == "V122-2")
    letters = {cell.value: cell.column_letter for cell in sheet[1]}
    return [f"{letters[f'Target {year}']}{row}" for year in (2024, 2025, 2026)]


# --- the workbook ---------------------------------------------------------------------------------------


def test_the_workbook_loads_with_exactly_the_expected_warnings(loaded: tuple[pianodocs.Plan, list[Problem]]) -> None:
    """Codes typed without their zeros (51 cells) and the three =1 targets that Excel made formulas: nothing else."""
    _, warnings = loaded
    assert all(problem.severity is Severity.WARNING for problem in warnings)
    formulas = sorted(problem.cell or "" for problem in warnings if "=1" in problem.message)
    assert [(problem.sheet, problem.cell) for problem in warnings if "=1" in problem.message] == [
        ("Indicatori", cell) for cell in _formula_cells()
    ], formulas
    codes = [problem for problem in warnings if "=1" not in problem.message]
    # the codes typed as numbers: every Missione and Programma cell of the workbook
    assert Counter(problem.sheet for problem in codes) == {
        "Linee strategiche": 5,  # L1-L5
        "Indicatori": 18,  # nine PIRA indicators, missione and programma each
        "Missioni": 4,
        "Programmi": 10,
        "Obiettivi PIRA": 14,
    }
    restored = {"011", "012", "016", "032", "002", "003", "004", "005"}
    assert all(any(f"«{code}»" in problem.message for code in restored) for problem in codes)


def test_the_cells_are_stored_as_excel_stores_what_staff_type() -> None:
    """The file itself: the blank workbook of ``pianodocs init`` (help comments), typed cells, the =1 formula cached."""
    workbook = openpyxl.load_workbook(WORKBOOK)
    indicators = workbook["Indicatori"]
    headers = {cell.value: cell.column_letter for cell in indicators[1]}
    assert indicators["A1"].comment is not None, "the help of pianodocs init"
    weight = indicators[f"{headers['Peso']}2"]
    assert (weight.value, weight.number_format) == (0.4, "0%")
    mission = indicators[f"{headers['Missione']}2"]
    assert (mission.value, mission.data_type) == (11, "n")
    formula = _formula_cells()[0]
    assert indicators[formula].value == "=1"
    with zipfile.ZipFile(WORKBOOK) as archive:
        sheet = archive.read(f"xl/worksheets/sheet{workbook.sheetnames.index('Indicatori') + 1}.xml").decode()
    assert re.search(rf'<c r="{formula}"[^>]*><f>1</f><v>1</v></c>', sheet), "Excel saves the formula with its value"
    revision = workbook["Revisioni"]
    revised = [cell for cell in revision[3] if cell.value == 0.5]
    assert [cell.number_format for cell in revised] == ["0%"]
    date = workbook["Atti"]["D2"]
    assert (date.value, date.number_format) == (dt.datetime(2024, 1, 30), "dd/mm/yyyy")


def test_it_says_it_is_invented(plan: pianodocs.Plan) -> None:
    assert plan.entity.name == NAME
    assert plan.illustrative is True
    assert "inventati" in plan.data_note
    assert (plan.first_year, plan.last_year, plan.reference_year, plan.monitoring_date) == (2024, 2026, 2024, MID_YEAR)


def test_the_tree(plan: pianodocs.Plan) -> None:
    assert len(plan.perspectives) == 4
    assert [line.code for line in plan.lines] == ["L1", "L2", "L3", "L4", "L5"]
    assert next(line for line in plan.lines if line.code == "L2").not_declined_note
    assert len(plan.strategic_objectives) == 11
    assert len(plan.operational_objectives) == 20
    assert {area for o in plan.operational_objectives for area in o.areas} == {"APS", "ARM", "AGR"}
    assert next(o for o in plan.operational_objectives if o.code == "O122").areas == ("APS", "ARM")
    assert len(list(plan.indicators)) == 45
    assert plan.perspective_of("S33") == "CRE" and plan.perspective_of("S31") == "PRO"


def test_weights_and_percentages_read_as_typed(plan: pianodocs.Plan) -> None:
    """0.4 formatted 0% is 40%; a threshold typed 80% is 80%; a cluster mean typed 78,12% keeps its decimals."""
    assert _indicator(plan, "V111-1").weight == Decimal("0.4")
    assert _indicator(plan, "V141-2").weight == Decimal("0.25")
    assert plan.threshold == Decimal("0.8")
    quota = _indicator(plan, "V112-1")
    assert str(quota.target(2024)) == "85%" and quota.target(2024).kind is TargetKind.LEVEL
    assert quota.cluster_mean is not None and quota.cluster_mean.text == "78,12%"
    assert quota.history[2023].text == "77,4%"
    assert _indicator(plan, "V122-1").history[2023].text == "1,08"


@pytest.mark.parametrize(
    ("code", "year", "written", "kind"),
    [
        ("V111-1", 2024, "1.200", TargetKind.LEVEL),  # the number 1200
        ("V111-2", 2024, ">=80%", TargetKind.COMPARISON),  # at least
        ("V121-1", 2024, ">150", TargetKind.COMPARISON),  # more than
        ("V131-2", 2024, ">= 3", TargetKind.COMPARISON),
        ("V311-2", 2024, "<4", TargetKind.COMPARISON),  # at most, lower is better
        ("V512-2", 2024, "<30%", TargetKind.COMPARISON),
        ("V122-2", 2024, "=1", TargetKind.COMPARISON),  # typed =1: a formula with cached value 1
        ("V112-2", 2024, "30/09/2024", TargetKind.DEADLINE),  # a date cell
        ("V141-2", 2024, "entro il 30/11/2024", TargetKind.DEADLINE),
        ("V331-2", 2024, "entro 31/10/2024", TargetKind.DEADLINE),
        ("V312-1", 2024, "si", TargetKind.YES_NO),
        ("V321-2", 2024, "entro l'avvio della nuova piattaforma dei controlli", TargetKind.FREE_TEXT),
        ("V321-2", 2025, "n.d.", TargetKind.NONE),
        ("V112-2", 2025, "-", TargetKind.NONE),
        ("V521-1", 2024, "-10", TargetKind.LEVEL),  # negative, lower is better
    ],
)
def test_every_target_form_read_as_typed(plan: pianodocs.Plan, code: str, year: int, written: str, kind: TargetKind) -> None:
    target = _indicator(plan, code).target(year)
    assert target is not None
    assert (str(target), target.kind) == (written, kind)


def test_the_ratio_to_the_previous_year_and_lower_is_better(plan: pianodocs.Plan) -> None:
    assert str(_indicator(plan, "V122-1").target(2024)) == ">1"
    assert str(_indicator(plan, "V512-1").target(2024)) == "<1"
    assert _indicator(plan, "V521-1").direction is Direction.LOWER_IS_BETTER
    assert _indicator(plan, "V512-1").direction is Direction.LOWER_IS_BETTER


def test_codes_typed_as_numbers_keep_three_digits(plan: pianodocs.Plan) -> None:
    """Missione 11 and programma 5, typed without the apostrophe, are the codes 011 and 005."""
    assert [mission.code for mission in plan.missions] == ["011", "012", "016", "032"]
    assert [(p.mission, p.code) for p in plan.programmes] == [
        ("011", "005"),
        ("012", "004"),
        ("016", "005"),
        ("032", "002"),
        ("032", "003"),
    ]
    first = _indicator(plan, "V111-1")
    assert (first.mission, first.programme, first.responsibility_centre) == (
        "011",
        "005",
        "Area Promozione e Sviluppo delle imprese",
    )
    assert {line.code: line.mission for line in plan.lines}["L3"] == "012"


def test_revisions_keep_the_percentages_as_typed(plan: pianodocs.Plan) -> None:
    """Revisioni's values are text columns: 0.4 formatted 0% is still "40%" there."""
    shown = [(r.kind, r.element, r.year, r.previous, r.new) for r in plan.revisions]
    assert shown == [
        (RevisionKind.TARGET_REVISED, "V112-1", 2024, "85%", "80%"),
        (RevisionKind.WEIGHT_REVISED, "V121-1", None, "40%", "50%"),
        (RevisionKind.WEIGHT_REVISED, "V121-2", None, "60%", "30%"),
        (RevisionKind.INDICATOR_INSERTED, "V121-3", 2024, "", "90%"),
        (RevisionKind.INDICATOR_ELIMINATED, "V141-3", None, "25%", ""),
    ]
    assert all(r.act == "GV-71-2024" for r in plan.revisions)
    assert [r.respread_weights for r in plan.revisions] == [False, False, False, False, True]


def test_acts_dates_and_measurements(plan: pianodocs.Plan) -> None:
    adoption, revision = plan.acts
    assert adoption.citation == "deliberazione della Giunta n. 12 del 30 gennaio 2024"
    assert revision.citation == "deliberazione della Giunta n. 71 del 16 settembre 2024"
    dates = Counter(m.date for m in plan.measurements)
    assert dates == {MID_YEAR: 42, YEAR_END: 44}
    (mid, end) = plan.measurements_of("V112-2")
    assert (mid.value.text, end.value.date) == ("in itinere", dt.date(2024, 9, 12))
    assert [m.value.text for m in plan.measurements_of("V311-1")] == ["86,1%", "88,3%"]
    assert [m.value.text for m in plan.measurements_of("V412-1")] == ["nd"]
    manual = plan.measurements_of("V321-2")[-1]
    assert manual.manual_achievement == Decimal(1) and manual.note


def test_budget_totals_are_the_sums(plan: pianodocs.Plan) -> None:
    line = [item for item in plan.budget_items if item.line == "L1"]
    charges = sum((item.promotional_costs for item in line), Decimal(0))
    investments = sum((item.investments for item in line), Decimal(0))
    revenues = sum((item.revenues for item in line), Decimal(0))
    # 48.000 + 22.500 + 60.000 + 8.400 + 30.000; 12.000; 5.000 + 10.000
    assert (charges, investments, revenues) == (Decimal(168900), Decimal(12000), Decimal(15000))
    total = next(t for t in plan.budget_totals if (t.level, t.reference) == ("linea", "L1"))
    assert (total.promotional_costs, total.investments, total.revenues) == (charges, investments, revenues)


def test_free_tables_as_typed(plan: pianodocs.Plan) -> None:
    staff = plan.table("personale")
    assert staff is not None and staff.rows[-1].cells[:4] == ("Totale", "35", "20", "55")
    shares = plan.table("partecipate")
    assert shares is not None
    assert shares.rows[1].cells[1:3] == ("92345670123", "12,50%"), "a tax code keeps its digits, a share its format"


# --- scoring, computed by hand ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def year_end(plan: pianodocs.Plan) -> Scorecard:
    return score(plan, YEAR_END, year=2024)


def test_the_year_end_scores_computed_by_hand(year_end: Scorecard) -> None:
    """At 31/12/2024 only four indicators miss their target; everything else reaches 100%.

    V111-1 480 / 1.200 = 40%  → O111 = 60% × 100% + 40% × 40% = 76%;  O112 = 100%   → S11 = (76 + 100) / 2 = 88%
    S12 = 100% (V121-3, inserted on 16/09, counts at the year end; weights 50% + 30% + 20%)
    V131-1 54% / 90% = 60%    → O131 = 50% × 60% + 50% × 100% = 80%;  O132 = 100% → S13 = (80 + 100) / 2 = 90%
                                 (O133 is only in the cascading sheet: not summed)
    S14 = 100% (V141-3 eliminated, its weight re-spread)
    L1 = (88 + 100 + 90 + 100) / 4 = 94,5%;  L2 is not declined: no objectives, not counted
    L3 = L4 = 100% (V412-1 "nd" is not evaluable and leaves the mean; V321-2 is assessed by hand at 100%)
    V511-1 40% / 80% = 50%    → O511 = 50% × 50% + 50% × 100% = 75%;  O512 = 100% → S51 = 87,5%; S52 = 100%
    L5 = (87,5 + 100) / 2 = 93,75%
    Perspectives: IMP = L1 = 94,5%; PRO = 100%; CRE = 100%; ECO = L5 = 93,75%
    (S33 has its own perspective CRE: everything in PRO and CRE is at 100%, so it gives the same either way)
    Ente = (94,5 + 100 + 100 + 93,75) / 4 = 388,25 / 4 = 97,0625% → printed 97%
    """
    objectives = {group.code: group.achievement for group in year_end.objectives}
    assert objectives["O111"] == Decimal("0.76")
    assert objectives["O131"] == Decimal("0.8")
    assert objectives["O511"] == Decimal("0.75")
    assert (objectives["S11"], objectives["S13"], objectives["S51"]) == (Decimal("0.88"), Decimal("0.9"), Decimal("0.875"))
    assert all(objectives[code] == 1 for code in ("S12", "S14", "S31", "S32", "S33", "S41", "S42", "S52"))
    assert {p.code: p.achievement for p in year_end.perspectives} == {
        "IMP": Decimal("0.945"),
        "PRO": 1,
        "CRE": 1,
        "ECO": Decimal("0.9375"),
    }
    assert year_end.ente.achievement == Decimal("0.970625")


def test_the_mid_year_score_of_one_indicator(plan: pianodocs.Plan) -> None:
    """At 30/06/2024 V111-1 has 300 of 1.200: 25%; V121-3 is not in the plan yet (inserted on 16/09/2024)."""
    card = score(plan, MID_YEAR, year=2024)
    scores = {s.indicator.code: s for s in card.indicators}
    assert scores["V111-1"].achievement == Decimal("0.25")
    assert scores["V121-3"].counted is False


# --- every kind, both formats -------------------------------------------------------------------------


def _pdf_text(path: Path) -> str:
    """The text in drawing order (-raw): a cell's lines stay together, so a word hyphenated in a cell rejoins."""
    return subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def rendered(plan: pianodocs.Plan, tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], str]:
    """The text of every kind in both formats, each rendered once."""
    folder = tmp_path_factory.mktemp("valserena")
    texts = {}
    for kind, options in KINDS.items():
        for suffix in FORMATS:
            path = pianodocs.render(plan, kind, folder / f"{kind}.{suffix}", workbook_folder=SAMPLES, **options)
            texts[(kind, suffix)] = _pdf_text(path) if suffix == "pdf" else docx_text(path)
    return texts


def _text(rendered: dict[tuple[str, str], str], kind: str, suffix: str) -> str:
    return _flat(rendered[(kind, suffix)])


EVERY_OUTPUT = [(kind, suffix) for kind in KINDS for suffix in FORMATS]


@pytest.mark.slow
@pytest.mark.parametrize(("kind", "suffix"), EVERY_OUTPUT)
def test_every_output_names_the_chamber_and_has_no_seed_text(
    rendered: dict[tuple[str, str], str], kind: str, suffix: str
) -> None:
    text = rendered[(kind, suffix)]
    # the annex is one page of the deliberation: it names the act, not the ente
    assert ("n. 71 del 16 settembre 2024" if kind == "allegato-delibera" else NAME) in _flat(text)
    assert seed_text_found(text) == []
    assert plan_years_found(text) == [], "the workbook has no year before 2023"
    # every document made from invented data says so (the workbook's Nota sui dati)
    assert "sono inventati per provare e mostrare pianodocs" in _flat(text)


@pytest.mark.slow
@pytest.mark.parametrize("suffix", FORMATS)
def test_piano(rendered: dict[tuple[str, str], str], suffix: str) -> None:
    text = _text(rendered, "piano-performance", suffix)
    assert NAME in text
    assert "Dati e testi inventati per provare e mostrare pianodocs" in text
    assert "Nel triennio la linea non è declinata in obiettivi" in text
    # V111-1 in the cruscotto: weight 40%, targets 1.200 / 1.300 / 1.400, its history 1.010
    assert re.search(r"Imprese di filiera.{0,150}?1\.010\s+40%\s+1\.200\s+1\.300\s+1\.400", text)
    assert re.search(r"Quota del budget.{0,150}?78,12%\s+77,4%\s+50%\s+85%\s+90%\s+90%", text)
    assert ">=85%" in text and "30/09/2024" in text
    assert ("entro il 30/11/2024" if suffix == "docx" else "30/11/2024") in text, "the PDF breaks the cell's lines"
    # the cascading sheet of each area, with an indicator that is only there (Cruscotto "area")
    for only_in_its_area in ("Giornate di sportello", "Domande di conciliazione", "Nuovi assunti accompagnati"):
        assert _has(text, only_in_its_area)
    assert re.search(r"TOTALE LINEA STRATEGICA L1\s+168\.900,00\s+12\.000,00\s+15\.000,00", text)
    assert re.search(r"Totale\s+35\s+20\s+55", text)
    assert re.search(r"S11 1\s+O111\s+Imprese di filiera", text), "the Segretaria generale's card"


@pytest.mark.slow
@pytest.mark.parametrize("suffix", FORMATS)
def test_piano_prints_the_excel_typed_cells_as_typed(rendered: dict[tuple[str, str], str], suffix: str) -> None:
    """The target =1 (a formula for Excel), a tax code typed as a number, shares typed as percentages."""
    text = _text(rendered, "piano-performance", suffix)
    assert re.search(r"Dispositivi di firma digitale.{0,150}?50%\s+=1\s+=1\s+=1", text), "the target typed =1"
    assert "92345670123" in text, "a tax code keeps its digits, without thousands separators"
    assert "12,50%" in text and "30,00%" in text, "the shares of the partecipate as formatted"


@pytest.mark.slow
@pytest.mark.parametrize("suffix", FORMATS)
def test_pira(rendered: dict[tuple[str, str], str], suffix: str) -> None:
    text = _text(rendered, "pira", suffix)
    assert "Area Registro e Regolazione del mercato" in text
    assert _has(text, "Pratiche telematiche protocollate nell'anno ed evase entro cinque giorni"), "a technical description"
    assert _has(text, "Un percorso a tappe che porta le piccole imprese alla prima vendita all'estero.")
    assert ">=85%" in text


@pytest.mark.slow
@pytest.mark.parametrize("suffix", FORMATS)
def test_pira_prints_three_digit_codes(rendered: dict[tuple[str, str], str], suffix: str) -> None:
    text = _text(rendered, "pira", suffix)
    assert "Missione 011" in text and "Missione 032" in text
    assert not re.search(r"Missione \d{2}\b", text), "a missione typed 11 is 011"


@pytest.mark.slow
@pytest.mark.parametrize("suffix", FORMATS)
def test_monitoring_at_30_june(rendered: dict[tuple[str, str], str], suffix: str) -> None:
    text = _text(rendered, "monitoraggio", suffix)
    assert "30/06/2024" in text
    # V111-1: 300 of a target of 1.200 → Performance 25%, computed by hand
    assert re.search(r"Imprese di filiera assistite dagli sportelli.*?300\s+1\.200\s+1\.300\s+1\.400\s+25%", text)
    assert "min(300 / 1.200; 1) = 25%" in text
    assert "Stesura del disciplinare con i consorzi" in text, "a phase of the Gantt"


@pytest.mark.slow
@pytest.mark.parametrize("suffix", FORMATS)
def test_monitoring_leaves_out_an_indicator_not_yet_inserted(rendered: dict[tuple[str, str], str], suffix: str) -> None:
    text = _text(rendered, "monitoraggio", suffix)
    assert "Voucher digitali liquidati sul totale dei voucher concessi" not in text, "inserted on 16/09/2024"


@pytest.mark.slow
@pytest.mark.parametrize("suffix", FORMATS)
def test_relazione(rendered: dict[tuple[str, str], str], suffix: str) -> None:
    text = _text(rendered, "relazione-performance", suffix)
    # the ente's figure computed by hand in test_the_year_end_scores_computed_by_hand: 97,0625% → 97%
    assert "performance di Ente al 31/12/2024 è pari al 97%" in text
    assert "min(480 / 1.200; 1) = 40%" in text
    assert _has(text, "Due sportelli di filiera sono rimasti chiusi da maggio"), "the reason of a miss"
    assert "valutazione manuale" in text


@pytest.mark.slow
@pytest.mark.parametrize("suffix", FORMATS)
def test_annex_of_the_revision(rendered: dict[tuple[str, str], str], suffix: str) -> None:
    text = _text(rendered, "allegato-delibera", suffix)
    assert "Allegato alla deliberazione G.C. n. 71 del 16 settembre 2024" in text
    assert "Aggiornamento del Piano della Performance 2024-2026: target, pesi e indicatori" in text
    assert "Indicatore eliminato" in text and "Indicatore inserito" in text
    assert _has(text, "Il portale turistico passa all'unione dei comuni"), "the motivation of the elimination"


@pytest.mark.slow
@pytest.mark.parametrize("suffix", FORMATS)
def test_annex_prints_revised_weights_and_targets_as_percentages(rendered: dict[tuple[str, str], str], suffix: str) -> None:
    text = _text(rendered, "allegato-delibera", suffix)
    # the revised weight of V121-1 and the revised 2024 target of V112-1, as typed (percentages)
    assert re.search(r"Imprese che hanno.{0,150}?\s50%\s+71\s+>150", text)
    assert re.search(r"Quota del budget.{0,150}?50%\s+41%\s+85%\s+80%", text)
    assert not re.search(r"(?<![\d.,])0,[3-8](?![\d%])", text), "a weight or target printed as a fraction"


@pytest.mark.slow
@pytest.mark.parametrize("suffix", FORMATS)
def test_cruscotto(rendered: dict[tuple[str, str], str], suffix: str) -> None:
    text = _text(rendered, "cruscotto", suffix)
    assert "Servizio Registro imprese" in text, "the Owner"
    assert "deliberazione della Giunta n. 71 del 16 settembre 2024" in text
    assert "Eliminato" in text and "Inserito" in text


@pytest.mark.slow
@pytest.mark.parametrize("suffix", FORMATS)
def test_cruscotto_prints_codes_and_weights_as_typed(rendered: dict[tuple[str, str], str], suffix: str) -> None:
    text = _text(rendered, "cruscotto", suffix)
    # the missione heading, whatever its form ("011_..." or "Missione 011 - ..."), carries the three-digit code
    assert re.search(r"\b011[\W_]{1,3}Competitività e sviluppo delle imprese", text)
    assert "Peso rivisto da 40% a 50%" in text
