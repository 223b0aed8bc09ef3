"""The SOMMARIO's page numbers: where each heading starts when LibreOffice lays out a draft of the DOCX.

Word writes a TOC's page numbers only when it updates the field; for the file
to carry them already, a draft is rendered, converted to PDF with LibreOffice
(:mod:`.libreoffice`) and each SOMMARIO heading looked up, in order, in the
PDF's outline. Without LibreOffice or pypdf, or when the conversion fails, the
SOMMARIO goes without numbers, with an avviso.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

import jinja2

from ...errors import PianodocsError
from ...view.model import Document
from .archive import package
from .body import in_summary
from .libreoffice import convert_with_libreoffice
from .template import render

logger = logging.getLogger(__name__)


def heading_pages(document: Document, template: Path, jinja: jinja2.Environment, moment: datetime) -> dict[str, int]:
    """Render a draft, have LibreOffice lay it out, and read from the PDF outline where each SOMMARIO heading starts."""
    if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        logger.warning(
            "LibreOffice (soffice) non è installato: il SOMMARIO del DOCX resta senza numeri di pagina (Word li scrive "
            "all'apertura del file). Per averli nel file installare LibreOffice (Debian: libreoffice-writer-nogui)."
        )
        return {}
    try:
        import pypdf
    except ImportError:
        logger.warning("pypdf non è installato: il sommario del DOCX resta senza numeri di pagina.")
        return {}
    with tempfile.TemporaryDirectory(prefix="pianodocs-") as folder:
        draft = Path(folder) / "bozza.docx"
        draft.write_bytes(package(render(document, template, jinja, {}, moment), moment))
        try:
            pdf = convert_with_libreoffice(draft, Path(folder))
        except PianodocsError as error:
            logger.warning("%s Il sommario del DOCX resta senza numeri di pagina.", error)
            return {}
        reader = pypdf.PdfReader(pdf)
        outline = [(_normalised(item.title), reader.get_destination_page_number(item)) for item in _flat(reader.outline)]
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


def _flat(outline: list[Any]) -> Iterable[Any]:
    for item in outline:
        if isinstance(item, list):
            yield from _flat(item)
        else:
            yield item


def _normalised(text: str) -> str:
    return " ".join(text.split()).casefold()
