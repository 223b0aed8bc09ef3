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

A DOCX that states its own page count (the annex) is counted the same way,
each round of its count (:func:`pianodocs.render.render_counting_pages`) kept
under the file's parts but its core properties, the only part holding the
date of the render (metadata, never printed): the same annex rendered again,
another day, does not wait for LibreOffice either.

The folder is ``$XDG_CACHE_HOME/pianodocs/impaginazione`` (``~/.cache/...``
without it, :mod:`pianodocs.content_cache`); deleting it is always safe. An
entry that cannot be read or written is ignored: the cache never stops a render.
"""

from __future__ import annotations

import contextlib
import json
import os
import zipfile
from io import BytesIO
from pathlib import Path

from ... import content_cache

CACHE_FORMAT = 1
"""Raised when what an entry holds changes: older entries are then never read."""

FOLDER = "impaginazione"
HYPHENATION_FOLDER = Path("/usr/share/hyphen")
"""Where Debian's LibreOffice finds its hyphenation patterns (``hyphen-it``)."""

DATED_PART = "docProps/core.xml"
"""The part of a DOCX holding its dates (made, last changed): they differ at every render and are never printed."""

Outline = list[tuple[str, int | None]]
"""Each heading of the draft's PDF outline, in order: its normalised title and its page (0-based)."""


def cache_folder() -> Path:
    """The folder of the pagination cache, in the user's cache folder."""
    return content_cache.folder(FOLDER)


def cache_key(draft: bytes, soffice: str) -> str:
    """The key of ``draft`` laid out by the LibreOffice that ``soffice`` starts, as the machine is set up now."""
    return content_cache.digest(f"impaginazione-{CACHE_FORMAT}", [draft, *_layout_environment(soffice)])


def count_key(docx: bytes, soffice: str) -> str:
    """The key of the page count of ``docx`` by that LibreOffice: every part of the file but its dates."""
    with zipfile.ZipFile(BytesIO(docx)) as archive:
        parts = [
            part for name in sorted(archive.namelist()) if name != DATED_PART for part in (name.encode(), archive.read(name))
        ]
    return content_cache.digest(f"pagine-{CACHE_FORMAT}", [*parts, *_layout_environment(soffice)])


def _layout_environment(soffice: str) -> list[bytes]:
    """What besides the draft decides LibreOffice's pages: its version, its hyphenation patterns, the fontconfig."""
    program = Path(soffice).resolve()
    parts = [str(program).encode()]
    version = program.parent / "versionrc"  # LibreOffice's build and version, beside the soffice it runs
    with contextlib.suppress(OSError):
        parts.append(version.read_bytes() if version.is_file() else content_cache.stamp(program))
    with contextlib.suppress(OSError):
        parts.extend(content_cache.stamp(path) for path in sorted(HYPHENATION_FOLDER.iterdir()))
    parts.append(os.environ.get("FONTCONFIG_FILE", "").encode())
    return parts


def load(key: str) -> Outline | None:
    """The outline stored under ``key``, or None (never stored, or unreadable)."""
    stored = content_cache.load(FOLDER, key, ".json")
    if stored is None:
        return None
    try:
        return [(str(title), page if isinstance(page, int) else None) for title, page in json.loads(stored)]
    except (ValueError, TypeError):
        return None


def store(key: str, outline: Outline) -> None:
    """Keep ``outline`` under ``key``, written whole or not at all."""
    content_cache.store(FOLDER, key, ".json", json.dumps(outline, ensure_ascii=False).encode("utf-8"))


def load_count(key: str) -> int | None:
    """The page count stored under ``key``, or None (never stored, or unreadable)."""
    stored = content_cache.load(FOLDER, key, ".pagine")
    try:
        pages = int(stored) if stored is not None else None
    except ValueError:
        return None
    return pages if pages is not None and pages > 0 else None


def store_count(key: str, pages: int) -> None:
    """Keep the page count ``pages`` under ``key``."""
    content_cache.store(FOLDER, key, ".pagine", str(pages).encode())
