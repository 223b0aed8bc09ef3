"""The DOCX backend: render a view-model Document into a Word file through the docxtpl template.

The template (``templates/docx/documento.docx``, made by ``build_template.py``
beside it) holds what people restyle in Word: the cover, the styles, header and
footer with the page fields. The package is the backend's pipeline:

- :mod:`.template` fills the template through docxtpl and sets the metadata;
- :mod:`.body` writes the view model's blocks as the body, naming only the
  template's styles (:mod:`.styles`), wide tables on landscape sections of
  their own, the SOMMARIO a real TOC field already filled in;
- :mod:`.oxml` builds the WordprocessingML (runs, cells, fields);
- :mod:`.figures` draws SVG figures and logos as PNG;
- :mod:`.pagination` reads the SOMMARIO's page numbers from a LibreOffice
  rendering of a draft (:mod:`.libreoffice`, when ``soffice`` is there), and
  counts the pages of a file that states them (the annex), each kept by the
  file's content in the user's cache folder (:mod:`.pagination_cache`);
- :mod:`.fonts` embeds the bundled fonts, so the file is laid out alike on
  every machine and those page numbers hold;
- :mod:`.archive` saves the file, every zip entry dated alike.

The file's dates (core properties and the zip entries) are
:func:`document_time`: the moment of writing, or ``SOURCE_DATE_EPOCH`` when
set, so the same input gives the same bytes. Only this package imports docxtpl
and python-docx; its public API is what this module exports.
"""

from __future__ import annotations

from pathlib import Path

from ...atomic import atomic_output
from ...clock import document_time
from ...templating import environment
from ...theme import load_theme, using_theme
from ...view.model import Document
from .archive import package
from .libreoffice import LIBREOFFICE_TIMEOUT, convert_with_libreoffice
from .pagination import DRAFT_MOMENT, fill_page_numbers, heading_pages, page_count
from .template import date, has_summary, render, template_file

__all__ = ["LIBREOFFICE_TIMEOUT", "convert_with_libreoffice", "page_count", "write_docx"]


def write_docx(document: Document, path: Path, *, template_dir: Path | None = None, paginate: bool = True) -> None:
    """Write ``document`` to ``path`` as DOCX.

    ``template_dir`` is a user's copy of ``templates/`` (its ``docx/documento.docx``
    is used if present, rendered in the sandbox). With ``paginate`` the SOMMARIO
    gets its page numbers from a LibreOffice rendering of a first draft: the same rendering, saved as the draft,
    then given the numbers and saved as the file.
    """
    template = template_file(template_dir)
    jinja = environment(template_dir, autoescape=True)
    moment = document_time()
    with using_theme(load_theme(template_dir)):  # a bad theme stops here, before anything is written
        if paginate and has_summary(document):  # rendered once: the draft, then with its page numbers, the file
            rendered = render(document, template, jinja, {}, DRAFT_MOMENT)
            fill_page_numbers(rendered.docx, document.headings, heading_pages(document, package(rendered, DRAFT_MOMENT)))
            date(rendered.docx, moment)
        else:
            rendered = render(document, template, jinja, {}, moment)
        data = package(rendered, moment)
    with atomic_output(path) as temporary:
        temporary.write_bytes(data)
