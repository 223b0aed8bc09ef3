"""pianodocs.diff: the changes between two workbooks, as text, as JSON (checked against docs/diff.md's schema), as revisions.

Each kind of change is tested on a hand-made pair of workbooks (the example of
``pianodocs init`` and a modified copy); then the real pair, the Pistoia plan and
its revision by G.C. n. 63/2020 (seed 000).
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import pytest

import pianodocs
from pianodocs.diff import Change, ChangeKind, PlanDiff, diff_plans, format_text, revisions_from_diff, to_json
from pianodocs.model import Revision, RevisionKind
from pianodocs.workbook.template import example_data
from pianodocs.workbook.writer import build_workbook, save_workbook

from .conftest import ROOT, facts
from .json_schema import problems

Data = dict[str, Any]
NAME = "Grado di utilizzo delle risorse dedicate all'internazionalizzazione"
SHORT = "«Grado di utilizzo delle risorse dedicate…» (IND-B21-1, B.2.1)"


def _save(tmp_path: Path, name: str, data: Data) -> pianodocs.Plan:
    path = tmp_path / name
    save_workbook(build_workbook(data, years=[2018, 2019, 2020, 2021, 2022], with_help=False), path)
    return pianodocs.load_workbook(path)


def _example() -> Data:
    data = copy.deepcopy(example_data(2020, 2022))
    data["Indicatori"][0]["Peso"] = "60%"
    second = dict(data["Indicatori"][0], Codice="IND-B21-2", Indicatore="Personale dedicato (FTE)", Peso="40%", Flag="")
    data["Indicatori"].append(second)
    return data


def _pair(tmp_path: Path, change: Callable[[Data], None], change_old: Callable[[Data], None] | None = None) -> PlanDiff:
    """The diff from the example (changed by ``change_old``) to a copy changed by ``change``."""
    old = _example()
    if change_old:
        change_old(old)
    new = copy.deepcopy(old)
    change(new)
    return diff_plans(_save(tmp_path, "vecchio.xlsx", old), _save(tmp_path, "nuovo.xlsx", new))


def _lines(diff: PlanDiff) -> list[str]:
    return [line for line in format_text(diff).splitlines() if line.startswith("  - ")]


def _entries(diff: PlanDiff) -> list[dict[str, Any]]:
    return to_json(diff)["modifiche"]  # type: ignore[no-any-return]


def _indicator(data: Data, code: str) -> dict[str, Any]:
    return next(row for row in data["Indicatori"] if row["Codice"] == code)  # type: ignore[no-any-return]


def _entry(**values: Any) -> dict[str, Any]:
    entry = dict.fromkeys(("tipo", "elemento", "codice", "obiettivo", "nome", "campo"), "")
    entry.update(anno=None, data=None, prima=None, dopo=None, atto="", motivazione="")
    entry.update(values)
    return entry


# --- one test per kind of change -------------------------------------------------------------------


def test_the_same_workbook_has_no_difference(tmp_path: Path) -> None:
    diff = _pair(tmp_path, lambda data: None)
    assert diff.changes == ()
    text = format_text(diff)
    assert text.splitlines()[-1] == "Nessuna differenza."
    assert text.startswith("Differenze tra «Piano della Performance 2020-2022» e «Piano della Performance 2020-2022»")
    document = to_json(diff)
    assert document["modifiche"] == []
    assert set(document["riepilogo"].values()) == {0}


def test_target_changed(tmp_path: Path) -> None:
    def before(data: Data) -> None:
        data["Indicatori"][0]["Target 2021"] = ""

    def revise(data: Data) -> None:
        data["Indicatori"][0].update({"Target 2020": "0,35%", "Target 2021": "0,43%", "Target 2022": ""})

    diff = _pair(tmp_path, revise, change_old=before)
    target = partial(Change, ChangeKind.TARGET, "indicatore", "IND-B21-1", "B.2.1", NAME, "Target")
    assert diff.changes == (
        target(2020, before="90%", after="0,35%"),
        target(2021, before="", after="0,43%"),
        target(2022, before="90%", after=""),
    )
    assert _lines(diff) == [
        f"  - Target 2020 di {SHORT}: 90% → 0,35%",
        f"  - Target 2021 di {SHORT}: (vuoto) → 0,43%",
        f"  - Target 2022 di {SHORT}: 90% → (vuoto)",
    ]
    assert "Target modificati (3)" in format_text(diff)
    common = {"tipo": "target", "elemento": "indicatore", "codice": "IND-B21-1", "obiettivo": "B.2.1", "nome": NAME}
    assert _entries(diff) == [
        _entry(**common, campo="Target", anno=2020, prima="90%", dopo="0,35%"),
        _entry(**common, campo="Target", anno=2021, prima="", dopo="0,43%"),
        _entry(**common, campo="Target", anno=2022, prima="90%", dopo=""),
    ]
    assert to_json(diff)["riepilogo"]["target"] == 3


def test_weight_changed(tmp_path: Path) -> None:
    def revise(data: Data) -> None:
        data["Indicatori"][0]["Peso"] = "80%"
        data["Indicatori"][1]["Peso"] = "20%"

    diff = _pair(tmp_path, revise)
    assert [(c.kind, c.code, c.before, c.after) for c in diff.changes] == [
        (ChangeKind.WEIGHT, "IND-B21-1", "60%", "80%"),
        (ChangeKind.WEIGHT, "IND-B21-2", "40%", "20%"),
    ]
    assert _lines(diff) == [
        f"  - Peso di {SHORT}: 60% → 80%",
        "  - Peso di «Personale dedicato (FTE)» (IND-B21-2, B.2.1): 40% → 20%",
    ]
    assert _entries(diff)[0] == _entry(
        tipo="peso",
        elemento="indicatore",
        codice="IND-B21-1",
        obiettivo="B.2.1",
        nome=NAME,
        campo="Peso",
        prima="60%",
        dopo="80%",
    )


def test_indicator_inserted_and_eliminated(tmp_path: Path) -> None:
    def revise(data: Data) -> None:
        data["Indicatori"].remove(_indicator(data, "IND-B21-2"))
        data["Indicatori"].append(dict(data["Indicatori"][0], Codice="IND-B21-3", Indicatore="Imprese esportatrici", Peso="40%"))

    diff = _pair(tmp_path, revise)
    assert [(c.kind, c.code, c.objective, c.label) for c in diff.changes] == [
        (ChangeKind.INDICATOR_INSERTED, "IND-B21-3", "B.2.1", "Imprese esportatrici"),
        (ChangeKind.INDICATOR_ELIMINATED, "IND-B21-2", "B.2.1", "Personale dedicato (FTE)"),
    ]
    text = format_text(diff)
    assert "Indicatori inseriti (1)\n  - «Imprese esportatrici» (IND-B21-3, B.2.1)\n" in text
    assert "Indicatori eliminati (1)\n  - «Personale dedicato (FTE)» (IND-B21-2, B.2.1)\n" in text
    assert text.splitlines()[-1] == "Riepilogo: 1 indicatore inserito, 1 indicatore eliminato; 2 differenze in tutto."
    assert [entry["tipo"] for entry in _entries(diff)] == ["indicatore_inserito", "indicatore_eliminato"]
    assert _entries(diff)[1] == _entry(
        tipo="indicatore_eliminato", elemento="indicatore", codice="IND-B21-2", obiettivo="B.2.1", nome="Personale dedicato (FTE)"
    )


def test_indicator_eliminated_by_a_revision(tmp_path: Path) -> None:
    """Still in the Indicatori sheet, but the new workbook records its elimination."""

    def revise(data: Data) -> None:
        data["Revisioni"] = [
            {"Tipo": "indicatore eliminato", "Elemento": "IND-B21-2", "Atto": "GC-1-2020", "Valore precedente": "40%",
             "Motivazione": "Non più rilevabile", "Ridistribuisci pesi": "si"},
        ]  # fmt: skip

    diff = _pair(tmp_path, revise)
    eliminated, added = diff.changes
    assert eliminated == Change(
        ChangeKind.INDICATOR_ELIMINATED, "indicatore", "IND-B21-2", "B.2.1", "Personale dedicato (FTE)", "Revisione",
        act="GC-1-2020", motivation="Non più rilevabile",
    )  # fmt: skip
    assert (added.kind, added.field, added.before, added.after) == (ChangeKind.REVISION, "indicatore eliminato", "40%", "")
    assert _lines(diff) == [
        "  - «Personale dedicato (FTE)» (IND-B21-2, B.2.1): eliminato con deliberazione della Giunta n. 1 del 31 gennaio 2020",
        "  - Indicatore eliminato: «Personale dedicato (FTE)» (IND-B21-2, B.2.1), valore precedente 40% — "
        "deliberazione della Giunta n. 1 del 31 gennaio 2020",
    ]
    assert _entries(diff)[0]["atto"] == "GC-1-2020"
    # the same revision in both workbooks: nothing changed
    assert _pair(tmp_path, lambda data: None, change_old=revise).changes == ()


def test_indicator_moved_to_another_objective(tmp_path: Path) -> None:
    def revise(data: Data) -> None:
        data["Obiettivi operativi"].append(dict(data["Obiettivi operativi"][0], Codice="B.2.2", Denominazione="Qualificazione"))
        data["Indicatori"][1].update(Obiettivo="B.2.2", Peso="100%")
        data["Indicatori"][0]["Peso"] = "100%"

    diff = _pair(tmp_path, revise)
    moved = diff.of_kind(ChangeKind.INDICATOR_MOVED)
    assert moved == (
        Change(ChangeKind.INDICATOR_MOVED, "indicatore", "IND-B21-2", "B.2.2", "Personale dedicato (FTE)", "Obiettivo",
               before="B.2.1", after="B.2.2"),
    )  # fmt: skip
    assert "  - «Personale dedicato (FTE)» (IND-B21-2, B.2.2): obiettivo B.2.1 → B.2.2" in _lines(diff)
    assert [c.kind for c in diff.changes] == [
        ChangeKind.WEIGHT,
        ChangeKind.WEIGHT,
        ChangeKind.INDICATOR_MOVED,
        ChangeKind.OBJECTIVE_INSERTED,
    ]
    assert _entries(diff)[2]["tipo"] == "indicatore_spostato"


def test_objectives_inserted_and_eliminated(tmp_path: Path) -> None:
    def before(data: Data) -> None:
        data["Obiettivi strategici"].append({"Codice": "C", "Linea": "B", "Denominazione": "Credito", "Nel cruscotto": "no"})
        data["Obiettivi operativi"].append(dict(data["Obiettivi operativi"][0], Codice="B.2.9", Denominazione="Fiere"))

    def revise(data: Data) -> None:
        data["Obiettivi strategici"][1]["Nel cruscotto"] = "si"
        data["Obiettivi strategici"].append({"Codice": "B3", "Linea": "B", "Denominazione": "Imprese giovanili"})
        data["Obiettivi operativi"].pop()
        data["Obiettivi operativi"].append({"Codice": "B.3.1", "Obiettivo strategico": "B3", "Denominazione": "Formazione"})

    diff = _pair(tmp_path, revise, change_old=before)
    assert [(c.kind, c.element, c.code, c.objective, c.field, c.before, c.after) for c in diff.changes] == [
        (ChangeKind.OBJECTIVE_INSERTED, "obiettivo strategico", "C", "B", "Nel cruscotto", "no", "si"),
        (ChangeKind.OBJECTIVE_INSERTED, "obiettivo strategico", "B3", "B", "", None, None),
        (ChangeKind.OBJECTIVE_INSERTED, "obiettivo operativo", "B.3.1", "B3", "", None, None),
        (ChangeKind.OBJECTIVE_ELIMINATED, "obiettivo operativo", "B.2.9", "B2", "", None, None),
    ]
    assert _lines(diff) == [
        "  - Obiettivo strategico «Credito» (C, linea B): inserito nel cruscotto (Nel cruscotto: no → si)",
        "  - Obiettivo strategico «Imprese giovanili» (B3, linea B)",
        "  - Obiettivo operativo «Formazione» (B.3.1, B3)",
        "  - Obiettivo operativo «Fiere» (B.2.9, B2)",
    ]
    assert "Obiettivi inseriti (3)" in format_text(diff) and "Obiettivi eliminati (1)" in format_text(diff)
    assert _entries(diff)[0] == _entry(
        tipo="obiettivo_inserito", elemento="obiettivo strategico", codice="C", obiettivo="B", nome="Credito",
        campo="Nel cruscotto", prima="no", dopo="si",
    )  # fmt: skip


def test_notes_changed(tmp_path: Path) -> None:
    def before(data: Data) -> None:
        data["Linee strategiche"][0]["Nota non declinata"] = "La linea non è declinata."

    def revise(data: Data) -> None:
        data["Indicatori"][0]["Note"] = "Target rivisto causa COVID19"
        data["Obiettivi strategici"][0]["Note"] = "REVISIONE - obiettivo ridimensionato"
        data["Linee strategiche"][0]["Nota non declinata"] = ""

    diff = _pair(tmp_path, revise, change_old=before)
    assert [(c.element, c.code, c.field, c.before, c.after) for c in diff.of_kind(ChangeKind.NOTES)] == [
        ("indicatore", "IND-B21-1", "Note", "", "Target rivisto causa COVID19"),
        ("obiettivo strategico", "B2", "Note", "", "REVISIONE - obiettivo ridimensionato"),
        ("linea strategica", "B", "Nota non declinata", "La linea non è declinata.", ""),
    ]
    assert len(diff.changes) == 3
    assert _lines(diff) == [
        f"  - Note di {SHORT}: (vuoto) → Target rivisto causa COVID19",
        "  - Note di obiettivo strategico «Favorire l'internazionalizzazione» (B2, linea B): (vuoto) → "
        "REVISIONE - obiettivo ridimensionato",
        "  - Nota non declinata di linea strategica «SOSTEGNO ALLA COMPETITIVITA' DELLE IMPRESE» (B): "
        "La linea non è declinata. → (vuoto)",
    ]
    assert _entries(diff)[2] == _entry(
        tipo="note", elemento="linea strategica", codice="B", nome="SOSTEGNO ALLA COMPETITIVITA' DELLE IMPRESE",
        campo="Nota non declinata", prima="La linea non è declinata.", dopo="",
    )  # fmt: skip


def test_other_indicator_fields_changed(tmp_path: Path) -> None:
    def revise(data: Data) -> None:
        data["Indicatori"][0].update(
            {"Indicatore": "Risorse utilizzate", "Algoritmo": "Risorse impegnate/Risorse stanziate", "Flag": "PIRA/PARETO",
             "Unità di misura": "rapporto", "Tipologia": "Indicatore di efficienza", "Fonte": "Kronos",
             "Owner": "Servizio Promozione", "Storico 2019": "95,00%"}
        )  # fmt: skip

    diff = _pair(tmp_path, revise)
    assert [(c.field, c.year, c.before, c.after) for c in diff.changes] == [  # in the order of the sheet's columns
        ("Flag", None, "PIRA", "PIRA/PARETO"),
        ("Indicatore", None, NAME, "Risorse utilizzate"),
        ("Algoritmo", None, "Risorse prenotate/Risorse stanziate", "Risorse impegnate/Risorse stanziate"),
        ("Tipologia", None, "Indicatore di efficacia della spesa", "Indicatore di efficienza"),
        ("Unità di misura", None, "Percentuale", "rapporto"),
        ("Fonte", None, "Oracle/Con2", "Kronos"),
        ("Owner", None, "", "Servizio Promozione"),
        ("Storico", 2019, "", "95,00%"),
    ]
    assert {c.kind for c in diff.changes} == {ChangeKind.FIELD}
    assert {c.label for c in diff.changes} == {"Risorse utilizzate"}  # the new name
    assert _lines(diff)[2] == (
        "  - Algoritmo di «Risorse utilizzate» (IND-B21-1, B.2.1): Risorse prenotate/Risorse stanziate → "
        "Risorse impegnate/Risorse stanziate"
    )
    assert _lines(diff)[7] == "  - Storico 2019 di «Risorse utilizzate» (IND-B21-1, B.2.1): (vuoto) → 95,00%"
    assert _entries(diff)[7] == _entry(
        tipo="campo", elemento="indicatore", codice="IND-B21-1", obiettivo="B.2.1", nome="Risorse utilizzate",
        campo="Storico", anno=2019, prima="", dopo="95,00%",
    )  # fmt: skip


def test_measurements_added_changed_and_removed(tmp_path: Path) -> None:
    def before(data: Data) -> None:
        data["Misurazioni"] = [
            {"Indicatore": "IND-B21-1", "Data": "30/06/2020", "Valore": "80%"},
            {"Indicatore": "IND-B21-2", "Data": "30/06/2020", "Valore": "2,80%"},
        ]

    def revise(data: Data) -> None:
        data["Misurazioni"] = [
            {"Indicatore": "IND-B21-1", "Data": "30/06/2020", "Valore": "84%"},
            {"Indicatore": "IND-B21-1", "Data": "30/09/2020", "Valore": "in itinere"},
        ]

    diff = _pair(tmp_path, revise, change_old=before)
    june, september = dt.date(2020, 6, 30), dt.date(2020, 9, 30)
    assert [(c.code, c.date, c.before, c.after) for c in diff.changes] == [
        ("IND-B21-1", june, "80%", "84%"),
        ("IND-B21-1", september, None, "in itinere"),
        ("IND-B21-2", june, "2,80%", None),
    ]
    assert _lines(diff) == [
        f"  - Misurazione del 30/06/2020 di {SHORT}: 80% → 84%",
        f"  - Misurazione del 30/09/2020 di {SHORT}: in itinere (nuova)",
        "  - Misurazione del 30/06/2020 di «Personale dedicato (FTE)» (IND-B21-2, B.2.1): 2,80% (eliminata)",
    ]
    assert _entries(diff)[1] == _entry(
        tipo="misurazione", elemento="indicatore", codice="IND-B21-1", obiettivo="B.2.1", nome=NAME, campo="Valore",
        data="2020-09-30", dopo="in itinere",
    )  # fmt: skip


def test_revisions_added(tmp_path: Path) -> None:
    def before(data: Data) -> None:
        data["Revisioni"] = [{"Tipo": "peso rivisto", "Elemento": "IND-B21-1", "Atto": "GC-1-2020", "Valore precedente": "50%",
                              "Nuovo valore": "60%"}]  # fmt: skip

    def revise(data: Data) -> None:
        data["Revisioni"].append(
            {"Tipo": "target rivisto", "Elemento": "IND-B21-1", "Anno": 2020, "Valore precedente": "63%", "Nuovo valore": "0,35%",
             "Atto": "GC-1-2020", "Motivazione": "Errore materiale"}
        )  # fmt: skip

    diff = _pair(tmp_path, revise, change_old=before)
    assert diff.changes == (
        Change(ChangeKind.REVISION, "indicatore", "IND-B21-1", "B.2.1", NAME, "target rivisto", 2020, before="63%",
               after="0,35%", act="GC-1-2020", motivation="Errore materiale"),
    )  # fmt: skip
    assert _lines(diff) == [
        f"  - Target rivisto 2020: {SHORT}, 63% → 0,35% — deliberazione della Giunta n. 1 del 31 gennaio 2020"
    ]
    assert _entries(diff) == [
        _entry(tipo="revisione", elemento="indicatore", codice="IND-B21-1", obiettivo="B.2.1", nome=NAME, campo="target rivisto",
               anno=2020, prima="63%", dopo="0,35%", atto="GC-1-2020", motivazione="Errore materiale")
    ]  # fmt: skip


def test_acts_added(tmp_path: Path) -> None:
    def revise(data: Data) -> None:
        data["Atti"].append({"Codice": "GC-63-2020", "Organo": "Giunta", "Numero": "63", "Data": "09/09/2020",
                             "Oggetto": "Revisione del Piano"})  # fmt: skip

    diff = _pair(tmp_path, revise)
    written = "deliberazione della Giunta n. 63 del 9 settembre 2020 - Revisione del Piano"
    assert diff.changes == (Change(ChangeKind.ACT, "atto", "GC-63-2020", "", "Revisione del Piano", after=written),)
    assert _lines(diff) == [f"  - GC-63-2020: {written} (nuovo)"]
    assert _entries(diff) == [_entry(tipo="atto", elemento="atto", codice="GC-63-2020", nome="Revisione del Piano", dopo=written)]


def test_long_names_are_shortened_in_the_text_only(tmp_path: Path) -> None:
    long_name = "Numero di imprese beneficiarie di contributi diretti previa emanazione di specifici bandi per l'export"
    diff = _pair(
        tmp_path,
        lambda data: data["Indicatori"][1].update({"Target 2021": "95%"}),
        change_old=lambda data: data["Indicatori"][1].update(Indicatore=long_name),
    )
    assert _lines(diff) == [
        "  - Target 2021 di «Numero di imprese beneficiarie di contributi diretti previa…» (IND-B21-2, B.2.1): 90% → 95%"
    ]
    assert _entries(diff)[0]["nome"] == long_name


# --- the diff as revisions -------------------------------------------------------------------------


def test_revisions_from_diff(tmp_path: Path) -> None:
    old_data = _example()
    new_data = copy.deepcopy(old_data)
    new_data["Indicatori"][0].update({"Target 2020": "80%", "Peso": "100%", "Note": "Risorse ridotte causa COVID19"})
    new_data["Indicatori"].pop()  # IND-B21-2 eliminated, its weight re-spread on IND-B21-1
    new_data["Indicatori"].append(dict(old_data["Indicatori"][1], Codice="IND-B21-9", Indicatore="Nuovo", Peso=""))
    new_data["Indicatori"][1].update({"Target 2020": "5", "Algoritmo": "N. eventi"})
    new_data["Obiettivi strategici"][0]["Note"] = "Obiettivo ridimensionato"
    new_data["Obiettivi strategici"].append({"Codice": "C", "Linea": "B", "Denominazione": "Credito"})
    old, new = _save(tmp_path, "vecchio.xlsx", old_data), _save(tmp_path, "nuovo.xlsx", new_data)

    assert revisions_from_diff(old, new, "GC-63-2020") == (
        Revision(RevisionKind.TARGET_REVISED, "IND-B21-1", "GC-63-2020", 2020, "90%", "80%", "Risorse ridotte causa COVID19"),
        Revision(RevisionKind.WEIGHT_REVISED, "IND-B21-1", "GC-63-2020", None, "60%", "100%", "Risorse ridotte causa COVID19"),
        Revision(RevisionKind.INDICATOR_INSERTED, "IND-B21-9", "GC-63-2020", 2020, new="5"),
        Revision(RevisionKind.INDICATOR_ELIMINATED, "IND-B21-2", "GC-63-2020", previous="40%", respread_weights=True),
        Revision(RevisionKind.OBJECTIVE_INSERTED, "C", "GC-63-2020"),
    )


def test_revisions_from_diff_keeps_what_the_new_workbook_records(tmp_path: Path) -> None:
    """Revisions of the act already in the new workbook come first, as written; a change they cover is not repeated."""
    old_data = _example()
    new_data = copy.deepcopy(old_data)
    new_data["Indicatori"][0].update({"Algoritmo": "Risorse impegnate/Risorse stanziate", "Fonte": "Kronos"})
    recorded = {"Tipo": "indicatore eliminato", "Elemento": "IND-B21-2", "Atto": "GC-1-2020", "Motivazione": "Bandi sospesi"}
    new_data["Revisioni"] = [recorded, dict(recorded, Tipo="peso rivisto", Elemento="IND-B21-1", Atto="GC-9-2020")]
    new_data["Atti"].append(dict(new_data["Atti"][0], Codice="GC-9-2020", Numero="9"))
    old, new = _save(tmp_path, "vecchio.xlsx", old_data), _save(tmp_path, "nuovo.xlsx", new_data)

    eliminated = Revision(RevisionKind.INDICATOR_ELIMINATED, "IND-B21-2", "GC-1-2020", motivation="Bandi sospesi")
    updated = Revision(
        RevisionKind.INDICATOR_UPDATED, "IND-B21-1", "GC-1-2020",
        previous="Algoritmo: Risorse prenotate/Risorse stanziate; Fonte: Oracle/Con2",
        new="Algoritmo: Risorse impegnate/Risorse stanziate; Fonte: Kronos",
    )  # fmt: skip
    assert revisions_from_diff(old, new, "GC-1-2020") == (eliminated, updated)


# --- JSON: structure and schema ------------------------------------------------------------------------


def _schema() -> dict[str, Any]:
    """The JSON Schema printed in docs/diff.md (the json block under "## Lo schema JSON")."""
    text = (ROOT / "docs" / "diff.md").read_text(encoding="utf-8")
    section = text.split("## Lo schema JSON", 1)[1]
    found = re.search(r"```json\n(.*?)\n```", section, re.DOTALL)
    assert found, "docs/diff.md must print the schema in a json block"
    return json.loads(found.group(1))  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def real_diff(pistoia: pianodocs.Plan, pistoia_revised: pianodocs.Plan) -> PlanDiff:
    return diff_plans(
        pistoia, pistoia_revised, old_file="cciaa_pistoia_2020_2022.xlsx", new_file="cciaa_pistoia_2020_revisione.xlsx"
    )


def test_the_json_of_a_real_diff_fits_the_documented_schema(real_diff: PlanDiff) -> None:
    schema = _schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    document = json.loads(json.dumps(to_json(real_diff)))  # serialisable, and checked as a reader gets it
    assert problems(document, schema) == []
    # the schema's lists are the code's
    change = schema["$defs"]["modifica"]
    assert change["properties"]["tipo"]["enum"] == [kind.value for kind in ChangeKind]
    assert schema["properties"]["riepilogo"]["required"] == [kind.value for kind in ChangeKind]
    assert change["required"] == list(document["modifiche"][0])


def test_the_schema_rejects_what_it_forbids(real_diff: PlanDiff) -> None:
    schema = _schema()
    document = to_json(real_diff)
    document["modifiche"][0]["tipo"] = "altro"
    document["modifiche"][1]["anno"] = "2020"
    document["nuovo"]["data_monitoraggio"] = "30/06/2020"
    del document["riepilogo"]["target"]
    document["extra"] = 1
    assert len(problems(document, schema)) == 5


def test_json_key_order_is_stable(real_diff: PlanDiff) -> None:
    document = to_json(real_diff)
    assert list(document) == ["vecchio", "nuovo", "modifiche", "riepilogo"]
    assert list(document["vecchio"]) == ["titolo", "ente", "primo_anno", "ultimo_anno", "data_monitoraggio", "file"]
    assert list(document["riepilogo"]) == [kind.value for kind in ChangeKind]
    assert json.dumps(document, ensure_ascii=False) == json.dumps(to_json(real_diff), ensure_ascii=False)


# --- the real pair: Pistoia 2020-2022 and its revision (seed 000) ---------------------------------------


def test_the_revision_of_pistoia(real_diff: PlanDiff) -> None:
    counts = {kind.value: count for kind, count in real_diff.counts().items() if count}
    assert counts == {
        "indicatore_inserito": 3, "indicatore_eliminato": 1, "obiettivo_inserito": 1, "note": 2, "misurazione": 13, "revisione": 13,
    }  # fmt: skip
    # the new line C objective enters the cruscotto, with its indicator; the two B.3.2 indicators
    assert [(c.code, c.objective) for c in real_diff.of_kind(ChangeKind.INDICATOR_INSERTED)] == [
        ("IND-B32-5", "B.3.2"), ("IND-B32-6", "B.3.2"), ("IND-C-1", "C"),
    ]  # fmt: skip
    (objective,) = real_diff.of_kind(ChangeKind.OBJECTIVE_INSERTED)
    assert (objective.element, objective.code, objective.field, objective.before, objective.after) == (
        "obiettivo strategico", "C", "Nel cruscotto", "no", "si",
    )  # fmt: skip
    (eliminated,) = real_diff.of_kind(ChangeKind.INDICATOR_ELIMINATED)
    assert (eliminated.code, eliminated.act) == ("IND-B21-3", "GC-63-2020")
    assert eliminated.motivation.startswith("Indicatore eliminato. Non saranno emanati specifici bandi")
    # the 30/06 measurements, as printed in 000's 30/06/2020 column
    measured = {c.code: c.after for c in real_diff.of_kind(ChangeKind.MEASUREMENT)}
    assert {c.date for c in real_diff.of_kind(ChangeKind.MEASUREMENT)} == {dt.date(2020, 6, 30)}
    assert measured["IND-B21-1"] == "84%" and measured["IND-B32-1"] == "660" and measured["IND-E1-1"] == "0,20%"
    assert measured["IND-B32-6"] == "in via di definizione"
    # the revisions of G.C. 63/2020
    revisions = real_diff.of_kind(ChangeKind.REVISION)
    assert {c.act for c in revisions} == {"GC-63-2020"}
    assert [(c.year, c.before, c.after) for c in revisions if c.code == "IND-E1-1"] == [
        (2020, "63%", "0,35%"), (2021, "63%", "0,43%"), (2022, "63%", "0,63%"),
    ]  # fmt: skip
    notes = {(c.element, c.code): c.after for c in real_diff.of_kind(ChangeKind.NOTES)}
    assert notes[("linea strategica", "C")] == ""  # line C is declined now
    assert notes[("indicatore", "IND-E1-3")].startswith("Differimento dell'entrata in vigore del Codice della crisi")
    # the revised workbook keeps the targets and weights of the Piano and records the changes as revisions
    assert real_diff.of_kind(ChangeKind.TARGET) == () and real_diff.of_kind(ChangeKind.WEIGHT) == ()


def test_what_the_pistoia_diff_reports_is_printed_in_seed_000(real_diff: PlanDiff) -> None:
    """Names, 30/06 values, new targets and motivations the diff reports are all in the annex to G.C. 63/2020."""
    seed = set(facts("000_allegato_gc63_2020"))  # 000's texts (names of the new indicators, notes), verbatim
    for change in real_diff.of_kind(ChangeKind.INDICATOR_INSERTED):
        assert change.label in seed, change.label
    # 000's 30/06/2020 column, row by row
    assert {c.code: c.after for c in real_diff.of_kind(ChangeKind.MEASUREMENT)} == {
        "IND-B21-1": "84%", "IND-B21-2": "7,30%", "IND-B21-3": "-", "IND-B22-1": "100%",
        "IND-B32-1": "660", "IND-B32-2": "35", "IND-B32-3": "4%", "IND-B32-4": "in itinere",
        "IND-B32-5": "2", "IND-B32-6": "in via di definizione", "IND-E1-1": "0,20%", "IND-E1-2": "30%", "IND-E2-1": "-",
    }  # fmt: skip
    # 000's revised weights (Peso), its "Revisione 2020" column and E1's corrected targets 2020-2022
    assert [(c.code, c.year, c.after) for c in real_diff.of_kind(ChangeKind.REVISION)] == [
        ("IND-B21-1", None, "80%"), ("IND-B21-2", 2020, "2,80%"), ("IND-B21-3", None, ""), ("IND-B22-1", None, "10%"),
        ("IND-B32-1", 2020, "700"), ("IND-B32-2", 2020, "40"), ("IND-B32-5", 2020, "3"), ("IND-B32-6", 2020, "1"),
        ("C", None, ""), ("IND-C-1", 2020, "11,11"),
        ("IND-E1-1", 2020, "0,35%"), ("IND-E1-1", 2021, "0,43%"), ("IND-E1-1", 2022, "0,63%"),
    ]  # fmt: skip
    for change in real_diff.of_kind(ChangeKind.REVISION):
        assert change.motivation == "" or change.motivation in seed, change.motivation
    (notes,) = [c for c in real_diff.of_kind(ChangeKind.NOTES) if c.code == "IND-E1-3"]
    assert notes.after in seed


def test_the_revision_of_pistoia_as_text(real_diff: PlanDiff) -> None:
    text = format_text(real_diff)
    assert text.splitlines()[0] == (
        "Differenze tra «Piano della Performance 2020-2022» (cciaa_pistoia_2020_2022.xlsx) e "
        "«Piano della Performance 2020-2022 - revisione» (cciaa_pistoia_2020_revisione.xlsx)"
    )
    g63 = "deliberazione della Giunta n. 63 del 9 settembre 2020"
    for line in (
        "Indicatori inseriti (3)",
        "  - «Grado di distribuzione dei contributi diretti a favore…» (IND-C-1, C)",
        f"  - «Grado di distribuzione dei contributi diretti a favore…» (IND-B21-3, B.2.1): eliminato con {g63}",
        "  - Obiettivo strategico «Facilitare e sostenere l'accesso al credito delle imprese» (C, linea C): "
        "inserito nel cruscotto (Nel cruscotto: no → si)",
        "  - Misurazione del 30/06/2020 di «Grado di utilizzo delle risorse dedicate…» (IND-B21-1, B.2.1): 84% (nuova)",
        f"  - Peso rivisto: «Grado di utilizzo delle risorse dedicate…» (IND-B21-1, B.2.1), 60% → 80% — {g63}",
        f"  - Target rivisto 2020: «Sviluppo temporale del numero di studenti coinvolti nei…» (IND-B32-1, B.3.2), 2.000 → 700 — {g63}",
        "Riepilogo: 3 indicatori inseriti, 1 indicatore eliminato, 1 obiettivo inserito, 2 note modificate, "
        "13 misurazioni nuove o modificate, 13 revisioni aggiunte; 33 differenze in tutto.",
    ):
        assert line in text.splitlines(), line


def test_the_revisions_of_pistoia_match_the_annex(pistoia: pianodocs.Plan, pistoia_revised: pianodocs.Plan) -> None:
    """The annex to G.C. 63/2020 from the pair: the revisions the revised workbook records, nothing derived twice."""
    revisions = revisions_from_diff(pistoia, pistoia_revised, "GC-63-2020")
    assert revisions == pistoia_revised.revisions
    # what seed 000 prints: the E1 "errore materiale", the B.3.2 targets revised to 700 and 40
    (e1,) = {r.motivation for r in revisions if r.element == "IND-E1-1"}
    assert e1 == "Errore materiale nella forma di espressione del target (0,63%) e abbassamento dello stesso causa COVID19"
    assert [(r.element, r.new) for r in revisions if r.kind is RevisionKind.TARGET_REVISED and r.element.startswith("IND-B32")] == [
        ("IND-B32-1", "700"), ("IND-B32-2", "40"),
    ]  # fmt: skip


def test_the_command_line_prints_text_and_json() -> None:
    import json
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    environment = dict(os.environ, PYTHONPATH=str(root / "src"))
    old, new = (
        str(root / "sample_data" / name) for name in ("cciaa_pistoia_2020_2022.xlsx", "cciaa_pistoia_2020_revisione.xlsx")
    )
    text = subprocess.run(
        [sys.executable, "-m", "pianodocs", "diff", old, new], capture_output=True, text=True, env=environment, check=True
    )
    assert "IND-B21-3" in text.stdout and "Traceback" not in text.stderr
    as_json = subprocess.run(
        [sys.executable, "-m", "pianodocs", "diff", old, new, "--json"],
        capture_output=True,
        text=True,
        env=environment,
        check=True,
    )
    document = json.loads(as_json.stdout)
    assert list(document) == ["vecchio", "nuovo", "modifiche", "riepilogo"]
    assert any(change["codice"] == "IND-B21-3" for change in document["modifiche"])
    missing = subprocess.run(
        [sys.executable, "-m", "pianodocs", "diff", old, "manca.xlsx"], capture_output=True, text=True, env=environment
    )
    assert missing.returncode == 1 and "non esiste" in missing.stderr
