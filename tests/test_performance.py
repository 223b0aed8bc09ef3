"""The shapes that make rendering faster keep the output the same (issue 16).

A table cell that is one code, date or amount carries the ``nobreak`` class itself instead of a span around its
text; the DOCX's SOMMARIO page numbers come from a cache keyed by the draft's content when the same draft was
laid out before, and its figures' PNGs from a cache keyed by their drawing; ``benchmarks/run.py --quick`` runs and
prints the issue's ratios. No test asserts a time.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import attrs
import docx
import pytest

import pianodocs
from pianodocs import content_cache
from pianodocs.backends.docx import write_docx
from pianodocs.backends.docx.figures import FIGURE_FOLDER, svg_to_png
from pianodocs.backends.docx.pagination_cache import cache_folder
from pianodocs.backends.pdf import render_html, write_pdf
from pianodocs.documents.allegato_delibera import render_annex
from pianodocs.limits import MAX_CACHE_ENTRIES
from pianodocs.render import count_pages
from pianodocs.view.demo import demo_document
from pianodocs.view.model import Align, Cell, CellStyle, Document, Figure, PageBreak, Paragraph, Row, Run, Table

from .conftest import SAMPLES


def _table_document(*cells: Cell) -> Document:
    header = Row(tuple(Cell((Run(f"Colonna {number}"),), style=CellStyle.HEADER) for number, _ in enumerate(cells, 1)))
    table = Table((header,), (Row(cells),), tuple(100.0 / len(cells) for _ in cells))
    return Document("Prova", "Ente", "Prova", None, (table,))


def test_a_cell_of_one_unbreakable_token_carries_the_class_itself() -> None:
    html = render_html(
        _table_document(
            Cell((Run("1.383.320,00"),), align=Align.RIGHT),
            Cell((Run("https://www.camera.it/trasparenza"),)),
            Cell((Run("Totale 2020"),)),
            Cell((Run("Area"),)),
        )
    )
    assert '<td class="cell-normal align-right nobreak">1.383.320,00</td>' in html
    assert '<td class="cell-normal align-left nohyphen">https://www.camera.it/trasparenza</td>' in html
    # a cell of several words keeps a span on its token only; a plain word gets neither
    assert '<td class="cell-normal align-left">Totale <span class="nobreak">2020</span></td>' in html
    assert '<td class="cell-normal align-left">Area</td>' in html


def test_a_cell_of_one_token_in_two_runs_keeps_its_spans() -> None:
    html = render_html(_table_document(Cell((Run("26/09/"), Run("2018", bold=True)))))
    assert '<td class="cell-normal align-left"><span class="nobreak">26/09/</span><strong><span class="nobreak">2018' in html


def test_a_token_alone_in_its_cell_stays_on_one_line(tmp_path: Path) -> None:
    # eight amounts side by side in a portrait table: each column just holds its amount, which must not split
    document = _table_document(*(Cell((Run("-2.080.927,00"),), align=Align.RIGHT) for _ in range(8)))
    pdf = tmp_path / "tabella.pdf"
    write_pdf(document, pdf)
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert text.count("-2.080.927,00") == 8


# the DOCX's SOMMARIO: LibreOffice's layout of a draft, kept by the draft's content


def _sommario(path: Path) -> list[str]:
    """The SOMMARIO's lines of a DOCX as Word shows them before updating the field: "title<TAB>page"."""
    word = docx.Document(str(path))
    return [paragraph.text for paragraph in word.paragraphs if re.fullmatch(r"toc \d", paragraph.style.name)]


def _entries() -> list[Path]:
    return sorted(cache_folder().glob("*.json"))


def test_the_sommario_comes_from_the_cache_when_the_same_draft_was_laid_out(tmp_path: Path) -> None:
    document = demo_document()
    write_docx(document, tmp_path / "prima.docx")
    first = _sommario(tmp_path / "prima.docx")
    assert first and all(re.fullmatch(r".+\t\d+", line) for line in first), first
    (entry,) = _entries()
    # the entry holds LibreOffice's outline; the next render of the same document reads it instead of laying out
    outline = json.loads(entry.read_text(encoding="utf-8"))
    entry.write_text(json.dumps([[title, page + 10] for title, page in outline]), encoding="utf-8")
    write_docx(document, tmp_path / "seconda.docx")
    assert _sommario(tmp_path / "seconda.docx") == [
        f"{title}\t{int(page) + 10}" for title, page in (line.split("\t") for line in first)
    ]


