"""The PIAO as DOCX (issue 14), from the plans of tests/piao_plan.py: read back with python-docx, and laid out by
LibreOffice for its SOMMARIO's page numbers, its landscape pages and the typesetting checker."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

import pianodocs
from pianodocs.backends.docx import convert_with_libreoffice
from pianodocs.render import build_document
from pianodocs.view.model import Document

from .piao_plan import NARRATIVE, SMART_WORKING, ordinary_plan, simplified_plan
from .test_piao_document import ORDINARY_HEADINGS, SIMPLIFIED_HEADINGS
from .text import dehyphenate
from .typeset import measure


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", dehyphenate(text)).strip()


class Word:
    """A rendered DOCX: its paragraphs, its tables as rows of cell texts (a merged cell once), its LibreOffice PDF."""

    def __init__(self, path: Path, document: Document, laid_out: Path) -> None:
        self.document = document
        self.word = docx.Document(str(path))
        self.paragraphs = [(p.style.name if p.style is not None else "", _flat(p.text)) for p in self.word.paragraphs]
        self.tables: list[list[list[str]]] = []
        for table in self.word.tables:
            rows = []
            for row in table.rows:
                cells: list[docx.table._Cell] = []
                for one in row.cells:
                    if not cells or one._tc is not cells[-1]._tc:
                        cells.append(one)
                rows.append([_flat(one.text) for one in cells])
            self.tables.append(rows)
        self.laid_out = laid_out
        raw = subprocess.run(["pdftotext", "-raw", str(laid_out), "-"], capture_output=True, text=True, check=True).stdout
        self.pages = [_flat(page) for page in raw.split("\f") if page.strip()]

    def table(self, first_header: str, second_header: str) -> list[list[str]]:
        return next(rows for rows in self.tables if rows[0][:2] == [first_header, second_header])

    def texts(self, style: str) -> list[str]:
        return [text for name, text in self.paragraphs if name == style]


def _render(plan: pianodocs.Plan, folder: Path) -> Word:
    path = pianodocs.render(plan, "piao", folder / "piao.docx")  # the SOMMARIO paginated through LibreOffice
    return Word(path, build_document(plan, "piao"), convert_with_libreoffice(path, folder / "lo"))


@pytest.fixture(scope="module")
def ordinary(tmp_path_factory: pytest.TempPathFactory) -> Word:
    return _render(ordinary_plan(), tmp_path_factory.mktemp("piao-docx"))


@pytest.fixture(scope="module")
def simplified(tmp_path_factory: pytest.TempPathFactory) -> Word:
    return _render(simplified_plan(), tmp_path_factory.mktemp("piao-docx-s"))


def test_docx_headings_are_word_headings_numbered_as_in_the_dm(ordinary: Word, simplified: Word) -> None:
    headings = ordinary.texts("Heading 1") + ordinary.texts("Heading 2")
    assert sorted(headings) == sorted(f"{number} {title}" for number, title in ORDINARY_HEADINGS)
    assert ordinary.texts("Heading 1") == [
        "1 Scheda anagrafica dell'amministrazione",
        "2 Valore pubblico, Performance e Anticorruzione",
        "3 Organizzazione e capitale umano",
        "4 Monitoraggio",
    ]
    assert ordinary.texts("Title") == ["PIANO INTEGRATO DI ATTIVITÀ E ORGANIZZAZIONE"]
    assert simplified.texts("Title") == ["PIANO INTEGRATO DI ATTIVITÀ E ORGANIZZAZIONE (SEMPLIFICATO)"]


@pytest.mark.parametrize("variant", ["ordinary", "simplified"])
def test_docx_sommario_numbers_are_the_pages_libreoffice_lays_the_headings_on(
    variant: str, request: pytest.FixtureRequest
) -> None:
    word: Word = request.getfixturevalue(variant)
    expected = ORDINARY_HEADINGS if variant == "ordinary" else SIMPLIFIED_HEADINGS
    entries = [re.fullmatch(r"(.+?)\s*(\d+)", text) for text in word.texts("toc 1") + word.texts("toc 2")]
    assert sorted(found.group(1) for found in entries if found) == sorted(f"{n} {t}" for n, t in expected)
    for found in entries:
        assert found is not None
        assert found.group(1) in word.pages[int(found.group(2)) - 1], found.group(0)


def test_docx_registry_public_value_and_actions(ordinary: Word) -> None:
    registry = ordinary.table("Dato", "Valore")
    assert ["PEC", "protocollo@pec.valserena.example"] in registry
    assert ["Dipendenti in servizio al 31/12/2024", "38"] in registry
    assert any(
        text.startswith("Il Piano è adottato con deliberazione della Giunta n. 5 del 30 gennaio 2025.")
        for _, text in ordinary.paragraphs
    )
    assert NARRATIVE in [text for _, text in ordinary.paragraphs]
    objectives = ordinary.table("Codice", "Obiettivo di valore pubblico")
    assert [row[0] for row in objectives[1:]] == ["VP1", "VP1.1", "VP2"]  # the specific one under its general one
    assert objectives[1][3:] == [
        "Giorni medi per avviare un'impresa",
        "12",
        "10",
        "9",
        "8",
        "Registro delle imprese",
        "150.000,00",
    ]
    actions = [rows for rows in ordinary.tables if rows[0][:3] == ["Tipo", "Codice", "Azione"]]
    assert [[row[1] for row in rows[1:]] for rows in actions] == [["AF1", "AD1"], ["S1", "R1"]]


def test_docx_performance_marks_and_their_list(ordinary: Word) -> None:
    cruscotto = next(rows for rows in ordinary.tables if "INDICATORE" in rows[0])
    assert any(row[1:3] == ["Pratiche evase entro cinque giorni", "A.1.1"] and "60%" in row for row in cruscotto)
    marks = ordinary.table("Codice", "Obiettivo operativo")
    assert marks[0][3:] == ["Semplificazione", "Digitalizzazione", "Accessibilità", "Parità di genere"]
    assert marks[1] == ["A.1.1", "Pratiche del Registro tutte telematiche", "A.1", "●", "●", "", ""]
    assert marks[4] == ["A.2.2", "Gestione documentale ordinata", "A.2", "", "", "", ""]
    assert ordinary.texts("List Bullet") == [
        "Semplificazione: A.1.1 Pratiche del Registro tutte telematiche",
        "Digitalizzazione: A.1.1 Pratiche del Registro tutte telematiche",
        "Accessibilità: A.1.2 Sportello accessibile su appuntamento",
        "Parità di genere: A.2.1 Piano delle azioni positive",
    ]


def test_docx_risks_measures_and_transparency(ordinary: Word) -> None:
    risks = ordinary.table("Codice", "Processo")
    assert ["Area di rischio: Contratti pubblici"] in risks
    assert [
        "R1",
        "Affidamento diretto di servizi",
        "Frazionamento artificioso dell'appalto",
        "Area Risorse e bilancio",
        "medio",
        "alto",
        "alto",
    ] in risks
    assert risks[-2][-3:] == ["basso", "basso", "medio"]  # R3, the judgement written
    measures = ordinary.table("Codice", "Misura")
    assert measures[2][2:] == ["R1, R2, R3", "generale", "formazione", "RPCT", "ogni anno", "Dipendenti formati", ">=90%"]
    transparency = ordinary.table("Sotto-sezione", "Obbligo")
    assert transparency[-1] == ["Personale", "Tassi di assenza", "d.lgs. 33/2013, art. 16", "Ufficio Personale", "trimestrale"]


def test_docx_organisation_five_conditions_staffing_and_training(ordinary: Word) -> None:
    structures = ordinary.table("Codice", "Struttura")
    assert [row[0] for row in structures[1:]] == ["SG", "A1", "A1.1", "A2", "A2.1"]
    texts = [text for _, text in ordinary.paragraphs]
    for number, condition in zip("12345", SMART_WORKING.conditions, strict=True):
        label = next(text for text in ordinary.texts("Titoletto") if text.startswith(f"{number}. "))
        assert texts[texts.index(label) + 1] == condition, label  # each condition right under its label
    staffing = ordinary.table("Categoria", "In servizio al 31/12/2024")
    assert staffing[-1] == ["Totale", "38", "3", "4", "37", "1", "3", "35", "2", "2", "35"]
    assert ["Funzionari", "12", "2", "1", "13", "1", "0", "14", "0", "2", "12"] in staffing
    training = ordinary.table("Anno", "Tema")
    assert ["Totale 2025", "18", "58"] in training and ["Totale 2026", "4", "15"] in training


def test_docx_monitoring_and_surveys(ordinary: Word) -> None:
    monitoring = ordinary.table("Sezione", "Oggetto")
    assert monitoring[1] == [
        "2.2 Performance",
        "Obiettivi operativi",
        "Rilevazione semestrale degli indicatori",
        "luglio e gennaio",
        "OIV",
    ]
    surveys = ordinary.table("Servizio", "Modalità")
    assert surveys[1][-1] == ">=85%"


def test_docx_simplified_has_its_sections_only(simplified: Word) -> None:
    assert simplified.texts("Heading 2") == [
        "2.3 Rischi corruttivi e trasparenza",
        "3.1 Struttura organizzativa",
        "3.2 Organizzazione del lavoro agile",
        "3.3 Piano triennale dei fabbisogni di personale",
    ]
    headers = [rows[0][:2] for rows in simplified.tables]
    assert ["Categoria", "In servizio al 31/12/2024"] in headers
    assert ["Anno", "Tema"] not in headers and ["Sezione", "Oggetto"] not in headers
    assert not any("INDICATORE" in rows[0] for rows in simplified.tables)


def test_docx_staffing_table_on_a_landscape_page(ordinary: Word) -> None:
    reader = PdfReader(ordinary.laid_out)
    index = next(index for index, page in enumerate(ordinary.pages) if "Totale 38 3 4 37" in page)
    box = reader.pages[index].mediabox
    assert box.width > box.height
    registry = next(index for index, page in enumerate(ordinary.pages) if "Dipendenti in servizio al 31/12/2024" in page)
    assert reader.pages[registry].mediabox.width < reader.pages[registry].mediabox.height


@pytest.mark.parametrize("variant", ["ordinary", "simplified"])
def test_docx_typesetting_no_broken_word_no_orphan_no_near_empty_page(variant: str, request: pytest.FixtureRequest) -> None:
    word: Word = request.getfixturevalue(variant)
    found = measure(word.laid_out, word.document)
    assert (found.broken_words, found.orphans, found.near_empty_pages) == ((), (), ())
