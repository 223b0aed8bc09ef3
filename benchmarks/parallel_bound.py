"""The best the parallel route could give the Piano PDF: its parts laid out at once, in processes of their own.

Issue 16 asks whether rendering independent parts of the document in parallel
processes, and joining them, would bring the PDF under LibreOffice's time. This
measures the route's lower bound, in one run beside the two figures it is
compared with:

- LibreOffice converting pianodocs' own DOCX of the plan to PDF (the yardstick);
- the Piano PDF in one process, as ``pianodocs render`` makes it;
- the Piano split at its headings of level 1 or 2 into ``--parts`` parts of
  about the same weight (table rows and paragraphs), each written as the same
  tagged PDF/A by a process of its own, all at once, forked after the imports,
  the workbook and the view model (paid once, in the parent).

The split files are not joined, their pages not renumbered and the SOMMARIO
not filled: a real parallel route would add all that (and a structure tree
and outline merged across files) to the figure printed here, which is
therefore a bound, not an estimate. Wall time and CPU time, medians of
``--repeat`` runs, each in a fresh process. Not a test, and no test asserts on it.

    python benchmarks/parallel_bound.py [--repeat 3] [--parts 2]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from run import PISTOIA, Timing, _median, _timed, libreoffice, measure

_SPLIT_CHILD = """
import json, multiprocessing, sys, time
started = time.perf_counter()
import attrs
import pianodocs
from pianodocs.backends.pdf import write_pdf
from pianodocs.render import _built, document_kind
from pianodocs.view.model import Heading, Table
plan = pianodocs.load_workbook(sys.argv[1])
document = _built(plan, document_kind("piano-performance"), None, {}, None)
parts_wanted, folder = int(sys.argv[2]), sys.argv[3]

def weight(block):
    return len(block.body) + 1 if isinstance(block, Table) else 1

# the places a part may start: each heading of level 1 or 2; for each part, the one nearest its share of the weight
starts, weights, filled = [], [], 0
for position, block in enumerate(document.blocks):
    if isinstance(block, Heading) and block.level <= 2 and position:
        starts.append((filled, position))
    filled += weight(block)
cuts = sorted({min(starts, key=lambda start: abs(start[0] - filled * k / parts_wanted))[1] for k in range(1, parts_wanted)})
bounds = [0, *cuts, len(document.blocks)]
parts = [document.blocks[start:end] for start, end in zip(bounds, bounds[1:])]
built = time.perf_counter()

def write(index):
    part = attrs.evolve(document, blocks=tuple(parts[index]), cover=document.cover if index == 0 else None)
    write_pdf(part, __import__("pathlib").Path(folder) / f"parte{index}.pdf")

context = multiprocessing.get_context("fork")
workers = [context.Process(target=write, args=(index,)) for index in range(len(parts))]
for worker in workers:
    worker.start()
for worker in workers:
    worker.join()
    assert worker.exitcode == 0
done = time.perf_counter()
from pypdf import PdfReader
pages = [len(PdfReader(f"{folder}/parte{index}.pdf").pages) for index in range(len(parts))]
print(json.dumps({"before_fork": built - started, "total": done - started, "pages": pages}))
"""


def split(workbook: Path, parts: int, repeat: int) -> tuple[Timing, list[int], float]:
    """The Piano written as ``parts`` files at once: wall and CPU time, each part's pages, the time before forking."""
    timings, pages, before = [], [], []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as folder:
            command = [sys.executable, "-c", _SPLIT_CHILD, str(workbook), str(parts), folder]
            result, timing = _timed(command, {**os.environ, "XDG_CACHE_HOME": folder})
            figures = json.loads(result.stdout.strip().splitlines()[-1])
        timings.append(Timing(figures["total"], timing.cpu))
        pages, before = figures["pages"], [*before, figures["before_fork"]]
    return _median(timings), pages, statistics.median(before)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--parts", type=int, default=os.cpu_count() or 2)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        docx = Path(folder) / "piano.docx"
        measure(PISTOIA, docx, 1)
        office = libreoffice(docx, arguments.repeat)
    with tempfile.TemporaryDirectory() as folder:
        whole = measure(PISTOIA, Path(folder) / "piano.pdf", arguments.repeat)
    parallel, pages, before = split(PISTOIA, arguments.parts, arguments.repeat)
    lines = [
        f"pianodocs {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} core, "
        f"{arguments.repeat} esecuzioni (mediana), Piano della Performance di Pistoia",
        "",
        "| percorso | tempo (s) | CPU (s) | rapporto a LibreOffice |",
        "|---|---|---|---|",
    ]
    if office:
        lines.append(f"| LibreOffice DOCX→PDF | {office.wall:.2f} | {office.cpu:.2f} | 1.00× |")
    yardstick = office.wall if office else 0.0
    ratio = (lambda seconds: f"{seconds / yardstick:.2f}×") if yardstick else (lambda seconds: "n.d.")
    lines.append(f"| PDF in un processo | {whole['total']:.2f} | {whole['cpu']:.2f} | {ratio(whole['total'])} |")
    lines.append(
        f"| PDF in {len(pages)} parti insieme, senza unirle (limite inferiore) | {parallel.wall:.2f} | "
        f"{parallel.cpu:.2f} | {ratio(parallel.wall)} |"
    )
    lines += [
        "",
        f"- pagine delle parti: {' + '.join(map(str, pages))} = {sum(pages)}; prima della divisione (import, "
        f"workbook, modello) {before:.2f} s",
    ]
    report = "\n".join(lines)
    print(report)
    results = Path(__file__).resolve().parent / "results"
    results.mkdir(exist_ok=True)
    (results / "parallel_bound.md").write_text(report + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    multiprocessing.freeze_support()
    raise SystemExit(main())
