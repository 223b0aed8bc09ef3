"""Read and write the values and targets of a plan, in Italian, keeping the text as written.

A workbook holds values such as ``97,97%``, ``2.280``, ``-15,61``, ``in itinere``
or ``31/12/2020``, and targets such as ``>=80%``, ``entro il 31/12/2021``, ``si``,
``X< X-1`` or ``entro data accorpamento``. This module turns that text into typed
:class:`Value` and :class:`Target` objects (always keeping the text), and formats
numbers, percentages and dates back to Italian through Babel. It is the only
place where such text is parsed.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from decimal import Decimal, InvalidOperation, localcontext

import attrs
from babel.dates import format_date as _babel_format_date
from babel.numbers import NumberFormatError, format_decimal, parse_decimal

LOCALE = "it_IT"
_HUNDRED = Decimal(100)

# ---------------------------------------------------------------------------
# numbers


def parse_number(text: str) -> Decimal | None:
    """An Italian number (``2.280``, ``-15,61``, ``117.762,00``, ``2287``), or None if the text is not one.

    Grouping is checked strictly, so ``4.35`` (an English decimal) is not read as 435.
    """
    candidate = text.strip().replace("\u2212", "-").replace(" ", "")
    if not candidate or not re.fullmatch(r"[-+]?[\d.,]+", candidate) or not re.search(r"\d", candidate):
        return None
    try:
        with localcontext() as context:  # Babel checks the grouping by formatting the number again: room for every digit
            context.prec = max(context.prec, len(candidate) + 2)
            return parse_decimal(candidate, locale=LOCALE, strict=True)
    except (NumberFormatError, InvalidOperation):
        return None


def format_number(number: Decimal | int | float, decimals: int | None = None, grouping: bool = True) -> str:
    """``1246770`` → ``1.246.770``; ``28063.95`` → ``28.063,95``; with ``decimals`` fixed, else as many as needed.

    Without ``grouping`` the thousands are not separated: ``80003170477`` stays as it is (a tax code).
    """
    integer = "#,##0" if grouping else "0"
    pattern = integer + (".##########" if decimals is None else ("." + "0" * decimals if decimals else ""))
    amount = Decimal(str(number))
    with localcontext() as context:  # Babel computes in the current context: room for every digit, however many
        if amount.is_finite():
            digits = len(amount.as_tuple().digits) + abs(amount.adjusted()) + max(decimals or 0, 10) + 2
            context.prec = max(context.prec, digits)
        return format_decimal(amount, format=pattern, locale=LOCALE, decimal_quantization=decimals is not None)


def format_percent(fraction: Decimal | float, decimals: int | None = None) -> str:
    """``0.9797`` → ``97,97%``; unlike Babel's default percent format, decimals are not rounded away."""
    return format_number(Decimal(str(fraction)) * _HUNDRED, decimals) + "%"


def format_euro(amount: Decimal | float, decimals: int = 2) -> str:
    """``28063.95`` → ``€ 28.063,95`` (the form used in the chambers' documents)."""
    return "€ " + format_number(amount, decimals)


# ---------------------------------------------------------------------------
# dates

# the dates a workbook may hold: Excel counts days from 1900, and no plan looks past 2100
FIRST_DATE, LAST_DATE = dt.date(1900, 1, 1), dt.date(2100, 12, 31)
# the years a plan may cover: the performance cycle began with d.lgs. 150/2009, and no chamber's records in a
# workbook go back before 1990; 2100 is as far as any plan looks. Outside them a year is a typing error.
FIRST_PLAN_YEAR, LAST_PLAN_YEAR = 1990, 2100
# the longest plan: a performance plan covers three years, a strategic programme five (a mandate)
LONGEST_PLAN = 10

_DATE = re.compile(r"(?<!\d)(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})(?!\d)")


def parse_date(text: str) -> dt.date | None:
    """A date written ``31/12/2020`` (or ``31.12.2020``, ``9/9/20``), or None."""
    found = _DATE.fullmatch(text.strip())
    return _date_from_match(found) if found else None


def _date_from_match(found: re.Match[str]) -> dt.date | None:
    day, month, year = (int(part) for part in found.groups())
    if len(found.group(3)) == 2:  # only a year of exactly two digits is this century's: 0001 is year 1, not 2001
        year += 2000
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def format_date(date: dt.date, style: str = "short") -> str:
    """``short``: ``09/09/2020``; ``long``: ``9 settembre 2020``."""
    if style == "long":
        return _babel_format_date(date, "d MMMM y", locale=LOCALE)
    return _babel_format_date(date, "dd/MM/yyyy", locale=LOCALE)  # four digits even for year 135: it must parse back


# ---------------------------------------------------------------------------
# values

