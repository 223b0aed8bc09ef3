"""The web page in a real browser (issue 15): Debian's headless Chromium, driven by Playwright, on the real server.

The server is ``pianodocs serve`` started as a person starts it, on 127.0.0.1 and a free port. The browser
uploads a sample, sees a broken workbook's problems with their cells marked, renders a kind, sees the preview
and downloads the PDF, whose text is checked. With ``PIANODOCS_WEB_SCREENSHOTS=folder`` each screen is also
saved there as PNG (docs/img/web/ is made so).
"""

from __future__ import annotations

import base64
import io
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from pypdf import PdfReader

SAMPLES = Path(__file__).resolve().parent.parent / "sample_data"
PRATO = SAMPLES / "cciaa_prato_2020.xlsx"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = os.environ.get("PIANODOCS_WEB_SCREENSHOTS")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``pianodocs serve`` on a free port of 127.0.0.1, its temporary files in a folder of the test's own."""
    port = free_port()
    temporary = tmp_path_factory.mktemp("serve")
    process = subprocess.Popen(
        [sys.executable, "-m", "pianodocs", "serve", "--port", str(port)],
        env={**os.environ, "TMPDIR": str(temporary)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                break
        assert process.poll() is None, process.communicate()[0]
        time.sleep(0.2)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        process.send_signal(signal.SIGINT)  # Ctrl-C, as a person stops it
        output, _ = process.communicate(timeout=30)
        assert process.returncode == 0, output
        assert "Traceback" not in output, output
        assert list(temporary.iterdir()) == []  # the private folder, with every upload, went with the server


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--lang=it-IT"])
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True, locale="it-IT")
    yield context.new_page()
    context.close()


def shot(page: Page, name: str, full_page: bool = False) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=full_page)


def drop(page: Page, path: Path) -> None:
    """Drop ``path`` on the upload area as a file dragged from the desktop."""
    page.evaluate(
        """([name, data]) => {
            const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
            const transfer = new DataTransfer();
            transfer.items.add(new File([bytes], name));
            const zone = document.getElementById("dropzone");
            for (const type of ["dragenter", "dragover", "drop"]) {
                zone.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
            }
        }""",
        [path.name, base64.b64encode(path.read_bytes()).decode("ascii")],
    )


def test_a_sample_uploads_renders_shows_its_pages_and_downloads_a_pdf(server: str, page: Page, tmp_path: Path) -> None:
    page.goto(server)
    shot(page, "1-inizio")
    page.set_input_files("#workbook", str(PRATO))
    page.click("#carica button")
    page.wait_for_selector("#documenti")
    assert "Il workbook è valido" in page.inner_text("#esito")
    assert page.is_visible("#tipo-pira") and page.is_visible("#tipo-monitoraggio input[name=opzione_at]")
    shot(page, "3-workbook", full_page=True)
    page.click("#tipo-pira button[type=submit]")
    page.wait_for_selector("#avanzamento, #anteprima")
    shot(page, "4-avanzamento")
    page.wait_for_selector("#anteprima img", timeout=60_000)
    first = page.locator("#anteprima img").first
    first.scroll_into_view_if_needed()
    page.wait_for_function("image => image.complete && image.naturalWidth > 0", arg=first.element_handle())
    assert page.locator("#anteprima img").count() == 20
    shot(page, "5-anteprima")
    with page.expect_download() as waiting:
        page.click("#scarica a")
    download = waiting.value
    assert download.suggested_filename == "cciaa-prato_pira_2020-2022.pdf"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    text = " ".join(" ".join((sheet.extract_text() or "").split()) for sheet in PdfReader(io.BytesIO(saved.read_bytes())).pages)
    assert "Camera di Commercio di Prato Piano degli Indicatori dei Risultati Attesi di Bilancio P.I.R.A. 2020-2022" in text


