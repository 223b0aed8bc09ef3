"""Reproducible output: with SOURCE_DATE_EPOCH set, the same input renders to the same bytes, dated that moment.

Checked on the demo document (every kind of block, a figure, a SOMMARIO) and on
one real kind (the PIRA of Pistoia through ``pianodocs.render``), in this
process and in two fresh processes with different hash seeds (an iteration
over a set of strings would show up there). Without SOURCE_DATE_EPOCH the
dates are the moment of writing.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pikepdf
import pytest

import pianodocs
from pianodocs.backends.docx import write_docx
from pianodocs.backends.pdf import write_pdf
from pianodocs.errors import PianodocsError
from pianodocs.view.demo import demo_document

from .conftest import ROOT, SAMPLES

EPOCH = 1_600_000_000  # 13 September 2020, 12:26:40 UTC
MOMENT = dt.datetime(2020, 9, 13, 12, 26, 40, tzinfo=dt.UTC)


def write_both(folder: Path) -> dict[str, bytes]:
    """The demo document and the PIRA of Pistoia, as PDF and DOCX, written into ``folder``; their bytes by file name."""
    folder.mkdir(parents=True, exist_ok=True)
    write_pdf(demo_document(), folder / "demo.pdf")
    write_docx(demo_document(), folder / "demo.docx", paginate=False)
    plan = pianodocs.load_workbook(SAMPLES / "cciaa_pistoia_2020_2022.xlsx")
    for suffix in (".pdf", ".docx"):
        pianodocs.render(plan, "pira", folder / f"pira{suffix}", workbook_folder=SAMPLES)
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def twice(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """Everything rendered twice in this process with SOURCE_DATE_EPOCH set."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
        base = tmp_path_factory.mktemp("riproducibile")
        first = write_both(base / "prima")
        second = write_both(base / "seconda")
    return first, second


def test_same_bytes_twice(twice: tuple[dict[str, bytes], dict[str, bytes]]) -> None:
    first, second = twice
    assert sorted(first) == ["demo.docx", "demo.pdf", "pira.docx", "pira.pdf"]
    for name in first:
        assert first[name] == second[name], f"{name} differs between two renderings"


@pytest.mark.parametrize("name", ["demo.pdf", "pira.pdf"])
def test_pdf_dates_are_the_epoch(twice: tuple[dict[str, bytes], dict[str, bytes]], tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(twice[0][name])
    with pikepdf.open(path) as pdf:
        assert str(pdf.docinfo["/CreationDate"]) == str(pdf.docinfo["/ModDate"]) == "D:20200913122640Z"
        metadata = pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False)
        assert metadata.get("xmp:CreateDate") == metadata.get("xmp:ModifyDate") == "2020-09-13T12:26:40Z"


@pytest.mark.parametrize("name", ["demo.docx", "pira.docx"])
def test_docx_dates_are_the_epoch(twice: tuple[dict[str, bytes], dict[str, bytes]], tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(twice[0][name])
    properties = docx.Document(str(path)).core_properties
    assert properties.created == properties.modified == MOMENT
    with zipfile.ZipFile(path) as package:
        assert {entry.date_time for entry in package.infolist()} == {(2020, 9, 13, 12, 26, 40)}
        assert package.testzip() is None


def test_same_bytes_in_other_processes(twice: tuple[dict[str, bytes], dict[str, bytes]], tmp_path: Path) -> None:
    """Two fresh interpreters with different hash seeds write what this process wrote."""
    script = "import sys; from pathlib import Path; from tests.test_reproducible import write_both; write_both(Path(sys.argv[1]))"
    for seed in ("1", "2"):
        environment = {**os.environ, "SOURCE_DATE_EPOCH": str(EPOCH), "PYTHONHASHSEED": seed}
        folder = tmp_path / f"seme-{seed}"
        subprocess.run([sys.executable, "-c", script, str(folder)], cwd=ROOT, env=environment, check=True, timeout=300)
        for name, content in twice[0].items():
            assert (folder / name).read_bytes() == content, f"{name} differs with PYTHONHASHSEED={seed}"


def test_without_epoch_the_dates_are_now(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    write_pdf(demo_document(), tmp_path / "demo.pdf")
    write_docx(demo_document(), tmp_path / "demo.docx", paginate=False)
    after = dt.datetime.now(dt.UTC)
    with pikepdf.open(tmp_path / "demo.pdf") as pdf:
        metadata = pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False)
        created = dt.datetime.fromisoformat(metadata.get("xmp:CreateDate"))
    assert before <= created <= after
    assert before <= docx.Document(str(tmp_path / "demo.docx")).core_properties.created <= after
    with zipfile.ZipFile(tmp_path / "demo.docx") as package:
        stamps = {dt.datetime(*entry.date_time, tzinfo=dt.UTC) for entry in package.infolist()}
    assert len(stamps) == 1 and before <= stamps.pop() <= after


def test_an_epoch_before_1980_dates_the_zip_entries_1980(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")  # the zip format has no date before 1980
    write_docx(demo_document(), tmp_path / "demo.docx", paginate=False)
    assert docx.Document(str(tmp_path / "demo.docx")).core_properties.created == dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    with zipfile.ZipFile(tmp_path / "demo.docx") as package:
        assert {entry.date_time for entry in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}


@pytest.mark.parametrize("value", ["domani", "-5", "1.5", "99999999999999999999"])
def test_a_malformed_epoch_stops_the_rendering(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, value: str) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    with pytest.raises(PianodocsError, match="SOURCE_DATE_EPOCH"):
        write_pdf(demo_document(), tmp_path / "demo.pdf")
    with pytest.raises(PianodocsError, match="SOURCE_DATE_EPOCH"):
        write_docx(demo_document(), tmp_path / "demo.docx", paginate=False)
    assert list(tmp_path.iterdir()) == []  # nothing half written
