"""Hostile inputs for the writers, built by code: a workbook with a field changed, a logo that is not what it says.

The base is pianodocs' blank workbook (its example rows, no formulas, so openpyxl can
save it again without losing computed values); each builder sets the fields of the
Ente or Piano sheet the test needs.
"""

from __future__ import annotations

import io
import subprocess
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import openpyxl

from pianodocs.workbook.template import write_blank_workbook

# a small SVG logo: a blue square with a white bar
SVG_LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120" viewBox="0 0 120 120">'
    '<rect width="120" height="120" fill="#1F3864"/><rect x="20" y="50" width="80" height="20" fill="#FFFFFF"/></svg>'
)


def workbook_with(folder: Path, *, ente: dict[str, str] | None = None, piano: dict[str, str] | None = None) -> Path:
    """A blank workbook (2024-2026) in ``folder`` whose Ente and Piano fields (Campo → Valore) are set as given."""
    path = folder / "piano.xlsx"
    write_blank_workbook(path, 2024, 2026)
    book = openpyxl.load_workbook(path)
    for sheet, fields in (("Ente", ente or {}), ("Piano", piano or {})):
        rows = {row[0].value: row[1] for row in book[sheet].iter_rows(min_row=2) if row[0].value}
        for name, value in fields.items():
            rows[name].value = value
    book.save(path)
    return path


def words(count: int) -> str:
    """``count`` characters of Italian-looking words (a title far over the DOCX properties' limit)."""
    text = ""
    pool = ("Piano", "della", "Performance", "della", "Camera", "di", "Commercio", "per", "le", "imprese", "delle", "valli")
    index = 0
    while len(text) < count:
        text += ("" if not text else " ") + pool[index % len(pool)]
        index += 1
    return text[:count].rstrip()


@contextmanager
def mounted(folder: Path, options: str) -> Iterator[Path]:
    """A small tmpfs at ``folder`` (the tests run as root): a real full disk, or a real read-only folder."""
    folder.mkdir(parents=True, exist_ok=True)
    mount = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True, text=True)
    assert mount.returncode == 0, f"these tests mount a tmpfs, which needs root: {mount.stderr.strip()}"
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def read_only(folder: Path) -> None:
    """Make the tmpfs mounted at ``folder`` read-only, keeping what it holds."""
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)


DATA_VALIDATION_EXTENSION = (
    '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
    'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
    '<x14:dataValidations count="0" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"/></ext></extLst>'
)


def with_excel_extension(workbook: Path) -> Path:
    """``workbook`` with, in every sheet, the list-validation extension Excel writes and openpyxl warns of in English."""
    original = workbook.read_bytes()
    with zipfile.ZipFile(io.BytesIO(original)) as source, zipfile.ZipFile(workbook, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            data = source.read(entry)
            if entry.filename.startswith("xl/worksheets/sheet") and entry.filename.endswith(".xml"):
                data = data.replace(b"</worksheet>", DATA_VALIDATION_EXTENSION.encode() + b"</worksheet>")
            target.writestr(entry, data)
    return workbook
