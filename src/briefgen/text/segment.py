"""Word segmentation of titles and names (rjieba, jieba's dictionary in Rust), with a per-user cache of the titles
already cut, so that no process loads the word dictionary for a title it has seen.

    word_interiors("主要经济指标完成情况")   # the positions inside words, where a title should not break
    name_words("社会事务管理办公室")          # a department name cut into its words"""

from __future__ import annotations

import functools
from contextlib import contextmanager

from ..atomic import write_atomic
from ..cache import cache_root
from ..errors import OutputError

_segmented: dict[str, tuple[int, ...]] | None = None
_pending: dict[str, tuple[int, ...]] = {}  # segmented in this process, not yet in the cache file
_held = 0  # flushes wait while this is above 0 (``held_flushes``)


def _segmenter_stamp() -> str:
    """Names the installed segmenter (without loading it), so an upgrade starts a fresh cache."""
    import importlib.util
    import os

    spec = importlib.util.find_spec("rjieba")
    origin = spec.origin if spec and spec.origin else ""
    try:
        st = os.stat(origin)
        return f"{st.st_size:x}{int(st.st_mtime):x}"
    except OSError:
        return "none"


def _segment(text: str) -> tuple[int, ...]:
    """Interior offsets of the words of ``text``, remembered in the user cache: loading the word
    dictionary costs a tenth of a second, and the same titles come back build after build.

    The cache file is shared by every briefgen process: it is read whole (it is only ever replaced
    whole), and a new entry is added under a lock by re-reading the file, merging and replacing it,
    so concurrent builds never drop each other's entries.
    """
    global _segmented
    if not text or max(text) < "\u2e80":
        # No CJK character (a number cell, a Latin name): every word the segmenter could find lies inside
        # one Latin unit or is a single mark, so its interiors never start a unit; no dictionary needed.
        return ()
    if _segmented is None:
        _segmented = _load_segments(_segments_path())
    if text in _segmented:
        return _segmented[text]
    try:
        import rjieba
    except ImportError:  # pragma: no cover - a dependency; titles then break between any characters
        return ()
    inside: list[int] = []
    pos = 0
    for word in rjieba.cut(text):
        if len(word) > 1:
            inside.extend(range(pos + 1, pos + len(word)))
        pos += len(word)
    _segmented[text] = found = tuple(inside)
    if not _pending:
        import atexit

        atexit.register(flush_segments)  # for callers that never flush; the render road flushes per document
    _pending[text] = found
    return found


def _segments_path():
    return cache_root() / f"title-words-{_segmenter_stamp()}.json"


def flush_segments() -> None:
    """Add the texts segmented since the last flush to the shared cache file, in one locked rewrite
    (the render road calls this once per document, not once per new title)."""
    global _segmented
    if not _pending or _held:
        return
    entries = dict(_pending)
    _pending.clear()
    merged = _remember(_segments_path(), entries)
    if merged is not None and _segmented is not None:
        merged.update((k, v) for k, v in _segmented.items() if k not in merged)
        _segmented = merged


@contextmanager
def held_flushes():
    """Within it, ``flush_segments`` waits; the outermost ``held_flushes`` flushes once as it ends. A batch worker
    makes a chunk of documents in one: a batch of new departments rewrote the cache file (locked, read, merged,
    written) once per brief, ~2.5 ms of CPU each."""
    global _held
    _held += 1
    try:
        yield
    finally:
        _held -= 1
        if not _held:
            flush_segments()


_SEGMENTS_KEPT = 2000  # past this many titles, the oldest half is dropped


def _segments_lock(path):
    """The lock of the cache file (readers take it too: on Windows an open file cannot be replaced)."""
    from filelock import FileLock

    path.parent.mkdir(parents=True, exist_ok=True)
    return FileLock(str(path) + ".lock", timeout=30, thread_local=False)


def _load_segments(path) -> dict[str, tuple[int, ...]]:
    from filelock import Timeout

    try:
        with _segments_lock(path):
            return _read_segments(path)
    except (OSError, Timeout):  # a read-only or busy cache folder: read it as it is
        return _read_segments(path)


def _read_segments(path) -> dict[str, tuple[int, ...]]:
    import json

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {str(k): tuple(int(i) for i in v) for k, v in data.items()}
    except (OSError, ValueError, AttributeError, TypeError):
        return {}


def _remember(path, entries: dict[str, tuple[int, ...]]) -> dict[str, tuple[int, ...]] | None:
    """Add entries to the shared cache file; the merged contents, or None if the cache is unwritable."""
    import json

    from filelock import Timeout


    try:
        with _segments_lock(path):
            merged = _read_segments(path)
            for text, found in entries.items():
                merged.pop(text, None)
                merged[text] = found
            if len(merged) > _SEGMENTS_KEPT:  # titles of long ago go first
                merged = dict(list(merged.items())[-(_SEGMENTS_KEPT // 2):])
            write_atomic(path, json.dumps(merged, ensure_ascii=False).encode("utf-8"))
            return merged
    except (OSError, OutputError, Timeout):
        return None  # a read-only or busy cache only costs time


def word_interiors(text: str, keep: tuple[str, ...] = ()) -> set[int]:
    """Offsets of ``text`` that lie inside a word, so a title breaks between words, not inside them.

    Words come from Chinese word segmentation (rjieba, the Rust port of jieba); ``keep`` adds names
    the dictionary does not know, such as the issuer (前江街道). Without rjieba, no offsets.
    """
    inside = set(_segment(text))
    for phrase in keep:
        if len(phrase) < 2:
            continue
        start = text.find(phrase)
        while start >= 0:
            inside.update(range(start + 1, start + len(phrase)))
            start = text.find(phrase, start + 1)
    return inside


@functools.lru_cache(maxsize=4096)
def name_words(name: str) -> tuple[str, ...]:
    """A name cut into its words (经济发展办公室 -> 经济 发展 办公室); a one-character word joins the next
    (姚江新城前江片区指挥部 -> … 前江 片区 …), so no line of a name starts or ends with a lone character.
    The words come from the segmentation cache that titles use (``_segment``)."""
    inside = set(_segment(name))
    cuts = [k for k in range(1, len(name)) if k not in inside]
    words: list[str] = []
    pending = ""
    for a, b in zip([0, *cuts], [*cuts, len(name)]):
        word = pending + name[a:b]
        pending = ""
        if len(word) < 2:
            pending = word
            continue
        words.append(word)
    if pending:
        if words:
            words[-1] += pending
        else:
            words.append(pending)
    return tuple(words)
