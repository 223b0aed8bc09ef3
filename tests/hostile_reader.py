"""Damaged and tricky workbooks for the reader's integrity tests, built from a saved workbook by editing its XML.

Each builder takes a valid workbook and writes a copy in which one sheet's XML (or the workbook's list of
sheets) is changed the way a program, a careless copy or a damaged disk would change it. Nothing here is
committed as a binary: every file is made by the test that uses it.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree

_MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def sheet_member(workbook: Path, sheet: str) -> str:
    """The zip member holding the XML of ``sheet``, found through xl/workbook.xml and its relationships."""
    with zipfile.ZipFile(workbook) as archive:
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    rel_id = next(s.get(f"{_REL_NS}id") for s in book.iter(f"{_MAIN_NS}sheet") if s.get("name") == sheet)
    target = next(r.get("Target") for r in rels.iter(f"{_PKG_REL_NS}Relationship") if r.get("Id") == rel_id)
    assert target is not None
    return target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)


def rewrite_member(source: Path, target: Path, name: str, data: bytes) -> Path:
    """A copy of the workbook ``source`` with the member ``name`` replaced by ``data``."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in original.infolist():
            copy.writestr(info.filename, data if info.filename == name else original.read(info.filename))
    return target


def with_sheet_xml(source: Path, target: Path, sheet: str, edit: Callable[[str], str]) -> Path:
    """A copy of ``source`` whose ``sheet`` XML is ``edit(xml)``; the edit must change something."""
    name = sheet_member(source, sheet)
    with zipfile.ZipFile(source) as archive:
        xml = archive.read(name).decode("utf-8")
    edited = edit(xml)
    assert edited != xml, f"the edit of {sheet} changed nothing"
    return rewrite_member(source, target, name, edited.encode("utf-8"))


def row_xml(xml: str, number: int) -> str:
    """The ``<row r="number">…</row>`` element of a sheet's XML, as written."""
    found = re.search(rf'<row r="{number}"[ >].*?</row>', xml, re.DOTALL)
    assert found is not None, f"row {number} not found"
    return found.group()


def last_row_number(xml: str) -> int:
    return max(int(number) for number in re.findall(r'<row r="(\d+)"', xml))


def renumbered(row: str, old: int, new: int) -> str:
    """The row element ``row`` moved from row ``old`` to ``new``: its ``r`` and every cell reference."""
    row = row.replace(f'<row r="{old}"', f'<row r="{new}"', 1)
    return re.sub(rf'(<c r="[A-Z]+){old}"', rf'\g<1>{new}"', row)


def move_last_row_down(xml: str, blank_rows: int) -> str:
    """The sheet with its last row moved ``blank_rows`` rows further down, leaving that many empty rows before it."""
    last = last_row_number(xml)
    row = row_xml(xml, last)
    return xml.replace(row, renumbered(row, last, last + blank_rows))


def swap_rows(xml: str, first: int, second: int) -> str:
    """The sheet with the elements of rows ``first`` and ``second`` written in each other's place (numbers kept)."""
    a, b = row_xml(xml, first), row_xml(xml, second)
    return xml.replace(a, "\0").replace(b, a).replace("\0", b)


def duplicate_row_number(xml: str, number: int) -> str:
    """The sheet with row ``number + 1`` renumbered ``number``: two ``<row r="number">`` in a row."""
    following = row_xml(xml, number + 1)
    return xml.replace(following, renumbered(following, number + 1, number))


def duplicate_cell(xml: str, reference: str, text: str) -> str:
    """The sheet with a second cell ``reference`` holding ``text`` right after the first."""
    found = re.search(rf'<c r="{reference}"[^>]*?(/>|>.*?</c>)', xml, re.DOTALL)
    assert found is not None, reference
    second = f'<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>'
    return xml.replace(found.group(), found.group() + second, 1)


def hide_row(xml: str, number: int) -> str:
    return xml.replace(f'<row r="{number}"', f'<row r="{number}" hidden="1"', 1)


def hide_column(xml: str, column: int) -> str:
    """The sheet with column ``column`` (1-based) hidden, through its own ``<col>`` entry."""
    entry = f'<col min="{column}" max="{column}" width="5" hidden="1" customWidth="1"/>'
    if "<cols>" in xml:
        xml = re.sub(rf'<col [^>]*min="{column}" max="{column}"[^>]*/>', "", xml)
        return xml.replace("<cols>", "<cols>" + entry, 1)
    return xml.replace("<sheetData>", f"<cols>{entry}</cols><sheetData>", 1)


def add_cell(xml: str, row: int, reference: str, text: str) -> str:
    """The sheet with a text cell ``reference`` appended to row ``row`` (it must come after the row's cells)."""
    element = row_xml(xml, row)
    cell = f'<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>'
    return xml.replace(element, element[: -len("</row>")] + cell + "</row>")


def lying_dimension(xml: str, reference: str) -> str:
    return re.sub(r'<dimension ref="[^"]*"/>', f'<dimension ref="{reference}"/>', xml, count=1)


def truncated(xml: str) -> str:
    """The sheet's XML cut in the middle of its data, as an interrupted write leaves it."""
    return xml[: xml.index("</sheetData>") // 2]


def with_sheet_renamed(source: Path, target: Path, old: str, new: str) -> Path:
    """A copy of ``source`` whose sheet ``old`` is named ``new`` (the name in xl/workbook.xml)."""
    with zipfile.ZipFile(source) as archive:
        book = archive.read("xl/workbook.xml").decode("utf-8")
    renamed = book.replace(f'name="{old}"', f'name="{new}"', 1)
    assert renamed != book
    return rewrite_member(source, target, "xl/workbook.xml", renamed.encode("utf-8"))
