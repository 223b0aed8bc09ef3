"""Draw the strategic map (mappa strategica) of a plan as SVG, from its BSC tree.

The vision sits on top; below it one band per perspective, holding the boxes of
the strategic objectives of the lines in that perspective. An objective with
indicators in the cruscotto is coloured (by its status when a status is given:
green reached, red missed), the others are white, as 002 explains under its
map; the colours are the theme's (:func:`pianodocs.theme.current_theme`). All text is escaped: it is workbook data; its **bold** and *italic* markup
becomes bold and italic spans, with the markers removed. Its words (the drawing's title, the alt text) are
the texts of ``testi/mappa.toml``, shared by the two kinds that draw the map (:func:`texts`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from html import escape
from importlib.resources import files
from pathlib import Path

import pyphen

from ..model import Plan, StrategicObjective
from ..texts import Texts, texts_of
from ..theme import current_theme
from ..view.model import Run
from ..view.richtext import printable, runs

WIDTH = 1000
MARGIN = 10
LABEL_WIDTH = 150
BOX_GAP = 10
LANE_GAP = 12
LINE_HEIGHT = 13
FONT = "Titillium Web, DejaVu Sans, sans-serif"
FONTS = Path(str(files("pianodocs").joinpath("fonts")))
# the map's words: a file of texts of its own, not of a kind's, since the Piano and the Relazione both draw it
TEXTS = "mappa"
# the advance of a character the bundled font lacks, in em (about Titillium Web's mean)
AVERAGE_ADVANCE = 0.5
# Italian hyphenation for a word longer than its box (the patterns WeasyPrint hyphenates the PDF's text with)
_ITALIAN = pyphen.Pyphen(lang="it_IT")
# characters XML 1.0 cannot hold: a workbook name carrying one would make the whole drawing invalid


def texts(template_dir: Path | None = None) -> Texts:
    """The map's words (``testi/mappa.toml``, a user's copy in ``template_dir`` over it)."""
    return texts_of(TEXTS, template_dir)


def svg_text(text: str) -> str:
    """Workbook text as the content of an SVG element: escaped, without the characters XML refuses."""
    return escape(printable(text), quote=False)


# a word is one or more runs (``**B**2`` is one word of two runs); a line is its words, in order
Word = list[Run]
Line = list[Word]


def _words(text: str, width: int) -> list[Word]:
    """The words of ``text`` read as markup, each keeping the style of its pieces; none longer than ``width``."""
    words: list[Word] = [[]]
    for run in runs(text):
        for index, piece in enumerate(re.split(r"\s+", run.text)):
            if index > 0 and words[-1]:  # white space ends a word
                words.append([])
            if piece:
                words[-1].append(Run(piece, run.bold, run.italic))
    cut: list[Word] = []
    for word in (w for w in words if w):
        cut += [_merged(part) for part in _parts([Run(c, run.bold, run.italic) for run in word for c in run.text], width)]
    return cut


def _parts(pieces: list[Run], width: int) -> list[list[Run]]:
    """A word (one run per character) longer than ``width`` as lines: after its own hyphens when they make lines
    short enough ("ECONOMICO-" "FINANZIARIA"), otherwise cut with a hyphen at each line's end; never broken bare."""
    if len(pieces) <= width:
        return [pieces]
    segments: list[list[Run]] = [[]]
    for piece in pieces:
        segments[-1].append(piece)
        if piece.text == "-":
            segments.append([])
    parts: list[list[Run]] = []
    for segment in (s for s in segments if s):
        if parts and len(parts[-1]) + len(segment) <= width:
            parts[-1] += segment
        elif len(segment) <= width:
            parts.append(segment)
        else:
            parts += _hyphenated(segment, width)
    return parts


def _hyphenated(segment: list[Run], width: int) -> list[list[Run]]:
    """``segment`` cut where Italian hyphenates (Pyphen's it_IT patterns, the ones WeasyPrint uses), each line but
    the last ending in a hyphen; where the patterns allow no cut short enough, at ``width`` - 1 characters."""
    lines: list[list[Run]] = []
    while len(segment) > width:
        text = "".join(piece.text for piece in segment)
        cut = max((p for p in _ITALIAN.positions(text) if p <= width - 1), default=max(1, width - 1))
        lines.append([*segment[:cut], Run("-", segment[cut - 1].bold, segment[cut - 1].italic)])
        segment = segment[cut:]
    return [*lines, segment]


def _merged(pieces: list[Run]) -> Word:
    """Adjacent runs of one style as one run."""
    merged: Word = []
    for piece in pieces:
        if merged and (merged[-1].bold, merged[-1].italic) == (piece.bold, piece.italic):
            merged[-1] = Run(merged[-1].text + piece.text, piece.bold, piece.italic)
        else:
            merged.append(piece)
    return merged


