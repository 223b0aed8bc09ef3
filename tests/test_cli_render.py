"""``pianodocs render``: one kind or all of them, the summary, and every refusal with its exit code."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from pianodocs.workbook.template import write_blank_workbook

from .text import dehyphenate

ROOT = Path(__file__).resolve().parent.parent


def pianodocs(*arguments: str) -> subprocess.CompletedProcess[str]:
    environment = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    return subprocess.run(
        [sys.executable, "-m", "pianodocs", *arguments], capture_output=True, text=True, env=environment, timeout=300
    )


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("render") / "esempio.xlsx"
    write_blank_workbook(path, 2024, 2026)
    return path


def test_render_one_kind_to_pdf(workbook: Path, tmp_path: Path) -> None:
    output = tmp_path / "piano.pdf"
    result = pianodocs("render", "piano-performance", str(workbook), "-o", str(output))
    assert result.returncode == 0, result.stderr
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(output).pages)
    assert "Grado di utilizzo delle risorse dedicate all'internazionalizzazione" in text
    assert "Target 2024" in text and "Target 2026" in text


def test_render_all_writes_both_formats_with_a_summary(workbook: Path, tmp_path: Path) -> None:
    result = pianodocs("render", "all", str(workbook), "-o", str(tmp_path / "documenti"))
    assert result.returncode == 0, result.stderr
    from pianodocs import load_workbook
    from pianodocs.render import applicable_kinds

    kinds = applicable_kinds(load_workbook(workbook))
    assert "piano-performance" in kinds
    written = sorted(path.name for path in (tmp_path / "documenti").iterdir() if path.suffix in (".pdf", ".docx"))
    assert written == sorted(f"esempio_{kind}{suffix}" for kind in kinds for suffix in (".pdf", ".docx"))
    assert f"{2 * len(kinds)} documenti scritti in" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert "relazione-performance" not in kinds and "monitoraggio" not in kinds
    assert (
        "  – relazione-performance non generato: Il workbook non ha misurazioni al 31/12/2024: la Relazione sulla "
        "Performance 2024 richiede i valori di fine anno" in result.stdout
    )
    assert "  – monitoraggio non generato: Il workbook non ha misurazioni del 2024 al 31/12/2024 o prima" in result.stdout


def test_a_monitoring_without_measurements_is_refused(workbook: Path, tmp_path: Path) -> None:
    output = tmp_path / "monitoraggio.pdf"
    result = pianodocs("render", "monitoraggio", str(workbook), "-o", str(output), "--al", "30/06/2024")
    assert result.returncode == 1, result.stderr
    assert "pianodocs: Il workbook non ha misurazioni del 2024 al 30/06/2024 o prima" in result.stderr
    assert "Traceback" not in result.stderr and list(tmp_path.iterdir()) == []


def test_the_relazione_without_year_end_values_is_refused(tmp_path: Path) -> None:
    from .conftest import SAMPLES

    output = tmp_path / "relazione.pdf"
    june = SAMPLES / "cciaa_pistoia_2020_revisione.xlsx"
    result = pianodocs("render", "relazione-performance", str(june), "-o", str(output))
    assert result.returncode == 1, result.stderr
    assert "pianodocs: Il workbook non ha misurazioni al 31/12/2020: la Relazione sulla Performance 2020" in result.stderr
    assert "--al" in result.stderr and "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == [], "nothing written"
    asked = pianodocs("render", "relazione-performance", str(june), "-o", str(output), "--al", "30/06/2020")
    assert asked.returncode == 0, asked.stderr
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(output).pages]
    assert all("Relazione sulla Performance 2020 su dati al 30/06/2020" in page for page in pages[1:])
    assert "Ente al 30/06/2020 è pari al" in " ".join(pages)
    help_text = pianodocs("render", "--help").stdout
    assert "relazione-performance" in " ".join(help_text.split()) and "al 31/12" in " ".join(help_text.split())


def test_the_reference_year_option(workbook: Path, tmp_path: Path) -> None:
    output = tmp_path / "piano.pdf"
    assert pianodocs("render", "piano-performance", str(workbook), "-o", str(output), "--anno", "2025").returncode == 0
    outside = pianodocs("render", "piano-performance", str(workbook), "-o", str(output), "--anno", "2030")
    assert outside.returncode == 2
    assert "fuori dal periodo del piano 2024-2026" in outside.stderr


@pytest.mark.parametrize(
    ("arguments", "code", "message"),
    [
        (("render", "bilancio", "{workbook}", "-o", "{out}/x.pdf"), 2, "tipo di documento sconosciuto 'bilancio'"),
        (("render", "piano-performance", "{workbook}", "-o", "{out}/x.odt"), 2, "deve finire in .pdf o .docx"),
        (("render", "piano-performance", "{out}/manca.xlsx", "-o", "{out}/x.pdf"), 1, "non esiste"),
        (("render", "piano-performance", "{workbook}", "-o", "{out}/cartella-inesistente/x.pdf"), 1, "non esiste"),
    ],
)
def test_refusals(workbook: Path, tmp_path: Path, arguments: tuple[str, ...], code: int, message: str) -> None:
    result = pianodocs(*(argument.format(workbook=workbook, out=tmp_path) for argument in arguments))
    assert result.returncode == code, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob("*.tmp")), "nothing written"


def test_render_all_skips_kinds_that_do_not_apply(tmp_path: Path) -> None:
    from pianodocs import load_workbook
    from pianodocs.render import applicable_kinds

    from .conftest import SAMPLES

    assert "piano-performance" in applicable_kinds(load_workbook(SAMPLES / "cciaa_pistoia_2020_2022.xlsx"))
    assert "piano-performance" not in applicable_kinds(load_workbook(SAMPLES / "cciaa_prato_2020.xlsx"))


def test_every_declared_kind_can_be_rendered() -> None:
    """No kind is listed without its module: ``render all``, ``kinds`` and the library offer the same ones."""
    from pianodocs import DOCUMENT_KINDS
    from pianodocs.render import available_kinds

    assert available_kinds() == tuple(DOCUMENT_KINDS)
    listed = pianodocs("kinds")
    assert listed.returncode == 0, listed.stderr
    assert [line.split()[0] for line in listed.stdout.splitlines() if line.strip()] == list(DOCUMENT_KINDS)


@pytest.mark.parametrize("kind", ["bilancio", "common", "strategic-map"])
def test_the_library_refuses_an_unknown_kind_naming_the_known_ones(workbook: Path, tmp_path: Path, kind: str) -> None:
    """Also a name that matches one of pianodocs' own helper modules (``documents/common.py``) is no kind."""
    import pianodocs
    from pianodocs.errors import PianodocsError

    with pytest.raises(PianodocsError) as refusal:
        pianodocs.render(pianodocs.load_workbook(workbook), kind, tmp_path / "x.pdf")
    assert str(refusal.value) == f"Tipo di documento sconosciuto: '{kind}'. Tipi previsti: {', '.join(pianodocs.DOCUMENT_KINDS)}."
    assert not list(tmp_path.iterdir())


