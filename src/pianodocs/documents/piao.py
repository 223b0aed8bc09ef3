"""The PIAO, Piano Integrato di Attività e Organizzazione (DM 132/2022 and its Piano tipo), from the workbook.

The sections of the DM, numbered as it numbers them: 1 Scheda anagrafica dell'amministrazione (with the act
adopting the Piano and the budget it is consistent with); 2 Valore pubblico, Performance e Anticorruzione
(2.1 :mod:`.piao_value`, 2.2 the Piano's performance tree, 2.3 :mod:`.piao_risks`); 3 Organizzazione e capitale
umano (:mod:`.piao_people`); 4 Monitoraggio (:mod:`.piao_monitoring`). The simplified PIAO of the
administrations with fewer than 50 employees (art. 6; ``Variante`` = semplificato in the PIAO sheet) has the
scheda anagrafica, 2.3 and section 3 without the training plan, numbered as in the ordinary one.

A section whose data the plan lacks prints nothing, its heading included (:func:`.piao_parts.chapter`).
"""

from __future__ import annotations

from pathlib import Path

from ..kinds import Option
from ..model import Plan
from ..model_piao import PiaoVariant
from ..schema_piao import PIAO_SECTION_KEYS
from ..texts import Texts, texts_of
from ..view.model import Align, Block, CellStyle, Cover, Document, PageBreak, Paragraph, Row, Table, TableOfContents
from ..view.richtext import plain
from .common import cell, document_title, logo_path
from .piao_monitoring import monitoring_blocks
from .piao_parts import chapter
from .piao_people import smart_working_blocks, staffing_blocks, structure_blocks
from .piao_risks import risk_blocks
from .piao_value import performance_blocks, public_value_blocks

KIND = "piao"
TITLE = "PIAO - Piano Integrato di Attività e Organizzazione (triennale)"
OPTIONS: tuple[Option, ...] = ()
NEEDS_INDICATORS = False  # the simplified PIAO has no performance section
# the keys of the workbook's Sezioni (Documento = piao) whose Testi go under each section's heading (docs/piao.md)
SECTION_KEYS = tuple(PIAO_SECTION_KEYS)


def applies(plan: Plan) -> bool:
    """A workbook kept for a PIAO."""
    return plan.kind == KIND


def texts(template_dir: Path | None = None) -> Texts:
    """The PIAO's words (``testi/piao.toml``)."""
    return texts_of(KIND, template_dir)


def build(plan: Plan, workbook_folder: Path | None = None, *, template_dir: Path | None = None) -> Document:
    words = texts(template_dir)
    years = f"{plan.first_year}-{plan.last_year}"
    simplified = plan.piao.variant is PiaoVariant.SIMPLIFIED
    chapters = [
        chapter(plan, "anagrafica", words("sezione_anagrafica"), "1", registry_section(plan, words)),
        section_two(plan, words, template_dir, simplified),
        section_three(plan, words, simplified),
    ]
    if not simplified:
        chapters.append(chapter(plan, "monitoraggio", words("sezione_monitoraggio"), "4", monitoring_blocks(plan, words)))
    blocks: list[Block] = [TableOfContents()]
    for blocks_of_chapter in chapters:
        if blocks_of_chapter:
            blocks += [PageBreak(), *blocks_of_chapter]
    return Document(
        title=document_title(plan, KIND, words("titolo_documento", anni=years)),
        author=plan.entity.name,
        subject=words("soggetto", anni=years),
        cover=Cover(
            entity=plan.entity.name,
            title=words("titolo_copertina_semplificato" if simplified else "titolo_copertina"),
            subtitle=years,
            logo=logo_path(plan, workbook_folder),
            note=plan.data_note if plan.illustrative else "",
        ),
        blocks=tuple(blocks),
    )


def section_two(plan: Plan, words: Texts, template_dir: Path | None, simplified: bool) -> list[Block]:
    """Sezione 2: 2.1 and 2.2 in the ordinary PIAO only, 2.3 in both."""
    parts: list[Block] = []
    if not simplified:
        parts += chapter(plan, "valore-pubblico", words("sottosezione_valore_pubblico"), "2.1", public_value_blocks(plan, words))
        parts += chapter(
            plan, "performance", words("sottosezione_performance"), "2.2", performance_blocks(plan, words, template_dir)
        )
    parts += chapter(plan, "rischi-corruttivi", words("sottosezione_rischi"), "2.3", risk_blocks(plan, words))
    return chapter(plan, "valore-performance-anticorruzione", words("sezione_valore_performance"), "2", parts)


def section_three(plan: Plan, words: Texts, simplified: bool) -> list[Block]:
    """Sezione 3: the structure, lavoro agile, the staffing plan (with the training plan in the ordinary PIAO)."""
    parts = [
        *chapter(plan, "struttura-organizzativa", words("sottosezione_struttura"), "3.1", structure_blocks(plan, words)),
        *chapter(plan, "lavoro-agile", words("sottosezione_lavoro_agile"), "3.2", smart_working_blocks(plan, words)),
        *chapter(
            plan,
            "fabbisogni-personale",
            words("sottosezione_fabbisogni"),
            "3.3",
            staffing_blocks(plan, words, training=not simplified),
        ),
    ]
    return chapter(plan, "organizzazione-capitale-umano", words("sezione_organizzazione"), "3", parts)


def registry_section(plan: Plan, words: Texts) -> list[Block]:
    """Sezione 1, Scheda anagrafica dell'amministrazione: a field per row, only those the workbook fills; then the act
    adopting the Piano and the budget it is consistent with, when the PIAO sheet names them."""
    entity, settings = plan.entity, plan.piao
    categories = [row for row in plan.staff if not row.is_total]
    staff = str(sum(row.present for row in categories)) if categories else ""
    fields = (
        ("anagrafica_denominazione", entity.name),
        ("anagrafica_indirizzo", entity.address),
        ("anagrafica_codice_fiscale", entity.tax_code),
        ("anagrafica_sito", entity.website),
        ("anagrafica_pec", entity.pec),
        ("anagrafica_telefono", entity.phone),
        ("anagrafica_presidente", entity.president),
        ("anagrafica_segretario", entity.secretary_general),
        ("anagrafica_rpct", settings.rpct),
        ("anagrafica_dipendenti", staff),
        ("anagrafica_imprese", settings.registered_businesses.text if settings.registered_businesses else ""),
    )
    rows = tuple(
        Row((cell(words(key, data=settings.staff_date), CellStyle.HEADER), cell(value))) for key, value in fields if value
    )
    header = Row(
        (
            cell(words("anagrafica_campo"), CellStyle.HEADER, align=Align.CENTER),
            cell(words("anagrafica_valore"), CellStyle.HEADER, align=Align.CENTER),
        )
    )
    blocks: list[Block] = [Table((header,), rows, (40.0, 60.0), name="piao-anagrafica")]
    acts = [
        (key, plan.act(code)) for key, code in (("atto_adozione", settings.adoption_act), ("atto_bilancio", settings.budget_act))
    ]
    sentences = [words(key, atto=act.citation) for key, act in acts if act is not None]
    if sentences:
        blocks.append(Paragraph(plain(" ".join(sentences))))
    return blocks
