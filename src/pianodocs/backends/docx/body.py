"""Write the view model's blocks into the body of the Word document, naming only the template's styles.

:class:`BodyWriter` walks the blocks in the runs of one orientation that
:func:`~pianodocs.view.orientation.orientation_sections` gives (the PDF groups
them with the same function), starting a section at each change; it decides
which style, merge, break and bookmark each block gets, and leaves the XML to
:mod:`.oxml`. The SOMMARIO is a TOC field whose result is already filled, its
page numbers those :mod:`.pagination` read from a LibreOffice rendering.
"""

from __future__ import annotations

import copy
import itertools
import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from io import BytesIO

import attrs
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_BREAK, WD_LINE_SPACING
from docx.image.image import Image
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Emu, Length, Mm, Pt, Twips
from docx.table import Table as WordTable
from docx.text.paragraph import Paragraph as WordParagraph

from ...theme import current_theme
from ...view.model import (
    Block,
    BulletList,
    Cell,
    CellStyle,
    Figure,
    Heading,
    PageBreak,
    Paragraph,
    Row,
    Run,
    Table,
    TableOfContents,
)
from ...view.orientation import orientation_sections
from ...view.richtext import is_safe_link, printable
from . import oxml
from .figures import FIGURE_DPI, svg_to_png
from .styles import CELL_LOOKS, PARAGRAPH_STYLES

logger = logging.getLogger(__name__)

TOC_FIELD = 'TOC \\o "1-3" \\h \\z \\u'
SMALL_TEXT = Pt(7)
# a small table's cell margins left and right, in twips (the template's 108 would take a column of seven a sixth
# of its width); pianodocs.view.measure counts the same padding when it fits the columns
SMALL_CELL_MARGIN = 57


@attrs.define
class _Merge:
    """A cell merged down over the rows below it (rowspan): rows it still covers, its width in columns, its look."""

    rows_left: int
    colspan: int
    style: CellStyle


