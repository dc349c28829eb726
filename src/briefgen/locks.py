"""An exclusive lock for work that one process at a time may do (a run writing an output folder).

    with file_lock(lock_path, wait=0, what="another briefgen run is writing to out/"):
        ...

It is the same OS file lock the caches use (the ``filelock`` package: ``fcntl.flock`` on POSIX,
``msvcrt.locking`` on Windows), which the OS releases when a process ends however it ends (Ctrl-C,
SIGKILL, a crash), so a stale lock file never blocks the next run.
"""

from __future__ import annotations

import contextlib
import errno
import os
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


# ---- the output folder's own lock ------------------------------------------------------------------------------

LOCK_NAME = ".briefgen.lock"


def _missing_parents(folder: Path) -> list[Path]:
    """The folders that making ``folder`` creates, deepest first."""
    made, p = [], Path(folder)
    while not os.path.lexists(p):
        made.append(p)
        if p.parent == p:
            break
        p = p.parent
    return made


def _remove_if_empty(folders: list[Path]) -> None:
    for p in folders:
        try:
            p.rmdir()
        except OSError:
            return


def _acquire(path: Path, what, bad) -> int:
    import fcntl
    import stat

    flags = os.O_RDONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    for _ in range(50):
        try:
            fd = os.open(path, flags, 0o666)
        except OSError as exc:
            if exc.errno in (errno.ELOOP, errno.EISDIR, errno.ENXIO):
                raise OutputError(bad) from None
            raise
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                raise OutputError(bad)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise OutputError(what) from None
            if st.st_uid == os.getuid() and stat.S_IMODE(st.st_mode) != 0o666:
                try:
                    os.fchmod(fd, 0o666)  # a colleague's run must be able to open it to wait on it
                except OSError:
                    pass
            try:
                now = os.stat(path, follow_symlinks=False)
            except FileNotFoundError:
                now = None
            if now is not None and (now.st_dev, now.st_ino) == (st.st_dev, st.st_ino):
                return fd
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)  # the run before removed it as we opened it: lock the one that is there now
    raise OutputError(what)


@contextlib.contextmanager
def folder_lock(folder: Path, what, bad=None):
    """Hold the lock of an output folder: the file ``.briefgen.lock`` in the folder itself, so that every run
    into it sees it, whoever runs it and whatever their cache (an office's shared drive). The folder is made
    for it (and removed again when the run leaves it empty); the lock file is removed when the run ends (a run
    killed outright leaves it, unlocked: the next run takes it). A second run raises OutputError with ``what``;
    a link, a pipe or a folder at the lock's name raises ``bad``."""
    folder = Path(folder)
    made = _missing_parents(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOCK_NAME
    if os.name != "posix":  # pragma: no cover - Windows: the same lock through filelock (msvcrt.locking)
        try:
            with file_lock(path, 0.0, what):
                yield path
        finally:
            try:
                os.unlink(path)
            except OSError:
                pass
            _remove_if_empty(made)
        return
    try:
        fd = _acquire(path, what, bad or what)
    except BaseException:
        _remove_if_empty(made)
        raise
    try:
        yield path
    finally:
        try:
            os.unlink(path)  # still held: a run that opened it meanwhile finds it gone and takes the next one
        except OSError:
            pass
        os.close(fd)
        _remove_if_empty(made)
