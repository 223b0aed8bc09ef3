"""The Piano della Performance (002): cover, SOMMARIO, the narrative sections and the generated parts.

The document follows the workbook's sections in order; the 'generato' blocks
place the strategic map, the cruscotto di Ente, the cascading sheets of each
area and the Segretario generale's card where the workbook says.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..kinds import Option
from ..model import Plan
from ..texts import Texts, texts_of
from ..values import format_percent
from ..view.model import Align, Block, CellStyle, Cover, Document, Figure, PageBreak, Paragraph, Row, Table, TableOfContents
from ..view.richtext import plain
from .cascading import cascading_blocks
from .common import cell, document_title, logo_path, number_cell, section_blocks, sections_of
from .cruscotto_ente import cruscotto_table
from .strategic_map import map_height_mm, strategic_map_alt, strategic_map_svg
from .strategic_map import texts as map_texts

KIND = "piano-performance"
TITLE = "Piano della Performance (triennale)"
OPTIONS: tuple[Option, ...] = ()
NEEDS_INDICATORS = True  # made of the plan's indicators: refused for a plan without any


def applies(plan: Plan) -> bool:
    """A workbook kept for a Piano, with a cruscotto di Ente (indicators shown in it)."""
    return plan.kind == KIND and any(indicator.dashboard in ("ente", "entrambi") for indicator in plan.indicators)


def texts(template_dir: Path | None = None) -> Texts:
    """The Piano's words, its cruscotto's and cascading sheets' included (``testi/piano-performance.toml``)."""
    return texts_of(KIND, template_dir)


def build(plan: Plan, workbook_folder: Path | None = None, *, template_dir: Path | None = None) -> Document:
    words, map_words = texts(template_dir), map_texts(template_dir)
    blocks: list[Block] = [TableOfContents(), PageBreak()]
    for section in sections_of(plan, KIND):
        if section.level == 1 and len(blocks) > 2:
            blocks.append(PageBreak())
        blocks.extend(section_blocks(plan, section, lambda name: generated(plan, name, words, map_words)))
    if not plan.sections:
        blocks.extend(generated(plan, "cruscotto-ente", words))
    logo = logo_path(plan, workbook_folder)
    years = f"{plan.first_year}-{plan.last_year}"
    # the workbook's Sottotitolo belongs to its main document: a line of its own under the years
    subtitle = "\n".join(line for line in (years, plan.subtitle if plan.kind == KIND else "") if line)
    return Document(
        title=document_title(plan, KIND, words("titolo_documento", anni=years)),
        author=plan.entity.name,
        subject=words("soggetto", anni=years),
        cover=Cover(
            entity=plan.entity.name,
            title=words("titolo_copertina"),
            subtitle=subtitle,
            logo=logo,
            note=plan.data_note if plan.illustrative else "",
        ),
        blocks=tuple(blocks),
    )


def generated(plan: Plan, name: str, words: Texts | None = None, map_words: Texts | None = None) -> Sequence[Block]:
    """The generated content ``name`` of a 'generato' block, in the texts ``words`` and the map's ``map_words``
    (default: the package's)."""
    words = words or texts()
    if name == "mappa-strategica":
        svg = strategic_map_svg(plan, words=map_words)
        width = 250.0
        return [
            Figure(
                svg,
                alt=strategic_map_alt(plan, map_words),
                caption=words("didascalia_mappa"),
                width_mm=width,
                height_mm=map_height_mm(svg, width),
                landscape=True,
            )
        ]
    if name == "cruscotto-ente":
        return [cruscotto_table(plan, words)]
    if name.startswith("cascading:"):
        return cascading_blocks(plan, name.partition(":")[2], words)
    if name == "scheda-segretario":
        return [secretary_card(plan, words)]
    return [Paragraph(plain(f"[contenuto '{name}' non disponibile per questo documento]"), style="note")]


def secretary_card(plan: Plan, words: Texts | None = None) -> Table:
    words, year = words or texts(), plan.reference_year
    keys = ("riferimento", "obiettivo_azione", "indicatore", "peso", "target", "realizzazione")
    header = Row(tuple(cell(words(f"scheda_{key}", anno=year), CellStyle.HEADER, align=Align.CENTER) for key in keys))
    perspectives = {p.code: p.name for p in plan.perspectives}
    names = {o.code: o.name for o in plan.strategic_objectives} | {o.code: o.name for o in plan.operational_objectives}
    body: list[Row] = []
    last_perspective = last_objective = None
    for row in plan.secretary_card:
        if row.perspective != last_perspective:
            weight = format_percent(row.perspective_weight) if row.perspective_weight is not None else ""
            body.append(
                Row(
                    (
                        cell(words("scheda_prospettiva"), CellStyle.BAND),
                        cell(perspectives.get(row.perspective, row.perspective).upper(), CellStyle.BAND, 2),
                        number_cell(weight, CellStyle.BAND),
                        cell("", CellStyle.BAND, 2),
                    ),
                    keep_with_next=True,
                )
            )
            last_perspective, last_objective = row.perspective, None
        if row.objective != last_objective:
            name = names.get(row.objective, row.objective)
            weight = format_percent(row.objective_weight) if row.objective_weight is not None else ""
            body.append(
                Row(
                    (
                        cell(row.objective, CellStyle.SUBBAND),
                        cell(name, CellStyle.SUBBAND, 2),
                        number_cell(weight, CellStyle.SUBBAND),
                        cell("", CellStyle.SUBBAND, 2),
                    ),
                    keep_with_next=True,
                )
            )
            last_objective = row.objective
        body.append(
            Row(
                (
                    cell(row.reference),
                    cell(row.action),
                    cell(row.indicator),
                    number_cell(format_percent(row.weight) if row.weight is not None else ""),
                    number_cell(target.text if (target := row.target_for(year)) else ""),
                    number_cell(""),
                )
            )
        )
    return Table((header,), tuple(body), (9, 30, 30, 8, 13, 10), landscape=False, name="scheda-segretario")
