"""View models: what each document shows, as plain data for the DOCX and PDF backends.

This package's root is public API, for the packages that add a document kind (see docs/api.md): a kind's
``build`` returns a :class:`Document` made of these blocks, and both backends write it. The modules inside
(``model``, ``richtext``, ``measure`` …) may change their names; what is exported here may not.
"""

from .model import (
    Align,
    Block,
    BulletList,
    Cell,
    CellStyle,
    Cover,
    Document,
    Figure,
    Heading,
    PageBreak,
    Paragraph,
    Row,
    Run,
    Table,
    TableOfContents,
)
from .richtext import plain, runs

__all__ = [
    "Align",
    "Block",
    "BulletList",
    "Cell",
    "CellStyle",
    "Cover",
    "Document",
    "Figure",
    "Heading",
    "PageBreak",
    "Paragraph",
    "Row",
    "Run",
    "Table",
    "TableOfContents",
    "plain",
    "runs",
]
