"""tests/seed_phrases.py finds the seeds' text in a document, and only there."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

import pianodocs

from .conftest import SAMPLES
from .seed_phrases import ACTS, NAMES, PHRASES, PLAN_YEARS, PROJECTS, plan_years_found, seed_text_found

NEUTRAL = """
Camera di Commercio di Valdoria - Piano della Performance 2025-2027.
Il Piano della Performance, previsto dal D.Lgs 150/2009, si inserisce nel Ciclo di gestione della performance.
Obiettivo strategico A1 - Sostenere la competitività delle imprese del territorio. Obiettivo operativo A.1.1.
INDICATORE ALGORITMO Peso Target 2025 Target 2026 Target 2027 Tipologia indicatore Unità di misura Fonte
Grado di utilizzo delle risorse: risorse utilizzate / risorse stanziate 40% 90% 90% 90% Percentuale Bilancio.
Missione 011 - Competitività e sviluppo delle imprese; Programma 005. Missione 032 - Servizi istituzionali e
generali delle amministrazioni pubbliche. Allegato alla deliberazione G.C. n. 12 del 3 marzo 2025, composto da
n. 2 pagine. Il Segretario generale coordina la struttura; la Giunta approva il Piano entro il 31 gennaio.
Il preparato della pianificazione è pisano di nascita: le parole che contengono un nome non sono quel nome.
"""


def test_a_phrase_is_found_in_noise_whatever_its_case_accents_quotes_and_line_breaks() -> None:
    noise = "xx 12 ;; LA CAMERA DI PISTOIA SI STA\n   ACCORPANDO con la CONSORELLA di Prato -- yy"
    assert seed_text_found(noise) == ["Pistoia", "Prato", "La Camera di Pistoia si sta accorpando con la consorella di Prato"]
    garbled = "La scarsa propensione all’innovazione tecnologica e il vero punto\ndebole del sistema."
    assert seed_text_found(garbled) == ["La scarsa propensione all'innovazione tecnologica è il vero punto debole del sistema"]
    assert seed_text_found("Allegato alla deliberazione G.C. n. 63 del 9 settembre 2020") == ["n. 63 del 9 settembre 2020"]


def test_nothing_is_found_in_a_neutral_document_of_the_same_kind() -> None:
    assert seed_text_found(NEUTRAL) == []
    assert plan_years_found(NEUTRAL) == []


def test_plan_years_are_found_as_whole_words_only() -> None:
    assert plan_years_found("Piano 2020-2022, aggiornato al 31/12/2019") == ["2019", "2020", "2022"]
    assert plan_years_found("protocollo 120201 del 2025, importo 2.016,00 euro") == []


def test_each_seed_has_20_to_40_phrases_of_at_least_six_words() -> None:
    assert sorted(PHRASES) == ["000", "001", "002", "003", "004"]
    for seed, phrases in PHRASES.items():
        assert 20 <= len(phrases) <= 40, seed
        assert [phrase for phrase in phrases if len(phrase.split()) < 6] == [], seed
    assert {"Pistoia", "Prato", "Maremma", "Tirreno", "Unioncamere Toscana"} <= set(NAMES)
    assert "Vetrina Toscana" in PROJECTS and "n. 63 del 9 settembre 2020" in ACTS
    assert PLAN_YEARS == ("2016", "2017", "2018", "2019", "2020", "2021", "2022")


@pytest.fixture(scope="module")
def pistoia_piano_text(pistoia: pianodocs.Plan, tmp_path_factory: pytest.TempPathFactory) -> str:
    path: Path = tmp_path_factory.mktemp("seed-phrases") / "piano.pdf"
    pianodocs.render(pistoia, "piano-performance", path, workbook_folder=SAMPLES)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_the_pistoia_piano_built_from_the_seeds_contains_many_of_them(pistoia_piano_text: str) -> None:
    found = seed_text_found(pistoia_piano_text)
    assert {"Pistoia", "Prato", "Vetrina Toscana"} <= set(found)
    from_002 = [phrase for phrase in PHRASES["002"] if phrase in found]
    assert len(from_002) >= 30, from_002
    assert len(found) >= 60
    assert re.search(r"\b2020-2022\b", pistoia_piano_text)
    assert {"2020", "2022"} <= set(plan_years_found(pistoia_piano_text))
