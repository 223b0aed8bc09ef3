"""The web page's routes (issue 15), through Starlette's test client and the real worker processes.

Each route is asked as a browser would ask it; the safety points are checked on what reaches the disk and the
page: the size limit, a file name that looks like a path, workbook text holding markup, two uploads, an unknown
identifier, the removal of old uploads.
"""

from __future__ import annotations

import io
import re
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from starlette.testclient import TestClient

import pianodocs
from pianodocs.cli import _parser
from pianodocs.kinds import registry
from pianodocs.web import Settings, create_app
from pianodocs.web.forms import download_name, fields, named_year, options_from_form, slug
from pianodocs.web.storage import WORKBOOK_NAME

SAMPLES = Path(__file__).resolve().parent.parent / "sample_data"
PRATO = SAMPLES / "cciaa_prato_2020.xlsx"
SCRIPT = "<script>alert(1)</script>"


def client_for(tmp_path: Path, **settings: object) -> TestClient:
    return TestClient(create_app(Settings(workers=1, storage_parent=tmp_path, **settings)), follow_redirects=False)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def storage_parent(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("web")


@pytest.fixture(scope="module")
def client(storage_parent: Path) -> Iterator[TestClient]:
    with client_for(storage_parent) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Prato's workbook with a weight that is not a number (L3) and an objective holding markup (B4)."""
    workbook = openpyxl.load_workbook(PRATO)
    sheet = workbook["Indicatori"]
    sheet["L3"] = "molto"
    sheet["B4"] = SCRIPT
    path = tmp_path_factory.mktemp("rotto") / "rotto.xlsx"
    workbook.save(path)
    return path


def upload(client: TestClient, path: Path, name: str | None = None) -> str:
    """Upload ``path``; the address of its page."""
    answer = client.post("/carica", files={"workbook": (name or path.name, path.read_bytes())})
    assert answer.status_code == 303, answer.text
    location = answer.headers["location"]
    assert re.fullmatch(r"/w/[A-Za-z0-9_-]{22}", location)
    return location


def finished(client: TestClient, job: str, seconds: float = 90) -> dict[str, object]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        state: dict[str, object] = client.get(f"{job}/stato").json()
        if state["finito"]:
            return state
        time.sleep(0.3)
    raise AssertionError(f"{job} non è finito in {seconds} s")


def pdf_text(content: bytes) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(content)).pages)


