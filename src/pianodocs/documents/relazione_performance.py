"""The Relazione sulla Performance of a year: the results at 31/12 against the Piano, scored by :mod:`pianodocs.scoring`.

Without measurements dated 31/12 of the year it refuses (:class:`MissingDataError`), unless asked
explicitly for the data at an earlier date (``at``): then every sentence, caption, header and the
cover say that date, never 31/12. Cover, SOMMARIO and the workbook's sections for the Relazione,
with the generated parts where 'generato' blocks place them or, without such blocks, in a chapter
of their own after the workbook's sections: the synthesis (the ente's "percentuale sintetica di
realizzazione", objectives reached and missed), the strategic map coloured by the threshold, the
results by prospettiva and linea with a bar chart, every cruscotto indicator at the date against
its target with the rule used, the Segretario generale's card, the indicators that could not be
evaluated and the variances below the threshold. Indicators inserted after the date are left out;
objectives sit under their own perspective (:meth:`Plan.perspective_of`). It computes nothing (the
card's weighted mean too is the engine's, :func:`~pianodocs.scoring.secretary_score`): it selects and groups
the Scorecard; its words are the texts' (``testi/relazione-performance.toml``, :mod:`pianodocs.texts`).
docs/relazione.md explains the document to its readers. It is longer than 400 lines because it holds all
seven generated parts with their tables and chart; the tables and the chart are the part to split out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path

import attrs

from ..kinds import APPLIES, Applicability, MissingDataError, Option
from ..model import OperationalObjective, Plan, StrategicLine, StrategicObjective
from ..scoring import GroupScore, IndicatorScore, Scorecard, percent_text, score, secretary_score, weight_text
from ..texts import Texts, texts_of
from ..theme import current_theme
from ..values import format_date
from ..view.model import (
    Align,
    Block,
    BulletList,
    Cell,
    CellStyle,
    Cover,
    Document,
    Figure,
    Heading,
    PageBreak,
    Paragraph,
    Row,
    Table,
    TableOfContents,
)
from ..view.orientation import fitted
from ..view.richtext import plain, runs
from .common import anchor, cell, document_title, logo_path, number_cell, section_blocks, sections_of, unknown_content
from .cruscotto_ente import lines_by_perspective
from .secretary_card import CardResults, CardWords, card_table
from .strategic_map import FONT, map_height_mm, perspective_lanes, strategic_map_alt, strategic_map_svg, svg_text
from .strategic_map import texts as map_texts

KIND = "relazione-performance"
TITLE = "Relazione sulla Performance (risultati dell'anno)"
OPTIONS: tuple[Option, ...] = (
    Option("anno", int, "anno della Relazione (predefinito: l'anno di riferimento; da riga di comando: --anno)"),
    Option(
        "at",
        dt.date,
        "genera la Relazione su dati a quella data quando mancano i valori al 31/12 (ogni data stampata è questa)",
        flag="--al",
        metavar="GG/MM/AAAA",
        in_all=False,  # render all keeps the Relazione to year-end values
    ),
)
NEEDS_INDICATORS = True  # made of the plan's indicators: refused for a plan without any
DASHBOARD = ("ente", "entrambi")
# the generated parts in their default order; the heading each gets when the document places it is the texts'
# "titolo_<name>" (testi/relazione-performance.toml), as is the chapter they make without 'generato' blocks
GENERATED = (
    "relazione-sintesi",
    "relazione-mappa",
    "relazione-grafico",
    "relazione-risultati",
    "relazione-segretario",
    "relazione-non-valutabili",
    "relazione-scostamenti",
)


def texts(template_dir: Path | None = None) -> Texts:
    """The Relazione's words (``testi/relazione-performance.toml``, a user's copy in ``template_dir`` over it)."""
    return texts_of(KIND, template_dir)


def part_heading(words: Texts, name: str, anno: int, at: dt.date) -> str:
    """The heading of the generated part ``name`` when the Relazione places it in its own chapter."""
    return words(f"titolo_{name.replace('-', '_')}", anno=anno, data=at)


def applies(plan: Plan) -> Applicability:
    """A Relazione of the plan's reference year needs measurements dated 31/12 of that year."""
    missing = _year_end_missing(plan, plan.reference_year)
    return Applicability(missing) if missing else APPLIES


