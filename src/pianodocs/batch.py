"""Render several documents of one plan at once, in parallel processes (``pianodocs render all``).

Each document is an independent job written atomically, so jobs can run side by
side on the machine's cores; an outcome reports each job as it finishes, with
the error message of a job that failed (the others go on).

The worker processes end with the command: each asks Linux to be sent SIGTERM
when its parent dies (``PR_SET_PDEATHSIG``), turns SIGTERM into an interruption
(so LibreOffice and the temporary folders are cleaned up), and checks that its
parent is still alive before it replaces an output file. Every temporary folder
of a command lives in one session folder named after the command's process
(:func:`session_folder`); a later command removes those whose process is gone.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import re
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Generator, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from pathlib import Path
from types import FrameType

import attrs

from .atomic import atomic_output
from .errors import PianodocsError
from .model import Plan

SESSION_PREFIX = "pianodocs-"
"""Prefix of every temporary folder pianodocs makes; a session folder is ``pianodocs-<pid>-<random>``."""

_SESSION_NAME = re.compile(rf"{re.escape(SESSION_PREFIX)}(\d+)-[^/]+")
_PR_SET_PDEATHSIG = 1
_WORKER_STOP_SECONDS = 10.0


class Terminated(BaseException):  # a signal, like KeyboardInterrupt, not an error of the input
    """The command received SIGTERM: it stops like after Ctrl-C, leaving every output as it was."""


class ParentGone(PianodocsError):
    """A worker found that the command that started it has ended: it writes nothing."""


@attrs.frozen
class Job:
    kind: str
    path: Path
    options: Mapping[str, object] = attrs.field(factory=dict)
    aside: bool = False
    """Render into a draft (:attr:`Outcome.draft`) instead of ``path``: the caller delivers it (e.g. signed)."""


@attrs.frozen
class Outcome:
    job: Job
    seconds: float
    error: str | None = None
    draft: Path | None = None


def default_workers() -> int:
    """Two processes at most: WeasyPrint and LibreOffice each keep a core busy."""
    return max(1, min(2, os.cpu_count() or 1))


def run(
    plan: Plan,
    jobs: Sequence[Job],
    *,
    workbook_folder: Path | None = None,
    template_dir: Path | None = None,
    workers: int = 1,
) -> Generator[Outcome, None, None]:
    """Render ``jobs``, yielding each outcome as it finishes (in completion order when parallel).

    If the caller is interrupted (Ctrl-C, SIGTERM) while waiting, the workers are
    stopped at once, not waited for: none of them replaces a file afterwards.
    """
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            yield render_job(plan, job, workbook_folder, template_dir)
        return
    parent = os.getpid()
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_started, initargs=(parent,))
    try:
        futures: list[Future[Outcome]] = [
            pool.submit(render_job, plan, job, workbook_folder, template_dir, parent) for job in jobs
        ]
        for future in as_completed(futures):
            yield future.result()
    except BaseException:
        _stop_workers(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def render_job(
    plan: Plan, job: Job, workbook_folder: Path | None, template_dir: Path | None, parent: int | None = None
) -> Outcome:
    """One job; a failure becomes the outcome's message (exceptions do not cross processes well).

    The document is rendered into a draft folder first; in a worker (``parent``
    given) the target is replaced only if the parent is still alive.
    """
    from .render import render

    started = time.monotonic()
    drafts = Path(tempfile.mkdtemp(prefix=f"{SESSION_PREFIX}bozza-"))
    draft = drafts / job.path.name
    try:
        render(plan, job.kind, draft, workbook_folder=workbook_folder, template_dir=template_dir, **job.options)
        if job.aside:
            return Outcome(job, time.monotonic() - started, draft=draft)
        deliver(draft, job.path, parent)
    except PianodocsError as error:
        return Outcome(job, time.monotonic() - started, str(error))
    except Exception as error:  # a bug: reported like the CLI reports one, without stopping the other jobs
        return Outcome(job, time.monotonic() - started, f"errore interno imprevisto ({type(error).__name__}: {error})")
    finally:
        if not job.aside:
            shutil.rmtree(drafts, ignore_errors=True)
    return Outcome(job, time.monotonic() - started)


def deliver(draft: Path, target: Path, parent: int | None = None) -> None:
    """Replace ``target`` with ``draft`` atomically; not if ``parent`` is given and no longer this process's parent."""
    with atomic_output(target) as temporary:
        shutil.copyfile(draft, temporary)
        if parent is not None and os.getppid() != parent:
            raise ParentGone(f"Il comando che ha avviato la generazione di {target.name} è terminato: file non scritto.")


