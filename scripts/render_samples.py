"""Render every sample workbook of sample_data/ into an output folder (the README's first command).

Until a document kind has a renderer, its samples are validated and the script says so.
"""

from __future__ import annotations

import sys
from pathlib import Path

from pianodocs import ValidationError, load_workbook
from pianodocs.errors import Problem

ROOT = Path(__file__).resolve().parent.parent


def main(output: str) -> int:
    target = ROOT / output if not Path(output).is_absolute() else Path(output)
    target.mkdir(parents=True, exist_ok=True)
    samples = sorted((ROOT / "sample_data").glob("*.xlsx"))
    failures = 0
    for sample in samples:
        warnings: list[Problem] = []
        try:
            plan = load_workbook(sample, warnings=warnings)
        except ValidationError as error:
            failures += 1
            print(f"✗ {sample.name}: non valido")
            for problem in error.problems[:10]:
                print(f"    {problem}")
            continue
        note = f", {len(warnings)} avvisi" if warnings else ""
        print(f"✓ {sample.name}: valido ({plan.kind}, {sum(1 for _ in plan.indicators)} indicatori{note})")
    print(
        f"{len(samples) - failures} di {len(samples)} workbook di esempio validi. "
        f"I renderer DOCX/PDF non sono ancora disponibili: nessun documento scritto in {target}."
    )
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1] if len(sys.argv) > 1 else "out"))
