"""The local web page (``pianodocs serve``): what the command line does, for people who do not use one.

An ASGI application (Starlette) of server-rendered Italian pages, drawn with the Jinja environment of the
documents (:mod:`pianodocs.templating`, autoescape on): upload a workbook and see its problems with the cells
marked (:mod:`.problems`), render a kind with its declared options as form fields (:mod:`.forms`), see the
pages and download the files (:mod:`.jobs`, renders in worker processes so one long render does not block the
others), compare two workbooks, download the blank template. Uploads live in one private folder per server,
each under a random identifier, and go after a configurable time (:mod:`.storage`). :mod:`.app` puts it together.
"""

from __future__ import annotations

from .app import Settings, create_app, serve

__all__ = ["Settings", "create_app", "serve"]
