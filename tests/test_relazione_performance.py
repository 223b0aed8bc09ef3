"""The Relazione sulla Performance 2020 of the Pistoia sample with illustrative year-end values: view model, PDF, DOCX."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from collections import Counter
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

import attrs
import docx
import pytest
from pypdf import PdfReader

import pianodocs
from pianodocs.backends.docx import convert_with_libreoffice
from pianodocs.documents import relazione_performance as relazione
from pianodocs.kinds import MissingDataError
from pianodocs.model import Act, Indicator, Measurement, Revision, RevisionKind, TextBlock
from pianodocs.render import build_document
from pianodocs.scoring import IndicatorScore, Scorecard, percent_text, score
from pianodocs.theme import default_theme
from pianodocs.values import parse_value
from pianodocs.view.model import Document, Figure, Heading, Paragraph, Table

from .conftest import SAMPLES
from .text import dehyphenate, document_words

AT = dt.date(2020, 12, 31)
DASHBOARD = ("ente", "entrambi")
NOTE = "Valori a consuntivo 2020 illustrativi: non pubblicati nei documenti di origine"
# the sample's missed indicators (below 80%) and the one left without a value: see sources/pistoia_2020_consuntivo.py
VARIANCES = {"IND-A34-1": "78%", "IND-B14-5": "77%", "IND-B21-2": "68%", "IND-E1-3": "0%", "IND-I31-1": "76%", "IND-H1-1": "60%"}
# the map's and the chart's colours in pianodocs' theme (templates/tema.toml)
COLOURS = {
    name: default_theme().colour(key)
    for name, key in (
        ("reached", "esiti.raggiunto"),
        ("missed", "esiti.non-raggiunto"),
        ("white", "mappa.obiettivo-fuori-cruscotto"),
    )
}


def _flat(text: str, words: Iterable[str] = ()) -> str:
    """The text as a person reads it: words hyphenated at a line end rejoined (also where pypdf puts the next line
    of a cell beside it, for the document's ``words``), white space flattened."""
    return re.sub(r"\s+", " ", dehyphenate(text, words)).strip()


def _packed(text: str) -> str:
    return "".join(dehyphenate(text).split())


@pytest.fixture(scope="module")
def plan() -> pianodocs.Plan:
    return pianodocs.load_workbook(SAMPLES / "cciaa_pistoia_2020_consuntivo.xlsx")


@pytest.fixture(scope="module")
def card(plan: pianodocs.Plan) -> Scorecard:
    return score(plan, AT, year=2020)


@pytest.fixture(scope="module")
def document(plan: pianodocs.Plan) -> Document:
    return relazione.build(plan)


def _table(document: Document, name: str) -> Table:
    return next(block for block in document.blocks if isinstance(block, Table) and block.name == name)


def _cruscotto(card: Scorecard) -> list[IndicatorScore]:
    return [s for s in card.indicators if s.indicator.dashboard in DASHBOARD]


def _text(document: Document) -> str:
    parts = []
    for block in document.blocks:
        if isinstance(block, Paragraph | Heading):
            parts.append(block.text)
        elif isinstance(block, Table):
            parts.extend(c.text for row in (*block.header, *block.body) for c in row.cells)
        elif hasattr(block, "items"):
            parts.extend("".join(run.text for run in item) for item in block.items)
    return _flat(" ".join(parts))


# --- the sample ---------------------------------------------------------------------------------


def test_the_sample_is_marked_illustrative_and_measured_at_the_year_end(plan: pianodocs.Plan, card: Scorecard) -> None:
    assert (plan.kind, plan.title, plan.illustrative, plan.data_note) == (
        "relazione-performance",
        "Relazione sulla Performance 2020",
        True,
        NOTE,
    )
    year_end = {m.indicator for m in plan.measurements if m.date == AT}
    in_force = {s.code for s in _cruscotto(card) if s.counted}
    assert in_force <= year_end, "every cruscotto indicator in force has a value at 31/12/2020"
    reached = [s for s in _cruscotto(card) if s.counted and s.achievement is not None and s.achievement >= Decimal("0.8")]
    assert 0.8 <= len(reached) / len(in_force) < 0.95
    manual = [s for s in card.indicators if s.manual]
    assert [(s.code, s.percent, s.target.kind.name if s.target else "") for s in manual] == [("IND-H1-1", "60%", "FREE_TEXT")]
    sections = [s for s in plan.sections if s.document == "relazione-performance"]
    assert [s.title for s in sections][:2] == ["PRESENTAZIONE", "SINTESI DEI PRINCIPALI RISULTATI"]
    notes = [b.content for b in plan.text_blocks if b.kind == "nota" and b.section in {s.key for s in sections}]
    assert len(notes) == len(sections) and all("illustrativ" in note.casefold() for note in notes)


def test_the_sample_validates() -> None:
    workbook = SAMPLES / "cciaa_pistoia_2020_consuntivo.xlsx"
    result = subprocess.run([sys.executable, "-m", "pianodocs", "validate", str(workbook)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


# --- the view model -----------------------------------------------------------------------------


def test_applies(plan: pianodocs.Plan, pistoia: pianodocs.Plan, pistoia_revised: pianodocs.Plan) -> None:
    assert relazione.applies(plan)
    assert not relazione.applies(pistoia), "no measurements"
    why = relazione.applies(pistoia_revised)
    assert not why, "measurements at 30/06 only"
    assert why.reason.startswith(
        "Il workbook non ha misurazioni al 31/12/2020: la Relazione sulla Performance 2020 richiede i valori di fine anno"
    )
    assert "l'ultima misurazione del 2020 è al 30/06/2020" in why.reason and "--al" in why.reason
    year_end = Measurement("IND-E2-1", dt.date(2020, 12, 31), parse_value("2"))
    assert relazione.applies(attrs.evolve(pistoia_revised, measurements=(*pistoia_revised.measurements, year_end)))
    next_year_end = attrs.evolve(year_end, date=dt.date(2021, 12, 31))
    assert not relazione.applies(attrs.evolve(pistoia_revised, measurements=(next_year_end,))), "the reference year's"


def test_refused_without_year_end_values(pistoia_revised: pianodocs.Plan) -> None:
    """Never '71% al 31/12' from 30/06 values: the library refuses, with the message render all prints."""
    with pytest.raises(MissingDataError) as refusal:
        relazione.build(pistoia_revised)
    assert str(refusal.value) == relazione.applies(pistoia_revised).reason
    with pytest.raises(MissingDataError, match="non è del 2020"):
        relazione.build(pistoia_revised, at=dt.date(2021, 6, 30))
    with pytest.raises(MissingDataError, match="non ha misurazioni del 2020 al 31/03/2020 o prima"):
        relazione.build(pistoia_revised, at=dt.date(2020, 3, 31))


def _dated_texts(document: Document) -> list[str]:
    """Every text that states the data's date: cover, header, headings, sentences, captions, alt texts, table headers."""
    texts = [document.title, document.subject, document.cover.subtitle, document.running_header]
    for block in document.blocks:
        if isinstance(block, Paragraph | Heading):
            texts.append(block.text)
        elif isinstance(block, Figure):
            texts += [block.caption, block.alt, block.svg]
        elif isinstance(block, Table):
            texts += [c.text for row in block.header for c in row.cells]
        elif hasattr(block, "items"):
            texts += ["".join(run.text for run in item) for item in block.items]
    return texts


def test_on_request_the_relazione_states_the_real_date(pistoia_revised: pianodocs.Plan) -> None:
    document = relazione.build(pistoia_revised, at=dt.date(2020, 6, 30))
    texts = _dated_texts(document)
    assert [text for text in texts if "31/12" in text] == []
    assert document.title == "Relazione sulla Performance 2020 su dati al 30/06/2020"
    assert document.cover.subtitle == "2020 su dati al 30/06/2020"
    assert document.running_header == "Relazione sulla Performance 2020 su dati al 30/06/2020"
    text = _text(document)
    assert "La percentuale sintetica di realizzazione della performance di Ente al 30/06/2020 è pari al" in text
    assert "indicatori del cruscotto di Ente in vigore al 30/06/2020:" in text
    figures = {b.caption.split(":")[0]: b for b in document.blocks if isinstance(b, Figure)}
    assert "Mappa strategica al 30/06/2020" in figures
    chart = figures["Grado di realizzazione delle linee strategiche al 30/06/2020"]
    assert "linee strategiche al 30/06/2020, con la linea della soglia" in chart.alt
    headers = [c.text for c in _table(document, "relazione-risultati").header[0].cells]
    assert "Valore al 30/06/2020" in headers
    assert "Realizzazione al 30/06/2020" in [c.text for c in _table(document, "relazione-prospettive").header[0].cells]
    assert "Il cruscotto di Ente: risultati al 30/06/2020" in [h.title for h in document.headings]


def test_an_indicator_inserted_the_next_year_is_not_in_the_relazione(plan: pianodocs.Plan, document: Document) -> None:
    """Inserted on 15/07/2021: in the Relazione 2020 it is neither listed nor counted as eliminated."""
    act = Act("GC-70-2021", "Giunta", "70", dt.date(2021, 7, 15))
    new = Indicator("IND-NEW-1", "B.2.1", "Indicatore inserito nel 2021", weight=None, dashboard="ente")
    later = attrs.evolve(
        plan,
        acts=(*plan.acts, act),
        indicators=(*plan.indicators, new),
        revisions=(*plan.revisions, Revision(RevisionKind.INDICATOR_INSERTED, "IND-NEW-1", act.code, 2021, new="5")),
    )
    text = _text(relazione.build(later))
    assert "Indicatore inserito nel 2021" not in text and "IND-NEW-1" not in text
    assert "; 1 eliminato in corso d'anno e non conteggiato." in _text(document)
    assert "; 1 eliminato in corso d'anno e non conteggiato." in text
    assert "indicatori del cruscotto di Ente in vigore al 31/12/2020: 56," in text


def test_an_objective_is_tabled_under_its_own_perspective(plan: pianodocs.Plan) -> None:
    """G sits in line G (Processi interni) but declares Tessuto economico locale: its rows move there."""
    moved = tuple(attrs.evolve(o, perspective="TEL") if o.code == "G" else o for o in plan.strategic_objectives)
    document = relazione.build(attrs.evolve(plan, strategic_objectives=moved))
    rows = [row.cells[0].text for row in _table(document, "relazione-risultati").body]
    bands = [text for text in rows if text.startswith(("PROSPETTIVA BSC", "Obiettivo strategico G "))]
    g = next(index for index, text in enumerate(bands) if text.startswith("Obiettivo strategico G "))
    perspective = next(text for text in reversed(bands[:g]) if text.startswith("PROSPETTIVA BSC"))
    names = {p.code: p.name for p in plan.perspectives}
    assert perspective == f"PROSPETTIVA BSC: {names['TEL'].upper()}"
    table = [[c.text for c in row.cells] for row in _table(document, "relazione-prospettive").body]
    tel = next(i for i, row in enumerate(table) if row[0] == names["TEL"].upper())
    following = next(i for i, row in enumerate(table) if i > tel and row[0].isupper() and " - " not in row[0])
    assert any(row[0].startswith("G - ") for row in table[tel:following])


def test_a_line_split_across_perspectives_shows_each_part(plan: pianodocs.Plan, card: Scorecard) -> None:
    """H1 declares Tessuto economico locale, H2 and H3 keep their line's: line H counts in both perspectives."""
    moved = tuple(attrs.evolve(o, perspective="TEL") if o.code == "H1" else o for o in plan.strategic_objectives)
    split = attrs.evolve(plan, strategic_objectives=moved)
    document = relazione.build(split)
    names = {p.code: p.name for p in plan.perspectives}
    rows = [[c.text for c in row.cells] for row in _table(document, "relazione-prospettive").body]
    h = [(index, row) for index, row in enumerate(rows) if row[0].startswith("H - ")]
    assert len(h) == 2
    tel = next(index for index, row in enumerate(rows) if row[0] == names["TEL"].upper())
    ica = next(index for index, row in enumerate(rows) if row[0] == names["ICA"].upper())
    in_tel = next(row for index, row in h if tel < index < (ica if ica > tel else len(rows)))
    assert in_tel[0].endswith("(obiettivi della prospettiva TEL)") and in_tel[1] == card.objective("H1").percent == "60%"
    moved_card = score(split, AT, year=2020)
    assert [p.code for p in moved_card.perspective("TEL").parts].count("H") == 1


# the sample's missed indicators (below 80%): see sources/pistoia_2020_consuntivo.py; each by hand from its value at
# 31/12/2020 and its target in force (DOMAIN.md: higher is better, min(actual / target, 1); a deadline missed is 0%;
# H1's free-text target carries a manual 60%), with the percentage as printed
VARIANCES_BY_HAND = {
    "IND-A34-1": (Decimal("70.50") / 90, "78%"),  # 70,50% of 90% = 78,33%
    "IND-B14-5": (Decimal("5.4") / 7, "77%"),  # 5,4 of 7 = 77,14%
    "IND-B21-2": (Decimal("1.90") / Decimal("2.80"), "68%"),  # 1,90% of 2,80% (revised by G.C. 63/2020) = 67,86%
    "IND-E1-3": (Decimal(0), "0%"),  # OCRI: deadline 15/08/2020, not done by 31/12/2020
    "IND-I31-1": (Decimal("9.10") / 12, "76%"),  # 9,10% of 12% = 75,83%
    "IND-H1-1": (Decimal("0.60"), "60%"),  # manual
}


def test_the_variances_by_hand(card: Scorecard) -> None:
    assert {code: printed for code, (_, printed) in VARIANCES_BY_HAND.items()} == VARIANCES
    for code, (achievement, printed) in VARIANCES_BY_HAND.items():
        assert f"{round(achievement * 100)}%" == printed, "the hand computation (no half to round here)"
        assert abs(card.indicator(code).achievement - achievement) < Decimal("1e-20"), code
        assert card.indicator(code).percent == printed


def test_the_ente_percentage_by_hand(card: Scorecard) -> None:
    """The 92% of the illustrative Relazione computed by hand, as DOMAIN.md's roll-up says.

    Line E from its indicators' year-end values: E1 is the weighted mean of IND-E1-1 (0,31% of the revised 0,35%),
    IND-E1-2 (47% of 50%) and IND-E1-3 (the OCRI, a deadline missed), weights 30/20/50; E2 is IND-E2-1 (2 of 1,
    capped); E.2.4 has nothing evaluable; E is the plain mean of E1 and E2. The other strategic objectives enter
    with their percentages as printed (characterization: pinned from the code's output on 2026-12-01); lines
    are plain means of their objectives, perspectives of their lines, the ente of its four perspectives.
    """
    e1 = Decimal("0.31") / Decimal("0.35") * Decimal("0.3") + Decimal("0.47") / Decimal("0.50") * Decimal("0.2") + 0
    e2 = min(Decimal(2) / 1, Decimal(1))
    e = (e1 + e2) / 2
    assert (round(e1 * 100, 2), round(e * 100, 2)) == (Decimal("45.37"), Decimal("72.69"))
    assert abs(card.objective("E1").achievement - e1) < Decimal("1e-20")
    assert abs(card.objective("E").achievement - e) < Decimal("1e-20")

    printed = {"A": 88, "B1": 98, "B2": 97, "B3": 93, "C": 100, "I.2": 99, "I.3": 90, "D": 100, "G": 100}
    printed |= {"H1": 60, "H2": 97, "H3": 98}  # H1: the manual 60% of IND-H1-1
    assert {code: card.objective(code).percent for code in printed} == {code: f"{p}%" for code, p in printed.items()}
    objectives = {code: Decimal(p) / 100 for code, p in printed.items()} | {"E": e}
    line_b = (objectives["B1"] + objectives["B2"] + objectives["B3"]) / 3  # (98 + 97 + 93) / 3 = 96
    tel = (objectives["A"] + line_b + objectives["C"] + objectives["E"]) / 4  # (88 + 96 + 100 + 72,69) / 4 = 89,17
    ef = (objectives["I.2"] + objectives["I.3"]) / 2  # line I: (99 + 90) / 2 = 94,5
    pi = (objectives["D"] + objectives["G"]) / 2  # lines D and G: 100
    ica = (objectives["H1"] + objectives["H2"] + objectives["H3"]) / 3  # line H: (60 + 97 + 98) / 3 = 85
    ente = (tel + ef + pi + ica) / 4  # (89,17 + 94,5 + 100 + 85) / 4 = 92,17
    assert round(ente * 100, 2) == Decimal("92.17")
    assert abs(card.ente.achievement - ente) < Decimal("0.005"), "the other objectives enter rounded to the percent"
    assert card.ente.percent == "92%"


def test_the_ente_percentage_is_the_scorecards(document: Document, card: Scorecard) -> None:
    """The document prints the scorecard's figure: 92%, computed by hand in test_the_ente_percentage_by_hand."""
    assert card.ente.percent == "92%"
    text = _text(document)
    assert f"performance di Ente al 31/12/2020 è pari al {card.ente.percent} e raggiunge la soglia dell'80%" in text
    assert card.ente.rule in text
    last = _table(document, "relazione-prospettive").body[-1]
    assert [c.text for c in last.cells] == [
        "Percentuale sintetica di realizzazione della performance di Ente",
        "92%",
        "raggiunto",
    ]


def test_objectives_reached_and_missed_are_counted(document: Document, card: Scorecard) -> None:
    # characterization: pinned from the code's output on 2026-12-01. Counted by hand from the objectives'
    # percentages: 13 strategic ones in the cruscotto, all at 80% or more but E and H1; 13 operational ones
    # evaluable, all reached but E1 (45%, see test_the_ente_percentage_by_hand), and A.3, B.3.1, E.2.4 without values
    text = _text(document)
    assert "obiettivi strategici: 11 raggiunti, 2 non raggiunti (E: 73%, H1: 60%)" in text
    assert "obiettivi operativi: 12 raggiunti, 1 non raggiunto (E1: 45%), 3 senza elementi valutabili" in text
    assert (card.objective("E").percent, card.objective("H1").percent, card.objective("E1").percent) == ("73%", "60%", "45%")


def test_every_cruscotto_indicator_with_its_year_end_value_and_achievement(document: Document, card: Scorecard) -> None:
    table = _table(document, "relazione-risultati")
    assert not table.landscape  # its seven columns fit a portrait page (issue 12: orientation from the natural width)
    rows = Counter(
        (row.cells[0].text, row.cells[2].text, row.cells[5].text) for row in table.body if len(row.cells) == len(table.widths)
    )
    expected = Counter()
    for scored in _cruscotto(card):
        assert scored.measurement is not None
        value = scored.measurement.value.text
        if scored.measurement.date != AT:
            value += f" (al {scored.measurement.date:%d/%m/%Y})"
        expected[(scored.indicator.name, value, scored.percent or "n.v.")] += 1
    assert rows == expected
    assert len(_cruscotto(card)) == 57


def test_original_and_revised_targets_and_the_rule(document: Document) -> None:
    table = _table(document, "relazione-risultati")
    by_name = {row.cells[0].text: [c.text for c in row.cells] for row in table.body if len(row.cells) == 7}
    students = by_name["Sviluppo temporale del numero di studenti coinvolti nei percorsi di alternanza scuola-lavoro"]
    assert students[2:6] == ["812", "2.000", "700", "100%"]
    assert students[6].startswith(
        "più alto è meglio: min(812 / 700; 1) = 100% (target rivisto con deliberazione della Giunta n. 63"
    )
    merger = by_name["Riorganizzazione struttura e servizi a seguito della riforma del sistema camerale"]
    assert merger[5] == "60%" and merger[6].startswith(
        "valutazione manuale, che prevale sulla regola automatica: 60% (nota: Accorpamento"
    )
    eliminated = next(
        row
        for row in table.body
        if row.cells[0].text.startswith("Grado di distribuzione dei contributi diretti") and row.cells[1].text == "30%"
    )
    assert (
        eliminated.cells[0].style.value == "muted"
        and "eliminato con deliberazione della Giunta n. 63" in eliminated.cells[6].text
    )


def test_the_map_colours_follow_reached_and_missed(document: Document, card: Scorecard, plan: pianodocs.Plan) -> None:
    found = relazione.results(plan, 2020)
    assert found.status == {g.code: g.reached for g in found.strategic}
    assert found.status["E"] is False and found.status["H1"] is False and found.status["A"] is True
    figure = next(b for b in document.blocks if isinstance(b, Figure) and b.caption.startswith("Mappa strategica"))
    assert figure.landscape
    fills: dict[str, str] = {}
    children = list(ElementTree.fromstring(figure.svg))
    for rect, label in itertools.pairwise(children):
        if rect.tag.endswith("rect") and label.tag.endswith("text"):
            fills["".join(label.itertext()).split(" ")[0]] = rect.get("fill", "")
    for code, reached in found.status.items():
        assert fills[code] == COLOURS["reached" if reached else "missed"], code
    assert fills["F"] == COLOURS["white"], "outside the cruscotto di ente"
    assert "Non raggiunti (in rosso): E, H1." in figure.alt


def test_the_bar_chart_has_a_bar_per_line_and_the_threshold(document: Document, card: Scorecard) -> None:
    figure = next(b for b in document.blocks if isinstance(b, Figure) and b.caption.startswith("Grado di realizzazione"))
    root = ElementTree.fromstring(figure.svg)
    bars = [e for e in root if e.tag.endswith("rect")]
    lines = [line for line in card.lines if line.evaluable]
    assert [bar.get("fill") for bar in bars] == [COLOURS["reached" if g.reached else "missed"] for g in lines]
    labels = ["".join(e.itertext()) for e in root if e.tag.endswith("text")]
    assert labels[:6] == ["0%", "20%", "40%", "60%", "80%", "100%"]
    assert labels[6:-1] == [text for g in lines for text in (g.percent, g.code)]
    assert labels[-1] == "soglia 80%"
    for line in lines:
        assert f"linea {line.code} {line.name}: {line.percent}" in figure.alt
    assert "soglia all'80%" in figure.alt


def test_not_evaluable_and_variances_are_exactly_the_engines(document: Document, card: Scorecard) -> None:
    counted = [s for s in _cruscotto(card) if s.counted]
    not_evaluable = [s for s in counted if not s.evaluable]
    variances = [s for s in counted if s.achievement is not None and s.achievement < card.threshold]
    assert [s.code for s in not_evaluable] == ["IND-H3-6"]
    assert {s.code: s.percent for s in variances} == VARIANCES
    table = _table(document, "relazione-non-valutabili")
    assert [row.cells[1].text for row in table.body] == [s.indicator.name for s in not_evaluable]
    assert table.body[0].cells[4].text.startswith("misurazione senza valore ('n.d.'). Nota: Indagine sul benessere")
    table = _table(document, "relazione-scostamenti")
    assert [(row.cells[1].text, row.cells[4].text) for row in table.body] == [(s.indicator.name, s.percent) for s in variances]
    assert all(row.cells[5].text for row in table.body), "each variance carries its explanation"
    assert "Obiettivi sotto la soglia dell'80%: E: 73%, H1: 60%, E1: 45%." in _text(document)


def test_the_secretary_card_percentage(document: Document, card: Scorecard) -> None:
    table = _table(document, "relazione-segretario")
    objectives = {row.cells[0].text: row.cells[-1].text for row in table.body if row.cells[0].style.value == "subband"}
    assert objectives == {code: card.objective(code).percent for code in ("E", "G", "H1")}
    expected = (card.objective("E").achievement * Decimal("0.3") + card.objective("G").achievement * Decimal("0.3")
                + card.objective("H1").achievement * Decimal("0.4"))  # fmt: skip
    total = table.body[-1]
    assert [c.text for c in total.cells] == ["Realizzazione complessiva della scheda", percent_text(expected)]
    assert percent_text(expected) == "76%"  # by hand: 72,69% (E) × 30% + 100% (G) × 30% + 60% (H1) × 40% = 75,81%
    rows = {
        row.cells[2].text: row.cells[-1].text
        for row in table.body
        if len(row.cells) == 6 and row.cells[0].style.value == "normal"
    }
    assert rows["Istituzione OCRI"] == card.indicator("IND-E1-3").percent == "0%"
    assert [name for name, percent in rows.items() if percent] == ["Istituzione OCRI"], "only rows naming a cruscotto indicator"
    assert "media ponderata: 73% × 30% + 100% × 30% + 60% × 40% = 76%" in _text(document)


def _placement(document: Document) -> dict[str, list[str]]:
    chapter = ""
    placed: dict[str, list[str]] = {}
    for heading in document.headings:
        if heading.level == 1:
            chapter = heading.title
        else:
            placed.setdefault(chapter, []).append(heading.title)
    return placed


def test_without_generato_blocks_the_parts_make_a_chapter_of_their_own(document: Document, plan: pianodocs.Plan) -> None:
    """After the workbook's sections, whatever their numbers: no chapter is keyed on '1', '3' or '4'."""
    assert document.headings[-1].title != "RISULTATI DELLA PERFORMANCE 2020"
    chapters = [h.title for h in document.headings if h.level == 1]
    sections = [s.title for s in plan.sections if s.document == "relazione-performance" and s.level == 1]
    assert chapters == [*sections, "RISULTATI DELLA PERFORMANCE 2020"]
    assert _placement(document)["RISULTATI DELLA PERFORMANCE 2020"] == [
        "La performance di Ente nel 2020",
        "La mappa strategica: obiettivi raggiunti e non raggiunti",
        "Risultati per prospettiva e linea strategica",
        "Il cruscotto di Ente: risultati al 31/12/2020",
        "La performance del Segretario generale",
        "Indicatori non valutabili",
        "Scostamenti sotto la soglia",
    ]
    renumbered = tuple(attrs.evolve(s, number=f"{index}.") for index, s in enumerate(plan.sections, 7))
    assert _placement(relazione.build(attrs.evolve(plan, sections=renumbered))) == _placement(document)


PART_HEADINGS = [
    "La performance di Ente nel 2020",
    "La mappa strategica: obiettivi raggiunti e non raggiunti",
    "Risultati per prospettiva e linea strategica",
    "Il cruscotto di Ente: risultati al 31/12/2020",
    "La performance del Segretario generale",
    "Indicatori non valutabili",
    "Scostamenti sotto la soglia",
]


def test_generato_blocks_place_the_parts(plan: pianodocs.Plan) -> None:
    placed = attrs.evolve(plan, text_blocks=(*plan.text_blocks, TextBlock("rel-5", "generato", "relazione-scostamenti")))
    document = relazione.build(placed)
    assert not any(h.title in PART_HEADINGS for h in document.headings), "no default parts"
    names = [b.name for b in document.blocks if isinstance(b, Table)]
    assert names == ["relazione-scostamenti"]
    bare = relazione.build(attrs.evolve(plan, sections=(), text_blocks=()))
    titles = [h.title for h in bare.headings]
    assert titles[0] == "RISULTATI DELLA PERFORMANCE 2020"
    assert titles[1:] == PART_HEADINGS


def test_cover_and_illustrative_note(document: Document, pistoia_revised: pianodocs.Plan) -> None:
    assert (document.title, document.cover.title, document.cover.subtitle) == (
        "Relazione sulla Performance 2020",
        "RELAZIONE SULLA PERFORMANCE",
        "2020",
    )
    assert document.cover.entity == "Camera di Commercio di Pistoia"
    assert document.cover.note == NOTE
    assert document.running_header == "Relazione sulla Performance 2020 — documento illustrativo"
    year_end = Measurement("IND-E2-1", AT, parse_value("2"))
    real = relazione.build(attrs.evolve(pistoia_revised, measurements=(*pistoia_revised.measurements, year_end)))
    assert (real.cover.note, real.running_header, real.title) == ("", "", "Relazione sulla Performance 2020")


def test_another_year_and_a_plan_without_perspectives(plan: pianodocs.Plan) -> None:
    with pytest.raises(MissingDataError, match="non ha misurazioni al 31/12/2021"):
        relazione.build(plan, anno=2021)
    prato = pianodocs.load_workbook(SAMPLES / "cciaa_prato_2020.xlsx")
    with pytest.raises(MissingDataError, match="l'ultima misurazione del 2020 è al 30/09/2020"):
        relazione.build(prato, anno=2020)
    document = relazione.build(prato, anno=2020, at=dt.date(2020, 9, 30))
    text = _text(document)
    assert "al 30/09/2020 è pari al 67% e non raggiunge la soglia dell'80%" in text
    assert "dove ogni termine è una linea strategica" in text
    assert document.title == "Relazione sulla Performance 2020 su dati al 30/09/2020", "not the monitoring's Titolo"
    assert not any(isinstance(b, Figure) and b.caption.startswith("Mappa") for b in document.blocks), "no perspectives, no map"


def test_the_workbooks_titolo_names_only_the_relazione_of_its_reference_year(plan: pianodocs.Plan) -> None:
    assert plan.title == "Relazione sulla Performance 2020"
    assert relazione.build(plan, anno=2020).title == plan.title
    year_end = [attrs.evolve(m, date=dt.date(2021, 12, 31)) for m in plan.measurements if m.date == dt.date(2020, 12, 31)]
    next_year = attrs.evolve(plan, measurements=(*plan.measurements, *year_end))
    assert relazione.build(next_year, anno=2021).title == "Relazione sulla Performance 2021"


def test_the_secretary_card_prints_the_target_of_the_relazioni_year(plan: pianodocs.Plan) -> None:
    from pianodocs.values import parse_target

    first = plan.secretary_card[0]
    assert first.target is not None
    year_target = attrs.evolve(first, targets={2020: parse_target("77%"), 2021: parse_target("88%")})
    card = (year_target, *plan.secretary_card[1:])
    table = next(
        block
        for block in relazione.build(attrs.evolve(plan, secretary_card=card), anno=2020).blocks
        if isinstance(block, Table) and block.name == "relazione-segretario"
    )
    printed = [" ".join(run.text for c in row.cells for run in c.runs) for row in table.body]
    assert any("77%" in text for text in printed)
    assert not any("88%" in text for text in printed), "the 2021 target is not the 2020 one"


# --- rendered -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pdf_path(plan: pianodocs.Plan, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("relazione") / "relazione.pdf"
    pianodocs.render(plan, "relazione-performance", path, workbook_folder=SAMPLES)
    return path


@pytest.fixture(scope="module")
def pages(pdf_path: Path, plan: pianodocs.Plan) -> list[str]:
    words = document_words(build_document(plan, "relazione-performance", SAMPLES))
    return [_flat(page.extract_text(), words) for page in PdfReader(pdf_path).pages]


def test_pdf_cover_summary_and_header(pages: list[str]) -> None:
    assert "RELAZIONE SULLA PERFORMANCE" in pages[0] and NOTE in pages[0]
    assert all("Relazione sulla Performance 2020 — documento illustrativo" in page for page in pages[1:])
    sommario = next(index for index, page in enumerate(pages) if "SOMMARIO" in page)
    entries = re.findall(r"\s*(.+?) \.{4,}\s*(\d+)", pages[sommario].split("SOMMARIO", 1)[1])
    assert len(entries) == 14, "6 chapters of the workbook, the results chapter and its 7 parts"
    for title, number in entries:
        assert title.strip() in pages[int(number) - 1], (title, number)


def test_pdf_results_on_landscape_pages(pdf_path: Path, pages: list[str], card: Scorecard) -> None:
    reader = PdfReader(pdf_path)
    results = [index for index, page in enumerate(pages) if "Target 2020 rivisto" in page]
    assert len(results) >= 3
    for index in results:
        box = reader.pages[index].mediabox
        assert box.width < box.height  # portrait since issue 12: the table fits it
    packed = _packed(" ".join(pages))
    missing = [s.code for s in _cruscotto(card) if _packed(s.indicator.name) not in packed]
    assert missing == []
    text = " ".join(pages)
    assert "è pari al 92% e raggiunge la soglia dell'80%" in text
    assert "Realizzazione complessiva della scheda 76%" in text


def test_pdf_on_data_at_30_june_says_so_on_every_page(pistoia_revised: pianodocs.Plan, tmp_path: Path) -> None:
    path = tmp_path / "relazione-giugno.pdf"
    pianodocs.render(pistoia_revised, "relazione-performance", path, at=dt.date(2020, 6, 30))
    pages = [_flat(page.extract_text()) for page in PdfReader(path).pages]
    assert "2020 su dati al 30/06/2020" in pages[0]
    assert all("Relazione sulla Performance 2020 su dati al 30/06/2020" in page for page in pages[1:])
    text = " ".join(pages)
    assert "performance di Ente al 30/06/2020 è pari al" in text
    assert "Mappa strategica al 30/06/2020" in text and "Valore al 30/06/2020" in text
    assert "Ente al 31/12" not in text and "Mappa strategica al 31/12" not in text and "Valore al 31/12" not in text


@pytest.fixture(scope="module")
def docx_path(plan: pianodocs.Plan, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("relazione-docx") / "relazione.docx"
    pianodocs.render(plan, "relazione-performance", path, workbook_folder=SAMPLES)
    return path


def test_docx_text(docx_path: Path, card: Scorecard) -> None:
    word = docx.Document(str(docx_path))
    paragraphs = _flat(" ".join(p.text for p in word.paragraphs))
    cells = _flat(" ".join(c.text for t in word.tables for row in t.rows for c in row.cells))
    assert NOTE in paragraphs
    assert "è pari al 92% e raggiunge la soglia dell'80%" in paragraphs
    assert [s.code for s in _cruscotto(card) if _flat(s.indicator.name) not in cells] == []
    assert "Realizzazione complessiva della scheda" in cells and "76%" in cells
    assert word.core_properties.title == "Relazione sulla Performance 2020"
    assert any(section.page_width > section.page_height for section in word.sections)


def test_libreoffice_round_trip(docx_path: Path, tmp_path_factory: pytest.TempPathFactory, card: Scorecard) -> None:
    pdf = convert_with_libreoffice(docx_path, tmp_path_factory.mktemp("lo"))
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = [_flat(page) for page in text.split("\f") if page.strip()]
    assert len(pages) >= 12
    assert f"Pagina 2 di {len(pages)}" in pages[1]
    assert NOTE in pages[0]
    packed = _packed(" ".join(pages))
    assert [s.code for s in _cruscotto(card) if _packed(s.indicator.name) not in packed] == []
    assert _packed("Realizzazione complessiva della scheda 76%") in packed
    reader = PdfReader(pdf)
    assert any(page.mediabox.width > page.mediabox.height for page in reader.pages), "landscape pages kept"
