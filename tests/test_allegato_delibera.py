"""The annex to the Giunta deliberation (seed 000): its view model from the revised Pistoia sample, its PDF and DOCX,
and a page count that is true whatever the annex's length."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import attrs
import docx
import pytest
from pypdf import PdfReader

import pianodocs
from pianodocs.backends.docx import convert_with_libreoffice
from pianodocs.documents import allegato_delibera
from pianodocs.documents.allegato_delibera import AnnexError, build, render_annex
from pianodocs.model import Revision, RevisionKind
from pianodocs.view.model import CellStyle, Row, Table

from .conftest import SAMPLES, facts
from .text import dehyphenate

SENTENCE_000 = "Allegato alla deliberazione G.C. n. 63 del 9 settembre 2020, composto da n. 1 pagina"
HEADERS_000 = [
    *("", "INDICATORE", "Codice", "ALGORITMO", "Media cluster", "2018", "Valore ottenuto 2019", "Peso", "30/06/2020"),
    *("Target 2020", "Revisione 2020", "Target 2021", "Target 2022", "Tipologia indicatore", "Unità di misura", "Fonte"),
    "Note e motivazioni",
]


def _flat(text: str) -> str:
    """The text as a person reads it: words hyphenated at a line end rejoined, white space flattened."""
    return re.sub(r"\s+", " ", dehyphenate(text)).strip()


def _table(plan: pianodocs.Plan, **options: object) -> Table:
    tables = [block for block in build(plan, **options).blocks if isinstance(block, Table)]
    assert len(tables) == 1
    return tables[0]


STRATEGIC, OPERATIONAL, LINE = "Ambito strategico/Obiettivo strategico", "Obiettivo operativo", "LINEA STRATEGICA DI MANDATO"


def _bands(table: Table, label: str) -> list[str]:
    """The codes (objectives) or names (lines) on the band rows labelled ``label``, in order."""
    rows = [row for row in table.body if len(row.cells) > 2 and row.cells[1].text == label]
    return [row.cells[2].text for row in rows]


def _texts(row: Row) -> list[str]:
    return [cell.text for cell in row.cells]


def _row(table: Table, indicator: pianodocs.Indicator) -> dict[str, str]:
    """The indicator's row (found by name and objective code: two indicators may share a name), by column heading."""
    headers = _texts(table.header[0])
    code = indicator.reference or indicator.objective
    row = next(
        row
        for row in table.body
        if len(row.cells) == len(headers) and row.cells[1].text.startswith(indicator.name) and row.cells[2].text == code
    )
    return dict(zip(headers, _texts(row), strict=True))


@pytest.fixture(scope="module")
def annex(pistoia_revised: pianodocs.Plan) -> Table:
    return _table(pistoia_revised, pagine=1)


def _indicator(plan: pianodocs.Plan, code: str) -> pianodocs.Indicator:
    return next(indicator for indicator in plan.indicators if indicator.code == code)


# --- the view model ------------------------------------------------------------------------------


def test_sentence_as_in_000_on_every_page_and_no_cover(pistoia_revised: pianodocs.Plan) -> None:
    assert facts("000_allegato_gc63_2020")[0] == SENTENCE_000
    document = build(pistoia_revised, pagine=1)
    assert document.running_header == SENTENCE_000
    assert document.cover is None, "as in 000, the annex opens with its table"
    assert build(pistoia_revised, pagine=3).running_header.endswith("composto da n. 3 pagine")
    # without a count (pianodocs.render rather than render_annex) the sentence claims none
    assert build(pistoia_revised).running_header == "Allegato alla deliberazione G.C. n. 63 del 9 settembre 2020"


def test_columns_as_in_000_on_landscape_pages(annex: Table) -> None:
    assert _texts(annex.header[0]) == HEADERS_000
    assert annex.landscape
    assert len(annex.widths) == len(HEADERS_000)


def test_every_motivation_and_note_of_000_is_printed(pistoia_revised: pianodocs.Plan, annex: Table) -> None:
    seed = {_flat(text) for text in facts("000_allegato_gc63_2020")}  # 000's notes, verbatim
    printed = _flat(" ".join(cell.text for row in annex.body for cell in row.cells))
    motivations = {revision.motivation for revision in pistoia_revised.revisions if revision.motivation}
    assert len(motivations) == 6
    for text in [*motivations, "2 AZIONI SU 5 A TARGET", _indicator(pistoia_revised, "IND-E1-3").notes]:
        assert _flat(text) in seed, text  # the sample's texts are 000's
        assert _flat(text) in printed, text


