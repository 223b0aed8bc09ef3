"""Check the PIAO's sheets against each other and against the plan: codes, references, the staffing plan, the variant.

The rules of DM 132/2022 a workbook can be held to before a document is drawn: unique codes and known
references (a measure's risks, a specific objective's general one, the strategic objectives, the offices), the
per-year columns inside the plan's years, a typed total of the staffing plan equal to the sum of its rows and no
category below zero, and, for a workbook whose Tipo is piao, the sheets its variant needs and the five conditions
of lavoro agile. Each problem is located (sheet and cell) and in Italian; the general rules are
:mod:`pianodocs.workbook.checks`, whose :class:`~pianodocs.workbook.checks.Checker` this one extends.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from ..errors import Problem
from ..model_piao import PiaoVariant
from ..schema import PIAO_DIMENSIONS
from ..schema_piao import NOT_IN_SIMPLIFIED, PIAO_SECTION_KEYS, REQUIRED_SHEETS, SMALL_ADMINISTRATION
from .checks import Checker
from .records import Record, filled

PER_YEAR_SHEETS = ("Valore pubblico", "Personale")  # their Target AAAA; Assunzioni AAAA and Cessazioni AAAA
# the five conditions of lavoro agile (DM 132/2022 art. 4 c.1 lett. b nn. 1-5): the field, and what it must say
SMART_WORKING_CONDITIONS = (
    ("Continuità dei servizi", "che il lavoro agile non pregiudichi né riduca la fruizione dei servizi agli utenti"),
    (
        "Rotazione e prevalenza in presenza",
        "un'adeguata rotazione del personale in lavoro agile, con la prevalenza per ciascuno del lavoro in presenza",
    ),
    ("Sicurezza dei dati", "una piattaforma o strumenti che garantiscano la riservatezza dei dati trattati da remoto"),
    ("Smaltimento dell'arretrato", "un piano di smaltimento del lavoro arretrato, ove accumulato"),
    ("Dotazione tecnologica", "un'idonea dotazione tecnologica per il personale"),
)
_STAFF = "Personale"


def check_piao(records: dict[str, list[Record]], problems: list[Problem]) -> None:
    """Add to ``problems`` what is wrong in the PIAO's sheets of ``records`` (nothing when they are empty)."""
    PiaoChecker(records, problems).run()


