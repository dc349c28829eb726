"""ToUnicode CMaps that other PDF tools can read: the text layer survives Ghostscript, merging, PDF/A.

reportlab embeds a TrueType font as simple-font subsets of up to 256 codes, each with a ToUnicode CMap
that maps a code to the character it draws. Its CMaps break two rules of the CMap format (Adobe
technical note 5411, and the PDF reference's ToUnicode section), and tools that check them drop the
map, so the text of the whole font is lost after ``gs -sDEVICE=pdfwrite``:

- all codes sit in one ``beginbfchar`` block, up to 256 entries, where a block may hold at most 100;
- a character outside the BMP (𰻞 U+30EDE) is written as ``<30EDE>``, where the destination must be
  UTF-16BE: the surrogate pair ``<D883DEDE>``.

:class:`TTFont` is reportlab's TTFont with the CMap written correctly: blocks of at most 100 entries,
UTF-16BE destinations, codes that draw nothing (.notdef) left out, and the standard
``Adobe-Identity-UCS`` header.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc, ttfonts

BFCHAR_LIMIT = 100  # entries a beginbfchar … endbfchar block may hold


def utf16_hex(cp: int) -> str:
    """A code point as the UTF-16BE hex string a CMap destination takes (a surrogate pair past U+FFFF)."""
    return chr(cp).encode("utf-16-be", "surrogatepass").hex().upper()


@lru_cache(maxsize=256)
def _cmap(subset: tuple[int, ...]) -> str:
    return to_unicode_cmap(subset)


def to_unicode_cmap(subset: Iterable[int]) -> str:
    """The ToUnicode CMap of one simple-font subset: code ``i`` draws code point ``subset[i]``.

    Code point 0 stands for .notdef (codes reportlab reserves or leaves unfilled) and is not mapped.
    """
    pairs = [(code, cp) for code, cp in enumerate(subset) if cp]
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        "<00> <FF>",
        "endcodespacerange",
    ]
    for start in range(0, len(pairs), BFCHAR_LIMIT):
        block = pairs[start:start + BFCHAR_LIMIT]
        lines.append(f"{len(block)} beginbfchar")
        lines.extend(f"<{code:02X}> <{utf16_hex(cp)}>" for code, cp in block)
        lines.append("endbfchar")
    lines += [
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(lines)


class TTFont(ttfonts.TTFont):
    """reportlab's TrueType font, with ToUnicode CMaps that follow the CMap rules (see the module docstring).

    A subset that an earlier document of the process embedded (a brief made again after an edit that brought no
    new character) is not cut, compressed and written out anew: its font file, its compressed font file and CMap
    and its widths are kept, the same bytes (``_kept_subsets``, ``_KeptFlate``, ``_Widths``)."""

    def addObjects(self, doc) -> None:
        state = self.state.get(doc)
        if state is None:  # nothing drawn in this font: reportlab's own path adds nothing to mend
            return super().addObjects(doc)
        subsets = [tuple(s) for s in state.subsets]
        names = [self.getSubsetInternalName(n, doc)[1:] for n in range(len(subsets))]
        _kept_subsets(self.face)
        super().addObjects(doc)
        objects = doc.idToObject
        fonts = objects["BasicFonts"].dict
        for name, subset in zip(names, subsets):
            font = fonts[name]
            stream = objects[font.ToUnicode.name]
            stream.content = _cmap(subset)
            font_file = objects[objects[font.FontDescriptor.name].dict["FontFile2"].name]
            for kept in (stream, font_file):
                if kept.filters == [pdfdoc.PDFZCompress]:
                    kept.filters = [KEPT_FLATE]
            font.Widths = _Widths(font.Widths.sequence)


_KEEP = 64  # subsets kept per face; each is a font file of some tens of KB (and its compressed copy below)


def _kept_subsets(face) -> None:
    """Make ``face.makeSubset`` keep the subset fonts it cut, by their code list (the face never changes: a grown
    font cache registers a new face)."""
    if "makeSubset" in face.__dict__:
        return
    make = face.makeSubset
    kept: dict[tuple[int, ...], bytes] = {}

    def makeSubset(subset):  # noqa: N802  (reportlab's name)
        key = tuple(subset)
        data = kept.get(key)
        if data is None:
            data = make(subset)
            if len(kept) >= _KEEP:
                kept.clear()
            kept[key] = data
        return data

    face.makeSubset = makeSubset


class _KeptFlate:
    """reportlab's FlateDecode filter (``pdfdoc.PDFZCompress``: the same zlib bytes), keeping what it compressed
    last: a kept subset's font file (the same bytes object) and CMap are compressed once."""
    pdfname = pdfdoc.PDFZCompress.pdfname

    def __init__(self) -> None:
        self._kept: dict = {}

    def encode(self, text):
        out = self._kept.get(text)
        if out is None:
            out = pdfdoc.PDFZCompress.encode(text)
            if len(self._kept) >= 4 * _KEEP:
                self._kept.clear()
            self._kept[text] = out
        return out

    def decode(self, encoded):
        return pdfdoc.PDFZCompress.decode(encoded)


KEPT_FLATE = _KeptFlate()
_WIDTHS: dict[tuple, bytes] = {}


class _Widths(pdfdoc.PDFArray):
    """A subset's /Widths: PDFArray's bytes, formatted once per list of widths."""

    def format(self, document, IND=b"\n "):
        key = (tuple(self.sequence), self.multiline, rl_config.pdfMultiLine, IND)
        out = _WIDTHS.get(key)
        if out is None:
            out = super().format(document, IND)
            if len(_WIDTHS) >= 4 * _KEEP:
                _WIDTHS.clear()
            _WIDTHS[key] = out
        return out