def _worker_started(parent: int) -> None:
    """Pool initializer: end at SIGTERM, which Linux sends when the parent dies; leave Ctrl-C to the parent."""
    signal.signal(signal.SIGTERM, _worker_terminated)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent, interrupted, stops the workers itself
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent:  # the parent died before the request above: nobody would be told
        _worker_terminated(signal.SIGTERM, None)


def _worker_terminated(signum: int, frame: FrameType | None) -> None:
    """A worker's SIGTERM: stop the LibreOffice it may be running, and end now (no half-written file is replaced).

    It ends at once rather than raising an exception, which a library could
    catch and go on; what it leaves in the session folder, the parent (or, if
    the parent was killed, the next command) removes.
    """
    session = Path(tempfile.gettempdir())
    if _SESSION_NAME.fullmatch(session.name):  # only inside a command's own session folder, never all of /tmp
        _end_processes_using(session, parent=os.getpid())
    os._exit(128 + signum)


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """Send SIGTERM to every worker, then SIGKILL to those still alive after a few seconds."""
    processes = list(pool._processes.values())  # the executor gives no public way to stop its workers
    # a worker killed while the queue's feeder thread writes to it would leave that thread blocked and the
    # executor's shutdown joining it for ever (CPython before 3.11.5, as Debian 12 ships 3.11.2): do not join it
    with contextlib.suppress(AttributeError):
        pool._call_queue.cancel_join_thread()  # type: ignore[attr-defined]
    for process in processes:
        with contextlib.suppress(ProcessLookupError, ValueError):
            process.terminate()
    deadline = time.monotonic() + _WORKER_STOP_SECONDS
    for process in processes:
        with contextlib.suppress(ValueError):
            process.join(max(0.0, deadline - time.monotonic()))
            if process.is_alive():
                process.kill()
                process.join(1.0)


@contextlib.contextmanager
def session_folder() -> Iterator[Path]:
    """A temporary folder for the whole command, holding every other one (``tempfile`` and ``TMPDIR`` point to it).

    Before making it, the session folders left by commands that were killed
    (their process no longer exists) are removed. On every exit that runs
    Python code it is removed with all it holds.
    """
    base = Path(tempfile.gettempdir())
    remove_stale_folders(base)
    folder = Path(tempfile.mkdtemp(prefix=f"{SESSION_PREFIX}{os.getpid()}-", dir=base))
    previous_tempdir, previous_variable = tempfile.tempdir, os.environ.get("TMPDIR")
    tempfile.tempdir, os.environ["TMPDIR"] = str(folder), str(folder)
    try:
        yield folder
    finally:
        tempfile.tempdir = previous_tempdir
        if previous_variable is None:
            os.environ.pop("TMPDIR", None)
        else:
            os.environ["TMPDIR"] = previous_variable
        _end_processes_using(folder)
        shutil.rmtree(folder, ignore_errors=True)


def remove_stale_folders(base: Path) -> list[Path]:
    """Remove the session folders in ``base`` whose process is gone (never a live command's); return them."""
    removed = []
    with contextlib.suppress(OSError):
        for entry in base.iterdir():
            match = _SESSION_NAME.fullmatch(entry.name)
            if match is None or not entry.is_dir() or entry.is_symlink() or _alive(int(match.group(1))):
                continue
            with contextlib.suppress(OSError):
                if entry.stat().st_uid != os.getuid():
                    continue
            _end_processes_using(entry)
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
    return removed


def _end_processes_using(folder: Path, parent: int | None = None) -> None:
    """Kill what still runs from a session folder (a LibreOffice left behind by a killed command).

    Linux only (``/proc``): a process is this user's and names a path inside
    ``folder`` on its command line (LibreOffice's profile); its whole process
    group goes. With ``parent``, only the processes it started (a worker's own LibreOffice).
    """
    marks = (f"{folder}/".encode(), f"{folder.as_uri()}/".encode())
    for entry in Path("/proc").glob("[0-9]*"):
        with contextlib.suppress(OSError, ValueError):
            if entry.stat().st_uid != os.getuid():
                continue
            command_line = (entry / "cmdline").read_bytes()
            if not any(mark in command_line for mark in marks):
                continue
            if parent is not None and int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) != parent:
                continue
            group = os.getpgid(int(entry.name))
            if group != os.getpgrp():  # LibreOffice runs in a session of its own: never our own group
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(group, signal.SIGKILL)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True