def test_the_objectives_000_shows_and_only_those(annex: Table) -> None:
    assert _bands(annex, STRATEGIC) == ["B2", "B3", "C", "E"]
    assert [text.split(" - ")[0] for text in _bands(annex, OPERATIONAL)] == [
        "B.2.1",
        "B.2.2",
        "B.3.1",
        "B.3.2",
        "E1",
        "E2",
        "E.2.4",
    ]
    assert _bands(annex, LINE) == [
        "SOSTEGNO ALLA COMPETITIVITA' DELLE IMPRESE",
        "LA POLITICA PER IL CREDITO",
        "LA CAMERA DI COMMERCIO PER LA TRASPARENZA E LA TUTELA DEL MERCATO",
    ]


def test_revised_targets_and_values_at_30_june(pistoia_revised: pianodocs.Plan, annex: Table) -> None:
    e1 = _row(annex, _indicator(pistoia_revised, "IND-E1-1"))
    assert [e1[h] for h in ("30/06/2020", "Target 2020", "Revisione 2020", "Target 2021", "Target 2022")] == [
        *("0,20%", "63%", "0,35%", "0,43%", "0,63%")
    ]
    b21 = _row(annex, _indicator(pistoia_revised, "IND-B21-1"))
    assert (b21["Peso"], b21["30/06/2020"], b21["Target 2020"], b21["Revisione 2020"]) == ("80%", "84%", "90%", "90%")
    b32 = _row(annex, _indicator(pistoia_revised, "IND-B32-1"))
    assert (b32["30/06/2020"], b32["Target 2020"], b32["Revisione 2020"], b32["Target 2021"]) == ("660", "2.000", "700", "2.000")
    assert _row(annex, _indicator(pistoia_revised, "IND-B32-4"))["30/06/2020"] == "in itinere"
    # E2 has no revision: no "Revisione 2020", as in 000
    assert _row(annex, _indicator(pistoia_revised, "IND-E2-1"))["Revisione 2020"] == ""


def test_eliminated_indicator_is_struck_through_with_its_note(pistoia_revised: pianodocs.Plan, annex: Table) -> None:
    eliminated = _indicator(pistoia_revised, "IND-B21-3")
    row = next(row for row in annex.body if row.cells[1].text == eliminated.name and row.cells[2].text == "B.2.1")
    assert {cell.style for cell in row.cells[:-1]} == {CellStyle.MUTED}
    assert row.cells[-1].style is CellStyle.NOTE  # the motivation stays readable
    assert row.cells[-1].text.startswith("Indicatore eliminato. Non saranno emanati specifici bandi")
    assert all(cell.style is not CellStyle.MUTED for other in annex.body if other is not row for cell in other.cells)


def test_new_objective_and_inserted_indicators_are_marked(pistoia_revised: pianodocs.Plan, annex: Table) -> None:
    band = next(row for row in annex.body if row.cells[2].text == "C" and row.cells[0].style is CellStyle.SUBBAND)
    assert band.cells[-1].text == "Facilitare e sostenere l'accesso al credito delle imprese — Nuovo obiettivo"
    assert any(run.bold and "Nuovo obiettivo" in run.text for run in band.cells[-1].runs)
    following = annex.body[annex.body.index(band) + 1]
    assert following.cells[0].text.startswith("La linea strategica relativa al sostegno al credito")  # the line's note
    for code in ("IND-B32-5", "IND-B32-6", "IND-C-1"):
        row = _row(annex, _indicator(pistoia_revised, code))
        assert row["Note e motivazioni"] == "Indicatore inserito.", code
        assert row["Target 2020"] == "", code  # it had no target before the revision
    assert _row(annex, _indicator(pistoia_revised, "IND-C-1"))["Revisione 2020"] == "11,11"


def test_indicator_notes_are_footnotes_at_the_end(pistoia_revised: pianodocs.Plan, annex: Table) -> None:
    ocri = _indicator(pistoia_revised, "IND-E1-3")
    assert any(len(row.cells) > 1 and row.cells[1].text == f"{ocri.name} (1)" for row in annex.body)
    assert annex.body[-1].cells[0].text == f"(1) {ocri.notes}"
    assert annex.body[-1].cells[0].colspan == len(HEADERS_000)


