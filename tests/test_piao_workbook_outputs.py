"""The PIAO's data out of the workbook: ``pianodocs diff`` and ``export`` cover them, and the invented chamber's two PIAO
samples load with what their source puts in them (and no seed text in what is made from them)."""

from __future__ import annotations

import csv
import json
import re
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

import pianodocs
from pianodocs import export
from pianodocs.cli import main
from pianodocs.diff import ChangeKind, diff_plans, format_text, to_json
from pianodocs.model_piao import PiaoVariant, PublicValueLevel, RiskLevel
from pianodocs.values import parse_target

from . import json_schema
from .conftest import ROOT, SAMPLES
from .seed_phrases import seed_text_found
from .test_piao_workbook import Data, write

ORDINARY = SAMPLES / "cciaa_valserena_piao_2025_2027.xlsx"
SIMPLIFIED = SAMPLES / "cciaa_valserena_piao_2025_2027_semplificato.xlsx"


def _diff_schema() -> dict[str, Any]:
    section = (ROOT / "docs" / "diff.md").read_text(encoding="utf-8").split("## Lo schema JSON", 1)[1]
    found = re.search(r"```json\n(.*?)\n```", section, re.DOTALL)
    assert found
    return json.loads(found.group(1))  # type: ignore[no-any-return]


# --- diff -----------------------------------------------------------------------------------------------


@pytest.fixture
def two_versions(tmp_path: Path) -> tuple[Path, Path]:
    def revised(data: Data) -> None:
        data["Misure di prevenzione"][0].update(Target="90%", Tempi="entro il 31/12/2025")
        data["Misure di prevenzione"].append({"Codice": "M02", "Misura": "Doppia firma", "Rischi": "R02"})
        data["Personale"][1]["Assunzioni 2026"] = 2
        data["Personale"][2]["Assunzioni 2026"] = 2
        data["Rischi"][1]["Giudizio"] = "medio"
        data["Lavoro agile"]["Dipendenti in lavoro agile"] = 25
        del data["Formazione"][0]

    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    return write(tmp_path / "old"), write(tmp_path / "new", revised)


def test_a_changed_measure_and_staff_number_show_in_the_diff(two_versions: tuple[Path, Path]) -> None:
    old, new = (pianodocs.load_workbook(path) for path in two_versions)
    diff = diff_plans(old, new)
    found = [(c.kind, c.element, c.code, c.label, c.field, c.year, c.before, c.after) for c in diff.changes]
    assert found == [
        (ChangeKind.FIELD, "lavoro agile", "", "Lavoro agile", "Dipendenti in lavoro agile", None, "21", "25"),
        (ChangeKind.FIELD, "rischio", "R02", "Fuori ordine", "Giudizio", None, "basso", "medio"),
        (
            ChangeKind.FIELD,
            "misura di prevenzione",
            "M01",
            "Rotazione",
            "Tempi",
            None,
            "entro il 30/06/2025",
            "entro il 31/12/2025",
        ),
        (ChangeKind.FIELD, "misura di prevenzione", "M01", "Rotazione", "Target", None, "100%", "90%"),
        (ChangeKind.FIELD, "personale", "", "Istruttori", "Assunzioni", 2026, "1", "2"),
        (ChangeKind.FIELD, "personale", "", "Totale", "Assunzioni", 2026, "1", "2"),
        (ChangeKind.ITEM_INSERTED, "misura di prevenzione", "M02", "Doppia firma", "", None, None, None),
        (ChangeKind.ITEM_ELIMINATED, "formazione", "2025", "Anticorruzione", "", None, None, None),
    ]
    text = format_text(diff)
    assert "  - Target di misura di prevenzione «Rotazione» (M01): 100% → 90%\n" in text
    assert "  - Assunzioni 2026 di personale «Istruttori»: 1 → 2\n" in text
    assert "Voci inserite (1)\n  - Misura di prevenzione «Doppia firma» (M02)\n" in text
    assert "Voci eliminate (1)\n  - Formazione «Anticorruzione» (2025)\n" in text
    assert json_schema.problems(to_json(diff), _diff_schema()) == []


