"""What a PDF made of several laid-out parts needs once they are one file (``jobs.pack.merge``): page labels
that match the printed numbers, and font subsets tagged apart."""

from __future__ import annotations

import hashlib
import string


def label_pages(pdf, front: int) -> None:
    """Page labels (ISO 32000 §12.4.2): the ``front`` pages (cover, contents) as i, ii …, then 1, 2 … as the
    parts print them, so a viewer's page box shows the number on the page."""
    import pikepdf

    pdf.Root.PageLabels = pikepdf.Dictionary(Nums=pikepdf.Array([
        0, pikepdf.Dictionary(S=pikepdf.Name.r),
        front, pikepdf.Dictionary(S=pikepdf.Name.D, St=1),
    ]))


def _fonts(pdf):
    """Every font dictionary that has a subset name (ABCDEF+Name), with its descendants, once each."""
    import pikepdf

    seen: dict[tuple[int, int], object] = {}
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == pikepdf.Name.Font:
            seen[obj.objgen] = obj
    return [seen[k] for k in sorted(seen)]


def _tag(data: bytes, used: set[str]) -> str:
    """Six capitals from the font program's checksum, not yet ``used``."""
    digest = hashlib.sha256(data).digest()
    n = 0
    while True:
        value = int.from_bytes(hashlib.sha256(digest + bytes([n])).digest()[:8], "big")
        tag = ""
        for _ in range(6):
            value, k = divmod(value, 26)
            tag += string.ascii_uppercase[k]
        if tag not in used:
            return tag
        n += 1


def retag_subsets(pdf) -> None:
    """Give every embedded subset a tag of its own (ISO 32000 §9.6.4 wants different subsets to differ):
    parts laid out one by one all start at AAAAAA+, so the merged file holds several AAAAAA+NotoSerifSC with
    different glyphs. The same subset program keeps the same tag; the result is the same for the same input."""
    import pikepdf

    used: set[str] = set()
    by_program: dict[bytes, str] = {}
    for font in _fonts(pdf):
        name = str(font.get("/BaseFont", ""))
        if len(name) < 8 or name[7] != "+" or not name[1:7].isupper():
            continue
        base = name[8:]
        descriptor = font.get("/FontDescriptor")
        if descriptor is None and "/DescendantFonts" in font:
            descriptor = font.DescendantFonts[0].get("/FontDescriptor")
        program = None
        if descriptor is not None:
            for key in ("/FontFile2", "/FontFile3", "/FontFile"):
                if key in descriptor:
                    program = descriptor[key].read_raw_bytes()
                    break
        # the program and what the font maps (a subset's encoding differs even where its bytes could agree)
        key = hashlib.sha256((program or b"") + repr(font.get("/Widths", "")).encode() + base.encode()).digest()
        tag = by_program.get(key)
        if tag is None:
            tag = _tag(key, used)
            used.add(tag)
            by_program[key] = tag
        new = pikepdf.Name(f"/{tag}+{base}")
        font.BaseFont = new
        if descriptor is not None:
            descriptor.FontName = new