def test_revisions_given_replace_the_plans(pistoia_revised: pianodocs.Plan) -> None:
    e1_only = [revision for revision in pistoia_revised.revisions if revision.element == "IND-E1-1"]
    assert _bands(_table(pistoia_revised, revisioni=e1_only, pagine=1), STRATEGIC) == ["E"]


def test_revisions_of_a_diff_read_the_same(pistoia_revised: pianodocs.Plan, annex: Table) -> None:
    """When the workbook already holds the revised targets (a diff of two workbooks), the columns do not change."""
    e1 = _indicator(pistoia_revised, "IND-E1-1")
    revised_targets = {r.year: pianodocs.values.parse_target(r.new) for r in pistoia_revised.revisions if r.element == e1.code}
    revised = attrs.evolve(e1, targets={**e1.targets, **revised_targets})
    indicators = tuple(revised if i.code == e1.code else i for i in pistoia_revised.indicators)
    new_plan = attrs.evolve(pistoia_revised, indicators=indicators)
    assert _row(_table(new_plan, pagine=1), e1) == _row(annex, e1)


def test_act_number_and_date(pistoia_revised: pianodocs.Plan) -> None:
    document = build(pistoia_revised, numero="70", data=dt.date(2020, 9, 30), pagine=2)
    assert document.running_header == "Allegato alla deliberazione G.C. n. 70 del 30 settembre 2020, composto da n. 2 pagine"
    with pytest.raises(AnnexError, match="GC-1-2099"):
        build(pistoia_revised, atto="GC-1-2099")
    with pytest.raises(AnnexError, match="Nessuna revisione"):
        build(pistoia_revised, atto="GC-93-2019")  # an act that revised nothing
    without_act = [attrs.evolve(revision, act="") for revision in pistoia_revised.revisions]
    with pytest.raises(AnnexError, match="Numero o data"):
        build(pistoia_revised, revisioni=without_act)
    assert "n. 5 del 1 ottobre 2020" in build(pistoia_revised, revisioni=without_act, numero="5", data=dt.date(2020, 10, 1)).title


def test_values_measured_after_the_deliberation_are_not_shown(pistoia_revised: pianodocs.Plan) -> None:
    headers = _texts(_table(pistoia_revised, data=dt.date(2020, 6, 29), pagine=1).header[0])
    assert "30/06/2020" not in headers
    assert headers[7:10] == ["Peso", "Target 2020", "Revisione 2020"]


def test_a_revision_of_an_unknown_element_is_not_dropped(pistoia_revised: pianodocs.Plan) -> None:
    stray = Revision(RevisionKind.INDICATOR_ELIMINATED, "IND-X-9", "GC-63-2020", motivation="Non più misurabile")
    table = _table(pistoia_revised, revisioni=[*pistoia_revised.revisions, stray], pagine=1)
    assert table.body[-1].cells[0].text == "IND-X-9: indicatore eliminato. Non più misurabile"


def test_applies_to_a_revised_plan_only(pistoia: pianodocs.Plan, pistoia_revised: pianodocs.Plan) -> None:
    assert allegato_delibera.applies(pistoia_revised)
    assert not allegato_delibera.applies(pistoia)
    with pytest.raises(AnnexError):
        build(pistoia)


def test_the_annex_has_its_own_title_unless_the_workbook_is_kept_for_it(pistoia_revised: pianodocs.Plan) -> None:
    assert pistoia_revised.kind == "piano-performance"
    assert build(pistoia_revised).title == "Allegato alla deliberazione G.C. n. 63 del 9 settembre 2020"
    kept = attrs.evolve(pistoia_revised, kind="allegato-delibera", title="Allegato A - Revisione degli obiettivi 2020")
    assert build(kept).title == "Allegato A - Revisione degli obiettivi 2020"


# --- rendered, with a true page count ------------------------------------------------------------


def _pdf_pages(path: Path) -> list[str]:
    return [_flat(page.extract_text()) for page in PdfReader(path).pages]


def _libreoffice_pages(path: Path, folder: Path) -> list[str]:
    return [_flat(page.extract_text()) for page in PdfReader(convert_with_libreoffice(path, folder)).pages]


