"""What each render of the web page does, step by step, in the worker processes of :class:`~.jobs.Jobs`.

:func:`render_kind`: each format asked for, then the preview images of the PDF's pages. :func:`render_all`:
every document ``pianodocs render all`` makes, side by side, the open-data files, then one ZIP. The files
are downloaded under names saying chamber, kind and year (:func:`~.forms.download_name`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from pathlib import Path

from ..model import Plan
from .forms import download_name
from .jobs import Download, Jobs, RenderJob, preview_pages, render_file, write_zip

FORMAT_LABELS = {".pdf": "PDF", ".docx": "DOCX (Word)"}


def steps_of_kind(formats: Sequence[str]) -> int:
    return len(formats) + (".pdf" in formats)


async def render_kind(
    jobs: Jobs,
    job: RenderJob,
    plan: Plan,
    kind: str,
    formats: Sequence[str],
    options: Mapping[str, object],
    workbook_folder: Path,
    year: int | None,
) -> None:
    """Render ``kind`` in each of ``formats`` side by side (as the workers allow); the PDF's pages then as images."""
    phases: dict[str, str] = {}

    def say(suffix: str, phase: str | None) -> None:
        if phase is None:
            phases.pop(suffix, None)
        else:
            phases[suffix] = phase
        job.current = ", ".join(phases.values()) or "quasi finito"

    async def one(suffix: str) -> None:
        label = FORMAT_LABELS[suffix].split()[0]
        say(suffix, f"generazione del {label}")
        path = job.folder / f"documento{suffix}"
        error = await jobs.call(render_file, plan, kind, path, workbook_folder, dict(options))
        job.done += 1
        if error is not None:
            job.errors.append(f"{label}: {error}")
            job.done += suffix == ".pdf"  # no preview without the PDF
            say(suffix, None)
            return
        job.downloads.append(Download(suffix[1:], path, download_name(plan, kind, suffix, year), FORMAT_LABELS[suffix]))
        if suffix == ".pdf":
            say(suffix, "anteprima delle pagine")
            pages = await jobs.call(preview_pages, path, job.folder)
            job.pages, job.page_count = pages  # type: ignore[misc]
            job.done += 1
        say(suffix, None)

    await asyncio.gather(*(one(suffix) for suffix in formats))
    job.downloads.sort(key=lambda download: download.key != "pdf")


async def render_all(
    jobs: Jobs, job: RenderJob, plan: Plan, kinds: Sequence[str], workbook_folder: Path, year: int | None
) -> None:
    """Every applicable kind in PDF and DOCX (two at a time, as the workers allow), the open data, one ZIP."""
    from ..export import write_export

    documents = job.folder / "documenti"
    documents.mkdir()
    files: list[tuple[Path, str]] = []

    async def one(kind: str, suffix: str) -> None:
        name = download_name(plan, kind, suffix, year)
        path = documents / name
        error = await jobs.call(render_file, plan, kind, path, workbook_folder, {})
        job.done += 1
        job.current = f"{job.done} di {job.total} documenti"
        if error is None:
            files.append((path, name))
        else:
            job.errors.append(f"{name}: {error}")

    job.current = "generazione dei documenti"
    await asyncio.gather(*(one(kind, suffix) for kind in kinds for suffix in (".pdf", ".docx")))
    stem = download_name(plan, "dati", "", year) + "_"  # as the open data downloaded alone
    opened = await asyncio.to_thread(write_export, plan, documents, stem=stem)
    files.sort(key=lambda item: item[1])
    files.extend((path, path.name) for path in opened)
    job.current = "archivio ZIP"
    target = job.folder / "documenti.zip"
    await asyncio.to_thread(write_zip, target, files)
    job.contents = [name for _, name in files]
    job.done += 1
    job.downloads.append(Download("zip", target, download_name(plan, "documenti", ".zip", year), "ZIP di tutti i documenti"))
