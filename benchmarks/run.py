"""Time and peak memory of rendering the Pistoia Piano and a 10× synthetic plan, beside LibreOffice (issue 16).

Each measurement runs in a fresh Python process (so peak memory is that render's
own), three times; the median is reported, wall time and CPU time (the host may
be shared: CPU time says what the render itself cost, LibreOffice's included
when the DOCX starts it, and the ratios are given in both). LibreOffice converts
pianodocs' own DOCX to PDF in the same run, as the yardstick. The DOCX is
measured twice: with an empty pagination cache (the first render of a plan,
LibreOffice lays the draft out) and with the cache that render left (the same
plan again). ``render all`` of the plan runs last, its wall and CPU time giving
how many cores it kept busy. Figures go to standard output and to
benchmarks/results/latest.md (quick.md with ``--quick``); no test asserts on them.

    python benchmarks/run.py [--repeat 3] [--factor 10]
    python benchmarks/run.py --quick    # one run of each, the synthetic plan ×2: checks the script works
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import attrs

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
PISTOIA = ROOT / "sample_data" / "cciaa_pistoia_2020_2022.xlsx"
# the goals
GOAL_PDF, GOAL_DOCX, GOAL_LINEAR, GOAL_MIB = 1.0, 0.3, 1.1, 1024

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


@attrs.frozen
class Timing:
    """The median of a measurement's runs: wall time and the CPU time of its processes (and theirs), in seconds."""

    wall: float
    cpu: float


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(command: list[str], env: dict[str, str] | None = None) -> tuple[subprocess.CompletedProcess[str], Timing]:
    """Run ``command`` to its end; its output and its wall and CPU time (every process it started, waited for)."""
    cpu, started = _children_cpu(), time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=True, timeout=1800, env=env)
    return result, Timing(time.perf_counter() - started, _children_cpu() - cpu)


def measure(workbook: Path, output: Path, repeat: int, cache: Path | None = None) -> dict[str, float]:
    """Render the Piano of ``workbook`` into ``output`` ``repeat`` times, each in a fresh process; the medians.

    ``cache`` is the pagination cache the DOCX finds (its ``XDG_CACHE_HOME``); none: an empty one every run.
    """
    runs = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as empty:
            env = {**os.environ, "XDG_CACHE_HOME": str(cache or empty)}
            result, timing = _timed([sys.executable, "-c", _CHILD, str(workbook), str(output)], env)
        runs.append({**json.loads(result.stdout.strip().splitlines()[-1]), "cpu": timing.cpu})
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def libreoffice(docx: Path, repeat: int) -> Timing | None:
    """LibreOffice converting ``docx`` to PDF, each run with a fresh profile (as a docxtpl user's script would)."""
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    timings = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as folder:
            command = [soffice, f"-env:UserInstallation=file://{folder}/profile", "--headless", "--convert-to", "pdf"]
            timings.append(_timed([*command, "--outdir", folder, str(docx)])[1])
    return _median(timings)


def render_all(workbook: Path, repeat: int) -> Timing:
    """``pianodocs render all`` of ``workbook`` (every applicable kind, PDF and DOCX), with an empty cache each run."""
    timings = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as folder:
            env = {**os.environ, "XDG_CACHE_HOME": str(Path(folder) / "cache")}
            command = [sys.executable, "-m", "pianodocs", "render", "all", str(workbook), "-o", str(Path(folder) / "out")]
            timings.append(_timed(command, env)[1])
    return _median(timings)


def _median(timings: list[Timing]) -> Timing:
    return Timing(statistics.median(one.wall for one in timings), statistics.median(one.cpu for one in timings))


