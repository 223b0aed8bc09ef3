"""Render a plan as a document kind, to DOCX or PDF chosen by the output's suffix.

This is the meeting point of the pipeline: the kind (a module of :mod:`pianodocs.documents`, or a plugin's,
found in :func:`pianodocs.kinds.registry`) builds the view model from the plan with its options checked, and
the backend for the suffix writes it (atomically). Both formats come from the same view model.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from .atomic import atomic_output, scratch_folder
from .errors import PianodocsError, printable
from .kinds import APPLIES, Applicability, MissingDataError, RegisteredKind, checked_options, registry
from .model import Plan
from .theme import load_theme, using_theme
from .view.measure import fit_document
from .view.model import Document

FORMATS = (".pdf", ".docx")
# layouts tried before a document that states its own page count gives up (each may change the count once)
MAX_ROUNDS = 4


class UnsupportedKindError(PianodocsError):
    """The document kind is unknown, or does not apply to this plan."""


def document_kind(kind: str) -> RegisteredKind:
    """The registered kind named ``kind`` (built-in or from a plugin); :class:`UnsupportedKindError` for an unknown one."""
    known = registry().kinds
    if kind not in known:
        raise UnsupportedKindError(f"Tipo di documento sconosciuto: '{printable(kind)}'. Tipi previsti: {', '.join(known)}.")
    return known[kind]


def available_kinds() -> tuple[str, ...]:
    """The kinds that can be rendered: the built-ins, then those of the installed plugins."""
    return tuple(registry().kinds)


def applicability(plan: Plan, kind: str) -> Applicability:
    """Whether ``kind`` applies to ``plan`` in ``render all``, with the reason (in Italian) when it does not."""
    declared = document_kind(kind)
    if declared.needs_indicators and not plan.indicators:
        return Applicability(_NO_INDICATORS)
    answer = declared.applies(plan)
    if isinstance(answer, Applicability):
        return answer
    return APPLIES if answer else Applicability("il workbook non contiene i dati che questo documento richiede")


def applicable_kinds(plan: Plan) -> tuple[str, ...]:
    """The kinds that make sense for ``plan`` (``render all``): those whose data the plan has."""
    return tuple(kind for kind in available_kinds() if applicability(plan, kind))


def skipped_kinds(plan: Plan) -> dict[str, str]:
    """The kinds ``render all`` leaves out for ``plan``, each with why (in Italian)."""
    return {kind: why.reason for kind in available_kinds() if not (why := applicability(plan, kind))}


_NO_INDICATORS = "il workbook non contiene indicatori (il foglio 'Indicatori' manca, è vuoto o ha un altro nome)"


def _require_indicators(plan: Plan, kind: RegisteredKind) -> None:
    """Refuse a kind made of the plan's indicators when the plan has none: it would render without a word of it."""
    if kind.needs_indicators and not plan.indicators:
        raise MissingDataError(
            f"Il documento '{kind.name}' non può essere prodotto: {_NO_INDICATORS}. "
            "Controllare il foglio 'Indicatori' del workbook; nessun file è stato scritto."
        )


def build_document(
    plan: Plan, kind: str, workbook_folder: Path | None = None, *, template_dir: Path | None = None, **options: object
) -> Document:
    """The view model of ``kind`` for ``plan``; ``options`` are the kind's own (e.g. ``at`` for the monitoring).

    ``template_dir`` (a user's copy of ``templates/``) may hold the kind's own words, ``testi/<kind>.toml``, and
    its theme, ``tema.toml``, whose colours the drawings the kind builds take (the strategic map, the chart).
    An option the kind does not declare, or of the wrong type, raises :class:`~pianodocs.kinds.OptionError`.
    """
    declared = document_kind(kind)
    checked = checked_options(declared, options)
    with using_theme(load_theme(template_dir)):
        return _built(plan, declared, workbook_folder, checked, template_dir)


def _built(
    plan: Plan, kind: RegisteredKind, workbook_folder: Path | None, options: dict[str, object], template_dir: Path | None
) -> Document:
    """Build ``kind`` with ``options`` already checked (and the page count of a kind stating it)."""
    _require_indicators(plan, kind)
    document: Document = kind.build(plan, workbook_folder=workbook_folder, template_dir=template_dir, **options)
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

    ``options`` go to the kind's builder, checked first against the options it declares (``pianodocs tipi``
    lists them): ``at`` (a date) for ``monitoraggio``; ``anno`` and ``at`` (the data's date, when the workbook
    has no 31/12 values) for ``relazione-performance``. An unknown option, or one of the wrong type, raises
    :class:`~pianodocs.kinds.OptionError`; a kind without the data it needs raises
    :class:`~pianodocs.kinds.MissingDataError`, as does a kind made of indicators for a plan without any; all
    before anything is written.
    """
    target = _target(path)
    declared = document_kind(kind)
    checked = checked_options(declared, options)
    _require_indicators(plan, declared)
    # the theme first (a bad one writes nothing), and for the drawings the kind builds; then the fonts, drafts and
    # LibreOffice profiles of this render, removed at its end
    with using_theme(load_theme(template_dir)), scratch_folder():
        if declared.states_page_count:
            _write_counting_pages(plan, declared, target, workbook_folder, template_dir, checked)
        else:
            _write(_built(plan, declared, workbook_folder, checked, template_dir), target, template_dir)
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
    round is fitted as in every other kind (:func:`build_document`).
    """
    target = _target(path)
    declared = document_kind(kind)
    if not declared.states_page_count:
        raise UnsupportedKindError(f"Il documento '{declared.name}' non dichiara il proprio numero di pagine.")
    return _write_counting_pages(plan, declared, target, workbook_folder, template_dir, checked_options(declared, options))


def _target(path: Path | str) -> Path:
    """``path`` as the file to write, refused unless it ends in a suffix of :data:`FORMATS`."""
    target = Path(path)
    if target.suffix.lower() not in FORMATS:
        raise UnsupportedKindError(
            f"Formato non supportato: '{target.suffix or target.name}'. Usare un nome che finisce in .pdf o .docx."
        )
    return target


def _write_counting_pages(
    plan: Plan,
    kind: RegisteredKind,
    target: Path,
    workbook_folder: Path | None,
    template_dir: Path | None,
    options: dict[str, object],
) -> int:
    pages = 1
    with tempfile.TemporaryDirectory(prefix="pianodocs-pagine-") as folder:
        draft = Path(folder) / f"bozza{target.suffix.lower()}"
        for _ in range(MAX_ROUNDS):
            _write(_built(plan, kind, workbook_folder, {**options, "pagine": pages}, template_dir), draft, template_dir)
            counted = count_pages(draft)
            if counted == pages:
                with atomic_output(target) as temporary:
                    shutil.copyfile(draft, temporary)
                return pages
            pages = counted
    raise PianodocsError(
        f"Il numero di pagine del documento '{kind.name}' non si stabilizza dopo {MAX_ROUNDS} tentativi: file non scritto."
    )


def count_pages(path: Path) -> int:
    """The pages of a PDF, or of a DOCX as LibreOffice paginates it (kept in the pagination cache by content)."""
    if path.suffix.lower() != ".docx":
        from pypdf import PdfReader

        return len(PdfReader(path).pages)
    from .backends.docx import page_count

    return page_count(path.read_bytes())


def _write(document: Document, path: Path, template_dir: Path | None) -> None:
    if path.suffix.lower() == ".pdf":
        from .backends.pdf import write_pdf

        write_pdf(document, path, template_dir=template_dir)
    else:
        from .backends.docx import write_docx

        write_docx(document, path, template_dir=template_dir)
