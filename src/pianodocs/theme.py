"""The documents' colours, read from one theme file (``tema.toml``) and handed to each output in its own form.

pianodocs' ``templates/tema.toml`` names every colour once: the text, the
tables' borders, each look of a cell (:class:`~pianodocs.view.model.CellStyle`),
the strategic map and the Relazione's chart. A ``tema.toml`` in the user's
template folder (``--modelli``) overrides the keys it sets; it may set no other
key, and each value must be ``#rrggbb``: anything else is a located Italian
error, raised when the theme is loaded, before any file is written. From the
theme come the PDF's CSS custom properties (:meth:`Theme.css`), the colours of
the Word template's named styles (:data:`WORD_STYLES`) and the cells' fills.
The theme of the render in progress is :func:`current_theme` (set by
:func:`using_theme`), so the drawings built with the view model take it too.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from types import MappingProxyType
from typing import Any

import attrs

from .errors import PianodocsError
from .templating import default_templates
from .view.model import CellStyle

THEME_FILE = "tema.toml"
COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
# the theme's name of each look of a cell (its keys are celle.<name>.sfondo and celle.<name>.testo)
CELL_LOOK_NAMES = {
    CellStyle.HEADER: "intestazione",
    CellStyle.BAND: "fascia",
    CellStyle.SUBBAND: "sottofascia",
    CellStyle.HIGHLIGHT: "evidenziata",
    CellStyle.TOTAL: "totale",
    CellStyle.MUTED: "attenuata",
    CellStyle.NOTE: "nota",
    CellStyle.GREEN: "raggiunto",
    CellStyle.RED: "non-raggiunto",
}
# where each colour goes in the Word template (templates/docx/documento.docx): the styles whose text takes it;
# "tabelle.bordi" is the border of the table style "Tabella"
WORD_STYLES: Mapping[str, tuple[str, ...]] = {
    "testo.corpo": ("Normal",),
    "testo.titoli": (
        "Heading 1",
        "Heading 2",
        "Heading 3",
        "Title",
        "Subtitle",
        "Copertina ente",
        "Titolo tabella",
        "TOC Heading",
    ),
    "testo.secondario": ("Nota", "Caption", "Header", "Footer"),
    "testo.copertina-nota": ("Copertina nota",),
    "testo.collegamenti": ("Hyperlink",),
    "celle.intestazione.testo": ("Tabella intestazione",),
    "celle.fascia.testo": ("Tabella fascia",),
    "celle.attenuata.testo": ("Tabella attenuato",),
    "celle.nota.testo": ("Tabella nota",),
    "celle.raggiunto.testo": ("Tabella raggiunto",),
    "celle.non-raggiunto.testo": ("Tabella non raggiunto",),
}
TABLE_BORDERS = "tabelle.bordi"


class ThemeError(PianodocsError):
    """A theme file cannot be used: not TOML, a key pianodocs does not know, a value that is not ``#rrggbb``."""


def _read_only(colours: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(colours))


@attrs.frozen
class Theme:
    """Every colour of the documents by its key (``celle.intestazione.sfondo`` → its ``#rrggbb`` in lower case).

    ``overridden`` holds the keys a user's theme file set: only those are forced on the styles of a Word
    template, which a user may have restyled in Word.
    """

    colours: Mapping[str, str] = attrs.field(converter=_read_only)
    overridden: frozenset[str] = frozenset()

    def colour(self, key: str) -> str:
        return self.colours[key]

    def cell_fill(self, style: CellStyle) -> str | None:
        """The fill of a cell of ``style`` as Word writes it (``1F3864``), or None for no fill."""
        look = CELL_LOOK_NAMES.get(style)  # a normal cell has no look of its own
        fill = self.colours.get(f"celle.{look}.sfondo") if look else None
        return fill[1:].upper() if fill else None

    def css(self) -> str:
        """The colours as CSS custom properties of the root (``--celle-intestazione-sfondo: #rrggbb;``), which the
        pages' margin boxes inherit too."""
        properties = "".join(f"  --{key.replace('.', '-')}: {value};\n" for key, value in self.colours.items())
        return f":root {{\n{properties}}}\n"

    def word_colours(self, keys: frozenset[str] | None = None) -> dict[str, str]:
        """The text colour (``1F3864``) of each Word style the theme colours, for ``keys`` only if given."""
        return {
            style: self.colours[key][1:].upper()
            for key, styles in WORD_STYLES.items()
            if keys is None or key in keys
            for style in styles
        }


@functools.cache
def default_theme() -> Theme:
    """pianodocs' own theme (``templates/tema.toml``), read once."""
    return Theme(_read(default_templates() / THEME_FILE, known=None))


def load_theme(template_dir: Path | None = None) -> Theme:
    """The theme for a render: pianodocs' own, with the keys of ``template_dir``'s ``tema.toml`` (if any) over it.

    Raises :class:`ThemeError` listing every problem of the user's file at once.
    """
    theme = default_theme()
    user_file = Path(template_dir) / THEME_FILE if template_dir is not None else None
    if user_file is None or not user_file.is_file():
        return theme
    overrides = _read(user_file, known=theme.colours)
    return Theme({**theme.colours, **overrides}, frozenset(overrides))


_CURRENT: ContextVar[Theme | None] = ContextVar("pianodocs_theme", default=None)


@contextmanager
def using_theme(theme: Theme) -> Iterator[Theme]:
    """Make ``theme`` the :func:`current_theme` while the block runs (one render)."""
    token = _CURRENT.set(theme)
    try:
        yield theme
    finally:
        _CURRENT.reset(token)


def current_theme() -> Theme:
    """The theme of the render in progress; pianodocs' own outside one."""
    return _CURRENT.get() or default_theme()


def _read(path: Path, known: Mapping[str, str] | None) -> dict[str, str]:
    """The colours of theme file ``path`` by dotted key; every key must be in ``known`` (when given)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ThemeError(f"File del tema {path}: non si può leggere ({error}).") from error
    except tomllib.TOMLDecodeError as error:
        raise ThemeError(f"File del tema {path}: non è un file TOML valido ({error}).") from error
    colours: dict[str, str] = {}
    problems: list[str] = []
    for key, value in _flattened(data):
        if known is not None and key not in known:
            problems.append(f"chiave '{key}' sconosciuta (le chiavi sono quelle del tema di pianodocs, templates/{THEME_FILE})")
        elif not isinstance(value, str) or not COLOUR.fullmatch(value):
            problems.append(
                f"chiave '{key}': {_shown(value)} non è un colore nella forma #rrggbb (# seguito da sei cifre esadecimali, 0-9 e a-f)"
            )
        else:
            colours[key] = value.lower()
    if problems:
        raise ThemeError(f"File del tema {path}:" + "".join(f"\n  {problem}" for problem in problems))
    return colours


def _flattened(data: Mapping[str, Any], prefix: str = "") -> Iterator[tuple[str, object]]:
    """The leaves of nested TOML tables as (dotted key, value)."""
    for key, value in data.items():
        if isinstance(value, Mapping):
            yield from _flattened(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value


def _shown(value: object) -> str:
    return f"'{value}'" if isinstance(value, str) else f"il valore {value!r}"
