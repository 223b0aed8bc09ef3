"""The cruscotto strategico (seed 003): its view model on the Maremma sample, then the PDF and the DOCX read back."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import attrs
import docx
import openpyxl
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

import pianodocs
from pianodocs.backends.docx import convert_with_libreoffice
from pianodocs.documents import cruscotto
from pianodocs.model import Act, Plan, Revision, RevisionKind
from pianodocs.render import build_document
from pianodocs.view.model import CellStyle, Document, Heading, Row, Table

from .conftest import SAMPLES
from .text import dehyphenate

YEARS = [str(year) for year in range(2016, 2022)]
MISSIONS = [
    "Missione 011 - Competitività delle Imprese",
    "Missione 016 - Commercio internazionale e internazionalizzazione del sistema produttivo",
    "Missione 012 - Regolazione dei mercati",
    "Missione 032 - Servizi istituzionali e generali delle PA",
]
GC129 = "deliberazione della Giunta n. 129 del 2 dicembre 2019"
ELIMINATED_BY_129 = f"Eliminato in sede di rolling annuale con {GC129}"


def _flat(text: str) -> str:
    """The text as a person reads it: words hyphenated at a line end rejoined, white space flattened."""
    return re.sub(r"\s+", " ", dehyphenate(text)).strip()


def _packed(text: str) -> str:
    """Text without white space: a cell's text wraps anywhere, so compare it packed."""
    return "".join(dehyphenate(text).split())


@pytest.fixture(scope="module")
def maremma() -> Plan:
    return pianodocs.load_workbook(SAMPLES / "cciaa_maremma_tirreno_cruscotto.xlsx")


@pytest.fixture(scope="module")
def document(maremma: Plan) -> Document:
    return build_document(maremma, "cruscotto")


def _tables(document: Document) -> list[Table]:
    return [block for block in document.blocks if isinstance(block, Table) and block.name.startswith("cruscotto-")]


def _indicator_rows(document: Document) -> dict[str, Row]:
    """The indicator rows by indicator name (the first cell's first run)."""
    return {row.cells[0].runs[0].text: row for table in _tables(document) for row in table.body if len(row.cells) > 1}


# --- the view model ------------------------------------------------------------------------------


def test_applies_to_a_cruscotto_and_to_a_plan_with_a_change_log(maremma: Plan, pistoia: Plan, pistoia_revised: Plan) -> None:
    assert cruscotto.applies(maremma)
    assert not cruscotto.applies(pistoia), "Pistoia's owners are on the area indicators, not the cruscotto di Ente's"
    assert cruscotto.applies(pistoia_revised), "its revision inserts and eliminates indicators"


def test_four_missions_in_the_seeds_order_with_fourteen_objectives(document: Document) -> None:
    headings = [block for block in document.blocks if isinstance(block, Heading)]
    assert [h.title for h in headings if h.level == 2] == MISSIONS
    per_mission: list[list[str]] = []
    for block in document.blocks:
        if isinstance(block, Heading) and block.level == 2:
            per_mission.append([])
        elif isinstance(block, Table) and block.name.startswith("cruscotto-"):
            per_mission[-1].append(block.name.removeprefix("cruscotto-"))
    assert per_mission == [["OS01", "OS02", "OS03", "OS04", "OS05"], ["OS06"], ["OS07"], [f"OS{n:02d}" for n in range(8, 15)]]


def test_each_objective_band_is_a_header_with_every_year_of_the_plan(document: Document) -> None:
    tables = _tables(document)
    assert len(tables) == 14
    for table in tables:
        assert table.landscape
        (band,) = table.header
        assert [c.text for c in band.cells[1:]] == [*YEARS, "Owner", "Note"]
        assert {c.style for c in band.cells} == {CellStyle.BAND}
    assert tables[0].header[0].cells[0].text == "1. Semplificazione Amministrativa e Digitalizzazione delle Imprese"


