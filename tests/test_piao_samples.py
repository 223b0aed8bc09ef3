"""The issue's command on the invented chamber's two PIAO workbooks: ``pianodocs render piao WORKBOOK -o piao.pdf|.docx``.

The document's parts are tested on hand-made plans (test_piao_document*.py); here the samples, as a planning office
would render them, in both variants and both formats: the DM's sections (and only the variant's), a SOMMARIO whose
numbers are the pages the headings are on, PDF/A-2a, and the staffing plan's totals, worked out by hand from the
sample's Personale sheet (sample_data/sources/cciaa_valserena_piao_2025_2027.py):

    category               31/12/2024  2025 +/-  2026 +/-  2027 +/-
    Dirigenti                   2        0 0      1 1      0 0
    Funzionari e EQ            16        2 1      1 1      1 0
    Istruttori                 29        2 2      2 1      1 2
    Operatori esperti           6        0 1      1 0      0 1
    Operatori                   1        0 0      0 0      0 1
    total                      54        4 4      5 3      2 4   → 54 at 31/12/2025, 56 at 31/12/2026, 54 at 31/12/2027

and from the simplified sample's (the same chamber as a small office):

    Dirigenti                   1        0 0      0 0      0 0
    Funzionari e EQ            11        1 1      1 0      0 1
    Istruttori                 21        1 1      1 1      1 1
    Operatori esperti           5        0 1      1 0      0 0
    Operatori                   0        0 0      0 0      1 0
    total                      38        2 3      3 1      2 2   → 37 at 31/12/2025, 39 at 31/12/2026, 39 at 31/12/2027
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import docx
import pikepdf
import pytest
from pypdf import PdfReader

from pianodocs.backends.docx import convert_with_libreoffice

from .test_cli_render import pianodocs
from .text import dehyphenate

SAMPLES = Path(__file__).resolve().parent.parent / "sample_data"
ORDINARY, SIMPLIFIED = "cciaa_valserena_piao_2025_2027.xlsx", "cciaa_valserena_piao_2025_2027_semplificato.xlsx"
HEADINGS = {
    "1": "Scheda anagrafica dell'amministrazione",
    "2": "Valore pubblico, Performance e Anticorruzione",
    "2.1": "Valore pubblico",
    "2.2": "Performance",
    "2.3": "Rischi corruttivi e trasparenza",
    "3": "Organizzazione e capitale umano",
    "3.1": "Struttura organizzativa",
    "3.2": "Organizzazione del lavoro agile",
    "3.3": "Piano triennale dei fabbisogni di personale",
    "4": "Monitoraggio",
}
ONLY_ORDINARY = ("2.1", "2.2", "4")
# the staffing plan's total row: in service at 31/12/2024, then hires, leavers, in service at 31/12 of each year
TOTALS = {
    ORDINARY: ["Totale", "54", "4", "4", "54", "5", "3", "56", "2", "4", "54"],
    SIMPLIFIED: ["Totale", "38", "2", "3", "37", "3", "1", "39", "2", "2", "39"],
}


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", dehyphenate(text)).strip()


@pytest.fixture(scope="module", params=[ORDINARY, SIMPLIFIED])
def rendered(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path, Path]:
    folder = tmp_path_factory.mktemp("piao-sample")
    outputs = folder / "piao.pdf", folder / "piao.docx"
    for output in outputs:
        result = pianodocs("render", "piao", str(SAMPLES / request.param), "-o", str(output))
        assert result.returncode == 0, result.stderr
    return request.param, *outputs


def _expected(sample: str) -> list[str]:
    return [f"{n} {t}" for n, t in HEADINGS.items() if sample == ORDINARY or n not in ONLY_ORDINARY]


def test_the_pdf_has_the_sections_of_its_variant_with_a_true_sommario(rendered: tuple[str, Path, Path]) -> None:
    sample, pdf, _ = rendered
    pages = [_flat(page.extract_text()) for page in PdfReader(pdf).pages]
    sommario = next(index for index, page in enumerate(pages) if page.startswith("SOMMARIO"))
    entries = re.findall(r"\s*(.+?) \.{4,}\s*(\d+)", pages[sommario].removeprefix("SOMMARIO"))
    assert [title.strip() for title, _ in entries] == _expected(sample)
    for title, number in entries:
        assert title.strip() in pages[int(number) - 1], (title, number)
    cover = pages[0]
    assert "Camera di Commercio di Valserena e Monti Alti" in cover and "2025-2027" in cover
    assert ("SEMPLIFICATO" in cover) == (sample == SIMPLIFIED)
    with pikepdf.open(pdf) as document:
        metadata = document.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False)
        assert metadata.pdfa_status == "2A" and document.Root.MarkInfo.Marked is True


def test_the_staffing_plan_totals_are_the_hand_computed_ones(rendered: tuple[str, Path, Path]) -> None:
    sample, pdf, docx_path = rendered
    text = " ".join(_flat(page.extract_text()) for page in PdfReader(pdf).pages)
    assert re.search(rf"{' '.join(TOTALS[sample])}\b", text), "the staffing plan's total row"
    word = docx.Document(str(docx_path))
    totals = [[cell.text for cell in row.cells] for table in word.tables for row in table.rows if row.cells[0].text == "Totale"]
    assert TOTALS[sample] in totals


def test_the_docx_has_the_same_sections_and_its_sommario_numbers_are_libreoffices_pages(
    rendered: tuple[str, Path, Path], tmp_path: Path
) -> None:
    sample, _, docx_path = rendered
    word = docx.Document(str(docx_path))
    styles = [(p.style.name if p.style is not None else "", _flat(p.text)) for p in word.paragraphs]
    entries = [re.fullmatch(r"(.+?)\s*(\d+)", text) for name, text in styles if name in ("toc 1", "toc 2")]
    assert [found.group(1) for found in entries if found] == _expected(sample)
    laid_out = convert_with_libreoffice(docx_path, tmp_path)
    raw = subprocess.run(["pdftotext", "-raw", str(laid_out), "-"], capture_output=True, text=True, check=True).stdout
    pages = [_flat(page) for page in raw.split("\f")]
    for found in entries:
        assert found is not None and found.group(1) in pages[int(found.group(2)) - 1], found
