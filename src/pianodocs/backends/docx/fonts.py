"""Embed the bundled typefaces in a DOCX, so the file is laid out with the same letters on every machine.

The DOCX names Titillium Web, which Word and LibreOffice rarely have installed:
without the font a viewer substitutes another of different widths, and the
page numbers of the SOMMARIO and the annex's "composto da n. N pagine" no longer
hold. :func:`embed_fonts` adds the four TrueType styles shipped in
``pianodocs/fonts`` (``scripts/build_fonts.py`` makes them from the PDF's WOFF
files), and Noto Sans Math for the symbols Titillium lacks (the backend sets
those runs in it, see :func:`symbol_spans`), as obfuscated parts, as ECMA-376
Part 1 §17.8.1 describes: each ``.odttf`` is the font with its first 32 bytes
XORed with the ``w:fontKey`` GUID, related from ``word/fontTable.xml``;
``w:embedTrueTypeFonts`` in the settings tells Word to keep them when the file
is saved again. The key is derived from the font's bytes, so the same input
gives the same file.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import uuid
from functools import cache
from importlib.resources import files
from io import BytesIO
from pathlib import Path
from zipfile import ZipFile

from lxml import etree

FONTS = Path(str(files("pianodocs").joinpath("fonts")))
FAMILY = "Titillium Web"
SYMBOL_FAMILY = "Noto Sans Math"  # for the symbols Titillium Web lacks (Σ ≥ ≤ ● →), as in the PDF
# each embedded family: fontTable element of each style → the bundled TrueType file
EMBEDDED = {
    FAMILY: {
        "embedRegular": "TitilliumWeb-Regular.ttf",
        "embedBold": "TitilliumWeb-Bold.ttf",
        "embedItalic": "TitilliumWeb-Italic.ttf",
        "embedBoldItalic": "TitilliumWeb-BoldItalic.ttf",
    },
    SYMBOL_FAMILY: {"embedRegular": "NotoSansMath-Regular.ttf"},
}
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
FONT_RELATIONSHIP = f"{R}/font"
FONT_TABLE_RELATIONSHIP = f"{R}/fontTable"
FONT_TABLE_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"
OBFUSCATED_FONT_TYPE = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
# w:settings children that come before w:embedTrueTypeFonts (ECMA-376 order)
BEFORE_EMBED_SETTING = (
    *("writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime"),
    *("doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText"),
    *("printFractionalCharacterWidth", "printFormsData"),
)
# w:font children that come before the w:embed* ones
FONT_DESCRIPTION = ("altName", "panose1", "charset", "family", "notTrueType", "pitch", "sig")


def embed_fonts(package: bytes) -> bytes:
    """The DOCX zip ``package`` again, with the four styles of Titillium Web embedded and declared in its font table."""
    with ZipFile(BytesIO(package)) as source:
        entries = {info.filename: source.read(info) for info in source.infolist()}
    table = _font_table_name(entries)
    folder = posixpath.dirname(table)
    relationships_name = posixpath.join(folder, "_rels", posixpath.basename(table) + ".rels")
    relationships = _parse(entries.get(relationships_name), f'<Relationships xmlns="{PACKAGE_RELATIONSHIPS}"/>')
    for family, styles in EMBEDDED.items():
        targets = {}
        for element, file_name in styles.items():
            data = (FONTS / file_name).read_bytes()
            key = font_key(data)
            part = posixpath.join("fonts", file_name.removesuffix(".ttf").lower() + ".odttf")
            entries[posixpath.join(folder, part)] = obfuscated(data, key)
            targets[element] = (_relate(relationships, part), key)
        entries[table] = _declared(entries[table], family, targets)
    entries[relationships_name] = _serialised(relationships)
    entries["[Content_Types].xml"] = _with_font_type(entries["[Content_Types].xml"])
    settings = _settings_name(entries)
    if settings is not None:
        entries[settings] = _with_embed_setting(entries[settings])
    output = BytesIO()
    with ZipFile(BytesIO(package)) as source, ZipFile(output, "w") as target:
        for info in source.infolist():
            target.writestr(info, entries.pop(info.filename))
        for name, data in entries.items():  # the new parts, in the order they were added
            target.writestr(name, data)
    return output.getvalue()


def font_key(data: bytes) -> str:
    """The ``w:fontKey`` of a font: a GUID taken from the font's own bytes, so every run gives the same one."""
    return "{" + str(uuid.UUID(bytes=hashlib.sha256(data).digest()[:16])).upper() + "}"


