"""One Jinja2 environment factory for every template of pianodocs, HTML and DOCX alike.

The same filters (Italian numbers, percentages, euro, dates) are registered
everywhere, so ``97,97%`` is formatted by one function in both formats.
Templates fail loudly (``StrictUndefined``): a misspelt field stops the render
instead of printing an empty cell in an official document. Templates a user
supplies are rendered in a sandbox.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import jinja2
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from .values import format_date, format_euro, format_number, format_percent
from .view.richtext import printable


def _printable(value: object) -> object:
    if isinstance(value, Markup):  # already escaped (a macro's output): stays markup
        return Markup(printable(value))
    return printable(value) if isinstance(value, str) else value


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
