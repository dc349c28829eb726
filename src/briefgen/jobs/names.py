"""Output file names from data: a pattern filled with the document's fields, made safe on every system.

    name = file_name("{date}_{issuer}_{department}_{document}", fields, "pdf")

A field value may hold anything a data file holds, so each one is cleaned before it is put in: no path
separators or characters Windows refuses (\\ / : * ? " < > |), no control, zero-width or bidi characters, no
``..``, no leading or trailing dots and spaces, no reserved device names (CON, NUL, COM1 …); the whole name
is capped at ``MAX_BYTES`` of UTF-8, a cut name keeping a short hash of what was cut so that it stays unique.
``unique_names`` gives names that would collide (also by case, as Windows and macOS compare them) distinct
suffixes derived from their own values, so the result does not depend on the order of the data.
"""

from __future__ import annotations

import hashlib
import re
import string
import unicodedata
from dataclasses import dataclass

from .. import messages as M
from ..errors import BriefgenError

MAX_BYTES = 120
FIELDS = ("issuer", "document", "date", "year", "period", "template", "department")
RESERVED = frozenset({"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"} | {f"{d}{n}" for d in ("COM", "LPT") for n in "123456789¹²³"})
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')


class FileNameError(BriefgenError):
    """A file-name pattern or a value that cannot make a file name."""


def clean_part(value: str) -> str:
    """One field value as a piece of a file name ('' when nothing of it is left)."""
    text = unicodedata.normalize("NFC", str(value))
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf", "Co", "Cs", "Cn") or ch in "\t\n")
    text = _UNSAFE.sub("_", text)
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\.{2,}", "_", text)
    return text.strip(" ._")


def _digest(value: str, n: int = 6) -> str:
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:n]


def _cap(stem: str, suffix: str) -> str:
    limit = MAX_BYTES - len(suffix.encode())
    if len(stem.encode()) <= limit:
        return stem
    tag = "~" + _digest(stem)
    room = limit - len(tag)
    cut = stem.encode()[:room].decode("utf-8", "ignore").rstrip(" ._")
    return cut + tag


def check_pattern(pattern: str) -> list[str]:
    """The fields ``pattern`` uses; raises FileNameError for an unknown field or a pattern with a folder in it."""
    try:
        used = [f for _, f, _, _ in string.Formatter().parse(pattern) if f is not None]
    except ValueError as exc:
        raise FileNameError(M.names_not_pattern(pattern=repr(pattern), detail=exc)) from None
    unknown = [f for f in used if f not in FIELDS]
    if unknown:
        raise FileNameError(M.names_unknown_field(field="{" + unknown[0] + "}", pattern=repr(pattern),
                                                  fields=["{" + f + "}" for f in FIELDS]))
    if "/" in pattern or "\\" in pattern:
        raise FileNameError(M.names_folder(pattern=repr(pattern)))
    return used


def file_name(pattern: str, fields: dict[str, str], suffix: str) -> str:
    """The safe file name for one document: ``pattern`` filled with the cleaned ``fields``, plus ``.suffix``."""
    check_pattern(pattern)
    parts = {k: clean_part(fields.get(k, "")) for k in FIELDS}
    stem = clean_part(pattern.format(**parts))
    stem = re.sub(r"_{2,}", "_", stem).strip("_ .")
    if not stem:
        raise FileNameError(M.names_empty(pattern=repr(pattern), document=repr(fields.get("document") or fields.get("template"))))
    if stem.split(".")[0].upper() in RESERVED:
        stem = "_" + stem
    ext = "." + suffix
    return _cap(stem, ext) + ext


@dataclass(frozen=True)
class Named:
    key: str  # what the name stands for (a department, a template), for the collision suffix
    name: str


def unique_names(items: list[Named]) -> list[str]:
    """Names with collisions (compared without case) told apart by a hash of each item's own key; again, with a
    longer hash, while a told-apart name meets another item's name (a department named like another's suffix)."""
    out = [item.name for item in items]
    for round_ in range(8):
        seen: dict[str, list[int]] = {}
        for i, name in enumerate(out):
            seen.setdefault(name.casefold(), []).append(i)
        clashes = [indexes for indexes in seen.values() if len(indexes) > 1]
        if not clashes:
            break
        for indexes in clashes:
            for i in indexes:
                stem, dot, ext = items[i].name.rpartition(".")
                key = items[i].key if round_ == 0 else f"{items[i].key}\x00{round_}"
                tag = "~" + _digest(key, 6 + 2 * round_)
                out[i] = _cap(stem, tag + dot + ext) + tag + dot + ext
    return out
