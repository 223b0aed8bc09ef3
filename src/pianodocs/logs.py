"""What the user reads of the non-fatal messages: pianodocs' own, and those of the libraries it runs.

The policy, in one place, set by :func:`configure_logging` when the command line starts:

- pianodocs' own warnings (logger ``pianodocs.*``, already in Italian) are
  printed on standard error as they are;
- the libraries' log records (WeasyPrint, fontTools, cairosvg …) and Python
  warnings (openpyxl's "… extension is not supported") are in English: the ones
  that tell the user something about their document are printed translated, as
  ``pianodocs: avviso: …``; the rest are details for whoever debugs, printed
  only with ``PIANODOCS_DEBUG=1`` (as ``pianodocs: [debug] origin: text``).
"""

from __future__ import annotations

import logging
import os
import re
import sys
import warnings
from typing import TextIO

# the foreign messages worth telling the user, as patterns over their text and their Italian wording
TRANSLATIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"Failed to load image at '?(?P<what>[^'\s]+)"),
        "un'immagine non è stata caricata nel PDF ({what}): il documento è scritto senza.",
    ),
    (
        re.compile(r"Ignored `(?P<what>[^`]*)` at (?P<line>\d+):\d+"),
        "foglio di stile personalizzato, riga {line}: regola ignorata perché non valida ({what}).",
    ),
    (
        re.compile(r"Cell (?P<cell>[A-Z]+\d+) is marked as a date but the serial value (?P<value>\S+) is outside"),
        "la cella {cell} è una data fuori dal calendario di Excel (valore {value}): è letta come errore.",
    ),
)


class _Policy(logging.Handler):
    """The handler on the root logger applying the module's policy to every record.

    It writes to the standard error of the moment (the one a test captures, too), as :data:`logging.lastResort` does.
    """

    def emit(self, record: logging.LogRecord) -> None:
        text = _translated(record)
        if text is None:
            return
        try:
            sys.stderr.write(text + "\n")
            sys.stderr.flush()
        except (OSError, ValueError):  # a closed standard error: nothing more can be said
            pass


def configure_logging() -> None:
    """Apply the policy to this process (again is harmless): one handler on the root logger, Python warnings to it."""
    root = logging.getLogger()
    if not any(isinstance(handler, _Policy) for handler in root.handlers):
        root.addHandler(_Policy())
    logging.getLogger("pianodocs").setLevel(logging.DEBUG if os.environ.get("PIANODOCS_DEBUG") else logging.NOTSET)
    warnings.showwarning = _show_warning


def _translated(record: logging.LogRecord) -> str | None:
    """What the user reads of ``record``, or None when it is a detail for debugging only."""
    message = record.getMessage()
    debugging = bool(os.environ.get("PIANODOCS_DEBUG"))
    if record.name == "pianodocs" or record.name.startswith("pianodocs."):
        return message if record.levelno >= logging.WARNING else f"pianodocs: [debug] {message}" if debugging else None
    for pattern, wording in TRANSLATIONS:
        found = pattern.search(message)
        if found:
            return "pianodocs: avviso: " + wording.format(**found.groupdict())
    if debugging:
        return f"pianodocs: [debug] {record.name}: {message}"
    return None


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    """Python's warnings as log records of their module (``openpyxl.worksheet._reader`` …), under the policy."""
    origin = _module_of(filename)
    logging.getLogger(origin).warning("%s: %s", category.__name__, message)


def _module_of(filename: str) -> str:
    """The dotted module of a source file path, from its ``site-packages`` on (else the file's name)."""
    parts = re.split(r"[\\/]", filename)
    parts = parts[parts.index("site-packages") + 1 :] if "site-packages" in parts else parts[-1:]
    return ".".join(parts).removesuffix(".py") or "python"
