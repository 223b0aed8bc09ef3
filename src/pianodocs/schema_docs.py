"""Write the workbook format's documentation (docs/workbook.md) from :mod:`pianodocs.schema`.

The page is generated, never edited by hand, so the documentation cannot drift
from what the loader reads; a test compares the committed page with this output.
"""

from __future__ import annotations

from .schema import SHEETS, Column, ColumnType, Sheet
from .values import EMPTY_MARKS, NO_TARGET_PHRASES

_INTRO = """\
# Il formato del workbook di pianificazione

<!-- Pagina generata da `python scripts/schema_docs.py` a partire da src/pianodocs/schema.py: non modificarla a mano. -->

Un workbook Excel (.xlsx) per piano. Ogni foglio ha le intestazioni nella riga 1 e un record per riga;
i fogli **Ente** e **Piano** hanno invece due colonne, *Campo* e *Valore*, un campo per riga.
L'ordine delle colonne è libero: pianodocs le riconosce dal nome. Le colonne segnate "per anno" si ripetono
con l'anno nell'intestazione (`Target 2020`, `Target 2021`, `Storico 2019`...).

`pianodocs init NUOVO.xlsx` crea un workbook con tutti i fogli, l'aiuto di ogni colonna come commento
dell'intestazione, gli elenchi a discesa e un piccolo esempio coerente da sostituire. Ogni colonna ha il formato
del suo tipo (testo per codici, target e valori, percentuale per i pesi, data, numero per gli importi), così Excel
conserva quello che si scrive: `011`, `=1`, `>=80%` restano testo. Le colonne `Target AAAA` sono quelle degli anni
del piano.
`pianodocs validate WORKBOOK.xlsx` elenca tutti i problemi, ciascuno con foglio e cella.

## Come si scrivono valori e target

I valori si scrivono come nel documento e vengono conservati così come sono scritti, oltre che interpretati:

| scritto | interpretato come |
|---|---|
| `97,97%` | percentuale 0,9797 |
| `2.280` | numero 2280 (il punto separa le migliaia) |
| `-15,61` | numero -15,61 |
| `4 su 8` | numero 4 su 8 |
| `09/10/2019` | data |
| `si`, `no`, `realizzato` | si/no |
| `in itinere`, `nd`, `-` | testo / nessun valore |

I target accettano queste forme:

| scritto | significato |
|---|---|
| `90%`, `2.000`, `7` | livello da raggiungere (più alto è meglio, salvo Verso = decrescente) |
| `>=80%`, `>= 9`, `>1`, `<20%`, `=3,5`, `ITP <-10` | confronto con una soglia |
| `X<X-1`, `> anno precedente` | rispetto al valore dell'anno precedente |
| `> media cluster` | rispetto alla media del cluster |
| `31/12/2020`, `entro il 31/12/2021` | scadenza |
| `si`, `realizzazione` | si/no |
| `entro data accorpamento` (qualunque altro testo) | testo libero: il raggiungimento si indica a mano |
| {no_target}, vuoto | nessun target per quell'anno (l'elenco è completo: ogni altra frase è testo libero) |

Ogni cella si legge come la mostra Excel, anche se Excel l'ha convertita: `40%` (conservato come 0,4 in formato
percentuale) resta `40%` in ogni colonna, anche di testo; una data resta `gg/mm/aaaa`; un numero in formato `0,00`
conserva i decimali (`0,50`); le cifre scritte oltre quelle che il formato mostra non si perdono (`33,3%` in
formato `0%`). Un codice di missione o programma scritto senza apostrofo (`011` diventa il numero 11) riprende le
sue tre cifre, con un avviso. Un target `=1` scritto senza apostrofo (anche come valore di una revisione), che
Excel legge come formula, vale come il testo `=1`, con un avviso; in un target ogni altra formula vale per il suo
valore calcolato, con un avviso. Un
target o un valore quasi numerico che non si riesce a leggere come numero (`50%*`, `>=8O%` con la lettera O,
`90 %%`) viene segnalato e resta testo.

I pesi degli indicatori di un obiettivo sommano a 100%, con una tolleranza di arrotondamento di 1 punto
percentuale (3 × `33,3%` = 99,9%: avviso; oltre: errore); vedi [il calcolo](scoring.md). Le colonne `Target AAAA`
di anni fuori dal periodo del piano e `Storico AAAA` di anni successivi non vengono lette: se compilate, un avviso
le indica.

Nel testo formattato: `**grassetto**`, `*corsivo*`, `[testo](https://indirizzo)`; nelle celle con più voci, una voce per riga.
"""


def _column_row(column: Column) -> str:
    kind = column.type.value + (" (per anno)" if column.per_year else "")
    required = "sì" if column.required else ""
    notes = column.help
    if column.choices:
        label = "valori ammessi" if column.type is ColumnType.CHOICE else "valori consigliati"
        notes += f"; {label}: " + ", ".join(f"`{choice}`" for choice in column.choices)
    if column.digits:
        notes += (
            f"; un numero scritto senza gli zeri iniziali (es. 11) si legge con le sue {column.digits} cifre (011), con un avviso"
        )
    example = f"`{column.example}`" if column.example else ""
    name = f"{column.name} AAAA" if column.per_year else column.name
    return f"| {name} | {kind} | {required} | {notes} | {example} |"


def _sheet_section(sheet: Sheet) -> str:
    required = " (obbligatorio)" if sheet.required else ""
    header = (
        "| Campo | Tipo | Obbligatorio | Descrizione | Esempio |"
        if sheet.is_fields
        else "| Colonna | Tipo | Obbligatoria | Descrizione | Esempio |"
    )
    lines = [f"## {sheet.name}{required}", "", sheet.help, "", header, "|---|---|---|---|---|"]
    lines.extend(_column_row(column) for column in sheet.columns)
    return "\n".join(lines)


def schema_markdown() -> str:
    """The whole documentation page, in Markdown."""
    index = "\n".join(f"- [{sheet.name}](#{sheet.name.lower().replace(' ', '-')})" for sheet in SHEETS)
    sections = "\n\n".join(_sheet_section(sheet) for sheet in SHEETS)
    no_target = ", ".join(f"`{mark}`" for mark in (*EMPTY_MARKS, *NO_TARGET_PHRASES))
    intro = _INTRO.replace("{no_target}", no_target)
    return f"{intro}\n## I fogli\n\n{index}\n\n{sections}\n"
