"""Bounded time and memory: long unbreakable words get break opportunities, and a workbook beyond a limit is refused.

A word of 32,767 characters (what an Excel cell holds) used to cost the PDF
minutes; it now renders in seconds, whole in the PDF and the DOCX text, with
invisible ZERO WIDTH SPACEs only inside tokens longer than the limit and none in
a sample's own text. Each limit of the loader is tested with a real workbook
one beyond it (the real default where that is cheap, a smaller limit passed to
the loader where it is not), and every default is the value docs/limiti.md states.
"""

from __future__ import annotations

import random
import re
import string
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import pianodocs
from pianodocs import limits
from pianodocs.errors import Problem, ValidationError
from pianodocs.limits import LoadLimits
from pianodocs.render import applicable_kinds, build_document
from pianodocs.view.breaks import ZERO_WIDTH_SPACE, breakable
from pianodocs.view.model import Heading, Paragraph, Run, Table
from pianodocs.workbook.writer import build_workbook, save_workbook

from .conftest import ROOT, SAMPLES
from .test_untrusted_text import docx_text

N = limits.MAX_UNBROKEN_TOKEN
K = limits.BREAK_EVERY
# letters no Italian text of the sample uses, so the word can be picked out of the extracted text in order
LETTERS = "ąćęłńśźżđħ"
LONG_WORD = (LETTERS * (32_767 // len(LETTERS) + 1))[:32_767]


# --- break opportunities ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Numero di imprese assistite nell'anno",
        "x" * N,  # exactly the limit: untouched
        "http://www.pt.camcom.it/piano_delle_azioni_positive.asp?ln=&idtema=1&page=informazioni&index=1&idtema=1",
        " ".join(["y" * N] * 3),  # many tokens, each at the limit
    ],
)
def test_tokens_up_to_the_limit_are_left_as_they_are(text: str) -> None:
    assert breakable(text) == text


