"""Where LibreOffice put the headings of a DOCX draft, kept in the user's cache folder by the draft's content.

Laying out a draft with LibreOffice (:mod:`.pagination`) takes seconds, and
the same plan rendered again gives the same draft: its outline (each heading's
title and page) is stored under a key made of the draft's bytes and of what
else decides where LibreOffice breaks the pages — its version, its
hyphenation patterns and the fontconfig set-up it is given (the draft embeds
its own fonts, :mod:`.fonts`). A changed byte, another LibreOffice or other
patterns make another key, and LibreOffice lays the draft out again: the
SOMMARIO's numbers stay those of a true layout. The first render of a plan
(the cold case) still waits for LibreOffice; the cache only spares repeating it.

The folder is ``$XDG_CACHE_HOME/pianodocs/impaginazione`` (``~/.cache/...``
without it); deleting it is always safe. An entry that cannot be read or
written is ignored: the cache never stops a render.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from pathlib import Path

CACHE_FORMAT = 1
"""Raised when what an entry holds changes: older entries are then never read."""

HYPHENATION_FOLDER = Path("/usr/share/hyphen")
"""Where Debian's LibreOffice finds its hyphenation patterns (``hyphen-it``)."""

Outline = list[tuple[str, int | None]]
"""Each heading of the draft's PDF outline, in order: its normalised title and its page (0-based)."""


def cache_folder() -> Path:
    """The folder of the pagination cache, in the user's cache folder."""
    root = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(root) / "pianodocs" / "impaginazione"


def cache_key(draft: bytes, soffice: str) -> str:
    """The key of ``draft`` laid out by the LibreOffice that ``soffice`` starts, as the machine is set up now."""
    digest = hashlib.sha256()
    digest.update(f"pianodocs-impaginazione-{CACHE_FORMAT}\0".encode())
    digest.update(draft)
    for part in _layout_environment(soffice):
        digest.update(b"\0" + part)
    return digest.hexdigest()


def _layout_environment(soffice: str) -> list[bytes]:
    """What besides the draft decides LibreOffice's pages: its version, its hyphenation patterns, the fontconfig."""
    program = Path(soffice).resolve()
    parts = [str(program).encode()]
    version = program.parent / "versionrc"  # LibreOffice's build and version, beside the soffice it runs
    with contextlib.suppress(OSError):
        parts.append(version.read_bytes() if version.is_file() else _stat(program))
    with contextlib.suppress(OSError):
        parts.extend(f"{path.name}:{_stat(path).decode()}".encode() for path in sorted(HYPHENATION_FOLDER.iterdir()))
    parts.append(os.environ.get("FONTCONFIG_FILE", "").encode())
    return parts


def _stat(path: Path) -> bytes:
    status = path.stat()
    return f"{status.st_size}:{status.st_mtime_ns}".encode()


def load(key: str) -> Outline | None:
    """The outline stored under ``key``, or None (never stored, or unreadable)."""
    try:
        entries = json.loads((cache_folder() / f"{key}.json").read_text(encoding="utf-8"))
        return [(str(title), page if isinstance(page, int) else None) for title, page in entries]
    except (OSError, ValueError, TypeError):
        return None


def store(key: str, outline: Outline) -> None:
    """Keep ``outline`` under ``key``, written whole or not at all (two renders may store the same key at once)."""
    folder = cache_folder()
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{key}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                json.dump(outline, file, ensure_ascii=False)
            os.replace(temporary, folder / f"{key}.json")
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
