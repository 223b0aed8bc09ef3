"""The theme (templates/tema.toml): the one place of the documents' colours, followed by the PDF, the DOCX and the map.

A template folder whose ``tema.toml`` changes the header cells' colour gets PDF
header cells drawn in that colour (read from the pixels of the rendered page)
and DOCX header cells filled with it; a bad theme stops the render with a
message naming the file and the key, before anything is written.
"""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

import pianodocs
from pianodocs import cli
from pianodocs.backends.docx import write_docx
from pianodocs.backends.pdf import write_pdf
from pianodocs.documents.strategic_map import strategic_map_svg
from pianodocs.templating import default_templates
from pianodocs.theme import ThemeError, default_theme, load_theme, using_theme
from pianodocs.view.model import Cell, CellStyle, Document, Paragraph, Row, Table
from pianodocs.view.richtext import plain

from .conftest import SAMPLES

SOURCE = Path(__file__).resolve().parent.parent / "src" / "pianodocs"
HEX_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b")
NEW_HEADER = "#12ab34"  # a colour pianodocs' theme uses nowhere


def _table_document() -> Document:
    header = Row(
        (
            Cell(plain("Intestazione della colonna"), style=CellStyle.HEADER),
            Cell(plain("Seconda colonna"), style=CellStyle.HEADER),
        )
    )
    body = (Row((Cell(plain("uno")), Cell(plain("due")))),)
    return Document("Prova del tema", "pianodocs", "", None, (Paragraph(plain("Una tabella:")), Table((header,), body, (50, 50))))


def _theme_folder(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "tema.toml").write_text(text, encoding="utf-8")
    return folder


