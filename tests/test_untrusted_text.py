"""Workbook text is data: hostile text in every field prints literally, in every document kind and both formats.

A small plan cut from the Pistoia year-end sample gets, in every text field a
reader sees (entity, titles, objectives, indicators, targets, measurements,
narrative, free tables, revisions, PIRA texts, phases), a tag and a payload of
markup, template code, XML breakers, an emoji and a right-to-left override; two
cells hold 10,000 characters. Every available kind is rendered to PDF and DOCX:
each tag must be followed by the payload as written ("{{ 7*7 }}", never "49"),
no resource is fetched, and the DOCX opens (once also through LibreOffice).
Control characters are checked on their own, and the same payload goes once
through a real workbook and the loader.
"""

from __future__ import annotations

import copy
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import attrs
import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

import pianodocs
from pianodocs.backends.docx import convert_with_libreoffice
from pianodocs.backends.pdf import RestrictedFetcher
from pianodocs.model import FreeTable, Phase, PiraObjectiveText, Plan, TableRow, TextBlock
from pianodocs.render import available_kinds, build_document
from pianodocs.values import parse_target, parse_value
from pianodocs.view.model import Block, BulletList, Cell, Document, Heading, Paragraph, Table
from pianodocs.workbook.writer import build_workbook, save_workbook

from .conftest import SAMPLES
from .text import dehyphenate

PAYLOAD = '<img src="file:///etc/passwd"> <b>{{ 7*7 }}</b> {% include "x" %} ]]> & &amp; fine \U0001f600'
RIGHT_TO_LEFT = "\u202eRTL\u202c"  # shown reversed ("LTR"), as written; the payload is checked up to it
CONTROL = "\x00\x01\x08\x0b\x0c\x1b\x1f\x7f"
LONG = " ".join(["parola"] * 1430)  # 10.009 characters
LONG_WORDS = 1430
FORMATS = (".pdf", ".docx")
# fields no kind prints: the subtitle (the covers print the title and the data note), the descriptions of objectives
NOT_PRINTED = {"SOTTOTITOLO", "DESCRIZIONEOS", "DESCRIZIONEOO"}


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


EXPECTED = squash(PAYLOAD)
TAG = re.compile(r"Q([A-Z]+)\d+Q")


class Tags:
    """Hands out a unique tag per field (``QINDICATORE7Q``) followed by the payload (and ``extra``, except in ``spared`` fields)."""

    def __init__(self, extra: str = "", spared: frozenset[str] = frozenset()) -> None:
        self.count = 0
        self.extra = extra
        self.spared = spared
        self.fields: dict[str, str] = {}

    def __call__(self, field: str, suffix: str = "") -> str:
        self.count += 1
        tag = f"Q{field}{self.count}Q"
        self.fields[tag] = field
        extra = "" if field in self.spared else self.extra
        return f"{tag} {PAYLOAD}{extra}{suffix} {RIGHT_TO_LEFT}"


def small_plan(plan: Plan) -> Plan:
    """Two strategic objectives of the sample, two indicators per objective, two text blocks per section: quick to render."""
    strategic = {"A", "B2"}
    operational = [o for o in plan.operational_objectives if o.strategic_objective in strategic]
    objectives = strategic | {o.code for o in operational}
    indicators, per_objective = [], dict.fromkeys(objectives, 0)
    for indicator in plan.indicators:
        if indicator.objective in objectives and per_objective[indicator.objective] < 2:
            per_objective[indicator.objective] += 1
            indicators.append(indicator)
    codes = {indicator.code for indicator in indicators}
    sections = tuple(
        s
        for s in plan.sections
        if s.document or s.key in {"premessa", "1", "1.1", "3", "3.1-mappa", "3.2", "3.2-obiettivi", "3.3", "3.3-ase", "4"}
    )
    keys, per_section, blocks = {s.key for s in sections}, dict.fromkeys(s.key for s in sections), []
    for block in plan.text_blocks:
        if block.section in keys and (per_section[block.section] or 0) < 2:
            per_section[block.section] = (per_section[block.section] or 0) + 1
            blocks.append(block)
    return attrs.evolve(
        plan,
        strategic_objectives=tuple(o for o in plan.strategic_objectives if o.code in strategic),
        operational_objectives=tuple(operational),
        indicators=tuple(indicators),
        lines=tuple(line for line in plan.lines if line.code in {"A", "B"}),
        measurements=tuple(m for m in plan.measurements if m.indicator in codes),
        revisions=tuple(r for r in plan.revisions if r.element in codes | objectives),
        budget_items=tuple(item for item in plan.budget_items if item.line == "A")[:3],
        budget_totals=(),
        sections=sections,
        text_blocks=tuple(blocks),
    )


