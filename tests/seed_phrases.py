"""The distinctive text of the five seeds, which an invented chamber's documents must never contain.

The seeds are five documents published by Tuscan chambers of commerce, kept beside the project as
reference material (the project never reads them):

- 000: CCIAA di Pistoia, "Allegato alla deliberazione G.C. n. 63 del 9 settembre 2020" (revision of the
  targets of the Piano 2020-2022), one page;
- 001: Unioncamere Toscana, "Piano degli Indicatori dei Risultati Attesi di Bilancio P.I.R.A. 2021";
- 002: CCIAA di Pistoia, "Piano della Performance 2020-2022";
- 003: CCIAA della Maremma e del Tirreno, "Cruscotto strategico" 2016-2021 (text obtained by OCR);
- 004: CCIAA di Prato, "Piano degli indicatori e dei risultati attesi di bilancio - Situazione al 30
  settembre 2020".

Everything below is copied verbatim from the text extracted from those PDFs (by OCR for 003), by
hand, on 1 December 2026: only markup of the extraction (``**bold**``, HTML tags, table separators) is
left out, and a phrase never spans two table cells; each was checked to occur in its seed under the
normalisation below. One exception: the publishers of 001 and 003 (Unioncamere Toscana, the chamber of
the Maremma e Tirreno), named as such by the project's domain notes and samples, although the extracted
text of those two seeds does not print their names. The names, the acts as printed and the long phrases
were chosen because no generic document of this kind would contain them: labels of the genre ("Piano
della Performance", "Obiettivo strategico", column headings), legal references, the state budget's
missions and programmes and the notes pianodocs itself writes ("Eliminato in sede di rolling annuale con
deliberazione ...") are deliberately absent. The seeds print no names of people (neither the Presidents
nor the Segretari generali are named), so there are none here.

``seed_text_found`` looks for every name, act and phrase as whole words in a text normalised the same
way (case, accents, apostrophes and quotes, dashes, whitespace), so a phrase is found across line breaks
of a PDF and whatever the accents of the OCR. The plan years of the seeds are a separate tuple
(``PLAN_YEARS``), searched by ``plan_years_found``: a plan of another triennium must not print them, but
they are words of a different kind.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

PLAN_YEARS: tuple[str, ...] = ("2016", "2017", "2018", "2019", "2020", "2021", "2022")

# chambers, bodies, places, addresses, web sites
NAMES: tuple[str, ...] = (
    "Pistoia",
    "pistoiesi",
    "Prato",
    "Maremma",
    "Tirreno",
    "Unioncamere Toscana",
    "Toscana",
    "toscano",
    "toscane",
    "Regione Toscana",
    "Firenze",
    "Lucca",
    "Pisa",
    "Arezzo",
    "Siena",
    "Grosseto",
    "Livorno",
    "Massa Carrara",
    "Pescia",
    "Valdinievole",
    "Monsummano",
    "CCIAA di Torino",
    "Via del Romito",
    "Silvano Fedi",
    "pt.camcom.it",
    "CRAT",
)

# projects and programmes of these chambers only
PROJECTS: tuple[str, ...] = (
    "Vetrina Toscana",
    "NewsBandi",
    "Progetto CEQ",
    "Cartelli promozionali autostradali",
    "Destinazione Prato",
    "Prato città degli imprenditori",
    "Prato nell'area metropolitana",
    "Prato verso il mondo",
    "progetto di rete UTC n. 111",
    "Programma Strategico CCAA Prato",
)

# the seeds' acts, as printed
ACTS: tuple[str, ...] = (
    "n. 63 del 9 settembre 2020",
    "n. 129 del 2 Dicembre 2019",
    "n. 97 del 26 luglio",
    "n. 23/2015 del 27 novembre 2015",
    "n. 23 del 27.11.2015",
    "n. 16 del 25 novembre 2019",
    "n. 19 del 19 dicembre 2019",
    "n. 117 del 19 dicembre 2019",
    "n. 93 del 15 novembre 2019",
    "n. 07/19 del 25 novembre 2019",
    "deliberazione 07/19",
)

PHRASES: dict[str, tuple[str, ...]] = {
    "000": (
        "Obiettivo operativo evidenziato in sequenza con il precedente",
        "l'obiettivo viene fortemente ridimensionato e ancorato al solo utilizzo delle risorse allocate",
        "Obiettivo focalizzato sul mantenimento dei servizi per l'internazionalizzazione tramite costanza di risorse",
        "anche in presenza di mobilità di personale assegnato",
        "Esplorazione di nuovi mercati al fine di diversificare i mercati di sbocco delle produzioni locali",
        "Nella seconda parte dell'anno le risorse umane sull'internazionalizzazione saranno fortemente ridotte",
        "uscita di 2 unità - spostamento su linea credito di una unità",
        "Non saranno emanati specifici bandi a seguito della pandemia Covid19",
        "ha fortemente ridimensionato il settore dell'export e l'organizzazione di mostre e fiere all'estero",
        "Livello di realizzazione di iniziative a sostegno dell'internazionalizzazione organizzate dal sistema centrale",
        "Qualificazione dei servizi di assistenza e informazioni sull'internazionalizzazione (Diffusione iniziative ICE)",
        "Sostenere interventi di formazione e informazione alle imprese anche attraverso il mantenimento degli attuali livelli",
        "Coirrogamento degli studenti della provincia nelle iniziative canalizzate",
        "Numero classi provinciali di Pistoia coinvolte nei progetti alternanza",
        "Risorse complessive rivedute/risorse complessive destinate al PROGETTO NAZIONALE ORIENTAMENTO AL LAVORO",
        "Livello di realizzazione dei progetti finanziati con la maggioranza del diritto annuale",
        "2 AZIONI SU 5 A TARGET",
        "N. azioni di supporto alla ricerca di risorse umane con competenze strategiche",
        "azioni di formazione e certificazione delle competenze per il rilancio produttivo",
        "N. bandi per contributi, voucher, servizi reali erogati alle imprese nell'ambito delle azioni programmate",
        "non era stata declinata su obiettivi di ente in considerazione della sensibile riduzione del peso della stessa",
        "a seguito della definizione delle nuove funzioni comunali",
        "A seguito delle emergenze COVID19 è stato necessario finalizzare gli sforzi al sostegno finanziario delle imprese",
        "Numero di imprese beneficiarie di bandi sul credito/1000/numero imprese attive al 31/12/2020",
        "Porsi quale riferimento principale in tema di risoluzione delle controversie",
        "Minima la % delle imprese che hanno usufruito del servizio centrale di mediazione e conciliazione",
        "Errore materiale nella forma di espressione del target (0,63%) e abbassamento dello stesso causa COVID19",
        "Risorse dedicate all'internazionalizzazione del territorio prenotate",
    ),
    "001": (
        "Obiettivi ripartiti per aerea strategica e per prospettiva di BSC",
        "Si precisa che i target sono stati determinati con riferimento al solo anno 2021",
        "per le obiettive difficoltà nel formulare previsioni sufficientemente attendibili",
        "Area Affari Generali e Politiche di Settore - CRAT",
        "Rafforzare la rete di relazioni istituzionali coinvolgendo nel network oltre al sistema camerale",
        "affermandosi come punto di riferimento dei processi sinergici di rete",
        "Gestione della Commissione regionale dell'artigianato (CRAT)",
        "grado di partecipazione delle Camere toscane ai Gruppi di Lavoro istituzionali",
        "n. medio di Associazioni che partecipano alle riunioni del Crac",
        "grado di partecipazione delle Associazioni alle attività del Consiglio regionale",
        "misura la capacità dell'UR di svolgere la funzione delegata dalla Regione Toscana",
        "promuovere il territorio e sostenere l'economia offrendo e coordinando servizi ed iniziative",
        "Spesa sostenuta a consuntivo su spesa preventivata per il progetto Vetrina Toscana",
        "Misura il grado di realizzazione del progetto Vetrina Toscana",
        "Spesa sostenuta a consuntivo su spesa preventivata per le attività promozionali sul territorio regionale",
        "Misura il grado di realizzazione dei progetti promozionali sul territorio regionale",
        "Numero appuntamenti servizio marchi e brevetti",
        "Misura il livello di realizzazione della convenzione in essere con i consulenti in proprietà industriale",
        "Numero di incontri di coordinamento con gli stakeholders (in particolare Regione Toscana)",
        "Misura il grado di coordinamento delle iniziative concordate con la RT per accedere all'incremento",
        "L'Ente intende rispondere ai compiti e alle indicazioni che provengono dalle Camere",
        "svolgendo funzioni associate o realizzando specifiche iniziative per conto o su incarico delle singole Camere",
        "N. report sulle attività di coordinamento tra Sistema Camerale Toscano e Regione Toscana",
        "Capacità dell'ente di offrire assistenza alle Camere di Commercio nel coordinamento dei progetti",
        "rafforzare la rete di relazioni con il Sistema Camerale, con al Regione e con gli altri attori pubblici",
        "supporto dei processi di internazionalizzazione delle imprese toscane",
        "Coordinamento delle iniziative di internazionalizzazione delle CC e della Regione Toscana",
        "Attraverso report viene monitorata l'attività svolta dalle Camere di Commercio rispetto all'attività di internazionalizzazione",
        "Partecipazione RPC e RT al corso di formazione di almeno 10 ore",
        "Misura in termini di risultato il numero di riunioni di Ente realizzate con i dipendenti",
        "Curare la comunicazione esterna promuovendo l'immagine del sistema camerale toscano",
        "Misurano in termini di risultato il livello di crescita trend degli accessi sito web",
        "Ottimizzazione nella gestione di oneri e proventi e nell'utilizzo delle risorse",
        "Misura l'avanzamento della spesa prevista in relazione ai Costi di Funzionamento",
        "proseguire nel consolidamento di specifiche azioni di coordinamento nei confronti delle attività camerali",
        "Consulenza legale ed espressione pareri in materia giuridica per le CdC",
        "N. Pareri al legale dell'Unione regionale per conto delle Camere su n. richieste pervenute",
    ),
    "002": (
        "il processo di accorpamento delle Camere di Commercio di Prato e Pistoia",
        "suscettibile di ridefinizione una volta completato il processo di accorpamento con la consorella di Prato",
        "La Camera di Pistoia affianca le imprese sul mercato economico nazionale ed internazionale",
        "L'organico della CCIAA di Pistoia è costituito, attualmente, da n. 40 dipendenti",
        "L'incarico è attribuito a un dipendente di cat. D3, già dirigente ex art. 19, c. 6, collocato in aspettativa",
        "A livello territoriale, la CCIAA di Pistoia non prevede sedi e altri presidi",
        "evidenzia come Pistoia a fine 2018 rappresenti il 7,8% della popolazione residente regionale",
        "la ricchezza prodotta dall'agricoltura che pesa sul totale toscano di settore per il 24,7%",
        "La scarsa propensione all'innovazione tecnologica è il vero punto debole del sistema",
        "dove vale segnalare il comune di Pescia con il saldo negativo di -43 imprese",
        "la provincia di Pistoia si posiziona al sesto posto dietro a Lucca, Firenze, Arezzo, Pisa e Prato",
        "vedono al primo posto le piante vive che hanno rappresentato il capitolo merceologico più commercializzato",
        "ha influito in modo consistente la ripresa di esportazioni del settore del materiale rotabile",
        "La Camera di Pistoia si sta accorpando con la consorella di Prato",
        "con sede legale a Prato in Via del Romito 71 e sede secondaria a Pistoia",
        "La Camera di Commercio ente di riferimento per l'economia territoriale",
        "I rettangoli bianchi afferiscono a obiettivi strategici non declinati nel cruscotto di ente pluriennale",
        "camere con bacino di imprese inferiore a 40.000 unità",
        "connotati nel cruscotto di ente e nei relativi cascading dal colore giallo",
        "definito dal Segretario generale che riveste anche il ruolo di Commissario ad acta per l'accorpamento",
        "Riattivazione, per la parte di competenza, dei gruppi di lavoro intercamerali",
        "Mantenimento della rete degli sportelli Punto Impresa e dei tempi di conclusione dei procedimenti",
        "unito al permanere del divieto assoluto di nuove assunzioni con qualsiasi tipologia di forma contrattuale",
        "Progetti trasversali legati alla dematerializzazione e alla semplificazione delle procedure",
        "La linea strategica relativa al sostegno al credito alle imprese non viene declinata su obiettivi di ente",
        "consolidare il brand Pistoia quale provincia",
        "frenare il trend negativo del numero di soggetti economici che si occupano di produzioni tipiche",
        "in collaborazione con il laboratorio chimico della CCIAA di Torino",
        "consulenza in Fiera; sportello lunedì mattina, richieste via mail",
        "etichettatura prodotti e start up cooperative e imprese sociali",
        "raccolta delle novità sulle agevolazioni per le imprese e pubbliche amministrazioni della provincia di Pistoia",
        "Convenzioni con forze di polizia locale per informative R.I.",
        "Organigramma della CCIAA di Pistoia al 01.8.2013",
        "Essendo presente un unico dirigente all'interno dell'Ente, si provvede a definire un unico cruscotto",
        "Progetto di accorpamento con la CCIAA di Prato",
        "Numero classi provincia di Pistoia coinvolte nei progetti alternanza",
    ),
    "003": (
        "Gestione delle misure di razionalizzazione delle partecipazioni camerali deliberate dalla",
        "Biblioteca storica/giuridica: n° accessi anno x/n° accessi anno x-1",
        "Grado di soddisfacimento degli utenti che accedono alla Biblioteca Storica/giuridica",
        "Valutazioni positive rilevate tramite customer satisfaction da parte dei destinatari di",
        "n° stakeholders coinvolti nei Programmi europei ammessi a finanziamento",
        "n. azioni di diffusione sul tema industria 4.0",
        "iniziative in tema di Blue-green economy anno x",
        "Ricognizione della presenza di clausole compromissorie a favore della camera di",
        "Percentuale di attuazione degli obiettivi della Convenzione UC-MISE nell'ambito della",
        "Definizione del Piano Ispettivo Metrologia legale 2019",
        "Indice % di adeguatezza rilevato sulla piattaforma Magellano PA",
        "Qualita, efficienza e centralita della performance",
        "N. atti deliberativi gestiti nel rispetto dei termini imposti dalla normativa e dalle",
        "Tempo medio di sospensione delle pratiche telematiche da parte del servizio",
        "N° obiettivi soggetti a modifica in itinere / n° obiettivi programmati ex ante",
        "NOTA: valor medio rilevato dal valore consuntivo trasmesso da ciascun servizio della",
        "Consolidamento del modello organizzativo del nuovo Ente per il corretto",
        "Diffondere una nuova cultura della comunicazione istituzionale",
        "Livello di soddisfazione espresso dall'utenza sezione sito (trasversale)",
        "Social Network FB: N° di utenti che sul social network FB esprime",
        "Valorizzazione del capitale umano e dei livelli di benessere organizzativo nei",
        "vari processi di Innovazione e Digitalizzazione della PA",
        "Valorizzazione e gestione efficiente del patrimonio immobiliare e delle",
        "Grado di realizzazione degli interventi di manutenzione ordinaria e straordinaria degli",
        "Revisione della spesa per un maggiore efficientamento nell'uso delle risorse e",
        "potenziamento dei flussi economico finanziari in entrata",
        "Importo totale riscossioni spontanee del Diritto Annuale x / Dovuto per Diritto Annuale x",
        "delle azioni di sollecito attivate dall'Ente) - rif. Progetto Benchmarking, cluster Toscana",
        "Portualita Logistica Gestione Strategica delle partecipazioni",
    ),
    "004": (
        "il Consiglio Camerale ha quindi fissato gli obiettivi di mandato che la Camera di Commercio di Prato intende realizzare",
        "La sede camerale: uno spazio aperto per la città",
        "n. eventi realizzati e/o ospitati nella nuova sede",
        "n. eventi realizzati e/o ospitati nell'auditorium",
        "La nuova sede camerale, con i suoi spazi progettati e realizzati come luoghi di accoglienza",
        "sta ottenendo sempre maggiore interesse come luogo aperto alla città, dinamico e polifunzionale",
        "n. partecipanti ad eventi realizzati presso la sede camerale",
        "Valore Concessione auditorium a titolo gratuito",
        "Risorse ricavate dall'utilizzo dell'auditorium per iniziative di terzi",
        "Obiettivo: aumentare il livello di preparazione degli imprenditori e stimolarne la nascita di nuovi",
        "n.ro di ore di formazione svolte dai Digital Promoter",
        "n.ro di imprese coinvolte nell'attività di orientamento",
        "Realizzazione cruscotto di analisi mediante implementazione dati su piattaforme",
        "nell'ambito delle attività previste dal Fondo Perequativo 2017 - 2018 n. 110",
        "Scuole coinvolte nel network promosso dalla CCIAA",
        "n.ro di studenti coinvolti nelle iniziative camerale",
        "Giudizio di soddisfazione espresso dagli studenti che hanno partecipato agli interventi formativi",
        "della fatturazione elettronica e del cassetto digitale dell'imprenditore",
        "N° accessi al sito per l'ottenimento di informazioni relative ai procedimenti amministrativi",
        "Obiettivo: Sostegno alle crisi di impresa e al funzionamento del mercato",
        "Pubblicazione sul sito di istruzioni relative ad adempimenti pubblicitari",
        "Numero di ore di formazione svolte dall'export promoter",
        "Purtroppo il 2019 è stato un altro anno si stallo nell'incerto ed impervio processo di riforma",
        "ha subito ritardi per eventi non dipendenti dalla Camera di Commercio di Prato",
        "già travolto da un primo giudizio di illegittimità costituzionale pronunciato dal Giudice delle Leggi",
        "Livello trasformazione ricavi in valore aggiunto",
        "Valore aggiunto globale distribuito al sistema economico produttivo",
        "Realizzazione di una welcome page sul sito camerale",
        "Valere medio rilevato tramite customer satisfaction",
        "la Camera di Commercio di Prato ha avviato le procedure per la maggiorazione del 20% del diritto annuale",
    ),
}


def _all_phrases() -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for phrase in (*NAMES, *PROJECTS, *ACTS, *(p for phrases in PHRASES.values() for p in phrases)):
        seen.setdefault(phrase, None)
    return tuple(seen)


ALL_PHRASES: tuple[str, ...] = _all_phrases()

_PUNCTUATION = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u02bc": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00ad": None,  # soft hyphen
        "\u200b": None,  # zero-width space
        "\u00ba": "\u00b0",  # masculine ordinal for degree, as in "N°"
    }
)


def normalise(text: str) -> str:
    """``text`` without case, accents, typographic quotes and dashes, with single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_PUNCTUATION))
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return re.sub(r"\s+", " ", plain).strip().casefold()


def _pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(normalise(phrase)) + r"(?!\w)")


_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((phrase, _pattern(phrase)) for phrase in ALL_PHRASES)
_YEAR_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((year, _pattern(year)) for year in PLAN_YEARS)


def _found(text: str, patterns: Iterable[tuple[str, re.Pattern[str]]]) -> list[str]:
    flat = normalise(text)
    return [phrase for phrase, pattern in patterns if pattern.search(flat)]


def seed_text_found(text: str) -> list[str]:
    """The seeds' names, acts and phrases that ``text`` contains (as whole words), as spelt here."""
    return _found(text, _PATTERNS)


def plan_years_found(text: str) -> list[str]:
    """The seeds' plan years that ``text`` contains as whole words."""
    return _found(text, _YEAR_PATTERNS)
