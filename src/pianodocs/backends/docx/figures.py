"""Pictures as Word shows them: an SVG drawing as a PNG (cairosvg), the cover's logo checked before it is placed.

Word and python-docx take raster pictures only: a figure's drawing (the
strategic map) and an SVG logo are drawn as PNG with cairosvg, their text in
the bundled Titillium Web. Without cairo a figure prints as its alternative
text and the cover goes without its logo, each with an avviso.

A drawing takes about half a second to rasterise (cairo's bindings alone take
a quarter to load), and the same plan gives the same drawing: each PNG is kept
in the user's cache folder (``pianodocs/figure``, :mod:`pianodocs.content_cache`)
under the SVG, its width, the versions of cairosvg and cairocffi, the bundled
fonts and the fontconfig setting; any change to them draws it again.
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
from importlib import metadata
from pathlib import Path

from docx.image.image import Image

from ... import content_cache
from .. import LogoError
from .fonts import EMBEDDED, FAMILY, FONTS, add_to_fontconfig, has_every_glyph

logger = logging.getLogger(__name__)

FIGURE_FORMAT = 1
"""Raised when how a drawing is rasterised changes: older PNGs in the cache are then never read."""
FIGURE_FOLDER = "figure"
FIGURE_DPI = 200
LOGO_PIXELS = 600  # width of an SVG logo drawn as PNG: 25 mm high on the cover, sharp in print


def logo_picture(path: str) -> bytes | None:
    """The logo's bytes as Word can show them: an SVG drawn as PNG (None, with an avviso, when cairo is missing).

    A file that cannot be shown (a .png that is not a picture, a damaged one, an SVG that is not a drawing) stops
    the render with a message naming the Ente sheet's Logo field, as the PDF does: the logo is the cover's, and an
    official document does not go out without it.
    """
    logo = Path(path)
    data = logo.read_bytes()
    if logo.suffix.lower() == ".svg" or data.lstrip()[:5] in (b"<?xml", b"<svg ", b"<svg>"):
        try:
            data = svg_to_png(data.decode("utf-8"), LOGO_PIXELS) or b""
        except (UnicodeDecodeError, ValueError, SyntaxError) as error:  # cairosvg: bad XML (ParseError) or drawing
            raise LogoError(logo.name) from error
        if not data:  # cairo is missing: svg_to_png said so
            logger.warning("Foglio Ente, campo Logo: il logo SVG %s non si può convertire: il DOCX è senza logo.", logo.name)
            return None
    try:
        Image.from_blob(data)
    except Exception as error:  # python-docx raises UnrecognizedImageError, or struct/index errors on a damaged file
        raise LogoError(logo.name) from error
    return data


def svg_to_png(svg: str, width_px: int) -> bytes | None:
    """The SVG as a PNG ``width_px`` wide, with cairosvg (no external files or entities); None if cairo is missing.

    Its text is drawn in the bundled Titillium Web (:func:`add_to_fontconfig`) when it names it, unless
    the drawing holds a character the font lacks. A PNG drawn before from the same SVG, as the machine is set
    up now, is taken from the cache instead.
    """
    key = _figure_key(svg, width_px)
    cached = content_cache.load(FIGURE_FOLDER, key, ".png")
    if cached is not None and _whole_png(cached):
        return cached
    try:
        import cairosvg
    except (ImportError, OSError) as error:  # cairocffi raises OSError when the cairo library is missing
        logger.warning("Conversione SVG non disponibile (%s): la figura nel DOCX è sostituita dal testo alternativo.", error)
        return None
    add_to_fontconfig()  # the drawing's text in the bundled Titillium Web, as in the PDF
    if not has_every_glyph(svg):  # cairo sets a text in its first family only: then the next family draws it all
        svg = re.sub(rf'(font-family="[^"]*?){re.escape(FAMILY)}\s*,\s*', r"\1", svg)
    # drawn into a file, not into memory: cairo writes it itself, so a Ctrl-C meanwhile stays a KeyboardInterrupt
    # (through a Python write callback cffi would swallow it and cairo report a write error)
    with tempfile.TemporaryDirectory(prefix="pianodocs-figura-") as folder:
        png = Path(folder) / "figura.png"
        cairosvg.svg2png(bytestring=svg.encode("utf-8"), write_to=str(png), output_width=width_px, unsafe=False)
        data = png.read_bytes()
    content_cache.store(FIGURE_FOLDER, key, ".png", data)
    return data


def _figure_key(svg: str, width_px: int) -> str:
    """The cache key of ``svg`` drawn ``width_px`` wide: the drawing, and what else decides its pixels."""
    parts = [svg.encode("utf-8"), str(width_px).encode()]
    for distribution in ("cairosvg", "cairocffi"):
        try:
            parts.append(f"{distribution} {metadata.version(distribution)}".encode())
        except metadata.PackageNotFoundError:
            parts.append(b"")
    parts.extend(content_cache.stamp(FONTS / name) for styles in EMBEDDED.values() for name in styles.values())
    parts.append(os.environ.get("FONTCONFIG_FILE", "").encode())
    return content_cache.digest(f"figura-{FIGURE_FORMAT}", parts)


def _whole_png(data: bytes) -> bool:
    """Whether ``data`` is a PNG from its signature to its end chunk (a cache entry may have been damaged)."""
    return data.startswith(b"\x89PNG\r\n\x1a\n") and data.endswith(b"IEND\xaeB`\x82")
