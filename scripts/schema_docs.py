"""Regenerate docs/workbook.md from the workbook schema."""

from pathlib import Path

from pianodocs.schema_docs import schema_markdown

target = Path(__file__).resolve().parent.parent / "docs" / "workbook.md"
target.write_text(schema_markdown(), encoding="utf-8")
print(f"scritto {target}")
