"""The DOCX file's bytes: the rendered template saved, the bundled fonts embedded, every zip entry dated alike.

python-docx dates each zip entry with the clock at saving; :func:`package` dates
them all with the document's moment (:func:`~pianodocs.clock.document_time`), so
the same input gives the same bytes.
"""

from __future__ import annotations

import zipfile
from datetime import datetime
from io import BytesIO

from docxtpl import DocxTemplate

from .fonts import embed_fonts

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def package(rendered: DocxTemplate, moment: datetime) -> bytes:
    """The bytes of the DOCX file: the rendered template with the fonts embedded, every entry dated ``moment``."""
    buffer = BytesIO()
    rendered.save(buffer)
    return stamped(embed_fonts(buffer.getvalue()), moment)


def stamped(package: bytes, moment: datetime) -> bytes:
    """The DOCX zip ``package`` again, every entry dated ``moment`` (UTC; 1980 at the earliest, the zip format's start).

    python-docx dates each entry with the clock at saving: with the same date
    everywhere, the same document gives the same bytes.
    """
    stamp = max(moment.timetuple()[:6], ZIP_EPOCH)
    output = BytesIO()
    with zipfile.ZipFile(BytesIO(package)) as source, zipfile.ZipFile(output, "w") as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=stamp)
            info.compress_type, info.external_attr, info.create_system = zipfile.ZIP_DEFLATED, 0o644 << 16, 3
            target.writestr(info, source.read(entry))
    return output.getvalue()
