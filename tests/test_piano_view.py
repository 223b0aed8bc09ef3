"""The view model of the Piano della Performance, built from the Pistoia sample (seed 002)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from xml.etree import ElementTree

import attrs
import openpyxl

import pianodocs
from pianodocs.documents import piano_performance
from pianodocs.documents.cascading import cascading_blocks
from pianodocs.documents.cruscotto_ente import cruscotto_table, dashboard_indicators
from pianodocs.render import build_document
from pianodocs.values import parse_number
from pianodocs.view.model import CellStyle, Figure, Heading, Table, TableOfContents

from .conftest import SAMPLES

SVG = "{http://www.w3.org/2000/svg}"


def _tables(document: pianodocs.view.model.Document, name: str) -> list[Table]:
    return [block for block in document.blocks if isinstance(block, Table) and block.name.startswith(name)]


def test_the_document_follows_the_sommario(pistoia: pianodocs.Plan) -> None:
    document = piano_performance.build(pistoia)
    assert isinstance(document.blocks[0], TableOfContents)
    summary = [heading.text for heading in document.headings if heading.in_summary]
    assert summary[0] == "PREMESSA"
    assert summary[-1] == "4. DALLA PERFORMANCE ORGANIZZATIVA ALLA PERFORMANCE INDIVIDUALE"
    assert len(summary) == 12
    assert len({heading.anchor for heading in document.headings}) == len(document.headings)
    assert document.author == "Camera di Commercio di Pistoia"


def test_the_cruscotto_has_every_indicator_and_the_plan_years(pistoia: pianodocs.Plan) -> None:
    table = cruscotto_table(pistoia)
    headers = [cell.text for cell in table.header[0].cells]
    assert headers[-6:-3] == ["Target 2020", "Target 2021", "Target 2022"]
    assert "2018" in headers and "Valore ottenuto 2019" in headers
    assert table.landscape and len(table.widths) == len(headers)
    names = [row.cells[1].text for row in table.body if len(row.cells) == len(headers)]
    assert len(names) == 54
    assert sorted(names) == sorted(indicator.name for indicator in dashboard_indicators(pistoia))
    for row in table.body:
        assert sum(cell.colspan for cell in row.cells) == len(headers), [cell.text for cell in row.cells]


def test_incentive_fund_rows_are_highlighted_and_bands_show_the_tree(pistoia: pianodocs.Plan) -> None:
    table = cruscotto_table(pistoia)
    highlighted = [row for row in table.body if row.cells[0].style is CellStyle.HIGHLIGHT]
    assert [row.cells[0].text for row in highlighted] == ["PROG.INTEGR.FONDO"] * 4
    bands = [
        row.cells[-1].text
        for row in table.body
        if row.cells[0].style is CellStyle.BAND and row.cells[1].text == "LINEA STRATEGICA DI MANDATO"
    ]
    assert bands[:2] == ["VALORIZZAZIONE ECONOMICA DEL TERRITORIO", "SOSTEGNO ALLA COMPETITIVITA' DELLE IMPRESE"]
    note = [row for row in table.body if row.cells[0].text.startswith("La linea strategica relativa al sostegno al credito")]
    assert len(note) == 1, "line C, not declined into objectives, prints its note"


def test_year_columns_follow_the_plan(pistoia: pianodocs.Plan) -> None:
    import attrs

    shifted = attrs.evolve(pistoia, first_year=2021, last_year=2023)
    headers = [cell.text for cell in cruscotto_table(shifted).header[0].cells]
    assert [h for h in headers if h.startswith("Target")] == ["Target 2021", "Target 2022", "Target 2023"]


def test_budget_totals_are_the_sums_of_their_rows(pistoia: pianodocs.Plan) -> None:
    document = piano_performance.build(pistoia)
    budgets = _tables(document, "budget-")
    assert budgets
    for table in budgets:
        running = Decimal(0)
        line_total = Decimal(0)
        for row in table.body:
            label = row.cells[0].text
            value = parse_number(row.cells[-3].text) if row.cells[-3].text != "-" else Decimal(0)
            if label.startswith("Totale Programma"):
                assert value == running, (table.name, label)
                line_total += running
                running = Decimal(0)
            elif label.startswith("TOTALE LINEA"):
                assert value == line_total, (table.name, label)
            else:
                running += value or Decimal(0)
    line_a = next(t for t in budgets if t.name == "budget-A")
    assert line_a.body[-1].cells[1].text == "350.050,00"


def test_the_strategic_map_is_drawn_from_the_tree(pistoia: pianodocs.Plan) -> None:
    (figure,) = [block for block in piano_performance.build(pistoia).blocks if isinstance(block, Figure)]
    assert figure.svg.startswith("<svg")
    for objective in pistoia.strategic_objectives:
        first_word = objective.name.split()[0]
        assert first_word in figure.svg
        assert objective.name in figure.alt


def test_workbook_text_that_looks_like_markup_stays_text(pistoia: pianodocs.Plan) -> None:
    import attrs

    from pianodocs.view.demo import HOSTILE_TEXT

    indicator = attrs.evolve(pistoia.indicators[0], name=HOSTILE_TEXT)
    plan = attrs.evolve(pistoia, indicators=(indicator, *pistoia.indicators[1:]))
    svg = piano_performance.generated(plan, "mappa-strategica")[0]
    names = [row.cells[1].text for row in cruscotto_table(plan).body if len(row.cells) > 1]
    assert HOSTILE_TEXT in names
    assert isinstance(svg, Figure) and "<img" not in svg.svg


def test_cascading_sheets_per_area(pistoia: pianodocs.Plan) -> None:
    document = piano_performance.build(pistoia)
    objectives_tables = _tables(document, "cascading-obiettivi")
    assert len(objectives_tables) >= 10
    texts = {cell.text for table in objectives_tables for row in table.body for cell in row.cells}
    assert "N. incontri sportello brevettuale organizzati" in texts
    assert any(isinstance(block, Heading) and block.title.startswith("Il cascading") for block in document.blocks)


# --- any chamber's workbook: cover, markup on the map, the card's years, perspectives, cascading, titles --------------


def _edited_sample(tmp_path: Path, name: str, edit: Callable[[openpyxl.Workbook], None]) -> pianodocs.Plan:
    """A copy of the sample ``name`` changed by ``edit`` (with openpyxl), loaded as a user's workbook."""
    workbook = openpyxl.load_workbook(SAMPLES / name)
    edit(workbook)
    path = tmp_path / name
    workbook.save(path)
    return pianodocs.load_workbook(path)


