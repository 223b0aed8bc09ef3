"""Build the sample workbooks in sample_data/ from the transcriptions in sample_data/sources/.

Each module in sources/ transcribes one published document (see ../shared/seeds/)
into the rows of the planning workbook: ``DATA`` maps a sheet name to its rows
(a list of dicts keyed by column header) or, for the field sheets Ente and Piano,
to a dict of field → value; ``YEARS`` lists the years of the per-year columns;
``OUTPUT`` is the workbook's file name. A module with a ``build(path)`` function writes its workbook
itself (cciaa_valserena_2024_2026 types its cells the way Excel stores them; cciaa_valserena_piao_2025_2027 does
too, and writes its simplified variant beside ``OUTPUT``). Run:

    python sample_data/build_samples.py            # every sample
    python sample_data/build_samples.py pistoia    # the samples whose module name contains "pistoia"
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from pianodocs.workbook.writer import build_workbook, save_workbook  # noqa: E402


def main(selectors: list[str]) -> int:
    import sources

    names = sorted(module.name for module in pkgutil.iter_modules(sources.__path__) if not module.name.startswith("_"))
    for name in names:
        if selectors and not any(selector in name for selector in selectors):
            continue
        module = importlib.import_module(f"sources.{name}")
        target = HERE / module.OUTPUT
        if hasattr(module, "build"):  # a module that writes its cells itself (as Excel stores them)
            module.build(target)
        else:
            save_workbook(build_workbook(module.DATA, years=module.YEARS), target)
        print(f"scritto {target.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
