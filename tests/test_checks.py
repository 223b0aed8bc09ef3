"""Every kind of problem the loader reports, with its Italian message and its sheet and cell."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import pianodocs
from pianodocs.workbook.template import example_data
from pianodocs.workbook.writer import build_workbook, save_workbook

Data = dict[str, Any]


def _write(tmp_path: Path, change: Callable[[Data], None], drop_sheets: tuple[str, ...] = ()) -> Path:
    data = copy.deepcopy(example_data(2020, 2022))
    change(data)
    workbook = build_workbook(data, years=[2018, 2019, 2020, 2021, 2022], with_help=False)
    for name in drop_sheets:
        del workbook[name]
    path = tmp_path / "piano.xlsx"
    save_workbook(workbook, path)
    return path


def _problems(path: Path) -> list[pianodocs.Problem]:
    with pytest.raises(pianodocs.ValidationError) as raised:
        pianodocs.load_workbook(path)
    return list(raised.value.problems)


def _locations(problems: list[pianodocs.Problem]) -> set[tuple[str | None, str | None]]:
    return {(p.sheet, p.cell) for p in problems if p.severity is pianodocs.Severity.ERROR}


def _second_indicator(data: Data, **changes: Any) -> None:
    indicator = dict(data["Indicatori"][0], Codice="IND-B21-2", **changes)
    data["Indicatori"].append(indicator)


def test_the_example_is_valid(tmp_path: Path) -> None:
    plan = pianodocs.load_workbook(_write(tmp_path, lambda data: None))
    assert [i.code for i in plan.indicators] == ["IND-B21-1"]


def test_missing_sheet(tmp_path: Path) -> None:
    problems = _problems(_write(tmp_path, lambda data: None, drop_sheets=("Ente",)))
    assert [(p.sheet, p.cell, p.message) for p in problems] == [("Ente", None, "Manca il foglio obbligatorio 'Ente'.")]


def test_missing_column(tmp_path: Path) -> None:
    def drop(data: Data) -> None:
        for row in data["Indicatori"]:
            del row["Obiettivo"]

    workbook_path = _write(tmp_path, drop)
    from openpyxl import load_workbook

    workbook = load_workbook(workbook_path)
    sheet = workbook["Indicatori"]
    column = next(cell.column for cell in sheet[1] if cell.value == "Obiettivo")
    sheet.delete_cols(column)
    workbook.save(workbook_path)
    problems = _problems(workbook_path)
    assert ("Indicatori", "A1") in _locations(problems)
    assert any(p.message == "Manca la colonna obbligatoria 'Obiettivo' nel foglio 'Indicatori'." for p in problems)


def test_wrong_types_and_unparseable_values(tmp_path: Path) -> None:
    def spoil(data: Data) -> None:
        data["Piano"]["Primo anno"] = "duemila"
        data["Atti"][0]["Data"] = "31/13/2020"
        data["Indicatori"][0]["Peso"] = "molto"
        data["Obiettivi strategici"][0]["Nel cruscotto"] = "forse"
        data["Atti"][0]["Organo"] = "Assemblea"

    problems = _problems(_write(tmp_path, spoil))
    messages = {(p.sheet, p.cell): p.message for p in problems}
    assert messages[("Piano", "B4")] == "'Primo anno' deve essere un numero intero: trovato «duemila»."
    assert messages[("Atti", "D2")] == "'Data' deve essere una data gg/mm/aaaa: trovato «31/13/2020»."
    peso = next(message for (sheet, _), message in messages.items() if sheet == "Indicatori")
    assert peso == "'Peso' deve essere una percentuale (es. 30%): trovato «molto»."
    assert any("'Nel cruscotto' deve essere si oppure no" in m for m in messages.values())
    assert any(m.startswith("'Organo' non ammette «Assemblea»: valori ammessi Giunta") for m in messages.values())


def test_unparseable_amount(tmp_path: Path) -> None:
    def budget(data: Data) -> None:
        data["Programmi di budget"] = [{"Linea": "B", "Programma": "B.2", "Progetto": "Fiere", "Oneri promozionali": "12,34,56"}]

    problems = _problems(_write(tmp_path, budget))
    assert [(p.sheet, p.cell) for p in problems] == [("Programmi di budget", "G2")]
    assert problems[0].message == "'Oneri promozionali' deve essere un numero (es. 28.063,95): trovato «12,34,56»."


def test_required_cell_left_empty(tmp_path: Path) -> None:
    problems = _problems(_write(tmp_path, lambda data: data["Linee strategiche"][0].update(Denominazione="")))
    assert [(p.sheet, p.cell, p.message) for p in problems] == [("Linee strategiche", "B2", "'Denominazione' è obbligatorio.")]


def test_duplicate_codes(tmp_path: Path) -> None:
    def duplicate(data: Data) -> None:
        data["Indicatori"].append(dict(data["Indicatori"][0]))
        data["Obiettivi operativi"].append(dict(data["Obiettivi operativi"][0], Codice="B2"))

    problems = _problems(_write(tmp_path, duplicate))
    messages = [p.message for p in problems]
    assert "Il codice 'IND-B21-1' è già usato alla riga 2." in messages
    assert "Il codice 'B2' è già usato nel foglio 'Obiettivi strategici', riga 2." in messages
    assert ("Indicatori", "A3") in _locations(problems)


def test_references_that_do_not_exist(tmp_path: Path) -> None:
    def dangle(data: Data) -> None:
        _second_indicator(data, Programma="999", Peso="")
        data["Indicatori"][0].update(Obiettivo="ZZ", Missione="099")
        data["Obiettivi operativi"][0]["Area"] = "ASE, XXX"

    problems = _problems(_write(tmp_path, dangle))
    messages = {p.message for p in problems}
    assert "'Obiettivo' indica 'ZZ', che non esiste nel foglio 'Obiettivi strategici/operativi'." in messages
    assert "'Missione' indica '099', che non esiste nel foglio 'Missioni'." in messages
    assert "Il programma 999 non esiste nella missione 016 (foglio 'Programmi')." in messages
    assert "'Area' indica 'XXX', che non esiste nel foglio 'Strutture'." in messages


def test_weights_not_summing_to_100(tmp_path: Path) -> None:
    def weigh(data: Data) -> None:
        data["Indicatori"][0]["Peso"] = "60%"
        _second_indicator(data, Peso="30%")

    problems = _problems(_write(tmp_path, weigh))
    (problem,) = problems
    assert problem.sheet == "Indicatori" and problem.cell is not None and problem.cell.endswith("2")
    assert problem.message == (
        "I pesi degli indicatori dell'obiettivo B.2.1 sommano a 90% invece che al 100% (righe 2, 3): "
        "la tolleranza di arrotondamento è di 1 punto percentuale."
    )


def test_budget_totals_that_disagree_with_their_rows(tmp_path: Path) -> None:
    def budget(data: Data) -> None:
        data["Programmi di budget"] = [
            {"Linea": "B", "Programma": "B.2", "Progetto": "Fiere", "Oneri promozionali": "12.250,00"},
            {"Linea": "B", "Programma": "B.2", "Progetto": "Missioni", "Oneri promozionali": "3.000,00"},
        ]
        data["Totali di budget"] = [
            {"Livello": "programma", "Riferimento": "B.2", "Oneri promozionali": "15.250,00"},
            {"Livello": "linea", "Riferimento": "B", "Oneri promozionali": "15.000,00"},
        ]

    problems = _problems(_write(tmp_path, budget))
    assert [(p.sheet, p.cell, p.message) for p in problems] == [
        ("Totali di budget", "C3", "Il totale oneri promozionali di linea «B» è 15.000,00, ma la somma delle righe è 15.250,00.")
    ]


def test_free_table_totals_that_disagree(tmp_path: Path) -> None:
    def table(data: Data) -> None:
        data["Tabelle"] = [
            {"Tabella": "personale", "Tipo riga": "intestazione", "C1": "Categoria", "C2": "Numero"},
            {"Tabella": "personale", "Tipo riga": "dati", "C1": "D", "C2": "11"},
            {"Tabella": "personale", "Tipo riga": "dati", "C1": "C", "C2": "25"},
            {"Tabella": "personale", "Tipo riga": "totale", "C1": "**Totale**", "C2": "**41**"},
        ]

    problems = _problems(_write(tmp_path, table))
    assert [(p.sheet, p.cell, p.message) for p in problems] == [
        ("Tabelle", "D5", "Nella tabella 'personale' il totale 41 non è la somma delle righe sopra (36).")
    ]


def test_text_blocks_refer_to_sections_and_tables(tmp_path: Path) -> None:
    def texts(data: Data) -> None:
        data["Sezioni"] = [{"Chiave": "1", "Titolo": "PRESENTAZIONE", "Livello": 1}]
        data["Testi"] = [
            {"Sezione": "2", "Tipo": "paragrafo", "Contenuto": "testo"},
            {"Sezione": "1", "Tipo": "tabella", "Contenuto": "inesistente"},
            {"Sezione": "1", "Tipo": "generato", "Contenuto": "cascading:ZZZ"},
            {"Sezione": "1", "Tipo": "generato", "Contenuto": "grafico-a-torta"},
        ]

    messages = [p.message for p in _problems(_write(tmp_path, texts))]
    assert "'Sezione' indica '2', che non esiste nel foglio 'Sezioni'." in messages
    assert "La tabella 'inesistente' non esiste nel foglio 'Tabelle'." in messages
    assert "'cascading:ZZZ': la struttura 'ZZZ' non esiste nel foglio 'Strutture'." in messages
    assert any(m.startswith("Contenuto generato 'grafico-a-torta' sconosciuto") for m in messages)


def test_implausible_target_is_a_warning(tmp_path: Path) -> None:
    def implausible(data: Data) -> None:
        targets = {"Target 2020": "63%", "Target 2021": "0,63%", "Target 2022": "0,7%"}
        data["Indicatori"][0].update({"Storico 2018": "0,52%", "Storico 2019": "0,75%", **targets})

    warnings: list[pianodocs.Problem] = []
    plan = pianodocs.load_workbook(_write(tmp_path, implausible), warnings=warnings)
    assert plan.indicators[0].target(2020).text == "63%"
    (warning,) = warnings
    assert warning.severity is pianodocs.Severity.WARNING
    assert warning.sheet == "Indicatori" and warning.cell is not None
    assert warning.message.startswith("Target 2020 «63%» poco plausibile: i valori storici dell'indicatore sono 0,52%, 0,75%.")


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    def many(data: Data) -> None:
        data["Piano"]["Primo anno"] = "duemila"
        data["Indicatori"][0].update(Obiettivo="ZZ", Peso="molto")
        data["Atti"][0]["Data"] = "ieri"
        data["Linee strategiche"][0]["Prospettiva"] = "XX"

    problems = _problems(_write(tmp_path, many))
    assert len(_locations(problems)) == 5
