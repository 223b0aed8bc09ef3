"""A small document that uses every kind of block: the backends' test bench.

It holds what the real documents need (a wide landscape table of more than one
page with bands, spans, a yellow row and totals; a figure; a table of contents;
markup in text; text that looks like markup or template code, which must print
literally) without depending on any workbook.
"""

from __future__ import annotations

from ..theme import default_theme
from .model import (
    Align,
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
from .richtext import plain, runs

HOSTILE_TEXT = '<img src="file:///etc/passwd"> {{ 7*7 }} {% include "x" %} ]]> & € àèìòù'

# a small strategic map in the theme's colours
_MAP, _INK, _REACHED, _MISSED, _LINE = (
    default_theme().colour(key)
    for key in (
        "mappa.obiettivo-cruscotto",
        "mappa.obiettivo-cruscotto-testo",
        "esiti.raggiunto",
        "esiti.non-raggiunto",
        "mappa.obiettivo-bordo",
    )
)
DEMO_SVG = f"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 200" width="400" height="200">
<rect x="10" y="10" width="380" height="40" fill="{_MAP}"/>
<text x="200" y="36" font-size="14" text-anchor="middle" fill="{_INK}">Vision dell'ente</text>
<rect x="20" y="90" width="160" height="50" fill="{_REACHED}"/>
<text x="100" y="120" font-size="12" text-anchor="middle" fill="{_INK}">B2 Internazionalizzazione</text>
<rect x="220" y="90" width="160" height="50" fill="{_MISSED}"/>
<text x="300" y="120" font-size="12" text-anchor="middle" fill="{_INK}">E Risoluzione controversie</text>
<line x1="200" y1="50" x2="100" y2="90" stroke="{_LINE}"/>
<line x1="200" y1="50" x2="300" y2="90" stroke="{_LINE}"/>
</svg>"""


def _cell(text: str, style: CellStyle = CellStyle.NORMAL, colspan: int = 1, align: Align = Align.LEFT) -> Cell:
    return Cell(plain(text), colspan=colspan, style=style, align=align)


def demo_wide_table(rows: int = 60) -> Table:
    headers = (
        "Flag",
        "Indicatore",
        "Codice",
        "Algoritmo",
        "Media cluster",
        "2018",
        "2019",
        "Peso",
        "Target 2020",
        "Target 2021",
        "Target 2022",
        "Tipologia",
        "Unità",
        "Fonte",
    )
    header = Row(tuple(_cell(text, CellStyle.HEADER, align=Align.CENTER) for text in headers))
    body: list[Row] = []
    for number in range(1, rows + 1):
        if number % 20 == 1:
            body.append(
                Row(
                    (
                        _cell("A", CellStyle.BAND),
                        _cell("LINEA STRATEGICA DI MANDATO", CellStyle.BAND, 2),
                        _cell(f"LINEA {number // 20 + 1}", CellStyle.BAND, 11),
                    ),
                    keep_with_next=True,
                )
            )
        style = CellStyle.HIGHLIGHT if number % 7 == 0 else CellStyle.NORMAL
        values = (
            "PROG.INTEGR.FONDO" if style is CellStyle.HIGHLIGHT else "PIRA",
            f"Indicatore dimostrativo numero {number}",
            "B.2.1",
            "Risorse prenotate/Risorse stanziate",
            "97,97%",
            "95,00%",
            "2.280",
            "10%",
            ">=80%",
            "entro il 31/12/2021",
            "€ 28.063,95",
            "Indicatore di efficacia",
            "Percentuale",
            "Oracle/Con2",
        )
        body.append(
            Row(
                tuple(
                    _cell(value, style, align=Align.RIGHT if 4 <= index <= 10 else Align.LEFT)
                    for index, value in enumerate(values)
                )
            )
        )
    body.append(
        Row(
            (
                _cell("TOTALE", CellStyle.TOTAL, 7),
                _cell("100%", CellStyle.TOTAL, align=Align.RIGHT),
                _cell("", CellStyle.TOTAL, 6),
            )
        )
    )
    widths = (7, 14, 5, 16, 6, 5, 5, 4, 6, 6, 6, 8, 6, 6)
    return Table((header,), tuple(body), widths, caption="Cruscotto dimostrativo", landscape=True, size="small", name="demo")


def demo_document() -> Document:
    small = Table(
        (Row((_cell("NUMERO", CellStyle.HEADER, align=Align.CENTER), _cell("CATEGORIA giuridica", CellStyle.HEADER))),),
        (
            Row((_cell("11", align=Align.RIGHT), _cell("D"))),
            Row((_cell("25", align=Align.RIGHT), _cell("C"))),
            Row((_cell("4", align=Align.RIGHT), _cell("B"))),
            Row((_cell("40", CellStyle.TOTAL, align=Align.RIGHT), _cell("Totale", CellStyle.TOTAL))),
        ),
        (30, 70),
        name="personale",
    )
    return Document(
        title="Piano della Performance 2020-2022",
        author="Camera di Commercio di Esempio",
        subject="Documento dimostrativo di pianodocs",
        cover=Cover("Camera di Commercio di Esempio", "PIANO DELLA PERFORMANCE", "2020-2022"),
        blocks=(
            TableOfContents(),
            PageBreak(),
            Heading("PREMESSA", 1, "premessa"),
            Paragraph(
                runs(
                    "Il Piano della performance, in attuazione del **decreto legislativo** n. 150/2009, è *pubblicato* sul [sito](https://www.example.it)."
                )
            ),
            Paragraph(plain(HOSTILE_TEXT)),
            BulletList((runs("semplificazione e trasparenza;"), runs("tutela e **legalità**;"), runs("digitalizzazione."))),
            Heading("PRESENTAZIONE DELLA CCIAA", 1, "cap-1", number="1."),
            Heading("Organizzazione e personale", 2, "sez-1-2", number="1.2"),
            Paragraph(runs("L'organico è costituito da **40** dipendenti:")),
            small,
            Paragraph(plain("N.B.: dati al 31/12/2019."), style="note"),
            Heading("Albero della performance", 2, "sez-3-1", number="3.1"),
            Figure(
                DEMO_SVG,
                alt="Mappa strategica: la vision in alto, due obiettivi strategici, uno raggiunto (verde) e uno no (rosso).",
                caption="Mappa strategica",
            ),
            Heading("Pianificazione triennale", 2, "sez-3-2", number="3.2"),
            demo_wide_table(),
            Heading("Analisi di genere", 2, "sez-3-4", number="3.4"),
            Paragraph(runs("Testo dopo la tabella orizzontale, di nuovo su pagina verticale.")),
        ),
    )
