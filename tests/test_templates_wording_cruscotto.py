"""The cruscotto's words and the strategic map's come from ``templates/testi``: a user's file changes them, both formats follow.

As in ``test_templates_wording``: each test writes a folder holding only the override files, renders with it
and reads the text back from the PDF and the DOCX.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import attrs
import pytest

import pianodocs
from pianodocs.documents import cruscotto, piano_performance, relazione_performance, strategic_map
from pianodocs.texts import TextsError, texts_of
from pianodocs.view.model import Document, Figure, Table

from .conftest import SAMPLES
from .test_templates_wording import docx_text, overrides, pdf_text

YEARS = ["2016", "2017", "2018", "2019", "2020", "2021"]

# 'Owner' renamed, 'note' dropped from the objectives' tables; the register's first column renamed, 'obiettivo' dropped
CRUSCOTTO_TEXTS = """
[testi]
titolo_registro = "Storia delle variazioni"

[colonne.indicatori]
indicatore = "{{ obiettivo }}"
target = "{{ anno }}"
owner = "Responsabile"

[colonne.registro]
modifica = "Variazione"
indicatore = "Indicatore"
motivazione = "Motivazione"
"""
# a change note of the 'note' column (the register says "Indicatore aggiornato", never this)
NOTE = "Aggiornato in sede di rolling annuale"


@pytest.fixture(scope="module")
def maremma() -> pianodocs.Plan:
    return pianodocs.load_workbook(SAMPLES / "cciaa_maremma_tirreno_cruscotto.xlsx")


@pytest.fixture(scope="module")
def cruscotto_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return overrides(tmp_path_factory.mktemp("modelli-cruscotto"), "cruscotto", CRUSCOTTO_TEXTS)


def _tables(document: Document, prefix: str) -> list[Table]:
    return [block for block in document.blocks if isinstance(block, Table) and block.name.startswith(prefix)]


def test_the_package_cruscotto_prints_what_the_override_changes(maremma: pianodocs.Plan) -> None:
    """The other tests can fail: without an override, 'Owner', 'Note', the notes and 'Modifica' are printed."""
    document = cruscotto.build(maremma)
    band = _tables(document, "cruscotto-")[0].header[0]
    assert [c.text for c in band.cells[1:]] == [*YEARS, "Owner", "Note"]
    assert any(NOTE in c.text for t in _tables(document, "cruscotto-") for row in t.body for c in row.cells)
    (register,) = _tables(document, "registro-")
    assert [c.text for c in register.header[0].cells] == ["Modifica", "Indicatore", "Obiettivo"]


def test_the_view_model_follows_the_override(maremma: pianodocs.Plan, cruscotto_folder: Path) -> None:
    document = cruscotto.build(maremma, template_dir=cruscotto_folder)
    tables = _tables(document, "cruscotto-")
    for table in tables:
        (band,) = table.header
        assert [c.text for c in band.cells[1:]] == [*YEARS, "Responsabile"]
        assert all(len(row.cells) in (1, len(band.cells)) for row in table.body)  # bands and notes span the new width
        assert sum(table.widths) == pytest.approx(100, abs=0.1)
    assert tables[0].header[0].cells[0].text == "1. Semplificazione Amministrativa e Digitalizzazione delle Imprese"
    assert not any(NOTE in c.text for t in tables for row in t.body for c in row.cells)
    (register,) = _tables(document, "registro-")
    assert [c.text for c in register.header[0].cells] == ["Variazione", "Indicatore"]  # no revision has a Motivazione
    assert register.body[1].cells[0].text == "Indicatore aggiornato"
    assert register.body[0].cells[0].colspan == 2


@pytest.fixture(scope="module", params=[".pdf", ".docx"])
def cruscotto_text(
    request: pytest.FixtureRequest,
    maremma: pianodocs.Plan,
    cruscotto_folder: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> str:
    suffix: str = request.param
    path = tmp_path_factory.mktemp("cruscotto-out") / f"cruscotto{suffix}"
    pianodocs.render(maremma, "cruscotto", path, workbook_folder=SAMPLES, template_dir=cruscotto_folder)
    return pdf_text(path) if suffix == ".pdf" else docx_text(path)


def test_a_renamed_cruscotto_column_in_both_formats(cruscotto_text: str) -> None:
    assert "2019 2020 2021 Responsabile" in cruscotto_text
    assert "Owner" not in cruscotto_text
    assert "S.Anagrafico Certificativo" in cruscotto_text  # the column's values stay
    assert "Storia delle variazioni" in cruscotto_text and "Registro delle modifiche" not in cruscotto_text
    assert "Variazione Indicatore" in cruscotto_text


def test_a_dropped_cruscotto_column_is_gone_with_its_values(cruscotto_text: str) -> None:
    assert "Responsabile Note" not in cruscotto_text
    assert NOTE not in cruscotto_text
    assert "Modifica Indicatore Obiettivo" not in cruscotto_text
    assert "Indicatore aggiornato" in cruscotto_text  # the register's rows stay


def test_the_change_notes_follow_the_texts(maremma: pianodocs.Plan, tmp_path: Path) -> None:
    folder = overrides(
        tmp_path,
        "cruscotto",
        '[testi]\nnota_indicatore_aggiornato = "Modificato"\nin_sede_di = "durante il {{ occasione }}"\n'
        'aggiornato_con = "Ultima revisione: {{ atto }}"\n',
    )
    document = cruscotto.build(maremma, template_dir=folder)
    notes = [c.text for t in _tables(document, "cruscotto-") for row in t.body for c in row.cells[-1:]]
    assert "Modificato durante il rolling annuale con deliberazione della Giunta n. 129 del 2 dicembre 2019" in notes
    assert document.cover is not None
    assert document.cover.note == "Ultima revisione: deliberazione della Giunta n. 129 del 2 dicembre 2019"


def test_the_objective_column_cannot_be_dropped(maremma: pianodocs.Plan, tmp_path: Path) -> None:
    folder = overrides(tmp_path / "modelli", "cruscotto", '[colonne.indicatori]\ntarget = "{{ anno }}"\nnote = "Note"\n')
    with pytest.raises(TextsError) as raised:
        pianodocs.render(maremma, "cruscotto", tmp_path / "c.pdf", workbook_folder=SAMPLES, template_dir=folder)
    assert "cruscotto.toml" in str(raised.value) and "'indicatore'" in str(raised.value)
    assert not (tmp_path / "c.pdf").exists()


# --- the strategic map: its own file, shared by the Piano and the Relazione ----------------------

MAP_TEXTS = """
[testi]
titolo = "Schema strategico: {{ ente }}"
descrizione = "Schema degli obiettivi di {{ ente }}."
prospettiva = "Area {{ nome }}, obiettivi {{ obiettivi }}."
"""


def _figure(document: Document) -> Figure:
    return next(block for block in document.blocks if isinstance(block, Figure) and "<svg" in block.svg)


def test_the_package_map_texts(pistoia: pianodocs.Plan) -> None:
    figure = _figure(piano_performance.build(pistoia))
    assert figure.alt.startswith(f"Mappa strategica di {pistoia.entity.name}. Prospettiva ")
    assert f"<title>Mappa strategica - {pistoia.entity.name}</title>" in figure.svg


def test_the_map_alt_text_follows_the_texts_in_the_piano(pistoia: pianodocs.Plan, tmp_path: Path) -> None:
    folder = overrides(tmp_path / "modelli", "mappa", MAP_TEXTS)
    figure = _figure(piano_performance.build(pistoia, template_dir=folder))
    assert figure.alt.startswith(f"Schema degli obiettivi di {pistoia.entity.name}. Area ")
    assert "Mappa strategica di" not in figure.alt and "Prospettiva" not in figure.alt
    assert f"<title>Schema strategico: {pistoia.entity.name}</title>" in figure.svg
    path = pianodocs.render(pistoia, "piano-performance", tmp_path / "piano.docx", workbook_folder=SAMPLES, template_dir=folder)
    with zipfile.ZipFile(path) as package:
        body = package.read("word/document.xml").decode("utf-8")
    assert f'descr="Schema degli obiettivi di {pistoia.entity.name}. Area ' in body


def test_the_map_alt_text_follows_the_texts_in_the_relazione(tmp_path: Path) -> None:
    consuntivo = pianodocs.load_workbook(SAMPLES / "cciaa_pistoia_2020_consuntivo.xlsx")
    folder = overrides(tmp_path / "modelli", "mappa", MAP_TEXTS)
    figure = _figure(relazione_performance.build(consuntivo, SAMPLES, template_dir=folder))
    assert figure.alt.startswith(f"Schema degli obiettivi di {consuntivo.entity.name}. Area ")
    assert "Raggiunti (in verde)" in figure.alt  # the Relazione's own sentence around it stays


def test_the_package_texts_read_clean() -> None:
    words = cruscotto.texts()
    assert {column.key for column in words.columns("indicatori")} == set(cruscotto.INDICATOR_WIDTHS) | {"indicatore"}
    assert {column.key for column in words.columns("registro")} == set(cruscotto.REGISTER_WIDTHS)
    assert texts_of(strategic_map.TEXTS).strings.keys() == {"titolo", "descrizione", "prospettiva"}


def _docs_example(name: str) -> str:
    docs = (Path(__file__).resolve().parent.parent / "docs" / "templates.md").read_text(encoding="utf-8")
    example = re.search(rf"```toml\n# miei-modelli/testi/{name}.toml\n(.*?)```", docs, re.DOTALL)
    assert example is not None, name
    return example.group(1)


def test_the_examples_of_the_docs_work(maremma: pianodocs.Plan, pistoia: pianodocs.Plan, tmp_path: Path) -> None:
    folder = overrides(tmp_path, "cruscotto", _docs_example("cruscotto"))
    overrides(folder, "mappa", _docs_example("mappa"))
    band = _tables(cruscotto.build(maremma, template_dir=folder), "cruscotto-")[0].header[0]
    assert [c.text for c in band.cells[1:]] == [*YEARS, "Responsabile"]
    figure = _figure(piano_performance.build(pistoia, template_dir=folder))
    assert figure.alt.startswith(f"Schema degli obiettivi strategici di {pistoia.entity.name}. Area ")


def test_workbook_text_in_a_heading_prints_literally(maremma: pianodocs.Plan) -> None:
    """The objective's band is the heading ``{{ obiettivo }}``: its name is data, never template code."""
    name = "{{ 7*7 }} {% if true %}x{% endif %}"
    objectives = (attrs.evolve(maremma.strategic_objectives[0], name=name), *maremma.strategic_objectives[1:])
    document = cruscotto.build(attrs.evolve(maremma, strategic_objectives=objectives))
    band = _tables(document, "cruscotto-")[0].header[0]
    assert band.cells[0].text.endswith(name)
