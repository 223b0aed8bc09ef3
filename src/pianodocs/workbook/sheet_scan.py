"""The streaming scan of a sheet's XML, before openpyxl reads it: damage a reader would hide, and notices.

A sheet whose rows are out of order, repeated, or hold the same cell twice is refused as damaged (openpyxl would
drop or overwrite them); the scan finds the sheet's last row with data however many empty rows come before it
(its ``<dimension>`` is not trusted), data beyond ``MAX_COLUMNS`` (not read) and hidden rows and columns holding
data (read), each an avviso. The XML is checked whole by expat and looked into by patterns over the bytes, in
chunks, keeping no row. Used by :mod:`pianodocs.workbook.reader`, which counts the cells against its limit.
"""

from __future__ import annotations

import re
import zipfile
from typing import Protocol

import attrs

from ..errors import Problem, Severity, ValidationError

MAX_COLUMNS = 64
# an XML element's opening, with any namespace prefix
_PREFIX = rb"<(?:[A-Za-z_][\w.-]*:)?"
_CHUNK = 1024 * 1024


class CellBudget(Protocol):
    """The cells holding data read so far, over the whole workbook; refuses past its limit."""

    def spend(self, count: int, sheet: str) -> None: ...


def refuse(message: str) -> ValidationError:
    """A refusal of the whole file (no sheet, no cell): one Italian sentence."""
    return ValidationError([Problem(None, None, message)])


@attrs.define
class SheetScan:
    """What the whole XML of a sheet holds: its last row with data, and what reading its rows would not say."""

    last_row: int = 0
    beyond: list[str] = attrs.field(factory=list)  # the first ten cells with data beyond MAX_COLUMNS
    beyond_count: int = 0  # all of them
    hidden_rows: list[int] = attrs.field(factory=list)  # hidden rows holding data
    hidden_columns: set[int] = attrs.field(factory=set)  # hidden columns (1-based)
    used_columns: set[int] = attrs.field(factory=set)  # columns holding data (1-based, up to MAX_COLUMNS)

    def notices(self, sheet: str) -> tuple[Problem, ...]:
        from openpyxl.utils.cell import get_column_letter

        found: list[Problem] = []
        if self.beyond:
            last = get_column_letter(MAX_COLUMNS)
            found.append(
                Problem(
                    sheet,
                    self.beyond[0],
                    f"Il foglio ha dati oltre la colonna {last} ({_listed(self.beyond, self.beyond_count)}): si leggono solo le prime "
                    f"{MAX_COLUMNS} colonne e questi dati vengono ignorati. Spostarli entro la colonna {last} o toglierli.",
                    Severity.WARNING,
                )
            )
        if self.hidden_rows:
            rows = [str(row) for row in self.hidden_rows]
            one = len(rows) == 1
            subject = f"La riga {rows[0]} è nascosta" if one else f"Le righe {_listed(rows)} sono nascoste"
            verb = "viene letta" if one else "vengono lette"
            found.append(Problem(sheet, f"A{rows[0]}", f"{subject} in Excel: {verb} comunque.", Severity.WARNING))
        columns = sorted(self.hidden_columns & self.used_columns)
        if columns:
            letters = [get_column_letter(column) for column in columns]
            one = len(letters) == 1
            subject = f"La colonna {letters[0]} è nascosta" if one else f"Le colonne {_listed(letters)} sono nascoste"
            verb = "viene letta" if one else "vengono lette"
            found.append(Problem(sheet, f"{letters[0]}1", f"{subject} in Excel: {verb} comunque.", Severity.WARNING))
        return tuple(found)


def _listed(items: list[str], total: int | None = None) -> str:
    """``items`` joined, the first ten only, saying how many more of ``total`` (all of ``items`` when None) there are."""
    total = len(items) if total is None else total
    return ", ".join(items[:10]) + (f" e altre {total - 10}" if total > 10 else "")


def _damaged(sheet: str, detail: str) -> ValidationError:
    return ValidationError(
        [
            Problem(
                sheet,
                None,
                f"Il foglio '{sheet}' è danneggiato: {detail}. Aprire il file in Excel o LibreOffice, controllare che i dati "
                "ci siano tutti e salvarlo di nuovo.",
            )
        ]
    )


_ROW = re.compile(_PREFIX + rb"row(\s[^>]*?)?(?:/>|>(.*?)</(?:[A-Za-z_][\w.-]*:)?row>)", re.DOTALL)
_ROW_NUMBER = re.compile(_PREFIX + rb'row\s+r="(\d+)"')
_ROW_START = re.compile(_PREFIX + rb"row[\s/>]")
_CELL = re.compile(_PREFIX + rb"c(\s[^>]*?)?(?:/>|>(.*?)</(?:[A-Za-z_][\w.-]*:)?c>)", re.DOTALL)
_COL = re.compile(_PREFIX + rb"col\s([^>]*)>")
_DATA = re.compile(_PREFIX + rb"(?:f[\s/>]|(?:v|t)(?:\s[^>]*)?>[^<])")
_ATTRIBUTE = {name: re.compile(rb"(?:^|\s)" + name.encode() + rb'\s*=\s*"([^"]*)"') for name in ("r", "hidden", "min", "max")}
_REFERENCE = re.compile(r"([A-Za-z]{1,3})(\d+)$")


def _attribute(attributes: bytes | None, name: str) -> str | None:
    found = _ATTRIBUTE[name].search(attributes or b"")
    return found.group(1).decode("ascii", "replace") if found else None