def _set_field(workbook: openpyxl.Workbook, sheet: str, field: str, value: object) -> None:
    rows = workbook[sheet]
    row = next((cells for cells in rows.iter_rows(min_row=2) if cells[0].value == field), None)
    if row is None:
        rows.append([field, value])
    else:
        row[1].value = value


SUBTITLE = "Approvato con deliberazione della Giunta n. 5 del 31 gennaio 2020"


def test_the_cover_prints_the_years_and_the_workbooks_sottotitolo(tmp_path: Path) -> None:
    plan = _edited_sample(tmp_path, "cciaa_pistoia_2020_2022.xlsx", lambda wb: _set_field(wb, "Piano", "Sottotitolo", SUBTITLE))
    assert plan.subtitle == SUBTITLE
    cover = piano_performance.build(plan).cover
    assert cover is not None and cover.subtitle.splitlines() == ["2020-2022", SUBTITLE]


def test_markup_on_the_strategic_map_is_bold_or_italic_without_asterisks(pistoia: pianodocs.Plan) -> None:
    first = attrs.evolve(pistoia.strategic_objectives[0], name="**Valorizzare** il *territorio* 3*4 **B**2")
    plan = attrs.evolve(
        pistoia,
        vision="La Camera per *le imprese* e **il territorio**",
        strategic_objectives=(first, *pistoia.strategic_objectives[1:]),
    )
    (figure,) = piano_performance.generated(plan, "mappa-strategica")
    assert isinstance(figure, Figure)
    root = ElementTree.fromstring(figure.svg)
    spans = [(span.text or "", span.get("font-weight"), span.get("font-style")) for span in root.iter(f"{SVG}tspan")]
    assert ("Valorizzare", "bold", None) in [(text.strip(), weight, style) for text, weight, style in spans]
    assert ("territorio", None, "italic") in [(text.strip(), weight, style) for text, weight, style in spans]
    assert ("le imprese", None, "italic") in [(text.strip(), weight, style) for text, weight, style in spans]
    drawn = " ".join("".join(text.itertext()) for text in root.iter(f"{SVG}text"))
    assert "**" not in drawn and "*territorio*" not in drawn
    assert "3*4" in drawn, "an asterisk that is not markup stays"
    assert "B2" in drawn, "markup inside a word keeps the word whole"
    # a line of mixed styles starts at its measured left end: cairosvg (the DOCX image) anchors each span on its own
    for text in root.iter(f"{SVG}text"):
        for line in text.findall(f"{SVG}tspan"):
            if len(line) > 1:
                assert line.get("text-anchor") == "start" and float(line.get("x", "0")) < float(text.get("x", "0"))
    assert "Valorizzare il territorio 3*4 B2" in figure.alt and "**" not in figure.alt


