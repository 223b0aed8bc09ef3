"""The registry of document kinds (:mod:`pianodocs.kinds`): declared options checked, plugins added by entry point.

The plugin is the package in ``tests/plugin_kind/``, installed for real into a folder of the test: its module and
a ``*.dist-info`` with the ``entry_points.txt`` its ``pyproject.toml`` declares, on the ``PYTHONPATH`` of a
``pianodocs`` run in a subprocess, which finds it as it finds any installed package.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

import pianodocs
from pianodocs.kinds import BUILT_IN, KindDeclarationError, Option, OptionError, checked_options, registered
from pianodocs.render import UnsupportedKindError, build_document, render

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = Path(__file__).resolve().parent / "plugin_kind"


def install(site: Path, project: Path, entry_points: dict[str, str] | None = None) -> None:
    """Install ``project`` (a folder with pyproject.toml and its modules) into ``site``, as pip would lay it out.

    ``entry_points`` replace those of its pyproject.toml (a broken plugin).
    """
    declared = tomllib.loads((project / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    points = declared["entry-points"]["pianodocs.kinds"] if entry_points is None else entry_points
    for module in project.glob("*.py"):
        shutil.copy(module, site / module.name)
    info = site / f"{declared['name'].replace('-', '_')}-{declared['version']}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {declared['name']}\nVersion: {declared['version']}\n")
    (info / "entry_points.txt").write_text(
        "[pianodocs.kinds]\n" + "".join(f"{name} = {target}\n" for name, target in points.items()), encoding="utf-8"
    )


def pianodocs_with(site: Path | None, *arguments: str | Path) -> subprocess.CompletedProcess[str]:
    path = [str(ROOT / "src"), *([str(site)] if site is not None else [])]
    environment = dict(os.environ, PYTHONPATH=os.pathsep.join(path))
    environment.pop("PIANODOCS_DEBUG", None)
    result = subprocess.run(
        [sys.executable, "-m", "pianodocs", *map(str, arguments)], capture_output=True, text=True, env=environment, timeout=300
    )
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    return result


def docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    return " ".join("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", paragraph)) for paragraph in xml.split("</w:p>"))


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> pianodocs.Plan:
    from pianodocs.workbook.template import write_blank_workbook

    path = tmp_path_factory.mktemp("tipi") / "esempio.xlsx"
    write_blank_workbook(path, 2024, 2026)
    return pianodocs.load_workbook(path)


# ---------------------------------------------------------------------------
# options, checked against the declarations before anything is written


def test_an_unknown_option_is_refused_naming_it_and_the_valid_ones(plan: pianodocs.Plan, tmp_path: Path) -> None:
    with pytest.raises(OptionError, match=r"Opzione sconosciuta per il documento 'monitoraggio': 'al'\. Opzioni valide: at\."):
        render(plan, "monitoraggio", tmp_path / "m.pdf", al=dt.date(2024, 6, 30))
    with pytest.raises(OptionError, match=r"documento 'pira': 'at'\. Opzioni valide: nessuna\."):
        build_document(plan, "pira", at=dt.date(2024, 6, 30))
    with pytest.raises(
        OptionError, match=r"Opzioni sconosciute .*'allegato-delibera': 'pagine', 'boh'\. Opzioni valide: atto, numero"
    ):
        render(plan, "allegato-delibera", tmp_path / "a.docx", pagine=3, boh=1)  # the page count is the render's to set
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize(
    ("kind", "options", "message"),
    [
        (
            "monitoraggio",
            {"at": "30/06/2024"},
            "L'opzione 'at' del documento 'monitoraggio' vuole una data, non '30/06/2024' (str).",
        ),
        ("monitoraggio", {"at": dt.datetime(2024, 6, 30, 12)}, "vuole una data"),
        (
            "relazione-performance",
            {"anno": "2024"},
            "L'opzione 'anno' del documento 'relazione-performance' vuole un numero intero",
        ),
        ("relazione-performance", {"anno": True}, "vuole un numero intero, non True (bool)"),
        ("allegato-delibera", {"revisioni": "E1"}, "L'opzione 'revisioni' del documento 'allegato-delibera' vuole un elenco"),
        ("allegato-delibera", {"numero": 63}, "vuole un testo, non 63 (int)"),
    ],
)
def test_an_option_of_the_wrong_type_is_refused_in_italian(
    plan: pianodocs.Plan, tmp_path: Path, kind: str, options: dict[str, object], message: str
) -> None:
    with pytest.raises(OptionError, match=re.escape(message)):
        render(plan, kind, tmp_path / "x.pdf", **options)
    assert not list(tmp_path.iterdir())


def test_a_required_option_must_be_given_and_a_default_is_passed() -> None:
    declared = type(
        "Declared",
        (),
        {
            "KIND": "con-opzioni",
            "TITLE": "Un tipo con opzioni",
            "OPTIONS": (
                Option("soglia", int, "la soglia", required=True, flag="--soglia"),
                Option("nota", str, "una nota", default="-"),
            ),
            "build": len,
            "applies": len,
        },
    )
    kind = registered(declared, "prova")
    with pytest.raises(OptionError, match=re.escape("Il documento 'con-opzioni' richiede l'opzione soglia (--soglia).")):
        checked_options(kind, {"nota": "x"})
    assert checked_options(kind, {"soglia": 3}) == {"soglia": 3, "nota": "-"}
    assert checked_options(kind, {"soglia": 3, "nota": None}) == {"soglia": 3, "nota": "-"}  # None: an option not given


def test_a_kind_that_is_not_registered_is_refused_with_the_known_ones(plan: pianodocs.Plan) -> None:
    with pytest.raises(
        UnsupportedKindError, match=r"sconosciuto: 'pirra'\. Tipi previsti: piano-performance, pira, monitoraggio"
    ):
        build_document(plan, "pirra")


def test_the_built_in_kinds_are_registered_in_order_with_their_descriptions() -> None:
    assert tuple(pianodocs.DOCUMENT_KINDS)[: len(BUILT_IN)] == BUILT_IN
    assert pianodocs.DOCUMENT_KINDS["pira"] == "Piano degli Indicatori e dei Risultati attesi di Bilancio (PIRA)"


@pytest.mark.parametrize(
    ("candidate", "message"),
    [
        (dt, "non è un tipo di documento (manca KIND, TITLE, OPTIONS, build, applies)"),
        (type("K", (), {"KIND": "Due Parole", "TITLE": "t", "OPTIONS": (), "build": len, "applies": len}), "KIND deve essere"),
        (type("K", (), {"KIND": "due-parole", "TITLE": "t", "OPTIONS": ("at",), "build": len, "applies": len}), "OPTIONS deve"),
        (
            type(
                "K",
                (),
                {
                    "KIND": "due-parole",
                    "TITLE": "t",
                    "OPTIONS": (Option("a", int, "h"), Option("a", str, "h")),
                    "build": len,
                    "applies": len,
                },
            ),
            "le opzioni devono avere nomi diversi, che siano parole chiave di build, non ['a', 'a']",
        ),
        (
            type(
                "K",
                (),
                {
                    "KIND": "due-parole",
                    "TITLE": "t",
                    "OPTIONS": (Option("a", list, "h", flag="--a"),),
                    "build": len,
                    "applies": len,
                },
            ),
            "l'opzione 'a' non può avere il nome '--a' da riga di comando",
        ),
    ],
)
def test_an_object_that_is_not_a_kind_is_told_what_it_lacks(candidate: object, message: str) -> None:
    with pytest.raises(KindDeclarationError, match=re.escape(message)):
        registered(candidate)


# ---------------------------------------------------------------------------
# the command line: flags from the declarations, the list of kinds with their options


def test_a_flag_the_kind_does_not_take_is_a_usage_error(tmp_path: Path) -> None:
    workbook = ROOT / "sample_data" / "cciaa_pistoia_2020_2022.xlsx"
    result = pianodocs_with(None, "render", "pira", workbook, "-o", tmp_path / "p.pdf", "--al", "30/06/2020")
    assert result.returncode == 2
    assert "pianodocs: --al: non si applica al documento 'pira' (vedere 'pianodocs tipi')." in result.stderr
    assert not list(tmp_path.iterdir())


def test_tipi_lists_each_kind_with_its_options() -> None:
    result = pianodocs_with(None, "tipi")
    assert result.returncode == 0 and result.stderr == ""
    listing = result.stdout
    assert (
        "monitoraggio: Monitoraggio: situazione degli indicatori a una data\n    --al GG/MM/AAAA (nella libreria: at)" in listing
    )
    assert "    --numero N (nella libreria: numero) — numero della deliberazione, se non è nel foglio Atti [un testo]" in listing
    assert "    revisioni (solo nella libreria)" in listing
    assert "pira: Piano degli Indicatori e dei Risultati attesi di Bilancio (PIRA)\n    nessuna opzione" in listing


# ---------------------------------------------------------------------------
# a kind from another package


def test_a_kind_from_another_package_renders_to_pdf_and_docx(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    install(site, PLUGIN)
    workbook = tmp_path / "esempio.xlsx"
    assert pianodocs_with(site, "init", workbook, "--primo-anno", "2024").returncode == 0
    listing = pianodocs_with(site, "tipi")
    assert (
        "elenco-indicatori: Elenco degli indicatori del piano (tipo di documento di esempio) (dal pacchetto pianodocs-tipo-esempio)"
        in (listing.stdout)
    )
    assert "--intestazione TESTO (nella libreria: intestazione)" in listing.stdout
    for suffix, text_of in ((".pdf", pdf_text), (".docx", docx_text)):
        output = tmp_path / f"elenco{suffix}"
        result = pianodocs_with(site, "render", "elenco-indicatori", workbook, "-o", output, "--intestazione", "Elenco di prova")
        assert result.returncode == 0, result.stderr
        text = " ".join(text_of(output).split())
        assert "Elenco di prova" in text, text
        assert "Codice Indicatore" in text
        assert "Grado di utilizzo delle risorse dedicate all'internazionalizzazione" in text
    without = pianodocs_with(None, "render", "elenco-indicatori", workbook, "-o", tmp_path / "x.pdf")
    assert without.returncode == 2 and "tipo di documento sconosciuto 'elenco-indicatori'" in without.stderr


def test_a_broken_plugin_is_left_out_with_a_warning_and_the_built_ins_still_work(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    broken = {
        "mancante": "pianodocs_modulo_che_non_esiste",
        "non-tipo": "json",
        "doppione": "pianodocs.documents.pira",
        "elenco-indicatori": "pianodocs_tipo_esempio",
    }
    install(site, PLUGIN, broken)
    result = pianodocs_with(site, "kinds")
    assert result.returncode == 0
    assert [line.split()[0] for line in result.stdout.splitlines()] == [*BUILT_IN, "elenco-indicatori"]
    where = "pianodocs: avviso: il tipo di documento '{}' del pacchetto 'pianodocs-tipo-esempio' è ignorato: "
    assert where.format(
        "mancante"
    ) + "non si carica (ModuleNotFoundError: No module named 'pianodocs_modulo_che_non_esiste')." in (result.stderr)
    assert where.format("non-tipo") + "non è un tipo di documento (manca KIND, TITLE, OPTIONS, build, applies)." in result.stderr
    assert where.format("doppione") + "il nome 'pira' è già usato da pianodocs." in result.stderr
    assert len(result.stderr.splitlines()) == 3, result.stderr
