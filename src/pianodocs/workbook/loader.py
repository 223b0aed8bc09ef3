"""Load a planning workbook into a :class:`~pianodocs.model.Plan`, or raise a ValidationError with every problem.

The pipeline: check and read the file (:mod:`.reader`), type every cell
(:mod:`.records`), cross-check the records (:mod:`.checks`), then build the
frozen domain objects from values already known to be right.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

import attrs

from ..errors import Problem, Severity, ValidationError
from ..limits import DEFAULT_LIMITS, LoadLimits, italian_number
from ..model import (
    Act,
    BudgetItem,
    BudgetTotal,
    Direction,
    Entity,
    FreeTable,
    Indicator,
    Measurement,
    Mission,
    OperationalObjective,
    Organ,
    Perspective,
    Phase,
    PiraObjectiveText,
    Plan,
    Programme,
    Revision,
    RevisionKind,
    SecretaryCardRow,
    Section,
    StrategicLine,
    StrategicObjective,
    Structure,
    TableRow,
    TextBlock,
)
from ..schema import SHEETS, TABLE_CELLS
from ..values import Target, Value
from .checks import check_records, picture_path
from .reader import RawSheet, read_sheets
from .records import Record, read_records

T = TypeVar("T")


def load_workbook(path: Path | str, warnings: list[Problem] | None = None, limits: LoadLimits = DEFAULT_LIMITS) -> Plan:
    """Read, validate and load the workbook at ``path``.

    Raises :class:`ValidationError` listing every problem when the workbook has errors.
    Warnings of a workbook that loads are appended to ``warnings`` when given.
    A workbook beyond ``limits`` (rows, text) is refused before its records are cross-checked.
    """
    problems: list[Problem] = []
    sheets = match_sheet_names(read_sheets(Path(path)), problems)
    known = {sheet.name.casefold() for sheet in SHEETS}
    problems.extend(notice for name, raw in sheets.items() if name.strip().casefold() in known for notice in raw.notices)
    records = read_records(sheets, problems)
    beyond = _beyond_limits(records, limits)
    if beyond:
        raise ValidationError([*problems, *beyond])
    check_records(records, problems, folder=Path(path).parent)
    if any(problem.severity is Severity.ERROR for problem in problems):
        raise ValidationError(problems)
    if not records["Indicatori"]:
        problems.append(
            Problem(
                "Indicatori",
                None,
                "Il workbook non contiene indicatori (il foglio 'Indicatori' manca, è vuoto o ha un altro nome): "
                "i documenti fatti di indicatori (Piano, PIRA, monitoraggio, Relazione, cruscotto) non possono essere prodotti.",
                Severity.WARNING,
            )
        )
    if warnings is not None:
        warnings.extend(problems)
    return build_plan(records, folder=Path(path).parent)


def match_sheet_names(sheets: Mapping[str, RawSheet], problems: list[Problem]) -> dict[str, RawSheet]:
    """``sheets`` with a sheet named like one of the format but for invisible characters read under the format's name.

    Invisible characters (zero-width spaces, a non-breaking space, spaces at the ends, other look-alikes that
    Unicode normalises away) are easy to type or paste into a sheet's tab without seeing them: such a sheet is
    read as the format's sheet, with an avviso naming what was found, unless a sheet with the exact name exists.
    """
    exact = {name.strip().casefold() for name in sheets}
    by_folded = {_folded(sheet.name): sheet.name for sheet in SHEETS}
    matched: dict[str, RawSheet] = {}
    for name, raw in sheets.items():
        target = by_folded.get(_folded(name))
        if target is None or name.strip().casefold() == target.casefold() or target.casefold() in exact:
            matched[name] = raw
            continue
        exact.add(target.casefold())
        problems.append(
            Problem(
                target,
                None,
                f"Il foglio «{_visible(name)}» si chiama quasi come '{target}' (il nome contiene caratteri invisibili o "
                f"simili: {_odd_characters(name)}): viene letto come '{target}'. Rinominare il foglio '{target}'.",
                Severity.WARNING,
            )
        )
        matched[target] = attrs.evolve(raw, name=target)
    return matched


def _folded(name: str) -> str:
    """``name`` without what the eye cannot tell apart: Unicode compatibility forms, format characters, extra spaces."""
    normal = unicodedata.normalize("NFKC", name)
    kept = "".join(" " if character.isspace() else character for character in normal if unicodedata.category(character) != "Cf")
    return " ".join(kept.split()).casefold()


def _odd_characters(name: str) -> str:
    """The characters of ``name`` a reader cannot see or tell from plain ones, as Unicode code points."""
    odd = [
        character
        for character in dict.fromkeys(name)
        if _invisible(character) or unicodedata.normalize("NFKC", character) != character
    ]
    found = ", ".join(f"U+{ord(character):04X}" for character in odd)
    if name != name.strip():
        found = ", ".join(part for part in (found, "spazi all'inizio o alla fine") if part)
    return found


def _invisible(character: str) -> bool:
    """Whether ``character`` shows as nothing, or as a plain space while not being one (a non-breaking space)."""
    return character != " " and unicodedata.category(character) in ("Cf", "Cc", "Zs", "Zl", "Zp")


def _visible(name: str) -> str:
    """``name`` with each invisible character written as its code point, so the message shows where it is."""
    return "".join(f"<U+{ord(character):04X}>" if _invisible(character) else character for character in name)


def build_plan(records: dict[str, list[Record]], folder: Path | None = None) -> Plan:
    entity = records["Ente"][0]
    plan = records["Piano"][0]
    threshold = plan.values.get("Soglia di raggiungimento")
    return Plan(
        entity=Entity(
            name=entity.text("Denominazione"),
            short_name=entity.text("Denominazione breve"),
            logo=entity.text("Logo"),
            address=entity.text("Indirizzo"),
            tax_code=entity.text("Codice fiscale"),
            website=entity.text("Sito web"),
            secretary_general=entity.text("Segretario generale"),
            president=entity.text("Presidente"),
        ),
        kind=plan.text("Tipo"),
        title=plan.text("Titolo"),
        first_year=_int(plan["Primo anno"]),
        last_year=_int(plan["Ultimo anno"]),
        reference_year=_int(plan["Anno di riferimento"]),
        monitoring_date=plan.values.get("Data di monitoraggio"),  # type: ignore[arg-type]
        threshold=threshold if isinstance(threshold, Decimal) else Decimal("0.8"),
        subtitle=plan.text("Sottotitolo"),
        vision=plan.text("Vision"),
        illustrative=plan.values.get("Illustrativo") is True,
        data_note=plan.text("Nota sui dati"),
        acts=_each(records["Atti"], _act),
        organs=_each(records["Organi"], lambda r: Organ(r.text("Organo"), r.text("Descrizione"))),
        structures=_each(
            records["Strutture"],
            lambda r: Structure(
                r.text("Codice"), r.text("Denominazione"), r.text("Tipo"), r.text("Struttura superiore"), r.text("Responsabile")
            ),
        ),
        perspectives=_each(
            records["Prospettive"], lambda r: Perspective(r.text("Codice"), r.text("Denominazione"), r.text("Descrizione"))
        ),
        lines=_each(records["Linee strategiche"], _line),
        strategic_objectives=_each(records["Obiettivi strategici"], _strategic_objective),
        operational_objectives=_each(records["Obiettivi operativi"], _operational_objective),
        indicators=_each(records["Indicatori"], lambda r: _indicator(r, _int(plan["Primo anno"]), _int(plan["Ultimo anno"]))),
        measurements=_each(records["Misurazioni"], _measurement),
        revisions=_each(records["Revisioni"], _revision),
        missions=_each(records["Missioni"], lambda r: Mission(r.text("Codice"), r.text("Denominazione"))),
        programmes=_each(
            records["Programmi"],
            lambda r: Programme(
                r.text("Missione"), r.text("Codice"), r.text("Denominazione"), r.text("Centro di responsabilità")
            ),
        ),
        pira_texts=_each(records["Obiettivi PIRA"], _pira_text),
        budget_items=_each(records["Programmi di budget"], _budget_item),
        budget_totals=_each(records["Totali di budget"], _budget_total),
        phases=_each(records["Fasi"], _phase),
        sections=_each(records["Sezioni"], _section),
        text_blocks=_each(records["Testi"], lambda r: _text_block(r, folder)),
        tables=_tables(records["Tabelle"]),
        secretary_card=_each(records["Scheda segretario"], _secretary_row),
    )


def _each(records: list[Record], build: Callable[[Record], T]) -> tuple[T, ...]:
    return tuple(build(record) for record in records)


def _int(value: object) -> int:
    assert isinstance(value, int), value
    return value


def _text_block(record: Record, folder: Path | None) -> TextBlock:
    """A text block; an 'immagine' with its file's bytes (the checks made sure it is a picture inside ``folder``)."""
    kind, content = record.text("Tipo"), record.text("Contenuto")
    picture = b""
    path = picture_path(content, folder) if kind == "immagine" and folder is not None and content else None
    if path is not None and path.is_file():  # a picture not there was an avviso: the document prints without it
        picture = path.read_bytes()
    return TextBlock(
        record.text("Sezione"),
        kind,
        content,
        alt=record.text("Testo alternativo"),
        caption=record.text("Didascalia"),
        width_mm=_decimal(record.values.get("Larghezza")),
        picture=picture,
    )


