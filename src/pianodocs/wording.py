"""Italian wording shared by the command line's messages and the documents: a count with its noun, a preposition with its article.

One function says "1 obiettivo" and "2 obiettivi", so no message or document
prints "1 obiettivi"; another says "al 92%" and "all'80%". They know nothing of
what is counted or measured. The texts of the documents use them as the Jinja
filters ``conta`` and ``con_articolo`` (:mod:`pianodocs.texts`).
"""

from __future__ import annotations


def counted(number: int, one: str, many: str) -> str:
    """``number`` followed by ``one`` (the singular) if it is 1 or -1, else by ``many``: ``1 obiettivo``, ``0 obiettivi``."""
    return f"{number} {one if abs(number) == 1 else many}"


def with_article(percent: str, preposition: str) -> str:
    """``al 92%``, ``all'80%``, ``dell'80%``: the article is elided before a number read with a vowel (1, 8, 11, 80-89).

    ``preposition`` is the stem the article joins: ``a``, ``de``, ``da``, ``su`` (``sull'80%``) and so on.
    """
    number = percent.rstrip("%")
    vowel = number in ("1", "8", "11") or (len(number) == 2 and number.startswith("8"))
    return f"{preposition}ll'{percent}" if vowel else f"{preposition}l {percent}"