def _sentence(pages: int) -> str:
    return (
        f"Allegato alla deliberazione G.C. n. 63 del 9 settembre 2020, composto da n. {pages} pagin{'a' if pages == 1 else 'e'}"
    )


@pytest.mark.slow
def test_pdf_content_and_landscape_pages(pistoia_revised: pianodocs.Plan, tmp_path: Path) -> None:
    path = tmp_path / "allegato.pdf"
    pages = render_annex(pistoia_revised, path, workbook_folder=SAMPLES)
    reader = PdfReader(path)
    assert len(reader.pages) == pages
    assert all(page.mediabox.width > page.mediabox.height for page in reader.pages)
    texts = _pdf_pages(path)
    assert all(_sentence(pages) in text for text in texts)  # the running header, from the first page
    body = " ".join(texts)
    assert "Target 2020 Revisione 2020 Target 2021 Target 2022" in body
    assert "0,52% 0,75% 66,64% 30% 0,20% 63% 0,35% 0,43% 0,63%" in body  # E1 as 000 prints it (and its weight)
    assert "97,97% 95,00% 80% 84% 90% 90% 90% 90%" in body  # B.2.1 as in 000
    assert "Nuovo obiettivo" in body and "Indicatore inserito." in body
    assert "(1) Differimento dell'entrata in vigore del Codice della crisi d'impresa" in body


@pytest.mark.slow
def test_docx_content_and_libreoffice_page_count(pistoia_revised: pianodocs.Plan, tmp_path: Path) -> None:
    path = tmp_path / "allegato.docx"
    pages = render_annex(pistoia_revised, path, workbook_folder=SAMPLES)
    word = docx.Document(str(path))
    assert word.sections[0].header.paragraphs[0].text == _sentence(pages)
    table = next(t for t in word.tables if "Revisione 2020" in [cell.text for cell in t.rows[0].cells])
    texts = [[cell.text for cell in row.cells] for row in table.rows]
    e1 = next(row for row in texts if row[1].startswith("Misura la % delle imprese"))
    assert e1[8:13] == ["0,20%", "63%", "0,35%", "0,43%", "0,63%"]
    eliminated = next(row for row in table.rows if "Grado di distribuzione dei contributi" in row.cells[1].text)
    assert eliminated.cells[1].paragraphs[0].style.name == "Tabella attenuato"
    converted = _libreoffice_pages(path, tmp_path / "lo")
    assert len(converted) == pages
    assert _sentence(pages) in converted[-1]


def _with_copies(plan: pianodocs.Plan, objective: str, times: int) -> pianodocs.Plan:
    """The plan with the indicators of ``objective`` repeated ``times`` more (a long annex)."""
    copies = tuple(attrs.evolve(i, code=f"{i.code}-{n}") for n in range(times) for i in plan.indicators_of(objective))
    return attrs.evolve(plan, indicators=plan.indicators + copies)


CASES = {
    "una-pagina": (None, ("IND-E1-1",)),
    "due-pagine": (None, ("IND-B21-1", "IND-B21-2", "IND-B21-3", "IND-B22-1", "IND-E1-1")),
    "lunga": ("B.3.2", ("IND-B32-1",)),
}


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_the_page_count_is_true(pistoia_revised: pianodocs.Plan, case: str, suffix: str, tmp_path: Path) -> None:
    repeated, elements = CASES[case]
    plan = _with_copies(pistoia_revised, repeated, 8) if repeated else pistoia_revised
    revisions = [revision for revision in plan.revisions if revision.element in elements]
    path = tmp_path / f"allegato{suffix}"
    pages = render_annex(plan, path, revisioni=revisions)
    texts = _pdf_pages(path) if suffix == ".pdf" else _libreoffice_pages(path, tmp_path / "lo")
    assert len(texts) == pages
    assert all(_sentence(pages) in text for text in texts)
    if case == "lunga":
        assert pages >= 6
    elif suffix == ".pdf":
        assert pages == {"una-pagina": 1, "due-pagine": 2}[case]


def test_render_annex_refuses_other_formats(pistoia_revised: pianodocs.Plan, tmp_path: Path) -> None:
    with pytest.raises(AnnexError, match="Formato non supportato"):
        render_annex(pistoia_revised, tmp_path / "allegato.odt")
    assert not (tmp_path / "allegato.odt").exists()