def test_a_changed_draft_is_laid_out_again(tmp_path: Path) -> None:
    document = demo_document()
    write_docx(document, tmp_path / "prima.docx")
    (entry,) = _entries()
    entry.write_text(json.dumps([[title, page + 10] for title, page in json.loads(entry.read_text())]), encoding="utf-8")
    toc, *rest = document.blocks
    added = Paragraph((Run("Una pagina in più, prima della premessa."),))
    longer = attrs.evolve(document, blocks=(toc, PageBreak(), added, *rest))  # every heading a page later
    write_docx(longer, tmp_path / "seconda.docx")
    assert len(_entries()) == 2
    pages = [int(line.split("\t")[1]) for line in _sommario(tmp_path / "prima.docx")]
    assert [int(line.split("\t")[1]) for line in _sommario(tmp_path / "seconda.docx")] == [page + 1 for page in pages]


def test_the_draft_does_not_depend_on_the_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    document = demo_document()
    for number, epoch in enumerate(("1600000000", "1700000000")):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
        write_docx(document, tmp_path / f"{number}.docx")
    assert len(_entries()) == 1


def test_an_unreadable_entry_is_laid_out_again(tmp_path: Path) -> None:
    document = demo_document()
    write_docx(document, tmp_path / "prima.docx")
    (entry,) = _entries()
    entry.write_text("{non è json", encoding="utf-8")
    write_docx(document, tmp_path / "seconda.docx")
    assert _sommario(tmp_path / "seconda.docx") == _sommario(tmp_path / "prima.docx")
    assert json.loads(entry.read_text(encoding="utf-8"))  # stored again, whole


# the benchmark


@pytest.mark.slow
def test_the_benchmark_prints_the_issue_ratios() -> None:
    script = Path(__file__).resolve().parent.parent / "benchmarks" / "run.py"
    result = subprocess.run([sys.executable, str(script), "--quick"], capture_output=True, text=True, timeout=1200)
    assert result.returncode == 0, result.stderr
    report = result.stdout
    assert re.search(r"PDF / LibreOffice DOCX→PDF \(Pistoia\): \d+\.\d\d×", report), report
    assert re.search(r"DOCX / lo stesso LibreOffice: \d+\.\d\d× a cache vuota, \d+\.\d\d× con la bozza in cache", report)
    assert re.search(r"PDF, piano ×2: .* \d+\.\d\d del lineare .* memoria di picco \d+ MiB", report), report
    assert re.search(r"render all \(Pistoia.*\): \d+\.\d s, CPU \d+\.\d s: in media \d+\.\d\d core occupati", report)
    assert (script.parent / "results" / "quick.md").read_text(encoding="utf-8") == report


@pytest.mark.slow
def test_the_bound_of_the_parallel_route_is_measured_beside_libreoffice() -> None:
    script = Path(__file__).resolve().parent.parent / "benchmarks" / "parallel_bound.py"
    command = [sys.executable, str(script), "--repeat", "1", "--parts", "2"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=1200)
    assert result.returncode == 0, result.stderr
    report = result.stdout
    assert re.search(r"\| LibreOffice DOCX→PDF \| \d+\.\d\d \| \d+\.\d\d \| 1\.00× \|", report), report
    assert re.search(r"\| PDF in un processo \| \d+\.\d\d \| \d+\.\d\d \| \d+\.\d\d× \|", report), report
    assert re.search(r"\| PDF in 2 parti insieme, senza unirle \(limite inferiore\) \| \d+\.\d\d \|", report), report
    # the split is at a heading between the chapters: two parts, neither of them empty
    first, second = map(int, re.search(r"pagine delle parti: (\d+) \+ (\d+) = \d+", report).groups())  # type: ignore[union-attr]
    assert first > 0 and second > 0, report


# the DOCX's figures: each drawing's PNG, kept by the drawing


def _drawings() -> list[Path]:
    return sorted(content_cache.folder(FIGURE_FOLDER).glob("*.png"))


def _svg(text: str) -> str:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="80" font-family="Titillium Web">'
        f'<rect width="300" height="80" fill="#ffffff"/><text x="10" y="50" font-size="30">{text}</text></svg>'
    )


def _pictures(path: Path) -> list[bytes]:
    with zipfile.ZipFile(path) as archive:
        return [archive.read(name) for name in sorted(archive.namelist()) if name.startswith("word/media/")]