def obfuscated(data: bytes, key: str) -> bytes:
    """The font ``data`` with its first 32 bytes XORed with ``key`` (§17.8.1: the GUID's bytes, last hex pair first).

    The same operation undoes itself: ``obfuscated(obfuscated(data, key), key) == data``.
    """
    mask = bytes.fromhex(key.strip("{}").replace("-", ""))[::-1] * 2
    head = bytes(byte ^ mask_byte for byte, mask_byte in zip(data[:32], mask, strict=False))
    return head + data[32:]


def symbol_spans(text: str) -> list[tuple[str, bool]]:
    """``text`` cut where it passes between letters Titillium Web has and symbols only Noto Sans Math has.

    Each piece comes with True when it is to be set in :data:`SYMBOL_FAMILY`: a
    viewer would otherwise take those glyphs from any font the machine has.
    """
    main, symbols = _characters(EMBEDDED[FAMILY]["embedRegular"]), _characters(EMBEDDED[SYMBOL_FAMILY]["embedRegular"])
    spans: list[tuple[str, bool]] = []
    for character in text:
        symbol = ord(character) not in main and ord(character) in symbols
        if spans and spans[-1][1] == symbol:
            spans[-1] = (spans[-1][0] + character, symbol)
        else:
            spans.append((character, symbol))
    return spans


def has_every_glyph(text: str) -> bool:
    """Whether Titillium Web has a glyph for every character of ``text`` but white space."""
    main = _characters(EMBEDDED[FAMILY]["embedRegular"])
    return all(ord(character) in main for character in text if not character.isspace())


@cache
def _characters(file_name: str) -> frozenset[int]:
    """The code points a bundled font has a glyph for (read from its cmap table)."""
    from fontTools.ttLib import TTFont

    return frozenset(TTFont(BytesIO((FONTS / file_name).read_bytes()), lazy=True).getBestCmap())


@cache
def add_to_fontconfig() -> bool:
    """Make the bundled fonts known to fontconfig in this process (not the machine), so cairo finds them by name.

    cairosvg draws the figures of the DOCX with cairo, which looks fonts up by
    family name through fontconfig: without this, their text would be set in
    the machine's fallback instead of Titillium Web. False if fontconfig is missing.
    """
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("fontconfig")
    if name is None:
        return False
    try:
        library = ctypes.CDLL(name)
    except OSError:
        return False
    add_file = library.FcConfigAppFontAddFile  # (config, file): NULL config is the current one
    add_file.argtypes, add_file.restype = [ctypes.c_void_p, ctypes.c_char_p], ctypes.c_int
    bundled = [file_name for styles in EMBEDDED.values() for file_name in styles.values()]
    return all([bool(add_file(None, os.fsencode(FONTS / file_name))) for file_name in bundled])


def _font_table_name(entries: dict[str, bytes]) -> str:
    """The font table's part name, related from the main document; created (with its type) if the file has none."""
    document = _main_document_name(entries)
    relationships_name = posixpath.join(posixpath.dirname(document), "_rels", posixpath.basename(document) + ".rels")
    relationships = _parse(entries.get(relationships_name), f'<Relationships xmlns="{PACKAGE_RELATIONSHIPS}"/>')
    for relationship in relationships:
        if relationship.get("Type") == FONT_TABLE_RELATIONSHIP:
            return posixpath.normpath(posixpath.join(posixpath.dirname(document), relationship.get("Target", "")))
    name = posixpath.join(posixpath.dirname(document), "fontTable.xml")
    entries[name] = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="{W}" xmlns:r="{R}"/>'.encode()
    _relate(relationships, "fontTable.xml", FONT_TABLE_RELATIONSHIP)
    entries[relationships_name] = _serialised(relationships)
    types = _parse(entries["[Content_Types].xml"], "")
    etree.SubElement(types, f"{{{CONTENT_TYPES}}}Override", PartName="/" + name, ContentType=FONT_TABLE_TYPE)
    entries["[Content_Types].xml"] = _serialised(types)
    return name


