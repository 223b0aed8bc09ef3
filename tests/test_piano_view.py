"""The view model of the Piano della Performance, built from the Pistoia sample (seed 002)."""

from __future__ import annotations

from decimal import Decimal

import pianodocs
from pianodocs.documents import piano_performance
from pianodocs.documents.cruscotto_ente import cruscotto_table, dashboard_indicators
from pianodocs.values import parse_number
from pianodocs.view.model import CellStyle, Figure, Heading, Table, TableOfContents


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

    indicator = attrs.evolve(pistoia.indicator_list[0], name=HOSTILE_TEXT)
    plan = attrs.evolve(pistoia, indicator_list=(indicator, *pistoia.indicator_list[1:]))
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