def scan_sheet(archive: zipfile.ZipFile, part: str, sheet: str, budget: CellBudget) -> SheetScan:
    """Scan the whole XML of ``sheet`` in chunks, keeping no row: refuse damage a reader would hide, find the rest.

    Rows out of order, a row twice and a cell twice in its row are refused: openpyxl would drop the rows and
    keep only the last of the cells. Cells holding data are counted against ``MAX_CELLS``. The XML is checked
    whole by expat (in C); rows are found by patterns over the bytes, and only rows holding data are looked
    into cell by cell, so a million formatted empty rows cost little.
    """
    from xml.parsers import expat

    scan = SheetScan()
    state = _ScanState()
    parser = expat.ParserCreate()
    tail = b""
    try:
        with archive.open(part) as stream:
            while chunk := stream.read(_CHUNK):
                parser.Parse(chunk, False)
                data = tail + chunk
                cut = _last_row_start(data)  # the last row may be cut by the chunk's end: it is read with the next
                _scan_rows(data[:cut], scan, state, sheet, budget)
                tail = data[cut:]
            parser.Parse(b"", True)
    except expat.ExpatError as error:
        raise refuse(
            f"Il file .xlsx è danneggiato e non può essere letto (foglio '{sheet}': il suo XML, {part}, non è valido "
            f"alla riga {error.lineno}, colonna {error.offset}): salvarlo di nuovo da Excel o LibreOffice."
        ) from error
    _scan_rows(tail, scan, state, sheet, budget)
    return scan


def _last_row_start(data: bytes) -> int:
    """Where the last ``<row`` element of ``data`` starts (0 when there is none)."""
    end = len(data)
    while (found := data.rfind(b"row", 0, end)) > 0:
        start = data.rfind(b"<", 0, found)
        if start >= 0 and _ROW_START.match(data, start):
            return start
        end = found
    return 0


@attrs.define
class _ScanState:
    previous_row: int = 0
    in_data: bool = False  # past <sheetData>: no more <col> to look for


def _scan_rows(data: bytes, scan: SheetScan, state: _ScanState, sheet: str, budget: CellBudget) -> None:
    if not state.in_data:  # columns are declared before the rows
        state.in_data = b"sheetData" in data
        _scan_columns(data, scan)
    if not data:
        return
    if _DATA.search(data) is None:  # no row here holds data: only their order matters, checked all at once
        numbers = list(map(int, _ROW_NUMBER.findall(data)))
        plain = len(numbers) == data.count(b"<row ") + data.count(b"<row>") + data.count(b"<row/>")
        if plain and numbers and numbers[0] > state.previous_row and numbers == sorted(set(numbers)):
            state.previous_row = numbers[-1]
            return
    for found in _ROW.finditer(data):
        number = _attribute(found.group(1), "r")
        current = int(number) if number and number.isdigit() else state.previous_row + 1
        if current == state.previous_row:
            raise _damaged(sheet, f"la riga {current} compare due volte nel file (una delle due andrebbe persa)")
        if current < state.previous_row:
            raise _damaged(sheet, f"la riga {current} è scritta dopo la riga {state.previous_row} nel file (andrebbe persa)")
        state.previous_row = current
        content = found.group(2)
        if content and _DATA.search(content):
            cells = _scan_cells(content, current, scan, sheet)
            if cells:
                budget.spend(cells, sheet)
                scan.last_row = current
                if _attribute(found.group(1), "hidden") in ("1", "true"):
                    scan.hidden_rows.append(current)


def _scan_columns(data: bytes, scan: SheetScan) -> None:
    for found in _COL.finditer(data):
        if _attribute(found.group(1), "hidden") in ("1", "true"):
            first, last = int(_attribute(found.group(1), "min") or 0), int(_attribute(found.group(1), "max") or 0)
            scan.hidden_columns.update(range(max(first, 1), min(last, MAX_COLUMNS) + 1))


def _scan_cells(content: bytes, row: int, scan: SheetScan, sheet: str) -> int:
    """How many cells of the row ``row`` (its XML ``content``) hold data; notes where they are in ``scan``."""
    from openpyxl.utils.cell import column_index_from_string, get_column_letter

    columns: set[int] = set()
    column = 0
    holding = 0
    for cell in _CELL.finditer(content):
        reference = _attribute(cell.group(1), "r")
        if reference:
            found = _REFERENCE.match(reference)
            if found is None:
                raise refuse(
                    f"Il file .xlsx è danneggiato e non può essere letto (foglio '{sheet}': una cella della riga {row} ha "
                    f"un riferimento non valido «{reference}»): salvarlo di nuovo da Excel o LibreOffice."
                )
            column = column_index_from_string(found.group(1).upper())
            if int(found.group(2)) != row:
                raise _damaged(sheet, f"la cella {reference.upper()} è scritta dentro la riga {row}")
        else:
            column += 1
        if column in columns:
            raise _damaged(
                sheet,
                f"la cella {get_column_letter(column)}{row} compare due volte nella riga {row} (si leggerebbe solo l'ultima)",
            )
        columns.add(column)
        if cell.group(2) and _DATA.search(cell.group(2)):
            holding += 1
            if column > MAX_COLUMNS:
                scan.beyond_count += 1
                if len(scan.beyond) < 10:
                    scan.beyond.append(f"{get_column_letter(column)}{row}")
            else:
                scan.used_columns.add(column)
    return holding