class BodyWriter:
    """Append view-model blocks to the body subdocument, with a section break at each change of orientation."""

    def __init__(
        self,
        body: WordDocument,
        template_section: Section,
        headings: Sequence[Heading],
        pages: Mapping[str, int],
        has_summary: bool = True,
    ):
        self.body = body
        self.part = body.part
        # the model of every section break: the template's body section, linked to the previous header and footer
        self.section = copy.deepcopy(template_section._sectPr)
        for reference in self.section.xpath("w:headerReference|w:footerReference|w:titlePg"):
            self.section.remove(reference)
        short, long = sorted((template_section.page_width or Mm(210), template_section.page_height or Mm(297)))
        sides = (template_section.left_margin or 0) + (template_section.right_margin or 0)
        ends = (template_section.top_margin or 0) + (template_section.bottom_margin or 0)
        self.text_width = {False: Length(short - sides), True: Length(long - sides)}
        self.text_height = {False: Length(long - ends), True: Length(short - ends)}
        self.headings = tuple(headings)
        self.has_summary = has_summary
        self.bookmarks = bookmark_names(headings)
        self.pages = pages
        self.landscape = False
        self.section_empty = True
        self.page_break_pending = False
        self.after_table = False  # the last block written is a table
        self.after_box = False  # ... ending with a band row kept with the next block
        self.bookmark_ids = itertools.count(1)
        self.style_ids: dict[str, str] = {}

    def write(self, blocks: Sequence[Block]) -> None:
        for landscape, run in orientation_sections(blocks):
            self._orientation(landscape)
            for block in run:
                self._block(block)

    def _block(self, block: Block) -> None:
        if isinstance(block, PageBreak):
            self.page_break_pending = not self.section_empty  # a fresh section already starts a page
            return
        match block:
            case Heading():
                self._heading(block)
            case Paragraph():
                self._runs(self._paragraph(PARAGRAPH_STYLES.get(block.style, "Normal")), block.runs)
            case BulletList():
                for item in block.items:
                    self._runs(self._paragraph("List Bullet"), item)
            case Table():
                self._table(block)
            case Figure():
                self._figure(block)
            case TableOfContents():
                self._table_of_contents(block)
        self.section_empty = False
        self.after_table = isinstance(block, Table)
        self.after_box = isinstance(block, Table) and bool(block.body) and block.body[-1].keep_with_next

    # sections and paragraphs

    def _orientation(self, landscape: bool) -> None:
        if landscape == self.landscape:
            return
        if not self.section_empty:
            properties = copy.deepcopy(self.section)
            orient(Section(properties, self.part), self.landscape)
            last = next((element for element in reversed(self.body.element.body) if element.tag != qn("w:sectPr")), None)
            if last is None or last.tag != qn("w:p") or last.xpath("w:pPr/w:sectPr"):
                last = self._spacer()._p
            last.get_or_add_pPr()._insert_sectPr(properties)
            self.page_break_pending = False  # the section starts on a new page anyway
            self.section_empty = True
        self.landscape = landscape

    def _style_id(self, name: str) -> str:
        """The template's id of style ``name`` (python-docx's look-up by name is slow, so it is done once)."""
        if name not in self.style_ids:
            self.style_ids[name] = self.body.styles[name].style_id
        return self.style_ids[name]

    def _styled(self, paragraph: WordParagraph, style: str) -> WordParagraph:
        paragraph._p.style = self._style_id(style)
        return paragraph

    def _paragraph(self, style: str) -> WordParagraph:
        paragraph = self._styled(self.body.add_paragraph(), style)
        if self.page_break_pending:
            paragraph.paragraph_format.page_break_before = True
            self.page_break_pending = False
        return paragraph

    def _spacer(self) -> WordParagraph:
        """An empty paragraph one point high: it carries a section break or a page break before a table."""
        paragraph = self.body.add_paragraph()
        layout = paragraph.paragraph_format
        layout.space_before = layout.space_after = 0
        layout.line_spacing, layout.line_spacing_rule = Pt(1), WD_LINE_SPACING.EXACTLY
        return paragraph

    def _heading(self, heading: Heading) -> None:
        level = _level(heading)
        # a heading kept out of the SOMMARIO has a style of body-text outline level; without a SOMMARIO it is a true
        # heading, which Word's navigation pane and screen readers list
        outside = not heading.in_summary and self.has_summary
        paragraph = self._paragraph(f"Titolo {level} fuori sommario" if outside else f"Heading {level}")
        identifier = str(next(self.bookmark_ids))
        paragraph._p.append(
            OxmlElement("w:bookmarkStart", {qn("w:id"): identifier, qn("w:name"): self.bookmarks[heading.anchor]})
        )
        paragraph.add_run(printable(heading.text))
        paragraph._p.append(OxmlElement("w:bookmarkEnd", {qn("w:id"): identifier}))

    def _runs(self, paragraph: WordParagraph, runs: Iterable[Run]) -> None:
        xml = self._runs_xml(runs)
        if xml:
            paragraph._p.extend(list(oxml.parsed("w:p", xml)))

    def _runs_xml(self, runs: Iterable[Run], size: Length | None = None) -> str:
        """WordprocessingML of ``runs``: bold, italic, http(s)/mailto links; text escaped, so it prints literally."""
        parts = []
        for run in runs:
            text = printable(run.text)
            if not text:
                continue
            link = run.link if is_safe_link(run.link) else ""
            half_points = round(size.pt * 2) if size else None
            style_id = self._style_id("Hyperlink") if link else ""
            xml = oxml.runs_xml(text, bold=run.bold, italic=run.italic, half_points=half_points, style_id=style_id)
            if link:
                xml = oxml.hyperlink_xml(self.part.relate_to(link, RELATIONSHIP_TYPE.HYPERLINK, is_external=True), xml)
            parts.append(xml)
        return "".join(parts)

    # tables

    def _table(self, table: Table) -> None:
        if table.caption:
            self._paragraph("Titolo tabella").add_run(printable(table.caption))
        elif self.page_break_pending:
            self._spacer().add_run().add_break(WD_BREAK.PAGE)
            self.page_break_pending = False
        elif self.after_table and not self.after_box:
            # two tables side by side are one table to Word and LibreOffice: the second's header would not repeat; a box
            # stays one with the table it introduces (LibreOffice does not keep a table with the next)
            self._spacer()
        widths = _column_widths(table.widths, self.text_width[self.landscape])
        if not widths:
            logger.warning("Tabella %r senza colonne: non stampata.", table.name or table.caption)
            return
        word_table = self.body.add_table(rows=0, cols=len(widths))
        word_table._tbl.tblStyle_val = self._style_id("Tabella")  # as word_table.style = "Tabella", without its look-up
        word_table.autofit = False
        for column, width in zip(word_table._tbl.tblGrid.gridCol_lst, widths, strict=True):
            column.w = Twips(width)
        table_width = word_table._tbl.tblPr.find(qn("w:tblW"))
        table_width.set(qn("w:type"), "dxa")
        table_width.set(qn("w:w"), str(sum(widths)))
        if table.size == "small":
            word_table._tbl.tblPr.insert_element_before(
                oxml.cell_margins(SMALL_CELL_MARGIN), "w:tblLook", "w:tblCaption", "w:tblDescription"
            )
        if table.caption:  # the table's title for assistive technology (Word: Testo alternativo > Titolo)
            word_table._tbl.tblPr.append(OxmlElement("w:tblCaption", {qn("w:val"): printable(table.caption)}))
        merges: dict[int, _Merge] = {}
        # a one-row table right after a box it keeps with (a band row ends it) starts beside the box, its row free to
        # split: kept whole, a row taller than a page would move, and LibreOffice would leave the box alone on a page
        whole = not (self.after_box and len(table.body) == 1)
        for row, header in itertools.chain(((row, True) for row in table.header), ((row, False) for row in table.body)):
            extra = self._row(word_table, widths, row, header, merges, table.size == "small", whole or header)
            if extra:
                logger.warning("Tabella %r: %d celle oltre le colonne ignorate.", table.name or table.caption, extra)

    def _row(
        self,
        table: WordTable,
        widths: list[int],
        row: Row,
        header: bool,
        merges: dict[int, _Merge],
        small: bool,
        whole: bool = True,
    ) -> int:
        """Append one row (cells under a rowspan continue its merge, ``whole``: never split); return how many cells did not fit."""
        keep = header or row.keep_with_next
        cells = iter(row.cells)
        column = 0
        xml = []
        while column < len(widths):
            merge = merges.get(column)
            if merge is not None:
                merge.rows_left -= 1
                if merge.rows_left == 0:
                    del merges[column]
                xml.append(
                    self._cell_xml(widths[column : column + merge.colspan], Cell(style=merge.style), "continue", keep, small)
                )
                column += merge.colspan
                continue
            cell = next(cells, None) or Cell()
            free = min((start for start in merges if start > column), default=len(widths)) - column
            span = max(1, min(cell.colspan, free))
            if cell.rowspan > 1:
                merges[column] = _Merge(cell.rowspan - 1, span, cell.style)
            xml.append(self._cell_xml(widths[column : column + span], cell, "restart" if cell.rowspan > 1 else None, keep, small))
            column += span
        table._tbl.append(oxml.parsed("w:tr", oxml.row_xml(xml, whole=whole, header=header)))
        return sum(1 for _ in cells)

    def _cell_xml(self, widths: list[int], cell: Cell, merge: str | None, keep: bool, small: bool) -> str:
        """A ``w:tc`` spanning the columns of ``widths``, in the look of its cell style."""
        style, fill = CELL_LOOKS[cell.style], current_theme().cell_fill(cell.style)
        return oxml.cell_xml(
            sum(widths),
            len(widths),
            style_id=self._style_id(style),
            fill=fill,
            merge=merge,
            keep=keep,
            align=cell.align.value,
            half_points=round(SMALL_TEXT.pt * 2) if small else None,
            runs=self._runs_xml(cell.runs, SMALL_TEXT if small else None),
        )

    # figures and the table of contents

    def _figure(self, figure: Figure) -> None:
        box_width = Length(min(Mm(figure.width_mm), self.text_width[self.landscape]))
        box_height = Length(min(Mm(figure.height_mm), int(self.text_height[self.landscape] * 0.85)))
        # a raster picture as it is (python-docx takes PNG and JPEG); a drawing as a PNG
        png = figure.picture or svg_to_png(figure.svg, round(box_width.inches * FIGURE_DPI))
        if png is None:
            self._paragraph("Nota").add_run(printable(f"[Figura non disponibile in questo formato: {figure.alt}]"))
            return
        image = Image.from_blob(png)
        scale = min(box_width / image.px_width, box_height / image.px_height)
        paragraph = self._paragraph("Figura")
        picture = paragraph.add_run().add_picture(
            BytesIO(png), width=Emu(int(image.px_width * scale)), height=Emu(int(image.px_height * scale))
        )
        picture._inline.docPr.set("descr", printable(figure.alt))
        if figure.caption:
            paragraph.paragraph_format.keep_with_next = True
            self._paragraph("Caption").add_run(printable(figure.caption))

    def _table_of_contents(self, toc: TableOfContents) -> None:
        """The TOC field, its result already filled: one hyperlinked entry per heading, with a PAGEREF for its page."""
        self._paragraph("TOC Heading").add_run(printable(toc.title))
        entries = [self._toc_entry(heading) for heading in in_summary(self.headings)]
        paragraphs = entries or [self._styled(self.body.add_paragraph(), "toc 1")]
        first = paragraphs[0]._p
        start = 1 if first.pPr is not None else 0
        for offset, run in enumerate(oxml.field_start(TOC_FIELD)):
            first.insert(start + offset, run)
        paragraphs[-1]._p.append(oxml.field_char("end"))

    def _toc_entry(self, heading: Heading) -> WordParagraph:
        paragraph = self._styled(self.body.add_paragraph(), f"toc {_level(heading)}")
        bookmark = self.bookmarks[heading.anchor]
        hyperlink = OxmlElement("w:hyperlink", {qn("w:anchor"): bookmark, qn("w:history"): "1"})
        paragraph._p.append(hyperlink)
        tab = OxmlElement("w:r")
        tab.append(OxmlElement("w:tab"))
        number = self.pages.get(heading.anchor)
        hyperlink.extend([oxml.text_run(printable(heading.text)), tab, *oxml.field_start(f"PAGEREF {bookmark} \\h")])
        hyperlink.extend([oxml.text_run(str(number) if number else ""), oxml.field_char("end")])
        return paragraph