def test_the_annex_from_an_original_and_a_revised_workbook(tmp_path: Path) -> None:
    from .conftest import SAMPLES

    output = tmp_path / "allegato.pdf"
    revised, original = SAMPLES / "cciaa_pistoia_2020_revisione.xlsx", SAMPLES / "cciaa_pistoia_2020_2022.xlsx"
    result = pianodocs(
        "render", "allegato-delibera", str(revised), "--rispetto-a", str(original), "--atto", "GC-63-2020", "-o", str(output)
    )
    assert result.returncode == 0, result.stderr
    pages = PdfReader(output).pages
    sentence = f"Allegato alla deliberazione G.C. n. 63 del 9 settembre 2020, composto da n. {len(pages)} pagin"
    assert all(sentence in " ".join(page.extract_text().split()) for page in pages)
    text = " ".join(" ".join(page.extract_text().split()) for page in pages)
    assert "Indicatore eliminato. Non saranno emanati specifici bandi" in text


def test_the_annex_derived_from_a_pair_whose_revised_workbook_records_no_revision(tmp_path: Path) -> None:
    """--rispetto-a when the revised workbook only holds the new target and the act: the annex is the diff."""
    import copy

    from pianodocs import load_workbook
    from pianodocs.workbook.template import example_data
    from pianodocs.workbook.writer import build_workbook, save_workbook

    original_data = example_data(2020, 2022)
    revised_data = copy.deepcopy(original_data)
    (indicator,) = revised_data["Indicatori"]
    indicator.update({"Target 2020": "75%", "Note": "Risorse ridotte per l'emergenza sanitaria"})
    act = {"Codice": "GC-63-2020", "Organo": "Giunta", "Numero": "63", "Data": "09/09/2020", "Oggetto": "Revisione"}
    revised_data["Atti"].append(act)
    original, revised = tmp_path / "originale.xlsx", tmp_path / "rivisto.xlsx"
    for path, data in ((original, original_data), (revised, revised_data)):
        save_workbook(build_workbook(data, years=[2020, 2021, 2022], with_help=False), path)
    assert load_workbook(revised).revisions == (), "nothing recorded: every revision comes from the diff"

    output = tmp_path / "allegato.pdf"
    result = pianodocs("render", "allegato-delibera", str(revised), "--rispetto-a", str(original), "-o", str(output))
    assert result.returncode == 0, result.stderr
    text = " ".join(dehyphenate("\n".join(page.extract_text() for page in PdfReader(output).pages)).split())
    assert "Allegato alla deliberazione G.C. n. 63 del 9 settembre 2020, composto da n. 1 pagina" in text
    assert "Grado di utilizzo delle risorse dedicate all'internazionalizzazione (1)" in text
    assert "100% 90% 75% 90% 90%" in text, "Peso, Target 2020, Revisione 2020 (the diff's), Target 2021 and 2022"
    assert "(1) Risorse ridotte per l'emergenza sanitaria" in text, "the new note is the revision's motivation"


