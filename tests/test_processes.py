"""Processes end with their command, and leave no temporary folder behind: real processes, real signals.

Each test starts ``pianodocs render`` in a process of its own, with a private
TMPDIR and a mark in its environment that every process it starts inherits
(workers, LibreOffice): the processes still alive are found by that mark in
``/proc``, with a deadline, never by sleeping and hoping.
"""

from __future__ import annotations

import hashlib
import io
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from pianodocs.batch import ParentGone, deliver, remove_stale_folders

ROOT = Path(__file__).resolve().parent.parent
WORKBOOK = ROOT / "sample_data" / "cciaa_valserena_2024_2026.xlsx"
MARK = "PIANODOCS_TEST_PROCESSES"
STARTER = (  # as in a terminal: Ctrl-C raises KeyboardInterrupt even if the test runner was started in the background
    "import signal, sys, pianodocs.cli\n"
    "signal.signal(signal.SIGINT, signal.default_int_handler)\n"
    "sys.exit(pianodocs.cli.main(sys.argv[1:]))\n"
)


class Command:
    """A ``pianodocs`` command started in its own session, with a private TMPDIR and a mark in its environment."""

    def __init__(self, tmp_path: Path, *arguments: str) -> None:
        self.tmpdir = tmp_path / "tmp"
        self.tmpdir.mkdir(exist_ok=True)
        self.mark = uuid.uuid4().hex
        self.process = subprocess.Popen(
            [sys.executable, "-c", STARTER, *arguments],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
            env={**os.environ, "TMPDIR": str(self.tmpdir), MARK: self.mark, "PYTHONPATH": str(ROOT / "src")},
        )

    def processes(self) -> list[int]:
        """The pids of the live processes carrying this command's mark (the command, its workers, LibreOffice)."""
        needle = f"{MARK}={self.mark}".encode()
        found = []
        for entry in Path("/proc").glob("[0-9]*"):
            try:
                if needle in (entry / "environ").read_bytes().split(b"\0") and not _zombie(entry):
                    found.append(int(entry.name))
            except OSError:
                continue
        return found

    def finish(self, timeout: float = 60) -> tuple[int, str, str]:
        output, errors = self.process.communicate(timeout=timeout)
        return self.process.returncode, output, errors

    def stale_folders(self) -> list[str]:
        return sorted(entry.name for entry in self.tmpdir.iterdir() if entry.name.startswith("pianodocs-"))


def _zombie(entry: Path) -> bool:
    return (entry / "stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"


def wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"dopo {timeout} s: {what}")
        time.sleep(0.05)


def snapshot(folder: Path) -> dict[str, tuple[int, str]]:
    """Each file's modification time and hash: an output that was replaced shows here."""
    return {
        path.name: (path.stat().st_mtime_ns, hashlib.sha256(path.read_bytes()).hexdigest())
        for path in sorted(folder.iterdir())
        if path.is_file()
    }


def start_render_all(tmp_path: Path) -> tuple[Command, Path]:
    """``render all`` into a folder, returned once its first document is written and workers are at work."""
    output = tmp_path / "documenti"
    command = Command(tmp_path, "render", "all", str(WORKBOOK), "-o", str(output), "--processi", "2")
    wait_for(
        lambda: output.is_dir() and any(not path.name.startswith(".") for path in output.iterdir()),
        180,
        "nessun documento scritto",
    )
    assert len(command.processes()) >= 3  # the command and its two workers
    return command, output


def assert_clean_stderr(errors: str) -> None:
    assert "Traceback" not in errors and "Exception ignored" not in errors, errors


def test_sigkill_of_render_all_leaves_no_worker_and_changes_no_file(tmp_path: Path) -> None:
    command, output = start_render_all(tmp_path)
    os.kill(command.process.pid, signal.SIGKILL)
    before = snapshot(output)
    command.finish()
    wait_for(lambda: not command.processes(), 20, f"processi ancora vivi: {command.processes()}")
    assert snapshot(output) == before
    assert not [path.name for path in output.iterdir() if path.name.endswith(".tmp")]
    assert command.stale_folders()  # nothing could clean up after SIGKILL...

    later = Command(tmp_path, "render", "pira", str(WORKBOOK), "-o", str(tmp_path / "p.pdf"), "--anno", "1990")
    code, _, errors = later.finish()
    assert code == 2, errors
    assert later.stale_folders() == []  # ...so the next rendering command removes it
    assert_clean_stderr(errors)


