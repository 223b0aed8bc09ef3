"""The shapes that make rendering faster keep the output the same (issue 16).

A table cell that is one code, date or amount carries the ``nobreak`` class itself instead of a span around its
text; the DOCX's SOMMARIO page numbers come from a cache keyed by the draft's content when the same draft was
laid out before; ``benchmarks/run.py --quick`` runs and prints the issue's ratios. No test asserts a time.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from pianodocs.backends.pdf import render_html, write_pdf
from pianodocs.view.model import Align, Cell, CellStyle, Document, Row, Run, Table


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
