"""The PDF backend: render a view-model Document to HTML with Jinja, then to PDF with WeasyPrint.

The HTML comes from ``html/document.html`` (one macro per kind of block in
``html/blocks.html``) and the look from ``css/pianodocs.css``, both looked up in
the user's template folder first, then in pianodocs' own; the stylesheet's
colours are custom properties defined from the theme (:mod:`pianodocs.theme`). Blocks are grouped
into sections of one orientation: landscape tables and figures (with the
headings just before them) go on A4 landscape pages through a CSS named page.
WeasyPrint loads resources only through :class:`RestrictedFetcher`, which serves
the template folders, the bundled fonts and the cover logo, and nothing else.

The PDF is PDF/A-2a by default (:data:`PDF_VARIANT`): tagged (structure tree
built from the HTML, so headings, lists, tables with TH cells and figures with
their alt text reach assistive technology in reading order), language and title
declared, fonts embedded, sRGB output intent, and the PDF/A identification in
the XMP metadata. Its dates are :func:`document_time`: the moment of writing,
or ``SOURCE_DATE_EPOCH`` when set, so the same input gives the same bytes.
Only this module imports WeasyPrint.
"""

from __future__ import annotations

import base64
import logging
import mimetypes
import re
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname
from xml.etree.ElementTree import ParseError

import attrs
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as parse_xml
from markupsafe import Markup, escape
from weasyprint import CSS, HTML
from weasyprint.logger import LOGGER
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from ..atomic import atomic_output
from ..clock import document_time
from ..errors import PianodocsError
from ..templating import default_templates, environment
from ..theme import load_theme
from ..view.measure import is_link, unbreakable
from ..view.model import (
    Block,
    BulletList,
    Cell,
    CellStyle,
    Cover,
    Document,
    Figure,
    Heading,
    PageBreak,
    Paragraph,
    Table,
    TableOfContents,
)
from ..view.orientation import orientation_sections
from ..view.richtext import is_safe_link
from . import LogoError

FONTS = Path(str(files("pianodocs").joinpath("fonts")))
DOCUMENT_TEMPLATE = "html/document.html"
STYLESHEET = "css/pianodocs.css"
SVG_FONT_FAMILY = "Titillium Web, Titillium Web Ext, Noto Sans Math, sans-serif"
# PDF/A-2 level A (accessible: tagged, Unicode text): the archival profile with tags that WeasyPrint 70 writes.
# None gives a plain tagged PDF; WeasyPrint's names ("pdf/a-3a", "pdf/ua-1"...) are accepted too.
PDF_VARIANT: str | None = "pdf/a-2a"

_SVG_NAMESPACE = "{http://www.w3.org/2000/svg}"
_KINDS: dict[type, str] = {
    Heading: "heading",
    Paragraph: "paragraph",
    BulletList: "bullets",
    Table: "table",
    Figure: "figure",
    PageBreak: "page_break",
    TableOfContents: "contents",
}


class ResourceRefusedError(PianodocsError):
    """The PDF asked for a file or URL outside the template folders, the fonts and the cover logo."""


class RestrictedFetcher(URLFetcher):  # type: ignore[misc]  # WeasyPrint ships no type hints
    """WeasyPrint's URL fetcher, limited to files inside ``folders``, the ``allowed_files`` and ``data:`` URLs.

    Anything else (``file:///etc/passwd``, ``http://...``, a path escaping a
    folder through ``..`` or a symbolic link) raises :class:`ResourceRefusedError`,
    which stops the rendering.
    """

    def __init__(self, folders: Iterable[Path], allowed_files: Iterable[Path] = ()) -> None:
        super().__init__(fail_on_errors=True)
        self._folders = tuple(Path(folder).resolve() for folder in folders)
        self._files = frozenset(Path(file).resolve() for file in allowed_files)

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        if url.startswith("data:"):
            return super().fetch(url, headers)
        path = self.allowed_path(url)
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})

    def allowed_path(self, url: str) -> Path:
        """The local file ``url`` names, if it may be read; otherwise :class:`ResourceRefusedError`."""
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            raise ResourceRefusedError(f"Risorsa non consentita nel PDF: {url}")
        path = Path(url2pathname(unquote(parts.path))).resolve()
        inside = path in self._files or any(path.is_relative_to(folder) for folder in self._folders)
        if not inside or not path.is_file():
            raise ResourceRefusedError(f"Risorsa non consentita nel PDF: {url}")
        return path