def _year_end_missing(plan: Plan, anno: int) -> str:
    """Why a Relazione of ``anno`` cannot be made at 31/12 (no measurement dated then), or ``""``."""
    year_end = dt.date(anno, 12, 31)
    if any(m.date == year_end for m in plan.measurements):
        return ""
    earlier = sorted(m.date for m in plan.measurements if m.date.year == anno)
    found = (
        f"l'ultima misurazione del {anno} è al {format_date(earlier[-1])}" if earlier else f"non ci sono misurazioni del {anno}"
    )
    example = format_date(earlier[-1]) if earlier else f"30/06/{anno}"
    return (
        f"Il workbook non ha misurazioni al {format_date(year_end)}: la Relazione sulla Performance {anno} richiede i "
        f"valori di fine anno ({found}). Inserire i valori al {format_date(year_end)} nel foglio 'Misurazioni', oppure "
        f"chiedere esplicitamente una Relazione sui dati a una data con --al (es. --al {example})."
    )


def _date_checked(plan: Plan, anno: int, at: dt.date | None) -> dt.date:
    """The date the Relazione of ``anno`` reports at: 31/12 when it has values then, else ``at`` if asked; else refuse."""
    if at is None:
        missing = _year_end_missing(plan, anno)
        if missing:
            raise MissingDataError(missing)
        return dt.date(anno, 12, 31)
    if at.year != anno:
        raise MissingDataError(
            f"La data {format_date(at)} non è del {anno}: la Relazione sulla Performance {anno} si fa su dati del {anno}."
        )
    if not any(m.date.year == anno and m.date <= at for m in plan.measurements):
        raise MissingDataError(
            f"Il workbook non ha misurazioni del {anno} al {format_date(at)} o prima: "
            f"la Relazione sulla Performance {anno} su dati al {format_date(at)} non avrebbe nulla da riportare."
        )
    return at


# --- what is reported, from the scorecard -------------------------------------------------------


@attrs.frozen
class Secretary:
    """The Segretario generale's card scored: each card objective with its weight and the engine's score.

    ``rows`` gives, for each card row in order, the cruscotto indicator it names (the same text
    as the indicator's name or algorithm, under the row's objective), else None.
    """

    objectives: tuple[tuple[str, Decimal | None, GroupScore | None], ...]
    rows: tuple[IndicatorScore | None, ...]
    achievement: Decimal | None
    rule: str


@attrs.frozen
class Results:
    """What the Relazione reports, taken from the Scorecard at ``card.at`` (31/12 of ``card.year``, or the date asked)."""

    card: Scorecard
    indicators: tuple[IndicatorScore, ...]  # the cruscotto di Ente's existing at the date, in workbook order
    strategic: tuple[GroupScore, ...]  # the strategic objectives the ente's roll-up counts
    operational: tuple[GroupScore, ...]  # the operational objectives those count
    not_evaluable: tuple[IndicatorScore, ...]  # counted, without an achievement
    variances: tuple[IndicatorScore, ...]  # counted, achievement below the threshold
    secretary: Secretary

    @property
    def status(self) -> dict[str, bool]:
        """Strategic objective code → reached, for the map (objectives without a verdict are left out)."""
        return {group.code: group.reached for group in self.strategic if group.reached is not None}


