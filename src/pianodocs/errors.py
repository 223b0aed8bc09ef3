"""The package's errors: one base class, a validation error for bad input, and environment errors.

A :class:`ValidationError` carries every problem found in a workbook at once,
each located by sheet and cell, with an Italian message, so staff can fix the
file in one pass. Nothing here knows how problems are found.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable

import attrs

# C0 and C1 control characters (a terminal obeys them: U+009B starts an escape sequence) and the bidirectional
# embeddings, overrides and isolates (they reverse the text printed after them)
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` as it may be printed to a person: control characters and bidi overrides removed, a tab or line break a space.

    Every message that quotes the workbook's text goes through here (a :class:`Problem`'s, an error's), so
    nothing read from a file can drive the terminal or reverse what is printed after it.
    """
    return _UNPRINTABLE.sub("", text.replace("\t", " ").replace("\r\n", " ").replace("\n", " ").replace("\r", " "))


class Severity(enum.Enum):
    ERROR = "errore"
    WARNING = "avviso"


@attrs.frozen
class Problem:
    """One problem in a workbook: where it is (sheet and cell, or None for the whole file) and what it is."""

    sheet: str | None
    cell: str | None
    message: str = attrs.field(converter=printable)
    severity: Severity = Severity.ERROR

    @property
    def location(self) -> str:
        if self.sheet is None:
            return "File"
        return f"{self.sheet}!{self.cell}" if self.cell else self.sheet

    def __str__(self) -> str:
        marker = " [avviso]" if self.severity is Severity.WARNING else ""
        return f"{self.location}:{marker} {self.message}"


class PianodocsError(Exception):
    """Base of every error pianodocs raises on purpose; printed line by line through :func:`printable`."""

    def __str__(self) -> str:
        return "\n".join(printable(line) for line in super().__str__().split("\n"))


class ValidationError(PianodocsError):
    """The workbook cannot be used: ``problems`` lists every error (and the warnings found with them)."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        errors = [problem for problem in self.problems if problem.severity is Severity.ERROR]
        summary = f"Il workbook contiene {len(errors)} errori." if len(errors) != 1 else "Il workbook contiene 1 errore."
        super().__init__(summary + "".join(f"\n{problem}" for problem in errors[:20]))

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(problem for problem in self.problems if problem.severity is Severity.ERROR)


class OutputError(PianodocsError):
    """An output file could not be written (folder missing, not writable, disk full)."""