_NUMBER_TEXT = r"[-+\u2212]?\d[\d.]*(?:,\d+)?"
_PERCENT = re.compile(rf"({_NUMBER_TEXT})\s*%")
_OUT_OF = re.compile(rf"({_NUMBER_TEXT})\s+su\s+({_NUMBER_TEXT})", re.IGNORECASE)
# a value or target written as one of these (or left empty) holds nothing: "non disponibile", "nessun target"
EMPTY_MARKS = ("-", "–", "—", "n.d.", "n.d", "nd", "n/d", "n.a.", "na")
# in a target column these phrases too say "no target this year": a baseline year is measured, not targeted.
# The one list any chamber can read (docs/workbook.md prints it); every other phrase is a free-text target.
NO_TARGET_PHRASES = ("anno di rilevazione", "anno rilevazione", "nessun target")
_EMPTY_MARKS = {"", *EMPTY_MARKS}
_NO_TARGET_PHRASES = set(NO_TARGET_PHRASES)
_YES = {"si", "sì", "realizzato", "realizzata", "realizzazione", "fatto", "ok", "yes"}
_NO = {"no", "non realizzato", "non realizzata"}


class ValueKind(enum.Enum):
    EMPTY = "vuoto"
    NUMBER = "numero"
    PERCENT = "percentuale"
    DATE = "data"
    YES_NO = "si/no"
    TEXT = "testo"


@attrs.frozen
class Value:
    """A value as written (``text``) and as understood.

    ``number`` is the number it stands for (a percentage as a fraction: ``97,97%`` → 0.9797);
    ``out_of`` the denominator of a value like ``4 su 8``; ``date`` a date; ``flag`` a yes/no.
    """

    text: str
    kind: ValueKind
    number: Decimal | None = None
    out_of: Decimal | None = None
    date: dt.date | None = None
    flag: bool | None = None

    @property
    def is_empty(self) -> bool:
        return self.kind is ValueKind.EMPTY

    def __str__(self) -> str:
        return self.text


def parse_value(text: str | None) -> Value:
    """Understand a value as written; anything not a number, percentage, date or yes/no is kept as text."""
    written = "" if text is None else str(text).strip()
    folded = written.casefold()
    if folded in _EMPTY_MARKS:
        return Value(written, ValueKind.EMPTY)
    found = _PERCENT.fullmatch(written)
    if found and (number := parse_number(found.group(1))) is not None:
        return Value(written, ValueKind.PERCENT, number=number / _HUNDRED)
    if (number := parse_number(written)) is not None:
        return Value(written, ValueKind.NUMBER, number=number)
    if (date := parse_date(written)) is not None:
        return Value(written, ValueKind.DATE, date=date)
    found = _OUT_OF.fullmatch(written)
    if found and (part := parse_number(found.group(1))) is not None and (whole := parse_number(found.group(2))):
        return Value(written, ValueKind.NUMBER, number=part, out_of=whole)
    if folded in _YES or folded in _NO:
        return Value(written, ValueKind.YES_NO, flag=folded in _YES)
    return Value(written, ValueKind.TEXT)


_ALMOST_A_NUMBER = re.compile(r"[<>=≥≤\s]*[-+\u2212]?[\d.,oO\s]*\d[\d.,oO\s]*[%*#'\"°!?\s]*")


def looks_like_a_number(text: str) -> bool:
    """Whether ``text``, which did not read as a number, looks like one mistyped: ``50%*``, ``>=8O%`` (letter O), ``90 %%``.

    It is made only of digits, separators, comparison signs, percent signs and stray symbols, with
    perhaps a letter O for a zero: nothing a person would write as words.
    """
    return _ALMOST_A_NUMBER.fullmatch(text.strip()) is not None


def value_from_number(number: Decimal | int | float, percent: bool = False, decimals: int | None = None) -> Value:
    """A value for a number typed into a numeric cell, with its Italian text."""
    amount = Decimal(str(number))
    if percent:
        return Value(format_percent(amount, decimals), ValueKind.PERCENT, number=amount)
    return Value(format_number(amount, decimals), ValueKind.NUMBER, number=amount)


def value_from_date(date: dt.date) -> Value:
    return Value(format_date(date), ValueKind.DATE, date=date)


# ---------------------------------------------------------------------------
# targets


class TargetKind(enum.Enum):
    LEVEL = "livello"  # 90%, 2.000, 7: reach it (direction from the indicator)
    COMPARISON = "confronto"  # >=80%, <20%, >1, =3
    DEADLINE = "scadenza"  # 31/12/2020, entro il 31/12/2021
    YES_NO = "si/no"  # si, realizzazione
    PREVIOUS_YEAR = "rispetto all'anno precedente"  # X<X-1, > anno precedente
    BENCHMARK = "rispetto alla media cluster"  # > media cluster
    FREE_TEXT = "testo libero"  # entro data accorpamento: assessed by hand
    NONE = "nessun target"  # n.d., -, empty


class Comparison(enum.Enum):
    AT_LEAST = ">="
    MORE_THAN = ">"
    AT_MOST = "<="
    LESS_THAN = "<"
    EQUAL = "="

    @property
    def lower_is_better(self) -> bool:
        return self in (Comparison.AT_MOST, Comparison.LESS_THAN)


