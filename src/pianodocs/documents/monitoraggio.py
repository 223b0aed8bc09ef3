"""The monitoring of the PIRA at a date (004, "Situazione al 30 settembre 2020"): one sheet per programme.

Cover, the introduction sections of the workbook, the table of missions and
programmes, then per Missione and per programme (strategic objective) 004's
sheet: area strategica, programma, centro di responsabilità, budget, indicatore
di avanzamento, obiettivo, descrizione, the phases by year as a small Gantt, the
indicators with the value at the date, the targets and the Performance computed
by :mod:`pianodocs.scoring`, and the stakeholders. An objective whose "Scheda
monitoraggio" is "salute finanziaria" prints as 004's compact "Stato di salute
finanziaria" table, grouped by Tipologia. A closing note shows the rule behind
every Performance, so the OIV can check it by hand. Without any measurement at
the date it refuses (:class:`MissingDataError`) rather than print a document of
"non valutabile"; an indicator inserted after the date is not listed. Its words are the texts'
(``testi/monitoraggio.toml``, :mod:`pianodocs.texts`). It passes 400 lines because 004's sheet is one table
of several kinds of rows (labels, progress, Gantt, indicators, notes) that share its column grid.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from ..kinds import APPLIES, Applicability, MissingDataError, Option
from ..model import Indicator, OperationalObjective, PiraObjectiveText, Plan, StrategicObjective
from ..scoring import GroupScore, IndicatorScore, Scorecard, percent_text, score, target_in_force
from ..texts import Texts, texts_of
from ..values import format_date
from ..view.model import (
    Align,
    Block,
    Cell,
    CellStyle,
    Cover,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Row,
    Table,
    TableOfContents,
)
from ..view.orientation import fitted_together
from ..view.richtext import plain
from .common import anchor, cell, document_title, logo_path, number_cell, section_blocks, sections_of, unknown_content

KIND = "monitoraggio"
TITLE = "Monitoraggio: situazione degli indicatori a una data"
OPTIONS: tuple[Option, ...] = (
    Option("at", dt.date, "data della situazione (predefinita: quella del workbook)", flag="--al", metavar="GG/MM/AAAA"),
)
NEEDS_INDICATORS = True  # made of the plan's indicators: refused for a plan without any
PROGRESS_FLAG = "AVANZAMENTO"
GANTT_MARK = "●"
FINANCIAL_HEALTH = "salute finanziaria"  # the "Scheda monitoraggio" choice for 004's compact table
KEPT_ROWS = 3  # rows of a sheet kept with its heading

Objective = StrategicObjective | OperationalObjective


def texts(template_dir: Path | None = None) -> Texts:
    """The monitoring's words (``testi/monitoraggio.toml``, a user's copy in ``template_dir`` over it)."""
    return texts_of(KIND, template_dir)


def applies(plan: Plan) -> Applicability:
    """A monitoring needs measurements of the reference year on or before its date."""
    missing = _unmeasured(plan, _default_date(plan))
    return Applicability(missing) if missing else APPLIES


def _default_date(plan: Plan) -> dt.date:
    return plan.monitoring_date or dt.date(plan.reference_year, 12, 31)


def _unmeasured(plan: Plan, at: dt.date) -> str:
    """Why a monitoring at ``at`` would have nothing to report (no measurement of the year by then), or ``""``."""
    year = plan.reference_year
    if any(m.date.year == year and m.date <= at for m in plan.measurements):
        return ""
    later = sorted(m.date for m in plan.measurements if m.date.year == year)
    hint = f" (la prima misurazione del {year} è al {format_date(later[0])})" if later else ""
    return (
        f"Il workbook non ha misurazioni del {year} al {format_date(at)} o prima{hint}: il monitoraggio riporterebbe "
        f"ogni indicatore come non valutabile. Inserire i valori nel foglio 'Misurazioni' o indicare un'altra data con --al."
    )


def build(
    plan: Plan, workbook_folder: Path | None = None, at: dt.date | None = None, *, template_dir: Path | None = None
) -> Document:
    """The monitoring at ``at`` (default: the plan's monitoring date, else 31/12 of its reference year).

    Raises :class:`MissingDataError` when no indicator has a measurement of the year by ``at``.
    """
    at = at or _default_date(plan)
    missing = _unmeasured(plan, at)
    if missing:
        raise MissingDataError(missing)
    card = score(plan, at, year=plan.reference_year)
    words = texts(template_dir)
    blocks: list[Block] = [TableOfContents(), PageBreak()]
    # the sections meant for the monitoring; in a monitoring workbook, those meant for no document in particular
    sections = sections_of(plan, KIND) or ([s for s in plan.sections if not s.document] if plan.kind == KIND else [])
    for section in sections:
        blocks.extend(section_blocks(plan, section, lambda name: _generated(plan, name, words)))
    if not any(b.kind in ("tabella", "generato") for b in plan.text_blocks if b.section in {s.key for s in sections}):
        blocks.append(missions_table(plan, words))
    sheets = _Sheets(plan, card, words)
    chapters: list[Block] = []
    for mission, objectives in _by_mission(plan, card):
        chapters.append(PageBreak())
        chapters.append(Heading(_mission_title(plan, mission, words), 1, anchor(f"missione-{mission or 'altri'}")))
        for objective in objectives:  # one sheet after the other: a short sheet does not take a page of its own
            chapters.extend(sheets.blocks(objective, mission))
    fitted_sheets = iter(fitted_together([block for block in chapters if isinstance(block, Table)]))  # one orientation
    blocks.extend(next(fitted_sheets) if isinstance(block, Table) else block for block in chapters)
    blocks.extend(method_note(card, words))
    title = document_title(plan, KIND, words("titolo_documento"))
    return Document(
        title=words("titolo_file", titolo=title, data=at),
        author=plan.entity.name,
        subject=words("soggetto", data=at),
        cover=Cover(
            entity=plan.entity.name,
            title=title,
            subtitle=words("sottotitolo_copertina", data=at),
            logo=logo_path(plan, workbook_folder),
            note=plan.data_note if plan.illustrative else "",
        ),
        blocks=tuple(blocks),
    )


def _generated(plan: Plan, name: str, words: Texts) -> Sequence[Block]:
    if name == "missioni-programmi":
        return [missions_table(plan, words)]
    raise unknown_content(name, KIND)


# --- missions ------------------------------------------------------------------------------------


def _mission_of(plan: Plan, indicator: Indicator) -> str:
    """The indicator's mission, else the one mission its objective's PIRA text names, else ''."""
    if indicator.mission:
        return indicator.mission
    missions = {text.mission for text in plan.pira_texts if text.objective == indicator.objective}
    return missions.pop() if len(missions) == 1 else ""


def _tree_order(plan: Plan) -> list[Objective]:
    ordered: list[Objective] = []
    for strategic in plan.strategic_objectives:
        ordered.append(strategic)
        ordered.extend(o for o in plan.operational_objectives if o.strategic_objective == strategic.code)
    ordered.extend(o for o in plan.operational_objectives if o not in ordered)
    return ordered


def _existing(plan: Plan, card: Scorecard | None, objective: str) -> tuple[Indicator, ...]:
    """The objective's indicators that exist at the card's date (not those inserted later)."""
    return tuple(i for i in plan.indicators_of(objective) if card is None or card.indicator(i.code).inserted)


def _by_mission(plan: Plan, card: Scorecard | None = None) -> list[tuple[str, list[Objective]]]:
    """Each mission with its objectives (a PIRA text or an indicator under it), then '' for the unclassified ones."""
    groups: list[tuple[str, list[Objective]]] = []
    for mission in [m.code for m in plan.missions] + [""]:
        objectives = [
            objective
            for objective in _tree_order(plan)
            if any(_mission_of(plan, i) == mission for i in _existing(plan, card, objective.code))
            or (mission and any(t.objective == objective.code and t.mission == mission for t in plan.pira_texts))
        ]
        if objectives:
            groups.append((mission, objectives))
    return groups


def _mission_title(plan: Plan, code: str, words: Texts) -> str:
    """``Missione 011 – Competitività e sviluppo delle imprese``: the code as the budget classification writes it."""
    mission = next((m for m in plan.missions if m.code == code), None)
    if mission is None:
        return words("missione_non_classificata")
    return words("titolo_missione", codice=code, nome=mission.name)


def _header_row(texts: Sequence[str]) -> Row:
    return Row(tuple(cell(text, CellStyle.HEADER, align=Align.CENTER) for text in texts))


def missions_table(plan: Plan, words: Texts) -> Table:
    """Missione | Programma | the programmes (objectives) under it, when the workbook gives no table of its own."""
    header = _header_row([words(f"colonna_{key}") for key in ("missione", "programma", "programmi_strategici")])
    body: list[Row] = []
    for mission, objectives in _by_mission(plan):
        if not mission:
            continue
        name = next(m.name for m in plan.missions if m.code == mission)
        texts = [t for t in plan.pira_texts if t.mission == mission]
        codes = dict.fromkeys(t.programme for t in texts) or dict.fromkeys(
            i.programme for o in objectives for i in plan.indicators_of(o.code) if i.mission == mission and i.programme
        )
        programmes = [f"{p.code} – {p.name}" for p in plan.programmes if p.mission == mission and p.code in codes]
        body.append(
            Row(
                (
                    cell(f"{mission} – {name}"),
                    cell("\n".join(programmes)),
                    cell("\n".join(o.name for o in objectives)),
                )
            )
        )
    return Table((header,), tuple(body), (25, 40, 35), name="missioni-programmi")


# --- the sheet of a programme --------------------------------------------------------------------


class _Sheets:
    """Builds the sheet of each programme from the plan and its scorecard."""

    def __init__(self, plan: Plan, card: Scorecard, words: Texts) -> None:
        self.plan, self.card, self.words = plan, card, words
        self.years = list(plan.years)
        self.columns = 7 + len(self.years)  # label, tipologia, indicatore, formula, UDM, value, targets, performance
        self.date = card.at

    def blocks(self, objective: Objective, mission: str) -> list[Block]:
        text = next((t for t in self.plan.pira_texts if t.objective == objective.code and t.mission == mission), None)
        indicators = [i for i in _existing(self.plan, self.card, objective.code) if _mission_of(self.plan, i) == mission]
        title = text.title if text is not None and text.title else objective.name
        heading = Heading(title, 2, anchor(f"programma-{mission}-{objective.code}"))
        if objective.monitoring_sheet == FINANCIAL_HEALTH:
            return [heading, self.financial_health(objective, indicators)]
        return [heading, self.sheet(objective, text, indicators)]

    def sheet(self, objective: Objective, text: PiraObjectiveText | None, indicators: list[Indicator]) -> Table:
        rest = self.columns - 1
        progress = [i for i in indicators if PROGRESS_FLAG in i.flags]
        measured = [i for i in indicators if PROGRESS_FLAG not in i.flags]
        rows: list[Row] = []

        def labelled(label: str, value: str, markup: bool = False) -> None:
            if value:
                rows.append(Row((cell(label, CellStyle.SUBBAND), cell(value, colspan=rest, markup=markup))))

        words = self.words
        labelled(words("area_strategica"), self._line_name(objective))
        labelled(words("programma"), objective.name)
        labelled(words("centro_di_responsabilita"), self._responsibility_centre(indicators, text))
        labelled(words("budget"), text.budget.text if text is not None and text.budget is not None else "")
        rows.extend(self._progress_rows(progress))
        labelled(words("obiettivo"), objective.description)
        labelled(words("descrizione"), text.description if text is not None else "", markup=True)
        rows.extend(self._gantt_rows(objective))
        rows.extend(self._indicator_rows(measured))
        labelled(words("stakeholder"), text.stakeholders if text is not None else "")
        # the first rows stay with the heading above them (keep-with-next): a sheet does not start at a page's foot
        rows[:KEPT_ROWS] = [Row(row.cells, keep_with_next=True) for row in rows[:KEPT_ROWS]]
        widths = (9, 9, 15, 17, 5, 8, *[7] * len(self.years), 8)
        return Table((), tuple(rows), widths, size="small", name=f"scheda-{objective.code}")

    def _line_name(self, objective: Objective) -> str:
        strategic_code = objective.strategic_objective if isinstance(objective, OperationalObjective) else objective.code
        strategic = next((o for o in self.plan.strategic_objectives if o.code == strategic_code), None)
        line = next((line for line in self.plan.lines if strategic is not None and line.code == strategic.line), None)
        return line.name if line is not None else ""

    def _responsibility_centre(self, indicators: list[Indicator], text: PiraObjectiveText | None) -> str:
        centres = [i.responsibility_centre for i in indicators if i.responsibility_centre]
        if centres:
            return centres[0]
        programme = next(
            (p for p in self.plan.programmes if text is not None and (p.mission, p.code) == (text.mission, text.programme)), None
        )
        return programme.responsibility_centre if programme is not None else ""

    def _progress_rows(self, progress: list[Indicator]) -> list[Row]:
        """004's "Indicatore di avanzamento": name, formula, value at the date, target of the triennium."""
        if not progress:
            return []
        words = self.words
        label = cell(words("indicatore_di_avanzamento"), CellStyle.SUBBAND, rowspan=1 + len(progress))
        value_header, target_header = words("colonna_valore", data=self.date), words("colonna_target", anno=self.card.year)
        data: list[tuple[str, str, str, str]] = []
        for indicator in progress:
            scored = self.card.indicator(indicator.code)
            value = scored.measurement.value.text if scored.measurement is not None else ""
            known = [year for year, past in indicator.history.items() if not past.is_empty]  # "-" says nothing of the state
            if scored.measurement is None and known:
                last = max(known)
                value_header, value = words("stato_al", anno=last), indicator.history[last].text
            target = indicator.target(self.card.year)
            if (target is None or not target.is_set) and len(self.years) > 1:
                target, target_header = indicator.target(self.years[-1]), words("target_triennio")
            data.append((indicator.name, indicator.algorithm, value, target.text if target is not None else ""))
        name_span, formula_span = 3, self.columns - 6
        header = Row(
            (
                label,
                cell(words("colonna_indicatore"), CellStyle.HEADER, colspan=name_span),
                cell(words("colonna_formula"), CellStyle.HEADER, colspan=formula_span),
                cell(value_header, CellStyle.HEADER, align=Align.CENTER),
                cell(target_header, CellStyle.HEADER, align=Align.CENTER),
            ),
            keep_with_next=True,
        )
        body = [
            Row((cell(name, colspan=name_span), cell(formula, colspan=formula_span), number_cell(value), number_cell(target)))
            for name, formula, value, target in data
        ]
        return [header, *body]

    def _gantt_rows(self, objective: Objective) -> list[Row]:
        """The phases by year: one cell per year, marked and shaded where the phase is active."""
        phases = [p for p in self.plan.phases if p.objective == objective.code]
        if not phases:
            return []
        years = sorted({*self.years, *(year for phase in phases for year in phase.years)})
        span = self.columns - 1 - len(years)
        rows = [
            Row(
                (
                    cell(self.words("fasi"), CellStyle.SUBBAND, rowspan=1 + len(phases)),
                    cell(self.words("fase"), CellStyle.HEADER, colspan=span),
                    *(cell(str(year), CellStyle.HEADER, align=Align.CENTER) for year in years),
                ),
                keep_with_next=True,
            )
        ]
        for phase in phases:
            marks = [cell(GANTT_MARK, CellStyle.BAND, align=Align.CENTER) if year in phase.years else cell("") for year in years]
            rows.append(Row((cell(phase.name, colspan=span), *marks)))
        return rows

    def _indicator_rows(self, indicators: list[Indicator]) -> list[Row]:
        if not indicators:
            return []
        notes, words = self._notes(indicators), self.words
        headers = [words(f"colonna_{key}") for key in ("tipologia", "indicatore", "formula", "udm")]
        headers += [words("colonna_valore", data=self.date), *(words("colonna_target", anno=y) for y in self.years)]
        headers += [words("colonna_performance")]
        rows = [
            Row(
                (
                    cell(words("indicatori"), CellStyle.SUBBAND, rowspan=1 + len(indicators) + len(notes)),
                    *(cell(text, CellStyle.HEADER, align=Align.CENTER) for text in headers),
                ),
                keep_with_next=True,
            )
        ]
        for indicator in indicators:
            scored = self.card.indicator(indicator.code)
            style = CellStyle.MUTED if not scored.counted else CellStyle.NORMAL
            rows.append(
                Row(
                    (
                        cell(indicator.type, style),
                        cell(indicator.name, style),
                        cell(indicator.algorithm, style),
                        cell(indicator.unit, style),
                        number_cell(_value(scored), style),
                        *(number_cell(self._target_text(scored, year), style) for year in self.years),
                        number_cell(scored.percent, style),
                    )
                )
            )
        rows.extend(Row((cell(note, CellStyle.NOTE, colspan=self.columns - 1),)) for note in notes)
        return rows

    def _target_text(self, scored: IndicatorScore, year: int) -> str:
        """The target in force at the date, marked when a revision set it."""
        target, revision = target_in_force(self.plan, scored.indicator, year, self.card.at)
        if target is None:
            return ""
        return self.words("target_rivisto", target=target.text) if revision is not None else target.text

    def _notes(self, indicators: Sequence[Indicator]) -> list[str]:
        """Why a Performance is empty, set by hand, or about an indicator that no longer counts."""
        notes: list[str] = []
        for indicator in indicators:
            scored = self.card.indicator(indicator.code)
            if not scored.counted:
                notes.append(self.words("nota_esclusa", indicatore=indicator.name, stato=scored.status))
            elif not scored.evaluable:
                notes.append(self.words("nota_non_valutabile", indicatore=indicator.name, motivo=scored.reason))
            elif scored.manual:
                note = scored.measurement.note if scored.measurement is not None else ""
                notes.append(self.words("nota_manuale", indicatore=indicator.name, nota=note))
        return notes

    def financial_health(self, objective: Objective, indicators: list[Indicator]) -> Table:
        """004's "Stato di salute finanziaria": the conditions, then one block per Tipologia."""
        columns, words = 7, self.words
        rows = [
            Row(
                (
                    cell(words("salute_titolo", nome=objective.name), CellStyle.HEADER, colspan=columns - 1),
                    cell(words("colonna_performance"), CellStyle.HEADER, align=Align.CENTER),
                )
            )
        ]
        if objective.description:
            conditions = cell(words("salute_condizioni"), CellStyle.SUBBAND)
            rows.append(Row((conditions, cell(objective.description, colspan=columns - 1))))
        notes = self._notes(indicators)
        headers = [words(f"colonna_{key}") for key in ("indicatore", "formula", "udm")]
        headers += [words("colonna_consuntivo", data=self.date), words("colonna_target", anno=self.card.year)]
        headers += [words("colonna_performance")]
        for group in dict.fromkeys(i.type for i in indicators):
            members = [i for i in indicators if i.type == group]
            rows.append(
                Row(
                    (
                        cell(group, CellStyle.SUBBAND, rowspan=1 + len(members)),
                        *(cell(text, CellStyle.HEADER, align=Align.CENTER) for text in headers),
                    ),
                    keep_with_next=True,
                )
            )
            for indicator in members:
                scored = self.card.indicator(indicator.code)
                rows.append(
                    Row(
                        (
                            cell(indicator.name),
                            cell(indicator.algorithm),
                            cell(indicator.unit, align=Align.CENTER),
                            number_cell(_value(scored)),
                            number_cell(self._target_text(scored, self.card.year)),
                            number_cell(scored.percent),
                        )
                    )
                )
        rows.extend(Row((cell(note, CellStyle.NOTE, colspan=columns),)) for note in notes)
        return Table((), tuple(rows), (13, 24, 27, 6, 11, 10, 9), size="small", name=f"salute-finanziaria-{objective.code}")


def _value(scored: IndicatorScore) -> str:
    return scored.measurement.value.text if scored.measurement is not None else ""


# --- how the Performance is computed -------------------------------------------------------------


def method_note(card: Scorecard, words: Texts) -> list[Block]:
    """The rule behind every Performance, then how programmes, lines and the ente are rolled up."""
    threshold = percent_text(card.threshold)
    blocks: list[Block] = [
        PageBreak(),
        Heading(words("titolo_nota_metodologica"), 1, anchor("nota-metodologica")),
        Paragraph(plain(words("nota_metodologica", anno=card.year, data=card.at, soglia=threshold))),
    ]
    scored = [s for s in card.indicators if PROGRESS_FLAG not in s.indicator.flags and s.inserted]
    header = _header_row([words(f"colonna_{key}") for key in ("codice", "indicatore", "performance", "regola_applicata")])
    body = [Row((cell(s.code), cell(s.indicator.name), number_cell(s.percent), cell(s.rule))) for s in scored]
    blocks.append(Table((header,), tuple(body), (9, 30, 9, 52), size="small", name="regole-performance"))
    progress = {s.code for s in card.indicators if PROGRESS_FLAG in s.indicator.flags}
    levels = (
        (words("livello_programma"), [g for g in card.objectives if g.evaluable or g.not_evaluable]),
        (words("livello_area_strategica"), [g for g in card.lines if g.evaluable]),
        (words("livello_prospettiva"), [g for g in card.perspectives if g.evaluable]),
        (words("livello_ente"), [card.ente]),
    )
    header = _header_row([words(f"colonna_{key}") for key in ("livello", "elemento", "realizzazione", "calcolo")])
    rows = [_group_row(level, group, progress, words) for level, groups in levels for group in groups]
    blocks.append(Table((header,), tuple(rows), (11, 27, 10, 52), size="small", name="realizzazione"))
    return blocks


def _group_row(level: str, group: GroupScore, progress: set[str], words: Texts) -> Row:
    name = words("nome_ente") if group.level == "ente" else group.name
    style = CellStyle.NORMAL if group.reached is None else (CellStyle.GREEN if group.reached else CellStyle.RED)
    details = [group.rule, *group.notes]
    missing = [code for code in group.not_evaluable if code not in progress]
    if missing:
        details.append(words("elementi_non_valutabili", codici=", ".join(missing)))
    strong = CellStyle.TOTAL if group.level == "ente" else CellStyle.NORMAL
    return Row(
        (
            cell(level, strong),
            cell(name, strong),
            Cell(plain(group.percent or words("non_valutato")), style=style, align=Align.RIGHT),
            cell("\n".join(details)),
        )
    )
