"""The SOMMARIO's page numbers: where each heading starts when LibreOffice lays out a draft of the DOCX.

Word writes a TOC's page numbers only when it updates the field; for the file
to carry them already, a draft is rendered, converted to PDF with LibreOffice
(:mod:`.libreoffice`) and each SOMMARIO heading looked up, in order, in the
PDF's outline. Without LibreOffice or pypdf, or when the conversion fails, the
SOMMARIO goes without numbers, with an avviso.

The draft is dated :data:`DRAFT_MOMENT` whatever the document's own date (the
date is metadata, never printed), so the same document gives the same draft,
and the outline LibreOffice gave it is kept by its content
(:mod:`.pagination_cache`): rendering the same plan again does not wait for
LibreOffice, and any change to the draft lays it out anew.

:func:`page_count` counts the pages of a DOCX that states them (the annex) as
LibreOffice lays it out, kept the same way by the file's content but its dates.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from docx.document import Document as WordDocument
from docx.oxml.ns import qn

from ...errors import PianodocsError
from ...view.model import Document, Heading
from . import pagination_cache
from .body import bookmark_names, in_summary
from .libreoffice import convert_with_libreoffice, find_soffice

logger = logging.getLogger(__name__)

DRAFT_MOMENT = datetime(2000, 1, 1, tzinfo=UTC)
"""The date of every draft: its bytes depend on the document only."""


def heading_pages(document: Document, draft: bytes) -> dict[str, int]:
    """Where each SOMMARIO heading of ``document`` starts when LibreOffice lays out ``draft`` (its DOCX without
    page numbers, dated :data:`DRAFT_MOMENT`): read from the PDF outline, or from the cache of that draft."""
    soffice = find_soffice()
    if soffice is None:
        logger.warning(
            "LibreOffice (soffice) non è installato: il SOMMARIO del DOCX resta senza numeri di pagina (Word li scrive "
            "all'apertura del file). Per averli nel file installare LibreOffice (Debian: libreoffice-writer-nogui)."
        )
        return {}
    key = pagination_cache.cache_key(draft, soffice)
    outline = pagination_cache.load(key)
    if outline is None:
        outline = _laid_out(draft)
        if outline is None:
            return {}
        pagination_cache.store(key, outline)
    pages: dict[str, int] = {}
    position = 0
    for heading in in_summary(document.headings):
        found = next((index for index in range(position, len(outline)) if outline[index][0] == _normalised(heading.text)), None)
        if found is None:
            logger.warning("Pagina del titolo %r non trovata: nel sommario del DOCX resta senza numero.", heading.text)
            continue
        page = outline[found][1]
        if page is not None:
            pages[heading.anchor] = page + 1
        position = found + 1
    return pages


def _laid_out(draft: bytes) -> pagination_cache.Outline | None:
    """The outline of ``draft`` as LibreOffice lays it out; None, with an avviso, when that cannot be had."""
    try:
        import pypdf  # noqa: F401  only here: a draft found in the cache does not pay for its import
    except ImportError:
        logger.warning("pypdf non è installato: il sommario del DOCX resta senza numeri di pagina.")
        return None
    try:
        reader = _libreoffice_pdf(draft)
    except PianodocsError as error:
        logger.warning("%s Il sommario del DOCX resta senza numeri di pagina.", error)
        return None
    return [(_normalised(item.title), reader.get_destination_page_number(item)) for item in _flat(reader.outline)]


def page_count(docx: bytes) -> int:
    """The pages of the DOCX ``docx`` as LibreOffice lays it out, or as it laid out the same file before (its
    dates aside, :func:`.pagination_cache.count_key`); :class:`PianodocsError` when LibreOffice cannot."""
    soffice = find_soffice()
    key = pagination_cache.count_key(docx, soffice) if soffice else None
    counted = pagination_cache.load_count(key) if key else None
    if counted is not None:
        return counted
    pages = len(_libreoffice_pdf(docx).pages)  # without soffice: its error
    if key:
        pagination_cache.store_count(key, pages)
    return pages


def _libreoffice_pdf(docx: bytes) -> Any:
    """The PDF LibreOffice makes of ``docx``, read whole by pypdf (a ``PdfReader``); :class:`PianodocsError` when
    LibreOffice cannot convert it."""
    from pypdf import PdfReader

    with tempfile.TemporaryDirectory(prefix="pianodocs-") as folder:
        path = Path(folder) / "bozza.docx"
        path.write_bytes(docx)
        return PdfReader(convert_with_libreoffice(path, Path(folder)))  # read into memory before the folder goes


def fill_page_numbers(word: WordDocument, headings: Sequence[Heading], pages: Mapping[str, int]) -> None:
    """Write ``pages`` into the SOMMARIO of the rendered ``word``: each entry's PAGEREF shows its heading's page.

    The entries were written without numbers (:class:`~.body.BodyWriter` with no pages): the result of each
    ``PAGEREF`` field, the run after its ``separate`` mark, gets the number, as if rendered with it.
    """
    bookmarks = bookmark_names(headings)
    wanted = {f" PAGEREF {bookmarks[anchor]} \\h ": str(number) for anchor, number in pages.items() if number}
    for instruction in word.element.body.iter(qn("w:instrText")):
        number = wanted.get(instruction.text or "")
        separate = instruction.getparent().getnext()
        result = separate.getnext() if separate is not None else None
        text = result.find(qn("w:t")) if result is not None else None
        if number is not None and text is not None:
            text.text = number


def _flat(outline: list[Any]) -> Iterable[Any]:
    for item in outline:
        if isinstance(item, list):
            yield from _flat(item)
        else:
            yield item


def _normalised(text: str) -> str:
    return " ".join(text.split()).casefold()
