"""The samples of seeds 001 (PIRA Unioncamere Toscana), 003 (cruscotto Maremma e Tirreno) and 004 (Prato at 30/09/2020)."""

from __future__ import annotations

import datetime as dt
import importlib
import re
import sys
from decimal import Decimal

import pytest

import pianodocs
from pianodocs.model import RevisionKind
from pianodocs.values import TargetKind

from .conftest import SAMPLES, facts


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


@pytest.fixture(scope="module")
def unioncamere() -> pianodocs.Plan:
    return pianodocs.load_workbook(SAMPLES / "unioncamere_toscana_pira_2021.xlsx")


@pytest.fixture(scope="module")
def maremma() -> pianodocs.Plan:
    return pianodocs.load_workbook(SAMPLES / "cciaa_maremma_tirreno_cruscotto.xlsx")


@pytest.fixture(scope="module")
def prato() -> pianodocs.Plan:
    return pianodocs.load_workbook(SAMPLES / "cciaa_prato_2020.xlsx")


class TestUnioncamerePira:
    def test_counts(self, unioncamere: pianodocs.Plan) -> None:
        assert unioncamere.kind == "pira"
        assert list(unioncamere.years) == [2021]
        assert len(list(unioncamere.indicators)) == 18
        assert all(indicator.in_pira for indicator in unioncamere.indicators)
        assert sorted(m.code for m in unioncamere.missions) == ["011", "012", "016", "032"]

    def test_targets_as_written(self, unioncamere: pianodocs.Plan) -> None:
        targets = [str(i.target(2021)) for i in unioncamere.indicators]
        assert {">= 5", ">=50%", "entro il 31/12/2021", ">= 9", ">=80", "100%", "31/12/2021", "<90%"} <= set(targets)
        kinds = {i.target(2021).kind for i in unioncamere.indicators if i.target(2021)}
        assert {TargetKind.COMPARISON, TargetKind.DEADLINE, TargetKind.LEVEL} <= kinds

    def test_every_technical_description_is_the_one_printed_in_001_in_its_order(self, unioncamere: pianodocs.Plan) -> None:
        printed = facts("001_pira_descrizioni_tecniche")  # the "Descrizione Tecnica" cells of 001, verbatim
        # one cell of the extracted text runs into the next (its Tipologia): the sample keeps the description only
        printed = [text.removesuffix(" Indicatore di risultato") for text in printed]
        descriptions = [_squash(i.technical_description) for i in unioncamere.indicators]
        assert descriptions == [_squash(text) for text in printed]

    def test_an_objective_under_two_programmes(self, unioncamere: pianodocs.Plan) -> None:
        by_objective: dict[str, set[str]] = {}
        for text in unioncamere.pira_texts:
            by_objective.setdefault(text.objective, set()).add(text.mission)
        assert any(missions == {"011", "016"} for missions in by_objective.values())


class TestMaremmaCruscotto:
    def test_counts_and_years(self, maremma: pianodocs.Plan) -> None:
        assert maremma.kind == "cruscotto"
        assert (maremma.first_year, maremma.last_year) == (2016, 2021)
        assert len(list(maremma.indicators)) == 53
        assert len(maremma.strategic_objectives) == 14

    def test_change_log(self, maremma: pianodocs.Plan) -> None:
        kinds = [r.kind for r in maremma.revisions]
        assert kinds.count(RevisionKind.INDICATOR_ELIMINATED) == 10
        assert kinds.count(RevisionKind.INDICATOR_INSERTED) == 7
        act = maremma.act("GC-129-2019")
        assert act is not None and act.citation == "deliberazione della Giunta n. 129 del 2 dicembre 2019"
        eliminated = {r.element for r in maremma.revisions if r.kind is RevisionKind.INDICATOR_ELIMINATED}
        assert eliminated <= {i.code for i in maremma.indicators}, "eliminated indicators stay, to be printed marked"

    def test_owners_and_targets(self, maremma: pianodocs.Plan) -> None:
        first = maremma.indicators[0]
        assert first.owner == "S.Anagrafico Certificativo"
        second = list(maremma.indicators)[1]
        assert [str(second.target(year)) for year in range(2017, 2022)] == ["<20%", "<10%", "<10%", "0%", "0%"]
        relative = [i for i in maremma.indicators if any(t.kind is TargetKind.PREVIOUS_YEAR for t in i.targets.values())]
        assert relative, "the X< X-1 targets of objective 9"


class TestPratoMonitoring:
    def test_counts(self, prato: pianodocs.Plan) -> None:
        assert prato.kind == "monitoraggio"
        assert prato.monitoring_date == dt.date(2020, 9, 30)
        assert len(list(prato.indicators)) == 68
        assert len(prato.measurements) == 67
        assert len(prato.phases) == 20

    def test_values_at_30_september(self, prato: pianodocs.Plan) -> None:
        events = next(i for i in prato.indicators if i.name == "Attrattività eventi realizzati")
        (measurement,) = prato.measurements_of(events.code)
        assert (measurement.date, measurement.value.number) == (dt.date(2020, 9, 30), Decimal(3960))
        assert events.target(2020).threshold.number == Decimal(15500)
        four_of_eight = [m for m in prato.measurements if m.value.text == "4 su 8"]
        assert len(four_of_eight) == 1 and four_of_eight[0].value.out_of == 8

    def test_budgets_and_programmes(self, prato: pianodocs.Plan) -> None:
        budgets = {text.objective: text.budget.text for text in prato.pira_texts if text.budget}
        assert budgets["P01"] == "€ 30.000"
        assert budgets["P06"] == "Attività realizzate con risorse interne"
        assert {m.code for m in prato.missions} >= {"011", "012", "016", "032"}

    def test_expected_performance_is_kept_for_the_scoring_tests(self) -> None:
        sys.path.insert(0, str(SAMPLES))
        try:
            module = importlib.import_module("sources.cciaa_prato_2020")
        finally:
            sys.path.remove(str(SAMPLES))
        assert len(module.EXPECTED_PERFORMANCE) == 59
        assert "26%" in module.EXPECTED_PERFORMANCE.values()
        assert "OUTPUT" in vars(module) and "EXPECTED_PERFORMANCE" not in module.DATA
