"""Deterministic, atomic output: the same Document and Theme give the same bytes, and no half file.

python-docx stamps every ZIP entry with the current time; the package is rewritten here with one fixed
time (the document's date), a stable entry order ([Content_Types].xml, _rels/.rels, then by name) and
fixed entry attributes, so two builds can be diffed and checksummed.
"""

from __future__ import annotations

import datetime as dt

import io
import zipfile
import zlib


def _order(name: str) -> tuple[int, str]:
    if name == "[Content_Types].xml":
        return (0, name)
    if name == "_rels/.rels":
        return (1, name)
    return (2, name)


def normalized_zip(data: bytes, date_time: tuple[int, int, int, int, int, int], replace: dict[str, bytes]) -> bytes:
    """Rewrite an OPC package with fixed entry times and order; ``replace`` swaps the bytes of entries."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        entries = []
        for name in sorted(src.namelist(), key=_order):
            payload = replace.get(name)
            entries.append((name, payload if payload is not None else src.read(name), None))
    return write_package(entries, date_time)


LEVEL = 6  # deflate level of every entry


def deflated(payload: bytes) -> bytes:
    """``payload`` deflated exactly as zipfile deflates an entry at ``LEVEL`` (kept to write it again)."""
    co = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    return co.compress(payload) + co.flush()


class _Precompressed:
    """Stands in for zipfile's compressor: hands over bytes deflated before (by ``deflated``)."""

    def __init__(self, data: bytes) -> None:
        self._data = data

    def compress(self, _payload: bytes) -> bytes:
        data, self._data = self._data, b""
        return data

    def flush(self) -> bytes:
        return b""


def write_package(entries, date_time: tuple[int, int, int, int, int, int]) -> bytes:
    """The package from ``(name, payload, deflated payload or None)`` in the order given, with fixed entry
    times and attributes. An entry deflated before is not deflated again: the file is the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for name, payload, packed in entries:
            info = zipfile.ZipInfo(name, date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0  # the same bytes whatever system builds the file
            info.external_attr = 0
            if packed is None:
                dst.writestr(info, payload, compresslevel=LEVEL)
                continue
            info._compresslevel = LEVEL
            info.file_size = len(payload)
            with dst.open(info, mode="w") as dest:
                if hasattr(dest, "_compressor"):
                    dest._compressor = _Precompressed(packed)
                dest.write(payload)  # CRC and sizes from the payload itself
    return out.getvalue()


def zip_date(created: dt.date | None) -> tuple[int, int, int, int, int, int]:
    """The fixed ZIP entry time: the document's date at midnight, or the ZIP epoch when it has none. A ZIP entry's
    time holds the years 1980-2107 only: a date outside takes the nearest end (a report of 2150 still saves)."""
    if created is None or created.year < 1980:
        return (1980, 1, 1, 0, 0, 0)
    if created.year > 2107:
        return (2107, 12, 31, 0, 0, 0)
    return (created.year, created.month, created.day, 0, 0, 0)