def hostile(plan: Plan, tag: Tags) -> Plan:
    """``plan`` with a tagged payload in every text field a reader sees; one paragraph and one note 10,000 characters long."""
    pira = next(i for i in plan.indicators if i.in_pira and i.mission and i.programme)
    return attrs.evolve(
        plan,
        entity=attrs.evolve(plan.entity, name=tag("ENTE")),
        title=tag("TITOLO"),
        subtitle=tag("SOTTOTITOLO"),
        vision=tag("VISION"),
        sections=tuple(attrs.evolve(s, title=tag("SEZIONE")) for s in plan.sections),
        lines=tuple(attrs.evolve(line, name=tag("LINEA"), expected_benefits=(tag("BENEFICIO"),)) for line in plan.lines),
        strategic_objectives=tuple(
            attrs.evolve(o, name=tag("OS"), description=tag("DESCRIZIONEOS")) for o in plan.strategic_objectives
        ),
        operational_objectives=tuple(
            attrs.evolve(o, name=tag("OO"), description=tag("DESCRIZIONEOO")) for o in plan.operational_objectives
        ),
        indicators=tuple(
            attrs.evolve(
                indicator,
                name=tag("INDICATORE"),
                algorithm=tag("ALGORITMO"),
                technical_description=tag("DESCRIZIONETECNICA"),
                notes=tag("NOTA", " " + LONG if index == 0 else ""),
                targets={year: parse_target(tag("TARGET")) for year in indicator.targets},
            )
            for index, indicator in enumerate(plan.indicators)
        ),
        measurements=tuple(attrs.evolve(m, value=parse_value(tag("VALORE")), note=tag("NOTAMISURA")) for m in plan.measurements),
        revisions=tuple(
            attrs.evolve(r, motivation=tag("MOTIVAZIONE"), previous=tag("PRECEDENTE"), new=tag("NUOVO")) for r in plan.revisions
        ),
        acts=tuple(attrs.evolve(act, subject=tag("ATTO")) for act in plan.acts),
        text_blocks=(
            *(
                attrs.evolve(block, content=tag("TESTO", " " + LONG if index == 0 else ""))
                if block.kind in ("paragrafo", "nota", "titoletto", "elenco")
                else block
                for index, block in enumerate(plan.text_blocks)
            ),
            TextBlock("premessa", "tabella", "ostile"),
        ),
        tables=(
            FreeTable(
                "ostile",
                (
                    TableRow("titolo", (tag("TITOLOTABELLA"),)),
                    TableRow("intestazione", (tag("INTESTAZIONE"), "Valore")),
                    TableRow("dati", (tag("CELLA"), tag("CELLA"))),
                ),
            ),
        ),
        pira_texts=(
            PiraObjectiveText(
                pira.objective,
                pira.mission,
                pira.programme,
                tag("DESCRIZIONEPIRA"),
                tag("ATTIVITA"),
                tag("PORTATORI"),
                title=tag("TITOLOPIRA"),
            ),
        ),
        phases=tuple(Phase(o.code, tag("FASE"), (plan.reference_year,)) for o in plan.operational_objectives[:2]),
    )


def pdf_text(path: Path) -> str:
    """Each page's text as a person reads it: words hyphenated at a line end rejoined (also where pypdf puts the
    next line of a cell beside it, for the payload's own words)."""
    words = re.findall(r"\w+", PAYLOAD)
    return "\n".join(dehyphenate(page.extract_text(), words) for page in PdfReader(path).pages)


