"""The renders the web page asks for: each runs in a worker process, so a long one does not block the others.

A :class:`Jobs` keeps a :class:`~concurrent.futures.ProcessPoolExecutor` warm for the server's life (its
workers import the renderers once). A :class:`RenderJob` is a list of steps (each format of a kind, the
preview images of the PDF's pages, or every document of ``render all`` and its ZIP); the page shows how many
are done, and the files as they come. Each job writes only in its own folder, inside its upload's.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import time
import zipfile
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from pathlib import Path

import attrs

from ..errors import PianodocsError
from ..model import Plan
from .storage import new_identifier

MAX_PREVIEW_PAGES = 40
PREVIEW_WIDTH = 620  # pixels of a page's image in the page
_PR_SET_PDEATHSIG = 1


@attrs.frozen
class Download:
    """A file a job made: where it is, the name it is downloaded under, what it is (shown as the link)."""

    key: str  # the last part of its address: "pdf", "docx", "zip"
    path: Path
    name: str
    label: str


@attrs.define
class RenderJob:
    """One request to render: its steps, how many are done, the files made, the errors (in Italian)."""

    identifier: str
    title: str
    folder: Path
    total: int
    done: int = 0
    current: str = "in coda"
    downloads: list[Download] = attrs.field(factory=list)
    pages: int = 0  # preview images made
    page_count: int = 0  # pages of the PDF
    errors: list[str] = attrs.field(factory=list)
    contents: list[str] = attrs.field(factory=list)  # the names of the files in a ZIP made
    finished: bool = False
    started: float = attrs.field(factory=time.monotonic)

    def download(self, key: str) -> Download | None:
        return next((download for download in self.downloads if download.key == key), None)

    def status(self) -> dict[str, object]:
        """What the page's script polls for (JSON)."""
        return {"fatti": self.done, "totale": self.total, "fase": self.current, "finito": self.finished, "errori": self.errors}


def _worker_started() -> None:
    """Pool initializer: leave Ctrl-C to the server, end with it (Linux sends SIGTERM when the parent dies)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    from .. import render  # noqa: F401  the renderers, imported once per worker: the first render is not slower


def render_file(plan: Plan, kind: str, path: Path, workbook_folder: Path, options: Mapping[str, object]) -> str | None:
    """Render ``kind`` into ``path`` (in a worker); the Italian message of a failure, None on success."""
    from ..batch import session_folder
    from ..render import render

    try:
        with session_folder():  # the render's temporary files (LibreOffice's profile) go with it
            render(plan, kind, path, workbook_folder=workbook_folder, **dict(options))  # type: ignore[arg-type]
    except PianodocsError as error:
        return str(error)
    except Exception as error:  # a bug of pianodocs: said as the command line says it, the server goes on
        return f"errore interno imprevisto ({type(error).__name__}: {error})"
    return None


def preview_pages(pdf: Path, folder: Path) -> tuple[int, int]:
    """Write ``pagina-N.png`` for the first pages of ``pdf`` (in a worker); return (images made, pages in all)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        count = len(document)
        for index in range(min(count, MAX_PREVIEW_PAGES)):
            page = document[index]
            scale = PREVIEW_WIDTH / page.get_width()
            page.render(scale=scale).to_pil().save(folder / f"pagina-{index + 1}.png", optimize=True)
            page.close()
    finally:
        document.close()
    return min(count, MAX_PREVIEW_PAGES), count


def write_zip(target: Path, files: Sequence[tuple[Path, str]]) -> None:
    """A ZIP of ``files``, each (path, name in the archive)."""
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path, name in files:
            archive.write(path, name)


class Jobs:
    """The worker processes and the jobs of a server, by identifier (each job belongs to one upload)."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool: Executor | None = None
        self._jobs: dict[str, RenderJob] = {}
        self._tasks: set[asyncio.Task[None]] = set()

    def start(self) -> None:
        context = multiprocessing.get_context("spawn")  # not fork: the server runs threads
        self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=context, initializer=_worker_started)
        for _ in range(self.workers):
            self._pool.submit(os.getpid)  # start the workers now, so the first render does not wait for them

    def close(self) -> None:
        """Stop the jobs and the workers now, a render in progress too (its draft goes with the server's folder)."""
        for task in self._tasks:
            task.cancel()
        if isinstance(self._pool, ProcessPoolExecutor):
            processes = list(self._pool._processes.values())  # the executor gives no public way to stop its workers
            self._pool.shutdown(wait=False, cancel_futures=True)
            for process in processes:
                with contextlib.suppress(ProcessLookupError, ValueError):
                    process.terminate()
            for process in processes:
                with contextlib.suppress(ValueError):
                    process.join(5)
        self._pool = None

    def get(self, identifier: str) -> RenderJob | None:
        return self._jobs.get(identifier)

    def forget(self, folder: Path) -> None:
        """Forget the jobs whose files were in ``folder`` (an upload removed)."""
        for key in [key for key, job in self._jobs.items() if folder in job.folder.parents]:
            del self._jobs[key]

    async def call(self, function: Callable[..., object], *arguments: object) -> object:
        if self._pool is None:
            raise RuntimeError("i processi di generazione non sono avviati")
        return await asyncio.wrap_future(self._pool.submit(function, *arguments))

    def launch(self, job: RenderJob, work: Callable[[RenderJob], object]) -> None:
        """Run ``work(job)`` (a coroutine function) in the background; an unexpected failure ends the job with its message."""
        self._jobs[job.identifier] = job

        async def running() -> None:
            try:
                await work(job)  # type: ignore[misc]
            except Exception as error:
                job.errors.append(f"errore interno imprevisto ({type(error).__name__}: {error})")
            finally:
                job.finished = True
                job.current = "finito"

        task = asyncio.get_running_loop().create_task(running())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def new(self, upload_folder: Path, title: str, total: int) -> RenderJob:
        identifier = new_identifier()
        folder = upload_folder / "lavori" / identifier
        folder.mkdir(parents=True, mode=0o700)
        return RenderJob(identifier, title, folder, total)
