"""A period's kept result (督办结果.json, beside its documents in OUT/PERIOD) read back for the next period, checked.

The output folder is shared: what it holds may be damaged, replaced or a link. A result is read as briefgen reads
its manifest (a regular file, not a link or a pipe, of at most limits.MAX_MANIFEST_BYTES) and checked against the
shape ``follow.kept`` writes before the next 通报, forms or 台账 use a value of it; one that is not refuses the run
with its path and the field, since the issue numbers and what moved depend on every earlier period.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

from .. import limits
from .. import messages as M
from ..errors import DataError, Location, Problem
from .rules import COLOUR_WORDS

_TEXT = ("title", "lead", "status", "closure", "closed_on", "evidence", "progress")


def _bad(path: Path, detail: Any, field: str = "") -> DataError:
    return DataError([Problem(Location(str(path)), field, M.tr_result_bad(detail=detail, folder=path.parent))])


def _text(value: Any) -> bool:
    return isinstance(value, str) and len(value) <= limits.MAX_STRING_CHARS


def _count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= limits.MAX_TABLE_ROWS * 100


def check_kept(data: Any) -> str | None:
    """The first field of ``data`` that is not as ``follow.kept`` writes it (its dotted path), or None."""
    if not isinstance(data, dict):
        return ""
    period = data.get("period")
    if not (isinstance(period, str) and re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", period)
            and limits.MIN_YEAR <= int(period[:4]) <= limits.MAX_YEAR):
        return "period"
    for key in ("as_of", "rule"):
        if not _text(data.get(key)):
            return key
    for key in ("issue", "done", "total"):
        if not _count(data.get(key)):
            return key
    if data["done"] > data["total"]:
        return "done"
    tasks = data.get("tasks")
    if not isinstance(tasks, dict) or len(tasks) > limits.MAX_TABLE_ROWS * 100:
        return "tasks"
    for ident, task in tasks.items():
        where = f"tasks.{ident[:40]}"
        if not isinstance(task, dict):
            return where
        for key in _TEXT:
            if key in task and not _text(task[key]):
                return f"{where}.{key}"
        if not _text(task.get("status")):
            return f"{where}.status"
        if task.get("colour") not in COLOUR_WORDS:
            return f"{where}.colour"
        percent = task.get("percent")
        if percent is not None and (isinstance(percent, bool) or not isinstance(percent, (int, float))
                                    or not math.isfinite(percent) or not 0 <= percent <= 100):
            return f"{where}.percent"
    return None


def read_kept(path: Path) -> dict:
    """The kept result at ``path``, checked (raises DataError naming the path and the field)."""
    import os

    from ..jobs.manifest import NotRegular, open_regular

    try:
        fd, st = open_regular(path)
    except NotRegular:
        raise _bad(path, M.tr_result_not_regular()) from None
    except OSError as exc:
        raise DataError([Problem(Location(str(path)), "", M.cannot_read(reason=exc.strerror or exc))]) from None
    try:
        if st.st_size > limits.MAX_MANIFEST_BYTES:
            raise _bad(path, M.tr_result_size(size=limits.megabytes(st.st_size), limit=limits.megabytes(limits.MAX_MANIFEST_BYTES)))
        with os.fdopen(fd, "rb", closefd=False) as fh:
            raw = fh.read(limits.MAX_MANIFEST_BYTES + 1)
    finally:
        os.close(fd)
    try:
        data = json.loads(raw.decode("utf-8"), parse_constant=lambda name: float("nan"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _bad(path, M.tr_result_json()) from None
    field = check_kept(data)
    if field is not None:
        raise _bad(path, M.tr_result_field(), field)
    return data