def test_a_figure_is_taken_from_the_cache_of_drawings_when_drawn_before(tmp_path: Path) -> None:
    document = Document("Prova", "Ente", "Prova", None, (Figure(_svg("Mappa strategica"), "La mappa", "Figura 1"),))
    write_docx(document, tmp_path / "prima.docx")
    (entry,) = _drawings()
    assert _pictures(tmp_path / "prima.docx") == [entry.read_bytes()]
    # the entry stands for the drawing: the next render of the same figure reads it instead of drawing it
    other = svg_to_png(_svg("Un altro disegno"), 400)
    assert other is not None and other != entry.read_bytes()
    entry.write_bytes(other)
    write_docx(document, tmp_path / "seconda.docx")
    assert _pictures(tmp_path / "seconda.docx") == [other]


def test_another_drawing_or_width_is_drawn_anew() -> None:
    first = svg_to_png(_svg("Obiettivo 1"), 400)
    assert svg_to_png(_svg("Obiettivo 2"), 400) != first
    wider = svg_to_png(_svg("Obiettivo 1"), 800)
    assert wider is not None and wider != first
    assert len(_drawings()) == 3
    assert svg_to_png(_svg("Obiettivo 1"), 400) == first and len(_drawings()) == 3


def test_a_damaged_drawing_is_drawn_again() -> None:
    first = svg_to_png(_svg("Obiettivo 1"), 400)
    assert first is not None
    (entry,) = _drawings()
    entry.write_bytes(first[: len(first) // 2])  # cut short, as by a full disk
    assert svg_to_png(_svg("Obiettivo 1"), 400) == first
    assert entry.read_bytes() == first  # stored again, whole


# the annex's page count: LibreOffice's count of a DOCX, kept by the file's content but its dates


def _annex(tmp_path: Path, name: str) -> tuple[Path, int]:
    plan = pianodocs.load_workbook(SAMPLES / "cciaa_pistoia_2020_revisione.xlsx")
    path = tmp_path / name
    return path, render_annex(plan, path, workbook_folder=SAMPLES)


def _counts() -> list[Path]:
    return sorted(cache_folder().glob("*.pagine"))


def test_a_docx_counted_before_is_not_laid_out_again_even_dated_otherwise(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1600000000")
    first, pages = _annex(tmp_path, "prima.docx")
    entries = _counts()  # one per round of the count: the guess of one page, then the true count
    assert entries and {entry.read_text() for entry in entries} == {str(pages)}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    second, again = _annex(tmp_path, "seconda.docx")
    assert again == pages and _counts() == entries  # another day, the same content: no new layout
    assert first.read_bytes() != second.read_bytes()  # (the files differ in their dates)
    # the entry stands for LibreOffice's count: counting the file again reads it
    for entry in entries:
        entry.write_text(str(pages + 5))
    assert count_pages(second) == pages + 5


def test_a_changed_docx_is_counted_again(tmp_path: Path) -> None:
    document = demo_document()
    write_docx(document, tmp_path / "breve.docx")
    pages = count_pages(tmp_path / "breve.docx")
    toc, *rest = document.blocks
    write_docx(attrs.evolve(document, blocks=(toc, PageBreak(), Paragraph((Run("In più."),)), *rest)), tmp_path / "lungo.docx")
    assert count_pages(tmp_path / "lungo.docx") == pages + 1
    assert len(_counts()) == 2


def test_an_unreadable_count_is_counted_again(tmp_path: Path) -> None:
    write_docx(demo_document(), tmp_path / "breve.docx")
    pages = count_pages(tmp_path / "breve.docx")
    (entry,) = _counts()
    entry.write_text("molte")
    assert count_pages(tmp_path / "breve.docx") == pages
    assert entry.read_text() == str(pages)


# the cache's bound: at most MAX_CACHE_ENTRIES a folder, the least recently used removed first


def test_a_full_cache_folder_loses_the_entries_used_longest_ago() -> None:
    keys = [f"{number:04d}" for number in range(MAX_CACHE_ENTRIES + 1)]
    for moment, key in enumerate(keys[:-1]):
        content_cache.store("prova", key, ".txt", key.encode())
        os.utime(content_cache.folder("prova") / f"{key}.txt", ns=(moment * 10**9, moment * 10**9))
    assert content_cache.load("prova", keys[0], ".txt") == keys[0].encode()  # the oldest, read: used now
    content_cache.store("prova", keys[-1], ".txt", b"una di troppo")
    left = sorted(path.stem for path in content_cache.folder("prova").iterdir())
    assert len(left) == MAX_CACHE_ENTRIES
    assert keys[1] not in left  # the one used longest ago
    assert keys[0] in left and keys[-1] in left