def test_pianodocs_diff_prints_the_piao_changes(two_versions: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", *map(str, two_versions), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    measures = [m for m in document["modifiche"] if m["elemento"] == "misura di prevenzione"]
    assert [(m["tipo"], m["codice"], m["campo"], m["dopo"]) for m in measures] == [
        ("campo", "M01", "Tempi", "entro il 31/12/2025"), ("campo", "M01", "Target", "90%"), ("voce_inserita", "M02", "", None),
    ]  # fmt: skip
    assert document["riepilogo"]["voce_eliminata"] == 1


def test_the_piao_marks_of_an_operational_objective_show_in_the_diff(tmp_path: Path) -> None:
    old = pianodocs.load_workbook(write(tmp_path))
    new = attrs.evolve(
        old, operational_objectives=(attrs.evolve(old.operational_objectives[0], piao_dimensions=("accessibilità",)),)
    )
    (change,) = diff_plans(old, new).changes
    assert (change.element, change.code, change.field) == ("obiettivo operativo", "B.2.1", "Ambiti PIAO")
    assert (change.before, change.after) == ("digitalizzazione, parità di genere", "accessibilità")


def test_a_plan_without_piao_data_has_no_piao_changes() -> None:
    plan = pianodocs.load_workbook(SAMPLES / "cciaa_valserena_2024_2026.xlsx")
    assert diff_plans(plan, plan).changes == ()


# --- export ---------------------------------------------------------------------------------------------


def _csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, delimiter=";"))


def test_the_open_data_include_the_measures_risks_and_staffing_plan(tmp_path: Path) -> None:
    plan = pianodocs.load_workbook(write(tmp_path))
    folder = tmp_path / "dati"
    folder.mkdir()
    names = [path.name for path in export.write_export(plan, folder)]
    assert names[-4:] == ["rischi.csv", "misure_di_prevenzione.csv", "personale.csv", "piano.json"]
    assert _csv(folder / "misure_di_prevenzione.csv") == [
        ["codice", "misura", "rischi", "ambito", "tipologia", "responsabile", "tempi", "indicatore", "target"],
        ["M01", "Rotazione", "R01, R02", "generale", "rotazione", "ASE", "entro il 30/06/2025", "Affidamenti ruotati", "100%"],
    ]
    risks = _csv(folder / "rischi.csv")
    assert risks[0][-1] == "livello" and [row[-1] for row in risks[1:]] == ["alto", "basso"]
    # Funzionari: 20, +2 −1 in 2025 (21), −1 in 2026 (20), 2027 unchanged; the typed total row too: 54 → 55 → 55 → 53
    assert _csv(folder / "personale.csv")[:4] == [
        ["categoria", "riga di totale", "in servizio", "anno", "assunzioni", "cessazioni", "in servizio a fine anno"],
        ["Funzionari e Elevata qualificazione", "no", "20", "2025", "2", "1", "21"],
        ["Funzionari e Elevata qualificazione", "no", "20", "2026", "0", "1", "20"],
        ["Funzionari e Elevata qualificazione", "no", "20", "2027", "0", "0", "20"],
    ]
    assert [row[-1] for row in _csv(folder / "personale.csv")[7:]] == ["55", "55", "53"]
    document = json.loads((folder / "piano.json").read_text(encoding="utf-8"))
    assert document["misure_di_prevenzione"][0]["rischi"] == "R01, R02"
    total = document["personale"][2]
    assert (total["riga_di_totale"], total["in_servizio"], total["data_di_riferimento"]) == (True, 54, "31/12/2024")
    assert total["anni"][0] == {"anno": 2025, "assunzioni": 2, "cessazioni": 1, "in_servizio_a_fine_anno": 55}
    schema = json.loads((ROOT / "docs" / "export.schema.json").read_text(encoding="utf-8"))
    assert json_schema.problems(document, schema) == []


def test_a_plan_without_piao_data_exports_as_before(tmp_path: Path) -> None:
    plan = pianodocs.load_workbook(SAMPLES / "cciaa_valserena_2024_2026.xlsx")
    assert list(export.to_json(plan)) == ["versione_formato", "ente", "piano", "indicatori"]
    names = [path.name for path in export.write_export(plan, tmp_path)]
    assert not {"rischi.csv", "misure_di_prevenzione.csv", "personale.csv"} & set(names)


