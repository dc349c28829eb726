"""An exclusive lock on a file, for work that one process at a time may do (a run writing an output folder).

    with file_lock(folder / ".briefgen.lock", wait=0, what="another briefgen run is writing to out/"):
        ...

The operating system releases the lock when the process ends, however it ends (Ctrl-C, SIGKILL, a crash), so
a stale lock file never blocks the next run. POSIX uses ``fcntl.flock``, Windows ``msvcrt.locking``.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from .errors import OutputError


def _try_lock(fd: int) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


@contextlib.contextmanager
def file_lock(path: Path, wait: float = 0.0, what: str = "another process holds the lock"):
    """Hold an exclusive lock on ``path`` (created if needed); waits up to ``wait`` seconds, then raises
    OutputError with ``what``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        deadline = time.monotonic() + wait
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                raise OutputError(what)
            time.sleep(0.05)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock
