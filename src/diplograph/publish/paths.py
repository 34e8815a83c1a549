"""Site paths as files: the one place where a path of the site (from an IRI) becomes a file.

:func:`file_path` refuses every site path that could leave the output folder or that no file
system can hold; it never escapes or rewrites one, so a refused IRI is reported, not renamed.

>>> file_path(Path("/out"), "id/wang-yi.html")
PosixPath('/out/id/wang-yi.html')
>>> file_path(Path("/out"), "id/../../tmp/x.html")
Traceback (most recent call last):
...
diplograph.publish.paths.UnsafePath: id/../../tmp/x.html: a '..' segment
"""

from __future__ import annotations

from pathlib import Path

from diplograph.errors import DiplographError

MAX_SEGMENT = 200
"""Bytes (UTF-8) of one file or folder name, extension included (file systems allow 255)."""
MAX_PATH = 1000
"""Bytes (UTF-8) of a whole site path (Linux allows 4096 for the absolute path)."""


class UnsafePath(DiplographError):
    """A site path that cannot be a file inside the output folder."""


def check(path: str) -> list[str]:
    """The segments of the site path ``path``; :class:`UnsafePath` when it is refused.

    Refused: an empty path, an absolute path, empty, ``.`` or ``..`` segments, a backslash,
    NUL or any other control character, a segment over :data:`MAX_SEGMENT` bytes or a whole
    path over :data:`MAX_PATH` bytes, and text that is not encodable as UTF-8 (lone surrogates).
    """
    if not path:
        raise UnsafePath("an empty site path")
    try:
        size = len(path.encode("utf-8"))
    except UnicodeEncodeError:
        raise UnsafePath(f"{path!r}: not encodable as UTF-8") from None
    if path.startswith("/"):
        raise UnsafePath(f"{path}: an absolute path")
    if "\\" in path:
        raise UnsafePath(f"{path}: a backslash")
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in path):
        raise UnsafePath(f"{path!r}: a control character (NUL, newline, …)")
    if size > MAX_PATH:
        raise UnsafePath(f"{path[:60]}…: longer than {MAX_PATH} bytes")
    segments = path.split("/")
    for segment in segments:
        if segment in ("", ".", ".."):
            raise UnsafePath(f"{path}: a{' ' + repr(segment) if segment else 'n empty'} segment")
        if len(segment.encode("utf-8")) > MAX_SEGMENT:
            raise UnsafePath(f"{path[:60]}…: a name longer than {MAX_SEGMENT} bytes")
    return segments


def file_path(root: Path, path: str) -> Path:
    """The file of the site path ``path`` under ``root`` (always inside it), or UnsafePath."""
    return root.joinpath(*check(path))
