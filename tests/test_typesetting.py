"""What a reader sees, over every sample, every kind that applies and both formats (issue 12).

Every sample workbook of sample_data/ is rendered once per session in each kind
that applies to it, as PDF and as DOCX (the DOCX laid out by LibreOffice), and
each rendering is measured with tests/typeset.py: words broken without a hyphen,
headings and band rows left at a page foot, pages under a quarter full. Each
count must stay within :data:`BUDGET`; the table of all counts is printed and
written to ``typesetting.txt`` in the session's temporary folder.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import pianodocs
from pianodocs.backends.docx import convert_with_libreoffice
from pianodocs.batch import Job, run
from pianodocs.render import applicable_kinds, build_document

from .conftest import SAMPLES
from .typeset import Counts, measure

pytestmark = pytest.mark.slow

WORKERS = 2  # the machine's cores: WeasyPrint and LibreOffice each keep one busy

# (sample, kind, format): (broken words, orphans, near-empty pages)
# characterization: the counts measured on 2026-12-01 after the first typesetting work (column widths from the
# longest unbreakable token, keep-with-next bands and headings, orientation from the natural width, flowing
# monitoring sheets); the comment after each entry is the count before that work. Lower them as the work goes on:
# the goal is 0 for each. Italian hyphenation, now on, took most broken words away ("without hyphenation": the
# counts just before it).
BUDGET: dict[tuple[str, str, str], tuple[int, int, int]] = {
    ("cciaa_maremma_tirreno_cruscotto", "allegato-delibera", "pdf"): (0, 0, 0),
    ("cciaa_maremma_tirreno_cruscotto", "cruscotto", "pdf"): (0, 0, 0),
    ("cciaa_pistoia_2020_2022", "piano-performance", "pdf"): (1, 0, 1),  # without hyphenation: (11, 0, 1); before: (36, 2, 3)
    ("cciaa_pistoia_2020_2022", "pira", "pdf"): (0, 0, 0),
    ("cciaa_pistoia_2020_consuntivo", "allegato-delibera", "pdf"): (0, 0, 0),  # without hyphenation: (2, 0, 0); before: (2, 0, 1)
    ("cciaa_pistoia_2020_consuntivo", "cruscotto", "pdf"): (0, 0, 0),
    ("cciaa_pistoia_2020_consuntivo", "monitoraggio", "pdf"): (0, 1, 0),  # before: (0, 1, 10)
    ("cciaa_pistoia_2020_consuntivo", "pira", "pdf"): (0, 0, 0),
    ("cciaa_pistoia_2020_consuntivo", "relazione-performance", "pdf"): (1, 0, 0),
    ("cciaa_pistoia_2020_revisione", "allegato-delibera", "pdf"): (0, 0, 0),  # without hyphenation: (2, 0, 0)
    ("cciaa_pistoia_2020_revisione", "cruscotto", "pdf"): (0, 0, 0),
    ("cciaa_pistoia_2020_revisione", "monitoraggio", "pdf"): (0, 1, 0),  # before: (0, 1, 7)
    ("cciaa_pistoia_2020_revisione", "piano-performance", "pdf"): (
        1,
        0,
        1,
    ),  # without hyphenation: (11, 0, 2); before: (36, 2, 3)
    ("cciaa_pistoia_2020_revisione", "pira", "pdf"): (0, 0, 0),
    ("cciaa_prato_2020", "monitoraggio", "pdf"): (0, 1, 0),  # before: (0, 1, 1)
    ("cciaa_prato_2020", "pira", "pdf"): (0, 0, 1),  # before: (0, 1, 2)
    ("cciaa_valserena_2024_2026", "allegato-delibera", "pdf"): (0, 0, 0),  # before: (0, 0, 1)
    ("cciaa_valserena_2024_2026", "cruscotto", "pdf"): (0, 0, 0),
    ("cciaa_valserena_2024_2026", "monitoraggio", "pdf"): (0, 1, 0),  # before: (0, 1, 18)
    ("cciaa_valserena_2024_2026", "piano-performance", "pdf"): (1, 0, 0),  # without hyphenation: (2, 0, 0); before: (4, 1, 2)
    ("cciaa_valserena_2024_2026", "pira", "pdf"): (0, 0, 0),
    ("cciaa_valserena_2024_2026", "relazione-performance", "pdf"): (1, 0, 1),  # before: (1, 0, 2)
    ("unioncamere_toscana_pira_2021", "pira", "pdf"): (0, 0, 1),
    ("cciaa_maremma_tirreno_cruscotto", "allegato-delibera", "docx"): (0, 0, 0),  # without hyphenation: (1, 0, 0)
    ("cciaa_maremma_tirreno_cruscotto", "cruscotto", "docx"): (0, 0, 0),
    ("cciaa_pistoia_2020_2022", "piano-performance", "docx"): (4, 0, 0),  # without hyphenation: (20, 0, 0); before: (54, 4, 3)
    ("cciaa_pistoia_2020_2022", "pira", "docx"): (0, 0, 0),
    ("cciaa_pistoia_2020_consuntivo", "allegato-delibera", "docx"): (
        5,
        0,
        0,
    ),  # without hyphenation: (24, 0, 0); before: (15, 0, 0) — worse: the annex lays itself out without the width fitting (dates split)
    ("cciaa_pistoia_2020_consuntivo", "cruscotto", "docx"): (0, 0, 0),  # without hyphenation: (1, 0, 0)
    ("cciaa_pistoia_2020_consuntivo", "monitoraggio", "docx"): (0, 0, 0),  # without hyphenation: (34, 1, 0); before: (36, 1, 6)
    ("cciaa_pistoia_2020_consuntivo", "pira", "docx"): (0, 0, 0),
    ("cciaa_pistoia_2020_consuntivo", "relazione-performance", "docx"): (0, 0, 0),
    ("cciaa_pistoia_2020_revisione", "allegato-delibera", "docx"): (5, 0, 0),  # without hyphenation: (24, 0, 0)
    ("cciaa_pistoia_2020_revisione", "cruscotto", "docx"): (0, 0, 0),  # without hyphenation: (1, 0, 0)
    ("cciaa_pistoia_2020_revisione", "monitoraggio", "docx"): (0, 0, 0),  # without hyphenation: (33, 1, 0); before: (35, 1, 3)
    ("cciaa_pistoia_2020_revisione", "piano-performance", "docx"): (
        4,
        0,
        0,
    ),  # without hyphenation: (20, 0, 0); before: (54, 4, 3)
    ("cciaa_pistoia_2020_revisione", "pira", "docx"): (0, 0, 0),
    ("cciaa_prato_2020", "monitoraggio", "docx"): (0, 1, 0),  # without hyphenation: (2, 1, 0); before: (3, 1, 3)
    ("cciaa_prato_2020", "pira", "docx"): (0, 0, 0),  # without hyphenation: (0, 0, 1); before: (0, 1, 1)
    ("cciaa_valserena_2024_2026", "allegato-delibera", "docx"): (
        8,
        0,
        0,
    ),  # without hyphenation: (13, 0, 0); before: (8, 0, 0) — worse: the annex lays itself out without the width fitting (dates split)
    ("cciaa_valserena_2024_2026", "cruscotto", "docx"): (0, 0, 0),
    ("cciaa_valserena_2024_2026", "monitoraggio", "docx"): (0, 1, 0),  # without hyphenation: (16, 1, 0); before: (17, 1, 8)
    ("cciaa_valserena_2024_2026", "piano-performance", "docx"): (0, 0, 0),  # without hyphenation: (5, 0, 0); before: (9, 3, 2)
    ("cciaa_valserena_2024_2026", "pira", "docx"): (0, 0, 0),
    ("cciaa_valserena_2024_2026", "relazione-performance", "docx"): (0, 0, 0),
    ("unioncamere_toscana_pira_2021", "pira", "docx"): (0, 0, 1),
}

Key = tuple[str, str, str]


def _render_sample(workbook: Path, folder: Path) -> dict[Key, tuple[Path, pianodocs.Plan]]:
    """Every kind that applies to ``workbook``, as PDF and DOCX in ``folder``, rendered by the library in parallel."""
    plan = pianodocs.load_workbook(workbook)
    jobs = [
        Job(kind, folder / f"{workbook.stem}__{kind}.{suffix}") for kind in applicable_kinds(plan) for suffix in ("pdf", "docx")
    ]
    for outcome in run(plan, jobs, workbook_folder=workbook.parent, workers=WORKERS):
        assert outcome.error is None, f"{outcome.job.path.name}: {outcome.error}"
    return {(workbook.stem, job.kind, job.path.suffix[1:]): (job.path, plan) for job in jobs}


@pytest.fixture(scope="session")
def measured(tmp_path_factory: pytest.TempPathFactory) -> dict[Key, Counts]:
    folder = tmp_path_factory.mktemp("typesetting")
    rendered: dict[Key, tuple[Path, pianodocs.Plan]] = {}
    for workbook in sorted(SAMPLES.glob("*.xlsx")):
        rendered |= _render_sample(workbook, folder)
    docx = [key for key in rendered if key[2] == "docx"]
    with ThreadPoolExecutor(WORKERS) as pool:
        pdfs = list(pool.map(lambda key: convert_with_libreoffice(rendered[key][0], folder / "libreoffice"), docx))
    laid_out = {key: path for key, (path, _) in rendered.items() if key[2] == "pdf"} | dict(zip(docx, pdfs, strict=True))
    counts = {}
    for key, pdf in laid_out.items():
        counts[key] = measure(pdf, build_document(rendered[key][1], key[1], SAMPLES))
    table = _table(counts)
    (folder / "typesetting.txt").write_text(table, encoding="utf-8")
    print(f"\n{table}")
    return counts


def _table(counts: dict[Key, Counts]) -> str:
    lines = [f"{'sample':34} {'kind':22} {'fmt':4} {'broken':>6} {'orphans':>7} {'near-empty':>10}"]
    for key in sorted(counts):
        found = counts[key]
        lines.append(
            f"{key[0]:34} {key[1]:22} {key[2]:4} {len(found.broken_words):6} {len(found.orphans):7} {len(found.near_empty_pages):10}"
        )
    return "\n".join(lines) + "\n"


def test_every_sample_kind_and_format_has_a_budget(measured: dict[Key, Counts]) -> None:
    assert sorted(measured) == sorted(BUDGET)


@pytest.mark.parametrize("key", sorted(BUDGET), ids=lambda key: "-".join(key))
def test_typesetting_within_budget(measured: dict[Key, Counts], key: Key) -> None:
    found = measured[key]
    broken, orphaned, near_empty = BUDGET[key]
    assert len(found.broken_words) <= broken, found.broken_words
    assert len(found.orphans) <= orphaned, found.orphans
    assert len(found.near_empty_pages) <= near_empty, found.near_empty_pages