def test_render_all_writes_the_open_data_beside_the_documents(workbook: Path, tmp_path: Path) -> None:
    result = pianodocs("render", "all", str(workbook), "-o", str(tmp_path), "--processi", "1")
    assert result.returncode == 0, result.stderr
    exported = pianodocs("export", str(workbook), "-o", str(tmp_path / "dati"))
    assert exported.returncode == 0, exported.stderr
    data = sorted(path.name for path in (tmp_path / "dati").iterdir())
    assert data[:2] == ["esempio_indicatori.csv", "esempio_misurazioni.csv"] and "esempio_piano.json" in data
    for name in data:  # what render all leaves beside the documents is what export writes
        assert (tmp_path / name).read_bytes() == (tmp_path / "dati" / name).read_bytes(), name
    assert "Grado di utilizzo delle risorse dedicate all'internazionalizzazione" in (
        tmp_path / "esempio_indicatori.csv"
    ).read_text(encoding="utf-8-sig")


def test_render_signs_the_pdf_with_the_password_from_the_environment(workbook: Path, tmp_path: Path) -> None:
    from .test_signing import make_certificate

    certificate_path, *_ = make_certificate(tmp_path, password=b"segreta")
    output = tmp_path / "piano.pdf"
    environment = dict(os.environ, PYTHONPATH=str(ROOT / "src"), PIANODOCS_FIRMA_PASSWORD="segreta")
    command = [
        sys.executable,
        "-m",
        "pianodocs",
        "render",
        "piano-performance",
        str(workbook),
        "-o",
        str(output),
        "--firma",
        str(certificate_path),
    ]
    result = subprocess.run(command, capture_output=True, text=True, env=environment, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "(firmato)" in result.stdout
    assert b"/ByteRange" in output.read_bytes() and b"ETSI.CAdES.detached" in output.read_bytes()
    signed = output.read_bytes()
    wrong = subprocess.run(
        command, capture_output=True, text=True, env=dict(environment, PIANODOCS_FIRMA_PASSWORD="no"), timeout=300
    )
    assert wrong.returncode == 1 and "password" in wrong.stderr.lower() and "Traceback" not in wrong.stderr
    assert output.read_bytes() == signed, "a failed signature leaves the signed file as it was"
    assert sorted(path.name for path in tmp_path.iterdir() if path.suffix == ".pdf") == ["piano.pdf"]
    docx = subprocess.run([*command[:7], str(tmp_path / "x.docx"), *command[8:]], capture_output=True, text=True, env=environment)
    assert docx.returncode == 1 and "solo ai PDF" in docx.stderr