def results(plan: Plan, anno: int, at: dt.date | None = None) -> Results:
    """The Relazione's figures for ``anno`` at ``at`` (default 31/12); indicators inserted later are left out."""
    card = score(plan, at or dt.date(anno, 12, 31), year=anno)
    indicators = tuple(s for s in card.indicators if s.indicator.dashboard in DASHBOARD and s.inserted)
    strategic = tuple(card.objective(code) for line in card.lines for code in _members(line))
    children = {o.code for o in plan.operational_objectives}
    operational = tuple(card.objective(code) for group in strategic for code in _members(group) if code in children)
    counted = [s for s in indicators if s.counted]
    return Results(
        card=card,
        indicators=indicators,
        strategic=strategic,
        operational=operational,
        not_evaluable=tuple(s for s in counted if not s.evaluable),
        variances=tuple(s for s in counted if s.achievement is not None and s.achievement < card.threshold),
        secretary=_secretary(plan, card, indicators),
    )


def _members(group: GroupScore) -> list[str]:
    return [part.code for part in group.parts] + list(group.not_evaluable)


def _secretary(plan: Plan, card: Scorecard, indicators: Sequence[IndicatorScore]) -> Secretary:
    """The card scored by the engine (:func:`~pianodocs.scoring.secretary_score`), each row with its indicator."""
    found = secretary_score(plan, card)
    rows = tuple(_card_indicator(plan, indicators, row.objective, row.indicator) for row in plan.secretary_card)
    return Secretary(found.objectives, rows, found.achievement, found.rule)


def _card_indicator(plan: Plan, indicators: Sequence[IndicatorScore], objective: str, text: str) -> IndicatorScore | None:
    under = {objective} | {o.code for o in plan.operational_objectives if o.strategic_objective == objective}
    wanted = " ".join(text.split()).casefold()
    for scored in indicators:
        names = (scored.indicator.name, scored.indicator.algorithm)
        if scored.indicator.objective in under and wanted in (" ".join(name.split()).casefold() for name in names):
            return scored
    return None


# --- the document -------------------------------------------------------------------------------


def build(
    plan: Plan,
    workbook_folder: Path | None = None,
    *,
    anno: int | None = None,
    at: dt.date | None = None,
    template_dir: Path | None = None,
) -> Document:
    """The Relazione of ``anno`` (default: the plan's reference year), scored at 31/12 of that year.

    Without measurements at 31/12 it raises :class:`MissingDataError`, unless ``at`` asks explicitly for
    the data at that date (of ``anno``): the document then says "su dati al ``at``" wherever it gives a date.
    """
    anno = plan.reference_year if anno is None else anno
    at = _date_checked(plan, anno, at)
    words = texts(template_dir)
    parts = _Parts(plan, results(plan, anno, at), words, map_texts(template_dir))
    sections = sections_of(plan, KIND)
    keys = {section.key for section in sections}
    placed = any(b.kind == "generato" and b.content.strip() in GENERATED and b.section in keys for b in plan.text_blocks)
    blocks: list[Block] = [TableOfContents(), PageBreak()]
    for section in sections:
        if section.level == 1 and len(blocks) > 2:
            blocks.append(PageBreak())
        blocks.extend(section_blocks(plan, section, parts.placed))
    if not placed:  # the parts get a chapter of their own, after the workbook's narrative
        if len(blocks) > 2:
            blocks.append(PageBreak())
        blocks.append(Heading(words("titolo_capitolo_risultati", anno=anno), 1, anchor("relazione-risultati-anno")))
        blocks.extend(parts.default(GENERATED))
    year_end = at == dt.date(anno, 12, 31)
    default_title = words("titolo_documento", anno=anno)
    # the workbook's Titolo names the Relazione of its reference year, not of another year asked with --anno
    title = document_title(plan, KIND, default_title) if anno == plan.reference_year else default_title
    partial = "" if year_end else " " + words("su_dati_al", data=at)
    header = f"{title}{partial}"
    header = words("intestazione_illustrativa", titolo=header) if plan.illustrative else header
    return Document(
        title=f"{title}{partial}",
        author=plan.entity.name,
        subject=words("soggetto", titolo=title, data=at),
        cover=Cover(
            entity=plan.entity.name,
            title=words("titolo_copertina"),
            subtitle=f"{anno}{partial}",
            logo=logo_path(plan, workbook_folder),
            note=(plan.data_note or words("nota_illustrativa")) if plan.illustrative else "",
        ),
        blocks=tuple(blocks),
        running_header=header if partial or plan.illustrative else "",
    )


