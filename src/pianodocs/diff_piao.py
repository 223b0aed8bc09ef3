"""What changed in the PIAO's sheets between two versions of a plan: risks, measures, staff, every record of the PIAO.

Each record of a PIAO sheet is found in the other version by its key (a code, a category, a section), and compared
column by column as the schema declares them, values as written: a changed value is a ``campo`` change, a record
only in the new version a ``voce_inserita``, one only in the old a ``voce_eliminata``. :mod:`pianodocs.diff`
gathers these with the rest of the changes and presents them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from .model import Plan
from .schema import SHEETS_BY_NAME, as_written

# sheet → (the element a change names, the record's key, its code as printed, its name as printed)
_Describe = tuple[str, Callable[[Any], object], Callable[[Any], str], Callable[[Any], str]]
RECORDS: dict[str, _Describe] = {
    "Valore pubblico": ("obiettivo di valore pubblico", lambda r: r.code, lambda r: r.code, lambda r: r.name),
    "Accessibilità e semplificazione": (
        "azione di accessibilità o semplificazione",
        lambda r: r.code or r.name,
        lambda r: r.code,
        lambda r: r.name,
    ),
    "Rischi": ("rischio", lambda r: r.code, lambda r: r.code, lambda r: r.event),
    "Misure di prevenzione": ("misura di prevenzione", lambda r: r.code, lambda r: r.code, lambda r: r.name),
    "Trasparenza": (
        "obbligo di pubblicazione",
        lambda r: (r.section, r.obligation),
        lambda r: r.section,
        lambda r: r.obligation,
    ),
    "Personale": ("personale", lambda r: r.category, lambda r: "", lambda r: r.category),
    "Formazione": ("formazione", lambda r: (r.topic, r.year), lambda r: str(r.year or ""), lambda r: r.topic),
    "Monitoraggio PIAO": ("monitoraggio del PIAO", lambda r: r.section, lambda r: "", lambda r: r.section),
    "Indagini di soddisfazione": ("indagine di soddisfazione", lambda r: r.service, lambda r: "", lambda r: r.service),
}
# the fields sheets: the sheet → the element a change names
FIELDS = {"PIAO": "impostazioni del PIAO", "Lavoro agile": "lavoro agile"}
ELEMENTS = (*(element for element, *_ in RECORDS.values()), *FIELDS.values())

Written = dict[tuple[str, int | None], str]
# make(inserted, eliminated or changed; element, code, label; field, year, before, after) → a Change of pianodocs.diff
Make = Callable[..., Any]


def written(sheet: str, record: object) -> Written:
    """Every column of ``sheet`` that fills an attribute of ``record``, as written; a per-year column by year."""
    found: Written = {}
    for column in SHEETS_BY_NAME[sheet].columns:
        if not column.attribute:
            continue
        value = getattr(record, column.attribute)
        if isinstance(value, Mapping):
            found.update(((column.name, year), as_written(item)) for year, item in value.items())
        else:
            found[(column.name, None)] = as_written(value)
    return found


def piao_changes(old: Plan, new: Plan, field: Make, inserted: Make, eliminated: Make) -> Iterator[Any]:
    """The changes of the PIAO's sheets, sheet by sheet in the schema's order, records in the new plan's order."""
    for sheet, element in FIELDS.items():
        attribute = SHEETS_BY_NAME[sheet].attribute
        yield from _compared(
            written(sheet, getattr(old, attribute)), written(sheet, getattr(new, attribute)), field, element, "", sheet
        )
    for sheet, (element, key, code, label) in RECORDS.items():
        attribute = SHEETS_BY_NAME[sheet].attribute
        before = {key(record): record for record in getattr(old, attribute)}
        after = {key(record): record for record in getattr(new, attribute)}
        for found, record in after.items():
            previous = before.get(found)
            if previous is None:
                yield inserted(element, code(record), label(record))
            else:
                yield from _compared(
                    written(sheet, previous), written(sheet, record), field, element, code(record), label(record)
                )
        for found, record in before.items():
            if found not in after:
                yield eliminated(element, code(record), label(record))


def _compared(before: Written, after: Written, field: Make, element: str, code: str, label: str) -> Iterator[Any]:
    for column, year in sorted(dict.fromkeys([*before, *after]), key=lambda key: key[1] or 0):
        old_text, new_text = before.get((column, year), ""), after.get((column, year), "")
        if old_text != new_text:
            yield field(element, code, label, column, year, old_text, new_text)
