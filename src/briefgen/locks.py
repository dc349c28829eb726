"""An exclusive lock for work that one process at a time may do (a run writing an output folder).

    with file_lock(lock_path, wait=0, what="another briefgen run is writing to out/"):
        ...

It is the same OS file lock the caches use (the ``filelock`` package: ``fcntl.flock`` on POSIX,
``msvcrt.locking`` on Windows), which the OS releases when a process ends however it ends (Ctrl-C,
SIGKILL, a crash), so a stale lock file never blocks the next run.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from .errors import OutputError


@contextlib.contextmanager
def file_lock(path: Path, wait: float = 0.0, what: str = "another process holds the lock"):
    """Hold an exclusive lock on ``path`` (created if needed); waits up to ``wait`` seconds, then raises
    OutputError with ``what``."""
    from filelock import FileLock, Timeout

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(path), timeout=wait)
    try:
        lock.acquire()
    except Timeout:
        raise OutputError(what) from None
    try:
        yield
    finally:
        lock.release()
