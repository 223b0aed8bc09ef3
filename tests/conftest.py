"""Shared fixtures: the sample workbooks, loaded once per test session, and the excerpts of the seeds in facts/."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

# A run started in the background of a non-interactive shell inherits SIGINT ignored, and so would every
# pianodocs process the tests start: the interruption tests need Ctrl-C to be what it is for a person.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

import pianodocs

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_data"
FACTS = Path(__file__).resolve().parent / "facts"


def facts(name: str) -> list[str]:
    """The lines of ``tests/facts/<name>.txt``, verbatim excerpts of a seed, without the header saying where from."""
    lines = (FACTS / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


@pytest.fixture(autouse=True)
def _empty_pagination_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test (and each pianodocs command it starts) with a cache folder of its own, empty: a DOCX's SOMMARIO
    is laid out by LibreOffice in every test, as on a first render (pianodocs.backends.docx.pagination_cache)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture(scope="session")
def pistoia() -> pianodocs.Plan:
    return pianodocs.load_workbook(SAMPLES / "cciaa_pistoia_2020_2022.xlsx")


@pytest.fixture(scope="session")
def pistoia_revised() -> pianodocs.Plan:
    return pianodocs.load_workbook(SAMPLES / "cciaa_pistoia_2020_revisione.xlsx")
