"""The PIAO's open data: the risks, the prevention measures and the staffing plan, as CSV rows and piano.json objects.

:mod:`pianodocs.export` writes these beside the indicators when the plan has them (a PIAO workbook): ``rischi.csv``,
``misure_di_prevenzione.csv`` (the columns of their sheets, as the schema declares them) and ``personale.csv``
(one row per category and year, with the staff at the end of the year computed); ``piano.json`` gets the same
records under ``rischi``, ``misure_di_prevenzione`` and ``personale``. A plan without them exports as before.
"""

from __future__ import annotations

from typing import Any

from .export import Cell, Column, Record, _json_record, _key, _published
from .model import Plan
from .model_piao import StaffCategory
from .schema import SHEETS_BY_NAME, as_written
from .values import Target


def sheet_columns(sheet_name: str) -> tuple[Column, ...]:
    """The columns of a PIAO sheet as open data columns: header the column's name in lower case, key without accents."""
    sheet = SHEETS_BY_NAME[sheet_name]
    return tuple(Column(c.name.casefold(), _key(c.name), c.attribute, c.type) for c in sheet.columns if c.attribute)


RISK_COLUMNS = (*sheet_columns("Rischi"), Column("livello", "livello"))
MEASURE_COLUMNS = sheet_columns("Misure di prevenzione")
STAFF_COLUMNS = tuple(
    Column(header, _key(header))
    for header in ("categoria", "riga di totale", "in servizio", "anno", "assunzioni", "cessazioni", "in servizio a fine anno")
)


def _value(value: object, column: Column) -> Cell:
    if isinstance(value, tuple | Target):  # the risks a measure treats, a target: as written
        return as_written(value)
    return _published(value, column)


def _record(item: object, columns: tuple[Column, ...]) -> Record:
    return {column.key: _value(getattr(item, column.attribute), column) for column in columns if column.attribute}


def risk_record(risk: Any) -> Record:
    return {**_record(risk, RISK_COLUMNS), "livello": risk.level.value if risk.level is not None else ""}


def staff_records(plan: Plan, row: StaffCategory) -> list[Record]:
    """One record per year of the plan: hires, leavers and the staff at the end of that year (cumulative)."""
    return [
        {"categoria": row.category, "riga_di_totale": row.is_total, "in_servizio": row.present, "anno": year,
         "assunzioni": row.hires.get(year, 0), "cessazioni": row.leavers.get(year, 0),
         "in_servizio_a_fine_anno": row.in_service(year, plan.first_year)}
        for year in plan.years
    ]  # fmt: skip


def tables(plan: Plan) -> list[tuple[str, tuple[Column, ...], list[Record]]]:
    """The PIAO's CSV files the plan has data for: (file name, columns, rows)."""
    found: list[tuple[str, tuple[Column, ...], list[Record]]] = []
    if plan.risks:
        found.append(("rischi.csv", RISK_COLUMNS, [risk_record(risk) for risk in plan.risks]))
    if plan.prevention_measures:
        measures = [_record(measure, MEASURE_COLUMNS) for measure in plan.prevention_measures]
        found.append(("misure_di_prevenzione.csv", MEASURE_COLUMNS, measures))
    if plan.staff:
        found.append(("personale.csv", STAFF_COLUMNS, [record for row in plan.staff for record in staff_records(plan, row)]))
    return found


def json_sections(plan: Plan) -> dict[str, Any]:
    """The keys piano.json gets for the PIAO, only those the plan has data for; a staff row holds its years."""
    sections: dict[str, Any] = {}
    if plan.risks:
        sections["rischi"] = [_json_record(risk_record(risk)) for risk in plan.risks]
    if plan.prevention_measures:
        sections["misure_di_prevenzione"] = [_json_record(_record(m, MEASURE_COLUMNS)) for m in plan.prevention_measures]
    if plan.staff:
        sections["personale"] = [
            {
                "categoria": row.category,
                "riga_di_totale": row.is_total,
                "in_servizio": row.present,
                "data_di_riferimento": plan.piao.staff_date,
                "anni": [
                    _json_record({key: value for key, value in record.items() if key in _YEAR_KEYS})
                    for record in staff_records(plan, row)
                ],
            }
            for row in plan.staff
        ]
    return sections


_YEAR_KEYS = ("anno", "assunzioni", "cessazioni", "in_servizio_a_fine_anno")
