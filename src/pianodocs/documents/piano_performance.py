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
from ..view.model import Block, Cover, Document, Figure, PageBreak, Table, TableOfContents
from .cascading import cascading_blocks
from .common import document_title, logo_path, section_blocks, sections_of, unknown_content
from .cruscotto_ente import cruscotto_table
from .secretary_card import CardWords, card_table
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
    raise unknown_content(name, KIND)


def secretary_card(plan: Plan, words: Texts | None = None) -> Table:
    """The Segretario generale's card with the targets of the reference year, its % column to be filled."""
    words, year = words or texts(), plan.reference_year
    keys = ("riferimento", "obiettivo_azione", "indicatore", "peso", "target", "realizzazione")
    card_words = CardWords(tuple(words(f"scheda_{key}", anno=year) for key in keys), words("scheda_prospettiva"))
    return card_table(plan, year, card_words, (9, 30, 30, 8, 13, 10), "scheda-segretario")
