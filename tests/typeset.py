"""What a reader sees on the page, measured: broken words, orphaned headings and bands, near-empty pages.

A test-support module (no tests here). It reads a PDF's words with their
positions (``pdftotext -bbox-layout``: pages, blocks, lines, words) and compares
them with the view model's own words and texts, the one source both formats are
rendered from. Three measures, each a small function:

- :func:`broken_words`: a word split over two lines without a hyphen
  (``Codic`` / ``e``);
- :func:`orphans`: a heading or a band row that is the last thing on its page;
- :func:`near_empty_pages`: a page filled less than a quarter, other than the
  cover, the document's last page and a chapter's last page.

The running header and footer (text repeated at the same place on most pages,
page numbers included) are not content: :func:`content_rows` leaves them out.
"""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import attrs

from pianodocs.view.model import BulletList, CellStyle, Document, Heading, Paragraph, Row, Run, Table

BAND_STYLES = (CellStyle.BAND, CellStyle.SUBBAND)
QUARTER = 0.25
# a heading or band row at a page foot starts within this share of the page's width from the text's left edge
ORPHAN_INDENT = 0.1
# a line is page furniture (running header, footer, page number) when it sits in this top or bottom
# share of the page and its text, digits aside, recurs on at least half of the pages
FURNITURE_MARGIN = 0.12
# a line may end after these without breaking a word: hyphens (soft ones too) and a slash
BREAKS = ("-", "\u00ad", "\u2010", "\u2011", "/")
# inside a link a line may also end before or after its punctuation (as style guides break URLs)
LINK_BREAKS = frozenset("/?&=#.,-_~%:")
_LINK = re.compile(r"://|^www\.|@")
_PUNCTUATION = ",.;:!?()[]«»\"'’“”"


@attrs.frozen
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@attrs.frozen
class Line:
    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)

    @property
    def x0(self) -> float:
        return min(word.x0 for word in self.words)

    @property
    def x1(self) -> float:
        return max(word.x1 for word in self.words)

    @property
    def y0(self) -> float:
        return min(word.y0 for word in self.words)

    @property
    def y1(self) -> float:
        return max(word.y1 for word in self.words)


@attrs.frozen
class Block:
    lines: tuple[Line, ...]


@attrs.frozen
class Page:
    number: int  # from 1
    width: float
    height: float
    blocks: tuple[Block, ...]

    @property
    def lines(self) -> tuple[Line, ...]:
        return tuple(line for block in self.blocks for line in block.lines)


@attrs.frozen
class Orphan:
    page: int
    text: str


@attrs.frozen
class Counts:
    """The three measures of one rendered document."""

    broken_words: tuple[str, ...]
    orphans: tuple[Orphan, ...]
    near_empty_pages: tuple[int, ...]


# --- the PDF's words -------------------------------------------------------------------------------------------


def read_layout(pdf: Path) -> tuple[Page, ...]:
    """The pages of ``pdf`` with their blocks, lines and words, as ``pdftotext -bbox-layout`` finds them."""
    xhtml = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], check=True, capture_output=True, text=True, encoding="utf-8"
    ).stdout
    return parse_layout(xhtml)


def parse_layout(xhtml: str) -> tuple[Page, ...]:
    """The pages of ``pdftotext -bbox-layout`` output (an XHTML document)."""
    root = ElementTree.fromstring(xhtml)
    pages = []
    for number, page in enumerate(_elements(root, "page"), start=1):
        blocks = []
        for block in _elements(page, "block"):
            lines = [Line(tuple(_word(word) for word in _elements(line, "word"))) for line in _elements(block, "line")]
            blocks.append(Block(tuple(line for line in lines if line.words)))
        pages.append(Page(number, float(page.get("width", 0)), float(page.get("height", 0)), tuple(blocks)))
    return tuple(pages)


def _elements(parent: ElementTree.Element, name: str) -> Iterator[ElementTree.Element]:
    return (element for element in parent.iter() if element.tag.rsplit("}", 1)[-1] == name)


def _word(element: ElementTree.Element) -> Word:
    box = (float(element.get(corner, 0)) for corner in ("xMin", "yMin", "xMax", "yMax"))
    return Word(element.text or "", *box)


# --- the view model's words ------------------------------------------------------------------------------------


def _runs_text(runs: Iterable[Run]) -> str:
    return "".join(run.text for run in runs)


def _row_texts(row: Row) -> list[str]:
    return [cell.text for cell in row.cells]


