"""Make the TrueType files that the DOCX embeds, from the bundled WOFF files (run once).

A DOCX may embed TrueType fonts only (ECMA-376 Part 1, 17.8.3), not WOFF; the
PDF's fonts are @fontsource WOFF files in two subsets per style (latin and
latin-ext). This script unpacks both subsets of each style with fontTools (a
WeasyPrint dependency) and merges them into one TrueType file, so Italian text
and accented or foreign names are covered by one font, and writes
``src/pianodocs/fonts/TitilliumWeb-<Style>.ttf``. For the symbols Titillium
lacks (Σ ≥ ≤ ● → ...) it keeps, of Noto Sans Math, the Greek letters, arrows,
mathematical operators and shapes (``NotoSansMath-Regular.ttf``: the whole font
would add half a megabyte to every DOCX). The result is the same on every run
(the files' own dates are kept): ``python scripts/build_fonts.py``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from fontTools.merge import Merger
from fontTools.subset import Options, Subsetter
from fontTools.ttLib import TTFont

FONTS = Path(__file__).resolve().parent.parent / "src" / "pianodocs" / "fonts"
STYLES = {"Regular": "400-normal", "Bold": "700-normal", "Italic": "400-italic", "BoldItalic": "700-italic"}
SUBSETS = ("latin", "latin-ext")  # the first one's tables (names, metrics) are kept
SYMBOLS = "noto-sans-math-latin-400-normal.woff"
# Greek, general punctuation, arrows, mathematical operators, technical, geometric shapes, symbols, dingbats
SYMBOL_RANGES = ((0x370, 0x3FF), (0x2010, 0x205F), (0x2190, 0x23FF), (0x25A0, 0x27BF))


def build(folder: Path = FONTS) -> list[Path]:
    written = []
    with tempfile.TemporaryDirectory(prefix="pianodocs-fonts-") as scratch:
        for style, suffix in STYLES.items():
            parts = []
            for subset in SUBSETS:
                font = TTFont(folder / f"titillium-web-{subset}-{suffix}.woff", recalcTimestamp=False)
                font.flavor = None  # plain TrueType
                part = Path(scratch) / f"{subset}-{suffix}.ttf"
                font.save(part)
                parts.append(str(part))
            merged = Merger().merge(parts)
            merged.recalcTimestamp = False
            merged["head"].created = merged["head"].modified = TTFont(parts[0])["head"].modified
            target = folder / f"TitilliumWeb-{style}.ttf"
            merged.save(target)
            written.append(target)
    symbols = TTFont(folder / SYMBOLS, recalcTimestamp=False)
    symbols.flavor = None
    options = Options()
    options.layout_features = ["*"]
    subsetter = Subsetter(options)
    subsetter.populate(unicodes=[code for start, end in SYMBOL_RANGES for code in range(start, end + 1)])
    subsetter.subset(symbols)
    target = folder / "NotoSansMath-Regular.ttf"
    symbols.save(target)
    written.append(target)
    return written


if __name__ == "__main__":
    for path in build():
        print(f"Scritto {path}")
