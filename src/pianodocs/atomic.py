"""Write output files atomically, and keep every temporary file in one folder of pianodocs' own.

Every file pianodocs writes (workbooks, DOCX, PDF, exports) goes through
:func:`atomic_output`, so an interrupted or failed write never leaves half a
file behind and never corrupts an existing one. :func:`output_folder` makes the
folder a command writes into, or says in Italian why it cannot. Every temporary
file made while rendering (WeasyPrint's fonts, the DOCX pagination draft,
LibreOffice's profile) lives inside :func:`scratch_folder`, removed afterwards; a
full temporary folder or the file-size limit (``ulimit -f``) becomes an
:class:`OutputError` saying so.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import OutputError


@contextmanager
def atomic_output(path: Path | str) -> Iterator[Path]:
    """Yield a temporary path to write to; on success it replaces ``path``, on failure it is removed."""
    target = Path(path)
    if target.is_dir():
        raise OutputError(f"{target} è una cartella: indicare il nome del file da scrivere.")
    folder = target.parent if str(target.parent) else Path(".")
    try:
        handle, temporary_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except FileNotFoundError as error:
        raise OutputError(f"La cartella di destinazione non esiste: {folder}") from error
    except PermissionError as error:
        raise OutputError(f"Non è possibile scrivere nella cartella {folder}: permesso negato.") from error
    except OSError as error:
        raise OutputError(f"Non è possibile scrivere nella cartella {folder}: {_reason(error)}.") from error
    os.close(handle)
    temporary = Path(temporary_name)
    try:
        yield temporary
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise OutputError(f"Scrittura di {target} non riuscita: {_reason(error)}.") from error
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


@contextmanager
def scratch_folder() -> Iterator[Path]:
    """A private folder under TMPDIR (``pianodocs-…``) that every temporary file of the block is made in, then removed.

    Python's and the libraries' temporary files (``tempfile``) go there while the
    block runs; a write failing for a full disk or the file-size limit becomes an
    :class:`OutputError`. Blocks nest: an inner one uses the outer's folder.
    """
    global _active
    if _active is not None:
        yield _active
        return
    try:
        folder = Path(tempfile.mkdtemp(prefix="pianodocs-"))
    except OSError as error:
        raise _scratch_error(error, Path(tempfile.gettempdir())) from error
    previous, tempfile.tempdir, _active = tempfile.tempdir, str(folder), folder
    try:
        yield folder
    except OSError as error:
        if error.errno not in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            raise
        raise _scratch_error(error, folder.parent) from error
    finally:
        tempfile.tempdir, _active = previous, None
        shutil.rmtree(folder, ignore_errors=True)


_active: Path | None = None


def _scratch_error(error: OSError, folder: Path) -> OutputError:
    if error.errno == errno.EFBIG:
        return OutputError(
            "Limite alla dimensione dei file raggiunto (ulimit -f): il documento non è stato scritto. "
            "Aumentare il limite (ulimit -f unlimited) e riprovare."
        )
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return OutputError(
            f"Spazio esaurito nella cartella temporanea {folder}: liberare spazio o indicarne un'altra con TMPDIR, "
            "poi riprovare. Nessun documento è stato modificato."
        )
    return OutputError(f"Non è possibile usare la cartella temporanea {folder}: {_reason(error)}.")


def output_folder(path: Path | str) -> Path:
    """The folder ``path``, created if missing, once it is sure files can be written in it (else an OutputError)."""
    folder = Path(path)
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder} è un file, non una cartella: indicare una cartella in cui scrivere.")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, probe = tempfile.mkstemp(prefix=".pianodocs-prova.", dir=folder)
    except OSError as error:
        raise OutputError(f"Non è possibile scrivere nella cartella {folder}: {_reason(error)}.") from error
    os.close(handle)
    os.unlink(probe)
    return folder


_REASONS = {
    errno.ENOSPC: "disco pieno",
    errno.EDQUOT: "quota del disco esaurita",
    errno.EACCES: "permesso negato",
    errno.EPERM: "operazione non permessa",
    errno.EROFS: "file system in sola lettura",
    errno.EISDIR: "la destinazione è una cartella",
    errno.ENOENT: "cartella inesistente",
    errno.ENOTDIR: "un elemento del percorso è un file, non una cartella",
    errno.EEXIST: "un elemento del percorso è un file, non una cartella",
    errno.EFBIG: "superato il limite alla dimensione dei file (ulimit -f)",
}


def _reason(error: OSError) -> str:
    """The cause of an OS error in Italian (the system's own text is English)."""
    return _REASONS.get(error.errno or 0, f"errore di sistema {error.errno}")


def _mode_for(target: Path) -> int:
    """The existing file's permissions, or the usual ones for a new file (mkstemp makes it private)."""
    try:
        return target.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