def docx_text(path: Path) -> str:
    """Every paragraph of the body (tables included), the headers and the footers; opening it checks it is valid."""
    word = docx.Document(str(path))
    parts = [word.element.body] + [
        part._element for section in word.sections for part in (section.header, section.footer, section.first_page_header)
    ]
    return "\n".join(
        "".join(node.text or "" for node in paragraph.iter(qn("w:t"))) for part in parts for paragraph in part.iter(qn("w:p"))
    )


def misprinted(text: str, expected: str = EXPECTED) -> list[tuple[str, str]]:
    """Tags not followed by the payload as written: (tag, what follows it instead)."""
    flat = squash(text)
    return [
        (found.group(), flat[found.end() : found.end() + len(expected)])
        for found in TAG.finditer(flat)
        if flat[found.end() : found.end() + len(expected)] != expected
    ]


@attrs.frozen
class Output:
    kind: str
    path: Path
    text: str


@pytest.fixture(scope="module")
def sample() -> Plan:
    return small_plan(pianodocs.load_workbook(SAMPLES / "cciaa_pistoia_2020_consuntivo.xlsx"))


@pytest.fixture(scope="module")
def tags() -> Tags:
    return Tags()


@pytest.fixture(scope="module")
def fetched() -> list[str]:
    return []


@pytest.fixture(scope="module")
def outputs(
    sample: Plan, tags: Tags, fetched: list[str], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[tuple[str, str], Output]]:
    """Every available kind in both formats, rendered from the hostile plan; the PDF fetcher's requests recorded."""
    plan = hostile(sample, tags)
    folder = tmp_path_factory.mktemp("ostile")
    fetch = RestrictedFetcher.fetch

    def spy(self: RestrictedFetcher, url: str, headers: object = None) -> object:
        fetched.append(url)
        return fetch(self, url, headers)

    rendered: dict[tuple[str, str], Output] = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(RestrictedFetcher, "fetch", spy)
        for kind in available_kinds():
            for suffix in FORMATS:
                path = pianodocs.render(plan, kind, folder / f"{kind}{suffix}")
                text = pdf_text(path) if suffix == ".pdf" else docx_text(path)
                rendered[kind, suffix] = Output(kind, path, text)
    yield rendered


def test_every_kind_renders_in_both_formats(outputs: dict[tuple[str, str], Output]) -> None:
    assert set(outputs) == {(kind, suffix) for kind in available_kinds() for suffix in FORMATS}
    assert len(available_kinds()) >= 6


def test_every_tagged_field_prints_the_payload_as_written(outputs: dict[tuple[str, str], Output]) -> None:
    for (kind, suffix), output in outputs.items():
        assert TAG.search(squash(output.text)), (kind, suffix, "no field of the plan printed")
        assert misprinted(output.text) == [], (kind, suffix)
        flat = re.sub(r"\s+", " ", output.text)
        assert "{{ 7*7 }}" in flat or "{{ 7*7\n}}" in output.text, (kind, suffix)
        assert "<b>49</b>" not in flat and "{{ 49" not in flat


def test_every_field_a_reader_sees_is_printed_somewhere(outputs: dict[tuple[str, str], Output], tags: Tags) -> None:
    printed = {found.group(1) for output in outputs.values() for found in TAG.finditer(squash(output.text))}
    assert set(tags.fields.values()) - NOT_PRINTED - printed == set()


def test_each_field_prints_in_both_formats_alike(outputs: dict[tuple[str, str], Output]) -> None:
    # the strategic map's vision is a drawing: text in the PDF, a picture in the DOCX
    for kind in available_kinds():
        pdf = {t for t in TAG.findall(squash(outputs[kind, ".pdf"].text)) if t != "VISION"}
        word = set(TAG.findall(squash(outputs[kind, ".docx"].text)))
        assert pdf == word, (kind, pdf ^ word)


