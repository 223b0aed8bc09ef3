"""Backends: render a view-model Document to PDF (WeasyPrint) or DOCX (docxtpl)."""

from __future__ import annotations

from ..errors import PianodocsError


class LogoError(PianodocsError):
    """The cover's logo (Ente sheet, Logo field) is a file neither backend can show."""

    def __init__(self, name: str) -> None:
        super().__init__(f"Foglio Ente, campo Logo: il file {name} non è un'immagine leggibile (usare PNG, JPEG, GIF o SVG).")