def test_the_secretary_card_prints_the_target_of_the_documents_year(tmp_path: Path) -> None:
    def per_year_targets(workbook: openpyxl.Workbook) -> None:
        _set_field(workbook, "Piano", "Anno di riferimento", 2021)
        card = workbook["Scheda segretario"]
        first = card.max_column + 1
        card.cell(1, first, "Target 2020")
        card.cell(1, first + 1, "Target 2021")
        card.cell(2, first, "15/08/2020")  # Istituzione OCRI: a target for each year
        card.cell(2, first + 1, "30/06/2021")

    plan = _edited_sample(tmp_path, "cciaa_pistoia_2020_2022.xlsx", per_year_targets)
    ocri = next(row for row in plan.secretary_card if row.indicator == "Istituzione OCRI")
    assert ocri.target_for(2021) is not None and ocri.target_for(2021).text == "30/06/2021"
    assert ocri.target_for(2020) is not None and ocri.target_for(2020).text == "15/08/2020"
    table = piano_performance.secretary_card(plan)
    assert [c.text for c in table.header[0].cells][-2:] == ["Target 2021", "% Realizzazione 2021"]
    rows = {row.cells[2].text: row for row in table.body if len(row.cells) == 6}
    assert rows["Istituzione OCRI"].cells[4].text == "30/06/2021"
    # a row with only the old single "Target" column: that target holds for every year
    assert rows["selezione OIV"].cells[4].text == "entro data accorpamento"


def test_an_objective_with_its_own_perspective_sits_under_it_in_the_cruscotto(pistoia: pianodocs.Plan) -> None:
    moved = next(o for o in pistoia.strategic_objectives if o.code == "E")
    line = next(line for line in pistoia.lines if line.code == moved.line)
    other = next(p for p in pistoia.perspectives if p.code != line.perspective)
    plan = attrs.evolve(
        pistoia,
        strategic_objectives=tuple(
            attrs.evolve(o, perspective=other.code) if o.code == moved.code else o for o in pistoia.strategic_objectives
        ),
    )
    assert plan.perspective_of(moved.code) == other.code
    perspective = ""
    found: list[str] = []
    for row in cruscotto_table(plan).body:
        if row.cells[0].text == "Prospettiva BSC":
            perspective = row.cells[1].text
        elif (
            len(row.cells) > 2
            and row.cells[1].text == "Ambito strategico/Obiettivo strategico"
            and row.cells[2].text == moved.printed_code
        ):
            found.append(perspective)
    assert found == [other.name.upper()]
    # the cascading sheet shows the objective under its own perspective too
    area = next(o.areas[0] for o in plan.operational_objectives if o.strategic_objective == moved.code and o.areas)
    shown = ""
    under: list[str] = []
    for block in cascading_blocks(plan, area):
        if not isinstance(block, Table) or not block.body:
            continue
        first = [cell.text for cell in block.body[0].cells]
        if block.name == f"linea-{line.code}":
            shown = first[1]
        elif first == ["Obiettivo strategico", moved.name]:
            under.append(shown)
    assert under == [other.name.upper()]


