"""CFF (PostScript-outline) OpenType -> TrueType, incrementally by character set, cached per user.

reportlab embeds only TrueType (``glyf``) outlines. Converting all 31k glyphs of Noto Serif SC takes
~30 s, so a cache file holds only the characters needed so far: a base set (see ``charsets``) plus
every character a document has asked for. When a document needs characters that the source font has
and the cache lacks, the cache is rebuilt with the union; glyphs already converted are copied from the
old cache, so an extension costs about 1 ms per new glyph.

Layout of the cache (``<cache>/fonts/``)::

    NotoSerifSC-Regular-0-<key>.ttf    the converted font (key: hash of the source path and face index)
    NotoSerifSC-Regular-0-<key>.json   sidecar: source path/size/mtime/sha256, code points of the source,
                                       code points covered, size/mtime of the .ttf, converter version

    NotoSerifSC-Regular-0-<key>.ttf.lock   held while the pair is read or written (see ``lock``)

Both are written atomically (temporary file, then ``os.replace``), and every read and write of the
pair happens under the lock: a process reads a sidecar and the font it describes together, the
cache grows by one writer at a time (each re-reading what the last one wrote, so no characters are
lost), and a cold cache is converted by the first process while the others wait and reuse it. The
font is returned as bytes read under the lock, so nothing reads the file later while it is replaced.

A sidecar that does not match the source font (changed size/mtime and hash), the converter version
or the .ttf beside it makes the next call rebuild from scratch. The conversion is deterministic: the
same source and the same set of code points give the same bytes, whether built at once or extended
step by step.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .. import messages as M
from ..cache import cache_root
from ..errors import FontError, OutputError
from ..atomic import write_atomic
from .charsets import base_codepoints, from_ranges, to_ranges
from .lock import cache_lock

log = logging.getLogger("briefgen.fonts")

CONVERTER_VERSION = 3
MAX_ERR = 1.0  # cu2qu approximation tolerance in font units (1/1000 em for a 1000-unit font)
# maxp floors, above any glyph of the Noto SC fonts once converted (measured: 535 points and 41
# contours in Noto Serif SC, all 31k glyphs), so that maxp does not vary with the characters cached
MAXP_POINTS_FLOOR = 2048
MAXP_CONTOURS_FLOOR = 256


@dataclass(frozen=True)
class Converted:
    """A TrueType cache file for one CFF source face."""

    path: Path  # the .ttf to embed
    covered: frozenset[int]  # code points it maps
    source_ranges: tuple[tuple[int, int], ...]  # code points the source face maps, as ranges
    family: str
    rebuilt: bool  # True when this call wrote the file
    data: bytes = field(default=b"", repr=False, compare=False)  # the .ttf's bytes, read under the lock
    sha256: str = ""  # of ``data``: names this version of the cache file

    @property
    def source_cmap(self) -> frozenset[int]:
        return frozenset(from_ranges(self.source_ranges))


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def cache_files(source: Path, index: int, cache_dir: Path | None = None) -> tuple[Path, Path]:
    """The (.ttf, .json) paths that cache ``source`` face ``index``."""
    folder = (cache_dir or cache_root()) / "fonts"
    src = str(Path(source).resolve())
    key = hashlib.sha256(f"{src}\0{index}".encode("utf-8")).hexdigest()[:12]
    stem = f"{Path(source).stem}-{index}-{key}"
    return folder / f"{stem}.ttf", folder / f"{stem}.json"


def _read_sidecar(path: Path) -> dict | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _valid_sidecar(meta: dict | None, source: Path, index: int, ttf: Path) -> tuple[dict | None, bool]:
    """(meta, dirty): meta if the cache can be used as it is (dirty: the sidecar needs rewriting)."""
    if not meta or meta.get("version") != CONVERTER_VERSION:
        return None, False
    src = meta.get("source") or {}
    out = meta.get("output") or {}
    try:
        st = source.stat()
        ot = ttf.stat()
    except OSError:
        return None, False
    if src.get("path") != str(source.resolve()) or src.get("index") != index:
        return None, False
    if out.get("size") != ot.st_size or out.get("mtime_ns") != ot.st_mtime_ns:
        return None, False  # the .ttf was replaced, truncated or touched behind our back
    dirty = False
    if src.get("size") != st.st_size or src.get("mtime_ns") != st.st_mtime_ns:
        # reinstalled or touched: same bytes are fine, different bytes make the cache stale
        if src.get("size") != st.st_size or src.get("sha256") != _sha256(source):
            return None, False
        src["mtime_ns"] = st.st_mtime_ns
        dirty = True
    return meta, dirty


def ensure_converted(
    source: str | os.PathLike,
    index: int,
    want: Iterable[int] = (),
    *,
    cache_dir: Path | None = None,
    base: Iterable[int] | None = None,
) -> Converted:
    """A TrueType cache of CFF face ``index`` of ``source`` covering ``base`` + ``want`` (where the source has them).

    ``base`` defaults to :func:`charsets.base_codepoints`; it only matters when the cache is built from
    scratch. Raises FontError if the source cannot be read or is not a CFF font.
    """
    source = Path(source)
    ttf, side = cache_files(source, index, cache_dir)
    want = set(want)
    with cache_lock(ttf, M.font_preparing(name=source.name), on_wait=lambda: _add_wants(ttf, want)):
        meta, dirty = _valid_sidecar(_read_sidecar(side), source, index, ttf)
        if meta is not None:
            covered = from_ranges(meta["covered"])
            need = want - covered
            if need:  # characters the cache lacks: does the source have them?
                need &= from_ranges(meta["source_cmap"])
            if not need:
                try:
                    data = ttf.read_bytes()
                except OSError:
                    data = None  # vanished since the sidecar was checked: rebuilt from scratch below
                if data is not None:
                    if dirty:
                        write_atomic(side, json.dumps(meta, sort_keys=True).encode("utf-8"))
                    ranges = tuple((int(a), int(b)) for a, b in meta["source_cmap"])
                    return Converted(ttf, frozenset(covered), ranges, meta.get("family", ""), False,
                                     data, meta["output"].get("sha256", ""))
            else:
                # with what the processes waiting behind this one asked for: one extension serves them all
                need |= _pending_wants(ttf) - covered
                log.debug("adding %d characters to the cached copy of %s", len(need), source.name)
                return _done_wants(ttf, _build(source, index, covered | need, ttf, side, reuse=ttf))
        if base is None:
            base = base_codepoints()
        log.info("%s", M.font_converting(name=source.name, folder=ttf.parent))
        return _done_wants(ttf, _build(source, index, set(base) | want | _pending_wants(ttf), ttf, side, reuse=None))


# Characters that processes waiting for a cache's lock need, one JSON list of ranges a line, in
# ``<font>.ttf.wants`` (under its own, briefly held lock). The process that grows the cache adds them
# all, so twenty builds that start together on a cold cache cost one conversion and one extension,
# not one extension each. Lines whose characters the cache now covers are removed.
WANTS_READ_LIMIT = 1 << 20


def _wants_file(ttf: Path) -> Path:
    return ttf.with_name(ttf.name + ".wants")


def _add_wants(ttf: Path, want: set[int]) -> None:
    if not want:
        return
    path = _wants_file(ttf)
    try:
        with cache_lock(path):
            with open(path, "a", encoding="utf-8") as f:
                f.write(json.dumps(to_ranges(want)) + "\n")
    except OSError:
        pass  # only a missed chance to share one extension


def _read_wants(path: Path) -> list[set[int]]:
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read(WANTS_READ_LIMIT)
    except OSError:
        return []
    out = []
    for line in text.splitlines():
        try:
            out.append(from_ranges(json.loads(line)))
        except (ValueError, TypeError):
            continue  # a line cut short by a killed process
    return out


def _pending_wants(ttf: Path) -> set[int]:
    path = _wants_file(ttf)
    if not path.exists():
        return set()
    with cache_lock(path):
        return set().union(*_read_wants(path))


def _done_wants(ttf: Path, conv: Converted) -> Converted:
    """Drop the wants that ``conv`` now covers (as far as the source has them); returns ``conv``."""
    path = _wants_file(ttf)
    if not path.exists():
        return conv
    try:
        with cache_lock(path):
            has = conv.source_cmap
            left = [w for w in _read_wants(path) if not (w & has) <= conv.covered]
            if left:
                write_atomic(path, "".join(json.dumps(to_ranges(w)) + "\n" for w in left).encode("utf-8"))
            else:
                path.unlink()
    except (OSError, OutputError):
        pass
    return conv


def read_source_cmap(source: str | os.PathLike, index: int = 0, cache_dir: Path | None = None) -> set[int] | None:
    """The code points of CFF face ``index`` of ``source`` as its cache sidecar records them (None if no sidecar)."""
    source = Path(source)
    ttf, side = cache_files(source, index, cache_dir)
    with cache_lock(ttf, M.font_preparing(name=source.name)):
        meta = _read_sidecar(side)
    src = (meta or {}).get("source") or {}
    if src.get("path") != str(source.resolve()) or src.get("index") != index or "source_cmap" not in meta:
        return None
    return from_ranges(meta["source_cmap"])


def _open_source(source: Path, index: int):
    from fontTools.ttLib import TTFont, TTLibError

    font = None
    try:
        font = TTFont(source, fontNumber=index, lazy=True)
        font.getGlyphOrder()
    except (OSError, TTLibError, AssertionError, ValueError, IndexError) as exc:
        if font is not None:
            font.close()
        raise FontError(M.font_unreadable(path=source, index=index, detail=exc)) from None
    if "CFF " not in font:
        kind = M.font_kind_cff2() if "CFF2" in font else M.font_kind_not_cff()
        font.close()
        raise FontError(M.font_not_convertible(path=source, index=index, kind=kind))
    return font


def _reusable_glyphs(reuse: Path | None) -> tuple[dict[int, str], dict[str, object]] | None:
    """(cmap, raw glyphs by name) of an existing cache, or None if it cannot be read."""
    if reuse is None:
        return None
    from fontTools.ttLib import TTFont

    try:
        with TTFont(reuse, lazy=True) as old:
            return old.getBestCmap() or {}, old["glyf"].glyphs
    except Exception:  # a damaged cache is rebuilt from the source
        return None


_HEADER = struct.Struct(">hhhhh")


def _glyph_stats(glyph, glyf) -> tuple[int, int, int, int, int, int]:
    """(contours, xMin, yMin, xMax, yMax, points) of a simple glyph, raw (from a cache) or freshly drawn."""
    data = getattr(glyph, "data", None)
    if data is not None:  # compiled bytes copied from the old cache: read the header, don't expand
        if not data:
            return 0, 0, 0, 0, 0, 0
        n, x0, y0, x1, y1 = _HEADER.unpack_from(data)
        points = struct.unpack_from(">H", data, 10 + 2 * (n - 1))[0] + 1 if n > 0 else 0
        return n, x0, y0, x1, y1, points
    if not glyph.numberOfContours:
        return 0, 0, 0, 0, 0, 0
    glyph.recalcBounds(glyf)
    return glyph.numberOfContours, glyph.xMin, glyph.yMin, glyph.xMax, glyph.yMax, len(glyph.coordinates)


def _build(source: Path, index: int, codepoints: set[int], ttf: Path, side: Path, reuse: Path | None) -> Converted:
    src = _open_source(source, index)
    try:
        return _convert(src, source, index, codepoints, ttf, side, reuse)
    finally:
        src.close()


# Chinese text sets U+2014 as 一字线: a full-width bar at the middle of the em. Pan-CJK fonts such as
# Noto map U+2014 to the narrow, low Latin em dash (the wide form needs an OpenType feature reportlab
# cannot apply), so the converted font maps it to the full-width bar of U+2015 instead; the text
# still extracts as U+2014.
CHINESE_FORMS = {0x2014: 0x2015}


def chinese_forms(src, cmap: dict[int, str]) -> dict[int, str]:
    """``cmap`` with the full-width forms Chinese typesetting expects, where the font has them."""
    metrics = src["hmtx"].metrics
    em = src["head"].unitsPerEm
    out = dict(cmap)
    for cp, wide in CHINESE_FORMS.items():
        if cp in cmap and wide in cmap and metrics[cmap[cp]][0] < 0.95 * em <= metrics[cmap[wide]][0]:
            out[cp] = cmap[wide]
    return out


def _convert(src, source: Path, index: int, codepoints: set[int], ttf: Path, side: Path, reuse: Path | None) -> Converted:
    import copy
    import io

    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.filterPen import DecomposingFilterPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable

    cmap = chinese_forms(src, src.getBestCmap() or {})
    source_cmap = set(cmap)
    cps = sorted(codepoints & source_cmap)
    order = src.getGlyphOrder()
    gid = {name: i for i, name in enumerate(order)}
    notdef = order[0]
    names = sorted({cmap[c] for c in cps} | {notdef}, key=gid.__getitem__)
    # the new font's glyph names: the source's (only internal: the post table keeps no names)
    new_name = {name: name for name in names}
    new_name[notdef] = ".notdef"

    # glyphs converted before are copied byte for byte from the old cache (same bytes as a fresh
    # conversion, since each glyph converts independently of the others)
    old_glyph: dict[str, object] = {}
    old = _reusable_glyphs(reuse)
    if old is not None:
        old_cmap, old_glyphs = old
        for c in cps:
            name = cmap[c]
            if name not in old_glyph and c in old_cmap and old_cmap[c] in old_glyphs:
                old_glyph[name] = old_glyphs[old_cmap[c]]
        if ".notdef" in old_glyphs:
            old_glyph[notdef] = old_glyphs[".notdef"]

    fb = FontBuilder(src["head"].unitsPerEm, isTTF=True)
    font = fb.font
    font.recalcBBoxes = False  # bounds are computed below, without expanding reused glyphs
    fb.setupGlyphOrder([new_name[n] for n in names])
    fb.setupCharacterMap({c: new_name[cmap[c]] for c in cps}, allowFallback=True)
    glyf = font["glyf"] = newTable("glyf")
    font["loca"] = newTable("loca")
    glyf.glyphOrder = font.getGlyphOrder()
    glyf.padding = 4  # fixed alignment, so copied glyph bytes equal freshly compiled ones
    glyf.glyphs = {}

    glyphset = src.getGlyphSet()
    hmtx = src["hmtx"]
    metrics = {}
    inf = float("inf")
    bbox = [inf, inf, -inf, -inf]
    max_points = max_contours = 0
    min_lsb = min_rsb = inf
    max_extent = -inf
    for name in names:
        g = old_glyph.get(name)
        if g is None:
            pen = TTGlyphPen(None)
            glyphset[name].draw(DecomposingFilterPen(Cu2QuPen(pen, MAX_ERR, reverse_direction=True), glyphset))
            g = pen.glyph()
        new = new_name[name]
        glyf.glyphs[new] = g
        n, x0, y0, x1, y1, points = _glyph_stats(g, glyf)
        advance = hmtx[name][0]
        metrics[new] = (advance, x0 if n else 0)
        if n:
            bbox = [min(bbox[0], x0), min(bbox[1], y0), max(bbox[2], x1), max(bbox[3], y1)]
            max_points, max_contours = max(max_points, points), max(max_contours, n)
            min_lsb, min_rsb = min(min_lsb, x0), min(min_rsb, advance - x1)
            max_extent = max(max_extent, x1)
    fb.setupHorizontalMetrics(metrics)
    if bbox[0] == inf:
        bbox = [0, 0, 0, 0]
        min_lsb = min_rsb = max_extent = 0

    # Font-wide values are the source's (they describe the whole font, so they hold for any subset),
    # widened only if the converted glyphs exceed them, and maxp gets generous floors: then the
    # tables that reportlab copies into a PDF's font subset do not depend on which characters the
    # cache happens to hold, and PDFs stay byte-identical as the cache grows.
    sh, hh, post = src["head"], src["hhea"], src["post"]
    fb.updateHead(
        fontRevision=sh.fontRevision,
        created=sh.created,
        modified=sh.modified,
        flags=sh.flags | 0x2,  # left side bearing = xMin for every glyph
        macStyle=sh.macStyle,
        lowestRecPPEM=sh.lowestRecPPEM,
        fontDirectionHint=sh.fontDirectionHint,
        xMin=min(bbox[0], sh.xMin),
        yMin=min(bbox[1], sh.yMin),
        xMax=max(bbox[2], sh.xMax),
        yMax=max(bbox[3], sh.yMax),
    )
    fb.setupHorizontalHeader(
        ascent=hh.ascent,
        descent=hh.descent,
        lineGap=hh.lineGap,
        caretSlopeRise=hh.caretSlopeRise,
        caretSlopeRun=hh.caretSlopeRun,
        caretOffset=hh.caretOffset,
        advanceWidthMax=max(max(a for a, _ in metrics.values()), hh.advanceWidthMax),
        minLeftSideBearing=min(min_lsb, hh.minLeftSideBearing),
        minRightSideBearing=min(min_rsb, hh.minRightSideBearing),
        xMaxExtent=max(max_extent, hh.xMaxExtent),
    )
    os2 = copy.deepcopy(src["OS/2"])
    # keep the source's first/last character index (fontTools would recompute them from the cmap)
    os2.updateFirstAndLastCharIndex = lambda ttFont: None
    font["OS/2"] = os2
    font["name"] = copy.deepcopy(src["name"])
    fb.setupPost(
        keepGlyphNames=False,
        italicAngle=post.italicAngle,
        underlinePosition=post.underlinePosition,
        underlineThickness=post.underlineThickness,
        isFixedPitch=post.isFixedPitch,
    )
    fb.setupMaxp()
    font["maxp"].maxPoints = max(max_points, MAXP_POINTS_FLOOR)
    font["maxp"].maxContours = max(max_contours, MAXP_CONTOURS_FLOOR)

    buf = io.BytesIO()
    font.save(buf)
    data = buf.getvalue()
    family = _family(font)

    st = source.stat()
    write_atomic(ttf, data)
    ot = ttf.stat()
    meta = {
        "version": CONVERTER_VERSION,
        "source": {
            "path": str(source.resolve()),
            "index": index,
            "size": st.st_size,
            "mtime_ns": st.st_mtime_ns,
            "sha256": _sha256(source),
        },
        "family": family,
        "output": {"size": ot.st_size, "mtime_ns": ot.st_mtime_ns, "sha256": hashlib.sha256(data).hexdigest()},
        "glyphs": len(names),
        "covered": to_ranges(cps),
        "source_cmap": to_ranges(source_cmap),
    }
    write_atomic(side, json.dumps(meta, sort_keys=True).encode("utf-8"))
    return Converted(ttf, frozenset(cps), tuple(map(tuple, to_ranges(source_cmap))), family, True,
                     data, meta["output"]["sha256"])


def _family(font) -> str:
    name = font["name"]
    for ids in ((16, 1), (1,)):
        for nid in ids:
            rec = name.getName(nid, 3, 1, 0x409) or name.getName(nid, 1, 0, 0)
            if rec is not None:
                return rec.toUnicode()
    return name.getDebugName(1) or ""
