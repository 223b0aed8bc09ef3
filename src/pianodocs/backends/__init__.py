"""Backends: render a view-model Document to PDF (WeasyPrint) or DOCX (docxtpl)."""