def _decimal(value: object) -> Decimal | None:
    return value if isinstance(value, Decimal) else None


def _optional_label(record: Record) -> str | None:
    """An empty 'Etichetta' cell means 'print the code'; a lone '-' means 'print no code'."""
    label = record.text("Etichetta")
    if not label:
        return None
    return "" if label == "-" else label


def _act(record: Record) -> Act:
    return Act(
        record.text("Codice"),
        record.text("Organo"),
        record.text("Numero"),
        record["Data"],  # type: ignore[arg-type]
        record.text("Oggetto"),
        record.text("Occasione"),
    )


def _line(record: Record) -> StrategicLine:
    benefits = tuple(line.strip().lstrip("-•").strip() for line in record.text("Benefici attesi").splitlines() if line.strip())
    return StrategicLine(
        record.text("Codice"),
        record.text("Denominazione"),
        record.text("Prospettiva"),
        record.text("Missione"),
        benefits,
        record.text("Nota non declinata"),
    )


def _strategic_objective(record: Record) -> StrategicObjective:
    return StrategicObjective(
        code=record.text("Codice"),
        line=record.text("Linea"),
        name=record.text("Denominazione"),
        perspective=record.text("Prospettiva"),
        label=_optional_label(record),
        description=record.text("Descrizione"),
        in_dashboard=record.values.get("Nel cruscotto") is not False,
        notes=record.text("Note"),
        monitoring_sheet=record.text("Scheda monitoraggio"),
    )