# --- the invented chamber's two PIAO samples --------------------------------------------------------------


@pytest.fixture(scope="module")
def ordinary() -> pianodocs.Plan:
    return pianodocs.load_workbook(ORDINARY)


@pytest.fixture(scope="module")
def simplified() -> pianodocs.Plan:
    return pianodocs.load_workbook(SIMPLIFIED)


def test_the_ordinary_sample_is_the_chambers_piao_2025_2027(ordinary: pianodocs.Plan) -> None:
    assert (ordinary.kind, ordinary.piao.variant, ordinary.first_year, ordinary.last_year) == (
        "piao",
        PiaoVariant.ORDINARY,
        2025,
        2027,
    )
    assert ordinary.entity.name == "Camera di Commercio di Valserena e Monti Alti" and ordinary.illustrative
    assert "inventati" in ordinary.data_note
    assert (ordinary.piao.adoption_act, ordinary.piao.budget_act, ordinary.piao.staff_date) == (
        "GV-9-2025",
        "CC-14-2024",
        "31/12/2024",
    )
    assert ordinary.act("GV-9-2025") is not None and ordinary.act("CC-14-2024") is not None
    assert ordinary.piao.registered_businesses is not None and ordinary.piao.registered_businesses.number == 17850


def test_the_ordinary_sample_carries_the_performance_tree_for_2025_2027(ordinary: pianodocs.Plan) -> None:
    assert len(ordinary.indicators) == 44 and "V141-3" not in {i.code for i in ordinary.indicators}
    weights = {i.code: i.weight for i in ordinary.indicators if i.objective == "O121"}
    assert weights == {"V121-1": Decimal("0.5"), "V121-2": Decimal("0.3"), "V121-3": Decimal("0.2")}  # the 2024 revision
    first = next(i for i in ordinary.indicators if i.code == "V111-1")
    assert {year: t.text for year, t in first.targets.items()} == {2025: "1.300", 2026: "1.400", 2027: "1.500"}
    marked = {o.code: o.piao_dimensions for o in ordinary.operational_objectives if o.piao_dimensions}
    assert marked["O122"] == ("digitalizzazione", "semplificazione") and marked["O412"] == ("parità di genere",)
    assert {d for marks in marked.values() for d in marks} == {
        "semplificazione",
        "digitalizzazione",
        "accessibilità",
        "parità di genere",
    }


def test_the_ordinary_sample_carries_public_value_risks_and_transparency(ordinary: pianodocs.Plan) -> None:
    general = [o for o in ordinary.public_value_objectives if o.level is PublicValueLevel.GENERAL]
    assert [o.code for o in general] == ["VP1", "VP2", "VP3"]
    assert {o.parent for o in ordinary.public_value_objectives if o.level is PublicValueLevel.SPECIFIC} == {"VP1", "VP2", "VP3"}
    assert all(
        o.impact_indicator and o.baseline and sorted(o.targets) == [2025, 2026, 2027] for o in ordinary.public_value_objectives
    )
    kinds = {action.kind.value for action in ordinary.public_value_actions}
    assert kinds == {"accessibilità fisica", "accessibilità digitale", "semplificazione", "reingegnerizzazione"}
    assert any("ultrasessantacinquenni" in a.beneficiaries for a in ordinary.public_value_actions)
    assert len(ordinary.risks) == 11 and {r.area for r in ordinary.risks} >= {"Contratti pubblici", "Incarichi e nomine"}
    assert next(r for r in ordinary.risks if r.code == "R08").level is RiskLevel.HIGH  # medio × alto
    assert len(ordinary.prevention_measures) == 13
    assert all(m.owner and m.timing and m.indicator and m.target for m in ordinary.prevention_measures)
    measure = next(m for m in ordinary.prevention_measures if m.code == "M10")
    assert (measure.risks, measure.target) == (("R08", "R09"), parse_target("100%"))
    assert len(ordinary.transparency_obligations) == 15
    assert all(o.reference.startswith("d.lgs. 33/2013, art") for o in ordinary.transparency_obligations)