class _Parts:
    """The generated parts of one Relazione, by name."""

    def __init__(self, plan: Plan, found: Results, words: Texts, map_words: Texts | None = None) -> None:
        self.plan, self.found, self.card, self.words, self.map_words = plan, found, found.card, words, map_words
        self.anno = found.card.year
        self.date = found.card.at  # 31/12/anno, or the date asked for
        self.threshold = percent_text(found.card.threshold)
        objectives: list[StrategicObjective | OperationalObjective] = [*plan.strategic_objectives, *plan.operational_objectives]
        self.printed = {objective.code: objective.printed_code for objective in objectives}
        self.builders: dict[str, Callable[[], list[Block]]] = {
            "relazione-sintesi": self.synthesis,
            "relazione-mappa": self.strategic_map,
            "relazione-grafico": self.chart,
            "relazione-risultati": lambda: [_Results(plan, found, words).table()],
            "relazione-segretario": self.secretary,
            "relazione-non-valutabili": self.not_evaluable,
            "relazione-scostamenti": self.variances,
        }

    def placed(self, name: str) -> Sequence[Block]:
        """A part placed by a 'generato' block: the section's own heading stands above it."""
        if name in self.builders:
            return self.builders[name]()
        raise unknown_content(name, KIND)

    def default(self, names: Sequence[str]) -> list[Block]:
        blocks: list[Block] = []
        for name in names:
            if self._has_data(name):  # else nothing to show, and the workbook did not ask for it
                blocks.append(Heading(part_heading(self.words, name, self.anno, self.date), 2, anchor(name)))
                blocks.extend(self.builders[name]())
        return blocks

    def _has_data(self, name: str) -> bool:
        if name == "relazione-segretario":
            return bool(self.plan.secretary_card)
        if name == "relazione-mappa":
            return bool(perspective_lanes(self.plan))
        return True

    def _codes(self, groups: Sequence[GroupScore]) -> str:
        return ", ".join(self.printed.get(g.code, g.code) + (f": {g.percent}" if g.evaluable else "") for g in groups)

    def synthesis(self) -> list[Block]:
        ente, found, words = self.card.ente, self.found, self.words
        opening = Paragraph(
            words.runs(
                "sintesi",
                data=self.date,
                ente=ente.percent,
                raggiunta=bool(ente.reached),
                soglia=self.threshold,
                regola=ente.rule,
                per_prospettiva=bool(self.plan.perspectives),
            )
            if ente.evaluable
            else plain(words("sintesi_non_calcolabile", data=self.date))
        )
        items = []
        for label, groups in (("obiettivi_strategici", found.strategic), ("obiettivi_operativi", found.operational)):
            missed = [g for g in groups if g.reached is False]
            blank = [g for g in groups if g.reached is None]
            text = words(
                "sintesi_obiettivi",
                tipo=words(label),
                raggiunti=sum(1 for g in groups if g.reached),
                non_raggiunti=len(missed),
                codici_non_raggiunti=self._codes(missed),
                non_valutabili=len(blank),
                codici_non_valutabili=self._codes(blank),
            )
            items += [plain(text)] if groups else []
        counted = [s for s in found.indicators if s.counted]
        above = len(counted) - len(found.not_evaluable) - len(found.variances)
        text = words(
            "sintesi_indicatori",
            data=self.date,
            contati=len(counted),
            sopra=above,
            sotto=len(found.variances),
            non_valutabili=len(found.not_evaluable),
            eliminati=len(found.indicators) - len(counted),
        )
        items.append(plain(text))
        rule = Paragraph(plain(words("regola_raggiungimento", soglia=self.threshold)))
        return [opening, rule, BulletList(tuple(items))]

    def strategic_map(self) -> list[Block]:
        words = self.words
        if not self._has_data("relazione-mappa"):
            return [Paragraph(plain(words("mappa_senza_prospettive")), style="note")]
        status = self.found.status
        svg = strategic_map_svg(self.plan, status, self.map_words)
        hit = ", ".join(self.printed.get(code, code) for code, reached in status.items() if reached) or words("nessuno")
        missed = ", ".join(self.printed.get(code, code) for code, reached in status.items() if not reached) or words("nessuno")
        description = strategic_map_alt(self.plan, self.map_words)
        alt = words("mappa_testo_alternativo", descrizione=description, raggiunti=hit, non_raggiunti=missed)
        caption = words("didascalia_mappa", data=self.date, soglia=self.threshold)
        return [Figure(svg, alt, caption, width_mm=250, height_mm=map_height_mm(svg, 250), landscape=True)]

    def chart(self) -> list[Block]:
        words = self.words
        lines = [line for line in self.card.lines if line.evaluable]
        if not lines:
            return [perspective_table(self.plan, self.card, words)]
        svg = bar_chart_svg(lines, self.card.threshold, words)
        figures = "; ".join(
            words("grafico_linea", codice=g.code, nome=g.name, percentuale=g.percent, raggiunta=bool(g.reached)) for g in lines
        )
        alt = words("grafico_testo_alternativo", data=self.date, soglia=self.threshold, linee=figures)
        caption = words("didascalia_grafico", data=self.date)
        return [perspective_table(self.plan, self.card, words), Figure(svg, alt, caption, 170, map_height_mm(svg, 170))]

    def secretary(self) -> list[Block]:
        if not self.plan.secretary_card:
            return [Paragraph(plain(self.words("segretario_assente")), style="note")]
        how = self.words("segretario_calcolo", regola=self.found.secretary.rule)
        table = secretary_table(self.plan, self.found.secretary, self.anno, self.words)
        return [table, Paragraph(plain(how), style="note")]

    def not_evaluable(self) -> list[Block]:
        if not self.found.not_evaluable:
            return [Paragraph(plain(self.words("tutti_valutati", data=self.date)))]
        lead = self.words("non_valutabili_premessa")
        return [Paragraph(plain(lead)), self._listing(self.found.not_evaluable, "relazione-non-valutabili")]

    def variances(self) -> list[Block]:
        words = self.words
        missed = [g for g in (*self.found.strategic, *self.found.operational) if g.reached is False]
        blocks: list[Block] = []
        if missed:
            blocks.append(Paragraph(plain(words("obiettivi_sotto_soglia", soglia=self.threshold, codici=self._codes(missed)))))
        if not self.found.variances:
            return [*blocks, Paragraph(plain(words("nessuno_sotto_soglia", soglia=self.threshold)))]
        lead = words("scostamenti_premessa")
        return [*blocks, Paragraph(plain(lead)), self._listing(self.found.variances, "relazione-scostamenti")]

    def _listing(self, scores: Sequence[IndicatorScore], name: str) -> Table:
        """Objective, indicator, value, target and why: the engine's reason (if any) and the measurement's note."""
        graded, words = name == "relazione-scostamenti", self.words
        headers = [words("colonna_obiettivo"), words("colonna_indicatore"), words("colonna_valore", data=self.date)]
        headers += [words("colonna_target", anno=self.anno)]
        headers += [words("colonna_grado"), words("colonna_motivazione")] if graded else [words("colonna_motivo")]
        rows = []
        for scored in scores:
            objective = self.printed.get(scored.indicator.objective, scored.indicator.objective)
            cells = [
                cell(objective),
                cell(scored.indicator.name),
                number_cell(_value(scored, self.card, words)),
                number_cell(_target(scored, words)),
            ]
            cells += [Cell(plain(scored.percent), style=CellStyle.RED, align=Align.RIGHT)] if graded else []
            rows.append(Row((*cells, _why(scored, words))))
        widths = (10, 24, 12, 14, 8, 32) if graded else (10, 29, 12, 14, 35)
        return Table((_header(headers),), tuple(rows), widths, name=name)


