"""Render every sample workbook of sample_data/ into an output folder (the README's first command).

Each sample is validated, then every document kind that is available and applies
to it is rendered in both formats with ``pianodocs render all``. Kinds that do
not apply to a sample are named with the reason.
"""

from __future__ import annotations

import sys
from pathlib import Path

from pianodocs import ValidationError, load_workbook
from pianodocs.cli import main as pianodocs
from pianodocs.render import applicable_kinds, skipped_kinds

ROOT = Path(__file__).resolve().parent.parent


def main(output: str) -> int:
    target = ROOT / output if not Path(output).is_absolute() else Path(output)
    target.mkdir(parents=True, exist_ok=True)
    samples = sorted((ROOT / "sample_data").glob("*.xlsx"))
    failures = 0
    for sample in samples:
        try:
            plan = load_workbook(sample)
        except ValidationError as error:
            failures += 1
            print(f"✗ {sample.name}: non valido ({len(error.errors)} errori)")
            continue
        kinds = applicable_kinds(plan)
        if not kinds:
            print(f"✓ {sample.name}: valido; nessun tipo di documento si applica a un workbook '{plan.kind}'.")
            for kind, reason in skipped_kinds(plan).items():
                print(f"  – {kind} non generato: {reason}")
            continue
        print(f"{sample.name}: {', '.join(kinds)}")
        if pianodocs(["render", "all", str(sample), "-o", str(target)]) != 0:
            failures += 1
    print(f"Documenti in {target}" + (f"; {failures} campioni non riusciti." if failures else "."))
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1] if len(sys.argv) > 1 else "out"))