def test_fifty_three_indicators_with_targets_as_written_and_owner(maremma: Plan, document: Document) -> None:
    rows = _indicator_rows(document)
    assert len(rows) == 53
    for indicator in maremma.indicators:
        row = rows[indicator.name]
        expected = [indicator.targets[year].text if year in indicator.targets else "" for year in maremma.years]
        assert [c.text for c in row.cells[1:7]] == expected, indicator.code
        assert row.cells[7].text == indicator.owner
    second = rows[list(maremma.indicators)[1].name]
    assert [c.text for c in second.cells[1:7]] == ["", "<20%", "<10%", "<10%", "0%", "0%"]
    written = {c.text for row in rows.values() for c in row.cells[1:7]}
    assert {"Anno di rilevazione", "X< X-1", ">=85%", "31/12/2018", "scostamento max 0,02 da media cluster"} <= written


def test_every_revision_is_in_its_indicators_note_with_the_acts_citation(maremma: Plan, document: Document) -> None:
    rows = _indicator_rows(document)
    openings = {"indicatore aggiornato": "Aggiornato", "indicatore inserito": "Inserito", "indicatore eliminato": "Eliminato"}
    for indicator in maremma.indicators:
        revisions = [r for r in maremma.revisions if r.element == indicator.code]
        lines = rows[indicator.name].cells[-1].text.split("\n")
        assert len(lines) == len(revisions), indicator.code
        for revision in revisions:
            act = maremma.act(revision.act)
            assert act is not None
            known = cruscotto.citation(act) or "rolling annuale 2018"
            assert any(line.startswith(openings[revision.kind.value]) and line.endswith(known) for line in lines)
    notes = rows[list(maremma.indicators)[3].name].cells[-1].text  # OS02-1, two rollings
    assert notes == (
        "Aggiornato in sede di rolling annuale con deliberazione della Giunta n. 97 del 26 luglio 2018\n"
        f"Aggiornato in sede di rolling annuale con {GC129}"
    )


def test_revisions_are_listed_in_date_order_whatever_the_workbook_order(maremma: Plan) -> None:
    reversed_plan = attrs.evolve(maremma, revisions=tuple(reversed(maremma.revisions)))
    notes = cruscotto.change_notes(reversed_plan, "OS05-2")
    assert notes == [
        "Inserito in sede di rolling annuale con deliberazione della Giunta del 31 gennaio 2019",
        f"Aggiornato in sede di rolling annuale con {GC129}",
    ]


def test_eliminated_indicators_are_muted_and_say_so(maremma: Plan, document: Document) -> None:
    rows = _indicator_rows(document)
    eliminated = {r.element for r in maremma.revisions if r.kind is RevisionKind.INDICATOR_ELIMINATED}
    assert len(eliminated) == 10
    for indicator in maremma.indicators:
        row = rows[indicator.name]
        styles = {c.style for c in row.cells[:-1]}
        if indicator.code in eliminated:
            assert styles == {CellStyle.MUTED}, indicator.code
            assert row.cells[-1].text.startswith("Eliminato in sede di rolling annuale"), indicator.code
            assert row.cells[-1].style is CellStyle.NORMAL, "the reason stays legible"
        else:
            assert styles == {CellStyle.NORMAL}, indicator.code
    inserted = [rows[i.name].cells[-1].text for i in maremma.indicators if i.code in ("OS07-1", "OS09-10")]
    assert inserted == [f"Inserito in sede di rolling annuale con {GC129}"] * 2


def test_an_act_without_number_or_date_reads_sensibly(maremma: Plan, document: Document) -> None:
    rows = _indicator_rows(document)
    os14_3 = next(i for i in maremma.indicators if i.code == "OS14-3")
    assert rows[os14_3.name].cells[-1].text == "Eliminato in sede di rolling annuale 2018"
    everything = " ".join(c.text for table in _tables(document) for row in table.body for c in row.cells)
    assert "n.d." not in everything and "n. n.d." not in everything
    assert "con deliberazione della Giunta del 31 gennaio 2019" in everything


