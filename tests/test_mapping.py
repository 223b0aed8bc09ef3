"""The one mapping from workbook columns to model attributes, and the copies issue 13 removes (item 4 and part of 5)."""

from __future__ import annotations

import copy
import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import pianodocs
from pianodocs import export
from pianodocs.diff import compared_fields, diff_plans, weight_text
from pianodocs.documents import piano_performance, relazione_performance
from pianodocs.documents.cruscotto_ente import cruscotto_table, lines_by_perspective
from pianodocs.errors import ValidationError
from pianodocs.export import INDICATOR_COLUMNS, NOT_PUBLISHED, indicator_columns
from pianodocs.model import (
    Direction,
    Entity,
    Indicator,
    Measurement,
    OperationalObjective,
    Perspective,
    Plan,
    SecretaryCardRow,
    Section,
    StrategicLine,
    StrategicObjective,
    TextBlock,
)
from pianodocs.render import build_document
from pianodocs.schema import GENERATED_CONTENTS, SHEETS, SHEETS_BY_NAME, Sheet
from pianodocs.scoring import score, secretary_score
from pianodocs.values import parse_target, parse_value
from pianodocs.view.model import Document, Table
from pianodocs.workbook.loader import attributes_of
from pianodocs.workbook.records import Record
from pianodocs.workbook.template import example_data
from pianodocs.workbook.writer import build_workbook, save_workbook

from .conftest import SAMPLES


def test_plan_indicators_is_a_tuple_read_as_often_as_needed() -> None:
    first, second = Indicator("I1", "A1", "Uno"), Indicator("I2", "A1", "Due")
    plan = Plan(Entity("Ente"), "piano-performance", "Piano", 2020, 2022, 2020, indicators=(first, second))
    assert plan.indicators == (first, second)
    assert list(plan.indicators) == list(plan.indicators)  # an iterator would be empty the second time


# --- the schema drives the loader, the diff and the export ---------------------------------------------


def _renamed(sheet: Sheet, old: str, new: str) -> Sheet:
    """``sheet`` with its column ``old`` called ``new``: the variant a chamber's own format could be."""
    columns = tuple(attrs.evolve(column, name=new) if column.name == old else column for column in sheet.columns)
    return attrs.evolve(sheet, columns=columns)


INDICATORS = SHEETS_BY_NAME["Indicatori"]


def test_the_loader_fills_an_attribute_from_the_column_the_schema_names() -> None:
    variant = _renamed(INDICATORS, "Owner", "Referente")
    record = Record("Indicatori", 2, values={"Codice": "I1", "Obiettivo": "A1", "Indicatore": "Uno", "Referente": "Servizio"})
    assert attributes_of(variant, record) == {"code": "I1", "objective": "A1", "name": "Uno", "owner": "Servizio"}
    assert attributes_of(INDICATORS, record)["name"] == "Uno"
    assert "owner" not in attributes_of(INDICATORS, record)  # the real schema has no 'Referente': the default stays


def test_the_loader_converts_and_leaves_defaults_for_empty_cells() -> None:
    record = Record(
        "Obiettivi operativi", 3, values={"Codice": "A.1", "Obiettivo strategico": "A", "Denominazione": "Uno", "Etichetta": "-",
                                          "Area": "ASE, ASI", "Nel cruscotto": None, "Descrizione": ""},
    )  # fmt: skip
    built = OperationalObjective(**attributes_of(SHEETS_BY_NAME["Obiettivi operativi"], record))
    assert built == OperationalObjective("A.1", "A", "Uno", label="", areas=("ASE", "ASI"), in_dashboard=True)


def test_the_diff_compares_the_columns_the_schema_names() -> None:
    variant = _renamed(INDICATORS, "Owner", "Referente")
    assert ("Referente", "owner") in compared_fields(variant)
    assert "Owner" not in dict(compared_fields(variant))


def test_the_export_publishes_the_columns_the_schema_names() -> None:
    variant = _renamed(INDICATORS, "Owner", "Referente")
    headers = [column.header for column in indicator_columns(variant)]
    assert "referente" in headers and "owner" not in headers
    assert [column.key for column in indicator_columns(variant)][headers.index("referente")] == "referente"


