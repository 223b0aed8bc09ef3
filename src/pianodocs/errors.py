"""The package's errors: one base class, a validation error for bad input, and environment errors.

A :class:`ValidationError` carries every problem found in a workbook at once,
each located by sheet and cell, with an Italian message, so staff can fix the
file in one pass. Nothing here knows how problems are found.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

import attrs


class Severity(enum.Enum):
    ERROR = "errore"
    WARNING = "avviso"


@attrs.frozen
class Problem:
    """One problem in a workbook: where it is (sheet and cell, or None for the whole file) and what it is."""

    sheet: str | None
    cell: str | None
    message: str
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
    """Base of every error pianodocs raises on purpose."""


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
