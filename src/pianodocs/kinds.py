"""The document kinds pianodocs renders: what a kind is, the options it declares, and the registry of all of them.

A kind is anything that looks like a :class:`DocumentKind`: each module of :mod:`pianodocs.documents` is one,
and another installed package adds its own through the entry-point group ``pianodocs.kinds`` (see
docs/api.md). :func:`registry` holds the built-in kinds and those of the entry points; a plugin that does
not load, is not a kind or takes a built-in's name is left out with an Italian warning, and the built-ins
work as before. Options are declared (:class:`Option`) and :func:`checked_options` refuses, in Italian, an
option a kind does not take or of the wrong type before anything is written.

Like :mod:`pianodocs.view`, this module is public API for the packages that add a kind: :class:`DocumentKind`,
:class:`Option`, :class:`Applicability` (and :data:`APPLIES`), :class:`MissingDataError`, :class:`OptionError`.

A kind answers ``applies(plan)`` with an :class:`Applicability` (or a bool): true when the plan has the data
the kind needs, else false with the reason in Italian (``render all`` prints it). When asked to build a
document anyway, the kind raises :class:`MissingDataError` with the same kind of message.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib
import logging
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from importlib.metadata import entry_points
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import attrs

from .errors import PianodocsError, printable

if TYPE_CHECKING:
    from .model import Plan
    from .view.model import Document

ENTRY_POINT_GROUP = "pianodocs.kinds"
BUILT_IN = (
    "piano-performance",
    "pira",
    "monitoraggio",
    "relazione-performance",
    "allegato-delibera",
    "cruscotto",
    "piao",
)
"""The kinds of :mod:`pianodocs.documents`, in the order they are listed (``piano-performance`` → ``piano_performance.py``)."""

_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
_FLAG = re.compile(r"^--[a-z][a-z0-9]*(-[a-z0-9]+)*$")
_log = logging.getLogger(__name__)


class MissingDataError(PianodocsError):
    """The plan lacks the data a document kind needs (no year-end values, no measurement at the date)."""


class OptionError(PianodocsError):
    """An option a document kind does not declare, of the wrong type, or missing when required."""


@attrs.frozen
class Applicability:
    """Whether a kind applies to a plan: true without a ``reason``; false with the reason, in Italian."""

    reason: str = ""

    def __bool__(self) -> bool:
        return not self.reason


APPLIES = Applicability()

# how a value of each type is named in a message, and which types the command line can read from text
TYPE_NAMES: dict[type[Any], str] = {dt.date: "una data", int: "un numero intero", str: "un testo", Sequence: "un elenco"}
COMMAND_LINE_TYPES = (dt.date, int, str)


@attrs.frozen
class Option:
    """An option of a kind: the keyword its ``build`` takes, the type of its value, and its help in Italian.

    ``flag`` is the command line's name for it (``--al``), or None when only the library can give it;
    ``in_all`` is false for an option ``render all`` does not pass on (the Relazione on data at a date is
    made only when asked for alone). A ``default`` other than None is passed when the option is not given.
    """

    name: str
    type: type[Any]
    help: str
    required: bool = False
    default: object = None
    flag: str | None = None
    metavar: str | None = None
    in_all: bool = True

    def accepts(self, value: object) -> bool:
        """Whether ``value`` is of the option's type (a bool is not a number, a datetime not a date, a text not a list)."""
        if isinstance(value, bool) and self.type is not bool:
            return False
        if self.type is dt.date and isinstance(value, dt.datetime):
            return False
        if self.type is Sequence and isinstance(value, str | bytes):
            return False
        return isinstance(value, self.type)

    @property
    def type_name(self) -> str:
        return TYPE_NAMES.get(self.type, self.type.__name__)


@runtime_checkable
class DocumentKind(Protocol):
    """What a package provides to add a document kind: a module (or any object) with these attributes.

    ``KIND`` is its name on the command line (lowercase, words joined by ``-``), ``TITLE`` its Italian
    description, ``OPTIONS`` the options ``build`` takes besides the plan and the workbook's folder.
    ``applies(plan)`` says whether the plan has the data the kind needs (:class:`Applicability` or a bool);
    ``build(plan, workbook_folder=None, *, template_dir=None, **options)`` returns the
    :class:`~pianodocs.view.Document` both backends write (``template_dir``: the user's ``--modelli`` folder,
    where the kind may find its own words, :mod:`pianodocs.texts`). Two attributes are optional: ``NEEDS_INDICATORS = True`` for a kind made of the plan's
    indicators (refused for a plan without any), and ``STATES_PAGE_COUNT = True`` for a kind whose text says
    how many pages it has: its ``build`` then also takes ``pagine`` (see :func:`pianodocs.render.render_counting_pages`).
    """

    KIND: str
    TITLE: str
    OPTIONS: Sequence[Option]
    build: Callable[..., Document]
    applies: Callable[[Plan], bool | Applicability]


@attrs.frozen
class RegisteredKind:
    """A kind as the registry holds it: its declarations checked, its optional attributes read, where it comes from."""

    name: str
    title: str
    options: tuple[Option, ...]
    build: Callable[..., Document]
    applies: Callable[[Plan], bool | Applicability]
    needs_indicators: bool = False
    states_page_count: bool = False
    origin: str = "pianodocs"  # the distribution that provides it

    def option(self, name: str) -> Option | None:
        return next((option for option in self.options if option.name == name), None)


@attrs.frozen
class Registry:
    """The kinds that can be rendered, by name (the built-ins first), and the plugins left out, with why (in Italian)."""

    kinds: Mapping[str, RegisteredKind]
    problems: tuple[str, ...] = ()