def test_every_indicator_column_is_compared_by_the_diff() -> None:
    """Old and new differ in every attribute the Indicatori sheet fills: the diff names every column but the code."""
    old = Indicator("I1", "A1", "Uno")
    new = Indicator(
        "I1", "A2", "Due", flag="PIRA", reference="B.1", algorithm="a/b", technical_description="d",
        cluster_mean=parse_value("5"), history={2019: parse_value("4")}, weight=Decimal("0.5"),
        targets={2020: parse_target(">=5")}, type="Output", unit="giorni", source="f", direction=Direction.LOWER_IS_BETTER,
        owner="o", mission="011", programme="005", responsibility_centre="c", dashboard="area", notes="n",
    )  # fmt: skip
    plans = [Plan(Entity("Ente"), "piano-performance", "Piano", 2020, 2022, 2020, indicators=(i,)) for i in (old, new)]
    fields = {change.field for change in diff_plans(*plans).changes}
    assert fields == {column.name for column in INDICATORS.columns if column.attribute} - {"Codice"}


def test_every_indicator_column_is_published_or_said_not_to_be() -> None:
    headers = {column.header for column in INDICATOR_COLUMNS}
    for column in INDICATORS.columns:
        assert column.per_year or column.name in NOT_PUBLISHED or column.name.casefold() in headers, column.name


def test_every_model_field_comes_from_one_column_and_a_required_one_from_a_required_column() -> None:
    for sheet in SHEETS:
        if sheet.model is None:
            continue
        fields = {field.name: field for field in attrs.fields(sheet.model)}
        filled = [column.attribute for column in sheet.columns if column.attribute]
        assert len(filled) == len(set(filled)), sheet.name
        assert set(filled) <= set(fields), sheet.name
        for column in sheet.columns:
            if column.attribute and fields[column.attribute].default is attrs.NOTHING:
                assert column.required, f"{sheet.name}: {column.name}"
        if sheet.model is not Plan:
            assert set(fields) - set(filled) <= {"picture"}, sheet.name
    plan_fields = {field.name for field in attrs.fields(Plan)}
    from_sheets = {sheet.attribute for sheet in SHEETS if sheet.attribute} | {"tables"}
    from_fields = {column.attribute for column in SHEETS_BY_NAME["Piano"].columns}
    assert plan_fields == from_sheets | from_fields


# --- one rule for a weight ---------------------------------------------------------------------------


def _weighted_plan(weight: str) -> Plan:
    """A plan of one cruscotto indicator weighing ``weight``, measured at 31/12 of its reference year."""
    indicator = Indicator("I1", "S1", "Pratiche evase", weight=Decimal(weight), targets={2020: parse_target(">=80%")})
    return Plan(
        Entity("Camera di Commercio di Prova"), "relazione-performance", "Relazione", 2020, 2020, 2020,
        perspectives=(Perspective("P", "Processi interni"),), lines=(StrategicLine("L", "Linea", "P"),),
        strategic_objectives=(StrategicObjective("S1", "L", "Obiettivo"),), indicators=(indicator,),
        measurements=(Measurement("I1", dt.date(2020, 12, 31), parse_value("90%")),),
    )  # fmt: skip


def _texts(document: Document) -> list[str]:
    cells = (cell for block in document.blocks if isinstance(block, Table) for row in block.body for cell in row.cells)
    return [re.sub("[\u00ad\u200b]", "", "".join(run.text for run in cell.runs)) for cell in cells]


@pytest.mark.parametrize(("weight", "printed"), [("0.33345", "33,35%"), ("0.33335", "33,34%"), ("0.125", "12,5%")])
def test_a_weight_prints_the_same_in_the_piano_the_relazione_the_export_and_the_diff(weight: str, printed: str) -> None:
    plan = _weighted_plan(weight)
    piano = [
        re.sub("[\u00ad\u200b]", "", "".join(r.text for r in c.runs)) for row in cruscotto_table(plan).body for c in row.cells
    ]
    relazione = _texts(relazione_performance.build(plan))
    published = export.to_json(plan)["indicatori"][0]
    assert printed in piano
    assert printed in relazione
    assert (published["peso"], published["punteggio"]["peso_in_vigore"]) == (printed, printed)
    assert weight_text(plan.indicators[0]) == printed


# --- generated contents: declared once, an unknown one is an error ------------------------------------


