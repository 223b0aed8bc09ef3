"""The web page's forms of the document kinds: fields built from the options each kind declares, read back.

Like the command line's flags (:mod:`pianodocs.cli_kinds`), a field exists for each :class:`~pianodocs.kinds.Option`
with a ``flag`` (a value the command line can read: a date, a whole number, a text), so a plugin's kind gets its
fields without a line here. Two fields stand for what the command line has of its own: the year of reference
(``--anno``) for every kind, and the original workbook to compare with (``--rispetto-a``) for a kind that takes
the revisions as an option. The names of the files downloaded say chamber, kind and year (:func:`download_name`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import unicodedata
from collections.abc import Mapping, Sequence

import attrs

from ..cli_kinds import PARSERS
from ..errors import PianodocsError
from ..kinds import Option, RegisteredKind
from ..model import Plan

YEAR_FIELD = "anno"
ORIGINAL_FIELD = "originale"
REVISIONS_OPTION = "revisioni"  # the option of a kind taking the revisions (the annex): filled from the original workbook
_INPUT_TYPES: dict[type[object], str] = {dt.date: "date", int: "number", str: "text"}


class FormError(PianodocsError):
    """A value typed in a form that cannot be used (said in Italian, naming the field)."""


@attrs.frozen
class Field:
    """One form field of a kind's option: the input's name and type, its label and help."""

    name: str
    input_type: str
    label: str
    help: str
    required: bool
    option: Option


def fields(kind: RegisteredKind) -> tuple[Field, ...]:
    """The fields of ``kind``'s options that a person can type (those the command line has a flag for)."""
    return tuple(
        Field(
            f"opzione_{option.name}",
            _INPUT_TYPES[option.type],
            (option.flag or option.name).removeprefix("--").replace("-", " ").capitalize(),
            option.help,
            option.required,
            option,
        )
        for option in kind.options
        if option.flag is not None and option.type in _INPUT_TYPES
    )


def takes_original(kind: RegisteredKind) -> bool:
    """Whether ``kind`` takes the revisions as an option: then the form offers the original workbook's field."""
    option = kind.option(REVISIONS_OPTION)
    return option is not None and option.type is Sequence


def options_from_form(kind: RegisteredKind, form: Mapping[str, str]) -> dict[str, object]:
    """The options of ``kind`` typed in ``form`` (an empty field is an option not given); :class:`FormError` for a bad one."""
    options: dict[str, object] = {}
    for field in fields(kind):
        text = (form.get(field.name) or "").strip()
        if not text:
            continue
        try:
            options[field.option.name] = PARSERS[field.option.type](text)
        except (ValueError, argparse.ArgumentTypeError):
            raise FormError(f"«{field.label}»: valore non valido «{text[:40]}» (atteso {field.option.type_name}).") from None
    return options


def year_from_form(plan: Plan, form: Mapping[str, str]) -> int | None:
    """The year of reference chosen in ``form``, checked against the plan's period (None: the workbook's own, chosen or not)."""
    text = (form.get(YEAR_FIELD) or "").strip()
    if not text:
        return None
    if not text.isdigit() or int(text) not in plan.years:
        raise FormError(f"L'anno {text[:10]} è fuori dal periodo del piano {plan.first_year}-{plan.last_year}.")
    return None if int(text) == plan.reference_year else int(text)


_MINOR_WORDS = {"di", "del", "della", "dello", "dei", "degli", "delle", "e", "ed"}


def slug(text: str) -> str:
    """``CCIAA di Pistoia`` → ``cciaa-pistoia``: lowercase ASCII words, the Italian articulated prepositions left out."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    kept = [word for word in words if word not in _MINOR_WORDS] or words
    return "-".join(kept)[:60] or "ente"


def period(plan: Plan, year: int | None = None) -> str:
    """The years a document is about: the chosen year, else the plan's period (``2020-2022``, or one year)."""
    if year is not None:
        return str(year)
    return str(plan.first_year) if plan.first_year == plan.last_year else f"{plan.first_year}-{plan.last_year}"


YEAR_OPTION = "anno"  # a kind taking the year as an option (the Relazione) is a document of one year


def named_year(plan: Plan, kind: RegisteredKind, chosen: int | None) -> int | None:
    """The year a kind's file name says: the chosen one; for a kind of one year (option ``anno``) the reference year."""
    if chosen is not None:
        return chosen
    return plan.reference_year if kind.option(YEAR_OPTION) is not None else None


def download_name(plan: Plan, what: str, suffix: str, year: int | None = None) -> str:
    """``cciaa-pistoia_piano-performance_2020-2022.pdf``: chamber, kind (or what the file is) and year."""
    return f"{slug(plan.entity.short_name or plan.entity.name)}_{slug(what)}_{period(plan, year)}{suffix}"
