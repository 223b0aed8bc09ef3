"""The document kinds pianodocs knows, with their Italian descriptions, and what a kind says when it does not apply.

A kind's module may answer ``applies(plan)`` with an :class:`Applicability`: true when the plan has the
data the kind needs, else false with the reason in Italian (``render all`` prints it). When asked to build
a document anyway, the kind raises :class:`MissingDataError` with the same kind of message.
"""

from __future__ import annotations

import attrs

from .errors import PianodocsError

DOCUMENT_KINDS: dict[str, str] = {
    "piano-performance": "Piano della Performance (triennale)",
    "pira": "Piano degli Indicatori e dei Risultati attesi di Bilancio (PIRA)",
    "monitoraggio": "Monitoraggio: situazione degli indicatori a una data",
    "relazione-performance": "Relazione sulla Performance (risultati dell'anno)",
    "allegato-delibera": "Allegato alla deliberazione di Giunta (revisione dei target)",
    "cruscotto": "Cruscotto strategico pluriennale con registro delle modifiche",
}


class MissingDataError(PianodocsError):
    """The plan lacks the data a document kind needs (no year-end values, no measurement at the date)."""


@attrs.frozen
class Applicability:
    """Whether a kind applies to a plan: true without a ``reason``; false with the reason, in Italian."""

    reason: str = ""

    def __bool__(self) -> bool:
        return not self.reason


APPLIES = Applicability()