def test_cascading_shows_the_indicators_of_an_objective_none_of_which_is_flagged_for_the_area(
    pistoia: pianodocs.Plan,
) -> None:
    objective = next(o for o in pistoia.operational_objectives if o.code == "B.1.4")
    indicators = tuple(attrs.evolve(i, dashboard="ente") if i.objective == objective.code else i for i in pistoia.indicators)
    plan = attrs.evolve(pistoia, indicators=indicators)
    own = [i.name for i in plan.indicators if i.objective == objective.code]
    assert own
    texts = {
        cell.text
        for block in cascading_blocks(plan, objective.areas[0])
        if isinstance(block, Table) and block.name == "cascading-obiettivi"
        for row in block.body
        for cell in row.cells
    }
    assert set(own) <= texts


def test_each_kind_has_its_own_title_from_one_piano_workbook(pistoia_revised: pianodocs.Plan) -> None:
    assert pistoia_revised.kind == "piano-performance"
    titles = {
        kind: build_document(pistoia_revised, kind).title
        for kind in ("piano-performance", "pira", "cruscotto", "allegato-delibera")
    }
    assert titles == {
        "piano-performance": pistoia_revised.title,
        "pira": "Piano degli Indicatori dei Risultati Attesi di Bilancio P.I.R.A. 2020-2022",
        "cruscotto": "Cruscotto strategico 2020-2022",
        "allegato-delibera": "Allegato alla deliberazione G.C. n. 63 del 9 settembre 2020",
    }
    assert all(pistoia_revised.title not in title for kind, title in titles.items() if kind != "piano-performance")
    # a workbook kept for another kind titles that kind with its Titolo, and the Piano with the Piano's own title
    for kind in ("pira", "cruscotto", "allegato-delibera"):
        kept = attrs.evolve(pistoia_revised, kind=kind, title=f"Titolo del workbook ({kind})")
        assert build_document(kept, kind).title == kept.title
        assert build_document(kept, "piano-performance").title == "Piano della Performance 2020-2022"


def test_a_word_longer_than_its_box_breaks_at_its_hyphen_or_where_italian_hyphenates(pistoia: pianodocs.Plan) -> None:
    # the perspective's label is 20 characters wide: "ECONOMICO-FINANZIARIA" (21) used to print "ECONOMICO-FINANZIARI" / "A"
    perspective = attrs.evolve(pistoia.perspectives[0], name="Economico-finanziaria")
    first = attrs.evolve(pistoia.strategic_objectives[0], name="Precipitevolissimevolmente" * 3)
    plan = attrs.evolve(
        pistoia,
        perspectives=(perspective, *pistoia.perspectives[1:]),
        strategic_objectives=(first, *pistoia.strategic_objectives[1:]),
    )
    (figure,) = piano_performance.generated(plan, "mappa-strategica")
    assert isinstance(figure, Figure)
    root = ElementTree.fromstring(figure.svg)
    boxes = [["".join(line.itertext()).strip() for line in text.findall(f"{SVG}tspan")] for text in root.iter(f"{SVG}text")]
    assert ["ECONOMICO-", "FINANZIARIA"] in boxes
    (box,) = [lines for lines in boxes if "Precipit" in "".join(lines)]
    long_word = box[1:] if box[0] == first.printed_code else [box[0].removeprefix(first.printed_code).strip(), *box[1:]]
    assert "".join(line.removesuffix("-") for line in long_word) == first.name
    # each line but the last ends with a hyphen, and at an Italian syllable (hand-checked: pre-ci-pi-te-vo-lis-si-me-vol-men-te)
    assert all(line.endswith("-") for line in long_word[:-1]) and len(long_word) > 1
    syllable_ends = ("pre", "ci", "pi", "te", "vo", "lis", "si", "me", "vol", "men")
    assert all(line.removesuffix("-").lower().endswith(syllable_ends) for line in long_word[:-1])