# --- tables -------------------------------------------------------------------------------------


def _header(texts: Sequence[str]) -> Row:
    return Row(tuple(cell(text, CellStyle.HEADER, align=Align.CENTER) for text in texts))


def _value(scored: IndicatorScore, card: Scorecard, words: Texts) -> str:
    """The value used, with its date when it is not the year end's (an earlier measurement)."""
    measurement = scored.measurement
    if measurement is None:
        return ""
    if measurement.date == card.at:
        return measurement.value.text
    return words("valore_con_data", valore=measurement.value.text, data=measurement.date)


def _target(scored: IndicatorScore, words: Texts) -> str:
    text = scored.target.text if scored.target is not None else ""
    return words("target_rivisto", target=text) if scored.target_revised else text


def _why(scored: IndicatorScore, words: Texts) -> Cell:
    """The engine's reason (for what is not evaluable), then the measurement's note (workbook rich text)."""
    note = scored.measurement.note if scored.measurement is not None else ""
    text = plain(scored.reason)
    if note:
        text += plain(words("prima_della_nota") if scored.reason else "") + runs(note)
    return Cell(text)


def _verdict(group: GroupScore | None, style: CellStyle, words: Texts) -> Cell:
    if group is None or group.reached is None:
        return number_cell(words("non_valutato") if group is not None else "", style)
    return number_cell(group.percent, CellStyle.GREEN if group.reached else CellStyle.RED)


