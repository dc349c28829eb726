"""manifest.json: what a run wrote into its folder, with checksums, and what each file was made from.

    {"briefgen": "0.1.0", "files": {"<name>": {"sha256", "size", "format", "template", "theme", "unit",
                                              "key", "pages", "archive", "inputs": [...], "warnings": [...]}},
     "inputs": {"<path>": {"sha256", "size", "role"}}}

``key`` is the hash of everything the file's bytes depend on (the data the document shows, the template files,
the theme chain, the options, briefgen's version): a later run that computes the same key, finds the file with
the recorded checksum and the recorded fonts unchanged, skips it. ``verify`` re-hashes a folder against its
manifest and reports missing, changed and extra files.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import messages as M
from ..errors import BriefgenError, one_line
from ..limits import MAX_MANIFEST_BYTES, MAX_MANIFEST_DEPTH, MAX_NUMBER_CHARS, megabytes

MANIFEST = "manifest.json"
LOCK = ".briefgen.lock"  # the folder's lock (briefgen.locks.folder_lock): briefgen's own, never an output
HEADER = b'{\n "briefgen": "'  # how every manifest briefgen writes begins (Manifest.to_bytes)

_hash_memo: dict[tuple[str, int, int], str] = {}
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


class NotRegular(OSError):
    """A path at one of briefgen's names that is a link, a pipe, a device or a folder."""


def open_regular(path: Path) -> tuple[int, os.stat_result]:
    """Open ``path`` for reading without following a link and without waiting on a pipe; a regular file only.
    Returns the descriptor and its stat; raises FileNotFoundError, NotRegular or another OSError."""
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        if exc.errno == errno.ELOOP or (not _NOFOLLOW and os.path.islink(path)):
            raise NotRegular(errno.ELOOP, "a symbolic link", str(path)) from None
        if exc.errno in (errno.EISDIR, errno.ENXIO):
            raise NotRegular(exc.errno, "not a regular file", str(path)) from None
        raise
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode) or (not _NOFOLLOW and os.path.islink(path)):
        os.close(fd)
        raise NotRegular(errno.EINVAL, "not a regular file", str(path))
    return fd, st


def file_sha256(path: Path, follow: bool = True) -> str:
    """SHA-256 of a file, remembered for the run by (path, size, mtime). With ``follow=False`` (a file at one of
    briefgen's own names) a link or a special file raises NotRegular instead of being read."""
    if follow:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            raise NotRegular(errno.EINVAL, "not a regular file", str(path))
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0))
    else:
        fd, st = open_regular(path)
    try:
        memo_key = (str(path), st.st_size, st.st_mtime_ns, st.st_ino)
        known = _hash_memo.get(memo_key)
        if known is None:
            h = hashlib.sha256()
            with os.fdopen(fd, "rb", closefd=False) as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    h.update(block)
            known = _hash_memo[memo_key] = h.hexdigest()
    finally:
        os.close(fd)
    return known


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def recipe_key(*parts: Any) -> str:
    """A stable hash of JSON-able parts (strings, numbers, lists, dicts)."""
    text = json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class ManifestError(BriefgenError):
    """A manifest that cannot be read."""


@dataclass
class Manifest:
    files: dict[str, dict] = field(default_factory=dict)
    inputs: dict[str, dict] = field(default_factory=dict)
    dropped: list[str] = field(default_factory=list)  # entries left out: not a file name here, or not briefgen's shape
    damaged: Any = None  # why briefgen's own manifest could not be read (a run replaces it; see read_manifest)

    def to_bytes(self, version: str) -> bytes:
        body = {"briefgen": version, "files": dict(sorted(self.files.items())), "inputs": dict(sorted(self.inputs.items()))}
        return (json.dumps(body, ensure_ascii=False, indent=1, sort_keys=False) + "\n").encode("utf-8")

    def add_input(self, path: str | Path, role: str) -> str:
        p = Path(path)
        digest = file_sha256(p)
        self.inputs[str(path)] = {"sha256": digest, "size": p.stat().st_size, "role": role}
        return str(path)

    def fonts_unchanged(self, entry: dict, allowed) -> bool:
        """Whether the fonts ``entry`` was drawn with are as recorded. Only fonts of this run (``allowed``, the
        paths the run's theme resolves) are hashed: a path the manifest names alone is never opened."""
        for font in entry.get("fonts", []):
            recorded = self.inputs.get(font, {}).get("sha256")
            if recorded is None or font not in allowed():
                return False
            try:
                if file_sha256(Path(font)) != recorded:
                    return False
            except OSError:
                return False
        return True


