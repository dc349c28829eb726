"""One writer at a time for a cache file that several briefgen processes share.

A batch starts many builds at once against one per-user cache. Every access to a cache file (the
converted fonts and their sidecars, the system font index) happens inside ``cache_lock`` on a
``.lock`` file beside it: a reader never sees a sidecar from one writer and a font from another, two
writers never lose each other's characters, and a cold cache is converted by one process while the
others wait and then reuse it. Readers hold the lock too, because on Windows a file that another
process has open cannot be replaced.

The lock is an OS file lock (``fcntl.flock`` on POSIX, ``msvcrt.locking`` on Windows, through the
``filelock`` package): the OS releases it when a process dies, so a killed build never leaves a lock
that blocks the next. A cache folder where no lock file can be made (read-only) is used unlocked:
nothing can write there either.
"""

from __future__ import annotations

import logging
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from .. import messages as M
from ..errors import FontError

log = logging.getLogger("briefgen.fonts")

# Converting the base set of both bundled fonts takes well under a minute; ten minutes means the
# process holding the lock is stuck, not busy.
WAIT_SECONDS = 600.0


@contextmanager
def cache_lock(target: Path, doing: object = "", on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the lock of cache file ``target`` (``<target>.lock``); say so if another process has it.

    ``doing`` completes "waiting for another briefgen process (…)" in the log while this one waits;
    ``on_wait`` is called once before waiting (to tell the holder what this process needs).
    Raises FontError after :data:`WAIT_SECONDS`.
    """
    from filelock import FileLock, Timeout

    path = Path(target).with_name(Path(target).name + ".lock")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not os.access(path.parent, os.W_OK):
            raise PermissionError(path.parent)  # Windows' lock would take this for a busy lock and wait
        lock = FileLock(str(path), thread_local=False)
        try:
            lock.acquire(timeout=0)
        except Timeout:
            log.info("%s", M.font_lock_wait(doing=doing) if doing else M.font_lock_wait_plain())
            if on_wait is not None:
                on_wait()
            lock.acquire(timeout=WAIT_SECONDS)
    except Timeout:
        raise FontError(M.font_lock_held(path=path, seconds=f"{WAIT_SECONDS:.0f}")) from None
    except OSError:
        yield  # read-only cache folder: nobody can write there, so nobody needs to wait
        return
    try:
        yield
    finally:
        lock.release()