@pytest.mark.parametrize(
    ("number", "date", "expected"),
    [
        ("129", "2019-12-02", GC129),
        ("n.d.", "2019-01-31", "deliberazione della Giunta del 31 gennaio 2019"),
        ("", "2019-01-31", "deliberazione della Giunta del 31 gennaio 2019"),
        ("n.d.", None, ""),
        ("12", None, "deliberazione della Giunta n. 12"),
    ],
)
def test_citation_says_only_what_is_known(number: str, date: str | None, expected: str) -> None:
    act = Act("X", "Giunta", number, dt.date.fromisoformat(date) if date else None)
    assert cruscotto.citation(act) == expected


def test_a_note_without_anything_known_of_its_act_names_the_act(maremma: Plan) -> None:
    bare = attrs.evolve(
        maremma,
        acts=(Act("GC-X", "Giunta", "n.d.", None),),
        revisions=(Revision(RevisionKind.INDICATOR_INSERTED, "OS01-1", "GC-X"),),
    )
    assert cruscotto.change_notes(bare, "OS01-1") == ["Inserito con atto GC-X"]


def test_an_indicators_own_note_follows_its_row(maremma: Plan, document: Document) -> None:
    table = next(t for t in _tables(document) if t.name == "cruscotto-OS09")
    texts = [row.cells[0].text for row in table.body]
    at = texts.index(next(i.name for i in maremma.indicators if i.code == "OS09-9"))
    note = table.body[at + 1].cells[0]
    assert note.text.startswith("NOTA: valor medio rilevato") and note.style is CellStyle.NOTE and note.colspan == 9


def test_register_lists_every_revision_under_its_act_in_date_order(maremma: Plan, document: Document) -> None:
    register = next(b for b in document.blocks if isinstance(b, Table) and b.name == "registro-modifiche")
    assert [c.text for c in register.header[0].cells] == ["Modifica", "Indicatore", "Obiettivo"], "no motivation: none given"
    bands = [row.cells[0].text for row in register.body if len(row.cells) == 1]
    assert bands == [
        "26/07/2018 - deliberazione della Giunta n. 97 del 26 luglio 2018 - Rolling annuale",
        "31/01/2019 - deliberazione della Giunta del 31 gennaio 2019 - Rolling annuale (numero della deliberazione non "
        "leggibile nel documento)",
        f"02/12/2019 - {GC129} - Rolling annuale",
        "data non indicata - Rolling annuale 2018 (atto non indicato nel documento)",
    ]
    changes = [row for row in register.body if len(row.cells) == 3]
    assert len(changes) == len(maremma.revisions) == 63
    assert changes[-1].cells[0].text == "Indicatore eliminato"
    assert changes[-1].cells[2].text.startswith("14. Revisione della spesa")


def test_the_cover_names_the_last_act(document: Document) -> None:
    assert document.cover.title == "CRUSCOTTO STRATEGICO"
    assert document.cover.subtitle == "2016-2021"
    assert document.cover.note == f"Aggiornato con {GC129}"
    assert document.title == "Cruscotto strategico 2016-2021"


def test_pistoias_revision_grouped_by_line_without_an_owner_column(pistoia_revised: Plan) -> None:
    document = build_document(pistoia_revised, "cruscotto")
    headings = [b.title for b in document.blocks if isinstance(b, Heading) and b.level == 2]
    assert headings[0] == "Linea strategica A - VALORIZZAZIONE ECONOMICA DEL TERRITORIO"
    tables = _tables(document)
    assert all([c.text for c in t.header[0].cells[1:]] == ["2020", "2021", "2022", "Note"] for t in tables)
    rows = [row for t in tables for row in t.body]
    by_first = {row.cells[0].text: row for row in rows}
    muted = [row for row in rows if row.cells[0].style is CellStyle.MUTED]
    # its act has no Occasione: the note cites the act alone, never its Oggetto as "in sede di ..."
    assert len(muted) == 1 and muted[0].cells[-1].text.startswith(
        "Eliminato con deliberazione della Giunta n. 63 del 9 settembre 2020"
    )
    assert "Obiettivo inserito con deliberazione della Giunta n. 63 del 9 settembre 2020" in " ".join(by_first)
    assert "in sede di" not in " ".join(by_first) + " ".join(row.cells[-1].text for row in rows)
    notes = " ".join(row.cells[-1].text for row in rows)
    assert "Target rivisto 2020 da 63% a 0,35%" in notes and "Peso rivisto da 60% a 80%" in notes
    register = next(b for b in document.blocks if isinstance(b, Table) and b.name == "registro-modifiche")
    assert register.header[0].cells[-1].text == "Motivazione"
    assert any("Errore materiale" in row.cells[-1].text for row in register.body)


