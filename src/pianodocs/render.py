"""Render a plan as a document kind, to DOCX or PDF chosen by the output's suffix.

This is the meeting point of the pipeline: the kind's module in
:mod:`pianodocs.documents` builds the view model from the plan, and the backend
for the suffix writes it (atomically). Both formats come from the same view model.
"""

from __future__ import annotations

import importlib
import shutil
import tempfile
from pathlib import Path
from types import ModuleType

from .atomic import atomic_output, scratch_folder
from .errors import PianodocsError
from .kinds import APPLIES, DOCUMENT_KINDS, Applicability, MissingDataError
from .model import Plan
from .view.measure import fit_document
from .view.model import Document

FORMATS = (".pdf", ".docx")
# the kinds whose content is the plan's indicators: without any, the document would be made of headings
NEEDS_INDICATORS = ("piano-performance", "pira", "monitoraggio", "relazione-performance", "cruscotto")
# layouts tried before a document that states its own page count gives up (each may change the count once)
MAX_ROUNDS = 4


class UnsupportedKindError(PianodocsError):
    """The document kind is unknown, or not yet available, or does not apply to this plan."""


def _module(kind: str) -> ModuleType | None:
    """The module building ``kind`` (``piano-performance`` → ``documents/piano_performance.py``), if written yet.

    Such a module has ``KIND``, ``build(plan, workbook_folder=None, **options) -> Document`` and,
    optionally, ``applies(plan) -> bool | Applicability`` (false with the reason) and ``STATES_PAGE_COUNT = True``
    when its text says how many pages it has: ``build`` then takes ``pagine``, and :func:`render` lays it out
    until the count it states is the count it has (:func:`render_counting_pages`).
    """
    name = f"{__package__}.documents.{kind.replace('-', '_')}"
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as error:
        if error.name != name:
            raise
        return None


def available_kinds() -> tuple[str, ...]:
    """The kinds that can be rendered now, in the order of :data:`DOCUMENT_KINDS`."""
    return tuple(kind for kind in DOCUMENT_KINDS if _module(kind) is not None)


def applicability(plan: Plan, kind: str) -> Applicability:
    """Whether ``kind`` applies to ``plan`` in ``render all``, with the reason (in Italian) when it does not."""
    module = _module(kind)
    if module is None:
        return Applicability("tipo di documento non ancora disponibile in questa versione di pianodocs")
    if kind in NEEDS_INDICATORS and not plan.indicators:
        return Applicability(_NO_INDICATORS)
    applies = getattr(module, "applies", None)
    answer = True if applies is None else applies(plan)
    if isinstance(answer, Applicability):
        return answer
    return APPLIES if answer else Applicability("il workbook non contiene i dati che questo documento richiede")


def applicable_kinds(plan: Plan) -> tuple[str, ...]:
    """The kinds that make sense for ``plan`` (``render all``): those available whose data the plan has."""
    return tuple(kind for kind in available_kinds() if applicability(plan, kind))


def skipped_kinds(plan: Plan) -> dict[str, str]:
    """The available kinds ``render all`` leaves out for ``plan``, each with why (in Italian)."""
    return {kind: why.reason for kind in available_kinds() if not (why := applicability(plan, kind))}


_NO_INDICATORS = "il workbook non contiene indicatori (il foglio 'Indicatori' manca, è vuoto o ha un altro nome)"


def _require_indicators(plan: Plan, kind: str) -> None:
    """Refuse a kind made of the plan's indicators when the plan has none: it would render without a word of it."""
    if kind in NEEDS_INDICATORS and not plan.indicators:
        raise MissingDataError(
            f"Il documento '{kind}' non può essere prodotto: {_NO_INDICATORS}. "
            "Controllare il foglio 'Indicatori' del workbook; nessun file è stato scritto."
        )