def _operational_objective(record: Record) -> OperationalObjective:
    areas = tuple(part.strip() for part in record.text("Area").split(",") if part.strip())
    return OperationalObjective(
        code=record.text("Codice"),
        strategic_objective=record.text("Obiettivo strategico"),
        name=record.text("Denominazione"),
        label=_optional_label(record),
        structures_involved=record.text("Strutture coinvolte"),
        areas=areas,
        in_dashboard=record.values.get("Nel cruscotto") is not False,
        description=record.text("Descrizione"),
        monitoring_sheet=record.text("Scheda monitoraggio"),
    )


def _indicator(record: Record, first_year: int, last_year: int) -> Indicator:
    """An indicator; targets outside the plan's years and history after them are left out (the checks warn of them).

    A value written as a no-value mark ("-", "nd", "n.d.") is kept: the documents print it as written.
    """
    direction = record.text("Verso")
    cluster = record.values.get("Media cluster")
    history = {
        year: value
        for year, value in record.per_year.get("Storico", {}).items()
        if isinstance(value, Value) and value.text and year <= last_year
    }
    targets = {
        year: target
        for year, target in record.per_year.get("Target", {}).items()
        if isinstance(target, Target) and target.text and first_year <= year <= last_year
    }
    return Indicator(
        code=record.text("Codice"),
        objective=record.text("Obiettivo"),
        name=record.text("Indicatore"),
        flag=record.text("Flag"),
        reference=record.text("Riferimento"),
        algorithm=record.text("Algoritmo"),
        technical_description=record.text("Descrizione tecnica"),
        cluster_mean=cluster if isinstance(cluster, Value) and cluster.text else None,
        history=dict(sorted(history.items())),
        weight=_decimal(record.values.get("Peso")),
        targets=dict(sorted(targets.items())),
        type=record.text("Tipologia"),
        unit=record.text("Unità di misura"),
        source=record.text("Fonte"),
        direction=Direction(direction) if direction else None,
        owner=record.text("Owner"),
        mission=record.text("Missione"),
        programme=record.text("Programma"),
        responsibility_centre=record.text("Centro di responsabilità"),
        dashboard=record.text("Cruscotto") or "ente",
        notes=record.text("Note"),
    )


def _measurement(record: Record) -> Measurement:
    value = record["Valore"]
    assert isinstance(value, Value)
    return Measurement(
        record.text("Indicatore"),
        record["Data"],  # type: ignore[arg-type]
        value,
        _decimal(record.values.get("Raggiungimento manuale")),
        record.text("Note"),
    )


def _revision(record: Record) -> Revision:
    year = record.values.get("Anno")
    return Revision(
        kind=RevisionKind(record.text("Tipo")),
        element=record.text("Elemento"),
        act=record.text("Atto"),
        year=year if isinstance(year, int) else None,
        previous=record.text("Valore precedente"),
        new=record.text("Nuovo valore"),
        motivation=record.text("Motivazione"),
        respread_weights=record.values.get("Ridistribuisci pesi") is True,
    )