def _ratio(ours: float, theirs: float) -> str:
    return f"{ours / theirs:.2f}×" if theirs > 0 else "n.d."


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--factor", type=int, default=10)
    parser.add_argument("--quick", action="store_true", help="one run of each measurement, the synthetic plan ×2")
    arguments = parser.parse_args()
    if arguments.quick:
        arguments.repeat, arguments.factor = 1, 2
    base_workbook, base = PISTOIA, "Pistoia"
    RESULTS.mkdir(parents=True, exist_ok=True)
    large = RESULTS / f"pistoia_x{arguments.factor}.xlsx"
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "synthetic_plan.py"), str(arguments.factor), str(large)],
        check=True,
        capture_output=True,
    )
    large_name = f"{base} ×{arguments.factor}"
    plans = {base: base_workbook, large_name: large}
    lines = [
        f"pianodocs {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} core, "
        f"{arguments.repeat} esecuzioni (mediana), ciascuna in un processo nuovo",
        "",
        "| piano | formato | caricamento (s) | rendering (s) | totale (s) | CPU (s) | memoria di picco (MiB) "
        "| LibreOffice DOCX→PDF (s) | LibreOffice CPU (s) | rapporto | rapporto CPU |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    figures: dict[str, dict[str, dict[str, float]]] = {}
    office: dict[str, Timing | None] = {}
    for name, workbook in plans.items():
        figures[name] = {}
        with tempfile.TemporaryDirectory() as folder:
            docx, cache = Path(folder) / "piano.docx", Path(folder) / "cache"
            figures[name]["PDF"] = measure(workbook, Path(folder) / "piano.pdf", arguments.repeat)
            figures[name]["DOCX, cache vuota"] = measure(workbook, docx, arguments.repeat)
            measure(workbook, docx, 1, cache)  # fills the cache, as a first render of the plan does
            figures[name]["DOCX, stessa bozza in cache"] = measure(workbook, docx, arguments.repeat, cache)
            office[name] = libreoffice(docx, arguments.repeat)
        yardstick = office[name]
        for label, result in figures[name].items():
            office_text = f"{yardstick.wall:.2f} | {yardstick.cpu:.2f}" if yardstick else "n.d. | n.d."
            ratios = (
                f"{_ratio(result['total'], yardstick.wall)} | {_ratio(result['cpu'], yardstick.cpu)}"
                if yardstick
                else "n.d. | n.d."
            )
            lines.append(
                f"| {name} | {label} | {result['load']:.2f} | {result['render']:.2f} | {result['total']:.2f} | "
                f"{result['cpu']:.2f} | {result['peak_mib']:.0f} | {office_text} | {ratios} |"
            )
    lines.append("")
    yardstick = office[base]
    if yardstick:
        pdf, cold, warm = figures[base].values()
        lines.append(
            f"- PDF / LibreOffice DOCX→PDF ({base}): {_ratio(pdf['total'], yardstick.wall)} "
            f"(in CPU {_ratio(pdf['cpu'], yardstick.cpu)}; obiettivo ≤ {GOAL_PDF}×)"
        )
        lines.append(
            f"- DOCX / lo stesso LibreOffice: {_ratio(cold['total'], yardstick.wall)} a cache vuota, "
            f"{_ratio(warm['total'], yardstick.wall)} con la bozza in cache (in CPU {_ratio(cold['cpu'], yardstick.cpu)} "
            f"e {_ratio(warm['cpu'], yardstick.cpu)}; obiettivo ≤ {GOAL_DOCX}×)"
        )
    for label in ("PDF", "DOCX, cache vuota"):
        one, many = figures[base][label], figures[large_name][label]
        linear = arguments.factor * one["total"]
        lines.append(
            f"- {label}, piano ×{arguments.factor}: {many['total']:.1f} s contro {linear:.1f} s ({arguments.factor} × "
            f"{one['total']:.2f} s): {many['total'] / linear:.2f} del lineare (in CPU "
            f"{many['cpu'] / (arguments.factor * one['cpu']):.2f}; obiettivo ≤ {GOAL_LINEAR}); "
            f"memoria di picco {many['peak_mib']:.0f} MiB (obiettivo < {GOAL_MIB})"
        )
    everything = render_all(base_workbook, arguments.repeat)
    lines.append(
        f"- render all ({base}, PDF e DOCX di ogni documento applicabile, cache vuota): {everything.wall:.1f} s, "
        f"CPU {everything.cpu:.1f} s: in media {everything.cpu / everything.wall:.2f} core occupati su {os.cpu_count()}"
    )
    report = "\n".join(lines)
    print(report)
    (RESULTS / ("quick.md" if arguments.quick else "latest.md")).write_text(report + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
