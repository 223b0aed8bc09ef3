"""Check the records of a workbook against each other: codes, references, weights, totals, plausibility.

Every check adds located problems to one list; none stops at the first. Errors
make the workbook unusable; warnings (an implausible target, weights that no
longer sum to 100% after a revision) are reported and the plan still loads.

Longer than the 400 lines a module should keep to: one :class:`Checker`, each method one rule over the same
index of records, in the order the sheets are documented; the pictures' checks are in
:mod:`pianodocs.workbook.pictures`, the reading of the file in :mod:`pianodocs.workbook.reader`.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from statistics import median

from ..errors import Problem, Severity
from ..schema import CASCADING, GENERATED_CONTENTS
from ..values import (
    FIRST_PLAN_YEAR,
    LAST_PLAN_YEAR,
    LONGEST_PLAN,
    Target,
    TargetKind,
    Value,
    format_number,
    format_percent,
    parse_number,
)
from .pictures import check_picture, logo_refusal
from .records import Record, filled

_ONE = Decimal(1)
_ZERO = Decimal(0)
_WEIGHT_EXACT = Decimal("0.0001")
# weights summing to 99% or 99,9% (3 × 33% or 3 × 33,3%) load with a warning; the scoring divides by their sum
WEIGHT_ROUNDING_TOLERANCE = Decimal("0.01")
_TOLERANCE_TEXT = "1 punto percentuale"
_MONEY_TOLERANCE = Decimal("0.005")
_IMPLAUSIBLE_RATIO = Decimal(50)
INSERTED = ("indicatore inserito", "obiettivo inserito")
# characters a person cannot see in a code, by the name the warning gives them; NFKC turns NBSP into a space
INVISIBLE = {
    "\u200b": "spazio a larghezza zero",
    "\u200c": "separatore a larghezza zero",
    "\u200d": "unione a larghezza zero",
    "\u2060": "unione di parola",
    "\u00ad": "trattino morbido",
    "\ufeff": "BOM (segno di ordine dei byte)",
    "\u00a0": "spazio non separabile",
}


def check_records(records: dict[str, list[Record]], problems: list[Problem], folder: Path | None = None) -> None:
    """Cross-check ``records``; with the workbook's ``folder`` also the logo it names."""
    Checker(records, problems).run()
    if folder is not None and records.get("Ente"):
        entity = records["Ente"][0]
        refusal = logo_refusal(entity.text("Logo"), folder)
        if refusal:
            problems.append(Problem("Ente", entity.cell("Logo"), refusal, Severity.WARNING))
    for record in records.get("Testi", []):
        if record.text("Tipo") == "immagine":
            check_picture(record, folder, problems)


