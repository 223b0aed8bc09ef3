"""The former place of :mod:`pianodocs.backends.docx.fonts`, kept so ``templates/docx/build_template.py`` imports it.

Import from :mod:`pianodocs.backends.docx.fonts` instead; this module goes
when its last importer has moved.
"""

from __future__ import annotations

from .docx.fonts import FAMILY, SYMBOL_FAMILY, embed_fonts, font_key, obfuscated

__all__ = ["FAMILY", "SYMBOL_FAMILY", "embed_fonts", "font_key", "obfuscated"]
