"""The PIRA (seed 001): its view model from the Unioncamere Toscana and the Pistoia samples, and both rendered."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import attrs
import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

import pianodocs
from pianodocs.backends.docx import convert_with_libreoffice
from pianodocs.documents import pira
from pianodocs.model import Indicator, PiraObjectiveText, TextBlock
from pianodocs.view.model import Document, Heading, Table

from .conftest import SAMPLES
from .text import dehyphenate


def _flat(text: str) -> str:
    """The text as a person reads it: words hyphenated at a line end rejoined, white space flattened."""
    return re.sub(r"\s+", " ", dehyphenate(text)).strip()


def _packed(text: str) -> str:
    """Text without any white space: a cell's text wraps anywhere."""
    return "".join(dehyphenate(text).split())


@pytest.fixture(scope="module")
def unioncamere() -> pianodocs.Plan:
    return pianodocs.load_workbook(SAMPLES / "unioncamere_toscana_pira_2021.xlsx")


def _pira_indicators(plan: pianodocs.Plan) -> list[Indicator]:
    return [indicator for indicator in plan.indicators if indicator.in_pira]


def _tables(document: Document, name: str) -> list[Table]:
    return [block for block in document.blocks if isinstance(block, Table) and block.name == name]


def _placed_rows(document: Document) -> Iterator[tuple[str, str, list[str]]]:
    """(mission heading, programme code, cell texts) of every indicator row, walking the blocks in order."""
    mission = programme = ""
    for block in document.blocks:
        if isinstance(block, Heading) and block.title.startswith("Missione"):
            mission = block.title
        elif isinstance(block, Table) and block.name == "pira-programma":
            programme = block.body[0].cells[1].text
        elif isinstance(block, Table) and block.name == "pira-indicatori":
            for row in block.body:
                yield mission, programme, [cell.text for cell in row.cells]


# --- the view model ------------------------------------------------------------------------------


def test_applies_only_with_missions_and_pira_indicators(unioncamere: pianodocs.Plan, pistoia: pianodocs.Plan) -> None:
    assert pira.applies(unioncamere) and pira.applies(pistoia)
    without_flags = attrs.evolve(pistoia, indicators=tuple(i for i in pistoia.indicators if not i.in_pira))
    assert not pira.applies(without_flags)
    assert not pira.applies(attrs.evolve(pistoia, missions=()))


@pytest.mark.parametrize("sample", ["unioncamere", "pistoia"])
def test_every_pira_indicator_once_under_its_mission_and_programme(sample: str, request: pytest.FixtureRequest) -> None:
    plan: pianodocs.Plan = request.getfixturevalue(sample)
    missions = {mission.code: mission.name for mission in plan.missions}
    placed = list(_placed_rows(pira.build(plan)))
    expected = sorted((f"Missione {i.mission} - {missions[i.mission]}", i.programme, i.name) for i in _pira_indicators(plan))
    found = sorted((mission, programme, row[0].split("\n")[0]) for mission, programme, row in placed)
    assert found == expected
    assert len(found) == (18 if sample == "unioncamere" else 19)


def test_non_pira_indicators_are_left_out(pistoia: pianodocs.Plan) -> None:
    document = pira.build(pistoia)
    printed = {row[0].split("\n")[0] for _, _, row in _placed_rows(document)}
    pira_names = {indicator.name for indicator in _pira_indicators(pistoia)}
    others = [i for i in pistoia.indicators if not i.in_pira and i.name not in pira_names]
    assert {i.flag for i in others} == {"", "PARETO", "PROG.INTEGR.FONDO"}
    assert printed == pira_names
    everything = " ".join(cell.text for table in _tables(document, "pira-indicatori") for row in table.body for cell in row.cells)
    assert [i.code for i in others if i.name in everything] == []


def test_year_columns_follow_the_plan(unioncamere: pianodocs.Plan, pistoia: pianodocs.Plan) -> None:
    (single,) = {tuple(c.text for c in t.header[0].cells[5:]) for t in _tables(pira.build(unioncamere), "pira-indicatori")}
    assert single == ("Target 2021",)
    tables = _tables(pira.build(pistoia), "pira-indicatori")
    assert {tuple(c.text for c in t.header[0].cells[5:]) for t in tables} == {("Target 2020", "Target 2021", "Target 2022")}
    rows = {row.cells[0].text.split("\n")[0]: [c.text for c in row.cells[5:]] for t in tables for row in t.body}
    assert rows["Incidenza oneri di personale sugli oneri corrent"] == [
        "42%",
        "41%",
        "40%",
    ]
    assert rows["Tempestività di pagamento delle fatture passive"] == ["-15", "-16", "-17"]