class _Results:
    """The cruscotto di Ente at the date: prospettiva → linea → obiettivo bands with their %, then each indicator."""

    WIDTHS = (27, 6, 10, 10, 10, 9, 28)

    def __init__(self, plan: Plan, found: Results, words: Texts) -> None:
        self.plan, self.card, self.words = plan, found.card, words
        self.by_objective: dict[str, list[IndicatorScore]] = {}
        for scored in found.indicators:
            self.by_objective.setdefault(scored.indicator.objective, []).append(scored)
        self.groups = {g.code: g for g in (*self.card.objectives, *self.card.lines, *self.card.perspectives)}

    def table(self) -> Table:
        anno, words = self.card.year, self.words
        headers = (
            words("colonna_indicatore"),
            words("colonna_peso"),
            words("colonna_valore", data=self.card.at),
            words("colonna_target", anno=anno),
            words("colonna_target_rivisto", anno=anno),
            words("colonna_grado"),
            words("colonna_regola"),
        )
        rows: list[Row] = []
        for code, name, lines in lines_by_perspective(self.plan):
            line_rows = [row for line, objectives in lines for row in self._line(line, objectives)]
            if line_rows and name:
                rows.append(self._band(words("fascia_prospettiva", nome=name), self.groups.get(code), CellStyle.BAND))
            rows.extend(line_rows)
        for objective, scores in self.by_objective.items():  # indicators of objectives outside the tree
            band = cell(words("fascia_altro_obiettivo", codice=objective), CellStyle.SUBBAND, len(self.WIDTHS))
            rows.append(Row((band,), keep_with_next=True))
            rows.extend(map(self._indicator, scores))
        return fitted(Table((_header(headers),), tuple(rows), self.WIDTHS, size="small", name="relazione-risultati"))

    def _band(self, label: str, group: GroupScore | None, style: CellStyle) -> Row:
        rule = group.rule if group is not None and group.evaluable else ""
        return Row((cell(label, style, 5), _verdict(group, style, self.words), cell(rule, style)), keep_with_next=True)

    def _line(self, line: StrategicLine, objectives: Sequence[StrategicObjective]) -> list[Row]:
        """The line's band and its ``objectives`` (those that sit in the perspective at hand)."""
        rows: list[Row] = []
        for objective in objectives:
            inner = [self._indicator(s) for s in self.by_objective.pop(objective.code, [])]
            for child in (o for o in self.plan.operational_objectives if o.strategic_objective == objective.code):
                scores = self.by_objective.pop(child.code, [])
                if scores:
                    label = self.words("fascia_obiettivo_operativo", codice=child.printed_code, nome=child.name)
                    band = self._band(label, self.groups.get(child.code), CellStyle.SUBBAND)
                    inner += [band, *map(self._indicator, scores)]
            if inner:
                label = self.words("fascia_obiettivo_strategico", codice=objective.printed_code, nome=objective.name)
                rows += [self._band(label, self.groups.get(objective.code), CellStyle.SUBBAND), *inner]
        if not rows:
            return []
        label = self.words("fascia_linea", codice=line.code, nome=line.name)
        return [self._band(label, self.groups.get(line.code), CellStyle.BAND), *rows]

    def _indicator(self, scored: IndicatorScore) -> Row:
        indicator, anno, words = scored.indicator, self.card.year, self.words
        style = CellStyle.HIGHLIGHT if indicator.funds_incentive else CellStyle.NORMAL
        style = style if scored.counted else CellStyle.MUTED
        grade = number_cell(scored.percent or words("non_valutato"), style)
        if scored.counted and scored.achievement is not None:
            grade = number_cell(scored.percent, CellStyle.GREEN if scored.achievement >= self.card.threshold else CellStyle.RED)
        original = indicator.target(anno)
        revised = scored.target.text if scored.target_revised and scored.target is not None else ""
        return Row(
            (
                cell(indicator.name, style),
                number_cell(weight_text(scored.weight), style),
                number_cell(_value(scored, self.card, words), style),
                number_cell(original.text if original is not None else "", style),
                number_cell(revised, style),
                grade,
                cell(scored.rule if scored.counted else words("regola_esclusa", stato=scored.status, regola=scored.rule), style),
            )
        )