class PiaoChecker(Checker):
    def run(self) -> None:
        plan = self.records["Piano"][0] if self.records["Piano"] else None
        years = _plan_years(plan)
        offices = _codes(self.records["Strutture"])
        objectives = self._unique("Valore pubblico")
        risks = self._unique("Rischi")
        self._unique("Misure di prevenzione")
        self._unique("Accessibilità e semplificazione")
        self._unique(_STAFF, "Categoria")
        self._check_levels(objectives)
        self._refers("Valore pubblico", "Obiettivi strategici", _codes(self.records["Obiettivi strategici"]), "Obiettivi strategici", split=True)  # fmt: skip
        self._refers("Accessibilità e semplificazione", "Obiettivo di valore pubblico", objectives, "Valore pubblico")
        for sheet in ("Accessibilità e semplificazione", "Rischi", "Trasparenza"):
            self._refers(sheet, "Struttura", offices, "Strutture")
        self._refers("Misure di prevenzione", "Rischi", risks, "Rischi", split=True)
        for field in ("Atto di adozione", "Bilancio di riferimento"):
            self._refers("PIAO", field, _codes(self.records["Atti"]), "Atti")
        self._check_dimensions()
        if years is not None:
            for sheet in PER_YEAR_SHEETS:
                self._warn_years_outside(sheet, *years)
        self._check_staff(years)
        kind = plan.text("Tipo") if plan is not None else ""
        settings = self.records["PIAO"][0] if self.records["PIAO"] else None
        variant = PiaoVariant(settings.text("Variante") or PiaoVariant.ORDINARY.value) if settings else PiaoVariant.ORDINARY
        if kind == "piao":
            self._check_sheets_of(variant)
            self._check_smart_working()
        if settings is not None:
            self._check_variant(settings, variant)
        self._check_section_keys(variant)

    # --- codes and references -------------------------------------------------------

    def _check_levels(self, objectives: set[str]) -> None:
        """A specific objective under a general one; a general one under none."""
        rows = self.records["Valore pubblico"]
        general = {record.text("Codice") for record in rows if record.text("Livello") != "specifico"}
        for record in rows:
            parent, code = record.text("Obiettivo generale"), record.text("Codice")
            if record.text("Livello") != "specifico":
                if parent:
                    self.warning(
                        record,
                        record.cell("Obiettivo generale"),
                        f"L'obiettivo '{code}' è generale ma indica l'obiettivo generale '{parent}': un obiettivo "
                        "generale non ne ha uno sopra di sé. Se l'obiettivo è specifico, scrivere specifico in 'Livello'; "
                        "altrimenti svuotare 'Obiettivo generale'.",
                    )
                continue
            if not parent:
                self.error(record, "Livello", f"L'obiettivo specifico '{code}' deve indicare il suo 'Obiettivo generale'.")
            elif parent in objectives and parent not in general:
                self.error(
                    record,
                    "Obiettivo generale",
                    f"'Obiettivo generale' indica '{parent}', che è un obiettivo specifico: indicare un obiettivo generale.",
                )
            elif parent not in objectives:
                self.error(
                    record,
                    "Obiettivo generale",
                    f"'Obiettivo generale' indica '{parent}', che non esiste nel foglio 'Valore pubblico'.",
                )

    def _check_dimensions(self) -> None:
        allowed = {dimension.casefold() for dimension in PIAO_DIMENSIONS}
        for record in self.records["Obiettivi operativi"]:
            for part in (part.strip() for part in record.text("Ambiti PIAO").split(",")):
                if part and part.casefold() not in allowed:
                    self.error(
                        record,
                        "Ambiti PIAO",
                        f"'Ambiti PIAO' indica «{part}»: ammessi {', '.join(PIAO_DIMENSIONS)}, separati da virgola.",
                    )

    # --- the staffing plan -------------------------------------------------------------

    def _check_staff(self, years: tuple[int, int] | None) -> None:
        rows = self.records[_STAFF]
        if any(record.invalid & {"In servizio", "Assunzioni", "Cessazioni"} for record in rows):
            return  # a number that could not be read was reported: no sum is right without it
        totals = [record for record in rows if record.values.get("Totale") is True]
        categories = [record for record in rows if record.values.get("Totale") is not True]
        for record in totals[1:]:
            self.error(record, "Totale", f"C'è già una riga di totale (riga {totals[0].row}): ne è ammessa una sola.")
        counted = sorted(
            {year for record in rows for column in ("Assunzioni", "Cessazioni") for year in record.per_year.get(column, {})}
        )
        if years is not None:
            counted = [year for year in counted if years[0] <= year <= years[1]]
        for record in rows:
            for column, year, number in _numbers(record, counted):
                if number < 0:
                    where = f"{column} {year}" if year else column
                    cell = record.per_year_cells[column][year] if year else record.cell(column)
                    self.problems.append(
                        Problem(_STAFF, cell, f"'{where}' è {number}: scrivere il numero di persone, senza segno.")
                    )
        if totals:
            self._check_total(totals[0], categories, counted)
        for record in categories:
            self._check_not_below_zero(record, counted)

    def _check_total(self, total: Record, categories: list[Record], years: list[int]) -> None:
        sums: dict[tuple[str, int], int] = defaultdict(int)
        for record in categories:
            for column, year, number in _numbers(record, years):
                sums[(column, year)] += number
        typed = {(column, year): number for column, year, number in _numbers(total, years)}
        for column, year in [("In servizio", 0)] + [(c, y) for c in ("Assunzioni", "Cessazioni") for y in years]:
            written, summed = typed.get((column, year), 0), sums[(column, year)]
            if written == summed:
                continue
            where = f"{column} {year}" if year else column
            cell = total.per_year_cells.get(column, {}).get(year) if year else total.cell(column)
            rows = ", ".join(str(record.row) for record in categories)
            self.problems.append(
                Problem(
                    _STAFF,
                    cell,
                    f"Il totale '{where}' è {written}, ma la somma delle righe {rows} è {summed}.",
                )
            )

    def _check_not_below_zero(self, record: Record, years: list[int]) -> None:
        """In servizio plus the hires less the leavers of each year, cumulative: never below zero."""
        present = _int(record.values.get("In servizio"))
        running, hired, left = present, 0, 0
        for year in years:
            hires = _int(record.per_year.get("Assunzioni", {}).get(year))
            leavers = _int(record.per_year.get("Cessazioni", {}).get(year))
            hired, left, running = hired + hires, left + leavers, running + hires - leavers
            if running < 0:
                cell = record.per_year_cells.get("Cessazioni", {}).get(year)
                self.problems.append(
                    Problem(
                        _STAFF,
                        cell,
                        f"La categoria «{record.text('Categoria')}» scende a {running} persone nel {year}: in servizio "
                        f"{present}, assunzioni {hired} e cessazioni {left} fino al {year}. Le cessazioni non possono "
                        "superare il personale.",
                    )
                )
                return

    # --- a workbook whose Tipo is piao -------------------------------------------------

    def _check_sheets_of(self, variant: PiaoVariant) -> None:
        article = "art. 6" if variant is PiaoVariant.SIMPLIFIED else "artt. 3-5"
        for name in REQUIRED_SHEETS[variant]:
            if not any(_record_filled(record) for record in self.records[name]):
                self.problems.append(
                    Problem(
                        name,
                        None,
                        f"Il PIAO {variant.value} (DM 132/2022 {article}) richiede il foglio '{name}', che manca o è vuoto.",
                    )
                )
        if variant is PiaoVariant.ORDINARY and not self.records["Indicatori"]:
            self.problems.append(
                Problem(
                    "Indicatori",
                    None,
                    "Il PIAO ordinario stampa nella sottosezione 2.2 gli obiettivi e gli indicatori della performance: "
                    "il foglio 'Indicatori' manca o è vuoto.",
                )
            )

    def _check_smart_working(self) -> None:
        if not self.records["Lavoro agile"] or not _record_filled(self.records["Lavoro agile"][0]):
            return  # the missing sheet was reported
        record = self.records["Lavoro agile"][0]
        for number, (field, what) in enumerate(SMART_WORKING_CONDITIONS, start=1):
            if not record.text(field).strip():
                self.error(
                    record,
                    field,
                    f"Manca '{field}': il PIAO deve prevedere {what} (DM 132/2022 art. 4 c.1 lett. b n. {number}).",
                )

    def _check_section_keys(self, variant: PiaoVariant) -> None:
        """Warn about a PIAO section of Sezioni whose texts the PIAO would not print: no such section, or not in its variant."""
        for record in self.records["Sezioni"]:
            key = record.text("Chiave")
            if record.text("Documento") != "piao" or not key:
                continue
            if key not in PIAO_SECTION_KEYS:
                self.warning(
                    record,
                    record.cell("Chiave"),
                    f"La sezione '{key}' è del PIAO (Documento piao), ma il PIAO non ha una sezione con questa chiave: "
                    f"i suoi testi non sarebbero stampati. Le chiavi sono: {', '.join(PIAO_SECTION_KEYS)} (docs/piao.md).",
                )
            elif variant is PiaoVariant.SIMPLIFIED and key in NOT_IN_SIMPLIFIED:
                self.warning(
                    record,
                    record.cell("Chiave"),
                    f"Il PIAO semplificato non ha la sezione {PIAO_SECTION_KEYS[key]} ('{key}', DM 132/2022 art. 6): "
                    "i testi di questa sezione non sarebbero stampati.",
                )

    def _check_variant(self, settings: Record, variant: PiaoVariant) -> None:
        """Warn when the variant and the staff in service disagree (the simplified PIAO: fewer than 50, art. 6)."""
        rows = self.records[_STAFF]
        if not rows:
            return
        totals = [record for record in rows if record.values.get("Totale") is True]
        counted = totals[:1] or rows
        staff = sum(_int(record.values.get("In servizio")) for record in counted)
        cell = settings.cell("Variante")
        if variant is PiaoVariant.SIMPLIFIED and staff >= SMALL_ADMINISTRATION:
            self.warning(
                settings,
                cell,
                f"La variante è semplificato, ma il personale in servizio è di {staff} persone (foglio Personale): "
                f"il PIAO semplificato è delle amministrazioni con meno di {SMALL_ADMINISTRATION} dipendenti "
                "(DM 132/2022 art. 6).",
            )
        elif variant is PiaoVariant.ORDINARY and staff < SMALL_ADMINISTRATION:
            self.warning(
                settings,
                cell,
                f"Il personale in servizio è di {staff} persone (foglio Personale): con meno di {SMALL_ADMINISTRATION} "
                "dipendenti l'amministrazione può adottare il PIAO semplificato (Variante semplificato, DM 132/2022 art. 6).",
            )


def _plan_years(plan: Record | None) -> tuple[int, int] | None:
    first, last = (plan.values.get(field) for field in ("Primo anno", "Ultimo anno")) if plan else (None, None)
    return (first, last) if isinstance(first, int) and isinstance(last, int) and first <= last else None


def _codes(records: list[Record]) -> set[str]:
    return {record.text("Codice") for record in records if record.text("Codice")}


def _int(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _numbers(record: Record, years: list[int]) -> Iterator[tuple[str, int, int]]:
    """(column, year or 0, number) of a Personale row: In servizio, then hires and leavers of each year."""
    yield "In servizio", 0, _int(record.values.get("In servizio"))
    for column in ("Assunzioni", "Cessazioni"):
        for year in years:
            yield column, year, _int(record.per_year.get(column, {}).get(year))


def _record_filled(record: Record) -> bool:
    """Whether a record (a fields sheet's, too) holds anything: a fields sheet written blank by init does not."""
    return any(filled(value) for value in record.values.values())
