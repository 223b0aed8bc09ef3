"""Faults while writing a document: a folder that cannot be written, a full disk, an interrupted render.

In every case no partial file is left beside the output, an output that existed
keeps its bytes, ``pianodocs.render`` raises an :class:`OutputError` with an
Italian sentence (or lets ``KeyboardInterrupt`` through), and the command line
prints that sentence and exits 1 (130 when interrupted), without a traceback.
Faults are simulated where the operating system would raise them (``mkstemp``,
``os.replace``, the last write inside :func:`~pianodocs.atomic.atomic_output`);
when the tests run as root, a real full disk and a real read-only folder are
also mounted (tmpfs).
"""

from __future__ import annotations

import errno
import os
import select
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest

import pianodocs
from pianodocs import atomic, cli
from pianodocs.backends import docx as docx_backend
from pianodocs.backends import pdf as pdf_backend
from pianodocs.errors import OutputError
from pianodocs.workbook.template import write_blank_workbook

ROOT = Path(__file__).resolve().parent.parent
OLD = b"contenuto del documento precedente, da non perdere\n" * 40
FORMATS = (".pdf", ".docx")


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("guasti") / "piano.xlsx"
    write_blank_workbook(path, 2024, 2026)
    return path


@pytest.fixture(scope="module")
def plan(workbook: Path) -> pianodocs.Plan:
    return pianodocs.load_workbook(workbook)


def existing(folder: Path, suffix: str) -> Path:
    """An output written by an earlier run: its bytes must survive every failed render."""
    path = folder / f"piano{suffix}"
    path.write_bytes(OLD)
    return path


def assert_untouched(output: Path) -> None:
    assert output.read_bytes() == OLD, "the existing output was changed"
    leftovers = sorted(p.name for p in output.parent.iterdir() if p != output)
    assert leftovers == [], f"files left behind: {leftovers}"


def failing_atomic_output(error: BaseException) -> Callable[[Path | str], AbstractContextManager[Path]]:
    """atomic_output whose file is cut in half and ``error`` raised after the backend wrote it: the disk filled up."""
    real = atomic.atomic_output

    @contextmanager
    def cut(path: Path | str) -> Iterator[Path]:
        with real(path) as temporary:
            yield temporary
            assert temporary.stat().st_size > 0, "the backend wrote into the temporary file"
            with temporary.open("r+b") as handle:
                handle.truncate(temporary.stat().st_size // 2)
            raise error

    return cut


def patch_backends(monkeypatch: pytest.MonkeyPatch, replacement: object) -> None:
    for module in (pdf_backend, docx_backend):
        monkeypatch.setattr(module, "atomic_output", replacement)


def run_cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str]:
    monkeypatch.delenv("PIANODOCS_DEBUG", raising=False)
    code = cli.main(list(arguments))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    return code, captured.err


# --- through pianodocs.render -------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", FORMATS)
def test_a_folder_without_permission(plan: pianodocs.Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str) -> None:
    output = existing(tmp_path, suffix)

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(OutputError) as caught:
        pianodocs.render(plan, "piano-performance", output)
    assert str(caught.value) == f"Non è possibile scrivere nella cartella {tmp_path}: permesso negato."
    assert_untouched(output)


