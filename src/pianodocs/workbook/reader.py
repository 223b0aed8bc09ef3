"""Open a workbook file safely and read its sheets as raw rows of cells.

Before openpyxl sees a byte, the file is checked: that it is an .xlsx (not an
.xls, an encrypted file, a Word document or an OpenDocument file), that its zip
is whole, that it does not expand beyond a bounded size, and that no XML part
declares a DTD or entities. Reading is bounded too: at most ``MAX_CELLS`` cells
holding data (empty formatted cells are not counted). Every refusal is one Italian sentence.
Each sheet's XML is first scanned whole, streaming (:mod:`pianodocs.workbook.sheet_scan`): damage a
reader would hide is refused, and the sheet is read down to its last row with data.
Each sheet also says what openpyxl alone would hide: formulas saved without a
computed value (read as empty), merged cells (only the first holds the value),
and the formula behind each computed cell (a target typed ``=1`` is one).
This module knows nothing of the workbook's format or of the domain model.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

import attrs
import defusedxml.ElementTree as safe_xml
from defusedxml import DefusedXmlException

from ..errors import Problem, ValidationError
from .sheet_scan import _CHUNK, _PREFIX, MAX_COLUMNS, scan_sheet
from .sheet_scan import refuse as _refuse

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 300 * 1024 * 1024
MAX_COMPRESSION_RATIO = 150
MAX_CELLS = 2_000_000

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"


@attrs.frozen
class RawCell:
    """A cell as found: its value (str, int, float, bool, datetime or None) and its number format.

    ``formula`` is the formula (without its ``=``) of a cell whose value a formula computed: ``1`` for a cell
    typed ``=1``. ``error`` marks an Excel error value (``#N/A``, ``#DIV/0!``...) left by a failed formula;
    ``value`` is its text.
    """

    value: object
    number_format: str = "General"
    error: bool = False
    formula: str | None = None


@attrs.frozen
class RawSheet:
    name: str
    # (row number, cells) for every non-empty row, header included
    rows: tuple[tuple[int, tuple[RawCell, ...]], ...]
    hidden: bool = False
    # cells of the rows read holding a formula with no computed value ("F3"): openpyxl reads them as empty
    uncomputed: tuple[str, ...] = ()
    # merged ranges starting in the rows read ("A3:A5"): only their first cell holds a value
    merged: tuple[str, ...] = ()
    # what the reading could not show in ``rows`` and the user should know of (avvisi): data beyond the
    # columns read, hidden rows and columns holding data
    notices: tuple[Problem, ...] = ()


def check_file(path: Path) -> None:
    """Refuse, with one clear message, a file that is not a safe, whole .xlsx workbook."""
    if not path.exists():
        raise _refuse(f"Il file {path} non esiste.")
    if path.is_dir():
        raise _refuse(f"{path} è una cartella, non un file .xlsx.")
    size = path.stat().st_size
    if size == 0:
        raise _refuse("Il file è vuoto.")
    if size > MAX_FILE_BYTES:
        raise _refuse(f"Il file è troppo grande ({size // (1024 * 1024)} MB; il limite è {MAX_FILE_BYTES // (1024 * 1024)} MB).")
    try:
        handle = path.open("rb")
    except OSError as error:
        raise _refuse(f"Il file {path} non può essere letto: {error.strerror or error}.") from error
    with handle:
        head = handle.read(8)
        if head == _OLE2_MAGIC:
            handle.seek(0)
            content = handle.read(min(size, 4 * 1024 * 1024))
            if "EncryptionInfo".encode("utf-16-le") in content:
                raise _refuse(
                    "Il file è protetto da password: aprirlo in Excel o LibreOffice, togliere la password e salvarlo di nuovo come .xlsx."
                )
            raise _refuse(
                "Il file è nel vecchio formato Excel 97-2003 (.xls): aprirlo in Excel o LibreOffice e salvarlo come cartella di lavoro .xlsx."
            )
    if not head.startswith(_ZIP_MAGIC):
        raise _refuse("Il file non è una cartella di lavoro Excel (.xlsx): il suo contenuto non è nel formato atteso.")
    try:
        with zipfile.ZipFile(path) as archive:
            _check_archive(archive)
    except zipfile.BadZipFile as error:
        raise _refuse(
            "Il file .xlsx è danneggiato o incompleto (archivio zip non leggibile): salvarlo di nuovo da Excel o LibreOffice."
        ) from error
    except (EOFError, OSError, zlib.error) as error:  # zlib.error: a member's compressed data is garbled
        raise _refuse("Il file .xlsx è danneggiato o incompleto: salvarlo di nuovo da Excel o LibreOffice.") from error
    except (NotImplementedError, RuntimeError) as error:  # zipfile: unknown compression method, password-encrypted member
        raise _refuse(
            "Il file .xlsx usa una compressione o una cifratura non supportata: salvarlo di nuovo da Excel o LibreOffice senza password."
        ) from error


def _check_archive(archive: zipfile.ZipFile) -> None:
    members = archive.infolist()
    names = {member.filename for member in members}
    if "word/document.xml" in names:
        raise _refuse("Il file è un documento Word rinominato, non una cartella di lavoro Excel (.xlsx).")
    if "ppt/presentation.xml" in names:
        raise _refuse("Il file è una presentazione PowerPoint rinominata, non una cartella di lavoro Excel (.xlsx).")
    if "mimetype" in names and "content.xml" in names:
        raise _refuse("Il file è un foglio OpenDocument (.ods): salvarlo come cartella di lavoro Excel (.xlsx).")
    if "xl/workbook.xml" not in names:
        raise _refuse("Il file è un archivio zip ma non una cartella di lavoro Excel (.xlsx).")
    total = sum(member.file_size for member in members)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise _refuse(
            f"Il file si espande a {total // (1024 * 1024)} MB una volta decompresso, oltre il limite di "
            f"{MAX_UNCOMPRESSED_BYTES // (1024 * 1024)} MB: non viene letto."
        )
    for member in members:
        if member.file_size > 1024 * 1024 and member.file_size > MAX_COMPRESSION_RATIO * max(member.compress_size, 1):
            raise _refuse("Il file contiene dati compressi in modo anomalo (possibile 'zip bomb'): non viene letto.")
    bad = archive.testzip()
    if bad is not None:
        raise _refuse(f"Il file .xlsx è danneggiato: la parte {bad} non è leggibile.")
    for member in members:
        if member.filename.endswith((".xml", ".rels", ".vml")):
            _check_xml_part(archive, member.filename)


def _check_xml_part(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse a part that declares a DTD or entities (XXE, 'billion laughs'); reads only up to the root element."""
    with archive.open(name) as stream:
        try:
            for _event, _element in safe_xml.iterparse(stream, events=("start",), forbid_dtd=True):
                break  # a DTD can only stand before the root element: nothing further to check
        except DefusedXmlException as error:
            raise _refuse(
                "Il file contiene dichiarazioni XML non ammesse (DTD o entità) e non viene letto per sicurezza."
            ) from error
        except safe_xml.ParseError as error:
            raise _refuse(f"Il file .xlsx è danneggiato: la parte {name} non è XML valido.") from error


def read_sheets(path: Path) -> dict[str, RawSheet]:
    """Every sheet of the workbook, as raw rows, after :func:`check_file`."""
    from openpyxl import load_workbook  # only this module uses openpyxl to read

    check_file(path)
    if path.suffix.lower() not in _EXTENSIONS:
        raise _refuse(_extension_message(path))
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a malformed file
        raise _refuse(
            f"Il file .xlsx non è leggibile ({type(error).__name__}): salvarlo di nuovo da Excel o LibreOffice."
        ) from error
    sheets: dict[str, RawSheet] = {}
    budget = _CellBudget()
    title = ""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = _sheet_parts(archive)
            for worksheet in workbook.worksheets:
                title = worksheet.title
                part = parts.get(title)
                scan = scan_sheet(archive, part, title, budget) if part else None
                last_row = scan.last_row if scan else None
                rows = tuple(_read_rows(worksheet, last_row, None if scan else budget))
                hidden = getattr(worksheet, "sheet_state", "visible") != "visible"
                last_read = rows[-1][0] if rows else 0
                formulas, merged = _hidden_by_openpyxl(archive, part, last_read) if part and rows else ({}, ())
                uncomputed = tuple(reference for reference, formula in formulas.items() if formula is None)
                rows = _with_formulas(rows, {ref: formula for ref, formula in formulas.items() if formula is not None})
                notices = scan.notices(title) if scan else ()
                sheets[title] = RawSheet(title, rows, hidden, uncomputed, merged, notices)
    except ValidationError:
        raise
    except Exception as error:
        where = f" nel foglio '{title}'" if title else ""
        raise _refuse(f"Il file .xlsx è danneggiato e non può essere letto ({type(error).__name__}{where}).") from error
    finally:
        workbook.close()
    return sheets


_EXTENSIONS = (".xlsx", ".xlsm", ".xltx", ".xltm")  # those openpyxl opens


def _extension_message(path: Path) -> str:
    if not path.suffix:
        return (
            f"Il file '{path.name}' non ha l'estensione .xlsx (il contenuto è una cartella di lavoro Excel): "
            f"rinominarlo in '{path.name}.xlsx' e riprovare."
        )
    return (
        f"Il file '{path.name}' ha l'estensione '{path.suffix}' invece di .xlsx (il contenuto è una cartella di lavoro "
        f"Excel): rinominarlo in '{path.stem}.xlsx' e riprovare."
    )


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
_FORMULA = re.compile(_PREFIX + rb"f[\s/>]")
_MERGE = re.compile(_PREFIX + rb'mergeCell\s[^>]*?\bref="([A-Za-z]{1,3}\d+(?::[A-Za-z]{1,3}\d+)?)"')


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → the zip member holding its XML, through xl/workbook.xml and its relationships."""
    try:
        book = safe_xml.fromstring(archive.read("xl/workbook.xml"))
        relations = safe_xml.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, safe_xml.ParseError):
        return {}
    targets = {r.get("Id"): r.get("Target", "") for r in relations.iter(f"{{{_PACKAGE}}}Relationship")}
    members = set(archive.namelist())
    parts = {}
    for sheet in book.iter(f"{{{_MAIN}}}sheet"):
        target = targets.get(sheet.get(f"{{{_RELATIONSHIP}}}id"), "")
        member = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
        if target and member in members:
            parts[sheet.get("name", "")] = member
    return parts


def _hidden_by_openpyxl(archive: zipfile.ZipFile, part: str, last_row: int) -> tuple[dict[str, str | None], tuple[str, ...]]:
    """(formula cells, merged ranges) in the rows up to ``last_row`` and the columns read.

    A formula cell maps to its formula, or to None when it was saved without a computed value.

    A first pass runs over the raw bytes in chunks, looking for formulas and merges
    at all; only a sheet with formulas is parsed, and only as far as the rows read.
    """
    has_formulas, tail = False, b""
    merged: list[str] = []
    with archive.open(part) as stream:
        while chunk := stream.read(_CHUNK):
            data = tail + chunk
            has_formulas = has_formulas or _FORMULA.search(data) is not None
            merged.extend(found.group(1).decode().upper() for found in _MERGE.finditer(data))
            tail = data[-256:]  # an element cut between two chunks is whole in the next
    ranges = tuple(
        reference
        for reference in dict.fromkeys(merged)
        if ":" in reference and len(set(reference.split(":"))) == 2 and _in_area(reference.split(":")[0], last_row)
    )
    return (_formulas(archive, part, last_row) if has_formulas else {}), ranges


def _formulas(archive: zipfile.ZipFile, part: str, last_row: int) -> dict[str, str | None]:
    """The cells up to ``last_row`` whose XML holds a formula (``<f>``): its text, or None without a value (``<v>``).

    A cell sharing another's formula has an empty ``<f/>``: its text is ``""``.
    """
    cells: dict[str, str | None] = {}
    with archive.open(part) as stream:
        for event, element in safe_xml.iterparse(stream, events=("start", "end"), forbid_dtd=True):
            name = element.tag.rsplit("}", 1)[-1]
            if event == "start":
                if name == "row" and int(element.get("r", "0") or 0) > last_row:
                    break
                continue
            if name == "c":
                children = {child.tag.rsplit("}", 1)[-1]: child.text for child in element}
                # openpyxl writes an empty <v/>; an empty text result is <v/> too, but typed "str"
                computed = bool(children.get("v")) or ("v" in children and element.get("t") == "str")
                reference = element.get("r", "")
                if "f" in children and reference and _in_area(reference, last_row):
                    cells[reference.upper()] = (children["f"] or "") if computed else None
                element.clear()
            elif name == "row":
                element.clear()
    return cells


def _with_formulas(
    rows: tuple[tuple[int, tuple[RawCell, ...]], ...], formulas: dict[str, str]
) -> tuple[tuple[int, tuple[RawCell, ...]], ...]:
    """``rows`` with each computed formula cell carrying its formula."""
    if not formulas:
        return rows
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    by_row: dict[int, dict[int, str]] = {}
    for reference, formula in formulas.items():
        column, row = coordinate_from_string(reference)
        by_row.setdefault(row, {})[column_index_from_string(column) - 1] = formula
    return tuple(
        (
            number,
            tuple(attrs.evolve(cell, formula=by_row[number][i]) if i in by_row[number] else cell for i, cell in enumerate(cells)),
        )
        if number in by_row
        else (number, cells)
        for number, cells in rows
    )


def _in_area(reference: str, last_row: int) -> bool:
    """Whether the cell ``reference`` ("F3") is among those read: up to ``last_row`` and ``MAX_COLUMNS``."""
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    try:
        column, row = coordinate_from_string(reference)
        return bool(row <= last_row and column_index_from_string(column) <= MAX_COLUMNS)
    except ValueError:
        return False


class _CellBudget:
    """The cells holding data read so far, over the whole workbook, against ``MAX_CELLS``."""

    def __init__(self) -> None:
        self.used = 0

    def spend(self, count: int, sheet: str) -> None:
        self.used += count
        if self.used > MAX_CELLS:
            limit = f"{MAX_CELLS:,}".replace(",", ".")  # Italian grouping; the sheet name is left as written
            raise _refuse(
                f"Il workbook è troppo grande: la lettura si è fermata al foglio '{sheet}' dopo {limit} celle "
                "(limite di sicurezza). Togliere righe o colonne non necessarie."
            )


def _read_rows(worksheet: object, last_row: int | None, budget: _CellBudget | None) -> Iterator[tuple[int, tuple[RawCell, ...]]]:
    """The non-empty rows up to ``last_row`` (all when None), counting their cells in ``budget`` when given."""
    if last_row == 0:
        return
    title = worksheet.title  # type: ignore[attr-defined]
    for index, row in enumerate(worksheet.iter_rows(max_col=MAX_COLUMNS, max_row=last_row), start=1):  # type: ignore[attr-defined]
        if all(cell.value is None or (isinstance(cell.value, str) and not cell.value.strip()) for cell in row):
            continue
        if budget is not None:
            budget.spend(sum(cell.value is not None for cell in row), title)
        cells = tuple(
            RawCell(
                _plain(cell.value), getattr(cell, "number_format", "General") or "General", getattr(cell, "data_type", "") == "e"
            )
            for cell in row
        )
        yield index, cells


def _plain(value: object) -> object:
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date()
    return value
