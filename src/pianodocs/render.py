"""Render a plan as a document kind, to DOCX or PDF chosen by the output's suffix.

This is the meeting point of the pipeline: the kind's module builds the view
model from the plan, and the backend for the suffix writes it (atomically).
Both formats come from the same view model.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .errors import PianodocsError
from .kinds import DOCUMENT_KINDS
from .model import Plan
from .view.model import Document

FORMATS = (".pdf", ".docx")


class UnsupportedKindError(PianodocsError):
    """The document kind is unknown, or not yet available, or does not apply to this plan."""


def _builders() -> dict[str, Callable[..., Document]]:
    from .documents import piano_performance

    return {piano_performance.KIND: piano_performance.build}


def available_kinds() -> tuple[str, ...]:
    """The kinds that can be rendered now, in the order of :data:`DOCUMENT_KINDS`."""
    builders = _builders()
    return tuple(kind for kind in DOCUMENT_KINDS if kind in builders)


def applicable_kinds(plan: Plan) -> tuple[str, ...]:
    """The kinds that make sense for ``plan`` (``render all``): those available whose data the plan has."""
    kinds = []
    for kind in available_kinds():
        if kind == "piano-performance" and not any(indicator.dashboard in ("ente", "entrambi") for indicator in plan.indicators):
            continue
        kinds.append(kind)
    return tuple(kinds)


def build_document(plan: Plan, kind: str, workbook_folder: Path | None = None) -> Document:
    if kind not in DOCUMENT_KINDS:
        raise UnsupportedKindError(f"Tipo di documento sconosciuto: '{kind}'. Tipi previsti: {', '.join(DOCUMENT_KINDS)}.")
    builder = _builders().get(kind)
    if builder is None:
        raise UnsupportedKindError(f"Il tipo di documento '{kind}' non è ancora disponibile in questa versione di pianodocs.")
    return builder(plan, workbook_folder=workbook_folder)


def render(
    plan: Plan, kind: str, path: Path | str, *, workbook_folder: Path | None = None, template_dir: Path | None = None
) -> Path:
    """Render ``plan`` as ``kind`` into ``path`` (.pdf or .docx); returns the path written."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in FORMATS:
        raise UnsupportedKindError(
            f"Formato non supportato: '{target.suffix or target.name}'. Usare un nome che finisce in .pdf o .docx."
        )
    document = build_document(plan, kind, workbook_folder)
    if suffix == ".pdf":
        from .backends.pdf import write_pdf

        write_pdf(document, target, template_dir=template_dir)
    else:
        from .backends.docx import write_docx

        write_docx(document, target, template_dir=template_dir)
    return target
