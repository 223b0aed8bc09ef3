"""Where the web page keeps what people upload: one private folder per server, one random identifier per upload.

Nothing from the request names a file: an upload is saved as ``workbook.xlsx`` in ``<root>/<id>/``, where
``root`` is made by :func:`tempfile.mkdtemp` (mode 0700) and ``id`` by :func:`secrets.token_urlsafe`; an
identifier that is not one this server made is not found (404). Uploads older than the retention time are
removed with everything rendered from them. :class:`BodyLimit` stops reading a request body past the size
limit, so a too large upload never reaches the disk.
"""

from __future__ import annotations

import re
import secrets
import shutil
import tempfile
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

import attrs

from ..errors import Problem, printable
from ..model import Plan
from .problems import SheetProblems

WORKBOOK_NAME = "workbook.xlsx"
"""The fixed name every uploaded workbook is saved under (the name the person gave is only shown)."""

_IDENTIFIER = re.compile(r"^[A-Za-z0-9_-]{22}$")  # secrets.token_urlsafe(16)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def new_identifier() -> str:
    return secrets.token_urlsafe(16)


def is_identifier(text: str) -> bool:
    """Whether ``text`` has the shape of an identifier this module makes (never a path: no dot, no slash)."""
    return bool(_IDENTIFIER.fullmatch(text))


def shown_name(filename: str | None) -> str:
    """The name of an uploaded file as it is shown: its last part only, printable (never used on the disk)."""
    name = PureWindowsPath(PurePosixPath(filename or "").name).name
    return printable(name)[:120] or "workbook.xlsx"


@attrs.define
class Upload:
    """One uploaded workbook: its folder, the name it was given, what loading it found."""

    identifier: str
    folder: Path
    name: str
    created: float
    problems: tuple[Problem, ...] = ()
    plan: Plan | None = None
    # the problems by sheet with the sheets' rows (:func:`.problems.grouped`), read from the file once, when first shown
    grouped_problems: tuple[SheetProblems, ...] | None = None

    @property
    def workbook(self) -> Path:
        return self.folder / WORKBOOK_NAME


class Storage:
    """The uploads of one server, in a private temporary folder removed by :meth:`close`."""

    def __init__(self, retention_seconds: float, parent: Path | None = None) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="pianodocs-web-", dir=parent))  # mode 0700: this user's only
        self.retention_seconds = retention_seconds
        self._uploads: dict[str, Upload] = {}
        self._lock = threading.Lock()

    def add(self, content: bytes, filename: str | None) -> Upload:
        """Save ``content`` as a new upload under a new identifier."""
        identifier = new_identifier()
        folder = self.root / identifier
        folder.mkdir(mode=0o700)
        (folder / WORKBOOK_NAME).write_bytes(content)
        upload = Upload(identifier, folder, shown_name(filename), time.monotonic())
        with self._lock:
            self._uploads[identifier] = upload
        return upload

    def get(self, identifier: str) -> Upload | None:
        """The upload with ``identifier``, or None (unknown, malformed or removed)."""
        if not is_identifier(identifier):
            return None
        with self._lock:
            return self._uploads.get(identifier)

    def remove_expired(self, now: float | None = None) -> list[str]:
        """Remove the uploads older than the retention time, with their files; return their identifiers."""
        now = time.monotonic() if now is None else now
        with self._lock:
            expired = [key for key, upload in self._uploads.items() if now - upload.created > self.retention_seconds]
            for key in expired:
                del self._uploads[key]
        for key in expired:
            shutil.rmtree(self.root / key, ignore_errors=True)
        return expired

    def close(self) -> None:
        with self._lock:
            self._uploads.clear()
        shutil.rmtree(self.root, ignore_errors=True)


class TooLarge(Exception):
    """The request body passed the size limit: reading it stopped there."""

    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.limit = limit


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB" if size >= 1024 * 1024 else f"{max(1, size // 1024)} KB"


def too_large_message(limit: int) -> str:
    return f"Il file è troppo grande: il limite è {megabytes(limit)}. Nessun file è stato salvato."


class BodyLimit:
    """ASGI middleware: a request body longer than ``limit`` bytes raises :class:`TooLarge` in whoever reads it.

    A declared ``Content-Length`` over the limit is refused before a byte is read; otherwise the bytes are
    counted as they arrive, so the limit holds for a body sent in chunks too.
    """

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or ()).get(b"content-length")
        over = declared is not None and declared.isdigit() and int(declared) > self.limit
        received = 0

        async def limited() -> Message:
            nonlocal received
            if over:
                raise TooLarge(self.limit)
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise TooLarge(self.limit)
            return message

        await self.app(scope, limited, send)
