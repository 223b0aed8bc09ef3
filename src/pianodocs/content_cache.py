"""Results kept in the user's cache folder, each under the digest of everything that decides it.

Some steps of a render cost seconds and give the same result for the same
input: LibreOffice's layout of a DOCX draft (:mod:`.backends.docx.pagination_cache`),
a drawing rasterised for Word (:mod:`.backends.docx.figures`). Each is kept
in a folder of its own under ``$XDG_CACHE_HOME/pianodocs`` (``~/.cache/...``
without it), named by the SHA-256 of its input and of the programs and files
that shape it, so any change to them makes another key and the step runs
again. Deleting the folder is always safe; an entry that cannot be read or
written is ignored: the cache never stops a render. Each folder keeps at most
:data:`~pianodocs.limits.MAX_CACHE_ENTRIES` entries: storing one more removes
those used longest ago (an entry read is used anew), so a machine that renders
many plans, the web page's above all, does not fill its disk.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from . import limits


def folder(name: str) -> Path:
    """The cache folder ``name`` (``impaginazione``, ``figure``) in the user's cache folder."""
    root = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(root) / "pianodocs" / name


def digest(label: str, parts: Iterable[bytes]) -> str:
    """The key of an entry: ``label`` (its kind and format) and every part that decides it, unambiguously joined."""
    hashed = hashlib.sha256(f"pianodocs-{label}\0".encode())
    for part in parts:
        hashed.update(len(part).to_bytes(8, "big") + part)
    return hashed.hexdigest()


def stamp(path: Path) -> bytes:
    """What says a file changed, without reading it: its name, size and time of change (empty when it is missing)."""
    try:
        status = path.stat()
    except OSError:
        return b""
    return f"{path.name}:{status.st_size}:{status.st_mtime_ns}".encode()


def load(name: str, key: str, suffix: str) -> bytes | None:
    """The entry ``key`` of the folder ``name``, or None (never stored, or unreadable); it counts as used now."""
    try:
        path = folder(name) / f"{key}{suffix}"
        data = path.read_bytes()
    except (OSError, RuntimeError):  # RuntimeError: no home folder to find the cache in
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # the last of the folder to be removed when it is full
    return data


def store(name: str, key: str, suffix: str, data: bytes) -> None:
    """Keep ``data`` as the entry ``key``, written whole or not at all (two renders may store the same key at once);
    then remove the entries used longest ago beyond :data:`~pianodocs.limits.MAX_CACHE_ENTRIES`."""
    with contextlib.suppress(OSError, RuntimeError):  # RuntimeError: no home folder to keep the cache in
        target = folder(name)
        target.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target, prefix=f".{key}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(temporary, target / f"{key}{suffix}")
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
        _prune(target)


def _prune(target: Path) -> None:
    """Remove the entries of ``target`` used longest ago, beyond :data:`~pianodocs.limits.MAX_CACHE_ENTRIES`."""
    used: list[tuple[int, str]] = []
    for entry in os.scandir(target):
        with contextlib.suppress(OSError):  # another render may remove it meanwhile
            if not entry.name.startswith(".") and entry.is_file():
                used.append((entry.stat().st_mtime_ns, entry.path))
    for _, path in sorted(used)[: max(0, len(used) - limits.MAX_CACHE_ENTRIES)]:
        with contextlib.suppress(OSError):
            os.unlink(path)
