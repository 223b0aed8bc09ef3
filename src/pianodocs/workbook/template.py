"""The blank workbook of ``pianodocs init``: every sheet, with help, drop-down lists and one coherent example.

The example rows form a tiny plan that validates (one perspective, line,
strategic and operational objective, indicator), so staff see how the sheets
refer to each other and can overwrite the rows with their own.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from .writer import SheetRows, build_workbook, save_workbook


def example_data(first_year: int, last_year: int) -> dict[str, SheetRows]:
    years = range(first_year, last_year + 1)
    return {
        "Ente": {
            "Denominazione": "Camera di Commercio di Esempio",
            "Denominazione breve": "CCIAA di Esempio",
            "Indirizzo": "Via Roma 1, Esempio",
            "Segretario generale": "Nome Cognome",
        },
        "Piano": {
            "Tipo": "piano-performance",
            "Titolo": f"Piano della Performance {first_year}-{last_year}",
            "Primo anno": first_year,
            "Ultimo anno": last_year,
            "Anno di riferimento": first_year,
            "Soglia di raggiungimento": "80%",
        },
        "Atti": [
            {
                "Codice": f"GC-1-{first_year}",
                "Organo": "Giunta",
                "Numero": "1",
                "Data": f"31/01/{first_year}",
                "Oggetto": "Approvazione del Piano della Performance",
            },
        ],
        "Strutture": [{"Codice": "ASE", "Denominazione": "Area Sviluppo Economico", "Tipo": "area"}],
        "Prospettive": [{"Codice": "TEL", "Denominazione": "Tessuto economico locale"}],
        "Linee strategiche": [
            {
                "Codice": "B",
                "Denominazione": "SOSTEGNO ALLA COMPETITIVITA' DELLE IMPRESE",
                "Prospettiva": "TEL",
                "Benefici attesi": "Incrementare le imprese che esportano",
            },
        ],
        "Obiettivi strategici": [
            {"Codice": "B2", "Linea": "B", "Denominazione": "Favorire l'internazionalizzazione", "Nel cruscotto": "si"}
        ],
        "Obiettivi operativi": [
            {
                "Codice": "B.2.1",
                "Obiettivo strategico": "B2",
                "Denominazione": "Esplorazione di nuovi mercati",
                "Area": "ASE",
                "Nel cruscotto": "si",
                "Strutture coinvolte": "Servizio Promozione economica",
            },
        ],
        "Indicatori": [
            {
                "Codice": "IND-B21-1",
                "Obiettivo": "B.2.1",
                "Flag": "PIRA",
                "Indicatore": "Grado di utilizzo delle risorse dedicate all'internazionalizzazione",
                "Algoritmo": "Risorse prenotate/Risorse stanziate",
                "Peso": "100%",
                **{f"Target {year}": "90%" for year in years},
                "Tipologia": "Indicatore di efficacia della spesa",
                "Unità di misura": "Percentuale",
                "Fonte": "Oracle/Con2",
                "Missione": "016",
                "Programma": "005",
                "Cruscotto": "ente",
            }
        ],
        "Missioni": [
            {"Codice": "016", "Denominazione": "Commercio internazionale ed internazionalizzazione del sistema produttivo"}
        ],
        "Programmi": [
            {
                "Missione": "016",
                "Codice": "005",
                "Denominazione": "Sostegno all'internazionalizzazione delle imprese e promozione del made in Italy",
            }
        ],
    }


def write_blank_workbook(path: Path, first_year: int, last_year: int, data: Mapping[str, SheetRows] | None = None) -> None:
    """Write the blank workbook (with the example rows unless ``data`` is given) atomically to ``path``.

    Targets get a column for each year of the plan only, so the template never
    invites a target the plan does not read; history values get the two years
    before the plan as well, as the documents print them.
    """
    plan_years = list(range(first_year, last_year + 1))
    history_years = [first_year - 2, first_year - 1, *plan_years]
    span = f"{first_year}-{last_year}"
    notes = {
        "Target": f"Contano i target degli anni del piano ({span}: da Primo anno a Ultimo anno del foglio Piano); "
        "per un altro anno cambiare prima Primo anno o Ultimo anno, poi aggiungere la colonna 'Target AAAA'.",
        "Storico": f"I documenti stampano lo storico degli anni prima del piano ({first_year - 2} e {first_year - 1}); "
        "lo storico di un anno del piano serve ai target fissati rispetto all'anno precedente; "
        "quello degli anni dopo il piano non conta.",
    }
    for column in ("Assunzioni", "Cessazioni"):  # the PIAO's staffing plan (foglio Personale)
        notes[column] = f"Contano gli anni del piano ({span}); la colonna si ripete per ogni anno."
    rows = example_data(first_year, last_year) if data is None else data
    years = {"Storico": history_years, "Target": plan_years, "Assunzioni": plan_years, "Cessazioni": plan_years}
    workbook = build_workbook(rows, years=years, year_notes=notes)
    save_workbook(workbook, path)
