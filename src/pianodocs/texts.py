"""The words of each document kind: labels, sentences and column sets read from ``templates/testi/<kind>.toml``.

A kind's module asks :func:`texts_of` for its :class:`Texts` and prints only what they give: a sentence
(``texts("chiave", anno=2024)``, a Jinja string rendered in the sandbox with the plan's data as variables,
never as template code) or a column set (``texts.columns("indicatori")``: the columns chosen and their order,
each with its heading). A user's folder (``--modelli``) may hold its own ``testi/<kind>.toml``: the keys it
defines replace the package's, the others stay; a column set is replaced whole, so leaving a column out drops
it. Everything is checked when the texts are read, before anything is written: an unknown key or column, a
Jinja syntax error, a placeholder the package's sentence does not offer stop with an Italian message naming
the file and the key.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Collection, Mapping
from pathlib import Path

import attrs
import jinja2
from jinja2 import meta
from jinja2.sandbox import SandboxedEnvironment

from .errors import PianodocsError
from .templating import FILTERS, default_templates
from .values import format_date
from .view.model import Run
from .view.richtext import runs
from .wording import counted, with_article

FOLDER = "testi"
# the markup characters of a value filling a text stand in for themselves while the text's own markup is read
_GUARD = str.maketrans({"*": "\ue000", "[": "\ue001", "]": "\ue002"})
_UNGUARD = {ord(guard): character for character, guard in (("*", "\ue000"), ("[", "\ue001"), ("]", "\ue002"))}
STRINGS = "testi"
COLUMNS = "colonne"


class TextsError(PianodocsError):
    """A file of texts (``testi/<kind>.toml``) cannot be used: unreadable, unknown key or column, bad template."""


def _finalize(value: object) -> object:
    """A date prints as Italians write it (``31/12/2020``); ``{{ data | data('long') }}`` gives ``31 dicembre 2020``."""
    return format_date(value) if isinstance(value, dt.date) else value


def _environment() -> SandboxedEnvironment:
    env = SandboxedEnvironment(undefined=jinja2.StrictUndefined, autoescape=False, finalize=_finalize)
    env.filters.update(FILTERS)
    env.filters.update({"conta": counted, "con_articolo": with_article})
    return env


_ENVIRONMENT = _environment()


@attrs.frozen
class _Entry:
    """One text as read: where it comes from (file and key, for messages) and its compiled template."""

    file: Path
    key: str
    source: str
    template: jinja2.Template
    placeholders: frozenset[str]


@attrs.frozen
class Column:
    """A column of a table: the key the kind computes its cells by, and the heading the texts give it."""

    key: str
    text: _Entry

    def heading(self, **values: object) -> str:
        """The heading with its placeholders filled (``Target {{ anno }}`` for each year of a repeated column)."""
        return _render(self.text, values)


@attrs.frozen
class Texts:
    """The texts of one kind, package defaults merged with a user's file; rendering them never runs workbook text."""

    kind: str
    strings: Mapping[str, _Entry]
    column_sets: Mapping[str, tuple[tuple[str, _Entry], ...]]

    def __call__(self, key: str, **values: object) -> str:
        """The text ``key`` with its placeholders filled from ``values`` (data: printed as they are)."""
        entry = self.strings.get(key)
        if entry is None:
            raise TextsError(f"Testo mancante: la chiave '{key}' non è definita per il documento '{self.kind}'.")
        return _render(entry, values)

    def runs(self, key: str, **values: object) -> tuple[Run, ...]:
        """The text ``key`` as runs: its own ``**bold**`` and ``*italic*`` are markup, the values filling it never are."""
        entry = self.strings.get(key)
        if entry is None:
            raise TextsError(f"Testo mancante: la chiave '{key}' non è definita per il documento '{self.kind}'.")
        guarded = {name: value.translate(_GUARD) if isinstance(value, str) else value for name, value in values.items()}
        return tuple(attrs.evolve(run, text=run.text.translate(_UNGUARD)) for run in runs(_render(entry, guarded)))

    def columns(self, name: str) -> tuple[Column, ...]:
        """The columns of the set ``name``, in the order the texts give, each with its heading."""
        chosen = self.column_sets.get(name)
        if chosen is None:
            raise TextsError(f"Colonne mancanti: l'insieme '{COLUMNS}.{name}' non è definito per il documento '{self.kind}'.")
        return tuple(Column(key, entry) for key, entry in chosen)


def _render(entry: _Entry, values: Mapping[str, object]) -> str:
    missing = sorted(entry.placeholders - set(values))
    if missing:
        raise TextsError(f"{entry.file}, chiave '{entry.key}': segnaposto non disponibile {{{{ {missing[0]} }}}}.")
    try:
        return entry.template.render(values)
    except jinja2.TemplateError as error:
        raise TextsError(f"{entry.file}, chiave '{entry.key}': il testo non si può comporre ({error}).") from error