@pytest.mark.parametrize(
    ("signum", "code", "message"),
    [
        (signal.SIGTERM, 143, "pianodocs: terminato (SIGTERM); nessun file parziale è stato lasciato."),
        (signal.SIGINT, 130, "pianodocs: interrotto; nessun file parziale è stato lasciato."),
    ],
    ids=["SIGTERM", "Ctrl-C"],
)
def test_a_stopped_render_all_stops_its_workers_and_cleans_up(
    tmp_path: Path, signum: signal.Signals, code: int, message: str
) -> None:
    command, output = start_render_all(tmp_path)
    if signum == signal.SIGINT:  # Ctrl-C in a terminal reaches the whole foreground group, workers included
        os.killpg(command.process.pid, signum)
    else:  # kill, systemd, a CI timeout: only the command
        os.kill(command.process.pid, signum)
    before = snapshot(output)
    returncode, _, errors = command.finish()
    assert returncode == code, errors
    assert errors.strip().splitlines()[-1] == message
    assert_clean_stderr(errors)
    wait_for(lambda: not command.processes(), 20, f"processi ancora vivi: {command.processes()}")
    assert snapshot(output) == before
    assert not [path.name for path in output.iterdir() if path.name.endswith(".tmp")]
    assert command.stale_folders() == []


def test_ctrl_c_during_the_libreoffice_pagination_of_a_docx(tmp_path: Path) -> None:
    target = tmp_path / "piano.docx"
    target.write_bytes(b"il documento di prima")
    command = Command(tmp_path, "render", "piano-performance", str(WORKBOOK), "-o", str(target))
    wait_for(lambda: len(command.processes()) >= 2, 180, "LibreOffice non è partito")  # pianodocs and soffice
    os.killpg(command.process.pid, signal.SIGINT)
    returncode, _, errors = command.finish()
    assert returncode == 130, errors
    assert errors.strip().splitlines()[-1] == "pianodocs: interrotto; nessun file parziale è stato lasciato."
    assert_clean_stderr(errors)
    wait_for(lambda: not command.processes(), 20, f"processi ancora vivi: {command.processes()}")
    assert target.read_bytes() == b"il documento di prima"
    assert command.stale_folders() == []


def test_the_stale_folder_of_a_live_command_is_kept(tmp_path: Path) -> None:
    """Only a folder whose command has ended is removed: a live one's (here this test's own pid) stays."""
    live = tmp_path / f"pianodocs-{os.getpid()}-abc"
    live.mkdir()
    dead_pid = _a_dead_pid()
    dead = tmp_path / f"pianodocs-{dead_pid}-xyz"
    (dead / "pianodocs-libreoffice-1").mkdir(parents=True)
    unrelated = tmp_path / "pianodocs-senza-numero"
    unrelated.mkdir()
    assert remove_stale_folders(tmp_path) == [dead]
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted([live.name, unrelated.name])


def _a_dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_a_worker_whose_parent_is_gone_replaces_no_file(tmp_path: Path) -> None:
    """The last check before a worker replaces a file: its parent must still be the command that started it."""
    draft, target = tmp_path / "bozza.pdf", tmp_path / "piano.pdf"
    draft.write_bytes(b"nuovo")
    target.write_bytes(b"di prima")
    with pytest.raises(ParentGone, match=r"generazione di piano\.pdf è terminato: file non scritto"):
        deliver(draft, target, parent=_a_dead_pid())
    assert target.read_bytes() == b"di prima"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["bozza.pdf", "piano.pdf"]
    deliver(draft, target, parent=os.getppid())
    assert target.read_bytes() == b"nuovo"


class InterruptingFile(io.BytesIO):
    """An output whose first write is where Ctrl-C lands: inside cairo's C callback, as it does while drawing a figure."""

    def write(self, data: bytes) -> int:  # type: ignore[override]
        signal.raise_signal(signal.SIGINT)
        return super().write(data)


def draw_while_interrupted(*args: object, **kwargs: object) -> None:
    import cairosvg

    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40"/></svg>'
    cairosvg.svg2png(bytestring=svg.encode(), write_to=InterruptingFile())


@pytest.mark.parametrize("kind", ["piano-performance", "all"])
def test_ctrl_c_swallowed_by_a_c_callback_is_still_an_interruption(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    """cairo turns the KeyboardInterrupt raised in its write callback into an OSError: still exit 130, no traceback.

    With ``all`` the other documents are not even started (the swallowed interruption is not one job's failure).
    """
    from pianodocs.cli import main

    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # as in a terminal
    calls: list[object] = []
    monkeypatch.setattr(
        sys.modules["pianodocs.render"], "render", lambda *args, **kwargs: calls.append(args) or draw_while_interrupted()
    )
    target = tmp_path / "piano.docx" if kind != "all" else tmp_path / "documenti"
    if kind != "all":
        target.write_bytes(b"il documento di prima")
    code = main(["render", kind, str(WORKBOOK), "-o", str(target), "--processi", "1"])
    errors = capsys.readouterr().err
    assert code == 130, errors
    assert errors.strip().splitlines()[-1] == "pianodocs: interrotto; nessun file parziale è stato lasciato."
    assert_clean_stderr(errors)
    assert len(calls) == 1
    if kind != "all":
        assert target.read_bytes() == b"il documento di prima"
    else:
        assert list(target.iterdir()) == []
