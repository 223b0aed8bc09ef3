"""The web application put together: settings, storage, worker processes, routes; and the server that runs it.

:func:`create_app` builds the Starlette application for some :class:`Settings`; its lifespan starts the
worker processes and a task that removes expired uploads, and at the end removes the private folder.
:func:`serve` runs it with uvicorn (``pianodocs serve``), on 127.0.0.1 unless told otherwise.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

import attrs
from starlette.applications import Starlette
from starlette.formparsers import MultiPartParser
from starlette.middleware import Middleware

from ..batch import default_workers
from .jobs import Jobs
from .storage import BodyLimit, Storage

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_UPLOAD_MB = 20
DEFAULT_RETENTION_MINUTES = 60


@attrs.frozen
class Settings:
    """What ``pianodocs serve`` is told: the upload limit (bytes), how long uploads are kept (seconds), the workers."""

    upload_limit: int = DEFAULT_UPLOAD_MB * 1024 * 1024
    retention_seconds: float = DEFAULT_RETENTION_MINUTES * 60.0
    workers: int = attrs.field(factory=default_workers)
    storage_parent: Path | None = None  # where the private folder is made (None: the system's temporary folder)


class State:
    """What the routes share: the settings, the uploads, the jobs."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.storage = Storage(settings.retention_seconds, settings.storage_parent)
        self.jobs = Jobs(settings.workers)

    def remove_expired(self) -> None:
        for identifier in self.storage.remove_expired():
            self.jobs.forget(self.storage.root / identifier)


def create_app(settings: Settings | None = None) -> Starlette:
    """The web application; its private folder exists from now until its lifespan ends."""
    from .routes import not_found, routes

    settings = settings or Settings()
    state = State(settings)
    # an uploaded file stays in memory up to the upload limit (the body is never longer): the multipart parser
    # then never spools it to a temporary file outside the private folder
    MultiPartParser.spool_max_size = max(MultiPartParser.spool_max_size, settings.upload_limit + 1024 * 1024)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        state.jobs.start()
        sweeper = asyncio.get_running_loop().create_task(_sweep(state))
        try:
            yield
        finally:
            sweeper.cancel()
            state.jobs.close()
            state.storage.close()

    app = Starlette(
        routes=routes(),
        middleware=[Middleware(BodyLimit, limit=settings.upload_limit)],
        exception_handlers={404: not_found},
        lifespan=lifespan,
    )
    app.state.pianodocs = state
    return app


async def _sweep(state: State) -> None:
    """Remove expired uploads every little while (each request also does, before it looks an upload up)."""
    interval = max(0.5, min(60.0, state.settings.retention_seconds / 4))
    while True:
        await asyncio.sleep(interval)
        state.remove_expired()


def _loopback(host: str) -> bool:
    """Whether ``host`` is reached from this computer only."""
    import ipaddress

    try:
        return host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, settings: Settings | None = None) -> None:
    """Run the web page until Ctrl-C; every temporary file of the server inside one session folder, removed at the end."""
    import uvicorn

    from ..batch import session_folder

    with session_folder():
        app = create_app(settings)
        print(f"pianodocs: pagina web su http://{host}:{port}/ (Ctrl-C per fermarla)", flush=True)
        if not _loopback(host):
            print(
                f"pianodocs: avviso: la pagina è raggiungibile da altri computer ({host}) e non chiede né utente né "
                "password: usarla solo in una rete dell'ufficio o dietro un accesso protetto (docs/web.md).",
                flush=True,
            )
        uvicorn.run(app, host=host, port=port, log_level="warning")
