"""Italian wording shared by the command line's messages and the documents: a count with its noun.

One function says "1 obiettivo" and "2 obiettivi", so no message or document
prints "1 obiettivi". It knows nothing of what is counted.
"""

from __future__ import annotations


def counted(number: int, one: str, many: str) -> str:
    """``number`` followed by ``one`` (the singular) if it is 1 or -1, else by ``many``: ``1 obiettivo``, ``0 obiettivi``."""
    return f"{number} {one if abs(number) == 1 else many}"
