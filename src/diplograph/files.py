"""Writing output files whole or not at all, with the user's umask, and OS errors as one line.

A file is written to a temporary file in its own folder, then renamed over the target
(``os.replace``, atomic on POSIX): a full disk, a kill or a missing permission leaves the old file
or none, never half of a new one. The new file gets the permissions any program would give it
(``0666`` less the umask), not the ``0600`` of a temporary file.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> write_atomically(folder / "a.txt", b"whole")
>>> (folder / "a.txt").read_bytes(), sorted(p.name for p in folder.iterdir())
(b'whole', ['a.txt'])
>>> write_atomically(folder / "missing" / "a.txt", b"x")
Traceback (most recent call last):
...
diplograph.errors.DiplographError: .../missing/a.txt: cannot write: No such file or directory
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from diplograph.errors import DiplographError


def os_error(path: Path | str, error: OSError, doing: str = "cannot write") -> DiplographError:
    """One line naming the path and the reason: ``PATH: cannot write: No space left on device``."""
    return DiplographError(f"{path}: {doing}: {error.strerror or error}")


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole (temporary file in the same folder, then rename).

    A device or a pipe (``/dev/full``, ``/dev/stdout``) is written in place: it cannot be replaced.
    """
    if path.is_dir():
        raise DiplographError(f"{path}: cannot write: is a folder")
    if path.exists() and not path.is_file():
        try:
            with path.open("wb") as device:
                device.write(data)
        except OSError as error:
            raise os_error(path, error) from None
        return
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:  # 0o666 less the umask, as for any new file
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as error:
        raise os_error(path, error) from None
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise os_error(path, error) from None