@pytest.mark.parametrize("suffix", FORMATS)
def test_an_output_locked_by_another_program(
    plan: pianodocs.Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    # Word keeps the file it has open locked: the rename over it fails
    output = existing(tmp_path, suffix)

    def locked(source: object, target: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(OutputError) as caught:
        pianodocs.render(plan, "piano-performance", output)
    assert str(caught.value) == f"Scrittura di {output} non riuscita: permesso negato."
    assert_untouched(output)


@pytest.mark.parametrize("suffix", FORMATS)
def test_a_full_disk(plan: pianodocs.Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str) -> None:
    output = existing(tmp_path, suffix)
    patch_backends(monkeypatch, failing_atomic_output(OSError(errno.ENOSPC, "No space left on device")))
    with pytest.raises(OutputError) as caught:
        pianodocs.render(plan, "piano-performance", output)
    assert str(caught.value) == f"Scrittura di {output} non riuscita: disco pieno."
    assert_untouched(output)


@pytest.mark.parametrize("suffix", FORMATS)
def test_an_interrupt_while_writing(plan: pianodocs.Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str) -> None:
    output = existing(tmp_path, suffix)
    patch_backends(monkeypatch, failing_atomic_output(KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        pianodocs.render(plan, "piano-performance", output)
    assert_untouched(output)


def test_an_interrupt_while_laying_out(plan: pianodocs.Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    output = existing(tmp_path, ".pdf")

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(pdf_backend.HTML, "render", interrupted)
    with pytest.raises(KeyboardInterrupt):
        pianodocs.render(plan, "piano-performance", output)
    assert_untouched(output)


def test_a_new_output_is_not_created_when_the_write_fails(
    plan: pianodocs.Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    patch_backends(monkeypatch, failing_atomic_output(OSError(errno.ENOSPC, "No space left on device")))
    with pytest.raises(OutputError):
        pianodocs.render(plan, "piano-performance", tmp_path / "nuovo.docx")
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder(plan: pianodocs.Plan, tmp_path: Path) -> None:
    with pytest.raises(OutputError) as caught:
        pianodocs.render(plan, "piano-performance", tmp_path / "manca" / "piano.pdf")
    assert str(caught.value) == f"La cartella di destinazione non esiste: {tmp_path / 'manca'}"


def test_a_folder_that_is_a_file(plan: pianodocs.Plan, tmp_path: Path) -> None:
    (tmp_path / "documenti").write_text("un file, non una cartella")
    with pytest.raises(OutputError) as caught:
        pianodocs.render(plan, "piano-performance", tmp_path / "documenti" / "piano.pdf")
    assert "un elemento del percorso è un file, non una cartella" in str(caught.value)


# --- through the command line --------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", FORMATS)
def test_the_cli_reports_a_full_disk(
    workbook: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    output = existing(tmp_path, suffix)
    patch_backends(monkeypatch, failing_atomic_output(OSError(errno.ENOSPC, "No space left on device")))
    code, errors = run_cli(monkeypatch, capsys, "render", "piano-performance", str(workbook), "-o", str(output))
    assert code == 1
    assert errors.strip() == f"pianodocs: Scrittura di {output} non riuscita: disco pieno."
    assert_untouched(output)


def test_the_cli_reports_a_folder_without_permission(
    workbook: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    output = existing(tmp_path, ".pdf")

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    code, errors = run_cli(monkeypatch, capsys, "render", "piano-performance", str(workbook), "-o", str(output))
    assert (code, errors.strip()) == (1, f"pianodocs: Non è possibile scrivere nella cartella {tmp_path}: permesso negato.")
    assert_untouched(output)


@pytest.mark.parametrize("suffix", FORMATS)
def test_the_cli_reports_an_interrupt_with_130(
    workbook: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    output = existing(tmp_path, suffix)
    patch_backends(monkeypatch, failing_atomic_output(KeyboardInterrupt()))
    code, errors = run_cli(monkeypatch, capsys, "render", "piano-performance", str(workbook), "-o", str(output))
    assert (code, errors.strip()) == (130, "pianodocs: interrotto; nessun file parziale è stato lasciato.")
    assert_untouched(output)


def test_the_cli_reports_an_interrupted_render_all(
    workbook: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "documenti"
    patch_backends(monkeypatch, failing_atomic_output(KeyboardInterrupt()))
    code, errors = run_cli(monkeypatch, capsys, "render", "all", str(workbook), "-o", str(folder), "--processi", "1")
    assert code == 130 and "interrotto" in errors
    assert list(folder.iterdir()) == []


def test_the_cli_reports_a_folder_that_is_a_file(workbook: Path, tmp_path: Path) -> None:
    (tmp_path / "documenti").write_text("un file, non una cartella")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pianodocs",
            "render",
            "piano-performance",
            str(workbook),
            "-o",
            str(tmp_path / "documenti" / "p.pdf"),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr.startswith(f"pianodocs: Non è possibile scrivere nella cartella {tmp_path / 'documenti'}")
    assert "Traceback" not in result.stderr


# A real ``pianodocs render`` process that stops at a chosen point of its work, says so on stdout and waits there
# for Ctrl-C: the interruption lands at that point however fast the machine is, and the test waits for the line,
# not for some time to pass. The points are in the libraries and the OS (stable whatever the backends' layout):
# "impaginazione" when the layout starts (WeasyPrint's HTML.render, docxtpl's DocxTemplate.render), "sostituzione"
# when the temporary file is complete beside the output and only its os.replace is left.
INTERRUPTED_AT = """\
import os, signal, sys, time
signal.signal(signal.SIGINT, signal.default_int_handler)  # as in a terminal, even if started in the background
point, arguments = sys.argv[1], sys.argv[2:]
output = os.path.realpath(arguments[-1])

def wait_for_ctrl_c():
    print("pronto", flush=True)
    time.sleep(600)  # Ctrl-C ends the sleep with KeyboardInterrupt, raised here, inside the render
    sys.exit("nessun Ctrl-C ricevuto")

def stopping_first(function):
    def stopped(*args, **kwargs):
        wait_for_ctrl_c()
        return function(*args, **kwargs)
    return stopped

if point == "impaginazione":
    import docxtpl, weasyprint
    weasyprint.HTML.render = stopping_first(weasyprint.HTML.render)
    docxtpl.DocxTemplate.render = stopping_first(docxtpl.DocxTemplate.render)
else:
    replace = os.replace
    def replacing(source, target, **kwargs):
        if os.path.realpath(target) == output and os.path.getsize(source) > 0:
            wait_for_ctrl_c()
        return replace(source, target, **kwargs)
    os.replace = replacing

import pianodocs.cli
sys.exit(pianodocs.cli.main(arguments))
"""


def wait_for_line(process: subprocess.Popen[str], expected: str, timeout: float) -> None:
    """The child's first line of output, which must come within ``timeout`` seconds (a bound, not a guess)."""
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], timeout)
    if not ready:
        process.kill()
        _, errors = process.communicate()
        pytest.fail(f"dopo {timeout} s il processo non ha scritto {expected!r}: {errors}")
    line = process.stdout.readline().strip()
    assert line == expected, process.communicate()[1]


@pytest.mark.slow
@pytest.mark.parametrize(  # the replacement is the formats' common last step; each backend lays out on its own
    ("suffix", "point"), [(".docx", "impaginazione"), (".pdf", "sostituzione")], ids=["docx-impaginazione", "pdf-sostituzione"]
)
def test_a_real_ctrl_c_during_a_render(workbook: Path, tmp_path: Path, suffix: str, point: str) -> None:
    """SIGINT sent to a real ``pianodocs render`` once it says it is at ``point``: exit 130, the old file kept.

    Interrupted in the PDF's layout in this process by ``test_an_interrupt_while_laying_out``, in the DOCX's
    LibreOffice pagination by tests/test_processes.py.
    """
    output = existing(tmp_path, suffix)
    process = subprocess.Popen(
        [sys.executable, "-c", INTERRUPTED_AT, point, "render", "piano-performance", str(workbook), "-o", str(output)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    wait_for_line(process, "pronto", timeout=180)
    process.send_signal(signal.SIGINT)
    try:
        _, errors = process.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        process.kill()
        pytest.fail(f"dopo 120 s il processo non si è fermato: {process.communicate()[1]}")
    assert process.returncode == 130, errors
    assert (
        errors.strip().splitlines()[-1] == "pianodocs: interrotto; nessun file parziale è stato lasciato."
    )  # after the warnings
    assert "Traceback" not in errors
    assert_untouched(output)


# --- real faults (root: a small tmpfs) -----------------------------------------------------------------


@contextmanager
def mounted(folder: Path, options: str) -> Iterator[Path]:
    folder.mkdir()
    if os.geteuid() != 0:
        pytest.skip("montare un tmpfs richiede root")
    mount = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True)
    if mount.returncode != 0:
        pytest.skip(f"tmpfs non disponibile: {mount.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@pytest.mark.parametrize("suffix", FORMATS)
def test_a_really_full_disk(plan: pianodocs.Plan, tmp_path: Path, suffix: str) -> None:
    with mounted(tmp_path / "disco", "size=12k") as disk:  # three pages: the old file and 8 KB of a 18-25 KB document
        output = existing(disk, suffix)
        with pytest.raises(OutputError) as caught:
            pianodocs.render(plan, "piano-performance", output)
        assert str(caught.value) == f"Scrittura di {output} non riuscita: disco pieno."
        assert_untouched(output)


def test_a_really_read_only_folder(plan: pianodocs.Plan, tmp_path: Path) -> None:
    with mounted(tmp_path / "disco", "size=64k") as disk:
        output = existing(disk, ".pdf")
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        with pytest.raises(OutputError) as caught:
            pianodocs.render(plan, "piano-performance", output)
        assert str(caught.value) == f"Non è possibile scrivere nella cartella {disk}: file system in sola lettura."
        assert_untouched(output)