def safe_name(name: Any) -> bool:
    """Whether a manifest's entry is a plain name of a file inside the folder, as briefgen names its files: no
    folder, no separator, no drive, not absolute, not ``..``, no control character, not briefgen's own files."""
    return (isinstance(name, str) and 0 < len(name) <= 255 and name not in (".", "..", MANIFEST, LOCK)
            and not any(ch in name for ch in '/\\:\x00') and name == os.path.basename(name)
            and not os.path.isabs(name) and name.isprintable() and name.strip() == name)


_SHA = re.compile(r"[0-9a-f]{64}")


def _entry_ok(entry: Any) -> bool:
    """An entry of the shape briefgen writes (what a run or verify reads of it)."""
    if not isinstance(entry, dict):
        return False
    sha, size = entry.get("sha256"), entry.get("size")
    if not (isinstance(sha, str) and _SHA.fullmatch(sha) and type(size) is int and size >= 0):
        return False
    kinds = {"key": str, "fonts": list, "warnings": list, "missing": str, "format": str}
    if any(k in entry and not isinstance(entry[k], t) for k, t in kinds.items()):
        return False
    if not all(isinstance(f, str) for f in entry.get("fonts", [])):
        return False
    if entry.get("pages") is not None and type(entry.get("pages")) is not int:
        return False
    return type(entry.get("scale", 1.0)) in (int, float)


class _LongNumber(ValueError):
    pass


def _number(text: str):
    if len(text) > MAX_NUMBER_CHARS:
        raise _LongNumber(text)
    return int(text)


def _depth(value: Any) -> int:
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, (dict, list)):
            deepest = max(deepest, level)
            if level > MAX_MANIFEST_DEPTH:
                break
            stack.extend((v, level + 1) for v in (item.values() if isinstance(item, dict) else item))
    return deepest


def _place(raw: bytes, index: int) -> str:
    line = raw.count(b"\n", 0, index) + 1
    column = index - (raw.rfind(b"\n", 0, index) + 1) + 1
    return f":{line}:{column}"


def _parse(path: Path, raw: bytes):
    """(data, None) or (None, the problem as a Message)."""
    try:
        return json.loads(raw.decode("utf-8"), parse_int=_number), None
    except UnicodeDecodeError:
        return None, M.manifest_invalid_json(path=path)
    except json.JSONDecodeError as exc:
        return None, M.manifest_invalid_json(path=f"{path}:{exc.lineno}:{exc.colno}")
    except _LongNumber as exc:
        digits = str(exc).encode("ascii")
        return None, M.manifest_long_number(path=f"{path}{_place(raw, max(raw.find(digits), 0))}", n=MAX_NUMBER_CHARS)
    except RecursionError:
        return None, M.manifest_too_deep(path=path, n=MAX_MANIFEST_DEPTH)
    except ValueError:
        return None, M.manifest_invalid_json(path=path)


