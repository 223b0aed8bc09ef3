"""User input the writers cannot take as it is, met where the user meets it: the command line.

A title too long for the DOCX properties, a logo in SVG or one that is no image, an
output folder that is a file, runs through one or cannot be written, a full
temporary folder, the file-size limit (``ulimit -f``). Each ends in an Italian
message and exit 1 (or, where the document can be made, exit 0), never in a
traceback or Python's "Exception ignored"; an output that existed keeps its bytes.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from pianodocs import cli

from .hostile_outputs import SVG_LOGO, mounted, read_only, with_excel_extension, words, workbook_with
from .test_signing import PASSWORD, make_certificate

OLD = b"documento di una volta, da non perdere\n" * 20


def run_cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *arguments: str | Path) -> tuple[int, str]:
    monkeypatch.delenv("PIANODOCS_DEBUG", raising=False)
    code = cli.main([str(argument) for argument in arguments])
    captured = capsys.readouterr()
    assert_clean(captured.out + captured.err)
    return code, captured.err


def run_process(*arguments: str | Path, env: dict[str, str] | None = None, file_limit: int | None = None) -> tuple[int, str]:
    """pianodocs in a process of its own (what Python prints at its exit is seen), optionally under ``ulimit -f``."""

    def limit() -> None:
        if file_limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))

    environment = {key: value for key, value in os.environ.items() if key != "PIANODOCS_DEBUG"} | (env or {})
    process = subprocess.run(
        [sys.executable, "-m", "pianodocs", *map(str, arguments)],
        capture_output=True,
        text=True,
        env=environment,
        preexec_fn=limit,
        timeout=300,
    )
    assert_clean(process.stdout + process.stderr)
    return process.returncode, process.stderr


def assert_clean(text: str) -> None:
    assert "Traceback" not in text
    assert "Exception ignored" not in text
    assert "errore interno" not in text


def existing(path: Path) -> Path:
    path.write_bytes(OLD)
    return path


def document_text(path: Path) -> str:
    word = docx.Document(str(path))
    return "\n".join(paragraph.text for paragraph in word.paragraphs)


# --- the DOCX properties and the logo --------------------------------------------------------------------


def test_a_title_and_a_name_longer_than_the_docx_properties_hold(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    title = words(400)
    entity = ("Camera di Commercio Industria Artigianato e Agricoltura delle alte valli del Serio e del Brembo " * 5)[:400]
    workbook = workbook_with(tmp_path, ente={"Denominazione": entity}, piano={"Titolo": title})
    output = tmp_path / "piano.docx"
    code, _ = run_cli(capsys, monkeypatch, "render", "piano-performance", workbook, "-o", output)
    assert code == 0
    properties = docx.Document(str(output)).core_properties
    assert len(properties.title) <= 255 and properties.title.endswith("…")
    assert title.startswith(properties.title.removesuffix("…"))
    assert title[len(properties.title) - 1] == " ", "cut at a word boundary"
    assert len(properties.author) <= 255 and entity.startswith(properties.author.removesuffix("…"))
    assert document_text(output).startswith(entity + "\n"), "the cover keeps the whole name"


def test_an_svg_logo_is_drawn_in_the_docx(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "logo.svg").write_text(SVG_LOGO, encoding="utf-8")
    workbook = workbook_with(tmp_path, ente={"Logo": "logo.svg"})
    output = tmp_path / "piano.docx"
    code, _ = run_cli(capsys, monkeypatch, "render", "piano-performance", workbook, "-o", output)
    assert code == 0
    shapes = docx.Document(str(output)).inline_shapes
    assert len(shapes) == 1
    picture = shapes[0]._inline.graphic.graphicData.pic.blipFill.blip.embed
    part = docx.Document(str(output)).part.related_parts[picture]
    assert part.content_type == "image/png"


@pytest.mark.parametrize(
    ("name", "content"), [("logo.png", "questo non è un PNG"), ("logo.svg", "<svg xmlns='http://www.w3.org/2000/svg'><rect")]
)
@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_a_logo_that_is_not_an_image(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, suffix: str, name: str, content: str
) -> None:
    (tmp_path / name).write_text(content, encoding="utf-8")
    workbook = workbook_with(tmp_path, ente={"Logo": name})
    output = existing(tmp_path / f"piano{suffix}")
    code, errors = run_cli(capsys, monkeypatch, "render", "piano-performance", workbook, "-o", output)
    assert code == 1
    assert errors.strip() == (
        f"pianodocs: Foglio Ente, campo Logo: il file {name} non è un'immagine leggibile (usare PNG, JPEG, GIF o SVG)."
    )
    assert output.read_bytes() == OLD


# --- where the outputs go ---------------------------------------------------------------------------------


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    return workbook_with(tmp_path)


@pytest.mark.parametrize("command", ["export", "all"])
def test_an_output_folder_that_is_a_file(
    workbook: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    output = existing(tmp_path / "uscita")
    arguments = ["export", workbook] if command == "export" else ["render", "all", workbook]
    code, errors = run_cli(capsys, monkeypatch, *arguments, "-o", output)
    assert code == 1
    assert f"{output} è un file, non una cartella" in errors
    assert output.read_bytes() == OLD


@pytest.mark.parametrize("command", ["export", "all", "piano-performance"])
def test_an_output_through_a_file(
    workbook: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    blocker = existing(tmp_path / "uscita")
    arguments = {
        "export": ["export", workbook, "-o", blocker / "dati"],
        "all": ["render", "all", workbook, "-o", blocker / "documenti"],
        "piano-performance": ["render", "piano-performance", workbook, "-o", blocker / "piano.pdf"],
    }[command]
    code, errors = run_cli(capsys, monkeypatch, *arguments)
    assert code == 1
    assert "un elemento del percorso è un file, non una cartella" in errors
    assert blocker.read_bytes() == OLD


@pytest.mark.parametrize("command", ["export", "all", "piano-performance"])
def test_an_output_folder_that_cannot_be_written(
    workbook: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    with mounted(tmp_path / "sola-lettura", "size=256k") as folder:
        old = existing(folder / "piano.pdf")
        read_only(folder)
        arguments = {
            "export": ["export", workbook, "-o", folder],
            "all": ["render", "all", workbook, "-o", folder / "documenti"],
            "piano-performance": ["render", "piano-performance", workbook, "-o", old],
        }[command]
        code, errors = run_cli(capsys, monkeypatch, *arguments)
        assert code == 1
        assert "file system in sola lettura" in errors
        assert old.read_bytes() == OLD
        assert sorted(path.name for path in folder.iterdir()) == ["piano.pdf"]


# --- temporary files ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".pdf firmato"])
def test_a_full_temporary_folder(workbook: Path, tmp_path: Path, suffix: str) -> None:
    output = existing(tmp_path / f"piano{suffix.split()[0]}")
    signing: list[str | Path] = []
    if suffix.endswith("firmato"):  # the signed PDF is rendered aside, in the same temporary folder, then signed
        (tmp_path / "certificati").mkdir()
        certificate, _ = make_certificate(tmp_path / "certificati")
        signing = ["--firma", certificate]
    with mounted(tmp_path / "temporanei", "size=64k") as temporary:
        environment = {"TMPDIR": str(temporary), "PIANODOCS_FIRMA_PASSWORD": PASSWORD.decode()}
        code, errors = run_process("render", "piano-performance", workbook, "-o", output, *signing, env=environment)
        assert code == 1
        assert f"Spazio esaurito nella cartella temporanea {temporary}" in errors
        assert list(temporary.iterdir()) == [], "the temporary files were removed"
    assert output.read_bytes() == OLD


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_the_file_size_limit(workbook: Path, tmp_path: Path, suffix: str) -> None:
    output = existing(tmp_path / f"piano{suffix}")
    code, errors = run_process("render", "piano-performance", workbook, "-o", output, file_limit=40 * 1024)
    assert code == 1
    assert "limite alla dimensione dei file" in errors.lower()
    assert "ulimit -f" in errors
    assert output.read_bytes() == OLD
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(["piano.xlsx", output.name])


# --- the libraries' English -------------------------------------------------------------------------------


def test_openpyxl_warnings_stay_for_debugging(workbook: Path) -> None:
    with_excel_extension(workbook)  # the drop-down lists Excel saves, which openpyxl says it drops
    code, errors = run_process("validate", workbook)
    assert code == 0
    assert errors == ""
    code, errors = run_process("validate", workbook, env={"PIANODOCS_DEBUG": "1"})
    assert code == 0
    assert "pianodocs: [debug] openpyxl.worksheet._reader: UserWarning: Data Validation extension is not supported" in errors


def test_a_css_rule_weasyprint_ignores_is_told_in_italian(
    workbook: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stylesheet = tmp_path / "modelli" / "css" / "pianodocs.css"
    stylesheet.parent.mkdir(parents=True)
    stylesheet.write_text("body { font-family: sans-serif; }\n.copertina { colore-sfondo: rosso; }\n", encoding="utf-8")
    output = tmp_path / "piano.pdf"
    code, errors = run_cli(
        capsys, monkeypatch, "render", "piano-performance", workbook, "-o", output, "--modelli", tmp_path / "modelli"
    )
    assert code == 0
    assert errors == (
        "pianodocs: avviso: foglio di stile personalizzato, riga 2: regola ignorata perché non valida (colore-sfondo: rosso).\n"
    )
    assert "Ignored" not in errors


def test_libreoffice_english_stays_for_debugging(workbook: Path, tmp_path: Path) -> None:
    # a LibreOffice that fails as a broken installation does: English on its standard error, exit 1
    programs = tmp_path / "programmi"
    programs.mkdir()
    soffice = programs / "soffice"
    soffice.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n", encoding="utf-8")
    soffice.chmod(0o755)
    path = {"PATH": f"{programs}{os.pathsep}{os.environ['PATH']}"}
    output = tmp_path / "piano.docx"
    code, errors = run_process("render", "piano-performance", workbook, "-o", output, env=path)
    assert code == 0
    assert errors == (
        "LibreOffice non ha convertito bozza.docx (codice di uscita 1). Il sommario del DOCX resta senza numeri di pagina.\n"
    )
    code, errors = run_process("render", "piano-performance", workbook, "-o", output, env=path | {"PIANODOCS_DEBUG": "1"})
    assert code == 0
    assert "pianodocs: [debug] LibreOffice (uscita 1): Error: source file could not be loaded" in errors
