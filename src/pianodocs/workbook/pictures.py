"""Pictures a workbook names: the cover's logo and the Testi blocks of kind 'immagine'.

A file is printed only when it is inside the workbook's folder (no URL, no path out of it, no symlink leading
out), is the image its name says (PNG, JPEG or SVG by its first bytes), is not too large, and, for an SVG,
references nothing outside itself. Each refusal is an Italian sentence the loader places at the cell.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path, PurePath, PureWindowsPath
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as defused_fromstring

from ..errors import Problem, Severity
from ..values import format_number
from .records import Record

LOGO_TYPES = (".png", ".jpg", ".jpeg", ".svg")
LOGO_MAX_BYTES = 5 * 1024 * 1024  # a cover logo is a few hundred kilobytes; more is a photograph or the wrong file


def logo_refusal(logo: str, folder: Path) -> str:
    """Why the logo ``logo`` named in a workbook kept in ``folder`` cannot be printed, or "" when it can.

    The logo must be a file inside that folder (never a URL or a path out of it), an image of a known type, and not
    larger than :data:`LOGO_MAX_BYTES`.
    """
    if not logo:
        return ""
    folder = folder.resolve()
    candidate = (folder / logo).resolve()
    without = "i documenti vengono prodotti senza logo"
    if folder not in candidate.parents or not candidate.is_file():
        return f"Il logo «{logo}» non si trova nella cartella del workbook: {without}."
    if candidate.suffix.lower() not in LOGO_TYPES:
        return f"Il logo «{logo}» non è un'immagine PNG, JPEG o SVG: {without}."
    if candidate.stat().st_size > LOGO_MAX_BYTES:
        return f"Il logo «{logo}» pesa più di {LOGO_MAX_BYTES // (1024 * 1024)} MB: {without}. Usare un'immagine più leggera."
    return ""


# --- pictures (Testi blocks of kind 'immagine') ----------------------------------------------------

PICTURE_MAX_BYTES = 10 * 1024 * 1024  # an organigramma or a chart is a few hundred kilobytes; more is a photograph
PICTURE_WIDTH_MM = (Decimal(10), Decimal(170))  # narrower is unreadable; 170 mm is the text width of a portrait page
_SIGNATURES = {".png": (b"\x89PNG\r\n\x1a\n",), ".jpg": (b"\xff\xd8\xff",), ".jpeg": (b"\xff\xd8\xff",)}
_NAMES = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".svg": "SVG"}
_SVG_FORBIDDEN = {"script": "uno script", "foreignobject": "un foreignObject (HTML incorporato)"}
_EMBEDDED_RASTER = re.compile(r"data:image/(png|jpeg|gif);", re.IGNORECASE)
_CSS_URL = re.compile(r"@import|url\(\s*(?!['\"]?#)", re.IGNORECASE)


def check_picture(record: Record, folder: Path | None, problems: list[Problem]) -> None:
    """An 'immagine' block: its alt text, its width and (when the workbook's folder is known) its file."""
    where = record.cell("Contenuto") or record.cell("Tipo")
    if not record.text("Testo alternativo"):
        cell = record.cell("Testo alternativo") or where
        problems.append(
            Problem(
                "Testi",
                cell,
                "Un blocco 'immagine' richiede il 'Testo alternativo': che cosa mostra l'immagine, per chi non la vede.",
            )
        )
    width = record.values.get("Larghezza")
    low, high = PICTURE_WIDTH_MM
    if isinstance(width, Decimal) and not low <= width <= high:
        problems.append(
            Problem(
                "Testi",
                record.cell("Larghezza"),
                f"La 'Larghezza' di un'immagine va da {low} a {high} millimetri, non {format_number(width)}.",
            )
        )
    refusal = picture_refusal(record.text("Contenuto"), folder) if folder is not None else None
    if refusal is not None:
        problems.append(Problem("Testi", where, *refusal))


_MISSING = "non si trova nella cartella del workbook: il documento viene prodotto senza"


def picture_refusal(name: str, folder: Path) -> tuple[str, Severity] | None:
    """Why the picture ``name`` (relative to the workbook's ``folder``) cannot be printed, and how grave; None if it can.

    It must be a PNG, JPEG or SVG file inside that folder (no absolute path, no '..', no symbolic link out of it),
    its bytes the type its extension says, not larger than :data:`PICTURE_MAX_BYTES`, and an SVG must reference
    nothing outside itself. A file that is simply not there is an avviso, like a missing logo: the document prints
    without it (a workbook copied without its pictures still makes its documents); anything else is an error.
    """
    refusal = _picture_refusal(name, folder)
    if not refusal:
        return None
    return refusal, Severity.WARNING if refusal.endswith(f"{_MISSING}.") else Severity.ERROR


def _picture_refusal(name: str, folder: Path) -> str:
    name = name.strip()
    shown = f"L'immagine «{name}»"
    if not name:
        return "Un blocco 'immagine' richiede nel 'Contenuto' il percorso del file, relativo alla cartella del workbook."
    relative = _relative(name)
    if relative.is_absolute() or PureWindowsPath(name).is_absolute() or PureWindowsPath(name).drive or "://" in name:
        return f"{shown} va indicata con un percorso relativo alla cartella del workbook, non assoluto."
    if ".." in relative.parts:
        return (
            f"{shown} deve trovarsi nella cartella del workbook (o in una sua sottocartella): il percorso non può contenere '..'."
        )
    root = folder.resolve()
    candidate = picture_path(name, root).resolve()
    if root not in candidate.parents:
        return f"{shown} porta fuori dalla cartella del workbook (un collegamento simbolico?): usare un file che vi si trova davvero."
    if not candidate.is_file():
        return f"{shown} {_MISSING}."
    suffix = candidate.suffix.lower()
    if suffix not in _NAMES:
        return f"{shown} non è un file PNG, JPEG o SVG (estensione .png, .jpg, .jpeg o .svg)."
    if candidate.stat().st_size > PICTURE_MAX_BYTES:
        return f"{shown} pesa più di {PICTURE_MAX_BYTES // (1024 * 1024)} MB: usare un'immagine più leggera."
    data = candidate.read_bytes()
    if suffix in _SIGNATURES:
        if not data.startswith(_SIGNATURES[suffix]):
            return f"{shown} non è davvero un'immagine {_NAMES[suffix]}: il contenuto del file non corrisponde all'estensione."
        return ""
    return _svg_refusal(shown, data)


def picture_path(name: str, folder: Path) -> Path:
    """The file a picture's ``name`` (``immagini/organigramma.svg``, ``immagini\\organigramma.svg``) names in ``folder``."""
    return folder / _relative(name)


def _relative(name: str) -> PurePath:
    return PurePath(name.strip().replace("\\", "/"))  # a path typed on Windows reads the same everywhere


def _svg_refusal(shown: str, data: bytes) -> str:
    """Why the bytes of an SVG file cannot be printed: not SVG, or referencing something outside the drawing."""
    try:
        text = data.decode("utf-8")
        root = defused_fromstring(text)
    except (UnicodeDecodeError, ParseError, DefusedXmlException):
        return f"{shown} non è un disegno SVG valido (XML in UTF-8, senza entità né DTD)."
    if _local(root.tag) != "svg":
        return f"{shown} non è un disegno SVG: l'elemento principale non è <svg>."
    if "<?xml-stylesheet" in text:
        return f"{shown} richiama un foglio di stile esterno: il disegno deve contenere tutto ciò che mostra."
    for element in root.iter():
        tag = _local(element.tag)
        if tag in _SVG_FORBIDDEN:
            return f"{shown} contiene {_SVG_FORBIDDEN[tag]}: un disegno da stampare non può contenerne."
        if tag == "style" and _CSS_URL.search(element.text or ""):
            return f"{shown} richiama risorse esterne nel suo stile (@import o url()): il disegno deve contenere tutto."
        for attribute, value in element.attrib.items():
            local = _local(attribute)
            if local in ("href", "src"):
                if value.strip().startswith("#") or _EMBEDDED_RASTER.match(value.strip()):
                    continue
                return f"{shown} richiama un file o un indirizzo esterno («{value[:80]}»): il disegno deve contenere tutto."
            if _CSS_URL.search(value):
                return f"{shown} richiama risorse esterne nel suo stile (@import o url()): il disegno deve contenere tutto."
    return ""


def _local(name: object) -> str:
    """An XML name without its namespace, folded: ``{http://www.w3.org/1999/xlink}href`` → ``href``."""
    return str(name).rsplit("}", 1)[-1].casefold()
