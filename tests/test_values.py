"""Parsing and formatting of values and targets: every form of DOMAIN.md's table, and round trips."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pianodocs.values import (
    EMPTY_MARKS,
    NO_TARGET_PHRASES,
    Comparison,
    TargetKind,
    ValueKind,
    format_date,
    format_euro,
    format_number,
    format_percent,
    looks_like_a_number,
    parse_date,
    parse_number,
    parse_target,
    parse_value,
)


@pytest.mark.parametrize(
    ("text", "kind", "number"),
    [
        ("97,97%", ValueKind.PERCENT, Decimal("0.9797")),
        ("2.280", ValueKind.NUMBER, Decimal(2280)),
        ("0,75%", ValueKind.PERCENT, Decimal("0.0075")),
        ("117.762,00", ValueKind.NUMBER, Decimal("117762.00")),
        ("-15,61", ValueKind.NUMBER, Decimal("-15.61")),
        ("2287", ValueKind.NUMBER, Decimal(2287)),
        ("in itinere", ValueKind.TEXT, None),
        ("non disponibile fino a data consuntivo", ValueKind.TEXT, None),
        ("nd", ValueKind.EMPTY, None),
        ("-", ValueKind.EMPTY, None),
        ("n.d.", ValueKind.EMPTY, None),
        ("", ValueKind.EMPTY, None),
        ("buono", ValueKind.TEXT, None),
    ],
)
def test_values_keep_text_and_number(text: str, kind: ValueKind, number: Decimal | None) -> None:
    value = parse_value(text)
    assert value.text == text
    assert value.kind is kind
    assert value.number == number


def test_a_date_value_and_a_fraction_value() -> None:
    assert parse_value("09/10/2019").date == dt.date(2019, 10, 9)
    four_of_eight = parse_value("4 su 8")
    assert (four_of_eight.number, four_of_eight.out_of) == (Decimal(4), Decimal(8))
    assert parse_value("si").flag is True
    assert parse_value("no").flag is False


def test_an_english_decimal_is_not_read_as_thousands() -> None:
    assert parse_number("4.35") is None
    assert parse_value("4.35").kind is ValueKind.TEXT


@pytest.mark.parametrize(
    ("text", "kind", "comparison", "threshold"),
    [
        ("90%", TargetKind.LEVEL, None, Decimal("0.9")),
        ("2.000", TargetKind.LEVEL, None, Decimal(2000)),
        ("7", TargetKind.LEVEL, None, Decimal(7)),
        (">=80%", TargetKind.COMPARISON, Comparison.AT_LEAST, Decimal("0.8")),
        (">= 9", TargetKind.COMPARISON, Comparison.AT_LEAST, Decimal(9)),
        ("<20%", TargetKind.COMPARISON, Comparison.LESS_THAN, Decimal("0.2")),
        ("0%", TargetKind.LEVEL, None, Decimal(0)),
        ("-15", TargetKind.LEVEL, None, Decimal(-15)),
        ("=1", TargetKind.COMPARISON, Comparison.EQUAL, Decimal(1)),
        (">1", TargetKind.COMPARISON, Comparison.MORE_THAN, Decimal(1)),
        ("<1", TargetKind.COMPARISON, Comparison.LESS_THAN, Decimal(1)),
        ("=3,5", TargetKind.COMPARISON, Comparison.EQUAL, Decimal("3.5")),
        ("ITP <-10", TargetKind.COMPARISON, Comparison.LESS_THAN, Decimal(-10)),
        ("X<X-1", TargetKind.PREVIOUS_YEAR, Comparison.LESS_THAN, None),
        ("X< X-1", TargetKind.PREVIOUS_YEAR, Comparison.LESS_THAN, None),
        ("> media cluster", TargetKind.BENCHMARK, Comparison.MORE_THAN, None),
        ("si", TargetKind.YES_NO, None, None),
        ("realizzazione", TargetKind.YES_NO, None, None),
        ("entro data accorpamento", TargetKind.FREE_TEXT, None, None),
        ("Entro 60gg dalla data entrata in vigore linee guida ANAC", TargetKind.FREE_TEXT, None, None),
        ("timing (pag. 31-32 Piano Performance)", TargetKind.FREE_TEXT, None, None),
        ("scostamento max 0,02 da media cluster", TargetKind.FREE_TEXT, None, None),
        ("n.d.", TargetKind.NONE, None, None),
        ("-", TargetKind.NONE, None, None),
        ("", TargetKind.NONE, None, None),
        ("Anno di rilevazione", TargetKind.NONE, None, None),
    ],
)
def test_every_target_form_of_the_domain(
    text: str, kind: TargetKind, comparison: Comparison | None, threshold: Decimal | None
) -> None:
    target = parse_target(text)
    assert target.text == text
    assert target.kind is kind
    assert target.comparison is comparison
    assert (target.threshold.number if target.threshold else None) == threshold


@pytest.mark.parametrize(
    ("text", "deadline", "qualifier"),
    [
        ("31/12/2020", dt.date(2020, 12, 31), ""),
        ("entro il 31/12/2021", dt.date(2021, 12, 31), ""),
        ("entro 31/12/2020", dt.date(2020, 12, 31), ""),
        ("15/08/2020", dt.date(2020, 8, 15), ""),
        (
            "15/12/2020 salvo diverso termine stabilito dall'ANAC",
            dt.date(2020, 12, 15),
            "salvo diverso termine stabilito dall'ANAC",
        ),
    ],
)
def test_deadlines(text: str, deadline: dt.date, qualifier: str) -> None:
    target = parse_target(text)
    assert target.kind is TargetKind.DEADLINE
    assert target.deadline == deadline
    assert target.qualifier == qualifier


def test_qualifiers_after_a_number_are_kept() -> None:
    assert parse_target(">3 ore").qualifier == "ore"
    target = parse_target("100% iniziative trasmesse da ICE")
    assert (target.kind, target.threshold and target.threshold.number, target.qualifier) == (
        TargetKind.LEVEL,
        Decimal(1),
        "iniziative trasmesse da ICE",
    )


def test_a_year_followed_by_a_comparison_is_not_a_level() -> None:
    assert parse_target("2021 <90%").kind is TargetKind.FREE_TEXT


def test_italian_formatting() -> None:
    assert format_number(1246770) == "1.246.770"
    assert format_number(Decimal("28063.95"), 2) == "28.063,95"
    assert format_euro(Decimal("28063.95")) == "€ 28.063,95"
    assert format_percent(Decimal("0.9797")) == "97,97%"  # Babel's default percent format would print 98%
    assert format_percent(Decimal("0.0063")) == "0,63%"
    assert format_date(dt.date(2020, 9, 9), "long") == "9 settembre 2020"
    assert format_date(dt.date(2020, 9, 9)) == "09/09/2020"


def test_invalid_dates_are_not_dates() -> None:
    assert parse_date("31/02/2020") is None
    assert parse_value("31/02/2020").kind is ValueKind.TEXT


amounts = st.decimals(min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=2, allow_nan=False, allow_infinity=False)


@given(amounts)
def test_formatted_numbers_parse_back_to_themselves(number: Decimal) -> None:
    assert parse_number(format_number(number, 2)) == number
    assert parse_value(format_number(number)).number == number


@given(st.decimals(min_value=Decimal("-100"), max_value=Decimal("100"), places=4, allow_nan=False, allow_infinity=False))
def test_formatted_percentages_parse_back_to_themselves(fraction: Decimal) -> None:
    value = parse_value(format_percent(fraction))
    assert value.kind is ValueKind.PERCENT
    assert value.number == fraction


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2199, 12, 31)))
def test_formatted_dates_parse_back_to_themselves(date: dt.date) -> None:
    assert parse_date(format_date(date)) == date
    assert parse_target(f"entro il {format_date(date)}").deadline == date


@given(st.text(max_size=200))
def test_any_text_is_understood_or_kept(text: str) -> None:
    value = parse_value(text)
    target = parse_target(text)
    assert value.text == text.strip()
    assert target.text == " ".join(text.split())


def test_the_no_target_forms_are_one_documented_list() -> None:
    """Every form that means "no target this year" is in EMPTY_MARKS or NO_TARGET_PHRASES, which docs/workbook.md prints."""
    for text in ("", *EMPTY_MARKS, *NO_TARGET_PHRASES, "Nessun target", "ANNO DI RILEVAZIONE"):
        assert parse_target(text).kind is TargetKind.NONE, text
    assert parse_target("anno di riferimento").kind is TargetKind.FREE_TEXT


@pytest.mark.parametrize("text", ["50%*", ">=8O%", "90 %%", "1O0%", "0,5O%", "= 1 !"])
def test_mistyped_numbers_look_like_numbers(text: str) -> None:
    assert looks_like_a_number(text)


@pytest.mark.parametrize(
    "text", ["entro data accorpamento", "10-15", "OIV", "X<X-1", "2019/2020", "in itinere", "O", "timing (pag. 31-32)"]
)
def test_words_and_ranges_do_not_look_like_numbers(text: str) -> None:
    assert not looks_like_a_number(text)


def test_numbers_can_be_formatted_without_grouping() -> None:
    assert format_number(80003170477, 0, grouping=False) == "80003170477"
    assert format_number(Decimal("1234.5"), 2, grouping=False) == "1234,50"
    assert format_number(1246770, 0) == "1.246.770"
