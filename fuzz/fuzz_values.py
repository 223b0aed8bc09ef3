"""Coverage-guided fuzzing (atheris) of the parsers of values, targets, numbers and dates in :mod:`pianodocs.values`.

Every input is read as text and given to ``parse_value``, ``parse_target``,
``parse_number`` and ``parse_date``: none may raise, each keeps the text as
written, and what they understand must survive a round trip through the Italian
formatters (a number formatted parses back to itself, rounded as the format
rounds; a date formatted parses back to the same date). Part of the input is
also read as a number, formatted and parsed back. Run it through ``fuzz/run.sh``;
a crash leaves its input in ``fuzz/crashes/`` to be kept as a regression in
tests/test_fuzz_loader.py.
"""

from __future__ import annotations

import sys
from decimal import ROUND_HALF_EVEN, Decimal, localcontext
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from pianodocs.values import (
        TargetKind,
        ValueKind,
        format_date,
        format_number,
        format_percent,
        parse_date,
        parse_number,
        parse_target,
        parse_value,
    )

# the first inputs of an empty corpus: values and targets as the seed documents write them
SEEDS = (
    "97,97%", "2.280", "0,75%", "117.762,00", "-15,61", "in itinere", "non disponibile fino a data consuntivo", "nd",
    "-", "09/10/2019", "90%", ">=80%", ">= 9", "> media cluster", "<20%", "=1", ">1", "X<X-1", "X< X-1",
    "31/12/2020", "entro il 31/12/2021", "entro 31/12/2020", "si", "realizzazione", "entro data accorpamento",
    "n.d.", "4 su 8", ">3 ore", "≥ 1.000,5", "1.234.567,891",
)  # fmt: skip


def rounded(number: Decimal, decimals: int) -> Decimal:
    """``number`` rounded as Babel rounds it for ``decimals`` decimals (half to even), with the digits it needs."""
    with localcontext() as context:
        context.prec = max(28, number.adjusted() + decimals + 5)
        return number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_EVEN)


def check_number(number: Decimal, decimals: int | None) -> None:
    """Formatted with ``decimals`` (all of them when None), ``number`` parses back to itself, rounded as shown."""
    text = format_number(number, decimals)
    parsed = parse_number(text)
    expected = number if decimals is None else rounded(number, decimals)
    if parsed != expected:
        raise AssertionError(f"{number!r} formatted as {text!r} parses back as {parsed!r}, not {expected!r}")


def check_text(text: str) -> None:
    value = parse_value(text)
    if value.text != text.strip():
        raise AssertionError(f"parse_value({text!r}) keeps {value.text!r}")
    target = parse_target(text)
    if target.text != " ".join(text.split()):
        raise AssertionError(f"parse_target({text!r}) keeps {target.text!r}")
    if target.kind in (TargetKind.LEVEL, TargetKind.COMPARISON) and (target.threshold is None or target.threshold.number is None):
        raise AssertionError(f"parse_target({text!r}) is a {target.kind.value} without a threshold")
    number = parse_number(text)
    if number is not None:
        if not number.is_finite():
            raise AssertionError(f"parse_number({text!r}) gives {number!r}")
        check_number(number, None)
        check_number(number, 2)
    if value.kind is ValueKind.PERCENT and value.number is not None:
        again = parse_value(format_percent(value.number, 4)).number
        if again != rounded(value.number, 6):
            raise AssertionError(f"{text!r} → {value.number!r} → {format_percent(value.number, 4)!r} → {again!r}")
    date = parse_date(text)
    if date is not None:
        shown = format_date(date)
        if parse_date(shown) != date:
            raise AssertionError(f"{text!r} → {date} → {shown!r} → {parse_date(shown)}")
        format_date(date, "long")


def test_one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    if provider.ConsumeBool():
        number = provider.ConsumeRegularFloat()
        check_number(Decimal(str(number)), provider.ConsumeIntInRange(0, 6) if provider.ConsumeBool() else None)
        check_number(Decimal(provider.ConsumeIntInRange(-(10**30), 10**30)), None)
    check_text(provider.ConsumeUnicodeNoSurrogates(provider.remaining_bytes()))


def main() -> None:
    corpus = Path(sys.argv[-1])
    if corpus.is_dir() and not any(corpus.iterdir()):
        for number, seed in enumerate(SEEDS):
            (corpus / f"seed-{number:02}").write_bytes(b"\x00\x00" + seed.encode())
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