def test_headings_and_notes_of_a_workbook_whose_acts_have_no_occasion(tmp_path: Path) -> None:
    """Nothing copied from 003's layout: a neutral 'Missione 016 - ...' heading and notes that cite the act alone."""
    workbook = openpyxl.load_workbook(SAMPLES / "cciaa_maremma_tirreno_cruscotto.xlsx")
    acts = workbook["Atti"]
    acts.delete_cols(next(cell.column for cell in acts[1] if cell.value == "Occasione"))
    workbook.save(tmp_path / "cruscotto.xlsx")
    plan = pianodocs.load_workbook(tmp_path / "cruscotto.xlsx")
    assert all(act.occasion == "" for act in plan.acts)
    document = build_document(plan, "cruscotto")
    headings = [block.title for block in document.blocks if isinstance(block, Heading) and block.level == 2]
    assert headings[1] == "Missione 016 - Commercio internazionale e internazionalizzazione del sistema produttivo"
    assert all("_" not in heading for heading in headings)
    notes = [line for row in _indicator_rows(document).values() for line in row.cells[-1].text.split("\n") if line]
    assert f"Eliminato con {GC129}" in notes
    assert "Inserito con deliberazione della Giunta del 31 gennaio 2019" in notes
    assert not any("in sede di" in note for note in notes)
    # an act with no number, no date and no occasion is named by its code
    assert "Eliminato con atto ROLLING-2018" in notes


def test_an_occasion_is_printed_as_given(maremma: Plan) -> None:
    acts = tuple(attrs.evolve(act, occasion="monitoraggio intermedio") for act in maremma.acts)
    notes = cruscotto.change_notes(attrs.evolve(maremma, acts=acts), "OS05-2")
    assert notes[-1] == f"Aggiornato in sede di monitoraggio intermedio con {GC129}"


# --- rendered ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pdf_path(maremma: Plan, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cruscotto") / "cruscotto.pdf"
    pianodocs.render(maremma, "cruscotto", path, workbook_folder=SAMPLES)
    return path


@pytest.fixture(scope="module")
def pages(pdf_path: Path) -> list[str]:
    return [_flat(page.extract_text()) for page in PdfReader(pdf_path).pages]


def test_pdf_has_objectives_indicators_and_targets_as_written(maremma: Plan, pages: list[str]) -> None:
    packed = _packed(" ".join(pages))
    for objective in maremma.strategic_objectives:
        assert _packed(f"{objective.label} {objective.name}") in packed, objective.code
    missing = []
    for indicator in maremma.indicators:
        targets = "".join(indicator.targets[year].text for year in maremma.years if year in indicator.targets)
        start = packed.find(_packed(indicator.name))
        if start < 0 or _packed(targets + indicator.owner) not in packed[start : start + len(_packed(indicator.name)) + 200]:
            missing.append(indicator.code)
    assert missing == []
    text = " ".join(pages)
    assert ELIMINATED_BY_129 in text
    assert "Eliminato in sede di rolling annuale 2018" in text
    assert "n.d." not in text


