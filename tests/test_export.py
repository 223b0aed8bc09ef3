"""The open data export (pianodocs.export): CSV read back with the csv module, piano.json against its schema."""

from __future__ import annotations

import csv
import datetime as dt
import errno
import json
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

import pianodocs
from pianodocs import export
from pianodocs.export import (
    INDICATOR_COLUMNS,
    MEASUREMENT_COLUMNS,
    SCORE_COLUMNS,
    TARGET_COLUMNS,
    spreadsheet_safe,
    write_export,
)
from pianodocs.model import Direction
from pianodocs.values import Comparison, TargetKind, ValueKind, parse_target, parse_value

from .conftest import ROOT, SAMPLES
from .json_schema import problems

SCHEMA_PATH = ROOT / "docs" / "export.schema.json"
PISTOIA_STEM = "cciaa_pistoia_2020_2022_"
CSV_NAMES = ("indicatori.csv", "target.csv", "misurazioni.csv", "punteggi.csv")
COLUMNS = dict(zip(CSV_NAMES, (INDICATOR_COLUMNS, TARGET_COLUMNS, MEASUREMENT_COLUMNS, SCORE_COLUMNS), strict=True))


def read_csv(path: Path) -> list[dict[str, str]]:
    """A CSV as documented: UTF-8 with BOM, ';' between fields."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def read_export(folder: Path, stem: str = "") -> tuple[dict[str, list[dict[str, str]]], dict[str, Any]]:
    tables = {name: read_csv(folder / f"{stem}{name}") for name in CSV_NAMES if (folder / f"{stem}{name}").exists()}
    return tables, json.loads((folder / f"{stem}piano.json").read_text(encoding="utf-8"))


def number(text: str) -> Decimal | None:
    return Decimal(text) if text else None


@pytest.fixture(scope="module")
def prato() -> pianodocs.Plan:
    return pianodocs.load_workbook(SAMPLES / "cciaa_prato_2020.xlsx")


@pytest.fixture(scope="module")
def pistoia_folder(pistoia: pianodocs.Plan, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pistoia")
    write_export(pistoia, folder, stem=PISTOIA_STEM)
    return folder


@pytest.fixture(scope="module")
def prato_folder(prato: pianodocs.Plan, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("prato")
    write_export(prato, folder)
    return folder


# --- the files -----------------------------------------------------------------------------------


def test_a_plan_without_measurements_has_no_scores_and_the_stem_prefixes_every_name(
    pistoia: pianodocs.Plan, tmp_path: Path
) -> None:
    written = write_export(pistoia, tmp_path, stem=PISTOIA_STEM)
    names = ["indicatori.csv", "target.csv", "misurazioni.csv", "piano.json"]
    assert written == [tmp_path / f"{PISTOIA_STEM}{name}" for name in names]
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(path.name for path in written), "no temporary file"


def test_a_monitoring_plan_has_its_scores_at_the_monitoring_date(prato: pianodocs.Plan, prato_folder: Path) -> None:
    assert sorted(path.name for path in prato_folder.iterdir()) == sorted([*CSV_NAMES, "piano.json"])
    tables, document = read_export(prato_folder)
    assert {row["data"] for row in tables["punteggi.csv"]} == {"2020-09-30"}
    assert (document["piano"]["data_valutazione"], document["piano"]["anno_valutazione"]) == ("2020-09-30", 2020)


def test_csv_encoding_delimiter_and_line_ends(prato_folder: Path) -> None:
    raw = (prato_folder / "indicatori.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM, for Excel in Italian"
    first_line = raw[3:].split(b"\r\n", 1)[0].decode("utf-8")
    assert first_line == ";".join(column.header for column in INDICATOR_COLUMNS)
    assert "centro di responsabilità" in first_line and "unità di misura" in first_line
    assert raw.endswith(b"\r\n") and raw.count(b"\n") == raw.count(b"\r\n")
    assert not (prato_folder / "piano.json").read_bytes().startswith(b"\xef\xbb\xbf"), "JSON without BOM (RFC 8259)"
    for name, columns in COLUMNS.items():
        with (prato_folder / name).open(encoding="utf-8-sig", newline="") as handle:
            assert next(csv.reader(handle, delimiter=";")) == [column.header for column in columns]


# --- CSV content against the model ----------------------------------------------------------------


def test_indicators_one_row_each_with_the_model_values(pistoia: pianodocs.Plan, pistoia_folder: Path) -> None:
    rows = read_csv(pistoia_folder / f"{PISTOIA_STEM}indicatori.csv")
    assert [row["codice"] for row in rows] == [indicator.code for indicator in pistoia.indicators]
    assert len(rows) == 110
    for row, indicator in zip(rows, pistoia.indicators, strict=True):
        assert row["indicatore"] == spreadsheet_safe(indicator.name)
        assert row["algoritmo"] == spreadsheet_safe(indicator.algorithm)
        assert row["obiettivo"] == indicator.objective
        assert number(row["peso numerico"]) == indicator.weight
        assert row["verso"] == (indicator.direction.value if indicator.direction else "")
    first = rows[0]
    assert (first["obiettivo"], first["obiettivo strategico"], first["linea"]) == ("A.3.4", "A", "A")
    assert (first["prospettiva"], first["flag"], first["fonte"]) == ("Tessuto economico locale", "PIRA", "Oracle/Con2")
    assert (first["peso"], first["peso numerico"], first["missione"], first["programma"]) == ("50%", "0.5", "011", "005")
    by_code = {row["codice"]: row for row in rows}
    assert (by_code["IND-I21-3"]["media cluster"], by_code["IND-I21-3"]["media cluster numerica"]) == ("117.762,00", "117762")
    assert (by_code["IND-E1-1"]["media cluster"], by_code["IND-E1-1"]["media cluster numerica"]) == ("0,52%", "0.0052")
    assert by_code["IND-I21-3"]["verso"] == "decrescente"


def test_targets_one_row_per_indicator_and_year(pistoia: pianodocs.Plan, pistoia_folder: Path) -> None:
    rows = read_csv(pistoia_folder / f"{PISTOIA_STEM}target.csv")
    assert (
        len(rows) == sum(len(indicator.targets) for indicator in pistoia.indicators) == 203
    )  # with the "=1" target the samples once lost
    found = {(row["codice indicatore"], int(row["anno"])): row for row in rows}
    assert found["IND-A34-1", 2020] == {
        "codice indicatore": "IND-A34-1", "anno": "2020", "target come scritto": "90%", "tipo di target": "livello",
        "operatore": "", "soglia numerica": "0.9", "data di scadenza": "",
    }  # fmt: skip
    assert (found["IND-D2-3", 2021]["target come scritto"], found["IND-D2-3", 2021]["soglia numerica"]) == ("'-16", "-16")
    assert found["IND-G2-1", 2020]["operatore"] == ">" and found["IND-G2-1", 2020]["soglia numerica"] == "3"
    deadline = found["IND-H3-5", 2020]
    assert (deadline["target come scritto"], deadline["tipo di target"], deadline["data di scadenza"]) == (
        "entro 31/12/2020", "scadenza", "2020-12-31",
    )  # fmt: skip
    assert found["IND-H1-1", 2020]["tipo di target"] == "testo libero" and found["IND-H1-1", 2020]["soglia numerica"] == ""


def test_measurements_as_written_and_as_numbers(prato: pianodocs.Plan, prato_folder: Path) -> None:
    rows = read_csv(prato_folder / "misurazioni.csv")
    assert len(rows) == len(prato.measurements) == 67
    for row, measurement in zip(rows, prato.measurements, strict=True):
        assert (row["codice"], row["data"]) == (measurement.indicator, measurement.date.isoformat())
        assert row["valore come scritto"] == spreadsheet_safe(measurement.value.text)
        assert number(row["valore numerico"]) == measurement.value.number
    by_code = {row["codice"]: row for row in rows}
    assert [by_code["P01-1"][key] for key in ("valore come scritto", "valore numerico", "tipo di valore")] == [
        "3.960", "3960", "numero",
    ]  # fmt: skip
    assert [by_code["P03-1"][key] for key in ("valore come scritto", "valore numerico")] == ["4 su 8", "4"]
    assert [by_code["P03-2"][key] for key in ("valore come scritto", "valore numerico", "tipo di valore")] == ["no", "", "si/no"]
    percent = next(row for row in rows if row["tipo di valore"] == "percentuale")
    assert Decimal(percent["valore numerico"]) * 100 == Decimal(percent["valore come scritto"].rstrip("%").replace(",", "."))


def test_scores_are_the_scoring_engines(prato: pianodocs.Plan, prato_folder: Path) -> None:
    card = pianodocs.score(prato, dt.date(2020, 9, 30))
    rows = read_csv(prato_folder / "punteggi.csv")
    assert [row["codice"] for row in rows] == [indicator.code for indicator in prato.indicators]
    for row in rows:
        expected = card.indicator(row["codice"])
        assert row["raggiungimento %"] == expected.percent
        assert row["regola"] == expected.rule
        assert row["valutabile"] == ("si" if expected.evaluable else "no")
        assert number(row["raggiungimento numerico"]) == (
            None if expected.achievement is None else round(expected.achievement, 10).normalize()
        )
    by_code = {row["codice"]: row for row in rows}
    p01 = by_code["P01-1"]  # seed 004: 3.960 of 15.500 gives 26%
    assert [p01[key] for key in ("anno", "data misurazione", "valore", "target in vigore", "raggiungimento %")] == [
        "2020", "2020-09-30", "3.960", "15.500", "26%",
    ]  # fmt: skip
    assert p01["regola"] == "più alto è meglio: min(3.960 / 15.500; 1) = 26%"
    assert by_code["P01-AV"]["motivo"] == "nessun target per il 2020" and by_code["P01-AV"]["valutabile"] == "no"
    assert sum(row["valutabile"] == "si" for row in rows) == sum(score.evaluable for score in card.indicators)


def test_scores_at_a_given_date_with_revisions(pistoia_revised: pianodocs.Plan, tmp_path: Path) -> None:
    write_export(pistoia_revised, tmp_path, at=dt.date(2020, 9, 30))
    by_code = {row["codice"]: row for row in read_csv(tmp_path / "punteggi.csv")}
    revised = by_code["IND-B32-1"]  # 660 contacts: 33% of the original 2.000, 94% of the revised 700
    assert [revised[key] for key in ("data", "target in vigore", "target rivisto", "raggiungimento %")] == [
        "2020-09-30", "700", "si", "94%",
    ]  # fmt: skip
    eliminated = by_code["IND-B21-3"]
    assert eliminated["nelle medie"] == "no" and eliminated["stato"].startswith("eliminato con deliberazione della Giunta")
    # 60% revised to 80%, then re-spread with the 10% of IND-B21-2 once IND-B21-3 is eliminated: 80 / 90
    assert (by_code["IND-B21-1"]["peso in vigore"], by_code["IND-B21-1"]["peso in vigore numerico"]) == (
        "88,89%", "0.8888888889",
    )  # fmt: skip


def test_a_date_without_measurements_scores_nothing_but_says_why(pistoia: pianodocs.Plan, tmp_path: Path) -> None:
    write_export(pistoia, tmp_path, at=dt.date(2020, 12, 31))
    rows = read_csv(tmp_path / "punteggi.csv")
    assert len(rows) == 110
    assert {row["valutabile"] for row in rows} == {"no"}
    assert {row["motivo"] for row in rows} >= {"nessuna misurazione al 31/12/2020"}


# --- JSON -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert loaded["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    return loaded


@pytest.mark.parametrize("sample", ["pistoia", "prato"])
def test_the_json_validates_against_the_schema(
    sample: str, pistoia_folder: Path, prato_folder: Path, schema: dict[str, Any]
) -> None:
    folder, stem = (pistoia_folder, PISTOIA_STEM) if sample == "pistoia" else (prato_folder, "")
    document = json.loads((folder / f"{stem}piano.json").read_text(encoding="utf-8"))
    assert problems(document, schema) == []


def test_the_schema_rejects_broken_documents(prato_folder: Path, schema: dict[str, Any]) -> None:
    document = json.loads((prato_folder / "piano.json").read_text(encoding="utf-8"))
    assert problems(document, schema) == []
    del document["ente"]["denominazione"]  # required
    document["piano"]["primo_anno"] = "2020"  # type
    document["indicatori"][0]["verso"] = "in salita"  # enum
    document["indicatori"][1]["target"][0]["extra"] = 1  # additionalProperties
    document["indicatori"][1]["misurazioni"][0]["data"] = "30/09/2020"  # format date
    document["indicatori"][2]["punteggio"]["valutabile"] = "si"  # boolean, inside a $ref
    document["indicatori"][3]["target"] = {}  # array
    document["indicatori"][4]["punteggio"] = []  # object or null
    found = problems(document, schema)
    assert len(found) == 8, found
    assert "$.ente: 'denominazione' is a required property" in found
    assert "$.indicatori[1].target[0]: Additional properties are not allowed ('extra' was unexpected)" in found
    assert "$.indicatori[1].misurazioni[0].data: '30/09/2020' is not a 'date'" in found  # formats are checked


def test_the_schema_follows_the_code(schema: dict[str, Any]) -> None:
    definitions = schema["$defs"]
    assert definitions["indicatore"]["required"] == [column.key for column in INDICATOR_COLUMNS] + [
        "target", "misurazioni", "punteggio",
    ]  # fmt: skip
    assert definitions["target"]["required"] == [column.key for column in TARGET_COLUMNS[1:]]
    assert definitions["misurazione"]["required"] == [column.key for column in MEASUREMENT_COLUMNS[1:]]
    assert definitions["punteggio"]["required"] == [column.key for column in SCORE_COLUMNS[1:]]
    assert definitions["target"]["properties"]["tipo_di_target"]["enum"] == [kind.value for kind in TargetKind]
    assert definitions["target"]["properties"]["operatore"]["enum"] == [c.value for c in Comparison] + [""]
    assert definitions["misurazione"]["properties"]["tipo_di_valore"]["enum"] == [kind.value for kind in ValueKind]
    assert definitions["indicatore"]["properties"]["verso"]["enum"] == [d.value for d in Direction] + [""]
    assert schema["properties"]["versione_formato"]["enum"] == [export.FORMAT_VERSION]


def _same(json_value: Any, csv_text: str) -> bool:
    """A JSON value and a CSV cell hold the same content (text neutralised in the CSV, numbers in two notations)."""
    if json_value is None:
        return csv_text == ""
    if isinstance(json_value, bool):
        return csv_text == ("si" if json_value else "no")
    if isinstance(json_value, int | float):
        return Decimal(str(json_value)) == Decimal(csv_text)
    return bool(spreadsheet_safe(json_value) == csv_text)


@pytest.mark.parametrize("sample", ["pistoia", "prato"])
def test_json_and_csv_hold_the_same_content(sample: str, pistoia_folder: Path, prato_folder: Path) -> None:
    folder, stem = (pistoia_folder, PISTOIA_STEM) if sample == "pistoia" else (prato_folder, "")
    tables, document = read_export(folder, stem)
    indicators = document["indicatori"]
    assert len(indicators) == len(tables["indicatori.csv"])
    nested = {"target.csv": "target", "misurazioni.csv": "misurazioni"}
    for name, key in nested.items():
        assert sum(len(item[key]) for item in indicators) == len(tables[name])
    targets = {(row["codice indicatore"], row["anno"]): row for row in tables["target.csv"]}
    measurements = {(row["codice"], row["data"]): row for row in tables["misurazioni.csv"]}
    scores = {row["codice"]: row for row in tables.get("punteggi.csv", [])}
    for item, row in zip(indicators, tables["indicatori.csv"], strict=True):
        assert all(_same(item[column.key], row[column.header]) for column in INDICATOR_COLUMNS), item["codice"]
        for target in item["target"]:
            target_row = targets[item["codice"], str(target["anno"])]
            assert all(_same(target[column.key], target_row[column.header]) for column in TARGET_COLUMNS[1:])
        for measurement in item["misurazioni"]:
            measurement_row = measurements[item["codice"], measurement["data"]]
            assert all(_same(measurement[column.key], measurement_row[column.header]) for column in MEASUREMENT_COLUMNS[1:])
        if item["punteggio"] is None:
            assert not scores
        else:
            assert all(
                _same(item["punteggio"][column.key], scores[item["codice"]][column.header]) for column in SCORE_COLUMNS[1:]
            )
    assert (sample == "prato") == bool(scores)


def test_json_heads(pistoia_folder: Path) -> None:
    document = json.loads((pistoia_folder / f"{PISTOIA_STEM}piano.json").read_text(encoding="utf-8"))
    assert list(document) == ["versione_formato", "ente", "piano", "indicatori"]
    assert document["ente"]["denominazione"] == "Camera di Commercio di Pistoia"
    assert document["ente"]["sito_web"] == "http://www.pt.camcom.it"
    piano = document["piano"]
    assert (piano["titolo"], piano["primo_anno"], piano["ultimo_anno"]) == ("Piano della Performance 2020-2022", 2020, 2022)
    assert (piano["soglia_di_raggiungimento"], piano["data_valutazione"], piano["data_monitoraggio"]) == (0.8, None, None)
    first = document["indicatori"][0]
    assert (first["peso"], first["peso_numerico"], first["punteggio"]) == ("50%", 0.5, None)
    assert [(target["anno"], target["soglia_numerica"]) for target in first["target"]] == [(2020, 0.9), (2021, 0.9), (2022, 0.9)]


# --- formula injection ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+39 055", "'+39 055"),
        ("-15,61", "'-15,61"),
        ("-", "'-"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcalc", "'\tcalc"),
        ("\r=1+1", "'\r=1+1"),
        ("Grado di utilizzo", "Grado di utilizzo"),
        ("", ""),
        ("'già testo", "'già testo"),
        ("a=b", "a=b"),
    ],
)
def test_spreadsheet_safe(text: str, expected: str) -> None:
    assert spreadsheet_safe(text) == expected


HOSTILE = {
    "name": '=HYPERLINK("http://esempio.invalid";"clic")',
    "algorithm": "+1+cmd|' /C calc'!A0",
    "technical_description": "-2+3+cmd|' /C calc'!A0",
    "source": "@SUM(A1:A9)",
    "owner": "\t=1+1",
    "type": "\r=1+1",
    "unit": 'riga 1\nriga 2; con "virgolette"',
}


@pytest.fixture(scope="module")
def hostile(prato: pianodocs.Plan) -> pianodocs.Plan:
    """Prato, with every text of P01-1 and of its measurement starting like a formula."""
    indicators = tuple(
        attrs.evolve(indicator, **HOSTILE, targets={2020: parse_target("=1+1")}) if indicator.code == "P01-1" else indicator
        for indicator in prato.indicators
    )
    measurements = tuple(
        attrs.evolve(m, value=parse_value("-15,61"), note="@nota", manual_achievement=Decimal("0.6"))
        if m.indicator == "P01-1"
        else m
        for m in prato.measurements
    )
    return attrs.evolve(prato, indicators=indicators, measurements=measurements)


def test_formulas_are_neutralised_in_csv_and_kept_in_json(hostile: pianodocs.Plan, tmp_path: Path) -> None:
    write_export(hostile, tmp_path)
    tables, document = read_export(tmp_path)
    row = next(row for row in tables["indicatori.csv"] if row["codice"] == "P01-1")
    headers = {"name": "indicatore", "algorithm": "algoritmo", "technical_description": "descrizione tecnica",
               "source": "fonte", "owner": "owner", "type": "tipologia"}  # fmt: skip
    for field, header in headers.items():
        assert row[header] == "'" + HOSTILE[field], header
    assert row["unità di misura"] == HOSTILE["unit"], "a field with ';', quotes and a line break reads back whole"
    target = next(row for row in tables["target.csv"] if row["codice indicatore"] == "P01-1")
    assert (target["target come scritto"], target["operatore"], target["soglia numerica"]) == ("'=1+1", "'=", "1")
    measurement = next(row for row in tables["misurazioni.csv"] if row["codice"] == "P01-1")
    assert (measurement["valore come scritto"], measurement["valore numerico"]) == ("'-15,61", "-15.61")
    assert (measurement["note"], measurement["raggiungimento manuale numerico"]) == ("'@nota", "0.6")
    score = next(row for row in tables["punteggi.csv"] if row["codice"] == "P01-1")
    assert (score["valore"], score["target in vigore"]) == ("'-15,61", "'=1+1")
    every_cell = [cell for table in tables.values() for row in table for cell in row.values()]
    assert [cell for cell in every_cell if cell.startswith(export.FORMULA_STARTS) and not _machine(cell)] == []
    item = next(item for item in document["indicatori"] if item["codice"] == "P01-1")
    assert {field: item[key] for field, key in (("name", "indicatore"), ("algorithm", "algoritmo"))} == {
        "name": HOSTILE["name"], "algorithm": HOSTILE["algorithm"],
    }  # fmt: skip
    assert item["misurazioni"][0]["valore_come_scritto"] == "-15,61" and item["target"][0]["target_come_scritto"] == "=1+1"


def _machine(cell: str) -> bool:
    """A number written by pianodocs (the only cells allowed to begin with '-')."""
    try:
        Decimal(cell)
    except ArithmeticError:
        return False
    return cell.startswith("-")


# --- writing --------------------------------------------------------------------------------------


def test_existing_files_are_replaced_and_no_temporary_file_is_left(prato: pianodocs.Plan, tmp_path: Path) -> None:
    write_export(prato, tmp_path)
    (tmp_path / "piano.json").chmod(0o640)
    write_export(attrs.evolve(prato, title="Titolo nuovo"), tmp_path)
    assert json.loads((tmp_path / "piano.json").read_text(encoding="utf-8"))["piano"]["titolo"] == "Titolo nuovo"
    assert (tmp_path / "piano.json").stat().st_mode & 0o777 == 0o640, "the replaced file keeps its permissions"
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted([*CSV_NAMES, "piano.json"])


@pytest.mark.parametrize("failing", ["misurazioni.csv", "piano.json"])
def test_a_failed_write_leaves_the_previous_export_untouched(
    failing: str, prato: pianodocs.Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_export(prato, tmp_path)
    before = {path.name: path.read_bytes() for path in tmp_path.iterdir()}
    disk_full = OSError(errno.ENOSPC, "No space left on device")
    if failing == "misurazioni.csv":
        original = export._write_csv

        def write_csv(path: Path, *args: Any) -> None:
            if ".misurazioni.csv." in path.name:
                raise disk_full
            original(path, *args)

        monkeypatch.setattr(export, "_write_csv", write_csv)
    else:

        def write_text(*args: Any, **kwargs: Any) -> int:
            raise disk_full

        monkeypatch.setattr(Path, "write_text", write_text)
    with pytest.raises(pianodocs.OutputError, match=f"{failing} non riuscita: disco pieno"):
        first, *others = prato.indicators  # changed in indicatori.csv, written before the failure
        write_export(attrs.evolve(prato, indicators=(attrs.evolve(first, name="Mai scritto"), *others)), tmp_path)
    assert {path.name: path.read_bytes() for path in tmp_path.iterdir()} == before


@pytest.mark.parametrize("case", ["missing", "a file", "read-only"])
def test_an_unwritable_folder_raises_output_error(
    case: str, prato: pianodocs.Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "uscita"
    if case == "a file":
        folder.write_text("non una cartella", encoding="utf-8")
    elif case == "read-only":
        folder.mkdir()
        folder.chmod(0o555)
        if os.access(folder, os.W_OK):  # root ignores permissions: the system's refusal is simulated
            import tempfile

            def refuse(*args: Any, **kwargs: Any) -> Any:
                raise PermissionError(errno.EACCES, "Permission denied")

            monkeypatch.setattr(tempfile, "mkstemp", refuse)
    try:
        with pytest.raises(pianodocs.OutputError):
            write_export(prato, folder)
    finally:
        if folder.is_dir():
            folder.chmod(0o755)
    assert not folder.is_dir() or list(folder.iterdir()) == []


def test_a_stem_with_a_folder_separator_is_refused(prato: pianodocs.Plan, tmp_path: Path) -> None:
    with pytest.raises(pianodocs.OutputError, match="Prefisso"):
        write_export(prato, tmp_path, stem="../fuori_")
    assert list(tmp_path.iterdir()) == []


# --- the documentation ----------------------------------------------------------------------------


def test_the_documentation_names_every_column_and_key(schema: dict[str, Any]) -> None:
    text = (ROOT / "docs" / "export.md").read_text(encoding="utf-8")
    missing = [column.header for columns in COLUMNS.values() for column in columns if f"`{column.header}`" not in text]
    missing += [column.key for columns in COLUMNS.values() for column in columns if f"`{column.key}`" not in text]
    for definition in (schema, schema["properties"]["ente"], schema["properties"]["piano"]):
        missing += [key for key in definition["required"] if f"`{key}`" not in text]
    assert missing == []
    assert "export.schema.json" in text and "art. 7" in text
