"""Write output files atomically: to a temporary file beside the target, then rename.

Every file pianodocs writes (workbooks, DOCX, PDF, exports) goes through
:func:`atomic_output`, so an interrupted or failed write never leaves half a
file behind and never corrupts an existing one.
"""

from __future__ import annotations

import errno
import os
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


_REASONS = {
    errno.ENOSPC: "disco pieno",
    errno.EDQUOT: "quota del disco esaurita",
    errno.EACCES: "permesso negato",
    errno.EPERM: "operazione non permessa",
    errno.EROFS: "file system in sola lettura",
    errno.EISDIR: "la destinazione è una cartella",
    errno.ENOENT: "cartella inesistente",
    errno.ENOTDIR: "un elemento del percorso è un file, non una cartella",
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
