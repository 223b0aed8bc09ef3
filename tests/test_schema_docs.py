"""The committed workbook documentation is the one generated from the schema the loader uses."""

from pathlib import Path

from pianodocs.schema import SHEETS
from pianodocs.schema_docs import schema_markdown

DOCS = Path(__file__).resolve().parent.parent / "docs" / "workbook.md"


def test_docs_page_matches_the_schema() -> None:
    assert DOCS.read_text(encoding="utf-8") == schema_markdown(), "rigenerare con: python scripts/schema_docs.py"


def test_docs_page_names_every_sheet_and_column() -> None:
    page = schema_markdown()
    for sheet in SHEETS:
        assert f"## {sheet.name}" in page
        for column in sheet.columns:
            assert f"| {column.name}" in page