def _pira_text(record: Record) -> PiraObjectiveText:
    budget = record.values.get("Budget")
    return PiraObjectiveText(
        record.text("Obiettivo"),
        record.text("Missione"),
        record.text("Programma"),
        record.text("Descrizione"),
        record.text("Principali attività"),
        record.text("Portatori di interesse"),
        title=record.text("Denominazione"),
        budget=budget if isinstance(budget, Value) and not budget.is_empty else None,
    )


def _budget_item(record: Record) -> BudgetItem:
    return BudgetItem(
        line=record.text("Linea"),
        programme=record.text("Programma"),
        project=record.text("Progetto"),
        area=record.text("Area"),
        function=record.text("Funzione camerale"),
        action=record.text("Azione"),
        promotional_costs=_decimal(record.values.get("Oneri promozionali")) or Decimal(0),
        investments=_decimal(record.values.get("Investimenti")) or Decimal(0),
        revenues=_decimal(record.values.get("Proventi")) or Decimal(0),
        structures_involved=record.text("Strutture coinvolte"),
    )


def _budget_total(record: Record) -> BudgetTotal:
    return BudgetTotal(
        record.text("Livello"),
        record.text("Riferimento"),
        _decimal(record.values.get("Oneri promozionali")),
        _decimal(record.values.get("Investimenti")),
        _decimal(record.values.get("Proventi")),
    )


def _phase(record: Record) -> Phase:
    years = tuple(int(part) for part in (p.strip() for p in record.text("Anni").split(",")) if part.isdigit())
    return Phase(record.text("Obiettivo"), record.text("Fase"), years)


def _section(record: Record) -> Section:
    level = record.values.get("Livello")
    return Section(
        key=record.text("Chiave"),
        title=record.text("Titolo"),
        level=level if isinstance(level, int) else 1,
        number=record.text("Numero"),
        in_summary=record.values.get("Nel sommario") is True,
        document=record.text("Documento"),
    )


def _tables(records: list[Record]) -> tuple[FreeTable, ...]:
    rows: dict[str, list[TableRow]] = {}
    for record in records:
        cells = [record.text(f"C{n}") for n in range(1, TABLE_CELLS + 1)]
        while cells and not cells[-1]:
            cells.pop()
        rows.setdefault(record.text("Tabella"), []).append(TableRow(record.text("Tipo riga"), tuple(cells)))
    return tuple(FreeTable(name, tuple(table_rows)) for name, table_rows in rows.items())


def _secretary_row(record: Record) -> SecretaryCardRow:
    target = record.values.get("Target")
    return SecretaryCardRow(
        perspective=record.text("Prospettiva"),
        objective=record.text("Obiettivo"),
        indicator=record.text("Indicatore"),
        perspective_weight=_decimal(record.values.get("Peso prospettiva")),
        objective_weight=_decimal(record.values.get("Peso obiettivo")),
        action=record.text("Azione"),
        weight=_decimal(record.values.get("Peso")),
        target=target if isinstance(target, Target) and target.text else None,
        reference=record.text("Riferimento"),
        targets={
            year: value
            for year, value in sorted(record.per_year.get("Target", {}).items())
            if isinstance(value, Target) and value.text
        },
    )


def _beyond_limits(records: dict[str, list[Record]], limits: LoadLimits) -> list[Problem]:
    """A problem for each sheet with too many rows, each cell with too long a text, and for too much text overall."""
    problems: list[Problem] = []
    total = 0
    for sheet, rows in records.items():
        limit = limits.indicators if sheet == "Indicatori" else limits.rows
        if len(rows) > limit:
            problems.append(
                Problem(
                    sheet,
                    f"A{rows[limit].row}",
                    f"Il foglio {sheet} ha {italian_number(len(rows))} righe: il limite è {italian_number(limit)} "
                    "(oltre, un documento richiederebbe troppa memoria e troppo tempo). "
                    "Togliere le righe non necessarie o dividere il piano in più workbook.",
                )
            )
        for record in rows:
            for column, value in record.values.items():
                if not isinstance(value, str):
                    continue
                total += len(value)
                if len(value) > limits.text_characters:
                    problems.append(
                        Problem(
                            sheet,
                            record.cell(column),
                            f"La cella della colonna '{column}' contiene {italian_number(len(value))} caratteri: "
                            f"il limite è {italian_number(limits.text_characters)}. Accorciare il testo.",
                        )
                    )
    if total > limits.total_text_characters:
        problems.append(
            Problem(
                None,
                None,
                f"Il workbook contiene {italian_number(total)} caratteri di testo: il limite è "
                f"{italian_number(limits.total_text_characters)} (oltre, un documento richiederebbe troppa memoria). "
                "Accorciare i testi più lunghi o dividere il piano in più workbook.",
            )
        )
    return problems