def _with_generated(tmp_path: Path, document: str, content: str) -> Path:
    data = copy.deepcopy(example_data(2020, 2022))
    data["Piano"]["Tipo"] = document or "piano-performance"
    data["Sezioni"] = [{"Chiave": "1", "Titolo": "Capitolo", "Livello": 1, "Documento": document}]
    data["Testi"] = [
        {"Sezione": "1", "Tipo": "paragrafo", "Contenuto": "Testo."},
        {"Sezione": "1", "Tipo": "generato", "Contenuto": content},
    ]
    path = tmp_path / "piano.xlsx"
    save_workbook(build_workbook(data, years=[2020, 2021, 2022], with_help=False), path)
    return path


def test_a_generated_content_of_another_kind_is_an_error_at_its_cell(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as raised:
        pianodocs.load_workbook(_with_generated(tmp_path, "", "pira-missioni"))
    (problem,) = raised.value.errors
    assert (problem.sheet, problem.cell) == ("Testi", "C3")
    assert "'pira-missioni'" in problem.message and "piano-performance" in problem.message
    assert "mappa-strategica" in problem.message  # what the section's document accepts


def test_the_monitorings_generated_content_is_accepted_in_its_sections(tmp_path: Path) -> None:
    plan = pianodocs.load_workbook(_with_generated(tmp_path, "monitoraggio", "missioni-programmi"))
    assert [block.content for block in plan.text_blocks if block.kind == "generato"] == ["missioni-programmi"]


SAMPLE_OF = {
    "piano-performance": "cciaa_pistoia_2020_2022.xlsx",
    "pira": "unioncamere_toscana_pira_2021.xlsx",
    "monitoraggio": "cciaa_prato_2020.xlsx",
    "relazione-performance": "cciaa_pistoia_2020_consuntivo.xlsx",
}


@pytest.mark.parametrize("kind", sorted(GENERATED_CONTENTS))
def test_a_kind_refuses_a_generated_content_it_does_not_declare(kind: str) -> None:
    """No "[contenuto … non disponibile]" placeholder in an official document: an Italian error instead."""
    plan = attrs.evolve(
        pianodocs.load_workbook(SAMPLES / SAMPLE_OF[kind]),
        sections=(Section("x", "Capitolo", 1, document=kind),),
        text_blocks=(TextBlock("x", "generato", "contenuto-inventato"),),
    )
    with pytest.raises(ValidationError, match="'contenuto-inventato'") as raised:
        build_document(plan, kind)
    assert raised.value.errors[0].sheet == "Testi"


@pytest.mark.parametrize("kind", sorted(GENERATED_CONTENTS))
def test_every_declared_generated_content_builds_in_its_kind(kind: str) -> None:
    plan = pianodocs.load_workbook(SAMPLES / SAMPLE_OF[kind])
    area = next((structure.code for structure in plan.structures if structure.kind == "area"), "")
    names = [name.replace(":AREA", f":{area}") for name in GENERATED_CONTENTS[kind]]
    plan = attrs.evolve(
        plan,
        sections=(Section("x", "Capitolo", 1, document=kind),),
        text_blocks=tuple(TextBlock("x", "generato", name) for name in names),
    )
    document = build_document(plan, kind)
    assert len(document.blocks) > len(names)


# --- the Segretario generale's card: its weighted mean is the engine's ---------------------------------


def _card_plan(perspective_weights: tuple[str | None, str | None]) -> Plan:
    """Two strategic objectives, one indicator each, at 100% and 50% on 31/12/2020; the card weighs them 60/40."""
    indicators = tuple(Indicator(f"I{n}", f"S{n}", f"Indicatore {n}", targets={2020: parse_target(">=80%")}) for n in (1, 2))
    values = ("80%", "40%")
    card = tuple(
        SecretaryCardRow(
            perspective=f"P{n}", objective=f"S{n}", indicator=f"Indicatore {n}", objective_weight=Decimal(weight),
            perspective_weight=Decimal(p) if p else None,
        )
        for n, weight, p in zip((1, 2), ("0.6", "0.4"), perspective_weights, strict=True)
    )  # fmt: skip
    return Plan(
        Entity("Ente"), "relazione-performance", "Relazione", 2020, 2020, 2020,
        perspectives=(Perspective("P1", "Uno"), Perspective("P2", "Due")),
        lines=(StrategicLine("L1", "Linea 1", "P1"), StrategicLine("L2", "Linea 2", "P2")),
        strategic_objectives=(StrategicObjective("S1", "L1", "Primo"), StrategicObjective("S2", "L2", "Secondo")),
        indicators=indicators, secretary_card=card,
        measurements=tuple(Measurement(f"I{n}", dt.date(2020, 12, 31), parse_value(v)) for n, v in zip((1, 2), values, strict=True)),
    )  # fmt: skip


def test_the_card_mean_is_weighted_by_the_objective_weights_by_hand() -> None:
    plan = _card_plan((None, None))
    found = secretary_score(plan, score(plan, dt.date(2020, 12, 31)))
    assert found.achievement == Decimal("0.8")  # 100% × 0,6 + 50% × 0,4
    assert found.rule == "media ponderata: 100% × 60% + 50% × 40% = 80%"
    assert [(code, weight) for code, weight, _ in found.objectives] == [("S1", Decimal("0.6")), ("S2", Decimal("0.4"))]


def test_the_card_mean_with_perspective_weights_multiplies_them_by_hand() -> None:
    plan = _card_plan(("0.25", "0.75"))  # S1 weighs 0,6 × 0,25 = 0,15, S2 0,4 × 0,75 = 0,3
    found = secretary_score(plan, score(plan, dt.date(2020, 12, 31)))
    assert found.achievement == (Decimal("0.15") * 1 + Decimal("0.3") * Decimal("0.5")) / Decimal("0.45")
    assert found.rule == "media ponderata: 100% × 33,33% + 50% × 66,67% = 67%"


# --- lines by perspective: one grouping for the Piano's cruscotto and the Relazione --------------------


def test_lines_by_perspective_puts_a_split_line_under_each_of_its_objectives_perspectives() -> None:
    plan = Plan(
        Entity("Ente"), "piano-performance", "Piano", 2020, 2020, 2020,
        perspectives=(Perspective("P1", "Uno"), Perspective("P2", "Due")),
        lines=(StrategicLine("L1", "Divisa", "P1"), StrategicLine("L2", "Senza obiettivi", "P2"), StrategicLine("L3", "Fuori", "X")),
        strategic_objectives=(
            StrategicObjective("S1", "L1", "Sua"), StrategicObjective("S2", "L1", "Altrove", perspective="P2"),
        ),
    )  # fmt: skip
    grouped = [(group.code, group.name, [(line.code, [o.code for o in objectives]) for line, objectives in group.lines])
               for group in lines_by_perspective(plan)]  # fmt: skip
    assert grouped == [
        ("P1", "Uno", [("L1", ["S1"])]),
        ("P2", "Due", [("L1", ["S2"]), ("L2", [])]),
        ("", "", [("L3", [])]),
    ]


# --- the Segretario generale's card table: once, for the Piano and the Relazione ------------------------


def _cells(table: Table) -> list[list[str]]:
    return [[re.sub("[\u00ad\u200b]", "", "".join(r.text for r in c.runs)) for c in row.cells] for row in table.body]


def test_the_piano_and_the_relazione_print_the_same_card() -> None:
    plan = _card_plan(("0.33345", "0.66655"))
    piano = next(b for b in piano_performance.generated(plan, "scheda-segretario") if isinstance(b, Table))
    relazione = next(
        b for b in relazione_performance.build(plan).blocks if isinstance(b, Table) and b.name == "relazione-segretario"
    )
    assert [cell.runs[0].text for cell in piano.header[0].cells] == [cell.runs[0].text for cell in relazione.header[0].cells]
    printed, scored = _cells(piano), _cells(relazione)
    assert scored[-1] == ["Realizzazione complessiva della scheda", "71%"]  # the Relazione adds the card's result
    assert [row[:4] for row in printed] == [row[:4] for row in scored[:-1]]
    assert printed[0][:3] == ["Prospettiva", "UNO", "33,35%"]  # a weight by the one rule in both
    assert [row[-1] for row in scored[:-1] if row[0] in ("S1", "S2")] == ["100%", "50%"]  # each objective's result


def test_the_workbooks_document_kinds_are_pianodocs_built_in_kinds() -> None:
    """The kind list is declared once (pianodocs.kinds): the Piano sheet's Tipo offers exactly the built-in kinds the
    registry renders, in its order; a plugin's kind is rendered but is not a workbook's main document."""
    from pianodocs.kinds import registry

    (tipo,) = [column for column in SHEETS_BY_NAME["Piano"].columns if column.name == "Tipo"]
    built_in = [name for name, kind in registry().kinds.items() if kind.origin == "pianodocs"]
    assert list(tipo.choices) == built_in
