"""The limits that bound what rendering a workbook may cost, with why (docs/limiti.md states them for users).

The limits of reading the file (its size, how far it expands, how many cells
are read) stay with the reader, :mod:`pianodocs.workbook.reader`; these bound
what rendering it may cost. A render holds the whole document in memory, about
0.6 MB per indicator (with its objectives and measurements) and 0.5 KB per
character of text, so rows per sheet and characters of text are capped to keep
one render under about 6 GB and ``render all`` (two documents at once) under
half the 24 GB of a 2-core machine. The layout limit says how long a run of
characters without a space may be before it gets invisible break
opportunities (:mod:`pianodocs.view.breaks`). The cache limit bounds the
user's cache folder (:mod:`pianodocs.content_cache`). Nothing here reads a file.
"""

from __future__ import annotations

import attrs

# loading the workbook (pianodocs.workbook.loader): bounded render memory
MAX_ROWS = 10_000  # data rows of any other table sheet (Misurazioni, Testi, Tabelle...)
MAX_INDICATORS = 5_000  # rows of the Indicatori sheet: about 0.6 MB of render memory each, with their tree
MAX_TEXT_CHARACTERS = 32_767  # one cell's text: what Excel itself lets a cell hold
MAX_TOTAL_TEXT_CHARACTERS = 3_000_000  # all the text of the workbook together


@attrs.frozen
class LoadLimits:
    """The limits the loader holds a workbook to; the defaults are the documented ones."""

    rows: int = MAX_ROWS
    indicators: int = MAX_INDICATORS
    text_characters: int = MAX_TEXT_CHARACTERS
    total_text_characters: int = MAX_TOTAL_TEXT_CHARACTERS


DEFAULT_LIMITS = LoadLimits()


# layout (pianodocs.view.breaks): a longer run of characters without a space gets break opportunities
MAX_UNBROKEN_TOKEN = 160
BREAK_EVERY = 10


def italian_number(number: int) -> str:
    """``40000`` → ``40.000``: how a limit or a count reads in a message."""
    return f"{number:,}".replace(",", ".")


# the user's cache (pianodocs.content_cache): entries kept per folder, the least recently used removed beyond it;
# a strategic map's PNG is about 120 KB, so the drawings stay under about 60 MB
MAX_CACHE_ENTRIES = 500