def test_the_ordinary_sample_carries_section_3_and_4(ordinary: pianodocs.Plan) -> None:
    assert all(ordinary.smart_working.conditions) and ordinary.smart_working.agile_staff == 21
    categories = [row.category for row in ordinary.staff]
    assert categories == [
        "Dirigenti",
        "Funzionari e Elevata qualificazione",
        "Istruttori",
        "Operatori esperti",
        "Operatori",
        "Totale",
    ]
    total = ordinary.staff[-1]
    assert (total.is_total, total.present, total.hires, total.leavers) == (
        True,
        54,
        {2025: 4, 2026: 5, 2027: 2},
        {2025: 4, 2026: 3, 2027: 4},
    )
    assert len(ordinary.training) == 6 and {t.year for t in ordinary.training} == {2025, 2026}
    assert [m.section[:3] for m in ordinary.piao_monitoring] == ["2.1", "2.2", "2.3", "3.2", "3.3"]
    assert len(ordinary.satisfaction_surveys) == 3


def test_the_simplified_sample_is_a_small_office_said_to_be_an_illustration(simplified: pianodocs.Plan) -> None:
    assert (simplified.kind, simplified.piao.variant) == ("piao", PiaoVariant.SIMPLIFIED)
    assert "Illustrazione del PIAO semplificato" in simplified.data_note and "meno di 50 dipendenti" in simplified.data_note
    assert simplified.staff[-1].is_total and simplified.staff[-1].present == 38
    assert simplified.smart_working.agile_staff == 14  # typed as text
    assert simplified.piao.staff_date == "31/12/2024"  # typed as text
    # the areas of L. 190/2012 art. 1 c. 16 only, and the measures of those risks
    assert [r.code for r in simplified.risks] == ["R01", "R02", "R03", "R04", "R05", "R07"]
    kept = {r.code for r in simplified.risks}
    assert all(set(m.risks) <= kept for m in simplified.prevention_measures) and len(simplified.prevention_measures) == 9
    assert simplified.indicators == () and simplified.public_value_objectives == ()


@pytest.mark.parametrize("sample", [ORDINARY, SIMPLIFIED], ids=["ordinario", "semplificato"])
def test_a_sample_validates_without_a_piao_warning(sample: Path) -> None:
    warnings: list[pianodocs.Problem] = []
    pianodocs.load_workbook(sample, warnings=warnings)
    piao_sheets = {"PIAO", "Valore pubblico", "Rischi", "Misure di prevenzione", "Personale", "Lavoro agile", "Trasparenza"}
    assert [w.message for w in warnings if w.sheet in piao_sheets] == []


@pytest.mark.parametrize("sample", [ORDINARY, SIMPLIFIED], ids=["ordinario", "semplificato"])
def test_what_is_made_from_a_sample_has_no_seed_text(sample: Path, tmp_path: Path) -> None:
    plan = pianodocs.load_workbook(sample)
    pdf = pianodocs.render(plan, "piao", tmp_path / "piao.pdf", workbook_folder=SAMPLES)
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    text += json.dumps(export.to_json(plan), ensure_ascii=False)
    assert "Camera di Commercio di Valserena e Monti Alti" in text
    assert seed_text_found(text) == []  # (a year of the seeds' plans is no test here: the PIAO cites DM 132/2022)


def test_the_samples_differ_by_what_the_simplified_form_leaves_out(ordinary: pianodocs.Plan, simplified: pianodocs.Plan) -> None:
    kinds = {c.kind for c in diff_plans(ordinary, attrs.evolve(simplified, indicators=ordinary.indicators)).changes}
    assert ChangeKind.ITEM_ELIMINATED in kinds  # the risks outside the areas of art. 1 c. 16, the other measures


def test_the_samples_carry_their_own_words_under_the_piao_sections(ordinary: pianodocs.Plan, simplified: pianodocs.Plan) -> None:
    """Sezioni with Documento piao, keyed as docs/piao.md says, each with a paragraph of Testi."""
    for plan, keys in ((ordinary, ["valore-pubblico", "rischi-corruttivi", "lavoro-agile", "fabbisogni-personale"]),
                       (simplified, ["rischi-corruttivi", "lavoro-agile"])):  # fmt: skip
        assert [(s.key, s.document) for s in plan.sections] == [(key, "piao") for key in keys]
        assert [b.section for b in plan.text_blocks if b.kind == "paragrafo"] == keys
