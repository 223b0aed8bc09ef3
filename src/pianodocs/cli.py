"""The ``pianodocs`` command line: validate a workbook, create a blank one, list the document kinds.

Exit codes: 0 success, 1 bad input or failed output (with an Italian message,
never a traceback), 2 usage errors. Messages go to standard error, results to
standard output.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from .errors import OutputError, PianodocsError, Problem, Severity, ValidationError
from .kinds import DOCUMENT_KINDS

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class _ItalianFormatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage: str | None, actions, groups, prefix: str | None = None) -> None:  # type: ignore[no-untyped-def, override]
        super().add_usage(usage, actions, groups, prefix="uso: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("formatter_class", _ItalianFormatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "argomenti"
        self._optionals.title = "opzioni"
        self.add_argument("-h", "--help", action="help", help="mostra questo aiuto ed esce")

    def error(self, message: str) -> NoReturn:
        translated = (
            message.replace("the following arguments are required", "mancano gli argomenti obbligatori")
            .replace("unrecognized arguments", "argomenti non riconosciuti")
            .replace("invalid choice", "scelta non valida")
            .replace("choose from", "scegliere tra")
            .replace("expected one argument", "richiede un valore")  # before "argument", which it contains
            .replace("argument", "argomento")
            .replace("invalid int value", "numero intero non valido")
        )
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: errore: {translated}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="pianodocs",
        description="Genera i documenti del ciclo della performance di una Camera di Commercio dal workbook di pianificazione.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMANDO", parser_class=_Parser)
    commands.required = True

    validate = commands.add_parser("validate", help="controlla un workbook e ne elenca tutti i problemi")
    validate.add_argument("workbook", type=Path, metavar="WORKBOOK", help="il file .xlsx da controllare")

    init = commands.add_parser("init", help="crea un workbook vuoto, con aiuto e un esempio")
    init.add_argument("output", type=Path, metavar="OUT.xlsx", help="il file da creare")
    this_year = dt.date.today().year
    init.add_argument(
        "--primo-anno", type=int, default=this_year, metavar="N", help=f"primo anno del piano (predefinito {this_year})"
    )
    init.add_argument(
        "--ultimo-anno", type=int, default=None, metavar="N", help="ultimo anno del piano (predefinito primo anno + 2)"
    )
    init.add_argument("--force", action="store_true", help="sovrascrive il file se esiste già")

    commands.add_parser("kinds", help="elenca i tipi di documento")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = _parser().parse_args(argv)
    try:
        handler = {"validate": _validate, "init": _init, "kinds": _kinds}[arguments.command]
        return handler(arguments)
    except ValidationError as error:
        _print_problems(error.problems)
        return EXIT_INVALID
    except (OutputError, PianodocsError) as error:
        print(f"pianodocs: {error}", file=sys.stderr)
        return EXIT_INVALID
    except KeyboardInterrupt:
        print("pianodocs: interrotto; nessun file parziale è stato lasciato.", file=sys.stderr)
        return 130


def _print_problems(problems: Sequence[Problem]) -> None:
    errors = [problem for problem in problems if problem.severity is Severity.ERROR]
    warnings = [problem for problem in problems if problem.severity is Severity.WARNING]
    for problem in (*errors, *warnings):
        print(str(problem), file=sys.stderr)
    if errors:
        print(f"{_count(len(errors), 'errore', 'errori')}, {_count(len(warnings), 'avviso', 'avvisi')}.", file=sys.stderr)


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def _validate(arguments: argparse.Namespace) -> int:
    from .workbook.loader import load_workbook

    warnings: list[Problem] = []
    plan = load_workbook(arguments.workbook, warnings=warnings)
    _print_problems(warnings)
    indicators = sum(1 for _ in plan.indicators)
    print(
        f"{arguments.workbook}: valido ({plan.title}; {len(plan.strategic_objectives)} obiettivi strategici, "
        f"{len(plan.operational_objectives)} operativi, {indicators} indicatori"
        f"{'; ' + _count(len(warnings), 'avviso', 'avvisi') if warnings else ''})."
    )
    return EXIT_OK


def _init(arguments: argparse.Namespace) -> int:
    from .workbook.template import write_blank_workbook

    output: Path = arguments.output
    last_year = arguments.ultimo_anno if arguments.ultimo_anno is not None else arguments.primo_anno + 2
    if output.suffix.lower() != ".xlsx":
        print(f"pianodocs: il file da creare deve avere estensione .xlsx: {output}", file=sys.stderr)
        return EXIT_USAGE
    if not 1990 <= arguments.primo_anno <= last_year <= arguments.primo_anno + 20:
        print(f"pianodocs: anni non validi: {arguments.primo_anno}-{last_year}.", file=sys.stderr)
        return EXIT_USAGE
    if output.exists() and not arguments.force:
        print(f"pianodocs: {output} esiste già: usare --force per sovrascriverlo.", file=sys.stderr)
        return EXIT_INVALID
    write_blank_workbook(output, arguments.primo_anno, last_year)
    print(f"Creato {output}: compilare i fogli seguendo i commenti delle intestazioni, poi 'pianodocs validate {output}'.")
    return EXIT_OK


def _kinds(arguments: argparse.Namespace) -> int:
    width = max(len(kind) for kind in DOCUMENT_KINDS)
    for kind, description in DOCUMENT_KINDS.items():
        print(f"{kind.ljust(width)}  {description}")
    return EXIT_OK