def test_ten_thousand_characters_print_whole(outputs: dict[tuple[str, str], Output]) -> None:
    counts = {key: len(re.findall(r"parola", output.text)) for key, output in outputs.items()}
    assert [key for key, count in counts.items() if count % LONG_WORDS] == [], counts
    assert counts["piano-performance", ".pdf"] >= LONG_WORDS, "the long paragraph of the Premessa"
    assert counts["cruscotto", ".pdf"] >= LONG_WORDS, "the long note of the first indicator"


def test_nothing_is_fetched_but_fonts_and_templates(outputs: dict[tuple[str, str], Output], fetched: list[str]) -> None:
    assert fetched, "the spy saw the fonts being loaded"
    assert [url for url in fetched if "passwd" in url or not url.startswith(("file:", "data:"))] == []
    for output in outputs.values():
        if output.path.suffix == ".docx":
            with zipfile.ZipFile(output.path) as archive:
                relations = " ".join(archive.read(n).decode() for n in archive.namelist() if n.endswith(".rels"))
            assert "passwd" not in relations and 'TargetMode="External"' not in relations


@pytest.mark.slow
def test_the_docx_survives_libreoffice(outputs: dict[tuple[str, str], Output], tmp_path: Path) -> None:
    pdf = convert_with_libreoffice(outputs["piano-performance", ".docx"].path, tmp_path)
    raw = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    text = dehyphenate(raw)
    assert len(TAG.findall(squash(text))) > 50
    # pdftotext -raw prints the emoji, drawn with a fallback font, where that font's text is: compare without it
    assert misprinted(text, EXPECTED.removesuffix("\U0001f600")) == []


# --- control characters ---------------------------------------------------------------------------


# the fields that become a document's title, author or headings are spared: with a control character in a heading
# the DOCX's SOMMARIO cannot find its page (warning "Pagina del titolo ... non trovata") and prints it without a
# number (a known gap, reported with issue 13: no test here pretends it is covered)
TITLE_FIELDS = frozenset({"ENTE", "TITOLO", "SOTTOTITOLO", "SEZIONE", "ATTO", "OO"})


def test_control_characters_in_text_blocks_and_cells_never_break_a_document(sample: Plan, tmp_path: Path) -> None:
    """The drawings (strategic map, bar chart) are XML built from names: a control character there must not break them."""
    tag = Tags(extra=" " + CONTROL, spared=TITLE_FIELDS)
    plan = hostile(sample, tag)
    for kind in available_kinds():
        document = build_document(plan, kind)
        assert TAG.search(squash(" ".join(view_texts(document))))
    # the kinds with a drawing, whose SVG is parsed by both backends
    for kind in ("piano-performance", "relazione-performance"):
        for suffix in FORMATS:
            path = pianodocs.render(plan, kind, tmp_path / f"{kind}{suffix}")
            text = pdf_text(path) if suffix == ".pdf" else docx_text(path)
            assert TAG.search(squash(text)), (kind, suffix, "no field of the plan printed")
            assert not re.search(f"[{CONTROL}]", text), (kind, suffix)


def test_control_characters_are_dropped_from_every_output(sample: Plan, tmp_path: Path) -> None:
    plan = hostile(sample, Tags(extra=" " + CONTROL))
    for suffix in FORMATS:
        path = pianodocs.render(plan, "cruscotto", tmp_path / f"cruscotto{suffix}")
        text = pdf_text(path) if suffix == ".pdf" else docx_text(path)
        assert misprinted(text) == [] and TAG.search(squash(text))
        assert not re.search(f"[{CONTROL}]", text)


# --- through a real workbook -------------------------------------------------------------------------


def view_texts(document: Document) -> Iterator[str]:
    """Every text of a view-model document: cover, headings, paragraphs, lists, table cells and captions."""
    yield document.title
    if document.cover is not None:
        yield from (str(value) for value in attrs.astuple(document.cover, recurse=False) if isinstance(value, str))
    for block in document.blocks:
        yield from _block_texts(block)


