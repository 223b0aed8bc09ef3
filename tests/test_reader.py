"""Hostile and bad files: each is refused with one Italian sentence for the whole file, never a traceback.

Every case is checked twice: through :func:`pianodocs.load_workbook` (a ValidationError
with a single problem located nowhere, ``sheet`` and ``cell`` None, whose message names
the cause) and through ``python -m pianodocs validate FILE`` (exit 1, the message on
standard error, no traceback).
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

import pianodocs
from pianodocs.workbook import reader
from pianodocs.workbook.template import write_blank_workbook

from .hostile_reader import rewrite_member, sheet_member

ROOT = Path(__file__).resolve().parents[1]
OLE2_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")


# ---------------------------------------------------------------------------
# helpers


@pytest.fixture(scope="module")
def blank(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A valid workbook: the blank workbook of ``pianodocs init`` for 2020-2022 (shared, never modified)."""
    path = tmp_path_factory.mktemp("blank") / "x.xlsx"
    write_blank_workbook(path, 2020, 2022)
    return path


def run_cli(*arguments: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": "src"}
    return subprocess.run(
        [sys.executable, "-m", "pianodocs", *arguments], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


def refusal(path: Path) -> str:
    """The message of the single whole-file problem ``load_workbook`` raises for ``path``."""
    with pytest.raises(pianodocs.ValidationError) as caught:
        pianodocs.load_workbook(path)
    problems = caught.value.problems
    assert len(problems) == 1, problems
    (problem,) = problems
    assert problem.sheet is None
    assert problem.cell is None
    assert problem.severity is pianodocs.Severity.ERROR
    return problem.message


def assert_cli_refuses(result: subprocess.CompletedProcess[str], message: str) -> None:
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    assert message in result.stderr
    assert "valido (" not in result.stdout


def with_doctype(workbook: Path, target: Path, doctype: str, entity: str) -> Path:
    """A copy of ``workbook`` whose 'Prospettive' sheet declares ``doctype`` and uses ``&entity;`` in a cell."""
    name = sheet_member(workbook, "Prospettive")
    with zipfile.ZipFile(workbook) as archive:
        xml = archive.read(name).decode("utf-8")
    if xml.startswith("<?xml"):
        end = xml.index("?>") + 2
        xml = xml[:end] + doctype + xml[end:]
    else:
        xml = '<?xml version="1.0" encoding="UTF-8"?>' + doctype + xml
    cell = f'<row r="999"><c r="A999" t="inlineStr"><is><t>&{entity};</t></is></c></row>'
    assert "</sheetData>" in xml
    xml = xml.replace("</sheetData>", cell + "</sheetData>")
    return rewrite_member(workbook, target, name, xml.encode("utf-8"))


def member_data_offset(archive_path: Path, name: str) -> tuple[int, int]:
    """(offset, length) of the raw (compressed) data of member ``name`` inside the zip file."""
    with zipfile.ZipFile(archive_path) as archive:
        info = archive.getinfo(name)
    with archive_path.open("rb") as handle:
        handle.seek(info.header_offset)
        header = handle.read(30)
    assert header[:4] == b"PK\x03\x04"
    name_length, extra_length = struct.unpack("<HH", header[26:30])
    return info.header_offset + 30 + name_length + extra_length, info.compress_size


def patch_member_headers(archive_path: Path, name: str, patch: Callable[[bytearray, int, int], None]) -> None:
    """Call ``patch(raw, local header offset, central header offset)`` on the bytes of the zip and save them."""
    with zipfile.ZipFile(archive_path) as archive:
        info = archive.getinfo(name)
    raw = bytearray(archive_path.read_bytes())
    encoded = name.encode()
    central = raw.index(b"PK\x01\x02")
    while not (
        struct.unpack("<H", raw[central + 28 : central + 30])[0] == len(encoded) and raw[central + 46 :].startswith(encoded)
    ):
        central = raw.index(b"PK\x01\x02", central + 4)
    patch(raw, info.header_offset, central)
    archive_path.write_bytes(raw)


# ---------------------------------------------------------------------------
# the bad files


def text_file(tmp: Path, blank: Path) -> Path:
    path = tmp / "testo.xlsx"
    path.write_text("Codice;Indicatore;Peso\nIND-1;Grado di utilizzo;100%\n", encoding="utf-8")
    return path


def empty_file(tmp: Path, blank: Path) -> Path:
    path = tmp / "vuoto.xlsx"
    path.write_bytes(b"")
    return path


def png_file(tmp: Path, blank: Path) -> Path:
    path = tmp / "immagine.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(64))
    return path


def truncated(tmp: Path, blank: Path) -> Path:
    data = blank.read_bytes()
    path = tmp / "troncato.xlsx"
    path.write_bytes(data[: len(data) // 2])
    return path


def garbled_workbook_xml(tmp: Path, blank: Path) -> Path:
    return rewrite_member(blank, tmp / "rotto.xlsx", "xl/workbook.xml", b"\x00\x01\x02 <<<non XML>>> &&& \xff\xfe")


def garbled_compressed_data(tmp: Path, blank: Path) -> Path:
    """The deflate stream of xl/workbook.xml overwritten with noise: zlib cannot even decode it."""
    path = tmp / "rumore.xlsx"
    shutil.copy(blank, path)
    offset, length = member_data_offset(path, "xl/workbook.xml")
    raw = bytearray(path.read_bytes())
    for index in range(offset, offset + length):
        raw[index] ^= 0x5A
    path.write_bytes(raw)
    return path


def crc_error(tmp: Path, blank: Path) -> Path:
    """xl/workbook.xml stored uncompressed, then one byte changed: the zip is whole but the CRC does not match."""
    path = tmp / "crc.xlsx"
    with zipfile.ZipFile(blank) as original, zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as copy:
        for info in original.infolist():
            copy.writestr(info.filename, original.read(info.filename))
    offset, length = member_data_offset(path, "xl/workbook.xml")
    raw = bytearray(path.read_bytes())
    raw[offset + length // 2] ^= 0x20  # a letter changes case: still XML, but not the bytes that were summed
    path.write_bytes(raw)
    return path


def legacy_xls(tmp: Path, blank: Path) -> Path:
    path = tmp / "vecchio.xlsx"
    path.write_bytes(OLE2_MAGIC + bytes(4096))
    return path


def encrypted_ooxml(tmp: Path, blank: Path) -> Path:
    path = tmp / "protetto.xlsx"
    path.write_bytes(OLE2_MAGIC + bytes(1024) + "EncryptionInfo".encode("utf-16-le") + bytes(2048))
    return path


def docx_file(tmp: Path, blank: Path) -> Path:
    path = tmp / "documento.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="urn:w"><w:body/></w:document>')
    return path


def ods_file(tmp: Path, blank: Path) -> Path:
    path = tmp / "foglio.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        archive.writestr("content.xml", '<?xml version="1.0"?><office:document-content xmlns:office="urn:o"/>')
    return path


def plain_zip(tmp: Path, blank: Path) -> Path:
    path = tmp / "archivio.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("leggimi.txt", "nessun foglio qui")
    return path


BILLION_LAUGHS = (
    '<!DOCTYPE worksheet [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10 if n > 1 else "&lol;" * 10}">' for n in range(1, 10))
    + "]>"
)


def billion_laughs(tmp: Path, blank: Path) -> Path:
    return with_doctype(blank, tmp / "risate.xlsx", BILLION_LAUGHS, "lol9")


def external_entity(tmp: Path, blank: Path) -> Path:
    return with_doctype(blank, tmp / "xxe.xlsx", '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', "xxe")


def zip_bomb(tmp: Path, blank: Path) -> Path:
    """The blank workbook plus 200 MB of zeros that compress to under 1 MB, written in 1 MB chunks."""
    path = tmp / "bomba.xlsx"
    shutil.copy(blank, path)
    chunk = bytes(1024 * 1024)
    with (
        zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open("xl/media/zeri.bin", "w") as member,
    ):
        for _ in range(200):
            member.write(chunk)
    assert path.stat().st_size < 2 * 1024 * 1024
    return path


def password_zip_member(tmp: Path, blank: Path) -> Path:
    """A zip whose xl/workbook.xml is flagged as encrypted with a zip password (general purpose bit 0)."""
    path = tmp / "zip-cifrato.xlsx"
    shutil.copy(blank, path)

    def patch(raw: bytearray, local: int, central: int) -> None:
        raw[local + 6] |= 0x01
        raw[central + 8] |= 0x01

    patch_member_headers(path, "xl/workbook.xml", patch)
    return path


def unknown_compression(tmp: Path, blank: Path) -> Path:
    """A zip whose xl/workbook.xml claims compression method 99 (AES, as written by some archivers)."""
    path = tmp / "aes.xlsx"
    shutil.copy(blank, path)

    def patch(raw: bytearray, local: int, central: int) -> None:
        raw[local + 8 : local + 10] = struct.pack("<H", 99)
        raw[central + 10 : central + 12] = struct.pack("<H", 99)

    patch_member_headers(path, "xl/workbook.xml", patch)
    return path


def directory(tmp: Path, blank: Path) -> Path:
    path = tmp / "cartella.xlsx"
    path.mkdir()
    return path


def missing(tmp: Path, blank: Path) -> Path:
    return tmp / "non-esiste.xlsx"


# (builder, words the message must contain)
CASES: dict[str, tuple[Callable[[Path, Path], Path], tuple[str, ...]]] = {
    "text": (text_file, ("non è una cartella di lavoro Excel", "formato atteso")),
    "empty": (empty_file, ("vuoto",)),
    "png": (png_file, ("non è una cartella di lavoro Excel", "formato atteso")),
    "truncated": (truncated, ("danneggiato o incompleto", "archivio zip")),
    "garbled-xml": (garbled_workbook_xml, ("xl/workbook.xml", "non è XML valido")),
    "garbled-deflate": (garbled_compressed_data, ("danneggiato o incompleto",)),
    "crc": (crc_error, ("xl/workbook.xml", "non è leggibile")),
    "xls": (legacy_xls, ("Excel 97-2003", ".xls")),
    "encrypted": (encrypted_ooxml, ("protetto da password",)),
    "docx": (docx_file, ("documento Word",)),
    "ods": (ods_file, ("OpenDocument", ".ods")),
    "plain-zip": (plain_zip, ("archivio zip ma non",)),
    "billion-laughs": (billion_laughs, ("DTD o entità",)),
    "external-entity": (external_entity, ("DTD o entità",)),
    "zip-bomb": (zip_bomb, ("zip bomb",)),
    "zip-password": (password_zip_member, ("cifratura non supportata",)),
    "zip-method-99": (unknown_compression, ("compressione o una cifratura non supportata",)),
    "directory": (directory, ("è una cartella",)),
    "missing": (missing, ("non esiste",)),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_file_is_refused_with_one_italian_message(case: str, tmp_path: Path, blank: Path) -> None:
    build, words = CASES[case]
    path = build(tmp_path, blank)
    message = refusal(path)
    for word in words:
        assert word in message, (word, message)
    assert "root:" not in message  # nothing of /etc/passwd ever leaks into a message

    result = run_cli("validate", str(path))
    assert_cli_refuses(result, message)
    assert f"File: {message}" in result.stderr.splitlines()
    assert "root:" not in result.stdout + result.stderr


def test_the_valid_workbook_the_cases_start_from_loads(blank: Path) -> None:
    # guards the cases above: they fail because of what was done to this file, not because it was bad already
    plan = pianodocs.load_workbook(blank)
    assert [indicator.code for indicator in plan.indicators] == ["IND-B21-1"]


# ---------------------------------------------------------------------------
# bounded reading


def test_cell_cap_refuses_a_workbook_with_too_many_cells(blank: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "MAX_CELLS", 50)
    message = refusal(blank)
    assert "troppo grande" in message
    assert "dopo 50 celle" in message
    assert "limite di sicurezza" in message

    script = (
        "import sys\n"
        "import pianodocs.workbook.reader as reader\n"
        "reader.MAX_CELLS = 50\n"
        "from pianodocs.cli import main\n"
        "sys.exit(main(['validate', sys.argv[1]]))\n"
    )
    env = {**os.environ, "PYTHONPATH": "src"}
    result = subprocess.run(
        [sys.executable, "-c", script, str(blank)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert_cli_refuses(result, message)


def test_cell_cap_message_groups_the_limit_and_keeps_the_sheet_name(
    blank: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workbook = openpyxl.load_workbook(blank)
    notes = workbook.create_sheet("Appunti, varie", 0)
    for row in range(1, 41):  # 1,200 cells holding data: the cap counts those, not the empty cells of a row
        for column in range(1, 31):
            notes.cell(row=row, column=column, value=f"nota {row}.{column}")
    path = tmp_path / "appunti.xlsx"
    workbook.save(path)
    monkeypatch.setattr(reader, "MAX_CELLS", 1000)
    message = refusal(path)
    assert "foglio 'Appunti, varie'" in message
    assert "dopo 1.000 celle" in message


def test_formatted_empty_rows_after_the_data_are_scanned_not_kept(blank: Path, tmp_path: Path) -> None:
    name = sheet_member(blank, "Indicatori")
    with zipfile.ZipFile(blank) as archive:
        xml = archive.read(name).decode("utf-8")
    rows = "".join(f'<row r="{n}"><c r="A{n}" s="1"/></row>' for n in range(3, 200_003))
    assert xml.count("</sheetData>") == 1
    path = rewrite_member(blank, tmp_path / "righe-vuote.xlsx", name, xml.replace("</sheetData>", rows + "</sheetData>").encode())
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo(name).file_size > 5 * 1024 * 1024  # really 200,000 rows

    plan = pianodocs.load_workbook(path)
    assert [indicator.code for indicator in plan.indicators] == ["IND-B21-1"]
    # what keeps time and memory bounded: the empty rows are scanned, never kept (timings belong to benchmarks/)
    assert [number for number, _ in reader.read_sheets(path)["Indicatori"].rows] == [1, 2]

    result = run_cli("validate", str(path))
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 0, result.stderr
    assert "valido" in result.stdout


def test_a_formula_cell_carries_its_formula_and_its_computed_value(blank: Path, tmp_path: Path) -> None:
    """Target cells typed ``=1`` are formulas: the reader says which, with the value Excel computed; a formula
    saved without a value is still listed apart, and an ordinary cell has no formula."""
    name = sheet_member(blank, "Indicatori")
    with zipfile.ZipFile(blank) as archive:
        xml = archive.read(name).decode()
    cells = {"Q2": "<f>1</f><v>1</v>", "R2": "<f>0.45*2</f><v>0.9</v>", "S2": "<f>A2</f>"}  # Target 2020-2022
    for reference, content in cells.items():
        xml, count = re.subn(rf'<c r="{reference}"[^>]*?(/>|>.*?</c>)', f'<c r="{reference}">{content}</c>', xml)
        assert count == 1, reference
    path = rewrite_member(blank, tmp_path / "formule.xlsx", name, xml.encode())
    sheet = reader.read_sheets(path)["Indicatori"]
    row = dict(sheet.rows)[2]
    assert (row[16].value, row[16].formula) == (1, "1")
    assert (row[17].value, row[17].formula) == (0.9, "0.45*2")
    assert row[18].formula is None and row[0].formula is None
    assert sheet.uncomputed == ("S2",)
