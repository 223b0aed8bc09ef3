"""Turn raw cells into typed values by column type, collecting a located problem for each bad cell.

One function per :class:`~pianodocs.schema.ColumnType`. A bad cell yields a
problem with its sheet and cell reference and the value ``None``, so that every
problem of a workbook is found in one pass.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from decimal import Decimal

from openpyxl.utils import get_column_letter

from ..errors import Problem, Severity
from ..schema import Column
from ..values import (
    FIRST_DATE,
    LAST_DATE,
    Target,
    TargetKind,
    Value,
    ValueKind,
    format_date,
    format_number,
    format_percent,
    looks_like_a_number,
    parse_date,
    parse_number,
    parse_target,
    parse_value,
    value_from_date,
    value_from_number,
)
from .reader import RawCell

_HUNDRED = Decimal(100)
_ZERO_PADDED = re.compile(r"0{2,}")  # the format "000" shows 11 as 011
# a formula that is only a constant: what a person typing "=1" or "=100%" as a target meant to write
_CONSTANT_FORMULA = re.compile(r"(?P<number>[-+]?\d+(?:\.\d+)?)(?P<percent>%)?")
_DIGITS = {2: "due", 3: "tre", 4: "quattro", 5: "cinque"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# bidirectional embeddings and overrides (LRE, RLE, LRO, RLO) end at PDF; isolates (LRI, RLI, FSI) at PDI
_BIDI_OPENERS = {"\u202a": "\u202c", "\u202b": "\u202c", "\u202d": "\u202c", "\u202e": "\u202c"}
_BIDI_OPENERS.update(dict.fromkeys("\u2066\u2067\u2068", "\u2069"))


def cell_name(column_index: int, row: int) -> str:
    """``(6, 12)`` → ``F12``; ``column_index`` counts from 1."""
    return f"{get_column_letter(column_index)}{row}"


class CellReader:
    """Reads the cells of one sheet; ``problems`` gathers what was wrong."""

    def __init__(self, sheet: str, problems: list[Problem]) -> None:
        self.sheet = sheet
        self.problems = problems

    def problem(self, cell: str | None, message: str, severity: Severity = Severity.ERROR) -> None:
        self.problems.append(Problem(self.sheet, cell, message, severity))

    def read(self, column: Column, raw: RawCell, cell: str) -> object:
        reader: Callable[[Column, RawCell, str], object] = getattr(self, f"_read_{column.type.name.lower()}")
        if raw.error:  # a failed formula: its error text must not print as data
            self.problem(
                cell,
                f"'{column.name}' contiene l'errore di Excel «{_shown(raw.value)}» (formula non riuscita): correggere la cella.",
            )
            raw = RawCell(None)
        elif isinstance(raw.value, float) and not math.isfinite(raw.value):  # Excel cannot hold one; another program wrote it
            self.problem(cell, f"'{column.name}' contiene un numero non valido («{raw.value}»): correggere la cella.")
            raw = RawCell(None)
        return reader(column, raw, cell)

    # --- one reader per column type -------------------------------------------------

    def _read_text(self, column: Column, raw: RawCell, cell: str) -> str:
        value = raw.value
        if value is None:
            return ""
        if isinstance(value, bool):
            return "si" if value else "no"
        if raw.formula is not None and (typed := self._typed_formula(raw.formula, raw, "il testo", cell)):
            return typed
        if isinstance(value, (int, float)):
            if column.digits:
                return self._code(column, _excel_number(value), raw.number_format, cell)
            return _as_shown(_excel_number(value), raw.number_format)
        if isinstance(value, dt.date):
            return format_date(value)
        return _bidi_closed(_CONTROL.sub("", str(value)).strip())

    def _code(self, column: Column, number: Decimal, number_format: str, cell: str) -> str:
        """A code of ``column.digits`` digits (missione ``011``) that Excel stored as the number 11: its zeros restored."""
        written = _as_shown(number, number_format)
        if not written.isdigit() or len(written) >= column.digits:
            return written
        code = written.zfill(column.digits)
        digits = _DIGITS.get(column.digits, str(column.digits))
        self.problem(
            cell,
            f"'{column.name}' contiene il numero {written}: Excel ha tolto gli zeri iniziali, letto come codice a {digits} "
            f"cifre «{code}». Per evitarlo scrivere '{code} (con l'apostrofo davanti).",
            Severity.WARNING,
        )
        return code

    _read_rich_text = _read_text

    def _read_integer(self, column: Column, raw: RawCell, cell: str) -> int | None:
        value = raw.value
        if value is None or value == "":
            return None
        if isinstance(value, bool):
            self.problem(cell, f"'{column.name}' deve essere un numero intero, non un valore si/no.")
            return None
        if isinstance(value, int):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        number = parse_number(str(value)) if isinstance(value, str) else None
        if number is not None and number == number.to_integral_value():
            return int(number)
        self.problem(cell, f"'{column.name}' deve essere un numero intero: trovato «{_shown(value)}».")
        return None

    def _read_number(self, column: Column, raw: RawCell, cell: str) -> Decimal | None:
        value = raw.value
        if value is None or (isinstance(value, str) and value.strip() in ("", "-", "–")):
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return Decimal(str(value))
        number = parse_number(str(value)) if isinstance(value, str) else None
        if number is None:
            self.problem(cell, f"'{column.name}' deve essere un numero (es. 28.063,95): trovato «{_shown(value)}».")
        return number

    def _read_percent(self, column: Column, raw: RawCell, cell: str) -> Decimal | None:
        value = raw.value
        if value is None or (isinstance(value, str) and value.strip() in ("", "-")):
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            number = Decimal(str(value))
            # a cell formatted as percentage holds the fraction; a bare 30 means 30%
            return number if "%" in raw.number_format or abs(number) <= 1 else number / _HUNDRED
        parsed = parse_value(str(value)) if isinstance(value, str) else None
        if parsed is not None and parsed.number is not None and parsed.out_of is None:
            if parsed.text.endswith("%") or abs(parsed.number) <= 1:
                return parsed.number
            return parsed.number / _HUNDRED
        self.problem(cell, f"'{column.name}' deve essere una percentuale (es. 30%): trovato «{_shown(value)}».")
        return None

    def _read_date(self, column: Column, raw: RawCell, cell: str) -> dt.date | None:
        value = raw.value
        if value is None or value == "":
            return None
        if isinstance(value, dt.datetime):
            date: dt.date | None = value.date()
        elif isinstance(value, dt.date):
            date = value
        else:
            date = parse_date(str(value)) if isinstance(value, str) else None
        if date is None:
            self.problem(cell, f"'{column.name}' deve essere una data gg/mm/aaaa: trovato «{_shown(value)}».")
        elif not FIRST_DATE <= date <= LAST_DATE:  # a serial before 1900, a year mistyped (0001, 2200)
            self.problem(
                cell,
                f"'{column.name}' è il {format_date(date)}: una data deve essere compresa fra il "
                f"{format_date(FIRST_DATE)} e il {format_date(LAST_DATE)}.",
            )
            return None
        return date

    def _read_yes_no(self, column: Column, raw: RawCell, cell: str) -> bool | None:
        value = raw.value
        if value is None or value == "":
            return None
        if isinstance(value, bool):
            return value
        folded = str(value).strip().casefold()
        if folded in ("si", "sì", "s", "yes", "true", "vero", "x"):
            return True
        if folded in ("no", "n", "false", "falso"):
            return False
        self.problem(cell, f"'{column.name}' deve essere si oppure no: trovato «{_shown(value)}».")
        return None

    def _read_choice(self, column: Column, raw: RawCell, cell: str) -> str:
        text = self._read_text(column, raw, cell)
        if not text:
            return ""
        for choice in column.choices:
            if choice.casefold() == text.casefold():
                return choice
        allowed = ", ".join(column.choices)
        self.problem(cell, f"'{column.name}' non ammette «{_shown(text)}»: valori ammessi {allowed}.")
        return ""

    def _read_value(self, column: Column, raw: RawCell, cell: str) -> Value:
        value = self._value(column, raw, cell)
        if value.kind is ValueKind.TEXT and looks_like_a_number(value.text):
            self.problem(
                cell,
                f"'{column.name}' «{_shown(value.text)}» sembra un numero o una percentuale ma contiene caratteri non previsti: "
                "viene letto come testo, non come numero. Correggerlo se era un numero.",
                Severity.WARNING,
            )
        return value

    def _value(self, column: Column, raw: RawCell, cell: str) -> Value:
        value = raw.value
        if isinstance(value, bool):
            return parse_value("si" if value else "no")
        if isinstance(value, (int, float)):
            number = _excel_number(value)
            percent = "%" in raw.number_format
            decimals = _decimals(raw.number_format)
            if decimals is not None:  # the decimals the format shows, and any more that were typed
                decimals = max(decimals, _typed_decimals(number * _HUNDRED if percent else number))
            return value_from_number(number, percent=percent, decimals=decimals)
        if isinstance(value, dt.date):
            return value_from_date(value)
        return parse_value(self._read_text(column, raw, cell))

    def _read_target(self, column: Column, raw: RawCell, cell: str) -> Target:
        if raw.formula is not None and (typed := self._typed_formula(raw.formula, raw, "il target", cell)):
            return parse_target(typed)
        computed = self._value(column, raw, cell)
        if raw.formula is not None:
            shown = f"«={_shown(raw.formula)}»" if raw.formula else "una formula"
            self.problem(
                cell,
                f"'{column.name}' contiene la formula {shown}: viene usato il valore calcolato «{computed.text}».",
                Severity.WARNING,
            )
            return parse_target(computed.text)
        target = parse_target(computed.text)
        if (target.kind is TargetKind.FREE_TEXT or target.qualifier) and looks_like_a_number(target.text):
            if target.kind is TargetKind.FREE_TEXT:
                how = "testo libero (da valutare a mano)"
            else:  # ">=8O%": the letter O after the 8 taken for words following the number
                operator = target.comparison.value if target.comparison else ""
                threshold = target.threshold.text if target.threshold else ""
                how = f"il target «{operator}{threshold}» seguito dal testo «{_shown(target.qualifier)}»"
            self.problem(
                cell,
                f"'{column.name}' «{_shown(target.text)}» sembra un numero o una percentuale ma contiene caratteri non previsti: "
                f"viene letto come {how}. Correggerlo se era un numero.",
                Severity.WARNING,
            )
        return target

    def _typed_formula(self, formula: str, raw: RawCell, read_as: str, cell: str) -> str | None:
        """What a person typed as text when Excel made it a constant formula (``=1``, ``=100%``); None for other formulas."""
        constant = _CONSTANT_FORMULA.fullmatch(formula.strip())
        if not constant or not isinstance(raw.value, (int, float)) or isinstance(raw.value, bool):
            return None
        written = f"={format_number(Decimal(constant.group('number')))}{constant.group('percent') or ''}"
        computed = _as_shown(_excel_number(raw.value), raw.number_format)
        self.problem(
            cell,
            f"Excel ha letto «{written}» come una formula (valore {computed}): letto come {read_as} «{written}». "
            f"Per evitare l'avviso scrivere '{written} (con l'apostrofo davanti).",
            Severity.WARNING,
        )
        return written


def _bidi_closed(text: str) -> str:
    """``text`` with every right-to-left override it opens closed at its end, so it cannot reverse the text printed after it."""
    if not any(opener in text for opener in _BIDI_OPENERS):
        return text
    open_marks: list[str] = []
    for character in text:
        if character in _BIDI_OPENERS:
            open_marks.append(_BIDI_OPENERS[character])
        elif open_marks and character == open_marks[-1]:
            open_marks.pop()
    return text + "".join(reversed(open_marks))


def _excel_number(value: int | float) -> Decimal:
    """The number Excel holds: a float to its 15 significant digits (0.1 + 0.2 is 0,3, as Excel shows it)."""
    if isinstance(value, int):
        return Decimal(value)
    return Decimal(f"{value:.15g}")


def _typed_decimals(number: Decimal) -> int:
    """The decimals needed to write ``number`` without losing a digit typed: 33,3 → 1, 50,00 → 0."""
    exponent = number.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _as_shown(number: Decimal, number_format: str) -> str:
    """A number as Excel shows it under ``number_format``, never dropping a typed digit, for a text column.

    ``0.4`` formatted ``0%`` is ``40%``; ``0.5`` formatted ``0.00`` is ``0,50``; ``11`` formatted ``000`` is ``011``;
    thousands are separated only when the format separates them (``#,##0``), so a tax code stays whole.
    """
    decimals = _decimals(number_format)
    if "%" in number_format:
        return format_percent(number, max(decimals or 0, _typed_decimals(number * _HUNDRED)))
    if _ZERO_PADDED.fullmatch(number_format) and number >= 0 and number == number.to_integral_value():
        return str(int(number)).zfill(len(number_format))
    if decimals is None:  # General: the number as typed
        return str(int(number)) if number == number.to_integral_value() else format_number(number)
    return format_number(number, max(decimals, _typed_decimals(number)), grouping="," in number_format)


def _decimals(number_format: str) -> int | None:
    """Decimals shown by an Excel number format such as ``0.00%`` or ``#,##0.0``; None for General."""
    found = re.search(r"\.(0+)", number_format)
    if found:
        return len(found.group(1))
    return None if number_format == "General" else 0


def _shown(value: object) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."