def read_manifest(folder: Path, required: bool = False) -> Manifest:
    """The folder's manifest, read without following a link, a regular file of at most MAX_MANIFEST_BYTES.

    An absent one is empty (an error when ``required``: verify). A manifest that is not briefgen's (not a regular
    file, or without a "briefgen" version and a files table) is refused: a run replaces only what briefgen
    wrote. One that *begins* as briefgen writes it (``HEADER``) but is damaged (invalid JSON, nested too deep, a
    number too long, no files table) is briefgen's own: a run gets an empty manifest with ``damaged`` set and
    replaces it, building every file anew; verify reports the damage. Entries that are not a plain file name in
    the folder, or not of briefgen's shape, are left out and listed in ``dropped``."""
    path = Path(folder) / MANIFEST
    try:
        fd, st = open_regular(path)
    except (FileNotFoundError, NotADirectoryError):
        if required:
            raise ManifestError(M.no_manifest(path=path)) from None
        return Manifest()
    except NotRegular:
        problem = M.manifest_not_regular(path=path)
        raise ManifestError(problem if required else M.manifest_foreign(problem=problem)) from None
    except OSError as exc:
        raise ManifestError(M.manifest_unreadable(path=path, reason=exc.strerror or exc)) from None
    try:
        if st.st_size > MAX_MANIFEST_BYTES:
            problem = M.manifest_too_large(path=path, size=megabytes(st.st_size), limit=megabytes(MAX_MANIFEST_BYTES))
            raise ManifestError(problem if required else M.manifest_foreign(problem=problem))
        with os.fdopen(fd, "rb", closefd=False) as fh:
            raw = fh.read(MAX_MANIFEST_BYTES + 1)
    except OSError as exc:
        raise ManifestError(M.manifest_unreadable(path=path, reason=exc.strerror or exc)) from None
    finally:
        os.close(fd)
    own = raw.startswith(HEADER)
    data, problem = _parse(path, raw)
    if problem is None and _depth(data) > MAX_MANIFEST_DEPTH:
        problem = M.manifest_too_deep(path=path, n=MAX_MANIFEST_DEPTH)
    if problem is None and not (isinstance(data, dict) and isinstance(data.get("briefgen"), str)
                                and isinstance(data.get("files"), dict)):
        problem = M.manifest_no_files(path=path)
    if problem is not None:
        if required:
            raise ManifestError(problem)
        if not own:
            raise ManifestError(M.manifest_foreign(problem=problem))
        return Manifest(damaged=M.manifest_replaced(problem=problem))
    files, dropped = {}, []
    for name, entry in data["files"].items():
        (files.__setitem__(name, entry) if safe_name(name) and _entry_ok(entry) else dropped.append(name))
    inputs = data.get("inputs") if isinstance(data.get("inputs"), dict) else {}
    inputs = {k: v for k, v in inputs.items() if isinstance(v, dict) and isinstance(v.get("sha256"), str)}
    return Manifest(files, inputs, dropped)


def unchanged(manifest: Manifest, folder: Path, name: str, key: str, fonts=frozenset) -> dict | None:
    """The manifest entry of ``name`` if the file is there (a regular file, not a link), as recorded, made with
    ``key`` and drawn with fonts of this run (``fonts()``: the paths it may hash) as they were."""
    entry = manifest.files.get(name)
    if not entry or entry.get("key") != key or not safe_name(name):
        return None
    path = Path(folder) / name
    try:
        if os.lstat(path).st_size != entry.get("size") or file_sha256(path, follow=False) != entry.get("sha256"):
            return None
    except OSError:
        return None
    return entry if manifest.fonts_unchanged(entry, fonts) else None


@dataclass
class Verification:
    ok: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    special: list[str] = field(default_factory=list)  # listed, but a link, a pipe, a device or a folder (not read)
    strange: list[str] = field(default_factory=list)  # entries that are no file name in this folder

    @property
    def passed(self) -> bool:
        return not (self.missing or self.changed or self.extra or self.special or self.strange)


def verify(folder: Path) -> Verification:
    """Re-hash every file the manifest of ``folder`` lists (regular files only: a link is reported, never
    followed); files it does not list are extra (briefgen's lock file aside)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ManifestError(M.verify_not_folder(path=folder))
    manifest = read_manifest(folder, required=True)
    result = Verification(strange=sorted(manifest.dropped, key=str))
    for name, entry in sorted(manifest.files.items()):
        try:
            same = file_sha256(folder / name, follow=False) == entry.get("sha256")
        except NotRegular:
            result.special.append(name)
            continue
        except FileNotFoundError:
            result.missing.append(name)
            continue
        (result.ok if same else result.changed).append(name)
    listed = set(manifest.files) | {MANIFEST, LOCK}
    for p in sorted(folder.iterdir()):
        if p.name not in listed:
            result.extra.append(p.name + ("/" if p.is_dir() and not p.is_symlink() else ""))
    return result
