"""The PIAO (issue 14), built from the small plans of tests/piao_plan.py: its sections, tables and totals, read back
from the view model and from the PDF (pypdf), in the ordinary and in the simplified variant.

The figures checked are worked out by hand next to their data in tests/piao_plan.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pikepdf
import pytest
from pypdf import PdfReader

import pianodocs
from pianodocs.documents.piao import SECTION_KEYS
from pianodocs.documents.piao_people import hierarchy
from pianodocs.model import Section, Structure, TextBlock
from pianodocs.model_piao import StaffCategory
from pianodocs.render import build_document
from pianodocs.view.model import Document, Heading, Paragraph, Table, TableOfContents

from .piao_plan import NARRATIVE, ordinary_plan, simplified_plan, sparse_plan
from .test_accessibility import descendants, structure
from .text import dehyphenate, document_words
from .typeset import measure

ORDINARY_HEADINGS = [
    ("1", "Scheda anagrafica dell'amministrazione"),
    ("2", "Valore pubblico, Performance e Anticorruzione"),
    ("2.1", "Valore pubblico"),
    ("2.2", "Performance"),
    ("2.3", "Rischi corruttivi e trasparenza"),
    ("3", "Organizzazione e capitale umano"),
    ("3.1", "Struttura organizzativa"),
    ("3.2", "Organizzazione del lavoro agile"),
    ("3.3", "Piano triennale dei fabbisogni di personale"),
    ("4", "Monitoraggio"),
]
SIMPLIFIED_HEADINGS = [heading for heading in ORDINARY_HEADINGS if heading[0] not in ("2.1", "2.2", "4")]


def _flat(text: str, words: set[str] | frozenset[str] = frozenset()) -> str:
    return re.sub(r"\s+", " ", dehyphenate(text, words)).strip()


def headings(document: Document) -> list[tuple[str, str]]:
    return [(block.number, block.title) for block in document.blocks if isinstance(block, Heading)]


def table_named(document: Document, name: str) -> Table:
    return next(block for block in document.blocks if isinstance(block, Table) and block.name == name)


class Rendered:
    def __init__(self, path: Path, document: Document) -> None:
        self.path = path
        self.document = document
        words = document_words(document)
        self.pages = [_flat(page.extract_text(), words) for page in PdfReader(path).pages]
        self.text = " ".join(self.pages)


@pytest.fixture(scope="module")
def ordinary(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    path = pianodocs.render(ordinary_plan(), "piao", tmp_path_factory.mktemp("piao") / "piao.pdf")
    return Rendered(path, build_document(ordinary_plan(), "piao"))


@pytest.fixture(scope="module")
def simplified(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    path = pianodocs.render(simplified_plan(), "piao", tmp_path_factory.mktemp("piao-s") / "piao.pdf")
    return Rendered(path, build_document(simplified_plan(), "piao"))


# --- the view model ------------------------------------------------------------------------------------------------


def test_the_ordinary_piao_has_the_sections_of_the_dm_numbered_as_it_numbers_them() -> None:
    document = build_document(ordinary_plan(), "piao")
    assert headings(document) == ORDINARY_HEADINGS
    assert isinstance(document.blocks[0], TableOfContents)
    assert document.title == "Piano Integrato di Attività e Organizzazione 2025-2027"
    assert document.cover is not None and document.cover.title == "PIANO INTEGRATO DI ATTIVITÀ E ORGANIZZAZIONE"


def test_the_simplified_piao_has_the_registry_2_3_and_section_3_without_training() -> None:
    document = build_document(simplified_plan(), "piao")
    assert headings(document) == SIMPLIFIED_HEADINGS
    assert document.cover is not None and "SEMPLIFICATO" in document.cover.title
    names = {block.name for block in document.blocks if isinstance(block, Table)}
    assert {"piao-anagrafica", "piao-rischi", "piao-misure", "piao-trasparenza", "piao-strutture", "piao-fabbisogni"} <= names
    assert not names & {"piao-valore-pubblico", "cruscotto-ente", "piao-ambiti", "piao-formazione", "piao-monitoraggio"}


def test_a_section_without_data_prints_nothing_not_even_its_heading() -> None:
    document = build_document(sparse_plan(), "piao")
    assert headings(document) == [
        ("1", "Scheda anagrafica dell'amministrazione"),
        ("2", "Valore pubblico, Performance e Anticorruzione"),
        ("2.3", "Rischi corruttivi e trasparenza"),
    ]
    assert [block.name for block in document.blocks if isinstance(block, Table)] == ["piao-anagrafica", "piao-rischi"]
    assert "adottato" not in " ".join(document_words(document))  # no act named: no sentence about it
    only_total = attrs.evolve(sparse_plan(), staff=(StaffCategory("Totale", 38, is_total=True),))
    registry = table_named(build_document(only_total, "piao"), "piao-anagrafica")
    assert not any(row.cells[0].text.startswith("Dipendenti") for row in registry.body)  # no category: no count


def test_the_staffing_total_row_is_computed_and_the_typed_total_not_printed() -> None:
    rows = [
        [cell.text for cell in row.cells] for row in table_named(build_document(ordinary_plan(), "piao"), "piao-fabbisogni").body
    ]
    assert rows == [
        ["Dirigenti", "2", "0", "0", "2", "0", "1", "1", "0", "0", "1"],
        ["Funzionari", "12", "2", "1", "13", "1", "0", "14", "0", "2", "12"],
        ["Istruttori", "20", "1", "3", "18", "0", "1", "17", "2", "0", "19"],
        ["Operatori", "4", "0", "0", "4", "0", "1", "3", "0", "0", "3"],
        ["Totale", "38", "3", "4", "37", "1", "3", "35", "2", "2", "35"],
    ]


def test_the_texts_come_from_testi_piao_toml_and_a_modelli_folder_changes_them(tmp_path: Path) -> None:
    (tmp_path / "testi").mkdir()
    (tmp_path / "testi" / "piao.toml").write_text(
        '[testi]\nsottosezione_rischi = "Anticorruzione e trasparenza"\n'
        'condizione_servizi = "1. Servizi agli utenti invariati"\npersonale_totale = "Totale generale"\n',
        encoding="utf-8",
    )
    document = build_document(ordinary_plan(), "piao", template_dir=tmp_path)
    assert ("2.3", "Anticorruzione e trasparenza") in headings(document)
    words = " ".join(document_words(document))
    assert "invariati" in words and "Nessun pregiudizio" not in words
    assert table_named(document, "piao-fabbisogni").body[-1].cells[0].text == "Totale generale"


def test_each_section_key_places_the_workbooks_text_right_under_its_heading_even_without_data() -> None:
    sections = tuple(Section(key, "titolo scritto nel workbook", 1, document="piao") for key in SECTION_KEYS)
    blocks = tuple(TextBlock(key, "paragrafo", f"Testo proprio della sezione {key}.") for key in SECTION_KEYS)
    document = build_document(attrs.evolve(sparse_plan(), sections=sections, text_blocks=blocks), "piao")
    assert [number for number, _ in headings(document)] == [number for number, _ in ORDINARY_HEADINGS]
    for key in SECTION_KEYS:
        index = next(i for i, b in enumerate(document.blocks) if isinstance(b, Heading) and b.anchor == f"piao-{key}")
        following = document.blocks[index + 1]
        assert isinstance(following, Paragraph) and following.text == f"Testo proprio della sezione {key}.", key
    assert "titolo scritto nel workbook" not in " ".join(b.title for b in document.blocks if isinstance(b, Heading))


def test_docs_list_every_section_key() -> None:
    text = (Path(__file__).resolve().parent.parent / "docs" / "piao.md").read_text(encoding="utf-8")
    assert all(f"| `{key}` |" in text for key in SECTION_KEYS)


# --- the PDF ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("variant", ["ordinary", "simplified"])
def test_pdf_sommario_numbers_are_the_pages_where_the_headings_start(variant: str, request: pytest.FixtureRequest) -> None:
    rendered: Rendered = request.getfixturevalue(variant)
    pages = rendered.pages
    sommario = next(index for index, page in enumerate(pages) if page.startswith("SOMMARIO"))
    entries = re.findall(r"\s*(.+?) \.{4,}\s*(\d+)", pages[sommario].removeprefix("SOMMARIO"))
    expected = ORDINARY_HEADINGS if variant == "ordinary" else SIMPLIFIED_HEADINGS
    assert [title.strip() for title, _ in entries] == [f"{number} {title}" for number, title in expected]
    for title, page_number in entries:
        assert pages[int(page_number) - 1].find(title.strip()) >= 0, (title, page_number)
        assert all(title.strip() not in earlier for earlier in pages[sommario + 1 : int(page_number) - 1]), title


def test_pdf_registry_with_the_adoption_act_and_the_budget(ordinary: Rendered) -> None:
    text = ordinary.text
    assert "PIANO INTEGRATO DI ATTIVITÀ E ORGANIZZAZIONE 2025-2027" in ordinary.pages[0]  # the title's words whole
    assert "PEC protocollo@pec.valserena.example" in text
    assert "Telefono 0999 123456" in text
    assert "Responsabile della prevenzione della corruzione e della trasparenza dott. Marco Ferrandi" in text
    assert "Dipendenti in servizio al 31/12/2024 38" in text  # 2 + 12 + 20 + 4, the typed total left out
    assert "Imprese iscritte al Registro delle imprese 24.318" in text
    assert (
        "Il Piano è adottato con deliberazione della Giunta n. 5 del 30 gennaio 2025. È coerente con il bilancio di "
        "previsione approvato con deliberazione del Consiglio n. 12 del 18 dicembre 2024."
    ) in text


def test_pdf_public_value_objectives_specific_under_general_and_the_actions(ordinary: Rendered) -> None:
    text = ordinary.text
    assert NARRATIVE in text  # the workbook's text for the section 'valore-pubblico'
    assert (
        "Codice Obiettivo di valore pubblico Obiettivi strategici collegati Indicatore di impatto Baseline "
        "Target 2025 Target 2026 Target 2027 Fonte Risorse (euro)"
    ) in text
    assert "Giorni medi per avviare un'impresa 12 10 9 8 Registro delle imprese 150.000,00" in text
    assert "70% 80% 85% 90% 60.000,00" in text
    # the specific objective VP1.1 sits under its general one VP1, before VP2
    assert text.index("VP1 Fare impresa") < text.index("VP1.1 Pratiche più rapide") < text.index("VP2 Una Camera aperta")
    assert "Obiettivi e azioni di accessibilità fisica e digitale" in text
    assert "accessibilità fisica AF1 Rampa e percorso tattile all'ingresso della sede VP2" in text
    assert "Procedure da semplificare e reingegnerizzare" in text
    assert "reingegnerizzazione R1 Certificati di origine rilasciati online VP1 imprese esportatrici" in text


def test_pdf_performance_is_the_piano_cruscotto_with_the_piao_marks(ordinary: Rendered) -> None:
    text = ordinary.text
    assert "Pratiche evase entro cinque giorni A.1.1 60% >=80% >=85% >=90%" in text  # weight, a target per year
    assert "Obiettivo operativo A.2.1 - Piano delle azioni positive" in text
    assert (
        "Codice Obiettivo operativo Obiettivo strategico Semplificazione Digitalizzazione Accessibilità Parità di genere" in text
    )
    assert "A.1.1 Pratiche del Registro tutte telematiche A.1 ● ●" in text
    assert "A.2.2 Gestione documentale ordinata A.2 Obiettivi di semplificazione" in text  # no mark
    assert "Obiettivi di semplificazione, digitalizzazione, accessibilità e parità di genere" in text
    for item in (
        "Semplificazione: A.1.1 Pratiche del Registro tutte telematiche",
        "Digitalizzazione: A.1.1 Pratiche del Registro tutte telematiche",
        "Accessibilità: A.1.2 Sportello accessibile su appuntamento",
        "Parità di genere: A.2.1 Piano delle azioni positive",
    ):
        assert item in text


def test_pdf_risks_by_area_with_their_level_the_measures_and_the_transparency_map(ordinary: Rendered) -> None:
    text = ordinary.text
    assert "Codice Processo Evento rischioso Struttura Probabilità Impatto Livello di rischio" in text
    assert "Area di rischio: Contratti pubblici R1 Affidamento diretto" in text
    assert "Frazionamento artificioso dell'appalto Area Risorse e bilancio medio alto alto" in text  # medio x alto
    assert "Attestazione di prestazioni non rese Area Risorse e bilancio basso alto medio" in text  # basso x alto
    assert "Area di rischio: Sovvenzioni e contributi R3" in text
    assert "Area Servizi alle imprese basso basso medio Motivazione: giudizio alzato dal RPCT" in text  # as judged
    assert "Codice Misura Rischi trattati Ambito Tipologia Responsabile Tempi Indicatore Target" in text
    assert "R1, R2, R3 generale formazione RPCT ogni anno Dipendenti formati >=90%" in text
    assert "Sotto-sezione Obbligo Riferimento normativo Struttura responsabile Aggiornamento" in text
    assert "Personale Tassi di assenza d.lgs. 33/2013, art. 16 Ufficio Personale trimestrale" in text


def test_pdf_structures_in_hierarchical_order(ordinary: Rendered) -> None:
    text = ordinary.text
    assert "Codice Struttura Tipo Struttura di riferimento Responsabile" in text
    assert "A1.1 Ufficio Registro delle imprese ufficio Area Servizi alle imprese Lorenzo Casagrande" in text
    order = [
        text.index(f"{code} {name}")
        for code, name in (
            ("SG", "Segreteria generale"),
            ("A1", "Area Servizi"),
            ("A1.1", "Ufficio Registro"),
            ("A2", "Area Risorse"),
            ("A2.1", "Ufficio Personale"),
        )
    ]
    assert order == sorted(order)


def test_pdf_smart_working_has_each_of_the_five_conditions_under_its_label(ordinary: Rendered) -> None:
    text = ordinary.text
    assert "Le condizioni del lavoro agile (DM 132/2022, art. 4, comma 1, lettera b)" in text
    for label, condition in (
        ("1. Nessun pregiudizio o riduzione della fruizione dei servizi resi agli utenti", "Gli sportelli restano aperti"),
        ("2. Adeguata rotazione del personale, con prevalenza del lavoro in presenza per ciascun lavoratore", "Ogni dipendente"),
        (
            "3. Piattaforma digitale, cloud o strumenti che garantiscono la riservatezza dei dati trattati a distanza",
            "Accesso da remoto",
        ),
        ("4. Piano di smaltimento del lavoro arretrato", "Nessun arretrato"),
        ("5. Dotazione tecnologica adeguata del personale", "Un portatile"),
    ):
        assert f"{label} {condition}" in text
    assert "Dipendenti in lavoro agile: 9." in text


def test_pdf_staffing_plan_with_its_computed_totals_and_the_training_by_year(ordinary: Rendered) -> None:
    text = ordinary.text
    assert "In servizio al 31/12/2024" in text and "In servizio al 31/12/2027" in text
    assert "Funzionari 12 2 1 13 1 0 14 0 2 12" in text  # 12 + 2 hires - 1 leaver = 13 at 31/12/2025
    assert "Totale 38 3 4 37 1 3 35 2 2 35" in text
    assert text.count("Totale 38") == 1
    assert "Anno Tema Destinatari Modalità Ore Partecipanti" in text
    assert "Totale 2025 18 58" in text  # 6 + 12 hours, 38 + 20 participants
    assert "Totale 2026 4 15" in text


def test_pdf_monitoring_and_the_satisfaction_surveys(ordinary: Rendered) -> None:
    text = ordinary.text
    assert "Sezione Oggetto Modalità Tempistica Responsabile" in text
    assert "2.2 Performance Obiettivi operativi Rilevazione semestrale degli indicatori luglio e gennaio OIV" in text
    assert "Confronto con il piano dei fabbisogni annuale Ufficio Personale" in text
    assert "Servizio Modalità Destinatari Periodo Indicatore Target" in text
    assert "Registro delle imprese questionario online imprese utenti ottobre Utenti soddisfatti >=85%" in text


def test_pdf_simplified_has_its_sections_and_none_of_the_others(simplified: Rendered) -> None:
    text = simplified.text
    assert "PIANO INTEGRATO DI ATTIVITÀ E ORGANIZZAZIONE (SEMPLIFICATO)" in simplified.pages[0]
    for present in (
        "2.3 Rischi corruttivi e trasparenza",
        "Frazionamento artificioso dell'appalto",
        "3.1 Struttura organizzativa",
        "3.2 Organizzazione del lavoro agile",
        "4. Piano di smaltimento del lavoro arretrato",
        "3.3 Piano triennale dei fabbisogni di personale",
        "Totale 38 3 4 37 1 3 35 2 2 35",
    ):
        assert present in text, present
    for absent in (
        "2.1 Valore pubblico",
        "2.2 Performance",
        "4 Monitoraggio",
        "Obiettivi di valore pubblico",
        "INDICATORE",
        "Piano della formazione",
        "Indagini di soddisfazione",
    ):
        assert absent not in text, absent


def test_pdf_wide_tables_go_on_landscape_pages(ordinary: Rendered) -> None:
    reader = PdfReader(ordinary.path)

    def landscape(snippet: str) -> bool:
        index = next(index for index, page in enumerate(ordinary.pages) if snippet in page)
        box = reader.pages[index].mediabox
        return bool(box.width > box.height)

    assert landscape("Totale 38 3 4 37")  # eleven columns
    assert landscape("Livello di rischio")
    assert not landscape("Dipendenti in servizio al 31/12/2024")  # two columns
    assert not landscape("Articolazione organizzativa")


@pytest.mark.parametrize("variant", ["ordinary", "simplified"])
def test_pdf_is_pdfa_tagged_in_italian_with_its_headings_and_table_headers(variant: str, request: pytest.FixtureRequest) -> None:
    rendered: Rendered = request.getfixturevalue(variant)
    with pikepdf.open(rendered.path) as pdf:
        metadata = pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False)
        assert metadata.pdfa_status == "2A"
        assert pdf.Root.MarkInfo.Marked is True
        assert str(pdf.Root.Lang) == "it-IT"
        assert str(pdf.docinfo["/Title"]) == rendered.document.title
        elements = structure(pdf)
        levels = [str(e.S) for e in elements if str(e.S) in {"/H1", "/H2", "/H3"}]
        expected = ["/H1"] + [f"/H{block.level}" for block in rendered.document.blocks if isinstance(block, Heading)]
        assert levels == expected  # the SOMMARIO's title, then the document's headings
        tables = [e for e in elements if e.S == "/Table"]
        assert len(tables) == sum(1 for block in rendered.document.blocks if isinstance(block, Table))
        assert all(any(cell.S == "/TH" for cell in descendants(table)) for table in tables)


@pytest.mark.parametrize("variant", ["ordinary", "simplified"])
def test_pdf_typesetting_no_broken_word_no_orphan_no_near_empty_page(variant: str, request: pytest.FixtureRequest) -> None:
    rendered: Rendered = request.getfixturevalue(variant)
    found = measure(rendered.path, rendered.document)
    assert (found.broken_words, found.orphans, found.near_empty_pages) == ((), (), ())


def test_pdf_a_table_caption_starts_the_page_its_table_starts_on(ordinary: Rendered) -> None:
    # WeasyPrint may break between a caption and its rows: the caption (and the heading above it) would end a page
    for block in ordinary.document.blocks:
        if isinstance(block, Table) and block.caption and block.header:
            first = _flat(block.header[0].cells[0].text)
            page = next(page for page in ordinary.pages if block.caption in page)
            assert f"{block.caption} {first}" in page, block.caption


def test_structures_under_an_unknown_parent_or_in_a_cycle_are_printed_once_each() -> None:
    structures = (
        Structure("X", "Ufficio staccato", "ufficio", parent="NON-ESISTE"),
        Structure("C1", "Primo di un ciclo", "ufficio", parent="C2"),
        Structure("C2", "Secondo di un ciclo", "ufficio", parent="C1"),
        Structure("X.1", "Sotto l'ufficio staccato", "ufficio", parent="X"),
    )
    assert [s.code for s in hierarchy(structures)] == ["X", "X.1", "C1", "C2"]
