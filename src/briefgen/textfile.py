"""One decoder for every text file briefgen reads (data, tables, templates, themes, briefgen.toml).

In: the file's bytes and the name to show. Out: the text. UTF-8 (with or without BOM) first, UTF-16 when a
BOM says so, then GB18030, the superset of the GBK that Notepad and Excel save on Chinese Windows ("ANSI").
Bytes that are none of these are one located error that says how to save the file.
"""

from __future__ import annotations

from .errors import DataError, Location, Problem


def decode_text(data: bytes, name: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        try:
            return data.decode("gb18030")
        except UnicodeDecodeError:
            raise DataError([Problem(Location(name), "", f"not UTF-8 or GB18030 text (byte {exc.start}); save the file as UTF-8")]) from None
