"""The PIAO, Piano Integrato di Attività e Organizzazione (DM 132/2022): cover, SOMMARIO, scheda anagrafica.

The first piece of the kind: the sections of DM 132/2022 (2 Valore pubblico, Performance e Anticorruzione;
3 Organizzazione e capitale umano; 4 Monitoraggio) follow the scheda anagrafica, from the workbook's PIAO sheets
(:mod:`pianodocs.model_piao`).
"""

from __future__ import annotations

from pathlib import Path

from ..kinds import Option
from ..model import Plan
from ..model_piao import PiaoVariant
from ..texts import Texts, texts_of
from ..view.model import Align, Block, CellStyle, Cover, Document, Heading, PageBreak, Row, Table, TableOfContents
from .common import cell, document_title, logo_path

KIND = "piao"
TITLE = "PIAO - Piano Integrato di Attività e Organizzazione (triennale)"
OPTIONS: tuple[Option, ...] = ()
NEEDS_INDICATORS = False  # the simplified PIAO has no performance section


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
    blocks: list[Block] = [TableOfContents(), PageBreak(), *registry_section(plan, words)]
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


def registry_section(plan: Plan, words: Texts) -> list[Block]:
    """Sezione 1, Scheda anagrafica dell'amministrazione: a field per row, only those the workbook fills."""
    entity, settings = plan.entity, plan.piao
    staff = sum(row.present for row in plan.staff if not row.is_total)
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
        ("anagrafica_dipendenti", str(staff) if plan.staff else ""),
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
    return [
        Heading(words("sezione_anagrafica"), 1, anchor="piao-anagrafica", number="1"),
        Table((header,), rows, (35.0, 65.0), name="piao-anagrafica"),
    ]
