"""Shared fixtures: the sample workbooks, loaded once per test session, and the seed texts."""

from __future__ import annotations

from pathlib import Path

import pytest

import pianodocs

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_data"
SEEDS = ROOT.parent / "shared" / "seeds"


def seed_text(prefix: str) -> str:
    """The text of a seed document (``000`` ... ``004``), from ../shared/seeds beside the repository."""
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.fail(f"seed {prefix} not found in {SEEDS}: the repository must sit beside shared/")
    return matches[0].read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def pistoia() -> pianodocs.Plan:
    return pianodocs.load_workbook(SAMPLES / "cciaa_pistoia_2020_2022.xlsx")


@pytest.fixture(scope="session")
def pistoia_revised() -> pianodocs.Plan:
    return pianodocs.load_workbook(SAMPLES / "cciaa_pistoia_2020_revisione.xlsx")
