"""The ``pianodocs`` command line: validate a workbook, create a blank one, list the document kinds.

Exit codes: 0 success, 1 bad input or failed output (with an Italian message,
never a traceback), 2 usage errors, 3 an internal error of pianodocs itself, 130 interrupted (Ctrl-C), 143 stopped by
SIGTERM. Messages go to standard error, results to standard output.

Longer than the 400 lines a module should keep to: it is the declaration of every command with its Italian
help and the short runner of each, which share the error reporting and exit codes at its top; the flags of
the document kinds come from their declarations (:mod:`pianodocs.cli_kinds`).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import NoReturn

from .atomic import output_folder, scratch_folder
from .cli_kinds import add_kind_flags, date_argument, describe_kinds, flags_not_taken, kind_options
from .errors import OutputError, PianodocsError, Problem, Severity, ValidationError, printable
from .kinds import DOCUMENT_KINDS
from .logs import configure_logging
from .model import Plan
from .wording import counted

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143
"""Ctrl-C (SIGINT) and SIGTERM: 128 + the signal's number, as shells report a command ended by it."""


class _ItalianFormatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage: str | None, actions, groups, prefix: str | None = None) -> None:  # type: ignore[no-untyped-def]
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


def _limits_help() -> str:
    from .limits import MAX_INDICATORS, MAX_ROWS, MAX_TEXT_CHARACTERS, MAX_TOTAL_TEXT_CHARACTERS, italian_number

    return (
        "Controlla un workbook e ne elenca tutti i problemi. Un workbook oltre i limiti è rifiutato: "
        f"{italian_number(MAX_INDICATORS)} indicatori, {italian_number(MAX_ROWS)} righe per ogni altro foglio, "
        f"{italian_number(MAX_TEXT_CHARACTERS)} caratteri per cella, {italian_number(MAX_TOTAL_TEXT_CHARACTERS)} "
        "caratteri di testo in tutto (tutti i limiti, anche quelli del file, in docs/limiti.md)."
    )


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="pianodocs",
        description="Genera i documenti del ciclo della performance di una Camera di Commercio dal workbook di pianificazione.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMANDO", parser_class=_Parser)
    commands.required = True

    validate = commands.add_parser(
        "validate", help="controlla un workbook e ne elenca tutti i problemi", description=_limits_help()
    )
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

    render = commands.add_parser(
        "render",
        help="genera un documento (PDF o DOCX) dal workbook",
        description="Genera il documento KIND dal WORKBOOK. Con KIND 'all' genera in OUT (una cartella) "
        "tutti i documenti applicabili, in PDF e DOCX.",
    )
    render.add_argument("kind", metavar="KIND", help="tipo di documento (vedi 'pianodocs kinds') oppure all")
    render.add_argument("workbook", type=Path, metavar="WORKBOOK", help="il workbook .xlsx")
    render.add_argument(
        "-o", "--output", type=Path, required=True, metavar="OUT", help="file .pdf o .docx da scrivere (una cartella con all)"
    )
    render.add_argument(
        "--anno", type=int, metavar="N", help="anno di riferimento del documento (predefinito: quello del workbook)"
    )
    render.add_argument("--modelli", type=Path, metavar="CARTELLA", help="cartella con modelli HTML/CSS personalizzati")
    render.add_argument(
        "--processi", type=int, default=None, metavar="N", help="documenti generati in parallelo con all (predefinito: 2)"
    )
    render.add_argument(
        "--firma",
        type=Path,
        metavar="CERT.p12",
        help="firma i PDF (PAdES) con questo certificato; password da PIANODOCS_FIRMA_PASSWORD o richiesta a terminale",
    )
    annex = render.add_argument_group("allegato-delibera")
    annex.add_argument(
        "--rispetto-a", type=Path, metavar="ORIGINALE.xlsx", help="le modifiche sono quelle tra questo workbook e WORKBOOK"
    )
    add_kind_flags(render)  # --al, --atto, --numero, --data … as the kinds declare them

    export = commands.add_parser("export", help="scrive indicatori, target, misurazioni e punteggi in CSV e JSON (open data)")
    export.add_argument("workbook", type=Path, metavar="WORKBOOK", help="il workbook .xlsx")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="CARTELLA", help="cartella in cui scrivere i file")
    export.add_argument(
        "--al", type=date_argument, metavar="GG/MM/AAAA", help="data dei punteggi (predefinita: data di monitoraggio)"
    )

    diff = commands.add_parser("diff", help="elenca cosa è cambiato tra due versioni di un piano")
    diff.add_argument("old", type=Path, metavar="VECCHIO.xlsx", help="la versione precedente")
    diff.add_argument("new", type=Path, metavar="NUOVO.xlsx", help="la versione nuova")
    diff.add_argument("--json", action="store_true", help="scrive le modifiche in JSON (struttura in docs/diff.md)")

    serve = commands.add_parser(
        "serve",
        help="avvia la pagina web locale (caricare il workbook, vedere i problemi, generare e scaricare i documenti)",
        description="Avvia la pagina web di pianodocs (docs/web.md). Ascolta solo su questo computer (127.0.0.1) "
        "se non si indica un altro --host; si ferma con Ctrl-C.",
    )
    serve.add_argument("--host", default="127.0.0.1", metavar="INDIRIZZO", help="indirizzo di ascolto (predefinito 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, metavar="N", help="porta (predefinita 8000)")
    serve.add_argument(
        "--limite-mb", type=int, default=20, metavar="N", help="dimensione massima di un file caricato, in MB (predefinita 20)"
    )
    serve.add_argument(
        "--conserva-minuti",
        type=int,
        default=60,
        metavar="N",
        help="minuti dopo cui i file caricati e i documenti generati sono cancellati (predefiniti 60)",
    )

    commands.add_parser("kinds", help="elenca i tipi di documento")
    commands.add_parser("tipi", help="elenca i tipi di documento con le loro opzioni")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    configure_logging()  # the libraries' English warnings: translated, or shown only with PIANODOCS_DEBUG=1
    arguments = _parser().parse_args(argv)
    with _signals_as_interruptions():
        return _run(arguments)


def _run(arguments: argparse.Namespace) -> int:
    from .batch import Terminated

    try:
        handler = {
            "validate": _validate,
            "init": _init,
            "kinds": _kinds,
            "tipi": _types,
            "render": _render,
            "diff": _diff,
            "export": _export,
            "serve": _serve,
        }[arguments.command]
        return handler(arguments)
    except ValidationError as error:
        _print_problems(error.problems)
        return EXIT_INVALID
    except (OutputError, PianodocsError) as error:
        print(f"pianodocs: {error}", file=sys.stderr)
        return EXIT_INVALID
    except KeyboardInterrupt:
        return _interrupted(signal.SIGINT)
    except Terminated:
        return _interrupted(signal.SIGTERM)
    except Exception as error:  # a bug of pianodocs, not of the input: say so without a traceback
        if _received:  # the interruption was raised inside a C callback, which turned it into another error
            return _interrupted(_received[0])
        if os.environ.get("PIANODOCS_DEBUG"):
            raise
        print(
            f"pianodocs: errore interno imprevisto ({type(error).__name__}: {printable(str(error))}). "
            "Nessun file è stato modificato. "
            "Ripetere con PIANODOCS_DEBUG=1 per i dettagli e segnalare il problema.",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


def _interrupted(signum: int) -> int:
    """Report the interruption by Ctrl-C (SIGINT) or SIGTERM; the exit code is 128 + the signal's number."""
    if signum == signal.SIGTERM:
        print("pianodocs: terminato (SIGTERM); nessun file parziale è stato lasciato.", file=sys.stderr)
        return EXIT_TERMINATED
    print("pianodocs: interrotto; nessun file parziale è stato lasciato.", file=sys.stderr)
    return EXIT_INTERRUPTED


_received: list[int] = []
"""The signals (SIGINT, SIGTERM) received while the command runs."""


def _stop_if_interrupted() -> None:
    """Raise the interruption again if a signal came and was swallowed (see :func:`_signals_as_interruptions`)."""
    from .batch import Terminated

    if _received:
        raise KeyboardInterrupt if _received[0] == signal.SIGINT else Terminated


@contextlib.contextmanager
def _signals_as_interruptions() -> Iterator[None]:
    """While the command runs, Ctrl-C and SIGTERM interrupt it, and are recorded in :data:`_received`.

    SIGTERM raises :class:`~pianodocs.batch.Terminated`, so it stops like after
    Ctrl-C. A library calling back from C (cairo drawing a DOCX figure) may turn
    the interruption into another error and print it as "Exception ignored":
    the record lets :func:`main` still report an interruption, and such
    reports of an interruption are not printed.
    """
    import threading

    from .batch import Terminated

    _received.clear()
    if threading.current_thread() is not threading.main_thread():  # signals reach only the main thread
        yield
        return

    def interrupted(signum: int, frame: object) -> None:
        _received.append(signum)
        raise KeyboardInterrupt if signum == signal.SIGINT else Terminated

    def unraisable(report: sys.UnraisableHookArgs) -> None:
        if not isinstance(report.exc_value, KeyboardInterrupt | Terminated):
            previous_hook(report)

    previous_term = signal.signal(signal.SIGTERM, interrupted)
    previous_int = signal.getsignal(signal.SIGINT)
    if previous_int is signal.default_int_handler:  # not where Ctrl-C is ignored (a command started with &)
        signal.signal(signal.SIGINT, interrupted)
    previous_hook, sys.unraisablehook = sys.unraisablehook, unraisable
    try:
        yield
    finally:
        sys.unraisablehook = previous_hook
        signal.signal(signal.SIGTERM, previous_term)
        if previous_int is signal.default_int_handler:
            signal.signal(signal.SIGINT, previous_int)


def _print_problems(problems: Sequence[Problem]) -> None:
    errors = [problem for problem in problems if problem.severity is Severity.ERROR]
    warnings = [problem for problem in problems if problem.severity is Severity.WARNING]
    for problem in (*errors, *warnings):
        print(str(problem), file=sys.stderr)
    if errors:
        print(f"{counted(len(errors), 'errore', 'errori')}, {counted(len(warnings), 'avviso', 'avvisi')}.", file=sys.stderr)


def _validate(arguments: argparse.Namespace) -> int:
    from .workbook.loader import load_workbook

    warnings: list[Problem] = []
    plan = load_workbook(arguments.workbook, warnings=warnings)
    _print_problems(warnings)
    indicators = sum(1 for _ in plan.indicators)
    counts = [
        counted(len(plan.strategic_objectives), "obiettivo strategico", "obiettivi strategici"),
        counted(len(plan.operational_objectives), "operativo", "operativi"),
        counted(indicators, "indicatore", "indicatori"),
    ]
    print(
        f"{arguments.workbook}: valido ({plan.title}; {', '.join(counts)}"
        f"{'; ' + counted(len(warnings), 'avviso', 'avvisi') if warnings else ''})."
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


def _export(arguments: argparse.Namespace) -> int:
    from .export import write_export
    from .workbook.loader import load_workbook

    warnings: list[Problem] = []
    plan = load_workbook(arguments.workbook, warnings=warnings)
    _print_problems(warnings)
    output_folder(arguments.output)
    written = write_export(plan, arguments.output, at=arguments.al, stem=f"{arguments.workbook.stem}_")
    for path in written:
        print(f"Scritto {path}")
    return EXIT_OK


def _diff(arguments: argparse.Namespace) -> int:
    import json

    from .diff import diff_plans, format_text, to_json
    from .workbook.loader import load_workbook

    old, new = load_workbook(arguments.old), load_workbook(arguments.new)
    changes = diff_plans(old, new, old_file=arguments.old.name, new_file=arguments.new.name)
    if arguments.json:
        print(json.dumps(to_json(changes), ensure_ascii=False, indent=2))
    else:
        print(format_text(changes))
    return EXIT_OK


def _serve(arguments: argparse.Namespace) -> int:
    if not 1 <= arguments.limite_mb <= 1024 or arguments.conserva_minuti < 1 or not 0 < arguments.port < 65536:
        print("pianodocs: valori non validi per --limite-mb (1-1024), --conserva-minuti (almeno 1) o --port.", file=sys.stderr)
        return EXIT_USAGE
    try:
        from .web import Settings, serve
    except ImportError as error:
        raise PianodocsError(
            "La pagina web richiede Starlette e uvicorn: installare pianodocs con l'extra 'web' (pip install 'pianodocs[web]')."
        ) from error
    settings = Settings(upload_limit=arguments.limite_mb * 1024 * 1024, retention_seconds=arguments.conserva_minuti * 60.0)
    serve(arguments.host, arguments.port, settings)
    return EXIT_OK


def _kinds(arguments: argparse.Namespace) -> int:
    width = max(len(kind) for kind in DOCUMENT_KINDS)
    for kind, description in DOCUMENT_KINDS.items():
        print(f"{kind.ljust(width)}  {description}")
    return EXIT_OK


def _types(arguments: argparse.Namespace) -> int:
    print(describe_kinds())
    return EXIT_OK


def _render(arguments: argparse.Namespace) -> int:
    """``render``: every temporary folder inside one session folder, removed on exit (or by the next command)."""
    from .batch import session_folder

    with session_folder():
        return _render_in_session(arguments)


def _render_in_session(arguments: argparse.Namespace) -> int:
    import time

    import attrs

    from .batch import Job, deliver, run
    from .render import FORMATS, applicable_kinds, render, skipped_kinds
    from .theme import load_theme
    from .workbook.loader import load_workbook

    kind: str = arguments.kind
    if kind != "all" and kind not in DOCUMENT_KINDS:
        print(f"pianodocs: tipo di documento sconosciuto '{kind}': vedere 'pianodocs kinds'.", file=sys.stderr)
        return EXIT_USAGE
    if kind != "all" and (ignored := flags_not_taken(arguments, kind)):
        print(
            f"pianodocs: {', '.join(ignored)}: non si applica al documento '{kind}' (vedere 'pianodocs tipi').", file=sys.stderr
        )
        return EXIT_USAGE
    if kind != "all" and arguments.output.suffix.lower() not in FORMATS:
        print(f"pianodocs: il file da scrivere deve finire in .pdf o .docx: {arguments.output}", file=sys.stderr)
        return EXIT_USAGE
    warnings: list[Problem] = []
    plan = load_workbook(arguments.workbook, warnings=warnings)
    _print_problems(warnings)
    if arguments.anno is not None:
        if arguments.anno not in plan.years:
            print(
                f"pianodocs: l'anno {arguments.anno} è fuori dal periodo del piano {plan.first_year}-{plan.last_year}.",
                file=sys.stderr,
            )
            return EXIT_USAGE
        plan = attrs.evolve(plan, reference_year=arguments.anno)
    folder = arguments.workbook.resolve().parent
    load_theme(arguments.modelli)  # a bad tema.toml stops the command before any file (open data too) is written

    annex_options = _annex_options(arguments, plan)

    def options(job_kind: str) -> dict[str, object]:
        if job_kind == "allegato-delibera":
            return annex_options
        return kind_options(arguments, job_kind, alone=kind != "all")

    signer = _signer(arguments)
    if kind != "all":
        if signer is None:
            render(plan, kind, arguments.output, workbook_folder=folder, template_dir=arguments.modelli, **options(kind))
        else:  # render aside and sign into the target: an unsigned file never takes the signed one's place
            with scratch_folder() as aside:  # the render's own temporary folder: a full TMPDIR is told in Italian
                draft = aside / arguments.output.name
                render(plan, kind, draft, workbook_folder=folder, template_dir=arguments.modelli, **options(kind))
                signer(draft, arguments.output)
        print(f"Scritto {arguments.output}" + (" (firmato)" if signer is not None else ""))
        return EXIT_OK
    output: Path = arguments.output
    if arguments.processi is None:
        from .batch import default_workers

        arguments.processi = default_workers()
    output_folder(output)
    jobs = [  # with --firma a PDF is rendered aside, then signed into its place: never an unsigned one where a signed one was
        Job(
            job_kind,
            output / f"{arguments.workbook.stem}_{job_kind}{suffix}",
            options(job_kind),
            aside=signer is not None and suffix == ".pdf",
        )
        for job_kind in applicable_kinds(plan)
        for suffix in FORMATS
    ]
    skipped = skipped_kinds(plan)
    if not jobs:
        print(f"{arguments.workbook}: nessun documento disponibile si applica a questo workbook.")
        _print_skipped(skipped)
        return EXIT_OK
    failures = 0
    started = time.monotonic()
    _progress(0, len(jobs))
    outcomes = run(plan, jobs, workbook_folder=folder, template_dir=arguments.modelli, workers=arguments.processi)
    with contextlib.closing(outcomes):  # interrupted here too (e.g. while signing), the workers stop before we go on
        for done, outcome in enumerate(outcomes, start=1):
            _stop_if_interrupted()  # a job's error may be an interruption in disguise: then stop, do not go on
            _clear_progress()
            if outcome.draft is not None:
                try:
                    if signer is None:
                        deliver(outcome.draft, outcome.job.path)
                    else:
                        signer(outcome.draft, outcome.job.path)
                except PianodocsError as error:  # the previous file stays as it was
                    outcome = attrs.evolve(outcome, error=f"firma non riuscita, PDF non sostituito: {error}")
            if outcome.error is not None:
                failures += 1
                print(f"  ✗ {outcome.job.path.name}: {outcome.error}", file=sys.stderr)
            else:
                print(f"  ✓ {outcome.job.path} ({outcome.seconds:.1f} s)", flush=True)
            _progress(done, len(jobs))
    from .export import write_export

    companions = write_export(plan, output, at=arguments.option_al, stem=f"{arguments.workbook.stem}_")
    print(f"  ✓ dati aperti (CSV e JSON): {', '.join(path.name for path in companions)}")
    _print_skipped(skipped)
    print(
        f"{counted(len(jobs) - failures, 'documento scritto', 'documenti scritti')} in {output} "
        f"in {time.monotonic() - started:.1f} s"
        + (f"; {counted(failures, 'non riuscito', 'non riusciti')}." if failures else ".")
    )
    return EXIT_INVALID if failures else EXIT_OK


def _print_skipped(skipped: dict[str, str]) -> None:
    """The kinds ``render all`` left out, each with why."""
    for kind, reason in skipped.items():
        print(f"  – {kind} non generato: {reason}")


def _signer(arguments: argparse.Namespace) -> Callable[[Path, Path], None] | None:
    """With --firma, a function signing a PDF (source, target); the password is asked once, before any rendering."""
    if arguments.firma is None:
        return None
    if arguments.kind != "all" and arguments.output.suffix.lower() != ".pdf":
        raise PianodocsError("La firma (--firma) si applica solo ai PDF: indicare un file .pdf.")
    try:
        from .signing import check_certificate, password_from_environment_or_prompt, sign_pdf
    except ImportError as error:
        raise PianodocsError(
            "La firma richiede pyHanko: installare pianodocs con l'extra 'firma' (pip install 'pianodocs[firma]')."
        ) from error
    password = password_from_environment_or_prompt()
    check_certificate(arguments.firma, password)  # before rendering: a certificate that cannot sign changes no file

    def sign(source: Path, target: Path) -> None:
        sign_pdf(source, target, pkcs12=arguments.firma, password=password)

    return sign


def _annex_options(arguments: argparse.Namespace, plan: Plan) -> dict[str, object]:
    """The annex's options: its act, number and date, and the revisions as the diff from an original workbook."""
    options = kind_options(arguments, "allegato-delibera", alone=arguments.kind != "all")
    if arguments.rispetto_a is not None:
        from .diff import revisions_from_diff
        from .workbook.loader import load_workbook

        act = arguments.option_atto or _latest_act(plan)
        if act is None:
            raise PianodocsError("Con --rispetto-a serve l'atto della deliberazione: indicarlo con --atto o nel foglio Atti.")
        options["revisioni"] = revisions_from_diff(load_workbook(arguments.rispetto_a), plan, act)
        options["atto"] = act
    return options


def _latest_act(plan: Plan) -> str | None:
    dated = [act for act in plan.acts if act.date is not None]
    return max(dated, key=lambda act: act.date).code if dated else None  # type: ignore[arg-type, return-value]


def _progress(done: int, total: int) -> None:
    """A progress bar on standard error when it is a terminal; nothing otherwise."""
    if not sys.stderr.isatty():
        return
    width = 30
    filled = width * done // total
    print(
        f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}",
        end="" if done < total else "\n",
        file=sys.stderr,
        flush=True,
    )


def _clear_progress() -> None:
    if sys.stderr.isatty():
        print("\r\033[K", end="", file=sys.stderr, flush=True)
