"""The words of each kind live in ``templates/testi/<kind>.toml``: a user's file in ``--modelli`` changes them, both formats follow.

Each test writes a folder holding only one override file, renders with it, and reads the text back from the
PDF (pypdf) and the DOCX (python-docx): the new words are there, the package's are not.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import attrs
import docx
import pytest
from pypdf import PdfReader

import pianodocs
from pianodocs.backends.docx import convert_with_libreoffice
from pianodocs.documents import allegato_delibera, pira, relazione_performance
from pianodocs.templating import default_templates
from pianodocs.texts import TextsError, texts_of
from pianodocs.view.model import Heading, Table
from pianodocs.wording import with_article

from .conftest import SAMPLES
from .text import dehyphenate

ROOT = Path(__file__).resolve().parent.parent


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", dehyphenate(text)).strip()


def pdf_text(path: Path) -> str:
    return " ".join(_flat(page.extract_text()) for page in PdfReader(path).pages)


def docx_text(path: Path) -> str:
    """Paragraphs, table cells and the page headers of a DOCX, as one flat text."""
    word = docx.Document(str(path))
    parts = [paragraph.text for paragraph in word.paragraphs]
    parts += [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    parts += [paragraph.text for section in word.sections for paragraph in section.header.paragraphs]
    return _flat(" ".join(parts))


def overrides(folder: Path, kind: str, content: str) -> Path:
    """A templates folder holding only ``testi/<kind>.toml``."""
    (folder / "testi").mkdir(parents=True, exist_ok=True)
    (folder / "testi" / f"{kind}.toml").write_text(content, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def unioncamere() -> pianodocs.Plan:
    return pianodocs.load_workbook(SAMPLES / "unioncamere_toscana_pira_2021.xlsx")


# --- the PIRA: a column renamed, a column dropped -----------------------------------------------

PIRA_COLUMNS = """
[colonne.indicatori]
indicatore = "Indicatore e formula di calcolo"
descrizione_tecnica = "Descrizione Tecnica"
tipologia = "Tipologia di Indicatore"
unita_di_misura = "Unità di Misura"
target = "Valore atteso {{ anno }}"
"""
# the 'fonte' column is left out: "Fonte del Dato" and its values must be gone
SOURCES = ("Rilevazione google analytic", "Cdc e/o piattaforma a supporto")


@pytest.fixture(scope="module")
def pira_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return overrides(tmp_path_factory.mktemp("modelli-pira"), "pira", PIRA_COLUMNS)


@pytest.fixture(scope="module", params=[".pdf", ".docx"])
def pira_text(
    request: pytest.FixtureRequest, unioncamere: pianodocs.Plan, pira_folder: Path, tmp_path_factory: pytest.TempPathFactory
) -> str:
    suffix: str = request.param
    path = tmp_path_factory.mktemp("pira-out") / f"pira{suffix}"
    pianodocs.render(unioncamere, "pira", path, workbook_folder=SAMPLES, template_dir=pira_folder)
    return pdf_text(path) if suffix == ".pdf" else docx_text(path)


def test_the_package_pira_prints_the_columns_the_override_changes(unioncamere: pianodocs.Plan) -> None:
    """The other tests can fail: without an override, the renamed and dropped columns are printed."""
    document = pira.build(unioncamere)
    cells = {
        c.text for table in document.blocks if isinstance(table, Table) for row in (*table.header, *table.body) for c in row.cells
    }
    assert {"Indicatore - Algoritmo di Calcolo", "Fonte del Dato", "Target 2021", *SOURCES} <= cells


def test_a_renamed_pira_column_in_both_formats(pira_text: str) -> None:
    assert "Indicatore e formula di calcolo" in pira_text
    assert "Valore atteso 2021" in pira_text
    assert "Indicatore - Algoritmo di Calcolo" not in pira_text
    assert "Target 2021" not in pira_text


def test_a_dropped_pira_column_is_gone_with_its_values(pira_text: str) -> None:
    assert "Fonte del Dato" not in pira_text
    for source in SOURCES:
        assert source not in pira_text
    assert "Indicatore di efficacia" in pira_text  # the column before it stays
    assert ">=50%" in pira_text  # and the targets after it


def test_only_the_keys_the_override_defines_change(unioncamere: pianodocs.Plan, pira_folder: Path) -> None:
    document = pira.build(unioncamere, template_dir=pira_folder)
    assert (
        document.cover is not None and document.cover.title == "Piano degli Indicatori dei Risultati Attesi di Bilancio P.I.R.A."
    )
    objective = next(b for b in document.blocks if isinstance(b, Table) and b.name == "pira-obiettivo")
    assert objective.header[0].cells[0].text == "Obiettivo"


def test_workbook_text_filling_a_placeholder_prints_literally(unioncamere: pianodocs.Plan, tmp_path: Path) -> None:
    missions = tuple(attrs.evolve(m, name="{{ 7*7 }} {% if true %}x{% endif %}") for m in unioncamere.missions)
    plan = attrs.evolve(unioncamere, missions=missions)
    headings = [b.title for b in pira.build(plan).blocks if isinstance(b, Heading) and b.title.startswith("Missione")]
    assert headings[0] == f"Missione {missions[0].code} - {{{{ 7*7 }}}} {{% if true %}}x{{% endif %}}"
    path = pianodocs.render(plan, "pira", tmp_path / "pira.docx", workbook_folder=SAMPLES)
    text = docx_text(path)
    assert "{{ 7*7 }}" in text and "49" not in text.replace(missions[0].code, "")


# --- broken overrides: an Italian message naming the file and the key, nothing written ---------

BROKEN = [
    ('[testi]\ntitolo_copertna = "PIRA"\n', "titolo_copertna", "chiave sconosciuta"),
    ('[testi]\nsoggetto = "P.I.R.A. {{ anni }"\n', "soggetto", "errore di sintassi"),
    ('[testi]\nsoggetto = "P.I.R.A. {{ anno_corrente }}"\n', "soggetto", "segnaposto sconosciuto {{ anno_corrente }}"),
    ('[colonne.indicatori]\nindicatore = "Indicatore"\npeso = "Peso"\n', "colonne.indicatori.peso", "colonna sconosciuta"),
    ("[colonne.indicatori]\n", "colonne.indicatori", "vuoto"),
    ('[testi\nsoggetto = "x"\n', "pira.toml", "non è un TOML valido"),
]


@pytest.mark.parametrize(("content", "key", "message"), BROKEN)
@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_a_broken_override_is_refused_before_writing(
    unioncamere: pianodocs.Plan, tmp_path: Path, content: str, key: str, message: str, suffix: str
) -> None:
    folder = overrides(tmp_path / "modelli", "pira", content)
    output = tmp_path / f"pira{suffix}"
    with pytest.raises(TextsError) as raised:
        pianodocs.render(unioncamere, "pira", output, workbook_folder=SAMPLES, template_dir=folder)
    text = str(raised.value)
    assert str(folder / "testi" / "pira.toml") in text
    assert key in text and message in text
    assert list(tmp_path.iterdir()) == [tmp_path / "modelli"], "nothing written"


def test_the_command_line_reports_a_broken_override_without_a_traceback(tmp_path: Path) -> None:
    folder = overrides(tmp_path / "modelli", "pira", '[testi]\nsoggetto = "{{ 7 * }}"\n')
    output = tmp_path / "pira.pdf"
    environment = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    workbook = str(SAMPLES / "unioncamere_toscana_pira_2021.xlsx")
    result = subprocess.run(
        [sys.executable, "-m", "pianodocs", "render", "pira", workbook, "-o", str(output), "--modelli", str(folder)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=300,
    )
    assert result.returncode != 0
    assert "chiave 'soggetto'" in result.stderr and "errore di sintassi" in result.stderr
    assert "Traceback" not in result.stderr
    assert not output.exists()


def test_every_package_text_file_reads_clean() -> None:
    folder = default_templates() / "testi"
    kinds = sorted(path.stem for path in folder.glob("*.toml"))
    assert "pira" in kinds
    for kind in kinds:
        assert texts_of(kind).strings


# --- the annex: its sentence reworded, with its true page count ---------------------------------

ANNEX_TEXTS = """
[testi]
frase = "Documento allegato all'atto {{ sigla }} numero {{ numero }} ({{ data | data }}){% if pagine %}: {{ pagine }} fogli{% endif %}"
colonna_algoritmo = "Formula di calcolo"
"""


@pytest.fixture(scope="module")
def annex_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return overrides(tmp_path_factory.mktemp("modelli-allegato"), "allegato-delibera", ANNEX_TEXTS)


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_the_reworded_annex_sentence_states_its_true_page_count(
    pistoia_revised: pianodocs.Plan, annex_folder: Path, tmp_path: Path, suffix: str
) -> None:
    path = pianodocs.render(pistoia_revised, "allegato-delibera", tmp_path / f"allegato{suffix}", template_dir=annex_folder)
    if suffix == ".pdf":
        text, pages = pdf_text(path), len(PdfReader(path).pages)
    else:
        text, pages = docx_text(path), len(PdfReader(convert_with_libreoffice(path, tmp_path)).pages)
    act = next(act for act in pistoia_revised.acts if any(r.act == act.code for r in pistoia_revised.revisions))
    assert act.date is not None
    expected = f"Documento allegato all'atto G.C. numero {act.number} ({act.date:%d/%m/%Y}): {pages} fogli"
    assert expected in text
    assert "Allegato alla deliberazione" not in text and "composto da" not in text
    assert "Formula di calcolo" in text and "ALGORITMO" not in text


def test_the_annex_sentence_without_an_override_is_the_package_one(pistoia_revised: pianodocs.Plan) -> None:
    document = allegato_delibera.build(pistoia_revised, pagine=2)
    assert re.fullmatch(
        r"Allegato alla deliberazione G\.C\. n\. \d+ del \d+ \w+ \d{4}, composto da n\. 2 pagine", document.running_header
    )
    assert "ALGORITMO" in [c.text for c in next(b for b in document.blocks if isinstance(b, Table)).header[0].cells]


# --- the Relazione: a chapter title, a fixed sentence and a column heading reworded -------------

RELAZIONE_TEXTS = """
[testi]
titolo_relazione_sintesi = "Sintesi dei risultati dell'anno {{ anno }}"
regola_raggiungimento = "Soglia di raggiungimento di ogni obiettivo: {{ soglia }}. In sintesi:"
colonna_regola = "Come si calcola"
"""


@pytest.fixture(scope="module")
def consuntivo() -> pianodocs.Plan:
    return pianodocs.load_workbook(SAMPLES / "cciaa_pistoia_2020_consuntivo.xlsx")


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_the_relazione_follows_its_texts_in_both_formats(consuntivo: pianodocs.Plan, tmp_path: Path, suffix: str) -> None:
    folder = overrides(tmp_path / "modelli", "relazione-performance", RELAZIONE_TEXTS)
    path = pianodocs.render(consuntivo, "relazione-performance", tmp_path / f"relazione{suffix}", template_dir=folder)
    text = pdf_text(path) if suffix == ".pdf" else docx_text(path)
    assert "Sintesi dei risultati dell'anno 2020" in text and "La performance di Ente nel 2020" not in text
    assert "Soglia di raggiungimento di ogni obiettivo: 80%. In sintesi:" in text
    assert "Un obiettivo è raggiunto quando" not in text
    assert "Come si calcola" in text and "Regola" not in text
    assert "Il cruscotto di Ente: risultati al 31/12/2020" in text  # a title the file does not redefine


def test_a_bold_text_stays_bold_and_a_value_filling_it_stays_literal(consuntivo: pianodocs.Plan) -> None:
    words = relazione_performance.texts()
    runs = words.runs(
        "sintesi",
        data="**31/12**",
        ente="92%",
        raggiunta=True,
        soglia="80%",
        regola="media [x](http://e.it)",
        per_prospettiva=True,
    )
    assert [run.text for run in runs if run.bold] == ["al 92%"]
    assert "**31/12**" in runs[0].text and "media [x](http://e.it)" in runs[-1].text
    assert not any(run.link for run in runs)


# --- the monitoring: its method note and a column heading ---------------------------------------

MONITORING_TEXTS = """
[testi]
titolo_nota_metodologica = "Come si legge la colonna Performance"
colonna_formula = "Formula di calcolo"
"""


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_the_monitoring_follows_its_texts_in_both_formats(tmp_path: Path, suffix: str) -> None:
    plan = pianodocs.load_workbook(SAMPLES / "cciaa_prato_2020.xlsx")
    folder = overrides(tmp_path / "modelli", "monitoraggio", MONITORING_TEXTS)
    path = pianodocs.render(plan, "monitoraggio", tmp_path / f"monitoraggio{suffix}", template_dir=folder)
    text = pdf_text(path) if suffix == ".pdf" else docx_text(path)
    assert "Come si legge la colonna Performance" in text
    assert "Nota metodologica" not in text
    assert "Formula di calcolo" in text and not re.search(r"\bFormula\b(?! di calcolo)", text)


# --- the Piano: the cruscotto's and the cascading sheets' column headings -----------------------

PIANO_TEXTS = """
[testi]
cruscotto_algoritmo = "Formula di calcolo"
cascading_valenza = "Come si misura"
"""


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_the_piano_follows_its_texts_in_both_formats(pistoia: pianodocs.Plan, tmp_path: Path, suffix: str) -> None:
    folder = overrides(tmp_path / "modelli", "piano-performance", PIANO_TEXTS)
    path = pianodocs.render(
        pistoia, "piano-performance", tmp_path / f"piano{suffix}", workbook_folder=SAMPLES, template_dir=folder
    )
    text = pdf_text(path) if suffix == ".pdf" else docx_text(path)
    assert "Formula di calcolo" in text and "ALGORITMO" not in text
    assert "Come si misura" in text and "Valenza informativa" not in text
    assert "INDICATORE" in text  # the headings the file leaves alone


# --- the mechanism ------------------------------------------------------------------------------


def test_a_column_set_follows_the_order_of_the_file(unioncamere: pianodocs.Plan, tmp_path: Path) -> None:
    folder = overrides(tmp_path, "pira", '[colonne.indicatori]\ntarget = "Atteso {{ anno }}"\nindicatore = "Nome"\n')
    table = next(
        b for b in pira.build(unioncamere, template_dir=folder).blocks if isinstance(b, Table) and b.name == "pira-indicatori"
    )
    assert [c.text for c in table.header[0].cells] == ["Atteso 2021", "Nome"]
    assert table.widths == (23.08, 76.92)  # each column keeps its relative width (9 and 30), renormalised
    targets = {i.name: i.targets[2021].text for i in unioncamere.indicators if i.in_pira}
    assert [row.cells[0].text for row in table.body] == [targets[row.cells[1].text.split("\n")[0]] for row in table.body]


def test_a_kind_without_texts_is_an_error_not_an_empty_document() -> None:
    with pytest.raises(TextsError, match="non si può leggere"):
        texts_of("inesistente")


def test_a_text_the_package_does_not_define_is_refused() -> None:
    with pytest.raises(TextsError, match="la chiave 'titolo_inventato' non è definita per il documento 'pira'"):
        pira.texts()("titolo_inventato")


@pytest.mark.parametrize(
    ("percent", "preposition", "expected"),
    [
        ("92%", "a", "al 92%"),
        ("80%", "de", "dell'80%"),
        ("8%", "a", "all'8%"),
        ("11%", "su", "sull'11%"),
        ("100%", "a", "al 100%"),
    ],
)
def test_the_article_filter_elides_before_a_vowel(percent: str, preposition: str, expected: str) -> None:
    assert with_article(percent, preposition) == expected
