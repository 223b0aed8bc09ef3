"""The typesetting checks of tests/typeset.py catch what they claim, on tiny PDFs written from hand-made HTML.

Each PDF is rendered with WeasyPrint from HTML made to show one fault (a word
forced to break, a heading forced to a page foot, a near-empty page) or its
absence, with a running header and page numbers like the real documents'; the
view model beside it is written by hand with the same words.
"""

from __future__ import annotations

from pathlib import Path

import weasyprint

from pianodocs.view.model import Cell, CellStyle, Cover, Document, Heading, Paragraph, Row, Run, Table

from .typeset import Orphan, broken_words, near_empty_pages, orphans, read_layout, vocabulary

PAGE_STYLE = """
@page { size: A4; margin: 2cm; @top-center { content: "Intestazione corrente"; }
        @bottom-center { content: "Pagina " counter(page); } }
body { font-family: sans-serif; font-size: 11pt; }
.narrow { width: 3.6cm; word-break: break-all; }
.spacer { height: 22cm; }
.tall { height: 6cm; break-inside: avoid; }
"""


def pdf_of(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "prova.pdf"
    html = f'<html lang="it"><head><style>{PAGE_STYLE}</style></head><body>{body}</body></html>'
    weasyprint.HTML(string=html).write_pdf(path)
    return path


def paragraphs(*texts: str) -> tuple[Paragraph, ...]:
    return tuple(Paragraph((Run(text),)) for text in texts)


def document(*blocks: Heading | Paragraph | Table, cover: bool = False) -> Document:
    front = Cover("Camera di commercio di prova", "Piano di prova") if cover else None
    return Document("Prova", "Camera", "Prova", front, blocks, running_header="Intestazione corrente")


# --- broken words ------------------------------------------------------------------------------------------------


def test_a_word_broken_without_a_hyphen_is_found(tmp_path: Path) -> None:
    pdf = pdf_of(tmp_path, '<p class="narrow">Internazionalizzazione</p>')
    found = broken_words(read_layout(pdf), vocabulary(document(*paragraphs("Internazionalizzazione"))))
    assert found, "the word forced to break over two lines is not seen"
    assert all(part.replace("/", "") in "Internazionalizzazione" for part in found)


def test_a_number_broken_in_a_table_cell_is_found(tmp_path: Path) -> None:
    table = '<table><tr><td class="narrow" style="text-align: right">1.383.320.777.444,00</td><td>euro</td></tr></table>'
    pdf = pdf_of(tmp_path, table)
    view = Table((), (Row((Cell((Run("1.383.320.777.444,00"),)), Cell((Run("euro"),)))),), (50, 50))
    found = broken_words(read_layout(pdf), vocabulary(document(view)))
    assert found
    assert all(part.replace("/", "") in "1.383.320.777.444,00" for part in found)


def test_a_hyphenated_break_and_a_break_between_words_are_not_counted(tmp_path: Path) -> None:
    # a soft hyphen gives a hyphenated break; "per" and "corso" are words even though "percorso" is too
    text = "Internazionaliz\u00adzazione per corso percorso"
    pdf = pdf_of(tmp_path, f'<p style="width: 3.2cm">{text.replace(chr(0xAD), "&shy;")}</p>')
    pages = read_layout(pdf)
    assert len(pages[0].lines) >= 3, "the paragraph must be set on several lines for the test to mean anything"
    assert broken_words(pages, vocabulary(document(*paragraphs(text.replace("\u00ad", ""))))) == []


# --- orphans -----------------------------------------------------------------------------------------------------


def test_a_heading_at_a_page_foot_is_an_orphan(tmp_path: Path) -> None:
    # a bold paragraph, not an h2: WeasyPrint keeps an h2 with what follows, and the check reads text, not tags
    body = '<div class="spacer"></div><p><b>2.1 Il contesto esterno</b></p><p class="tall">Il testo della sezione.</p>'
    view = document(Heading("Il contesto esterno", 2, "contesto", "2.1"), *paragraphs("Il testo della sezione."))
    assert orphans(read_layout(pdf_of(tmp_path, body)), view) == [Orphan(1, "2.1 Il contesto esterno")]


def test_a_heading_followed_by_its_text_is_not_an_orphan(tmp_path: Path) -> None:
    body = "<h2>2.1 Il contesto esterno</h2><p>Il testo della sezione.</p>"
    view = document(Heading("Il contesto esterno", 2, "contesto", "2.1"), *paragraphs("Il testo della sezione."))
    assert orphans(read_layout(pdf_of(tmp_path, body)), view) == []


def test_a_band_row_at_a_page_foot_is_an_orphan_and_a_normal_row_is_not(tmp_path: Path) -> None:
    rows = (
        '<tr><td colspan="2">Riga ordinaria in fondo</td></tr>'
        '<tr><td colspan="2">LINEA STRATEGICA 1 Competitività</td></tr>'
        '<tr class="tall"><td>Obiettivo</td><td>Valore</td></tr>'
    )
    body = f'<div class="spacer" style="height: 21cm"></div><table>{rows}</table>'
    view = Table(
        (),
        (
            Row((Cell((Run("Riga ordinaria in fondo"),), colspan=2),)),
            Row((Cell((Run("LINEA STRATEGICA 1 Competitività"),), colspan=2, style=CellStyle.BAND),)),
            Row((Cell((Run("Obiettivo"),)), Cell((Run("Valore"),)))),
        ),
        (50, 50),
    )
    pages = read_layout(pdf_of(tmp_path, body))
    assert len(pages) == 2
    assert orphans(pages, document(view)) == [Orphan(1, "LINEA STRATEGICA 1 Competitività")]
    # the same page ending with an ordinary row: nothing to report
    pages = read_layout(pdf_of(tmp_path, body.replace('<tr><td colspan="2">LINEA STRATEGICA 1 Competitività</td></tr>', "")))
    assert orphans(pages, document(view)) == []


# --- near-empty pages --------------------------------------------------------------------------------------------


def test_a_page_under_a_quarter_full_is_found_but_not_the_cover_a_chapter_end_or_the_last(tmp_path: Path) -> None:
    full = "<p>" + "Pagina piena.<br>" * 40 + "</p>"
    body = (
        '<h1 style="font-size: 30pt">Piano di prova</h1>'  # 1: the cover, nearly empty by design
        '<p style="break-before: page">Riga sola.</p>'  # 2: near-empty, followed by a page of the same chapter
        f'<div style="break-before: page">{full}</div>'  # 3: full
        '<p style="break-before: page">Fine del capitolo.</p>'  # 4: a chapter's last page
        '<h1 style="break-before: page">2 Secondo capitolo</h1><p>Riga finale.</p>'  # 5: the last page
    )
    view = document(
        Heading("Primo capitolo", 1, "uno", "1"),
        *paragraphs("Riga sola.", "Pagina piena.", "Fine del capitolo."),
        Heading("Secondo capitolo", 1, "due", "2"),
        *paragraphs("Riga finale."),
        cover=True,
    )
    pages = read_layout(pdf_of(tmp_path, body))
    assert len(pages) == 5
    assert near_empty_pages(pages, view) == [2]


def test_without_a_cover_the_first_page_is_measured_too(tmp_path: Path) -> None:
    body = '<p>Riga sola.</p><p style="break-before: page">' + "Pagina piena.<br>" * 40 + "</p><p>Ultima.</p>"
    pages = read_layout(pdf_of(tmp_path, body))
    assert near_empty_pages(pages, document(*paragraphs("Riga sola.", "Pagina piena.", "Ultima."))) == [1]


def test_a_heading_text_ending_a_cell_on_the_right_is_not_an_orphan(tmp_path: Path) -> None:
    # the missions table lists the strategic programmes in its third column; the last of them is also the
    # heading of that programme's chapter, further on: at the page foot it ends the cell, it introduces nothing
    cells = "<td>032 - Servizi istituzionali</td><td>003 - Servizi generali</td>"
    rows = f"<tr>{cells}<td>Riforma camerale<br>Prevenzione della corruzione</td></tr>"
    body = f'<div class="spacer" style="height: 21.5cm"></div><table style="width: 100%">{rows}</table><p class="tall">Il testo del capitolo.</p>'
    heading = Heading("Prevenzione della corruzione", 2, "corruzione")
    view = document(Table((), (), (33, 33, 34)), heading)
    pages = read_layout(pdf_of(tmp_path, body))
    assert [line.text for line in pages[0].lines][-2:] == ["Riforma camerale", "Prevenzione della corruzione"]
    assert orphans(pages, view) == []
    # the same words as a paragraph of their own at the left margin are the heading left alone
    alone = body.replace(f'<table style="width: 100%">{rows}</table>', "<p><b>Prevenzione della corruzione</b></p>")
    assert orphans(read_layout(pdf_of(tmp_path, alone)), view) == [Orphan(1, "Prevenzione della corruzione")]


def test_the_last_page_before_the_orientation_changes_is_not_counted(tmp_path: Path) -> None:
    style = "@page wide { size: A4 landscape; } .wide { page: wide; }"
    full = "Pagina piena.<br>" * 40
    body = f'<style>{style}</style><p>{full}</p><p style="break-before: page">Riga sola prima della tabella larga.</p><div class="wide"><p>{full[:300]}</p></div>'
    body += f'<p style="break-before: page">Di nuovo verticale.</p><p style="break-before: page">{full}</p>'
    pages = read_layout(pdf_of(tmp_path, body))
    assert [page.width > page.height for page in pages] == [False, False, True, False, False]
    view = document(*paragraphs("Pagina piena.", "Riga sola prima della tabella larga.", "Di nuovo verticale."))
    # page 2 ends the portrait run before the landscape page; page 4 is followed by a portrait page: counted
    assert near_empty_pages(pages, view) == [4]
