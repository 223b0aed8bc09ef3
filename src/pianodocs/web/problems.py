"""A workbook's problems as the web page shows them: by sheet, errors and warnings apart, with the sheet's rows.

Each problem reads ``Foglio!Cella: messaggio`` (the command line's :class:`~pianodocs.errors.Problem`). For each
sheet with problems, its rows are read again (by :func:`pianodocs.workbook.reader.read_sheets`, openpyxl in
read-only mode, after the same checks of the file) and the cells a problem names are marked, so staff find them
without opening Excel; a problem naming a column or a row marks its heading. Only values go to the page, and the
template escapes them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path

import attrs

from ..errors import PianodocsError, Problem, Severity
from ..values import format_date, format_number

MAX_ROWS_SHOWN = 400
MAX_COLUMNS_SHOWN = 60
_CELL = re.compile(r"^\$?([A-Z]{1,3})\$?([0-9]{1,7})$")
_COLUMN = re.compile(r"^([A-Z]{1,3})$")
_ROW = re.compile(r"^([0-9]{1,7})$")


@attrs.frozen
class SheetProblems:
    """The problems of one sheet (None: of the whole file), errors first, and the view of its rows if it has one."""

    sheet: str | None
    errors: tuple[Problem, ...]
    warnings: tuple[Problem, ...]
    view: SheetView | None = None
    anchor: str = ""  # the id of its part of the page

    @property
    def title(self) -> str:
        return "File" if self.sheet is None else self.sheet


@attrs.frozen
class ShownCell:
    text: str
    messages: tuple[str, ...] = ()
    severity: str = ""  # "errore" or "avviso" for a marked cell (the worse of its problems)


@attrs.frozen
class SheetView:
    """The rows of a sheet as shown: column letters, then each row's number and cells."""

    columns: tuple[ShownCell, ...]
    rows: tuple[tuple[ShownCell, tuple[ShownCell, ...]], ...]
    cut: bool = False  # rows or columns beyond what is shown
    marked: frozenset[str] = frozenset()  # the cells shown marked ("B3")

    def marks(self, reference: str) -> str:
        """The first cell shown marked that ``reference`` names ("B3" for "B3" or "B3:C4"), else ""."""
        first = reference.strip().upper().split(":")[0].replace("$", "")
        return first if first in self.marked else ""


def column_letter(index: int) -> str:
    """``0`` → ``A``, ``26`` → ``AA``."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def grouped(problems: Iterable[Problem], workbook: Path | None = None, prefix: str = "foglio") -> tuple[SheetProblems, ...]:
    """``problems`` by sheet, in the order first met (the file's own first); with ``workbook``, each sheet's rows.

    Each sheet's part of the page has the id ``<prefix>-<n>`` (two workbooks on one page, two prefixes).
    """
    problems = tuple(problems)
    order: list[str | None] = []
    for problem in problems:
        if problem.sheet not in order:
            order.append(problem.sheet)
    order.sort(key=lambda sheet: sheet is not None)
    sheets = _read(workbook) if workbook is not None and any(sheet is not None for sheet in order) else {}
    result = []
    for index, sheet in enumerate(order, start=1):
        own = [problem for problem in problems if problem.sheet == sheet]
        errors = tuple(problem for problem in own if problem.severity is Severity.ERROR)
        warnings = tuple(problem for problem in own if problem.severity is Severity.WARNING)
        raw = sheets.get(sheet) if sheet is not None else None
        view = _view(raw, own) if raw is not None else None
        result.append(SheetProblems(sheet, errors, warnings, view, f"{prefix}-{index}"))
    return tuple(result)


def _read(workbook: Path) -> dict[str, object]:
    from ..workbook.reader import read_sheets

    try:
        return dict(read_sheets(workbook))
    except PianodocsError:  # the file itself is refused: its problem says so, there are no rows to show
        return {}


def _marks(problems: Sequence[Problem]) -> dict[tuple[str, str], list[Problem]]:
    """Problems by what they mark: ("cella", "B3"), ("colonna", "B") or ("riga", "3")."""
    marks: dict[tuple[str, str], list[Problem]] = {}
    for problem in problems:
        reference = (problem.cell or "").strip().upper()
        for part in reference.split(":"):
            if _CELL.match(part):
                column, row = _CELL.match(part).groups()  # type: ignore[union-attr]
                key = ("cella", f"{column}{row}")
            elif _COLUMN.match(part):
                key = ("colonna", part)
            elif _ROW.match(part):
                key = ("riga", part)
            else:
                continue
            marks.setdefault(key, []).append(problem)
    return marks


def _shown(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "VERO" if value else "FALSO"
    if isinstance(value, dt.datetime):
        return f"{format_date(value.date())} {value:%H:%M}"
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, int | float | Decimal):
        return format_number(value, grouping=False)
    return str(value)


def _cell(text: str, problems: Sequence[Problem]) -> ShownCell:
    if not problems:
        return ShownCell(text)
    worse = Severity.ERROR if any(problem.severity is Severity.ERROR for problem in problems) else Severity.WARNING
    return ShownCell(text, tuple(str(problem) for problem in problems), worse.value)


def _view(raw: object, problems: Sequence[Problem]) -> SheetView:
    rows_read: tuple[tuple[int, tuple[object, ...]], ...] = raw.rows  # type: ignore[attr-defined]
    marks = _marks(problems)
    width = min(MAX_COLUMNS_SHOWN, max((len(cells) for _, cells in rows_read), default=0))
    while width and all(len(cells) < width or cells[width - 1].value is None for _, cells in rows_read):  # type: ignore[attr-defined]
        width -= 1
    marked_columns = [key[1] for key in marks if key[0] in ("cella", "colonna")]
    for letter in marked_columns:  # a column named by a problem is shown even when it is empty
        index = _column_index(letter)
        if index < MAX_COLUMNS_SHOWN:
            width = max(width, index + 1)
    letters = [column_letter(index) for index in range(width)]
    columns = tuple(_cell(letter, marks.get(("colonna", letter), [])) for letter in letters)
    shown_rows = []
    marked: set[str] = set()
    for number, cells in rows_read[:MAX_ROWS_SHOWN]:
        values = [_shown(cells[index].value) if index < len(cells) else "" for index in range(width)]  # type: ignore[attr-defined]
        row = tuple(_cell(values[index], marks.get(("cella", f"{letters[index]}{number}"), [])) for index in range(width))
        shown_rows.append((_cell(str(number), marks.get(("riga", str(number)), [])), row))
        marked.update(f"{letters[index]}{number}" for index in range(width) if row[index].severity)
    cut = len(rows_read) > MAX_ROWS_SHOWN or any(len(cells) > MAX_COLUMNS_SHOWN for _, cells in rows_read)
    return SheetView(columns, tuple(shown_rows), cut, frozenset(marked))


def _column_index(letters: str) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - ord("A") + 1
    return index - 1