def view_texts(document: Document) -> list[str]:
    """Every text a reader can read in ``document``: cover, headings, paragraphs, list items, table cells, captions."""
    texts = [document.running_header]
    if document.cover is not None:
        texts += [document.cover.entity, document.cover.title, document.cover.subtitle, document.cover.note]
    for block in document.blocks:
        if isinstance(block, (Heading, Paragraph)):
            texts.append(block.text)
        elif isinstance(block, BulletList):
            texts += [_runs_text(item) for item in block.items]
        elif isinstance(block, Table):
            texts.append(block.caption)
            for row in block.header + block.body:
                texts += _row_texts(row)
    return [text for text in texts if text]


def vocabulary(document: Document) -> frozenset[str]:
    """The words of ``document`` (split on white space), each also without the punctuation around it."""
    words = set()
    for text in view_texts(document):
        for word in text.split():
            words.add(word)
            words.add(word.strip(_PUNCTUATION))
    words.discard("")
    return frozenset(words)


def band_texts(document: Document) -> list[str]:
    """The texts of the table rows whose every cell is a band (the hierarchy's rows: lines, perspectives, goals)."""
    texts = []
    for block in document.blocks:
        if isinstance(block, Table):
            for row in block.body:
                if row.cells and all(cell.style in BAND_STYLES for cell in row.cells):
                    texts.append(" ".join(_row_texts(row)))
    return [text for text in texts if text.strip()]


def heading_texts(document: Document, level: int | None = None) -> list[str]:
    """The headings' texts (number and title), of one ``level`` or all."""
    return [heading.text for heading in document.headings if level is None or heading.level == level]


# --- the measures ----------------------------------------------------------------------------------------------


def broken_words(pages: Sequence[Page], words: frozenset[str]) -> list[str]:
    """The words split over two lines without a hyphen, as ``"first half/second half"``.

    A pair (last word of a line, first word of the next line: see
    :func:`following_lines`) is a broken word when the two glued together make a
    word of the view model (``words``) while they are not two of its words
    themselves, and the first does not end with a hyphen or a slash (breaks a
    reader expects). The issue's examples include ``Codic/e`` and
    ``Percentual/e``, whose second half ("e") is an Italian word: so one half
    that is not a word is enough.
    """
    found = []
    for page in pages:
        for line, following in following_lines(page):
            first, second = line.words[-1].text, following.words[0].text
            if first.endswith(BREAKS) or first + second not in words:
                continue
            if _LINK.search(first + second) and (first[-1] in LINK_BREAKS or second[0] in LINK_BREAKS):
                continue
            if _is_word(first, words) and _is_word(second, words):
                continue
            found.append(f"{first}/{second}")
    return found


def following_lines(page: Page) -> list[tuple[Line, Line]]:
    """The pairs (line, the line a reader reads after it in the same paragraph or table cell) of ``page``.

    Two sources, joined: consecutive lines of one of pdftotext's blocks (how it
    groups a WeasyPrint paragraph or cell), and a line's nearest line just below
    it that overlaps it horizontally (LibreOffice's PDF puts each line of a table
    cell in a block of its own).
    """
    pairs = {(id(line), id(following)): (line, following) for block in page.blocks for line, following in _consecutive(block)}
    lines = page.lines
    for line in lines:
        below = [other for other in lines if _just_below(line, other)]
        if below:
            following = min(below, key=lambda other: (other.y0, abs(other.x0 - line.x0)))
            pairs.setdefault((id(line), id(following)), (line, following))
    return list(pairs.values())


def _consecutive(block: Block) -> Iterator[tuple[Line, Line]]:
    return zip(block.lines, block.lines[1:], strict=False)


def _just_below(line: Line, other: Line) -> bool:
    """Whether ``other`` starts on the next line down from ``line`` and shares some of its width."""
    height = line.y1 - line.y0
    next_row = line.y0 + height / 2 <= other.y0 <= line.y1 + height * 0.6
    return next_row and other.x0 < line.x1 and other.x1 > line.x0


def _is_word(text: str, words: frozenset[str]) -> bool:
    return text in words or text.strip(_PUNCTUATION) in words


def _key(text: str) -> str:
    """A text to compare with another: no white space nor soft hyphen, case folded."""
    return re.sub(r"[\s\u00ad]+", "", text).casefold()


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", _key(text))


def content_rows(pages: Sequence[Page]) -> list[list[str]]:
    """Each page's content as visual rows (lines side by side joined left to right), top to bottom.

    The page furniture is left out: a line near the top or the bottom of the
    page whose text, digits aside, is found there on at least half the pages
    (and on two at least) - the running header, the footer, the page numbers.
    """
    return [_rows(lines) for lines in _content_lines(pages)]