def test_targets_as_written_in_001(unioncamere: pianodocs.Plan) -> None:
    rows = {row[0]: row for _, _, row in _placed_rows(pira.build(unioncamere))}
    assert rows["E partecipanti delle CdC ai GDL/n. GDL istituzionali"][1:] == [
        "grado di partecipazione delle Camere toscane ai Gruppi di Lavoro istituzionali",
        "Indicatore di efficacia",
        "Percentuale",
        "Rilevazione interna UR",
        ">= 5",
    ]
    targets = {row[-1] for row in rows.values()}
    assert {">= 5", ">=50%", "entro il 31/12/2021", ">= 9", ">=80", "<90%", "100%", "31/12/2021"} <= targets


def test_an_objective_under_two_programmes_keeps_each_text_and_indicators(unioncamere: pianodocs.Plan) -> None:
    groups = {(g.mission.code, g.programme.code): g for g in pira.programme_groups(unioncamere)}
    assert list(groups) == [("011", "005"), ("012", "004"), ("016", "005"), ("032", "004")]
    first = next(o for o in groups["011", "005"].objectives if o.code == "OB1")
    second = next(o for o in groups["016", "005"].objectives if o.code == "OB1")
    assert first.title == second.title
    assert first.description.startswith("L'Ente si pone come obiettivo quello di proseguire nel consolidamento del proprio")
    assert second.description.startswith("L'obiettivo è volto al coordinamento di iniziative finalizzate")
    assert [i.code for i in first.indicators] == ["PIRA-011-1", "PIRA-011-2", "PIRA-011-3", "PIRA-011-4"]
    assert [i.code for i in second.indicators] == ["PIRA-016-1"]
    assert second.stakeholders == "CCIAA e Regione Toscana"
    assert first.perspective == "Tessuto economico locale"
    assert groups["016", "005"].responsibility_centre == "Area Affari Generali - Politiche di settore"
    assert [o.code for o in groups["012", "004"].objectives] == ["OB3"]


def test_pistoia_falls_back_to_the_objectives_and_the_indicators_classification(pistoia: pianodocs.Plan) -> None:
    assert pistoia.pira_texts == ()
    groups = {(g.mission.code, g.programme.code): g for g in pira.programme_groups(pistoia)}
    assert list(groups) == [("011", "005"), ("012", "004"), ("016", "005"), ("032", "003")]
    first = groups["011", "005"].objectives[0]
    assert first.title == "A.3.4 - Realizzazione di iniziative dirette o compartecipazione a iniziative di terzi"
    assert (first.perspective, first.main_activities, first.stakeholders) == ("Tessuto economico locale", "", "")
    # D2's indicators are classified under two programmes: the objective is printed under both, each with its own
    d2 = {key: [i.code for o in g.objectives if o.code == "D2" for i in o.indicators] for key, g in groups.items()}
    assert d2["012", "004"] == ["IND-D2-1", "IND-D2-2"] and d2["032", "003"] == ["IND-D2-3"]
    assert groups["032", "003"].programme.name == "Servizi e affari generali per le amministrazioni di competenza"


def test_a_pira_title_overrides_the_objective_name(unioncamere: pianodocs.Plan) -> None:
    texts = tuple(
        attrs.evolve(text, title="Rafforzare la rete di relazioni con il Sistema Camerale")
        if (text.objective, text.mission) == ("OB1", "016")
        else text
        for text in unioncamere.pira_texts
    )
    groups = pira.programme_groups(attrs.evolve(unioncamere, pira_texts=texts))
    titles = {(g.mission.code, o.code): o.title for g in groups for o in g.objectives}
    assert titles["016", "OB1"] == "Rafforzare la rete di relazioni con il Sistema Camerale"
    assert titles["011", "OB1"].startswith("Rafforzare la rete di relazioni istituzionali")
    assert titles["011", "OB2"].startswith("2. promuovere il territorio")


def test_front_matrix_one_column_per_programme_used(unioncamere: pianodocs.Plan) -> None:
    (matrix,) = _tables(pira.build(unioncamere), pira.MATRIX)
    assert matrix.landscape
    assert [c.text for c in matrix.header[0].cells] == [
        "Missione",
        "011 - Competitività e sviluppo delle imprese",
        "012 - Regolazione dei mercati",
        "016 - Commercio internazionale ed internazionalizzazione del sistema produttivo",
        "032 - Servizi istituzionali e generali delle amministrazioni pubbliche",
    ]
    assert (
        matrix.header[1].cells[3].text == "005 - Sostegno all'internazionalizzazione delle imprese e promozione del made in Italy"
    )
    columns = [[row.cells[index + (1 if n == 0 else 0)].text for n, row in enumerate(matrix.body)] for index in range(4)]
    assert [len([text for text in column if text]) for column in columns] == [3, 1, 1, 4]
    assert columns[2][0].startswith("Rafforzare la rete")
    assert columns[3][3] == "7. Ottimizzazione nella gestione di oneri e proventi e nell'utilizzo delle risorse"


