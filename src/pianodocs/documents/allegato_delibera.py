"""The annex to a Giunta deliberation that revises the plan (000: "Allegato alla deliberazione G.C. n. 63 ...").

Every page carries the sentence "Allegato alla deliberazione G.C. n. 63 del 9
settembre 2020, composto da n. 1 pagina". The body reprints, on landscape pages,
the part of the cruscotto touched by the revisions: for each strategic objective
with a change, its bands (linea strategica, ambito/obiettivo strategico, obiettivi
operativi) and its indicators with the value at the monitoring date, the target
before the revision, the revised target, the later years' targets (revised where
revised) and the motivation. Inserted indicators and objectives are marked,
eliminated indicators are struck through; indicator notes become footnotes.

The number of pages in the sentence must be true: :func:`render_annex` renders,
counts the pages of the result (the PDF itself, or LibreOffice's layout of the
DOCX) and renders again with that count until it no longer changes. The sentence, the headings and the
markers are the texts' (``testi/allegato-delibera.toml``, :mod:`pianodocs.texts`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from ..errors import PianodocsError
from ..kinds import Option
from ..model import Act, Indicator, OperationalObjective, Plan, Revision, RevisionKind, StrategicLine, StrategicObjective
from ..texts import Texts, texts_of
from ..values import format_percent
from ..view.model import Align, Cell, CellStyle, Document, Heading, Paragraph, Row, Run, Table
from ..view.orientation import fitted
from ..view.richtext import plain
from ..view.richtext import runs as richtext
from .common import anchor, cell, document_title, number_cell
from .cruscotto_ente import history_years

KIND = "allegato-delibera"
TITLE = "Allegato alla deliberazione di Giunta (revisione dei target)"
OPTIONS: tuple[Option, ...] = (
    Option("atto", str, "codice dell'atto (foglio Atti) della deliberazione", flag="--atto", metavar="CODICE"),
    Option("numero", str, "numero della deliberazione, se non è nel foglio Atti", flag="--numero", metavar="N"),
    Option("data", dt.date, "data della deliberazione, se non è nel foglio Atti", flag="--data", metavar="GG/MM/AAAA"),
    Option("revisioni", Sequence, "le revisioni da allegare al posto di quelle del workbook (da riga di comando: --rispetto-a)"),
)
# its sentence says how many pages it has: pianodocs.render lays it out until the count is true
STATES_PAGE_COUNT = True
DASHBOARD = ("ente", "entrambi")
# the keys of testi/allegato-delibera.toml marking each kind of revision
INDICATOR_MARKERS = {
    RevisionKind.INDICATOR_INSERTED: "indicatore_inserito",
    RevisionKind.INDICATOR_ELIMINATED: "indicatore_eliminato",
    RevisionKind.INDICATOR_UPDATED: "indicatore_aggiornato",
}
OBJECTIVE_MARKERS = {RevisionKind.OBJECTIVE_INSERTED: "nuovo_obiettivo", RevisionKind.OBJECTIVE_ELIMINATED: "obiettivo_eliminato"}

Objective = StrategicObjective | OperationalObjective


class AnnexError(PianodocsError):
    """The annex cannot be made: no deliberation to cite, no revision to show, or a page count that does not settle."""


@attrs.frozen
class Deliberation:
    """The deliberation the annex belongs to: organ, number, date, subject."""

    organ: str
    number: str
    date: dt.date
    subject: str = ""

    def sentence(self, words: Texts, pages: int | None) -> str:
        """``Allegato alla deliberazione G.C. n. 63 del 9 settembre 2020, composto da n. 1 pagina`` (the texts' ``frase``).

        An unknown count (``None``) is left out rather than guessed.
        """
        abbreviation = words("sigla_organo", organo=self.organ)
        return words("frase", sigla=abbreviation, organo=self.organ, numero=self.number, data=self.date, pagine=pages)


def texts(template_dir: Path | None = None) -> Texts:
    """The annex's words (``testi/allegato-delibera.toml``, a user's copy in ``template_dir`` over it)."""
    return texts_of(KIND, template_dir)


def applies(plan: Plan) -> bool:
    """An annex needs revisions made by an act recorded in the Atti sheet."""
    return any(revision.act and plan.act(revision.act) is not None for revision in plan.revisions)


def build(
    plan: Plan,
    workbook_folder: Path | None = None,
    *,
    atto: str | None = None,
    numero: str | None = None,
    data: dt.date | None = None,
    pagine: int | None = None,
    revisioni: Sequence[Revision] | None = None,
    template_dir: Path | None = None,
) -> Document:
    """The annex of the deliberation ``atto`` (default: the latest act the revisions cite), saying it has ``pagine`` pages.

    ``numero`` and ``data`` override or supply the deliberation's number and date;
    ``revisioni`` (e.g. from comparing two workbooks) replace the plan's own.
    Without ``pagine`` the sentence gives no page count: use :func:`render_annex`. The words are the texts'
    (:func:`texts`): a user's ``testi/allegato-delibera.toml`` in ``template_dir`` changes them.
    """
    words = texts(template_dir)
    act = _act(plan, atto, revisioni if revisioni is not None else plan.revisions)
    if revisioni is None:
        revisioni = [r for r in plan.revisions if act is None or r.act == act.code]
    if not revisioni:
        raise AnnexError("Nessuna revisione da allegare: compilare il foglio Revisioni con l'atto che le approva.")
    deliberation = _deliberation(act, numero, data)
    sentence = deliberation.sentence(words, pagine)
    return Document(
        title=document_title(plan, KIND, deliberation.sentence(words, None)),
        author=plan.entity.name,
        subject=deliberation.subject or words("soggetto", titolo_piano=plan.title),
        cover=None,  # as in 000: the annex opens with its first table, the sentence heads every page
        # a heading first: LibreOffice loses the landscape section of a DOCX whose section opens with a table
        blocks=(
            Heading(deliberation.subject or words("titolo"), 1, anchor(KIND), in_summary=False),
            *([Paragraph(plain(plan.data_note or words("nota_illustrativa")), style="note")] if plan.illustrative else []),
            _Annex(plan, revisioni, deliberation.date, words).table(),
        ),
        # data that are not the chamber's real ones say so on every page, as in every other kind
        running_header=words("frase_illustrativa", frase=sentence) if plan.illustrative else sentence,
    )


def render_annex(
    plan: Plan, path: Path | str, *, workbook_folder: Path | None = None, template_dir: Path | None = None, **options: Any
) -> int:
    """Write the annex to ``path`` (.pdf or .docx) with a true page count; return that count.

    ``options`` are :func:`build`'s (``atto``, ``numero``, ``data``, ``revisioni``); the layout rounds are the
    render layer's (:func:`pianodocs.render.render_counting_pages`), as for ``pianodocs.render``.
    """
    from ..render import render_counting_pages

    target = Path(path)
    if target.suffix.lower() not in (".pdf", ".docx"):
        raise AnnexError(f"Formato non supportato: '{target.name}'. Usare un nome che finisce in .pdf o .docx.")
    return render_counting_pages(plan, KIND, target, workbook_folder=workbook_folder, template_dir=template_dir, **options)


def _act(plan: Plan, code: str | None, revisions: Sequence[Revision]) -> Act | None:
    """The act ``code``, or the latest (by date) of the acts the revisions cite."""
    if code is not None:
        act = plan.act(code)
        if act is None:
            raise AnnexError(f"L'atto '{code}' non è nel foglio Atti del workbook.")
        return act
    cited = [act for act in plan.acts if any(revision.act == act.code for revision in revisions)]
    return max(reversed(cited), key=lambda act: act.date or dt.date.min, default=None)


def _deliberation(act: Act | None, number: str | None, date: dt.date | None) -> Deliberation:
    number = number or (act.number if act else "")
    date = date or (act.date if act else None)
    if not number or date is None:
        raise AnnexError(
            "Numero o data della deliberazione mancanti: registrare l'atto nel foglio Atti (e citarlo nelle Revisioni) "
            "oppure indicarli esplicitamente."
        )
    return Deliberation(act.organ if act else "Giunta", number, date, act.subject if act else "")


class _Annex:
    """The annex's table: the strategic objectives touched by the revisions, with their bands and indicators."""

    def __init__(self, plan: Plan, revisions: Sequence[Revision], until: dt.date, words: Texts) -> None:
        self.plan, self.words = plan, words
        self.by_element: dict[str, list[Revision]] = {}
        for revision in revisions:
            self.by_element.setdefault(revision.element, []).append(revision)
        self.indicators = {indicator.code: indicator for indicator in plan.indicators}
        self.operational = {objective.code: objective for objective in plan.operational_objectives}
        self.strategic = {objective.code: objective for objective in plan.strategic_objectives}
        self.touched: set[str] = set()  # codes of indicators and objectives with a revision
        self.shown: set[str] = set()  # strategic objectives to reprint
        self.unplaced: list[Revision] = []
        for element in self.by_element:
            self._place(element)
        self.at = self._monitoring_date(until)
        self.year = min(max(self.at.year if self.at else plan.reference_year, plan.first_year), plan.last_year)
        self.past = history_years(self._shown_indicators(), plan)
        self.footnotes: list[str] = []

    def _place(self, element: str) -> None:
        if element in self.indicators:
            objective = self.indicators[element].objective
            self.touched.update((element, objective))
            element = objective
        if element in self.operational:
            self.touched.add(element)
            element = self.operational[element].strategic_objective
        if element in self.strategic:
            self.touched.add(element)
            self.shown.add(element)
        elif any(line.code == element for line in self.plan.lines):
            self.shown.update(o.code for o in self.plan.strategic_objectives if o.line == element and o.in_dashboard)
        elif element not in self.touched:
            self.unplaced.extend(self.by_element[element])

    def _monitoring_date(self, until: dt.date) -> dt.date | None:
        """The plan's monitoring date, else the latest measurement date; either no later than the deliberation."""
        dates = {m.date for m in self.plan.measurements if m.date <= until}
        if self.plan.monitoring_date in dates:
            return self.plan.monitoring_date
        return max(dates, default=None)

    def _indicators_of(self, code: str) -> tuple[Indicator, ...]:
        return tuple(i for i in self.plan.indicators_of(code) if i.dashboard in DASHBOARD or i.code in self.touched)

    def _operational_of(self, strategic: StrategicObjective) -> list[OperationalObjective]:
        return [
            o
            for o in self.plan.operational_objectives
            if o.strategic_objective == strategic.code and (o.in_dashboard or o.code in self.touched)
        ]

    def _shown_indicators(self) -> list[Indicator]:
        codes = [*self.shown]
        codes += [o.code for o in self.plan.operational_objectives if o.strategic_objective in self.shown]
        return [indicator for code in codes for indicator in self._indicators_of(code)]

    # --- layout ----------------------------------------------------------------------------------

    @property
    def headers(self) -> list[str]:
        words, last = self.words, self.past[-1] if self.past else None
        headers = [words(f"colonna_{key}") for key in ("segnalazione", "indicatore", "codice", "algoritmo", "media_cluster")]
        headers += [words("colonna_ultimo_valore" if year == last else "colonna_storico", anno=year) for year in self.past]
        headers += [words("colonna_peso")] + ([words("colonna_valore", data=self.at)] if self.at else [])
        headers += [words("colonna_target", anno=self.year), words("colonna_revisione", anno=self.year)]
        headers += [words("colonna_target_successivo", anno=year) for year in self.later]
        return [*headers, *(words(f"colonna_{key}") for key in ("tipologia", "unita", "fonte", "note"))]

    @property
    def later(self) -> list[int]:
        return [year for year in self.plan.years if year > self.year]

    @property
    def widths(self) -> tuple[float, ...]:
        dated = [5.8] if self.at else []
        years = [5.8] * (2 + len(self.later))  # wide enough for a date target (15/08/2020)
        return (4.5, 11, 4, 11, 4.3, *[4.5] * len(self.past), 3.6, *dated, *years, 6.3, 6.0, 5.3, 12)

    def table(self) -> Table:
        """The revised part of the cruscotto as one table; the footnotes close it."""
        body: list[Row] = []
        for line in self.plan.lines:
            objectives = [o for o in self.plan.strategic_objectives if o.line == line.code and o.code in self.shown]
            for index, strategic in enumerate(objectives):
                body += self._line_rows(line) if index == 0 else []
                body += self._objective_rows(line.code, strategic)
                body += [self._indicator_row(indicator) for indicator in self._indicators_of(strategic.code)]
                for operational in self._operational_of(strategic):
                    body += self._objective_rows("", operational)
                    body += [self._indicator_row(indicator) for indicator in self._indicators_of(operational.code)]
        notes = [f"({number}) {text}" for number, text in enumerate(self.footnotes, start=1)]
        notes += [f"{revision.element}: {revision.kind.value}. {revision.motivation}".strip() for revision in self.unplaced]
        body += [Row((cell(text, CellStyle.NOTE, len(self.widths), markup=True),)) for text in notes]
        header = Row(tuple(cell(text, CellStyle.HEADER, align=Align.CENTER) for text in self.headers))
        return fitted(Table((header,), tuple(body), self.widths, size="small", name=KIND))

    def _line_rows(self, line: StrategicLine) -> list[Row]:
        columns = len(self.widths)
        rows = [
            Row(
                (
                    cell(line.code, CellStyle.BAND),
                    cell(self.words("fascia_linea"), CellStyle.BAND, 3),
                    cell(line.name, CellStyle.BAND, columns - 4),
                ),
                keep_with_next=True,
            )
        ]
        if line.not_declined_note:
            rows.append(Row((cell(line.not_declined_note, CellStyle.NOTE, columns, markup=True),), keep_with_next=True))
        return rows

    def _objective_rows(self, line_code: str, objective: Objective) -> list[Row]:
        """The band of an objective (marked when inserted or eliminated) and its revisions' motivations."""
        columns = len(self.widths)
        revisions = self.by_element.get(objective.code, [])
        marker = next((self.words(OBJECTIVE_MARKERS[r.kind]) for r in revisions if r.kind in OBJECTIVE_MARKERS), "")
        name: tuple[Run, ...] = (Run(objective.name), Run(f" — {marker}", bold=True)) if marker else (Run(objective.name),)
        style = CellStyle.MUTED if any(r.kind is RevisionKind.OBJECTIVE_ELIMINATED for r in revisions) else CellStyle.SUBBAND
        if isinstance(objective, StrategicObjective):
            if objective.notes:
                name += (Run(f" ({self._footnote(objective.notes)})"),)
            cells: tuple[Cell, ...] = (
                cell(line_code, style),
                cell(self.words("fascia_obiettivo_strategico"), style, 3),
                cell(objective.printed_code, style),
                Cell(name, colspan=columns - 5, style=style),
            )
        else:
            code = objective.printed_code.rstrip(".")
            label = (Run(f"{code} - "), *name) if code else name
            band = cell(self.words("fascia_obiettivo_operativo"), style, 3)
            cells = (cell("", style), band, Cell(label, colspan=columns - 4, style=style))
        rows = [Row(cells, keep_with_next=True)]
        motivations = dict.fromkeys(r.motivation for r in revisions if r.motivation)
        rows += [Row((cell(text, CellStyle.NOTE, columns, markup=True),), keep_with_next=True) for text in motivations]
        return rows

    def _indicator_row(self, indicator: Indicator) -> Row:
        revisions = self.by_element.get(indicator.code, [])
        kinds = {revision.kind for revision in revisions}
        eliminated = RevisionKind.INDICATOR_ELIMINATED in kinds
        style = CellStyle.MUTED if eliminated else CellStyle.HIGHLIGHT if indicator.funds_incentive else CellStyle.NORMAL
        name = indicator.name + (f" ({self._footnote(indicator.notes)})" if indicator.notes else "")
        weight = next((r.new for r in revisions if r.kind is RevisionKind.WEIGHT_REVISED and r.new), "")
        if not weight and indicator.weight is not None:
            weight = format_percent(indicator.weight)
        measured = [m for m in self.plan.measurements_of(indicator.code) if m.date == self.at]
        inserted = RevisionKind.INDICATOR_INSERTED in kinds
        revised = indicator.code in self.touched or indicator.objective in self.touched
        cells = [
            cell(indicator.flag, style),
            cell(name, style),
            cell(indicator.reference or self._objective_code(indicator), style),
            cell(indicator.algorithm, style),
            number_cell(indicator.cluster_mean.text if indicator.cluster_mean else "", style),
            *(number_cell(indicator.history[y].text if y in indicator.history else "", style) for y in self.past),
            number_cell(weight, style),
            *([number_cell(measured[0].value.text if measured else "", style)] if self.at else []),
            number_cell("" if inserted else self._target(indicator, self.year, before=True), style),
            number_cell(self._target(indicator, self.year, before=False) if revised else "", style),
            *(number_cell(self._target(indicator, year, before=False), style) for year in self.later),
            cell(indicator.type, style),
            cell(indicator.unit, style),
            cell(indicator.source, style),
            self._note(revisions, [m.note for m in measured if m.note], CellStyle.NOTE if eliminated else style),
        ]
        return Row(tuple(cells))

    def _objective_code(self, indicator: Indicator) -> str:
        objective = self.operational.get(indicator.objective) or self.strategic.get(indicator.objective)
        return objective.printed_code.rstrip(".") if objective else indicator.objective

    def _target(self, indicator: Indicator, year: int, *, before: bool) -> str:
        """The target of ``year`` before or after the revisions (a revision's texts win over the workbook's)."""
        for revision in self.by_element.get(indicator.code, []):
            if revision.kind is RevisionKind.TARGET_REVISED and revision.year == year:
                return revision.previous if before else revision.new
        target = indicator.target(year)
        return target.text if target else ""

    def _note(self, revisions: Sequence[Revision], measurement_notes: Sequence[str], style: CellStyle) -> Cell:
        """Markers (Indicatore inserito/eliminato/aggiornato), the revisions' motivations and the measurement's note."""
        markers = dict.fromkeys(self.words(INDICATOR_MARKERS[r.kind]) for r in revisions if r.kind in INDICATOR_MARKERS)
        texts = [*dict.fromkeys(r.motivation for r in revisions if r.motivation), *measurement_notes]
        # a motivation that opens with its marker ("Indicatore eliminato. Non saranno ...") stands for it
        shown = [m for m in markers if not any(text.casefold().startswith(m.casefold()) for text in texts)]
        lead = " ".join(f"{marker}." for marker in shown) + (" " if shown and texts else "")
        return Cell(((Run(lead, bold=True),) if lead else ()) + richtext(" ".join(texts)), style=style)

    def _footnote(self, text: str) -> int:
        if text not in self.footnotes:
            self.footnotes.append(text)
        return self.footnotes.index(text) + 1
