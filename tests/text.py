"""Text extracted from a PDF read as a person reads it: a word hyphenated at a line end is one word (issue 12).

Both formats hyphenate Italian (PDF: ``hyphens: auto``; DOCX: automatic hyphenation, laid out by LibreOffice), so
the extracted text has line-end breaks such as ``"abbassa-\\nmento"``. ``dehyphenate`` works on the raw text, with
its line breaks, before any white space is flattened: a hyphen between two letters, at the end of a line, before
a line that starts with a lower-case letter, is joined away. A real compound broken at its own hyphen
("economico-\\nfinanziaria") keeps it when the compound is printed whole elsewhere in the text and the joined
word is not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

from pianodocs.view.model import Run

# a letter, a hyphen at the end of the line (trailing spaces allowed), then the next line's first word
_LINE_END_BREAK = re.compile(r"(\w*[^\W\d_])-[ \t]*\n[ \t]*([^\W\d_]\w*)")


# the same break where the extraction put the next line on the same one (cells side by side): "clu- ster"
_SAME_LINE_BREAK = re.compile(r"(\w*[^\W\d_])-[ \t]+([^\W\d_]\w*)")


def dehyphenate(text: str, words: Iterable[str] = ()) -> str:
    """``text`` with each word hyphenated at a line end rejoined (the line break goes with the hyphen).

    With ``words`` (the document's own words), a hyphen followed by a space on the same line is also joined
    where the two pieces make one of them: pypdf puts side-by-side cells' lines on one line.
    """
    known = frozenset(words)

    def join(match: re.Match[str]) -> str:
        left, right = match.group(1), match.group(2)
        if not right[0].islower():
            return match.group(0)
        compound, word = f"{left}-{right}", f"{left}{right}"
        elsewhere = text[: match.start()] + text[match.end() :]
        if compound in elsewhere and word not in elsewhere:
            return compound
        return word

    def join_known(match: re.Match[str]) -> str:
        word = match.group(1) + match.group(2)
        return word if word in known else match.group(0)

    joined, previous = _LINE_END_BREAK.sub(join, text), text
    while joined != previous:  # a word hyphenated twice in a narrow column ("in-\nclu-\nde") joins in two passes
        joined, previous = _LINE_END_BREAK.sub(join, joined), joined
    return _SAME_LINE_BREAK.sub(join_known, joined) if known else joined


def document_words(value: object) -> set[str]:
    """Every word of a view-model document (or of any part of it), stripped of punctuation."""
    texts: list[str] = []
    _texts(value, texts)
    return {word.strip(".,;:()") for text in texts for word in text.split()} - {""}


def _texts(value: object, out: list[str]) -> None:
    if isinstance(value, Run):
        out.append(value.text)
    elif isinstance(value, tuple | list):
        for item in value:
            _texts(item, out)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            _texts(getattr(value, field.name), out)


_NOBREAK_SPAN = re.compile(r'<span class="no(?:break|hyphen)">([^<]*)</span>')


def without_nobreak(html: str) -> str:
    """``html`` without the ``nobreak`` spans the PDF puts around codes, dates and amounts (their text stays)."""
    return _NOBREAK_SPAN.sub(r"\1", html)
