"""Write a synthetic planning workbook N times larger than the Pistoia sample (default 10×).

The tree, the indicators, the budgets and the cascading sheets are repeated N
times with suffixed codes (A → A-2, IND-A34-1 → IND-A34-1-2...); the narrative
stays as it is. Usage: python benchmarks/synthetic_plan.py [N] [OUT.xlsx]
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "sample_data"))
sys.path.insert(0, str(ROOT / "src"))

from pianodocs.workbook.writer import build_workbook, save_workbook  # noqa: E402

# sheet → columns holding codes that must be suffixed in each copy
SCALED = {
    "Linee strategiche": ("Codice",),
    "Obiettivi strategici": ("Codice", "Linea"),
    "Obiettivi operativi": ("Codice", "Obiettivo strategico"),
    "Indicatori": ("Codice", "Obiettivo"),
    "Programmi di budget": ("Linea", "Programma"),
    "Totali di budget": ("Riferimento",),
    "Scheda segretario": ("Obiettivo",),
}


def scaled_data(factor: int) -> dict:
    from sources import _pistoia

    data = _pistoia.assemble(include_revision=False)
    result = copy.deepcopy(data)
    for sheet, columns in SCALED.items():
        rows = data[sheet]
        for copy_number in range(2, factor + 1):
            for row in rows:
                clone = dict(row)
                for column in columns:
                    if clone.get(column):
                        clone[column] = f"{clone[column]}-{copy_number}"
                result[sheet].append(clone)
    return result


def main() -> None:
    factor = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "benchmarks" / "results" / f"pistoia_x{factor}.xlsx"
    target.parent.mkdir(parents=True, exist_ok=True)
    save_workbook(build_workbook(scaled_data(factor), years=[2018, 2019, 2020, 2021, 2022], with_help=False), target)
    print(target)


if __name__ == "__main__":
    main()
