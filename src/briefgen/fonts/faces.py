"""Parsed font faces kept on disk, so that a process that renders does not parse its fonts again.

reportlab reads a TrueType face (``TTFontFile.extractInfo``: its names, metrics, character map and every glyph's
width and place in the file) in Python, ~20 ms for each bundled face as the cache has converted it, every time a
process registers the face: every cold build and every batch. What it reads depends on the font's bytes alone,
so the result is kept beside the converted fonts (``<cache>/fonts/<font>-<index>-<where>.<key>.face``), keyed by
the font file's version (``token``: the converted font's checksum, or an installed file's size and time), the
face index, reportlab's version and this format's. A process then reads the face's attributes back (a few
hundred kB of marshal data, ~1 ms) and hands reportlab the same font object it would have made.

Anything unexpected (a missing, unreadable or foreign file, another reportlab) falls back to reportlab's own
parsing, which then writes the file anew; a cache folder that cannot be written only costs the parsing.
"""

from __future__ import annotations

import gc
import hashlib
import io
import marshal
from fnmatch import fnmatch
from pathlib import Path
from weakref import WeakKeyDictionary

from reportlab import Version as RL_VERSION
from reportlab import rl_config
from reportlab.pdfbase import ttfonts

from ..atomic import write_atomic
from ..cache import cache_root
from ..errors import OutputError

FORMAT = 1  # of the .face files: a change here makes every kept face unread (and written again)
_SCALARS = (int, float, str, bytes, bool, type(None))


def _key(token: tuple, index: int) -> str:
    return hashlib.sha256(repr((FORMAT, RL_VERSION, marshal.version, token, index)).encode("utf-8")).hexdigest()[:16]


def _stem(embedded: Path, index: int) -> str:
    """The part of a kept face's file name that names the font file and face (two files of one name apart)."""
    where = hashlib.sha256(str(Path(embedded).resolve()).encode("utf-8")).hexdigest()[:8]
    return f"{Path(embedded).stem}-{index}-{where}"


def face_file(embedded: Path, index: int, token: tuple, cache_dir: Path | None = None) -> Path:
    """Where the parsed face ``index`` of the font file ``embedded`` at version ``token`` is kept."""
    return (cache_dir or cache_root()) / "fonts" / f"{_stem(embedded, index)}.{_key(token, index)}.face"


def _plain(value, names: dict, path: str) -> bool:
    """Whether ``value`` is made of what marshal keeps exactly (ints, floats, strings, lists, tuples, dicts); a
    reportlab name (``TTFNameBytes``, bytes with its text) is noted in ``names`` under ``path`` instead."""
    if isinstance(value, ttfonts.TTFNameBytes):
        names[path] = (bytes(value), value.ustr)
        return True
    if type(value) in _SCALARS:
        return True
    if type(value) in (list, tuple):
        return all(type(v) in _SCALARS or _plain(v, names, f"{path}/{i}") for i, v in enumerate(value))
    if type(value) is dict:
        return all(type(k) in _SCALARS and (type(v) in _SCALARS or _plain(v, names, f"{path}/{k!r}"))
                   for k, v in value.items())
    return False


def _state(face) -> dict | None:
    """The face's attributes as plain data (its font bytes and scale function left out), or None when one of
    them is not plain data (another reportlab): that face is not kept."""
    attrs, names = {}, {}
    for name, value in vars(face).items():
        if name in ("_ttf_data", "_pdfScale"):
            continue
        if not _plain(value, names, name):
            return None
        attrs[name] = None if name in names else value
    if any("/" in path for path in names):
        return None  # a name inside a list or table: not a face this format knows
    return {"attrs": attrs, "names": names}


def _scale(units_per_em: int):
    """``extractInfo``'s ``_pdfScale``: font units -> thousandths of an em, the same arithmetic."""
    if units_per_em == 1000:
        return lambda x: x
    mult = 1000 / units_per_em
    return lambda x: x * mult


def _face(state: dict, data: bytes):
    face = ttfonts.TTFontFace.__new__(ttfonts.TTFontFace)
    attrs = dict(state["attrs"])
    for name, (raw, text) in state["names"].items():
        value = ttfonts.TTFNameBytes.__new__(ttfonts.TTFNameBytes, raw)
        value.ustr = text
        attrs[name] = value
    if "tables" in attrs and "table" in attrs:  # reportlab's two views of the table directory share their records
        attrs["table"] = {record["tag"]: record for record in attrs["tables"]}
    vars(face).update(attrs)
    face._ttf_data = data
    face._pdfScale = _scale(face.unitsPerEm)
    return face


def _font(cls, name: str, face):
    """What ``cls(name, ...)`` (reportlab's ``TTFont.__init__``) makes around ``face``, for a face read back."""
    font = cls.__new__(cls)
    font.fontName = name
    font.face = face
    font.encoding = ttfonts.TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, glob) for glob in ttfonts.unShapedFontGlob)
    return font


def ttfont(cls, name: str, source, index: int, token: tuple, embedded: Path):
    """``cls(name, source, subfontIndex=index)`` (``cls``: reportlab's TTFont or a subclass), the face read from the
    kept file when there is one for ``token``, else parsed and kept. ``source`` is a path or a file object holding
    the font's bytes (read from its start)."""
    path = face_file(embedded, index, token)
    try:
        data = path.read_bytes()
        collecting = gc.isenabled()
        gc.disable()  # some 10,000 lists and tuples a face, none in a cycle: no collection while they are made
        try:
            state = marshal.loads(data)
        finally:
            if collecting:
                gc.enable()
        if not isinstance(state, dict) or state.get("token") != tuple(token) or state.get("index") != index:
            raise ValueError(path)
        if isinstance(source, io.BytesIO):
            data = source.getvalue()
        else:
            with open(source, "rb") as f:
                data = f.read()
        return _font(cls, name, _face(state["face"], data))
    except (OSError, ValueError, EOFError, TypeError, KeyError, AttributeError):
        pass
    font = cls(name, source, subfontIndex=index)
    state = _state(font.face)
    if state is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, marshal.dumps({"token": tuple(token), "index": index, "face": state}))
            for old in path.parent.glob(f"{_stem(embedded, index)}.*.face"):
                if old != path:  # the face of an earlier version of the converted file
                    old.unlink(missing_ok=True)
        except (OSError, ValueError, OutputError):
            pass  # a cache folder that cannot be written: the face is parsed each time
    return font