def perspective_table(plan: Plan, card: Scorecard, words: Texts) -> Table:
    """Prospettiva and linea strategica with their % and verdict, then the ente's."""
    verdicts = {True: words("esito_raggiunto"), False: words("esito_non_raggiunto"), None: words("esito_non_valutabile")}
    scored_lines = {group.code: group for group in card.lines}
    scored_perspectives = {group.code: group for group in card.perspectives}

    def row(label: str, group: GroupScore, style: CellStyle) -> Row:
        keep = style is CellStyle.BAND
        cells = (cell(label, style), _verdict(group, style, words), cell(verdicts[group.reached], style))
        return Row(cells, keep_with_next=keep)

    def share(line: GroupScore, perspective: str) -> GroupScore:
        """The line as its perspective counts it: split across perspectives, only its objectives there."""
        part = next((p for p in scored_perspectives[perspective].parts if p.code == line.code), None) if perspective else None
        if part is None or part.achievement == line.achievement:
            return line
        return attrs.evolve(line, name=part.name, achievement=part.achievement, reached=part.achievement >= card.threshold)

    rows: list[Row] = []
    for code, name, members in lines_by_perspective(plan):
        groups = [scored_lines[m.code] for m, _ in members if scored_lines[m.code].parts or scored_lines[m.code].not_evaluable]
        if groups and name:
            rows.append(row(name.upper(), scored_perspectives[code], CellStyle.BAND))
        rows.extend(row(f"{g.code} - {g.name}", g, CellStyle.NORMAL) for g in (share(line, code) for line in groups))
    rows.append(row(words("totale_ente"), card.ente, CellStyle.TOTAL))
    headers = (words("colonna_prospettiva_linea"), words("colonna_realizzazione", data=card.at), words("colonna_esito"))
    return Table((_header(headers),), tuple(rows), (62, 20, 18), name="relazione-prospettive")