def orient(section: Section, landscape: bool) -> None:
    """Make ``section`` start a new page, A4 landscape or portrait."""
    short, long = sorted((section.page_width or Mm(210), section.page_height or Mm(297)))
    section.start_type = WD_SECTION.NEW_PAGE
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (long, short) if landscape else (short, long)


def bookmark_names(headings: Sequence[Heading]) -> dict[str, str]:
    """The Word bookmark of each heading, by anchor: the SOMMARIO's entries link to them (and PAGEREF their page)."""
    return {heading.anchor: _bookmark_name(index, heading.anchor) for index, heading in enumerate(headings)}


def in_summary(headings: Iterable[Heading]) -> list[Heading]:
    """The headings the SOMMARIO lists."""
    return [heading for heading in headings if heading.in_summary]


def _column_widths(relative: Sequence[float], total: Length) -> list[int]:
    """Relative widths (sum ~100) as twips of the text width; equal columns when no width is given."""
    weights = [max(float(width), 0.0) for width in relative]
    if sum(weights) <= 0:
        weights = [1.0] * len(weights)
    return [int(total.twips * weight / sum(weights)) for weight in weights]


def _level(heading: Heading) -> int:
    """Heading levels 1-3, the ones the template styles and the SOMMARIO lists; deeper ones count as 3."""
    return min(max(heading.level, 1), 3)


def _bookmark_name(index: int, anchor: str) -> str:
    """A Word bookmark name (letters, digits, underscore; at most 40 characters; hidden with a leading underscore)."""
    return f"_Toc{index:03d}_{re.sub(r'[^A-Za-z0-9_]', '_', anchor)}"[:40]
