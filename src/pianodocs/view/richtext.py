"""Turn the light markup of workbook text (``**bold**``, ``*italic*``, ``[text](url)``) into runs.

Workbook text is data: anything that is not this markup is kept literally
(angle brackets, braces, ampersands), and only http(s) and mailto links are kept
as links: :func:`is_safe_link` says which, here and in both backends (the DOCX
writer and the PDF template's ``safe_link`` test), since a kind may build runs
with a link of its own.
"""

from __future__ import annotations

import re

from .model import Run

_TOKEN = re.compile(
    r"\*\*(?P<bold>.+?)\*\*|(?<![\w*])\*(?P<italic>[^*\s](?:[^*]*[^*\s])?)\*(?![\w*])|\[(?P<label>[^\]]+)\]\((?P<url>[^)\s]*)\)"
)
# characters XML 1.0 forbids, and DEL: they break a DOCX or an SVG and garble a PDF's text layer
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
# the one definition of a link a document may hold
_SAFE_LINK = re.compile(r"(https?://|mailto:)\S+", re.IGNORECASE)


def runs(text: str) -> tuple[Run, ...]:
    """Runs of ``text``; unmatched markers stay as they are."""
    result: list[Run] = []
    position = 0
    for found in _TOKEN.finditer(text):
        if found.start() > position:
            result.append(Run(text[position : found.start()]))
        if found.group("bold") is not None:
            result.extend(Run(run.text, bold=True, italic=run.italic, link=run.link) for run in runs(found.group("bold")))
        elif found.group("italic") is not None:
            result.append(Run(found.group("italic"), italic=True))
        else:
            url = found.group("url")
            result.append(Run(found.group("label"), link=url if is_safe_link(url) else ""))
        position = found.end()
    if position < len(text):
        result.append(Run(text[position:]))
    return tuple(result)


def is_safe_link(url: object) -> bool:
    """True for the links a document may contain: http(s) and mailto, nothing else."""
    return isinstance(url, str) and _SAFE_LINK.fullmatch(url) is not None


def plain(text: str) -> tuple[Run, ...]:
    """One run with the text exactly as it is (no markup interpreted)."""
    return (Run(text),) if text else ()


def printable(text: str) -> str:
    """``text`` without the control characters no output format can hold."""
    return _UNPRINTABLE.sub("", text)