def _lines(text: str, width: int) -> list[Line]:
    """``text`` read as markup and wrapped at ``width`` characters (one empty line for no text)."""
    lines: list[Line] = [[]]
    length = 0
    for word in _words(text, width):
        size = sum(len(run.text) for run in word)
        if lines[-1] and length + 1 + size > width:
            lines.append([])
            length = 0
        length += size + (1 if lines[-1] else 0)
        lines[-1].append(word)
    return lines


def _plain_text(text: str) -> str:
    """``text`` without its markup: what a screen reader should read."""
    return " ".join("".join(run.text for run in runs(text)).split())


def _pieces(line: Line) -> list[Run]:
    """One line as stretches of one style each; the space between two words takes the style of the word before."""
    pieces: list[Run] = []
    for index, word in enumerate(line):
        if index > 0:
            pieces.append(Run(" ", pieces[-1].bold, pieces[-1].italic))
        pieces += word
    return _merged(pieces)


def _style(bold: bool, italic: bool) -> str:
    return (' font-weight="bold"' if bold else "") + (' font-style="italic"' if italic else "")


def _line_span(x: float, dy: int, line: Line, size: int, anchor: str, bold: bool) -> str:
    """One line as a ``tspan``: one style, the line's own; mixed styles, a span per stretch from a computed start.

    A line of mixed styles starts at its measured left end (``text-anchor="start"``) rather than being
    anchored at its middle: renderers that anchor every span on its own (cairosvg, for the DOCX image)
    would otherwise stack the stretches on one another.
    """
    pieces = _pieces(line)
    if len(pieces) <= 1:
        style = _style(pieces[0].bold, pieces[0].italic) if pieces else ""
        text = svg_text(pieces[0].text) if pieces else ""
        return f'<tspan x="{x:.1f}" dy="{dy}"{style}>{text}</tspan>'
    width = sum(text_width(piece.text, size, bold or piece.bold, piece.italic) for piece in pieces)
    start = x - {"middle": width / 2, "end": width}.get(anchor, 0.0)
    # every stretch in its own span: WeasyPrint drops text that follows a span inside the same element
    spans = "".join(f"<tspan{_style(piece.bold, piece.italic)}>{svg_text(piece.text)}</tspan>" for piece in pieces)
    return f'<tspan x="{start:.1f}" dy="{dy}" text-anchor="start">{spans}</tspan>'


def text_width(text: str, size: float, bold: bool = False, italic: bool = False) -> float:
    """The width of ``text`` at ``size`` in the bundled Titillium Web face (the font the map is drawn with)."""
    advances, default = _advances(bold, italic)
    return size * sum(advances.get(ord(character), default) for character in text)


@functools.cache
def _advances(bold: bool, italic: bool) -> tuple[dict[int, float], float]:
    """Advance widths in em by code point of one Titillium Web face, and a width for characters it lacks."""
    widths: dict[int, float] = {}
    pattern = f"titillium-web-*-{700 if bold else 400}-{'italic' if italic else 'normal'}.woff"
    try:
        from fontTools.ttLib import TTFont  # WeasyPrint's own font library
    except ImportError:  # pragma: no cover - installed with WeasyPrint
        return widths, AVERAGE_ADVANCE
    for path in sorted(FONTS.glob(pattern)):
        font = TTFont(path)
        units = font["head"].unitsPerEm
        metrics = font["hmtx"].metrics
        for code, glyph in font.getBestCmap().items():
            widths.setdefault(code, metrics[glyph][0] / units)
    return widths, AVERAGE_ADVANCE


def _text_block(x: float, y: float, lines: list[Line], size: int, colour: str, anchor: str = "middle", bold: bool = False) -> str:
    weight = ' font-weight="bold"' if bold else ""
    spans = "".join(_line_span(x, 0 if index == 0 else LINE_HEIGHT, line, size, anchor, bold) for index, line in enumerate(lines))
    return f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" fill="{colour}" text-anchor="{anchor}"{weight}>{spans}</text>'


def perspective_lanes(plan: Plan) -> list[tuple[str, list[StrategicObjective]]]:
    """(perspective name, its strategic objectives) in the plan's order; an objective's own perspective wins over its line's."""
    lanes = []
    for perspective in plan.perspectives:
        objectives = [o for o in plan.strategic_objectives if plan.perspective_of(o.code) == perspective.code]
        if objectives:
            lanes.append((perspective.name, objectives))
    return lanes


