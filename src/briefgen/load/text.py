"""One decoder for every text file briefgen reads (data, tables, templates, themes, briefgen.toml, reports).

In: the file's bytes and the name to show. Out: the text. UTF-16 when a BOM says so (or, for reports, when the
zero bytes of ASCII characters say so), UTF-8 with or without BOM, then GB18030, the superset of the GBK that
Notepad and Excel save on Chinese Windows ("ANSI"). Bytes that are none of these are one located error (the
line of the first bad byte) that says how to save the file.
"""

from __future__ import annotations

import re

from .. import messages as M
from ..errors import DataError, Location, Problem

_CONTROL = re.compile(r"[\ufffe\uffff\x00-\x08\x0b\x0c\x0e-\x1f]")


def _utf16(raw: bytes, guess: bool) -> str | None:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif guess and b"\x00" in raw and len(raw) % 2 == 0:  # UTF-8 and GB18030 text has no zero byte
        encoding = "utf-16-le" if raw[1::2].count(0) >= raw[0::2].count(0) else "utf-16-be"
    else:
        return None
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        return None
    return text if text and not _CONTROL.search(text) else None


def decode_text(raw: bytes, name: str, save_as: str = "UTF-8", guess_utf16: bool = False) -> str:
    """``raw`` as text; ``save_as`` names the encoding the error message asks for (e.g. "CSV UTF-8");
    ``guess_utf16`` reads UTF-16 without a BOM (reports copied out of other programs)."""
    text = _utf16(raw, guess_utf16)
    if text is not None:
        return text
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = exc.start
    try:
        text = raw.decode("gb18030")
        if re.search(r"[\u4e00-\u9fff]", text):
            return text
    except UnicodeDecodeError:
        pass
    line = raw[:bad].count(b"\n") + 1
    raise DataError([Problem(Location(name, line), "", M.not_text(byte=bad, save_as=save_as))])
