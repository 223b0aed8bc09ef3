"""Render several documents of one plan at once, in parallel processes (``pianodocs render all``).

Each document is an independent job written atomically, so jobs can run side by
side on the machine's cores; an outcome reports each job as it finishes, with
the error message of a job that failed (the others go on).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

import attrs

from .errors import PianodocsError
from .model import Plan


@attrs.frozen
class Job:
    kind: str
    path: Path
    options: Mapping[str, object] = attrs.field(factory=dict)


@attrs.frozen
class Outcome:
    job: Job
    seconds: float
    error: str | None = None


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
) -> Iterator[Outcome]:
    """Render ``jobs``, yielding each outcome as it finishes (in completion order when parallel)."""
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            yield render_job(plan, job, workbook_folder, template_dir)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(render_job, plan, job, workbook_folder, template_dir) for job in jobs]
        try:
            for future in as_completed(futures):
                yield future.result()
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise


def render_job(plan: Plan, job: Job, workbook_folder: Path | None, template_dir: Path | None) -> Outcome:
    """One job; a failure becomes the outcome's message (exceptions do not cross processes well)."""
    from .render import render

    started = time.monotonic()
    try:
        render(plan, job.kind, job.path, workbook_folder=workbook_folder, template_dir=template_dir, **job.options)
    except PianodocsError as error:
        return Outcome(job, time.monotonic() - started, str(error))
    except Exception as error:  # a bug: reported like the CLI reports one, without stopping the other jobs
        return Outcome(job, time.monotonic() - started, f"errore interno imprevisto ({type(error).__name__}: {error})")
    return Outcome(job, time.monotonic() - started)