def _pixels(pdf: Path, folder: Path) -> set[tuple[int, int, int]]:
    """The colours of the first page's pixels, drawn by pdftoppm (anti-aliasing off, so fills keep their colour)."""
    subprocess.run(
        ["pdftoppm", "-r", "40", "-f", "1", "-l", "1", "-aa", "no", "-aaVector", "no", str(pdf), str(folder / "pagina")],
        check=True,
    )
    data = next(folder.glob("pagina*.ppm")).read_bytes()
    # a binary PPM: "P6", width, height, maximum, then RGB bytes
    header = data.split(maxsplit=4)
    pixels = header[4]
    return {(pixels[i], pixels[i + 1], pixels[i + 2]) for i in range(0, len(pixels), 3)}


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def test_no_colour_literal_in_python() -> None:
    found = [
        f"{path.relative_to(SOURCE)}:{number}: {line.strip()}"
        for path in sorted(SOURCE.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if HEX_COLOUR.search(line)
    ]
    assert found == []


def test_no_colour_literal_in_the_stylesheet() -> None:
    css = (default_templates() / "css" / "pianodocs.css").read_text(encoding="utf-8")
    assert HEX_COLOUR.findall(css) == []
    assert "var(--celle-intestazione-sfondo)" in css and "var(--testo-titoli)" in css


def test_every_colour_of_the_stylesheet_is_in_the_theme() -> None:
    css = (default_templates() / "css" / "pianodocs.css").read_text(encoding="utf-8")
    properties = {f"--{key.replace('.', '-')}" for key in default_theme().colours}
    used = set(re.findall(r"var\((--[a-z-]+)\)", css))
    assert used and used <= properties


def test_the_pdf_header_cells_take_the_theme_colour(tmp_path: Path) -> None:
    folder = _theme_folder(tmp_path / "modelli", f'[celle.intestazione]\nsfondo = "{NEW_HEADER}"\n')
    themed, plain_pdf = tmp_path / "tema.pdf", tmp_path / "normale.pdf"
    write_pdf(_table_document(), themed, template_dir=folder)
    write_pdf(_table_document(), plain_pdf)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    themed_pixels, plain_pixels = _pixels(themed, tmp_path / "a"), _pixels(plain_pdf, tmp_path / "b")
    assert _rgb(NEW_HEADER) in themed_pixels
    assert _rgb(default_theme().colour("celle.intestazione.sfondo")) in plain_pixels
    assert _rgb(NEW_HEADER) not in plain_pixels


def test_the_docx_header_cells_take_the_theme_colour(tmp_path: Path) -> None:
    folder = _theme_folder(
        tmp_path / "modelli", f'[celle.intestazione]\nsfondo = "{NEW_HEADER}"\ntesto = "#fedcba"\n[testo]\ntitoli = "#123456"\n'
    )
    themed, plain_docx = tmp_path / "tema.docx", tmp_path / "normale.docx"
    write_docx(_table_document(), themed, template_dir=folder, paginate=False)
    write_docx(_table_document(), plain_docx, paginate=False)

    def header_look(path: Path) -> tuple[str, str]:
        word = docx.Document(str(path))
        cell = word.tables[0].rows[0].cells[0]
        fill = cell._tc.tcPr.find(qn("w:shd")).get(qn("w:fill"))
        return fill, str(cell.paragraphs[0].style.font.color.rgb)

    assert header_look(themed) == ("12AB34", "FEDCBA")
    assert header_look(plain_docx) == ("1F3864", "FFFFFF")
    word = docx.Document(str(themed))
    assert str(word.styles["Heading 1"].font.color.rgb) == "123456"
    assert str(word.styles["Nota"].font.color.rgb) == "444444"  # a key the user's theme does not set stays


def test_the_docx_table_borders_take_the_theme_colour(tmp_path: Path) -> None:
    folder = _theme_folder(tmp_path / "modelli", '[tabelle]\nbordi = "#a1b2c3"\n')
    themed, plain_docx = tmp_path / "tema.docx", tmp_path / "normale.docx"
    write_docx(_table_document(), themed, template_dir=folder, paginate=False)
    write_docx(_table_document(), plain_docx, paginate=False)

    def border_colours(path: Path) -> set[str]:
        borders = docx.Document(str(path)).styles["Tabella"].element.find(qn("w:tblPr")).find(qn("w:tblBorders"))
        return {side.get(qn("w:color")) for side in borders}

    assert border_colours(themed) == {"A1B2C3"}
    assert border_colours(plain_docx) == {"7F7F7F"}


def test_the_word_template_is_built_from_the_theme() -> None:
    """documento.docx was regenerated (build_template.py) after the last change of tema.toml."""
    theme = default_theme()
    word = docx.Document(str(default_templates() / "docx" / "documento.docx"))
    for style, colour in theme.word_colours().items():
        assert str(word.styles[style].font.color.rgb) == colour, style
    borders = word.styles["Tabella"].element.find(qn("w:tblPr")).find(qn("w:tblBorders"))
    assert {side.get(qn("w:color")) for side in borders} == {theme.colour("tabelle.bordi")[1:].upper()}


def test_the_strategic_map_takes_the_theme_colours(tmp_path: Path, pistoia: pianodocs.Plan) -> None:
    folder = _theme_folder(tmp_path / "modelli", '[mappa]\nobiettivo-cruscotto = "#abcdef"\nvisione-sfondo = "#fedcba"\n')
    with using_theme(load_theme(folder)):
        svg = strategic_map_svg(pistoia)
    fills = {rect.get("fill") for rect in ElementTree.fromstring(svg).iter("{http://www.w3.org/2000/svg}rect")}
    assert {"#abcdef", "#fedcba"} <= fills
    assert default_theme().colour("mappa.obiettivo-cruscotto") not in fills
    assert "#abcdef" not in strategic_map_svg(pistoia)  # outside the render, pianodocs' own theme


def test_the_view_model_built_with_a_users_folder_draws_in_its_theme(tmp_path: Path, pistoia: pianodocs.Plan) -> None:
    """The library's build_document, not only render, draws the map in the colours of the folder it is given."""
    from pianodocs.render import build_document
    from pianodocs.view.model import Figure

    folder = _theme_folder(tmp_path / "modelli", '[mappa]\nobiettivo-cruscotto = "#abcdef"\n')
    document = build_document(pistoia, "piano-performance", template_dir=folder)
    drawn = " ".join(block.svg for block in document.blocks if isinstance(block, Figure) and block.svg)
    assert "#abcdef" in drawn


def test_the_user_theme_reaches_a_whole_render(tmp_path: Path, pistoia: pianodocs.Plan) -> None:
    folder = _theme_folder(tmp_path / "modelli", f'[celle.intestazione]\nsfondo = "{NEW_HEADER}"\n')
    path = pianodocs.render(pistoia, "pira", tmp_path / "pira.docx", template_dir=folder)
    word = docx.Document(str(path))
    fills = {shading.get(qn("w:fill")) for shading in word.element.body.iter(qn("w:shd"))}
    assert "12AB34" in fills and "1F3864" not in fills


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '[celle.intestazione]\nsfondo = "blu"\n',
            "chiave 'celle.intestazione.sfondo': 'blu' non è un colore nella forma #rrggbb",
        ),
        ('[celle.intestazione]\nsfondo = "#1f386"\n', "chiave 'celle.intestazione.sfondo': '#1f386' non è un colore"),
        ("[testo]\ntitoli = 12\n", "chiave 'testo.titoli': il valore 12 non è un colore"),
        ('[celle.intestazion]\nsfondo = "#1f3864"\n', "chiave 'celle.intestazion.sfondo' sconosciuta"),
        ("[celle\nsfondo =", "non è un file TOML valido"),
    ],
)
def test_a_bad_theme_is_a_located_italian_error(tmp_path: Path, text: str, expected: str) -> None:
    folder = _theme_folder(tmp_path / "modelli", text)
    with pytest.raises(ThemeError) as raised:
        load_theme(folder)
    message = str(raised.value)
    assert f"File del tema {folder / 'tema.toml'}" in message and expected in message