class Checker:
    def __init__(self, records: dict[str, list[Record]], problems: list[Problem]) -> None:
        self.records = records
        self.problems = problems
        self._looked_at: set[tuple[str, str]] = set()  # (sheet, column) whose codes were checked for invisible characters
        # a code as compared for look-alikes → the records and columns where it is written
        self._by_folded: dict[str, list[tuple[Record, str]]] = defaultdict(list)

    def error(self, record: Record, column: str | None, message: str) -> None:
        self.problems.append(Problem(record.sheet, record.cell(column) if column else None, message))

    def warning(self, record: Record, cell: str | None, message: str) -> None:
        self.problems.append(Problem(record.sheet, cell, message, Severity.WARNING))

    def run(self) -> None:
        plan = self.records["Piano"][0] if self.records["Piano"] else None
        if plan is not None and self._check_years(plan):
            self._check_year_columns(plan)
        codes = {
            name: self._unique(name)
            for name in ("Atti", "Strutture", "Prospettive", "Linee strategiche", "Missioni", "Indicatori")
        }
        codes["Sezioni"] = self._unique("Sezioni", "Chiave")
        objectives = self._unique_objectives()
        programmes = self._unique_programmes()
        self._check_references(codes, objectives, programmes)
        self._check_superiors()
        self._check_weights()
        for column in ("Peso prospettiva", "Peso obiettivo", "Peso"):
            self._weights_out_of_range(self.records["Scheda segretario"], column)
        self._check_budget_totals()
        self._check_table_totals()
        self._check_texts(codes)
        self._check_plausibility()

    # --- codes ---------------------------------------------------------------------

    def _unique(self, sheet: str, column: str = "Codice") -> set[str]:
        self._check_invisible(self.records[sheet], column)
        self._check_look_alikes(self.records[sheet], column)
        seen: dict[str, Record] = {}
        for record in self.records[sheet]:
            code = record.text(column)
            if not code:
                continue
            if code in seen:
                self.error(record, column, f"Il codice '{code}' è già usato alla riga {seen[code].row}.")
            else:
                seen[code] = record
        return set(seen)

    def _unique_objectives(self) -> dict[str, str]:
        """Objective code → 'strategico' or 'operativo'; the two share one set of codes."""
        kinds: dict[str, str] = {}
        rows: dict[str, Record] = {}
        both = [*self.records["Obiettivi strategici"], *self.records["Obiettivi operativi"]]
        self._check_invisible(both, "Codice")
        self._check_look_alikes(both, "Codice")
        for sheet, kind in (("Obiettivi strategici", "strategico"), ("Obiettivi operativi", "operativo")):
            for record in self.records[sheet]:
                code = record.text("Codice")
                if not code:
                    continue
                if code in kinds:
                    other = rows[code]
                    self.error(record, "Codice", f"Il codice '{code}' è già usato nel foglio '{other.sheet}', riga {other.row}.")
                    continue
                kinds[code] = kind
                rows[code] = record
        return kinds

    def _unique_programmes(self) -> set[tuple[str, str]]:
        seen: dict[tuple[str, str], Record] = {}
        self._check_invisible(self.records["Programmi"], "Codice")
        for record in self.records["Programmi"]:
            key = (record.text("Missione"), record.text("Codice"))
            if key in seen:
                self.error(record, "Codice", f"Il programma {key[1]} della missione {key[0]} è già alla riga {seen[key].row}.")
            seen[key] = record
        return set(seen)

    def _check_invisible(self, records: list[Record], column: str) -> None:
        """Warn of codes (or references to them) holding characters a person cannot see: they never match as typed."""
        for record in records:
            if (record.sheet, column) in self._looked_at:
                continue
            code = record.text(column)
            hidden = sorted({character for character in code if character in INVISIBLE})
            if not hidden:
                continue
            named = ", ".join(f"U+{ord(character):04X} {INVISIBLE[character]}" for character in hidden)
            what = "un carattere invisibile" if len(hidden) == 1 else "caratteri invisibili"
            self.warning(
                record,
                record.cell(column),
                f"'{column}' «{_visible(code)}» contiene {what} ({named}): cancellarlo, "
                "altrimenti il codice non corrisponde allo stesso codice scritto altrove.",
            )
        self._looked_at.update((record.sheet, column) for record in records)

    def _check_look_alikes(self, records: list[Record], column: str) -> None:
        """Warn of two different codes that read the same once invisible characters and typographic variants are ignored."""
        first: dict[str, Record] = {}
        for record in records:
            code = record.text(column)
            if not code:
                continue
            folded = _folded(code)
            self._by_folded[folded].append((record, column))
            other = first.setdefault(folded, record)
            if other is not record and other.text(column) != code:
                self.warning(
                    record,
                    record.cell(column),
                    f"'{column}' «{_visible(code)}» ({record.sheet}!{record.cell(column)}) e «{_visible(other.text(column))}» "
                    f"({other.sheet}!{other.cell(column)}) sembrano lo stesso codice ma differiscono per caratteri "
                    "invisibili o simili: scriverli nello stesso modo se sono lo stesso codice, altrimenti sceglierne uno diverso.",
                )

    def _look_alike_reference(self, record: Record, column: str, reference: str, known: set[str]) -> None:
        """Warn of a reference that reads as a known code but for invisible characters or typographic variants."""
        found = next(((other, at) for other, at in self._by_folded.get(_folded(reference), []) if other.text(at) in known), None)
        if found is None:
            return
        other, other_column = found
        code = other.text(other_column)
        self.warning(
            record,
            record.cell(column),
            f"'{column}' «{_visible(reference)}» ({record.sheet}!{record.cell(column)}) e il codice «{code}» "
            f"({other.sheet}!{other.cell(other_column)}) sembrano lo stesso codice ma differiscono per caratteri invisibili o "
            "simili: scrivere il riferimento come il codice.",
        )

    # --- references ----------------------------------------------------------------

    def _refers(self, sheet: str, column: str, known: Iterable[str], target: str, split: bool = False) -> None:
        known = set(known)
        self._check_invisible(self.records[sheet], column)
        for record in self.records[sheet]:
            text = record.text(column)
            for code in (part.strip() for part in text.split(",")) if split else (text,):
                if code and code not in known:
                    self.error(record, column, f"'{column}' indica '{code}', che non esiste nel foglio '{target}'.")
                    self._look_alike_reference(record, column, code, known)

    def _check_references(self, codes: dict[str, set[str]], objectives: dict[str, str], programmes: set[tuple[str, str]]) -> None:
        strategic = {code for code, kind in objectives.items() if kind == "strategico"}
        self._refers("Linee strategiche", "Prospettiva", codes["Prospettive"], "Prospettive")
        self._refers("Linee strategiche", "Missione", codes["Missioni"], "Missioni")
        self._refers("Obiettivi strategici", "Linea", codes["Linee strategiche"], "Linee strategiche")
        self._refers("Obiettivi strategici", "Prospettiva", codes["Prospettive"], "Prospettive")
        self._refers("Obiettivi operativi", "Obiettivo strategico", strategic, "Obiettivi strategici")
        self._refers("Obiettivi operativi", "Area", codes["Strutture"], "Strutture", split=True)
        self._refers("Strutture", "Struttura superiore", codes["Strutture"], "Strutture")
        self._refers("Indicatori", "Obiettivo", objectives, "Obiettivi strategici/operativi")
        self._refers("Indicatori", "Missione", codes["Missioni"], "Missioni")
        self._refers("Misurazioni", "Indicatore", codes["Indicatori"], "Indicatori")
        self._refers("Revisioni", "Atto", codes["Atti"], "Atti")
        self._refers("Revisioni", "Elemento", codes["Indicatori"] | set(objectives), "Indicatori/Obiettivi")
        self._refers("Programmi", "Missione", codes["Missioni"], "Missioni")
        self._refers("Obiettivi PIRA", "Obiettivo", objectives, "Obiettivi strategici/operativi")
        self._refers("Obiettivi PIRA", "Missione", codes["Missioni"], "Missioni")
        self._refers("Programmi di budget", "Linea", codes["Linee strategiche"], "Linee strategiche")
        self._refers("Programmi di budget", "Area", codes["Strutture"], "Strutture")
        self._refers("Fasi", "Obiettivo", objectives, "Obiettivi strategici/operativi")
        self._refers("Testi", "Sezione", codes["Sezioni"], "Sezioni")
        self._refers("Scheda segretario", "Prospettiva", codes["Prospettive"], "Prospettive")
        self._refers("Scheda segretario", "Obiettivo", objectives, "Obiettivi strategici/operativi")
        for sheet in ("Indicatori", "Obiettivi PIRA"):
            for record in self.records[sheet]:
                mission, programme = record.text("Missione"), record.text("Programma")
                if programme and mission and mission in codes["Missioni"] and (mission, programme) not in programmes:
                    self.error(
                        record, "Programma", f"Il programma {programme} non esiste nella missione {mission} (foglio 'Programmi')."
                    )
                if programme and not mission:
                    self.error(record, "Missione", "Manca la missione del programma indicato.")
        for record in self.records["Fasi"]:
            for part in record.text("Anni").split(","):
                number = parse_number(part) if part.strip() else None
                if part.strip() and (number is None or not FIRST_PLAN_YEAR <= number <= LAST_PLAN_YEAR):
                    self.error(record, "Anni", f"'Anni' deve elencare anni separati da virgola: «{part.strip()}» non è un anno.")

    def _check_superiors(self) -> None:
        """A structure that is its own superior, or superiors that lead back to where they began: one error per cycle."""
        rows = {record.text("Codice"): record for record in self.records["Strutture"] if record.text("Codice")}
        reported: set[str] = set()
        for record in self.records["Strutture"]:
            code = record.text("Codice")
            if not code or code in reported:
                continue
            path = [code]
            superior = record.text("Struttura superiore")
            while superior in rows and superior not in path:
                path.append(superior)
                superior = rows[superior].text("Struttura superiore")
            if superior != code:  # the chain ends, or joins a cycle that does not include this structure
                continue
            reported.update(path)
            if len(path) == 1:
                self.error(
                    record,
                    "Struttura superiore",
                    f"La struttura '{code}' (riga {record.row}) indica se stessa come struttura superiore.",
                )
                continue
            steps = " → ".join(f"{member} (riga {rows[member].row})" for member in path)
            self.error(
                record,
                "Struttura superiore",
                f"Le strutture superiori formano un ciclo: {steps} → {code}. "
                "Correggere 'Struttura superiore' in una di queste righe.",
            )

    def _check_years(self, plan: Record) -> bool:
        """Whether the plan's years are each plausible and in order; every year is checked before anything uses it."""
        fields = ("Primo anno", "Ultimo anno", "Anno di riferimento")
        years = {field: plan.values.get(field) for field in fields}
        sane = True
        for field, year in years.items():
            if isinstance(year, int) and not FIRST_PLAN_YEAR <= year <= LAST_PLAN_YEAR:
                self.error(
                    plan,
                    field,
                    f"'{field}' è {year}: un anno del piano deve essere compreso fra {FIRST_PLAN_YEAR} e {LAST_PLAN_YEAR}.",
                )
                sane = False
        first, last, reference = (years[field] for field in fields)
        if not sane or not isinstance(first, int) or not isinstance(last, int):
            return False
        if last < first:
            self.error(plan, "Ultimo anno", f"L'ultimo anno ({last}) precede il primo ({first}).")
            return False
        if last - first > LONGEST_PLAN:
            self.error(plan, "Ultimo anno", f"Il periodo {first}-{last} è più lungo di {LONGEST_PLAN} anni.")
        if isinstance(reference, int) and not first <= reference <= last:
            self.error(plan, "Anno di riferimento", f"L'anno di riferimento {reference} è fuori dal periodo {first}-{last}.")
        return True

    def _check_year_columns(self, plan: Record) -> None:
        """Warn of filled 'Target AAAA' columns outside the plan's years and 'Storico AAAA' after them: they are not read."""
        first, last = plan.values.get("Primo anno"), plan.values.get("Ultimo anno")
        assert isinstance(first, int) and isinstance(last, int)
        self._warn_years_outside("Indicatori", first, last)

    def _warn_years_outside(self, sheet: str, first: int, last: int) -> None:
        """Warn of the filled per-year cells of ``sheet`` outside the plan's years ('Storico': after them), a warning
        per column and year: they are not read."""
        ignored: dict[tuple[str, int], list[str]] = defaultdict(list)
        for record in self.records[sheet]:
            for column, years in record.per_year.items():
                for year, value in years.items():
                    outside = year > last if column == "Storico" else not first <= year <= last
                    if outside and filled(value):
                        ignored[(column, year)].append(record.per_year_cells[column][year])
        for (column, year), cells in sorted(ignored.items()):
            where = "successiva al" if column == "Storico" else "fuori dal"
            listed = ", ".join(cells[:10]) + (f" e altre {len(cells) - 10}" if len(cells) > 10 else "")
            self.problems.append(
                Problem(
                    sheet,
                    cells[0],
                    f"La colonna '{column} {year}' è {where} periodo del piano {first}-{last}: "
                    f"i valori delle celle {listed} vengono ignorati.",
                    Severity.WARNING,
                )
            )

    # --- sums ----------------------------------------------------------------------

    def _check_weights(self) -> None:
        inserted = {record.text("Elemento") for record in self.records["Revisioni"] if record.text("Tipo") in INSERTED}
        out_of_range = self._weights_out_of_range(self.records["Indicatori"], "Peso")
        by_objective: dict[str, list[Record]] = defaultdict(list)
        for record in self.records["Indicatori"]:
            if record.text("Codice") not in inserted:
                by_objective[record.text("Obiettivo")].append(record)
        for objective, indicators in by_objective.items():
            weights = [record.values.get("Peso") for record in indicators]
            if not any(isinstance(weight, Decimal) for weight in weights):
                continue
            if any(record.row in out_of_range for record in indicators):
                continue  # a sum of weights out of range says nothing more
            total = sum((weight for weight in weights if isinstance(weight, Decimal)), Decimal(0))
            if abs(total - _ONE) <= _WEIGHT_EXACT:
                continue
            first = indicators[0]
            summed = (
                f"I pesi degli indicatori dell'obiettivo {objective} sommano a {format_percent(total)} invece che al 100% "
                f"(righe {', '.join(str(record.row) for record in indicators)})"
            )
            if abs(total - _ONE) <= WEIGHT_ROUNDING_TOLERANCE:
                self.warning(
                    first,
                    first.cell("Peso"),
                    f"{summed}: entro la tolleranza di arrotondamento di {_TOLERANCE_TEXT}, "
                    "i pesi vengono usati in proporzione alla loro somma.",
                )
            else:
                self.error(first, "Peso", f"{summed}: la tolleranza di arrotondamento è di {_TOLERANCE_TEXT}.")

    def _weights_out_of_range(self, records: list[Record], column: str) -> set[int]:
        """The rows of ``records`` whose weight in ``column`` is not more than 0% and at most 100%, with an error at each."""
        rows: set[int] = set()
        for record in records:
            weight = record.values.get(column)
            if not isinstance(weight, Decimal) or _ZERO < weight <= _ONE:
                continue
            rows.add(record.row)
            message = f"'{column}' è {format_percent(weight)}: ogni peso deve essere maggiore di 0% e al massimo 100%."
            if weight == weight.to_integral_value() and 1 < weight <= 100:  # 50 in a cell formatted as a percentage: 5000%
                message += f" Se il peso è {format_number(weight)}%, scrivere {format_number(weight)}% (con il simbolo %)."
            self.error(record, column, message)
        return rows

    def _check_budget_totals(self) -> None:
        amounts = ("Oneri promozionali", "Investimenti", "Proventi")
        sums: dict[tuple[str, str], dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
        for record in self.records["Programmi di budget"]:
            programme, line = sums[("programma", record.text("Programma"))], sums[("linea", record.text("Linea"))]
            for amount in amounts:
                value = record.values.get(amount)
                if isinstance(value, Decimal):
                    programme[amount] += value
                    line[amount] += value
        for record in self.records["Totali di budget"]:
            key = (record.text("Livello"), record.text("Riferimento"))
            if key not in sums and key[0] == "programma":
                self.error(record, "Riferimento", f"Il programma «{key[1]}» non compare nel foglio 'Programmi di budget'.")
                continue
            for amount in amounts:
                printed = record.values.get(amount)
                computed = sums[key][amount] if key in sums else Decimal(0)
                if isinstance(printed, Decimal) and abs(printed - computed) > _MONEY_TOLERANCE:
                    self.error(
                        record,
                        amount,
                        f"Il totale {amount.lower()} di {key[0]} «{key[1]}» è {format_number(printed, 2)}, "
                        f"ma la somma delle righe è {format_number(computed, 2)}.",
                    )

    def _check_table_totals(self) -> None:
        rows_by_table: dict[str, list[Record]] = defaultdict(list)
        for record in self.records["Tabelle"]:
            rows_by_table[record.text("Tabella")].append(record)
        for name, rows in rows_by_table.items():
            running: dict[int, Decimal] = defaultdict(Decimal)
            counted = 0
            for record in rows:
                kind = record.text("Tipo riga")
                cells = [_plain_cell(record.text(f"C{n}")) for n in range(1, 13)]
                if kind == "dati":
                    counted += 1
                    for index, text in enumerate(cells):
                        number = parse_number(text) if text not in ("", "-") else None
                        if number is not None:
                            running[index] += number
                elif kind == "totale":
                    for index, text in enumerate(cells):
                        printed = parse_number(text) if text not in ("", "-") else None
                        if printed is not None and counted and abs(printed - running[index]) > _MONEY_TOLERANCE:
                            self.error(
                                record,
                                f"C{index + 1}",
                                f"Nella tabella '{name}' il totale {text} non è la somma delle righe sopra "
                                f"({format_number(running[index])}).",
                            )
                    running.clear()
                    counted = 0
                elif kind in ("intestazione", "sezione", "titolo"):
                    running.clear()
                    counted = 0

    # --- texts ---------------------------------------------------------------------

    def _check_texts(self, codes: dict[str, set[str]]) -> None:
        tables = {record.text("Tabella") for record in self.records["Tabelle"]}
        areas = codes["Strutture"]
        for record in self.records["Testi"]:
            kind, content = record.text("Tipo"), record.text("Contenuto").strip()
            if kind == "tabella" and content not in tables:
                self.error(record, "Contenuto", f"La tabella '{content}' non esiste nel foglio 'Tabelle'.")
            if kind == "generato":
                self._check_generated(record, content, areas)

    def _check_generated(self, record: Record, content: str, areas: set[str]) -> None:
        """A generated content the document of its section places (schema.GENERATED_CONTENTS), an area that exists."""
        name, _, argument = content.partition(":")
        documents = {section.text("Chiave"): section.text("Documento") for section in self.records["Sezioni"]}
        plan_kind = self.records["Piano"][0].text("Tipo") if self.records["Piano"] else ""
        document = documents.get(record.text("Sezione"))
        if document == "" and plan_kind == "monitoraggio" and "monitoraggio" not in documents.values():
            document = "monitoraggio"  # a monitoring's workbook without sections of its own: they are the monitoring's
        kinds = [document or "piano-performance"] if document is not None else list(GENERATED_CONTENTS)
        allowed = [content for kind in kinds for content in GENERATED_CONTENTS.get(kind, ())]
        if (f"{CASCADING}:AREA" if name == CASCADING and argument else content) not in allowed:
            where = f"per il documento '{kinds[0]}'" if len(kinds) == 1 else "per nessun documento"
            self.error(
                record,
                "Contenuto",
                f"Contenuto generato '{content}' sconosciuto {where}: ammessi {', '.join(allowed) or 'nessuno'}.",
            )
        elif name == CASCADING and argument not in areas:
            self.error(
                record, "Contenuto", f"'cascading:{argument}': la struttura '{argument}' non esiste nel foglio 'Strutture'."
            )

    # --- plausibility --------------------------------------------------------------

    def _check_plausibility(self) -> None:
        """Warn of a target two orders of magnitude away from the indicator's own history (63% for 0,63%)."""
        revised = {
            (record.text("Elemento"), record.values.get("Anno"))
            for record in self.records["Revisioni"]
            if record.text("Tipo") == "target rivisto"
        }
        for record in self.records["Indicatori"]:
            history = _history(record)
            for year, target in sorted(record.per_year.get("Target", {}).items()):
                threshold = _threshold(target)
                if threshold is None or not threshold.number or (record.text("Codice"), year) in revised:
                    continue
                # compare like with like: a percentage with percentages, a number with numbers
                references = [value for value in history if value.kind is threshold.kind]
                if not references:
                    continue
                usual = Decimal(median(abs(value.number) for value in references if value.number is not None))
                ratio = abs(threshold.number) / usual
                if ratio >= _IMPLAUSIBLE_RATIO or ratio <= 1 / _IMPLAUSIBLE_RATIO:
                    assert isinstance(target, Target)
                    self.warning(
                        record,
                        record.per_year_cells["Target"][year],
                        f"Target {year} «{target.text}» poco plausibile: i valori storici dell'indicatore sono "
                        f"{', '.join(value.text for value in references)}. Controllare l'unità (es. 63% invece di 0,63%).",
                    )


def _visible(code: str) -> str:
    """``code`` without its invisible characters, as a person sees it."""
    return "".join(character for character in code if character not in INVISIBLE or character == "\u00a0")


def _folded(code: str) -> str:
    """``code`` as compared for look-alikes: invisible characters removed, NFKC (full-width letters, NBSP → space)."""
    return unicodedata.normalize("NFKC", _visible(code))


def _plain_cell(text: str) -> str:
    """A table cell without its emphasis markup: ``**38**`` → ``38``."""
    return text.replace("**", "").replace("*", "").strip()


def _history(record: Record) -> list[Value]:
    """The cluster mean and the historic values of an indicator that are non-zero numbers."""
    values = (record.values.get("Media cluster"), *record.per_year.get("Storico", {}).values())
    return [value for value in values if isinstance(value, Value) and value.number]


def _threshold(target: object) -> Value | None:
    if isinstance(target, Target) and target.kind in (TargetKind.LEVEL, TargetKind.COMPARISON):
        return target.threshold
    return None