class KindDeclarationError(PianodocsError):
    """A kind's declarations are not those of a :class:`DocumentKind` (said in Italian)."""


def registered(candidate: object, origin: str = "pianodocs") -> RegisteredKind:
    """``candidate`` checked as a :class:`DocumentKind`; :class:`KindDeclarationError` says what is wrong with it."""
    if not isinstance(candidate, DocumentKind):
        missing = [name for name in ("KIND", "TITLE", "OPTIONS", "build", "applies") if not hasattr(candidate, name)]
        raise KindDeclarationError(f"non è un tipo di documento (manca {', '.join(missing)})")
    name, title, options = candidate.KIND, candidate.TITLE, candidate.OPTIONS
    if not isinstance(name, str) or not _NAME.match(name):
        raise KindDeclarationError(f"KIND deve essere un nome in minuscolo con parole unite da '-', non {name!r}")
    if not isinstance(title, str) or not title.strip():
        raise KindDeclarationError("TITLE deve essere la descrizione del documento, in italiano")
    if not isinstance(options, Sequence) or not all(isinstance(option, Option) for option in options):
        raise KindDeclarationError("OPTIONS deve essere una tupla di pianodocs.kinds.Option")
    names = [option.name for option in options]
    if len(set(names)) != len(names) or not all(name.isidentifier() and name != "workbook_folder" for name in names):
        raise KindDeclarationError(f"le opzioni devono avere nomi diversi, che siano parole chiave di build, non {names}")
    if not callable(candidate.build) or not callable(candidate.applies):
        raise KindDeclarationError("build e applies devono essere funzioni")
    for option in options:
        if option.flag is not None and (not _FLAG.match(option.flag) or option.type not in COMMAND_LINE_TYPES):
            raise KindDeclarationError(
                f"l'opzione '{option.name}' non può avere il nome {option.flag!r} da riga di comando "
                "(serve un nome come '--al' e un valore di tipo data, numero intero o testo)"
            )
    return RegisteredKind(
        name,
        title,
        tuple(options),
        candidate.build,
        candidate.applies,
        needs_indicators=bool(getattr(candidate, "NEEDS_INDICATORS", False)),
        states_page_count=bool(getattr(candidate, "STATES_PAGE_COUNT", False)),
        origin=origin,
    )


@functools.cache
def registry() -> Registry:
    """The built-in kinds, then those of the ``pianodocs.kinds`` entry points; each plugin left out is warned about once."""
    kinds = {name: registered(importlib.import_module(f"{__package__}.documents.{name.replace('-', '_')}")) for name in BUILT_IN}
    problems: list[str] = []
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        origin = entry.dist.name if entry.dist is not None else entry.value
        where = f"il tipo di documento '{printable(entry.name)}' del pacchetto '{printable(origin)}'"
        try:
            kind = registered(entry.load(), origin)
        except KindDeclarationError as error:
            problems.append(f"{where} è ignorato: {error}.")
            continue
        except Exception as error:  # a plugin's own bug (or a missing module): the built-ins must still work
            problems.append(f"{where} è ignorato: non si carica ({type(error).__name__}: {printable(str(error))}).")
            continue
        if kind.name in kinds:
            taken_by = "pianodocs" if kinds[kind.name].origin == "pianodocs" else f"il pacchetto '{kinds[kind.name].origin}'"
            problems.append(f"{where} è ignorato: il nome '{kind.name}' è già usato da {taken_by}.")
            continue
        kinds[kind.name] = kind
    for problem in problems:
        _log.warning("pianodocs: avviso: %s", problem)
    return Registry(kinds, tuple(problems))


def checked_options(kind: RegisteredKind, options: Mapping[str, object]) -> dict[str, object]:
    """``options`` for ``kind``, with the declared defaults; an :class:`OptionError` (in Italian) for a wrong one.

    None stands for an option not given.
    """
    valid = ", ".join(option.name for option in kind.options) or "nessuna"
    unknown = [name for name in options if kind.option(name) is None]
    if unknown:
        quoted = ", ".join(f"'{printable(name)}'" for name in unknown)
        raise OptionError(
            f"{'Opzione sconosciuta' if len(unknown) == 1 else 'Opzioni sconosciute'} per il documento '{kind.name}': "
            f"{quoted}. Opzioni valide: {valid}."
        )
    result = {option.name: option.default for option in kind.options if option.default is not None}
    for name, value in options.items():
        option = kind.option(name)
        assert option is not None
        if value is None:
            continue
        if not option.accepts(value):
            raise OptionError(
                f"L'opzione '{name}' del documento '{kind.name}' vuole {option.type_name}, "
                f"non {printable(repr(value))} ({type(value).__name__})."
            )
        result[name] = value
    missing = [option for option in kind.options if option.required and result.get(option.name) is None]
    if missing:
        named = ", ".join(option.name + (f" ({option.flag})" if option.flag else "") for option in missing)
        which = "l'opzione" if len(missing) == 1 else "le opzioni"
        raise OptionError(f"Il documento '{kind.name}' richiede {which} {named}.")
    return result


class _Titles(Mapping[str, str]):
    """Every kind's name and Italian description, read from the registry when first asked (plugins included)."""

    def __getitem__(self, name: str) -> str:
        return registry().kinds[name].title

    def __iter__(self) -> Iterator[str]:
        return iter(registry().kinds)

    def __len__(self) -> int:
        return len(registry().kinds)

    def __repr__(self) -> str:
        return repr(dict(self))


DOCUMENT_KINDS: Mapping[str, str] = _Titles()
"""The kinds that can be rendered, each with its Italian description, in the registry's order."""