def _main_document_name(entries: dict[str, bytes]) -> str:
    return _related_part(entries, "", "officeDocument") or "word/document.xml"


def _settings_name(entries: dict[str, bytes]) -> str | None:
    return _related_part(entries, _main_document_name(entries), "settings")


def _related_part(entries: dict[str, bytes], source: str, kind: str) -> str | None:
    """The part that ``source`` (``""``: the package) relates to with a relationship of type ``…/kind``."""
    folder = posixpath.dirname(source)
    name = posixpath.join(folder, "_rels", posixpath.basename(source) + ".rels")
    if name not in entries:
        return None
    for relationship in _parse(entries[name], ""):
        if relationship.get("Type", "").endswith(f"/{kind}"):
            return posixpath.normpath(posixpath.join(folder, relationship.get("Target", ""))).lstrip("/")
    return None


def _relate(relationships: etree._Element, target: str, kind: str = FONT_RELATIONSHIP) -> str:
    """The id of the relationship to ``target`` (added, with an unused id, if missing)."""
    for relationship in relationships:
        if relationship.get("Target") == target and relationship.get("Type") == kind:
            return str(relationship.get("Id"))
    used = {relationship.get("Id") for relationship in relationships}
    identifier = next(f"rId{number}" for number in range(1, len(used) + 2) if f"rId{number}" not in used)
    etree.SubElement(relationships, f"{{{PACKAGE_RELATIONSHIPS}}}Relationship", Id=identifier, Type=kind, Target=target)
    return identifier


def _declared(table: bytes, family: str, targets: dict[str, tuple[str, str]]) -> bytes:
    """The font table with an entry for ``family`` whose ``w:embed*`` children point at the embedded styles."""
    root = _parse(table, "")
    font = next((font for font in root.findall(f"{{{W}}}font") if font.get(f"{{{W}}}name") == family), None)
    if font is None:
        font = etree.SubElement(root, f"{{{W}}}font", {f"{{{W}}}name": family})
    for child in list(font):
        if etree.QName(child).localname not in FONT_DESCRIPTION:
            font.remove(child)
    if font.find(f"{{{W}}}family") is None:
        _insert_in_order(font, etree.Element(f"{{{W}}}family", {f"{{{W}}}val": "swiss"}), FONT_DESCRIPTION, "family")
    if font.find(f"{{{W}}}pitch") is None:
        _insert_in_order(font, etree.Element(f"{{{W}}}pitch", {f"{{{W}}}val": "variable"}), FONT_DESCRIPTION, "pitch")
    for element, (identifier, key) in targets.items():
        etree.SubElement(font, f"{{{W}}}{element}", {f"{{{R}}}id": identifier, f"{{{W}}}fontKey": key})
    return _serialised(root)


def _with_font_type(types: bytes) -> bytes:
    root = _parse(types, "")
    if not any(default.get("Extension", "").lower() == "odttf" for default in root.findall(f"{{{CONTENT_TYPES}}}Default")):
        root.insert(0, etree.Element(f"{{{CONTENT_TYPES}}}Default", Extension="odttf", ContentType=OBFUSCATED_FONT_TYPE))
    return _serialised(root)


def _with_embed_setting(settings: bytes) -> bytes:
    root = _parse(settings, "")
    if root.find(f"{{{W}}}embedTrueTypeFonts") is None:
        _insert_in_order(root, etree.Element(f"{{{W}}}embedTrueTypeFonts"), (*BEFORE_EMBED_SETTING, "embedTrueTypeFonts"))
    return _serialised(root)


def _insert_in_order(parent: etree._Element, child: etree._Element, order: tuple[str, ...], name: str | None = None) -> None:
    """Insert ``child`` after the last child of ``parent`` whose name comes before it in ``order``."""
    earlier = set(order[: order.index(name or etree.QName(child).localname)])
    position = 0
    for index, existing in enumerate(parent):
        if isinstance(existing.tag, str) and etree.QName(existing).localname in earlier:
            position = index + 1
    parent.insert(position, child)


def _parse(data: bytes | None, empty: str) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.fromstring(data if data is not None else empty.encode(), parser)


def _serialised(root: etree._Element) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))
