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

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import messages as M
from ..errors import BriefgenError

MANIFEST = "manifest.json"

_hash_memo: dict[tuple[str, int, int], str] = {}


def file_sha256(path: Path) -> str:
    """SHA-256 of a file, remembered for the run by (path, size, mtime)."""
    st = os.stat(path)
    memo_key = (str(path), st.st_size, st.st_mtime_ns)
    known = _hash_memo.get(memo_key)
    if known is None:
        h = hashlib.sha256()
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
        known = _hash_memo[memo_key] = h.hexdigest()
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

    def to_bytes(self, version: str) -> bytes:
        body = {"briefgen": version, "files": dict(sorted(self.files.items())), "inputs": dict(sorted(self.inputs.items()))}
        return (json.dumps(body, ensure_ascii=False, indent=1, sort_keys=False) + "\n").encode("utf-8")

    def add_input(self, path: str | Path, role: str) -> str:
        p = Path(path)
        digest = file_sha256(p)
        self.inputs[str(path)] = {"sha256": digest, "size": p.stat().st_size, "role": role}
        return str(path)

    def fonts_unchanged(self, entry: dict) -> bool:
        for font in entry.get("fonts", []):
            recorded = self.inputs.get(font, {}).get("sha256")
            try:
                if recorded is None or file_sha256(Path(font)) != recorded:
                    return False
            except OSError:
                return False
        return True


def read_manifest(folder: Path, required: bool = False) -> Manifest:
    """The folder's manifest; an absent one is empty (or an error when ``required``)."""
    path = Path(folder) / MANIFEST
    try:
        raw = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        if required:
            raise ManifestError(M.no_manifest(path=path)) from None
        return Manifest()
    except OSError as exc:
        raise ManifestError(M.manifest_unreadable(path=path, reason=exc.strerror or exc)) from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        where = f":{exc.lineno}:{exc.colno}" if isinstance(exc, json.JSONDecodeError) else ""
        raise ManifestError(M.manifest_invalid_json(path=f"{path}{where}")) from None
    files, inputs = (data.get("files"), data.get("inputs")) if isinstance(data, dict) else (None, None)
    if not isinstance(files, dict) or not isinstance(inputs, dict) or not all(isinstance(v, dict) for v in files.values()):
        raise ManifestError(M.manifest_no_files(path=path))
    return Manifest(dict(files), {k: v for k, v in inputs.items() if isinstance(v, dict)})


def unchanged(manifest: Manifest, folder: Path, name: str, key: str) -> dict | None:
    """The manifest entry of ``name`` if the file is there, as recorded, and was made with ``key``."""
    entry = manifest.files.get(name)
    if not entry or entry.get("key") != key:
        return None
    path = Path(folder) / name
    try:
        if not path.is_file() or path.stat().st_size != entry.get("size") or file_sha256(path) != entry.get("sha256"):
            return None
    except OSError:
        return None
    return entry if manifest.fonts_unchanged(entry) else None


@dataclass
class Verification:
    ok: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not (self.missing or self.changed or self.extra)


def verify(folder: Path) -> Verification:
    """Re-hash every file the manifest of ``folder`` lists; files it does not list are extra."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ManifestError(M.verify_not_folder(path=folder))
    manifest = read_manifest(folder, required=True)
    result = Verification()
    for name, entry in sorted(manifest.files.items()):
        path = folder / name
        if Path(name).name != name or not path.is_file():
            result.missing.append(name)
        elif file_sha256(path) != entry.get("sha256"):
            result.changed.append(name)
        else:
            result.ok.append(name)
    listed = set(manifest.files) | {MANIFEST}
    for p in sorted(folder.iterdir()):
        if p.name not in listed:
            result.extra.append(p.name + ("/" if p.is_dir() else ""))
    return result
