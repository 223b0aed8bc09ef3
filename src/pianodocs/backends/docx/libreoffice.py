"""Convert a file with LibreOffice (``soffice --headless --convert-to``), in a profile of its own, killed whole on a stop.

The DOCX backend has LibreOffice lay out a draft to read the SOMMARIO's page
numbers (:mod:`.pagination`); the tests and the annex's page count convert
through here too. soffice runs in a session of its own: on a timeout or a
Ctrl-C its whole process group (soffice.bin with it) is killed, so none
outlives pianodocs.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path

from ...errors import PianodocsError

logger = logging.getLogger(__name__)

LIBREOFFICE_TIMEOUT = 180.0


def find_soffice() -> str | None:
    """The LibreOffice program this machine runs (``soffice``, else ``libreoffice``), or None when it has none."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_with_libreoffice(
    source: Path,
    folder: Path,
    timeout: float = LIBREOFFICE_TIMEOUT,
    *,
    target: str = "pdf",
    env: Mapping[str, str] | None = None,
) -> Path:
    """Convert ``source`` to format ``target`` (``pdf``, ``xlsx`` ...) in ``folder`` with LibreOffice; return the file.

    LibreOffice runs with a profile of its own, so it runs beside other
    instances and a user's settings do not change the result; ``env`` is its
    environment (default: this process's), e.g. to give it another fontconfig.
    """
    soffice = find_soffice()
    if soffice is None:
        raise PianodocsError("LibreOffice (soffice) non è installato.")
    with tempfile.TemporaryDirectory(prefix="pianodocs-libreoffice-") as profile:
        command = [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore"]
        command += ["--convert-to", target, "--outdir", str(folder), str(source)]
        process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
            env=dict(env) if env is not None else None,
        )
        try:
            output, errors = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired as error:
            _end(process)
            raise PianodocsError(f"LibreOffice non ha convertito {source.name} entro {timeout:.0f} secondi.") from error
        except BaseException:  # Ctrl-C: soffice, in a session of its own, would outlive us and keep writing its profile
            _end(process)
            raise
    converted = folder / f"{source.stem}.{target.split(':')[0]}"
    if process.returncode != 0 or not converted.is_file():
        logger.debug("LibreOffice (uscita %s): %s", process.returncode, (errors or output).strip())  # English
        raise PianodocsError(f"LibreOffice non ha convertito {source.name} (codice di uscita {process.returncode}).")
    return converted


def _end(process: subprocess.Popen[str]) -> None:
    """Stop soffice and what it started (soffice.bin): the whole process group."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.communicate()
