"""The web page's addresses: upload and check, render and follow, preview and download, compare, blank template.

Each handler reads the request, calls the library as the command line does, and draws an Italian page from
``templates/web/`` with the documents' Jinja environment (autoescape on: every text of a workbook is escaped).
An address naming an upload or a job this server did not make, or no longer keeps, is a 404.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import tempfile
import time
from collections.abc import Awaitable, Callable, Mapping
from pathlib import Path
from typing import Any

import attrs
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from ..errors import PianodocsError, Problem, Severity, ValidationError
from ..kinds import OptionError, checked_options, registry
from ..model import Plan
from ..templating import environment
from .app import State
from .forms import (
    ORIGINAL_FIELD,
    REVISIONS_OPTION,
    FormError,
    download_name,
    fields,
    named_year,
    options_from_form,
    takes_original,
    year_from_form,
)
from .jobs import RenderJob, write_zip
from .problems import SheetProblems, grouped
from .storage import TooLarge, Upload, is_identifier, too_large_message
from .work import render_all, render_kind, steps_of_kind

_environment = environment()


def page(template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(_environment.get_template(f"web/{template}").render(**context), status_code=status_code)


def _state(request: Request) -> State:
    state: State = request.app.state.pianodocs
    state.remove_expired()
    return state


def _upload(request: Request) -> Upload:
    upload = _state(request).storage.get(request.path_params["upload"])
    if upload is None:
        raise HTTPException(404)
    return upload


def _job(request: Request, upload: Upload) -> RenderJob:
    identifier = request.path_params["job"]
    job = _state(request).jobs.get(identifier) if is_identifier(identifier) else None
    if job is None or upload.folder not in job.folder.parents:  # another upload's job is not found from this one
        raise HTTPException(404)
    return job


async def _form(request: Request) -> FormData:
    """The request's form; :class:`TooLarge` past the upload limit (the body is read no further).

    Its files are closed when the handler ends (:func:`_closing_form`).
    """
    form = await request.form(max_files=2, max_fields=50)
    request.state.form = form
    return form


def _closing_form(handler: Callable[[Request], Awaitable[Response]]) -> Callable[[Request], Awaitable[Response]]:
    """``handler``, then the files of the form it read closed (each is held in memory until then)."""

    async def handle(request: Request) -> Response:
        try:
            return await handler(request)
        finally:
            form = getattr(request.state, "form", None)
            if form is not None:
                await form.close()

    return handle


def _file(form: FormData, name: str) -> UploadFile | None:
    value = form.get(name)
    return value if isinstance(value, UploadFile) and (value.filename or value.size) else None


async def _stored(state: State, file: UploadFile) -> Upload:
    """Save an uploaded workbook under a new identifier and check it as ``pianodocs validate`` does."""
    from ..workbook.loader import load_workbook

    upload = state.storage.add(await file.read(), file.filename)
    warnings: list[Problem] = []
    try:  # in a thread: another person's request is answered meanwhile
        upload.plan = await asyncio.to_thread(load_workbook, upload.workbook, warnings)
        upload.problems = tuple(warnings)
    except ValidationError as error:
        upload.problems = error.problems
    except PianodocsError as error:
        upload.problems = (Problem(None, None, str(error)),)
    upload.created = time.monotonic()  # kept for the retention time from now, when it can be looked at
    return upload


def _too_large(state: State) -> HTMLResponse:
    return page("home.html", 413, error=too_large_message(state.settings.upload_limit), **_home_context(state))


def _home_context(state: State) -> dict[str, Any]:
    year = dt.date.today().year
    return {"limit_mb": state.settings.upload_limit // (1024 * 1024) or 1, "this_year": year}


async def home(request: Request) -> HTMLResponse:
    return page("home.html", error=None, **_home_context(_state(request)))


async def upload_workbook(request: Request) -> Response:
    state = _state(request)
    try:
        form = await _form(request)
    except TooLarge:
        return _too_large(state)
    file = _file(form, "workbook")
    if file is None:
        return page("home.html", 400, error="Scegliere un file .xlsx da caricare.", **_home_context(state))
    upload = await _stored(state, file)
    return RedirectResponse(f"/w/{upload.identifier}", status_code=303)


def _workbook_context(upload: Upload) -> dict[str, Any]:
    from ..render import applicability

    plan = upload.plan
    has_errors = any(problem.severity is Severity.ERROR for problem in upload.problems)
    kinds = []
    if plan is not None:
        for kind in registry().kinds.values():
            why = applicability(plan, kind.name)
            kinds.append({"kind": kind, "applies": bool(why), "reason": why.reason.rstrip(". "), "fields": fields(kind)})
        kinds.sort(key=lambda entry: not entry["applies"])  # those that apply first, in the registry's order
    return {
        "upload": upload,
        "plan": plan,
        "has_errors": has_errors,
        "errors": sum(problem.severity is Severity.ERROR for problem in upload.problems),
        "warnings": sum(problem.severity is Severity.WARNING for problem in upload.problems),
        "groups": _grouped_problems(upload),
        "kinds": kinds,
        "takes_original": takes_original,
        "original_field": ORIGINAL_FIELD,
    }


def _grouped_problems(upload: Upload) -> tuple[SheetProblems, ...]:
    """The upload's problems by sheet with its sheets' rows: read from the file the first time, then kept."""
    if upload.grouped_problems is None:
        upload.grouped_problems = grouped(upload.problems, upload.workbook if upload.problems else None)
    return upload.grouped_problems


async def workbook_page(request: Request) -> HTMLResponse:
    upload = _upload(request)
    context = await asyncio.to_thread(_workbook_context, upload)  # the sheets' rows are read from the file once
    return page("workbook.html", 200 if upload.plan is not None else 422, message=None, **context)


async def start_render(request: Request) -> Response:
    from ..render import applicable_kinds

    state, upload = _state(request), _upload(request)
    if upload.plan is None:
        raise HTTPException(404)
    kind_name = request.path_params["kind"]
    try:
        form = await _form(request)
    except TooLarge:
        return page("workbook.html", 413, message=too_large_message(state.settings.upload_limit), **_workbook_context(upload))
    plan = upload.plan
    try:
        year = year_from_form(plan, _texts(form))
        if year is not None:
            plan = attrs.evolve(plan, reference_year=year)
        if kind_name == "tutti":
            kinds = applicable_kinds(plan)
            job = state.jobs.new(upload.folder, "Tutti i documenti (PDF e DOCX) e i dati aperti", 2 * len(kinds) + 1)
            state.jobs.launch(job, lambda job: render_all(state.jobs, job, plan, kinds, upload.folder, year))
            return RedirectResponse(f"/w/{upload.identifier}/lavori/{job.identifier}", status_code=303)
        kind = registry().kinds.get(kind_name)
        if kind is None:
            raise HTTPException(404)
        options = options_from_form(kind, _texts(form))
        if takes_original(kind) and (original := _file(form, ORIGINAL_FIELD)) is not None:
            options[REVISIONS_OPTION] = await _revisions(state, original, plan, options)
        checked_options(kind, options)  # a missing or wrong option is said here, before any work
        formats = [suffix for suffix in (".pdf", ".docx") if form.get(f"formato{suffix}")] or [".pdf"]
    except (FormError, OptionError) as error:
        return page("workbook.html", 400, message=str(error), **_workbook_context(upload))
    job = state.jobs.new(upload.folder, kind.title, steps_of_kind(formats))
    named = named_year(plan, kind, year)
    state.jobs.launch(job, lambda job: render_kind(state.jobs, job, plan, kind.name, formats, options, upload.folder, named))
    return RedirectResponse(f"/w/{upload.identifier}/lavori/{job.identifier}", status_code=303)


def _texts(form: FormData) -> dict[str, str]:
    return {key: value for key, value in form.items() if isinstance(value, str)}


async def _revisions(state: State, file: UploadFile, plan: Plan, options: Mapping[str, object]) -> object:
    """The revisions from the original workbook to this one, as ``--rispetto-a`` makes them (the act: chosen or latest)."""
    from ..diff import revisions_from_diff

    original = await _stored(state, file)
    if original.plan is None:
        shown = "; ".join(str(problem) for problem in original.problems if problem.severity is Severity.ERROR)
        raise FormError(f"Il workbook originale ({original.name}) non è valido: {shown[:600]}")
    act = options.get("atto") or _latest_act(plan)
    if act is None:
        raise FormError(
            "Per confrontare con l'originale serve l'atto della deliberazione: indicarlo o aggiungerlo al foglio Atti."
        )
    return revisions_from_diff(original.plan, plan, str(act))


def _latest_act(plan: Plan) -> str | None:
    """The act of the latest date, as ``--rispetto-a`` takes it when no act is given."""
    dated = [act for act in plan.acts if act.date is not None]
    return max(dated, key=lambda act: act.date or dt.date.min).code if dated else None


async def job_page(request: Request) -> HTMLResponse:
    upload = _upload(request)
    job = _job(request, upload)
    return page("job.html", upload=upload, job=job)


async def job_status(request: Request) -> JSONResponse:
    upload = _upload(request)
    return JSONResponse(_job(request, upload).status())


async def preview_image(request: Request) -> FileResponse:
    upload = _upload(request)
    job = _job(request, upload)
    number = request.path_params["number"]
    if not 1 <= number <= job.pages:
        raise HTTPException(404)
    return FileResponse(job.folder / f"pagina-{number}.png", media_type="image/png")


async def download(request: Request) -> FileResponse:
    upload = _upload(request)
    file = _job(request, upload).download(request.path_params["key"])
    if file is None:
        raise HTTPException(404)
    return FileResponse(file.path, filename=file.name)


async def open_data(request: Request) -> Response:
    """The open-data files (CSV and JSON of ``pianodocs export``) of a valid upload, in one ZIP."""
    from ..export import write_export

    upload = _upload(request)
    if upload.plan is None:
        raise HTTPException(404)
    with tempfile.TemporaryDirectory(dir=upload.folder) as folder:
        stem = download_name(upload.plan, "dati", "")
        written = write_export(upload.plan, Path(folder), stem=f"{stem}_")
        archive = Path(folder) / "dati-aperti.zip"
        write_zip(archive, [(path, path.name) for path in written])
        content = archive.read_bytes()
    name = f"{stem}.zip"
    return Response(content, media_type="application/zip", headers={"Content-Disposition": f'attachment; filename="{name}"'})


async def compare(request: Request) -> HTMLResponse:
    from ..diff import change_text, diff_plans, summary

    state = _state(request)
    try:
        form = await _form(request)
    except TooLarge:
        return _too_large(state)
    old_file, new_file = _file(form, "vecchio"), _file(form, "nuovo")
    if old_file is None or new_file is None:
        return page(
            "home.html", 400, error="Per il confronto scegliere due workbook: il vecchio e il nuovo.", **_home_context(state)
        )
    old, new = await _stored(state, old_file), await _stored(state, new_file)
    if old.plan is None or new.plan is None:
        refused = [upload for upload in (old, new) if upload.plan is None]
        return page("diff.html", 422, diff=None, refused=refused, old=old, new=new, groups=grouped)
    changes = diff_plans(old.plan, new.plan, old_file=old.name, new_file=new.name)
    rows = [(change, change_text(changes, change)) for change in changes.changes]
    return page("diff.html", diff=changes, rows=rows, summary=summary(changes), refused=[], old=old, new=new, groups=grouped)


async def blank_template(request: Request) -> Response:
    from ..workbook.template import write_blank_workbook

    state = _state(request)
    this_year = dt.date.today().year
    try:
        first = int(request.query_params.get("primo_anno") or this_year)
        last = int(request.query_params.get("ultimo_anno") or first + 2)
    except ValueError:
        first, last = 0, -1
    if not 1990 <= first <= last <= first + 20:
        return page(
            "home.html",
            400,
            error="Anni del modello non validi: il primo tra 1990 e l'ultimo, al più 20 anni.",
            **_home_context(state),
        )
    with tempfile.TemporaryDirectory(dir=state.storage.root) as folder:
        path = Path(folder) / "modello.xlsx"
        write_blank_workbook(path, first, last)
        content = path.read_bytes()
    name = f"pianodocs-modello_{first}-{last}.xlsx"
    return Response(
        content,
        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


async def not_found(request: Request, exc: Exception) -> HTMLResponse:
    return page("not_found.html", 404)


def routes() -> list[BaseRoute]:
    return [
        Route("/", home),
        Route("/carica", _closing_form(upload_workbook), methods=["POST"]),
        Route("/confronta", _closing_form(compare), methods=["POST"]),
        Route("/modello", blank_template),
        Route("/w/{upload}", workbook_page),
        Route("/w/{upload}/dati-aperti", open_data),
        Route("/w/{upload}/genera/{kind}", _closing_form(start_render), methods=["POST"]),
        Route("/w/{upload}/lavori/{job}", job_page),
        Route("/w/{upload}/lavori/{job}/stato", job_status),
        Route("/w/{upload}/lavori/{job}/pagina/{number:int}.png", preview_image),
        Route("/w/{upload}/lavori/{job}/file/{key}", download),
    ]
