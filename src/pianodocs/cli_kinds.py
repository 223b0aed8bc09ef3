"""The part of the command line that the document kinds declare: ``render``'s flags, what each kind gets, ``tipi``.

Each :class:`~pianodocs.kinds.Option` with a ``flag`` becomes one flag of ``pianodocs render`` (a flag two
kinds declare, like ``--al``, is one flag with both helps), so a plugin's kind gets its flags without a line
here. :mod:`pianodocs.cli` owns the commands; this module only reads the kinds' declarations.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
from collections.abc import Callable

from .kinds import Option, RegisteredKind, registry

_log = logging.getLogger(__name__)


def date_argument(text: str) -> dt.date:
    """A date on the command line: 30/09/2020 or 2020-09-30."""
    from .values import parse_date

    date = parse_date(text)
    if date is None:
        try:
            date = dt.date.fromisoformat(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"data non valida: '{text}' (usare GG/MM/AAAA)") from None
    return date


PARSERS: dict[type[object], Callable[[str], object]] = {dt.date: date_argument, int: int, str: str}
"""How the command line reads each type an option with a flag may have (:data:`pianodocs.kinds.COMMAND_LINE_TYPES`)."""


def destination(flag: str) -> str:
    """Where argparse keeps the value of a kind's ``flag`` (``--al`` → ``option_al``): never a name of the CLI's own."""
    return "option_" + flag.removeprefix("--").replace("-", "_")


def add_kind_flags(render: argparse.ArgumentParser) -> None:
    """Add to ``render`` one flag per distinct flag the kinds declare; one already taken is left out, with a warning."""
    users: dict[str, list[tuple[RegisteredKind, Option]]] = {}
    for kind in registry().kinds.values():
        for option in kind.options:
            if option.flag is not None:
                users.setdefault(option.flag, []).append((kind, option))
    group = render.add_argument_group("opzioni dei tipi di documento (elencate da 'pianodocs tipi')")
    for flag, declared in users.items():
        first = declared[0][1]
        clashing = [kind.name for kind, option in declared if option.type is not first.type]
        if clashing:
            _log.warning(
                "pianodocs: avviso: l'opzione %s di %s ha un tipo diverso da quella di '%s': da riga di comando vale solo per questa.",
                flag,
                ", ".join(f"'{name}'" for name in clashing),
                declared[0][0].name,
            )
        helps = "; ".join(f"{kind.name}: {option.help}" for kind, option in declared if option.type is first.type)
        try:
            group.add_argument(flag, dest=destination(flag), type=PARSERS[first.type], metavar=first.metavar, help=helps)
        except argparse.ArgumentError:  # a plugin's flag that pianodocs render already has (--output, --anno …)
            _log.warning(
                "pianodocs: avviso: l'opzione %s del documento '%s' è già un'opzione di pianodocs render: "
                "non è disponibile da riga di comando.",
                flag,
                declared[0][0].name,
            )


def kind_options(arguments: argparse.Namespace, kind: str, *, alone: bool) -> dict[str, object]:
    """The options of ``kind`` given as flags; with ``alone`` false (``render all``) only those meant for all."""
    return {
        option.name: value
        for option in registry().kinds[kind].options
        if option.flag is not None
        and (alone or option.in_all)
        and (value := getattr(arguments, destination(option.flag), None)) is not None
    }


def flags_not_taken(arguments: argparse.Namespace, kind: str) -> list[str]:
    """The kinds' flags given on the command line that ``kind`` does not take (they would be silently ignored)."""
    taken = {option.flag for option in registry().kinds[kind].options}
    flags = dict.fromkeys(option.flag for other in registry().kinds.values() for option in other.options if option.flag)
    return [flag for flag in flags if flag not in taken and getattr(arguments, destination(flag), None) is not None]


def describe_kinds() -> str:
    """The kinds with their Italian descriptions and their options, as ``pianodocs tipi`` prints them."""
    lines: list[str] = []
    for kind in registry().kinds.values():
        origin = "" if kind.origin == "pianodocs" else f" (dal pacchetto {kind.origin})"
        lines.append(f"{kind.name}: {kind.title}{origin}")
        lines.extend(f"    {_described(option)}" for option in kind.options)
        if not kind.options:
            lines.append("    nessuna opzione")
    return "\n".join(lines)


def _described(option: Option) -> str:
    if option.flag is not None:
        where = f"{option.flag} {option.metavar or option.name.upper()} (nella libreria: {option.name})"
    else:
        where = f"{option.name} (solo nella libreria)"
    facts = [option.type_name] + (["obbligatoria"] if option.required else [])
    if option.default is not None:
        facts.append(f"predefinito {option.default}")
    if not option.in_all:
        facts.append("non con all")
    return f"{where} — {option.help} [{', '.join(facts)}]"