def test_the_home_page_offers_the_upload_the_comparison_and_the_blank_template(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert 'action="/carica"' in page.text and 'enctype="multipart/form-data"' in page.text
    assert 'action="/confronta"' in page.text and 'action="/modello"' in page.text
    assert "Dimensione massima: 20 MB" in page.text


def test_a_sample_uploads_and_its_page_lists_the_kinds_that_apply_with_their_options(client: TestClient) -> None:
    page = client.get(upload(client, PRATO))
    assert page.status_code == 200
    assert "Il workbook è valido: 10 obiettivi strategici, 0 operativi, 68 indicatori" in page.text
    applying, _, others = page.text.partition('id="altri"')
    plan = pianodocs.load_workbook(PRATO)
    for kind in registry().kinds.values():
        from pianodocs.render import applicability

        where = applying if applicability(plan, kind.name) else others
        assert f'id="tipo-{kind.name}"' in where, kind.name
        for field in fields(kind):  # the fields are the kind's declared options, as the command line's flags
            assert f'name="{field.name}"' in where.split(f'id="tipo-{kind.name}"')[1].split('class="kind')[0]
    assert 'name="opzione_at"' in applying and 'type="date"' in applying  # the monitoring's date (--al)
    assert 'name="originale"' in others  # the annex's original workbook (--rispetto-a)


def test_the_form_fields_read_back_as_the_options_the_kind_declares() -> None:
    monitoring = registry().kinds["monitoraggio"]
    import datetime as dt

    assert options_from_form(monitoring, {"opzione_at": "30/09/2020"}) == {"at": dt.date(2020, 9, 30)}
    assert options_from_form(monitoring, {"opzione_at": "2020-09-30"}) == {"at": dt.date(2020, 9, 30)}
    assert options_from_form(monitoring, {"opzione_at": ""}) == {}
    with pytest.raises(pianodocs.PianodocsError, match="«Al»: valore non valido «31/02/2020»"):
        options_from_form(monitoring, {"opzione_at": "31/02/2020"})


def test_a_broken_workbook_shows_every_problem_by_sheet_with_its_cells_marked(client: TestClient, broken: Path) -> None:
    page = client.get(upload(client, broken))
    assert page.status_code == 422
    assert "Il workbook non può essere usato" in page.text and "2 errori" in page.text
    problems = page.text.split('id="problemi"')[1]
    assert "Indicatori!L3</a>: &#39;Peso&#39; deve essere una percentuale (es. 30%): trovato «molto»." in problems
    cell = re.search(r'<td class="marked-errore" title="([^"]*)" data-cella="L3"[^>]*>molto</td>', problems)
    assert cell is not None and "Indicatori!L3: &#39;Peso&#39; deve essere una percentuale" in cell.group(1)
    assert re.search(r'<td class="marked-errore" title="[^"]*" data-cella="B4"', problems)
    assert problems.count('class="marked-errore"') == 2  # no other cell is marked
    assert 'action="/w/' not in page.text  # nothing can be rendered from it


def test_workbook_text_holding_markup_is_escaped_everywhere(client: TestClient, broken: Path) -> None:
    page = client.get(upload(client, broken, name=f"{SCRIPT}.xlsx"))
    assert SCRIPT not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text  # in the message, the marked cell and the file's name


def test_a_file_name_like_a_path_never_reaches_the_disk(tmp_path: Path) -> None:
    with client_for(tmp_path) as client:
        page = client.get(upload(client, PRATO, name="../../fuori/..\\piano.xlsx"))
        assert "<strong>piano.xlsx</strong>" in page.text  # only its last part is shown
        (root,) = tmp_path.iterdir()
        assert oct(root.stat().st_mode & 0o777) == "0o700"
        (folder,) = root.iterdir()
        assert [path.name for path in folder.iterdir()] == [WORKBOOK_NAME]
        assert not (tmp_path.parent / "fuori").exists() and not list(tmp_path.parent.glob("*piano.xlsx"))
    assert list(tmp_path.iterdir()) == []  # the private folder goes with the server


def test_an_upload_over_the_limit_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    with client_for(tmp_path, upload_limit=64 * 1024) as client:
        answer = client.post("/carica", files={"workbook": ("grande.xlsx", PRATO.read_bytes())})
        assert answer.status_code == 413
        assert "Il file è troppo grande: il limite è 64 KB. Nessun file è stato salvato." in answer.text
        (root,) = tmp_path.iterdir()
        assert list(root.iterdir()) == []


def test_an_unknown_or_malformed_identifier_is_not_found(client: TestClient) -> None:
    page = upload(client, PRATO)
    for address in ("/w/AAAAAAAAAAAAAAAAAAAAAA", "/w/..%2F..%2Fetc", f"{page}/lavori/AAAAAAAAAAAAAAAAAAAAAA", "/w/x/dati-aperti"):
        answer = client.get(address)
        assert answer.status_code == 404, address
        assert "Pagina non trovata" in answer.text


def test_two_uploads_do_not_see_each_others_files(client: TestClient) -> None:
    first, second = upload(client, PRATO), upload(client, PRATO)
    assert first != second
    job = client.post(f"{first}/genera/pira", data={"formato.pdf": "1"}).headers["location"]
    finished(client, job)
    assert client.get(f"{job}/file/pdf").status_code == 200
    stolen = job.replace(first, second)
    for suffix in ("", "/stato", "/file/pdf", "/pagina/1.png"):
        assert client.get(f"{stolen}{suffix}").status_code == 404, suffix


def test_uploads_are_removed_after_the_retention_time(tmp_path: Path) -> None:
    with client_for(tmp_path, retention_seconds=2.0) as client:
        page = upload(client, PRATO)
        assert client.get(page).status_code == 200
        (root,) = tmp_path.iterdir()
        assert len(list(root.iterdir())) == 1
        time.sleep(2.5)
        assert client.get(page).status_code == 404
        assert list(root.iterdir()) == []


def test_a_kind_renders_with_progress_a_preview_and_a_pdf_named_after_chamber_kind_and_year(client: TestClient) -> None:
    page = upload(client, PRATO)
    answer = client.post(f"{page}/genera/pira", data={"anno": "2020", "formato.pdf": "1"})
    assert answer.status_code == 303
    job = answer.headers["location"]
    running = client.get(job)  # the render goes on in a worker: the page answers meanwhile
    assert running.status_code == 200 and ('id="avanzamento"' in running.text or 'id="anteprima"' in running.text)
    assert client.get("/").status_code == 200
    state = finished(client, job)
    assert state["errori"] == [] and state["fatti"] == state["totale"] == 2
    done = client.get(job).text
    assert 'id="anteprima"' in done and f'src="{job}/pagina/1.png"' in done
    image = client.get(f"{job}/pagina/1.png")
    assert image.headers["content-type"] == "image/png" and image.content.startswith(b"\x89PNG")
    assert client.get(f"{job}/pagina/999.png").status_code == 404
    pdf = client.get(f"{job}/file/pdf")
    assert 'filename="cciaa-prato_pira_2020-2022.pdf"' in pdf.headers["content-disposition"]
    text = pdf_text(pdf.content)
    assert "Camera di Commercio di Prato Piano degli Indicatori dei Risultati Attesi di Bilancio P.I.R.A. 2020-2022" in text
    assert "Pagina 20 di 20" in text
    assert client.get(f"{job}/file/docx").status_code == 404  # not asked for


def test_a_bad_option_is_refused_in_italian_before_any_work(client: TestClient) -> None:
    page = upload(client, PRATO)
    answer = client.post(f"{page}/genera/monitoraggio", data={"opzione_at": "31/02/2020"})
    assert answer.status_code == 400
    assert "«Al»: valore non valido «31/02/2020» (atteso una data)." in answer.text
    answer = client.post(f"{page}/genera/monitoraggio", data={"anno": "1999"})
    assert answer.status_code == 400 and "L&#39;anno 1999 è fuori dal periodo del piano 2020-2022." in answer.text
    assert client.post(f"{page}/genera/sconosciuto", data={}).status_code == 404


def test_the_open_data_download_holds_the_csv_and_json_files(client: TestClient) -> None:
    answer = client.get(f"{upload(client, PRATO)}/dati-aperti")
    assert 'filename="cciaa-prato_dati_2020-2022.zip"' in answer.headers["content-disposition"]
    with zipfile.ZipFile(io.BytesIO(answer.content)) as archive:
        names = archive.namelist()
        assert "cciaa-prato_dati_2020-2022_indicatori.csv" in names and "cciaa-prato_dati_2020-2022_piano.json" in names
        assert "P01-AV" in archive.read("cciaa-prato_dati_2020-2022_indicatori.csv").decode("utf-8-sig")


def test_render_all_gives_one_zip_with_every_document_and_the_open_data(client: TestClient) -> None:
    page = upload(client, SAMPLES / "unioncamere_toscana_pira_2021.xlsx")  # one kind applies: PDF and DOCX
    job = client.post(f"{page}/genera/tutti", data={}).headers["location"]
    state = finished(client, job, seconds=180)
    assert state["errori"] == [] and state["fatti"] == state["totale"] == 3
    answer = client.get(f"{job}/file/zip")
    assert 'filename="unioncamere-toscana_documenti_2021.zip"' in answer.headers["content-disposition"]
    with zipfile.ZipFile(io.BytesIO(answer.content)) as archive:
        names = set(archive.namelist())
        assert {"unioncamere-toscana_pira_2021.pdf", "unioncamere-toscana_pira_2021.docx"} <= names
        assert "unioncamere-toscana_dati_2021_piano.json" in names
        assert "P.I.R.A." in pdf_text(archive.read("unioncamere-toscana_pira_2021.pdf"))
    assert "<li>unioncamere-toscana_pira_2021.docx</li>" in client.get(job).text  # the page says what the ZIP holds


def test_two_workbooks_compare_as_a_table(client: TestClient) -> None:
    old, new = SAMPLES / "cciaa_pistoia_2020_2022.xlsx", SAMPLES / "cciaa_pistoia_2020_revisione.xlsx"
    answer = client.post("/confronta", files={"vecchio": (old.name, old.read_bytes()), "nuovo": (new.name, new.read_bytes())})
    assert answer.status_code == 200
    assert "3 indicatori inseriti, 1 indicatore eliminato" in answer.text
    table = answer.text.split('id="modifiche"')[1]
    assert table.count("<tr>") == 34  # the heading and one row per change (33 differences)
    assert "<td>IND-B21-3</td>" in table


def test_a_refused_workbook_in_the_comparison_shows_its_problems(client: TestClient, broken: Path) -> None:
    answer = client.post(
        "/confronta", files={"vecchio": ("a.xlsx", PRATO.read_bytes()), "nuovo": ("b.xlsx", broken.read_bytes())}
    )
    assert answer.status_code == 422
    assert "b.xlsx non può essere usato" in answer.text and 'data-cella="L3"' in answer.text


def test_the_blank_template_downloads_and_validates(client: TestClient, tmp_path: Path) -> None:
    answer = client.get("/modello", params={"primo_anno": "2026", "ultimo_anno": "2028"})
    assert 'filename="pianodocs-modello_2026-2028.xlsx"' in answer.headers["content-disposition"]
    path = tmp_path / "modello.xlsx"
    path.write_bytes(answer.content)
    plan = pianodocs.load_workbook(path)
    assert (plan.first_year, plan.last_year) == (2026, 2028)
    assert client.get("/modello", params={"primo_anno": "2030", "ultimo_anno": "2020"}).status_code == 400


def test_download_names_say_chamber_kind_and_year(pistoia: pianodocs.Plan) -> None:
    assert download_name(pistoia, "piano-performance", ".pdf") == "cciaa-pistoia_piano-performance_2020-2022.pdf"
    assert download_name(pistoia, "monitoraggio", ".docx", 2021) == "cciaa-pistoia_monitoraggio_2021.docx"
    assert slug("CCIAA della Maremma e del Tirreno") == "cciaa-maremma-tirreno"
    kinds = registry().kinds  # the Relazione, which takes its year as an option, is named after that year
    assert named_year(pistoia, kinds["relazione-performance"], None) == 2020
    assert named_year(pistoia, kinds["piano-performance"], None) is None
    assert named_year(pistoia, kinds["piano-performance"], 2021) == 2021
    assert slug("Città di Forlì") == "citta-forli"


def test_serve_listens_on_localhost_unless_told_otherwise() -> None:
    arguments = _parser().parse_args(["serve"])
    assert (arguments.host, arguments.port, arguments.limite_mb, arguments.conserva_minuti) == ("127.0.0.1", 8000, 20, 60)


def test_the_server_stops_at_once_with_ctrl_c_even_during_a_render_and_leaves_no_file(tmp_path: Path) -> None:
    import os
    import signal
    import socket
    import subprocess
    import sys

    import httpx2 as httpx

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "pianodocs", "serve", "--port", str(port)],
        env={**os.environ, "TMPDIR": str(tmp_path)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(base)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline and server.poll() is None
                time.sleep(0.2)
        workbook = SAMPLES / "cciaa_pistoia_2020_2022.xlsx"
        page = httpx.post(f"{base}/carica", files={"workbook": (workbook.name, workbook.read_bytes())}).headers["location"]
        job = httpx.post(f"{base}{page}/genera/piano-performance", data={"formato.pdf": "1", "formato.docx": "1"})
        assert httpx.get(f"{base}{job.headers['location']}/stato").json()["finito"] is False
        started = time.monotonic()
        server.send_signal(signal.SIGINT)
        output, _ = server.communicate(timeout=30)
    finally:
        if server.poll() is None:
            server.kill()
    assert server.returncode == 0, output
    assert time.monotonic() - started < 15  # the render in progress does not hold the server
    assert "Traceback" not in output
    assert list(tmp_path.iterdir()) == []


def test_a_refused_upload_says_what_the_command_line_says(client: TestClient, broken: Path, tmp_path: Path) -> None:
    import html
    import subprocess
    import sys

    validate = subprocess.run([sys.executable, "-m", "pianodocs", "validate", str(broken)], capture_output=True, text=True)
    lines = [line for line in validate.stderr.splitlines() if "!" in line]
    assert len(lines) == 2
    shown = html.unescape(re.sub(r"<[^>]+>", "", client.get(upload(client, broken)).text))
    for line in lines:
        assert line in shown
    not_a_workbook = tmp_path / "finto.xlsx"
    not_a_workbook.write_text("non sono un foglio di calcolo", encoding="utf-8")
    page = client.get(upload(client, not_a_workbook))
    assert page.status_code == 422
    assert "File: Il file non è una cartella di lavoro Excel (.xlsx): il suo contenuto non è nel formato atteso." in page.text
    assert 'class="cells"' not in page.text


def test_the_annex_compared_with_the_original_workbook_is_the_command_lines(client: TestClient, tmp_path: Path) -> None:
    import subprocess
    import sys

    revised = SAMPLES / "cciaa_pistoia_2020_revisione.xlsx"
    workbook = openpyxl.load_workbook(revised)  # an original whose first target differs from the revised one's
    sheet = workbook["Indicatori"]
    column = next(cell.column for cell in sheet[1] if cell.value == "Target 2020")
    target = next(row for row in range(2, sheet.max_row + 1) if str(sheet.cell(row, column).value or "").isdigit())
    sheet.cell(target, column).value = "987654"
    original = tmp_path / "originale.xlsx"
    workbook.save(original)
    expected = tmp_path / "allegato.pdf"
    command = [sys.executable, "-m", "pianodocs", "render", "allegato-delibera", str(revised), "-o", str(expected)]
    subprocess.run(
        [*command, "--rispetto-a", str(original)],
        check=True,
        capture_output=True,
    )
    page = upload(client, revised)
    answer = client.post(
        f"{page}/genera/allegato-delibera",
        data={"formato.pdf": "1"},
        files={"originale": (original.name, original.read_bytes())},
    )
    assert answer.status_code == 303, answer.text
    job = answer.headers["location"]
    assert finished(client, job)["errori"] == []
    text = pdf_text(client.get(f"{job}/file/pdf").content)
    assert "987654" in text.replace(".", "")  # the original's target, revised
    assert text == pdf_text(expected.read_bytes())


def test_a_kind_that_does_not_apply_renders_no_file_and_says_why(client: TestClient) -> None:
    page = upload(client, PRATO)
    job = client.post(f"{page}/genera/relazione-performance", data={"formato.pdf": "1"}).headers["location"]
    state = finished(client, job)
    assert state["errori"] and "misurazioni al 31/12/2020" in str(state["errori"])
    shown = client.get(job).text
    assert 'id="errore"' in shown and "misurazioni al 31/12/2020" in shown
    assert 'id="scarica"' not in shown and client.get(f"{job}/file/pdf").status_code == 404