@attrs.frozen
class Target:
    """A target as written (``text``) and as understood.

    ``threshold`` is the value to compare with (for LEVEL and COMPARISON), ``comparison``
    the operator (None for a plain LEVEL), ``deadline`` the date for DEADLINE, ``qualifier``
    any words after the number (``>3 ore`` → ``ore``).
    """

    text: str
    kind: TargetKind
    threshold: Value | None = None
    comparison: Comparison | None = None
    deadline: dt.date | None = None
    qualifier: str = ""

    @property
    def is_set(self) -> bool:
        return self.kind is not TargetKind.NONE

    @property
    def can_be_scored(self) -> bool:
        return self.kind not in (TargetKind.FREE_TEXT, TargetKind.NONE)

    def __str__(self) -> str:
        return self.text


_OPERATOR = r"(>=|=>|≥|<=|=<|≤|>|<|=)"
_COMPARISON = re.compile(
    rf"(?P<label>[A-Za-z]{{1,6}}\s*)?{_OPERATOR}\s*(?P<number>{_NUMBER_TEXT})\s*(?P<percent>%)?\s*(?P<rest>.*)",
    re.DOTALL,
)
_LEVEL = re.compile(rf"(?P<number>{_NUMBER_TEXT})\s*(?P<percent>%)?(?:\s+(?P<rest>[^\W\d].*))?", re.DOTALL)
_PREVIOUS = re.compile(rf"x\s*{_OPERATOR}\s*x\s*-\s*(\d+)", re.IGNORECASE)
_DEADLINE = re.compile(r"(?:entro\s+(?:il\s+)?|al\s+)?(\d{1,2}[/.]\d{1,2}[/.]\d{2,4})(?P<rest>.*)", re.IGNORECASE | re.DOTALL)
_BENCHMARK = re.compile(rf"{_OPERATOR}\s*(?:alla\s+|a\s+)?media(?:\s+cluster)?", re.IGNORECASE)
_PREVIOUS_WORDS = re.compile(rf"{_OPERATOR}\s*(?:dell'|all'|rispetto all'|del)?\s*anno\s+precedente", re.IGNORECASE)
_OPERATORS = {
    ">=": Comparison.AT_LEAST,
    "=>": Comparison.AT_LEAST,
    "≥": Comparison.AT_LEAST,
    ">": Comparison.MORE_THAN,
    "<=": Comparison.AT_MOST,
    "=<": Comparison.AT_MOST,
    "≤": Comparison.AT_MOST,
    "<": Comparison.LESS_THAN,
    "=": Comparison.EQUAL,
}


def parse_target(text: str | None) -> Target:
    """Understand a target as written. Text that fits no form is a FREE_TEXT target, scored by hand."""
    written = "" if text is None else " ".join(str(text).split())
    folded = written.casefold()
    if folded in _EMPTY_MARKS or folded in _NO_TARGET_PHRASES:
        return Target(written, TargetKind.NONE)
    if folded in _YES:
        return Target(written, TargetKind.YES_NO)
    if found := _PREVIOUS.fullmatch(written):
        return Target(written, TargetKind.PREVIOUS_YEAR, comparison=_OPERATORS[found.group(1)])
    if found := _PREVIOUS_WORDS.fullmatch(written):
        return Target(written, TargetKind.PREVIOUS_YEAR, comparison=_OPERATORS[found.group(1)])
    if found := _BENCHMARK.fullmatch(written):
        return Target(written, TargetKind.BENCHMARK, comparison=_OPERATORS[found.group(1)])
    if (found := _DEADLINE.fullmatch(written)) and (deadline := parse_date(found.group(1))):
        return Target(written, TargetKind.DEADLINE, deadline=deadline, qualifier=found.group("rest").strip())
    if found := _COMPARISON.fullmatch(written):
        threshold = _threshold(found.group("number"), found.group("percent"))
        if threshold is not None:
            label = (found.group("label") or "").strip()
            rest = found.group("rest").strip()
            qualifier = " ".join(part for part in (label, rest) if part)
            return Target(written, TargetKind.COMPARISON, threshold, _OPERATORS[found.group(2)], qualifier=qualifier)
    if found := _LEVEL.fullmatch(written):
        threshold = _threshold(found.group("number"), found.group("percent"))
        if threshold is not None:
            return Target(written, TargetKind.LEVEL, threshold, qualifier=(found.group("rest") or "").strip())
    return Target(written, TargetKind.FREE_TEXT)


def _threshold(number_text: str, percent: str | None) -> Value | None:
    number = parse_number(number_text)
    if number is None:
        return None
    if percent:
        return Value(f"{number_text}%", ValueKind.PERCENT, number=number / _HUNDRED)
    return Value(number_text, ValueKind.NUMBER, number=number)