def test_pdf_pages_are_landscape_and_repeat_the_header(pdf_path: Path, pages: list[str]) -> None:
    reader = PdfReader(pdf_path)
    assert reader.pages[0].mediabox.width < reader.pages[0].mediabox.height, "the cover"
    for page in reader.pages[1:]:
        assert page.mediabox.width > page.mediabox.height
    register = next(index for index, page in enumerate(pages) if page.startswith("Registro delle modifiche"))
    assert register >= 4
    for index in range(1, register):
        assert "2016 2017 2018 2019 2020 2021 Owner Note" in pages[index], f"page {index + 1}"
    for index in range(register, len(pages)):
        assert "Modifica Indicatore Obiettivo" in pages[index], f"page {index + 1}"


@pytest.fixture(scope="module")
def docx_path(maremma: Plan, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cruscotto-docx") / "cruscotto.docx"
    pianodocs.render(maremma, "cruscotto", path, workbook_folder=SAMPLES)
    return path


def test_docx_tables_have_repeated_bands_targets_and_muted_rows(maremma: Plan, docx_path: Path) -> None:
    word = docx.Document(str(docx_path))
    tables = [t for t in word.tables if [c.text for c in t.rows[0].cells][-2:] == ["Owner", "Note"]]
    assert len(tables) == 14
    rows: dict[str, list[str]] = {}
    styles: dict[str, set[str]] = {}
    for table in tables:
        band = table.rows[0]
        assert band._tr.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
        assert [c.text for c in band.cells][1:7] == YEARS
        for word_row in table.rows[1:]:
            cells = word_row.cells
            rows[_flat(cells[0].text)] = [c.text for c in cells]
            styles[_flat(cells[0].text)] = {p.style.name for c in cells[:-1] for p in c.paragraphs}
    eliminated = {r.element for r in maremma.revisions if r.kind is RevisionKind.INDICATOR_ELIMINATED}
    for indicator in maremma.indicators:
        texts = rows[_flat(indicator.name)]
        assert texts[1:7] == [indicator.targets[y].text if y in indicator.targets else "" for y in maremma.years]
        assert texts[7] == indicator.owner
        assert ("Tabella attenuato" in styles[_flat(indicator.name)]) == (indicator.code in eliminated), indicator.code
    by_129 = [r for r in maremma.revisions if r.kind is RevisionKind.INDICATOR_ELIMINATED and r.act == "GC-129-2019"]
    assert sum(ELIMINATED_BY_129 in _flat(texts[-1]) for texts in rows.values()) == len(by_129) == 2
    width, height = word.sections[-1].page_width, word.sections[-1].page_height
    assert width is not None and height is not None and width > height


def test_libreoffice_round_trip(maremma: Plan, docx_path: Path, tmp_path: Path) -> None:
    pdf = convert_with_libreoffice(docx_path, tmp_path)
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    lo_pages = [_flat(page) for page in text.split("\f") if page.strip()]
    assert len(lo_pages) >= 5
    packed = _packed(text)
    assert [i.code for i in maremma.indicators if _packed(i.name) not in packed] == []
    assert all(_packed(mission) in packed for mission in MISSIONS)
    assert _packed(ELIMINATED_BY_129) in packed
    assert "31/12/2018" in text, "a deadline target fits its year column"
    for page in lo_pages[1:]:
        assert "Owner Note" in page or "Modifica Indicatore Obiettivo" in page


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_pistoias_revision_renders(pistoia_revised: Plan, tmp_path: Path, suffix: str) -> None:
    path = pianodocs.render(pistoia_revised, "cruscotto", tmp_path / f"cruscotto{suffix}", workbook_folder=SAMPLES)
    if suffix == ".pdf":
        text = _flat(" ".join(page.extract_text() for page in PdfReader(path).pages))
    else:
        word = docx.Document(str(path))
        cells = [c.text for t in word.tables for r in t.rows for c in r.cells]
        text = _flat(" ".join([p.text for p in word.paragraphs] + cells))
    assert "Eliminato con deliberazione della Giunta n. 63 del 9 settembre 2020" in text
    assert "Linea strategica B - SOSTEGNO ALLA COMPETITIVITA' DELLE IMPRESE" in text