@attrs.frozen
class Item:
    """One block as the template sees it: its ``kind`` (the macro to call) and, for figures, the image ``source``.

    For tables, ``scopes`` says which body cells are header cells (see :func:`header_scopes`).
    """

    kind: str
    block: Block
    source: str = ""
    scopes: tuple[tuple[str, ...], ...] = ()


@attrs.frozen
class Section:
    """Consecutive blocks on pages of one orientation."""

    landscape: bool
    items: tuple[Item, ...]


def render_html(document: Document, template_dir: Path | None = None) -> str:
    """The HTML of ``document`` (without the stylesheet, which :func:`write_pdf` adds)."""
    return _render_template(document, template_dir)[0]


def write_pdf(document: Document, path: Path, *, template_dir: Path | None = None, variant: str | None = PDF_VARIANT) -> None:
    """Render ``document`` to a tagged PDF file at ``path`` (written atomically), PDF/A-2a unless ``variant`` says else.

    Raises :class:`ResourceRefusedError` if a template or stylesheet asks for a
    resource outside the template folders, the fonts and the cover logo.
    """
    moment = document_time().strftime("%Y-%m-%dT%H:%M:%SZ")
    theme = load_theme(template_dir)  # a bad theme stops here, before anything is written
    html, base_url = _render_template(document, template_dir)
    folders = _template_folders(template_dir)
    logo = _logo_path(document.cover)
    fetcher = RestrictedFetcher([*folders, FONTS], [logo] if logo else [])
    font_config = FontConfiguration()
    try:
        colours = CSS(string=theme.css(), url_fetcher=fetcher, font_config=font_config)  # the theme's, used by the stylesheet
        stylesheet = CSS(
            string=_stylesheet_text(folders),
            base_url=FONTS.as_uri() + "/",
            url_fetcher=fetcher,
            font_config=font_config,
        )
        with _logo_watch(logo) as refused:
            rendered = HTML(string=html, base_url=base_url, url_fetcher=fetcher).render(
                stylesheets=[colours, stylesheet], font_config=font_config, pdf_tags=True
            )
        if refused:  # WeasyPrint would print the cover without it: an official document does not go out so
            raise LogoError(refused[0].name)
        rendered.metadata.created = rendered.metadata.modified = moment
        with atomic_output(path) as temporary, warnings.catch_warnings():
            # WeasyPrint 70 opens its sRGB profile (the PDF/A output intent) and never closes it
            warnings.filterwarnings("ignore", r"unclosed file .*sRGB2014\.icc", ResourceWarning)
            rendered.write_pdf(temporary, pdf_tags=True, pdf_variant=variant)
    except FatalURLFetchingError as error:
        if isinstance(error.__cause__, ResourceRefusedError):
            raise error.__cause__ from None
        raise ResourceRefusedError(f"Risorsa non caricabile nel PDF: {error.__cause__ or error}") from error


def _render_template(document: Document, template_dir: Path | None) -> tuple[str, str]:
    """The HTML of ``document`` and the URL of the folder of the template that made it (for relative links)."""
    env = environment(template_dir)
    env.tests["safe_link"] = is_safe_link
    env.filters["nobreak"] = nobreak_spans
    env.filters["token_class"] = token_class
    template = env.get_template(DOCUMENT_TEMPLATE)
    html = template.render(document=document, sections=sections(document.blocks), logo=_logo_url(document.cover))
    return html, Path(str(template.filename)).parent.as_uri() + "/"


def nobreak_spans(text: str) -> Markup:
    """``text`` escaped, each code, flag, date, number or amount in a ``nobreak`` span (never hyphenated nor split),
    each link or path in a ``nohyphen`` span (split after its slashes, never hyphenated)."""
    return Markup("").join(_protected(piece) for piece in re.split(r"(\s+)", text) if piece)


def _protected(piece: str) -> Markup:
    kind = _token_kind(piece)
    return Markup('<span class="{}">{}</span>').format(kind, piece) if kind else escape(piece)


def _token_kind(piece: str) -> str:
    """``nobreak``, ``nohyphen`` or ``""``: the class :func:`nobreak_spans` gives ``piece`` (no spaces)."""
    if unbreakable(piece):
        return "nobreak"
    return "nohyphen" if is_link(piece) else ""