def texts_of(kind: str, template_dir: Path | None = None, columns: Mapping[str, Collection[str]] | None = None) -> Texts:
    """The texts of ``kind``: the package's ``testi/<kind>.toml``, with a user's file of the same name over it.

    ``columns`` names, for each column set, the column keys the kind can compute: a set naming any other
    column is refused. A key the user's file defines that the package's does not is refused too, as is a
    placeholder the package's text of that key does not use (a misspelt name would print nothing).
    """
    default_file = default_templates() / FOLDER / f"{kind}.toml"
    defaults = _read(default_file, kind, {}, {}, columns or {})
    strings, column_sets = dict(defaults.strings), dict(defaults.column_sets)
    if template_dir is not None:
        user_file = Path(template_dir) / FOLDER / f"{kind}.toml"
        if user_file.is_file():
            allowed = {key: entry.placeholders for key, entry in strings.items()}
            for name, chosen in column_sets.items():
                allowed.update({f"{name}.{key}": entry.placeholders for key, entry in chosen})
            user = _read(user_file, kind, strings, column_sets, columns or {}, allowed)
            strings.update(user.strings)
            column_sets.update(user.column_sets)
    return Texts(kind, strings, column_sets)


def _read(
    file: Path,
    kind: str,
    known_strings: Mapping[str, _Entry],
    known_sets: Mapping[str, object],
    columns: Mapping[str, Collection[str]],
    allowed: Mapping[str, frozenset[str]] | None = None,
) -> Texts:
    """Read and check one file; with ``allowed`` (a user's file), only known keys and placeholders are accepted."""
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except OSError as error:
        raise TextsError(f"{file}: il file dei testi non si può leggere ({error.strerror or error}).") from error
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise TextsError(f"{file}: il file dei testi non è un TOML valido ({error}).") from error
    unknown = sorted(set(data) - {STRINGS, COLUMNS})
    if unknown:
        raise TextsError(
            f"{file}: sezione sconosciuta '[{unknown[0]}]'; le sezioni ammesse sono [{STRINGS}] e [{COLUMNS}.<nome>]."
        )
    strings = {}
    for key, source in _table(file, data.get(STRINGS, {}), STRINGS).items():
        if allowed is not None and key not in known_strings:
            raise TextsError(f"{file}, chiave '{key}': chiave sconosciuta per il documento '{kind}'.")
        strings[key] = _entry(file, key, source, None if allowed is None else allowed[key])
    column_sets = {}
    for name, chosen in _table(file, data.get(COLUMNS, {}), COLUMNS, nested=True).items():
        if allowed is not None and name not in known_sets:
            raise TextsError(f"{file}, chiave '{COLUMNS}.{name}': insieme di colonne sconosciuto per il documento '{kind}'.")
        computable = columns.get(name)
        entries = []
        for key, source in _table(file, chosen, f"{COLUMNS}.{name}").items():
            if computable is not None and key not in computable:
                raise TextsError(
                    f"{file}, chiave '{COLUMNS}.{name}.{key}': colonna sconosciuta; "
                    f"le colonne possibili sono: {', '.join(computable)}."
                )
            placeholders = None if allowed is None else allowed.get(f"{name}.{key}", frozenset())
            entries.append((key, _entry(file, f"{COLUMNS}.{name}.{key}", source, placeholders)))
        if not entries:
            raise TextsError(f"{file}, chiave '{COLUMNS}.{name}': l'insieme di colonne è vuoto.")
        column_sets[name] = tuple(entries)
    return Texts(kind, strings, column_sets)


def _table(file: Path, value: object, where: str, nested: bool = False) -> dict[str, object]:
    if not isinstance(value, dict):
        raise TextsError(f"{file}, chiave '{where}': deve essere una sezione [{where}].")
    for key, item in value.items():
        if nested and not isinstance(item, dict):
            raise TextsError(f"{file}, chiave '{where}.{key}': deve essere una sezione [{where}.{key}].")
        if not nested and not isinstance(item, str):
            raise TextsError(f"{file}, chiave '{where}.{key}': deve essere un testo tra virgolette.")
    return value


def _entry(file: Path, key: str, source: object, allowed: frozenset[str] | None) -> _Entry:
    text = str(source)
    try:
        template = _ENVIRONMENT.from_string(text)
        placeholders = frozenset(meta.find_undeclared_variables(_ENVIRONMENT.parse(text)))
    except jinja2.TemplateSyntaxError as error:
        raise TextsError(
            f"{file}, chiave '{key}': errore di sintassi nel modello alla riga {error.lineno}: {error.message}."
        ) from error
    if allowed is not None and not placeholders <= allowed:
        unknown = sorted(placeholders - allowed)[0]
        offered = ", ".join(sorted(allowed)) or "nessuno"
        raise TextsError(f"{file}, chiave '{key}': segnaposto sconosciuto {{{{ {unknown} }}}} (disponibili: {offered}).")
    return _Entry(file, key, text, template, placeholders)