def test_every_problem_of_a_theme_at_once(tmp_path: Path) -> None:
    folder = _theme_folder(tmp_path / "modelli", '[testo]\ntitoli = "rosso"\ncorpo = "#12345g"\n')
    with pytest.raises(ThemeError, match=r"(?s)testo\.titoli.*testo\.corpo"):
        load_theme(folder)


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_a_bad_theme_writes_nothing(tmp_path: Path, pistoia: pianodocs.Plan, suffix: str) -> None:
    folder = _theme_folder(tmp_path / "modelli", '[celle.intestazione]\nsfondo = "blu"\n')
    target = tmp_path / f"pira{suffix}"
    with pytest.raises(ThemeError, match=r"celle\.intestazione\.sfondo"):
        pianodocs.render(pistoia, "pira", target, template_dir=folder)
    assert list(tmp_path.iterdir()) == [folder]


def test_render_all_with_a_bad_theme_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _theme_folder(tmp_path / "modelli", '[testo]\ntitoli = "blu"\n')
    output = tmp_path / "documenti"
    code = cli.main(["render", "all", str(SAMPLES / "cciaa_pistoia_2020_2022.xlsx"), "-o", str(output), "--modelli", str(folder)])
    errors = capsys.readouterr().err
    assert code != 0
    assert f"pianodocs: File del tema {folder / 'tema.toml'}:\n  chiave 'testo.titoli': 'blu' non è un colore" in errors
    assert "Traceback" not in errors
    assert not output.exists() or list(output.iterdir()) == []


def test_the_palette_example_of_the_docs_works(tmp_path: Path) -> None:
    docs = (SOURCE.parent.parent / "docs" / "templates.md").read_text(encoding="utf-8")
    example = re.search(r"```toml\n# miei-modelli/tema.toml\n(.*?)```", docs, re.DOTALL)
    assert example is not None
    theme = load_theme(_theme_folder(tmp_path / "miei-modelli", example.group(1)))
    assert theme.colour("celle.intestazione.sfondo") == theme.colour("testo.titoli") == "#0b5d3b"
    assert theme.overridden == {
        "testo.titoli",
        "celle.intestazione.sfondo",
        "celle.intestazione.testo",
        "celle.fascia.sfondo",
        "celle.fascia.testo",
    }