def test_a_longer_token_gets_a_break_every_k_characters_and_nothing_else_changes() -> None:
    token = "z" * (N + 1)
    text = f"Prima {token} dopo\n{'w' * 3 * K}"
    broken = breakable(text)
    assert broken.replace(ZERO_WIDTH_SPACE, "") == text
    pieces = broken.split()[1].split(ZERO_WIDTH_SPACE)
    assert [len(piece) for piece in pieces] == [K] * (len(token) // K) + ([len(token) % K] if len(token) % K else [])
    assert broken.split()[0] == "Prima" and broken.split()[2] == "dopo"
    assert ZERO_WIDTH_SPACE not in broken.split()[3]  # 3K ≤ N: a token at most the limit keeps no break
    assert breakable(broken) == broken  # breaking twice adds nothing


def test_the_view_model_breaks_run_and_heading_text_but_never_a_link_target() -> None:
    url = "https://example.org/" + "a" * (2 * N)
    run = Run(url, link=url)
    assert ZERO_WIDTH_SPACE in run.text and run.link == url
    assert ZERO_WIDTH_SPACE in Heading("h" * (N + 1), 1, "anchor").title
    assert ZERO_WIDTH_SPACE in Table((), (), (100.0,), caption="c" * (N + 1)).caption
    assert Paragraph((Run("parole brevi"),)).text == "parole brevi"


@pytest.mark.parametrize("workbook", sorted(path.name for path in SAMPLES.glob("*.xlsx")))
def test_no_sample_text_gets_a_break(workbook: str) -> None:
    plan = pianodocs.load_workbook(SAMPLES / workbook)
    kinds = applicable_kinds(plan)
    assert kinds, "every sample renders as some kind: a loop over none would check nothing"
    for kind in kinds:
        document = build_document(plan, kind, workbook_folder=SAMPLES)
        texts = [document.title] + ([document.cover.title, document.cover.entity] if document.cover else [])
        for block in document.blocks:
            if isinstance(block, Paragraph):
                texts.append(block.text)
            elif isinstance(block, Heading):
                texts.append(block.title)
            elif isinstance(block, Table):
                texts.extend(cell.text for row in (*block.header, *block.body) for cell in row.cells)
        assert texts and not [text for text in texts if ZERO_WIDTH_SPACE in text], (workbook, kind)


def _with_long_indicator_name() -> pianodocs.Plan:
    plan = pianodocs.load_workbook(SAMPLES / "cciaa_valserena_2024_2026.xlsx")
    first, *others = plan.indicators
    return attrs.evolve(plan, indicators=(attrs.evolve(first, name=LONG_WORD), *others))


def _word_in(text: str) -> str:
    """The letters of the long word found in ``text``, in order; the document prints the name one or more times."""
    found = "".join(character for character in text if character in LETTERS)
    copies = len(found) // len(LONG_WORD)
    assert copies >= 1 and found == LONG_WORD * copies, (len(found), found[:40])
    return found


def test_a_32767_character_word_renders_whole_in_the_pdf(tmp_path: Path) -> None:
    pdf = pianodocs.render(_with_long_indicator_name(), "piano-performance", tmp_path / "piano.pdf")
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    _word_in(text)
    assert "Numero di imprese assistite" in text  # the rest of the document is there too


def test_a_32767_character_word_is_whole_in_the_docx(tmp_path: Path) -> None:
    docx = pianodocs.render(_with_long_indicator_name(), "piano-performance", tmp_path / "piano.docx")
    text = docx_text(docx)
    assert ZERO_WIDTH_SPACE in text  # Word and LibreOffice get the same break opportunities as the PDF
    _word_in(text.replace(ZERO_WIDTH_SPACE, ""))


# --- size limits -----------------------------------------------------------------------------------------------------


def _refused(tmp_path: Path, data: dict[str, object], load_limits: LoadLimits = limits.DEFAULT_LIMITS) -> list[Problem]:
    path = tmp_path / "oltre.xlsx"
    save_workbook(build_workbook(data, years=[2024, 2025, 2026], with_help=False), path)
    with pytest.raises(ValidationError) as refused:
        pianodocs.load_workbook(path, limits=load_limits)
    return list(refused.value.errors)


def test_an_indicatori_sheet_one_row_over_its_limit_is_refused_where_the_row_is(tmp_path: Path) -> None:
    """A workbook of 5.001 indicators takes 18 s to write and read: a limit of 3 is passed instead (rows: 10)."""
    rows = [{"Codice": f"I{n}", "Indicatore": "Indicatore"} for n in range(4)]
    problems = _refused(tmp_path, {"Indicatori": rows}, LoadLimits(rows=10, indicators=3))
    over = [problem for problem in problems if "il limite è" in problem.message]
    assert [(problem.sheet, problem.cell) for problem in over] == [("Indicatori", "A5")]
    assert over[0].message == (
        "Il foglio Indicatori ha 4 righe: il limite è 3 (oltre, un documento richiederebbe troppa memoria e troppo "
        "tempo). Togliere le righe non necessarie o dividere il piano in più workbook."
    )


def test_a_sheet_at_the_limit_is_not_refused_for_its_rows(tmp_path: Path) -> None:
    rows = [{"Indicatore": f"I{n}", "Data": "30/06/2024", "Valore": n} for n in range(3)]
    path = tmp_path / "al-limite.xlsx"
    save_workbook(build_workbook({"Misurazioni": rows}, with_help=False), path)
    with pytest.raises(ValidationError) as refused:  # refused for the missing sheets, not for its size
        pianodocs.load_workbook(path, limits=LoadLimits(rows=3))
    assert not [problem for problem in refused.value.errors if "il limite è" in problem.message]


def test_any_table_sheet_over_the_row_limit_is_refused(tmp_path: Path) -> None:
    rows = [{"Indicatore": f"I{n}", "Data": "30/06/2024", "Valore": n} for n in range(4)]
    problems = _refused(tmp_path, {"Misurazioni": rows}, LoadLimits(rows=3, indicators=10))
    over = [problem for problem in problems if "il limite è" in problem.message]
    assert [(problem.sheet, problem.cell, problem.message.split(" (")[0]) for problem in over] == [
        ("Misurazioni", "A5", "Il foglio Misurazioni ha 4 righe: il limite è 3")
    ]


def test_a_cell_over_the_text_limit_is_refused_with_its_cell(tmp_path: Path) -> None:
    """openpyxl cuts what it writes at Excel's own 32,767 characters (the default): a smaller limit is passed."""
    texts = [
        {"Sezione": "1", "Tipo": "paragrafo", "Contenuto": "t" * 100},
        {"Sezione": "1", "Tipo": "paragrafo", "Contenuto": "t" * 101},
    ]
    problems = _refused(tmp_path, {"Testi": texts}, LoadLimits(text_characters=100))
    over = [problem for problem in problems if "caratteri" in problem.message]
    assert [(problem.sheet, problem.cell) for problem in over] == [("Testi", "C3")]
    assert over[0].message == "La cella della colonna 'Contenuto' contiene 101 caratteri: il limite è 100. Accorciare il testo."


def test_a_workbook_over_the_real_total_text_limit_is_refused(tmp_path: Path) -> None:
    cells = limits.MAX_TOTAL_TEXT_CHARACTERS // limits.MAX_TEXT_CHARACTERS + 1
    letters = random.Random(11)  # text that does not compress: a repeated letter would be refused as a zip bomb
    texts = [
        {
            "Sezione": "1",
            "Tipo": "paragrafo",
            "Contenuto": "".join(letters.choices(string.ascii_letters, k=limits.MAX_TEXT_CHARACTERS)),
        }
        for _ in range(cells)
    ]
    problems = _refused(tmp_path, {"Testi": texts})
    over = [problem for problem in problems if "caratteri di testo" in problem.message]
    assert len(over) == 1 and over[0].sheet is None
    assert f"il limite è {limits.italian_number(limits.MAX_TOTAL_TEXT_CHARACTERS)}" in over[0].message


def test_the_defaults_are_the_limits_docs_limiti_states() -> None:
    """Every row of the table in docs/limiti.md names a constant of pianodocs.limits and its value."""
    table = (ROOT / "docs" / "limiti.md").read_text(encoding="utf-8")
    stated = {name: value for name, value in re.findall(r"^\| `(\w+)` \| ([\d.]+)", table, re.MULTILINE)}
    constants = {name: value for name, value in vars(limits).items() if name.isupper() and isinstance(value, int)}
    assert set(stated) == set(constants)
    assert {name: int(value.replace(".", "")) for name, value in stated.items()} == constants
    assert (
        LoadLimits()
        == limits.DEFAULT_LIMITS
        == LoadLimits(limits.MAX_ROWS, limits.MAX_INDICATORS, limits.MAX_TEXT_CHARACTERS, limits.MAX_TOTAL_TEXT_CHARACTERS)
    )


def test_validate_help_states_the_limits() -> None:
    shown = subprocess.run(
        [sys.executable, "-m", "pianodocs", "validate", "--help"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(shown.split())
    assert f"{limits.italian_number(limits.MAX_INDICATORS)} indicatori" in flat
    assert f"{limits.italian_number(limits.MAX_TOTAL_TEXT_CHARACTERS)} caratteri di testo" in flat
    assert "docs/limiti.md" in flat
