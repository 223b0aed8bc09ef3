"""The INVENTED chamber's PIAO 2025-2027 (Piano integrato di attività e organizzazione, DM 132/2022), in two variants.

Nothing here comes from a published document: the chamber of :mod:`sources.cciaa_valserena_2024_2026`, its
people, offices, risks, measures, staff and texts are invented for testing and demonstration, and both
workbooks say so (Piano: Illustrativo "si", Nota sui dati). The references to the law (d.lgs. 33/2013 articles in
the transparency map, DM 132/2022 in the sheets' help) are the real ones.

- ``cciaa_valserena_piao_2025_2027.xlsx``: the ordinary PIAO (Tipo piao, Variante ordinario) of the chamber with
  54 staff at 31/12/2024: the performance tree of the 2024-2026 Piano with targets for 2025-2027 (section 2.2,
  its revised weights applied and the eliminated indicator left out), three general public-value objectives
  with six specific ones, accessibility and simplification actions, eleven risks and thirteen measures, fifteen
  transparency obligations, lavoro agile, the staffing plan by the CCNL 2019-2021 areas, training, monitoring
  and three satisfaction surveys.
- ``cciaa_valserena_piao_2025_2027_semplificato.xlsx``: the simplified PIAO (art. 6) of the same chamber reduced
  to a small office of 38 staff, an illustration of the simplified form: scheda anagrafica, the risks of the
  areas of L. 190/2012 art. 1 c. 16 with their measures and the transparency map, section 3.

Typed as Excel stores it, like the 2024-2026 workbook, with that module's helpers: percentages as numbers with a
percent format, dates as dates, amounts as numbers with a money format, mission codes as the integers Excel keeps.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import openpyxl

from pianodocs.workbook.template import write_blank_workbook

from . import cciaa_valserena_2024_2026 as base
from .cciaa_valserena_2024_2026 import DATE_FORMAT, Typed, day, decimal, euro, pct

OUTPUT = "cciaa_valserena_piao_2025_2027.xlsx"
SIMPLIFIED_OUTPUT = "cciaa_valserena_piao_2025_2027_semplificato.xlsx"
FIRST_YEAR, LAST_YEAR = 2025, 2027
YEARS = (2025, 2026, 2027)
ADOPTION, BUDGET = "GV-9-2025", "CC-14-2024"

# fmt: off
ENTE = {
    **base.ENTE,
    "PEC": "cciaa.valserena@pec.example.org",
    "Telefono": "0999 123456 (numero inventato)",
}

NOTA = ("Ente, persone, luoghi, rischi, misure, personale e testi sono inventati per provare e mostrare pianodocs: "
        "non descrivono alcuna Camera di Commercio reale. I riferimenti normativi sono quelli veri.")

PIANO = {
    "Tipo": "piao",
    "Titolo": "Piano integrato di attività e organizzazione 2025-2027",
    "Primo anno": FIRST_YEAR,
    "Ultimo anno": LAST_YEAR,
    "Anno di riferimento": FIRST_YEAR,
    "Soglia di raggiungimento": pct(0.8),
    "Sottotitolo": "Camera di commercio inventata, per prove e dimostrazioni",
    "Vision": base.PIANO["Vision"],
    "Illustrativo": "si",
    "Nota sui dati": NOTA,
}

PIAO = {
    "Variante": "ordinario",
    "Atto di adozione": ADOPTION,
    "Bilancio di riferimento": BUDGET,
    "RPCT": "dott.ssa Ilaria Fontanive",
    "Imprese iscritte": Typed(17850, "#,##0"),
    "Data del personale": day("31/12/2024"),
}

ATTI = [
    {"Codice": BUDGET, "Organo": "Consiglio", "Numero": 14, "Data": day("16/12/2024"),
     "Oggetto": "Approvazione del preventivo economico 2025"},
    {"Codice": ADOPTION, "Organo": "Giunta", "Numero": 9, "Data": day("28/01/2025"),
     "Oggetto": "Adozione del Piano integrato di attività e organizzazione 2025-2027"},
]

# --- sottosezione 2.2: the tree of the 2024-2026 Piano, its September revision applied, targets for 2025-2027

WEIGHTS = {"V121-1": 0.5, "V121-2": 0.3, "V141-1": 0.6, "V141-2": 0.4}  # the revision of 2024, V141-3 re-spread
DROPPED = {"V141-3"}  # eliminated by the 2024 revision
TARGETS_2027 = {
    "V111-1": 1500, "V111-2": ">=88%", "V121-1": ">210", "V121-3": pct(0.95), "V131-1": pct(0.93),
    "V141-1": 90, "V141-2": "entro il 30/11/2027", "V311-1": ">=92%", "V311-2": "<3", "V312-2": pct(0.85),
    "V321-1": 380, "V331-1": pct(0.95), "V411-1": ">=30", "V411-2": pct(0.95), "V421-1": pct(1),
    "V511-1": pct(0.85), "V521-2": pct(0.97),
}
AMBITI = {
    "O121": "digitalizzazione", "O122": "digitalizzazione, semplificazione", "O133": "accessibilità",
    "O311": "semplificazione", "O312": "digitalizzazione", "O331": "digitalizzazione, semplificazione",
    "O412": "parità di genere", "O413": "parità di genere", "O421": "semplificazione",
}


def _indicator(row: dict) -> dict:
    """A 2024-2026 indicator for 2025-2027: its 2025 and 2026 targets, a 2027 one, the 2024 year-end value as history."""
    kept = {key: value for key, value in row.items() if not key.startswith("Target ")}
    kept["Target 2025"], kept["Target 2026"] = row["Target 2025"], row["Target 2026"]
    kept["Target 2027"] = TARGETS_2027.get(row["Codice"], row["Target 2026"])
    if row["Codice"] in WEIGHTS:
        kept["Peso"] = pct(WEIGHTS[row["Codice"]])
    year_end = base.MISURE.get(row["Codice"], (None, None))[1]
    if isinstance(year_end, int | float) or (isinstance(year_end, Typed) and year_end.number_format != DATE_FORMAT):
        kept["Storico 2024"] = year_end
    return kept


INDICATORI = [_indicator(row) for row in base.INDICATORI if row["Codice"] not in DROPPED]
OBIETTIVI_OPERATIVI = [{**row, "Ambiti PIAO": AMBITI[row["Codice"]]} if row["Codice"] in AMBITI else row
                       for row in base.OBIETTIVI_OPERATIVI]

# --- sottosezione 2.1: valore pubblico ---------------------------------------------------------------


def _value(code: str, name: str, level: str, parent: str, strategic: str, indicator: str, baseline: object,
           targets: tuple[object, object, object], source: str, **extra: object) -> dict:
    row = {"Codice": code, "Denominazione": name, "Livello": level, "Obiettivo generale": parent,
           "Obiettivi strategici": strategic, "Indicatore di impatto": indicator, "Baseline": baseline, "Fonte": source,
           **{f"Target {year}": target for year, target in zip(YEARS, targets, strict=True)}, **extra}
    return {key: value for key, value in row.items() if value != ""}


VALORE_PUBBLICO = [
    _value("VP1", "Imprese delle valli più competitive e aperte ai mercati", "generale", "", "S11, S12, S13",
           "Imprese attive delle valli che vendono all'estero", pct(0.062, "0.0%"), (">=6,4%", ">=6,7%", ">=7%"),
           "Registro delle imprese e dati doganali, elaborazione camerale", Risorse=euro(168900),
           Stakeholder="Imprese, associazioni di categoria, consorzi di filiera",
           Descrizione="Più imprese delle valli che innovano, si aggregano in filiera e arrivano sui mercati esteri."),
    _value("VP1.1", "Piccole imprese con servizi digitali attivi", "specifico", "VP1", "S12",
           "Imprese con identità digitale, firma e cassetto digitale attivi", pct(0.38), (">=42%", ">=46%", ">=50%"),
           "Registro delle imprese", Risorse=euro(72000), Stakeholder="Micro e piccole imprese, ordini professionali"),
    _value("VP1.2", "Filiere agroalimentari e artigiane più forti", "specifico", "VP1", "S11",
           "Imprese di filiera che usano il marchio collettivo delle valli", 0, (40, 80, 120),
           "Registro del marchio collettivo", Risorse=euro(70500), Stakeholder="Consorzi di filiera, produttori"),
    _value("VP2", "Un mercato più semplice, trasparente e leale", "generale", "", "S31, S32, S33",
           "Tempo medio di evasione delle pratiche del Registro delle imprese (giorni)", decimal(3.2), ("<3", "<3", "<2,5"),
           "Cruscotto del Registro delle imprese", Stakeholder="Imprese, professionisti, consumatori"),
    _value("VP2.1", "Procedimenti più semplici per le imprese", "specifico", "VP2", "S31, S33",
           "Procedimenti camerali gestiti interamente in digitale", pct(0.62), (">=75%", ">=85%", ">=95%"),
           "Catalogo dei procedimenti"),
    _value("VP2.2", "Controlli che tutelano consumatori e imprese", "specifico", "VP2", "S32",
           "Strumenti di misura verificati nell'anno", 372, (360, 370, 380), "Registro dei controlli metrici",
           Risorse=euro(9800)),
    _value("VP3", "Una Camera accessibile a tutte e a tutti, solida e sostenibile", "generale", "",
           "S41, S42, S51, S52", "Soddisfazione media degli utenti (scala da 1 a 5)", decimal(4.1), (">=4,2", ">=4,3", ">=4,3"),
           "Indagini di soddisfazione", Stakeholder="Utenti dei servizi, personale"),
    _value("VP3.1", "Servizi accessibili agli ultrasessantacinquenni e alle persone con disabilità", "specifico",
           "VP3", "S33, S42", "Servizi online che rispettano i requisiti di accessibilità", pct(0.55),
           (">=70%", ">=85%", pct(1)), "Verifica annuale del sito e dei servizi online",
           Stakeholder="Persone con disabilità e loro associazioni, ultrasessantacinquenni"),
    _value("VP3.2", "Equilibrio economico e pagamenti puntuali", "specifico", "VP3", "S51, S52",
           "Indicatore di tempestività dei pagamenti (giorni)", decimal(-12.4), ("<=-10", "<=-10", "<=-12"),
           "Piattaforma dei crediti commerciali"),
]


def _action(kind: str, code: str, name: str, objective: str, recipients: str, indicator: str, target: object,
            deadline: object, owner: str) -> dict:
    return {"Tipo": kind, "Codice": code, "Azione": name, "Obiettivo di valore pubblico": objective,
            "Destinatari": recipients, "Indicatore": indicator, "Target": target, "Scadenza": deadline,
            "Struttura": owner}


ACCESSIBILITA = [
    _action("accessibilità fisica", "AF1", "Rampa d'accesso e sportello ribassato nella sede di Borgo Valserena",
            "VP3.1", "persone con disabilità motoria, ultrasessantacinquenni", "Lavori conclusi e collaudati", "si",
            day("30/09/2025"), "AGR"),
    _action("accessibilità fisica", "AF2", "Sportello su appuntamento nei comuni di montagna, due giornate al mese",
            "VP3.1", "ultrasessantacinquenni e imprese delle aree interne", "Giornate di apertura nell'anno", ">=24",
            "2025", "SRI"),
    _action("accessibilità digitale", "AD1", "Verifica e correzione dell'accessibilità del sito istituzionale",
            "VP3.1", "persone con disabilità visiva, ultrasessantacinquenni", "Pagine del sito conformi ai requisiti",
            ">=90%", day("31/12/2025"), "SG"),
    _action("accessibilità digitale", "AD2", "Assistenza telefonica guidata per identità digitale e firma", "VP1.1",
            "titolari di impresa ultrasessantacinquenni", "Imprenditori assistiti nell'anno", ">=150",
            day("31/12/2025"), "SPI"),
    _action("semplificazione", "SE1", "Deposito dei bilanci con verifica automatica degli allegati", "VP2.1",
            "imprese e professionisti", "Pratiche respinte per allegati mancanti", "<5%", day("30/06/2026"), "SRI"),
    _action("semplificazione", "SE2", "Modulo unico online per le domande di contributo", "VP2.1", "imprese",
            "Domande presentate online", pct(1), day("31/12/2025"), "SPI"),
    _action("reingegnerizzazione", "RE1", "Procedimento sanzionatorio metrico in un fascicolo digitale, dal verbale "
            "all'ordinanza", "VP2.2", "imprese controllate, uffici", "Durata media del procedimento (giorni)", "<=90",
            day("31/12/2026"), "SMV"),
]

# --- sottosezione 2.3: rischi corruttivi e trasparenza --------------------------------------------------

_CONTRACTS = "Contratti pubblici"
_GRANTS = "Provvedimenti ampliativi con effetto economico diretto (contributi, sovvenzioni)"
_PERMITS = "Provvedimenti ampliativi privi di effetto economico diretto (autorizzazioni e concessioni)"
_STAFF_AREA = "Acquisizione e gestione del personale"
_CONTROLS = "Controlli, verifiche, ispezioni e sanzioni"


def _risk(code: str, area: str, process: str, event: str, owner: str, likelihood: str, impact: str,
          motivation: str, judgement: str = "") -> dict:
    row = {"Codice": code, "Area di rischio": area, "Processo": process, "Evento rischioso": event, "Struttura": owner,
           "Probabilità": likelihood, "Impatto": impact, "Giudizio": judgement, "Motivazione": motivation}
    return {key: value for key, value in row.items() if value}


RISCHI = [
    _risk("R01", _CONTRACTS, "Affidamento diretto di forniture e servizi",
          "Frazionamento dell'acquisto per restare sotto la soglia dell'affidamento diretto", "SCB", "medio", "alto",
          "Molti acquisti di piccolo importo dagli stessi fornitori locali."),
    _risk("R02", _CONTRACTS, "Esecuzione dei contratti", "Pagamento senza verifica della prestazione resa", "SCB",
          "basso", "medio", "Verifiche già documentate per i contratti maggiori."),
    _risk("R03", _GRANTS, "Bandi di contributo alle imprese", "Criteri del bando costruiti su misura per alcuni "
          "beneficiari", "SPI", "medio", "alto", "Bandi frequenti e rivolti a platee ristrette.", "alto"),
    _risk("R04", _GRANTS, "Liquidazione dei contributi", "Liquidazione senza controllo della rendicontazione", "SPI",
          "medio", "medio", "Rendicontazioni numerose, controllate a campione."),
    _risk("R05", _STAFF_AREA, "Concorsi e selezioni del personale", "Requisiti o prove calibrati per favorire un "
          "candidato", "SPO", "basso", "alto", "Poche selezioni l'anno, commissioni con componenti esterni."),
    _risk("R06", "Registro delle imprese e albi", "Iscrizioni e modifiche nel Registro delle imprese",
          "Evasione fuori dall'ordine cronologico a favore di alcuni utenti", "SRI", "medio", "basso",
          "Evasione in gran parte automatica."),
    _risk("R07", _PERMITS, "Iscrizione in ruoli ed elenchi abilitanti (agenti, mediatori)",
          "Iscrizione senza verifica dei requisiti", "SRI", "basso", "medio", "Verifiche d'ufficio sui requisiti."),
    _risk("R08", _CONTROLS, "Verifiche sugli strumenti di misura", "Omissione o alterazione degli esiti della "
          "verifica", "SMV", "medio", "alto", "Verifiche svolte spesso da un solo ispettore."),
    _risk("R09", _CONTROLS, "Sanzioni amministrative", "Archiviazione o riduzione della sanzione senza motivazione",
          "SMV", "basso", "alto", "Ordinanze firmate dal dirigente su istruttoria dell'ufficio."),
    _risk("R10", "Gestione delle entrate, delle spese e del patrimonio", "Riscossione del diritto annuale",
          "Sgravi o rimborsi non dovuti", "UDA", "basso", "medio", "Sgravi registrati nel gestionale nazionale."),
    _risk("R11", "Incarichi e nomine", "Incarichi di consulenza e collaborazione", "Incarico conferito senza "
          "procedura comparativa", "SG", "basso", "medio", "Pochi incarichi, di importo contenuto."),
]


def _measure(code: str, name: str, risks: str, scope: str, kind: str, owner: str, timing: object, indicator: str,
             target: object) -> dict:
    return {"Codice": code, "Misura": name, "Rischi": risks, "Ambito": scope, "Tipologia": kind,
            "Responsabile": owner, "Tempi": timing, "Indicatore": indicator, "Target": target}


MISURE_PREVENZIONE = [
    _measure("M01", "Pubblicazione tempestiva degli affidamenti in Amministrazione trasparente", "R01, R02", "generale",
             "trasparenza", "SCB", "per tutto il triennio", "Affidamenti pubblicati entro 30 giorni", ">=95%"),
    _measure("M02", "Rotazione degli operatori negli affidamenti diretti, verificata ogni semestre", "R01", "specifica",
             "controllo", "SCB", day("01/01/2025"), "Affidamenti allo stesso operatore nell'anno", "<=2"),
    _measure("M03", "Verifica di conformità firmata da due funzionari prima dei pagamenti oltre 5.000 euro", "R02",
             "specifica", "controllo", "SCB", "entro il 31/03/2025", "Pagamenti con verifica a doppia firma", pct(1)),
    _measure("M04", "Criteri dei bandi approvati dalla Giunta e pubblicati con il bando", "R03", "specifica",
             "regolamentazione", "SPI", "per ogni bando", "Bandi con i criteri pubblicati", pct(1)),
    _measure("M05", "Controllo a campione delle rendicontazioni dei contributi", "R04", "specifica", "controllo", "SPI",
             "semestrale", "Rendicontazioni controllate", ">=10%"),
    _measure("M06", "Dichiarazione di assenza di conflitti di interessi dei componenti delle commissioni", "R03, R05",
             "generale", "disciplina del conflitto di interessi", "SPO", "per ogni commissione",
             "Dichiarazioni acquisite prima dell'insediamento", pct(1)),
    _measure("M07", "Evasione in ordine cronologico con controllo mensile delle eccezioni", "R06", "specifica",
             "controllo", "SRI", "mensile", "Pratiche evase fuori ordine senza motivazione", "0"),
    _measure("M08", "Verifica a campione dei requisiti degli iscritti nei ruoli", "R07", "specifica", "controllo",
             "SRI", "annuale", "Posizioni verificate", ">=20%"),
    _measure("M09", "Rotazione degli ispettori metrici sulle zone del territorio", "R08", "specifica", "rotazione",
             "SMV", "annuale", "Ispettori assegnati a una zona diversa", pct(1)),
    _measure("M10", "Verbali di verifica redatti in contraddittorio e firmati da due ispettori", "R08, R09",
             "specifica", "controllo", "SMV", day("01/02/2025"), "Verbali a doppia firma", pct(1)),
    _measure("M11", "Formazione annuale su etica e prevenzione della corruzione per tutto il personale",
             "R01, R03, R05, R08", "generale", "formazione", "SPO", "entro il 30/11 di ogni anno", "Personale formato",
             ">=90%"),
    _measure("M12", "Aggiornamento del codice di comportamento dell'ente", "R05, R11", "generale",
             "definizione e promozione dell'etica", "SG", "entro il 30/06/2025", "Codice aggiornato e pubblicato", "si"),
    _measure("M13", "Doppia verifica degli sgravi e dei rimborsi del diritto annuale", "R10", "specifica", "controllo",
             "UDA", "trimestrale", "Sgravi verificati da un secondo funzionario", pct(1)),
]

_OBBLIGHI = [
    ("Disposizioni generali", "Piano integrato di attività e organizzazione", "d.lgs. 33/2013, art. 10", "SG", "annuale"),
    ("Organizzazione", "Titolari di incarichi politici, di amministrazione, di direzione o di governo",
     "d.lgs. 33/2013, art. 14", "SG", "tempestivo"),
    ("Organizzazione", "Articolazione degli uffici e organigramma", "d.lgs. 33/2013, art. 13", "SPO", "tempestivo"),
    ("Consulenti e collaboratori", "Incarichi di collaborazione o consulenza", "d.lgs. 33/2013, art. 15", "SG",
     "tempestivo"),
    ("Personale", "Dotazione organica e costo del personale", "d.lgs. 33/2013, art. 16", "SPO", "annuale"),
    ("Personale", "Tassi di assenza del personale", "d.lgs. 33/2013, art. 16", "SPO", "trimestrale"),
    ("Bandi di concorso", "Bandi di concorso e criteri di valutazione", "d.lgs. 33/2013, art. 19", "SPO", "tempestivo"),
    ("Performance", "Ammontare complessivo dei premi collegati alla performance", "d.lgs. 33/2013, art. 20", "SG",
     "tempestivo"),
    ("Enti controllati", "Società partecipate", "d.lgs. 33/2013, art. 22", "SCB", "annuale"),
    ("Attività e procedimenti", "Tipologie di procedimento", "d.lgs. 33/2013, art. 35", "SG", "tempestivo"),
    ("Bandi di gara e contratti", "Atti delle procedure di affidamento", "d.lgs. 33/2013, art. 37", "SCB",
     "tempestivo"),
    ("Sovvenzioni, contributi, sussidi, vantaggi economici", "Criteri e atti di concessione",
     "d.lgs. 33/2013, artt. 26-27", "SPI", "tempestivo"),
    ("Bilanci", "Bilancio preventivo e consuntivo", "d.lgs. 33/2013, art. 29", "SCB", "annuale"),
    ("Servizi erogati", "Carta dei servizi e standard di qualità", "d.lgs. 33/2013, art. 32", "SG", "tempestivo"),
    ("Pagamenti dell'amministrazione", "Indicatore di tempestività dei pagamenti", "d.lgs. 33/2013, art. 33", "SCB",
     "trimestrale"),
]
TRASPARENZA = [{"Sotto-sezione": section, "Obbligo": obligation, "Riferimento normativo": reference,
                "Struttura": owner, "Aggiornamento": frequency}
               for section, obligation, reference, owner, frequency in _OBBLIGHI]

# --- sezione 3: organizzazione e capitale umano ---------------------------------------------------------

LAVORO_AGILE = {
    "Strategia": "Il lavoro agile è un modo ordinario di organizzare le attività che si possono svolgere da remoto "
    "(istruttorie, controlli documentali, contabilità), su accordi individuali di un anno e per obiettivi.",
    "Continuità dei servizi": "Ogni ufficio con sportello garantisce ogni giorno la presenza prevista dal proprio "
    "calendario: il lavoro agile non riduce gli orari di apertura né i tempi di risposta agli utenti.",
    "Rotazione e prevalenza in presenza": "Al massimo otto giornate al mese di lavoro agile per persona, a rotazione "
    "nell'ufficio: ciascun dipendente lavora in presenza per la maggior parte delle giornate.",
    "Sicurezza dei dati": "Accesso da remoto solo con VPN e autenticazione a due fattori, documenti nel sistema di "
    "gestione documentale dell'ente, nessun dato salvato sui dispositivi personali.",
    "Smaltimento dell'arretrato": "Gli uffici con pratiche arretrate le smaltiscono entro il 30 giugno 2025 con un "
    "piano mensile verificato dal dirigente; finché restano arretrati non si concedono nuovi accordi.",
    "Dotazione tecnologica": "Un computer portatile dell'ente e il telefono su rete per ogni dipendente con accordo "
    "di lavoro agile.",
    "Obiettivi": "Accordi di lavoro agile per chi ne fa richiesta e svolge attività compatibili; indagine annuale sul "
    "benessere organizzativo.",
    "Dipendenti in lavoro agile": 21,
}

_CATEGORIES = ("Dirigenti", "Funzionari e Elevata qualificazione", "Istruttori", "Operatori esperti", "Operatori")


def _staff(rows: list[tuple[int, tuple[int, int, int], tuple[int, int, int]]]) -> list[dict]:
    """The staff of each category at 31/12/2024 with hires and leavers 2025-2027, and the typed total row."""
    table = []
    for category, (present, hires, leavers) in zip(_CATEGORIES, rows, strict=True):
        table.append({"Categoria": category, "In servizio": present, "Totale": "no",
                      **{f"Assunzioni {year}": n for year, n in zip(YEARS, hires, strict=True)},
                      **{f"Cessazioni {year}": n for year, n in zip(YEARS, leavers, strict=True)}})
    total: dict = {"Categoria": "Totale", "In servizio": sum(row[0] for row in rows), "Totale": "si"}
    for index, year in enumerate(YEARS):
        total[f"Assunzioni {year}"] = sum(row[1][index] for row in rows)
        total[f"Cessazioni {year}"] = sum(row[2][index] for row in rows)
    return [*table, total]


PERSONALE = _staff([
    (2, (0, 1, 0), (0, 1, 0)),
    (16, (2, 1, 1), (1, 1, 0)),
    (29, (2, 2, 1), (2, 1, 2)),
    (6, (0, 1, 0), (1, 0, 1)),
    (1, (0, 0, 0), (0, 0, 1)),
])  # 54 at 31/12/2024; hires 4, 5, 2; leavers 4, 3, 4

FORMAZIONE = [
    {"Tema": "Etica pubblica e prevenzione della corruzione", "Destinatari": "tutto il personale", "Anno": 2025,
     "Ore": 4, "Partecipanti": 54, "Modalità": "a distanza"},
    {"Tema": "Contratti pubblici dopo il nuovo codice", "Destinatari": "Servizio Contabilità e Bilancio, RUP",
     "Anno": 2025, "Ore": 16, "Partecipanti": 8, "Modalità": "mista"},
    {"Tema": "Accessibilità dei documenti e dei servizi digitali", "Destinatari": "redazione del sito, sportelli",
     "Anno": 2025, "Ore": 8, "Partecipanti": 12, "Modalità": "in presenza"},
    {"Tema": "Competenze digitali (syllabus)", "Destinatari": "tutto il personale", "Anno": 2025, "Ore": 24,
     "Partecipanti": 54, "Modalità": "a distanza"},
    {"Tema": "Metrologia legale: nuove norme sugli strumenti di misura", "Destinatari": "ispettori metrici",
     "Anno": 2026, "Ore": 12, "Partecipanti": 5, "Modalità": "in presenza"},
    {"Tema": "Benessere organizzativo e parità di genere", "Destinatari": "dirigenti e posizioni di elevata "
     "qualificazione", "Anno": 2026, "Ore": 6, "Partecipanti": 10, "Modalità": "in presenza"},
]

# --- sezione 4: monitoraggio --------------------------------------------------------------------------

MONITORAGGIO = [
    {"Sezione": "2.1 Valore pubblico", "Oggetto": "indicatori di impatto", "Modalità": "Rilevazione degli indicatori "
     "di impatto e confronto con la baseline", "Tempistica": "annuale", "Responsabile": "Segreteria generale"},
    {"Sezione": "2.2 Performance", "Oggetto": "obiettivi e indicatori", "Modalità": "Monitoraggio intermedio e "
     "Relazione sulla performance, validata dall'OIV", "Tempistica": "al 30/06 e al 31/12",
     "Responsabile": "Segreteria generale, OIV"},
    {"Sezione": "2.3 Rischi corruttivi e trasparenza", "Oggetto": "attuazione delle misure", "Modalità": "Verifica "
     "dell'attuazione delle misure e degli obblighi di pubblicazione", "Tempistica": "semestrale",
     "Responsabile": "RPCT"},
    {"Sezione": "3.2 Lavoro agile", "Oggetto": "accordi e servizi", "Modalità": "Verifica degli accordi e dei tempi "
     "di risposta agli utenti", "Tempistica": "annuale", "Responsabile": "Servizio Personale e Organizzazione"},
    {"Sezione": "3.3 Piano dei fabbisogni di personale", "Oggetto": "assunzioni e cessazioni", "Modalità": "Confronto "
     "tra assunzioni previste e realizzate", "Tempistica": "annuale", "Responsabile": "Servizio Personale e "
     "Organizzazione"},
]

INDAGINI = [
    {"Servizio": "Registro delle imprese", "Modalità": "questionario online dopo la pratica",
     "Destinatari": "imprese e professionisti", "Periodo": "ottobre-novembre", "Indicatore": "Giudizio medio",
     "Target": ">=4"},
    {"Servizio": "Contributi alle imprese", "Modalità": "questionario ai beneficiari dei bandi",
     "Destinatari": "imprese beneficiarie", "Periodo": "alla chiusura di ogni bando",
     "Indicatore": "Beneficiari soddisfatti", "Target": ">=80%"},
    {"Servizio": "Sportelli nei comuni di montagna", "Modalità": "scheda cartacea allo sportello",
     "Destinatari": "utenti degli sportelli", "Periodo": "tutto l'anno", "Indicatore": "Utenti soddisfatti",
     "Target": ">=85%"},
]
# the chamber's own words under some of the PIAO's sections (Sezioni with Documento piao, keyed as docs/piao.md says)
_SECTIONS = [
    ("valore-pubblico", "Valore pubblico"),
    ("rischi-corruttivi", "Rischi corruttivi e trasparenza"),
    ("lavoro-agile", "Lavoro agile"),
    ("fabbisogni-personale", "Piano triennale dei fabbisogni di personale"),
]
_TEXTS = [
    ("valore-pubblico", "Il valore pubblico che la Camera si propone nel triennio discende dal programma pluriennale "
     "del Consiglio: imprese delle valli più aperte ai mercati, un mercato più semplice e leale, un ente accessibile a "
     "tutte e a tutti. Ogni obiettivo ha un indicatore di impatto con la sua baseline al 2024."),
    ("rischi-corruttivi", "La mappatura dei processi è stata aggiornata nel 2024 con i responsabili degli uffici; per "
     "ogni processo a rischio il RPCT ha proposto misure con un indicatore e un target, verificati ogni semestre."),
    ("lavoro-agile", "Gli accordi di lavoro agile in essere al 31/12/2024 sono ventuno; il regolamento interno fissa "
     "le condizioni che seguono."),
    ("fabbisogni-personale", "Il piano tiene conto delle cessazioni già note al 31/12/2024 e delle facoltà "
     "assunzionali dell'ente; le assunzioni previste coprono soprattutto i servizi digitali e i controlli."),
]
SEZIONI = [{"Chiave": key, "Titolo": title, "Livello": 2, "Nel sommario": "si", "Documento": "piao"}
           for key, title in _SECTIONS]
TESTI = [{"Sezione": key, "Tipo": "paragrafo", "Contenuto": text} for key, text in _TEXTS]
# fmt: on

DATA: dict[str, object] = {
    "Ente": ENTE,
    "Piano": PIANO,
    "Atti": ATTI,
    "Organi": base.ORGANI,
    "Strutture": base.STRUTTURE,
    "Prospettive": base.PROSPETTIVE,
    "Linee strategiche": base.LINEE,
    "Obiettivi strategici": base.OBIETTIVI_STRATEGICI,
    "Obiettivi operativi": OBIETTIVI_OPERATIVI,
    "Indicatori": INDICATORI,
    "Missioni": base.MISSIONI,
    "Programmi": base.PROGRAMMI,
    "PIAO": PIAO,
    "Valore pubblico": VALORE_PUBBLICO,
    "Accessibilità e semplificazione": ACCESSIBILITA,
    "Rischi": RISCHI,
    "Misure di prevenzione": MISURE_PREVENZIONE,
    "Trasparenza": TRASPARENZA,
    "Lavoro agile": LAVORO_AGILE,
    "Personale": PERSONALE,
    "Formazione": FORMAZIONE,
    "Monitoraggio PIAO": MONITORAGGIO,
    "Indagini di soddisfazione": INDAGINI,
    "Sezioni": SEZIONI,
    "Testi": TESTI,
}

# --- the simplified PIAO: the same chamber as a small office --------------------------------------------

# the areas of L. 190/2012 art. 1 c. 16 the simplified PIAO maps (DM 132/2022 art. 6)
_SIMPLIFIED_AREAS = {_CONTRACTS, _GRANTS, _PERMITS, _STAFF_AREA}
_SIMPLIFIED_RISKS = [row for row in RISCHI if row["Area di rischio"] in _SIMPLIFIED_AREAS]
_KEPT = {row["Codice"] for row in _SIMPLIFIED_RISKS}


def _treating_kept(row: dict) -> dict | None:
    risks = [code.strip() for code in str(row["Rischi"]).split(",") if code.strip() in _KEPT]
    return {**row, "Rischi": ", ".join(risks)} if risks else None


SIMPLIFIED_DATA: dict[str, object] = {
    "Ente": ENTE,
    "Piano": {
        **PIANO,
        "Titolo": "Piano integrato di attività e organizzazione semplificato 2025-2027",
        "Nota sui dati": "Illustrazione del PIAO semplificato (DM 132/2022 art. 6): la stessa Camera inventata di "
        "Valserena e Monti Alti, ridotta per l'esempio a un piccolo ufficio con meno di 50 dipendenti. " + NOTA,
    },
    "Atti": ATTI,
    "Strutture": base.STRUTTURE,
    "PIAO": {**PIAO, "Variante": "semplificato", "Data del personale": "31/12/2024"},  # the date typed as text
    "Rischi": _SIMPLIFIED_RISKS,
    "Misure di prevenzione": [kept for row in MISURE_PREVENZIONE if (kept := _treating_kept(row))],
    "Trasparenza": TRASPARENZA,
    "Lavoro agile": {**LAVORO_AGILE, "Dipendenti in lavoro agile": "14"},  # a number typed as text
    "Personale": _staff([
        (1, (0, 0, 0), (0, 0, 0)),
        (11, (1, 1, 0), (1, 0, 1)),
        (21, (1, 1, 1), (1, 1, 1)),
        (5, (0, 1, 0), (1, 0, 0)),
        (0, (0, 0, 1), (0, 0, 0)),
    ]),  # 38 at 31/12/2024
    "Formazione": [{**row, "Partecipanti": min(int(row["Partecipanti"]), 38)} for row in FORMAZIONE[:4]],
    "Sezioni": [row for row in SEZIONI if row["Chiave"] in ("rischi-corruttivi", "lavoro-agile")],
    "Testi": [
        {"Sezione": "rischi-corruttivi", "Tipo": "paragrafo", "Contenuto": "Come ammesso per le amministrazioni con "
         "meno di 50 dipendenti, la mappatura riguarda i processi delle aree di rischio indicate dalla legge."},
        {"Sezione": "lavoro-agile", "Tipo": "paragrafo", "Contenuto": "Gli accordi di lavoro agile sono quattordici."},
    ],
}


def _write(target: Path, data: dict[str, object]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        blank = Path(folder) / "blank.xlsx"
        write_blank_workbook(blank, FIRST_YEAR, LAST_YEAR, data={})
        workbook = openpyxl.load_workbook(blank)
        formulas = base._fill(workbook, data)
        filled = Path(folder) / "filled.xlsx"
        workbook.save(filled)
        cached = Path(folder) / "cached.xlsx"
        base._with_cached_values(filled, cached, workbook.sheetnames, formulas)
        shutil.move(cached, target)


def build(target: Path) -> None:
    """Write the ordinary PIAO to ``target`` and the simplified one beside it."""
    _write(target, DATA)
    _write(target.parent / SIMPLIFIED_OUTPUT, SIMPLIFIED_DATA)