def test_a_mission_with_two_programmes_spans_them(pistoia: pianodocs.Plan) -> None:
    moved = tuple(attrs.evolve(i, programme="002") if i.code == "IND-H3-4" else i for i in pistoia.indicators)
    (matrix,) = _tables(pira.build(attrs.evolve(pistoia, indicators=moved)), pira.MATRIX)
    spans = {c.text[:3]: c.colspan for c in matrix.header[0].cells[1:]}
    assert spans == {"011": 1, "012": 1, "016": 1, "032": 2}
    assert [c.text[:3] for c in matrix.header[1].cells[1:]] == ["005", "004", "005", "002", "003"]


def test_a_pira_indicator_without_mission_is_still_printed(pistoia: pianodocs.Plan) -> None:
    moved = tuple(attrs.evolve(i, mission="", programme="") if i.code == "IND-H3-4" else i for i in pistoia.indicators)
    placed = list(_placed_rows(pira.build(attrs.evolve(pistoia, indicators=moved))))
    assert len(placed) == 19
    assert [mission for mission, _, row in placed if row[0].startswith("Giorni medi di presenza")] == ["Missione non indicata"]


def test_cover_and_metadata(unioncamere: pianodocs.Plan, pistoia: pianodocs.Plan) -> None:
    document = pira.build(unioncamere)
    assert document.cover.title == "Piano degli Indicatori dei Risultati Attesi di Bilancio P.I.R.A."
    assert (document.cover.entity, document.cover.subtitle) == ("Unioncamere Toscana", "2021")
    assert "Redatto in conformità al D.P.C.M. 18 settembre 2012" in document.cover.note
    assert document.title == unioncamere.title
    other = pira.build(pistoia)
    assert other.cover.subtitle == "2020-2022"
    assert other.title == "Piano degli Indicatori dei Risultati Attesi di Bilancio P.I.R.A. 2020-2022"


def test_workbook_texts_come_first_and_a_generated_block_places_the_matrix(unioncamere: pianodocs.Plan) -> None:
    document = pira.build(unioncamere)
    titles = [block.title for block in document.blocks if isinstance(block, Heading)]
    assert titles[:2] == ["Obiettivi ripartiti per aerea strategica e per prospettiva di BSC", "P.I.R.A. 2021"]
    assert titles[-4:] == [
        "Missione 011 - Competitività e sviluppo delle imprese",
        "Missione 012 - Regolazione dei mercati",
        "Missione 016 - Commercio internazionale ed internazionalizzazione del sistema produttivo",
        "Missione 032 - Servizi istituzionali e generali delle amministrazioni pubbliche",
    ]
    blocks = tuple(TextBlock(b.section, "generato", pira.MATRIX) if b.kind == "tabella" else b for b in unioncamere.text_blocks)
    placed = pira.build(attrs.evolve(unioncamere, text_blocks=blocks)).blocks
    assert len([b for b in placed if isinstance(b, Table) and b.name == pira.MATRIX]) == 1
    assert pira.texts()("titolo_riclassificazione") not in [b.title for b in placed if isinstance(b, Heading)]
    matrix = next(i for i, b in enumerate(placed) if isinstance(b, Table) and b.name == pira.MATRIX)
    assert isinstance(placed[matrix - 1], Heading) and placed[matrix - 1].title.startswith("Obiettivi ripartiti")


def test_workbook_text_is_printed_literally(unioncamere: pianodocs.Plan) -> None:
    texts = (PiraObjectiveText("OB3", "012", "004", description="**Consulenza** legale", stakeholders="<b>CCIAA</b> {{ x }}"),)
    (group,) = pira.programme_groups(attrs.evolve(unioncamere, pira_texts=texts, indicators=()))
    table = pira._objective_table(group.objectives[0], pira.texts())
    cells = table.body[0].cells
    assert cells[1].runs[0].bold and cells[1].text == "Consulenza legale", "the PIRA description is testo formattato"
    assert cells[4].text == "<b>CCIAA</b> {{ x }}" and len(cells[4].runs) == 1


# --- rendered ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def unioncamere_pdf(unioncamere: pianodocs.Plan, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return pianodocs.render(unioncamere, "pira", tmp_path_factory.mktemp("pira") / "pira.pdf", workbook_folder=SAMPLES)


