"""Time and peak memory of rendering the Pistoia Piano and a 10× synthetic plan, beside LibreOffice.

Each measurement runs in a fresh Python process (so peak memory is that render's
own), three times; the median time is reported. LibreOffice converts
pianodocs' own DOCX to PDF in the same run, as the yardstick. Figures go to
standard output and to benchmarks/results/latest.md; no test asserts on them.

    python benchmarks/run.py [--repeat 3] [--factor 10]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"

_CHILD = """
import json, resource, sys, time
started = time.perf_counter()
import pianodocs
plan = pianodocs.load_workbook(sys.argv[1])
loaded = time.perf_counter()
pianodocs.render(plan, "piano-performance", sys.argv[2])
done = time.perf_counter()
print(json.dumps({"load": loaded - started, "render": done - loaded, "total": done - started,
                  "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def measure(workbook: Path, output: Path, repeat: int) -> dict[str, float]:
    runs = []
    for _ in range(repeat):
        result = subprocess.run(
            [sys.executable, "-c", _CHILD, str(workbook), str(output)], capture_output=True, text=True, check=True
        )
        runs.append(json.loads(result.stdout.strip().splitlines()[-1]))
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def libreoffice(docx: Path, repeat: int) -> float | None:
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    times = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as folder:
            started = time.perf_counter()
            subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation=file://{folder}/profile",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    folder,
                    str(docx),
                ],
                capture_output=True,
                check=True,
                timeout=900,
            )
            times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--factor", type=int, default=10)
    arguments = parser.parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    large = RESULTS / f"pistoia_x{arguments.factor}.xlsx"
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "synthetic_plan.py"), str(arguments.factor), str(large)],
        check=True,
        capture_output=True,
    )
    plans = {"Pistoia": ROOT / "sample_data" / "cciaa_pistoia_2020_2022.xlsx", f"Pistoia ×{arguments.factor}": large}
    lines = [
        "| piano | formato | caricamento (s) | rendering (s) | totale (s) | memoria di picco (MiB) | LibreOffice DOCX→PDF (s) | rapporto |",
        "|---|---|---|---|---|---|---|---|",
    ]
    figures: dict[str, dict[str, dict[str, float]]] = {}
    for name, workbook in plans.items():
        figures[name] = {}
        with tempfile.TemporaryDirectory() as folder:
            docx = Path(folder) / "piano.docx"
            for suffix in (".pdf", ".docx"):
                output = docx if suffix == ".docx" else Path(folder) / "piano.pdf"
                figures[name][suffix] = measure(workbook, output, arguments.repeat)
            office = libreoffice(docx, arguments.repeat)
        for suffix, result in figures[name].items():
            ratio = f"{result['total'] / office:.2f}×" if office else "n.d."
            office_text = f"{office:.1f}" if office else "n.d."
            lines.append(
                f"| {name} | {suffix[1:].upper()} | {result['load']:.2f} | {result['render']:.2f} | {result['total']:.2f} | "
                f"{result['peak_mib']:.0f} | {office_text} | {ratio} |"
            )
    base, large_name = "Pistoia", f"Pistoia ×{arguments.factor}"
    for suffix in (".pdf", ".docx"):
        scale = figures[large_name][suffix]["render"] / figures[base][suffix]["render"]
        lines.append(
            f"\n{suffix[1:].upper()}: ×{arguments.factor} plan renders in {scale:.1f}× the time ({scale / arguments.factor:.2f} of linear)."
        )
    report = "\n".join(lines)
    print(report)
    (RESULTS / "latest.md").write_text(report + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