def build_document(plan: Plan, kind: str, workbook_folder: Path | None = None, **options: object) -> Document:
    """The view model of ``kind`` for ``plan``; ``options`` are the kind's own (e.g. ``at`` for the monitoring)."""
    if kind not in DOCUMENT_KINDS:
        raise UnsupportedKindError(f"Tipo di documento sconosciuto: '{kind}'. Tipi previsti: {', '.join(DOCUMENT_KINDS)}.")
    module = _module(kind)
    if module is None:
        raise UnsupportedKindError(f"Il tipo di documento '{kind}' non è ancora disponibile in questa versione di pianodocs.")
    _require_indicators(plan, kind)
    document: Document = module.build(plan, workbook_folder=workbook_folder, **options)
    return fit_document(document)  # no column narrower than its longest code, date or amount


def render(
    plan: Plan,
    kind: str,
    path: Path | str,
    *,
    workbook_folder: Path | None = None,
    template_dir: Path | None = None,
    **options: object,
) -> Path:
    """Render ``plan`` as ``kind`` into ``path`` (.pdf or .docx); returns the path written.

    ``options`` go to the kind's builder: ``at`` (a date) for ``monitoraggio``; ``anno`` and ``at`` (the data's
    date, when the workbook has no 31/12 values) for ``relazione-performance``. A kind without the data it needs
    raises :class:`~pianodocs.kinds.MissingDataError` before anything is written; so does a kind of
    :data:`NEEDS_INDICATORS` for a plan without indicators.
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in FORMATS:
        raise UnsupportedKindError(
            f"Formato non supportato: '{target.suffix or target.name}'. Usare un nome che finisce in .pdf o .docx."
        )
    _require_indicators(plan, kind)
    module = _module(kind)
    with scratch_folder():  # the fonts, drafts and LibreOffice profiles of this render, removed at its end
        if getattr(module, "STATES_PAGE_COUNT", False):
            render_counting_pages(plan, kind, target, workbook_folder=workbook_folder, template_dir=template_dir, **options)
        else:
            _write(build_document(plan, kind, workbook_folder, **options), target, template_dir)
    return target


def render_counting_pages(
    plan: Plan,
    kind: str,
    path: Path | str,
    *,
    workbook_folder: Path | None = None,
    template_dir: Path | None = None,
    **options: object,
) -> int:
    """Write ``kind``, whose text states its own page count (the annex's "composto da n. N pagine"), with a true
    count; return it.

    Builds with a guess of one page (``pagine=1``), counts the pages of the result (for the DOCX, as LibreOffice
    lays it out), and builds again with the count until it stays the same; only then is ``path`` written. Each
    round goes through :func:`build_document`, so the columns are fitted as in every other kind.
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in FORMATS:
        raise UnsupportedKindError(
            f"Formato non supportato: '{target.suffix or target.name}'. Usare un nome che finisce in .pdf o .docx."
        )
    pages = 1
    with tempfile.TemporaryDirectory(prefix="pianodocs-pagine-") as folder:
        draft = Path(folder) / f"bozza{suffix}"
        for _ in range(MAX_ROUNDS):
            _write(build_document(plan, kind, workbook_folder, pagine=pages, **options), draft, template_dir)
            counted = count_pages(draft)
            if counted == pages:
                with atomic_output(target) as temporary:
                    shutil.copyfile(draft, temporary)
                return pages
            pages = counted
    raise PianodocsError(
        f"Il numero di pagine del documento '{kind}' non si stabilizza dopo {MAX_ROUNDS} tentativi: file non scritto."
    )


def count_pages(path: Path) -> int:
    """The pages of a PDF, or of a DOCX as LibreOffice paginates it."""
    from pypdf import PdfReader

    if path.suffix.lower() != ".docx":
        return len(PdfReader(path).pages)
    from .backends.docx import convert_with_libreoffice

    with tempfile.TemporaryDirectory(prefix="pianodocs-pagine-") as folder:
        return len(PdfReader(convert_with_libreoffice(path, Path(folder))).pages)


def _write(document: Document, path: Path, template_dir: Path | None) -> None:
    if path.suffix.lower() == ".pdf":
        from .backends.pdf import write_pdf

        write_pdf(document, path, template_dir=template_dir)
    else:
        from .backends.docx import write_docx

        write_docx(document, path, template_dir=template_dir)
