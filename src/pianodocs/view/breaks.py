"""Give very long runs of characters without a space places where a line may break.

A "word" of thousands of characters (a pasted hash, a line of dashes, a
cell filled by mistake) cannot be broken by the layout engines but at great
cost: WeasyPrint's time grows with the square of its length (a 32,767-character
word took minutes). A token longer than :data:`~pianodocs.limits.MAX_UNBROKEN_TOKEN`
gets a ZERO WIDTH SPACE (U+200B) every :data:`~pianodocs.limits.BREAK_EVERY`
characters: invisible, it lets both WeasyPrint and Word/LibreOffice break the
line there. Shorter tokens, which include every real word, code, amount and
address of the samples, are left as they are. The view model applies this to
the text of every run, heading, caption and cover, so both backends get the
same text; link targets are never touched.
"""

from __future__ import annotations

import re

from ..limits import BREAK_EVERY, MAX_UNBROKEN_TOKEN

ZERO_WIDTH_SPACE = "\u200b"
# a token: characters that are neither white space nor an existing break opportunity (so breaking is idempotent)
_LONG_TOKEN = re.compile(rf"[^\s{ZERO_WIDTH_SPACE}]{{{MAX_UNBROKEN_TOKEN + 1},}}")
_CHUNK = re.compile(rf".{{1,{BREAK_EVERY}}}", re.DOTALL)


def breakable(text: str) -> str:
    """``text`` with a ZERO WIDTH SPACE every ``BREAK_EVERY`` characters of each token longer than ``MAX_UNBROKEN_TOKEN``."""
    if len(text) <= MAX_UNBROKEN_TOKEN:
        return text
    return _LONG_TOKEN.sub(lambda found: ZERO_WIDTH_SPACE.join(_CHUNK.findall(found.group())), text)