def _content_lines(pages: Sequence[Page]) -> list[list[Line]]:
    recurring: dict[str, set[int]] = {}
    for page in pages:
        for line in page.lines:
            if _in_margin(line, page):
                recurring.setdefault(_furniture_key(line.text), set()).add(page.number)
    threshold = max(2, (len(pages) + 1) // 2)
    furniture = {key for key, where in recurring.items() if len(where) >= threshold}
    return [
        [line for line in page.lines if not (_in_margin(line, page) and _furniture_key(line.text) in furniture)] for page in pages
    ]


def _in_margin(line: Line, page: Page) -> bool:
    return line.y1 <= page.height * FURNITURE_MARGIN or line.y0 >= page.height * (1 - FURNITURE_MARGIN)


def _visual_rows(lines: Sequence[Line]) -> list[list[Line]]:
    """``lines`` grouped into visual rows, top to bottom: a line whose middle falls within the row's height joins it."""
    rows: list[list[Line]] = []
    for line in sorted(lines, key=lambda line: (line.y0, line.x0)):
        middle = (line.y0 + line.y1) / 2
        if rows and rows[-1][0].y0 <= middle <= rows[-1][0].y1:
            rows[-1].append(line)
        else:
            rows.append([line])
    return rows


def _row_text(row: Sequence[Line]) -> str:
    return " ".join(line.text for line in sorted(row, key=lambda line: line.x0))


def _rows(lines: Sequence[Line]) -> list[str]:
    """The text of each visual row of ``lines`` (:func:`_visual_rows`), its lines read left to right."""
    return [_row_text(row) for row in _visual_rows(lines)]


def _matches(rows: Sequence[str], texts: Iterable[str], at_end: bool) -> str | None:
    """The text of ``texts`` that the last (``at_end``) or first rows of a page make up exactly, if any."""
    found = _matching_rows(rows, texts, at_end)
    return None if found is None else found[0]


def _matching_rows(rows: Sequence[str], texts: Iterable[str], at_end: bool) -> tuple[str, int] | None:
    """The text of ``texts`` the last (``at_end``) or first rows make up exactly, and how many rows it takes."""
    keys = {_key(text): text for text in texts}
    for count in range(1, min(len(rows), 4) + 1):
        part = rows[-count:] if at_end else rows[:count]
        text = keys.get(_key(" ".join(part)))
        if text is not None:
            return text, count
    return None


def orphans(pages: Sequence[Page], document: Document) -> list[Orphan]:
    """The headings and band rows that are the last content of their page: what they introduce is on the next.

    A heading or a band starts at the left of the text (a band row's first cell is the table's first); the same
    words ending a cell further right (the last item of a "Programmi strategici" cell that is also an objective's
    heading) are the end of that cell, not an orphan.
    """
    targets = heading_texts(document) + band_texts(document)
    found = []
    for page, lines in zip(pages, _content_lines(pages), strict=True):
        rows = _visual_rows(lines)
        matched = _matching_rows([_row_text(row) for row in rows], targets, at_end=True)
        if matched is None:
            continue
        text, count = matched
        lefts = [min(line.x0 for line in row) for row in rows]
        if lefts[-count] - min(lefts) <= ORPHAN_INDENT * page.width:
            found.append(Orphan(page.number, text))
    return found


def near_empty_pages(pages: Sequence[Page], document: Document) -> list[int]:
    """The pages whose content ends above a quarter of the printable height.

    The printable height of a page is the extent of all the text (furniture
    included) on the document's pages of its size; a page's fill is how far
    down it its content reaches. Left out: the cover, the document's last page,
    a chapter's last page (one followed by a page starting with a level-1
    heading) and the last page before the orientation changes (a landscape
    table cannot start on a portrait page: what precedes it ends its page).
    """
    lines = _content_lines(pages)
    chapters = heading_texts(document, level=1)
    areas: dict[tuple[float, float], tuple[float, float]] = {}
    for page in pages:
        if page.lines:
            top, bottom = areas.get((page.width, page.height), (page.height, 0.0))
            areas[(page.width, page.height)] = (
                min(top, *(line.y0 for line in page.lines)),
                max(bottom, *(line.y1 for line in page.lines)),
            )
    found = []
    for index, page in enumerate(pages):
        if index == len(pages) - 1 or (index == 0 and document.cover is not None):
            continue
        if _matches(_rows(lines[index + 1]), chapters, at_end=False) is not None:
            continue
        following = pages[index + 1]
        if (following.width > following.height) != (page.width > page.height):
            continue
        top, bottom = areas.get((page.width, page.height), (0.0, page.height))
        reached = max((line.y1 for line in lines[index]), default=top)
        if bottom <= top or (reached - top) / (bottom - top) < QUARTER:
            found.append(page.number)
    return found


def measure(pdf: Path, document: Document) -> Counts:
    """The three measures of ``pdf``, a rendering of ``document``."""
    pages = read_layout(pdf)
    return Counts(
        tuple(broken_words(pages, vocabulary(document))),
        tuple(orphans(pages, document)),
        tuple(near_empty_pages(pages, document)),
    )
