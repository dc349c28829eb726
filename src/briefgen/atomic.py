"""Writing files safely: atomically (temp file, then rename), so no run leaves half a file.

``write_atomic`` writes one file; ``write_all`` writes a set of files (one build's outputs) so that
either all of them are replaced or, if one cannot be, the failure is reported before any is touched
wherever that can be known in advance.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
from pathlib import Path

from . import messages as M
from .errors import OutputError


TMP_PATTERN = re.compile(r"^\..+\.[0-9a-f]{12}\.tmp$")  # what _stage names its temporary files


def remove_stale(folder: Path) -> list[Path]:
    """Delete the temporary files that an interrupted run left in ``folder`` (call it holding the folder's
    lock, so that no running writer's files are taken). Returns what was removed."""
    removed = []
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return removed
    for p in entries:
        if TMP_PATTERN.match(p.name) and p.is_file():
            try:
                p.unlink()
                removed.append(p)
            except OSError:
                pass
    return removed


def _stage(path: Path, data: bytes) -> Path:
    """Write ``data`` beside ``path`` in a temporary file (mode 0o666 less the umask), flushed to disk."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        _discard([tmp])
        raise
    return tmp


def _discard(paths) -> None:
    for p in paths:
        try:
            os.unlink(p)
        except FileNotFoundError:
            pass


def _reason(path: Path, exc: OSError):
    if path.is_dir():
        return M.folder_in_the_way(path=path)
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EBUSY):
        return M.permission_denied(path=path)
    return M.cannot_write(path=path, reason=exc.strerror or exc)


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that an interrupted run never leaves half a file."""
    write_all([(Path(path), data)])


def write_all(files: list[tuple[Path, bytes]]) -> None:
    """Write several files: every one is staged first, then all are renamed into place.

    A file that cannot be staged (no folder, no space, no permission) stops the run before any
    output changes. Raises OutputError with one line naming the file and what to do.
    """
    staged: list[tuple[Path, Path]] = []
    try:
        for path, data in files:
            path = Path(path)
            if path.is_dir():
                raise OutputError(_reason(path, IsADirectoryError(errno.EISDIR, "is a folder")))
            try:
                staged.append((_stage(path, data), path))
            except OSError as exc:
                raise OutputError(_reason(path, exc)) from None
        for tmp, path in staged:
            try:
                os.replace(tmp, path)
            except OSError as exc:
                raise OutputError(_reason(path, exc)) from None
    except BaseException:
        _discard(tmp for tmp, _ in staged)
        raise
