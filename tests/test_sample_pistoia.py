"""The Pistoia samples reproduce seed 002 (Piano 2020-2022) and seed 000 (its revision of 9 September 2020)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

import pianodocs
from pianodocs.model import Direction, RevisionKind
from pianodocs.values import TargetKind, ValueKind

from .conftest import facts


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def _dashboard(plan: pianodocs.Plan) -> list[pianodocs.Indicator]:
    return [indicator for indicator in plan.indicators if indicator.dashboard in ("ente", "entrambi")]


def _find(plan: pianodocs.Plan, objective: str, name_start: str) -> pianodocs.Indicator:
    found = [i for i in _dashboard(plan) if i.objective == objective and i.name.startswith(name_start)]
    assert len(found) == 1, (objective, name_start, [i.name for i in found])
    return found[0]


def test_the_cruscotto_has_the_54_indicators_of_section_3_2(pistoia: pianodocs.Plan) -> None:
    assert len(_dashboard(pistoia)) == 54
    assert pistoia.years == range(2020, 2023)
    assert pistoia.entity.name == "Camera di Commercio di Pistoia"


def test_every_cruscotto_algorithm_is_the_one_printed_in_002_in_its_order(pistoia: pianodocs.Plan) -> None:
    printed = facts("002_cruscotto_algoritmi")  # the ALGORITMO cells of 002's section 3.2, verbatim
    # the sample's one correction of a typo of 002
    printed = [text.replace("(assetato)", "(assestato)") for text in printed]
    assert [_squash(i.algorithm) for i in _dashboard(pistoia)] == [_squash(text) for text in printed]


def test_weights_sum_to_100_inside_each_objective(pistoia: pianodocs.Plan) -> None:
    sums: dict[str, Decimal] = {}
    for indicator in _dashboard(pistoia):
        sums[indicator.objective] = sums.get(indicator.objective, Decimal(0)) + (indicator.weight or Decimal(0))
    assert set(sums.values()) == {Decimal(1)}


def test_a_spread_of_values_against_the_seed(pistoia: pianodocs.Plan) -> None:
    mediation = _find(pistoia, "E1", "Misura la % delle imprese")
    assert mediation.flag == "PIRA/PARETO"
    assert mediation.cluster_mean is not None and mediation.cluster_mean.text == "0,52%"
    assert mediation.history[2018].number == Decimal("0.0075")
    assert mediation.weight == Decimal("0.3")
    assert [str(mediation.target(year)) for year in (2020, 2021, 2022)] == ["63%", "63%", "63%"]

    payments = _find(pistoia, "D2", "Tempestività di pagamento")
    assert payments.direction is Direction.LOWER_IS_BETTER
    assert payments.history[2019].number == Decimal("-15.61")
    assert [payments.target(year).threshold.number for year in (2020, 2021, 2022)] == [-15, -16, -17]

    students = _find(pistoia, "B.3.2", "Sviluppo temporale del numero di studenti")
    assert (students.history[2018].number, students.history[2019].text) == (Decimal(2287), "2.280")
    assert students.target(2020).threshold.number == 2000

    ocri = _find(pistoia, "E1", "Diffondere la cultura della legalità")
    assert ocri.target(2020).kind is TargetKind.DEADLINE
    assert ocri.target(2020).deadline == dt.date(2020, 8, 15)

    reorganisation = _find(pistoia, "H1", "Riorganizzazione struttura")
    assert reorganisation.funds_incentive
    assert reorganisation.target(2020).kind is TargetKind.FREE_TEXT

    welfare = next(i for i in _dashboard(pistoia) if i.algorithm.startswith("Somministrazione indagini sul benessere"))
    assert welfare.history[2019].kind is ValueKind.DATE


def test_incentive_fund_indicators_are_flagged(pistoia: pianodocs.Plan) -> None:
    flagged = [i.objective for i in pistoia.indicators if i.funds_incentive]
    assert sorted(flagged) == ["D1", "D1", "D2", "H1"]


def test_the_tree(pistoia: pianodocs.Plan) -> None:
    lines = {line.code: line for line in pistoia.lines}
    assert {"A", "B", "C", "D", "E", "G", "H", "I"} <= set(lines)
    assert lines["C"].not_declined_note.startswith("La linea strategica relativa al sostegno al credito")
    assert lines["A"].expected_benefits, "benefici attesi of line A"
    assert [p.name for p in pistoia.perspectives][:1] == ["Tessuto economico locale"]


def test_cascading_budget_totals_as_printed(pistoia: pianodocs.Plan) -> None:
    line_a = next(t for t in pistoia.budget_totals if t.level == "linea" and t.reference == "A")
    assert (line_a.promotional_costs, line_a.revenues) == (Decimal("350050.00"), Decimal("162500.00"))
    computed = sum(item.promotional_costs for item in pistoia.budget_items if item.line == "A")
    assert computed == line_a.promotional_costs
    assert {a for o in pistoia.operational_objectives for a in o.areas} == {"ASE", "AAA", "ATR", "AAT"}


def test_narrative_sections_follow_the_sommario(pistoia: pianodocs.Plan) -> None:
    summary = [(s.number, s.title) for s in pistoia.sections if s.in_summary]
    assert summary[0][1] == "PREMESSA"
    assert ("1.1", "Mission e principali attività") in summary
    assert len(summary) == 12
    partecipate = next(t for t in pistoia.tables if any("Firenze Fiera" in c for r in t.rows for c in r.cells))
    assert any("0,014%" in row.cells for row in partecipate.rows)
    generated = [b.content for b in pistoia.text_blocks if b.kind == "generato"]
    assert generated[:2] == ["mappa-strategica", "cruscotto-ente"]


def test_secretary_card(pistoia: pianodocs.Plan) -> None:
    ocri = next(row for row in pistoia.secretary_card if row.indicator == "Istituzione OCRI")
    assert (ocri.weight, str(ocri.target)) == (Decimal(1), "15/08/2020")


def test_the_materially_wrong_e1_target_is_warned_about() -> None:
    from .conftest import SAMPLES

    warnings: list[pianodocs.Problem] = []
    pianodocs.load_workbook(SAMPLES / "cciaa_pistoia_2020_2022.xlsx", warnings=warnings)
    flagged = [w for w in warnings if "«63%»" in w.message]
    assert len(flagged) == 3
    assert all(w.sheet == "Indicatori" and w.severity is pianodocs.Severity.WARNING for w in flagged)


class TestRevision:
    """Seed 000: the annex to G.C. n. 63 del 9 settembre 2020."""

    def test_the_act(self, pistoia_revised: pianodocs.Plan) -> None:
        act = pistoia_revised.act("GC-63-2020")
        assert act is not None
        assert act.citation == "deliberazione della Giunta n. 63 del 9 settembre 2020"

    def test_values_at_30_june(self, pistoia_revised: pianodocs.Plan) -> None:
        at_june = {m.indicator: m.value for m in pistoia_revised.measurements if m.date == dt.date(2020, 6, 30)}
        texts = {value.text for value in at_june.values()}
        assert {"84%", "7,30%", "660", "35", "in itinere", "0,20%"} <= texts

    @pytest.mark.parametrize(
        ("kind", "count"),
        [(RevisionKind.INDICATOR_ELIMINATED, 1), (RevisionKind.OBJECTIVE_INSERTED, 1)],
    )
    def test_revision_kinds(self, pistoia_revised: pianodocs.Plan, kind: RevisionKind, count: int) -> None:
        assert sum(1 for r in pistoia_revised.revisions if r.kind is kind) == count

    def test_every_motivation_is_a_text_of_000(self, pistoia_revised: pianodocs.Plan) -> None:
        printed = {_squash(text) for text in facts("000_allegato_gc63_2020")}  # 000's notes, verbatim
        motivations = [r.motivation for r in pistoia_revised.revisions if r.motivation]
        assert len(set(motivations)) == 6
        assert [m for m in motivations if _squash(m) not in printed] == []

    def test_the_e1_material_error_is_revised(self, pistoia_revised: pianodocs.Plan) -> None:
        revised = [r for r in pistoia_revised.revisions if r.kind is RevisionKind.TARGET_REVISED and r.new == "0,35%"]
        assert len(revised) == 1
        assert "Errore materiale" in revised[0].motivation
        eliminated = next(r for r in pistoia_revised.revisions if r.kind is RevisionKind.INDICATOR_ELIMINATED)
        assert eliminated.motivation.startswith("Indicatore eliminato.")
