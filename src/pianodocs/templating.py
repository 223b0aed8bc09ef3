"""One Jinja2 environment factory for every template of pianodocs, HTML and DOCX alike.

The same filters (Italian numbers, percentages, euro, dates) are registered
everywhere, so ``97,97%`` is formatted by one function in both formats.
Templates fail loudly (``StrictUndefined``): a misspelt field stops the render
instead of printing an empty cell in an official document. Templates a user
supplies are rendered in a sandbox.
"""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path

import jinja2
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from .values import format_date, format_euro, format_number, format_percent

# characters XML 1.0 forbids (and that garble a PDF's text layer): dropped from everything a template prints
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def _printable(value: object) -> object:
    if isinstance(value, Markup):  # already escaped (a macro's output): stays markup
        return Markup(_UNPRINTABLE.sub("", value))
    return _UNPRINTABLE.sub("", value) if isinstance(value, str) else value


FILTERS = {
    "numero": format_number,
    "percentuale": format_percent,
    "euro": format_euro,
    "data": format_date,
}


def default_templates() -> Path:
    """The folder of the templates shipped with pianodocs (``templates/`` in the source tree)."""
    return Path(str(files("pianodocs.templates")))


def environment(template_dir: Path | None = None, autoescape: bool = True) -> jinja2.Environment:
    """A strict environment loading ``template_dir`` first (sandboxed), then the default templates."""
    folders = [default_templates()]
    environment_class: type[jinja2.Environment] = jinja2.Environment
    if template_dir is not None:
        folders.insert(0, Path(template_dir))
        environment_class = SandboxedEnvironment
    env = environment_class(
        loader=jinja2.FileSystemLoader([str(folder) for folder in folders]),
        finalize=_printable,
        undefined=jinja2.StrictUndefined,
        autoescape=autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(FILTERS)
    return env