def secretary_table(plan: Plan, secretary: Secretary, anno: int, words: Texts) -> Table:
    """The card as in the Piano (bands for prospettiva and obiettivo), its % column filled, and the card's total."""
    scores = {code: group for code, _, group in secretary.objectives}
    results = CardResults(
        objectives={code: _verdict(scores.get(code), CellStyle.SUBBAND, words) for code in scores},
        rows=tuple(scored.percent if scored is not None else "" for scored in secretary.rows),
        total=percent_text(secretary.achievement) or words("non_valutato"),
    )
    headers = (
        words("colonna_riferimento"),
        words("colonna_obiettivo_azione"),
        words("colonna_indicatore"),
        words("colonna_peso"),
        words("colonna_target", anno=anno),
        words("colonna_realizzazione_scheda", anno=anno),
    )
    card_words = CardWords(headers, words("fascia_prospettiva_scheda"), words("totale_scheda"))
    return card_table(plan, anno, card_words, (12, 26, 28, 8, 13, 13), "relazione-segretario", results)


# --- the bar chart ------------------------------------------------------------------------------

# drawing units; printed 170 mm wide, a 16-unit label is about 9 pt
CHART_WIDTH, CHART_HEIGHT = 800, 380
LEFT, RIGHT, TOP, BOTTOM = 60, 90, 30, 330


def bar_chart_svg(lines: Sequence[GroupScore], threshold: Decimal, words: Texts) -> str:
    """One bar per line (green reached, red missed) labelled with its code and %, a 0-100% axis, the threshold dashed.

    The lines' names are in the table printed above the chart and in the figure's alt text.
    """
    right, colour = CHART_WIDTH - RIGHT, current_theme().colour

    def y(fraction: Decimal | float) -> float:
        return BOTTOM - (BOTTOM - TOP) * float(fraction)

    def text(x: float, top: float, content: str, size: int, anchor: str = "middle", extra: str = "") -> str:
        return f'<text x="{x:.1f}" y="{top:.1f}" font-size="{size}" text-anchor="{anchor}"{extra}>{svg_text(content)}</text>'

    parts = []
    for tick in (0, 20, 40, 60, 80, 100):
        level = y(tick / 100)
        parts.append(f'<line x1="{LEFT}" y1="{level:.1f}" x2="{right}" y2="{level:.1f}" stroke="{colour("grafico.griglia")}"/>')
        parts.append(text(LEFT - 8, level + 5, f"{tick}%", 14, "end"))
    slot = (right - LEFT) / max(len(lines), 1)
    for index, line in enumerate(lines):
        achievement = line.achievement or Decimal(0)
        x, centre = LEFT + (index + 0.2) * slot, LEFT + (index + 0.5) * slot
        fill = colour("esiti.raggiunto" if line.reached else "esiti.non-raggiunto")
        height = (BOTTOM - TOP) * float(achievement)
        parts.append(f'<rect x="{x:.1f}" y="{y(achievement):.1f}" width="{slot * 0.6:.1f}" height="{height:.1f}" fill="{fill}"/>')
        parts.append(text(centre, y(achievement) - 7, line.percent, 16, extra=' font-weight="bold"'))
        parts.append(text(centre, BOTTOM + 24, line.code, 18, extra=' font-weight="bold"'))
    level = y(threshold)
    dash = f'stroke="{colour("grafico.soglia")}" stroke-width="2" stroke-dasharray="8 5"'
    parts.append(f'<line x1="{LEFT}" y1="{level:.1f}" x2="{right}" y2="{level:.1f}" {dash}/>')
    parts.append(
        text(
            right + 8,
            level + 5,
            words("grafico_soglia", soglia=percent_text(threshold)),
            15,
            "start",
            f' fill="{colour("grafico.soglia")}"',
        )
    )
    parts.append(f'<line x1="{LEFT}" y1="{BOTTOM}" x2="{right}" y2="{BOTTOM}" stroke="{colour("grafico.asse")}"/>')
    body = "\n".join(parts)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {CHART_WIDTH} {CHART_HEIGHT}" width="{CHART_WIDTH}" '
        f'height="{CHART_HEIGHT}" font-family="{FONT}">\n<title>{svg_text(words("grafico_titolo"))}</title>\n{body}\n</svg>'
    )