def token_class(cell: Cell) -> str:
    """``nobreak`` or ``nohyphen`` when the whole of ``cell`` is one token that :func:`nobreak_spans` would wrap,
    else ``""``.

    The cell then carries the class itself and its text goes without a span: the same look, one inline box
    fewer for WeasyPrint to lay out, style and draw (a plan's tables have hundreds of such cells: amounts,
    dates, codes).
    """
    text = cell.text
    if not text or len(cell.runs) != 1 or any(character.isspace() for character in text):
        return ""
    return _token_kind(text)


def sections(blocks: Iterable[Block]) -> tuple[Section, ...]:
    """Group ``blocks`` by orientation, as :func:`~pianodocs.view.orientation.orientation_sections` says."""
    return tuple(
        Section(landscape, tuple(_item(block) for block in run)) for landscape, run in orientation_sections(tuple(blocks))
    )


def _item(block: Block) -> Item:
    return Item(
        _KINDS[type(block)],
        block,
        _figure_source(block) if isinstance(block, Figure) else "",
        header_scopes(block) if isinstance(block, Table) else (),
    )


def header_scopes(table: Table) -> tuple[tuple[str, ...], ...]:
    """For each body row, each cell's role for assistive technology: ``col`` or ``row`` header (TH), or ``""`` (TD).

    The header rows are column headers anyway. In the body, a cell that looks
    like a column heading (``CellStyle.HEADER``) is one; in a table without
    header rows (a form such as an indicator's card: "Area strategica |
    Destinazione Prato") a cell in the first column labels its row, when the
    row has more than that cell.
    """
    label_first = not table.header
    scopes = []
    covered = 0  # rows still under a first-column cell that spans down (their first cell is in another column)
    for row in table.body:
        roles = ["col" if cell.style is CellStyle.HEADER else "" for cell in row.cells]
        if covered:
            covered -= 1
        elif row.cells:
            covered = row.cells[0].rowspan - 1
            if label_first and len(row.cells) > 1 and not roles[0]:
                roles[0] = "row"
        scopes.append(tuple(roles))
    return tuple(scopes)


def _template_folders(template_dir: Path | None) -> list[Path]:
    folders = [default_templates()]
    if template_dir is not None:
        folders.insert(0, Path(template_dir))
    return folders


def _stylesheet_text(folders: list[Path]) -> str:
    for folder in folders:
        candidate = folder / STYLESHEET
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8")
    raise PianodocsError(f"Foglio di stile non trovato: {STYLESHEET}")


def _logo_path(cover: Cover | None) -> Path | None:
    if cover is None or not cover.logo:
        return None
    path = Path(cover.logo).resolve()
    return path if path.is_file() else None


@contextmanager
def _logo_watch(logo: Path | None) -> Iterator[list[Path]]:
    """A list that gets ``logo`` if WeasyPrint, while the block runs, reports it could not load it as an image.

    That report is kept from the user: the error raised for it says more.
    """
    refused: list[Path] = []

    def watch(record: logging.LogRecord) -> bool:
        if logo is not None and record.getMessage().startswith(f"Failed to load image at {logo.as_uri()!r}"):
            refused.append(logo)
            return False
        return True

    LOGGER.addFilter(watch)
    try:
        yield refused
    finally:
        LOGGER.removeFilter(watch)


def _logo_url(cover: Cover | None) -> str:
    path = _logo_path(cover)
    return path.as_uri() if path else ""


def _figure_source(figure: Figure) -> str:
    """The figure's SVG as a ``data:`` URL, after checking it is well-formed SVG without entities.

    An ``<img>`` rather than inline ``<svg>``: the drawing stays vector in the
    PDF, the alt text is the image's own, and no markup of the drawing is ever
    parsed as HTML. A raster picture's bytes go in a ``data:`` URL too, so the
    fetcher, which lets ``data:`` through, opens no file for it.
    """
    if figure.picture:
        return f"data:{figure.picture_type};base64,{base64.b64encode(figure.picture).decode('ascii')}"
    try:
        root = parse_xml(figure.svg)
    except (ParseError, DefusedXmlException) as error:
        raise PianodocsError(f"Figura «{figure.caption or figure.alt}»: il disegno SVG non è valido ({error}).") from error
    if root.tag not in (f"{_SVG_NAMESPACE}svg", "svg"):
        raise PianodocsError(f"Figura «{figure.caption or figure.alt}»: il disegno non è un SVG.")
    svg = figure.svg
    if "font-family" not in root.attrib:  # text in the drawing uses the bundled font, not the machine's
        svg = re.sub(r"<svg\b", f'<svg font-family="{SVG_FONT_FAMILY}"', svg, count=1)
    encoded = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return f"data:image/svg+xml;base64,{encoded}"
