"""The one mapping from workbook columns to model attributes, and the copies issue 13 removes (item 4 and part of 5)."""

from __future__ import annotations

from pianodocs.model import Entity, Indicator, Plan


def test_plan_indicators_is_a_tuple_read_as_often_as_needed() -> None:
    first, second = Indicator("I1", "A1", "Uno"), Indicator("I2", "A1", "Due")
    plan = Plan(Entity("Ente"), "piano-performance", "Piano", 2020, 2022, 2020, indicators=(first, second))
    assert plan.indicators == (first, second)
    assert list(plan.indicators) == list(plan.indicators)  # an iterator would be empty the second time
