"""Saves in a working folder -> one signal per save that changed something briefgen reads (watchfiles).

    for key in changes_sync([folder]): rebuild()                 # `briefgen watch`
    async for key in changes([folder, uploads], stop=...): ...    # the web page

Editors do not save in one event: Word, WPS and Excel write a temporary file and rename it over the old one, leave
``~$`` lock files beside it, and one save arrives as several events. So events are grouped (``step_ms`` of quiet
ends a group), and a group is passed on only when the folder's fingerprint (``workdir.folder.fingerprint``: the
names and contents of the files briefgen reads) differs from the last one passed on: a save is one signal, a lock
file or a save of the same bytes none.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import AsyncIterator, Awaitable, Callable, Iterator

from .folder import SKIPPED_FOLDERS, fingerprint, is_scratch, role_of


def relevant(change, path: str) -> bool:
    """A change worth looking at: a file briefgen reads, not an editor's scratch file, not under out/."""
    p = Path(path)
    if any(part in SKIPPED_FOLDERS for part in p.parts):
        return False
    return not is_scratch(p.name) and role_of(p.name) is not None


async def changes(folders: list[Path], step_ms: int = 50, stop: Callable[[], Awaitable[bool]] | None = None,
                  last: str | None = None) -> AsyncIterator[str]:
    """Each new fingerprint of ``folders`` after a save, until ``stop()`` says so."""
    from watchfiles import awatch

    ended = asyncio.Event()

    async def poll() -> None:
        while not ended.is_set():
            if stop is not None and await stop():
                ended.set()
                return
            await asyncio.sleep(0.25)

    watcher = asyncio.create_task(poll())
    last = last or await asyncio.to_thread(fingerprint, folders)
    try:
        async for _ in awatch(*[f for f in folders if f.is_dir()], watch_filter=relevant, step=step_ms, debounce=1600,
                              stop_event=ended, rust_timeout=500):
            key = await asyncio.to_thread(fingerprint, folders)
            if key != last:
                last = key
                yield key
    finally:
        ended.set()
        watcher.cancel()


def changes_sync(folders: list[Path], step_ms: int = 50, stop_event=None) -> Iterator[str]:
    """The same for a command line: blocks until the next save that changed something."""
    from watchfiles import watch

    last = fingerprint(folders)
    for _ in watch(*[f for f in folders if f.is_dir()], watch_filter=relevant, step=step_ms, debounce=1600,
                   stop_event=stop_event, rust_timeout=500, raise_interrupt=False):
        key = fingerprint(folders)
        if key != last:
            last = key
            yield key
