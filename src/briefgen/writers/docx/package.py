"""Deterministic, atomic output: the same Document and Theme give the same bytes, and no half file.

python-docx stamps every ZIP entry with the current time; the package is rewritten here with one fixed
time (the document's date), a stable entry order ([Content_Types].xml, _rels/.rels, then by name) and
fixed entry attributes, so two builds can be diffed and checksummed.
"""

from __future__ import annotations

import io
import zipfile


def _order(name: str) -> tuple[int, str]:
    if name == "[Content_Types].xml":
        return (0, name)
    if name == "_rels/.rels":
        return (1, name)
    return (2, name)


def normalized_zip(data: bytes, date_time: tuple[int, int, int, int, int, int], replace: dict[str, bytes]) -> bytes:
    """Rewrite an OPC package with fixed entry times and order; ``replace`` swaps the bytes of entries."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for name in sorted(src.namelist(), key=_order):
            payload = replace.get(name)
            if payload is None:
                payload = src.read(name)
            info = zipfile.ZipInfo(name, date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0  # the same bytes whatever system builds the file
            info.external_attr = 0
            dst.writestr(info, payload, compresslevel=6)
    return out.getvalue()