def strategic_map_svg(plan: Plan, status: Mapping[str, bool] | None = None, words: Texts | None = None) -> str:
    """The map as an SVG document. ``status`` maps objective codes to reached (True) or missed (False).

    ``words`` are the map's texts (:func:`texts`; default: the package's).
    """
    words = words or texts()
    lanes = perspective_lanes(plan)
    colour = current_theme().colour
    parts: list[str] = []
    vision = plan.vision or plan.entity.name
    vision_lines = _lines(vision, 110)
    vision_height = 20 + LINE_HEIGHT * len(vision_lines)
    parts.append(
        f'<rect x="{MARGIN}" y="{MARGIN}" width="{WIDTH - 2 * MARGIN}" height="{vision_height}" rx="6" '
        f'fill="{colour("mappa.visione-sfondo")}" stroke="{colour("mappa.visione-bordo")}"/>'
    )
    parts.append(_text_block(WIDTH / 2, MARGIN + 18, vision_lines, 13, colour("mappa.visione-testo"), bold=True))
    y = MARGIN + vision_height + LANE_GAP
    for name, objectives in lanes:
        per_row = min(len(objectives), 5)
        box_width = (WIDTH - 2 * MARGIN - LABEL_WIDTH - BOX_GAP * per_row) / per_row
        wrap = max(12, int(box_width / 6.2))
        rows = [objectives[index : index + per_row] for index in range(0, len(objectives), per_row)]
        row_heights = [max(len(_lines(f"{o.printed_code} {o.name}", wrap)) for o in row) * LINE_HEIGHT + 16 for row in rows]
        lane_height = sum(row_heights) + BOX_GAP * (len(rows) + 1)
        parts.append(
            f'<rect x="{MARGIN}" y="{y}" width="{WIDTH - 2 * MARGIN}" height="{lane_height}" '
            f'fill="{colour("mappa.prospettiva-sfondo")}" stroke="{colour("mappa.prospettiva-bordo")}"/>'
        )
        lane_label = _lines(name.upper(), 20)
        parts.append(
            _text_block(
                MARGIN + LABEL_WIDTH / 2, y + lane_height / 2 - 4, lane_label, 11, colour("mappa.prospettiva-testo"), bold=True
            )
        )
        row_y = y + BOX_GAP
        for row, row_height in zip(rows, row_heights, strict=True):
            for index, objective in enumerate(row):
                x = MARGIN + LABEL_WIDTH + BOX_GAP + index * (box_width + BOX_GAP)
                fill, ink = _colours(objective, status)
                parts.append(
                    f'<rect x="{x:.1f}" y="{row_y}" width="{box_width:.1f}" height="{row_height}" rx="4" '
                    f'fill="{fill}" stroke="{colour("mappa.obiettivo-bordo")}"/>'
                )
                label = _lines(f"{objective.printed_code} {objective.name}".strip(), wrap)
                parts.append(_text_block(x + box_width / 2, row_y + 14, label, 10, ink))
            row_y += row_height + BOX_GAP
        y += lane_height + LANE_GAP
    height = y + MARGIN
    body = "\n".join(parts)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'font-family="{FONT}">\n<title>{svg_text(words("titolo", ente=plan.entity.name))}</title>\n{body}\n</svg>'
    )


def _colours(objective: StrategicObjective, status: Mapping[str, bool] | None) -> tuple[str, str]:
    """The fill of an objective's box and the colour of its text, from the theme."""
    colour = current_theme().colour
    if not objective.in_dashboard:
        return colour("mappa.obiettivo-fuori-cruscotto"), colour("mappa.obiettivo-fuori-cruscotto-testo")
    ink = colour("mappa.obiettivo-cruscotto-testo")
    if status is not None and objective.code in status:
        return colour("esiti.raggiunto" if status[objective.code] else "esiti.non-raggiunto"), ink
    return colour("mappa.obiettivo-cruscotto"), ink


def strategic_map_alt(plan: Plan, words: Texts | None = None) -> str:
    """Alt text: the map's content in words, for screen readers and the DOCX image (``words``: as for the SVG)."""
    words = words or texts()
    parts = [words("descrizione", ente=plan.entity.name)]
    for name, objectives in perspective_lanes(plan):
        labels = "; ".join(f"{o.printed_code} {_plain_text(o.name)}".strip() for o in objectives)
        parts.append(words("prospettiva", nome=_plain_text(name), obiettivi=labels))
    return " ".join(parts)


def map_height_mm(svg: str, width_mm: float) -> float:
    """The printed height for ``width_mm``, keeping the SVG's proportions."""
    view_box = svg.split('viewBox="', 1)[1].split('"', 1)[0].split()
    return width_mm * float(view_box[3]) / float(view_box[2])
