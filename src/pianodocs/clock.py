"""When a document is said to be made: now, or ``SOURCE_DATE_EPOCH`` for reproducible output.

``SOURCE_DATE_EPOCH`` (seconds since 1970, UTC) is the reproducible-builds
convention: with it, both backends date their files that moment, and rendering
the same input twice gives the same bytes.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

from .errors import PianodocsError


def document_time() -> datetime:
    """``SOURCE_DATE_EPOCH`` if set, else now (UTC, whole seconds)."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return datetime.now(UTC).replace(microsecond=0)
    if not value.isdigit():
        raise PianodocsError(f"SOURCE_DATE_EPOCH deve essere un numero intero di secondi dal 1970, non {value!r}.")
    try:
        return datetime.fromtimestamp(int(value), UTC)
    except (OverflowError, OSError, ValueError) as error:
        raise PianodocsError(f"SOURCE_DATE_EPOCH fuori intervallo: {value}.") from error