def _block_texts(block: Block) -> Iterator[str]:
    if isinstance(block, Heading):
        yield block.title
    elif isinstance(block, Paragraph):
        yield block.text
    elif isinstance(block, BulletList):
        yield from ("".join(run.text for run in item) for item in block.items)
    elif isinstance(block, Table):
        yield block.caption
        cells: list[Cell] = [cell for row in (*block.header, *block.body) for cell in row.cells]
        yield from ("".join(run.text for run in cell.runs) for cell in cells)


def hostile_workbook_data(tag: Tags) -> dict[str, object]:
    """The Unioncamere PIRA sample's rows with the payload in its text columns, plus a paragraph, a table and a measurement."""
    sys.path.insert(0, str(SAMPLES))
    try:
        from sources import unioncamere_toscana_pira_2021 as source
    finally:
        sys.path.remove(str(SAMPLES))
    data = copy.deepcopy(source.DATA)
    data["Ente"]["Denominazione"] = tag("ENTE")
    data["Piano"]["Titolo"] = tag("TITOLO")
    for row in data["Obiettivi strategici"]:
        row["Denominazione"] = tag("OS")
    for index, row in enumerate(data["Indicatori"]):
        row.update(Indicatore=tag("INDICATORE"), Algoritmo=tag("ALGORITMO"), Note=tag("NOTA", " " + LONG if not index else ""))
        row.update({"Descrizione tecnica": tag("DESCRIZIONETECNICA"), "Target 2021": tag("TARGET") + "\n\tseconda riga _x0001_"})
    for row in data["Obiettivi PIRA"]:
        row.update(Descrizione=tag("DESCRIZIONEPIRA"), **{"Principali attività": tag("ATTIVITA")})
    data["Sezioni"][0]["Titolo"] = tag("SEZIONE")
    section = data["Sezioni"][0]["Chiave"]
    data["Testi"].insert(0, {"Sezione": section, "Tipo": "paragrafo", "Contenuto": tag("TESTO")})
    data["Testi"].append({"Sezione": section, "Tipo": "tabella", "Contenuto": "ostile"})
    data["Tabelle"] += [
        {"Tabella": "ostile", "Tipo riga": "intestazione", "C1": tag("INTESTAZIONE"), "C2": "Valore"},
        {"Tabella": "ostile", "Tipo riga": "dati", "C1": tag("CELLA"), "C2": tag("CELLA")},
    ]
    first = data["Indicatori"][0]["Codice"]
    data["Misurazioni"] = [{"Indicatore": first, "Data": "30/06/2021", "Valore": tag("VALORE"), "Note": tag("NOTAMISURA")}]
    return data


def test_the_payload_survives_the_workbook_and_the_loader(tmp_path: Path) -> None:
    tag = Tags()
    data = hostile_workbook_data(tag)
    data["Indicatori"][0]["Indicatore"] += " \u202eaperto"  # an override never closed: it would reverse what follows
    path = tmp_path / "ostile.xlsx"
    save_workbook(build_workbook(data, years=[2021]), path)
    plan = pianodocs.load_workbook(path)
    assert plan.entity.name.startswith("QENTE1Q <img")
    assert plan.indicators[0].name.endswith("\u202eaperto\u202c"), "the loader closes it at the end of its cell"
    target = plan.indicators[0].target(2021)
    assert target.kind.name == "FREE_TEXT" and target.text.endswith("seconda riga _x0001_")
    for kind in available_kinds():
        try:
            document = build_document(plan, kind)
        except pianodocs.PianodocsError:
            continue  # a kind whose data this workbook lacks (the annex needs revisions)
        assert misprinted(" ".join(view_texts(document))) == [], kind
    for suffix in FORMATS:
        rendered = pianodocs.render(plan, "pira", tmp_path / f"pira{suffix}")
        text = pdf_text(rendered) if suffix == ".pdf" else docx_text(rendered)
        assert misprinted(text) == []
        fields = set(TAG.findall(squash(text)))
        assert {"ENTE", "OS", "INDICATORE", "ALGORITMO", "TARGET", "DESCRIZIONEPIRA", "TESTO", "CELLA"} <= fields, fields
