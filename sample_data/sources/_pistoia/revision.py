"""CCIAA Pistoia: the mid-year revision of the Piano 2020-2022 (seed 000, annex to G.C. n. 63 of 09/09/2020).

000 reprints part of the cruscotto (B2, B3, line C, E) with two more columns, "30/06/2020" and
"Revisione 2020". Its text is OCR-garbled ("Orade/Con2", "Coirrogamento", "sistema centrale") and drops
empty cells, so values were aligned with the header Media cluster | 2018 | 2019 | Peso | 30/06/2020 |
Target 2020 | Revisione 2020 | Target 2021 | Target 2022 and with 002's values. Doubtful readings:
- E1, first two rows: the row has one cell fewer than the header; matching 2018/2019/targets with 002, the
  missing cell is Peso, so 0,20% and 30% are the 30/06 values and no weight change is recorded for them.
  The first row's targets then read: 2020 63% (revised 0,35%), 2021 0,43%, 2022 0,63%, so 2021 and 2022
  are revised too (002 prints 63% for all three years).
- E2 and the OCRI row print no "Revisione 2020": no revision. OCRI prints no 30/06 value: no measurement.
- The two extra rows under B.3.2 and the line C row print their figure in the "Target 2020" column
  (2 / 3, "in via di definizione" / 1, and 11,11): taken as 30/06 value and target 2020.
- 000 prints 3,34 as the 2019 value of the eliminated indicator (002: 3,54) and flags the FTE indicator
  PARETO (002: no flag); neither is recorded as a revision.
- 000 shows B.2.1 and B.2.2 "in sequenza" with weights summing across B2: 80% + 10% (+ 30% eliminated)
  + 10%. The weights are recorded as printed ("peso rivisto"); the schema cannot say that after the revision
  the weights are shared by the two operational objectives.
"""

from __future__ import annotations

ACT = "GC-63-2020"
DATE = "30/06/2020"

_B2_REVISION = (
    "REVISIONE - l'obiettivo viene fortemente ridimensionato e ancorato al solo utilizzo delle risorse allocate "
    "a seguito delle conseguenze della pandemia di Covid 19. Obiettivo focalizzato sul mantenimento dei servizi "
    "per l'internazionalizzazione tramite costanza di risorse dedicate anche in presenza di mobilità di "
    "personale assegnato"
)
_B22_SEQUENCE = "Obiettivo operativo evidenziato in sequenza con il precedente"
_FTE_NOTE = (
    "Nella seconda parte dell'anno le risorse umane sull'internazionalizzazione saranno fortemente ridotte "
    "(uscita di 2 unità - spostamento su linea credito di una unità) quindi il target non viene revisionato"
)
_ELIMINATED_NOTE = (
    "Indicatore eliminato. Non saranno emanati specifici bandi a seguito della pandemia Covid19 che ha "
    "fortemente ridimensionato il settore dell'export e l'organizzazione di mostre e fiere all'estero"
)
_E1_NOTE = (
    "Errore materiale nella forma di espressione del target (0,63%) e abbassamento dello stesso causa COVID19"
)
_LINE_C_NOTE = (
    "La linea strategica relativa al sostegno al credito alle imprese non era stata declinata su obiettivi di "
    "ente in considerazione della sensibile riduzione del peso della stessa a seguito della definizione delle "
    "nuove funzioni comunali. A seguito delle emergenze COVID19 è stato necessario finalizzare gli sforzi al "
    "sostegno finanziario delle imprese del territorio per agevolare la ripresa"
)
OCRI_NOTE = (
    "Differimento dell'entrata in vigore del Codice della crisi d'impresa e dell'insolvenza di cui al decreto "
    "legislativo 12 gennaio 2019, n. 14 al 1° settembre 2021 ad opera del D.L. 23/2020 convertito in L. 5 "
    "giugno 2020, n. 40"
)


def _measure(indicator: str, value: str, note: str = "") -> dict:
    row = {"Indicatore": indicator, "Data": DATE, "Valore": value}
    if note:
        row["Note"] = note
    return row


# Every 30/06/2020 value printed in 000.
MISURAZIONI = [
    _measure("IND-B21-1", "84%"),
    _measure("IND-B21-2", "7,30%"),
    _measure("IND-B21-3", "-"),
    _measure("IND-B22-1", "100%"),
    _measure("IND-B32-1", "660"),
    _measure("IND-B32-2", "35"),
    _measure("IND-B32-3", "4%"),
    _measure("IND-B32-4", "in itinere", "2 AZIONI SU 5 A TARGET"),
    _measure("IND-B32-5", "2"),
    _measure("IND-B32-6", "in via di definizione"),
    _measure("IND-E1-1", "0,20%"),
    _measure("IND-E1-2", "30%"),
    _measure("IND-E2-1", "-"),
]


