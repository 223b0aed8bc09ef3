"""Italian wording shared by messages and documents: a count with its noun in the singular or the plural."""

from __future__ import annotations

import pytest

from pianodocs.wording import counted


@pytest.mark.parametrize(
    ("number", "expected"),
    [(0, "0 obiettivi"), (1, "1 obiettivo"), (2, "2 obiettivi"), (11, "11 obiettivi"), (-1, "-1 obiettivo")],
)
def test_counted_takes_the_singular_only_for_one(number: int, expected: str) -> None:
    assert counted(number, "obiettivo", "obiettivi") == expected


@pytest.mark.parametrize(
    ("number", "one", "many", "expected"),
    [
        (1, "indicatore", "indicatori", "1 indicatore"),
        (1, "errore", "errori", "1 errore"),
        (3, "avviso", "avvisi", "3 avvisi"),
        (1, "pagina", "pagine", "1 pagina"),
        (1, "documento scritto", "documenti scritti", "1 documento scritto"),
        (2, "non valutabile", "non valutabili", "2 non valutabili"),
    ],
)
def test_counted_with_other_nouns(number: int, one: str, many: str, expected: str) -> None:
    assert counted(number, one, many) == expected
