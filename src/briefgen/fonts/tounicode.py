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

from typing import Iterable

from reportlab.pdfbase import ttfonts

BFCHAR_LIMIT = 100  # entries a beginbfchar … endbfchar block may hold


def utf16_hex(cp: int) -> str:
    """A code point as the UTF-16BE hex string a CMap destination takes (a surrogate pair past U+FFFF)."""
    return chr(cp).encode("utf-16-be", "surrogatepass").hex().upper()


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
    """reportlab's TrueType font, with ToUnicode CMaps that follow the CMap rules (see the module docstring)."""

    def addObjects(self, doc) -> None:
        state = self.state.get(doc)
        if state is None:  # nothing drawn in this font: reportlab's own path adds nothing to mend
            return super().addObjects(doc)
        subsets = [list(s) for s in state.subsets]
        names = [self.getSubsetInternalName(n, doc)[1:] for n in range(len(subsets))]
        super().addObjects(doc)
        fonts = doc.idToObject["BasicFonts"].dict
        for name, subset in zip(names, subsets):
            stream = doc.idToObject[fonts[name].ToUnicode.name]
            stream.content = to_unicode_cmap(subset)
