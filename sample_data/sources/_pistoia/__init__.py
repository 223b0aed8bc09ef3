"""CCIAA Pistoia, Piano della Performance 2020-2022 (seed 002) and its revision (seed 000), in parts.

- ``tree``: the BSC tree and the cruscotto di ente (3.2), the Segretario generale's card (4);
- ``cascading`` (optional): the 3.3 cascading sheets (objectives, indicators, programme budgets);
- ``narrative`` (optional): sections, text blocks and free tables;
- ``revision``: the 30/06/2020 measurements and the revisions of G.C. n. 63/2020 (seed 000).

:func:`assemble` merges them into the ``DATA`` of a sample module.
"""

from __future__ import annotations

import copy
import importlib
import importlib.util
from types import ModuleType


def _optional(name: str) -> ModuleType | None:
    """A sibling module if its file exists (errors inside it are not hidden)."""
    if importlib.util.find_spec(f"{__name__}.{name}") is None:
        return None
    return importlib.import_module(f"{__name__}.{name}")


def _rows(module: ModuleType | None, name: str) -> list[dict]:
    return copy.deepcopy(list(getattr(module, name, []) or [])) if module is not None else []


def _areas(*values: str) -> str:
    codes: list[str] = []
    for value in values:
        for code in (value or "").split(","):
            if code.strip() and code.strip() not in codes:
                codes.append(code.strip())
    return ", ".join(codes)


def _merge_objectives(tree_rows: list[dict], cascading_rows: list[dict]) -> list[dict]:
    """Tree rows first; a cascading row with a code already there only fills Area and Strutture coinvolte."""
    by_code = {row["Codice"]: row for row in tree_rows}
    merged = list(tree_rows)
    for row in cascading_rows:
        existing = by_code.get(row.get("Codice"))
        if existing is None:
            by_code[row["Codice"]] = row
            merged.append(row)
            continue
        existing["Area"] = _areas(existing.get("Area", ""), row.get("Area", ""))
        if not existing.get("Strutture coinvolte") and row.get("Strutture coinvolte"):
            existing["Strutture coinvolte"] = row["Strutture coinvolte"]
    return merged


def _with_missing(tree_rows: list[dict], other_rows: list[dict]) -> list[dict]:
    """The tree's rows, then the other module's rows whose code the tree does not define."""
    rows = copy.deepcopy(tree_rows)
    codes = {row["Codice"] for row in rows}
    return rows + [row for row in other_rows if row.get("Codice") not in codes]


def _upsert(rows: list[dict], extra: list[dict], key: str = "Codice") -> None:
    """Replace the row with the same code, else append."""
    for row in extra:
        index = next((i for i, old in enumerate(rows) if old.get(key) == row.get(key)), None)
        if index is None:
            rows.append(row)
        else:
            rows[index] = row


def _insert_indicators(rows: list[dict], extra: list[dict]) -> None:
    """Each new indicator after the last one of its objective (else at the end), to keep printed order."""
    for row in extra:
        positions = [i for i, old in enumerate(rows) if old.get("Obiettivo") == row.get("Obiettivo")]
        rows.insert(positions[-1] + 1 if positions else len(rows), row)


def _apply_updates(data: dict, updates: dict) -> None:
    for sheet, changes in updates.items():
        for row in data[sheet]:
            row.update(changes.get(row.get("Codice"), {}))
            for column in [column for column, value in row.items() if value == ""]:
                del row[column]


def assemble(include_revision: bool) -> dict:
    """The DATA of the Piano 2020-2022 workbook; with the revision of G.C. n. 63/2020 if asked."""
    from . import tree

    cascading = _optional("cascading")
    narrative = _optional("narrative")

    data: dict = {
        "Ente": dict(tree.ENTE),
        "Piano": dict(tree.PIANO),
        "Atti": copy.deepcopy(tree.ATTI),
        "Strutture": _with_missing(tree.STRUTTURE, _rows(cascading, "STRUTTURE_AREE")),
        "Prospettive": copy.deepcopy(tree.PROSPETTIVE),
        "Linee strategiche": copy.deepcopy(tree.LINEE),
        "Obiettivi strategici": _with_missing(
            tree.OBIETTIVI_STRATEGICI, _rows(cascading, "OBIETTIVI_STRATEGICI_SOLO_CASCADING")
        ),
        "Obiettivi operativi": _merge_objectives(
            copy.deepcopy(tree.OBIETTIVI_OPERATIVI), _rows(cascading, "OBIETTIVI_OPERATIVI")
        ),
        "Indicatori": copy.deepcopy(tree.INDICATORI) + _rows(cascading, "INDICATORI"),
        "Scheda segretario": copy.deepcopy(tree.SCHEDA_SEGRETARIO),
        "Missioni": copy.deepcopy(tree.MISSIONI),
        "Programmi": copy.deepcopy(tree.PROGRAMMI),
        "Programmi di budget": _rows(cascading, "PROGRAMMI_BUDGET") + _rows(cascading, "PROGRAMMI_SENZA_BUDGET"),
        "Totali di budget": _rows(cascading, "TOTALI_BUDGET"),
        "Sezioni": _rows(narrative, "SEZIONI"),
        "Testi": _rows(narrative, "TESTI"),
        "Tabelle": _rows(narrative, "TABELLE"),
    }

    if include_revision:
        from . import revision

        data["Piano"]["Titolo"] = "Piano della Performance 2020-2022 - revisione"
        data["Piano"]["Data di monitoraggio"] = revision.DATE
        for sheet, rows in revision.EXTRA_OBJECTIVES.items():
            _upsert(data[sheet], copy.deepcopy(rows))
        _insert_indicators(data["Indicatori"], copy.deepcopy(revision.EXTRA_INDICATORS))
        _apply_updates(data, revision.UPDATES)
        data["Misurazioni"] = copy.deepcopy(revision.MISURAZIONI)
        data["Revisioni"] = copy.deepcopy(revision.REVISIONI)

    return {sheet: rows for sheet, rows in data.items() if rows or sheet in ("Ente", "Piano")}
