"""The monitoring of the Prato sample at 30/09/2020 (seed 004): the view model, the PDF, the DOCX and LibreOffice."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import attrs
import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

import pianodocs
from pianodocs.backends.docx import convert_with_libreoffice
from pianodocs.documents import monitoraggio
from pianodocs.kinds import MissingDataError
from pianodocs.model import Indicator, Measurement
from pianodocs.scoring import score
from pianodocs.values import parse_value
from pianodocs.view.model import CellStyle, Document, Heading, Table

from .conftest import SAMPLES
from .test_scoring import EXPECTED_PERFORMANCE, SEED_INCONSISTENT
from .text import dehyphenate

AT = dt.date(2020, 9, 30)
# the code as the budget classification writes it, then the name (not 004's own 'Missione 11) "..."')
MISSIONS = [
    "Missione 011 – Competitività e sviluppo delle imprese",
    "Missione 012 – Regolazione del mercato",
    "Missione 016 – Commercio internazionale ed internazionalizzazione del sistema produttivo",
    "Missione 032 – Servizi istituzionali e generali delle amministrazioni pubbliche",
]
BUDGETS = {
    "P01": "€ 30.000",
    "P02": "€ 165.600,00",
    "P03": "€ 20.000,00",
    "P04": "€ 27.600,00",
    "P05": "€ 170.757,80",
    "P06": "Attività realizzate con risorse interne",
    "P07": "€ 249.930,00",
    "P09": "€ 3.660,00",
    "P10": "Attività realizzate con risorse interne",
}


def _flat(text: str) -> str:
    """The text as a person reads it: words hyphenated at a line end rejoined, white space flattened."""
    return re.sub(r"\s+", " ", dehyphenate(text)).strip()


@pytest.fixture(scope="module")
def prato() -> pianodocs.Plan:
    return pianodocs.load_workbook(SAMPLES / "cciaa_prato_2020.xlsx")


@pytest.fixture(scope="module")
def document(prato: pianodocs.Plan) -> Document:
    return monitoraggio.build(prato)


def _with_june_value(plan: pianodocs.Plan) -> pianodocs.Plan:
    """Prato with one value at 30/06/2020 besides its 30/09 ones (P02-1, 9 of 20 events)."""
    june = Measurement("P02-1", dt.date(2020, 6, 30), parse_value("4"))
    return attrs.evolve(plan, measurements=(*plan.measurements, june))


def _sheets(document: Document) -> list[Table]:
    return [block for block in document.blocks if isinstance(block, Table) and block.name.startswith("scheda-")]


def _measured(plan: pianodocs.Plan) -> list[Indicator]:
    """The indicators of the Indicatori tables (every one but the programmes' progress indicators)."""
    return [i for i in plan.indicators if monitoraggio.PROGRESS_FLAG not in i.flags]


# what the document prints where 004 contradicts its own numbers: the computed Performance
COMPUTED = {"P01-6": "18%"}


def _performance(code: str) -> str:
    return COMPUTED.get(code, EXPECTED_PERFORMANCE[code])


def test_the_corrections_are_the_seeds_inconsistencies() -> None:
    assert set(COMPUTED) == set(SEED_INCONSISTENT)


def _row_texts(plan: pianodocs.Plan, indicator: Indicator) -> list[str]:
    """The cells an indicator's row must show, from the formula on: formula, UDM, value, targets, Performance."""
    (measurement,) = plan.measurements_of(indicator.code)
    years = [2020] if indicator.objective == "P08" else list(plan.years)
    targets = [indicator.targets[year].text for year in years]
    return [indicator.algorithm, indicator.unit, measurement.value.text, *targets, _performance(indicator.code)]


# --- the view model ------------------------------------------------------------------------------


class TestViewModel:
    def test_cover_with_the_long_date(self, prato: pianodocs.Plan, document: Document) -> None:
        assert (document.cover.entity, document.cover.title) == (
            "Camera di Commercio di Prato",
            "Piano degli indicatori e dei risultati attesi di bilancio",
        )
        assert document.cover.subtitle == "Situazione al 30 settembre 2020"
        june = monitoraggio.build(_with_june_value(prato), at=dt.date(2020, 6, 30))
        assert june.cover.subtitle == "Situazione al 30 giugno 2020"

    def test_default_date_without_a_monitoring_date(self, prato: pianodocs.Plan) -> None:
        plan = attrs.evolve(prato, monitoring_date=None)
        assert monitoraggio.build(plan).cover.subtitle == "Situazione al 31 dicembre 2020"

    def test_applies_when_there_are_measurements(self, prato: pianodocs.Plan) -> None:
        assert monitoraggio.applies(prato)
        assert not monitoraggio.applies(attrs.evolve(prato, measurements=()))

    def test_refused_without_any_measurement_at_the_date(self, prato: pianodocs.Plan, pistoia: pianodocs.Plan) -> None:
        """Not 38 pages of 'non valutabile': a clear refusal, and render all says why it skips it."""
        with pytest.raises(MissingDataError) as refusal:
            monitoraggio.build(prato, at=dt.date(2020, 6, 30))
        message = str(refusal.value)
        assert message.startswith("Il workbook non ha misurazioni del 2020 al 30/06/2020 o prima")
        assert "la prima misurazione del 2020 è al 30/09/2020" in message and "non valutabile" in message
        why = monitoraggio.applies(pistoia)
        assert not why and why.reason.startswith("Il workbook non ha misurazioni del 2020 al 31/12/2020 o prima")
        with pytest.raises(MissingDataError):
            monitoraggio.build(pistoia)

    def test_an_indicator_inserted_later_is_not_listed(self, pistoia_revised: pianodocs.Plan) -> None:
        """IND-B32-5 is inserted by the act of 9/9/2020: absent at 30/06, listed at 30/09."""
        name = next(i.name for i in pistoia_revised.indicators if i.code == "IND-B32-5")

        def texts(at: dt.date) -> str:
            document = monitoraggio.build(pistoia_revised, at=at)
            tables = [b for b in document.blocks if isinstance(b, Table)]
            return " ".join(c.text for t in tables for row in (*t.header, *t.body) for c in row.cells)

        june = texts(dt.date(2020, 6, 30))
        assert name not in june and "IND-B32-5" not in june and "non ancora inserito" not in june
        assert name in texts(dt.date(2020, 9, 30))

    def test_the_title_is_the_monitorings_own(self, prato: pianodocs.Plan, pistoia_revised: pianodocs.Plan) -> None:
        document = monitoraggio.build(pistoia_revised)
        assert (
            document.cover.title == monitoraggio.texts()("titolo_documento") == "Monitoraggio degli obiettivi e degli indicatori"
        )
        assert document.title == "Monitoraggio degli obiettivi e degli indicatori — Situazione al 30 giugno 2020"
        assert "— monitoraggio" not in document.title and pistoia_revised.title not in document.title
        assert monitoraggio.build(prato).cover.title == prato.title, "a workbook kept for the monitoring keeps its Titolo"

    def test_the_financial_health_layout_comes_from_the_workbook_field(self, tmp_path: Path) -> None:
        """The compact table follows 'Scheda monitoraggio', whatever the objective is called."""
        import openpyxl

        workbook = openpyxl.load_workbook(SAMPLES / "cciaa_prato_2020.xlsx")
        sheet = workbook["Obiettivi strategici"]
        headers = [c.value for c in sheet[1]]
        code, name, layout = (headers.index(h) + 1 for h in ("Codice", "Denominazione", "Scheda monitoraggio"))
        for row in range(2, sheet.max_row + 1):
            if sheet.cell(row, code).value == "P08":
                sheet.cell(row, name).value = "Equilibri economici e patrimoniali"
            if sheet.cell(row, code).value == "P09":
                sheet.cell(row, layout).value = "salute finanziaria"
        path = tmp_path / "prato.xlsx"
        workbook.save(path)
        document = monitoraggio.build(pianodocs.load_workbook(path))
        names = [b.name for b in document.blocks if isinstance(b, Table)]
        assert "salute-finanziaria-P08" in names and "scheda-P08" not in names
        assert "salute-finanziaria-P09" in names and "scheda-P09" not in names
        table = next(b for b in document.blocks if isinstance(b, Table) and b.name == "salute-finanziaria-P08")
        assert table.body[0].cells[0].text == "Stato di equilibri economici e patrimoniali"

    def test_headings_missions_then_programmes(self, document: Document) -> None:
        headings = [(h.level, h.title) for h in document.blocks if isinstance(h, Heading)]
        assert headings[:2] == [
            (1, "IL PIANO DEGLI INDICATORI E DEI RISULTATI ATTESI DI BILANCIO"),
            (1, "La programmazione 2020"),
        ]
        missions = [title for level, title in headings if level == 1 and title.startswith("Missione")]
        assert missions == MISSIONS
        under = {}
        for level, title in headings:
            if level == 1:
                current = title
            else:
                under.setdefault(current, []).append(title)
        assert under[MISSIONS[0]] == [
            "La sede camerale: uno spazio aperto per la città",
            "Promozione della cultura imprenditoriale - Punto Impresa Digitale",
            "La valorizzazione del patrimonio culturale e del turismo",
        ]
        assert under[MISSIONS[3]] == ["Salute finanziaria dell'ente", "Riforma Camerale", "Prevenzione della corruzione"]
        assert headings[-1] == (1, "Nota metodologica: il calcolo della colonna Performance")

    def test_the_missions_table_comes_from_the_workbook(self, document: Document) -> None:
        table = next(b for b in document.blocks if isinstance(b, Table) and b.name == "missioni-programmi")
        assert [c.text for c in table.header[0].cells] == ["Missione", "Programma", "Programma Strategico CCAA Prato"]

    def test_gantt_marks_the_phase_years(self, prato: pianodocs.Plan, document: Document) -> None:
        checked = 0
        for table in _sheets(document):
            code = table.name.removeprefix("scheda-")
            rows = [[c.text for c in row.cells] for row in table.body]
            start = next((index for index, row in enumerate(rows) if row[:2] == ["Fasi", "Fase"]), None)
            phases = [p for p in prato.phases if p.objective == code]
            if start is None:
                assert phases == []
                continue
            years = [int(text) for text in rows[start][2:]]
            for phase, row in zip(phases, rows[start + 1 :], strict=False):
                assert row[0] == phase.name
                assert [year for year, mark in zip(years, row[1:], strict=True) if mark == "●"] == list(phase.years)
                checked += 1
        assert checked == len(prato.phases) == 20

    def test_sheet_rows_as_in_004(self, document: Document) -> None:
        (sheet,) = [t for t in _sheets(document) if t.name == "scheda-P01"]
        labels = [row.cells[0].text for row in sheet.body if row.cells[0].style is CellStyle.SUBBAND]
        assert labels == ["Area strategica", "Programma", "Centro di Responsabilità", "Budget", "Indicatore di avanzamento",
                          "Obiettivo", "Descrizione", "Fasi", "Indicatori", "Stakeholder"]  # fmt: skip
        assert sheet.landscape

    def test_before_any_measurement_the_performance_is_empty_with_a_note(self, prato: pianodocs.Plan) -> None:
        document = monitoraggio.build(_with_june_value(prato), at=dt.date(2020, 6, 30))
        (sheet,) = [t for t in _sheets(document) if t.name == "scheda-P01"]
        texts = [[c.text for c in row.cells] for row in sheet.body]
        events = next(row for row in texts if "Attrattività eventi realizzati" in row)
        assert events[-5:] == ["", "15.500", "15.500", "15.500", ""]
        assert "Attrattività eventi realizzati: Performance non valutabile (nessuna misurazione al 30/06/2020)." in [
            row[0] for row in texts
        ]

    def test_revised_targets_are_marked_from_the_acts_date(self, pistoia_revised: pianodocs.Plan) -> None:
        def cells(at: dt.date) -> list[str]:
            document = monitoraggio.build(pistoia_revised, at=at)
            rows = [[c.text for c in row.cells] for t in _sheets(document) for row in t.body]
            return next(row for row in rows if "Sviluppo temporale del numero di studenti" in " ".join(row))

        assert cells(dt.date(2020, 6, 30))[-5:] == ["660", "2.000", "2.000", "2.000", "33%"]
        assert cells(dt.date(2020, 9, 30))[-5:] == ["660", "700 (rivisto)", "2.000", "2.000", "94%"]


# --- the PDF -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pdf_path(prato: pianodocs.Plan, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("monitoraggio") / "monitoraggio.pdf"
    pianodocs.render(prato, "monitoraggio", path, at=AT)
    return path


@pytest.fixture(scope="module")
def pages(pdf_path: Path) -> list[str]:
    return [_flat(page.extract_text()) for page in PdfReader(pdf_path).pages]


@pytest.mark.slow
class TestPdf:
    def test_every_indicator_with_its_value_targets_and_performance(self, prato: pianodocs.Plan, pages: list[str]) -> None:
        packed = "".join("".join(pages).split())  # a cell wraps anywhere, also after a hyphen: compare without spaces
        missing = []
        for indicator in _measured(prato):
            expected = "".join("".join([indicator.name, *_row_texts(prato, indicator)]).split())
            if expected not in packed:
                missing.append((indicator.code, expected))
        assert missing == []
        assert len(_measured(prato)) == len(EXPECTED_PERFORMANCE) == 59

    def test_progress_indicators_and_budgets(self, pages: list[str]) -> None:
        text = " ".join(pages)
        assert "Indicatore Formula 30/09/2020 Target triennio Grado di realizzazione eventi n. eventi realizzati" in text
        assert "nella nuova sede 35 390" in text
        assert "Stato 2019 Target triennio" in text and "84% 90%" in text, "P05 prints its 2019 state"
        for budget in BUDGETS.values():
            assert f"Budget {budget}" in text

    def test_gantt(self, prato: pianodocs.Plan, pages: list[str]) -> None:
        text = " ".join(pages)
        assert text.count("●") == sum(len(phase.years) for phase in prato.phases) == 48
        assert "Fasi Fase 2020 2021 2022 Spazi nuova sede: Utilizzo spazi sede camerale ● ● ●" in text
        assert "Fasi Fase 2019 2020 2021 2022 Organizzazione di iniziative di formazione" in text

    def test_financial_health_grouped_by_tipologia(self, pages: list[str]) -> None:
        text = " ".join(pages)
        header = "Indicatore Formula UDM Consuntivo 30/09/2020 Target 2020 Performance"
        for group in ("Equilibrio economico", "Proventi", "Costi", "Patrimonio", "Indebitamento"):
            assert f"{group} {header}" in text
        assert "Stato di salute finanziaria dell'ente Performance Condizioni A seguito della conversione" in text

    def test_method_note(self, pages: list[str]) -> None:
        text = " ".join(pages)
        assert "P01-1 Attrattività eventi realizzati 26% più alto è meglio: min(3.960 / 15.500; 1) = 26%" in text
        assert "P05-6 Grado di utilizzazione risorse a budget 93% più alto è meglio: min(74% / 80%; 1) = 93%" in text
        # 67%: computed by hand in test_scoring.py's TestPratoAt30September.test_roll_up_by_hand
        assert "Percentuale sintetica di realizzazione della performance di Ente 67%" in text

    def test_sheets_on_landscape_pages_the_rest_portrait(self, pdf_path: Path, pages: list[str]) -> None:
        reader = PdfReader(pdf_path)
        landscape = [index for index, page in enumerate(reader.pages) if page.mediabox.width > page.mediabox.height]
        sheets = [index for index, text in enumerate(pages) if "Centro di Responsabilità" in text or "Stato di salute" in text]
        assert sum(text.count("Centro di Responsabilità") + text.count("Stato di salute") for text in pages) >= 9
        assert set(sheets) <= set(landscape)
        assert landscape == list(range(landscape[0], landscape[-1] + 1)), "one run of landscape pages"
        for index, text in enumerate(pages):
            if text.startswith(("SOMMARIO", "IL PIANO DEGLI", "La programmazione", "Nota metodologica")):
                assert index not in landscape, index
        assert pages[1].startswith("SOMMARIO") and f"Pagina 2 di {len(pages)}" in pages[1]


# --- the DOCX ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def docx_path(prato: pianodocs.Plan, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("monitoraggio-docx") / "monitoraggio.docx"
    pianodocs.render(prato, "monitoraggio", path, at=AT)
    return path


@pytest.fixture(scope="module")
def word(docx_path: Path) -> docx.document.Document:
    return docx.Document(str(docx_path))


def _rows(table: docx.table.Table) -> list[list[str]]:
    rows = []
    for row in table.rows:
        cells: list[docx.table._Cell] = []
        for one in row.cells:  # merged cells repeat: keep each once
            if not cells or one._tc is not cells[-1]._tc:
                cells.append(one)
        rows.append([_flat(one.text) for one in cells])
    return rows


def _section_of(word: docx.document.Document, table: docx.table.Table) -> tuple[int, int, str]:
    """Width, height and orientation of the section holding ``table`` (its sectPr follows it)."""
    body = list(word.element.body)
    following = body[body.index(table._tbl) :]
    properties = next(
        (
            element.find(qn("w:pPr")).find(qn("w:sectPr"))
            for element in following
            if element.tag == qn("w:p")
            and element.find(qn("w:pPr")) is not None
            and element.find(qn("w:pPr")).find(qn("w:sectPr")) is not None
        ),
        word.element.body.find(qn("w:sectPr")),
    )
    size = properties.find(qn("w:pgSz"))
    return int(size.get(qn("w:w"))), int(size.get(qn("w:h"))), size.get(qn("w:orient")) or "portrait"


@pytest.mark.slow
class TestDocx:
    def test_every_indicator_row(self, prato: pianodocs.Plan, word: docx.document.Document) -> None:
        rows = [row for table in word.tables for row in _rows(table)]
        missing = []
        for indicator in _measured(prato):
            expected = [_flat(indicator.name), *(_flat(t) for t in _row_texts(prato, indicator))]
            if not any(row[index : index + len(expected)] == expected for row in rows for index in range(len(row))):
                missing.append((indicator.code, expected))
        assert missing == []

    def test_budgets_gantt_and_headings(self, prato: pianodocs.Plan, word: docx.document.Document) -> None:
        rows = [row for table in word.tables for row in _rows(table)]
        assert {row[1] for row in rows if row and row[0] == "Budget"} == set(BUDGETS.values())
        assert sum(row.count("●") for row in rows) == sum(len(phase.years) for phase in prato.phases)
        headings = [p.text for p in word.paragraphs if p.style.name.startswith(("Heading", "Titolo"))]
        assert [h for h in headings if h.startswith("Missione")] == MISSIONS

    def test_sheets_in_landscape_sections(self, word: docx.document.Document) -> None:
        sheets = [t for t in word.tables if _rows(t)[0][:1] == ["Area strategica"]]
        assert len(sheets) == 9
        for table in sheets:
            width, height, orientation = _section_of(word, table)
            assert orientation == "landscape" and width > height
        missions = next(t for t in word.tables if _rows(t)[0][:2] == ["Missione", "Programma"])
        assert _section_of(word, missions)[2] == "portrait"

    def test_properties(self, word: docx.document.Document) -> None:
        assert (
            word.core_properties.title
            == "Piano degli indicatori e dei risultati attesi di bilancio — Situazione al 30 settembre 2020"
        )
        assert word.core_properties.author == "Camera di Commercio di Prato"


@pytest.fixture(scope="module")
def libreoffice_text(docx_path: Path, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    pdf = convert_with_libreoffice(docx_path, tmp_path_factory.mktemp("lo"))
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [_flat(page) for page in text.split("\f") if page.strip()]


@pytest.mark.slow
def test_libreoffice_round_trip(prato: pianodocs.Plan, libreoffice_text: list[str]) -> None:
    assert f"Pagina 2 di {len(libreoffice_text)}" in libreoffice_text[1]
    packed = "".join("".join(libreoffice_text).split())  # a cell's text wraps anywhere: compare without white space
    missing = []
    for indicator in _measured(prato):
        value_to_performance = "".join("".join(_row_texts(prato, indicator)[2:]).split())
        if "".join(indicator.name.split()) not in packed or value_to_performance not in packed:
            missing.append(indicator.code)
    assert missing == []
    assert packed.count("●") == sum(len(phase.years) for phase in prato.phases)
    assert "Budget€30.000" in packed and "Budget€249.930,00" in packed


def test_sheet_performance_is_the_engines(prato: pianodocs.Plan, document: Document) -> None:
    card = score(prato, AT)
    for table in _sheets(document):
        code = table.name.removeprefix("scheda-")
        printed = [row.cells[-1].text for row in table.body if len(row.cells) == 9]
        expected = [card.indicator(i.code).percent for i in _measured(prato) if i.objective == code]
        assert printed == expected, code