@pytest.fixture(scope="module")
def unioncamere_docx(unioncamere: pianodocs.Plan, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return pianodocs.render(unioncamere, "pira", tmp_path_factory.mktemp("pira-docx") / "pira.docx", workbook_folder=SAMPLES)


def _targets_near_names(plan: pianodocs.Plan, text: str, span: int = 900) -> list[str]:
    """Codes of the PIRA indicators whose name (or algorithm) is not followed, within ``span``, by all their targets."""
    missing = []
    for indicator in _pira_indicators(plan):
        targets = " ".join(indicator.targets[year].text for year in plan.years if year in indicator.targets)
        starts = [found.start() for found in re.finditer(re.escape(_flat(indicator.name)), text)]
        if not any(targets in text[start : start + span] for start in starts):
            missing.append(indicator.code)
    return missing


def test_pdf_has_every_indicator_with_its_target(unioncamere: pianodocs.Plan, unioncamere_pdf: Path) -> None:
    pages = [_flat(page.extract_text()) for page in PdfReader(unioncamere_pdf).pages]
    text = " ".join(pages)
    assert _targets_near_names(unioncamere, text) == []
    for target in (">= 5", ">=50%", "entro il 31/12/2021", ">= 9", ">=30%", ">=3", "<90%"):
        assert target in text
    assert "Redatto in conformità al D.P.C.M. 18 settembre 2012" in pages[0]
    assert "Centro di Responsabilità Ufficio affari Giuridici" in text


def test_pdf_front_matrix_and_missions_are_landscape(unioncamere_pdf: Path) -> None:
    reader = PdfReader(unioncamere_pdf)
    pages = [_flat(page.extract_text()) for page in reader.pages]
    matrix = [i for i, page in enumerate(pages) if pira.texts()("didascalia_riclassificazione") in page]
    missions = [i for i, page in enumerate(pages) if "Indicatore - Algoritmo di Calcolo" in page]
    assert len(matrix) == 1 and len(missions) >= 4
    for index in [*matrix, *missions]:
        box = reader.pages[index].mediabox
        assert box.width > box.height, f"page {index + 1} is not landscape"
    cover = reader.pages[0].mediabox
    assert cover.width < cover.height


def test_docx_rows_hold_each_indicator_and_its_target(unioncamere: pianodocs.Plan, unioncamere_docx: Path) -> None:
    word = docx.Document(str(unioncamere_docx))
    rows = {}
    for table in word.tables:
        for row in table.rows:
            cells = [_flat(cell.text) for cell in row.cells]
            rows.setdefault(cells[0], cells)
    for indicator in _pira_indicators(unioncamere):
        assert rows[_flat(indicator.name)][-1] == indicator.targets[2021].text, indicator.code
    matrix = next(t for t in word.tables if t.rows[0].cells[0].text == "Missione")
    body = list(word.element.body)
    section = next(
        element.find(qn("w:pPr")).find(qn("w:sectPr"))
        for element in body[body.index(matrix._tbl) :]
        if element.tag == qn("w:p")
        and element.find(qn("w:pPr")) is not None
        and element.find(qn("w:pPr")).find(qn("w:sectPr")) is not None
    )
    assert section.find(qn("w:pgSz")).get(qn("w:orient")) == "landscape"
    assert word.core_properties.title == unioncamere.title


@pytest.mark.slow
def test_docx_through_libreoffice(unioncamere: pianodocs.Plan, unioncamere_docx: Path, tmp_path: Path) -> None:
    pdf = convert_with_libreoffice(unioncamere_docx, tmp_path)
    raw = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = [_flat(page) for page in raw.split("\f") if page.strip()]
    packed = _packed(" ".join(pages))
    assert [i.code for i in _pira_indicators(unioncamere) if _packed(i.name) not in packed] == []
    for target in (">=5", ">=50%", "entroil31/12/2021", ">=9", "<90%"):
        assert target in packed
    reader = PdfReader(pdf)
    matrix = next(i for i, page in enumerate(pages) if "RICLASSIFICAZIONEOBIETTIVIPERMISSIONIEPROGRAMMIsecondo" in _packed(page))
    assert reader.pages[matrix].mediabox.width > reader.pages[matrix].mediabox.height
    assert f"Pagina 2 di {len(pages)}" in pages[1]


def test_pistoia_pdf(pistoia: pianodocs.Plan, tmp_path: Path) -> None:
    path = pianodocs.render(pistoia, "pira", tmp_path / "pira.pdf", workbook_folder=SAMPLES)
    reader = PdfReader(path)
    pages = [_flat(page.extract_text()) for page in reader.pages]
    text = " ".join(pages)
    assert _targets_near_names(pistoia, text, span=1500) == []
    assert "Target 2020 Target 2021 Target 2022" in text
    pira_names = {indicator.name for indicator in _pira_indicators(pistoia)}
    others = [i.code for i in pistoia.indicators if not i.in_pira and i.name not in pira_names and _flat(i.name) in text]
    assert others == []
    assert "Missione 032 - Servizi istituzionali e generali delle amministrazioni pubbliche" in text
    assert all(page.mediabox.width > page.mediabox.height for page in reader.pages[1:])