def _revision(kind: str, element: str, year: int | None = None, previous: str = "", new: str = "",
              motivation: str = "", respread: str = "") -> dict:
    row = {"Tipo": kind, "Elemento": element, "Anno": year, "Valore precedente": previous,
           "Nuovo valore": new, "Atto": ACT, "Motivazione": motivation, "Ridistribuisci pesi": respread}
    return {key: value for key, value in row.items() if value not in ("", None)}


REVISIONI = [
    # B2
    _revision("peso rivisto", "IND-B21-1", previous="60%", new="80%", motivation=_B2_REVISION),
    _revision("target rivisto", "IND-B21-2", 2020, "2,80%", "2,80%", _FTE_NOTE),
    _revision("indicatore eliminato", "IND-B21-3", previous="30%", motivation=_ELIMINATED_NOTE, respread="si"),
    _revision("peso rivisto", "IND-B22-1", previous="100%", new="10%", motivation=_B22_SEQUENCE),
    # B3
    _revision("target rivisto", "IND-B32-1", 2020, "2.000", "700"),
    _revision("target rivisto", "IND-B32-2", 2020, "100", "40"),
    _revision("indicatore inserito", "IND-B32-5", 2020, new="3"),
    _revision("indicatore inserito", "IND-B32-6", 2020, new="1"),
    # line C: the objective enters the cruscotto di ente, with one indicator
    _revision("obiettivo inserito", "C", motivation=_LINE_C_NOTE),
    _revision("indicatore inserito", "IND-C-1", 2020, new="11,11"),
    # E1
    _revision("target rivisto", "IND-E1-1", 2020, "63%", "0,35%", _E1_NOTE),
    _revision("target rivisto", "IND-E1-1", 2021, "63%", "0,43%", _E1_NOTE),
    _revision("target rivisto", "IND-E1-1", 2022, "63%", "0,63%", _E1_NOTE),
]

# Rows 000 adds that 002 does not have. A row whose code already exists replaces it: objective C (from
# 3.3, not in the cruscotto) enters the cruscotto di ente.
EXTRA_OBJECTIVES = {
    "Obiettivi strategici": [
        {"Codice": "C", "Linea": "C", "Denominazione": "Facilitare e sostenere l'accesso al credito delle imprese",
         "Nel cruscotto": "si"},
    ],
    "Obiettivi operativi": [],
}

_B32_EXTRA = {"Obiettivo": "B.3.2", "Cruscotto": "ente"}

EXTRA_INDICATORS = [
    # no name, flag, weight, unit or source printed: the text (in the ALGORITMO column) is the name
    {"Codice": "IND-B32-5", **_B32_EXTRA,
     "Indicatore": "N. azioni di supporto alla ricerca di risorse umane con competenze strategiche, azioni di "
     "formazione e certificazione delle competenze per il rilancio produttivo",
     "Target 2020": "3"},
    {"Codice": "IND-B32-6", **_B32_EXTRA,
     "Indicatore": "N. bandi per contributi, voucher, servizi reali erogati alle imprese nell'ambito delle azioni "
     "programmate",
     "Target 2020": "1"},
    {"Codice": "IND-C-1", "Obiettivo": "C", "Cruscotto": "ente",
     "Indicatore": "Grado di distribuzione dei contributi diretti a favore delle imprese previa emanazione di "
     "specifici bandi",
     "Algoritmo": "Numero di imprese beneficiarie di bandi sul credito/1000/numero imprese attive al 31/12/2020",
     "Peso": "100%", "Target 2020": "11,11", "Tipologia": "Indicatore di risultato",
     "Unità di misura": "Percentuale", "Fonte": "BSC - rilevazione interna"},
]

# Field changes to rows that exist: sheet -> code -> {column: value}.
UPDATES = {
    # line C is now declined into an objective of the cruscotto (the 000 text is the revision's motivation)
    "Linee strategiche": {"C": {"Nota non declinata": ""}},
    # 000's footnote, on the OCRI row
    "Indicatori": {"IND-E1-3": {"Note": OCRI_NOTE}},
}