def test_a_broken_workbook_shows_its_problems_with_the_cells_marked(server: str, page: Page, tmp_path: Path) -> None:
    workbook = openpyxl.load_workbook(PRATO)
    workbook["Indicatori"]["L3"] = "molto"
    workbook["Indicatori"]["B4"] = "<script>document.title='preso'</script>"
    broken = tmp_path / "rotto.xlsx"
    workbook.save(broken)
    page.goto(server)
    drop(page, broken)  # dragged onto the page: it is uploaded at once
    page.wait_for_selector("#problemi")
    assert "2 errori" in page.inner_text("#esito")
    problems = page.inner_text("#problemi ul.errori")
    assert "Indicatori!L3: 'Peso' deve essere una percentuale (es. 30%): trovato «molto»." in problems
    marked = page.locator("td.marked-errore")
    assert marked.count() == 2
    weight = page.locator('td.marked-errore[data-cella="L3"]')
    assert weight.inner_text() == "molto" and "Indicatori!L3: 'Peso'" in (weight.get_attribute("title") or "")
    assert page.locator('td[data-cella="B4"]').inner_text() == "<script>document.title='preso'</script>"  # shown, not run
    assert page.title() != "preso"
    shot(page, "2-problemi")
    page.click("#problemi ul.errori a")  # the message leads to its cell
    weight.wait_for(state="visible")
    assert page.evaluate("() => location.hash").endswith("-L3")
    shot(page, "2b-cella")


def test_two_workbooks_compare_in_the_browser(server: str, page: Page) -> None:
    page.goto(server)
    page.set_input_files("#confronta input[name=vecchio]", str(SAMPLES / "cciaa_pistoia_2020_2022.xlsx"))
    page.set_input_files("#confronta input[name=nuovo]", str(SAMPLES / "cciaa_pistoia_2020_revisione.xlsx"))
    page.click("#confronta button")
    page.wait_for_selector("#modifiche")
    assert "33 differenze in tutto" in page.inner_text("#esito")
    assert page.locator("#modifiche tbody tr").count() == 33
    shot(page, "6-confronto")


def test_render_all_and_the_blank_template_download_from_the_browser(server: str, page: Page, tmp_path: Path) -> None:
    import zipfile

    import pianodocs

    page.goto(server)
    with page.expect_download() as waiting:
        page.click("#modello button")
    template = tmp_path / waiting.value.suggested_filename
    waiting.value.save_as(template)
    assert re.fullmatch(r"pianodocs-modello_(\d{4})-(\d{4})\.xlsx", template.name)
    assert pianodocs.load_workbook(template).title  # the blank template validates
    page.set_input_files("#workbook", str(SAMPLES / "unioncamere_toscana_pira_2021.xlsx"))
    page.click("#carica button")
    page.click("#tutti button")
    page.wait_for_selector("#scarica", timeout=120_000)
    page.click("#contenuto summary")
    shot(page, "7-tutti")
    with page.expect_download() as waiting:
        page.click("#scarica a")
    archive = tmp_path / waiting.value.suggested_filename
    waiting.value.save_as(archive)
    assert archive.name == "unioncamere-toscana_documenti_2021.zip"
    with zipfile.ZipFile(archive) as opened:
        assert {"unioncamere-toscana_pira_2021.pdf", "unioncamere-toscana_pira_2021.docx"} <= set(opened.namelist())


def test_without_javascript_the_page_uploads_renders_and_downloads(server: str, browser: Browser, tmp_path: Path) -> None:
    context = browser.new_context(java_script_enabled=False, accept_downloads=True)
    page = context.new_page()
    try:
        page.goto(server)
        page.set_input_files("#workbook", str(SAMPLES / "unioncamere_toscana_pira_2021.xlsx"))
        page.click("#carica button")
        page.click("#tipo-pira button[type=submit]")
        page.wait_for_selector("#anteprima img", timeout=60_000)  # the progress page reloads itself until done
        with page.expect_download() as waiting:
            page.click("#scarica a")
        assert waiting.value.suggested_filename == "unioncamere-toscana_pira_2021.pdf"
    finally:
        context.close()
